//! Leave on the ledger per request: the Taken rows that book it, and which of them still stand.

use chrono::{Datelike, NaiveDate};

use super::{Bucket, EntryKind, LedgerEntry, balances, debit_plan};

/// The Taken rows for `days` (minutes per day) of leave, planned day by day against `ledger` on the
/// buckets in `order`, so a lot that expires inside the period is respected. What no bucket covers
/// goes on the first bucket, below zero: the caller has allowed it (an override reason, or a change of
/// schedule that the leave already planned has to follow). Nothing is booked without a bucket order.
pub fn book_days(
    ledger: &[LedgerEntry],
    order: &[Bucket],
    days: &[(NaiveDate, u32)],
    request_id: Option<i64>,
    today: NaiveDate,
) -> Vec<LedgerEntry> {
    let Some(first) = order.first() else {
        return Vec::new();
    };
    let mut ledger = ledger.to_vec();
    let mut rows = Vec::new();
    for (day, minutes) in days.iter().filter(|(_, m)| *m > 0) {
        let year = day.year();
        let plan = debit_plan(&balances(&ledger, year, today), *minutes, order, *day);
        let mut day_rows = plan.entries(year, *day, request_id);
        if plan.shortfall > 0 {
            day_rows.push(LedgerEntry::taken(
                year,
                *first,
                *day,
                plan.shortfall,
                request_id,
            ));
        }
        ledger.extend(day_rows.iter().cloned());
        rows.extend(day_rows);
    }
    rows
}

/// The Taken rows of request `request_id` that no Reversal has undone, in ledger order. A request
/// booked again after a change of schedule holds reversed rows next to the new ones; only the ones
/// still standing may be reversed when it is cancelled, or compared with a new count.
pub fn open_taken(entries: &[LedgerEntry], request_id: i64) -> Vec<&LedgerEntry> {
    let of_request = |kind: EntryKind| {
        entries
            .iter()
            .filter(move |e| e.request_id == Some(request_id) && e.kind == kind)
    };
    let mut reversals: Vec<&LedgerEntry> = of_request(EntryKind::Reversal).collect();
    of_request(EntryKind::Taken)
        .filter(|taken| {
            let undo = LedgerEntry::reversal_of(taken);
            match reversals.iter().position(|r| undo.as_ref() == Some(*r)) {
                Some(i) => {
                    reversals.swap_remove(i);
                    false
                }
                None => true,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::leave::rules::ymd;

    #[test]
    fn booking_draws_in_order_and_puts_the_shortfall_on_the_first_bucket() {
        let today = ymd(2026, 1, 1);
        let ledger = vec![LedgerEntry::allocation(2026, Bucket::Legal, 456, today)];
        let days = [
            (ymd(2026, 3, 2), 456),
            (ymd(2026, 3, 3), 0),
            (ymd(2026, 3, 4), 456),
        ];
        let rows = book_days(
            &ledger,
            &[Bucket::Legal, Bucket::Supplementary],
            &days,
            Some(4),
            today,
        );
        assert_eq!(rows.len(), 2);
        assert!(
            rows.iter()
                .all(|r| r.bucket == Bucket::Legal && r.minutes == -456)
        );
        assert!(book_days(&ledger, &[], &days, Some(4), today).is_empty());
    }

    #[test]
    fn only_rows_no_reversal_has_undone_stand() {
        let day = ymd(2026, 8, 7);
        let first = LedgerEntry::taken(2026, Bucket::Legal, day, 456, Some(1));
        let again = LedgerEntry::taken(2026, Bucket::Legal, day, 228, Some(1));
        let other = LedgerEntry::taken(2026, Bucket::Legal, day, 456, Some(2));
        let mut entries = vec![first.clone(), other.clone()];
        assert_eq!(open_taken(&entries, 1), vec![&first]);
        entries.push(LedgerEntry::reversal_of(&first).unwrap());
        entries.push(again.clone());
        assert_eq!(open_taken(&entries, 1), vec![&again]);
        // The same row booked twice and reversed once: one still stands.
        entries.push(first.clone());
        assert_eq!(open_taken(&entries, 1), vec![&again, &first]);
        assert_eq!(open_taken(&entries, 2), vec![&other]);
    }
}
