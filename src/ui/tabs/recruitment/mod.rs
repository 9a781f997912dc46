//! The Recruitment tab: the vacancy list, a vacancy's board (a column per stage, or a list with
//! filter and sort), and a candidate's page; the pipeline moves, the forms and the hire start here.

mod answers;
mod board;
mod forms;
pub mod letters;
mod meetings;
mod moves;
mod page;
mod report;
mod vacancies;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use tui_input::Input;

use crate::domain::recruitment::{Pipeline, Stage, Vacancy};
use crate::domain::today::{DossierPart, Place};
use crate::i18n::I18n;
use crate::store::Store;
use crate::store::recruitment::{ApplicationRow, CandidatePage, VacancyRow};
use crate::ui::action::Action;
use crate::ui::form_flow::{self, FormState, FormStep};
use crate::ui::keymap::Context;
use crate::ui::request::{Pending, Request};
use crate::ui::widgets::bars::Level;
use crate::ui::widgets::filter_line;
pub use board::Sort;
pub use forms::RecruitForm;

/// Which screen of the tab shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Vacancies,
    Board,
    Page,
    /// A vacancy's report, over the list or the board it was opened from.
    Report,
}

#[derive(Default)]
pub struct RecruitmentTab {
    pub view: View,
    pub vacancies: Vec<VacancyRow>,
    /// Applications per stage of each vacancy, for the list.
    pub counts: HashMap<i64, Vec<(Stage, u32)>>,
    pub vacancy_sel: usize,
    /// The vacancy whose board shows.
    pub vacancy: Option<Vacancy>,
    /// The board's columns: the pipeline, then rejected and withdrawn.
    pub columns: Vec<Stage>,
    pub pipeline: Pipeline,
    pub apps: Vec<ApplicationRow>,
    pub column: usize,
    /// The selected candidate within the column (board) or the list (list view).
    pub row: usize,
    /// The board shows as a list instead of columns.
    pub list: bool,
    pub sort: Sort,
    pub filter: Option<Input>,
    pub query: String,
    pub page: Option<CandidatePage>,
    /// The application of the page the board was on (a candidate may have applied more than once).
    pub page_app: i64,
    /// The selected screening criterion on the page.
    pub criterion: usize,
    /// The page was opened from elsewhere (Today): `Esc` goes back to the vacancy list.
    page_only: bool,
    pub form: Option<FormState<RecruitForm>>,
    pub error: Option<String>,
    /// The letter list over a candidate's page (`g`).
    pub letters: Option<letters::LetterPicker>,
    /// The vacancy report shown (`r`).
    pub report: Option<report::ReportView>,
    /// `<config dir>/templates`: the user's own letter templates, used before the built-in ones
    /// (the same folder the dossier's letters read).
    pub templates_dir: Option<std::path::PathBuf>,
}

impl RecruitmentTab {
    /// Called when the tab is shown: reads afresh what shows.
    pub fn enter(&mut self, store: &Store) {
        self.load_vacancies(store);
        match self.view {
            View::Vacancies => {}
            View::Board => self.reload_board(store),
            View::Page => self.reload_page(store),
            View::Report => {}
        }
    }

    fn load_vacancies(&mut self, store: &Store) {
        let r = store.recruitment();
        match r
            .vacancies(false)
            .and_then(|v| Ok((v, r.stage_counts()?, r.pipeline()?)))
        {
            Ok((v, c, p)) => {
                self.columns = p.columns();
                self.pipeline = p;
                self.vacancies = v;
                self.counts = c;
                self.vacancy_sel = self.vacancy_sel.min(self.vacancies.len().saturating_sub(1));
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub fn context(&self) -> Context {
        if self.form.is_some() {
            return Context::Form;
        }
        if self.letters.is_some() {
            return Context::Picker;
        }
        match self.view {
            View::Vacancies => Context::Vacancies,
            View::Board => Context::Board,
            View::Page => Context::Candidate,
            View::Report => Context::VacancyReport,
        }
    }

    /// Keys typed into a form field (navigation and save are actions).
    pub fn form_key(&mut self, key: &KeyEvent) {
        if let Some(f) = self.form.as_mut() {
            f.form.edit(key);
        }
    }

    /// A key while the board's filter line is open.
    pub fn filter_key(&mut self, key: &KeyEvent) {
        if filter_line::edit(&mut self.filter, &mut self.query, key) {
            self.row = 0;
        }
    }

    /// Opens a vacancy's board.
    fn open_board(&mut self, store: &Store, vacancy_id: i64) {
        let r = store.recruitment();
        match r.vacancy(vacancy_id).and_then(|v| Ok((v, r.pipeline()?))) {
            Ok((v, p)) => {
                self.columns = p.columns();
                self.pipeline = p;
                self.vacancy = Some(v);
                self.view = View::Board;
                self.column = 0;
                self.row = 0;
                self.filter = None;
                self.query.clear();
                self.reload_board(store);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn reload_board(&mut self, store: &Store) {
        let Some(v) = &self.vacancy else { return };
        match store.recruitment().applications(v.id) {
            Ok(a) => {
                self.apps = a;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.clamp();
    }

    /// Shows a candidate's page: the application `app`, or their newest one when 0.
    pub fn open_page(&mut self, store: &Store, candidate_id: i64, app: i64) {
        match store.recruitment().candidate_page(candidate_id) {
            Ok(p) => {
                self.page_app = if app != 0 {
                    app
                } else {
                    p.applications.last().map_or(0, |a| a.application.id)
                };
                self.page = Some(p);
                self.criterion = 0;
                self.view = View::Page;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// The candidate's page from elsewhere (Today): `Esc` leads to the vacancy list.
    pub fn show_candidate(&mut self, store: &Store, candidate_id: i64) {
        self.form = None;
        self.load_vacancies(store);
        self.open_page(store, candidate_id, 0);
        self.page_only = true;
        if let Some(app) = self.page_application() {
            let vacancy = app.vacancy_id;
            if let Ok(v) = store.recruitment().vacancy(vacancy) {
                self.vacancy = Some(v);
                self.pipeline = store.recruitment().pipeline().unwrap_or_default();
                self.columns = self.pipeline.columns();
                self.reload_board(store);
                self.page_only = false;
            }
        }
    }

    fn reload_page(&mut self, store: &Store) {
        if let Some(p) = &self.page {
            let (id, app) = (p.candidate.id, self.page_app);
            self.open_page(store, id, app);
        }
    }

    /// The application the page is about.
    pub fn page_application(&self) -> Option<&ApplicationRow> {
        let p = self.page.as_ref()?;
        p.applications
            .iter()
            .map(|a| &a.application)
            .find(|a| a.id == self.page_app)
    }

    /// The candidate the keys act on: the page's, or the one selected on the board.
    fn current(&self) -> Option<ApplicationRow> {
        match self.view {
            View::Page => self.page_application().cloned(),
            View::Board => self.selected().cloned(),
            View::Vacancies | View::Report => None,
        }
    }

    pub fn handle(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        if let Some(state) = self.form.as_mut() {
            let step = state.on_action(action, store, i18n);
            forms::refresh_links(state, store, i18n);
            return self.after_form(step, store, i18n);
        }
        if self.letters.is_some() {
            return self.on_letters(action, store, i18n);
        }
        match self.view {
            View::Vacancies => self.on_vacancies(action, store, i18n),
            View::Board => self.on_board(action, store, i18n),
            View::Page => self.on_page(action, store, i18n),
            View::Report => self.on_report(action, store, i18n),
        }
    }

    fn on_vacancies(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let n = self.vacancies.len();
        match action {
            Action::Up => self.vacancy_sel = self.vacancy_sel.saturating_sub(1),
            Action::Down => self.vacancy_sel = (self.vacancy_sel + 1).min(n.saturating_sub(1)),
            Action::Home => self.vacancy_sel = 0,
            Action::End => self.vacancy_sel = n.saturating_sub(1),
            Action::OpenItem => {
                if let Some(v) = self.vacancies.get(self.vacancy_sel) {
                    let id = v.id;
                    self.open_board(store, id);
                }
            }
            Action::NewVacancy => self.form = Some(forms::new_vacancy(store, i18n)),
            Action::Edit => {
                if let Some(v) = self.vacancies.get(self.vacancy_sel) {
                    match store.recruitment().vacancy(v.id) {
                        Ok(v) => self.form = Some(forms::edit_vacancy(&v, store, i18n)),
                        Err(e) => return status_error(i18n, &e),
                    }
                }
            }
            Action::Refresh => self.load_vacancies(store),
            Action::VacancyText => return self.write_vacancy_text(store, i18n),
            Action::ExportCalendar => return self.export_interviews(store, i18n),
            Action::VacancyReport => {
                if let Some(v) = self.vacancies.get(self.vacancy_sel) {
                    let id = v.id;
                    return self.open_report(store, i18n, id);
                }
            }
            Action::EditQuestions => {
                if let Some(v) = self.vacancies.get(self.vacancy_sel) {
                    match store.recruitment().vacancy(v.id) {
                        Ok(v) => self.form = Some(answers::questions_form(store, i18n, &v)),
                        Err(e) => return status_error(i18n, &e),
                    }
                }
            }
            _ => {}
        }
        Request::None
    }

    fn on_board(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        match action {
            Action::Back => {
                self.view = View::Vacancies;
                self.load_vacancies(store);
            }
            Action::NextSection if !self.list => {
                self.column = (self.column + 1).min(self.columns.len().saturating_sub(1));
                self.row = 0;
            }
            Action::PrevSection if !self.list => {
                self.column = self.column.saturating_sub(1);
                self.row = 0;
            }
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row += 1,
            Action::Home => self.row = 0,
            Action::ToggleView => {
                // The list starts on the candidate selected on the board, and back.
                let id = self.selected().map(|a| a.id);
                self.list = !self.list;
                self.select(id);
            }
            Action::Filter => {
                self.filter = Some(Input::new(self.query.clone()));
                self.list = true;
                self.row = 0;
            }
            Action::SortNext => {
                let id = self.selected().map(|a| a.id);
                self.sort = self.sort.next();
                self.select(id);
            }
            Action::OpenItem => {
                if let Some(a) = self.selected() {
                    let (c, id) = (a.candidate_id, a.id);
                    self.open_page(store, c, id);
                }
            }
            Action::NewCandidate => {
                if let Some(v) = &self.vacancy {
                    self.form = Some(forms::new_candidate(v, store, i18n));
                }
            }
            Action::VacancyReport => {
                if let Some(id) = self.vacancy.as_ref().map(|v| v.id) {
                    return self.open_report(store, i18n, id);
                }
            }
            other => return self.on_candidate(other, store, i18n),
        }
        self.clamp();
        Request::None
    }

    fn on_page(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let criteria = self
            .page
            .as_ref()
            .and_then(|p| {
                p.applications
                    .iter()
                    .find(|a| a.application.id == self.page_app)
            })
            .map_or(0, |a| a.screening.len());
        match action {
            Action::Back => {
                if self.vacancy.is_some() && !self.page_only {
                    self.view = View::Board;
                    self.reload_board(store);
                } else {
                    self.view = View::Vacancies;
                    self.load_vacancies(store);
                }
            }
            Action::Up => self.criterion = self.criterion.saturating_sub(1),
            Action::Down => self.criterion = (self.criterion + 1).min(criteria.saturating_sub(1)),
            Action::NextSection | Action::PrevSection => {
                // A candidate who applied for several vacancies: the next application.
                if let Some(p) = &self.page {
                    let ids: Vec<i64> = p.applications.iter().map(|a| a.application.id).collect();
                    if let Some(i) = ids.iter().position(|i| *i == self.page_app) {
                        let n = ids.len();
                        let j = if action == Action::NextSection {
                            (i + 1) % n
                        } else {
                            (i + n - 1) % n
                        };
                        self.page_app = ids[j];
                        self.criterion = 0;
                    }
                }
            }
            Action::CycleAnswer => return self.cycle_answer(store, i18n),
            Action::AnswerQuestions | Action::GiveFeedback => {
                let Some(a) = self.current() else {
                    return Request::None;
                };
                let (form, none) = if action == Action::AnswerQuestions {
                    (
                        answers::answers_form(store, i18n, &a),
                        "recruit.no_questions",
                    )
                } else {
                    (
                        answers::feedback_form(store, i18n, &a),
                        "recruit.no_interview",
                    )
                };
                match form {
                    Ok(Some(f)) => self.form = Some(f),
                    Ok(None) => return Request::Status(i18n.t(none), Level::Info),
                    Err(e) => return status_error(i18n, &e),
                }
            }
            Action::GenerateDocument => return self.open_letters(i18n),
            Action::Edit => {
                if let Some(a) = self.current() {
                    match meetings::screening_form(store, i18n, &a, self.criterion) {
                        Some(f) => self.form = Some(f),
                        None => return Request::Status(i18n.t("recruit.no_criteria"), Level::Info),
                    }
                }
            }
            other => return self.on_candidate(other, store, i18n),
        }
        Request::None
    }

    /// The keys that act on one candidate, on the board and on the page alike.
    fn on_candidate(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(app) = self.current() else {
            return match action {
                Action::MoveNext
                | Action::MoveBack
                | Action::Reject
                | Action::Withdraw
                | Action::Hire
                | Action::PlanInterview
                | Action::AddReference => Request::Status(i18n.t("recruit.nobody"), Level::Error),
                _ => Request::None,
            };
        };
        let form = match action {
            Action::MoveNext => return self.move_next(&app, store, i18n),
            Action::MoveBack => moves::back_form(store, i18n, &app, &self.pipeline),
            Action::Reject => moves::reject_form(store, i18n, &app),
            Action::Withdraw => moves::withdraw_form(store, i18n, &app),
            Action::Hire => moves::hire_form(store, i18n, &app),
            Action::PlanInterview => Ok(meetings::interview_form(store, i18n, &app)),
            Action::AddReference => Ok(meetings::reference_form(store, i18n, &app)),
            _ => return Request::None,
        };
        match form {
            Ok(f) => {
                self.form = Some(f);
                Request::None
            }
            Err(r) => r,
        }
    }

    fn move_next(&mut self, app: &ApplicationRow, store: &Store, i18n: &I18n) -> Request {
        let Some(next) = self.pipeline.next(app.stage) else {
            let key = if app.stage == Stage::Offer {
                "recruit.use_hire"
            } else {
                "recruit.no_next"
            };
            return Request::Status(i18n.t(key), Level::Error);
        };
        match store.recruitment().move_stage(app.id, next, "") {
            Ok(m) => {
                self.after_change(store, app.id);
                if self.view == View::Board && !self.list {
                    // Follow the candidate to their new column.
                    self.column = self
                        .columns
                        .iter()
                        .position(|s| *s == m.to)
                        .unwrap_or(self.column);
                    self.select(Some(app.id));
                }
                Request::Status(
                    i18n.tf(
                        "recruit.moved",
                        &[("name", &app.name), ("stage", &i18n.choice(m.to))],
                    ),
                    Level::Info,
                )
            }
            Err(e) => status_error(i18n, &e),
        }
    }

    /// `Space` on the page: the selected criterion's answer goes met → not met → unclear → met.
    fn cycle_answer(&mut self, store: &Store, i18n: &I18n) -> Request {
        let Some(line) = self
            .page
            .as_ref()
            .and_then(|p| {
                p.applications
                    .iter()
                    .find(|a| a.application.id == self.page_app)
            })
            .and_then(|a| a.screening.get(self.criterion))
            .cloned()
        else {
            return Request::Status(i18n.t("recruit.no_criteria"), Level::Info);
        };
        use crate::domain::recruitment::Answer;
        let next = match line.answer {
            None | Some(Answer::Unclear) => Answer::Met,
            Some(Answer::Met) => Answer::NotMet,
            Some(Answer::NotMet) => Answer::Unclear,
        };
        match store
            .recruitment()
            .set_screening(self.page_app, &[(line.criterion.id, next, line.note)])
        {
            Ok(()) => {
                self.after_change(store, self.page_app);
                Request::None
            }
            Err(e) => status_error(i18n, &e),
        }
    }

    /// Reads again what a change touched: the board and, when it shows, the page.
    fn after_change(&mut self, store: &Store, app: i64) {
        self.reload_board(store);
        if self.view == View::Page {
            self.reload_page(store);
        }
        if self.view == View::Board {
            self.select(Some(app));
        }
    }

    fn after_form(&mut self, step: FormStep, store: &Store, i18n: &I18n) -> Request {
        match step {
            FormStep::Open(r) => r,
            FormStep::Closed(r) => {
                self.form = None;
                r
            }
            FormStep::Saved(saved) => {
                let purpose = self.form.take().map(|f| f.purpose);
                let message = Request::Status(i18n.t(saved.message_key), Level::Info);
                match purpose {
                    Some(RecruitForm::Hire(_)) => {
                        self.reload_board(store);
                        self.load_vacancies(store);
                        return Request::Go(Place::Dossier {
                            employee_id: saved.employee_id,
                            part: DossierPart::Employment,
                        });
                    }
                    Some(RecruitForm::Vacancy(_)) => {
                        self.load_vacancies(store);
                        if let Some(i) = self
                            .vacancies
                            .iter()
                            .position(|v| v.id == saved.employee_id)
                        {
                            self.vacancy_sel = i;
                        }
                        if self.view == View::Board {
                            self.open_board(store, saved.employee_id);
                        }
                    }
                    Some(RecruitForm::Candidate(_)) => {
                        // `employee_id` carries the new application here.
                        self.reload_board(store);
                        self.column = 0;
                        self.select(Some(saved.employee_id));
                    }
                    _ => self.after_change(store, self.current().map_or(0, |a| a.id)),
                }
                message
            }
        }
    }

    pub fn confirmed(&mut self, pending: Pending, store: &Store, i18n: &I18n) -> Request {
        match form_flow::on_confirm(&mut self.form, pending, store, i18n) {
            Some(step) => self.after_form(step, store, i18n),
            None => Request::None,
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        if let Some(f) = &self.form {
            f.form.render(frame, area, i18n);
            return;
        }
        match self.view {
            View::Vacancies => vacancies::render(self, frame, area, i18n),
            View::Board if self.list => board::render_list(self, frame, area, i18n),
            View::Board => board::render_board(self, frame, area, i18n),
            View::Page => page::render(self, frame, area, i18n),
            View::Report => report::render(self, frame, area, i18n),
        }
        if let (Some(p), Some(page)) = (&self.letters, &self.page) {
            let who = page.candidate.data.full_name();
            letters::render_picker(p, frame, area, &who, i18n);
        }
    }
}

fn status_error(i18n: &I18n, e: &crate::store::StoreError) -> Request {
    Request::Status(crate::errors::store_error(i18n, e), Level::Error)
}
