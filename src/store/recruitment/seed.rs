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

impl RecruitmentRepo<'_> {
    /// Dates an application's moves, oldest first, to `dates` (one per move; extra moves keep
    /// theirs), so the demo's timelines and time to hire read as a procedure of several weeks.
    pub fn backdate_moves(&self, application_id: i64, dates: &[NaiveDate]) -> Result<()> {
        let app = self.application(application_id)?;
        let policy = self.retention()?;
        let Some(last) = dates.last() else {
            return Ok(());
        };
        self.store.write(|tx| {
            let ids: Vec<i64> = {
                let mut st = tx
                    .conn
                    .prepare("SELECT id FROM stage_moves WHERE application_id = ?1 ORDER BY id")?;
                st.query_map([application_id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            };
            for (id, on) in ids.iter().zip(dates) {
                tx.conn.execute(
                    "UPDATE stage_moves SET on_date = ?2 WHERE id = ?1",
                    params![id, iso(Some(*on))],
                )?;
            }
            if ids.len() <= dates.len() {
                tx.conn.execute(
                    "UPDATE applications SET stage_since = ?2,
                     ended_on = CASE WHEN ended_on IS NULL THEN NULL ELSE ?2 END WHERE id = ?1",
                    params![application_id, iso(Some(*last))],
                )?;
            }
            tx.audit(
                "application",
                application_id,
                None,
                "backdate",
                None::<&()>,
                Some(&dates),
            )?;
            tx.refresh_retention(app.candidate_id, &policy)
        })
    }
}
