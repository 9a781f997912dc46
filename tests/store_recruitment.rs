//! Recruitment against a real database: duplicates, stage moves, clashes, retention and the purge.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::recruitment::{CandidateInput, Stage, VacancyInput};
use dossier::store::recruitment::{InterviewInput, Link};
use dossier::store::{Access, Store, StoreError};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn open(dir: &tempfile::TempDir, today: &str) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::Day(d(today)),
    )
    .unwrap()
}

fn vacancy(store: &Store) -> i64 {
    let v = VacancyInput {
        title: "Boekhouder (m/v/x)".into(),
        status: "open".into(),
        ..Default::default()
    };
    store
        .recruitment()
        .add_vacancy(&v, &[], &[], &[])
        .unwrap()
        .id
}

fn candidate(first: &str, last: &str, email: &str) -> CandidateInput {
    CandidateInput {
        first_name: first.into(),
        last_name: last.into(),
        email: email.into(),
        language: "nl".into(),
        ..Default::default()
    }
}

fn refused_key(e: StoreError) -> &'static str {
    match e {
        StoreError::Invalid(v) => v.0[0].key,
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn a_look_alike_is_refused_by_name_email_or_phone_unless_linked() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "2026-04-01");
    let r = store.recruitment();
    let v1 = vacancy(&store);
    let v2 = vacancy(&store);
    let (first, _) = r
        .add_candidate(
            &candidate("Céline", "Dubois", "celine@x.be"),
            v1,
            Link::Refuse,
        )
        .unwrap();
    let again = candidate("celine", "DUBOIS", "");
    assert_eq!(
        refused_key(r.add_candidate(&again, v2, Link::Refuse).unwrap_err()),
        "err.duplicate_candidate"
    );
    let same_mail = candidate("C.", "D.", "CELINE@x.be");
    assert_eq!(
        r.duplicates(&same_mail.validate(d("2026-04-01")).unwrap())
            .unwrap()[0]
            .on,
        "email"
    );
    let (linked, _) = r
        .add_candidate(&again, v2, Link::Existing(first.id))
        .unwrap();
    assert_eq!(linked.id, first.id);
    assert_eq!(r.applications_of(first.id).unwrap().len(), 2);
    assert_eq!(
        refused_key(
            r.add_candidate(&again, v2, Link::Existing(first.id))
                .unwrap_err()
        ),
        "err.already_applied"
    );
    let (other, _) = r.add_candidate(&again, v2, Link::New).unwrap();
    assert_ne!(other.id, first.id);
}

#[test]
fn moves_are_dated_and_a_refused_move_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "2026-04-01");
    let r = store.recruitment();
    let v = vacancy(&store);
    let (_, app) = r
        .add_candidate(&candidate("Jan", "Peeters", ""), v, Link::Refuse)
        .unwrap();
    r.move_stage(app, Stage::Interview, "").unwrap();
    assert_eq!(
        refused_key(r.move_stage(app, Stage::Phone, "").unwrap_err()),
        "err.stage_back_reason"
    );
    assert_eq!(r.application(app).unwrap().stage, Stage::Interview);
    r.move_stage(app, Stage::Rejected, "experience").unwrap();
    let a = r.application(app).unwrap();
    assert_eq!(
        (a.stage, a.reject_reason.as_str()),
        (Stage::Rejected, "experience")
    );
    let h = r.history(app).unwrap();
    assert_eq!(
        h.iter().map(|m| m.to).collect::<Vec<_>>(),
        vec![Stage::Received, Stage::Interview, Stage::Rejected]
    );
    assert!(h.iter().all(|m| m.on == d("2026-04-01")));
}

#[test]
fn an_interviewer_on_leave_or_double_booked_is_named_and_an_override_saves() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "2026-04-01");
    let boss = store
        .employees()
        .add(
            &EmployeeInput {
                number: "E1".into(),
                first_name: "Marc".into(),
                last_name: "Claes".into(),
                start_date: "01/01/2020".into(),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let r = store.recruitment();
    let v = vacancy(&store);
    let (_, a1) = r
        .add_candidate(&candidate("An", "Smet", ""), v, Link::Refuse)
        .unwrap();
    let (_, a2) = r
        .add_candidate(&candidate("Bo", "Maes", ""), v, Link::Refuse)
        .unwrap();
    let plan = |app, at: &str, reason: &str| InterviewInput {
        application_id: app,
        assessment: false,
        start: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap(),
        minutes: 60,
        place: "Ghent office".into(),
        interviewers: vec![boss.id],
        override_reason: reason.into(),
    };
    r.plan_interview(&plan(a1, "2026-04-07T10:00", "")).unwrap();
    let e = r
        .plan_interview(&plan(a2, "2026-04-07T10:30", ""))
        .unwrap_err();
    match e {
        StoreError::Invalid(v) => {
            assert_eq!(v.0[0].key, "err.interview_clash_interviewer");
            assert!(
                v.0[0]
                    .args
                    .iter()
                    .any(|(k, val)| *k == "name" && val == "Marc Claes")
            );
        }
        other => panic!("{other}"),
    }
    rusqlite::Connection::open(dir.path().join("t.db"))
        .unwrap()
        .execute_batch(&format!(
            "INSERT INTO leave_requests (employee_id, type_id, from_date, to_date, part, minutes, status, created_at)
             VALUES ({}, (SELECT min(id) FROM leave_types), '2026-04-09', '2026-04-10', 'full', 912, 'approved', '2026-03-01')",
            boss.id
        ))
        .unwrap();
    assert_eq!(
        refused_key(
            r.plan_interview(&plan(a2, "2026-04-09T09:00", ""))
                .unwrap_err()
        ),
        "err.interview_clash_leave"
    );
    r.plan_interview(&plan(a2, "2026-04-07T10:30", "only free slot this week"))
        .unwrap();
    assert_eq!(
        r.interviews_between(d("2026-04-07"), d("2026-04-07"))
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn after_retention_the_purge_blanks_the_person_and_keeps_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = open(&dir, "2026-04-01");
        let r = store.recruitment();
        let v = vacancy(&store);
        let (gone, a) = r
            .add_candidate(&candidate("Ann", "Janssens", "ann@x.be"), v, Link::Refuse)
            .unwrap();
        let (kept, b) = r
            .add_candidate(
                &CandidateInput {
                    consent_on: "01/04/2026".into(),
                    ..candidate("Bert", "Wouters", "")
                },
                v,
                Link::Refuse,
            )
            .unwrap();
        r.move_stage(a, Stage::Rejected, "profile").unwrap();
        r.move_stage(b, Stage::Rejected, "salary").unwrap();
        assert_eq!(r.retain_until(gone.id).unwrap(), Some(d("2026-10-01")));
        assert_eq!(r.retain_until(kept.id).unwrap(), Some(d("2027-04-01")));
    }
    let store = open(&dir, "2026-10-02");
    let r = store.recruitment();
    let dry = r.purge(d("2026-10-02"), true).unwrap();
    assert_eq!(dry.candidates.len(), 1);
    assert_eq!(
        r.candidate(dry.candidates[0].id).unwrap().data.last_name,
        "Janssens"
    );
    let done = r.purge(d("2026-10-02"), false).unwrap();
    let c = r.candidate(done.candidates[0].id).unwrap();
    assert!(c.purged && c.data.last_name.is_empty() && c.data.email.is_empty());
    let apps = r.applications(1).unwrap();
    assert_eq!(apps.len(), 2, "counts stay");
    assert!(apps.iter().any(|a| a.reject_reason == "profile"));
    assert!(
        r.purge(d("2026-10-02"), false)
            .unwrap()
            .candidates
            .is_empty()
    );
    // Nothing of the purged person is left in the audit log either.
    let leaked: i64 = rusqlite::Connection::open(dir.path().join("t.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM audit WHERE new LIKE '%Janssens%' OR old LIKE '%Janssens%' OR new LIKE '%ann@x%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(leaked, 0);
}
