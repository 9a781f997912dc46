//! Closing a leave year for everyone: the facts per person are gathered here, the rows come from the
//! domain (`ledger::year_end`, `ledger::expiries_due`, `illness_blocked`), so closing twice writes
//! nothing the second time.

use rusqlite::params;
use serde::Serialize;

use super::LeaveRepo;
use crate::domain::error::ValidationErrors;
use crate::domain::leave::illness_blocked::illness_blocked_minutes;
use crate::domain::leave::ledger::{
    Bucket, EntryKind, LedgerEntry, balance, check_closable, expiries_due, year_end,
};
use crate::domain::leave::rules::last_day_of_year;
use crate::store::{Result, StoreError};

/// One person's year end: what moves into the next year, what is lost, and the rows that do it.
#[derive(Debug, Clone, Serialize)]
pub struct YearEndLine {
    pub employee_id: i64,
    pub number: String,
    pub name: String,
    /// Minutes moved into the next year other than for illness: company days up to the cap, and
    /// carried lots still valid after 31 December.
    pub carried: i64,
    /// Legal minutes carried for up to 24 months because sickness or maternity kept them from being taken.
    pub illness_carry: i64,
    /// Minutes written off: at year end, and carried lots past their last day as of today.
    pub expired: i64,
    /// Legal minutes lost with no sickness to explain them: the employer has to let statutory days be taken.
    pub unused_legal_reported: i64,
    /// Rows written (with a dry run: that would be); empty when the year is already closed.
    pub rows: Vec<LedgerEntry>,
}

impl LeaveRepo<'_> {
    /// Closes `year` for everyone with leave rows in it, and writes the expiries due today, in one
    /// transaction. Refused while the year is not over, unless `dry_run`, which writes nothing and
    /// shows what closing now would do.
    pub fn close_year(&self, year: i32, dry_run: bool) -> Result<Vec<YearEndLine>> {
        let today = self.store.clock().today();
        if !dry_run {
            check_closable(year, today)
                .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        }
        let rules = self.rules()?;
        let types = self.types()?;
        let calendar = self.calendar()?;
        let people: Vec<(i64, String, String)> = {
            let mut st = self.store.conn().prepare(
                "SELECT id, number, last_name || ', ' || first_name FROM employees e
                 WHERE EXISTS (SELECT 1 FROM leave_ledger l WHERE l.employee_id = e.id AND l.year = ?1)
                 ORDER BY sort_name, id",
            )?;
            st.query_map(params![year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut lines = Vec::with_capacity(people.len());
        for (id, number, name) in people {
            let ledger = self.ledger(id)?;
            let legal_left =
                balance(&ledger, year, Bucket::Legal, last_day_of_year(year)).remaining;
            let spells: Vec<_> = self.sick_spells(id)?.into_iter().map(|(_, s)| s).collect();
            let blocked = illness_blocked_minutes(
                year,
                &spells,
                &self.requests(id)?,
                &types,
                &self.schedules(id)?,
                &calendar,
                legal_left,
            );
            let closing = year_end(&ledger, year, &rules, blocked);
            let mut rows = closing.carry;
            rows.extend(closing.expire);
            let after: Vec<LedgerEntry> = ledger.iter().chain(&rows).cloned().collect();
            rows.extend(expiries_due(&after, today));
            let sum = |keep: &dyn Fn(&LedgerEntry) -> bool| -> i64 {
                rows.iter()
                    .filter(|e| keep(e))
                    .map(|e| e.minutes.abs())
                    .sum()
            };
            let carried_in = |e: &LedgerEntry| e.kind == EntryKind::CarryOver;
            lines.push(YearEndLine {
                employee_id: id,
                number,
                name,
                carried: sum(&|e| carried_in(e) && e.bucket != Bucket::IllnessCarryOver),
                illness_carry: sum(&|e| carried_in(e) && e.bucket == Bucket::IllnessCarryOver),
                expired: sum(&|e| e.kind == EntryKind::Expiry),
                unused_legal_reported: closing.unused_legal_reported,
                rows,
            });
        }
        if !dry_run {
            // A year is closed whole or not at all.
            self.append_for_everyone(lines.iter().map(|l| (l.employee_id, l.rows.as_slice())))?;
        }
        Ok(lines)
    }
}
