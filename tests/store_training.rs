//! Store tests for training (issue 6): catalogue, sessions with a waiting list and promotion,
//! attendance writing the record and the certificate, expiring and missing certificates, the
//! training right, requests, needs and the plan, talks overdue, and the audit of every write.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::ContractInput;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::leave::sickness::SickSpellInput;
use dossier::domain::training::certificate::{CertState, RecordInput};
use dossier::domain::training::course::CourseInput;
use dossier::domain::training::session::{AbsenceKind, Attendance, EnrolmentStatus, SessionInput};
use dossier::domain::training::talk::TalkInput;
use dossier::domain::training::{NeedStatus, RequestStatus, TrainingSettings};
use dossier::store::{Access, NeedInput, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 3, 2)
}

fn store(dir: &tempfile::TempDir) -> Store {
    store_at(dir, today())
}

fn store_at(dir: &tempfile::TempDir, day: NaiveDate) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::frozen_at(day),
    )
    .unwrap()
}

fn hire(store: &Store, number: &str, job: &str, start: &str, weekly: &str) -> i64 {
    let input = EmployeeInput {
        number: number.into(),
        first_name: "An".into(),
        last_name: format!("Peeters {number}"),
        job_title: job.into(),
        department: "Workshop".into(),
        sex: "f".into(),
        start_date: start.into(),
        ..Default::default()
    };
    let contract = ContractInput {
        kind: "indefinite".into(),
        start: start.into(),
        weekly_hours: weekly.into(),
        full_time_hours: "38".into(),
        ..Default::default()
    };
    store.employees().add(&input, Some(&contract)).unwrap().id
}

fn forklift(store: &Store) -> i64 {
    let c = CourseInput {
        title: "Forklift refresher".into(),
        duration: "7h36".into(),
        cost: "150".into(),
        certificate_months: "36".into(),
        mandatory_for: "Forklift driver".into(),
        ..Default::default()
    };
    store
        .training()
        .add_course(&c.validate().unwrap())
        .unwrap()
        .id
}

fn session(store: &Store, course: i64, days: &str, capacity: &str) -> i64 {
    let s = SessionInput {
        course: course.to_string(),
        days: days.into(),
        capacity: capacity.into(),
        ..Default::default()
    };
    store
        .training()
        .add_session(&s.validate().unwrap())
        .unwrap()
}

/// Audit rows of an entity, read beside the store (WAL lets a second connection read).
fn audits(store: &Store, entity: &str) -> usize {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.query_row(
        "SELECT count(*) FROM audit WHERE entity = ?1",
        [entity],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as usize
}

#[test]
fn a_full_session_keeps_a_waiting_list_and_promotes_on_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let c = forklift(&s);
    let sid = session(&s, c, "16/03/2026", "2");
    let ids: Vec<i64> = (1..=4)
        .map(|n| hire(&s, &format!("E{n}"), "Forklift driver", "01/01/2020", "38"))
        .collect();
    let t = s.training();
    let placed: Vec<EnrolmentStatus> = ids.iter().map(|id| t.enrol(sid, *id).unwrap().1).collect();
    assert_eq!(
        placed,
        [
            EnrolmentStatus::Enrolled,
            EnrolmentStatus::Enrolled,
            EnrolmentStatus::Waiting,
            EnrolmentStatus::Waiting
        ]
    );
    // Twice on the same session is refused.
    assert!(matches!(t.enrol(sid, ids[0]), Err(StoreError::Invalid(_))));
    let first = t.enrolment_of(sid, ids[0]).unwrap();
    let third = t.enrolment_of(sid, ids[2]).unwrap();
    assert_eq!(t.cancel_enrolment(first).unwrap(), vec![third]);
    let rows = t.enrolments(sid).unwrap();
    let status = |id: i64| rows.iter().find(|r| r.person.id == id).unwrap().status;
    assert_eq!(status(ids[2]), EnrolmentStatus::Enrolled);
    assert_eq!(status(ids[3]), EnrolmentStatus::Waiting);
    assert_eq!(status(ids[0]), EnrolmentStatus::Cancelled);
    let row = t.session(sid).unwrap();
    assert_eq!((row.enrolled, row.waiting), (2, 1));
    // Coming back after a cancellation puts you at the end of the list.
    assert_eq!(t.enrol(sid, ids[0]).unwrap().1, EnrolmentStatus::Waiting);
    assert!(audits(&s, "training_enrolment") >= 7);
}

#[test]
fn attendance_on_every_day_writes_the_record_and_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    // Attendance is recorded on the day or after: the clock stands after the session.
    let s = store_at(&dir, d(2026, 3, 18));
    let c = forklift(&s);
    let sid = session(&s, c, "16/03/2026 08:00-12:00; 17/03/2026 08:00-11:36", "8");
    let id = hire(&s, "E1", "Forklift driver", "01/01/2020", "38");
    let t = s.training();
    let (en, _) = t.enrol(sid, id).unwrap();
    let r = t
        .mark(en, d(2026, 3, 16), Some(Attendance::Present))
        .unwrap();
    assert_eq!(r.record_id, None);
    let r = t
        .mark(en, d(2026, 3, 17), Some(Attendance::Present))
        .unwrap();
    let rec_id = r.record_id.expect("record written");
    let recs = t.records(id).unwrap();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].id, rec_id);
    assert_eq!(recs[0].data.minutes, 456);
    assert_eq!(recs[0].data.expires, Some(d(2029, 3, 17)));
    // Excused on the second day: hours of the first only, no certificate.
    t.mark(en, d(2026, 3, 17), Some(Attendance::Excused))
        .unwrap();
    let recs = t.records(id).unwrap();
    assert_eq!((recs[0].data.minutes, recs[0].data.expires), (240, None));
    // Un-marking a day takes the record away again.
    t.mark(en, d(2026, 3, 17), None).unwrap();
    assert!(t.records(id).unwrap().is_empty());
    // A day still to come is refused; so is a day that is not a session day, and it writes nothing.
    let later = session(&s, c, "20/03/2026", "8");
    let (en2, _) = t.enrol(later, id).unwrap();
    assert!(matches!(
        t.mark(en2, d(2026, 3, 20), Some(Attendance::Present)),
        Err(StoreError::Invalid(_))
    ));
    let before = audits(&s, "training_attendance");
    assert!(matches!(
        t.mark(en, d(2026, 3, 18), Some(Attendance::Present)),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(audits(&s, "training_attendance"), before);
}

#[test]
fn a_session_day_in_someones_sickness_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let c = forklift(&s);
    let sid = session(&s, c, "16/03/2026; 17/03/2026", "8");
    let id = hire(&s, "E1", "Forklift driver", "01/01/2020", "38");
    let sick = SickSpellInput {
        start: "17/03/2026".into(),
        cause: "illness".into(),
        ..Default::default()
    };
    s.leave().save_sick_spell(id, &sick, None).unwrap();
    s.training().enrol(sid, id).unwrap();
    let rows = s.training().enrolments(sid).unwrap();
    assert_eq!(rows[0].clashes.len(), 1);
    assert_eq!(rows[0].clashes[0].date, d(2026, 3, 17));
    assert_eq!(rows[0].clashes[0].kind, AbsenceKind::Sickness);
}

#[test]
fn expiring_and_missing_certificates_say_whether_a_session_is_planned() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let c = forklift(&s);
    let t = s.training();
    let old = hire(&s, "E1", "Forklift driver", "01/01/2020", "38");
    let renewed = hire(&s, "E2", "Forklift driver", "01/01/2020", "38");
    let never = hire(&s, "E3", "forklift DRIVER", "01/01/2020", "38");
    hire(&s, "E4", "Accountant", "01/01/2020", "38");
    let course = t.course(c).unwrap();
    let rec = |from: &str, expires: &str| {
        RecordInput {
            from: from.into(),
            expires: expires.into(),
            ..Default::default()
        }
        .validate(Some(&course))
        .unwrap()
    };
    t.add_record(old, &rec("10/04/2023", "10/04/2026")).unwrap();
    t.add_record(renewed, &rec("01/02/2023", "01/02/2026"))
        .unwrap();
    t.add_record(renewed, &rec("01/02/2026", "")).unwrap();
    let due = t.expiring(today(), 90, 100).unwrap();
    assert_eq!(
        due.len(),
        1,
        "the renewed certificate replaces the expired one"
    );
    assert_eq!(due[0].person.id, old);
    assert_eq!(due[0].state, CertState::Expiring { days: 39 });
    assert_eq!(due[0].planned, None);
    let missing = t.missing_certificates(today(), 100).unwrap();
    assert_eq!(
        missing.iter().map(|m| m.person.id).collect::<Vec<_>>(),
        vec![never]
    );
    let sid = session(&s, c, "20/03/2026", "8");
    t.enrol(sid, old).unwrap();
    t.enrol(sid, never).unwrap();
    assert_eq!(
        t.expiring(today(), 90, 100).unwrap()[0].planned,
        Some(d(2026, 3, 20))
    );
    assert_eq!(
        t.missing_certificates(today(), 100).unwrap()[0].planned,
        Some(d(2026, 3, 20))
    );
}

#[test]
fn the_training_right_is_pro_rata_and_counts_what_was_followed() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let t = s.training();
    let full = hire(&s, "E1", "Welder", "01/01/2020", "38");
    let part = hire(&s, "E2", "Welder", "01/01/2020", "19");
    let starter = hire(&s, "E3", "Welder", "01/07/2026", "38");
    // A small company: 3 workers, no right unless the setting says how many count.
    assert_eq!(t.right(full, 2026).unwrap().due_centidays, 0);
    t.save_settings(&TrainingSettings {
        workers: Some(25),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(t.right(full, 2026).unwrap().due_centidays, 500);
    assert_eq!(t.right(part, 2026).unwrap().due_centidays, 250);
    assert_eq!(t.right(starter, 2026).unwrap().due_centidays, 252);
    let followed = RecordInput {
        title: "Excel".into(),
        from: "10/02/2026".into(),
        duration: "15h12".into(),
        ..Default::default()
    };
    t.add_record(full, &followed.validate(None).unwrap())
        .unwrap();
    let r = t.right(full, 2026).unwrap();
    assert_eq!((r.followed_centidays, r.remaining_centidays), (200, 300));
    let all = t.rights(2026).unwrap();
    assert_eq!(all.len(), 3);
}

#[test]
fn requests_turn_into_enrolments_or_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let c = forklift(&s);
    let sid = session(&s, c, "20/03/2026", "8");
    let id = hire(&s, "E1", "Welder", "01/01/2020", "38");
    let t = s.training();
    let a = t
        .request(id, c, Some(sid), "Needed for the new warehouse")
        .unwrap();
    let b = t.request(id, c, None, "").unwrap();
    assert!(t.approve_request(a, None).unwrap().is_some());
    assert_eq!(t.enrolments(sid).unwrap().len(), 1);
    assert!(matches!(
        t.refuse_request(b, "  "),
        Err(StoreError::Invalid(_))
    ));
    t.refuse_request(b, "Budget spent").unwrap();
    assert!(matches!(
        t.approve_request(b, None),
        Err(StoreError::Invalid(_))
    ));
    let all = t.requests().unwrap();
    assert!(
        all.iter()
            .any(|r| r.id == b && r.status == RequestStatus::Refused && r.reason == "Budget spent")
    );
}

#[test]
fn talks_make_needs_and_the_plan_sums_them_per_department() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let c = forklift(&s);
    let id = hire(&s, "E1", "Forklift driver", "01/01/2020", "38");
    let other = hire(&s, "E2", "Welder", "01/01/2020", "38");
    let t = s.training();
    let sections = t.settings().unwrap().talk_sections;
    let (talk, needs) = TalkInput {
        kind: "appraisal".into(),
        date: "10/02/2025".into(),
        scores: "4 3".into(),
        actions: "Learn Excel @ 30/06/2025".into(),
        needs: "Excel basics".into(),
        ..Default::default()
    }
    .validate(&sections)
    .unwrap();
    t.add_talk(id, &talk, &needs).unwrap();
    assert_eq!(t.talks_of(id).unwrap()[0].data.actions.len(), 1);
    t.add_need(
        id,
        &NeedInput {
            training_year: "2025".into(),
            course: c.to_string(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let needs = t.needs(2025).unwrap();
    assert_eq!(needs.len(), 2);
    let plan = t.plan(2025).unwrap();
    assert_eq!(plan.len(), 1);
    assert_eq!((plan[0].needs, plan[0].planned_cost_cents), (2, 15000));
    let bad = NeedInput {
        training_year: "x".into(),
        ..Default::default()
    };
    assert!(matches!(
        t.add_need(id, &bad, None),
        Err(StoreError::Invalid(_))
    ));
    // Overdue: the talk was 10/02/2025, a year is up on 10/02/2026; the other person's first talk
    // is due a year after their start.
    let due = t.talks_overdue(today(), 100).unwrap();
    let who: Vec<i64> = due.iter().map(|x| x.person.id).collect();
    assert!(who.contains(&id) && who.contains(&other));
    assert_eq!(
        due.iter().find(|x| x.person.id == id).unwrap().due,
        d(2026, 2, 10)
    );
    t.set_need_status(needs[0].id, NeedStatus::Dropped).unwrap();
    assert!(audits(&s, "training_need") >= 3);
    assert!(audits(&s, "training_talk") == 1);
}

#[test]
fn the_social_balance_counts_participants_hours_and_cost_by_kind() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let t = s.training();
    let a = hire(&s, "E1", "Welder", "01/01/2020", "38");
    let b = hire(&s, "E2", "Welder", "01/01/2020", "19");
    for (id, kind, from) in [
        (a, "formal", "10/02/2026"),
        (a, "formal", "11/02/2026"),
        (b, "informal", "12/02/2026"),
        (b, "formal", "12/02/2025"),
    ] {
        let r = RecordInput {
            title: "Course".into(),
            kind: kind.into(),
            from: from.into(),
            duration: "4".into(),
            cost: "100".into(),
            ..Default::default()
        };
        t.add_record(id, &r.validate(None).unwrap()).unwrap();
    }
    let bal = t.balance(2026).unwrap();
    let formal = &bal.lines[0];
    assert_eq!(
        (
            formal.total.participants,
            formal.total.minutes,
            formal.total.cost_cents
        ),
        (1, 480, 20000)
    );
    assert_eq!(formal.women.participants, 1);
    assert_eq!(
        (
            bal.lines[1].total.participants,
            bal.lines[1].total.fte_permille
        ),
        (1, 500)
    );
}
