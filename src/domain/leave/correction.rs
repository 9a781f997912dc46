//! A correction of a balance as typed by the user (form, CLI): which year and bucket, how many
//! hours to add or remove, and why. The ledger keeps it as a Correction row; nothing is edited.

use chrono::NaiveDate;

use super::ledger::{Bucket, LedgerEntry};
use crate::domain::choice::Choice;
use crate::domain::employee::required_text;
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::parse_minutes;
use crate::text_input;

text_input!(
    /// What the user typed for a correction. `change` is signed hours: "+7:36" or "7h36" adds, "-3,5" removes.
    CorrectionInput, CORRECTION_FIELDS { year, bucket, change, reason }
);

/// A checked correction, ready for the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub year: i32,
    pub bucket: Bucket,
    pub minutes: i64,
    pub reason: String,
}

impl Correction {
    /// The ledger row, dated `on`.
    pub fn entry(&self, on: NaiveDate) -> Result<LedgerEntry, FieldError> {
        LedgerEntry::correction(self.year, self.bucket, self.minutes, on, &self.reason)
    }
}

/// Signed hours: "+7:36", "-3,5", "7h36" (a plus sign is optional).
fn signed_minutes(text: &str) -> Result<i64, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::new("change", "err.required"));
    }
    let (negative, rest) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.trim_start_matches('+')),
    };
    let minutes = parse_minutes(rest.trim())
        .ok_or_else(|| FieldError::new("change", "err.hours").arg("value", t))?;
    if minutes == 0 {
        return Err(FieldError::new("change", "err.correction_zero"));
    }
    Ok(if negative {
        -i64::from(minutes)
    } else {
        i64::from(minutes)
    })
}

impl CorrectionInput {
    /// Year, bucket and signed minutes when those fields are right, whatever the reason says: what
    /// the form shows the balance would become while the reason is still being typed.
    pub fn amount(&self) -> Option<(i32, Bucket, i64)> {
        let mut errs = ValidationErrors::default();
        let (year, bucket, minutes) = self.parts(&mut errs);
        Some((year?, bucket?, minutes?))
    }

    fn parts(&self, errs: &mut ValidationErrors) -> (Option<i32>, Option<Bucket>, Option<i64>) {
        let year = collect(
            errs,
            self.year
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
                .ok_or_else(|| {
                    FieldError::new("year", "err.leave_year").arg("value", self.year.trim())
                }),
        );
        let bucket = collect(
            errs,
            Bucket::from_code(self.bucket.trim()).ok_or_else(|| {
                FieldError::new("bucket", "err.choice")
                    .arg("value", self.bucket.trim())
                    .arg("options", Bucket::codes().join(", "))
            }),
        );
        let minutes = collect(errs, signed_minutes(&self.change));
        (year, bucket, minutes)
    }

    pub fn validate(&self) -> Result<Correction, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let (year, bucket, minutes) = self.parts(&mut errs);
        let reason = collect(&mut errs, required_text("reason", &self.reason, 300));
        match (year, bucket, minutes, reason) {
            (Some(year), Some(bucket), Some(minutes), Some(reason)) if errs.is_empty() => {
                Ok(Correction {
                    year,
                    bucket,
                    minutes,
                    reason,
                })
            }
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(year: &str, bucket: &str, hours: &str, reason: &str) -> CorrectionInput {
        CorrectionInput {
            year: year.into(),
            bucket: bucket.into(),
            change: hours.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn signed_hours_add_or_remove() {
        let c = input("2026", "legal", "-7:36", "double booking").validate();
        assert_eq!(c.map(|c| c.minutes), Ok(-456));
        let c = input("2026", "extralegal", "+3h", "extra day from the boss").validate();
        assert_eq!(c.map(|c| c.minutes), Ok(180));
        let c = input("2026", "legal", "7,5", "x").validate();
        assert_eq!(c.map(|c| c.minutes), Ok(450));
    }

    #[test]
    fn every_bad_field_is_named() {
        let errs = input("26", "holidays", "0", " ").validate().unwrap_err();
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["year", "bucket", "change", "reason"]);
        assert_eq!(
            errs.for_field("change").map(|e| e.key),
            Some("err.correction_zero")
        );
        let errs = input("2026", "legal", "abc", "x").validate().unwrap_err();
        assert_eq!(errs.for_field("change").map(|e| e.key), Some("err.hours"));
    }
}
