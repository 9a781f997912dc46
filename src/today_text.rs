//! How a Today item reads in the user's language: one wording for the Today tab and `dossier today`.

use chrono::{Datelike, NaiveDate};

use crate::domain::date::format_date;
use crate::domain::leave::holidays::replacement_notice_deadline;
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::today::{
    Attention, DimonaDue, DossierPart, Due, Occasion, OccasionKind, Place, TodayList, Urgency,
};
use crate::i18n::I18n;

/// The headline: how many items, how many overdue, and whether the list was cut at the cap.
pub fn summary(i: &I18n, list: &TodayList) -> String {
    let mut text = i.tf(
        if list.items.len() == 1 {
            "today.summary_one"
        } else {
            "today.summary"
        },
        &[
            ("count", &list.items.len().to_string()),
            ("overdue", &list.overdue().to_string()),
        ],
    );
    if let Some(cap) = list.limited {
        text.push_str(&i.tf("today.limited", &[("cap", &cap.to_string())]));
    }
    text
}

/// What is due, in a short line ("Fixed-term contract ends on 01/12/2026").
pub fn what(i: &I18n, a: &Attention, types: &[LeaveType]) -> String {
    let d = |x: NaiveDate| format_date(x);
    match &a.what {
        Due::ContractEnds { kind, end } => i.tf(
            "today.contract_ends",
            &[("kind", &i.choice(*kind)), ("date", &d(*end))],
        ),
        Due::DocumentMissing { kind, .. } => {
            i.tf("today.document_missing", &[("doc", &i.choice(*kind))])
        }
        Due::DocumentExpires { kind, expires } => i.tf(
            if a.urgency == Urgency::Overdue {
                "today.document_expired"
            } else {
                "today.document_expires"
            },
            &[("doc", &i.choice(*kind)), ("date", &d(*expires))],
        ),
        Due::SickOngoing {
            since,
            expected_return: Some(back),
        } => i.tf(
            "today.sick_until",
            &[("since", &d(*since)), ("back", &d(*back))],
        ),
        Due::SickOngoing { since, .. } => i.tf("today.sick", &[("since", &d(*since))]),
        Due::CertificateMissing { since } => {
            i.tf("today.certificate_missing", &[("since", &d(*since))])
        }
        Due::LeaveWaiting {
            leave_type,
            from,
            to,
            ..
        } => {
            let name = types
                .iter()
                .find(|t| &t.code == leave_type)
                .map_or(leave_type.as_str(), |t| t.name(i.lang.code()));
            let period = if from == to {
                d(*from)
            } else if from.year() == to.year() {
                format!("{}–{}", from.format("%d/%m"), d(*to))
            } else {
                format!("{}–{}", d(*from), d(*to))
            };
            i.tf(
                "today.leave_waiting",
                &[("type", name), ("period", &period)],
            )
        }
        Due::ReplacementDays { year, missing } => i.tf(
            "today.replacement_days",
            &[
                ("count", &missing.to_string()),
                ("year", &year.to_string()),
                ("deadline", &d(replacement_notice_deadline(*year))),
            ],
        ),
        Due::Dimona {
            kind: DimonaDue::In,
        } => i.t("today.dimona_in"),
        Due::Dimona {
            kind: DimonaDue::Out,
        } => i.t("today.dimona_out"),
        Due::ChecklistTask { title } => title.get(i.lang.code()).to_string(),
        Due::PayrollExport { year, month } => i.tf(
            "today.payroll_export",
            &[("month", &i.month(*month)), ("year", &year.to_string())],
        ),
        Due::RetentionOver { left_on } => i.tf("today.retention_over", &[("left", &d(*left_on))]),
        Due::TrainingCertificate {
            course,
            expires,
            planned,
        } => {
            let key = if a.urgency == Urgency::Overdue {
                "today.training_expired"
            } else {
                "today.training_expires"
            };
            format!(
                "{} — {}",
                i.tf(key, &[("course", course), ("date", &d(*expires))]),
                crate::training_sheets::planned(i, *planned)
            )
        }
        Due::TrainingMissing {
            course,
            job,
            planned,
        } => format!(
            "{} — {}",
            i.tf(
                "today.training_missing",
                &[("course", course), ("job", job)]
            ),
            crate::training_sheets::planned(i, *planned)
        ),
        Due::TalkOverdue { due } => i.tf("today.talk_overdue", &[("date", &d(*due))]),
        Due::RejectionLetter { rejected_on, .. } => {
            i.tf("today.rejection_letter", &[("date", &d(*rejected_on))])
        }
        Due::CandidateRetention { until } => {
            i.tf("today.candidate_retention", &[("date", &d(*until))])
        }
        Due::TrainingRequest {
            course, asked_on, ..
        } => i.tf(
            "today.training_request",
            &[("course", course), ("date", &d(*asked_on))],
        ),
        // The due column already says when.
        Due::TrainingFollowUp { course, .. } => {
            i.tf("today.training_follow_up", &[("course", course)])
        }
    }
}

/// Where Enter on the item goes ("dossier: Documents", "Leave tab").
pub fn place(i: &I18n, p: &Place) -> String {
    match p {
        Place::Dossier { part, .. } => {
            let section = match part {
                DossierPart::Employment => "section.employment",
                DossierPart::Checklist => "section.checklist",
                DossierPart::Documents => "section.documents",
                DossierPart::Training => "section.training",
            };
            i.tf("today.go_dossier", &[("section", &i.t(section))])
        }
        Place::Leave { .. } => i.t("today.go_leave"),
        Place::CompanyDays { .. } => i.t("today.go_company_day"),
        Place::Payroll { .. } => i.t("today.go_payroll"),
        Place::Candidate { .. } => i.t("today.go_candidate"),
        Place::Training { .. } => i.t("today.go_training"),
    }
}

/// The due date relative to today: "today", "in 3 days", "5 days late".
pub fn when(i: &I18n, due: NaiveDate, today: NaiveDate) -> String {
    let n = (due - today).num_days();
    match n {
        0 => i.t("today.due_today"),
        1 => i.t("today.due_tomorrow"),
        -1 => i.t("today.due_yesterday"),
        n if n > 1 => i.tf("today.due_in", &[("days", &n.to_string())]),
        n => i.tf("today.due_late", &[("days", &(-n).to_string())]),
    }
}

/// A birthday or work anniversary ("turns 36", "10 years in service").
pub fn occasion(i: &I18n, o: &Occasion) -> String {
    match o.kind {
        OccasionKind::Birthday { age } => i.tf("today.birthday", &[("age", &age.to_string())]),
        OccasionKind::Anniversary { years } => {
            i.tf("today.anniversary", &[("years", &years.to_string())])
        }
    }
}
