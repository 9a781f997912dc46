//! Interview planning: a new slot must not overlap another interview of the same interviewer or
//! candidate, nor fall on a day an interviewer is on recorded leave.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::domain::error::FieldError;

/// An interview as the clash check sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterviewSlot {
    pub id: i64,
    pub candidate_id: i64,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub interviewers: Vec<i64>,
}

impl InterviewSlot {
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::minutes(i64::from(self.minutes))
    }

    fn overlaps(&self, other: &InterviewSlot) -> bool {
        self.start < other.end() && other.start < self.end()
    }
}

/// A day (or days) an employee is away: approved or requested leave, or sickness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveFact {
    pub employee_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Why a slot is refused; names who and what, so the message can say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Clash {
    Interviewer {
        employee_id: i64,
        other: i64,
        at: NaiveDateTime,
    },
    Candidate {
        other: i64,
        at: NaiveDateTime,
    },
    Leave {
        employee_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    },
}

/// The first clash of `new` with the existing interviews and the interviewers' absences, if any.
/// Same-candidate overlaps come first: they cannot be solved by choosing another interviewer.
pub fn find_clash(
    new: &InterviewSlot,
    existing: &[InterviewSlot],
    away: &[LeaveFact],
) -> Option<Clash> {
    let others = existing.iter().filter(|o| o.id != new.id || new.id == 0);
    for o in others.clone() {
        if o.candidate_id == new.candidate_id && o.overlaps(new) {
            return Some(Clash::Candidate {
                other: o.id,
                at: o.start,
            });
        }
    }
    for o in others {
        if !o.overlaps(new) {
            continue;
        }
        if let Some(e) = new.interviewers.iter().find(|e| o.interviewers.contains(e)) {
            return Some(Clash::Interviewer {
                employee_id: *e,
                other: o.id,
                at: o.start,
            });
        }
    }
    let (first, last) = (new.start.date(), new.end().date());
    away.iter()
        .find(|l| new.interviewers.contains(&l.employee_id) && l.from <= last && first <= l.to)
        .map(|l| Clash::Leave {
            employee_id: l.employee_id,
            from: l.from,
            to: l.to,
        })
}

/// Validates the typed duration: 5 minutes to a working day.
pub fn duration_minutes(field: &'static str, text: &str) -> Result<u32, FieldError> {
    match text.trim().parse::<u32>() {
        Ok(n) if (5..=600).contains(&n) => Ok(n),
        _ => Err(FieldError::new(field, "err.interview_minutes").arg("value", text.trim())),
    }
}

/// Parses `YYYY-MM-DDTHH:MM` (also with a space, or `dd/mm/yyyy HH:MM` as a form types it).
pub fn parse_start(field: &'static str, text: &str) -> Result<NaiveDateTime, FieldError> {
    let t = text.trim();
    let (d, time) = t
        .split_once(['T', ' '])
        .ok_or_else(|| FieldError::new(field, "err.date_time").arg("value", t))?;
    let day = crate::domain::date::parse_date(d);
    let time = chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M").ok();
    match (day, time) {
        (Some(d), Some(tm)) => Ok(d.and_time(tm)),
        _ => Err(FieldError::new(field, "err.date_time").arg("value", t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn slot(id: i64, cand: i64, start: &str, minutes: u32, who: &[i64]) -> InterviewSlot {
        InterviewSlot {
            id,
            candidate_id: cand,
            start: at(start),
            minutes,
            interviewers: who.to_vec(),
        }
    }

    #[test]
    fn same_interviewer_overlapping_is_a_clash() {
        let old = [slot(7, 1, "2026-05-04T10:00", 60, &[3, 4])];
        let new = slot(0, 2, "2026-05-04T10:30", 45, &[4]);
        assert_eq!(
            find_clash(&new, &old, &[]),
            Some(Clash::Interviewer {
                employee_id: 4,
                other: 7,
                at: at("2026-05-04T10:00")
            })
        );
    }

    #[test]
    fn back_to_back_is_fine() {
        let old = [slot(7, 1, "2026-05-04T10:00", 60, &[3])];
        let new = slot(0, 2, "2026-05-04T11:00", 60, &[3]);
        assert_eq!(find_clash(&new, &old, &[]), None);
    }

    #[test]
    fn the_same_candidate_cannot_be_in_two_rooms() {
        let old = [slot(7, 1, "2026-05-04T10:00", 60, &[3])];
        let new = slot(0, 1, "2026-05-04T10:15", 30, &[5]);
        assert!(matches!(
            find_clash(&new, &old, &[]),
            Some(Clash::Candidate { other: 7, .. })
        ));
    }

    #[test]
    fn an_interviewer_on_leave_is_a_clash_and_others_leave_is_not() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let away = [LeaveFact {
            employee_id: 3,
            from: d("2026-05-04"),
            to: d("2026-05-08"),
        }];
        let new = slot(0, 1, "2026-05-06T09:00", 60, &[3]);
        assert!(matches!(
            find_clash(&new, &[], &away),
            Some(Clash::Leave { employee_id: 3, .. })
        ));
        let other = slot(0, 1, "2026-05-06T09:00", 60, &[9]);
        assert_eq!(find_clash(&other, &[], &away), None);
    }

    #[test]
    fn an_interview_does_not_clash_with_itself_when_edited() {
        let old = [slot(7, 1, "2026-05-04T10:00", 60, &[3])];
        let moved = slot(7, 1, "2026-05-04T10:30", 60, &[3]);
        assert_eq!(find_clash(&moved, &old, &[]), None);
    }

    #[test]
    fn starts_are_parsed_in_both_spellings() {
        assert_eq!(
            parse_start("at", "2026-05-04T10:00").unwrap(),
            at("2026-05-04T10:00")
        );
        assert_eq!(
            parse_start("at", "04/05/2026 10:00").unwrap(),
            at("2026-05-04T10:00")
        );
        assert!(parse_start("at", "2026-05-04").is_err());
        assert!(duration_minutes("minutes", "0").is_err());
    }

    proptest! {
        /// Overlap is symmetric: if A refuses B, B refuses A.
        #[test]
        fn clashes_are_symmetric(a in 0i64..600, la in 5u32..120, b in 0i64..600, lb in 5u32..120) {
            let base = at("2026-05-04T08:00");
            let x = InterviewSlot { id: 1, candidate_id: 1, start: base + Duration::minutes(a), minutes: la, interviewers: vec![9] };
            let y = InterviewSlot { id: 2, candidate_id: 2, start: base + Duration::minutes(b), minutes: lb, interviewers: vec![9] };
            prop_assert_eq!(
                find_clash(&x, std::slice::from_ref(&y), &[]).is_some(),
                find_clash(&y, std::slice::from_ref(&x), &[]).is_some()
            );
        }
    }
}
