//! Changing a person's work schedule: the schedule saved, the remaining leave converted to the new
//! regime and the leave booked from the change on counted again, all in one transaction (issue 4).

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use serde::Serialize;

use super::LeaveRepo;
use super::ledger::buckets_for;
use crate::domain::date::format_date;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::leave::entitlement::{allocate, regime_day};
use crate::domain::leave::leave_type::Counting;
use crate::domain::leave::ledger::{
    Balance, Bucket, EntryKind, LedgerEntry, Recount, balances, schedule_change_rows,
};
use crate::domain::leave::period::count_period;
use crate::domain::leave::request::{LeaveRequest, RequestStatus};
use crate::domain::leave::schedule::{Schedule, ScheduleInput};
use crate::store::{Result, StoreError};

/// A live request whose count changed with the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RebookedRequest {
    pub id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// What the request cost as stored, and under the new schedule.
    pub old_minutes: u32,
    pub new_minutes: u32,
}

/// What a change of schedule does (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleChange {
    pub schedule: Schedule,
    /// Weekly minutes of the schedule in force on the new one's first day before the change
    /// (0 when there was none), and of the new one.
    pub old_weekly: u32,
    pub new_weekly: u32,
    /// The rows converting the balances: corrections, and Allocation rows for a year whose
    /// entitlement is recomputed under the new schedule.
    pub corrections: Vec<LedgerEntry>,
    pub rebooked: Vec<RebookedRequest>,
    /// The balances of the leave year of `schedule.from`, before and after, as of today.
    pub before: Vec<(Bucket, Balance)>,
    pub after: Vec<(Bucket, Balance)>,
}

impl LeaveRepo<'_> {
    /// Sets the work schedule from `input.from` on: validates it against the full-time reference,
    /// converts the leave years from that date's on to the new weekly hours and counts every live
    /// request with days from then on again (approved ones are booked again on the ledger). One
    /// schedule starting on the same day as an existing one replaces it. With `dry_run` nothing is
    /// written and the same result is returned.
    pub fn change_schedule(
        &self,
        employee_id: i64,
        input: &ScheduleInput,
        dry_run: bool,
    ) -> Result<ScheduleChange> {
        let employee = self.store.employees().get(employee_id)?;
        let rules = self.rules()?;
        let schedule = input.validate(rules.full_time_weekly_minutes)?;
        let from = schedule.from;
        let recorded = self.recorded_schedules(employee_id)?;
        // Converting across a later change would have to undo and redo that change's conversion;
        // schedules are entered in date order instead (a later one is fixed by entering it again).
        if let Some(later) = recorded.iter().find(|s| s.from > from) {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("from", "err.schedule_later").arg("date", format_date(later.from)),
            ])));
        }
        let replaced = recorded.iter().find(|s| s.from == from).cloned();
        // The old regime is the schedule in force on `from` as stored, so the one being replaced when
        // the same day is entered again: the ledger already holds the conversion to it, and
        // converting on from it chains (full time → 4/5 → 3/5 is full time → 3/5, give or take a
        // minute of rounding), while converting from its predecessor would convert twice.
        let old_weekly = self
            .history(employee_id, recorded.clone())?
            .at(from)
            .map_or(0, Schedule::weekly_minutes);
        let new_weekly = schedule.weekly_minutes();
        let mut with_new = recorded;
        with_new.push(schedule.clone());
        let history = self.history(employee_id, with_new)?;

        let ledger = self.ledger(employee_id)?;
        let today = self.store.clock().today();
        let mut reallocated = Vec::new();
        if old_weekly != new_weekly {
            // Years whose entitlement rests on the schedule from `from` on are recomputed, exactly
            // as `allocate_year` would, so running it afterwards changes nothing.
            let mut years: Vec<i32> = ledger
                .iter()
                .filter(|e| e.kind == EntryKind::Allocation && e.year >= from.year())
                .map(|e| e.year)
                .filter(|y| regime_day(*y, employee.data.start_date) >= from)
                .collect();
            years.sort_unstable();
            years.dedup();
            for year in years {
                let facts = self.allocation_facts_under(employee_id, year, &history, &rules)?;
                reallocated.push((year, allocate(year, &facts, &rules)));
            }
        }

        let types = self.types()?;
        let calendar = self.calendar()?;
        let live: Vec<LeaveRequest> = self
            .requests(employee_id)?
            .into_iter()
            .filter(|r| r.is_live() && r.to >= from)
            .collect();
        let mut counts = Vec::with_capacity(live.len());
        let mut recounts = Vec::new();
        for r in &live {
            let count = count_period(&history, &calendar, r.from, r.to, r.part);
            if r.status == RequestStatus::Approved {
                let counting = types
                    .iter()
                    .find(|t| t.id == r.type_id)
                    .map_or(Counting::None, |t| t.counting);
                recounts.push(Recount {
                    request_id: r.id,
                    order: buckets_for(counting),
                    days: count
                        .days
                        .iter()
                        .filter(|d| d.date >= from)
                        .map(|d| (d.date, d.charged))
                        .collect(),
                });
            }
            counts.push(count.charged_minutes);
        }
        let rows = schedule_change_rows(
            &ledger,
            from,
            old_weekly,
            new_weekly,
            &reallocated,
            &recounts,
            today,
        );
        let rebooked: Vec<(&LeaveRequest, u32)> = live
            .iter()
            .zip(counts)
            .filter(|(r, minutes)| r.minutes != *minutes || rows.rebooked.contains(&r.id))
            .collect();

        let year = from.year();
        let mut after = ledger.clone();
        after.extend(rows.conversions.iter().chain(&rows.rebooking).cloned());
        let change = ScheduleChange {
            schedule: schedule.clone(),
            old_weekly,
            new_weekly,
            corrections: rows.conversions.clone(),
            rebooked: rebooked
                .iter()
                .map(|(r, minutes)| RebookedRequest {
                    id: r.id,
                    from: r.from,
                    to: r.to,
                    old_minutes: r.minutes,
                    new_minutes: *minutes,
                })
                .collect(),
            before: balances(&ledger, year, today),
            after: balances(&after, year, today),
        };
        if dry_run {
            return Ok(change);
        }
        self.store.write(|tx| {
            tx.save_schedule(employee_id, &schedule, replaced.as_ref())?;
            for (r, minutes) in rebooked.iter().filter(|(r, m)| r.minutes != *m) {
                tx.conn.execute(
                    "UPDATE leave_requests SET minutes = ?2 WHERE id = ?1",
                    params![r.id, minutes],
                )?;
                let new = LeaveRequest {
                    minutes: *minutes,
                    ..(*r).clone()
                };
                tx.audit(
                    "leave_request",
                    r.id,
                    Some(employee_id),
                    "recount",
                    Some(*r),
                    Some(&new),
                )?;
            }
            tx.insert_ledger(employee_id, &rows.conversions)?;
            tx.insert_ledger(employee_id, &rows.rebooking)
        })?;
        Ok(change)
    }
}

#[cfg(test)]
mod tests;
