//! The application state and the one place where actions are carried out; drawing reads it, never changes it.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use tui_input::InputRequest;

use super::action::Action;
use super::form_flow::{self, FormState, FormStep};
use super::keymap::{Context, Key, Keymap};
use super::request::{Pending, Request};
use super::settings_form::{SettingsList, SettingsPurpose};
use super::tabs::dossiers::DossiersTab;
use super::tabs::dossiers::Section;
use super::tabs::leave::LeaveTab;
use super::tabs::payroll::PayrollView;
use super::tabs::recruitment::RecruitmentTab;
use super::tabs::reports::ReportsTab;
use super::tabs::today::TodayTab;
use super::tabs::training::TrainingTab;
use super::widgets::bars::{self, Level};
use super::widgets::popup::{self, Palette};
use crate::domain::today::{DossierPart, Place};
use crate::i18n::I18n;
use crate::store::Store;

pub const TAB_KEYS: [&str; 6] = [
    "tab.today",
    "tab.dossiers",
    "tab.leave",
    "tab.recruitment",
    "tab.training",
    "tab.reports",
];
/// The tab a name in config.toml's `start` means: the tab's key without `tab.` ("dossiers").
pub fn tab_named(name: &str) -> Option<usize> {
    TAB_KEYS
        .iter()
        .position(|k| k.strip_prefix("tab.") == Some(name.trim()))
}

/// The names [`tab_named`] knows, for the message when one is not known.
pub fn tab_names() -> String {
    TAB_KEYS
        .iter()
        .filter_map(|k| k.strip_prefix("tab."))
        .collect::<Vec<_>>()
        .join(", ")
}

const TODAY: usize = 0;
const DOSSIERS: usize = 1;
const LEAVE: usize = 2;
const RECRUITMENT: usize = 3;
const TRAINING: usize = 4;
const REPORTS: usize = 5;

/// What the body of the screen shows: a tab, or the Reports tab's second view. Every dispatch on the
/// current screen (keys, forms, confirmations, drawing) matches on this one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Today,
    Dossiers,
    Leave,
    Reports,
    Payroll,
    Recruitment,
    Training,
}

pub enum Overlay {
    None,
    Help,
    Palette(Palette),
    Confirm(String, Pending),
    /// The list of settings, to open one's form.
    Settings(SettingsList),
}

pub struct App {
    pub i18n: I18n,
    pub store: Store,
    pub keymap: Keymap,
    pub tab: usize,
    pub today: TodayTab,
    pub dossiers: DossiersTab,
    pub leave: LeaveTab,
    pub training: TrainingTab,
    pub reports: ReportsTab,
    /// The monthly payroll review, the Reports tab's second view (`v`).
    pub payroll: PayrollView,
    /// The Reports tab shows the payroll review instead of the reports.
    pub payroll_shown: bool,
    pub overlay: Overlay,
    pub status: Option<(String, Level)>,
    pub quit: bool,
    /// A settings form (the company's details or another setting), over whichever tab is showing.
    pub settings_form: Option<FormState<SettingsPurpose>>,
    pub recruitment: RecruitmentTab,
    /// For each tab, the data version and day it was last read at: entering it again while both
    /// are the same shows what it holds instead of reading everything afresh.
    entered: [Option<(crate::store::DataVersion, chrono::NaiveDate)>; TAB_KEYS.len()],
}

impl App {
    /// The app as `dossier` opens it: on Today, the day starting with what needs doing.
    pub fn new(store: Store, i18n: I18n, keymap: Keymap) -> App {
        App::starting_on(store, i18n, keymap, TODAY)
    }

    /// The app on tab `start` (config.toml's `start`): only that tab is read, so the first frame
    /// waits for nothing else (Today's list takes a while on a very large company).
    pub fn starting_on(store: Store, i18n: I18n, keymap: Keymap, start: usize) -> App {
        let reports = ReportsTab::new(crate::config::exports_dir(store.path()));
        let mut app = App {
            i18n,
            store,
            keymap,
            tab: start.min(TAB_KEYS.len() - 1),
            today: TodayTab::default(),
            dossiers: DossiersTab::default(),
            leave: LeaveTab::default(),
            training: TrainingTab::default(),
            reports,
            payroll: PayrollView::default(),
            payroll_shown: false,
            overlay: Overlay::None,
            status: None,
            quit: false,
            settings_form: None,
            recruitment: RecruitmentTab::default(),
            entered: Default::default(),
        };
        app.enter(app.tab);
        app
    }

    fn shown(&self) -> Shown {
        match self.tab {
            TODAY => Shown::Today,
            DOSSIERS => Shown::Dossiers,
            LEAVE => Shown::Leave,
            RECRUITMENT => Shown::Recruitment,
            TRAINING => Shown::Training,
            // REPORTS, the last tab.
            _ if self.payroll_shown => Shown::Payroll,
            _ => Shown::Reports,
        }
    }

    /// The keys that apply right now.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Overlay::Confirm(..) => Context::Confirm,
            _ if self.settings_form.is_some() => Context::Form,
            _ => match self.shown() {
                Shown::Today => self.today.context(),
                Shown::Dossiers => self.dossiers.context(),
                Shown::Leave => self.leave.context(),
                Shown::Reports => self.reports.context(),
                Shown::Payroll => self.payroll.context(),
                Shown::Recruitment => self.recruitment.context(),
                Shown::Training => self.training.context(),
            },
        }
    }

    /// One key press: popups first, then text being typed, then the keymap.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        match &mut self.overlay {
            Overlay::Help => {
                self.overlay = Overlay::None;
                return;
            }
            Overlay::Settings(list) => {
                match key.code {
                    KeyCode::Esc => self.overlay = Overlay::None,
                    KeyCode::Up | KeyCode::Char('k') => {
                        list.selected = list.selected.saturating_sub(1)
                    }
                    KeyCode::Down | KeyCode::Char('j') => {
                        list.selected = (list.selected + 1).min(SettingsList::len() - 1)
                    }
                    KeyCode::Enter => {
                        let opened = list.open(&self.store, &self.i18n);
                        self.overlay = Overlay::None;
                        match opened {
                            Ok(f) => self.settings_form = Some(f),
                            Err(e) => {
                                self.status =
                                    Some((crate::errors::store_error(&self.i18n, &e), Level::Error))
                            }
                        }
                    }
                    _ => {}
                }
                return;
            }
            Overlay::Palette(p) => {
                let matches = p.matches(&self.keymap, &self.i18n);
                match key.code {
                    KeyCode::Esc => self.overlay = Overlay::None,
                    KeyCode::Up => p.selected = p.selected.saturating_sub(1),
                    KeyCode::Down => {
                        p.selected = (p.selected + 1).min(matches.len().saturating_sub(1))
                    }
                    KeyCode::Enter => {
                        let chosen = matches.get(p.selected).map(|m| m.0);
                        self.overlay = Overlay::None;
                        if let Some(a) = chosen {
                            self.update(a);
                        }
                    }
                    KeyCode::Backspace => {
                        p.input.handle(InputRequest::DeletePrevChar);
                        p.selected = 0;
                    }
                    KeyCode::Char(c) => {
                        p.input.handle(InputRequest::InsertChar(c));
                        p.selected = 0;
                    }
                    _ => {}
                }
                return;
            }
            _ => {}
        }
        if self.tab == DOSSIERS
            && self.dossiers.filter.is_some()
            && matches!(self.overlay, Overlay::None)
        {
            self.dossiers.filter_key(&self.store, &key);
            return;
        }
        if self.tab == LEAVE && self.leave.filter.is_some() && matches!(self.overlay, Overlay::None)
        {
            self.leave.filter_key(&self.store, &key);
            return;
        }
        if self.tab == RECRUITMENT
            && self.recruitment.filter.is_some()
            && matches!(self.overlay, Overlay::None)
        {
            self.recruitment.filter_key(&key);
            return;
        }
        if self.tab == TRAINING
            && self.training.picker.is_some()
            && self.training.form.is_none()
            && matches!(self.overlay, Overlay::None)
        {
            let r = self.training.picker_key(&self.store, &self.i18n, &key);
            self.apply(r);
            return;
        }
        let context = self.context();
        match self.keymap.resolve(context, Key::from_event(&key)) {
            Some(action) => self.update(action),
            None if context == Context::Form && self.settings_form.is_some() => {
                if let Some(f) = self.settings_form.as_mut() {
                    f.form.edit(&key);
                }
            }
            None if context == Context::Form => match self.shown() {
                Shown::Dossiers => self.dossiers.form_key(&key),
                Shown::Leave => self.leave.form_key(&key),
                Shown::Reports => self.reports.form_key(&key),
                Shown::Payroll => self.payroll.form_key(&key),
                Shown::Training => self.training.form_key(&key),
                Shown::Today => {}
                Shown::Recruitment => self.recruitment.form_key(&key),
            },
            None => {}
        }
    }

    /// Carries out an action, from a key or from the palette.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Confirm | Action::Deny) {
            self.status = None;
        }
        if let Some(state) = self.settings_form.as_mut()
            && !matches!(action, Action::Confirm | Action::Deny)
        {
            let step = state.on_action(action, &self.store, &self.i18n);
            self.after_settings_form(step);
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Overlay::Help,
            Action::Palette => self.overlay = Overlay::Palette(Palette::new(self.context())),
            Action::NextTab => self.switch_to((self.tab + 1) % TAB_KEYS.len()),
            Action::PrevTab => self.switch_to((self.tab + TAB_KEYS.len() - 1) % TAB_KEYS.len()),
            Action::Tab1 => self.switch_to(0),
            Action::Tab2 => self.switch_to(1),
            Action::Tab3 => self.switch_to(2),
            Action::Tab4 => self.switch_to(3),
            Action::Tab5 => self.switch_to(4),
            Action::Tab6 => self.switch_to(5),
            Action::Settings => self.overlay = Overlay::Settings(SettingsList::default()),
            Action::Confirm | Action::Deny => {
                if let Overlay::Confirm(_, pending) =
                    std::mem::replace(&mut self.overlay, Overlay::None)
                    && action == Action::Confirm
                {
                    if self.settings_form.is_some() {
                        if let Some(step) = form_flow::on_confirm(
                            &mut self.settings_form,
                            pending,
                            &self.store,
                            &self.i18n,
                        ) {
                            self.after_settings_form(step);
                        }
                        return;
                    }
                    let (store, i18n) = (&self.store, &self.i18n);
                    let r = match self.shown() {
                        Shown::Leave => self.leave.confirmed(pending, store, i18n),
                        Shown::Reports => self.reports.confirmed(pending, store, i18n),
                        Shown::Payroll => self.payroll.confirmed(pending, store, i18n),
                        Shown::Training => self.training.confirmed(pending, store, i18n),
                        Shown::Dossiers | Shown::Today => {
                            self.dossiers.confirmed(pending, store, i18n)
                        }
                        Shown::Recruitment => self.recruitment.confirmed(pending, store, i18n),
                    };
                    self.apply(r);
                }
            }
            Action::ReportsOrPayroll if self.tab == REPORTS => {
                self.payroll_shown = !self.payroll_shown;
                self.enter_reports();
            }
            other => {
                let (store, i18n) = (&self.store, &self.i18n);
                let r = match self.shown() {
                    Shown::Today => self.today.handle(other, store, i18n),
                    Shown::Dossiers => self.dossiers.handle(other, store, i18n),
                    Shown::Leave => self.leave.handle(other, store, i18n),
                    Shown::Reports => self.reports.handle(other, store, i18n),
                    Shown::Payroll => self.payroll.handle(other, store, i18n),
                    Shown::Recruitment => self.recruitment.handle(other, store, i18n),
                    Shown::Training => self.training.handle(other, store, i18n),
                };
                self.apply(r);
            }
        }
    }

    /// Shows tab `tab`, reading afresh what may have changed elsewhere.
    fn switch_to(&mut self, tab: usize) {
        if tab == self.tab {
            return;
        }
        self.tab = tab;
        self.enter(tab);
    }

    /// Reads the tab's data as it is shown: on entering it, unless nothing changed since.
    fn enter(&mut self, tab: usize) {
        // Nothing changed since the tab was last read (no write here or by another program, same
        // day): what it holds is still true.
        let mark = self
            .store
            .data_version()
            .ok()
            .map(|v| (v, self.store.clock().today()));
        if mark.is_some() && self.entered[tab] == mark {
            return;
        }
        self.entered[tab] = mark;
        match tab {
            TODAY => self.today.load(&self.store),
            DOSSIERS => self.dossiers.enter(&self.store),
            LEAVE => self.leave.enter(&self.store),
            REPORTS => self.enter_reports(),
            RECRUITMENT => self.recruitment.enter(&self.store),
            TRAINING => self.training.enter(&self.store),
            _ => {}
        }
    }

    /// Reads afresh the view of the Reports tab that shows: the reports or the payroll review.
    fn enter_reports(&mut self) {
        if self.payroll_shown {
            self.payroll.enter(&self.store);
        } else {
            self.reports.enter(&self.store, &self.i18n);
        }
    }

    /// Goes to the place where a Today item is fixed.
    fn go(&mut self, place: Place) {
        match place {
            Place::Dossier { employee_id, part } => {
                self.switch_to(DOSSIERS);
                let section = match part {
                    DossierPart::Employment => Section::Employment,
                    DossierPart::Documents => Section::Documents,
                    DossierPart::Checklist => Section::Checklist,
                    DossierPart::Training => Section::Training,
                };
                self.dossiers.open_at(&self.store, employee_id, section);
            }
            Place::Leave {
                employee_id,
                request_id,
                spell_id,
            } => {
                self.switch_to(LEAVE);
                self.leave
                    .show(&self.store, employee_id, request_id, spell_id);
            }
            Place::CompanyDays { year } => {
                self.switch_to(LEAVE);
                let r = self
                    .leave
                    .add_replacement_day(&self.store, &self.i18n, year);
                self.apply(r);
            }
            Place::Payroll { year, month } => {
                self.payroll_shown = true;
                self.switch_to(REPORTS);
                self.payroll.show_month(&self.store, year, month);
            }
            Place::Candidate { candidate_id } => {
                self.switch_to(RECRUITMENT);
                self.recruitment.show_candidate(&self.store, candidate_id);
            }
            Place::Training { part, id } => {
                self.switch_to(TRAINING);
                self.training.show(&self.store, &self.i18n, part, id);
            }
        }
    }

    fn after_settings_form(&mut self, step: FormStep) {
        match step {
            FormStep::Open(r) => self.apply(r),
            FormStep::Closed(r) => {
                self.settings_form = None;
                self.apply(r);
            }
            FormStep::Saved(saved) => {
                self.settings_form = None;
                self.status = Some((self.i18n.t(saved.message_key), Level::Info));
            }
        }
    }

    fn apply(&mut self, r: Request) {
        match r {
            Request::None => {}
            Request::Status(text, level) => self.status = Some((text, level)),
            Request::Confirm(question, pending) => {
                self.overlay = Overlay::Confirm(question, pending)
            }
            Request::Go(place) => self.go(place),
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>) {
        let [tabs, body, hints, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(frame.area());
        let names: Vec<String> = TAB_KEYS.iter().map(|k| self.i18n.t(k)).collect();
        bars::render_tabs(frame, tabs, &names, self.tab);
        let i18n = &self.i18n;
        match self.shown() {
            _ if let Some(f) = &self.settings_form => f.form.render(frame, body, i18n),
            Shown::Today => self.today.render(frame, body, i18n),
            Shown::Dossiers => self.dossiers.render(frame, body, i18n),
            Shown::Leave => self.leave.render(frame, body, i18n),
            Shown::Reports => self.reports.render(frame, body, i18n),
            Shown::Payroll => self.payroll.render(frame, body, i18n),
            Shown::Recruitment => self.recruitment.render(frame, body, i18n),
            Shown::Training => self.training.render(frame, body, i18n),
        }
        let context = match self.overlay {
            Overlay::Confirm(..) => Context::Confirm,
            _ => self.context(),
        };
        bars::render_hints(frame, hints, context, &self.keymap, &self.i18n);
        bars::render_status(
            frame,
            status,
            &self.store.path().display().to_string(),
            self.status.as_ref(),
        );
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help => popup::render_help(frame, self.context(), &self.keymap, &self.i18n),
            Overlay::Palette(p) => p.render(frame, &self.keymap, &self.i18n),
            Overlay::Settings(list) => list.render(frame, &self.i18n),
            Overlay::Confirm(q, _) => popup::render_confirm(frame, q, &self.keymap, &self.i18n),
        }
    }
}
