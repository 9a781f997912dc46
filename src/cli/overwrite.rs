//! The one rule for files the user names on the command line: an existing file is refused with a
//! message naming `--force`, and replaced (whole, through [`crate::safe_file`]) only with it.

use std::path::Path;

use super::CliError;
use crate::i18n::I18n;
use crate::safe_file::{Existing, FileError};

/// `--force`, flattened into every command that writes a file the user names.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Force {
    /// Replace the file if it exists (without it an existing file is refused and left untouched)
    #[arg(long)]
    pub force: bool,
}

impl Force {
    pub fn existing(self) -> Existing {
        Existing::replace_if(self.force)
    }
}

/// The refusal of an existing file, naming `--force`.
pub fn exists(i: &I18n, path: &Path) -> CliError {
    CliError::input(i.tf("data.file_exists", &[("path", &path.display().to_string())]))
}

/// A file that could not be written: refused (exists) is the user's to decide, the rest is storage.
pub fn file_error(i: &I18n, e: FileError) -> CliError {
    match e {
        FileError::Exists(p) => exists(i, &p),
        io @ FileError::Io { .. } => CliError::storage(io.to_string()),
    }
}
