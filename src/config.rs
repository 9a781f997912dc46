//! Where Dossier keeps its files (data and config folders) and the user's `config.toml`.

use std::path::{Path, PathBuf};

use anyhow::Context;

/// The user's settings file. Unknown keys are refused so a typo does not silently do nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// "nl", "fr" or "en".
    pub language: Option<String>,
    /// The tab the TUI opens on: "today" (the default), "dossiers", "leave", "recruitment",
    /// "training" or "reports".
    pub start: Option<String>,
}

pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    /// The platform folders: `~/.local/share/dossier` and `~/.config/dossier` on Linux.
    pub fn system() -> anyhow::Result<Paths> {
        let dirs = directories::ProjectDirs::from("be", "", "dossier")
            .context("no home folder found: pass --db PATH or set DOSSIER_DB")?;
        Ok(Paths {
            data_dir: dirs.data_dir().to_path_buf(),
            config_dir: dirs.config_dir().to_path_buf(),
        })
    }

    pub fn default_db(&self) -> PathBuf {
        self.data_dir.join("dossier.db")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    pub fn keymap_file(&self) -> PathBuf {
        self.config_dir.join("keymap.toml")
    }

    /// The user's own copies of document templates: `templates/<lang>/<name>.md`.
    pub fn templates_dir(&self) -> PathBuf {
        self.config_dir.join("templates")
    }
}

/// Where exports and letters go unless a folder is set: beside the database, `dossier.db` →
/// `dossier-exports/`.
pub fn exports_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into());
    db.with_file_name(format!("{stem}-exports"))
}

/// `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`…: an export never overwrites (see [`crate::safe_file`]).
pub use crate::safe_file::free_path;

/// Reads `config.toml`; a missing file is the default config, a broken one is an error naming the line.
pub fn load_config(path: &Path) -> anyhow::Result<Config> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_config(&text).with_context(|| format!("in {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

pub fn parse_config(text: &str) -> anyhow::Result<Config> {
    Ok(toml::from_str(text)?)
}

/// The name of the user logged in, recorded as who ticked a checklist task.
pub fn current_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_language_and_refuses_unknown_keys() {
        assert_eq!(
            parse_config("language = \"nl\"")
                .unwrap()
                .language
                .as_deref(),
            Some("nl")
        );
        assert!(parse_config("langauge = \"nl\"").is_err());
        assert!(parse_config("language = ").is_err());
        assert_eq!(parse_config("").unwrap(), Config::default());
    }

    #[test]
    fn exports_go_beside_the_database_and_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            exports_dir(&dir.path().join("dossier.db")),
            dir.path().join("dossier-exports")
        );
        let first = free_path(dir.path(), "headcount-2026-11-23", "xlsx");
        assert_eq!(first, dir.path().join("headcount-2026-11-23.xlsx"));
        std::fs::write(&first, b"x").unwrap();
        let second = free_path(dir.path(), "headcount-2026-11-23", "xlsx");
        assert_eq!(second, dir.path().join("headcount-2026-11-23-2.xlsx"));
        std::fs::write(&second, b"x").unwrap();
        assert_eq!(
            free_path(dir.path(), "headcount-2026-11-23", "xlsx"),
            dir.path().join("headcount-2026-11-23-3.xlsx")
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = parse_config(&s);
        }
    }
}
