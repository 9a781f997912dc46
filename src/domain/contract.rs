//! Employment contracts (a dated history per employee) and the departure that ends an employment.

use chrono::NaiveDate;
use serde::Serialize;

use super::choice::Choice;
use super::date::{optional_date, required_date};
use super::employee::{choice_or, optional_text};
use super::error::{FieldError, ValidationErrors, collect};
use super::money::{format_cents, format_minutes, money_field, parse_minutes};
use crate::{choice_enum, text_input};

/// Full-time reference: 38 hours a week (BELGIAN-RULES.md §12), the default when none is given.
pub const DEFAULT_FULL_TIME_MINUTES: u32 = 38 * 60;

choice_enum!(
    /// Contract types under Belgian law (BELGIAN-RULES.md §7).
    ContractKind, "contract" {
        Indefinite => "indefinite",
        FixedTerm => "fixed_term",
        SpecificWork => "specific_work",
        Replacement => "replacement",
        Student => "student",
        Interim => "interim",
    }
);

impl ContractKind {
    /// Fixed-term, student and agency contracts end on a known date, so they need one.
    pub fn needs_end_date(self) -> bool {
        matches!(
            self,
            ContractKind::FixedTerm | ContractKind::Student | ContractKind::Interim
        )
    }
}

choice_enum!(
    /// Who ended the employment: decides notice rules and the C4 reason.
    EndedBy, "ended_by" {
        Employer => "employer",
        Employee => "employee",
        Mutual => "mutual",
        EndOfTerm => "end_of_term",
        Other => "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contract {
    pub id: i64,
    pub employee_id: i64,
    pub data: ContractData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContractData {
    pub kind: ContractKind,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub weekly_minutes: u32,
    pub full_time_minutes: u32,
    pub schedule: String,
    pub gross_monthly_cents: Option<i64>,
    pub workplace: String,
    pub signed_on: Option<NaiveDate>,
}

impl ContractData {
    /// Full-time equivalent in thousandths, so 4/5 of 38 h is 800.
    pub fn fte_permille(&self) -> u32 {
        if self.full_time_minutes == 0 {
            return 0;
        }
        (self.weekly_minutes * 1000 + self.full_time_minutes / 2) / self.full_time_minutes
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|e| day <= e)
    }
}

/// "0,80" — FTE shown with a decimal comma.
pub fn format_fte(permille: u32) -> String {
    let hundredths = (permille + 5) / 10;
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

text_input!(
    /// What the user typed for a contract.
    ContractInput, CONTRACT_FIELDS { kind, start, end, weekly_hours, full_time_hours, schedule, gross_monthly, workplace, signed_on }
);

impl ContractInput {
    pub fn from_data(d: &ContractData) -> Self {
        use super::date::format_opt_date;
        ContractInput {
            kind: d.kind.code().into(),
            start: format_opt_date(Some(d.start)),
            end: format_opt_date(d.end),
            weekly_hours: format_minutes(d.weekly_minutes),
            full_time_hours: format_minutes(d.full_time_minutes),
            schedule: d.schedule.clone(),
            gross_monthly: d.gross_monthly_cents.map(format_cents).unwrap_or_default(),
            workplace: d.workplace.clone(),
            signed_on: format_opt_date(d.signed_on),
        }
    }

    pub fn validate(&self) -> Result<ContractData, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let kind = collect(
            &mut errs,
            choice_or("kind", &self.kind, ContractKind::Indefinite),
        );
        let start = collect(&mut errs, required_date("start", &self.start));
        let end = collect(&mut errs, optional_date("end", &self.end));
        let full_time = collect(
            &mut errs,
            hours(
                "full_time_hours",
                &self.full_time_hours,
                DEFAULT_FULL_TIME_MINUTES,
            ),
        );
        let weekly = collect(
            &mut errs,
            hours(
                "weekly_hours",
                &self.weekly_hours,
                full_time.unwrap_or(DEFAULT_FULL_TIME_MINUTES),
            ),
        );
        let schedule = collect(&mut errs, optional_text("schedule", &self.schedule, 120));
        let gross = collect(&mut errs, money_field("gross_monthly", &self.gross_monthly));
        let workplace = collect(&mut errs, optional_text("workplace", &self.workplace, 80));
        let signed_on = collect(&mut errs, optional_date("signed_on", &self.signed_on));

        if let (Some(k), Some(None)) = (kind, end)
            && k.needs_end_date()
        {
            errs.push(FieldError::new("end", "err.contract_needs_end"));
        }
        if let (Some(s), Some(Some(e))) = (start, end)
            && e < s
        {
            errs.push(FieldError::new("end", "err.end_before_start"));
        }
        if let (Some(w), Some(f)) = (weekly, full_time) {
            if w == 0 {
                errs.push(FieldError::new("weekly_hours", "err.hours_zero"));
            } else if w > f.max(1) * 3 / 2 || w > 60 * 60 {
                errs.push(FieldError::new("weekly_hours", "err.hours_above_full_time"));
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ContractData {
            kind: kind.unwrap_or(ContractKind::Indefinite),
            start: start.unwrap_or_default(),
            end: end.flatten(),
            weekly_minutes: weekly.unwrap_or(0),
            full_time_minutes: full_time.unwrap_or(DEFAULT_FULL_TIME_MINUTES),
            schedule: schedule.unwrap_or_default(),
            gross_monthly_cents: gross.flatten(),
            workplace: workplace.unwrap_or_default(),
            signed_on: signed_on.flatten(),
        })
    }
}

fn hours(field: &'static str, text: &str, default: u32) -> Result<u32, FieldError> {
    if text.trim().is_empty() {
        return Ok(default);
    }
    parse_minutes(text).ok_or_else(|| FieldError::new(field, "err.hours").arg("value", text.trim()))
}

/// The contract in force on `day`, else the latest one that started before it, else the first.
pub fn current_contract(contracts: &[Contract], day: NaiveDate) -> Option<&Contract> {
    contracts
        .iter()
        .filter(|c| c.data.covers(day))
        .max_by_key(|c| c.data.start)
        .or_else(|| {
            contracts
                .iter()
                .filter(|c| c.data.start <= day)
                .max_by_key(|c| c.data.start)
        })
        .or_else(|| contracts.iter().min_by_key(|c| c.data.start))
}

/// The end of an employment, recorded when a dossier is archived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Departure {
    pub end_date: NaiveDate,
    pub ended_by: EndedBy,
    pub reason: String,
    pub notice_weeks: Option<u16>,
}

text_input!(
    /// What the user typed when archiving a dossier.
    DepartureInput, DEPARTURE_FIELDS { end_date, ended_by, reason, notice_weeks }
);

impl DepartureInput {
    pub fn validate(&self, start_date: NaiveDate) -> Result<Departure, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let end_date = collect(&mut errs, required_date("end_date", &self.end_date));
        let ended_by = collect(
            &mut errs,
            choice_or("ended_by", &self.ended_by, EndedBy::Other),
        );
        let reason = collect(&mut errs, optional_text("reason", &self.reason, 200));
        let notice = collect(&mut errs, notice_weeks("notice_weeks", &self.notice_weeks));
        if let Some(e) = end_date
            && e < start_date
        {
            errs.push(
                FieldError::new("end_date", "err.departure_before_start")
                    .arg("start", super::date::format_date(start_date)),
            );
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Departure {
            end_date: end_date.unwrap_or(start_date),
            ended_by: ended_by.unwrap_or(EndedBy::Other),
            reason: reason.unwrap_or_default(),
            notice_weeks: notice.flatten(),
        })
    }
}

fn notice_weeks(field: &'static str, text: &str) -> Result<Option<u16>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u16>() {
        Ok(n) if n <= 104 => Ok(Some(n)),
        _ => Err(FieldError::new(field, "err.count").arg("max", "104")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, start: &str, end: &str, hours: &str) -> ContractInput {
        ContractInput {
            kind: kind.into(),
            start: start.into(),
            end: end.into(),
            weekly_hours: hours.into(),
            ..Default::default()
        }
    }

    #[test]
    fn fixed_term_needs_an_end_date() {
        let e = input("fixed_term", "01/01/2026", "", "38")
            .validate()
            .unwrap_err();
        assert_eq!(e.for_field("end").unwrap().key, "err.contract_needs_end");
        assert!(
            input("indefinite", "01/01/2026", "", "38")
                .validate()
                .is_ok()
        );
        assert!(
            input("replacement", "01/01/2026", "", "38")
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn end_before_start_is_refused() {
        let e = input("fixed_term", "01/06/2026", "31/05/2026", "38")
            .validate()
            .unwrap_err();
        assert_eq!(e.for_field("end").unwrap().key, "err.end_before_start");
    }

    #[test]
    fn fte_follows_hours_against_the_full_time_reference() {
        let c = input("indefinite", "01/01/2026", "", "30h24")
            .validate()
            .unwrap();
        assert_eq!(c.fte_permille(), 800);
        assert_eq!(format_fte(800), "0,80");
        assert_eq!(format_fte(1000), "1,00");
        assert_eq!(format_fte(999), "1,00");
        assert_eq!(format_fte(333), "0,33");
        let mut forty = input("indefinite", "01/01/2026", "", "40");
        forty.full_time_hours = "40".into();
        assert_eq!(forty.validate().unwrap().fte_permille(), 1000);
    }

    #[test]
    fn hours_must_be_positive_and_plausible() {
        assert_eq!(
            input("indefinite", "01/01/2026", "", "0")
                .validate()
                .unwrap_err()
                .0[0]
                .key,
            "err.hours_zero"
        );
        assert_eq!(
            input("indefinite", "01/01/2026", "", "80")
                .validate()
                .unwrap_err()
                .0[0]
                .key,
            "err.hours_above_full_time"
        );
        assert_eq!(
            input("indefinite", "01/01/2026", "", "lots")
                .validate()
                .unwrap_err()
                .0[0]
                .key,
            "err.hours"
        );
    }

    #[test]
    fn current_contract_prefers_the_one_in_force() {
        let d = |s| crate::domain::date::parse_date(s).unwrap();
        let mk = |id, s: &str, e: &str| Contract {
            id,
            employee_id: 1,
            data: input(
                if e.is_empty() {
                    "indefinite"
                } else {
                    "fixed_term"
                },
                s,
                e,
                "38",
            )
            .validate()
            .unwrap(),
        };
        let list = vec![mk(1, "01/01/2024", "31/12/2024"), mk(2, "01/01/2025", "")];
        assert_eq!(current_contract(&list, d("01/06/2024")).unwrap().id, 1);
        assert_eq!(current_contract(&list, d("01/06/2026")).unwrap().id, 2);
        assert_eq!(current_contract(&list, d("01/06/2020")).unwrap().id, 1);
    }

    #[test]
    fn departure_before_start_is_refused() {
        let start = crate::domain::date::parse_date("01/03/2024").unwrap();
        let d = DepartureInput {
            end_date: "28/02/2024".into(),
            ..Default::default()
        };
        assert_eq!(
            d.validate(start).unwrap_err().0[0].key,
            "err.departure_before_start"
        );
    }
}
