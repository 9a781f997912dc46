//! The moves that need a word from the user: back to an earlier stage (why), rejected (a reason
//! from the company's list), withdrawn, and the hire (asked first, then the new dossier shows).

use super::forms::RecruitForm;
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::employee::WorkerCategory;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::recruitment::{Pipeline, Stage, check_move};
use crate::i18n::I18n;
use crate::store::recruitment::{ApplicationRow, HireInput};
use crate::store::{Store, StoreError};
use crate::text_input;
use crate::ui::form_flow::{FormPurpose, FormState, Review, Saved};
use crate::ui::request::Request;
use crate::ui::widgets::bars::Level;
use crate::ui::widgets::form::{FieldKind, Form};

text_input!(
    /// A stage move as typed: where to and why.
    MoveInput, MOVE_FIELDS { stage, reason }
);

text_input!(
    /// What hiring needs as typed.
    HireFormInput, HIRE_FIELDS { number, start_date, end_date, category }
);

#[derive(Debug, Clone)]
pub struct MoveForm {
    pub application_id: i64,
    pub from: Stage,
    pub input: MoveInput,
}

type Opened = Result<FormState<RecruitForm>, Request>;

fn open(
    store: &Store,
    i18n: &I18n,
    app: &ApplicationRow,
    title: String,
    spec: Vec<(&'static str, FieldKind, bool)>,
    input: MoveInput,
) -> Opened {
    let form = Form::new(title, spec, &input);
    let purpose = MoveForm {
        application_id: app.id,
        from: app.stage,
        input,
    };
    Ok(FormState::new(
        form,
        RecruitForm::Move(purpose),
        store,
        i18n,
    ))
}

/// Back to an earlier stage of the pipeline (the one before by default), with the reason.
pub fn back_form(store: &Store, i18n: &I18n, app: &ApplicationRow, pipeline: &Pipeline) -> Opened {
    if app.stage == Stage::Hired {
        return Err(Request::Status(
            i18n.t("err.stage_hired_final"),
            Level::Error,
        ));
    }
    // From rejected or withdrawn any stage may reopen; else only those before the current one.
    let earlier: Vec<Stage> = match pipeline.0.iter().position(|s| *s == app.stage) {
        Some(i) => pipeline.0[..i].to_vec(),
        None => pipeline
            .0
            .iter()
            .copied()
            .filter(|s| *s != Stage::Hired)
            .collect(),
    };
    let Some(last) = earlier.last() else {
        return Err(Request::Status(i18n.t("recruit.no_earlier"), Level::Error));
    };
    let options = earlier
        .iter()
        .map(|s| (s.code().to_string(), i18n.choice(*s)))
        .collect();
    let input = MoveInput {
        stage: last.code().into(),
        reason: String::new(),
    };
    open(
        store,
        i18n,
        app,
        i18n.tf("recruit.back_title", &[("name", &app.name)]),
        vec![
            ("stage", FieldKind::Pick(options), true),
            ("reason", FieldKind::Text, true),
        ],
        input,
    )
}

/// Rejected, with a reason from the company's list (job-related only).
pub fn reject_form(store: &Store, i18n: &I18n, app: &ApplicationRow) -> Opened {
    let reasons = store.recruitment().rejection_reasons().unwrap_or_default();
    let options = reasons
        .0
        .iter()
        .map(|r| {
            let key = format!("reject.{r}");
            let label = i18n.t(&key);
            (r.clone(), if label == key { r.clone() } else { label })
        })
        .collect();
    let input = MoveInput {
        stage: Stage::Rejected.code().into(),
        reason: reasons.0.first().cloned().unwrap_or_default(),
    };
    open(
        store,
        i18n,
        app,
        i18n.tf("recruit.reject_title", &[("name", &app.name)]),
        vec![("reason", FieldKind::Pick(options), true)],
        input,
    )
}

/// Withdrawn by the candidate; the reason is optional.
pub fn withdraw_form(store: &Store, i18n: &I18n, app: &ApplicationRow) -> Opened {
    let input = MoveInput {
        stage: Stage::Withdrawn.code().into(),
        reason: String::new(),
    };
    open(
        store,
        i18n,
        app,
        i18n.tf("recruit.withdraw_title", &[("name", &app.name)]),
        vec![("reason", FieldKind::Text, false)],
        input,
    )
}

impl MoveForm {
    fn target(&self, form: &Form) -> (Stage, String) {
        let v = form.values(&self.input);
        (
            Stage::from_code(&v.stage).unwrap_or(Stage::Received),
            v.reason,
        )
    }
}

impl FormPurpose for MoveForm {
    fn review(&self, form: &Form, store: &Store, _i18n: &I18n) -> Review {
        let (to, reason) = self.target(form);
        let r = store.recruitment();
        let pipeline = r.pipeline().unwrap_or_default();
        let reasons = r.rejection_reasons().unwrap_or_default();
        let mut errs = ValidationErrors::default();
        if let Err(e) = check_move(&pipeline, self.from, to, &reason, &reasons) {
            errs.push(e);
        }
        errs.into()
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let (to, reason) = self.target(form);
        store
            .recruitment()
            .move_stage(self.application_id, to, &reason)?;
        Ok(Saved {
            employee_id: self.application_id,
            message_key: "recruit.move_saved",
        })
    }
}

#[derive(Debug, Clone)]
pub struct HireForm {
    pub application_id: i64,
    pub name: String,
    pub input: HireFormInput,
}

/// The hire form, only from the offer stage: the first working day defaults to the vacancy's.
pub fn hire_form(store: &Store, i18n: &I18n, app: &ApplicationRow) -> Opened {
    if app.stage != Stage::Offer {
        return Err(Request::Status(
            i18n.tf("err.hire_not_offer", &[("stage", &i18n.choice(app.stage))]),
            Level::Error,
        ));
    }
    let wanted = store
        .recruitment()
        .vacancy(app.vacancy_id)
        .ok()
        .and_then(|v| v.data.start_wanted);
    let start = crate::store::recruitment::default_start(wanted, store.clock().today());
    let input = HireFormInput {
        start_date: format_date(start),
        category: WorkerCategory::WhiteCollar.code().into(),
        ..Default::default()
    };
    let form = Form::new(
        i18n.tf("recruit.hire_title", &[("name", &app.name)]),
        vec![
            ("number", FieldKind::Text, false),
            ("start_date", FieldKind::Date, true),
            ("end_date", FieldKind::Date, false),
            ("category", FieldKind::choice::<WorkerCategory>(), true),
        ],
        &input,
    );
    let purpose = HireForm {
        application_id: app.id,
        name: app.name.clone(),
        input,
    };
    Ok(FormState::new(
        form,
        RecruitForm::Hire(purpose),
        store,
        i18n,
    ))
}

impl FormPurpose for HireForm {
    fn review(&self, form: &Form, _store: &Store, i18n: &I18n) -> Review {
        let v = form.values(&self.input);
        let mut errs = ValidationErrors::default();
        if crate::domain::date::parse_date(&v.start_date).is_none() {
            errs.push(FieldError::new("start_date", "err.date").arg("value", v.start_date.trim()));
        }
        if !v.end_date.trim().is_empty() && crate::domain::date::parse_date(&v.end_date).is_none() {
            errs.push(FieldError::new("end_date", "err.date").arg("value", v.end_date.trim()));
        }
        Review {
            errors: errs,
            notes: vec![i18n.t("recruit.hire_hint")],
        }
    }

    fn question(&self, form: &Form, _store: &Store, i18n: &I18n) -> Option<String> {
        let v = form.values(&self.input);
        Some(i18n.tf(
            "recruit.hire_confirm",
            &[("name", &self.name), ("date", v.start_date.trim())],
        ))
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let v = form.values(&self.input);
        let e = store.recruitment().hire(
            self.application_id,
            &HireInput {
                number: v.number,
                start_date: v.start_date,
                end_date: v.end_date,
                category: v.category,
            },
        )?;
        Ok(Saved {
            employee_id: e.id,
            message_key: "recruit.hired",
        })
    }
}
