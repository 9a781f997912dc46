//! The Reports tab: a menu of entries (left, or a line at the top on narrow screens), and the chosen
//! entry's view: for a report its period, a chart and its tables. Reports are computed when the tab is
//! entered and on a key, never while drawing; `x`/`X` export the shown report to the exports folder.

mod charts;
mod form;
mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::choice::Choice;
use crate::domain::reports::period::{ReportParams, ReportPeriodInput};
use crate::domain::reports::{Person, Report, ReportKind};
use crate::i18n::I18n;
use crate::sheet::Sheet;
use crate::store::{DataVersion, Store};
use crate::ui::action::Action;
use crate::ui::form_flow::{self, FormState, FormStep};
use crate::ui::keymap::Context;
use crate::ui::request::{Pending, Request};
use crate::ui::widgets::bars::Level;
pub use form::PeriodForm;

/// One entry of the menu. The menu is [`ENTRIES`]; what an entry loads and draws is decided in one
/// match each (`load`, `view::render_entry`), so another view (e.g. payroll variables) is one more
/// variant and one more arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Report(ReportKind),
}

pub const ENTRIES: &[Entry] = &[
    Entry::Report(ReportKind::Headcount),
    Entry::Report(ReportKind::Movements),
    Entry::Report(ReportKind::Absenteeism),
    Entry::Report(ReportKind::Bradford),
    Entry::Report(ReportKind::Leave),
    Entry::Report(ReportKind::Elections),
    Entry::Report(ReportKind::Training),
];

impl Entry {
    /// The full name (menu at the left, headings).
    pub fn label(self, i: &I18n) -> String {
        match self {
            Entry::Report(k) => i.t(k.label_key()),
        }
    }

    /// A short name for the one-line menu of narrow screens.
    pub fn short_label(self, i: &I18n) -> String {
        match self {
            Entry::Report(k) => i.t(&format!("report_short.{}", k.code())),
        }
    }
}

pub struct ReportsTab {
    pub today: NaiveDate,
    /// Index in [`ENTRIES`].
    pub selected: usize,
    /// Set on first entering the tab (from the store's today).
    pub params: Option<ReportParams>,
    pub report: Option<Report>,
    /// The report's tables in the user's language (what the table shows and an export writes).
    pub sheets: Vec<Sheet>,
    /// Column widths and alignment of each of `sheets`.
    pub columns: Vec<view::Columns>,
    /// Which of `sheets` is shown.
    pub table: usize,
    /// First row of the table shown.
    pub scroll: usize,
    pub error: Option<String>,
    pub form: Option<FormState<PeriodForm>>,
    pub exports_dir: PathBuf,
    /// Everyone as the reports read them, kept between keys while the data is unchanged: choosing
    /// another report or period then computes without reading the whole company again.
    people: Option<(DataVersion, Vec<Person>)>,
}

impl ReportsTab {
    pub fn new(exports_dir: PathBuf) -> Self {
        ReportsTab {
            today: NaiveDate::default(),
            selected: 0,
            params: None,
            report: None,
            sheets: Vec::new(),
            columns: Vec::new(),
            table: 0,
            scroll: 0,
            error: None,
            form: None,
            exports_dir,
            people: None,
        }
    }

    pub fn entry(&self) -> Entry {
        ENTRIES[self.selected.min(ENTRIES.len() - 1)]
    }

    /// The report the selected entry shows, if it is one.
    fn report_kind(&self) -> Option<ReportKind> {
        match self.entry() {
            Entry::Report(k) => Some(k),
        }
    }

    /// Called when the tab is shown: computes the selected report afresh (data may have changed).
    pub fn enter(&mut self, store: &Store, i18n: &I18n) {
        self.today = store.clock().today();
        if self.params.is_none() {
            self.params = Some(ReportParams::default_for(self.today));
        }
        self.load(store, i18n);
    }

    pub fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else {
            Context::Reports
        }
    }

    /// Computes what the selected entry shows.
    fn load(&mut self, store: &Store, i18n: &I18n) {
        let entry = self.entry();
        let params = self
            .params
            .get_or_insert_with(|| ReportParams::default_for(store.clock().today()));
        let people = match (store.data_version(), self.people.take()) {
            (Ok(now), Some((read, people))) if read == now => Ok((now, people)),
            (now, _) => now.and_then(|now| Ok((now, store.reports().people()?))),
        };
        let result = people.and_then(|(version, people)| {
            let r = match entry {
                Entry::Report(kind) => store.reports().run_on(kind, params, &people),
            };
            self.people = Some((version, people));
            r
        });
        match result {
            Ok(r) => {
                self.sheets = crate::report_sheets::sheets(&r, i18n);
                self.columns = self.sheets.iter().map(view::columns).collect();
                self.report = Some(r);
                self.table = self.table.min(self.sheets.len().saturating_sub(1));
                self.error = None;
            }
            Err(e) => {
                self.report = None;
                self.sheets.clear();
                self.columns.clear();
                self.error = Some(crate::errors::store_error(i18n, &e));
            }
        }
        self.scroll = 0;
    }

    pub fn form_key(&mut self, key: &KeyEvent) {
        if let Some(f) = self.form.as_mut() {
            f.form.edit(key);
        }
    }

    pub fn handle(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        if let Some(state) = self.form.as_mut() {
            let step = state.on_action(action, store, i18n);
            return self.after_form(step, store, i18n);
        }
        let kind = self.report_kind();
        match action {
            Action::Up | Action::Down => {
                let n = ENTRIES.len();
                self.selected = if action == Action::Up {
                    (self.selected + n - 1) % n
                } else {
                    (self.selected + 1) % n
                };
                self.table = 0;
            }
            Action::PrevPeriod | Action::NextPeriod => {
                let step = if action == Action::PrevPeriod { -1 } else { 1 };
                if let (Some(p), Some(kind)) = (self.params.as_mut(), kind) {
                    p.shift(kind, step);
                }
            }
            Action::Today => self.params = Some(ReportParams::default_for(self.today)),
            Action::NextTable => {
                self.table = (self.table + 1) % self.sheets.len().max(1);
                self.scroll = 0;
                return Request::None;
            }
            Action::PageUp => {
                self.scroll = self.scroll.saturating_sub(10);
                return Request::None;
            }
            Action::PageDown => {
                let rows = self.sheets.get(self.table).map_or(0, |s| s.rows.len());
                self.scroll = (self.scroll + 10).min(rows.saturating_sub(1));
                return Request::None;
            }
            Action::ChoosePeriod => {
                let (Some(p), Some(kind)) = (self.params, kind) else {
                    return Request::None;
                };
                let purpose = PeriodForm {
                    kind,
                    base: ReportPeriodInput::from_params(&p),
                };
                let form = purpose.form(i18n);
                self.form = Some(FormState::new(form, purpose, store, i18n));
                return Request::None;
            }
            Action::ExportXlsx => return self.export(true, i18n),
            Action::ExportCsv => return self.export(false, i18n),
            _ => return Request::None,
        }
        self.load(store, i18n);
        Request::None
    }

    fn after_form(&mut self, step: FormStep, store: &Store, i18n: &I18n) -> Request {
        match step {
            FormStep::Open(r) => r,
            FormStep::Closed(r) => {
                self.form = None;
                r
            }
            FormStep::Saved(saved) => {
                if let Some(state) = self.form.take()
                    && let Ok(p) = state.form.values(&state.purpose.base).validate()
                {
                    self.params = Some(p);
                }
                self.load(store, i18n);
                Request::Status(i18n.t(saved.message_key), Level::Info)
            }
        }
    }

    pub fn confirmed(&mut self, pending: Pending, store: &Store, i18n: &I18n) -> Request {
        match form_flow::on_confirm(&mut self.form, pending, store, i18n) {
            Some(step) => self.after_form(step, store, i18n),
            None => Request::None,
        }
    }

    /// Writes the shown report, all its tables, to a new file in the exports folder.
    fn export(&self, xlsx: bool, i18n: &I18n) -> Request {
        let (Some(report), Some(params)) = (&self.report, &self.params) else {
            return Request::Status(i18n.t("report.nothing_to_export"), Level::Error);
        };
        let kind = report.kind();
        let fail = |e: String| Request::Status(e, Level::Error);
        if let Err(e) = crate::store::create_private_dir(&self.exports_dir) {
            return fail(crate::errors::store_error(i18n, &e));
        }
        let stem = format!("{}-{}", kind.code(), params.slug(kind));
        let path =
            crate::config::free_path(&self.exports_dir, &stem, if xlsx { "xlsx" } else { "csv" });
        let written = if xlsx {
            crate::sheet::write_xlsx(&path, &self.sheets, crate::safe_file::Existing::Refuse)
        } else {
            crate::sheet::write_csv(&path, &self.sheets, crate::safe_file::Existing::Refuse)
        };
        match written {
            Ok(()) => Request::Status(
                i18n.tf("report.written", &[("path", &shown_path(&path))]),
                Level::Info,
            ),
            Err(e) => fail(e.to_string()),
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        if let Some(f) = &self.form {
            f.form.render(frame, area, i18n);
            return;
        }
        view::render(self, frame, area, i18n);
    }
}

/// A path as the status bar shows it: the home folder as `~`, so the file name fits on 80 columns.
fn shown_path(path: &std::path::Path) -> String {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}
