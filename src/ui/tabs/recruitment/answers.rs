//! The forms whose fields come from the vacancy: its phone questions (`p` on the vacancy list),
//! a candidate's answers to them with the day of the call and who called (`p` on the page), and an
//! interviewer's feedback, a score 1–5 per profile criterion and a recommendation (`o` on the page).

use chrono::NaiveDateTime;

use super::forms::RecruitForm;
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::employee::optional_text;
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::recruitment::questionnaire::{self, MAX_QUESTIONS};
use crate::domain::recruitment::{Criterion, Vacancy};
use crate::i18n::I18n;
use crate::store::recruitment::{ApplicationRow, InterviewRow, QuestionAnswer, Recommendation};
use crate::store::{Store, StoreError};
use crate::text_input;
use crate::ui::form_flow::{FormPurpose, FormState, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

text_input!(
    /// The lines of a form built from a vacancy: one per question (`q…`) or criterion (`s…`), and
    /// the call's or the interview's own fields.
    SlotsInput, SLOTS_FIELDS {
        q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20,
        s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20,
        answered_on, called_by, interview, interviewer, recommendation, note
    }
);

/// Field names of the question lines (form fields need names that live for ever).
const Q: [&str; MAX_QUESTIONS] = [
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13", "q14", "q15",
    "q16", "q17", "q18", "q19", "q20",
];
/// Field names of the score lines, one per criterion (the first twenty).
const S: [&str; 20] = [
    "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15",
    "s16", "s17", "s18", "s19", "s20",
];

/// A label that fits the form's label column: cut with an ellipsis.
fn short(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut s: String = text.chars().take(MAX - 1).collect();
    s.push('…');
    s
}

/// The full wording of the focused line when its label had to be cut.
fn focused_text(form: &Form, names: &[&str], texts: &[String]) -> Option<String> {
    let name = form.fields.get(form.focus)?.name;
    let i = names.iter().position(|n| *n == name)?;
    let (_, label) = form.labels.iter().find(|(n, _)| *n == name)?;
    label
        .ends_with('…')
        .then(|| texts.get(i).cloned())
        .flatten()
}

// ---- The vacancy's questions ----

#[derive(Debug, Clone)]
pub struct QuestionsForm {
    pub vacancy_id: i64,
    pub input: SlotsInput,
}

/// The vacancy's questions, with a few empty lines to add more.
pub fn questions_form(store: &Store, i18n: &I18n, v: &Vacancy) -> FormState<RecruitForm> {
    let mut input = SlotsInput::default();
    for (name, q) in Q.iter().zip(&v.questions) {
        crate::domain::input::TextInput::set(&mut input, name, q.clone());
    }
    let lines = (v.questions.len() + 3).clamp(5, MAX_QUESTIONS);
    let spec = Q[..lines]
        .iter()
        .map(|n| (*n, FieldKind::Text, false))
        .collect();
    let mut form = Form::new(
        i18n.tf("recruit.questions_title", &[("title", &v.data.title)]),
        spec,
        &input,
    );
    form.labels = (0..lines)
        .map(|i| {
            (
                Q[i],
                i18n.tf("recruit.question_n", &[("n", &(i + 1).to_string())]),
            )
        })
        .collect();
    let purpose = QuestionsForm {
        vacancy_id: v.id,
        input,
    };
    FormState::new(form, RecruitForm::Questions(purpose), store, i18n)
}

impl QuestionsForm {
    fn typed(&self, form: &Form) -> Vec<(&'static str, String)> {
        let v = form.values(&self.input);
        form.fields
            .iter()
            .map(|f| {
                (
                    f.name,
                    crate::domain::input::TextInput::get(&v, f.name).to_string(),
                )
            })
            .collect()
    }
}

impl FormPurpose for QuestionsForm {
    fn review(&self, form: &Form, _store: &Store, i18n: &I18n) -> Review {
        Review {
            errors: questionnaire::questions(&self.typed(form))
                .err()
                .unwrap_or_default(),
            notes: vec![i18n.t("recruit.questions_hint")],
        }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let texts = questionnaire::questions(&self.typed(form)).map_err(StoreError::Invalid)?;
        store.recruitment().set_questions(self.vacancy_id, &texts)?;
        Ok(Saved {
            employee_id: self.vacancy_id,
            message_key: "recruit.questions_saved",
        })
    }
}

// ---- A candidate's answers ----

#[derive(Debug, Clone)]
pub struct AnswersForm {
    pub application_id: i64,
    /// The question of each line, in order.
    pub questions: Vec<QuestionAnswer>,
    pub input: SlotsInput,
}

/// The vacancy's questions to answer for this application; `None` when it has none.
pub fn answers_form(
    store: &Store,
    i18n: &I18n,
    app: &ApplicationRow,
) -> Result<Option<FormState<RecruitForm>>, StoreError> {
    let mut questions = store.recruitment().questionnaire(app.id)?;
    if questions.is_empty() {
        return Ok(None);
    }
    questions.truncate(MAX_QUESTIONS);
    let mut input = SlotsInput::default();
    for (name, q) in Q.iter().zip(&questions) {
        let answer = q.answer.clone().unwrap_or_default();
        crate::domain::input::TextInput::set(&mut input, name, answer);
    }
    // A call already noted keeps its day and caller; a new one is today's, by whoever is logged in.
    let earlier = questions.iter().find(|q| q.answered_on.is_some());
    input.answered_on = format_date(
        earlier
            .and_then(|q| q.answered_on)
            .unwrap_or(store.clock().today()),
    );
    input.called_by = earlier
        .map(|q| q.called_by.clone())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(crate::config::current_user);
    let mut spec: Vec<(&'static str, FieldKind, bool)> = Q[..questions.len()]
        .iter()
        .map(|n| (*n, FieldKind::Text, false))
        .collect();
    spec.push(("answered_on", FieldKind::Date, true));
    spec.push(("called_by", FieldKind::Text, true));
    let mut form = Form::new(
        i18n.tf(
            "recruit.answers_title",
            &[("name", &app.name), ("vacancy", &app.vacancy)],
        ),
        spec,
        &input,
    );
    form.labels = Q
        .iter()
        .zip(&questions)
        .enumerate()
        .map(|(i, (n, q))| (*n, short(&format!("{}. {}", i + 1, q.question))))
        .collect();
    let purpose = AnswersForm {
        application_id: app.id,
        questions,
        input,
    };
    Ok(Some(FormState::new(
        form,
        RecruitForm::Answers(purpose),
        store,
        i18n,
    )))
}

impl AnswersForm {
    /// The answers to save (question id, text): every one typed, and the ones emptied that had an
    /// answer; with the day and the caller.
    #[allow(clippy::type_complexity)]
    fn checked(
        &self,
        form: &Form,
        store: &Store,
    ) -> Result<(Vec<(i64, String)>, chrono::NaiveDate, String), ValidationErrors> {
        let v = form.values(&self.input);
        let mut errs = ValidationErrors::default();
        let mut answers = Vec::new();
        for (name, q) in Q.iter().zip(&self.questions) {
            let typed = crate::domain::input::TextInput::get(&v, name);
            if let Some(a) = collect(&mut errs, questionnaire::answer(name, typed))
                && (!a.is_empty() || q.answer.is_some())
            {
                answers.push((q.question_id, a));
            }
        }
        let today = store.clock().today();
        let on = collect(
            &mut errs,
            questionnaire::call_date("answered_on", &v.answered_on, today),
        );
        let by = collect(&mut errs, questionnaire::caller("called_by", &v.called_by));
        errs.into_result(())?;
        Ok((answers, on.unwrap_or(today), by.unwrap_or_default()))
    }
}

impl FormPurpose for AnswersForm {
    fn review(&self, form: &Form, store: &Store, _i18n: &I18n) -> Review {
        let texts: Vec<String> = self.questions.iter().map(|q| q.question.clone()).collect();
        Review {
            errors: self.checked(form, store).err().unwrap_or_default(),
            notes: focused_text(form, &Q, &texts).into_iter().collect(),
        }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let (answers, on, by) = self.checked(form, store).map_err(StoreError::Invalid)?;
        store
            .recruitment()
            .answer_questions_on(self.application_id, &answers, &by, on)?;
        Ok(Saved {
            employee_id: self.application_id,
            message_key: "recruit.answers_saved",
        })
    }
}

// ---- An interviewer's feedback ----

#[derive(Debug, Clone)]
pub struct FeedbackForm {
    pub application_id: i64,
    pub interviews: Vec<InterviewRow>,
    pub criteria: Vec<Criterion>,
    pub input: SlotsInput,
}

fn when(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

/// Feedback on one of the application's interviews: by default the last one that has begun, by its
/// first interviewer who has not given feedback yet. `None` when no interview was planned.
pub fn feedback_form(
    store: &Store,
    i18n: &I18n,
    app: &ApplicationRow,
) -> Result<Option<FormState<RecruitForm>>, StoreError> {
    let r = store.recruitment();
    let interviews = r.interviews_of(app.id)?;
    if interviews.is_empty() {
        return Ok(None);
    }
    let mut criteria = r.vacancy(app.vacancy_id)?.criteria;
    criteria.truncate(S.len());
    let given = r.feedback(app.id)?;
    let now = store.clock().now();
    let interview = interviews
        .iter()
        .rev()
        .find(|i| i.start <= now)
        .unwrap_or(&interviews[0]);
    let interviewer = interview
        .interviewer_ids
        .iter()
        .find(|e| {
            !given
                .iter()
                .any(|f| f.interview_id == interview.id && f.employee_id == **e)
        })
        .or(interview.interviewer_ids.first())
        .copied();
    let mut input = SlotsInput {
        interview: interview.id.to_string(),
        interviewer: interviewer.map(|e| e.to_string()).unwrap_or_default(),
        recommendation: Recommendation::Maybe.code().into(),
        ..Default::default()
    };
    // Feedback given before is shown to be corrected.
    if let Some(f) = given
        .iter()
        .find(|f| f.interview_id == interview.id && Some(f.employee_id) == interviewer)
    {
        input.recommendation = f.recommendation.code().into();
        input.note = f.note.clone();
        for (name, c) in S.iter().zip(&criteria) {
            if let Some((_, s)) = f.scores.iter().find(|(t, _)| *t == c.text) {
                crate::domain::input::TextInput::set(&mut input, name, s.to_string());
            }
        }
    }
    let interview_options = interviews
        .iter()
        .map(|i| {
            let kind = if i.assessment {
                "stage.assessment"
            } else {
                "stage.interview"
            };
            (
                i.id.to_string(),
                format!("{} {}", when(i.start), i18n.t(kind)),
            )
        })
        .collect();
    let mut people: Vec<i64> = Vec::new();
    for i in &interviews {
        for e in &i.interviewer_ids {
            if !people.contains(e) {
                people.push(*e);
            }
        }
    }
    let people_options = people
        .iter()
        .map(|e| {
            let name = store
                .employees()
                .get(*e)
                .map(|x| x.data.full_name())
                .unwrap_or_else(|_| format!("#{e}"));
            (e.to_string(), name)
        })
        .collect();
    let mut spec: Vec<(&'static str, FieldKind, bool)> = vec![
        ("interview", FieldKind::Pick(interview_options), true),
        ("interviewer", FieldKind::Pick(people_options), true),
    ];
    spec.extend(
        S[..criteria.len()]
            .iter()
            .map(|n| (*n, FieldKind::Number, false)),
    );
    spec.push((
        "recommendation",
        FieldKind::choice::<Recommendation>(),
        true,
    ));
    spec.push(("note", FieldKind::Text, false));
    let mut form = Form::new(
        i18n.tf("recruit.feedback_title", &[("name", &app.name)]),
        spec,
        &input,
    );
    form.labels = S
        .iter()
        .zip(&criteria)
        .map(|(n, c)| (*n, short(&c.text)))
        .collect();
    let purpose = FeedbackForm {
        application_id: app.id,
        interviews,
        criteria,
        input,
    };
    Ok(Some(FormState::new(
        form,
        RecruitForm::Feedback(purpose),
        store,
        i18n,
    )))
}

/// What the feedback form saves.
struct FeedbackInput {
    interview_id: i64,
    employee_id: i64,
    recommendation: Recommendation,
    note: String,
    scores: Vec<(i64, u8)>,
}

impl FeedbackForm {
    fn checked(&self, form: &Form, store: &Store) -> Result<FeedbackInput, ValidationErrors> {
        let v = form.values(&self.input);
        let mut errs = ValidationErrors::default();
        let interview = self
            .interviews
            .iter()
            .find(|i| i.id.to_string() == v.interview);
        match interview {
            None => errs.push(FieldError::new("interview", "err.required")),
            Some(i) => {
                collect(
                    &mut errs,
                    questionnaire::feedback_time("interview", i.start, store.clock().now()),
                );
            }
        }
        let employee: Option<i64> = v.interviewer.parse().ok();
        match (interview, employee) {
            (_, None) => errs.push(FieldError::new("interviewer", "err.required")),
            (Some(i), Some(e)) if !i.interviewer_ids.contains(&e) => {
                errs.push(FieldError::new("interviewer", "err.not_interviewer"))
            }
            _ => {}
        }
        let mut scores = Vec::new();
        for (name, c) in S.iter().zip(&self.criteria) {
            let typed = crate::domain::input::TextInput::get(&v, name);
            if let Some(Some(s)) = collect(&mut errs, questionnaire::score(name, typed)) {
                scores.push((c.id, s));
            }
        }
        let recommendation = collect(
            &mut errs,
            crate::domain::employee::choice_or(
                "recommendation",
                &v.recommendation,
                Recommendation::Maybe,
            ),
        );
        let note = collect(&mut errs, optional_text("note", &v.note, 2000));
        errs.into_result(())?;
        Ok(FeedbackInput {
            interview_id: interview.map_or(0, |i| i.id),
            employee_id: employee.unwrap_or_default(),
            recommendation: recommendation.unwrap_or(Recommendation::Maybe),
            note: note.unwrap_or_default(),
            scores,
        })
    }
}

impl FormPurpose for FeedbackForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let texts: Vec<String> = self.criteria.iter().map(|c| c.text.clone()).collect();
        let mut notes = vec![i18n.t("recruit.feedback_hint")];
        notes.extend(focused_text(form, &S, &texts));
        Review {
            errors: self.checked(form, store).err().unwrap_or_default(),
            notes,
        }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let f = self.checked(form, store).map_err(StoreError::Invalid)?;
        store.recruitment().add_feedback(
            f.interview_id,
            f.employee_id,
            f.recommendation,
            &f.note,
            &f.scores,
        )?;
        Ok(Saved {
            employee_id: self.application_id,
            message_key: "recruit.feedback_saved",
        })
    }
}
