//! CSV files of raw text inputs ([`TextInput`] structs): importing what Excel (or anything else) saved,
//! and exporting so that Excel on a Belgian Windows opens it right (`;`, UTF-8 with a BOM) and does not
//! run a cell as a formula.
//!
//! Reading never validates: the rows come back as typed text, and the caller puts them through the same
//! `validate` as the forms, reporting problems with the line numbers returned here.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::input::TextInput;
use crate::safe_file::{Existing, FileError};

/// The UTF-8 byte order mark; Excel needs it to read a CSV file as UTF-8 rather than Windows-1252.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("{} already exists; it was left untouched", .0.display())]
    Exists(PathBuf),
    #[error("unknown columns: {}", .0.join(", "))]
    UnknownColumns(Vec<String>),
    #[error("columns that appear more than once: {}", .0.join(", "))]
    DuplicateColumns(Vec<String>),
    #[error("the file is empty (no header line)")]
    Empty,
    /// A malformed row (e.g. a different number of cells than the header); `line` is 1-based.
    #[error("line {line}: {message}")]
    Row { line: usize, message: String },
}

/// Reads a CSV file whose header names fields of `T`.
///
/// Unknown columns are an error naming them; missing columns are allowed and stay empty. Header
/// matching trims, ignores case and takes spaces or dashes for underscores, so both `first_name` (the
/// names of [`TextInput::fields`]) and `First Name` work. Returns each data row with the 1-based line
/// on which it starts in the file (the header is line 1), skipping rows whose cells are all blank.
///
/// Accepts UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's "Unicode text"), and otherwise
/// Windows-1252 (Excel's "CSV" on a Belgian Windows). The separator is taken from the header line:
/// `;` if it holds more `;` than `,`, else `,`, or a tab when it holds neither. Cells are trimmed.
/// A cell that was neutralised on export (`'=SUM(…)`) comes back as is, quote included.
pub fn read_rows<T: TextInput>(bytes: &[u8]) -> Result<Vec<(usize, T)>, CsvError> {
    let text = decode(bytes);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        // Counted below, so that a row of blanks is skipped whatever its length.
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut lines = LineCounter::new(&text);
    let mut record = csv::StringRecord::new();
    let header_line = loop {
        match read_record(&mut reader, &mut record, &mut lines)? {
            None => return Err(CsvError::Empty),
            Some(line) if !is_blank(&record) => break line,
            Some(_) => {}
        }
    };
    let columns = map_header::<T>(&record)?;

    let mut rows = Vec::new();
    while let Some(line) = read_record(&mut reader, &mut record, &mut lines)? {
        if is_blank(&record) {
            continue;
        }
        if record.len() != columns.len() {
            return Err(CsvError::Row {
                line,
                message: format!(
                    "{} cells where the header (line {header_line}) has {}",
                    record.len(),
                    columns.len()
                ),
            });
        }
        let mut row = T::default();
        for (i, (column, cell)) in columns.iter().zip(record.iter()).enumerate() {
            let cell = cell.trim();
            match column {
                Some(field) => row.set(field, cell.to_string()),
                None if cell.is_empty() => {}
                None => {
                    return Err(CsvError::Row {
                        line,
                        message: format!("a value in column {}, which has no header", i + 1),
                    });
                }
            }
        }
        rows.push((line, row));
    }
    Ok(rows)
}

/// [`read_rows`] on a file's contents.
pub fn read_file<T: TextInput>(path: &Path) -> Result<Vec<(usize, T)>, CsvError> {
    read_rows(&std::fs::read(path)?)
}

/// Writes rows one at a time (semicolon-separated, BOM, CRLF: what Excel in a Belgian locale opens
/// correctly), so an export of any size streams from the database to the file without collecting.
pub struct RowWriter<T: TextInput, W: Write> {
    writer: csv::Writer<W>,
    count: usize,
    row: std::marker::PhantomData<T>,
}

impl<T: TextInput, W: Write> RowWriter<T, W> {
    pub fn new(out: W) -> Result<Self, CsvError> {
        let mut writer = excel_writer(out)?;
        writer.write_record(T::fields()).map_err(write_error)?;
        Ok(Self {
            writer,
            count: 0,
            row: std::marker::PhantomData,
        })
    }

    pub fn write(&mut self, row: &T) -> Result<(), CsvError> {
        self.writer
            .write_record(T::fields().iter().map(|f| neutralise(row.get(f))))
            .map_err(write_error)?;
        self.count += 1;
        Ok(())
    }

    /// Flushes and returns how many data rows were written.
    pub fn finish(mut self) -> Result<usize, CsvError> {
        self.writer.flush()?;
        Ok(self.count)
    }
}

/// A CSV writer the way Excel in a Belgian locale reads it: the BOM already written, `;`, CRLF.
pub fn excel_writer<W: Write>(mut out: W) -> std::io::Result<csv::Writer<W>> {
    out.write_all(UTF8_BOM)?;
    Ok(csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        // A file may hold several tables one after the other (a title line, then the columns).
        .flexible(true)
        .from_writer(out))
}

/// Writes all `rows` with a [`RowWriter`].
pub fn write_rows<T: TextInput, W: Write>(
    out: W,
    rows: impl IntoIterator<Item = T>,
) -> Result<usize, CsvError> {
    let mut writer = RowWriter::new(out)?;
    for row in rows {
        writer.write(&row)?;
    }
    writer.finish()
}

/// Writes `path` through the one safe path ([`crate::safe_file`]: a private temporary file renamed
/// onto the name, so the file is whole or absent); an existing file is refused
/// ([`CsvError::Exists`]) unless `existing` allows replacing it. `fill` writes the rows; its error
/// type lets a caller stream straight from the store and report its own errors.
pub fn write_file_with<T: TextInput, E: From<CsvError>>(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut RowWriter<T, &mut dyn Write>) -> Result<(), E>,
) -> Result<usize, E> {
    crate::safe_file::write_with(path, existing, |out| {
        let mut writer = RowWriter::new(out).map_err(|e| Caller(E::from(e)))?;
        fill(&mut writer).map_err(Caller)?;
        writer.finish().map_err(|e| Caller(E::from(e)))
    })
    .map_err(|c: Caller<E>| c.0)
}

/// The caller's error, which a file error also turns into (through [`CsvError`]).
struct Caller<E>(E);

impl<E: From<CsvError>> From<FileError> for Caller<E> {
    fn from(e: FileError) -> Self {
        Caller(E::from(CsvError::from(e)))
    }
}

impl From<FileError> for CsvError {
    fn from(e: FileError) -> Self {
        match e {
            FileError::Exists(p) => CsvError::Exists(p),
            FileError::Io { source, .. } => CsvError::Io(source),
        }
    }
}

/// [`write_file_with`] for rows already at hand.
pub fn write_file<T: TextInput>(
    path: &Path,
    rows: impl IntoIterator<Item = T>,
    existing: Existing,
) -> Result<usize, CsvError> {
    write_file_with(path, existing, |w| {
        for row in rows {
            w.write(&row)?;
        }
        Ok(())
    })
}

/// Text from the file's bytes: BOM-marked UTF-8/UTF-16, else UTF-8, else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The separator, from the first non-blank line (the header).
fn detect_delimiter(text: &str) -> u8 {
    let header = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let semicolons = header.matches(';').count();
    let commas = header.matches(',').count();
    if semicolons > commas {
        b';'
    } else if commas == 0 && header.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// Reads the next record; `Some(line)` with the line on which it starts.
fn read_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    lines: &mut LineCounter,
) -> Result<Option<usize>, CsvError> {
    match reader.read_record(record) {
        Ok(true) => Ok(Some(lines.record_line(record.position()))),
        Ok(false) => Ok(None),
        Err(e) => Err(CsvError::Row {
            line: lines.record_line(e.position()),
            message: e.to_string(),
        }),
    }
}

/// Line numbers of records, counted from their byte offsets. (`csv::Position::line` counts only `\n`
/// and gives a record's position before the line end that precedes it when lines end in `\r\n`, so it
/// is one short after every CRLF line.) Line ends are `\r\n`, `\n` or a lone `\r`, as editors count.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the record at `position`: records start after any line ends there (blank lines
    /// are skipped by the parser). Records come in order, so counting goes on from the last one.
    fn record_line(&mut self, position: Option<&csv::Position>) -> usize {
        let byte = position.map_or(self.offset, |p| {
            usize::try_from(p.byte()).unwrap_or(usize::MAX)
        });
        let mut start = byte.min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        for i in self.offset..start {
            match self.text[i] {
                b'\n' => self.line += 1,
                b'\r' if self.text.get(i + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
        }
        self.offset = start;
        self.line
    }
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|c| c.trim().is_empty())
}

/// The field of `T` under each header cell; `None` for a column without a header.
fn map_header<T: TextInput>(
    header: &csv::StringRecord,
) -> Result<Vec<Option<&'static str>>, CsvError> {
    let mut columns = Vec::with_capacity(header.len());
    let mut unknown = Vec::new();
    let mut duplicate = Vec::new();
    for name in header.iter() {
        let name = name.trim();
        if name.is_empty() {
            columns.push(None);
            continue;
        }
        let key = header_key(name);
        match T::fields().iter().find(|f| header_key(f) == key) {
            Some(field) if columns.contains(&Some(*field)) => duplicate.push(name.to_string()),
            Some(field) => columns.push(Some(*field)),
            None => unknown.push(name.to_string()),
        }
    }
    if !unknown.is_empty() {
        return Err(CsvError::UnknownColumns(unknown));
    }
    if !duplicate.is_empty() {
        return Err(CsvError::DuplicateColumns(duplicate));
    }
    Ok(columns)
}

/// `" First  Name "` → `first_name`.
fn header_key(name: &str) -> String {
    name.trim()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase()
}

/// Puts a `'` before a cell a spreadsheet would take for a formula.
pub(crate) fn neutralise(cell: &str) -> std::borrow::Cow<'_, [u8]> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into_bytes().into()
    } else {
        cell.as_bytes().into()
    }
}

fn write_error(e: csv::Error) -> CsvError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => CsvError::Io(e),
        other => CsvError::Io(std::io::Error::other(format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::employee::EmployeeInput;
    use crate::text_input;
    use proptest::prelude::*;

    text_input!(
        /// A small input for the tests.
        Person, PERSON_FIELDS { first_name, last_name, phone }
    );

    fn person(first: &str, last: &str, phone: &str) -> Person {
        Person {
            first_name: first.into(),
            last_name: last.into(),
            phone: phone.into(),
        }
    }

    fn read(text: &str) -> Result<Vec<(usize, Person)>, CsvError> {
        read_rows::<Person>(text.as_bytes())
    }

    fn written(rows: Vec<Person>) -> Vec<u8> {
        let mut out = Vec::new();
        let n = write_rows(&mut out, rows.clone()).unwrap();
        assert_eq!(n, rows.len());
        out
    }

    #[test]
    fn reads_semicolon_files() {
        let rows =
            read("first_name;last_name;phone\nAn;Peeters;02 123 45 67\nJan;Jacobs;\n").unwrap();
        assert_eq!(
            rows,
            vec![
                (2, person("An", "Peeters", "02 123 45 67")),
                (3, person("Jan", "Jacobs", "")),
            ]
        );
    }

    #[test]
    fn reads_comma_files_with_crlf_and_trims() {
        let rows = read("first_name , last_name\r\n  An , Peeters  \r\n").unwrap();
        assert_eq!(rows, vec![(2, person("An", "Peeters", ""))]);
    }

    #[test]
    fn reads_tab_files() {
        let rows = read("first_name\tlast_name\nAn\tPeeters\n").unwrap();
        assert_eq!(rows, vec![(2, person("An", "Peeters", ""))]);
    }

    #[test]
    fn separator_follows_the_header() {
        // More `;` than `,` in the header: commas in the data stay in the cells.
        let rows = read("last_name;first_name\nDe Smet, Jr.;An\n").unwrap();
        assert_eq!(rows, vec![(2, person("An", "De Smet, Jr.", ""))]);
    }

    #[test]
    fn header_is_case_insensitive_trimmed_and_may_use_spaces() {
        let rows = read(" First Name ;LAST_NAME; Phone\nAn;Peeters;1\n").unwrap();
        assert_eq!(rows, vec![(2, person("An", "Peeters", "1"))]);
    }

    #[test]
    fn missing_columns_stay_empty() {
        let rows = read("last_name\nPeeters\n").unwrap();
        assert_eq!(rows, vec![(2, person("", "Peeters", ""))]);
    }

    #[test]
    fn strips_a_utf8_bom() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice("first_name;last_name\nCéline;Dubois\n".as_bytes());
        let rows = read_rows::<Person>(&bytes).unwrap();
        assert_eq!(rows, vec![(2, person("Céline", "Dubois", ""))]);
    }

    #[test]
    fn decodes_windows_1252() {
        let bytes = b"first_name;last_name\nC\xE9line;M\xFCller\n";
        let rows = read_rows::<Person>(bytes).unwrap();
        assert_eq!(rows, vec![(2, person("Céline", "Müller", ""))]);
    }

    #[test]
    fn decodes_utf16_with_a_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "first_name\tlast_name\r\nCéline\tDubois\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let rows = read_rows::<Person>(&bytes).unwrap();
        assert_eq!(rows, vec![(2, person("Céline", "Dubois", ""))]);
    }

    #[test]
    fn quoted_cells_keep_separators_and_newlines_and_lines_stay_right() {
        let text = "first_name;last_name;phone\n\
                    An;\"Peeters; \"\"the elder\"\"\nof Gent\";1\n\
                    Jan;Jacobs;2\n\
                    \n\
                    ;;\n\
                    Els;\"Claes\";3\n";
        let rows = read(text).unwrap();
        assert_eq!(
            rows,
            vec![
                (2, person("An", "Peeters; \"the elder\"\nof Gent", "1")),
                (4, person("Jan", "Jacobs", "2")),
                (7, person("Els", "Claes", "3")),
            ]
        );
    }

    #[test]
    fn line_numbers_with_crlf_and_lone_cr() {
        let rows =
            read("first_name;last_name\r\nAn;\"two\r\nlines\"\r\n\r\n;\r\nJan;Jacobs\r\n").unwrap();
        assert_eq!(
            rows,
            vec![
                (2, person("An", "two\r\nlines", "")),
                (6, person("Jan", "Jacobs", "")),
            ]
        );
        let rows = read("first_name;last_name\rAn;Peeters\r\rJan;Jacobs").unwrap();
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[1].0, 4);
        match read("\r\n\r\nfirst_name;last_name\r\nAn;Peeters\r\nJan\r\n") {
            Err(CsvError::Row { line, .. }) => assert_eq!(line, 5),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_columns_are_named() {
        match read("first_name;Salary;last_name;iban\nAn;1;Peeters;BE\n") {
            Err(CsvError::UnknownColumns(cols)) => assert_eq!(cols, vec!["Salary", "iban"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn duplicate_columns_are_refused() {
        assert!(matches!(
            read("first_name;First Name\nAn;Anna\n"),
            Err(CsvError::DuplicateColumns(c)) if c == vec!["First Name"]
        ));
    }

    #[test]
    fn empty_files_have_no_header() {
        assert!(matches!(read(""), Err(CsvError::Empty)));
        assert!(matches!(read("\n\r\n  \n"), Err(CsvError::Empty)));
        assert!(matches!(
            read_rows::<Person>(UTF8_BOM),
            Err(CsvError::Empty)
        ));
        assert_eq!(read("first_name;last_name\n").unwrap(), vec![]);
    }

    #[test]
    fn unequal_rows_are_errors_with_their_line() {
        match read("first_name;last_name\nAn;Peeters\nJan\n") {
            Err(CsvError::Row { line, message }) => {
                assert_eq!(line, 3);
                assert!(message.contains("1 cells"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read("first_name;last_name\nAn;Peeters;extra\n"),
            Err(CsvError::Row { line: 2, .. })
        ));
    }

    #[test]
    fn unnamed_columns_must_stay_empty() {
        // Excel sometimes leaves a trailing separator.
        let rows = read("first_name;last_name;\nAn;Peeters;\n").unwrap();
        assert_eq!(rows, vec![(2, person("An", "Peeters", ""))]);
        assert!(matches!(
            read("first_name;last_name;\nAn;Peeters;lost\n"),
            Err(CsvError::Row { line: 2, .. })
        ));
    }

    #[test]
    fn export_is_excel_friendly() {
        let out = written(vec![person("Céline", "Dubois", "02 1")]);
        assert!(out.starts_with(UTF8_BOM));
        let text = std::str::from_utf8(&out[3..]).unwrap();
        assert_eq!(text, "first_name;last_name;phone\r\nCéline;Dubois;02 1\r\n");
    }

    #[test]
    fn export_neutralises_formulas() {
        let out = written(vec![
            person("=1+1", "-5", "+32 470 12 34 56"),
            person("@x", "\tTab", "a=b"),
        ]);
        let text = std::str::from_utf8(&out[3..]).unwrap();
        assert_eq!(
            text,
            "first_name;last_name;phone\r\n\
             '=1+1;'-5;'+32 470 12 34 56\r\n\
             '@x;'\tTab;a=b\r\n"
        );
        // Read back as written: the quote stays.
        let back = read_rows::<Person>(&out).unwrap();
        assert_eq!(back[0].1, person("'=1+1", "'-5", "'+32 470 12 34 56"));
        assert_eq!(back[1].1.first_name, "'@x");
    }

    #[test]
    fn export_round_trips() {
        let rows = vec![
            person("Céline", "D'Hondt; \"Lili\"", "line one\nline two"),
            person("Ærøskøbing", "", "ŒŸ €"),
            person("", "only, last", ""),
        ];
        let back: Vec<Person> = read_rows::<Person>(&written(rows.clone()))
            .unwrap()
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert_eq!(back, rows);
    }

    #[test]
    fn employee_inputs_round_trip() {
        let e = EmployeeInput {
            number: "E001".into(),
            first_name: "Céline".into(),
            last_name: "Dubois".into(),
            street: "Rue de l'Église".into(),
            ..Default::default()
        };
        let back = read_rows::<EmployeeInput>(&written_employee(vec![e.clone()])).unwrap();
        assert_eq!(back, vec![(2, e)]);
    }

    fn written_employee(rows: Vec<EmployeeInput>) -> Vec<u8> {
        let mut out = Vec::new();
        write_rows(&mut out, rows).unwrap();
        out
    }

    #[test]
    fn write_file_creates_private_files_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        let n = write_file(&path, vec![person("An", "Peeters", "")], Existing::Refuse).unwrap();
        assert_eq!(n, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let before = std::fs::read(&path).unwrap();
        match write_file(&path, vec![person("Jan", "Jacobs", "")], Existing::Refuse) {
            Err(CsvError::Exists(p)) => assert_eq!(p, path),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let back = read_file::<Person>(&path).unwrap();
        assert_eq!(back, vec![(2, person("An", "Peeters", ""))]);
    }

    /// Text that survives a write and a read unchanged.
    fn plain_text() -> impl Strategy<Value = String> {
        any::<String>().prop_filter("leading/trailing blanks or formula start", |s| {
            s.trim() == s && !s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        })
    }

    proptest! {
        #[test]
        fn read_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_rows::<Person>(&bytes);
        }

        #[test]
        fn read_never_panics_on_csv_like_bytes(
            bytes in proptest::collection::vec(
                prop::sample::select(b";,\t\"\r\n aA\xE9\xEF\xBB\xBF_first_name".to_vec()),
                0..200,
            )
        ) {
            let _ = read_rows::<Person>(&bytes);
        }

        #[test]
        fn write_then_read_round_trips(
            rows in proptest::collection::vec(
                (plain_text(), plain_text(), plain_text())
                    .prop_map(|(a, b, c)| person(&a, &b, &c)),
                0..8,
            )
        ) {
            let out = written(rows.clone());
            let back: Vec<Person> = read_rows::<Person>(&out)
                .unwrap()
                .into_iter()
                .map(|(_, p)| p)
                .collect();
            // Rows with every cell empty are skipped on reading.
            let expected: Vec<Person> =
                rows.into_iter().filter(|p| *p != Person::default()).collect();
            prop_assert_eq!(back, expected);
        }
    }
}
