//! Recruitment rules (issue 5): vacancies and their profile, candidates, the stage pipeline, screening
//! scores, interview clashes and how long candidate data may be kept (CAO 38, GDPR).

pub mod candidate;
pub mod interview;
pub mod questionnaire;
pub mod report;
pub mod retention;
pub mod screening;
pub mod stage;
pub mod vacancy;

pub use candidate::{Candidate, CandidateData, CandidateInput, MatchKeys};
pub use interview::{Clash, InterviewSlot, LeaveFact, find_clash};
pub use retention::{RetentionPolicy, retention_until};
pub use screening::{Answer, Score, score};
pub use stage::{MoveKind, Pipeline, RejectionReasons, Stage, check_move};
pub use vacancy::{
    Channel, ChannelPost, Criterion, Requirement, Vacancy, VacancyData, VacancyInput, VacancyStatus,
};
