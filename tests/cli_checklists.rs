//! The command line of the Dimona register and the checklists: `dossier dimona add|list|missing` and
//! `dossier checklist show|tick|due`, with their error paths (exit 1, message on stderr, nothing
//! written). Every run has its own temp HOME and database, and today is 23/11/2026.

mod common;

use common::Env;

/// The demo's upcoming starter without a Dimona IN (Bram Coppens) and the last leaver without an OUT.
fn gaps(env: &Env) -> Vec<(String, String)> {
    env.json(&["dimona", "missing", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["number"].as_str().unwrap().to_string(),
                g["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn dimona_missing_then_add_then_list() {
    let env = Env::demo();
    let before = gaps(&env);
    assert_eq!(before.len(), 2, "{before:?}");
    let (starter, _) = before.iter().find(|(_, k)| k == "in").unwrap().clone();
    let text = env.ok(&["dimona", "missing"]).stdout;
    assert!(text.contains("Dimona IN missing for"), "{text}");

    let out = env.ok(&[
        "dimona",
        "add",
        &starter,
        "--kind",
        "in",
        "--on",
        "2026-11-23",
        "--reference",
        "4003180099",
    ]);
    assert!(out.stdout.contains("Dimona IN"), "{}", out.stdout);
    assert_eq!(gaps(&env).len(), 1);

    let list = env.json(&["dimona", "list", &starter, "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["kind"], "in");
    assert_eq!(list[0]["reference"], "4003180099");
    assert_eq!(list[0]["declared_on"], "2026-11-23");
    // The declared start came from the dossier.
    assert!(list[0]["start"].is_string());
    let text = env.ok(&["dimona", "list", &starter]).stdout;
    assert!(
        text.contains("23/11/2026") && text.contains("IN (start)"),
        "{text}"
    );
}

#[test]
fn dimona_add_refuses_bad_input_and_writes_nothing() {
    let env = Env::demo();
    let count = || {
        env.json(&["dimona", "list", "E0001", "--json"])
            .as_array()
            .unwrap()
            .len()
    };
    let before = count();
    env.refused(
        &[
            "dimona",
            "add",
            "E0001",
            "--kind",
            "inn",
            "--on",
            "2026-11-23",
        ],
        "“inn” is not an option",
    );
    env.refused(
        &[
            "dimona",
            "add",
            "E0001",
            "--kind",
            "in",
            "--on",
            "31/02/2026",
        ],
        "is not a date",
    );
    env.refused(
        &[
            "dimona",
            "add",
            "E0001",
            "--kind",
            "in",
            "--on",
            "2026-11-23",
            "--start",
            "2026-11-23",
            "--end",
            "2026-11-01",
        ],
        "Comes before the start date",
    );
    env.refused(
        &[
            "dimona",
            "add",
            "E9999",
            "--kind",
            "in",
            "--on",
            "2026-11-23",
        ],
        "E9999",
    );
    assert_eq!(count(), before);
    env.refused(&["dimona", "list", "NOPE"], "NOPE");
}

#[test]
fn checklist_show_tick_undo_and_due() {
    let env = Env::demo();
    let due = env.json(&["checklist", "due", "--json"]);
    let due = due.as_array().unwrap();
    assert!(!due.is_empty());
    let dates: Vec<&str> = due.iter().map(|t| t["due"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(dates.iter().all(|d| *d <= "2026-11-23"));
    let first = &due[0];
    let number = first["number"].as_str().unwrap().to_string();
    let task = first["task_id"].as_i64().unwrap().to_string();
    assert!(first["title"]["nl"].is_string());

    let shown = env.ok(&["checklist", "show", &number]).stdout;
    assert!(shown.contains(&format!("#{task}")), "{shown}");
    assert!(shown.contains("overdue"), "{shown}");

    let out = env.ok(&["checklist", "tick", &number, &task]);
    assert!(
        out.stdout.contains(&format!("Task #{task} done")),
        "{}",
        out.stdout
    );
    let lists = env.json(&["checklist", "show", &number, "--json"]);
    let ticked = lists
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["tasks"].as_array().unwrap().iter())
        .find(|t| t["id"].as_i64().unwrap().to_string() == task)
        .unwrap()
        .clone();
    assert_eq!(ticked["done"]["how"], "ticked");
    assert_eq!(ticked["done"]["by"], "sofie");
    assert_eq!(ticked["done"]["on"], "2026-11-23");
    let still_due = env.json(&["checklist", "due", "--json"]);
    assert!(
        !still_due
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["task_id"].as_i64().unwrap().to_string() == task)
    );
    env.refused(&["checklist", "tick", &number, &task], "Already done");

    let out = env.ok(&["checklist", "tick", &number, &task, "--undo"]);
    assert!(out.stdout.contains("open again"), "{}", out.stdout);
    env.refused(
        &["checklist", "tick", &number, &task, "--undo"],
        "Not ticked yet",
    );

    // Until a later day: more tasks, still in order.
    let later = env.json(&["checklist", "due", "--until", "31/12/2026", "--json"]);
    assert!(later.as_array().unwrap().len() > due.len());
}

#[test]
fn checklist_errors_name_the_problem() {
    let env = Env::demo();
    let due = env.json(&["checklist", "due", "--json"]);
    let first = &due.as_array().unwrap()[0];
    let task = first["task_id"].as_i64().unwrap().to_string();
    let other = if first["number"] == "E0001" {
        "E0002"
    } else {
        "E0001"
    };
    env.refused(
        &["checklist", "tick", other, &task],
        "is not on this person's checklist",
    );
    env.refused(&["checklist", "tick", "E0001", "999999"], "task #999999");
    env.refused(
        &["checklist", "due", "--until", "tomorrow"],
        "is not a date",
    );
    env.refused(&["checklist", "show", "E9999"], "E9999");
    let none = env.ok(&["checklist", "show", "E0001"]).stdout;
    assert!(none.contains("No checklist for E0001"), "{none}");
    // The Dimona task of someone declared is done by the register.
    let lists = env.json(&["checklist", "show", "E0024", "--json"]);
    let dimona = lists[0]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "dimona_in")
        .unwrap()
        .clone();
    assert_eq!(dimona["done"]["how"], "dimona");
    let id = dimona["id"].as_i64().unwrap().to_string();
    env.refused(&["checklist", "tick", "E0024", &id], "Dimona declaration");
}
