//! `dossier bench [--keys FILE] [--json]`: the headless key replay of crate::bench, printed.

use std::path::Path;

use super::out::outln;
use super::{CliError, Ctx, print_json};
use crate::bench::{self, BenchReport, ScriptError};
use crate::store::{Access, Store};

pub fn run(ctx: &Ctx, keys: Option<&Path>, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let text = match keys {
        Some(p) => std::fs::read_to_string(p).map_err(|e| {
            CliError::input(i.tf(
                "cli.bench_no_script",
                &[
                    ("path", &p.display().to_string()),
                    ("error", &e.to_string()),
                ],
            ))
        })?,
        None => bench::DEFAULT_SCRIPT.to_string(),
    };
    let steps = bench::parse(&text).map_err(|e| {
        CliError::input(match e {
            ScriptError::NoLabel { line } => {
                i.tf("cli.bench_no_label", &[("line", &line.to_string())])
            }
            ScriptError::UnknownKey { line, key } => i.tf(
                "cli.bench_unknown_key",
                &[("line", &line.to_string()), ("key", &key)],
            ),
            ScriptError::Empty => i.t("cli.bench_empty"),
        })
    })?;
    // Read-only: the script cannot change the data, and it may run beside an open Dossier.
    let key = super::crypt::passphrase_for(i, &ctx.db)?;
    let open = || Store::open_keyed(&ctx.db, Access::ReadOnly, ctx.clock, key.as_ref());
    let report = bench::run(&open, *i, &steps).map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&report);
    }
    print_text(ctx, &report);
    Ok(())
}

fn print_text(ctx: &Ctx, r: &BenchReport) {
    let i = &ctx.i18n;
    let f = |v: f64| format!("{v:.1}");
    outln!(
        "{}",
        i.tf(
            "cli.bench_head",
            &[
                ("people", &r.people.to_string()),
                ("size", &format!("{}×{}", r.width, r.height)),
                ("keys", &r.keys.count.to_string()),
            ]
        )
    );
    outln!(
        "{}",
        i.tf(
            "cli.bench_first",
            &[
                ("today", &f(r.first_frame.today_ms)),
                ("dossiers", &f(r.first_frame.dossiers_ms)),
            ]
        )
    );
    outln!(
        "{:<12} {:>5} {:>9} {:>9} {:>9}",
        i.t("cli.bench_group"),
        i.t("cli.bench_count"),
        "p50 ms",
        "p99 ms",
        "max ms"
    );
    let all = i.t("cli.bench_all");
    for (name, s) in r
        .groups
        .iter()
        .map(|g| (g.name.as_str(), &g.times))
        .chain([(all.as_str(), &r.keys)])
    {
        outln!(
            "{:<12} {:>5} {:>9} {:>9} {:>9}",
            name,
            s.count,
            f(s.p50_ms),
            f(s.p99_ms),
            f(s.max_ms)
        );
    }
    let slowest: Vec<String> = r
        .slowest
        .iter()
        .map(|k| format!("{} «{}» {} ms", k.group, k.key, f(k.ms)))
        .collect();
    outln!(
        "{}",
        i.tf("cli.bench_slowest", &[("keys", &slowest.join(", "))])
    );
    if let Some(kb) = r.peak_rss_kb {
        outln!(
            "{}",
            i.tf(
                "cli.bench_rss",
                &[("mb", &format!("{:.1}", kb as f64 / 1024.0))]
            )
        );
    }
}
