//! Sessions and their days, enrolments with the waiting list, and attendance. Marking the last day
//! of someone's attendance writes (or rewrites) their training record in the same transaction.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{PERSON, TrainingRepo, invalid, person_at};
use crate::domain::choice::Choice;
use crate::domain::today::PersonRef;
use crate::domain::training::certificate::{RecordData, expiry};
use crate::domain::training::course::Course;
use crate::domain::training::session::{
    Absence, AbsenceKind, Attendance, Clash, EnrolmentStatus, Seat, SessionData, SessionDay,
    clashes, outcome, promotions, seat_for,
};
use crate::store::rows::{choice, date, iso};
use crate::store::{Result, StoreError, Tx};

/// A session as lists show it: its course, days, and how full it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionRow {
    pub id: i64,
    pub course: String,
    pub data: SessionData,
    pub enrolled: u32,
    pub waiting: u32,
}

/// One person on a session: seat or waiting list, attendance per day, and the days they are away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnrolmentRow {
    pub id: i64,
    pub person: PersonRef,
    pub status: EnrolmentStatus,
    pub position: i64,
    pub marks: Vec<(NaiveDate, Attendance)>,
    pub clashes: Vec<Clash>,
}

/// What a mark changed: the record written for the person, if their attendance is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkResult {
    pub mark: Option<Attendance>,
    pub record_id: Option<i64>,
}

fn time(s: String) -> NaiveTime {
    NaiveTime::parse_from_str(&s, "%H:%M").unwrap_or_default()
}

fn session_days(conn: &rusqlite::Connection, session_id: i64) -> Result<Vec<SessionDay>> {
    let mut st = conn.prepare_cached(
        "SELECT day, start_time, end_time FROM training_session_days WHERE session_id = ?1 ORDER BY day",
    )?;
    let rows = st.query_map([session_id], |r| {
        Ok(SessionDay {
            date: date(r.get(0)?).unwrap_or_default(),
            start: time(r.get(1)?),
            end: time(r.get(2)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

const SESSION_COLUMNS: &str = "s.id, c.title, s.course_id, s.place, s.trainer, s.capacity, s.cost_cents,
    (SELECT count(*) FROM training_enrolments x WHERE x.session_id = s.id AND x.status = 'enrolled'),
    (SELECT count(*) FROM training_enrolments x WHERE x.session_id = s.id AND x.status = 'waiting')";

fn session_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: r.get(0)?,
        course: r.get(1)?,
        data: SessionData {
            course_id: r.get(2)?,
            days: Vec::new(),
            place: r.get(3)?,
            trainer: r.get(4)?,
            capacity: r.get(5)?,
            cost_cents: r.get(6)?,
        },
        enrolled: r.get(7)?,
        waiting: r.get(8)?,
    })
}

impl Tx<'_> {
    fn seats(&self, session_id: i64) -> Result<Vec<Seat>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, status, position FROM training_enrolments WHERE session_id = ?1",
        )?;
        let rows = st.query_map([session_id], |r| {
            Ok(Seat {
                id: r.get(0)?,
                status: choice::<EnrolmentStatus>(1, r.get(1)?)?,
                position: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn set_enrolment_status(
        &self,
        id: i64,
        employee_id: i64,
        old: EnrolmentStatus,
        new: EnrolmentStatus,
        action: &str,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE training_enrolments SET status = ?2 WHERE id = ?1",
            params![id, new.code()],
        )?;
        self.audit(
            "training_enrolment",
            id,
            Some(employee_id),
            action,
            Some(&serde_json::json!({ "status": old })),
            Some(&serde_json::json!({ "status": new })),
        )
    }

    /// Gives free seats to the first on the waiting list, each with its audit row.
    fn promote(&self, session_id: i64, capacity: u32) -> Result<Vec<i64>> {
        let up = promotions(capacity, &self.seats(session_id)?);
        for id in &up {
            let employee: i64 = self.conn.query_row(
                "SELECT employee_id FROM training_enrolments WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            self.set_enrolment_status(
                *id,
                employee,
                EnrolmentStatus::Waiting,
                EnrolmentStatus::Enrolled,
                "promote",
            )?;
        }
        Ok(up)
    }

    /// Enrols a person on a session: a seat while there is one, else the waiting list. Someone
    /// who cancelled comes back at the end of the list.
    pub(in crate::store) fn enrol(
        &self,
        session_id: i64,
        employee_id: i64,
        on: NaiveDate,
    ) -> Result<(i64, EnrolmentStatus)> {
        let capacity: u32 = self
            .conn
            .query_row(
                "SELECT capacity FROM training_sessions WHERE id = ?1",
                [session_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("session {session_id}")))?;
        let seats = self.seats(session_id)?;
        let taken = seats
            .iter()
            .filter(|s| s.status == EnrolmentStatus::Enrolled)
            .count();
        let status = seat_for(capacity, taken);
        let position = seats.iter().map(|s| s.position).max().unwrap_or(0) + 1;
        let existing: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, status FROM training_enrolments WHERE session_id = ?1 AND employee_id = ?2",
                [session_id, employee_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let id = match existing {
            Some((_, s)) if s != EnrolmentStatus::Cancelled.code() => {
                return Err(invalid("employee", "err.training_already_enrolled"));
            }
            Some((id, _)) => {
                self.conn.execute(
                    "UPDATE training_enrolments SET status = ?2, position = ?3, enrolled_on = ?4 WHERE id = ?1",
                    params![id, status.code(), position, iso(Some(on))],
                )?;
                id
            }
            None => {
                self.conn.execute(
                    "INSERT INTO training_enrolments (session_id, employee_id, status, position, enrolled_on)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![session_id, employee_id, status.code(), position, iso(Some(on))],
                )?;
                self.conn.last_insert_rowid()
            }
        };
        self.audit(
            "training_enrolment",
            id,
            Some(employee_id),
            "enrol",
            None::<&()>,
            Some(&serde_json::json!({ "session": session_id, "status": status })),
        )?;
        Ok((id, status))
    }
}

impl TrainingRepo<'_> {
    /// Plans a session of a catalogue course.
    pub fn add_session(&self, d: &SessionData) -> Result<i64> {
        self.course(d.course_id).map_err(|e| match e {
            StoreError::NotFound(_) => invalid("course", "err.training_course_unknown"),
            e => e,
        })?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO training_sessions (course_id, first_day, last_day, place, trainer, capacity, cost_cents)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    d.course_id,
                    iso(Some(d.first_day())),
                    iso(Some(d.last_day())),
                    d.place,
                    d.trainer,
                    d.capacity,
                    d.cost_cents
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            let mut st = tx.conn.prepare_cached(
                "INSERT INTO training_session_days (session_id, day, start_time, end_time) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for day in &d.days {
                st.execute(params![
                    id,
                    iso(Some(day.date)),
                    day.start.format("%H:%M").to_string(),
                    day.end.format("%H:%M").to_string()
                ])?;
            }
            tx.audit("training_session", id, None, "create", None::<&()>, Some(d))?;
            Ok(id)
        })
    }

    /// Sessions, upcoming first (soonest first), then past ones (latest first); at most `limit`.
    pub fn sessions(&self, today: NaiveDate, limit: usize) -> Result<Vec<SessionRow>> {
        let conn = self.store.conn();
        let mut st = conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
             ORDER BY s.last_day < ?1, CASE WHEN s.last_day >= ?1 THEN s.first_day END, s.first_day DESC, s.id
             LIMIT ?2"
        ))?;
        let rows = st.query_map(params![iso(Some(today)), limit as i64], session_row)?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for s in &mut out {
            s.data.days = session_days(conn, s.id)?;
        }
        Ok(out)
    }

    pub fn session(&self, id: i64) -> Result<SessionRow> {
        let conn = self.store.conn();
        let mut s = conn
            .query_row(
                &format!(
                    "SELECT {SESSION_COLUMNS} FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
                     WHERE s.id = ?1"
                ),
                [id],
                session_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("session {id}")))?;
        s.data.days = session_days(conn, id)?;
        Ok(s)
    }

    /// Upcoming sessions of a course (for "is a session planned?").
    pub fn next_session_of(
        &self,
        course_id: i64,
        today: NaiveDate,
    ) -> Result<Option<(i64, NaiveDate)>> {
        Ok(self
            .store
            .conn()
            .query_row(
                "SELECT id, first_day FROM training_sessions WHERE course_id = ?1 AND first_day >= ?2
                 ORDER BY first_day LIMIT 1",
                params![course_id, iso(Some(today))],
                |r| Ok((r.get(0)?, date(r.get(1)?).unwrap_or_default())),
            )
            .optional()?)
    }

    /// Sessions of a course that have not started yet, soonest first (to approve a request on).
    pub fn upcoming_sessions_of(
        &self,
        course_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<SessionRow>> {
        let ids: Vec<i64> = self
            .store
            .conn()
            .prepare_cached(
                "SELECT id FROM training_sessions WHERE course_id = ?1 AND first_day >= ?2
                 ORDER BY first_day, id LIMIT 50",
            )?
            .query_map(params![course_id, iso(Some(today))], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.session(id)).collect()
    }

    /// Everyone on a session (seats first, then the waiting list in order, then cancellations), with
    /// their marks and the session days they are on leave or sick.
    pub fn enrolments(&self, session_id: i64) -> Result<Vec<EnrolmentRow>> {
        let session = self.session(session_id)?;
        let conn = self.store.conn();
        let mut st = conn.prepare_cached(&format!(
            "SELECT en.id, en.status, en.position, {PERSON} FROM training_enrolments en
             JOIN employees e ON e.id = en.employee_id WHERE en.session_id = ?1
             ORDER BY CASE en.status WHEN 'enrolled' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, en.position"
        ))?;
        let rows = st.query_map([session_id], |r| {
            Ok(EnrolmentRow {
                id: r.get(0)?,
                status: choice::<EnrolmentStatus>(1, r.get(1)?)?,
                position: r.get(2)?,
                person: person_at(r, 3)?,
                marks: Vec::new(),
                clashes: Vec::new(),
            })
        })?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let (first, last) = (session.data.first_day(), session.data.last_day());
        for row in &mut out {
            row.marks = marks(conn, row.id)?;
            let away = self.absences(row.person.id, first, last)?;
            row.clashes = clashes(&session.data.days, &away);
        }
        Ok(out)
    }

    /// Approved or requested leave and sickness of a person touching a period.
    pub fn absences(
        &self,
        employee_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Absence>> {
        let conn = self.store.conn();
        let mut out = Vec::new();
        let mut st = conn.prepare_cached(
            "SELECT from_date, to_date FROM leave_requests WHERE employee_id = ?1
             AND status IN ('approved', 'requested') AND from_date <= ?3 AND to_date >= ?2",
        )?;
        let (f, t) = (iso(Some(from)), iso(Some(to)));
        for r in st.query_map(params![employee_id, f, t], |r| {
            Ok(Absence {
                from: date(r.get(0)?).unwrap_or_default(),
                to: date(r.get(1)?),
                kind: AbsenceKind::Leave,
            })
        })? {
            out.push(r?);
        }
        let mut st = conn.prepare_cached(
            "SELECT start_date, end_date FROM sick_spells WHERE employee_id = ?1
             AND start_date <= ?3 AND (end_date IS NULL OR end_date >= ?2)",
        )?;
        for r in st.query_map(params![employee_id, f, t], |r| {
            Ok(Absence {
                from: date(r.get(0)?).unwrap_or_default(),
                to: date(r.get(1)?),
                kind: AbsenceKind::Sickness,
            })
        })? {
            out.push(r?);
        }
        Ok(out)
    }

    /// Enrols a person (see [`Tx::enrol`]); returns the enrolment and where it landed.
    pub fn enrol(&self, session_id: i64, employee_id: i64) -> Result<(i64, EnrolmentStatus)> {
        let today = self.store.clock().today();
        self.store
            .write(|tx| tx.enrol(session_id, employee_id, today))
    }

    /// Cancels an enrolment; the first on the waiting list takes the seat. Returns who moved up.
    pub fn cancel_enrolment(&self, enrolment_id: i64) -> Result<Vec<i64>> {
        let (session_id, employee_id, status, capacity) = self.enrolment(enrolment_id)?;
        if status == EnrolmentStatus::Cancelled {
            return Ok(Vec::new());
        }
        self.store.write(|tx| {
            tx.set_enrolment_status(
                enrolment_id,
                employee_id,
                status,
                EnrolmentStatus::Cancelled,
                "cancel",
            )?;
            tx.promote(session_id, capacity)
        })
    }

    /// (session, employee, status, session capacity) of an enrolment.
    pub fn enrolment(&self, id: i64) -> Result<(i64, i64, EnrolmentStatus, u32)> {
        self.store
            .conn()
            .query_row(
                "SELECT en.session_id, en.employee_id, en.status, s.capacity FROM training_enrolments en
                 JOIN training_sessions s ON s.id = en.session_id WHERE en.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        choice::<EnrolmentStatus>(2, r.get(2)?)?,
                        r.get(3)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("enrolment {id}")))
    }

    /// The enrolment of a person on a session.
    pub fn enrolment_of(&self, session_id: i64, employee_id: i64) -> Result<i64> {
        self.store
            .conn()
            .query_row(
                "SELECT id FROM training_enrolments WHERE session_id = ?1 AND employee_id = ?2",
                [session_id, employee_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| invalid("employee", "err.training_not_enrolled"))
    }

    /// The training record a session wrote for a person (once their attendance is complete).
    pub fn record_of_session(&self, session_id: i64, employee_id: i64) -> Result<Option<i64>> {
        Ok(self
            .store
            .conn()
            .query_row(
                "SELECT id FROM training_records WHERE session_id = ?1 AND employee_id = ?2",
                [session_id, employee_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Sets (or clears) a person's attendance on one session day. When every day is marked and
    /// they were present at least once, their training record is written (or rewritten) with the
    /// hours followed, and the certificate's expiry if they were present on every day.
    pub fn mark(
        &self,
        enrolment_id: i64,
        day: NaiveDate,
        mark: Option<Attendance>,
    ) -> Result<MarkResult> {
        let (session_id, employee_id, status, _) = self.enrolment(enrolment_id)?;
        if status != EnrolmentStatus::Enrolled {
            return Err(invalid("employee", "err.training_not_seated"));
        }
        let session = self.session(session_id)?;
        if !session.data.days.iter().any(|d| d.date == day) {
            return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                vec![
                    crate::domain::error::FieldError::new("day", "err.training_not_a_session_day")
                        .arg("value", crate::domain::date::format_date(day)),
                ],
            )));
        }
        if mark.is_some() && day > self.store.clock().today() {
            return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                vec![
                    crate::domain::error::FieldError::new("day", "err.training_day_future")
                        .arg("value", crate::domain::date::format_date(day)),
                ],
            )));
        }
        let course = self.course(session.data.course_id)?;
        let conn = self.store.conn();
        let old = marks(conn, enrolment_id)?
            .into_iter()
            .find(|(d, _)| *d == day)
            .map(|(_, a)| a);
        self.store.write(|tx| {
            match mark {
                Some(m) => tx.conn.execute(
                    "INSERT INTO training_attendance (enrolment_id, day, mark) VALUES (?1, ?2, ?3)
                     ON CONFLICT (enrolment_id, day) DO UPDATE SET mark = excluded.mark",
                    params![enrolment_id, iso(Some(day)), m.code()],
                )?,
                None => tx.conn.execute(
                    "DELETE FROM training_attendance WHERE enrolment_id = ?1 AND day = ?2",
                    params![enrolment_id, iso(Some(day))],
                )?,
            };
            tx.audit(
                "training_attendance",
                enrolment_id,
                Some(employee_id),
                "mark",
                Some(&serde_json::json!({ "day": day, "mark": old })),
                Some(&serde_json::json!({ "day": day, "mark": mark })),
            )?;
            let record_id =
                tx.record_from_attendance(&session, &course, enrolment_id, employee_id)?;
            Ok(MarkResult { mark, record_id })
        })
    }
}

fn marks(conn: &rusqlite::Connection, enrolment_id: i64) -> Result<Vec<(NaiveDate, Attendance)>> {
    let mut st = conn.prepare_cached(
        "SELECT day, mark FROM training_attendance WHERE enrolment_id = ?1 ORDER BY day",
    )?;
    let rows = st.query_map([enrolment_id], |r| {
        Ok((
            date(r.get(0)?).unwrap_or_default(),
            choice::<Attendance>(1, r.get(1)?)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Tx<'_> {
    /// Brings the person's record of this session in line with their attendance: written when every
    /// day is marked with at least one present, removed otherwise.
    fn record_from_attendance(
        &self,
        session: &SessionRow,
        course: &Course,
        enrolment_id: i64,
        employee_id: i64,
    ) -> Result<Option<i64>> {
        let o = outcome(&session.data.days, &marks(self.conn, enrolment_id)?);
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM training_records WHERE session_id = ?1 AND employee_id = ?2",
                [session.id, employee_id],
                |r| r.get(0),
            )
            .optional()?;
        if !o.all_marked || o.minutes == 0 {
            if let Some(id) = existing {
                // The record's evaluation would go with it (ON DELETE CASCADE): the participant's
                // answers are not HR's to lose by a slip on the attendance grid.
                let evaluated: bool = self.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM training_evaluations WHERE record_id = ?1)",
                    [id],
                    |r| r.get(0),
                )?;
                if evaluated {
                    return Err(StoreError::Invalid(crate::domain::error::ValidationErrors(
                        vec![
                            crate::domain::error::FieldError::new(
                                "day",
                                "err.training_record_evaluated",
                            )
                            .arg("course", course.data.title.as_str()),
                        ],
                    )));
                }
                self.conn
                    .execute("DELETE FROM training_records WHERE id = ?1", [id])?;
                self.audit(
                    "training_record",
                    id,
                    Some(employee_id),
                    "delete",
                    None::<&()>,
                    None::<&()>,
                )?;
            }
            return Ok(None);
        }
        let to = session.data.last_day();
        let data = RecordData {
            course_id: Some(course.id),
            title: course.data.title.clone(),
            kind: course.data.kind,
            from: session.data.first_day(),
            to,
            minutes: o.minutes,
            cost_cents: course.data.cost_cents,
            certificate: String::new(),
            expires: if o.completed {
                expiry(to, course.data.certificate_months)
            } else {
                None
            },
            counts_for_right: course.data.counts_for_right,
            session_id: Some(session.id),
        };
        if let Some(id) = existing {
            self.conn.execute(
                "UPDATE training_records SET minutes = ?2, expires = ?3 WHERE id = ?1",
                params![id, data.minutes, iso(data.expires)],
            )?;
            self.audit(
                "training_record",
                id,
                Some(employee_id),
                "update",
                None::<&()>,
                Some(&data),
            )?;
            return Ok(Some(id));
        }
        let id = self.insert_record(employee_id, &data)?;
        self.needs_done(employee_id, course.id)?;
        Ok(Some(id))
    }
}
