//! The reliability suite: each test states what it promises about the user's data (nothing lost,
//! nothing leaked, never two writers, damaged files refused untouched) and checks it on real files.

#[path = "reliability/common.rs"]
mod common;

#[path = "reliability/backup.rs"]
mod backup;

#[path = "reliability/privacy.rs"]
mod privacy;

#[path = "reliability/terminal.rs"]
mod terminal;

#[path = "reliability/crash.rs"]
mod crash;

#[path = "reliability/damaged.rs"]
mod damaged;

#[path = "reliability/io_errors.rs"]
mod io_errors;

#[path = "reliability/permissions.rs"]
mod permissions;

#[path = "reliability/hostile_files.rs"]
mod hostile_files;

#[path = "reliability/pty_close.rs"]
mod pty_close;
