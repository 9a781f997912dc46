//! The leave ledger: rows are only ever added. Balances are computed from them by the domain.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Row, params};

use super::LeaveRepo;
use crate::domain::choice::Choice;
use crate::domain::leave::leave_type::Counting;
use crate::domain::leave::ledger::{Balance, Bucket, LedgerEntry, balances};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError, Tx};

pub(in crate::store) const COLUMNS: &str =
    "year, bucket, kind, minutes, day, expires, reason, request_id";

pub(in crate::store) fn entry(r: &Row<'_>) -> rusqlite::Result<LedgerEntry> {
    Ok(LedgerEntry {
        year: r.get(0)?,
        bucket: choice(1, r.get(1)?)?,
        kind: choice(2, r.get(2)?)?,
        minutes: r.get(3)?,
        date: date(r.get(4)?).unwrap_or_default(),
        expires: date(r.get(5)?),
        reason: r.get(6)?,
        request_id: r.get(7)?,
    })
}

/// The buckets a leave type draws from, in order: what expires first goes first; supplementary
/// leave only once the statutory days are used (BELGIAN-RULES.md §2).
pub fn buckets_for(counting: Counting) -> &'static [Bucket] {
    match counting {
        Counting::None => &[],
        Counting::Annual => &[
            Bucket::Legal,
            Bucket::IllnessCarryOver,
            Bucket::Supplementary,
        ],
        Counting::Extralegal => &[Bucket::CarriedOver, Bucket::Extralegal],
    }
}

impl Tx<'_> {
    /// Appends ledger rows (audited as one event per call). Malformed rows are refused.
    pub(in crate::store) fn insert_ledger(
        &self,
        employee_id: i64,
        rows: &[LedgerEntry],
    ) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        if let Some(bad) = rows.iter().find(|r| !r.is_well_formed()) {
            return Err(StoreError::Other(anyhow::anyhow!(
                "refusing malformed ledger row {bad:?}"
            )));
        }
        let at = self.now.format("%Y-%m-%dT%H:%M:%S").to_string();
        let mut st = self.conn.prepare_cached(
            "INSERT INTO leave_ledger (employee_id, year, bucket, kind, minutes, day, expires, reason, request_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let mut first = 0;
        for r in rows {
            st.execute(params![
                employee_id,
                r.year,
                r.bucket.code(),
                r.kind.code(),
                r.minutes,
                iso(Some(r.date)),
                iso(r.expires),
                r.reason,
                r.request_id,
                at
            ])?;
            if first == 0 {
                first = self.conn.last_insert_rowid();
            }
        }
        self.audit(
            "leave_ledger",
            first,
            Some(employee_id),
            "append",
            None::<&()>,
            Some(&rows),
        )
    }
}

impl LeaveRepo<'_> {
    /// Appends many people's rows in one transaction (allocating or closing a year for everyone):
    /// all of them are written, or none.
    pub(super) fn append_for_everyone<'r>(
        &self,
        rows: impl Iterator<Item = (i64, &'r [LedgerEntry])>,
    ) -> Result<()> {
        self.store.write(|tx| {
            for (employee_id, rows) in rows {
                tx.insert_ledger(employee_id, rows)?;
            }
            Ok(())
        })
    }

    pub fn ledger(&self, employee_id: i64) -> Result<Vec<LedgerEntry>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM leave_ledger WHERE employee_id = ?1 ORDER BY year, day, id"
        ))?;
        Ok(st
            .query_map([employee_id], entry)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The balances of `year` as of today: the numbers every screen and command shows.
    pub fn balances(&self, employee_id: i64, year: i32) -> Result<Vec<(Bucket, Balance)>> {
        let today = self.store.clock().today();
        Ok(balances(&self.ledger(employee_id)?, year, today))
    }

    /// A correction with its reason: the only way to change a balance by hand.
    pub fn correct(
        &self,
        employee_id: i64,
        year: i32,
        bucket: Bucket,
        minutes: i64,
        reason: &str,
    ) -> Result<LedgerEntry> {
        self.store.employees().get(employee_id)?;
        let today = self.store.clock().today();
        // Dated today when correcting this year, else on the first day of the year corrected.
        let on = if today.year() == year {
            today
        } else {
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today)
        };
        let row = LedgerEntry::correction(year, bucket, minutes, on, reason)
            .map_err(|e| StoreError::Invalid(crate::domain::error::ValidationErrors(vec![e])))?;
        self.store
            .write(|tx| tx.insert_ledger(employee_id, std::slice::from_ref(&row)))?;
        Ok(row)
    }
}
