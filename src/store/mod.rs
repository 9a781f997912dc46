//! The only module that knows SQL: opens the one SQLite file safely and hands out repositories.

mod audit;
mod backup;
mod checklists;
mod confidential;
mod crypt;
mod dimona;
mod documents;
mod employees;
mod fault;
mod files;
mod leave;
mod lock;
mod migrate;
mod payroll;
mod privacy;
mod records;
pub mod recruitment;
mod reports;
mod rows;
mod seed;
mod seed_checklists;
mod seed_history;
mod seed_leave;
mod seed_payroll;
mod seed_training;
mod settings;
mod today;
mod training;
mod version;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use audit::{AuditEntry, AuditRepo, ChainReport};
pub use backup::{
    BACKUP_SETTINGS, BackupSettings, CheckReport, RestoreStep, Restored, backups_dir, check_backup,
    check_backup_keyed, restore, restore_keyed, restore_with,
};
pub use checklists::{ChecklistRepo, DueTask};
pub use confidential::{ConfidentialFile, ConfidentialRepo, Unlocked};
pub use crypt::{
    AVAILABLE as ENCRYPTION_AVAILABLE, Converted, Passphrase, decrypt, encrypt, looks_encrypted,
    rekey,
};
pub use dimona::{DimonaGap, DimonaRepo};
pub use documents::{DocumentRepo, GeneratedDocument};
pub use employees::{
    Dossier, EmployeeRepo, EmployeeRow, ImportError, ListQuery, PageCursor, SortColumn,
};
pub use files::create_private_dir;
pub use leave::{
    AllocationLine, LEAVE_RULES, LeaveRepo, REST_DAYS, RebookedRequest, RestDays, ScheduleChange,
    YearEndLine, buckets_for,
};
pub use lock::LockHolder;
pub use migrate::SCHEMA_VERSION;
pub use payroll::{
    Emit, ExportCount, ExportPlan, MonthFacts, PAYROLL, PayRow, PayrollRepo, Person,
};
pub use privacy::{EraseError, Erasure, PersonalFile, PersonalTable, PrivacyRepo, personal_tables};
pub use records::{RecordRepo, RemovableRecord};
pub use recruitment::RecruitmentRepo;
pub use reports::ReportRepo;
pub use settings::{KNOWN as KNOWN_SETTINGS, KnownSetting, SettingsRepo};
pub use today::{TODAY_SETTINGS, TodayRepo};
pub use training::FollowUpDue;
pub use training::{
    CertificateDue, EnrolmentRow, Evaluation, MarkResult, MissingCertificate, Need, NeedInput,
    PlanLine, RightLine, SessionRow, TRAINING_SETTINGS, TalkDue, TrainingRepo, TrainingRequest,
};
pub use version::DataVersion;

use crate::clock::Clock;
use crate::domain::error::ValidationErrors;

/// Marks a SQLite file as Dossier's ("DOSS"), so a foreign database is never migrated.
pub const APPLICATION_ID: i32 = 0x444F_5353;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Input the rules refuse (also constraint violations mapped back to a field).
    #[error("invalid input: {0}")]
    Invalid(ValidationErrors),
    #[error("{0} not found")]
    NotFound(String),
    #[error("{path} is in use by {holder}", path = path.display())]
    Locked { path: PathBuf, holder: LockHolder },
    #[error("{path} is not a Dossier database; it was left untouched", path = path.display())]
    NotDossier { path: PathBuf },
    #[error(
        "{path} was written by a newer Dossier (schema {found}, this program knows {known}); it was left untouched: update Dossier",
        path = path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} is damaged ({detail}). Restore it from a backup (dossier restore FILE); the file was left as it is",
        path = path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(transparent)]
    Other(#[from] anyhow::Error),
    /// An SQLCipher file opened without its passphrase, or by a build without encryption.
    #[error("{path} is encrypted; open it with its passphrase (DOSSIER_PASSPHRASE), in a Dossier built with encryption; it was left untouched", path = path.display())]
    Encrypted { path: PathBuf },
    #[error("wrong passphrase for {path}; the file was left untouched", path = path.display())]
    WrongPassphrase { path: PathBuf },
    #[error("this Dossier was built without encryption (cargo build --features encryption)")]
    EncryptionUnavailable,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Other(anyhow::Error::new(e))
    }
}

impl From<ValidationErrors> for StoreError {
    fn from(e: ValidationErrors) -> Self {
        StoreError::Invalid(e)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether this process may write. Readers take no lock: WAL lets them read while the TUI writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    files_dir: PathBuf,
    clock: Clock,
    // Held for the life of the store; dropping it releases the single-writer lock.
    _lock: Option<lock::Lock>,
    // The passphrase of an encrypted file: backups are verified with it.
    key: Option<Passphrase>,
}

impl Store {
    /// Opens (or creates) the database at `path`. Refuses, without writing anything, a file that is
    /// not Dossier's, is damaged, or comes from a newer version; refuses a second writer.
    pub fn open(path: &Path, access: Access, clock: Clock) -> Result<Store> {
        Store::open_keyed(path, access, clock, None)
    }

    /// [`Store::open`] of a file that may be encrypted: `key` opens an encrypted file (a wrong one
    /// is refused and nothing is written); a plain file opens without it and ignores it.
    pub fn open_keyed(
        path: &Path,
        access: Access,
        clock: Clock,
        key: Option<&Passphrase>,
    ) -> Result<Store> {
        let existed = path.exists();
        let key = key.filter(|_| existed && crypt::looks_encrypted(path));
        if access == Access::ReadOnly && !existed {
            return Err(StoreError::Other(anyhow::anyhow!(
                "{} does not exist yet: run `dossier init` or open Dossier once to create it",
                path.display()
            )));
        }
        if existed {
            // An encrypted file has no readable header; the key proves it below instead.
            if key.is_none() {
                migrate::check_header(path)?;
            }
        } else {
            files::create_private_file(path)?;
        }
        let lock = match access {
            Access::ReadWrite => Some(lock::Lock::acquire(path)?),
            Access::ReadOnly => None,
        };
        let flags = match access {
            Access::ReadWrite => {
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
            Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        };
        let damaged = |e: rusqlite::Error| migrate::classify(path, e);
        let mut conn = Connection::open_with_flags(path, flags).map_err(damaged)?;
        if let Some(key) = key {
            crypt::apply_key(&conn, path, key)?;
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(damaged)?;
        // Whole-company loops (allocation, payroll) run a few dozen statements per person: a cache
        // smaller than that re-parses each of them every time.
        conn.set_prepared_statement_cache_capacity(128);
        migrate::check_identity(&conn, path)?;
        if access == Access::ReadOnly && migrate::needs_upgrade(&conn)? {
            // After an update, the first command may be a read-only one: upgrade the file once
            // (taking the writer's lock, so never under a running Dossier) and read on.
            drop(conn);
            drop(Store::open_keyed(path, Access::ReadWrite, clock, key)?);
            return Store::open_keyed(path, Access::ReadOnly, clock, key);
        }
        if access == Access::ReadWrite {
            migrate::set_pragmas(&conn).map_err(damaged)?;
            migrate::migrate(&mut conn, path)?;
        } else {
            conn.pragma_update(None, "foreign_keys", "ON")
                .map_err(damaged)?;
            conn.pragma_update(None, "trusted_schema", "OFF")
                .map_err(damaged)?;
            migrate::require_current(&conn, path)?;
        }
        let files_dir = files::files_dir_for(path);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            files_dir,
            clock,
            _lock: lock,
            key: key.cloned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub fn employees(&self) -> EmployeeRepo<'_> {
        EmployeeRepo { store: self }
    }

    pub fn records(&self) -> RecordRepo<'_> {
        RecordRepo { store: self }
    }

    pub fn audit(&self) -> AuditRepo<'_> {
        AuditRepo { store: self }
    }

    pub fn leave(&self) -> LeaveRepo<'_> {
        LeaveRepo { store: self }
    }

    pub fn reports(&self) -> ReportRepo<'_> {
        ReportRepo { store: self }
    }

    pub fn settings(&self) -> SettingsRepo<'_> {
        SettingsRepo { store: self }
    }

    pub fn today(&self) -> TodayRepo<'_> {
        TodayRepo { store: self }
    }

    pub fn dimona(&self) -> DimonaRepo<'_> {
        DimonaRepo { store: self }
    }

    pub fn checklists(&self) -> ChecklistRepo<'_> {
        ChecklistRepo { store: self }
    }

    /// Letters and documents generated from templates.
    pub fn documents(&self) -> DocumentRepo<'_> {
        DocumentRepo { store: self }
    }

    pub fn payroll(&self) -> PayrollRepo<'_> {
        PayrollRepo { store: self }
    }

    pub fn recruitment(&self) -> RecruitmentRepo<'_> {
        RecruitmentRepo { store: self }
    }

    /// Training and development: catalogue, sessions, records, certificates, needs, talks.
    pub fn training(&self) -> TrainingRepo<'_> {
        TrainingRepo { store: self }
    }

    /// GDPR requests: export everything about a person, erase a former employee.
    pub fn privacy(&self) -> PrivacyRepo<'_> {
        PrivacyRepo { store: self }
    }

    /// Disciplinary measures, grievances and medical notes, behind the PIN.
    pub fn confidential(&self) -> ConfidentialRepo<'_> {
        ConfidentialRepo { store: self }
    }

    /// Where exports go when no file is named (the payroll hand-over from the TUI): beside the
    /// database, `dossier.db` → `dossier-exports/`.
    pub fn exports_dir(&self) -> PathBuf {
        crate::config::exports_dir(&self.path)
    }

    /// Runs `f` in one IMMEDIATE transaction: every write and its audit rows commit together or not at all.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.write_if(f, |_| true)
    }

    /// Like [`Self::write`], but commits only when `keep` approves what `f` returned; otherwise
    /// everything `f` wrote is rolled back. An import writes row after row, so each row meets the
    /// ones above it exactly as a single entry would, and is then kept whole or not at all.
    pub(crate) fn write_if<T>(
        &self,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
        keep: impl FnOnce(&T) -> bool,
    ) -> Result<T> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let wrapped = Tx {
            conn: &tx,
            now: self.clock.now(),
        };
        let out = f(&wrapped)?;
        if keep(&out) {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        Ok(out)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The schema version this file is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Rows per table, for `dossier check` and the privacy tests.
    pub fn table_names(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
        )?;
        let names = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(names)
    }
}

/// A write transaction with the audit writer at hand.
pub(crate) struct Tx<'a> {
    pub conn: &'a Connection,
    pub now: chrono::NaiveDateTime,
}

impl Store {
    /// Whether the file is encrypted with a passphrase (SQLCipher).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }
}
