//! The per-vacancy report against a real database: the funnel from the dated moves, the time to
//! hire from a real hire, and purged candidates still counted.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::recruitment::{CandidateInput, Channel, Stage, VacancyInput};
use dossier::store::recruitment::{HireInput, Link};
use dossier::store::{Access, Store};

fn open(dir: &tempfile::TempDir, today: &str) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::Day(NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap()),
    )
    .unwrap()
}

fn candidate(first: &str, source: &str, applied: &str) -> CandidateInput {
    CandidateInput {
        first_name: first.into(),
        last_name: "Peeters".into(),
        language: "nl".into(),
        source: source.into(),
        applied_on: applied.into(),
        ..Default::default()
    }
}

/// Two positions; Anna applies on 2 March and is hired on 23 March (21 days), Bram is rejected
/// after the interview, Carla stays at the phone preselection.
fn procedure(dir: &tempfile::TempDir) -> (i64, [i64; 3]) {
    let store = open(dir, "2026-03-02");
    let r = store.recruitment();
    let v = r
        .add_vacancy(
            &VacancyInput {
                title: "Magazijnier (m/v/x)".into(),
                positions: "2".into(),
                status: "open".into(),
                ..Default::default()
            },
            &[],
            &[],
            &[],
        )
        .unwrap()
        .id;
    let mut ids = [0; 3];
    for (i, (name, source)) in [("Anna", "vdab"), ("Bram", "vdab"), ("Carla", "linkedin")]
        .iter()
        .enumerate()
    {
        let (c, _) = r
            .add_candidate(&candidate(name, source, "02/03/2026"), v, Link::New)
            .unwrap();
        ids[i] = r.applications_of(c.id).unwrap()[0].id;
    }
    drop(store);
    let store = open(dir, "2026-03-09");
    let r = store.recruitment();
    for a in ids {
        r.move_stage(a, Stage::Screened, "").unwrap();
        r.move_stage(a, Stage::Phone, "").unwrap();
    }
    r.move_stage(ids[0], Stage::Interview, "").unwrap();
    r.move_stage(ids[1], Stage::Interview, "").unwrap();
    drop(store);
    let store = open(dir, "2026-03-16");
    let r = store.recruitment();
    r.move_stage(ids[1], Stage::Rejected, "experience").unwrap();
    r.move_stage(ids[0], Stage::Offer, "").unwrap();
    drop(store);
    let store = open(dir, "2026-03-23");
    store
        .recruitment()
        .hire(
            ids[0],
            &HireInput {
                start_date: "01/04/2026".into(),
                ..Default::default()
            },
        )
        .unwrap();
    (v, ids)
}

fn step(r: &dossier::domain::recruitment::report::VacancyReport, s: Stage) -> (u32, u32) {
    let f = r.funnel.iter().find(|f| f.stage == s).unwrap();
    (f.reached, f.now)
}

#[test]
fn the_report_counts_the_funnel_the_hire_and_the_rejection() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = procedure(&dir);
    let store = open(&dir, "2026-03-24");
    let r = store.recruitment().vacancy_report(v).unwrap();
    assert_eq!(r.applicants, 3);
    assert_eq!(r.channels, vec![(Channel::Vdab, 2), (Channel::LinkedIn, 1)]);
    assert_eq!(step(&r, Stage::Received), (3, 0));
    assert_eq!(step(&r, Stage::Phone), (3, 1));
    assert_eq!(step(&r, Stage::Interview), (2, 0));
    // The offer was made straight after the interview: the skipped stages count as passed.
    assert_eq!(step(&r, Stage::References), (1, 0));
    assert_eq!(step(&r, Stage::Hired), (1, 1));
    assert_eq!(step(&r, Stage::Rejected), (1, 1));
    let t = r.time_to_hire.unwrap();
    assert_eq!((t.count, t.min_days, t.max_days), (1, 21, 21));
    assert_eq!(t.median_days, 21.0);
    assert_eq!(r.rejections, vec![("experience".to_string(), 1)]);
}

#[test]
fn purged_candidates_still_count() {
    let dir = tempfile::tempdir().unwrap();
    let (v, ids) = procedure(&dir);
    let before = open(&dir, "2026-03-24")
        .recruitment()
        .vacancy_report(v)
        .unwrap();
    // Carla withdraws; a year later both candidates not hired are past their retention date.
    {
        let store = open(&dir, "2026-03-25");
        store
            .recruitment()
            .move_stage(ids[2], Stage::Withdrawn, "elders getekend")
            .unwrap();
    }
    let store = open(&dir, "2027-06-01");
    let purged = store
        .recruitment()
        .purge(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(), false)
        .unwrap();
    assert_eq!(purged.candidates.len(), 2, "{purged:?}");
    let after = store.recruitment().vacancy_report(v).unwrap();
    assert_eq!(after.applicants, before.applicants);
    assert_eq!(after.channels, before.channels);
    assert_eq!(after.rejections, before.rejections);
    assert_eq!(after.time_to_hire, before.time_to_hire);
    assert_eq!(step(&after, Stage::Phone), (3, 0));
    assert_eq!(step(&after, Stage::Withdrawn), (1, 1));
}

#[test]
fn an_unknown_vacancy_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "2026-03-24");
    assert!(store.recruitment().vacancy_report(99).is_err());
}
