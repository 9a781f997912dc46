//! `dossier holidays YEAR` and `dossier company-day add|remove`: the year's legal holidays with the
//! company's own days, and keeping those days.

use serde::Serialize;

use super::out::outln;
use super::{CliError, CompanyDayCommand, Ctx, date_arg, print_json};
use crate::domain::date::{format_date, iso};
use crate::domain::leave::holidays::{
    CompanyDayInput, EntryName, HolidayEntry, replacement_notice_deadline,
};
use crate::i18n::I18n;
use crate::store::Access;

#[derive(Serialize)]
struct Line {
    date: String,
    name: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
}

fn name(i: &I18n, e: &HolidayEntry) -> String {
    match e.name() {
        EntryName::Key(k) => i.t(k),
        EntryName::Text(t) => t.to_string(),
    }
}

pub fn list(ctx: &Ctx, year: i32, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    if !(1583..=9999).contains(&year) {
        return Err(CliError::input(
            i.tf("cli.year_range", &[("value", &year.to_string())]),
        ));
    }
    let store = ctx.open(Access::ReadOnly)?;
    let calendar = store
        .leave()
        .calendar()
        .map_err(|e| CliError::store(i, &e))?;
    let entries = calendar.entries(year);
    let lines: Vec<Line> = entries
        .iter()
        .map(|e| Line {
            date: iso(e.date),
            name: name(i, e),
            kind: e.kind.code(),
            replaces: e.replaces.map(iso),
        })
        .collect();
    if json {
        return print_json(&lines);
    }
    for (e, l) in entries.iter().zip(&lines) {
        let kind = match e.legal() {
            Some(_) => i.t("holiday_kind.legal"),
            None => i.t(&format!("company_day.{}", l.kind)),
        };
        let weekday = i.weekday(e.date);
        let replaces = e
            .replaces
            .map(|d| i.tf("cli.replaces", &[("date", &format_date(d))]))
            .unwrap_or_default();
        outln!(
            "{:<4} {}  {:<28} {:<24} {replaces}",
            weekday,
            format_date(e.date),
            l.name,
            kind
        );
    }
    // Lost holidays must be replaced and the replacement days posted before 15 December of the
    // year before: say so here, where the assistant checks the calendar.
    let missing = store
        .leave()
        .lost_holidays(year)
        .map_err(|e| CliError::store(i, &e))?;
    if !missing.is_empty() {
        outln!();
        outln!(
            "{}",
            i.tf(
                "cli.missing_replacements",
                &[("deadline", &format_date(replacement_notice_deadline(year)))]
            )
        );
        for (d, h) in missing {
            outln!("  {}  {}", format_date(d), i.choice(h));
        }
    }
    Ok(())
}

pub fn run(ctx: &Ctx, cmd: CompanyDayCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    match cmd {
        CompanyDayCommand::Add {
            date,
            kind,
            name,
            replaces,
        } => {
            let input = CompanyDayInput {
                date,
                kind,
                name: name.unwrap_or_default(),
                replaces: replaces.unwrap_or_default(),
            };
            let day = store
                .leave()
                .add_company_day(&input)
                .map_err(|e| CliError::store(i, &e))?;
            outln!(
                "{}",
                i.tf("cli.company_day_added", &[("date", &format_date(day.date))])
            );
        }
        CompanyDayCommand::Remove { date } => {
            let day = date_arg(i, &date)?;
            store
                .leave()
                .remove_company_day(day)
                .map_err(|e| CliError::store(i, &e))?;
            outln!(
                "{}",
                i.tf("cli.company_day_removed", &[("date", &format_date(day))])
            );
        }
    }
    Ok(())
}
