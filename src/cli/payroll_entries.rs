//! `dossier payroll entry list|remove`: the hand entries of a month with their ids, and taking one
//! back. Adding one is `payroll entry add` (cli/payroll.rs).

use serde::Serialize;

use super::out::outln;
use super::{CliError, Ctx, employee_id, print_json};
use crate::domain::payroll::entry::{HandEntry, RemoveEntryInput, show_quantity};
use crate::domain::payroll::month::PayMonth;
use crate::domain::payroll::settings::Unit;
use crate::store::Access;

#[derive(Serialize)]
struct JsonEntry<'a> {
    employee: String,
    name: String,
    month: String,
    #[serde(flatten)]
    entry: &'a HandEntry,
    /// The quantity as typed: "125,50", "2h30", "3".
    shown: String,
}

pub fn list(ctx: &Ctx, month: PayMonth, number: Option<&str>, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let person = number.map(|n| employee_id(ctx, &store, n)).transpose()?;
    let payroll = store.payroll();
    let settings = payroll.settings().map_err(|e| CliError::store(i, &e))?;
    let entries = payroll
        .entries(month, person)
        .map_err(|e| CliError::store(i, &e))?;
    let mut rows = Vec::with_capacity(entries.len());
    for e in &entries {
        let who = store
            .employees()
            .get(e.employee_id)
            .map_err(|err| CliError::store(i, &err))?;
        let unit = settings.item(&e.item).map_or(Unit::Amount, |it| it.unit);
        rows.push(JsonEntry {
            employee: who.data.number.clone(),
            name: who.data.display_name(),
            month: month.to_string(),
            entry: e,
            shown: show_quantity(unit, e.quantity),
        });
    }
    if json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        outln!(
            "{}",
            i.tf("cli.pay_no_entries", &[("month", &month.shown())])
        );
        return Ok(());
    }
    for r in &rows {
        let extra = [r.entry.note.as_str(), r.entry.reason.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        outln!(
            "{:>6}  {:<10} {:<24} {:<20} {:>10}  {extra}",
            r.entry.id,
            r.employee,
            r.name,
            r.entry.item,
            r.shown
        );
    }
    Ok(())
}

pub fn remove(ctx: &Ctx, id: i64, reason: String) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let payroll = store.payroll();
    let (month, entry) = payroll.entry(id).map_err(|e| CliError::store(i, &e))?;
    let input = RemoveEntryInput {
        entry: id.to_string(),
        reason,
    };
    payroll
        .remove_entry(entry.employee_id, month, &input)
        .map_err(|e| CliError::store(i, &e))?;
    outln!(
        "{}",
        i.tf(
            "cli.pay_entry_removed",
            &[("item", &entry.item), ("month", &month.shown())]
        )
    );
    Ok(())
}
