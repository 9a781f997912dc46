//! The payroll hand-over file in its one layout (README "Monthly payroll variables"): one row per
//! person and variable, the month's lines first, then the corrections of months sent before. The
//! column names are stable codes, like every CSV header of Dossier, so the social secretariat can
//! read the file by machine; the `description` column speaks the user's language.

use std::path::Path;

use crate::domain::choice::Choice;
use crate::domain::money::format_cents;
use crate::domain::payroll::lines::{LineKind, PayLine};
use crate::domain::payroll::month::PayMonth;
use crate::i18n::I18n;
use crate::sheet::{Cell, Sheet};
use crate::store::{ExportPlan, MonthFacts, Person};

pub const COLUMNS: [&str; 15] = [
    "month",
    "for_month",
    "line",
    "employee",
    "name",
    "kind",
    "code",
    "what",
    "description",
    "date",
    "days",
    "hours",
    "amount",
    "km",
    "note",
];

/// The file's formats, chosen by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// The rows of a plan, as the file holds them (a month's lines, then the corrections).
pub fn sheet(plan: &ExportPlan, i18n: &I18n) -> Sheet {
    let rows = plan
        .lines
        .iter()
        .map(|l| (l, false))
        .chain(plan.corrections.iter().map(|l| (l, true)))
        .map(|(l, correction)| {
            let person = plan.people.get(&l.employee_id);
            row(plan.month, &plan.facts, l, person, correction, i18n)
        })
        .collect();
    Sheet {
        title: title(plan.month),
        headers: headers(),
        rows,
    }
}

pub fn title(month: PayMonth) -> String {
    format!("payroll {month}")
}

pub fn headers() -> Vec<String> {
    COLUMNS.iter().map(|c| c.to_string()).collect()
}

/// One line of the file: `month` is the month exported, `correction` whether the line corrects a
/// month sent before.
pub fn row(
    month: PayMonth,
    facts: &MonthFacts,
    l: &PayLine,
    person: Option<&Person>,
    correction: bool,
    i18n: &I18n,
) -> Vec<Cell> {
    let worked = l.kind == LineKind::Worked;
    let number = |n: i64, scale: f64, always: bool| {
        if n == 0 && !always {
            Cell::Empty
        } else {
            Cell::Number(n as f64 / scale, 2)
        }
    };
    vec![
        Cell::Text(month.to_string()),
        Cell::Text(l.for_month.to_string()),
        Cell::from(if correction { "correction" } else { "month" }),
        Cell::Text(person.map(|p| p.number.clone()).unwrap_or_default()),
        Cell::Text(person.map(|p| p.name.clone()).unwrap_or_default()),
        Cell::from(l.kind.code()),
        Cell::Text(l.code.clone()),
        Cell::Text(l.what.clone()),
        Cell::Text(description(facts, l, i18n)),
        l.date.map_or(Cell::Empty, Cell::Date),
        if l.days == 0 && !worked {
            Cell::Empty
        } else {
            Cell::Int(l.days)
        },
        number(l.minutes, 60.0, worked),
        number(l.cents, 100.0, false),
        if l.km == 0 {
            Cell::Empty
        } else {
            Cell::Int(l.km)
        },
        Cell::Text(l.note.clone()),
    ]
}

/// What the line is, in words: the leave type or item by its configured name, a change spelled out.
pub fn description(facts: &MonthFacts, l: &PayLine, i18n: &I18n) -> String {
    let lang = i18n.lang.code();
    match l.kind {
        LineKind::Absence | LineKind::GuaranteedSalary => {
            let name = facts
                .types
                .iter()
                .find(|t| t.code == l.what)
                .map_or(l.what.clone(), |t| t.name(lang).to_string());
            if l.kind == LineKind::GuaranteedSalary {
                format!("{name} ({})", i18n.t("pay_line.guaranteed_salary"))
            } else {
                name
            }
        }
        LineKind::Item => facts
            .settings
            .item(&l.what)
            .map_or(l.what.clone(), |i| i.name(lang).to_string()),
        LineKind::Change => {
            let what = i18n.t(&format!("pay_change.{}", l.what));
            match l.what.as_str() {
                "salary" => format!("{what}: {}", format_cents(l.cents)),
                "schedule" => format!(
                    "{what}: {}",
                    crate::domain::money::format_minutes(u32::try_from(l.minutes).unwrap_or(0))
                ),
                "contract" => match crate::domain::contract::ContractKind::from_code(&l.note) {
                    Some(k) => format!("{what}: {}", i18n.choice(k)),
                    None => what,
                },
                _ => what,
            }
        }
        other => i18n.choice(other),
    }
}
