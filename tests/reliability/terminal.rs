//! The terminal is always given back: the real binary in a pseudo-terminal is sent SIGTERM and
//! SIGHUP; afterwards the alternate screen is left, the cursor shown and the line discipline is
//! back to normal (canonical mode and echo: raw mode off). A form with typed text is saved as a
//! draft, not lost.

use std::io::Read;
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::common::Env;

struct Tui {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn std::io::Write + Send>,
}

fn start(env: &Env) -> Tui {
    let (master, child) = spawn_tui(env);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(30).unwrap(),
        NonZeroU16::new(100).unwrap(),
        0,
    )));
    let bytes = Arc::new(Mutex::new(Vec::new()));
    let mut reader = master.try_clone_reader().unwrap();
    {
        let parser = Arc::clone(&parser);
        let bytes = Arc::clone(&bytes);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        parser.lock().unwrap().process(&buf[..n]);
                        bytes.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
    }
    let writer = master.take_writer().unwrap();
    Tui {
        master,
        child,
        parser,
        bytes,
        writer,
    }
}

impl Tui {
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let s = self.parser.lock().unwrap().screen().contents();
            if s.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {text:?}; screen:\n{s}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(150));
    }

    fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().unwrap();
        let ok = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }

    /// Waits for the program to end; it must end by itself (it handled the signal).
    fn wait_exit(&mut self) {
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("the program did not end after the signal");
            }
            thread::sleep(Duration::from_millis(50));
        }
        thread::sleep(Duration::from_millis(200));
    }

    fn modes(&self) -> Vec<String> {
        let tty = self.master.tty_name().expect("no tty name");
        let stty = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&tty)
            .output()
            .unwrap();
        assert!(
            stty.status.success(),
            "{}",
            String::from_utf8_lossy(&stty.stderr)
        );
        String::from_utf8_lossy(&stty.stdout)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    /// The terminal as the shell gets it back.
    fn assert_restored(&self) {
        let out = self.bytes.lock().unwrap().clone();
        let text = String::from_utf8_lossy(&out);
        let entered = text
            .rfind("\x1b[?1049h")
            .expect("never entered the alternate screen");
        let left = text
            .rfind("\x1b[?1049l")
            .expect("the alternate screen was not left");
        assert!(
            left > entered,
            "the alternate screen was not left at the end"
        );
        assert!(
            text[entered..].contains("\x1b[?25h"),
            "the cursor stays hidden"
        );
        let words = self.modes();
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(
                words.iter().any(|w| w == mode),
                "{mode} is still off (raw mode): {words:?}"
            );
        }
    }
}

fn drafts(db: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dossier::ui::drafts::drafts_dir(db))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// Promise: SIGTERM (a shutdown, `kill`) ends Dossier with the terminal restored; nothing was
/// being typed, so no draft.
#[test]
fn sigterm_restores_the_terminal() {
    let env = Env::new();
    env.demo();
    let mut tui = start(&env);
    tui.wait_for("need attention");
    // The check can fail: while Dossier runs, the terminal is raw.
    assert!(tui.modes().iter().any(|w| w == "-icanon"));
    tui.signal("TERM");
    tui.wait_exit();
    tui.assert_restored();
    assert!(drafts(&env.db()).is_empty());
}

/// Promise: SIGHUP (the terminal window closed) with a form open and text typed: the terminal is
/// restored and what was typed is in a private draft file, which the next start announces.
#[test]
fn sighup_with_a_form_open_saves_a_draft_and_restores_the_terminal() {
    let env = Env::new();
    env.demo();
    let mut tui = start(&env);
    tui.wait_for("need attention");
    tui.keys(b"2");
    tui.wait_for("Employees");
    tui.keys(b"n");
    tui.wait_for("New employee");
    tui.keys(b"E0777");
    tui.keys(b"\t");
    tui.keys("Hanne-Lore Ødegård".as_bytes());
    tui.signal("HUP");
    tui.wait_exit();
    tui.assert_restored();
    let found = drafts(&env.db());
    assert_eq!(found.len(), 1, "{found:?}");
    let text = std::fs::read_to_string(&found[0]).unwrap();
    assert!(
        text.contains("Hanne-Lore Ødegård") && text.contains("E0777"),
        "{text}"
    );
    #[cfg(unix)]
    assert_eq!(super::common::mode(&found[0]), 0o600);
    // Nothing half-typed was written to the database.
    assert_eq!(
        super::common::count(
            &env.db(),
            "SELECT count(*) FROM employees WHERE number = 'E0777'"
        ),
        0
    );
    // The next start says where the draft is.
    let mut again = start(&env);
    again.wait_for("saved as drafts");
    again.keys(b"q");
    again.wait_exit();
    again.assert_restored();
}

/// The real binary in a 100×30 pseudo-terminal on `env`'s database, with none of the user's
/// settings; only the master side is kept (the child holds the slave).
pub(super) fn spawn_tui(env: &Env) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args([
        "--db",
        env.db().to_str().unwrap(),
        "--today",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    cmd.env("HOME", env.dir.path());
    cmd.env("TERM", "xterm-256color");
    for var in [
        "LANG",
        "LC_ALL",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "DOSSIER_DB",
    ] {
        cmd.env_remove(var);
    }
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    (pair.master, child)
}
