//! Drawing the staff list: filter line, header with the sort column marked, the visible rows only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::DossiersTab;
use crate::domain::contract::format_fte;
use crate::domain::date::format_date;
use crate::i18n::I18n;
use crate::store::SortColumn;
use crate::ui::shown::shown;
use crate::ui::theme;

pub fn render(tab: &DossiersTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let [filter_area, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter_text = match &tab.filter {
        Some(input) => input.value().to_string(),
        None => tab.query.filter.clone(),
    };
    let mut spans = vec![Span::styled(
        format!("{}: ", i18n.t("list.filter")),
        theme::label(),
    )];
    if filter_text.is_empty() && tab.filter.is_none() {
        spans.push(Span::styled(i18n.t("list.filter_hint"), theme::hint()));
    } else {
        spans.push(Span::styled(
            filter_text.clone(),
            if tab.filter.is_some() {
                theme::input_focused()
            } else {
                theme::input()
            },
        ));
    }
    if tab.query.include_left {
        spans.push(Span::styled(
            format!("   [{}]", i18n.t("list.with_left")),
            theme::key(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), filter_area);
    if let Some(input) = &tab.filter {
        let x = filter_area.x
            + i18n.t("list.filter").chars().count() as u16
            + 2
            + input.visual_cursor() as u16;
        frame.set_cursor_position((x.min(filter_area.right().saturating_sub(1)), filter_area.y));
    }

    let title = i18n.tf(
        "list.title",
        &[
            (
                "pos",
                &if tab.window.total == 0 {
                    0
                } else {
                    tab.window.position() + 1
                }
                .to_string(),
            ),
            ("total", &tab.window.total.to_string()),
        ],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(table_area);
    frame.render_widget(block, table_area);

    if let Some(e) = &tab.error {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), theme::error())),
            inner,
        );
        return;
    }
    if tab.window.total == 0 {
        let key = if tab.query.filter.is_empty() {
            "list.empty"
        } else {
            "list.no_match"
        };
        frame.render_widget(
            Paragraph::new(Span::styled(i18n.t(key), theme::hint())),
            inner,
        );
        return;
    }

    let wide = inner.width >= 110;
    let arrow = if tab.query.descending { " ▼" } else { " ▲" };
    let head = |col: Option<SortColumn>, key: &str| {
        let mut t = i18n.t(key);
        if col == Some(tab.query.sort) {
            t.push_str(arrow);
        }
        Cell::from(t)
    };
    let mut header = vec![
        head(Some(SortColumn::Name), "col.name"),
        head(Some(SortColumn::Number), "col.number"),
        head(Some(SortColumn::Department), "col.department"),
        head(Some(SortColumn::Job), "col.job"),
    ];
    let mut widths = vec![
        Constraint::Fill(3),
        Constraint::Length(9),
        Constraint::Fill(2),
        Constraint::Fill(2),
    ];
    if wide {
        header.push(head(None, "col.contract"));
        widths.push(Constraint::Length(18));
    }
    header.push(head(None, "col.fte"));
    widths.push(Constraint::Length(5));
    header.push(head(Some(SortColumn::Start), "col.start"));
    widths.push(Constraint::Length(11));
    header.push(head(Some(SortColumn::Status), "col.status"));
    widths.push(Constraint::Length(if wide { 20 } else { 10 }));

    let (rows, selected) = tab.window.visible(inner.height.saturating_sub(1) as usize);
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![
                Cell::from(shown(&r.name).into_owned()),
                Cell::from(shown(&r.number).into_owned()),
                Cell::from(shown(&r.department).into_owned()),
                Cell::from(shown(&r.job_title).into_owned()),
            ];
            if wide {
                cells.push(Cell::from(
                    r.contract.map(|c| i18n.choice(c)).unwrap_or_default(),
                ));
            }
            cells.push(Cell::from(
                r.fte_permille.map(format_fte).unwrap_or_default(),
            ));
            cells.push(Cell::from(format_date(r.start_date)));
            cells.push(Cell::from(i18n.choice(r.status)));
            let row = Row::new(cells);
            if i == selected {
                row.style(theme::selected())
            } else {
                row
            }
        })
        .collect();
    let table = Table::new(body, widths)
        .header(Row::new(header).style(theme::header()))
        .column_spacing(1);
    frame.render_widget(table, inner);
}
