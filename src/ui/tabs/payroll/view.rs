//! Drawing the payroll review: the month and its lock, one line per person (worked days and hours,
//! absence hours by code, entries, meal vouchers, warnings marked), the selected person's detail,
//! and the totals of the people loaded.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::PayrollView;
use crate::domain::date::format_date;
use crate::domain::money::format_minutes;
use crate::domain::payroll::figures::EmployeeMonth;
use crate::domain::payroll::month::PayMonth;
use crate::i18n::I18n;
use crate::payroll::words::detail_lines;
use crate::ui::theme;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

pub fn render(v: &PayrollView, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let Some(month) = v.month else { return };
    // The detail panel takes a third of the height, between 5 and 12 lines.
    let detail_height = (area.height / 3).clamp(5, 12);
    let [head, table, detail, totals] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(detail_height),
        Constraint::Length(1),
    ])
    .areas(area);
    render_head(v, month, frame, head, i18n);
    if let Some(e) = &v.error {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), theme::error())),
            table,
        );
        return;
    }
    if v.window.total == 0 {
        let text = i18n.tf("pay.nobody", &[("month", &month_name(month, i18n))]);
        frame.render_widget(Paragraph::new(Span::styled(text, theme::hint())), table);
        return;
    }
    render_table(v, frame, table, i18n);
    render_detail(v, frame, detail, i18n);
    frame.render_widget(Paragraph::new(totals_line(v, i18n)), totals);
}

fn month_name(m: PayMonth, i18n: &I18n) -> String {
    let name = i18n.t(&format!("month.{}", MONTHS[(m.month - 1) as usize]));
    format!("{name} {}", m.year)
}

fn render_head(v: &PayrollView, month: PayMonth, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let title = i18n.tf("pay.title", &[("month", &month_name(month, i18n))]);
    let state = match v.locked {
        Some(d) => Span::styled(
            format!("■ {}", i18n.tf("pay.locked", &[("date", &format_date(d))])),
            theme::ok(),
        ),
        None => Span::styled(i18n.t("pay.open"), theme::hint()),
    };
    let position = format!(
        "  {}/{}",
        (v.window.position() + 1).min(v.window.total),
        v.window.total
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, theme::title()),
            Span::raw("  "),
            state,
            Span::styled(position, theme::muted()),
        ])),
        area,
    );
}

/// Absence hours by payroll code, "1 3h48 · 50 22h48" (guaranteed salary under its own code).
fn codes(m: &EmployeeMonth) -> String {
    let mut by_code: Vec<(String, u32)> = Vec::new();
    for a in &m.absences {
        let code = if a.code.is_empty() {
            "?".to_string()
        } else {
            a.code.clone()
        };
        match by_code.iter_mut().find(|(c, _)| *c == code) {
            Some((_, minutes)) => *minutes += a.minutes,
            None => by_code.push((code, a.minutes)),
        }
    }
    by_code
        .iter()
        .map(|(c, m)| format!("{c} {}", format_minutes(*m)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn render_table(v: &PayrollView, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let wide = area.width >= 110;
    let right = |s: String| Cell::from(Line::from(s).right_aligned());
    // The codes come last: the one column that grows with the screen.
    let mut header = vec![
        Cell::from(i18n.t("col.name")),
        right(i18n.t("col.days")),
        right(i18n.t("col.hours")),
        right(i18n.t("col.absent")),
        right(i18n.t("col.vouchers")),
        Cell::from("!"),
        Cell::from(i18n.t("col.absences")),
    ];
    let mut widths = vec![
        Constraint::Length(if wide { 28 } else { 18 }),
        Constraint::Length(5),
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
    ];
    if wide {
        header.insert(0, Cell::from(i18n.t("col.number")));
        widths.insert(0, Constraint::Length(8));
        header.insert(6, right(i18n.t("col.entries")));
        widths.insert(6, Constraint::Length(8));
    }
    let (rows, selected) = v.window.visible(area.height.saturating_sub(1) as usize);
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let m = v.figures.get(&r.id);
            let num = |f: fn(&EmployeeMonth) -> String| m.map(f).unwrap_or_default();
            let warn = m.map_or(0, |m| m.warnings.len());
            let mut cells = vec![
                Cell::from(r.name.clone()),
                right(num(|m| m.worked_days.to_string())),
                right(num(|m| format_minutes(m.worked_minutes))),
                right(num(|m| match m.absence_minutes() {
                    0 => String::new(),
                    a => format_minutes(a),
                })),
                right(num(|m| m.meal_vouchers.to_string())),
                if warn > 0 {
                    Cell::from(Span::styled("!", theme::error()))
                } else {
                    Cell::from("")
                },
                Cell::from(num(codes)),
            ];
            if wide {
                cells.insert(0, Cell::from(r.number.clone()));
                cells.insert(
                    6,
                    right(num(|m| match m.entries.len() {
                        0 => String::new(),
                        n => n.to_string(),
                    })),
                );
            }
            let row = Row::new(cells);
            if i == selected {
                row.style(theme::selected())
            } else {
                row
            }
        })
        .collect();
    frame.render_widget(
        Table::new(body, widths)
            .header(Row::new(header).style(theme::header()))
            .column_spacing(1),
        area,
    );
}

fn render_detail(v: &PayrollView, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let Some(row) = v.window.selected_row() else {
        return;
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme::border())
        .title(Span::styled(
            format!(" {} {} ", row.number, row.name),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(m), Some(facts)) = (v.figures.get(&row.id), &v.facts) else {
        return;
    };
    let mut lines: Vec<Line> = detail_lines(i18n, facts, m)
        .into_iter()
        .map(|l| {
            if l.starts_with('!') {
                Line::from(Span::styled(l, theme::error()))
            } else {
                Line::from(l)
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            i18n.t("pay.nothing"),
            theme::hint(),
        )));
    }
    // Two columns when the panel is wide and the lines would not fit in one.
    let height = inner.height as usize;
    if lines.len() > height && inner.width >= 100 {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
        let rest = lines.split_off(height);
        frame.render_widget(Paragraph::new(lines), left);
        frame.render_widget(Paragraph::new(rest), right);
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// Totals of the people loaded: everyone in a small company, the window in a large one (it says so).
fn totals_line(v: &PayrollView, i18n: &I18n) -> Line<'static> {
    let shown: Vec<&EmployeeMonth> = v
        .window
        .rows
        .iter()
        .filter_map(|r| v.figures.get(&r.id))
        .collect();
    let label = if shown.len() as u64 >= v.window.total {
        i18n.tf("pay.all_totals", &[("total", &v.window.total.to_string())])
    } else {
        i18n.tf(
            "pay.shown_totals",
            &[
                ("shown", &shown.len().to_string()),
                ("total", &v.window.total.to_string()),
            ],
        )
    };
    let sum = |f: fn(&EmployeeMonth) -> u32| shown.iter().map(|m| u64::from(f(m))).sum::<u64>();
    let minutes = |n: u64| format_minutes(u32::try_from(n).unwrap_or(u32::MAX));
    let text = i18n.tf(
        "pay.sums",
        &[
            ("days", &sum(|m| m.worked_days).to_string()),
            ("hours", &minutes(sum(|m| m.worked_minutes))),
            ("absent", &minutes(sum(EmployeeMonth::absence_minutes))),
            ("vouchers", &sum(|m| m.meal_vouchers).to_string()),
            (
                "warnings",
                &shown
                    .iter()
                    .filter(|m| !m.warnings.is_empty())
                    .count()
                    .to_string(),
            ),
        ],
    );
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::header()),
        Span::raw(text),
    ])
}
