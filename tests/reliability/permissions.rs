//! Permissions of every file Dossier creates. Promise: after a full day's workflow (create the
//! database, back it up, export, write letters, answer a privacy request, attach files, leave a
//! draft), every folder Dossier made is private (0700) and every file in it 0600 — the database
//! and its WAL/SHM companions, backups, exports, letters, drafts and attached files — found by
//! walking the folders, so a new kind of file cannot be forgotten. The process runs under the
//! usual umask 022, which would otherwise give 0644/0755.

#![cfg(unix)]

use std::path::{Path, PathBuf};

use dossier::domain::records::DocumentInput;
use dossier::i18n::{I18n, Lang};
use dossier::ui::App;
use dossier::ui::keymap::Keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::common::{Env, mode};

/// Every path under `dir` (itself excluded), folders and files.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let path = entry.path();
        let is_dir = entry.file_type().unwrap().is_dir();
        out.push(path.clone());
        if is_dir {
            out.extend(walk(&path));
        }
    }
    out
}

fn type_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

#[test]
fn every_file_dossier_creates_is_private() {
    let env = Env::new();
    let data = env.db().parent().unwrap().to_path_buf();
    // The user's own folder for files they name: theirs, with their permissions.
    let mine = env.path("mine");
    std::fs::create_dir(&mine).unwrap();
    let at = |name: &str| mine.join(name).to_str().unwrap().to_string();

    env.ok(&["init", "--demo"]);
    // A writing command makes the day's automatic backup.
    env.ok(&["sick", "add", "E0001", "--start", "2026-11-23"]);
    env.ok(&["backup"]);
    env.ok(&["backup", &at("copy.db")]);
    env.ok(&["employee", "export", &at("people.csv"), "--all"]);
    env.ok(&["report", "headcount", "--xlsx", &at("headcount.xlsx")]);
    env.ok(&["report", "absenteeism", "--csv", &at("absence.csv")]);
    env.ok(&[
        "payroll",
        "variables",
        "2026-10",
        "--export",
        &at("october.csv"),
    ]);
    env.ok(&["interview", "export", &at("interviews.ics")]);
    env.ok(&["interview", "export", &at("interviews.ics"), "--force"]);
    // Letters and the privacy export go to the exports folder beside the database.
    env.ok(&[
        "document",
        "make",
        "termination_letter",
        "E0017",
        "--by",
        "employer",
    ]);
    env.ok(&["privacy", "export", "E0001"]);
    let cv = env.path("cv.pdf");
    std::fs::write(&cv, b"%PDF-1.4 cv").unwrap();
    let vacancies: serde_json::Value =
        serde_json::from_str(&env.ok(&["vacancy", "list", "--json"]).stdout).unwrap();
    let vacancy = vacancies[0]["id"].to_string();
    env.ok(&[
        "candidate",
        "add",
        "--vacancy",
        &vacancy,
        "--first-name",
        "Yasmina",
        "--last-name",
        "El Idrissi",
        "--email",
        "yasmina@example.be",
        "--file",
        cv.to_str().unwrap(),
    ]);

    // In the program: an attached document, and a draft of an open form; the database stays open
    // (WAL and SHM present) while the folders are walked.
    let store = env.open();
    let id = store.employees().by_number("E0002").unwrap().id;
    store
        .records()
        .add_document(
            id,
            &DocumentInput {
                path: cv.to_str().unwrap().into(),
                kind: "diploma".into(),
                title: "Diploma".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let mut app = App::new(store, I18n::new(Lang::En), Keymap::default());
    type_keys(&mut app, "2n");
    type_keys(&mut app, "E0999");
    let draft = dossier::ui::drafts::save(&app).unwrap().expect("a draft");

    let made = walk(&data);
    let names: Vec<String> = made
        .iter()
        .map(|p| p.strip_prefix(&data).unwrap().display().to_string())
        .collect();
    // The walk saw each kind of file, so the check below covers them.
    for expected in [
        "x.db",
        "x.db-wal",
        "x.db-shm",
        "x-backups",
        "x-exports",
        "x-files",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing: {names:?}"
        );
    }
    assert!(made.contains(&draft), "{names:?}");
    for (kind, suffix) in [
        ("backup", ".db"),
        ("letter", ".html"),
        ("privacy export", "person.json"),
        ("attached file", ".pdf"),
    ] {
        assert!(
            names
                .iter()
                .any(|n| n.len() > 6 && n.ends_with(suffix) && n.contains('/')),
            "no {kind}: {names:?}"
        );
    }
    let wrong: Vec<String> = made
        .iter()
        .filter_map(|p| {
            let want = if p.is_dir() { 0o700 } else { 0o600 };
            let got = mode(p);
            (got != want).then(|| format!("{} {got:o}", p.display()))
        })
        .chain((mode(&data) != 0o700).then(|| format!("{} {:o}", data.display(), mode(&data))))
        .collect();
    assert!(wrong.is_empty(), "not private: {wrong:#?}");

    // The files the user named are private too (the folder is the user's own).
    for p in walk(&mine) {
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    // interviews.ics was written twice (the second time with --force).
    assert_eq!(walk(&mine).len(), 6);
    drop(app);
}
