//! `dossier init [--demo]` and `dossier demo --employees N`: create a database, fill it with demo data.

use super::out::outln;
use std::io::Write;

use super::{CliError, Ctx};
use crate::store::Access;

pub fn init(ctx: &Ctx, demo: bool) -> Result<(), CliError> {
    let store = ctx.open(Access::ReadWrite)?;
    let i = &ctx.i18n;
    if demo {
        let n = crate::demo::load(&store, ctx.clock.today()).map_err(|e| CliError::store(i, &e))?;
        outln!(
            "{}",
            i.tf(
                "cli.demo_loaded",
                &[
                    ("count", &n.to_string()),
                    ("path", &ctx.db.display().to_string())
                ]
            )
        );
    } else {
        outln!(
            "{}",
            i.tf("cli.db_ready", &[("path", &ctx.db.display().to_string())])
        );
    }
    Ok(())
}

pub fn synthetic(ctx: &Ctx, employees: usize, seed: u64) -> Result<(), CliError> {
    let store = ctx.open(Access::ReadWrite)?;
    let i = &ctx.i18n;
    let started = std::time::Instant::now();
    let people = crate::demo::synthetic_company(employees, seed, ctx.clock.today());
    let mut err = std::io::stderr();
    let n = store
        .load_people(people, |done| {
            let _ = write!(err, "\r{done}/{employees}");
            let _ = err.flush();
        })
        .map_err(|e| CliError::store(i, &e))?;
    store
        .load_synthetic_training(seed, ctx.clock.today())
        .map_err(|e| CliError::store(i, &e))?;
    eprintln!();
    outln!(
        "{}",
        i.tf(
            "cli.synthetic_loaded",
            &[
                ("count", &n.to_string()),
                (
                    "seconds",
                    &format!("{:.1}", started.elapsed().as_secs_f64())
                ),
                ("path", &ctx.db.display().to_string())
            ]
        )
    );
    Ok(())
}
