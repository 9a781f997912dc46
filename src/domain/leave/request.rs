//! A leave request: what the assistant types, and the checks before it is saved. Everything the
//! check needs (schedules, holidays, other absences, the balance) is passed in, so the same rules
//! apply from the leave tab, the command line and an import.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::holidays::HolidayCalendar;
use super::leave_type::{Counting, LeaveType, find};
use super::period::{DayPart, PeriodCount, count_period};
use super::schedule::Schedules;
use crate::choice_enum;
use crate::domain::date::{format_date, required_date};
use crate::domain::employee::{choice_or, optional_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::{format_minutes, parse_minutes};
use crate::text_input;

choice_enum!(
    /// A request's life. Approved leave whose last day has passed reads as "taken" (see
    /// [`LeaveRequest::shown_status`]); it is not a separate stored state, so it cannot go stale.
    RequestStatus, "request_status" {
        Requested => "requested",
        Approved => "approved",
        Refused => "refused",
        Cancelled => "cancelled",
    }
);

choice_enum!(
    /// How much of each day: whole days, a morning, an afternoon, or a number of hours.
    PartCode, "part" {
        Full => "full",
        Morning => "am",
        Afternoon => "pm",
        Hours => "hours",
    }
);

/// The longest period one request may cover: a year. Longer absences are several requests (and
/// usually a suspension of the contract rather than leave).
pub const MAX_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveRequest {
    pub id: i64,
    pub employee_id: i64,
    pub type_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(skip)]
    pub part: DayPart,
    /// What the period costs, counted when it was saved.
    pub minutes: u32,
    pub status: RequestStatus,
    pub note: String,
    pub override_reason: String,
}

/// What a list shows: the stored status, with approved leave in the past as taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownStatus {
    Stored(RequestStatus),
    Taken,
}

impl LeaveRequest {
    /// Requested or approved: it blocks the days and (once approved) uses the balance.
    pub fn is_live(&self) -> bool {
        matches!(
            self.status,
            RequestStatus::Requested | RequestStatus::Approved
        )
    }

    pub fn shown_status(&self, today: NaiveDate) -> ShownStatus {
        if self.status == RequestStatus::Approved && self.to < today {
            ShownStatus::Taken
        } else {
            ShownStatus::Stored(self.status)
        }
    }

    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.from <= to && from <= self.to
    }
}

pub fn part_code(part: DayPart) -> (PartCode, Option<u32>) {
    match part {
        DayPart::Full => (PartCode::Full, None),
        DayPart::Morning => (PartCode::Morning, None),
        DayPart::Afternoon => (PartCode::Afternoon, None),
        DayPart::Minutes(m) => (PartCode::Hours, Some(m)),
    }
}

pub fn day_part(code: PartCode, minutes: Option<u32>) -> DayPart {
    match code {
        PartCode::Full => DayPart::Full,
        PartCode::Morning => DayPart::Morning,
        PartCode::Afternoon => DayPart::Afternoon,
        PartCode::Hours => DayPart::Minutes(minutes.unwrap_or(0)),
    }
}

text_input!(
    /// What the user typed for a leave period. `leave_type` is a code or a name; `part` is full, am,
    /// pm or hours (then `hours` says how many per day); `status` requested or approved (in an
    /// import of past leave also refused or cancelled, see [`RequestContext::history`]).
    LeaveRequestInput, LEAVE_REQUEST_FIELDS { leave_type, from, to, part, hours, status, note, override_reason }
);

/// Everything a request is checked against, for one employee.
pub struct RequestContext<'a> {
    pub types: &'a [LeaveType],
    pub schedules: &'a Schedules,
    pub calendar: &'a HolidayCalendar,
    /// The employee's other requests (any status; only live ones count).
    pub existing: &'a [LeaveRequest],
    /// Sickness spells: first and last day (`None` = still ill).
    pub sickness: &'a [(NaiveDate, Option<NaiveDate>)],
    /// First and last day of employment.
    pub employment: (NaiveDate, Option<NaiveDate>),
    /// Language the leave types are named in, in messages (`nl`, `fr`, `en`).
    pub lang: &'a str,
    /// Minutes still free on the balance a type draws from, per leave year (after live requests).
    pub available: &'a dyn Fn(Counting, i32) -> i64,
    /// Recording the past (an import): refused and cancelled requests are accepted too.
    pub history: bool,
}

/// A request that passed every check, with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRequest {
    pub leave_type: LeaveType,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub part: DayPart,
    pub status: RequestStatus,
    pub note: String,
    pub override_reason: String,
    pub count: PeriodCount,
}

impl CheckedRequest {
    /// Charged minutes per calendar (= leave) year, for a request across New Year.
    pub fn minutes_by_year(&self) -> Vec<(i32, u32)> {
        minutes_by_year(&self.count)
    }
}

/// Charged minutes of a counted period per calendar (= leave) year.
pub fn minutes_by_year(count: &PeriodCount) -> Vec<(i32, u32)> {
    let mut out: Vec<(i32, u32)> = Vec::new();
    for d in &count.days {
        match out.last_mut() {
            Some((y, m)) if *y == d.date.year() => *m += d.charged,
            _ => out.push((d.date.year(), d.charged)),
        }
    }
    out
}

/// The refusal for each leave year in which a period needs more than is `free` on its balance
/// (both when leave is recorded and when a request is approved).
pub fn balance_shortfalls(count: &PeriodCount, free: impl Fn(i32) -> i64) -> Vec<FieldError> {
    minutes_by_year(count)
        .into_iter()
        .filter_map(|(year, minutes)| {
            let free = free(year);
            let short = i64::from(minutes) - free;
            (short > 0).then(|| {
                FieldError::new("override_reason", "err.exceeds_balance")
                    .arg("short", format_minutes(short as u32))
                    .arg("free", format_minutes(free.max(0) as u32))
                    .arg("year", year.to_string())
            })
        })
        .collect()
}

impl LeaveRequestInput {
    /// Checks the request as a whole. A request may only go over the balance with a reason; every
    /// refusal names what it conflicts with, so the user knows what to change.
    pub fn validate(&self, ctx: &RequestContext<'_>) -> Result<CheckedRequest, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let leave_type = if self.leave_type.trim().is_empty() {
            errs.push(FieldError::new("leave_type", "err.required"));
            None
        } else {
            match find(ctx.types, &self.leave_type) {
                Some(t) if t.is_sickness() => {
                    errs.push(FieldError::new("leave_type", "err.leave_type_sickness"));
                    None
                }
                Some(t) if !t.active => {
                    errs.push(FieldError::new("leave_type", "err.leave_type_inactive"));
                    None
                }
                Some(t) => Some(t.clone()),
                None => {
                    let codes: Vec<&str> = ctx
                        .types
                        .iter()
                        .filter(|t| t.active && !t.is_sickness())
                        .map(|t| t.code.as_str())
                        .collect();
                    errs.push(
                        FieldError::new("leave_type", "err.choice")
                            .arg("value", self.leave_type.trim())
                            .arg("options", codes.join(", ")),
                    );
                    None
                }
            }
        };
        let from = collect(&mut errs, required_date("from", &self.from));
        // An empty "to" is a one-day request.
        let to = if self.to.trim().is_empty() {
            from
        } else {
            collect(&mut errs, required_date("to", &self.to))
        };
        let code = collect(&mut errs, choice_or("part", &self.part, PartCode::Full));
        let hours = match code {
            Some(PartCode::Hours) => match parse_minutes(&self.hours) {
                Some(m) if m > 0 => Some(m),
                _ if self.hours.trim().is_empty() => {
                    errs.push(FieldError::new("hours", "err.required"));
                    None
                }
                _ => {
                    errs.push(
                        FieldError::new("hours", "err.hours").arg("value", self.hours.trim()),
                    );
                    None
                }
            },
            _ => None,
        };
        let status = collect(
            &mut errs,
            choice_or("status", &self.status, RequestStatus::Approved),
        );
        // A refused or cancelled request holds no days and no balance: it is checked field by field
        // but conflicts with nothing.
        let live = !matches!(
            status,
            Some(RequestStatus::Refused | RequestStatus::Cancelled)
        );
        if !live && !ctx.history {
            errs.push(FieldError::new("status", "err.request_new_status"));
        }
        let note = collect(&mut errs, optional_text("note", &self.note, 500));
        let override_reason = collect(
            &mut errs,
            optional_text("override_reason", &self.override_reason, 200),
        );
        let (Some(from), Some(to)) = (from, to) else {
            return Err(errs);
        };
        if to < from {
            errs.push(FieldError::new("to", "err.end_before_start"));
            return Err(errs);
        }
        if (to - from).num_days() >= MAX_DAYS {
            errs.push(FieldError::new("to", "err.request_too_long"));
            return Err(errs);
        }
        let (start, end) = ctx.employment;
        if from < start {
            errs.push(
                FieldError::new("from", "err.before_employment").arg("start", format_date(start)),
            );
        }
        if let Some(end) = end.filter(|e| to > *e) {
            errs.push(FieldError::new("to", "err.after_employment").arg("end", format_date(end)));
        }
        if let Some(other) = ctx
            .existing
            .iter()
            .find(|r| live && r.is_live() && r.overlaps(from, to))
        {
            let name = ctx
                .types
                .iter()
                .find(|t| t.id == other.type_id)
                .map(|t| t.name(ctx.lang).to_lowercase())
                .unwrap_or_default();
            errs.push(
                FieldError::new("from", "err.overlaps_leave")
                    .arg("what", name)
                    .arg("from", format_date(other.from))
                    .arg("to", format_date(other.to)),
            );
        }
        if let Some((s, e)) = ctx
            .sickness
            .iter()
            .find(|(s, e)| live && *s <= to && e.is_none_or(|e| from <= e))
        {
            errs.push(
                FieldError::new("from", "err.overlaps_sickness")
                    .arg("from", format_date(*s))
                    .arg("to", e.map(format_date).unwrap_or_else(|| "…".into())),
            );
        }
        let part = day_part(code.unwrap_or(PartCode::Full), hours);
        let count = count_period(ctx.schedules, ctx.calendar, from, to, part);
        if errs.is_empty()
            && count.charged_minutes == 0
            && count.days.iter().all(|d| d.charged == 0)
        {
            errs.push(FieldError::new("to", "err.no_working_day"));
        }
        let Some(leave_type) = leave_type else {
            return Err(errs);
        };
        if let Some(max) = leave_type
            .days_per_event
            .filter(|m| count.working_days > *m)
        {
            errs.push(
                FieldError::new("to", "err.days_per_event")
                    .arg("max", max.to_string())
                    .arg("days", count.working_days.to_string()),
            );
        }
        if let Some(max) = leave_type.days_per_year.filter(|_| live) {
            let used: u32 = ctx
                .existing
                .iter()
                .filter(|r| {
                    r.is_live() && r.type_id == leave_type.id && r.from.year() == from.year()
                })
                .map(|r| {
                    count_period(ctx.schedules, ctx.calendar, r.from, r.to, r.part).working_days
                })
                .sum();
            if used + count.working_days > max {
                errs.push(
                    FieldError::new("to", "err.days_per_year")
                        .arg("max", max.to_string())
                        .arg("used", used.to_string()),
                );
            }
        }
        let checked = CheckedRequest {
            leave_type,
            from,
            to,
            part,
            status: status.unwrap_or(RequestStatus::Approved),
            note: note.unwrap_or_default(),
            override_reason: override_reason.unwrap_or_default(),
            count,
        };
        if live
            && checked.leave_type.counting != Counting::None
            && checked.override_reason.is_empty()
        {
            let counting = checked.leave_type.counting;
            for e in balance_shortfalls(&checked.count, |year| (ctx.available)(counting, year)) {
                errs.push(e);
            }
        }
        errs.into_result(checked)
    }
}

/// A stored whole-day request with only what the tests vary.
#[cfg(test)]
pub(crate) fn sample_request(
    type_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    minutes: u32,
    status: RequestStatus,
) -> LeaveRequest {
    LeaveRequest {
        id: 1,
        employee_id: 1,
        type_id,
        from,
        to,
        part: DayPart::Full,
        minutes,
        status,
        note: String::new(),
        override_reason: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::leave_type::sample;
    use crate::domain::leave::schedule::Schedule;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    struct World {
        types: Vec<LeaveType>,
        schedules: Schedules,
        calendar: HolidayCalendar,
        existing: Vec<LeaveRequest>,
        sickness: Vec<(NaiveDate, Option<NaiveDate>)>,
        free: i64,
    }

    fn world() -> World {
        let mut small = sample(3, "small_funeral", Counting::None);
        small.days_per_event = Some(1);
        World {
            types: vec![
                sample(1, "legal", Counting::Annual),
                sample(2, "sickness", Counting::None),
                small,
            ],
            // Monday to Thursday 7h36: a 4/5 part-timer.
            schedules: Schedules::new(vec![Schedule::weekly(
                d(2020, 1, 1),
                [456, 456, 456, 456, 0, 0, 0],
            )]),
            calendar: HolidayCalendar::new(vec![]),
            existing: vec![],
            sickness: vec![],
            free: 20 * 456,
        }
    }

    fn check(w: &World, input: &LeaveRequestInput) -> Result<CheckedRequest, ValidationErrors> {
        check_as(w, input, false)
    }

    fn check_as(
        w: &World,
        input: &LeaveRequestInput,
        history: bool,
    ) -> Result<CheckedRequest, ValidationErrors> {
        let free = w.free;
        let available = move |_: Counting, _: i32| free;
        input.validate(&RequestContext {
            types: &w.types,
            schedules: &w.schedules,
            calendar: &w.calendar,
            existing: &w.existing,
            sickness: &w.sickness,
            employment: (d(2021, 3, 1), None),
            lang: "en",
            available: &available,
            history,
        })
    }

    fn input(kind: &str, from: &str, to: &str) -> LeaveRequestInput {
        LeaveRequestInput {
            leave_type: kind.into(),
            from: from.into(),
            to: to.into(),
            ..Default::default()
        }
    }

    #[test]
    fn easter_week_costs_three_days_for_a_monday_to_thursday_part_timer() {
        // Easter Monday 6 April 2026 is a holiday, Friday 10 April a free day.
        let c = check(&world(), &input("legal", "06/04/2026", "12/04/2026")).unwrap();
        assert_eq!(c.count.charged_minutes, 3 * 456);
        assert_eq!(c.count.working_days, 3);
    }

    #[test]
    fn across_new_year_each_year_pays_its_own_days() {
        let c = check(&world(), &input("legal", "29/12/2025", "02/01/2026")).unwrap();
        // 29, 30, 31 December (Mon–Wed); 1 January is a holiday, 2 January a Friday off.
        assert_eq!(c.minutes_by_year(), vec![(2025, 3 * 456), (2026, 0)]);
    }

    #[test]
    fn overlap_with_other_leave_and_sickness_is_named() {
        let mut w = world();
        w.existing.push(LeaveRequest {
            id: 9,
            employee_id: 1,
            type_id: 1,
            from: d(2026, 7, 6),
            to: d(2026, 7, 9),
            part: DayPart::Full,
            minutes: 4 * 456,
            status: RequestStatus::Approved,
            note: String::new(),
            override_reason: String::new(),
        });
        w.sickness.push((d(2026, 8, 3), None));
        let e = check(&w, &input("legal", "09/07/2026", "13/07/2026")).unwrap_err();
        let over = e.for_field("from").unwrap();
        assert_eq!(over.key, "err.overlaps_leave");
        assert!(over.args.contains(&("from", "06/07/2026".into())));
        let e = check(&w, &input("legal", "10/08/2026", "")).unwrap_err();
        assert_eq!(e.for_field("from").unwrap().key, "err.overlaps_sickness");
        // A cancelled request no longer blocks its days.
        w.existing[0].status = RequestStatus::Cancelled;
        assert!(check(&w, &input("legal", "09/07/2026", "13/07/2026")).is_ok());
    }

    #[test]
    fn history_may_hold_refused_and_cancelled_requests_that_block_nothing() {
        let mut w = world();
        w.free = 0;
        w.sickness.push((d(2026, 7, 6), Some(d(2026, 7, 10))));
        let mut i = input("legal", "06/07/2026", "07/07/2026");
        i.status = "cancelled".into();
        let e = check(&w, &i).unwrap_err();
        assert_eq!(e.for_field("status").unwrap().key, "err.request_new_status");
        let c = check_as(&w, &i, true).unwrap();
        assert_eq!(c.status, RequestStatus::Cancelled);
        assert_eq!(c.count.charged_minutes, 2 * 456);
        // Its fields are still checked, and a live one in the history conflicts as usual.
        i.hours = "x".into();
        i.part = "hours".into();
        assert!(check_as(&w, &i, true).is_err());
        i.status = "approved".into();
        i.part = String::new();
        let e = check_as(&w, &i, true).unwrap_err();
        assert_eq!(e.for_field("from").unwrap().key, "err.overlaps_sickness");
        assert!(e.for_field("override_reason").is_some());
    }

    #[test]
    fn over_the_balance_needs_a_reason() {
        let mut w = world();
        w.free = 456;
        let mut i = input("legal", "06/07/2026", "07/07/2026");
        let e = check(&w, &i).unwrap_err();
        let err = e.for_field("override_reason").unwrap();
        assert_eq!(err.key, "err.exceeds_balance");
        assert!(err.args.contains(&("short", "7h36".into())));
        i.override_reason = "advance agreed with the manager".into();
        assert!(check(&w, &i).is_ok());
    }

    #[test]
    fn refusals_before_start_sickness_type_per_event_and_empty_periods() {
        let w = world();
        let e = check(&w, &input("legal", "26/02/2021", "26/02/2021")).unwrap_err();
        assert_eq!(e.for_field("from").unwrap().key, "err.before_employment");
        let e = check(&w, &input("sickness", "06/07/2026", "")).unwrap_err();
        assert_eq!(
            e.for_field("leave_type").unwrap().key,
            "err.leave_type_sickness"
        );
        let e = check(&w, &input("small_funeral", "06/07/2026", "07/07/2026")).unwrap_err();
        assert_eq!(e.for_field("to").unwrap().key, "err.days_per_event");
        let e = check(&w, &input("legal", "10/07/2026", "12/07/2026")).unwrap_err();
        assert_eq!(e.for_field("to").unwrap().key, "err.no_working_day");
        let e = check(&w, &input("holiday", "06/07/2026", "")).unwrap_err();
        assert_eq!(e.for_field("leave_type").unwrap().key, "err.choice");
    }

    #[test]
    fn half_days_and_hours() {
        let w = world();
        let mut i = input("legal", "06/07/2026", "");
        i.part = "am".into();
        assert_eq!(check(&w, &i).unwrap().count.charged_minutes, 228);
        i.part = "hours".into();
        let e = check(&w, &i).unwrap_err();
        assert_eq!(e.for_field("hours").unwrap().key, "err.required");
        i.hours = "2h30".into();
        assert_eq!(check(&w, &i).unwrap().count.charged_minutes, 150);
    }
}
