//! Leave taken and remaining per person and per department for a leave year. The balances come from
//! the ledger through the one balance function (`ledger::balances`); this only adds them up.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::leave::ledger::{Balance, Bucket, total};

/// One person's balances of the year, as the store read them through `ledger::balances`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonBalances {
    pub employee_id: i64,
    pub number: String,
    pub name: String,
    pub department: String,
    /// The person's average working day in the year (the unit the Leave tab shows days in).
    pub day_minutes: u32,
    pub balances: Vec<(Bucket, Balance)>,
}

/// All buckets of one person or group added up, in minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LeaveFigures {
    pub entitled: i64,
    /// Dated on or before today.
    pub taken: i64,
    /// Booked after today.
    pub planned: i64,
    pub remaining: i64,
}

impl LeaveFigures {
    fn of(b: &Balance) -> Self {
        LeaveFigures {
            entitled: b.entitled + b.corrections,
            taken: b.taken,
            planned: b.planned,
            remaining: b.remaining,
        }
    }

    fn add(&mut self, o: &LeaveFigures) {
        self.entitled += o.entitled;
        self.taken += o.taken;
        self.planned += o.planned;
        self.remaining += o.remaining;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveLine {
    pub employee_id: i64,
    pub number: String,
    pub name: String,
    pub department: String,
    pub day_minutes: u32,
    #[serde(flatten)]
    pub figures: LeaveFigures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartmentLeave {
    pub department: String,
    pub people: u32,
    #[serde(flatten)]
    pub figures: LeaveFigures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveReport {
    pub year: i32,
    pub people: Vec<LeaveLine>,
    pub departments: Vec<DepartmentLeave>,
    pub total: LeaveFigures,
}

/// Per person (in the order given) and per department (by name, the empty name last); people with
/// no balance in the year are left out.
pub fn leave_report(year: i32, rows: Vec<PersonBalances>) -> LeaveReport {
    let mut departments: BTreeMap<(bool, String), DepartmentLeave> = BTreeMap::new();
    let mut sum = LeaveFigures::default();
    let people: Vec<LeaveLine> = rows
        .into_iter()
        .filter(|r| !r.balances.is_empty())
        .map(|r| {
            let figures = LeaveFigures::of(&total(&r.balances));
            let dept = r.department.trim().to_string();
            let d = departments
                .entry((dept.is_empty(), dept.clone()))
                .or_insert_with(|| DepartmentLeave {
                    department: dept,
                    people: 0,
                    figures: LeaveFigures::default(),
                });
            d.people += 1;
            d.figures.add(&figures);
            sum.add(&figures);
            LeaveLine {
                employee_id: r.employee_id,
                number: r.number,
                name: r.name,
                department: r.department,
                day_minutes: r.day_minutes,
                figures,
            }
        })
        .collect();
    LeaveReport {
        year,
        people,
        departments: departments.into_values().collect(),
        total: sum,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::ledger::{LedgerEntry, balances};
    use crate::domain::reports::fixtures::d;

    fn row(id: i64, dept: &str, entries: &[LedgerEntry]) -> PersonBalances {
        PersonBalances {
            employee_id: id,
            number: format!("E{id}"),
            name: format!("P{id}"),
            department: dept.into(),
            day_minutes: 456,
            balances: balances(entries, 2026, d(2026, 11, 23)),
        }
    }

    /// Ann: 20 days legal + 2 extralegal, 5 days taken in July, 1 planned in December, a correction of
    /// −3h48. Bart: 20 days, nothing taken. Both in the Office; Chris has no row in 2026.
    #[test]
    fn adds_up_the_ledger_balances_by_hand() {
        let day = 456;
        let legal = Bucket::Legal;
        let mut ann = vec![
            LedgerEntry::allocation(2026, legal, 20 * day, d(2026, 1, 1)),
            LedgerEntry::allocation(2026, Bucket::Extralegal, 2 * day, d(2026, 1, 1)),
            LedgerEntry::correction(2026, legal, -228, d(2026, 2, 1), "half day agreed").unwrap(),
        ];
        for k in 0..5 {
            ann.push(LedgerEntry::taken(
                2026,
                legal,
                d(2026, 7, 6 + k),
                day as u32,
                None,
            ));
        }
        ann.push(LedgerEntry::taken(
            2026,
            legal,
            d(2026, 12, 24),
            day as u32,
            None,
        ));
        let bart = vec![LedgerEntry::allocation(
            2026,
            legal,
            20 * day,
            d(2026, 1, 1),
        )];
        let chris = vec![LedgerEntry::allocation(
            2025,
            legal,
            20 * day,
            d(2025, 1, 1),
        )];
        let r = leave_report(
            2026,
            vec![
                row(1, "Office", &ann),
                row(2, "Office", &bart),
                row(3, "", &chris),
            ],
        );
        assert_eq!(r.people.len(), 2);
        assert_eq!(
            r.people[0].figures,
            LeaveFigures {
                entitled: 22 * day - 228,
                taken: 5 * day,
                planned: day,
                remaining: 22 * day - 228 - 6 * day,
            }
        );
        assert_eq!(r.departments.len(), 1);
        assert_eq!(r.departments[0].people, 2);
        assert_eq!(r.departments[0].figures.remaining, (16 + 20) * day - 228);
        assert_eq!(r.total, r.departments[0].figures);
    }
}
