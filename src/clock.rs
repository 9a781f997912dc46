//! The one source of "today" and "now": the real clock, or a fixed day for tests and `--today`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    /// Today is fixed; the time of day stays real (audit rows still show when a change was made).
    Day(NaiveDate),
    /// Fully frozen, for snapshot tests.
    Frozen(NaiveDateTime),
}

impl Clock {
    pub fn today(&self) -> NaiveDate {
        match self {
            Clock::System => chrono::Local::now().date_naive(),
            Clock::Day(d) => *d,
            Clock::Frozen(t) => t.date(),
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => chrono::Local::now().naive_local(),
            Clock::Day(d) => d.and_time(chrono::Local::now().time()),
            Clock::Frozen(t) => *t,
        }
    }

    pub fn frozen_at(day: NaiveDate) -> Clock {
        Clock::Frozen(day.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()))
    }
}
