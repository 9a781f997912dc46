//! Onboarding and offboarding checklists: made from the templates when an employment starts or ends
//! (in that write's transaction), ticked and un-ticked with an audit row, read per person and as the
//! list of open tasks due.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::dimona::declarations_of;

use super::rows::{self, FULL_NAME_SQL, iso};
use super::{Result, Store, StoreError, Tx};
use crate::domain::checklist::{
    Checklist, ChecklistKind, DIMONA_IN, DIMONA_OUT, Done, Localized, Task, TemplateTask,
};
use crate::domain::choice::Choice;
use crate::domain::dimona::{has_in, has_out};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::records::DocumentKind;

/// An open task due by some day, for the Today list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueTask {
    pub employee_id: i64,
    pub name: String,
    pub number: String,
    pub checklist: ChecklistKind,
    pub task_id: i64,
    pub title: Localized,
    pub due: NaiveDate,
}

/// What the audit keeps of a checklist made for someone.
#[derive(Serialize)]
struct Created<'a> {
    kind: ChecklistKind,
    anchor: NaiveDate,
    tasks: &'a [TemplateTask],
}

/// What the audit keeps of a task's state.
#[derive(Serialize)]
struct TaskState<'a> {
    title: &'a str,
    done_on: Option<NaiveDate>,
    done_by: &'a str,
}

fn invalid(field: &'static str, key: &'static str) -> StoreError {
    StoreError::Invalid(ValidationErrors(vec![FieldError::new(field, key)]))
}

fn localized(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Localized> {
    Ok(Localized {
        en: r.get(first)?,
        nl: r.get(first + 1)?,
        fr: r.get(first + 2)?,
    })
}

impl Tx<'_> {
    /// The active template's tasks for a kind of checklist, in order.
    fn template_tasks(&self, kind: ChecklistKind) -> Result<Vec<TemplateTask>> {
        template_tasks(self.conn, kind)
    }

    /// Makes `kind`'s checklist for a person from the template, due dates counted from `anchor`.
    /// A person has at most one of each kind: an existing one is kept as it is.
    pub(super) fn create_checklist(
        &self,
        employee_id: i64,
        kind: ChecklistKind,
        anchor: NaiveDate,
    ) -> Result<Option<i64>> {
        let inserted = self.conn.execute(
            "INSERT OR IGNORE INTO checklists (employee_id, kind, anchor, created_on) VALUES (?1, ?2, ?3, ?4)",
            params![employee_id, kind.code(), iso(Some(anchor)), iso(Some(self.now.date()))],
        )?;
        if inserted == 0 {
            return Ok(None);
        }
        let id = self.conn.last_insert_rowid();
        let tasks = self.template_tasks(kind)?;
        let mut st = self.conn.prepare_cached(
            "INSERT INTO checklist_tasks (checklist_id, position, code, title_en, title_nl, title_fr,
             responsible, document, due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, t) in tasks.iter().enumerate() {
            st.execute(params![
                id,
                i as i64,
                t.code,
                t.title.en,
                t.title.nl,
                t.title.fr,
                t.responsible,
                t.document,
                iso(Some(t.due(anchor)))
            ])?;
        }
        let created = Created {
            kind,
            anchor,
            tasks: &tasks,
        };
        self.audit(
            "checklist",
            id,
            Some(employee_id),
            "create",
            None::<&()>,
            Some(&created),
        )?;
        Ok(Some(id))
    }

    /// Sets a task done on a day by someone, or open again (`None`), with its audit row.
    pub(super) fn set_task_done(
        &self,
        employee_id: i64,
        task: &Task,
        done: Option<(NaiveDate, &str)>,
    ) -> Result<()> {
        let (on, by) = match done {
            Some((on, by)) => (Some(on), by),
            None => (None, ""),
        };
        self.conn.execute(
            "UPDATE checklist_tasks SET done_on = ?2, done_by = ?3 WHERE id = ?1",
            params![task.id, iso(on), by],
        )?;
        let old = match &task.done {
            Some(Done::Ticked { on, by }) => TaskState {
                title: &task.title.en,
                done_on: Some(*on),
                done_by: by,
            },
            _ => TaskState {
                title: &task.title.en,
                done_on: None,
                done_by: "",
            },
        };
        let new = TaskState {
            title: &task.title.en,
            done_on: on,
            done_by: by,
        };
        let action = if on.is_some() { "tick" } else { "untick" };
        self.audit(
            "checklist_task",
            task.id,
            Some(employee_id),
            action,
            Some(&old),
            Some(&new),
        )
    }

    /// Moves a person's checklist of `kind` to a new first or last day: the open tasks keep their
    /// distance to it (a start date corrected after the hire). Done tasks keep their date.
    pub(super) fn move_checklist(
        &self,
        employee_id: i64,
        kind: ChecklistKind,
        anchor: NaiveDate,
    ) -> Result<()> {
        let found: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, anchor FROM checklists WHERE employee_id = ?1 AND kind = ?2",
                params![employee_id, kind.code()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, old)) = found else {
            return Ok(());
        };
        let Some(old_anchor) = rows::date(Some(old)) else {
            return Ok(());
        };
        let shift = (anchor - old_anchor).num_days();
        if shift == 0 {
            return Ok(());
        }
        self.conn.execute(
            "UPDATE checklists SET anchor = ?2 WHERE id = ?1",
            params![id, iso(Some(anchor))],
        )?;
        self.conn.execute(
            "UPDATE checklist_tasks SET due = date(due, ?2 || ' days') WHERE checklist_id = ?1 AND done_on IS NULL",
            params![id, format!("{shift:+}")],
        )?;
        self.audit(
            "checklist",
            id,
            Some(employee_id),
            "update",
            Some(&serde_json::json!({ "anchor": old_anchor })),
            Some(&serde_json::json!({ "anchor": anchor })),
        )
    }

    /// Removes a person's checklist of `kind` (an archive undone takes its offboarding with it).
    pub(super) fn remove_checklist(&self, employee_id: i64, kind: ChecklistKind) -> Result<()> {
        let found: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, anchor FROM checklists WHERE employee_id = ?1 AND kind = ?2",
                params![employee_id, kind.code()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, anchor)) = found {
            self.conn
                .execute("DELETE FROM checklists WHERE id = ?1", [id])?;
            self.audit(
                "checklist",
                id,
                Some(employee_id),
                "delete",
                Some(&(kind, anchor)),
                None::<&()>,
            )?;
        }
        Ok(())
    }
}

fn template_tasks(conn: &rusqlite::Connection, kind: ChecklistKind) -> Result<Vec<TemplateTask>> {
    let mut st = conn.prepare_cached(
        "SELECT t.code, t.title_en, t.title_nl, t.title_fr, t.offset_days, t.responsible, t.document
         FROM checklist_template_tasks t
         WHERE t.template_id = (SELECT id FROM checklist_templates WHERE kind = ?1 AND active = 1
                                ORDER BY id LIMIT 1)
         ORDER BY t.position, t.id",
    )?;
    let out = st
        .query_map([kind.code()], |r| {
            Ok(TemplateTask {
                code: r.get(0)?,
                title: localized(r, 1)?,
                offset_days: r.get(4)?,
                responsible: r.get(5)?,
                document: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

pub struct ChecklistRepo<'a> {
    pub(super) store: &'a Store,
}

/// Whether the register holds an IN, and an OUT for the end date `anchor` of an offboarding.
fn dimona_facts(store: &Store, employee_id: i64, end: NaiveDate) -> Result<(bool, bool)> {
    let decls = declarations_of(store.conn(), employee_id)?;
    Ok((has_in(&decls), has_out(&decls, end)))
}

impl ChecklistRepo<'_> {
    /// The template tasks of each kind, onboarding first.
    pub fn templates(&self) -> Result<Vec<(ChecklistKind, Vec<TemplateTask>)>> {
        ChecklistKind::ALL
            .iter()
            .map(|k| Ok((*k, template_tasks(self.store.conn(), *k)?)))
            .collect()
    }

    /// A person's checklists (onboarding first) with their tasks; the Dimona tasks read as done when
    /// the register holds the declaration.
    pub fn for_employee(&self, employee_id: i64) -> Result<Vec<Checklist>> {
        let conn = self.store.conn();
        let mut st = conn.prepare_cached(
            "SELECT id, kind, anchor FROM checklists WHERE employee_id = ?1
             ORDER BY CASE kind WHEN 'onboarding' THEN 0 ELSE 1 END",
        )?;
        let heads = st
            .query_map([employee_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    rows::choice::<ChecklistKind>(1, r.get(1)?)?,
                    rows::date(r.get(2)?).unwrap_or_default(),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let decls = declarations_of(conn, employee_id)?;
        let mut out = Vec::with_capacity(heads.len());
        let mut tasks_st = conn.prepare_cached(
            "SELECT id, code, title_en, title_nl, title_fr, responsible, document, due, done_on, done_by
             FROM checklist_tasks WHERE checklist_id = ?1 ORDER BY due, position, id",
        )?;
        for (id, kind, anchor) in heads {
            let (declared_in, declared_out) = (has_in(&decls), has_out(&decls, anchor));
            let tasks = tasks_st
                .query_map([id], |r| {
                    let done_on = rows::date(r.get(8)?);
                    let mut t = Task {
                        id: r.get(0)?,
                        code: r.get(1)?,
                        title: localized(r, 2)?,
                        responsible: r.get(5)?,
                        document: r.get(6)?,
                        due: rows::date(r.get(7)?).unwrap_or_default(),
                        done: done_on.map(|on| Done::Ticked {
                            on,
                            by: String::new(),
                        }),
                    };
                    if let Some(Done::Ticked { by, .. }) = &mut t.done {
                        *by = r.get(9)?;
                    } else if t.done_by_dimona(declared_in, declared_out) {
                        t.done = Some(Done::Dimona);
                    }
                    Ok(t)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(Checklist {
                id,
                employee_id,
                kind,
                anchor,
                tasks,
            });
        }
        Ok(out)
    }

    /// Open tasks due on or before `until`, most urgent first. Reads the open tasks through their
    /// partial index; a Dimona task the register already completes is left out.
    pub fn due_tasks(&self, until: NaiveDate) -> Result<Vec<DueTask>> {
        self.due(until, false, None)
    }

    /// The open tasks due by `until` for the Today list: at most `limit`, most urgent first, and
    /// without the Dimona tasks and the signed contract and work-rules receipt, which Today reports
    /// from the Dimona register and the documents on file themselves.
    pub fn due_for_today(&self, until: NaiveDate, limit: usize) -> Result<Vec<DueTask>> {
        self.due(until, true, Some(limit))
    }

    fn due(
        &self,
        until: NaiveDate,
        skip_dimona: bool,
        limit: Option<usize>,
    ) -> Result<Vec<DueTask>> {
        let conn = self.store.conn();
        let dimona = if skip_dimona {
            format!(
                " AND t.code NOT IN ('{DIMONA_IN}', '{DIMONA_OUT}') AND t.document NOT IN ('{}', '{}')",
                DocumentKind::SignedContract.code(),
                DocumentKind::WorkRulesReceipt.code()
            )
        } else {
            String::new()
        };
        let limit = limit.map_or(String::new(), |n| format!(" LIMIT {n}"));
        let sql = format!(
            "SELECT c.employee_id, {FULL_NAME_SQL}, e.number, c.kind, t.id, t.title_en, t.title_nl,
                    t.title_fr, t.due, t.code, c.anchor
             FROM checklist_tasks t INDEXED BY checklist_tasks_open_by_due
             JOIN checklists c ON c.id = t.checklist_id
             JOIN employees e ON e.id = c.employee_id
             WHERE t.done_on IS NULL AND t.due <= ?1{dimona}
             ORDER BY t.due, t.id{limit}"
        );
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st
            .query_map([iso(Some(until))], |r| {
                Ok((
                    DueTask {
                        employee_id: r.get(0)?,
                        name: r.get(1)?,
                        number: r.get(2)?,
                        checklist: rows::choice::<ChecklistKind>(3, r.get(3)?)?,
                        task_id: r.get(4)?,
                        title: localized(r, 5)?,
                        due: rows::date(r.get(8)?).unwrap_or_default(),
                    },
                    r.get::<_, String>(9)?,
                    rows::date(r.get(10)?).unwrap_or_default(),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (task, code, anchor) in rows {
            if code == DIMONA_IN || code == DIMONA_OUT {
                let (declared_in, declared_out) =
                    dimona_facts(self.store, task.employee_id, anchor)?;
                if (code == DIMONA_IN && declared_in) || (code == DIMONA_OUT && declared_out) {
                    continue;
                }
            }
            out.push(task);
        }
        Ok(out)
    }

    /// The task with its person and state, or not found.
    fn task(&self, task_id: i64) -> Result<(i64, Task)> {
        let employee_id: i64 = self
            .store
            .conn()
            .query_row(
                "SELECT c.employee_id FROM checklist_tasks t JOIN checklists c ON c.id = t.checklist_id
                 WHERE t.id = ?1",
                [task_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("task #{task_id}")))?;
        let task = self
            .for_employee(employee_id)?
            .into_iter()
            .flat_map(|c| c.tasks)
            .find(|t| t.id == task_id)
            .ok_or_else(|| StoreError::NotFound(format!("task #{task_id}")))?;
        Ok((employee_id, task))
    }

    /// The person a task belongs to.
    pub fn employee_of(&self, task_id: i64) -> Result<i64> {
        self.task(task_id).map(|(e, _)| e)
    }

    /// Ticks a task as done today by `by`. A task already done (by hand or by the Dimona register)
    /// is refused, so a second tick never rewrites who did it.
    pub fn tick(&self, task_id: i64, by: &str) -> Result<Task> {
        let (employee_id, mut task) = self.task(task_id)?;
        match task.done {
            Some(Done::Dimona) => return Err(invalid("task", "err.task_done_by_dimona")),
            Some(Done::Ticked { .. }) => return Err(invalid("task", "err.task_done")),
            None => {}
        }
        let on = self.store.clock().today();
        let by = by.trim().chars().take(60).collect::<String>();
        self.store
            .write(|tx| tx.set_task_done(employee_id, &task, Some((on, &by))))?;
        task.done = Some(Done::Ticked { on, by });
        Ok(task)
    }

    /// Opens a ticked task again. A Dimona task completed by the register cannot be opened here:
    /// the declaration is what completes it.
    pub fn untick(&self, task_id: i64) -> Result<Task> {
        let (employee_id, mut task) = self.task(task_id)?;
        match &task.done {
            Some(Done::Ticked { .. }) => {}
            Some(Done::Dimona) => return Err(invalid("task", "err.task_done_by_dimona")),
            None => return Err(invalid("task", "err.task_open")),
        }
        self.store
            .write(|tx| tx.set_task_done(employee_id, &task, None))?;
        task.done = None;
        // Un-ticking a Dimona task the register now completes reads as done again.
        if let Some(t) = self.task(task_id).ok().map(|(_, t)| t) {
            task = t;
        }
        Ok(task)
    }
}
