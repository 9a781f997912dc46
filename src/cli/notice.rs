//! `dossier notice NUMBER --by employer|employee`: the notice period from the unified statute table.

use clap::Args;
use serde::Serialize;

use super::out::outln;
use super::{CliError, Ctx, date_arg, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::contract::current_contract;
use crate::domain::date::{format_date, iso};
use crate::domain::notice::{self, NoticeInput, NoticeParty};
use crate::store::Access;

#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// Employee number
    pub number: String,
    /// Who gives notice: employer or employee
    #[arg(long, value_parser = ["employer", "employee"])]
    pub by: String,
    /// Day the notice is posted, served or handed over (default: today)
    #[arg(long, value_name = "DATE")]
    pub notified: Option<String>,
    /// Sent by registered post: takes effect on the third working day after posting
    #[arg(long)]
    pub registered_letter: bool,
    /// When the running contract was concluded (default: from the dossier)
    #[arg(long, value_name = "DATE")]
    pub contract_date: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Out {
    number: String,
    name: String,
    by: &'static str,
    seniority_from: String,
    seniority_months: u32,
    notified_on: String,
    effective_on: String,
    weeks: u32,
    start: String,
    end: String,
    basis: Vec<String>,
}

pub fn run(ctx: &Ctx, a: NoticeArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let by = NoticeParty::from_code(&a.by).unwrap_or(NoticeParty::Employer);
    let notified = match &a.notified {
        Some(t) => date_arg(i, t)?,
        None => ctx.clock.today(),
    };
    let contract_date = a
        .contract_date
        .as_deref()
        .map(|t| date_arg(i, t))
        .transpose()?;
    let store = ctx.open(Access::ReadOnly)?;
    let id = employee_id(ctx, &store, &a.number)?;
    let dossier = store
        .employees()
        .dossier(id)
        .map_err(|e| CliError::store(i, &e))?;
    let company = store
        .settings()
        .company()
        .map_err(|e| CliError::store(i, &e))?;
    let e = &dossier.employee.data;
    let contract_date = contract_date.unwrap_or_else(|| {
        current_contract(&dossier.contracts, notified)
            .map(|c| c.data.signed_on.unwrap_or(c.data.start))
            .unwrap_or(e.start_date)
    });
    let input = NoticeInput {
        seniority_from: e.seniority_date,
        contract_date,
        notified_on: notified,
        by,
        registered_letter: a.registered_letter,
        cap_from: company.notice_cap_from(),
    };
    let n = notice::compute(&input);
    let years = (n.seniority_months / 12).to_string();
    let cap = format_date(company.notice_cap_from());
    let basis: Vec<String> = n
        .basis
        .iter()
        .map(|k| i.tf(k, &[("years", &years), ("date", &cap)]))
        .collect();
    if a.json {
        return print_json(&Out {
            number: e.number.clone(),
            name: e.full_name(),
            by: by.code(),
            seniority_from: iso(e.seniority_date),
            seniority_months: n.seniority_months,
            notified_on: iso(notified),
            effective_on: iso(n.effective_on),
            weeks: n.weeks,
            start: iso(n.start),
            end: iso(n.end),
            basis,
        });
    }
    let row = |key: &str, value: String| outln!("{:<28}{value}", i.t(key));
    outln!(
        "{}",
        i.tf(
            &format!("cli.notice_title_{}", by.code()),
            &[("name", &e.full_name()), ("number", &e.number)]
        )
    );
    row(
        "cli.notice_seniority",
        i.tf(
            "cli.notice_years_months",
            &[
                ("years", &years),
                ("months", &(n.seniority_months % 12).to_string()),
                ("date", &format_date(e.seniority_date)),
            ],
        ),
    );
    let how = if a.registered_letter {
        i.tf(
            "cli.notice_registered",
            &[("date", &format_date(n.effective_on))],
        )
    } else {
        String::new()
    };
    row(
        "cli.notice_notified",
        format!("{}{how}", format_date(notified)),
    );
    row(
        "cli.notice_weeks",
        i.tf("cli.weeks", &[("weeks", &n.weeks.to_string())]),
    );
    row("cli.notice_start", format_date(n.start));
    row("cli.notice_end", format_date(n.end));
    outln!("{}", i.t("cli.notice_basis"));
    for line in basis {
        outln!("  - {line}");
    }
    Ok(())
}
