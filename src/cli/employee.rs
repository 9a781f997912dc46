//! `dossier employee …`: list, show, add, import and export dossiers.

use super::out::outln;
use super::{AddFlags, CliError, Ctx, EmployeeCommand, import_error, print_json};
use crate::csvio;
use crate::domain::contract::format_fte;
use crate::domain::date::format_date;
use crate::domain::ids::{format_iban, format_rrn};
use crate::store::{Access, ListQuery, StoreError};

pub fn run(ctx: &Ctx, cmd: EmployeeCommand) -> Result<(), CliError> {
    match cmd {
        EmployeeCommand::List { filter, all, json } => {
            list(ctx, filter.unwrap_or_default(), all, json)
        }
        EmployeeCommand::Show { number, json } => show(ctx, &number, json),
        EmployeeCommand::Add(flags) => add(ctx, *flags),
        EmployeeCommand::Import { file, dry_run } => import(ctx, &file, dry_run),
        EmployeeCommand::Export { file, all, force } => export(ctx, &file, all, force),
    }
}

fn list(ctx: &Ctx, filter: String, all: bool, json: bool) -> Result<(), CliError> {
    let store = ctx.open(Access::ReadOnly)?;
    let q = ListQuery {
        filter,
        include_left: all,
        ..Default::default()
    };
    let i = &ctx.i18n;
    let mut out = super::out::Buffered::new();
    let mut first = true;
    if json {
        out.write(format_args!("["));
    }
    // One statement walked row by row: memory stays flat however large the company is, and the
    // filter's full-text match runs once (pages of 1000 ran it once per page).
    store
        .employees()
        .for_each_row(&q, |r| {
            if json {
                out.write(format_args!("{}", if first { "\n  " } else { ",\n  " }));
                let written = serde_json::to_writer(out.writer(), r);
                super::out::done_or_exit(written.map_err(std::io::Error::from));
            } else {
                out.write(format_args!(
                    "{:<8} {:<28} {:<16} {:<22} {:<16} {:>5} {} {}\n",
                    r.number,
                    r.name,
                    r.department,
                    r.job_title,
                    r.contract.map(|c| i.choice(c)).unwrap_or_default(),
                    r.fte_permille.map(format_fte).unwrap_or_default(),
                    format_date(r.start_date),
                    i.choice(r.status)
                ));
            }
            first = false;
            Ok(())
        })
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        out.write(format_args!("{}]\n", if first { "" } else { "\n" }));
    }
    out.finish();
    Ok(())
}

fn show(ctx: &Ctx, number: &str, json: bool) -> Result<(), CliError> {
    let store = ctx.open(Access::ReadOnly)?;
    let i = &ctx.i18n;
    let repo = store.employees();
    let e = repo.by_number(number).map_err(|e| CliError::store(i, &e))?;
    let d = repo.dossier(e.id).map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&d);
    }
    let x = &d.employee.data;
    let line = |k: &str, v: String| outln!("{:<24} {v}", i.t(&format!("field.{k}")));
    outln!("{} — {}", x.number, x.full_name());
    line("rrn", x.rrn.as_deref().map(format_rrn).unwrap_or_default());
    line(
        "birth_date",
        x.birth_date.map(format_date).unwrap_or_default(),
    );
    line("sex", i.choice(x.sex));
    line(
        "street",
        format!(
            "{} {}{} , {} {} ({})",
            x.address.street,
            x.address.number,
            if x.address.box_nr.is_empty() {
                String::new()
            } else {
                format!(" bus {}", x.address.box_nr)
            },
            x.address.postal_code,
            x.address.municipality,
            x.address.country
        ),
    );
    line("phone", x.phone.clone());
    line("email_work", x.email_work.clone());
    line(
        "iban",
        x.iban.as_deref().map(format_iban).unwrap_or_default(),
    );
    line("department", x.department.clone());
    line("job_title", x.job_title.clone());
    line(
        "manager",
        d.manager
            .as_ref()
            .map(|(n, name)| format!("{name} ({n})"))
            .unwrap_or_default(),
    );
    line("category", i.choice(x.category));
    line("joint_committee", x.joint_committee.clone());
    line("start_date", format_date(x.start_date));
    line("status", i.choice(x.status));
    if let Some(dep) = &d.departure {
        line(
            "end_date",
            format!(
                "{} — {} {}",
                format_date(dep.end_date),
                i.choice(dep.ended_by),
                dep.reason
            ),
        );
    }
    for c in &d.contracts {
        outln!(
            "{:<24} {} {} – {} {} ({})",
            i.t("field.kind"),
            i.choice(c.data.kind),
            format_date(c.data.start),
            c.data.end.map(format_date).unwrap_or_default(),
            crate::domain::money::format_minutes(c.data.weekly_minutes),
            format_fte(c.data.fte_permille())
        );
    }
    Ok(())
}

fn add(ctx: &Ctx, flags: AddFlags) -> Result<(), CliError> {
    let store = ctx.open(Access::ReadWrite)?;
    let i = &ctx.i18n;
    let mut contract = flags.contract;
    // The first contract starts with the employment unless told otherwise.
    if let Some(c) = contract.as_mut()
        && c.start.trim().is_empty()
    {
        c.start = flags.employee.start_date.clone();
    }
    let e = store
        .employees()
        .add(&flags.employee, contract.as_ref())
        .map_err(|e| CliError::store(i, &e))?;
    if flags.json {
        return print_json(&e);
    }
    outln!(
        "{}",
        i.tf(
            "cli.added",
            &[("number", &e.data.number), ("name", &e.data.full_name())]
        )
    );
    Ok(())
}

fn import(ctx: &Ctx, file: &std::path::Path, dry_run: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let rows = csvio::read_file::<crate::domain::employee::EmployeeInput>(file)
        .map_err(|e| CliError::input(format!("{}: {e}", file.display())))?;
    let store = ctx.open(Access::ReadWrite)?;
    let n = store
        .employees()
        .import(&rows, dry_run)
        .map_err(|e| import_error(i, e))?;
    let key = if dry_run {
        "cli.import_checked"
    } else {
        "cli.imported"
    };
    outln!("{}", i.tf(key, &[("count", &n.to_string())]));
    Ok(())
}

fn export(
    ctx: &Ctx,
    file: &std::path::Path,
    all: bool,
    force: super::overwrite::Force,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    // Streams row by row from the database into the file, so memory stays flat at any size.
    let n = csvio::write_file_with(file, force.existing(), |w| {
        store
            .employees()
            .for_each_input(all, |r| {
                w.write(&r).map_err(|e| StoreError::Other(e.into()))
            })
            .map_err(ExportError::Store)
    })
    .map_err(|e| match e {
        ExportError::Store(e) => CliError::store(i, &e),
        ExportError::Csv(csvio::CsvError::Exists(p)) => super::overwrite::exists(i, &p),
        ExportError::Csv(e) => CliError::storage(e.to_string()),
    })?;
    outln!(
        "{}",
        i.tf(
            "cli.exported",
            &[
                ("count", &n.to_string()),
                ("file", &file.display().to_string())
            ]
        )
    );
    Ok(())
}

/// Why an export stopped: the database could not be read, or the file could not be written.
enum ExportError {
    Store(StoreError),
    Csv(csvio::CsvError),
}

impl From<csvio::CsvError> for ExportError {
    fn from(e: csvio::CsvError) -> Self {
        ExportError::Csv(e)
    }
}
