//! The participant's evaluation after a course (a 1–5 score per question of the settings, and a
//! comment) and the follow-up months later asking whether the course helped in the job.

use serde::{Deserialize, Serialize};

use super::talk::parse_scores;
use crate::domain::employee::optional_text;
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::{choice_enum, text_input};

choice_enum!(
    /// The follow-up's answer: did the course help in the job?
    Helped, "helped" {
        Yes => "yes",
        No => "no",
        Partly => "partly",
    }
);

/// One question's score. The question is kept by its code so that a later change of the
/// settings' question list does not shift old answers onto other questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub question: String,
    pub score: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationData {
    pub scores: Vec<Score>,
    pub comment: String,
}

text_input!(
    /// An evaluation as typed in the form: `eval_scores` one digit 1–5 (or `-`) per question of the
    /// settings, in order, separated by spaces.
    EvaluationInput, EVALUATION_FIELDS { eval_scores, comment }
);

const COMMENT_MAX: usize = 2000;

fn need_one(scores: &[Score]) -> Result<(), FieldError> {
    if scores.is_empty() {
        return Err(FieldError::new("eval_scores", "err.training_eval_no_score"));
    }
    Ok(())
}

impl EvaluationInput {
    /// Checks the input against the settings' `questions`: at least one question scored.
    pub fn validate(&self, questions: &[String]) -> Result<EvaluationData, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let scores = collect(
            &mut e,
            parse_scores("eval_scores", &self.eval_scores, questions.len()).and_then(|s| {
                let scores: Vec<Score> = questions
                    .iter()
                    .zip(s)
                    .filter_map(|(q, s)| {
                        s.map(|score| Score {
                            question: q.clone(),
                            score,
                        })
                    })
                    .collect();
                need_one(&scores).map(|()| scores)
            }),
        );
        let comment = collect(&mut e, optional_text("comment", &self.comment, COMMENT_MAX));
        match (scores, comment) {
            (Some(scores), Some(comment)) if e.is_empty() => Ok(EvaluationData { scores, comment }),
            _ => Err(e),
        }
    }

    /// The form's text for an evaluation already given (to change it).
    pub fn from_data(d: &EvaluationData, questions: &[String]) -> Self {
        let scores: Vec<String> = questions
            .iter()
            .map(|q| {
                d.scores
                    .iter()
                    .find(|s| &s.question == q)
                    .map_or("-".to_string(), |s| s.score.to_string())
            })
            .collect();
        EvaluationInput {
            eval_scores: scores.join(" ").trim_end_matches([' ', '-']).to_string(),
            comment: d.comment.clone(),
        }
    }
}

text_input!(
    /// The follow-up as typed: the answer and a note.
    FollowUpInput, FOLLOW_UP_FIELDS { helped, follow_up_note }
);

impl FollowUpInput {
    pub fn validate(&self) -> Result<(Helped, String), ValidationErrors> {
        let mut e = ValidationErrors::default();
        let helped = if self.helped.trim().is_empty() {
            e.push(FieldError::new("helped", "err.required"));
            None
        } else {
            collect(
                &mut e,
                super::course::choice_field("helped", &self.helped, Helped::Yes),
            )
        };
        let note = collect(
            &mut e,
            optional_text("follow_up_note", &self.follow_up_note, COMMENT_MAX),
        );
        match (helped, note) {
            (Some(h), Some(n)) if e.is_empty() => Ok((h, n)),
            _ => Err(e),
        }
    }
}

/// When the follow-up of a course is due: `months` after its last day.
pub fn follow_up_due(last_day: chrono::NaiveDate, months: u32) -> chrono::NaiveDate {
    last_day
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(last_day)
}

/// The command line's `Q=N` pairs: each question once, one of the settings' codes, score 1–5.
pub fn named_scores(
    pairs: &[String],
    comment: &str,
    questions: &[String],
) -> Result<EvaluationData, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let mut scores: Vec<Score> = Vec::new();
    for p in pairs {
        let Some((q, n)) = p.split_once('=') else {
            e.push(
                FieldError::new("eval_scores", "err.training_eval_pair").arg("value", p.as_str()),
            );
            continue;
        };
        let q = q.trim();
        if !questions.iter().any(|x| x == q) {
            e.push(
                FieldError::new("eval_scores", "err.training_eval_question")
                    .arg("value", q)
                    .arg("questions", questions.join(", ")),
            );
            continue;
        }
        if scores.iter().any(|s| s.question == q) {
            e.push(FieldError::new("eval_scores", "err.training_eval_twice").arg("value", q));
            continue;
        }
        match n.trim().parse::<u8>() {
            Ok(score @ 1..=5) => scores.push(Score {
                question: q.to_string(),
                score,
            }),
            _ => {
                e.push(FieldError::new("eval_scores", "err.training_score").arg("value", n.trim()))
            }
        }
    }
    if e.is_empty()
        && let Err(x) = need_one(&scores)
    {
        e.push(x);
    }
    let comment = collect(&mut e, optional_text("comment", comment, COMMENT_MAX));
    // Keep the settings' order whatever order the flags came in.
    scores.sort_by_key(|s| questions.iter().position(|q| *q == s.question));
    match comment {
        Some(comment) if e.is_empty() => Ok(EvaluationData { scores, comment }),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_follow_up_is_due_months_after_the_last_day_and_needs_an_answer() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(follow_up_due(d(2026, 11, 30), 3), d(2027, 2, 28));
        assert_eq!(follow_up_due(d(2026, 3, 16), 0), d(2026, 3, 16));
        let ok = FollowUpInput {
            helped: "partly".into(),
            follow_up_note: " Deels ".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(ok, (Helped::Partly, "Deels".to_string()));
        let keys = |h: &str| -> Vec<&'static str> {
            FollowUpInput {
                helped: h.into(),
                ..Default::default()
            }
            .validate()
            .unwrap_err()
            .0
            .iter()
            .map(|e| e.key)
            .collect()
        };
        assert_eq!(keys(""), vec!["err.required"]);
        assert_eq!(keys("maybe"), vec!["err.choice"]);
    }

    fn qs() -> Vec<String> {
        vec!["content".into(), "trainer".into(), "usefulness".into()]
    }

    #[test]
    fn form_scores_follow_the_questions_and_skip_dashes() {
        let d = EvaluationInput {
            eval_scores: "4 - 5".into(),
            comment: " Goed ".into(),
        }
        .validate(&qs())
        .unwrap();
        assert_eq!(
            d.scores,
            vec![
                Score {
                    question: "content".into(),
                    score: 4
                },
                Score {
                    question: "usefulness".into(),
                    score: 5
                }
            ]
        );
        assert_eq!(d.comment, "Goed");
        assert_eq!(EvaluationInput::from_data(&d, &qs()).eval_scores, "4 - 5");
    }

    #[test]
    fn form_refuses_bad_scores_too_many_and_none() {
        let v = |s: &str| {
            EvaluationInput {
                eval_scores: s.into(),
                ..Default::default()
            }
            .validate(&qs())
            .unwrap_err()
            .0[0]
                .key
        };
        assert_eq!(v("6"), "err.training_score");
        assert_eq!(v("1 2 3 4"), "err.training_scores_count");
        assert_eq!(v("- -"), "err.training_eval_no_score");
        assert_eq!(v(""), "err.training_eval_no_score");
    }

    #[test]
    fn named_scores_check_question_value_and_repeats() {
        let d = named_scores(&["usefulness=2".into(), "content=5".into()], "", &qs()).unwrap();
        assert_eq!(d.scores[0].question, "content");
        assert_eq!(d.scores[1].score, 2);
        let keys = |p: &[&str]| -> Vec<&'static str> {
            let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
            named_scores(&p, "", &qs())
                .unwrap_err()
                .0
                .iter()
                .map(|e| e.key)
                .collect()
        };
        assert_eq!(keys(&["price=3"]), vec!["err.training_eval_question"]);
        assert_eq!(keys(&["content"]), vec!["err.training_eval_pair"]);
        assert_eq!(keys(&["content=0"]), vec!["err.training_score"]);
        assert_eq!(
            keys(&["content=3", "content=4"]),
            vec!["err.training_eval_twice"]
        );
        assert_eq!(keys(&[]), vec!["err.training_eval_no_score"]);
    }
}
