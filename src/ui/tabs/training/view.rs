//! Drawing the Training tab: the sub-view bar, then the chosen list (or an opened session with its
//! attendance grid). Pure: reads the state, never the store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{SessionDetail, TrainingTab, View};
use crate::domain::date::format_date;
use crate::domain::money::{format_cents, format_minutes};
use crate::domain::training::NeedStatus;
use crate::domain::training::certificate::CertState;
use crate::domain::training::right::format_centidays;
use crate::domain::training::session::{Attendance, EnrolmentStatus};
use crate::i18n::I18n;
use crate::training_sheets::{cert_state, planned};
use crate::ui::theme;

/// The certificate state column: wide enough for "missing, needed as" and a job title.
const STATE_WIDTH: usize = 32;

/// Cuts or pads `text` to `width` characters.
pub(super) fn col(text: &str, width: usize) -> String {
    let t: String = text.chars().take(width).collect();
    format!("{t:<width$}")
}

pub(super) fn warn() -> Style {
    Style::default().fg(Color::Yellow)
}

pub fn render(tab: &TrainingTab, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let mut spans = Vec::new();
    for (n, v) in View::ALL.iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled("│", theme::muted()));
        }
        let text = format!(" {} ", i.t(v.key()));
        spans.push(if n == tab.view {
            Span::styled(text, theme::tab_active())
        } else {
            Span::raw(text)
        });
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), bar);
    if let Some(d) = &tab.detail {
        return session(d, tab, frame, body, i);
    }
    let (title, head, rows) = match tab.shown() {
        View::Catalogue => catalogue(tab, i),
        View::Sessions => sessions(tab, i),
        View::Plan => plan(tab, i),
        View::Certificates => certificates(tab, i),
        View::Talks => talks(tab, i),
        View::Requests => super::requests_view::requests(tab, i),
    };
    list(
        frame,
        body,
        title,
        head,
        rows,
        tab.selected[tab.view],
        tab.error.as_deref(),
        i,
    );
}

pub(super) type Rows = Vec<Line<'static>>;

/// A bordered list: lines above the rows (`head`), then the rows scrolled so the selection shows.
#[allow(clippy::too_many_arguments)]
fn list(
    frame: &mut Frame<'_>,
    area: Rect,
    title: String,
    head: Rows,
    rows: Rows,
    selected: usize,
    error: Option<&str>,
    i: &I18n,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = head;
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(e.to_string(), theme::error())));
    }
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            i.t("training.empty"),
            theme::hint(),
        )));
    }
    let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
    let first = selected.saturating_sub(room - 1);
    for (n, row) in rows.into_iter().enumerate().skip(first).take(room) {
        lines.push(if n == selected {
            row.style(theme::selected())
        } else {
            row
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub(super) fn header(text: String) -> Line<'static> {
    Line::from(Span::styled(text, theme::header()))
}

fn catalogue(tab: &TrainingTab, i: &I18n) -> (String, Rows, Rows) {
    let head = vec![header(format!(
        "{} {} {} {} {}",
        col(&i.t("training.col_course"), 34),
        col(&i.t("training.col_kind"), 10),
        col(&i.t("training.col_hours"), 6),
        col(&i.t("training.col_cost"), 10),
        i.t("training.col_certificate"),
    ))];
    let rows = tab
        .courses
        .iter()
        .map(|c| {
            let d = &c.data;
            let cert = d
                .certificate_months
                .map(|m| i.tf("training.valid_months", &[("months", &m.to_string())]))
                .unwrap_or_default();
            let mandatory = if d.mandatory_for.is_empty() {
                String::new()
            } else {
                format!(
                    " · {}: {}",
                    i.t("training.mandatory_for"),
                    d.mandatory_for.join(", ")
                )
            };
            Line::from(format!(
                "{} {} {:>6} {:>10} {cert}{mandatory}",
                col(&d.title, 34),
                col(&i.choice(d.kind), 10),
                format_minutes(d.minutes),
                format_cents(d.cost_cents),
            ))
        })
        .collect();
    (i.t("training.view_catalogue"), head, rows)
}

fn sessions(tab: &TrainingTab, i: &I18n) -> (String, Rows, Rows) {
    let head = vec![header(format!(
        "{} {} {} {}",
        col(&i.t("training.col_dates"), 23),
        col(&i.t("training.col_course"), 30),
        col(&i.t("training.col_seats"), 14),
        i.t("training.col_place"),
    ))];
    let rows = tab
        .sessions
        .iter()
        .map(|s| {
            let (a, b) = (s.data.first_day(), s.data.last_day());
            let dates = if a == b {
                format_date(a)
            } else {
                format!("{}–{}", format_date(a), format_date(b))
            };
            let seats = if s.waiting > 0 {
                format!("{}/{} +{}", s.enrolled, s.data.capacity, s.waiting)
            } else {
                format!("{}/{}", s.enrolled, s.data.capacity)
            };
            let line = Line::from(format!(
                "{} {} {} {}",
                col(&dates, 23),
                col(&s.course, 30),
                col(&seats, 14),
                s.data.place
            ));
            if b < tab.today {
                line.style(theme::muted())
            } else {
                line
            }
        })
        .collect();
    (i.t("training.view_sessions"), head, rows)
}

fn plan(tab: &TrainingTab, i: &I18n) -> (String, Rows, Rows) {
    let p = &tab.plan;
    let planned: i64 = p.lines.iter().map(|l| l.planned_cost_cents).sum();
    let budget = tab.settings.budget_cents;
    let mut head = vec![Line::from(i.tf(
        "training.plan_right",
        &[
            ("people", &p.right.0.to_string()),
            ("due", &format_centidays(p.right.1)),
            ("followed", &format_centidays(p.right.2)),
        ],
    ))];
    let cost = i.tf(
        "training.plan_cost",
        &[
            ("planned", &format_cents(planned)),
            (
                "budget",
                &if budget > 0 {
                    format_cents(budget)
                } else {
                    "—".into()
                },
            ),
        ],
    );
    head.push(Line::from(Span::styled(
        cost,
        if budget > 0 && planned > budget {
            theme::error()
        } else {
            Style::default()
        },
    )));
    for l in &p.lines {
        let dept = if l.department.is_empty() {
            i.t("report.no_department")
        } else {
            l.department.clone()
        };
        head.push(Line::from(Span::styled(
            i.tf(
                "training.plan_line",
                &[
                    ("department", &col(&dept, 20)),
                    ("needs", &l.needs.to_string()),
                    ("open", &l.open.to_string()),
                    ("cost", &format_cents(l.planned_cost_cents)),
                ],
            ),
            theme::hint(),
        )));
    }
    head.push(header(format!(
        "{} {} {} {} {}",
        col(&i.t("col.name"), 24),
        col(&i.t("training.col_need"), 32),
        col(&i.t("field.source"), 16),
        col(&i.t("field.priority"), 8),
        i.t("training.col_status"),
    )));
    let rows = p
        .needs
        .iter()
        .map(|n| {
            let line = Line::from(format!(
                "{} {} {} {} {}",
                col(&n.person.name, 24),
                col(&n.description, 32),
                col(&i.choice(n.source), 16),
                col(&i.choice(n.priority), 8),
                i.choice(n.status)
            ));
            if matches!(n.status, NeedStatus::Done | NeedStatus::Dropped) {
                line.style(theme::muted())
            } else {
                line
            }
        })
        .collect();
    (
        i.tf("training.plan_title", &[("year", &p.year.to_string())]),
        head,
        rows,
    )
}

fn certificates(tab: &TrainingTab, i: &I18n) -> (String, Rows, Rows) {
    let head = vec![header(format!(
        "{} {} {} {} {}",
        col(&i.t("training.col_expires"), 10),
        col(&i.t("col.name"), 24),
        col(&i.t("training.col_course"), 22),
        col(&i.t("training.col_state"), STATE_WIDTH),
        i.t("training.col_session"),
    ))];
    let mut rows: Rows = tab
        .certificates
        .iter()
        .map(|c| {
            let style = match c.state {
                CertState::Expired { .. } => theme::error(),
                _ => warn(),
            };
            Line::from(vec![
                Span::raw(format!(
                    "{} {} {} ",
                    format_date(c.expires),
                    col(&c.person.name, 24),
                    col(&c.record.data.title, 22)
                )),
                Span::styled(col(&cert_state(i, c.state), STATE_WIDTH), style),
                Span::raw(format!(" {}", planned(i, c.planned))),
            ])
        })
        .collect();
    rows.extend(tab.missing.iter().map(|m| {
        Line::from(vec![
            Span::raw(format!(
                "{} {} {} ",
                col("—", 10),
                col(&m.person.name, 24),
                col(&m.course, 22)
            )),
            Span::styled(
                col(
                    &i.tf("training.missing_for_job", &[("job", &m.job_title)]),
                    STATE_WIDTH,
                ),
                theme::error(),
            ),
            Span::raw(format!(" {}", planned(i, m.planned))),
        ])
    }));
    (
        i.tf(
            "training.cert_title",
            &[("days", &tab.settings.expiry_days.to_string())],
        ),
        head,
        rows,
    )
}

fn talks(tab: &TrainingTab, i: &I18n) -> (String, Rows, Rows) {
    let head = vec![header(format!(
        "{} {} {} {}",
        col(&i.t("field.date"), 10),
        col(&i.t("col.name"), 24),
        col(&i.t("training.col_talk"), 34),
        i.t("field.held_by"),
    ))];
    let mut rows: Rows = tab
        .overdue
        .iter()
        .map(|o| {
            Line::from(vec![
                Span::raw(format!(
                    "{} {} ",
                    format_date(o.due),
                    col(&o.person.name, 24)
                )),
                Span::styled(i.t("training.talk_overdue"), theme::error()),
            ])
        })
        .collect();
    rows.extend(tab.talks.iter().map(|(p, t)| {
        let d = &t.data;
        let state = if d.held {
            String::new()
        } else {
            format!(" ({})", i.t("training.planned"))
        };
        let line = Line::from(format!(
            "{} {} {} {}",
            format_date(d.date),
            col(&p.name, 24),
            col(&format!("{}{state}", i.choice(d.kind)), 34),
            d.held_by
        ));
        if d.held { line } else { line.style(warn()) }
    }));
    (i.t("training.view_talks"), head, rows)
}

fn session(d: &SessionDetail, tab: &TrainingTab, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let s = &d.session;
    let mut head = vec![Line::from(format!(
        "{} · {} · {} · {}/{} {}",
        s.data.place,
        s.data.trainer,
        format_minutes(s.data.minutes()),
        s.enrolled,
        s.data.capacity,
        if s.waiting > 0 {
            i.tf(
                "training.waiting_count",
                &[("count", &s.waiting.to_string())],
            )
        } else {
            String::new()
        }
    ))];
    let mut cols = vec![Span::styled(
        format!(
            "{} {} ",
            col(&i.t("col.name"), 24),
            col(&i.t("training.col_status"), 14)
        ),
        theme::header(),
    )];
    for (n, day) in s.data.days.iter().enumerate() {
        let text = format!(" {} ", day.date.format("%d/%m"));
        cols.push(if n == d.day {
            Span::styled(text, theme::tab_active())
        } else {
            Span::styled(text, theme::header())
        });
    }
    head.push(Line::from(cols));
    let rows = d
        .rows
        .iter()
        .map(|r| {
            let mut spans = vec![Span::raw(format!(
                "{} {} ",
                col(&r.person.name, 24),
                col(&i.choice(r.status), 14)
            ))];
            for day in &s.data.days {
                let mark = r
                    .marks
                    .iter()
                    .find(|(on, _)| *on == day.date)
                    .map(|(_, a)| *a);
                let clash = r.clashes.iter().any(|c| c.date == day.date);
                let (text, style) = match mark {
                    Some(Attendance::Present) => ("✓", theme::ok()),
                    Some(Attendance::Absent) => ("✗", theme::error()),
                    Some(Attendance::Excused) => ("E", warn()),
                    None if r.status != EnrolmentStatus::Enrolled => (" ", Style::default()),
                    None => ("·", theme::muted()),
                };
                spans.push(Span::styled(
                    format!("   {text}{}  ", if clash { "!" } else { " " }),
                    style,
                ));
            }
            if let Some(c) = r.clashes.first() {
                spans.push(Span::styled(
                    i.tf(
                        "training.clash",
                        &[("date", &format_date(c.date)), ("what", &i.choice(c.kind))],
                    ),
                    warn(),
                ));
            }
            let line = Line::from(spans);
            if r.status == EnrolmentStatus::Cancelled {
                line.style(theme::muted())
            } else {
                line
            }
        })
        .collect();
    let (a, b) = (s.data.first_day(), s.data.last_day());
    let dates = if a == b {
        format_date(a)
    } else {
        format!("{}–{}", format_date(a), format_date(b))
    };
    let title = format!("{} — {dates}", s.course);
    list(
        frame,
        area,
        title,
        head,
        rows,
        d.selected,
        tab.error.as_deref(),
        i,
    );
}
