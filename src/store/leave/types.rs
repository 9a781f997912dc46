//! Leave types as configured for this company.

use rusqlite::{OptionalExtension, Row, params};

use super::LeaveRepo;
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::leave::leave_type::{Counting, LeaveType, LeaveTypeInput};
use crate::store::rows::choice;
use crate::store::{Result, StoreError};

const COLUMNS: &str = "id, code, name_en, name_nl, name_fr, counting, paid, certificate, payroll_code, colour, \
    letter, days_per_event, days_per_year, active";

fn leave_type(r: &Row<'_>) -> rusqlite::Result<LeaveType> {
    let letter: String = r.get(10)?;
    Ok(LeaveType {
        id: r.get(0)?,
        code: r.get(1)?,
        name_en: r.get(2)?,
        name_nl: r.get(3)?,
        name_fr: r.get(4)?,
        counting: choice(5, r.get(5)?)?,
        paid: r.get(6)?,
        certificate: r.get(7)?,
        payroll_code: r.get(8)?,
        colour: choice(9, r.get(9)?)?,
        letter: letter.chars().next().unwrap_or('?'),
        days_per_event: r.get(11)?,
        days_per_year: r.get(12)?,
        active: r.get(13)?,
    })
}

impl LeaveRepo<'_> {
    /// All leave types in display order, inactive ones included (old requests still name them).
    pub fn types(&self) -> Result<Vec<LeaveType>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM leave_types ORDER BY position, id"
        ))?;
        Ok(st
            .query_map([], leave_type)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn type_by_code(&self, code: &str) -> Result<LeaveType> {
        self.types()?
            .into_iter()
            .find(|t| t.code == code)
            .ok_or_else(|| StoreError::NotFound(format!("leave type {code}")))
    }

    /// Adds a leave type, or changes the one with this code. Which balance a type draws from cannot
    /// change once leave of that type is recorded (its ledger rows say which balance paid), and the
    /// sickness register's types never draw from a balance.
    pub fn save_type(&self, input: &LeaveTypeInput) -> Result<LeaveType> {
        let mut t = input.validate()?;
        let refuse =
            |key| StoreError::Invalid(ValidationErrors(vec![FieldError::new("counting", key)]));
        if t.is_sickness() && t.counting != Counting::None {
            return Err(refuse("err.type_sickness_counting"));
        }
        let old = self.type_by_code(&t.code).ok();
        if let Some(old) = &old
            && old.counting != t.counting
        {
            let used: Option<i64> = self
                .store
                .conn()
                .query_row(
                    "SELECT 1 FROM leave_requests WHERE type_id = ?1 LIMIT 1",
                    [old.id],
                    |r| r.get(0),
                )
                .optional()?;
            if used.is_some() {
                return Err(refuse("err.type_counting_in_use"));
            }
        }
        self.store.write(|tx| {
            let values = params![
                t.code,
                t.name_en,
                t.name_nl,
                t.name_fr,
                t.counting.code(),
                t.paid,
                t.certificate,
                t.payroll_code,
                t.colour.code(),
                t.letter.to_string(),
                t.days_per_event,
                t.days_per_year,
                t.active
            ];
            let action = match &old {
                Some(o) => {
                    tx.conn.execute(
                        "UPDATE leave_types SET name_en = ?2, name_nl = ?3, name_fr = ?4, counting = ?5, paid = ?6,
                         certificate = ?7, payroll_code = ?8, colour = ?9, letter = ?10, days_per_event = ?11,
                         days_per_year = ?12, active = ?13 WHERE code = ?1",
                        values,
                    )?;
                    t.id = o.id;
                    "update"
                }
                None => {
                    tx.conn.execute(
                        "INSERT INTO leave_types (code, name_en, name_nl, name_fr, counting, paid, certificate,
                         payroll_code, colour, letter, days_per_event, days_per_year, active, position)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                                 (SELECT coalesce(max(position), 0) + 10 FROM leave_types))",
                        values,
                    )?;
                    t.id = tx.conn.last_insert_rowid();
                    "create"
                }
            };
            tx.audit("leave_type", t.id, None, action, old.as_ref(), Some(&t))?;
            Ok(t.clone())
        })
    }
}
