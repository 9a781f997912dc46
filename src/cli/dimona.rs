//! `dossier dimona add|list|missing`: the Dimona register from the command line.

use clap::Subcommand;

use super::out::outln;
use super::{CliError, Ctx, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::dimona::DimonaKind;
use crate::store::Access;

#[derive(Debug, Subcommand)]
pub enum DimonaCommand {
    /// Record a declaration sent to the RSZ/ONSS; the declared period is filled from the dossier
    /// unless --start/--end are given
    Add {
        number: String,
        /// in, out, update or cancel
        #[arg(long)]
        kind: String,
        /// The day it was declared
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The period id the RSZ/ONSS returned
        #[arg(long)]
        reference: Option<String>,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// One person's declarations, oldest first
    List {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Who lacks an IN (starting within --days, or started in the last 90 days) or an OUT (left in
    /// the last 90 days), earliest deadline first
    Missing {
        #[arg(long, default_value_t = 7)]
        days: i64,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: DimonaCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    match cmd {
        DimonaCommand::Add {
            number,
            kind,
            on,
            reference,
            start,
            end,
            note,
        } => {
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            // The kind is checked with the rest of the input; prefill only needs a guess.
            let guess = DimonaKind::from_code(&kind).unwrap_or(DimonaKind::Update);
            let mut input = store.dimona().prefill(id, guess).map_err(fail)?;
            input.kind = kind;
            input.declared_on = on;
            input.reference = reference.unwrap_or_default();
            input.note = note.unwrap_or_default();
            if let Some(s) = start {
                input.start = s;
            }
            if let Some(e) = end {
                input.end = e;
            }
            let d = store.dimona().add(id, &input).map_err(fail)?;
            outln!(
                "{}",
                i.tf(
                    "cli.dimona_added",
                    &[
                        ("kind", &d.kind.code().to_uppercase()),
                        ("id", &d.id.to_string()),
                        ("number", &number.trim().to_uppercase()),
                        ("date", &format_date(d.declared_on)),
                    ]
                )
            );
        }
        DimonaCommand::List { number, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let id = employee_id(ctx, &store, &number)?;
            let decls = store.dimona().declarations(id).map_err(fail)?;
            if json {
                return print_json(&decls);
            }
            if decls.is_empty() {
                outln!("{}", i.tf("cli.dimona_none", &[("number", number.trim())]));
            }
            for d in decls {
                outln!(
                    "#{:<5} {}  {:<24} {} – {:<10}  {}  {}",
                    d.id,
                    format_date(d.declared_on),
                    i.choice(d.kind),
                    format_opt_date(d.start),
                    format_opt_date(d.end),
                    d.reference,
                    d.note
                );
            }
        }
        DimonaCommand::Missing { days, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let gaps = store
                .dimona()
                .missing(ctx.clock.today(), days.clamp(0, 366))
                .map_err(fail)?;
            if json {
                return print_json(&gaps);
            }
            if gaps.is_empty() {
                outln!("{}", i.t("cli.dimona_missing_none"));
            }
            for g in gaps {
                outln!(
                    "{}",
                    i.tf(
                        "cli.dimona_missing",
                        &[
                            ("kind", &g.kind.code().to_uppercase()),
                            ("name", &g.name),
                            ("number", &g.number),
                            ("date", &format_date(g.deadline)),
                        ]
                    )
                );
            }
        }
    }
    Ok(())
}
