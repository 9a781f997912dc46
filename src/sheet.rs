//! Tables for spreadsheets: one report or export as titled columns of typed cells, written as an
//! Excel-friendly CSV file or as an `.xlsx` workbook (one worksheet per table). Reports and the payroll
//! hand-over build a [`Sheet`]; this module alone knows the two file formats.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// One cell. Numbers stay numbers in the workbook, so a manager can sum them in Excel.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A decimal shown with this many decimals (a rate, hours as 7,60, FTE as 0,80).
    Number(f64, u8),
    Date(NaiveDate),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Cell {
        Cell::Date(d)
    }
}

impl Cell {
    /// The cell as a Belgian Excel reads it from CSV: decimal comma, dd/mm/yyyy dates.
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Number(x, decimals) => {
                format!("{x:.prec$}", prec = usize::from(*decimals)).replace('.', ",")
            }
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A titled table: the worksheet name in a workbook, the header row, then the rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{} already exists: choose another file name", .0.display())]
    Exists(PathBuf),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("cannot write the workbook: {0}")]
    Xlsx(String),
}

impl From<rust_xlsxwriter::XlsxError> for SheetError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        SheetError::Xlsx(e.to_string())
    }
}

/// Writes the sheets as one CSV file (`;`, UTF-8 with BOM, formulas neutralised). Several sheets are
/// written one after the other, each under its title line and separated by an empty line.
/// Never overwrites an existing file; the file is private (0600).
pub fn write_csv(path: &Path, sheets: &[Sheet]) -> Result<(), SheetError> {
    let mut bytes = Vec::new();
    {
        let mut w = crate::csvio::excel_writer(&mut bytes)?;
        for (i, sheet) in sheets.iter().enumerate() {
            if sheets.len() > 1 {
                if i > 0 {
                    w.write_record([""]).map_err(csv_error)?;
                }
                w.write_record([sheet.title.as_str()]).map_err(csv_error)?;
            }
            w.write_record(&sheet.headers).map_err(csv_error)?;
            for row in &sheet.rows {
                w.write_record(
                    row.iter()
                        .map(|c| crate::csvio::neutralise(&c.csv_text()).into_owned()),
                )
                .map_err(csv_error)?;
            }
        }
        w.flush()?;
    }
    write_new_file(path, &bytes)
}

/// A CSV file written row by row, as [`write_csv`] writes one sheet, for tables too large to hold:
/// the rows go to a private temp file beside `path`, which takes its name only in [`CsvStream::finish`]
/// (never over an existing file), so nobody ever opens half a file. Dropped unfinished, the temp
/// file is removed.
pub struct CsvStream {
    path: std::path::PathBuf,
    temp: std::path::PathBuf,
    writer: Option<csv::Writer<std::io::BufWriter<std::fs::File>>>,
}

impl CsvStream {
    pub fn create(path: &Path, headers: &[String]) -> Result<CsvStream, SheetError> {
        if path.exists() {
            return Err(SheetError::Exists(path.to_path_buf()));
        }
        let name = path
            .file_name()
            .map_or_else(Default::default, |n| n.to_string_lossy());
        let temp = path.with_file_name(format!(".{name}.part"));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let file = opts.open(&temp)?;
        let mut stream = CsvStream {
            path: path.to_path_buf(),
            temp,
            writer: None,
        };
        let mut w = crate::csvio::excel_writer(std::io::BufWriter::new(file))?;
        w.write_record(headers).map_err(csv_error)?;
        stream.writer = Some(w);
        Ok(stream)
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        let Some(w) = self.writer.as_mut() else {
            return Ok(());
        };
        w.write_record(
            cells
                .iter()
                .map(|c| crate::csvio::neutralise(&c.csv_text()).into_owned()),
        )
        .map_err(csv_error)
    }

    /// Flushes the rows to disk and gives the file its name.
    pub fn finish(mut self) -> Result<(), SheetError> {
        let Some(w) = self.writer.take() else {
            return Ok(());
        };
        let file = w
            .into_inner()
            .map_err(|e| SheetError::Io(std::io::Error::other(e.error().to_string())))?
            .into_inner()
            .map_err(|e| SheetError::Io(e.into_error()))?;
        file.sync_all()?;
        drop(file);
        // A hard link fails if the name was taken meanwhile, where a rename would overwrite it.
        std::fs::hard_link(&self.temp, &self.path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => SheetError::Exists(self.path.clone()),
            _ => SheetError::Io(e),
        })?;
        let _ = std::fs::remove_file(&self.temp);
        Ok(())
    }
}

impl Drop for CsvStream {
    fn drop(&mut self) {
        if self.writer.is_some() {
            self.writer = None;
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes the sheets as an `.xlsx` workbook, one worksheet each, header row bold and frozen.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) -> Result<(), SheetError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(worksheet_name(&sheet.title))?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(c), h, &bold)?;
            let widest = sheet
                .rows
                .iter()
                .map(|r| r.get(c).map_or(0, |x| x.csv_text().chars().count()))
                .chain(std::iter::once(h.chars().count()))
                .max()
                .unwrap_or(8);
            ws.set_column_width(col(c), (widest.clamp(6, 60) + 2) as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| SheetError::Xlsx("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(r, col(c), s)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, col(c), *n as f64)?;
                    }
                    Cell::Number(x, decimals) => {
                        let pattern = match decimals {
                            0 => "0".to_string(),
                            d => format!("0.{}", "0".repeat(usize::from(*d))),
                        };
                        ws.write_number_with_format(
                            r,
                            col(c),
                            *x,
                            &Format::new().set_num_format(pattern),
                        )?;
                    }
                    Cell::Date(d) => {
                        let excel = rust_xlsxwriter::ExcelDateTime::from_ymd(
                            u16::try_from(chrono::Datelike::year(d)).unwrap_or(1900),
                            chrono::Datelike::month(d) as u8,
                            chrono::Datelike::day(d) as u8,
                        )?;
                        ws.write_datetime_with_format(r, col(c), &excel, &date)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    let bytes = book.save_to_buffer()?;
    write_new_file(path, &bytes)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Excel allows 31 characters and no `[]:*?/\` in a worksheet name.
fn worksheet_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet".to_string()
    } else {
        clean
    }
}

fn csv_error(e: csv::Error) -> SheetError {
    SheetError::Io(std::io::Error::other(e.to_string()))
}

/// Creates `path` new and private (0600 on Unix), writes and syncs; never overwrites.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), SheetError> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut file = opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => SheetError::Exists(path.to_path_buf()),
        _ => SheetError::Io(e),
    })?;
    let written = file.write_all(bytes).and_then(|_| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(e.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sheet {
        Sheet {
            title: "Headcount / FTE".into(),
            headers: vec!["Department".into(), "People".into(), "FTE".into()],
            rows: vec![
                vec!["Atelier".into(), Cell::Int(12), Cell::Number(11.4, 2)],
                vec![
                    "=cmd".into(),
                    Cell::Empty,
                    Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
                ],
            ],
        }
    }

    #[test]
    fn csv_is_belgian_excel_friendly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        write_csv(&path, &[sample()]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Atelier;12;11,40\r\n"), "{text}");
        assert!(text.contains("'=cmd;;23/11/2026"), "{text}");
        assert!(matches!(
            write_csv(&path, &[sample()]),
            Err(SheetError::Exists(_))
        ));
    }

    #[test]
    fn several_sheets_in_one_csv_carry_their_titles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        write_csv(&path, &[sample(), sample()]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("Headcount / FTE").count(), 2);
    }

    #[test]
    fn xlsx_is_a_zip_workbook_with_the_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.xlsx");
        write_xlsx(&path, &[sample()]).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert!(matches!(
            write_xlsx(&path, &[sample()]),
            Err(SheetError::Exists(_))
        ));
    }

    #[test]
    fn worksheet_names_are_made_legal() {
        assert_eq!(worksheet_name("Headcount / FTE"), "Headcount - FTE");
        assert_eq!(worksheet_name(""), "Sheet");
        assert_eq!(worksheet_name(&"x".repeat(40)).len(), 31);
    }
}
