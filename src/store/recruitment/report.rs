//! Reads what the per-vacancy report needs: each application's channel, stage and rejection reason
//! and its dated moves. These survive a purge, so purged candidates still count.

use super::super::Result;
use super::super::rows::{choice, date};
use super::RecruitmentRepo;
use crate::domain::recruitment::report::{
    ApplicationFacts, MoveFact, VacancyReport, vacancy_report,
};

impl RecruitmentRepo<'_> {
    /// The applications of a vacancy as the report counts them, in order of arrival.
    pub fn report_facts(&self, vacancy_id: i64) -> Result<Vec<ApplicationFacts>> {
        let conn = self.store.conn();
        let mut st = conn.prepare_cached(
            "SELECT a.id, c.source, a.stage, a.reject_reason FROM applications a
             JOIN candidates c ON c.id = a.candidate_id WHERE a.vacancy_id = ?1 ORDER BY a.id",
        )?;
        let mut apps = st
            .query_map([vacancy_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    ApplicationFacts {
                        source: choice(1, r.get(1)?)?,
                        stage: choice(2, r.get(2)?)?,
                        reject_reason: r.get(3)?,
                        moves: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // One pass over the moves of the whole vacancy (on the application index), in order.
        let mut st = conn.prepare_cached(
            "SELECT m.application_id, m.on_date, m.to_stage FROM stage_moves m
             JOIN applications a ON a.id = m.application_id WHERE a.vacancy_id = ?1
             ORDER BY m.application_id, m.id",
        )?;
        let moves = st.query_map([vacancy_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                MoveFact {
                    on: date(r.get(1)?).unwrap_or_default(),
                    to: choice(2, r.get(2)?)?,
                },
            ))
        })?;
        for m in moves {
            let (app, fact) = m?;
            if let Ok(i) = apps.binary_search_by_key(&app, |(id, _)| *id) {
                apps[i].1.moves.push(fact);
            }
        }
        Ok(apps.into_iter().map(|(_, a)| a).collect())
    }

    /// The per-vacancy report: channels, funnel, time to hire, rejection reasons.
    pub fn vacancy_report(&self, vacancy_id: i64) -> Result<VacancyReport> {
        self.vacancy(vacancy_id)?;
        let facts = self.report_facts(vacancy_id)?;
        Ok(vacancy_report(
            &self.pipeline()?,
            &self.rejection_reasons()?.0,
            &facts,
        ))
    }
}
