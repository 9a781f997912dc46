//! The phone questionnaire and interview feedback against a real database: questions edited in
//! place keep their answers, a call is dated and signed, feedback waits for the interview and
//! comes from one of its interviewers.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::recruitment::{CandidateInput, Criterion, VacancyInput};
use dossier::store::recruitment::{InterviewInput, Link, Recommendation};
use dossier::store::{Access, Store, StoreError};

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::frozen_at(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
    )
    .unwrap()
}

fn refused(e: StoreError) -> (&'static str, &'static str) {
    match e {
        StoreError::Invalid(v) => (v.0[0].field, v.0[0].key),
        other => panic!("expected a refusal, got {other}"),
    }
}

/// A vacancy with two questions and a criterion, and one application to it.
fn setup(store: &Store) -> (i64, i64) {
    let r = store.recruitment();
    let v = r
        .add_vacancy(
            &VacancyInput {
                title: "Boekhouder (m/v/x)".into(),
                status: "open".into(),
                ..Default::default()
            },
            &[Criterion::parse("Bachelor", "required", "2").unwrap()],
            &[],
            &["Wanneer kunt u starten?".into(), "Rijbewijs?".into()],
        )
        .unwrap()
        .id;
    let (_, app) = r
        .add_candidate(
            &CandidateInput {
                first_name: "An".into(),
                last_name: "Peeters".into(),
                language: "nl".into(),
                ..Default::default()
            },
            v,
            Link::New,
        )
        .unwrap();
    (v, app)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn reworded_questions_keep_their_answers_and_dropped_ones_lose_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let r = store.recruitment();
    let (v, app) = setup(&store);
    let q = r.questionnaire(app).unwrap();
    r.answer_questions_on(
        app,
        &[
            (q[0].question_id, "Morgen".into()),
            (q[1].question_id, "Ja".into()),
        ],
        "Sofie",
        day(20),
    )
    .unwrap();
    r.set_questions(v, &["Wanneer kan u starten?".into(), " ".into()])
        .unwrap();
    let after = r.questionnaire(app).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].question, "Wanneer kan u starten?");
    assert_eq!(after[0].answer.as_deref(), Some("Morgen"));
    assert_eq!(
        (after[0].answered_on, after[0].called_by.as_str()),
        (Some(day(20)), "Sofie")
    );
    let too_many: Vec<String> = (0..21).map(|i| format!("Vraag {i}?")).collect();
    assert_eq!(
        refused(r.set_questions(v, &too_many).unwrap_err()).1,
        "err.too_many_questions"
    );
    assert_eq!(r.vacancy(v).unwrap().questions.len(), 1, "nothing written");
}

#[test]
fn a_call_is_dated_not_in_the_future_and_signed() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let r = store.recruitment();
    let (_, app) = setup(&store);
    let q = r.questionnaire(app).unwrap()[0].question_id;
    let answers = [(q, "Morgen".to_string())];
    assert_eq!(
        refused(
            r.answer_questions_on(app, &answers, "Sofie", day(24))
                .unwrap_err()
        ),
        ("answered_on", "err.call_future")
    );
    assert_eq!(
        refused(
            r.answer_questions_on(app, &answers, " ", day(23))
                .unwrap_err()
        )
        .0,
        "called_by"
    );
    assert!(
        r.questionnaire(app).unwrap()[0].answer.is_none(),
        "nothing written"
    );
}

#[test]
fn feedback_waits_for_the_interview_and_comes_from_its_interviewers() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let (v, app) = setup(&store);
    let mut ids = Vec::new();
    for (n, first) in [("E1", "Marc"), ("E2", "Els")] {
        let e = EmployeeInput {
            number: n.into(),
            first_name: first.into(),
            last_name: "Claes".into(),
            start_date: "01/01/2020".into(),
            ..Default::default()
        };
        ids.push(store.employees().add(&e, None).unwrap().id);
    }
    let r = store.recruitment();
    let plan = |d: u32| {
        r.plan_interview(&InterviewInput {
            application_id: app,
            assessment: false,
            start: day(d).and_hms_opt(10, 0, 0).unwrap(),
            minutes: 60,
            place: String::new(),
            interviewers: vec![ids[0]],
            override_reason: String::new(),
        })
        .unwrap()
        .id
    };
    let (held, coming) = (plan(20), plan(25));
    let criterion = r.vacancy(v).unwrap().criteria[0].id;
    let give = |interview, who| {
        r.add_feedback(
            interview,
            who,
            Recommendation::Hire,
            "Sterk",
            &[(criterion, 4)],
        )
    };
    assert_eq!(
        refused(give(coming, ids[0]).unwrap_err()),
        ("interview", "err.interview_not_held")
    );
    assert_eq!(
        refused(give(held, ids[1]).unwrap_err()),
        ("interviewer", "err.not_interviewer")
    );
    give(held, ids[0]).unwrap();
    let f = r.feedback(app).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].employee_id, ids[0]);
    assert_eq!(f[0].scores, vec![("Bachelor".to_string(), 4)]);
}
