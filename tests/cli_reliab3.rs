//! Files the user names on the command line are never overwritten without asking: every command
//! that writes one refuses an existing file (exit 1, a message naming --force, the file untouched)
//! and replaces it, whole, with --force.

mod common;

use common::Env;

const EARLIER: &str = "an earlier file the user keeps";

/// Each command that writes a file the user names, with the file as its last argument.
fn writers(env: &Env) -> Vec<(Vec<String>, std::path::PathBuf)> {
    let at = |name: &str| env.path(name);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["employee", "export"], "people.csv"),
        (vec!["report", "headcount", "--csv"], "headcount.csv"),
        (vec!["report", "absenteeism", "--xlsx"], "absence.xlsx"),
        (
            vec!["payroll", "variables", "2026-10", "--export"],
            "october.xlsx",
        ),
        (vec!["interview", "export"], "interviews.ics"),
        (vec!["backup"], "copy.db"),
        (vec!["vacancy", "report", "1", "--csv"], "vacancy.csv"),
    ];
    cases
        .into_iter()
        .map(|(args, name)| {
            let path = at(name);
            let mut args: Vec<String> = args.into_iter().map(str::to_string).collect();
            args.push(path.to_str().unwrap().to_string());
            (args, path)
        })
        .collect()
}

#[test]
fn every_named_file_is_refused_when_it_exists_and_replaced_with_force() {
    let env = Env::demo();
    for (args, path) in writers(&env) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        std::fs::write(&path, EARLIER).unwrap();
        let out = env.run(&args);
        assert_eq!(out.code, 1, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains("--force") && out.stderr.contains(path.to_str().unwrap()),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            EARLIER,
            "{args:?} touched the file"
        );
        let mut forced = args.clone();
        forced.push("--force");
        env.ok(&forced);
        let now = std::fs::read(&path).unwrap();
        assert!(
            now != EARLIER.as_bytes() && !now.is_empty(),
            "{args:?} --force did not replace the file"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{args:?}: replaced file is not private");
        }
    }
    // No temporary file was left beside any of them.
    let leftovers: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part") || n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Both files of a report are checked before either is written: one refusal writes neither.
#[test]
fn a_report_to_csv_and_xlsx_writes_neither_when_one_exists() {
    let env = Env::demo();
    let csv = env.path("h.csv");
    let xlsx = env.path("h.xlsx");
    std::fs::write(&xlsx, EARLIER).unwrap();
    let out = env.run(&[
        "report",
        "headcount",
        "--csv",
        csv.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!csv.exists(), "the CSV was written before the refusal");
    assert_eq!(std::fs::read_to_string(&xlsx).unwrap(), EARLIER);
}

/// A folder the user names gets a new sub-folder or new names; nothing in it is overwritten.
#[test]
fn privacy_exports_and_letters_pick_new_names_in_a_named_folder() {
    let env = Env::demo();
    let out_dir = env.path("requests");
    let dir = out_dir.to_str().unwrap();
    let first = env.ok(&["privacy", "export", "E0001", "--out", dir]);
    let second = env.ok(&["privacy", "export", "E0001", "--out", dir]);
    assert_ne!(first.stdout, second.stdout);
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[1].ends_with("-2"), "{names:?}");
}

/// `dossier` with the PIN in `DOSSIER_PIN` (every run is a new process: a restart).
fn with_pin(env: &Env, pin: &str, args: &[&str]) -> common::Out {
    let mut cmd = assert_cmd::Command::cargo_bin("dossier").unwrap();
    cmd.env("HOME", env.dir.path())
        .env_remove("DOSSIER_DB")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("DOSSIER_NEW_PIN")
        .env("DOSSIER_PIN", pin)
        .env("XDG_CONFIG_HOME", env.config())
        .env("XDG_DATA_HOME", env.path(".local/share"))
        .arg("--db")
        .arg(env.db())
        .args(["--today", "2026-11-23", "--lang", "en"]);
    let out = cmd.args(args).write_stdin("").output().unwrap();
    common::Out {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Five wrong PINs are typos; then every try waits longer, says how long, and a new process (a
/// restart) does not reset it: even the right PIN waits. The demo's PIN is 1234.
#[test]
fn wrong_pins_make_the_next_try_wait_across_restarts() {
    let env = Env::demo();
    let list = ["confidential", "list", "E0001"];
    for n in 1..=4 {
        let out = with_pin(&env, "0000", &list);
        assert_eq!(out.code, 1, "try {n}: {}", out.stdout);
        assert!(out.stderr.contains("Wrong PIN"), "try {n}: {}", out.stderr);
    }
    let fifth = with_pin(&env, "0000", &list);
    assert_eq!(fifth.code, 1);
    assert!(
        fifth.stderr.contains("Too many wrong PINs: wait 30 s"),
        "{}",
        fifth.stderr
    );
    // The right PIN, in a new process: still waiting (the count is stored), nothing shown.
    let right = with_pin(&env, "1234", &list);
    assert_eq!(right.code, 1, "{}", right.stdout);
    assert!(right.stderr.contains("wait"), "{}", right.stderr);
    assert!(right.stdout.is_empty());
    // Waiting is not counted as a wrong try: the wait did not grow.
    assert!(
        right.stderr.contains("30 s")
            || right.stderr.contains("29 s")
            || right.stderr.contains("28 s"),
        "{}",
        right.stderr
    );
    // The export of the area asks the same PIN under the same rule.
    let export = with_pin(
        &env,
        "1234",
        &["privacy", "export", "E0001", "--with-confidential"],
    );
    assert_eq!(export.code, 1);
    assert!(export.stderr.contains("wait"), "{}", export.stderr);
}
