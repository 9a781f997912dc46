//! Payroll variables in the store: the company's payroll settings, hand entries per person and
//! month, commuting distances, the people in service in a month (paged), and the facts each
//! person's month is computed from. Exports and their locks live in `payroll/export.rs`.

mod export;
mod facts;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::rows::date;
use super::{PageCursor, Result, Store, StoreError};
use crate::domain::employee::WorkerCategory;
use crate::domain::payroll::entry::{HandEntry, PayEntryInput, RemoveEntryInput};
use crate::domain::payroll::month::PayMonth;
use crate::domain::payroll::settings::PayrollSettings;

pub use export::{Emit, ExportCount, ExportPlan, Person};
pub use facts::MonthFacts;

/// Setting key of [`PayrollSettings`].
pub const PAYROLL: &str = "payroll";

pub struct PayrollRepo<'a> {
    pub(super) store: &'a Store,
}

/// One person in service in a month, as the review lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayRow {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub start: chrono::NaiveDate,
    pub end: Option<chrono::NaiveDate>,
    pub category: WorkerCategory,
    #[serde(skip)]
    pub cursor: PageCursor,
}

/// Employed on some day of the month: started by its last day, not left before its first.
const IN_SERVICE: &str = "e.start_date <= ?1 AND (e.end_date IS NULL OR e.end_date >= ?2)";

fn month_args(m: PayMonth) -> (String, String) {
    (
        crate::domain::date::iso(m.last_day()),
        crate::domain::date::iso(m.first_day()),
    )
}

impl PayrollRepo<'_> {
    pub fn settings(&self) -> Result<PayrollSettings> {
        self.store.settings().get(PAYROLL)
    }

    pub fn set_settings(&self, s: &PayrollSettings) -> Result<()> {
        self.store.settings().set(PAYROLL, s)
    }

    /// How many people were employed on some day of `month`.
    pub fn staff_count(&self, month: PayMonth) -> Result<u64> {
        let (last, first) = month_args(month);
        let n: i64 = self
            .store
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM employees e WHERE {IN_SERVICE}"
            ))?
            .query_row(params![last, first], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// A page of the people in service in `month`, by name, after (or, `backwards`, before) `cursor`.
    pub fn staff_page(
        &self,
        month: PayMonth,
        cursor: Option<&PageCursor>,
        backwards: bool,
        limit: usize,
    ) -> Result<Vec<PayRow>> {
        let (last, first) = month_args(month);
        let (op, dir) = if backwards {
            ("<", "DESC")
        } else {
            (">", "ASC")
        };
        let after = if cursor.is_some() {
            format!("AND (e.sort_name, e.id) {op} (?3, ?4)")
        } else {
            "AND ?3 IS NULL AND ?4 IS NULL".into()
        };
        let sql = format!(
            "SELECT e.id, e.number, e.last_name, e.first_name, e.preferred_name, e.start_date, e.end_date,
                    e.sort_name, e.category
             FROM employees e WHERE {IN_SERVICE} {after}
             ORDER BY e.sort_name {dir}, e.id {dir} LIMIT ?5"
        );
        let mut st = self.store.conn().prepare_cached(&sql)?;
        let mut rows = st
            .query_map(
                params![
                    last,
                    first,
                    cursor.map(|c| c.key.clone()),
                    cursor.map(|c| c.id),
                    limit as i64
                ],
                |r| {
                    let first: String = r.get(3)?;
                    let preferred: String = r.get(4)?;
                    let last: String = r.get(2)?;
                    let shown = if preferred.is_empty() {
                        first
                    } else {
                        preferred
                    };
                    Ok(PayRow {
                        id: r.get(0)?,
                        number: r.get(1)?,
                        name: format!("{last}, {shown}"),
                        start: date(r.get(5)?).unwrap_or_default(),
                        end: date(r.get(6)?),
                        category: super::rows::choice(8, r.get(8)?)?,
                        cursor: PageCursor {
                            key: r.get(7)?,
                            id: r.get(0)?,
                        },
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if backwards {
            rows.reverse();
        }
        Ok(rows)
    }

    /// The hand entries of a month, oldest first; `employee_id` narrows them to one person.
    pub fn entries(&self, month: PayMonth, employee_id: Option<i64>) -> Result<Vec<HandEntry>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, employee_id, item, quantity, note, reason FROM payroll_entries
             WHERE month = ?1 AND (?2 IS NULL OR employee_id = ?2) ORDER BY id",
        )?;
        let rows = st.query_map(params![month.to_string(), employee_id], |r| {
            Ok(HandEntry {
                id: r.get(0)?,
                employee_id: r.get(1)?,
                item: r.get(2)?,
                quantity: r.get(3)?,
                note: r.get(4)?,
                reason: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a hand entry. In a month already exported it needs a reason, and shows up as a
    /// correction in the next export.
    pub fn add_entry(
        &self,
        employee_id: i64,
        month: PayMonth,
        input: &PayEntryInput,
    ) -> Result<HandEntry> {
        let employee = self.store.employees().get(employee_id)?;
        let locked = self.is_exported(month.year, month.month)?;
        let c = input.validate(&self.settings()?, locked)?;
        let end = self
            .store
            .employees()
            .departure(employee_id)?
            .map(|d| d.end_date);
        let employed = employee.data.start_date <= month.last_day()
            && end.is_none_or(|e| e >= month.first_day());
        if !employed {
            return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                vec![
                    crate::domain::error::FieldError::new("item", "err.pay_not_employed")
                        .arg("month", month.shown()),
                ],
            )));
        }
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO payroll_entries (employee_id, month, item, quantity, note, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    employee_id,
                    month.to_string(),
                    c.item,
                    c.quantity,
                    c.note,
                    c.reason,
                    tx.now.format("%Y-%m-%dT%H:%M:%S").to_string()
                ],
            )?;
            let entry = HandEntry {
                id: tx.conn.last_insert_rowid(),
                employee_id,
                item: c.item.clone(),
                quantity: c.quantity,
                note: c.note.clone(),
                reason: c.reason.clone(),
            };
            tx.audit(
                "payroll_entry",
                entry.id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&(month.to_string(), &entry)),
            )?;
            Ok(entry)
        })
    }

    /// The hand entry with this id, with its month; `NotFound` when there is none.
    pub fn entry(&self, id: i64) -> Result<(PayMonth, HandEntry)> {
        let (month, employee_id): (String, i64) = self
            .store
            .conn()
            .query_row(
                "SELECT month, employee_id FROM payroll_entries WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("payroll entry {id}")))?;
        let month = PayMonth::parse(&month).ok_or_else(|| {
            StoreError::Other(anyhow::anyhow!("payroll entry {id}: bad month {month}"))
        })?;
        let entry = self
            .entries(month, Some(employee_id))?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("payroll entry {id}")))?;
        Ok((month, entry))
    }

    /// Takes back a hand entry of the person's month (a typo, a premium entered twice). In a month
    /// already exported it needs a reason, and the next export sends the difference as a correction
    /// (found, like any change, through the audit row written here).
    pub fn remove_entry(
        &self,
        employee_id: i64,
        month: PayMonth,
        input: &RemoveEntryInput,
    ) -> Result<HandEntry> {
        let entries = self.entries(month, Some(employee_id))?;
        let locked = self.is_exported(month.year, month.month)?;
        let (id, reason) = input.validate(&entries, locked)?;
        let entry = entries
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("payroll entry {id}")))?;
        self.store.write(|tx| {
            tx.conn
                .execute("DELETE FROM payroll_entries WHERE id = ?1", [id])?;
            tx.audit(
                "payroll_entry",
                id,
                Some(employee_id),
                "delete",
                Some(&(month.to_string(), &entry)),
                Some(&serde_json::json!({ "reason": reason })),
            )?;
            Ok(entry)
        })
    }

    /// One-way distance home–workplace in km, when recorded.
    pub fn commute_km(&self, employee_id: i64) -> Result<Option<u32>> {
        Ok(self
            .store
            .conn()
            .prepare_cached("SELECT km FROM payroll_commute WHERE employee_id = ?1")?
            .query_row([employee_id], |r| r.get(0))
            .optional()?)
    }

    /// Records the distance (audited); `None` forgets it.
    pub fn set_commute_km(&self, employee_id: i64, km: Option<u32>) -> Result<()> {
        self.store.employees().get(employee_id)?;
        let old = self.commute_km(employee_id)?;
        if km.is_some_and(|k| k > 500) {
            return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                vec![crate::domain::error::FieldError::new("km", "err.pay_km")],
            )));
        }
        self.store.write(|tx| {
            match km {
                Some(k) => tx.conn.execute(
                    "INSERT INTO payroll_commute (employee_id, km) VALUES (?1, ?2)
                     ON CONFLICT (employee_id) DO UPDATE SET km = excluded.km",
                    params![employee_id, k],
                )?,
                None => tx.conn.execute(
                    "DELETE FROM payroll_commute WHERE employee_id = ?1",
                    [employee_id],
                )?,
            };
            tx.audit(
                "payroll_commute",
                employee_id,
                Some(employee_id),
                "save",
                Some(&old),
                Some(&km),
            )
        })
    }

    /// The latest month that was exported, for the Today tab ("last month not sent yet").
    pub fn last_exported_month(&self) -> Result<Option<(i32, u32)>> {
        let m: Option<String> =
            self.store
                .conn()
                .query_row("SELECT max(month) FROM payroll_exports", [], |r| r.get(0))?;
        Ok(m.and_then(|m| PayMonth::parse(&m))
            .map(|m| (m.year, m.month)))
    }

    /// Whether the month was exported (and so is locked).
    pub fn is_exported(&self, year: i32, month: u32) -> Result<bool> {
        let m = PayMonth::new(year, month)
            .map(|m| m.to_string())
            .unwrap_or_default();
        Ok(self
            .store
            .conn()
            .prepare_cached("SELECT 1 FROM payroll_exports WHERE month = ?1 LIMIT 1")?
            .query_row([m], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// When the month was first exported (the day it locked).
    pub fn exported_on(&self, month: PayMonth) -> Result<Option<chrono::NaiveDate>> {
        let at: Option<String> = self.store.conn().query_row(
            "SELECT min(exported_at) FROM payroll_exports WHERE month = ?1",
            [month.to_string()],
            |r| r.get(0),
        )?;
        Ok(at.and_then(|a| date(Some(a.chars().take(10).collect()))))
    }
}
