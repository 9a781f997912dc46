//! Sessions of a course: their days and times, seats and the waiting list, attendance per day, and
//! the clash of a session day with an enrolled person's leave or sickness.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use super::course::{number_field, optional_text};
use crate::choice_enum;
use crate::domain::date::{format_date, parse_date};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::money_field;
use crate::text_input;

choice_enum!(
    /// Enrolled (has a seat), waiting (the session is full) or cancelled.
    EnrolmentStatus, "enrolment" {
        Enrolled => "enrolled",
        Waiting => "waiting",
        Cancelled => "cancelled",
    }
);

choice_enum!(
    /// A person's attendance on one day of a session.
    Attendance, "attendance" {
        Present => "present",
        Absent => "absent",
        Excused => "excused",
    }
);

impl Attendance {
    /// The next mark when the assistant ticks a cell: none → present → absent → excused → none.
    pub fn cycle(mark: Option<Attendance>) -> Option<Attendance> {
        match mark {
            None => Some(Attendance::Present),
            Some(Attendance::Present) => Some(Attendance::Absent),
            Some(Attendance::Absent) => Some(Attendance::Excused),
            Some(Attendance::Excused) => None,
        }
    }
}

/// One day of a session, from `start` to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SessionDay {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl SessionDay {
    pub fn minutes(&self) -> u32 {
        (self.end - self.start).num_minutes().max(0) as u32
    }
}

/// A day typed without times runs from 09:00 to 17:00.
const DEFAULT_START: (u32, u32) = (9, 0);
const DEFAULT_END: (u32, u32) = (17, 0);

/// Session days typed as `dd/mm/yyyy hh:mm-hh:mm`, separated by `;` or new lines; a day without
/// times runs 09:00–17:00. Sorted; the same date twice is refused.
pub fn parse_days(field: &'static str, text: &str) -> Result<Vec<SessionDay>, FieldError> {
    let mut days = Vec::new();
    for part in text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let bad = || FieldError::new(field, "err.training_day").arg("value", part);
        let mut words = part.split_whitespace();
        let date = words.next().and_then(parse_date).ok_or_else(bad)?;
        let times = words.collect::<Vec<_>>().join("");
        let (start, end) = if times.is_empty() {
            (hm(DEFAULT_START), hm(DEFAULT_END))
        } else {
            let (a, b) = times.split_once('-').ok_or_else(bad)?;
            (
                parse_time(a).ok_or_else(bad)?,
                parse_time(b).ok_or_else(bad)?,
            )
        };
        if end <= start {
            return Err(FieldError::new(field, "err.training_day_times").arg("value", part));
        }
        days.push(SessionDay { date, start, end });
    }
    if days.is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    days.sort();
    if let Some(w) = days.windows(2).find(|w| w[0].date == w[1].date) {
        return Err(
            FieldError::new(field, "err.training_day_twice").arg("value", format_date(w[0].date))
        );
    }
    Ok(days)
}

fn hm((h, m): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

fn parse_time(t: &str) -> Option<NaiveTime> {
    let t = t.trim().replace(['h', 'u', '.'], ":");
    let (h, m) = t.split_once(':').unwrap_or((&t, "0"));
    let m = if m.is_empty() { "0" } else { m };
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Session days written back the way [`parse_days`] reads them.
pub fn format_days(days: &[SessionDay]) -> String {
    days.iter()
        .map(|d| {
            format!(
                "{} {}-{}",
                format_date(d.date),
                d.start.format("%H:%M"),
                d.end.format("%H:%M")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionData {
    pub course_id: i64,
    pub days: Vec<SessionDay>,
    pub place: String,
    pub trainer: String,
    pub capacity: u32,
    /// What the whole session costs (the trainer, the room); the course's price per participant
    /// comes on top for each person.
    pub cost_cents: i64,
}

impl SessionData {
    pub fn first_day(&self) -> NaiveDate {
        self.days.first().map(|d| d.date).unwrap_or_default()
    }

    pub fn last_day(&self) -> NaiveDate {
        self.days.last().map(|d| d.date).unwrap_or_default()
    }

    pub fn minutes(&self) -> u32 {
        self.days.iter().map(SessionDay::minutes).sum()
    }
}

text_input!(
    /// A session as typed; `course` is the course id.
    SessionInput, SESSION_FIELDS { course, days, place, trainer, capacity, cost }
);

impl SessionInput {
    pub fn validate(&self) -> Result<SessionData, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let course = match self.course.trim().parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ if self.course.trim().is_empty() => {
                e.push(FieldError::new("course", "err.required"));
                None
            }
            _ => {
                e.push(
                    FieldError::new("course", "err.training_course_unknown")
                        .arg("value", self.course.trim()),
                );
                None
            }
        };
        let days = collect(&mut e, parse_days("days", &self.days));
        let place = collect(&mut e, optional_text("place", &self.place, 120));
        let trainer = collect(&mut e, optional_text("trainer", &self.trainer, 120));
        let capacity = collect(&mut e, number_field("capacity", &self.capacity, 1, 500));
        let cost = collect(&mut e, money_field("cost", &self.cost));
        match (course, days, place, trainer, capacity, cost) {
            (
                Some(course_id),
                Some(days),
                Some(place),
                Some(trainer),
                Some(capacity),
                Some(cost),
            ) if e.is_empty() => Ok(SessionData {
                course_id,
                days,
                place,
                trainer,
                capacity: capacity.unwrap_or(12),
                cost_cents: cost.unwrap_or(0),
            }),
            _ => Err(e),
        }
    }
}

/// Where a new enrolment goes: a seat while there is one, else the waiting list.
pub fn seat_for(capacity: u32, enrolled: usize) -> EnrolmentStatus {
    if enrolled < capacity as usize {
        EnrolmentStatus::Enrolled
    } else {
        EnrolmentStatus::Waiting
    }
}

/// One enrolment as the seat rules see it: `position` orders the waiting list (first come, first served).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    pub id: i64,
    pub status: EnrolmentStatus,
    pub position: i64,
}

/// Who moves from the waiting list to a seat, in order, when seats are free (after a cancellation
/// or a larger capacity).
pub fn promotions(capacity: u32, seats: &[Seat]) -> Vec<i64> {
    let taken = seats
        .iter()
        .filter(|s| s.status == EnrolmentStatus::Enrolled)
        .count();
    let free = (capacity as usize).saturating_sub(taken);
    let mut waiting: Vec<&Seat> = seats
        .iter()
        .filter(|s| s.status == EnrolmentStatus::Waiting)
        .collect();
    waiting.sort_by_key(|s| (s.position, s.id));
    waiting.into_iter().take(free).map(|s| s.id).collect()
}

/// What attendance over all days of a session comes to: the minutes followed, and whether the
/// course is completed (every day marked, present on each) or not yet finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub minutes: u32,
    /// Every day has a mark: the session is over for this person and a record is written.
    pub all_marked: bool,
    /// Present on every day: a certificate is earned.
    pub completed: bool,
}

pub fn outcome(days: &[SessionDay], marks: &[(NaiveDate, Attendance)]) -> Outcome {
    let mark = |d: NaiveDate| marks.iter().find(|(on, _)| *on == d).map(|(_, a)| *a);
    let minutes = days
        .iter()
        .filter(|d| mark(d.date) == Some(Attendance::Present))
        .map(SessionDay::minutes)
        .sum();
    let all_marked = !days.is_empty() && days.iter().all(|d| mark(d.date).is_some());
    let completed = all_marked
        && days
            .iter()
            .all(|d| mark(d.date) == Some(Attendance::Present));
    Outcome {
        minutes,
        all_marked,
        completed,
    }
}

choice_enum!(
    /// Why someone is away on a day.
    AbsenceKind, "absence_kind" {
        Leave => "leave",
        Sickness => "sickness",
    }
);

/// A period someone is away (approved leave, or a sickness spell; `to` is `None` while it lasts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Absence {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub kind: AbsenceKind,
}

/// A session day on which the person is away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clash {
    pub date: NaiveDate,
    pub kind: AbsenceKind,
}

/// The session days that fall in one of the absences (sickness named first when both apply).
pub fn clashes(days: &[SessionDay], absences: &[Absence]) -> Vec<Clash> {
    days.iter()
        .filter_map(|d| {
            let mut hits: Vec<AbsenceKind> = absences
                .iter()
                .filter(|a| a.from <= d.date && a.to.is_none_or(|t| d.date <= t))
                .map(|a| a.kind)
                .collect();
            hits.sort_by_key(|k| *k != AbsenceKind::Sickness);
            hits.first().map(|kind| Clash {
                date: d.date,
                kind: *kind,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_parse_with_and_without_times_and_sort() {
        let days = parse_days("days", "13/03/2026 08:30-12:00; 12/03/2026").unwrap();
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].date, d(2026, 3, 12));
        assert_eq!(days[0].minutes(), 480);
        assert_eq!(days[1].minutes(), 210);
        assert_eq!(parse_days("days", &format_days(&days)).unwrap(), days);
        assert_eq!(
            parse_days("days", "12/03/2026 9h-12u30").unwrap()[0].minutes(),
            210
        );
    }

    #[test]
    fn bad_days_are_refused_with_their_reason() {
        assert_eq!(parse_days("days", "").unwrap_err().key, "err.required");
        assert_eq!(
            parse_days("days", "32/03/2026").unwrap_err().key,
            "err.training_day"
        );
        assert_eq!(
            parse_days("days", "12/03/2026 12:00-09:00")
                .unwrap_err()
                .key,
            "err.training_day_times"
        );
        assert_eq!(
            parse_days("days", "12/03/2026; 2026-03-12")
                .unwrap_err()
                .key,
            "err.training_day_twice"
        );
    }

    #[test]
    fn a_session_input_names_each_bad_field() {
        let bad = SessionInput {
            course: "x".into(),
            days: "".into(),
            capacity: "0".into(),
            cost: "-5".into(),
            ..Default::default()
        };
        let e = bad.validate().unwrap_err();
        for f in ["course", "days", "capacity", "cost"] {
            assert!(e.for_field(f).is_some(), "{f}: {e}");
        }
        let ok = SessionInput {
            course: "3".into(),
            days: "12/03/2026".into(),
            ..Default::default()
        };
        let s = ok.validate().unwrap();
        assert_eq!(
            (s.capacity, s.minutes(), s.first_day()),
            (12, 480, d(2026, 3, 12))
        );
    }

    #[test]
    fn a_full_session_puts_newcomers_on_the_waiting_list() {
        assert_eq!(seat_for(2, 0), EnrolmentStatus::Enrolled);
        assert_eq!(seat_for(2, 1), EnrolmentStatus::Enrolled);
        assert_eq!(seat_for(2, 2), EnrolmentStatus::Waiting);
    }

    #[test]
    fn a_cancellation_promotes_the_first_waiting() {
        use EnrolmentStatus::*;
        let s = |id, status, position| Seat {
            id,
            status,
            position,
        };
        let seats = [
            s(1, Cancelled, 1),
            s(2, Enrolled, 2),
            s(3, Waiting, 4),
            s(4, Waiting, 3),
        ];
        assert_eq!(promotions(2, &seats), vec![4]);
        assert_eq!(promotions(3, &seats), vec![4, 3]);
        assert_eq!(promotions(1, &seats), Vec::<i64>::new());
    }

    #[test]
    fn attendance_decides_minutes_and_completion() {
        let days = parse_days("days", "12/03/2026 09:00-17:00; 13/03/2026 09:00-12:00").unwrap();
        let one = outcome(&days, &[(d(2026, 3, 12), Attendance::Present)]);
        assert_eq!(
            (one.minutes, one.all_marked, one.completed),
            (480, false, false)
        );
        let partial = outcome(
            &days,
            &[
                (d(2026, 3, 12), Attendance::Present),
                (d(2026, 3, 13), Attendance::Excused),
            ],
        );
        assert_eq!(
            (partial.minutes, partial.all_marked, partial.completed),
            (480, true, false)
        );
        let full = outcome(
            &days,
            &[
                (d(2026, 3, 12), Attendance::Present),
                (d(2026, 3, 13), Attendance::Present),
            ],
        );
        assert_eq!((full.minutes, full.completed), (660, true));
        assert_eq!(Attendance::cycle(None), Some(Attendance::Present));
        assert_eq!(Attendance::cycle(Some(Attendance::Excused)), None);
    }

    #[test]
    fn a_session_day_in_leave_or_sickness_clashes() {
        let days = parse_days("days", "10/03/2026; 11/03/2026; 12/03/2026").unwrap();
        let absences = [
            Absence {
                from: d(2026, 3, 1),
                to: Some(d(2026, 3, 10)),
                kind: AbsenceKind::Leave,
            },
            Absence {
                from: d(2026, 3, 10),
                to: None,
                kind: AbsenceKind::Sickness,
            },
        ];
        let c = clashes(&days, &absences);
        assert_eq!(c.len(), 3);
        assert_eq!(
            c[0],
            Clash {
                date: d(2026, 3, 10),
                kind: AbsenceKind::Sickness
            }
        );
        let leave_only = [absences[0]];
        assert_eq!(clashes(&days, &leave_only).len(), 1);
        assert!(clashes(&days, &[]).is_empty());
    }

    proptest! {
        #[test]
        fn promotions_never_overfill_a_session(capacity in 1u32..10, statuses in proptest::collection::vec(0u8..3, 0..20)) {
            let seats: Vec<Seat> = statuses.iter().enumerate().map(|(i, s)| Seat {
                id: i as i64,
                status: [EnrolmentStatus::Enrolled, EnrolmentStatus::Waiting, EnrolmentStatus::Cancelled][*s as usize],
                position: (i as i64 * 7) % 11,
            }).collect();
            let taken = seats.iter().filter(|s| s.status == EnrolmentStatus::Enrolled).count();
            let up = promotions(capacity, &seats);
            let waiting = seats.iter().filter(|s| s.status == EnrolmentStatus::Waiting).count();
            prop_assert!(taken + up.len() <= (capacity as usize).max(taken));
            prop_assert!(up.len() <= waiting);
            if taken < capacity as usize {
                prop_assert_eq!(up.len(), waiting.min(capacity as usize - taken));
            }
        }
    }
}
