//! Training and development (issue 6): the course catalogue, sessions with enrolments and a waiting
//! list, attendance, training records and certificates, the individual training right, appraisal and
//! development talks, and the social balance sheet's training figures. Pure: facts come in, `today`
//! is a parameter.

pub mod balance;
pub mod certificate;
pub mod course;
pub mod evaluation;
pub mod request;
pub mod right;
pub mod session;
pub mod talk;

use serde::{Deserialize, Serialize};

use crate::choice_enum;

choice_enum!(
    /// How the social balance sheet (sociale balans / bilan social) counts a course: formal (a
    /// course away from the job), informal (learning at the workplace) or initial (a trainee's first
    /// schooling under a training scheme).
    TrainingKind, "training_kind" {
        Formal => "formal",
        Informal => "informal",
        Initial => "initial",
    }
);

choice_enum!(
    /// Where a training need came from.
    NeedSource, "need_source" {
        Talk => "talk",
        Manager => "manager",
        Request => "request",
        Mandatory => "mandatory",
    }
);

choice_enum!(
    NeedPriority, "need_priority" {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
);

choice_enum!(
    /// Open → planned (a session is chosen) → done, or dropped.
    NeedStatus, "need_status" {
        Open => "open",
        Planned => "planned",
        Done => "done",
        Dropped => "dropped",
    }
);

choice_enum!(
    /// An employee's request for a course: approval turns it into an enrolment.
    RequestStatus, "training_request" {
        Pending => "pending",
        Approved => "approved",
        Refused => "refused",
    }
);

/// The training settings. The legal figures marked **(verify)** in BELGIAN-RULES.md are settings so
/// a sector CAO or a new law changes a number, not the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingSettings {
    /// Training days per FTE per year for companies with at least `large_from` workers (5 by law).
    pub days_large: u32,
    pub large_from: u32,
    /// Days per FTE for companies with `small_from`..`large_from` workers (1 by law).
    pub days_small: u32,
    pub small_from: u32,
    /// Workers the company counts for the thresholds; `None`: the people employed on 1 January.
    pub workers: Option<u32>,
    /// Minutes of one training day: a full-time day (38 h / 5 = 7h36).
    pub day_minutes: u32,
    /// Certificates expiring within this many days show on Today and lead the certificates view.
    pub expiry_days: i64,
    /// Months between two appraisal or development talks.
    pub talk_months: u32,
    /// Months after a course when the follow-up asks whether it helped in the job.
    pub follow_up_months: u32,
    /// The year's training budget in cents (the plan view compares planned cost with it).
    pub budget_cents: i64,
    /// The sections of a talk form, in order; each gets free text and a 1–5 score. A code with a
    /// `talk_section.` text is shown translated, any other text as it is written.
    pub talk_sections: Vec<String>,
    /// The questions of the evaluation after a course, in order; each gets a 1–5 score. A code
    /// with an `evaluation_question.` text is shown translated, any other text as it is written.
    pub evaluation_questions: Vec<String>,
}

impl Default for TrainingSettings {
    fn default() -> Self {
        TrainingSettings {
            days_large: 5,
            large_from: 20,
            days_small: 1,
            small_from: 10,
            workers: None,
            day_minutes: 456,
            expiry_days: 90,
            talk_months: 12,
            follow_up_months: 3,
            budget_cents: 0,
            talk_sections: vec![
                "results".into(),
                "skills".into(),
                "cooperation".into(),
                "wellbeing".into(),
                "development".into(),
            ],
            evaluation_questions: vec![
                "content".into(),
                "trainer".into(),
                "organisation".into(),
                "usefulness".into(),
            ],
        }
    }
}
