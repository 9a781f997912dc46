//! Absence per type in a year, per person: minutes of leave for each leave type and calendar days of
//! sickness and work accidents, as the dossier and `dossier leave totals` show them.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::holidays::HolidayCalendar;
use super::leave_type::LeaveType;
use super::period::count_period;
use super::request::{LeaveRequest, RequestStatus};
use super::rules::last_day_of_year;
use super::schedule::Schedules;
use super::sickness::{SickSpell, absence_days};

/// How much of one type: leave counts in minutes of the person's schedule, sickness in calendar
/// days (as the sickness register and the guaranteed salary count it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TotalAmount {
    Minutes(u32),
    CalendarDays(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypeTotal {
    pub type_id: i64,
    /// The type's code, stable for scripts.
    pub code: String,
    pub amount: TotalAmount,
}

/// The year's absence per type, in the order of `types`, leaving out types with nothing. Leave counts
/// when approved (taken or still planned); requested, refused and cancelled leave does not. A request
/// across New Year counts only its days in `year`. Sickness spells count under the sickness or work
/// accident type (see `SickCause::leave_type_code`); a spell still open counts up to `today`.
pub fn absence_totals(
    requests: &[LeaveRequest],
    spells: &[SickSpell],
    types: &[LeaveType],
    schedules: &Schedules,
    calendar: &HolidayCalendar,
    year: i32,
    today: NaiveDate,
) -> Vec<TypeTotal> {
    let in_year = |r: &LeaveRequest| -> u32 {
        if r.from.year() == year && r.to.year() == year {
            // What was counted when it was saved, as on the balance.
            return r.minutes;
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(r.from);
        let from = r.from.max(first);
        let to = r.to.min(last_day_of_year(year));
        count_period(schedules, calendar, from, to, r.part).charged_minutes
    };
    types
        .iter()
        .filter_map(|t| {
            let amount = if t.is_sickness() {
                let days = spells
                    .iter()
                    .filter(|s| s.cause.leave_type_code() == t.code)
                    .map(|s| absence_days(s, year, today))
                    .sum();
                TotalAmount::CalendarDays(days)
            } else {
                let minutes = requests
                    .iter()
                    .filter(|r| r.type_id == t.id && r.status == RequestStatus::Approved)
                    .map(in_year)
                    .fold(0u32, u32::saturating_add);
                TotalAmount::Minutes(minutes)
            };
            let nothing = matches!(
                amount,
                TotalAmount::Minutes(0) | TotalAmount::CalendarDays(0)
            );
            (!nothing).then(|| TypeTotal {
                type_id: t.id,
                code: t.code.clone(),
                amount,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::leave_type::{Counting, sample};
    use crate::domain::leave::request::sample_request as request;
    use crate::domain::leave::schedule::Schedule;
    use crate::domain::leave::sickness::SickCause;
    use crate::domain::leave::sickness::sample_spell as spell;

    const DAY: u32 = 456;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn types() -> Vec<LeaveType> {
        vec![
            sample(1, "legal", Counting::Annual),
            sample(2, "compensatory", Counting::None),
            sample(3, "sickness", Counting::None),
            sample(4, "work_accident", Counting::None),
        ]
    }

    fn totals(
        requests: &[LeaveRequest],
        spells: &[SickSpell],
        year: i32,
    ) -> Vec<(String, TotalAmount)> {
        let schedules = Schedules::new(vec![Schedule::weekly(
            d(2020, 1, 1),
            [DAY, DAY, DAY, DAY, DAY, 0, 0],
        )]);
        let calendar = HolidayCalendar::new(vec![]);
        absence_totals(
            requests,
            spells,
            &types(),
            &schedules,
            &calendar,
            year,
            d(2026, 11, 23),
        )
        .into_iter()
        .map(|t| (t.code, t.amount))
        .collect()
    }

    #[test]
    fn a_request_across_new_year_counts_its_days_in_each_year() {
        // Monday 29 December 2025 to Friday 2 January 2026: three days in 2025, one in 2026
        // (1 January is a holiday).
        let r = [request(
            1,
            d(2025, 12, 29),
            d(2026, 1, 2),
            4 * DAY,
            RequestStatus::Approved,
        )];
        assert_eq!(
            totals(&r, &[], 2025),
            [("legal".into(), TotalAmount::Minutes(3 * DAY))]
        );
        assert_eq!(
            totals(&r, &[], 2026),
            [("legal".into(), TotalAmount::Minutes(DAY))]
        );
        assert!(totals(&r, &[], 2027).is_empty());
    }

    #[test]
    fn only_approved_leave_counts() {
        let r = [
            request(
                1,
                d(2026, 7, 6),
                d(2026, 7, 10),
                5 * DAY,
                RequestStatus::Approved,
            ),
            request(
                1,
                d(2026, 8, 3),
                d(2026, 8, 7),
                5 * DAY,
                RequestStatus::Refused,
            ),
            request(
                1,
                d(2026, 9, 7),
                d(2026, 9, 7),
                DAY,
                RequestStatus::Cancelled,
            ),
            request(
                2,
                d(2026, 10, 5),
                d(2026, 10, 5),
                DAY,
                RequestStatus::Requested,
            ),
            // Planned for December: approved, so it counts.
            request(
                2,
                d(2026, 12, 7),
                d(2026, 12, 7),
                120,
                RequestStatus::Approved,
            ),
        ];
        assert_eq!(
            totals(&r, &[], 2026),
            [
                ("legal".into(), TotalAmount::Minutes(5 * DAY)),
                ("compensatory".into(), TotalAmount::Minutes(120)),
            ]
        );
    }

    #[test]
    fn sickness_counts_calendar_days_in_the_year_and_work_accidents_apart() {
        let s = [
            // Four days in 2025, three in 2026.
            spell(d(2025, 12, 28), Some(d(2026, 1, 3)), SickCause::Illness),
            spell(
                d(2026, 3, 2),
                Some(d(2026, 3, 15)),
                SickCause::PrivateAccident,
            ),
            spell(d(2026, 5, 4), Some(d(2026, 5, 6)), SickCause::WorkAccident),
            // Still open on 23 November: 23 days so far.
            spell(d(2026, 11, 1), None, SickCause::Illness),
        ];
        assert_eq!(
            totals(&[], &s, 2026),
            [
                ("sickness".into(), TotalAmount::CalendarDays(3 + 14 + 23)),
                ("work_accident".into(), TotalAmount::CalendarDays(3)),
            ]
        );
        assert_eq!(
            totals(&[], &s, 2025),
            [("sickness".into(), TotalAmount::CalendarDays(4))]
        );
    }
}
