//! Disk full and I/O errors. Two real ways to make a write fail: SQLite's own `PRAGMA
//! max_page_count` (the database may not grow: SQLITE_FULL), and the operating system's file-size
//! limit (`ulimit -f`: every write past the limit fails, as on a full disk) for the real binary.
//! Promise: an operation that fails half-way leaves nothing of itself in the database (one
//! transaction), says so in plain words, never panics, and an export that fails leaves no half file.

use std::path::Path;

use dossier::domain::employee::EmployeeInput;
use dossier::i18n::{I18n, Lang};

use super::common::{Env, Out, TODAY, dump};

/// The real binary with every file it writes limited to `kib` KiB, like a disk that is full once
/// that much is written (SIGXFSZ ignored, so the write fails with an error instead of killing it).
#[cfg(unix)]
fn limited(env: &Env, kib: u32, args: &[&str]) -> Out {
    let script = format!("trap '' XFSZ; ulimit -f {}; exec \"$0\" \"$@\"", kib * 2);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .env("HOME", env.dir.path())
        .env_remove("DOSSIER_DB")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env("XDG_CONFIG_HOME", env.dir.path().join(".config"))
        .env("XDG_DATA_HOME", env.dir.path().join(".local/share"))
        .arg("--db")
        .arg(env.db())
        .args(["--today", TODAY, "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    Out {
        code: out.status.code().expect("killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A failed write as the user sees it: an error exit (not a panic) and the plain-words message.
fn assert_refused_whole(out: &Out, what: &str) {
    assert_ne!(out.code, 0, "{what} succeeded:\n{}", out.stdout);
    assert_ne!(out.code, 101, "{what} panicked:\n{}", out.stderr);
    assert!(
        out.stderr.contains("nothing of this change was saved"),
        "{what}: no clear message:\n{}",
        out.stderr
    );
}

fn synthetic(env: &Env, people: &str) {
    env.ok(&["demo", "--employees", people]);
}

fn csv_of_people(n: usize) -> String {
    let mut text = String::from("number;first_name;last_name;start_date;email_work\r\n");
    for k in 0..n {
        text.push_str(&format!(
            "N{k:04};Wannes{k};Vandenbroucke-Verhaegen{k};01/02/2025;wannes.{k}@example.be\r\n"
        ));
    }
    text
}

/// Promise: `leave allocate` for 300 people on a disk that fills up half-way writes nothing (no
/// one gets part of a year), says the disk is full, and the file stays sound; with room on the
/// disk the same command does write (so the test can fail).
#[cfg(unix)]
#[test]
fn leave_allocation_for_everyone_on_a_full_disk_writes_nothing() {
    let env = Env::new();
    synthetic(&env, "300");
    let before = dump(&env.db());
    let out = limited(&env, 64, &["leave", "allocate", "2027"]);
    assert_refused_whole(&out, "leave allocate");
    assert!(out.stderr.contains("disk"), "{}", out.stderr);
    assert!(dump(&env.db()) == before, "the failed allocation left rows");
    env.ok(&["check"]);
    env.ok(&["leave", "allocate", "2027"]);
    assert!(
        dump(&env.db()) != before,
        "the allocation writes nothing at all"
    );
}

/// Promise: a CSV import of 400 people that meets a full disk half-way imports no one.
#[cfg(unix)]
#[test]
fn an_employee_import_on_a_full_disk_imports_no_one() {
    let env = Env::new();
    synthetic(&env, "20");
    let file = env.path("people.csv");
    std::fs::write(&file, csv_of_people(400)).unwrap();
    let before = dump(&env.db());
    let out = limited(&env, 64, &["employee", "import", file.to_str().unwrap()]);
    assert_refused_whole(&out, "employee import");
    assert!(dump(&env.db()) == before, "the failed import left rows");
    env.ok(&["check"]);
    let ok = env.ok(&["employee", "import", file.to_str().unwrap()]);
    assert!(ok.stdout.contains("400"), "{}", ok.stdout);
}

/// Promise, through SQLite's own limit (`max_page_count`): the whole-company allocation and the
/// import fail with SQLITE_FULL, roll back whole, and the message says nothing was saved.
#[test]
fn sqlite_full_rolls_back_allocation_and_import_whole() {
    let env = Env::new();
    let store = env.open();
    store
        .load_people(
            dossier::demo::synthetic_company(200, 7, super::common::today()),
            |_| {},
        )
        .unwrap();
    let before = dump(&env.db());
    store.cap_growth(0).unwrap();
    let e = store.leave().allocate_year(2027, false).unwrap_err();
    let message = dossier::errors::store_error(&I18n::new(Lang::En), &e);
    assert!(message.contains("The disk is full"), "{message}");
    assert!(
        dump(&env.db()) == before,
        "a part of the allocation was kept"
    );
    let rows: Vec<(usize, EmployeeInput)> = (0..300)
        .map(|k| {
            (
                k + 2,
                EmployeeInput {
                    number: format!("M{k:04}"),
                    first_name: format!("Mira{k}"),
                    last_name: "Van den Bossche".into(),
                    start_date: "01/03/2025".into(),
                    ..Default::default()
                },
            )
        })
        .collect();
    match store.employees().import(&rows, false) {
        Err(dossier::store::ImportError::Store(e)) => {
            let message = dossier::errors::store_error(&I18n::new(Lang::Nl), &e);
            assert!(message.contains("De schijf is vol"), "{message}");
        }
        other => panic!("the import did not hit the full disk: {other:?}"),
    }
    assert!(dump(&env.db()) == before, "a part of the import was kept");
    // The store is still usable once there is room again.
    store.cap_growth(10_000).unwrap();
    store.leave().allocate_year(2027, false).unwrap();
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Promise: exports to a full device (`/dev/full`: ENOSPC on every write) report the error and
/// exit non-zero, for the employee CSV, a report as CSV and as a workbook, and the interviews.
#[cfg(target_os = "linux")]
#[test]
fn exports_to_a_full_device_report_the_error() {
    let env = Env::new();
    env.demo();
    for args in [
        vec!["employee", "export", "/dev/full", "--all"],
        vec!["report", "headcount", "--csv", "/dev/full"],
        vec!["report", "headcount", "--xlsx", "/dev/full"],
        vec!["interview", "export", "/dev/full"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.code, 3, "{args:?}: {}\n{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains("No space left on device") && out.stderr.contains("/dev/full"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(
        !names_in(Path::new("/dev"))
            .iter()
            .any(|n| n.ends_with(".part")),
        "a part file was left in /dev"
    );
}

/// Promise: an export that runs out of disk half-way leaves no half file and no temporary file
/// behind (the bytes go to a temporary file that only takes the name when whole).
#[cfg(unix)]
#[test]
fn an_export_that_fills_the_disk_leaves_no_half_file() {
    let env = Env::new();
    synthetic(&env, "300");
    let out_dir = env.path("exports");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("people.csv");
    let t = target.to_str().unwrap();
    // The database is only read: 48 KiB is room for SQLite's shared-memory file (32 KiB), not
    // for 300 people.
    let out = limited(&env, 48, &["employee", "export", t, "--all"]);
    assert_eq!(out.code, 3, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("people.csv"), "{}", out.stderr);
    assert_eq!(names_in(&out_dir), Vec::<String>::new());
    // An earlier export under that name is kept as it was when the new one fails with --force.
    std::fs::write(&target, "earlier").unwrap();
    let out = limited(&env, 48, &["employee", "export", t, "--all", "--force"]);
    assert_eq!(out.code, 3, "{}\n{}", out.stdout, out.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "earlier");
    assert_eq!(names_in(&out_dir), vec!["people.csv"]);
}

/// A folder nobody may write into. Root ignores a folder's permissions, so then a read-only
/// system folder stands in; `None` when there is none.
#[cfg(unix)]
fn read_only_dir(env: &Env) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let dir = env.path("locked");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    if std::fs::write(&probe, b"x").is_err() {
        return Some(dir);
    }
    let _ = std::fs::remove_file(probe);
    let sys = Path::new("/sys");
    (sys.is_dir() && std::fs::write(sys.join("dossier-probe"), b"x").is_err())
        .then(|| sys.to_path_buf())
}

/// Promise: an export into a read-only folder says it cannot write there, exits non-zero and
/// leaves nothing behind.
#[cfg(unix)]
#[test]
fn exports_into_a_read_only_folder_are_refused_cleanly() {
    let env = Env::new();
    env.demo();
    let Some(dir) = read_only_dir(&env) else {
        eprintln!("no read-only folder available: skipped");
        return;
    };
    let before = names_in(&dir);
    let csv = dir.join("people.csv");
    let xlsx = dir.join("headcount.xlsx");
    for args in [
        vec!["employee", "export", csv.to_str().unwrap()],
        vec!["report", "headcount", "--xlsx", xlsx.to_str().unwrap()],
        vec!["backup", csv.to_str().unwrap()],
    ] {
        let out = env.run(&args);
        assert_ne!(out.code, 0, "{args:?}: {}", out.stdout);
        assert_ne!(out.code, 101, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains(dir.to_str().unwrap()),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert_eq!(names_in(&dir), before);
}
