//! The company calendar: community days, bridge days, replacement days and collective closures.
//! Legal holidays are computed by the domain, never stored.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::LeaveRepo;
use crate::domain::choice::Choice;
use crate::domain::leave::holidays::{
    CompanyDay, CompanyDayInput, CompanyDayKind, HolidayCalendar, LegalHoliday,
    missing_replacements,
};
use crate::store::rows::{date, iso};
use crate::store::{Result, StoreError};

/// Setting key: the company's usual inactivity weekdays (0 = Monday … 6 = Sunday) in its full-time
/// regime, against which lost holidays are judged (BELGIAN-RULES.md §1).
pub const REST_DAYS: &str = "company_rest_days";

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RestDays(pub Vec<u32>);

impl Default for RestDays {
    fn default() -> Self {
        RestDays(vec![5, 6])
    }
}

impl RestDays {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.0.contains(&d.weekday().num_days_from_monday())
    }
}

impl LeaveRepo<'_> {
    pub fn company_days(&self) -> Result<Vec<CompanyDay>> {
        let mut st = self
            .store
            .conn()
            .prepare_cached("SELECT day, kind, name, replaces FROM company_days ORDER BY day")?;
        let rows = st.query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(CompanyDay {
                date: date(r.get(0)?).unwrap_or_default(),
                kind: CompanyDayKind::from_code(&kind).unwrap_or(CompanyDayKind::Community),
                name: r.get(2)?,
                replaces: date(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Legal holidays and the company's days: what every leave count uses.
    pub fn calendar(&self) -> Result<HolidayCalendar> {
        Ok(HolidayCalendar::new(self.company_days()?))
    }

    /// `year`'s legal holidays lost on a Sunday or a usual day off and not yet given a replacement day.
    pub fn lost_holidays(&self, year: i32) -> Result<Vec<(NaiveDate, LegalHoliday)>> {
        let rest = self.rest_days()?;
        Ok(missing_replacements(year, &self.company_days()?, |d| {
            rest.contains(d)
        }))
    }

    pub fn rest_days(&self) -> Result<RestDays> {
        self.store.settings().get(REST_DAYS)
    }

    pub fn add_company_day(&self, input: &CompanyDayInput) -> Result<CompanyDay> {
        let rest = self.rest_days()?;
        let day = input.validate(|d| rest.contains(d))?;
        day.check_against(&self.company_days()?, |d| rest.contains(d))?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO company_days (day, kind, name, replaces) VALUES (?1, ?2, ?3, ?4)",
                params![
                    iso(Some(day.date)),
                    day.kind.code(),
                    day.name,
                    iso(day.replaces)
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("company_day", id, None, "create", None::<&()>, Some(&day))?;
            Ok(day.clone())
        })
    }

    pub fn remove_company_day(&self, on: NaiveDate) -> Result<()> {
        let old = self
            .company_days()?
            .into_iter()
            .find(|c| c.date == on)
            .ok_or_else(|| {
                StoreError::NotFound(format!("company day {}", iso(Some(on)).unwrap_or_default()))
            })?;
        self.store.write(|tx| {
            let id: i64 = tx.conn.query_row(
                "SELECT id FROM company_days WHERE day = ?1",
                [iso(Some(on))],
                |r| r.get(0),
            )?;
            tx.conn
                .execute("DELETE FROM company_days WHERE id = ?1", [id])?;
            tx.audit("company_day", id, None, "delete", Some(&old), None::<&()>)
        })
    }
}
