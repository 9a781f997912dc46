//! Notice periods under the unified statute (BELGIAN-RULES.md §7): weeks from seniority, when the
//! notice takes effect and starts, and its theoretical end, with the legal basis as i18n keys.
//!
//! Only contracts under the unified statute (seniority from 1 January 2014) are covered; older
//! contracts combine two calculations and need a lawyer's or the social secretariat's figure.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use serde::Serialize;

use super::leave::holidays::legal_holiday_on;
use crate::choice_enum;

choice_enum!(
    /// Who gives notice: the employer (dismissal) or the employee (resignation).
    NoticeParty, "notice_by" { Employer => "employer", Employee => "employee" }
);

/// Contracts concluded from this day have the employer's notice capped at 52 weeks. The date is
/// reported for the 2026 reform but not yet confirmed (BELGIAN-RULES.md §7, verify): a company
/// setting, this is only its default.
pub fn default_cap_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
}

/// Seniority from before this day falls partly under the old rules (two calculations added up),
/// which this engine does not make: the result then carries a warning.
pub fn unified_statute_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 1, 1).expect("valid date")
}

/// The employer's notice for contracts concluded from the cap date never exceeds this.
pub const EMPLOYER_CAP_WEEKS: u32 = 52;
/// The employee's notice never exceeds this, whatever the seniority.
pub const EMPLOYEE_CAP_WEEKS: u32 = 13;

/// What the calculation needs. `seniority_from` is the first day of uninterrupted service
/// (bridged earlier contracts included); `contract_date` is when the running contract was concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeInput {
    pub seniority_from: NaiveDate,
    pub contract_date: NaiveDate,
    /// The day the letter is posted, served or handed over.
    pub notified_on: NaiveDate,
    pub by: NoticeParty,
    /// Sent by registered post: takes effect on the third working day after posting.
    pub registered_letter: bool,
    /// Contracts concluded on or after this day get the 52-week employer cap.
    pub cap_from: NaiveDate,
}

/// The outcome, before suspensions (illness, holidays… extend an employer's notice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub weeks: u32,
    /// The day the notification takes effect.
    pub effective_on: NaiveDate,
    /// The Monday after the week of `effective_on`.
    pub start: NaiveDate,
    /// The Sunday `weeks` weeks later.
    pub end: NaiveDate,
    /// Completed months of seniority at `start`.
    pub seniority_months: u32,
    /// i18n keys of the legal basis, most specific first; each may use {weeks}, {date}, {years}.
    pub basis: Vec<&'static str>,
}

/// Weeks of notice for `months` completed months of seniority. `capped` applies the 52-week
/// employer cap (contracts concluded from the cap date).
pub fn weeks_for(months: u32, by: NoticeParty, capped: bool) -> u32 {
    // (from completed months, employer weeks, employee weeks), rows of art. 37/2.
    const TABLE: [(u32, u32, u32); 16] = [
        (0, 1, 1),
        (3, 3, 2),
        (4, 4, 2),
        (5, 5, 2),
        (6, 6, 3),
        (9, 7, 3),
        (12, 8, 4),
        (15, 9, 4),
        (18, 10, 5),
        (21, 11, 5),
        (24, 12, 6),
        (36, 13, 6),
        (48, 15, 7),
        (60, 18, 9),
        (72, 21, 10),
        (84, 24, 12),
    ];
    let years = months / 12;
    match by {
        NoticeParty::Employee => {
            if years >= 8 {
                EMPLOYEE_CAP_WEEKS
            } else {
                row(&TABLE, months).2
            }
        }
        NoticeParty::Employer => {
            let weeks = match years {
                0..5 => row(&TABLE, months).1,
                5..20 => 18 + 3 * (years - 5),
                _ => 62 + (years - 20),
            };
            if capped {
                weeks.min(EMPLOYER_CAP_WEEKS)
            } else {
                weeks
            }
        }
    }
}

fn row(table: &[(u32, u32, u32)], months: u32) -> (u32, u32, u32) {
    table
        .iter()
        .rev()
        .find(|r| months >= r.0)
        .copied()
        .unwrap_or(table[0])
}

/// A working day for the registered-letter rule: Monday to Saturday, not a legal holiday.
fn is_working_day(d: NaiveDate) -> bool {
    d.weekday() != Weekday::Sun && legal_holiday_on(d).is_none()
}

/// The third working day after posting (art. 37 §1 of the Labour Contracts Act).
pub fn registered_letter_effective(posted: NaiveDate) -> NaiveDate {
    let mut d = posted;
    let mut counted = 0;
    while counted < 3 {
        d += Duration::days(1);
        if is_working_day(d) {
            counted += 1;
        }
    }
    d
}

/// The Monday of the week after the week that holds `d` (art. 37/1).
pub fn next_week_monday(d: NaiveDate) -> NaiveDate {
    d + Duration::days(7 - i64::from(d.weekday().num_days_from_monday()))
}

/// Completed months from `from` to `at` (0 when `at` is before `from`).
pub fn completed_months(from: NaiveDate, at: NaiveDate) -> u32 {
    if at < from {
        return 0;
    }
    let mut m = ((at.year() - from.year()) * 12 + at.month() as i32 - from.month() as i32).max(0);
    while m > 0
        && from
            .checked_add_months(Months::new(m as u32))
            .is_none_or(|d| d > at)
    {
        m -= 1;
    }
    m as u32
}

/// The whole calculation.
pub fn compute(input: &NoticeInput) -> Notice {
    let effective_on = if input.registered_letter {
        registered_letter_effective(input.notified_on)
    } else {
        input.notified_on
    };
    let start = next_week_monday(effective_on);
    let seniority_months = completed_months(input.seniority_from, start);
    let capped = input.by == NoticeParty::Employer && input.contract_date >= input.cap_from;
    let weeks = weeks_for(seniority_months, input.by, capped);
    let end = start + Duration::days(7 * i64::from(weeks) - 1);
    let years = seniority_months / 12;
    let mut basis = Vec::new();
    if input.seniority_from < unified_statute_start() {
        basis.push("notice.basis.before_2014");
    }
    match input.by {
        NoticeParty::Employer => {
            basis.push("notice.basis.employer_table");
            if years >= 5 {
                basis.push("notice.basis.employer_formula");
            }
            if capped && weeks_for(seniority_months, input.by, false) > weeks {
                basis.push("notice.basis.employer_cap");
            }
        }
        NoticeParty::Employee => {
            basis.push("notice.basis.employee_table");
            if years >= 8 {
                basis.push("notice.basis.employee_cap");
            }
        }
    }
    basis.push("notice.basis.start_monday");
    basis.push(match (input.registered_letter, input.by) {
        (true, _) => "notice.basis.registered_letter",
        (false, NoticeParty::Employer) => "notice.basis.bailiff",
        (false, NoticeParty::Employee) => "notice.basis.handed_over",
    });
    basis.push("notice.basis.unified_statute");
    if input.by == NoticeParty::Employer {
        basis.push("notice.basis.suspension");
    }
    Notice {
        weeks,
        effective_on,
        start,
        end,
        seniority_months,
        basis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Every row of the table at its lower boundary and one month below it.
    #[test]
    fn the_unified_statute_table_row_by_row() {
        use NoticeParty::{Employee, Employer};
        // (months, employer, employee)
        let rows = [
            (0, 1, 1),
            (2, 1, 1),
            (3, 3, 2),
            (4, 4, 2),
            (5, 5, 2),
            (6, 6, 3),
            (8, 6, 3),
            (9, 7, 3),
            (11, 7, 3),
            (12, 8, 4),
            (14, 8, 4),
            (15, 9, 4),
            (17, 9, 4),
            (18, 10, 5),
            (20, 10, 5),
            (21, 11, 5),
            (23, 11, 5),
            (24, 12, 6),
            (35, 12, 6),
            (36, 13, 6),
            (47, 13, 6),
            (48, 15, 7),
            (59, 15, 7),
            (60, 18, 9),
            (71, 18, 9),
            (72, 21, 10),
            (83, 21, 10),
            (84, 24, 12),
            (95, 24, 12),
            (96, 27, 13),
            (12 * 10, 33, 13),
            (12 * 17, 54, 13),
            (12 * 19 + 11, 60, 13),
            (12 * 20, 62, 13),
            (12 * 21, 63, 13),
            (12 * 30, 72, 13),
        ];
        for (months, employer, employee) in rows {
            assert_eq!(weeks_for(months, Employer, false), employer, "{months} m");
            assert_eq!(weeks_for(months, Employee, false), employee, "{months} m");
        }
    }

    #[test]
    fn the_52_week_cap_applies_to_new_contracts_only() {
        use NoticeParty::Employer;
        assert_eq!(weeks_for(12 * 16, Employer, true), 51);
        assert_eq!(weeks_for(12 * 17, Employer, true), 52);
        assert_eq!(weeks_for(12 * 30, Employer, true), 52);
        let base = NoticeInput {
            seniority_from: d(2000, 1, 3),
            contract_date: d(2026, 5, 31),
            notified_on: d(2026, 11, 23),
            by: Employer,
            registered_letter: false,
            cap_from: default_cap_from(),
        };
        assert_eq!(compute(&base).weeks, 62 + 6);
        assert_eq!(compute(&base).basis[0], "notice.basis.before_2014");
        let new = NoticeInput {
            contract_date: d(2026, 6, 1),
            ..base
        };
        let n = compute(&new);
        assert_eq!(n.weeks, 52);
        assert!(n.basis.contains(&"notice.basis.employer_cap"));
    }

    #[test]
    fn notice_starts_on_the_monday_after_the_week_of_notification() {
        // Monday 23/11/2026 and Sunday 29/11/2026 are in the same week: both start 30/11.
        assert_eq!(next_week_monday(d(2026, 11, 23)), d(2026, 11, 30));
        assert_eq!(next_week_monday(d(2026, 11, 29)), d(2026, 11, 30));
        assert_eq!(next_week_monday(d(2026, 11, 30)), d(2026, 12, 7));
    }

    #[test]
    fn a_registered_letter_takes_effect_on_the_third_working_day() {
        // Posted Monday: Tue, Wed, Thu.
        assert_eq!(
            registered_letter_effective(d(2026, 11, 23)),
            d(2026, 11, 26)
        );
        // Posted Thursday: Fri, Sat (a working day for this rule), Mon — the Sunday is skipped.
        assert_eq!(
            registered_letter_effective(d(2026, 11, 26)),
            d(2026, 11, 30)
        );
        // Posted Tuesday 10/11/2026: Wed 11/11 is Armistice Day, so Thu, Fri, Sat.
        assert_eq!(
            registered_letter_effective(d(2026, 11, 10)),
            d(2026, 11, 14)
        );
        // Posted on Thursday 19/11/2026, effective Monday 23/11: the notice starts a week later
        // than if handed over the same day.
        let base = NoticeInput {
            seniority_from: d(2024, 1, 1),
            contract_date: d(2024, 1, 1),
            notified_on: d(2026, 11, 19),
            by: NoticeParty::Employer,
            registered_letter: false,
            cap_from: default_cap_from(),
        };
        assert_eq!(compute(&base).start, d(2026, 11, 23));
        let reg = compute(&NoticeInput {
            registered_letter: true,
            ..base
        });
        assert_eq!(reg.effective_on, d(2026, 11, 23));
        assert_eq!(reg.start, d(2026, 11, 30));
        assert!(reg.basis.contains(&"notice.basis.registered_letter"));
    }

    #[test]
    fn seniority_counts_at_the_start_of_the_notice() {
        // Started 7/9/2026: at Monday 7/12/2026 exactly 3 months, so the 3-month row applies.
        let n = compute(&NoticeInput {
            seniority_from: d(2026, 9, 7),
            contract_date: d(2026, 9, 7),
            notified_on: d(2026, 12, 2),
            by: NoticeParty::Employer,
            registered_letter: false,
            cap_from: default_cap_from(),
        });
        assert_eq!(n.start, d(2026, 12, 7));
        assert_eq!(n.seniority_months, 3);
        assert_eq!(n.weeks, 3);
        assert_eq!(n.end, d(2026, 12, 27));
        assert_eq!(n.end.weekday(), Weekday::Sun);
    }

    #[test]
    fn completed_months_at_month_ends() {
        // A month from 31 January ends on the last day of February.
        assert_eq!(completed_months(d(2026, 1, 31), d(2026, 2, 27)), 0);
        assert_eq!(completed_months(d(2026, 1, 31), d(2026, 2, 28)), 1);
        assert_eq!(completed_months(d(2026, 1, 31), d(2026, 3, 31)), 2);
        assert_eq!(completed_months(d(2026, 1, 15), d(2026, 1, 14)), 0);
        assert_eq!(completed_months(d(2020, 3, 1), d(2026, 3, 1)), 72);
        assert_eq!(completed_months(d(2020, 3, 2), d(2026, 3, 1)), 71);
    }

    proptest! {
        #[test]
        fn weeks_never_fall_as_seniority_grows(m in 0u32..600, capped: bool) {
            for by in [NoticeParty::Employer, NoticeParty::Employee] {
                prop_assert!(weeks_for(m, by, capped) <= weeks_for(m + 1, by, capped));
            }
        }

        #[test]
        fn an_employee_never_owes_more_than_the_employer(m in 0u32..600, capped: bool) {
            prop_assert!(
                weeks_for(m, NoticeParty::Employee, capped) <= weeks_for(m, NoticeParty::Employer, capped)
            );
            prop_assert!(weeks_for(m, NoticeParty::Employee, capped) <= EMPLOYEE_CAP_WEEKS);
        }

        #[test]
        fn the_notice_starts_on_a_monday_after_it_takes_effect(
            days in 0i64..20_000, seniority in 0i64..15_000, registered: bool
        ) {
            let notified = d(2014, 1, 1) + Duration::days(days);
            let n = compute(&NoticeInput {
                seniority_from: notified - Duration::days(seniority),
                contract_date: notified - Duration::days(seniority),
                notified_on: notified,
                by: NoticeParty::Employer,
                registered_letter: registered,
                cap_from: default_cap_from(),
            });
            prop_assert_eq!(n.start.weekday(), Weekday::Mon);
            prop_assert!(n.start > n.effective_on && n.effective_on >= notified);
            prop_assert!(n.start - n.effective_on <= Duration::days(7));
            prop_assert_eq!((n.end - n.start).num_days() + 1, 7 * i64::from(n.weeks));
        }
    }
}
