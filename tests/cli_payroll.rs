//! `dossier payroll …` end to end: the month's variables, hand entries, exports that lock a month,
//! and every refusal (exit code 1, a message on stderr, nothing written). Each run has its own temp
//! HOME and database, today fixed at 23/11/2026.

mod common;

use common::Env;

/// The person's hand entries of a month, from the JSON output.
fn entries(env: &Env, number: &str, month: &str) -> Vec<serde_json::Value> {
    let people = env.json(&["payroll", "variables", month, "--json"]);
    people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["employee"] == number)
        .map(|p| p["entries"].as_array().unwrap().clone())
        .unwrap_or_default()
}

#[test]
fn items_variables_and_json() {
    let env = Env::demo();
    let items = env.ok(&["payroll", "items"]);
    for code in [
        "shift_premium",
        "advance",
        "garnishment",
        "overtime",
        "year_end_premium",
    ] {
        assert!(items.stdout.contains(code), "{}", items.stdout);
    }
    let json = env.ok(&["payroll", "items", "--json"]);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json.stdout)
            .unwrap()
            .is_array()
    );
    let shown = env.ok(&["payroll", "variables", "2026-10"]);
    assert!(
        shown.stdout.contains("not exported yet"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("meal vouchers"), "{}", shown.stdout);
    let shown = env.ok(&["payroll", "variables", "2026-09"]);
    assert!(shown.stdout.contains("locked"), "{}", shown.stdout);
    let out = env.ok(&["payroll", "variables", "2026-10", "--json"]);
    let people: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(people.len() > 20);
    assert!(people[0]["worked_minutes"].as_u64().unwrap() > 0);
}

#[test]
fn an_entry_and_its_refusals() {
    let env = Env::demo();
    let before = entries(&env, "E0001", "2026-10").len();
    let out = env.ok(&[
        "payroll", "entry", "add", "E0001", "2026-10", "--item", "bonus", "--amount", "125,50",
        "--note", "Fair",
    ]);
    assert!(out.stdout.contains("125,50"), "{}", out.stdout);
    assert_eq!(entries(&env, "E0001", "2026-10").len(), before + 1);
    fn add<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["payroll", "entry", "add"];
        args.extend_from_slice(extra);
        args
    }
    env.refused(
        &add(&["E0001", "2026-13", "--item", "bonus", "--amount", "1"]),
        "not a month",
    );
    env.refused(
        &add(&["E9999", "2026-10", "--item", "bonus", "--amount", "1"]),
        "E9999",
    );
    env.refused(
        &add(&["E0001", "2026-10", "--item", "tips", "--amount", "1"]),
        "tips",
    );
    env.refused(
        &add(&["E0001", "2026-10", "--item", "bonus", "--hours", "2"]),
        "--amount",
    );
    env.refused(
        &add(&["E0001", "2026-10", "--item", "bonus", "--amount", "lots"]),
        "lots",
    );
    env.refused(
        &add(&["E0001", "2026-10", "--item", "bonus"]),
        "--amount, --hours or --days",
    );
    // September is exported: an entry needs a reason.
    env.refused(
        &add(&["E0001", "2026-09", "--item", "bonus", "--amount", "5"]),
        "reason",
    );
    assert_eq!(entries(&env, "E0001", "2026-10").len(), before + 1);
    env.ok(&add(&[
        "E0001",
        "2026-09",
        "--item",
        "overtime",
        "--hours",
        "1h30",
        "--reason",
        "Late timesheet",
    ]));
    env.ok(&["payroll", "commute", "E0001", "15"]);
    env.refused(&["payroll", "commute", "E0001", "900"], "500");
}

#[test]
fn export_locks_the_month_and_carries_the_corrections() {
    let env = Env::demo();
    env.refused(
        &[
            "payroll",
            "variables",
            "2026-10",
            "--export",
            env.path("o.txt").to_str().unwrap(),
        ],
        ".csv or .xlsx",
    );
    assert!(!env.path("o.txt").exists());
    // September was exported by the demo.
    env.refused(
        &[
            "payroll",
            "variables",
            "2026-09",
            "--export",
            env.path("s.csv").to_str().unwrap(),
        ],
        "--again",
    );
    assert!(!env.path("s.csv").exists());
    let csv = env.path("october.csv");
    let out = env.ok(&[
        "payroll",
        "variables",
        "2026-10",
        "--export",
        csv.to_str().unwrap(),
    ]);
    assert!(out.stdout.contains("locked"), "{}", out.stdout);
    let text = std::fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "month;for_month;line;employee;name;kind;code;what;description;date;days;hours;amount;km;note"
    );
    // The demo's night shift found after September's export goes out as a correction.
    assert!(
        text.lines()
            .any(|l| l.starts_with("2026-10;2026-09;correction;") && l.contains("42,80")),
        "{text}"
    );
    // The same file is never overwritten, and October is now locked.
    env.refused(
        &[
            "payroll",
            "variables",
            "2026-10",
            "--export",
            csv.to_str().unwrap(),
            "--again",
        ],
        "already exists",
    );
    env.refused(
        &[
            "payroll", "entry", "add", "E0001", "2026-10", "--item", "bonus", "--amount", "5",
        ],
        "reason",
    );
    let xlsx = env.path("october-again.xlsx");
    env.ok(&[
        "payroll",
        "variables",
        "2026-10",
        "--export",
        xlsx.to_str().unwrap(),
        "--again",
    ]);
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
}

/// A hand entry typed by mistake is taken back by its id: gone from the month, audited; in a
/// month already exported only with a reason, and the next export sends it back as a correction.
#[test]
fn a_hand_entry_is_taken_back_and_a_sent_one_goes_out_as_a_correction() {
    let env = Env::demo();
    env.ok(&[
        "payroll", "entry", "add", "E0001", "2026-10", "--item", "bonus", "--amount", "125,50",
    ]);
    let listed: Vec<serde_json::Value> = serde_json::from_str(
        &env.ok(&[
            "payroll",
            "entry",
            "list",
            "2026-10",
            "--employee",
            "E0001",
            "--json",
        ])
        .stdout,
    )
    .unwrap();
    let bonus = listed
        .iter()
        .find(|e| e["item"] == "bonus")
        .expect("the bonus is listed");
    assert_eq!(bonus["shown"], "125,50");
    let number = bonus["id"].as_i64().unwrap();
    let id = number.to_string();
    env.refused(&["payroll", "entry", "remove", "999999"], "Not found");

    // Sent with October, then taken back: the reason is required, and November's export
    // sends −125,50 for October.
    let csv = env.path("october.csv");
    env.ok(&[
        "payroll",
        "variables",
        "2026-10",
        "--export",
        csv.to_str().unwrap(),
    ]);
    env.refused(&["payroll", "entry", "remove", &id], "reason");
    assert!(
        entries(&env, "E0001", "2026-10")
            .iter()
            .any(|e| e["id"] == number)
    );
    let out = env.ok(&[
        "payroll",
        "entry",
        "remove",
        &id,
        "--reason",
        "entered twice",
    ]);
    assert!(out.stdout.contains("taken back"), "{}", out.stdout);
    assert!(
        !entries(&env, "E0001", "2026-10")
            .iter()
            .any(|e| e["id"] == number)
    );
    let next = env.path("november.csv");
    env.ok(&[
        "payroll",
        "variables",
        "2026-11",
        "--today",
        "2026-12-02",
        "--export",
        next.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&next).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("2026-11;2026-10;correction;")
                && l.contains("E0001")
                && l.contains("-125,50")),
        "{text}"
    );
}
