//! Letters and documents generated from templates, as recorded in the dossier, and the company
//! settings their heading and signature come from.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::rows::{date, iso};
use super::{Result, SettingsRepo, Store, StoreError};
use crate::domain::company::{CompanyInput, CompanySettings};

/// One generated document: which template, in which language, where its files went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GeneratedDocument {
    pub id: i64,
    /// `None` for a letter to a candidate (no dossier yet).
    pub employee_id: Option<i64>,
    pub template: String,
    pub language: String,
    pub markdown_path: Option<String>,
    pub html_path: Option<String>,
    /// The addressee when it is not the employee (a candidate's name).
    pub recipient: String,
    pub generated_on: NaiveDate,
}

pub struct DocumentRepo<'a> {
    pub(super) store: &'a Store,
}

const COLUMNS: &str =
    "id, employee_id, template, language, markdown_path, html_path, recipient, generated_on";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<GeneratedDocument> {
    Ok(GeneratedDocument {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        template: r.get(2)?,
        language: r.get(3)?,
        markdown_path: r.get(4)?,
        html_path: r.get(5)?,
        recipient: r.get(6)?,
        generated_on: date(r.get(7)?).unwrap_or_default(),
    })
}

impl DocumentRepo<'_> {
    /// Records a document whose files were written; audited in the same transaction.
    pub fn record(&self, doc: &GeneratedDocument) -> Result<GeneratedDocument> {
        if let Some(id) = doc.employee_id {
            self.store.employees().get(id)?;
        }
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO generated_documents (employee_id, template, language, markdown_path,
                 html_path, recipient, generated_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    doc.employee_id,
                    doc.template,
                    doc.language,
                    doc.markdown_path,
                    doc.html_path,
                    doc.recipient,
                    iso(Some(doc.generated_on))
                ],
            )?;
            let saved = GeneratedDocument {
                id: tx.conn.last_insert_rowid(),
                ..doc.clone()
            };
            // A letter without a dossier goes to a candidate: the append-only audit keeps what was
            // made, never their name or the file names made from it (a purge could not erase them).
            let audited = match saved.employee_id {
                Some(_) => serde_json::to_value(&saved),
                None => serde_json::to_value(serde_json::json!({
                    "id": saved.id,
                    "template": saved.template,
                    "language": saved.language,
                    "generated_on": saved.generated_on,
                })),
            }
            .unwrap_or_default();
            tx.audit(
                "generated_document",
                saved.id,
                saved.employee_id,
                "create",
                None::<&()>,
                Some(&audited),
            )?;
            Ok(saved)
        })
    }

    /// The employee's generated documents, newest first.
    pub fn for_employee(&self, employee_id: i64) -> Result<Vec<GeneratedDocument>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM generated_documents WHERE employee_id = ?1
             ORDER BY generated_on DESC, id DESC"
        ))?;
        Ok(st
            .query_map([employee_id], row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Letters to people without a dossier (candidates), newest first.
    pub fn without_employee(&self, limit: u32) -> Result<Vec<GeneratedDocument>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM generated_documents WHERE employee_id IS NULL
             ORDER BY generated_on DESC, id DESC LIMIT ?1"
        ))?;
        Ok(st
            .query_map([limit], row)?
            .collect::<rusqlite::Result<_>>()?)
    }
}

impl SettingsRepo<'_> {
    pub fn company(&self) -> Result<CompanySettings> {
        self.get(CompanySettings::KEY)
    }

    /// Validates and stores the company settings (audited); refused input changes nothing.
    pub fn save_company(&self, input: &CompanyInput) -> Result<CompanySettings> {
        let settings = input.validate().map_err(StoreError::Invalid)?;
        self.set(CompanySettings::KEY, &settings)?;
        Ok(settings)
    }
}
