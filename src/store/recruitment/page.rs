//! Everything about one candidate at once, for the candidate page and `candidate show`.

use chrono::NaiveDate;
use serde::Serialize;

use super::super::Result;
use super::{
    ApplicationRow, CandidateFile, CandidateLetter, Feedback, InterviewRow, QuestionAnswer,
    RecruitmentRepo, ReferenceCheck, ScreeningLine, StageMove,
};
use crate::domain::recruitment::Candidate;

#[derive(Debug, Clone, Serialize)]
pub struct ApplicationPage {
    pub application: ApplicationRow,
    pub screening: Vec<ScreeningLine>,
    pub questionnaire: Vec<QuestionAnswer>,
    pub interviews: Vec<InterviewRow>,
    pub feedback: Vec<Feedback>,
    pub references: Vec<ReferenceCheck>,
    pub letters: Vec<CandidateLetter>,
    pub history: Vec<StageMove>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CandidatePage {
    pub candidate: Candidate,
    pub retain_until: Option<NaiveDate>,
    pub files: Vec<CandidateFile>,
    pub applications: Vec<ApplicationPage>,
}

impl RecruitmentRepo<'_> {
    pub fn candidate_page(&self, candidate_id: i64) -> Result<CandidatePage> {
        let candidate = self.candidate(candidate_id)?;
        let mut applications = Vec::new();
        for a in self.applications_of(candidate_id)? {
            applications.push(ApplicationPage {
                screening: self.screening(a.id)?,
                questionnaire: self.questionnaire(a.id)?,
                interviews: self.interviews_of(a.id)?,
                feedback: self.feedback(a.id)?,
                references: self.references(a.id)?,
                letters: self.letters(a.id)?,
                history: self.history(a.id)?,
                application: a,
            });
        }
        Ok(CandidatePage {
            candidate,
            retain_until: self.retain_until(candidate_id)?,
            files: self.files(candidate_id)?,
            applications,
        })
    }
}
