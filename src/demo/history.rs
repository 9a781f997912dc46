//! The synthetic company's history over its last `years` years: leave and sickness for each person,
//! the schedule of those working four days out of five, and the legal leave allocated each year.
//! Like the people themselves, one person's history depends only on (person, seed, today, years).

use chrono::{Datelike, NaiveDate, Weekday};
use fastrand::Rng;

use super::{DemoPerson, days, monday_of, months};
use crate::domain::date::parse_date;
use crate::domain::leave::entitlement::{legal_days_five_day, months_worked};
use crate::domain::leave::holidays::legal_holiday_on;

/// One period of leave, counted already (the generator knows the schedule, so the store need not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLeave {
    /// A leave type code ("legal", "small_funeral"…).
    pub kind: &'static str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "full" or "am".
    pub part: &'static str,
    /// Minutes the period takes from the schedule (holidays and days off left out).
    pub minutes: u32,
    /// "approved", or "requested" for some leave still to come.
    pub status: &'static str,
}

/// A sickness spell; `end` is `None` only for a spell still running today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistorySickness {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub certificate: Option<NaiveDate>,
    pub certificate_free: bool,
    /// "illness" or "work_accident".
    pub cause: &'static str,
}

/// Everything generated for one person, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Minutes per weekday (Monday first) when the person does not work five even days: the schedule
    /// to record from the last contract's start.
    pub schedule: Option<(NaiveDate, [u32; 7])>,
    /// (year, minutes) of legal leave allocated on 1 January of each year of the span.
    pub allocations: Vec<(i32, i64)>,
    pub leave: Vec<HistoryLeave>,
    pub sickness: Vec<HistorySickness>,
}

/// The first day of a history of `years` years ending `today`.
pub fn span_start(today: NaiveDate, years: u32) -> NaiveDate {
    days(months(today, -12 * years as i32), 1)
}

/// The history of `person` (the `i`-th of the synthetic company) within the last `years` years.
pub fn history(i: usize, person: &DemoPerson, seed: u64, today: NaiveDate, years: u32) -> History {
    let mut rng = Rng::with_seed(seed.rotate_left(17) ^ (i as u64).wrapping_mul(0x9E37_79B9));
    let rng = &mut rng;
    let Some(start) = parse_date(&person.employee.start_date) else {
        return History::default();
    };
    let end = person
        .departure
        .as_ref()
        .and_then(|d| parse_date(&d.end_date));
    let last = person.contracts.last();
    let weekly = last
        .and_then(|c| crate::domain::money::parse_minutes(&c.weekly_hours))
        .unwrap_or(38 * 60);
    let week = week_of(weekly);
    let mut h = History {
        schedule: (weekly == 30 * 60 + 24)
            .then(|| last.and_then(|c| parse_date(&c.start)).map(|d| (d, week)))
            .flatten(),
        ..Default::default()
    };
    let from = span_start(today, years).max(start);
    let until = end.unwrap_or(today);
    if from > until || start > today {
        return h;
    }
    // Nothing before the span: a history of Y years starts Y years ago, not on 1 January.
    let work = Work {
        week,
        start: from,
        end: until,
        today,
    };
    for year in from.year()..=until.year().max(today.year()) {
        if end.is_some_and(|e| e.year() < year) {
            break;
        }
        let jan = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(from);
        let month_count = months_worked(year - 1, &[(start, end)], &[]);
        let allocated = i64::from(legal_days_five_day(month_count)) * i64::from(weekly) / 5;
        if allocated > 0 {
            h.allocations.push((year, allocated));
        }
        // Summer: two weeks between early July and the end of August.
        let summer = monday_of(days(
            NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(jan),
            7 * rng.i64(0..7),
        ));
        work.push(&mut h, "legal", summer, days(summer, 11), "full", rng);
        // A week around Easter or in autumn for half of them.
        if rng.bool() {
            let week_start = monday_of(days(jan, 7 * rng.i64(12..44)));
            work.push(
                &mut h,
                "legal",
                week_start,
                days(week_start, 4),
                "full",
                rng,
            );
        }
        // Single days through the year, one of them a half day.
        for k in 0..rng.u8(3..7) {
            let day = days(jan, rng.i64(5..355));
            let part = if k == 0 { "am" } else { "full" };
            work.push(&mut h, "legal", day, day, part, rng);
        }
        if rng.u8(..100) < 12 {
            let day = days(jan, rng.i64(0..360));
            let kind = if rng.u8(..4) == 0 {
                "small_death_parent"
            } else {
                "small_funeral"
            };
            let to = if kind == "small_funeral" {
                day
            } else {
                days(day, 2)
            };
            work.push(&mut h, kind, day, to, "full", rng);
        }
        sickness(&mut h, &work, jan, rng);
    }
    h.leave.sort_by_key(|l| l.from);
    h.sickness.sort_by_key(|s| s.start);
    // Overlapping leave would be refused by the rules: keep the first of two that overlap.
    let mut kept_to = NaiveDate::MIN;
    h.leave.retain(|l| {
        let keep = l.from > kept_to;
        if keep {
            kept_to = l.to;
        }
        keep
    });
    let mut sick_to = NaiveDate::MIN;
    h.sickness.retain(|s| {
        let keep = s.start > sick_to;
        if keep {
            sick_to = s.end.unwrap_or(NaiveDate::MAX);
        }
        keep
    });
    h
}

/// A year's sickness: most people a short spell or two, some a certificate-free day, a few a long
/// illness or a work accident (the long ones are what Bradford and absenteeism reports are about).
fn sickness(h: &mut History, work: &Work, jan: NaiveDate, rng: &mut Rng) {
    for _ in 0..rng.u8(0..3) {
        let start = days(jan, rng.i64(0..365));
        let (length, cause) = match rng.u16(..1000) {
            0..=14 => (rng.i64(30..150), "illness"),
            15..=24 => (rng.i64(3..30), "work_accident"),
            25..=299 => (0, "illness"),
            _ => (rng.i64(1..8), "illness"),
        };
        if start < work.start || start > work.end || start > work.today {
            continue;
        }
        let end = days(start, length);
        let free = length == 0 && rng.bool();
        let running = end >= work.today && cause == "illness";
        h.sickness.push(HistorySickness {
            start,
            end: if running {
                None
            } else {
                Some(end.min(work.end))
            },
            certificate: (!free).then(|| days(start, 1).min(work.today)),
            certificate_free: free,
            cause,
        });
    }
}

/// Minutes per weekday for a weekly regime: 4/5 with Wednesday off, else five even days.
fn week_of(weekly: u32) -> [u32; 7] {
    if weekly == 30 * 60 + 24 {
        [456, 456, 0, 456, 456, 0, 0]
    } else {
        // The store's default for a contract without a recorded schedule: an even split.
        let (day, rest) = (weekly / 5, weekly % 5);
        let mut week = [0; 7];
        for (i, d) in week.iter_mut().take(5).enumerate() {
            *d = day + u32::from((i as u32) < rest);
        }
        week
    }
}

/// The part of the employment within the span that leave and sickness fall in, and the week.
struct Work {
    week: [u32; 7],
    /// The later of the first day of work and the first day of the span.
    start: NaiveDate,
    /// The last day of work (today for people still here).
    end: NaiveDate,
    today: NaiveDate,
}

impl Work {
    /// Adds leave from `from` to `to` if it falls within the employment and takes working time:
    /// approved, except some of what is still to come, which waits for approval.
    fn push(
        &self,
        h: &mut History,
        kind: &'static str,
        from: NaiveDate,
        to: NaiveDate,
        part: &'static str,
        rng: &mut Rng,
    ) {
        let horizon = days(self.today, 200);
        if from < self.start || to > self.end.max(horizon) || to > horizon {
            return;
        }
        if self.end < self.today && to > self.end {
            return;
        }
        let mut minutes = 0;
        let mut d = from;
        while d <= to {
            let day = self.week[d.weekday().num_days_from_monday() as usize];
            if legal_holiday_on(d).is_none() {
                minutes += day;
            }
            d = days(d, 1);
        }
        if part == "am" {
            minutes /= 2;
        }
        if minutes == 0 || matches!(from.weekday(), Weekday::Sat | Weekday::Sun) {
            return;
        }
        let status = if from > self.today && rng.u8(..100) < 40 {
            "requested"
        } else {
            "approved"
        };
        h.leave.push(HistoryLeave {
            kind,
            from,
            to,
            part,
            minutes,
            status,
        });
    }
}
