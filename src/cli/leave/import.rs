//! `dossier leave import`: leave history from a CSV file, all rows or none.

use super::day_minutes;
use crate::cli::out::outln;
use crate::cli::{CliError, Ctx, import_error};
use crate::csvio;
use crate::domain::date::format_date;
use crate::domain::leave::import::LeaveImportInput;
use crate::store::Access;

pub(super) fn import(ctx: &Ctx, file: &std::path::Path, dry_run: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let rows = csvio::read_file::<LeaveImportInput>(file)
        .map_err(|e| CliError::input(format!("{}: {e}", file.display())))?;
    let store = ctx.open(Access::ReadWrite)?;
    let saved = store
        .leave()
        .import_requests(&rows, dry_run, i.lang.code())
        .map_err(|e| import_error(i, e))?;
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    // Every row was saved, in file order.
    for ((line, row), (_, r)) in rows.iter().zip(&saved) {
        let day = day_minutes(ctx, &store, r.employee_id, r.from)?;
        outln!(
            "{} {line:<5} {:<8} {:<30} {} – {} {:>10} {}",
            i.t("cli.line"),
            row.employee.trim(),
            types
                .iter()
                .find(|t| t.id == r.type_id)
                .map(|t| t.name(i.lang.code()))
                .unwrap_or_default(),
            format_date(r.from),
            format_date(r.to),
            i.leave_amount(i64::from(r.minutes), day),
            i.choice(r.status)
        );
    }
    let key = if dry_run {
        "cli.import_checked"
    } else {
        "cli.leave_imported"
    };
    outln!("{}", i.tf(key, &[("count", &saved.len().to_string())]));
    Ok(())
}
