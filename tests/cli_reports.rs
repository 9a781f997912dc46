//! `dossier report …` end to end: the tables, JSON and files, and every refusal with its exit code.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::ContractInput;
use dossier::domain::employee::EmployeeInput;
use dossier::domain::leave::sickness::SickSpellInput;
use dossier::store::{Access, Store};

mod common;

use common::Env;

/// A temp HOME with a small company: Ann (Office, 38 h), Bart and Chris (Workshop, 38 h and 19 h);
/// Bart was ill 02–04/03/2026.
fn company() -> Env {
    let env = Env::new();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let store = Store::open(&env.db(), Access::ReadWrite, Clock::frozen_at(today)).unwrap();
    for (number, first, dept, hours) in [
        ("E1", "Ann", "Office", "38"),
        ("E2", "Bart", "Workshop", "38"),
        ("E3", "Chris", "Workshop", "19"),
    ] {
        let person = EmployeeInput {
            number: number.into(),
            first_name: first.into(),
            last_name: "Test".into(),
            department: dept.into(),
            start_date: "01/01/2024".into(),
            ..Default::default()
        };
        let contract = ContractInput {
            kind: "indefinite".into(),
            start: "01/01/2024".into(),
            weekly_hours: hours.into(),
            ..Default::default()
        };
        store.employees().add(&person, Some(&contract)).unwrap();
    }
    let bart = store.employees().by_number("E2").unwrap().id;
    let spell = SickSpellInput {
        start: "02/03/2026".into(),
        end: "04/03/2026".into(),
        certificate: "02/03/2026".into(),
        ..Default::default()
    };
    store.leave().save_sick_spell(bart, &spell, None).unwrap();
    env
}

#[test]
fn headcount_as_a_table() {
    let env = company();
    let out = env.ok(&[
        "report",
        "headcount",
        "--at",
        "15/06/2026",
        "--by",
        "department",
    ]);
    assert!(
        out.stdout.contains("Headcount and FTE — 15/06/2026"),
        "{}",
        out.stdout
    );
    let line = |start: &str| {
        out.stdout
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no {start} line in {}", out.stdout))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    // Department, people, FTE, part-timers, part-time %.
    assert_eq!(line("Office"), ["Office", "1", "1,00", "0", "0,0"]);
    assert_eq!(line("Workshop"), ["Workshop", "2", "1,50", "1", "50,0"]);
    assert_eq!(line("Total"), ["Total", "3", "2,50", "1", "33,3"]);
    assert!(!out.stdout.contains("by sex"), "--by shows one breakdown");
}

#[test]
fn json_carries_the_figures_in_minutes_and_iso_dates() {
    let env = company();
    let out = env.ok(&[
        "report",
        "absenteeism",
        "--from",
        "03/2026",
        "--to",
        "03/2026",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["months"][0][0], "2026-03");
    // Bart: Monday to Wednesday, 3 × 7h36.
    assert_eq!(v["total"]["sick_minutes"], 3 * 456);
}

#[test]
fn csv_and_xlsx_files_are_written_once() {
    let env = company();
    let csv = env.path("absence.csv");
    let xlsx = env.path("absence.xlsx");
    let out = env.ok(&[
        "report",
        "absenteeism",
        "--from",
        "01/2026",
        "--to",
        "06/2026",
        "--csv",
        csv.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert!(out.stdout.contains("Written:"), "{}", out.stdout);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Absenteeism by month"), "{text}");
    assert!(text.contains("03/2026;"), "{text}");
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
    let again = env.run(&["report", "absenteeism", "--csv", csv.to_str().unwrap()]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn elections_show_the_timetable() {
    let env = company();
    let out = env.ok(&["report", "elections", "--election-day", "15/05/2028"]);
    assert!(out.stdout.contains("X−60"), "{}", out.stdout);
    assert!(out.stdout.contains("17/12/2027"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("None (fewer than 50 workers on average)")
    );
}

#[test]
fn bad_input_is_refused_on_stderr_with_exit_code_1() {
    let env = company();
    for (args, message) in [
        (
            vec!["report", "headcount", "--year", "2026"],
            "--year does not apply to the headcount report",
        ),
        (
            vec!["report", "absenteeism", "--from", "13/2026"],
            "is not a month",
        ),
        (
            vec![
                "report",
                "movements",
                "--from",
                "05/2026",
                "--to",
                "03/2026",
            ],
            "before the first",
        ),
        (
            vec!["report", "headcount", "--at", "31/02/2026"],
            "is not a date",
        ),
        (vec!["report", "leave", "--year", "twenty"], "is not a year"),
        (
            vec![
                "report",
                "movements",
                "--from",
                "01/2000",
                "--to",
                "01/2026",
            ],
            "At most 120 months",
        ),
    ] {
        let out = env.run(&args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
    }
}

#[test]
fn unknown_report_is_a_usage_error_and_a_missing_database_a_storage_one() {
    let env = company();
    assert_eq!(env.run(&["report", "payroll"]).code, 2);
    assert_eq!(env.run(&["report", "headcount", "--by", "shoe"]).code, 2);
    let missing = env.run_on(&env.path("none.db"), &["report", "headcount"]);
    assert_eq!(missing.code, 3, "{}", missing.stderr);
    assert!(!env.path("none.db").exists());
}
