//! Onboarding and offboarding checklists: tasks with due dates counted from the start or the end of
//! an employment, ticked by hand or, for the Dimona tasks, by the declaration itself.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::choice_enum;

choice_enum!(
    /// Onboarding (onthaal / accueil) counts from the first day, offboarding from the last.
    ChecklistKind, "checklist" {
        Onboarding => "onboarding",
        Offboarding => "offboarding",
    }
);

/// The task code a Dimona IN completes.
pub const DIMONA_IN: &str = "dimona_in";
/// The task code a Dimona OUT (or an IN that gave the end date) completes.
pub const DIMONA_OUT: &str = "dimona_out";

/// How far back a start or an end still gets a checklist: someone entered today who started years
/// ago is history being typed in, not a new hire, and must not fill Today with overdue tasks.
pub const RECENT_DAYS: i64 = super::dimona::LOOKBACK_DAYS;

/// A text in the three UI languages (task titles are data the company may change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Localized {
    pub en: String,
    pub nl: String,
    pub fr: String,
}

impl Localized {
    /// The text in `lang` ("nl", "fr", anything else English).
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "nl" => &self.nl,
            "fr" => &self.fr,
            _ => &self.en,
        }
    }
}

/// One task of a template: what, by whom, and how many days from the anchor it is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateTask {
    pub code: String,
    pub title: Localized,
    pub offset_days: i64,
    pub responsible: String,
    /// Code of the document to produce (e.g. `work_rules_receipt`, `c4`), empty for none.
    pub document: String,
}

impl TemplateTask {
    pub fn due(&self, anchor: NaiveDate) -> NaiveDate {
        anchor + Duration::days(self.offset_days)
    }
}

/// Whether an employment starting on `start` is a new hire that gets an onboarding checklist.
pub fn wants_onboarding(start: NaiveDate, today: NaiveDate) -> bool {
    start >= today - Duration::days(RECENT_DAYS)
}

/// Whether an employment ending on `end` gets an offboarding checklist.
pub fn wants_offboarding(end: NaiveDate, today: NaiveDate) -> bool {
    end >= today - Duration::days(RECENT_DAYS)
}

/// How a task was completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Done {
    /// Ticked by someone on a day.
    Ticked { on: NaiveDate, by: String },
    /// Completed by a Dimona declaration in the register (nothing to tick).
    Dimona,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    pub id: i64,
    pub code: String,
    pub title: Localized,
    pub responsible: String,
    pub document: String,
    pub due: NaiveDate,
    pub done: Option<Done>,
}

impl Task {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.due < today
    }

    /// Whether the Dimona register completes this task, given what it holds.
    pub fn done_by_dimona(&self, has_in: bool, has_out: bool) -> bool {
        (self.code == DIMONA_IN && has_in) || (self.code == DIMONA_OUT && has_out)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub id: i64,
    pub employee_id: i64,
    pub kind: ChecklistKind,
    /// The first day (onboarding) or the last day (offboarding) the due dates count from.
    pub anchor: NaiveDate,
    pub tasks: Vec<Task>,
}

impl Checklist {
    /// Tasks done and tasks in all.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.tasks.iter().filter(|t| t.done.is_some()).count();
        (done, self.tasks.len())
    }

    pub fn overdue(&self, today: NaiveDate) -> usize {
        self.tasks.iter().filter(|t| t.is_overdue(today)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn task(code: &str, offset_days: i64) -> TemplateTask {
        TemplateTask {
            code: code.into(),
            title: Localized::default(),
            offset_days,
            responsible: "HR".into(),
            document: String::new(),
        }
    }

    #[test]
    fn due_dates_count_days_from_the_anchor_negative_before() {
        let start = d(2026, 3, 2);
        assert_eq!(task("dimona_in", -1).due(start), d(2026, 3, 1));
        assert_eq!(task("buddy", -3).due(start), d(2026, 2, 27));
        assert_eq!(task("work_rules", 0).due(start), start);
        assert_eq!(task("first_month_talk", 30).due(start), d(2026, 4, 1));
    }

    #[test]
    fn only_recent_or_future_employments_get_a_checklist() {
        let today = d(2026, 3, 10);
        assert!(wants_onboarding(d(2026, 4, 1), today));
        assert!(wants_onboarding(d(2026, 1, 1), today));
        assert!(!wants_onboarding(d(2025, 12, 1), today));
        assert!(wants_offboarding(d(2026, 2, 28), today));
        assert!(!wants_offboarding(d(2024, 2, 28), today));
    }

    #[test]
    fn progress_and_overdue_count_the_tasks() {
        let today = d(2026, 3, 10);
        let t = |due, done: Option<Done>| Task {
            id: 0,
            code: String::new(),
            title: Localized::default(),
            responsible: String::new(),
            document: String::new(),
            due,
            done,
        };
        let c = Checklist {
            id: 1,
            employee_id: 1,
            kind: ChecklistKind::Onboarding,
            anchor: today,
            tasks: vec![
                t(d(2026, 3, 1), Some(Done::Dimona)),
                t(d(2026, 3, 9), None),
                t(today, None),
                t(
                    d(2026, 3, 1),
                    Some(Done::Ticked {
                        on: today,
                        by: "Sofie".into(),
                    }),
                ),
            ],
        };
        assert_eq!(c.progress(), (2, 4));
        assert_eq!(c.overdue(today), 1);
    }

    #[test]
    fn only_the_dimona_tasks_are_done_by_the_register() {
        let t = |code: &str| Task {
            id: 0,
            code: code.into(),
            title: Localized::default(),
            responsible: String::new(),
            document: String::new(),
            due: d(2026, 1, 1),
            done: None,
        };
        assert!(t(DIMONA_IN).done_by_dimona(true, false));
        assert!(!t(DIMONA_IN).done_by_dimona(false, true));
        assert!(t(DIMONA_OUT).done_by_dimona(false, true));
        assert!(!t("c4").done_by_dimona(true, true));
    }

    #[test]
    fn titles_follow_the_language() {
        let l = Localized {
            en: "Exit talk".into(),
            nl: "Exitgesprek".into(),
            fr: "Entretien de sortie".into(),
        };
        assert_eq!(l.get("nl"), "Exitgesprek");
        assert_eq!(l.get("fr"), "Entretien de sortie");
        assert_eq!(l.get("en"), "Exit talk");
        assert_eq!(l.get("de"), "Exit talk");
    }
}
