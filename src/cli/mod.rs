//! The command line: clap definitions, and the subcommands that print text or JSON for scripts and checks.

mod bench;
mod checklist;
mod company;
mod confidential;
mod crypt;
mod data;
mod dimona;
mod document;
mod employee;
mod holidays;
mod input_flags;
mod leave;
mod notice;
pub(crate) mod out;
pub(crate) mod overwrite;
mod payroll;
mod payroll_entries;
mod privacy;
mod recruitment;
mod recruitment_report;
mod recruitment_show;
mod report;
mod schedule;
mod seed;
mod settings;
mod today;
mod training;
mod validate;

use std::path::PathBuf;

use clap::{Args, FromArgMatches, Parser, Subcommand};

use crate::clock::Clock;
use crate::domain::contract::ContractInput;
use crate::domain::date::parse_date;
use crate::domain::employee::EmployeeInput;
use crate::errors::{is_input_error, store_error, validation_lines};
use crate::i18n::I18n;
use crate::store::{Access, ImportError, Store, StoreError};

#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "Personnel files for the HR assistant of a small Belgian business"
)]
pub struct Cli {
    /// Database file (default: dossier.db in your data folder)
    #[arg(long, global = true, env = "DOSSIER_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Take this day as today (YYYY-MM-DD), for checks and rehearsals
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<chrono::NaiveDate>,
    /// Language of the screens and messages: nl, fr or en
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<String>,
    /// Open the TUI on a demo company in a temporary database (your own data is not touched)
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_today(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| parse_date(s))
        .ok_or_else(|| format!("'{s}' is not a date: use YYYY-MM-DD"))
}

fn parse_lang(s: &str) -> Result<String, String> {
    crate::i18n::Lang::from_code(s)
        .map(|l| l.code().to_string())
        .ok_or_else(|| format!("'{s}' is not a language Dossier speaks: use nl, fr or en"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (with --demo: fill it with the demo company)
    Init {
        #[arg(long)]
        demo: bool,
    },
    /// Fill an empty database with a large synthetic company (for benchmarks)
    Demo {
        #[arg(long, default_value_t = 1000)]
        employees: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Years of history: leave, sickness and recruitment over this many years back from today
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=30))]
        years: u32,
    },
    /// Employee dossiers
    #[command(subcommand)]
    Employee(Box<EmployeeCommand>),
    /// The legal holidays of a year, with the company's own days (community, bridge, replacement, closure)
    Holidays {
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Keep the company calendar: community and bridge days, replacement days, collective closure
    #[command(subcommand, name = "company-day")]
    CompanyDay(CompanyDayCommand),
    /// Leave: balances, periods, allocation of a year's entitlement, corrections, work schedules
    #[command(subcommand)]
    Leave(Box<LeaveGroup>),
    /// The sickness register: record a spell, end it
    #[command(subcommand)]
    Sick(Box<SickCommand>),
    /// What needs attention today, most urgent first: ending contracts, missing documents, sickness
    /// and certificates, leave requests, replacement days; then birthdays and work anniversaries
    Today {
        #[arg(long)]
        json: bool,
    },
    /// The Dimona register: record a declaration, list a person's, show who lacks an IN or an OUT
    #[command(subcommand)]
    Dimona(dimona::DimonaCommand),
    /// Onboarding and offboarding checklists: show a person's, tick a task, list what is due
    #[command(subcommand)]
    Checklist(checklist::ChecklistCommand),
    /// The company's details for letters (name, address, enterprise number, signatory…)
    #[command(subcommand)]
    Company(company::CompanyCommand),
    /// Notice period under the unified statute: weeks, start, theoretical end and legal basis
    Notice(notice::NoticeArgs),
    /// Letters and documents from templates (Markdown and print-ready HTML)
    #[command(subcommand)]
    Document(Box<document::DocumentCommand>),
    /// Monthly payroll variables for the social secretariat: review, hand entries, export (locks the month)
    #[command(subcommand)]
    Payroll(Box<payroll::PayrollCommand>),
    /// Reports: headcount and FTE, joiners and leavers, absenteeism, Bradford factor, leave taken and
    /// remaining, social elections; as a table, JSON, CSV or XLSX
    Report(Box<report::ReportArgs>),
    /// Read or change a setting: the Today windows, leave rules, rest days, payroll items
    /// (e.g. `settings today contract_days=45`; values in JSON, a bare word is text)
    Settings(settings::SettingsArgs),
    /// Check a national register number, IBAN or company/VAT number
    Validate {
        #[arg(value_enum)]
        kind: validate::IdKind,
        value: String,
    },
    /// Vacancies: add one with its profile and channels, list them, show one with its funnel
    #[command(subcommand)]
    Vacancy(Box<recruitment::VacancyCommand>),
    /// Candidates: add (with duplicate check), list by score, move through the stages, show
    #[command(subcommand)]
    Candidate(Box<recruitment::CandidateCommand>),
    /// Interviews: plan one (refused when it clashes), list, export to an .ics calendar file
    #[command(subcommand)]
    Interview(Box<recruitment::InterviewCommand>),
    /// Recruitment housekeeping: purge candidates' data after the retention period
    #[command(subcommand)]
    Recruitment(recruitment::RecruitmentCommand),
    /// Training: the course catalogue, sessions, attendance, records, expiring certificates and
    /// the individual training right
    #[command(subcommand)]
    Training(Box<training::TrainingCommand>),
    /// Copy the database safely (also while Dossier is open); --daily/--keep set the automatic
    /// daily backups kept in the backups folder beside the database
    Backup(data::BackupArgs),
    /// Replace the database with a backup: the backup is checked first, the replaced database kept
    Restore { file: PathBuf },
    /// Check the database: SQLite integrity, links between records, the audit chain (exit 1 on a problem)
    Check {
        #[arg(long)]
        json: bool,
    },
    /// GDPR requests: export everything about a person, erase a former employee after the
    /// retention period, set the retention periods
    #[command(subcommand)]
    Privacy(privacy::PrivacyCommand),
    /// Replay a script of keys into the TUI without a screen and time every frame: first frame,
    /// per-key p50/p99/max, peak memory (reads only)
    Bench {
        /// The key script: one `label: key key …` line per group (default: every tab)
        #[arg(long, value_name = "FILE")]
        keys: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The confidential area (disciplinary measures, grievances, medical notes) behind a PIN:
    /// set the PIN, list a person's, add a record (the PIN from DOSSIER_PIN or a prompt)
    #[command(subcommand)]
    Confidential(confidential::ConfidentialCommand),
    /// Encrypt the database with a passphrase (DOSSIER_PASSPHRASE or typed twice); the plain
    /// database is kept in the backups folder. Needs a build with --features encryption
    Encrypt,
    /// Turn the encrypted database back into a plain one (passphrase in DOSSIER_PASSPHRASE or typed)
    Decrypt,
    /// Change the passphrase: the current one in DOSSIER_PASSPHRASE or typed, the new one in
    /// DOSSIER_NEW_PASSPHRASE or typed twice
    Rekey,
}

#[derive(Debug, Subcommand)]
pub enum EmployeeCommand {
    /// List employees (people who left only with --all)
    List {
        #[arg(long)]
        filter: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show one dossier by employee number
    Show {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Add an employee: one flag per field; --contract-* flags add the first contract
    Add(Box<AddFlags>),
    /// Import employees from a CSV file: all rows or none
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
    /// Export employees to a new CSV file (; separated, for Excel)
    Export {
        file: PathBuf,
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        force: overwrite::Force,
    },
}

/// `dossier leave …`: the commands of cli/leave.rs, and the work schedule (cli/schedule.rs).
#[derive(Debug, Subcommand)]
pub enum LeaveGroup {
    #[command(flatten)]
    Leave(LeaveCommand),
    /// Set the work schedule from a date: converts the balance and recounts leave already planned.
    /// Without --from and --week: the schedule history
    Schedule(ScheduleArgs),
    /// The company's leave types: code, letter, name, balance, paid, certificate, payroll code
    Types {
        #[arg(long)]
        json: bool,
    },
    /// Add a leave type, or change one (flags not given keep their value)
    Type(LeaveTypeArgs),
}

#[derive(Debug, Args)]
pub struct LeaveTypeArgs {
    /// Code used on the command line and in CSV, e.g. small_wedding
    pub code: String,
    #[arg(long)]
    pub name_nl: Option<String>,
    #[arg(long)]
    pub name_fr: Option<String>,
    #[arg(long)]
    pub name_en: Option<String>,
    /// Which balance it draws from: none, annual, extralegal
    #[arg(long)]
    pub counting: Option<String>,
    /// yes or no
    #[arg(long)]
    pub paid: Option<String>,
    /// A certificate is needed: yes or no
    #[arg(long)]
    pub certificate: Option<String>,
    /// The payroll (DmfA) absence code
    #[arg(long)]
    pub payroll_code: Option<String>,
    /// green, cyan, blue, magenta, yellow, red, gray
    #[arg(long)]
    pub colour: Option<String>,
    /// One capital letter for the calendar
    #[arg(long)]
    pub letter: Option<String>,
    #[arg(long)]
    pub days_per_event: Option<String>,
    #[arg(long)]
    pub days_per_year: Option<String>,
    /// Still offered for new leave: yes or no
    #[arg(long)]
    pub active: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    pub number: String,
    /// First day of the new schedule
    #[arg(long, requires = "week")]
    pub from: Option<String>,
    /// Hours Monday to Sunday, e.g. 7h36,7h36,7h36,7h36,0,0,0 (7:36 and 7.6 work too; separate
    /// with ; to write 7,6)
    #[arg(long, requires = "from")]
    pub week: Option<String>,
    /// The second week of a pattern that alternates every other week, written the same way
    #[arg(long, requires = "week")]
    pub week_b: Option<String>,
    /// Show what would change; write nothing
    #[arg(long, requires = "week")]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum LeaveCommand {
    /// Balances of one employee (legal, supplementary, extralegal, carried over)
    Balance {
        number: String,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Record leave: checked against the schedule, holidays, other absences and the balance
    Add {
        number: String,
        /// Leave type code or name, e.g. legal, extralegal, small_funeral
        #[arg(long = "type")]
        r#type: String,
        #[arg(long)]
        from: String,
        /// Last day (default: the same day)
        #[arg(long)]
        to: Option<String>,
        /// Half days: am or pm
        #[arg(long, value_parser = ["am", "pm"])]
        half: Option<String>,
        /// Hours per day, e.g. 2h30
        #[arg(long, conflicts_with = "half")]
        hours: Option<String>,
        /// Record as requested (waiting for approval) instead of approved
        #[arg(long)]
        requested: bool,
        #[arg(long)]
        note: Option<String>,
        /// Reason to allow going below zero
        #[arg(long = "override")]
        r#override: Option<String>,
    },
    /// List leave in a period (default: this year)
    List {
        #[arg(long)]
        employee: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Absence per employee and type in a year: leave in days and hours, sickness in calendar days
    Totals {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        employee: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Working days and hours a period would count (for one employee, or a full-time week)
    Days {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        employee: Option<String>,
    },
    /// Import leave history from a CSV file: every row checked like `leave add`; all rows or none
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
    /// Compute a year's entitlement for everyone; shows the list, writes unless --dry-run
    Allocate {
        year: i32,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Close a leave year that is over: carry what may be carried, expire the rest; writes unless --dry-run
    YearEnd {
        year: i32,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Approve a requested leave (books it on the balance)
    Approve { request: i64 },
    /// Refuse a requested leave
    Refuse { request: i64 },
    /// Cancel a leave (its days return to the balance; the request stays in the history)
    Cancel { request: i64 },
    /// Correct a balance by hand, with a reason: --hours 7h36 or --hours -3h48
    Correct {
        number: String,
        #[arg(long)]
        year: Option<i32>,
        /// legal, supplementary, extralegal, carried_over, illness_carry_over
        #[arg(long)]
        bucket: String,
        #[arg(long, allow_hyphen_values = true)]
        hours: String,
        #[arg(long)]
        reason: String,
    },
    /// An arbeider's legal days from the holiday fund's certificate, for a year
    FundDays {
        number: String,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        days: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum SickCommand {
    /// Record a sickness spell
    Add {
        number: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        expected_return: Option<String>,
        /// illness, private_accident, work_accident, occupational_disease, prophylactic
        #[arg(long)]
        cause: Option<String>,
        /// Date the medical certificate was received
        #[arg(long)]
        certificate: Option<String>,
        /// Use one of the year's certificate-free days
        #[arg(long)]
        certificate_free: bool,
        /// The same illness as a spell that ended shortly before (relapse)
        #[arg(long)]
        same_illness: bool,
        #[arg(long)]
        note: Option<String>,
    },
    /// End the employee's ongoing spell
    End {
        number: String,
        #[arg(long)]
        end: String,
        #[arg(long)]
        certificate: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CompanyDayCommand {
    /// Add a company day; a replacement day names the legal holiday it replaces with --replaces
    Add {
        #[arg(long)]
        date: String,
        /// community, bridge, replacement or closure
        #[arg(long)]
        kind: String,
        #[arg(long)]
        name: Option<String>,
        /// The legal holiday (date) that a replacement day replaces
        #[arg(long)]
        replaces: Option<String>,
    },
    /// Remove the company day on a date
    Remove { date: String },
}

/// The employee fields and the optional first contract, as flags generated from the input structs.
#[derive(Debug, Clone)]
pub struct AddFlags {
    pub employee: EmployeeInput,
    pub contract: Option<ContractInput>,
    pub json: bool,
}

impl FromArgMatches for AddFlags {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let (employee, _) = input_flags::from_flags::<EmployeeInput>(m, "");
        let (contract, any) = input_flags::from_flags::<ContractInput>(m, "contract-");
        Ok(AddFlags {
            employee,
            contract: any.then_some(contract),
            json: m.get_flag("json"),
        })
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for AddFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let cmd = input_flags::add_flags::<EmployeeInput>(cmd, "", "");
        let cmd = input_flags::add_flags::<ContractInput>(cmd, "contract-", "first contract: ");
        cmd.arg(
            clap::Arg::new("json")
                .long("json")
                .action(clap::ArgAction::SetTrue),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// What every subcommand needs: where the data is, what day it is, which language to speak.
pub struct Ctx {
    pub db: PathBuf,
    pub clock: Clock,
    pub i18n: I18n,
    /// The language was chosen with `--lang` (documents then use it instead of the employee's).
    pub lang_given: bool,
    /// `<config dir>/templates`: the user's own copies of document templates.
    pub templates_dir: Option<PathBuf>,
}

impl Ctx {
    /// Opens the database; a writing command first makes the day's automatic backup (a failed
    /// backup is told on stderr but does not stop the work).
    pub fn open(&self, access: Access) -> Result<Store, CliError> {
        let key = crypt::passphrase_for(&self.i18n, &self.db)?;
        self.open_keyed(access, key.as_ref())
    }

    /// [`Ctx::open`] with the passphrase of an encrypted database already at hand (the TUI's prompt).
    pub fn open_keyed(
        &self,
        access: Access,
        key: Option<&crate::store::Passphrase>,
    ) -> Result<Store, CliError> {
        let store = self.open_without_backup(access, key)?;
        if access == Access::ReadWrite {
            self.auto_backup(&store);
        }
        Ok(store)
    }

    /// Opens the database and leaves the day's backup to the caller (the TUI makes it in the
    /// background, see [`Store::auto_backup_in_background`]).
    pub fn open_without_backup(
        &self,
        access: Access,
        key: Option<&crate::store::Passphrase>,
    ) -> Result<Store, CliError> {
        Store::open_keyed(&self.db, access, self.clock, key)
            .map_err(|e| CliError::store(&self.i18n, &e))
    }

    /// The day's automatic backup, for a store opened for writing outside [`Ctx::open`].
    pub fn auto_backup(&self, store: &Store) {
        data::auto_backup(&self.i18n, store);
    }
}

/// A failed command: the exit code (1 input/refused, 3 storage) and the message for stderr.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    pub fn input(message: impl Into<String>) -> Self {
        CliError {
            code: 1,
            message: message.into(),
        }
    }

    pub fn storage(message: impl Into<String>) -> Self {
        CliError {
            code: 3,
            message: message.into(),
        }
    }

    pub fn store(i18n: &I18n, e: &StoreError) -> Self {
        CliError {
            code: if is_input_error(e) { 1 } else { 3 },
            message: store_error(i18n, e),
        }
    }
}

/// A refused import for stderr: nothing was written, and every bad row is listed with its line.
pub(crate) fn import_error(i: &I18n, e: ImportError) -> CliError {
    match e {
        ImportError::Invalid(bad) => {
            let mut msg = i.tf("cli.import_refused", &[("count", &bad.len().to_string())]);
            for (line, errs) in &bad {
                for l in validation_lines(i, errs) {
                    msg.push_str(&format!("\n  {} {line}: {l}", i.t("cli.line")));
                }
            }
            CliError::input(msg)
        }
        ImportError::Store(e) => CliError::store(i, &e),
    }
}

/// Runs a subcommand, printing its result on stdout.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Init { demo } => seed::init(ctx, demo),
        Command::Demo {
            employees,
            seed,
            years,
        } => seed::synthetic(ctx, employees, seed, years),
        Command::Employee(cmd) => employee::run(ctx, *cmd),
        Command::Holidays { year, json } => holidays::list(ctx, year, json),
        Command::Today { json } => today::run(ctx, json),
        Command::CompanyDay(cmd) => holidays::run(ctx, cmd),
        Command::Leave(cmd) => match *cmd {
            LeaveGroup::Leave(cmd) => leave::run(ctx, cmd),
            LeaveGroup::Schedule(args) => schedule::run(ctx, args),
            LeaveGroup::Types { json } => leave::types::list(ctx, json),
            LeaveGroup::Type(args) => leave::types::save(ctx, args),
        },
        Command::Sick(cmd) => leave::sick(ctx, *cmd),
        Command::Dimona(cmd) => dimona::run(ctx, cmd),
        Command::Checklist(cmd) => checklist::run(ctx, cmd),
        Command::Company(cmd) => company::run(ctx, cmd),
        Command::Notice(args) => notice::run(ctx, args),
        Command::Document(cmd) => document::run(ctx, *cmd),
        Command::Payroll(cmd) => payroll::run(ctx, *cmd),
        Command::Report(args) => report::run(ctx, *args),
        Command::Settings(args) => settings::run(ctx, args),
        Command::Validate { kind, value } => validate::run(ctx, kind, &value),
        Command::Vacancy(cmd) => recruitment::vacancy(ctx, *cmd),
        Command::Candidate(cmd) => recruitment::candidate(ctx, *cmd),
        Command::Interview(cmd) => recruitment::interview(ctx, *cmd),
        Command::Recruitment(cmd) => recruitment::recruitment(ctx, cmd),
        Command::Training(cmd) => training::run(ctx, *cmd),
        Command::Backup(args) => data::backup(ctx, args),
        Command::Restore { file } => data::restore(ctx, file),
        Command::Check { json } => data::check(ctx, json),
        Command::Privacy(cmd) => privacy::run(ctx, cmd),
        Command::Bench { keys, json } => bench::run(ctx, keys.as_deref(), json),
        Command::Confidential(cmd) => confidential::run(ctx, cmd),
        Command::Encrypt => crypt::encrypt(ctx),
        Command::Decrypt => crypt::decrypt(ctx),
        Command::Rekey => crypt::rekey(ctx),
    }
}

/// The store id of the employee with this number; an unknown number is an input error.
pub(crate) fn employee_id(ctx: &Ctx, store: &Store, number: &str) -> Result<i64, CliError> {
    store
        .employees()
        .by_number(number)
        .map(|e| e.id)
        .map_err(|e| CliError::store(&ctx.i18n, &e))
}

/// A date argument typed the Belgian way or as ISO; refused with the same message as a form field.
pub(crate) fn date_arg(i: &I18n, text: &str) -> Result<chrono::NaiveDate, CliError> {
    parse_date(text).ok_or_else(|| CliError::input(i.tf("err.date", &[("value", text)])))
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::storage(e.to_string()))?;
    out::outln!("{text}");
    Ok(())
}

pub use crypt::{PASSPHRASE_VAR, passphrase_for};
