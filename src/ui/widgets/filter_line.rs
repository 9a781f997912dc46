//! The "filter as you type" line that the staff list and the team calendar share: what a key does to
//! it, and whether the list must be read again.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use tui_input::{Input, InputRequest};

/// Applies `key` to an open filter line. `Esc` closes it and clears the query; `Enter`, `↑`, `↓`
/// close it and keep the query; text keys edit it. Returns true when `query` changed, i.e. the
/// caller reloads its rows.
pub fn edit(filter: &mut Option<Input>, query: &mut String, key: &KeyEvent) -> bool {
    let Some(input) = filter.as_mut() else {
        return false;
    };
    match key.code {
        KeyCode::Esc => {
            *filter = None;
            query.clear();
            return true;
        }
        KeyCode::Enter | KeyCode::Down | KeyCode::Up => {
            *filter = None;
            return false;
        }
        KeyCode::Char(c) if !c.is_control() => {
            input.handle(InputRequest::InsertChar(c));
        }
        KeyCode::Backspace => {
            input.handle(InputRequest::DeletePrevChar);
        }
        KeyCode::Left => {
            input.handle(InputRequest::GoToPrevChar);
        }
        KeyCode::Right => {
            input.handle(InputRequest::GoToNextChar);
        }
        _ => return false,
    }
    *query = input.value().to_string();
    true
}
