//! Recruitment on the Today list, read from a real database: the missing rejection letter and the
//! coming purge show, and go once the letter is recorded or the data purged.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::recruitment::{CandidateInput, Stage, VacancyInput};
use dossier::domain::today::{Due, Place, TodayList};
use dossier::store::recruitment::Link;
use dossier::store::{Access, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn open(dir: &tempfile::TempDir, today: &str) -> Store {
    Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::Day(d(today)),
    )
    .unwrap()
}

fn recruitment_items(list: &TodayList) -> Vec<(Due, NaiveDate, Place)> {
    list.items
        .iter()
        .filter(|a| matches!(a.place, Place::Candidate { .. }))
        .map(|a| (a.what.clone(), a.due, a.place))
        .collect()
}

#[test]
fn a_rejection_without_letter_shows_until_the_letter_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "2026-04-01");
    let r = store.recruitment();
    let v = VacancyInput {
        title: "Boekhouder (m/v/x)".into(),
        status: "open".into(),
        ..Default::default()
    };
    let v = r.add_vacancy(&v, &[], &[], &[]).unwrap().id;
    let input = CandidateInput {
        first_name: "Ann".into(),
        last_name: "Janssens".into(),
        language: "nl".into(),
        ..Default::default()
    };
    let (c, a) = r.add_candidate(&input, v, Link::Refuse).unwrap();
    assert!(recruitment_items(&store.today().list(d("2026-04-01")).unwrap()).is_empty());
    r.move_stage(a, Stage::Rejected, "profile").unwrap();
    let items = recruitment_items(&store.today().list(d("2026-04-01")).unwrap());
    assert_eq!(
        items,
        vec![(
            Due::RejectionLetter {
                application_id: a,
                rejected_on: d("2026-04-01")
            },
            d("2026-04-08"),
            Place::Candidate { candidate_id: c.id }
        )]
    );
    // An invitation is no answer; the rejection letter is.
    r.record_letter(a, "interview_invitation", None).unwrap();
    assert_eq!(
        recruitment_items(&store.today().list(d("2026-04-01")).unwrap()).len(),
        1
    );
    r.record_letter(a, "rejection_letter", None).unwrap();
    assert!(recruitment_items(&store.today().list(d("2026-04-01")).unwrap()).is_empty());
    // Retention without consent ends on 2026-10-01: it shows from a month before until the purge.
    let until = r.retain_until(c.id).unwrap().unwrap();
    assert!(
        recruitment_items(
            &store
                .today()
                .list(until - chrono::Duration::days(31))
                .unwrap()
        )
        .is_empty()
    );
    let items = recruitment_items(
        &store
            .today()
            .list(until - chrono::Duration::days(30))
            .unwrap(),
    );
    assert_eq!(items[0].0, Due::CandidateRetention { until });
    assert_eq!(items[0].1, until);
    r.purge(until + chrono::Duration::days(1), false).unwrap();
    assert!(
        recruitment_items(
            &store
                .today()
                .list(until + chrono::Duration::days(1))
                .unwrap()
        )
        .is_empty()
    );
}
