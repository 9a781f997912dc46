//! The forms of the Dossiers tab: which fields each has, how it validates while typing, and how it saves.

use crate::domain::contract::{ContractInput, ContractKind, DepartureInput, EndedBy};
use crate::domain::date::format_date;
use crate::domain::dimona::{DimonaInput, DimonaKind};
use crate::domain::employee::{
    DocLanguage, EmployeeInput, EmploymentStatus, MaritalStatus, Sex, WorkerCategory,
};
use crate::domain::error::ValidationErrors;
use crate::domain::records::{
    ContactInput, DependantInput, DocumentInput, DocumentKind, JobChangeInput, NoteInput, Relation,
};
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::form_flow::{FormPurpose, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

/// What a form is for, with the record it belongs to and the input it started from.
#[derive(Debug, Clone)]
pub enum Purpose {
    NewEmployee(EmployeeInput),
    EditEmployee(i64, EmployeeInput),
    Archive(i64, DepartureInput),
    AddContract(i64, ContractInput),
    EditContract(i64, i64, ContractInput),
    JobChange(i64, JobChangeInput),
    AddDocument(i64, DocumentInput),
    AddNote(i64, NoteInput),
    AddContact(i64, ContactInput),
    AddDependant(i64, DependantInput),
    AddDimona(i64, DimonaInput),
    /// A letter from a template (see generate.rs).
    MakeDocument(Box<super::generate::MakeDoc>),
}

impl Purpose {
    /// The employee the form is about (none for a new one).
    pub fn employee_id(&self) -> Option<i64> {
        match self {
            Purpose::NewEmployee(_) => None,
            Purpose::EditEmployee(id, _)
            | Purpose::Archive(id, _)
            | Purpose::AddContract(id, _)
            | Purpose::EditContract(id, _, _)
            | Purpose::JobChange(id, _)
            | Purpose::AddDocument(id, _)
            | Purpose::AddNote(id, _)
            | Purpose::AddContact(id, _)
            | Purpose::AddDependant(id, _)
            | Purpose::AddDimona(id, _) => Some(*id),
            Purpose::MakeDocument(m) => Some(m.employee_id),
        }
    }
}

use FieldKind::{Date, Money, Number, Text, YesNo};

fn employee_fields() -> Vec<(&'static str, FieldKind, bool)> {
    vec![
        ("number", Text, true),
        ("first_name", Text, true),
        ("last_name", Text, true),
        ("preferred_name", Text, false),
        ("sex", FieldKind::choice::<Sex>(), false),
        ("birth_date", Date, false),
        ("birth_place", Text, false),
        ("nationality", Text, false),
        ("rrn", Text, false),
        ("street", Text, false),
        ("house_number", Text, false),
        ("box_nr", Text, false),
        ("postal_code", Text, false),
        ("municipality", Text, false),
        ("country", Text, false),
        ("phone", Text, false),
        ("email_private", Text, false),
        ("email_work", Text, false),
        ("iban", Text, false),
        ("language", FieldKind::choice::<DocLanguage>(), false),
        (
            "marital_status",
            FieldKind::choice::<MaritalStatus>(),
            false,
        ),
        ("children_in_charge", Number, false),
        ("department", Text, false),
        ("job_title", Text, false),
        ("manager", Text, false),
        ("category", FieldKind::choice::<WorkerCategory>(), false),
        ("joint_committee", Text, false),
        ("start_date", Date, true),
        ("seniority_date", Date, false),
        (
            "status",
            FieldKind::Choice(
                [
                    EmploymentStatus::Hired,
                    EmploymentStatus::Active,
                    EmploymentStatus::LongAbsence,
                ]
                .iter()
                .map(|s| {
                    (
                        crate::domain::choice::Choice::code(*s),
                        crate::domain::choice::Choice::label_key(*s),
                    )
                })
                .collect(),
            ),
            false,
        ),
    ]
}

fn contract_fields() -> Vec<(&'static str, FieldKind, bool)> {
    vec![
        ("kind", FieldKind::choice::<ContractKind>(), true),
        ("start", Date, true),
        ("end", Date, false),
        ("weekly_hours", Text, true),
        ("full_time_hours", Text, false),
        ("schedule", Text, false),
        ("gross_monthly", Money, false),
        ("workplace", Text, false),
        ("signed_on", Date, false),
    ]
}

/// Builds the form for a purpose, titled in the user's language.
pub fn form_for(purpose: &Purpose, i18n: &I18n, who: &str) -> Form {
    let t = |k: &str| i18n.tf(k, &[("name", who)]);
    match purpose {
        Purpose::NewEmployee(v) => Form::new(t("form.new_employee"), employee_fields(), v),
        Purpose::EditEmployee(_, v) => Form::new(t("form.edit_employee"), employee_fields(), v),
        Purpose::Archive(_, v) => Form::new(
            t("form.archive"),
            vec![
                ("end_date", Date, true),
                ("ended_by", FieldKind::choice::<EndedBy>(), true),
                ("reason", Text, false),
                ("notice_weeks", Number, false),
            ],
            v,
        ),
        Purpose::AddContract(_, v) => Form::new(t("form.add_contract"), contract_fields(), v),
        Purpose::EditContract(_, _, v) => Form::new(t("form.edit_contract"), contract_fields(), v),
        Purpose::JobChange(_, v) => Form::new(
            t("form.job_change"),
            vec![
                ("effective", Date, true),
                ("department", Text, false),
                ("job_title", Text, false),
                ("manager", Text, false),
                ("note", Text, false),
            ],
            v,
        ),
        Purpose::AddDocument(_, v) => Form::new(
            t("form.add_document"),
            vec![
                ("path", Text, true),
                ("kind", FieldKind::choice::<DocumentKind>(), true),
                ("title", Text, false),
                ("dated", Date, false),
                ("expires", Date, false),
            ],
            v,
        ),
        Purpose::AddNote(_, v) => Form::new(
            t("form.add_note"),
            vec![
                ("written_on", Date, true),
                ("author", Text, false),
                ("confidential", YesNo, false),
                ("text", Text, true),
            ],
            v,
        ),
        Purpose::AddContact(_, v) => Form::new(
            t("form.add_contact"),
            vec![
                ("name", Text, true),
                ("relation", Text, false),
                ("phone", Text, false),
                ("email", Text, false),
            ],
            v,
        ),
        Purpose::AddDependant(_, v) => Form::new(
            t("form.add_dependant"),
            vec![
                ("name", Text, true),
                ("relation", FieldKind::choice::<Relation>(), true),
                ("birth_date", Date, false),
                ("in_charge", YesNo, false),
                ("disabled", YesNo, false),
            ],
            v,
        ),
        Purpose::AddDimona(_, v) => Form::new(
            t("form.add_dimona"),
            vec![
                ("kind", FieldKind::choice::<DimonaKind>(), true),
                ("declared_on", Date, true),
                ("reference", Text, false),
                ("start", Date, false),
                ("end", Date, false),
                ("note", Text, false),
            ],
            v,
        ),
        Purpose::MakeDocument(m) => m.form(i18n, who),
    }
}

impl Purpose {
    /// The domain's verdict on what is typed so far (no writes).
    fn check(&self, form: &Form, store: &Store) -> ValidationErrors {
        fn errs<T>(r: Result<T, ValidationErrors>) -> ValidationErrors {
            r.err().unwrap_or_default()
        }
        let manager = |number: &str| store.employees().manager_id(number).ok().flatten();
        match self {
            Purpose::NewEmployee(b) | Purpose::EditEmployee(_, b) => {
                let v = form.values(b);
                errs(v.validate(manager(&v.manager)))
            }
            Purpose::Archive(id, b) => {
                let start = store
                    .employees()
                    .get(*id)
                    .map(|e| e.data.start_date)
                    .unwrap_or_default();
                errs(form.values(b).validate(start))
            }
            Purpose::AddContract(_, b) | Purpose::EditContract(_, _, b) => {
                errs(form.values(b).validate())
            }
            Purpose::JobChange(_, b) => {
                let v = form.values(b);
                errs(v.validate(manager(&v.manager)))
            }
            Purpose::AddDocument(_, b) => errs(form.values(b).validate()),
            Purpose::AddNote(_, b) => errs(form.values(b).validate()),
            Purpose::AddContact(_, b) => errs(form.values(b).validate()),
            Purpose::AddDependant(_, b) => errs(form.values(b).validate()),
            Purpose::AddDimona(_, b) => errs(form.values(b).validate()),
            // Reviewed with its notes in `review` below.
            Purpose::MakeDocument(_) => ValidationErrors::default(),
        }
    }
}

impl FormPurpose for Purpose {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        match self {
            Purpose::MakeDocument(m) => m.review(form, store, i18n),
            _ => self.check(form, store).into(),
        }
    }

    fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError> {
        let records = store.records();
        let done = |employee_id, message_key| {
            Ok(Saved {
                employee_id,
                message_key,
            })
        };
        match self {
            Purpose::NewEmployee(b) => {
                let e = store.employees().add(&form.values(b), None)?;
                done(e.id, "msg.employee_added")
            }
            Purpose::EditEmployee(id, b) => {
                store.employees().update(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::Archive(id, b) => {
                store.employees().archive(*id, &form.values(b))?;
                done(*id, "msg.archived")
            }
            Purpose::AddContract(id, b) => {
                records.add_contract(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::EditContract(id, cid, b) => {
                records.update_contract(*cid, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::JobChange(id, b) => {
                records.add_job_change(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddDocument(id, b) => {
                records.add_document(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddNote(id, b) => {
                records.add_note(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddContact(id, b) => {
                records.add_contact(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddDependant(id, b) => {
                records.add_dependant(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddDimona(id, b) => {
                store.dimona().add(*id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::MakeDocument(m) => m.save(form, store, i18n),
        }
    }

    /// Archiving asks first: it changes what every list shows.
    fn question(&self, form: &Form, store: &Store, i18n: &I18n) -> Option<String> {
        match self {
            Purpose::Archive(id, b) => {
                let v = form.values(b);
                let date = crate::domain::date::parse_date(&v.end_date)
                    .map(format_date)
                    .unwrap_or_default();
                let who = store
                    .employees()
                    .get(*id)
                    .map(|e| e.data.full_name())
                    .unwrap_or_default();
                Some(i18n.tf("confirm.archive", &[("name", &who), ("date", &date)]))
            }
            _ => None,
        }
    }
}

pub fn today_text(store: &Store) -> String {
    format_date(store.clock().today())
}
