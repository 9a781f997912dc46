//! The Dimona register: each declaration sent for a person, and who still lacks an IN or an OUT.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, params};
use serde::Serialize;

use super::rows::{self, FULL_NAME_SQL, iso};
use super::{Result, Store};
use crate::domain::choice::Choice;
use crate::domain::dimona::{
    self, DimonaDeclaration, DimonaInput, DimonaKind, Employment, LOOKBACK_DAYS,
};

/// Someone whose IN or OUT is missing, with the day it is due at the latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimonaGap {
    pub employee_id: i64,
    pub name: String,
    pub number: String,
    pub kind: DimonaKind,
    pub deadline: NaiveDate,
}

/// One person's declarations, oldest first (shared by the repository and the checklist reads).
pub(super) fn declarations_of(
    conn: &Connection,
    employee_id: i64,
) -> Result<Vec<DimonaDeclaration>> {
    let mut st = conn.prepare_cached(
        "SELECT id, employee_id, kind, declared_on, reference, start_date, end_date, note FROM dimona
         WHERE employee_id = ?1 ORDER BY declared_on, id",
    )?;
    let out = st
        .query_map([employee_id], |r| {
            Ok(DimonaDeclaration {
                id: r.get(0)?,
                employee_id: r.get(1)?,
                kind: rows::choice::<DimonaKind>(2, r.get(2)?)?,
                declared_on: rows::date(r.get(3)?).unwrap_or_default(),
                reference: r.get(4)?,
                start: rows::date(r.get(5)?),
                end: rows::date(r.get(6)?),
                note: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

pub struct DimonaRepo<'a> {
    pub(super) store: &'a Store,
}

impl DimonaRepo<'_> {
    pub fn declarations(&self, employee_id: i64) -> Result<Vec<DimonaDeclaration>> {
        declarations_of(self.store.conn(), employee_id)
    }

    /// A new declaration of `kind` for a person, filled from the dossier: the declared start is the
    /// first day; the end is the departure, or for an IN the end of a first contract that by its kind
    /// runs to a date (students, fixed term, interim), so that no OUT is needed later.
    pub fn prefill(&self, employee_id: i64, kind: DimonaKind) -> Result<DimonaInput> {
        let e = self.store.employees().get(employee_id)?;
        let start = e.data.start_date;
        let left_on = self
            .store
            .employees()
            .departure(employee_id)?
            .map(|d| d.end_date);
        let first_contract_end = self
            .store
            .records()
            .contracts(employee_id)?
            .into_iter()
            .find(|c| c.data.start == start && c.data.kind.needs_end_date())
            .and_then(|c| c.data.end);
        let end = match kind {
            DimonaKind::In => first_contract_end,
            DimonaKind::Out => left_on,
            DimonaKind::Update => left_on.or(first_contract_end),
            DimonaKind::Cancel => None,
        };
        Ok(DimonaInput::prefilled(
            kind,
            self.store.clock().today(),
            start,
            end,
        ))
    }

    /// Records a declaration (validated, audited).
    pub fn add(&self, employee_id: i64, input: &DimonaInput) -> Result<DimonaDeclaration> {
        self.store.employees().get(employee_id)?;
        let mut d = input.validate()?;
        d.employee_id = employee_id;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO dimona (employee_id, kind, declared_on, reference, start_date, end_date, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    employee_id,
                    d.kind.code(),
                    iso(Some(d.declared_on)),
                    d.reference,
                    iso(d.start),
                    iso(d.end),
                    d.note
                ],
            )?;
            d.id = tx.conn.last_insert_rowid();
            tx.audit("dimona", d.id, Some(employee_id), "create", None::<&()>, Some(&d))?;
            Ok(d.clone())
        })
    }

    /// People starting within `horizon_days` (or in the last 90 days, not left) without an IN, and
    /// people whose employment ended in the last 90 days or ends within the horizon without an OUT;
    /// earliest deadline first. Reads only the two date ranges through their indexes.
    pub fn missing(&self, today: NaiveDate, horizon_days: i64) -> Result<Vec<DimonaGap>> {
        let from = iso(Some(today - Duration::days(LOOKBACK_DAYS)));
        let until = iso(Some(today + Duration::days(horizon_days)));
        // `+e.status`: the status index must not win over the date ranges (a big company has
        // thousands of people who left).
        let sql = format!(
            "SELECT e.id, {FULL_NAME_SQL}, e.number, e.start_date, e.end_date FROM employees e
             WHERE e.start_date BETWEEN ?1 AND ?2 AND +e.status <> 'left'
             UNION
             SELECT e.id, {FULL_NAME_SQL}, e.number, e.start_date, e.end_date FROM employees e
             WHERE e.end_date BETWEEN ?1 AND ?2 AND +e.status = 'left'"
        );
        let conn = self.store.conn();
        let mut st = conn.prepare_cached(&sql)?;
        let candidates = st
            .query_map(params![from, until], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    rows::date(r.get(3)?).unwrap_or_default(),
                    rows::date(r.get(4)?),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut gaps = Vec::new();
        for (id, name, number, start, left_on) in candidates {
            let decls = declarations_of(conn, id)?;
            let employment = Employment { start, left_on };
            for (kind, deadline) in dimona::missing(employment, &decls, today, horizon_days) {
                gaps.push(DimonaGap {
                    employee_id: id,
                    name: name.clone(),
                    number: number.clone(),
                    kind,
                    deadline,
                });
            }
        }
        gaps.sort_by(|a, b| (a.deadline, &a.name).cmp(&(b.deadline, &b.name)));
        Ok(gaps)
    }
}
