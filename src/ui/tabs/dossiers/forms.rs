//! The forms of the Dossiers tab: which fields each has, how it validates while typing, and how it saves.

use crate::domain::confidential::{
    GrievanceInput, MeasureInput, MeasureKind, MedicalNoteInput, PinInput, check_new_pin,
};
use crate::domain::contract::{ContractInput, ContractKind, DepartureInput, EndedBy};
use crate::domain::date::format_date;
use crate::domain::dimona::{DimonaInput, DimonaKind};
use crate::domain::employee::{
    DocLanguage, EmployeeInput, EmploymentStatus, MaritalStatus, Sex, WorkerCategory,
};
use crate::domain::error::ValidationErrors;
use crate::domain::input::TextInput;
use crate::domain::records::{
    ContactInput, DependantInput, DocumentInput, DocumentKind, JobChangeInput, NoteInput, Relation,
};
use crate::domain::training::TrainingKind;
use crate::domain::training::certificate::RecordInput;
use crate::i18n::I18n;
use crate::store::{Store, StoreError, Unlocked};
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
    /// The PIN of the confidential area, asked in this person's dossier (saved by the tab itself,
    /// which keeps the proof).
    Unlock(i64, PinInput),
    /// Choose the PIN (the first time), or change it (`true`: the current one is asked too).
    SetPin(i64, bool, PinInput),
    AddMeasure(i64, MeasureInput, Unlocked),
    EditMeasure(i64, i64, MeasureInput, Unlocked),
    AddGrievance(i64, GrievanceInput, Unlocked),
    EditGrievance(i64, i64, GrievanceInput, Unlocked),
    AddMedical(i64, MedicalNoteInput, Unlocked),
    EditMedical(i64, i64, MedicalNoteInput, Unlocked),
    /// A course followed elsewhere or a certificate obtained outside; the catalogue's courses to pick.
    AddTrainingRecord(i64, RecordInput, Vec<(String, String)>),
}

impl Purpose {
    /// A form of the confidential area (its PIN, a measure, a grievance, a medical note): what is
    /// typed in it never goes into a draft file.
    pub fn is_confidential(&self) -> bool {
        matches!(
            self,
            Purpose::Unlock(..)
                | Purpose::SetPin(..)
                | Purpose::AddMeasure(..)
                | Purpose::EditMeasure(..)
                | Purpose::AddGrievance(..)
                | Purpose::EditGrievance(..)
                | Purpose::AddMedical(..)
                | Purpose::EditMedical(..)
        )
    }

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
            Purpose::Unlock(id, _)
            | Purpose::SetPin(id, _, _)
            | Purpose::AddMeasure(id, _, _)
            | Purpose::EditMeasure(id, _, _, _)
            | Purpose::AddGrievance(id, _, _)
            | Purpose::EditGrievance(id, _, _, _)
            | Purpose::AddMedical(id, _, _)
            | Purpose::EditMedical(id, _, _, _) => Some(*id),
            Purpose::AddTrainingRecord(id, _, _) => Some(*id),
        }
    }
}

use FieldKind::{Date, Money, Number, Text, YesNo};

fn measure_fields() -> Vec<(&'static str, FieldKind, bool)> {
    vec![
        ("kind", FieldKind::choice::<MeasureKind>(), true),
        ("facts_on", Date, true),
        ("facts", Text, true),
        ("hearing_on", Date, false),
        ("heard_by", Text, false),
        ("follow_up", Text, false),
        ("decision", Text, false),
        ("decided_on", Date, false),
        ("letters", Text, false),
    ]
}

fn grievance_fields() -> Vec<(&'static str, FieldKind, bool)> {
    vec![
        ("received_on", Date, true),
        ("subject", Text, true),
        ("text", Text, false),
        ("handled_by", Text, false),
        ("outcome", Text, false),
        ("closed_on", Date, false),
    ]
}

fn medical_fields() -> Vec<(&'static str, FieldKind, bool)> {
    vec![
        ("written_on", Date, true),
        ("source", Text, false),
        ("text", Text, true),
    ]
}

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
        Purpose::Unlock(_, v) => {
            Form::new(t("form.unlock"), vec![("pin", FieldKind::Secret, true)], v)
        }
        Purpose::SetPin(_, change, v) => {
            let mut fields = vec![
                ("pin", FieldKind::Secret, true),
                ("repeat", FieldKind::Secret, true),
            ];
            if *change {
                fields.insert(0, ("current", FieldKind::Secret, true));
            }
            Form::new(t("form.set_pin"), fields, v)
        }
        Purpose::AddMeasure(_, v, _) => Form::new(t("form.add_measure"), measure_fields(), v),
        Purpose::EditMeasure(_, _, v, _) => Form::new(t("form.edit_measure"), measure_fields(), v),
        Purpose::AddGrievance(_, v, _) => Form::new(t("form.add_grievance"), grievance_fields(), v),
        Purpose::EditGrievance(_, _, v, _) => {
            Form::new(t("form.edit_grievance"), grievance_fields(), v)
        }
        Purpose::AddMedical(_, v, _) => Form::new(t("form.add_medical"), medical_fields(), v),
        Purpose::EditMedical(_, _, v, _) => Form::new(t("form.edit_medical"), medical_fields(), v),
        Purpose::AddTrainingRecord(_, v, courses) => Form::new(
            t("form.add_training_record"),
            vec![
                ("course", FieldKind::Pick(courses.clone()), false),
                ("title", Text, false),
                ("kind", FieldKind::choice::<TrainingKind>(), false),
                ("from", Date, true),
                ("to", Date, false),
                ("duration", Text, false),
                ("cost", Money, false),
                ("certificate_no", Text, false),
                ("expires", Date, false),
                ("counts_for_right", YesNo, false),
            ],
            v,
        ),
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
            // A PIN is checked when it is given, not while it is typed.
            Purpose::Unlock(..) => ValidationErrors::default(),
            Purpose::SetPin(_, _, b) => {
                let v = form.values(b);
                let mut e = check_new_pin(&v).err().unwrap_or_default();
                e.0.retain(|f| !v.get(f.field).is_empty());
                e
            }
            Purpose::AddMeasure(_, b, _) | Purpose::EditMeasure(_, _, b, _) => {
                errs(form.values(b).validate())
            }
            Purpose::AddGrievance(_, b, _) | Purpose::EditGrievance(_, _, b, _) => {
                errs(form.values(b).validate())
            }
            Purpose::AddMedical(_, b, _) | Purpose::EditMedical(_, _, b, _) => {
                errs(form.values(b).validate())
            }
            Purpose::AddTrainingRecord(_, b, _) => {
                match store.training().check_record(&form.values(b)) {
                    Err(StoreError::Invalid(e)) => e,
                    _ => ValidationErrors::default(),
                }
            }
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
            // The tab saves these itself to keep the proof (see DossiersTab::give_pin); here
            // the PIN is only checked.
            Purpose::Unlock(id, b) => {
                store.confidential().unlock(&form.values(b).pin)?;
                done(*id, "msg.unlocked")
            }
            Purpose::SetPin(id, _, b) => {
                store.confidential().set_pin(&form.values(b))?;
                done(*id, "msg.pin_set")
            }
            Purpose::AddMeasure(id, b, k) => {
                store.confidential().add_measure(k, *id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::EditMeasure(id, rid, b, k) => {
                store
                    .confidential()
                    .update_measure(k, *rid, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddGrievance(id, b, k) => {
                store
                    .confidential()
                    .add_grievance(k, *id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::EditGrievance(id, rid, b, k) => {
                store
                    .confidential()
                    .update_grievance(k, *rid, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddMedical(id, b, k) => {
                store
                    .confidential()
                    .add_medical_note(k, *id, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::EditMedical(id, rid, b, k) => {
                store
                    .confidential()
                    .update_medical_note(k, *rid, &form.values(b))?;
                done(*id, "msg.saved")
            }
            Purpose::AddTrainingRecord(id, b, _) => {
                store.training().add_record_input(*id, &form.values(b))?;
                done(*id, "msg.training_record_added")
            }
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
