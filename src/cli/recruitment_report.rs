//! `dossier vacancy report ID`: the per-vacancy report as text, JSON, or a CSV file.

use std::path::Path;

use super::out::outln;
use super::report::{print_table, sheet_error};
use super::{CliError, Ctx, print_json};
use crate::store::Access;

pub fn run(
    ctx: &Ctx,
    id: i64,
    json: bool,
    csv: Option<&Path>,
    force: super::overwrite::Force,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let r = store.recruitment();
    let fail = |e| CliError::store(i, &e);
    let vacancy = r.vacancy(id).map_err(fail)?;
    let report = r.vacancy_report(id).map_err(fail)?;
    let tables = crate::recruitment_sheets::vacancy_report(&report, i);
    if let Some(path) = csv {
        crate::sheet::write_csv(path, &tables, force.existing()).map_err(|e| sheet_error(i, e))?;
        let line = i.tf("report.written", &[("path", &path.display().to_string())]);
        // With --json, stdout carries only the JSON.
        if json {
            eprintln!("{line}");
        } else {
            outln!("{line}");
        }
    }
    if json {
        return print_json(
            &serde_json::json!({ "vacancy": vacancy.data.title, "id": id, "report": report }),
        );
    }
    if csv.is_some() {
        return Ok(());
    }
    outln!(
        "{}",
        i.tf(
            "recruit.report_title",
            &[
                ("title", &vacancy.data.title),
                ("count", &report.applicants.to_string())
            ]
        )
    );
    for t in &tables {
        print_table(t);
        if t.rows.is_empty() {
            outln!("{}", i.t("recruit.report_none"));
        }
    }
    Ok(())
}
