//! `dossier confidential set-pin|list|add`: the confidential area (disciplinary measures,
//! grievances, medical notes) from the command line, behind the PIN (DOSSIER_PIN or a prompt).

use std::fmt::Debug;

use clap::{Args, FromArgMatches, Subcommand};

use super::out::outln;
use super::{CliError, Ctx, employee_id, input_flags, print_json};
use crate::domain::confidential::{GrievanceInput, MeasureInput, MedicalNoteInput, PinInput};
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::input::TextInput;
use crate::i18n::I18n;
use crate::store::{Access, Store, Unlocked};

#[derive(Debug, Subcommand)]
pub enum ConfidentialCommand {
    /// Set the PIN or passphrase of the confidential area (to change it, give the current one in
    /// DOSSIER_PIN or at the prompt; the new one in DOSSIER_NEW_PIN or at the prompt, twice)
    SetPin,
    /// One person's confidential area: disciplinary measures, grievances, medical notes
    List {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Record a disciplinary measure, a grievance or a medical note
    #[command(subcommand)]
    Add(Box<AddCommand>),
}

#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// A warning or sanction: --kind oral_warning, written_warning, reprimand, fine, suspension,
    /// dismissal_serious_cause or other; --facts-on, --facts, then the hearing, decision and letters
    Measure(Record<MeasureInput>),
    /// A grievance: --received-on, --subject, --text, --handled-by, --outcome, --closed-on
    Grievance(Record<GrievanceInput>),
    /// A medical note (fitness, restrictions, adjustments): --written-on, --source, --text
    Medical(Record<MedicalNoteInput>),
}

/// An employee number and one flag per field of the record's input.
#[derive(Debug, Clone)]
pub struct Record<T> {
    pub number: String,
    pub input: T,
}

impl<T: TextInput> FromArgMatches for Record<T> {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(Record {
            number: m.get_one::<String>("number").cloned().unwrap_or_default(),
            input: input_flags::from_flags::<T>(m, "").0,
        })
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl<T: TextInput> Args for Record<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let cmd = cmd.arg(clap::Arg::new("number").required(true).value_name("NUMBER"));
        input_flags::add_flags::<T>(cmd, "", "")
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

pub fn run(ctx: &Ctx, cmd: ConfidentialCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    match cmd {
        ConfidentialCommand::SetPin => {
            let store = ctx.open(Access::ReadWrite)?;
            let current = if store.confidential().has_pin().map_err(fail)? {
                secret(i, "DOSSIER_PIN", "cli.pin_current")?
            } else {
                String::new()
            };
            let pin = secret(i, "DOSSIER_NEW_PIN", "cli.pin_new")?;
            let repeat = if std::env::var_os("DOSSIER_NEW_PIN").is_some() {
                pin.clone()
            } else {
                secret(i, "", "cli.pin_repeat")?
            };
            store
                .confidential()
                .set_pin(&PinInput {
                    current,
                    pin,
                    repeat,
                })
                .map_err(fail)?;
            outln!("{}", i.t("cli.pin_set"));
        }
        ConfidentialCommand::List { number, json } => {
            // Writing: a wrong PIN is counted (the wait after five).
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            let key = unlock(ctx, &store)?;
            let file = store.confidential().file(&key, id).map_err(fail)?;
            if json {
                return print_json(&file);
            }
            print_file(i, &file);
        }
        ConfidentialCommand::Add(add) => {
            let add = *add;
            let store = ctx.open(Access::ReadWrite)?;
            let repo = store.confidential();
            let (number, line) = match add {
                AddCommand::Measure(r) => {
                    let id = employee_id(ctx, &store, &r.number)?;
                    let key = unlock(ctx, &store)?;
                    let m = repo.add_measure(&key, id, &r.input).map_err(fail)?;
                    (r.number, format!("#{} {}", m.id, i.choice(m.kind)))
                }
                AddCommand::Grievance(r) => {
                    let id = employee_id(ctx, &store, &r.number)?;
                    let key = unlock(ctx, &store)?;
                    let g = repo.add_grievance(&key, id, &r.input).map_err(fail)?;
                    (
                        r.number,
                        format!("#{} {}", g.id, i.t("confidential.grievance")),
                    )
                }
                AddCommand::Medical(r) => {
                    let id = employee_id(ctx, &store, &r.number)?;
                    let key = unlock(ctx, &store)?;
                    let n = repo.add_medical_note(&key, id, &r.input).map_err(fail)?;
                    (
                        r.number,
                        format!("#{} {}", n.id, i.t("confidential.medical_note")),
                    )
                }
            };
            outln!(
                "{}",
                i.tf(
                    "cli.confidential_added",
                    &[("what", &line), ("number", &number.trim().to_uppercase())]
                )
            );
        }
    }
    Ok(())
}

fn print_file(i: &I18n, file: &crate::store::ConfidentialFile) {
    if file.measures.is_empty() && file.grievances.is_empty() && file.medical_notes.is_empty() {
        outln!("{}", i.t("confidential.empty"));
        return;
    }
    for m in &file.measures {
        outln!(
            "#{:<4} {}  {}: {}",
            m.id,
            format_date(m.facts_on),
            i.choice(m.kind),
            m.facts
        );
        if let Some(h) = m.hearing_on {
            outln!(
                "      {}: {} {}",
                i.t("field.hearing_on"),
                format_date(h),
                m.heard_by
            );
        }
        if !m.decision.is_empty() {
            outln!(
                "      {}: {} ({})",
                i.t("field.decision"),
                m.decision,
                format_opt_date(m.decided_on)
            );
        }
        for (k, v) in [
            ("field.follow_up", &m.follow_up),
            ("field.letters", &m.letters),
        ] {
            if !v.is_empty() {
                outln!("      {}: {}", i.t(k), v);
            }
        }
    }
    for g in &file.grievances {
        outln!(
            "#{:<4} {}  {}: {}{}",
            g.id,
            format_date(g.received_on),
            i.t("confidential.grievance"),
            g.subject,
            g.closed_on
                .map(|d| format!(" ({} {})", i.t("field.closed_on"), format_date(d)))
                .unwrap_or_default()
        );
        for v in [&g.text, &g.outcome] {
            if !v.is_empty() {
                outln!("      {v}");
            }
        }
    }
    for n in &file.medical_notes {
        outln!(
            "#{:<4} {}  {}: {} {}",
            n.id,
            format_date(n.written_on),
            i.t("confidential.medical_note"),
            n.source,
            n.text
        );
    }
}

/// The PIN's proof, from DOSSIER_PIN or a prompt; refused with the reason on stderr.
pub(crate) fn unlock(ctx: &Ctx, store: &Store) -> Result<Unlocked, CliError> {
    let i = &ctx.i18n;
    if !store
        .confidential()
        .has_pin()
        .map_err(|e| CliError::store(i, &e))?
    {
        return Err(CliError::input(i.t("err.pin_not_set")));
    }
    let pin = secret(i, "DOSSIER_PIN", "cli.pin_prompt")?;
    store.confidential().unlock(&pin).map_err(|e| match e {
        crate::store::StoreError::Invalid(v) => CliError::input(
            v.0.iter()
                .map(|f| i.field_error(f))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        other => CliError::store(i, &other),
    })
}

/// A secret from the environment variable `var`, else typed at the terminal without echo; with
/// neither (a script without the variable), a clear refusal instead of a hang.
fn secret(i: &I18n, var: &str, prompt: &str) -> Result<String, CliError> {
    if !var.is_empty()
        && let Ok(v) = std::env::var(var)
    {
        return Ok(v);
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(CliError::input(i.tf("cli.pin_needed", &[("var", var)])));
    }
    eprint!("{}: ", i.t(prompt));
    let typed = read_hidden().map_err(|e| CliError::input(e.to_string()));
    eprintln!();
    typed
}

/// Reads a line in raw mode so the characters are not echoed; Esc or Ctrl-C gives up.
pub(crate) fn read_hidden() -> std::io::Result<String> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    terminal::enable_raw_mode()?;
    let mut text = String::new();
    let result = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(text),
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Esc => break Err(std::io::Error::other("cancelled")),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(std::io::Error::other("cancelled"));
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    terminal::disable_raw_mode()?;
    result
}
