//! `dossier confidential set-pin|list|add` and what the confidential area never leaks into: the
//! employee export, the payroll export, Today, the audit payloads, and the privacy export unless
//! `--with-confidential` is given with the PIN.

mod common;

use assert_cmd::Command;
use common::{Env, Out};

const FACTS: &str = "Zorbulon incident at the loading bay";

/// `dossier` on the sandbox's database with the PIN variables given (or removed).
fn run(env: &Env, pin: Option<&str>, new_pin: Option<&str>, args: &[&str]) -> Out {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.env("HOME", env.dir.path())
        .env_remove("DOSSIER_DB")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("DOSSIER_PIN")
        .env_remove("DOSSIER_NEW_PIN")
        .env("XDG_CONFIG_HOME", env.config())
        .env("XDG_DATA_HOME", env.path(".local/share"))
        .arg("--db")
        .arg(env.db())
        .args(["--today", "2026-11-23", "--lang", "en"]);
    if let Some(p) = pin {
        cmd.env("DOSSIER_PIN", p);
    }
    if let Some(p) = new_pin {
        cmd.env("DOSSIER_NEW_PIN", p);
    }
    let out = cmd.args(args).write_stdin("").output().unwrap();
    Out {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok(out: Out) -> Out {
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    out
}

fn refused(out: Out, message: &str) {
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains(message), "{}", out.stderr);
}

fn add_measure(env: &Env, pin: Option<&str>) -> Out {
    run(
        env,
        pin,
        None,
        &[
            "confidential",
            "add",
            "measure",
            "E0001",
            "--kind",
            "written_warning",
            "--facts-on",
            "03/11/2026",
            "--facts",
            FACTS,
            "--hearing-on",
            "10/11/2026",
            "--heard-by",
            "Jan Peeters",
            "--decision",
            "Written warning sent",
            "--decided-on",
            "12/11/2026",
            "--letters",
            "Invitation 04/11; decision 12/11 (registered)",
        ],
    )
}

fn rows(env: &Env, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn file_text(dir: &std::path::Path) -> String {
    let mut all = String::new();
    for e in walk(dir) {
        all.push_str(&String::from_utf8_lossy(&std::fs::read(e).unwrap()));
    }
    all
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_area_needs_the_right_pin() {
    let env = Env::demo();
    // The demo's PIN is 1234; changing it needs the current one, and a long enough new one.
    refused(
        run(&env, None, Some("4711"), &["confidential", "set-pin"]),
        "set DOSSIER_PIN",
    );
    refused(
        run(&env, Some("1234"), Some("47"), &["confidential", "set-pin"]),
        "At least 4 characters",
    );
    ok(run(
        &env,
        Some("1234"),
        Some("4711"),
        &["confidential", "set-pin"],
    ));
    // Wrong PIN, and no PIN at all without a terminal: refused, nothing written.
    refused(add_measure(&env, Some("1234")), "Wrong PIN");
    refused(add_measure(&env, None), "set DOSSIER_PIN");
    assert_eq!(
        rows(
            &env,
            "SELECT count(*) FROM disciplinary_measures WHERE facts LIKE '%Zorbulon%'"
        ),
        0
    );
    let out = ok(add_measure(&env, Some("4711")));
    assert!(out.stdout.contains("Written warning"), "{}", out.stdout);
    let out = ok(run(
        &env,
        Some("4711"),
        None,
        &["confidential", "list", "E0001"],
    ));
    assert!(out.stdout.contains(FACTS), "{}", out.stdout);
    assert!(
        out.stdout.contains("10/11/2026 Jan Peeters"),
        "{}",
        out.stdout
    );
    refused(
        run(&env, Some("0000"), None, &["confidential", "list", "E0001"]),
        "Wrong PIN",
    );
    // Bad input names the field; nothing is written.
    refused(
        run(
            &env,
            Some("4711"),
            None,
            &[
                "confidential",
                "add",
                "measure",
                "E0001",
                "--kind",
                "flogging",
                "--facts-on",
                "03/11/2026",
                "--facts",
                "x",
            ],
        ),
        "flogging",
    );
    refused(
        run(
            &env,
            Some("4711"),
            None,
            &[
                "confidential",
                "add",
                "grievance",
                "E0001",
                "--received-on",
                "02/02/2026",
                "--subject",
                "Shouting",
                "--closed-on",
                "01/02/2026",
            ],
        ),
        "Closed on",
    );
    assert_eq!(
        rows(
            &env,
            "SELECT count(*) FROM grievances WHERE subject = 'Shouting'"
        ),
        0
    );
    ok(run(
        &env,
        Some("4711"),
        None,
        &[
            "confidential",
            "add",
            "grievance",
            "E0001",
            "--received-on",
            "02/02/2026",
            "--subject",
            "Shouting in the workshop",
        ],
    ));
    ok(run(
        &env,
        Some("4711"),
        None,
        &[
            "confidential",
            "add",
            "medical",
            "E0001",
            "--written-on",
            "05/02/2026",
            "--source",
            "Occupational physician",
            "--text",
            "No lifting above 10 kg until March",
        ],
    ));
    let json: serde_json::Value = serde_json::from_str(
        &ok(run(
            &env,
            Some("4711"),
            None,
            &["confidential", "list", "E0001", "--json"],
        ))
        .stdout,
    )
    .unwrap();
    assert_eq!(json["measures"][0]["kind"], "written_warning");
    assert_eq!(json["grievances"][0]["subject"], "Shouting in the workshop");
    assert_eq!(json["medical_notes"][0]["source"], "Occupational physician");
    // Changing the PIN needs the current one.
    refused(
        run(
            &env,
            Some("9999"),
            Some("2468"),
            &["confidential", "set-pin"],
        ),
        "Wrong PIN",
    );
    ok(run(
        &env,
        Some("4711"),
        Some("2468"),
        &["confidential", "set-pin"],
    ));
    refused(
        run(&env, Some("4711"), None, &["confidential", "list", "E0001"]),
        "Wrong PIN",
    );
    ok(run(
        &env,
        Some("2468"),
        None,
        &["confidential", "list", "E0001"],
    ));
}

#[test]
fn nothing_confidential_leaks_into_exports_today_or_the_audit_payloads() {
    let env = Env::demo();
    ok(add_measure(&env, Some("1234")));
    // The audit rows of the measure keep a digest, never the facts; the chain still verifies.
    assert!(
        rows(
            &env,
            "SELECT count(*) FROM audit WHERE entity = 'disciplinary_measure' AND length(digest) = 64"
        ) >= 3
    );
    assert_eq!(
        rows(
            &env,
            "SELECT count(*) FROM audit WHERE entity IN ('disciplinary_measure', 'grievance', 'medical_note')
             AND (old IS NOT NULL OR new IS NOT NULL)"
        ),
        0
    );
    assert_eq!(
        rows(
            &env,
            "SELECT count(*) FROM audit WHERE coalesce(new, '') LIKE '%Zorbulon%'"
        ),
        0
    );
    ok(run(&env, None, None, &["check"]));
    // Today, the employee export, the dossier and the privacy export without the flag.
    let today = ok(run(&env, None, None, &["today"]));
    assert!(!today.stdout.contains("Zorbulon"));
    let show = ok(run(
        &env,
        None,
        None,
        &["employee", "show", "E0001", "--json"],
    ));
    assert!(!show.stdout.contains("Zorbulon"));
    ok(run(
        &env,
        None,
        None,
        &[
            "employee",
            "export",
            env.path("staff.csv").to_str().unwrap(),
            "--all",
        ],
    ));
    assert!(
        !std::fs::read_to_string(env.path("staff.csv"))
            .unwrap()
            .contains("Zorbulon")
    );
    let plain = env.path("requests-plain");
    ok(run(
        &env,
        None,
        None,
        &[
            "privacy",
            "export",
            "E0001",
            "--out",
            plain.to_str().unwrap(),
        ],
    ));
    let text = file_text(&plain);
    assert!(text.contains("\"employees\""), "the export is there");
    assert!(!text.contains("Zorbulon"));
    assert!(!text.contains("disciplinary_measures"));
    // Asked for explicitly: needs the PIN, then holds the area.
    let full = env.path("requests-full");
    refused(
        run(
            &env,
            Some("0000"),
            None,
            &[
                "privacy",
                "export",
                "E0001",
                "--with-confidential",
                "--out",
                full.to_str().unwrap(),
            ],
        ),
        "Wrong PIN",
    );
    assert!(!full.exists());
    ok(run(
        &env,
        Some("1234"),
        None,
        &[
            "privacy",
            "export",
            "E0001",
            "--with-confidential",
            "--out",
            full.to_str().unwrap(),
        ],
    ));
    let text = file_text(&full);
    assert!(text.contains("Zorbulon"));
    assert!(text.contains("\"disciplinary_measures\""));
}

/// Promise: erasing a former employee takes their confidential area with them, and the sealed
/// audit rows lose their salt too, so not even a guess can be checked against the digest.
#[test]
fn erasure_takes_the_confidential_area_and_the_salts_of_its_audit_rows() {
    let env = Env::demo();
    ok(run(
        &env,
        Some("1234"),
        None,
        &[
            "confidential",
            "add",
            "measure",
            "E0027",
            "--kind",
            "oral_warning",
            "--facts-on",
            "03/01/2025",
            "--facts",
            FACTS,
        ],
    ));
    ok(run(
        &env,
        None,
        None,
        &["employee", "show", "E0027", "--json"],
    ));
    let id = rows(&env, "SELECT id FROM employees WHERE number = 'E0027'");
    ok(run(
        &env,
        None,
        None,
        &["privacy", "erase", "E0027", "--force", "--reason", "test"],
    ));
    let _ = id;
    assert_eq!(
        rows(
            &env,
            "SELECT count(*) FROM disciplinary_measures WHERE facts LIKE '%Zorbulon%'"
        ),
        0
    );
    assert_eq!(
        rows(
            &env,
            &format!("SELECT count(*) FROM audit WHERE employee_id = {id} AND salt IS NOT NULL")
        ),
        0
    );
    ok(run(&env, None, None, &["check"]));
}
