//! Yearly entitlement for everyone: facts gathered from contracts, schedules, departures and the
//! holiday fund's figures; the rules are the domain's; only the difference with what was already
//! allocated is written, so running it again is safe.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::LeaveRepo;
use crate::domain::employee::WorkerCategory;
use crate::domain::leave::entitlement::{Allocation, AllocationFacts, allocate, regime_day};
use crate::domain::leave::ledger::{LedgerEntry, allocation_rows};
use crate::domain::leave::rules::LeaveRules;
use crate::domain::leave::schedule::Schedules;
use crate::store::Result;
use crate::store::rows::date;

/// One person's computed entitlement and the ledger rows that would bring the ledger to it.
#[derive(Debug, Clone, Serialize)]
pub struct AllocationLine {
    pub employee_id: i64,
    pub number: String,
    pub name: String,
    pub weekly_minutes: u32,
    /// The person's average working day in that regime ([`LeaveRepo::day_minutes`]): the unit the
    /// allocation is shown in as days and hours.
    pub day_minutes: u32,
    pub allocations: Vec<Allocation>,
    /// Rows to write: empty when the ledger already holds this allocation.
    pub rows: Vec<LedgerEntry>,
}

impl LeaveRepo<'_> {
    /// The holiday fund's legal days for an arbeider's year, if typed in.
    pub fn fund_days(&self, employee_id: i64, year: i32) -> Result<Option<u32>> {
        Ok(self
            .store
            .conn()
            .prepare_cached(
                "SELECT days FROM holiday_fund_days WHERE employee_id = ?1 AND year = ?2",
            )?
            .query_row(params![employee_id, year], |r| r.get(0))
            .optional()?)
    }

    pub fn set_fund_days(&self, employee_id: i64, year: i32, days: u32) -> Result<()> {
        self.store.employees().get(employee_id)?;
        let old = self.fund_days(employee_id, year)?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO holiday_fund_days (employee_id, year, days) VALUES (?1, ?2, ?3)
                 ON CONFLICT (employee_id, year) DO UPDATE SET days = excluded.days",
                params![employee_id, year, days],
            )?;
            tx.audit(
                "holiday_fund_days",
                employee_id,
                Some(employee_id),
                "save",
                old.map(|d| (year, d)).as_ref(),
                Some(&(year, days)),
            )
        })
    }

    /// The facts under a given schedule history (one about to be saved, for a change of schedule),
    /// with the rules the caller already read (they are the same for everyone).
    pub(super) fn allocation_facts_under(
        &self,
        employee_id: i64,
        year: i32,
        schedules: &Schedules,
        rules: &LeaveRules,
    ) -> Result<AllocationFacts> {
        let e = self.store.employees().get(employee_id)?;
        let (start, end) = self.employment(employee_id)?;
        let schedule = schedules.at(regime_day(year, e.data.start_date));
        let weekly = schedule.map_or(0, |s| s.weekly_minutes());
        let today = self.store.clock().today();
        Ok(AllocationFacts {
            employed: vec![(start, end)],
            excluded: Vec::new(),
            weekly_minutes_now: weekly,
            fte_permille_now: schedule
                .map_or(0, |s| s.fte_permille(rules.full_time_weekly_minutes)),
            blue_collar: e.data.category == WorkerCategory::BlueCollar,
            imported_legal_days: self.fund_days(employee_id, year)?,
            as_of: today,
        })
    }

    /// Computes `year`'s entitlement for everyone employed during it; writes the differences unless
    /// `dry_run`. Returns every line (including unchanged ones) for the list shown to the user.
    pub fn allocate_year(&self, year: i32, dry_run: bool) -> Result<Vec<AllocationLine>> {
        // One read transaction for the whole loop: the same snapshot for everyone, and the file's
        // read lock taken once instead of once per statement. Ended before the write below.
        let read = self.store.conn().unchecked_transaction()?;
        let rules = self.rules()?;
        let from = format!("{year}-01-01");
        let to = format!("{year}-12-31");
        let people: Vec<(i64, String, String, Option<NaiveDate>)> = {
            let mut st = self.store.conn().prepare(
                "SELECT id, number, last_name || ', ' || first_name, start_date FROM employees
                 WHERE start_date <= ?2 AND (end_date IS NULL OR end_date >= ?1) ORDER BY sort_name, id",
            )?;
            st.query_map(params![from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, date(r.get(3)?)))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let mut lines = Vec::with_capacity(people.len());
        for (id, number, name, start) in people {
            let facts = self.allocation_facts_under(id, year, &self.schedules(id)?, &rules)?;
            let allocations = allocate(year, &facts, &rules);
            let rows = allocation_rows(&self.ledger(id)?, year, &allocations, day);
            lines.push(AllocationLine {
                employee_id: id,
                number,
                name,
                weekly_minutes: facts.weekly_minutes_now,
                day_minutes: self.day_minutes(id, regime_day(year, start.unwrap_or(day)))?,
                allocations,
                rows,
            });
        }
        read.finish()?;
        if !dry_run {
            // A year is allocated whole or not at all.
            self.append_for_everyone(lines.iter().map(|l| (l.employee_id, l.rows.as_slice())))?;
        }
        Ok(lines)
    }
}
