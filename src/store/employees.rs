//! Employee dossiers: create, edit, archive, look up and page through, with every write audited.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, ToSql, params};
use serde::Serialize;

use super::rows::{self, EMPLOYEE_COLUMNS, iso};
use super::{Result, Store, StoreError, Tx};
use crate::domain::checklist::{ChecklistKind, wants_offboarding, wants_onboarding};
use crate::domain::choice::Choice;
use crate::domain::contract::{
    ContractData, ContractInput, ContractKind, Departure, DepartureInput,
};
use crate::domain::employee::{Employee, EmployeeData, EmployeeInput, EmploymentStatus};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::text::search_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum SortColumn {
    #[default]
    Name,
    Number,
    Department,
    Job,
    Start,
    Status,
}

impl SortColumn {
    pub const ALL: [SortColumn; 6] = [
        SortColumn::Name,
        SortColumn::Number,
        SortColumn::Department,
        SortColumn::Job,
        SortColumn::Start,
        SortColumn::Status,
    ];

    fn column(self) -> &'static str {
        match self {
            SortColumn::Name => "e.sort_name",
            SortColumn::Number => "e.number",
            SortColumn::Department => "e.department",
            SortColumn::Job => "e.job_title",
            SortColumn::Start => "e.start_date",
            SortColumn::Status => "e.status",
        }
    }

    pub fn next(self) -> SortColumn {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// What the list shows: filter text, whether people who left are included, and the order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub filter: String,
    pub include_left: bool,
    pub sort: SortColumn,
    pub descending: bool,
}

/// Where a page starts: the sort value and id of the row just outside it (keyset paging).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCursor {
    pub key: String,
    pub id: i64,
}

/// One line of the staff list, with the current contract's type and FTE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployeeRow {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub department: String,
    pub job_title: String,
    pub contract: Option<ContractKind>,
    pub fte_permille: Option<u32>,
    pub start_date: NaiveDate,
    pub status: EmploymentStatus,
    #[serde(skip)]
    pub cursor: PageCursor,
}

/// The whole dossier as the detail screen and `employee show` present it.
#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    pub employee: Employee,
    pub manager: Option<(String, String)>,
    pub contracts: Vec<crate::domain::contract::Contract>,
    pub departure: Option<Departure>,
    pub contacts: Vec<crate::domain::records::EmergencyContact>,
    pub dependants: Vec<crate::domain::records::Dependant>,
    pub job_changes: Vec<crate::domain::records::JobChange>,
    pub documents: Vec<crate::domain::records::Document>,
    pub notes: Vec<crate::domain::records::Note>,
}

/// Matches from which a filtered page is found by walking the sort index rather than sorting them.
const BROAD: i64 = 1000;

pub struct EmployeeRepo<'a> {
    pub(super) store: &'a Store,
}

fn keys(d: &EmployeeData) -> (String, String) {
    let sort = search_key(&format!("{} {}", d.last_name, d.first_name));
    let search = search_key(&format!(
        "{} {} {} {} {} {}",
        d.last_name, d.first_name, d.preferred_name, d.number, d.department, d.job_title
    ));
    (sort, search)
}

/// Turns a UNIQUE violation into the field error the form shows beside the field.
fn unique_violation(e: &rusqlite::Error) -> Option<ValidationErrors> {
    let msg = e.to_string();
    let field = if msg.contains("employees.number") {
        ("number", "err.number_taken")
    } else if msg.contains("employees.rrn") {
        ("rrn", "err.rrn_taken")
    } else {
        return None;
    };
    Some(ValidationErrors(vec![FieldError::new(field.0, field.1)]))
}

fn map_write(e: rusqlite::Error) -> StoreError {
    match unique_violation(&e) {
        Some(v) => StoreError::Invalid(v),
        None => StoreError::from(e),
    }
}

/// The stored columns of a dossier, in the order of [`employee_values`].
const WRITE_COLUMNS: &str = "number, first_name, last_name, preferred_name, sex, birth_date, birth_place, \
    nationality, rrn, street, house_number, box_nr, postal_code, municipality, country, phone, email_private, \
    email_work, iban, language, marital_status, children_in_charge, department, job_title, manager_id, category, \
    joint_committee, start_date, seniority_date, status, sort_name, search_key";

/// The values of [`WRITE_COLUMNS`] for one dossier: insert and update bind the same list.
fn employee_values(d: &EmployeeData) -> Vec<Box<dyn ToSql>> {
    let (sort, search) = keys(d);
    vec![
        Box::new(d.number.clone()),
        Box::new(d.first_name.clone()),
        Box::new(d.last_name.clone()),
        Box::new(d.preferred_name.clone()),
        Box::new(d.sex.code()),
        Box::new(iso(d.birth_date)),
        Box::new(d.birth_place.clone()),
        Box::new(d.nationality.clone()),
        Box::new(d.rrn.clone()),
        Box::new(d.address.street.clone()),
        Box::new(d.address.number.clone()),
        Box::new(d.address.box_nr.clone()),
        Box::new(d.address.postal_code.clone()),
        Box::new(d.address.municipality.clone()),
        Box::new(d.address.country.clone()),
        Box::new(d.phone.clone()),
        Box::new(d.email_private.clone()),
        Box::new(d.email_work.clone()),
        Box::new(d.iban.clone()),
        Box::new(d.language.code()),
        Box::new(d.marital_status.code()),
        Box::new(d.children_in_charge),
        Box::new(d.department.clone()),
        Box::new(d.job_title.clone()),
        Box::new(d.manager_id),
        Box::new(d.category.code()),
        Box::new(d.joint_committee.clone()),
        Box::new(iso(Some(d.start_date))),
        Box::new(iso(Some(d.seniority_date))),
        Box::new(d.status.code()),
        Box::new(sort),
        Box::new(search),
    ]
}

fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Tx<'_> {
    pub(super) fn insert_employee(&self, d: &EmployeeData) -> Result<i64> {
        let values = employee_values(d);
        let sql = format!(
            "INSERT INTO employees ({WRITE_COLUMNS}) VALUES ({})",
            placeholders(values.len())
        );
        self.conn
            .execute(&sql, rusqlite::params_from_iter(values.iter()))
            .map_err(map_write)?;
        Ok(self.conn.last_insert_rowid())
    }

    pub(super) fn update_employee(&self, id: i64, d: &EmployeeData) -> Result<()> {
        let mut values = employee_values(d);
        let sql = format!(
            "UPDATE employees SET ({WRITE_COLUMNS}) = ({}) WHERE id = ?{}",
            placeholders(values.len()),
            values.len() + 1
        );
        values.push(Box::new(id));
        self.conn
            .execute(&sql, rusqlite::params_from_iter(values.iter()))
            .map_err(map_write)?;
        Ok(())
    }

    /// Marks the dossier as left with its departure (archive and bulk loading share this).
    pub(super) fn set_departure(&self, id: i64, dep: &Departure) -> Result<()> {
        self.conn.execute(
            "UPDATE employees SET status = 'left', end_date = ?2, ended_by = ?3, departure_reason = ?4,
             notice_weeks = ?5 WHERE id = ?1",
            params![
                id,
                iso(Some(dep.end_date)),
                dep.ended_by.code(),
                dep.reason,
                dep.notice_weeks
            ],
        )?;
        Ok(())
    }
}

impl Tx<'_> {
    /// The one path that adds a person (a new dossier, or a hired candidate): the dossier, its first
    /// contract, and the onboarding checklist (with the Dimona IN) when the start is near.
    pub(super) fn create_employee(
        &self,
        data: &EmployeeData,
        contract: Option<&ContractData>,
        today: NaiveDate,
    ) -> Result<Employee> {
        let id = self.insert_employee(data)?;
        let employee = Employee {
            id,
            data: data.clone(),
        };
        self.audit(
            "employee",
            id,
            Some(id),
            "create",
            None::<&()>,
            Some(&employee.data),
        )?;
        if let Some(c) = contract {
            self.insert_contract(id, c)?;
        }
        if wants_onboarding(data.start_date, today) {
            self.create_checklist(id, ChecklistKind::Onboarding, data.start_date)?;
        }
        Ok(employee)
    }
}

impl EmployeeRepo<'_> {
    /// Resolves a manager's employee number to an id (`None` for empty or unknown; validation reports unknown).
    pub fn manager_id(&self, number: &str) -> Result<Option<i64>> {
        let n = number.trim();
        if n.is_empty() {
            return Ok(None);
        }
        Ok(self
            .store
            .conn()
            .query_row(
                "SELECT id FROM employees WHERE number = ?1 COLLATE NOCASE",
                [n],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Validates and stores a new dossier, with its first contract when one is given, in one transaction.
    pub fn add(&self, input: &EmployeeInput, contract: Option<&ContractInput>) -> Result<Employee> {
        let (data, contract) = self.validate_new(input, contract)?;
        let today = self.store.clock().today();
        self.store
            .write(|tx| tx.create_employee(&data, contract.as_ref(), today))
    }

    /// Checks a new dossier and its first contract, reporting every problem of both at once.
    pub(super) fn validate_new(
        &self,
        input: &EmployeeInput,
        contract: Option<&ContractInput>,
    ) -> Result<(EmployeeData, Option<ContractData>)> {
        let manager_id = self.manager_id(&input.manager)?;
        let mut errs = ValidationErrors::default();
        let data = input
            .validate(manager_id)
            .map_err(|e| errs.0.extend(e.0))
            .ok();
        let contract = match contract {
            Some(c) => c.validate().map_err(|e| errs.0.extend(e.0)).ok(),
            None => None,
        };
        let data = errs.into_result(data)?.expect("validated");
        Ok((data, contract))
    }

    /// Saves an edited dossier. A change of department, job or manager is also kept as a dated job change.
    pub fn update(&self, id: i64, input: &EmployeeInput) -> Result<Employee> {
        let old = self.get(id)?;
        let manager_id = self.manager_id(&input.manager)?;
        let mut data = input.validate(manager_id)?;
        if manager_id == Some(id) {
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("manager", "err.manager_self"),
            ])));
        }
        // Archiving is the only way to "left"; an edit keeps a left dossier left.
        if old.data.status == EmploymentStatus::Left {
            data.status = EmploymentStatus::Left;
        }
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.update_employee(id, &data)?;
            tx.audit(
                "employee",
                id,
                Some(id),
                "update",
                Some(&old.data),
                Some(&data),
            )?;
            if old.data.start_date != data.start_date {
                tx.move_checklist(id, ChecklistKind::Onboarding, data.start_date)?;
            }
            let moved = old.data.department != data.department
                || old.data.job_title != data.job_title
                || old.data.manager_id != data.manager_id;
            if moved {
                let change = crate::domain::records::JobChange {
                    id: 0,
                    effective: today,
                    department: data.department.clone(),
                    job_title: data.job_title.clone(),
                    manager_id: data.manager_id,
                    note: String::new(),
                };
                tx.insert_job_change(id, &change)?;
            }
            Ok(Employee { id, data })
        })
    }

    /// Marks a dossier as left, recording the departure. Nothing is deleted.
    pub fn archive(&self, id: i64, input: &DepartureInput) -> Result<Departure> {
        let old = self.get(id)?;
        let dep = input.validate(old.data.start_date)?;
        let today = self.store.clock().today();
        self.store.write(|tx| {
            tx.set_departure(id, &dep)?;
            // An open-ended contract ends with the employment.
            tx.conn.execute(
                "UPDATE contracts SET end_date = ?2 WHERE employee_id = ?1 AND end_date IS NULL AND start_date <= ?2",
                params![id, iso(Some(dep.end_date))],
            )?;
            tx.audit("employee", id, Some(id), "archive", Some(&old.data.status), Some(&dep))?;
            if wants_offboarding(dep.end_date, today) {
                tx.create_checklist(id, ChecklistKind::Offboarding, dep.end_date)?;
            }
            Ok(dep)
        })
    }

    /// Undoes an archive made by mistake: the person is active again and the departure is cleared.
    pub fn reinstate(&self, id: i64) -> Result<()> {
        let old = self.departure(id)?;
        self.store.write(|tx| {
            tx.conn.execute(
                "UPDATE employees SET status = 'active', end_date = NULL, ended_by = NULL, departure_reason = '',
                 notice_weeks = NULL WHERE id = ?1 AND status = 'left'",
                [id],
            )?;
            tx.audit("employee", id, Some(id), "reinstate", old.as_ref(), None::<&()>)?;
            // The departure was a mistake, and so is its offboarding.
            tx.remove_checklist(id, ChecklistKind::Offboarding)?;
            Ok(())
        })
    }

    pub fn get(&self, id: i64) -> Result<Employee> {
        self.store
            .conn()
            .prepare_cached(&format!(
                "SELECT {EMPLOYEE_COLUMNS} FROM employees WHERE id = ?1"
            ))?
            .query_row([id], rows::employee)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("employee #{id}")))
    }

    pub fn by_number(&self, number: &str) -> Result<Employee> {
        self.store
            .conn()
            .query_row(
                &format!(
                    "SELECT {EMPLOYEE_COLUMNS} FROM employees WHERE number = ?1 COLLATE NOCASE"
                ),
                [number.trim()],
                rows::employee,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("employee {}", number.trim())))
    }

    pub fn departure(&self, id: i64) -> Result<Option<Departure>> {
        Ok(self
            .store
            .conn()
            .prepare_cached(
                "SELECT end_date, ended_by, departure_reason, notice_weeks FROM employees WHERE id = ?1 AND status = 'left'",
            )?
            .query_row(
                [id],
                |r| {
                    Ok(Departure {
                        end_date: rows::date(r.get(0)?).unwrap_or_default(),
                        ended_by: crate::domain::contract::EndedBy::from_code(&r.get::<_, String>(1)?)
                            .unwrap_or(crate::domain::contract::EndedBy::Other),
                        reason: r.get(2)?,
                        notice_weeks: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Everything in one dossier, for the detail screen and `employee show`.
    pub fn dossier(&self, id: i64) -> Result<Dossier> {
        let employee = self.get(id)?;
        let manager = match employee.data.manager_id {
            Some(m) => self
                .get(m)
                .ok()
                .map(|m| (m.data.number.clone(), m.data.full_name())),
            None => None,
        };
        let records = self.store.records();
        Ok(Dossier {
            departure: self.departure(id)?,
            contracts: records.contracts(id)?,
            contacts: records.contacts(id)?,
            dependants: records.dependants(id)?,
            job_changes: records.job_changes(id)?,
            documents: records.documents(id)?,
            notes: records.notes(id)?,
            manager,
            employee,
        })
    }

    /// The filter words, folded, without the characters that would change an index query.
    fn words(q: &ListQuery) -> Vec<String> {
        search_key(&q.filter)
            .split(' ')
            .map(|w| {
                w.chars()
                    .filter(|c| !matches!(c, '%' | '_' | '"' | '*'))
                    .collect::<String>()
            })
            // A word without a letter or digit ("-", "&") has nothing an index could match.
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect()
    }

    /// The index query of one filter word: three letters and more occur anywhere (trigram index);
    /// one or two letters start a word (prefix index), since a substring that short matches nearly
    /// everyone and no index can serve it.
    fn word_match(word: &str) -> (&'static str, String) {
        if word.chars().count() >= 3 {
            ("employees_fts", format!("\"{word}\""))
        } else {
            ("employees_words", format!("\"{word}\"*"))
        }
    }

    /// `by_sort`: the rows are found by walking the sort order's index and testing each against the
    /// filter's matches, instead of reading every match and sorting them. Cheaper when the filter
    /// matches many people (the first page is found after a few hundred index entries).
    fn where_clause(q: &ListQuery, by_sort: bool, args: &mut Vec<Box<dyn ToSql>>) -> String {
        let mut conds: Vec<String> = Vec::new();
        if !q.include_left {
            conds.push("e.status <> 'left'".into());
        }
        let plus = if by_sort { "+" } else { "" };
        for word in Self::words(q) {
            let (table, query) = Self::word_match(&word);
            conds.push(format!(
                "{plus}e.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"
            ));
            args.push(Box::new(query));
        }
        if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        }
    }

    /// Whether every filter word matches at least `BROAD` people (then the sort index leads).
    fn broad(&self, q: &ListQuery) -> Result<bool> {
        let words = Self::words(q);
        if words.is_empty() {
            return Ok(false);
        }
        for word in words {
            let (table, query) = Self::word_match(&word);
            let n: i64 = self
                .store
                .conn()
                .prepare_cached(&format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT ?2)"
                ))?
                .query_row(params![query, BROAD], |r| r.get(0))?;
            if n < BROAD {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// How many rows the list has for this query. With a filter, counted in the indexes alone: the
    /// matches (intersected in the full-text indexes) less those who left (a range of the status
    /// index), so a filter that matches 30 000 people reads no row of the table.
    pub fn count(&self, q: &ListQuery) -> Result<u64> {
        let words = Self::words(q);
        if !words.is_empty() {
            let queries: Vec<(&str, String)> = words.iter().map(|w| Self::word_match(w)).collect();
            let matches = queries
                .iter()
                .map(|(t, _)| format!("SELECT rowid FROM {t} WHERE {t} MATCH ?"))
                .collect::<Vec<_>>()
                .join(" INTERSECT ");
            let args: Vec<&dyn ToSql> = queries.iter().map(|(_, m)| m as &dyn ToSql).collect();
            let conn = self.store.conn();
            let all: i64 = conn
                .prepare_cached(&format!("SELECT count(*) FROM ({matches})"))?
                .query_row(args.as_slice(), |r| r.get(0))?;
            if q.include_left {
                return Ok(all as u64);
            }
            let left: i64 = conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM employees e WHERE e.status = 'left' AND +e.id IN ({matches})"
                ))?
                .query_row(args.as_slice(), |r| r.get(0))?;
            return Ok((all - left) as u64);
        }
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let w = Self::where_clause(q, false, &mut args);
        let sql = format!("SELECT count(*) FROM employees e {w}");
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let n: i64 = self
            .store
            .conn()
            .prepare_cached(&sql)?
            .query_row(params.as_slice(), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// One page of the list after `cursor` (or from the start), at most `limit` rows, in display order.
    /// With `backwards`, the page that ends just before `cursor` (or the last page).
    pub fn page(
        &self,
        q: &ListQuery,
        cursor: Option<&PageCursor>,
        backwards: bool,
        limit: usize,
    ) -> Result<Vec<EmployeeRow>> {
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let by_sort = self.broad(q)?;
        let mut w = Self::where_clause(q, by_sort, &mut args);
        let col = q.sort.column();
        let ascending = q.descending == backwards;
        if let Some(c) = cursor {
            let op = if ascending { ">" } else { "<" };
            let cond = format!("({col}, e.id) {op} (?, ?)");
            w = if w.is_empty() {
                format!("WHERE {cond}")
            } else {
                format!("{w} AND {cond}")
            };
            args.push(Box::new(c.key.clone()));
            args.push(Box::new(c.id));
        }
        let dir = if ascending { "ASC" } else { "DESC" };
        args.push(Box::new(limit as i64));
        let sql = format!(
            "{} {w} ORDER BY {col} {dir}, e.id {dir} LIMIT ?",
            list_select(col)
        );
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let mut st = self.store.conn().prepare_cached(&sql)?;
        let mut out = st
            .query_map(params.as_slice(), list_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if backwards {
            out.reverse();
        }
        Ok(out)
    }

    /// Every row of the list in its order, through one statement (the CLI's listing): no page
    /// boundaries to seek, and the filter's full-text match runs once.
    pub fn for_each_row(
        &self,
        q: &ListQuery,
        mut f: impl FnMut(&EmployeeRow) -> Result<()>,
    ) -> Result<()> {
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let by_sort = self.broad(q)?;
        let w = Self::where_clause(q, by_sort, &mut args);
        let col = q.sort.column();
        let dir = if q.descending { "DESC" } else { "ASC" };
        let sql = format!("{} {w} ORDER BY {col} {dir}, e.id {dir}", list_select(col));
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let mut st = self.store.conn().prepare_cached(&sql)?;
        let mut rows = st.query(params.as_slice())?;
        while let Some(r) = rows.next()? {
            f(&list_row(r)?)?;
        }
        Ok(())
    }

    /// Every dossier's raw input in list order, for CSV export (streams through a callback, no big Vec).
    pub fn for_each_input(
        &self,
        include_left: bool,
        mut f: impl FnMut(EmployeeInput) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {EMPLOYEE_COLUMNS}, (SELECT m.number FROM employees m WHERE m.id = employees.manager_id)
             FROM employees {} ORDER BY sort_name, id",
            if include_left { "" } else { "WHERE status <> 'left'" }
        );
        let mut st = self.store.conn().prepare(&sql)?;
        let mut rows_iter = st.query([])?;
        while let Some(r) = rows_iter.next()? {
            let e = rows::employee(r)?;
            let manager: Option<String> = r.get(31)?;
            f(EmployeeInput::from_data(&e.data, manager.as_deref()))?;
        }
        Ok(())
    }

    /// Imports validated rows in one transaction: all of them or none. Rows may name managers that are
    /// earlier or later in the same file. Returns how many were (with `dry_run`: would be) added.
    pub fn import(
        &self,
        rows: &[(usize, EmployeeInput)],
        dry_run: bool,
    ) -> std::result::Result<usize, ImportError> {
        let mut problems: Vec<(usize, ValidationErrors)> = Vec::new();
        let mut seen_numbers = std::collections::HashMap::new();
        let mut seen_rrn = std::collections::HashMap::new();
        let mut valid = Vec::with_capacity(rows.len());
        let in_file: std::collections::HashSet<String> = rows
            .iter()
            .map(|(_, r)| r.number.trim().to_ascii_uppercase())
            .collect();
        for (line, input) in rows {
            let mut errs = ValidationErrors::default();
            let manager_in_file = in_file.contains(&input.manager.trim().to_ascii_uppercase());
            let manager_id = self
                .manager_id(&input.manager)
                .map_err(ImportError::Store)?;
            // A manager defined in the file gets a placeholder id now and is linked after all rows exist.
            let resolvable = manager_id.or(if manager_in_file { Some(0) } else { None });
            match input.validate(resolvable) {
                Ok(d) => {
                    if let Some(prev) = seen_numbers.insert(d.number.clone(), *line) {
                        errs.push(
                            FieldError::new("number", "err.duplicate_in_file")
                                .arg("line", prev.to_string()),
                        );
                    }
                    if let Some(r) = &d.rrn
                        && let Some(prev) = seen_rrn.insert(r.clone(), *line)
                    {
                        errs.push(
                            FieldError::new("rrn", "err.duplicate_in_file")
                                .arg("line", prev.to_string()),
                        );
                    }
                    if self.by_number(&d.number).is_ok() {
                        errs.push(FieldError::new("number", "err.number_taken"));
                    }
                    valid.push((*line, d, input.manager.trim().to_string()));
                }
                Err(e) => errs.0.extend(e.0),
            }
            if !errs.is_empty() {
                problems.push((*line, errs));
            }
        }
        if !problems.is_empty() {
            return Err(ImportError::Invalid(problems));
        }
        if dry_run {
            return Ok(valid.len());
        }
        let current_line = std::cell::Cell::new(0usize);
        self.store
            .write(|tx| {
                let mut ids = std::collections::HashMap::new();
                for (line, d, _) in &valid {
                    current_line.set(*line);
                    let mut d = d.clone();
                    if d.manager_id == Some(0) {
                        d.manager_id = None;
                    }
                    let id = tx.insert_employee(&d)?;
                    tx.audit("employee", id, Some(id), "import", None::<&()>, Some(&d))?;
                    ids.insert(d.number.clone(), id);
                }
                for (line, d, manager) in &valid {
                    current_line.set(*line);
                    if d.manager_id == Some(0) {
                        let m = ids.get(&manager.to_ascii_uppercase()).copied();
                        tx.conn.execute(
                            "UPDATE employees SET manager_id = ?2 WHERE id = ?1",
                            params![ids[&d.number], m],
                        )?;
                    }
                }
                Ok(valid.len())
            })
            .map_err(|e| match e {
                StoreError::Invalid(v) => ImportError::Invalid(vec![(current_line.get(), v)]),
                other => ImportError::Store(other),
            })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Every bad row with its line number; nothing was written.
    #[error("{} invalid rows", .0.len())]
    Invalid(Vec<(usize, ValidationErrors)>),
    #[error(transparent)]
    Store(StoreError),
}

/// The staff list's columns (the latest contract gives the kind and FTE), sorted on `col`.
fn list_select(col: &str) -> String {
    format!(
        "SELECT e.id, e.number, e.last_name, e.first_name, e.preferred_name, e.department, e.job_title,
                e.start_date, e.status, {col}, c.kind, c.weekly_minutes, c.full_time_minutes
         FROM employees e
         LEFT JOIN contracts c ON c.id = (SELECT id FROM contracts WHERE employee_id = e.id
                                          ORDER BY start_date DESC, id DESC LIMIT 1)"
    )
}

fn list_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EmployeeRow> {
    let last: String = r.get(2)?;
    let first: String = r.get(3)?;
    let preferred: String = r.get(4)?;
    let kind: Option<String> = r.get(10)?;
    let weekly: Option<u32> = r.get(11)?;
    let full: Option<u32> = r.get(12)?;
    let status: String = r.get(8)?;
    Ok(EmployeeRow {
        id: r.get(0)?,
        number: r.get(1)?,
        name: format!(
            "{last}, {}",
            if preferred.is_empty() {
                first
            } else {
                preferred
            }
        ),
        department: r.get(5)?,
        job_title: r.get(6)?,
        contract: kind.as_deref().and_then(ContractKind::from_code),
        fte_permille: match (weekly, full) {
            (Some(w), Some(f)) if f > 0 => Some((w * 1000 + f / 2) / f),
            _ => None,
        },
        start_date: rows::date(r.get(7)?).unwrap_or_default(),
        status: EmploymentStatus::from_code(&status).unwrap_or(EmploymentStatus::Active),
        cursor: PageCursor {
            key: r.get(9)?,
            id: r.get(0)?,
        },
    })
}
