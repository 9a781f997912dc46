//! GDPR: the access export holds every column of every table about the person (found from the
//! schema, so a table or column added later is covered); erasure leaves no trace of the person in
//! any table, index, audit payload, file, or the raw database and WAL, while the audit chain
//! still verifies; erasure before the end of the retention period is refused, unchanged.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use dossier::domain::contract::{ContractInput, DepartureInput};
use dossier::domain::employee::EmployeeInput;
use dossier::domain::ids::{Iban, Rrn};
use dossier::store::Store;
use serde_json::Value;

use super::common::{Env, count, dump};

const LAST: &str = "Quirrelbaum";
const FIRST: &str = "Zygmunt";

/// A former employee with rows in many tables, a document file and audit history; left on
/// 31/03/2020, so the 5-year retention ended on 31/03/2025.
fn former_employee(env: &Env) -> (i64, String, String) {
    let store = env.open();
    let rrn = Rrn::compose(NaiveDate::from_ymd_opt(1987, 6, 5).unwrap(), 413);
    let iban = Iban::belgian(737, 4_242_424);
    let input = EmployeeInput {
        number: "E0900".into(),
        first_name: FIRST.into(),
        last_name: LAST.into(),
        rrn: rrn.clone(),
        iban: iban.clone(),
        street: "Kwikstraat".into(),
        department: "Productie".into(),
        job_title: "Operator".into(),
        start_date: "01/02/2015".into(),
        ..Default::default()
    };
    let contract = ContractInput {
        kind: "indefinite".into(),
        start: "01/02/2015".into(),
        weekly_hours: "38".into(),
        ..Default::default()
    };
    let e = store.employees().add(&input, Some(&contract)).unwrap();
    let src = env.path("id.pdf");
    std::fs::write(&src, format!("%PDF id card of {FIRST} {LAST}")).unwrap();
    store
        .records()
        .add_document(
            e.id,
            &dossier::domain::records::DocumentInput {
                path: src.to_string_lossy().into_owned(),
                kind: "id_card".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let mut moved = input.clone();
    moved.street = "Nieuwstraat".into();
    store.employees().update(e.id, &moved).unwrap();
    drop(store);
    env.ok(&[
        "sick",
        "add",
        "E0900",
        "--start",
        "2019-03-04",
        "--end",
        "2019-03-06",
        "--note",
        "Quirrelbaum: griep",
    ]);
    let store = env.open();
    store
        .employees()
        .archive(
            e.id,
            &DepartureInput {
                end_date: "31/03/2020".into(),
                ended_by: "employee".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let digits: String = rrn.chars().filter(char::is_ascii_digit).collect();
    let iban_compact: String = iban.chars().filter(|c| !c.is_whitespace()).collect();
    (e.id, digits, iban_compact)
}

/// Every table that, by an independent reading of the schema, holds the person's rows.
fn tables_with_employee_link(db: &Path) -> BTreeSet<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    tables
        .into_iter()
        .filter(|t| {
            c.prepare("SELECT count(*) FROM pragma_foreign_key_list(?1) WHERE \"table\" = 'employees' AND \"from\" = 'employee_id'")
                .unwrap()
                .query_row([t], |r| r.get::<_, i64>(0))
                .unwrap()
                > 0
        })
        .collect()
}

fn columns(db: &Path, table: &str) -> BTreeSet<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.prepare("SELECT name FROM pragma_table_info(?1)")
        .unwrap()
        .query_map([table], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

/// Promise: the export names every table with a link to the person and every column of each;
/// a table or a column added later (as another tab's migration would) is included with no change
/// to the export code; the person's files are copied beside the JSON.
#[test]
fn the_access_export_covers_every_table_and_column_even_new_ones() {
    let env = Env::new();
    env.demo();
    let (id, rrn, iban) = former_employee(&env);
    // What another engineer's migration might add tomorrow.
    {
        let c = rusqlite::Connection::open(env.db()).unwrap();
        c.execute_batch(&format!(
            "CREATE TABLE trainings (id INTEGER PRIMARY KEY,
                 employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE, course TEXT);
             CREATE TABLE training_notes (id INTEGER PRIMARY KEY,
                 training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE, note TEXT);
             ALTER TABLE contracts ADD COLUMN bonus_note TEXT;
             INSERT INTO trainings VALUES (1, {id}, 'VCA basis');
             INSERT INTO training_notes VALUES (1, 1, 'passed with 92%');
             UPDATE contracts SET bonus_note = 'yearly bonus' WHERE employee_id = {id};"
        ))
        .unwrap();
    }
    let store = env.open();
    // The whole file, the confidential area included (it needs the PIN's proof).
    let key = store
        .confidential()
        .unlock(dossier::demo::confidential::DEMO_PIN)
        .unwrap();
    let folder = store
        .privacy()
        .write_export(id, &env.path("requests"), Some(&key))
        .unwrap();
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("person.json")).unwrap())
            .unwrap();
    let tables = json["tables"].as_object().unwrap();
    let linked = tables_with_employee_link(&env.db());
    assert!(linked.contains("trainings"));
    for t in linked
        .iter()
        .chain(["employees".to_string(), "training_notes".into()].iter())
    {
        let rows = tables
            .get(t)
            .unwrap_or_else(|| panic!("table {t} missing from the export"))
            .as_array()
            .unwrap();
        let want = columns(&env.db(), t);
        for r in rows {
            let got: BTreeSet<String> = r.as_object().unwrap().keys().cloned().collect();
            assert_eq!(got, want, "columns of {t}");
        }
    }
    assert_eq!(tables["training_notes"][0]["note"], "passed with 92%");
    assert_eq!(tables["contracts"][0]["bonus_note"], "yearly bonus");
    assert_eq!(tables["employees"][0]["rrn"], rrn.as_str());
    assert_eq!(tables["employees"][0]["iban"], iban.as_str());
    assert_eq!(tables["sick_spells"].as_array().unwrap().len(), 1);
    // Other people's rows never leak into someone's export.
    for (t, rows) in tables {
        for r in rows.as_array().unwrap() {
            if let Some(e) = r.get("employee_id") {
                assert_eq!(e.as_i64(), Some(id), "{t}");
            }
        }
    }
    let audit = json["audit"].as_array().unwrap();
    assert!(audit.len() >= 4, "{}", audit.len());
    assert!(
        audit
            .iter()
            .any(|a| a["new"].to_string().contains("Nieuwstraat"))
    );
    let files: Vec<_> = std::fs::read_dir(folder.join("files")).unwrap().collect();
    assert_eq!(files.len(), 1);
    let copied = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(copied.contains(LAST));
    #[cfg(unix)]
    {
        assert_eq!(super::common::mode(&folder), 0o700);
        assert_eq!(super::common::mode(&folder.join("person.json")), 0o600);
    }
    // A second export never overwrites the first.
    let again = store
        .privacy()
        .write_export(id, &env.path("requests"), Some(&key))
        .unwrap();
    assert_ne!(again, folder);
}

fn raw_contains(env: &Env, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-journal"] {
        let p = format!("{}{suffix}", env.db().display());
        if let Ok(bytes) = std::fs::read(&p)
            && bytes
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        {
            found.push(p);
        }
    }
    found
}

/// Promise: after erasure nothing of the person is left: no row in any table (the full-text index
/// included), no audit payload, no file, not a byte of their national register number, IBAN or
/// name in the raw database or its WAL; an anonymous record stays; the audit chain still verifies
/// and `dossier check` passes.
#[test]
fn erasure_leaves_no_trace_in_the_raw_file_and_the_chain_still_verifies() {
    let env = Env::new();
    env.demo();
    let (id, rrn, iban) = former_employee(&env);
    // A table a later version might add whose link does not cascade, and one without a foreign key.
    {
        let c = rusqlite::Connection::open(env.db()).unwrap();
        c.execute_batch(&format!(
            "CREATE TABLE badges (id INTEGER PRIMARY KEY,
                 employee_id INTEGER NOT NULL REFERENCES employees(id), code TEXT);
             CREATE TABLE parking (id INTEGER PRIMARY KEY, employee_id INTEGER, plate TEXT);
             INSERT INTO badges VALUES (1, {id}, 'BADGE-{LAST}');
             INSERT INTO parking VALUES (1, {id}, '1-QRL-{LAST}');"
        ))
        .unwrap();
    }
    let store: Store = env.open();
    let files_dir = env.db().with_file_name("x-files").join(id.to_string());
    assert!(files_dir.exists());
    // The test can fail: before erasure, the raw file does hold them.
    for needle in [rrn.as_str(), iban.as_str(), LAST] {
        assert!(
            !raw_contains(&env, needle).is_empty(),
            "{needle} not found before"
        );
    }
    let erased = store.privacy().erase(id, None, false).unwrap();
    assert!(
        erased
            .rows
            .iter()
            .any(|(t, n)| t == "sick_spells" && *n == 1)
    );
    assert!(erased.audit_rows >= 4);
    // Checked while the database is still open (its WAL live), and again after it is closed.
    for needle in [
        rrn.as_str(),
        iban.as_str(),
        LAST,
        FIRST,
        "Kwikstraat",
        "Nieuwstraat",
    ] {
        assert_eq!(raw_contains(&env, needle), Vec::<String>::new(), "{needle}");
    }
    drop(store);
    for needle in [
        rrn.as_str(),
        iban.as_str(),
        LAST,
        FIRST,
        "Kwikstraat",
        "Nieuwstraat",
    ] {
        assert_eq!(raw_contains(&env, needle), Vec::<String>::new(), "{needle}");
    }
    assert!(!files_dir.exists());
    assert_eq!(count(&env.db(), "SELECT count(*) FROM erased_people"), 1);
    assert_eq!(count(&env.db(), "SELECT count(*) FROM badges"), 0);
    assert_eq!(count(&env.db(), "SELECT count(*) FROM parking"), 0);
    assert_eq!(
        count(
            &env.db(),
            &format!(
                "SELECT count(*) FROM audit WHERE employee_id = {id} AND (old IS NOT NULL OR new IS NOT NULL)"
            )
        ),
        0
    );
    // The full-text search finds nobody.
    assert_eq!(
        count(
            &env.db(),
            "SELECT count(*) FROM employees_fts WHERE employees_fts MATCH 'quirrel'"
        ),
        0
    );
    let out = env.ok(&["check"]);
    assert!(out.stdout.contains("chain is unbroken"), "{}", out.stdout);
    let out = env.run(&["employee", "show", "E0900"]);
    assert_eq!(out.code, 1);
    // Audit payloads can still not be edited: only emptied, and only whole.
    let c = rusqlite::Connection::open(env.db()).unwrap();
    assert!(
        c.execute("UPDATE audit SET new = '{}' WHERE id = 3", [])
            .is_err()
    );
    assert!(
        c.execute("UPDATE audit SET old = NULL, new = NULL, salt = NULL, redacted = 1, action = 'x' WHERE id = 3", [])
            .is_err()
    );
}

/// Promise: before the end of the retention period erasure is refused with the date it ends and
/// nothing changes; `--force --reason` goes ahead and records the reason; a current employee is
/// never erased.
#[test]
fn erasure_before_the_retention_end_is_refused_with_the_date() {
    let env = Env::new();
    env.demo();
    let (id, _, _) = former_employee(&env);
    let before = dump(&env.db());
    // Left 31/03/2020: with 10 years of retention, the file is kept until 31/03/2030.
    env.ok(&["privacy", "retention", "--social-documents-years", "10"]);
    let after_setting = dump(&env.db());
    assert_ne!(before, after_setting);
    let out = env.run(&["privacy", "erase", "E0900"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("until 31/03/2030"), "{}", out.stderr);
    assert_eq!(dump(&env.db()), after_setting);
    let out = env.run(&["privacy", "erase", "E0001", "--force", "--reason", "asked"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("still employed"), "{}", out.stderr);
    let out = env.run(&["privacy", "erase", "E0900", "--force"]);
    assert_eq!(out.code, 2, "--force needs --reason");
    let out = env.ok(&[
        "privacy",
        "erase",
        "E0900",
        "--dry-run",
        "--force",
        "--reason",
        "x",
    ]);
    assert!(out.stdout.contains("Nothing was changed"), "{}", out.stdout);
    assert_eq!(dump(&env.db()), after_setting);
    env.ok(&[
        "privacy",
        "erase",
        "E0900",
        "--force",
        "--reason",
        "court order 2026/123",
    ]);
    assert_eq!(
        count(
            &env.db(),
            "SELECT count(*) FROM audit WHERE action = 'erase' AND new LIKE '%court order 2026/123%'"
        ),
        1
    );
    assert_eq!(count(&env.db(), "SELECT forced FROM erased_people"), 1);
    assert_eq!(
        count(
            &env.db(),
            &format!("SELECT count(*) FROM employees WHERE id = {id}")
        ),
        0
    );
}

/// Promise: people whose retention period is over appear on Today until they are erased.
#[test]
fn people_past_retention_appear_on_today() {
    let env = Env::new();
    env.demo();
    former_employee(&env);
    let out = env.ok(&["today"]);
    assert!(
        out.stdout.contains("Retention over (left 31/03/2020)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("{FIRST} {LAST}")),
        "{}",
        out.stdout
    );
    env.ok(&["privacy", "erase", "E0900"]);
    let out = env.ok(&["today"]);
    assert!(!out.stdout.contains(LAST), "{}", out.stdout);
}
