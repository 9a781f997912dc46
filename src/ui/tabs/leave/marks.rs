//! What the calendar shows for a month: its day columns, and per person the absences and their
//! day-by-day marks, built from the rows the store returned (no store access here).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::leave::holidays::HolidayCalendar;
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::leave::period::DayPart;
use crate::domain::leave::request::{LeaveRequest, ShownStatus};
use crate::domain::leave::sickness::{SickCause, SickSpell};
use crate::ui::widgets::month_grid::{GridDay, Mark};

/// First and last day of a month.
pub fn month_bounds(year: i32, month: u32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or_default();
    (first, next.pred_opt().unwrap_or(first))
}

pub fn days(year: i32, month: u32, calendar: &HolidayCalendar, today: NaiveDate) -> Vec<GridDay> {
    let (first, last) = month_bounds(year, month);
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| GridDay {
            date,
            weekend: date.weekday().num_days_from_monday() >= 5,
            holiday: calendar.day_off(date).is_some(),
            today: date == today,
        })
        .collect()
}

/// One absence of one person, as the detail line describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    /// The request's id, or the sickness spell's (`status` says which).
    pub id: i64,
    /// Index into the leave types.
    pub type_index: usize,
    pub from: NaiveDate,
    /// `None`: a sickness spell that is still running.
    pub to: Option<NaiveDate>,
    pub status: AbsenceStatus,
    /// A morning, an afternoon or some hours of each day.
    pub part_day: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbsenceStatus {
    Request(ShownStatus),
    Sick(SickCause),
}

impl Absence {
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.from <= d && self.to.is_none_or(|t| d <= t)
    }

    pub fn pending(&self) -> bool {
        matches!(
            self.status,
            AbsenceStatus::Request(ShownStatus::Stored(
                crate::domain::leave::request::RequestStatus::Requested
            ))
        )
    }
}

/// Live requests and sickness spells per person, for the people in `ids` only.
pub fn absences(
    ids: &[i64],
    types: &[LeaveType],
    requests: &[LeaveRequest],
    sick: &[(i64, i64, SickSpell)],
    today: NaiveDate,
) -> HashMap<i64, Vec<Absence>> {
    let mut out: HashMap<i64, Vec<Absence>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    for r in requests.iter().filter(|r| r.is_live()) {
        let (Some(list), Some(type_index)) = (
            out.get_mut(&r.employee_id),
            types.iter().position(|t| t.id == r.type_id),
        ) else {
            continue;
        };
        list.push(Absence {
            id: r.id,
            type_index,
            from: r.from,
            to: Some(r.to),
            status: AbsenceStatus::Request(r.shown_status(today)),
            part_day: r.part != DayPart::Full,
        });
    }
    for (employee_id, spell_id, s) in sick {
        let code = s.cause.leave_type_code();
        let (Some(list), Some(type_index)) = (
            out.get_mut(employee_id),
            types.iter().position(|t| t.code == code),
        ) else {
            continue;
        };
        list.push(Absence {
            id: *spell_id,
            type_index,
            from: s.start,
            to: s.end,
            status: AbsenceStatus::Sick(s.cause),
            part_day: false,
        });
    }
    out
}

/// One mark per day. Leave is only drawn on working days (weekends and holidays cost none);
/// sickness covers calendar days. Sickness wins over leave on the same day.
pub fn marks(days: &[GridDay], list: &[Absence], types: &[LeaveType]) -> Vec<Option<Mark>> {
    days.iter()
        .map(|d| {
            let day_off = d.weekend || d.holiday;
            let sick = list
                .iter()
                .find(|a| matches!(a.status, AbsenceStatus::Sick(_)) && a.covers(d.date));
            let leave = || {
                list.iter().find(|a| {
                    matches!(a.status, AbsenceStatus::Request(_)) && !day_off && a.covers(d.date)
                })
            };
            sick.or_else(leave).and_then(|a| {
                types.get(a.type_index).map(|t| Mark {
                    letter: t.letter,
                    colour: t.colour,
                    pending: a.pending(),
                    part_day: a.part_day,
                })
            })
        })
        .collect()
}

/// Legend entries: each letter once, with the names of the types that use it shortened to their
/// common head ("Small leave: funeral" → "Small leave").
pub fn legend(types: &[LeaveType], lang: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, t) in types.iter().enumerate().filter(|(_, t)| t.active) {
        let name = t.name(lang);
        let head = name
            .split([':', ','])
            .next()
            .unwrap_or(name)
            .trim()
            .to_string();
        match out.iter_mut().find(|(j, _)| types[*j].letter == t.letter) {
            Some((_, names)) if !names.contains(&head) => names.push(head),
            Some(_) => {}
            None => out.push((i, vec![head])),
        }
    }
    out.into_iter().map(|(i, n)| (i, n.join(" / "))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::leave_type::{Counting, SICKNESS, sample};
    use crate::domain::leave::period::DayPart;
    use crate::domain::leave::request::RequestStatus;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn leave_skips_days_off_and_sickness_covers_them() {
        let mut legal = sample(1, "legal", Counting::Annual);
        legal.letter = 'V';
        let mut sick = sample(2, SICKNESS, Counting::None);
        sick.letter = 'Z';
        let types = vec![legal, sick];
        let cal = HolidayCalendar::new(Vec::new());
        let days = days(2026, 11, &cal, d(23));
        assert_eq!(days.len(), 30);
        assert!(days[10].holiday, "11 November");
        let req = LeaveRequest {
            id: 1,
            employee_id: 7,
            type_id: 1,
            from: d(20),
            to: d(24),
            part: DayPart::Full,
            minutes: 0,
            status: RequestStatus::Requested,
            note: String::new(),
            override_reason: String::new(),
        };
        let spell = SickSpell {
            start: d(27),
            end: None,
            expected_return: None,
            cause: SickCause::Illness,
            certificate: None,
            certificate_free: false,
            relapse_of: None,
            note: String::new(),
        };
        let abs = absences(&[7], &types, &[req], &[(7, 1, spell)], d(23));
        let m = marks(&days, &abs[&7], &types);
        assert!(m[19].is_some_and(|m| m.letter == 'V' && m.pending));
        assert_eq!(m[20], None, "Saturday");
        assert!(m[23].is_some());
        assert_eq!(m[24], None);
        assert!(
            m[28].is_some_and(|m| m.letter == 'Z' && !m.pending),
            "sick on Sunday"
        );
        assert!(m[29].is_some(), "still ill");
    }

    #[test]
    fn legend_groups_types_sharing_a_letter() {
        let mut a = sample(1, "small_a", Counting::None);
        a.name_en = "Small leave: wedding".into();
        a.letter = 'K';
        let mut b = sample(2, "small_b", Counting::None);
        b.name_en = "Small leave: funeral".into();
        b.letter = 'K';
        let l = legend(&[a, b], "en");
        assert_eq!(l, vec![(0, "Small leave".to_string())]);
    }
}
