//! The lists kept in a dossier beside the core fields: emergency contacts, dependants, job changes,
//! documents on file and notes. Each has a validated form and a raw text input.

use chrono::NaiveDate;
use serde::Serialize;

use super::date::{optional_date, required_date};
use super::employee::{choice_or, email, optional_text, phone, required_text};
use super::error::{ValidationErrors, collect};
use crate::{choice_enum, text_input};

choice_enum!(
    /// How a dependant relates to the employee (for withholding tax and family allowances).
    Relation, "relation" { Partner => "partner", Child => "child", Parent => "parent", Other => "other" }
);

choice_enum!(
    /// Kinds of document kept on file; some expire and show up on Today.
    DocumentKind, "doc" {
        IdCard => "id_card",
        WorkPermit => "work_permit",
        Diploma => "diploma",
        SignedContract => "signed_contract",
        WorkRulesReceipt => "work_rules_receipt",
        MedicalFitness => "medical_fitness",
        DrivingLicence => "driving_licence",
        Other => "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmergencyContact {
    pub id: i64,
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub email: String,
}

text_input!(
    /// What the user typed for an emergency contact.
    ContactInput, CONTACT_FIELDS { name, relation, phone, email }
);

impl ContactInput {
    pub fn validate(&self) -> Result<EmergencyContact, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let name = collect(&mut errs, required_text("name", &self.name, 80));
        let relation = collect(&mut errs, optional_text("relation", &self.relation, 40));
        let phone_nr = collect(&mut errs, phone("phone", &self.phone));
        let mail = collect(&mut errs, email("email", &self.email));
        if matches!(phone_nr.as_deref(), Some("")) && matches!(mail.as_deref(), Some("")) {
            errs.push(super::error::FieldError::new(
                "phone",
                "err.contact_needs_phone",
            ));
        }
        errs.into_result(())?;
        Ok(EmergencyContact {
            id: 0,
            name: name.unwrap_or_default(),
            relation: relation.unwrap_or_default(),
            phone: phone_nr.unwrap_or_default(),
            email: mail.unwrap_or_default(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dependant {
    pub id: i64,
    pub name: String,
    pub relation: Relation,
    pub birth_date: Option<NaiveDate>,
    /// Fiscally dependent ("ten laste"/"à charge").
    pub in_charge: bool,
    pub disabled: bool,
}

text_input!(
    /// What the user typed for a dependant.
    DependantInput, DEPENDANT_FIELDS { name, relation, birth_date, in_charge, disabled }
);

impl DependantInput {
    pub fn validate(&self) -> Result<Dependant, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let name = collect(&mut errs, required_text("name", &self.name, 80));
        let relation = collect(
            &mut errs,
            choice_or("relation", &self.relation, Relation::Child),
        );
        let birth_date = collect(&mut errs, optional_date("birth_date", &self.birth_date));
        let in_charge = collect(&mut errs, yes_no("in_charge", &self.in_charge));
        let disabled = collect(&mut errs, yes_no("disabled", &self.disabled));
        errs.into_result(())?;
        Ok(Dependant {
            id: 0,
            name: name.unwrap_or_default(),
            relation: relation.unwrap_or(Relation::Child),
            birth_date: birth_date.flatten(),
            in_charge: in_charge.unwrap_or(false),
            disabled: disabled.unwrap_or(false),
        })
    }
}

/// "yes"/"no" in any of the UI languages, or 1/0; empty is no.
pub fn yes_no(field: &'static str, text: &str) -> Result<bool, super::error::FieldError> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "nee" | "non" | "0" | "false" => Ok(false),
        "yes" | "y" | "ja" | "j" | "oui" | "o" | "1" | "true" => Ok(true),
        other => Err(super::error::FieldError::new(field, "err.yes_no").arg("value", other)),
    }
}

/// A dated change of department, job or manager: history, never an overwrite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobChange {
    pub id: i64,
    pub effective: NaiveDate,
    pub department: String,
    pub job_title: String,
    pub manager_id: Option<i64>,
    pub note: String,
}

text_input!(
    /// What the user typed for a transfer or job change. `manager` is an employee number.
    JobChangeInput, JOB_CHANGE_FIELDS { effective, department, job_title, manager, note }
);

impl JobChangeInput {
    pub fn validate(&self, manager_id: Option<i64>) -> Result<JobChange, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let effective = collect(&mut errs, required_date("effective", &self.effective));
        let department = collect(&mut errs, optional_text("department", &self.department, 60));
        let job_title = collect(&mut errs, optional_text("job_title", &self.job_title, 80));
        let note = collect(&mut errs, optional_text("note", &self.note, 200));
        if !self.manager.trim().is_empty() && manager_id.is_none() {
            errs.push(
                super::error::FieldError::new("manager", "err.manager_unknown")
                    .arg("value", self.manager.trim()),
            );
        }
        errs.into_result(())?;
        Ok(JobChange {
            id: 0,
            effective: effective.unwrap_or_default(),
            department: department.unwrap_or_default(),
            job_title: job_title.unwrap_or_default(),
            manager_id,
            note: note.unwrap_or_default(),
        })
    }
}

/// A file kept in the dossier. The file itself lives in Dossier's data directory under `stored_name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub id: i64,
    pub kind: DocumentKind,
    pub title: String,
    pub original_name: String,
    pub stored_name: String,
    pub dated: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub added_on: NaiveDate,
}

text_input!(
    /// What the user typed to attach a document. `path` is the file to copy in.
    DocumentInput, DOCUMENT_FIELDS { path, kind, title, dated, expires }
);

/// A document as validated, before the store copies the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub path: String,
    pub kind: DocumentKind,
    pub title: String,
    pub dated: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
}

impl DocumentInput {
    pub fn validate(&self) -> Result<NewDocument, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let path = collect(&mut errs, required_text("path", &self.path, 1000));
        let kind = collect(
            &mut errs,
            choice_or("kind", &self.kind, DocumentKind::Other),
        );
        let title = collect(&mut errs, optional_text("title", &self.title, 120));
        let dated = collect(&mut errs, optional_date("dated", &self.dated));
        let expires = collect(&mut errs, optional_date("expires", &self.expires));
        if let (Some(Some(d)), Some(Some(e))) = (dated, expires)
            && e < d
        {
            errs.push(super::error::FieldError::new(
                "expires",
                "err.end_before_start",
            ));
        }
        errs.into_result(())?;
        Ok(NewDocument {
            path: path.unwrap_or_default(),
            kind: kind.unwrap_or(DocumentKind::Other),
            title: title.unwrap_or_default(),
            dated: dated.flatten(),
            expires: expires.flatten(),
        })
    }
}

/// Keeps a file name safe to store: no directories, no leading dots, only plain characters.
pub fn sanitize_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches('.')
        .chars()
        .take(100)
        .collect::<String>();
    if trimmed.is_empty() {
        "file".into()
    } else {
        trimmed
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub id: i64,
    pub written_on: NaiveDate,
    pub author: String,
    pub confidential: bool,
    pub text: String,
}

text_input!(
    /// What the user typed for a note.
    NoteInput, NOTE_FIELDS { written_on, author, confidential, text }
);

impl NoteInput {
    pub fn validate(&self) -> Result<Note, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let written_on = collect(&mut errs, required_date("written_on", &self.written_on));
        let author = collect(&mut errs, optional_text("author", &self.author, 60));
        let confidential = collect(&mut errs, yes_no("confidential", &self.confidential));
        let text = collect(&mut errs, required_text("text", &self.text, 4000));
        errs.into_result(())?;
        Ok(Note {
            id: 0,
            written_on: written_on.unwrap_or_default(),
            author: author.unwrap_or_default(),
            confidential: confidential.unwrap_or(false),
            text: text.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_cannot_escape_the_data_directory() {
        assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            sanitize_file_name("C:\\Users\\x\\id card.pdf"),
            "id_card.pdf"
        );
        assert_eq!(sanitize_file_name(".bashrc"), "bashrc");
        assert_eq!(sanitize_file_name(""), "file");
        assert_eq!(sanitize_file_name("../"), "file");
    }

    #[test]
    fn yes_no_in_every_language() {
        for y in ["ja", "oui", "yes", "1"] {
            assert!(yes_no("f", y).unwrap());
        }
        for n in ["nee", "non", "no", ""] {
            assert!(!yes_no("f", n).unwrap());
        }
        assert!(yes_no("f", "maybe").is_err());
    }

    #[test]
    fn a_contact_needs_a_way_to_reach_them() {
        let c = ContactInput {
            name: "Mia".into(),
            ..Default::default()
        };
        assert_eq!(
            c.validate().unwrap_err().0[0].key,
            "err.contact_needs_phone"
        );
    }

    #[test]
    fn a_note_needs_text_and_a_date() {
        let e = NoteInput::default().validate().unwrap_err();
        assert!(e.for_field("written_on").is_some());
        assert!(e.for_field("text").is_some());
    }
}
