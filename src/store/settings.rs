//! Company settings as JSON values under a key (leave rules, company calendar policy…). Missing keys
//! read as the type's default, so a new setting needs no migration.

use rusqlite::{OptionalExtension, params};
use serde::{Serialize, de::DeserializeOwned};

use super::{Result, Store, StoreError};
use crate::domain::error::{FieldError, ValidationErrors};

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

/// A setting the user may read and change by name (`dossier settings KEY field=value`): its key,
/// the i18n key of what it governs, and its type's reader and writer behind JSON, so a value of
/// the wrong shape is refused by the same type the program reads it as.
#[derive(Debug)]
pub struct KnownSetting {
    pub key: &'static str,
    pub about: &'static str,
    read: fn(&Store, &str) -> Result<serde_json::Value>,
    write: fn(&Store, &'static str, serde_json::Value) -> Result<()>,
    check: fn(serde_json::Value) -> std::result::Result<(), String>,
    field_order: fn() -> Vec<String>,
}

impl KnownSetting {
    /// The current value (the default when never set).
    pub fn read(&self, store: &Store) -> Result<serde_json::Value> {
        (self.read)(store, self.key)
    }

    /// Replaces the value, audited; refused with the type's complaint when it does not fit.
    pub fn write(&self, store: &Store, value: serde_json::Value) -> Result<()> {
        (self.write)(store, self.key, value)
    }

    /// The value's fields in the order its type declares them (a JSON object forgets it), so a
    /// form lists them as the code groups them; empty for a value that is not a set of fields.
    pub fn field_order(&self) -> Vec<String> {
        (self.field_order)()
    }

    /// Whether the setting's type accepts `value`, without writing; the type's complaint if not.
    pub fn check(&self, value: serde_json::Value) -> std::result::Result<(), String> {
        (self.check)(value)
    }
}

const fn known<T: Serialize + DeserializeOwned + Default>(
    key: &'static str,
    about: &'static str,
) -> KnownSetting {
    KnownSetting {
        key,
        about,
        read: read_as::<T>,
        write: write_as::<T>,
        check: check_as::<T>,
        field_order: field_order_of::<T>,
    }
}

fn field_order_of<T: Serialize + Default>() -> Vec<String> {
    /// The keys of a JSON object, in the order they are written.
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Keys, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a JSON value")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> std::result::Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((k, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> std::result::Result<Keys, A::Error> {
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    Ok(Keys(Vec::new()))
                }
            }
            d.deserialize_any(Visit)
        }
    }
    serde_json::to_string(&T::default())
        .ok()
        .and_then(|text| serde_json::from_str::<Keys>(&text).ok())
        .map(|k| k.0)
        .unwrap_or_default()
}

fn check_as<T: DeserializeOwned>(value: serde_json::Value) -> std::result::Result<(), String> {
    serde_json::from_value::<T>(value)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn read_as<T: Serialize + DeserializeOwned + Default>(
    store: &Store,
    key: &str,
) -> Result<serde_json::Value> {
    let value: T = store.settings().get(key)?;
    Ok(serde_json::to_value(value).map_err(anyhow::Error::new)?)
}

fn write_as<T: Serialize + DeserializeOwned + Default>(
    store: &Store,
    key: &'static str,
    value: serde_json::Value,
) -> Result<()> {
    let typed: T = serde_json::from_value(value).map_err(|e| {
        StoreError::Invalid(ValidationErrors(vec![
            FieldError::new("setting", "err.setting_shape")
                .arg("key", key)
                .arg("detail", e.to_string()),
        ]))
    })?;
    store.settings().set(key, &typed)
}

/// Every setting a user may change by name. The company's details have their own command
/// (`dossier company`), with a check per field.
pub const KNOWN: &[KnownSetting] = &[
    known::<crate::domain::today::TodaySettings>(
        super::today::TODAY_SETTINGS,
        "settings.about_today",
    ),
    known::<crate::domain::leave::rules::LeaveRules>(
        super::leave::LEAVE_RULES,
        "settings.about_leave_rules",
    ),
    known::<super::leave::RestDays>(super::leave::REST_DAYS, "settings.about_rest_days"),
    known::<crate::domain::recruitment::stage::Pipeline>(
        super::recruitment::PIPELINE_KEY,
        "settings.about_pipeline",
    ),
    known::<crate::domain::recruitment::stage::RejectionReasons>(
        super::recruitment::REASONS_KEY,
        "settings.about_rejection_reasons",
    ),
    known::<crate::domain::recruitment::retention::RetentionPolicy>(
        super::recruitment::RETENTION_KEY,
        "settings.about_candidate_retention",
    ),
    known::<crate::domain::training::TrainingSettings>(
        super::training::TRAINING_SETTINGS,
        "settings.about_training",
    ),
    known::<crate::domain::privacy::RetentionSettings>(
        crate::domain::privacy::RETENTION_SETTINGS,
        "settings.about_retention",
    ),
    known::<super::backup::BackupSettings>(super::backup::BACKUP_SETTINGS, "settings.about_backup"),
    known::<crate::domain::payroll::settings::PayrollSettings>(
        super::payroll::PAYROLL,
        "settings.about_payroll",
    ),
];
