//! Drawing the requests sub-view: pending requests first (the oldest leads), then the decided
//! ones with their answer. Pure: reads the state, never the store.

use ratatui::text::{Line, Span};

use super::TrainingTab;
use super::view::{Rows, col, header, warn};
use crate::domain::date::format_date;
use crate::domain::training::RequestStatus;
use crate::domain::training::request::format_period;
use crate::i18n::I18n;
use crate::ui::theme;

pub(super) fn requests(tab: &TrainingTab, i: &I18n) -> (String, Rows, Rows) {
    let head = vec![header(format!(
        "{} {} {} {} {}",
        col(&i.t("training.col_asked"), 10),
        col(&i.t("col.name"), 20),
        col(&i.t("training.col_course"), 22),
        col(&i.t("training.col_answer"), 14),
        i.t("training.col_wanted"),
    ))];
    let rows = tab
        .requests
        .iter()
        .map(|r| {
            let text = format!(
                "{} {} {} ",
                format_date(r.asked_on),
                col(&r.person.name, 20),
                col(&r.course, 22),
            );
            let style = match r.status {
                RequestStatus::Pending => warn(),
                _ => theme::muted(),
            };
            // After the period: why it was asked (pending), when or why it was answered.
            let note = match r.status {
                RequestStatus::Pending => r.motivation.clone(),
                RequestStatus::Approved => r.decided_on.map(format_date).unwrap_or_default(),
                RequestStatus::Refused => r.reason.clone(),
            };
            let period = format_period(r.wanted_from, r.wanted_to);
            let rest = match (period.is_empty(), note.is_empty()) {
                (false, false) => format!("{period} · {note}"),
                (false, true) => period,
                _ => note,
            };
            Line::from(vec![
                Span::raw(text),
                Span::styled(col(&i.choice(r.status), 14), style),
                Span::styled(format!(" {rest}"), theme::hint()),
            ])
        })
        .collect();
    let pending = tab
        .requests
        .iter()
        .filter(|r| r.status == RequestStatus::Pending)
        .count();
    (
        i.tf(
            "training.requests_title",
            &[("pending", &pending.to_string())],
        ),
        head,
        rows,
    )
}
