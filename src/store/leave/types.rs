//! Leave types as configured for this company.

use rusqlite::Row;

use super::LeaveRepo;
use crate::domain::leave::leave_type::LeaveType;
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
}
