//! A month grid: one row per person, one column per day; weekends, holidays and each kind of
//! absence shown with a letter (so it reads without colour) and a colour. It scrolls sideways to
//! keep the selected day visible in narrow terminals. It draws only what it is given.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::leave::leave_type::Colour;
use crate::ui::theme;

/// One column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridDay {
    pub date: NaiveDate,
    pub weekend: bool,
    /// A legal holiday or a company day off: nobody is charged leave.
    pub holiday: bool,
    pub today: bool,
}

/// A person's absence on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub letter: char,
    pub colour: Colour,
    /// Requested, not yet approved: shown in lower case.
    pub pending: bool,
    /// Part of the day only (a morning, an afternoon, some hours): shown as "V½".
    pub part_day: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub label: String,
    /// One entry per [`GridDay`], in the same order.
    pub marks: Vec<Option<Mark>>,
}

pub struct MonthGrid<'a> {
    pub days: &'a [GridDay],
    /// Short weekday names, Monday first (translated by the caller).
    pub weekday_letters: &'a [String; 7],
    pub rows: &'a [GridRow],
    /// Index into `rows` of the highlighted person, if any.
    pub selected_row: Option<usize>,
    /// Index into `days` of the highlighted day.
    pub selected_day: usize,
}

/// Width of one day column: a space and two characters.
const CELL: u16 = 3;

impl MonthGrid<'_> {
    /// The first day column drawn, so that the selected day is visible.
    pub fn first_visible_day(&self, width: u16) -> usize {
        let label_w = Self::label_width(width);
        let visible = (width.saturating_sub(label_w) / CELL).max(1) as usize;
        self.selected_day.saturating_sub(visible - 1)
    }

    fn label_width(width: u16) -> u16 {
        (width / 4).clamp(12, 28)
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect) {
        let label_w = Self::label_width(area.width);
        let first = self.first_visible_day(area.width);
        let visible = (area.width.saturating_sub(label_w) / CELL) as usize;
        let days = &self.days[first..(first + visible).min(self.days.len())];
        let pad = |s: &str| format!("{:<w$}", s, w = label_w as usize);

        let mut weekday = vec![Span::raw(pad(if first > 0 { "◂" } else { "" }))];
        let mut number = vec![Span::raw(pad(""))];
        for (i, d) in days.iter().enumerate() {
            let style = self.column_style(d, first + i == self.selected_day);
            let letter = &self.weekday_letters[d.date.weekday().num_days_from_monday() as usize];
            weekday.push(Span::styled(format!("{:>3}", letter), style));
            number.push(Span::styled(format!("{:>3}", d.date.day()), style));
        }
        let mut lines = vec![Line::from(weekday), Line::from(number)];
        for (r, row) in self.rows.iter().enumerate() {
            let selected = self.selected_row == Some(r);
            let label: String = row.label.chars().take(label_w as usize - 1).collect();
            let mut spans = vec![Span::styled(
                pad(&label),
                if selected {
                    theme::selected()
                } else {
                    Style::default()
                },
            )];
            for (i, d) in days.iter().enumerate() {
                let mark = row.marks.get(first + i).copied().flatten();
                spans.push(self.cell(d, mark, selected && first + i == self.selected_day));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn column_style(&self, d: &GridDay, selected: bool) -> Style {
        let mut s = if d.holiday {
            theme::holiday()
        } else if d.weekend {
            theme::day_off()
        } else {
            Style::default()
        };
        if d.today {
            s = s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        }
        if selected {
            s = s.add_modifier(Modifier::REVERSED);
        }
        s
    }

    fn cell(&self, d: &GridDay, mark: Option<Mark>, cursor: bool) -> Span<'static> {
        let (text, mut style) = match mark {
            Some(m) => {
                let letter = if m.pending {
                    m.letter.to_ascii_lowercase()
                } else {
                    m.letter
                };
                let text = if m.part_day {
                    format!("{letter:>2}½")
                } else {
                    format!("{letter:>3}")
                };
                (
                    text,
                    Style::default()
                        .fg(theme::leave_colour(m.colour))
                        .add_modifier(Modifier::BOLD),
                )
            }
            None if d.holiday => ("  F".to_string(), theme::holiday()),
            None if d.weekend => ("  ·".to_string(), theme::day_off()),
            None => ("   ".to_string(), Style::default()),
        };
        if cursor {
            style = style.add_modifier(Modifier::REVERSED);
        }
        Span::styled(text, style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::{Terminal, backend::TestBackend};

    fn days(n: u32) -> Vec<GridDay> {
        (1..=n)
            .map(|d| {
                let date = NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
                GridDay {
                    date,
                    weekend: date.weekday().num_days_from_monday() >= 5,
                    holiday: d == 11,
                    today: d == 23,
                }
            })
            .collect()
    }

    fn draw(grid: &MonthGrid<'_>, width: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(width, 4)).unwrap();
        t.draw(|f| grid.render(f, f.area())).unwrap();
        t.backend().to_string()
    }

    #[test]
    fn keeps_the_selected_day_visible_and_marks_holidays_weekends_and_leave() {
        let days = days(30);
        let letters = ["M", "T", "W", "T", "F", "S", "S"].map(String::from);
        let mut marks = vec![None; 30];
        marks[22] = Some(Mark {
            letter: 'V',
            colour: Colour::Green,
            pending: false,
            part_day: false,
        });
        marks[23] = Some(Mark {
            letter: 'V',
            colour: Colour::Green,
            pending: true,
            part_day: false,
        });
        marks[24] = Some(Mark {
            letter: 'V',
            colour: Colour::Green,
            pending: false,
            part_day: true,
        });
        let rows = vec![GridRow {
            label: "Peeters, An".into(),
            marks,
        }];
        let mut grid = MonthGrid {
            days: &days,
            weekday_letters: &letters,
            rows: &rows,
            selected_row: Some(0),
            selected_day: 0,
        };
        let wide = draw(&grid, 200);
        assert!(wide.contains("Peeters, An"), "{wide}");
        assert!(wide.contains("  F"), "holiday on the 11th: {wide}");
        assert!(wide.contains("  ·"), "weekends: {wide}");
        assert!(
            wide.contains("  V  v V½"),
            "approved, pending, half a day: {wide}"
        );
        // At 40 columns only a few days fit: selecting the 30th scrolls the grid.
        grid.selected_day = 29;
        assert!(grid.first_visible_day(40) > 0);
        let narrow = draw(&grid, 40);
        assert!(narrow.contains(" 30"), "{narrow}");
        assert!(narrow.contains('◂'), "{narrow}");
    }
}
