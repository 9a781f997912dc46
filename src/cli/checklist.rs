//! `dossier checklist show|tick|due`: onboarding and offboarding checklists from the command line.

use clap::Subcommand;

use super::out::outln;
use super::{CliError, Ctx, date_arg, employee_id, print_json};
use crate::domain::checklist::Checklist;
use crate::domain::date::format_date;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::i18n::I18n;
use crate::store::{Access, StoreError};

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// A person's checklists with every task, its id, due date and state
    Show {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Tick a task as done today (--undo opens it again)
    Tick {
        number: String,
        task_id: i64,
        #[arg(long)]
        undo: bool,
        /// Who did it (default: your user name)
        #[arg(long)]
        by: Option<String>,
    },
    /// Open tasks due by a day (default today), most urgent first
    Due {
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn print_checklist(i: &I18n, c: &Checklist, today: chrono::NaiveDate) {
    let (done, total) = c.progress();
    let mut head = i.tf(
        "detail.checklist_head",
        &[
            ("kind", &i.choice(c.kind)),
            ("done", &done.to_string()),
            ("total", &total.to_string()),
            ("date", &format_date(c.anchor)),
        ],
    );
    let overdue = c.overdue(today);
    if overdue > 0 {
        head.push_str(&format!(
            "  ({})",
            i.tf("detail.overdue_count", &[("count", &overdue.to_string())])
        ));
    }
    outln!("{head}");
    for t in &c.tasks {
        let mark = if t.done.is_some() { "x" } else { " " };
        outln!(
            "  #{:<6} [{mark}] {}  {:<10} {}  — {}",
            t.id,
            format_date(t.due),
            t.responsible,
            t.title.get(i.lang.code()),
            i.task_state(t, today)
        );
    }
}

pub fn run(ctx: &Ctx, cmd: ChecklistCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    let today = ctx.clock.today();
    match cmd {
        ChecklistCommand::Show { number, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let id = employee_id(ctx, &store, &number)?;
            let lists = store.checklists().for_employee(id).map_err(fail)?;
            if json {
                return print_json(&lists);
            }
            if lists.is_empty() {
                outln!(
                    "{}",
                    i.tf("cli.checklist_none", &[("number", number.trim())])
                );
            }
            for (n, c) in lists.iter().enumerate() {
                if n > 0 {
                    outln!();
                }
                print_checklist(i, c, today);
            }
        }
        ChecklistCommand::Tick {
            number,
            task_id,
            undo,
            by,
        } => {
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            let repo = store.checklists();
            // A task id typed for the wrong person must not tick someone else's task.
            if repo.employee_of(task_id).map_err(fail)? != id {
                let e =
                    FieldError::new("task", "err.task_not_theirs").arg("id", task_id.to_string());
                return Err(fail(StoreError::Invalid(ValidationErrors(vec![e]))));
            }
            let (task, key) = if undo {
                (repo.untick(task_id).map_err(fail)?, "cli.task_unticked")
            } else {
                let by = by.unwrap_or_else(crate::config::current_user);
                (repo.tick(task_id, &by).map_err(fail)?, "cli.task_ticked")
            };
            outln!(
                "{}",
                i.tf(
                    key,
                    &[
                        ("id", &task_id.to_string()),
                        ("title", task.title.get(i.lang.code()))
                    ]
                )
            );
        }
        ChecklistCommand::Due { until, json } => {
            let until = match until {
                Some(u) => date_arg(i, &u)?,
                None => today,
            };
            let store = ctx.open(Access::ReadOnly)?;
            let tasks = store.checklists().due_tasks(until).map_err(fail)?;
            if json {
                return print_json(&tasks);
            }
            if tasks.is_empty() {
                outln!("{}", i.tf("cli.due_none", &[("date", &format_date(until))]));
            }
            for t in tasks {
                outln!(
                    "{}  #{:<6} {} ({})  {}: {}",
                    format_date(t.due),
                    t.task_id,
                    t.name,
                    t.number,
                    i.choice(t.checklist),
                    t.title.get(i.lang.code())
                );
            }
        }
    }
    Ok(())
}
