//! Employees' requests for a course: asked with a motivation and a wanted period, then approved
//! (the person is enrolled on a session in the same transaction, on the waiting list when it is
//! full) or refused with a reason.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{PERSON, TrainingRepo, invalid, person_at};
use crate::domain::error::ValidationErrors;
use crate::domain::today::PersonRef;
use crate::domain::training::RequestStatus;
use crate::domain::training::course::{optional_text, required_text};
use crate::domain::training::request::RequestData;
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingRequest {
    pub id: i64,
    pub person: PersonRef,
    pub course_id: i64,
    pub course: String,
    pub session_id: Option<i64>,
    pub asked_on: NaiveDate,
    pub motivation: String,
    pub status: RequestStatus,
    pub reason: String,
    pub wanted_from: Option<NaiveDate>,
    pub wanted_to: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
}

const REQUEST_COLUMNS: &str = "q.id, q.course_id, c.title, q.session_id, q.asked_on, q.motivation, q.status, \
    q.reason, q.wanted_from, q.wanted_to, q.decided_on";
const REQUEST_FROM: &str = "training_requests q JOIN training_courses c ON c.id = q.course_id \
    JOIN employees e ON e.id = q.employee_id";

fn request_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TrainingRequest> {
    Ok(TrainingRequest {
        id: r.get(0)?,
        course_id: r.get(1)?,
        course: r.get(2)?,
        session_id: r.get(3)?,
        asked_on: date(r.get(4)?).unwrap_or_default(),
        motivation: r.get(5)?,
        status: choice::<RequestStatus>(6, r.get(6)?)?,
        reason: r.get(7)?,
        wanted_from: date(r.get(8)?),
        wanted_to: date(r.get(9)?),
        decided_on: date(r.get(10)?),
        person: person_at(r, 11)?,
    })
}

impl TrainingRepo<'_> {
    /// An employee asks for a course (optionally a given session).
    pub fn request(
        &self,
        employee_id: i64,
        course_id: i64,
        session_id: Option<i64>,
        motivation: &str,
    ) -> Result<i64> {
        self.add_request(
            employee_id,
            &RequestData {
                course_id,
                session_id,
                motivation: motivation.to_string(),
                wanted_from: None,
                wanted_to: None,
            },
        )
    }

    /// Records a request, asked today.
    pub fn add_request(&self, employee_id: i64, d: &RequestData) -> Result<i64> {
        self.course(d.course_id).map_err(|_| {
            StoreError::Invalid(ValidationErrors(vec![
                crate::domain::error::FieldError::new("course", "err.training_course_unknown")
                    .arg("value", d.course_id.to_string()),
            ]))
        })?;
        self.store.employees().get(employee_id)?;
        let motivation = optional_text("motivation", &d.motivation, 400)
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO training_requests (employee_id, course_id, session_id, asked_on, motivation, status,
                 wanted_from, wanted_to) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7)",
                params![
                    employee_id,
                    d.course_id,
                    d.session_id,
                    iso(Some(today)),
                    motivation,
                    iso(d.wanted_from),
                    iso(d.wanted_to)
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit(
                "training_request",
                id,
                Some(employee_id),
                "create",
                None::<&()>,
                Some(&serde_json::json!({
                    "course": d.course_id, "session": d.session_id, "motivation": motivation,
                    "wanted_from": d.wanted_from, "wanted_to": d.wanted_to
                })),
            )?;
            Ok(id)
        })
    }

    /// Requests, pending first (oldest first, the next to answer), then decided ones (latest first).
    pub fn requests(&self) -> Result<Vec<TrainingRequest>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {REQUEST_COLUMNS}, {PERSON} FROM {REQUEST_FROM}
             ORDER BY q.status <> 'pending', CASE WHEN q.status = 'pending' THEN q.asked_on END,
             q.asked_on DESC, q.id DESC LIMIT 500"
        ))?;
        let rows = st.query_map([], request_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Pending requests, oldest first, at most `limit`: read through the status index (Today).
    pub fn pending_requests(&self, limit: usize) -> Result<Vec<TrainingRequest>> {
        // A person who left no longer waits for an answer.
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {REQUEST_COLUMNS}, {PERSON} FROM {REQUEST_FROM}
             WHERE q.status = 'pending' AND e.status <> 'left' ORDER BY q.asked_on, q.id LIMIT ?1"
        ))?;
        let rows = st.query_map([limit as i64], request_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn training_request(&self, id: i64) -> Result<TrainingRequest> {
        self.store
            .conn()
            .query_row(
                &format!("SELECT {REQUEST_COLUMNS}, {PERSON} FROM {REQUEST_FROM} WHERE q.id = ?1"),
                [id],
                request_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("request {id}")))
    }

    fn pending(&self, id: i64) -> Result<(i64, i64, Option<i64>)> {
        let r = self.training_request(id)?;
        if r.status != RequestStatus::Pending {
            return Err(invalid("request", "err.training_request_decided"));
        }
        Ok((r.person.id, r.course_id, r.session_id))
    }

    /// Approves a request; with a session (the one asked for, or `session_id`) the person is
    /// enrolled in the same transaction. Returns the enrolment, if any.
    pub fn approve_request(&self, id: i64, session_id: Option<i64>) -> Result<Option<i64>> {
        let (employee, course, asked) = self.pending(id)?;
        let session = session_id.or(asked);
        if let Some(s) = session {
            match self.session(s) {
                Ok(row) if row.data.course_id == course => {}
                Ok(_) => return Err(invalid("session", "err.training_session_other_course")),
                Err(StoreError::NotFound(_)) => {
                    return Err(StoreError::Invalid(ValidationErrors(vec![
                        crate::domain::error::FieldError::new(
                            "session",
                            "err.training_session_unknown",
                        )
                        .arg("value", s.to_string()),
                    ])));
                }
                Err(e) => return Err(e),
            }
        }
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE training_requests SET status = 'approved', decided_on = ?2, session_id = ?3 WHERE id = ?1",
                params![id, iso(Some(today)), session],
            )?;
            tx.audit(
                "training_request",
                id,
                Some(employee),
                "approve",
                Some(&serde_json::json!({ "status": "pending" })),
                Some(&serde_json::json!({ "status": "approved", "session": session })),
            )?;
            match session {
                Some(s) => Ok(Some(tx.enrol(s, employee, today)?.0)),
                None => Ok(None),
            }
        })
    }

    /// Refuses a request; the reason is required.
    pub fn refuse_request(&self, id: i64, reason: &str) -> Result<()> {
        let reason = required_text("reason", reason, 400)
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        let (employee, _, _) = self.pending(id)?;
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE training_requests SET status = 'refused', decided_on = ?2, reason = ?3 WHERE id = ?1",
                params![id, iso(Some(today)), reason],
            )?;
            tx.audit(
                "training_request",
                id,
                Some(employee),
                "refuse",
                Some(&serde_json::json!({ "status": "pending" })),
                Some(&serde_json::json!({ "status": "refused", "reason": reason })),
            )
        })
    }
}
