//! `dossier leave schedule …`: a person's work schedule history, and setting a new schedule with
//! what it changes to the leave balance and to leave already planned.

use chrono::NaiveDate;
use serde::Serialize;

use super::out::outln;
use super::{CliError, Ctx, ScheduleArgs, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::contract::format_fte;
use crate::domain::date::{format_date, parse_date};
use crate::domain::input::TextInput;
use crate::domain::leave::ledger::{Balance, Bucket};
use crate::domain::leave::schedule::{Schedule, ScheduleInput, WEEK_A, WEEK_B};
use crate::domain::money::format_minutes;
use crate::i18n::I18n;
use crate::store::{Access, ScheduleChange};

pub fn run(ctx: &Ctx, args: ScheduleArgs) -> Result<(), CliError> {
    match (&args.from, &args.week) {
        (Some(from), Some(week)) => {
            let input = input(&ctx.i18n, from, week, args.week_b.as_deref())?;
            set(ctx, &args.number, &input, args.dry_run, args.json)
        }
        // clap makes --from and --week come together.
        _ => history(ctx, &args.number, args.json),
    }
}

/// The form input from the flags. A week is seven values, Monday first, separated by commas, or by
/// semicolons when the hours are written with a decimal comma ("7,6;7,6;…"). Only the count is
/// checked here: the hours themselves are the domain's to judge, with the same messages as the form.
fn input(
    i: &I18n,
    from: &str,
    week: &str,
    week_b: Option<&str>,
) -> Result<ScheduleInput, CliError> {
    let mut input = ScheduleInput {
        from: from.to_string(),
        ..Default::default()
    };
    let weeks =
        std::iter::once(("--week", week, WEEK_A)).chain(week_b.map(|w| ("--week-b", w, WEEK_B)));
    for (flag, text, fields) in weeks {
        let separator = if text.contains(';') { ';' } else { ',' };
        let values: Vec<&str> = text.split(separator).map(str::trim).collect();
        if values.len() != fields.len() {
            return Err(CliError::input(i.tf(
                "err.week_days",
                &[("flag", flag), ("count", &values.len().to_string())],
            )));
        }
        for (field, value) in fields.iter().zip(values) {
            input.set(field, value.to_string());
        }
    }
    Ok(input)
}

fn set(
    ctx: &Ctx,
    number: &str,
    input: &ScheduleInput,
    dry_run: bool,
    json: bool,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let id = employee_id(ctx, &store, number)?;
    let leave = store.leave();
    let error = |e| CliError::store(i, &e);
    // The unit "before" amounts are shown in: the day of the schedule in force until now. Unreadable
    // dates are refused by change_schedule below, with the field's message.
    let old_day = match parse_date(&input.from) {
        Some(from) => leave.day_minutes(id, from).map_err(error)?,
        None => 0,
    };
    let change = leave.change_schedule(id, input, dry_run).map_err(error)?;
    if json {
        return print_json(&change);
    }
    let full_time = leave.rules().map_err(error)?.full_time_weekly_minutes;
    let s = &change.schedule;
    outln!(
        "{}",
        i.tf(
            "cli.schedule_set",
            &[
                ("number", number),
                ("from", &format_date(s.from)),
                ("hours", &format_minutes(change.new_weekly)),
                ("old", &format_minutes(change.old_weekly)),
                ("fte", &format_fte(s.fte_permille(full_time))),
            ]
        )
    );
    print_weeks(i, std::slice::from_ref(s), &[], full_time);
    if change.old_weekly == change.new_weekly {
        outln!("{}", i.t("cli.schedule_same_hours"));
    }
    print_balances(ctx, &change, old_day);
    if !change.rebooked.is_empty() {
        outln!("{}", i.t("cli.schedule_rebooked_title"));
        let new_day = s.average_day_minutes();
        for r in &change.rebooked {
            outln!(
                "  {}",
                i.tf(
                    "cli.schedule_rebooked",
                    &[
                        ("id", &r.id.to_string()),
                        ("from", &format_date(r.from)),
                        ("to", &format_date(r.to)),
                        ("old", &i.leave_amount(i64::from(r.old_minutes), old_day)),
                        ("new", &i.leave_amount(i64::from(r.new_minutes), new_day)),
                    ]
                )
            );
        }
    }
    let done = if dry_run {
        "cli.schedule_dry_run"
    } else {
        "cli.saved"
    };
    outln!("{}", i.t(done));
    Ok(())
}

/// "12 d (91h12)": days of the schedule the amount belongs to, and hours, since a day's length
/// may be what changed.
fn amount(i: &I18n, minutes: i64, day: u32) -> String {
    format!(
        "{} ({})",
        i.leave_amount(minutes, day),
        i.leave_amount(minutes, 0)
    )
}

/// What is left in each bucket of the year the schedule starts in, before → after.
fn print_balances(ctx: &Ctx, change: &ScheduleChange, old_day: u32) {
    let i = &ctx.i18n;
    let find = |list: &[(Bucket, Balance)], b: Bucket| {
        list.iter()
            .find(|(k, _)| *k == b)
            .map_or(0, |(_, bal)| bal.remaining)
    };
    let buckets: Vec<Bucket> = Bucket::ALL
        .iter()
        .copied()
        .filter(|b| {
            change
                .before
                .iter()
                .chain(&change.after)
                .any(|(k, _)| k == b)
        })
        .collect();
    if buckets.is_empty() {
        return;
    }
    let year = chrono::Datelike::year(&change.schedule.from);
    outln!(
        "{}",
        i.tf("cli.schedule_balance", &[("year", &year.to_string())])
    );
    let new_day = change.schedule.average_day_minutes();
    for b in buckets {
        outln!(
            "  {:<28} {:>18} → {}",
            i.choice(b),
            amount(i, find(&change.before, b), old_day),
            amount(i, find(&change.after, b), new_day)
        );
    }
}

/// One line per schedule (and one more for an alternating second week): first day, hours per
/// weekday, weekly hours, FTE. `derived` lists the first days of schedules read from a contract.
fn print_weeks(i: &I18n, schedules: &[Schedule], derived: &[NaiveDate], full_time: u32) {
    let days: Vec<String> = WEEK_A
        .iter()
        .map(|d| format!("{:>6}", i.t(&format!("weekday.{d}"))))
        .collect();
    outln!(
        "{:<12}{} {:>7} {:>6}",
        i.t("field.from"),
        days.join(""),
        i.t("col.week"),
        i.t("col.fte")
    );
    for s in schedules {
        for (n, week) in s.weeks.iter().enumerate() {
            let hours: String = week
                .iter()
                .map(|m| format!("{:>6}", day_hours(*m)))
                .collect();
            if n == 0 {
                let note = if derived.contains(&s.from) {
                    format!("  {}", i.t("cli.schedule_from_contract"))
                } else {
                    String::new()
                };
                outln!(
                    "{:<12}{hours} {:>7} {:>6}{note}",
                    format_date(s.from),
                    format_minutes(s.weekly_minutes()),
                    format_fte(s.fte_permille(full_time)),
                );
            } else {
                outln!("{:<12}{hours}", format!("  {}", i.t("cli.week_b")));
            }
        }
    }
}

/// A day's hours in the table; a day off is a dash, easier to scan than "0h".
fn day_hours(minutes: u32) -> String {
    match minutes {
        0 => "-".to_string(),
        m => format_minutes(m),
    }
}

#[derive(Serialize)]
struct HistoryLine<'a> {
    #[serde(flatten)]
    schedule: &'a Schedule,
    weekly_minutes: u32,
    fte_permille: u32,
    /// Read from a contract's weekly hours (no schedule recorded for that time).
    from_contract: bool,
}

fn history(ctx: &Ctx, number: &str, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let id = employee_id(ctx, &store, number)?;
    let leave = store.leave();
    let error = |e| CliError::store(i, &e);
    let all = leave.schedules(id).map_err(error)?;
    let recorded = leave.recorded_schedules(id).map_err(error)?;
    let derived: Vec<NaiveDate> = all
        .as_slice()
        .iter()
        .map(|s| s.from)
        .filter(|d| !recorded.iter().any(|r| r.from == *d))
        .collect();
    let full_time = leave.rules().map_err(error)?.full_time_weekly_minutes;
    if json {
        let lines: Vec<HistoryLine> = all
            .as_slice()
            .iter()
            .map(|s| HistoryLine {
                schedule: s,
                weekly_minutes: s.weekly_minutes(),
                fte_permille: s.fte_permille(full_time),
                from_contract: derived.contains(&s.from),
            })
            .collect();
        return print_json(&lines);
    }
    if all.as_slice().is_empty() {
        outln!("{}", i.tf("cli.schedule_none", &[("number", number)]));
        return Ok(());
    }
    print_weeks(i, all.as_slice(), &derived, full_time);
    Ok(())
}
