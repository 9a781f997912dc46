//! The Today list: everything that needs the assistant's attention, most urgent first, each item with the
//! person, what is due, the due date and the place where it is fixed. The store gathers the facts inside
//! the windows [`TodaySettings`] names; the rules in [`rules`] decide what is due and when.

pub mod occasions;
pub mod recruitment;
pub mod retention;
pub mod rules;
pub mod training;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::checklist::Localized;
use crate::domain::contract::ContractKind;
use crate::domain::records::DocumentKind;

pub use occasions::{Occasion, OccasionKind};

/// How far ahead (and back) the Today list looks. Stored as a setting; the defaults follow issue 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TodaySettings {
    /// Fixed-term, student and replacement contracts ending within this many days.
    pub contract_days: i64,
    /// ID cards, work permits and medical certificates expiring within this many days.
    pub document_days: i64,
    /// New hires starting within this many days, or started at most `hire_days_back` ago, are checked
    /// for their signed contract and work-rules receipt.
    pub hire_days_ahead: i64,
    pub hire_days_back: i64,
    /// Birthdays and work anniversaries within this many days (the quiet section).
    pub occasion_days: i64,
    /// Checklist tasks due within this many days (the overdue ones always show).
    pub task_days: i64,
}

impl Default for TodaySettings {
    fn default() -> Self {
        TodaySettings {
            contract_days: 30,
            document_days: 60,
            hire_days_ahead: 14,
            hire_days_back: 90,
            occasion_days: 7,
            task_days: 7,
        }
    }
}

/// Who an item is about, as the list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    pub id: i64,
    pub number: String,
    /// "First Last", the preferred name winning.
    pub name: String,
}

/// What is due. Each variant names the rule that raised it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Due {
    /// A contract with an end date ends (or ended) and no next contract or departure is recorded.
    ContractEnds { kind: ContractKind, end: NaiveDate },
    /// Required for every new hire: on file by the first working day.
    DocumentMissing {
        kind: DocumentKind,
        start: NaiveDate,
    },
    /// An ID card, work permit, medical certificate or driving licence expires (or expired).
    DocumentExpires {
        kind: DocumentKind,
        expires: NaiveDate,
    },
    /// Sick today; the expected return if the certificate gives one.
    SickOngoing {
        since: NaiveDate,
        expected_return: Option<NaiveDate>,
    },
    /// The medical certificate of a spell is overdue.
    CertificateMissing { since: NaiveDate },
    /// A leave request waits for a decision.
    LeaveWaiting {
        request_id: i64,
        leave_type: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Next year's replacement days for holidays on a Sunday or a usual day off are not all set.
    ReplacementDays { year: i32, missing: usize },
    /// A Dimona declaration (IN before the first working day, OUT after a departure) is not recorded.
    Dimona { kind: DimonaDue },
    /// A checklist task is overdue or due soon.
    ChecklistTask { title: Localized },
    /// Last month's payroll variables are not yet exported to the social secretariat.
    PayrollExport { year: i32, month: u32 },
    /// A former employee's retention period is over: erase their personal data (GDPR).
    RetentionOver { left_on: NaiveDate },
    /// A certificate expires within the window (or expired); whether a session is planned.
    TrainingCertificate {
        course: String,
        expires: NaiveDate,
        planned: Option<NaiveDate>,
    },
    /// A certificate the person's job needs and they never obtained.
    TrainingMissing {
        course: String,
        job: String,
        planned: Option<NaiveDate>,
    },
    /// The periodic appraisal or development talk is overdue and none is planned.
    TalkOverdue { due: NaiveDate },
    /// A rejected candidate has not had their rejection letter (CAO 38: every candidate gets an answer).
    RejectionLetter {
        application_id: i64,
        rejected_on: NaiveDate,
    },
    /// A candidate's retention period ends: their personal data is purged on that day (GDPR).
    CandidateRetention { until: NaiveDate },
    /// An employee's training request waits for an answer.
    TrainingRequest {
        request_id: i64,
        course: String,
        asked_on: NaiveDate,
    },
    /// The follow-up of a course (did it help in the job?) is due and not yet answered.
    TrainingFollowUp {
        record_id: i64,
        course: String,
        due: NaiveDate,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DimonaDue {
    In,
    Out,
}

/// The place where an item is fixed: the Today tab jumps there with one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Place {
    /// A section of the person's dossier.
    Dossier { employee_id: i64, part: DossierPart },
    /// The person in the Leave tab, on a request or a sick spell when one is given.
    Leave {
        employee_id: i64,
        request_id: Option<i64>,
        spell_id: Option<i64>,
    },
    /// The company calendar of a year (replacement days).
    CompanyDays { year: i32 },
    /// The payroll review of a month.
    Payroll { year: i32, month: u32 },
    /// A candidate's page in the Recruitment tab.
    Candidate { candidate_id: i64 },
    /// An item of the Training tab (a request to answer, a follow-up to record).
    Training {
        part: training::TrainingPlace,
        id: i64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DossierPart {
    Employment,
    Documents,
    Checklist,
    Training,
}

/// How pressing an item is on `today`; the list colours by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

impl Urgency {
    pub fn of(due: NaiveDate, today: NaiveDate) -> Urgency {
        match (due - today).num_days() {
            d if d < 0 => Urgency::Overdue,
            0 => Urgency::Today,
            1..=7 => Urgency::ThisWeek,
            _ => Urgency::Later,
        }
    }
}

/// One line of the Today list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attention {
    /// `None` for company-wide items (replacement days, payroll).
    pub person: Option<PersonRef>,
    #[serde(flatten)]
    pub what: Due,
    pub due: NaiveDate,
    pub urgency: Urgency,
    pub place: Place,
}

impl Attention {
    fn new(
        person: Option<PersonRef>,
        what: Due,
        due: NaiveDate,
        place: Place,
        today: NaiveDate,
    ) -> Self {
        Attention {
            person,
            what,
            due,
            urgency: Urgency::of(due, today),
            place,
        }
    }
}

/// The whole Today screen: what needs attention, and the quiet section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TodayList {
    pub items: Vec<Attention>,
    pub occasions: Vec<Occasion>,
    /// Some rule found as many items as the store reads for one rule (this cap), so the list may
    /// not be complete.
    pub limited: Option<usize>,
}

impl TodayList {
    /// Most urgent first: the earliest due date (so overdue items lead), then by rule, then by name.
    pub fn sorted(mut items: Vec<Attention>, mut occasions: Vec<Occasion>) -> TodayList {
        items.sort_by(|a, b| {
            a.due
                .cmp(&b.due)
                .then_with(|| rank(&a.what).cmp(&rank(&b.what)))
                .then_with(|| name(a).cmp(name(b)))
        });
        occasions.sort_by(|a, b| {
            a.on.cmp(&b.on)
                .then_with(|| a.person.name.cmp(&b.person.name))
        });
        TodayList {
            items,
            occasions,
            limited: None,
        }
    }

    pub fn overdue(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.urgency == Urgency::Overdue)
            .count()
    }
}

fn name(a: &Attention) -> &str {
    a.person.as_ref().map_or("", |p| p.name.as_str())
}

/// On the same day, legal deadlines before paperwork before information.
fn rank(d: &Due) -> u8 {
    match d {
        Due::Dimona { .. } => 0,
        Due::CertificateMissing { .. } => 1,
        Due::ContractEnds { .. } => 2,
        Due::DocumentMissing { .. } => 3,
        Due::ReplacementDays { .. } => 4,
        Due::PayrollExport { .. } => 5,
        Due::LeaveWaiting { .. } => 6,
        Due::DocumentExpires { .. } => 7,
        Due::ChecklistTask { .. } => 8,
        Due::SickOngoing { .. } => 9,
        Due::RetentionOver { .. } => 10,
        Due::TrainingMissing { .. } => 11,
        Due::TrainingCertificate { .. } => 12,
        Due::TalkOverdue { .. } => 13,
        Due::RejectionLetter { .. } => 14,
        Due::CandidateRetention { .. } => 15,
        Due::TrainingRequest { .. } => 16,
        Due::TrainingFollowUp { .. } => 17,
    }
}
