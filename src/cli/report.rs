//! `dossier report KIND`: a report as a text table, JSON, or a CSV / XLSX file (the same tables the
//! Reports tab shows and exports).

use std::path::PathBuf;

use clap::Args;

use super::out::outln;
use super::{CliError, Ctx, print_json};
use crate::domain::choice::Choice;
use crate::domain::reports::ReportKind;
use crate::domain::reports::headcount::Breakdown;
use crate::domain::reports::period::{Month, ReportParams, ReportPeriodInput};
use crate::errors::validation_lines;
use crate::i18n::I18n;
use crate::report_sheets::{headcount_title, sheets};
use crate::safe_file::Existing;
use crate::sheet::{Cell, Sheet, SheetError, write_csv, write_xlsx};
use crate::store::Access;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(ReportKind::codes()))]
    pub kind: String,
    /// headcount: on this day; bradford: the 52 weeks ending on it (default: today)
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// movements, absenteeism: first month, mm/yyyy (default: 11 months before --to)
    #[arg(long, value_name = "MONTH")]
    pub from: Option<String>,
    /// movements, absenteeism: last month, mm/yyyy (default: this month)
    #[arg(long, value_name = "MONTH")]
    pub to: Option<String>,
    /// leave: the leave year (default: this year)
    #[arg(long)]
    pub year: Option<String>,
    /// elections: election day (default: mid-May of the next election year)
    #[arg(long, value_name = "DATE")]
    pub election_day: Option<String>,
    /// headcount: only this breakdown (default: all of them)
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Breakdown::codes()))]
    pub by: Option<String>,
    /// Print the figures as JSON (hours in minutes, ISO dates)
    #[arg(long)]
    pub json: bool,
    /// Also write the report to this new CSV file (; separated, for Excel)
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Also write the report to this new Excel workbook (.xlsx)
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    #[command(flatten)]
    pub force: super::overwrite::Force,
}

/// The flags that apply to each report.
fn applies(kind: ReportKind, flag: &str) -> bool {
    matches!(
        (kind, flag),
        (ReportKind::Headcount, "--at" | "--by")
            | (ReportKind::Bradford, "--at")
            | (
                ReportKind::Movements | ReportKind::Absenteeism,
                "--from" | "--to"
            )
            | (ReportKind::Leave, "--year")
            | (ReportKind::Elections, "--election-day")
            | (ReportKind::Training, "--year")
    )
}

/// The period from the flags over the defaults, checked like the Reports tab's period form.
fn params(
    i: &I18n,
    kind: ReportKind,
    a: &ReportArgs,
    today: chrono::NaiveDate,
) -> Result<ReportParams, CliError> {
    let given = [
        ("--at", &a.at),
        ("--from", &a.from),
        ("--to", &a.to),
        ("--year", &a.year),
        ("--election-day", &a.election_day),
        ("--by", &a.by),
    ];
    if let Some((flag, _)) = given.iter().find(|(f, v)| v.is_some() && !applies(kind, f)) {
        return Err(CliError::input(i.tf(
            "cli.report_flag",
            &[("flag", flag), ("report", kind.code())],
        )));
    }
    let mut input = ReportPeriodInput::from_params(&ReportParams::default_for(today));
    if let Some(to) = &a.to {
        input.to_month = to.clone();
        // Twelve months up to --to unless --from says otherwise.
        if let Some(m) = Month::parse(to) {
            input.from_month = m.plus(-11).to_string();
        }
    }
    for (field, value) in [
        ("at", &a.at),
        ("from_month", &a.from),
        ("year", &a.year),
        ("election_day", &a.election_day),
    ] {
        if let Some(v) = value {
            crate::domain::input::TextInput::set(&mut input, field, v.clone());
        }
    }
    input
        .validate()
        .map_err(|e| CliError::input(validation_lines(i, &e).join("\n")))
}

pub fn run(ctx: &Ctx, a: ReportArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let kind = ReportKind::from_code(&a.kind).ok_or_else(|| CliError::input(a.kind.clone()))?;
    let params = params(i, kind, &a, ctx.clock.today())?;
    let store = ctx.open(Access::ReadOnly)?;
    let report = store
        .reports()
        .run(kind, &params)
        .map_err(|e| CliError::store(i, &e))?;
    let mut tables = sheets(&report, i);
    if let Some(by) = a.by.as_deref().and_then(Breakdown::from_code) {
        let title = headcount_title(by, i);
        tables.retain(|s| s.title == title);
    }
    type Writer = fn(&std::path::Path, &[Sheet], Existing) -> Result<(), SheetError>;
    let files: [(Option<&PathBuf>, Writer); 2] =
        [(a.csv.as_ref(), write_csv), (a.xlsx.as_ref(), write_xlsx)];
    // Both files are checked before either is written: a refusal writes nothing.
    if let Some(taken) = files
        .iter()
        .filter_map(|(p, _)| *p)
        .find(|p| !a.force.force && crate::safe_file::exists(p))
    {
        return Err(super::overwrite::exists(i, taken));
    }
    for (path, write) in files {
        let Some(path) = path else { continue };
        write(path, &tables, a.force.existing()).map_err(|e| sheet_error(i, e))?;
        let line = i.tf("report.written", &[("path", &path.display().to_string())]);
        if a.json {
            eprintln!("{line}");
        } else {
            outln!("{line}");
        }
    }
    if a.json {
        return print_json(&report);
    }
    if a.csv.is_none() && a.xlsx.is_none() {
        outln!("{} — {}", i.t(kind.label_key()), params.describe(kind));
        for t in &tables {
            print_table(t);
        }
    }
    Ok(())
}

pub(crate) fn sheet_error(i: &I18n, e: SheetError) -> CliError {
    match e {
        SheetError::Exists(p) => super::overwrite::exists(i, &p),
        other => CliError::storage(other.to_string()),
    }
}

/// A sheet as aligned text: numbers to the right, the rest to the left.
pub(crate) fn print_table(s: &Sheet) {
    let texts: Vec<Vec<String>> = s
        .rows
        .iter()
        .map(|r| r.iter().map(Cell::csv_text).collect())
        .collect();
    let width = |c: usize| {
        texts
            .iter()
            .map(|r| r.get(c).map_or(0, |t| t.chars().count()))
            .chain(std::iter::once(
                s.headers.get(c).map_or(0, |h| h.chars().count()),
            ))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..s.headers.len()).map(width).collect();
    let numeric_columns: Vec<bool> = (0..s.headers.len())
        .map(|c| {
            s.rows
                .iter()
                .any(|r| matches!(r.get(c), Some(Cell::Int(_) | Cell::Number(..))))
        })
        .collect();
    let numeric = |c: usize| numeric_columns.get(c).copied().unwrap_or(false);
    let line = |cells: Vec<(&str, bool)>| {
        cells
            .iter()
            .zip(&widths)
            .map(|((t, right), w)| {
                if *right {
                    format!("{t:>w$}")
                } else {
                    format!("{t:<w$}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    outln!();
    outln!("{}", s.title);
    outln!(
        "{}",
        line(
            s.headers
                .iter()
                .enumerate()
                .map(|(c, h)| (h.as_str(), numeric(c)))
                .collect()
        )
    );
    for r in &texts {
        outln!(
            "{}",
            line(
                r.iter()
                    .enumerate()
                    .map(|(c, t)| (t.as_str(), numeric(c)))
                    .collect()
            )
        );
    }
}
