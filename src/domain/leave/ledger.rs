//! The append-only leave ledger and the balances derived from it. Nothing edits or deletes a row:
//! cancelled leave is a reversal row, a fix is a correction row, so every balance can be explained.
//!
//! One convention: `minutes` is the signed effect of a row on its bucket's balance (credits
//! positive, debits negative), so a balance is the sum of its rows.

mod booking;
mod regime;
mod year_end;

use chrono::NaiveDate;
use serde::Serialize;

use super::entitlement::Allocation;
use crate::choice_enum;
use crate::domain::choice::Choice;
use crate::domain::error::FieldError;
use crate::domain::text::clean;

pub use booking::{book_days, open_taken};
pub use regime::{Recount, ScheduleChangeRows, regime_change, schedule_change_rows};
pub use year_end::{YearEnd, check_closable, expiries_due, year_end};

choice_enum!(
    /// Leave buckets: each has its own entitlement, order of use and expiry.
    Bucket, "bucket" {
        Legal => "legal",
        /// Supplementary (European) leave for starters and returners.
        Supplementary => "supplementary",
        /// Company days: ADV/RTT, seniority or sector days.
        Extralegal => "extralegal",
        /// Company days carried into the next year, usable until `LeaveRules::carry_over_expiry`.
        CarriedOver => "carried_over",
        /// Legal days that illness, an accident, maternity… kept from being taken, usable for 24 more months.
        IllnessCarryOver => "illness_carry_over",
    }
);

choice_enum!(
    /// What a ledger row records. Sign of `minutes` per kind: Allocation ±, Taken −, Correction ±,
    /// Expiry −, CarryOver +, CarriedOut −, Reversal +.
    EntryKind, "entry" {
        /// Entitlement for the year; a later negative one lowers it when the facts changed.
        Allocation => "allocation",
        /// Leave taken or planned on `date`.
        Taken => "taken",
        /// A manual or regime-change adjustment; always with a reason.
        Correction => "correction",
        /// Minutes lost: unused at year end or past a carried bucket's expiry.
        Expiry => "expiry",
        /// Minutes carried in from the previous year (credit in the new year's bucket).
        CarryOver => "carry_over",
        /// The matching debit in the old year: CarriedOut and CarryOver rows always add up to zero.
        CarriedOut => "carried_out",
        /// Undoes a Taken row (cancelled leave), on the same day and bucket.
        Reversal => "reversal",
    }
);

/// The order in which annual leave is drawn by default: what expires first goes first, supplementary
/// leave only after the statutory days (a legal condition), company days last since they may carry over.
pub const ANNUAL_LEAVE_ORDER: [Bucket; 5] = [
    Bucket::CarriedOver,
    Bucket::Legal,
    Bucket::IllnessCarryOver,
    Bucket::Supplementary,
    Bucket::Extralegal,
];

/// One ledger row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerEntry {
    /// The leave year whose balance the row changes (carried buckets live in the year they are used in).
    pub year: i32,
    pub bucket: Bucket,
    pub kind: EntryKind,
    /// Signed effect on the balance.
    pub minutes: i64,
    /// The day the leave is for (Taken, Reversal), else the booking or effective date.
    pub date: NaiveDate,
    /// Last day the minutes can be used. A row with an expiry belongs to the "lot" of that date;
    /// rows without one are drawn from (or added to) the bucket as a whole, debits earliest lot first.
    pub expires: Option<NaiveDate>,
    pub reason: String,
    /// The leave request a Taken or Reversal row belongs to.
    pub request_id: Option<i64>,
}

impl LedgerEntry {
    fn new(year: i32, bucket: Bucket, kind: EntryKind, minutes: i64, date: NaiveDate) -> Self {
        LedgerEntry {
            year,
            bucket,
            kind,
            minutes,
            date,
            expires: None,
            reason: String::new(),
            request_id: None,
        }
    }

    pub fn allocation(year: i32, bucket: Bucket, minutes: i64, date: NaiveDate) -> Self {
        Self::new(year, bucket, EntryKind::Allocation, minutes, date)
    }

    /// Leave on `date`: stored as a debit.
    pub fn taken(
        year: i32,
        bucket: Bucket,
        date: NaiveDate,
        minutes: u32,
        request_id: Option<i64>,
    ) -> Self {
        LedgerEntry {
            request_id,
            ..Self::new(year, bucket, EntryKind::Taken, -i64::from(minutes), date)
        }
    }

    /// The row that cancels a Taken row: same year, bucket, day and request, opposite minutes.
    /// `None` for any other kind (a correction or allocation is undone by a correction).
    pub fn reversal_of(taken: &LedgerEntry) -> Option<Self> {
        (taken.kind == EntryKind::Taken).then(|| LedgerEntry {
            kind: EntryKind::Reversal,
            minutes: -taken.minutes,
            reason: String::new(),
            ..taken.clone()
        })
    }

    /// A manual adjustment: needs a reason (shown in the history and the audit) and a non-zero amount.
    pub fn correction(
        year: i32,
        bucket: Bucket,
        minutes: i64,
        date: NaiveDate,
        reason: &str,
    ) -> Result<Self, FieldError> {
        let reason = clean(reason);
        if reason.is_empty() {
            return Err(FieldError::new("reason", "err.required"));
        }
        if minutes == 0 {
            return Err(FieldError::new("minutes", "err.correction_zero"));
        }
        Ok(LedgerEntry {
            reason,
            ..Self::new(year, bucket, EntryKind::Correction, minutes, date)
        })
    }

    /// Whether the sign fits the kind and a correction has its reason; the store refuses other rows.
    pub fn is_well_formed(&self) -> bool {
        let m = self.minutes;
        match self.kind {
            EntryKind::Allocation => true,
            EntryKind::Taken | EntryKind::Expiry | EntryKind::CarriedOut => m < 0,
            EntryKind::CarryOver | EntryKind::Reversal => m > 0,
            EntryKind::Correction => m != 0 && !self.reason.trim().is_empty(),
        }
    }
}

/// One bucket's balance for one year. Debits are shown as positive amounts; `remaining` is the sum
/// of the rows: entitled + corrections − taken − planned − expired − carried_out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    /// Allocations and minutes carried in.
    pub entitled: i64,
    /// Leave dated on or before today, net of reversals.
    pub taken: i64,
    /// Leave dated after today, net of reversals.
    pub planned: i64,
    /// Signed sum of corrections.
    pub corrections: i64,
    pub expired: i64,
    /// Minutes moved into the next year.
    pub carried_out: i64,
    pub remaining: i64,
    /// Remaining minutes that expire, by last day of use, earliest first.
    pub expiring: Vec<(NaiveDate, i64)>,
}

impl Balance {
    /// What can still be used for leave on `day`: remaining less the lots that expire before it.
    pub fn usable_on(&self, day: NaiveDate) -> i64 {
        let gone: i64 = self
            .expiring
            .iter()
            .filter(|(last, _)| *last < day)
            .map(|(_, m)| m)
            .sum();
        self.remaining - gone
    }

    fn add(&mut self, e: &LedgerEntry, today: NaiveDate) {
        let m = e.minutes;
        match e.kind {
            EntryKind::Allocation | EntryKind::CarryOver => self.entitled += m,
            EntryKind::Taken | EntryKind::Reversal if e.date <= today => self.taken -= m,
            EntryKind::Taken | EntryKind::Reversal => self.planned -= m,
            EntryKind::Correction => self.corrections += m,
            EntryKind::Expiry => self.expired -= m,
            EntryKind::CarriedOut => self.carried_out -= m,
        }
        self.remaining += m;
    }
}

/// The balance of one bucket in one leave year, as of `today` (which only splits taken from planned).
/// The one function every screen, report and the CLI derive balances from.
pub fn balance(entries: &[LedgerEntry], year: i32, bucket: Bucket, today: NaiveDate) -> Balance {
    let rows: Vec<&LedgerEntry> = entries
        .iter()
        .filter(|e| e.year == year && e.bucket == bucket)
        .collect();
    let mut b = Balance::default();
    for e in &rows {
        b.add(e, today);
    }
    b.expiring = lots(&rows)
        .into_iter()
        .filter_map(|(expires, m)| Some((expires?, m)).filter(|_| m > 0))
        .collect();
    b
}

/// The balances of every bucket that has a row in `year`, in bucket order.
pub fn balances(entries: &[LedgerEntry], year: i32, today: NaiveDate) -> Vec<(Bucket, Balance)> {
    Bucket::ALL
        .iter()
        .filter(|b| entries.iter().any(|e| e.year == year && e.bucket == **b))
        .map(|b| (*b, balance(entries, year, *b, today)))
        .collect()
}

/// All buckets added together (expiring lots merged by date).
pub fn total(balances: &[(Bucket, Balance)]) -> Balance {
    let mut t = Balance::default();
    for (_, b) in balances {
        t.entitled += b.entitled;
        t.taken += b.taken;
        t.planned += b.planned;
        t.corrections += b.corrections;
        t.expired += b.expired;
        t.carried_out += b.carried_out;
        t.remaining += b.remaining;
        for (day, m) in &b.expiring {
            match t.expiring.iter_mut().find(|(d, _)| d == day) {
                Some(lot) => lot.1 += m,
                None => t.expiring.push((*day, *m)),
            }
        }
    }
    t.expiring.sort();
    t
}

/// Remaining minutes per lot of one (year, bucket): `Some(day)` lots expire after that day, `None`
/// never does. Rows with an expiry credit or debit their own lot; the net of the other rows, when it
/// is a debit, is drawn from the lots earliest expiry first and then from the `None` part.
pub(crate) fn lots(rows: &[&LedgerEntry]) -> Vec<(Option<NaiveDate>, i64)> {
    let mut lots: Vec<(Option<NaiveDate>, i64)> = Vec::new();
    let mut general = 0i64;
    for e in rows {
        match e.expires {
            Some(day) => match lots.iter_mut().find(|(d, _)| *d == Some(day)) {
                Some(lot) => lot.1 += e.minutes,
                None => lots.push((Some(day), e.minutes)),
            },
            None => general += e.minutes,
        }
    }
    lots.sort();
    let mut debit = (-general).max(0);
    for lot in lots.iter_mut() {
        let take = debit.min(lot.1.max(0));
        lot.1 -= take;
        debit -= take;
    }
    lots.push((None, if general >= 0 { general } else { -debit }));
    lots
}

/// Which buckets a request draws from, and what is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DebitPlan {
    pub parts: Vec<(Bucket, u32)>,
    /// Minutes not covered by any bucket: the caller refuses ("exceeds the balance by 3h48") or,
    /// with an explicit override, books them on the last bucket tried.
    pub shortfall: u32,
}

impl DebitPlan {
    /// The Taken rows for this plan on one day.
    pub fn entries(&self, year: i32, day: NaiveDate, request_id: Option<i64>) -> Vec<LedgerEntry> {
        self.parts
            .iter()
            .map(|(bucket, m)| LedgerEntry::taken(year, *bucket, day, *m, request_id))
            .collect()
    }
}

/// Splits `minutes_needed` of leave on day `on` over the buckets in `order` (e.g.
/// [`ANNUAL_LEAVE_ORDER`]), never taking more than a bucket can still give on that day (lots
/// expiring before it do not count). Plan leave day by day so an expiry inside a request is respected.
pub fn debit_plan(
    balances: &[(Bucket, Balance)],
    minutes_needed: u32,
    order: &[Bucket],
    on: NaiveDate,
) -> DebitPlan {
    let mut plan = DebitPlan::default();
    let mut left = minutes_needed;
    for bucket in order {
        if left == 0 {
            break;
        }
        if plan.parts.iter().any(|(b, _)| b == bucket) {
            continue;
        }
        let Some((_, b)) = balances.iter().find(|(b, _)| b == bucket) else {
            continue;
        };
        let available = u32::try_from(b.usable_on(on).max(0)).unwrap_or(u32::MAX);
        let take = available.min(left);
        if take > 0 {
            plan.parts.push((*bucket, take));
            left -= take;
        }
    }
    plan.shortfall = left;
    plan
}

/// The Allocation rows that bring `year`'s allocations up (or down) to `allocations`: only the
/// differences with what the ledger already holds, so recomputing is safe at any time.
pub fn allocation_rows(
    entries: &[LedgerEntry],
    year: i32,
    allocations: &[Allocation],
    date: NaiveDate,
) -> Vec<LedgerEntry> {
    allocations
        .iter()
        .filter_map(|a| {
            let booked: i64 = entries
                .iter()
                .filter(|e| e.year == year && e.bucket == a.bucket)
                .filter(|e| e.kind == EntryKind::Allocation)
                .map(|e| e.minutes)
                .sum();
            let delta = i64::from(a.minutes) - booked;
            (delta != 0).then(|| LedgerEntry::allocation(year, a.bucket, delta, date))
        })
        .collect()
}

#[cfg(test)]
mod tests;
