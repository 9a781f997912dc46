//! The quiet section of Today: birthdays and work anniversaries in the coming days.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::PersonRef;

/// Someone in service, with the two dates occasions come from.
#[derive(Debug, Clone)]
pub struct OccasionFact {
    pub person: PersonRef,
    pub birth: Option<NaiveDate>,
    /// Seniority counts from here, so the anniversary does too.
    pub seniority: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OccasionKind {
    Birthday { age: i32 },
    Anniversary { years: i32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occasion {
    pub person: PersonRef,
    pub on: NaiveDate,
    #[serde(flatten)]
    pub kind: OccasionKind,
}

/// The day in `year` that falls on `date`'s month and day; 29 February is kept on 28 February in
/// other years (the last day of the month the person knows as theirs).
pub fn in_year(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

/// The next time `date` comes round on or after `today`, and how many years it then is.
pub fn next_round(date: NaiveDate, today: NaiveDate) -> Option<(NaiveDate, i32)> {
    let this_year = in_year(date, today.year())?;
    let on = if this_year >= today {
        this_year
    } else {
        in_year(date, today.year() + 1)?
    };
    Some((on, on.year() - date.year()))
}

/// Birthdays and anniversaries (of at least one year) from today to `days` ahead.
pub fn upcoming(facts: &[OccasionFact], today: NaiveDate, days: i64) -> Vec<Occasion> {
    let within = |on: NaiveDate| (on - today).num_days() <= days;
    let mut out = Vec::new();
    for f in facts {
        if let Some((on, age)) = f.birth.and_then(|b| next_round(b, today))
            && within(on)
            && age > 0
        {
            out.push(Occasion {
                person: f.person.clone(),
                on,
                kind: OccasionKind::Birthday { age },
            });
        }
        if let Some((on, years)) = next_round(f.seniority, today)
            && within(on)
            && years > 0
        {
            out.push(Occasion {
                person: f.person.clone(),
                on,
                kind: OccasionKind::Anniversary { years },
            });
        }
    }
    out
}

/// The month-day ranges ("MM-DD") a window of `days` from `today` covers: two when it crosses New Year.
/// The store selects birthdays with them through an index on the month and day.
pub fn month_day_ranges(today: NaiveDate, days: i64) -> Vec<(String, String)> {
    let end = today + chrono::Duration::days(days.clamp(0, 365));
    let md = |d: NaiveDate| d.format("%m-%d").to_string();
    if end.year() == today.year() {
        vec![(md(today), md(end))]
    } else {
        vec![(md(today), "12-31".into()), ("01-01".into(), md(end))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person() -> PersonRef {
        PersonRef {
            id: 1,
            number: "E1".into(),
            name: "An Peeters".into(),
        }
    }

    #[test]
    fn birthday_and_anniversary_within_the_window() {
        let f = OccasionFact {
            person: person(),
            birth: Some(d(1990, 11, 25)),
            seniority: d(2016, 11, 30),
        };
        let got = upcoming(&[f], d(2026, 11, 23), 7);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].kind, OccasionKind::Birthday { age: 36 });
        assert_eq!(got[0].on, d(2026, 11, 25));
        assert_eq!(got[1].kind, OccasionKind::Anniversary { years: 10 });
        // A day later than the window: nothing.
        let f = OccasionFact {
            person: person(),
            birth: Some(d(1990, 12, 1)),
            seniority: d(2026, 11, 23),
        };
        assert!(upcoming(&[f], d(2026, 11, 23), 7).is_empty());
    }

    #[test]
    fn window_across_new_year_and_leap_day() {
        let f = OccasionFact {
            person: person(),
            birth: Some(d(2000, 1, 2)),
            seniority: d(2020, 2, 29),
        };
        let got = upcoming(std::slice::from_ref(&f), d(2026, 12, 30), 7);
        assert_eq!(got[0].on, d(2027, 1, 2));
        assert_eq!(got[0].kind, OccasionKind::Birthday { age: 27 });
        assert_eq!(
            next_round(f.seniority, d(2027, 2, 1)),
            Some((d(2027, 2, 28), 7))
        );
        assert_eq!(
            month_day_ranges(d(2026, 12, 30), 7),
            vec![
                ("12-30".into(), "12-31".into()),
                ("01-01".into(), "01-06".into())
            ]
        );
        assert_eq!(
            month_day_ranges(d(2026, 11, 23), 7),
            vec![("11-23".to_string(), "11-30".to_string())]
        );
    }
}
