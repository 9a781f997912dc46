//! What only the demo company needs: a procedure that ended months ago, so a retention date falls
//! within the Today window (moves are otherwise always dated by the clock's today).

use chrono::NaiveDate;
use rusqlite::params;

use super::super::Result;
use super::super::rows::iso;
use super::RecruitmentRepo;

impl RecruitmentRepo<'_> {
    /// Dates an ended application's end (and its last move) back to `on`, and recomputes the
    /// candidate's retention date from it.
    pub fn backdate_end(&self, application_id: i64, on: NaiveDate) -> Result<()> {
        let app = self.application(application_id)?;
        let policy = self.retention()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE applications SET ended_on = ?2, stage_since = ?2 WHERE id = ?1 AND ended_on IS NOT NULL",
                params![application_id, iso(Some(on))],
            )?;
            tx.conn.execute(
                "UPDATE stage_moves SET on_date = ?2 WHERE id = (SELECT max(id) FROM stage_moves WHERE application_id = ?1)",
                params![application_id, iso(Some(on))],
            )?;
            tx.audit("application", application_id, None, "backdate", None::<&()>, Some(&on))?;
            tx.refresh_retention(app.candidate_id, &policy)
        })
    }
}
