//! Store tests of the leave commands that work on many rows at once: importing leave history and
//! closing a leave year.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::ContractInput;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::leave::import::LeaveImportInput;
use dossier::domain::leave::ledger::Bucket;
use dossier::domain::leave::request::{LeaveRequestInput, RequestStatus};
use dossier::domain::leave::rules::LeaveRules;
use dossier::domain::leave::sickness::SickSpellInput;
use dossier::store::{Access, ImportError, LEAVE_RULES, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A company of two full-timers (E1, E2) hired in 2024, with 2026 allocated; today is 23/11/2026.
fn company(dir: &tempfile::TempDir) -> Store {
    let path = dir.path().join("dossier.db");
    let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(d(2026, 11, 23))).unwrap();
    for (n, first) in [(1, "Jan"), (2, "An")] {
        let person = EmployeeInput {
            number: format!("E{n}"),
            first_name: first.into(),
            last_name: "Peeters".into(),
            start_date: "01/02/2024".into(),
            ..Default::default()
        };
        let contract = ContractInput {
            kind: "indefinite".into(),
            start: "01/02/2024".into(),
            weekly_hours: "38".into(),
            ..Default::default()
        };
        store.employees().add(&person, Some(&contract)).unwrap();
    }
    store.leave().allocate_year(2026, false).unwrap();
    store
}

fn id(store: &Store, number: &str) -> i64 {
    store.employees().by_number(number).unwrap().id
}

fn row(employee: &str, leave_type: &str, from: &str, to: &str, status: &str) -> LeaveImportInput {
    LeaveImportInput {
        employee: employee.into(),
        leave_type: leave_type.into(),
        from: from.into(),
        to: to.into(),
        status: status.into(),
        ..Default::default()
    }
}

/// Lines 2, 3, … as the CSV reader numbers them under a header.
fn lines(rows: Vec<LeaveImportInput>) -> Vec<(usize, LeaveImportInput)> {
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| (i + 2, r))
        .collect()
}

fn legal_remaining(store: &Store, number: &str) -> i64 {
    let b = store.leave().balances(id(store, number), 2026).unwrap();
    b.iter()
        .find(|(k, _)| *k == Bucket::Legal)
        .unwrap()
        .1
        .remaining
}

fn requests(store: &Store) -> usize {
    ["E1", "E2"]
        .iter()
        .map(|n| store.leave().requests(id(store, n)).unwrap().len())
        .sum()
}

fn bad_lines(e: ImportError) -> Vec<(usize, Vec<(&'static str, &'static str)>)> {
    match e {
        ImportError::Invalid(bad) => bad
            .into_iter()
            .map(|(line, errs)| (line, errs.0.iter().map(|e| (e.field, e.key)).collect()))
            .collect(),
        ImportError::Store(e) => panic!("storage error: {e}"),
    }
}

#[test]
fn a_good_file_imports_every_row_and_books_the_approved_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let mut half = row("e2", "compensatory", "03/08/2026", "", "requested");
    half.part = "am".into();
    let rows = lines(vec![
        row("E1", "legal", "06/07/2026", "10/07/2026", ""),
        // History: a cancelled request for the same days, and a refused one, block nothing.
        row("E1", "legal", "06/07/2026", "07/07/2026", "cancelled"),
        row("E1", "Wettelijke vakantie", "08/07/2026", "", "refused"),
        row("E2", "compensatory", "04/08/2026", "", "approved"),
        half,
    ]);
    let saved = store.leave().import_requests(&rows, false, "en").unwrap();
    assert_eq!(saved.len(), 5);
    assert_eq!(
        saved.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [2, 3, 4, 5, 6]
    );
    let statuses: Vec<RequestStatus> = saved.iter().map(|(_, r)| r.status).collect();
    use RequestStatus::*;
    assert_eq!(
        statuses,
        [Approved, Cancelled, Refused, Approved, Requested]
    );
    assert_eq!(saved[0].1.minutes, 5 * 456);
    assert_eq!(saved[4].1.minutes, 228);
    assert_eq!(requests(&store), 5);
    // Only the approved annual leave is on the ledger.
    assert_eq!(legal_remaining(&store, "E1"), 15 * 456);
    assert_eq!(legal_remaining(&store, "E2"), 20 * 456);
    let audit = store.audit().verify().unwrap();
    assert_eq!(audit.broken_at, None);
}

#[test]
fn one_bad_row_writes_nothing_and_every_bad_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let rows = lines(vec![
        row("E1", "legal", "06/07/2026", "10/07/2026", ""),
        row("E9", "legal", "06/07/2026", "", ""),
        row("E2", "legal", "31/02/2026", "", ""),
        row("E2", "legal", "13/07/2026", "", "taken"),
        row("", "legal", "13/07/2026", "", ""),
    ]);
    let bad = bad_lines(
        store
            .leave()
            .import_requests(&rows, false, "en")
            .unwrap_err(),
    );
    assert_eq!(
        bad,
        [
            (3, vec![("employee", "err.employee_unknown")]),
            (4, vec![("from", "err.date")]),
            (5, vec![("status", "err.choice")]),
            (6, vec![("employee", "err.required")]),
        ]
    );
    assert_eq!(requests(&store), 0, "nothing from the file may be written");
    assert_eq!(legal_remaining(&store, "E1"), 20 * 456);
}

#[test]
fn rows_of_one_file_overlap_and_use_the_balance_like_separate_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let overlapping = lines(vec![
        row("E1", "legal", "06/07/2026", "10/07/2026", ""),
        row("E2", "legal", "06/07/2026", "10/07/2026", ""),
        row("E1", "compensatory", "09/07/2026", "", "requested"),
    ]);
    let bad = bad_lines(
        store
            .leave()
            .import_requests(&overlapping, false, "en")
            .unwrap_err(),
    );
    assert_eq!(bad, [(4, vec![("from", "err.overlaps_leave")])]);
    assert_eq!(requests(&store), 0);

    // Three weeks, then two more: the second fits the balance alone, not after the first.
    let over = lines(vec![
        row("E1", "legal", "07/09/2026", "25/09/2026", ""),
        row("E1", "legal", "05/10/2026", "16/10/2026", ""),
    ]);
    let bad = bad_lines(
        store
            .leave()
            .import_requests(&over, false, "en")
            .unwrap_err(),
    );
    assert_eq!(bad, [(3, vec![("override_reason", "err.exceeds_balance")])]);
    // With a reason, it goes through, below zero.
    let mut allowed = over.clone();
    allowed[1].1.override_reason = "advance agreed".into();
    store
        .leave()
        .import_requests(&allowed, false, "en")
        .unwrap();
    assert_eq!(legal_remaining(&store, "E1"), -5 * 456);
}

#[test]
fn a_dry_run_checks_and_counts_but_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let audit_rows = store.audit().verify().unwrap().rows;
    let rows = lines(vec![
        row("E1", "legal", "06/07/2026", "10/07/2026", ""),
        row("E1", "legal", "13/07/2026", "", ""),
    ]);
    let saved = store.leave().import_requests(&rows, true, "en").unwrap();
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[1].1.minutes, 456);
    assert_eq!(requests(&store), 0);
    assert_eq!(legal_remaining(&store, "E1"), 20 * 456);
    assert_eq!(store.audit().verify().unwrap().rows, audit_rows);
}

fn add(store: &Store, number: &str, leave_type: &str, from: &str, to: &str) {
    let input = LeaveRequestInput {
        leave_type: leave_type.into(),
        from: from.into(),
        to: to.into(),
        ..Default::default()
    };
    store
        .leave()
        .add_request(id(store, number), &input, "en")
        .unwrap();
}

fn remaining(store: &Store, number: &str, year: i32, bucket: Bucket) -> i64 {
    let b = store.leave().balances(id(store, number), year).unwrap();
    b.iter()
        .find(|(k, _)| *k == bucket)
        .map_or(0, |(_, b)| b.remaining)
}

#[test]
fn closing_a_year_carries_illness_and_company_days_expires_the_rest_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let rules = LeaveRules {
        extralegal_minutes_per_year: 12 * 456,
        ..LeaveRules::default()
    };
    store.settings().set(LEAVE_RULES, &rules).unwrap();
    store.leave().allocate_year(2025, false).unwrap();
    // E1: ten days of leave, a week of sickness; E2: two weeks of maternity leave.
    add(&store, "E1", "legal", "07/07/2025", "18/07/2025");
    let sick = SickSpellInput {
        start: "03/03/2025".into(),
        end: "07/03/2025".into(),
        certificate: "03/03/2025".into(),
        ..Default::default()
    };
    store
        .leave()
        .save_sick_spell(id(&store, "E1"), &sick, None)
        .unwrap();
    add(&store, "E2", "maternity", "01/09/2025", "12/09/2025");
    let legal = remaining(&store, "E1", 2025, Bucket::Legal);
    let company_days = remaining(&store, "E1", 2025, Bucket::Extralegal);
    let supplementary = remaining(&store, "E1", 2025, Bucket::Supplementary);
    assert!(
        legal > 5 * 456 && company_days > 5 * 456,
        "{legal} {company_days}"
    );

    // 2026 is not over on 23/11/2026; a dry run still shows what closing would do.
    match store.leave().close_year(2026, false) {
        Err(StoreError::Invalid(e)) => assert_eq!(e.0[0].key, "err.year_not_over"),
        other => panic!("{other:?}"),
    }
    let before = store.leave().ledger(id(&store, "E1")).unwrap().len();
    assert!(!store.leave().close_year(2026, true).unwrap().is_empty());
    let dry = store.leave().close_year(2025, true).unwrap();
    assert_eq!(
        store.leave().ledger(id(&store, "E1")).unwrap().len(),
        before
    );

    let lines = store.leave().close_year(2025, false).unwrap();
    assert_eq!(
        lines.iter().map(|l| &l.rows).collect::<Vec<_>>(),
        dry.iter().map(|l| &l.rows).collect::<Vec<_>>(),
        "the dry run showed exactly what was written"
    );
    let e1 = lines.iter().find(|l| l.number == "E1").unwrap();
    assert_eq!(e1.illness_carry, 5 * 456);
    assert_eq!(e1.unused_legal_reported, legal - 5 * 456);
    // Company days: 5 carried (the cap) into 2026 until 31 March 2026, which is past: expired too.
    // Supplementary days are lost at year end.
    assert_eq!(e1.carried, 5 * 456);
    assert_eq!(
        e1.expired,
        (legal - 5 * 456) + supplementary + (company_days - 5 * 456) + 5 * 456
    );
    let e2 = lines.iter().find(|l| l.number == "E2").unwrap();
    assert_eq!(e2.illness_carry, 10 * 456);
    for bucket in [Bucket::Legal, Bucket::Supplementary, Bucket::Extralegal] {
        assert_eq!(remaining(&store, "E1", 2025, bucket), 0);
    }
    assert_eq!(
        remaining(&store, "E1", 2026, Bucket::IllnessCarryOver),
        5 * 456
    );
    assert_eq!(remaining(&store, "E1", 2026, Bucket::CarriedOver), 0);
    let b = store.leave().balances(id(&store, "E1"), 2026).unwrap();
    let ill = &b
        .iter()
        .find(|(k, _)| *k == Bucket::IllnessCarryOver)
        .unwrap()
        .1;
    assert_eq!(ill.expiring, [(d(2027, 12, 31), 5 * 456)]);

    // Closing again writes nothing.
    let written = store.leave().ledger(id(&store, "E1")).unwrap().len();
    let again = store.leave().close_year(2025, false).unwrap();
    assert!(again.iter().all(|l| l.rows.is_empty()), "{again:?}");
    assert_eq!(
        store.leave().ledger(id(&store, "E1")).unwrap().len(),
        written
    );
    assert_eq!(store.audit().verify().unwrap().broken_at, None);
}
