//! Training needs and the yearly plan, and evaluations after a course with their follow-up.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{PERSON, TrainingRepo, invalid, person_at};
use crate::domain::choice::Choice;
use crate::domain::error::{ValidationErrors, collect};
use crate::domain::money::money_field;
use crate::domain::today::PersonRef;
use crate::domain::training::course::{choice_field, number_field, required_text};
use crate::domain::training::evaluation::{EvaluationData, Helped, Score, follow_up_due};
use crate::domain::training::{NeedPriority, NeedSource, NeedStatus};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError, Tx};
use crate::text_input;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Need {
    pub id: i64,
    pub person: PersonRef,
    pub department: String,
    pub year: i32,
    pub course_id: Option<i64>,
    pub description: String,
    pub source: NeedSource,
    pub priority: NeedPriority,
    pub status: NeedStatus,
    pub planned_cost_cents: i64,
}

text_input!(
    /// A need as typed; `course` is a catalogue id (optional), `description` defaults to its title.
    NeedInput, NEED_FIELDS { training_year, course, description, source, priority, cost }
);

/// One department's line of the yearly plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanLine {
    pub department: String,
    pub needs: u32,
    pub open: u32,
    pub planned_cost_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub record_id: i64,
    pub scores: Vec<Score>,
    pub comment: String,
    pub follow_up_due: NaiveDate,
    pub follow_up_on: Option<NaiveDate>,
    pub helped: Option<Helped>,
    pub follow_up_note: String,
}

/// A follow-up to ask: whose course, which record, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpDue {
    pub person: PersonRef,
    pub record_id: i64,
    pub course: String,
    pub due: NaiveDate,
}

impl Tx<'_> {
    /// Marks a person's open or planned needs for a course done (the course was followed).
    pub(in crate::store) fn needs_done(&self, employee_id: i64, course_id: i64) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, status FROM training_needs WHERE employee_id = ?1 AND course_id = ?2
             AND status IN ('open', 'planned')",
        )?;
        let ids = st
            .query_map([employee_id, course_id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, old) in ids {
            self.conn.execute(
                "UPDATE training_needs SET status = 'done' WHERE id = ?1",
                [id],
            )?;
            self.audit(
                "training_need",
                id,
                Some(employee_id),
                "done",
                Some(&serde_json::json!({ "status": old })),
                Some(&serde_json::json!({ "status": "done" })),
            )?;
        }
        Ok(())
    }
}

const NEED_COLUMNS: &str = "n.id, n.year, n.course_id, n.description, n.source, n.priority, n.status, n.planned_cost_cents, e.department";

fn need(r: &rusqlite::Row<'_>) -> rusqlite::Result<Need> {
    Ok(Need {
        id: r.get(0)?,
        year: r.get(1)?,
        course_id: r.get(2)?,
        description: r.get(3)?,
        source: choice::<NeedSource>(4, r.get(4)?)?,
        priority: choice::<NeedPriority>(5, r.get(5)?)?,
        status: choice::<NeedStatus>(6, r.get(6)?)?,
        planned_cost_cents: r.get(7)?,
        department: r.get(8)?,
        person: person_at(r, 9)?,
    })
}

impl TrainingRepo<'_> {
    /// Records a training need for a person.
    pub fn add_need(
        &self,
        employee_id: i64,
        input: &NeedInput,
        talk_id: Option<i64>,
    ) -> Result<i64> {
        let mut e = ValidationErrors::default();
        let year = collect(
            &mut e,
            number_field("training_year", &input.training_year, 1900, 2200).map(|y| y.unwrap_or(0)),
        );
        let course = match input.course.trim() {
            "" => None,
            t => match t.parse::<i64>().ok().map(|id| self.course(id)) {
                Some(Ok(c)) => Some(c),
                _ => {
                    e.push(
                        crate::domain::error::FieldError::new(
                            "course",
                            "err.training_course_unknown",
                        )
                        .arg("value", t),
                    );
                    None
                }
            },
        };
        let description = if input.description.trim().is_empty() && course.is_some() {
            course.as_ref().map(|c| c.data.title.clone())
        } else {
            collect(
                &mut e,
                required_text("description", &input.description, 200),
            )
        };
        let source = collect(
            &mut e,
            choice_field("source", &input.source, NeedSource::Manager),
        );
        let priority = collect(
            &mut e,
            choice_field("priority", &input.priority, NeedPriority::Medium),
        );
        let cost = collect(&mut e, money_field("cost", &input.cost));
        let (Some(year), Some(description), Some(source), Some(priority), Some(cost)) =
            (year, description, source, priority, cost)
        else {
            return Err(StoreError::Invalid(e));
        };
        if !e.is_empty() || year == 0 {
            if year == 0 {
                e.push(crate::domain::error::FieldError::new(
                    "training_year",
                    "err.required",
                ));
            }
            return Err(StoreError::Invalid(e));
        }
        let cost = cost.unwrap_or_else(|| course.as_ref().map_or(0, |c| c.data.cost_cents));
        let course_id = course.map(|c| c.id);
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO training_needs (employee_id, year, course_id, description, source, priority, status,
                 talk_id, planned_cost_cents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8)",
                params![employee_id, year, course_id, description, source.code(), priority.code(), talk_id, cost],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit(
                "training_need",
                id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&serde_json::json!({
                    "year": year, "course": course_id, "description": description,
                    "source": source, "priority": priority, "cost": cost
                })),
            )?;
            Ok(id)
        })
    }

    /// Changes a need's status (planned, done, dropped).
    pub fn set_need_status(&self, id: i64, status: NeedStatus) -> Result<()> {
        let (employee_id, old): (i64, String) = self
            .store
            .conn()
            .query_row(
                "SELECT employee_id, status FROM training_needs WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("need {id}")))?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE training_needs SET status = ?2 WHERE id = ?1",
                params![id, status.code()],
            )?;
            tx.audit(
                "training_need",
                id,
                Some(employee_id),
                "status",
                Some(&serde_json::json!({ "status": old })),
                Some(&serde_json::json!({ "status": status })),
            )
        })
    }

    /// All needs of a year, by department and name.
    pub fn needs(&self, year: i32) -> Result<Vec<Need>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {NEED_COLUMNS}, {PERSON} FROM training_needs n JOIN employees e ON e.id = n.employee_id
             WHERE n.year = ?1 ORDER BY e.department, e.sort_name, n.id"
        ))?;
        let rows = st.query_map([year], need)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A person's needs, latest year first.
    pub fn needs_of(&self, employee_id: i64) -> Result<Vec<Need>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {NEED_COLUMNS}, {PERSON} FROM training_needs n JOIN employees e ON e.id = n.employee_id
             WHERE n.employee_id = ?1 ORDER BY n.year DESC, n.id"
        ))?;
        let rows = st.query_map([employee_id], need)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The yearly plan: needs (not dropped) per department with their planned cost.
    pub fn plan(&self, year: i32) -> Result<Vec<PlanLine>> {
        let mut lines: Vec<PlanLine> = Vec::new();
        for n in self
            .needs(year)?
            .into_iter()
            .filter(|n| n.status != NeedStatus::Dropped)
        {
            if lines.last().is_none_or(|l| l.department != n.department) {
                lines.push(PlanLine {
                    department: n.department.clone(),
                    ..Default::default()
                });
            }
            if let Some(l) = lines.last_mut() {
                l.needs += 1;
                l.open += u32::from(n.status == NeedStatus::Open);
                l.planned_cost_cents += n.planned_cost_cents;
            }
        }
        Ok(lines)
    }

    /// Saves (or replaces) the evaluation of a course followed. The follow-up is due the setting's
    /// number of months after the course; a new evaluation recomputes it (the setting may have
    /// changed since), and keeps an answered follow-up as it was.
    pub fn evaluate(&self, record_id: i64, d: &EvaluationData) -> Result<NaiveDate> {
        if d.scores.iter().any(|s| !(1..=5).contains(&s.score)) {
            return Err(invalid("scores", "err.training_score"));
        }
        let (employee, to): (i64, String) = self
            .store
            .conn()
            .query_row(
                "SELECT employee_id, to_day FROM training_records WHERE id = ?1",
                [record_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("record {record_id}")))?;
        let months = self.settings()?.follow_up_months;
        let to = date(Some(to)).unwrap_or_default();
        let due = follow_up_due(to, months);
        let scores_json = serde_json::to_string(&d.scores).map_err(anyhow::Error::new)?;
        let comment = crate::domain::text::clean(&d.comment);
        let old = self.evaluation(record_id)?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO training_evaluations (record_id, scores, comment, follow_up_due) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (record_id) DO UPDATE SET scores = excluded.scores, comment = excluded.comment,
                 follow_up_due = excluded.follow_up_due",
                params![record_id, scores_json, comment, iso(Some(due))],
            )?;
            tx.audit(
                "training_evaluation",
                record_id,
                Some(employee),
                "save",
                old.as_ref()
                    .map(|o| serde_json::json!({ "scores": o.scores, "comment": o.comment, "follow_up_due": o.follow_up_due })).as_ref(),
                Some(&serde_json::json!({ "scores": d.scores, "comment": comment, "follow_up_due": due })),
            )?;
            Ok(due)
        })
    }

    /// Records the follow-up: did the course help in the job? Answering again replaces it.
    pub fn follow_up(&self, record_id: i64, helped: Helped, note: &str) -> Result<()> {
        let employee: i64 = self
            .store
            .conn()
            .query_row(
                "SELECT r.employee_id FROM training_evaluations v JOIN training_records r ON r.id = v.record_id
                 WHERE v.record_id = ?1",
                [record_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| invalid("record", "err.training_not_evaluated"))?;
        let old = self.evaluation(record_id)?;
        let today = self.store.clock().today();
        let note = crate::domain::text::clean(note);
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE training_evaluations SET follow_up_on = ?2, helped = ?3, follow_up_note = ?4 WHERE record_id = ?1",
                params![record_id, iso(Some(today)), helped.code(), note],
            )?;
            tx.audit(
                "training_evaluation",
                record_id,
                Some(employee),
                "follow_up",
                old.as_ref()
                    .map(|o| serde_json::json!({ "helped": o.helped, "note": o.follow_up_note, "on": o.follow_up_on }))
                    .as_ref(),
                Some(&serde_json::json!({ "helped": helped, "note": note, "on": today })),
            )
        })
    }

    /// Follow-ups not yet answered and due on or before `until`, of people still employed, the
    /// longest due first; at most `limit`. Read through the partial index on the due date.
    pub fn follow_ups_due(&self, until: NaiveDate, limit: usize) -> Result<Vec<FollowUpDue>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT v.record_id, r.title, v.follow_up_due, {PERSON}
             FROM training_evaluations v INDEXED BY training_evaluations_follow_up_due
             JOIN training_records r ON r.id = v.record_id
             JOIN employees e ON e.id = r.employee_id
             WHERE v.follow_up_on IS NULL AND v.follow_up_due <= ?1 AND e.status <> 'left'
             ORDER BY v.follow_up_due, v.record_id LIMIT ?2"
        ))?;
        let rows = st.query_map(params![iso(Some(until)), limit as i64], |r| {
            Ok(FollowUpDue {
                record_id: r.get(0)?,
                course: r.get(1)?,
                due: date(r.get(2)?).unwrap_or_default(),
                person: person_at(r, 3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Who followed a record's course, and its title (the follow-up form's title).
    pub fn record_subject(&self, record_id: i64) -> Result<(PersonRef, String)> {
        self.store
            .conn()
            .query_row(
                &format!(
                    "SELECT r.title, {PERSON} FROM training_records r JOIN employees e ON e.id = r.employee_id
                     WHERE r.id = ?1"
                ),
                [record_id],
                |r| Ok((person_at(r, 1)?, r.get(0)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("record {record_id}")))
    }

    pub fn evaluation(&self, record_id: i64) -> Result<Option<Evaluation>> {
        Ok(self
            .store
            .conn()
            .query_row(
                "SELECT record_id, scores, comment, follow_up_due, follow_up_on, helped, follow_up_note
                 FROM training_evaluations WHERE record_id = ?1",
                [record_id],
                |r| {
                    let scores: String = r.get(1)?;
                    // Unreadable scores show as none rather than hiding the follow-up.
                    Ok(Evaluation {
                        record_id: r.get(0)?,
                        scores: serde_json::from_str(&scores).unwrap_or_default(),
                        comment: r.get(2)?,
                        follow_up_due: date(r.get(3)?).unwrap_or_default(),
                        follow_up_on: date(r.get(4)?),
                        helped: r
                            .get::<_, Option<String>>(5)?
                            .and_then(|h| Helped::from_code(&h)),
                        follow_up_note: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }
}
