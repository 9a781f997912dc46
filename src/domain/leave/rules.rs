//! Leave and sickness settings that are company policy or marked "(verify)" in BELGIAN-RULES.md, so
//! none of them is a constant buried in a rule: the store keeps them, the rules read them from here.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The settings every leave and sickness rule takes. Amounts of leave are minutes of a full-time
/// worker; the rules scale them to a person's regime. Dated lists hold a value from a date on, so a
/// reform is one more row, never a code change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeaveRules {
    /// Hours a full-timer works per week, in minutes (38 h = 2280): the FTE reference.
    pub full_time_weekly_minutes: u32,
    /// Company days (ADV/RTT, seniority or sector days) a full-timer gets for a full year, in minutes,
    /// e.g. 12 days of 7h36 = 5472. Minutes rather than days: a part-timer's "day" has another length,
    /// and half days would need a fraction. 0 means no such days.
    pub extralegal_minutes_per_year: u32,
    /// At most this many minutes of unused company days move into the next year; the rest expires.
    /// Absolute minutes, not scaled to the person's regime (5 full-time days = 2280).
    pub carry_over_cap_minutes: u32,
    /// (month, day) of the next year on which carried company days expire (31 March by default).
    pub carry_over_expiry: (u32, u32),
    /// Legal days that illness (or maternity, accident…) kept a worker from taking stay usable this
    /// many months after the end of the holiday year (24 since 2024).
    pub illness_carry_over_months: u32,
    /// Certificate-free sick days per calendar year, from a date on: 3 from 28/11/2022, 2 from 2026 (verify).
    pub certificate_free_days: Vec<(NaiveDate, u32)>,
    /// Employers with fewer than 50 workers may require a certificate for every absence (work rules).
    pub always_require_certificate: bool,
    /// Days after the end of an incapacity within which a new one of the same illness is a relapse,
    /// keyed on the new spell's start: 14 days, 8 weeks from 2026 (verify the transition).
    pub relapse_window_days: Vec<(NaiveDate, u32)>,
    /// Calendar days of guaranteed salary per incapacity period.
    pub guaranteed_salary_days: u32,
    /// Months of work in the current year before supplementary (European) leave can be earned.
    pub supplementary_run_in_months: u32,
    /// Whether the work rules allow leave in half days.
    pub half_days_allowed: bool,
}

impl Default for LeaveRules {
    fn default() -> Self {
        LeaveRules {
            full_time_weekly_minutes: 38 * 60,
            extralegal_minutes_per_year: 0,
            carry_over_cap_minutes: 5 * 456,
            carry_over_expiry: (3, 31),
            illness_carry_over_months: 24,
            certificate_free_days: vec![(ymd(2022, 11, 28), 3), (ymd(2026, 1, 1), 2)],
            always_require_certificate: false,
            relapse_window_days: vec![(ymd(2000, 1, 1), 14), (ymd(2026, 1, 1), 56)],
            guaranteed_salary_days: 30,
            supplementary_run_in_months: 3,
            half_days_allowed: true,
        }
    }
}

impl LeaveRules {
    /// The certificate-free days allowed in a calendar year: the last value dated on or before
    /// 31 December of that year. A change during a year thus counts for the whole year; the one
    /// real mid-year date (28/11/2022) introduced the allowance, and days before it cannot be
    /// certificate-free at all (see [`Self::certificate_free_in_force`]), so 2022 gives 3.
    pub fn certificate_free_days_for(&self, year: i32) -> u32 {
        dated_value(&self.certificate_free_days, last_day_of_year(year)).unwrap_or(0)
    }

    /// The allowance in force on one day: 0 before the first dated value (no certificate-free days yet).
    pub fn certificate_free_in_force(&self, day: NaiveDate) -> u32 {
        dated_value(&self.certificate_free_days, day).unwrap_or(0)
    }

    /// The relapse window that applies to a spell starting on `new_spell_start`; 0 (no relapse
    /// link) before the first dated value.
    pub fn relapse_window_for(&self, new_spell_start: NaiveDate) -> u32 {
        dated_value(&self.relapse_window_days, new_spell_start).unwrap_or(0)
    }

    /// Last day on which company days carried out of `year` can be used. A day past the end of the
    /// month (30 February) falls back to the month's last day, so a setting can never make it panic.
    pub fn carry_over_expires_on(&self, year: i32) -> NaiveDate {
        let (month, day) = self.carry_over_expiry;
        let month = month.clamp(1, 12);
        let first = NaiveDate::from_ymd_opt(year + 1, month, 1).unwrap_or(last_day_of_year(year));
        let last = end_of_month(first);
        first.with_day(day.max(1)).unwrap_or(last).min(last)
    }

    /// Last day on which legal days carried for illness out of holiday year `year` can be used:
    /// the end of the month `illness_carry_over_months` after December of that year (31/12/N+2 by default).
    pub fn illness_carry_over_expires_on(&self, year: i32) -> NaiveDate {
        let december = NaiveDate::from_ymd_opt(year, 12, 1).unwrap_or(NaiveDate::MAX);
        let month = december
            .checked_add_months(Months::new(self.illness_carry_over_months))
            .unwrap_or(NaiveDate::MAX);
        end_of_month(month)
    }

    /// Minutes of one full-time day in a five-day week (7h36 for 38 h), to show minutes as days.
    pub fn full_time_day_minutes(&self) -> u32 {
        self.full_time_weekly_minutes / 5
    }
}

/// The value of the latest entry dated on or before `day`, whatever the order of the list.
fn dated_value(list: &[(NaiveDate, u32)], day: NaiveDate) -> Option<u32> {
    list.iter()
        .filter(|(from, _)| *from <= day)
        .max_by_key(|(from, _)| *from)
        .map(|(_, v)| *v)
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

pub(crate) fn last_day_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The day whose schedule `year`'s leave is shown in (days and hours of that day length): today in
/// the running year, 31 December of a past year, 1 January of a coming one.
pub fn day_in_year(year: i32, today: NaiveDate) -> NaiveDate {
    today.clamp(ymd(year, 1, 1), last_day_of_year(year))
}

pub(crate) fn end_of_month(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leave_of_a_year_is_shown_in_a_day_of_that_year() {
        let today = ymd(2026, 11, 23);
        assert_eq!(day_in_year(2026, today), today);
        assert_eq!(day_in_year(2025, today), ymd(2025, 12, 31));
        assert_eq!(day_in_year(2027, today), ymd(2027, 1, 1));
    }

    #[test]
    fn certificate_free_days_by_year() {
        let r = LeaveRules::default();
        assert_eq!(r.certificate_free_days_for(2021), 0);
        assert_eq!(r.certificate_free_days_for(2022), 3);
        assert_eq!(r.certificate_free_days_for(2025), 3);
        assert_eq!(r.certificate_free_days_for(2026), 2);
        assert_eq!(r.certificate_free_days_for(2030), 2);
        assert_eq!(r.certificate_free_in_force(ymd(2022, 11, 27)), 0);
        assert_eq!(r.certificate_free_in_force(ymd(2022, 11, 28)), 3);
        assert_eq!(r.certificate_free_in_force(ymd(2025, 12, 31)), 3);
        assert_eq!(r.certificate_free_in_force(ymd(2026, 1, 1)), 2);
    }

    #[test]
    fn relapse_window_follows_the_new_spell_start() {
        let r = LeaveRules::default();
        assert_eq!(r.relapse_window_for(ymd(2025, 12, 31)), 14);
        assert_eq!(r.relapse_window_for(ymd(2026, 1, 1)), 56);
        assert_eq!(r.relapse_window_for(ymd(1999, 6, 1)), 0);
    }

    #[test]
    fn dated_lists_need_not_be_sorted() {
        let r = LeaveRules {
            relapse_window_days: vec![(ymd(2026, 1, 1), 56), (ymd(2000, 1, 1), 14)],
            ..LeaveRules::default()
        };
        assert_eq!(r.relapse_window_for(ymd(2025, 6, 1)), 14);
        assert_eq!(r.relapse_window_for(ymd(2026, 6, 1)), 56);
    }

    #[test]
    fn expiry_dates() {
        let r = LeaveRules::default();
        assert_eq!(r.carry_over_expires_on(2025), ymd(2026, 3, 31));
        assert_eq!(r.illness_carry_over_expires_on(2025), ymd(2027, 12, 31));
        let odd = LeaveRules {
            carry_over_expiry: (2, 30),
            illness_carry_over_months: 18,
            ..LeaveRules::default()
        };
        assert_eq!(odd.carry_over_expires_on(2027), ymd(2028, 2, 29));
        assert_eq!(odd.carry_over_expires_on(2025), ymd(2026, 2, 28));
        assert_eq!(odd.illness_carry_over_expires_on(2025), ymd(2027, 6, 30));
    }

    #[test]
    fn missing_settings_take_the_defaults() {
        let r: LeaveRules = toml::from_str("extralegal_minutes_per_year = 5472").unwrap();
        assert_eq!(r.extralegal_minutes_per_year, 5472);
        assert_eq!(r.full_time_weekly_minutes, 2280);
        assert_eq!(r.certificate_free_days_for(2026), 2);
        let back: LeaveRules = toml::from_str(&toml::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }
}
