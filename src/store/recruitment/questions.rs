//! The phone preselection: the vacancy's standard questions (edited in place, so answers to a
//! question that stays keep pointing at it) and the answers of one call, with its day and caller.

use chrono::NaiveDate;
use rusqlite::params;

use super::super::rows::iso;
use super::super::{Result, StoreError};
use super::RecruitmentRepo;
use crate::domain::error::ValidationErrors;
use crate::domain::recruitment::questionnaire;

impl RecruitmentRepo<'_> {
    /// Replaces the vacancy's questions by `texts`, in order. A question keeps its place (and its
    /// answers) when only its wording changes; questions beyond the new list go, with their answers.
    pub fn set_questions(&self, vacancy_id: i64, texts: &[String]) -> Result<Vec<String>> {
        let old = self.vacancy(vacancy_id)?.questions;
        let typed: Vec<(&'static str, String)> =
            texts.iter().map(|t| ("question", t.clone())).collect();
        let new = questionnaire::questions(&typed).map_err(StoreError::Invalid)?;
        self.store.write(|tx| {
            let ids: Vec<i64> = {
                let mut st = tx.conn.prepare(
                    "SELECT id FROM vacancy_questions WHERE vacancy_id = ?1 ORDER BY position, id",
                )?;
                st.query_map([vacancy_id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            };
            for (i, text) in new.iter().enumerate() {
                match ids.get(i) {
                    Some(id) => tx.conn.execute(
                        "UPDATE vacancy_questions SET position = ?2, text = ?3 WHERE id = ?1",
                        params![id, i as i64, text],
                    )?,
                    None => tx.conn.execute(
                        "INSERT INTO vacancy_questions (vacancy_id, position, text) VALUES (?1, ?2, ?3)",
                        params![vacancy_id, i as i64, text],
                    )?,
                };
            }
            for id in ids.iter().skip(new.len()) {
                tx.conn
                    .execute("DELETE FROM question_answers WHERE question_id = ?1", [id])?;
                tx.conn
                    .execute("DELETE FROM vacancy_questions WHERE id = ?1", [id])?;
            }
            tx.audit("vacancy", vacancy_id, None, "questions", Some(&old), Some(&new))
        })?;
        Ok(new)
    }

    /// Records the answers of the call made `on` (not after today) by `called_by`: question id and
    /// answer; questions of another vacancy are refused.
    pub fn answer_questions_on(
        &self,
        application_id: i64,
        answers: &[(i64, String)],
        called_by: &str,
        on: NaiveDate,
    ) -> Result<()> {
        let known = self.questionnaire(application_id)?;
        let inv = |e| StoreError::Invalid(ValidationErrors(vec![e]));
        let called_by = questionnaire::caller("called_by", called_by).map_err(inv)?;
        let today = self.store.clock().today();
        questionnaire::call_date("answered_on", &crate::domain::date::format_date(on), today)
            .map_err(inv)?;
        let mut checked = Vec::new();
        for (q, a) in answers {
            if !known.iter().any(|k| k.question_id == *q) {
                return Err(StoreError::NotFound(format!("question #{q}")));
            }
            checked.push((*q, questionnaire::answer("answer", a).map_err(inv)?));
        }
        self.store.write(|tx| {
            for (q, a) in &checked {
                tx.conn.execute(
                    "INSERT INTO question_answers (application_id, question_id, answer, answered_on, called_by) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (application_id, question_id) DO UPDATE SET answer = excluded.answer,
                     answered_on = excluded.answered_on, called_by = excluded.called_by",
                    params![application_id, q, a, iso(Some(on)), called_by],
                )?;
            }
            // The answers are the candidate's personal data: the audit keeps only how many.
            tx.audit("questionnaire", application_id, None, "save", None::<&()>, Some(&checked.len()))
        })
    }
}
