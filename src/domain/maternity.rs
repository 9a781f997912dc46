//! Maternity leave dates from the expected delivery date (BELGIAN-RULES.md §3): up to 6 weeks before
//! (8 for a multiple birth), the last week mandatory; 9 weeks after; optional weeks not taken before
//! the birth are added after it.
//!
//! The day of delivery belongs to the prenatal period (RIZIV/INAMI practice), so the mandatory week
//! is the 7 days ending on the expected date and the postnatal weeks start the day after.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::error::FieldError;

/// Postnatal rest, mandatory for every birth.
pub const POSTNATAL_WEEKS: i64 = 9;
/// Extra postnatal weeks a mother of twins or more may ask for.
pub const MULTIPLE_EXTRA_WEEKS: i64 = 2;

/// The dates an information letter gives a pregnant employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MaternityPlan {
    pub expected: NaiveDate,
    pub multiple: bool,
    /// The earliest day the leave may start (6 or 8 weeks before, delivery day included).
    pub earliest_start: NaiveDate,
    /// The first day of the mandatory week: work must stop by then at the latest.
    pub mandatory_start: NaiveDate,
    /// The day the leave starts in this plan (chosen, or the mandatory start).
    pub leave_from: NaiveDate,
    /// Optional prenatal weeks allowed (5, or 7 for a multiple birth).
    pub optional_weeks: i64,
    /// Optional prenatal days not taken, moved to after the postnatal weeks.
    pub moved_days: i64,
    /// First day after the birth.
    pub postnatal_start: NaiveDate,
    /// Last day of the 9 mandatory postnatal weeks.
    pub mandatory_postnatal_end: NaiveDate,
    /// Last day of the leave, moved days included (without the extra multiple-birth weeks).
    pub end: NaiveDate,
    /// Last day when the 2 extra weeks of a multiple birth are asked for.
    pub end_with_extra: Option<NaiveDate>,
    /// Whole weeks of leave in this plan (15, or 17 + 2 on request for a multiple birth).
    pub total_weeks: i64,
}

/// The plan for `expected`; `leave_from` is the day the employee wants to stop (default: the
/// mandatory start). A day outside the allowed window is refused on the field `leave_from`.
pub fn plan(
    expected: NaiveDate,
    leave_from: Option<NaiveDate>,
    multiple: bool,
) -> Result<MaternityPlan, FieldError> {
    let prenatal_weeks = if multiple { 8 } else { 6 };
    let optional_weeks = prenatal_weeks - 1;
    let earliest_start = expected - Duration::days(7 * prenatal_weeks - 1);
    let mandatory_start = expected - Duration::days(6);
    let leave_from = leave_from.unwrap_or(mandatory_start);
    if leave_from < earliest_start || leave_from > mandatory_start {
        return Err(FieldError::new("leave_from", "err.maternity_start")
            .arg("from", super::date::format_date(earliest_start))
            .arg("to", super::date::format_date(mandatory_start)));
    }
    let taken_optional = (mandatory_start - leave_from).num_days();
    let moved_days = 7 * optional_weeks - taken_optional;
    let postnatal_start = expected + Duration::days(1);
    let mandatory_postnatal_end = expected + Duration::days(7 * POSTNATAL_WEEKS);
    let end = mandatory_postnatal_end + Duration::days(moved_days);
    let end_with_extra = multiple.then(|| end + Duration::days(7 * MULTIPLE_EXTRA_WEEKS));
    Ok(MaternityPlan {
        expected,
        multiple,
        earliest_start,
        mandatory_start,
        leave_from,
        optional_weeks,
        moved_days,
        postnatal_start,
        mandatory_postnatal_end,
        end,
        end_with_extra,
        total_weeks: prenatal_weeks + POSTNATAL_WEEKS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_single_birth_with_only_the_mandatory_week_before() {
        let p = plan(d(2027, 5, 15), None, false).unwrap();
        assert_eq!(p.earliest_start, d(2027, 4, 4));
        assert_eq!(p.mandatory_start, d(2027, 5, 9));
        assert_eq!(p.leave_from, d(2027, 5, 9));
        assert_eq!(p.moved_days, 35);
        assert_eq!(p.postnatal_start, d(2027, 5, 16));
        assert_eq!(p.mandatory_postnatal_end, d(2027, 7, 17));
        assert_eq!(p.end, d(2027, 8, 21));
        // 15 weeks from the first day to the last.
        assert_eq!((p.end - p.leave_from).num_days() + 1, 15 * 7);
        assert_eq!(p.total_weeks, 15);
        assert_eq!(p.end_with_extra, None);
    }

    #[test]
    fn weeks_taken_early_are_not_moved() {
        let p = plan(d(2027, 5, 15), Some(d(2027, 4, 4)), false).unwrap();
        assert_eq!(p.moved_days, 0);
        assert_eq!(p.end, p.mandatory_postnatal_end);
        let p = plan(d(2027, 5, 15), Some(d(2027, 4, 25)), false).unwrap();
        assert_eq!(p.moved_days, 21);
    }

    #[test]
    fn a_multiple_birth_gets_8_weeks_before_and_2_more_on_request() {
        let p = plan(d(2027, 5, 15), None, true).unwrap();
        assert_eq!(p.earliest_start, d(2027, 3, 21));
        assert_eq!(p.moved_days, 49);
        assert_eq!(p.total_weeks, 17);
        assert_eq!((p.end - p.leave_from).num_days() + 1, 17 * 7);
        assert_eq!(p.end_with_extra, Some(p.end + Duration::days(14)));
    }

    #[test]
    fn a_start_outside_the_window_is_refused_on_its_field() {
        let e = plan(d(2027, 5, 15), Some(d(2027, 4, 3)), false).unwrap_err();
        assert_eq!((e.field, e.key), ("leave_from", "err.maternity_start"));
        assert!(plan(d(2027, 5, 15), Some(d(2027, 5, 10)), false).is_err());
    }

    proptest! {
        #[test]
        fn the_whole_leave_is_always_15_or_17_weeks(
            days in 0i64..5000, early in 0i64..50, multiple: bool
        ) {
            let expected = d(2020, 1, 1) + Duration::days(days);
            let max_early = if multiple { 49 } else { 35 };
            let from = expected - Duration::days(6 + early.min(max_early));
            let p = plan(expected, Some(from), multiple).unwrap();
            let weeks = if multiple { 17 } else { 15 };
            prop_assert_eq!((p.end - p.leave_from).num_days() + 1, weeks * 7);
            prop_assert!(p.moved_days >= 0 && p.moved_days <= max_early);
            prop_assert!(p.end >= p.mandatory_postnatal_end);
        }
    }
}
