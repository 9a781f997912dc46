//! Mapping between SQLite rows and domain types: the one place that knows column order.

use chrono::NaiveDate;
use rusqlite::Row;

use crate::domain::choice::Choice;
use crate::domain::contract::{Contract, ContractData, ContractKind};
use crate::domain::employee::{
    Address, DocLanguage, Employee, EmployeeData, EmploymentStatus, MaritalStatus, Sex,
    WorkerCategory,
};
use crate::domain::records::{
    Dependant, Document, DocumentKind, EmergencyContact, JobChange, Note, Relation,
};

/// "First Last" with the preferred name, as `EmployeeData::full_name` writes it.
pub(super) const FULL_NAME_SQL: &str = "(CASE WHEN e.preferred_name <> '' THEN e.preferred_name ELSE e.first_name END || ' ' || e.last_name)";

pub(super) fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(super) fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(crate::domain::date::iso)
}

/// A stored code that no longer maps to a choice means the file was edited by hand: fail loudly.
pub(super) fn choice<C: Choice>(idx: usize, code: String) -> rusqlite::Result<C> {
    C::from_code(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown code {code}").into(),
        )
    })
}

pub(super) const EMPLOYEE_COLUMNS: &str = "id, number, first_name, last_name, preferred_name, sex, birth_date, \
    birth_place, nationality, rrn, street, house_number, box_nr, postal_code, municipality, country, phone, \
    email_private, email_work, iban, language, marital_status, children_in_charge, department, job_title, \
    manager_id, category, joint_committee, start_date, seniority_date, status";

pub(super) fn employee(r: &Row<'_>) -> rusqlite::Result<Employee> {
    Ok(Employee {
        id: r.get(0)?,
        data: EmployeeData {
            number: r.get(1)?,
            first_name: r.get(2)?,
            last_name: r.get(3)?,
            preferred_name: r.get(4)?,
            sex: choice::<Sex>(5, r.get(5)?)?,
            birth_date: date(r.get(6)?),
            birth_place: r.get(7)?,
            nationality: r.get(8)?,
            rrn: r.get(9)?,
            address: Address {
                street: r.get(10)?,
                number: r.get(11)?,
                box_nr: r.get(12)?,
                postal_code: r.get(13)?,
                municipality: r.get(14)?,
                country: r.get(15)?,
            },
            phone: r.get(16)?,
            email_private: r.get(17)?,
            email_work: r.get(18)?,
            iban: r.get(19)?,
            language: choice::<DocLanguage>(20, r.get(20)?)?,
            marital_status: choice::<MaritalStatus>(21, r.get(21)?)?,
            children_in_charge: r.get(22)?,
            department: r.get(23)?,
            job_title: r.get(24)?,
            manager_id: r.get(25)?,
            category: choice::<WorkerCategory>(26, r.get(26)?)?,
            joint_committee: r.get(27)?,
            start_date: date(r.get(28)?).unwrap_or_default(),
            seniority_date: date(r.get(29)?).unwrap_or_default(),
            status: choice::<EmploymentStatus>(30, r.get(30)?)?,
        },
    })
}

pub(super) const CONTRACT_COLUMNS: &str = "id, employee_id, kind, start_date, end_date, weekly_minutes, \
    full_time_minutes, schedule, gross_monthly_cents, workplace, signed_on";

pub(super) fn contract(r: &Row<'_>) -> rusqlite::Result<Contract> {
    Ok(Contract {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        data: ContractData {
            kind: choice::<ContractKind>(2, r.get(2)?)?,
            start: date(r.get(3)?).unwrap_or_default(),
            end: date(r.get(4)?),
            weekly_minutes: r.get(5)?,
            full_time_minutes: r.get(6)?,
            schedule: r.get(7)?,
            gross_monthly_cents: r.get(8)?,
            workplace: r.get(9)?,
            signed_on: date(r.get(10)?),
        },
    })
}

pub(super) fn contact(r: &Row<'_>) -> rusqlite::Result<EmergencyContact> {
    Ok(EmergencyContact {
        id: r.get(0)?,
        name: r.get(1)?,
        relation: r.get(2)?,
        phone: r.get(3)?,
        email: r.get(4)?,
    })
}

pub(super) fn dependant(r: &Row<'_>) -> rusqlite::Result<Dependant> {
    Ok(Dependant {
        id: r.get(0)?,
        name: r.get(1)?,
        relation: choice::<Relation>(2, r.get(2)?)?,
        birth_date: date(r.get(3)?),
        in_charge: r.get(4)?,
        disabled: r.get(5)?,
    })
}

pub(super) fn job_change(r: &Row<'_>) -> rusqlite::Result<JobChange> {
    Ok(JobChange {
        id: r.get(0)?,
        effective: date(r.get(1)?).unwrap_or_default(),
        department: r.get(2)?,
        job_title: r.get(3)?,
        manager_id: r.get(4)?,
        note: r.get(5)?,
    })
}

pub(super) fn document(r: &Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        id: r.get(0)?,
        kind: choice::<DocumentKind>(1, r.get(1)?)?,
        title: r.get(2)?,
        original_name: r.get(3)?,
        stored_name: r.get(4)?,
        dated: date(r.get(5)?),
        expires: date(r.get(6)?),
        added_on: date(r.get(7)?).unwrap_or_default(),
    })
}

pub(super) fn note(r: &Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get(0)?,
        written_on: date(r.get(1)?).unwrap_or_default(),
        author: r.get(2)?,
        confidential: r.get(3)?,
        text: r.get(4)?,
    })
}
