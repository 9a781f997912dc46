//! kill -9 during a stream of writes: a child process adds people one transaction at a time and
//! reports each commit; it is killed at many points. Every time, the file opens, passes the
//! integrity check and the audit chain, and holds every write the child reported.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use dossier::domain::employee::EmployeeInput;
use dossier::store::{Access, Store};

use super::common::{Env, clock, count};

const CHILD_DB: &str = "DOSSIER_RELIABILITY_CHILD_DB";
const CHILD_FROM: &str = "DOSSIER_RELIABILITY_CHILD_FROM";

/// The child: only does something when the parent below starts it with the database to write.
#[test]
fn child_writer() {
    let (Ok(db), Ok(from)) = (std::env::var(CHILD_DB), std::env::var(CHILD_FROM)) else {
        return;
    };
    let from: usize = from.parse().unwrap();
    let store = Store::open(std::path::Path::new(&db), Access::ReadWrite, clock()).unwrap();
    for n in from.. {
        let input = EmployeeInput {
            number: format!("K{n:05}"),
            first_name: "Kill".into(),
            last_name: format!("Test {n}"),
            start_date: "01/02/2020".into(),
            ..Default::default()
        };
        store.employees().add(&input, None).unwrap();
        // Reported only once the commit returned.
        println!("committed {n}");
    }
}

/// Promise: whenever the process is killed (-9) in the middle of writing, nothing it reported as
/// committed is lost and the file is sound.
#[test]
fn kill_9_during_writes_loses_no_reported_commit() {
    let env = Env::new();
    drop(env.open());
    let mut reported: Vec<usize> = Vec::new();
    let mut next = 0usize;
    let kill_points = 12;
    for point in 0..kill_points {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash::child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DB, env.db())
            .env(CHILD_FROM, next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Let it commit a varying number of writes, then kill it at a varying moment, often
        // in the middle of the next transaction.
        let wait_for = 3 + (point * 7) % 11;
        let mut seen = 0;
        while seen < wait_for {
            let line = lines.next().unwrap().unwrap();
            if let Some(n) = line.strip_prefix("committed ") {
                reported.push(n.trim().parse().unwrap());
                seen += 1;
            }
        }
        std::thread::sleep(Duration::from_micros(300 * (point as u64 % 5)));
        child.kill().unwrap(); // SIGKILL
        for line in lines.map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("committed ") {
                reported.push(n.trim().parse().unwrap());
            }
        }
        child.wait().unwrap();
        // The file opens (recovering the WAL), is sound, and has every reported write.
        let store = env.open();
        let report = store.check().unwrap();
        assert!(report.is_ok(), "after kill point {point}: {report:?}");
        drop(store);
        let have = count(
            &env.db(),
            "SELECT count(*) FROM employees WHERE first_name = 'Kill'",
        ) as usize;
        for n in &reported {
            assert_eq!(
                count(
                    &env.db(),
                    &format!("SELECT count(*) FROM employees WHERE number = 'K{n:05}'")
                ),
                1,
                "K{n:05} was reported committed but is lost (kill point {point})"
            );
        }
        next = have + 1000 * (point + 1);
    }
    assert!(reported.len() >= kill_points * 3);
    eprintln!(
        "kill -9 points: {kill_points}, commits reported: {}, lost: 0",
        reported.len()
    );
}
