//! Today's training items: certificates expiring within the window (or expired), mandatory
//! certificates missing for someone's job, and periodic talks overdue (each says whether a session
//! is already planned and opens the dossier's Training section); employees' requests waiting for
//! an answer (they open in the Training tab).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Attention, DossierPart, Due, PersonRef, Place};
use crate::domain::training::request::answer_by;

/// Where in the Training tab an item is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingPlace {
    /// The requests view, on this request.
    Request,
    /// The follow-up form of this training record.
    FollowUp,
}

/// A request waiting for HR's answer.
#[derive(Debug, Clone)]
pub struct RequestFact {
    pub person: PersonRef,
    pub request_id: i64,
    pub course: String,
    pub asked_on: NaiveDate,
    pub wanted_from: Option<NaiveDate>,
}

/// A current certificate that expires within the window or has expired.
#[derive(Debug, Clone)]
pub struct CertificateFact {
    pub person: PersonRef,
    pub course: String,
    pub expires: NaiveDate,
    /// First day of an upcoming session of the course the person is on.
    pub planned: Option<NaiveDate>,
}

/// A course someone's job needs and they never followed.
#[derive(Debug, Clone)]
pub struct MissingFact {
    pub person: PersonRef,
    pub course: String,
    pub job: String,
    pub planned: Option<NaiveDate>,
}

/// A periodic talk that is overdue (none planned).
#[derive(Debug, Clone)]
pub struct TalkFact {
    pub person: PersonRef,
    pub due: NaiveDate,
}

/// A course's follow-up to ask (evaluated, not yet answered), due on or before the window's end.
#[derive(Debug, Clone)]
pub struct FollowUpFact {
    pub person: PersonRef,
    pub record_id: i64,
    pub course: String,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, Default)]
pub struct TrainingFacts {
    pub certificates: Vec<CertificateFact>,
    pub missing: Vec<MissingFact>,
    pub talks: Vec<TalkFact>,
    pub requests: Vec<RequestFact>,
    pub follow_ups: Vec<FollowUpFact>,
}

fn place(p: &PersonRef) -> Place {
    Place::Dossier {
        employee_id: p.id,
        part: DossierPart::Training,
    }
}

/// A certificate is due on its expiry day; a missing one is due now; a talk on the day it fell due.
pub fn items(f: TrainingFacts, today: NaiveDate) -> Vec<Attention> {
    let mut out = Vec::new();
    for c in f.certificates {
        let what = Due::TrainingCertificate {
            course: c.course,
            expires: c.expires,
            planned: c.planned,
        };
        out.push(Attention::new(
            Some(c.person.clone()),
            what,
            c.expires,
            place(&c.person),
            today,
        ));
    }
    for m in f.missing {
        let what = Due::TrainingMissing {
            course: m.course,
            job: m.job,
            planned: m.planned,
        };
        out.push(Attention::new(
            Some(m.person.clone()),
            what,
            today,
            place(&m.person),
            today,
        ));
    }
    for t in f.talks {
        let what = Due::TalkOverdue { due: t.due };
        out.push(Attention::new(
            Some(t.person.clone()),
            what,
            t.due,
            place(&t.person),
            today,
        ));
    }
    for r in f.requests {
        let what = Due::TrainingRequest {
            request_id: r.request_id,
            course: r.course,
            asked_on: r.asked_on,
        };
        let place = Place::Training {
            part: TrainingPlace::Request,
            id: r.request_id,
        };
        let due = answer_by(r.asked_on, r.wanted_from);
        out.push(Attention::new(Some(r.person), what, due, place, today));
    }
    for f in f.follow_ups {
        let place = Place::Training {
            part: TrainingPlace::FollowUp,
            id: f.record_id,
        };
        let what = Due::TrainingFollowUp {
            record_id: f.record_id,
            course: f.course,
            due: f.due,
        };
        out.push(Attention::new(Some(f.person), what, f.due, place, today));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::today::Urgency;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(id: i64) -> PersonRef {
        PersonRef {
            id,
            number: format!("E{id}"),
            name: format!("P{id}"),
        }
    }

    #[test]
    fn certificates_missing_ones_and_talks_become_dated_items() {
        let today = d(2026, 11, 23);
        let f = TrainingFacts {
            certificates: vec![
                CertificateFact {
                    person: person(1),
                    course: "VCA".into(),
                    expires: d(2026, 11, 3),
                    planned: None,
                },
                CertificateFact {
                    person: person(2),
                    course: "Heftruck".into(),
                    expires: d(2027, 1, 2),
                    planned: Some(d(2026, 12, 14)),
                },
            ],
            missing: vec![MissingFact {
                person: person(3),
                course: "VCA".into(),
                job: "lasser".into(),
                planned: None,
            }],
            talks: vec![TalkFact {
                person: person(4),
                due: d(2026, 9, 23),
            }],
            ..Default::default()
        };
        let items = items(f, today);
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].urgency, Urgency::Overdue);
        assert_eq!(items[1].urgency, Urgency::Later);
        assert_eq!((items[2].due, items[2].urgency), (today, Urgency::Today));
        assert_eq!(items[3].due, d(2026, 9, 23));
        assert!(items.iter().all(|i| matches!(
            i.place,
            Place::Dossier {
                part: DossierPart::Training,
                ..
            }
        )));
    }

    #[test]
    fn a_pending_request_is_due_two_weeks_after_it_was_asked_and_opens_the_training_tab() {
        let today = d(2026, 11, 23);
        let f = TrainingFacts {
            requests: vec![
                RequestFact {
                    person: person(5),
                    request_id: 9,
                    course: "Excel".into(),
                    asked_on: d(2026, 11, 2),
                    wanted_from: None,
                },
                RequestFact {
                    person: person(6),
                    request_id: 10,
                    course: "VCA".into(),
                    asked_on: d(2026, 11, 20),
                    wanted_from: Some(d(2026, 11, 25)),
                },
            ],
            ..Default::default()
        };
        let items = items(f, today);
        assert_eq!(
            (items[0].due, items[0].urgency),
            (d(2026, 11, 16), Urgency::Overdue)
        );
        assert_eq!(
            (items[1].due, items[1].urgency),
            (d(2026, 11, 25), Urgency::ThisWeek)
        );
        assert_eq!(
            items[1].place,
            Place::Training {
                part: TrainingPlace::Request,
                id: 10
            }
        );
    }

    #[test]
    fn a_follow_up_is_due_on_its_day_and_opens_its_form() {
        let today = d(2026, 11, 23);
        let f = TrainingFacts {
            follow_ups: vec![
                FollowUpFact {
                    person: person(4),
                    record_id: 12,
                    course: "Excel".into(),
                    due: d(2026, 10, 24),
                },
                FollowUpFact {
                    person: person(7),
                    record_id: 13,
                    course: "VCA".into(),
                    due: d(2026, 11, 27),
                },
            ],
            ..Default::default()
        };
        let items = items(f, today);
        assert_eq!(items.len(), 2);
        assert_eq!(
            (items[0].due, items[0].urgency),
            (d(2026, 10, 24), Urgency::Overdue)
        );
        assert_eq!(
            items[0].what,
            Due::TrainingFollowUp {
                record_id: 12,
                course: "Excel".into(),
                due: d(2026, 10, 24)
            }
        );
        assert_eq!(items[1].urgency, Urgency::ThisWeek);
        assert_eq!(
            items[1].place,
            Place::Training {
                part: TrainingPlace::FollowUp,
                id: 13
            }
        );
    }
}
