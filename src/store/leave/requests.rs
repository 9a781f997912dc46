//! Leave requests: checked by the domain, stored with their count, and posted to the ledger when
//! approved (one Taken row per day and bucket). Cancelling keeps the request and reverses its rows.

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};

use super::LeaveRepo;
use super::ledger::buckets_for;
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::leave::leave_type::Counting;
use crate::domain::leave::ledger::{LedgerEntry, balances, book_days, open_taken};
use crate::domain::leave::period::count_period;
use crate::domain::leave::request::{
    CheckedRequest, LeaveRequest, LeaveRequestInput, PartCode, RequestContext, RequestStatus,
    balance_shortfalls, day_part, part_code,
};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError, Tx};

const COLUMNS: &str = "id, employee_id, type_id, from_date, to_date, part, part_minutes, minutes, status, note, override_reason";

fn request(r: &Row<'_>) -> rusqlite::Result<LeaveRequest> {
    Ok(LeaveRequest {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        type_id: r.get(2)?,
        from: date(r.get(3)?).unwrap_or_default(),
        to: date(r.get(4)?).unwrap_or_default(),
        part: day_part(choice::<PartCode>(5, r.get(5)?)?, r.get(6)?),
        minutes: r.get(7)?,
        status: choice(8, r.get(8)?)?,
        note: r.get(9)?,
        override_reason: r.get(10)?,
    })
}

impl Tx<'_> {
    /// Saves a checked request (audited as `action`) and books an approved one on the ledger at once;
    /// `ledger` is the employee's rows so far. The one way a new request is written: by hand or imported.
    pub(in crate::store) fn insert_request(
        &self,
        employee_id: i64,
        c: &CheckedRequest,
        action: &str,
        ledger: Vec<LedgerEntry>,
        today: NaiveDate,
    ) -> Result<LeaveRequest> {
        let (code, part_minutes) = part_code(c.part);
        self.conn.execute(
            "INSERT INTO leave_requests (employee_id, type_id, from_date, to_date, part, part_minutes, minutes,
             status, note, override_reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                employee_id,
                c.leave_type.id,
                iso(Some(c.from)),
                iso(Some(c.to)),
                code.code(),
                part_minutes,
                c.count.charged_minutes,
                c.status.code(),
                c.note,
                c.override_reason,
                self.now.format("%Y-%m-%dT%H:%M:%S").to_string()
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        let saved = LeaveRequest {
            id,
            employee_id,
            type_id: c.leave_type.id,
            from: c.from,
            to: c.to,
            part: c.part,
            minutes: c.count.charged_minutes,
            status: c.status,
            note: c.note.clone(),
            override_reason: c.override_reason.clone(),
        };
        self.audit(
            "leave_request",
            id,
            Some(employee_id),
            action,
            None::<&()>,
            Some(&saved),
        )?;
        if c.status == RequestStatus::Approved {
            let days: Vec<(NaiveDate, u32)> =
                c.count.days.iter().map(|d| (d.date, d.charged)).collect();
            self.post_request(
                employee_id,
                id,
                c.leave_type.counting,
                &days,
                &ledger,
                today,
            )?;
        }
        Ok(saved)
    }

    /// Books an approved request on the ledger, day by day, drawing on the buckets in order; what no
    /// bucket covers (allowed only with an override reason) goes on the first bucket, below zero.
    pub(in crate::store) fn post_request(
        &self,
        employee_id: i64,
        request_id: i64,
        counting: Counting,
        days: &[(NaiveDate, u32)],
        ledger: &[LedgerEntry],
        today: NaiveDate,
    ) -> Result<()> {
        let rows = book_days(ledger, buckets_for(counting), days, Some(request_id), today);
        self.insert_ledger(employee_id, &rows)
    }
}

impl LeaveRepo<'_> {
    pub fn requests(&self, employee_id: i64) -> Result<Vec<LeaveRequest>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM leave_requests WHERE employee_id = ?1 ORDER BY from_date, id"
        ))?;
        Ok(st
            .query_map([employee_id], request)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Live and past requests of anyone that touch the period (for the calendar and lists).
    pub fn requests_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LeaveRequest>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM leave_requests WHERE to_date >= ?1 AND from_date <= ?2
             ORDER BY from_date, id"
        ))?;
        Ok(st
            .query_map(params![iso(Some(from)), iso(Some(to))], request)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Requests of the people `ids` that touch the period (a page of the team calendar): read
    /// through the index on (employee, from_date), so years of everyone's history are never walked.
    pub fn requests_between_for(
        &self,
        ids: &[i64],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<LeaveRequest>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM leave_requests
             WHERE employee_id IN (SELECT value FROM json_each(?3)) AND from_date <= ?2 AND to_date >= ?1
             ORDER BY from_date, id"
        ))?;
        let ids = serde_json::to_string(ids).unwrap_or_default();
        Ok(st
            .query_map(params![iso(Some(from)), iso(Some(to)), ids], request)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn request(&self, id: i64) -> Result<LeaveRequest> {
        self.store
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM leave_requests WHERE id = ?1"),
                [id],
                request,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("leave request {id}")))
    }

    /// Minutes free on a balance in a year: the ledger's remaining, less requests still waiting for
    /// approval (they are not on the ledger yet but will be).
    fn free_minutes(
        &self,
        ledger: &[LedgerEntry],
        pending: &[LeaveRequest],
        types: &[crate::domain::leave::leave_type::LeaveType],
        counting: Counting,
        year: i32,
    ) -> i64 {
        let today = self.store.clock().today();
        let order = buckets_for(counting);
        let on = NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap_or(today)
            .max(today);
        let free: i64 = balances(ledger, year, today)
            .iter()
            .filter(|(b, _)| order.contains(b))
            .map(|(_, b)| b.usable_on(on))
            .sum();
        let waiting: i64 = pending
            .iter()
            .filter(|r| r.status == RequestStatus::Requested && r.from.year() == year)
            .filter(|r| {
                types
                    .iter()
                    .any(|t| t.id == r.type_id && t.counting == counting)
            })
            .map(|r| i64::from(r.minutes))
            .sum();
        free - waiting
    }

    /// Checks what the user typed for `employee_id` without saving: the count and every refusal.
    pub fn check_request(
        &self,
        employee_id: i64,
        input: &LeaveRequestInput,
        editing: Option<i64>,
        lang: &str,
    ) -> Result<CheckedRequest> {
        self.check(employee_id, input, editing, lang, false)
    }

    /// [`Self::check_request`]; with `history` (an import of past leave) refused and cancelled
    /// requests are accepted too (see [`RequestContext::history`]).
    pub(super) fn check(
        &self,
        employee_id: i64,
        input: &LeaveRequestInput,
        editing: Option<i64>,
        lang: &str,
        history: bool,
    ) -> Result<CheckedRequest> {
        let employment = self.employment(employee_id)?;
        let types = self.types()?;
        let schedules = self.schedules(employee_id)?;
        let calendar = self.calendar()?;
        let existing: Vec<LeaveRequest> = self
            .requests(employee_id)?
            .into_iter()
            .filter(|r| Some(r.id) != editing)
            .collect();
        let sickness: Vec<(NaiveDate, Option<NaiveDate>)> = self
            .sick_spells(employee_id)?
            .iter()
            .map(|(_, s)| (s.start, s.end))
            .collect();
        let ledger = self.ledger(employee_id)?;
        let available =
            |c: Counting, year: i32| self.free_minutes(&ledger, &existing, &types, c, year);
        Ok(input.validate(&RequestContext {
            types: &types,
            schedules: &schedules,
            calendar: &calendar,
            existing: &existing,
            sickness: &sickness,
            employment,
            lang,
            available: &available,
            history,
        })?)
    }

    /// Saves a checked request; an approved one is booked on the ledger at once.
    /// `lang` names leave types in refusals.
    pub fn add_request(
        &self,
        employee_id: i64,
        input: &LeaveRequestInput,
        lang: &str,
    ) -> Result<LeaveRequest> {
        let c = self.check_request(employee_id, input, None, lang)?;
        let ledger = self.ledger(employee_id)?;
        let today = self.store.clock().today();
        self.store
            .write(|tx| tx.insert_request(employee_id, &c, "create", ledger, today))
    }

    /// Moves a request on: requested → approved (booked on the ledger) or refused; requested or
    /// approved → cancelled (its ledger rows reversed). Anything else is refused with a reason.
    pub fn set_request_status(&self, id: i64, to: RequestStatus) -> Result<LeaveRequest> {
        let old = self.request(id)?;
        use RequestStatus::*;
        let allowed = matches!(
            (old.status, to),
            (Requested, Approved)
                | (Requested, Refused)
                | (Requested, Cancelled)
                | (Approved, Cancelled)
        );
        if !allowed {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("status", "err.request_status_move")
                    .arg("from", old.status.code())
                    .arg("to", to.code()),
            ])));
        }
        let employee_id = old.employee_id;
        let types = self.types()?;
        let counting = types
            .iter()
            .find(|t| t.id == old.type_id)
            .map_or(Counting::None, |t| t.counting);
        let ledger = self.ledger(employee_id)?;
        let today = self.store.clock().today();
        let mut days = Vec::new();
        if to == Approved {
            // Counted again now: holidays or the schedule may have changed since it was requested.
            let c = count_period(
                &self.schedules(employee_id)?,
                &self.calendar()?,
                old.from,
                old.to,
                old.part,
            );
            if counting != Counting::None && old.override_reason.is_empty() {
                let others: Vec<LeaveRequest> = self
                    .requests(employee_id)?
                    .into_iter()
                    .filter(|r| r.id != id)
                    .collect();
                let refusals = balance_shortfalls(&c, |year| {
                    self.free_minutes(&ledger, &others, &types, counting, year)
                });
                if !refusals.is_empty() {
                    return Err(StoreError::Invalid(ValidationErrors(refusals)));
                }
            }
            days = c.days.iter().map(|d| (d.date, d.charged)).collect();
        }
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE leave_requests SET status = ?2 WHERE id = ?1",
                params![id, to.code()],
            )?;
            let new = LeaveRequest {
                status: to,
                ..old.clone()
            };
            tx.audit(
                "leave_request",
                id,
                Some(employee_id),
                to.code(),
                Some(&old),
                Some(&new),
            )?;
            match to {
                Approved => tx.post_request(employee_id, id, counting, &days, &ledger, today)?,
                Cancelled => {
                    // Only the rows still standing: a request booked again after a change of
                    // schedule also holds rows that were reversed then.
                    let reversals: Vec<LedgerEntry> = open_taken(&ledger, id)
                        .into_iter()
                        .filter_map(LedgerEntry::reversal_of)
                        .collect();
                    tx.insert_ledger(employee_id, &reversals)?;
                }
                _ => {}
            }
            Ok(new)
        })
    }
}
