//! One person's payroll variables for one month: scheduled, worked and holiday time, absence in hours
//! by payroll code, hand entries, meal vouchers, commuting, the changes of the month and the
//! warnings the assistant should look at before sending the month. Days are counted by the leave
//! module's `count_period`, so payroll, balances and calendars never disagree about a day.

use crate::domain::employee::WorkerCategory;
use chrono::NaiveDate;
use serde::Serialize;

use super::entry::HandEntry;
use super::month::PayMonth;
use super::settings::{PayrollSettings, TELEWORK, meal_vouchers};
use crate::domain::contract::{ContractData, ContractKind};
use crate::domain::leave::holidays::HolidayCalendar;
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::leave::period::{DayPart, DayStatus, count_period};
use crate::domain::leave::request::{LeaveRequest, RequestStatus};
use crate::domain::leave::rules::LeaveRules;
use crate::domain::leave::schedule::Schedules;
use crate::domain::leave::sickness::{SickSpell, guaranteed_salary, relapse_chain};

/// Everything the month of one person is computed from; the store reads it, nothing here does I/O.
pub struct PersonFacts<'a> {
    pub employee_id: i64,
    /// First and last day of employment.
    pub employment: (NaiveDate, Option<NaiveDate>),
    pub schedules: &'a Schedules,
    pub calendar: &'a HolidayCalendar,
    pub types: &'a [LeaveType],
    /// The person's leave requests (any status; those outside the month are ignored).
    pub requests: &'a [LeaveRequest],
    /// All the person's sick spells with their ids: a relapse needs the earlier spells of its chain.
    pub spells: &'a [(i64, SickSpell)],
    pub rules: &'a LeaveRules,
    /// The person's hand entries of the month.
    pub entries: &'a [HandEntry],
    /// The person's contracts, oldest first.
    pub contracts: &'a [ContractData],
    /// White- or blue-collar: some DmfA codes differ.
    pub category: WorkerCategory,
    pub settings: &'a PayrollSettings,
    /// One-way distance home–workplace in km, when known.
    pub commute_km: Option<u32>,
    /// Some leave balance of the month's year is below zero (from `LeaveRepo::balances`).
    pub negative_balance: bool,
}

/// Absence of one leave type under one payroll code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsenceHours {
    /// Payroll (DmfA) code; empty when the leave type has none (a warning).
    pub code: String,
    /// The leave type's code (`legal`, `sickness`…).
    pub leave_type: String,
    /// Sickness within the employer's guaranteed salary.
    pub guaranteed: bool,
    /// Days with some of this absence (a half day counts as a day).
    pub days: u32,
    pub minutes: u32,
}

/// What changed for the person in the month, for the social secretariat's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum Change {
    Starter {
        on: NaiveDate,
    },
    Leaver {
        on: NaiveDate,
    },
    /// A new work schedule, with its average weekly minutes.
    Schedule {
        on: NaiveDate,
        weekly_minutes: u32,
    },
    /// Gross monthly salary from a new contract.
    Salary {
        on: NaiveDate,
        before: Option<i64>,
        after: Option<i64>,
    },
    /// A new contract of another kind.
    Contract {
        on: NaiveDate,
        kind: ContractKind,
    },
}

impl Change {
    pub fn on(&self) -> NaiveDate {
        match self {
            Change::Starter { on }
            | Change::Leaver { on }
            | Change::Schedule { on, .. }
            | Change::Salary { on, .. }
            | Change::Contract { on, .. } => *on,
        }
    }

    /// Stable code for the export and the i18n key (`pay_change.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Change::Starter { .. } => "starter",
            Change::Leaver { .. } => "leaver",
            Change::Schedule { .. } => "schedule",
            Change::Salary { .. } => "salary",
            Change::Contract { .. } => "contract",
        }
    }
}

/// Something to check before the month is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "warning")]
pub enum Warning {
    /// No work schedule (nor contract hours) in force: nothing can be counted.
    MissingSchedule,
    /// Leave in the month still waiting for approval; it is not counted until approved.
    UnapprovedLeave {
        requests: u32,
    },
    NegativeBalance,
    /// An absence of a leave type without payroll code.
    NoPayrollCode {
        leave_type: String,
    },
}

impl Warning {
    /// Stable code for the i18n key (`pay_warning.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Warning::MissingSchedule => "missing_schedule",
            Warning::UnapprovedLeave { .. } => "unapproved_leave",
            Warning::NegativeBalance => "negative_balance",
            Warning::NoPayrollCode { .. } => "no_payroll_code",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployeeMonth {
    pub employee_id: i64,
    pub month: PayMonth,
    /// Minutes planned on the working days of the employment in the month (holidays excluded).
    pub scheduled_minutes: u32,
    pub worked_days: u32,
    pub worked_minutes: u32,
    /// Legal holidays and paid company days on days the person would have worked.
    pub holiday_days: u32,
    pub holiday_minutes: u32,
    pub absences: Vec<AbsenceHours>,
    pub entries: Vec<HandEntry>,
    pub meal_vouchers: u32,
    /// Days worked at the workplace: worked days minus telework days.
    pub commuting_days: u32,
    /// There and back on each commuting day, when the distance is known.
    pub commuting_km: Option<u32>,
    pub changes: Vec<Change>,
    pub warnings: Vec<Warning>,
}

impl EmployeeMonth {
    pub fn absence_minutes(&self) -> u32 {
        self.absences.iter().map(|a| a.minutes).sum()
    }
}

/// Computes the month of one person. A person not employed in the month gets an empty month.
pub fn compute(month: PayMonth, f: &PersonFacts<'_>) -> EmployeeMonth {
    let (start, end) = f.employment;
    let from = month.first_day().max(start);
    let to = end.map_or(month.last_day(), |e| e.min(month.last_day()));
    let mut out = EmployeeMonth {
        employee_id: f.employee_id,
        month,
        scheduled_minutes: 0,
        worked_days: 0,
        worked_minutes: 0,
        holiday_days: 0,
        holiday_minutes: 0,
        absences: Vec::new(),
        entries: f.entries.to_vec(),
        meal_vouchers: 0,
        commuting_days: 0,
        commuting_km: None,
        changes: Vec::new(),
        warnings: Vec::new(),
    };
    if from > to {
        return out;
    }
    if f.schedules.at(from).is_none() {
        out.warnings.push(Warning::MissingSchedule);
    }
    // The month's days as a full day of leave would count them: `charged` is what the person was
    // scheduled to work (0 on holidays, weekends and free days).
    let base = count_period(f.schedules, f.calendar, from, to, DayPart::Full);
    let index = |d: NaiveDate| usize::try_from((d - from).num_days()).ok();
    let mut absent: Vec<u32> = vec![0; base.days.len()];
    for day in &base.days {
        out.scheduled_minutes += day.charged;
        if matches!(day.status, DayStatus::Holiday(_)) && day.scheduled > 0 {
            out.holiday_days += 1;
            out.holiday_minutes += day.scheduled;
        }
    }
    // Sickness first: a sick day is wholly absent, whatever leave was planned on it.
    for (_, spell) in f.spells {
        let last = spell.end.unwrap_or(to).min(to);
        let first = spell.start.max(from);
        if first > last {
            continue;
        }
        let code = spell.cause.leave_type_code();
        let leave_type = f.types.iter().find(|t| t.code == code);
        let guarantee = guaranteed_salary(spell, &relapse_chain(f.spells, spell), f.rules);
        let paid_until = guarantee.ends_on;
        for d in first.iter_days().take_while(|d| *d <= last) {
            let Some(i) = index(d) else { continue };
            let left = base.days[i].charged - absent[i];
            if left == 0 {
                continue;
            }
            absent[i] += left;
            let guaranteed = paid_until.is_some_and(|p| d <= p);
            let payroll_code = if guaranteed {
                let day = i64::from(guarantee.days_used_before) + (d - spell.start).num_days() + 1;
                f.settings.guaranteed_code(f.category, day).to_string()
            } else {
                leave_type
                    .map(|t| t.payroll_code.clone())
                    .unwrap_or_default()
            };
            add_absence(&mut out.absences, payroll_code, code, guaranteed, left);
        }
    }
    let mut waiting = 0;
    for r in f.requests.iter().filter(|r| r.overlaps(from, to)) {
        match r.status {
            RequestStatus::Approved => {}
            RequestStatus::Requested => {
                waiting += 1;
                continue;
            }
            _ => continue,
        }
        let Some(t) = f.types.iter().find(|t| t.id == r.type_id) else {
            continue;
        };
        let count = count_period(
            f.schedules,
            f.calendar,
            r.from.max(from),
            r.to.min(to),
            r.part,
        );
        for day in count.days.iter().filter(|d| d.charged > 0) {
            let Some(i) = index(day.date) else { continue };
            let taken = day.charged.min(base.days[i].charged - absent[i]);
            if taken > 0 {
                absent[i] += taken;
                add_absence(
                    &mut out.absences,
                    f.settings.leave_code(f.category, t).to_string(),
                    &t.code,
                    false,
                    taken,
                );
            }
        }
    }
    let position = |code: &str| {
        f.types
            .iter()
            .position(|t| t.code == code)
            .unwrap_or(usize::MAX)
    };
    out.absences
        .sort_by_key(|a| (position(&a.leave_type), !a.guaranteed));
    let worked: Vec<u32> = base
        .days
        .iter()
        .zip(&absent)
        .map(|(d, a)| d.charged - a)
        .collect();
    out.worked_minutes = worked.iter().sum();
    out.worked_days = worked.iter().filter(|m| **m > 0).count() as u32;
    out.meal_vouchers = meal_vouchers(f.settings.meal_vouchers, &worked);
    let telework: i64 = f
        .entries
        .iter()
        .filter(|e| e.item == TELEWORK)
        .map(|e| e.quantity)
        .sum();
    out.commuting_days = u32::try_from((i64::from(out.worked_days) - telework).max(0)).unwrap_or(0);
    out.commuting_km = f.commute_km.map(|km| 2 * km * out.commuting_days);
    out.changes = changes(month, f);
    if waiting > 0 {
        out.warnings
            .push(Warning::UnapprovedLeave { requests: waiting });
    }
    if f.negative_balance {
        out.warnings.push(Warning::NegativeBalance);
    }
    let mut uncoded: Vec<String> = out
        .absences
        .iter()
        .filter(|a| a.code.trim().is_empty())
        .map(|a| a.leave_type.clone())
        .collect();
    uncoded.dedup();
    out.warnings.extend(
        uncoded
            .into_iter()
            .map(|leave_type| Warning::NoPayrollCode { leave_type }),
    );
    out
}

fn add_absence(
    list: &mut Vec<AbsenceHours>,
    code: String,
    leave_type: &str,
    guaranteed: bool,
    minutes: u32,
) {
    match list
        .iter_mut()
        .find(|a| a.leave_type == leave_type && a.guaranteed == guaranteed && a.code == code)
    {
        Some(a) => {
            a.days += 1;
            a.minutes += minutes;
        }
        None => list.push(AbsenceHours {
            code,
            leave_type: leave_type.to_string(),
            guaranteed,
            days: 1,
            minutes,
        }),
    }
}

/// Starters, leavers, new schedules and new contracts (salary, kind) dated in the month.
fn changes(month: PayMonth, f: &PersonFacts<'_>) -> Vec<Change> {
    let (first, last) = (month.first_day(), month.last_day());
    let inside = |d: NaiveDate| first <= d && d <= last;
    let (start, end) = f.employment;
    let mut out = Vec::new();
    if inside(start) {
        out.push(Change::Starter { on: start });
    }
    // The schedule a starter starts with is part of starting, not a change.
    let before = first.pred_opt().unwrap_or(first);
    for s in f.schedules.changes_between(before, last) {
        if s.from != start {
            out.push(Change::Schedule {
                on: s.from,
                weekly_minutes: s.weekly_minutes(),
            });
        }
    }
    for (i, c) in f
        .contracts
        .iter()
        .enumerate()
        .filter(|(_, c)| inside(c.start))
    {
        let previous = i.checked_sub(1).map(|p| &f.contracts[p]);
        let before = previous.and_then(|p| p.gross_monthly_cents);
        if before != c.gross_monthly_cents && c.gross_monthly_cents.is_some() {
            out.push(Change::Salary {
                on: c.start,
                before,
                after: c.gross_monthly_cents,
            });
        }
        if previous.is_some_and(|p| p.kind != c.kind) {
            out.push(Change::Contract {
                on: c.start,
                kind: c.kind,
            });
        }
    }
    if let Some(e) = end.filter(|e| inside(*e)) {
        out.push(Change::Leaver { on: e });
    }
    out.sort_by_key(Change::on);
    out
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
