//! Appraisal and development talks: saved whole (form sections and agreed actions as JSON), the
//! training needs that came out of them, and the periodic talks overdue.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::plan::NeedInput;
use super::{PERSON, TrainingRepo, invalid, person_at};
use crate::domain::choice::Choice;
use crate::domain::today::PersonRef;
use crate::domain::training::talk::{Talk, TalkData, TalkKind, next_due, overdue};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError};

/// Someone whose periodic talk is overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkDue {
    pub person: PersonRef,
    pub last: Option<NaiveDate>,
    pub due: NaiveDate,
}

const TALK_COLUMNS: &str =
    "t.id, t.employee_id, t.kind, t.day, t.held_by, t.held, t.sections, t.actions, t.summary";

fn talk(r: &rusqlite::Row<'_>) -> rusqlite::Result<Talk> {
    let sections: String = r.get(6)?;
    let actions: String = r.get(7)?;
    Ok(Talk {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        data: TalkData {
            kind: choice::<TalkKind>(2, r.get(2)?)?,
            date: date(r.get(3)?).unwrap_or_default(),
            held_by: r.get(4)?,
            held: r.get(5)?,
            sections: serde_json::from_str(&sections).unwrap_or_default(),
            actions: serde_json::from_str(&actions).unwrap_or_default(),
            summary: r.get(8)?,
        },
    })
}

impl TrainingRepo<'_> {
    /// Saves a talk and the training needs agreed in it (source "talk", the talk's year), in one
    /// transaction.
    pub fn add_talk(&self, employee_id: i64, d: &TalkData, needs: &[String]) -> Result<i64> {
        let sections = serde_json::to_string(&d.sections).map_err(anyhow::Error::new)?;
        let actions = serde_json::to_string(&d.actions).map_err(anyhow::Error::new)?;
        let id = self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO training_talks (employee_id, kind, day, held_by, held, sections, actions, summary)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![employee_id, d.kind.code(), iso(Some(d.date)), d.held_by, d.held, sections, actions, d.summary],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("training_talk", id, Some(employee_id), "create", None::<&()>, Some(d))?;
            Ok(id)
        })?;
        for n in needs {
            let input = NeedInput {
                training_year: chrono::Datelike::year(&d.date).to_string(),
                description: n.clone(),
                source: "talk".into(),
                ..Default::default()
            };
            self.add_need(employee_id, &input, Some(id))?;
        }
        Ok(id)
    }

    /// Ticks an agreed action of a talk done (or open again); `index` is its place in the list.
    pub fn set_action_done(&self, talk_id: i64, index: usize, done: bool) -> Result<()> {
        let t = self.talk(talk_id)?;
        let mut actions = t.data.actions.clone();
        let Some(a) = actions.get_mut(index) else {
            return Err(invalid("action", "err.training_no_such_action"));
        };
        let old = a.done;
        a.done = done;
        let text = a.text.clone();
        let json = serde_json::to_string(&actions).map_err(anyhow::Error::new)?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE training_talks SET actions = ?2 WHERE id = ?1",
                params![talk_id, json],
            )?;
            tx.audit(
                "training_talk",
                talk_id,
                Some(t.employee_id),
                "action",
                Some(&serde_json::json!({ "action": text, "done": old })),
                Some(&serde_json::json!({ "action": text, "done": done })),
            )
        })
    }

    /// A person's talks, latest first.
    pub fn talks_of(&self, employee_id: i64) -> Result<Vec<Talk>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {TALK_COLUMNS} FROM training_talks t WHERE t.employee_id = ?1 ORDER BY t.day DESC, t.id DESC"
        ))?;
        let rows = st.query_map([employee_id], talk)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Talks of everyone, planned ones first (soonest first), then held ones (latest first).
    pub fn talks(&self, limit: usize) -> Result<Vec<(PersonRef, Talk)>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {TALK_COLUMNS}, {PERSON} FROM training_talks t JOIN employees e ON e.id = t.employee_id
             ORDER BY t.held, CASE WHEN t.held = 0 THEN t.day END, t.day DESC, t.id DESC LIMIT ?1"
        ))?;
        let rows = st.query_map([limit as i64], |r| Ok((person_at(r, 9)?, talk(r)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn talk(&self, id: i64) -> Result<Talk> {
        self.store
            .conn()
            .query_row(
                &format!("SELECT {TALK_COLUMNS} FROM training_talks t WHERE t.id = ?1"),
                [id],
                talk,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("talk {id}")))
    }

    /// People still employed (not students, flexi-jobbers, interns or agency workers) whose
    /// periodic talk is overdue and none is planned, most overdue first; at most `limit`. Someone
    /// who never had one is due `talk_months` after their start. Only people who started before
    /// the window's cut-off can be overdue: that bound is read through the start-date index.
    pub fn talks_overdue(&self, today: NaiveDate, limit: usize) -> Result<Vec<TalkDue>> {
        let conn = self.store.conn();
        let months = self.settings()?.talk_months;
        // A week of slack over the month arithmetic (SQLite and chrono round month ends apart).
        let cutoff = today
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or(today)
            + chrono::Duration::days(7);
        let periodic = TalkKind::ALL
            .iter()
            .filter(|k| k.is_periodic())
            .map(|k| format!("'{}'", k.code()))
            .collect::<Vec<_>>()
            .join(", ");
        // SQLite's month arithmetic finds the candidates; the domain rule decides.
        let mut st = conn.prepare_cached(&format!(
            "SELECT * FROM (
               SELECT e.start_date,
                 (SELECT max(t.day) FROM training_talks t WHERE t.employee_id = e.id AND t.held = 1
                    AND t.kind IN ({periodic})) AS last,
                 (SELECT min(t.day) FROM training_talks t WHERE t.employee_id = e.id AND t.held = 0
                    AND t.day >= ?1) AS planned,
                 {PERSON}
               FROM employees e INDEXED BY employees_by_start
               WHERE e.start_date < ?4 AND e.status IN ('active', 'long_absence')
                 AND e.category IN ('white_collar', 'blue_collar')
             ) WHERE planned IS NULL AND date(coalesce(last, start_date), '+' || ?2 || ' months', '-3 days') < ?1
             ORDER BY coalesce(last, start_date) LIMIT ?3"
        ))?;
        let rows = st.query_map(
            params![iso(Some(today)), months, limit as i64, iso(Some(cutoff))],
            |r| {
                Ok((
                    date(r.get(0)?).unwrap_or_default(),
                    date(r.get(1)?),
                    date(r.get(2)?),
                    person_at(r, 3)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (start, last, planned, person) = row?;
            let due = next_due(last, start, months);
            if overdue(due, planned, today) {
                out.push(TalkDue { person, last, due });
            }
        }
        Ok(out)
    }
}
