//! Today rules for recruitment: a rejected candidate still waiting for their letter (CAO 38: every
//! candidate not retained gets an answer), and candidates whose data must be purged soon (GDPR).

use chrono::{Duration, NaiveDate};

use super::{Attention, Due, PersonRef, Place};

/// The rejection letter is due this many days after the rejection.
pub const REJECTION_LETTER_DAYS: i64 = 7;

/// Candidates whose retention date falls within this many days show before the purge.
pub const CANDIDATE_RETENTION_DAYS: i64 = 30;

/// The templates that count as the answer to a rejected candidate.
pub const REJECTION_TEMPLATES: [&str; 2] = ["rejection_letter", "rejection_after_interview"];

/// A rejected application without a rejection letter. `person.id` is the candidate's id.
#[derive(Debug, Clone)]
pub struct RejectionFact {
    pub person: PersonRef,
    pub application_id: i64,
    pub rejected_on: NaiveDate,
}

/// A candidate whose personal data must be purged on `until` (the end of the retention period).
#[derive(Debug, Clone)]
pub struct CandidateRetentionFact {
    pub person: PersonRef,
    pub until: NaiveDate,
}

fn candidate(person: &PersonRef) -> Place {
    Place::Candidate {
        candidate_id: person.id,
    }
}

/// Due a week after the rejection; Enter opens the candidate's page, where `g` writes the letter.
pub fn rejection_letter(f: RejectionFact, today: NaiveDate) -> Attention {
    let place = candidate(&f.person);
    Attention::new(
        Some(f.person),
        Due::RejectionLetter {
            application_id: f.application_id,
            rejected_on: f.rejected_on,
        },
        f.rejected_on + Duration::days(REJECTION_LETTER_DAYS),
        place,
        today,
    )
}

/// Due on the retention date: on that day `dossier recruitment purge` removes the data.
pub fn candidate_retention(f: CandidateRetentionFact, today: NaiveDate) -> Attention {
    let place = candidate(&f.person);
    Attention::new(
        Some(f.person),
        Due::CandidateRetention { until: f.until },
        f.until,
        place,
        today,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::today::Urgency;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ruben() -> PersonRef {
        PersonRef {
            id: 12,
            number: String::new(),
            name: "Ruben Claes".into(),
        }
    }

    #[test]
    fn a_rejection_letter_is_due_a_week_after_the_rejection() {
        let fact = RejectionFact {
            person: ruben(),
            application_id: 30,
            rejected_on: d(2026, 3, 2),
        };
        let a = rejection_letter(fact.clone(), d(2026, 3, 2));
        assert_eq!(a.due, d(2026, 3, 9));
        assert_eq!(a.urgency, Urgency::ThisWeek);
        assert_eq!(
            a.what,
            Due::RejectionLetter {
                application_id: 30,
                rejected_on: d(2026, 3, 2)
            }
        );
        assert_eq!(a.place, Place::Candidate { candidate_id: 12 });
        assert_eq!(
            rejection_letter(fact.clone(), d(2026, 3, 9)).urgency,
            Urgency::Today
        );
        assert_eq!(
            rejection_letter(fact, d(2026, 3, 10)).urgency,
            Urgency::Overdue
        );
    }

    #[test]
    fn a_candidate_retention_is_due_on_the_purge_date() {
        let fact = CandidateRetentionFact {
            person: ruben(),
            until: d(2026, 4, 1),
        };
        let a = candidate_retention(fact.clone(), d(2026, 3, 10));
        assert_eq!(a.due, d(2026, 4, 1));
        assert_eq!(a.urgency, Urgency::Later);
        assert_eq!(
            a.what,
            Due::CandidateRetention {
                until: d(2026, 4, 1)
            }
        );
        assert_eq!(a.place, Place::Candidate { candidate_id: 12 });
        assert_eq!(
            candidate_retention(fact, d(2026, 4, 2)).urgency,
            Urgency::Overdue
        );
    }
}
