//! The sandbox every command-line test runs in: its own temp dir as HOME and data folder, the
//! database `x.db` in it, `DOSSIER_DB`, `LANG` and `LC_ALL` removed so the user's own files and
//! settings are never touched, today fixed at 23/11/2026, messages in English unless a test asks
//! for the documents' own language. Each test file takes what it needs (`mod common;`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub struct Env {
    pub dir: TempDir,
    /// `--lang` given to every run; `None` lets the documents speak the person's language.
    lang: Option<&'static str>,
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Env {
    /// A sandbox without a database yet.
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
            lang: Some("en"),
        }
    }

    /// A sandbox with an empty database.
    pub fn empty() -> Env {
        let env = Env::new();
        env.ok(&["init"]);
        env
    }

    /// A sandbox with the demo company.
    pub fn demo() -> Env {
        let env = Env::new();
        env.ok(&["init", "--demo"]);
        env
    }

    /// Runs without `--lang`: messages in English (no LANG), documents in the person's language.
    pub fn without_lang(mut self) -> Env {
        self.lang = None;
        self
    }

    pub fn db(&self) -> PathBuf {
        self.path("x.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `XDG_CONFIG_HOME`: Dossier's own config folder is `dossier/` in it.
    pub fn config(&self) -> PathBuf {
        self.path(".config")
    }

    /// Runs `dossier` with the standard flags on `db`.
    pub fn run_on(&self, db: &Path, args: &[&str]) -> Out {
        let mut cmd = Command::cargo_bin("dossier").unwrap();
        cmd.env("HOME", self.dir.path())
            .env("USER", "sofie")
            .env_remove("DOSSIER_DB")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_HOME", self.path(".local/share"))
            .arg("--db")
            .arg(db)
            .args(["--today", "2026-11-23"]);
        if let Some(lang) = self.lang {
            cmd.args(["--lang", lang]);
        }
        let out = cmd.args(args).output().unwrap();
        Out {
            code: out.status.code().expect("killed by a signal"),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn run(&self, args: &[&str]) -> Out {
        self.run_on(&self.db(), args)
    }

    /// Runs and requires exit 0.
    pub fn ok(&self, args: &[&str]) -> Out {
        let out = self.run(args);
        assert_eq!(
            out.code, 0,
            "{args:?} failed:\nstdout: {}\nstderr: {}",
            out.stdout, out.stderr
        );
        out
    }

    /// Runs and requires a refusal: exit 1, `message` on stderr, nothing on stdout.
    pub fn refused(&self, args: &[&str], message: &str) -> Out {
        let out = self.run(args);
        assert_eq!(out.code, 1, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
        out
    }

    /// Runs and requires a refusal (exit 1 with a message on stderr), whatever the message.
    pub fn fails(&self, args: &[&str]) -> Out {
        let out = self.run(args);
        assert_eq!(out.code, 1, "{args:?} should be refused: {}", out.stdout);
        assert!(!out.stderr.is_empty(), "{args:?}: no message");
        out
    }

    /// Runs and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{}", out.stdout))
    }
}

/// Requires exit `code`, showing both streams when not.
pub fn expect(out: &Out, code: i32, what: &str) {
    assert_eq!(
        out.code, code,
        "{what}: expected exit {code}\nstdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
}
