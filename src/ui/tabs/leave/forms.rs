//! The forms of the Leave tab: a leave period, a sickness spell, a correction of a balance. Each is
//! checked by the same store and domain functions as the command line, and shows before saving what
//! it would do: the hours a period counts and the balance after it, what is left of the
//! certificate-free days and of the guaranteed salary.

use chrono::{Datelike, NaiveDate};

use crate::domain::choice::Choice;
use crate::domain::contract::format_fte;
use crate::domain::date::{format_date, parse_date};
use crate::domain::error::ValidationErrors;
use crate::domain::leave::correction::CorrectionInput;
use crate::domain::leave::holidays::{CompanyDayInput, CompanyDayKind, missing_replacements};
use crate::domain::leave::ledger::Bucket;
use crate::domain::leave::request::{CheckedRequest, LeaveRequestInput, PartCode, RequestStatus};
use crate::domain::leave::schedule::{ScheduleInput, WEEK_A, WEEK_B};
use crate::domain::leave::sickness::{
    SickCause, SickSpell, SickSpellInput, certificate_free_remaining, certificate_free_used,
    guaranteed_salary, possible_relapse, relapse_chain,
};
use crate::domain::money::format_minutes;
use crate::i18n::I18n;
use crate::store::{ScheduleChange, Store, StoreError, buckets_for};
use crate::ui::form_flow::{FormPurpose, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

#[derive(Debug, Clone)]
pub enum LeaveForm {
    AddRequest(i64, LeaveRequestInput),
    AddSick(i64, SickSpellInput),
    /// The employee, the spell's id, and the spell as recorded.
    EditSick(i64, i64, SickSpellInput),
    Correct(i64, CorrectionInput),
    /// A new work schedule from a date: the balance is converted and booked leave recounted.
    Schedule(i64, ScheduleInput),
    /// A day of the company calendar (a replacement day, from the Today list).
    CompanyDay(CompanyDayInput),
}

use FieldKind::{Date, Text, YesNo};

impl LeaveForm {
    /// Whose leave the form changes; `None` for the company calendar.
    pub fn employee_id(&self) -> Option<i64> {
        match self {
            LeaveForm::AddRequest(id, _)
            | LeaveForm::AddSick(id, _)
            | LeaveForm::EditSick(id, _, _)
            | LeaveForm::Correct(id, _)
            | LeaveForm::Schedule(id, _) => Some(*id),
            LeaveForm::CompanyDay(_) => None,
        }
    }

    /// The form for this purpose, titled with the person's name. Leave types come from the store,
    /// so the list offers what the company configured (sickness is recorded as a spell instead).
    pub fn form(&self, store: &Store, i18n: &I18n, who: &str) -> Form {
        let t = |k: &str| i18n.tf(k, &[("name", who)]);
        match self {
            LeaveForm::AddRequest(_, v) => {
                let lang = i18n.lang.code();
                let types = store
                    .leave()
                    .types()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|t| t.active && !t.is_sickness())
                    .map(|t| (t.code.clone(), format!("{} {}", t.letter, t.name(lang))))
                    .collect();
                let statuses = [RequestStatus::Approved, RequestStatus::Requested]
                    .iter()
                    .map(|s| (s.code(), s.label_key()))
                    .collect();
                Form::new(
                    t("form.add_leave"),
                    vec![
                        ("leave_type", FieldKind::Pick(types), true),
                        ("from", Date, true),
                        ("to", Date, true),
                        ("part", FieldKind::choice::<PartCode>(), true),
                        ("hours", Text, false),
                        ("status", FieldKind::Choice(statuses), true),
                        ("note", Text, false),
                        ("override_reason", Text, false),
                    ],
                    v,
                )
            }
            LeaveForm::AddSick(_, v) | LeaveForm::EditSick(_, _, v) => {
                let title = if matches!(self, LeaveForm::AddSick(..)) {
                    "form.add_sick"
                } else {
                    "form.edit_sick"
                };
                Form::new(
                    t(title),
                    vec![
                        ("start", Date, true),
                        ("end", Date, false),
                        ("expected_return", Date, false),
                        ("cause", FieldKind::choice::<SickCause>(), true),
                        ("certificate", Date, false),
                        ("certificate_free", YesNo, false),
                        ("same_illness", YesNo, false),
                        ("note", Text, false),
                    ],
                    v,
                )
            }
            LeaveForm::Schedule(_, v) => {
                let days = std::iter::once("from").chain(WEEK_A).chain(WEEK_B);
                let spec = days
                    .map(|f| (f, if f == "from" { Date } else { Text }, f == "from"))
                    .collect();
                Form::new(t("form.schedule"), spec, v)
            }
            LeaveForm::CompanyDay(v) => {
                let kinds = CompanyDayKind::ALL
                    .iter()
                    .map(|k| (k.code(), k.label_key()))
                    .collect();
                Form::new(
                    i18n.t("form.company_day"),
                    vec![
                        ("date", Date, true),
                        ("kind", FieldKind::Choice(kinds), true),
                        ("name", Text, false),
                        ("replaces", Date, false),
                    ],
                    v,
                )
            }
            LeaveForm::Correct(_, v) => Form::new(
                t("form.correct"),
                vec![
                    ("year", Text, true),
                    ("bucket", FieldKind::choice::<Bucket>(), true),
                    ("change", Text, true),
                    ("reason", Text, true),
                ],
                v,
            ),
        }
    }
}

impl FormPurpose for LeaveForm {
    /// Each purpose checks once and previews from that one result.
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let outcome = |r: Result<Vec<String>, StoreError>| match r {
            Ok(notes) => Review {
                errors: ValidationErrors::default(),
                notes,
            },
            Err(StoreError::Invalid(errors)) => errors.into(),
            Err(_) => Review::default(),
        };
        match self {
            LeaveForm::AddRequest(id, b) => outcome(
                store
                    .leave()
                    .check_request(*id, &form.values(b), None, i18n.lang.code())
                    .map(|c| request_notes(*id, &c, store, i18n)),
            ),
            LeaveForm::AddSick(id, b) => sick_review(*id, None, &form.values(b), store, i18n),
            LeaveForm::EditSick(id, spell, b) => {
                sick_review(*id, Some(*spell), &form.values(b), store, i18n)
            }
            LeaveForm::Correct(id, b) => {
                let v = form.values(b);
                Review {
                    errors: v.validate().err().unwrap_or_default(),
                    notes: correction_notes(*id, &v, store, i18n),
                }
            }
            LeaveForm::Schedule(id, b) => outcome(
                store
                    .leave()
                    .change_schedule(*id, &form.values(b), true)
                    .map(|change| schedule_notes(&change, store, i18n)),
            ),
            LeaveForm::CompanyDay(b) => outcome(company_day_notes(&form.values(b), store, i18n)),
        }
    }

    fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError> {
        let leave = store.leave();
        let id = self.employee_id().unwrap_or_default();
        let message_key = match self {
            LeaveForm::AddRequest(_, b) => {
                leave.add_request(id, &form.values(b), i18n.lang.code())?;
                "msg.leave_added"
            }
            LeaveForm::AddSick(_, b) => {
                leave.save_sick_spell(id, &form.values(b), None)?;
                "msg.sick_added"
            }
            LeaveForm::EditSick(_, spell, b) => {
                leave.save_sick_spell(id, &form.values(b), Some(*spell))?;
                "msg.saved"
            }
            LeaveForm::Correct(_, b) => {
                let c = form.values(b).validate()?;
                leave.correct(id, c.year, c.bucket, c.minutes, &c.reason)?;
                "msg.saved"
            }
            LeaveForm::Schedule(_, b) => {
                leave.change_schedule(id, &form.values(b), false)?;
                "msg.schedule_saved"
            }
            LeaveForm::CompanyDay(b) => {
                leave.add_company_day(&form.values(b))?;
                "msg.company_day_saved"
            }
        };
        Ok(Saved {
            employee_id: id,
            message_key,
        })
    }
}

/// The day checked as the store will check it, and the replacement days of its year still to set.
fn company_day_notes(
    v: &CompanyDayInput,
    store: &Store,
    i18n: &I18n,
) -> Result<Vec<String>, StoreError> {
    let leave = store.leave();
    let rest = leave.rest_days()?;
    let day = v.validate(|d| rest.contains(d))?;
    let days = leave.company_days()?;
    day.check_against(&days, |d| rest.contains(d))?;
    let still = missing_replacements(day.date.year(), &days, |d| rest.contains(d));
    let still: Vec<String> = still
        .iter()
        .filter(|(lost, _)| day.replaces != Some(*lost))
        .map(|(lost, h)| format!("{} {}", format_date(*lost), i18n.choice(*h)))
        .collect();
    Ok(if still.is_empty() {
        vec![i18n.t("leave_form.replacements_complete")]
    } else {
        vec![i18n.tf(
            "leave_form.replacements_left",
            &[("days", &still.join(", "))],
        )]
    })
}

/// What the period counts, the balance it leaves, and who of the same department is away then.
fn request_notes(id: i64, c: &CheckedRequest, store: &Store, i18n: &I18n) -> Vec<String> {
    let leave = store.leave();
    let day = leave.day_minutes(id, c.from).unwrap_or_default();
    let amount = |m: i64| i18n.leave_amount(m, day);
    let mut out = vec![i18n.tf(
        "leave_form.counts",
        &[
            ("days", &c.count.working_days.to_string()),
            ("amount", &amount(i64::from(c.count.charged_minutes))),
        ],
    )];
    if c.count.holidays_on_scheduled_days > 0 {
        out.push(i18n.tf(
            "leave_form.holidays_free",
            &[("count", &c.count.holidays_on_scheduled_days.to_string())],
        ));
    }
    let buckets = buckets_for(c.leave_type.counting);
    if !buckets.is_empty() {
        for (year, minutes) in c.minutes_by_year() {
            let remaining: i64 = leave
                .balances(id, year)
                .unwrap_or_default()
                .iter()
                .filter(|(b, _)| buckets.contains(b))
                .map(|(_, b)| b.remaining)
                .sum();
            out.push(i18n.tf(
                "leave_form.balance_after",
                &[
                    ("year", &year.to_string()),
                    ("before", &amount(remaining)),
                    ("after", &amount(remaining - i64::from(minutes))),
                ],
            ));
        }
    }
    if let Some(line) = also_away(id, c.from, c.to, store, i18n) {
        out.push(line);
    }
    out
}

/// Colleagues of the same department with leave or sickness in the period: what the team calendar
/// would show, without leaving the form.
fn also_away(
    id: i64,
    from: NaiveDate,
    to: NaiveDate,
    store: &Store,
    i18n: &I18n,
) -> Option<String> {
    let employees = store.employees();
    let department = employees.get(id).ok()?.data.department;
    if department.is_empty() {
        return None;
    }
    let leave = store.leave();
    let mut ids: Vec<i64> = leave
        .requests_between(from, to)
        .ok()?
        .into_iter()
        .filter(|r| r.is_live())
        .map(|r| r.employee_id)
        .chain(
            leave
                .sick_between(from, to)
                .ok()?
                .into_iter()
                .map(|(e, _, _)| e),
        )
        .filter(|e| *e != id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names: Vec<String> = ids
        .into_iter()
        .filter_map(|e| employees.get(e).ok())
        .filter(|e| e.data.department == department)
        .map(|e| e.data.full_name())
        .collect();
    if names.is_empty() {
        return Some(i18n.tf("leave_form.nobody_away", &[("department", &department)]));
    }
    Some(i18n.tf(
        "leave_form.also_away",
        &[("department", &department), ("names", &names.join(", "))],
    ))
}

/// The spell's checks against the person's other spells (`editing`: the one being changed, left
/// out), and the certificate-free days left, a possible relapse and, once the spell passes, its
/// guaranteed salary; the register and the rules are read once for both.
fn sick_review(
    id: i64,
    editing: Option<i64>,
    v: &SickSpellInput,
    store: &Store,
    i18n: &I18n,
) -> Review {
    let leave = store.leave();
    let (Ok(all), Ok(rules), Ok(employment)) =
        (leave.sick_spells(id), leave.rules(), leave.employment(id))
    else {
        return Review::default();
    };
    let others: Vec<(i64, SickSpell)> = all
        .into_iter()
        .filter(|(i, _)| Some(*i) != editing)
        .collect();
    let checked = v.validate(&others, &rules, employment);
    let spells: Vec<SickSpell> = others.iter().map(|(_, s)| s.clone()).collect();
    let errors = checked.as_ref().err().cloned().unwrap_or_default();
    let mut out = Vec::new();
    let Some(start) = parse_date(&v.start) else {
        return errors.into();
    };
    let year = start.year();
    out.push(i18n.tf(
        "leave_form.certificate_free",
        &[
            ("year", &year.to_string()),
            ("used", &certificate_free_used(&spells, year).to_string()),
            (
                "left",
                &certificate_free_remaining(&spells, &rules, year).to_string(),
            ),
        ],
    ));
    let cause = SickCause::from_code(&v.cause).unwrap_or(SickCause::Illness);
    if let Some(i) = possible_relapse(&spells, start, cause, &rules)
        && let Some(end) = spells[i].end
    {
        out.push(i18n.tf(
            "leave_form.possible_relapse",
            &[
                ("days", &(start - end).num_days().to_string()),
                ("end", &format_date(end)),
            ],
        ));
    }
    if let Ok(spell) = &checked
        && spell.cause.has_guaranteed_salary()
    {
        let pay = guaranteed_salary(spell, &relapse_chain(&others, spell), &rules);
        out.push(match pay.ends_on {
            Some(last) => i18n.tf(
                "leave_form.guaranteed_until",
                &[
                    ("date", &format_date(last)),
                    ("used", &pay.days_used_before.to_string()),
                ],
            ),
            None => i18n.t("leave_form.guaranteed_used_up"),
        });
    }
    Review { errors, notes: out }
}

/// The new week, and what it does to the balances and to leave already booked (a dry run).
fn schedule_notes(change: &ScheduleChange, store: &Store, i18n: &I18n) -> Vec<String> {
    let Ok(rules) = store.leave().rules() else {
        return Vec::new();
    };
    let s = &change.schedule;
    let mut out = vec![i18n.tf(
        "leave_form.schedule_week",
        &[
            ("old", &format_minutes(change.old_weekly)),
            ("new", &format_minutes(change.new_weekly)),
            (
                "fte",
                &format_fte(s.fte_permille(rules.full_time_weekly_minutes)),
            ),
        ],
    )];
    for ((bucket, before), (_, after)) in change.before.iter().zip(&change.after) {
        if before.remaining != after.remaining {
            out.push(i18n.tf(
                "leave_form.schedule_balance",
                &[
                    ("bucket", &i18n.choice(*bucket)),
                    // In hours: the day length is what changes.
                    ("before", &i18n.leave_amount(before.remaining, 0)),
                    ("after", &i18n.leave_amount(after.remaining, 0)),
                ],
            ));
        }
    }
    for r in &change.rebooked {
        out.push(i18n.tf(
            "leave_form.schedule_rebooked",
            &[
                ("from", &format_date(r.from)),
                ("to", &format_date(r.to)),
                ("before", &format_minutes(r.old_minutes)),
                ("after", &format_minutes(r.new_minutes)),
            ],
        ));
    }
    out
}

/// The bucket's remaining balance before and after the correction.
fn correction_notes(id: i64, v: &CorrectionInput, store: &Store, i18n: &I18n) -> Vec<String> {
    let Some((year, bucket, minutes)) = v.amount() else {
        return Vec::new();
    };
    let leave = store.leave();
    let today = store.clock().today();
    let day = leave.day_minutes(id, today).unwrap_or_default();
    let remaining = leave
        .balances(id, year)
        .unwrap_or_default()
        .into_iter()
        .find(|(b, _)| *b == bucket)
        .map(|(_, b)| b.remaining)
        .unwrap_or(0);
    vec![i18n.tf(
        "leave_form.correction_after",
        &[
            ("bucket", &i18n.choice(bucket)),
            ("year", &year.to_string()),
            ("before", &i18n.leave_amount(remaining, day)),
            ("after", &i18n.leave_amount(remaining + minutes, day)),
        ],
    )]
}
