//! `dossier company show|set`: the company's details used in the heading and signature of letters.

use clap::{Args, Subcommand};

use super::out::outln;
use super::{CliError, Ctx, print_json};
use crate::domain::company::{CompanyInput, CompanySettings};
use crate::domain::date::format_date;
use crate::domain::input::TextInput;
use crate::store::Access;

#[derive(Debug, Subcommand)]
pub enum CompanyCommand {
    /// Show the company settings
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change the company settings (flags not given keep their value)
    Set(Box<CompanySetArgs>),
}

#[derive(Debug, Args)]
pub struct CompanySetArgs {
    #[arg(long)]
    pub name: Option<String>,
    /// One line, e.g. "Nijverheidskaai 12, 9040 Gent"
    #[arg(long)]
    pub address: Option<String>,
    /// Enterprise number, e.g. 0566.988.259 (checked)
    #[arg(long)]
    pub company_number: Option<String>,
    /// The joint committees, e.g. "111, 200"
    #[arg(long)]
    pub joint_committees: Option<String>,
    /// Text shown as the logo at the top of letters
    #[arg(long)]
    pub logo_text: Option<String>,
    #[arg(long)]
    pub signatory_name: Option<String>,
    #[arg(long)]
    pub signatory_title: Option<String>,
    #[arg(long)]
    pub social_secretariat: Option<String>,
    /// Where letters are signed ("Gent, 23/11/2026")
    #[arg(long)]
    pub city: Option<String>,
    /// Folder for generated documents (empty: beside the database)
    #[arg(long)]
    pub export_dir: Option<String>,
    /// Contracts concluded from this day get the 52-week notice cap (default 01/06/2026)
    #[arg(long)]
    pub notice_cap_from: Option<String>,
}

pub fn run(ctx: &Ctx, cmd: CompanyCommand) -> Result<(), CliError> {
    match cmd {
        CompanyCommand::Show { json } => show(ctx, json),
        CompanyCommand::Set(args) => set(ctx, *args),
    }
}

fn show(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let s = store
        .settings()
        .company()
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&s);
    }
    print(ctx, &store, &s);
    Ok(())
}

fn print(ctx: &Ctx, store: &crate::store::Store, s: &CompanySettings) {
    let i = &ctx.i18n;
    let input = CompanyInput::from_settings(s);
    for field in CompanyInput::fields() {
        let value = match *field {
            "export_dir" => crate::documents::export_dir(store, s).display().to_string(),
            "notice_cap_from" => format_date(s.notice_cap_from()),
            f => input.get(f).to_string(),
        };
        let value = if value.is_empty() {
            "—".into()
        } else {
            value
        };
        outln!("{:<24}{value}", i.t(&format!("field.{field}")));
    }
}

fn set(ctx: &Ctx, a: CompanySetArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let old = store
        .settings()
        .company()
        .map_err(|e| CliError::store(i, &e))?;
    let mut input = CompanyInput::from_settings(&old);
    for (field, value) in [
        ("company_name", a.name),
        ("company_address", a.address),
        ("company_number", a.company_number),
        ("joint_committees", a.joint_committees),
        ("logo_text", a.logo_text),
        ("signatory_name", a.signatory_name),
        ("signatory_title", a.signatory_title),
        ("social_secretariat", a.social_secretariat),
        ("city", a.city),
        ("export_dir", a.export_dir),
        ("notice_cap_from", a.notice_cap_from),
    ] {
        if let Some(v) = value {
            input.set(field, v);
        }
    }
    let saved = store
        .settings()
        .save_company(&input)
        .map_err(|e| CliError::store(i, &e))?;
    outln!("{}", i.t("cli.company_saved"));
    print(ctx, &store, &saved);
    Ok(())
}
