//! Files Dossier creates on disk: private permissions (0700 folders, 0600 files) and attached documents.

use std::fs::{DirBuilder, OpenOptions};
use std::path::{Path, PathBuf};

use super::{Result, StoreError};

/// Creates the parent folders (0700) and an empty file (0600) before SQLite touches it, so the
/// database and its WAL/SHM companions (which SQLite creates with the same mode) are private.
pub(super) fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(path)
        .map_err(|e| StoreError::Other(anyhow::anyhow!("cannot create {}: {e}", path.display())))?;
    Ok(())
}

pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(|e| {
        StoreError::Other(anyhow::anyhow!(
            "cannot create the folder {}: {e}",
            dir.display()
        ))
    })
}

/// Attached documents live beside the database: `dossier.db` → `dossier-files/`.
pub(super) fn files_dir_for(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into());
    db.with_file_name(format!("{stem}-files"))
}

/// Copies `source` into the files folder under `stored_name`, private, never overwriting.
pub(super) fn copy_in(files_dir: &Path, stored_name: &str, source: &Path) -> Result<PathBuf> {
    let input = std::fs::File::open(source)
        .map_err(|e| StoreError::Other(anyhow::anyhow!("cannot read {}: {e}", source.display())))?;
    store_in(files_dir, stored_name, input)
        .map_err(|e| StoreError::Other(anyhow::anyhow!("cannot copy {}: {e}", source.display())))
}

/// Writes what `input` reads into the files folder under `stored_name`, private, never overwriting;
/// a half-written file is removed.
pub(super) fn store_in(
    files_dir: &Path,
    stored_name: &str,
    mut input: impl std::io::Read,
) -> Result<PathBuf> {
    let target = files_dir.join(stored_name);
    if let Some(parent) = target.parent() {
        create_private_dir(parent)?;
    }
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut out = opts.open(&target).map_err(|e| {
        StoreError::Other(anyhow::anyhow!("cannot create {}: {e}", target.display()))
    })?;
    let copied = std::io::copy(&mut input, &mut out).and_then(|_| out.sync_all());
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&target);
        return Err(StoreError::Other(anyhow::anyhow!(
            "cannot write {}: {e}",
            target.display()
        )));
    }
    Ok(target)
}
