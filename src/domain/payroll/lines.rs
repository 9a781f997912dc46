//! The month as lines for the social secretariat: one line per person and variable, in the one
//! export layout (README "Monthly payroll variables"). Lines are also what an export keeps, so a
//! later change to an exported month shows as correction lines: what the figures say now minus what
//! was sent, per person and variable.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::figures::{Change, EmployeeMonth};
use super::month::PayMonth;
use super::settings::{PayrollSettings, Unit};
use crate::choice_enum;

choice_enum!(
    /// What a line counts.
    LineKind, "pay_line" {
        /// Days and hours worked.
        Worked => "worked",
        /// Legal holidays and paid company days on scheduled days.
        Holiday => "holiday",
        /// Leave or sickness, in hours, under its payroll code.
        Absence => "absence",
        /// Sickness within the employer's guaranteed salary.
        GuaranteedSalary => "guaranteed_salary",
        /// A hand entry: amount, hours or days.
        Item => "item",
        MealVouchers => "meal_vouchers",
        Commuting => "commuting",
        /// A starter, leaver, schedule, salary or contract change (days = 1).
        Change => "change",
    }
);

/// One line of the export. Quantities are signed, so a correction can take back what was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayLine {
    pub employee_id: i64,
    /// The month the figure belongs to (an earlier one on a correction line).
    pub for_month: PayMonth,
    pub kind: LineKind,
    /// Payroll (DmfA) code of an absence; empty for other lines.
    pub code: String,
    /// The leave type, item or change the line is about; empty for worked, holiday, vouchers, commuting.
    pub what: String,
    /// The date of a change.
    pub date: Option<NaiveDate>,
    pub days: i64,
    pub minutes: i64,
    pub cents: i64,
    pub km: i64,
    pub note: String,
}

impl PayLine {
    fn new(m: &EmployeeMonth, kind: LineKind) -> PayLine {
        PayLine {
            employee_id: m.employee_id,
            for_month: m.month,
            kind,
            code: String::new(),
            what: String::new(),
            date: None,
            days: 0,
            minutes: 0,
            cents: 0,
            km: 0,
            note: String::new(),
        }
    }

    /// What makes two lines the same variable: a correction compares lines with the same key.
    fn key(&self) -> (i64, PayMonth, LineKind, &str, &str, Option<NaiveDate>) {
        (
            self.employee_id,
            self.for_month,
            self.kind,
            &self.code,
            &self.what,
            self.date,
        )
    }

    fn is_zero(&self) -> bool {
        self.days == 0 && self.minutes == 0 && self.cents == 0 && self.km == 0
    }
}

/// The lines of one person's month, in the layout's order. Every person employed in the month has
/// a worked line, even with nothing worked, so the secretariat sees everyone it pays.
pub fn lines(m: &EmployeeMonth, settings: &PayrollSettings) -> Vec<PayLine> {
    let mut out = Vec::new();
    let mut worked = PayLine::new(m, LineKind::Worked);
    worked.days = i64::from(m.worked_days);
    worked.minutes = i64::from(m.worked_minutes);
    out.push(worked);
    if m.holiday_days > 0 {
        let mut l = PayLine::new(m, LineKind::Holiday);
        l.days = i64::from(m.holiday_days);
        l.minutes = i64::from(m.holiday_minutes);
        out.push(l);
    }
    for a in &m.absences {
        let kind = if a.guaranteed {
            LineKind::GuaranteedSalary
        } else {
            LineKind::Absence
        };
        let mut l = PayLine::new(m, kind);
        l.code = a.code.clone();
        l.what = a.leave_type.clone();
        l.days = i64::from(a.days);
        l.minutes = i64::from(a.minutes);
        out.push(l);
    }
    // Hand entries of one item add up to one line; their notes are kept side by side.
    let mut items: Vec<PayLine> = Vec::new();
    for e in &m.entries {
        let unit = settings.item(&e.item).map_or(Unit::Amount, |i| i.unit);
        let i = match items.iter().position(|l| l.what == e.item) {
            Some(i) => i,
            None => {
                let mut l = PayLine::new(m, LineKind::Item);
                l.what = e.item.clone();
                items.push(l);
                items.len() - 1
            }
        };
        let l = &mut items[i];
        match unit {
            Unit::Amount => l.cents += e.quantity,
            Unit::Hours => l.minutes += e.quantity,
            Unit::Days => l.days += e.quantity,
        }
        if !e.note.is_empty() {
            if !l.note.is_empty() {
                l.note.push_str("; ");
            }
            l.note.push_str(&e.note);
        }
    }
    out.extend(items);
    if m.meal_vouchers > 0 {
        let mut l = PayLine::new(m, LineKind::MealVouchers);
        l.days = i64::from(m.meal_vouchers);
        out.push(l);
    }
    if m.commuting_days > 0 {
        let mut l = PayLine::new(m, LineKind::Commuting);
        l.days = i64::from(m.commuting_days);
        l.km = i64::from(m.commuting_km.unwrap_or(0));
        out.push(l);
    }
    for c in &m.changes {
        let mut l = PayLine::new(m, LineKind::Change);
        l.what = c.code().to_string();
        l.date = Some(c.on());
        l.days = 1;
        match c {
            Change::Schedule { weekly_minutes, .. } => l.minutes = i64::from(*weekly_minutes),
            Change::Salary { after, .. } => l.cents = after.unwrap_or(0),
            Change::Contract { kind, .. } => {
                l.note = crate::domain::choice::Choice::code(*kind).to_string()
            }
            _ => {}
        }
        out.push(l);
    }
    out
}

/// The correction lines for what changed since an export: `now` minus `sent` per variable, in the
/// order of `now` (variables that disappeared follow, taken back in full). `sent` may hold an
/// export and earlier corrections of the same months: they add up to what the secretariat has.
pub fn corrections(now: &[PayLine], sent: &[PayLine]) -> Vec<PayLine> {
    let mut had: HashMap<_, PayLine> = HashMap::new();
    let mut order = Vec::new();
    for l in sent {
        match had.get_mut(&l.key()) {
            Some(h) => {
                h.days += l.days;
                h.minutes += l.minutes;
                h.cents += l.cents;
                h.km += l.km;
            }
            None => {
                order.push(l.key());
                had.insert(l.key(), l.clone());
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for l in now {
        seen.insert(l.key());
        let mut d = l.clone();
        if let Some(h) = had.get(&l.key()) {
            d.days -= h.days;
            d.minutes -= h.minutes;
            d.cents -= h.cents;
            d.km -= h.km;
        }
        if !d.is_zero() {
            out.push(d);
        }
    }
    for key in order {
        if seen.contains(&key) {
            continue;
        }
        let h = &had[&key];
        let gone = PayLine {
            days: -h.days,
            minutes: -h.minutes,
            cents: -h.cents,
            km: -h.km,
            note: String::new(),
            ..h.clone()
        };
        if !gone.is_zero() {
            out.push(gone);
        }
    }
    out
}
