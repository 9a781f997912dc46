//! Store tests of the payroll variables: hand entries, the lock an export sets, changes to a locked
//! month (only with a reason) and the correction lines they give in the next export.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::ContractInput;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::leave::sickness::SickSpellInput;
use dossier::domain::payroll::entry::PayEntryInput;
use dossier::domain::payroll::lines::LineKind;
use dossier::domain::payroll::month::PayMonth;
use dossier::store::{Access, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn month(text: &str) -> PayMonth {
    PayMonth::parse(text).unwrap()
}

/// One full-timer (E1, 38 h, Monday–Friday) hired in 2024; today is 23/11/2026.
fn company(dir: &tempfile::TempDir) -> (Store, i64) {
    let path = dir.path().join("dossier.db");
    let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(d(2026, 11, 23))).unwrap();
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
    (store, id)
}

fn entry(item: &str, quantity: &str, reason: &str) -> PayEntryInput {
    PayEntryInput {
        item: item.into(),
        quantity: quantity.into(),
        reason: reason.into(),
        ..Default::default()
    }
}

fn field_error(e: StoreError) -> (&'static str, &'static str) {
    match e {
        StoreError::Invalid(v) => (v.0[0].field, v.0[0].key),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn exporting_locks_the_month_and_a_later_change_needs_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = company(&dir);
    let payroll = store.payroll();
    let october = month("2026-10");
    payroll
        .add_entry(id, october, &entry("bonus", "250", ""))
        .unwrap();
    assert!(!payroll.is_exported(2026, 10).unwrap());
    assert_eq!(payroll.last_exported_month().unwrap(), None);

    let plan = payroll.prepare_export(october, false).unwrap();
    // October 2026: 22 weekdays, no holiday: 22 days of 7h36.
    let worked = plan
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Worked)
        .unwrap();
    assert_eq!((worked.days, worked.minutes), (22, 22 * 456));
    assert!(
        plan.lines
            .iter()
            .any(|l| l.what == "bonus" && l.cents == 25_000)
    );
    assert!(plan.corrections.is_empty());
    payroll.record_export(&plan, "october.csv").unwrap();
    assert!(payroll.is_exported(2026, 10).unwrap());
    assert!(!payroll.is_exported(2026, 11).unwrap());
    assert_eq!(payroll.last_exported_month().unwrap(), Some((2026, 10)));
    assert_eq!(payroll.exported_on(october).unwrap(), Some(d(2026, 11, 23)));

    // Exported once: again only when asked.
    let again = payroll.prepare_export(october, false).err().unwrap();
    assert_eq!(field_error(again), ("month", "err.pay_already_exported"));
    // A locked month takes an entry only with a reason; a refused one writes nothing.
    let refused = payroll
        .add_entry(id, october, &entry("overtime", "2h", ""))
        .unwrap_err();
    assert_eq!(field_error(refused), ("reason", "err.pay_locked_reason"));
    assert_eq!(payroll.entries(october, Some(id)).unwrap().len(), 1);
    payroll
        .add_entry(
            id,
            october,
            &entry("overtime", "2h", "Stock count forgotten"),
        )
        .unwrap();
    assert_eq!(payroll.entries(october, Some(id)).unwrap().len(), 2);
    // Someone not employed in a month gets no entry for it.
    let before = payroll
        .add_entry(id, month("2024-01"), &entry("bonus", "1", ""))
        .unwrap_err();
    assert_eq!(field_error(before), ("item", "err.pay_not_employed"));
}

#[test]
fn changes_to_an_exported_month_go_out_as_corrections_with_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = company(&dir);
    let payroll = store.payroll();
    let october = month("2026-10");
    let plan = payroll.prepare_export(october, false).unwrap();
    payroll.record_export(&plan, "october.csv").unwrap();

    // Recorded after the export: sick on Friday 30/10 (certificate-free), and an entry with a reason.
    let sick = SickSpellInput {
        start: "30/10/2026".into(),
        end: "30/10/2026".into(),
        certificate_free: "yes".into(),
        ..Default::default()
    };
    store.leave().save_sick_spell(id, &sick, None).unwrap();
    payroll
        .add_entry(
            id,
            october,
            &entry("shift_premium", "42,80", "Night shift not passed on"),
        )
        .unwrap();

    let november = payroll.prepare_export(month("2026-11"), false).unwrap();
    assert!(
        november
            .lines
            .iter()
            .all(|l| l.for_month == month("2026-11"))
    );
    let mut fixes: Vec<(LineKind, String, i64, i64, i64)> = november
        .corrections
        .iter()
        .map(|l| {
            assert_eq!(l.for_month, october);
            (l.kind, l.what.clone(), l.days, l.minutes, l.cents)
        })
        .collect();
    fixes.sort_by_key(|f| format!("{:?}", f.0));
    assert_eq!(
        fixes,
        vec![
            (LineKind::Commuting, String::new(), -1, 0, 0),
            (LineKind::GuaranteedSalary, "sickness".into(), 1, 456, 0),
            (LineKind::Item, "shift_premium".into(), 0, 0, 4_280),
            (LineKind::MealVouchers, String::new(), -1, 0, 0),
            (LineKind::Worked, String::new(), -1, -456, 0),
        ]
    );
    payroll.record_export(&november, "november.csv").unwrap();
    // Sent once: the next export has nothing more to correct.
    let december = payroll.prepare_export(month("2026-12"), false).unwrap();
    assert!(december.corrections.is_empty());

    // October exported again: its own lines are sent for reference, nothing new to correct.
    let again = payroll.prepare_export(october, true).unwrap();
    assert!(again.again);
    assert!(again.corrections.is_empty());
    assert!(
        again
            .lines
            .iter()
            .any(|l| l.kind == LineKind::GuaranteedSalary)
    );
}

#[test]
fn the_review_pages_the_people_in_service_in_the_month() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = company(&dir);
    let payroll = store.payroll();
    let november = month("2026-11");
    assert_eq!(payroll.staff_count(november).unwrap(), 1);
    assert_eq!(payroll.staff_count(month("2024-01")).unwrap(), 0);
    let page = payroll.staff_page(november, None, false, 10).unwrap();
    assert_eq!(page[0].id, id);
    assert!(
        payroll
            .staff_page(november, Some(&page[0].cursor), false, 10)
            .unwrap()
            .is_empty()
    );
    payroll.set_commute_km(id, Some(12)).unwrap();
    let facts = payroll.facts(november).unwrap();
    let m = payroll.person_month(&facts, &page[0]).unwrap();
    // November 2026: 21 weekdays less Armistice (Wednesday 11/11).
    assert_eq!((m.worked_days, m.holiday_days), (20, 1));
    assert_eq!(m.commuting_km, Some(2 * 12 * 20));
    assert!(payroll.set_commute_km(id, Some(900)).is_err());
    assert_eq!(payroll.commute_km(id).unwrap(), Some(12));
}
