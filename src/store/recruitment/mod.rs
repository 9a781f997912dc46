//! Recruitment (issue 5): vacancies, candidates and their applications through the pipeline,
//! interviews, letters, hiring and the purge of candidates' personal data.
//!
//! Audit rows about candidates never carry their personal data (names, contact details, notes):
//! the audit is append-only, and a purge must be able to make a candidate anonymous.

mod board;
mod candidates;
mod hire;
mod interviews;
mod page;
mod pipeline;
mod purge;
mod questions;
mod report;
mod seed;
mod vacancies;

use super::{Result, Store};
use crate::domain::recruitment::{Pipeline, RejectionReasons, RetentionPolicy};

pub use candidates::{ApplicationRow, CandidateFile, Duplicate, Link};
pub use hire::{HireInput, default_start, job_title};
pub use interviews::{Feedback, InterviewInput, InterviewRow, Recommendation};
pub use page::{ApplicationPage, CandidatePage};
pub use pipeline::{CandidateLetter, QuestionAnswer, ReferenceCheck, ScreeningLine, StageMove};
pub use purge::{PurgeReport, PurgedCandidate};
pub use vacancies::VacancyRow;

/// Settings keys: the stage list, the rejection reasons and the retention policy.
pub const PIPELINE_KEY: &str = "recruitment.pipeline";
pub const REASONS_KEY: &str = "recruitment.rejection_reasons";
pub const RETENTION_KEY: &str = "recruitment.retention";

pub struct RecruitmentRepo<'a> {
    pub(super) store: &'a Store,
}

impl RecruitmentRepo<'_> {
    pub fn pipeline(&self) -> Result<Pipeline> {
        Ok(self
            .store
            .settings()
            .get::<Pipeline>(PIPELINE_KEY)?
            .normalized())
    }

    pub fn rejection_reasons(&self) -> Result<RejectionReasons> {
        let r: RejectionReasons = self.store.settings().get(REASONS_KEY)?;
        Ok(if r.0.is_empty() {
            RejectionReasons::default()
        } else {
            r
        })
    }

    pub fn retention(&self) -> Result<RetentionPolicy> {
        self.store.settings().get(RETENTION_KEY)
    }
}
