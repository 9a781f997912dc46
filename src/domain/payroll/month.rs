//! A payroll month ("2026-11"): the period the social secretariat pays, typed and stored as YYYY-MM.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// A calendar month. Ordered by time, so months compare and sort as expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PayMonth {
    pub year: i32,
    pub month: u32,
}

impl PayMonth {
    pub fn new(year: i32, month: u32) -> Option<PayMonth> {
        ((1..=12).contains(&month) && (1900..=2999).contains(&year))
            .then_some(PayMonth { year, month })
    }

    /// The month containing `day`.
    pub fn of(day: NaiveDate) -> PayMonth {
        PayMonth {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Reads "2026-11" (also "2026-1" and "11/2026", as people type it).
    pub fn parse(text: &str) -> Option<PayMonth> {
        let t = text.trim();
        let (y, m) = match t.split_once('-') {
            Some((y, m)) => (y, m),
            None => {
                let (m, y) = t.split_once('/')?;
                (y, m)
            }
        };
        if y.len() != 4 {
            return None;
        }
        PayMonth::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or_default()
    }

    pub fn next(self) -> PayMonth {
        if self.month == 12 {
            PayMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            PayMonth {
                month: self.month + 1,
                ..self
            }
        }
    }

    pub fn prev(self) -> PayMonth {
        if self.month == 1 {
            PayMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            PayMonth {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// "11/2026", as a Belgian reads a month on screen.
    pub fn shown(self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }
}

/// "2026-11": stored, in file names and in the export.
impl fmt::Display for PayMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for PayMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prints_and_steps() {
        let m = PayMonth::parse("2026-11").unwrap();
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(PayMonth::parse("11/2026"), Some(m));
        assert_eq!(PayMonth::parse("2026-1").unwrap().to_string(), "2026-01");
        for bad in ["2026-13", "2026-00", "26-11", "november", "", "2026"] {
            assert_eq!(PayMonth::parse(bad), None, "{bad}");
        }
        assert_eq!(m.next().to_string(), "2026-12");
        assert_eq!(m.next().next().to_string(), "2027-01");
        assert_eq!(
            PayMonth::parse("2027-01").unwrap().prev().to_string(),
            "2026-12"
        );
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(PayMonth::parse("2028-02").unwrap().last_day().day(), 29);
        assert!(m < m.next());
        assert_eq!(m.shown(), "11/2026");
    }
}
