//! `encrypt`, `decrypt` and `rekey`: the database is exported through SQLCipher into a new file
//! beside it, the new file is checked table by table, and only then takes the database's name.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{AVAILABLE, Passphrase, apply_key, looks_encrypted};
use crate::store::backup::{backups_dir, copy_database, integrity, sync_dir, with_suffix};
use crate::store::{APPLICATION_ID, Result, StoreError, files, lock, migrate};

/// What a conversion did, for the message to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The copy of the database as it was before (only `encrypt` keeps one: see [`encrypt`]).
    pub kept: Option<PathBuf>,
}

/// Turns the plain database at `db` into one encrypted with `key`. The plain database is kept
/// in the backups folder (0600) so nothing is lost if the passphrase turns out mistyped; the
/// user is told to delete it once the encrypted one opens.
pub fn encrypt(db: &Path, key: &Passphrase, now: chrono::NaiveDateTime) -> Result<Converted> {
    if looks_encrypted(db) {
        return Err(StoreError::Other(anyhow::anyhow!(
            "{} is already encrypted; use `dossier rekey` to change the passphrase",
            db.display()
        )));
    }
    convert(db, None, Some(key), Some(("before-encrypt", now)))
}

/// Turns the encrypted database at `db` back into a plain one.
pub fn decrypt(db: &Path, key: &Passphrase) -> Result<Converted> {
    require_encrypted(db)?;
    convert(db, Some(key), None, None)
}

/// Gives the encrypted database at `db` a new passphrase. Earlier backups keep the old one.
pub fn rekey(db: &Path, old: &Passphrase, new: &Passphrase) -> Result<Converted> {
    require_encrypted(db)?;
    convert(db, Some(old), Some(new), None)
}

fn require_encrypted(db: &Path) -> Result<()> {
    if looks_encrypted(db) {
        Ok(())
    } else {
        migrate::check_header(db)?;
        Err(StoreError::Other(anyhow::anyhow!(
            "{} is not encrypted",
            db.display()
        )))
    }
}

fn convert(
    db: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
    keep: Option<(&str, chrono::NaiveDateTime)>,
) -> Result<Converted> {
    if !AVAILABLE {
        return Err(StoreError::EncryptionUnavailable);
    }
    if !db.exists() {
        return Err(StoreError::Other(anyhow::anyhow!(
            "{} does not exist yet: run `dossier init` or open Dossier once to create it",
            db.display()
        )));
    }
    // The writer's lock for the whole conversion: no Dossier may write to the old file meanwhile.
    let _lock = lock::Lock::acquire(db)?;
    let source = open_source(db, from)?;
    let incoming = with_suffix(db, ".converting");
    let _ = std::fs::remove_file(&incoming);
    let result = (|| -> Result<Converted> {
        files::create_private_file(&incoming)?;
        export(&source, &incoming, to)?;
        verify(&source, &incoming, to)?;
        let kept = match keep {
            Some((why, now)) => Some(keep_copy(&source, db, why, now, from)?),
            None => None,
        };
        // Closing the last connection folds the WAL into the old file and removes it, so no
        // old WAL can meet the new file under the same name.
        source.close().map_err(|(_, e)| StoreError::from(e))?;
        for companion in ["-wal", "-shm"] {
            let p = with_suffix(db, companion);
            if p.exists() {
                std::fs::remove_file(&p).map_err(io(&p))?;
            }
        }
        std::fs::rename(&incoming, db).map_err(io(db))?;
        sync_dir(db);
        Ok(Converted { kept })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&incoming);
    }
    result
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Other(anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

/// The database to convert, opened for writing (the WAL needs it) and proven to be Dossier's.
fn open_source(db: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    let conn = Connection::open(db).map_err(|e| migrate::classify(db, e))?;
    if let Some(key) = key {
        apply_key(&conn, db, key)?;
    }
    migrate::check_identity(&conn, db)?;
    Ok(conn)
}

/// `sqlcipher_export` copies schema and rows into the attached file, encrypted with `to` (an
/// empty key means plain); it leaves the header's version and application id to us.
fn export(source: &Connection, dest: &Path, to: Option<&Passphrase>) -> Result<()> {
    let key = to.map(Passphrase::expose).unwrap_or("");
    source.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        rusqlite::params![dest.to_string_lossy(), key],
    )?;
    let copied = (|| -> Result<()> {
        source.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        let version: i64 = source.pragma_query_value(None, "user_version", |r| r.get(0))?;
        source.pragma_update(Some("converted"), "user_version", version)?;
        source.pragma_update(Some("converted"), "application_id", APPLICATION_ID)?;
        Ok(())
    })();
    source.execute_batch("DETACH DATABASE converted")?;
    copied
}

/// The new file must open with its key, pass SQLite's check, and hold as many rows in every
/// table as the database it replaces.
fn verify(source: &Connection, dest: &Path, to: Option<&Passphrase>) -> Result<()> {
    let copy = Connection::open_with_flags(dest, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(key) = to {
        apply_key(&copy, dest, key)?;
    }
    migrate::check_identity(&copy, dest)?;
    let mut problems = integrity(&copy)?;
    for table in tables(source)? {
        let count = |c: &Connection| -> Result<i64> {
            let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
            Ok(c.query_row(&sql, [], |r| r.get(0))?)
        };
        let (before, after) = (count(source)?, count(&copy)?);
        if before != after {
            problems.push(format!("{table}: {before} rows, the copy {after}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: dest.to_path_buf(),
            detail: problems.join("; "),
        })
    }
}

fn tables(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// A checked copy of the database as it was, in the backups folder, named after the conversion.
fn keep_copy(
    source: &Connection,
    db: &Path,
    why: &str,
    now: chrono::NaiveDateTime,
    key: Option<&Passphrase>,
) -> Result<PathBuf> {
    let dir = backups_dir(db);
    files::create_private_dir(&dir)?;
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into());
    let name = format!("{stem}-{why}-{}", now.format("%Y-%m-%d-%H%M%S"));
    let dest = crate::config::free_path(&dir, &name, "db");
    copy_database(source, &dest, key)?;
    Ok(dest)
}
