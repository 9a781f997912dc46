//! The passphrase prompt shown before an encrypted database opens: masked input, three tries, and
//! the reason of a refusal; nothing is opened or written until the passphrase is right.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::I18n;
use crate::store::{Passphrase, Store, StoreError};
use crate::ui::theme;
use crate::ui::widgets::popup::{centered, frame_popup};

/// Wrong passphrases allowed before Dossier gives up (and leaves the file as it was).
pub const TRIES: u8 = 3;

/// What a key did to the prompt.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Typing,
    Submit(Passphrase),
    Cancel,
}

/// The prompt's state: the typed passphrase (never drawn), the tries left, the last refusal.
pub struct Unlock {
    path: PathBuf,
    typed: String,
    tries_left: u8,
    refusal: Option<String>,
    /// The passphrase is being tried: deriving the key takes a moment, so the screen says so.
    checking: bool,
}

impl Unlock {
    pub fn new(path: &Path) -> Unlock {
        Unlock {
            path: path.to_path_buf(),
            typed: String::new(),
            tries_left: TRIES,
            refusal: None,
            checking: false,
        }
    }

    pub fn tries_left(&self) -> u8 {
        self.tries_left
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Typing;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('c') if ctrl => return Outcome::Cancel,
            KeyCode::Char('u') if ctrl => self.typed.clear(),
            KeyCode::Enter if !self.typed.is_empty() => {
                return Outcome::Submit(Passphrase::new(std::mem::take(&mut self.typed)));
            }
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Char(c) if !ctrl => self.typed.push(c),
            _ => {}
        }
        Outcome::Typing
    }

    /// A wrong passphrase: one try less, the reason shown, the field empty again.
    pub fn refused(&mut self, reason: String) {
        self.tries_left = self.tries_left.saturating_sub(1);
        self.refusal = Some(reason);
        self.typed.clear();
    }

    pub fn render(&self, frame: &mut Frame<'_>, i18n: &I18n) {
        let area = centered(frame.area(), 72, 12);
        let inner = frame_popup(frame, area, &i18n.t("unlock.title"));
        // The keys keep the bottom line however far a long path or refusal wraps.
        let [body, keys] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        // One dot per character, capped so the length of a long passphrase does not show.
        let dots = "•".repeat(self.typed.chars().count().min(24));
        let mut text = vec![
            Line::from(i18n.tf(
                "unlock.intro",
                &[("path", &self.path.display().to_string())],
            )),
            Line::from(""),
            Line::from(vec![
                Span::styled(format!("{}: ", i18n.t("unlock.passphrase")), theme::label()),
                Span::styled(format!("{dots}▏"), theme::input_focused()),
            ]),
            Line::from(""),
        ];
        if self.checking {
            text.push(Line::from(Span::styled(
                i18n.t("unlock.checking"),
                theme::hint(),
            )));
        } else if let Some(reason) = &self.refusal {
            text.push(Line::from(Span::styled(reason.clone(), theme::error())));
        }
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), body);
        let hint = Line::from(vec![
            Span::styled("Enter", theme::key()),
            Span::raw(format!(" {}   ", i18n.t("unlock.open"))),
            Span::styled("Esc", theme::key()),
            Span::raw(format!(" {}   ", i18n.t("unlock.quit"))),
            Span::styled(
                i18n.tf("unlock.tries", &[("n", &self.tries_left.to_string())]),
                theme::hint(),
            ),
        ]);
        frame.render_widget(Paragraph::new(hint), keys);
    }
}

/// Asks for the passphrase of the encrypted database at `path` in the terminal and opens it with
/// `open`. `Ok(None)`: the user gave up (Esc). After [`TRIES`] wrong passphrases, the last
/// refusal is returned; any other refusal (locked, damaged) at once. The terminal is restored
/// before returning.
pub fn ask(
    i18n: &I18n,
    path: &Path,
    mut open: impl FnMut(&Passphrase) -> Result<Store, StoreError>,
) -> anyhow::Result<Result<Option<Store>, StoreError>> {
    let mut terminal = ratatui::init();
    let mut prompt = Unlock::new(path);
    let result = (|| -> anyhow::Result<Result<Option<Store>, StoreError>> {
        loop {
            terminal.draw(|f| prompt.render(f, i18n))?;
            let Event::Key(key) = event::read()? else {
                continue;
            };
            let key_typed = match prompt.on_key(key) {
                Outcome::Typing => continue,
                Outcome::Cancel => return Ok(Ok(None)),
                Outcome::Submit(key) => key,
            };
            prompt.checking = true;
            terminal.draw(|f| prompt.render(f, i18n))?;
            let opened = open(&key_typed);
            prompt.checking = false;
            match opened {
                Ok(store) => return Ok(Ok(Some(store))),
                Err(e @ StoreError::WrongPassphrase { .. }) => {
                    prompt.refused(crate::errors::store_error(i18n, &e));
                    if prompt.tries_left() == 0 {
                        return Ok(Err(e));
                    }
                }
                Err(e) => return Ok(Err(e)),
            }
        }
    })();
    ratatui::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(u: &mut Unlock, code: KeyCode) -> Outcome {
        u.on_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn typed_characters_make_the_passphrase_and_enter_submits_it() {
        let mut u = Unlock::new(Path::new("/x/dossier.db"));
        for c in "zon-zee".chars() {
            assert_eq!(press(&mut u, KeyCode::Char(c)), Outcome::Typing);
        }
        press(&mut u, KeyCode::Backspace);
        press(&mut u, KeyCode::Char('E'));
        assert_eq!(
            press(&mut u, KeyCode::Enter),
            Outcome::Submit(Passphrase::new("zon-zeE"))
        );
        // Nothing typed: Enter does nothing rather than try an empty passphrase.
        assert_eq!(press(&mut u, KeyCode::Enter), Outcome::Typing);
        assert_eq!(press(&mut u, KeyCode::Esc), Outcome::Cancel);
    }

    #[test]
    fn each_refusal_costs_a_try_and_empties_the_field() {
        let mut u = Unlock::new(Path::new("/x/dossier.db"));
        press(&mut u, KeyCode::Char('a'));
        u.refused("wrong".into());
        assert_eq!(u.tries_left(), TRIES - 1);
        assert_eq!(press(&mut u, KeyCode::Enter), Outcome::Typing);
    }
}
