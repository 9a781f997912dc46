//! Social elections helper (BELGIAN-RULES.md §9): the average number of workers over the legal
//! reference period, which bodies that means, and the timetable of legal steps around election day.
//!
//! The average counts, for every calendar day of the reference period, the workers employed that
//! day, a worker whose schedule is below three quarters of full time for half (the rule of the law
//! of 4 December 2007 on social elections, art. 7 — verify for the next elections); divided by the
//! days of the period. Agency workers count only under conditions the data does not hold, so they
//! are left out and counted apart.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::Person;
use crate::choice_enum;
use crate::domain::employee::WorkerCategory;

/// Social elections are held every four years (2024, 2028…).
pub const CYCLE_YEARS: i32 = 4;
/// A year in which elections were held, to find the next ones.
const KNOWN_ELECTION_YEAR: i32 = 2024;
/// ≥ 50 workers: committee for prevention and protection at work; ≥ 100: also a works council.
pub const CPBW_THRESHOLD: f64 = 50.0;
pub const WORKS_COUNCIL_THRESHOLD: f64 = 100.0;
/// Day Y (election day) is 90 days after day X (the notice).
pub const X_TO_Y_DAYS: i64 = 90;

choice_enum!(
    /// The bodies a company may have to elect.
    Body, "body" {
        Cpbw => "cpbw",
        WorksCouncil => "works_council",
    }
);

choice_enum!(
    /// The legal steps of the procedure, in order.
    StepKind, "election_step" {
        Announce => "announce",
        Decisions => "decisions",
        Protection => "protection",
        Notice => "notice",
        ListsFiled => "lists_filed",
        ListsPosted => "lists_posted",
        Convocations => "convocations",
        Election => "election",
    }
);

impl StepKind {
    /// Days from day X.
    pub fn offset(self) -> i64 {
        match self {
            StepKind::Announce => -60,
            StepKind::Decisions => -35,
            StepKind::Protection => -30,
            StepKind::Notice => 0,
            StepKind::ListsFiled => 35,
            StepKind::ListsPosted => 40,
            StepKind::Convocations => 80,
            StepKind::Election => X_TO_Y_DAYS,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterAverage {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub average: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub kind: StepKind,
    pub day: NaiveDate,
    /// "X−60", "Y".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Elections {
    pub election_day: NaiveDate,
    pub reference_from: NaiveDate,
    pub reference_to: NaiveDate,
    pub quarters: Vec<QuarterAverage>,
    pub average: f64,
    /// Agency workers employed at some point of the period, left out of the average.
    pub agency_left_out: u32,
    pub bodies: Vec<Body>,
    pub timetable: Vec<Step>,
}

/// The next election day to plan for: mid-May of the next election year that is not over yet (the
/// exact window is set by law for each round: change it in the period form).
pub fn next_election_day(today: NaiveDate) -> NaiveDate {
    let mut year = KNOWN_ELECTION_YEAR;
    while year < today.year() || (year == today.year() && today.month() > 5) {
        year += CYCLE_YEARS;
    }
    let may_11 = NaiveDate::from_ymd_opt(year, 5, 11).unwrap_or(today);
    super::period::weekday_from(may_11, Weekday::Mon)
}

/// The four quarters ending 30 September of the year before the elections.
pub fn reference_period(election_day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let y = election_day.year();
    (
        NaiveDate::from_ymd_opt(y - 2, 10, 1).unwrap_or(election_day),
        NaiveDate::from_ymd_opt(y - 1, 9, 30).unwrap_or(election_day),
    )
}

/// Which bodies an average number of workers calls for.
pub fn bodies(average: f64) -> Vec<Body> {
    let mut out = Vec::new();
    if average >= CPBW_THRESHOLD {
        out.push(Body::Cpbw);
    }
    if average >= WORKS_COUNCIL_THRESHOLD {
        out.push(Body::WorksCouncil);
    }
    out
}

/// The legal steps from an election day (day Y), day X being 90 days earlier.
pub fn timetable(election_day: NaiveDate) -> Vec<Step> {
    let x = election_day - Duration::days(X_TO_Y_DAYS);
    <StepKind as crate::domain::choice::Choice>::ALL
        .iter()
        .map(|k| {
            let off = k.offset();
            let label = match off {
                X_TO_Y_DAYS => "Y".to_string(),
                0 => "X".to_string(),
                o if o < 0 => format!("X−{}", -o),
                o => format!("X+{o}"),
            };
            Step {
                kind: *k,
                day: x + Duration::days(off),
                label,
            }
        })
        .collect()
}

/// Person-days counted in `from`–`to`, in halves (a full-time-enough worker gives 2 a day, another 1).
/// The weight only changes where a schedule or contract starts or ends, so it is computed once per
/// stretch between such days rather than for every day.
fn half_days(p: &Person, from: NaiveDate, to: NaiveDate, company_full_time: u32) -> u64 {
    let start = p.start.max(from);
    let end = p.end.map_or(to, |e| e.min(to));
    if start > end {
        return 0;
    }
    let mut cuts: Vec<NaiveDate> = vec![start];
    cuts.extend(p.schedules.as_slice().iter().map(|s| s.from));
    for c in &p.contracts {
        cuts.push(c.data.start);
        cuts.extend(c.data.end.and_then(|e| e.succ_opt()));
    }
    cuts.retain(|d| start <= *d && *d <= end);
    cuts.sort_unstable();
    cuts.dedup();
    let mut total = 0u64;
    for (i, piece_start) in cuts.iter().enumerate() {
        let piece_end = cuts.get(i + 1).and_then(|n| n.pred_opt()).unwrap_or(end);
        let days = (piece_end - *piece_start).num_days() as u64 + 1;
        let weight = match p.fte_permille_on(*piece_start, company_full_time) {
            Some(fte) if fte < 750 => 1,
            _ => 2,
        };
        total += days * weight;
    }
    total
}

fn average(people: &[&Person], from: NaiveDate, to: NaiveDate, company_full_time: u32) -> f64 {
    let days = (to - from).num_days() + 1;
    if days <= 0 {
        return 0.0;
    }
    let halves: u64 = people
        .iter()
        .map(|p| half_days(p, from, to, company_full_time))
        .sum();
    halves as f64 / 2.0 / days as f64
}

pub fn elections(people: &[Person], election_day: NaiveDate, company_full_time: u32) -> Elections {
    let (reference_from, reference_to) = reference_period(election_day);
    let in_period =
        |p: &&Person| p.start <= reference_to && p.end.is_none_or(|e| e >= reference_from);
    let counted: Vec<&Person> = people
        .iter()
        .filter(in_period)
        .filter(|p| p.category != WorkerCategory::Agency)
        .collect();
    let agency_left_out = people
        .iter()
        .filter(in_period)
        .filter(|p| p.category == WorkerCategory::Agency)
        .count() as u32;
    let quarters: Vec<QuarterAverage> = (0..4)
        .map(|q| {
            let first = reference_from
                .checked_add_months(chrono::Months::new(q * 3))
                .unwrap_or(reference_from);
            let to = first
                .checked_add_months(chrono::Months::new(3))
                .and_then(|n| n.pred_opt())
                .unwrap_or(reference_to);
            QuarterAverage {
                from: first,
                to,
                average: average(&counted, first, to, company_full_time),
            }
        })
        .collect();
    let avg = average(&counted, reference_from, reference_to, company_full_time);
    Elections {
        election_day,
        reference_from,
        reference_to,
        quarters,
        average: avg,
        agency_left_out,
        bodies: bodies(avg),
        timetable: timetable(election_day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reports::fixtures::{company, d};

    #[test]
    fn next_elections_and_their_reference_period() {
        assert_eq!(next_election_day(d(2026, 11, 23)), d(2028, 5, 15));
        assert_eq!(next_election_day(d(2028, 3, 1)), d(2028, 5, 15));
        assert_eq!(next_election_day(d(2028, 6, 1)), d(2032, 5, 17));
        assert_eq!(
            reference_period(d(2024, 5, 13)),
            (d(2022, 10, 1), d(2023, 9, 30))
        );
    }

    #[test]
    fn thresholds() {
        assert!(bodies(49.9).is_empty());
        assert_eq!(bodies(50.0), [Body::Cpbw]);
        assert_eq!(bodies(100.0), [Body::Cpbw, Body::WorksCouncil]);
    }

    #[test]
    fn timetable_counts_from_day_x() {
        let t = timetable(d(2028, 5, 15));
        let days: Vec<(&str, NaiveDate)> = t.iter().map(|s| (s.label.as_str(), s.day)).collect();
        assert_eq!(days[0], ("X−60", d(2027, 12, 17)));
        assert_eq!(days[3], ("X", d(2028, 2, 15)));
        assert_eq!(days[4], ("X+35", d(2028, 3, 21)));
        assert_eq!(days[7], ("Y", d(2028, 5, 15)));
    }

    /// Reference period 01/10/2025–30/09/2026 (365 days). Ann and Bart (4/5 is at least 3/4) count
    /// 1 every day, Chris (half time) ½; Eva 1 until 31/03 (182 days); Dirk ½ for 92 days (a student
    /// at 40 %); Frank 1 from 01/07 (92 days). (730 + 730 + 365 + 364 + 92 + 184) half-days = 1232,5
    /// person-days / 365 = 3,3767. Quarters: 3,5; 3,5; 2,5 + 15/91; 3,5 + 31/92.
    #[test]
    fn average_headcount_by_hand() {
        let e = elections(&company(), d(2027, 5, 17), 2280);
        assert_eq!(
            (e.reference_from, e.reference_to),
            (d(2025, 10, 1), d(2026, 9, 30))
        );
        assert!((e.average - 1232.5 / 365.0).abs() < 1e-9, "{}", e.average);
        let q: Vec<f64> = e.quarters.iter().map(|q| q.average).collect();
        let expected = [3.5, 3.5, 2.5 + 15.0 / 91.0, 3.5 + 31.0 / 92.0];
        for (got, want) in q.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{q:?}");
        }
        assert_eq!(e.quarters[2].from, d(2026, 4, 1));
        assert_eq!(e.quarters[2].to, d(2026, 6, 30));
        assert!(e.bodies.is_empty());
        assert_eq!(e.agency_left_out, 0);
    }
}
