//! The command line of training (issue 6): `dossier training course|session|records|expiring|right`
//! and `dossier report training`, with their error paths (exit 1, message on stderr, nothing
//! written). Every run has its own temp HOME and database, and today is 23/11/2026.

mod common;

use common::Env;

/// Adds a course and returns its id (read back from the JSON, whatever the demo already holds).
fn course(env: &Env, title: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "training",
        "course",
        "add",
        "--title",
        title,
        "--duration",
        "7h36",
        "--json",
    ];
    args.extend_from_slice(extra);
    env.json(&args)["id"].to_string()
}

fn session(env: &Env, course: &str, days: &str, capacity: &str) -> String {
    let v = env.json(&[
        "training",
        "session",
        "add",
        "--course",
        course,
        "--days",
        days,
        "--capacity",
        capacity,
        "--json",
    ]);
    v["id"].to_string()
}

#[test]
fn a_course_and_a_session_from_enrolment_to_the_record() {
    let env = Env::demo();
    let c = course(
        &env,
        "Forklift refresher",
        &[
            "--cost",
            "150",
            "--certificate-months",
            "36",
            "--mandatory-for",
            "heftruckchauffeur",
        ],
    );
    let list = env.ok(&["training", "course", "list"]).stdout;
    assert!(
        list.contains("Forklift refresher") && list.contains("valid 36 months"),
        "{list}"
    );
    let s = session(
        &env,
        &c,
        "09/11/2026 08:00-12:00; 10/11/2026 08:00-11:36",
        "2",
    );
    let out = env
        .ok(&[
            "training", "session", "enrol", &s, "E0015", "E0011", "E0003",
        ])
        .stdout;
    assert!(
        out.contains("E0015: Enrolled") && out.contains("E0003: Waiting list"),
        "{out}"
    );
    let sessions = env.ok(&["training", "session", "list"]).stdout;
    assert!(
        sessions.contains("2/2") && sessions.contains("1 waiting"),
        "{sessions}"
    );
    env.ok(&[
        "training",
        "session",
        "attend",
        &s,
        "E0015",
        "--day",
        "09/11/2026",
    ]);
    let out = env
        .ok(&[
            "training",
            "session",
            "attend",
            &s,
            "E0015",
            "--day",
            "10/11/2026",
        ])
        .stdout;
    assert!(out.contains("training record written"), "{out}");
    let recs = env.json(&["training", "records", "E0015", "--json"]);
    let rec = recs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["data"]["title"] == "Forklift refresher")
        .unwrap();
    assert_eq!(rec["data"]["minutes"], 456);
    assert_eq!(rec["data"]["expires"], "2029-11-10");
    let out = env
        .ok(&["training", "session", "cancel", &s, "E0011"])
        .stdout;
    assert!(out.contains("E0003 moves up"), "{out}");
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let env = Env::demo();
    let before = env
        .json(&["training", "course", "list", "--json"])
        .as_array()
        .unwrap()
        .len();
    env.refused(
        &[
            "training",
            "course",
            "add",
            "--title",
            "",
            "--duration",
            "0",
        ],
        "Required",
    );
    env.refused(
        &[
            "training",
            "course",
            "add",
            "--title",
            "X",
            "--duration",
            "2",
            "--kind",
            "online",
        ],
        "not an option",
    );
    env.refused(
        &[
            "training",
            "course",
            "add",
            "--title",
            "X",
            "--duration",
            "2",
            "--mandatory-for",
            "lasser",
        ],
        "certificate validity",
    );
    assert_eq!(
        env.json(&["training", "course", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        before
    );
    let c = course(&env, "First aid", &[]);
    env.refused(
        &[
            "training",
            "session",
            "add",
            "--course",
            "9999",
            "--days",
            "07/12/2026",
        ],
        "No course",
    );
    env.refused(
        &[
            "training",
            "session",
            "add",
            "--course",
            &c,
            "--days",
            "31/02/2026",
        ],
        "not a session day",
    );
    env.refused(
        &[
            "training",
            "session",
            "add",
            "--course",
            &c,
            "--days",
            "07/12/2026 12:00-09:00",
        ],
        "end comes before",
    );
    let s = session(&env, &c, "07/12/2026", "5");
    env.refused(
        &["training", "session", "enrol", &s, "E0015", "NOPE"],
        "NOPE",
    );
    let enrolled = env.json(&["training", "session", "list", "--json"]);
    let row = enrolled
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].as_i64() == s.parse::<i64>().ok())
        .unwrap()
        .clone();
    assert_eq!(
        row["enrolled"], 0,
        "an unknown number refuses the whole command"
    );
    env.ok(&["training", "session", "enrol", &s, "E0015"]);
    env.refused(
        &["training", "session", "enrol", &s, "E0015"],
        "Already on this session",
    );
    env.refused(
        &[
            "training",
            "session",
            "attend",
            &s,
            "E0015",
            "--day",
            "08/12/2026",
        ],
        "not a day of this session",
    );
    env.refused(
        &[
            "training",
            "session",
            "attend",
            &s,
            "E0011",
            "--day",
            "07/12/2026",
        ],
        "Not on this session",
    );
    env.refused(
        &[
            "training",
            "session",
            "attend",
            &s,
            "E0015",
            "--day",
            "07/12/2026",
            "--mark",
            "late",
        ],
        "not an option",
    );
    env.refused(
        &[
            "training",
            "session",
            "attend",
            &s,
            "E0015",
            "--day",
            "07/12/2026",
        ],
        "has not come yet",
    );
    env.refused(&["training", "expiring", "--days", "-1"], "--days");
    env.refused(&["training", "right", "NOPE"], "NOPE");
    env.refused(&["report", "training", "--at", "01/01/2026"], "--at");
}

#[test]
fn expiring_certificates_and_the_training_right() {
    let env = Env::demo();
    let c = course(
        &env,
        "VCA basic",
        &[
            "--certificate-months",
            "1",
            "--mandatory-for",
            "heftruckchauffeur",
        ],
    );
    let s = session(&env, &c, "02/11/2026", "5");
    env.ok(&["training", "session", "enrol", &s, "E0015"]);
    env.ok(&[
        "training",
        "session",
        "attend",
        &s,
        "E0015",
        "--day",
        "02/11/2026",
    ]);
    // Valid one month from 02/11/2026: expires 02/12/2026, within the 90 days.
    let v = env.json(&["training", "expiring", "--json"]);
    let hit = v["expiring"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["record"]["data"]["title"] == "VCA basic")
        .unwrap();
    assert_eq!(hit["expires"], "2026-12-02");
    assert_eq!(hit["state"]["state"], "expiring");
    assert_eq!(hit["planned"], serde_json::Value::Null);
    let text = env.ok(&["training", "expiring", "--days", "30"]).stdout;
    assert!(
        text.contains("VCA basic") && text.contains("no session planned"),
        "{text}"
    );
    let none = env.json(&["training", "expiring", "--days", "5", "--json"]);
    assert!(
        none["expiring"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["record"]["data"]["title"] != "VCA basic")
    );
    let r = env.json(&["training", "right", "E0015", "--year", "2026", "--json"]);
    assert_eq!(r["base_days"], 5);
    // One day of 09:00–17:00 (8 h) against a training day of 7h36.
    assert_eq!(r["followed_centidays"], 105, "{r}");
    let text = env
        .ok(&["training", "right", "E0015", "--year", "2026"])
        .stdout;
    assert!(
        text.contains("Training right 2026 (5 days per FTE)"),
        "{text}"
    );
}

#[test]
fn the_training_report_splits_by_kind_and_sex_and_exports_csv() {
    let env = Env::demo();
    let c = course(&env, "Excel", &["--kind", "informal", "--cost", "80"]);
    let s = session(&env, &c, "02/11/2026", "5");
    env.ok(&["training", "session", "enrol", &s, "E0015", "E0019"]);
    env.ok(&[
        "training",
        "session",
        "attend",
        &s,
        "E0015",
        "E0019",
        "--day",
        "02/11/2026",
    ]);
    let v = env.json(&["report", "training", "--year", "2026", "--json"]);
    let informal = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "informal")
        .unwrap()
        .clone();
    assert!(
        informal["total"]["participants"].as_i64().unwrap() >= 2,
        "{informal}"
    );
    let csv = env.dir.path().join("training.csv");
    env.ok(&[
        "report",
        "training",
        "--year",
        "2026",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Informal") && text.contains("Participants"),
        "{text}"
    );
}
