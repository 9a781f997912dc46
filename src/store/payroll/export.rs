//! Exporting a month: its lines, the corrections for months sent before, the lock. What was sent is
//! kept line by line; a change recorded after an export (a hand entry, leave or sickness in a month
//! already sent) is found through the audit trail and sent as correction lines (now − sent) with the
//! next export, for its own month.

use std::collections::{HashMap, HashSet};

use rusqlite::params;
use serde::Serialize;

use super::facts::MonthFacts;
use super::{PayRow, PayrollRepo};
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::payroll::lines::{LineKind, PayLine, corrections, lines};
use crate::domain::payroll::month::PayMonth;
use crate::store::rows::{date, iso};
use crate::store::{PageCursor, Result, StoreError, Tx};

/// Who a line is about, as the file names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub number: String,
    pub name: String,
}

/// What an export will send: the month's lines and the corrections of earlier months.
pub struct ExportPlan {
    pub month: PayMonth,
    /// The month was exported before: its own lines are sent again for reference, and only the
    /// corrections are kept as newly sent.
    pub again: bool,
    pub lines: Vec<PayLine>,
    pub corrections: Vec<PayLine>,
    pub people: HashMap<i64, Person>,
    /// The month's facts, for the names of leave types and items in the file.
    pub facts: MonthFacts,
}

/// Receives an export's lines one by one, the month's own first, then the corrections (`true`):
/// with the month's facts (to name leave types and items) and the person the line is about.
pub type Emit<'e> = dyn FnMut(&MonthFacts, &PayLine, &Person, bool) -> Result<()> + 'e;

/// How many lines an export sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportCount {
    pub lines: usize,
    pub corrections: usize,
}

impl PayrollRepo<'_> {
    /// Works out an export of `month` without writing anything. A month already exported is refused
    /// unless `again`. Holds every line: for tests and small companies; the export itself streams
    /// ([`Self::export_streamed`]).
    pub fn prepare_export(&self, month: PayMonth, again: bool) -> Result<ExportPlan> {
        let exported = self.refuse_again(month, again)?;
        let mut people = HashMap::new();
        let (mut lines, mut fixes) = (Vec::new(), Vec::new());
        let facts = self.walk_export(month, exported, &mut |_, l, p, correction| {
            people.entry(l.employee_id).or_insert_with(|| p.clone());
            if correction { &mut fixes } else { &mut lines }.push(l.clone());
            Ok(())
        })?;
        Ok(ExportPlan {
            month,
            again: exported,
            lines,
            corrections: fixes,
            people,
            facts,
        })
    }

    /// Exports `month` line by line: each line is recorded as sent and handed to `emit` (which
    /// writes it to the file) as soon as it is computed, so memory stays flat at any size; `finish`
    /// then completes the file. All in one transaction: if the file cannot be completed nothing is
    /// recorded, and the month locks only together with its file. `file` is what the audit names.
    pub fn export_streamed(
        &self,
        month: PayMonth,
        again: bool,
        file: &str,
        emit: &mut Emit<'_>,
        finish: impl FnOnce() -> Result<()>,
    ) -> Result<ExportCount> {
        let exported = self.refuse_again(month, again)?;
        self.store.write(|tx| {
            let id = begin_export(tx, month, file)?;
            let mut st = tx.conn.prepare_cached(INSERT_LINE)?;
            let mut count = ExportCount {
                lines: 0,
                corrections: 0,
            };
            self.walk_export(month, exported, &mut |facts, l, p, correction| {
                // A month sent again is recorded by its corrections only.
                if correction || !exported {
                    insert_line(&mut st, id, l, correction)?;
                }
                *if correction {
                    &mut count.corrections
                } else {
                    &mut count.lines
                } += 1;
                emit(facts, l, p, correction)
            })?;
            end_export(tx, id, month, file, count, exported)?;
            finish()?;
            Ok(count)
        })
    }

    /// Whether the month was exported before; an error unless `again` then.
    fn refuse_again(&self, month: PayMonth, again: bool) -> Result<bool> {
        let exported = self.is_exported(month.year, month.month)?;
        if exported && !again {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("month", "err.pay_already_exported").arg("month", month.shown()),
            ])));
        }
        Ok(exported)
    }

    /// Computes the export's lines and hands each to `emit`: the month's person by person, then the
    /// corrections of the month itself (when `exported` before) and of earlier months sent. Only a
    /// month sent again keeps its own lines in memory, to compare them with what was sent.
    fn walk_export(
        &self,
        month: PayMonth,
        exported: bool,
        emit: &mut Emit<'_>,
    ) -> Result<MonthFacts> {
        let facts = self.facts(month)?;
        let mut month_lines = Vec::new();
        self.for_each_month(&facts, |row, m| {
            let p = person(row);
            for l in lines(&m, &facts.settings) {
                emit(&facts, &l, &p, false)?;
                if exported {
                    month_lines.push(l);
                }
            }
            Ok(())
        })?;
        let mut fixes = Vec::new();
        if exported {
            fixes.extend(corrections(&month_lines, &self.sent(month, None)?));
        }
        drop(month_lines);
        let mut people = HashMap::new();
        // Months sent before: only the people with a change since the last export are recounted
        // (everyone after a company-wide change such as the calendar or a leave type's code).
        let changed = self.changed_since_last_export()?;
        for earlier in self.exported_months()?.into_iter().filter(|m| *m < month) {
            let rows = match &changed {
                Some(ids) if ids.is_empty() => continue,
                Some(ids) => self.rows_in_service(earlier, ids)?,
                None => self.all_rows(earlier)?,
            };
            let facts = self.facts(earlier)?;
            let mut now = Vec::new();
            for row in &rows {
                people.insert(row.id, person(row));
                now.extend(lines(&self.person_month(&facts, row)?, &facts.settings));
            }
            // A person with a change who is no longer in service that month has all of it taken back.
            let sent = self.sent(earlier, changed.as_ref())?;
            fixes.extend(corrections(&now, &sent));
        }
        for l in &fixes {
            if let std::collections::hash_map::Entry::Vacant(v) = people.entry(l.employee_id) {
                let e = self.store.employees().get(l.employee_id)?;
                v.insert(Person {
                    number: e.data.number.clone(),
                    name: e.data.display_name(),
                });
            }
            emit(&facts, l, &people[&l.employee_id], true)?;
        }
        Ok(facts)
    }

    /// Records an export whose file was written: the month locks, and what was sent is kept.
    pub fn record_export(&self, plan: &ExportPlan, file: &str) -> Result<i64> {
        self.store.write(|tx| {
            let id = begin_export(tx, plan.month, file)?;
            let mut st = tx.conn.prepare_cached(INSERT_LINE)?;
            let first = if plan.again { &[][..] } else { &plan.lines[..] };
            let sent = first
                .iter()
                .map(|l| (l, false))
                .chain(plan.corrections.iter().map(|l| (l, true)));
            for (l, correction) in sent {
                insert_line(&mut st, id, l, correction)?;
            }
            let count = ExportCount {
                lines: plan.lines.len(),
                corrections: plan.corrections.len(),
            };
            end_export(tx, id, plan.month, file, count, plan.again)?;
            Ok(id)
        })
    }

    /// What was sent for `month` (its lines and every correction of it): everyone's, or (through the
    /// index on month and person) only some people's.
    fn sent(&self, month: PayMonth, only: Option<&HashSet<i64>>) -> Result<Vec<PayLine>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT employee_id, kind, code, what, day, days, minutes, cents, km, note
             FROM payroll_export_lines WHERE for_month = ?1 AND (?2 IS NULL OR employee_id = ?2)
             ORDER BY id",
        )?;
        let m = month.to_string();
        let mut read = |employee: Option<i64>| -> Result<Vec<PayLine>> {
            let rows = st.query_map(params![m, employee], |r| {
                let kind: String = r.get(1)?;
                Ok(PayLine {
                    employee_id: r.get(0)?,
                    for_month: month,
                    kind: crate::store::rows::choice::<LineKind>(1, kind)?,
                    code: r.get(2)?,
                    what: r.get(3)?,
                    date: date(r.get(4)?),
                    days: r.get(5)?,
                    minutes: r.get(6)?,
                    cents: r.get(7)?,
                    km: r.get(8)?,
                    note: r.get(9)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        match only {
            None => read(None),
            Some(ids) => {
                let mut out = Vec::new();
                for id in ids {
                    out.extend(read(Some(*id))?);
                }
                Ok(out)
            }
        }
    }

    /// Months exported at least once, oldest first.
    pub fn exported_months(&self) -> Result<Vec<PayMonth>> {
        let mut st = self
            .store
            .conn()
            .prepare_cached("SELECT DISTINCT month FROM payroll_exports ORDER BY month")?;
        let months = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(months.iter().filter_map(|m| PayMonth::parse(m)).collect())
    }

    /// The people with a change recorded after the last export; `None` when a company-wide change
    /// (calendar, leave types, settings) may have changed everyone's figures.
    fn changed_since_last_export(&self) -> Result<Option<HashSet<i64>>> {
        let mark: i64 = self.store.conn().query_row(
            "SELECT coalesce(max(audit_mark), 0) FROM payroll_exports",
            [],
            |r| r.get(0),
        )?;
        let mut st = self
            .store
            .conn()
            .prepare_cached("SELECT DISTINCT employee_id FROM audit WHERE id > ?1")?;
        let ids = st
            .query_map([mark], |r| r.get::<_, Option<i64>>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if ids.iter().any(Option::is_none) {
            return Ok(None);
        }
        Ok(Some(ids.into_iter().flatten().collect()))
    }

    fn all_rows(&self, month: PayMonth) -> Result<Vec<PayRow>> {
        let mut out = Vec::new();
        let mut cursor: Option<PageCursor> = None;
        loop {
            let page = self.staff_page(month, cursor.as_ref(), false, 1000)?;
            let Some(last) = page.last() else { break };
            cursor = Some(last.cursor.clone());
            out.extend(page);
        }
        Ok(out)
    }

    /// Those of `ids` in service in `month`.
    fn rows_in_service(&self, month: PayMonth, ids: &HashSet<i64>) -> Result<Vec<PayRow>> {
        let mut out = Vec::new();
        for id in ids {
            let e = match self.store.employees().get(*id) {
                Ok(e) => e,
                // Removed since: its lines went with it.
                Err(StoreError::NotFound(_)) => continue,
                Err(e) => return Err(e),
            };
            let end = self.store.employees().departure(*id)?.map(|d| d.end_date);
            if e.data.start_date <= month.last_day() && end.is_none_or(|d| d >= month.first_day()) {
                out.push(PayRow {
                    id: *id,
                    number: e.data.number.clone(),
                    name: e.data.display_name(),
                    start: e.data.start_date,
                    end,
                    category: e.data.category,
                    cursor: PageCursor {
                        key: String::new(),
                        id: *id,
                    },
                });
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        Ok(out)
    }
}

/// What the audit row of an export says.
#[derive(Serialize)]
struct Summary<'a> {
    month: String,
    file: &'a str,
    lines: usize,
    corrections: usize,
}

/// Opens the record of an export of `month` to `file`; its lines follow under the returned id.
fn begin_export(tx: &Tx<'_>, month: PayMonth, file: &str) -> Result<i64> {
    let at = tx.now.format("%Y-%m-%dT%H:%M:%S").to_string();
    tx.conn.execute(
        "INSERT INTO payroll_exports (month, exported_at, file) VALUES (?1, ?2, ?3)",
        params![month.to_string(), at, file],
    )?;
    Ok(tx.conn.last_insert_rowid())
}

/// Closes the record of an export: audited with what was sent, and marked with that audit row so
/// that later changes to the month are found as corrections.
fn end_export(
    tx: &Tx<'_>,
    id: i64,
    month: PayMonth,
    file: &str,
    count: ExportCount,
    again: bool,
) -> Result<()> {
    let summary = Summary {
        month: month.to_string(),
        file,
        lines: count.lines,
        corrections: count.corrections,
    };
    let action = if again { "export_again" } else { "export" };
    tx.audit(
        "payroll_export",
        id,
        None,
        action,
        None::<&()>,
        Some(&summary),
    )?;
    tx.conn.execute(
        "UPDATE payroll_exports SET audit_mark = (SELECT max(id) FROM audit) WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

const INSERT_LINE: &str = "INSERT INTO payroll_export_lines (export_id, employee_id, for_month, correction, kind, code,
     what, day, days, minutes, cents, km, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

fn insert_line(
    st: &mut rusqlite::CachedStatement<'_>,
    export_id: i64,
    l: &PayLine,
    correction: bool,
) -> Result<()> {
    st.execute(params![
        export_id,
        l.employee_id,
        l.for_month.to_string(),
        correction,
        l.kind.code(),
        l.code,
        l.what,
        iso(l.date),
        l.days,
        l.minutes,
        l.cents,
        l.km,
        l.note
    ])?;
    Ok(())
}

fn person(row: &PayRow) -> Person {
    Person {
        number: row.number.clone(),
        name: row.name.clone(),
    }
}
