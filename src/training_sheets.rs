//! Training in words and tables: a certificate's state and whether a session is planned (CLI,
//! Training tab, dossier), and the yearly report as a table (Reports tab, CLI, CSV/XLSX): the social
//! balance sheet's training section, one row per kind of training and sex.

use crate::domain::date::format_date;
use crate::domain::training::balance::{Figures, TrainingBalance};
use crate::domain::training::certificate::CertState;
use crate::i18n::I18n;
use crate::report_sheets::hours;
use crate::sheet::{Cell, Sheet};

fn row(kind: String, group: String, f: &Figures) -> Vec<Cell> {
    vec![
        Cell::Text(kind),
        Cell::Text(group),
        Cell::Int(i64::from(f.participants)),
        Cell::Number(f64::from(f.fte_permille) / 1000.0, 2),
        hours(f.minutes),
        Cell::Number(f.cost_cents as f64 / 100.0, 2),
    ]
}

pub fn training(t: &TrainingBalance, i: &I18n) -> Vec<Sheet> {
    let headers = [
        "report.col_training_kind",
        "report.col_sex",
        "report.col_participants",
        "report.col_participants_fte",
        "report.col_training_h",
        "report.col_training_cost",
    ]
    .iter()
    .map(|k| i.t(k))
    .collect();
    let mut rows = Vec::new();
    for l in &t.lines {
        let kind = i.choice(l.kind);
        rows.push(row(kind.clone(), i.t("report.men"), &l.men));
        rows.push(row(kind.clone(), i.t("report.women"), &l.women));
        // The sheet has no column for X or unrecorded sex: shown apart only when there are some.
        if l.others.participants > 0 {
            rows.push(row(kind.clone(), i.t("report.sex_other"), &l.others));
        }
        rows.push(row(kind, i.t("col.total"), &l.total));
    }
    vec![Sheet {
        title: i.t("report.sheet_training"),
        headers,
        rows,
    }]
}

pub fn cert_state(i: &I18n, s: CertState) -> String {
    match s {
        CertState::Valid => i.t("training.valid"),
        CertState::Expiring { days } => i.tf("training.expires_in", &[("days", &days.to_string())]),
        CertState::Expired { days } => i.tf("training.expired_ago", &[("days", &days.to_string())]),
    }
}

pub fn planned(i: &I18n, on: Option<chrono::NaiveDate>) -> String {
    match on {
        Some(d) => i.tf("training.session_planned", &[("date", &format_date(d))]),
        None => i.t("training.no_session"),
    }
}
