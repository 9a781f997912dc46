//! Choosing a person by typing part of their name, number or job: every person still employed,
//! ranked by the same fuzzy matcher as the command palette (nucleo).

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::{Input, InputRequest};

use crate::domain::today::PersonRef;
use crate::i18n::I18n;
use crate::store::Store;
use crate::ui::theme;
use crate::ui::widgets::popup::{centered, frame_popup};

/// Shown at most; typing narrows the list.
const SHOWN: usize = 200;

/// What the chosen person is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    Enrol(i64),
    Talk,
    /// A training request of the chosen person.
    Request,
}

#[derive(Debug, Clone)]
pub struct PersonPicker {
    pub purpose: PickFor,
    pub title: String,
    pub input: Input,
    pub selected: usize,
    /// Everyone to choose from, with the text matched ("Name (E0012) job").
    pub people: Vec<(PersonRef, String)>,
}

impl PersonPicker {
    pub fn new(store: &Store, purpose: PickFor, title: String) -> PersonPicker {
        let people = store
            .training()
            .people_to_pick()
            .unwrap_or_default()
            .into_iter()
            .map(|(p, job)| {
                let text = format!("{} ({}) {job}", p.name, p.number);
                (p, text)
            })
            .collect();
        PersonPicker {
            purpose,
            title,
            input: Input::default(),
            selected: 0,
            people,
        }
    }

    pub fn edit(&mut self, key: &KeyEvent) {
        match key.code {
            KeyCode::Backspace => {
                self.input.handle(InputRequest::DeletePrevChar);
            }
            KeyCode::Char(c) => {
                self.input.handle(InputRequest::InsertChar(c));
            }
            _ => return,
        }
        self.selected = 0;
    }

    /// The people matching what is typed, best first.
    pub fn matches(&self) -> Vec<&PersonRef> {
        let query = self.input.value();
        if query.trim().is_empty() {
            return self.people.iter().take(SHOWN).map(|(p, _)| p).collect();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, &PersonRef)> = self
            .people
            .iter()
            .filter_map(|(p, text)| {
                Some((
                    pattern.score(Utf32Str::new(text, &mut buf), &mut matcher)?,
                    p,
                ))
            })
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        scored.into_iter().take(SHOWN).map(|(_, p)| p).collect()
    }

    pub fn render(&self, frame: &mut Frame<'_>, i18n: &I18n) {
        let area = centered(frame.area(), 60, 16);
        let inner = frame_popup(frame, area, &self.title);
        let mut lines = vec![Line::from(vec![
            Span::styled("> ", theme::key()),
            Span::raw(self.input.value().to_string()),
        ])];
        let matches = self.matches();
        if matches.is_empty() {
            lines.push(Line::from(Span::styled(
                i18n.t("palette.none"),
                theme::hint(),
            )));
        }
        let room = inner.height.saturating_sub(1) as usize;
        let first = self.selected.saturating_sub(room.saturating_sub(1));
        for (n, p) in matches.iter().enumerate().skip(first).take(room) {
            let style = if n == self.selected {
                theme::selected()
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::from(Span::styled(
                format!("{:<40} {}", p.name, p.number),
                style,
            )));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        frame.set_cursor_position((inner.x + 2 + self.input.visual_cursor() as u16, inner.y));
    }
}
