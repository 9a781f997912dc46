//! Standard output for the CLI. `dossier employee list | head` closes the pipe early; Rust's
//! `println!` would then panic, so every CLI line goes through `out!`/`outln!`, which end the
//! process quietly (exit 0, as `head` expects) when the reader has gone. CLI commands print after
//! their transaction has committed, so stopping there loses nothing.

use std::io::{self, Write};

pub fn write(args: std::fmt::Arguments) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_fmt(args) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("{e}");
        std::process::exit(1);
    }
}

macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!($($arg)*)) };
}

macro_rules! outln {
    () => { $crate::cli::out::write(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {out, outln};
