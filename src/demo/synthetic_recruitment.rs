//! Recruitment for the synthetic company: one in 25 people who started within the history span was
//! hired through a vacancy (with the candidates who were turned down or withdrew, and those whose data
//! has since been purged), and a few vacancies are open today with candidates at every stage.
//! Deterministic for (people, seed, today, years), like the rest of the synthetic company.

use chrono::NaiveDate;
use fastrand::Rng;

use super::pools::DEPARTMENTS;
use super::{DemoPerson, days, synthetic};
use crate::domain::date::parse_date;
use crate::domain::recruitment::{RetentionPolicy, retention_until};

/// Candidate names, addresses and languages come from people of the synthetic company far beyond
/// its size, so they never repeat the staff's.
const CANDIDATE_BASE: usize = 20_000_000;
/// One vacancy per this many starters within the span.
const STARTERS_PER_VACANCY: usize = 25;
const REASONS: &[&str] = &[
    "profile",
    "experience",
    "qualification",
    "language",
    "availability",
    "salary",
    "better_candidate",
    "no_show",
];
const SOURCES: &[&str] = &[
    "vdab",
    "forem",
    "actiris",
    "website",
    "linkedin",
    "job_site",
    "referral",
    "spontaneous",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthVacancy {
    pub title: String,
    pub department: &'static str,
    pub created_on: NaiveDate,
    /// "filled" (with `closed_on`) or "open".
    pub status: &'static str,
    pub closed_on: Option<NaiveDate>,
    /// Number of the person hired (a filled vacancy), e.g. "S000123".
    pub hired: Option<String>,
    pub candidates: Vec<SynthCandidate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthCandidate {
    /// Empty once purged.
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: &'static str,
    pub source: &'static str,
    pub applied_on: NaiveDate,
    pub consent_on: Option<NaiveDate>,
    /// Stage moves after "received", oldest first: (day, from, to, kind, reason).
    pub moves: Vec<(
        NaiveDate,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )>,
    pub retain_until: Option<NaiveDate>,
    pub purged_on: Option<NaiveDate>,
}

impl SynthCandidate {
    /// The stage reached and since when.
    pub fn stage(&self) -> (&'static str, NaiveDate) {
        self.moves
            .last()
            .map_or(("received", self.applied_on), |m| (m.2, m.0))
    }

    /// The day the application ended (hired, rejected, withdrawn), if it did.
    pub fn ended_on(&self) -> Option<NaiveDate> {
        let (stage, since) = self.stage();
        matches!(stage, "hired" | "rejected" | "withdrawn").then_some(since)
    }

    pub fn reject_reason(&self) -> &'static str {
        self.moves
            .last()
            .filter(|m| m.2 == "rejected")
            .map_or("", |m| m.4)
    }
}

/// The vacancies of the last `years` years, oldest first. `people` yields (index, person) for the
/// whole company in order.
pub fn vacancies(
    people: impl Iterator<Item = (usize, DemoPerson)>,
    n: usize,
    seed: u64,
    today: NaiveDate,
    years: u32,
) -> Vec<SynthVacancy> {
    let from = super::history::span_start(today, years);
    let mut out = Vec::new();
    let mut starters = 0usize;
    for (i, p) in people {
        let Some(start) = parse_date(&p.employee.start_date) else {
            continue;
        };
        // Heads, students and interns were not recruited through a vacancy here.
        if i < DEPARTMENTS.len()
            || p.employee.category == "student"
            || p.employee.category == "intern"
        {
            continue;
        }
        // Created at most 115 days before the start (see below): within the span.
        if start < days(from, 120) || start > days(today, 30) {
            continue;
        }
        starters += 1;
        if !starters.is_multiple_of(STARTERS_PER_VACANCY) {
            continue;
        }
        let mut rng = Rng::with_seed(seed ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        let closed = days(start, -rng.i64(14..40)).min(today);
        let created = days(closed, -rng.i64(35..75));
        let mut v = SynthVacancy {
            title: title(&p.employee.job_title),
            department: dept_name(&p.employee.department),
            created_on: created,
            status: "filled",
            closed_on: Some(closed),
            hired: Some(p.employee.number.clone()),
            candidates: Vec::new(),
        };
        let hired = candidate_from(&p, &mut rng, created, today);
        let mut hired = hired;
        walk(
            &mut hired,
            &["screened", "interview", "offer", "hired"],
            closed,
            &mut rng,
        );
        hired.retain_until = None;
        v.candidates.push(hired);
        for k in 0..rng.usize(3..9) {
            let mut c = candidate(i * 16 + k, seed, &mut rng, created, closed, today);
            turned_down(&mut c, closed, &mut rng);
            close(&mut c, today, &mut rng);
            v.candidates.push(c);
        }
        out.push(v);
    }
    // Open today: a handful of vacancies with candidates on their way.
    for j in 0..(n / 5_000).clamp(2, 40) {
        let mut rng = Rng::with_seed(seed ^ 0xA5A5 ^ ((j as u64) << 20));
        let dept = &DEPARTMENTS[rng.usize(..DEPARTMENTS.len())];
        let created = days(today, -rng.i64(5..60));
        let mut v = SynthVacancy {
            title: title(dept.title_nl),
            department: dept.name,
            created_on: created,
            status: "open",
            closed_on: None,
            hired: None,
            candidates: Vec::new(),
        };
        for k in 0..rng.usize(4..14) {
            let mut c = candidate(
                (1 << 24) + j * 16 + k,
                seed,
                &mut rng,
                created,
                today,
                today,
            );
            let path: &[&str] = match rng.u8(..10) {
                0..=2 => &[],
                3..=4 => &["screened"],
                5 => &["screened", "phone"],
                6..=7 => &["screened", "interview"],
                8 => &["screened", "interview", "offer"],
                _ => &["screened", "rejected"],
            };
            walk(&mut c, path, today, &mut rng);
            close(&mut c, today, &mut rng);
            v.candidates.push(c);
        }
        out.push(v);
    }
    out.sort_by_key(|v| v.created_on);
    out
}

fn title(job: &str) -> String {
    let mut t: String = job
        .chars()
        .take(1)
        .flat_map(char::to_uppercase)
        .chain(job.chars().skip(1))
        .collect();
    t.push_str(" (m/v/x)");
    t
}

fn dept_name(name: &str) -> &'static str {
    DEPARTMENTS
        .iter()
        .find(|d| d.name == name)
        .map_or(DEPARTMENTS[0].name, |d| d.name)
}

/// The person who was hired, as the candidate they were.
fn candidate_from(
    p: &DemoPerson,
    rng: &mut Rng,
    created: NaiveDate,
    today: NaiveDate,
) -> SynthCandidate {
    let e = &p.employee;
    SynthCandidate {
        first_name: e.first_name.clone(),
        last_name: e.last_name.clone(),
        email: e.email_private.clone(),
        phone: e.phone.clone(),
        language: lang(&e.language),
        source: SOURCES[rng.usize(..SOURCES.len())],
        applied_on: days(created, rng.i64(1..10)).min(today),
        consent_on: None,
        moves: Vec::new(),
        retain_until: None,
        purged_on: None,
    }
}

/// Another applicant, named after a person far outside the company.
fn candidate(
    k: usize,
    seed: u64,
    rng: &mut Rng,
    created: NaiveDate,
    closed: NaiveDate,
    today: NaiveDate,
) -> SynthCandidate {
    let p = synthetic::person(CANDIDATE_BASE + k, seed, today);
    let mut c = candidate_from(&p, rng, created, today);
    c.applied_on = days(
        created,
        rng.i64(1..=((closed - created).num_days() / 2).max(1)),
    )
    .min(today);
    c.consent_on = (rng.u8(..100) < 20).then_some(c.applied_on);
    c
}

/// Moves through `path`, a few days apart, never after `until`.
fn walk(c: &mut SynthCandidate, path: &[&'static str], until: NaiveDate, rng: &mut Rng) {
    let mut at = "received";
    let mut on = c.applied_on;
    for to in path {
        on = days(on, rng.i64(2..9)).min(until);
        let (kind, reason) = match *to {
            "rejected" => ("rejection", REASONS[rng.usize(..REASONS.len())]),
            "withdrawn" => ("withdrawal", ""),
            _ => ("forward", ""),
        };
        c.moves.push((on, at, to, kind, reason));
        at = to;
    }
}

/// Someone not hired: rejected at screening or after an interview, or withdrawn.
fn turned_down(c: &mut SynthCandidate, closed: NaiveDate, rng: &mut Rng) {
    let path: &[&str] = match rng.u8(..10) {
        0..=3 => &["screened", "rejected"],
        4..=6 => &["screened", "interview", "rejected"],
        7 => &["rejected"],
        8 => &["screened", "phone", "rejected"],
        _ => &["screened", "withdrawn"],
    };
    walk(c, path, closed, rng);
}

/// Retention after the procedure ended, and the purge where that day has passed.
fn close(c: &mut SynthCandidate, today: NaiveDate, rng: &mut Rng) {
    let Some(ended) = c.ended_on() else {
        return;
    };
    c.retain_until = retention_until(Some(ended), c.consent_on, &RetentionPolicy::default());
    if let Some(until) = c.retain_until.filter(|u| *u < today) {
        c.purged_on = Some(days(until, rng.i64(0..10)).min(today));
        c.first_name.clear();
        c.last_name.clear();
        c.email.clear();
        c.phone.clear();
    }
}

fn lang(code: &str) -> &'static str {
    match code {
        "fr" => "fr",
        "en" => "en",
        _ => "nl",
    }
}
