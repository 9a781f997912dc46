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

/// Standard output through one buffer, for long listings: a line-buffered stdout makes one system
/// call per line, which for 100 000 rows costs more than the query. Same quiet end as [`write`]
/// when the reader has gone; [`Buffered::finish`] writes what is left.
pub struct Buffered {
    out: io::BufWriter<io::StdoutLock<'static>>,
}

impl Buffered {
    pub fn new() -> Buffered {
        Buffered {
            out: io::BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    pub fn write(&mut self, args: std::fmt::Arguments) {
        let r = self.out.write_fmt(args);
        done_or_exit(r);
    }

    /// Writes raw bytes (JSON serialised straight into the buffer).
    pub fn writer(&mut self) -> &mut impl Write {
        &mut self.out
    }

    pub fn finish(mut self) {
        let r = self.out.flush();
        done_or_exit(r);
    }
}

impl Default for Buffered {
    fn default() -> Self {
        Buffered::new()
    }
}

/// Ends the process quietly when the reader has gone, loudly on any other error.
pub fn done_or_exit(r: io::Result<()>) {
    if let Err(e) = r {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("{e}");
        std::process::exit(1);
    }
}
