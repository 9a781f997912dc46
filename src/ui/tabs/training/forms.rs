//! The Training tab's forms: a course, a session (of a course from the catalogue), and a talk with
//! the form's sections, agreed actions and the training needs that came out of it. Each is checked
//! by the same domain function as the command line.

use crate::domain::choice::Choice;
use crate::domain::training::TrainingKind;
use crate::domain::training::course::CourseInput;
use crate::domain::training::session::SessionInput;
use crate::domain::training::talk::{TalkInput, TalkKind};
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::form_flow::{FormPurpose, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

#[derive(Debug, Clone)]
pub enum TrainingForm {
    Course,
    /// A session; `course` preselects one (planning a session for a certificate that expires).
    Session {
        course: Option<i64>,
    },
    Talk {
        employee_id: i64,
        name: String,
        sections: Vec<String>,
    },
}

/// A talk section's name in the user's language when it is one of ours, else as written.
pub fn section_name(i: &I18n, name: &str) -> String {
    let key = format!("talk_section.{name}");
    let t = i.t(&key);
    if t == key { name.to_string() } else { t }
}

impl TrainingForm {
    pub fn form(&self, store: &Store, i: &I18n) -> Form {
        match self {
            TrainingForm::Course => Form::new(
                i.t("training.form_course"),
                vec![
                    ("title", FieldKind::Text, true),
                    ("provider", FieldKind::Text, false),
                    ("internal", FieldKind::YesNo, false),
                    ("kind", FieldKind::choice::<TrainingKind>(), true),
                    ("duration", FieldKind::Text, true),
                    ("cost", FieldKind::Money, false),
                    ("course_language", FieldKind::Text, false),
                    ("certificate_months", FieldKind::Number, false),
                    ("mandatory_for", FieldKind::Text, false),
                    ("counts_for_right", FieldKind::YesNo, false),
                ],
                &CourseInput {
                    kind: TrainingKind::Formal.code().into(),
                    internal: "nee".into(),
                    counts_for_right: "ja".into(),
                    ..Default::default()
                },
            ),
            TrainingForm::Session { course } => {
                let courses: Vec<(String, String)> = store
                    .training()
                    .courses()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| (c.id.to_string(), c.data.title))
                    .collect();
                let first = course
                    .map(|c| c.to_string())
                    .or_else(|| courses.first().map(|c| c.0.clone()))
                    .unwrap_or_default();
                Form::new(
                    i.t("training.form_session"),
                    vec![
                        ("course", FieldKind::Pick(courses), true),
                        ("days", FieldKind::Text, true),
                        ("place", FieldKind::Text, false),
                        ("trainer", FieldKind::Text, false),
                        ("capacity", FieldKind::Number, true),
                        ("cost", FieldKind::Money, false),
                    ],
                    &SessionInput {
                        course: first,
                        capacity: "12".into(),
                        ..Default::default()
                    },
                )
            }
            TrainingForm::Talk { name, .. } => Form::new(
                i.tf("training.form_talk", &[("name", name)]),
                vec![
                    ("kind", FieldKind::choice::<TalkKind>(), true),
                    ("date", FieldKind::Date, true),
                    ("held_by", FieldKind::Text, false),
                    ("held", FieldKind::YesNo, false),
                    ("scores", FieldKind::Text, false),
                    ("texts", FieldKind::Text, false),
                    ("actions", FieldKind::Text, false),
                    ("needs", FieldKind::Text, false),
                    ("summary", FieldKind::Text, false),
                ],
                &TalkInput {
                    kind: TalkKind::Appraisal.code().into(),
                    date: crate::domain::date::format_date(store.clock().today()),
                    held: "ja".into(),
                    ..Default::default()
                },
            ),
        }
    }
}

impl FormPurpose for TrainingForm {
    fn review(&self, form: &Form, _store: &Store, i: &I18n) -> Review {
        match self {
            TrainingForm::Course => form
                .values(&CourseInput::default())
                .validate()
                .err()
                .unwrap_or_default()
                .into(),
            TrainingForm::Session { .. } => Review {
                errors: form
                    .values(&SessionInput::default())
                    .validate()
                    .err()
                    .unwrap_or_default(),
                notes: vec![i.t("training.days_hint")],
            },
            TrainingForm::Talk { sections, .. } => {
                let names: Vec<String> = sections.iter().map(|s| section_name(i, s)).collect();
                Review {
                    errors: form
                        .values(&TalkInput::default())
                        .validate(sections)
                        .err()
                        .unwrap_or_default(),
                    notes: vec![i.tf(
                        "training.talk_sections",
                        &[("sections", &names.join(" · "))],
                    )],
                }
            }
        }
    }

    fn save(&self, form: &Form, store: &Store, _i: &I18n) -> Result<Saved, StoreError> {
        let t = store.training();
        match self {
            TrainingForm::Course => {
                let d = form.values(&CourseInput::default()).validate()?;
                t.add_course(&d)?;
                Ok(Saved {
                    employee_id: 0,
                    message_key: "msg.training_course_saved",
                })
            }
            TrainingForm::Session { .. } => {
                let d = form.values(&SessionInput::default()).validate()?;
                t.add_session(&d)?;
                Ok(Saved {
                    employee_id: 0,
                    message_key: "msg.training_session_saved",
                })
            }
            TrainingForm::Talk {
                employee_id,
                sections,
                ..
            } => {
                let (d, needs) = form.values(&TalkInput::default()).validate(sections)?;
                t.add_talk(*employee_id, &d, &needs)?;
                Ok(Saved {
                    employee_id: *employee_id,
                    message_key: "msg.training_talk_saved",
                })
            }
        }
    }
}
