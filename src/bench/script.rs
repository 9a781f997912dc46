//! The key script a bench replays: named groups of keys, written as in `keymap.toml` ("j", "pgdown",
//! "ctrl-s"), one group per line (`label: key key …`), `#` for comments.

use ratatui::crossterm::event::KeyEvent;

use crate::ui::keymap::Key;

/// The default script: every tab, with the keys a person uses most. It only reads (no key saves or
/// confirms anything), so it can run on a real database.
pub const DEFAULT_SCRIPT: &str = "\
# Today, the start screen
today: j j k pgdown home
# The staff list: move, page, both ends
dossiers: 2 j j j k pgdown pgdown pgup end home
# Filter as you type: one and two letters, an accent, a longer name, then back to everyone
filter: / a n backspace backspace é r i c backspace backspace backspace backspace m a r t i n enter esc
# One dossier and its sections
dossier: enter l l l l h h esc
# The Leave tab: balances, the team calendar, months and days
leave: 3 j j pgdown v pgdown pgup t l l h v
# The Reports tab: the reports one after the other, periods, tables
reports: 6 j j j k ] [ b
# The payroll review (the Reports tab's second view)
payroll: v j j pgdown ] [ v
# Tab switches
tabs: 1 2 3 6 tab shift-tab 2
# The team calendar of one department (the filter matches department names): months forward, back
calendar: 3 / d i r e c t i e enter v pgdown pgdown pgup pgup v
";

/// One key of the script and the group it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub group: String,
    /// The key as written in the script, for the report.
    pub label: String,
    pub key: KeyEvent,
}

/// A line of the script that could not be read: its number (from 1) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptError {
    /// A line without `label:` before its keys.
    NoLabel { line: usize },
    /// A key name that `keymap.toml` would not accept either.
    UnknownKey { line: usize, key: String },
    /// Nothing to replay.
    Empty,
}

/// Reads a script; every key must parse, so a typo never shortens the run silently.
pub fn parse(text: &str) -> Result<Vec<Step>, ScriptError> {
    let mut steps = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((group, keys)) = line.split_once(": ") else {
            return Err(ScriptError::NoLabel { line: n + 1 });
        };
        for word in keys.split_whitespace() {
            let key = Key::parse(word).ok_or_else(|| ScriptError::UnknownKey {
                line: n + 1,
                key: word.to_string(),
            })?;
            steps.push(Step {
                group: group.trim().to_string(),
                label: word.to_string(),
                key: KeyEvent::new(key.code, key.mods),
            });
        }
    }
    if steps.is_empty() {
        return Err(ScriptError::Empty);
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn the_default_script_parses_and_visits_every_tab() {
        let steps = parse(DEFAULT_SCRIPT).unwrap();
        for tab in ["1", "2", "3", "6"] {
            assert!(steps.iter().any(|s| s.label == tab), "tab {tab} is visited");
        }
        assert!(steps.len() > 60);
        assert_eq!(steps[0].group, "today");
    }

    #[test]
    fn keys_are_read_as_in_the_keymap_file() {
        let steps = parse("# a comment\n\nx: ctrl-s G é pgdown\n").unwrap();
        let keys: Vec<_> = steps
            .iter()
            .map(|s| (s.key.code, s.key.modifiers))
            .collect();
        assert_eq!(
            keys,
            vec![
                (KeyCode::Char('s'), KeyModifiers::CONTROL),
                (KeyCode::Char('G'), KeyModifiers::NONE),
                (KeyCode::Char('é'), KeyModifiers::NONE),
                (KeyCode::PageDown, KeyModifiers::NONE),
            ]
        );
        assert!(steps.iter().all(|s| s.group == "x"));
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(parse("j k"), Err(ScriptError::NoLabel { line: 1 }));
        assert_eq!(
            parse("a: j\nb: j wobble"),
            Err(ScriptError::UnknownKey {
                line: 2,
                key: "wobble".into()
            })
        );
        assert_eq!(parse("# nothing\n"), Err(ScriptError::Empty));
    }
}
