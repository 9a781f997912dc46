//! Today rule for privacy: a former employee whose retention period is over, so their personal
//! data should now be erased (`dossier privacy erase`).

use chrono::NaiveDate;

use super::{Attention, DossierPart, Due, PersonRef, Place};

/// Someone who left, with the day their retention period ended.
#[derive(Debug, Clone)]
pub struct RetentionFact {
    pub person: PersonRef,
    pub left_on: NaiveDate,
    pub ends: NaiveDate,
}

/// Due on the day the retention period ended; Enter opens the dossier on the departure.
pub fn retention_over(f: RetentionFact, today: NaiveDate) -> Attention {
    let place = Place::Dossier {
        employee_id: f.person.id,
        part: DossierPart::Employment,
    };
    Attention::new(
        Some(f.person),
        Due::RetentionOver { left_on: f.left_on },
        f.ends,
        place,
        today,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::today::Urgency;

    #[test]
    fn an_expired_retention_is_overdue_from_the_day_it_ended() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let person = PersonRef {
            id: 7,
            number: "E0007".into(),
            name: "An Claes".into(),
        };
        let fact = RetentionFact {
            person,
            left_on: d(2021, 6, 30),
            ends: d(2026, 6, 30),
        };
        let a = retention_over(fact.clone(), d(2026, 11, 23));
        assert_eq!(a.due, d(2026, 6, 30));
        assert_eq!(a.urgency, Urgency::Overdue);
        assert_eq!(
            a.what,
            Due::RetentionOver {
                left_on: d(2021, 6, 30)
            }
        );
        assert_eq!(
            a.place,
            Place::Dossier {
                employee_id: 7,
                part: DossierPart::Employment
            }
        );
        assert_eq!(retention_over(fact, d(2026, 6, 30)).urgency, Urgency::Today);
    }
}
