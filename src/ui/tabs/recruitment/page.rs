//! A candidate's page: details, then for the application in view the screening checklist with its
//! score, the phone questionnaire, interviews with feedback, references, letters and the timeline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::RecruitmentTab;
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::recruitment::Answer;
use crate::i18n::I18n;
use crate::store::recruitment::{ApplicationPage, CandidatePage};
use crate::ui::theme;

fn heading(text: String) -> Line<'static> {
    Line::from(Span::styled(text, theme::header()))
}

fn pair(label: String, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::label()),
        Span::raw(value),
    ])
}

fn details(p: &CandidatePage, i18n: &I18n) -> Vec<Line<'static>> {
    let d = &p.candidate.data;
    if p.candidate.purged {
        return vec![Line::from(Span::styled(
            i18n.t("err.candidate_purged"),
            theme::muted(),
        ))];
    }
    vec![
        pair(i18n.t("field.email"), d.email.clone()),
        pair(i18n.t("field.phone"), d.phone.clone()),
        pair(i18n.t("field.language"), i18n.choice(d.language)),
        pair(i18n.t("field.source"), i18n.choice(d.source)),
        pair(i18n.t("field.applied_on"), format_date(d.applied_on)),
        pair(i18n.t("field.consent_on"), format_opt_date(d.consent_on)),
        pair(
            i18n.t("recruit.retain_until"),
            format_opt_date(p.retain_until),
        ),
        pair(
            i18n.t("recruit.files"),
            p.files
                .iter()
                .map(|f| f.original_name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        pair(i18n.t("field.notes"), d.notes.clone()),
    ]
}

/// The screening lines; the selected one is marked so `Space` and `e` show what they act on.
fn screening(a: &ApplicationPage, selected: usize, i18n: &I18n) -> Vec<Line<'static>> {
    let r = &a.application;
    let mut out = vec![heading(format!(
        "{} {}%{}",
        i18n.t("recruit.score"),
        r.score.percent(),
        if r.score.knocked_out {
            format!(" ({})", i18n.t("recruit.knocked_out"))
        } else {
            String::new()
        }
    ))];
    if a.screening.is_empty() {
        out.push(Line::from(Span::styled(
            i18n.t("recruit.no_criteria"),
            theme::muted(),
        )));
    }
    for (i, s) in a.screening.iter().enumerate() {
        let (mark, style) = match s.answer {
            Some(Answer::Met) => ("✓", theme::ok()),
            Some(Answer::NotMet) => ("✗", theme::error()),
            Some(Answer::Unclear) => ("?", theme::hint()),
            None => ("·", theme::muted()),
        };
        let answer = s
            .answer
            .map(|x| i18n.choice(x))
            .unwrap_or_else(|| "—".into());
        let req = i18n.choice(s.criterion.requirement);
        let text = format!(
            "{mark} {} ({req}, ×{}) — {answer} {}",
            s.criterion.text, s.criterion.weight, s.note
        );
        let style = if i == selected {
            theme::selected()
        } else {
            style
        };
        out.push(Line::from(Span::styled(text, style)));
    }
    out
}

fn procedure(a: &ApplicationPage, i18n: &I18n) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !a.questionnaire.is_empty() {
        out.push(heading(i18n.t("recruit.questions")));
        // Who called and when, once: one call answers the whole questionnaire.
        if let Some(q) = a.questionnaire.iter().find(|q| q.answered_on.is_some()) {
            out.push(Line::from(Span::styled(
                format!("{} {}", format_opt_date(q.answered_on), q.called_by),
                theme::muted(),
            )));
        }
        for q in &a.questionnaire {
            out.push(Line::from(format!(
                "? {} → {}",
                q.question,
                q.answer.as_deref().filter(|a| !a.is_empty()).unwrap_or("—")
            )));
        }
    }
    out.push(heading(i18n.t("recruit.interviews")));
    if a.interviews.is_empty() {
        out.push(Line::from(Span::styled("—", theme::muted())));
    }
    for iv in &a.interviews {
        let kind = if iv.assessment {
            i18n.t("stage.assessment")
        } else {
            i18n.t("stage.interview")
        };
        out.push(Line::from(format!(
            "{kind} {} {}′ {} · {}",
            iv.start.format("%d/%m/%Y %H:%M"),
            iv.minutes,
            iv.interviewers.join(", "),
            iv.place
        )));
        for f in a.feedback.iter().filter(|f| f.interview_id == iv.id) {
            let scores: Vec<String> = f.scores.iter().map(|(c, s)| format!("{c} {s}/5")).collect();
            out.push(Line::from(format!(
                "  {}: {} {} {}",
                f.interviewer,
                i18n.choice(f.recommendation),
                scores.join(", "),
                f.note
            )));
        }
    }
    out.push(heading(i18n.t("recruit.references")));
    if a.references.is_empty() {
        out.push(Line::from(Span::styled("—", theme::muted())));
    }
    for rc in &a.references {
        out.push(Line::from(format!(
            "{} {} ({}) {}",
            format_date(rc.called_on),
            rc.referee,
            rc.relation,
            rc.notes
        )));
    }
    out.push(heading(i18n.t("recruit.letters")));
    if a.letters.is_empty() {
        out.push(Line::from(Span::styled("—", theme::muted())));
    }
    for l in &a.letters {
        out.push(Line::from(format!(
            "{} {}",
            format_date(l.sent_on),
            i18n.t(&format!("template.{}", l.template))
        )));
    }
    out.push(heading(i18n.t("recruit.timeline")));
    for m in &a.history {
        let from = m
            .from
            .map(|s| format!("{} → ", i18n.choice(s)))
            .unwrap_or_default();
        let reason = if m.to == crate::domain::recruitment::Stage::Rejected {
            i18n.t(&format!("reject.{}", m.reason))
        } else {
            m.reason.clone()
        };
        out.push(Line::from(format!(
            "{} {from}{} {reason}",
            format_date(m.on),
            i18n.choice(m.to)
        )));
    }
    out
}

pub fn render(tab: &RecruitmentTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let Some(p) = &tab.page else { return };
    let app = p
        .applications
        .iter()
        .find(|a| a.application.id == tab.page_app);
    let mut title = p.candidate.data.full_name();
    if let Some(a) = app {
        let r = &a.application;
        title = format!(
            "{title} · {} · {} {}",
            r.vacancy,
            i18n.choice(r.stage),
            format_date(r.stage_since)
        );
        if !r.reject_reason.is_empty() {
            title = format!(
                "{title} ({})",
                i18n.t(&format!("reject.{}", r.reject_reason))
            );
        }
        if p.applications.len() > 1 {
            let pos = p
                .applications
                .iter()
                .position(|x| x.application.id == tab.page_app)
                .unwrap_or(0);
            title = format!("{title} [{}/{}]", pos + 1, p.applications.len());
        }
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Wide screens: details and screening on the left, the procedure on the right; narrow: one column.
    let mut left = details(p, i18n);
    let mut right = Vec::new();
    if let Some(a) = app {
        left.push(Line::from(""));
        left.extend(screening(a, tab.criterion, i18n));
        right = procedure(a, i18n);
    }
    if inner.width >= 110 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(inner);
        frame.render_widget(
            Paragraph::new(scrolled(left, tab.criterion, 10, l.height)),
            l,
        );
        frame.render_widget(Paragraph::new(right), r);
    } else {
        left.push(Line::from(""));
        left.extend(right);
        frame.render_widget(
            Paragraph::new(scrolled(left, tab.criterion, 10, inner.height)),
            inner,
        );
    }
}

/// Keeps the selected screening line (at `offset + selected` + its heading) in view.
fn scrolled(
    lines: Vec<Line<'static>>,
    selected: usize,
    offset: usize,
    height: u16,
) -> Vec<Line<'static>> {
    let h = usize::from(height).max(1);
    let at = offset + 1 + selected;
    let top = (at + 2).saturating_sub(h);
    lines.into_iter().skip(top).collect()
}
