//! The real terminal closed under Dossier: the pseudo-terminal's master side (the terminal
//! emulator's end) is closed while a form holds typed text, exactly what closing the window does.
//! The kernel hangs the terminal up (SIGHUP, reads fail). Promise: Dossier ends by itself within a
//! few seconds, and what was typed is in a private draft; nothing half-typed reaches the database.

#![cfg(unix)]

use std::num::NonZeroU16;
use std::os::fd::RawFd;
use std::time::{Duration, Instant};

use super::common::{Env, count, mode};

/// Reads what is waiting on the master side for up to `wait`, into the screen.
fn pump(fd: RawFd, screen: &mut vt100::Parser, wait: Duration) {
    let until = Instant::now() + wait;
    let mut buf = [0u8; 8192];
    loop {
        let left = until.saturating_duration_since(Instant::now());
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = left.as_millis().min(50) as libc::c_int;
        // SAFETY: one valid pollfd, its length is 1.
        let ready = unsafe { libc::poll(&mut poll, 1, ms) };
        if ready > 0 && poll.revents & libc::POLLIN != 0 {
            // SAFETY: buf is valid for its length; fd is the open master.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                screen.process(&buf[..n as usize]);
                continue;
            }
        }
        if left.is_zero() {
            return;
        }
    }
}

fn send(fd: RawFd, screen: &mut vt100::Parser, bytes: &[u8]) {
    // SAFETY: bytes is valid for its length; fd is the open master.
    let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
    assert_eq!(n, bytes.len() as isize);
    pump(fd, screen, Duration::from_millis(200));
}

fn wait_for(fd: RawFd, screen: &mut vt100::Parser, text: &str) {
    let start = Instant::now();
    while !screen.screen().contents().contains(text) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {text:?}:\n{}",
            screen.screen().contents()
        );
        pump(fd, screen, Duration::from_millis(100));
    }
}

#[test]
fn closing_the_terminal_ends_dossier_within_seconds_and_keeps_the_draft() {
    let env = Env::new();
    env.demo();
    // Only the master itself holds the terminal's end: no reader or writer copies that would keep
    // it open after it is dropped.
    let (master, mut child) = super::terminal::spawn_tui(&env);
    let fd = master.as_raw_fd().unwrap();
    let mut screen = vt100::Parser::new(
        NonZeroU16::new(30).unwrap(),
        NonZeroU16::new(100).unwrap(),
        0,
    );
    wait_for(fd, &mut screen, "need attention");
    send(fd, &mut screen, b"2");
    wait_for(fd, &mut screen, "Employees");
    send(fd, &mut screen, b"n");
    wait_for(fd, &mut screen, "New employee");
    send(fd, &mut screen, b"E0778\t");
    send(fd, &mut screen, "Kaat Verstraete".as_bytes());
    wait_for(fd, &mut screen, "Kaat Verstraete");

    let closed = Instant::now();
    drop(master);
    let ended = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if closed.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("Dossier still runs 5 s after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = closed.elapsed();
    eprintln!("ended {took:?} after the terminal closed ({ended:?})");

    let dir = dossier::ui::drafts::drafts_dir(&env.db());
    let drafts: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert_eq!(drafts.len(), 1, "no draft in {}: {drafts:?}", dir.display());
    let text = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(
        text.contains("Kaat Verstraete") && text.contains("E0778"),
        "{text}"
    );
    assert_eq!(mode(&drafts[0]), 0o600);
    assert_eq!(
        count(
            &env.db(),
            "SELECT count(*) FROM employees WHERE number = 'E0778'"
        ),
        0
    );
}
