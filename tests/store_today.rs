//! The Today list read from a real database: each fact comes and goes as the dossier changes.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::{ContractInput, DepartureInput};
use dossier::domain::records::DocumentInput;
use dossier::domain::today::{Due, TodayList};
use dossier::store::{Access, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    store
        .load_people(dossier::demo::demo_company(today()).into_iter(), |_| {})
        .unwrap();
    store.load_demo_leave(today()).unwrap();
    store.load_demo_checklists(today()).unwrap();
    (dir, store)
}

fn find(list: &TodayList, pick: impl Fn(&Due) -> bool) -> Option<i64> {
    list.items
        .iter()
        .find(|a| pick(&a.what))
        .and_then(|a| a.person.as_ref().map(|p| p.id))
}

#[test]
fn a_renewed_contract_or_a_departure_ends_the_warning() {
    let (_dir, store) = demo();
    let ending = |s: &Store| {
        find(&s.today().list(today()).unwrap(), |d| {
            matches!(d, Due::ContractEnds { .. })
        })
    };
    let id = ending(&store).expect("the demo has a fixed-term contract ending");
    let end = store
        .records()
        .contracts(id)
        .unwrap()
        .last()
        .unwrap()
        .data
        .end
        .unwrap();
    // A next contract from the day after: no longer ending.
    let next = ContractInput {
        kind: "indefinite".into(),
        start: dossier::domain::date::format_date(end.succ_opt().unwrap()),
        weekly_hours: "38".into(),
        full_time_hours: "38".into(),
        ..Default::default()
    };
    store.records().add_contract(id, &next).unwrap();
    assert_ne!(ending(&store), Some(id));

    // Someone who left is never on Today: archive the person with the expiring card.
    let expiring = |s: &Store| {
        find(&s.today().list(today()).unwrap(), |d| {
            matches!(d, Due::DocumentExpires { .. })
        })
    };
    let who = expiring(&store).unwrap();
    let departure = DepartureInput {
        end_date: "20/11/2026".into(),
        ended_by: "employee".into(),
        reason: "test".into(),
        notice_weeks: String::new(),
    };
    store.employees().archive(who, &departure).unwrap();
    let list = store.today().list(today()).unwrap();
    let about: Vec<&Due> = list
        .items
        .iter()
        .filter(|a| a.person.as_ref().is_some_and(|p| p.id == who))
        .map(|a| &a.what)
        .collect();
    // What is left to do for someone who left is the departure itself: the Dimona OUT and the
    // offboarding checklist; their expiring card no longer matters.
    assert!(about.contains(&&Due::Dimona {
        kind: dossier::domain::today::DimonaDue::Out
    }));
    assert!(
        about
            .iter()
            .all(|d| matches!(d, Due::Dimona { .. } | Due::ChecklistTask { .. })),
        "{about:?}"
    );
}

#[test]
fn a_newer_document_or_the_receipt_on_file_clears_the_item() {
    let (dir, store) = demo();
    let list = store.today().list(today()).unwrap();
    let missing = find(&list, |d| matches!(d, Due::DocumentMissing { .. })).unwrap();
    let scan = dir.path().join("receipt.pdf");
    std::fs::write(&scan, b"%PDF-1.4 receipt").unwrap();
    let receipt = DocumentInput {
        path: scan.display().to_string(),
        kind: "work_rules_receipt".into(),
        title: String::new(),
        dated: "23/11/2026".into(),
        expires: String::new(),
    };
    store.records().add_document(missing, &receipt).unwrap();
    let list = store.today().list(today()).unwrap();
    assert!(!list.items.iter().any(|a| {
        matches!(a.what, Due::DocumentMissing { .. })
            && a.person.as_ref().is_some_and(|p| p.id == missing)
    }));

    // A renewed permit replaces the expiring one.
    let permit = list
        .items
        .iter()
        .find(|a| {
            matches!(
                a.what,
                Due::DocumentExpires {
                    kind: dossier::domain::records::DocumentKind::WorkPermit,
                    ..
                }
            )
        })
        .and_then(|a| a.person.as_ref().map(|p| p.id))
        .expect("the demo has a work permit expiring");
    let renewed = DocumentInput {
        kind: "work_permit".into(),
        expires: "31/12/2029".into(),
        ..receipt
    };
    store.records().add_document(permit, &renewed).unwrap();
    let list = store.today().list(today()).unwrap();
    assert!(!list.items.iter().any(|a| {
        matches!(a.what, Due::DocumentExpires { .. })
            && a.person.as_ref().is_some_and(|p| p.id == permit)
    }));
}

#[test]
fn an_empty_company_only_has_its_calendar_to_keep() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("e.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    let list = store.today().list(today()).unwrap();
    assert_eq!(list.items.len(), 1);
    assert!(matches!(
        list.items[0].what,
        Due::ReplacementDays { year: 2027, .. }
    ));
    // Before 1 November nothing warns yet.
    let early = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    assert!(store.today().list(early).unwrap().items.is_empty());
}
