//! What a template sees: plain text values already formatted the Belgian way (dates dd/mm/yyyy,
//! money "1.234,56 EUR") and labelled in the document's language. Built from domain data only, so
//! the recruitment tab can fill a [`Recipient`] and reuse everything else.

use chrono::NaiveDate;
use serde::Serialize;

use super::input::Recipient;
use crate::domain::company::CompanySettings;
use crate::domain::contract::{ContractData, Departure, format_fte};
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::employee::{EmployeeData, Sex};
use crate::domain::leave::request::LeaveRequest;
use crate::domain::leave::sickness::SickSpell;
use crate::domain::maternity::MaternityPlan;
use crate::domain::money::{format_cents, format_minutes};
use crate::domain::notice::{Notice, NoticeParty};
use crate::i18n::I18n;

/// Markdown hard line break: two spaces before the newline.
const BREAK: &str = "  \n";

/// "1.234,56 EUR".
pub fn money(cents: i64) -> String {
    format!("{} EUR", format_cents(cents))
}

#[derive(Debug, Clone, Serialize)]
pub struct CompanyView {
    pub name: String,
    pub address: String,
    pub company_number: String,
    pub joint_committees: String,
    pub logo_text: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub social_secretariat: String,
    pub city: String,
}

impl CompanyView {
    pub fn new(c: &CompanySettings) -> Self {
        CompanyView {
            name: c.name.clone(),
            address: c.address.clone(),
            company_number: c.company_number_formatted(),
            joint_committees: c.joint_committees.clone(),
            logo_text: c.logo_text.clone(),
            signatory_name: c.signatory_name.clone(),
            signatory_title: c.signatory_title.clone(),
            social_secretariat: c.social_secretariat.clone(),
            city: c.city.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EmployeeView {
    pub number: String,
    pub full_name: String,
    pub first_name: String,
    pub last_name: String,
    pub job_title: String,
    pub department: String,
    pub category: String,
    pub joint_committee: String,
    pub start_date: String,
    pub seniority_date: String,
    /// Empty while employed.
    pub end_date: String,
    pub birth_date: String,
    pub birth_place: String,
    pub nationality: String,
    /// Street and municipality, as Markdown lines.
    pub address: String,
    pub manager: String,
}

impl EmployeeView {
    pub fn new(
        e: &EmployeeData,
        departure: Option<&Departure>,
        manager: Option<&str>,
        i: &I18n,
    ) -> Self {
        EmployeeView {
            number: e.number.clone(),
            full_name: format!("{} {}", e.first_name, e.last_name),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            job_title: e.job_title.clone(),
            department: e.department.clone(),
            category: i.choice(e.category),
            joint_committee: e.joint_committee.clone(),
            start_date: format_date(e.start_date),
            seniority_date: format_date(e.seniority_date),
            end_date: departure
                .map(|d| format_date(d.end_date))
                .unwrap_or_default(),
            birth_date: format_opt_date(e.birth_date),
            birth_place: e.birth_place.clone(),
            nationality: e.nationality.clone(),
            address: address_block(e),
            manager: manager.unwrap_or_default().to_string(),
        }
    }
}

fn address_block(e: &EmployeeData) -> String {
    let a = &e.address;
    let mut street = format!("{} {}", a.street, a.number).trim().to_string();
    if !a.box_nr.is_empty() {
        street.push_str(&format!(" bus {}", a.box_nr));
    }
    let town = format!("{} {}", a.postal_code, a.municipality)
        .trim()
        .to_string();
    let mut lines: Vec<String> = [street, town]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    if !a.country.is_empty() && a.country != "BE" {
        lines.push(a.country.clone());
    }
    lines.join(BREAK)
}

#[derive(Debug, Clone, Serialize)]
pub struct ContractView {
    pub kind: String,
    pub start: String,
    /// Empty for an open-ended contract.
    pub end: String,
    pub weekly_hours: String,
    pub full_time_hours: String,
    pub fte: String,
    pub part_time: bool,
    pub schedule: String,
    /// "3.250,00 EUR", or empty when not recorded.
    pub gross_monthly: String,
    pub workplace: String,
    pub signed_on: String,
}

impl ContractView {
    pub fn new(c: &ContractData, i: &I18n) -> Self {
        ContractView {
            kind: i.choice(c.kind),
            start: format_date(c.start),
            end: format_opt_date(c.end),
            weekly_hours: format_minutes(c.weekly_minutes),
            full_time_hours: format_minutes(c.full_time_minutes),
            fte: format_fte(c.fte_permille()),
            part_time: c.weekly_minutes < c.full_time_minutes,
            schedule: c.schedule.clone(),
            gross_monthly: c.gross_monthly_cents.map(money).unwrap_or_default(),
            workplace: c.workplace.clone(),
            signed_on: format_opt_date(c.signed_on),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LeaveView {
    pub id: i64,
    pub type_name: String,
    pub from: String,
    pub to: String,
    pub single_day: bool,
    pub hours: String,
    pub status: String,
    pub approved: bool,
    pub note: String,
}

impl LeaveView {
    pub fn new(r: &LeaveRequest, type_name: &str, i: &I18n) -> Self {
        LeaveView {
            id: r.id,
            type_name: type_name.to_string(),
            from: format_date(r.from),
            to: format_date(r.to),
            single_day: r.from == r.to,
            hours: format_minutes(r.minutes),
            status: i.choice(r.status),
            approved: r.status == crate::domain::leave::request::RequestStatus::Approved,
            note: r.note.clone(),
        }
    }
}

/// The latest sickness spell, if any (`known` false: a general information letter).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SicknessView {
    pub known: bool,
    pub start: String,
    pub end: String,
    pub expected_return: String,
}

impl SicknessView {
    pub fn new(spell: Option<&SickSpell>) -> Self {
        match spell {
            None => SicknessView::default(),
            Some(s) => SicknessView {
                known: true,
                start: format_date(s.start),
                end: format_opt_date(s.end),
                expected_return: format_opt_date(s.expected_return),
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    pub by_employer: bool,
    pub weeks: u32,
    pub notified_on: String,
    pub effective_on: String,
    pub start: String,
    pub end: String,
    pub seniority_years: u32,
    pub seniority_months: u32,
    pub registered_letter: bool,
    /// The legal basis, one sentence per line, in the document's language.
    pub basis: Vec<String>,
}

impl NoticeView {
    pub fn new(
        n: &Notice,
        by: NoticeParty,
        notified_on: NaiveDate,
        registered: bool,
        cap_from: NaiveDate,
        i: &I18n,
    ) -> Self {
        let years = (n.seniority_months / 12).to_string();
        let cap = format_date(cap_from);
        NoticeView {
            by_employer: by == NoticeParty::Employer,
            weeks: n.weeks,
            notified_on: format_date(notified_on),
            effective_on: format_date(n.effective_on),
            start: format_date(n.start),
            end: format_date(n.end),
            seniority_years: n.seniority_months / 12,
            seniority_months: n.seniority_months % 12,
            registered_letter: registered,
            basis: n
                .basis
                .iter()
                .map(|k| i.tf(k, &[("years", &years), ("date", &cap)]))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MaternityView {
    pub expected: String,
    pub multiple: bool,
    pub earliest_start: String,
    pub mandatory_start: String,
    pub leave_from: String,
    pub optional_weeks: i64,
    pub moved_days: i64,
    pub postnatal_start: String,
    pub mandatory_postnatal_end: String,
    pub end: String,
    /// Empty unless a multiple birth.
    pub end_with_extra: String,
    pub total_weeks: i64,
}

impl MaternityView {
    pub fn new(p: &MaternityPlan) -> Self {
        MaternityView {
            expected: format_date(p.expected),
            multiple: p.multiple,
            earliest_start: format_date(p.earliest_start),
            mandatory_start: format_date(p.mandatory_start),
            leave_from: format_date(p.leave_from),
            optional_weeks: p.optional_weeks,
            moved_days: p.moved_days,
            postnatal_start: format_date(p.postnatal_start),
            mandatory_postnatal_end: format_date(p.mandatory_postnatal_end),
            end: format_date(p.end),
            end_with_extra: format_opt_date(p.end_with_extra),
            total_weeks: p.total_weeks,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RecipientView {
    pub name: String,
    pub address: String,
    pub vacancy: String,
    pub meeting_date: String,
    pub meeting_time: String,
}

impl RecipientView {
    pub fn new(r: &Recipient) -> Self {
        RecipientView {
            name: r.name.clone(),
            address: r.address.join(BREAK),
            vacancy: r.vacancy.clone(),
            meeting_date: r
                .meeting_at
                .map(|t| format_date(t.date()))
                .unwrap_or_default(),
            meeting_time: r
                .meeting_at
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
        }
    }
}

/// What the parental leave sheet says about this person: the 12-months seniority condition and
/// whether the 1/10 form (full-timers only) is open.
#[derive(Debug, Clone, Serialize)]
pub struct ParentalView {
    pub seniority_months: u32,
    pub meets_seniority: bool,
    pub full_time: bool,
}

/// Everything one template is rendered with. Parts a template does not need are left out, so
/// using one by mistake is an error under strict undefined, not an empty line.
#[derive(Debug, Clone, Serialize)]
pub struct DocContext {
    pub lang: &'static str,
    pub company: CompanyView,
    pub today: String,
    /// "Gent, 23/11/2026" (the date alone when no city is set).
    pub place_date: String,
    /// Name and address of the addressee, as Markdown lines.
    pub addressee: String,
    pub salutation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee: Option<EmployeeView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<ContractView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leave: Option<LeaveView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sickness: Option<SicknessView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maternity: Option<MaternityView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<RecipientView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parental: Option<ParentalView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vacancy: Option<VacancyView>,
}

impl DocContext {
    /// The parts every letter has: company, date and place, addressee and salutation.
    pub fn base(
        company: &CompanySettings,
        today: NaiveDate,
        addressee_name: &str,
        address: &str,
        salutation: String,
        i: &I18n,
    ) -> DocContext {
        let date = format_date(today);
        DocContext {
            lang: i.lang.code(),
            company: CompanyView::new(company),
            place_date: if company.city.is_empty() {
                date.clone()
            } else {
                format!("{}, {date}", company.city)
            },
            today: date,
            addressee: if address.is_empty() {
                addressee_name.to_string()
            } else {
                format!("{addressee_name}{BREAK}{address}")
            },
            salutation,
            employee: None,
            contract: None,
            leave: None,
            sickness: None,
            notice: None,
            maternity: None,
            recipient: None,
            parental: None,
            vacancy: None,
        }
    }
}

/// "Geachte mevrouw Peeters," / "Madame," / "Dear Ms Peeters,"; by name when the sex is not known.
/// French letters open without the name (`doc.salutation_style` = formal).
pub fn salutation(sex: Option<Sex>, first_name: &str, last_name: &str, i: &I18n) -> String {
    let suffix = match sex {
        Some(Sex::Female) => "f",
        Some(Sex::Male) => "m",
        _ => "x",
    };
    if i.t("doc.salutation_style") == "formal" {
        return i.t(&format!("doc.formal_{suffix}"));
    }
    let full = format!("{first_name} {last_name}").trim().to_string();
    i.tf(
        &format!("doc.salutation_{suffix}"),
        &[("last_name", last_name), ("full_name", &full)],
    )
}

/// A vacancy's terms as the offer letter and the vacancy text state them.
#[derive(Debug, Clone, Serialize)]
pub struct VacancyView {
    /// The title with the gender-neutral tag of the document's language: "Boekhouder (m/v/x)",
    /// "Comptable (h/f/x)".
    pub title: String,
    /// The title without the tag (for a sentence: "the position of CNC-operator").
    pub job: String,
    pub department: String,
    pub contract: String,
    /// "38:00"; empty when not set.
    pub weekly_hours: String,
    /// "3.100,00 EUR – 3.600,00 EUR", one end, or empty.
    pub salary: String,
    /// dd/mm/yyyy, empty when not set.
    pub start_date: String,
    pub positions: u32,
    pub required: Vec<String>,
    pub nice_to_have: Vec<String>,
}

/// The "(m/v/x)" habit in the document's language: the X stands for every gender.
pub fn gender_tag(lang: &str) -> &'static str {
    match lang {
        "fr" => "(h/f/x)",
        "en" => "(m/f/x)",
        _ => "(m/v/x)",
    }
}

impl VacancyView {
    pub fn new(v: &crate::domain::recruitment::Vacancy, i: &I18n) -> Self {
        use crate::domain::recruitment::Requirement;
        let d = &v.data;
        let job = crate::store::recruitment::job_title(&d.title);
        let salary = match (d.salary_min_cents, d.salary_max_cents) {
            (Some(a), Some(b)) if a != b => format!("{} – {}", money(a), money(b)),
            (Some(a), _) | (None, Some(a)) => money(a),
            (None, None) => String::new(),
        };
        let texts = |r: Requirement| {
            v.criteria
                .iter()
                .filter(|c| c.requirement == r)
                .map(|c| c.text.clone())
                .collect()
        };
        VacancyView {
            title: format!("{job} {}", gender_tag(i.lang.code())),
            job,
            department: d.department.clone(),
            contract: i.choice(d.contract),
            weekly_hours: if d.weekly_minutes > 0 {
                format_minutes(d.weekly_minutes)
            } else {
                String::new()
            },
            salary,
            start_date: format_opt_date(d.start_wanted),
            positions: d.positions,
            required: texts(Requirement::Required),
            nice_to_have: texts(Requirement::Nice),
        }
    }
}
