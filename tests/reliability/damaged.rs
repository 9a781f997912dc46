//! Damaged and foreign files: bytes overwritten in the middle, truncated, zero-length, a text
//! file, a newer Dossier's file, another program's SQLite file. Dossier refuses them with a clear
//! message, never panics (exit 101) and never changes a byte.

use super::common::Env;

fn damaged_variants(env: &Env) -> Vec<(&'static str, Vec<u8>)> {
    env.demo();
    let good = std::fs::read(env.db()).unwrap();
    let mut out = Vec::new();
    let len = good.len();
    let mut middle = good.clone();
    middle[len / 2..len / 2 + 4096].fill(0xa5);
    out.push(("overwritten middle", middle));
    let mut header = good.clone();
    header[16..100].fill(0xff);
    out.push(("overwritten header", header));
    out.push(("truncated", good[..len / 3].to_vec()));
    out.push(("truncated header", good[..50].to_vec()));
    out.push(("zero length", Vec::new()));
    out.push(("text", b"Naam;Voornaam\nPeeters;Jan\n".to_vec()));
    let newer = env.path("newer.db");
    std::fs::write(&newer, &good).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 9999)
        .unwrap();
    out.push(("newer version", std::fs::read(&newer).unwrap()));
    let foreign = env.path("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE; CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    out.push(("foreign SQLite", std::fs::read(&foreign).unwrap()));
    out
}

/// Promise: every damaged or foreign file is refused or reported with a message, never with a
/// panic, and is left byte for byte as it was, by reading, writing and checking commands alike.
/// The one exception: damage in the middle of a file, in pages a command never reads, cannot be
/// seen by that command; it then works on the sound pages, and `check` reports the damage.
#[test]
fn damaged_and_foreign_files_are_refused_untouched_without_panic() {
    let env = Env::new();
    let variants = damaged_variants(&env);
    for (what, bytes) in variants {
        for command in [
            vec!["employee", "list"],
            vec!["check"],
            vec![
                "sick",
                "add",
                "E0001",
                "--start",
                "2026-11-02",
                "--end",
                "2026-11-02",
            ],
            vec!["backup", "b.db"],
        ] {
            std::fs::write(env.db(), &bytes).unwrap();
            for companion in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{companion}", env.db().display()));
            }
            let out = env.run(&command);
            assert_ne!(out.code, 101, "{what}, {command:?}: panic\n{}", out.stderr);
            let after = std::fs::read(env.db()).unwrap();
            if what == "overwritten middle" && out.code == 0 {
                // Damage in pages a command does not read goes unnoticed by it (SQLite reads only
                // the pages it needs), and a write to sound pages may then land; `check` still
                // finds the damage afterwards, so it is never hidden.
                assert_ne!(command, vec!["check"], "{what}: check passed");
                let check = env.run(&["check"]);
                assert_eq!(check.code, 1, "{what}, after {command:?}: check passed");
                continue;
            } else {
                assert_ne!(
                    out.code, 0,
                    "{what}, {command:?} was accepted\n{}",
                    out.stdout
                );
                assert!(
                    !out.stderr.trim().is_empty(),
                    "{what}, {command:?}: no message"
                );
            }
            assert!(after == bytes, "{what}, {command:?}: the file was changed");
        }
    }
}
