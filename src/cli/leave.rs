//! `dossier leave …` and `dossier sick …`: balances, periods, allocation and the sickness register
//! from the command line. Every number comes from the same store and domain functions as the TUI.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::out::{out, outln};
use super::{CliError, Ctx, LeaveCommand, SickCommand, date_arg, import_error, print_json};
use crate::csvio;
use crate::domain::choice::Choice;
use crate::domain::date::{format_date, iso};
use crate::domain::leave::import::LeaveImportInput;
use crate::domain::leave::ledger::{Balance, Bucket, total};
use crate::domain::leave::period::{DayPart, count_period};
use crate::domain::leave::request::LeaveRequestInput;
use crate::domain::leave::schedule::{Schedules, standard_full_time};
use crate::domain::leave::sickness::SickSpellInput;
use crate::domain::leave::totals::TotalAmount;
use crate::domain::money::parse_minutes;
use crate::store::{Access, ListQuery, Store};

fn employee_id(ctx: &Ctx, store: &Store, number: &str) -> Result<i64, CliError> {
    store
        .employees()
        .by_number(number)
        .map(|e| e.id)
        .map_err(|e| CliError::store(&ctx.i18n, &e))
}

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
        } => totals(ctx, year, employee, json),
        LeaveCommand::Days { from, to, employee } => days(ctx, &from, &to, employee),
        LeaveCommand::Import { file, dry_run } => import(ctx, &file, dry_run),
        LeaveCommand::Allocate {
            year,
            dry_run,
            json,
        } => allocate(ctx, year, dry_run, json),
        LeaveCommand::YearEnd {
            year,
            dry_run,
            json,
        } => year_end(ctx, year, dry_run, json),
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

#[derive(Serialize)]
struct TotalLine<'a> {
    employee: &'a str,
    name: &'a str,
    year: i32,
    leave_type: &'a str,
    #[serde(flatten)]
    amount: TotalAmount,
}

fn totals(
    ctx: &Ctx,
    year: Option<i32>,
    employee: Option<String>,
    json: bool,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let today = ctx.clock.today();
    let year = year.unwrap_or(today.year());
    // Leave shown in the person's days of the year's regime: at its end, or today in the running year.
    let on = NaiveDate::from_ymd_opt(year, 12, 31)
        .unwrap_or(today)
        .min(today);
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    let mut first = true;
    // Printed as it is computed, person by person: memory stays flat at any size of company.
    let mut person = |id: i64, number: &str, name: &str| -> Result<(), CliError> {
        let totals = store
            .leave()
            .absence_totals(id, year)
            .map_err(|e| CliError::store(i, &e))?;
        if totals.is_empty() {
            return Ok(());
        }
        let day = day_minutes(ctx, &store, id, on)?;
        for t in &totals {
            if json {
                let line = TotalLine {
                    employee: number,
                    name,
                    year,
                    leave_type: &t.code,
                    amount: t.amount,
                };
                let text =
                    serde_json::to_string(&line).map_err(|e| CliError::storage(e.to_string()))?;
                out!("{}{text}", if first { "\n  " } else { ",\n  " });
                first = false;
                continue;
            }
            let amount = match t.amount {
                TotalAmount::Minutes(m) => i.leave_amount(i64::from(m), day),
                TotalAmount::CalendarDays(d) => {
                    i.tf("detail.calendar_days", &[("days", &d.to_string())])
                }
            };
            outln!(
                "{:<8} {:<28} {:<40} {:>12}",
                number,
                name,
                types
                    .iter()
                    .find(|x| x.id == t.type_id)
                    .map(|x| x.name(i.lang.code()))
                    .unwrap_or(&t.code),
                amount
            );
        }
        Ok(())
    };
    if json {
        out!("[");
    }
    match employee {
        Some(n) => {
            let e = store
                .employees()
                .by_number(&n)
                .map_err(|e| CliError::store(i, &e))?;
            person(e.id, &e.data.number, &e.data.display_name())?;
        }
        None => {
            // People who left are in: their absences still belong to the year.
            let q = ListQuery {
                include_left: true,
                ..Default::default()
            };
            let mut cursor = None;
            loop {
                let page = store
                    .employees()
                    .page(&q, cursor.as_ref(), false, 1000)
                    .map_err(|e| CliError::store(i, &e))?;
                let Some(last) = page.last() else { break };
                cursor = Some(last.cursor.clone());
                for r in &page {
                    person(r.id, &r.number, &r.name)?;
                }
            }
        }
    }
    if json {
        outln!("{}]", if first { "" } else { "\n" });
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

fn import(ctx: &Ctx, file: &std::path::Path, dry_run: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let rows = csvio::read_file::<LeaveImportInput>(file)
        .map_err(|e| CliError::input(format!("{}: {e}", file.display())))?;
    let store = ctx.open(Access::ReadWrite)?;
    let saved = store
        .leave()
        .import_requests(&rows, dry_run, i.lang.code())
        .map_err(|e| import_error(i, e))?;
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    // Every row was saved, in file order.
    for ((line, row), (_, r)) in rows.iter().zip(&saved) {
        let day = day_minutes(ctx, &store, r.employee_id, r.from)?;
        outln!(
            "{} {line:<5} {:<8} {:<30} {} – {} {:>10} {}",
            i.t("cli.line"),
            row.employee.trim(),
            types
                .iter()
                .find(|t| t.id == r.type_id)
                .map(|t| t.name(i.lang.code()))
                .unwrap_or_default(),
            format_date(r.from),
            format_date(r.to),
            i.leave_amount(i64::from(r.minutes), day),
            i.choice(r.status)
        );
    }
    let key = if dry_run {
        "cli.import_checked"
    } else {
        "cli.leave_imported"
    };
    outln!("{}", i.tf(key, &[("count", &saved.len().to_string())]));
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

fn year_end(ctx: &Ctx, year: i32, dry_run: bool, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let lines = store
        .leave()
        .close_year(year, dry_run)
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&lines);
    }
    outln!(
        "  {:<8} {:<28} {:>12} {:>14} {:>12} {:>14}",
        i.t("col.number"),
        i.t("col.name"),
        i.t("col.carried"),
        i.t("col.illness_carry"),
        i.t("col.expired"),
        i.t("col.unused_legal")
    );
    // Amounts in the person's own days, in the regime they had at the end of the year.
    let on = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(ctx.clock.today());
    let mut rows = 0;
    for l in &lines {
        let day = day_minutes(ctx, &store, l.employee_id, on)?;
        rows += l.rows.len();
        outln!(
            "{} {:<8} {:<28} {:>12} {:>14} {:>12} {:>14}",
            if l.rows.is_empty() { " " } else { "*" },
            l.number,
            l.name,
            i.leave_amount(l.carried, day),
            i.leave_amount(l.illness_carry, day),
            i.leave_amount(l.expired, day),
            i.leave_amount(l.unused_legal_reported, day)
        );
    }
    let args = [
        ("year", year.to_string()),
        ("count", lines.len().to_string()),
        ("rows", rows.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = if dry_run {
        "cli.year_end_dry_run"
    } else {
        "cli.year_closed"
    };
    outln!("{}", i.tf(key, &args));
    let unused = lines.iter().filter(|l| l.unused_legal_reported > 0).count();
    if unused > 0 {
        outln!(
            "{}",
            i.tf(
                "cli.year_end_unused",
                &[
                    ("count", &unused.to_string()),
                    ("column", &i.t("col.unused_legal"))
                ]
            )
        );
    }
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
    let bucket = Bucket::from_code(bucket).ok_or_else(|| {
        CliError::input(i.tf(
            "err.choice",
            &[("value", bucket), ("options", &Bucket::codes().join(", "))],
        ))
    })?;
    let (negative, text) = match hours.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, hours.trim().trim_start_matches('+')),
    };
    let minutes = parse_minutes(text)
        .filter(|m| *m > 0)
        .ok_or_else(|| CliError::input(i.tf("err.hours", &[("value", hours)])))?;
    let minutes = if negative {
        -i64::from(minutes)
    } else {
        i64::from(minutes)
    };
    let store = ctx.open(Access::ReadWrite)?;
    let id = employee_id(ctx, &store, number)?;
    let year = year.unwrap_or(ctx.clock.today().year());
    store
        .leave()
        .correct(id, year, bucket, minutes, reason)
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
