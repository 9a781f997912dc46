//! Appraisal and development talks: the kinds, a form of sections with free text and a 1–5 score,
//! agreed actions with due dates, and when the next talk is due.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::course::{choice_field, optional_text};
use crate::choice_enum;
use crate::domain::date::{optional_date, required_date};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::text_input;

choice_enum!(
    /// The talks HR plans: function/appraisal, evaluation, development, end of the trial period,
    /// and the return-to-work talk after a long absence.
    TalkKind, "talk_kind" {
        Appraisal => "appraisal",
        Evaluation => "evaluation",
        Development => "development",
        EndOfTrial => "end_of_trial",
        ReturnToWork => "return_to_work",
    }
);

impl TalkKind {
    /// Whether a talk of this kind resets the yearly cycle (the periodic ones do; end of trial and
    /// return to work are one-off).
    pub fn is_periodic(self) -> bool {
        matches!(
            self,
            TalkKind::Appraisal | TalkKind::Evaluation | TalkKind::Development
        )
    }
}

/// One section of the form: its name, what was said, and a score from 1 to 5 if given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkSection {
    pub name: String,
    pub text: String,
    pub score: Option<u8>,
}

/// An action agreed in a talk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreedAction {
    pub text: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Talk {
    pub id: i64,
    pub employee_id: i64,
    pub data: TalkData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkData {
    pub kind: TalkKind,
    pub date: NaiveDate,
    pub held_by: String,
    /// Planned (in the future, or not yet held) or held.
    pub held: bool,
    pub sections: Vec<TalkSection>,
    pub actions: Vec<AgreedAction>,
    pub summary: String,
}

impl TalkData {
    /// The average score of the scored sections, in tenths (3,5 → 35).
    pub fn average_tenths(&self) -> Option<u32> {
        let scores: Vec<u32> = self
            .sections
            .iter()
            .filter_map(|s| s.score.map(u32::from))
            .collect();
        if scores.is_empty() {
            return None;
        }
        let n = scores.len() as u32;
        Some((scores.iter().sum::<u32>() * 10 * 2 + n) / (2 * n))
    }
}

/// When the next periodic talk is due: `months` after the last periodic one held, else `months`
/// after the start of employment.
pub fn next_due(last_held: Option<NaiveDate>, start: NaiveDate, months: u32) -> NaiveDate {
    let from = last_held.unwrap_or(start);
    from.checked_add_months(Months::new(months)).unwrap_or(from)
}

/// Whether the next talk is overdue on `today` (and none is planned from today on).
pub fn overdue(next_due: NaiveDate, planned: Option<NaiveDate>, today: NaiveDate) -> bool {
    next_due < today && planned.is_none_or(|p| p < today)
}

text_input!(
    /// A talk as typed. `scores` are one digit 1–5 (or `-`) per section, separated by spaces;
    /// `texts` one text per section separated by `|`; `actions` one action per `;`, each
    /// `text @ dd/mm/yyyy` when it has a due date; `needs` course titles or free needs per `;`.
    TalkInput, TALK_FIELDS { kind, date, held_by, held, scores, texts, actions, needs, summary }
);

impl TalkInput {
    /// Checks the input against the form's `sections` (names from the settings).
    pub fn validate(
        &self,
        sections: &[String],
    ) -> Result<(TalkData, Vec<String>), ValidationErrors> {
        let mut e = ValidationErrors::default();
        let kind = collect(
            &mut e,
            choice_field("kind", &self.kind, TalkKind::Appraisal),
        );
        let date = collect(&mut e, required_date("date", &self.date));
        let held_by = collect(&mut e, optional_text("held_by", &self.held_by, 80));
        let held = collect(&mut e, super::course::yes_no("held", &self.held, true));
        let scores = collect(&mut e, parse_scores("scores", &self.scores, sections.len()));
        let texts: Vec<String> = self
            .texts
            .split('|')
            .map(crate::domain::text::clean)
            .collect();
        let actions = collect(&mut e, parse_actions("actions", &self.actions));
        let summary = collect(&mut e, optional_text("summary", &self.summary, 2000));
        let needs: Vec<String> = self
            .needs
            .split(';')
            .map(crate::domain::text::clean)
            .filter(|n| !n.is_empty())
            .collect();
        match (kind, date, held_by, held, scores, actions, summary) {
            (
                Some(kind),
                Some(date),
                Some(held_by),
                Some(held),
                Some(scores),
                Some(actions),
                Some(summary),
            ) if e.is_empty() => {
                let sections = sections
                    .iter()
                    .enumerate()
                    .map(|(i, name)| TalkSection {
                        name: name.clone(),
                        text: texts.get(i).cloned().unwrap_or_default(),
                        score: scores.get(i).copied().flatten(),
                    })
                    .collect();
                Ok((
                    TalkData {
                        kind,
                        date,
                        held_by,
                        held,
                        sections,
                        actions,
                        summary,
                    },
                    needs,
                ))
            }
            _ => Err(e),
        }
    }
}

/// Scores 1–5 (or `-` for none), separated by spaces or commas; at most one per section.
pub fn parse_scores(
    field: &'static str,
    text: &str,
    sections: usize,
) -> Result<Vec<Option<u8>>, FieldError> {
    let mut out = Vec::new();
    for w in text.split([' ', ',', ';']).filter(|w| !w.is_empty()) {
        match w {
            "-" => out.push(None),
            _ => match w.parse::<u8>() {
                Ok(n @ 1..=5) => out.push(Some(n)),
                _ => return Err(FieldError::new(field, "err.training_score").arg("value", w)),
            },
        }
    }
    if out.len() > sections {
        return Err(
            FieldError::new(field, "err.training_scores_count").arg("max", sections.to_string())
        );
    }
    Ok(out)
}

/// Actions separated by `;`, each `text` or `text @ date`.
pub fn parse_actions(field: &'static str, text: &str) -> Result<Vec<AgreedAction>, FieldError> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (what, due) = match part.rsplit_once('@') {
            Some((w, d)) => (w.trim(), optional_date(field, d)?),
            None => (part, None),
        };
        if what.is_empty() {
            return Err(FieldError::new(field, "err.required"));
        }
        out.push(AgreedAction {
            text: crate::domain::text::clean(what),
            due,
            done: false,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sections() -> Vec<String> {
        vec!["results".into(), "skills".into(), "wellbeing".into()]
    }

    #[test]
    fn the_next_talk_is_due_a_year_after_the_last() {
        assert_eq!(
            next_due(Some(d(2025, 3, 10)), d(2019, 1, 1), 12),
            d(2026, 3, 10)
        );
        assert_eq!(next_due(None, d(2025, 9, 1), 12), d(2026, 9, 1));
        assert!(overdue(d(2026, 3, 10), None, d(2026, 3, 11)));
        assert!(!overdue(d(2026, 3, 10), None, d(2026, 3, 10)));
        assert!(!overdue(
            d(2026, 3, 10),
            Some(d(2026, 3, 20)),
            d(2026, 3, 11)
        ));
        assert!(overdue(d(2026, 3, 10), Some(d(2026, 3, 1)), d(2026, 3, 11)));
    }

    #[test]
    fn a_talk_form_keeps_sections_scores_and_actions() {
        let i = TalkInput {
            kind: "development".into(),
            date: "10/03/2026".into(),
            held_by: "An Peeters".into(),
            scores: "4 - 5".into(),
            texts: "Targets met | Excel | Fine".into(),
            actions: "Follow Excel course @ 30/06/2026; Mentor a new welder".into(),
            needs: "Excel advanced; ".into(),
            ..Default::default()
        };
        let (t, needs) = i.validate(&sections()).unwrap();
        assert_eq!(t.kind, TalkKind::Development);
        assert_eq!(t.sections[0].score, Some(4));
        assert_eq!(t.sections[1].score, None);
        assert_eq!(t.sections[1].text, "Excel");
        assert_eq!(t.actions.len(), 2);
        assert_eq!(t.actions[0].due, Some(d(2026, 6, 30)));
        assert_eq!(t.average_tenths(), Some(45));
        assert_eq!(needs, vec!["Excel advanced"]);
        assert!(t.held);
    }

    #[test]
    fn bad_scores_and_dates_are_named() {
        let i = TalkInput {
            kind: "chat".into(),
            date: "".into(),
            scores: "6".into(),
            actions: "x @ 31/02/2026".into(),
            ..Default::default()
        };
        let e = i.validate(&sections()).unwrap_err();
        for f in ["kind", "date", "scores", "actions"] {
            assert!(e.for_field(f).is_some(), "{f}: {e}");
        }
        assert_eq!(
            parse_scores("s", "1 2 3 4", 3).unwrap_err().key,
            "err.training_scores_count"
        );
    }
}
