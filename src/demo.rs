//! Demo personnel data as domain input structs: a small realistic company ("Demo Metaal NV", Ghent with a
//! Namur branch) for trying Dossier out and for screenshots, and a large synthetic company for benchmarks.
//!
//! Pure and deterministic: no I/O, no clock, no database. Every date is computed from the `today` passed in,
//! so the demo always looks current; every value is text exactly as a user would type it, and passes the
//! same `validate` as a form. National register numbers and IBANs are valid but fictitious, built with
//! [`Rrn::compose`](crate::domain::ids::Rrn::compose) and [`Iban::belgian`](crate::domain::ids::Iban::belgian).

mod builder;
mod company;
pub mod confidential;
pub mod history;
mod pools;
pub mod recruitment;
mod recruitment_history;
mod synthetic;
pub mod synthetic_recruitment;
#[cfg(test)]
mod tests;

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use unicode_normalization::char::decompose_canonical;

use crate::domain::contract::{ContractInput, DepartureInput};
use crate::domain::employee::EmployeeInput;
use crate::domain::records::{ContactInput, DependantInput, JobChangeInput, NoteInput};

/// One person of a demo company, with the lists of their dossier, ready for the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoPerson {
    /// All fields as text, valid per `EmployeeInput::validate`; `manager` is the number of an earlier person.
    /// Never status "left": people who left carry a `departure` and the store archives them.
    pub employee: EmployeeInput,
    /// Contract history, oldest first, without overlaps; valid per `ContractInput::validate`.
    pub contracts: Vec<ContractInput>,
    pub contacts: Vec<ContactInput>,
    pub dependants: Vec<DependantInput>,
    /// Dated transfers and promotions after the start, oldest first.
    pub job_changes: Vec<JobChangeInput>,
    pub notes: Vec<NoteInput>,
    /// For people who left: end date in the past, matching the end of the last contract.
    pub departure: Option<DepartureInput>,
    /// Papers on file (the scan is a short text file written when the demo is loaded).
    pub documents: Vec<DemoDocument>,
}

/// A document of the demo company: what the assistant would have scanned into the dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoDocument {
    /// A `DocumentKind` code.
    pub kind: &'static str,
    pub title: String,
    pub dated: NaiveDate,
    pub expires: Option<NaiveDate>,
    pub file_name: String,
    pub text: String,
}

/// Loads the demo company into an empty database with everything that goes with it (leave and
/// sickness, checklists and Dimona, letters, payroll entries), as `--demo` and `init --demo` show it;
/// returns how many people were loaded.
pub fn load(
    store: &crate::store::Store,
    today: NaiveDate,
) -> Result<usize, crate::store::StoreError> {
    let n = store.load_people(demo_company(today).into_iter(), |_| {})?;
    store.load_demo_leave(today)?;
    store.load_demo_checklists(today)?;
    crate::documents::demo::load(store, today)
        .map_err(|e| crate::store::StoreError::Other(anyhow::anyhow!("{e}")))?;
    store.load_demo_payroll(today)?;
    recruitment::load(store, today)?;
    store.load_demo_training(today)?;
    confidential::load(store, today)?;
    Ok(n)
}

/// The realistic demo company: about 25 people at work plus a few who left, fixed content,
/// deterministic, with every date relative to `today`. Employee numbers run "E0001", "E0002"… in order,
/// and every `manager` refers to an earlier person.
pub fn demo_company(today: NaiveDate) -> Vec<DemoPerson> {
    company::build(today)
}

/// A large synthetic company for benchmarks: `n` people numbered "S000001"…, deterministic for
/// (`n`, `seed`, `today`), drawn from the same name, street and municipality pools as the demo.
/// National register numbers are unique for up to about 8 million people. Each person is generated
/// on demand, so the iterator is cheap to walk and never holds the whole company.
pub fn synthetic_company(
    n: usize,
    seed: u64,
    today: NaiveDate,
) -> impl ExactSizeIterator<Item = DemoPerson> {
    (0..n).map(move |i| synthetic::person(i, seed, today))
}

/// The history of the synthetic company's last `years` years, person by person in the order of
/// [`synthetic_company`]: (employee number, leave, sickness, schedule). Generated lazily like the people.
pub fn synthetic_history(
    n: usize,
    seed: u64,
    today: NaiveDate,
    years: u32,
) -> impl ExactSizeIterator<Item = (String, history::History)> {
    (0..n).map(move |i| {
        let p = synthetic::person(i, seed, today);
        let h = history::history(i, &p, seed, today, years);
        (p.employee.number, h)
    })
}

/// The synthetic company's vacancies of the last `years` years and those open today.
pub fn synthetic_vacancies(
    n: usize,
    seed: u64,
    today: NaiveDate,
    years: u32,
) -> Vec<synthetic_recruitment::SynthVacancy> {
    let people = (0..n).map(move |i| (i, synthetic::person(i, seed, today)));
    synthetic_recruitment::vacancies(people, n, seed, today, years)
}

// ----- Date helpers shared by both generators -----

/// `dd/mm/yyyy` as [`format_date`](crate::domain::date::format_date) writes it, digit by digit: a person has about fifteen dates and the
/// synthetic company must stay cheap at 100 000 people.
fn fmt(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_2(&mut s, d.day());
    s.push('/');
    push_2(&mut s, d.month());
    s.push('/');
    let y = d.year().clamp(0, 9999) as u32;
    push_2(&mut s, y / 100);
    push_2(&mut s, y % 100);
    s
}

/// Two digits, zero-padded.
fn push_2(s: &mut String, n: u32) {
    s.push(char::from(b'0' + (n / 10 % 10) as u8));
    s.push(char::from(b'0' + (n % 10) as u8));
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

/// `n` months later (or earlier when negative); the day is clamped to the month's end.
fn months(d: NaiveDate, n: i32) -> NaiveDate {
    let m = Months::new(n.unsigned_abs());
    let r = if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    };
    r.unwrap_or(d)
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    days(months(first_of_month(d), 1), -1)
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// The first Monday on or after `d`.
fn next_monday(d: NaiveDate) -> NaiveDate {
    let m = monday_of(d);
    if m == d { d } else { days(m, 7) }
}

/// The first 31 August on or after `d`: student contracts run to the end of the summer holidays.
fn summer_end(d: NaiveDate) -> NaiveDate {
    let this_year = NaiveDate::from_ymd_opt(d.year(), 8, 31).unwrap_or(d);
    if d <= this_year {
        this_year
    } else {
        NaiveDate::from_ymd_opt(d.year() + 1, 8, 31).unwrap_or(d)
    }
}

/// Student job regime (hours, schedule, gross): a holiday job full time in summer, a weekend job the rest
/// of the year; the schedule in French for the Namur branch.
fn student_regime(start: NaiveDate, french: bool) -> (&'static str, &'static str, &'static str) {
    let summer = (6..=8).contains(&start.month());
    match (summer, french) {
        (true, false) => ("38", "ma–vr 7u36 (vakantiejob)", "2.150,00"),
        (true, true) => ("38", "lu–ve 7h36 (job de vacances)", "2.150,00"),
        (false, false) => ("7h36", "za 8u–16u06 (weekendjob)", "430,00"),
        (false, true) => ("7h36", "sa 8h–16h06 (job de week-end)", "430,00"),
    }
}

/// The birth date of someone who turns `age` this year on `month`/`day` (never 29 February).
fn born(today: NaiveDate, age: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year() - age, month, day).unwrap_or(today)
}

/// Completed years between two dates.
fn years_between(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut y = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        y -= 1;
    }
    y
}

// ----- Text helpers -----

/// Appends `name` folded to what a mail server accepts: lower case, accents dropped, spaces and
/// apostrophes removed, hyphens kept ("Van den Broeck" → "vandenbroeck", "Yılmaz" → "yilmaz").
fn push_mail_part(out: &mut String, name: &str) {
    for c in name.chars() {
        if c.is_ascii() {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || c == '-' {
                out.push(c);
            }
            continue;
        }
        for c in c.to_lowercase() {
            push_folded(out, c);
        }
    }
}

/// One lower-case non-ASCII character: its base letter(s), or nothing.
fn push_folded(out: &mut String, c: char) {
    match c {
        'ı' => out.push('i'),
        'ł' => out.push('l'),
        'ø' => out.push('o'),
        'đ' => out.push('d'),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        _ => decompose_canonical(c, |d| {
            if d.is_ascii_alphanumeric() {
                out.push(d.to_ascii_lowercase());
            }
        }),
    }
}

/// `first.last@domain`, ASCII-folded.
fn mail_address(first: &str, last: &str, domain: &str) -> String {
    let mut s = String::with_capacity(first.len() + last.len() + domain.len() + 2);
    push_mail_part(&mut s, first);
    s.push('.');
    push_mail_part(&mut s, last);
    s.push('@');
    s.push_str(domain);
    s
}

/// The company's e-mail domain for work addresses.
const WORK_DOMAIN: &str = "demometaal.be";

// ----- Input builders -----

#[allow(clippy::too_many_arguments)]
fn contract_input(
    kind: &str,
    start: NaiveDate,
    end: Option<NaiveDate>,
    hours: &str,
    schedule: &str,
    gross: &str,
    workplace: &str,
    signed_on: NaiveDate,
) -> ContractInput {
    ContractInput {
        kind: kind.into(),
        start: fmt(start),
        end: end.map(fmt).unwrap_or_default(),
        weekly_hours: hours.into(),
        full_time_hours: "38".into(),
        schedule: schedule.into(),
        gross_monthly: gross.into(),
        workplace: workplace.into(),
        signed_on: fmt(signed_on),
    }
}

fn dependant(name: String, relation: &str, birth: NaiveDate, in_charge: bool) -> DependantInput {
    DependantInput {
        name,
        relation: relation.into(),
        birth_date: fmt(birth),
        in_charge: if in_charge { "ja" } else { "nee" }.into(),
        disabled: "nee".into(),
    }
}

fn note(written_on: NaiveDate, confidential: bool, text: String) -> NoteInput {
    NoteInput {
        written_on: fmt(written_on),
        author: "Sofie".into(),
        confidential: if confidential { "ja" } else { "nee" }.into(),
        text,
    }
}

/// Children in charge as the dossier field counts them: the dependants marked as children in charge.
fn children_in_charge(dependants: &[DependantInput]) -> usize {
    dependants
        .iter()
        .filter(|d| d.relation == "child" && d.in_charge == "ja")
        .count()
}
