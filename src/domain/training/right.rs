//! The individual training right (Labour Deal Act of 3 October 2022): days due per person per year
//! from the company size, the FTE and the part of the year employed; days followed from the records
//! that count for it; what remains. Days are kept in hundredths so pro-rata figures add up exactly.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::TrainingSettings;

/// A stretch of employment at one FTE (thousandths); `to` is `None` while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FtePeriod {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub fte_permille: u32,
}

/// Training days per FTE for a company with `workers` workers: 5 from 20, 1 from 10, none below
/// (the thresholds and days are settings).
pub fn base_days(workers: u32, s: &TrainingSettings) -> u32 {
    if workers >= s.large_from {
        s.days_large
    } else if workers >= s.small_from {
        s.days_small
    } else {
        0
    }
}

/// One person's right in one year, in hundredths of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrainingRight {
    pub year: i32,
    /// Days per FTE for the company this year.
    pub base_days: u32,
    pub due_centidays: i64,
    pub followed_centidays: i64,
    /// What is left to follow (never below zero: more than due is simply more).
    pub remaining_centidays: i64,
}

/// Days due in `year`: base days × FTE × the part of the year employed, day by day.
pub fn due_centidays(year: i32, base: u32, periods: &[FtePeriod]) -> i64 {
    let (first, last) = year_bounds(year);
    let year_days = (last - first).num_days() + 1;
    let weighted: i64 = periods
        .iter()
        .map(|p| {
            let from = p.from.max(first);
            let to = p.to.unwrap_or(last).min(last);
            let days = ((to - from).num_days() + 1).max(0);
            days * i64::from(p.fte_permille.min(1000))
        })
        .sum();
    // base × 100 × Σ(days × permille) / (1000 × days in the year), rounded half up.
    let num = i64::from(base) * 100 * weighted;
    let den = 1000 * year_days;
    (num * 2 + den) / (2 * den)
}

/// Minutes followed as hundredths of a training day of `day_minutes`.
pub fn followed_centidays(minutes: i64, day_minutes: u32) -> i64 {
    if day_minutes == 0 {
        return 0;
    }
    let d = i64::from(day_minutes);
    (minutes * 100 * 2 + d) / (2 * d)
}

pub fn right(
    year: i32,
    workers: u32,
    settings: &TrainingSettings,
    periods: &[FtePeriod],
    minutes_followed: i64,
) -> TrainingRight {
    let base = base_days(workers, settings);
    let due = due_centidays(year, base, periods);
    let followed = followed_centidays(minutes_followed, settings.day_minutes);
    TrainingRight {
        year,
        base_days: base,
        due_centidays: due,
        followed_centidays: followed,
        remaining_centidays: (due - followed).max(0),
    }
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    )
}

/// Days in hundredths shown as "3,25" (Belgian decimal comma), "5" when whole.
pub fn format_centidays(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    let a = c.unsigned_abs();
    match a % 100 {
        0 => format!("{sign}{}", a / 100),
        r if r % 10 == 0 => format!("{sign}{},{}", a / 100, r / 10),
        r => format!("{sign}{},{r:02}", a / 100),
    }
}

/// Whether `day` falls in `year` (for reading records into a year).
pub fn in_year(day: NaiveDate, year: i32) -> bool {
    day.year() == year
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn full(from: NaiveDate, to: Option<NaiveDate>, fte: u32) -> FtePeriod {
        FtePeriod {
            from,
            to,
            fte_permille: fte,
        }
    }

    #[test]
    fn company_size_sets_the_days() {
        let s = TrainingSettings::default();
        assert_eq!(base_days(60, &s), 5);
        assert_eq!(base_days(20, &s), 5);
        assert_eq!(base_days(19, &s), 1);
        assert_eq!(base_days(10, &s), 1);
        assert_eq!(base_days(9, &s), 0);
    }

    #[test]
    fn full_year_full_time_is_five_days() {
        assert_eq!(
            due_centidays(2026, 5, &[full(d(2020, 1, 1), None, 1000)]),
            500
        );
    }

    #[test]
    fn part_timers_and_starters_get_a_pro_rata_share() {
        // 4/5 all year: 4 days.
        assert_eq!(
            due_centidays(2026, 5, &[full(d(2020, 1, 1), None, 800)]),
            400
        );
        // Full time from 1 July 2026 (184 of 365 days): 5 × 184/365 = 2.52.
        assert_eq!(
            due_centidays(2026, 5, &[full(d(2026, 7, 1), None, 1000)]),
            252
        );
        // Left on 31 March 2026 (90 days): 1.23.
        assert_eq!(
            due_centidays(2026, 5, &[full(d(2019, 1, 1), Some(d(2026, 3, 31)), 1000)]),
            123
        );
        // Half time, then full time from 1 July.
        let p = [
            full(d(2019, 1, 1), Some(d(2026, 6, 30)), 500),
            full(d(2026, 7, 1), None, 1000),
        ];
        assert_eq!(due_centidays(2026, 5, &p), 376);
        // Not employed that year.
        assert_eq!(
            due_centidays(2026, 5, &[full(d(2027, 1, 1), None, 1000)]),
            0
        );
    }

    #[test]
    fn followed_days_count_training_day_lengths() {
        let s = TrainingSettings::default();
        let r = right(
            2026,
            60,
            &s,
            &[full(d(2020, 1, 1), None, 1000)],
            2 * 456 + 228,
        );
        assert_eq!(
            (r.due_centidays, r.followed_centidays, r.remaining_centidays),
            (500, 250, 250)
        );
        let over = right(2026, 60, &s, &[full(d(2020, 1, 1), None, 1000)], 7 * 456);
        assert_eq!(over.remaining_centidays, 0);
        let small = right(2026, 5, &s, &[full(d(2020, 1, 1), None, 1000)], 0);
        assert_eq!(small.due_centidays, 0);
    }

    #[test]
    fn centidays_read_the_belgian_way() {
        assert_eq!(format_centidays(500), "5");
        assert_eq!(format_centidays(250), "2,5");
        assert_eq!(format_centidays(252), "2,52");
        assert_eq!(format_centidays(5), "0,05");
    }

    proptest! {
        #[test]
        fn due_never_exceeds_the_base_and_grows_with_fte(
            start in 0i64..400, len in 0i64..400, fte in 0u32..=1000, more in 0u32..=1000
        ) {
            let from = d(2025, 12, 1) + chrono::Duration::days(start);
            let to = Some(from + chrono::Duration::days(len));
            let a = due_centidays(2026, 5, &[full(from, to, fte)]);
            let b = due_centidays(2026, 5, &[full(from, to, (fte + more).min(1000))]);
            prop_assert!((0..=500).contains(&a));
            prop_assert!(a <= b);
        }
    }
}
