//! `dossier vacancy|candidate|interview|recruitment …`: recruitment from the command line.

use std::path::PathBuf;

use clap::Subcommand;

use super::out::outln;
use super::{CliError, Ctx, date_arg, employee_id, print_json};
use crate::domain::choice::Choice;
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::money::{format_cents, format_minutes};
use crate::domain::recruitment::interview::{duration_minutes, parse_start};
use crate::domain::recruitment::{
    CandidateInput, Channel, ChannelPost, Criterion, Stage, VacancyInput,
};
use crate::store::recruitment::{InterviewInput, Link};
use crate::store::{Access, Store, StoreError};

/// `dossier vacancy add` flags.
#[derive(Debug, clap::Args)]
pub struct VacancyAdd {
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub department: Option<String>,
    /// Employee number of the future manager
    #[arg(long)]
    pub reports_to: Option<String>,
    /// indefinite, fixed_term, specific_work, replacement, student, interim
    #[arg(long)]
    pub contract: Option<String>,
    #[arg(long)]
    pub weekly_hours: Option<String>,
    #[arg(long)]
    pub salary_min: Option<String>,
    #[arg(long)]
    pub salary_max: Option<String>,
    #[arg(long)]
    pub start_wanted: Option<String>,
    #[arg(long)]
    pub positions: Option<String>,
    /// draft, open, on_hold, filled, cancelled (default: open)
    #[arg(long)]
    pub status: Option<String>,
    /// "TEXT;required|nice;WEIGHT", e.g. "VCA certificate;required;3" (repeat)
    #[arg(long)]
    pub criterion: Vec<String>,
    /// "CHANNEL;PUBLISHED[;WITHDRAWN]", e.g. "vdab;2026-04-01" (repeat)
    #[arg(long)]
    pub channel: Vec<String>,
    /// A standard question of the phone preselection (repeat)
    #[arg(long)]
    pub question: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum VacancyCommand {
    /// Add a vacancy with its profile (--criterion), channels (--channel) and phone questions (--question)
    Add(Box<VacancyAdd>),
    /// Vacancies (filled and cancelled ones only with --all)
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// One vacancy with its profile, channels, questions and candidates per stage
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Applicants per channel, the funnel by stage, time to hire and rejection reasons
    Report {
        id: i64,
        #[arg(long)]
        json: bool,
        /// Also write the tables to this CSV file
        #[arg(long)]
        csv: Option<PathBuf>,
        #[command(flatten)]
        force: super::overwrite::Force,
    },
}

#[derive(Debug, Subcommand)]
pub enum CandidateCommand {
    /// Add a candidate with an application; a look-alike (e-mail, phone, name) is refused unless
    /// --link ID (the same person) or --new (another person)
    Add {
        #[arg(long)]
        vacancy: i64,
        #[arg(long)]
        first_name: String,
        #[arg(long)]
        last_name: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// nl, fr or en: the language of the letters
        #[arg(long)]
        language: Option<String>,
        /// The channel they came through, e.g. vdab, linkedin, website
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        applied_on: Option<String>,
        /// The day they agreed to stay in the reserve pool
        #[arg(long)]
        consent_on: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        /// A CV or letter to attach (repeat)
        #[arg(long)]
        file: Vec<PathBuf>,
        #[arg(long, conflicts_with = "new")]
        link: Option<i64>,
        #[arg(long)]
        new: bool,
        #[arg(long)]
        json: bool,
    },
    /// Candidates of a vacancy, best screening score first (or of every open vacancy)
    List {
        #[arg(long)]
        vacancy: Option<i64>,
        /// Only this stage
        #[arg(long)]
        stage: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Move a candidate to a stage; rejected needs --reason from the list, moving back needs a --reason
    Move {
        id: i64,
        #[arg(long)]
        to: String,
        /// Which application, when the candidate applied for more than one vacancy
        #[arg(long)]
        vacancy: Option<i64>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// A candidate's details, applications, screening, interviews, letters and timeline
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum InterviewCommand {
    /// Plan an interview; refused (exit 1) with the clash named unless --override REASON
    Add {
        #[arg(long)]
        candidate: i64,
        /// YYYY-MM-DDTHH:MM
        #[arg(long)]
        at: String,
        #[arg(long)]
        minutes: String,
        /// Employee number of an interviewer (repeat)
        #[arg(long)]
        interviewer: Vec<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        vacancy: Option<i64>,
        /// An assessment or test instead of an interview
        #[arg(long)]
        assessment: bool,
        /// Keep the slot despite a clash, saying why
        #[arg(long = "override")]
        r#override: Option<String>,
    },
    /// Interviews from --from (default today) to --to (default 60 days later)
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write the interviews to an iCalendar file for a calendar program
    Export {
        file: PathBuf,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[command(flatten)]
        force: super::overwrite::Force,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecruitmentCommand {
    /// Remove the personal data and files of candidates not hired whose retention date has passed
    Purge {
        #[arg(long)]
        dry_run: bool,
    },
}

fn invalid(field: &'static str, key: &'static str, value: &str) -> StoreError {
    StoreError::Invalid(ValidationErrors(vec![
        FieldError::new(field, key).arg("value", value),
    ]))
}

fn parse_criterion(text: &str) -> Result<Criterion, StoreError> {
    let mut parts = text.split(';');
    let t = parts.next().unwrap_or_default();
    let req = parts.next().unwrap_or_default();
    let w = parts.next().unwrap_or_default();
    Criterion::parse(t, req, w).map_err(StoreError::Invalid)
}

fn parse_channel(text: &str) -> Result<ChannelPost, StoreError> {
    let mut parts = text.split(';');
    let code = parts.next().unwrap_or_default();
    let channel = Channel::from_code(code).ok_or_else(|| {
        StoreError::Invalid(ValidationErrors(vec![
            FieldError::new("channel", "err.choice")
                .arg("value", code)
                .arg("options", Channel::codes().join(", ")),
        ]))
    })?;
    let on = |field, t: Option<&str>| -> Result<Option<chrono::NaiveDate>, StoreError> {
        crate::domain::date::optional_date(field, t.unwrap_or_default())
            .map_err(|e| StoreError::Invalid(ValidationErrors(vec![e])))
    };
    let published = on("published_on", parts.next())?
        .ok_or_else(|| invalid("published_on", "err.required", ""))?;
    let withdrawn = on("withdrawn_on", parts.next())?;
    ChannelPost {
        id: 0,
        channel,
        published_on: published,
        withdrawn_on: withdrawn,
    }
    .validate()
    .map_err(StoreError::Invalid)
}

/// The application of a candidate: the one for `vacancy`, or their only open one.
fn application_of(store: &Store, candidate: i64, vacancy: Option<i64>) -> Result<i64, StoreError> {
    let apps = store.recruitment().applications_of(candidate)?;
    let pick = match vacancy {
        Some(v) => apps.iter().find(|a| a.vacancy_id == v),
        None if apps.len() == 1 => apps.first(),
        None => {
            let open: Vec<_> = apps.iter().filter(|a| !a.stage.is_final()).collect();
            if open.len() == 1 { Some(open[0]) } else { None }
        }
    };
    pick.map(|a| a.id).ok_or_else(|| {
        if apps.is_empty() {
            StoreError::NotFound(format!("candidate #{candidate}"))
        } else {
            invalid("vacancy", "err.which_vacancy", &candidate.to_string())
        }
    })
}

pub fn vacancy(ctx: &Ctx, cmd: VacancyCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    match cmd {
        VacancyCommand::Add(args) => {
            let VacancyAdd {
                title,
                department,
                reports_to,
                contract,
                weekly_hours,
                salary_min,
                salary_max,
                start_wanted,
                positions,
                status,
                criterion,
                channel,
                question,
                json,
            } = *args;
            let input = VacancyInput {
                title,
                department: department.unwrap_or_default(),
                reports_to: reports_to.unwrap_or_default(),
                contract: contract.unwrap_or_default(),
                weekly_hours: weekly_hours.unwrap_or_default(),
                salary_min: salary_min.unwrap_or_default(),
                salary_max: salary_max.unwrap_or_default(),
                start_wanted: start_wanted.unwrap_or_default(),
                positions: positions.unwrap_or_default(),
                status: status.unwrap_or_else(|| "open".into()),
            };
            let criteria = criterion
                .iter()
                .map(|c| parse_criterion(c))
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            let channels = channel
                .iter()
                .map(|c| parse_channel(c))
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            let store = ctx.open(Access::ReadWrite)?;
            let v = store
                .recruitment()
                .add_vacancy(&input, &criteria, &channels, &question)
                .map_err(fail)?;
            if json {
                return print_json(&v);
            }
            outln!(
                "{}",
                i.tf(
                    "cli.vacancy_added",
                    &[("id", &v.id.to_string()), ("title", &v.data.title)]
                )
            );
        }
        VacancyCommand::List { all, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let rows = store.recruitment().vacancies(all).map_err(fail)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                outln!("{}", i.t("cli.vacancies_none"));
            }
            for v in rows {
                outln!(
                    "#{:<4} {:<36} {:<16} {:<12} {}/{}  {}",
                    v.id,
                    v.title,
                    v.department,
                    i.choice(v.status),
                    v.filled,
                    v.positions,
                    i.tf(
                        "cli.vacancy_counts",
                        &[
                            ("active", &v.active.to_string()),
                            ("total", &v.total.to_string())
                        ]
                    )
                );
            }
        }
        VacancyCommand::Show { id, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let r = store.recruitment();
            let v = r.vacancy(id).map_err(fail)?;
            let apps = r.applications(id).map_err(fail)?;
            if json {
                return print_json(&serde_json::json!({ "vacancy": v, "applications": apps }));
            }
            let d = &v.data;
            outln!("#{} {} ({})", v.id, d.title, i.choice(d.status));
            outln!("{}: {}", i.t("field.department"), d.department);
            outln!("{}: {}", i.t("field.reports_to"), d.reports_to);
            outln!(
                "{}: {}, {} h",
                i.t("field.contract"),
                i.choice(d.contract),
                format_minutes(d.weekly_minutes)
            );
            if d.salary_min_cents.is_some() || d.salary_max_cents.is_some() {
                outln!(
                    "{}: € {} – {}",
                    i.t("recruit.salary"),
                    d.salary_min_cents.map(format_cents).unwrap_or_default(),
                    d.salary_max_cents.map(format_cents).unwrap_or_default()
                );
            }
            outln!(
                "{}: {}",
                i.t("field.start_wanted"),
                format_opt_date(d.start_wanted)
            );
            outln!("{}: {}/{}", i.t("field.positions"), v.filled, d.positions);
            outln!("\n{}", i.t("recruit.profile"));
            for c in &v.criteria {
                outln!(
                    "  #{:<4} {:<40} {:<14} ×{}",
                    c.id,
                    c.text,
                    i.choice(c.requirement),
                    c.weight
                );
            }
            outln!("\n{}", i.t("recruit.channels"));
            for c in &v.channels {
                outln!(
                    "  {:<20} {} – {}",
                    i.choice(c.channel),
                    format_date(c.published_on),
                    format_opt_date(c.withdrawn_on)
                );
            }
            if !v.questions.is_empty() {
                outln!("\n{}", i.t("recruit.questions"));
                for q in &v.questions {
                    outln!("  - {q}");
                }
            }
            outln!("\n{}", i.t("recruit.funnel"));
            for s in r.pipeline().map_err(fail)?.columns() {
                let n = apps.iter().filter(|a| a.stage == s).count();
                if n > 0 {
                    outln!("  {:<24} {n}", i.choice(s));
                }
            }
        }
        VacancyCommand::Report {
            id,
            json,
            csv,
            force,
        } => super::recruitment_report::run(ctx, id, json, csv.as_deref(), force)?,
    }
    Ok(())
}

pub fn candidate(ctx: &Ctx, cmd: CandidateCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    match cmd {
        CandidateCommand::Add {
            vacancy,
            first_name,
            last_name,
            email,
            phone,
            language,
            source,
            applied_on,
            consent_on,
            notes,
            file,
            link,
            new,
            json,
        } => {
            let input = CandidateInput {
                first_name,
                last_name,
                email: email.unwrap_or_default(),
                phone: phone.unwrap_or_default(),
                language: language.unwrap_or_default(),
                source: source.unwrap_or_default(),
                applied_on: applied_on.unwrap_or_default(),
                consent_on: consent_on.unwrap_or_default(),
                notes: notes.unwrap_or_default(),
            };
            for f in &file {
                if !f.is_file() {
                    return Err(fail(invalid(
                        "path",
                        "err.file_missing",
                        &f.display().to_string(),
                    )));
                }
            }
            let link = match (link, new) {
                (Some(id), _) => Link::Existing(id),
                (None, true) => Link::New,
                (None, false) => Link::Refuse,
            };
            let store = ctx.open(Access::ReadWrite)?;
            let r = store.recruitment();
            let (c, app) = r.add_candidate(&input, vacancy, link).map_err(fail)?;
            for f in &file {
                r.attach_file(c.id, f, "").map_err(fail)?;
            }
            if json {
                return print_json(&serde_json::json!({ "candidate": c, "application": app }));
            }
            outln!(
                "{}",
                i.tf(
                    "cli.candidate_added",
                    &[
                        ("id", &c.id.to_string()),
                        ("name", &c.data.full_name()),
                        ("vacancy", &vacancy.to_string())
                    ]
                )
            );
        }
        CandidateCommand::List {
            vacancy,
            stage,
            json,
        } => {
            let stage = match stage {
                Some(s) => Some(Stage::from_code(&s).ok_or_else(|| {
                    fail(StoreError::Invalid(ValidationErrors(vec![
                        FieldError::new("stage", "err.choice")
                            .arg("value", s.trim())
                            .arg("options", Stage::codes().join(", ")),
                    ])))
                })?),
                None => None,
            };
            let store = ctx.open(Access::ReadOnly)?;
            let r = store.recruitment();
            let ids: Vec<i64> = match vacancy {
                Some(v) => vec![v],
                None => r
                    .vacancies(false)
                    .map_err(fail)?
                    .into_iter()
                    .map(|v| v.id)
                    .collect(),
            };
            let mut rows = Vec::new();
            for v in ids {
                rows.extend(r.applications(v).map_err(fail)?);
            }
            rows.retain(|a| stage.is_none_or(|s| a.stage == s));
            rows.sort_by(|a, b| {
                b.score
                    .percent()
                    .cmp(&a.score.percent())
                    .then(a.id.cmp(&b.id))
            });
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                outln!("{}", i.t("cli.candidates_none"));
            }
            for a in rows {
                let ko = if a.score.knocked_out { " !" } else { "" };
                outln!(
                    "#{:<4} {:<28} {:<24} {:>3}%{ko:<2} {:<22} {}",
                    a.candidate_id,
                    a.name,
                    i.choice(a.stage),
                    a.score.percent(),
                    a.vacancy,
                    format_date(a.applied_on)
                );
            }
        }
        CandidateCommand::Move {
            id,
            to,
            vacancy,
            reason,
        } => {
            let stage = Stage::from_code(&to).ok_or_else(|| {
                fail(StoreError::Invalid(ValidationErrors(vec![
                    FieldError::new("stage", "err.choice")
                        .arg("value", to.trim())
                        .arg("options", Stage::codes().join(", ")),
                ])))
            })?;
            let store = ctx.open(Access::ReadWrite)?;
            let app = application_of(&store, id, vacancy).map_err(fail)?;
            let m = store
                .recruitment()
                .move_stage(app, stage, reason.as_deref().unwrap_or_default())
                .map_err(fail)?;
            outln!(
                "{}",
                i.tf(
                    "cli.candidate_moved",
                    &[("id", &id.to_string()), ("stage", &i.choice(m.to))]
                )
            );
        }
        CandidateCommand::Show { id, json } => {
            let store = ctx.open(Access::ReadOnly)?;
            let page = store.recruitment().candidate_page(id).map_err(fail)?;
            if json {
                return print_json(&page);
            }
            super::recruitment_show::PrintPage::print(&page, i);
        }
    }
    Ok(())
}

pub fn interview(ctx: &Ctx, cmd: InterviewCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let fail = |e| CliError::store(i, &e);
    let window = |from: Option<String>,
                  to: Option<String>|
     -> Result<(chrono::NaiveDate, chrono::NaiveDate), CliError> {
        let from = match from {
            Some(f) => date_arg(i, &f)?,
            None => ctx.clock.today(),
        };
        let to = match to {
            Some(t) => date_arg(i, &t)?,
            None => from + chrono::Duration::days(60),
        };
        Ok((from, to))
    };
    match cmd {
        InterviewCommand::Add {
            candidate,
            at,
            minutes,
            interviewer,
            place,
            vacancy,
            assessment,
            r#override,
        } => {
            let mut errs = ValidationErrors::default();
            let start = parse_start("at", &at).map_err(|e| errs.push(e)).ok();
            let minutes = duration_minutes("minutes", &minutes)
                .map_err(|e| errs.push(e))
                .ok();
            if !errs.is_empty() {
                return Err(fail(StoreError::Invalid(errs)));
            }
            let store = ctx.open(Access::ReadWrite)?;
            let mut ids = Vec::new();
            for n in &interviewer {
                ids.push(employee_id(ctx, &store, n)?);
            }
            let app = application_of(&store, candidate, vacancy).map_err(fail)?;
            let row = store
                .recruitment()
                .plan_interview(&InterviewInput {
                    application_id: app,
                    assessment,
                    start: start.unwrap_or_default(),
                    minutes: minutes.unwrap_or_default(),
                    place: place.unwrap_or_default(),
                    interviewers: ids,
                    override_reason: r#override.unwrap_or_default(),
                })
                .map_err(fail)?;
            outln!(
                "{}",
                i.tf(
                    "cli.interview_added",
                    &[
                        ("id", &row.id.to_string()),
                        ("name", &row.candidate),
                        ("at", &row.start.format("%d/%m/%Y %H:%M").to_string())
                    ]
                )
            );
        }
        InterviewCommand::List { from, to, json } => {
            let (from, to) = window(from, to)?;
            let store = ctx.open(Access::ReadOnly)?;
            let rows = store
                .recruitment()
                .interviews_between(from, to)
                .map_err(fail)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                outln!("{}", i.t("cli.interviews_none"));
            }
            for r in rows {
                outln!(
                    "#{:<4} {} {:>3}′  {:<26} {:<24} {}  {}",
                    r.id,
                    r.start.format("%d/%m/%Y %H:%M"),
                    r.minutes,
                    r.candidate,
                    r.vacancy,
                    r.interviewers.join(", "),
                    r.place
                );
            }
        }
        InterviewCommand::Export {
            file,
            from,
            to,
            force,
        } => {
            let (from, to) = window(from, to)?;
            let store = ctx.open(Access::ReadOnly)?;
            let rows = store
                .recruitment()
                .interviews_between(from, to)
                .map_err(fail)?;
            let text = crate::ics::interviews(i, &rows);
            crate::safe_file::write_bytes(&file, force.existing(), text.as_bytes())
                .map_err(|e| super::overwrite::file_error(i, e))?;
            outln!(
                "{}",
                i.tf(
                    "cli.interviews_exported",
                    &[
                        ("count", &rows.len().to_string()),
                        ("file", &file.display().to_string())
                    ]
                )
            );
        }
    }
    Ok(())
}

pub fn recruitment(ctx: &Ctx, cmd: RecruitmentCommand) -> Result<(), CliError> {
    let i = &ctx.i18n;
    match cmd {
        RecruitmentCommand::Purge { dry_run } => {
            let access = if dry_run {
                Access::ReadOnly
            } else {
                Access::ReadWrite
            };
            let store = ctx.open(access)?;
            let report = store
                .recruitment()
                .purge(ctx.clock.today(), dry_run)
                .map_err(|e| CliError::store(i, &e))?;
            for c in &report.candidates {
                outln!(
                    "#{:<5} {:<30} {}",
                    c.id,
                    c.name,
                    format_date(c.retain_until)
                );
            }
            let key = if dry_run {
                "cli.purge_would"
            } else {
                "cli.purge_done"
            };
            outln!(
                "{}",
                i.tf(
                    key,
                    &[
                        ("count", &report.candidates.len().to_string()),
                        ("files", &(report.files + report.letters).to_string())
                    ]
                )
            );
        }
    }
    Ok(())
}
