//! Exporting a month to a file: computed by the store line by line, written as the one layout while
//! it is recorded (which locks the month). Shared by `dossier payroll variables --export` and the
//! review's export key. A CSV file is streamed row by row, so 100 000 people never sit in memory;
//! an `.xlsx` workbook is built whole (the library writes it in one go).

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use super::sheet::{self, Format};
use crate::domain::payroll::month::PayMonth;
use crate::i18n::I18n;
use crate::safe_file::Existing;
use crate::sheet::{CsvStream, Sheet, SheetError, write_xlsx};
use crate::store::{Store, StoreError};

#[derive(Debug)]
pub enum ExportError {
    Store(StoreError),
    File(SheetError),
}

/// Where the rows go while the store computes them.
enum Sink {
    Csv(Box<CsvStream>),
    Xlsx(Sheet),
}

/// Writes and records an export (the TUI's export key does the same). The file takes its name
/// just before the month is recorded, in the same transaction: a month never locks without its
/// file, and a failed recording removes the file again. Returns the file, the month's lines and
/// the corrections.
pub fn export_to(
    store: &Store,
    i: &I18n,
    month: PayMonth,
    file: &Path,
    format: Format,
    again: bool,
    existing: Existing,
) -> Result<(PathBuf, usize, usize), ExportError> {
    let sink = RefCell::new(Some(match format {
        Format::Csv => Sink::Csv(Box::new(
            CsvStream::create(file, &sheet::headers(), existing).map_err(ExportError::File)?,
        )),
        Format::Xlsx => {
            if existing == Existing::Refuse && crate::safe_file::exists(file) {
                return Err(ExportError::File(SheetError::Exists(file.to_path_buf())));
            }
            Sink::Xlsx(Sheet {
                title: sheet::title(month),
                headers: sheet::headers(),
                rows: Vec::new(),
            })
        }
    }));
    // A file error inside the store's transaction is kept here and reported as such.
    let file_error: RefCell<Option<SheetError>> = RefCell::new(None);
    let failed = |e: SheetError| {
        *file_error.borrow_mut() = Some(e);
        StoreError::Other(anyhow::anyhow!("export file"))
    };
    let counted = store.payroll().export_streamed(
        month,
        again,
        &file.display().to_string(),
        &mut |facts, l, person, correction| {
            let cells = sheet::row(month, facts, l, Some(person), correction, i);
            match sink.borrow_mut().as_mut() {
                Some(Sink::Csv(csv)) => csv.row(&cells).map_err(failed),
                Some(Sink::Xlsx(s)) => {
                    s.rows.push(cells);
                    Ok(())
                }
                None => Ok(()),
            }
        },
        || {
            let done = match sink.borrow_mut().take() {
                Some(Sink::Csv(csv)) => csv.finish(),
                Some(Sink::Xlsx(s)) => write_xlsx(file, &[s], existing),
                None => Ok(()),
            };
            done.map_err(failed)
        },
    );
    let file_error = file_error.into_inner();
    match counted {
        Ok(c) => Ok((file.to_path_buf(), c.lines, c.corrections)),
        Err(e) => {
            // Recording failed after the file took its name: remove it, the month stays open.
            if sink.borrow().is_none() && file_error.is_none() {
                let _ = std::fs::remove_file(file);
            }
            Err(match file_error {
                Some(f) => ExportError::File(f),
                None => ExportError::Store(e),
            })
        }
    }
}
