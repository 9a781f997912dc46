//! `dossier document list|make|history`: the templates, making a letter from one, and the letters
//! already made for an employee.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::out::outln;
use super::{CliError, Ctx, employee_id, print_json};
use crate::documents::catalog::{Extra, TemplateId};
use crate::documents::{self, DocError, MakeInput, MakeRequest};
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::errors::validation_lines;
use crate::store::{Access, GeneratedDocument};

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// The templates, with the flags each one needs
    List {
        #[arg(long)]
        json: bool,
    },
    /// Make a document: writes Markdown and/or HTML to the export folder and records it in the dossier.
    /// The language is the employee's unless --lang is given
    Make(Box<MakeArgs>),
    /// The documents made for an employee
    History {
        number: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct MakeArgs {
    /// Template code, see `dossier document list`
    pub template: String,
    /// Employee number (not for letters to candidates)
    pub number: Option<String>,
    /// md, html or both
    #[arg(long, default_value = "both")]
    pub format: String,
    /// Folder to write to (default: the export folder of the company settings)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Leave confirmation: the request number
    #[arg(long)]
    pub request: Option<String>,
    /// Termination letter: employer or employee
    #[arg(long)]
    pub by: Option<String>,
    /// Termination letter: day the notice is posted or handed over (default: today)
    #[arg(long)]
    pub notified: Option<String>,
    /// Termination letter: sent by registered post
    #[arg(long)]
    pub registered_letter: bool,
    /// Termination letter: when the running contract was concluded
    #[arg(long)]
    pub contract_date: Option<String>,
    /// Maternity sheet: expected delivery date
    #[arg(long)]
    pub expected: Option<String>,
    /// Maternity sheet: the day the leave starts (default: the mandatory week)
    #[arg(long)]
    pub leave_from: Option<String>,
    /// Maternity sheet: twins or more
    #[arg(long)]
    pub multiple: bool,
    /// Candidate letters: the addressee's name
    #[arg(long)]
    pub to_name: Option<String>,
    /// Candidate letters: address lines separated by commas
    #[arg(long)]
    pub to_address: Option<String>,
    /// Candidate letters: the vacancy
    #[arg(long)]
    pub vacancy: Option<String>,
    /// Interview invitation: day and hour, e.g. "02/12/2026 14:30"
    #[arg(long)]
    pub at: Option<String>,
    /// Offer letter and vacancy text: the vacancy's id (`dossier vacancy list`)
    #[arg(long)]
    pub vacancy_id: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, cmd: DocumentCommand) -> Result<(), CliError> {
    match cmd {
        DocumentCommand::List { json } => list(ctx, json),
        DocumentCommand::Make(args) => make(ctx, *args),
        DocumentCommand::History { number, json } => history(ctx, &number, json),
    }
}

/// The flags a template needs, as typed on the command line.
fn flags(t: TemplateId) -> Vec<&'static str> {
    let mut out = Vec::new();
    if t.needs_employee() {
        out.push("NUMBER");
    }
    for e in t.extras() {
        out.extend_from_slice(match e {
            Extra::LeaveRequest => &["--request ID"][..],
            Extra::Notice => &[
                "--by employer|employee",
                "[--notified DATE]",
                "[--registered-letter]",
            ],
            Extra::Maternity => &["--expected DATE", "[--leave-from DATE]", "[--multiple]"],
            Extra::Recipient => &["--to-name NAME", "--to-address ADDRESS", "--vacancy TITLE"],
            Extra::Meeting => &["--at \"DATE HH:MM\""],
            Extra::Vacancy => &["--vacancy-id ID"],
        });
    }
    out
}

#[derive(Serialize)]
struct TemplateLine {
    code: &'static str,
    name: String,
    description: String,
    flags: Vec<&'static str>,
}

fn list(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let lines: Vec<TemplateLine> = TemplateId::ALL
        .iter()
        .map(|t| TemplateLine {
            code: t.code(),
            name: i.t(t.label_key()),
            description: i.t(&t.description_key()),
            flags: flags(*t),
        })
        .collect();
    if json {
        return print_json(&lines);
    }
    for l in &lines {
        outln!("{:<28}{}", l.code, l.name);
        outln!("{:<28}{}", "", l.description);
        outln!("{:<28}{}", "", l.flags.join(" "));
    }
    if let Some(dir) = &ctx.templates_dir {
        outln!();
        outln!(
            "{}",
            i.tf(
                "cli.templates_override",
                &[("dir", &dir.display().to_string())]
            )
        );
    }
    Ok(())
}

/// A refused document for stderr, in the user's language.
fn doc_error(ctx: &Ctx, e: DocError) -> CliError {
    let i = &ctx.i18n;
    match e {
        DocError::Invalid(v) => CliError::input(validation_lines(i, &v).join("\n")),
        DocError::Store(e) => CliError::store(i, &e),
        DocError::Template(t) => CliError::input(i.tf("cli.template_error", &[("detail", &t)])),
        DocError::Io(t) => CliError::storage(t),
    }
}

fn make(ctx: &Ctx, a: MakeArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let template = TemplateId::from_code(&a.template).ok_or_else(|| {
        CliError::input(i.tf(
            "cli.unknown_template",
            &[
                ("value", &a.template),
                ("options", &documents::input::template_codes()),
            ],
        ))
    })?;
    if template.needs_employee() && a.number.is_none() {
        return Err(CliError::input(i.tf(
            "cli.template_needs_employee",
            &[("template", template.code())],
        )));
    }
    let input = MakeInput {
        language: if ctx.lang_given {
            i.lang.code().to_string()
        } else {
            String::new()
        },
        doc_format: a.format,
        request: a.request.unwrap_or_default(),
        notice_by: a.by.unwrap_or_default(),
        notified_on: a.notified.unwrap_or_default(),
        registered_letter: if a.registered_letter { "yes" } else { "no" }.into(),
        contract_date: a.contract_date.unwrap_or_default(),
        expected_delivery: a.expected.unwrap_or_default(),
        leave_from: a.leave_from.unwrap_or_default(),
        multiple_birth: if a.multiple { "yes" } else { "no" }.into(),
        to_name: a.to_name.unwrap_or_default(),
        to_address: a.to_address.unwrap_or_default(),
        vacancy: a.vacancy.unwrap_or_default(),
        meeting_at: a.at.unwrap_or_default(),
        vacancy_id: a.vacancy_id.unwrap_or_default(),
    };
    let store = ctx.open(Access::ReadWrite)?;
    let employee = match (&a.number, template.needs_employee()) {
        (Some(n), true) => Some(employee_id(ctx, &store, n)?),
        _ => None,
    };
    let doc = documents::make(
        &store,
        &MakeRequest {
            template,
            employee_id: employee,
            input: &input,
            default_lang: i.lang,
            out_dir: a.out.as_deref(),
            templates_dir: ctx.templates_dir.as_deref(),
        },
    )
    .map_err(|e| doc_error(ctx, e))?;
    if a.json {
        return print_json(&doc);
    }
    outln!(
        "{}",
        i.tf(
            "cli.document_made",
            &[
                ("template", &i.t(template.label_key())),
                ("lang", &doc.language)
            ]
        )
    );
    for p in doc.markdown_path.iter().chain(doc.html_path.iter()) {
        outln!("  {p}");
    }
    Ok(())
}

fn history(ctx: &Ctx, number: &str, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let id = employee_id(ctx, &store, number)?;
    let docs: Vec<GeneratedDocument> = store
        .documents()
        .for_employee(id)
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&docs);
    }
    if docs.is_empty() {
        outln!("{}", i.t("detail.no_generated"));
    }
    for d in &docs {
        let name = TemplateId::from_code(&d.template)
            .map(|t| i.t(t.label_key()))
            .unwrap_or_else(|| d.template.clone());
        let path = d.html_path.as_ref().or(d.markdown_path.as_ref());
        outln!(
            "{}  {:<36} {}  {}",
            format_date(d.generated_on),
            name,
            d.language,
            path.map(String::as_str).unwrap_or_default()
        );
    }
    Ok(())
}
