//! `dossier training …`: the course catalogue, sessions (plan, enrol, attendance), a person's
//! records, certificates expiring and the individual training right.

use clap::{Args, FromArgMatches, Subcommand};

#[path = "training_requests.rs"]
mod requests;

use super::input_flags;
use super::out::outln;
use super::{CliError, Ctx, date_arg, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::input::TextInput;
use crate::domain::money::{format_cents, format_minutes};
use crate::domain::training::certificate::RecordInput;
use crate::domain::training::course::CourseInput;
use crate::domain::training::right::format_centidays;
use crate::domain::training::session::{Attendance, SessionInput, format_days};
use crate::errors::validation_lines;
use crate::i18n::I18n;
use crate::store::{Access, Store};
use crate::training_sheets::{cert_state, planned};

/// Lines a listing prints at most (the TUI pages through more).
const LIST_CAP: usize = 1000;

/// The flags of a text input (one per field), for `course add` and `session add`.
#[derive(Debug, Clone)]
pub struct InputArgs<T> {
    pub input: T,
    pub json: bool,
}

impl<T: TextInput + std::fmt::Debug + Send + Sync + 'static> FromArgMatches for InputArgs<T> {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(InputArgs {
            input: input_flags::from_flags::<T>(m, "").0,
            json: m.get_flag("json"),
        })
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl<T: TextInput + std::fmt::Debug + Send + Sync + 'static> Args for InputArgs<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        input_flags::add_flags::<T>(cmd, "", "").arg(
            clap::Arg::new("json")
                .long("json")
                .action(clap::ArgAction::SetTrue),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// The course catalogue: add a course, list them
    #[command(subcommand)]
    Course(CourseCommand),
    /// Sessions of a course: plan one, list them, enrol people, record attendance
    #[command(subcommand)]
    Session(SessionCommand),
    /// A person's training records (courses followed, certificates and their expiry); `add` enters
    /// one by hand
    Records {
        number: String,
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        add: Option<RecordsCommand>,
    },
    /// Certificates expiring within N days (default: the setting, 90) or expired, with who and
    /// whether a session is planned; then mandatory certificates missing for someone's job
    Expiring {
        #[arg(long, allow_hyphen_values = true)]
        days: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// The individual training right of a person in a year: days due, followed, remaining
    Right {
        number: String,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Employees' requests for a course: add, list, approve (enrols on a session), refuse
    #[command(subcommand)]
    Request(requests::RequestCommand),
    /// The participant's evaluation of a course followed (a record id from `records --json`):
    /// --score QUESTION=1..5 (repeat; the questions are a setting) [--comment TEXT]; saving again
    /// replaces it
    Evaluate {
        record: i64,
        #[arg(long = "score")]
        scores: Vec<String>,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long)]
        json: bool,
    },
    /// The follow-up months after a course: did it help in the job? --helped yes|no|partly
    /// [--note TEXT] (the record must have been evaluated); answering again replaces it
    FollowUp {
        record: i64,
        #[arg(long)]
        helped: String,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecordsCommand {
    /// A course followed elsewhere or a certificate obtained outside: --from D [--to D]
    /// [--course ID | --title T --duration 7h36] [--kind] [--cost] [--certificate-no NR]
    /// [--expires D] [--counts-for-right yes|no]; a catalogue course fills what is left out
    Add(Box<InputArgs<RecordInput>>),
}

#[derive(Debug, Subcommand)]
pub enum CourseCommand {
    /// Add a course: --title, --hours (7h36), --kind formal|informal|initial, --cost, --provider,
    /// --internal yes|no, --language, --certificate-months, --mandatory-for "Job; Job", --counts-for-right
    Add(Box<InputArgs<CourseInput>>),
    /// The catalogue with each course's id
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Plan a session: --course ID --days "dd/mm/yyyy hh:mm-hh:mm; …" --capacity N --place --trainer --cost
    Add(Box<InputArgs<SessionInput>>),
    /// Sessions, upcoming first, with seats taken and the waiting list
    List {
        #[arg(long)]
        json: bool,
    },
    /// Enrol people (by employee number): a seat while there is one, else the waiting list
    Enrol {
        session: i64,
        #[arg(required = true)]
        numbers: Vec<String>,
    },
    /// Record attendance on a session day (present, absent, excused, or none to clear); every day
    /// marked writes the training record into the dossier
    Attend {
        session: i64,
        #[arg(required = true)]
        numbers: Vec<String>,
        #[arg(long)]
        day: String,
        #[arg(long, default_value = "present")]
        mark: String,
    },
    /// Cancel someone's enrolment: the first on the waiting list takes the seat
    Cancel { session: i64, number: String },
}

fn refused(i: &I18n, e: &crate::domain::error::ValidationErrors) -> CliError {
    CliError::input(validation_lines(i, e).join("\n"))
}

pub fn run(ctx: &Ctx, cmd: TrainingCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    let today = ctx.clock.today();
    match cmd {
        TrainingCommand::Course(CourseCommand::Add(a)) => {
            let data = a.input.validate().map_err(|e| refused(i, &e))?;
            let store = ctx.open(Access::ReadWrite)?;
            let c = store.training().add_course(&data).map_err(fail)?;
            if a.json {
                return print_json(&c);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.training_course_added",
                    &[("id", &c.id.to_string()), ("title", &c.data.title)]
                )
            );
        }
        TrainingCommand::Course(CourseCommand::List { json }) => {
            let store = ctx.open(Access::ReadOnly)?;
            let courses = store.training().courses().map_err(fail)?;
            if json {
                return print_json(&courses);
            }
            if courses.is_empty() {
                outln!("{}", i.t("cli.training_no_courses"));
            }
            for c in courses {
                let d = &c.data;
                let cert = d
                    .certificate_months
                    .map(|m| i.tf("training.valid_months", &[("months", &m.to_string())]))
                    .unwrap_or_default();
                outln!(
                    "#{:<4} {:<36} {:<9} {:>6} € {:>9}  {}{}",
                    c.id,
                    d.title,
                    i.choice(d.kind),
                    format_minutes(d.minutes),
                    format_cents(d.cost_cents),
                    cert,
                    if d.mandatory_for.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "  {}: {}",
                            i.t("training.mandatory_for"),
                            d.mandatory_for.join(", ")
                        )
                    }
                );
            }
        }
        TrainingCommand::Session(cmd) => session(ctx, cmd)?,
        TrainingCommand::Request(cmd) => requests::run(ctx, cmd)?,
        TrainingCommand::FollowUp {
            record,
            helped,
            note,
            json,
        } => {
            let (helped, note) = crate::domain::training::evaluation::FollowUpInput {
                helped,
                follow_up_note: note,
            }
            .validate()
            .map_err(|e| refused(i, &e))?;
            let store = ctx.open(Access::ReadWrite)?;
            let t = store.training();
            t.follow_up(record, helped, &note).map_err(fail)?;
            if json {
                return print_json(&t.evaluation(record).map_err(fail)?);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.training_followed_up",
                    &[("id", &record.to_string()), ("helped", &i.choice(helped))]
                )
            );
        }
        TrainingCommand::Evaluate {
            record,
            scores,
            comment,
            json,
        } => {
            let store = ctx.open(Access::ReadWrite)?;
            let t = store.training();
            let questions = t.settings().map_err(fail)?.evaluation_questions;
            let data =
                crate::domain::training::evaluation::named_scores(&scores, &comment, &questions)
                    .map_err(|e| refused(i, &e))?;
            let due = t.evaluate(record, &data).map_err(fail)?;
            if json {
                return print_json(&t.evaluation(record).map_err(fail)?);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.training_evaluated",
                    &[("id", &record.to_string()), ("date", &format_date(due))]
                )
            );
        }
        TrainingCommand::Records {
            number,
            add: Some(RecordsCommand::Add(a)),
            ..
        } => {
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            let t = store.training();
            let rid = t.add_record_input(id, &a.input).map_err(fail)?;
            let rec = t
                .records(id)
                .map_err(fail)?
                .into_iter()
                .find(|r| r.id == rid);
            if a.json {
                return print_json(&rec);
            }
            let title = rec.map(|r| r.data.title).unwrap_or_default();
            outln!(
                "{}",
                i.tf(
                    "cli.training_record_added",
                    &[
                        ("id", &rid.to_string()),
                        ("number", number.trim()),
                        ("title", &title)
                    ]
                )
            );
        }
        TrainingCommand::Records {
            number,
            json,
            add: None,
        } => {
            let store = ctx.open(Access::ReadOnly)?;
            let id = employee_id(ctx, &store, &number)?;
            let recs = store.training().records(id).map_err(fail)?;
            if json {
                return print_json(&recs);
            }
            if recs.is_empty() {
                outln!(
                    "{}",
                    i.tf("cli.training_no_records", &[("number", number.trim())])
                );
            }
            for r in recs {
                let d = &r.data;
                let expires = d
                    .expires
                    .map(|x| format!("  {} {}", i.t("training.expires"), format_date(x)))
                    .unwrap_or_default();
                outln!(
                    "{}–{}  {:<36} {:<9} {:>6}  € {:>9}{}{}",
                    format_date(d.from),
                    format_date(d.to),
                    d.title,
                    i.choice(d.kind),
                    format_minutes(d.minutes),
                    format_cents(d.cost_cents),
                    if d.certificate.is_empty() {
                        String::new()
                    } else {
                        format!("  #{}", d.certificate)
                    },
                    expires
                );
            }
        }
        TrainingCommand::Expiring { days, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let t = store.training();
            let days = match days {
                Some(d) if d < 0 => return Err(CliError::input(i.t("cli.training_days_negative"))),
                Some(d) => d,
                None => t.settings().map_err(fail)?.expiry_days,
            };
            let due = t.expiring(today, days, LIST_CAP).map_err(fail)?;
            let missing = t.missing_certificates(today, LIST_CAP).map_err(fail)?;
            if json {
                return print_json(&serde_json::json!({ "expiring": due, "missing": missing }));
            }
            if due.is_empty() && missing.is_empty() {
                outln!(
                    "{}",
                    i.tf("cli.training_none_expiring", &[("days", &days.to_string())])
                );
            }
            for c in due {
                outln!(
                    "{}  {:<28} {:<24} {:<28} {}",
                    format_date(c.expires),
                    format!("{} ({})", c.person.name, c.person.number),
                    c.record.data.title,
                    cert_state(i, c.state),
                    planned(i, c.planned)
                );
            }
            for m in missing {
                outln!(
                    "{:<10}  {:<28} {:<24} {:<28} {}",
                    "—",
                    format!("{} ({})", m.person.name, m.person.number),
                    m.course,
                    i.tf("training.missing_for_job", &[("job", &m.job_title)]),
                    planned(i, m.planned)
                );
            }
        }
        TrainingCommand::Right { number, year, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let id = employee_id(ctx, &store, &number)?;
            let year = year.unwrap_or_else(|| chrono::Datelike::year(&today));
            if !(1900..=2200).contains(&year) {
                return Err(CliError::input(
                    i.tf("err.training_number", &[("min", "1900"), ("max", "2200")]),
                ));
            }
            let r = store.training().right(id, year).map_err(fail)?;
            if json {
                return print_json(&r);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.training_right",
                    &[
                        ("year", &year.to_string()),
                        ("base", &r.base_days.to_string()),
                        ("due", &format_centidays(r.due_centidays)),
                        ("followed", &format_centidays(r.followed_centidays)),
                        ("remaining", &format_centidays(r.remaining_centidays)),
                    ]
                )
            );
        }
    }
    Ok(())
}

fn session(ctx: &Ctx, cmd: SessionCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    let today = ctx.clock.today();
    match cmd {
        SessionCommand::Add(a) => {
            let data = a.input.validate().map_err(|e| refused(i, &e))?;
            let store = ctx.open(Access::ReadWrite)?;
            let id = store.training().add_session(&data).map_err(fail)?;
            if a.json {
                return print_json(&store.training().session(id).map_err(fail)?);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.training_session_added",
                    &[("id", &id.to_string()), ("days", &format_days(&data.days))]
                )
            );
        }
        SessionCommand::List { json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let rows = store.training().sessions(today, LIST_CAP).map_err(fail)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                outln!("{}", i.t("cli.training_no_sessions"));
            }
            for s in rows {
                outln!(
                    "#{:<4} {}  {:<32} {:>3}/{:<3} {}  {}",
                    s.id,
                    format_date(s.data.first_day()),
                    s.course,
                    s.enrolled,
                    s.data.capacity,
                    if s.waiting > 0 {
                        i.tf(
                            "training.waiting_count",
                            &[("count", &s.waiting.to_string())],
                        )
                    } else {
                        String::new()
                    },
                    s.data.place
                );
            }
        }
        SessionCommand::Enrol { session, numbers } => {
            let store = ctx.open(Access::ReadWrite)?;
            let ids = people(ctx, &store, &numbers)?;
            for (number, id) in numbers.iter().zip(ids) {
                let (_, status) = store.training().enrol(session, id).map_err(fail)?;
                outln!(
                    "{}",
                    i.tf(
                        "cli.training_enrolled",
                        &[("number", number.trim()), ("status", &i.choice(status))]
                    )
                );
            }
        }
        SessionCommand::Attend {
            session,
            numbers,
            day,
            mark,
        } => {
            let day = date_arg(i, &day)?;
            let mark = match mark.trim() {
                "none" | "" => None,
                m => Some(Attendance::from_code(m).ok_or_else(|| {
                    CliError::input(i.tf(
                        "err.choice",
                        &[("value", m), ("options", "present, absent, excused, none")],
                    ))
                })?),
            };
            let store = ctx.open(Access::ReadWrite)?;
            let ids = people(ctx, &store, &numbers)?;
            let t = store.training();
            // Every person is checked before anything is written: all or nothing.
            let mut enrolments = Vec::new();
            for id in &ids {
                enrolments.push(t.enrolment_of(session, *id).map_err(fail)?);
            }
            for (number, en) in numbers.iter().zip(enrolments) {
                let r = t.mark(en, day, mark).map_err(fail)?;
                let what = mark.map_or_else(|| i.t("training.unmarked"), |m| i.choice(m));
                let mut line = i.tf(
                    "cli.training_marked",
                    &[
                        ("number", number.trim()),
                        ("day", &format_date(day)),
                        ("mark", &what),
                    ],
                );
                if r.record_id.is_some() {
                    line.push_str(&format!("  — {}", i.t("cli.training_record_written")));
                }
                outln!("{line}");
            }
        }
        SessionCommand::Cancel { session, number } => {
            let store = ctx.open(Access::ReadWrite)?;
            let id = employee_id(ctx, &store, &number)?;
            let t = store.training();
            let en = t.enrolment_of(session, id).map_err(fail)?;
            let up = t.cancel_enrolment(en).map_err(fail)?;
            outln!(
                "{}",
                i.tf("cli.training_cancelled", &[("number", number.trim())])
            );
            for e in up {
                let (_, who, _, _) = t.enrolment(e).map_err(fail)?;
                let d = store.employees().dossier(who).map_err(fail)?;
                outln!(
                    "{}",
                    i.tf(
                        "cli.training_promoted",
                        &[("number", &d.employee.data.number)]
                    )
                );
            }
        }
    }
    Ok(())
}

/// Employee ids for the numbers given; an unknown number refuses the whole command.
fn people(ctx: &Ctx, store: &Store, numbers: &[String]) -> Result<Vec<i64>, CliError> {
    numbers.iter().map(|n| employee_id(ctx, store, n)).collect()
}
