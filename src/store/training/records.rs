//! Training records (from sessions, or entered by hand), the individual training right, and the
//! rows of the yearly social balance report.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use rusqlite::{Row, params};
use serde::Serialize;

use super::TrainingRepo;
use crate::domain::choice::Choice;
use crate::domain::error::FieldError;
use crate::domain::reports::Person;
use crate::domain::today::PersonRef;
use crate::domain::training::TrainingKind;
use crate::domain::training::balance::{BalanceRow, TrainingBalance, training_balance};
use crate::domain::training::certificate::{RecordData, RecordInput, TrainingRecord};
use crate::domain::training::right::{FtePeriod, TrainingRight, right};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError, Tx};

pub(super) const RECORD_COLUMNS: &str = "r.id, r.employee_id, r.course_id, r.title, r.kind, r.from_day, r.to_day, \
    r.minutes, r.cost_cents, r.certificate, r.expires, r.counts_for_right, r.session_id";

pub(super) fn record(r: &Row<'_>) -> rusqlite::Result<TrainingRecord> {
    Ok(TrainingRecord {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        data: RecordData {
            course_id: r.get(2)?,
            title: r.get(3)?,
            kind: choice::<TrainingKind>(4, r.get(4)?)?,
            from: date(r.get(5)?).unwrap_or_default(),
            to: date(r.get(6)?).unwrap_or_default(),
            minutes: r.get(7)?,
            cost_cents: r.get(8)?,
            certificate: r.get(9)?,
            expires: date(r.get(10)?),
            counts_for_right: r.get(11)?,
            session_id: r.get(12)?,
        },
    })
}

/// One person's training right in a year, for the company list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RightLine {
    pub person: PersonRef,
    pub department: String,
    pub right: TrainingRight,
}

impl Tx<'_> {
    pub(in crate::store) fn insert_record(&self, employee_id: i64, d: &RecordData) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO training_records (employee_id, course_id, session_id, title, kind, from_day, to_day,
             minutes, cost_cents, certificate, expires, counts_for_right)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                employee_id,
                d.course_id,
                d.session_id,
                d.title,
                d.kind.code(),
                iso(Some(d.from)),
                iso(Some(d.to)),
                d.minutes,
                d.cost_cents,
                d.certificate,
                iso(d.expires),
                d.counts_for_right
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.audit(
            "training_record",
            id,
            Some(employee_id),
            "create",
            None::<&()>,
            Some(d),
        )?;
        Ok(id)
    }
}

/// Periods of one FTE over `year`, read from the person's schedule day by day and merged.
pub(in crate::store) fn fte_periods(p: &Person, year: i32, full_time: u32) -> Vec<FtePeriod> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or_default()
        .max(p.start);
    let last = NaiveDate::from_ymd_opt(year, 12, 31)
        .unwrap_or_default()
        .min(p.end.unwrap_or(NaiveDate::MAX));
    let mut out: Vec<FtePeriod> = Vec::new();
    let mut day = first;
    while day <= last {
        // Without any schedule or contract the person counts as full time: the law's default.
        let fte = p.fte_permille_on(day, full_time).unwrap_or(1000).min(1000);
        match out.last_mut() {
            Some(prev) if prev.fte_permille == fte => prev.to = Some(day),
            _ => out.push(FtePeriod {
                from: day,
                to: Some(day),
                fte_permille: fte,
            }),
        }
        day += Duration::days(1);
    }
    out
}

impl TrainingRepo<'_> {
    /// Records a course followed (entered by hand, e.g. a certificate obtained elsewhere).
    pub fn add_record(&self, employee_id: i64, d: &RecordData) -> Result<i64> {
        self.store.write(|tx| tx.insert_record(employee_id, d))
    }

    /// Checks a record typed by hand; a catalogue course (its id in `course`) fills the title, kind,
    /// hours, cost and certificate validity left empty. Nothing is written.
    pub fn check_record(&self, input: &RecordInput) -> Result<RecordData> {
        let course = match input.course.trim().trim_start_matches('#') {
            "" => None,
            t => match t.parse::<i64>().ok().map(|id| self.course(id)) {
                Some(Ok(c)) => Some(c),
                _ => {
                    let mut e = input.validate(None).err().unwrap_or_default();
                    e.0.retain(|f| f.field != "title" && f.field != "duration");
                    e.push(
                        FieldError::new("course", "err.training_course_unknown")
                            .arg("value", input.course.trim()),
                    );
                    return Err(StoreError::Invalid(e));
                }
            },
        };
        Ok(input.validate(course.as_ref())?)
    }

    /// Records a course followed elsewhere, or a certificate obtained outside, as typed.
    pub fn add_record_input(&self, employee_id: i64, input: &RecordInput) -> Result<i64> {
        let d = self.check_record(input)?;
        self.store.employees().get(employee_id)?;
        self.add_record(employee_id, &d)
    }

    /// A person's training records, latest first.
    pub fn records(&self, employee_id: i64) -> Result<Vec<TrainingRecord>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM training_records r WHERE r.employee_id = ?1 ORDER BY r.from_day DESC, r.id DESC"
        ))?;
        let rows = st.query_map([employee_id], record)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Workers the company counts for the training right in `year`: the setting, else the people
    /// employed on 1 January (agency workers are not the company's).
    pub fn workers(&self, year: i32) -> Result<u32> {
        if let Some(n) = self.settings()?.workers {
            return Ok(n);
        }
        let jan1 = iso(NaiveDate::from_ymd_opt(year, 1, 1));
        Ok(self.store.conn().query_row(
            "SELECT count(*) FROM employees WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1)
             AND category <> 'agency'",
            [jan1],
            |r| r.get(0),
        )?)
    }

    /// Minutes followed in `year` that count for the right, per person.
    fn minutes_followed(&self, year: i32, employee_id: Option<i64>) -> Result<HashMap<i64, i64>> {
        // One person's records through their own index; everyone's through the day index (an
        // `?3 IS NULL OR employee_id = ?3` in one statement would walk the whole year for one).
        let mut st = self.store.conn().prepare_cached(if employee_id.is_some() {
            "SELECT employee_id, sum(minutes) FROM training_records
             WHERE employee_id = ?3 AND counts_for_right = 1 AND to_day BETWEEN ?1 AND ?2
             GROUP BY employee_id"
        } else {
            "SELECT employee_id, sum(minutes) FROM training_records
             WHERE counts_for_right = 1 AND to_day BETWEEN ?1 AND ?2 AND ?3 IS NULL
             GROUP BY employee_id"
        })?;
        let rows = st.query_map(
            params![
                format!("{year:04}-01-01"),
                format!("{year:04}-12-31"),
                employee_id
            ],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }

    /// One person's training right in `year`.
    pub fn right(&self, employee_id: i64, year: i32) -> Result<TrainingRight> {
        let settings = self.settings()?;
        let workers = self.workers(year)?;
        let full_time = self.store.leave().rules()?.full_time_weekly_minutes;
        let person = self.person(employee_id)?;
        let followed = self.minutes_followed(year, Some(employee_id))?;
        Ok(right(
            year,
            workers,
            &settings,
            &fte_periods(&person, year, full_time),
            followed.get(&employee_id).copied().unwrap_or(0),
        ))
    }

    /// Everyone employed in `year` with their right, by name.
    pub fn rights(&self, year: i32) -> Result<Vec<RightLine>> {
        let settings = self.settings()?;
        let workers = self.workers(year)?;
        let full_time = self.store.leave().rules()?.full_time_weekly_minutes;
        let followed = self.minutes_followed(year, None)?;
        let (first, last) = (
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
        );
        Ok(self
            .store
            .reports()
            .people()?
            .into_iter()
            .filter(|p| p.start <= last && p.end.is_none_or(|e| e >= first))
            .map(|p| {
                let r = right(
                    year,
                    workers,
                    &settings,
                    &fte_periods(&p, year, full_time),
                    followed.get(&p.id).copied().unwrap_or(0),
                );
                RightLine {
                    person: PersonRef {
                        id: p.id,
                        number: p.number.clone(),
                        name: p.name.clone(),
                    },
                    department: p.department.clone(),
                    right: r,
                }
            })
            .collect())
    }

    /// One person as the reports see them (contracts and schedule history).
    fn person(&self, employee_id: i64) -> Result<Person> {
        let d = self.store.employees().dossier(employee_id)?;
        let e = &d.employee.data;
        Ok(Person {
            id: employee_id,
            number: e.number.clone(),
            name: e.display_name(),
            department: e.department.clone(),
            category: e.category,
            sex: e.sex,
            birth_date: e.birth_date,
            start: e.start_date,
            end: d.departure.as_ref().map(|x| x.end_date),
            schedules: self.store.leave().schedules(employee_id)?,
            contracts: d.contracts,
        })
    }

    /// The social balance sheet's training section for `year`.
    pub fn balance(&self, year: i32) -> Result<TrainingBalance> {
        let full_time = self.store.leave().rules()?.full_time_weekly_minutes;
        let people: HashMap<i64, Person> = self
            .store
            .reports()
            .people()?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut st = self.store.conn().prepare_cached(
            "SELECT employee_id, kind, minutes, cost_cents FROM training_records WHERE to_day BETWEEN ?1 AND ?2",
        )?;
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        let rows = st.query_map(
            params![format!("{year:04}-01-01"), format!("{year:04}-12-31")],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    choice::<TrainingKind>(1, r.get(1)?)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, minutes, cost_cents) = row?;
            let Some(p) = people.get(&id) else { continue };
            let on = p.end.map_or(year_end, |e| e.min(year_end));
            out.push(BalanceRow {
                employee_id: id,
                sex: p.sex,
                fte_permille: p.fte_permille_on(on, full_time).unwrap_or(1000).min(1000),
                kind,
                minutes,
                cost_cents,
            });
        }
        Ok(training_balance(year, &out))
    }
}
