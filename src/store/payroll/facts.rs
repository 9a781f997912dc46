//! Reading what a month is computed from: what is shared by everyone (leave types, calendar, rules,
//! settings, the month's leave, sickness and hand entries) once per month, and each person's
//! schedules, contracts and balances per person, so a page or an export of any size reads each
//! thing once.

use std::collections::{HashMap, HashSet};

use super::{PayRow, PayrollRepo};
use crate::domain::leave::holidays::HolidayCalendar;
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::leave::request::LeaveRequest;
use crate::domain::leave::rules::LeaveRules;
use crate::domain::payroll::entry::HandEntry;
use crate::domain::payroll::figures::{EmployeeMonth, PersonFacts, compute};
use crate::domain::payroll::month::PayMonth;
use crate::domain::payroll::settings::PayrollSettings;
use crate::store::Result;

/// The month's shared facts, read once.
pub struct MonthFacts {
    pub month: PayMonth,
    pub types: Vec<LeaveType>,
    pub calendar: HolidayCalendar,
    pub rules: LeaveRules,
    pub settings: PayrollSettings,
    requests: HashMap<i64, Vec<LeaveRequest>>,
    sick: HashSet<i64>,
    entries: HashMap<i64, Vec<HandEntry>>,
    commute: HashMap<i64, u32>,
}

impl PayrollRepo<'_> {
    pub fn facts(&self, month: PayMonth) -> Result<MonthFacts> {
        let leave = self.store.leave();
        let (first, last) = (month.first_day(), month.last_day());
        let mut requests: HashMap<i64, Vec<LeaveRequest>> = HashMap::new();
        for r in leave.requests_between(first, last)? {
            requests.entry(r.employee_id).or_default().push(r);
        }
        let sick = leave
            .sick_between(first, last)?
            .into_iter()
            .map(|(employee, _, _)| employee)
            .collect();
        let mut entries: HashMap<i64, Vec<HandEntry>> = HashMap::new();
        for e in self.entries(month, None)? {
            entries.entry(e.employee_id).or_default().push(e);
        }
        let commute = self
            .store
            .conn()
            .prepare_cached("SELECT employee_id, km FROM payroll_commute")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(MonthFacts {
            month,
            types: leave.types()?,
            calendar: leave.calendar()?,
            rules: leave.rules()?,
            settings: self.settings()?,
            requests,
            sick,
            entries,
            commute,
        })
    }

    /// One person's month: their schedules, contracts, spells and balances read here, the rest
    /// from `facts`.
    pub fn person_month(&self, facts: &MonthFacts, row: &PayRow) -> Result<EmployeeMonth> {
        let leave = self.store.leave();
        let id = row.id;
        let schedules = leave.schedules(id)?;
        let contracts: Vec<_> = self
            .store
            .records()
            .contracts(id)?
            .into_iter()
            .map(|c| c.data)
            .collect();
        let spells = if facts.sick.contains(&id) {
            leave.sick_spells(id)?
        } else {
            Vec::new()
        };
        let negative_balance = leave
            .balances(id, facts.month.year)?
            .iter()
            .any(|(_, b)| b.remaining < 0);
        Ok(compute(
            facts.month,
            &PersonFacts {
                employee_id: id,
                employment: (row.start, row.end),
                schedules: &schedules,
                calendar: &facts.calendar,
                types: &facts.types,
                requests: facts.requests.get(&id).map_or(&[], Vec::as_slice),
                spells: &spells,
                rules: &facts.rules,
                entries: facts.entries.get(&id).map_or(&[], Vec::as_slice),
                contracts: &contracts,
                category: row.category,
                settings: &facts.settings,
                commute_km: facts.commute.get(&id).copied(),
                negative_balance,
            },
        ))
    }

    /// The month of each of `rows`, in their order.
    pub fn months(&self, facts: &MonthFacts, rows: &[PayRow]) -> Result<Vec<EmployeeMonth>> {
        rows.iter().map(|r| self.person_month(facts, r)).collect()
    }

    /// Calls `f` with every person in service in the month and their month, a page at a time, so
    /// memory stays flat at any size of company.
    pub fn for_each_month(
        &self,
        facts: &MonthFacts,
        mut f: impl FnMut(&PayRow, EmployeeMonth) -> Result<()>,
    ) -> Result<()> {
        let mut cursor = None;
        loop {
            let page = self.staff_page(facts.month, cursor.as_ref(), false, 1000)?;
            let Some(last) = page.last() else { break };
            cursor = Some(last.cursor.clone());
            for r in &page {
                f(r, self.person_month(facts, r)?)?;
            }
        }
        Ok(())
    }
}
