//! `dossier demo --employees N --years Y`: the synthetic company's history (leave, sickness,
//! recruitment) deterministic and as long as asked; the streamed payroll export; the one-statement
//! staff listing.

mod common;

use common::Env;

/// Rows of a query on the sandbox's database, each row's columns joined with `|`.
fn rows(env: &Env, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let mut st = conn.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        let mut cols = Vec::with_capacity(n);
        for i in 0..n {
            let v: rusqlite::types::Value = r.get(i)?;
            cols.push(format!("{v:?}"));
        }
        Ok(cols.join("|"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn one(env: &Env, sql: &str) -> String {
    rows(env, sql).remove(0)
}

fn generated(people: &str, years: &str, seed: &str) -> Env {
    let env = Env::new();
    let out = env.ok(&[
        "demo",
        "--employees",
        people,
        "--years",
        years,
        "--seed",
        seed,
    ]);
    assert!(
        out.stderr.contains(&format!("People {people}/{people}")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("Leave and sickness {people}/{people}")),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains(&format!("History of {years} years")),
        "{}",
        out.stdout
    );
    env
}

/// What the history consists of, without the moment it was written.
const HISTORY: &[&str] = &[
    "SELECT employee_id, type_id, from_date, to_date, part, minutes, status FROM leave_requests ORDER BY id",
    "SELECT employee_id, year, bucket, kind, minutes, day, request_id FROM leave_ledger ORDER BY id",
    "SELECT * FROM sick_spells ORDER BY id",
    "SELECT * FROM schedules ORDER BY id",
    "SELECT * FROM vacancies ORDER BY id",
    "SELECT * FROM candidates ORDER BY id",
    "SELECT * FROM applications ORDER BY id",
    "SELECT * FROM stage_moves ORDER BY id",
];

#[test]
fn the_history_is_the_same_for_a_seed_and_as_long_as_asked() {
    let a = generated("1200", "3", "7");
    let b = generated("1200", "3", "7");
    for q in HISTORY {
        let (ra, rb) = (rows(&a, q), rows(&b, q));
        assert!(!ra.is_empty(), "{q}: nothing generated");
        assert_eq!(ra, rb, "{q}");
    }
    // Three years back from 23/11/2026, and leave planned to the end of this year.
    let first = one(&a, "SELECT min(from_date) FROM leave_requests");
    assert!(
        first.as_str() >= "Text(\"2023-11-24\")" && first.as_str() < "Text(\"2024-01-15\")",
        "{first}"
    );
    let last = one(&a, "SELECT max(to_date) FROM leave_requests");
    assert!(last.starts_with("Text(\"2026-12"), "{last}");
    let one_year = generated("1200", "1", "7");
    let first1 = one(&one_year, "SELECT min(from_date) FROM leave_requests");
    assert!(first1.as_str() >= "Text(\"2025-11-24\")", "{first1}");
    let spells = |env: &Env| one(env, "SELECT count(*) FROM sick_spells");
    assert_ne!(spells(&a), spells(&one_year));
    let c = generated("1200", "3", "8");
    assert_ne!(rows(&a, HISTORY[0]), rows(&c, HISTORY[0]));
}

#[test]
fn recruitment_history_has_hires_rejections_and_purges() {
    let env = generated("3000", "4", "3");
    let stages = rows(
        &env,
        "SELECT stage, count(*) FROM applications GROUP BY stage ORDER BY stage",
    )
    .join(" ");
    for stage in ["hired", "rejected", "withdrawn", "received"] {
        assert!(stages.contains(stage), "{stage} missing in {stages}");
    }
    // Every hire is linked to the dossier of the person who started; every rejection has a reason.
    assert_eq!(
        one(
            &env,
            "SELECT count(*) FROM applications WHERE stage = 'hired' AND employee_id IS NULL"
        ),
        "Integer(0)"
    );
    assert_eq!(
        one(
            &env,
            "SELECT count(*) FROM applications WHERE stage = 'rejected' AND reject_reason = ''"
        ),
        "Integer(0)"
    );
    let purged = one(
        &env,
        "SELECT count(*) FROM candidates WHERE purged_on IS NOT NULL AND first_name = '' AND email = ''",
    );
    assert_ne!(purged, "Integer(0)");
    // Today reads what was generated (rejections, retention) without tripping on it.
    env.json(&["today", "--json"]);
}

#[test]
fn years_out_of_range_are_refused_before_anything_is_written() {
    let env = Env::new();
    for years in ["0", "31", "x"] {
        let out = env.run(&["demo", "--employees", "10", "--years", years]);
        assert_ne!(out.code, 0, "{years}");
        assert!(out.stderr.contains("--years"), "{}", out.stderr);
        assert!(!env.db().exists());
    }
}

#[test]
fn the_payroll_export_streams_to_its_file_and_refuses_an_existing_one() {
    let env = Env::demo();
    let csv = env.path("october.csv");
    std::fs::write(&csv, "mine").unwrap();
    env.refused(
        &[
            "payroll",
            "variables",
            "2026-10",
            "--export",
            csv.to_str().unwrap(),
        ],
        "already exists",
    );
    // Nothing recorded, the user's file untouched, no temp file left.
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "mine");
    let names: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".part")), "{names:?}");
    let shown = env.ok(&["payroll", "variables", "2026-10"]);
    assert!(
        shown.stdout.contains("not exported yet"),
        "{}",
        shown.stdout
    );

    let fresh = env.path("october-2.csv");
    let out = env.ok(&[
        "payroll",
        "variables",
        "2026-10",
        "--export",
        fresh.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&fresh).unwrap();
    // Every line sent is in the file once: the header plus what the export recorded.
    let sent: usize = one(&env, "SELECT count(*) FROM payroll_export_lines WHERE export_id = (SELECT max(id) FROM payroll_exports)")
        .trim_start_matches("Integer(")
        .trim_end_matches(')')
        .parse()
        .unwrap();
    assert_eq!(text.lines().count(), sent + 1, "{}", out.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn the_filtered_listing_is_sorted_and_complete() {
    let env = Env::new();
    env.ok(&["demo", "--employees", "2500"]);
    let all = env.json(&["employee", "list", "--json"]);
    let filtered = env.json(&["employee", "list", "--filter", "mar", "--json"]);
    let numbers: Vec<&str> = filtered
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap())
        .collect();
    assert!(numbers.len() > 20, "{}", numbers.len());
    // Each match once, in the order of the whole list.
    let order: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap())
        .filter(|n| numbers.contains(n))
        .collect();
    assert_eq!(numbers, order);
    // Text output has one line per row.
    let text = env.ok(&["employee", "list", "--filter", "mar"]);
    assert_eq!(text.stdout.lines().count(), numbers.len());
}
