//! Leave types: what a kind of absence is called, whether it draws on a balance, who pays, which
//! payroll code it carries and how the calendar shows it. The Belgian set ships with the database
//! (migration 002); the user may rename or deactivate types, so names are data, in three languages.

use serde::Serialize;

use crate::choice_enum;
use crate::domain::choice::Choice;
use crate::domain::employee::{optional_text, required_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::records::yes_no;
use crate::text_input;

choice_enum!(
    /// Which balance a leave type draws from.
    Counting, "counting" {
        /// Does not touch a balance (small leave, birth leave, unpaid…); may have its own limits.
        None => "none",
        /// Annual leave: illness carry-over first, then legal days, then supplementary days.
        Annual => "annual",
        /// Extralegal / ADV days: carried-over company days first, then this year's.
        Extralegal => "extralegal",
    }
);

choice_enum!(
    /// The calendar colour; every type also has a letter, so the calendar reads without colour.
    Colour, "colour" {
        Green => "green",
        Cyan => "cyan",
        Blue => "blue",
        Magenta => "magenta",
        Yellow => "yellow",
        Red => "red",
        Gray => "gray",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveType {
    pub id: i64,
    /// Stable code used in CSV and on the command line (`legal`, `small_funeral`…).
    pub code: String,
    pub name_en: String,
    pub name_nl: String,
    pub name_fr: String,
    pub counting: Counting,
    pub paid: bool,
    pub certificate: bool,
    /// DmfA working-time code sent to the social secretariat (BELGIAN-RULES.md §11).
    pub payroll_code: String,
    pub colour: Colour,
    pub letter: char,
    /// Small leave and birth leave: at most this many working days per event.
    pub days_per_event: Option<u32>,
    /// Compelling reasons: at most this many working days per calendar year.
    pub days_per_year: Option<u32>,
    pub active: bool,
}

/// Codes of the types that the sickness register writes; they cannot be requested as leave.
pub const SICKNESS: &str = "sickness";
pub const WORK_ACCIDENT: &str = "work_accident";

impl LeaveType {
    /// The name in the user's language (`nl`, `fr`, anything else English).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "nl" => &self.name_nl,
            "fr" => &self.name_fr,
            _ => &self.name_en,
        }
    }

    /// Sickness and work accidents are recorded as spells in the sickness register, not requested.
    pub fn is_sickness(&self) -> bool {
        self.code == SICKNESS || self.code == WORK_ACCIDENT
    }
}

/// Finds a type by its code or by its name in any language, ignoring case and accents, so the CLI
/// accepts `--type legal` as well as `--type "wettelijke vakantie"`.
pub fn find<'a>(types: &'a [LeaveType], text: &str) -> Option<&'a LeaveType> {
    let key = crate::domain::text::search_key(text.trim());
    types.iter().find(|t| {
        t.code.eq_ignore_ascii_case(text.trim())
            || [&t.name_en, &t.name_nl, &t.name_fr]
                .iter()
                .any(|n| crate::domain::text::search_key(n) == key)
    })
}

text_input!(
    /// What the user typed to add or change a leave type. `letter` is one capital letter (lower case
    /// marks a request not yet approved in the calendar); the day limits are optional numbers.
    LeaveTypeInput, LEAVE_TYPE_FIELDS {
        code, name_nl, name_fr, name_en, counting, paid, certificate, payroll_code, colour, letter,
        days_per_event, days_per_year, active
    }
);

impl LeaveTypeInput {
    /// The input that shows a configured type, to change some of it.
    pub fn from_type(t: &LeaveType) -> Self {
        let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        LeaveTypeInput {
            code: t.code.clone(),
            name_nl: t.name_nl.clone(),
            name_fr: t.name_fr.clone(),
            name_en: t.name_en.clone(),
            counting: t.counting.code().into(),
            paid: yes(t.paid),
            certificate: yes(t.certificate),
            payroll_code: t.payroll_code.clone(),
            colour: t.colour.code().into(),
            letter: t.letter.to_string(),
            days_per_event: number(t.days_per_event),
            days_per_year: number(t.days_per_year),
            active: yes(t.active),
        }
    }

    /// Checks every field; the store gives the id and refuses what depends on history (a new
    /// counting for a type that requests already use).
    pub fn validate(&self) -> Result<LeaveType, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let code = collect(&mut errs, type_code(&self.code));
        let name_en = collect(&mut errs, required_text("name_en", &self.name_en, 80));
        // A missing Dutch or French name shows the English one rather than nothing.
        let other = |field, text: &str| {
            optional_text(field, text, 80).map(|t| {
                if t.is_empty() {
                    self.name_en.trim().to_string()
                } else {
                    t
                }
            })
        };
        let name_nl = collect(&mut errs, other("name_nl", &self.name_nl));
        let name_fr = collect(&mut errs, other("name_fr", &self.name_fr));
        let counting = collect(
            &mut errs,
            required_choice::<Counting>("counting", &self.counting),
        );
        let paid = collect(&mut errs, yes_no("paid", &self.paid));
        let certificate = collect(&mut errs, yes_no("certificate", &self.certificate));
        let payroll_code = collect(
            &mut errs,
            optional_text("payroll_code", &self.payroll_code, 10),
        );
        let colour = collect(&mut errs, required_choice::<Colour>("colour", &self.colour));
        let letter = collect(&mut errs, type_letter(&self.letter));
        let days_per_event = collect(&mut errs, day_limit("days_per_event", &self.days_per_event));
        let days_per_year = collect(&mut errs, day_limit("days_per_year", &self.days_per_year));
        let active = if self.active.trim().is_empty() {
            Some(true)
        } else {
            collect(&mut errs, yes_no("active", &self.active))
        };
        if !errs.is_empty() {
            return Err(errs);
        }
        match (code, name_en, name_nl, name_fr, counting, colour, letter) {
            (
                Some(code),
                Some(name_en),
                Some(name_nl),
                Some(name_fr),
                Some(counting),
                Some(colour),
                Some(letter),
            ) => Ok(LeaveType {
                id: 0,
                code,
                name_en,
                name_nl,
                name_fr,
                counting,
                paid: paid.unwrap_or(true),
                certificate: certificate.unwrap_or(false),
                payroll_code: payroll_code.unwrap_or_default(),
                colour,
                letter,
                days_per_event: days_per_event.flatten(),
                days_per_year: days_per_year.flatten(),
                active: active.unwrap_or(true),
            }),
            _ => Err(errs),
        }
    }
}

fn required_choice<C: Choice>(field: &'static str, text: &str) -> Result<C, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    crate::domain::employee::choice_or(field, text, C::ALL[0])
}

/// Codes are used on the command line and in CSV: lower case letters, digits and underscores.
fn type_code(text: &str) -> Result<String, FieldError> {
    let code = required_text("code", text, 30)?;
    if code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        Ok(code)
    } else {
        Err(FieldError::new("code", "err.type_code").arg("value", code))
    }
}

fn type_letter(text: &str) -> Result<char, FieldError> {
    let mut chars = text.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Ok(c),
        (None, _) => Err(FieldError::new("letter", "err.required")),
        _ => Err(FieldError::new("letter", "err.type_letter").arg("value", text.trim())),
    }
}

fn day_limit(field: &'static str, text: &str) -> Result<Option<u32>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u32>()
        .ok()
        .filter(|n| (1..=366).contains(n))
        .map(Some)
        .ok_or_else(|| FieldError::new(field, "err.day_limit").arg("value", t))
}

#[cfg(test)]
pub(crate) fn sample(id: i64, code: &str, counting: Counting) -> LeaveType {
    LeaveType {
        id,
        code: code.into(),
        name_en: format!("{code} en"),
        name_nl: format!("{code} nl"),
        name_fr: format!("{code} fr"),
        counting,
        paid: true,
        certificate: false,
        payroll_code: "1".into(),
        colour: Colour::Green,
        letter: 'V',
        days_per_event: None,
        days_per_year: None,
        active: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_code_or_by_any_name_without_accents() {
        let mut t = sample(1, "legal", Counting::Annual);
        t.name_fr = "Congé légal".into();
        let types = vec![t, sample(2, "sickness", Counting::None)];
        assert_eq!(find(&types, "LEGAL").unwrap().id, 1);
        assert_eq!(find(&types, "conge legal").unwrap().id, 1);
        assert!(find(&types, "holiday").is_none());
        assert!(types[1].is_sickness());
        assert_eq!(types[0].name("fr"), "Congé légal");
    }

    fn input() -> LeaveTypeInput {
        LeaveTypeInput {
            code: "wedding_child".into(),
            name_nl: "Klein verlet: huwelijk kind".into(),
            name_en: "Small leave: child's wedding".into(),
            counting: "none".into(),
            paid: "yes".into(),
            colour: "cyan".into(),
            letter: "K".into(),
            days_per_event: "1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_type_validates_and_fills_a_missing_name_with_the_english_one() {
        let t = input().validate().unwrap();
        assert_eq!(t.code, "wedding_child");
        assert_eq!(t.name_fr, "Small leave: child's wedding");
        assert_eq!(t.name_nl, "Klein verlet: huwelijk kind");
        assert_eq!(t.days_per_event, Some(1));
        assert!(t.active && t.paid && !t.certificate);
        assert_eq!(LeaveTypeInput::from_type(&t).validate(), Ok(t));
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = LeaveTypeInput {
            code: "Wedding Child".into(),
            name_en: String::new(),
            counting: "sometimes".into(),
            colour: "pink".into(),
            letter: "k".into(),
            days_per_event: "0".into(),
            paid: "maybe".into(),
            ..input()
        };
        let errs = bad.validate().unwrap_err();
        let mut fields: Vec<&str> = errs.0.iter().map(|e| e.field).collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "code",
                "colour",
                "counting",
                "days_per_event",
                "letter",
                "name_en",
                "paid"
            ]
        );
    }
}
