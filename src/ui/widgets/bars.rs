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

/// A row of section labels that keeps the selected one in view: when they do not all fit in
/// `width`, the window slides so the selection shows, and `‹` / `›` say that more lie that way.
pub fn section_line(labels: Vec<Span<'static>>, selected: usize, width: u16) -> Line<'static> {
    let widths: Vec<usize> = labels.iter().map(|s| s.width() + 1).collect();
    let (first, last) = visible_window(&widths, selected, usize::from(width));
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::raw("‹ "));
    }
    for label in labels.into_iter().take(last + 1).skip(first) {
        spans.push(label);
        spans.push(Span::raw(" "));
    }
    if last + 1 < widths.len() {
        spans.push(Span::raw("›"));
    }
    Line::from(spans)
}

/// The first and last item shown when items of these widths share `width` columns, with room
/// for the two-column markers, the selected one always inside.
fn visible_window(widths: &[usize], selected: usize, width: usize) -> (usize, usize) {
    if widths.is_empty() {
        return (0, 0);
    }
    let selected = selected.min(widths.len() - 1);
    if widths.iter().sum::<usize>() <= width {
        return (0, widths.len() - 1);
    }
    let room = width.saturating_sub(4);
    let (mut first, mut last) = (selected, selected);
    let mut used = widths[selected];
    // Grow to the right first (what comes next is what the user is heading for), then left.
    while last + 1 < widths.len() && used + widths[last + 1] <= room {
        last += 1;
        used += widths[last];
    }
    while first > 0 && used + widths[first - 1] <= room {
        first -= 1;
        used += widths[first];
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::visible_window;

    #[test]
    fn everything_shows_when_it_fits() {
        assert_eq!(visible_window(&[10, 10, 10], 2, 30), (0, 2));
    }

    #[test]
    fn the_selected_item_is_always_inside_the_window() {
        let widths = [12, 9, 25, 12, 18, 12, 8, 10];
        for selected in 0..widths.len() {
            let (first, last) = visible_window(&widths, selected, 60);
            assert!(
                first <= selected && selected <= last,
                "{selected}: {first}..{last}"
            );
            let used: usize = widths[first..=last].iter().sum();
            assert!(used <= 56, "{selected}: {used} columns");
        }
    }

    #[test]
    fn the_window_slides_right_from_the_selection() {
        assert_eq!(visible_window(&[10, 10, 10, 10, 10], 3, 34), (2, 4));
    }
}
