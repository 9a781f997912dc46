//! Drawing the Reports tab: the menu, the heading with the period, the chart and the table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell as TableCell, Paragraph, Row, Table, Wrap};

use super::{ENTRIES, Entry, ReportsTab, charts};
use crate::domain::reports::{Report, ReportKind};
use crate::i18n::I18n;
use crate::sheet::{Cell, Sheet};
use crate::ui::theme;

/// From this width the menu is a column at the left; below, a line at the top.
const MENU_COLUMN_FROM: u16 = 100;
/// The menu column; a name longer than fits is shown by its short form.
const MENU_WIDTH: u16 = 30;
/// From this width the chart stands beside the table instead of above it.
const SIDE_BY_SIDE_FROM: u16 = 160;

pub fn render(tab: &ReportsTab, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let main = if area.width >= MENU_COLUMN_FROM {
        let [menu, main] =
            Layout::horizontal([Constraint::Length(MENU_WIDTH), Constraint::Min(40)]).areas(area);
        render_menu_column(tab, frame, menu, i);
        main
    } else {
        let [menu, main] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        render_menu_line(tab, frame, menu, i);
        main
    };
    render_entry(tab, frame, main, i);
}

fn render_menu_column(tab: &ReportsTab, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(
            format!(" {} ", i.t("tab.reports")),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = ENTRIES
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let mut text = format!(" {} ", e.label(i));
            if text.chars().count() > inner.width as usize {
                text = format!(" {} ", e.short_label(i));
            }
            if n == tab.selected {
                Line::from(Span::styled(text, theme::selected()))
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn render_menu_line(tab: &ReportsTab, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let mut spans = Vec::new();
    for (n, e) in ENTRIES.iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled("│", theme::muted()));
        }
        let text = format!(" {} ", e.short_label(i));
        spans.push(if n == tab.selected {
            Span::styled(text, theme::tab_active())
        } else {
            Span::raw(text)
        });
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The selected entry's view: one arm per kind of entry.
fn render_entry(tab: &ReportsTab, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    match tab.entry() {
        Entry::Report(kind) => render_report(tab, kind, frame, area, i),
    }
}

fn render_report(tab: &ReportsTab, kind: ReportKind, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let entry = tab.entry();
    let note = tab.report.as_ref().and_then(|r| note(r, i));
    // The note wraps onto a second line on narrow screens.
    let note_lines = note.as_ref().map_or(0, |n| {
        let w = usize::from(area.width.max(1));
        n.chars().count().div_ceil(w).min(2) as u16
    });
    let [head, info, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(note_lines),
        Constraint::Min(3),
    ])
    .areas(area);
    let period = tab.params.map(|p| p.describe(kind)).unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", entry.label(i)), theme::title()),
            Span::styled(format!(" {period}"), theme::label_focused()),
        ])),
        head,
    );
    if let Some(n) = note {
        frame.render_widget(
            Paragraph::new(Span::styled(n, theme::hint())).wrap(Wrap { trim: true }),
            info,
        );
    }
    if let Some(e) = &tab.error {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), theme::error())).wrap(Wrap { trim: false }),
            body,
        );
        return;
    }
    let (Some(report), Some(sheet)) = (&tab.report, tab.sheets.get(tab.table)) else {
        return;
    };
    if sheet.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(i.t("report.nothing"), theme::hint())),
            body,
        );
        return;
    }
    let (chart, table) = if body.width >= SIDE_BY_SIDE_FROM {
        let [t, c] =
            Layout::horizontal([Constraint::Min(60), Constraint::Percentage(45)]).areas(body);
        // A chart taller than this only stretches the bars.
        let [c, _] = Layout::vertical([Constraint::Max(24), Constraint::Fill(1)]).areas(c);
        (c, t)
    } else {
        let h = (body.height * 2 / 5).clamp(6, 16);
        let [c, t] = Layout::vertical([Constraint::Length(h), Constraint::Min(3)]).areas(body);
        (c, t)
    };
    charts::render(report, tab.table, frame, chart, i);
    render_table(tab, sheet, frame, table, i);
}

/// A line under the heading when the figures need one.
fn note(r: &Report, i: &I18n) -> Option<String> {
    match r {
        Report::Headcount(h) if h.without_schedule > 0 => Some(i.tf(
            "report.without_schedule",
            &[("count", &h.without_schedule.to_string())],
        )),
        Report::Elections(_) => Some(i.t("report.elections_note")),
        _ => None,
    }
}

fn is_number(c: &Cell) -> bool {
    matches!(c, Cell::Int(_) | Cell::Number(..))
}

/// A table's column widths and which columns hold numbers (right-aligned), worked out once when the
/// report is computed: a report on a large company has many rows, and drawing only reads the visible ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pub numeric: Vec<bool>,
    pub widths: Vec<u16>,
}

pub fn columns(sheet: &Sheet) -> Columns {
    let n = sheet.headers.len();
    let mut numeric = vec![false; n];
    let mut widest: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate().take(n) {
            numeric[c] |= is_number(cell);
            widest[c] = widest[c].max(cell.csv_text().chars().count());
        }
    }
    // The last column is cut to the room left when drawn (the timetable's long descriptions).
    let widths = widest
        .iter()
        .enumerate()
        .map(|(c, w)| (*w).min(if c + 1 == n { 200 } else { 48 }) as u16)
        .collect();
    Columns { numeric, widths }
}

fn render_table(tab: &ReportsTab, sheet: &Sheet, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    let (index, count, scroll) = (tab.table, tab.sheets.len(), tab.scroll);
    let cols = tab.columns.get(index).cloned().unwrap_or_default();
    let visible = area.height.saturating_sub(3) as usize;
    let total_label = i.t("col.total");
    let is_total = |r: &Vec<Cell>| matches!(r.first(), Some(Cell::Text(t)) if *t == total_label);
    // A closing total row stays in sight under the rows shown when not all of them fit.
    let pinned = sheet
        .rows
        .last()
        .filter(|r| is_total(r) && sheet.rows.len() > visible);
    let total = sheet.rows.len() - usize::from(pinned.is_some());
    let first = scroll.min(total.saturating_sub(1));
    let last = (first + visible - usize::from(pinned.is_some())).min(total);
    let mut title = format!(" {} ", sheet.title);
    if count > 1 {
        title.push_str(&format!("({}/{count}) ", index + 1));
    }
    if last - first < total {
        title.push_str(&i.tf(
            "report.rows",
            &[
                ("from", &(first + 1).to_string()),
                ("to", &last.to_string()),
                ("count", &total.to_string()),
            ],
        ));
        title.push(' ');
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Two spaces between columns when they fit, else one; when even that is too wide, the widest
    // text column gives up characters (never below 8), so numbers stay whole.
    let mut w = cols.widths.clone();
    let needs = |w: &[u16], spacing: u16| {
        w.iter().sum::<u16>() + spacing * w.len().saturating_sub(1) as u16
    };
    let spacing = if needs(&w, 2) <= inner.width { 2 } else { 1 };
    while needs(&w, spacing) > inner.width {
        let widest_text = (0..w.len())
            .filter(|c| !cols.numeric.get(*c).copied().unwrap_or(false) && w[*c] > 8)
            .max_by_key(|c| w[*c]);
        match widest_text {
            Some(c) => w[c] -= 1,
            None => break,
        }
    }
    let widths: Vec<Constraint> = w.iter().map(|x| Constraint::Length(*x)).collect();
    let align = |text: String, c: usize| {
        let line = Line::from(text);
        if cols.numeric.get(c).copied().unwrap_or(false) {
            line.right_aligned()
        } else {
            line
        }
    };
    let rows: Vec<Row> = sheet.rows[first..last]
        .iter()
        .chain(pinned)
        .map(|r| {
            let style = if is_total(r) {
                theme::title()
            } else {
                Style::default()
            };
            Row::new(
                r.iter()
                    .enumerate()
                    .map(|(c, x)| TableCell::from(align(x.csv_text(), c))),
            )
            .style(style)
        })
        .collect();
    let header = Row::new(
        sheet
            .headers
            .iter()
            .enumerate()
            .map(|(c, h)| TableCell::from(align(h.clone(), c))),
    )
    .style(theme::header());
    frame.render_widget(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(spacing),
        inner,
    );
}
