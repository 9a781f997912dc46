//! Joiners and leavers per month over a period, and the turnover rate.

use serde::Serialize;

use super::Person;
use super::period::Month;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthMovement {
    pub month: Month,
    /// First day of employment in the month.
    pub joiners: u32,
    /// Last day of employment in the month.
    pub leavers: u32,
    /// People employed on the last day of the month.
    pub headcount_end: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Movements {
    pub months: Vec<MonthMovement>,
    pub joiners: u32,
    pub leavers: u32,
    /// The mean of the month-end headcounts.
    pub average_headcount: f64,
    /// Leavers over the period / average headcount, in percent.
    pub turnover_pct: f64,
}

/// Joiners and leavers of each month from `from` to `to`, from each person's first and last day.
pub fn movements(people: &[Person], from: Month, to: Month) -> Movements {
    let months: Vec<MonthMovement> = from
        .through(to)
        .into_iter()
        .map(|m| {
            let (first, last) = (m.first_day(), m.last_day());
            let within = |d: chrono::NaiveDate| first <= d && d <= last;
            MonthMovement {
                month: m,
                joiners: people.iter().filter(|p| within(p.start)).count() as u32,
                leavers: people.iter().filter(|p| p.end.is_some_and(within)).count() as u32,
                headcount_end: people.iter().filter(|p| p.employed_on(last)).count() as u32,
            }
        })
        .collect();
    let joiners = months.iter().map(|m| m.joiners).sum();
    let leavers = months.iter().map(|m| m.leavers).sum();
    let average_headcount = if months.is_empty() {
        0.0
    } else {
        months
            .iter()
            .map(|m| f64::from(m.headcount_end))
            .sum::<f64>()
            / months.len() as f64
    };
    Movements {
        turnover_pct: super::percent(f64::from(leavers), average_headcount),
        months,
        joiners,
        leavers,
        average_headcount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reports::fixtures::company;

    #[test]
    fn joiners_leavers_and_turnover_by_hand() {
        let m = movements(
            &company(),
            Month::new(2026, 1).unwrap(),
            Month::new(2026, 12).unwrap(),
        );
        let per_month: Vec<(u32, u32, u32)> = m
            .months
            .iter()
            .map(|x| (x.joiners, x.leavers, x.headcount_end))
            .collect();
        // Jan–Feb: Ann, Bart, Chris, Eva. March: Eva leaves on the 31st, her last day, so she is still
        // counted at month end. April–May: 3. June: Dirk joins. July: Frank joins. August: Dirk
        // leaves on the 31st. September–December: Ann, Bart, Chris, Frank.
        assert_eq!(
            per_month,
            [
                (0, 0, 4),
                (0, 0, 4),
                (0, 1, 4),
                (0, 0, 3),
                (0, 0, 3),
                (1, 0, 4),
                (1, 0, 5),
                (0, 1, 5),
                (0, 0, 4),
                (0, 0, 4),
                (0, 0, 4),
                (0, 0, 4),
            ]
        );
        assert_eq!((m.joiners, m.leavers), (2, 2));
        // (4+4+4+3+3+4+5+5+4+4+4+4) / 12 = 48 / 12 = 4; 2 leavers / 4 = 50 %.
        assert_eq!(m.average_headcount, 4.0);
        assert_eq!(m.turnover_pct, 50.0);
    }

    #[test]
    fn an_empty_company_has_no_turnover() {
        let m = movements(
            &[],
            Month::new(2026, 1).unwrap(),
            Month::new(2026, 3).unwrap(),
        );
        assert_eq!(m.turnover_pct, 0.0);
        assert_eq!(m.months.len(), 3);
    }
}
