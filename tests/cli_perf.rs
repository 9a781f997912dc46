//! `dossier bench`: the headless key replay on a small demo database, its JSON and text, and the
//! refusals of a bad key script.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A temp HOME with the demo company in `x.db`.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = env.run(&["init", "--demo"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        env
    }

    /// Every dossier in the database, people who left included.
    fn people(&self) -> usize {
        let out = self.run(&["employee", "list", "--all", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        v.as_array().unwrap().len()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Out {
        let out = Command::cargo_bin("dossier")
            .unwrap()
            .env("HOME", self.dir.path())
            .env_remove("DOSSIER_DB")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env("XDG_CONFIG_HOME", self.dir.path().join(".config"))
            .env("XDG_DATA_HOME", self.dir.path().join(".local/share"))
            .arg("--db")
            .arg(self.path("x.db"))
            .args(["--today", "2026-11-23", "--lang", "en"])
            .args(args)
            .output()
            .unwrap();
        Out {
            code: out.status.code().expect("killed by a signal"),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn script(&self, text: &str) -> PathBuf {
        let p = self.path("keys.txt");
        std::fs::write(&p, text).unwrap();
        p
    }
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_default_script_visits_every_tab_and_reports_times_and_memory() {
    let env = Env::new();
    let out = env.run(&["bench", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        v["people"].as_u64(),
        Some(env.people() as u64),
        "{}",
        out.stdout
    );
    assert_eq!(
        (v["width"].as_u64(), v["height"].as_u64()),
        (Some(200), Some(50))
    );
    let steps = dossier::bench::parse(dossier::bench::DEFAULT_SCRIPT).unwrap();
    assert_eq!(v["keys"]["count"].as_u64(), Some(steps.len() as u64));
    let groups: Vec<&str> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        [
            "today", "dossiers", "filter", "dossier", "leave", "reports", "payroll", "tabs",
            "calendar"
        ]
    );
    for g in v["groups"].as_array().unwrap() {
        let (p50, p99, max) = (
            g["p50_ms"].as_f64().unwrap(),
            g["p99_ms"].as_f64().unwrap(),
            g["max_ms"].as_f64().unwrap(),
        );
        assert!(p50 > 0.0 && p50 <= p99 && p99 <= max, "{g}");
    }
    assert!(v["first_frame"]["today_ms"].as_f64().unwrap() > 0.0);
    assert!(v["first_frame"]["dossiers_ms"].as_f64().unwrap() > 0.0);
    assert_eq!(v["slowest"].as_array().unwrap().len(), 5);
    assert!(v["peak_rss_kb"].as_u64().unwrap() > 1000);
}

#[test]
fn a_script_of_its_own_in_text() {
    let env = Env::new();
    let keys = env.script("# only the list\nlist: 2 j j pgdown\nback: 1\n");
    let out = env.run(&["bench", "--keys", arg(&keys)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(&format!(
            "Bench: {} dossiers, screen 200×50, 5 keys\nFirst frame: Today ",
            env.people()
        )),
        "{}",
        out.stdout
    );
    let line = |name: &str| {
        out.stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no {name} line in {}", out.stdout))
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string()
    };
    assert_eq!(
        (line("list"), line("back"), line("all")),
        ("4".into(), "1".into(), "5".into())
    );
    assert!(out.stdout.contains("Slowest: "), "{}", out.stdout);
    assert!(
        out.stdout.contains("Peak memory (resident): "),
        "{}",
        out.stdout
    );
}

#[test]
fn a_bad_script_is_refused_with_its_line() {
    let env = Env::new();
    let keys = env.script("list: 2 j\nmore: j wobble\n");
    let out = env.run(&["bench", "--keys", arg(&keys)]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("line 2: unknown key “wobble”"),
        "{}",
        out.stderr
    );
    let keys = env.script("2 j\n");
    let out = env.run(&["bench", "--keys", arg(&keys)]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("line 1: write a group name"),
        "{}",
        out.stderr
    );
    let out = env.run(&["bench", "--keys", arg(&env.path("none.txt"))]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("Cannot read the key script"),
        "{}",
        out.stderr
    );
}

#[test]
fn bench_on_a_missing_database_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .env("HOME", dir.path())
        .env_remove("DOSSIER_DB")
        .args(["--lang", "en", "--db", arg(&db), "bench"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(!db.exists());
}
