//! The confidential area: disciplinary measures, grievances and medical notes, readable and
//! writable only with an [`Unlocked`] proof that the PIN was given; their audit rows are sealed.

use rusqlite::{OptionalExtension, Row, params};

use super::rows::{choice, date, iso};
use super::{Result, Store, StoreError};
use crate::domain::confidential::{
    DisciplinaryMeasure, Grievance, GrievanceInput, MeasureInput, MedicalNote, MedicalNoteInput,
    PIN_ITERATIONS, PinInput, check_new_pin, pin_matches,
};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::pin_wait::{PinFailures, format_wait};

/// Proof that the PIN was given in this session: only [`ConfidentialRepo::unlock`] makes one, and
/// every read or write of the confidential area asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlocked(());

/// Everything in one person's confidential area.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ConfidentialFile {
    pub measures: Vec<DisciplinaryMeasure>,
    pub grievances: Vec<Grievance>,
    pub medical_notes: Vec<MedicalNote>,
}

pub struct ConfidentialRepo<'a> {
    pub(super) store: &'a Store,
}

/// The settings key of the wrong-PIN count ([`PinFailures`]).
pub const PIN_FAILURES: &str = "confidential_pin_failures";

fn must_wait(seconds: i64) -> StoreError {
    StoreError::Invalid(ValidationErrors(vec![
        FieldError::new("pin", "err.pin_wait").arg("wait", format_wait(seconds)),
    ]))
}

fn refused(field: &'static str, key: &'static str) -> StoreError {
    StoreError::Invalid(ValidationErrors(vec![FieldError::new(field, key)]))
}

const MEASURE_COLUMNS: &str =
    "id, kind, facts_on, facts, hearing_on, heard_by, follow_up, decision, decided_on, letters";

fn measure(r: &Row<'_>) -> rusqlite::Result<DisciplinaryMeasure> {
    Ok(DisciplinaryMeasure {
        id: r.get(0)?,
        kind: choice(1, r.get(1)?)?,
        facts_on: date(r.get(2)?).unwrap_or_default(),
        facts: r.get(3)?,
        hearing_on: date(r.get(4)?),
        heard_by: r.get(5)?,
        follow_up: r.get(6)?,
        decision: r.get(7)?,
        decided_on: date(r.get(8)?),
        letters: r.get(9)?,
    })
}

const GRIEVANCE_COLUMNS: &str = "id, received_on, subject, text, handled_by, outcome, closed_on";

fn grievance(r: &Row<'_>) -> rusqlite::Result<Grievance> {
    Ok(Grievance {
        id: r.get(0)?,
        received_on: date(r.get(1)?).unwrap_or_default(),
        subject: r.get(2)?,
        text: r.get(3)?,
        handled_by: r.get(4)?,
        outcome: r.get(5)?,
        closed_on: date(r.get(6)?),
    })
}

const MEDICAL_COLUMNS: &str = "id, written_on, source, text";

fn medical(r: &Row<'_>) -> rusqlite::Result<MedicalNote> {
    Ok(MedicalNote {
        id: r.get(0)?,
        written_on: date(r.get(1)?).unwrap_or_default(),
        source: r.get(2)?,
        text: r.get(3)?,
    })
}

impl ConfidentialRepo<'_> {
    pub fn has_pin(&self) -> Result<bool> {
        Ok(self
            .store
            .conn()
            .query_row(
                "SELECT 1 FROM confidential_pin WHERE id = 1",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Sets the PIN the first time, or changes it when `input.current` is the current one.
    pub fn set_pin(&self, input: &PinInput) -> Result<Unlocked> {
        if self.has_pin()? {
            self.unlock(&input.current)
                .map_err(|_| refused("current", "err.pin_wrong"))?;
        }
        let pin = check_new_pin(input)?;
        let salt = super::audit::salt();
        let hash = crate::domain::confidential::pin_hash(&pin, &salt, PIN_ITERATIONS);
        self.store.write(|tx| {
            let at = tx.now.format("%Y-%m-%dT%H:%M:%S").to_string();
            tx.conn.execute(
                "INSERT INTO confidential_pin (id, iterations, salt, hash, set_at) VALUES (1, ?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET iterations = ?1, salt = ?2, hash = ?3, set_at = ?4",
                params![PIN_ITERATIONS, salt, hash, at],
            )?;
            // That the PIN changed is worth a trace; the hash is not.
            tx.audit("confidential_pin", 1, None, "set", None::<&()>, None::<&()>)?;
            Ok(())
        })?;
        Ok(Unlocked(()))
    }

    /// Checks the PIN: the proof to read and write the confidential area, or a refusal on `pin`.
    /// After five wrong PINs each further try waits longer ([`PinFailures`]); the count is kept in
    /// the settings, so a restart does not reset it, and only a Dossier that may write can try a
    /// PIN (a read-only one could not count its wrong tries).
    pub fn unlock(&self, pin: &str) -> Result<Unlocked> {
        let stored: Option<(u32, String, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT iterations, salt, hash FROM confidential_pin WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((n, salt, hash)) = stored else {
            return Err(refused("pin", "err.pin_not_set"));
        };
        if self.store._lock.is_none() {
            return Err(refused("pin", "err.pin_read_only"));
        }
        let now = self.store.clock().now();
        // A value that cannot be read never locks the user out for good.
        let failures: PinFailures = self.store.settings().get(PIN_FAILURES).unwrap_or_default();
        if let Some(left) = failures.wait_left(now) {
            return Err(must_wait(left));
        }
        if pin_matches(pin, &salt, n, &hash) {
            if failures.count > 0 {
                self.store
                    .settings()
                    .set(PIN_FAILURES, &PinFailures::default())?;
            }
            return Ok(Unlocked(()));
        }
        let after = failures.failed(now);
        self.store.settings().set(PIN_FAILURES, &after)?;
        match after.wait_left(now) {
            Some(left) => Err(must_wait(left)),
            None => Err(refused("pin", "err.pin_wrong")),
        }
    }

    fn exists(&self, employee_id: i64) -> Result<()> {
        self.store.employees().get(employee_id).map(|_| ())
    }

    /// One person's confidential area, oldest first.
    pub fn file(&self, _: &Unlocked, employee_id: i64) -> Result<ConfidentialFile> {
        let conn = self.store.conn();
        let list = |sql: String| conn.prepare(&sql);
        Ok(ConfidentialFile {
            measures: list(format!(
                "SELECT {MEASURE_COLUMNS} FROM disciplinary_measures WHERE employee_id = ?1 ORDER BY facts_on, id"
            ))?
            .query_map([employee_id], measure)?
            .collect::<rusqlite::Result<_>>()?,
            grievances: list(format!(
                "SELECT {GRIEVANCE_COLUMNS} FROM grievances WHERE employee_id = ?1 ORDER BY received_on, id"
            ))?
            .query_map([employee_id], grievance)?
            .collect::<rusqlite::Result<_>>()?,
            medical_notes: list(format!(
                "SELECT {MEDICAL_COLUMNS} FROM medical_notes WHERE employee_id = ?1 ORDER BY written_on, id"
            ))?
            .query_map([employee_id], medical)?
            .collect::<rusqlite::Result<_>>()?,
        })
    }

    /// The employee a confidential row belongs to, and the row as it is.
    fn owner<T>(
        &self,
        table: &str,
        columns: &str,
        id: i64,
        map: fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<(i64, T)> {
        // The owner comes last, so the row mapper reads its own columns from 0.
        let at = columns.split(',').count();
        self.store
            .conn()
            .query_row(
                &format!("SELECT {columns}, employee_id FROM {table} WHERE id = ?1"),
                [id],
                |r| Ok((r.get(at)?, map(r)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("{table} #{id}")))
    }

    pub fn add_measure(
        &self,
        _: &Unlocked,
        employee_id: i64,
        input: &MeasureInput,
    ) -> Result<DisciplinaryMeasure> {
        self.exists(employee_id)?;
        let mut m = input.validate()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO disciplinary_measures (employee_id, kind, facts_on, facts, hearing_on, heard_by,
                 follow_up, decision, decided_on, letters) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![employee_id, crate::domain::choice::Choice::code(m.kind), iso(Some(m.facts_on)), m.facts,
                    iso(m.hearing_on), m.heard_by, m.follow_up, m.decision, iso(m.decided_on), m.letters],
            )?;
            m.id = tx.conn.last_insert_rowid();
            tx.audit_sealed("disciplinary_measure", m.id, Some(employee_id), "create", None::<&()>, Some(&m))?;
            Ok(m.clone())
        })
    }

    pub fn update_measure(
        &self,
        _: &Unlocked,
        id: i64,
        input: &MeasureInput,
    ) -> Result<DisciplinaryMeasure> {
        let (employee_id, old) =
            self.owner("disciplinary_measures", MEASURE_COLUMNS, id, measure)?;
        let mut m = input.validate()?;
        m.id = id;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE disciplinary_measures SET kind = ?2, facts_on = ?3, facts = ?4, hearing_on = ?5,
                 heard_by = ?6, follow_up = ?7, decision = ?8, decided_on = ?9, letters = ?10 WHERE id = ?1",
                params![id, crate::domain::choice::Choice::code(m.kind), iso(Some(m.facts_on)), m.facts,
                    iso(m.hearing_on), m.heard_by, m.follow_up, m.decision, iso(m.decided_on), m.letters],
            )?;
            tx.audit_sealed("disciplinary_measure", id, Some(employee_id), "update", Some(&old), Some(&m))?;
            Ok(m.clone())
        })
    }

    pub fn add_grievance(
        &self,
        _: &Unlocked,
        employee_id: i64,
        input: &GrievanceInput,
    ) -> Result<Grievance> {
        self.exists(employee_id)?;
        let mut g = input.validate()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO grievances (employee_id, received_on, subject, text, handled_by, outcome, closed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![employee_id, iso(Some(g.received_on)), g.subject, g.text, g.handled_by, g.outcome, iso(g.closed_on)],
            )?;
            g.id = tx.conn.last_insert_rowid();
            tx.audit_sealed("grievance", g.id, Some(employee_id), "create", None::<&()>, Some(&g))?;
            Ok(g.clone())
        })
    }

    pub fn update_grievance(
        &self,
        _: &Unlocked,
        id: i64,
        input: &GrievanceInput,
    ) -> Result<Grievance> {
        let (employee_id, old) = self.owner("grievances", GRIEVANCE_COLUMNS, id, grievance)?;
        let mut g = input.validate()?;
        g.id = id;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE grievances SET received_on = ?2, subject = ?3, text = ?4, handled_by = ?5, outcome = ?6,
                 closed_on = ?7 WHERE id = ?1",
                params![id, iso(Some(g.received_on)), g.subject, g.text, g.handled_by, g.outcome, iso(g.closed_on)],
            )?;
            tx.audit_sealed("grievance", id, Some(employee_id), "update", Some(&old), Some(&g))?;
            Ok(g.clone())
        })
    }

    pub fn add_medical_note(
        &self,
        _: &Unlocked,
        employee_id: i64,
        input: &MedicalNoteInput,
    ) -> Result<MedicalNote> {
        self.exists(employee_id)?;
        let mut n = input.validate()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO medical_notes (employee_id, written_on, source, text) VALUES (?1, ?2, ?3, ?4)",
                params![employee_id, iso(Some(n.written_on)), n.source, n.text],
            )?;
            n.id = tx.conn.last_insert_rowid();
            tx.audit_sealed("medical_note", n.id, Some(employee_id), "create", None::<&()>, Some(&n))?;
            Ok(n.clone())
        })
    }

    pub fn update_medical_note(
        &self,
        _: &Unlocked,
        id: i64,
        input: &MedicalNoteInput,
    ) -> Result<MedicalNote> {
        let (employee_id, old) = self.owner("medical_notes", MEDICAL_COLUMNS, id, medical)?;
        let mut n = input.validate()?;
        n.id = id;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE medical_notes SET written_on = ?2, source = ?3, text = ?4 WHERE id = ?1",
                params![id, iso(Some(n.written_on)), n.source, n.text],
            )?;
            tx.audit_sealed(
                "medical_note",
                id,
                Some(employee_id),
                "update",
                Some(&old),
                Some(&n),
            )?;
            Ok(n.clone())
        })
    }
}
