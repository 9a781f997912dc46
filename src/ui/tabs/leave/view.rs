//! Drawing the team calendar: month title and filter, who is away today, the grid, what the
//! selected cell holds, and the legend of letters.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::LeaveTab;
use super::marks::{self, AbsenceStatus};
use crate::domain::date::format_date;
use crate::domain::leave::request::ShownStatus;
use crate::domain::leave::sickness::SickCause;
use crate::i18n::I18n;
use crate::ui::theme;
use crate::ui::widgets::month_grid::MonthGrid;

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

pub fn render(tab: &LeaveTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let legend = legend_lines(tab, i18n, area.width, area.height);
    let [head, summary, grid, detail, legend_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(legend.len() as u16),
    ])
    .areas(area);
    render_head(tab, frame, head, i18n, month_title(tab, i18n));
    frame.render_widget(Paragraph::new(summary_line(tab, i18n)), summary);
    if render_nothing_to_show(tab, frame, grid, i18n) {
        return;
    }
    let letters: [String; 7] = WEEKDAYS.map(|d| i18n.t(&format!("weekday_short.{d}")));
    let (visible, selected) = tab.window.visible(grid.height.saturating_sub(2) as usize);
    let first = tab.window.selected - selected;
    let rows = &tab.rows[first.min(tab.rows.len())..(first + visible.len()).min(tab.rows.len())];
    MonthGrid {
        days: &tab.days,
        weekday_letters: &letters,
        rows,
        selected_row: Some(selected),
        selected_day: tab.day.day0() as usize,
    }
    .render(frame, grid);
    frame.render_widget(Paragraph::new(detail_line(tab, i18n)), detail);
    frame.render_widget(Paragraph::new(legend), legend_area);
}

/// In place of either view: what could not be read, or that nobody is employed or matches the
/// filter. Whether it drew anything.
pub(super) fn render_nothing_to_show(
    tab: &LeaveTab,
    frame: &mut Frame<'_>,
    area: Rect,
    i18n: &I18n,
) -> bool {
    let text = match (&tab.error, tab.window.total, tab.query.filter.is_empty()) {
        (Some(e), _, _) => Span::styled(e.clone(), theme::error()),
        (None, 0, true) => Span::styled(i18n.t("calendar.empty"), theme::hint()),
        (None, 0, false) => Span::styled(i18n.t("calendar.no_people"), theme::hint()),
        _ => return false,
    };
    frame.render_widget(Paragraph::new(text), area);
    true
}

fn month_title(tab: &LeaveTab, i18n: &I18n) -> String {
    // Dutch and French write month names in lower case; as a title it starts with a capital.
    let name = i18n.month(tab.month.month());
    let mut chars = name.chars();
    let month: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    i18n.tf(
        "calendar.title",
        &[("month", &month), ("year", &tab.month.year().to_string())],
    )
}

/// The line above both views: what is shown, which person of how many, and the filter.
pub(super) fn render_head(
    tab: &LeaveTab,
    frame: &mut Frame<'_>,
    area: Rect,
    i18n: &I18n,
    title: String,
) {
    let pos = if tab.window.total == 0 {
        0
    } else {
        tab.window.position() + 1
    };
    let people = i18n.tf(
        "calendar.people",
        &[
            ("pos", &pos.to_string()),
            ("total", &tab.window.total.to_string()),
        ],
    );
    let mut spans = vec![
        Span::styled(title, theme::title()),
        Span::raw("   "),
        Span::styled(people, theme::label()),
        Span::raw("   "),
        Span::styled(format!("{}: ", i18n.t("calendar.filter")), theme::label()),
    ];
    let text = match &tab.filter {
        Some(input) => input.value().to_string(),
        None => tab.query.filter.clone(),
    };
    let before: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    if text.is_empty() && tab.filter.is_none() {
        spans.push(Span::styled(i18n.t("calendar.filter_hint"), theme::hint()));
    } else if tab.filter.is_some() {
        spans.push(Span::styled(text, theme::input_focused()));
    } else {
        spans.push(Span::styled(text, theme::input()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if let Some(input) = &tab.filter {
        let x = area.x + before as u16 + input.visual_cursor() as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

pub(super) fn summary_line(tab: &LeaveTab, i18n: &I18n) -> Line<'static> {
    let a = &tab.absent_today;
    if a.count == 0 {
        return Line::from(Span::styled(
            i18n.t("calendar.nobody_absent"),
            theme::hint(),
        ));
    }
    let count = i18n.tf("calendar.absent_today", &[("count", &a.count.to_string())]);
    Line::from(vec![
        Span::styled(count, theme::label()),
        Span::raw(format!(" — {}", a.names.join(", "))),
    ])
}

fn detail_line(tab: &LeaveTab, i18n: &I18n) -> Line<'static> {
    let Some(person) = tab.window.selected_row() else {
        return Line::default();
    };
    let date = format_date(tab.day);
    let Some(a) = tab.selected_absence() else {
        let text = i18n.tf(
            "calendar.nothing",
            &[("name", &person.name), ("date", &date)],
        );
        return Line::from(Span::styled(text, theme::hint()));
    };
    let Some(t) = tab.types.get(a.type_index) else {
        return Line::default();
    };
    let to =
        a.to.map(format_date)
            .unwrap_or_else(|| i18n.t("calendar.ongoing"));
    let status = match a.status {
        AbsenceStatus::Request(ShownStatus::Taken) => i18n.t("request_status.taken"),
        AbsenceStatus::Request(ShownStatus::Stored(s)) => i18n.choice(s),
        // Illness is what the type already says; other causes (work accident…) are worth naming.
        AbsenceStatus::Sick(SickCause::Illness) => String::new(),
        AbsenceStatus::Sick(cause) => i18n.choice(cause),
    };
    let status = if status.is_empty() {
        status
    } else {
        format!(", {status}")
    };
    Line::from(vec![
        Span::styled(format!("{}, {date}: ", person.name), theme::label()),
        Span::styled(
            format!("{} {}", t.letter, t.name(i18n.lang.code())),
            Style::default()
                .fg(theme::leave_colour(t.colour))
                .add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!(", {} – {to}{status}", format_date(a.from))),
    ])
}

/// The legend packed into lines of `width`, whole entries only. When the full list would crowd a
/// small screen, only the letters used on the loaded rows this month are explained.
fn legend_lines(tab: &LeaveTab, i18n: &I18n, width: u16, height: u16) -> Vec<Line<'static>> {
    let all = marks::legend(&tab.types, i18n.lang.code());
    let pack = |entries: &[(usize, String)]| {
        let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
        let mut used = 0usize;
        let mut items: Vec<(Vec<Span<'static>>, usize)> = entries
            .iter()
            .map(|(i, name)| {
                let t = &tab.types[*i];
                let w = name.chars().count() + 4;
                let spans = vec![
                    Span::styled(
                        t.letter.to_string(),
                        Style::default()
                            .fg(theme::leave_colour(t.colour))
                            .add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(format!(" {name}  ")),
                ];
                (spans, w)
            })
            .collect();
        let note = i18n.t("calendar.pending_note");
        let w = note.chars().count();
        items.push((vec![Span::styled(note, theme::hint())], w));
        for (spans, w) in items {
            if used > 0 && used + w > width as usize {
                lines.push(Vec::new());
                used = 0;
            }
            used += w;
            if let Some(l) = lines.last_mut() {
                l.extend(spans);
            }
        }
        lines.into_iter().map(Line::from).collect::<Vec<_>>()
    };
    let full = pack(&all);
    if full.len() <= 2 || height >= 40 {
        return full;
    }
    let used: Vec<(usize, String)> = all
        .into_iter()
        .filter(|(i, _)| {
            let letter = tab.types[*i].letter;
            tab.rows
                .iter()
                .flat_map(|r| r.marks.iter().flatten())
                .any(|m| m.letter == letter)
        })
        .collect();
    pack(&used)
}
