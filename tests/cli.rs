//! End-to-end tests of the `dossier` command line: exit codes (0 ok, 1 invalid input/refused, 2 usage,
//! 3 storage) and what the user reads on stdout/stderr. Every run uses its own temp HOME and database,
//! with `DOSSIER_DB` and `LANG` removed, so the user's own files are never touched.

use std::path::PathBuf;

use assert_cmd::Command;

use dossier::clock::Clock;
use dossier::store::{Access, Store};

mod common;

use common::{Env, Out, expect};

/// What these tests ask of the sandbox beyond running commands.
trait Staff {
    fn list_json(&self, extra: &[&str]) -> Vec<serde_json::Value>;
    fn count(&self) -> usize;
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf;
}

impl Staff for Env {
    fn list_json(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["employee", "list", "--json"];
        args.extend_from_slice(extra);
        let out = self.ok(&args);
        match serde_json::from_str::<serde_json::Value>(&out.stdout) {
            Ok(serde_json::Value::Array(items)) => items,
            other => panic!("not a JSON array: {other:?}\n{}", out.stdout),
        }
    }

    fn count(&self) -> usize {
        self.list_json(&["--all"]).len()
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

fn add_jan(env: &Env, extra: &[&str]) -> Out {
    let mut args = vec![
        "employee",
        "add",
        "--number",
        "E1",
        "--first-name",
        "Jan",
        "--last-name",
        "Peeters",
        "--start-date",
        "01/02/2024",
        "--contract-kind",
        "indefinite",
        "--contract-weekly-hours",
        "38",
    ];
    args.extend_from_slice(extra);
    env.run(&args)
}

// ---------------------------------------------------------------------------------------- validate

#[test]
fn validate_rrn_valid() {
    let env = Env::new();
    let out = env.run(&["validate", "rrn", "93.05.18-223.61"]);
    expect(&out, 0, "valid rrn");
    assert!(out.stdout.contains("Valid"), "{}", out.stdout);
    assert!(out.stdout.contains("93.05.18-223.61"), "{}", out.stdout);
}

#[test]
fn validate_rrn_bad_check_digits() {
    let env = Env::new();
    let out = env.run(&["validate", "rrn", "93051822362"]);
    expect(&out, 1, "bad rrn");
    assert!(
        out.stderr.to_lowercase().contains("check digits"),
        "{}",
        out.stderr
    );
}

#[test]
fn validate_iban() {
    let env = Env::new();
    let out = env.run(&["validate", "iban", "BE68 5390 0754 7034"]);
    expect(&out, 0, "valid iban");
    assert!(
        out.stdout.contains("Valid: BE68 5390 0754 7034"),
        "{}",
        out.stdout
    );

    let out = env.run(&["validate", "iban", "BE68 5390 0754 7035"]);
    expect(&out, 1, "bad iban");
    assert!(out.stderr.contains("Invalid"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn validate_vat() {
    let env = Env::new();
    let out = env.run(&["validate", "vat", "0566.988.259"]);
    expect(&out, 0, "valid vat");
    assert!(
        out.stdout.contains("Valid") && out.stdout.contains("BE0566988259"),
        "{}",
        out.stdout
    );

    let out = env.run(&["validate", "vat", "0566988258"]);
    expect(&out, 1, "bad vat");
    assert!(out.stderr.contains("Invalid"), "{}", out.stderr);
}

#[test]
fn validate_unknown_kind_is_usage_error() {
    let env = Env::new();
    let out = env.run(&["validate", "foo", "x"]);
    expect(&out, 2, "unknown kind");
    assert!(out.stderr.contains("foo"), "{}", out.stderr);
}

#[test]
fn bad_today_is_usage_error() {
    let env = Env::new();
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    let out = cmd
        .env("HOME", env.dir.path())
        .env_remove("DOSSIER_DB")
        .env_remove("LANG")
        .arg("--db")
        .arg(env.db())
        .args(["--today", "2026-13-01", "--lang", "en", "employee", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2026-13-01") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
    assert!(
        !env.db().exists(),
        "a usage error must not create the database"
    );
}

// ---------------------------------------------------------------------------------------- init, list, show

#[test]
fn init_creates_private_file() {
    let env = Env::new();
    let out = env.ok(&["init"]);
    assert!(out.stdout.contains("Database ready"), "{}", out.stdout);
    assert!(env.db().is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.db()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "database mode is {mode:o}");
    }
    assert_eq!(env.count(), 0);
}

#[test]
fn demo_list_json_and_left_people() {
    let env = Env::new();
    let out = env.ok(&["init", "--demo"]);
    assert!(out.stdout.contains("Demo company loaded"), "{}", out.stdout);

    let current = env.list_json(&[]);
    assert!(
        (20..=35).contains(&current.len()),
        "{} employees",
        current.len()
    );
    assert!(
        current
            .iter()
            .all(|e| e.is_object() && e["number"].is_string())
    );
    assert!(
        current.iter().all(|e| e["status"] != "left"),
        "left people shown without --all"
    );

    let all = env.list_json(&["--all"]);
    assert!(
        all.len() > current.len(),
        "--all: {} vs {}",
        all.len(),
        current.len()
    );

    // The text listing follows the same rule.
    let text = env.ok(&["employee", "list"]).stdout.lines().count();
    let text_all = env
        .ok(&["employee", "list", "--all"])
        .stdout
        .lines()
        .count();
    assert_eq!(text, current.len());
    assert_eq!(text_all, all.len());
}

#[test]
fn list_filter_ignores_accents() {
    let env = Env::new();
    env.ok(&["init", "--demo"]);
    let found = env.list_json(&["--filter", "celine"]);
    assert!(
        found.iter().any(|e| e["name"] == "Dupont, Céline"),
        "{found:?}"
    );
}

#[test]
fn show_json_and_not_found() {
    let env = Env::new();
    env.ok(&["init", "--demo"]);
    let out = env.ok(&["employee", "show", "E0017", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(v.is_object());
    assert_eq!(v["employee"]["data"]["number"], "E0017", "{v}");

    let out = env.run(&["employee", "show", "NOPE"]);
    expect(&out, 1, "unknown number");
    assert!(
        out.stderr.contains("Not found") && out.stderr.contains("NOPE"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------- add

#[test]
fn add_then_show() {
    let env = Env::new();
    env.ok(&["init"]);
    let out = add_jan(&env, &[]);
    expect(&out, 0, "add");
    assert!(out.stdout.contains("E1"), "{}", out.stdout);

    let out = env.ok(&["employee", "show", "E1"]);
    assert!(
        out.stdout.contains("Jan") && out.stdout.contains("Peeters"),
        "{}",
        out.stdout
    );
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["employee", "show", "E1", "--json"]).stdout).unwrap();
    assert_eq!(v["employee"]["data"]["first_name"], "Jan");
    assert_eq!(v["contracts"].as_array().map(Vec::len), Some(1), "{v}");
}

#[test]
fn add_duplicate_number_refused() {
    let env = Env::new();
    env.ok(&["init"]);
    expect(&add_jan(&env, &[]), 0, "first add");
    let out = add_jan(&env, &[]);
    expect(&out, 1, "second add");
    assert!(out.stderr.contains("already used"), "{}", out.stderr);
    assert_eq!(env.count(), 1);
}

#[test]
fn add_bad_rrn_stores_nothing() {
    let env = Env::new();
    env.ok(&["init", "--demo"]);
    let before = env.count();
    let out = add_jan(&env, &["--rrn", "93051822362"]);
    expect(&out, 1, "bad rrn");
    assert!(
        out.stderr.to_lowercase().contains("check digits"),
        "{}",
        out.stderr
    );
    assert_eq!(env.count(), before);
    expect(&env.run(&["employee", "show", "E1"]), 1, "E1 not stored");
}

#[test]
fn add_bad_email_refused() {
    let env = Env::new();
    env.ok(&["init"]);
    let out = add_jan(&env, &["--email-work", "foo"]);
    expect(&out, 1, "bad email");
    assert!(out.stderr.contains('@'), "{}", out.stderr);
    assert_eq!(env.count(), 0);
}

#[test]
fn add_fixed_term_needs_end() {
    let env = Env::new();
    env.ok(&["init"]);
    let out = env.run(&[
        "employee",
        "add",
        "--number",
        "E2",
        "--first-name",
        "An",
        "--last-name",
        "Maes",
        "--start-date",
        "01/02/2024",
        "--contract-kind",
        "fixed_term",
        "--contract-weekly-hours",
        "38",
    ]);
    expect(&out, 1, "fixed term without end");
    assert!(out.stderr.contains("end date"), "{}", out.stderr);
    assert_eq!(env.count(), 0);
}

// ---------------------------------------------------------------------------------------- import

const GOOD: &str = "number;first_name;last_name;start_date\r\n\
                    I1;Jan;Peeters;01/02/2024\r\n\
                    I2;An;Maes;15/03/2023\r\n\
                    I3;Luc;Wouters;01/09/2020\r\n";

#[test]
fn import_dry_run_then_real() {
    let env = Env::new();
    env.ok(&["init"]);
    let file = env.write("good.csv", GOOD.as_bytes());
    let f = file.to_str().unwrap();

    let out = env.ok(&["employee", "import", f, "--dry-run"]);
    assert!(
        out.stdout.contains("3") && out.stdout.contains("nothing was written"),
        "{}",
        out.stdout
    );
    assert_eq!(env.count(), 0);

    let out = env.ok(&["employee", "import", f]);
    assert!(out.stdout.contains("Imported 3"), "{}", out.stdout);
    let numbers: Vec<_> = env
        .list_json(&["--all"])
        .iter()
        .map(|e| e["number"].clone())
        .collect();
    assert_eq!(numbers.len(), 3, "{numbers:?}");
    for n in ["I1", "I2", "I3"] {
        assert!(numbers.iter().any(|x| x == n), "{n} missing: {numbers:?}");
    }
}

#[test]
fn import_bad_rows_all_or_nothing() {
    let env = Env::new();
    env.ok(&["init"]);
    let csv = "number;first_name;last_name;start_date\n\
               B1;Jan;Peeters;01/02/2024\n\
               B2;An;Maes;31/02/2023\n\
               B3;Luc;Wouters;01/09/2020\n\
               B4;Els;;01/09/2021\n";
    let file = env.write("bad.csv", csv.as_bytes());
    let out = env.run(&["employee", "import", file.to_str().unwrap()]);
    expect(&out, 1, "bad rows");
    assert!(out.stderr.contains("line 3"), "{}", out.stderr);
    assert!(out.stderr.contains("line 5"), "{}", out.stderr);
    assert!(
        !out.stderr.contains("line 2") && !out.stderr.contains("line 4"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("Nothing was imported"),
        "{}",
        out.stderr
    );
    assert_eq!(env.count(), 0, "nothing from the file may be written");
}

#[test]
fn import_windows_1252() {
    let env = Env::new();
    env.ok(&["init"]);
    let mut bytes = b"number;first_name;last_name;start_date\r\nW1;C".to_vec();
    bytes.push(0xE9); // é in Windows-1252
    bytes.extend_from_slice(b"line;Janssens;01/03/2024\r\n");
    let file = env.write("cp1252.csv", &bytes);
    env.ok(&["employee", "import", file.to_str().unwrap()]);

    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["employee", "show", "W1", "--json"]).stdout).unwrap();
    assert_eq!(v["employee"]["data"]["first_name"], "Céline", "{v}");
    let found = env.list_json(&["--filter", "celine"]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn import_unknown_column_refused() {
    let env = Env::new();
    env.ok(&["init"]);
    let file = env.write(
        "cols.csv",
        b"number;first_name;last_name;shoe_size\nU1;Jan;Peeters;44\n",
    );
    let out = env.run(&["employee", "import", file.to_str().unwrap()]);
    expect(&out, 1, "unknown column");
    assert!(out.stderr.contains("shoe_size"), "{}", out.stderr);
    assert_eq!(env.count(), 0);
}

// ---------------------------------------------------------------------------------------- export

#[test]
fn export_bom_semicolons_and_no_overwrite() {
    let env = Env::new();
    env.ok(&["init", "--demo"]);
    let file = env.path("out.csv");
    let f = file.to_str().unwrap();
    let out = env.ok(&["employee", "export", f]);
    assert!(out.stdout.contains("Exported"), "{}", out.stdout);

    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no UTF-8 BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.starts_with("number;"),
        "{}",
        &text[..text.len().min(80)]
    );
    assert!(text.contains("Céline"));

    let out = env.run(&["employee", "export", f]);
    expect(&out, 1, "export onto an existing file");
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the existing file was changed"
    );
}

#[test]
fn export_neutralises_formulas() {
    let env = Env::new();
    env.ok(&["init"]);
    let out = env.run(&[
        "employee",
        "add",
        "--number",
        "F1",
        "--first-name",
        "=HYPERLINK(\"x\")",
        "--last-name",
        "Peeters",
        "--start-date",
        "01/02/2024",
    ]);
    expect(&out, 0, "add formula-like name");
    let file = env.path("formula.csv");
    env.ok(&["employee", "export", file.to_str().unwrap()]);
    let text = String::from_utf8(std::fs::read(&file).unwrap()).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(
        !text
            .split(';')
            .any(|cell| cell.trim_start_matches('"').starts_with("=HYPERLINK")),
        "a cell still starts with =: {text}"
    );
}

// ---------------------------------------------------------------------------------------- storage

#[test]
fn db_that_is_a_text_file_is_refused_untouched() {
    let env = Env::new();
    let text = b"shopping list: bread, milk\n";
    let file = env.write("notes.txt", text);
    let out = env.run_on(&file, &["employee", "list"]);
    expect(&out, 3, "text file as db");
    assert!(
        out.stderr.contains("not a Dossier database"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&file).unwrap(), text);

    let out = env.run_on(
        &file,
        &[
            "employee",
            "add",
            "--number",
            "E9",
            "--first-name",
            "A",
            "--last-name",
            "B",
            "--start-date",
            "01/02/2024",
        ],
    );
    expect(&out, 3, "write to a text file as db");
    assert!(
        out.stderr.contains("not a Dossier database"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&file).unwrap(), text);
}

#[test]
fn db_folder_that_cannot_be_created() {
    let env = Env::new();
    let blocker = env.write("blocker", b"a file, not a folder");
    let db = blocker.join("sub").join("x.db");
    let out = env.run_on(&db, &["init"]);
    expect(&out, 3, "db under a file");
    assert!(!out.stderr.trim().is_empty());
    assert_eq!(std::fs::read(&blocker).unwrap(), b"a file, not a folder");
}

#[test]
fn second_writer_is_refused_readers_are_not() {
    let env = Env::new();
    env.ok(&["init", "--demo"]);
    let before = env.count();
    let held = Store::open(&env.db(), Access::ReadWrite, Clock::System).unwrap();

    let out = add_jan(&env, &[]);
    expect(&out, 3, "second writer");
    let msg = out.stderr.to_lowercase();
    assert!(
        msg.contains("another dossier") || msg.contains("in use"),
        "{}",
        out.stderr
    );

    let out = env.ok(&["employee", "list"]);
    assert!(out.stdout.contains("Dupont, Céline"), "{}", out.stdout);
    assert_eq!(env.count(), before);

    drop(held);
    expect(&add_jan(&env, &[]), 0, "add after the lock is released");
    assert_eq!(env.count(), before + 1);
}

/// `dossier employee list | head -1`: the reader goes away after one line; the list must stop
/// quietly with exit 0, not panic on the closed pipe.
#[test]
fn list_into_a_closed_pipe_stops_quietly() {
    let env = Env::new();
    expect(&env.run(&["demo", "--employees", "1500"]), 0, "seed");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .env("HOME", env.dir.path())
        .env_remove("DOSSIER_DB")
        .arg("--db")
        .arg(env.db())
        .args(["--lang", "en", "employee", "list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn holidays_json_with_company_days_and_missing_replacements() {
    let env = Env::new();
    expect(&env.run(&["init"]), 0, "init");
    let out = env.run(&["holidays", "2026", "--json"]);
    expect(&out, 0, "holidays");
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 10, "{}", out.stdout);
    assert!(list.iter().any(|h| h["date"] == "2026-04-06"
        && h["name"] == "Easter Monday"
        && h["kind"] == "legal"));

    // 1 November 2026 is a Sunday: the text listing names it until a replacement day exists.
    let text = env.run(&["holidays", "2026"]);
    assert!(
        text.stdout.contains("01/11/2026  All Saints"),
        "{}",
        text.stdout
    );
    let missing = text
        .stdout
        .split("without a replacement day")
        .nth(1)
        .unwrap();
    assert!(missing.contains("01/11/2026"), "{}", text.stdout);
    let add = [
        "company-day",
        "add",
        "--date",
        "02/11/2026",
        "--kind",
        "replacement",
    ];
    expect(
        &env.run(&[&add[..], &["--replaces", "01/11/2026"]].concat()),
        0,
        "replacement",
    );
    let text = env.run(&["holidays", "2026"]);
    let missing = text
        .stdout
        .split("without a replacement day")
        .nth(1)
        .unwrap();
    assert!(!missing.contains("01/11/2026"), "{}", text.stdout);

    // A second replacement for the same holiday is refused, with the reason on stderr.
    let again = env.run(&[
        "company-day",
        "add",
        "--date",
        "03/11/2026",
        "--kind",
        "replacement",
        "--replaces",
        "2026-11-01",
    ]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("already has its replacement"),
        "{}",
        again.stderr
    );

    let out = env.run(&["holidays", "2026", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|h| h["date"] == "2026-11-02"
                && h["kind"] == "replacement"
                && h["replaces"] == "2026-11-01")
    );
    assert_eq!(env.run(&["holidays", "99999"]).code, 1);
}

/// Allocation, a request across Christmas, the balance, a refused overlap, cancelling, a correction.
#[test]
fn leave_allocate_add_balance_cancel_and_correct() {
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    let dry = env.run(&["leave", "allocate", "2026", "--dry-run"]);
    expect(&dry, 0, "dry run");
    assert!(dry.stdout.contains("Nothing was written"), "{}", dry.stdout);
    let json = env.run(&["leave", "balance", "E1", "--json"]);
    assert_eq!(json.stdout.trim(), "[]", "dry run wrote nothing");
    expect(&env.run(&["leave", "allocate", "2026"]), 0, "allocate");
    // Running it again changes nothing.
    let again = env.run(&["leave", "allocate", "2026"]);
    assert!(
        again.stdout.contains(", 0 allocations written"),
        "{}",
        again.stdout
    );

    // 21–31 December 2026: Christmas (Friday 25th) and two weekends are not counted: 8 days.
    let add = env.run(&[
        "leave",
        "add",
        "E1",
        "--type",
        "legal",
        "--from",
        "21/12/2026",
        "--to",
        "31/12/2026",
    ]);
    expect(&add, 0, "add");
    assert!(add.stdout.contains("8 d"), "{}", add.stdout);
    let b: serde_json::Value =
        serde_json::from_str(&env.run(&["leave", "balance", "E1", "--json"]).stdout).unwrap();
    let legal = &b[0];
    assert_eq!(legal["bucket"], "legal");
    assert_eq!(legal["entitled"], 20 * 456);
    assert_eq!(legal["planned"], 8 * 456);
    assert_eq!(legal["remaining"], 12 * 456);

    let overlap = env.run(&[
        "leave",
        "add",
        "E1",
        "--type",
        "legal",
        "--from",
        "28/12/2026",
    ]);
    assert_eq!(overlap.code, 1);
    assert!(
        overlap
            .stderr
            .contains("Overlaps annual leave from 21/12/2026"),
        "{}",
        overlap.stderr
    );

    // More than is left needs a reason.
    let over = env.run(&[
        "leave",
        "add",
        "E1",
        "--type",
        "legal",
        "--from",
        "01/10/2026",
        "--to",
        "30/10/2026",
    ]);
    assert_eq!(over.code, 1);
    assert!(
        over.stderr.contains("Exceeds the 2026 balance"),
        "{}",
        over.stderr
    );

    let list: serde_json::Value = serde_json::from_str(
        &env.run(&["leave", "list", "--employee", "E1", "--json"])
            .stdout,
    )
    .unwrap();
    let id = list[0]["id"].as_i64().unwrap();
    expect(&env.run(&["leave", "cancel", &id.to_string()]), 0, "cancel");
    let b: serde_json::Value =
        serde_json::from_str(&env.run(&["leave", "balance", "E1", "--json"]).stdout).unwrap();
    assert_eq!(b[0]["remaining"], 20 * 456, "cancelled days come back");
    let twice = env.run(&["leave", "cancel", &id.to_string()]);
    assert_eq!(twice.code, 1, "{}", twice.stderr);

    let no_reason = env.run(&[
        "leave", "correct", "E1", "--bucket", "legal", "--hours", "-3h48", "--reason", "",
    ]);
    assert_eq!(no_reason.code, 1);
    expect(
        &env.run(&[
            "leave",
            "correct",
            "E1",
            "--bucket",
            "legal",
            "--hours",
            "-3h48",
            "--reason",
            "half day agreed in 2025",
        ]),
        0,
        "correct",
    );
    let b: serde_json::Value =
        serde_json::from_str(&env.run(&["leave", "balance", "E1", "--json"]).stdout).unwrap();
    assert_eq!(b[0]["remaining"], 20 * 456 - 228);
    let days = env.run(&[
        "leave",
        "days",
        "--from",
        "2026-12-21",
        "--to",
        "2026-12-31",
    ]);
    assert!(
        days.stdout.starts_with("8 working days, 60h48"),
        "{}",
        days.stdout
    );
}

fn legal_remaining(env: &Env) -> i64 {
    let b: serde_json::Value =
        serde_json::from_str(&env.ok(&["leave", "balance", "E1", "--json"]).stdout).unwrap();
    b[0]["remaining"].as_i64().unwrap()
}

/// Issue 4: a full-timer goes 4/5 (Monday–Thursday) on 1 July after taking 5 days in March. What was
/// left converts (3 weeks: 15 days become 12), planned December leave loses its Friday.
#[test]
fn leave_schedule_converts_the_balance_and_recounts_planned_leave() {
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    expect(&env.run(&["leave", "allocate", "2026"]), 0, "allocate");
    for (from, to) in [("02/03/2026", "06/03/2026"), ("07/12/2026", "11/12/2026")] {
        let args = [
            "leave", "add", "E1", "--type", "legal", "--from", from, "--to", to,
        ];
        expect(&env.run(&args), 0, "add leave");
    }
    let history = env.ok(&["leave", "schedule", "E1"]);
    assert!(
        history.stdout.contains("01/02/2024")
            && history.stdout.contains("38h")
            && history.stdout.contains("(from the contract)"),
        "{}",
        history.stdout
    );

    let week = "7h36,7h36,7h36,7h36,0,0,0";
    let set = [
        "leave",
        "schedule",
        "E1",
        "--from",
        "01/07/2026",
        "--week",
        week,
    ];
    let dry = env.ok(&[&set[..], &["--dry-run"]].concat());
    for line in [
        "E1: work schedule from 01/07/2026, 30h24 a week (was 38h), FTE 0,80",
        "10 d (76h) → 8 d (60h48)",
        "#2 07/12/2026 – 11/12/2026: 5 d → 4 d",
        "Nothing was written (dry run).",
    ] {
        assert!(dry.stdout.contains(line), "{line}\n{}", dry.stdout);
    }
    assert_eq!(legal_remaining(&env), 10 * 456, "the dry run wrote nothing");
    let json: serde_json::Value = serde_json::from_str(
        &env.ok(&[&set[..], &["--dry-run", "--json"]].concat())
            .stdout,
    )
    .unwrap();
    assert_eq!(json["new_weekly"], 1824);
    assert_eq!(json["rebooked"][0]["new_minutes"], 4 * 456);

    let saved = env.ok(&set);
    assert!(saved.stdout.contains("Saved."), "{}", saved.stdout);
    assert_eq!(legal_remaining(&env), 8 * 456);
    let history = env.ok(&["leave", "schedule", "E1"]);
    let line = history
        .stdout
        .lines()
        .find(|l| l.starts_with("01/07/2026"))
        .unwrap_or_else(|| panic!("{}", history.stdout));
    assert!(line.contains("30h24") && line.contains("0,80"), "{line}");

    // What the user typed wrong, and what to fix.
    let short = env.run(&[
        "leave",
        "schedule",
        "E1",
        "--from",
        "01/08/2026",
        "--week",
        "7h36,7h36",
    ]);
    expect(&short, 1, "two days");
    assert!(
        short
            .stderr
            .contains("--week: 2 values given; a week needs 7"),
        "{}",
        short.stderr
    );
    let bad_b = env.run(&[&set[..], &["--week-b", "7h36,7x36,0,0,0,0,0"]].concat());
    expect(&bad_b, 1, "bad hours");
    assert!(
        bad_b
            .stderr
            .contains("Tuesday (week B): “7x36” is not a number of hours"),
        "{}",
        bad_b.stderr
    );
    let earlier = env.run(&[
        "leave",
        "schedule",
        "E1",
        "--from",
        "01/06/2026",
        "--week",
        week,
    ]);
    expect(&earlier, 1, "earlier than a recorded schedule");
    assert!(
        earlier
            .stderr
            .contains("A schedule from 01/07/2026 comes later"),
        "{}",
        earlier.stderr
    );
    expect(
        &env.run(&["leave", "schedule", "E1", "--from", "01/08/2026"]),
        2,
        "--from without --week",
    );
    expect(
        &env.run(&["leave", "schedule", "E9"]),
        1,
        "unknown employee",
    );
    assert_eq!(legal_remaining(&env), 8 * 456, "refusals wrote nothing");
}

#[test]
fn sick_add_end_and_leave_during_sickness_refused() {
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    let add = env.run(&[
        "sick",
        "add",
        "E1",
        "--start",
        "16/11/2026",
        "--certificate",
        "17/11/2026",
    ]);
    expect(&add, 0, "sick add");
    let leave = env.run(&[
        "leave",
        "add",
        "E1",
        "--type",
        "compensatory",
        "--from",
        "23/11/2026",
    ]);
    assert_eq!(leave.code, 1);
    assert!(
        leave.stderr.contains("Overlaps sickness from 16/11/2026"),
        "{}",
        leave.stderr
    );
    expect(
        &env.run(&["sick", "end", "E1", "--end", "20/11/2026"]),
        0,
        "sick end",
    );
    expect(
        &env.run(&[
            "leave",
            "add",
            "E1",
            "--type",
            "compensatory",
            "--from",
            "23/11/2026",
        ]),
        0,
        "after the spell",
    );
    let none = env.run(&["sick", "end", "E1", "--end", "21/11/2026"]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr.contains("no ongoing sickness"),
        "{}",
        none.stderr
    );
}

/// A part-timer's allocation reads in her own days: 4 weeks of a Monday–Thursday week are 16 days
/// of 7h36, not 20 "days" of a fifth of her week.
#[test]
fn leave_allocate_shows_a_part_timer_in_her_own_days() {
    use dossier::domain::leave::schedule::ScheduleInput;
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    {
        let store = Store::open(&env.db(), Access::ReadWrite, Clock::System).unwrap();
        let id = store.employees().by_number("E1").unwrap().id;
        let four_days = ScheduleInput {
            from: "01/01/2026".into(),
            mon: "7h36".into(),
            tue: "7h36".into(),
            wed: "7h36".into(),
            thu: "7h36".into(),
            ..Default::default()
        };
        store
            .leave()
            .change_schedule(id, &four_days, false)
            .unwrap();
    }
    let out = env.ok(&["leave", "allocate", "2026"]);
    assert!(out.stdout.contains("Legal leave 16 d"), "{}", out.stdout);
    assert!(!out.stdout.contains("0h"), "{}", out.stdout);
}

/// Leave history from a spreadsheet: a dry run, the import, then a file whose rows overlap each
/// other and name an unknown employee, which writes nothing.
#[test]
fn leave_import_all_or_nothing() {
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    env.ok(&["leave", "allocate", "2026"]);
    let good = env.write(
        "leave.csv",
        "employee;leave_type;from;to;part;hours;status;note;override_reason\n\
         E1;legal;06/07/2026;10/07/2026;;;;summer;\n\
         E1;compensatory;03/08/2026;;hours;2h;requested;;\n\
         E1;legal;12/10/2026;;;;cancelled;;\n"
            .as_bytes(),
    );
    let f = good.to_str().unwrap();
    let dry = env.ok(&["leave", "import", f, "--dry-run"]);
    assert!(
        dry.stdout.contains("All 3 rows are valid"),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("line 2"), "{}", dry.stdout);
    let list = |env: &Env| -> Vec<serde_json::Value> {
        let out = env.ok(&["leave", "list", "--employee", "E1", "--json"]);
        serde_json::from_str(&out.stdout).unwrap()
    };
    assert!(list(&env).is_empty(), "a dry run writes nothing");

    let out = env.ok(&["leave", "import", f]);
    assert!(
        out.stdout.contains("Imported 3 leave periods"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("5 d"), "{}", out.stdout);
    assert_eq!(list(&env).len(), 3);
    let b: serde_json::Value =
        serde_json::from_str(&env.ok(&["leave", "balance", "E1", "--json"]).stdout).unwrap();
    assert_eq!(b[0]["remaining"], 15 * 456);

    let bad = env.write(
        "bad.csv",
        "employee,leave_type,from,to\n\
         E1,legal,14/09/2026,18/09/2026\n\
         E1,compensatory,16/09/2026,\n\
         E7,legal,21/09/2026,\n"
            .as_bytes(),
    );
    let out = env.run(&["leave", "import", bad.to_str().unwrap()]);
    expect(&out, 1, "bad file");
    assert!(
        out.stderr.contains("Nothing was imported"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("line 3: From: Overlaps annual leave from 14/09/2026"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("line 4: Employee: No employee with number “E7”"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("line 2"), "{}", out.stderr);
    assert_eq!(list(&env).len(), 3, "nothing from the bad file is written");
}

/// Closing 2025: refused for the running year (a dry run is not), the JSON and the table in days,
/// and nothing more to write the second time.
#[test]
fn leave_year_end_refuses_a_running_year_and_closes_once() {
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    env.ok(&["leave", "allocate", "2025"]);
    env.ok(&[
        "leave",
        "add",
        "E1",
        "--type",
        "legal",
        "--from",
        "07/07/2025",
        "--to",
        "18/07/2025",
    ]);
    env.ok(&[
        "sick",
        "add",
        "E1",
        "--start",
        "03/03/2025",
        "--end",
        "07/03/2025",
        "--certificate",
        "03/03/2025",
    ]);

    let running = env.run(&["leave", "year-end", "2026"]);
    expect(&running, 1, "2026 is not over on 23/11/2026");
    assert!(
        running.stderr.contains("2026 is not over yet"),
        "{}",
        running.stderr
    );
    let dry = env.ok(&["leave", "year-end", "2026", "--dry-run"]);
    assert!(dry.stdout.contains("Nothing was written"), "{}", dry.stdout);

    let json = env.ok(&["leave", "year-end", "2025", "--dry-run", "--json"]);
    let lines: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(lines[0]["number"], "E1");
    assert_eq!(lines[0]["illness_carry"], 5 * 456);
    let legal_left = lines[0]["unused_legal_reported"].as_i64().unwrap();
    assert_eq!(legal_left, 4 * 456, "19 days of 2025, 10 taken, 5 carried");

    let closed = env.ok(&["leave", "year-end", "2025"]);
    assert!(closed.stdout.contains("Illness carry"), "{}", closed.stdout);
    assert!(
        closed.stdout.contains("* E1       Peeters, Jan"),
        "{}",
        closed.stdout
    );
    assert!(closed.stdout.contains("5 d"), "{}", closed.stdout);
    assert!(
        closed.stdout.contains("2025 closed: 1 people"),
        "{}",
        closed.stdout
    );
    assert!(
        closed.stdout.contains("lose legal leave"),
        "{}",
        closed.stdout
    );
    let again = env.ok(&["leave", "year-end", "2025"]);
    assert!(
        again.stdout.contains("0 ledger rows written"),
        "{}",
        again.stdout
    );
    let b: serde_json::Value =
        serde_json::from_str(&env.ok(&["leave", "balance", "E1", "--json"]).stdout).unwrap();
    let ill = b
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["bucket"] == "illness_carry_over")
        .expect("illness carry-over in 2026");
    assert_eq!(ill["remaining"], 5 * 456);
}

/// Totals per type: a request across New Year counts in each year for its own days, a refused one
/// not at all, sickness in calendar days; everyone's totals as JSON.
#[test]
fn leave_totals_per_employee_and_type() {
    let env = Env::new();
    expect(&add_jan(&env, &[]), 0, "add Jan");
    env.ok(&["leave", "allocate", "2025"]);
    env.ok(&["leave", "allocate", "2026"]);
    // Monday 29 December 2025 to Friday 2 January 2026: 3 days in 2025, 1 in 2026.
    env.ok(&[
        "leave",
        "add",
        "E1",
        "--type",
        "legal",
        "--from",
        "29/12/2025",
        "--to",
        "02/01/2026",
    ]);
    env.ok(&[
        "leave",
        "add",
        "E1",
        "--type",
        "legal",
        "--from",
        "06/07/2026",
        "--to",
        "10/07/2026",
        "--requested",
    ]);
    let list: serde_json::Value = serde_json::from_str(
        &env.ok(&["leave", "list", "--employee", "E1", "--json"])
            .stdout,
    )
    .unwrap();
    let waiting = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "requested")
        .unwrap()["id"]
        .to_string();
    env.ok(&["leave", "refuse", &waiting]);
    env.ok(&[
        "sick",
        "add",
        "E1",
        "--start",
        "02/03/2026",
        "--end",
        "06/03/2026",
        "--certificate",
        "02/03/2026",
    ]);

    let out = env.ok(&["leave", "totals", "--employee", "E1"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(
        lines[0].starts_with("E1       Peeters, Jan"),
        "{}",
        out.stdout
    );
    assert!(
        lines[0].contains("Annual leave") && lines[0].ends_with(" 1 d"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].contains("Sickness") && lines[1].ends_with("5 days"),
        "{}",
        out.stdout
    );

    let json = env.ok(&["leave", "totals", "--year", "2025", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{"employee": "E1", "name": "Peeters, Jan", "year": 2025,
            "leave_type": "legal", "minutes": 3 * 456}])
    );
    let none = env.ok(&["leave", "totals", "--year", "2020", "--json"]);
    assert_eq!(none.stdout.trim(), "[]");
    expect(
        &env.run(&["leave", "totals", "--employee", "E9"]),
        1,
        "unknown employee",
    );
}

#[test]
fn leave_types_are_listed_added_and_changed() {
    let env = Env::new();
    env.ok(&["init"]);
    let listed = env.ok(&["leave", "types"]);
    assert!(listed.stdout.contains("small_wedding"), "{}", listed.stdout);
    let new = [
        "leave",
        "type",
        "wedding_child",
        "--name-en",
        "Small leave: child's wedding",
        "--counting",
        "none",
        "--colour",
        "cyan",
        "--letter",
        "K",
        "--days-per-event",
        "1",
    ];
    env.ok(&new);
    // Only the Dutch name changes; the rest stays.
    env.ok(&[
        "leave",
        "type",
        "wedding_child",
        "--name-nl",
        "Klein verlet: huwelijk kind",
    ]);
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["leave", "types", "--json"]).stdout).unwrap();
    let t = json
        .iter()
        .find(|t| t["code"] == "wedding_child")
        .expect("the new type is listed");
    assert_eq!(t["name_nl"], "Klein verlet: huwelijk kind");
    assert_eq!(t["letter"], "K");
    assert_eq!(t["days_per_event"], 1);
    // A bad letter and a type without names are refused on stderr, field by field.
    let bad = env.run(&["leave", "type", "new_one", "--letter", "kk"]);
    expect(&bad, 1, "bad type");
    assert!(bad.stderr.contains("“kk”"), "{}", bad.stderr);
    assert!(bad.stderr.contains("Name (English)"), "{}", bad.stderr);
}

#[test]
fn today_lists_what_needs_attention_most_urgent_first() {
    let env = Env::new();
    env.ok(&["init", "--demo"]);
    let out = env.ok(&["today", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["today"], "2026-11-23");
    let items = v["items"].as_array().unwrap();
    let dues: Vec<&str> = items.iter().map(|i| i["due"].as_str().unwrap()).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    let contract = items
        .iter()
        .find(|i| i["what"] == "contract_ends")
        .expect("a fixed-term contract ends in the demo");
    assert_eq!(contract["kind"], "fixed_term");
    assert_eq!(contract["place"]["to"], "dossier");
    assert!(contract["text"].as_str().unwrap().contains("ends on"));
    let certificate = items
        .iter()
        .find(|i| i["what"] == "certificate_missing")
        .expect("a certificate is overdue in the demo");
    assert_eq!(certificate["urgency"], "overdue");
    assert!(items.iter().any(|i| i["what"] == "replacement_days"));
    // The same list as text.
    let text = env.ok(&["today"]);
    assert!(
        text.stdout.contains("things need attention"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("days late"), "{}", text.stdout);
    assert!(
        text.stdout.contains("Birthdays and anniversaries"),
        "{}",
        text.stdout
    );
}

#[test]
fn today_on_a_missing_database_says_how_to_create_it() {
    let env = Env::new();
    let out = env.run(&["today"]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("dossier init"), "{}", out.stderr);
    assert!(!env.db().exists(), "nothing was created");
}

/// Settings are read and changed by name; a value of the wrong shape, an unknown field or an
/// unknown setting is refused with exit 1, says what is wrong, and leaves the stored value alone.
#[test]
fn settings_change_by_name_and_refuse_what_does_not_fit() {
    let env = Env::new();
    env.ok(&["init"]);
    let list = env.ok(&["settings"]);
    assert!(list.stdout.contains("today") && list.stdout.contains("leave_rules"));
    env.ok(&["settings", "today", "contract_days=45", "task_days=14"]);
    let read = |env: &Env| -> serde_json::Value {
        serde_json::from_str(&env.ok(&["settings", "today", "--json"]).stdout).unwrap()
    };
    assert_eq!(read(&env)["contract_days"], 45);
    assert_eq!(read(&env)["task_days"], 14);

    let bad = env.run(&["settings", "today", "contract_days=45", "task_days=soon"]);
    expect(&bad, 1, "text where days are expected");
    assert!(
        bad.stderr.contains("today does not take this value"),
        "{}",
        bad.stderr
    );
    let unknown = env.run(&["settings", "today", "contract_weeks=3"]);
    expect(&unknown, 1, "unknown field");
    assert!(
        unknown.stderr.contains("contract_days, document_days"),
        "{}",
        unknown.stderr
    );
    expect(&env.run(&["settings", "holidays"]), 1, "unknown setting");
    expect(&env.run(&["settings", "today", "contract_days"]), 1, "no =");
    assert_eq!(
        read(&env)["task_days"],
        14,
        "nothing of a refused change is kept"
    );

    env.ok(&["settings", "company_rest_days", "value=[6]"]);
    let rest = env.ok(&["settings", "company_rest_days"]);
    assert_eq!(rest.stdout.trim(), "[6]");
}

/// config.toml's `start` names the tab the TUI opens on; a name that is no tab stops the start
/// with the file, the value and the names it takes, before the database is opened.
#[test]
fn an_unknown_start_tab_in_config_is_named_with_the_choices() {
    let env = common::Env::new();
    let dir = env.config().join("dossier");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "start = \"payroll\"\n").unwrap();
    let out = env.run(&[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("config.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("\"payroll\""), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("today, dossiers, leave, recruitment, training, reports"),
        "{}",
        out.stderr
    );
    assert!(!env.db().exists(), "nothing was opened or created");
}
