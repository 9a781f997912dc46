//! Encryption at rest from the command line: an encrypted file is named as such (never "file is
//! not a database"), with or without the `encryption` feature; with it, `encrypt`, `decrypt`,
//! `rekey`, backups, `restore` and `check` work with the passphrase from DOSSIER_PASSPHRASE.

mod common;

use assert_cmd::Command;
use common::{Env, Out, expect};

/// `dossier` on `db` with the passphrase variables given (or removed).
fn run_on(
    env: &Env,
    db: &std::path::Path,
    pass: Option<&str>,
    new: Option<&str>,
    args: &[&str],
) -> Out {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.env("HOME", env.dir.path())
        .env_remove("DOSSIER_DB")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("DOSSIER_PASSPHRASE")
        .env_remove("DOSSIER_NEW_PASSPHRASE")
        .env("XDG_CONFIG_HOME", env.config())
        .env("XDG_DATA_HOME", env.path(".local/share"))
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23", "--lang", "en"]);
    if let Some(p) = pass {
        cmd.env("DOSSIER_PASSPHRASE", p);
    }
    if let Some(p) = new {
        cmd.env("DOSSIER_NEW_PASSPHRASE", p);
    }
    let out = cmd.args(args).output().unwrap();
    Out {
        code: out.status.code().expect("killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(env: &Env, pass: Option<&str>, args: &[&str]) -> Out {
    run_on(env, &env.db(), pass, None, args)
}

/// Bytes that look like an SQLCipher file: two pages that start with no SQLite header.
fn random_pages() -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn a_file_that_looks_encrypted_is_named_so_and_left_untouched() {
    let env = Env::new();
    let bytes = random_pages();
    std::fs::write(env.db(), &bytes).unwrap();
    for args in [
        vec!["employee", "list"],
        vec!["check"],
        vec!["backup", "b.db"],
    ] {
        let out = run(&env, None, &args);
        assert_ne!(out.code, 0, "{args:?}: {}", out.stdout);
        assert!(
            out.stderr.contains("is encrypted"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            !out.stderr.contains("not a database"),
            "{args:?}: {}",
            out.stderr
        );
        #[cfg(not(feature = "encryption"))]
        assert!(
            out.stderr.contains("built without encryption"),
            "{args:?}: {}",
            out.stderr
        );
    }
    let restore = run_on(
        &env,
        &env.path("other.db"),
        None,
        None,
        &["restore", env.db().to_str().unwrap()],
    );
    assert_ne!(restore.code, 0);
    assert!(
        restore.stderr.contains("is encrypted"),
        "{}",
        restore.stderr
    );
    assert_eq!(std::fs::read(env.db()).unwrap(), bytes);
    assert!(!env.path("other.db").exists());
}

#[cfg(not(feature = "encryption"))]
#[test]
fn without_the_feature_encrypt_says_how_to_get_it_and_changes_nothing() {
    let env = Env::demo();
    let before = std::fs::read(env.db()).unwrap();
    for cmd in ["encrypt", "decrypt", "rekey"] {
        let out = run(&env, Some("een-lange-wachtwoordzin"), &[cmd]);
        expect(&out, 3, cmd);
        assert!(
            out.stderr.contains("--features encryption"),
            "{cmd}: {}",
            out.stderr
        );
    }
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[cfg(feature = "encryption")]
mod with_encryption {
    use super::*;

    const PASS: &str = "paard-batterij-nietje";

    fn contains(path: &std::path::Path, needle: &str) -> bool {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    fn header(path: &std::path::Path) -> Vec<u8> {
        std::fs::read(path).unwrap()[..16].to_vec()
    }

    /// An encrypted demo company; returns a name that is in it.
    fn encrypted_demo(env: &Env) -> String {
        let list = env.json(&["employee", "list", "--json"]);
        let full = list[0]["name"].as_str().unwrap();
        let name = full.split([',', ' ']).next().unwrap().to_string();
        assert!(contains(&env.db(), &name));
        let out = run(env, Some(PASS), &["encrypt"]);
        expect(&out, 0, "encrypt");
        assert!(out.stdout.contains("is now encrypted"), "{}", out.stdout);
        assert!(out.stdout.contains("NOT encrypted"), "{}", out.stdout);
        name
    }

    #[test]
    fn encrypt_hides_the_data_and_commands_need_the_passphrase() {
        let env = Env::demo();
        let name = encrypted_demo(&env);
        assert!(
            !contains(&env.db(), &name),
            "a name is readable in the file"
        );
        assert_ne!(header(&env.db()), b"SQLite format 3\0");

        // No passphrase and no terminal: a clear refusal, not a hang.
        let out = run(&env, None, &["employee", "list"]);
        expect(&out, 1, "no passphrase");
        assert!(out.stderr.contains("is encrypted"), "{}", out.stderr);
        assert!(out.stderr.contains("DOSSIER_PASSPHRASE"), "{}", out.stderr);

        // A wrong one: refused, the file byte for byte as it was.
        let before = std::fs::read(env.db()).unwrap();
        let out = run(&env, Some("verkeerd-verkeerd"), &["employee", "list"]);
        expect(&out, 1, "wrong passphrase");
        assert!(out.stderr.contains("Wrong passphrase"), "{}", out.stderr);
        let out = run(
            &env,
            Some("verkeerd-verkeerd"),
            &["sick", "add", "E0001", "--start", "2026-11-20"],
        );
        expect(&out, 1, "wrong passphrase, writing");
        assert_eq!(std::fs::read(env.db()).unwrap(), before);

        let out = run(&env, Some(PASS), &["employee", "list"]);
        expect(&out, 0, "right passphrase");
        assert!(out.stdout.contains(&name), "{}", out.stdout);
        let out = run(&env, Some(PASS), &["check"]);
        expect(&out, 0, "check");
    }

    #[test]
    fn backups_stay_encrypted_and_restore_with_the_passphrase() {
        let env = Env::demo();
        let name = encrypted_demo(&env);
        let backup = env.path("copy.db");
        let out = run(&env, Some(PASS), &["backup", backup.to_str().unwrap()]);
        expect(&out, 0, "backup");
        assert_ne!(header(&backup), b"SQLite format 3\0");
        assert!(!contains(&backup, &name));

        let other = env.path("other.db");
        let out = run_on(
            &env,
            &other,
            None,
            None,
            &["restore", backup.to_str().unwrap()],
        );
        expect(&out, 1, "restore without passphrase");
        assert!(!other.exists());
        let out = run_on(
            &env,
            &other,
            Some(PASS),
            None,
            &["restore", backup.to_str().unwrap()],
        );
        expect(&out, 0, "restore");
        let out = run_on(&env, &other, Some(PASS), None, &["employee", "list"]);
        expect(&out, 0, "list the restored one");
        assert!(out.stdout.contains(&name));
    }

    #[test]
    fn rekey_and_decrypt() {
        let env = Env::demo();
        let name = encrypted_demo(&env);
        // A new passphrase that is too short is refused before anything happens.
        let before = std::fs::read(env.db()).unwrap();
        let out = run_on(&env, &env.db(), Some(PASS), Some("kort"), &["rekey"]);
        expect(&out, 1, "short new passphrase");
        assert!(
            out.stderr.contains("At least 10 characters"),
            "{}",
            out.stderr
        );
        assert_eq!(std::fs::read(env.db()).unwrap(), before);

        let out = run_on(
            &env,
            &env.db(),
            Some(PASS),
            Some("nieuwe-wachtwoordzin"),
            &["rekey"],
        );
        expect(&out, 0, "rekey");
        expect(
            &run(&env, Some(PASS), &["employee", "list"]),
            1,
            "old passphrase",
        );
        let out = run(&env, Some("nieuwe-wachtwoordzin"), &["decrypt"]);
        expect(&out, 0, "decrypt");
        assert_eq!(header(&env.db()), b"SQLite format 3\0");
        let out = run(&env, None, &["employee", "list"]);
        expect(&out, 0, "plain again");
        assert!(out.stdout.contains(&name));
        // Nothing to decrypt any more; encrypting twice is refused too.
        expect(
            &run(&env, Some(PASS), &["decrypt"]),
            1,
            "decrypt a plain file",
        );
        encrypted_demo(&env);
        expect(&run(&env, Some(PASS), &["encrypt"]), 1, "encrypt twice");
    }
}
