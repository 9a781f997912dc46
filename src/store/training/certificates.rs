//! Certificates that expire (read through the expiry index, in a window) and mandatory
//! certificates missing for someone's job.

use chrono::{Duration, NaiveDate};
use rusqlite::params;
use serde::Serialize;

use super::records::{RECORD_COLUMNS, record};
use super::{PERSON, TrainingRepo, person_at};
use crate::domain::today::PersonRef;
use crate::domain::training::certificate::{CertState, TrainingRecord};
use crate::domain::training::course::Course;
use crate::store::Result;
use crate::store::rows::{date, iso};

/// A certificate expiring or expired, with who holds it and whether a session is planned for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateDue {
    pub person: PersonRef,
    pub job_title: String,
    pub record: TrainingRecord,
    pub expires: NaiveDate,
    pub state: CertState,
    /// First day of an upcoming session of the same course the person is enrolled on (or waiting for).
    pub planned: Option<NaiveDate>,
}

/// A mandatory certificate someone's job needs and they never obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingCertificate {
    pub person: PersonRef,
    pub job_title: String,
    pub course_id: i64,
    pub course: String,
    pub planned: Option<NaiveDate>,
}

impl TrainingRepo<'_> {
    /// Current certificates (not replaced by a later one of the same course) of people still
    /// employed that expire by `today + days`, earliest first; at most `limit`.
    pub fn expiring(
        &self,
        today: NaiveDate,
        days: i64,
        limit: usize,
    ) -> Result<Vec<CertificateDue>> {
        let until = today + Duration::days(days);
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS}, e.job_title, {PERSON} FROM training_records r
             JOIN employees e ON e.id = r.employee_id
             WHERE r.expires IS NOT NULL AND r.expires <= ?1 AND e.status <> 'left'
               AND NOT EXISTS (SELECT 1 FROM training_records n WHERE n.employee_id = r.employee_id
                   AND n.expires > r.expires
                   AND ((r.course_id IS NOT NULL AND n.course_id = r.course_id)
                        OR (r.course_id IS NULL AND n.course_id IS NULL AND n.title = r.title)))
             ORDER BY r.expires, r.id LIMIT ?2"
        ))?;
        let rows = st.query_map(params![iso(Some(until)), limit as i64], |r| {
            Ok((record(r)?, r.get::<_, String>(13)?, person_at(r, 14)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (rec, job_title, person) = row?;
            let expires = rec.data.expires.unwrap_or(until);
            let planned = match rec.data.course_id {
                Some(c) => self.planned_after(person.id, c, today, rec.data.session_id)?,
                None => None,
            };
            out.push(CertificateDue {
                state: CertState::of(expires, today, days),
                person,
                job_title,
                record: rec,
                expires,
                planned,
            });
        }
        Ok(out)
    }

    /// The first day of an upcoming session of `course_id` the person is on.
    pub fn planned_for(
        &self,
        employee_id: i64,
        course_id: i64,
        today: NaiveDate,
    ) -> Result<Option<NaiveDate>> {
        self.planned_after(employee_id, course_id, today, None)
    }

    /// Like [`Self::planned_for`], leaving out the session a certificate came from.
    fn planned_after(
        &self,
        employee_id: i64,
        course_id: i64,
        today: NaiveDate,
        except: Option<i64>,
    ) -> Result<Option<NaiveDate>> {
        let d: Option<String> = self.store.conn().query_row(
            "SELECT min(s.first_day) FROM training_enrolments en JOIN training_sessions s ON s.id = en.session_id
             WHERE en.employee_id = ?1 AND s.course_id = ?2 AND en.status <> 'cancelled' AND s.last_day >= ?3
               AND s.id IS NOT ?4",
            params![employee_id, course_id, iso(Some(today)), except],
            |r| r.get(0),
        )?;
        Ok(date(d))
    }

    /// People still employed whose job needs a course's certificate they never obtained; at most
    /// `limit`. Job titles are matched the way the domain does (accents and case ignored), on the
    /// distinct titles first, so only the people with a matching title are read.
    pub fn missing_certificates(
        &self,
        today: NaiveDate,
        limit: usize,
    ) -> Result<Vec<MissingCertificate>> {
        let courses: Vec<Course> = self
            .courses()?
            .into_iter()
            .filter(|c| !c.data.mandatory_for.is_empty())
            .collect();
        if courses.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.store.conn();
        let mut st =
            conn.prepare_cached("SELECT DISTINCT job_title FROM employees WHERE job_title <> ''")?;
        let titles = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::new();
        let mut people = conn.prepare_cached(&format!(
            "SELECT e.job_title, {PERSON} FROM employees e
             WHERE e.job_title = ?1 AND e.status <> 'left' AND e.start_date <= ?3
               AND NOT EXISTS (SELECT 1 FROM training_records r WHERE r.employee_id = e.id AND r.course_id = ?2)
             ORDER BY e.sort_name LIMIT ?4"
        ))?;
        for c in &courses {
            for t in titles.iter().filter(|t| c.data.is_mandatory_for(t)) {
                let rows = people
                    .query_map(params![t, c.id, iso(Some(today)), limit as i64], |r| {
                        Ok((r.get::<_, String>(0)?, person_at(r, 1)?))
                    })?;
                for row in rows {
                    let (job_title, person) = row?;
                    let planned = self.planned_for(person.id, c.id, today)?;
                    out.push(MissingCertificate {
                        person,
                        job_title,
                        course_id: c.id,
                        course: c.data.title.clone(),
                        planned,
                    });
                    if out.len() >= limit {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }
}
