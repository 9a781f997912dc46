//! Dimona (the immediate declaration of employment to the RSZ/ONSS): the register's events, their
//! input, and when an IN or OUT is due or missing.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::date::{optional_date, required_date};
use super::employee::{choice_or, optional_text};
use super::error::{FieldError, ValidationErrors, collect};
use super::leave::holidays::legal_holiday_on;
use crate::{choice_enum, text_input};

choice_enum!(
    /// The kind of Dimona event: IN at the start, OUT at the end, UPDATE of a declared period, CANCEL of an IN.
    DimonaKind, "dimona_kind" {
        In => "in",
        Out => "out",
        Update => "update",
        Cancel => "cancel",
    }
);

/// How far back a start or an end still asks for attention: older ones predate the register
/// (a company that starts using Dossier does not re-declare its staff).
pub const LOOKBACK_DAYS: i64 = 90;

/// One event in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimonaDeclaration {
    pub id: i64,
    pub employee_id: i64,
    pub kind: DimonaKind,
    pub declared_on: NaiveDate,
    /// The period id (Dimona-nummer / numéro de période) the RSZ/ONSS returned.
    pub reference: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub note: String,
}

text_input!(
    /// What the user typed for a Dimona event.
    DimonaInput, DIMONA_FIELDS { kind, declared_on, reference, start, end, note }
);

impl DimonaInput {
    /// A new event of `kind` filled from the employment: the declared start is the first day, the end
    /// the departure or, for a contract that runs to a date (students, fixed term), that date.
    pub fn prefilled(
        kind: DimonaKind,
        declared_on: NaiveDate,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> DimonaInput {
        use super::choice::Choice;
        use super::date::format_date;
        DimonaInput {
            kind: kind.code().into(),
            declared_on: format_date(declared_on),
            start: format_date(start),
            end: end.map(format_date).unwrap_or_default(),
            ..Default::default()
        }
    }

    pub fn validate(&self) -> Result<DimonaDeclaration, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let kind = if self.kind.trim().is_empty() {
            errs.push(FieldError::new("kind", "err.required"));
            None
        } else {
            collect(&mut errs, choice_or("kind", &self.kind, DimonaKind::In))
        };
        let declared_on = collect(&mut errs, required_date("declared_on", &self.declared_on));
        let reference = collect(&mut errs, optional_text("reference", &self.reference, 40));
        let start = collect(&mut errs, optional_date("start", &self.start)).flatten();
        let end = collect(&mut errs, optional_date("end", &self.end)).flatten();
        let note = collect(&mut errs, optional_text("note", &self.note, 200));
        if kind == Some(DimonaKind::In) && start.is_none() && self.start.trim().is_empty() {
            errs.push(FieldError::new("start", "err.required"));
        }
        if kind == Some(DimonaKind::Out) && end.is_none() && self.end.trim().is_empty() {
            errs.push(FieldError::new("end", "err.required"));
        }
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errs.push(FieldError::new("end", "err.end_before_start"));
        }
        errs.into_result(())?;
        Ok(DimonaDeclaration {
            id: 0,
            employee_id: 0,
            kind: kind.unwrap_or(DimonaKind::In),
            declared_on: declared_on.unwrap_or_default(),
            reference: reference.unwrap_or_default(),
            start,
            end,
            note: note.unwrap_or_default(),
        })
    }
}

/// Monday to Friday and not a legal holiday.
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && legal_holiday_on(d).is_none()
}

/// The first working day after `d`.
pub fn next_working_day(d: NaiveDate) -> NaiveDate {
    let mut n = d + Duration::days(1);
    while !is_working_day(n) {
        n += Duration::days(1);
    }
    n
}

/// An IN is due at the latest when work starts (it may be sent earlier).
pub fn in_deadline(start: NaiveDate) -> NaiveDate {
    start
}

/// An OUT is due at the latest on the first working day after the end of the employment.
pub fn out_deadline(end: NaiveDate) -> NaiveDate {
    next_working_day(end)
}

/// Whether the employment is declared: an IN that no later CANCEL withdrew.
pub fn has_in(decls: &[DimonaDeclaration]) -> bool {
    decls.iter().any(|d| {
        d.kind == DimonaKind::In
            && !decls
                .iter()
                .any(|c| c.kind == DimonaKind::Cancel && c.id > d.id)
    })
}

/// Whether the end is declared: an OUT, or an IN or UPDATE that already gave this end date (then
/// no OUT is needed).
pub fn has_out(decls: &[DimonaDeclaration], end: NaiveDate) -> bool {
    decls.iter().any(|d| match d.kind {
        DimonaKind::Out => true,
        DimonaKind::In | DimonaKind::Update => d.end == Some(end),
        DimonaKind::Cancel => false,
    })
}

/// What the register needs to know of one person to say whether a declaration is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Employment {
    pub start: NaiveDate,
    /// The end of an employment that has been ended (the dossier is archived).
    pub left_on: Option<NaiveDate>,
}

/// The declarations missing for one person, each with its deadline: an IN for someone who starts
/// within `horizon_days` or started in the last [`LOOKBACK_DAYS`] and has not left; an OUT for
/// someone whose employment ended in the last [`LOOKBACK_DAYS`] or ends within the horizon.
pub fn missing(
    e: Employment,
    decls: &[DimonaDeclaration],
    today: NaiveDate,
    horizon_days: i64,
) -> Vec<(DimonaKind, NaiveDate)> {
    let from = today - Duration::days(LOOKBACK_DAYS);
    let until = today + Duration::days(horizon_days);
    let mut out = Vec::new();
    if e.left_on.is_none() && (from..=until).contains(&e.start) && !has_in(decls) {
        out.push((DimonaKind::In, in_deadline(e.start)));
    }
    if let Some(end) = e.left_on
        && (from..=until).contains(&end)
        && !has_out(decls, end)
    {
        out.push((DimonaKind::Out, out_deadline(end)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn decl(id: i64, kind: DimonaKind, end: Option<NaiveDate>) -> DimonaDeclaration {
        DimonaDeclaration {
            id,
            employee_id: 1,
            kind,
            declared_on: d(2026, 1, 1),
            reference: String::new(),
            start: Some(d(2026, 1, 5)),
            end,
            note: String::new(),
        }
    }

    #[test]
    fn the_out_deadline_skips_the_weekend_and_legal_holidays() {
        // Friday 3 April 2026 → Monday 6 April is Easter Monday → Tuesday 7 April.
        assert_eq!(out_deadline(d(2026, 4, 3)), d(2026, 4, 7));
        // A Wednesday → the Thursday.
        assert_eq!(out_deadline(d(2026, 3, 11)), d(2026, 3, 12));
        // Thursday 31 December 2026 → 1 January is a holiday → Monday 4 January 2027.
        assert_eq!(out_deadline(d(2026, 12, 31)), d(2027, 1, 4));
    }

    #[test]
    fn the_in_deadline_is_the_first_day_even_on_a_weekend() {
        assert_eq!(in_deadline(d(2026, 3, 7)), d(2026, 3, 7));
    }

    #[test]
    fn an_in_counts_until_a_later_cancel() {
        assert!(!has_in(&[]));
        assert!(has_in(&[decl(1, DimonaKind::In, None)]));
        assert!(!has_in(&[
            decl(1, DimonaKind::In, None),
            decl(2, DimonaKind::Cancel, None)
        ]));
        assert!(has_in(&[
            decl(1, DimonaKind::In, None),
            decl(2, DimonaKind::Cancel, None),
            decl(3, DimonaKind::In, None)
        ]));
    }

    #[test]
    fn no_out_is_needed_when_the_in_gave_the_end_date() {
        let end = d(2026, 8, 31);
        assert!(has_out(&[decl(1, DimonaKind::In, Some(end))], end));
        assert!(!has_out(
            &[decl(1, DimonaKind::In, Some(d(2026, 8, 30)))],
            end
        ));
        assert!(has_out(&[decl(2, DimonaKind::Out, None)], end));
        assert!(has_out(&[decl(2, DimonaKind::Update, Some(end))], end));
    }

    #[test]
    fn missing_looks_at_the_horizon_and_the_last_ninety_days() {
        let today = d(2026, 3, 10);
        let starter = |start| Employment {
            start,
            left_on: None,
        };
        assert_eq!(
            missing(starter(d(2026, 3, 16)), &[], today, 7),
            vec![(DimonaKind::In, d(2026, 3, 16))]
        );
        assert!(missing(starter(d(2026, 3, 20)), &[], today, 7).is_empty());
        assert_eq!(missing(starter(d(2026, 1, 5)), &[], today, 7).len(), 1);
        assert!(missing(starter(d(2025, 1, 5)), &[], today, 7).is_empty());
        assert!(
            missing(
                starter(d(2026, 3, 16)),
                &[decl(1, DimonaKind::In, None)],
                today,
                7
            )
            .is_empty()
        );
        let leaver = Employment {
            start: d(2020, 1, 6),
            left_on: Some(d(2026, 2, 27)),
        };
        assert_eq!(
            missing(leaver, &[], today, 7),
            vec![(DimonaKind::Out, d(2026, 3, 2))]
        );
        assert!(missing(leaver, &[decl(1, DimonaKind::Out, None)], today, 7).is_empty());
    }

    #[test]
    fn input_needs_a_kind_a_date_and_the_period_it_declares() {
        let e = DimonaInput::default().validate().unwrap_err();
        assert!(e.for_field("kind").is_some());
        assert!(e.for_field("declared_on").is_some());
        let out = DimonaInput {
            kind: "out".into(),
            declared_on: "02/03/2026".into(),
            ..Default::default()
        };
        assert_eq!(
            out.validate().unwrap_err().for_field("end").unwrap().key,
            "err.required"
        );
        let bad = DimonaInput {
            kind: "in".into(),
            declared_on: "02/03/2026".into(),
            start: "10/03/2026".into(),
            end: "09/03/2026".into(),
            ..Default::default()
        };
        assert_eq!(
            bad.validate().unwrap_err().for_field("end").unwrap().key,
            "err.end_before_start"
        );
        let ok = DimonaInput::prefilled(DimonaKind::In, d(2026, 3, 2), d(2026, 3, 9), None)
            .validate()
            .unwrap();
        assert_eq!(ok.start, Some(d(2026, 3, 9)));
        assert_eq!(ok.kind, DimonaKind::In);
        let typo = DimonaInput {
            kind: "inn".into(),
            ..ok_input()
        };
        assert_eq!(
            typo.validate().unwrap_err().for_field("kind").unwrap().key,
            "err.choice"
        );
    }

    fn ok_input() -> DimonaInput {
        DimonaInput::prefilled(DimonaKind::In, d(2026, 3, 2), d(2026, 3, 9), None)
    }
}
