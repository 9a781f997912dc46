//! Backups, restore and the health check: consistent copies through SQLite itself (`VACUUM INTO`,
//! never a plain file copy, which could miss what is still in the WAL), private and never half-written.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use super::files::create_private_dir;
use super::{APPLICATION_ID, Passphrase, Result, Store, StoreError, crypt, lock, migrate};

/// The automatic backups: one a day, at the first write (TUI start or a writing command), keeping
/// the newest `keep`. Stored in the company settings under [`BACKUP_SETTINGS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupSettings {
    pub daily: bool,
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            daily: true,
            keep: 7,
        }
    }
}

pub const BACKUP_SETTINGS: &str = "backup";

/// Backups live beside the database: `dossier.db` → `dossier-backups/`.
pub fn backups_dir(db: &Path) -> PathBuf {
    let stem = stem(db);
    db.with_file_name(format!("{stem}-backups"))
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into())
}

/// The name of the automatic backup of a day: `dossier-2026-11-23.db`.
fn daily_name(db: &Path, day: NaiveDate) -> String {
    format!("{}-{}.db", stem(db), day.format("%Y-%m-%d"))
}

/// Whether `name` is one of the automatic daily backups of `db` (only those are rotated away).
fn is_daily(db: &Path, name: &str) -> bool {
    let prefix = format!("{}-", stem(db));
    name.strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(".db"))
        .is_some_and(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
}

/// Copies the database `conn` reads into `dest` (which must not exist): first into a private
/// `.partial` file beside it, checked, then renamed, so `dest` is either whole or absent.
/// SQLCipher's `VACUUM INTO` writes the copy of an encrypted database with the same `key`.
pub(super) fn copy_database(
    conn: &Connection,
    dest: &Path,
    key: Option<&Passphrase>,
) -> Result<()> {
    if let Some(dir) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let partial = with_suffix(dest, ".partial");
    let _ = std::fs::remove_file(&partial);
    // An empty 0600 file first: SQLite writes into it and keeps its permissions.
    super::files::create_private_file(&partial)?;
    let result = (|| -> Result<()> {
        conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()])?;
        verify_copy(&partial, key)?;
        std::fs::rename(&partial, dest).map_err(|e| {
            StoreError::Other(anyhow::anyhow!("cannot write {}: {e}", dest.display()))
        })?;
        sync_dir(dest);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// A fresh copy must pass SQLite's own check before it takes a backup's name.
fn verify_copy(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = crypt::open_read_only(path, key)?;
    let problems = integrity(&conn)?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: path.to_path_buf(),
            detail: problems.join("; "),
        })
    }
}

pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Makes a rename durable: the folder entry is flushed too (best effort where folders cannot be opened).
pub(super) fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// `PRAGMA integrity_check` as a list of problems (empty when the file is sound).
pub(super) fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    let lines = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// What `dossier check` found. Empty lists and no break in the chain: all is well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Lines of `PRAGMA integrity_check` other than "ok".
    pub integrity: Vec<String>,
    /// `table row <id> → parent` for every broken link found by `PRAGMA foreign_key_check`.
    pub foreign_keys: Vec<String>,
    pub audit: super::ChainReport,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty() && self.audit.broken_at.is_none()
    }
}

/// What a restore did, for the message to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Where the database that was replaced is kept (none when there was no database yet).
    pub kept: Option<PathBuf>,
    pub schema_version: i64,
}

/// The steps of a restore, named so a test can make each one fail and see that nothing is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreStep {
    /// The checked copy of the backup is ready beside the database, nothing replaced yet.
    Copied,
    /// The replaced database is safe in the backups folder, still in place too.
    Kept,
    /// The old database's WAL is gone; the copy is about to take its name.
    Swapping,
}

impl Store {
    /// A consistent copy of the database into `dest` (0600), made while others may read or write.
    /// An existing `dest` is replaced only with `overwrite` (and only once the new copy is whole).
    pub fn backup_to(&self, dest: &Path, overwrite: bool) -> Result<()> {
        if dest.exists() && !overwrite {
            return Err(StoreError::Other(anyhow::anyhow!(
                "{} already exists; choose another name",
                dest.display()
            )));
        }
        copy_database(self.conn(), dest, self.key.as_ref())
    }

    pub fn backups_dir(&self) -> PathBuf {
        backups_dir(self.path())
    }

    /// The day's automatic backup, if the settings ask for one and none was made today; then the
    /// oldest automatic backups beyond the number to keep are removed. An empty database is not
    /// backed up. Returns the new backup's path.
    /// [`Store::auto_backup`] on a second, read-only connection in a thread of its own, so a large
    /// database does not hold up the first frame (the TUI): WAL lets it read a consistent copy
    /// while the user works. The outcome comes back on the channel.
    pub fn auto_backup_in_background(
        &self,
    ) -> Result<std::sync::mpsc::Receiver<Result<Option<PathBuf>>>> {
        let reader = Store::open_keyed(
            self.path(),
            super::Access::ReadOnly,
            self.clock(),
            self.key.as_ref(),
        )?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(reader.auto_backup());
        });
        Ok(rx)
    }

    pub fn auto_backup(&self) -> Result<Option<PathBuf>> {
        let settings: BackupSettings = self.settings().get(BACKUP_SETTINGS)?;
        if !settings.daily {
            return Ok(None);
        }
        let has_people: bool =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM employees)", [], |r| r.get(0))?;
        if !has_people {
            return Ok(None);
        }
        let dir = self.backups_dir();
        let dest = dir.join(daily_name(self.path(), self.clock().today()));
        let made = if dest.exists() {
            None
        } else {
            copy_database(self.conn(), &dest, self.key.as_ref())?;
            Some(dest)
        };
        self.rotate(settings.keep.max(1) as usize)?;
        Ok(made)
    }

    /// Removes the oldest automatic backups so that `keep` remain; backups made by hand or kept by
    /// a restore are never removed.
    fn rotate(&self, keep: usize) -> Result<()> {
        let dir = self.backups_dir();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(());
        };
        let mut daily: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_daily(self.path(), n))
            .collect();
        // ISO dates in the names: sorting by name is sorting by day.
        daily.sort();
        let excess = daily.len().saturating_sub(keep);
        for name in &daily[..excess] {
            std::fs::remove_file(dir.join(name)).map_err(|e| {
                StoreError::Other(anyhow::anyhow!("cannot remove old backup {name}: {e}"))
            })?;
        }
        Ok(())
    }

    /// SQLite's integrity and foreign-key checks and the audit chain.
    pub fn check(&self) -> Result<CheckReport> {
        let integrity = integrity(self.conn())?;
        let mut st = self.conn().prepare("PRAGMA foreign_key_check")?;
        let foreign_keys = st
            .query_map([], |r| {
                let table: String = r.get(0)?;
                let rowid: Option<i64> = r.get(1)?;
                let parent: String = r.get(2)?;
                Ok(format!(
                    "{table} {} → {parent}",
                    rowid.map(|i| i.to_string()).unwrap_or_default()
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(CheckReport {
            integrity,
            foreign_keys,
            audit: self.audit().verify()?,
        })
    }
}

/// Checks that `from` is a sound Dossier backup this program can open; returns its schema version.
/// Nothing is written to it.
pub fn check_backup(from: &Path) -> Result<i64> {
    check_backup_keyed(from, None)
}

/// [`check_backup`] of a backup that may be encrypted: `key` opens it.
pub fn check_backup_keyed(from: &Path, key: Option<&Passphrase>) -> Result<i64> {
    let damaged = |e: rusqlite::Error| migrate::classify(from, e);
    let conn = crypt::open_read_only(from, key)?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(damaged)?;
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotDossier {
            path: from.to_path_buf(),
        });
    }
    migrate::check_identity(&conn, from)?;
    let problems = integrity(&conn).map_err(|e| match e {
        StoreError::Other(err) => StoreError::Damaged {
            path: from.to_path_buf(),
            detail: format!("{err:#}"),
        },
        other => other,
    })?;
    if !problems.is_empty() {
        return Err(StoreError::Damaged {
            path: from.to_path_buf(),
            detail: problems.join("; "),
        });
    }
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Replaces the database at `db` with the backup `from`, after checking the backup (integrity,
/// Dossier's application id, a schema this program knows). Refused while another Dossier holds
/// the database. The replaced database is kept in the backups folder first.
pub fn restore(db: &Path, from: &Path, now: chrono::NaiveDateTime) -> Result<Restored> {
    restore_with(db, from, now, &mut |_| Ok(()))
}

/// [`restore`] of a backup that may be encrypted: `key` opens it, and the restored database keeps
/// its encryption and passphrase.
pub fn restore_keyed(
    db: &Path,
    from: &Path,
    now: chrono::NaiveDateTime,
    key: Option<&Passphrase>,
) -> Result<Restored> {
    restore_inner(db, from, now, key, &mut |_| Ok(()))
}

/// [`restore`] with a hook called after each step; an error from it stops the restore there,
/// as a crash or a full disk would. Tests use it to prove that every stop leaves either the old
/// database or the restored one whole, and the old one always kept.
#[doc(hidden)]
pub fn restore_with(
    db: &Path,
    from: &Path,
    now: chrono::NaiveDateTime,
    fault: &mut dyn FnMut(RestoreStep) -> std::io::Result<()>,
) -> Result<Restored> {
    restore_inner(db, from, now, None, fault)
}

fn restore_inner(
    db: &Path,
    from: &Path,
    now: chrono::NaiveDateTime,
    key: Option<&Passphrase>,
    fault: &mut dyn FnMut(RestoreStep) -> std::io::Result<()>,
) -> Result<Restored> {
    let io = |e: std::io::Error| StoreError::Other(anyhow::anyhow!("restore stopped: {e}"));
    if same_file(db, from) {
        return Err(StoreError::Other(anyhow::anyhow!(
            "{} is the database itself; name a backup file",
            from.display()
        )));
    }
    let schema_version = check_backup_keyed(from, key)?;
    if let Some(dir) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let _lock = lock::Lock::acquire(db)?;

    let incoming = with_suffix(db, ".restoring");
    let _ = std::fs::remove_file(&incoming);
    let source = crypt::open_read_only(from, key)?;
    copy_database(&source, &incoming, key)?;
    drop(source);
    let cleanup = |r: Result<Restored>| {
        if r.is_err() {
            let _ = std::fs::remove_file(&incoming);
        }
        r
    };
    cleanup((|| {
        fault(RestoreStep::Copied).map_err(io)?;
        let kept = keep_replaced(db, now)?;
        fault(RestoreStep::Kept).map_err(io)?;
        // The old WAL must not meet the new file: SQLite would replay its pages into it.
        for companion in ["-wal", "-shm"] {
            let p = with_suffix(db, companion);
            if p.exists() {
                std::fs::remove_file(&p).map_err(io)?;
            }
        }
        fault(RestoreStep::Swapping).map_err(io)?;
        std::fs::rename(&incoming, db).map_err(io)?;
        sync_dir(db);
        Ok(Restored {
            kept,
            schema_version,
        })
    })())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Puts a copy of the database about to be replaced in the backups folder. A sound file is folded
/// with its WAL into one file through SQLite; a damaged one (the usual reason to restore) is
/// copied byte for byte with its WAL, so nothing of it is lost either way.
fn keep_replaced(db: &Path, now: chrono::NaiveDateTime) -> Result<Option<PathBuf>> {
    if !db.exists() {
        return Ok(None);
    }
    let dir = backups_dir(db);
    create_private_dir(&dir)?;
    let name = format!(
        "{}-before-restore-{}.db",
        stem(db),
        now.format("%Y-%m-%d-%H%M%S")
    );
    let dest = crate::config::free_path(&dir, name.trim_end_matches(".db"), "db");
    let through_sqlite = migrate::check_header(db).is_ok()
        && Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(StoreError::from)
            .and_then(|c| {
                if integrity(&c)?.is_empty() {
                    copy_database(&c, &dest, None)
                } else {
                    Err(StoreError::Other(anyhow::anyhow!("damaged")))
                }
            })
            .is_ok();
    if !through_sqlite {
        copy_private(db, &dest)?;
        let wal = with_suffix(db, "-wal");
        if wal.exists() {
            copy_private(&wal, &with_suffix(&dest, "-wal"))?;
        }
    }
    Ok(Some(dest))
}

fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let input = std::fs::File::open(from)
        .map_err(|e| StoreError::Other(anyhow::anyhow!("cannot read {}: {e}", from.display())))?;
    let dir = to.parent().unwrap_or(Path::new("."));
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::files::store_in(dir, &name, input)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dated_backups_of_this_database_rotate() {
        let db = Path::new("/x/dossier.db");
        assert!(is_daily(db, "dossier-2026-11-23.db"));
        assert!(!is_daily(db, "dossier-before-restore-2026-11-23-101010.db"));
        assert!(!is_daily(db, "dossier-2026-11-23.db.partial"));
        assert!(!is_daily(db, "other-2026-11-23.db"));
        assert!(!is_daily(db, "dossier-2026-13-23.db"));
        assert_eq!(
            daily_name(db, NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
            "dossier-2026-01-02.db"
        );
        assert_eq!(backups_dir(db), Path::new("/x/dossier-backups"));
    }
}
