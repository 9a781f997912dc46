//! The course catalogue: what a course is, how the social balance sheet counts it, whether it leads
//! to a certificate and for how long, and for which jobs it is mandatory.

use serde::Serialize;

use super::TrainingKind;
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::{money_field, parse_minutes};
use crate::domain::text::{clean, search_key};
use crate::text_input;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Course {
    pub id: i64,
    pub data: CourseData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseData {
    pub title: String,
    pub provider: String,
    /// Given by the company's own people (internal) or bought from a provider (external).
    pub internal: bool,
    pub kind: TrainingKind,
    /// Length of the course in minutes.
    pub minutes: u32,
    pub cost_cents: i64,
    /// Language the course is given in (nl, fr, en, de), empty when it does not matter.
    pub language: String,
    /// Months a certificate from this course stays valid; `None`: no certificate.
    pub certificate_months: Option<u32>,
    /// Job titles that need this course's valid certificate (first aid, forklift, VCA…).
    pub mandatory_for: Vec<String>,
    /// Counts towards the federal individual training right (VOV and paid educational leave do not).
    pub counts_for_right: bool,
}

impl CourseData {
    /// Whether someone with `job_title` must hold this course's certificate (accents and case ignored).
    pub fn is_mandatory_for(&self, job_title: &str) -> bool {
        let job = search_key(job_title);
        !job.is_empty() && self.mandatory_for.iter().any(|j| search_key(j) == job)
    }
}

text_input!(
    /// A catalogue entry as typed. `mandatory_for` lists job titles separated by `;`.
    CourseInput, COURSE_FIELDS {
        title, provider, internal, kind, duration, cost, course_language, certificate_months, mandatory_for,
        counts_for_right,
    }
);

/// "yes"/"no" in the three languages; empty is `default`.
pub fn yes_no(field: &'static str, text: &str, default: bool) -> Result<bool, FieldError> {
    match search_key(text).as_str() {
        "" => Ok(default),
        "yes" | "y" | "ja" | "j" | "oui" | "o" | "true" | "1" => Ok(true),
        "no" | "n" | "nee" | "non" | "false" | "0" => Ok(false),
        _ => Err(FieldError::new(field, "err.yes_no").arg("value", text.trim())),
    }
}

/// A closed-list field typed as its code (or empty for `default`).
pub fn choice_field<C: Choice>(
    field: &'static str,
    text: &str,
    default: C,
) -> Result<C, FieldError> {
    if text.trim().is_empty() {
        return Ok(default);
    }
    C::from_code(text).ok_or_else(|| {
        FieldError::new(field, "err.choice")
            .arg("value", text.trim())
            .arg("options", C::codes().join(", "))
    })
}

/// A required text of at most `max` characters.
pub fn required_text(field: &'static str, text: &str, max: usize) -> Result<String, FieldError> {
    let t = clean(text);
    if t.is_empty() {
        Err(FieldError::new(field, "err.required"))
    } else if t.chars().count() > max {
        Err(FieldError::new(field, "err.too_long").arg("max", max.to_string()))
    } else {
        Ok(t)
    }
}

/// An optional text of at most `max` characters.
pub fn optional_text(field: &'static str, text: &str, max: usize) -> Result<String, FieldError> {
    let t = clean(text);
    if t.chars().count() > max {
        Err(FieldError::new(field, "err.too_long").arg("max", max.to_string()))
    } else {
        Ok(t)
    }
}

/// A whole number from `min` to `max`; empty gives `None`.
pub fn number_field(
    field: &'static str,
    text: &str,
    min: u32,
    max: u32,
) -> Result<Option<u32>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::new(field, "err.training_number")
            .arg("min", min.to_string())
            .arg("max", max.to_string())),
    }
}

/// Hours typed as 7h36, 7:36 or 7,6; required and above zero.
pub fn hours_field(field: &'static str, text: &str) -> Result<u32, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    match parse_minutes(text) {
        Some(0) => Err(FieldError::new(field, "err.training_hours_zero")),
        Some(m) => Ok(m),
        None => Err(FieldError::new(field, "err.hours").arg("value", text.trim())),
    }
}

impl CourseInput {
    pub fn validate(&self) -> Result<CourseData, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = collect(&mut e, required_text("title", &self.title, 120));
        let provider = collect(&mut e, optional_text("provider", &self.provider, 120));
        let internal = collect(&mut e, yes_no("internal", &self.internal, false));
        let kind = collect(
            &mut e,
            choice_field("kind", &self.kind, TrainingKind::Formal),
        );
        let minutes = collect(&mut e, hours_field("duration", &self.duration));
        let cost = collect(&mut e, money_field("cost", &self.cost));
        let language = collect(
            &mut e,
            language_field("course_language", &self.course_language),
        );
        let months = collect(
            &mut e,
            number_field("certificate_months", &self.certificate_months, 1, 240),
        );
        let mandatory = collect(
            &mut e,
            optional_text("mandatory_for", &self.mandatory_for, 400),
        );
        let counts = collect(
            &mut e,
            yes_no("counts_for_right", &self.counts_for_right, true),
        );
        if let (Some(m), None) = (&mandatory, months.flatten())
            && !m.is_empty()
        {
            e.push(FieldError::new(
                "mandatory_for",
                "err.training_mandatory_needs_certificate",
            ));
        }
        let data = match (
            title, provider, internal, kind, minutes, cost, language, months, mandatory, counts,
        ) {
            (
                Some(title),
                Some(provider),
                Some(internal),
                Some(kind),
                Some(minutes),
                Some(cost),
                Some(language),
                Some(certificate_months),
                Some(m),
                Some(counts_for_right),
            ) => Some(CourseData {
                title,
                provider,
                internal,
                kind,
                minutes,
                cost_cents: cost.unwrap_or(0),
                language,
                certificate_months,
                mandatory_for: job_list(&m),
                counts_for_right,
            }),
            _ => None,
        };
        match data {
            Some(d) if e.is_empty() => Ok(d),
            _ => Err(e),
        }
    }

    pub fn from_data(d: &CourseData) -> CourseInput {
        let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
        CourseInput {
            title: d.title.clone(),
            provider: d.provider.clone(),
            internal: yn(d.internal),
            kind: d.kind.code().into(),
            duration: crate::domain::money::format_minutes(d.minutes),
            cost: crate::domain::money::format_cents(d.cost_cents),
            course_language: d.language.clone(),
            certificate_months: d
                .certificate_months
                .map(|m| m.to_string())
                .unwrap_or_default(),
            mandatory_for: d.mandatory_for.join("; "),
            counts_for_right: yn(d.counts_for_right),
        }
    }
}

fn language_field(field: &'static str, text: &str) -> Result<String, FieldError> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "" | "nl" | "fr" | "en" | "de" => Ok(t),
        _ => Err(FieldError::new(field, "err.choice")
            .arg("value", text.trim())
            .arg("options", "nl, fr, en, de")),
    }
}

/// Job titles separated by `;` or `,`, trimmed, without empties or repeats.
pub fn job_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for j in text.split([';', ',']).map(clean).filter(|j| !j.is_empty()) {
        if !out.iter().any(|o| search_key(o) == search_key(&j)) {
            out.push(j);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CourseInput {
        CourseInput {
            title: "Forklift refresher".into(),
            provider: "Safety First bv".into(),
            kind: "formal".into(),
            duration: "7h36".into(),
            cost: "180,00".into(),
            certificate_months: "60".into(),
            mandatory_for: "Forklift driver; Warehouse worker".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_course_keeps_its_fields() {
        let c = input().validate().unwrap();
        assert_eq!(c.minutes, 456);
        assert_eq!(c.cost_cents, 18000);
        assert_eq!(c.certificate_months, Some(60));
        assert!(c.counts_for_right);
        assert!(!c.internal);
        assert_eq!(c.mandatory_for, vec!["Forklift driver", "Warehouse worker"]);
        assert!(c.is_mandatory_for("forklift DRIVER"));
        assert!(!c.is_mandatory_for("Welder"));
        assert!(!c.is_mandatory_for(""));
        assert_eq!(CourseInput::from_data(&c).validate().unwrap(), c);
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = CourseInput {
            title: " ".into(),
            kind: "online".into(),
            duration: "0".into(),
            cost: "abc".into(),
            course_language: "es".into(),
            certificate_months: "0".into(),
            internal: "maybe".into(),
            ..Default::default()
        };
        let e = bad.validate().unwrap_err();
        for f in [
            "title",
            "kind",
            "duration",
            "cost",
            "course_language",
            "certificate_months",
            "internal",
        ] {
            assert!(e.for_field(f).is_some(), "{f} not flagged: {e}");
        }
    }

    #[test]
    fn mandatory_courses_need_a_certificate_validity() {
        let mut i = input();
        i.certificate_months.clear();
        let e = i.validate().unwrap_err();
        assert_eq!(
            e.for_field("mandatory_for").unwrap().key,
            "err.training_mandatory_needs_certificate"
        );
    }

    #[test]
    fn job_lists_drop_empties_and_repeats() {
        assert_eq!(job_list(" a ;; A, b "), vec!["a", "b"]);
    }
}
