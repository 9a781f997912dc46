//! The course catalogue.

use rusqlite::{OptionalExtension, Row, params};

use super::TrainingRepo;
use crate::domain::choice::Choice;
use crate::domain::training::TrainingKind;
use crate::domain::training::course::{Course, CourseData, job_list};
use crate::store::rows::choice;
use crate::store::{Result, StoreError};

pub(super) const COURSE_COLUMNS: &str = "id, title, provider, internal, kind, minutes, cost_cents, language, \
    certificate_months, mandatory_for, counts_for_right";

pub(super) fn course(r: &Row<'_>) -> rusqlite::Result<Course> {
    Ok(Course {
        id: r.get(0)?,
        data: CourseData {
            title: r.get(1)?,
            provider: r.get(2)?,
            internal: r.get(3)?,
            kind: choice::<TrainingKind>(4, r.get(4)?)?,
            minutes: r.get(5)?,
            cost_cents: r.get(6)?,
            language: r.get(7)?,
            certificate_months: r.get(8)?,
            mandatory_for: job_list(&r.get::<_, String>(9)?),
            counts_for_right: r.get(10)?,
        },
    })
}

impl TrainingRepo<'_> {
    /// Adds a course to the catalogue.
    pub fn add_course(&self, d: &CourseData) -> Result<Course> {
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO training_courses (title, provider, internal, kind, minutes, cost_cents, language,
                 certificate_months, mandatory_for, counts_for_right) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    d.title,
                    d.provider,
                    d.internal,
                    d.kind.code(),
                    d.minutes,
                    d.cost_cents,
                    d.language,
                    d.certificate_months,
                    d.mandatory_for.join("; "),
                    d.counts_for_right
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("training_course", id, None, "create", None::<&()>, Some(d))?;
            Ok(Course { id, data: d.clone() })
        })
    }

    /// Changes a course; sessions and records already made keep what they were given.
    pub fn update_course(&self, id: i64, d: &CourseData) -> Result<()> {
        let old = self.course(id)?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE training_courses SET title = ?2, provider = ?3, internal = ?4, kind = ?5, minutes = ?6,
                 cost_cents = ?7, language = ?8, certificate_months = ?9, mandatory_for = ?10, counts_for_right = ?11
                 WHERE id = ?1",
                params![
                    id,
                    d.title,
                    d.provider,
                    d.internal,
                    d.kind.code(),
                    d.minutes,
                    d.cost_cents,
                    d.language,
                    d.certificate_months,
                    d.mandatory_for.join("; "),
                    d.counts_for_right
                ],
            )?;
            tx.audit("training_course", id, None, "update", Some(&old.data), Some(d))
        })
    }

    /// The catalogue, by title.
    pub fn courses(&self) -> Result<Vec<Course>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {COURSE_COLUMNS} FROM training_courses WHERE active = 1 ORDER BY title COLLATE NOCASE, id"
        ))?;
        let rows = st.query_map([], course)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn course(&self, id: i64) -> Result<Course> {
        self.store
            .conn()
            .query_row(
                &format!("SELECT {COURSE_COLUMNS} FROM training_courses WHERE id = ?1"),
                [id],
                course,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("course {id}")))
    }
}
