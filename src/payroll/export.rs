//! Exporting a month to a file: prepared by the store, written as the one layout, then recorded
//! (which locks the month). Shared by `dossier payroll variables --export` and the review's export key.

use std::path::{Path, PathBuf};

use super::sheet::{self, Format};
use crate::domain::payroll::month::PayMonth;
use crate::i18n::I18n;
use crate::store::Store;

#[derive(Debug)]
pub enum ExportError {
    Store(crate::store::StoreError),
    File(crate::sheet::SheetError),
}

/// Prepares, writes and records an export (the TUI's export key does the same): the file first, so
/// a month never locks without its file; if recording fails, the file is removed again.
pub fn export_to(
    store: &Store,
    i: &I18n,
    month: PayMonth,
    file: &Path,
    format: Format,
    again: bool,
    existing: crate::safe_file::Existing,
) -> Result<(PathBuf, usize, usize), ExportError> {
    let plan = store
        .payroll()
        .prepare_export(month, again)
        .map_err(ExportError::Store)?;
    sheet::write(file, format, &plan, i, existing).map_err(ExportError::File)?;
    if let Err(e) = store
        .payroll()
        .record_export(&plan, &file.display().to_string())
    {
        let _ = std::fs::remove_file(file);
        return Err(ExportError::Store(e));
    }
    Ok((file.to_path_buf(), plan.lines.len(), plan.corrections.len()))
}
