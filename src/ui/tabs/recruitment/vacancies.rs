//! The vacancy list: open ones first, each with its candidates per stage.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::RecruitmentTab;
use crate::i18n::I18n;
use crate::ui::theme;

pub fn render(tab: &RecruitmentTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(
            format!(" {} ", i18n.t("recruit.vacancies")),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(e) = &tab.error {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), theme::error())),
            inner,
        );
        return;
    }
    if tab.vacancies.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(i18n.t("recruit.no_vacancies"), theme::hint())),
            inner,
        );
        return;
    }
    let detail_h = 3u16.min(inner.height / 3);
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(detail_h),
    ])
    .areas(inner);
    let title_w = usize::from(inner.width)
        .saturating_sub(1 + 12 + 1 + 10 + 1 + 9)
        .clamp(16, 48);
    let header = format!(
        "{:<title_w$} {:<12} {:>10} {:>9}",
        i18n.t("field.title"),
        i18n.t("field.status"),
        i18n.t("recruit.col_positions"),
        i18n.t("recruit.col_candidates"),
    );
    frame.render_widget(Paragraph::new(Span::styled(header, theme::header())), head);
    let height = usize::from(list.height).max(1);
    let top = tab.vacancy_sel.saturating_sub(height - 1);
    let lines: Vec<Line> = tab
        .vacancies
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, v)| {
            let t: String = v.title.chars().take(title_w).collect();
            let status: String = i18n.choice(v.status).chars().take(12).collect();
            let text = format!(
                "{t:<title_w$} {status:<12} {:>10} {:>9}",
                format!("{}/{}", v.filled, v.positions),
                format!("{}/{}", v.active, v.total),
            );
            let style = if i == tab.vacancy_sel {
                theme::selected()
            } else {
                Style::default()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    // The selected vacancy's candidates per stage, in pipeline order.
    if let Some(v) = tab.vacancies.get(tab.vacancy_sel) {
        let counts = tab.counts.get(&v.id).cloned().unwrap_or_default();
        let mut spans = vec![Span::styled(
            format!("{}: ", i18n.t("recruit.funnel")),
            theme::label(),
        )];
        let order = tab.pipeline.columns();
        for s in order {
            let n = counts.iter().find(|(st, _)| *st == s).map_or(0, |c| c.1);
            if n == 0 {
                continue;
            }
            spans.push(Span::raw(format!("{} {n}  ", i18n.choice(s))));
        }
        if v.total == 0 {
            spans.push(Span::styled(
                i18n.t("recruit.no_candidates"),
                theme::muted(),
            ));
        }
        let [rule, text] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(detail);
        frame.render_widget(
            Paragraph::new(Span::styled(
                "─".repeat(usize::from(rule.width)),
                theme::border(),
            )),
            rule,
        );
        frame.render_widget(
            Paragraph::new(Line::from(spans)).wrap(ratatui::widgets::Wrap { trim: true }),
            text,
        );
    }
}
