//! The Training tab's forms: a course, a session (of a course from the catalogue), a talk with
//! the form's sections, agreed actions and the training needs that came out of it, and an
//! employee's request with HR's answer (approve on a session, or refuse with a reason). Each is
//! checked by the same domain function as the command line.

use crate::domain::choice::Choice;
use crate::domain::error::ValidationErrors;
use crate::domain::input::TextInput;
use crate::domain::training::TrainingKind;
use crate::domain::training::course::CourseInput;
use crate::domain::training::evaluation::{EvaluationData, EvaluationInput, FollowUpInput, Helped};
use crate::domain::training::request::{DecisionInput, RequestInput};
use crate::domain::training::session::EnrolmentStatus;
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
    /// A request for a course, for the person chosen in the picker.
    Request {
        employee_id: i64,
        name: String,
    },
    /// Approving a request: the session the person is enrolled on.
    Approve {
        request_id: i64,
        course_id: i64,
        name: String,
        course: String,
    },
    /// Refusing a request: the reason.
    Refuse {
        request_id: i64,
        name: String,
        course: String,
    },
    /// Ticking one of a talk's agreed actions done (or open again).
    TalkAction {
        talk_id: i64,
        name: String,
        /// (index, "☐ text (due)") of each action, as the pick list shows them.
        actions: Vec<(String, String)>,
    },
    /// The follow-up months after a course: did it help in the job?
    FollowUp {
        record_id: i64,
        name: String,
        course: String,
    },
    /// The participant's evaluation of a course followed (its training record).
    Evaluate {
        record_id: i64,
        name: String,
        course: String,
        questions: Vec<String>,
    },
}

/// A session as the approval's pick list shows it: dates, place and seats taken.
fn session_label(s: &crate::store::SessionRow, i: &I18n) -> String {
    use crate::domain::date::format_date;
    let (a, b) = (s.data.first_day(), s.data.last_day());
    let dates = if a == b {
        format_date(a)
    } else {
        format!("{}–{}", format_date(a), format_date(b))
    };
    let mut seats = format!("{}/{}", s.enrolled, s.data.capacity);
    if s.enrolled >= s.data.capacity {
        seats = format!("{seats} · {}", i.t("training.full"));
    }
    if s.data.place.is_empty() {
        format!("{dates} · {seats}")
    } else {
        format!("{dates} · {} · {seats}", s.data.place)
    }
}

/// The upcoming sessions of a course, as pick-list options.
pub fn session_options(store: &Store, course_id: i64, i: &I18n) -> Vec<(String, String)> {
    store
        .training()
        .upcoming_sessions_of(course_id, store.clock().today())
        .unwrap_or_default()
        .iter()
        .map(|s| (s.id.to_string(), session_label(s, i)))
        .collect()
}

/// A talk section's name in the user's language when it is one of ours, else as written.
pub fn section_name(i: &I18n, name: &str) -> String {
    let key = format!("talk_section.{name}");
    let t = i.t(&key);
    if t == key { name.to_string() } else { t }
}

/// An evaluation question in the user's language when it is one of ours, else as written.
pub fn question_name(i: &I18n, code: &str) -> String {
    let key = format!("evaluation_question.{code}");
    let t = i.t(&key);
    if t == key { code.to_string() } else { t }
}

crate::text_input!(
    /// Which agreed action (its place in the talk's list) and whether it is done.
    TalkActionInput, TALK_ACTION_FIELDS { action, done }
);

impl TalkActionInput {
    pub fn validate(&self) -> Result<(usize, bool), crate::domain::error::ValidationErrors> {
        use crate::domain::error::{FieldError, ValidationErrors};
        let mut e = ValidationErrors::default();
        let index = self.action.trim().parse::<usize>().ok();
        if index.is_none() {
            e.push(FieldError::new("action", "err.required"));
        }
        let done = crate::domain::error::collect(
            &mut e,
            crate::domain::training::course::yes_no("done", &self.done, true),
        );
        match (index, done) {
            (Some(i), Some(d)) if e.is_empty() => Ok((i, d)),
            _ => Err(e),
        }
    }
}

/// An agreed action as the pick list shows it: ticked or not, its text and due date.
pub fn action_label(a: &crate::domain::training::talk::AgreedAction) -> String {
    let due = a
        .due
        .map(|d| format!(" ({})", crate::domain::date::format_date(d)))
        .unwrap_or_default();
    format!("{} {}{due}", if a.done { '☑' } else { '☐' }, a.text)
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
            TrainingForm::Request { name, .. } => {
                let courses: Vec<(String, String)> = store
                    .training()
                    .courses()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| (c.id.to_string(), c.data.title))
                    .collect();
                Form::new(
                    i.tf("training.form_request", &[("name", name)]),
                    vec![
                        ("course", FieldKind::Pick(courses.clone()), true),
                        ("motivation", FieldKind::Text, false),
                        ("wanted_from", FieldKind::Date, false),
                        ("wanted_to", FieldKind::Date, false),
                    ],
                    &RequestInput {
                        course: courses.first().map(|c| c.0.clone()).unwrap_or_default(),
                        ..Default::default()
                    },
                )
            }
            TrainingForm::Approve {
                course_id,
                name,
                course,
                ..
            } => {
                let sessions = session_options(store, *course_id, i);
                Form::new(
                    i.tf(
                        "training.form_approve",
                        &[("name", name), ("course", course)],
                    ),
                    vec![("session", FieldKind::Pick(sessions.clone()), true)],
                    &DecisionInput {
                        session: sessions.first().map(|s| s.0.clone()).unwrap_or_default(),
                        ..Default::default()
                    },
                )
            }
            TrainingForm::Refuse { name, course, .. } => Form::new(
                i.tf(
                    "training.form_refuse",
                    &[("name", name), ("course", course)],
                ),
                vec![("reason", FieldKind::Text, true)],
                &DecisionInput::default(),
            ),
            TrainingForm::TalkAction { name, actions, .. } => {
                // The first open action comes first to hand.
                let first = actions
                    .iter()
                    .find(|(_, l)| l.starts_with('☐'))
                    .or(actions.first())
                    .map(|a| a.0.clone())
                    .unwrap_or_default();
                Form::new(
                    i.tf("training.form_talk_action", &[("name", name)]),
                    vec![
                        ("action", FieldKind::Pick(actions.clone()), true),
                        ("done", FieldKind::YesNo, true),
                    ],
                    &TalkActionInput {
                        action: first,
                        done: "ja".into(),
                    },
                )
            }
            TrainingForm::FollowUp {
                record_id,
                name,
                course,
            } => {
                let given = store.training().evaluation(*record_id).ok().flatten();
                let input = FollowUpInput {
                    helped: given
                        .as_ref()
                        .and_then(|g| g.helped)
                        .map(|h| h.code().to_string())
                        .unwrap_or_default(),
                    follow_up_note: given.map(|g| g.follow_up_note).unwrap_or_default(),
                };
                Form::new(
                    i.tf(
                        "training.form_follow_up",
                        &[("name", name), ("course", course)],
                    ),
                    vec![
                        ("helped", FieldKind::choice::<Helped>(), true),
                        ("follow_up_note", FieldKind::Text, false),
                    ],
                    &input,
                )
            }
            TrainingForm::Evaluate {
                record_id,
                name,
                course,
                questions,
            } => {
                let given = store.training().evaluation(*record_id).ok().flatten();
                let input = given.map_or_else(EvaluationInput::default, |g| {
                    EvaluationInput::from_data(
                        &EvaluationData {
                            scores: g.scores,
                            comment: g.comment,
                        },
                        questions,
                    )
                });
                Form::new(
                    i.tf(
                        "training.form_evaluate",
                        &[("name", name), ("course", course)],
                    ),
                    vec![
                        ("eval_scores", FieldKind::Text, true),
                        ("comment", FieldKind::Text, false),
                    ],
                    &input,
                )
            }
        }
    }
}

impl FormPurpose for TrainingForm {
    fn review(&self, form: &Form, _store: &Store, i: &I18n) -> Review {
        match self {
            TrainingForm::Course => errors(form, CourseInput::validate).into(),
            TrainingForm::Session { .. } => Review {
                errors: errors(form, SessionInput::validate),
                notes: vec![i.t("training.days_hint")],
            },
            TrainingForm::Talk { sections, .. } => {
                let names: Vec<String> = sections.iter().map(|s| section_name(i, s)).collect();
                Review {
                    errors: errors(form, |v: &TalkInput| v.validate(sections)),
                    notes: vec![i.tf(
                        "training.talk_sections",
                        &[("sections", &names.join(" · "))],
                    )],
                }
            }
            TrainingForm::Request { .. } => errors(form, RequestInput::validate).into(),
            TrainingForm::Approve { .. } => Review {
                errors: errors(form, DecisionInput::session),
                notes: vec![i.t("training.approve_note")],
            },
            TrainingForm::Refuse { .. } => Review {
                errors: errors(form, DecisionInput::reason),
                notes: vec![i.t("training.refuse_note")],
            },
            TrainingForm::TalkAction { .. } => errors(form, TalkActionInput::validate).into(),
            TrainingForm::FollowUp { .. } => Review {
                errors: errors(form, FollowUpInput::validate),
                notes: vec![i.t("training.follow_up_note")],
            },
            TrainingForm::Evaluate { questions, .. } => {
                let names: Vec<String> = questions.iter().map(|q| question_name(i, q)).collect();
                Review {
                    errors: errors(form, |v: &EvaluationInput| v.validate(questions)),
                    notes: vec![i.tf(
                        "training.eval_questions",
                        &[("questions", &names.join(" · "))],
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
            TrainingForm::Request { employee_id, .. } => {
                let d = form.values(&RequestInput::default()).validate()?;
                t.add_request(*employee_id, &d)?;
                Ok(Saved {
                    employee_id: *employee_id,
                    message_key: "msg.training_request_saved",
                })
            }
            TrainingForm::Approve { request_id, .. } => {
                let session = form.values(&DecisionInput::default()).session()?;
                let enrolment = t.approve_request(*request_id, Some(session))?;
                let waiting = match enrolment {
                    Some(e) => t.enrolment(e)?.2 == EnrolmentStatus::Waiting,
                    None => false,
                };
                Ok(Saved {
                    employee_id: 0,
                    message_key: if waiting {
                        "msg.training_request_waiting"
                    } else {
                        "msg.training_request_approved"
                    },
                })
            }
            TrainingForm::Refuse { request_id, .. } => {
                let reason = form.values(&DecisionInput::default()).reason()?;
                t.refuse_request(*request_id, &reason)?;
                Ok(Saved {
                    employee_id: 0,
                    message_key: "msg.training_request_refused",
                })
            }
            TrainingForm::TalkAction { talk_id, .. } => {
                let (index, done) = form.values(&TalkActionInput::default()).validate()?;
                t.set_action_done(*talk_id, index, done)?;
                Ok(Saved {
                    employee_id: 0,
                    message_key: "msg.training_talk_action_saved",
                })
            }
            TrainingForm::FollowUp { record_id, .. } => {
                let (helped, note) = form.values(&FollowUpInput::default()).validate()?;
                t.follow_up(*record_id, helped, &note)?;
                Ok(Saved {
                    employee_id: 0,
                    message_key: "msg.training_follow_up_saved",
                })
            }
            TrainingForm::Evaluate {
                record_id,
                questions,
                ..
            } => {
                let d = form
                    .values(&EvaluationInput::default())
                    .validate(questions)?;
                t.evaluate(*record_id, &d)?;
                Ok(Saved {
                    employee_id: 0,
                    message_key: "msg.training_evaluation_saved",
                })
            }
        }
    }
}

/// What the domain says of the form's values read as `T` (no errors when it accepts them).
fn errors<T: TextInput, V>(
    form: &Form,
    check: impl FnOnce(&T) -> Result<V, ValidationErrors>,
) -> ValidationErrors {
    check(&form.values(&T::default())).err().unwrap_or_default()
}
