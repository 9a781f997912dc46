//! A small fixed company whose figures are worked out by hand in the report tests.
//!
//! | who   | sex | born       | department | category     | employed              | week                  |
//! |-------|-----|------------|------------|--------------|-----------------------|-----------------------|
//! | Ann   | f   | 10/03/1985 | Office     | white-collar | 01/01/2020 –          | 38 h (contract)       |
//! | Bart  | m   | 01/01/1990 | Workshop   | blue-collar  | 01/09/2022 –          | 4 × 7h36, Wed off     |
//! | Chris | f   | 01/05/1968 | Workshop   | blue-collar  | 01/01/2019 –          | 19 h (contract)       |
//! | Dirk  | m   | 01/02/2006 | (none)     | student      | 01/06/2026 – 31/08/26 | 15h12 (contract)      |
//! | Eva   | f   | 07/07/1995 | Office     | white-collar | 01/02/2024 – 31/03/26 | 38 h (contract)       |
//! | Frank | m   | 10/10/1980 | Office     | white-collar | 01/07/2026 –          | 38 h (contract)       |

use chrono::NaiveDate;

use super::Person;
use crate::domain::contract::{Contract, ContractData, ContractKind};
use crate::domain::employee::{Sex, WorkerCategory};
use crate::domain::leave::schedule::{Schedule, Schedules, standard_full_time};
use crate::domain::leave::sickness::{SickCause, SickSpell, sample_spell};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[allow(clippy::too_many_arguments)]
fn person(
    id: i64,
    name: &str,
    department: &str,
    category: WorkerCategory,
    sex: Sex,
    born: NaiveDate,
    (start, end): (NaiveDate, Option<NaiveDate>),
    kind: ContractKind,
    weekly: u32,
    recorded: Vec<Schedule>,
) -> Person {
    let data = ContractData {
        kind,
        start,
        end,
        weekly_minutes: weekly,
        full_time_minutes: 2280,
        schedule: String::new(),
        gross_monthly_cents: None,
        workplace: String::new(),
        signed_on: None,
    };
    let mut schedules = vec![standard_full_time(start, weekly)];
    schedules.extend(recorded);
    Person {
        id,
        number: format!("E{id:04}"),
        name: name.to_string(),
        department: department.to_string(),
        category,
        sex,
        birth_date: Some(born),
        start,
        end,
        contracts: vec![Contract {
            id,
            employee_id: id,
            data,
        }],
        schedules: Schedules::new(schedules),
    }
}

pub(crate) fn company() -> Vec<Person> {
    use ContractKind::{Indefinite, Student};
    use Sex::{Female, Male};
    use WorkerCategory::{BlueCollar, WhiteCollar};
    vec![
        person(
            1,
            "Ann",
            "Office",
            WhiteCollar,
            Female,
            d(1985, 3, 10),
            (d(2020, 1, 1), None),
            Indefinite,
            2280,
            vec![],
        ),
        person(
            2,
            "Bart",
            "Workshop",
            BlueCollar,
            Male,
            d(1990, 1, 1),
            (d(2022, 9, 1), None),
            Indefinite,
            2280,
            vec![Schedule::weekly(
                d(2025, 1, 1),
                [456, 456, 0, 456, 456, 0, 0],
            )],
        ),
        person(
            3,
            "Chris",
            "Workshop",
            BlueCollar,
            Female,
            d(1968, 5, 1),
            (d(2019, 1, 1), None),
            Indefinite,
            1140,
            vec![],
        ),
        person(
            4,
            "Dirk",
            "",
            WorkerCategory::Student,
            Male,
            d(2006, 2, 1),
            (d(2026, 6, 1), Some(d(2026, 8, 31))),
            Student,
            912,
            vec![],
        ),
        person(
            5,
            "Eva",
            "Office",
            WhiteCollar,
            Female,
            d(1995, 7, 7),
            (d(2024, 2, 1), Some(d(2026, 3, 31))),
            Indefinite,
            2280,
            vec![],
        ),
        person(
            6,
            "Frank",
            "Office",
            WhiteCollar,
            Male,
            d(1980, 10, 10),
            (d(2026, 7, 1), None),
            Indefinite,
            2280,
            vec![],
        ),
    ]
}

/// Sickness in the fixture (employee id, spell):
/// - Ann: Tue 03/03/2026 – Thu 05/03/2026 (3 working days of 7h36), Mon 11/05/2026 (1 day);
/// - Bart: Mon 02/03/2026 – Sun 08/03/2026 (4 of his days: Wednesday is off), and a spell still
///   running from Thu 19/11/2026;
/// - Chris: Mon 06/04/2026, Easter Monday (a holiday: no hours lost) – Tue 07/04/2026 (3h48).
pub(crate) fn spells() -> Vec<(i64, SickSpell)> {
    let ill = SickCause::Illness;
    vec![
        (1, sample_spell(d(2026, 3, 3), Some(d(2026, 3, 5)), ill)),
        (1, sample_spell(d(2026, 5, 11), Some(d(2026, 5, 11)), ill)),
        (2, sample_spell(d(2026, 3, 2), Some(d(2026, 3, 8)), ill)),
        (2, sample_spell(d(2026, 11, 19), None, ill)),
        (3, sample_spell(d(2026, 4, 6), Some(d(2026, 4, 7)), ill)),
    ]
}
