//! Absence per type in a year for one person: the facts read here, the counting is the domain's.

use super::LeaveRepo;
use crate::domain::leave::sickness::SickSpell;
use crate::domain::leave::totals::{TypeTotal, absence_totals};
use crate::store::Result;

impl LeaveRepo<'_> {
    /// The employee's leave (minutes) and sickness (calendar days) per type in `year`, as of today.
    pub fn absence_totals(&self, employee_id: i64, year: i32) -> Result<Vec<TypeTotal>> {
        let spells: Vec<SickSpell> = self
            .sick_spells(employee_id)?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        Ok(absence_totals(
            &self.requests(employee_id)?,
            &spells,
            &self.types()?,
            &self.schedules(employee_id)?,
            &self.calendar()?,
            year,
            self.store.clock().today(),
        ))
    }
}
