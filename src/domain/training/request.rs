//! An employee's request for a course: what they ask (course, why, the period they would like it
//! in), and by when HR should answer it.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::course::optional_text;
use crate::domain::date::optional_date;
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::text_input;

/// Days HR takes at most to answer a request (a fair delay; no law sets one).
pub const ANSWER_DAYS: i64 = 14;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestData {
    pub course_id: i64,
    /// The session asked for, if the employee named one.
    pub session_id: Option<i64>,
    pub motivation: String,
    /// The period the employee would like to follow the course in.
    pub wanted_from: Option<NaiveDate>,
    pub wanted_to: Option<NaiveDate>,
}

text_input!(
    /// A request as typed: `course` is a catalogue id; the wanted period is optional.
    RequestInput, REQUEST_FIELDS { course, motivation, wanted_from, wanted_to }
);

impl RequestInput {
    pub fn validate(&self) -> Result<RequestData, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let course = match self.course.trim() {
            "" => {
                e.push(FieldError::new("course", "err.required"));
                None
            }
            t => match t.trim_start_matches('#').parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    e.push(
                        FieldError::new("course", "err.training_course_unknown").arg("value", t),
                    );
                    None
                }
            },
        };
        let motivation = collect(&mut e, optional_text("motivation", &self.motivation, 400));
        let from = collect(&mut e, optional_date("wanted_from", &self.wanted_from));
        let to = collect(&mut e, optional_date("wanted_to", &self.wanted_to));
        if let (Some(Some(f)), Some(Some(t))) = (from, to)
            && t < f
        {
            e.push(FieldError::new("wanted_to", "err.end_before_start"));
        }
        match (course, motivation, from, to) {
            (Some(course_id), Some(motivation), Some(wanted_from), Some(wanted_to))
                if e.is_empty() =>
            {
                Ok(RequestData {
                    course_id,
                    session_id: None,
                    motivation,
                    wanted_from,
                    wanted_to,
                })
            }
            _ => Err(e),
        }
    }
}

text_input!(
    /// HR's answer to a request as typed: the session (an id) to approve on, or the reason to refuse.
    DecisionInput, DECISION_FIELDS { session, reason }
);

impl DecisionInput {
    /// The session an approval enrols the person on (required: approval is an enrolment).
    pub fn session(&self) -> Result<i64, ValidationErrors> {
        match self.session.trim().trim_start_matches('#') {
            "" => Err(ValidationErrors(vec![FieldError::new(
                "session",
                "err.required",
            )])),
            t => t.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| {
                ValidationErrors(vec![
                    FieldError::new("session", "err.training_session_unknown").arg("value", t),
                ])
            }),
        }
    }

    /// The reason of a refusal (required: the employee is told why).
    pub fn reason(&self) -> Result<String, ValidationErrors> {
        super::course::required_text("reason", &self.reason, 400)
            .map_err(|e| ValidationErrors(vec![e]))
    }
}

/// When a pending request should be answered: [`ANSWER_DAYS`] after it was asked, or earlier when
/// the wanted period starts before that (the answer must come before the course).
pub fn answer_by(asked_on: NaiveDate, wanted_from: Option<NaiveDate>) -> NaiveDate {
    let by = asked_on + Duration::days(ANSWER_DAYS);
    wanted_from.map_or(by, |w| w.min(by))
}

/// "from–to", "from …" or "… to" for the wanted period; empty when none was given.
pub fn format_period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    use crate::domain::date::format_date;
    match (from, to) {
        (Some(f), Some(t)) => format!("{}–{}", format_date(f), format_date(t)),
        (Some(f), None) => format!("{} …", format_date(f)),
        (None, Some(t)) => format!("… {}", format_date(t)),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_request_needs_a_course_and_a_period_in_order() {
        let r = RequestInput {
            course: "#3".into(),
            motivation: "  For the new line ".into(),
            wanted_from: "01/02/2027".into(),
            wanted_to: "31/03/2027".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(r.course_id, 3);
        assert_eq!(r.motivation, "For the new line");
        assert_eq!(
            (r.wanted_from, r.wanted_to),
            (Some(d(2027, 2, 1)), Some(d(2027, 3, 31)))
        );
        let e = RequestInput {
            course: "forklift".into(),
            wanted_from: "31/03/2027".into(),
            wanted_to: "01/02/2027".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.for_field("course").unwrap().key,
            "err.training_course_unknown"
        );
        assert_eq!(
            e.for_field("wanted_to").unwrap().key,
            "err.end_before_start"
        );
        let e = RequestInput::default().validate().unwrap_err();
        assert_eq!(e.for_field("course").unwrap().key, "err.required");
        let e = RequestInput {
            course: "2".into(),
            wanted_from: "30/02/2027".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("wanted_from").is_some());
    }

    #[test]
    fn an_answer_needs_a_session_or_a_reason() {
        let d = DecisionInput {
            session: "#12".into(),
            reason: "  ".into(),
        };
        assert_eq!(d.session().unwrap(), 12);
        assert_eq!(d.reason().unwrap_err().0[0].key, "err.required");
        let d = DecisionInput {
            session: "next".into(),
            reason: "Budget spent".into(),
        };
        assert_eq!(
            d.session().unwrap_err().0[0].key,
            "err.training_session_unknown"
        );
        assert_eq!(d.reason().unwrap(), "Budget spent");
    }

    #[test]
    fn a_request_is_answered_within_two_weeks_or_before_the_wanted_start() {
        assert_eq!(answer_by(d(2026, 11, 2), None), d(2026, 11, 16));
        assert_eq!(
            answer_by(d(2026, 11, 2), Some(d(2027, 1, 4))),
            d(2026, 11, 16)
        );
        assert_eq!(
            answer_by(d(2026, 11, 2), Some(d(2026, 11, 9))),
            d(2026, 11, 9)
        );
        assert_eq!(format_period(Some(d(2027, 2, 1)), None), "01/02/2027 …");
        assert_eq!(format_period(None, None), "");
    }
}
