//! The purge of candidates past their retention date (GDPR): personal data, answers, notes, files
//! and letters go; the application's stage, channel, dates and rejection reason stay for the counts.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::super::Result;
use super::super::rows::{date, iso};
use super::RecruitmentRepo;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurgedCandidate {
    pub id: i64,
    pub name: String,
    pub retain_until: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    pub candidates: Vec<PurgedCandidate>,
    pub files: usize,
    pub letters: usize,
}

impl RecruitmentRepo<'_> {
    /// Candidates whose data must be gone by `until` (the purge list, and Today's warning).
    pub fn retention_due(&self, until: NaiveDate, limit: usize) -> Result<Vec<PurgedCandidate>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, first_name || ' ' || last_name, retain_until FROM candidates
             WHERE purged_on IS NULL AND retain_until IS NOT NULL AND retain_until <= ?1
             ORDER BY retain_until, id LIMIT ?2",
        )?;
        Ok(st
            .query_map(params![iso(Some(until)), limit as i64], |r| {
                Ok(PurgedCandidate {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    retain_until: date(r.get(2)?).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Removes the personal data of every candidate whose retention date has passed (before
    /// `today`). With `dry_run`, only says who it would be. Files are deleted after the commit.
    pub fn purge(&self, today: NaiveDate, dry_run: bool) -> Result<PurgeReport> {
        let due = self.retention_due(today - chrono::Duration::days(1), usize::MAX >> 1)?;
        let mut files = Vec::new();
        let mut letters = Vec::new();
        for c in &due {
            files.extend(
                self.files(c.id)?
                    .into_iter()
                    .map(|f| self.store.files_dir.join(f.stored_name)),
            );
            let mut st = self.store.conn().prepare_cached(
                "SELECT d.id, coalesce(d.markdown_path, ''), coalesce(d.html_path, '') FROM candidate_letters l
                 JOIN applications a ON a.id = l.application_id JOIN generated_documents d ON d.id = l.document_id
                 WHERE a.candidate_id = ?1",
            )?;
            let rows = st
                .query_map([c.id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            letters.extend(rows);
        }
        let report = PurgeReport {
            candidates: due.clone(),
            files: files.len(),
            letters: letters.len(),
        };
        if dry_run || due.is_empty() {
            return Ok(report);
        }
        self.store.write(|tx| {
            for c in &due {
                tx.conn.execute(
                    "UPDATE candidates SET first_name = '', last_name = '', email = '', phone = '', notes = '',
                     email_key = '', phone_key = '', name_key = '', purged_on = ?2 WHERE id = ?1",
                    params![c.id, iso(Some(today))],
                )?;
                tx.conn.execute("DELETE FROM candidate_files WHERE candidate_id = ?1", [c.id])?;
                for sql in [
                    "DELETE FROM question_answers WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = ?1)",
                    "DELETE FROM reference_checks WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = ?1)",
                    "DELETE FROM interviews WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = ?1)",
                    "UPDATE screening_answers SET note = '' WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = ?1)",
                    "UPDATE stage_moves SET reason = '' WHERE kind <> 'rejection' AND application_id IN (SELECT id FROM applications WHERE candidate_id = ?1)",
                ] {
                    tx.conn.execute(sql, [c.id])?;
                }
                tx.audit("candidate", c.id, None, "purge", None::<&()>, Some(&c.retain_until))?;
            }
            for (doc, _, _) in &letters {
                // The letter's record names the addressee: keep only that a letter was sent.
                tx.conn.execute(
                    "UPDATE generated_documents SET recipient = '-', markdown_path = NULL, html_path = '' WHERE id = ?1",
                    [doc],
                )?;
            }
            Ok(())
        })?;
        for f in files {
            let _ = std::fs::remove_file(f);
        }
        for (_, md, html) in letters {
            for p in [md, html] {
                if !p.is_empty() {
                    let _ = std::fs::remove_file(p);
                }
            }
        }
        Ok(report)
    }
}
