//! The training section of the social balance sheet (sociale balans / bilan social): for formal,
//! informal and initial training, the participants (people and FTE), hours and cost, split by sex.

use std::collections::BTreeSet;

use serde::Serialize;

use super::TrainingKind;
use crate::domain::choice::Choice;
use crate::domain::employee::Sex;

/// One training record as the report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BalanceRow {
    pub employee_id: i64,
    pub sex: Sex,
    /// The person's FTE in thousandths (at the end of the year or of their employment).
    pub fte_permille: u32,
    pub kind: TrainingKind,
    pub minutes: u32,
    pub cost_cents: i64,
}

/// Figures for one group of people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub participants: u32,
    pub fte_permille: u32,
    pub minutes: i64,
    pub cost_cents: i64,
}

/// One kind of training: men, women, others (X or not recorded; the sheet has no column for them,
/// so they are shown apart rather than lost), and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceLine {
    pub kind: TrainingKind,
    pub men: Figures,
    pub women: Figures,
    pub others: Figures,
    pub total: Figures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingBalance {
    pub year: i32,
    pub lines: Vec<BalanceLine>,
}

fn figures(rows: &[&BalanceRow]) -> Figures {
    let mut seen = BTreeSet::new();
    let mut f = Figures::default();
    for r in rows {
        if seen.insert(r.employee_id) {
            f.participants += 1;
            f.fte_permille += r.fte_permille;
        }
        f.minutes += i64::from(r.minutes);
        f.cost_cents += r.cost_cents;
    }
    f
}

/// The section for `year` from the year's records (the caller keeps only records in the year).
pub fn training_balance(year: i32, rows: &[BalanceRow]) -> TrainingBalance {
    let lines = TrainingKind::ALL
        .iter()
        .map(|&kind| {
            let of = |keep: &dyn Fn(Sex) -> bool| -> Figures {
                let rs: Vec<&BalanceRow> = rows
                    .iter()
                    .filter(|r| r.kind == kind && keep(r.sex))
                    .collect();
                figures(&rs)
            };
            BalanceLine {
                kind,
                men: of(&|s| s == Sex::Male),
                women: of(&|s| s == Sex::Female),
                others: of(&|s| !matches!(s, Sex::Male | Sex::Female)),
                total: of(&|_| true),
            }
        })
        .collect();
    TrainingBalance { year, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, sex: Sex, kind: TrainingKind, minutes: u32) -> BalanceRow {
        BalanceRow {
            employee_id: id,
            sex,
            fte_permille: if id == 2 { 500 } else { 1000 },
            kind,
            minutes,
            cost_cents: 100,
        }
    }

    #[test]
    fn participants_count_once_hours_and_cost_add_up() {
        use TrainingKind::*;
        let rows = [
            row(1, Sex::Male, Formal, 480),
            row(1, Sex::Male, Formal, 240),
            row(2, Sex::Female, Formal, 480),
            row(3, Sex::X, Informal, 60),
            row(2, Sex::Female, Initial, 120),
        ];
        let b = training_balance(2026, &rows);
        assert_eq!(b.lines.len(), 3);
        let f = &b.lines[0];
        assert_eq!(f.kind, Formal);
        assert_eq!(
            (f.men.participants, f.men.minutes, f.men.cost_cents),
            (1, 720, 200)
        );
        assert_eq!((f.women.participants, f.women.fte_permille), (1, 500));
        assert_eq!(
            (f.total.participants, f.total.fte_permille, f.total.minutes),
            (2, 1500, 1200)
        );
        assert_eq!(b.lines[1].others.participants, 1);
        assert_eq!(b.lines[1].total.participants, 1);
        assert_eq!(b.lines[2].women.minutes, 120);
    }

    #[test]
    fn an_empty_year_has_zero_lines() {
        let b = training_balance(2026, &[]);
        assert!(b.lines.iter().all(|l| l.total == Figures::default()));
    }
}
