//! Work schedules per employee, with their history. Where none has been recorded yet, each contract's
//! weekly hours spread evenly over Monday–Friday stand in, so leave can be counted from day one.

use rusqlite::params;

use super::LeaveRepo;
use crate::domain::contract::Contract;
use crate::domain::leave::rules::LeaveRules;
use crate::domain::leave::schedule::{Schedule, Schedules};
use crate::store::rows::{date, iso};
use crate::store::{Result, StoreError, Tx};

fn week_text(w: &[u32; 7]) -> String {
    w.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

pub(in crate::store) fn week_parse(text: &str) -> Option<[u32; 7]> {
    let v: Vec<u32> = text
        .split(',')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    v.try_into().ok()
}

/// Even split of a contract's weekly minutes over the five weekdays: the remainder one minute each
/// on the first days, so the week adds up exactly and no day differs from another by more than a
/// minute (a day of leave then reads as one day, whichever day it is).
pub fn weekdays_split(weekly_minutes: u32) -> [u32; 7] {
    let (day, rest) = (weekly_minutes / 5, weekly_minutes % 5);
    let mut week = [0; 7];
    for (i, d) in week.iter_mut().take(5).enumerate() {
        *d = day + u32::from((i as u32) < rest);
    }
    week
}

impl LeaveRepo<'_> {
    /// Schedules recorded for the employee, oldest first (empty if none).
    pub fn recorded_schedules(&self, employee_id: i64) -> Result<Vec<Schedule>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT valid_from, week1, week2 FROM schedules WHERE employee_id = ?1 ORDER BY valid_from",
        )?;
        let rows = st.query_map([employee_id], |r| {
            let w1: String = r.get(1)?;
            let w2: Option<String> = r.get(2)?;
            Ok((date(r.get(0)?), w1, w2))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (from, w1, w2) = row?;
            let bad = || {
                StoreError::Other(anyhow::anyhow!(
                    "schedule row for employee {employee_id} is unreadable"
                ))
            };
            let mut weeks = vec![week_parse(&w1).ok_or_else(bad)?];
            if let Some(w2) = w2 {
                weeks.push(week_parse(&w2).ok_or_else(bad)?);
            }
            out.push(Schedule {
                from: from.ok_or_else(bad)?,
                weeks,
            });
        }
        Ok(out)
    }

    /// The schedules every leave count uses: the recorded ones, or, before the first recorded one,
    /// what the contracts imply.
    pub fn schedules(&self, employee_id: i64) -> Result<Schedules> {
        self.history(employee_id, self.recorded_schedules(employee_id)?)
    }

    /// `recorded` completed, before the first of them, by what the contracts imply: the history as
    /// stored, or as it will be once a new schedule is saved.
    pub(super) fn history(&self, employee_id: i64, recorded: Vec<Schedule>) -> Result<Schedules> {
        Ok(with_contracts(
            &self.store.records().contracts(employee_id)?,
            recorded,
        ))
    }

    /// The person's average working day on `on` (the full-time day before any schedule): the unit
    /// in which every screen and command shows their leave as days and hours.
    pub fn day_minutes(&self, employee_id: i64, on: chrono::NaiveDate) -> Result<u32> {
        Ok(day_length(
            &self.schedules(employee_id)?,
            on,
            &self.rules()?,
        ))
    }
}

/// `recorded` completed, before the first of them, by what the contracts imply: the one way a
/// person's schedule history is put together, for one person or (reports) for everyone at once.
pub(in crate::store) fn with_contracts(
    contracts: &[Contract],
    recorded: Vec<Schedule>,
) -> Schedules {
    let first = recorded.iter().map(|s| s.from).min();
    let mut all: Vec<Schedule> = contracts
        .iter()
        .filter(|c| first.is_none_or(|f| c.data.start < f))
        .map(|c| Schedule::weekly(c.data.start, weekdays_split(c.data.weekly_minutes)))
        .collect();
    all.extend(recorded);
    Schedules::new(all)
}

/// The average working day on `on` (the full-time day before any schedule).
pub(in crate::store) fn day_length(
    schedules: &Schedules,
    on: chrono::NaiveDate,
    rules: &LeaveRules,
) -> u32 {
    match schedules.at(on) {
        Some(s) => s.average_day_minutes(),
        None => rules.full_time_day_minutes(),
    }
}

impl Tx<'_> {
    /// Saves `schedule`; one starting on the same day as `replaced` takes its place (a correction).
    pub(in crate::store) fn save_schedule(
        &self,
        employee_id: i64,
        schedule: &Schedule,
        replaced: Option<&Schedule>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO schedules (employee_id, valid_from, week1, week2) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (employee_id, valid_from) DO UPDATE SET week1 = excluded.week1, week2 = excluded.week2",
            params![
                employee_id,
                iso(Some(schedule.from)),
                week_text(&schedule.weeks[0]),
                schedule.weeks.get(1).map(week_text)
            ],
        )?;
        let id: i64 = self.conn.query_row(
            "SELECT id FROM schedules WHERE employee_id = ?1 AND valid_from = ?2",
            params![employee_id, iso(Some(schedule.from))],
            |r| r.get(0),
        )?;
        self.audit(
            "schedule",
            id,
            Some(employee_id),
            "save",
            replaced,
            Some(schedule),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_round_trip_and_split_adds_up() {
        let w = [456, 456, 456, 456, 0, 0, 0];
        assert_eq!(week_parse(&week_text(&w)), Some(w));
        assert_eq!(week_parse("1,2,3"), None);
        let split = weekdays_split(1139);
        assert_eq!(split.iter().sum::<u32>(), 1139);
        assert_eq!(split, [228, 228, 228, 228, 227, 0, 0]);
    }
}
