//! The terminal user interface: the event loop (draw only after an event) and terminal set-up.

pub mod action;
pub mod app;
pub mod company_form;
pub mod form_flow;
pub mod keymap;
pub mod request;
pub mod tabs;
pub mod theme;
pub mod widgets;

use ratatui::crossterm::event::{self, Event};

pub use app::App;

/// Runs the TUI until the user quits. The terminal is restored on quit, on error and on panic
/// (ratatui's `init` installs a panic hook that restores it first).
pub fn run(mut app: App) -> anyhow::Result<()> {
    let mut terminal = ratatui::init();
    let result = (|| -> anyhow::Result<()> {
        terminal.draw(|f| app.render(f))?;
        while !app.quit {
            // Blocking read: no redraw loop, no CPU while idle.
            match event::read()? {
                Event::Key(key) => app.on_key(key),
                Event::Resize(_, _) => {}
                _ => continue,
            }
            terminal.draw(|f| app.render(f))?;
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
