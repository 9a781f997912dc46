//! The dossier's "Leave & absence" section: this year's balances (through the one domain balance
//! function, as everywhere), the year's leave and sickness, and the absence totals per type.

use chrono::{Datelike, NaiveDate};
use ratatui::text::{Line, Span};

use crate::domain::date::format_date;
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::leave::ledger::{Balance, Bucket, total};
use crate::domain::leave::request::{LeaveRequest, ShownStatus};
use crate::domain::leave::rules::day_in_year;
use crate::domain::leave::sickness::{
    SickSpell, absence_days, certificate_free_remaining, certificate_free_used,
};
use crate::domain::leave::totals::{TotalAmount, TypeTotal};
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::theme;

#[derive(Debug, Clone, Default)]
pub struct Absence {
    pub year: i32,
    pub today: NaiveDate,
    /// The person's average working day, the unit balances are shown in.
    pub day_minutes: u32,
    pub balances: Vec<(Bucket, Balance)>,
    pub requests: Vec<LeaveRequest>,
    pub types: Vec<LeaveType>,
    pub spells: Vec<SickSpell>,
    /// The store ids of `spells`, same order (to edit one).
    pub spell_ids: Vec<i64>,
    pub certificate_free: (u32, u32),
    /// The year's leave and sickness per type.
    pub totals: Vec<TypeTotal>,
}

impl Absence {
    /// This year's leave and absence.
    pub fn load(store: &Store, employee_id: i64) -> Result<Absence, StoreError> {
        Absence::load_year(store, employee_id, store.clock().today().year())
    }

    pub fn load_year(store: &Store, employee_id: i64, year: i32) -> Result<Absence, StoreError> {
        let leave = store.leave();
        let today = store.clock().today();
        let (spell_ids, spells): (Vec<i64>, Vec<SickSpell>) =
            leave.sick_spells(employee_id)?.into_iter().unzip();
        let rules = leave.rules()?;
        Ok(Absence {
            year,
            today,
            day_minutes: leave.day_minutes(employee_id, day_in_year(year, today))?,
            balances: leave.balances(employee_id, year)?,
            requests: leave
                .requests(employee_id)?
                .into_iter()
                .filter(|r| r.from.year() == year || r.to.year() == year)
                .collect(),
            types: leave.types()?,
            totals: leave.absence_totals(employee_id, year)?,
            certificate_free: (
                certificate_free_used(&spells, year),
                certificate_free_remaining(&spells, &rules, year),
            ),
            spells,
            spell_ids,
        })
    }

    /// The balance table: one line per bucket and a total, entitled/taken/planned/remaining.
    pub fn balance_lines(&self, i18n: &I18n) -> Vec<Line<'static>> {
        let amount = |m: i64| i18n.leave_amount(m, self.day_minutes);
        let mut out = vec![Line::from(Span::styled(
            format!(
                "{:<26}{:>12}{:>12}{:>12}{:>12}",
                format!("{} {}", i18n.t("section.leave"), self.year),
                i18n.t("col.entitled"),
                i18n.t("col.taken"),
                i18n.t("col.planned"),
                i18n.t("col.remaining")
            ),
            theme::header(),
        ))];
        if self.balances.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.no_balance"),
                theme::hint(),
            )));
        } else {
            let t = total(&self.balances);
            for (name, b) in self
                .balances
                .iter()
                .map(|(k, b)| (i18n.choice(*k), b))
                .chain(std::iter::once((i18n.t("col.total"), &t)))
            {
                out.push(Line::from(format!(
                    "{:<26}{:>12}{:>12}{:>12}{:>12}",
                    name,
                    amount(b.entitled + b.corrections),
                    amount(b.taken),
                    amount(b.planned),
                    amount(b.remaining)
                )));
            }
        }
        out
    }

    /// One request: dates, type, amount, status.
    pub fn request_text(&self, r: &LeaveRequest, i18n: &I18n) -> String {
        let (name, status) = self.request_words(r, i18n);
        format!(
            "{} – {}  {:<32} {:>10}  {}",
            format_date(r.from),
            format_date(r.to),
            name,
            i18n.leave_amount(i64::from(r.minutes), self.day_minutes),
            status
        )
    }

    /// A request's type name and status ("Taken" once approved leave is past), in the user's language.
    pub fn request_words(&self, r: &LeaveRequest, i18n: &I18n) -> (String, String) {
        let name = self
            .types
            .iter()
            .find(|t| t.id == r.type_id)
            .map(|t| t.name(i18n.lang.code()).to_string())
            .unwrap_or_default();
        let status = match r.shown_status(self.today) {
            ShownStatus::Taken => i18n.t("request_status.taken"),
            ShownStatus::Stored(s) => i18n.choice(s),
        };
        (name, status)
    }

    /// The spells with days in the year (or starting in it, if recorded ahead, e.g. a planned
    /// operation), with their index in `spells`.
    pub fn spells_in_year(&self) -> impl Iterator<Item = (usize, &SickSpell)> {
        self.spells.iter().enumerate().filter(|(_, s)| {
            absence_days(s, self.year, self.today) > 0 || s.start.year() == self.year
        })
    }

    /// One sickness spell: dates, cause, days in the year, certificate.
    pub fn spell_text(&self, s: &SickSpell, i18n: &I18n) -> String {
        let cert = match (s.certificate, s.certificate_free) {
            (Some(d), _) => i18n.tf("detail.certificate_on", &[("date", &format_date(d))]),
            (None, true) => i18n.t("field.certificate_free"),
            (None, false) => i18n.t("detail.certificate_missing"),
        };
        format!(
            "{} – {}  {:<32} {:>10}  {}",
            format_date(s.start),
            s.end.map(format_date).unwrap_or_else(|| "…".into()),
            i18n.choice(s.cause),
            i18n.tf(
                "detail.calendar_days",
                &[("days", &absence_days(s, self.year, self.today).to_string())]
            ),
            cert
        )
    }

    pub fn certificate_free_line(&self, i18n: &I18n) -> Line<'static> {
        Line::from(i18n.tf(
            "detail.certificate_free_days",
            &[
                ("used", &self.certificate_free.0.to_string()),
                ("left", &self.certificate_free.1.to_string()),
            ],
        ))
    }

    /// Absence by type in the year: leave in days and hours, sickness in calendar days.
    pub fn totals_lines(&self, i18n: &I18n) -> Vec<Line<'static>> {
        let lang = i18n.lang.code();
        let amount = |m: i64| i18n.leave_amount(m, self.day_minutes);
        let mut out = vec![Line::from(Span::styled(
            i18n.tf("detail.totals", &[("year", &self.year.to_string())]),
            theme::header(),
        ))];
        if self.totals.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.none"),
                theme::hint(),
            )));
        }
        for t in &self.totals {
            let name = self
                .types
                .iter()
                .find(|x| x.id == t.type_id)
                .map_or(t.code.as_str(), |x| x.name(lang));
            let total = match t.amount {
                TotalAmount::Minutes(m) => amount(i64::from(m)),
                TotalAmount::CalendarDays(d) => {
                    i18n.tf("detail.calendar_days", &[("days", &d.to_string())])
                }
            };
            // Under the type and amount columns of the requests above.
            out.push(Line::from(format!("{:25}{name:<32} {total:>10}", "")));
        }
        out
    }

    pub fn lines(&self, i18n: &I18n) -> Vec<Line<'static>> {
        let mut out = self.balance_lines(i18n);
        out.push(Line::from(""));
        for r in &self.requests {
            out.push(Line::from(self.request_text(r, i18n)));
        }
        for (_, s) in self.spells_in_year() {
            out.push(Line::from(Span::styled(
                self.spell_text(s, i18n),
                theme::label(),
            )));
        }
        out.push(Line::from(""));
        out.push(self.certificate_free_line(i18n));
        out.push(Line::from(""));
        out.extend(self.totals_lines(i18n));
        out
    }
}
