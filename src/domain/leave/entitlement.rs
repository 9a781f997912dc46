//! Leave earned for a holiday year (BELGIAN-RULES.md §2): legal days from the months worked in the
//! previous year, supplementary (European) leave, company days, all in minutes of the current regime.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ledger::Bucket;
use super::rules::{LeaveRules, end_of_month};

/// An inclusive period; `None` as end means still running.
pub type Period = (NaiveDate, Option<NaiveDate>);

/// lcm(28, 29, 30, 31): a day is `MONTH_UNITS / days_in_month` units, so months add up exactly.
const MONTH_UNITS: u64 = 377_580;

/// Full months worked (or assimilated) in `year`: each covered day counts as 1/(days in its month),
/// so incomplete months combine; floored, at most 12. Days in several periods count once; days in
/// `excluded` (unpaid leave and other absences that are not assimilated) do not count.
/// Simplification: calendar-month fractions stand for "full months, not necessarily calendar
/// months"; the 20/24-days-per-month count for irregular work is not modelled.
pub fn months_worked(year: i32, periods: &[Period], excluded: &[(NaiveDate, NaiveDate)]) -> u32 {
    let units: u64 = days_of_year(year)
        .filter(|d| covers(periods, *d) && !excluded.iter().any(|(a, b)| a <= d && d <= b))
        .map(|d| MONTH_UNITS / u64::from(end_of_month(d).day()))
        .sum();
    u32::try_from(units / MONTH_UNITS).unwrap_or(12).min(12)
}

/// Legal days in a six-day week: 2 per month.
pub fn legal_days_six_day(months: u32) -> u32 {
    2 * months.min(12)
}

/// Legal days in a five-day week: the six-day figure less one day per full block of six (§2 table).
pub fn legal_days_five_day(months: u32) -> u32 {
    five_day_from_six_day(legal_days_six_day(months))
}

/// Converts a six-day-week count of days (as some holiday-fund figures are) to a five-day week.
pub fn five_day_from_six_day(days_six_day: u32) -> u32 {
    days_six_day - days_six_day / 6
}

/// Legal leave in minutes of the regime the worker has now: the fraction days/20 of four weeks of
/// `current_weekly_minutes` (12 months at 38 h → 152 h, at 19 h → 76 h). Never above four weeks of
/// the current regime, the ceiling the law sets "when the leave is taken".
pub fn legal_entitlement_minutes(months: u32, current_weekly_minutes: u32) -> u32 {
    days_in_regime(legal_days_five_day(months), current_weekly_minutes)
}

/// Days of a five-day week as minutes of a weekly regime (a day = a fifth of the week), rounded to
/// the nearest minute (half up; payroll providers differ, BELGIAN-RULES.md says verify), capped at four weeks.
pub fn days_in_regime(days_five_day: u32, weekly_minutes: u32) -> u32 {
    let weekly = u64::from(weekly_minutes);
    let minutes = div_round(u64::from(days_five_day) * weekly, 5).min(4 * weekly);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

/// Supplementary (European) leave for starters and returners, in minutes of the current regime.
/// Nothing before the run-in (`rules.supplementary_run_in_months` of work in the current year); then
/// the §2 months table applied to the months worked so far this year, converted like legal leave,
/// and limited so that legal + supplementary stays within four weeks of the current regime.
/// Simplification: the statutory condition "legal days used up first" is left to the debit order
/// (see `ledger::ANNUAL_LEAVE_ORDER`); youth and senior holiday are not modelled.
pub fn supplementary_minutes(
    rules: &LeaveRules,
    months_worked_this_year: u32,
    legal_minutes: u32,
    current_weekly_minutes: u32,
) -> u32 {
    if months_worked_this_year < rules.supplementary_run_in_months {
        return 0;
    }
    let earned = legal_entitlement_minutes(months_worked_this_year, current_weekly_minutes);
    let room = (4 * current_weekly_minutes).saturating_sub(legal_minutes);
    earned.min(room)
}

/// Company days for `year`: the full-time yearly minutes pro rata the FTE (thousandths) and the days
/// employed in the year, rounded to the nearest minute. Uses the FTE the caller gives (usually the
/// current one); absences do not reduce company days unless a company rule says so (not modelled).
pub fn extralegal_minutes(
    rules: &LeaveRules,
    year: i32,
    fte_permille: u32,
    employed: &[Period],
) -> u32 {
    let (days, in_year) = days_employed(year, employed);
    let num = u64::from(rules.extralegal_minutes_per_year) * u64::from(fte_permille) * days;
    u32::try_from(div_round(num, 1000 * in_year.max(1))).unwrap_or(u32::MAX)
}

/// A remaining balance after a change of weekly regime: days stay days, so the minutes scale with
/// new/old weekly minutes (30 h remaining at 38 h/week is 15 h at 19 h/week), rounded to the nearest
/// minute (halves away from zero). A zero old regime has no days to keep: the balance is returned unchanged.
pub fn convert_to_schedule(remaining_minutes: i64, old_weekly: u32, new_weekly: u32) -> i64 {
    if old_weekly == 0 {
        return remaining_minutes;
    }
    let num = i128::from(remaining_minutes) * i128::from(new_weekly);
    let den = i128::from(old_weekly);
    let rounded = (2 * num.abs() + den) / (2 * den) * num.signum();
    i64::try_from(rounded).unwrap_or(remaining_minutes)
}

/// The day whose schedule `year`'s entitlement is expressed in (the regime the leave will be taken
/// in): 1 January, or the first day of work for someone who starts during the year.
pub fn regime_day(year: i32, start: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or(start)
        .max(start)
}

/// What one employee's allocation for one holiday year is computed from. The store builds it from
/// contracts, schedules and absences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationFacts {
    /// Employment and assimilated periods (illness within limits, maternity, temporary
    /// unemployment…), inclusive; `None` end = still employed.
    pub employed: Vec<Period>,
    /// Absences that are not assimilated (unpaid leave, most time credit), inclusive.
    pub excluded: Vec<(NaiveDate, NaiveDate)>,
    /// Weekly minutes of the regime the leave will be taken in.
    pub weekly_minutes_now: u32,
    /// FTE in thousandths, for company days.
    pub fte_permille_now: u32,
    /// Arbeiders (blue collar) get their legal days from the holiday fund, not from months.
    pub blue_collar: bool,
    /// The holiday fund's figure for an arbeider, in days of a five-day week (convert a six-day
    /// figure with [`five_day_from_six_day`]).
    pub imported_legal_days: Option<u32>,
    /// Work counts for supplementary leave up to and including this day (usually today), since it is
    /// earned month by month; recomputing later tops it up.
    pub as_of: NaiveDate,
}

/// One bucket's entitlement for a holiday year and why, so the CLI and the leave tab can explain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    pub bucket: Bucket,
    pub minutes: u32,
    pub basis: AllocationBasis,
}

/// The figures an allocation was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum AllocationBasis {
    /// Bediende: months worked or assimilated in the previous year, through the §2 table.
    Months {
        months: u32,
        days: u32,
        weekly_minutes: u32,
    },
    /// Arbeider: the days the holiday fund computed.
    HolidayFund { days: u32, weekly_minutes: u32 },
    /// Arbeider whose fund figure is not imported yet: nothing is allocated until it is.
    HolidayFundPending,
    /// Supplementary leave: months worked this year up to `as_of`, limited by the legal minutes.
    Supplementary {
        months: u32,
        run_in_months: u32,
        days: u32,
        weekly_minutes: u32,
        legal_minutes: u32,
    },
    /// Company days: full-time minutes pro rata the FTE and the days employed in the year.
    Company {
        full_time_minutes: u32,
        fte_permille: u32,
        days_employed: u32,
        days_in_year: u32,
    },
}

/// The legal, supplementary and company entitlement for holiday year `year`, always in that order and
/// always all three (possibly 0), so a recomputation can top up or lower what was allocated before.
pub fn allocate(year: i32, facts: &AllocationFacts, rules: &LeaveRules) -> Vec<Allocation> {
    let weekly = facts.weekly_minutes_now;
    let legal = if facts.blue_collar {
        match facts.imported_legal_days {
            Some(days) => Allocation {
                bucket: Bucket::Legal,
                minutes: days_in_regime(days, weekly),
                basis: AllocationBasis::HolidayFund {
                    days,
                    weekly_minutes: weekly,
                },
            },
            None => Allocation {
                bucket: Bucket::Legal,
                minutes: 0,
                basis: AllocationBasis::HolidayFundPending,
            },
        }
    } else {
        let months = months_worked(year - 1, &facts.employed, &facts.excluded);
        Allocation {
            bucket: Bucket::Legal,
            minutes: legal_entitlement_minutes(months, weekly),
            basis: AllocationBasis::Months {
                months,
                days: legal_days_five_day(months),
                weekly_minutes: weekly,
            },
        }
    };

    let worked_so_far: Vec<Period> = facts
        .employed
        .iter()
        .filter(|(start, _)| *start <= facts.as_of)
        .map(|(start, end)| {
            (
                *start,
                Some(end.map_or(facts.as_of, |e| e.min(facts.as_of))),
            )
        })
        .collect();
    let months_now = months_worked(year, &worked_so_far, &facts.excluded);
    let supplementary = Allocation {
        bucket: Bucket::Supplementary,
        // Until the holiday fund's figure for an arbeider is in, the legal part is unknown, so the
        // supplementary top-up cannot be known either: nothing rather than a wrong number.
        minutes: if legal.basis == AllocationBasis::HolidayFundPending {
            0
        } else {
            supplementary_minutes(rules, months_now, legal.minutes, weekly)
        },
        basis: AllocationBasis::Supplementary {
            months: months_now,
            run_in_months: rules.supplementary_run_in_months,
            days: legal_days_five_day(months_now),
            weekly_minutes: weekly,
            legal_minutes: legal.minutes,
        },
    };

    let (days_employed, days_in_year) = days_employed(year, &facts.employed);
    let extralegal = Allocation {
        bucket: Bucket::Extralegal,
        minutes: extralegal_minutes(rules, year, facts.fte_permille_now, &facts.employed),
        basis: AllocationBasis::Company {
            full_time_minutes: rules.extralegal_minutes_per_year,
            fte_permille: facts.fte_permille_now,
            days_employed: u32::try_from(days_employed).unwrap_or(0),
            days_in_year: u32::try_from(days_in_year).unwrap_or(0),
        },
    };
    vec![legal, supplementary, extralegal]
}

fn days_of_year(year: i32) -> impl Iterator<Item = NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .into_iter()
        .flat_map(|first| first.iter_days())
        .take_while(move |d| d.year() == year)
}

fn covers(periods: &[Period], day: NaiveDate) -> bool {
    periods
        .iter()
        .any(|(start, end)| *start <= day && end.is_none_or(|e| day <= e))
}

/// (days of `year` in any period, days in the year).
fn days_employed(year: i32, periods: &[Period]) -> (u64, u64) {
    days_of_year(year).fold((0, 0), |(worked, all), d| {
        (worked + u64::from(covers(periods, d)), all + 1)
    })
}

/// num/den rounded to the nearest integer, halves up.
fn div_round(num: u64, den: u64) -> u64 {
    (2 * num + den) / (2 * den)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::rules::ymd;

    const FT: u32 = 2280;

    fn facts(employed: Vec<Period>, weekly: u32, as_of: NaiveDate) -> AllocationFacts {
        AllocationFacts {
            employed,
            excluded: Vec::new(),
            weekly_minutes_now: weekly,
            fte_permille_now: weekly * 1000 / FT,
            blue_collar: false,
            imported_legal_days: None,
            as_of,
        }
    }

    fn minutes(allocs: &[Allocation], bucket: Bucket) -> u32 {
        allocs.iter().find(|a| a.bucket == bucket).unwrap().minutes
    }

    #[test]
    fn every_row_of_the_months_table() {
        let five = [2, 4, 5, 7, 9, 10, 12, 14, 15, 17, 19, 20];
        let six = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24];
        for m in 1..=12u32 {
            assert_eq!(legal_days_five_day(m), five[m as usize - 1], "{m} months");
            assert_eq!(legal_days_six_day(m), six[m as usize - 1], "{m} months");
        }
        assert_eq!(legal_days_five_day(0), 0);
        assert_eq!(legal_days_five_day(13), 20);
        assert_eq!(five_day_from_six_day(24), 20);
    }

    #[test]
    fn full_year_in_the_current_regime() {
        assert_eq!(legal_entitlement_minutes(12, FT), 152 * 60);
        assert_eq!(legal_entitlement_minutes(12, 19 * 60), 76 * 60);
        assert_eq!(legal_entitlement_minutes(12, 0), 0);
    }

    #[test]
    fn rounds_to_the_nearest_minute() {
        // 7 days of a 20h34 week: 7 × 1234 / 5 = 1727.6.
        assert_eq!(legal_entitlement_minutes(4, 1234), 1728);
        // 2 days × 1233 / 5 = 493.2.
        assert_eq!(legal_entitlement_minutes(1, 1233), 493);
        assert_eq!(days_in_regime(30, FT), 4 * FT, "capped at four weeks");
    }

    #[test]
    fn months_combine_incomplete_months_exactly() {
        let y = 2025;
        let p = |a, b| (a, Some(b));
        // 16/31 + 14/28 = 1.016: one month.
        assert_eq!(months_worked(y, &[p(ymd(y, 1, 16), ymd(y, 2, 14))], &[]), 1);
        // 15/31 + 14/28 = 0.984: none.
        assert_eq!(months_worked(y, &[p(ymd(y, 1, 17), ymd(y, 2, 14))], &[]), 0);
        // 14/28 + 15/30 is exactly one month (a float sum could give 0.999…).
        let halves = [
            p(ymd(y, 2, 15), ymd(y, 2, 28)),
            p(ymd(y, 4, 16), ymd(y, 4, 30)),
        ];
        assert_eq!(months_worked(y, &halves, &[]), 1);
    }

    #[test]
    fn overlaps_count_once_and_exclusions_are_removed() {
        let y = 2025;
        let overlapping = [(ymd(y, 1, 1), Some(ymd(y, 6, 30))), (ymd(y, 3, 1), None)];
        assert_eq!(months_worked(y, &overlapping, &[]), 12);
        let open = [(ymd(2020, 5, 4), None)];
        assert_eq!(months_worked(y, &open, &[]), 12);
        // Hired 15/01, unpaid leave all of June: 17/31 + 10 months.
        let hired = [(ymd(y, 1, 15), None)];
        let june = [(ymd(y, 6, 1), ymd(y, 6, 30))];
        assert_eq!(months_worked(y, &hired, &june), 10);
        assert_eq!(months_worked(y, &[(ymd(2026, 1, 1), None)], &[]), 0);
    }

    #[test]
    fn starter_hired_on_1_april_gets_15_days() {
        let f = facts(vec![(ymd(2024, 4, 1), None)], FT, ymd(2025, 1, 1));
        let a = allocate(2025, &f, &LeaveRules::default());
        assert_eq!(
            a[0].basis,
            AllocationBasis::Months {
                months: 9,
                days: 15,
                weekly_minutes: FT
            }
        );
        assert_eq!(minutes(&a, Bucket::Legal), 15 * 456);
    }

    #[test]
    fn moving_to_half_time_caps_at_four_weeks_of_the_new_regime() {
        // Full time all of 2025, half time in 2026: 76 h, not 152 h.
        let f = facts(vec![(ymd(2019, 1, 1), None)], 19 * 60, ymd(2026, 12, 31));
        let a = allocate(2026, &f, &LeaveRules::default());
        assert_eq!(minutes(&a, Bucket::Legal), 4 * 19 * 60);
        assert_eq!(minutes(&a, Bucket::Supplementary), 0, "no room left");
    }

    #[test]
    fn supplementary_leave_after_the_run_in() {
        let rules = LeaveRules::default();
        // Hired 1/7/2024: 6 months → 10 days legal in 2025, 10 days of room.
        let employed = vec![(ymd(2024, 7, 1), None)];
        let at = |day| {
            let a = allocate(2025, &facts(employed.clone(), FT, day), &rules);
            (
                minutes(&a, Bucket::Legal),
                minutes(&a, Bucket::Supplementary),
            )
        };
        assert_eq!(at(ymd(2025, 3, 30)), (4560, 0), "run-in not complete");
        assert_eq!(at(ymd(2025, 3, 31)), (4560, 5 * 456));
        assert_eq!(at(ymd(2025, 6, 30)), (4560, 10 * 456));
        assert_eq!(
            at(ymd(2025, 12, 31)),
            (4560, 10 * 456),
            "limited to 4 weeks"
        );
        assert_eq!(supplementary_minutes(&rules, 2, 0, FT), 0);
        assert_eq!(supplementary_minutes(&rules, 12, 0, FT), 4 * FT);
    }

    #[test]
    fn a_2026_year_with_unpaid_leave_in_2025() {
        let mut f = facts(vec![(ymd(2018, 9, 1), None)], FT, ymd(2026, 1, 1));
        // Unpaid leave 1/2 – 15/4/2025 takes 2.5 months off: 9.5 counted → 9 months → 15 days.
        f.excluded = vec![(ymd(2025, 2, 1), ymd(2025, 4, 15))];
        let a = allocate(2026, &f, &LeaveRules::default());
        assert_eq!(minutes(&a, Bucket::Legal), 15 * 456);
    }

    #[test]
    fn blue_collar_days_come_from_the_holiday_fund() {
        let mut f = facts(vec![(ymd(2018, 9, 1), None)], FT, ymd(2026, 1, 1));
        f.blue_collar = true;
        let a = allocate(2026, &f, &LeaveRules::default());
        assert_eq!(a[0].basis, AllocationBasis::HolidayFundPending);
        assert_eq!(minutes(&a, Bucket::Legal), 0);
        f.imported_legal_days = Some(18);
        let a = allocate(2026, &f, &LeaveRules::default());
        assert_eq!(minutes(&a, Bucket::Legal), 18 * 456);
    }

    #[test]
    fn company_days_pro_rata_fte_and_days_employed() {
        let rules = LeaveRules {
            extralegal_minutes_per_year: 12 * 456,
            ..LeaveRules::default()
        };
        assert_eq!(
            extralegal_minutes(&rules, 2026, 1000, &[(ymd(2020, 1, 1), None)]),
            5472
        );
        // 4/5 from 1/7/2026: 5472 × 0.8 × 184/365 = 2206.79.
        let f = facts(vec![(ymd(2026, 7, 1), None)], 1824, ymd(2026, 7, 1));
        let a = allocate(2026, &f, &rules);
        assert_eq!(minutes(&a, Bucket::Extralegal), 2207);
        assert_eq!(
            a[2].basis,
            AllocationBasis::Company {
                full_time_minutes: 5472,
                fte_permille: 800,
                days_employed: 184,
                days_in_year: 365
            }
        );
        assert_eq!(
            extralegal_minutes(&LeaveRules::default(), 2026, 1000, &[]),
            0
        );
    }

    #[test]
    fn converting_a_balance_keeps_days() {
        assert_eq!(convert_to_schedule(4560, FT, 1140), 2280);
        assert_eq!(convert_to_schedule(1000, FT, 1824), 800);
        assert_eq!(convert_to_schedule(1001, FT, 1824), 801);
        assert_eq!(convert_to_schedule(-1001, FT, 1824), -801);
        assert_eq!(convert_to_schedule(500, 0, 1824), 500);
    }

    proptest::proptest! {
        #[test]
        fn legal_minutes_never_exceed_four_weeks(months in 0u32..40, weekly in 0u32..4000) {
            proptest::prop_assert!(legal_entitlement_minutes(months, weekly) <= 4 * weekly);
        }

        #[test]
        fn months_never_exceed_twelve(start in 0i64..800, len in 0i64..800) {
            let s = ymd(2024, 1, 1) + chrono::Duration::days(start);
            let p = [(s, Some(s + chrono::Duration::days(len)))];
            proptest::prop_assert!(months_worked(2025, &p, &[]) <= 12);
        }
    }
}
