//! `dossier backup`, `restore` and `check`: keeping the one database file safe.

use std::path::PathBuf;

use super::out::outln;
use super::{CliError, Ctx, print_json};
use crate::store::{Access, BACKUP_SETTINGS, BackupSettings, Store};

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (default: a file named with the date and time in the backups folder)
    pub file: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
    /// Automatic daily backups at the first change of the day: yes or no (saved as a setting)
    #[arg(long, value_parser = ["yes", "no"])]
    pub daily: Option<String>,
    /// How many automatic daily backups to keep (saved as a setting)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub keep: Option<u32>,
}

pub fn backup(ctx: &Ctx, args: BackupArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let settings_given = args.daily.is_some() || args.keep.is_some();
    if settings_given {
        let store = ctx.open(Access::ReadWrite)?;
        let mut s: BackupSettings = store
            .settings()
            .get(BACKUP_SETTINGS)
            .map_err(|e| CliError::store(i, &e))?;
        if let Some(d) = &args.daily {
            s.daily = d == "yes";
        }
        if let Some(k) = args.keep {
            s.keep = k;
        }
        store
            .settings()
            .set(BACKUP_SETTINGS, &s)
            .map_err(|e| CliError::store(i, &e))?;
        print_settings(ctx, &store, s);
        if args.file.is_none() {
            return Ok(());
        }
    }
    // Read-only: a backup can be made while the TUI is open and writing.
    let store = ctx.open(Access::ReadOnly)?;
    let dest = match args.file {
        Some(f) => f,
        None => store.backups_dir().join(format!(
            "{}-{}.db",
            ctx.db
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "dossier".into()),
            ctx.clock.now().format("%Y-%m-%d-%H%M%S")
        )),
    };
    if dest.exists() && !args.force {
        return Err(CliError::input(
            i.tf("data.file_exists", &[("path", &dest.display().to_string())]),
        ));
    }
    store
        .backup_to(&dest, args.force)
        .map_err(|e| CliError::store(i, &e))?;
    outln!(
        "{}",
        i.tf("data.backup_made", &[("path", &dest.display().to_string())])
    );
    Ok(())
}

fn print_settings(ctx: &Ctx, store: &Store, s: BackupSettings) {
    let i = &ctx.i18n;
    if s.daily {
        outln!(
            "{}",
            i.tf(
                "data.daily_on",
                &[
                    ("keep", &s.keep.to_string()),
                    ("dir", &store.backups_dir().display().to_string())
                ]
            )
        );
    } else {
        outln!("{}", i.t("data.daily_off"));
    }
}

pub fn restore(ctx: &Ctx, file: PathBuf) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let key = super::crypt::passphrase_for(i, &file)?;
    let done = crate::store::restore_keyed(&ctx.db, &file, ctx.clock.now(), key.as_ref())
        .map_err(|e| CliError::store(i, &e))?;
    outln!(
        "{}",
        i.tf(
            "data.restored",
            &[
                ("from", &file.display().to_string()),
                ("path", &ctx.db.display().to_string())
            ]
        )
    );
    if let Some(kept) = done.kept {
        outln!(
            "{}",
            i.tf(
                "data.restore_kept",
                &[("path", &kept.display().to_string())]
            )
        );
    }
    Ok(())
}

/// Exit 0 when all is well, 1 with the problems in plain words otherwise.
pub fn check(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = match ctx.open(Access::ReadOnly) {
        Ok(s) => s,
        Err(e) => {
            return Err(CliError::input(
                i.tf("data.check_cannot_open", &[("error", &e.message)]),
            ));
        }
    };
    // SQLite may stop a check half-way on a badly damaged file: that is a finding, not a failure.
    let report = store.check().map_err(|e| {
        CliError::input(format!(
            "{}\n{}",
            i.tf(
                "data.check_integrity_bad",
                &[("detail", &crate::errors::store_error(i, &e))]
            ),
            i.t("data.check_bad")
        ))
    })?;
    if json {
        print_json(&report)?;
    } else {
        if report.integrity.is_empty() {
            outln!("{}", i.t("data.check_integrity_ok"));
        } else {
            outln!(
                "{}",
                i.tf(
                    "data.check_integrity_bad",
                    &[("detail", &report.integrity.join("; "))]
                )
            );
        }
        if report.foreign_keys.is_empty() {
            outln!("{}", i.t("data.check_links_ok"));
        } else {
            outln!(
                "{}",
                i.tf(
                    "data.check_links_bad",
                    &[
                        ("count", &report.foreign_keys.len().to_string()),
                        ("detail", &report.foreign_keys.join("; "))
                    ]
                )
            );
        }
        match report.audit.broken_at {
            None => outln!(
                "{}",
                i.tf(
                    "data.check_audit_ok",
                    &[("rows", &report.audit.rows.to_string())]
                )
            ),
            Some(id) => outln!(
                "{}",
                i.tf("data.check_audit_bad", &[("id", &id.to_string())])
            ),
        }
    }
    if report.is_ok() {
        if !json {
            outln!("{}", i.t("data.check_ok"));
        }
        Ok(())
    } else {
        Err(CliError::input(i.t("data.check_bad")))
    }
}

/// The day's automatic backup; a failure is told on stderr and the work goes on.
pub fn auto_backup(i: &crate::i18n::I18n, store: &Store) {
    if let Err(e) = store.auto_backup() {
        eprintln!(
            "{}",
            i.tf(
                "data.auto_backup_failed",
                &[("error", &crate::errors::store_error(i, &e))]
            )
        );
    }
}
