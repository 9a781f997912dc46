//! GDPR rules for personnel files: how long a former employee's file is kept after they leave,
//! and whether it may be erased on a given day.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Setting key of the retention periods.
pub const RETENTION_SETTINGS: &str = "retention";

/// Retention periods after the end of employment, in years; the file is kept for the longest.
/// Belgian defaults: social documents 5 years (Royal Decree of 8 August 1980, art. 25: individual
/// account, contracts, schedules…), and claims arising from the employment contract lapse 1 year
/// after it ends (Law of 3 July 1978, art. 15). A company may keep longer (e.g. a pending case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionSettings {
    pub social_documents_years: u32,
    pub legal_claims_years: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            social_documents_years: 5,
            legal_claims_years: 1,
        }
    }
}

impl RetentionSettings {
    pub fn years(&self) -> u32 {
        self.social_documents_years.max(self.legal_claims_years)
    }

    /// The first day the file of someone who left on `left_on` may be erased.
    pub fn ends(&self, left_on: NaiveDate) -> NaiveDate {
        left_on
            .checked_add_months(Months::new(self.years().saturating_mul(12)))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// Why an erasure is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Still employed (or never archived): archive the departure first.
    StillEmployed,
    /// The retention period runs until this day; only a forced erasure with a reason may go ahead.
    RetentionRunning { until: NaiveDate },
}

/// Whether the file of someone who left on `left_on` (None: still employed) may be erased on
/// `today`. `forced` (with a reason the caller records) overrides a running retention period,
/// never a current employment.
pub fn may_erase(
    left_on: Option<NaiveDate>,
    today: NaiveDate,
    settings: &RetentionSettings,
    forced: bool,
) -> Result<(), Refusal> {
    let Some(left) = left_on else {
        return Err(Refusal::StillEmployed);
    };
    let until = settings.ends(left);
    if today < until && !forced {
        return Err(Refusal::RetentionRunning { until });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_file_is_kept_five_years_after_departure_by_default() {
        let s = RetentionSettings::default();
        assert_eq!(s.ends(d(2021, 3, 31)), d(2026, 3, 31));
        assert_eq!(s.ends(d(2020, 2, 29)), d(2025, 2, 28));
        assert_eq!(
            may_erase(Some(d(2021, 3, 31)), d(2026, 3, 30), &s, false),
            Err(Refusal::RetentionRunning {
                until: d(2026, 3, 31)
            })
        );
        assert_eq!(
            may_erase(Some(d(2021, 3, 31)), d(2026, 3, 31), &s, false),
            Ok(())
        );
    }

    #[test]
    fn the_longest_period_wins_and_forcing_never_erases_a_current_employee() {
        let s = RetentionSettings {
            social_documents_years: 2,
            legal_claims_years: 7,
        };
        assert_eq!(s.ends(d(2020, 1, 1)), d(2027, 1, 1));
        assert_eq!(
            may_erase(Some(d(2025, 1, 1)), d(2026, 1, 1), &s, true),
            Ok(())
        );
        assert_eq!(
            may_erase(None, d(2026, 1, 1), &s, true),
            Err(Refusal::StillEmployed)
        );
        let huge = RetentionSettings {
            social_documents_years: u32::MAX,
            legal_claims_years: 0,
        };
        assert_eq!(huge.ends(d(2020, 1, 1)), NaiveDate::MAX);
    }
}
