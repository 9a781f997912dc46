//! The command line of the evaluation after a course (issue 6, third part): `dossier training
//! evaluate`, with its error paths (exit 1, message on stderr, nothing written). Every run has its
//! own temp HOME and database, and today is 23/11/2026.

mod common;

use common::Env;

/// A course E0003 followed on 02/10/2026, entered by hand: its record id.
fn record(env: &Env) -> String {
    let v = env.json(&[
        "training",
        "records",
        "E0003",
        "add",
        "--title",
        "Excel voor gevorderden",
        "--from",
        "02/10/2026",
        "--duration",
        "7h",
        "--json",
    ]);
    v["id"].to_string()
}

#[test]
fn an_evaluation_is_saved_with_its_follow_up_date_and_replaced() {
    let env = Env::demo();
    let id = record(&env);
    let out = env
        .ok(&[
            "training",
            "evaluate",
            &id,
            "--score",
            "usefulness=5",
            "--score",
            "content=4",
            "--comment",
            "Meteen toegepast",
        ])
        .stdout;
    // Follow-up 3 months (the default setting) after the course.
    assert!(
        out.contains(&format!(
            "Evaluation of record {id} saved; follow-up due 02/01/2027"
        )),
        "{out}"
    );
    let v = env.json(&[
        "training",
        "evaluate",
        &id,
        "--score",
        "trainer=2",
        "--json",
    ]);
    assert_eq!(v["scores"][0]["question"], "trainer");
    assert_eq!(v["scores"][0]["score"], 2);
    assert_eq!(v["comment"], "");
    assert_eq!(v["follow_up_due"], "2027-01-02");
}

#[test]
fn bad_scores_are_refused_and_write_nothing() {
    let env = Env::demo();
    let id = record(&env);
    env.refused(
        &["training", "evaluate", &id, "--score", "price=3"],
        "“price” is not an evaluation question; the questions are: content, trainer, organisation, usefulness",
    );
    env.refused(
        &["training", "evaluate", &id, "--score", "content=9"],
        "“9” is not a score",
    );
    env.refused(
        &["training", "evaluate", &id, "--score", "content"],
        "write question=score",
    );
    env.refused(
        &[
            "training",
            "evaluate",
            &id,
            "--score",
            "content=3",
            "--score",
            "content=4",
        ],
        "scored twice",
    );
    env.refused(
        &["training", "evaluate", &id],
        "Score at least one question",
    );
    env.fails(&["training", "evaluate", "99999", "--score", "content=3"]);
    // Nothing was written: a first valid evaluation is the only one.
    let v = env.json(&[
        "training",
        "evaluate",
        &id,
        "--score",
        "content=3",
        "--json",
    ]);
    assert_eq!(v["scores"].as_array().unwrap().len(), 1);
}

#[test]
fn a_follow_up_is_answered_yes_no_or_partly_after_the_evaluation() {
    let env = Env::demo();
    let id = record(&env);
    // Not evaluated yet: refused.
    env.refused(
        &["training", "follow-up", &id, "--helped", "yes"],
        "Evaluate the course first",
    );
    env.ok(&["training", "evaluate", &id, "--score", "content=4"]);
    env.refused(
        &["training", "follow-up", &id, "--helped", "maybe"],
        "maybe",
    );
    let out = env
        .ok(&[
            "training",
            "follow-up",
            &id,
            "--helped",
            "partly",
            "--note",
            "Deels",
        ])
        .stdout;
    assert!(
        out.contains(&format!("Follow-up of record {id} recorded: Partly")),
        "{out}"
    );
    let v = env.json(&["training", "follow-up", &id, "--helped", "no", "--json"]);
    assert_eq!(v["helped"], "no");
    assert_eq!(v["follow_up_on"], "2026-11-23");
}
