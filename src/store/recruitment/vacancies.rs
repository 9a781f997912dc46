//! Vacancies with their criteria, channels and standard questions.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::super::rows::{choice, date, iso};
use super::super::{Result, StoreError, Tx};
use super::RecruitmentRepo;
use crate::domain::choice::Choice;
use crate::domain::recruitment::{
    ChannelPost, Criterion, Vacancy, VacancyData, VacancyInput, VacancyStatus,
};

/// One line of the vacancy list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VacancyRow {
    pub id: i64,
    pub title: String,
    pub department: String,
    pub status: VacancyStatus,
    pub positions: u32,
    pub filled: u32,
    /// Applications still in the procedure.
    pub active: u32,
    pub total: u32,
}

const COLUMNS: &str = "id, title, department, reports_to, contract, weekly_minutes, salary_min_cents, \
    salary_max_cents, start_wanted, positions, status, filled";

fn data(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, VacancyData, u32)> {
    Ok((
        r.get(0)?,
        VacancyData {
            title: r.get(1)?,
            department: r.get(2)?,
            reports_to: r.get(3)?,
            contract: choice(4, r.get(4)?)?,
            weekly_minutes: r.get(5)?,
            salary_min_cents: r.get(6)?,
            salary_max_cents: r.get(7)?,
            start_wanted: date(r.get(8)?),
            positions: r.get(9)?,
            status: choice(10, r.get(10)?)?,
        },
        r.get(11)?,
    ))
}

impl Tx<'_> {
    fn write_vacancy_lists(
        &self,
        id: i64,
        criteria: &[Criterion],
        channels: &[ChannelPost],
        questions: &[String],
    ) -> Result<()> {
        for (i, c) in criteria.iter().enumerate() {
            self.conn.execute(
                "INSERT INTO vacancy_criteria (vacancy_id, position, text, requirement, weight) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, i as i64, c.text, c.requirement.code(), c.weight],
            )?;
        }
        for c in channels {
            self.conn.execute(
                "INSERT INTO vacancy_channels (vacancy_id, channel, published_on, withdrawn_on) VALUES (?1, ?2, ?3, ?4)",
                params![id, c.channel.code(), iso(Some(c.published_on)), iso(c.withdrawn_on)],
            )?;
        }
        for (i, q) in questions.iter().enumerate() {
            self.conn.execute(
                "INSERT INTO vacancy_questions (vacancy_id, position, text) VALUES (?1, ?2, ?3)",
                params![id, i as i64, q],
            )?;
        }
        Ok(())
    }
}

fn check_lists(channels: &[ChannelPost], questions: &[String]) -> Result<Vec<String>> {
    for c in channels {
        c.clone().validate()?;
    }
    let mut out = Vec::new();
    for q in questions {
        out.push(
            crate::domain::employee::required_text("question", q, 200).map_err(|e| {
                StoreError::Invalid(crate::domain::error::ValidationErrors(vec![e]))
            })?,
        );
    }
    Ok(out)
}

impl RecruitmentRepo<'_> {
    /// Stores a new vacancy with its profile, channels and questions in one transaction.
    pub fn add_vacancy(
        &self,
        input: &VacancyInput,
        criteria: &[Criterion],
        channels: &[ChannelPost],
        questions: &[String],
    ) -> Result<Vacancy> {
        let d = input.validate()?;
        let questions = check_lists(channels, questions)?;
        let today = self.store.clock().today();
        let id = self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO vacancies (title, department, reports_to, contract, weekly_minutes, salary_min_cents,
                 salary_max_cents, start_wanted, positions, status, created_on, closed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    d.title, d.department, d.reports_to, d.contract.code(), d.weekly_minutes,
                    d.salary_min_cents, d.salary_max_cents, iso(d.start_wanted), d.positions,
                    d.status.code(), iso(Some(today)), iso(d.status.is_closed().then_some(today))
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.write_vacancy_lists(id, criteria, channels, &questions)?;
            tx.audit("vacancy", id, None, "create", None::<&()>, Some(&d))?;
            Ok(id)
        })?;
        self.vacancy(id)
    }

    /// Edits the vacancy's own fields (not its lists). Closing it (filled, cancelled) ends the
    /// procedure for candidates still in it, which starts their retention period.
    pub fn update_vacancy(&self, id: i64, input: &VacancyInput) -> Result<Vacancy> {
        let old = self.vacancy(id)?;
        let d = input.validate()?;
        let today = self.store.clock().today();
        let policy = self.retention()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE vacancies SET title = ?2, department = ?3, reports_to = ?4, contract = ?5, weekly_minutes = ?6,
                 salary_min_cents = ?7, salary_max_cents = ?8, start_wanted = ?9, positions = ?10, status = ?11,
                 closed_on = CASE WHEN ?12 THEN coalesce(closed_on, ?13) END WHERE id = ?1",
                params![
                    id, d.title, d.department, d.reports_to, d.contract.code(), d.weekly_minutes,
                    d.salary_min_cents, d.salary_max_cents, iso(d.start_wanted), d.positions,
                    d.status.code(), d.status.is_closed(), iso(Some(today))
                ],
            )?;
            tx.audit("vacancy", id, None, "update", Some(&old.data), Some(&d))?;
            if old.data.status.is_closed() != d.status.is_closed() {
                tx.refresh_vacancy_retention(id, &policy)?;
            }
            Ok(())
        })?;
        self.vacancy(id)
    }

    pub fn vacancy(&self, id: i64) -> Result<Vacancy> {
        let conn = self.store.conn();
        let (id, data, filled) = conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM vacancies WHERE id = ?1"),
                [id],
                data,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("vacancy #{id}")))?;
        let mut st = conn.prepare_cached(
            "SELECT id, text, requirement, weight FROM vacancy_criteria WHERE vacancy_id = ?1 ORDER BY position, id",
        )?;
        let criteria = st
            .query_map([id], |r| {
                Ok(Criterion {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    requirement: choice(2, r.get(2)?)?,
                    weight: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut st = conn.prepare_cached(
            "SELECT id, channel, published_on, withdrawn_on FROM vacancy_channels WHERE vacancy_id = ?1 ORDER BY published_on, id",
        )?;
        let channels = st
            .query_map([id], |r| {
                Ok(ChannelPost {
                    id: r.get(0)?,
                    channel: choice(1, r.get(1)?)?,
                    published_on: date(r.get(2)?).unwrap_or_default(),
                    withdrawn_on: date(r.get(3)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut st = conn.prepare_cached(
            "SELECT text FROM vacancy_questions WHERE vacancy_id = ?1 ORDER BY position, id",
        )?;
        let questions = st
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Vacancy {
            id,
            data,
            filled,
            criteria,
            channels,
            questions,
        })
    }

    /// Vacancies, open ones first; closed ones (filled, cancelled) only with `all`.
    pub fn vacancies(&self, all: bool) -> Result<Vec<VacancyRow>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT v.id, v.title, v.department, v.status, v.positions, v.filled,
                    (SELECT count(*) FROM applications a WHERE a.vacancy_id = v.id AND a.ended_on IS NULL),
                    (SELECT count(*) FROM applications a WHERE a.vacancy_id = v.id)
             FROM vacancies v WHERE ?1 OR v.status NOT IN ('filled', 'cancelled')
             ORDER BY CASE v.status WHEN 'open' THEN 0 WHEN 'on_hold' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END, v.id DESC",
        )?;
        Ok(st
            .query_map([all], |r| {
                Ok(VacancyRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    department: r.get(2)?,
                    status: choice(3, r.get(3)?)?,
                    positions: r.get(4)?,
                    filled: r.get(5)?,
                    active: r.get(6)?,
                    total: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
