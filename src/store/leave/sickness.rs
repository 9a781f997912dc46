//! The sickness register: spells of incapacity with certificates and relapse links.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::LeaveRepo;
use crate::domain::choice::Choice;
use crate::domain::leave::rules::LeaveRules;
use crate::domain::leave::sickness::{SickSpell, SickSpellInput};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError};

/// Setting key of the leave rules (BELGIAN-RULES.md items marked "verify", and company policy).
pub const LEAVE_RULES: &str = "leave_rules";

pub(in crate::store) const COLUMNS: &str = "id, start_date, end_date, expected_return, cause, certificate, certificate_free, relapse_of, note";

/// A spell from the first nine columns of a row selected with [`COLUMNS`].
pub(in crate::store) fn spell(r: &Row<'_>) -> rusqlite::Result<(i64, SickSpell)> {
    Ok((
        r.get(0)?,
        SickSpell {
            start: date(r.get(1)?).unwrap_or_default(),
            end: date(r.get(2)?),
            expected_return: date(r.get(3)?),
            cause: choice(4, r.get(4)?)?,
            certificate: date(r.get(5)?),
            certificate_free: r.get(6)?,
            relapse_of: r.get(7)?,
            note: r.get(8)?,
        },
    ))
}

impl LeaveRepo<'_> {
    pub fn rules(&self) -> Result<LeaveRules> {
        self.store.settings().get(LEAVE_RULES)
    }

    /// The employee's spells, oldest first, with their store ids.
    pub fn sick_spells(&self, employee_id: i64) -> Result<Vec<(i64, SickSpell)>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM sick_spells WHERE employee_id = ?1 ORDER BY start_date, id"
        ))?;
        Ok(st
            .query_map([employee_id], spell)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Spells of anyone that touch the period (ongoing ones included), with the employee id; found
    /// by their end (the `+` keeps SQLite off the start index, which would walk every spell that
    /// began before the period).
    pub fn sick_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, i64, SickSpell)>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS}, employee_id FROM sick_spells
             WHERE (end_date IS NULL OR end_date >= ?1) AND +start_date <= ?2 ORDER BY +start_date, id"
        ))?;
        let rows = st.query_map(params![iso(Some(from)), iso(Some(to))], |r| {
            let (id, s) = spell(r)?;
            Ok((r.get::<_, i64>(9)?, id, s))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Spells of the people `ids` touching the period, as [`Self::sick_between`] gives them, read
    /// through the index on (employee, start_date).
    pub fn sick_between_for(
        &self,
        ids: &[i64],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, i64, SickSpell)>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COLUMNS}, employee_id FROM sick_spells
             WHERE employee_id IN (SELECT value FROM json_each(?3))
               AND start_date <= ?2 AND (end_date IS NULL OR end_date >= ?1) ORDER BY start_date, id"
        ))?;
        let ids = serde_json::to_string(ids).unwrap_or_default();
        let rows = st.query_map(params![iso(Some(from)), iso(Some(to)), ids], |r| {
            let (id, s) = spell(r)?;
            Ok((r.get::<_, i64>(9)?, id, s))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// First and last day of employment (the last once the person has left).
    pub fn employment(&self, employee_id: i64) -> Result<(NaiveDate, Option<NaiveDate>)> {
        let e = self.store.employees().get(employee_id)?;
        let end = self
            .store
            .employees()
            .departure(employee_id)?
            .map(|d| d.end_date);
        Ok((e.data.start_date, end))
    }

    /// Records a spell, or (with `editing`) changes one: e.g. its end date and certificate.
    pub fn save_sick_spell(
        &self,
        employee_id: i64,
        input: &SickSpellInput,
        editing: Option<i64>,
    ) -> Result<(i64, SickSpell)> {
        let employment = self.employment(employee_id)?;
        let rules = self.rules()?;
        let all = self.sick_spells(employee_id)?;
        let old = editing.and_then(|id| all.iter().find(|(i, _)| *i == id).cloned());
        if editing.is_some() && old.is_none() {
            return Err(StoreError::NotFound(format!(
                "sick spell {}",
                editing.unwrap_or(0)
            )));
        }
        let others: Vec<(i64, SickSpell)> = all
            .into_iter()
            .filter(|(i, _)| Some(*i) != editing)
            .collect();
        let s = input.validate(&others, &rules, employment)?;
        self.store.write(|tx| {
            let values = params![
                employee_id,
                iso(Some(s.start)),
                iso(s.end),
                iso(s.expected_return),
                s.cause.code(),
                iso(s.certificate),
                s.certificate_free,
                s.relapse_of,
                s.note
            ];
            let id = match editing {
                None => {
                    tx.conn.execute(
                        "INSERT INTO sick_spells (employee_id, start_date, end_date, expected_return, cause,
                         certificate, certificate_free, relapse_of, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        values,
                    )?;
                    tx.conn.last_insert_rowid()
                }
                Some(id) => {
                    tx.conn.execute(
                        "UPDATE sick_spells SET start_date = ?2, end_date = ?3, expected_return = ?4, cause = ?5,
                         certificate = ?6, certificate_free = ?7, relapse_of = ?8, note = ?9
                         WHERE employee_id = ?1 AND id = ?10",
                        rusqlite::params_from_iter(
                            values.iter().copied().chain(std::iter::once(&id as &dyn rusqlite::ToSql)),
                        ),
                    )?;
                    id
                }
            };
            let action = if editing.is_some() { "update" } else { "create" };
            tx.audit(
                "sick_spell",
                id,
                Some(employee_id),
                action,
                old.as_ref().map(|(_, s)| s),
                Some(&s),
            )?;
            Ok((id, s.clone()))
        })
    }

    /// The employee's spell with this id.
    pub fn sick_spell(&self, employee_id: i64, id: i64) -> Result<SickSpell> {
        self.store
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM sick_spells WHERE employee_id = ?1 AND id = ?2"),
                params![employee_id, id],
                spell,
            )
            .optional()?
            .map(|(_, s)| s)
            .ok_or_else(|| StoreError::NotFound(format!("sick spell {id}")))
    }
}
