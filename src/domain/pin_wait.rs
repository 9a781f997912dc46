//! How long the confidential area makes the user wait after wrong PINs: five tries are free, then
//! each wrong PIN doubles the wait (30 s, 1 min, 2 min … up to 1 hour). The count is stored with
//! the data, so closing and reopening Dossier does not reset it; a right PIN does.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Wrong PINs in a row that cost nothing (typos happen).
pub const FREE_TRIES: u32 = 5;
/// The wait after the first wrong PIN beyond the free ones, in seconds.
pub const FIRST_WAIT: i64 = 30;
/// The longest wait, in seconds: long enough to make guessing a 4-digit PIN take months.
pub const LONGEST_WAIT: i64 = 3600;

/// The wrong PINs given since the last right one, and when the last one was given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PinFailures {
    pub count: u32,
    pub last: Option<NaiveDateTime>,
}

impl PinFailures {
    /// The wait imposed after `count` wrong PINs, in seconds.
    pub fn wait_after(count: u32) -> i64 {
        if count < FREE_TRIES {
            return 0;
        }
        let doublings = (count - FREE_TRIES).min(20);
        (FIRST_WAIT << doublings).min(LONGEST_WAIT)
    }

    /// Seconds still to wait at `now` before the next PIN may be tried; `None` when it may be now.
    /// A clock set back never makes the wait longer than the one imposed.
    pub fn wait_left(&self, now: NaiveDateTime) -> Option<i64> {
        let last = self.last?;
        let wait = Self::wait_after(self.count);
        let left = (last + chrono::Duration::seconds(wait) - now)
            .num_seconds()
            .min(wait);
        (left > 0).then_some(left)
    }

    /// After one more wrong PIN at `now`.
    pub fn failed(self, now: NaiveDateTime) -> PinFailures {
        PinFailures {
            count: self.count.saturating_add(1),
            last: Some(now),
        }
    }
}

/// A wait as the user reads it in any of the three languages: `45 s`, `2 min`, `2 min 30 s`, `1 h`.
pub fn format_wait(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let parts: Vec<String> = [(h, "h"), (m, "min"), (s, "s")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if parts.is_empty() {
        "1 s".into()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    }

    #[test]
    fn five_tries_are_free_then_the_wait_doubles_up_to_an_hour() {
        let waits: Vec<i64> = (0..14).map(PinFailures::wait_after).collect();
        assert_eq!(
            waits,
            [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
        );
        assert_eq!(PinFailures::wait_after(u32::MAX), LONGEST_WAIT);
    }

    #[test]
    fn the_wait_runs_from_the_last_wrong_pin() {
        let mut f = PinFailures::default();
        for _ in 0..4 {
            f = f.failed(at(9, 0, 0));
        }
        assert_eq!(f.wait_left(at(9, 0, 0)), None, "four tries are free");
        f = f.failed(at(9, 0, 0));
        assert_eq!(f.wait_left(at(9, 0, 0)), Some(30));
        assert_eq!(f.wait_left(at(9, 0, 20)), Some(10));
        assert_eq!(f.wait_left(at(9, 0, 30)), None);
        f = f.failed(at(9, 0, 30));
        assert_eq!(f.wait_left(at(9, 0, 31)), Some(59));
        // The clock set back an hour: still one minute, not an hour and one.
        assert_eq!(f.wait_left(at(8, 0, 30)), Some(60));
    }

    #[test]
    fn waits_read_in_minutes_and_seconds() {
        assert_eq!(format_wait(45), "45 s");
        assert_eq!(format_wait(120), "2 min");
        assert_eq!(format_wait(150), "2 min 30 s");
        assert_eq!(format_wait(3600), "1 h");
        assert_eq!(format_wait(0), "1 s");
    }
}
