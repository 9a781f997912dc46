//! Belgian identifiers: national register / BIS number (INSZ/NISS), IBAN with the Belgian BBAN check,
//! and the enterprise (company / VAT) number. Pure functions; every rule from BELGIAN-RULES.md §5.

use chrono::NaiveDate;

use super::text::compact_alnum;

/// Why an identifier was refused. Each variant maps to one i18n key (`err.<key>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdError {
    /// Wrong number of digits (or letters where digits belong).
    Length,
    /// The check digits do not match the rest.
    CheckDigits,
    /// The birth date part is not a possible date.
    BirthDate,
    /// The country code is not two letters / unknown layout.
    Country,
    /// Belgian IBAN whose embedded BBAN check (mod 97 of the first 10 digits) fails.
    Bban,
}

impl IdError {
    pub fn key(self) -> &'static str {
        match self {
            IdError::Length => "err.id_length",
            IdError::CheckDigits => "err.id_check",
            IdError::BirthDate => "err.id_birth",
            IdError::Country => "err.id_country",
            IdError::Bban => "err.iban_bban",
        }
    }
}

/// A validated national register number (or BIS number), kept as its 11 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rrn {
    digits: String,
    /// Resolved from which check-digit variant matched (before or from 2000).
    pub birth_year: i32,
    /// `None` when month or day is 00 (birth date unknown in the register).
    pub birth_date: Option<NaiveDate>,
    pub is_bis: bool,
}

impl Rrn {
    pub fn parse(text: &str) -> Result<Rrn, IdError> {
        let digits = compact_alnum(text);
        if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdError::Length);
        }
        let base: u64 = digits[..9].parse().map_err(|_| IdError::Length)?;
        let check: u64 = digits[9..].parse().map_err(|_| IdError::Length)?;
        let yy: i32 = digits[0..2].parse().map_err(|_| IdError::Length)?;
        let mut mm: u32 = digits[2..4].parse().map_err(|_| IdError::Length)?;
        let dd: u32 = digits[4..6].parse().map_err(|_| IdError::Length)?;

        // The century is not encoded: the "2" prefix variant marks births from 2000.
        let century = if 97 - (2_000_000_000 + base) % 97 == check {
            2000
        } else if 97 - base % 97 == check {
            1900
        } else {
            return Err(IdError::CheckDigits);
        };
        let is_bis = mm >= 20;
        if mm >= 40 {
            mm -= 40;
        } else if mm >= 20 {
            mm -= 20;
        }
        if mm > 12 || dd > 31 {
            return Err(IdError::BirthDate);
        }
        let birth_year = century + yy;
        let birth_date = if mm == 0 || dd == 0 {
            None
        } else {
            Some(NaiveDate::from_ymd_opt(birth_year, mm, dd).ok_or(IdError::BirthDate)?)
        };
        Ok(Rrn {
            digits,
            birth_year,
            birth_date,
            is_bis,
        })
    }

    /// The 11 digits, as stored.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// `YY.MM.DD-SSS.CC`, as printed on the identity card.
    pub fn formatted(&self) -> String {
        format_rrn(&self.digits)
    }

    /// Builds the check digits for a birth date and sequence; used by the demo generator and tests.
    pub fn compose(birth: NaiveDate, sequence: u16) -> String {
        use chrono::Datelike;
        let base = format!(
            "{:02}{:02}{:02}{:03}",
            birth.year() % 100,
            birth.month(),
            birth.day(),
            sequence % 1000
        );
        let n: u64 = base.parse().unwrap_or(0);
        let n = if birth.year() >= 2000 {
            2_000_000_000 + n
        } else {
            n
        };
        format!("{base}{:02}", 97 - n % 97)
    }
}

/// `YY.MM.DD-SSS.CC` for 11 digits; anything else is returned unchanged.
pub fn format_rrn(digits: &str) -> String {
    if digits.len() != 11 {
        return digits.to_string();
    }
    format!(
        "{}.{}.{}-{}.{}",
        &digits[0..2],
        &digits[2..4],
        &digits[4..6],
        &digits[6..9],
        &digits[9..11]
    )
}

/// Masks all but the birth date part, for screens where the full number is not needed (GDPR).
pub fn mask_rrn(digits: &str) -> String {
    if digits.len() != 11 {
        return "•".repeat(digits.chars().count());
    }
    format!(
        "{}.{}.{}-•••.••",
        &digits[0..2],
        &digits[2..4],
        &digits[4..6]
    )
}

/// Remainder of a long digit string mod 97 without overflow (ISO 7064 piecewise).
fn mod97(digits: &str) -> u32 {
    digits
        .bytes()
        .fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97)
}

/// IBAN lengths per country for the SEPA countries a Belgian employer meets most.
fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "BE" => 16,
        "NL" => 18,
        "FR" | "MC" | "IT" => 27,
        "DE" => 22,
        "LU" => 20,
        "ES" | "SE" => 24,
        "PT" => 25,
        "PL" => 28,
        "AT" | "EE" | "LT" => 20,
        "IE" | "GB" => 22,
        "CH" | "LV" => 21,
        "DK" | "FI" => 18,
        "RO" => 24,
        "BG" => 22,
        "GR" => 27,
        "CZ" | "SK" => 24,
        "HU" => 28,
        "NO" => 15,
        "TR" => 26,
        "MA" => 28,
        _ => return None,
    })
}

/// A validated IBAN, kept compact and upper-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iban(String);

impl Iban {
    pub fn parse(text: &str) -> Result<Iban, IdError> {
        let s = compact_alnum(text);
        if s.len() < 15 || s.len() > 34 {
            return Err(IdError::Length);
        }
        let country = &s[0..2];
        if !country.bytes().all(|b| b.is_ascii_uppercase())
            || !s[2..4].bytes().all(|b| b.is_ascii_digit())
        {
            return Err(IdError::Country);
        }
        match iban_length(country) {
            Some(n) if n != s.len() => return Err(IdError::Length),
            _ => {}
        }
        let rearranged = format!("{}{}", &s[4..], &s[0..4]);
        let mut numeric = String::with_capacity(rearranged.len() * 2);
        for c in rearranged.chars() {
            match c {
                '0'..='9' => numeric.push(c),
                'A'..='Z' => numeric.push_str(&(c as u32 - 'A' as u32 + 10).to_string()),
                _ => return Err(IdError::Length),
            }
        }
        if mod97(&numeric) != 1 {
            return Err(IdError::CheckDigits);
        }
        if country == "BE" {
            check_bban(&s[4..])?;
        }
        Ok(Iban(s))
    }

    pub fn compact(&self) -> &str {
        &self.0
    }

    /// Groups of four, as printed on a bank card.
    pub fn formatted(&self) -> String {
        format_iban(&self.0)
    }

    /// Builds a valid Belgian IBAN from a bank code and an account number (demo data and tests).
    pub fn belgian(bank: u16, account: u32) -> String {
        let first10 = format!("{:03}{:07}", bank % 1000, account % 10_000_000);
        let n: u64 = first10.parse().unwrap_or(0);
        let cc = match n % 97 {
            0 => 97,
            r => r,
        };
        let bban = format!("{first10}{cc:02}");
        // BE = 11 14; check digits = 98 - (bban + "111400") mod 97.
        let check = 98 - mod97(&format!("{bban}111400"));
        format!("BE{check:02}{bban}")
    }
}

pub fn format_iban(compact: &str) -> String {
    compact
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Belgian BBAN: the last two digits are the first ten mod 97, with 97 for a remainder of 0.
fn check_bban(bban: &str) -> Result<(), IdError> {
    if bban.len() != 12 || !bban.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::Length);
    }
    let first: u64 = bban[..10].parse().map_err(|_| IdError::Length)?;
    let check: u64 = bban[10..].parse().map_err(|_| IdError::Length)?;
    let expected = match first % 97 {
        0 => 97,
        r => r,
    };
    if expected == check {
        Ok(())
    } else {
        Err(IdError::Bban)
    }
}

/// A validated Belgian enterprise number (also the VAT number without "BE"), kept as 10 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyNumber(String);

impl CompanyNumber {
    pub fn parse(text: &str) -> Result<CompanyNumber, IdError> {
        let mut s = compact_alnum(text);
        if let Some(rest) = s.strip_prefix("BE") {
            s = rest.to_string();
        }
        // Old 9-digit numbers are written today with a leading 0.
        if s.len() == 9 {
            s.insert(0, '0');
        }
        if s.len() != 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdError::Length);
        }
        if !s.starts_with('0') && !s.starts_with('1') {
            return Err(IdError::Length);
        }
        let first: u64 = s[..8].parse().map_err(|_| IdError::Length)?;
        let check: u64 = s[8..].parse().map_err(|_| IdError::Length)?;
        if 97 - first % 97 != check {
            return Err(IdError::CheckDigits);
        }
        Ok(CompanyNumber(s))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    /// `0XXX.XXX.XXX`.
    pub fn formatted(&self) -> String {
        format!("{}.{}.{}", &self.0[0..4], &self.0[4..7], &self.0[7..10])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rrn_published_example_before_2000() {
        let r = Rrn::parse("93.05.18-223.61").unwrap();
        assert_eq!(r.birth_year, 1993);
        assert_eq!(r.birth_date, NaiveDate::from_ymd_opt(1993, 5, 18));
        assert!(!r.is_bis);
        assert_eq!(r.formatted(), "93.05.18-223.61");
    }

    #[test]
    fn rrn_birth_from_2000_uses_the_2_prefix() {
        let born = NaiveDate::from_ymd_opt(2004, 2, 29).unwrap();
        let n = Rrn::compose(born, 17);
        let r = Rrn::parse(&n).unwrap();
        assert_eq!(r.birth_year, 2004);
        assert_eq!(r.birth_date, Some(born));
        // The same first nine digits with the pre-2000 check must not validate as 2004.
        let base: u64 = n[..9].parse().unwrap();
        let old = format!("{}{:02}", &n[..9], 97 - base % 97);
        assert_ne!(old, n);
        assert_eq!(Rrn::parse(&old).unwrap().birth_year, 1904);
    }

    #[test]
    fn rrn_refuses_bad_check_digits_and_lengths() {
        assert_eq!(Rrn::parse("93051822362"), Err(IdError::CheckDigits));
        assert_eq!(Rrn::parse("9305182236"), Err(IdError::Length));
        assert_eq!(Rrn::parse("93051822361X"), Err(IdError::Length));
        assert_eq!(Rrn::parse(""), Err(IdError::Length));
    }

    #[test]
    fn rrn_impossible_birth_date_is_refused() {
        // 31 February with valid check digits.
        let base: u64 = 930231001;
        let n = format!("{base:09}{:02}", 97 - base % 97);
        assert_eq!(Rrn::parse(&n), Err(IdError::BirthDate));
    }

    #[test]
    fn rrn_unknown_day_is_accepted_without_birth_date() {
        let base: u64 = 930500001;
        let n = format!("{base:09}{:02}", 97 - base % 97);
        let r = Rrn::parse(&n).unwrap();
        assert_eq!(r.birth_date, None);
    }

    #[test]
    fn bis_numbers_shift_the_month_by_20_or_40() {
        for shift in [20u64, 40] {
            let body = format!("85{:02}18001", 5 + shift);
            let b: u64 = body.parse().unwrap();
            let n = format!("{body}{:02}", 97 - b % 97);
            let r = Rrn::parse(&n).unwrap();
            assert!(r.is_bis);
            assert_eq!(r.birth_date, NaiveDate::from_ymd_opt(1985, 5, 18));
        }
    }

    #[test]
    fn iban_published_belgian_example() {
        let i = Iban::parse("BE68 5390 0754 7034").unwrap();
        assert_eq!(i.compact(), "BE68539007547034");
        assert_eq!(i.formatted(), "BE68 5390 0754 7034");
    }

    #[test]
    fn iban_other_countries() {
        assert!(Iban::parse("NL91ABNA0417164300").is_ok());
        assert!(Iban::parse("DE89 3704 0044 0532 0130 00").is_ok());
        assert!(Iban::parse("FR14 2004 1010 0505 0001 3M02 606").is_ok());
        assert_eq!(Iban::parse("NL91ABNA0417164301"), Err(IdError::CheckDigits));
    }

    #[test]
    fn iban_refuses_typos_and_bad_bban() {
        assert_eq!(
            Iban::parse("BE68 5390 0754 7035"),
            Err(IdError::CheckDigits)
        );
        assert_eq!(Iban::parse("BE68 5390 0754 703"), Err(IdError::Length));
        assert_eq!(Iban::parse("1234567890123456"), Err(IdError::Country));
        // A Belgian IBAN whose IBAN check passes but whose BBAN check does not.
        let bban = "539007547035";
        let check = 98 - mod97(&format!("{bban}111400"));
        let fake = format!("BE{check:02}{bban}");
        assert_eq!(Iban::parse(&fake), Err(IdError::Bban));
    }

    #[test]
    fn company_number_published_example() {
        let c = CompanyNumber::parse("0566.988.259").unwrap();
        assert_eq!(c.formatted(), "0566.988.259");
        assert!(CompanyNumber::parse("BE 0566 988 259").is_ok());
        assert!(CompanyNumber::parse("566988259").is_ok());
        assert_eq!(
            CompanyNumber::parse("0566.988.258"),
            Err(IdError::CheckDigits)
        );
        assert_eq!(CompanyNumber::parse("2566.988.259"), Err(IdError::Length));
    }

    proptest! {
        #[test]
        fn composed_rrn_always_validates_with_its_birth_date(days in 0i64..45_000, seq in 1u16..998) {
            let born = NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Duration::days(days);
            let r = Rrn::parse(&Rrn::compose(born, seq)).unwrap();
            prop_assert_eq!(r.birth_date, Some(born));
        }

        #[test]
        fn changing_one_rrn_digit_is_caught(days in 0i64..45_000, seq in 1u16..998, pos in 0usize..11, delta in 1u8..10) {
            let born = NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Duration::days(days);
            let good = Rrn::compose(born, seq);
            let mut bytes = good.clone().into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let bad = String::from_utf8(bytes).unwrap();
            // A changed digit may only be accepted if it lands on a different, equally valid number for another century.
            if let Ok(r) = Rrn::parse(&bad) { prop_assert_ne!(Some(born), r.birth_date); }
        }

        #[test]
        fn composed_belgian_iban_validates(bank in 0u16..1000, account in 0u32..10_000_000) {
            let s = Iban::belgian(bank, account);
            prop_assert!(Iban::parse(&s).is_ok(), "{}", s);
        }

        #[test]
        fn iban_single_digit_change_is_caught(bank in 0u16..1000, account in 0u32..10_000_000, pos in 2usize..16, delta in 1u8..10) {
            let good = Iban::belgian(bank, account);
            let mut bytes = good.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            prop_assert!(Iban::parse(&String::from_utf8(bytes).unwrap()).is_err());
        }

        #[test]
        fn validators_never_panic(s in "\\PC{0,40}") {
            let _ = Rrn::parse(&s);
            let _ = Iban::parse(&s);
            let _ = CompanyNumber::parse(&s);
        }
    }
}
