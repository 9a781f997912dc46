//! Encryption at rest (SQLCipher, cargo feature `encryption`): recognising an encrypted file,
//! opening it with its passphrase, and converting a database between plain and encrypted.

mod convert;
#[cfg(all(test, feature = "encryption"))]
mod tests;

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use super::{Result, StoreError, migrate};

pub use convert::{Converted, decrypt, encrypt, rekey};

/// Whether this build can open encrypted databases (built with `--features encryption`).
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// A database passphrase. Kept out of `Debug` output so it never lands in a log or a panic message.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Passphrase(text.into())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Drop for Passphrase {
    // Best effort: the bytes do not linger in freed memory (copies made by SQLCipher are its own).
    fn drop(&mut self) {
        let mut bytes = std::mem::take(&mut self.0).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }
}

/// Whether `path` looks like an SQLCipher database: no plain SQLite header, a whole number of
/// pages, and a first 16 bytes (SQLCipher's random salt) that are not text. A text file, an empty
/// or a truncated file is therefore not taken for an encrypted one.
pub fn looks_encrypted(path: &Path) -> bool {
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut salt = [0u8; 16];
    if len < 512 || len % 512 != 0 || f.read_exact(&mut salt).is_err() {
        return false;
    }
    let text = |b: &u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    &salt != b"SQLite format 3\0" && !salt.iter().all(text)
}

/// Gives `conn` the key of the encrypted file `path` and proves it by reading the schema: SQLCipher
/// accepts any key and only the first read tells a wrong one. Nothing is written either way.
pub(super) fn apply_key(conn: &Connection, path: &Path, key: &Passphrase) -> Result<()> {
    if !AVAILABLE {
        return Err(StoreError::Encrypted {
            path: path.to_path_buf(),
        });
    }
    // SQLCipher logs a failed page check to stderr, which would tear the TUI's screen and repeat
    // in the CLI what the refusal below says in the user's language.
    conn.pragma_update(None, "cipher_log_level", "NONE")
        .map_err(|e| migrate::classify(path, e))?;
    conn.pragma_update(None, "key", key.expose())
        .map_err(|e| migrate::classify(path, e))?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(StoreError::WrongPassphrase {
                path: path.to_path_buf(),
            })
        }
        Err(e) => Err(migrate::classify(path, e)),
    }
}

/// Opens `path` read-only with `key` when the file is encrypted (a key for a plain file is not
/// needed and not used), refusing an encrypted file without one.
pub(super) fn open_read_only(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    let encrypted = looks_encrypted(path);
    if !encrypted {
        migrate::check_header(path)?;
    }
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| migrate::classify(path, e))?;
    if encrypted {
        match key {
            Some(key) => apply_key(&conn, path, key)?,
            None => {
                return Err(StoreError::Encrypted {
                    path: path.to_path_buf(),
                });
            }
        }
    }
    Ok(conn)
}
