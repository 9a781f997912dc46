//! Belgian public holidays (BELGIAN-RULES.md §1), the company's own days off, and which days are never
//! charged as leave.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use crate::domain::choice::Choice;
use crate::domain::date::{format_date, optional_date, required_date};
use crate::domain::employee::{choice_or, optional_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::{choice_enum, text_input};

/// Easter Sunday of a Gregorian year (anonymous Gregorian or Meeus/Jones/Butcher algorithm).
/// Euclidean division keeps it total for any year chrono can represent, proleptic before 1583.
///
/// # Panics
/// Only for years outside chrono's range (about ±262 000), which no parsed date can reach.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let (month, day) = (n / 31, n % 31 + 1);
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("year within chrono's range")
}

choice_enum!(
    /// The ten paid legal holidays (law of 4 January 1974). Easter and Whit Sunday are always Sundays
    /// and 26 December is no legal holiday, so neither is listed.
    LegalHoliday, "holiday" {
        NewYear => "new_year",
        EasterMonday => "easter_monday",
        LabourDay => "labour_day",
        Ascension => "ascension",
        WhitMonday => "whit_monday",
        NationalDay => "national_day",
        Assumption => "assumption",
        AllSaints => "all_saints",
        Armistice => "armistice",
        Christmas => "christmas",
    }
);

impl LegalHoliday {
    /// The date in `year`: fixed, or a fixed number of days after Easter Sunday.
    pub fn date(self, year: i32) -> NaiveDate {
        let fixed =
            |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("fixed holidays exist every year");
        let easter = |days| easter_sunday(year) + Duration::days(days);
        match self {
            LegalHoliday::NewYear => fixed(1, 1),
            LegalHoliday::EasterMonday => easter(1),
            LegalHoliday::LabourDay => fixed(5, 1),
            LegalHoliday::Ascension => easter(39),
            LegalHoliday::WhitMonday => easter(50),
            LegalHoliday::NationalDay => fixed(7, 21),
            LegalHoliday::Assumption => fixed(8, 15),
            LegalHoliday::AllSaints => fixed(11, 1),
            LegalHoliday::Armistice => fixed(11, 11),
            LegalHoliday::Christmas => fixed(12, 25),
        }
    }
}

/// The ten legal holidays of `year` by date. `ALL` is not always in date order: Ascension falls on
/// 30 April when Easter is on 22 March, and on 1 May itself when Easter is on 23 March (2008); the sort
/// is stable, so on a shared date Labour Day comes first.
pub fn legal_holidays(year: i32) -> Vec<(NaiveDate, LegalHoliday)> {
    let mut v: Vec<_> = LegalHoliday::ALL
        .iter()
        .map(|h| (h.date(year), *h))
        .collect();
    v.sort_by_key(|(d, _)| *d);
    v
}

/// The legal holiday on `date`, if any; the first in calendar order when two coincide.
/// Allocation-free, because counting a leave period asks this for every day.
pub fn legal_holiday_on(date: NaiveDate) -> Option<LegalHoliday> {
    let year = date.year();
    let easter = easter_sunday(year);
    let moveable = |days| easter + Duration::days(days) == date;
    let fixed = |m, d| date.month() == m && date.day() == d;
    // In calendar order, so a coincidence resolves as `legal_holidays` sorts it.
    if fixed(1, 1) {
        Some(LegalHoliday::NewYear)
    } else if moveable(1) {
        Some(LegalHoliday::EasterMonday)
    } else if fixed(5, 1) {
        Some(LegalHoliday::LabourDay)
    } else if moveable(39) {
        Some(LegalHoliday::Ascension)
    } else if moveable(50) {
        Some(LegalHoliday::WhitMonday)
    } else if fixed(7, 21) {
        Some(LegalHoliday::NationalDay)
    } else if fixed(8, 15) {
        Some(LegalHoliday::Assumption)
    } else if fixed(11, 1) {
        Some(LegalHoliday::AllSaints)
    } else if fixed(11, 11) {
        Some(LegalHoliday::Armistice)
    } else if fixed(12, 25) {
        Some(LegalHoliday::Christmas)
    } else {
        None
    }
}

choice_enum!(
    /// A day the company itself marks in its calendar.
    /// `Community`: a paid day off it grants (11 July in Flanders, 27 September, 15 November).
    /// `Bridge`: a paid bridge day it grants. `Replacement`: replaces a legal holiday that falls on a
    /// Sunday or usual inactivity day. `Closure`: collective closure — the company is shut and staff
    /// take leave, so unlike the others it IS charged as leave.
    CompanyDayKind, "company_day" {
        Community => "community",
        Bridge => "bridge",
        Replacement => "replacement",
        Closure => "closure",
    }
);

impl CompanyDayKind {
    /// Every kind but a closure is a paid day off that never costs leave.
    pub fn is_day_off(self) -> bool {
        self != CompanyDayKind::Closure
    }
}

/// One company day of the calendar. `replaces` is the date of the legal holiday it replaces (only for
/// `Replacement`); the date, not the holiday, because that is what the posted notice names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompanyDay {
    pub date: NaiveDate,
    pub kind: CompanyDayKind,
    /// The company's own name for the day; empty means "show the kind's label".
    pub name: String,
    pub replaces: Option<NaiveDate>,
}

/// A legal holiday that falls on a Sunday or a usual inactivity day is lost and must be replaced
/// (BELGIAN-RULES.md §1). The company's activity days are judged on its full-time regime.
fn falls_on_rest_day(date: NaiveDate, company_inactive: &impl Fn(NaiveDate) -> bool) -> bool {
    date.weekday() == Weekday::Sun || company_inactive(date)
}

/// How many holidays on `date` (of `legal`) must be replaced: all of them on a rest day; on an
/// activity day all but one, because two holidays on one day (Ascension on 1 May) give one day off.
fn replacements_needed(
    date: NaiveDate,
    legal: &[(NaiveDate, LegalHoliday)],
    company_inactive: &impl Fn(NaiveDate) -> bool,
) -> usize {
    let on_date = legal.iter().filter(|(d, _)| *d == date).count();
    if falls_on_rest_day(date, company_inactive) {
        on_date
    } else {
        on_date.saturating_sub(1)
    }
}

text_input!(
    /// What the user typed for a company day.
    CompanyDayInput, COMPANY_DAY_FIELDS { date, kind, name, replaces }
);

impl CompanyDayInput {
    pub fn from_day(d: &CompanyDay) -> Self {
        CompanyDayInput {
            date: format_date(d.date),
            kind: d.kind.code().into(),
            name: d.name.clone(),
            replaces: d.replaces.map(format_date).unwrap_or_default(),
        }
    }

    /// Checks one company day against the legal holidays of its own year (computed here, so a caller
    /// cannot pass the wrong year) and the company's usual inactivity days.
    pub fn validate(
        &self,
        company_inactive: impl Fn(NaiveDate) -> bool,
    ) -> Result<CompanyDay, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let date = collect(&mut errs, required_date("date", &self.date));
        let kind = collect(
            &mut errs,
            choice_or("kind", &self.kind, CompanyDayKind::Community),
        );
        let name = collect(&mut errs, optional_text("name", &self.name, 80));
        let replaces = collect(&mut errs, optional_date("replaces", &self.replaces));

        if let Some(date) = date {
            if legal_holiday_on(date).is_some() {
                errs.push(FieldError::new("date", "err.company_day_on_holiday"));
            } else if kind.is_some_and(|k| k != CompanyDayKind::Community) && company_inactive(date)
            {
                // A community day may simply fall on a weekend; the other kinds only mean something
                // on a day the company would have worked.
                errs.push(FieldError::new("date", "err.company_day_inactive"));
            }
        }
        match (kind, replaces) {
            (Some(CompanyDayKind::Replacement), Some(None)) => {
                errs.push(FieldError::new("replaces", "err.replaces_required"));
            }
            (Some(CompanyDayKind::Replacement), Some(Some(h))) => {
                let legal = legal_holidays(h.year());
                if !legal.iter().any(|(d, _)| *d == h) {
                    errs.push(
                        FieldError::new("replaces", "err.replaces_not_holiday")
                            .arg("value", format_date(h)),
                    );
                } else if replacements_needed(h, &legal, &company_inactive) == 0 {
                    errs.push(FieldError::new("replaces", "err.replaces_not_needed"));
                } else if date.is_some_and(|d| d.year() != h.year()) {
                    errs.push(FieldError::new("replaces", "err.replaces_other_year"));
                }
            }
            (Some(_), Some(Some(_))) => {
                errs.push(FieldError::new("replaces", "err.replaces_only_replacement"));
            }
            _ => {}
        }
        errs.into_result(())?;
        Ok(CompanyDay {
            date: date.unwrap_or_default(),
            kind: kind.unwrap_or(CompanyDayKind::Community),
            name: name.unwrap_or_default(),
            replaces: replaces.flatten(),
        })
    }
}

impl CompanyDay {
    /// Checks a validated day against the company's other days (without the one being edited):
    /// one company day per date, and no more replacements for a date than holidays lost on it.
    pub fn check_against(
        &self,
        others: &[CompanyDay],
        company_inactive: impl Fn(NaiveDate) -> bool,
    ) -> Result<(), ValidationErrors> {
        let mut errs = ValidationErrors::default();
        if others.iter().any(|o| o.date == self.date) {
            errs.push(FieldError::new("date", "err.company_day_taken"));
        }
        if let Some(h) = self.replaces {
            let legal = legal_holidays(h.year());
            let already = others.iter().filter(|o| o.replaces == Some(h)).count();
            if already >= replacements_needed(h, &legal, &company_inactive) {
                errs.push(FieldError::new("replaces", "err.holiday_already_replaced"));
            }
        }
        errs.into_result(())
    }
}

/// Legal holidays of `year` that are lost (on a Sunday, a usual inactivity day of the company, or on
/// another holiday) and have no replacement day yet, in date order.
pub fn missing_replacements(
    year: i32,
    company_days: &[CompanyDay],
    company_inactive: impl Fn(NaiveDate) -> bool,
) -> Vec<(NaiveDate, LegalHoliday)> {
    let legal = legal_holidays(year);
    let mut missing = Vec::new();
    let mut dates: Vec<NaiveDate> = legal.iter().map(|(d, _)| *d).collect();
    dates.dedup();
    for date in dates {
        let needed = replacements_needed(date, &legal, &company_inactive);
        let have = company_days
            .iter()
            .filter(|c| c.kind == CompanyDayKind::Replacement && c.replaces == Some(date))
            .count();
        // When two holidays share the date, the later one in calendar order is the one reported lost.
        let on_date: Vec<_> = legal.iter().filter(|(d, _)| *d == date).collect();
        let lost = needed.saturating_sub(have);
        missing.extend(on_date[on_date.len() - lost..].iter().copied());
    }
    missing
}

/// The fallback when nobody decides: the first usual activity day after the holiday that is no holiday
/// and no company day, within the same year (BELGIAN-RULES.md §1). `None` if the year runs out.
/// A suggestion for the form, never applied silently.
pub fn default_replacement(
    holiday: NaiveDate,
    company_days: &[CompanyDay],
    company_inactive: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    holiday
        .iter_days()
        .skip(1)
        .take_while(|d| d.year() == holiday.year())
        .find(|d| {
            !falls_on_rest_day(*d, &company_inactive)
                && legal_holiday_on(*d).is_none()
                && !company_days.iter().any(|c| c.date == *d)
        })
}

/// The employer posts next year's replacement days before this date (15 December of `year` − 1).
pub fn replacement_notice_deadline(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year - 1, 12, 15).expect("15 December exists")
}

/// From this date (1 November of `year` − 1) the Today tab warns about `year`'s missing replacements,
/// leaving six weeks to decide and post them before the deadline.
pub fn warn_missing_replacements_from(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year - 1, 11, 1).expect("1 November exists")
}

/// Why a day is never charged as leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayOff {
    Legal(LegalHoliday),
    /// A company day other than a closure, with the company's name for it (may be empty).
    Company(CompanyDayKind, String),
}

/// What a calendar line is: a legal holiday or a company day of some kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayKind {
    Legal(LegalHoliday),
    Company(CompanyDayKind),
}

impl HolidayKind {
    /// Stable code for CSV/JSON: "legal" or the company day's code.
    pub fn code(self) -> &'static str {
        match self {
            HolidayKind::Legal(_) => "legal",
            HolidayKind::Company(k) => k.code(),
        }
    }
}

/// One line of a year's holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayEntry {
    pub date: NaiveDate,
    pub kind: HolidayKind,
    /// The company's own name; empty for legal holidays and unnamed company days.
    pub name: String,
    pub replaces: Option<NaiveDate>,
}

/// The name to show for an entry: translate a key, or show the company's own text as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryName<'a> {
    Key(&'static str),
    Text(&'a str),
}

impl HolidayEntry {
    /// Legal holidays are named by their i18n key; a company day by its own name, else its kind's label.
    pub fn name(&self) -> EntryName<'_> {
        match self.kind {
            HolidayKind::Legal(h) => EntryName::Key(h.label_key()),
            HolidayKind::Company(k) if self.name.is_empty() => EntryName::Key(k.label_key()),
            HolidayKind::Company(_) => EntryName::Text(&self.name),
        }
    }

    pub fn legal(&self) -> Option<LegalHoliday> {
        match self.kind {
            HolidayKind::Legal(h) => Some(h),
            HolidayKind::Company(_) => None,
        }
    }
}

/// Legal holidays of any year plus the company's own days. Legal holidays are computed when asked
/// (a handful of integer operations), so the calendar needs no year range and no cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HolidayCalendar {
    /// Sorted by date.
    company_days: Vec<CompanyDay>,
}

impl HolidayCalendar {
    pub fn new(mut company_days: Vec<CompanyDay>) -> Self {
        company_days.sort_by_key(|c| c.date);
        HolidayCalendar { company_days }
    }

    pub fn company_days(&self) -> &[CompanyDay] {
        &self.company_days
    }

    fn company_on(&self, date: NaiveDate) -> &[CompanyDay] {
        let start = self.company_days.partition_point(|c| c.date < date);
        let end = self.company_days.partition_point(|c| c.date <= date);
        &self.company_days[start..end]
    }

    /// A day that is never charged as leave: a legal holiday, or a company day other than a closure.
    /// A legal holiday wins over any company day on the same date.
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff> {
        if let Some(h) = legal_holiday_on(date) {
            return Some(DayOff::Legal(h));
        }
        self.company_on(date)
            .iter()
            .find(|c| c.kind.is_day_off())
            .map(|c| DayOff::Company(c.kind, c.name.clone()))
    }

    /// A collective closure day: staff are off but it is charged as leave.
    pub fn closure(&self, date: NaiveDate) -> bool {
        self.company_on(date)
            .iter()
            .any(|c| c.kind == CompanyDayKind::Closure)
    }

    /// The year's legal holidays and company days in date order (a legal holiday first on a shared date).
    pub fn entries(&self, year: i32) -> Vec<HolidayEntry> {
        let legal = legal_holidays(year)
            .into_iter()
            .map(|(date, h)| HolidayEntry {
                date,
                kind: HolidayKind::Legal(h),
                name: String::new(),
                replaces: None,
            });
        let company = self
            .company_days
            .iter()
            .filter(|c| c.date.year() == year)
            .map(|c| HolidayEntry {
                date: c.date,
                kind: HolidayKind::Company(c.kind),
                name: c.name.clone(),
                replaces: c.replaces,
            });
        let mut all: Vec<HolidayEntry> = legal.chain(company).collect();
        all.sort_by_key(|e| e.date);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn saturday(date: NaiveDate) -> bool {
        date.weekday() == Weekday::Sat
    }

    fn never(_: NaiveDate) -> bool {
        false
    }

    #[test]
    fn easter_across_centuries() {
        for (y, m, day) in [
            (1818, 3, 22),
            (1886, 4, 25),
            (1943, 4, 25),
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), d(y, m, day), "{y}");
        }
    }

    proptest! {
        #[test]
        fn easter_is_a_sunday_between_22_march_and_25_april(year in 1583i32..10_000) {
            let e = easter_sunday(year);
            prop_assert_eq!(e.weekday(), Weekday::Sun);
            prop_assert!(d(year, 3, 22) <= e && e <= d(year, 4, 25), "{}", e);
        }

        #[test]
        fn legal_holiday_on_agrees_with_the_yearly_list(year in 1583i32..3000, day in 0i64..366) {
            // Day 365 of a common year is 1 January of the next: that year's list is the reference.
            let date = d(year, 1, 1) + Duration::days(day);
            let first = legal_holidays(date.year()).into_iter().find(|(h, _)| *h == date).map(|(_, h)| h);
            prop_assert_eq!(legal_holiday_on(date), first);
        }
    }

    #[test]
    fn holidays_2025() {
        use LegalHoliday::*;
        let want = vec![
            (d(2025, 1, 1), NewYear),
            (d(2025, 4, 21), EasterMonday),
            (d(2025, 5, 1), LabourDay),
            (d(2025, 5, 29), Ascension),
            (d(2025, 6, 9), WhitMonday),
            (d(2025, 7, 21), NationalDay),
            (d(2025, 8, 15), Assumption),
            (d(2025, 11, 1), AllSaints),
            (d(2025, 11, 11), Armistice),
            (d(2025, 12, 25), Christmas),
        ];
        assert_eq!(legal_holidays(2025), want);
    }

    #[test]
    fn holidays_2026() {
        use LegalHoliday::*;
        let want = vec![
            (d(2026, 1, 1), NewYear),
            (d(2026, 4, 6), EasterMonday),
            (d(2026, 5, 1), LabourDay),
            (d(2026, 5, 14), Ascension),
            (d(2026, 5, 25), WhitMonday),
            (d(2026, 7, 21), NationalDay),
            (d(2026, 8, 15), Assumption),
            (d(2026, 11, 1), AllSaints),
            (d(2026, 11, 11), Armistice),
            (d(2026, 12, 25), Christmas),
        ];
        assert_eq!(legal_holidays(2026), want);
        assert_eq!(d(2026, 7, 21).weekday(), Weekday::Tue);
    }

    #[test]
    fn ascension_on_labour_day_keeps_ten_entries_in_order() {
        let h = legal_holidays(2008);
        assert_eq!(h.len(), 10);
        assert_eq!(h[2], (d(2008, 5, 1), LegalHoliday::LabourDay));
        assert_eq!(h[3], (d(2008, 5, 1), LegalHoliday::Ascension));
        assert_eq!(
            legal_holiday_on(d(2008, 5, 1)),
            Some(LegalHoliday::LabourDay)
        );
        // Easter on 22 March (2285): Ascension on 30 April, before Labour Day.
        let h = legal_holidays(2285);
        assert_eq!(h[2], (d(2285, 4, 30), LegalHoliday::Ascension));
        assert_eq!(h[3], (d(2285, 5, 1), LegalHoliday::LabourDay));
        // One day off for two holidays: one of them must be replaced even on a working Thursday.
        assert_eq!(
            missing_replacements(2008, &[], never),
            vec![(d(2008, 5, 1), LegalHoliday::Ascension)]
        );
    }

    fn replacement(date: NaiveDate, replaces: NaiveDate) -> CompanyDay {
        CompanyDay {
            date,
            kind: CompanyDayKind::Replacement,
            name: String::new(),
            replaces: Some(replaces),
        }
    }

    #[test]
    fn holidays_on_sundays_and_saturdays_need_replacing() {
        // 2026: 15 August is a Saturday, 1 November a Sunday.
        assert_eq!(
            missing_replacements(2026, &[], saturday),
            vec![
                (d(2026, 8, 15), LegalHoliday::Assumption),
                (d(2026, 11, 1), LegalHoliday::AllSaints)
            ]
        );
        // A company that works on Saturdays only loses the Sunday one.
        assert_eq!(
            missing_replacements(2026, &[], never),
            vec![(d(2026, 11, 1), LegalHoliday::AllSaints)]
        );
        let days = [replacement(d(2026, 11, 2), d(2026, 11, 1))];
        assert_eq!(
            missing_replacements(2026, &days, saturday),
            vec![(d(2026, 8, 15), LegalHoliday::Assumption)]
        );
        // 2027: 1 May and 25 December on a Saturday, 15 August on a Sunday.
        assert_eq!(
            missing_replacements(2027, &[], saturday)
                .iter()
                .map(|(date, _)| *date)
                .collect::<Vec<_>>(),
            vec![d(2027, 5, 1), d(2027, 8, 15), d(2027, 12, 25)]
        );
    }

    #[test]
    fn default_replacement_is_the_next_free_activity_day_of_the_year() {
        assert_eq!(
            default_replacement(d(2026, 11, 1), &[], saturday),
            Some(d(2026, 11, 2))
        );
        // Saturday 25/12/2027 → Monday 27/12; with that taken, Tuesday.
        assert_eq!(
            default_replacement(d(2027, 12, 25), &[], saturday),
            Some(d(2027, 12, 27))
        );
        let taken = [replacement(d(2027, 12, 27), d(2027, 5, 1))];
        assert_eq!(
            default_replacement(d(2027, 12, 25), &taken, saturday),
            Some(d(2027, 12, 28))
        );
        let all_inactive = |_| true;
        assert_eq!(
            default_replacement(d(2027, 12, 25), &[], all_inactive),
            None
        );
    }

    #[test]
    fn notice_and_warning_dates_fall_in_the_year_before() {
        assert_eq!(replacement_notice_deadline(2027), d(2026, 12, 15));
        assert_eq!(warn_missing_replacements_from(2027), d(2026, 11, 1));
    }

    fn input(date: &str, kind: &str, replaces: &str) -> CompanyDayInput {
        CompanyDayInput {
            date: date.into(),
            kind: kind.into(),
            name: String::new(),
            replaces: replaces.into(),
        }
    }

    fn first_error(i: &CompanyDayInput) -> (&'static str, &'static str) {
        let e = i.validate(saturday).unwrap_err();
        (e.0[0].field, e.0[0].key)
    }

    #[test]
    fn a_valid_replacement_round_trips_through_the_form() {
        let i = input("02/11/2026", "replacement", "01/11/2026");
        let day = i.validate(saturday).unwrap();
        assert_eq!(day, replacement(d(2026, 11, 2), d(2026, 11, 1)));
        assert_eq!(CompanyDayInput::from_day(&day).validate(saturday), Ok(day));
        let community = CompanyDayInput {
            name: "Feest van de Vlaamse Gemeenschap".into(),
            ..input("11/07/2026", "community", "")
        };
        // 11 July 2026 is a Saturday: a community day may still be marked.
        assert_eq!(
            community.validate(saturday).unwrap().kind,
            CompanyDayKind::Community
        );
    }

    #[test]
    fn replacement_rules_are_enforced() {
        assert_eq!(
            first_error(&input("", "bridge", "")),
            ("date", "err.required")
        );
        assert_eq!(
            first_error(&input("03/11/2026", "holiday", "")),
            ("kind", "err.choice")
        );
        assert_eq!(
            first_error(&input("03/11/2026", "replacement", "")),
            ("replaces", "err.replaces_required")
        );
        assert_eq!(
            first_error(&input("03/11/2026", "replacement", "02/11/2026")),
            ("replaces", "err.replaces_not_holiday")
        );
        // 11 November 2026 is a Wednesday: nothing to replace.
        assert_eq!(
            first_error(&input("12/11/2026", "replacement", "11/11/2026")),
            ("replaces", "err.replaces_not_needed")
        );
        assert_eq!(
            first_error(&input("04/01/2027", "replacement", "01/11/2026")),
            ("replaces", "err.replaces_other_year")
        );
        assert_eq!(
            first_error(&input("11/11/2026", "replacement", "01/11/2026")),
            ("date", "err.company_day_on_holiday")
        );
        assert_eq!(
            first_error(&input("07/11/2026", "replacement", "01/11/2026")),
            ("date", "err.company_day_inactive")
        );
        assert_eq!(
            first_error(&input("13/11/2026", "bridge", "01/11/2026")),
            ("replaces", "err.replaces_only_replacement")
        );
    }

    #[test]
    fn clashes_with_other_company_days() {
        let first = replacement(d(2026, 11, 2), d(2026, 11, 1));
        let same_date = CompanyDay {
            kind: CompanyDayKind::Bridge,
            replaces: None,
            ..first.clone()
        };
        let e = same_date
            .check_against(std::slice::from_ref(&first), saturday)
            .unwrap_err();
        assert_eq!(e.0[0].key, "err.company_day_taken");
        let twice = replacement(d(2026, 11, 3), d(2026, 11, 1));
        let e = twice.check_against(&[first], saturday).unwrap_err();
        assert_eq!(e.0[0].key, "err.holiday_already_replaced");
        assert!(twice.check_against(&[], saturday).is_ok());
    }

    #[test]
    fn calendar_tells_days_off_from_closures() {
        let cal = HolidayCalendar::new(vec![
            CompanyDay {
                date: d(2026, 12, 28),
                kind: CompanyDayKind::Closure,
                name: "Winter closure".into(),
                replaces: None,
            },
            replacement(d(2026, 11, 2), d(2026, 11, 1)),
            CompanyDay {
                date: d(2026, 5, 15),
                kind: CompanyDayKind::Bridge,
                name: "Bridge".into(),
                replaces: None,
            },
        ]);
        assert_eq!(
            cal.day_off(d(2026, 5, 14)),
            Some(DayOff::Legal(LegalHoliday::Ascension))
        );
        assert_eq!(
            cal.day_off(d(2026, 5, 15)),
            Some(DayOff::Company(CompanyDayKind::Bridge, "Bridge".into()))
        );
        assert_eq!(
            cal.day_off(d(2026, 11, 2)),
            Some(DayOff::Company(CompanyDayKind::Replacement, String::new()))
        );
        assert_eq!(cal.day_off(d(2026, 12, 28)), None);
        assert!(cal.closure(d(2026, 12, 28)));
        assert!(!cal.closure(d(2026, 12, 29)));

        let entries = cal.entries(2026);
        assert_eq!(entries.len(), 13);
        assert!(entries.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(entries[0].name(), EntryName::Key("holiday.new_year"));
        let bridge = entries.iter().find(|e| e.date == d(2026, 5, 15)).unwrap();
        assert_eq!(bridge.name(), EntryName::Text("Bridge"));
        assert_eq!(bridge.kind.code(), "bridge");
        let repl = entries.iter().find(|e| e.date == d(2026, 11, 2)).unwrap();
        assert_eq!(repl.name(), EntryName::Key("company_day.replacement"));
        assert_eq!(repl.replaces, Some(d(2026, 11, 1)));
        assert_eq!(cal.entries(2027).len(), 10);
    }

    /// src/i18n.rs lists the choices and inputs it checks; these live beside it in the leave module, so
    /// they are checked here: an English text (the catalog tests make nl and fr follow) within 22
    /// characters for field labels, and errors that render with their arguments in place.
    #[test]
    fn labels_field_names_and_errors_have_texts() {
        use crate::i18n::{I18n, Lang};
        let en = I18n::new(Lang::En);
        for key in LegalHoliday::ALL
            .iter()
            .map(|h| h.label_key())
            .chain(CompanyDayKind::ALL.iter().map(|k| k.label_key()))
        {
            assert_ne!(en.t(key), key);
        }
        for f in COMPANY_DAY_FIELDS {
            let key = format!("field.{f}");
            for lang in Lang::ALL {
                let label = I18n::new(lang).t(&key);
                assert!(
                    label != key && label.chars().count() <= 22,
                    "{key}: {label}"
                );
            }
        }
        let e = input("03/11/2026", "replacement", "02/11/2026")
            .validate(saturday)
            .unwrap_err();
        for lang in Lang::ALL {
            let shown = I18n::new(lang).field_error(&e.0[0]);
            assert!(
                shown.contains("02/11/2026") && !shown.contains('{'),
                "{shown}"
            );
        }
    }
}
