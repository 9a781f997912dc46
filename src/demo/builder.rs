//! The builder behind the demo company: one chain of calls per person, from identity to departure.

use chrono::NaiveDate;

use super::{
    DemoDocument, DemoPerson, WORK_DOMAIN, children_in_charge, contract_input, days, dependant,
    fmt, mail_address, note,
};
use crate::domain::contract::DepartureInput;
use crate::domain::ids::{Iban, Rrn, format_iban, format_rrn};
use crate::domain::records::{ContactInput, JobChangeInput};

/// Where someone works: sets the language of their documents and the contract's workplace.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Site {
    Gent,
    Namur,
}

impl Site {
    fn workplace(self) -> &'static str {
        match self {
            Site::Gent => "Gent",
            Site::Namur => "Namur",
        }
    }
}

use Site::{Gent, Namur};

pub(super) struct Company {
    today: NaiveDate,
    people: Vec<DemoPerson>,
    /// Per person: the signed work-rules receipt has not come back yet.
    receipt_pending: Vec<bool>,
}

impl Company {
    pub(super) fn new(today: NaiveDate) -> Self {
        Company {
            today,
            people: Vec::with_capacity(32),
            receipt_pending: Vec::with_capacity(32),
        }
    }

    /// Adds the next employee ("E0001"…) and returns a builder for their dossier.
    pub(super) fn hire(
        &mut self,
        site: Site,
        first: &str,
        last: &str,
        sex: &str,
        birth: NaiveDate,
    ) -> P<'_> {
        let number = format!("E{:04}", self.people.len() + 1);
        let mut p = DemoPerson::default();
        let e = &mut p.employee;
        e.number = number;
        e.first_name = first.into();
        e.last_name = last.into();
        e.sex = sex.into();
        e.birth_date = fmt(birth);
        e.country = "BE".into();
        e.language = match site {
            Gent => "nl",
            Namur => "fr",
        }
        .into();
        self.people.push(p);
        self.receipt_pending.push(false);
        let person = self.people.last_mut().expect("just pushed");
        let pending = self.receipt_pending.last_mut().expect("just pushed");
        P {
            p: person,
            pending,
            birth,
            site,
            today: self.today,
        }
    }

    /// Fills what follows from the rest: start, seniority, status, children in charge, work e-mail.
    pub(super) fn finish(mut self) -> Vec<DemoPerson> {
        for (p, pending) in self.people.iter_mut().zip(&self.receipt_pending) {
            let start = crate::domain::date::parse_date(&p.employee.start_date);
            // Everyone who started signed for the work rules on their first day, unless noted otherwise.
            if let Some(start) = start.filter(|s| *s <= self.today && !*pending) {
                let name = format!("{} {}", p.employee.first_name, p.employee.last_name);
                let on = crate::domain::date::format_date(start);
                let (title, text) = if p.employee.language == "fr" {
                    (
                        "Accusé de réception du règlement de travail",
                        format!(
                            "Je soussigné(e), {name}, déclare avoir reçu un exemplaire du règlement de travail de Demo Metaal NV le {on}.\n"
                        ),
                    )
                } else {
                    (
                        "Ontvangstbewijs arbeidsreglement",
                        format!(
                            "Ik, {name}, verklaar een exemplaar van het arbeidsreglement van Demo Metaal NV te hebben ontvangen op {on}.\n"
                        ),
                    )
                };
                p.documents.push(DemoDocument {
                    kind: "work_rules_receipt",
                    title: title.into(),
                    dated: start,
                    expires: None,
                    file_name: "work-rules-receipt.txt".into(),
                    text,
                });
            }
        }
        for p in &mut self.people {
            let kids = children_in_charge(&p.dependants);
            let e = &mut p.employee;
            e.children_in_charge = kids.to_string();
            if e.seniority_date.is_empty() {
                e.seniority_date = e.start_date.clone();
            }
            if e.status.is_empty() {
                let start = crate::domain::date::parse_date(&e.start_date);
                e.status = if start.is_some_and(|s| s > self.today) {
                    "hired"
                } else {
                    "active"
                }
                .into();
            }
            if e.category != "student" {
                let first = if e.preferred_name.is_empty() {
                    &e.first_name
                } else {
                    &e.preferred_name
                };
                e.email_work = mail_address(first, &e.last_name, WORK_DOMAIN);
            }
        }
        self.people
    }
}

/// Builder for one demo dossier; each method fills a part and hands the builder back.
pub(super) struct P<'a> {
    p: &'a mut DemoPerson,
    pending: &'a mut bool,
    birth: NaiveDate,
    site: Site,
    today: NaiveDate,
}

impl P<'_> {
    pub(super) fn preferred(self, name: &str) -> Self {
        self.p.employee.preferred_name = name.into();
        self
    }

    pub(super) fn origin(self, birth_place: &str, nationality: &str) -> Self {
        self.p.employee.birth_place = birth_place.into();
        self.p.employee.nationality = nationality.into();
        self
    }

    pub(super) fn lang(self, language: &str) -> Self {
        self.p.employee.language = language.into();
        self
    }

    /// A fictitious but valid national register number: odd sequence for men, even for women.
    pub(super) fn rrn(self, sequence: u16) -> Self {
        self.p.employee.rrn = format_rrn(&Rrn::compose(self.birth, sequence));
        self
    }

    pub(super) fn iban(self, bank: u16, account: u32) -> Self {
        self.p.employee.iban = format_iban(&Iban::belgian(bank, account));
        self
    }

    pub(super) fn home(
        self,
        street: &str,
        number: &str,
        box_nr: &str,
        postal: &str,
        town: &str,
    ) -> Self {
        let e = &mut self.p.employee;
        e.street = street.into();
        e.house_number = number.into();
        e.box_nr = box_nr.into();
        e.postal_code = postal.into();
        e.municipality = town.into();
        self
    }

    pub(super) fn reach(self, phone: &str, email_private: &str) -> Self {
        self.p.employee.phone = phone.into();
        self.p.employee.email_private = email_private.into();
        self
    }

    pub(super) fn job(
        self,
        dept: &str,
        title: &str,
        manager: &str,
        category: &str,
        jc: &str,
    ) -> Self {
        let e = &mut self.p.employee;
        e.department = dept.into();
        e.job_title = title.into();
        e.manager = manager.into();
        e.category = category.into();
        e.joint_committee = jc.into();
        self
    }

    pub(super) fn marital(self, status: &str) -> Self {
        self.p.employee.marital_status = status.into();
        self
    }

    pub(super) fn status(self, status: &str) -> Self {
        self.p.employee.status = status.into();
        self
    }

    pub(super) fn seniority(self, since: NaiveDate) -> Self {
        self.p.employee.seniority_date = fmt(since);
        self
    }

    pub(super) fn partner(self, name: &str, birth: NaiveDate, in_charge: bool) -> Self {
        self.p
            .dependants
            .push(dependant(name.into(), "partner", birth, in_charge));
        self
    }

    /// A child in charge ("ten laste").
    pub(super) fn child(self, name: &str, birth: NaiveDate) -> Self {
        self.p
            .dependants
            .push(dependant(name.into(), "child", birth, true));
        self
    }

    pub(super) fn contact(self, name: &str, relation: &str, phone: &str) -> Self {
        self.p.contacts.push(ContactInput {
            name: name.into(),
            relation: relation.into(),
            phone: phone.into(),
            email: String::new(),
        });
        self
    }

    /// Appends a contract, signed ten days before it starts; the first one sets the start date.
    pub(super) fn contract(
        self,
        kind: &str,
        start: NaiveDate,
        end: Option<NaiveDate>,
        hours: &str,
        schedule: &str,
        gross: &str,
    ) -> Self {
        if self.p.contracts.is_empty() {
            self.p.employee.start_date = fmt(start);
        }
        let signed = days(start, -10).min(self.today).max(self.birth);
        self.p.contracts.push(contract_input(
            kind,
            start,
            end,
            hours,
            schedule,
            gross,
            self.site.workplace(),
            signed,
        ));
        self
    }

    /// Changes the signing date of the last contract.
    pub(super) fn signed(self, on: NaiveDate) -> Self {
        if let Some(c) = self.p.contracts.last_mut() {
            c.signed_on = fmt(on);
        }
        self
    }

    pub(super) fn change(
        self,
        effective: NaiveDate,
        dept: &str,
        title: &str,
        manager: &str,
        why: &str,
    ) -> Self {
        self.p.job_changes.push(JobChangeInput {
            effective: fmt(effective),
            department: dept.into(),
            job_title: title.into(),
            manager: manager.into(),
            note: why.into(),
        });
        self
    }

    /// The signed work-rules receipt has not come back yet (it shows on Today).
    pub(super) fn receipt_pending(self) -> Self {
        *self.pending = true;
        self
    }

    /// A document on file, e.g. an ID card or a work permit with its expiry date.
    pub(super) fn doc(
        self,
        kind: &'static str,
        title: &str,
        dated: NaiveDate,
        expires: Option<NaiveDate>,
    ) -> Self {
        let name = format!(
            "{} {}",
            self.p.employee.first_name, self.p.employee.last_name
        );
        let fr = self.p.employee.language == "fr";
        let valid = expires.map_or(String::new(), |e| {
            let until = if fr { "valable jusqu'au" } else { "geldig tot" };
            format!(", {until} {}", crate::domain::date::format_date(e))
        });
        let (of, issued) = if fr {
            ("de", "délivré le")
        } else {
            ("van", "afgegeven op")
        };
        self.p.documents.push(DemoDocument {
            kind,
            title: title.into(),
            dated,
            expires,
            file_name: format!("{kind}.txt"),
            text: format!(
                "{title} {of} {name}, {issued} {}{valid}.\n",
                crate::domain::date::format_date(dated)
            ),
        });
        self
    }

    pub(super) fn note(self, written_on: NaiveDate, confidential: bool, text: String) -> Self {
        self.p.notes.push(note(written_on, confidential, text));
        self
    }

    pub(super) fn left(
        self,
        end: NaiveDate,
        ended_by: &str,
        reason: &str,
        notice_weeks: &str,
    ) -> Self {
        self.p.departure = Some(DepartureInput {
            end_date: fmt(end),
            ended_by: ended_by.into(),
            reason: reason.into(),
            notice_weeks: notice_weeks.into(),
        });
        self
    }
}
