//! Absenteeism (sickness hours over scheduled hours) per month and per department, and the Bradford
//! factor per person. Scheduled hours are what each person's schedule plans on the days they are
//! employed; legal holidays and company days off are not scheduled hours. Every incapacity in the
//! sickness register counts (illness, accidents, occupational disease, prophylactic leave); a spell
//! still running counts up to today.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::Person;
use super::period::Month;
use crate::domain::leave::holidays::HolidayCalendar;
use crate::domain::leave::sickness::SickSpell;

/// The Bradford window: the 52 weeks ending on the chosen day.
pub const BRADFORD_DAYS: i64 = 52 * 7;

/// Scheduled and sick minutes of a group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AbsenceLine {
    pub scheduled_minutes: u64,
    pub sick_minutes: u64,
}

impl AbsenceLine {
    /// Sickness hours over scheduled hours, in percent.
    pub fn rate_pct(&self) -> f64 {
        super::percent(self.sick_minutes as f64, self.scheduled_minutes as f64)
    }

    fn add(&mut self, scheduled: u32, sick: bool) {
        self.scheduled_minutes += u64::from(scheduled);
        if sick {
            self.sick_minutes += u64::from(scheduled);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Absenteeism {
    pub months: Vec<(Month, AbsenceLine)>,
    /// By department name (the empty name last).
    pub departments: Vec<(String, AbsenceLine)>,
    pub total: AbsenceLine,
}

/// Whether the spell covers `day` (an open spell up to `today`).
fn covers(s: &SickSpell, day: NaiveDate, today: NaiveDate) -> bool {
    s.start <= day && day <= s.end.unwrap_or(today)
}

fn by_person(spells: &[(i64, SickSpell)]) -> HashMap<i64, Vec<&SickSpell>> {
    let mut map: HashMap<i64, Vec<&SickSpell>> = HashMap::new();
    for (id, s) in spells {
        map.entry(*id).or_default().push(s);
    }
    map
}

/// The days from `first` to `last` with whether each is a day off (holiday or company day).
fn days_off(calendar: &HolidayCalendar, first: NaiveDate, last: NaiveDate) -> Vec<bool> {
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| calendar.day_off(d).is_some())
        .collect()
}

/// Absenteeism in the months `from`–`to`. `spells` are (employee id, spell) of anyone.
pub fn absenteeism(
    people: &[Person],
    spells: &[(i64, SickSpell)],
    calendar: &HolidayCalendar,
    from: Month,
    to: Month,
    today: NaiveDate,
) -> Absenteeism {
    let months = from.through(to);
    let mut per_month = vec![AbsenceLine::default(); months.len()];
    let mut departments: BTreeMap<(bool, String), AbsenceLine> = BTreeMap::new();
    let mut total = AbsenceLine::default();
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Absenteeism {
            months: Vec::new(),
            departments: Vec::new(),
            total,
        };
    };
    let (first, last) = (first.first_day(), last.last_day());
    let off = days_off(calendar, first, last);
    let sick = by_person(spells);
    let none = Vec::new();
    for p in people {
        let start = p.start.max(first);
        let end = p.end.map_or(last, |e| e.min(last));
        if start > end {
            continue;
        }
        let mine = sick.get(&p.id).unwrap_or(&none);
        let dept = p.department.trim().to_string();
        let line = departments.entry((dept.is_empty(), dept)).or_default();
        let mut month_index = months.partition_point(|m| m.last_day() < start);
        for day in start.iter_days().take_while(|d| *d <= end) {
            let i = (day - first).num_days() as usize;
            let minutes = p.schedules.minutes_on(day);
            if off[i] || minutes == 0 {
                continue;
            }
            while months[month_index].last_day() < day {
                month_index += 1;
            }
            let is_sick = mine.iter().any(|s| covers(s, day, today));
            per_month[month_index].add(minutes, is_sick);
            line.add(minutes, is_sick);
            total.add(minutes, is_sick);
        }
    }
    Absenteeism {
        months: months.into_iter().zip(per_month).collect(),
        departments: departments
            .into_iter()
            .filter(|(_, l)| l.scheduled_minutes > 0)
            .map(|((_, name), l)| (name, l))
            .collect(),
        total,
    }
}

/// One person's Bradford factor: S² × D, S the spells and D the working days lost in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BradfordLine {
    pub employee_id: i64,
    pub number: String,
    pub name: String,
    pub department: String,
    pub spells: u32,
    /// Days the person's schedule planned work (holidays excepted) that fell in a spell.
    pub days: u32,
    pub factor: u64,
}

/// The Bradford factors of a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bradford {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Highest factor first.
    pub lines: Vec<BradfordLine>,
}

/// The Bradford factor of everyone with sickness in the 52 weeks ending on `at`, highest first.
/// Frequent short absences weigh more than one long one: 10 single days give 1000, one spell of
/// ten days gives 10.
pub fn bradford(
    people: &[Person],
    spells: &[(i64, SickSpell)],
    calendar: &HolidayCalendar,
    at: NaiveDate,
    today: NaiveDate,
) -> Bradford {
    let window = at - Duration::days(BRADFORD_DAYS - 1);
    let sick = by_person(spells);
    let mut out: Vec<BradfordLine> = people
        .iter()
        .filter_map(|p| {
            let mut count = 0u32;
            let mut days = 0u32;
            for s in sick.get(&p.id)? {
                let from = s.start.max(window);
                let to = s.end.unwrap_or(today).min(at);
                if from > to {
                    continue;
                }
                count += 1;
                days += from
                    .iter_days()
                    .take_while(|d| *d <= to)
                    .filter(|d| {
                        p.employed_on(*d)
                            && p.schedules.minutes_on(*d) > 0
                            && calendar.day_off(*d).is_none()
                    })
                    .count() as u32;
            }
            (count > 0).then(|| BradfordLine {
                employee_id: p.id,
                number: p.number.clone(),
                name: p.name.clone(),
                department: p.department.clone(),
                spells: count,
                days,
                factor: u64::from(count) * u64::from(count) * u64::from(days),
            })
        })
        .collect();
    out.sort_by(|a, b| b.factor.cmp(&a.factor).then_with(|| a.name.cmp(&b.name)));
    Bradford {
        from: window,
        to: at,
        lines: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reports::fixtures::{company, d, spells};

    fn march_april() -> Absenteeism {
        absenteeism(
            &company(),
            &spells(),
            &HolidayCalendar::default(),
            Month::new(2026, 3).unwrap(),
            Month::new(2026, 4).unwrap(),
            d(2026, 11, 23),
        )
    }

    /// March 2026 has 22 weekdays and no holiday: Ann and Eva 22 × 7h36, Bart 18 × 7h36 (four
    /// Wednesdays off), Chris 22 × 3h48 = 33 288 minutes. Sick: Ann 3 days, Bart 4 of his days
    /// (his Wednesday costs nothing) = 7 × 456 = 3 192 minutes.
    /// April: 22 weekdays less Easter Monday = 21; Eva has left. Ann 21 × 456, Bart 16 × 456 (five
    /// Wednesdays), Chris 21 × 228 = 21 660. Sick: Chris on Tuesday 7th only (the 6th is a holiday): 228.
    #[test]
    fn absenteeism_per_month_by_hand() {
        let a = march_april();
        let lines: Vec<(u64, u64)> = a
            .months
            .iter()
            .map(|(_, l)| (l.scheduled_minutes, l.sick_minutes))
            .collect();
        assert_eq!(lines, [(33_288, 3_192), (21_660, 228)]);
        assert!((a.months[0].1.rate_pct() - 9.5890).abs() < 0.001);
        assert_eq!(a.total.sick_minutes, 3_420);
    }

    #[test]
    fn absenteeism_per_department_by_hand() {
        let a = march_april();
        // Office: Ann (22 + 21) × 456 + Eva 22 × 456 = 29 640; sick: Ann's March spell, 3 × 456 (her
        // May day is outside the period). Workshop: Bart (18 + 16) × 456 + Chris (22 + 21) × 228.
        assert_eq!(
            a.departments,
            [
                (
                    "Office".to_string(),
                    AbsenceLine {
                        scheduled_minutes: 29_640,
                        sick_minutes: 1_368
                    }
                ),
                (
                    "Workshop".to_string(),
                    AbsenceLine {
                        scheduled_minutes: 15_504 + 9_804,
                        sick_minutes: 1_824 + 228
                    }
                ),
            ]
        );
    }

    /// Window 02/12/2025–30/11/2026, today 23/11/2026. Bart: 2 spells, 4 days in March and Thursday
    /// 19, Friday 20 and Monday 23 November of the running one: 2² × 7 = 28. Ann: 2 spells, 3 + 1
    /// days: 16. Chris: 1 spell of 1 working day: 1.
    #[test]
    fn bradford_by_hand() {
        let b = bradford(
            &company(),
            &spells(),
            &HolidayCalendar::default(),
            d(2026, 11, 30),
            d(2026, 11, 23),
        );
        assert_eq!(b.from, d(2025, 12, 2));
        let got: Vec<(&str, u32, u32, u64)> = b
            .lines
            .iter()
            .map(|l| (l.name.as_str(), l.spells, l.days, l.factor))
            .collect();
        assert_eq!(
            got,
            [("Bart", 2, 7, 28), ("Ann", 2, 4, 16), ("Chris", 1, 1, 1)]
        );
        // A window ending before the March spells leaves only what falls inside it.
        let earlier = bradford(
            &company(),
            &spells(),
            &HolidayCalendar::default(),
            d(2026, 3, 3),
            d(2026, 11, 23),
        );
        let got: Vec<(&str, u32, u64)> = earlier
            .lines
            .iter()
            .map(|l| (l.name.as_str(), l.days, l.factor))
            .collect();
        assert_eq!(got, [("Bart", 2, 2), ("Ann", 1, 1)]);
    }

    #[test]
    fn nothing_scheduled_gives_a_zero_rate() {
        assert_eq!(AbsenceLine::default().rate_pct(), 0.0);
    }
}
