//! The forms about meeting a candidate: a screening answer, an interview or assessment (a clash is
//! named beside the time and refused unless a reason to save anyway is typed), a reference check.

use chrono::{Datelike, Duration, NaiveDateTime, Weekday};

use super::forms::RecruitForm;
use crate::domain::choice::Choice;
use crate::domain::employee::{optional_text, required_text};
use crate::domain::error::{ValidationErrors, collect};
use crate::domain::recruitment::interview::{duration_minutes, parse_start};
use crate::domain::recruitment::{Answer, InterviewSlot};
use crate::i18n::I18n;
use crate::store::recruitment::{ApplicationRow, InterviewInput};
use crate::store::{Store, StoreError};
use crate::text_input;
use crate::ui::form_flow::{FormPurpose, FormState, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

text_input!(
    /// One screening answer as typed.
    ScreeningInput, SCREENING_FIELDS { answer, note }
);

text_input!(
    /// An interview as typed: interviewers as employee numbers separated by commas.
    InterviewFormInput, INTERVIEW_FORM_FIELDS { interview_kind, at, minutes, place, interviewers, clash_override }
);

text_input!(
    /// A reference check as typed.
    ReferenceInput, REFERENCE_FIELDS { referee, relation, notes }
);

#[derive(Debug, Clone)]
pub struct ScreeningForm {
    pub application_id: i64,
    pub criterion_id: i64,
    pub input: ScreeningInput,
}

/// The answer form of the `index`-th criterion; `None` when the vacancy has no profile.
pub fn screening_form(
    store: &Store,
    i18n: &I18n,
    app: &ApplicationRow,
    index: usize,
) -> Option<FormState<RecruitForm>> {
    let lines = store.recruitment().screening(app.id).ok()?;
    let line = lines.get(index)?;
    let input = ScreeningInput {
        answer: line.answer.unwrap_or(Answer::Met).code().into(),
        note: line.note.clone(),
    };
    let form = Form::new(
        format!("{} · {}", app.name, line.criterion.text),
        vec![
            ("answer", FieldKind::choice::<Answer>(), true),
            ("note", FieldKind::Text, false),
        ],
        &input,
    );
    let purpose = ScreeningForm {
        application_id: app.id,
        criterion_id: line.criterion.id,
        input,
    };
    Some(FormState::new(
        form,
        RecruitForm::Screening(purpose),
        store,
        i18n,
    ))
}

impl FormPurpose for ScreeningForm {
    fn review(&self, form: &Form, _store: &Store, _i18n: &I18n) -> Review {
        let v = form.values(&self.input);
        let mut errs = ValidationErrors::default();
        collect(
            &mut errs,
            crate::domain::employee::choice_or("answer", &v.answer, Answer::Met),
        );
        collect(&mut errs, optional_text("note", &v.note, 300));
        errs.into()
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let v = form.values(&self.input);
        let answer = Answer::from_code(&v.answer).unwrap_or(Answer::Met);
        store
            .recruitment()
            .set_screening(self.application_id, &[(self.criterion_id, answer, v.note)])?;
        Ok(Saved {
            employee_id: self.application_id,
            message_key: "msg.saved",
        })
    }
}

#[derive(Debug, Clone)]
pub struct InterviewForm {
    pub application_id: i64,
    pub candidate_id: i64,
    pub input: InterviewFormInput,
}

/// The next working day at 10:00, typed the Belgian way.
fn next_slot(today: chrono::NaiveDate) -> String {
    let mut d = today + Duration::days(1);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d += Duration::days(1);
    }
    format!("{} 10:00", crate::domain::date::format_date(d))
}

pub fn interview_form(store: &Store, i18n: &I18n, app: &ApplicationRow) -> FormState<RecruitForm> {
    // The vacancy's manager interviews by default.
    let reports_to = store
        .recruitment()
        .vacancy(app.vacancy_id)
        .map(|v| v.data.reports_to)
        .unwrap_or_default();
    let input = InterviewFormInput {
        interview_kind: "interview".into(),
        at: next_slot(store.clock().today()),
        minutes: "60".into(),
        interviewers: reports_to,
        ..Default::default()
    };
    let form = Form::new(
        i18n.tf("recruit.interview_title", &[("name", &app.name)]),
        vec![
            (
                "interview_kind",
                FieldKind::Choice(vec![
                    ("interview", "stage.interview"),
                    ("assessment", "stage.assessment"),
                ]),
                true,
            ),
            ("at", FieldKind::Text, true),
            ("minutes", FieldKind::Number, true),
            ("place", FieldKind::Text, false),
            ("interviewers", FieldKind::Text, false),
            ("clash_override", FieldKind::Text, false),
        ],
        &input,
    );
    let purpose = InterviewForm {
        application_id: app.id,
        candidate_id: app.candidate_id,
        input,
    };
    FormState::new(form, RecruitForm::Interview(purpose), store, i18n)
}

impl InterviewForm {
    /// The typed interview checked, with the clash (if any) named on the `at` field unless a
    /// reason to save anyway is given.
    fn checked(&self, form: &Form, store: &Store) -> Result<InterviewInput, ValidationErrors> {
        let v = form.values(&self.input);
        let mut errs = ValidationErrors::default();
        let start: Option<NaiveDateTime> = collect(&mut errs, parse_start("at", &v.at));
        let minutes = collect(&mut errs, duration_minutes("minutes", &v.minutes));
        collect(&mut errs, optional_text("place", &v.place, 200));
        let mut ids = Vec::new();
        for n in v
            .interviewers
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match store.employees().by_number(n) {
                Ok(e) => ids.push(e.id),
                Err(_) => {
                    errs.push(
                        crate::domain::error::FieldError::new(
                            "interviewers",
                            "err.unknown_employee",
                        )
                        .arg("value", n),
                    );
                }
            }
        }
        let reason = v.clash_override.trim().to_string();
        if let (Some(start), Some(minutes)) = (start, minutes) {
            let slot = InterviewSlot {
                id: 0,
                candidate_id: self.candidate_id,
                start,
                minutes,
                interviewers: ids.clone(),
            };
            let r = store.recruitment();
            if reason.is_empty()
                && let Ok(Some(clash)) = r.clash(&slot)
                && let Ok(e) = r.clash_error(&clash)
            {
                errs.push(e);
            }
        }
        errs.into_result(InterviewInput {
            application_id: self.application_id,
            assessment: v.interview_kind == "assessment",
            start: start.unwrap_or_default(),
            minutes: minutes.unwrap_or_default(),
            place: v.place.trim().to_string(),
            interviewers: ids,
            override_reason: reason,
        })
    }
}

impl FormPurpose for InterviewForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        Review {
            errors: self.checked(form, store).err().unwrap_or_default(),
            notes: vec![i18n.t("recruit.interview_hint")],
        }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let input = self.checked(form, store).map_err(StoreError::Invalid)?;
        store.recruitment().plan_interview(&input)?;
        Ok(Saved {
            employee_id: self.application_id,
            message_key: "recruit.interview_saved",
        })
    }
}

#[derive(Debug, Clone)]
pub struct ReferenceForm {
    pub application_id: i64,
    pub input: ReferenceInput,
}

pub fn reference_form(store: &Store, i18n: &I18n, app: &ApplicationRow) -> FormState<RecruitForm> {
    let input = ReferenceInput::default();
    let form = Form::new(
        i18n.tf("recruit.reference_title", &[("name", &app.name)]),
        vec![
            ("referee", FieldKind::Text, true),
            ("relation", FieldKind::Text, false),
            ("notes", FieldKind::Text, false),
        ],
        &input,
    );
    let purpose = ReferenceForm {
        application_id: app.id,
        input,
    };
    FormState::new(form, RecruitForm::Reference(purpose), store, i18n)
}

impl FormPurpose for ReferenceForm {
    fn review(&self, form: &Form, _store: &Store, _i18n: &I18n) -> Review {
        let v = form.values(&self.input);
        let mut errs = ValidationErrors::default();
        collect(&mut errs, required_text("referee", &v.referee, 120));
        collect(&mut errs, optional_text("relation", &v.relation, 80));
        collect(&mut errs, optional_text("notes", &v.notes, 2000));
        errs.into()
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let v = form.values(&self.input);
        store.recruitment().add_reference(
            self.application_id,
            &v.referee,
            &v.relation,
            &v.notes,
        )?;
        Ok(Saved {
            employee_id: self.application_id,
            message_key: "msg.saved",
        })
    }
}
