//! The tab bar at the top, the hint bar (generated from the keymap) and the status bar at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::I18n;
use crate::ui::keymap::{Context, Keymap};
use crate::ui::theme;

pub fn render_tabs(frame: &mut Frame<'_>, area: Rect, names: &[String], active: usize) {
    let mut spans = vec![Span::styled(" Dossier ", theme::title())];
    for (i, n) in names.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, n);
        spans.push(if i == active {
            Span::styled(label, theme::tab_active())
        } else {
            Span::raw(label)
        });
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The keys marked as hints for this context, as many as fit.
pub fn render_hints(
    frame: &mut Frame<'_>,
    area: Rect,
    context: Context,
    keymap: &Keymap,
    i18n: &I18n,
) {
    let mut spans = Vec::new();
    let mut width = 0usize;
    for b in keymap.bindings_for(context).into_iter().filter(|b| b.hint) {
        let key = b.key.label();
        let label = i18n.t(&b.action.label_key());
        let w = key.chars().count() + label.chars().count() + 3;
        if width + w > area.width as usize {
            break;
        }
        width += w;
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

pub fn render_status(
    frame: &mut Frame<'_>,
    area: Rect,
    db: &str,
    message: Option<&(String, Level)>,
) {
    let line = match message {
        Some((m, Level::Error)) => Line::from(Span::styled(m.clone(), theme::error())),
        Some((m, Level::Info)) => Line::from(Span::styled(m.clone(), theme::ok())),
        None => Line::from(Span::styled(db.to_string(), theme::muted())),
    };
    frame.render_widget(Paragraph::new(line), area);
}
