//! A change of work schedule on the ledger: the remaining balances converted to the new regime, and
//! the leave already booked from the change on counted again at the new schedule's hours.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::booking::{book_days, open_taken};
use super::{Bucket, EntryKind, LedgerEntry, allocation_rows, lots};
use crate::domain::choice::Choice;
use crate::domain::leave::entitlement::{Allocation, convert_to_schedule};
use crate::domain::money::format_minutes;

/// The corrections that convert `year`'s remaining balances after a change of weekly regime
/// (days stay days, see `entitlement::convert_to_schedule`), one per bucket and lot so expiries hold.
/// The reason reads "38h → 19h". Leave already planned after the change still counts the old
/// schedule's hours: the caller rebooks it (reversal + new Taken rows) with the new schedule, as
/// [`schedule_change_rows`] does.
pub fn regime_change(
    entries: &[LedgerEntry],
    year: i32,
    old_weekly: u32,
    new_weekly: u32,
    date: NaiveDate,
) -> Vec<LedgerEntry> {
    let reason = format!(
        "{} → {}",
        format_minutes(old_weekly),
        format_minutes(new_weekly)
    );
    let mut out = Vec::new();
    for bucket in Bucket::ALL {
        let rows: Vec<&LedgerEntry> = entries
            .iter()
            .filter(|e| e.year == year && e.bucket == *bucket)
            .collect();
        for (expires, remaining) in lots(&rows) {
            let delta = convert_to_schedule(remaining, old_weekly, new_weekly) - remaining;
            if delta == 0 {
                continue;
            }
            if let Ok(row) = LedgerEntry::correction(year, *bucket, delta, date, &reason) {
                out.push(LedgerEntry { expires, ..row });
            }
        }
    }
    out
}

/// One approved request's leave from the change on, counted again under the new schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recount<'a> {
    pub request_id: i64,
    /// The buckets its leave type draws from, in order (see `store::buckets_for`).
    pub order: &'a [Bucket],
    /// Minutes per day on and after the change (days that now cost nothing may be left out).
    pub days: Vec<(NaiveDate, u32)>,
}

/// The ledger rows of a change of schedule, in the order they are written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScheduleChangeRows {
    /// Corrections converting each year's remaining balance, and Allocation rows for a year whose
    /// entitlement is recomputed under the new schedule.
    pub conversions: Vec<LedgerEntry>,
    /// Reversals of the standing Taken rows from the change on, then the new Taken rows.
    pub rebooking: Vec<LedgerEntry>,
    /// The requests booked again: those whose days now cost something else.
    pub rebooked: Vec<i64>,
}

/// Minutes per day from `from` on, as booked (`rows`) or as counted again (`days`), for comparing.
fn per_day<'a>(
    days: impl Iterator<Item = (NaiveDate, i64)> + 'a,
    from: NaiveDate,
) -> BTreeMap<NaiveDate, i64> {
    let mut out = BTreeMap::new();
    for (day, m) in days.filter(|(d, m)| *d >= from && *m != 0) {
        *out.entry(day).or_insert(0) += m;
    }
    out
}

/// The rows that move one person's ledger to a new schedule taking effect on `from`:
///
/// * Every leave year from `from`'s on that has rows is converted from `old_weekly` to `new_weekly`
///   (nothing when they are equal). The conversion is worked out as if the leave booked from `from`
///   on were not booked yet: that leave is taken in the new regime, so it is debited at the new
///   hours from the converted balance. (Converting what is left after it and then swapping its old
///   hours for new ones would convert the planned days at the wrong rate: 15 days left of which 4
///   planned, full time to 4/5, must end at 12 − 4 = 8 days.)
/// * A year in `reallocated` (its entitlement is based on the schedule from `from` on, and the caller
///   recomputed it) gets the Allocation rows that bring it to the new entitlement, exactly what a
///   new allocation run would write, so that run stays idempotent; its other rows (carried in,
///   corrections) are converted.
/// * Each recounted request whose days now cost something else is reversed from `from` on and
///   booked again with [`book_days`]; requests whose days cost the same keep their rows.
pub fn schedule_change_rows(
    entries: &[LedgerEntry],
    from: NaiveDate,
    old_weekly: u32,
    new_weekly: u32,
    reallocated: &[(i32, Vec<Allocation>)],
    recounts: &[Recount<'_>],
    today: NaiveDate,
) -> ScheduleChangeRows {
    let mut out = ScheduleChangeRows::default();
    let standing = |ledger: &[LedgerEntry], id: i64| -> Vec<LedgerEntry> {
        open_taken(ledger, id)
            .into_iter()
            .filter(|e| e.date >= from)
            .cloned()
            .collect()
    };
    let reversals = |rows: &[LedgerEntry]| -> Vec<LedgerEntry> {
        rows.iter().filter_map(LedgerEntry::reversal_of).collect()
    };

    if old_weekly != new_weekly {
        let mut unbooked = entries.to_vec();
        for r in recounts.iter().filter(|r| !r.order.is_empty()) {
            unbooked.extend(reversals(&standing(entries, r.request_id)));
        }
        let mut years: Vec<i32> = unbooked
            .iter()
            .map(|e| e.year)
            .filter(|y| *y >= from.year())
            .collect();
        years.sort_unstable();
        years.dedup();
        for year in years {
            match reallocated.iter().find(|(y, _)| *y == year) {
                Some((_, allocations)) => {
                    out.conversions
                        .extend(allocation_rows(&unbooked, year, allocations, from));
                    let rest: Vec<LedgerEntry> = unbooked
                        .iter()
                        .filter(|e| !(e.year == year && e.kind == EntryKind::Allocation))
                        .cloned()
                        .collect();
                    out.conversions
                        .extend(regime_change(&rest, year, old_weekly, new_weekly, from));
                }
                None => out
                    .conversions
                    .extend(regime_change(&unbooked, year, old_weekly, new_weekly, from)),
            }
        }
    }

    let mut ledger: Vec<LedgerEntry> = entries.iter().chain(&out.conversions).cloned().collect();
    for r in recounts.iter().filter(|r| !r.order.is_empty()) {
        let booked = standing(entries, r.request_id);
        let was = per_day(booked.iter().map(|e| (e.date, -e.minutes)), from);
        let now = per_day(r.days.iter().map(|(d, m)| (*d, i64::from(*m))), from);
        if was == now {
            continue;
        }
        let undo = reversals(&booked);
        ledger.extend(undo.iter().cloned());
        let days: Vec<(NaiveDate, u32)> = now
            .iter()
            .map(|(d, m)| (*d, u32::try_from(*m).unwrap_or(0)))
            .collect();
        let new = book_days(&ledger, r.order, &days, Some(r.request_id), today);
        ledger.extend(new.iter().cloned());
        out.rebooking.extend(undo);
        out.rebooking.extend(new);
        out.rebooked.push(r.request_id);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::balance;
    use super::*;
    use crate::domain::leave::rules::ymd;

    const ORDER: &[Bucket] = &[Bucket::Legal];

    fn week(monday: NaiveDate, minutes: [u32; 5]) -> Vec<(NaiveDate, u32)> {
        (0..5)
            .map(|i| (monday + chrono::Duration::days(i), minutes[i as usize]))
            .collect()
    }

    fn apply(entries: &mut Vec<LedgerEntry>, rows: &ScheduleChangeRows) {
        entries.extend(rows.conversions.iter().cloned());
        entries.extend(rows.rebooking.iter().cloned());
    }

    /// 20 days full time, 5 taken in March, 5 approved in August; 4/5 (Monday–Thursday) from 1 July.
    #[test]
    fn four_fifths_from_july_keeps_the_weeks_and_frees_the_friday() {
        let today = ymd(2026, 6, 15);
        let august = ymd(2026, 8, 3);
        let mut entries = vec![LedgerEntry::allocation(
            2026,
            Bucket::Legal,
            9120,
            ymd(2026, 1, 1),
        )];
        entries.extend(book_days(
            &entries,
            ORDER,
            &week(ymd(2026, 3, 2), [456; 5]),
            Some(1),
            today,
        ));
        entries.extend(book_days(
            &entries,
            ORDER,
            &week(august, [456; 5]),
            Some(2),
            today,
        ));
        let recount = Recount {
            request_id: 2,
            order: ORDER,
            days: week(august, [456, 456, 456, 456, 0]),
        };
        let rows = schedule_change_rows(
            &entries,
            ymd(2026, 7, 1),
            2280,
            1824,
            &[],
            &[recount],
            today,
        );
        // 15 full-time days (3 weeks) left before August become 3 four-day weeks: 12 days.
        assert_eq!(rows.conversions.len(), 1);
        assert_eq!(rows.conversions[0].minutes, 5472 - 6840);
        assert_eq!(rows.conversions[0].reason, "38h → 30h24");
        assert_eq!(rows.rebooked, vec![2]);
        assert_eq!(rows.rebooking.len(), 5 + 4);
        apply(&mut entries, &rows);
        let b = balance(&entries, 2026, Bucket::Legal, today);
        assert_eq!((b.planned, b.remaining), (4 * 456, 8 * 456));
        assert_eq!(open_taken(&entries, 2).len(), 4);
        assert_eq!(open_taken(&entries, 1).len(), 5);
    }

    #[test]
    fn same_hours_on_other_days_only_rebooks_what_moved() {
        let today = ymd(2026, 6, 15);
        let mut entries = vec![LedgerEntry::allocation(
            2026,
            Bucket::Legal,
            9120,
            ymd(2026, 1, 1),
        )];
        let tuesday = [(ymd(2026, 8, 4), 456)];
        let friday = [(ymd(2026, 8, 7), 456)];
        entries.extend(book_days(&entries, ORDER, &tuesday, Some(1), today));
        entries.extend(book_days(&entries, ORDER, &friday, Some(2), today));
        // Monday–Thursday 7h36 becomes Tuesday–Friday 7h36: same weekly hours, nothing converted.
        let recounts = [
            Recount {
                request_id: 1,
                order: ORDER,
                days: tuesday.to_vec(),
            },
            Recount {
                request_id: 2,
                order: ORDER,
                days: friday.to_vec(),
            },
            Recount {
                request_id: 3,
                order: &[],
                days: friday.to_vec(),
            },
        ];
        let rows =
            schedule_change_rows(&entries, ymd(2026, 7, 1), 1824, 1824, &[], &recounts, today);
        assert_eq!(rows, ScheduleChangeRows::default());
        let recounts = [Recount {
            request_id: 2,
            order: ORDER,
            days: vec![(ymd(2026, 8, 7), 0)],
        }];
        let rows =
            schedule_change_rows(&entries, ymd(2026, 7, 1), 1824, 1824, &[], &recounts, today);
        assert!(rows.conversions.is_empty());
        assert_eq!(rows.rebooking.len(), 1, "a reversal, nothing new");
        assert_eq!(rows.rebooked, vec![2]);
    }

    #[test]
    fn a_reallocated_year_gets_its_new_entitlement_and_converts_the_rest() {
        let today = ymd(2026, 12, 1);
        let entries = vec![
            LedgerEntry::allocation(2027, Bucket::Legal, 9120, ymd(2027, 1, 1)),
            LedgerEntry::correction(2027, Bucket::Legal, 456, ymd(2026, 12, 1), "agreed").unwrap(),
        ];
        let allocation = Allocation {
            bucket: Bucket::Legal,
            minutes: 4560,
            basis: crate::domain::leave::entitlement::AllocationBasis::HolidayFundPending,
        };
        let rows = schedule_change_rows(
            &entries,
            ymd(2027, 1, 1),
            2280,
            1140,
            &[(2027, vec![allocation])],
            &[],
            today,
        );
        let kinds: Vec<(EntryKind, i64)> = rows
            .conversions
            .iter()
            .map(|e| (e.kind, e.minutes))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (EntryKind::Allocation, -4560),
                (EntryKind::Correction, -228)
            ]
        );
    }

    proptest! {
        /// Whatever was taken before and planned after the change, the year ends with the balance left
        /// at the change converted, less the planned leave at its new hours.
        #[test]
        fn planned_leave_is_debited_at_the_new_hours_from_the_converted_balance(
            allocated in 0i64..20_000,
            before in prop::collection::vec(0u32..600, 0..10),
            after in prop::collection::vec((0u32..600, 0u32..600), 0..10),
            old_weekly in 1u32..3000,
            new_weekly in 0u32..3000,
        ) {
            let today = ymd(2026, 1, 1);
            let from = ymd(2026, 7, 1);
            let mut entries = vec![LedgerEntry::allocation(2026, Bucket::Legal, allocated, today)];
            let early: Vec<(NaiveDate, u32)> = before.iter().enumerate()
                .map(|(i, m)| (ymd(2026, 3, 1 + i as u32), *m)).collect();
            entries.extend(book_days(&entries, ORDER, &early, Some(1), today));
            let late = |pick: fn(&(u32, u32)) -> u32| -> Vec<(NaiveDate, u32)> {
                after.iter().enumerate().map(|(i, m)| (ymd(2026, 9, 1 + i as u32), pick(m))).collect()
            };
            entries.extend(book_days(&entries, ORDER, &late(|m| m.0), Some(2), today));
            let left_at_change = allocated - i64::from(before.iter().sum::<u32>());
            let recount = Recount { request_id: 2, order: ORDER, days: late(|m| m.1) };
            let rows = schedule_change_rows(&entries, from, old_weekly, new_weekly, &[], &[recount], today);
            apply(&mut entries, &rows);
            let new_planned: i64 = after.iter().map(|m| i64::from(m.1)).sum();
            prop_assert_eq!(
                balance(&entries, 2026, Bucket::Legal, today).remaining,
                convert_to_schedule(left_at_change, old_weekly, new_weekly) - new_planned
            );
            prop_assert_eq!(
                open_taken(&entries, 2).iter().map(|e| -e.minutes).sum::<i64>(),
                new_planned
            );
        }
    }
}
