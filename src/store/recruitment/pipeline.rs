//! Moving applications through the stages (dated, audited), screening, the phone questionnaire,
//! reference checks and the letters sent.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::super::rows::{choice, date, iso};
use super::super::{Result, StoreError};
use super::RecruitmentRepo;
use crate::domain::choice::Choice;
use crate::domain::employee::{optional_text, required_text};
use crate::domain::error::ValidationErrors;
use crate::domain::recruitment::{Answer, Criterion, MoveKind, Stage, check_move};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageMove {
    pub id: i64,
    pub on: NaiveDate,
    pub from: Option<Stage>,
    pub to: Stage,
    pub kind: String,
    pub reason: String,
}

/// One criterion of the vacancy with this candidate's answer, if screened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScreeningLine {
    pub criterion: Criterion,
    pub answer: Option<Answer>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionAnswer {
    pub question_id: i64,
    pub question: String,
    pub answer: Option<String>,
    pub answered_on: Option<NaiveDate>,
    pub called_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceCheck {
    pub id: i64,
    pub called_on: NaiveDate,
    pub referee: String,
    pub relation: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateLetter {
    pub id: i64,
    pub template: String,
    pub document_id: Option<i64>,
    pub sent_on: NaiveDate,
}

fn kind_code(k: MoveKind) -> &'static str {
    match k {
        MoveKind::Forward => "forward",
        MoveKind::Backward => "backward",
        MoveKind::Rejection => "rejection",
        MoveKind::Withdrawal => "withdrawal",
    }
}

impl RecruitmentRepo<'_> {
    /// Moves an application to `to`, checked by the domain rule; dated today and audited.
    pub fn move_stage(&self, application_id: i64, to: Stage, reason: &str) -> Result<StageMove> {
        let app = self.application(application_id)?;
        let pipeline = self.pipeline()?;
        let reasons = self.rejection_reasons()?;
        let kind = check_move(&pipeline, app.stage, to, reason, &reasons)
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
        let reason = match kind {
            // Stored as the listed code, so reports can count reasons.
            MoveKind::Rejection => reasons.find(reason).unwrap_or_default().to_string(),
            _ => optional_text("reason", reason, 200)
                .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?,
        };
        let today = self.store.clock().today();
        let policy = self.retention()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE applications SET stage = ?2, stage_since = ?3, ended_on = ?4,
                 reject_reason = CASE WHEN ?2 = 'rejected' THEN ?5 ELSE '' END WHERE id = ?1",
                params![
                    application_id,
                    to.code(),
                    iso(Some(today)),
                    iso(to.is_final().then_some(today)),
                    reason
                ],
            )?;
            tx.conn.execute(
                "INSERT INTO stage_moves (application_id, on_date, from_stage, to_stage, kind, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![application_id, iso(Some(today)), app.stage.code(), to.code(), kind_code(kind), reason],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("application", application_id, None, "move", Some(&app.stage), Some(&(to, kind, &reason)))?;
            tx.refresh_retention(app.candidate_id, &policy)?;
            Ok(StageMove { id, on: today, from: Some(app.stage), to, kind: kind_code(kind).into(), reason: reason.clone() })
        })
    }

    /// Every move of an application, oldest first (the timeline).
    pub fn history(&self, application_id: i64) -> Result<Vec<StageMove>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, on_date, from_stage, to_stage, kind, reason FROM stage_moves WHERE application_id = ?1 ORDER BY id",
        )?;
        Ok(st
            .query_map([application_id], |r| {
                let from: Option<String> = r.get(2)?;
                Ok(StageMove {
                    id: r.get(0)?,
                    on: date(r.get(1)?).unwrap_or_default(),
                    from: from.and_then(|f| Stage::from_code(&f)),
                    to: choice(3, r.get(3)?)?,
                    kind: r.get(4)?,
                    reason: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The vacancy's criteria with this application's answers.
    pub fn screening(&self, application_id: i64) -> Result<Vec<ScreeningLine>> {
        let app = self.application(application_id)?;
        let v = self.vacancy(app.vacancy_id)?;
        let mut st = self.store.conn().prepare_cached(
            "SELECT criterion_id, answer, note FROM screening_answers WHERE application_id = ?1",
        )?;
        let given = st
            .query_map([application_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    choice::<Answer>(1, r.get(1)?)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(v.criteria
            .into_iter()
            .map(|c| {
                let g = given.iter().find(|(id, _, _)| *id == c.id);
                ScreeningLine {
                    answer: g.map(|g| g.1),
                    note: g.map(|g| g.2.clone()).unwrap_or_default(),
                    criterion: c,
                }
            })
            .collect())
    }

    /// Records screening answers (criterion id, answer, note); criteria of another vacancy are refused.
    pub fn set_screening(
        &self,
        application_id: i64,
        answers: &[(i64, Answer, String)],
    ) -> Result<()> {
        let app = self.application(application_id)?;
        let v = self.vacancy(app.vacancy_id)?;
        let mut checked = Vec::new();
        for (cid, a, note) in answers {
            if !v.criteria.iter().any(|c| c.id == *cid) {
                return Err(StoreError::NotFound(format!("criterion #{cid}")));
            }
            let note = optional_text("note", note, 300)
                .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))?;
            checked.push((*cid, *a, note));
        }
        self.store.write(|tx| {
            for (cid, a, note) in &checked {
                tx.conn.execute(
                    "INSERT INTO screening_answers (application_id, criterion_id, answer, note) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (application_id, criterion_id) DO UPDATE SET answer = excluded.answer, note = excluded.note",
                    params![application_id, cid, a.code(), note],
                )?;
            }
            let codes: Vec<(i64, &str)> = checked.iter().map(|(c, a, _)| (*c, a.code())).collect();
            tx.audit("screening", application_id, None, "save", None::<&()>, Some(&codes))
        })
    }

    /// The vacancy's standard questions with this application's answers.
    pub fn questionnaire(&self, application_id: i64) -> Result<Vec<QuestionAnswer>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT q.id, q.text, qa.answer, qa.answered_on, coalesce(qa.called_by, '')
             FROM applications a JOIN vacancy_questions q ON q.vacancy_id = a.vacancy_id
             LEFT JOIN question_answers qa ON qa.question_id = q.id AND qa.application_id = a.id
             WHERE a.id = ?1 ORDER BY q.position, q.id",
        )?;
        Ok(st
            .query_map([application_id], |r| {
                Ok(QuestionAnswer {
                    question_id: r.get(0)?,
                    question: r.get(1)?,
                    answer: r.get(2)?,
                    answered_on: date(r.get(3)?),
                    called_by: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Records the phone preselection's answers (question id, answer), dated today, with who called.
    pub fn answer_questions(
        &self,
        application_id: i64,
        answers: &[(i64, String)],
        called_by: &str,
    ) -> Result<()> {
        let today = self.store.clock().today();
        self.answer_questions_on(application_id, answers, called_by, today)
    }

    pub fn add_reference(
        &self,
        application_id: i64,
        referee: &str,
        relation: &str,
        notes: &str,
    ) -> Result<ReferenceCheck> {
        self.application(application_id)?;
        let inv = |e| StoreError::Invalid(ValidationErrors(vec![e]));
        let referee = required_text("referee", referee, 120).map_err(inv)?;
        let relation = optional_text("relation", relation, 80).map_err(inv)?;
        let notes = optional_text("notes", notes, 2000).map_err(inv)?;
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO reference_checks (application_id, called_on, referee, relation, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![application_id, iso(Some(today)), referee, relation, notes],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("reference_check", id, None, "create", None::<&()>, Some(&application_id))?;
            Ok(ReferenceCheck { id, called_on: today, referee: referee.clone(), relation: relation.clone(), notes: notes.clone() })
        })
    }

    pub fn references(&self, application_id: i64) -> Result<Vec<ReferenceCheck>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, called_on, referee, relation, notes FROM reference_checks WHERE application_id = ?1 ORDER BY id",
        )?;
        Ok(st
            .query_map([application_id], |r| {
                Ok(ReferenceCheck {
                    id: r.get(0)?,
                    called_on: date(r.get(1)?).unwrap_or_default(),
                    referee: r.get(2)?,
                    relation: r.get(3)?,
                    notes: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Records on the candidate's timeline that a letter was sent (the generated document, if any).
    pub fn record_letter(
        &self,
        application_id: i64,
        template: &str,
        document_id: Option<i64>,
    ) -> Result<CandidateLetter> {
        self.application(application_id)?;
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO candidate_letters (application_id, template, document_id, sent_on) VALUES (?1, ?2, ?3, ?4)",
                params![application_id, template, document_id, iso(Some(today))],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("candidate_letter", id, None, "create", None::<&()>, Some(&template))?;
            Ok(CandidateLetter { id, template: template.to_string(), document_id, sent_on: today })
        })
    }

    pub fn letters(&self, application_id: i64) -> Result<Vec<CandidateLetter>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, template, document_id, sent_on FROM candidate_letters WHERE application_id = ?1 ORDER BY id",
        )?;
        Ok(st
            .query_map([application_id], |r| {
                Ok(CandidateLetter {
                    id: r.get(0)?,
                    template: r.get(1)?,
                    document_id: r.get(2)?,
                    sent_on: date(r.get(3)?).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
