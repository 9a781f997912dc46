//! Schema identity and versions: refuse foreign, damaged or newer files before writing; migrate in order.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use super::{APPLICATION_ID, Result, StoreError};

/// Ordered migrations; version N is reached by applying the first N. Never edit a released one.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_leave.sql"),
    include_str!("migrations/003_today.sql"),
    include_str!("migrations/004_checklists.sql"),
    include_str!("migrations/005_documents.sql"),
    include_str!("migrations/006_payroll.sql"),
    include_str!("migrations/007_recruitment.sql"),
    include_str!("migrations/008_training.sql"),
    include_str!("migrations/009_privacy.sql"),
    include_str!("migrations/010_staff_words.sql"),
    include_str!("migrations/011_confidential.sql"),
    include_str!("migrations/012_training_more.sql"),
    include_str!("migrations/013_perf.sql"),
    include_str!("migrations/014_span_index.sql"),
    include_str!("migrations/015_training_eval.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Looks at the first bytes before SQLite does: an empty or non-SQLite file is refused untouched.
pub(super) fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 16];
    let mut f = std::fs::File::open(path)
        .map_err(|e| StoreError::Other(anyhow::anyhow!("cannot read {}: {e}", path.display())))?;
    let n = f.read(&mut header).unwrap_or(0);
    if n < 16 || &header != b"SQLite format 3\0" {
        if super::crypt::looks_encrypted(path) {
            return Err(StoreError::Encrypted {
                path: path.to_path_buf(),
            });
        }
        return Err(StoreError::NotDossier {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Maps SQLite's "corrupt"/"not a database" to a clear damaged-file error; anything else keeps its text.
pub(super) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        _ => {
            StoreError::Other(anyhow::Error::new(e).context(format!("opening {}", path.display())))
        }
    }
}

/// A file is ours if it carries our application id, or if it is a brand-new empty database.
pub(super) fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let fresh = app_id == 0 && version == 0 && objects == 0;
    if app_id != APPLICATION_ID && !fresh {
        return Err(StoreError::NotDossier {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

pub(super) fn set_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if fk != 1 {
        return Err(rusqlite::Error::InvalidQuery);
    }
    Ok(())
}

/// Applies the missing migrations, each in its own transaction with its version bump.
pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION).map_err(|e| match e {
        StoreError::Other(err) => {
            StoreError::Other(err.context(format!("migrating {}", path.display())))
        }
        other => other,
    })
}

pub(super) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    Ok(())
}

/// Read-only opens cannot migrate: the file must already be at this program's version.
/// An older schema this program can upgrade.
pub(super) fn needs_upgrade(conn: &Connection) -> Result<bool> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(version < SCHEMA_VERSION)
}

pub(super) fn require_current(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < SCHEMA_VERSION {
        return Err(StoreError::Other(anyhow::anyhow!(
            "{} is at schema {version}; open it once with Dossier to upgrade it to {SCHEMA_VERSION}",
            path.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT type || ' ' || name FROM sqlite_schema ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn every_earlier_version_migrates_to_the_same_schema_as_a_fresh_file() {
        let mut fresh = Connection::open_in_memory().unwrap();
        migrate_to(&mut fresh, SCHEMA_VERSION).unwrap();
        let want = schema(&fresh);
        for start in 0..SCHEMA_VERSION {
            let mut c = Connection::open_in_memory().unwrap();
            migrate_to(&mut c, start).unwrap();
            migrate_to(&mut c, SCHEMA_VERSION).unwrap();
            assert_eq!(schema(&c), want, "from version {start}");
            let v: i64 = c
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(v, SCHEMA_VERSION);
        }
    }

    #[test]
    fn a_failing_migration_leaves_the_version_unchanged() {
        let mut c = Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE employees (x)").unwrap();
        assert!(migrate_to(&mut c, SCHEMA_VERSION).is_err());
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 0);
        assert_eq!(schema(&c), vec!["table employees".to_string()]);
    }
}
