//! Reports: everyone's facts read in a handful of whole-table queries (never one query per person),
//! then computed by the domain. Read-only: nothing here writes.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::leave::ledger::{COLUMNS as LEDGER_COLUMNS, entry};
use super::leave::schedules::{day_length, week_parse, with_contracts};
use super::rows::{self, choice, date};
use super::{Result, Store};
use crate::domain::contract::Contract;
use crate::domain::employee::{Sex, WorkerCategory};
use crate::domain::leave::ledger::{LedgerEntry, balances};
use crate::domain::leave::rules::day_in_year;
use crate::domain::leave::schedule::{Schedule, Schedules};
use crate::domain::leave::sickness::SickSpell;
use crate::domain::reports::absence::{
    Absenteeism, BRADFORD_DAYS, Bradford, absenteeism, bradford,
};
use crate::domain::reports::elections::{Elections, elections, reference_period};
use crate::domain::reports::headcount::{Headcount, headcount};
use crate::domain::reports::leave::{LeaveReport, PersonBalances, leave_report};
use crate::domain::reports::movements::{Movements, movements};
use crate::domain::reports::period::{Month, ReportParams};
use crate::domain::reports::{Person, Report, ReportKind};

pub struct ReportRepo<'a> {
    pub(super) store: &'a Store,
}

impl ReportRepo<'_> {
    /// The report `kind` for `params`, as of the store's today.
    pub fn run(&self, kind: ReportKind, params: &ReportParams) -> Result<Report> {
        self.run_on(kind, params, &self.people()?)
    }

    /// The report `kind` on `people` as [`ReportRepo::people`] read them: the Reports tab keeps
    /// them between keys while the data is unchanged, so a key computes and reads no whole table.
    pub fn run_on(
        &self,
        kind: ReportKind,
        params: &ReportParams,
        people: &[Person],
    ) -> Result<Report> {
        Ok(match kind {
            ReportKind::Headcount => Report::Headcount(self.headcount_of(people, params.at)?),
            ReportKind::Movements => Report::Movements(movements(people, params.from, params.to)),
            ReportKind::Absenteeism => {
                Report::Absenteeism(self.absenteeism_of(people, params.from, params.to)?)
            }
            ReportKind::Bradford => Report::Bradford(self.bradford_of(people, params.at)?),
            ReportKind::Leave => Report::Leave(self.leave_of(people, params.year)?),
            ReportKind::Elections => {
                Report::Elections(self.elections_of(people, params.election_day)?)
            }
            ReportKind::Training => Report::Training(self.store.training().balance(params.year)?),
        })
    }

    pub fn headcount(&self, at: NaiveDate) -> Result<Headcount> {
        self.headcount_of(&self.people()?, at)
    }

    fn headcount_of(&self, people: &[Person], at: NaiveDate) -> Result<Headcount> {
        Ok(headcount(people, at, self.full_time()?))
    }

    pub fn movements(&self, from: Month, to: Month) -> Result<Movements> {
        Ok(movements(&self.people()?, from, to))
    }

    pub fn absenteeism(&self, from: Month, to: Month) -> Result<Absenteeism> {
        self.absenteeism_of(&self.people()?, from, to)
    }

    fn absenteeism_of(&self, people: &[Person], from: Month, to: Month) -> Result<Absenteeism> {
        let spells = self.spells(from.first_day(), to.last_day())?;
        Ok(absenteeism(
            people,
            &spells,
            &self.store.leave().calendar()?,
            from,
            to,
            self.store.clock().today(),
        ))
    }

    pub fn bradford(&self, at: NaiveDate) -> Result<Bradford> {
        self.bradford_of(&self.people()?, at)
    }

    fn bradford_of(&self, people: &[Person], at: NaiveDate) -> Result<Bradford> {
        let window = at - chrono::Duration::days(BRADFORD_DAYS - 1);
        let spells = self.spells(window, at)?;
        Ok(bradford(
            people,
            &spells,
            &self.store.leave().calendar()?,
            at,
            self.store.clock().today(),
        ))
    }

    /// Everyone's balances of `year` through the one balance function (`ledger::balances`), from one
    /// read of the year's ledger rows.
    pub fn leave(&self, year: i32) -> Result<LeaveReport> {
        self.leave_of(&self.people()?, year)
    }

    fn leave_of(&self, people: &[Person], year: i32) -> Result<LeaveReport> {
        let today = self.store.clock().today();
        let rules = self.store.leave().rules()?;
        let mut ledger = self.ledger(year)?;
        let on = day_in_year(year, today);
        let rows = people
            .iter()
            .filter_map(|p| {
                let entries = ledger.remove(&p.id)?;
                Some(PersonBalances {
                    employee_id: p.id,
                    day_minutes: day_length(&p.schedules, on, &rules),
                    balances: balances(&entries, year, today),
                    number: p.number.clone(),
                    name: p.name.clone(),
                    department: p.department.clone(),
                })
            })
            .collect();
        Ok(leave_report(year, rows))
    }

    pub fn elections(&self, election_day: NaiveDate) -> Result<Elections> {
        self.elections_of(&self.people()?, election_day)
    }

    fn elections_of(&self, people: &[Person], election_day: NaiveDate) -> Result<Elections> {
        // Only who was employed during the reference period matters.
        let (from, to) = reference_period(election_day);
        let people: Vec<Person> = people
            .iter()
            .filter(|p| p.start <= to && p.end.is_none_or(|e| e >= from))
            .cloned()
            .collect();
        Ok(elections(
            &people,
            election_day,
            self.full_time()?,
            self.store.clock().today(),
        ))
    }

    fn full_time(&self) -> Result<u32> {
        Ok(self.store.leave().rules()?.full_time_weekly_minutes)
    }

    /// Everyone ever employed, sorted by name, with their contracts and schedule history: three
    /// queries whatever the size of the company.
    pub fn people(&self) -> Result<Vec<Person>> {
        let conn = self.store.conn();
        let mut contracts: HashMap<i64, Vec<Contract>> = HashMap::new();
        // Lean rows: the reports read a contract's kind, dates and hours only, so the schedule
        // text, pay, workplace and signing day are left empty (no heap for 100 000 people's texts).
        let mut st = conn.prepare_cached(
            "SELECT id, employee_id, kind, start_date, end_date, weekly_minutes, full_time_minutes,
                    '', NULL, '', NULL
             FROM contracts ORDER BY employee_id, start_date, id",
        )?;
        for c in st.query_map([], rows::contract)? {
            let c = c?;
            contracts.entry(c.employee_id).or_default().push(c);
        }
        let mut recorded: HashMap<i64, Vec<Schedule>> = HashMap::new();
        let mut st = conn.prepare_cached(
            "SELECT employee_id, valid_from, week1, week2 FROM schedules ORDER BY employee_id, valid_from",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                date(r.get(1)?),
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (id, from, w1, w2) = row?;
            let weeks: Option<Vec<[u32; 7]>> = std::iter::once(Some(w1))
                .chain(w2.map(Some))
                .map(|w| week_parse(&w?))
                .collect();
            let (Some(from), Some(weeks)) = (from, weeks) else {
                return Err(super::StoreError::Other(anyhow::anyhow!(
                    "schedule row for employee {id} is unreadable"
                )));
            };
            recorded
                .entry(id)
                .or_default()
                .push(Schedule { from, weeks });
        }
        let mut st = conn.prepare_cached(
            "SELECT id, number, last_name, first_name, preferred_name, department, category, sex,
                    birth_date, start_date, end_date, sort_name
             FROM employees",
        )?;
        let rows = st.query_map([], |r| {
            let last: String = r.get(2)?;
            let first: String = r.get(3)?;
            let preferred: String = r.get(4)?;
            let shown = if preferred.is_empty() {
                first
            } else {
                preferred
            };
            let person = Person {
                id: r.get(0)?,
                number: r.get(1)?,
                name: format!("{last}, {shown}"),
                department: r.get(5)?,
                category: choice::<WorkerCategory>(6, r.get(6)?)?,
                sex: choice::<Sex>(7, r.get(7)?)?,
                birth_date: date(r.get(8)?),
                start: date(r.get(9)?).unwrap_or_default(),
                end: date(r.get(10)?),
                contracts: Vec::new(),
                schedules: Schedules::default(),
            };
            Ok((r.get::<_, String>(11)?, person))
        })?;
        // Read in table order (one pass over the file) and sorted here: walking the name index
        // would jump from page to page, several times slower on a large company.
        let mut rows = rows.collect::<rusqlite::Result<Vec<(String, Person)>>>()?;
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
        let mut out = Vec::with_capacity(rows.len());
        for (_, mut p) in rows {
            p.contracts = contracts.remove(&p.id).unwrap_or_default();
            p.schedules = with_contracts(&p.contracts, recorded.remove(&p.id).unwrap_or_default());
            out.push(p);
        }
        Ok(out)
    }

    /// Spells of anyone touching the period, as (employee id, spell).
    fn spells(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(i64, SickSpell)>> {
        Ok(self
            .store
            .leave()
            .sick_between(from, to)?
            .into_iter()
            .map(|(employee, _, s)| (employee, s))
            .collect())
    }

    /// The year's ledger rows of everyone, by employee, in the order `LeaveRepo::ledger` reads them.
    fn ledger(&self, year: i32) -> Result<HashMap<i64, Vec<LedgerEntry>>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {LEDGER_COLUMNS}, employee_id FROM leave_ledger WHERE year = ?1 ORDER BY employee_id, day, id"
        ))?;
        let mut out: HashMap<i64, Vec<LedgerEntry>> = HashMap::new();
        for row in st.query_map([year], |r| Ok((r.get::<_, i64>(8)?, entry(r)?)))? {
            let (id, e) = row?;
            out.entry(id).or_default().push(e);
        }
        Ok(out)
    }
}
