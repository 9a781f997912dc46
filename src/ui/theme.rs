//! Colours and styles in one place. Everything also reads without colour (markers, reverse video).

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}
pub fn border() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn border_focused() -> Style {
    Style::default().fg(Color::Cyan)
}
pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}
pub fn header() -> Style {
    Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}
pub fn label() -> Style {
    Style::default().fg(Color::Gray)
}
pub fn label_focused() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}
pub fn input() -> Style {
    Style::default().add_modifier(Modifier::UNDERLINED)
}
pub fn input_focused() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}
pub fn error() -> Style {
    Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
}
pub fn ok() -> Style {
    Style::default().fg(Color::Green)
}
pub fn hint() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn key() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}
pub fn muted() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn tab_active() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

/// The terminal colour of a leave type's calendar colour.
pub fn leave_colour(c: crate::domain::leave::leave_type::Colour) -> Color {
    use crate::domain::leave::leave_type::Colour as C;
    match c {
        C::Green => Color::Green,
        C::Cyan => Color::Cyan,
        C::Blue => Color::LightBlue,
        C::Magenta => Color::Magenta,
        C::Yellow => Color::Yellow,
        C::Red => Color::LightRed,
        C::Gray => Color::Gray,
    }
}
/// Weekend and holiday columns of the calendar: shaded, and marked with a dot so they read without colour.
pub fn day_off() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn holiday() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}
