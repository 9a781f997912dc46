//! Leave types: what a kind of absence is called, whether it draws on a balance, who pays, which
//! payroll code it carries and how the calendar shows it. The Belgian set ships with the database
//! (migration 002); the user may rename or deactivate types, so names are data, in three languages.

use serde::Serialize;

use crate::choice_enum;

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
}
