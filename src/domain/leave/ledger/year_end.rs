//! Closing a leave year and expiring carried minutes: the rows that move what may be carried into the
//! next year and write off the rest, so a closed year's balances end at zero and every carry reconciles.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Bucket, EntryKind, LedgerEntry, lots};
use crate::domain::choice::Choice;
use crate::domain::error::FieldError;
use crate::domain::leave::rules::{LeaveRules, last_day_of_year};

/// The rows that close one leave year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct YearEnd {
    /// CarriedOut rows in the closing year with their CarryOver rows in the next; they add up to zero.
    pub carry: Vec<LedgerEntry>,
    pub expire: Vec<LedgerEntry>,
    /// Legal minutes left unused and lost (not carried for illness): worth a word with the employer,
    /// who has to let statutory days be taken.
    pub unused_legal_reported: i64,
}

/// A year is closed once it is over: until then leave can still be taken in it.
pub fn check_closable(year: i32, today: NaiveDate) -> Result<(), FieldError> {
    if year < today.year() {
        return Ok(());
    }
    Err(FieldError::new("year", "err.year_not_over")
        .arg("year", year.to_string())
        .arg("next", (year + 1).to_string()))
}

/// Closes `year`. Legal days do not carry over, except the part illness (accident, maternity…) kept
/// from being taken: up to `illness_blocked_minutes` (the caller works that out from the sickness
/// register) move into the next year's IllnessCarryOver bucket, usable until
/// `rules.illness_carry_over_expires_on(year)`. Unused company days move into CarriedOver up to
/// `rules.carry_over_cap_minutes`, until `rules.carry_over_expires_on(year)`. Carried lots that are
/// still valid after 31 December roll on with their own expiry; everything else expires on 31
/// December. Running it twice writes nothing the second time.
pub fn year_end(
    entries: &[LedgerEntry],
    year: i32,
    rules: &LeaveRules,
    illness_blocked_minutes: u32,
) -> YearEnd {
    let close = last_day_of_year(year);
    let mut out = YearEnd::default();
    for bucket in Bucket::ALL.iter().copied() {
        let rows: Vec<&LedgerEntry> = entries
            .iter()
            .filter(|e| e.year == year && e.bucket == bucket)
            .collect();
        for (lot, remaining) in lots(&rows) {
            if remaining <= 0 {
                continue;
            }
            match (lot, bucket) {
                (Some(last), _) if last > close => {
                    out.carry_pair(year, bucket, lot, bucket, remaining, last);
                }
                (Some(last), _) => out.expire.push(expiry(year, bucket, remaining, last, lot)),
                (None, Bucket::Legal) => {
                    let ill = remaining.min(i64::from(illness_blocked_minutes));
                    if ill > 0 {
                        let until = rules.illness_carry_over_expires_on(year);
                        out.carry_pair(year, bucket, None, Bucket::IllnessCarryOver, ill, until);
                    }
                    if remaining > ill {
                        out.expire
                            .push(expiry(year, bucket, remaining - ill, close, None));
                        out.unused_legal_reported += remaining - ill;
                    }
                }
                (None, Bucket::Extralegal) => {
                    let carried = remaining.min(i64::from(rules.carry_over_cap_minutes));
                    if carried > 0 {
                        let until = rules.carry_over_expires_on(year);
                        out.carry_pair(year, bucket, None, Bucket::CarriedOver, carried, until);
                    }
                    if remaining > carried {
                        out.expire
                            .push(expiry(year, bucket, remaining - carried, close, None));
                    }
                }
                // Supplementary leave is lost at year end; minutes added to a carried bucket without
                // an expiry (a correction) have no date to carry to.
                (None, _) => out
                    .expire
                    .push(expiry(year, bucket, remaining, close, None)),
            }
        }
    }
    out
}

impl YearEnd {
    /// `minutes` out of (`year`, `from`, lot `from_lot`) and into (`year + 1`, `to`) until `until`.
    fn carry_pair(
        &mut self,
        year: i32,
        from: Bucket,
        from_lot: Option<NaiveDate>,
        to: Bucket,
        minutes: i64,
        until: NaiveDate,
    ) {
        let close = last_day_of_year(year);
        let open = close.succ_opt().unwrap_or(close);
        self.carry.push(LedgerEntry {
            expires: from_lot,
            ..LedgerEntry::new(year, from, EntryKind::CarriedOut, -minutes, close)
        });
        self.carry.push(LedgerEntry {
            expires: Some(until),
            ..LedgerEntry::new(year + 1, to, EntryKind::CarryOver, minutes, open)
        });
    }
}

/// An Expiry row of `minutes` dated `date`, debiting lot `lot`.
fn expiry(
    year: i32,
    bucket: Bucket,
    minutes: i64,
    date: NaiveDate,
    lot: Option<NaiveDate>,
) -> LedgerEntry {
    LedgerEntry {
        expires: lot,
        ..LedgerEntry::new(year, bucket, EntryKind::Expiry, -minutes, date)
    }
}

/// The Expiry rows to write for carried lots whose last day is before `today`, dated that last day.
/// Writing them makes the call return nothing until another lot expires.
pub fn expiries_due(entries: &[LedgerEntry], today: NaiveDate) -> Vec<LedgerEntry> {
    let mut keys: Vec<(i32, Bucket)> = Vec::new();
    for e in entries {
        if !keys.contains(&(e.year, e.bucket)) {
            keys.push((e.year, e.bucket));
        }
    }
    keys.sort_by_key(|(year, bucket)| (*year, Bucket::ALL.iter().position(|b| b == bucket)));
    let mut out = Vec::new();
    for (year, bucket) in keys {
        let rows: Vec<&LedgerEntry> = entries
            .iter()
            .filter(|e| e.year == year && e.bucket == bucket)
            .collect();
        for (lot, remaining) in lots(&rows) {
            if let Some(last) = lot
                && last < today
                && remaining > 0
            {
                out.push(expiry(year, bucket, remaining, last, lot));
            }
        }
    }
    out
}
