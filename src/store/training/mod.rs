//! Training and development: the catalogue, sessions, enrolments and attendance, training records
//! and certificates, needs and requests, evaluations and talks. Every write is audited.

mod catalogue;
mod certificates;
mod plan;
mod records;
mod requests;
mod sessions;
mod talks;

use rusqlite::Row;

use super::{Result, Store, StoreError};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::today::PersonRef;
use crate::domain::training::TrainingSettings;

pub use certificates::{CertificateDue, MissingCertificate};
pub use plan::{Evaluation, FollowUpDue, Need, NeedInput, PlanLine};
pub use records::RightLine;
pub use requests::TrainingRequest;
pub use sessions::{EnrolmentRow, MarkResult, SessionRow};
pub use talks::TalkDue;

/// The settings key of [`TrainingSettings`].
pub const TRAINING_SETTINGS: &str = "training";

pub struct TrainingRepo<'a> {
    pub(super) store: &'a Store,
}

impl TrainingRepo<'_> {
    pub fn settings(&self) -> Result<TrainingSettings> {
        self.store.settings().get(TRAINING_SETTINGS)
    }

    pub fn save_settings(&self, s: &TrainingSettings) -> Result<()> {
        self.store.settings().set(TRAINING_SETTINGS, s)
    }
}

fn invalid(field: &'static str, key: &'static str) -> StoreError {
    StoreError::Invalid(ValidationErrors(vec![FieldError::new(field, key)]))
}

/// "e.id, e.number, name": the person columns the queries below end with.
const PERSON: &str = "e.id, e.number, (CASE WHEN e.preferred_name <> '' THEN e.preferred_name ELSE e.first_name END || ' ' || e.last_name)";

fn person_at(r: &Row<'_>, at: usize) -> rusqlite::Result<PersonRef> {
    Ok(PersonRef {
        id: r.get(at)?,
        number: r.get(at + 1)?,
        name: r.get(at + 2)?,
    })
}

impl TrainingRepo<'_> {
    /// Everyone still employed, by name, with their job: what the person picker filters.
    pub fn people_to_pick(&self) -> Result<Vec<(PersonRef, String)>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {PERSON}, e.job_title FROM employees e WHERE e.status <> 'left' ORDER BY e.sort_name, e.id"
        ))?;
        let rows = st.query_map([], |r| Ok((person_at(r, 0)?, r.get::<_, String>(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
