//! The lists inside a dossier: contracts, emergency contacts, dependants, job changes, documents, notes.

use rusqlite::{OptionalExtension, params};

use super::rows::{self, CONTRACT_COLUMNS, iso};
use super::{Result, Store, StoreError, Tx, files};
use crate::domain::choice::Choice;
use crate::domain::contract::{Contract, ContractData, ContractInput};
use crate::domain::records::{
    ContactInput, Dependant, DependantInput, Document, DocumentInput, EmergencyContact, JobChange,
    JobChangeInput, Note, NoteInput, sanitize_file_name,
};

impl Tx<'_> {
    pub(super) fn insert_contract(&self, employee_id: i64, c: &ContractData) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO contracts (employee_id, kind, start_date, end_date, weekly_minutes, full_time_minutes,
             schedule, gross_monthly_cents, workplace, signed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                employee_id,
                c.kind.code(),
                iso(Some(c.start)),
                iso(c.end),
                c.weekly_minutes,
                c.full_time_minutes,
                c.schedule,
                c.gross_monthly_cents,
                c.workplace,
                iso(c.signed_on)
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.audit(
            "contract",
            id,
            Some(employee_id),
            "create",
            None::<&()>,
            Some(c),
        )?;
        Ok(id)
    }

    pub(super) fn insert_job_change(&self, employee_id: i64, j: &JobChange) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO job_changes (employee_id, effective, department, job_title, manager_id, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![employee_id, iso(Some(j.effective)), j.department, j.job_title, j.manager_id, j.note],
        )?;
        let id = self.conn.last_insert_rowid();
        self.audit(
            "job_change",
            id,
            Some(employee_id),
            "create",
            None::<&()>,
            Some(j),
        )?;
        Ok(id)
    }

    /// Row inserts without audit: the repository audits them, bulk loading audits the dossier once.
    pub(super) fn insert_contact(&self, employee_id: i64, c: &EmergencyContact) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO emergency_contacts (employee_id, name, relation, phone, email) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![employee_id, c.name, c.relation, c.phone, c.email],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub(super) fn insert_dependant(&self, employee_id: i64, d: &Dependant) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO dependants (employee_id, name, relation, birth_date, in_charge, disabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![employee_id, d.name, d.relation.code(), iso(d.birth_date), d.in_charge, d.disabled],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a document whose file is already in the files folder under `d.stored_name`.
    pub(super) fn insert_document(&self, employee_id: i64, d: &Document) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO documents (employee_id, kind, title, original_name, stored_name, dated, expires, added_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![employee_id, d.kind.code(), d.title, d.original_name, d.stored_name, iso(d.dated), iso(d.expires), iso(Some(d.added_on))],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub(super) fn insert_note(&self, employee_id: i64, n: &Note) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO notes (employee_id, written_on, author, confidential, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![employee_id, iso(Some(n.written_on)), n.author, n.confidential, n.text],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}

pub struct RecordRepo<'a> {
    pub(super) store: &'a Store,
}

impl RecordRepo<'_> {
    fn exists(&self, employee_id: i64) -> Result<()> {
        self.store.employees().get(employee_id).map(|_| ())
    }

    pub fn contracts(&self, employee_id: i64) -> Result<Vec<Contract>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {CONTRACT_COLUMNS} FROM contracts WHERE employee_id = ?1 ORDER BY start_date, id"
        ))?;
        Ok(st
            .query_map([employee_id], rows::contract)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_contract(&self, employee_id: i64, input: &ContractInput) -> Result<Contract> {
        self.exists(employee_id)?;
        let data = input.validate()?;
        self.store.write(|tx| {
            let id = tx.insert_contract(employee_id, &data)?;
            Ok(Contract {
                id,
                employee_id,
                data: data.clone(),
            })
        })
    }

    pub fn update_contract(&self, contract_id: i64, input: &ContractInput) -> Result<Contract> {
        let old = self
            .store
            .conn()
            .query_row(
                &format!("SELECT {CONTRACT_COLUMNS} FROM contracts WHERE id = ?1"),
                [contract_id],
                rows::contract,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("contract #{contract_id}")))?;
        let data = input.validate()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE contracts SET kind = ?2, start_date = ?3, end_date = ?4, weekly_minutes = ?5,
                 full_time_minutes = ?6, schedule = ?7, gross_monthly_cents = ?8, workplace = ?9, signed_on = ?10
                 WHERE id = ?1",
                params![
                    contract_id,
                    data.kind.code(),
                    iso(Some(data.start)),
                    iso(data.end),
                    data.weekly_minutes,
                    data.full_time_minutes,
                    data.schedule,
                    data.gross_monthly_cents,
                    data.workplace,
                    iso(data.signed_on)
                ],
            )?;
            tx.audit("contract", contract_id, Some(old.employee_id), "update", Some(&old.data), Some(&data))?;
            Ok(Contract { id: contract_id, employee_id: old.employee_id, data: data.clone() })
        })
    }

    pub fn contacts(&self, employee_id: i64) -> Result<Vec<EmergencyContact>> {
        let mut st = self
            .store
            .conn()
            .prepare_cached("SELECT id, name, relation, phone, email FROM emergency_contacts WHERE employee_id = ?1 ORDER BY id")?;
        Ok(st
            .query_map([employee_id], rows::contact)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_contact(&self, employee_id: i64, input: &ContactInput) -> Result<EmergencyContact> {
        self.exists(employee_id)?;
        let mut c = input.validate()?;
        self.store.write(|tx| {
            c.id = tx.insert_contact(employee_id, &c)?;
            tx.audit(
                "emergency_contact",
                c.id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&c),
            )?;
            Ok(c.clone())
        })
    }

    pub fn dependants(&self, employee_id: i64) -> Result<Vec<Dependant>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, name, relation, birth_date, in_charge, disabled FROM dependants WHERE employee_id = ?1 ORDER BY birth_date, id",
        )?;
        Ok(st
            .query_map([employee_id], rows::dependant)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_dependant(&self, employee_id: i64, input: &DependantInput) -> Result<Dependant> {
        self.exists(employee_id)?;
        let mut d = input.validate()?;
        self.store.write(|tx| {
            d.id = tx.insert_dependant(employee_id, &d)?;
            tx.audit(
                "dependant",
                d.id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&d),
            )?;
            Ok(d.clone())
        })
    }

    /// Removes an emergency contact or dependant entered by mistake (the audit row keeps what it was).
    pub fn remove(&self, kind: RemovableRecord, id: i64) -> Result<()> {
        let (table, entity) = match kind {
            RemovableRecord::Contact => ("emergency_contacts", "emergency_contact"),
            RemovableRecord::Dependant => ("dependants", "dependant"),
        };
        let employee_id: i64 = self
            .store
            .conn()
            .query_row(
                &format!("SELECT employee_id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("{entity} #{id}")))?;
        let old: serde_json::Value = match kind {
            RemovableRecord::Contact => {
                serde_json::to_value(self.contacts(employee_id)?.into_iter().find(|c| c.id == id))
            }
            RemovableRecord::Dependant => serde_json::to_value(
                self.dependants(employee_id)?
                    .into_iter()
                    .find(|c| c.id == id),
            ),
        }
        .map_err(anyhow::Error::new)?;
        self.store.write(|tx| {
            tx.conn
                .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            tx.audit(
                entity,
                id,
                Some(employee_id),
                "delete",
                Some(&old),
                None::<&()>,
            )
        })
    }

    pub fn job_changes(&self, employee_id: i64) -> Result<Vec<JobChange>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, effective, department, job_title, manager_id, note FROM job_changes WHERE employee_id = ?1 ORDER BY effective, id",
        )?;
        Ok(st
            .query_map([employee_id], rows::job_change)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Records a transfer or job change; when it is already in force it also becomes the current position.
    pub fn add_job_change(&self, employee_id: i64, input: &JobChangeInput) -> Result<JobChange> {
        let employees = self.store.employees();
        let employee = employees.get(employee_id)?;
        let manager_id = employees.manager_id(&input.manager)?;
        let mut j = input.validate(manager_id)?;
        if manager_id == Some(employee_id) {
            return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                vec![crate::domain::error::FieldError::new(
                    "manager",
                    "err.manager_self",
                )],
            )));
        }
        let latest = self
            .job_changes(employee_id)?
            .iter()
            .map(|c| c.effective)
            .max();
        let today = self.store.clock().today();
        self.store.write(|tx| {
            j.id = tx.insert_job_change(employee_id, &j)?;
            if j.effective <= today && latest.is_none_or(|l| j.effective >= l) {
                let mut data = employee.data.clone();
                data.department = j.department.clone();
                data.job_title = j.job_title.clone();
                data.manager_id = j.manager_id;
                tx.update_employee(employee_id, &data)?;
                tx.audit(
                    "employee",
                    employee_id,
                    Some(employee_id),
                    "update",
                    Some(&employee.data),
                    Some(&data),
                )?;
            }
            Ok(j.clone())
        })
    }

    pub fn documents(&self, employee_id: i64) -> Result<Vec<Document>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, kind, title, original_name, stored_name, dated, expires, added_on FROM documents
             WHERE employee_id = ?1 ORDER BY added_on DESC, id DESC",
        )?;
        Ok(st
            .query_map([employee_id], rows::document)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Copies the file into Dossier's own folder and records it; if the record cannot be written the copy is removed.
    pub fn add_document(&self, employee_id: i64, input: &DocumentInput) -> Result<Document> {
        self.exists(employee_id)?;
        let nd = input.validate()?;
        let source = std::path::PathBuf::from(shellish_path(&nd.path));
        if !source.is_file() {
            return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                vec![
                    crate::domain::error::FieldError::new("path", "err.file_missing")
                        .arg("value", nd.path.clone()),
                ],
            )));
        }
        let original = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let today = self.store.clock().today();
        let stamp = self.store.clock().now().format("%Y%m%d%H%M%S");
        let stored_name = format!("{employee_id}/{stamp}-{}", sanitize_file_name(&original));
        let copied = files::copy_in(&self.store.files_dir, &stored_name, &source)?;
        let result = self.store.write(|tx| {
            let mut doc = Document {
                id: 0,
                kind: nd.kind,
                title: nd.title.clone(),
                original_name: original.clone(),
                stored_name: stored_name.clone(),
                dated: nd.dated,
                expires: nd.expires,
                added_on: today,
            };
            doc.id = tx.insert_document(employee_id, &doc)?;
            tx.audit(
                "document",
                doc.id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&doc),
            )?;
            Ok(doc)
        });
        if result.is_err() {
            let _ = std::fs::remove_file(&copied);
        }
        result
    }

    /// Where a stored document is on disk (to open it with another program).
    pub fn document_path(&self, doc: &Document) -> std::path::PathBuf {
        self.store.files_dir.join(&doc.stored_name)
    }

    pub fn notes(&self, employee_id: i64) -> Result<Vec<Note>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, written_on, author, confidential, text FROM notes WHERE employee_id = ?1 ORDER BY written_on DESC, id DESC",
        )?;
        Ok(st
            .query_map([employee_id], rows::note)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_note(&self, employee_id: i64, input: &NoteInput) -> Result<Note> {
        self.exists(employee_id)?;
        let mut n = input.validate()?;
        self.store.write(|tx| {
            n.id = tx.insert_note(employee_id, &n)?;
            // A confidential note's text stays out of the audit trail; only that it was written is recorded.
            let shown = if n.confidential {
                Note {
                    text: String::new(),
                    ..n.clone()
                }
            } else {
                n.clone()
            };
            tx.audit(
                "note",
                n.id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&shown),
            )?;
            Ok(n.clone())
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovableRecord {
    Contact,
    Dependant,
}

/// Accepts a path as a terminal pastes it: quoted, or with `~` for the home folder.
fn shellish_path(p: &str) -> String {
    let t = p.trim().trim_matches(|c| c == '\'' || c == '"');
    if let Some(rest) = t.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest).to_string_lossy().into_owned();
    }
    t.to_string()
}
