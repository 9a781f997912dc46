//! `dossier leave year-end`: closing a leave year, shown per person in their own days.

use chrono::NaiveDate;

use super::day_minutes;
use crate::cli::out::outln;
use crate::cli::{CliError, Ctx, print_json};
use crate::store::Access;

pub(super) fn year_end(ctx: &Ctx, year: i32, dry_run: bool, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let lines = store
        .leave()
        .close_year(year, dry_run)
        .map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&lines);
    }
    outln!(
        "  {:<8} {:<28} {:>12} {:>14} {:>12} {:>14}",
        i.t("col.number"),
        i.t("col.name"),
        i.t("col.carried"),
        i.t("col.illness_carry"),
        i.t("col.expired"),
        i.t("col.unused_legal")
    );
    // Amounts in the person's own days, in the regime they had at the end of the year.
    let on = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(ctx.clock.today());
    let mut rows = 0;
    for l in &lines {
        let day = day_minutes(ctx, &store, l.employee_id, on)?;
        rows += l.rows.len();
        outln!(
            "{} {:<8} {:<28} {:>12} {:>14} {:>12} {:>14}",
            if l.rows.is_empty() { " " } else { "*" },
            l.number,
            l.name,
            i.leave_amount(l.carried, day),
            i.leave_amount(l.illness_carry, day),
            i.leave_amount(l.expired, day),
            i.leave_amount(l.unused_legal_reported, day)
        );
    }
    let args = [
        ("year", year.to_string()),
        ("count", lines.len().to_string()),
        ("rows", rows.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = if dry_run {
        "cli.year_end_dry_run"
    } else {
        "cli.year_closed"
    };
    outln!("{}", i.tf(key, &args));
    let unused = lines.iter().filter(|l| l.unused_legal_reported > 0).count();
    if unused > 0 {
        outln!(
            "{}",
            i.tf(
                "cli.year_end_unused",
                &[
                    ("count", &unused.to_string()),
                    ("column", &i.t("col.unused_legal"))
                ]
            )
        );
    }
    Ok(())
}
