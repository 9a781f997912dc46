//! Store tests for the second part of training (issue 6): requests with a wanted period, answered
//! on a session (waiting list when full) or refused, and pending ones on Today.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::ContractInput;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::today::Due;
use dossier::domain::training::RequestStatus;
use dossier::domain::training::course::CourseInput;
use dossier::domain::training::request::RequestInput;
use dossier::domain::training::session::{EnrolmentStatus, SessionInput};
use dossier::store::{Access, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 3, 2)
}

fn store(dir: &tempfile::TempDir) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
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

fn course(store: &Store, title: &str) -> i64 {
    let c = CourseInput {
        title: title.into(),
        duration: "7h36".into(),
        cost: "200".into(),
        ..Default::default()
    };
    store
        .training()
        .add_course(&c.validate().unwrap())
        .unwrap()
        .id
}

fn session(store: &Store, course: i64, day: &str, capacity: &str) -> i64 {
    let s = SessionInput {
        course: course.to_string(),
        days: format!("{day} 08:00-16:00"),
        capacity: capacity.into(),
        ..Default::default()
    };
    store
        .training()
        .add_session(&s.validate().unwrap())
        .unwrap()
}

fn ask(store: &Store, who: i64, course: i64, from: &str) -> i64 {
    let r = RequestInput {
        course: course.to_string(),
        motivation: "For the new line".into(),
        wanted_from: from.into(),
        ..Default::default()
    };
    store
        .training()
        .add_request(who, &r.validate().unwrap())
        .unwrap()
}

#[test]
fn a_request_keeps_its_wanted_period_and_approval_fills_the_waiting_list() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let (a, b) = (hire(&s, "E1"), hire(&s, "E2"));
    let c = course(&s, "Forklift");
    let other = course(&s, "Excel");
    let sid = session(&s, c, "20/03/2026", "1");
    let t = s.training();
    let ra = ask(&s, a, c, "15/03/2026");
    let rb = ask(&s, b, c, "");
    let r = t.training_request(ra).unwrap();
    assert_eq!(r.wanted_from, Some(d(2026, 3, 15)));
    assert_eq!((r.asked_on, r.status), (today(), RequestStatus::Pending));
    assert_eq!(
        t.upcoming_sessions_of(c, today()).unwrap()[0].id,
        sid,
        "the session to approve on"
    );
    assert!(t.upcoming_sessions_of(other, today()).unwrap().is_empty());
    // A session of another course, or one that does not exist, is refused and nothing changes.
    let wrong = session(&s, other, "21/03/2026", "5");
    assert!(matches!(
        t.approve_request(ra, Some(wrong)),
        Err(StoreError::Invalid(_))
    ));
    let e = t.approve_request(ra, Some(9999)).unwrap_err();
    assert!(
        format!("{e:?}").contains("err.training_session_unknown"),
        "{e:?}"
    );
    assert_eq!(
        t.training_request(ra).unwrap().status,
        RequestStatus::Pending
    );
    // The only seat goes to the first approval, the second waits.
    let ea = t.approve_request(ra, Some(sid)).unwrap().unwrap();
    let eb = t.approve_request(rb, Some(sid)).unwrap().unwrap();
    assert_eq!(t.enrolment(ea).unwrap().2, EnrolmentStatus::Enrolled);
    assert_eq!(t.enrolment(eb).unwrap().2, EnrolmentStatus::Waiting);
    let r = t.training_request(rb).unwrap();
    assert_eq!(
        (r.status, r.decided_on, r.session_id),
        (RequestStatus::Approved, Some(today()), Some(sid))
    );
    assert!(t.pending_requests(10).unwrap().is_empty());
}

#[test]
fn a_refusal_needs_a_reason_and_a_bad_request_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let a = hire(&s, "E1");
    let c = course(&s, "Forklift");
    let t = s.training();
    let bad = RequestInput {
        course: "77".into(),
        ..Default::default()
    };
    assert!(matches!(
        t.add_request(a, &bad.validate().unwrap()),
        Err(StoreError::Invalid(_))
    ));
    assert!(t.requests().unwrap().is_empty());
    let r = ask(&s, a, c, "");
    assert!(matches!(
        t.refuse_request(r, " "),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        t.training_request(r).unwrap().status,
        RequestStatus::Pending
    );
    t.refuse_request(r, "Budget spent").unwrap();
    let got = t.training_request(r).unwrap();
    assert_eq!(
        (got.status, got.reason.as_str()),
        (RequestStatus::Refused, "Budget spent")
    );
    assert!(matches!(
        t.refuse_request(r, "again"),
        Err(StoreError::Invalid(_))
    ));
    let audit = s.audit().for_employee(a, 50).unwrap();
    assert!(
        audit
            .iter()
            .filter(|e| e.entity == "training_request")
            .count()
            >= 2
    );
}

#[test]
fn pending_requests_show_on_today_until_answered() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let a = hire(&s, "E1");
    let c = course(&s, "Forklift");
    let r = ask(&s, a, c, "06/03/2026");
    let items = s.today().list(today()).unwrap().items;
    let item = items
        .iter()
        .find(|i| matches!(i.what, Due::TrainingRequest { request_id, .. } if request_id == r))
        .expect("the request is on Today");
    // Answer before the wanted start (06/03), sooner than two weeks.
    assert_eq!(item.due, d(2026, 3, 6));
    s.training().refuse_request(r, "Not this year").unwrap();
    let items = s.today().list(today()).unwrap().items;
    assert!(
        !items
            .iter()
            .any(|i| matches!(i.what, Due::TrainingRequest { .. }))
    );
}

#[test]
fn a_certificate_obtained_elsewhere_is_checked_then_counts_on_today() {
    use dossier::domain::training::certificate::RecordInput;
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let a = hire(&s, "E1");
    let c = course(&s, "Forklift");
    let t = s.training();
    let unknown = RecordInput {
        course: "99".into(),
        from: "01/02/2024".into(),
        ..Default::default()
    };
    let e = t.add_record_input(a, &unknown).unwrap_err();
    assert!(
        format!("{e:?}").contains("err.training_course_unknown"),
        "{e:?}"
    );
    let no_title = RecordInput {
        from: "01/02/2024".into(),
        ..Default::default()
    };
    let e = t.add_record_input(a, &no_title).unwrap_err();
    assert!(format!("{e:?}").contains("title"), "{e:?}");
    assert!(t.records(a).unwrap().is_empty(), "nothing written");
    // Without a course: the title and hours typed; the expiry as given.
    let elsewhere = RecordInput {
        title: "VCA basis (extern)".into(),
        from: "10/03/2021".into(),
        duration: "8".into(),
        certificate_no: "VCA-778".into(),
        expires: "20/04/2026".into(),
        ..Default::default()
    };
    let id = t.add_record_input(a, &elsewhere).unwrap();
    // From the catalogue: the course fills title and hours.
    let from_course = RecordInput {
        course: c.to_string(),
        from: "01/02/2026".into(),
        ..Default::default()
    };
    t.add_record_input(a, &from_course).unwrap();
    let recs = t.records(a).unwrap();
    let r = recs.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        (r.data.minutes, r.data.certificate.as_str()),
        (480, "VCA-778")
    );
    assert_eq!(r.data.session_id, None);
    assert!(
        recs.iter()
            .any(|r| r.data.title == "Forklift" && r.data.minutes == 456)
    );
    let items = s.today().list(today()).unwrap().items;
    assert!(
        items.iter().any(|i| matches!(&i.what, Due::TrainingCertificate { course, .. } if course == "VCA basis (extern)")),
        "{items:?}"
    );
}
