//! Bulk loading of the synthetic company's history (benchmarks): leave with its ledger rows, sickness,
//! four-fifths schedules and recruitment, written with cached statements in large transactions. The
//! generator has counted and checked everything already (see `demo::history`), so row-by-row
//! repository calls, each with its own audit row, would only make 100 000 people take minutes:
//! instead each batch is audited as one "generate" row per table saying how many rows it added.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::rows::iso;
use super::{Result, Store, StoreError, Tx};
use crate::demo::history::History;
use crate::demo::synthetic_recruitment::SynthVacancy;
use crate::domain::recruitment::CandidateInput;
use crate::domain::recruitment::candidate::MatchKeys;

/// People per transaction.
const BATCH: usize = 5000;

/// Rows a batch added, per table: what its audit rows say.
#[derive(Default)]
struct Counts {
    schedules: usize,
    requests: usize,
    ledger: usize,
    spells: usize,
}

/// Page cache for bulk generation, in KiB (SQLite's negative `cache_size`).
const BULK_CACHE_KIB: i64 = 65_536;

impl Store {
    /// Widens this connection's page cache for generating a large company (64 MB instead of 2).
    pub fn bulk_cache(&self) -> Result<()> {
        self.conn()
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        Ok(())
    }

    /// Writes each person's history; `people` yields (employee number, history). Returns the number
    /// of leave requests and sickness spells written.
    pub fn load_history(
        &self,
        people: impl Iterator<Item = (String, History)>,
        mut progress: impl FnMut(usize),
    ) -> Result<usize> {
        let ids = self.ids_by_number()?;
        let types = self.leave_type_ids()?;
        let mut people = people.peekable();
        let (mut done, mut written) = (0, 0);
        while people.peek().is_some() {
            let batch: Vec<(String, History)> = people.by_ref().take(BATCH).collect();
            let counts = self.write(|tx| {
                let mut counts = Counts::default();
                for (number, h) in &batch {
                    let id = *ids.get(number).ok_or_else(|| {
                        StoreError::Other(anyhow::anyhow!("no dossier {number} for its history"))
                    })?;
                    tx.history(id, h, &types, &mut counts)?;
                }
                for (entity, n) in [
                    ("schedule", counts.schedules),
                    ("leave_request", counts.requests),
                    ("leave_ledger", counts.ledger),
                    ("sick_spell", counts.spells),
                ] {
                    tx.audit(
                        entity,
                        0,
                        None,
                        "generate",
                        None::<&()>,
                        Some(&serde_json::json!({ "rows": n })),
                    )?;
                }
                Ok(counts)
            })?;
            written += counts.requests + counts.spells;
            done += batch.len();
            progress(done);
        }
        Ok(written)
    }

    fn ids_by_number(&self) -> Result<HashMap<String, i64>> {
        let mut st = self.conn().prepare("SELECT number, id FROM employees")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn leave_type_ids(&self) -> Result<HashMap<String, i64>> {
        let mut st = self.conn().prepare("SELECT code, id FROM leave_types")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes the synthetic vacancies with their candidates, applications and stage moves in one
    /// transaction; returns the number of candidates.
    pub fn load_synthetic_recruitment(&self, vacancies: &[SynthVacancy]) -> Result<usize> {
        let ids = self.ids_by_number()?;
        let today = self.clock().today();
        self.write(|tx| {
            let mut candidates = 0;
            for v in vacancies {
                tx.conn.prepare_cached(
                    "INSERT INTO vacancies (title, department, contract, weekly_minutes, positions, filled,
                     status, closed_on, created_on) VALUES (?1, ?2, 'indefinite', 2280, 1, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    v.title,
                    v.department,
                    i64::from(v.hired.is_some()),
                    v.status,
                    iso(v.closed_on),
                    iso(Some(v.created_on))
                ])?;
                let vacancy = tx.conn.last_insert_rowid();
                for (k, c) in v.candidates.iter().enumerate() {
                    let employee = (k == 0)
                        .then(|| v.hired.as_ref().and_then(|n| ids.get(n)))
                        .flatten();
                    tx.candidate(vacancy, c, employee.copied(), today)?;
                    candidates += 1;
                }
            }
            for (entity, n) in [("vacancy", vacancies.len()), ("candidate", candidates)] {
                tx.audit(
                    entity,
                    0,
                    None,
                    "generate",
                    None::<&()>,
                    Some(&serde_json::json!({ "rows": n })),
                )?;
            }
            Ok(candidates)
        })
    }
}

impl Tx<'_> {
    fn history(
        &self,
        id: i64,
        h: &History,
        types: &HashMap<String, i64>,
        counts: &mut Counts,
    ) -> Result<()> {
        let at = self.now.format("%Y-%m-%dT%H:%M:%S").to_string();
        if let Some((from, week)) = &h.schedule {
            let week: Vec<String> = week.iter().map(u32::to_string).collect();
            self.conn
                .prepare_cached(
                    "INSERT INTO schedules (employee_id, valid_from, week1) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, iso(Some(*from)), week.join(",")])?;
            counts.schedules += 1;
        }
        let mut ledger = self.conn.prepare_cached(
            "INSERT INTO leave_ledger (employee_id, year, bucket, kind, minutes, day, request_id, created_at)
             VALUES (?1, ?2, 'legal', ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (year, minutes) in &h.allocations {
            let jan = NaiveDate::from_ymd_opt(*year, 1, 1);
            ledger.execute(params![
                id,
                year,
                "allocation",
                minutes,
                iso(jan),
                None::<i64>,
                at
            ])?;
            counts.ledger += 1;
        }
        let mut request = self.conn.prepare_cached(
            "INSERT INTO leave_requests (employee_id, type_id, from_date, to_date, part, minutes, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for l in &h.leave {
            let type_id = types
                .get(l.kind)
                .ok_or_else(|| StoreError::Other(anyhow::anyhow!("no leave type {}", l.kind)))?;
            let from = iso(Some(l.from));
            request.execute(params![
                id,
                type_id,
                from,
                iso(Some(l.to)),
                l.part,
                l.minutes,
                l.status,
                at
            ])?;
            counts.requests += 1;
            // Approved annual leave is booked on the legal bucket: one row for the period (the
            // repository books one per day; balances, the only reader, add them up the same).
            if l.kind == "legal" && l.status == "approved" {
                let request_id = self.conn.last_insert_rowid();
                let minutes = -i64::from(l.minutes);
                ledger.execute(params![
                    id,
                    l.from.year(),
                    "taken",
                    minutes,
                    from,
                    request_id,
                    at
                ])?;
                counts.ledger += 1;
            }
        }
        let mut spell = self.conn.prepare_cached(
            "INSERT INTO sick_spells (employee_id, start_date, end_date, cause, certificate, certificate_free)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for s in &h.sickness {
            spell.execute(params![
                id,
                iso(Some(s.start)),
                iso(s.end),
                s.cause,
                iso(s.certificate),
                s.certificate_free
            ])?;
            counts.spells += 1;
        }
        Ok(())
    }

    fn candidate(
        &self,
        vacancy: i64,
        c: &crate::demo::synthetic_recruitment::SynthCandidate,
        employee: Option<i64>,
        today: NaiveDate,
    ) -> Result<()> {
        // The same folded keys a candidate typed in gets, for duplicate detection.
        let keys = if c.purged_on.is_none() {
            CandidateInput {
                first_name: c.first_name.clone(),
                last_name: c.last_name.clone(),
                email: c.email.clone(),
                phone: c.phone.clone(),
                language: c.language.into(),
                source: c.source.into(),
                applied_on: crate::domain::date::format_date(c.applied_on),
                ..Default::default()
            }
            .validate(today)
            .map_err(|e| StoreError::Other(anyhow::anyhow!("generated candidate invalid: {e}")))?
            .match_keys()
        } else {
            MatchKeys {
                email: String::new(),
                phone: String::new(),
                name: String::new(),
            }
        };
        self.conn
            .prepare_cached(
                "INSERT INTO candidates (first_name, last_name, email, phone, language, source, applied_on,
                 consent_on, email_key, phone_key, name_key, retain_until, purged_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                c.first_name,
                c.last_name,
                c.email,
                c.phone,
                c.language,
                c.source,
                iso(Some(c.applied_on)),
                iso(c.consent_on),
                keys.email,
                keys.phone,
                keys.name,
                iso(c.retain_until),
                iso(c.purged_on)
            ])?;
        let candidate = self.conn.last_insert_rowid();
        let (stage, since) = c.stage();
        self.conn
            .prepare_cached(
                "INSERT INTO applications (candidate_id, vacancy_id, stage, stage_since, reject_reason,
                 ended_on, employee_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                candidate,
                vacancy,
                stage,
                iso(Some(since)),
                c.reject_reason(),
                iso(c.ended_on()),
                employee
            ])?;
        let application = self.conn.last_insert_rowid();
        let mut moves = self.conn.prepare_cached(
            "INSERT INTO stage_moves (application_id, on_date, from_stage, to_stage, kind, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        moves.execute(params![
            application,
            iso(Some(c.applied_on)),
            None::<&str>,
            "received",
            "forward",
            ""
        ])?;
        for (on, from, to, kind, reason) in &c.moves {
            moves.execute(params![application, iso(Some(*on)), from, to, kind, reason])?;
        }
        Ok(())
    }
}
