//! The vacancy and candidate forms, and the one enum of every form the tab opens. A new candidate
//! who looks like someone known gets a "same person?" choice on the form instead of a dead end.

use chrono::NaiveDate;

use super::answers::{AnswersForm, FeedbackForm, QuestionsForm};
use super::meetings::{InterviewForm, ReferenceForm, ScreeningForm};
use super::moves::{HireForm, MoveForm};
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::recruitment::{
    CandidateInput, Channel, ChannelPost, Criterion, Vacancy, VacancyInput, VacancyStatus,
};
use crate::i18n::I18n;
use crate::store::recruitment::Link;
use crate::store::{Store, StoreError};
use crate::text_input;
use crate::ui::form_flow::{FormPurpose, FormState, Review, Saved};
use crate::ui::widgets::form::{Field, FieldKind, Form};

text_input!(
    /// A vacancy as typed: its details, and for a new one the profile ("text; required|nice;
    /// weight" separated by `|`), the channels published today and the phone questions (`|`).
    VacancyFormInput, VACANCY_FORM_FIELDS { title, department, reports_to, contract, weekly_hours, salary_min, salary_max, start_wanted, positions, status, criteria, channels, questions }
);

text_input!(
    /// A candidate as typed, with the choice made about a look-alike ("", "new" or a candidate id).
    CandidateFormInput, CANDIDATE_FORM_FIELDS { first_name, last_name, email, phone, language, source, applied_on, consent_on, notes, link }
);

#[derive(Debug, Clone)]
pub struct VacancyForm {
    /// The vacancy edited; `None` for a new one.
    pub id: Option<i64>,
    pub input: VacancyFormInput,
}

fn vacancy_input(v: &VacancyFormInput) -> VacancyInput {
    VacancyInput {
        title: v.title.clone(),
        department: v.department.clone(),
        reports_to: v.reports_to.clone(),
        contract: v.contract.clone(),
        weekly_hours: v.weekly_hours.clone(),
        salary_min: v.salary_min.clone(),
        salary_max: v.salary_max.clone(),
        start_wanted: v.start_wanted.clone(),
        positions: v.positions.clone(),
        status: v.status.clone(),
    }
}

/// Splits a `|`-separated field into its non-empty parts.
fn parts(text: &str) -> impl Iterator<Item = &str> {
    text.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// A new vacancy's profile, channels and phone questions.
type Lists = (Vec<Criterion>, Vec<ChannelPost>, Vec<String>);

/// The profile, channels and questions of a new vacancy, checked; errors name the form field.
fn lists(v: &VacancyFormInput, today: NaiveDate) -> Result<Lists, ValidationErrors> {
    let mut errs = ValidationErrors::default();
    let mut criteria = Vec::new();
    for c in parts(&v.criteria) {
        let mut f = c.split(';');
        let (t, r, w) = (
            f.next().unwrap_or_default(),
            f.next().unwrap_or_default(),
            f.next().unwrap_or_default(),
        );
        match Criterion::parse(t, r, w) {
            Ok(c) => criteria.push(c),
            Err(e) => {
                if let Some(first) = e.0.into_iter().next() {
                    errs.push(FieldError {
                        field: "criteria",
                        ..first
                    });
                }
                break;
            }
        }
    }
    let mut channels = Vec::new();
    for code in v
        .channels
        .split([',', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match Channel::from_code(code) {
            Some(channel) => channels.push(ChannelPost {
                id: 0,
                channel,
                published_on: today,
                withdrawn_on: None,
            }),
            None => {
                errs.push(
                    FieldError::new("channels", "err.choice")
                        .arg("value", code)
                        .arg("options", Channel::codes().join(", ")),
                );
                break;
            }
        }
    }
    let questions = parts(&v.questions).map(str::to_string).collect();
    errs.into_result((criteria, channels, questions))
}

pub fn new_vacancy(store: &Store, i18n: &I18n) -> FormState<RecruitForm> {
    let input = VacancyFormInput {
        status: VacancyStatus::Open.code().into(),
        contract: "indefinite".into(),
        positions: "1".into(),
        ..Default::default()
    };
    let purpose = VacancyForm { id: None, input };
    let form = vacancy_form(&purpose, i18n.t("recruit.new_vacancy"), true);
    FormState::new(form, RecruitForm::Vacancy(purpose), store, i18n)
}

pub fn edit_vacancy(v: &Vacancy, store: &Store, i18n: &I18n) -> FormState<RecruitForm> {
    let d = VacancyInput::from_data(&v.data);
    let input = VacancyFormInput {
        title: d.title,
        department: d.department,
        reports_to: d.reports_to,
        contract: d.contract,
        weekly_hours: d.weekly_hours,
        salary_min: d.salary_min,
        salary_max: d.salary_max,
        start_wanted: d.start_wanted,
        positions: d.positions,
        status: d.status,
        ..Default::default()
    };
    let purpose = VacancyForm {
        id: Some(v.id),
        input,
    };
    let form = vacancy_form(&purpose, v.data.title.clone(), false);
    FormState::new(form, RecruitForm::Vacancy(purpose), store, i18n)
}

fn vacancy_form(p: &VacancyForm, title: String, new: bool) -> Form {
    let mut spec = vec![
        ("title", FieldKind::Text, true),
        ("department", FieldKind::Text, false),
        ("reports_to", FieldKind::Text, false),
        (
            "contract",
            FieldKind::choice::<crate::domain::contract::ContractKind>(),
            true,
        ),
        ("weekly_hours", FieldKind::Text, false),
        ("salary_min", FieldKind::Money, false),
        ("salary_max", FieldKind::Money, false),
        ("start_wanted", FieldKind::Date, false),
        ("positions", FieldKind::Number, false),
        ("status", FieldKind::choice::<VacancyStatus>(), true),
    ];
    if new {
        // The lists are written once with the vacancy (the CLI has the same rule).
        spec.push(("criteria", FieldKind::Text, false));
        spec.push(("channels", FieldKind::Text, false));
        spec.push(("questions", FieldKind::Text, false));
    }
    Form::new(title, spec, &p.input)
}

impl FormPurpose for VacancyForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let v = form.values(&self.input);
        let mut errors = vacancy_input(&v).validate().err().unwrap_or_default();
        if self.id.is_none()
            && let Err(e) = lists(&v, store.clock().today())
        {
            errors.0.extend(e.0);
        }
        let notes = if self.id.is_none() {
            vec![i18n.t("recruit.vacancy_lists_hint")]
        } else {
            Vec::new()
        };
        Review { errors, notes }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let v = form.values(&self.input);
        let r = store.recruitment();
        let id = match self.id {
            Some(id) => r.update_vacancy(id, &vacancy_input(&v))?.id,
            None => {
                let (c, ch, q) = lists(&v, store.clock().today()).map_err(StoreError::Invalid)?;
                r.add_vacancy(&vacancy_input(&v), &c, &ch, &q)?.id
            }
        };
        Ok(Saved {
            employee_id: id,
            message_key: "msg.saved",
        })
    }
}

#[derive(Debug, Clone)]
pub struct CandidateForm {
    pub vacancy_id: i64,
    pub input: CandidateFormInput,
}

fn candidate_input(c: &CandidateFormInput) -> CandidateInput {
    CandidateInput {
        first_name: c.first_name.clone(),
        last_name: c.last_name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        language: c.language.clone(),
        source: c.source.clone(),
        applied_on: c.applied_on.clone(),
        consent_on: c.consent_on.clone(),
        notes: c.notes.clone(),
    }
}

pub fn new_candidate(v: &Vacancy, store: &Store, i18n: &I18n) -> FormState<RecruitForm> {
    // The channel the vacancy was first published on is the likeliest source.
    let source = v.channels.first().map_or(Channel::Website, |c| c.channel);
    let input = CandidateFormInput {
        language: i18n.lang.code().into(),
        source: source.code().into(),
        applied_on: crate::domain::date::format_date(store.clock().today()),
        ..Default::default()
    };
    let languages = vec![
        ("nl", "doclang.nl"),
        ("fr", "doclang.fr"),
        ("en", "doclang.en"),
    ];
    let form = Form::new(
        i18n.tf("recruit.new_candidate", &[("vacancy", &v.data.title)]),
        vec![
            ("first_name", FieldKind::Text, true),
            ("last_name", FieldKind::Text, true),
            ("email", FieldKind::Text, false),
            ("phone", FieldKind::Text, false),
            ("language", FieldKind::Choice(languages), true),
            ("source", FieldKind::choice::<Channel>(), true),
            ("applied_on", FieldKind::Date, false),
            ("consent_on", FieldKind::Date, false),
            ("notes", FieldKind::Text, false),
        ],
        &input,
    );
    let purpose = CandidateForm {
        vacancy_id: v.id,
        input,
    };
    FormState::new(form, RecruitForm::Candidate(purpose), store, i18n)
}

impl CandidateForm {
    fn look_alikes(&self, form: &Form, store: &Store) -> Vec<crate::store::recruitment::Duplicate> {
        let v = form.values(&self.input);
        match candidate_input(&v).validate(store.clock().today()) {
            Ok(d) => store.recruitment().duplicates(&d).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }
}

impl FormPurpose for CandidateForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let v = form.values(&self.input);
        let errors = candidate_input(&v)
            .validate(store.clock().today())
            .err()
            .unwrap_or_default();
        let notes = self
            .look_alikes(form, store)
            .iter()
            .map(|d| {
                i18n.tf(
                    "recruit.looks_like",
                    &[
                        ("id", &d.id.to_string()),
                        ("name", &d.name),
                        ("on", &i18n.t(&format!("field.{}", d.on))),
                    ],
                )
            })
            .collect();
        Review { errors, notes }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let v = form.values(&self.input);
        let link = match v.link.trim() {
            "" => Link::Refuse,
            "new" => Link::New,
            id => id.parse().map(Link::Existing).unwrap_or(Link::Refuse),
        };
        let (_, app) =
            store
                .recruitment()
                .add_candidate(&candidate_input(&v), self.vacancy_id, link)?;
        Ok(Saved {
            employee_id: app,
            message_key: "recruit.candidate_saved",
        })
    }
}

/// After each key in a candidate form: when the typed person looks like someone known, the form
/// gains a "same person?" field offering each look-alike or a new person.
pub fn refresh_links(state: &mut FormState<RecruitForm>, store: &Store, i18n: &I18n) {
    let RecruitForm::Candidate(p) = &state.purpose else {
        return;
    };
    let dups = p.look_alikes(&state.form, store);
    if dups.is_empty() {
        return;
    }
    let mut options = vec![
        (String::new(), i18n.t("recruit.link_ask")),
        ("new".to_string(), i18n.t("recruit.link_new")),
    ];
    options.extend(
        dups.iter()
            .map(|d| (d.id.to_string(), format!("#{} {}", d.id, d.name))),
    );
    match state.form.fields.iter_mut().find(|f| f.name == "link") {
        Some(f) => f.kind = FieldKind::Pick(options),
        None => state.form.fields.push(Field {
            name: "link",
            kind: FieldKind::Pick(options),
            required: false,
            input: Default::default(),
            visited: false,
        }),
    }
}

/// Every form the Recruitment tab opens.
#[derive(Debug, Clone)]
pub enum RecruitForm {
    Vacancy(VacancyForm),
    Candidate(CandidateForm),
    Screening(ScreeningForm),
    Interview(InterviewForm),
    Reference(ReferenceForm),
    Move(MoveForm),
    Hire(HireForm),
    Questions(QuestionsForm),
    Answers(AnswersForm),
    Feedback(FeedbackForm),
}

impl RecruitForm {
    fn purpose(&self) -> &dyn FormPurpose {
        match self {
            RecruitForm::Vacancy(f) => f,
            RecruitForm::Candidate(f) => f,
            RecruitForm::Screening(f) => f,
            RecruitForm::Interview(f) => f,
            RecruitForm::Reference(f) => f,
            RecruitForm::Move(f) => f,
            RecruitForm::Hire(f) => f,
            RecruitForm::Questions(f) => f,
            RecruitForm::Answers(f) => f,
            RecruitForm::Feedback(f) => f,
        }
    }
}

impl FormPurpose for RecruitForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        self.purpose().review(form, store, i18n)
    }

    fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError> {
        self.purpose().save(form, store, i18n)
    }

    fn question(&self, form: &Form, store: &Store, i18n: &I18n) -> Option<String> {
        self.purpose().question(form, store, i18n)
    }
}
