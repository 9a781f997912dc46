//! End to end: the real binary in a pseudo-terminal, driven by key bytes, its screen read with vt100.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use dossier::clock::Clock;
use dossier::store::{Access, Store};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

fn screen(parser: &Mutex<vt100::Parser>) -> String {
    parser.lock().unwrap().screen().contents()
}

fn wait_for(parser: &Mutex<vt100::Parser>, text: &str, timeout: Duration) {
    let start = Instant::now();
    loop {
        let s = screen(parser);
        if s.contains(text) {
            return;
        }
        if start.elapsed() > timeout {
            panic!("timed out waiting for {text:?}; screen:\n{s}");
        }
        thread::sleep(Duration::from_millis(50));
    }
}

fn send(w: &mut dyn Write, bytes: &[u8]) {
    w.write_all(bytes).unwrap();
    w.flush().unwrap();
    // Give the app time to read each key on its own (a lone Esc must not merge with the next byte).
    thread::sleep(Duration::from_millis(150));
}

#[test]
fn new_employee_through_the_tui_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");

    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args([
        "--db",
        db.to_str().unwrap(),
        "--today",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    cmd.cwd(dir.path());
    cmd.env("HOME", dir.path());
    cmd.env("TERM", "xterm-256color");
    for var in [
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
    ] {
        cmd.env_remove(var);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(ROWS).unwrap(),
        NonZeroU16::new(COLS).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    {
        let parser = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => parser.lock().unwrap().process(&buf[..n]),
                }
            }
        });
    }
    let mut writer = pair.master.take_writer().unwrap();

    // The day starts on Today (an empty company still has next year's replacement days to set).
    wait_for(&parser, "replacement day", Duration::from_secs(10));
    send(&mut writer, b"2");
    wait_for(&parser, "Employees", Duration::from_secs(10));
    send(&mut writer, b"n");
    wait_for(&parser, "New employee", Duration::from_secs(10));
    send(&mut writer, b"E77");
    send(&mut writer, b"\t");
    send(&mut writer, b"Test");
    send(&mut writer, b"\t");
    send(&mut writer, b"Persoon");
    send(&mut writer, &[0x13]); // Ctrl-s
    wait_for(&parser, "Persoon", Duration::from_secs(10));
    // Wait until the form is gone (the saved dossier is shown), then leave the dossier and quit.
    let start = Instant::now();
    while screen(&parser).contains("New employee") && start.elapsed() < Duration::from_secs(10) {
        thread::sleep(Duration::from_millis(50));
    }
    let shown = screen(&parser);
    assert!(
        !shown.contains("New employee") && shown.contains("Persoon"),
        "saved dossier not shown:\n{shown}"
    );
    send(&mut writer, b"\x1b");
    send(&mut writer, b"q");

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!(
                "the program did not exit after q; screen:\n{}",
                screen(&parser)
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "exit status {status:?}; screen:\n{}",
        screen(&parser)
    );
    drop(writer);

    let store = Store::open(&db, Access::ReadOnly, Clock::System).unwrap();
    let e = store.employees().by_number("E77").expect("E77 was saved");
    assert_eq!(e.data.last_name, "Persoon");
    assert_eq!(e.data.first_name, "Test");
}
