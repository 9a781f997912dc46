//! Bulk loading of generated people (the demo company, synthetic benchmark data): validated like any
//! input, written in large transactions with their audit rows.

use std::collections::HashMap;

use rusqlite::params;

use super::rows::iso;
use super::{Result, Store, StoreError};
use crate::demo::DemoPerson;
use crate::domain::choice::Choice;

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
        let mut ids: HashMap<String, i64> = HashMap::new();
        let mut done = 0usize;
        let mut batch: Vec<DemoPerson> = Vec::with_capacity(BATCH);
        let mut people = people.peekable();
        while people.peek().is_some() {
            batch.clear();
            batch.extend(people.by_ref().take(BATCH));
            self.write(|tx| {
                for p in &batch {
                    let number = p.employee.number.trim().to_ascii_uppercase();
                    let manager_id = ids.get(&p.employee.manager.trim().to_ascii_uppercase()).copied();
                    let invalid = |what: &str, e: crate::domain::error::ValidationErrors| {
                        StoreError::Other(anyhow::anyhow!("generated {what} of {number} is invalid: {e}"))
                    };
                    let data = p.employee.validate(manager_id).map_err(|e| invalid("dossier", e))?;
                    let id = tx.insert_employee(&data)?;
                    tx.audit("employee", id, Some(id), "import", None::<&()>, Some(&data))?;
                    ids.insert(number.clone(), id);
                    for c in &p.contracts {
                        tx.insert_contract(id, &c.validate().map_err(|e| invalid("contract", e))?)?;
                    }
                    for c in &p.contacts {
                        let c = c.validate().map_err(|e| invalid("contact", e))?;
                        tx.conn.execute(
                            "INSERT INTO emergency_contacts (employee_id, name, relation, phone, email) VALUES (?1, ?2, ?3, ?4, ?5)",
                            params![id, c.name, c.relation, c.phone, c.email],
                        )?;
                    }
                    for d in &p.dependants {
                        let d = d.validate().map_err(|e| invalid("dependant", e))?;
                        tx.conn.execute(
                            "INSERT INTO dependants (employee_id, name, relation, birth_date, in_charge, disabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            params![id, d.name, d.relation.code(), iso(d.birth_date), d.in_charge, d.disabled],
                        )?;
                    }
                    for j in &p.job_changes {
                        let m = ids.get(&j.manager.trim().to_ascii_uppercase()).copied();
                        let j = j.validate(m).map_err(|e| invalid("job change", e))?;
                        tx.insert_job_change(id, &j)?;
                    }
                    for n in &p.notes {
                        let n = n.validate().map_err(|e| invalid("note", e))?;
                        tx.conn.execute(
                            "INSERT INTO notes (employee_id, written_on, author, confidential, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                            params![id, iso(Some(n.written_on)), n.author, n.confidential, n.text],
                        )?;
                    }
                    if let Some(dep) = &p.departure {
                        let dep = dep.validate(data.start_date).map_err(|e| invalid("departure", e))?;
                        tx.conn.execute(
                            "UPDATE employees SET status = 'left', end_date = ?2, ended_by = ?3, departure_reason = ?4, notice_weeks = ?5 WHERE id = ?1",
                            params![id, iso(Some(dep.end_date)), dep.ended_by.code(), dep.reason, dep.notice_weeks],
                        )?;
                    }
                }
                Ok(())
            })?;
            done += batch.len();
            progress(done);
        }
        Ok(done)
    }
}
