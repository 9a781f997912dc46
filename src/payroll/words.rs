//! A person's payroll month in words, in the user's language: the same sentences in the command's
//! output and in the review screen's detail panel.

use crate::domain::date::format_date;
use crate::domain::money::format_minutes;
use crate::domain::payroll::entry::{HandEntry, show_quantity};
use crate::domain::payroll::figures::{Change, EmployeeMonth, Warning};
use crate::domain::payroll::settings::{PayrollSettings, Unit};
use crate::i18n::I18n;
use crate::store::MonthFacts;

/// The detail of a person's month in words: holidays, absences by code, entries, changes, warnings.
pub fn detail_lines(i: &I18n, facts: &MonthFacts, m: &EmployeeMonth) -> Vec<String> {
    let lang = i.lang.code();
    let mut out = Vec::new();
    if m.holiday_days > 0 {
        out.push(i.tf(
            "pay.holidays",
            &[
                ("days", &m.holiday_days.to_string()),
                ("hours", &format_minutes(m.holiday_minutes)),
            ],
        ));
    }
    for a in &m.absences {
        let name = facts
            .types
            .iter()
            .find(|t| t.code == a.leave_type)
            .map_or(a.leave_type.clone(), |t| t.name(lang).to_string());
        let key = if a.guaranteed {
            "pay.absence_guaranteed"
        } else {
            "pay.absence"
        };
        let code = if a.code.is_empty() { "?" } else { &a.code };
        out.push(i.tf(
            key,
            &[
                ("code", code),
                ("name", &name),
                ("days", &a.days.to_string()),
                ("hours", &format_minutes(a.minutes)),
            ],
        ));
    }
    for e in &m.entries {
        out.push(entry_text(i, &facts.settings, e));
    }
    if let Some(km) = m.commuting_km {
        out.push(i.tf(
            "pay.commuting_km",
            &[
                ("days", &m.commuting_days.to_string()),
                ("km", &km.to_string()),
            ],
        ));
    }
    for c in &m.changes {
        out.push(change_text(i, c));
    }
    for w in &m.warnings {
        out.push(format!("! {}", warning_text(i, w)));
    }
    out
}

pub fn entry_text(i: &I18n, settings: &PayrollSettings, e: &HandEntry) -> String {
    let item = settings.item(&e.item);
    let unit = item.map_or(Unit::Amount, |it| it.unit);
    let name = item.map_or(e.item.as_str(), |it| it.name(i.lang.code()));
    let mut text = format!("{name}: {}", show_quantity(unit, e.quantity));
    if unit == Unit::Amount {
        text.push_str(" €");
    }
    for extra in [&e.note, &e.reason].into_iter().filter(|t| !t.is_empty()) {
        text.push_str(&format!(" — {extra}"));
    }
    text
}

pub fn change_text(i: &I18n, c: &Change) -> String {
    let date = format_date(c.on());
    let what = i.t(&format!("pay_change.{}", c.code()));
    let money = |c: Option<i64>| {
        c.map(crate::domain::money::format_cents)
            .unwrap_or_else(|| "–".into())
    };
    match c {
        Change::Schedule { weekly_minutes, .. } => {
            format!(
                "{date} {what}: {}",
                i.tf(
                    "pay.per_week",
                    &[("hours", &format_minutes(*weekly_minutes))]
                )
            )
        }
        Change::Salary { before, after, .. } => {
            format!("{date} {what}: {} → {} €", money(*before), money(*after))
        }
        Change::Contract { kind, .. } => format!("{date} {what}: {}", i.choice(*kind)),
        _ => format!("{date} {what}"),
    }
}

pub fn warning_text(i: &I18n, w: &Warning) -> String {
    let key = format!("pay_warning.{}", w.code());
    match w {
        Warning::UnapprovedLeave { requests } => i.tf(&key, &[("count", &requests.to_string())]),
        Warning::NoPayrollCode { leave_type } => i.tf(&key, &[("type", leave_type)]),
        _ => i.t(&key),
    }
}
