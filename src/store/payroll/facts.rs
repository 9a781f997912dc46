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
    /// Whose leave and sickness `requests` and `sick` hold: everyone's (`None`), or only the people
    /// added so far (the review reads a page at a time).
    read_for: Option<HashSet<i64>>,
}

impl MonthFacts {
    /// Forgets the leave and sickness read for people no longer on the page (memory stays bounded).
    pub fn keep_people(&mut self, ids: &HashSet<i64>) {
        if let Some(read) = self.read_for.as_mut() {
            read.retain(|id| ids.contains(id));
            self.requests.retain(|id, _| ids.contains(id));
            self.sick.retain(|id| ids.contains(id));
        }
    }
}

impl PayrollRepo<'_> {
    /// The month's facts with everyone's leave and sickness (an export, the CLI's listing).
    pub fn facts(&self, month: PayMonth) -> Result<MonthFacts> {
        let mut facts = self.shared_facts(month)?;
        let leave = self.store.leave();
        let (first, last) = (month.first_day(), month.last_day());
        for r in leave.requests_between(first, last)? {
            facts.requests.entry(r.employee_id).or_default().push(r);
        }
        facts.sick = leave
            .sick_between(first, last)?
            .into_iter()
            .map(|(employee, _, _)| employee)
            .collect();
        Ok(facts)
    }

    /// The month's facts without anyone's leave and sickness yet: a page of the review adds its
    /// people with [`Self::add_people`], so opening it never reads the whole company's month.
    pub fn facts_for_pages(&self, month: PayMonth) -> Result<MonthFacts> {
        let mut facts = self.shared_facts(month)?;
        facts.read_for = Some(HashSet::new());
        Ok(facts)
    }

    /// Reads the month's leave and sickness of those of `ids` not read yet (through the indexes
    /// by person). Nothing to do when `facts` holds everyone's.
    pub fn add_people(&self, facts: &mut MonthFacts, ids: &[i64]) -> Result<()> {
        let Some(read) = facts.read_for.as_mut() else {
            return Ok(());
        };
        let new: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !read.contains(id))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        let leave = self.store.leave();
        let (first, last) = (facts.month.first_day(), facts.month.last_day());
        for r in leave.requests_between_for(&new, first, last)? {
            facts.requests.entry(r.employee_id).or_default().push(r);
        }
        for (employee, _, _) in leave.sick_between_for(&new, first, last)? {
            facts.sick.insert(employee);
        }
        read.extend(new);
        Ok(())
    }

    /// What everyone's month shares: types, calendar, rules, settings, hand entries, commuting.
    fn shared_facts(&self, month: PayMonth) -> Result<MonthFacts> {
        let leave = self.store.leave();
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
            requests: HashMap::new(),
            sick: HashSet::new(),
            entries,
            commute,
            read_for: None,
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
