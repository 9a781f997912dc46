//! The dossier's "Training" section: the year's training right (days due, followed, remaining),
//! courses followed, certificates with their state, open needs, and talks.

use chrono::{Datelike, NaiveDate};
use ratatui::text::{Line, Span};

use crate::domain::date::format_date;
use crate::domain::money::{format_cents, format_minutes};
use crate::domain::training::TrainingSettings;
use crate::domain::training::certificate::{CertState, TrainingRecord, current_certificates};
use crate::domain::training::right::{TrainingRight, format_centidays};
use crate::domain::training::talk::{Talk, next_due};
use crate::i18n::I18n;
use crate::store::{Need, Store, StoreError};
use crate::ui::theme;

#[derive(Debug, Clone, Default)]
pub struct TrainingPart {
    pub today: NaiveDate,
    pub right: Option<TrainingRight>,
    pub records: Vec<TrainingRecord>,
    pub needs: Vec<Need>,
    pub talks: Vec<Talk>,
    pub settings: TrainingSettings,
    pub start: NaiveDate,
}

impl TrainingPart {
    pub fn load(
        store: &Store,
        employee_id: i64,
        start: NaiveDate,
    ) -> Result<TrainingPart, StoreError> {
        let t = store.training();
        let today = store.clock().today();
        Ok(TrainingPart {
            today,
            right: Some(t.right(employee_id, today.year())?),
            records: t.records(employee_id)?,
            needs: t.needs_of(employee_id)?,
            talks: t.talks_of(employee_id)?,
            settings: t.settings()?,
            start,
        })
    }

    pub fn lines(&self, i: &I18n) -> Vec<Line<'static>> {
        let head = |t: String| Line::from(Span::styled(t, theme::header()));
        let mut out = Vec::new();
        if let Some(r) = &self.right {
            out.push(head(
                i.tf("training.right_head", &[("year", &r.year.to_string())]),
            ));
            out.push(Line::from(i.tf(
                "training.right_line",
                &[
                    ("due", &format_centidays(r.due_centidays)),
                    ("followed", &format_centidays(r.followed_centidays)),
                    ("remaining", &format_centidays(r.remaining_centidays)),
                    ("base", &r.base_days.to_string()),
                ],
            )));
            out.push(Line::from(""));
        }
        out.push(head(i.t("training.certificates")));
        let certs = current_certificates(&self.records);
        if certs.is_empty() {
            out.push(Line::from(Span::styled(
                i.t("training.none"),
                theme::hint(),
            )));
        }
        for c in certs {
            let expires = c.data.expires.unwrap_or(self.today);
            let state = CertState::of(expires, self.today, self.settings.expiry_days);
            let style = match state {
                CertState::Expired { .. } => theme::error(),
                CertState::Expiring { .. } => {
                    ratatui::style::Style::default().fg(ratatui::style::Color::Yellow)
                }
                CertState::Valid => ratatui::style::Style::default(),
            };
            out.push(Line::from(vec![
                Span::raw(format!("  {:<36} {}  ", c.data.title, format_date(expires))),
                Span::styled(crate::training_sheets::cert_state(i, state), style),
            ]));
        }
        out.push(Line::from(""));
        out.push(head(i.t("training.followed")));
        if self.records.is_empty() {
            out.push(Line::from(Span::styled(
                i.t("training.none"),
                theme::hint(),
            )));
        }
        for r in &self.records {
            let d = &r.data;
            out.push(Line::from(format!(
                "  {}  {:<36} {:<10} {:>6}  € {}",
                format_date(d.from),
                d.title,
                i.choice(d.kind),
                format_minutes(d.minutes),
                format_cents(d.cost_cents)
            )));
        }
        let open: Vec<&Need> = self
            .needs
            .iter()
            .filter(|n| {
                matches!(
                    n.status,
                    crate::domain::training::NeedStatus::Open
                        | crate::domain::training::NeedStatus::Planned
                )
            })
            .collect();
        if !open.is_empty() {
            out.push(Line::from(""));
            out.push(head(i.t("training.needs")));
            for n in open {
                out.push(Line::from(format!(
                    "  {}  {:<36} {} · {} · {}",
                    n.year,
                    n.description,
                    i.choice(n.source),
                    i.choice(n.priority),
                    i.choice(n.status)
                )));
            }
        }
        out.push(Line::from(""));
        out.push(head(i.t("training.talks")));
        let last = self
            .talks
            .iter()
            .filter(|t| t.data.held && t.data.kind.is_periodic())
            .map(|t| t.data.date)
            .max();
        let due = next_due(last, self.start, self.settings.talk_months);
        let style = if due < self.today {
            theme::error()
        } else {
            theme::hint()
        };
        out.push(Line::from(Span::styled(
            i.tf("training.next_talk", &[("date", &format_date(due))]),
            style,
        )));
        for t in &self.talks {
            let d = &t.data;
            let score = d
                .average_tenths()
                .map(|s| format!("  Ø {},{}", s / 10, s % 10))
                .unwrap_or_default();
            let state = if d.held {
                i.t("training.held")
            } else {
                i.t("training.planned")
            };
            out.push(Line::from(format!(
                "  {}  {:<34} {:<10} {}{}",
                format_date(d.date),
                i.choice(d.kind),
                state,
                d.held_by,
                score
            )));
            for a in &d.actions {
                let due = a
                    .due
                    .map(|x| format!(" ({})", format_date(x)))
                    .unwrap_or_default();
                out.push(Line::from(Span::styled(
                    format!("      → {}{due}", a.text),
                    theme::hint(),
                )));
            }
        }
        out
    }
}
