//! Money in integer cents and durations in integer minutes, typed and shown the Belgian way.

use super::error::FieldError;

/// Parses "3250", "3.250,50", "3250,5", "3250.50", "€ 3 250,00" into cents.
pub fn parse_cents(text: &str) -> Option<i64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{a0}')
        .collect();
    if t.is_empty() || t.starts_with('-') {
        return None;
    }
    // The last separator followed by one or two digits is the decimal mark; others group thousands.
    let last_sep = t.rfind([',', '.']);
    let (int_part, frac_part) = match last_sep {
        Some(i) if t.len() - i - 1 <= 2 && t.len() - i > 1 => (&t[..i], &t[i + 1..]),
        _ => (t.as_str(), ""),
    };
    let int_digits: String = int_part
        .chars()
        .filter(|c| *c != '.' && *c != ',')
        .collect();
    if int_digits.is_empty()
        || !int_digits.bytes().all(|b| b.is_ascii_digit())
        || int_digits.len() > 12
    {
        return None;
    }
    if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let euros: i64 = int_digits.parse().ok()?;
    let cents: i64 = match frac_part.len() {
        0 => 0,
        1 => frac_part.parse::<i64>().ok()? * 10,
        _ => frac_part.parse().ok()?,
    };
    Some(euros * 100 + cents)
}

/// "3.250,50" — Belgian grouping and decimal comma, no currency sign (columns say €).
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let euros = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped},{:02}", c % 100)
}

pub fn money_field(field: &'static str, text: &str) -> Result<Option<i64>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_cents(text)
        .map(Some)
        .ok_or_else(|| FieldError::new(field, "err.money").arg("value", text.trim()))
}

/// Parses hours as "38", "38:00", "7h36", "7,6" or "7.6" into minutes.
pub fn parse_minutes(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some((h, m)) = t.split_once([':', 'h', 'u']) {
        let h: u32 = h.trim().parse().ok()?;
        let m: u32 = if m.trim().is_empty() {
            0
        } else {
            m.trim().parse().ok()?
        };
        if m >= 60 {
            return None;
        }
        return Some(h * 60 + m);
    }
    let v: f64 = t.replace(',', ".").parse().ok()?;
    if !(0.0..=10_000.0).contains(&v) {
        return None;
    }
    Some((v * 60.0).round() as u32)
}

/// "7h36", "38h", as hours read on a Belgian payslip.
pub fn format_minutes(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{}h", minutes / 60),
        m => format!("{}h{m:02}", minutes / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_belgian_and_plain_amounts() {
        assert_eq!(parse_cents("3250"), Some(325_000));
        assert_eq!(parse_cents("3.250,50"), Some(325_050));
        assert_eq!(parse_cents("3250,5"), Some(325_050));
        assert_eq!(parse_cents("3250.50"), Some(325_050));
        assert_eq!(parse_cents("€ 3 250,00"), Some(325_000));
        assert_eq!(parse_cents("1.000"), Some(100_000));
        assert_eq!(parse_cents("abc"), None);
        assert_eq!(parse_cents("-5"), None);
    }

    #[test]
    fn formats_with_thousands_dots() {
        assert_eq!(format_cents(325_050), "3.250,50");
        assert_eq!(format_cents(5), "0,05");
        assert_eq!(format_cents(123_456_789), "1.234.567,89");
    }

    #[test]
    fn hours_in_several_spellings() {
        assert_eq!(parse_minutes("38"), Some(2280));
        assert_eq!(parse_minutes("7h36"), Some(456));
        assert_eq!(parse_minutes("7:36"), Some(456));
        assert_eq!(parse_minutes("7,6"), Some(456));
        assert_eq!(parse_minutes("7:75"), None);
        assert_eq!(format_minutes(456), "7h36");
        assert_eq!(format_minutes(2280), "38h");
    }

    proptest::proptest! {
        #[test]
        fn format_then_parse_round_trips(c in 0i64..10_000_000_000) {
            proptest::prop_assert_eq!(parse_cents(&format_cents(c)), Some(c));
        }
    }
}
