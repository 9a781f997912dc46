//! Interviews and assessments: planning with the clash check, the calendar list, feedback.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;
use serde::Serialize;

use super::super::rows::{FULL_NAME_SQL, date};
use super::super::{Result, StoreError};
use super::RecruitmentRepo;
use crate::domain::employee::optional_text;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::recruitment::{Clash, InterviewSlot, LeaveFact, find_clash};

const AT: &str = "%Y-%m-%dT%H:%M";

/// A planned interview, validated by the caller's parsing (`parse_start`, `duration_minutes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewInput {
    pub application_id: i64,
    pub assessment: bool,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub place: String,
    pub interviewers: Vec<i64>,
    /// Non-empty: save even if it clashes (the user saw the clash and chose to keep the slot).
    pub override_reason: String,
}

/// One interview as the calendar and the candidate page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterviewRow {
    pub id: i64,
    pub application_id: i64,
    pub candidate_id: i64,
    pub candidate: String,
    pub vacancy: String,
    pub assessment: bool,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub place: String,
    pub interviewers: Vec<String>,
    pub interviewer_ids: Vec<i64>,
}

crate::choice_enum!(
    /// An interviewer's advice after the interview.
    Recommendation, "recommendation" { Hire => "hire", Maybe => "maybe", No => "no" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feedback {
    pub interview_id: i64,
    pub employee_id: i64,
    pub interviewer: String,
    pub recommendation: Recommendation,
    pub note: String,
    /// Criterion text and score 1–5.
    pub scores: Vec<(String, u8)>,
}

impl RecruitmentRepo<'_> {
    /// Interviews overlapping the day(s) of `slot` (the clash check needs no more).
    fn slots_around(&self, slot: &InterviewSlot) -> Result<Vec<InterviewSlot>> {
        let from = (slot.start - chrono::Duration::days(1))
            .format(AT)
            .to_string();
        let to = slot.end().format(AT).to_string();
        let mut st = self.store.conn().prepare_cached(
            "SELECT i.id, a.candidate_id, i.start_at, i.minutes,
                    (SELECT group_concat(employee_id) FROM interview_interviewers x WHERE x.interview_id = i.id)
             FROM interviews i JOIN applications a ON a.id = i.application_id
             WHERE i.start_at >= ?1 AND i.start_at < ?2",
        )?;
        let rows = st
            .query_map(params![from, to], |r| {
                let ids: Option<String> = r.get(4)?;
                let start: String = r.get(2)?;
                Ok(InterviewSlot {
                    id: r.get(0)?,
                    candidate_id: r.get(1)?,
                    start: NaiveDateTime::parse_from_str(&start, AT).unwrap_or_default(),
                    minutes: r.get(3)?,
                    interviewers: ids
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(|s| s.parse().ok())
                        .collect(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Leave (requested or approved) and sickness of these employees touching the days of the slot.
    fn away(&self, employees: &[i64], first: NaiveDate, last: NaiveDate) -> Result<Vec<LeaveFact>> {
        let mut out = Vec::new();
        let conn = self.store.conn();
        for e in employees {
            let mut st = conn.prepare_cached(
                "SELECT from_date, to_date FROM leave_requests WHERE employee_id = ?1
                   AND status IN ('requested', 'approved') AND part = 'full' AND from_date <= ?3 AND to_date >= ?2
                 UNION ALL
                 SELECT start_date, coalesce(end_date, '9999-12-31') FROM sick_spells WHERE employee_id = ?1
                   AND start_date <= ?3 AND (end_date IS NULL OR end_date >= ?2)",
            )?;
            let rows = st.query_map(
                params![
                    e,
                    crate::domain::date::iso(first),
                    crate::domain::date::iso(last)
                ],
                |r| {
                    Ok(LeaveFact {
                        employee_id: *e,
                        from: date(r.get(0)?).unwrap_or_default(),
                        to: date(r.get(1)?).unwrap_or(NaiveDate::MAX),
                    })
                },
            )?;
            for r in rows {
                out.push(r?);
            }
        }
        Ok(out)
    }

    /// The first clash of a planned slot with other interviews or an interviewer's absence.
    pub fn clash(&self, slot: &InterviewSlot) -> Result<Option<Clash>> {
        let existing = self.slots_around(slot)?;
        let away = self.away(&slot.interviewers, slot.start.date(), slot.end().date())?;
        Ok(find_clash(slot, &existing, &away))
    }

    /// The clash as a field error naming who and when (shown beside the start field, or on stderr).
    pub fn clash_error(&self, clash: &Clash) -> Result<FieldError> {
        let name = |id: i64| -> Result<String> {
            Ok(self
                .store
                .employees()
                .get(id)
                .map(|e| e.data.full_name())
                .unwrap_or_else(|_| format!("#{id}")))
        };
        let when = |at: NaiveDateTime| at.format("%d/%m/%Y %H:%M").to_string();
        Ok(match clash {
            Clash::Interviewer {
                employee_id,
                other,
                at,
            } => FieldError::new("at", "err.interview_clash_interviewer")
                .arg("name", name(*employee_id)?)
                .arg("at", when(*at))
                .arg("other", other.to_string()),
            Clash::Candidate { other, at } => {
                FieldError::new("at", "err.interview_clash_candidate")
                    .arg("at", when(*at))
                    .arg("other", other.to_string())
            }
            Clash::Leave {
                employee_id,
                from,
                to,
            } => FieldError::new("at", "err.interview_clash_leave")
                .arg("name", name(*employee_id)?)
                .arg("from", crate::domain::date::format_date(*from))
                .arg(
                    "to",
                    if *to == NaiveDate::MAX {
                        "…".to_string()
                    } else {
                        crate::domain::date::format_date(*to)
                    },
                ),
        })
    }

    /// Plans an interview. A clash is refused with the clash named, unless an override reason is given.
    pub fn plan_interview(&self, input: &InterviewInput) -> Result<InterviewRow> {
        let app = self.application(input.application_id)?;
        let place = optional_text("place", &input.place, 200)
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        let reason = optional_text("override_reason", &input.override_reason, 200)
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        for e in &input.interviewers {
            self.store.employees().get(*e)?;
        }
        let slot = InterviewSlot {
            id: 0,
            candidate_id: app.candidate_id,
            start: input.start,
            minutes: input.minutes,
            interviewers: input.interviewers.clone(),
        };
        if let Some(c) = self.clash(&slot)?
            && reason.is_empty()
        {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                self.clash_error(&c)?,
            ])));
        }
        let id = self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO interviews (application_id, kind, start_at, minutes, place, override_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    input.application_id,
                    if input.assessment { "assessment" } else { "interview" },
                    input.start.format(AT).to_string(),
                    input.minutes,
                    place,
                    reason
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            for e in &input.interviewers {
                tx.conn.execute(
                    "INSERT OR IGNORE INTO interview_interviewers (interview_id, employee_id) VALUES (?1, ?2)",
                    params![id, e],
                )?;
            }
            tx.audit("interview", id, None, "create", None::<&()>, Some(&(input.start, input.minutes, &input.interviewers, &reason)))?;
            Ok(id)
        })?;
        self.interviews_where("i.id = ?1", params![id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(format!("interview #{id}")))
    }

    fn interviews_where(
        &self,
        filter: &str,
        p: impl rusqlite::Params,
    ) -> Result<Vec<InterviewRow>> {
        let sql = format!(
            "SELECT i.id, i.application_id, a.candidate_id,
                    CASE WHEN c.purged_on IS NULL THEN c.first_name || ' ' || c.last_name ELSE '#' || c.id END,
                    v.title, i.kind = 'assessment', i.start_at, i.minutes, i.place,
                    (SELECT group_concat(e.id, ',') FROM interview_interviewers x JOIN employees e ON e.id = x.employee_id WHERE x.interview_id = i.id),
                    (SELECT group_concat({FULL_NAME_SQL}, ', ') FROM interview_interviewers x JOIN employees e ON e.id = x.employee_id WHERE x.interview_id = i.id)
             FROM interviews i JOIN applications a ON a.id = i.application_id
             JOIN candidates c ON c.id = a.candidate_id JOIN vacancies v ON v.id = a.vacancy_id
             WHERE {filter} ORDER BY i.start_at, i.id"
        );
        let mut st = self.store.conn().prepare_cached(&sql)?;
        Ok(st
            .query_map(p, |r| {
                let start: String = r.get(6)?;
                let ids: Option<String> = r.get(9)?;
                let names: Option<String> = r.get(10)?;
                Ok(InterviewRow {
                    id: r.get(0)?,
                    application_id: r.get(1)?,
                    candidate_id: r.get(2)?,
                    candidate: r.get(3)?,
                    vacancy: r.get(4)?,
                    assessment: r.get(5)?,
                    start: NaiveDateTime::parse_from_str(&start, AT).unwrap_or_default(),
                    minutes: r.get(7)?,
                    place: r.get(8)?,
                    interviewer_ids: ids
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(|s| s.parse().ok())
                        .collect(),
                    interviewers: names
                        .map(|n| n.split(", ").map(String::from).collect())
                        .unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Interviews starting on the days `from`..=`to`.
    pub fn interviews_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<InterviewRow>> {
        let from = from
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .format(AT)
            .to_string();
        let to = (to + chrono::Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .format(AT)
            .to_string();
        self.interviews_where("i.start_at >= ?1 AND i.start_at < ?2", params![from, to])
    }

    pub fn interviews_of(&self, application_id: i64) -> Result<Vec<InterviewRow>> {
        self.interviews_where("i.application_id = ?1", params![application_id])
    }

    /// An interviewer's feedback: a recommendation, a note and a score 1–5 per criterion.
    pub fn add_feedback(
        &self,
        interview_id: i64,
        employee_id: i64,
        recommendation: Recommendation,
        note: &str,
        scores: &[(i64, u8)],
    ) -> Result<()> {
        let note = optional_text("note", note, 2000)
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        if scores.iter().any(|(_, s)| !(1..=5).contains(s)) {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("score", "err.score"),
            ])));
        }
        let row = self
            .interviews_where("i.id = ?1", params![interview_id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(format!("interview #{interview_id}")))?;
        let inv = |e| StoreError::Invalid(ValidationErrors(vec![e]));
        crate::domain::recruitment::questionnaire::feedback_time(
            "interview",
            row.start,
            self.store.clock().now(),
        )
        .map_err(inv)?;
        if !row.interviewer_ids.contains(&employee_id) {
            return Err(inv(FieldError::new("interviewer", "err.not_interviewer")));
        }
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO interview_feedback (interview_id, employee_id, recommendation, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (interview_id, employee_id) DO UPDATE SET recommendation = excluded.recommendation, note = excluded.note",
                params![interview_id, employee_id, crate::domain::choice::Choice::code(recommendation), note],
            )?;
            let id: i64 = tx.conn.query_row(
                "SELECT id FROM interview_feedback WHERE interview_id = ?1 AND employee_id = ?2",
                params![interview_id, employee_id],
                |r| r.get(0),
            )?;
            for (c, s) in scores {
                tx.conn.execute(
                    "INSERT INTO feedback_scores (feedback_id, criterion_id, score) VALUES (?1, ?2, ?3)
                     ON CONFLICT (feedback_id, criterion_id) DO UPDATE SET score = excluded.score",
                    params![id, c, s],
                )?;
            }
            tx.audit("interview_feedback", id, None, "save", None::<&()>, Some(&(recommendation, scores)))
        })
    }

    pub fn feedback(&self, application_id: i64) -> Result<Vec<Feedback>> {
        let conn = self.store.conn();
        let mut st = conn.prepare_cached(&format!(
            "SELECT f.id, f.interview_id, {FULL_NAME_SQL}, f.recommendation, f.note, f.employee_id FROM interview_feedback f
             JOIN interviews i ON i.id = f.interview_id JOIN employees e ON e.id = f.employee_id
             WHERE i.application_id = ?1 ORDER BY f.id"
        ))?;
        let heads = st
            .query_map([application_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    super::super::rows::choice::<Recommendation>(3, r.get(3)?)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::new();
        for (id, interview_id, interviewer, recommendation, note, employee_id) in heads {
            let mut st = conn.prepare_cached(
                "SELECT c.text, s.score FROM feedback_scores s JOIN vacancy_criteria c ON c.id = s.criterion_id
                 WHERE s.feedback_id = ?1 ORDER BY c.position",
            )?;
            let scores = st
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(Feedback {
                interview_id,
                employee_id,
                interviewer,
                recommendation,
                note,
                scores,
            });
        }
        Ok(out)
    }
}
