//! `dossier leave …` and `dossier sick …`: balances, periods, allocation and the sickness register
//! from the command line (importing, closing a year and totals in their own files below). Every
//! number comes from the same store and domain functions as the TUI.

mod import;
mod totals;
pub mod types;
mod year_end;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::out::outln;
use super::{CliError, Ctx, LeaveCommand, SickCommand, date_arg, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::date::{format_date, iso};
use crate::domain::leave::correction::CorrectionInput;
use crate::domain::leave::ledger::{Balance, Bucket, total};
use crate::domain::leave::period::{DayPart, count_period};
use crate::domain::leave::request::LeaveRequestInput;
use crate::domain::leave::schedule::{Schedules, standard_full_time};
use crate::domain::leave::sickness::SickSpellInput;
use crate::store::{Access, Store, StoreError};

/// The average day of the person's current schedule: the unit balances are shown in.
fn day_minutes(ctx: &Ctx, store: &Store, id: i64, on: NaiveDate) -> Result<u32, CliError> {
    store
        .leave()
        .day_minutes(id, on)
        .map_err(|e| CliError::store(&ctx.i18n, &e))
}

pub fn run(ctx: &Ctx, cmd: LeaveCommand) -> Result<(), CliError> {
    match cmd {
        LeaveCommand::Balance { number, year, json } => balance(ctx, &number, year, json),
        LeaveCommand::Add {
            number,
            r#type,
            from,
            to,
            half,
            hours,
            requested,
            note,
            r#override,
        } => {
            let input = LeaveRequestInput {
                leave_type: r#type,
                from,
                to: to.unwrap_or_default(),
                part: match (&half, &hours) {
                    (Some(h), _) => h.clone(),
                    (None, Some(_)) => "hours".into(),
                    _ => "full".into(),
                },
                hours: hours.unwrap_or_default(),
                status: if requested { "requested" } else { "approved" }.into(),
                note: note.unwrap_or_default(),
                override_reason: r#override.unwrap_or_default(),
            };
            add(ctx, &number, &input)
        }
        LeaveCommand::List {
            employee,
            from,
            to,
            json,
        } => list(ctx, employee, from, to, json),
        LeaveCommand::Totals {
            year,
            employee,
            json,
        } => totals::totals(ctx, year, employee, json),
        LeaveCommand::Days { from, to, employee } => days(ctx, &from, &to, employee),
        LeaveCommand::Import { file, dry_run } => import::import(ctx, &file, dry_run),
        LeaveCommand::Allocate {
            year,
            dry_run,
            json,
        } => allocate(ctx, year, dry_run, json),
        LeaveCommand::YearEnd {
            year,
            dry_run,
            json,
        } => year_end::year_end(ctx, year, dry_run, json),
        LeaveCommand::Approve { request } => status(ctx, request, "approved"),
        LeaveCommand::Refuse { request } => status(ctx, request, "refused"),
        LeaveCommand::Cancel { request } => status(ctx, request, "cancelled"),
        LeaveCommand::Correct {
            number,
            year,
            bucket,
            hours,
            reason,
        } => correct(ctx, &number, year, &bucket, &hours, &reason),
        LeaveCommand::FundDays { number, year, days } => {
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            store
                .leave()
                .set_fund_days(id, year, days)
                .map_err(|e| CliError::store(&ctx.i18n, &e))?;
            outln!("{}", ctx.i18n.t("cli.saved"));
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct BalanceLine {
    bucket: Bucket,
    #[serde(flatten)]
    balance: Balance,
}

fn balance(ctx: &Ctx, number: &str, year: Option<i32>, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let id = employee_id(ctx, &store, number)?;
    let today = ctx.clock.today();
    let year = year.unwrap_or(today.year());
    let list = store
        .leave()
        .balances(id, year)
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        let lines: Vec<BalanceLine> = list
            .into_iter()
            .map(|(bucket, balance)| BalanceLine { bucket, balance })
            .collect();
        return print_json(&lines);
    }
    let day = day_minutes(ctx, &store, id, today)?;
    outln!(
        "{:<26} {:>12} {:>12} {:>12} {:>12}",
        format!("{number} {year}"),
        i.t("col.entitled"),
        i.t("col.taken"),
        i.t("col.planned"),
        i.t("col.remaining")
    );
    let t = total(&list);
    for (name, b) in list
        .iter()
        .map(|(k, b)| (i.choice(*k), b))
        .chain(std::iter::once((i.t("col.total"), &t)))
    {
        outln!(
            "{:<26} {:>12} {:>12} {:>12} {:>12}",
            name,
            i.leave_amount(b.entitled + b.corrections, day),
            i.leave_amount(b.taken, day),
            i.leave_amount(b.planned, day),
            i.leave_amount(b.remaining, day)
        );
    }
    for (last, m) in &t.expiring {
        outln!(
            "{}",
            i.tf(
                "cli.expires",
                &[
                    ("amount", &i.leave_amount(*m, day)),
                    ("date", &format_date(*last))
                ]
            )
        );
    }
    Ok(())
}

fn add(ctx: &Ctx, number: &str, input: &LeaveRequestInput) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let id = employee_id(ctx, &store, number)?;
    let r = store
        .leave()
        .add_request(id, input, ctx.i18n.lang.code())
        .map_err(|e| CliError::store(i, &e))?;
    let day = day_minutes(ctx, &store, id, r.from)?;
    outln!(
        "{}",
        i.tf(
            "cli.leave_added",
            &[
                ("id", &r.id.to_string()),
                ("from", &format_date(r.from)),
                ("to", &format_date(r.to)),
                ("amount", &i.leave_amount(i64::from(r.minutes), day)),
                ("status", &i.choice(r.status)),
            ]
        )
    );
    Ok(())
}

#[derive(Serialize)]
struct ListLine {
    id: i64,
    employee: String,
    name: String,
    leave_type: String,
    from: String,
    to: String,
    minutes: u32,
    status: String,
}

fn list(
    ctx: &Ctx,
    employee: Option<String>,
    from: Option<String>,
    to: Option<String>,
    json: bool,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let today = ctx.clock.today();
    let from = match from {
        Some(f) => date_arg(i, &f)?,
        None => NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
    };
    let to = match to {
        Some(t) => date_arg(i, &t)?,
        None => NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today),
    };
    let only = employee.map(|n| employee_id(ctx, &store, &n)).transpose()?;
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    let requests = store
        .leave()
        .requests_between(from, to)
        .map_err(|e| CliError::store(i, &e))?;
    let mut rows = Vec::new();
    let mut people = std::collections::HashMap::new();
    for r in requests
        .iter()
        .filter(|r| only.is_none_or(|o| o == r.employee_id))
    {
        if let std::collections::hash_map::Entry::Vacant(slot) = people.entry(r.employee_id) {
            let e = store
                .employees()
                .get(r.employee_id)
                .map_err(|e| CliError::store(i, &e))?;
            slot.insert((e.data.number.clone(), e.data.full_name()));
        }
        let (number, name) = &people[&r.employee_id];
        let t = types.iter().find(|t| t.id == r.type_id);
        let status = match r.shown_status(today) {
            crate::domain::leave::request::ShownStatus::Taken => "taken".to_string(),
            crate::domain::leave::request::ShownStatus::Stored(s) => s.code().to_string(),
        };
        let line = ListLine {
            id: r.id,
            employee: number.clone(),
            name: name.clone(),
            leave_type: t.map(|t| t.code.clone()).unwrap_or_default(),
            from: iso(r.from),
            to: iso(r.to),
            minutes: r.minutes,
            status,
        };
        rows.push((r, t, line));
    }
    if json {
        let lines: Vec<&ListLine> = rows.iter().map(|(_, _, l)| l).collect();
        return print_json(&lines);
    }
    for (r, t, l) in &rows {
        outln!(
            "{:>5} {:<8} {:<26} {:<30} {} – {} {:>8} {}",
            l.id,
            l.employee,
            l.name,
            t.map(|t| t.name(i.lang.code()).to_string())
                .unwrap_or_default(),
            format_date(r.from),
            format_date(r.to),
            crate::domain::money::format_minutes(r.minutes),
            i.t(&format!("request_status.{}", l.status))
        );
    }
    Ok(())
}

fn days(ctx: &Ctx, from: &str, to: &str, employee: Option<String>) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let from = date_arg(i, from)?;
    let to = date_arg(i, to)?;
    if to < from {
        return Err(CliError::input(i.t("err.end_before_start")));
    }
    let store = ctx.open(Access::ReadOnly)?;
    let calendar = store
        .leave()
        .calendar()
        .map_err(|e| CliError::store(i, &e))?;
    let (schedules, day) = match employee {
        Some(n) => {
            let id = employee_id(ctx, &store, &n)?;
            let s = store
                .leave()
                .schedules(id)
                .map_err(|e| CliError::store(i, &e))?;
            (s, day_minutes(ctx, &store, id, from)?)
        }
        None => {
            let rules = store.leave().rules().map_err(|e| CliError::store(i, &e))?;
            let s = standard_full_time(from, rules.full_time_weekly_minutes);
            let day = s.average_day_minutes();
            let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(from);
            (
                Schedules::new(vec![crate::domain::leave::schedule::Schedule {
                    from: start,
                    ..s
                }]),
                day,
            )
        }
    };
    let c = count_period(&schedules, &calendar, from, to, DayPart::Full);
    outln!(
        "{}",
        i.tf(
            "cli.days_count",
            &[
                ("days", &c.working_days.to_string()),
                (
                    "hours",
                    &crate::domain::money::format_minutes(c.charged_minutes)
                ),
                ("amount", &i.leave_amount(i64::from(c.charged_minutes), day)),
                ("holidays", &c.holidays_on_scheduled_days.to_string()),
            ]
        )
    );
    Ok(())
}

fn allocate(ctx: &Ctx, year: i32, dry_run: bool, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let lines = store
        .leave()
        .allocate_year(year, dry_run)
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&lines);
    }
    let mut changed = 0;
    for l in &lines {
        let parts: Vec<String> = l
            .allocations
            .iter()
            .filter(|a| a.minutes > 0)
            .map(|a| {
                format!(
                    "{} {}",
                    i.choice(a.bucket),
                    i.leave_amount(i64::from(a.minutes), l.day_minutes)
                )
            })
            .collect();
        let mark = if l.rows.is_empty() { " " } else { "*" };
        changed += usize::from(!l.rows.is_empty());
        outln!("{mark} {:<8} {:<28} {}", l.number, l.name, parts.join(", "));
    }
    let key = if dry_run {
        "cli.allocate_dry_run"
    } else {
        "cli.allocated"
    };
    outln!(
        "{}",
        i.tf(
            key,
            &[
                ("year", &year.to_string()),
                ("count", &lines.len().to_string()),
                ("changed", &changed.to_string())
            ]
        )
    );
    Ok(())
}

fn status(ctx: &Ctx, request: i64, to: &str) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let to = crate::domain::leave::request::RequestStatus::from_code(to)
        .ok_or_else(|| CliError::input(to.to_string()))?;
    let r = store
        .leave()
        .set_request_status(request, to)
        .map_err(|e| CliError::store(i, &e))?;
    outln!(
        "{}",
        i.tf(
            "cli.request_status",
            &[("id", &r.id.to_string()), ("status", &i.choice(r.status))]
        )
    );
    Ok(())
}

fn correct(
    ctx: &Ctx,
    number: &str,
    year: Option<i32>,
    bucket: &str,
    hours: &str,
    reason: &str,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    // The same checks as the correction form of the Leave tab.
    let input = CorrectionInput {
        year: year.unwrap_or(ctx.clock.today().year()).to_string(),
        bucket: bucket.into(),
        change: hours.into(),
        reason: reason.into(),
    };
    let c = input
        .validate()
        .map_err(|v| CliError::store(i, &StoreError::Invalid(v)))?;
    let store = ctx.open(Access::ReadWrite)?;
    let id = employee_id(ctx, &store, number)?;
    store
        .leave()
        .correct(id, c.year, c.bucket, c.minutes, &c.reason)
        .map_err(|e| CliError::store(i, &e))?;
    outln!("{}", i.t("cli.saved"));
    Ok(())
}

pub fn sick(ctx: &Ctx, cmd: SickCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    match cmd {
        SickCommand::Add {
            number,
            start,
            end,
            expected_return,
            cause,
            certificate,
            certificate_free,
            same_illness,
            note,
        } => {
            let id = employee_id(ctx, &store, &number)?;
            let input = SickSpellInput {
                start,
                end: end.unwrap_or_default(),
                expected_return: expected_return.unwrap_or_default(),
                cause: cause.unwrap_or_default(),
                certificate: certificate.unwrap_or_default(),
                certificate_free: if certificate_free { "yes" } else { "no" }.into(),
                same_illness: if same_illness { "yes" } else { "no" }.into(),
                note: note.unwrap_or_default(),
            };
            let (spell_id, s) = store
                .leave()
                .save_sick_spell(id, &input, None)
                .map_err(|e| CliError::store(i, &e))?;
            outln!(
                "{}",
                i.tf(
                    "cli.sick_added",
                    &[
                        ("id", &spell_id.to_string()),
                        ("start", &format_date(s.start))
                    ]
                )
            );
        }
        SickCommand::End {
            number,
            end,
            certificate,
        } => {
            let id = employee_id(ctx, &store, &number)?;
            let spells = store
                .leave()
                .sick_spells(id)
                .map_err(|e| CliError::store(i, &e))?;
            let Some((spell_id, open)) = spells.into_iter().rev().find(|(_, s)| s.end.is_none())
            else {
                return Err(CliError::input(i.t("cli.no_open_spell")));
            };
            let mut input = SickSpellInput::from_spell(&open);
            input.end = end;
            if let Some(c) = certificate {
                input.certificate = c;
            }
            store
                .leave()
                .save_sick_spell(id, &input, Some(spell_id))
                .map_err(|e| CliError::store(i, &e))?;
            outln!("{}", i.t("cli.saved"));
        }
    }
    Ok(())
}
