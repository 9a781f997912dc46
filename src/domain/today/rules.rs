//! The Today rules: from facts the store gathered (inside the windows of [`TodaySettings`]) to dated items.
//! Each rule is a small function with `today` as a parameter, so every one is tested on fixed dates.

use chrono::{Datelike, NaiveDate};

use super::{Attention, DimonaDue, DossierPart, Due, PersonRef, Place, TodayList};
use crate::domain::checklist::Localized;
use crate::domain::contract::ContractKind;
use crate::domain::leave::holidays::{replacement_notice_deadline, warn_missing_replacements_from};
use crate::domain::leave::sickness::{SickSpell, certificate_due, missing_certificate};
use crate::domain::records::DocumentKind;
use crate::domain::today::occasions::{self, OccasionFact};

/// A contract with an end date, the last one of someone still in service.
#[derive(Debug, Clone)]
pub struct ContractFact {
    pub person: PersonRef,
    pub kind: ContractKind,
    pub end: NaiveDate,
}

/// Someone who starts soon or started lately, and which of the hiring documents are on file.
#[derive(Debug, Clone)]
pub struct HireFact {
    pub person: PersonRef,
    pub start: NaiveDate,
    pub has_signed_contract: bool,
    pub has_work_rules_receipt: bool,
}

/// The latest document of a kind that expires, for someone in service.
#[derive(Debug, Clone)]
pub struct ExpiryFact {
    pub person: PersonRef,
    pub kind: DocumentKind,
    pub expires: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct SpellFact {
    pub person: PersonRef,
    pub spell_id: i64,
    pub spell: SickSpell,
}

#[derive(Debug, Clone)]
pub struct RequestFact {
    pub person: PersonRef,
    pub request_id: i64,
    pub leave_type: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A Dimona declaration not yet recorded, with its legal deadline.
#[derive(Debug, Clone)]
pub struct DimonaFact {
    pub person: PersonRef,
    pub kind: DimonaDue,
    pub deadline: NaiveDate,
}

/// An open checklist task due by the end of the window.
#[derive(Debug, Clone)]
pub struct TaskFact {
    pub person: PersonRef,
    pub title: Localized,
    pub due: NaiveDate,
    pub part: DossierPart,
}

/// Everything the rules look at, gathered by the store in one pass.
#[derive(Debug, Clone, Default)]
pub struct TodayFacts {
    pub contracts: Vec<ContractFact>,
    pub hires: Vec<HireFact>,
    pub expiring: Vec<ExpiryFact>,
    pub spells: Vec<SpellFact>,
    pub requests: Vec<RequestFact>,
    /// Next year and how many of its replacement days are still to be set.
    pub replacements: Option<(i32, usize)>,
    pub dimona: Vec<DimonaFact>,
    pub tasks: Vec<TaskFact>,
    /// The last complete month, when its payroll variables are not yet exported.
    pub payroll_unexported: Option<(i32, u32)>,
    pub occasions: Vec<OccasionFact>,
    pub retention: Vec<super::retention::RetentionFact>,
    pub training: super::training::TrainingFacts,
    pub rejections: Vec<super::recruitment::RejectionFact>,
    pub candidate_retention: Vec<super::recruitment::CandidateRetentionFact>,
}

impl TodayFacts {
    /// Whether any rule's facts reached `cap`, the most the store reads for one rule.
    pub fn reached(&self, cap: usize) -> bool {
        [
            self.contracts.len(),
            self.hires.len(),
            self.expiring.len(),
            self.spells.len(),
            self.requests.len(),
            self.dimona.len(),
            self.tasks.len(),
            self.retention.len(),
            self.training.certificates.len(),
            self.training.missing.len(),
            self.training.talks.len(),
            self.rejections.len(),
            self.candidate_retention.len(),
            self.training.requests.len(),
        ]
        .into_iter()
        .any(|n| n >= cap)
    }
}

/// The kinds of contract that end by themselves and so need a decision before they do.
pub fn ends_by_itself(kind: ContractKind) -> bool {
    !matches!(kind, ContractKind::Indefinite)
}

/// The kinds of document whose expiry matters for the right to work or to do the job.
pub const EXPIRING_KINDS: [DocumentKind; 4] = [
    DocumentKind::IdCard,
    DocumentKind::WorkPermit,
    DocumentKind::MedicalFitness,
    DocumentKind::DrivingLicence,
];

/// The payroll variables of a month are handed over by this day of the next month.
pub const PAYROLL_DUE_DAY: u32 = 5;

/// Builds the Today list from the facts.
pub fn attention(facts: TodayFacts, today: NaiveDate, occasion_days: i64) -> TodayList {
    let mut items = Vec::new();
    items.extend(facts.contracts.into_iter().map(|c| contract_ends(c, today)));
    for h in facts.hires {
        items.extend(hire_documents(h, today));
    }
    items.extend(
        facts
            .expiring
            .into_iter()
            .map(|e| document_expires(e, today)),
    );
    for s in facts.spells {
        items.extend(sickness(s, today));
    }
    items.extend(facts.requests.into_iter().map(|r| leave_waiting(r, today)));
    if let Some((year, missing)) = facts.replacements {
        items.extend(replacement_days(year, missing, today));
    }
    items.extend(facts.dimona.into_iter().map(|d| dimona(d, today)));
    items.extend(facts.tasks.into_iter().map(|t| task(t, today)));
    if let Some((year, month)) = facts.payroll_unexported {
        items.extend(payroll_export(year, month, today));
    }
    items.extend(
        facts
            .retention
            .into_iter()
            .map(|f| super::retention::retention_over(f, today)),
    );
    items.extend(super::training::items(facts.training, today));
    items.extend(
        facts
            .rejections
            .into_iter()
            .map(|f| super::recruitment::rejection_letter(f, today)),
    );
    items.extend(
        facts
            .candidate_retention
            .into_iter()
            .map(|f| super::recruitment::candidate_retention(f, today)),
    );
    let occasions = occasions::upcoming(&facts.occasions, today, occasion_days);
    TodayList::sorted(items, occasions)
}

fn dossier(person: &PersonRef, part: DossierPart) -> Place {
    Place::Dossier {
        employee_id: person.id,
        part,
    }
}

pub fn contract_ends(c: ContractFact, today: NaiveDate) -> Attention {
    let place = dossier(&c.person, DossierPart::Employment);
    let what = Due::ContractEnds {
        kind: c.kind,
        end: c.end,
    };
    Attention::new(Some(c.person), what, c.end, place, today)
}

/// The signed contract and the work-rules receipt are due on the first working day (a fixed-term or
/// part-time contract not in writing by then becomes open-ended or full-time: BELGIAN-RULES.md §7).
pub fn hire_documents(h: HireFact, today: NaiveDate) -> Vec<Attention> {
    let mut out = Vec::new();
    for (kind, present) in [
        (DocumentKind::SignedContract, h.has_signed_contract),
        (DocumentKind::WorkRulesReceipt, h.has_work_rules_receipt),
    ] {
        if !present {
            let place = dossier(&h.person, DossierPart::Documents);
            let what = Due::DocumentMissing {
                kind,
                start: h.start,
            };
            out.push(Attention::new(
                Some(h.person.clone()),
                what,
                h.start,
                place,
                today,
            ));
        }
    }
    out
}

pub fn document_expires(e: ExpiryFact, today: NaiveDate) -> Attention {
    let place = dossier(&e.person, DossierPart::Documents);
    let what = Due::DocumentExpires {
        kind: e.kind,
        expires: e.expires,
    };
    Attention::new(Some(e.person), what, e.expires, place, today)
}

/// An open spell shows as ongoing (due on the expected return, overdue when that day passed without
/// a return or an extension being recorded); an overdue certificate shows on its deadline.
pub fn sickness(s: SpellFact, today: NaiveDate) -> Vec<Attention> {
    let mut out = Vec::new();
    let place = Place::Leave {
        employee_id: s.person.id,
        request_id: None,
        spell_id: Some(s.spell_id),
    };
    let ongoing = s.spell.start <= today && s.spell.end.is_none_or(|e| e >= today);
    if missing_certificate(&s.spell, today)
        && let Some(deadline) = certificate_due(&s.spell)
    {
        let what = Due::CertificateMissing {
            since: s.spell.start,
        };
        out.push(Attention::new(
            Some(s.person.clone()),
            what,
            deadline,
            place,
            today,
        ));
    }
    if ongoing {
        let what = Due::SickOngoing {
            since: s.spell.start,
            expected_return: s.spell.expected_return,
        };
        let due = s.spell.expected_return.unwrap_or(today).max(s.spell.start);
        out.push(Attention::new(Some(s.person), what, due, place, today));
    }
    out
}

/// A request is decided before its first day.
pub fn leave_waiting(r: RequestFact, today: NaiveDate) -> Attention {
    let place = Place::Leave {
        employee_id: r.person.id,
        request_id: Some(r.request_id),
        spell_id: None,
    };
    let what = Due::LeaveWaiting {
        request_id: r.request_id,
        leave_type: r.leave_type,
        from: r.from,
        to: r.to,
    };
    Attention::new(Some(r.person), what, r.from, place, today)
}

/// From 1 November the missing replacement days of next year show, due on 15 December.
pub fn replacement_days(year: i32, missing: usize, today: NaiveDate) -> Option<Attention> {
    (missing > 0 && today >= warn_missing_replacements_from(year)).then(|| {
        Attention::new(
            None,
            Due::ReplacementDays { year, missing },
            replacement_notice_deadline(year),
            Place::CompanyDays { year },
            today,
        )
    })
}

pub fn dimona(d: DimonaFact, today: NaiveDate) -> Attention {
    let place = dossier(&d.person, DossierPart::Checklist);
    Attention::new(
        Some(d.person),
        Due::Dimona { kind: d.kind },
        d.deadline,
        place,
        today,
    )
}

pub fn task(t: TaskFact, today: NaiveDate) -> Attention {
    let place = dossier(&t.person, t.part);
    Attention::new(
        Some(t.person),
        Due::ChecklistTask { title: t.title },
        t.due,
        place,
        today,
    )
}

/// The month before `today`'s: the one whose payroll variables go out now.
pub fn last_month(today: NaiveDate) -> (i32, u32) {
    if today.month() == 1 {
        (today.year() - 1, 12)
    } else {
        (today.year(), today.month() - 1)
    }
}

pub fn payroll_export(year: i32, month: u32, today: NaiveDate) -> Option<Attention> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let due = NaiveDate::from_ymd_opt(ny, nm, PAYROLL_DUE_DAY)?;
    Some(Attention::new(
        None,
        Due::PayrollExport { year, month },
        due,
        Place::Payroll { year, month },
        today,
    ))
}

#[cfg(test)]
mod tests;
