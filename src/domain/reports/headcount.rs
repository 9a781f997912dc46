//! Headcount and FTE on a day, broken down by department, contract type, worker category, sex and
//! age band, with the part-time share.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Person;
use crate::choice_enum;
use crate::domain::choice::Choice;

choice_enum!(
    /// How a headcount is broken down.
    Breakdown, "report_by" {
        Department => "department",
        Contract => "contract",
        Category => "category",
        Sex => "sex",
        Age => "age",
    }
);

choice_enum!(
    /// Age bands as HR statistics use them; `Unknown` when no birth date is on file.
    AgeBand, "age_band" {
        Under25 => "under_25",
        From25 => "25_34",
        From35 => "35_44",
        From45 => "45_54",
        From55 => "55_plus",
        Unknown => "unknown",
    }
);

impl AgeBand {
    pub fn of(birth: Option<NaiveDate>, on: NaiveDate) -> AgeBand {
        let Some(b) = birth else {
            return AgeBand::Unknown;
        };
        let mut age = on.year() - b.year();
        if (on.month(), on.day()) < (b.month(), b.day()) {
            age -= 1;
        }
        match age {
            ..25 => AgeBand::Under25,
            25..=34 => AgeBand::From25,
            35..=44 => AgeBand::From35,
            45..=54 => AgeBand::From45,
            _ => AgeBand::From55,
        }
    }
}

/// What a group is called: a name from the data (a department), or a label to translate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum GroupKey {
    Name(String),
    /// A choice's code with its i18n label key.
    Choice {
        code: &'static str,
        #[serde(skip)]
        label_key: &'static str,
    },
}

impl GroupKey {
    fn choice<C: Choice>(c: C) -> GroupKey {
        GroupKey::Choice {
            code: c.code(),
            label_key: c.label_key(),
        }
    }
}

/// People, FTE and part-timers in one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub key: GroupKey,
    pub people: u32,
    pub fte_permille: u64,
    pub part_time: u32,
}

impl Group {
    fn new(key: GroupKey) -> Group {
        Group {
            key,
            people: 0,
            fte_permille: 0,
            part_time: 0,
        }
    }

    /// Share of the group working part time, in percent.
    pub fn part_time_pct(&self) -> f64 {
        super::percent(f64::from(self.part_time), f64::from(self.people))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Headcount {
    pub at: NaiveDate,
    pub total: Group,
    /// People employed on the day without a schedule or contract: counted, with no FTE.
    pub without_schedule: u32,
    /// One list per breakdown, in [`Breakdown::ALL`] order.
    pub breakdowns: Vec<(Breakdown, Vec<Group>)>,
}

impl Headcount {
    pub fn groups(&self, by: Breakdown) -> &[Group] {
        self.breakdowns
            .iter()
            .find(|(b, _)| *b == by)
            .map_or(&[], |(_, g)| g.as_slice())
    }
}

/// Everyone employed on `at` (first day ≤ `at` ≤ last day), counted once in each breakdown.
/// Departments are sorted by name (the empty name last), choices in their own order; empty groups
/// of a choice are left out.
pub fn headcount(people: &[Person], at: NaiveDate, company_full_time: u32) -> Headcount {
    let mut total = Group::new(GroupKey::Name(String::new()));
    let mut without_schedule = 0;
    let mut departments: std::collections::BTreeMap<(bool, String), Group> = Default::default();
    let mut choices: Vec<(Breakdown, Vec<Group>)> = vec![
        (
            Breakdown::Contract,
            choice_groups::<crate::domain::contract::ContractKind>(),
        ),
        (
            Breakdown::Category,
            choice_groups::<crate::domain::employee::WorkerCategory>(),
        ),
        (
            Breakdown::Sex,
            choice_groups::<crate::domain::employee::Sex>(),
        ),
        (Breakdown::Age, choice_groups::<AgeBand>()),
    ];
    for p in people.iter().filter(|p| p.employed_on(at)) {
        let fte = p.fte_permille_on(at, company_full_time);
        if fte.is_none() {
            without_schedule += 1;
        }
        let fte = u64::from(fte.unwrap_or(0));
        let part = p.part_time_on(at, company_full_time);
        let add = |g: &mut Group| {
            g.people += 1;
            g.fte_permille += fte;
            g.part_time += u32::from(part);
        };
        add(&mut total);
        let dept = p.department.trim().to_string();
        add(departments
            .entry((dept.is_empty(), dept.clone()))
            .or_insert_with(|| Group::new(GroupKey::Name(dept))));
        let keys = [
            p.contract_on(at).map(|c| GroupKey::choice(c.kind)),
            Some(GroupKey::choice(p.category)),
            Some(GroupKey::choice(p.sex)),
            Some(GroupKey::choice(AgeBand::of(p.birth_date, at))),
        ];
        for ((_, groups), key) in choices.iter_mut().zip(keys) {
            if let Some(g) = key.and_then(|k| groups.iter_mut().find(|g| g.key == k)) {
                add(g);
            }
        }
    }
    let mut breakdowns = vec![(Breakdown::Department, departments.into_values().collect())];
    breakdowns.extend(
        choices
            .into_iter()
            .map(|(b, g)| (b, g.into_iter().filter(|g| g.people > 0).collect())),
    );
    Headcount {
        at,
        total,
        without_schedule,
        breakdowns,
    }
}

fn choice_groups<C: Choice>() -> Vec<Group> {
    C::ALL
        .iter()
        .map(|c| Group::new(GroupKey::choice(*c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reports::fixtures::{company, d};

    #[test]
    fn age_bands_turn_on_the_birthday() {
        let at = d(2026, 6, 15);
        assert_eq!(AgeBand::of(Some(d(2001, 6, 16)), at), AgeBand::Under25);
        assert_eq!(AgeBand::of(Some(d(2001, 6, 15)), at), AgeBand::From25);
        assert_eq!(AgeBand::of(Some(d(1971, 6, 15)), at), AgeBand::From55);
        assert_eq!(AgeBand::of(None, at), AgeBand::Unknown);
    }

    /// The fixture on 15/06/2026: Ann (full time, Office), Bart (4/5 schedule, Workshop), Chris
    /// (19 h contract, Workshop), Dirk (student, no department); Eva left on 31/03, Frank starts in July.
    #[test]
    fn counts_people_and_fte_by_hand() {
        let h = headcount(&company(), d(2026, 6, 15), 2280);
        assert_eq!(h.total.people, 4);
        // 1000 + 800 + 500 + 400 (student: 15h12 of 38h).
        assert_eq!(h.total.fte_permille, 2700);
        assert_eq!(h.total.part_time, 3);
        assert_eq!(h.without_schedule, 0);
        let dept: Vec<(String, u32, u64)> = h
            .groups(Breakdown::Department)
            .iter()
            .map(|g| match &g.key {
                GroupKey::Name(n) => (n.clone(), g.people, g.fte_permille),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            dept,
            [
                ("Office".to_string(), 1, 1000),
                ("Workshop".to_string(), 2, 1300),
                (String::new(), 1, 400)
            ]
        );
        let codes = |by| -> Vec<(&'static str, u32)> {
            h.groups(by)
                .iter()
                .map(|g| match g.key {
                    GroupKey::Choice { code, .. } => (code, g.people),
                    _ => panic!(),
                })
                .collect()
        };
        assert_eq!(
            codes(Breakdown::Contract),
            [("indefinite", 3), ("student", 1)]
        );
        assert_eq!(codes(Breakdown::Sex), [("f", 2), ("m", 2)]);
        assert_eq!(
            codes(Breakdown::Age),
            [("under_25", 1), ("35_44", 2), ("55_plus", 1)]
        );
        assert_eq!(
            codes(Breakdown::Category),
            [("white_collar", 1), ("blue_collar", 2), ("student", 1)]
        );
    }

    #[test]
    fn the_last_day_still_counts_and_the_first_day_already() {
        assert_eq!(headcount(&company(), d(2026, 3, 31), 2280).total.people, 4);
        assert_eq!(headcount(&company(), d(2026, 4, 1), 2280).total.people, 3);
        assert_eq!(headcount(&company(), d(2026, 7, 1), 2280).total.people, 5);
    }
}
