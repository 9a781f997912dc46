//! The sickness register: incapacity spells with their certificates, certificate-free days, relapse
//! links and the employer's guaranteed salary (BELGIAN-RULES.md §4).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::leave_type::{SICKNESS, WORK_ACCIDENT};
use super::rules::LeaveRules;
use crate::domain::choice::Choice;
use crate::domain::date::{format_date, format_opt_date, optional_date, required_date};
use crate::domain::employee::{choice_or, optional_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::records::yes_no;
use crate::{choice_enum, text_input};

choice_enum!(
    /// Why a worker is off. Decides who pays after the guaranteed salary and which spells can be linked.
    SickCause, "sick_cause" {
        Illness => "illness",
        PrivateAccident => "private_accident",
        WorkAccident => "work_accident",
        OccupationalDisease => "occupational_disease",
        /// Prophylactic leave: a pregnant or exposed worker kept away from a risk (moederschapsbescherming,
        /// écartement). Not an incapacity: no guaranteed salary, no relapse.
        Prophylactic => "prophylactic",
    }
);

impl SickCause {
    /// Spells link as a relapse only within one payer: common illness and private accidents (health
    /// fund), work accidents (the insurer), occupational diseases (Fedris). Prophylactic leave links to nothing.
    fn relapse_group(self) -> Option<u8> {
        match self {
            SickCause::Illness | SickCause::PrivateAccident => Some(0),
            SickCause::WorkAccident => Some(1),
            SickCause::OccupationalDisease => Some(2),
            SickCause::Prophylactic => None,
        }
    }

    /// The leave type (code) a spell is counted and shown under: work accidents have their own, every
    /// other cause is sickness.
    pub fn leave_type_code(self) -> &'static str {
        if self == SickCause::WorkAccident {
            WORK_ACCIDENT
        } else {
            SICKNESS
        }
    }

    /// Prophylactic leave is paid by the health fund or Fedris from the first day (verify); every
    /// incapacity, a work accident included, starts with the employer's guaranteed salary.
    pub fn has_guaranteed_salary(self) -> bool {
        self != SickCause::Prophylactic
    }
}

/// One period of incapacity as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SickSpell {
    pub start: NaiveDate,
    /// Last day of incapacity; `None` while it lasts.
    pub end: Option<NaiveDate>,
    /// The day the worker is expected back, from the certificate.
    pub expected_return: Option<NaiveDate>,
    pub cause: SickCause,
    /// The day the medical certificate was received.
    pub certificate: Option<NaiveDate>,
    /// The first day is one of the year's certificate-free days.
    pub certificate_free: bool,
    /// Store id of the spell this one is a relapse of (same illness, within the window).
    pub relapse_of: Option<i64>,
    pub note: String,
}

text_input!(
    /// What the user typed for a sick spell. `same_illness` is the user's yes/no when the spell starts
    /// within the relapse window of an earlier one.
    SickSpellInput, SICK_SPELL_FIELDS { start, end, expected_return, cause, certificate, certificate_free, same_illness, note }
);

impl SickSpellInput {
    /// The input that shows a recorded spell in the edit form.
    pub fn from_spell(s: &SickSpell) -> Self {
        let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
        SickSpellInput {
            start: format_date(s.start),
            end: format_opt_date(s.end),
            expected_return: format_opt_date(s.expected_return),
            cause: s.cause.code().into(),
            certificate: format_opt_date(s.certificate),
            certificate_free: yes(s.certificate_free),
            same_illness: yes(s.relapse_of.is_some()),
            note: s.note.clone(),
        }
    }

    /// Checks the fields and the spell against the employee's other spells (`existing`: store id and
    /// spell, without the one being edited), the rules and the employment (start, end).
    pub fn validate(
        &self,
        existing: &[(i64, SickSpell)],
        rules: &LeaveRules,
        employment: (NaiveDate, Option<NaiveDate>),
    ) -> Result<SickSpell, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let start = collect(&mut errs, required_date("start", &self.start));
        let end = collect(&mut errs, optional_date("end", &self.end));
        let expected_return = collect(
            &mut errs,
            optional_date("expected_return", &self.expected_return),
        );
        let cause = collect(
            &mut errs,
            choice_or("cause", &self.cause, SickCause::Illness),
        );
        let certificate = collect(&mut errs, optional_date("certificate", &self.certificate));
        let certificate_free = collect(
            &mut errs,
            yes_no("certificate_free", &self.certificate_free),
        );
        let same_illness = collect(&mut errs, yes_no("same_illness", &self.same_illness));
        let note = collect(&mut errs, optional_text("note", &self.note, 500));
        let Some(start) = start else {
            return Err(errs);
        };
        // An end date that did not parse must not read as "still ill" and report a false overlap.
        let end_known = end.is_some();
        let end = end.flatten();
        let spells: Vec<SickSpell> = existing.iter().map(|(_, s)| s.clone()).collect();

        if let Some(e) = end
            && e < start
        {
            errs.push(FieldError::new("end", "err.end_before_start"));
        }
        if let Some(Some(r)) = expected_return
            && r <= start
        {
            errs.push(FieldError::new(
                "expected_return",
                "err.return_not_after_start",
            ));
        }
        if let Some(e) = employment_error(start, end, employment) {
            errs.push(e);
        }
        if end_known && let Some(e) = overlap_error(start, end, &spells) {
            errs.push(e);
        }
        if certificate_free == Some(true)
            && let Some(e) = certificate_free_error(start, &spells, rules)
        {
            errs.push(e);
        }
        let cause = cause.unwrap_or(SickCause::Illness);
        let mut relapse_of = None;
        if same_illness == Some(true) {
            match possible_relapse(&spells, start, cause, rules) {
                Some(i) => relapse_of = Some(existing[i].0),
                None => errs.push(
                    FieldError::new("same_illness", "err.no_relapse_candidate")
                        .arg("days", rules.relapse_window_for(start).to_string()),
                ),
            }
        }
        errs.into_result(())?;
        Ok(SickSpell {
            start,
            end,
            expected_return: expected_return.flatten(),
            cause,
            certificate: certificate.flatten(),
            certificate_free: certificate_free.unwrap_or(false),
            relapse_of,
            note: note.unwrap_or_default(),
        })
    }
}

/// A spell must lie within the employment: sickness after the contract ended is no longer the employer's.
fn employment_error(
    start: NaiveDate,
    end: Option<NaiveDate>,
    (hired, left): (NaiveDate, Option<NaiveDate>),
) -> Option<FieldError> {
    if start < hired {
        return Some(
            FieldError::new("start", "err.before_employment").arg("start", format_date(hired)),
        );
    }
    let left = left?;
    let after =
        |field| FieldError::new(field, "err.after_employment").arg("end", format_date(left));
    if start > left {
        Some(after("start"))
    } else if end.is_some_and(|e| e > left) {
        Some(after("end"))
    } else {
        None
    }
}

/// The first other spell sharing a day with [start, end] (an ongoing spell runs on forever).
fn overlap_error(
    start: NaiveDate,
    end: Option<NaiveDate>,
    spells: &[SickSpell],
) -> Option<FieldError> {
    let last = end.unwrap_or(NaiveDate::MAX);
    let other = spells
        .iter()
        .find(|s| s.start <= last && start <= s.end.unwrap_or(NaiveDate::MAX))?;
    let e = match other.end {
        Some(e) => FieldError::new("start", "err.sick_overlap").arg("end", format_date(e)),
        None => FieldError::new("start", "err.sick_overlap_ongoing"),
    };
    Some(e.arg("start", format_date(other.start)))
}

fn certificate_free_error(
    start: NaiveDate,
    spells: &[SickSpell],
    rules: &LeaveRules,
) -> Option<FieldError> {
    let field = "certificate_free";
    if rules.always_require_certificate {
        return Some(FieldError::new(field, "err.certificate_required"));
    }
    // A spell that continues one ending the day before has no first day of incapacity of its own.
    if spells
        .iter()
        .any(|s| s.end.is_some_and(|e| e.succ_opt() == Some(start)))
    {
        return Some(FieldError::new(field, "err.certificate_free_not_first_day"));
    }
    let year = start.year();
    let max = match rules.certificate_free_in_force(start) {
        0 => 0,
        _ => rules.certificate_free_days_for(year),
    };
    let used = certificate_free_used(spells, year);
    (used >= max).then(|| {
        FieldError::new(field, "err.certificate_free_used_up")
            .arg("used", used.to_string())
            .arg("max", max.to_string())
    })
}

/// Certificate-free days used in a calendar year (spells starting in it).
pub fn certificate_free_used(spells: &[SickSpell], year: i32) -> u32 {
    let n = spells
        .iter()
        .filter(|s| s.certificate_free && s.start.year() == year)
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Certificate-free days left in a calendar year; 0 when the work rules require a certificate every time.
pub fn certificate_free_remaining(spells: &[SickSpell], rules: &LeaveRules, year: i32) -> u32 {
    if rules.always_require_certificate {
        return 0;
    }
    rules
        .certificate_free_days_for(year)
        .saturating_sub(certificate_free_used(spells, year))
}

/// The earlier spell a new one starting on `start` may be a relapse of: the latest one of the same
/// payer group that ended at most the relapse window before `start` (window keyed on `start`: 14 days
/// before 2026, 8 weeks from 2026). Only a suggestion: the user confirms it is the same illness.
pub fn possible_relapse(
    previous: &[SickSpell],
    start: NaiveDate,
    cause: SickCause,
    rules: &LeaveRules,
) -> Option<usize> {
    let group = cause.relapse_group()?;
    let window = i64::from(rules.relapse_window_for(start));
    previous
        .iter()
        .enumerate()
        .filter(|(_, p)| p.cause.relapse_group() == Some(group))
        .filter_map(|(i, p)| Some((i, p.end?)))
        .filter(|(_, end)| *end < start && (start - *end).num_days() <= window)
        .max_by_key(|(_, end)| *end)
        .map(|(i, _)| i)
}

/// The earlier spells of `spell`'s period of incapacity: those reached through `relapse_of` links,
/// oldest first (what `guaranteed_salary` needs as its chain).
pub fn relapse_chain(all: &[(i64, SickSpell)], spell: &SickSpell) -> Vec<SickSpell> {
    let mut chain = Vec::new();
    let mut next = spell.relapse_of;
    // A link can only point back in time; the bound guards against a damaged loop of links.
    while let Some(id) = next
        && chain.len() < all.len()
    {
        let Some((_, s)) = all.iter().find(|(i, _)| *i == id) else {
            break;
        };
        chain.push(s.clone());
        next = s.relapse_of;
    }
    chain.reverse();
    chain
}

/// The employer's part of one spell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuaranteedSalary {
    /// Calendar days of the period already paid in earlier spells of the chain.
    pub days_used_before: u32,
    /// Last day the employer pays; `None` when it pays no day of this spell.
    pub ends_on: Option<NaiveDate>,
    /// The spell (by its end, else the day before the expected return) runs past the employer's last
    /// day, so the health fund or insurer takes over. An open spell with no expected return is not
    /// handed over yet unless nothing is left to pay: compare `ends_on` with today.
    pub handed_over: bool,
}

/// Guaranteed salary for `spell`: `rules.guaranteed_salary_days` calendar days per period. A relapse
/// gets only what the earlier spells of its period (`chain`, linked through `relapse_of`) left. The
/// day count is the same for bedienden and arbeiders; the percentages are payroll's business.
pub fn guaranteed_salary(
    spell: &SickSpell,
    chain: &[SickSpell],
    rules: &LeaveRules,
) -> GuaranteedSalary {
    if !spell.cause.has_guaranteed_salary() {
        return GuaranteedSalary {
            days_used_before: 0,
            ends_on: None,
            handed_over: true,
        };
    }
    let before_this = spell.start.pred_opt().unwrap_or(spell.start);
    let used: i64 = chain
        .iter()
        .filter(|s| s.start < spell.start)
        .map(|s| {
            let last = s.end.unwrap_or(before_this).min(before_this);
            ((last - s.start).num_days() + 1).max(0)
        })
        .sum();
    let days = i64::from(rules.guaranteed_salary_days);
    let used = used.min(days);
    let left = days - used;
    let ends_on = (left > 0).then(|| {
        let last = spell.start + Duration::days(left - 1);
        spell.end.map_or(last, |e| e.min(last))
    });
    let known_last = spell
        .end
        .or_else(|| spell.expected_return.and_then(|r| r.pred_opt()));
    let handed_over = match (known_last, ends_on) {
        (_, None) => true,
        (Some(last), Some(paid)) => last > paid,
        (None, Some(_)) => false,
    };
    GuaranteedSalary {
        days_used_before: u32::try_from(used).unwrap_or(0),
        ends_on,
        handed_over,
    }
}

/// The day by which the certificate must be in: 2 working days (Monday to Friday; public holidays are not
/// counted out) after the first day that needs one. A certificate-free day covers only the first day, so
/// a longer spell still needs a certificate from its second day. `None` when no certificate is needed.
pub fn certificate_due(spell: &SickSpell) -> Option<NaiveDate> {
    let first_needing = if spell.certificate_free {
        spell.start.succ_opt()?
    } else {
        spell.start
    };
    if spell.end.is_some_and(|e| e < first_needing) {
        return None;
    }
    Some(add_working_days(first_needing, 2))
}

/// Whether the certificate is overdue on `today`: past its [`certificate_due`] day and not received.
pub fn missing_certificate(spell: &SickSpell, today: NaiveDate) -> bool {
    spell.certificate.is_none() && certificate_due(spell).is_some_and(|due| today > due)
}

fn add_working_days(mut day: NaiveDate, n: u32) -> NaiveDate {
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// Calendar days of the spell in `year`; an open spell counts up to `today`.
pub fn absence_days(spell: &SickSpell, year: i32, today: NaiveDate) -> u32 {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return 0;
    };
    let from = spell.start.max(first);
    let to = spell.end.unwrap_or(today).min(last);
    u32::try_from((to - from).num_days() + 1).unwrap_or(0)
}

/// A spell with only its dates and cause, for tests.
#[cfg(test)]
pub(crate) fn sample_spell(
    start: NaiveDate,
    end: Option<NaiveDate>,
    cause: SickCause,
) -> SickSpell {
    SickSpell {
        start,
        end,
        expected_return: None,
        cause,
        certificate: None,
        certificate_free: false,
        relapse_of: None,
        note: String::new(),
    }
}

#[cfg(test)]
mod tests;
