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

pub fn synthetic(ctx: &Ctx, employees: usize, seed: u64, years: u32) -> Result<(), CliError> {
    let store = ctx.open(Access::ReadWrite)?;
    let i = &ctx.i18n;
    let today = ctx.clock.today();
    let started = std::time::Instant::now();
    let err = |e: crate::store::StoreError| CliError::store(i, &e);
    // Generation only: a page cache large enough for the leave indexes of 100 000 people, so
    // inserting in their middle does not read pages back from the file over and over.
    store.bulk_cache().map_err(err)?;
    let people = crate::demo::synthetic_company(employees, seed, today);
    let n = store
        .load_people(people, progress(i.t("cli.progress_people"), employees))
        .map_err(err)?;
    eprintln!(" ({:.0} s)", started.elapsed().as_secs_f64());
    let history = crate::demo::synthetic_history(employees, seed, today, years);
    let periods = store
        .load_history(history, progress(i.t("cli.progress_history"), employees))
        .map_err(err)?;
    eprintln!(" ({:.0} s)", started.elapsed().as_secs_f64());
    eprint!("{}", i.t("cli.progress_recruitment"));
    let vacancies = crate::demo::synthetic_vacancies(employees, seed, today, years);
    let candidates = store.load_synthetic_recruitment(&vacancies).map_err(err)?;
    store.load_synthetic_training(seed, today).map_err(err)?;
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
    outln!(
        "{}",
        i.tf(
            "cli.synthetic_history",
            &[
                ("years", &years.to_string()),
                ("periods", &periods.to_string()),
                ("vacancies", &vacancies.len().to_string()),
                ("candidates", &candidates.to_string()),
            ]
        )
    );
    Ok(())
}

/// A counter on stderr, "label 2000/100000", rewritten in place.
fn progress(label: String, total: usize) -> impl FnMut(usize) {
    move |done| {
        let mut err = std::io::stderr();
        let _ = write!(err, "\r{label} {done}/{total}");
        let _ = err.flush();
    }
}
