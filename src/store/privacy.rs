//! GDPR requests: everything stored about one person (access request) and erasing a former
//! employee after the retention period. Which tables hold personal rows is read from the schema
//! (foreign keys to `employees`), never from a hand-kept list, so a table added later is covered.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use rusqlite::types::ValueRef;
use serde::Serialize;
use serde_json::{Map, Value};

use super::rows::{FULL_NAME_SQL, date, iso};
use super::{Result, Store, StoreError, files};
use crate::domain::privacy::{RETENTION_SETTINGS, Refusal, RetentionSettings, may_erase};
use crate::domain::today::PersonRef;
use crate::domain::today::retention::RetentionFact;

/// A table holding rows about a person, and how its rows are found from the person's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonalTable {
    pub table: String,
    /// SQL condition on the table's columns with `?1` = the employee id.
    pub condition: String,
    /// Whether its rows go with the employee row by themselves (every link is `ON DELETE CASCADE`).
    pub cascades: bool,
}

/// A file Dossier keeps about the person (an attached document, a generated letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonalFile {
    pub table: String,
    pub row_id: i64,
    pub column: String,
    pub path: PathBuf,
}

/// What `privacy erase` did (or, with `dry_run`, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Erasure {
    /// Rows removed per table (the employee row included).
    pub rows: Vec<(String, usize)>,
    /// Audit rows whose old and new values were emptied.
    pub audit_rows: usize,
    pub files_removed: Vec<PathBuf>,
    /// Files named in the database but outside Dossier's folder: not touched, for the user to remove.
    pub files_elsewhere: Vec<PathBuf>,
    pub forced: bool,
}

/// Why an erasure did not happen.
#[derive(Debug)]
pub enum EraseError {
    Refused(Refusal),
    Store(StoreError),
}

impl From<StoreError> for EraseError {
    fn from(e: StoreError) -> Self {
        EraseError::Store(e)
    }
}

impl From<rusqlite::Error> for EraseError {
    fn from(e: rusqlite::Error) -> Self {
        EraseError::Store(e.into())
    }
}

pub struct PrivacyRepo<'a> {
    pub(super) store: &'a Store,
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Tables (and full-text indexes) SQLite or a virtual table keeps for itself.
fn user_tables(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name, coalesce(sql, '') FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let all: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let virtuals: Vec<&String> = all
        .iter()
        .filter(|(_, sql)| sql.to_ascii_uppercase().starts_with("CREATE VIRTUAL TABLE"))
        .map(|(n, _)| n)
        .collect();
    Ok(all
        .iter()
        .filter(|(n, _)| {
            !virtuals
                .iter()
                .any(|v| *v == n || n.starts_with(&format!("{v}_")))
        })
        .map(|(n, _)| n.clone())
        .collect())
}

/// The full-text indexes (FTS5), which keep copies of the words they index.
fn fts_tables(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%USING FTS5%'",
    )?;
    let names = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

struct ForeignKey {
    from: String,
    parent: String,
    to: String,
    on_delete: String,
}

fn foreign_keys(conn: &rusqlite::Connection, table: &str) -> Result<Vec<ForeignKey>> {
    let mut st = conn.prepare(
        "SELECT \"from\", \"table\", coalesce(\"to\", 'id'), on_delete FROM pragma_foreign_key_list(?1)",
    )?;
    let keys = st
        .query_map([table], |r| {
            Ok(ForeignKey {
                from: r.get(0)?,
                parent: r.get(1)?,
                to: r.get(2)?,
                on_delete: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(keys)
}

fn columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = st
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// The personal tables of the schema, parents before children:
/// - `employees` itself (the row whose id is the person's);
/// - every table with a column that is the person's: a foreign key to `employees` that is named
///   `employee_id` or is deleted with the person (`ON DELETE CASCADE`), or a column named
///   `employee_id` without a foreign key. A key that is only set to NULL when the person goes
///   (a manager link) is a reference from someone else's row, not a row about this person;
/// - then, repeatedly, every table whose rows are deleted with a personal row (`ON DELETE
///   CASCADE` to it), such as the tasks of a person's checklist.
///
/// The audit log is left out: it is exported and erased on its own terms.
pub fn personal_tables(conn: &rusqlite::Connection) -> Result<Vec<PersonalTable>> {
    let tables = user_tables(conn)?;
    let mut found = vec![PersonalTable {
        table: "employees".into(),
        condition: "id = ?1".into(),
        cascades: false,
    }];
    for t in tables.iter().filter(|t| *t != "employees" && *t != "audit") {
        let keys = foreign_keys(conn, t)?;
        let links: Vec<&ForeignKey> = keys
            .iter()
            .filter(|k| {
                k.parent == "employees"
                    && (k.from == "employee_id" || k.on_delete.eq_ignore_ascii_case("CASCADE"))
            })
            .collect();
        let mut cascades = links
            .iter()
            .all(|k| k.on_delete.eq_ignore_ascii_case("CASCADE"));
        let mut conds: Vec<String> = links
            .iter()
            .map(|k| format!("{} = ?1", quote(&k.from)))
            .collect();
        let has_column = columns(conn, t)?.iter().any(|c| c == "employee_id");
        if conds.is_empty() && has_column && !keys.iter().any(|k| k.from == "employee_id") {
            conds.push("\"employee_id\" = ?1".into());
            cascades = false;
        }
        if !conds.is_empty() {
            found.push(PersonalTable {
                table: t.clone(),
                condition: conds.join(" OR "),
                cascades,
            });
        }
    }
    loop {
        let mut added = false;
        for t in tables.iter().filter(|t| *t != "audit") {
            if found.iter().any(|p| &p.table == t) {
                continue;
            }
            let mut conds = Vec::new();
            for k in foreign_keys(conn, t)? {
                if !k.on_delete.eq_ignore_ascii_case("CASCADE") {
                    continue;
                }
                if let Some(parent) = found.iter().find(|p| p.table == k.parent) {
                    conds.push(format!(
                        "{} IN (SELECT {} FROM {} WHERE {})",
                        quote(&k.from),
                        quote(&k.to),
                        quote(&parent.table),
                        parent.condition
                    ));
                }
            }
            if !conds.is_empty() {
                found.push(PersonalTable {
                    table: t.clone(),
                    condition: conds.join(" OR "),
                    cascades: true,
                });
                added = true;
            }
        }
        if !added {
            return Ok(found);
        }
    }
}

/// The audit rows about a person: their own changes and those of their records.
const AUDIT_CONDITION: &str = "employee_id = ?1 OR (entity = 'employee' AND entity_id = ?1)";

fn cell(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

fn rows_of(
    conn: &rusqlite::Connection,
    table: &str,
    condition: &str,
    id: i64,
) -> Result<Vec<Map<String, Value>>> {
    let mut st = conn.prepare(&format!(
        "SELECT * FROM {} WHERE {condition} ORDER BY {}",
        quote(table),
        key_order(conn, table)?
    ))?;
    let names: Vec<String> = st.column_names().iter().map(|s| s.to_string()).collect();
    let mut rows = st.query([id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut m = Map::new();
        for (i, n) in names.iter().enumerate() {
            m.insert(n.clone(), cell(r.get_ref(i)?));
        }
        out.push(m);
    }
    Ok(out)
}

/// The table's primary key columns, in key order, for a stable row order that also works for
/// tables `WITHOUT ROWID` (training attendance); the first column when there is no declared key.
fn key_order(conn: &rusqlite::Connection, table: &str) -> Result<String> {
    let mut st =
        conn.prepare("SELECT pk, name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?;
    let keys: Vec<(i64, String)> = st
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if keys.is_empty() {
        "1".to_string()
    } else {
        keys.iter()
            .map(|(_, n)| quote(n))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// A column that names a file: `stored_name` (inside the files folder) or `*_path`.
fn file_column(column: &str) -> bool {
    column == "stored_name" || column.ends_with("_path")
}

impl PrivacyRepo<'_> {
    pub fn retention(&self) -> Result<RetentionSettings> {
        self.store.settings().get(RETENTION_SETTINGS)
    }

    pub fn set_retention(&self, s: &RetentionSettings) -> Result<()> {
        self.store.settings().set(RETENTION_SETTINGS, s)
    }

    pub fn personal_tables(&self) -> Result<Vec<PersonalTable>> {
        personal_tables(self.store.conn())
    }

    /// Everything stored about the person, as one JSON value: every personal table's rows with
    /// every column, the audit rows about them, and the list of their files. The confidential
    /// area (disciplinary measures, grievances, medical notes) only with the PIN's proof.
    pub fn export(
        &self,
        employee_id: i64,
        confidential: Option<&super::Unlocked>,
    ) -> Result<(Value, Vec<PersonalFile>)> {
        self.gather(employee_id, confidential.is_some())
    }

    fn gather(&self, employee_id: i64, confidential: bool) -> Result<(Value, Vec<PersonalFile>)> {
        let conn = self.store.conn();
        // One read transaction: the export is one consistent moment.
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Deferred)?;
        let person = rows_of(&tx, "employees", "id = ?1", employee_id)?;
        if person.is_empty() {
            return Err(StoreError::NotFound(format!("employee {employee_id}")));
        }
        let mut tables = Map::new();
        let mut files_found = Vec::new();
        for t in self.personal_tables()? {
            if !confidential
                && crate::domain::confidential::CONFIDENTIAL_TABLES.contains(&t.table.as_str())
            {
                continue;
            }
            let rows = rows_of(&tx, &t.table, &t.condition, employee_id)?;
            for r in &rows {
                for (col, v) in r {
                    if let (true, Some(text)) = (file_column(col), v.as_str()) {
                        files_found.push(PersonalFile {
                            table: t.table.clone(),
                            row_id: r.get("id").and_then(Value::as_i64).unwrap_or_default(),
                            column: col.clone(),
                            path: self.file_path(col, text),
                        });
                    }
                }
            }
            tables.insert(
                t.table.clone(),
                Value::Array(rows.into_iter().map(Value::Object).collect()),
            );
        }
        let mut audit = rows_of(&tx, "audit", AUDIT_CONDITION, employee_id)?;
        for row in &mut audit {
            // The old and new values are JSON text: shown as JSON, not as strings of JSON.
            for key in ["old", "new"] {
                if let Some(Value::String(s)) = row.get(key)
                    && let Ok(v) = serde_json::from_str::<Value>(s)
                {
                    row.insert(key.into(), v);
                }
            }
        }
        tx.commit()?;
        let json = serde_json::json!({
            "dossier_version": env!("CARGO_PKG_VERSION"),
            "schema_version": self.store.schema_version()?,
            "generated_at": self.store.clock().now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            "employee_id": employee_id,
            "tables": tables,
            "audit": audit,
            "files": files_found,
        });
        Ok((json, files_found))
    }

    fn file_path(&self, column: &str, text: &str) -> PathBuf {
        if column == "stored_name" {
            self.store.files_dir.join(text)
        } else {
            PathBuf::from(text)
        }
    }

    /// Writes the export into a new folder `dir/privacy-<number>-<date>/`: `person.json` and a
    /// copy of every file under `files/`. Never overwrites; everything 0600/0700.
    pub fn write_export(
        &self,
        employee_id: i64,
        dir: &Path,
        confidential: Option<&super::Unlocked>,
    ) -> Result<PathBuf> {
        let (json, files_found) = self.export(employee_id, confidential)?;
        let number = json["tables"]["employees"][0]["number"]
            .as_str()
            .unwrap_or("person")
            .to_string();
        let stem = format!(
            "privacy-{}-{}",
            crate::domain::records::sanitize_file_name(&number),
            self.store.clock().today().format("%Y-%m-%d")
        );
        files::create_private_dir(dir)?;
        let target = crate::safe_file::free_name(dir, &stem, |s| vec![s.to_string()]);
        files::create_private_dir(&target)?;
        // A half-written export (the disk filled up) is removed whole: no partial copy of a
        // person's data is left lying around.
        let written = Self::fill_export(&target, &json, files_found);
        if written.is_err() {
            let _ = std::fs::remove_dir_all(&target);
        }
        written.map(|()| target)
    }

    fn fill_export(
        target: &Path,
        json: &serde_json::Value,
        files_found: Vec<PersonalFile>,
    ) -> Result<()> {
        let text = serde_json::to_string_pretty(json).map_err(anyhow::Error::new)?;
        files::store_in(target, "person.json", text.as_bytes())?;
        for f in files_found {
            let name = format!(
                "{}-{}-{}",
                f.table,
                f.row_id,
                crate::domain::records::sanitize_file_name(
                    &f.path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                )
            );
            match std::fs::File::open(&f.path) {
                Ok(input) => {
                    files::store_in(&target.join("files"), &name, input)?;
                }
                // A file the user moved or deleted: the JSON still lists it.
                Err(_) => continue,
            }
        }
        Ok(())
    }

    /// Erases a former employee: every personal row (the employee row included), the values in
    /// their audit rows, the full-text index entries and their files in Dossier's folder; leaves an
    /// anonymous record (sex, birth year, category, department, dates) for statistics and an audit
    /// row of the erasure. Refused while employed, and before the end of the retention period
    /// unless `forced_reason` is given. Freed pages are zeroed (secure_delete) and the WAL is
    /// emptied afterwards, so the raw file keeps nothing of the person.
    pub fn erase(
        &self,
        employee_id: i64,
        forced_reason: Option<&str>,
        dry_run: bool,
    ) -> std::result::Result<Erasure, EraseError> {
        let conn = self.store.conn();
        let today = self.store.clock().today();
        let (status, end_date): (String, Option<String>) = conn
            .query_row(
                "SELECT status, end_date FROM employees WHERE id = ?1",
                [employee_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    EraseError::Store(StoreError::NotFound(format!("employee {employee_id}")))
                }
                other => other.into(),
            })?;
        let left_on = if status == "left" {
            date(end_date)
        } else {
            None
        };
        may_erase(left_on, today, &self.retention()?, forced_reason.is_some())
            .map_err(EraseError::Refused)?;

        let tables = self.personal_tables()?;
        let (_, files_found) = self.gather(employee_id, true)?;
        let data_root = self
            .store
            .path()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let inside = |p: &Path| {
            let abs = std::fs::canonicalize(p).ok();
            let root = std::fs::canonicalize(&data_root).ok();
            matches!((abs, root), (Some(a), Some(r)) if a.starts_with(&r))
        };
        let (mine, elsewhere): (Vec<PathBuf>, Vec<PathBuf>) = files_found
            .into_iter()
            .map(|f| f.path)
            .filter(|p| p.exists())
            .partition(|p| inside(p));

        let keep = !dry_run;
        let erasure = self.store.write_if(
            |tx| {
                let mut rows = Vec::new();
                for t in &tables {
                    let n: i64 = tx.conn.query_row(
                        &format!("SELECT count(*) FROM {} WHERE {}", quote(&t.table), t.condition),
                        [employee_id],
                        |r| r.get(0),
                    )?;
                    rows.push((t.table.clone(), n as usize));
                }
                let audit_rows: i64 = tx.conn.query_row(
                    &format!("SELECT count(*) FROM audit WHERE ({AUDIT_CONDITION}) AND redacted = 0"),
                    [employee_id],
                    |r| r.get(0),
                )?;
                let anonymous = tx.conn.query_row(
                    "SELECT sex, birth_date, category, joint_committee, department, start_date, end_date, ended_by
                     FROM employees WHERE id = ?1",
                    [employee_id],
                    |r| {
                        let birth: Option<String> = r.get(1)?;
                        Ok(serde_json::json!({
                            "sex": r.get::<_, String>(0)?,
                            "birth_year": date(birth).map(|d| d.year()),
                            "category": r.get::<_, String>(2)?,
                            "joint_committee": r.get::<_, String>(3)?,
                            "department": r.get::<_, String>(4)?,
                            "start_date": r.get::<_, String>(5)?,
                            "end_date": r.get::<_, Option<String>>(6)?,
                            "ended_by": r.get::<_, Option<String>>(7)?,
                        }))
                    },
                )?;
                tx.conn.execute(
                    "INSERT INTO erased_people (erased_on, sex, birth_year, category, joint_committee, department,
                     start_date, end_date, ended_by, forced) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        iso(Some(today)),
                        anonymous["sex"].as_str(),
                        anonymous["birth_year"].as_i64(),
                        anonymous["category"].as_str(),
                        anonymous["joint_committee"].as_str(),
                        anonymous["department"].as_str(),
                        anonymous["start_date"].as_str(),
                        anonymous["end_date"].as_str(),
                        anonymous["ended_by"].as_str(),
                        forced_reason.is_some()
                    ],
                )?;
                let record_id = tx.conn.last_insert_rowid();
                tx.conn.execute(
                    &format!(
                        "UPDATE audit SET old = NULL, new = NULL, salt = NULL, redacted = 1
                         WHERE ({AUDIT_CONDITION}) AND (redacted = 0 OR salt IS NOT NULL)"
                    ),
                    [employee_id],
                )?;
                // First what is linked without a cascade (children before parents), then the
                // employee row, which takes every cascading row with it (append-only ledgers
                // allow exactly that, and only that).
                for t in tables.iter().skip(1).rev().filter(|t| !t.cascades) {
                    tx.conn.execute(
                        &format!("DELETE FROM {} WHERE {}", quote(&t.table), t.condition),
                        [employee_id],
                    )?;
                }
                tx.conn
                    .execute("DELETE FROM employees WHERE id = ?1", [employee_id])?;
                for t in tables.iter().skip(1) {
                    tx.conn.execute(
                        &format!("DELETE FROM {} WHERE {}", quote(&t.table), t.condition),
                        [employee_id],
                    )?;
                }
                for t in &tables {
                    let left: i64 = tx.conn.query_row(
                        &format!("SELECT count(*) FROM {} WHERE {}", quote(&t.table), t.condition),
                        [employee_id],
                        |r| r.get(0),
                    )?;
                    if left > 0 {
                        return Err(StoreError::Other(anyhow::anyhow!(
                            "{left} rows of {} could not be erased; nothing was changed",
                            t.table
                        )));
                    }
                }
                // Merging the index drops the deleted entries from its pages (freed pages are zeroed).
                for fts in fts_tables(tx.conn)? {
                    tx.conn.execute(
                        &format!("INSERT INTO {0} ({0}) VALUES ('optimize')", quote(&fts)),
                        [],
                    )?;
                }
                tx.audit(
                    "employee",
                    employee_id,
                    None,
                    "erase",
                    None::<&()>,
                    Some(&serde_json::json!({
                        "anonymous_record": record_id,
                        "forced": forced_reason.is_some(),
                        "reason": forced_reason.unwrap_or(""),
                    })),
                )?;
                Ok(Erasure {
                    rows,
                    audit_rows: audit_rows as usize,
                    files_removed: if dry_run { Vec::new() } else { mine.clone() },
                    files_elsewhere: elsewhere.clone(),
                    forced: forced_reason.is_some(),
                })
            },
            |_| keep,
        )?;
        if dry_run {
            return Ok(Erasure {
                files_removed: mine,
                ..erasure
            });
        }
        for f in &erasure.files_removed {
            let _ = std::fs::remove_file(f);
        }
        let own_folder = self.store.files_dir.join(employee_id.to_string());
        let _ = std::fs::remove_dir_all(own_folder);
        // Old page images of the person may still sit in the WAL: fold it in and empty it.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        Ok(erasure)
    }

    /// Former employees whose retention period is over, the longest over first (Today).
    pub fn retention_over(&self, today: NaiveDate, cap: usize) -> Result<Vec<RetentionFact>> {
        let s = self.retention()?;
        let cutoff = today
            .checked_sub_months(chrono::Months::new(s.years().saturating_mul(12)))
            .unwrap_or(NaiveDate::MIN);
        let mut st = self.store.conn().prepare_cached(&format!(
            "SELECT e.end_date, e.id, e.number, {FULL_NAME_SQL} FROM employees e
             WHERE e.end_date IS NOT NULL AND e.end_date <= ?1 AND e.status = 'left'
             ORDER BY e.end_date LIMIT ?2"
        ))?;
        let rows = st.query_map(params![iso(Some(cutoff)), cap as i64], |r| {
            let left: Option<String> = r.get(0)?;
            Ok((
                date(left),
                PersonRef {
                    id: r.get(1)?,
                    number: r.get(2)?,
                    name: r.get(3)?,
                },
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (left, person) = row?;
            if let Some(left_on) = left
                && s.ends(left_on) <= today
            {
                out.push(RetentionFact {
                    person,
                    left_on,
                    ends: s.ends(left_on),
                });
            }
        }
        Ok(out)
    }
}
