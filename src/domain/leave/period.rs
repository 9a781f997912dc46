//! What a leave period costs: each day's planned minutes, holidays excluded. The one count that leave
//! requests, balances, calendars and exports all use, so they can never disagree (BELGIAN-RULES.md §2, §12).

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::{DayOff, HolidayCalendar};
use super::schedule::Schedules;

/// How much of each working day in the period the leave takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Full,
    /// The first half of the day's planned minutes (rounded down).
    Morning,
    /// The rest, so a morning and an afternoon always make exactly one full day.
    Afternoon,
    /// At most this many minutes of each day (hour-based leave).
    Minutes(u32),
}

impl DayPart {
    /// The minutes taken from a day that plans `scheduled` minutes.
    pub fn of(self, scheduled: u32) -> u32 {
        match self {
            DayPart::Full => scheduled,
            DayPart::Morning => scheduled / 2,
            DayPart::Afternoon => scheduled - scheduled / 2,
            DayPart::Minutes(m) => m.min(scheduled),
        }
    }
}

/// What a day of the period is for this person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayStatus {
    /// Nothing planned on a Saturday or Sunday.
    Weekend,
    /// Nothing planned on a weekday: a part-timer's free day (or a day before the first schedule).
    FreeDay,
    /// A legal holiday or paid company day. Shown whether or not the person would have worked that day,
    /// never charged: the employer pays it, and a part-timer simply had it off anyway (§12).
    Holiday(DayOff),
    /// Collective closure on a planned day: the company is shut, and the day is charged as leave.
    Closure,
    Work,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    pub date: NaiveDate,
    /// Minutes the schedule plans that day (also on a holiday, for the record).
    pub scheduled: u32,
    /// Minutes the leave takes that day: never more than `scheduled`, 0 on holidays.
    pub charged: u32,
    pub status: DayStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodCount {
    /// Every calendar day of the period, in order.
    pub days: Vec<DayCount>,
    pub charged_minutes: u32,
    /// Days with something charged.
    pub working_days: u32,
    /// Holidays on days the person was scheduled to work: the leave the period did not cost because of them.
    pub holidays_on_scheduled_days: u32,
}

/// Counts the leave `part` of every working day from `from` to `to` inclusive, under the schedule in force
/// on each day (so a schedule change inside the period is followed). Holidays are never charged; a
/// collective closure is. `from` after `to` is an empty period (no days, nothing charged), not a panic,
/// because the dates come from what a user typed.
pub fn count_period(
    schedules: &Schedules,
    calendar: &HolidayCalendar,
    from: NaiveDate,
    to: NaiveDate,
    part: DayPart,
) -> PeriodCount {
    let mut count = PeriodCount::default();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let scheduled = schedules.minutes_on(date);
        let status = if let Some(off) = calendar.day_off(date) {
            DayStatus::Holiday(off)
        } else if scheduled == 0 {
            match date.weekday() {
                Weekday::Sat | Weekday::Sun => DayStatus::Weekend,
                _ => DayStatus::FreeDay,
            }
        } else if calendar.closure(date) {
            DayStatus::Closure
        } else {
            DayStatus::Work
        };
        let charged = match status {
            DayStatus::Work | DayStatus::Closure => part.of(scheduled),
            _ => 0,
        };
        count.charged_minutes = count.charged_minutes.saturating_add(charged);
        count.working_days += u32::from(charged > 0);
        count.holidays_on_scheduled_days +=
            u32::from(matches!(status, DayStatus::Holiday(_)) && scheduled > 0);
        count.days.push(DayCount {
            date,
            scheduled,
            charged,
            status,
        });
    }
    count
}

/// An amount of leave as whole days plus the rest in minutes, for "2 d 3h48". Numbers only: the UI
/// words and translates them. `negative` lets an overdrawn balance show as "−1 d 2h".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaysAndMinutes {
    pub negative: bool,
    pub days: u32,
    pub minutes: u32,
}

/// Splits `minutes` into days of `day_minutes` (usually the schedule's average day,
/// `Schedule::average_day_minutes`). With no day length everything stays in minutes.
/// The average day is rounded down to a whole minute (30h24 over five days is 364.8 minutes, shown
/// as 364), so a rest of at most one minute per day is that rounding, not leave: 20 days of such a
/// schedule read "20 d", not "20 d 0h16".
pub fn days_and_minutes(minutes: i64, day_minutes: u32) -> DaysAndMinutes {
    let total = minutes.unsigned_abs();
    let (days, rest) = match u64::from(day_minutes) {
        0 => (0, total),
        day => match (total / day, total % day) {
            (days, rest) if rest <= days => (days, 0),
            split => split,
        },
    };
    DaysAndMinutes {
        negative: minutes < 0,
        days: u32::try_from(days).unwrap_or(u32::MAX),
        minutes: u32::try_from(rest).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::choice::Choice;
    use crate::domain::leave::holidays::{
        CompanyDay, CompanyDayKind, LegalHoliday, legal_holiday_on,
    };
    use crate::domain::leave::schedule::{Schedule, standard_full_time};
    use chrono::Duration;
    use proptest::prelude::*;

    const FT: u32 = 38 * 60;

    #[test]
    fn days_and_minutes_drops_the_rounding_of_the_average_day() {
        // 30h24 over five days: 364.8 minutes a day, shown with a day of 364.
        let twenty = days_and_minutes(20 * 1824 / 5, 364);
        assert_eq!((twenty.days, twenty.minutes), (20, 0));
        // Half a day is leave, not rounding.
        let half = days_and_minutes(2 * 456 + 228, 456);
        assert_eq!((half.days, half.minutes), (2, 228));
        let minus = days_and_minutes(-(456 + 1), 456);
        assert_eq!((minus.negative, minus.days, minus.minutes), (true, 1, 0));
        assert_eq!(days_and_minutes(90, 0).minutes, 90);
    }
    const MON_THU: [u32; 7] = [456, 456, 456, 456, 0, 0, 0];

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn one(s: Schedule) -> Schedules {
        Schedules::new(vec![s])
    }

    fn no_company_days() -> HolidayCalendar {
        HolidayCalendar::new(Vec::new())
    }

    fn statuses(c: &PeriodCount) -> Vec<DayStatus> {
        c.days.iter().map(|d| d.status.clone()).collect()
    }

    #[test]
    fn part_timer_with_holidays_on_her_free_friday_and_on_a_monday() {
        let s = one(Schedule::weekly(d(2025, 1, 1), MON_THU));
        let cal = no_company_days();
        // Week of Labour Day, Friday 1 May 2026: her free day anyway.
        let c = count_period(&s, &cal, d(2026, 4, 27), d(2026, 5, 1), DayPart::Full);
        assert_eq!(c.charged_minutes, 4 * 456);
        assert_eq!(c.working_days, 4);
        assert_eq!(c.holidays_on_scheduled_days, 0);
        assert_eq!(
            c.days[4].status,
            DayStatus::Holiday(DayOff::Legal(LegalHoliday::LabourDay))
        );
        assert_eq!(c.days[4].scheduled, 0);
        // Week of Whit Monday, 25 May 2026: the holiday spares her a planned day.
        let c = count_period(&s, &cal, d(2026, 5, 25), d(2026, 5, 31), DayPart::Full);
        assert_eq!(c.charged_minutes, 3 * 456);
        assert_eq!(c.working_days, 3);
        assert_eq!(c.holidays_on_scheduled_days, 1);
        assert_eq!(c.days[0].scheduled, 456);
        assert_eq!(c.days[0].charged, 0);
        assert_eq!(
            statuses(&c)[3..],
            [
                DayStatus::Work,
                DayStatus::FreeDay,
                DayStatus::Weekend,
                DayStatus::Weekend
            ]
        );
    }

    #[test]
    fn half_day_next_to_a_holiday() {
        let s = one(standard_full_time(d(2025, 1, 1), FT));
        let cal = no_company_days();
        // Easter Monday 6 April 2026 and the Tuesday morning after it.
        let c = count_period(&s, &cal, d(2026, 4, 6), d(2026, 4, 7), DayPart::Morning);
        assert_eq!(c.charged_minutes, 228);
        assert_eq!(c.working_days, 1);
        assert_eq!(c.days[0].charged, 0);
        let c = count_period(&s, &cal, d(2026, 4, 7), d(2026, 4, 7), DayPart::Afternoon);
        assert_eq!(c.charged_minutes, 228);
        // A half day on the holiday itself costs nothing.
        let c = count_period(&s, &cal, d(2026, 4, 6), d(2026, 4, 6), DayPart::Morning);
        assert_eq!(c.charged_minutes, 0);
        assert_eq!(c.working_days, 0);
    }

    #[test]
    fn odd_minutes_go_to_the_afternoon() {
        assert_eq!(DayPart::Morning.of(455), 227);
        assert_eq!(DayPart::Afternoon.of(455), 228);
        assert_eq!(DayPart::Minutes(120).of(455), 120);
        assert_eq!(DayPart::Minutes(600).of(455), 455);
    }

    #[test]
    fn period_across_new_year() {
        let s = one(standard_full_time(d(2025, 1, 1), FT));
        let c = count_period(
            &s,
            &no_company_days(),
            d(2025, 12, 29),
            d(2026, 1, 2),
            DayPart::Full,
        );
        assert_eq!(c.days.len(), 5);
        assert_eq!(c.charged_minutes, 4 * 456);
        assert_eq!(c.working_days, 4);
        assert_eq!(c.holidays_on_scheduled_days, 1);
        assert_eq!(c.days[3].date, d(2026, 1, 1));
        assert_eq!(
            c.days[3].status,
            DayStatus::Holiday(DayOff::Legal(LegalHoliday::NewYear))
        );
    }

    #[test]
    fn schedule_change_in_the_middle_of_the_period() {
        let s = Schedules::new(vec![
            standard_full_time(d(2024, 1, 1), FT),
            Schedule::weekly(d(2026, 3, 9), MON_THU),
        ]);
        let c = count_period(
            &s,
            &no_company_days(),
            d(2026, 3, 2),
            d(2026, 3, 15),
            DayPart::Full,
        );
        assert_eq!(c.charged_minutes, 9 * 456);
        assert_eq!(c.working_days, 9);
        assert_eq!(c.days[4].status, DayStatus::Work); // Friday 6/3, still full time
        assert_eq!(c.days[11].status, DayStatus::FreeDay); // Friday 13/3, now free
    }

    #[test]
    fn company_days_off_are_free_but_a_closure_is_charged() {
        let s = one(standard_full_time(d(2025, 1, 1), FT));
        let day = |date, kind| CompanyDay {
            date,
            kind,
            name: String::new(),
            replaces: None,
        };
        let cal = HolidayCalendar::new(vec![
            day(d(2026, 5, 15), CompanyDayKind::Bridge),
            day(d(2026, 12, 28), CompanyDayKind::Closure),
            day(d(2026, 12, 29), CompanyDayKind::Closure),
        ]);
        // Ascension Thursday 14/5 and the bridge Friday after it.
        let c = count_period(&s, &cal, d(2026, 5, 11), d(2026, 5, 15), DayPart::Full);
        assert_eq!(c.working_days, 3);
        assert_eq!(c.holidays_on_scheduled_days, 2);
        let c = count_period(&s, &cal, d(2026, 12, 28), d(2026, 12, 29), DayPart::Full);
        assert_eq!(c.charged_minutes, 2 * 456);
        assert_eq!(statuses(&c), [DayStatus::Closure, DayStatus::Closure]);
    }

    #[test]
    fn reversed_period_is_empty_and_nothing_is_planned_before_the_first_schedule() {
        let s = one(standard_full_time(d(2026, 3, 2), FT));
        let cal = no_company_days();
        assert_eq!(
            count_period(&s, &cal, d(2026, 3, 6), d(2026, 3, 2), DayPart::Full),
            PeriodCount::default()
        );
        let c = count_period(&s, &cal, d(2026, 2, 27), d(2026, 3, 2), DayPart::Full);
        assert_eq!(c.days[0].status, DayStatus::FreeDay);
        assert_eq!(c.charged_minutes, 456);
    }

    #[test]
    fn minutes_as_days_and_rest() {
        let x = |negative, days, minutes| DaysAndMinutes {
            negative,
            days,
            minutes,
        };
        assert_eq!(days_and_minutes(2 * 456 + 228, 456), x(false, 2, 228));
        assert_eq!(days_and_minutes(9120, 456), x(false, 20, 0));
        assert_eq!(days_and_minutes(-500, 456), x(true, 1, 44));
        assert_eq!(days_and_minutes(300, 0), x(false, 0, 300));
        assert_eq!(days_and_minutes(0, 456), x(false, 0, 0));
    }

    // Random schedules, histories and company days over 2024–2027.

    fn base() -> NaiveDate {
        d(2024, 1, 1)
    }

    fn week() -> impl Strategy<Value = [u32; 7]> {
        prop::array::uniform7(prop_oneof![Just(0u32), Just(456u32), 0u32..=720])
    }

    fn schedules() -> impl Strategy<Value = Schedules> {
        let schedule =
            (-200i64..1461, week(), week(), any::<bool>()).prop_map(|(day, a, b, two)| {
                let from = base() + Duration::days(day);
                if two {
                    Schedule::alternating(from, a, b)
                } else {
                    Schedule::weekly(from, a)
                }
            });
        prop::collection::vec(schedule, 1..4).prop_map(Schedules::new)
    }

    fn calendar() -> impl Strategy<Value = HolidayCalendar> {
        let day = (0i64..1461, 0..CompanyDayKind::ALL.len()).prop_map(|(day, k)| CompanyDay {
            date: base() + Duration::days(day),
            kind: CompanyDayKind::ALL[k],
            name: "x".into(),
            replaces: None,
        });
        prop::collection::vec(day, 0..30).prop_map(HolidayCalendar::new)
    }

    fn day_part() -> impl Strategy<Value = DayPart> {
        prop_oneof![
            Just(DayPart::Full),
            Just(DayPart::Morning),
            Just(DayPart::Afternoon),
            (0u32..800).prop_map(DayPart::Minutes),
        ]
    }

    /// A period of 1 to 90 days starting in 2024–2027.
    fn period() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
        (0i64..1461, 0i64..90).prop_map(|(start, len)| {
            let from = base() + Duration::days(start);
            (from, from + Duration::days(len))
        })
    }

    proptest! {
        #[test]
        fn a_period_split_in_two_counts_as_the_whole(
            s in schedules(), cal in calendar(), (from, to) in period(), split in 0i64..90, part in day_part(),
        ) {
            let len = (to - from).num_days() + 1;
            let mid = from + Duration::days(split % len);
            let whole = count_period(&s, &cal, from, to, part);
            let a = count_period(&s, &cal, from, mid, part);
            let b = count_period(&s, &cal, mid + Duration::days(1), to, part);
            prop_assert_eq!(a.charged_minutes + b.charged_minutes, whole.charged_minutes);
            prop_assert_eq!(a.working_days + b.working_days, whole.working_days);
            prop_assert_eq!(
                a.holidays_on_scheduled_days + b.holidays_on_scheduled_days,
                whole.holidays_on_scheduled_days
            );
            prop_assert_eq!([a.days, b.days].concat(), whole.days);
        }

        #[test]
        fn a_holiday_is_never_charged(
            s in schedules(), cal in calendar(), (from, to) in period(), part in day_part(),
        ) {
            for day in count_period(&s, &cal, from, to, part).days {
                if legal_holiday_on(day.date).is_some() || cal.day_off(day.date).is_some() {
                    prop_assert_eq!(day.charged, 0, "{}", day.date);
                    prop_assert!(matches!(day.status, DayStatus::Holiday(_)));
                }
            }
        }

        #[test]
        fn never_more_than_the_schedule_plans(
            s in schedules(), cal in calendar(), (from, to) in period(), part in day_part(),
        ) {
            let c = count_period(&s, &cal, from, to, part);
            prop_assert_eq!(c.days.len() as i64, (to - from).num_days() + 1);
            for day in &c.days {
                prop_assert_eq!(day.scheduled, s.minutes_on(day.date));
                prop_assert!(day.charged <= day.scheduled);
            }
            prop_assert_eq!(c.charged_minutes, c.days.iter().map(|d| d.charged).sum::<u32>());
        }

        #[test]
        fn morning_plus_afternoon_is_a_full_day(
            s in schedules(), cal in calendar(), (from, to) in period(),
        ) {
            let full = count_period(&s, &cal, from, to, DayPart::Full);
            let am = count_period(&s, &cal, from, to, DayPart::Morning);
            let pm = count_period(&s, &cal, from, to, DayPart::Afternoon);
            prop_assert_eq!(am.charged_minutes + pm.charged_minutes, full.charged_minutes);
            for ((f, a), p) in full.days.iter().zip(&am.days).zip(&pm.days) {
                prop_assert_eq!(a.charged + p.charged, f.charged, "{}", f.date);
            }
        }
    }
}
