//! A year of leave and sickness for the demo company, so the leave screens and the calendar show a
//! living company: entitlements allocated, summer holidays, single days and half days taken, a few
//! requests waiting, small leave, sickness spells (last winter's too; one still running, one
//! certificate missing), a work accident, and the company calendar's own days. Everything goes through the same repository calls
//! (and checks) as the assistant's own input; a period the rules refuse is simply left out.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::rows::date;
use super::{Result, Store};
use crate::domain::date::format_date;
use crate::domain::input::TextInput;
use crate::domain::leave::entitlement::{legal_days_five_day, months_worked};
use crate::domain::leave::holidays::{CompanyDayInput, default_replacement, missing_replacements};
use crate::domain::leave::request::LeaveRequestInput;
use crate::domain::leave::schedule::ScheduleInput;
use crate::domain::leave::sickness::SickSpellInput;

/// The next Monday on or after `d`.
fn monday_from(d: NaiveDate) -> NaiveDate {
    let mut d = d;
    while d.weekday() != Weekday::Mon {
        d += Duration::days(1);
    }
    d
}

impl Store {
    /// Fills the leave side for the people already loaded (employees only, no leave yet).
    pub fn load_demo_leave(&self, today: NaiveDate) -> Result<()> {
        let leave = self.leave();
        let year = today.year();
        let rest = leave.rest_days()?;
        // The company calendar: 11 July for the Flemish staff, and this year's lost holidays replaced.
        // Next year's replacements are left open on purpose: the assistant gets the 15 December reminder.
        if let Some(d) = NaiveDate::from_ymd_opt(year, 7, 11) {
            let _ = leave.add_company_day(&CompanyDayInput {
                date: format_date(d),
                kind: "community".into(),
                name: "Feest van de Vlaamse Gemeenschap".into(),
                replaces: String::new(),
            });
        }
        for (lost, _) in missing_replacements(year, &leave.company_days()?, |d| rest.contains(d)) {
            if let Some(day) =
                default_replacement(lost, &leave.company_days()?, |d| rest.contains(d))
            {
                let _ = leave.add_company_day(&CompanyDayInput {
                    date: format_date(day),
                    kind: "replacement".into(),
                    name: String::new(),
                    replaces: format_date(lost),
                });
            }
        }
        // Everyone still employed: id, first day, and whether an arbeider.
        let people: Vec<(i64, NaiveDate, bool)> = {
            let mut st = self.conn().prepare(
                "SELECT id, start_date, category = 'blue_collar' FROM employees
                 WHERE status <> 'left' ORDER BY id",
            )?;
            st.query_map([], |r| {
                Ok((r.get(0)?, date(r.get(1)?).unwrap_or(today), r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        // Arbeiders' legal days come from the holiday fund's certificate: type in what the fund would
        // have computed from the months they worked last year.
        for (id, start, _) in people.iter().filter(|p| p.2) {
            let months = months_worked(year - 1, &[(*start, None)], &[]);
            leave.set_fund_days(*id, year, legal_days_five_day(months))?;
        }
        // The usual Belgian 4/5: four full days, here with Wednesday off (Lotte in USER-DAY.md). Recorded
        // from the contract that started it, so her leave counts her real days, not 6h05 every day.
        let four_fifths: Vec<(i64, NaiveDate)> = {
            let mut st = self.conn().prepare(
                "SELECT employee_id, start_date FROM contracts
                 WHERE end_date IS NULL AND weekly_minutes * 5 = full_time_minutes * 4",
            )?;
            st.query_map([], |r| Ok((r.get(0)?, date(r.get(1)?).unwrap_or(today))))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, from) in four_fifths {
            let mut week = ScheduleInput {
                from: format_date(from),
                ..Default::default()
            };
            for day in ["mon", "tue", "thu", "fri"] {
                week.set(day, "7h36".into());
            }
            leave.change_schedule(id, &week, false)?;
        }
        // Nadia (full-time contract, a daughter of one) takes parental leave as one day a week off
        // since two months: a schedule, not a new contract, so the dossier shows both FTEs.
        let parental: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM employees WHERE first_name = 'Nadia' AND last_name = 'Bouzidi'",
                [],
                |r| r.get(0),
            )
            .ok();
        if let Some(id) = parental {
            let from = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)
                .and_then(|d| d.checked_sub_months(chrono::Months::new(2)))
                .unwrap_or(today);
            let mut week = ScheduleInput {
                from: format_date(from),
                ..Default::default()
            };
            for day in ["mon", "tue", "wed", "thu"] {
                week.set(day, "7h36".into());
            }
            leave.change_schedule(id, &week, false)?;
        }
        leave.allocate_year(year, false)?;

        let jan = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        let add =
            |id: i64, kind: &str, from: NaiveDate, to: NaiveDate, part: &str, status: &str| {
                let input = LeaveRequestInput {
                    leave_type: kind.into(),
                    from: format_date(from),
                    to: format_date(to),
                    part: part.into(),
                    status: status.into(),
                    ..Default::default()
                };
                // Refused periods (before a starter's first day, over the balance…) are left out.
                let _ = leave.add_request(id, &input, "en");
            };
        for (n, (id, start, _)) in people.iter().enumerate() {
            let n = n as i64;
            // Summer: two weeks somewhere between early July and late August.
            let summer = monday_from(
                NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(jan) + Duration::weeks(n % 7),
            );
            add(
                *id,
                "legal",
                summer,
                summer + Duration::days(11),
                "full",
                "approved",
            );
            // Single days spread over the year, one of them a half day.
            for (k, part) in [(0, "full"), (1, "am"), (2, "full")] {
                let day = jan + Duration::days(20 + (n * 13 + k * 97) % 300);
                add(*id, "legal", day, day, part, "approved");
            }
            // Christmas week: asked, not yet approved.
            if n % 3 == 0 {
                let from = NaiveDate::from_ymd_opt(year, 12, 28).unwrap_or(today);
                add(
                    *id,
                    "legal",
                    from,
                    from + Duration::days(3),
                    "full",
                    "requested",
                );
            }
            if n % 9 == 4 {
                let day = jan + Duration::days(60 + n * 5);
                add(*id, "small_funeral", day, day, "full", "approved");
            }
            // Sickness: a short spell with a certificate for some, a certificate-free day for others.
            if n % 5 == 1 {
                let s = (jan + Duration::days(40 + n * 7)).max(*start);
                let spell = SickSpellInput {
                    start: format_date(s),
                    end: format_date(s + Duration::days(2)),
                    certificate: format_date(s + Duration::days(1)),
                    ..Default::default()
                };
                let _ = leave.save_sick_spell(*id, &spell, None);
            }
            if n % 6 == 2 {
                let s = monday_from(jan + Duration::days(150 + n * 3)).max(*start);
                let spell = SickSpellInput {
                    start: format_date(s),
                    end: format_date(s),
                    certificate_free: "yes".into(),
                    ..Default::default()
                };
                let _ = leave.save_sick_spell(*id, &spell, None);
            }
        }
        // Last winter's colds and flu: a few days in December or January for every fourth person, so
        // a year of absenteeism in the Reports tab has its winter peak.
        for (n, (id, start, _)) in people.iter().enumerate().filter(|(n, _)| n % 4 == 3) {
            let n = n as i64;
            let s = NaiveDate::from_ymd_opt(year - 1, 12, 1).unwrap_or(jan)
                + Duration::days(n * 5 % 55);
            if s < *start {
                continue;
            }
            let spell = SickSpellInput {
                start: format_date(s),
                end: format_date(s + Duration::days(1 + n % 4)),
                certificate: format_date(s),
                ..Default::default()
            };
            let _ = leave.save_sick_spell(*id, &spell, None);
        }
        // Someone ill since last week without a certificate yet, someone back from a work accident.
        if let Some((id, _, _)) = people.get(5) {
            let s = today - Duration::days(6);
            let spell = SickSpellInput {
                start: format_date(s),
                expected_return: format_date(today + Duration::days(8)),
                ..Default::default()
            };
            let _ = leave.save_sick_spell(*id, &spell, None);
        }
        if let Some((id, _, _)) = people.get(11) {
            let s = monday_from(NaiveDate::from_ymd_opt(year, 9, 7).unwrap_or(today));
            let spell = SickSpellInput {
                start: format_date(s),
                end: format_date(s + Duration::days(17)),
                cause: "work_accident".into(),
                certificate: format_date(s + Duration::days(1)),
                note: "Hand injury at the press brake; insurer informed".into(),
                ..Default::default()
            };
            let _ = leave.save_sick_spell(*id, &spell, None);
        }
        Ok(())
    }
}
