//! Candidates, their applications to vacancies, duplicate detection and their files.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::super::rows::{choice, date, iso};
use super::super::{Result, StoreError, Tx, files};
use super::RecruitmentRepo;
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::records::sanitize_file_name;
use crate::domain::recruitment::{
    Answer, Candidate, CandidateData, CandidateInput, RetentionPolicy, Score, Stage,
    retention_until, score,
};

/// What to do when the new candidate looks like someone already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Refuse, naming the look-alike (the default: the user decides).
    Refuse,
    /// Add a new person anyway (two people with the same name exist).
    New,
    /// It is this known candidate: add only the application.
    Existing(i64),
}

/// A known candidate that matches on e-mail, phone or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub id: i64,
    pub name: String,
    /// "email", "phone" or "name".
    pub on: &'static str,
}

/// One application as lists and the board show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub candidate_id: i64,
    pub vacancy_id: i64,
    pub vacancy: String,
    pub name: String,
    pub stage: Stage,
    pub stage_since: NaiveDate,
    pub source: String,
    pub applied_on: NaiveDate,
    pub reject_reason: String,
    pub score: Score,
    pub letters: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateFile {
    pub id: i64,
    pub title: String,
    pub original_name: String,
    pub stored_name: String,
    pub added_on: NaiveDate,
}

/// What the audit keeps about a candidate: nothing that identifies the person.
#[derive(Serialize)]
struct AuditView<'a> {
    source: &'a str,
    applied_on: NaiveDate,
    consent: bool,
}

impl Tx<'_> {
    /// Recomputes when the candidate's data must be gone: from the latest end of their
    /// applications (or their vacancy's closing), once every one has ended; never for a hire.
    pub(super) fn refresh_retention(
        &self,
        candidate_id: i64,
        policy: &RetentionPolicy,
    ) -> Result<()> {
        let (total, ended, last, hired, consent): (i64, i64, Option<String>, bool, Option<String>) =
            self.conn.query_row(
                "SELECT count(a.id), count(coalesce(a.ended_on, v.closed_on)), max(coalesce(a.ended_on, v.closed_on)),
                        coalesce(max(a.stage = 'hired'), 0), c.consent_on
                 FROM candidates c LEFT JOIN applications a ON a.candidate_id = c.id
                 LEFT JOIN vacancies v ON v.id = a.vacancy_id WHERE c.id = ?1",
                [candidate_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?;
        let end = (total > 0 && total == ended && !hired)
            .then(|| date(last))
            .flatten();
        let until = retention_until(end, date(consent), policy);
        self.conn.execute(
            "UPDATE candidates SET retain_until = ?2 WHERE id = ?1",
            params![candidate_id, iso(until)],
        )?;
        Ok(())
    }

    pub(super) fn refresh_vacancy_retention(
        &self,
        vacancy_id: i64,
        policy: &RetentionPolicy,
    ) -> Result<()> {
        let mut st = self
            .conn
            .prepare("SELECT candidate_id FROM applications WHERE vacancy_id = ?1")?;
        let ids = st
            .query_map([vacancy_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for id in ids {
            self.refresh_retention(id, policy)?;
        }
        Ok(())
    }

    fn insert_application(&self, candidate_id: i64, vacancy_id: i64, on: NaiveDate) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO applications (candidate_id, vacancy_id, stage, stage_since) VALUES (?1, ?2, 'received', ?3)",
                params![candidate_id, vacancy_id, iso(Some(on))],
            )
            .map_err(|e| {
                if e.to_string().contains("UNIQUE") {
                    StoreError::Invalid(ValidationErrors(vec![FieldError::new(
                        "vacancy",
                        "err.already_applied",
                    )]))
                } else {
                    e.into()
                }
            })?;
        let id = self.conn.last_insert_rowid();
        self.conn.execute(
            "INSERT INTO stage_moves (application_id, on_date, from_stage, to_stage, kind) VALUES (?1, ?2, NULL, 'received', 'forward')",
            params![id, iso(Some(on))],
        )?;
        self.audit(
            "application",
            id,
            None,
            "create",
            None::<&()>,
            Some(&(candidate_id, vacancy_id)),
        )?;
        Ok(id)
    }
}

const APPLICATION_SQL: &str = "SELECT a.id, a.candidate_id, a.vacancy_id, v.title,
        CASE WHEN c.purged_on IS NULL THEN c.first_name || ' ' || c.last_name ELSE '#' || c.id END,
        a.stage, a.stage_since, c.source, c.applied_on, a.reject_reason,
        (SELECT count(*) FROM candidate_letters l WHERE l.application_id = a.id)
    FROM applications a JOIN candidates c ON c.id = a.candidate_id JOIN vacancies v ON v.id = a.vacancy_id";

impl RecruitmentRepo<'_> {
    /// Known candidates who look like `d` (same e-mail, phone or name), best match first.
    pub fn duplicates(&self, d: &CandidateData) -> Result<Vec<Duplicate>> {
        let k = d.match_keys();
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, first_name || ' ' || last_name,
                    CASE WHEN ?1 <> '' AND email_key = ?1 THEN 'email' WHEN ?2 <> '' AND phone_key = ?2 THEN 'phone' ELSE 'name' END
             FROM candidates WHERE purged_on IS NULL
               AND ((?1 <> '' AND email_key = ?1) OR (?2 <> '' AND phone_key = ?2) OR name_key = ?3)
             ORDER BY id LIMIT 5",
        )?;
        let rows = st
            .query_map(params![k.email, k.phone, k.name], |r| {
                let on: String = r.get(2)?;
                Ok(Duplicate {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    on: match on.as_str() {
                        "email" => "email",
                        "phone" => "phone",
                        _ => "name",
                    },
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Adds a candidate with an application to `vacancy_id` (stage "received"). A look-alike is
    /// refused with [`Link::Refuse`], naming them; [`Link::Existing`] only adds the application.
    /// Returns the candidate and the application id.
    pub fn add_candidate(
        &self,
        input: &CandidateInput,
        vacancy_id: i64,
        link: Link,
    ) -> Result<(Candidate, i64)> {
        let vacancy = self.vacancy(vacancy_id)?;
        if vacancy.data.status.is_closed() {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("vacancy", "err.vacancy_closed")
                    .arg("status", vacancy.data.status.code()),
            ])));
        }
        let today = self.store.clock().today();
        let policy = self.retention()?;
        if let Link::Existing(id) = link {
            let c = self.candidate(id)?;
            if c.purged {
                return Err(StoreError::Invalid(ValidationErrors(vec![
                    FieldError::new("candidate", "err.candidate_purged"),
                ])));
            }
            let app = self.store.write(|tx| {
                let app = tx.insert_application(id, vacancy_id, today)?;
                tx.refresh_retention(id, &policy)?;
                Ok(app)
            })?;
            return Ok((c, app));
        }
        let d = input.validate(today)?;
        if link == Link::Refuse
            && let Some(dup) = self.duplicates(&d)?.into_iter().next()
        {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new(dup_field(dup.on), "err.duplicate_candidate")
                    .arg("name", dup.name)
                    .arg("id", dup.id.to_string())
                    .arg("on", dup.on),
            ])));
        }
        let k = d.match_keys();
        self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO candidates (first_name, last_name, email, phone, language, source, applied_on, notes,
                 consent_on, email_key, phone_key, name_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    d.first_name, d.last_name, d.email, d.phone, d.language.code(), d.source.code(),
                    iso(Some(d.applied_on)), d.notes, iso(d.consent_on), k.email, k.phone, k.name
                ],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit(
                "candidate",
                id,
                None,
                "create",
                None::<&()>,
                Some(&AuditView {
                    source: d.source.code(),
                    applied_on: d.applied_on,
                    consent: d.consent_on.is_some(),
                }),
            )?;
            let app = tx.insert_application(id, vacancy_id, d.applied_on)?;
            Ok((
                Candidate {
                    id,
                    data: d.clone(),
                    purged: false,
                },
                app,
            ))
        })
    }

    /// Saves edited details (consent included, which changes the retention date).
    pub fn update_candidate(&self, id: i64, input: &CandidateInput) -> Result<Candidate> {
        let old = self.candidate(id)?;
        if old.purged {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("candidate", "err.candidate_purged"),
            ])));
        }
        let d = input.validate(old.data.applied_on)?;
        let k = d.match_keys();
        let policy = self.retention()?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE candidates SET first_name = ?2, last_name = ?3, email = ?4, phone = ?5, language = ?6,
                 source = ?7, applied_on = ?8, notes = ?9, consent_on = ?10, email_key = ?11, phone_key = ?12,
                 name_key = ?13 WHERE id = ?1",
                params![
                    id, d.first_name, d.last_name, d.email, d.phone, d.language.code(), d.source.code(),
                    iso(Some(d.applied_on)), d.notes, iso(d.consent_on), k.email, k.phone, k.name
                ],
            )?;
            tx.audit(
                "candidate",
                id,
                None,
                "update",
                Some(&AuditView { source: old.data.source.code(), applied_on: old.data.applied_on, consent: old.data.consent_on.is_some() }),
                Some(&AuditView { source: d.source.code(), applied_on: d.applied_on, consent: d.consent_on.is_some() }),
            )?;
            tx.refresh_retention(id, &policy)?;
            Ok(Candidate { id, data: d.clone(), purged: false })
        })
    }

    pub fn candidate(&self, id: i64) -> Result<Candidate> {
        self.store
            .conn()
            .query_row(
                "SELECT id, first_name, last_name, email, phone, language, source, applied_on, notes, consent_on, purged_on
                 FROM candidates WHERE id = ?1",
                [id],
                |r| {
                    Ok(Candidate {
                        id: r.get(0)?,
                        data: CandidateData {
                            first_name: r.get(1)?,
                            last_name: r.get(2)?,
                            email: r.get(3)?,
                            phone: r.get(4)?,
                            language: choice(5, r.get(5)?)?,
                            source: choice(6, r.get(6)?)?,
                            applied_on: date(r.get(7)?).unwrap_or_default(),
                            notes: r.get(8)?,
                            consent_on: date(r.get(9)?),
                        },
                        purged: r.get::<_, Option<String>>(10)?.is_some(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("candidate #{id}")))
    }

    /// When the candidate's personal data must be gone (`None`: procedure open, or hired).
    pub fn retain_until(&self, candidate_id: i64) -> Result<Option<NaiveDate>> {
        let d: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT retain_until FROM candidates WHERE id = ?1",
                [candidate_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        Ok(date(d))
    }

    fn application_rows(&self, filter: &str, id: i64) -> Result<Vec<ApplicationRow>> {
        let sql = format!("{APPLICATION_SQL} WHERE {filter} = ?1 ORDER BY a.id");
        let mut st = self.store.conn().prepare_cached(&sql)?;
        let mut rows = st
            .query_map([id], |r| {
                Ok(ApplicationRow {
                    id: r.get(0)?,
                    candidate_id: r.get(1)?,
                    vacancy_id: r.get(2)?,
                    vacancy: r.get(3)?,
                    name: r.get(4)?,
                    stage: choice(5, r.get(5)?)?,
                    stage_since: date(r.get(6)?).unwrap_or_default(),
                    source: r.get(7)?,
                    applied_on: date(r.get(8)?).unwrap_or_default(),
                    reject_reason: r.get(9)?,
                    score: Score::default(),
                    letters: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for row in &mut rows {
            row.score = self.score_of(row.id, row.vacancy_id)?;
        }
        Ok(rows)
    }

    /// Every application to a vacancy (the board and the list), in order of arrival.
    pub fn applications(&self, vacancy_id: i64) -> Result<Vec<ApplicationRow>> {
        self.application_rows("a.vacancy_id", vacancy_id)
    }

    /// Every application of one candidate.
    pub fn applications_of(&self, candidate_id: i64) -> Result<Vec<ApplicationRow>> {
        self.application_rows("a.candidate_id", candidate_id)
    }

    pub fn application(&self, application_id: i64) -> Result<ApplicationRow> {
        self.application_rows("a.id", application_id)?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(format!("application #{application_id}")))
    }

    fn score_of(&self, application_id: i64, vacancy_id: i64) -> Result<Score> {
        let v = self.vacancy(vacancy_id)?;
        let mut st = self.store.conn().prepare_cached(
            "SELECT criterion_id, answer FROM screening_answers WHERE application_id = ?1",
        )?;
        let answers = st
            .query_map([application_id], |r| {
                Ok((r.get::<_, i64>(0)?, choice::<Answer>(1, r.get(1)?)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(score(&v.criteria, &answers))
    }

    /// Copies a CV or letter into the files folder for the candidate; removed again if not recorded.
    pub fn attach_file(
        &self,
        candidate_id: i64,
        path: &std::path::Path,
        title: &str,
    ) -> Result<CandidateFile> {
        self.candidate(candidate_id)?;
        if !path.is_file() {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("path", "err.file_missing")
                    .arg("value", path.display().to_string()),
            ])));
        }
        let original = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let today = self.store.clock().today();
        let stamp = self.store.clock().now().format("%Y%m%d%H%M%S");
        let stored = format!(
            "candidates/{candidate_id}/{stamp}-{}",
            sanitize_file_name(&original)
        );
        let copied = files::copy_in(&self.store.files_dir, &stored, path)?;
        let title = if title.trim().is_empty() {
            original.clone()
        } else {
            title.trim().to_string()
        };
        let r = self.store.write(|tx| {
            tx.conn.execute(
                "INSERT INTO candidate_files (candidate_id, title, original_name, stored_name, added_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![candidate_id, title, original, stored, iso(Some(today))],
            )?;
            let id = tx.conn.last_insert_rowid();
            tx.audit("candidate_file", id, None, "create", None::<&()>, Some(&candidate_id))?;
            Ok(CandidateFile { id, title: title.clone(), original_name: original.clone(), stored_name: stored.clone(), added_on: today })
        });
        if r.is_err() {
            let _ = std::fs::remove_file(&copied);
        }
        r
    }

    pub fn files(&self, candidate_id: i64) -> Result<Vec<CandidateFile>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT id, title, original_name, stored_name, added_on FROM candidate_files WHERE candidate_id = ?1 ORDER BY id",
        )?;
        Ok(st
            .query_map([candidate_id], |r| {
                Ok(CandidateFile {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    original_name: r.get(2)?,
                    stored_name: r.get(3)?,
                    added_on: date(r.get(4)?).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

fn dup_field(on: &str) -> &'static str {
    match on {
        "email" => "email",
        "phone" => "phone",
        _ => "last_name",
    }
}
