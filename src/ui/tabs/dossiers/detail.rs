//! Drawing one dossier: a header, the section bar and the chosen section's lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Detail, Section};
use crate::domain::contract::format_fte;
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::ids::{format_iban, mask_rrn};
use crate::domain::money::{format_cents, format_minutes};
use crate::i18n::I18n;
use crate::ui::shown::shown;
use crate::ui::theme;
use crate::ui::widgets::bars;

fn kv(i18n: &I18n, field: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{:<24}", i18n.t(&format!("field.{field}"))),
            theme::label(),
        ),
        Span::raw(shown(&value).into_owned()),
    ])
}

fn heading(text: String) -> Line<'static> {
    Line::from(Span::styled(text, theme::header()))
}

fn lines(d: &Detail, i18n: &I18n) -> Vec<Line<'static>> {
    let x = &d.dossier.employee.data;
    let empty = |t: String| if t.is_empty() { "—".to_string() } else { t };
    let mut out = Vec::new();
    match Section::ALL[d.section] {
        Section::Identity => {
            out.push(kv(i18n, "first_name", x.first_name.clone()));
            out.push(kv(i18n, "last_name", x.last_name.clone()));
            out.push(kv(i18n, "preferred_name", empty(x.preferred_name.clone())));
            out.push(kv(i18n, "sex", i18n.choice(x.sex)));
            out.push(kv(i18n, "birth_date", empty(format_opt_date(x.birth_date))));
            out.push(kv(i18n, "birth_place", empty(x.birth_place.clone())));
            out.push(kv(i18n, "nationality", empty(x.nationality.clone())));
            // Masked on screen: the full number is only needed for declarations (edit form, exports asked for).
            out.push(kv(
                i18n,
                "rrn",
                x.rrn.as_deref().map(mask_rrn).unwrap_or_else(|| "—".into()),
            ));
            out.push(kv(i18n, "language", i18n.choice(x.language)));
            out.push(kv(i18n, "marital_status", i18n.choice(x.marital_status)));
            out.push(kv(
                i18n,
                "children_in_charge",
                x.children_in_charge.to_string(),
            ));
            out.push(Line::from(""));
            out.push(heading(i18n.t("section.dependants")));
            if d.dossier.dependants.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.none"),
                    theme::hint(),
                )));
            }
            for p in &d.dossier.dependants {
                let mut flags = Vec::new();
                if p.in_charge {
                    flags.push(i18n.t("field.in_charge"));
                }
                if p.disabled {
                    flags.push(i18n.t("field.disabled"));
                }
                out.push(Line::from(format!(
                    "{} — {} {} {}",
                    p.name,
                    i18n.choice(p.relation),
                    format_opt_date(p.birth_date),
                    flags.join(", ")
                )));
            }
        }
        Section::Contact => {
            let a = &x.address;
            let street = format!(
                "{} {}{}",
                a.street,
                a.number,
                if a.box_nr.is_empty() {
                    String::new()
                } else {
                    format!(" {} {}", i18n.t("field.box_nr"), a.box_nr)
                }
            );
            out.push(kv(i18n, "street", empty(street.trim().to_string())));
            out.push(kv(
                i18n,
                "municipality",
                empty(
                    format!("{} {}", a.postal_code, a.municipality)
                        .trim()
                        .to_string(),
                ),
            ));
            out.push(kv(i18n, "country", a.country.clone()));
            out.push(kv(i18n, "phone", empty(x.phone.clone())));
            out.push(kv(i18n, "email_private", empty(x.email_private.clone())));
            out.push(kv(i18n, "email_work", empty(x.email_work.clone())));
            out.push(kv(
                i18n,
                "iban",
                x.iban
                    .as_deref()
                    .map(format_iban)
                    .unwrap_or_else(|| "—".into()),
            ));
            out.push(Line::from(""));
            out.push(heading(i18n.t("section.emergency")));
            if d.dossier.contacts.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.none"),
                    theme::hint(),
                )));
            }
            for c in &d.dossier.contacts {
                out.push(Line::from(format!(
                    "{} ({}) — {} {}",
                    c.name, c.relation, c.phone, c.email
                )));
            }
        }
        Section::Employment => {
            out.push(kv(i18n, "number", x.number.clone()));
            out.push(kv(i18n, "department", empty(x.department.clone())));
            out.push(kv(i18n, "job_title", empty(x.job_title.clone())));
            out.push(kv(
                i18n,
                "manager",
                d.dossier
                    .manager
                    .as_ref()
                    .map(|(n, name)| format!("{name} ({n})"))
                    .unwrap_or_else(|| "—".into()),
            ));
            out.push(kv(i18n, "category", i18n.choice(x.category)));
            out.push(kv(
                i18n,
                "joint_committee",
                empty(x.joint_committee.clone()),
            ));
            out.push(kv(i18n, "start_date", format_date(x.start_date)));
            out.push(kv(i18n, "seniority_date", format_date(x.seniority_date)));
            out.push(kv(i18n, "status", i18n.choice(x.status)));
            if let Some(dep) = &d.dossier.departure {
                out.push(kv(i18n, "end_date", format_date(dep.end_date)));
                out.push(kv(i18n, "ended_by", i18n.choice(dep.ended_by)));
                out.push(kv(i18n, "reason", empty(dep.reason.clone())));
                out.push(kv(
                    i18n,
                    "notice_weeks",
                    dep.notice_weeks
                        .map(|w| w.to_string())
                        .unwrap_or_else(|| "—".into()),
                ));
            }
            out.push(Line::from(""));
            out.push(heading(i18n.t("section.contracts")));
            if d.dossier.contracts.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.no_contract"),
                    theme::hint(),
                )));
            }
            for c in d.dossier.contracts.iter().rev() {
                let c = &c.data;
                out.push(Line::from(format!(
                    "{:<22} {} – {:<10}  {:>6} ({})  {}  € {}",
                    i18n.choice(c.kind),
                    format_date(c.start),
                    format_opt_date(c.end),
                    format_minutes(c.weekly_minutes),
                    format_fte(c.fte_permille()),
                    c.schedule,
                    c.gross_monthly_cents
                        .map(format_cents)
                        .unwrap_or_else(|| "—".into())
                )));
            }
            out.extend(schedule_note(d, i18n));
            out.push(Line::from(""));
            out.push(heading(i18n.t("section.job_changes")));
            if d.dossier.job_changes.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.none"),
                    theme::hint(),
                )));
            }
            for j in d.dossier.job_changes.iter().rev() {
                out.push(Line::from(format!(
                    "{}  {} — {}  {}",
                    format_date(j.effective),
                    j.department,
                    j.job_title,
                    j.note
                )));
            }
        }
        // Drawn by `render` itself: it scrolls with the selected task.
        // Drawn on their own in `render`.
        Section::Checklist | Section::Confidential => {}
        Section::Leave => out.extend(d.absence.lines(i18n)),
        Section::Training => out.extend(d.training.lines(i18n)),
        Section::Documents => {
            out.push(heading(i18n.t("detail.generated")));
            if d.generated.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.no_generated"),
                    theme::hint(),
                )));
            }
            for g in &d.generated {
                let name =
                    <crate::documents::TemplateId as crate::domain::choice::Choice>::from_code(
                        &g.template,
                    )
                    .map(|t| i18n.t(crate::domain::choice::Choice::label_key(t)))
                    .unwrap_or_else(|| g.template.clone());
                let path = g.html_path.as_ref().or(g.markdown_path.as_ref());
                out.push(Line::from(vec![
                    Span::raw(format!(
                        "{}  {:<34} {}  ",
                        format_date(g.generated_on),
                        name,
                        g.language
                    )),
                    Span::styled(path.cloned().unwrap_or_default(), theme::muted()),
                ]));
            }
            out.push(Line::from(""));
            out.push(heading(i18n.t("detail.on_file")));
            if d.dossier.documents.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.no_documents"),
                    theme::hint(),
                )));
            }
            for doc in &d.dossier.documents {
                let expiry = doc
                    .expires
                    .map(|e| format!("  {} {}", i18n.t("field.expires"), format_date(e)))
                    .unwrap_or_default();
                out.push(Line::from(format!(
                    "{}  {:<28} {}  {}{}",
                    format_date(doc.added_on),
                    i18n.choice(doc.kind),
                    doc.title,
                    doc.original_name,
                    expiry
                )));
            }
        }
        Section::Notes => {
            if d.dossier.notes.is_empty() {
                out.push(Line::from(Span::styled(
                    i18n.t("detail.no_notes"),
                    theme::hint(),
                )));
            }
            for n in &d.dossier.notes {
                let mut head = format!("{}  {}", format_date(n.written_on), n.author);
                if n.confidential {
                    head.push_str(&format!("  [{}]", i18n.t("field.confidential")));
                }
                out.push(Line::from(Span::styled(head, theme::label())));
                out.push(Line::from(n.text.clone()));
                out.push(Line::from(""));
            }
        }
        Section::History => {
            for a in &d.history {
                let fields = a.changed_fields();
                let what = if fields.is_empty() {
                    String::new()
                } else {
                    fields
                        .iter()
                        .map(|f| i18n.t(&format!("field.{f}")))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push(Line::from(vec![
                    Span::styled(a.at.format("%d/%m/%Y %H:%M").to_string(), theme::muted()),
                    Span::raw(format!(
                        "  {} {}  {what}",
                        i18n.t(&format!("audit.{}", a.action)),
                        i18n.t(&format!("entity.{}", a.entity))
                    )),
                ]));
            }
        }
    }
    out
}

pub fn render(d: &Detail, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let x = &d.dossier.employee.data;
    let [head, bar, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} ", shown(&x.full_name())), theme::title()),
            Span::raw(format!(
                "· {} · {} · {} · {}",
                shown(&x.number),
                shown(&x.department),
                shown(&x.job_title),
                i18n.choice(x.status)
            )),
        ])),
        head,
    );
    let mut spans = Vec::new();
    for (i, s) in Section::ALL.iter().enumerate() {
        let label = match (s, d.checklist.progress()) {
            (Section::Checklist, Some((done, total))) => {
                format!(" {} {done}/{total} ", i18n.t(s.key()))
            }
            _ => format!(" {} ", i18n.t(s.key())),
        };
        spans.push(if i == d.section {
            Span::styled(label, theme::tab_active())
        } else {
            Span::raw(label)
        });
    }
    frame.render_widget(
        Paragraph::new(bars::section_line(spans, d.section, bar.width)),
        bar,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border());
    // The checklist scrolls with its selected task (not wrapped, so lines and rows agree).
    // The confidential section scrolls with its selected record, like the checklist.
    if Section::ALL[d.section] == Section::Confidential {
        let (text, selected) = d.confidential.lines(i18n, body.width.saturating_sub(2));
        let rows = usize::from(body.height.saturating_sub(2)).max(1);
        let scroll = (selected + 4).saturating_sub(rows);
        frame.render_widget(
            Paragraph::new(text)
                .block(block)
                .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            body,
        );
        return;
    }
    if Section::ALL[d.section] == Section::Checklist {
        let (text, selected) = d.checklist.lines(i18n, body.width.saturating_sub(2));
        let rows = usize::from(body.height.saturating_sub(2)).max(1);
        let scroll = (selected + 2).saturating_sub(rows);
        frame.render_widget(
            Paragraph::new(text)
                .block(block)
                .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            body,
        );
        return;
    }
    frame.render_widget(
        Paragraph::new(lines(d, i18n))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0)),
        body,
    );
}

/// A line when the schedule in force today gives another FTE than the contract (a 1/5 parental
/// leave or a time credit is recorded as a schedule): the staff list shows the contract's FTE, the
/// reports and the social balance sheet the schedule's, and the user should see why they differ.
fn schedule_note(d: &Detail, i18n: &I18n) -> Option<Line<'static>> {
    let today = d.absence.today;
    let contract = crate::domain::contract::current_contract(&d.dossier.contracts, today)?;
    let schedule = d.schedule.as_ref()?;
    let by_contract = contract.data.fte_permille();
    let by_schedule = schedule.fte_permille(contract.data.full_time_minutes);
    if by_contract == by_schedule {
        return None;
    }
    Some(Line::from(Span::styled(
        i18n.tf(
            "detail.schedule_differs",
            &[
                ("from", &format_date(schedule.from)),
                ("hours", &format_minutes(schedule.weekly_minutes())),
                ("fte", &format_fte(by_schedule)),
                ("contract", &format_fte(by_contract)),
            ],
        ),
        theme::hint(),
    )))
}
