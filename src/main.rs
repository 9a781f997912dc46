//! Entry point: parse the command line, open the store, run the TUI or a subcommand, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use dossier::cli::{Cli, CliError, Ctx};
use dossier::clock::Clock;
use dossier::config::{Paths, load_config};
use dossier::i18n::{I18n, detect};
use dossier::store::{Access, ENCRYPTION_AVAILABLE, Store, looks_encrypted};
use dossier::ui::App;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.message);
            ExitCode::from(e.code)
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let paths = Paths::system().map_err(|e| CliError::storage(format!("{e:#}")))?;
    let config =
        load_config(&paths.config_file()).map_err(|e| CliError::input(format!("{e:#}")))?;
    let env_lang = std::env::var("LANG").ok();
    let lang = detect(
        cli.lang.as_deref(),
        config.language.as_deref(),
        env_lang.as_deref(),
    );
    let i18n = I18n::new(lang);
    let clock = cli.today.map(Clock::Day).unwrap_or(Clock::System);

    // --demo: a throw-away database, so a newcomer sees a living screen without touching real data.
    let demo_dir = if cli.demo && cli.command.is_none() {
        let dir = std::env::temp_dir().join(format!("dossier-demo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Some(dir)
    } else {
        None
    };
    let db = match (&demo_dir, &cli.db) {
        (Some(dir), _) => dir.join("demo.db"),
        (None, Some(p)) => p.clone(),
        (None, None) => paths.default_db(),
    };
    let ctx = Ctx {
        db,
        clock,
        i18n,
        lang_given: cli.lang.is_some(),
        templates_dir: Some(paths.templates_dir()),
    };

    let Some(command) = cli.command else {
        let keymap =
            dossier::ui::keymap::load_file(&paths.keymap_file()).map_err(CliError::input)?;
        let start = match config.start.as_deref() {
            None => 0,
            Some(name) => dossier::ui::app::tab_named(name).ok_or_else(|| {
                CliError::input(i18n.tf(
                    "config.unknown_start",
                    &[
                        ("file", &paths.config_file().display().to_string()),
                        ("value", name),
                        ("known", &dossier::ui::app::tab_names()),
                    ],
                ))
            })?,
        };
        let store = open_for_tui(&ctx)?;
        // The day's automatic backup runs beside the TUI: a large database would otherwise hold
        // up the first frame. A failure shows on the status line.
        let backup = store.auto_backup_in_background().ok();
        if demo_dir.is_some() {
            dossier::demo::load(&store, clock.today()).map_err(|e| CliError::store(&i18n, &e))?;
        }
        let mut app = App::starting_on(store, i18n, keymap, start);
        app.dossiers.templates_dir = ctx.templates_dir.clone();
        app.recruitment.templates_dir = ctx.templates_dir.clone();
        if demo_dir.is_some() {
            // The demo's database goes away on quit; what was exported from it stays.
            app.reports.exports_dir = paths.data_dir.join("exports");
        }
        let result = dossier::ui::run(app, backup);
        if let Some(dir) = demo_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        return result.map_err(|e| CliError::storage(format!("{e:#}")));
    };
    dossier::cli::run(&ctx, command)
}

/// An encrypted database asks its passphrase in the terminal before anything opens (unless a
/// script gave it in DOSSIER_PASSPHRASE); three wrong ones or Esc: nothing opened, nothing changed.
fn open_for_tui(ctx: &Ctx) -> Result<Store, CliError> {
    let ask = ENCRYPTION_AVAILABLE
        && looks_encrypted(&ctx.db)
        && std::env::var_os(dossier::cli::PASSPHRASE_VAR).is_none();
    if !ask {
        let key = dossier::cli::passphrase_for(&ctx.i18n, &ctx.db)?;
        return ctx.open_without_backup(Access::ReadWrite, key.as_ref());
    }
    let asked = dossier::ui::unlock::ask(&ctx.i18n, &ctx.db, |key| {
        Store::open_keyed(&ctx.db, Access::ReadWrite, ctx.clock, Some(key))
    })
    .map_err(|e| CliError::storage(format!("{e:#}")))?;
    match asked {
        Ok(Some(store)) => Ok(store),
        Ok(None) => Err(CliError::input(ctx.i18n.t("unlock.cancelled"))),
        Err(e) => Err(CliError::store(&ctx.i18n, &e)),
    }
}
