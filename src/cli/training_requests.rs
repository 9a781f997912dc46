//! `dossier training request add|list|approve|refuse`: employees' requests for a course, and HR's
//! answer (approval enrols the person on a session, refusal keeps the reason).

use clap::Subcommand;

use super::InputArgs;
use crate::cli::out::outln;
use crate::cli::{CliError, Ctx, employee_id, print_json};
use crate::domain::date::format_date;
use crate::domain::training::RequestStatus;
use crate::domain::training::request::{RequestInput, format_period};
use crate::errors::validation_lines;
use crate::store::Access;

#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// An employee asks for a course: NUMBER --course ID [--motivation] [--wanted-from D] [--wanted-to D]
    Add {
        number: String,
        #[command(flatten)]
        input: Box<InputArgs<RequestInput>>,
    },
    /// Requests, pending first (oldest first), then the decided ones with their answer
    List {
        /// Only the requests still waiting for an answer
        #[arg(long)]
        pending: bool,
        #[arg(long)]
        json: bool,
    },
    /// Approve a request: the person is enrolled on --session ID (the waiting list when it is full)
    Approve {
        id: i64,
        #[arg(long)]
        session: Option<i64>,
    },
    /// Refuse a request with --reason "…" (required: the employee is told why)
    Refuse {
        id: i64,
        #[arg(long)]
        reason: Option<String>,
    },
}

pub fn run(ctx: &Ctx, cmd: RequestCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    match cmd {
        RequestCommand::Add { number, input } => {
            let data = input
                .input
                .validate()
                .map_err(|e| CliError::input(validation_lines(i, &e).join("\n")))?;
            let store = ctx.open(Access::ReadWrite)?;
            let who = employee_id(ctx, &store, &number)?;
            let t = store.training();
            let id = t.add_request(who, &data).map_err(fail)?;
            let r = t.training_request(id).map_err(fail)?;
            if input.json {
                return print_json(&r);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.training_request_added",
                    &[
                        ("id", &id.to_string()),
                        ("course", &r.course),
                        ("number", &r.person.number)
                    ]
                )
            );
        }
        RequestCommand::List { pending, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let mut rows = store.training().requests().map_err(fail)?;
            if pending {
                rows.retain(|r| r.status == RequestStatus::Pending);
            }
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                outln!("{}", i.t("cli.training_no_requests"));
            }
            for r in rows {
                let answer = match r.status {
                    RequestStatus::Pending => i.choice(r.status),
                    RequestStatus::Approved => i.tf(
                        "training.request_approved",
                        &[("date", &r.decided_on.map(format_date).unwrap_or_default())],
                    ),
                    RequestStatus::Refused => {
                        i.tf("training.request_refused", &[("reason", &r.reason)])
                    }
                };
                outln!(
                    "#{:<4} {}  {:<28} {:<28} {:<23} {}",
                    r.id,
                    format_date(r.asked_on),
                    format!("{} ({})", r.person.name, r.person.number),
                    r.course,
                    format_period(r.wanted_from, r.wanted_to),
                    answer
                );
            }
        }
        RequestCommand::Approve { id, session } => {
            let Some(session) = session else {
                return Err(CliError::input(i.t("cli.training_session_needed")));
            };
            let store = ctx.open(Access::ReadWrite)?;
            let t = store.training();
            let r = t.training_request(id).map_err(fail)?;
            let enrolment = t.approve_request(id, Some(session)).map_err(fail)?;
            let status = match enrolment {
                Some(e) => i.choice(t.enrolment(e).map_err(fail)?.2),
                None => String::new(),
            };
            outln!(
                "{}",
                i.tf(
                    "cli.training_request_approved",
                    &[
                        ("id", &id.to_string()),
                        ("number", &r.person.number),
                        ("status", &status),
                        ("session", &session.to_string())
                    ]
                )
            );
        }
        RequestCommand::Refuse { id, reason } => {
            let reason = reason.unwrap_or_default();
            if reason.trim().is_empty() {
                return Err(CliError::input(i.t("cli.training_reason_needed")));
            }
            let store = ctx.open(Access::ReadWrite)?;
            store.training().refuse_request(id, &reason).map_err(fail)?;
            outln!(
                "{}",
                i.tf(
                    "cli.training_request_refused",
                    &[("id", &id.to_string()), ("reason", reason.trim())]
                )
            );
        }
    }
    Ok(())
}
