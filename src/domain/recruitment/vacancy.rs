//! A vacancy: the job, its contract, the profile as weighted criteria, and where it is published.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::choice::Choice;
use crate::domain::contract::ContractKind;
use crate::domain::date::optional_date;
use crate::domain::employee::{choice_or, optional_text, required_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::{money_field, parse_minutes};
use crate::{choice_enum, text_input};

choice_enum!(
    /// Where a vacancy stands. Only an open vacancy takes new candidates on the board by default.
    VacancyStatus, "vacancy_status" {
        Draft => "draft",
        Open => "open",
        OnHold => "on_hold",
        Filled => "filled",
        Cancelled => "cancelled",
    }
);

impl VacancyStatus {
    /// The procedure is over: candidates not hired start their retention period.
    pub fn is_closed(self) -> bool {
        matches!(self, VacancyStatus::Filled | VacancyStatus::Cancelled)
    }
}

choice_enum!(
    /// Publication channels usual in Belgium: the regional public employment services (VDAB in
    /// Flanders, Actiris in Brussels, Le Forem in Wallonia), own site, job boards, schools, interim.
    Channel, "channel" {
        Vdab => "vdab",
        Actiris => "actiris",
        Forem => "forem",
        Website => "website",
        LinkedIn => "linkedin",
        JobSite => "job_site",
        JobFair => "job_fair",
        School => "school",
        Interim => "interim",
        Internal => "internal",
        Spontaneous => "spontaneous",
        Referral => "referral",
    }
);

choice_enum!(
    /// A profile criterion is a must ("required", a knock-out when not met) or a plus.
    Requirement, "requirement" { Required => "required", Nice => "nice" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    pub id: i64,
    pub text: String,
    pub requirement: Requirement,
    /// 1–10: how much the criterion counts in the screening score.
    pub weight: u8,
}

impl Criterion {
    /// Validates one criterion as typed: text, "required"/"nice", weight 1–10 (empty = 1).
    pub fn parse(
        text: &str,
        requirement: &str,
        weight: &str,
    ) -> Result<Criterion, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let text = collect(&mut errs, required_text("criterion", text, 120));
        let requirement = collect(
            &mut errs,
            choice_or("requirement", requirement, Requirement::Required),
        );
        let weight = collect(&mut errs, weight_field("weight", weight));
        errs.into_result(())?;
        Ok(Criterion {
            id: 0,
            text: text.unwrap_or_default(),
            requirement: requirement.unwrap_or(Requirement::Required),
            weight: weight.unwrap_or(1),
        })
    }
}

fn weight_field(field: &'static str, text: &str) -> Result<u8, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(1);
    }
    match t.parse::<u8>() {
        Ok(n) if (1..=10).contains(&n) => Ok(n),
        _ => Err(FieldError::new(field, "err.weight").arg("value", t)),
    }
}

/// One publication of the vacancy on a channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelPost {
    pub id: i64,
    pub channel: Channel,
    pub published_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
}

impl ChannelPost {
    pub fn validate(self) -> Result<ChannelPost, ValidationErrors> {
        if let Some(w) = self.withdrawn_on
            && w < self.published_on
        {
            return Err(ValidationErrors(vec![FieldError::new(
                "withdrawn_on",
                "err.withdrawn_before_published",
            )]));
        }
        Ok(self)
    }

    pub fn is_live(&self, day: NaiveDate) -> bool {
        self.published_on <= day && self.withdrawn_on.is_none_or(|w| day <= w)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vacancy {
    pub id: i64,
    pub data: VacancyData,
    pub filled: u32,
    pub criteria: Vec<Criterion>,
    pub channels: Vec<ChannelPost>,
    /// The phone preselection's standard questions, asked to every candidate of this vacancy.
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VacancyData {
    pub title: String,
    pub department: String,
    /// The employee number of the future manager (empty when not decided).
    pub reports_to: String,
    pub contract: ContractKind,
    pub weekly_minutes: u32,
    pub salary_min_cents: Option<i64>,
    pub salary_max_cents: Option<i64>,
    pub start_wanted: Option<NaiveDate>,
    pub positions: u32,
    pub status: VacancyStatus,
}

text_input!(
    /// What the user typed for a vacancy.
    VacancyInput, VACANCY_FIELDS { title, department, reports_to, contract, weekly_hours, salary_min, salary_max, start_wanted, positions, status }
);

impl VacancyInput {
    pub fn from_data(d: &VacancyData) -> Self {
        use crate::domain::date::format_opt_date;
        use crate::domain::money::{format_cents, format_minutes};
        VacancyInput {
            title: d.title.clone(),
            department: d.department.clone(),
            reports_to: d.reports_to.clone(),
            contract: d.contract.code().into(),
            weekly_hours: format_minutes(d.weekly_minutes),
            salary_min: d.salary_min_cents.map(format_cents).unwrap_or_default(),
            salary_max: d.salary_max_cents.map(format_cents).unwrap_or_default(),
            start_wanted: format_opt_date(d.start_wanted),
            positions: d.positions.to_string(),
            status: d.status.code().into(),
        }
    }

    pub fn validate(&self) -> Result<VacancyData, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let title = collect(&mut errs, required_text("title", &self.title, 100));
        let department = collect(&mut errs, optional_text("department", &self.department, 60));
        let reports_to = collect(&mut errs, optional_text("reports_to", &self.reports_to, 20));
        let contract = collect(
            &mut errs,
            choice_or("contract", &self.contract, ContractKind::Indefinite),
        );
        let weekly = collect(&mut errs, weekly_hours("weekly_hours", &self.weekly_hours));
        let salary_min = collect(&mut errs, money_field("salary_min", &self.salary_min));
        let salary_max = collect(&mut errs, money_field("salary_max", &self.salary_max));
        let start_wanted = collect(&mut errs, optional_date("start_wanted", &self.start_wanted));
        let positions = collect(&mut errs, positions("positions", &self.positions));
        let status = collect(
            &mut errs,
            choice_or("status", &self.status, VacancyStatus::Draft),
        );
        if let (Some(Some(lo)), Some(Some(hi))) = (salary_min, salary_max)
            && hi < lo
        {
            errs.push(FieldError::new("salary_max", "err.salary_range"));
        }
        errs.into_result(())?;
        Ok(VacancyData {
            title: title.unwrap_or_default(),
            department: department.unwrap_or_default(),
            reports_to: reports_to.unwrap_or_default().to_ascii_uppercase(),
            contract: contract.unwrap_or(ContractKind::Indefinite),
            weekly_minutes: weekly.unwrap_or(38 * 60),
            salary_min_cents: salary_min.flatten(),
            salary_max_cents: salary_max.flatten(),
            start_wanted: start_wanted.flatten(),
            positions: positions.unwrap_or(1),
            status: status.unwrap_or(VacancyStatus::Draft),
        })
    }
}

/// Weekly hours; empty means a full-time 38 h week.
fn weekly_hours(field: &'static str, text: &str) -> Result<u32, FieldError> {
    if text.trim().is_empty() {
        return Ok(38 * 60);
    }
    match parse_minutes(text) {
        Some(m) if m > 0 && m <= 50 * 60 => Ok(m),
        _ => Err(FieldError::new(field, "err.hours").arg("value", text.trim())),
    }
}

fn positions(field: &'static str, text: &str) -> Result<u32, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(1);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=99).contains(&n) => Ok(n),
        _ => Err(FieldError::new(field, "err.positions")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> VacancyInput {
        VacancyInput {
            title: "CNC-operator (m/v/x)".into(),
            contract: "indefinite".into(),
            weekly_hours: "38".into(),
            salary_min: "2.800".into(),
            salary_max: "3.400".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_vacancy_defaults_to_one_full_time_draft_position() {
        let d = input().validate().unwrap();
        assert_eq!(d.weekly_minutes, 38 * 60);
        assert_eq!(d.positions, 1);
        assert_eq!(d.status, VacancyStatus::Draft);
        assert_eq!(d.salary_min_cents, Some(280_000));
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = VacancyInput {
            title: " ".into(),
            contract: "forever".into(),
            weekly_hours: "80".into(),
            positions: "0".into(),
            salary_min: "3000".into(),
            salary_max: "2000".into(),
            ..Default::default()
        };
        let e = bad.validate().unwrap_err();
        for f in [
            "title",
            "contract",
            "weekly_hours",
            "positions",
            "salary_max",
        ] {
            assert!(e.for_field(f).is_some(), "{f}: {e}");
        }
    }

    #[test]
    fn criterion_weight_is_one_to_ten() {
        assert_eq!(Criterion::parse("VCA", "required", "").unwrap().weight, 1);
        assert!(Criterion::parse("VCA", "nice", "11").is_err());
        assert!(Criterion::parse("", "nice", "3").is_err());
        assert!(Criterion::parse("VCA", "maybe", "3").is_err());
    }

    #[test]
    fn a_channel_cannot_be_withdrawn_before_it_was_published() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let post = ChannelPost {
            id: 0,
            channel: Channel::Vdab,
            published_on: d("2026-03-10"),
            withdrawn_on: Some(d("2026-03-01")),
        };
        assert!(post.validate().is_err());
        let live = ChannelPost {
            id: 0,
            channel: Channel::Vdab,
            published_on: d("2026-03-10"),
            withdrawn_on: None,
        };
        assert!(live.is_live(d("2026-04-01")) && !live.is_live(d("2026-03-09")));
    }
}
