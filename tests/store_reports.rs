//! Store tests of the reports: a handful of people with known contracts, schedules and sick spells,
//! read back through `store.reports()` and checked against figures worked out by hand.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::{ContractInput, DepartureInput};
use dossier::domain::employee::EmployeeInput;
use dossier::domain::leave::ledger::total;
use dossier::domain::leave::schedule::ScheduleInput;
use dossier::domain::leave::sickness::SickSpellInput;
use dossier::domain::reports::headcount::Breakdown;
use dossier::domain::reports::period::Month;
use dossier::store::{Access, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Ann (Office, 38 h), Bart (Workshop, 38 h contract, 4/5 schedule without Wednesdays from 2025),
/// Chris (Workshop, 19 h), Eva (Office, 38 h, left on 31/03/2026). Today is 23/11/2026.
fn company(dir: &tempfile::TempDir) -> Store {
    let path = dir.path().join("dossier.db");
    let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(d(2026, 11, 23))).unwrap();
    let people = [
        (
            "E1",
            "Ann",
            "f",
            "10/03/1985",
            "Office",
            "white_collar",
            "01/01/2020",
            "38",
        ),
        (
            "E2",
            "Bart",
            "m",
            "01/01/1990",
            "Workshop",
            "blue_collar",
            "01/09/2022",
            "38",
        ),
        (
            "E3",
            "Chris",
            "f",
            "01/05/1968",
            "Workshop",
            "blue_collar",
            "01/01/2019",
            "19",
        ),
        (
            "E4",
            "Eva",
            "f",
            "07/07/1995",
            "Office",
            "white_collar",
            "01/02/2024",
            "38",
        ),
    ];
    for (number, first, sex, born, dept, category, start, hours) in people {
        let person = EmployeeInput {
            number: number.into(),
            first_name: first.into(),
            last_name: "Test".into(),
            sex: sex.into(),
            birth_date: born.into(),
            department: dept.into(),
            category: category.into(),
            start_date: start.into(),
            ..Default::default()
        };
        let contract = ContractInput {
            kind: "indefinite".into(),
            start: start.into(),
            weekly_hours: hours.into(),
            ..Default::default()
        };
        store.employees().add(&person, Some(&contract)).unwrap();
    }
    let id = |n: &str| store.employees().by_number(n).unwrap().id;
    let week = ScheduleInput {
        from: "01/01/2025".into(),
        mon: "7h36".into(),
        tue: "7h36".into(),
        thu: "7h36".into(),
        fri: "7h36".into(),
        ..Default::default()
    };
    store
        .leave()
        .change_schedule(id("E2"), &week, false)
        .unwrap();
    for (n, start, end) in [
        ("E1", "03/03/2026", "05/03/2026"),
        ("E2", "02/03/2026", "08/03/2026"),
        ("E3", "06/04/2026", "07/04/2026"),
    ] {
        let spell = SickSpellInput {
            start: start.into(),
            end: end.into(),
            certificate: start.into(),
            ..Default::default()
        };
        store.leave().save_sick_spell(id(n), &spell, None).unwrap();
    }
    store
        .employees()
        .archive(
            id("E4"),
            &DepartureInput {
                end_date: "31/03/2026".into(),
                ended_by: "employee".into(),
                reason: "New job".into(),
                notice_weeks: String::new(),
            },
        )
        .unwrap();
    store
}

#[test]
fn headcount_and_fte_from_contracts_and_schedules() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let h = store.reports().headcount(d(2026, 6, 15)).unwrap();
    // Ann 1,00 + Bart 0,80 (his schedule, not his 38 h contract) + Chris 0,50; Eva has left.
    assert_eq!(h.total.people, 3);
    assert_eq!(h.total.fte_permille, 2300);
    assert_eq!(h.total.part_time, 2);
    let depts: Vec<(u32, u64)> = h
        .groups(Breakdown::Department)
        .iter()
        .map(|g| (g.people, g.fte_permille))
        .collect();
    assert_eq!(depts, [(1, 1000), (2, 1300)]);
    // On her last day Eva still counts.
    assert_eq!(
        store
            .reports()
            .headcount(d(2026, 3, 31))
            .unwrap()
            .total
            .people,
        4
    );
}

#[test]
fn movements_from_start_and_departure() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let m = store
        .reports()
        .movements(Month::new(2026, 1).unwrap(), Month::new(2026, 6).unwrap())
        .unwrap();
    assert_eq!((m.joiners, m.leavers), (0, 1));
    assert_eq!(m.months[2].leavers, 1);
    // Month ends: 4, 4, 4, 3, 3, 3 → 3,5 on average; 1 / 3,5 = 28,57 %.
    assert_eq!(m.average_headcount, 3.5);
    assert!((m.turnover_pct - 100.0 / 3.5).abs() < 1e-9);
}

/// The same hand count as the domain test: March 33 288 scheduled minutes, 3 192 sick; April 21 660
/// and 228 (Easter Monday is no scheduled hour).
#[test]
fn absenteeism_from_the_sickness_register_and_schedules() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    let a = store
        .reports()
        .absenteeism(Month::new(2026, 3).unwrap(), Month::new(2026, 4).unwrap())
        .unwrap();
    let lines: Vec<(u64, u64)> = a
        .months
        .iter()
        .map(|(_, l)| (l.scheduled_minutes, l.sick_minutes))
        .collect();
    assert_eq!(lines, [(33_288, 3_192), (21_660, 228)]);
    let b = store.reports().bradford(d(2026, 11, 23)).unwrap();
    let factors: Vec<(&str, u64)> = b
        .lines
        .iter()
        .map(|l| (l.number.as_str(), l.factor))
        .collect();
    assert_eq!(factors, [("E2", 4), ("E1", 3), ("E3", 1)]);
}

/// The leave report adds up exactly what `LeaveRepo::balances` says for each person.
#[test]
fn leave_report_agrees_with_every_balance() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    store.leave().allocate_year(2026, false).unwrap();
    let r = store.reports().leave(2026).unwrap();
    assert!(!r.people.is_empty());
    for line in &r.people {
        let own = total(&store.leave().balances(line.employee_id, 2026).unwrap());
        assert_eq!(line.figures.remaining, own.remaining, "{}", line.name);
        assert_eq!(line.figures.taken, own.taken, "{}", line.name);
    }
    let sum: i64 = r.people.iter().map(|l| l.figures.remaining).sum();
    assert_eq!(r.total.remaining, sum);
}

#[test]
fn elections_average_over_the_reference_period() {
    let dir = tempfile::tempdir().unwrap();
    let store = company(&dir);
    // 01/10/2025–30/09/2026: Ann 1, Bart 1 (4/5 is at least 3/4), Chris ½ all year; Eva 1 for 182 days.
    let e = store.reports().elections(d(2027, 5, 17)).unwrap();
    let expected = (365.0 * 2.5 + 182.0) / 365.0;
    assert!((e.average - expected).abs() < 1e-9, "{}", e.average);
    assert!(e.bodies.is_empty());
}
