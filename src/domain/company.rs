//! The company's own details, used in the heading and signature of every letter, and the settings
//! of the documents (export folder) and the notice engine (date of the 52-week cap).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::{format_opt_date, optional_date};
use super::employee::{optional_text, required_text};
use super::error::{FieldError, ValidationErrors, collect};
use super::ids::CompanyNumber;
use crate::text_input;

/// Stored as one JSON value under [`CompanySettings::KEY`]; fields added later read as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanySettings {
    pub name: String,
    /// One line, e.g. "Nijverheidskaai 12, 9040 Gent".
    pub address: String,
    /// Enterprise number as 10 digits (validated); empty when not set yet.
    pub company_number: String,
    /// The joint committees the company falls under, e.g. "111, 200".
    pub joint_committees: String,
    /// The text that stands in for a logo at the top of a letter.
    pub logo_text: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub social_secretariat: String,
    /// Where letters are signed: "Gent, 23/11/2026".
    pub city: String,
    /// Folder for generated documents; empty: `<database>-exports` beside the database.
    pub export_dir: String,
    /// Contracts concluded from this day get the 52-week employer notice cap; `None`: the default.
    pub notice_cap_from: Option<NaiveDate>,
}

impl CompanySettings {
    pub const KEY: &'static str = "company";

    /// `0566.988.259`, or empty.
    pub fn company_number_formatted(&self) -> String {
        CompanyNumber::parse(&self.company_number)
            .map(|c| c.formatted())
            .unwrap_or_default()
    }

    pub fn notice_cap_from(&self) -> NaiveDate {
        self.notice_cap_from
            .unwrap_or_else(super::notice::default_cap_from)
    }
}

text_input!(
    /// What the user typed for the company settings.
    CompanyInput, COMPANY_FIELDS { company_name, company_address, company_number, joint_committees, logo_text, signatory_name, signatory_title, social_secretariat, city, export_dir, notice_cap_from }
);

impl CompanyInput {
    pub fn from_settings(s: &CompanySettings) -> Self {
        CompanyInput {
            company_name: s.name.clone(),
            company_address: s.address.clone(),
            company_number: s.company_number_formatted(),
            joint_committees: s.joint_committees.clone(),
            logo_text: s.logo_text.clone(),
            signatory_name: s.signatory_name.clone(),
            signatory_title: s.signatory_title.clone(),
            social_secretariat: s.social_secretariat.clone(),
            city: s.city.clone(),
            export_dir: s.export_dir.clone(),
            notice_cap_from: format_opt_date(s.notice_cap_from),
        }
    }

    pub fn validate(&self) -> Result<CompanySettings, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let name = collect(
            &mut errs,
            required_text("company_name", &self.company_name, 120),
        );
        let address = collect(
            &mut errs,
            optional_text("company_address", &self.company_address, 200),
        );
        let number = collect(
            &mut errs,
            company_number("company_number", &self.company_number),
        );
        let mut text = |field: &'static str, value: &str, max: usize| {
            collect(&mut errs, optional_text(field, value, max)).unwrap_or_default()
        };
        let joint_committees = text("joint_committees", &self.joint_committees, 80);
        let logo_text = text("logo_text", &self.logo_text, 80);
        let signatory_name = text("signatory_name", &self.signatory_name, 80);
        let signatory_title = text("signatory_title", &self.signatory_title, 80);
        let social_secretariat = text("social_secretariat", &self.social_secretariat, 80);
        let city = text("city", &self.city, 60);
        let export_dir = text("export_dir", &self.export_dir, 400);
        let cap = collect(
            &mut errs,
            optional_date("notice_cap_from", &self.notice_cap_from),
        );
        errs.into_result(())?;
        Ok(CompanySettings {
            name: name.unwrap_or_default(),
            address: address.unwrap_or_default(),
            company_number: number.unwrap_or_default(),
            joint_committees,
            logo_text,
            signatory_name,
            signatory_title,
            social_secretariat,
            city,
            export_dir,
            notice_cap_from: cap.flatten(),
        })
    }
}

/// An enterprise (or VAT) number, kept as its 10 digits; empty is allowed (not known yet).
fn company_number(field: &'static str, text: &str) -> Result<String, FieldError> {
    if text.trim().is_empty() {
        return Ok(String::new());
    }
    CompanyNumber::parse(text)
        .map(|c| c.digits().to_string())
        .map_err(|e| FieldError::new(field, e.key()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CompanyInput {
        CompanyInput {
            company_name: "Demo Metaal NV".into(),
            company_address: "Nijverheidskaai 12, 9040 Gent".into(),
            company_number: "BE 0566.988.259".into(),
            city: "Gent".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_company_number_is_kept_as_digits_and_shown_with_dots() {
        let s = input().validate().unwrap();
        assert_eq!(s.company_number, "0566988259");
        assert_eq!(s.company_number_formatted(), "0566.988.259");
        assert_eq!(CompanyInput::from_settings(&s).validate().unwrap(), s);
    }

    #[test]
    fn a_bad_company_number_and_a_missing_name_name_their_fields() {
        let bad = CompanyInput {
            company_name: " ".into(),
            company_number: "0566.988.258".into(),
            notice_cap_from: "31/02/2026".into(),
            ..input()
        };
        let errs = bad.validate().unwrap_err();
        assert_eq!(errs.for_field("company_name").unwrap().key, "err.required");
        assert_eq!(
            errs.for_field("company_number").unwrap().key,
            "err.id_check"
        );
        assert_eq!(errs.for_field("notice_cap_from").unwrap().key, "err.date");
    }

    #[test]
    fn the_cap_date_defaults_to_the_reported_one() {
        let s = input().validate().unwrap();
        assert_eq!(
            s.notice_cap_from(),
            super::super::notice::default_cap_from()
        );
    }
}
