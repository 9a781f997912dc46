//! A candidate: only job-related personal data (CAO 38: nothing on religion, health or family plans),
//! and the keys that find the same person applying twice.

use chrono::NaiveDate;
use serde::Serialize;

use super::vacancy::Channel;
use crate::domain::date::{optional_date, required_date};
use crate::domain::employee::{DocLanguage, choice_or, email, optional_text, phone, required_text};
use crate::domain::error::{ValidationErrors, collect};
use crate::domain::text::search_key;
use crate::text_input;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub id: i64,
    pub data: CandidateData,
    /// Set once the personal data was purged: the row stays only for anonymous counts.
    pub purged: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateData {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: DocLanguage,
    pub source: Channel,
    pub applied_on: NaiveDate,
    pub notes: String,
    /// The day the candidate agreed to be kept in the reserve pool after the procedure.
    pub consent_on: Option<NaiveDate>,
}

impl CandidateData {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    pub fn match_keys(&self) -> MatchKeys {
        MatchKeys::of(&self.first_name, &self.last_name, &self.email, &self.phone)
    }
}

/// Folded keys for duplicate detection: e-mail in lower case, phone as its national digits,
/// name without accents or case ("Céline Dubois" = "celine dubois").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchKeys {
    pub email: String,
    pub phone: String,
    pub name: String,
}

impl MatchKeys {
    pub fn of(first: &str, last: &str, mail: &str, tel: &str) -> MatchKeys {
        MatchKeys {
            email: mail.trim().to_lowercase(),
            phone: national_digits(tel),
            name: search_key(&format!("{first} {last}")),
        }
    }
}

/// "+32 470 12 34 56", "0032470123456" and "0470/12.34.56" are the same number: 0470123456.
pub fn national_digits(tel: &str) -> String {
    let digits: String = tel.chars().filter(|c| c.is_ascii_digit()).collect();
    if let Some(rest) = digits.strip_prefix("0032") {
        format!("0{rest}")
    } else if tel.trim_start().starts_with('+') && digits.starts_with("32") {
        format!("0{}", &digits[2..])
    } else {
        digits
    }
}

text_input!(
    /// What the user typed for a candidate.
    CandidateInput, CANDIDATE_FIELDS { first_name, last_name, email, phone, language, source, applied_on, consent_on, notes }
);

impl CandidateInput {
    pub fn from_data(d: &CandidateData) -> Self {
        use crate::domain::choice::Choice;
        use crate::domain::date::format_opt_date;
        CandidateInput {
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            email: d.email.clone(),
            phone: d.phone.clone(),
            language: d.language.code().into(),
            source: d.source.code().into(),
            applied_on: format_opt_date(Some(d.applied_on)),
            consent_on: format_opt_date(d.consent_on),
            notes: d.notes.clone(),
        }
    }

    /// `today` fills an empty application date.
    pub fn validate(&self, today: NaiveDate) -> Result<CandidateData, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let first_name = collect(&mut errs, required_text("first_name", &self.first_name, 80));
        let last_name = collect(&mut errs, required_text("last_name", &self.last_name, 80));
        let mail = collect(&mut errs, email("email", &self.email));
        let tel = collect(&mut errs, phone("phone", &self.phone));
        let language = collect(
            &mut errs,
            choice_or("language", &self.language, DocLanguage::Dutch),
        );
        let source = collect(
            &mut errs,
            choice_or("source", &self.source, Channel::Website),
        );
        let applied_on = if self.applied_on.trim().is_empty() {
            Some(today)
        } else {
            collect(&mut errs, required_date("applied_on", &self.applied_on))
        };
        let consent_on = collect(&mut errs, optional_date("consent_on", &self.consent_on));
        let notes = collect(&mut errs, optional_text("notes", &self.notes, 2000));
        if language == Some(DocLanguage::German) {
            // Letters exist in nl, fr and en only.
            errs.push(
                crate::domain::error::FieldError::new("language", "err.choice")
                    .arg("value", "de")
                    .arg("options", "nl, fr, en"),
            );
        }
        errs.into_result(())?;
        Ok(CandidateData {
            first_name: first_name.unwrap_or_default(),
            last_name: last_name.unwrap_or_default(),
            email: mail.unwrap_or_default(),
            phone: tel.unwrap_or_default(),
            language: language.unwrap_or(DocLanguage::Dutch),
            source: source.unwrap_or(Channel::Website),
            applied_on: applied_on.unwrap_or(today),
            notes: notes.unwrap_or_default(),
            consent_on: consent_on.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
    }

    #[test]
    fn a_candidate_needs_a_name_and_valid_contact_details() {
        let ok = CandidateInput {
            first_name: "Céline".into(),
            last_name: "Dubois".into(),
            email: "celine@example.be".into(),
            language: "fr".into(),
            source: "forem".into(),
            ..Default::default()
        };
        let d = ok.validate(today()).unwrap();
        assert_eq!(d.applied_on, today());
        assert_eq!(d.source, Channel::Forem);
        let bad = CandidateInput {
            email: "nope".into(),
            phone: "12".into(),
            language: "de".into(),
            ..Default::default()
        };
        let e = bad.validate(today()).unwrap_err();
        for f in ["first_name", "last_name", "email", "phone", "language"] {
            assert!(e.for_field(f).is_some(), "{f}");
        }
    }

    #[test]
    fn phone_numbers_match_whatever_the_spelling() {
        for t in ["+32 470 12 34 56", "0032470123456", "0470/12.34.56"] {
            assert_eq!(national_digits(t), "0470123456", "{t}");
        }
    }

    #[test]
    fn names_match_without_accents_or_case() {
        let a = MatchKeys::of("Céline", "DUBOIS", " Celine@Example.be ", "");
        let b = MatchKeys::of("celine", "Dubois", "celine@example.be", "");
        assert_eq!(a.name, b.name);
        assert_eq!(a.email, b.email);
    }
}
