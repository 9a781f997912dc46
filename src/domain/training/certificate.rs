//! Training records and the certificates they carry: when a certificate expires, which are expiring
//! or expired on a day, and which mandatory certificates someone's job lacks.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::TrainingKind;
use super::course::{Course, choice_field, optional_text, required_text, yes_no};
use crate::domain::date::{optional_date, required_date};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::money_field;
use crate::text_input;

/// A course someone followed (from a session, or entered by hand for one followed elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingRecord {
    pub id: i64,
    pub employee_id: i64,
    pub data: RecordData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordData {
    /// The catalogue course, when it is one (mandatory certificates are matched on it).
    pub course_id: Option<i64>,
    pub title: String,
    pub kind: TrainingKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub minutes: u32,
    pub cost_cents: i64,
    pub certificate: String,
    pub expires: Option<NaiveDate>,
    pub counts_for_right: bool,
    /// The session it came from; `None` when entered by hand.
    pub session_id: Option<i64>,
}

/// When a certificate obtained on `obtained` expires, for a course valid `months`.
pub fn expiry(obtained: NaiveDate, months: Option<u32>) -> Option<NaiveDate> {
    months.and_then(|m| obtained.checked_add_months(Months::new(m)))
}

/// A certificate's state on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CertState {
    Valid,
    /// Expires within the window: `days` from today (0 = expires today).
    Expiring {
        days: i64,
    },
    /// Expired `days` ago.
    Expired {
        days: i64,
    },
}

impl CertState {
    pub fn of(expires: NaiveDate, today: NaiveDate, window_days: i64) -> CertState {
        let left = (expires - today).num_days();
        if left < 0 {
            CertState::Expired { days: -left }
        } else if left <= window_days {
            CertState::Expiring { days: left }
        } else {
            CertState::Valid
        }
    }

    pub fn needs_attention(self) -> bool {
        self != CertState::Valid
    }
}

/// Of several records for the same person and course, only the one that expires last counts: a
/// renewed certificate replaces the old one. Records without expiry are left out.
pub fn current_certificates(records: &[TrainingRecord]) -> Vec<&TrainingRecord> {
    let mut best: Vec<&TrainingRecord> = Vec::new();
    for r in records.iter().filter(|r| r.data.expires.is_some()) {
        let same = |b: &&TrainingRecord| {
            b.employee_id == r.employee_id
                && match (b.data.course_id, r.data.course_id) {
                    (Some(x), Some(y)) => x == y,
                    (None, None) => b.data.title == r.data.title,
                    _ => false,
                }
        };
        match best.iter().position(same) {
            Some(i) if best[i].data.expires < r.data.expires => best[i] = r,
            Some(_) => {}
            None => best.push(r),
        }
    }
    best
}

/// The mandatory courses for `job_title` of which the person holds no certificate at all (an
/// expired one is reported as expired, not as missing).
pub fn missing_mandatory<'a>(
    job_title: &str,
    courses: &'a [Course],
    held: &[TrainingRecord],
) -> Vec<&'a Course> {
    courses
        .iter()
        .filter(|c| c.data.is_mandatory_for(job_title))
        .filter(|c| !held.iter().any(|r| r.data.course_id == Some(c.id)))
        .collect()
}

text_input!(
    /// A training record typed by hand: a course followed elsewhere, or a certificate obtained
    /// outside the company. `course` is a catalogue id (optional); `title` is needed without one.
    RecordInput, RECORD_FIELDS {
        course, title, kind, from, to, duration, cost, certificate_no, expires, counts_for_right,
    }
);

impl RecordInput {
    /// Checks the input; with a course, its title, kind and validity fill what was left empty.
    pub fn validate(&self, course: Option<&Course>) -> Result<RecordData, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = match course {
            Some(c) if self.title.trim().is_empty() => Some(c.data.title.clone()),
            _ => collect(&mut e, required_text("title", &self.title, 120)),
        };
        let default_kind = course.map_or(TrainingKind::Formal, |c| c.data.kind);
        let kind = collect(&mut e, choice_field("kind", &self.kind, default_kind));
        let from = collect(&mut e, required_date("from", &self.from));
        let to = collect(&mut e, optional_date("to", &self.to));
        let minutes = if self.duration.trim().is_empty() {
            match course {
                Some(c) => Some(c.data.minutes),
                None => {
                    e.push(FieldError::new("duration", "err.required"));
                    None
                }
            }
        } else {
            collect(
                &mut e,
                super::course::hours_field("duration", &self.duration),
            )
        };
        let cost = collect(&mut e, money_field("cost", &self.cost));
        let certificate = collect(
            &mut e,
            optional_text("certificate_no", &self.certificate_no, 60),
        );
        let expires = collect(&mut e, optional_date("expires", &self.expires));
        let default_counts = course.is_none_or(|c| c.data.counts_for_right);
        let counts = collect(
            &mut e,
            yes_no("counts_for_right", &self.counts_for_right, default_counts),
        );
        if let (Some(f), Some(Some(t))) = (from, to)
            && t < f
        {
            e.push(FieldError::new("to", "err.end_before_start"));
        }
        if let (Some(f), Some(Some(x))) = (from, expires)
            && x < f
        {
            e.push(FieldError::new("expires", "err.training_expires_before"));
        }
        match (
            title,
            kind,
            from,
            to,
            minutes,
            cost,
            certificate,
            expires,
            counts,
        ) {
            (
                Some(title),
                Some(kind),
                Some(from),
                Some(to),
                Some(minutes),
                Some(cost),
                Some(certificate),
                Some(expires),
                Some(counts_for_right),
            ) if e.is_empty() => {
                let to = to.unwrap_or(from);
                Ok(RecordData {
                    course_id: course.map(|c| c.id),
                    title,
                    kind,
                    from,
                    to,
                    minutes,
                    cost_cents: cost.unwrap_or_else(|| course.map_or(0, |c| c.data.cost_cents)),
                    certificate,
                    expires: expires
                        .or_else(|| expiry(to, course.and_then(|c| c.data.certificate_months))),
                    counts_for_right,
                    session_id: None,
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::training::course::CourseInput;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn course(id: i64, months: &str, jobs: &str) -> Course {
        let data = CourseInput {
            title: format!("Course {id}"),
            duration: "8".into(),
            certificate_months: months.into(),
            mandatory_for: jobs.into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        Course { id, data }
    }

    fn record(
        id: i64,
        employee_id: i64,
        course_id: Option<i64>,
        expires: Option<NaiveDate>,
    ) -> TrainingRecord {
        TrainingRecord {
            id,
            employee_id,
            data: RecordData {
                course_id,
                title: "x".into(),
                kind: TrainingKind::Formal,
                from: d(2025, 1, 1),
                to: d(2025, 1, 1),
                minutes: 60,
                cost_cents: 0,
                certificate: String::new(),
                expires,
                counts_for_right: true,
                session_id: None,
            },
        }
    }

    #[test]
    fn expiry_counts_whole_months_and_clamps_the_month_end() {
        assert_eq!(expiry(d(2026, 3, 12), Some(36)), Some(d(2029, 3, 12)));
        assert_eq!(expiry(d(2024, 1, 31), Some(1)), Some(d(2024, 2, 29)));
        assert_eq!(expiry(d(2026, 3, 12), None), None);
    }

    #[test]
    fn expiry_windows_on_their_edges() {
        let today = d(2026, 6, 1);
        assert_eq!(
            CertState::of(d(2026, 5, 31), today, 90),
            CertState::Expired { days: 1 }
        );
        assert_eq!(
            CertState::of(today, today, 90),
            CertState::Expiring { days: 0 }
        );
        assert_eq!(
            CertState::of(d(2026, 8, 30), today, 90),
            CertState::Expiring { days: 90 }
        );
        assert_eq!(CertState::of(d(2026, 8, 31), today, 90), CertState::Valid);
        assert!(!CertState::Valid.needs_attention());
    }

    #[test]
    fn a_renewed_certificate_replaces_the_old_one() {
        let rs = [
            record(1, 7, Some(3), Some(d(2025, 1, 1))),
            record(2, 7, Some(3), Some(d(2028, 1, 1))),
            record(3, 8, Some(3), Some(d(2026, 1, 1))),
            record(4, 7, Some(4), None),
        ];
        let cur: Vec<i64> = current_certificates(&rs).iter().map(|r| r.id).collect();
        assert_eq!(cur, vec![2, 3]);
    }

    #[test]
    fn mandatory_certificates_missing_for_the_job() {
        let courses = [
            course(1, "36", "Forklift driver"),
            course(2, "24", "Forklift driver; Welder"),
            course(3, "", ""),
        ];
        let held = [record(1, 7, Some(1), Some(d(2020, 1, 1)))];
        let missing: Vec<i64> = missing_mandatory("forklift driver", &courses, &held)
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(missing, vec![2]);
        assert!(missing_mandatory("Accountant", &courses, &[]).is_empty());
    }

    #[test]
    fn a_hand_record_takes_the_course_defaults() {
        let c = course(5, "36", "");
        let r = RecordInput {
            from: "02/03/2026".into(),
            certificate_no: "FA-123".into(),
            ..Default::default()
        }
        .validate(Some(&c))
        .unwrap();
        assert_eq!(r.title, "Course 5");
        assert_eq!(r.minutes, 480);
        assert_eq!(r.expires, Some(d(2029, 3, 2)));
        assert_eq!(r.course_id, Some(5));
        let e = RecordInput {
            from: "02/03/2026".into(),
            to: "01/03/2026".into(),
            ..Default::default()
        }
        .validate(None)
        .unwrap_err();
        for f in ["title", "duration", "to"] {
            assert!(e.for_field(f).is_some(), "{f}: {e}");
        }
    }
}
