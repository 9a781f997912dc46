//! The period a report covers: a day (headcount, Bradford), a run of months (movements,
//! absenteeism), a year (leave) or an election day (social elections), chosen with `[`/`]` or typed.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::Serialize;

use super::ReportKind;
use crate::domain::date::{format_date, required_date};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::text_input;

/// The longest run of months a monthly report takes: ten years is more than any meeting needs and
/// keeps a report on a large company within seconds.
pub const MAX_MONTHS: u32 = 120;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.plus(1)
            .first_day()
            .pred_opt()
            .unwrap_or(NaiveDate::MAX)
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months from `self` to `to`, both included (empty when `to` is earlier).
    pub fn through(self, to: Month) -> Vec<Month> {
        let n = months_between(self, to);
        (0..n).map(|i| self.plus(i as i32)).collect()
    }

    /// "11/2026", "11-2026", "2026-11" or "2026/11".
    pub fn parse(text: &str) -> Option<Month> {
        let (a, b) = text.trim().split_once(['/', '-', '.'])?;
        let (year, month) = if a.len() == 4 { (a, b) } else { (b, a) };
        if year.len() != 4 {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// ISO, for storage and JSON: "2026-11".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// As Belgians write it: "11/2026".
impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}/{:04}", self.month, self.year)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// Number of months from `from` to `to`, both included; 0 when `to` is earlier.
pub fn months_between(from: Month, to: Month) -> u32 {
    let d = (to.year * 12 + to.month as i32) - (from.year * 12 + from.month as i32) + 1;
    d.max(0) as u32
}

/// Everything a report may be computed for. Each report reads its own part, so switching reports
/// keeps each one's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReportParams {
    /// Headcount on this day; the Bradford factor over the 52 weeks ending on it.
    pub at: NaiveDate,
    /// Movements and absenteeism: these months, both included.
    pub from: Month,
    pub to: Month,
    /// Leave taken and remaining in this leave year.
    pub year: i32,
    /// Social elections: election day (day Y).
    pub election_day: NaiveDate,
}

impl ReportParams {
    /// Today; the twelve months up to this one; this year; the next social elections.
    pub fn default_for(today: NaiveDate) -> ReportParams {
        let this = Month::of(today);
        ReportParams {
            at: today,
            from: this.plus(-11),
            to: this,
            year: today.year(),
            election_day: super::elections::next_election_day(today),
        }
    }

    /// One step back (`steps` < 0) or forward for `kind`: the day by a month, a run of months by
    /// its own length (a quarter to the quarter before), the year by a year, elections by a cycle.
    pub fn shift(&mut self, kind: ReportKind, steps: i32) {
        let by_months = |d: NaiveDate, n: i32| {
            let m = Months::new(n.unsigned_abs());
            if n < 0 {
                d.checked_sub_months(m)
            } else {
                d.checked_add_months(m)
            }
            .unwrap_or(d)
        };
        match kind {
            ReportKind::Headcount | ReportKind::Bradford => self.at = by_months(self.at, steps),
            ReportKind::Movements | ReportKind::Absenteeism => {
                let len = months_between(self.from, self.to).max(1) as i32;
                self.from = self.from.plus(steps * len);
                self.to = self.to.plus(steps * len);
            }
            ReportKind::Leave | ReportKind::Training => self.year += steps,
            ReportKind::Elections => {
                self.election_day = by_months(
                    self.election_day,
                    steps * 12 * super::elections::CYCLE_YEARS,
                )
            }
        }
    }

    /// The period in words for a heading, without translation: "23/11/2026", "12/2025–11/2026",
    /// "2026".
    pub fn describe(&self, kind: ReportKind) -> String {
        match kind {
            ReportKind::Headcount => format_date(self.at),
            ReportKind::Bradford => {
                let from = self.at - chrono::Duration::days(super::absence::BRADFORD_DAYS - 1);
                format!("{}–{}", format_date(from), format_date(self.at))
            }
            ReportKind::Movements | ReportKind::Absenteeism if self.from == self.to => {
                self.from.to_string()
            }
            ReportKind::Movements | ReportKind::Absenteeism => format!("{}–{}", self.from, self.to),
            ReportKind::Leave | ReportKind::Training => self.year.to_string(),
            ReportKind::Elections => format_date(self.election_day),
        }
    }
}

impl ReportParams {
    /// The period as a file name part: "2026-11-23", "2025-12_2026-11", "2026".
    pub fn slug(&self, kind: ReportKind) -> String {
        use crate::domain::date::iso;
        match kind {
            ReportKind::Headcount | ReportKind::Bradford => iso(self.at),
            ReportKind::Movements | ReportKind::Absenteeism => {
                format!("{}_{}", self.from.iso(), self.to.iso())
            }
            ReportKind::Leave | ReportKind::Training => self.year.to_string(),
            ReportKind::Elections => iso(self.election_day),
        }
    }
}

text_input!(
    /// What the user typed for a report's period: a day, a first and last month, a year, an election day.
    ReportPeriodInput, REPORT_PERIOD_FIELDS { at, from_month, to_month, year, election_day }
);

impl ReportPeriodInput {
    pub fn from_params(p: &ReportParams) -> Self {
        ReportPeriodInput {
            at: format_date(p.at),
            from_month: p.from.to_string(),
            to_month: p.to.to_string(),
            year: p.year.to_string(),
            election_day: format_date(p.election_day),
        }
    }

    pub fn validate(&self) -> Result<ReportParams, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let at = collect(&mut errs, required_date("at", &self.at));
        let from = collect(&mut errs, month_field("from_month", &self.from_month));
        let to = collect(&mut errs, month_field("to_month", &self.to_month));
        let year = collect(&mut errs, year_field("year", &self.year));
        let election_day = collect(&mut errs, required_date("election_day", &self.election_day));
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errs.push(FieldError::new("to_month", "err.month_order"));
            } else if months_between(f, t) > MAX_MONTHS {
                errs.push(
                    FieldError::new("to_month", "err.period_too_long")
                        .arg("max", MAX_MONTHS.to_string()),
                );
            }
        }
        match (at, from, to, year, election_day) {
            (Some(at), Some(from), Some(to), Some(year), Some(election_day)) if errs.is_empty() => {
                Ok(ReportParams {
                    at,
                    from,
                    to,
                    year,
                    election_day,
                })
            }
            _ => Err(errs),
        }
    }
}

/// A month typed as "11/2026" or "2026-11".
pub fn month_field(field: &'static str, text: &str) -> Result<Month, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    Month::parse(text)
        .filter(|m| (1900..=2999).contains(&m.year))
        .ok_or_else(|| FieldError::new(field, "err.month").arg("value", text.trim()))
}

/// A year between 1900 and 2999.
pub fn year_field(field: &'static str, text: &str) -> Result<i32, FieldError> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2999).contains(y))
        .ok_or_else(|| FieldError::new(field, "err.year").arg("value", text.trim()))
}

/// The first `weekday` on or after `day`.
pub(crate) fn weekday_from(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
    day + chrono::Duration::days(i64::from(ahead))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_add_parse_and_bound() {
        let nov = Month::new(2026, 11).unwrap();
        assert_eq!(nov.plus(2), Month::new(2027, 1).unwrap());
        assert_eq!(nov.plus(-11), Month::new(2025, 12).unwrap());
        assert_eq!(nov.last_day(), d(2026, 11, 30));
        assert_eq!(Month::new(2028, 2).unwrap().last_day(), d(2028, 2, 29));
        assert_eq!(Month::parse("11/2026"), Some(nov));
        assert_eq!(Month::parse("2026-11"), Some(nov));
        assert_eq!(Month::parse("13/2026"), None);
        assert_eq!(Month::parse("11/26"), None);
        assert_eq!(nov.to_string(), "11/2026");
        assert_eq!(months_between(nov.plus(-11), nov), 12);
        assert_eq!(nov.through(nov.plus(2)).len(), 3);
        assert!(nov.through(nov.plus(-1)).is_empty());
    }

    #[test]
    fn defaults_and_shifts() {
        let mut p = ReportParams::default_for(d(2026, 11, 23));
        assert_eq!(p.from, Month::new(2025, 12).unwrap());
        assert_eq!(p.election_day, d(2028, 5, 15));
        p.shift(ReportKind::Absenteeism, -1);
        assert_eq!(
            (p.from, p.to),
            (Month::new(2024, 12).unwrap(), Month::new(2025, 11).unwrap())
        );
        p.shift(ReportKind::Headcount, 1);
        assert_eq!(p.at, d(2026, 12, 23));
        p.shift(ReportKind::Leave, -2);
        assert_eq!(p.year, 2024);
        p.shift(ReportKind::Elections, 1);
        assert_eq!(p.election_day, d(2032, 5, 15));
    }

    #[test]
    fn the_period_form_names_each_bad_field() {
        let good = ReportPeriodInput::from_params(&ReportParams::default_for(d(2026, 11, 23)));
        assert_eq!(
            good.validate().unwrap(),
            ReportParams::default_for(d(2026, 11, 23))
        );
        let bad = ReportPeriodInput {
            at: "31/02/2026".into(),
            from_month: "03/2026".into(),
            to_month: "01/2026".into(),
            year: "26".into(),
            election_day: String::new(),
        };
        let errs = bad.validate().unwrap_err();
        let fields: Vec<(&str, &str)> = errs.0.iter().map(|e| (e.field, e.key)).collect();
        assert_eq!(
            fields,
            [
                ("at", "err.date"),
                ("year", "err.year"),
                ("election_day", "err.required"),
                ("to_month", "err.month_order"),
            ]
        );
        let long = ReportPeriodInput {
            from_month: "01/2000".into(),
            to_month: "01/2026".into(),
            ..good
        };
        assert_eq!(long.validate().unwrap_err().0[0].key, "err.period_too_long");
    }

    #[test]
    fn weekday_from_finds_the_next_one() {
        assert_eq!(weekday_from(d(2028, 5, 11), Weekday::Mon), d(2028, 5, 15));
        assert_eq!(weekday_from(d(2028, 5, 15), Weekday::Mon), d(2028, 5, 15));
    }
}
