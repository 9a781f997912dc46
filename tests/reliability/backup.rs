//! Backups, restore and `dossier check`: a backup is a consistent, private copy even while
//! another process writes; restore checks before it replaces, keeps what it replaces, and a stop
//! at any step leaves a whole database; `check` finds damage, broken links and edited audit rows.

use std::path::Path;

use dossier::store::{Access, RestoreStep, Store, restore_with};

use super::common::{Env, clock, count, dump, mode};

fn sha(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Promise: `dossier backup` while another process keeps writing gives files that open, pass the
/// integrity check and hold a state the writer really had (a whole number of its writes).
#[test]
fn backups_taken_during_a_stream_of_writes_are_consistent_and_restore_exactly() {
    let env = Env::new();
    env.demo();
    let before = count(&env.db(), "SELECT count(*) FROM sick_spells");
    // The writer: another process adding one sickness spell per command.
    let writer = {
        let mut cmd = std::process::Command::new("sh");
        let bin = assert_cmd::cargo::cargo_bin("dossier");
        let script = format!(
            "for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do \
             '{bin}' --db '{db}' --today 2026-11-23 sick add E0001 --start 2025-01-$d --end 2025-01-$d >/dev/null || exit 1; done",
            bin = bin.display(),
            db = env.db().display()
        );
        cmd.arg("-c").arg(script).env("HOME", env.dir.path());
        cmd.spawn().unwrap()
    };
    let mut backups = Vec::new();
    for n in 0..6 {
        let file = env.path(&format!("b{n}.db"));
        env.ok(&["backup", file.to_str().unwrap()]);
        backups.push(file);
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    let status = { writer }.wait_with_output().unwrap().status;
    assert!(status.success(), "the writer failed");
    let after = count(&env.db(), "SELECT count(*) FROM sick_spells");
    assert_eq!(after, before + 20);
    for b in &backups {
        assert_eq!(mode(b), 0o600, "{}", b.display());
        assert_eq!(
            count(
                b,
                "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"
            ),
            0
        );
        let spells = count(b, "SELECT count(*) FROM sick_spells");
        assert!((before..=after).contains(&spells), "{spells}");
        // Each spell is written with its audit row in one transaction: a backup has both or neither.
        assert_eq!(
            count(b, "SELECT count(*) FROM audit WHERE entity = 'sick_spell'"),
            count(b, "SELECT count(*) FROM sick_spells")
                - count(&backups[0], "SELECT count(*) FROM sick_spells")
                + count(
                    &backups[0],
                    "SELECT count(*) FROM audit WHERE entity = 'sick_spell'"
                )
        );
    }
    // Restore brings back exactly the backed-up data.
    let chosen = &backups[backups.len() / 2];
    let want = dump(chosen);
    env.ok(&["restore", chosen.to_str().unwrap()]);
    assert_eq!(dump(&env.db()), want);
    env.ok(&["check"]);
}

/// Promise: restore refuses a backup that is damaged, foreign, newer or not a database at all,
/// says why, and changes neither the database nor the file offered.
#[test]
fn restore_checks_the_backup_before_it_replaces_anything() {
    let env = Env::new();
    env.demo();
    let good = env.path("good.db");
    env.ok(&["backup", good.to_str().unwrap()]);
    let db_before = sha(&env.db());

    let foreign = env.path("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = env.path("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let damaged = env.path("damaged.db");
    let mut bytes = sha(&good);
    let mid = bytes.len() / 2;
    bytes[mid..mid + 8192].fill(0x5a);
    std::fs::write(&damaged, &bytes).unwrap();
    let truncated = env.path("truncated.db");
    std::fs::write(&truncated, &sha(&good)[..5000]).unwrap();
    let empty = env.path("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let text = env.path("notes.txt");
    std::fs::write(&text, "Jan Peeters, 93051822361\n").unwrap();

    for (file, says) in [
        (&foreign, "not a Dossier database"),
        (&newer, "newer Dossier"),
        (&damaged, "damaged"),
        (&truncated, "damaged"),
        (&empty, "not a Dossier database"),
        (&text, "not a Dossier database"),
        (&env.path("missing.db"), "cannot read"),
    ] {
        let offered = std::fs::read(file).ok();
        let out = env.run(&["restore", file.to_str().unwrap()]);
        assert_ne!(out.code, 0, "{} was accepted", file.display());
        assert!(
            out.stderr.contains(says),
            "{}: {}",
            file.display(),
            out.stderr
        );
        assert_eq!(sha(&env.db()), db_before, "{}", file.display());
        assert_eq!(std::fs::read(file).ok(), offered, "{}", file.display());
    }
    assert!(!env.db().with_extension("db.restoring").exists());
}

/// Promise: restore is refused while another Dossier holds the database.
#[test]
fn restore_is_refused_while_dossier_is_open() {
    let env = Env::new();
    env.demo();
    let good = env.path("good.db");
    env.ok(&["backup", good.to_str().unwrap()]);
    let held = Store::open(&env.db(), Access::ReadWrite, clock()).unwrap();
    let before = sha(&env.db());
    let out = env.run(&["restore", good.to_str().unwrap()]);
    assert_eq!(out.code, 3);
    assert!(out.stderr.contains("another Dossier"), "{}", out.stderr);
    drop(held);
    assert_eq!(sha(&env.db()), before);
}

/// Promise: a restore stopped at any step (crash, full disk) leaves either the old database or the
/// restored one, whole, and the old one is always kept; a failed restore leaves no stray file.
#[test]
fn a_restore_stopped_at_any_step_loses_nothing() {
    for stop in [
        RestoreStep::Copied,
        RestoreStep::Kept,
        RestoreStep::Swapping,
    ] {
        let env = Env::new();
        env.demo();
        let good = env.path("good.db");
        env.ok(&["backup", good.to_str().unwrap()]);
        let want_new = dump(&good);
        env.ok(&[
            "sick",
            "add",
            "E0002",
            "--start",
            "2025-03-03",
            "--end",
            "2025-03-04",
        ]);
        let want_old = dump(&env.db());
        let err = restore_with(&env.db(), &good, clock().now(), &mut |step| {
            if step == stop {
                Err(std::io::Error::other("disk full"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        let now = dump(&env.db());
        assert!(
            now == want_old || now == want_new,
            "stopped at {stop:?}: a mix"
        );
        // The old data is still somewhere whole: in place, or in the backups folder.
        let kept_somewhere = now == want_old
            || std::fs::read_dir(dossier::store::backups_dir(&env.db()))
                .unwrap()
                .filter_map(|e| e.ok())
                .any(|e| {
                    e.file_name().to_string_lossy().contains("before-restore")
                        && dump(&e.path()) == want_old
                });
        assert!(kept_somewhere, "stopped at {stop:?}: the old data is lost");
        assert!(!Path::new(&format!("{}.restoring", env.db().display())).exists());
        // And the database opens and passes the check.
        env.ok(&["check"]);
    }
}

/// Promise: the replaced database is kept, private, and opens with exactly its data.
#[test]
fn restore_keeps_the_replaced_database() {
    let env = Env::new();
    env.demo();
    let good = env.path("good.db");
    env.ok(&["backup", good.to_str().unwrap()]);
    env.ok(&[
        "sick",
        "add",
        "E0002",
        "--start",
        "2025-03-03",
        "--end",
        "2025-03-04",
    ]);
    let old = dump(&env.db());
    let out = env.ok(&["restore", good.to_str().unwrap()]);
    let kept = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("The replaced database is kept as "))
        .unwrap()
        .trim_end_matches('.')
        .to_string();
    assert_eq!(dump(Path::new(&kept)), old);
    assert_eq!(mode(Path::new(&kept)), 0o600);
    assert_eq!(mode(&dossier::store::backups_dir(&env.db())), 0o700);
    assert_eq!(dump(&env.db()), dump(&good));
}

/// Promise: a damaged database (the usual reason to restore) can be replaced, and is kept byte
/// for byte.
#[test]
fn a_damaged_database_can_be_restored_and_is_kept_as_it_was() {
    let env = Env::new();
    env.demo();
    let good = env.path("good.db");
    env.ok(&["backup", good.to_str().unwrap()]);
    let mut bytes = sha(&env.db());
    let mid = bytes.len() / 2;
    bytes[mid..mid + 4096].fill(0xff);
    std::fs::write(env.db(), &bytes).unwrap();
    let check = env.run(&["check"]);
    assert_eq!(check.code, 1, "{}{}", check.stdout, check.stderr);
    env.ok(&["restore", good.to_str().unwrap()]);
    env.ok(&["check"]);
    let kept: Vec<_> = std::fs::read_dir(dossier::store::backups_dir(&env.db()))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.contains("before-restore") && n.ends_with(".db")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(sha(&kept[0].path()), bytes);
}

/// Promise: `dossier check` says in plain words when an audit row was edited or removed, or a link
/// is broken, and exits 1; on a sound file it exits 0.
#[test]
fn check_finds_an_edited_or_removed_audit_row_and_broken_links() {
    let env = Env::new();
    env.demo();
    let out = env.ok(&["check"]);
    assert!(out.stdout.contains("chain is unbroken"), "{}", out.stdout);

    let tamper = |sql: &str| {
        let c = rusqlite::Connection::open(env.db()).unwrap();
        c.execute_batch(&format!(
            "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; {sql}"
        ))
        .unwrap();
    };
    let good = env.path("good.db");
    env.ok(&["backup", good.to_str().unwrap()]);
    tamper("UPDATE audit SET action = 'edited' WHERE id = 5;");
    let out = env.run(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("breaks at change 5"), "{}", out.stdout);
    assert!(out.stderr.contains("Problems found"), "{}", out.stderr);

    env.ok(&["restore", good.to_str().unwrap()]);
    tamper("DELETE FROM audit WHERE id = 7;");
    let out = env.run(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("breaks at change 8"), "{}", out.stdout);

    env.ok(&["restore", good.to_str().unwrap()]);
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.execute_batch(
        "PRAGMA foreign_keys = OFF; UPDATE contracts SET employee_id = 99999 WHERE id = 1;",
    )
    .unwrap();
    drop(c);
    let out = env.run(&["check", "--json"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("contracts 1 → employees"),
        "{}",
        out.stdout
    );
}

/// Promise: one automatic backup a day at the first change, private, and only the newest N kept;
/// backups made by hand are never rotated away.
#[test]
fn daily_backups_rotate_and_stay_private() {
    let env = Env::new();
    env.demo();
    env.ok(&["backup", "--keep", "3"]);
    env.ok(&["backup"]);
    for day in 1..=5 {
        let d = format!("2026-12-0{day}");
        let out = env
            .cmd_at(&d)
            .args(["sick", "add", "E0003", "--start", &d, "--end", &d])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dir = dossier::store::backups_dir(&env.db());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let daily: Vec<&String> = names
        .iter()
        .filter(|n| n.len() == "x-2026-12-01.db".len())
        .collect();
    assert_eq!(
        daily,
        ["x-2026-12-03.db", "x-2026-12-04.db", "x-2026-12-05.db"]
    );
    assert_eq!(names.len(), 4, "{names:?}: the one made by hand stays");
    for n in &names {
        assert_eq!(mode(&dir.join(n)), 0o600, "{n}");
    }
    // The backup of 5 December holds the spell of the 4th but not that of the 5th.
    assert_eq!(
        count(
            &dir.join("x-2026-12-05.db"),
            "SELECT count(*) FROM sick_spells WHERE start_date >= '2026-12-01'"
        ),
        4
    );
    env.ok(&["backup", "--daily", "no"]);
    let out = env
        .cmd_at("2026-12-09")
        .args([
            "sick",
            "add",
            "E0003",
            "--start",
            "2026-12-09",
            "--end",
            "2026-12-09",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("x-2026-12-09.db").exists());
}

/// Promise: the TUI's daily backup runs beside the open database (a second, read-only
/// connection), so a large file never holds up the first frame; it is the same sound, private
/// copy, and the writer can keep working while it is made.
#[test]
fn the_daily_backup_in_the_background_is_made_while_the_database_is_open_for_writing() {
    let env = Env::new();
    env.demo();
    let dir = dossier::store::backups_dir(&env.db());
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&env.db(), Access::ReadWrite, clock()).unwrap();
    let done = store.auto_backup_in_background().unwrap();
    // The writer goes on meanwhile.
    store
        .settings()
        .set("today", &dossier::domain::today::TodaySettings::default())
        .unwrap();
    let made = done
        .recv_timeout(std::time::Duration::from_secs(60))
        .unwrap()
        .unwrap()
        .expect("a backup on the first open of the day");
    assert!(made.starts_with(&dir), "{}", made.display());
    assert_eq!(mode(&made), 0o600);
    assert_eq!(
        count(&made, "SELECT count(*) FROM employees"),
        count(&env.db(), "SELECT count(*) FROM employees")
    );
    // A second open the same day makes none.
    let again = store.auto_backup_in_background().unwrap();
    assert_eq!(
        again
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap()
            .unwrap(),
        None
    );
}
