//! `dossier leave totals`: absence per employee and type in a year, streamed person by person.

use chrono::Datelike;
use serde::Serialize;

use super::day_minutes;
use crate::cli::out::{out, outln};
use crate::cli::{CliError, Ctx};
use crate::domain::leave::rules::day_in_year;
use crate::domain::leave::totals::TotalAmount;
use crate::store::{Access, ListQuery};

#[derive(Serialize)]
struct TotalLine<'a> {
    employee: &'a str,
    name: &'a str,
    year: i32,
    leave_type: &'a str,
    #[serde(flatten)]
    amount: TotalAmount,
}

pub(super) fn totals(
    ctx: &Ctx,
    year: Option<i32>,
    employee: Option<String>,
    json: bool,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let today = ctx.clock.today();
    let year = year.unwrap_or(today.year());
    // Leave shown in the person's days of the year's regime: at its end, or today in the running year.
    let on = day_in_year(year, today);
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    let mut first = true;
    // Printed as it is computed, person by person: memory stays flat at any size of company.
    let mut person = |id: i64, number: &str, name: &str| -> Result<(), CliError> {
        let totals = store
            .leave()
            .absence_totals(id, year)
            .map_err(|e| CliError::store(i, &e))?;
        if totals.is_empty() {
            return Ok(());
        }
        let day = day_minutes(ctx, &store, id, on)?;
        for t in &totals {
            if json {
                let line = TotalLine {
                    employee: number,
                    name,
                    year,
                    leave_type: &t.code,
                    amount: t.amount,
                };
                let text =
                    serde_json::to_string(&line).map_err(|e| CliError::storage(e.to_string()))?;
                out!("{}{text}", if first { "\n  " } else { ",\n  " });
                first = false;
                continue;
            }
            let amount = match t.amount {
                TotalAmount::Minutes(m) => i.leave_amount(i64::from(m), day),
                TotalAmount::CalendarDays(d) => {
                    i.tf("detail.calendar_days", &[("days", &d.to_string())])
                }
            };
            outln!(
                "{:<8} {:<28} {:<40} {:>12}",
                number,
                name,
                types
                    .iter()
                    .find(|x| x.id == t.type_id)
                    .map(|x| x.name(i.lang.code()))
                    .unwrap_or(&t.code),
                amount
            );
        }
        Ok(())
    };
    if json {
        out!("[");
    }
    match employee {
        Some(n) => {
            let e = store
                .employees()
                .by_number(&n)
                .map_err(|e| CliError::store(i, &e))?;
            person(e.id, &e.data.number, &e.data.display_name())?;
        }
        None => {
            // People who left are in: their absences still belong to the year.
            let q = ListQuery {
                include_left: true,
                ..Default::default()
            };
            let mut cursor = None;
            loop {
                let page = store
                    .employees()
                    .page(&q, cursor.as_ref(), false, 1000)
                    .map_err(|e| CliError::store(i, &e))?;
                let Some(last) = page.last() else { break };
                cursor = Some(last.cursor.clone());
                for r in &page {
                    person(r.id, &r.number, &r.name)?;
                }
            }
        }
    }
    if json {
        outln!("{}]", if first { "" } else { "\n" });
    }
    Ok(())
}
