//! The audit log: one row per change, written in the change's own transaction and hash-chained.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Result, Store, Tx};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: NaiveDateTime,
    pub entity: String,
    pub entity_id: i64,
    pub employee_id: Option<i64>,
    pub action: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

impl AuditEntry {
    /// Field names whose value differs between old and new (for a one-line summary).
    pub fn changed_fields(&self) -> Vec<String> {
        match (&self.old, &self.new) {
            (Some(Value::Object(o)), Some(Value::Object(n))) => n
                .iter()
                .filter(|(k, v)| o.get(*k) != Some(v))
                .map(|(k, _)| k.clone())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Hash over the previous hash and every part of the row, each length-prefixed so parts cannot run together.
fn chain_hash(prev: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in std::iter::once(prev).chain(parts.iter().copied()) {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// 16 random bytes as hex, from the operating system: the salt of a payload digest must not be
/// guessable, or the digest of an erased payload could be tested against guesses.
pub(super) fn salt() -> String {
    let mut bytes = [0u8; 16];
    let from_os = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
        .is_ok();
    if !from_os {
        // Where there is no /dev/urandom: fastrand is seeded from the OS's hasher keys.
        fastrand::fill(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of a row's payload that the chain covers (second form, see migration 009).
fn payload_digest(salt: &str, old: &str, new: &str) -> String {
    chain_hash("", &[salt, old, new])
}

impl Tx<'_> {
    /// Appends an audit row in this transaction. `old`/`new` are the record before and after.
    pub fn audit<O: Serialize, N: Serialize>(
        &self,
        entity: &str,
        entity_id: i64,
        employee_id: Option<i64>,
        action: &str,
        old: Option<&O>,
        new: Option<&N>,
    ) -> Result<()> {
        self.append_audit(entity, entity_id, employee_id, action, old, new, true)
    }

    /// Like [`Self::audit`] for a confidential record: the row keeps the salted digest of the
    /// payload (so the chain covers it, and a copy of the record can later be checked against it)
    /// but never the payload itself; it is written as already redacted.
    pub fn audit_sealed<O: Serialize, N: Serialize>(
        &self,
        entity: &str,
        entity_id: i64,
        employee_id: Option<i64>,
        action: &str,
        old: Option<&O>,
        new: Option<&N>,
    ) -> Result<()> {
        self.append_audit(entity, entity_id, employee_id, action, old, new, false)
    }

    #[allow(clippy::too_many_arguments)]
    fn append_audit<O: Serialize, N: Serialize>(
        &self,
        entity: &str,
        entity_id: i64,
        employee_id: Option<i64>,
        action: &str,
        old: Option<&O>,
        new: Option<&N>,
        keep_payload: bool,
    ) -> Result<()> {
        let prev: String = self
            .conn
            .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or_default();
        let at = self.now.format("%Y-%m-%dT%H:%M:%S").to_string();
        let old = old
            .map(serde_json::to_string)
            .transpose()
            .map_err(anyhow::Error::new)?;
        let new = new
            .map(serde_json::to_string)
            .transpose()
            .map_err(anyhow::Error::new)?;
        let salt = salt();
        let digest = payload_digest(
            &salt,
            old.as_deref().unwrap_or(""),
            new.as_deref().unwrap_or(""),
        );
        let hash = chain_hash(
            &prev,
            &[
                &at,
                entity,
                &entity_id.to_string(),
                &employee_id.map(|e| e.to_string()).unwrap_or_default(),
                action,
                &digest,
            ],
        );
        let (old, new) = if keep_payload {
            (old, new)
        } else {
            (None, None)
        };
        self.conn.execute(
            "INSERT INTO audit (at, entity, entity_id, employee_id, action, old, new, prev_hash, hash, salt, digest, redacted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![at, entity, entity_id, employee_id, action, old, new, prev, hash, salt, digest, !keep_payload],
        )?;
        Ok(())
    }
}

/// Result of walking the chain: how many rows, and the first one that does not fit (edited, or a row removed before it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    pub rows: u64,
    pub broken_at: Option<i64>,
}

pub struct AuditRepo<'a> {
    pub(super) store: &'a Store,
}

impl AuditRepo<'_> {
    /// The newest changes about one employee first (not those of the confidential area).
    pub fn for_employee(&self, employee_id: i64, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, at, entity, entity_id, employee_id, action, old, new FROM audit
             WHERE employee_id = ?1 AND entity NOT IN (SELECT value FROM json_each(?3))
             ORDER BY id DESC LIMIT ?2",
        )?;
        // The confidential area's changes stay out of the history anyone at the dossier sees.
        let hidden = serde_json::to_string(crate::domain::confidential::CONFIDENTIAL_ENTITIES)
            .map_err(anyhow::Error::new)?;
        let rows = st
            .query_map(params![employee_id, limit as i64, hidden], |r| {
                let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
                let at: String = r.get(1)?;
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S").unwrap_or_default(),
                    entity: r.get(2)?,
                    entity_id: r.get(3)?,
                    employee_id: r.get(4)?,
                    action: r.get(5)?,
                    old: parse(r.get(6)?),
                    new: parse(r.get(7)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Recomputes every hash in order; an edited row or a removed one breaks the chain at that point.
    pub fn verify(&self) -> Result<ChainReport> {
        let mut st = self.store.conn().prepare(
            "SELECT id, at, entity, entity_id, employee_id, action, coalesce(old, ''), coalesce(new, ''), prev_hash, hash,
                    salt, digest, redacted
             FROM audit ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        let mut prev = String::new();
        let mut count = 0u64;
        while let Some(r) = rows.next()? {
            count += 1;
            let id: i64 = r.get(0)?;
            let stored_prev: String = r.get(8)?;
            let stored: String = r.get(9)?;
            let entity_id: i64 = r.get(3)?;
            let employee_id: Option<i64> = r.get(4)?;
            let (old, new): (String, String) = (r.get(6)?, r.get(7)?);
            let salt: Option<String> = r.get(10)?;
            let digest: Option<String> = r.get(11)?;
            let redacted: bool = r.get(12)?;
            let head = [
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                entity_id.to_string(),
                employee_id.map(|e| e.to_string()).unwrap_or_default(),
                r.get::<_, String>(5)?,
            ];
            let fits = match (&digest, redacted) {
                // Second form: the payload must match its digest, unless it was erased.
                (Some(d), _) => {
                    let payload_ok =
                        redacted || payload_digest(salt.as_deref().unwrap_or(""), &old, &new) == *d;
                    let parts: Vec<&str> = head
                        .iter()
                        .map(String::as_str)
                        .chain([d.as_str()])
                        .collect();
                    payload_ok && chain_hash(&prev, &parts) == stored
                }
                // First form, erased: only its place in the chain can be checked.
                (None, true) => true,
                (None, false) => {
                    let parts: Vec<&str> = head
                        .iter()
                        .map(String::as_str)
                        .chain([old.as_str(), new.as_str()])
                        .collect();
                    chain_hash(&prev, &parts) == stored
                }
            };
            if stored_prev != prev || !fits {
                return Ok(ChainReport {
                    rows: count,
                    broken_at: Some(id),
                });
            }
            prev = stored;
        }
        Ok(ChainReport {
            rows: count,
            broken_at: None,
        })
    }
}
