//! The demo company's Dimona register and checklist progress: almost everyone declared, the recent
//! hires' and leavers' tasks ticked as an assistant would have done them, a few left open. One
//! upcoming starter has no IN yet and the most recent leaver no OUT, so Today has something real.

use chrono::{Duration, NaiveDate};

use super::rows::date;
use super::{Result, Store};
use crate::domain::checklist::{DIMONA_IN, DIMONA_OUT};
use crate::domain::dimona::{DimonaKind, next_working_day};

/// Tasks the demo leaves open even when their day has passed: they show as overdue.
const LEFT_OPEN: &[&str] = &["medical", "first_month_talk", "access_closed"];

impl Store {
    /// Declares Dimona for the people already loaded and ticks their checklists' past tasks.
    pub fn load_demo_checklists(&self, today: NaiveDate) -> Result<()> {
        // id, start, end (left), status: everyone, first day order.
        let people: Vec<(i64, NaiveDate, Option<NaiveDate>, String)> = {
            let mut st = self.conn().prepare(
                "SELECT id, start_date, end_date, status FROM employees ORDER BY start_date, id",
            )?;
            st.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    date(r.get(1)?).unwrap_or(today),
                    date(r.get(2)?),
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let last_starter = people
            .iter()
            .filter(|p| p.3 == "hired")
            .map(|p| p.0)
            .next_back();
        let last_leaver = people
            .iter()
            .filter_map(|p| p.2.map(|end| (end, p.0)))
            .max()
            .map(|(_, id)| id);
        let dimona = self.dimona();
        for (id, start, end, _) in &people {
            if Some(*id) != last_starter {
                let mut input = dimona.prefill(*id, DimonaKind::In)?;
                let on = (*start - Duration::days(3)).min(today);
                input.declared_on = crate::domain::date::format_date(on);
                input.reference = reference(*id, 1);
                dimona.add(*id, &input)?;
            }
            if let Some(end) = end
                && Some(*id) != last_leaver
                && !crate::domain::dimona::has_out(&dimona.declarations(*id)?, *end)
            {
                let mut input = dimona.prefill(*id, DimonaKind::Out)?;
                input.declared_on =
                    crate::domain::date::format_date(next_working_day(*end).min(today));
                input.reference = reference(*id, 1);
                dimona.add(*id, &input)?;
            }
        }
        // Past tasks done on their day by the assistant, except the ones the demo leaves open.
        let checklists = self.checklists();
        for (id, ..) in &people {
            for c in checklists.for_employee(*id)? {
                for t in c.tasks {
                    let past = t.due < today - Duration::days(1);
                    // The Dimona tasks are done by the register, never ticked.
                    let by_register = t.code == DIMONA_IN || t.code == DIMONA_OUT;
                    if t.done.is_none()
                        && past
                        && !by_register
                        && !LEFT_OPEN.contains(&t.code.as_str())
                    {
                        self.write(|tx| tx.set_task_done(*id, &t, Some((t.due, "Sofie"))))?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A period id in the RSZ/ONSS style: a long number, fixed per person.
fn reference(id: i64, n: i64) -> String {
    format!("{:012}", 400_318_000_000 + id * 7_919 + n)
}
