//! Tables for spreadsheets: one report or export as titled columns of typed cells, written as an
//! Excel-friendly CSV file or as an `.xlsx` workbook (one worksheet per table). Reports and the payroll
//! hand-over build a [`Sheet`]; this module alone knows the two file formats.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::safe_file::{Existing, FileError};

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
/// Replaces an existing file only when `existing` says so; the file is private (0600).
pub fn write_csv(path: &Path, sheets: &[Sheet], existing: Existing) -> Result<(), SheetError> {
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
                w.write_record(row.iter().map(csv_cell))
                    .map_err(csv_error)?;
            }
        }
        w.flush()?;
    }
    write_file(path, &bytes, existing)
}

/// A CSV file written row by row, as [`write_csv`] writes one sheet, for tables too large to hold:
/// the rows go to a private part file beside `path` ([`crate::safe_file::PartFile`]), which takes its
/// name only in [`CsvStream::finish`], so nobody ever opens half a file. Dropped unfinished, the part
/// file is removed.
pub struct CsvStream {
    writer: csv::Writer<std::io::BufWriter<crate::safe_file::PartFile>>,
}

impl CsvStream {
    pub fn create(
        path: &Path,
        headers: &[String],
        existing: Existing,
    ) -> Result<CsvStream, SheetError> {
        let part = crate::safe_file::PartFile::create(path, existing).map_err(file_error)?;
        let mut writer = crate::csvio::excel_writer(std::io::BufWriter::new(part))?;
        writer.write_record(headers).map_err(csv_error)?;
        Ok(CsvStream { writer })
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        self.writer
            .write_record(cells.iter().map(csv_cell))
            .map_err(csv_error)
    }

    /// Flushes the rows to disk and gives the file its name.
    pub fn finish(self) -> Result<(), SheetError> {
        let part = self
            .writer
            .into_inner()
            .map_err(|e| SheetError::Io(std::io::Error::other(e.error().to_string())))?
            .into_inner()
            .map_err(|e| SheetError::Io(e.into_error()))?;
        part.commit().map_err(file_error)
    }
}

/// Writes the sheets as an `.xlsx` workbook, one worksheet each, header row bold and frozen.
/// Text cells that a spreadsheet would take for a formula are neutralised as in the CSV.
pub fn write_xlsx(path: &Path, sheets: &[Sheet], existing: Existing) -> Result<(), SheetError> {
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
    write_file(path, &bytes, existing)
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

/// A cell as the CSV holds it. Only text can smuggle a formula in; a negative number stays a number.
fn csv_cell(c: &Cell) -> Vec<u8> {
    match c {
        Cell::Text(s) => crate::csvio::neutralise(s).into_owned(),
        other => other.csv_text().into_bytes(),
    }
}

fn csv_error(e: csv::Error) -> SheetError {
    SheetError::Io(std::io::Error::other(e.to_string()))
}

/// Writes through the one safe path (temporary file, then rename): whole or absent, private.
fn write_file(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), SheetError> {
    crate::safe_file::write_bytes(path, existing, bytes).map_err(file_error)
}

fn file_error(e: FileError) -> SheetError {
    match e {
        FileError::Exists(p) => SheetError::Exists(p),
        FileError::Io { source, .. } => SheetError::Io(source),
    }
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
        write_csv(&path, &[sample()], Existing::Refuse).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Atelier;12;11,40\r\n"), "{text}");
        assert!(text.contains("'=cmd;;23/11/2026"), "{text}");
        assert!(matches!(
            write_csv(&path, &[sample()], Existing::Refuse),
            Err(SheetError::Exists(_))
        ));
    }

    #[test]
    fn several_sheets_in_one_csv_carry_their_titles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        write_csv(&path, &[sample(), sample()], Existing::Refuse).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("Headcount / FTE").count(), 2);
    }

    #[test]
    fn xlsx_is_a_zip_workbook_with_the_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.xlsx");
        write_xlsx(&path, &[sample()], Existing::Refuse).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert!(matches!(
            write_xlsx(&path, &[sample()], Existing::Refuse),
            Err(SheetError::Exists(_))
        ));
    }

    /// Cells a spreadsheet would run as a formula (= + - @ TAB CR first) get a `'` in the CSV; in
    /// the workbook every text is a plain string cell, never a formula; numbers stay numbers.
    #[test]
    fn formula_injection_is_neutralised_in_csv_and_xlsx() {
        use std::io::Read;
        let hostile = [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ];
        let sheet = Sheet {
            title: "T".into(),
            headers: vec!["Name".into(), "Amount".into()],
            rows: hostile
                .iter()
                .map(|h| vec![Cell::from(*h), Cell::Number(-3.5, 2)])
                .collect(),
        };
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("h.csv");
        write_csv(&csv, std::slice::from_ref(&sheet), Existing::Refuse).unwrap();
        let text = std::fs::read_to_string(&csv).unwrap();
        let mut read = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let names: Vec<String> = read
            .records()
            .map(|r| r.unwrap().get(0).unwrap().to_string())
            .collect();
        let expected: Vec<String> = hostile.iter().map(|h| format!("'{h}")).collect();
        assert_eq!(names, expected);
        assert!(text.contains(";-3,50\r\n"), "{text}");
        assert!(!text.contains("'-3,50"), "{text}");
        let xlsx = dir.path().join("h.xlsx");
        write_xlsx(&xlsx, &[sheet], Existing::Refuse).unwrap();
        let mut book = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
        let mut part = |name: &str| {
            let mut s = String::new();
            book.by_name(name).unwrap().read_to_string(&mut s).unwrap();
            s
        };
        let cells = part("xl/worksheets/sheet1.xml");
        assert!(!cells.contains("<f>") && !cells.contains("<f "), "{cells}");
        assert!(
            cells.contains("t=\"s\""),
            "text cells are shared strings: {cells}"
        );
        let strings = part("xl/sharedStrings.xml");
        assert!(strings.contains("=HYPERLINK"), "{strings}");
    }

    proptest::proptest! {
        /// Whatever a name holds, its CSV cell never starts with a character that starts a formula.
        #[test]
        fn no_csv_cell_starts_a_formula(s in "[=+@\\-\t\r]?\\PC{0,20}") {
            let mut out = Vec::new();
            {
                let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
                w.write_record([crate::csvio::neutralise(&s)]).unwrap();
            }
            let mut read = csv::ReaderBuilder::new()
                .delimiter(b';')
                .has_headers(false)
                .from_reader(out.as_slice());
            let record = read.records().next().unwrap().unwrap();
            let cell = record.get(0).unwrap_or_default().to_string();
            proptest::prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }

    #[test]
    fn worksheet_names_are_made_legal() {
        assert_eq!(worksheet_name("Headcount / FTE"), "Headcount - FTE");
        assert_eq!(worksheet_name(""), "Sheet");
        assert_eq!(worksheet_name(&"x".repeat(40)).len(), 31);
    }
}
