//! Bulk loading of generated people (the demo company, synthetic benchmark data): validated like any
//! input, written in large transactions with their audit rows.

use std::collections::HashMap;

use super::{Result, Store, StoreError};
use crate::demo::DemoPerson;
use crate::domain::checklist::{ChecklistKind, wants_offboarding, wants_onboarding};
use crate::domain::choice::Choice;
use crate::domain::records::Document;

/// People per transaction: large enough that 100 000 people take seconds, small enough to show progress.
const BATCH: usize = 2000;

impl Store {
    /// Loads generated people into an empty database. Managers must come before the people they manage.
    pub fn load_people(
        &self,
        people: impl Iterator<Item = DemoPerson>,
        mut progress: impl FnMut(usize),
    ) -> Result<usize> {
        let existing = self.employees().count(&super::ListQuery {
            include_left: true,
            ..Default::default()
        })?;
        if existing > 0 {
            return Err(StoreError::Other(anyhow::anyhow!(
                "{} already holds {existing} dossiers; generated data only goes into an empty database",
                self.path().display()
            )));
        }
        let today = self.clock().today();
        let mut ids: HashMap<String, i64> = HashMap::new();
        let mut done = 0usize;
        let mut batch: Vec<DemoPerson> = Vec::with_capacity(BATCH);
        let mut people = people.peekable();
        while people.peek().is_some() {
            batch.clear();
            batch.extend(people.by_ref().take(BATCH));
            // Files written for a batch that then fails are removed again: nothing half-loaded stays.
            let mut written = Vec::new();
            let result = self.write(|tx| {
                for p in &batch {
                    let number = p.employee.number.trim().to_ascii_uppercase();
                    let manager_id = ids
                        .get(&p.employee.manager.trim().to_ascii_uppercase())
                        .copied();
                    let invalid = |what: &str, e: crate::domain::error::ValidationErrors| {
                        StoreError::Other(anyhow::anyhow!(
                            "generated {what} of {number} is invalid: {e}"
                        ))
                    };
                    let data = p
                        .employee
                        .validate(manager_id)
                        .map_err(|e| invalid("dossier", e))?;
                    let id = tx.insert_employee(&data)?;
                    tx.audit("employee", id, Some(id), "import", None::<&()>, Some(&data))?;
                    ids.insert(number.clone(), id);
                    for c in &p.contracts {
                        tx.insert_contract(id, &c.validate().map_err(|e| invalid("contract", e))?)?;
                    }
                    for c in &p.contacts {
                        tx.insert_contact(id, &c.validate().map_err(|e| invalid("contact", e))?)?;
                    }
                    for d in &p.dependants {
                        tx.insert_dependant(
                            id,
                            &d.validate().map_err(|e| invalid("dependant", e))?,
                        )?;
                    }
                    for j in &p.job_changes {
                        let m = ids.get(&j.manager.trim().to_ascii_uppercase()).copied();
                        let j = j.validate(m).map_err(|e| invalid("job change", e))?;
                        tx.insert_job_change(id, &j)?;
                    }
                    for n in &p.notes {
                        tx.insert_note(id, &n.validate().map_err(|e| invalid("note", e))?)?;
                    }
                    for d in &p.documents {
                        let kind = crate::domain::records::DocumentKind::from_code(d.kind)
                            .ok_or_else(|| invalid("document", Default::default()))?;
                        let stored_name = format!("{id}/demo-{}", d.file_name);
                        written.push(super::files::store_in(
                            &self.files_dir,
                            &stored_name,
                            d.text.as_bytes(),
                        )?);
                        let doc = Document {
                            id: 0,
                            kind,
                            title: d.title.clone(),
                            original_name: d.file_name.clone(),
                            stored_name,
                            dated: Some(d.dated),
                            expires: d.expires,
                            added_on: d.dated,
                        };
                        let doc_id = tx.insert_document(id, &doc)?;
                        tx.audit(
                            "document",
                            doc_id,
                            Some(id),
                            "import",
                            None::<&()>,
                            Some(&doc),
                        )?;
                    }
                    // Recent starters and leavers get their checklists as an entry by hand would.
                    if wants_onboarding(data.start_date, today) {
                        tx.create_checklist(id, ChecklistKind::Onboarding, data.start_date)?;
                    }
                    if let Some(dep) = &p.departure {
                        let dep = dep
                            .validate(data.start_date)
                            .map_err(|e| invalid("departure", e))?;
                        tx.set_departure(id, &dep)?;
                        if wants_offboarding(dep.end_date, today) {
                            tx.create_checklist(id, ChecklistKind::Offboarding, dep.end_date)?;
                        }
                    }
                }
                Ok(())
            });
            if let Err(e) = result {
                for f in &written {
                    let _ = std::fs::remove_file(f);
                }
                return Err(e);
            }
            done += batch.len();
            progress(done);
        }
        Ok(done)
    }
}
