//! Encryption at rest, proven on real files: what is on disk is unreadable without the
//! passphrase, a wrong passphrase changes no byte, backups stay encrypted, conversions keep every row.

use std::path::{Path, PathBuf};

use super::*;
use crate::clock::Clock;
use crate::domain::employee::EmployeeInput;
use crate::store::{Access, ListQuery, Store, check_backup_keyed, restore_keyed};

const NAME: &str = "Vandenbroucke";

fn clock() -> Clock {
    Clock::frozen_at(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
}

fn key(text: &str) -> Passphrase {
    Passphrase::new(text)
}

/// A plain database holding one person, closed again.
fn plain_db(dir: &Path) -> PathBuf {
    let path = dir.join("dossier.db");
    let store = Store::open(&path, Access::ReadWrite, clock()).unwrap();
    let input = EmployeeInput {
        number: "E1".into(),
        first_name: "Griet".into(),
        last_name: NAME.into(),
        start_date: "01/02/2020".into(),
        ..Default::default()
    };
    store.employees().add(&input, None).unwrap();
    path
}

fn people(store: &Store) -> u64 {
    store
        .employees()
        .count(&ListQuery {
            include_left: true,
            ..Default::default()
        })
        .unwrap()
}

fn header(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()[..16].to_vec()
}

fn contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn encrypt_then_decrypt_keeps_every_row_and_the_file_is_unreadable_in_between() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_db(dir.path());
    assert!(contains(&db, NAME), "the plain file shows the name");
    let now = clock().now();
    let done = encrypt(&db, &key("zeven-zeeën-zout"), now).unwrap();
    assert_ne!(header(&db), b"SQLite format 3\0");
    assert!(looks_encrypted(&db));
    assert!(!contains(&db, NAME), "the encrypted file shows the name");
    // The plain database is kept, private, in the backups folder.
    let kept = done.kept.unwrap();
    assert_eq!(header(&kept), b"SQLite format 3\0");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Without the passphrase: a clear refusal; with it: the data.
    let err = Store::open(&db, Access::ReadWrite, clock()).err().unwrap();
    assert!(matches!(err, StoreError::Encrypted { .. }), "{err}");
    let store = Store::open_keyed(
        &db,
        Access::ReadWrite,
        clock(),
        Some(&key("zeven-zeeën-zout")),
    )
    .unwrap();
    assert!(store.is_encrypted());
    assert_eq!(people(&store), 1);
    assert!(store.check().unwrap().is_ok(), "the audit chain survives");
    drop(store);

    decrypt(&db, &key("zeven-zeeën-zout")).unwrap();
    assert_eq!(header(&db), b"SQLite format 3\0");
    let store = Store::open(&db, Access::ReadWrite, clock()).unwrap();
    assert!(!store.is_encrypted());
    assert_eq!(people(&store), 1);
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_db(dir.path());
    encrypt(&db, &key("juiste-wachtwoordzin"), clock().now()).unwrap();
    // Open once rightly, so the file is in WAL mode as in daily use.
    drop(
        Store::open_keyed(
            &db,
            Access::ReadWrite,
            clock(),
            Some(&key("juiste-wachtwoordzin")),
        )
        .unwrap(),
    );
    let before = std::fs::read(&db).unwrap();
    for access in [Access::ReadWrite, Access::ReadOnly] {
        let err = Store::open_keyed(&db, access, clock(), Some(&key("verkeerde-zin")))
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err}");
    }
    assert!(decrypt(&db, &key("verkeerde-zin")).is_err());
    assert!(rekey(&db, &key("verkeerde-zin"), &key("nieuwe-wachtwoordzin")).is_err());
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!Path::new(&format!("{}-wal", db.display())).exists());
    assert!(!Path::new(&format!("{}.converting", db.display())).exists());
}

#[test]
fn backups_of_an_encrypted_database_are_encrypted_with_the_same_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_db(dir.path());
    let k = key("back-up-sleutel-1");
    encrypt(&db, &k, clock().now()).unwrap();
    let store = Store::open_keyed(&db, Access::ReadWrite, clock(), Some(&k)).unwrap();
    let backup = dir.path().join("copy.db");
    store.backup_to(&backup, false).unwrap();
    let daily = store.auto_backup().unwrap().unwrap();
    drop(store);
    for file in [&backup, &daily] {
        assert_ne!(header(file), b"SQLite format 3\0", "{}", file.display());
        assert!(!contains(file, NAME), "{}", file.display());
        assert!(matches!(
            check_backup_keyed(file, None),
            Err(StoreError::Encrypted { .. })
        ));
        assert!(matches!(
            check_backup_keyed(file, Some(&key("niet-deze"))),
            Err(StoreError::WrongPassphrase { .. })
        ));
        assert!(check_backup_keyed(file, Some(&k)).is_ok());
    }
    // Restore brings the data back, still encrypted with the same passphrase.
    let other = dir.path().join("other.db");
    restore_keyed(&other, &backup, clock().now(), Some(&k)).unwrap();
    assert!(looks_encrypted(&other));
    let store = Store::open_keyed(&other, Access::ReadOnly, clock(), Some(&k)).unwrap();
    assert_eq!(people(&store), 1);
}

#[test]
fn rekey_changes_the_passphrase_and_refuses_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_db(dir.path());
    encrypt(&db, &key("oude-wachtwoordzin"), clock().now()).unwrap();
    rekey(
        &db,
        &key("oude-wachtwoordzin"),
        &key("nieuwe-wachtwoordzin"),
    )
    .unwrap();
    let err = Store::open_keyed(
        &db,
        Access::ReadOnly,
        clock(),
        Some(&key("oude-wachtwoordzin")),
    )
    .err()
    .unwrap();
    assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err}");
    let store = Store::open_keyed(
        &db,
        Access::ReadWrite,
        clock(),
        Some(&key("nieuwe-wachtwoordzin")),
    )
    .unwrap();
    assert_eq!(people(&store), 1);
}

#[test]
fn a_running_dossier_blocks_a_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_db(dir.path());
    let store = Store::open(&db, Access::ReadWrite, clock()).unwrap();
    let before = std::fs::read(&db).unwrap();
    let err = encrypt(&db, &key("tijdens-het-werk"), clock().now())
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    drop(store);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
