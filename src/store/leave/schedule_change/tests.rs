//! Changing a schedule against a real database file: conversion, rebooking, dry run, same-day
//! re-entry, a change on 1 January after the year was allocated, refusals.

use chrono::NaiveDate;

use super::*;
use crate::clock::Clock;
use crate::domain::contract::ContractInput;
use crate::domain::employee::EmployeeInput;
use crate::domain::leave::ledger::open_taken;
use crate::domain::leave::request::LeaveRequestInput;
use crate::store::{Access, Store};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A database with one full-timer (38 h since 1 February 2024) whose 2026 leave is allocated:
/// 20 days, 152 h.
fn full_timer(dir: &tempfile::TempDir, today: NaiveDate) -> (Store, i64) {
    let store = Store::open(
        &dir.path().join("x.db"),
        Access::ReadWrite,
        Clock::frozen_at(today),
    )
    .unwrap();
    let person = EmployeeInput {
        number: "E1".into(),
        first_name: "Jan".into(),
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
    let id = store.employees().add(&person, Some(&contract)).unwrap().id;
    store.leave().allocate_year(2026, false).unwrap();
    (store, id)
}

fn leave(store: &Store, id: i64, from: &str, to: &str, status: &str) -> i64 {
    let input = LeaveRequestInput {
        leave_type: "legal".into(),
        from: from.into(),
        to: to.into(),
        status: status.into(),
        ..Default::default()
    };
    store.leave().add_request(id, &input, "en").unwrap().id
}

fn week(from: &str, days: [&str; 7]) -> ScheduleInput {
    let mut input = ScheduleInput {
        from: from.into(),
        ..Default::default()
    };
    for (field, value) in crate::domain::leave::schedule::WEEK_A.iter().zip(days) {
        crate::domain::input::TextInput::set(&mut input, field, value.into());
    }
    input
}

fn four_fifths(from: &str) -> ScheduleInput {
    week(from, ["7h36", "7h36", "7h36", "7h36", "", "", ""])
}

fn legal_remaining(store: &Store, id: i64, year: i32) -> i64 {
    let b = store.leave().balances(id, year).unwrap();
    b.iter()
        .find(|(k, _)| *k == Bucket::Legal)
        .unwrap()
        .1
        .remaining
}

/// Five days in March, an approved week in August (Monday 3 – Friday 7) and a requested one
/// (10–14 August): the situation of issue 4.
fn with_leave(store: &Store, id: i64) -> (i64, i64) {
    leave(store, id, "02/03/2026", "06/03/2026", "approved");
    let august = leave(store, id, "03/08/2026", "07/08/2026", "approved");
    let waiting = leave(store, id, "10/08/2026", "14/08/2026", "requested");
    (august, waiting)
}

#[test]
fn four_fifths_from_july_converts_what_is_left_and_frees_the_fridays() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = full_timer(&dir, ymd(2026, 6, 15));
    let (august, waiting) = with_leave(&store, id);
    assert_eq!(legal_remaining(&store, id, 2026), 10 * 456);

    let change = store
        .leave()
        .change_schedule(id, &four_fifths("01/07/2026"), false)
        .unwrap();
    assert_eq!((change.old_weekly, change.new_weekly), (2280, 1824));
    // At the change 15 full-time days were left, three weeks: three four-day weeks are 12 days.
    assert_eq!(change.corrections.len(), 1);
    assert_eq!(change.corrections[0].minutes, 12 * 456 - 15 * 456);
    assert_eq!(change.corrections[0].reason, "38h → 30h24");
    let rebooked: Vec<(i64, u32, u32)> = change
        .rebooked
        .iter()
        .map(|r| (r.id, r.old_minutes, r.new_minutes))
        .collect();
    assert_eq!(rebooked, vec![(august, 2280, 1824), (waiting, 2280, 1824)]);
    assert_eq!(change.before[0].1.remaining, 10 * 456);
    // 12 days less the 4 that August now costs; the waiting week is not on the ledger yet.
    assert_eq!(change.after[0].1.remaining, 8 * 456);
    assert_eq!(legal_remaining(&store, id, 2026), 8 * 456);

    let ledger = store.leave().ledger(id).unwrap();
    let standing = open_taken(&ledger, august);
    assert_eq!(standing.len(), 4);
    assert!(
        standing.iter().all(|e| e.date != ymd(2026, 8, 7)),
        "Friday costs nothing"
    );
    assert_eq!(store.leave().request(august).unwrap().minutes, 1824);
    assert_eq!(store.leave().request(waiting).unwrap().minutes, 1824);
    assert_eq!(
        store.leave().schedules(id).unwrap().at(ymd(2026, 7, 1)),
        Some(&change.schedule)
    );
    assert_eq!(store.audit().verify().unwrap().broken_at, None);
    // Allocating 2026 again changes nothing: its entitlement rests on the schedule of 1 January.
    let again = store.leave().allocate_year(2026, true).unwrap();
    assert!(again.iter().all(|l| l.rows.is_empty()));

    // Cancelling August gives back the four days it now costs, not the five it once did.
    store
        .leave()
        .set_request_status(august, RequestStatus::Cancelled)
        .unwrap();
    assert_eq!(legal_remaining(&store, id, 2026), 12 * 456);
    store
        .leave()
        .set_request_status(waiting, RequestStatus::Approved)
        .unwrap();
    assert_eq!(legal_remaining(&store, id, 2026), 8 * 456);
}

#[test]
fn a_dry_run_writes_nothing_and_tells_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = full_timer(&dir, ymd(2026, 6, 15));
    let (august, _) = with_leave(&store, id);
    let rows = store.leave().ledger(id).unwrap().len();
    let audit = store.audit().verify().unwrap().rows;

    let dry = store
        .leave()
        .change_schedule(id, &four_fifths("01/07/2026"), true)
        .unwrap();
    assert_eq!(store.leave().ledger(id).unwrap().len(), rows);
    assert_eq!(store.audit().verify().unwrap().rows, audit);
    assert!(store.leave().recorded_schedules(id).unwrap().is_empty());
    assert_eq!(store.leave().request(august).unwrap().minutes, 2280);

    let real = store
        .leave()
        .change_schedule(id, &four_fifths("01/07/2026"), false)
        .unwrap();
    assert_eq!(dry, real);
    assert!(store.leave().ledger(id).unwrap().len() > rows);
}

#[test]
fn entering_the_same_day_again_converts_from_the_schedule_it_replaces() {
    let three_fifths = || week("01/07/2026", ["7h36", "7h36", "7h36", "", "", "", ""]);
    // Straight from full time to 3/5, for comparison.
    let direct = tempfile::tempdir().unwrap();
    let (store, id) = full_timer(&direct, ymd(2026, 6, 15));
    with_leave(&store, id);
    store
        .leave()
        .change_schedule(id, &three_fifths(), false)
        .unwrap();
    let expected = legal_remaining(&store, id, 2026);

    let dir = tempfile::tempdir().unwrap();
    let (store, id) = full_timer(&dir, ymd(2026, 6, 15));
    let (august, _) = with_leave(&store, id);
    let leave = store.leave();
    leave
        .change_schedule(id, &four_fifths("01/07/2026"), false)
        .unwrap();
    let fix = leave.change_schedule(id, &three_fifths(), false).unwrap();
    assert_eq!((fix.old_weekly, fix.new_weekly), (1824, 1368));
    assert_eq!(legal_remaining(&store, id, 2026), expected);
    assert_eq!(
        leave.recorded_schedules(id).unwrap(),
        vec![fix.schedule.clone()]
    );
    assert_eq!(leave.request(august).unwrap().minutes, 3 * 456);

    // The same schedule once more: nothing to convert, nothing to count again, no ledger row.
    let rows = leave.ledger(id).unwrap().len();
    let same = leave.change_schedule(id, &three_fifths(), false).unwrap();
    assert!(same.corrections.is_empty() && same.rebooked.is_empty());
    assert_eq!(same.before, same.after);
    assert_eq!(leave.ledger(id).unwrap().len(), rows);
}

#[test]
fn a_change_on_1_january_of_an_allocated_year_reallocates_it() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = full_timer(&dir, ymd(2026, 12, 1));
    let leave = store.leave();
    leave.allocate_year(2027, false).unwrap();
    assert_eq!(legal_remaining(&store, id, 2027), 20 * 456);
    let half = week(
        "01/01/2027",
        ["3h48", "3h48", "3h48", "3h48", "3h48", "", ""],
    );
    let change = leave.change_schedule(id, &half, false).unwrap();
    assert!(
        change
            .corrections
            .iter()
            .all(|e| e.year == 2027 && e.kind == EntryKind::Allocation),
        "{:?}",
        change.corrections
    );
    assert_eq!(legal_remaining(&store, id, 2027), 20 * 228);
    assert_eq!(
        legal_remaining(&store, id, 2026),
        20 * 456,
        "2026 untouched"
    );
    // A new allocation run finds nothing left to do.
    let again = leave.allocate_year(2027, true).unwrap();
    assert!(again.iter().all(|l| l.rows.is_empty()));
}

#[test]
fn changes_are_entered_in_date_order_and_bad_weeks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = full_timer(&dir, ymd(2026, 6, 15));
    let leave = store.leave();
    leave
        .change_schedule(id, &four_fifths("01/07/2026"), false)
        .unwrap();
    let rows = leave.ledger(id).unwrap().len();
    let Err(StoreError::Invalid(e)) = leave.change_schedule(id, &four_fifths("01/06/2026"), false)
    else {
        panic!("an earlier change was accepted");
    };
    let err = e.for_field("from").unwrap();
    assert_eq!(err.key, "err.schedule_later");
    assert_eq!(err.args[0].1, "01/07/2026");
    let Err(StoreError::Invalid(e)) =
        leave.change_schedule(id, &week("01/08/2026", ["25"; 7]), false)
    else {
        panic!("25 hours a day was accepted");
    };
    assert_eq!(e.for_field("mon").unwrap().key, "err.day_hours");
    assert!(matches!(
        leave.change_schedule(999, &four_fifths("01/08/2026"), false),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(leave.ledger(id).unwrap().len(), rows);
    assert_eq!(leave.recorded_schedules(id).unwrap().len(), 1);
}
