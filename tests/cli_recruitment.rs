//! The recruitment command line: vacancies, candidates with duplicate detection, stage moves,
//! interviews with the clash refusal (exit 1, clash named, nothing written), the .ics export read
//! back, and the purge. Each run has its own temp HOME and database, and today is 23/11/2026.

use std::str::FromStr;

use icalendar::{Calendar, CalendarComponent, Component, EventLike};

mod common;

use common::{Env, Out};

/// What these tests ask of the sandbox beyond running commands.
trait Recruiting {
    /// Two employees to interview with: E1 Marc Claes, E2 Els Wouters (with a contract).
    fn staffed() -> Env;
    /// Runs on another day than the harness's 23/11/2026.
    fn run_at(&self, today: &str, args: &[&str]) -> Out;
    fn vacancy(&self) -> String;
    fn candidate(&self, vacancy: &str, first: &str, last: &str, email: &str) -> String;
}

impl Recruiting for Env {
    fn staffed() -> Env {
        let env = Env::empty();
        env.ok(&[
            "employee",
            "add",
            "--number",
            "E1",
            "--first-name",
            "Marc",
            "--last-name",
            "Claes",
            "--start-date",
            "01/01/2020",
        ]);
        env.ok(&[
            "employee",
            "add",
            "--number",
            "E2",
            "--first-name",
            "Els",
            "--last-name",
            "Wouters",
            "--start-date",
            "01/01/2021",
            "--contract-kind",
            "indefinite",
            "--contract-start",
            "01/01/2021",
            "--contract-weekly-hours",
            "38",
        ]);
        env
    }

    fn run_at(&self, today: &str, args: &[&str]) -> Out {
        // The last --today given wins over the harness's own.
        let mut all = args.to_vec();
        all.extend_from_slice(&["--today", today]);
        self.run(&all)
    }

    /// A vacancy with two criteria and a channel; returns its id.
    fn vacancy(&self) -> String {
        let v = self.json(&[
            "vacancy",
            "add",
            "--title",
            "CNC-operator (m/v/x)",
            "--department",
            "Workshop",
            "--criterion",
            "VCA certificate;required;3",
            "--criterion",
            "Fanuc;nice;1",
            "--channel",
            "vdab;2026-11-01",
            "--question",
            "When can you start?",
            "--json",
        ]);
        v["id"].to_string()
    }

    fn candidate(&self, vacancy: &str, first: &str, last: &str, email: &str) -> String {
        let c = self.json(&[
            "candidate",
            "add",
            "--vacancy",
            vacancy,
            "--first-name",
            first,
            "--last-name",
            last,
            "--email",
            email,
            "--source",
            "vdab",
            "--json",
        ]);
        c["candidate"]["id"].to_string()
    }
}

#[test]
fn a_vacancy_is_added_listed_and_shown_with_its_profile() {
    let env = <Env as Recruiting>::staffed();
    let v = env.vacancy();
    let list = env.ok(&["vacancy", "list"]).stdout;
    assert!(
        list.contains("CNC-operator (m/v/x)") && list.contains("Open"),
        "{list}"
    );
    let show = env.ok(&["vacancy", "show", &v]).stdout;
    assert!(
        show.contains("VCA certificate")
            && show.contains("VDAB")
            && show.contains("When can you start?"),
        "{show}"
    );
    env.refused(
        &["vacancy", "add", "--title", "X", "--weekly-hours", "99"],
        "Hours",
    );
    env.refused(
        &[
            "vacancy",
            "add",
            "--title",
            "X",
            "--criterion",
            "VCA;must;3",
        ],
        "must",
    );
    assert_eq!(
        env.json(&["vacancy", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1,
        "refusals wrote nothing"
    );
}

#[test]
fn a_duplicate_candidate_is_refused_naming_the_other_and_can_be_linked() {
    let env = <Env as Recruiting>::staffed();
    let v = env.vacancy();
    let first = env.candidate(&v, "Céline", "Dubois", "celine@example.be");
    env.refused(
        &[
            "candidate",
            "add",
            "--vacancy",
            &v,
            "--first-name",
            "X",
            "--last-name",
            "Y",
            "--email",
            "CELINE@example.be",
        ],
        "Céline Dubois",
    );
    let v2 = env.vacancy();
    let linked = env.json(&[
        "candidate",
        "add",
        "--vacancy",
        &v2,
        "--first-name",
        "Celine",
        "--last-name",
        "Dubois",
        "--link",
        &first,
        "--json",
    ]);
    assert_eq!(linked["candidate"]["id"].to_string(), first);
    assert_eq!(
        env.json(&["candidate", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn moves_follow_the_rules_and_the_list_sorts_by_stage_filter() {
    let env = <Env as Recruiting>::staffed();
    let v = env.vacancy();
    let c = env.candidate(&v, "Jan", "Peeters", "jan@example.be");
    env.ok(&["candidate", "move", &c, "--to", "interview"]);
    env.refused(&["candidate", "move", &c, "--to", "screened"], "reason");
    env.refused(
        &[
            "candidate",
            "move",
            &c,
            "--to",
            "rejected",
            "--reason",
            "age",
        ],
        "not a rejection reason",
    );
    env.refused(&["candidate", "move", &c, "--to", "hired"], "hire");
    env.ok(&[
        "candidate",
        "move",
        &c,
        "--to",
        "rejected",
        "--reason",
        "experience",
    ]);
    let rejected = env.json(&["candidate", "list", "--stage", "rejected", "--json"]);
    assert_eq!(rejected[0]["reject_reason"], "experience");
    let show = env.ok(&["candidate", "show", &c]).stdout;
    assert!(
        show.contains("Interview")
            && show.contains("Rejected")
            && show.contains("Personal data kept until: 23/05/2027"),
        "{show}"
    );
}

#[test]
fn a_clashing_interview_exits_1_naming_the_clash_and_the_ics_reads_back() {
    let env = <Env as Recruiting>::staffed();
    let v = env.vacancy();
    let a = env.candidate(&v, "An", "Smet", "an@example.be");
    let b = env.candidate(&v, "Bo", "Maes", "bo@example.be");
    env.ok(&[
        "interview",
        "add",
        "--candidate",
        &a,
        "--at",
        "2026-11-26T10:00",
        "--minutes",
        "60",
        "--interviewer",
        "E1",
        "--place",
        "Gent",
    ]);
    env.refused(
        &[
            "interview",
            "add",
            "--candidate",
            &b,
            "--at",
            "2026-11-26T10:30",
            "--minutes",
            "60",
            "--interviewer",
            "E1",
        ],
        "Marc Claes already has an interview at 26/11/2026 10:00",
    );
    env.refused(
        &[
            "interview",
            "add",
            "--candidate",
            &b,
            "--at",
            "2026-11-26",
            "--minutes",
            "60",
        ],
        "day and hour",
    );
    env.ok(&[
        "leave",
        "add",
        "E2",
        "--type",
        "legal",
        "--from",
        "2026-11-30",
        "--override",
        "test",
    ]);
    env.refused(
        &[
            "interview",
            "add",
            "--candidate",
            &b,
            "--at",
            "2026-11-30T09:00",
            "--minutes",
            "45",
            "--interviewer",
            "E2",
        ],
        "Els Wouters is away from 30/11/2026",
    );
    env.ok(&[
        "interview",
        "add",
        "--candidate",
        &b,
        "--at",
        "2026-11-26T10:30",
        "--minutes",
        "60",
        "--interviewer",
        "E1",
        "--override",
        "only slot before the deadline",
    ]);
    assert_eq!(
        env.json(&["interview", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let file = env.dir.path().join("interviews.ics");
    env.ok(&[
        "interview",
        "export",
        file.to_str().unwrap(),
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-26",
    ]);
    let cal = Calendar::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 2);
    assert!(events[0].get_summary().unwrap().contains("An Smet"));
    assert_eq!(events[0].get_location(), Some("Gent"));
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    assert_eq!(events[0].get_start(), Some(start.into()));
}

#[test]
fn the_purge_keeps_the_data_until_the_date_and_dry_run_writes_nothing() {
    let env = <Env as Recruiting>::staffed();
    let v = env.vacancy();
    let c = env.candidate(&v, "Ann", "Janssens", "ann@example.be");
    env.ok(&[
        "candidate",
        "move",
        &c,
        "--to",
        "rejected",
        "--reason",
        "profile",
    ]);
    let early = env.ok(&["recruitment", "purge", "--dry-run"]).stdout;
    assert!(early.contains("Would purge 0"), "{early}");
    let later = env.run_at("2027-06-01", &["recruitment", "purge", "--dry-run"]);
    assert!(
        later.stdout.contains("Ann Janssens") && later.stdout.contains("Would purge 1"),
        "{}",
        later.stdout
    );
    let done = env.run_at("2027-06-01", &["recruitment", "purge"]);
    assert!(done.stdout.contains("Purged 1"), "{}", done.stdout);
    let show = env.ok(&["candidate", "show", &c]).stdout;
    assert!(
        !show.contains("Janssens") && show.contains("purged"),
        "{show}"
    );
    let counts = env.ok(&["vacancy", "show", &v]).stdout;
    assert!(counts.contains("Rejected"), "{counts}");
}
