//! `dossier privacy …`: GDPR requests (access export, erasure after the retention period) and the
//! retention periods.

use std::path::PathBuf;

use super::out::outln;
use super::{CliError, Ctx};
use crate::domain::date::format_date;
use crate::domain::privacy::{Refusal, RetentionSettings};
use crate::store::{Access, EraseError};

#[derive(Debug, clap::Subcommand)]
pub enum PrivacyCommand {
    /// Write everything Dossier holds about a person (every table, the audit rows about them, their
    /// files) into a new folder: person.json and files/ (for an access request)
    Export {
        number: String,
        /// The folder to write into (default: the exports folder beside the database)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include the confidential area (disciplinary measures, grievances, medical notes):
        /// needs the PIN (DOSSIER_PIN or a prompt)
        #[arg(long)]
        with_confidential: bool,
    },
    /// Erase a former employee's personal data once the retention period is over; an anonymous
    /// record stays for statistics
    Erase {
        number: String,
        /// Erase before the end of the retention period (needs --reason)
        #[arg(long, requires = "reason")]
        force: bool,
        /// Why the file is erased early (kept in the audit log)
        #[arg(long, requires = "force")]
        reason: Option<String>,
        /// Show what would be erased; change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Show the retention periods after departure, or set them in years
    Retention {
        /// Social documents (Belgian default 5: Royal Decree of 8 August 1980, art. 25)
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=100))]
        social_documents_years: Option<u32>,
        /// Claims from the employment contract (Belgian default 1: Law of 3 July 1978, art. 15)
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=100))]
        legal_claims_years: Option<u32>,
    },
}

pub fn run(ctx: &Ctx, cmd: PrivacyCommand) -> Result<(), CliError> {
    match cmd {
        PrivacyCommand::Export {
            number,
            out,
            with_confidential,
        } => export(ctx, &number, out, with_confidential),
        PrivacyCommand::Erase {
            number,
            reason,
            dry_run,
            ..
        } => erase(ctx, &number, reason.as_deref(), dry_run),
        PrivacyCommand::Retention {
            social_documents_years,
            legal_claims_years,
        } => retention(ctx, social_documents_years, legal_claims_years),
    }
}

fn who(first: &str, last: &str, number: &str) -> String {
    format!("{first} {last} ({number})")
}

fn export(
    ctx: &Ctx,
    number: &str,
    out: Option<PathBuf>,
    with_confidential: bool,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    // With the confidential area the PIN is asked, and a wrong one is counted: that needs a writer.
    let store = ctx.open(if with_confidential {
        Access::ReadWrite
    } else {
        Access::ReadOnly
    })?;
    let e = store
        .employees()
        .by_number(number)
        .map_err(|e| CliError::store(i, &e))?;
    let key = if with_confidential {
        Some(super::confidential::unlock(ctx, &store)?)
    } else {
        None
    };
    let dir = out.unwrap_or_else(|| store.exports_dir());
    let folder = store
        .privacy()
        .write_export(e.id, &dir, key.as_ref())
        .map_err(|e| CliError::store(i, &e))?;
    outln!(
        "{}",
        i.tf(
            "data.privacy_exported",
            &[
                ("who", &who(&e.data.first_name, &e.data.last_name, number)),
                ("path", &folder.display().to_string())
            ]
        )
    );
    Ok(())
}

fn erase(ctx: &Ctx, number: &str, reason: Option<&str>, dry_run: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    if reason.is_some_and(|r| r.trim().is_empty()) {
        return Err(CliError::input(i.t("data.erase_reason_empty")));
    }
    let store = ctx.open(Access::ReadWrite)?;
    let e = store
        .employees()
        .by_number(number)
        .map_err(|e| CliError::store(i, &e))?;
    let name = who(&e.data.first_name, &e.data.last_name, number);
    let settings = store
        .privacy()
        .retention()
        .map_err(|e| CliError::store(i, &e))?;
    let done = store
        .privacy()
        .erase(e.id, reason, dry_run)
        .map_err(|err| match err {
            EraseError::Refused(Refusal::StillEmployed) => {
                CliError::input(i.tf("data.erase_employed", &[("who", &name)]))
            }
            EraseError::Refused(Refusal::RetentionRunning { until }) => CliError::input(i.tf(
                "data.erase_too_early",
                &[
                    ("who", &name),
                    ("date", &format_date(until)),
                    ("years", &settings.years().to_string()),
                ],
            )),
            EraseError::Store(e) => CliError::store(i, &e),
        })?;
    let rows: usize = done.rows.iter().map(|(_, n)| n).sum();
    let tables = done.rows.iter().filter(|(_, n)| *n > 0).count();
    let args = [
        ("who", name.as_str()),
        ("rows", &rows.to_string()),
        ("tables", &tables.to_string()),
        ("audit", &done.audit_rows.to_string()),
        ("files", &done.files_removed.len().to_string()),
    ];
    if dry_run {
        outln!("{}", i.tf("data.erase_dry_run", &args));
        for (table, n) in done.rows.iter().filter(|(_, n)| *n > 0) {
            outln!("  {table}: {n}");
        }
    } else {
        outln!("{}", i.tf("data.erased", &args));
        outln!(
            "{}",
            i.tf(
                "data.erase_backups",
                &[("dir", &store.backups_dir().display().to_string())]
            )
        );
    }
    for f in &done.files_elsewhere {
        outln!(
            "{}",
            i.tf(
                "data.erase_elsewhere",
                &[("path", &f.display().to_string())]
            )
        );
    }
    Ok(())
}

fn retention(ctx: &Ctx, social: Option<u32>, claims: Option<u32>) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(if social.is_some() || claims.is_some() {
        Access::ReadWrite
    } else {
        Access::ReadOnly
    })?;
    let mut s: RetentionSettings = store
        .privacy()
        .retention()
        .map_err(|e| CliError::store(i, &e))?;
    if social.is_some() || claims.is_some() {
        s.social_documents_years = social.unwrap_or(s.social_documents_years);
        s.legal_claims_years = claims.unwrap_or(s.legal_claims_years);
        store
            .privacy()
            .set_retention(&s)
            .map_err(|e| CliError::store(i, &e))?;
    }
    outln!(
        "{}",
        i.tf(
            "data.retention",
            &[
                ("social", &s.social_documents_years.to_string()),
                ("claims", &s.legal_claims_years.to_string()),
                ("years", &s.years().to_string())
            ]
        )
    );
    Ok(())
}
