//! Store tests for the third part of training (issue 6): the evaluation after a course, its
//! follow-up date, and attendance that cannot silently remove an evaluation; the follow-up (yes,
//! no or partly) and the follow-ups due on Today.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::ContractInput;
use dossier::domain::contract::DepartureInput;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::today::training::TrainingPlace;
use dossier::domain::today::{Due, Place};
use dossier::domain::training::course::CourseInput;
use dossier::domain::training::evaluation::{EvaluationData, Helped, Score};
use dossier::domain::training::session::{Attendance, SessionInput};
use dossier::store::{Access, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn store(dir: &tempfile::TempDir) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::frozen_at(d(2026, 3, 18)),
    )
    .unwrap()
}

fn hire(store: &Store, number: &str) -> i64 {
    let input = EmployeeInput {
        number: number.into(),
        first_name: "An".into(),
        last_name: format!("Peeters {number}"),
        job_title: "Welder".into(),
        department: "Workshop".into(),
        sex: "f".into(),
        start_date: "01/01/2020".into(),
        ..Default::default()
    };
    let contract = ContractInput {
        kind: "indefinite".into(),
        start: "01/01/2020".into(),
        weekly_hours: "38".into(),
        full_time_hours: "38".into(),
        ..Default::default()
    };
    store.employees().add(&input, Some(&contract)).unwrap().id
}

/// A one-day session on 16/03/2026 that `E1` attended: (enrolment, record).
fn attended(s: &Store) -> (i64, i64) {
    let t = s.training();
    let c = CourseInput {
        title: "First aid".into(),
        duration: "7h36".into(),
        ..Default::default()
    };
    let c = t.add_course(&c.validate().unwrap()).unwrap().id;
    let sid = t
        .add_session(
            &SessionInput {
                course: c.to_string(),
                days: "16/03/2026".into(),
                capacity: "8".into(),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    let id = hire(s, "E1");
    let (en, _) = t.enrol(sid, id).unwrap();
    let r = t
        .mark(en, d(2026, 3, 16), Some(Attendance::Present))
        .unwrap();
    assert_eq!(t.record_of_session(sid, id).unwrap(), r.record_id);
    (en, r.record_id.unwrap())
}

fn eval(scores: &[(&str, u8)], comment: &str) -> EvaluationData {
    EvaluationData {
        scores: scores
            .iter()
            .map(|(q, s)| Score {
                question: q.to_string(),
                score: *s,
            })
            .collect(),
        comment: comment.into(),
    }
}

#[test]
fn an_evaluation_is_saved_and_re_evaluating_recomputes_the_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let (_, rec) = attended(&s);
    let t = s.training();
    let due = t
        .evaluate(rec, &eval(&[("content", 4), ("trainer", 5)], "Goed"))
        .unwrap();
    assert_eq!(due, d(2026, 6, 16));
    let e = t.evaluation(rec).unwrap().unwrap();
    assert_eq!(e.scores[1].question, "trainer");
    assert_eq!((e.comment.as_str(), e.follow_up_due), ("Goed", due));
    // The setting changes; the next evaluation moves the follow-up with it.
    let mut set = t.settings().unwrap();
    set.follow_up_months = 6;
    t.save_settings(&set).unwrap();
    let due = t.evaluate(rec, &eval(&[("content", 2)], "")).unwrap();
    assert_eq!(due, d(2026, 9, 16));
    let e = t.evaluation(rec).unwrap().unwrap();
    assert_eq!((e.scores.len(), e.follow_up_due), (1, d(2026, 9, 16)));
    // A score out of range is refused and changes nothing.
    assert!(matches!(
        t.evaluate(rec, &eval(&[("content", 6)], "")),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(t.evaluation(rec).unwrap().unwrap().scores[0].score, 2);
    assert!(matches!(
        t.evaluate(9999, &eval(&[("content", 3)], "")),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn clearing_attendance_of_an_evaluated_course_is_refused_and_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let (en, rec) = attended(&s);
    let t = s.training();
    t.evaluate(rec, &eval(&[("content", 4)], "")).unwrap();
    let err = t.mark(en, d(2026, 3, 16), None).unwrap_err();
    let StoreError::Invalid(e) = err else {
        panic!("refused as invalid, got {err:?}")
    };
    assert_eq!(e.0[0].key, "err.training_record_evaluated");
    assert!(t.evaluation(rec).unwrap().is_some());
    assert_eq!(t.records(1).unwrap().len(), 1);
    // Absent on the only day would also remove the record: refused the same way.
    assert!(
        t.mark(en, d(2026, 3, 16), Some(Attendance::Absent))
            .is_err()
    );
    // A mark that keeps the record (excused → still no hours? present stays) is fine.
    t.mark(en, d(2026, 3, 16), Some(Attendance::Present))
        .unwrap();
    assert!(t.evaluation(rec).unwrap().is_some());
}

fn follow_ups_on_today(s: &Store, day: NaiveDate) -> Vec<(i64, NaiveDate, Place)> {
    s.today()
        .list(day)
        .unwrap()
        .items
        .into_iter()
        .filter_map(|i| match i.what {
            Due::TrainingFollowUp { record_id, due, .. } => Some((record_id, due, i.place)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_follow_up_due_shows_on_today_until_answered_and_not_for_leavers() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let (_, rec) = attended(&s);
    let t = s.training();
    // Not evaluated: nothing to follow up.
    assert!(t.follow_ups_due(d(2027, 1, 1), 10).unwrap().is_empty());
    t.evaluate(rec, &eval(&[("content", 4)], "")).unwrap();
    // Due 16/06/2026: listed once the window reaches that day.
    assert!(t.follow_ups_due(d(2026, 6, 15), 10).unwrap().is_empty());
    let due = t.follow_ups_due(d(2026, 6, 16), 10).unwrap();
    assert_eq!((due[0].record_id, due[0].due), (rec, d(2026, 6, 16)));
    assert_eq!(due[0].course, "First aid");
    // Today shows it a week ahead.
    assert!(follow_ups_on_today(&s, d(2026, 6, 8)).is_empty());
    assert_eq!(
        follow_ups_on_today(&s, d(2026, 6, 9)),
        vec![(
            rec,
            d(2026, 6, 16),
            Place::Training {
                part: TrainingPlace::FollowUp,
                id: rec
            }
        )]
    );
    // Answered: gone from the list; the answer is kept.
    t.follow_up(rec, Helped::Partly, "Deels toegepast").unwrap();
    let e = t.evaluation(rec).unwrap().unwrap();
    assert_eq!(
        (e.helped, e.follow_up_note.as_str(), e.follow_up_on),
        (
            Some(Helped::Partly),
            "Deels toegepast",
            Some(d(2026, 3, 18))
        )
    );
    assert!(t.follow_ups_due(d(2027, 1, 1), 10).unwrap().is_empty());
    // A second person's follow-up is not listed once they left.
    let (_, rec2) = {
        let first = t.record_subject(rec).unwrap().0.id;
        let sid = t.records(first).unwrap()[0].data.session_id.unwrap();
        let id = hire(&s, "E2");
        let (en, _) = t.enrol(sid, id).unwrap();
        let r = t
            .mark(en, d(2026, 3, 16), Some(Attendance::Present))
            .unwrap();
        (id, r.record_id.unwrap())
    };
    t.evaluate(rec2, &eval(&[("trainer", 3)], "")).unwrap();
    assert_eq!(t.follow_ups_due(d(2027, 1, 1), 10).unwrap().len(), 1);
    let who = t.record_subject(rec2).unwrap().0.id;
    s.employees()
        .archive(
            who,
            &DepartureInput {
                end_date: "17/03/2026".into(),
                ended_by: "employee".into(),
                reason: "test".into(),
                notice_weeks: String::new(),
            },
        )
        .unwrap();
    assert!(t.follow_ups_due(d(2027, 1, 1), 10).unwrap().is_empty());
}

#[test]
fn a_follow_up_needs_an_evaluation_first() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let (_, rec) = attended(&s);
    let err = s.training().follow_up(rec, Helped::Yes, "").unwrap_err();
    let StoreError::Invalid(e) = err else {
        panic!("{err:?}")
    };
    assert_eq!(e.0[0].key, "err.training_not_evaluated");
}

#[test]
fn a_first_talk_is_due_without_any_talk_on_file_and_leavers_drop_off_today() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    // Started 01/01/2020, no talk ever recorded (none in the company either): due 01/01/2021.
    let a = hire(&s, "E1");
    let t = s.training();
    let due = t.talks_overdue(d(2026, 3, 18), 10).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].person.id, due[0].due), (a, d(2021, 1, 1)));
    // A pending request of theirs is on Today; once they left, neither is.
    let c = CourseInput {
        title: "Excel".into(),
        duration: "7h".into(),
        ..Default::default()
    };
    let c = t.add_course(&c.validate().unwrap()).unwrap().id;
    t.request(a, c, None, "Graag").unwrap();
    let on_today = |s: &Store| -> (bool, bool) {
        let items = s.today().list(d(2026, 3, 18)).unwrap().items;
        (
            items
                .iter()
                .any(|i| matches!(i.what, Due::TalkOverdue { .. })),
            items
                .iter()
                .any(|i| matches!(i.what, Due::TrainingRequest { .. })),
        )
    };
    assert_eq!(on_today(&s), (true, true));
    s.employees()
        .archive(
            a,
            &DepartureInput {
                end_date: "17/03/2026".into(),
                ended_by: "employee".into(),
                reason: "test".into(),
                notice_weeks: String::new(),
            },
        )
        .unwrap();
    assert_eq!(on_today(&s), (false, false));
    assert!(t.talks_overdue(d(2026, 3, 18), 10).unwrap().is_empty());
}

#[test]
fn an_agreed_action_is_ticked_done_and_back_with_an_audit_row() {
    use dossier::domain::training::talk::TalkInput;
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let a = hire(&s, "E1");
    let t = s.training();
    let sections = t.settings().unwrap().talk_sections;
    let input = TalkInput {
        kind: "appraisal".into(),
        date: "02/03/2026".into(),
        held: "yes".into(),
        actions: "Klantenbestand opschonen @ 30/04/2026; Cursus Excel".into(),
        ..Default::default()
    };
    let (d, needs) = input.validate(&sections).unwrap();
    let id = t.add_talk(a, &d, &needs).unwrap();
    t.set_action_done(id, 1, true).unwrap();
    let done: Vec<bool> = t
        .talk(id)
        .unwrap()
        .data
        .actions
        .iter()
        .map(|x| x.done)
        .collect();
    assert_eq!(done, vec![false, true]);
    t.set_action_done(id, 1, false).unwrap();
    assert!(!t.talk(id).unwrap().data.actions[1].done);
    let err = t.set_action_done(id, 2, true).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    let conn = rusqlite::Connection::open(s.path()).unwrap();
    let rows: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE entity = 'training_talk' AND action = 'action'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 2);
}
