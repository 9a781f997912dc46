//! The command line of training requests (issue 6, second part): `dossier training request
//! add|list|approve|refuse`, with their error paths (exit 1, message on stderr, nothing written).
//! Every run has its own temp HOME and database, and today is 23/11/2026.

mod common;

use common::Env;

/// The demo's pending request (E0017, first aid) and the upcoming session of its course.
fn pending_and_session(env: &Env) -> (String, String) {
    let requests = env.json(&["training", "request", "list", "--pending", "--json"]);
    let r = &requests.as_array().unwrap()[0];
    assert_eq!(r["person"]["number"], "E0017");
    let course = r["course_id"].as_i64().unwrap();
    let sessions = env.json(&["training", "session", "list", "--json"]);
    let s = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["data"]["course_id"].as_i64() == Some(course))
        .expect("a session of the course");
    (r["id"].to_string(), s["id"].to_string())
}

#[test]
fn a_request_is_added_listed_and_approved_on_a_session() {
    let env = Env::demo();
    let list = env.ok(&["training", "request", "list"]).stdout;
    assert!(
        list.contains("EHBO") && list.contains("Pending") && list.contains("Refused: Volgend jaar"),
        "{list}"
    );
    let (id, session) = pending_and_session(&env);
    let out = env
        .ok(&["training", "request", "approve", &id, "--session", &session])
        .stdout;
    assert!(
        out.contains(&format!(
            "Request #{id} approved: E0017 Enrolled on session #{session}"
        )),
        "{out}"
    );
    // Decided once: a second answer is refused.
    env.refused(
        &["training", "request", "refuse", &id, "--reason", "No"],
        "already decided",
    );
    let v = env.json(&[
        "training",
        "request",
        "add",
        "E0003",
        "--course",
        "1",
        "--motivation",
        "Nieuwe machine",
        "--wanted-from",
        "01/02/2027",
        "--wanted-to",
        "31/03/2027",
        "--json",
    ]);
    assert_eq!(v["status"], "pending");
    assert_eq!(v["wanted_from"], "2027-02-01");
    let new = v["id"].to_string();
    let out = env
        .ok(&[
            "training",
            "request",
            "refuse",
            &new,
            "--reason",
            "Budget spent",
        ])
        .stdout;
    assert!(out.contains("refused: Budget spent"), "{out}");
    let pending = env.ok(&["training", "request", "list", "--pending"]).stdout;
    assert!(pending.contains("No training requests"), "{pending}");
}

#[test]
fn bad_answers_and_requests_are_refused_and_write_nothing() {
    let env = Env::demo();
    let (id, _) = pending_and_session(&env);
    env.refused(
        &["training", "request", "approve", &id],
        "Approving needs --session ID",
    );
    env.refused(
        &["training", "request", "refuse", &id],
        "Refusing needs --reason",
    );
    env.refused(
        &["training", "request", "refuse", &id, "--reason", "  "],
        "Refusing needs --reason",
    );
    env.refused(
        &["training", "request", "approve", &id, "--session", "9999"],
        "No session with number “9999”",
    );
    env.refused(
        &["training", "request", "approve", "4242", "--session", "1"],
        "4242",
    );
    env.refused(
        &["training", "request", "add", "E0003", "--course", "999"],
        "No course with number “999”",
    );
    env.refused(
        &[
            "training",
            "request",
            "add",
            "E0003",
            "--course",
            "1",
            "--wanted-from",
            "31/02/2027",
        ],
        "31/02/2027",
    );
    env.refused(
        &["training", "request", "add", "E9999", "--course", "1"],
        "E9999",
    );
    // Still the demo's three requests, the pending one untouched.
    let all = env.json(&["training", "request", "list", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 3);
    assert_eq!(all[0]["status"], "pending");
}

#[test]
fn a_record_entered_by_hand_shows_in_the_records_and_expiring() {
    let env = Env::demo();
    let out = env
        .ok(&[
            "training",
            "records",
            "E0003",
            "add",
            "--title",
            "Hoogwerker IPAF (extern)",
            "--from",
            "12/01/2022",
            "--duration",
            "7h",
            "--certificate-no",
            "IPAF-5521",
            "--expires",
            "15/12/2026",
        ])
        .stdout;
    assert!(out.contains("for E0003: Hoogwerker IPAF (extern)"), "{out}");
    let list = env.ok(&["training", "records", "E0003"]).stdout;
    assert!(
        list.contains("#IPAF-5521") && list.contains("15/12/2026"),
        "{list}"
    );
    let expiring = env.ok(&["training", "expiring"]).stdout;
    assert!(expiring.contains("Hoogwerker IPAF (extern)"), "{expiring}");
    let v = env.json(&[
        "training",
        "records",
        "E0003",
        "add",
        "--course",
        "1",
        "--from",
        "02/03/2025",
        "--json",
    ]);
    assert_eq!(v["data"]["course_id"], 1);
    assert!(v["data"]["minutes"].as_u64().unwrap() > 0);
}

#[test]
fn a_bad_record_is_refused_and_nothing_is_written() {
    let env = Env::demo();
    let before = env.json(&["training", "records", "E0003", "--json"]);
    env.refused(
        &[
            "training",
            "records",
            "E0003",
            "add",
            "--title",
            "X",
            "--duration",
            "2",
        ],
        "From",
    );
    env.refused(
        &[
            "training",
            "records",
            "E0003",
            "add",
            "--course",
            "999",
            "--from",
            "01/01/2025",
        ],
        "No course with number “999”",
    );
    env.refused(
        &[
            "training",
            "records",
            "E0003",
            "add",
            "--title",
            "X",
            "--duration",
            "2",
            "--from",
            "01/01/2025",
            "--expires",
            "01/01/2024",
        ],
        "expire before",
    );
    env.refused(
        &[
            "training",
            "records",
            "E9999",
            "add",
            "--title",
            "X",
            "--from",
            "01/01/2025",
        ],
        "E9999",
    );
    assert_eq!(
        env.json(&["training", "records", "E0003", "--json"]),
        before
    );
}
