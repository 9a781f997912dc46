//! Dates as the user types and reads them (dd/mm/yyyy, Belgian habit) and as they are stored (ISO).

use chrono::{Datelike, NaiveDate};

use super::error::FieldError;

/// Parses `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or ISO `yyyy-mm-dd`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if t.len() == 10 && t.as_bytes()[4] == b'-' {
        return NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let d: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Shows a date the Belgian way.
pub fn format_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

pub fn format_opt_date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

/// ISO text for storage and JSON.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A required date field.
pub fn required_date(field: &'static str, text: &str) -> Result<NaiveDate, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    parse_date(text).ok_or_else(|| FieldError::new(field, "err.date").arg("value", text.trim()))
}

/// An optional date field: empty is fine, anything else must be a date.
pub fn optional_date(field: &'static str, text: &str) -> Result<Option<NaiveDate>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        required_date(field, text).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_belgian_and_iso_spellings() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        for s in [
            "09/03/2026",
            "9/3/2026",
            "09-03-2026",
            "9.3.2026",
            "2026-03-09",
            " 09/03/2026 ",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
    }

    #[test]
    fn refuses_impossible_and_ambiguous_dates() {
        for s in [
            "31/02/2026",
            "2026/03/09",
            "09/03/26",
            "",
            "abc",
            "32/01/2026",
            "1/13/2026",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn formats_day_first() {
        assert_eq!(
            format_date(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            "05/01/2026"
        );
    }

    proptest::proptest! {
        #[test]
        fn format_then_parse_round_trips(days in 0i64..80_000) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            proptest::prop_assert_eq!(parse_date(&format_date(d)), Some(d));
            proptest::prop_assert_eq!(parse_date(&iso(d)), Some(d));
        }

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,20}") {
            let _ = parse_date(&s);
        }
    }
}
