//! Shared helpers of the reliability suite: a sandbox with its own HOME and database, the real
//! binary, and a way to fill a database with the demo company.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::store::{Access, Store};
use tempfile::TempDir;

pub const TODAY: &str = "2026-11-23";

pub fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

pub fn clock() -> Clock {
    Clock::frozen_at(today())
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A temp dir that is both HOME and the home of the database `data/x.db`.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("x.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn cmd(&self) -> Command {
        self.cmd_at(TODAY)
    }

    /// The binary with `day` as today.
    pub fn cmd_at(&self, day: &str) -> Command {
        let mut cmd = Command::cargo_bin("dossier").unwrap();
        cmd.env("HOME", self.dir.path())
            .env_remove("DOSSIER_DB")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env("XDG_CONFIG_HOME", self.dir.path().join(".config"))
            .env("XDG_DATA_HOME", self.dir.path().join(".local/share"))
            .arg("--db")
            .arg(self.db())
            .args(["--today", day, "--lang", "en"]);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Out {
        let out = self.cmd().args(args).output().unwrap();
        Out {
            code: out.status.code().expect("killed by a signal"),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn ok(&self, args: &[&str]) -> Out {
        let out = self.run(args);
        assert_eq!(
            out.code, 0,
            "{args:?} failed:\nstdout: {}\nstderr: {}",
            out.stdout, out.stderr
        );
        out
    }

    /// The demo company, loaded through the library (faster than the binary).
    pub fn demo(&self) {
        let store = self.open();
        dossier::demo::load(&store, today()).unwrap();
    }

    pub fn open(&self) -> Store {
        Store::open(&self.db(), Access::ReadWrite, clock()).unwrap()
    }
}

/// Every row of every table, as text, in a fixed order: two databases hold the same data exactly
/// when their dumps are equal.
pub fn dump(db: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut out = Vec::new();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{t}: {}", cells.join("|")));
        }
    }
    out.sort();
    out
}

pub fn count(db: &Path, sql: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}
