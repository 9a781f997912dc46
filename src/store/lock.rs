//! The single-writer lock: a `<db>.lock` file held with an OS lock and naming its holder.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{Result, StoreError};

/// Who holds the database, as written into the lock file by the holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder(pub String);

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.trim().is_empty() {
            write!(f, "another Dossier")
        } else {
            write!(f, "{}", self.0.trim())
        }
    }
}

pub(super) struct Lock {
    _file: File,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".lock");
    PathBuf::from(p)
}

impl Lock {
    pub(super) fn acquire(db: &Path) -> Result<Lock> {
        let path = lock_path(db);
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut file = opts.open(&path).map_err(|e| {
            StoreError::Other(anyhow::anyhow!(
                "cannot create the lock file {}: {e}",
                path.display()
            ))
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(StoreError::Locked {
                    path: db.to_path_buf(),
                    holder: LockHolder(holder),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(StoreError::Other(anyhow::anyhow!(
                    "cannot lock {}: {e}",
                    path.display()
                )));
            }
        }
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default();
        let since = chrono::Local::now().format("%d/%m/%Y %H:%M");
        let me = format!(
            "process {} (user {user}, since {since})",
            std::process::id()
        );
        // Best effort: the OS lock is what protects; the text only tells the next one who holds it.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = file.write_all(me.as_bytes());
        let _ = file.flush();
        Ok(Lock { _file: file })
    }
}
