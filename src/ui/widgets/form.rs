//! A reusable form: text, date, choice, number and money fields, each validated by the domain; the
//! message of a field shows beside it as soon as the field is left, and nothing typed is ever lost.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_input::{Input, InputRequest};

use crate::domain::choice::Choice;
use crate::domain::error::ValidationErrors;
use crate::domain::input::TextInput;
use crate::i18n::I18n;
use crate::ui::theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Typed dd/mm/yyyy (yyyy-mm-dd also accepted).
    Date,
    /// Codes with their i18n label keys; ←/→ or Space pick.
    Choice(Vec<(&'static str, &'static str)>),
    /// Options read from the database (codes with labels already in the user's language, e.g. leave
    /// types); ←/→ or Space pick, a letter jumps to the next label starting with it.
    Pick(Vec<(String, String)>),
    Number,
    Money,
    YesNo,
    /// Typed like text, shown as dots, never saved in a draft (a PIN).
    Secret,
}

impl FieldKind {
    pub fn choice<C: Choice>() -> FieldKind {
        FieldKind::Choice(C::ALL.iter().map(|c| (c.code(), c.label_key())).collect())
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    pub input: Input,
    pub visited: bool,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub errors: ValidationErrors,
    /// A message about the whole form (e.g. the store refused it for a reason not tied to one field).
    pub banner: Option<String>,
    /// What saving would do, worked out by the form's owner (e.g. the hours a leave period counts).
    pub notes: Vec<String>,
    /// Labels typed out for fields whose label is data (a vacancy's questions and criteria)
    /// instead of the field's name looked up as `field.<name>`.
    pub labels: Vec<(&'static str, String)>,
    initial: Vec<String>,
}

/// What a key did to the form, for the owner to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    None,
    /// Focus moved off a field: time to validate and show its message.
    Left,
}

impl Form {
    pub fn new<T: TextInput>(
        title: String,
        spec: Vec<(&'static str, FieldKind, bool)>,
        values: &T,
    ) -> Form {
        let fields: Vec<Field> = spec
            .into_iter()
            .map(|(name, kind, required)| Field {
                name,
                kind,
                required,
                input: Input::new(values.get(name).to_string()),
                visited: false,
            })
            .collect();
        let initial = fields.iter().map(|f| f.input.value().to_string()).collect();
        Form {
            title,
            fields,
            focus: 0,
            errors: ValidationErrors::default(),
            banner: None,
            notes: Vec::new(),
            labels: Vec::new(),
            initial,
        }
    }

    /// The label shown before a field.
    pub fn label(&self, name: &str, i18n: &I18n) -> String {
        match self.labels.iter().find(|(n, _)| *n == name) {
            Some((_, l)) => l.clone(),
            None => i18n.t(&format!("field.{name}")),
        }
    }

    /// The typed values as the domain's input struct (fields not on the form keep `base`'s values).
    pub fn values<T: TextInput>(&self, base: &T) -> T {
        let mut v = base.clone();
        for f in &self.fields {
            v.set(f.name, f.input.value().to_string());
        }
        v
    }

    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, i)| f.input.value() != i)
    }

    /// Shows the errors of the fields the user has been through (all of them after a save attempt).
    pub fn show_errors(&mut self, errors: ValidationErrors, all: bool) {
        if all {
            self.fields.iter_mut().for_each(|f| f.visited = true);
        }
        let visited: Vec<&str> = self
            .fields
            .iter()
            .filter(|f| f.visited)
            .map(|f| f.name)
            .collect();
        self.errors = ValidationErrors(
            errors
                .0
                .into_iter()
                .filter(|e| visited.contains(&e.field))
                .collect(),
        );
        if all {
            // Jump to the first field with a problem so the user sees it.
            if let Some(i) = self
                .fields
                .iter()
                .position(|f| self.errors.for_field(f.name).is_some())
            {
                self.focus = i;
            }
        }
    }

    pub fn next_field(&mut self) -> FormEvent {
        self.fields[self.focus].visited = true;
        self.focus = (self.focus + 1) % self.fields.len();
        FormEvent::Left
    }

    pub fn prev_field(&mut self) -> FormEvent {
        self.fields[self.focus].visited = true;
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        FormEvent::Left
    }

    /// Editing keys for the focused field (navigation and save/cancel are actions, handled before this).
    pub fn edit(&mut self, key: &KeyEvent) -> FormEvent {
        let field = &mut self.fields[self.focus];
        // Both kinds of choice as (code, text a letter jumps by).
        let options: Option<Vec<(&str, String)>> = match &field.kind {
            FieldKind::Choice(o) => Some(o.iter().map(|(c, _)| (*c, c.to_lowercase())).collect()),
            FieldKind::Pick(o) => Some(
                o.iter()
                    .map(|(c, l)| (c.as_str(), l.to_lowercase()))
                    .collect(),
            ),
            _ => None,
        };
        if let Some(options) = options {
            let current = options.iter().position(|(c, _)| *c == field.input.value());
            let n = options.len();
            let next = match key.code {
                KeyCode::Right | KeyCode::Char(' ') => current.map_or(0, |i| (i + 1) % n),
                KeyCode::Left => current.map_or(n.saturating_sub(1), |i| (i + n - 1) % n),
                KeyCode::Char(c) => {
                    let c = c.to_lowercase().to_string();
                    let from = current.map_or(0, |i| i + 1);
                    match (0..n)
                        .map(|k| (from + k) % n)
                        .find(|&k| options[k].1.starts_with(&c))
                    {
                        Some(k) => k,
                        None => return FormEvent::None,
                    }
                }
                KeyCode::Backspace | KeyCode::Delete => {
                    field.input = Input::default();
                    return FormEvent::None;
                }
                _ => return FormEvent::None,
            };
            if let Some((code, _)) = options.get(next) {
                field.input = Input::new(code.to_string());
            }
            return FormEvent::None;
        }
        if field.kind == FieldKind::YesNo && matches!(key.code, KeyCode::Char(' ')) {
            let yes =
                crate::domain::records::yes_no(field.name, field.input.value()).unwrap_or(false);
            field.input = Input::new(if yes { "nee" } else { "ja" }.into());
            return FormEvent::None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let req = match key.code {
            KeyCode::Char('u') if ctrl => Some(InputRequest::DeleteLine),
            KeyCode::Char('w') if ctrl => Some(InputRequest::DeletePrevWord),
            KeyCode::Char(c) if !ctrl && !c.is_control() => Some(InputRequest::InsertChar(c)),
            KeyCode::Backspace => Some(InputRequest::DeletePrevChar),
            KeyCode::Delete => Some(InputRequest::DeleteNextChar),
            KeyCode::Left => Some(InputRequest::GoToPrevChar),
            KeyCode::Right => Some(InputRequest::GoToNextChar),
            KeyCode::Home => Some(InputRequest::GoToStart),
            KeyCode::End => Some(InputRequest::GoToEnd),
            _ => None,
        };
        if let Some(r) = req {
            field.input.handle(r);
        }
        FormEvent::None
    }

    fn hint_key(kind: &FieldKind) -> Option<&'static str> {
        match kind {
            FieldKind::Date => Some("form.hint_date"),
            FieldKind::Choice(_) | FieldKind::Pick(_) => Some("form.hint_choice"),
            FieldKind::Money => Some("form.hint_money"),
            FieldKind::YesNo => Some("form.hint_yes_no"),
            FieldKind::Number | FieldKind::Text | FieldKind::Secret => None,
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border_focused())
            .title(Span::styled(format!(" {} ", self.title), theme::title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let label_w = self
            .fields
            .iter()
            .map(|f| self.label(f.name, i18n).chars().count() + 2)
            .max()
            .unwrap_or(10)
            // Long labels (the settings') take up to about half the width, never less than 26.
            .min(26.max(inner.width as usize * 11 / 20)) as u16;
        let value_w = inner.width.saturating_sub(label_w + 1).clamp(8, 44);
        let mut lines: Vec<Line> = Vec::new();
        if let Some(b) = &self.banner {
            lines.push(Line::from(Span::styled(b.clone(), theme::error())));
        }
        for note in &self.notes {
            lines.push(Line::from(Span::styled(note.clone(), theme::label())));
        }
        if !self.notes.is_empty() {
            lines.push(Line::from(""));
        }
        let mut focus_row = lines.len();
        let mut focus_end = focus_row;
        for (i, f) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let mut label = self.label(f.name, i18n);
            if f.required {
                label.push('*');
            }
            let shown = match &f.kind {
                FieldKind::Choice(options) => options
                    .iter()
                    .find(|(c, _)| *c == f.input.value())
                    .map(|(_, k)| format!("‹ {} ›", i18n.t(k)))
                    .unwrap_or_else(|| format!("‹ {} ›", f.input.value())),
                // Whatever language it was typed in, yes/no reads in the user's.
                FieldKind::YesNo => match crate::domain::records::yes_no(f.name, f.input.value()) {
                    Ok(yes) if !f.input.value().trim().is_empty() => {
                        i18n.t(if yes { "cli.yes" } else { "cli.no" })
                    }
                    _ => f.input.value().to_string(),
                },
                FieldKind::Pick(options) => options
                    .iter()
                    .find(|(c, _)| c == f.input.value())
                    .map(|(_, l)| format!("‹ {l} ›"))
                    .unwrap_or_else(|| format!("‹ {} ›", f.input.value())),
                FieldKind::Secret => "•"
                    .repeat(f.input.value().chars().count())
                    .chars()
                    .take(value_w as usize)
                    .collect(),
                _ => {
                    let scroll = if focused {
                        f.input.visual_scroll(value_w as usize - 1)
                    } else {
                        0
                    };
                    f.input
                        .value()
                        .chars()
                        .skip(scroll)
                        .take(value_w as usize)
                        .collect()
                }
            };
            let value_style = if focused {
                theme::input_focused()
            } else {
                theme::input()
            };
            let mut spans = vec![
                Span::styled(
                    format!("{:<w$} ", label, w = label_w as usize),
                    if focused {
                        theme::label_focused()
                    } else {
                        theme::label()
                    },
                ),
                Span::styled(format!("{:<w$}", shown, w = value_w as usize), value_style),
            ];
            if focused {
                focus_row = lines.len();
                focus_end = focus_row;
            }
            let used = label_w as usize + 1 + value_w as usize;
            let room = (inner.width as usize).saturating_sub(used + 1);
            if let Some(e) = self.errors.for_field(f.name) {
                let message = format!("✗ {}", i18n.field_error(e));
                if message.chars().count() <= room {
                    spans.push(Span::styled(format!(" {message}"), theme::error()));
                    lines.push(Line::from(spans));
                } else {
                    // Too long for the space beside the field (narrow terminals): the message goes
                    // on its own lines under the value instead of being cut off at the edge.
                    lines.push(Line::from(spans));
                    let indent = " ".repeat(label_w as usize + 1);
                    let width = (inner.width as usize).saturating_sub(indent.len()).max(10);
                    for part in wrap_words(&message, width) {
                        lines.push(Line::from(Span::styled(
                            format!("{indent}{part}"),
                            theme::error(),
                        )));
                    }
                }
                if focused {
                    focus_end = lines.len() - 1;
                }
                continue;
            }
            if focused && let Some(k) = Self::hint_key(&f.kind) {
                spans.push(Span::styled(format!(" {}", i18n.t(k)), theme::hint()));
            }
            lines.push(Line::from(spans));
        }
        // Keep the focused field on screen in short terminals.
        let height = inner.height as usize;
        // Keep the focused field and its message (which may sit on the lines below) on screen.
        let top = focus_end
            .saturating_sub(height.saturating_sub(1))
            .min(focus_row);
        let visible: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
        frame.render_widget(Paragraph::new(visible), inner);
        let f = &self.fields[self.focus];
        if !matches!(f.kind, FieldKind::Choice(_) | FieldKind::Pick(_)) {
            let scroll = f.input.visual_scroll(value_w as usize - 1);
            let x = inner.x + label_w + 1 + (f.input.visual_cursor().saturating_sub(scroll)) as u16;
            let y = inner.y + (focus_row - top) as u16;
            if y < inner.y + inner.height {
                frame.set_cursor_position((x.min(inner.x + inner.width.saturating_sub(1)), y));
            }
        }
    }
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word is cut).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            line = line.chars().skip(width).collect();
            lines.push(head);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap_words;

    #[test]
    fn wrap_words_keeps_within_width_and_loses_no_word() {
        let text = "✗ Before the start of employment (01/09/2023): check the date";
        let lines = wrap_words(text, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
