//! The employee dossier: identity, contact, family situation and current employment, with its validation.

use chrono::NaiveDate;
use serde::Serialize;

use super::choice::Choice;
use super::date::{optional_date, required_date};
use super::error::{FieldError, ValidationErrors, collect};
use super::ids::{Iban, Rrn};
use super::text::clean;
use crate::{choice_enum, text_input};

choice_enum!(
    /// Sex as recorded for payroll; `X` for people registered as neither.
    Sex, "sex" { Female => "f", Male => "m", X => "x", Unknown => "u" }
);

choice_enum!(
    /// Language of documents addressed to the person.
    DocLanguage, "doclang" { Dutch => "nl", French => "fr", English => "en", German => "de" }
);

choice_enum!(
    /// Worker category: white-collar (bediende/employé) and blue-collar (arbeider/ouvrier) differ in
    /// holiday pay and guaranteed salary; students, flexi-jobbers and interns have their own Dimona types.
    WorkerCategory, "category" {
        WhiteCollar => "white_collar",
        BlueCollar => "blue_collar",
        Student => "student",
        Flexi => "flexi",
        Intern => "intern",
        Agency => "agency",
    }
);

choice_enum!(
    /// Where the person stands. `Hired`: contract signed, not started yet.
    EmploymentStatus, "status" {
        Hired => "hired",
        Active => "active",
        LongAbsence => "long_absence",
        Left => "left",
    }
);

choice_enum!(
    /// Civil status as payroll needs it (withholding tax depends on it).
    MaritalStatus, "marital" {
        Single => "single",
        Married => "married",
        LegalCohabitant => "legal_cohabitant",
        Cohabiting => "cohabiting",
        Divorced => "divorced",
        Widowed => "widowed",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Address {
    pub street: String,
    pub number: String,
    #[serde(rename = "box")]
    pub box_nr: String,
    pub postal_code: String,
    pub municipality: String,
    /// ISO 3166 alpha-2, "BE" by default.
    pub country: String,
}

/// A validated employee dossier as the store keeps it. `id` is internal; people know the `number`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Employee {
    pub id: i64,
    pub data: EmployeeData,
}

/// The dossier's own fields (without the lists: contracts, contacts, documents… live beside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployeeData {
    pub number: String,
    pub first_name: String,
    pub last_name: String,
    pub preferred_name: String,
    pub sex: Sex,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: String,
    pub nationality: String,
    /// 11 digits, validated; `None` when not known yet (a new hire without their card).
    pub rrn: Option<String>,
    pub address: Address,
    pub phone: String,
    pub email_private: String,
    pub email_work: String,
    pub iban: Option<String>,
    pub language: DocLanguage,
    pub marital_status: MaritalStatus,
    pub children_in_charge: u8,
    pub department: String,
    pub job_title: String,
    pub manager_id: Option<i64>,
    pub category: WorkerCategory,
    /// Joint committee (paritair comité / commission paritaire), e.g. "200" or "111.01".
    pub joint_committee: String,
    pub start_date: NaiveDate,
    /// Seniority counts from here (earlier than start when prior contracts are bridged).
    pub seniority_date: NaiveDate,
    pub status: EmploymentStatus,
}

impl EmployeeData {
    /// "Last, First" as lists sort and show it; the preferred name wins over the first name.
    pub fn display_name(&self) -> String {
        let first = if self.preferred_name.is_empty() {
            &self.first_name
        } else {
            &self.preferred_name
        };
        format!("{}, {}", self.last_name, first)
    }

    pub fn full_name(&self) -> String {
        let first = if self.preferred_name.is_empty() {
            &self.first_name
        } else {
            &self.preferred_name
        };
        format!("{} {}", first, self.last_name)
    }
}

text_input!(
    /// What the user typed for a dossier. `manager` is the manager's employee number (the store resolves it).
    EmployeeInput, EMPLOYEE_FIELDS { number, first_name, last_name, preferred_name, sex, birth_date, birth_place, nationality, rrn, street, house_number, box_nr, postal_code, municipality, country, phone, email_private, email_work, iban, language, marital_status, children_in_charge, department, job_title, manager, category, joint_committee, start_date, seniority_date, status }
);

impl EmployeeInput {
    /// The input that shows an existing dossier in the edit form (dates typed the Belgian way).
    pub fn from_data(d: &EmployeeData, manager_number: Option<&str>) -> Self {
        use super::date::format_opt_date;
        use super::ids::{format_iban, format_rrn};
        EmployeeInput {
            number: d.number.clone(),
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            preferred_name: d.preferred_name.clone(),
            sex: d.sex.code().into(),
            birth_date: format_opt_date(d.birth_date),
            birth_place: d.birth_place.clone(),
            nationality: d.nationality.clone(),
            rrn: d.rrn.as_deref().map(format_rrn).unwrap_or_default(),
            street: d.address.street.clone(),
            house_number: d.address.number.clone(),
            box_nr: d.address.box_nr.clone(),
            postal_code: d.address.postal_code.clone(),
            municipality: d.address.municipality.clone(),
            country: d.address.country.clone(),
            phone: d.phone.clone(),
            email_private: d.email_private.clone(),
            email_work: d.email_work.clone(),
            iban: d.iban.as_deref().map(format_iban).unwrap_or_default(),
            language: d.language.code().into(),
            marital_status: d.marital_status.code().into(),
            children_in_charge: d.children_in_charge.to_string(),
            department: d.department.clone(),
            job_title: d.job_title.clone(),
            manager: manager_number.unwrap_or_default().to_string(),
            category: d.category.code().into(),
            joint_committee: d.joint_committee.clone(),
            start_date: format_opt_date(Some(d.start_date)),
            seniority_date: format_opt_date(Some(d.seniority_date)),
            status: d.status.code().into(),
        }
    }

    /// Checks every field and the rules between fields; returns every problem at once.
    /// `manager_id` is the already-resolved id of `manager` (the store looks the number up).
    pub fn validate(&self, manager_id: Option<i64>) -> Result<EmployeeData, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let number = collect(&mut errs, employee_number("number", &self.number));
        let first_name = collect(&mut errs, required_text("first_name", &self.first_name, 80));
        let last_name = collect(&mut errs, required_text("last_name", &self.last_name, 80));
        let preferred_name = collect(
            &mut errs,
            optional_text("preferred_name", &self.preferred_name, 80),
        );
        let sex = collect(&mut errs, choice_or::<Sex>("sex", &self.sex, Sex::Unknown));
        let birth_date = collect(&mut errs, optional_date("birth_date", &self.birth_date));
        let birth_place = collect(
            &mut errs,
            optional_text("birth_place", &self.birth_place, 80),
        );
        let nationality = collect(
            &mut errs,
            optional_text("nationality", &self.nationality, 40),
        );
        let rrn = collect(&mut errs, optional_rrn("rrn", &self.rrn));
        let street = collect(&mut errs, optional_text("street", &self.street, 120));
        let house_number = collect(
            &mut errs,
            optional_text("house_number", &self.house_number, 10),
        );
        let box_nr = collect(&mut errs, optional_text("box_nr", &self.box_nr, 10));
        let country = collect(&mut errs, country("country", &self.country));
        let postal_code = collect(
            &mut errs,
            postal_code(
                "postal_code",
                &self.postal_code,
                country.as_deref().unwrap_or("BE"),
            ),
        );
        let municipality = collect(
            &mut errs,
            optional_text("municipality", &self.municipality, 80),
        );
        let phone = collect(&mut errs, phone("phone", &self.phone));
        let email_private = collect(&mut errs, email("email_private", &self.email_private));
        let email_work = collect(&mut errs, email("email_work", &self.email_work));
        let iban = collect(&mut errs, optional_iban("iban", &self.iban));
        let language = collect(
            &mut errs,
            choice_or::<DocLanguage>("language", &self.language, DocLanguage::Dutch),
        );
        let marital_status = collect(
            &mut errs,
            choice_or::<MaritalStatus>(
                "marital_status",
                &self.marital_status,
                MaritalStatus::Single,
            ),
        );
        let children_in_charge = collect(
            &mut errs,
            small_count("children_in_charge", &self.children_in_charge, 20),
        );
        let department = collect(&mut errs, optional_text("department", &self.department, 60));
        let job_title = collect(&mut errs, optional_text("job_title", &self.job_title, 80));
        let category = collect(
            &mut errs,
            choice_or::<WorkerCategory>("category", &self.category, WorkerCategory::WhiteCollar),
        );
        let joint_committee = collect(
            &mut errs,
            joint_committee("joint_committee", &self.joint_committee),
        );
        let start_date = collect(&mut errs, required_date("start_date", &self.start_date));
        let seniority_date = collect(
            &mut errs,
            optional_date("seniority_date", &self.seniority_date),
        );
        let status = collect(
            &mut errs,
            choice_or::<EmploymentStatus>("status", &self.status, EmploymentStatus::Active),
        );
        if !self.manager.trim().is_empty() && manager_id.is_none() {
            errs.push(
                FieldError::new("manager", "err.manager_unknown").arg("value", self.manager.trim()),
            );
        }

        // Rules between fields.
        if let (Some(Some(r)), Some(Some(b))) = (&rrn, &birth_date)
            && let Some(rb) = r.birth_date
            && rb != *b
        {
            errs.push(FieldError::new("rrn", "err.rrn_birth_mismatch"));
        }
        if let (Some(Some(b)), Some(s)) = (birth_date, start_date)
            && b >= s
        {
            errs.push(FieldError::new("birth_date", "err.birth_after_start"));
        }
        if let (Some(Some(sen)), Some(s)) = (seniority_date, start_date)
            && sen > s
        {
            errs.push(FieldError::new(
                "seniority_date",
                "err.seniority_after_start",
            ));
        }
        if matches!(status, Some(EmploymentStatus::Left)) {
            // Leaving goes through archiving, which records the departure; a bare status would lose the why.
            errs.push(FieldError::new("status", "err.status_left_use_archive"));
        }

        let out = match errs.is_empty() {
            true => Some(EmployeeData {
                number: number.unwrap_or_default(),
                first_name: first_name.unwrap_or_default(),
                last_name: last_name.unwrap_or_default(),
                preferred_name: preferred_name.unwrap_or_default(),
                sex: sex.unwrap_or(Sex::Unknown),
                birth_date: birth_date
                    .flatten()
                    .or_else(|| rrn.clone().flatten().and_then(|r| r.birth_date)),
                birth_place: birth_place.unwrap_or_default(),
                nationality: nationality.unwrap_or_default(),
                rrn: rrn.flatten().map(|r| r.digits().to_string()),
                address: Address {
                    street: street.unwrap_or_default(),
                    number: house_number.unwrap_or_default(),
                    box_nr: box_nr.unwrap_or_default(),
                    postal_code: postal_code.unwrap_or_default(),
                    municipality: municipality.unwrap_or_default(),
                    country: country.unwrap_or_else(|| "BE".into()),
                },
                phone: phone.unwrap_or_default(),
                email_private: email_private.unwrap_or_default(),
                email_work: email_work.unwrap_or_default(),
                iban: iban.flatten().map(|i| i.compact().to_string()),
                language: language.unwrap_or(DocLanguage::Dutch),
                marital_status: marital_status.unwrap_or(MaritalStatus::Single),
                children_in_charge: children_in_charge.unwrap_or(0),
                department: department.unwrap_or_default(),
                job_title: job_title.unwrap_or_default(),
                manager_id,
                category: category.unwrap_or(WorkerCategory::WhiteCollar),
                joint_committee: joint_committee.unwrap_or_default(),
                start_date: start_date.unwrap_or_default(),
                seniority_date: seniority_date.flatten().or(start_date).unwrap_or_default(),
                status: status.unwrap_or(EmploymentStatus::Active),
            }),
            false => None,
        };
        match out {
            Some(d) => Ok(d),
            None => Err(errs),
        }
    }
}

pub fn required_text(field: &'static str, text: &str, max: usize) -> Result<String, FieldError> {
    let t = clean(text);
    if t.is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    optional_text(field, &t, max)
}

pub fn optional_text(field: &'static str, text: &str, max: usize) -> Result<String, FieldError> {
    let t = clean(text);
    if t.chars().count() > max {
        return Err(FieldError::new(field, "err.too_long").arg("max", max.to_string()));
    }
    Ok(t)
}

/// Letters, digits and `-`, up to 20 characters: what payroll systems accept as a worker number.
fn employee_number(field: &'static str, text: &str) -> Result<String, FieldError> {
    let t = required_text(field, text, 20)?;
    if !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(FieldError::new(field, "err.employee_number"));
    }
    Ok(t.to_ascii_uppercase())
}

/// A choice typed as its code (or picked in the form); empty takes the default.
pub fn choice_or<C: Choice>(field: &'static str, text: &str, default: C) -> Result<C, FieldError> {
    if text.trim().is_empty() {
        return Ok(default);
    }
    C::from_code(text).ok_or_else(|| {
        FieldError::new(field, "err.choice")
            .arg("value", clean(text))
            .arg("options", C::codes().join(", "))
    })
}

fn optional_rrn(field: &'static str, text: &str) -> Result<Option<Rrn>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Rrn::parse(text)
        .map(Some)
        .map_err(|e| FieldError::new(field, e.key()))
}

fn optional_iban(field: &'static str, text: &str) -> Result<Option<Iban>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Iban::parse(text)
        .map(Some)
        .map_err(|e| FieldError::new(field, e.key()))
}

fn country(field: &'static str, text: &str) -> Result<String, FieldError> {
    let t = clean(text).to_ascii_uppercase();
    if t.is_empty() {
        return Ok("BE".into());
    }
    if t.len() != 2 || !t.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(FieldError::new(field, "err.country"));
    }
    Ok(t)
}

/// Belgian postal codes are four digits from 1000 to 9992; other countries are only length-checked.
fn postal_code(field: &'static str, text: &str, country: &str) -> Result<String, FieldError> {
    let t = clean(text);
    if t.is_empty() {
        return Ok(t);
    }
    if country == "BE" {
        let ok = t.len() == 4 && t.parse::<u16>().is_ok_and(|n| (1000..=9992).contains(&n));
        if !ok {
            return Err(FieldError::new(field, "err.postal_code_be"));
        }
    } else if t.chars().count() > 10 {
        return Err(FieldError::new(field, "err.too_long").arg("max", "10"));
    }
    Ok(t)
}

pub fn email(field: &'static str, text: &str) -> Result<String, FieldError> {
    let t = clean(text);
    if t.is_empty() {
        return Ok(t);
    }
    let Some((local, domain)) = t.split_once('@') else {
        return Err(FieldError::new(field, "err.email_at"));
    };
    if local.is_empty()
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || t.contains(' ')
    {
        return Err(FieldError::new(field, "err.email"));
    }
    Ok(t)
}

pub fn phone(field: &'static str, text: &str) -> Result<String, FieldError> {
    let t = clean(text);
    if t.is_empty() {
        return Ok(t);
    }
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    let allowed = t
        .chars()
        .all(|c| c.is_ascii_digit() || " +-./()".contains(c));
    if !allowed || !(8..=15).contains(&digits) {
        return Err(FieldError::new(field, "err.phone"));
    }
    Ok(t)
}

fn small_count(field: &'static str, text: &str, max: u8) -> Result<u8, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(0);
    }
    match t.parse::<u8>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(FieldError::new(field, "err.count").arg("max", max.to_string())),
    }
}

/// "200", "111.01", "302": three digits, optionally a dot and two digits.
fn joint_committee(field: &'static str, text: &str) -> Result<String, FieldError> {
    let t = clean(text);
    if t.is_empty() {
        return Ok(t);
    }
    let (main, sub) = t.split_once('.').unwrap_or((&t, ""));
    let ok = main.len() == 3
        && main.bytes().all(|b| b.is_ascii_digit())
        && (sub.is_empty() || (sub.len() == 2 && sub.bytes().all(|b| b.is_ascii_digit())));
    if !ok {
        return Err(FieldError::new(field, "err.joint_committee"));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn valid_input() -> EmployeeInput {
        EmployeeInput {
            number: "e0001".into(),
            first_name: "Céline".into(),
            last_name: "Dubois".into(),
            sex: "f".into(),
            birth_date: "18/05/1993".into(),
            rrn: "93.05.18-223.61".into(),
            postal_code: "9000".into(),
            municipality: "Gent".into(),
            email_work: "celine.dubois@example.be".into(),
            iban: "BE68 5390 0754 7034".into(),
            joint_committee: "200".into(),
            start_date: "01/03/2024".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_input_validates_and_normalises() {
        let d = valid_input().validate(None).unwrap();
        assert_eq!(d.number, "E0001");
        assert_eq!(d.rrn.as_deref(), Some("93051822361"));
        assert_eq!(d.iban.as_deref(), Some("BE68539007547034"));
        assert_eq!(d.seniority_date, d.start_date);
        assert_eq!(d.address.country, "BE");
        assert_eq!(d.display_name(), "Dubois, Céline");
    }

    #[test]
    fn every_error_names_its_field() {
        let mut i = valid_input();
        i.first_name = " ".into();
        i.rrn = "93.05.18-223.62".into();
        i.email_work = "celine.example.be".into();
        i.iban = "BE68 5390 0754 7035".into();
        i.start_date = "31/02/2024".into();
        i.postal_code = "123".into();
        let e = i.validate(None).unwrap_err();
        assert_eq!(e.for_field("first_name").unwrap().key, "err.required");
        assert_eq!(e.for_field("rrn").unwrap().key, "err.id_check");
        assert_eq!(e.for_field("email_work").unwrap().key, "err.email_at");
        assert_eq!(e.for_field("iban").unwrap().key, "err.id_check");
        assert_eq!(e.for_field("start_date").unwrap().key, "err.date");
        assert_eq!(
            e.for_field("postal_code").unwrap().key,
            "err.postal_code_be"
        );
    }

    #[test]
    fn rrn_must_agree_with_the_birth_date() {
        let mut i = valid_input();
        i.birth_date = "19/05/1993".into();
        let e = i.validate(None).unwrap_err();
        assert_eq!(e.for_field("rrn").unwrap().key, "err.rrn_birth_mismatch");
    }

    #[test]
    fn birth_date_is_taken_from_the_rrn_when_left_empty() {
        let mut i = valid_input();
        i.birth_date.clear();
        let d = i.validate(None).unwrap();
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(1993, 5, 18));
    }

    #[test]
    fn unknown_manager_and_choice_codes_are_refused() {
        let mut i = valid_input();
        i.manager = "E9999".into();
        i.category = "boss".into();
        let e = i.validate(None).unwrap_err();
        assert_eq!(e.for_field("manager").unwrap().key, "err.manager_unknown");
        let c = e.for_field("category").unwrap();
        assert_eq!(c.key, "err.choice");
        assert!(
            c.args
                .iter()
                .any(|(k, v)| *k == "options" && v.contains("blue_collar"))
        );
    }

    #[test]
    fn status_left_must_go_through_archiving() {
        let mut i = valid_input();
        i.status = "left".into();
        assert_eq!(
            i.validate(None)
                .unwrap_err()
                .for_field("status")
                .unwrap()
                .key,
            "err.status_left_use_archive"
        );
    }

    #[test]
    fn field_list_matches_the_struct() {
        use crate::domain::input::TextInput;
        let mut i = EmployeeInput::default();
        for (n, f) in EMPLOYEE_FIELDS.iter().enumerate() {
            i.set(f, format!("v{n}"));
        }
        for (n, f) in EMPLOYEE_FIELDS.iter().enumerate() {
            assert_eq!(i.get(f), format!("v{n}"), "{f}");
        }
        // serde sees the same names, so the CSV header and the struct cannot drift apart.
        let json = serde_json::to_value(&i).unwrap();
        assert_eq!(json.as_object().unwrap().len(), EMPLOYEE_FIELDS.len());
        for f in EMPLOYEE_FIELDS {
            assert!(json.get(f).is_some(), "{f}");
        }
    }

    #[test]
    fn edit_form_input_round_trips_a_dossier() {
        let d = valid_input().validate(None).unwrap();
        let back = EmployeeInput::from_data(&d, None).validate(None).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn emails_phones_and_joint_committees() {
        assert!(email("e", "a@b.be").is_ok());
        assert_eq!(email("e", "a@b").unwrap_err().key, "err.email");
        assert!(phone("p", "+32 9 123 45 67").is_ok());
        assert!(phone("p", "0470/12.34.56").is_ok());
        assert!(phone("p", "12").is_err());
        assert!(phone("p", "call me").is_err());
        assert!(joint_committee("j", "111.01").is_ok());
        assert!(joint_committee("j", "11").is_err());
    }
}
