//! Company settings as JSON values under a key (leave rules, company calendar policy…). Missing keys
//! read as the type's default, so a new setting needs no migration.

use rusqlite::{OptionalExtension, params};
use serde::{Serialize, de::DeserializeOwned};

use super::{Result, Store, StoreError};

pub struct SettingsRepo<'a> {
    pub(super) store: &'a Store,
}

impl SettingsRepo<'_> {
    pub fn get<T: DeserializeOwned + Default>(&self, key: &str) -> Result<T> {
        let text: Option<String> = self
            .store
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        match text {
            None => Ok(T::default()),
            Some(t) => serde_json::from_str(&t).map_err(|e| {
                StoreError::Other(anyhow::anyhow!("setting {key} cannot be read: {e}"))
            }),
        }
    }

    /// Stores `value` under `key`, audited with the old and new values.
    pub fn set<T: Serialize + DeserializeOwned + Default>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<()> {
        let old: T = self.get(key)?;
        let text = serde_json::to_string(value).map_err(anyhow::Error::new)?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, text],
            )?;
            let id: i64 =
                tx.conn
                    .query_row("SELECT rowid FROM settings WHERE key = ?1", [key], |r| {
                        r.get(0)
                    })?;
            tx.audit("setting", id, None, "save", Some(&old), Some(value))
        })
    }
}
