//! Work schedules: planned minutes per weekday, weekly or alternating over two weeks, in a dated history
//! (BELGIAN-RULES.md §12). Leave, holiday pay and meal vouchers all start from a day's planned minutes.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::domain::date::{format_date, required_date};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::input::TextInput;
use crate::domain::money::{format_minutes, parse_minutes};
use crate::text_input;

/// No day of a schedule plans more than 12 hours: the legal daily limits (8 h, up to about 10–12 h in
/// derogating regimes) all stay below it, so anything above is a typing error.
pub const MAX_DAY_MINUTES: u32 = 12 * 60;

/// The Monday of the ISO week containing `date`.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Planned minutes per weekday from `from` on. `weeks` holds one week, or two that alternate:
/// week A is the ISO week containing `from`, then B, A, B… Index 0 of a week is Monday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub from: NaiveDate,
    pub weeks: Vec<[u32; 7]>,
}

impl Schedule {
    pub fn weekly(from: NaiveDate, week: [u32; 7]) -> Self {
        Schedule {
            from,
            weeks: vec![week],
        }
    }

    pub fn alternating(from: NaiveDate, week_a: [u32; 7], week_b: [u32; 7]) -> Self {
        Schedule {
            from,
            weeks: vec![week_a, week_b],
        }
    }

    /// Which week of the pattern `date` falls in; counted from `from`'s week in both directions,
    /// so the pattern never shifts at a year boundary (ISO week numbers would, in 53-week years).
    fn week_on(&self, date: NaiveDate) -> Option<&[u32; 7]> {
        let len = self.weeks.len() as i64;
        if len == 0 {
            return None;
        }
        let weeks = (monday_of(date) - monday_of(self.from)).num_weeks();
        self.weeks.get(weeks.rem_euclid(len) as usize)
    }

    /// The minutes planned on `date` by this pattern (whether or not `date` is before `from`).
    pub fn minutes_on(&self, date: NaiveDate) -> u32 {
        let day = date.weekday().num_days_from_monday() as usize;
        self.week_on(date).map_or(0, |w| w[day])
    }

    /// Minutes over the whole pattern (one or two weeks). u64: the fields are public, so no sum may overflow.
    fn cycle_minutes(&self) -> u64 {
        self.weeks.iter().flatten().map(|m| u64::from(*m)).sum()
    }

    fn cycle_weeks(&self) -> u64 {
        self.weeks.len().max(1) as u64
    }

    fn cycle_working_days(&self) -> u64 {
        self.weeks.iter().flatten().filter(|m| **m > 0).count() as u64
    }

    /// Average minutes a week over the pattern, rounded down.
    pub fn weekly_minutes(&self) -> u32 {
        (self.cycle_minutes() / self.cycle_weeks()) as u32
    }

    /// Average working days a week, times ten: 50 for Monday–Friday, 45 for 5 and 4 days alternating.
    /// Exact for one- and two-week patterns (whole or half days), which is all a valid input gives.
    pub fn days_per_week_x10(&self) -> u32 {
        (self.cycle_working_days() * 10 / self.cycle_weeks()) as u32
    }

    /// The length of an average working day (rounded down), used to show leave as days and hours.
    /// 0 for a schedule without work.
    pub fn average_day_minutes(&self) -> u32 {
        match self.cycle_working_days() {
            0 => 0,
            days => (self.cycle_minutes() / days) as u32,
        }
    }

    /// Full-time equivalent in thousandths against the full-time weekly reference, rounded half up
    /// (as `ContractData::fte_permille`), computed on the whole cycle so an odd-minute average is not lost.
    pub fn fte_permille(&self, full_time_weekly_minutes: u32) -> u32 {
        let reference = u64::from(full_time_weekly_minutes) * self.cycle_weeks();
        if reference == 0 {
            return 0;
        }
        ((self.cycle_minutes() * 1000 + reference / 2) / reference) as u32
    }

    pub fn is_full_time(&self, full_time_weekly_minutes: u32) -> bool {
        self.cycle_minutes() >= u64::from(full_time_weekly_minutes) * self.cycle_weeks()
    }
}

/// The usual full-time week: the reference hours split equally over Monday–Friday (2280 → 456 = 7h36 a
/// day). Left-over minutes go to the first days, so the week always adds up to the reference.
pub fn standard_full_time(from: NaiveDate, full_time_weekly_minutes: u32) -> Schedule {
    let (day, rest) = (full_time_weekly_minutes / 5, full_time_weekly_minutes % 5);
    let mut week = [0; 7];
    for (i, m) in week.iter_mut().take(5).enumerate() {
        *m = day + u32::from((i as u32) < rest);
    }
    Schedule::weekly(from, week)
}

/// A person's schedules over time, sorted by `from`; each applies from its date until the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedules(Vec<Schedule>);

impl Schedules {
    /// Sorts by `from`; of two schedules with the same date the later in `list` wins (the correction).
    pub fn new(mut list: Vec<Schedule>) -> Self {
        list.sort_by_key(|s| s.from);
        let mut out: Vec<Schedule> = Vec::with_capacity(list.len());
        for s in list {
            if out.last().is_some_and(|l| l.from == s.from) {
                out.pop();
            }
            out.push(s);
        }
        Schedules(out)
    }

    pub fn as_slice(&self) -> &[Schedule] {
        &self.0
    }

    /// The schedule in force on `date`; `None` before the first one.
    pub fn at(&self, date: NaiveDate) -> Option<&Schedule> {
        let i = self.0.partition_point(|s| s.from <= date);
        i.checked_sub(1).map(|i| &self.0[i])
    }

    /// Planned minutes on `date`; nothing is planned before the first schedule.
    pub fn minutes_on(&self, date: NaiveDate) -> u32 {
        self.at(date).map_or(0, |s| s.minutes_on(date))
    }

    /// Schedules that take effect after `from` and on or before `to`: the changes inside that period.
    pub fn changes_between(&self, from: NaiveDate, to: NaiveDate) -> &[Schedule] {
        let start = self.0.partition_point(|s| s.from <= from);
        let end = self.0.partition_point(|s| s.from <= to).max(start);
        &self.0[start..end]
    }
}

text_input!(
    /// What the user typed for a schedule: hours per day as "7h36", "7:36" or "7,6" (empty = 0).
    /// The `…2` fields are the second week of an alternating pattern; all empty means every week is the same.
    ScheduleInput, SCHEDULE_FIELDS { from, mon, tue, wed, thu, fri, sat, sun, mon2, tue2, wed2, thu2, fri2, sat2, sun2 }
);

/// The input fields of the first and the second week, Monday first.
pub const WEEK_A: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
pub const WEEK_B: [&str; 7] = ["mon2", "tue2", "wed2", "thu2", "fri2", "sat2", "sun2"];

/// One day's hours; empty is a day off.
fn day_minutes(field: &'static str, text: &str) -> Result<u32, FieldError> {
    if text.trim().is_empty() {
        return Ok(0);
    }
    let m = parse_minutes(text)
        .ok_or_else(|| FieldError::new(field, "err.hours").arg("value", text.trim()))?;
    if m > MAX_DAY_MINUTES {
        return Err(
            FieldError::new(field, "err.day_hours").arg("max", format_minutes(MAX_DAY_MINUTES))
        );
    }
    Ok(m)
}

impl ScheduleInput {
    /// The input that shows an existing schedule in the edit form; every day is written out, so a
    /// second week without work still reads back as a second week.
    pub fn from_schedule(s: &Schedule) -> Self {
        let mut input = ScheduleInput {
            from: format_date(s.from),
            ..Default::default()
        };
        for (week, fields) in s.weeks.iter().take(2).zip([WEEK_A, WEEK_B]) {
            for (m, field) in week.iter().zip(fields) {
                input.set(field, format_minutes(*m));
            }
        }
        input
    }

    fn week(&self, fields: [&'static str; 7], errs: &mut ValidationErrors) -> [u32; 7] {
        fields.map(|f| collect(errs, day_minutes(f, self.get(f))).unwrap_or(0))
    }

    /// Checks every day and the week as a whole. A second week equal to the first is one weekly pattern.
    pub fn validate(&self, full_time_weekly_minutes: u32) -> Result<Schedule, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let from = collect(&mut errs, required_date("from", &self.from));
        let week_a = self.week(WEEK_A, &mut errs);
        let week_b = self.week(WEEK_B, &mut errs);
        let alternating = WEEK_B.iter().any(|f| !self.get(f).trim().is_empty());
        let weeks = if alternating && week_b != week_a {
            vec![week_a, week_b]
        } else {
            vec![week_a]
        };
        let schedule = Schedule {
            from: from.unwrap_or_default(),
            weeks,
        };
        // Whole-week problems only make sense once every day was readable.
        if errs.is_empty() {
            if schedule.cycle_minutes() == 0 {
                errs.push(FieldError::new("mon", "err.schedule_empty"));
            } else if u64::from(schedule.weekly_minutes()) * 4
                > u64::from(full_time_weekly_minutes) * 5
            {
                // Up to 1.25 × full time: room for 40-hour weeks with ADV days and alternating weeks.
                errs.push(FieldError::new("mon", "err.hours_above_full_time"));
            }
        }
        errs.into_result(schedule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FT: u32 = 38 * 60;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn four_fifths_monday_to_thursday() {
        let s = Schedule::weekly(d(2026, 1, 1), [456, 456, 456, 456, 0, 0, 0]);
        assert_eq!(s.weekly_minutes(), 1824);
        assert_eq!(format_minutes(s.weekly_minutes()), "30h24");
        assert_eq!(s.fte_permille(FT), 800);
        assert_eq!(s.days_per_week_x10(), 40);
        assert_eq!(s.average_day_minutes(), 456);
        assert!(!s.is_full_time(FT));
        assert_eq!(s.minutes_on(d(2026, 1, 8)), 456); // Thursday
        assert_eq!(s.minutes_on(d(2026, 1, 9)), 0); // Friday
    }

    #[test]
    fn standard_full_time_splits_the_week_over_five_days() {
        let s = standard_full_time(d(2026, 1, 1), FT);
        assert_eq!(s.weeks, vec![[456, 456, 456, 456, 456, 0, 0]]);
        assert!(s.is_full_time(FT));
        assert_eq!(s.fte_permille(FT), 1000);
        assert_eq!(s.days_per_week_x10(), 50);
        let odd = standard_full_time(d(2026, 1, 1), 2283);
        assert_eq!(odd.weekly_minutes(), 2283);
        assert_eq!(odd.weeks[0][..3], [457, 457, 457]);
    }

    #[test]
    fn alternating_weeks_follow_the_week_of_the_start_date_across_years() {
        let five = [456, 456, 456, 456, 456, 0, 0];
        let four = [456, 456, 456, 456, 0, 0, 0];
        // From Wednesday 7/1/2026: week A is the week of Monday 5/1.
        let s = Schedule::alternating(d(2026, 1, 7), five, four);
        assert_eq!(s.minutes_on(d(2026, 1, 9)), 456); // Friday, week A
        assert_eq!(s.minutes_on(d(2026, 1, 16)), 0); // Friday, week B
        assert_eq!(s.minutes_on(d(2026, 1, 23)), 456);
        assert_eq!(s.minutes_on(d(2026, 12, 25)), 456); // 50 weeks later: A
        // ISO week 53 of 2026 and week 1 of 2027 are both odd, yet B then A: the pattern counts weeks,
        // it does not follow week-number parity.
        assert_eq!(s.minutes_on(d(2027, 1, 1)), 0);
        assert_eq!(s.minutes_on(d(2027, 1, 8)), 456);
        assert_eq!(s.minutes_on(d(2028, 1, 7)), 456); // 104 weeks later: A
        assert_eq!(s.minutes_on(d(2028, 1, 14)), 0);
        // Before `from` the pattern runs backwards the same way.
        assert_eq!(s.minutes_on(d(2026, 1, 2)), 0);
        assert_eq!(s.weekly_minutes(), 2052);
        assert_eq!(s.days_per_week_x10(), 45);
        assert_eq!(s.fte_permille(FT), 900);
        assert_eq!(s.average_day_minutes(), 456);
    }

    #[test]
    fn history_lookups() {
        let full = standard_full_time(d(2024, 3, 1), FT);
        let part = Schedule::weekly(d(2026, 3, 9), [456, 456, 456, 456, 0, 0, 0]);
        let fix = Schedule::weekly(d(2026, 3, 9), [480, 480, 480, 0, 0, 0, 0]);
        let h = Schedules::new(vec![part, full.clone(), fix.clone()]);
        assert_eq!(h.as_slice().len(), 2);
        assert_eq!(h.at(d(2024, 2, 29)), None);
        assert_eq!(h.minutes_on(d(2024, 2, 29)), 0);
        assert_eq!(h.at(d(2024, 3, 1)), Some(&full));
        assert_eq!(h.at(d(2026, 3, 8)), Some(&full));
        assert_eq!(h.at(d(2026, 3, 9)), Some(&fix));
        assert_eq!(h.minutes_on(d(2026, 3, 12)), 0); // Thursday under the corrected schedule
        assert_eq!(
            h.changes_between(d(2026, 3, 1), d(2026, 3, 31)),
            std::slice::from_ref(&fix)
        );
        assert!(h.changes_between(d(2026, 3, 9), d(2026, 3, 31)).is_empty());
        assert!(h.changes_between(d(2026, 3, 31), d(2026, 3, 1)).is_empty());
        assert_eq!(h.changes_between(d(2020, 1, 1), d(2030, 1, 1)).len(), 2);
    }

    fn input(from: &str, week: [&str; 7]) -> ScheduleInput {
        let mut i = ScheduleInput {
            from: from.into(),
            ..Default::default()
        };
        for (f, v) in WEEK_A.iter().zip(week) {
            i.set(f, v.into());
        }
        i
    }

    #[test]
    fn hours_in_every_spelling_and_empty_days() {
        let s = input("09/03/2026", ["7h36", "7:36", "7,6", "456m", "", "0", ""]);
        let e = s.validate(FT).unwrap_err();
        assert_eq!(e.for_field("thu").unwrap().key, "err.hours");
        let s = input("09/03/2026", ["7h36", "7:36", "7,6", "7.6", "", "0", ""])
            .validate(FT)
            .unwrap();
        assert_eq!(s.weeks, vec![[456, 456, 456, 456, 0, 0, 0]]);
        assert_eq!(s.from, d(2026, 3, 9));
    }

    #[test]
    fn schedule_errors() {
        let e = input("", ["13", "", "", "", "", "", ""])
            .validate(FT)
            .unwrap_err();
        assert_eq!(e.for_field("from").unwrap().key, "err.required");
        let day = e.for_field("mon").unwrap();
        assert_eq!((day.key, day.args[0].1.as_str()), ("err.day_hours", "12h"));
        let e = input("09/03/2026", [""; 7]).validate(FT).unwrap_err();
        assert_eq!(e.0[0].key, "err.schedule_empty");
        // 5 × 9h30 = 47h30 is exactly 1.25 × 38 h; 5 × 10 h is too much.
        assert!(input("09/03/2026", ["9h30"; 7]).validate(FT).is_err());
        let mut ok = input(
            "09/03/2026",
            ["9h30", "9h30", "9h30", "9h30", "9h30", "", ""],
        );
        assert!(ok.validate(FT).is_ok());
        ok.fri = "10".into();
        assert_eq!(
            ok.validate(FT).unwrap_err().0[0].key,
            "err.hours_above_full_time"
        );
    }

    #[test]
    fn second_week_makes_an_alternating_pattern() {
        let mut i = input(
            "07/01/2026",
            ["7h36", "7h36", "7h36", "7h36", "7h36", "", ""],
        );
        i.mon2 = "7h36".into();
        i.tue2 = "7h36".into();
        i.wed2 = "7h36".into();
        i.thu2 = "7h36".into();
        let s = i.validate(FT).unwrap();
        assert_eq!(s.weeks.len(), 2);
        assert_eq!(s.days_per_week_x10(), 45);
        assert_eq!(ScheduleInput::from_schedule(&s).validate(FT), Ok(s));
        // The same week twice is simply a weekly pattern.
        i.fri2 = "7h36".into();
        assert_eq!(i.validate(FT).unwrap().weeks.len(), 1);
        // A second week without any work still alternates, and survives the edit form.
        let off = Schedule::alternating(d(2026, 1, 5), [480, 480, 480, 480, 480, 0, 0], [0; 7]);
        assert_eq!(ScheduleInput::from_schedule(&off).validate(FT), Ok(off));
    }

    /// Checked here rather than in src/i18n.rs, which lists only the inputs outside the leave module.
    #[test]
    fn field_labels_and_errors_have_texts() {
        use crate::i18n::{I18n, Lang};
        let e = input("09/03/2026", ["13", "", "", "", "", "", ""])
            .validate(FT)
            .unwrap_err();
        for lang in Lang::ALL {
            let i18n = I18n::new(lang);
            for f in SCHEDULE_FIELDS {
                let key = format!("field.{f}");
                let label = i18n.t(&key);
                assert!(
                    label != key && label.chars().count() <= 22,
                    "{key}: {label}"
                );
            }
            let shown = i18n.field_error(&e.0[0]);
            assert!(shown.contains("12h") && !shown.contains('{'), "{shown}");
        }
    }

    fn week() -> impl Strategy<Value = [u32; 7]> {
        prop::array::uniform7(prop_oneof![Just(0u32), 0u32..=MAX_DAY_MINUTES])
    }

    proptest! {
        #[test]
        fn two_weeks_from_any_monday_cover_the_pattern_exactly(
            a in week(), b in week(), two in any::<bool>(), start in 0i64..3000, offset in 0i64..3000,
        ) {
            let from = d(2020, 1, 1) + Duration::days(start);
            let s = if two { Schedule::alternating(from, a, b) } else { Schedule::weekly(from, a) };
            let monday = monday_of(from + Duration::days(offset));
            let sum: u64 = (0..14).map(|i| u64::from(s.minutes_on(monday + Duration::days(i)))).sum();
            prop_assert_eq!(sum, s.cycle_minutes() * 2 / s.cycle_weeks());
        }

        #[test]
        fn the_edit_form_round_trips_any_valid_schedule(a in week(), b in week(), two in any::<bool>()) {
            let s = if two && a != b {
                Schedule::alternating(d(2026, 2, 4), a, b)
            } else {
                Schedule::weekly(d(2026, 2, 4), a)
            };
            let full_time = 60 * 60 * 2;
            match ScheduleInput::from_schedule(&s).validate(full_time) {
                Ok(back) => prop_assert_eq!(back, s),
                Err(e) => prop_assert_eq!(e.0[0].key, "err.schedule_empty"),
            }
        }
    }
}
