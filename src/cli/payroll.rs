//! `dossier payroll …`: the month's variables for the social secretariat (shown, as JSON, or exported
//! to a CSV or XLSX file, which locks the month), hand entries, the list of items, commuting distances.

use std::path::PathBuf;

use clap::Subcommand;
use serde::Serialize;

use crate::cli::out::{out, outln};
use crate::cli::{CliError, Ctx, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::money::format_minutes;
use crate::domain::payroll::entry::{PayEntryInput, show_quantity};
use crate::domain::payroll::figures::EmployeeMonth;
use crate::domain::payroll::month::PayMonth;
use crate::domain::payroll::settings::Unit;
use crate::i18n::I18n;
use crate::payroll::export::{ExportError, export_to};
use crate::payroll::sheet::Format;
use crate::payroll::words::detail_lines;
use crate::store::{Access, MonthFacts, PayRow};

#[derive(Debug, Subcommand)]
pub enum PayrollCommand {
    /// The month's payroll variables per person; --export writes the file for the social secretariat
    /// (.csv or .xlsx) and locks the month
    Variables {
        /// The month, YYYY-MM
        month: String,
        #[arg(long)]
        json: bool,
        /// Write the month to this new file (.csv or .xlsx) and lock it
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        /// Export a month that was already exported: the file shows the corrections
        #[arg(long, requires = "export")]
        again: bool,
        #[command(flatten)]
        force: super::overwrite::Force,
    },
    /// Hand entries: premiums, deductions, overtime, telework days
    #[command(subcommand)]
    Entry(EntryCommand),
    /// The items that can be entered by hand (code, unit, name)
    Items {
        #[arg(long)]
        json: bool,
    },
    /// Record the one-way distance home–workplace in km (commuting km = 2 × km × commuting days)
    Commute {
        number: String,
        /// Whole km; leave out with --clear to forget it
        #[arg(required_unless_present = "clear")]
        km: Option<u32>,
        #[arg(long, conflicts_with = "km")]
        clear: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EntryCommand {
    /// Enter an item for a person and a month; a month already exported needs --reason
    Add {
        number: String,
        /// The month, YYYY-MM
        month: String,
        /// Item code (see `dossier payroll items`)
        #[arg(long)]
        item: String,
        /// Euro, e.g. 125,50 (items counted in money)
        #[arg(long, group = "quantity")]
        amount: Option<String>,
        /// Hours, e.g. 2h30 (items counted in hours)
        #[arg(long, group = "quantity")]
        hours: Option<String>,
        /// Whole days (items counted in days)
        #[arg(long, group = "quantity")]
        days: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// Why a month already sent to the social secretariat changes
        #[arg(long)]
        reason: Option<String>,
    },
    /// The hand entries of a month, with their ids (all people, or one with --employee)
    List {
        /// The month, YYYY-MM
        month: String,
        #[arg(long)]
        employee: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Take a hand entry back (a typo, a premium entered twice); a month already exported needs
    /// --reason and the next export sends the correction
    Remove {
        /// The entry's id, from `payroll entry list`
        id: i64,
        #[arg(long)]
        reason: Option<String>,
    },
}

pub fn run(ctx: &Ctx, cmd: PayrollCommand) -> Result<(), CliError> {
    match cmd {
        PayrollCommand::Variables {
            month,
            json,
            export,
            again,
            force,
        } => {
            let month = month_arg(&ctx.i18n, &month)?;
            match export {
                Some(file) => export_month(ctx, month, &file, again, force),
                None => show(ctx, month, json),
            }
        }
        PayrollCommand::Entry(EntryCommand::Add {
            number,
            month,
            item,
            amount,
            hours,
            days,
            note,
            reason,
        }) => {
            let i = &ctx.i18n;
            let month = month_arg(i, &month)?;
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            let settings = store
                .payroll()
                .settings()
                .map_err(|e| CliError::store(i, &e))?;
            let (unit, quantity) = match (amount, hours, days) {
                (Some(a), _, _) => (Unit::Amount, a),
                (_, Some(h), _) => (Unit::Hours, h),
                (_, _, Some(d)) => (Unit::Days, d),
                _ => return Err(CliError::input(i.t("cli.pay_quantity_missing"))),
            };
            if let Some(it) = settings.item(&item).filter(|it| it.unit != unit) {
                return Err(CliError::input(i.tf(
                    "cli.pay_wrong_unit",
                    &[("item", &it.code), ("flag", it.unit.code())],
                )));
            }
            let input = PayEntryInput {
                item,
                quantity,
                note: note.unwrap_or_default(),
                reason: reason.unwrap_or_default(),
            };
            let e = store
                .payroll()
                .add_entry(id, month, &input)
                .map_err(|e| CliError::store(i, &e))?;
            let unit = settings.item(&e.item).map_or(Unit::Amount, |it| it.unit);
            outln!(
                "{}",
                i.tf(
                    "cli.pay_entry_added",
                    &[
                        ("item", &e.item),
                        ("quantity", &show_quantity(unit, e.quantity)),
                        ("number", number.trim()),
                        ("month", &month.shown()),
                    ]
                )
            );
            Ok(())
        }
        PayrollCommand::Entry(EntryCommand::List {
            month,
            employee,
            json,
        }) => {
            let month = month_arg(&ctx.i18n, &month)?;
            super::payroll_entries::list(ctx, month, employee.as_deref(), json)
        }
        PayrollCommand::Entry(EntryCommand::Remove { id, reason }) => {
            super::payroll_entries::remove(ctx, id, reason.unwrap_or_default())
        }
        PayrollCommand::Items { json } => items(ctx, json),
        PayrollCommand::Commute { number, km, clear } => {
            let i = &ctx.i18n;
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            let km = if clear { None } else { km };
            store
                .payroll()
                .set_commute_km(id, km)
                .map_err(|e| CliError::store(i, &e))?;
            outln!("{}", i.t("msg.saved"));
            Ok(())
        }
    }
}

fn month_arg(i: &I18n, text: &str) -> Result<PayMonth, CliError> {
    PayMonth::parse(text).ok_or_else(|| CliError::input(i.tf("err.pay_month", &[("value", text)])))
}

fn items(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let s = store
        .payroll()
        .settings()
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&s.items);
    }
    outln!(
        "{:<20} {:<8} {}",
        i.t("col.code"),
        i.t("col.unit"),
        i.t("col.name")
    );
    for it in &s.items {
        let sign = if it.deduction {
            format!(" ({})", i.t("pay.deduction"))
        } else {
            String::new()
        };
        outln!(
            "{:<20} {:<8} {}{sign}",
            it.code,
            i.choice(it.unit),
            it.name(i.lang.code())
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    employee: &'a str,
    name: &'a str,
    #[serde(flatten)]
    month: &'a EmployeeMonth,
}

/// The month person by person, printed as it is computed (flat memory at any size of company).
fn show(ctx: &Ctx, month: PayMonth, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let payroll = store.payroll();
    let facts = payroll.facts(month).map_err(|e| CliError::store(i, &e))?;
    let locked = payroll
        .exported_on(month)
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        out!("[");
    } else {
        let state = match locked {
            Some(d) => i.tf("pay.locked_on", &[("date", &format_date(d))]),
            None => i.t("pay.not_exported"),
        };
        outln!(
            "{} — {state}",
            i.tf("pay.title", &[("month", &month.shown())])
        );
    }
    let mut first = true;
    let mut totals = Totals::default();
    payroll
        .for_each_month(&facts, |row, m| {
            if json {
                let p = JsonPerson {
                    employee: &row.number,
                    name: &row.name,
                    month: &m,
                };
                let text = serde_json::to_string(&p).map_err(anyhow::Error::new)?;
                out!("{}{text}", if first { "\n  " } else { ",\n  " });
                first = false;
            } else {
                print_person(i, &facts, row, &m);
            }
            totals.add(&m);
            Ok(())
        })
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        outln!("{}]", if first { "" } else { "\n" });
    } else {
        outln!(
            "{}",
            i.tf(
                "pay.totals",
                &[
                    ("people", &totals.people.to_string()),
                    ("days", &totals.days.to_string()),
                    ("hours", &big_minutes(totals.worked)),
                    ("absent", &big_minutes(totals.absent)),
                    ("vouchers", &totals.vouchers.to_string()),
                    ("warnings", &totals.warnings.to_string()),
                ]
            )
        );
    }
    Ok(())
}

/// Hours of a whole company: more than a u32 of minutes holds for a very large one.
fn big_minutes(m: u64) -> String {
    match m % 60 {
        0 => format!("{}h", m / 60),
        r => format!("{}h{r:02}", m / 60),
    }
}

#[derive(Default)]
struct Totals {
    people: u64,
    days: u64,
    worked: u64,
    absent: u64,
    vouchers: u64,
    warnings: u64,
}

impl Totals {
    fn add(&mut self, m: &EmployeeMonth) {
        self.people += 1;
        self.days += u64::from(m.worked_days);
        self.worked += u64::from(m.worked_minutes);
        self.absent += u64::from(m.absence_minutes());
        self.vouchers += u64::from(m.meal_vouchers);
        self.warnings += u64::from(!m.warnings.is_empty());
    }
}

fn print_person(i: &I18n, facts: &MonthFacts, row: &PayRow, m: &EmployeeMonth) {
    outln!(
        "{:<8} {:<28} {}",
        row.number,
        row.name,
        i.tf(
            "pay.person_line",
            &[
                ("days", &m.worked_days.to_string()),
                ("hours", &format_minutes(m.worked_minutes)),
                ("vouchers", &m.meal_vouchers.to_string()),
                ("commuting", &m.commuting_days.to_string()),
            ]
        )
    );
    for line in detail_lines(i, facts, m) {
        outln!("         {line}");
    }
}

/// Exports the month to `file` and locks it; an exported month only again with `again`.
fn export_month(
    ctx: &Ctx,
    month: PayMonth,
    file: &std::path::Path,
    again: bool,
    force: super::overwrite::Force,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let format = Format::of(file).ok_or_else(|| {
        CliError::input(i.tf(
            "cli.pay_file_type",
            &[("file", &file.display().to_string())],
        ))
    })?;
    let store = ctx.open(Access::ReadWrite)?;
    let (path, plan_lines, fixes) =
        export_to(&store, i, month, file, format, again, force.existing()).map_err(
            |e| match e {
                ExportError::Store(e) => CliError::store(i, &e),
                ExportError::File(e) => super::report::sheet_error(i, e),
            },
        )?;
    outln!(
        "{}",
        i.tf(
            "pay.exported",
            &[
                ("month", &month.shown()),
                ("path", &path.display().to_string()),
                ("lines", &plan_lines.to_string()),
                ("corrections", &fixes.to_string()),
            ]
        )
    );
    Ok(())
}
