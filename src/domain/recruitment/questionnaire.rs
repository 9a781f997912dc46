//! The phone preselection's standard questions (defined once per vacancy, answered per candidate
//! with the day of the call and who called) and the interviewers' scores 1–5 per criterion.

use chrono::NaiveDate;

use crate::domain::date::required_date;
use crate::domain::employee::{optional_text, required_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};

/// A questionnaire is a short phone call: more questions than this is another instrument.
pub const MAX_QUESTIONS: usize = 20;

/// The vacancy's questions as typed, one per (field, text); empty lines are dropped.
pub fn questions(typed: &[(&'static str, String)]) -> Result<Vec<String>, ValidationErrors> {
    let mut errs = ValidationErrors::default();
    let mut out = Vec::new();
    for (field, text) in typed {
        if text.trim().is_empty() {
            continue;
        }
        if let Some(q) = collect(&mut errs, required_text(field, text, 200)) {
            out.push(q);
        }
    }
    if out.len() > MAX_QUESTIONS {
        let field = typed.last().map_or("question", |t| t.0);
        errs.push(
            FieldError::new(field, "err.too_many_questions").arg("max", MAX_QUESTIONS.to_string()),
        );
    }
    errs.into_result(out)
}

/// One answer as typed (may stay empty: the question was not asked).
pub fn answer(field: &'static str, text: &str) -> Result<String, FieldError> {
    optional_text(field, text, 500)
}

/// The day of the call: required, and not after `today` (the call has happened).
pub fn call_date(
    field: &'static str,
    text: &str,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let d = required_date(field, text)?;
    if d > today {
        return Err(FieldError::new(field, "err.call_future").arg("value", text.trim()));
    }
    Ok(d)
}

/// Who called: a name, required so the answers say whose impression they are.
pub fn caller(field: &'static str, text: &str) -> Result<String, FieldError> {
    required_text(field, text, 80)
}

/// Feedback is given on an interview that has begun (`start` no later than `now`).
pub fn feedback_time(
    field: &'static str,
    start: chrono::NaiveDateTime,
    now: chrono::NaiveDateTime,
) -> Result<(), FieldError> {
    if start > now {
        return Err(FieldError::new(field, "err.interview_not_held")
            .arg("at", start.format("%d/%m/%Y %H:%M").to_string()));
    }
    Ok(())
}

/// A score as typed: empty (not scored) or a whole number 1–5.
pub fn score(field: &'static str, text: &str) -> Result<Option<u8>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::new(field, "err.score").arg("value", t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn empty_question_lines_are_dropped_and_long_ones_named() {
        let typed = [
            ("q1", "Wanneer kunt u beginnen?".to_string()),
            ("q2", "  ".to_string()),
            ("q3", "x".repeat(201)),
        ];
        let e = questions(&typed).unwrap_err();
        assert!(e.for_field("q3").is_some());
        assert_eq!(
            questions(&typed[..2]).unwrap(),
            vec!["Wanneer kunt u beginnen?".to_string()]
        );
    }

    #[test]
    fn at_most_twenty_questions() {
        let typed: Vec<(&'static str, String)> =
            (0..21).map(|n| ("q", format!("Vraag {n}?"))).collect();
        let e = questions(&typed).unwrap_err();
        assert_eq!(e.0[0].key, "err.too_many_questions");
        assert_eq!(questions(&typed[..20]).unwrap().len(), 20);
    }

    #[test]
    fn the_call_has_happened_and_someone_made_it() {
        assert_eq!(call_date("answered_on", "20/11/2026", d(23)), Ok(d(20)));
        assert_eq!(call_date("answered_on", "23/11/2026", d(23)), Ok(d(23)));
        assert_eq!(
            call_date("answered_on", "24/11/2026", d(23))
                .unwrap_err()
                .key,
            "err.call_future"
        );
        assert!(call_date("answered_on", "", d(23)).is_err());
        assert!(caller("called_by", " ").is_err());
    }

    #[test]
    fn feedback_waits_for_the_interview() {
        let at = d(23).and_hms_opt(10, 0, 0).unwrap();
        assert!(feedback_time("interview", at, at).is_ok());
        let e = feedback_time("interview", at, at - chrono::Duration::minutes(1)).unwrap_err();
        assert_eq!((e.field, e.key), ("interview", "err.interview_not_held"));
    }

    #[test]
    fn scores_are_empty_or_one_to_five() {
        assert_eq!(score("s1", ""), Ok(None));
        assert_eq!(score("s1", " 4 "), Ok(Some(4)));
        for bad in ["0", "6", "3.5", "good"] {
            assert_eq!(score("s1", bad).unwrap_err().key, "err.score", "{bad}");
        }
    }
}
