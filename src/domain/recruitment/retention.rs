//! How long a candidate who was not hired may be kept (GDPR; BELGIAN-RULES.md §10): no statutory
//! period, so shortly after the procedure ends; longer only with the candidate's consent to a reserve pool.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The company's retention policy (a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionPolicy {
    /// Without consent: kept this many months after the procedure ends. BELGIAN-RULES.md §10 sets
    /// no number ("no statutory retention period; delete shortly after the procedure ends"); the
    /// default 6 is the company's own choice: long enough to answer a complaint about the
    /// selection (CAO 38), short enough to count as "shortly". A setting, to be checked against
    /// current GBA/APD guidance, as the rules file asks.
    pub months_without_consent: u32,
    /// With consent to the reserve pool: this many months (default 12: "practice commonly uses up
    /// to about one year", BELGIAN-RULES.md §10).
    pub months_with_consent: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            months_without_consent: 6,
            months_with_consent: 12,
        }
    }
}

/// The day from which the candidate's personal data must be gone. `ended_on` is when the last of
/// their applications ended (rejected, withdrawn, or the vacancy closed); `None` while one is open.
pub fn retention_until(
    ended_on: Option<NaiveDate>,
    consent_on: Option<NaiveDate>,
    policy: &RetentionPolicy,
) -> Option<NaiveDate> {
    let end = ended_on?;
    let months = match consent_on {
        Some(_) => policy.months_with_consent,
        None => policy.months_without_consent,
    };
    end.checked_add_months(Months::new(months))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn short_without_consent_longer_with_it() {
        let p = RetentionPolicy::default();
        assert_eq!(
            retention_until(Some(d("2026-01-31")), None, &p),
            Some(d("2026-07-31"))
        );
        assert_eq!(
            retention_until(Some(d("2026-01-31")), Some(d("2026-01-10")), &p),
            Some(d("2027-01-31"))
        );
    }

    #[test]
    fn an_open_procedure_has_no_date_yet() {
        assert_eq!(
            retention_until(None, None, &RetentionPolicy::default()),
            None
        );
    }

    #[test]
    fn month_ends_clamp() {
        let p = RetentionPolicy {
            months_without_consent: 1,
            months_with_consent: 12,
        };
        assert_eq!(
            retention_until(Some(d("2026-01-31")), None, &p),
            Some(d("2026-02-28"))
        );
    }
}
