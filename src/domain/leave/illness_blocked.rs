//! Legal leave that sickness or maternity kept a worker from taking in a year: the part of what is
//! left on 31 December that is carried over instead of lost (BELGIAN-RULES.md §2, "Carry-over").
//!
//! The rules give no formula for "could not be taken", so Dossier counts it this way (verify with the
//! social secretariat): the minutes the person's schedule planned on the days of the year covered by
//! a sickness spell of any cause (illness, private or work accident, occupational disease,
//! prophylactic leave) or by approved maternity, birth or adoption leave; public holidays and days
//! off excluded (no leave is taken on them anyway); a day covered twice counted once; a partial day
//! of leave for its part; and never more than the legal balance still left on 31 December.

use chrono::NaiveDate;

use super::holidays::HolidayCalendar;
use super::leave_type::LeaveType;
use super::period::{DayPart, count_period};
use super::request::{LeaveRequest, RequestStatus};
use super::rules::last_day_of_year;
use super::schedule::Schedules;
use super::sickness::SickSpell;

/// Leave types that, like sickness, keep statutory days from being taken (§2 names maternity, birth
/// and adoption leave; foster-care leave has no type of its own here).
pub const CARRY_OVER_LEAVE_TYPES: [&str; 3] = ["maternity", "birth", "adoption"];

pub fn blocks_annual_leave(t: &LeaveType) -> bool {
    CARRY_OVER_LEAVE_TYPES.contains(&t.code.as_str())
}

/// The legal minutes of `year` that `spells` and the approved leave of a type in
/// [`CARRY_OVER_LEAVE_TYPES`] among `requests` kept from being taken, capped at `legal_remaining`
/// (the legal balance left at the end of the year). A spell still open counts to 31 December.
pub fn illness_blocked_minutes(
    year: i32,
    spells: &[SickSpell],
    requests: &[LeaveRequest],
    types: &[LeaveType],
    schedules: &Schedules,
    calendar: &HolidayCalendar,
    legal_remaining: i64,
) -> u32 {
    let last = last_day_of_year(year);
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return 0;
    };
    // What a day of leave would have cost: 0 on holidays and days off.
    let year_days = count_period(schedules, calendar, first, last, DayPart::Full).days;
    let mut blocked = vec![0u32; year_days.len()];
    let mut cover = |from: NaiveDate, to: NaiveDate, part: DayPart| {
        let (from, to) = (from.max(first), to.min(last));
        if from > to {
            return;
        }
        let a = (from - first).num_days() as usize;
        let b = (to - first).num_days() as usize;
        for (slot, day) in blocked[a..=b].iter_mut().zip(&year_days[a..=b]) {
            *slot = (*slot).max(part.of(day.charged));
        }
    };
    for s in spells {
        cover(s.start, s.end.unwrap_or(last), DayPart::Full);
    }
    let blocking = |r: &&LeaveRequest| {
        r.status == RequestStatus::Approved
            && types
                .iter()
                .any(|t| t.id == r.type_id && blocks_annual_leave(t))
    };
    for r in requests.iter().filter(blocking) {
        cover(r.from, r.to, r.part);
    }
    let total: u64 = blocked.iter().map(|m| u64::from(*m)).sum();
    let cap = u64::try_from(legal_remaining).unwrap_or(0);
    u32::try_from(total.min(cap)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::holidays::{CompanyDay, CompanyDayKind};
    use crate::domain::leave::leave_type::{Counting, sample};
    use crate::domain::leave::request::sample_request as request;
    use crate::domain::leave::schedule::Schedule;
    use crate::domain::leave::sickness::SickCause;
    use crate::domain::leave::sickness::sample_spell as spell;

    const DAY: u32 = 456;
    const LOTS: i64 = 100 * DAY as i64;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn types() -> Vec<LeaveType> {
        vec![
            sample(1, "legal", Counting::Annual),
            sample(2, "maternity", Counting::None),
            sample(3, "unpaid", Counting::None),
        ]
    }

    fn full_time() -> Schedules {
        Schedules::new(vec![Schedule::weekly(
            d(2020, 1, 1),
            [DAY, DAY, DAY, DAY, DAY, 0, 0],
        )])
    }

    fn blocked(spells: &[SickSpell], requests: &[LeaveRequest], s: &Schedules, left: i64) -> u32 {
        let calendar = HolidayCalendar::new(vec![]);
        illness_blocked_minutes(2026, spells, requests, &types(), s, &calendar, left)
    }

    #[test]
    fn a_week_of_sickness_blocks_its_working_days_holidays_excluded() {
        // Monday 2 to Sunday 8 March 2026: five working days.
        let week = [spell(
            d(2026, 3, 2),
            Some(d(2026, 3, 8)),
            SickCause::Illness,
        )];
        assert_eq!(blocked(&week, &[], &full_time(), LOTS), 5 * DAY);
        // 21–31 December 2026: Christmas on Friday 25th is not a day anyone could take leave.
        let christmas = [spell(
            d(2026, 12, 21),
            Some(d(2026, 12, 31)),
            SickCause::WorkAccident,
        )];
        assert_eq!(blocked(&christmas, &[], &full_time(), LOTS), 8 * DAY);
    }

    #[test]
    fn only_the_part_in_the_year_counts_and_an_open_spell_runs_to_new_year() {
        // From Monday 28 December 2025: 2026 has Friday 2 January (1 January is a holiday).
        let across = [spell(
            d(2025, 12, 28),
            Some(d(2026, 1, 4)),
            SickCause::Illness,
        )];
        assert_eq!(blocked(&across, &[], &full_time(), LOTS), DAY);
        let open = [spell(d(2026, 12, 28), None, SickCause::Prophylactic)];
        assert_eq!(blocked(&open, &[], &full_time(), LOTS), 4 * DAY);
    }

    #[test]
    fn maternity_leave_counts_once_with_sickness_and_other_leave_does_not() {
        let spells = [spell(
            d(2026, 3, 2),
            Some(d(2026, 3, 4)),
            SickCause::Illness,
        )];
        let requests = [
            // Overlaps the spell on 3 and 4 March: two more days, not four.
            request(2, d(2026, 3, 3), d(2026, 3, 6), 0, RequestStatus::Approved),
            request(2, d(2026, 5, 4), d(2026, 5, 8), 0, RequestStatus::Refused),
            request(3, d(2026, 6, 1), d(2026, 6, 5), 0, RequestStatus::Approved),
            request(1, d(2026, 7, 6), d(2026, 7, 10), 0, RequestStatus::Approved),
        ];
        assert_eq!(blocked(&spells, &requests, &full_time(), LOTS), 5 * DAY);
        let calendar = HolidayCalendar::new(vec![CompanyDay {
            date: d(2026, 3, 6),
            kind: CompanyDayKind::Bridge,
            name: String::new(),
            replaces: None,
        }]);
        let with_bridge = illness_blocked_minutes(
            2026,
            &spells,
            &requests,
            &types(),
            &full_time(),
            &calendar,
            LOTS,
        );
        assert_eq!(with_bridge, 4 * DAY);
    }

    #[test]
    fn a_part_timer_loses_only_her_own_days_and_never_more_than_is_left() {
        let mon_thu = Schedules::new(vec![Schedule::weekly(
            d(2020, 1, 1),
            [DAY, DAY, DAY, DAY, 0, 0, 0],
        )]);
        let fortnight = [spell(
            d(2026, 3, 2),
            Some(d(2026, 3, 15)),
            SickCause::Illness,
        )];
        assert_eq!(blocked(&fortnight, &[], &mon_thu, LOTS), 8 * DAY);
        assert_eq!(
            blocked(&fortnight, &[], &mon_thu, 3 * i64::from(DAY)),
            3 * DAY
        );
        assert_eq!(blocked(&fortnight, &[], &mon_thu, -i64::from(DAY)), 0);
        assert_eq!(blocked(&[], &[], &mon_thu, LOTS), 0);
    }
}
