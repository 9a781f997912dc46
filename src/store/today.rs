//! The facts behind the Today list, each read through an index over a window of dates, so the list
//! costs the same on 10 or 100 000 people. The rules that turn facts into items are in domain::today.

use chrono::{Duration, NaiveDate};
use rusqlite::{Row, params};

use super::leave::{SPELL_COLUMNS, spell_row};
use super::rows::{FULL_NAME_SQL, choice, date, iso};
use super::{Result, Store};
use crate::domain::choice::Choice;
use crate::domain::contract::ContractKind;
use crate::domain::dimona::DimonaKind;
use crate::domain::today::occasions::{OccasionFact, month_day_ranges};
use crate::domain::today::recruitment::{
    CANDIDATE_RETENTION_DAYS, CandidateRetentionFact, REJECTION_TEMPLATES, RejectionFact,
};
use crate::domain::today::rules::{
    self, ContractFact, EXPIRING_KINDS, ExpiryFact, HireFact, RequestFact, SpellFact, TodayFacts,
};
use crate::domain::today::rules::{DimonaFact, TaskFact};
use crate::domain::today::{DimonaDue, DossierPart, PersonRef, TodayList, TodaySettings};

/// Setting key of the Today windows.
pub const TODAY_SETTINGS: &str = "today";

/// How far back an ended spell is still checked for its certificate.
const CERTIFICATE_DAYS_BACK: i64 = 60;

/// Each rule reads at most this many items, most urgent first: a list longer than this is worked
/// through over days, and the cap keeps the start screen quick at any company size.
pub const RULE_CAP: usize = 200;

/// Dimona IN is checked for people starting within this many days (issue 7: a week).
const DIMONA_DAYS_AHEAD: i64 = 7;

/// Birthdays and anniversaries read at most (the screen shows a few).
const OCCASION_CAP: usize = 50;

/// The person columns every query below ends with, in this order, followed by [`FULL_NAME_SQL`]
/// (see [`person_at`]).
const PERSON: &str = "e.id, e.number";

pub struct TodayRepo<'a> {
    pub(super) store: &'a Store,
}

fn person_at(r: &Row<'_>, at: usize) -> rusqlite::Result<PersonRef> {
    Ok(PersonRef {
        id: r.get(at)?,
        number: r.get(at + 1)?,
        name: r.get(at + 2)?,
    })
}

impl TodayRepo<'_> {
    pub fn settings(&self) -> Result<TodaySettings> {
        self.store.settings().get(TODAY_SETTINGS)
    }

    /// The Today list on `today`, from the facts in their windows.
    pub fn list(&self, today: NaiveDate) -> Result<TodayList> {
        let settings = self.settings()?;
        let facts = self.facts(today, &settings)?;
        let limited = facts.reached(RULE_CAP).then_some(RULE_CAP);
        let mut list = rules::attention(facts, today, settings.occasion_days);
        list.limited = limited;
        Ok(list)
    }

    /// Everything the rules look at, from the tables this store knows.
    pub fn facts(&self, today: NaiveDate, s: &TodaySettings) -> Result<TodayFacts> {
        let year = chrono::Datelike::year(&today) + 1;
        let missing = self.store.leave().lost_holidays(year)?;
        Ok(TodayFacts {
            contracts: self.contracts(today, s.contract_days)?,
            hires: self.hires(today, s.hire_days_back, s.hire_days_ahead)?,
            expiring: self.expiring(today, s.document_days)?,
            spells: self.spells(today)?,
            requests: self.requests()?,
            replacements: Some((year, missing.len())),
            dimona: self.dimona(today)?,
            tasks: self.tasks(today, s.task_days)?,
            payroll_unexported: self.payroll_unexported(today)?,
            occasions: self.occasions(today, s.occasion_days)?,
            retention: self.store.privacy().retention_over(today, RULE_CAP)?,
            rejections: self.rejections(today)?,
            candidate_retention: self.candidate_retention(today)?,
            training: self.training(today)?,
        })
    }

    /// Certificates expiring within the training setting's window (or expired), mandatory ones
    /// missing, and talks overdue; each read through its index, at most [`RULE_CAP`].
    fn training(&self, today: NaiveDate) -> Result<crate::domain::today::training::TrainingFacts> {
        use crate::domain::today::training::{
            CertificateFact, FollowUpFact, MissingFact, RequestFact, TalkFact, TrainingFacts,
        };
        let t = self.store.training();
        let days = t.settings()?.expiry_days;
        Ok(TrainingFacts {
            certificates: t
                .expiring(today, days, RULE_CAP)?
                .into_iter()
                .map(|c| CertificateFact {
                    person: c.person,
                    course: c.record.data.title,
                    expires: c.expires,
                    planned: c.planned,
                })
                .collect(),
            missing: t
                .missing_certificates(today, RULE_CAP)?
                .into_iter()
                .map(|m| MissingFact {
                    person: m.person,
                    course: m.course,
                    job: m.job_title,
                    planned: m.planned,
                })
                .collect(),
            talks: t
                .talks_overdue(today, RULE_CAP)?
                .into_iter()
                .map(|x| TalkFact {
                    person: x.person,
                    due: x.due,
                })
                .collect(),
            requests: t
                .pending_requests(RULE_CAP)?
                .into_iter()
                .map(|r| RequestFact {
                    person: r.person,
                    request_id: r.id,
                    course: r.course,
                    asked_on: r.asked_on,
                    wanted_from: r.wanted_from,
                })
                .collect(),
            // A week ahead, so a follow-up can be planned with the person's manager.
            follow_ups: t
                .follow_ups_due(today + chrono::Duration::days(7), RULE_CAP)?
                .into_iter()
                .map(|f| FollowUpFact {
                    person: f.person,
                    record_id: f.record_id,
                    course: f.course,
                    due: f.due,
                })
                .collect(),
        })
    }

    /// Last month, when someone was employed and its payroll variables have not gone out.
    fn payroll_unexported(&self, today: NaiveDate) -> Result<Option<(i32, u32)>> {
        let (year, month) = rules::last_month(today);
        let employed: bool = self.store.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM employees WHERE start_date < ?1)",
            [iso(Some(
                chrono::Datelike::with_day(&today, 1).unwrap_or(today),
            ))],
            |r| r.get(0),
        )?;
        if !employed || self.store.payroll().is_exported(year, month)? {
            return Ok(None);
        }
        Ok(Some((year, month)))
    }

    /// Dimona declarations not recorded for people starting within a week or who left lately.
    fn dimona(&self, today: NaiveDate) -> Result<Vec<DimonaFact>> {
        let gaps = self.store.dimona().missing(today, DIMONA_DAYS_AHEAD)?;
        Ok(gaps
            .into_iter()
            .take(RULE_CAP)
            .map(|g| DimonaFact {
                person: PersonRef {
                    id: g.employee_id,
                    number: g.number,
                    name: g.name,
                },
                kind: match g.kind {
                    DimonaKind::Out => DimonaDue::Out,
                    _ => DimonaDue::In,
                },
                deadline: g.deadline,
            })
            .collect())
    }

    /// Open checklist tasks due within `days` (the overdue ones included).
    fn tasks(&self, today: NaiveDate, days: i64) -> Result<Vec<TaskFact>> {
        let until = today + Duration::days(days);
        let tasks = self.store.checklists().due_for_today(until, RULE_CAP)?;
        Ok(tasks
            .into_iter()
            .map(|t| TaskFact {
                person: PersonRef {
                    id: t.employee_id,
                    number: t.number,
                    name: t.name,
                },
                title: t.title,
                due: t.due,
                part: DossierPart::Checklist,
            })
            .collect())
    }

    /// The last contract of each person in service whose end falls within `days` either side of today.
    fn contracts(&self, today: NaiveDate, days: i64) -> Result<Vec<ContractFact>> {
        let kinds = codes(
            ContractKind::ALL
                .iter()
                .filter(|k| rules::ends_by_itself(**k)),
        );
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT c.kind, c.end_date, {PERSON}, {FULL_NAME_SQL} FROM contracts c JOIN employees e ON e.id = c.employee_id
             WHERE c.end_date BETWEEN ?1 AND ?2 AND c.kind IN ({kinds}) AND e.status <> 'left'
               AND NOT EXISTS (SELECT 1 FROM contracts n
                               WHERE n.employee_id = c.employee_id AND n.start_date > c.start_date)
             ORDER BY c.end_date LIMIT {RULE_CAP}"
        ))?;
        let rows = st.query_map(window(today, days, days), |r| {
            Ok(ContractFact {
                kind: choice(0, r.get(0)?)?,
                end: date(r.get(1)?).unwrap_or(today),
                person: person_at(r, 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// People starting or started within the window, and whether their hiring documents are on file (a
    /// signed contract counts when scanned or when the last contract carries its signing date).
    fn hires(&self, today: NaiveDate, back: i64, ahead: i64) -> Result<Vec<HireFact>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT start_date, signed, receipt, {PERSON}, {FULL_NAME_SQL} FROM (
               SELECT e.*,
                      EXISTS (SELECT 1 FROM documents d
                              WHERE d.employee_id = e.id AND d.kind = 'signed_contract')
                      OR (SELECT c.signed_on FROM contracts c WHERE c.employee_id = e.id
                          ORDER BY c.start_date DESC LIMIT 1) IS NOT NULL AS signed,
                      EXISTS (SELECT 1 FROM documents d
                              WHERE d.employee_id = e.id AND d.kind = 'work_rules_receipt') AS receipt
               FROM employees e WHERE e.start_date BETWEEN ?1 AND ?2 AND e.status <> 'left'
               ORDER BY e.start_date
             ) AS e WHERE NOT (signed AND receipt) LIMIT {RULE_CAP}"
        ))?;
        let rows = st.query_map(window(today, back, ahead), |r| {
            Ok(HireFact {
                start: date(r.get(0)?).unwrap_or(today),
                has_signed_contract: r.get(1)?,
                has_work_rules_receipt: r.get(2)?,
                person: person_at(r, 3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest document of each expiring kind that expires within `days` or expired in the last year.
    fn expiring(&self, today: NaiveDate, days: i64) -> Result<Vec<ExpiryFact>> {
        let kinds = codes(EXPIRING_KINDS.iter());
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT d.kind, d.expires, {PERSON}, {FULL_NAME_SQL} FROM documents d JOIN employees e ON e.id = d.employee_id
             WHERE d.expires BETWEEN ?1 AND ?2 AND d.kind IN ({kinds}) AND e.status <> 'left'
               AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.employee_id = d.employee_id
                               AND n.kind = d.kind AND n.expires > d.expires)
             ORDER BY d.expires LIMIT {RULE_CAP}"
        ))?;
        let rows = st.query_map(window(today, 365, days), |r| {
            Ok(ExpiryFact {
                kind: choice(0, r.get(0)?)?,
                expires: date(r.get(1)?).unwrap_or(today),
                person: person_at(r, 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Spells still open or ending today or later, and those of the last weeks still without certificate.
    /// Spells running or ended lately, and recent ones without a certificate. Each kind is found
    /// through its own index (a walk in start order would read years of ended spells first).
    fn spells(&self, today: NaiveDate) -> Result<Vec<SpellFact>> {
        let columns = SPELL_COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT {columns}, {PERSON}, {FULL_NAME_SQL} FROM sick_spells s JOIN employees e ON e.id = s.employee_id
             WHERE e.status <> 'left'
               AND s.id IN (SELECT id FROM sick_spells WHERE end_date IS NULL OR end_date >= ?1
                            UNION SELECT id FROM sick_spells WHERE start_date >= ?2 AND certificate IS NULL)
             ORDER BY s.start_date LIMIT {RULE_CAP}"
        ))?;
        let back = today - Duration::days(CERTIFICATE_DAYS_BACK);
        let rows = st.query_map(params![iso(Some(today)), iso(Some(back))], |r| {
            let (spell_id, spell) = spell_row(r)?;
            Ok(SpellFact {
                person: person_at(r, 9)?,
                spell_id,
                spell,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Leave requests waiting for a decision; `leave_type` is the type's code.
    fn requests(&self) -> Result<Vec<RequestFact>> {
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT r.id, t.code, r.from_date, r.to_date, {PERSON}, {FULL_NAME_SQL}
             FROM leave_requests r JOIN employees e ON e.id = r.employee_id
                  JOIN leave_types t ON t.id = r.type_id
             WHERE r.status = 'requested' AND e.status <> 'left'
             ORDER BY r.from_date LIMIT {RULE_CAP}"
        ))?;
        let rows = st.query_map([], |r| {
            let from = date(r.get(2)?).unwrap_or_default();
            Ok(RequestFact {
                request_id: r.get(0)?,
                leave_type: r.get(1)?,
                from,
                to: date(r.get(3)?).unwrap_or(from),
                person: person_at(r, 4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// People in service whose birthday or work anniversary falls in the window (by month and day).
    fn occasions(&self, today: NaiveDate, days: i64) -> Result<Vec<OccasionFact>> {
        let mut out = Vec::new();
        for (from, to) in month_day_ranges(today, days) {
            for column in ["birth_date", "seniority_date"] {
                let not_null = if column == "birth_date" {
                    " AND e.birth_date IS NOT NULL"
                } else {
                    ""
                };
                let mut st = self.store.conn().prepare_cached(&format!(
                    "SELECT e.birth_date, e.seniority_date, {PERSON}, {FULL_NAME_SQL} FROM employees e
                     WHERE substr(e.{column}, 6, 5) BETWEEN ?1 AND ?2 AND e.status <> 'left'{not_null}
                     ORDER BY substr(e.{column}, 6, 5) LIMIT {OCCASION_CAP}"
                ))?;
                let rows = st.query_map(params![from, to], |r| {
                    Ok(OccasionFact {
                        birth: date(r.get(0)?),
                        seniority: date(r.get(1)?).unwrap_or(today),
                        person: person_at(r, 2)?,
                    })
                })?;
                out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
            }
        }
        // Someone with both a birthday and an anniversary in the window was read twice.
        out.sort_by_key(|o| o.person.id);
        out.dedup_by_key(|o| o.person.id);
        Ok(out)
    }
}

impl TodayRepo<'_> {
    /// Applications rejected within the last year whose candidate has no rejection letter yet.
    fn rejections(&self, today: NaiveDate) -> Result<Vec<RejectionFact>> {
        let templates = REJECTION_TEMPLATES
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT a.id, a.ended_on, c.id, c.first_name || ' ' || c.last_name
             FROM applications a JOIN candidates c ON c.id = a.candidate_id
             WHERE a.stage = 'rejected' AND a.ended_on BETWEEN ?1 AND ?2 AND c.purged_on IS NULL
               AND NOT EXISTS (SELECT 1 FROM candidate_letters l
                               WHERE l.application_id = a.id AND l.template IN ({templates}))
             ORDER BY a.ended_on, a.id LIMIT {RULE_CAP}"
        ))?;
        let rows = st.query_map(window(today, 365, 0), |r| {
            Ok(RejectionFact {
                application_id: r.get(0)?,
                rejected_on: date(r.get(1)?).unwrap_or(today),
                person: PersonRef {
                    id: r.get(2)?,
                    number: String::new(),
                    name: r.get(3)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Candidates not purged yet whose retention date falls within the month (or passed).
    fn candidate_retention(&self, today: NaiveDate) -> Result<Vec<CandidateRetentionFact>> {
        let until = today + Duration::days(CANDIDATE_RETENTION_DAYS);
        let due = self.store.recruitment().retention_due(until, RULE_CAP)?;
        Ok(due
            .into_iter()
            .map(|c| CandidateRetentionFact {
                person: PersonRef {
                    id: c.id,
                    number: String::new(),
                    name: c.name,
                },
                until: c.retain_until,
            })
            .collect())
    }
}

/// Choice codes as an SQL list (`'a', 'b'`): the rule that picks them stays in the domain.
fn codes<'a, C: Choice + 'a>(choices: impl Iterator<Item = &'a C>) -> String {
    choices
        .map(|c| format!("'{}'", c.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The ISO dates `back` days before and `ahead` days after `today`, as query parameters.
fn window(today: NaiveDate, back: i64, ahead: i64) -> [Option<String>; 2] {
    [
        iso(Some(today - Duration::days(back))),
        iso(Some(today + Duration::days(ahead))),
    ]
}
