//! The figures management asks for (headcount and FTE, joiners and leavers, absenteeism and the
//! Bradford factor, leave taken and remaining, the social elections helper), computed from plain rows
//! the store hands over. Pure: no SQL, no clock (`today` is a parameter), no text in any language.

pub mod absence;
pub mod elections;
pub mod headcount;
pub mod leave;
pub mod movements;
pub mod period;

use chrono::NaiveDate;

use crate::choice_enum;
use crate::domain::contract::{Contract, ContractData, current_contract};
use crate::domain::employee::{Sex, WorkerCategory};
use crate::domain::leave::schedule::Schedules;

choice_enum!(
    /// The reports Dossier computes; the code is the CLI subcommand and the export file name.
    ReportKind, "report" {
        Headcount => "headcount",
        Movements => "movements",
        Absenteeism => "absenteeism",
        Bradford => "bradford",
        Leave => "leave",
        Elections => "elections",
        Training => "training",
    }
);

/// One person as the reports see them: who, where, employed when, under which contracts and schedules.
/// The department and category are the dossier's current ones (job changes only keep the new value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub department: String,
    pub category: WorkerCategory,
    pub sex: Sex,
    pub birth_date: Option<NaiveDate>,
    /// First and last day of employment (the last once the person has left).
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub contracts: Vec<Contract>,
    /// The schedule history every leave count uses (recorded, or implied by the contracts).
    pub schedules: Schedules,
}

impl Person {
    pub fn employed_on(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|e| day <= e)
    }

    /// The contract in force on `day` (else the nearest one, as the dossier shows it).
    pub fn contract_on(&self, day: NaiveDate) -> Option<&ContractData> {
        current_contract(&self.contracts, day).map(|c| &c.data)
    }

    /// The full-time weekly minutes the person's FTE is measured against on `day`: the contract's,
    /// else the company's.
    pub fn full_time_on(&self, day: NaiveDate, company_full_time: u32) -> u32 {
        self.contract_on(day)
            .map_or(company_full_time, |c| c.full_time_minutes)
    }

    /// FTE in thousandths on `day`, from the schedule in force against the full-time reference;
    /// `None` without any schedule or contract to say.
    pub fn fte_permille_on(&self, day: NaiveDate, company_full_time: u32) -> Option<u32> {
        let s = self.schedules.at(day)?;
        Some(s.fte_permille(self.full_time_on(day, company_full_time)))
    }

    /// Whether the schedule in force on `day` is below full time.
    pub fn part_time_on(&self, day: NaiveDate, company_full_time: u32) -> bool {
        self.schedules
            .at(day)
            .is_some_and(|s| !s.is_full_time(self.full_time_on(day, company_full_time)))
    }
}

/// A computed report, whichever it is: what the Reports tab shows, the CLI prints and both export.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Report {
    Headcount(headcount::Headcount),
    Movements(movements::Movements),
    Absenteeism(absence::Absenteeism),
    Bradford(absence::Bradford),
    Leave(leave::LeaveReport),
    Elections(elections::Elections),
    /// The social balance sheet's training section of a year (issue 6).
    Training(crate::domain::training::balance::TrainingBalance),
}

impl Report {
    pub fn kind(&self) -> ReportKind {
        match self {
            Report::Headcount(_) => ReportKind::Headcount,
            Report::Movements(_) => ReportKind::Movements,
            Report::Absenteeism(_) => ReportKind::Absenteeism,
            Report::Bradford(_) => ReportKind::Bradford,
            Report::Leave(_) => ReportKind::Leave,
            Report::Elections(_) => ReportKind::Elections,
            Report::Training(_) => ReportKind::Training,
        }
    }
}

/// A percentage with two decimals' worth of precision, 0 when there is nothing to divide by.
pub fn percent(part: f64, whole: f64) -> f64 {
    if whole <= 0.0 {
        0.0
    } else {
        part * 100.0 / whole
    }
}

#[cfg(test)]
pub(crate) mod fixtures;
