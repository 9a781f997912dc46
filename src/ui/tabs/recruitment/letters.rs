//! Files the Recruitment tab writes to the export folder, each path shown in the status bar: a
//! letter to the candidate from their page (`g` opens the picker), the vacancy text (`t`) and the
//! upcoming interviews as one calendar file (`c`) from the vacancy list.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::RecruitmentTab;
use crate::documents::recruitment::{CANDIDATE_LETTERS, candidate_letter, vacancy_text};
use crate::documents::{DocError, export_dir};
use crate::domain::choice::Choice;
use crate::i18n::I18n;
use crate::store::{GeneratedDocument, Store};
use crate::ui::action::Action;
use crate::ui::request::Request;
use crate::ui::widgets::bars::Level;

/// How far ahead `c` looks for interviews to put in the calendar file.
const CALENDAR_DAYS: i64 = 365;

/// The letter list shown over a candidate's page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterPicker {
    pub selected: usize,
}

/// The message for a document that could not be written: the field's error, or the cause.
fn doc_error(i18n: &I18n, e: DocError) -> Request {
    let text = match e {
        DocError::Invalid(v) => crate::errors::validation_lines(i18n, &v).join("; "),
        DocError::Store(e) => crate::errors::store_error(i18n, &e),
        DocError::Template(t) => i18n.tf("cli.template_error", &[("detail", &t)]),
        DocError::Io(t) => t,
    };
    Request::Status(text, Level::Error)
}

/// The file the user opens: the print-ready page, else the Markdown.
fn shown_path(d: &GeneratedDocument) -> String {
    d.html_path
        .clone()
        .or_else(|| d.markdown_path.clone())
        .unwrap_or_default()
}

impl RecruitmentTab {
    /// `g` on a candidate's page.
    pub(super) fn open_letters(&mut self, i18n: &I18n) -> Request {
        match self.page.as_ref() {
            Some(p) if p.candidate.purged => {
                Request::Status(i18n.t("err.candidate_purged"), Level::Error)
            }
            Some(_) => {
                self.letters = Some(LetterPicker::default());
                Request::None
            }
            None => Request::None,
        }
    }

    /// The keys while the letter list shows: `Enter` writes the chosen letter and records it.
    pub(super) fn on_letters(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(picker) = self.letters.as_mut() else {
            return Request::None;
        };
        let last = CANDIDATE_LETTERS.len() - 1;
        match action {
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(last),
            Action::Back => self.letters = None,
            Action::Choose => {
                let template = CANDIDATE_LETTERS[picker.selected];
                self.letters = None;
                let Some(app) = self.page_application().map(|a| a.id) else {
                    return Request::None;
                };
                let dir = self.templates_dir.as_deref();
                return match candidate_letter(store, app, template, dir) {
                    Ok((doc, _)) => {
                        self.reload_page(store);
                        Request::Status(
                            i18n.tf(
                                "recruit.letter_written",
                                &[
                                    ("letter", &i18n.t(template.label_key())),
                                    ("path", &shown_path(&doc)),
                                ],
                            ),
                            Level::Info,
                        )
                    }
                    Err(e) => doc_error(i18n, e),
                };
            }
            _ => {}
        }
        Request::None
    }

    /// `t` on the vacancy list: the selected vacancy's text, in the user's language.
    pub(super) fn write_vacancy_text(&self, store: &Store, i18n: &I18n) -> Request {
        let Some(v) = self.vacancies.get(self.vacancy_sel) else {
            return Request::None;
        };
        match vacancy_text(store, v.id, i18n.lang, self.templates_dir.as_deref()) {
            Ok(doc) => Request::Status(
                i18n.tf(
                    "recruit.vacancy_text_written",
                    &[("path", &shown_path(&doc))],
                ),
                Level::Info,
            ),
            Err(e) => doc_error(i18n, e),
        }
    }

    /// `c` on the vacancy list: every interview from today on, as one `.ics` file.
    pub(super) fn export_interviews(&self, store: &Store, i18n: &I18n) -> Request {
        let today = store.clock().today();
        let until = today + chrono::Duration::days(CALENDAR_DAYS);
        let written = (|| {
            let rows = store.recruitment().interviews_between(today, until)?;
            let company = store.settings().company()?;
            let dir = export_dir(store, &company);
            crate::store::create_private_dir(&dir)?;
            let path = crate::safe_file::free_path(
                &dir,
                &format!("{}_interviews", crate::domain::date::iso(today)),
                "ics",
            );
            crate::safe_file::write_bytes(
                &path,
                crate::safe_file::Existing::Refuse,
                crate::ics::interviews(i18n, &rows).as_bytes(),
            )
            .map_err(|e| crate::store::StoreError::Other(e.into()))?;
            Ok::<_, crate::store::StoreError>((rows.len(), path))
        })();
        match written {
            Ok((0, _)) => Request::Status(i18n.t("recruit.no_interviews"), Level::Info),
            Ok((n, path)) => Request::Status(
                i18n.tf(
                    "recruit.interviews_written",
                    &[
                        ("count", &n.to_string()),
                        ("path", &path.display().to_string()),
                    ],
                ),
                Level::Info,
            ),
            Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        }
    }
}

/// The letters a candidate can be sent, with what each is for.
pub fn render_picker(p: &LetterPicker, frame: &mut Frame<'_>, area: Rect, who: &str, i18n: &I18n) {
    crate::ui::tabs::dossiers::generate::render_templates(
        frame,
        area,
        &CANDIDATE_LETTERS,
        p.selected,
        who,
        "recruit.letters_hint",
        i18n,
    );
}
