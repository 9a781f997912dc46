//! The chart above (or beside) a report's table: bars for counts per group, grouped bars for joiners
//! and leavers, a line for absenteeism per month. Drawn from the computed report only.

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Borders, Chart, Dataset, GraphType};

use crate::domain::choice::Choice;
use crate::domain::reports::Report;
use crate::domain::reports::headcount::{Breakdown, GroupKey};
use crate::i18n::I18n;
use crate::sheet::Cell;
use crate::ui::theme;

/// Labels of horizontal bars are cut to this many characters.
const LABEL_WIDTH: usize = 18;

fn short(text: &str) -> String {
    if text.chars().count() <= LABEL_WIDTH {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(LABEL_WIDTH - 1).collect();
        s.push('…');
        s
    }
}

/// "9,6": one decimal, decimal comma.
fn dec(x: f64) -> String {
    Cell::Number(x, 1).csv_text()
}

fn block(title: Line<'static>) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(title)
}

fn title(text: String) -> Line<'static> {
    Line::from(Span::styled(format!(" {text} "), theme::title()))
}

/// One bar per (label, value, shown value), laid out horizontally: long names stay readable.
fn horizontal(
    frame: &mut Frame<'_>,
    area: Rect,
    head: Line<'static>,
    bars: Vec<(String, u64, String)>,
) {
    let n = bars.len().max(1) as u16;
    let height = area.height.saturating_sub(2);
    // More bars than lines: standing bars if they fit side by side, else the first ones that fit
    // (lists like the Bradford factors come highest first).
    if n > height && n * 2 <= area.width.saturating_sub(2) {
        return vertical(frame, area, head, bars);
    }
    // Thicker bars with a gap when the area has the room (the chart beside the table on wide screens).
    let (width, gap) = if height >= 2 * n {
        (((height + 1) / n).saturating_sub(1).clamp(1, 3), 1)
    } else {
        (1, 0)
    };
    let bars: Vec<Bar> = bars
        .into_iter()
        .map(|(label, value, text)| {
            Bar::default()
                .label(Line::from(short(&label)))
                .value(value)
                .text_value(text)
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .block(block(head))
            .direction(Direction::Horizontal)
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(gap)
            .bar_style(Style::default().fg(Color::Cyan))
            .value_style(Style::default().fg(Color::Black).bg(Color::Cyan)),
        area,
    );
}

/// The same bars standing, for when there are more of them than lines: names are cut to the bar's
/// width (the table below has them in full, in the same order).
fn vertical(
    frame: &mut Frame<'_>,
    area: Rect,
    head: Line<'static>,
    bars: Vec<(String, u64, String)>,
) {
    let n = bars.len().max(1) as u16;
    let slot = area.width.saturating_sub(2) / n;
    let width = slot.saturating_sub(1).max(1);
    let bars: Vec<Bar> = bars
        .into_iter()
        .map(|(label, value, _)| {
            Bar::default()
                .label(Line::from(
                    label.chars().take(width as usize).collect::<String>(),
                ))
                .value(value)
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .block(block(head))
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(u16::from(slot > 1))
            .bar_style(Style::default().fg(Color::Cyan))
            .value_style(Style::default().fg(Color::Black).bg(Color::Cyan)),
        area,
    );
}

pub fn render(report: &Report, table: usize, frame: &mut Frame<'_>, area: Rect, i: &I18n) {
    match report {
        Report::Headcount(h) => {
            let by = Breakdown::ALL[table.min(Breakdown::ALL.len() - 1)];
            let bars = h
                .groups(by)
                .iter()
                .map(|g| {
                    let label = match &g.key {
                        GroupKey::Name(n) if n.is_empty() => i.t("report.no_department"),
                        GroupKey::Name(n) => n.clone(),
                        GroupKey::Choice { label_key, .. } => i.t(label_key),
                    };
                    let fte = Cell::Number(g.fte_permille as f64 / 1000.0, 2).csv_text();
                    (label, u64::from(g.people), format!("{} · {fte}", g.people))
                })
                .collect();
            let head = title(format!(
                "{} · {} / {}",
                crate::report_sheets::headcount_title(by, i),
                i.t("report.col_people"),
                i.t("report.col_fte_schedule")
            ));
            horizontal(frame, area, head, bars);
        }
        Report::Movements(m) => {
            let groups: Vec<BarGroup> = m
                .months
                .iter()
                .map(|x| {
                    BarGroup::default()
                        .label(Line::from(format!("{:02}", x.month.month)))
                        .bars(&[
                            Bar::default()
                                .value(u64::from(x.joiners))
                                .style(Style::default().fg(Color::Green)),
                            Bar::default()
                                .value(u64::from(x.leavers))
                                .style(Style::default().fg(Color::LightRed)),
                        ])
                })
                .collect();
            let head = Line::from(vec![
                Span::styled(format!(" {} ", i.t("report.movements")), theme::title()),
                Span::styled("█ ", Style::default().fg(Color::Green)),
                Span::raw(format!("{}  ", i.t("report.legend_joiners"))),
                Span::styled("█ ", Style::default().fg(Color::LightRed)),
                Span::raw(format!("{} ", i.t("report.legend_leavers"))),
            ]);
            let inner_width = area.width.saturating_sub(2) as usize;
            let per_month = inner_width / m.months.len().max(1);
            let bar_width = ((per_month.saturating_sub(1)) / 2).clamp(1, 4) as u16;
            let mut chart = BarChart::default()
                .block(block(head))
                .bar_width(bar_width)
                .bar_gap(0)
                .group_gap(1);
            for g in groups {
                chart = chart.data(g);
            }
            frame.render_widget(chart, area);
        }
        Report::Absenteeism(a) if table == 0 => {
            let points: Vec<(f64, f64)> = a
                .months
                .iter()
                .enumerate()
                .map(|(n, (_, l))| (n as f64, l.rate_pct()))
                .collect();
            let top = points
                .iter()
                .map(|p| p.1)
                .fold(0.0, f64::max)
                .max(1.0)
                .ceil();
            let last = a.months.len().saturating_sub(1);
            let x_labels: Vec<Span> = [0, last / 2, last]
                .iter()
                .filter_map(|n| a.months.get(*n))
                .map(|(m, _)| Span::raw(m.to_string()))
                .collect();
            let data = Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(Style::default().fg(Color::LightRed))
                .data(&points);
            let chart = Chart::new(vec![data])
                .block(block(title(i.t("report.sheet_absence_month"))))
                .x_axis(
                    Axis::default()
                        .bounds([0.0, last.max(1) as f64])
                        .labels(x_labels)
                        .style(theme::muted()),
                )
                .y_axis(
                    Axis::default()
                        .bounds([0.0, top])
                        .labels(vec![
                            Span::raw("0 %"),
                            Span::raw(format!("{} %", dec(top / 2.0))),
                            Span::raw(format!("{} %", dec(top))),
                        ])
                        .style(theme::muted()),
                );
            frame.render_widget(chart, area);
        }
        Report::Absenteeism(a) => {
            let bars = a
                .departments
                .iter()
                .map(|(d, l)| {
                    let name = if d.is_empty() {
                        i.t("report.no_department")
                    } else {
                        d.clone()
                    };
                    let rate = l.rate_pct();
                    (
                        name,
                        (rate * 10.0).round() as u64,
                        format!("{} %", dec(rate)),
                    )
                })
                .collect();
            horizontal(
                frame,
                area,
                title(i.t("report.sheet_absence_department")),
                bars,
            );
        }
        Report::Bradford(b) => {
            let bars = b
                .lines
                .iter()
                .map(|l| (l.name.clone(), l.factor, l.factor.to_string()))
                .collect();
            horizontal(frame, area, title(i.t("report.col_factor")), bars);
        }
        Report::Leave(l) => {
            let bars = l
                .departments
                .iter()
                .map(|d| {
                    let name = if d.department.is_empty() {
                        i.t("report.no_department")
                    } else {
                        d.department.clone()
                    };
                    let h = d.figures.remaining.max(0) as f64 / 60.0;
                    (name, h.round() as u64, format!("{} h", dec(h)))
                })
                .collect();
            let head = title(format!(
                "{} · {}",
                i.t("report.sheet_leave_department"),
                i.t("report.col_remaining_h")
            ));
            horizontal(frame, area, head, bars);
        }
        Report::Training(t) => {
            let bars = t
                .lines
                .iter()
                .map(|l| {
                    let h = l.total.minutes as f64 / 60.0;
                    (i.choice(l.kind), h.round() as u64, format!("{} h", dec(h)))
                })
                .collect();
            let head = title(i.t("report.sheet_training"));
            horizontal(frame, area, head, bars);
        }
        Report::Elections(e) => {
            let mut bars: Vec<Bar> = e
                .quarters
                .iter()
                .map(|q| {
                    Bar::default()
                        .label(Line::from(format!(
                            "{:02}/{}",
                            chrono::Datelike::month(&q.from),
                            chrono::Datelike::year(&q.from) % 100
                        )))
                        .value((q.average * 10.0).round() as u64)
                        .text_value(dec(q.average))
                })
                .collect();
            bars.push(
                Bar::default()
                    .label(Line::from("Ø"))
                    .value((e.average * 10.0).round() as u64)
                    .text_value(dec(e.average))
                    .style(Style::default().fg(Color::Yellow)),
            );
            frame.render_widget(
                BarChart::default()
                    .block(block(title(i.t("report.col_average"))))
                    .data(BarGroup::default().bars(&bars))
                    .bar_width(7)
                    .bar_gap(2)
                    .bar_style(Style::default().fg(Color::Cyan)),
                area,
            );
        }
    }
}
