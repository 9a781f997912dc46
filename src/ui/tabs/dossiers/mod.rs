//! The Dossiers tab: the paged staff list with filter and sort, one dossier's sections, and its forms.

pub mod absence;
pub mod checklist;
pub mod confidential;
mod detail;
pub mod forms;
pub mod generate;
mod list;
pub mod training;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use tui_input::Input;

use crate::domain::confidential::{GrievanceInput, MeasureInput, MedicalNoteInput, PinInput};
use crate::domain::contract::{ContractInput, DepartureInput};
use crate::domain::employee::EmployeeInput;
use crate::domain::records::{
    ContactInput, DependantInput, DocumentInput, JobChangeInput, NoteInput,
};
use crate::domain::training::certificate::RecordInput;
use crate::i18n::I18n;
use crate::store::{
    AuditEntry, Dossier, EmployeeRow, GeneratedDocument, ListQuery, Store, StoreError, Unlocked,
};
use crate::ui::action::Action;
use crate::ui::form_flow::{self, FormState, FormStep};
use crate::ui::keymap::Context;
use crate::ui::request::{Pending, Request};
use crate::ui::tabs::staff;
use crate::ui::widgets::bars::Level;
use crate::ui::widgets::filter_line;
use crate::ui::widgets::paged::PagedWindow;
use forms::Purpose;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Identity,
    Contact,
    Employment,
    Checklist,
    Leave,
    Documents,
    Notes,
    History,
    Training,
    /// Disciplinary measures, grievances, medical notes: behind the PIN.
    Confidential,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Identity,
        Section::Contact,
        Section::Employment,
        Section::Checklist,
        Section::Leave,
        Section::Documents,
        Section::Notes,
        Section::History,
        Section::Training,
        Section::Confidential,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Identity => "section.identity",
            Section::Contact => "section.contact",
            Section::Employment => "section.employment",
            Section::Checklist => "section.checklist",
            Section::Leave => "section.leave",
            Section::Documents => "section.documents",
            Section::Notes => "section.notes",
            Section::History => "section.history",
            Section::Training => "section.training",
            Section::Confidential => "section.confidential",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Detail {
    pub dossier: Dossier,
    pub history: Vec<AuditEntry>,
    /// Letters made from templates, newest first.
    pub generated: Vec<GeneratedDocument>,
    pub absence: absence::Absence,
    pub checklist: checklist::ChecklistView,
    pub confidential: confidential::ConfidentialView,
    pub section: usize,
    /// Training right, courses followed, certificates, needs and talks.
    pub training: training::TrainingPart,
    pub scroll: u16,
    /// The work schedule in force today, which reports count as the person's FTE; the Employment
    /// section says so when it differs from the contract (a 1/5 parental leave, say).
    pub schedule: Option<crate::domain::leave::schedule::Schedule>,
}

#[derive(Debug, Clone)]
pub enum View {
    List,
    Detail(Box<Detail>),
}

pub struct DossiersTab {
    pub query: ListQuery,
    /// Some while the filter line has the keyboard.
    pub filter: Option<Input>,
    pub window: PagedWindow<EmployeeRow>,
    pub view: View,
    pub form: Option<FormState<Purpose>>,
    /// Some while the template list of "make a letter" is open over the dossier.
    pub picker: Option<generate::Picker>,
    /// Set when the list could not be read, shown instead of rows.
    pub error: Option<String>,
    /// The list is read when the tab is first shown, not at start (the start screen is Today).
    loaded: bool,
    /// `<config dir>/templates`: the user's own copies of document templates.
    pub templates_dir: Option<std::path::PathBuf>,
    /// The PIN was given in this session: the confidential area is open until the app closes or `L`.
    pub unlocked: Option<Unlocked>,
}

impl Default for DossiersTab {
    /// The tab before its list is read: [`DossiersTab::enter`] reads it when it is first shown.
    fn default() -> DossiersTab {
        DossiersTab {
            query: ListQuery::default(),
            filter: None,
            window: PagedWindow::default(),
            view: View::List,
            form: None,
            picker: None,
            error: None,
            loaded: false,
            templates_dir: None,
            unlocked: None,
        }
    }
}

impl DossiersTab {
    /// Called when the tab is shown: reads the list the first time; later it keeps its place.
    pub fn enter(&mut self, store: &Store) {
        if !self.loaded {
            self.reload(store);
        }
    }

    pub fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else if self.picker.is_some() {
            Context::Picker
        } else {
            match &self.view {
                View::List => Context::List,
                View::Detail(d) if Section::ALL[d.section] == Section::Checklist => {
                    Context::Checklist
                }
                View::Detail(d) if Section::ALL[d.section] == Section::Confidential => {
                    Context::Confidential
                }
                View::Detail(_) => Context::Dossier,
            }
        }
    }

    /// Re-reads the list from the first page (after a filter or sort change, or a save).
    pub fn reload(&mut self, store: &Store) {
        self.loaded = true;
        self.error = staff::reload(&mut self.window, store, &self.query)
            .err()
            .map(|e| e.to_string());
    }

    /// Re-reads the list and puts the selection back on `id` if it is on the first pages.
    fn reload_at(&mut self, store: &Store, id: i64) {
        self.reload(store);
        let q = self.query.clone();
        for _ in 0..1000 {
            if self.window.selected_row().is_none_or(|r| r.id == id) {
                break;
            }
            let before = self.window.position();
            self.window.move_by(1, &mut staff::pages(store, &q));
            if self.window.position() == before {
                self.window.home(&mut staff::pages(store, &q));
                break;
            }
        }
    }

    /// Opens someone's dossier on a section (the Today tab's jump); an error shows in the list.
    pub fn open_at(&mut self, store: &Store, id: i64, section: Section) {
        self.form = None;
        self.filter = None;
        let index = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
        if let Err(e) = self.open(store, id, index) {
            self.view = View::List;
            self.error = Some(e.to_string());
        }
    }

    fn open(&mut self, store: &Store, id: i64, section: usize) -> Result<(), StoreError> {
        let dossier = store.employees().dossier(id)?;
        let history = store.audit().for_employee(id, 200)?;
        let generated = store.documents().for_employee(id)?;
        let absence = absence::Absence::load(store, id)?;
        let left_on = dossier.departure.as_ref().map(|d| d.end_date);
        let checklist = checklist::ChecklistView::load(store, &dossier.employee, left_on)?;
        let training = training::TrainingPart::load(store, id, dossier.employee.data.start_date)?;
        let confidential = confidential::ConfidentialView::load(store, self.unlocked.as_ref(), id)?;
        let schedule = store
            .leave()
            .schedules(id)?
            .at(store.clock().today())
            .cloned();
        self.view = View::Detail(Box::new(Detail {
            dossier,
            history,
            generated,
            absence,
            checklist,
            confidential,
            section,
            training,
            scroll: 0,
            schedule,
        }));
        Ok(())
    }

    fn current_id(&self) -> Option<i64> {
        match &self.view {
            View::Detail(d) => Some(d.dossier.employee.id),
            View::List => self.window.selected_row().map(|r| r.id),
        }
    }

    fn who(&self, store: &Store, id: Option<i64>) -> String {
        id.and_then(|id| store.employees().get(id).ok())
            .map(|e| e.data.full_name())
            .unwrap_or_default()
    }

    fn start_form(&mut self, store: &Store, i18n: &I18n, purpose: Purpose) {
        let who = self.who(store, purpose.employee_id());
        let form = forms::form_for(&purpose, i18n, &who);
        self.form = Some(FormState::new(form, purpose, store, i18n));
    }

    /// Keys typed into the filter line (it filters as you type).
    pub fn filter_key(&mut self, store: &Store, key: &KeyEvent) {
        if filter_line::edit(&mut self.filter, &mut self.query.filter, key) {
            self.reload(store);
        }
    }

    /// Keys typed into a form field (navigation and save are actions).
    pub fn form_key(&mut self, key: &KeyEvent) {
        if let Some(f) = self.form.as_mut() {
            f.form.edit(key);
        }
    }

    pub fn handle(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        if self.form.is_some() {
            return self.handle_form(action, store, i18n);
        }
        if let Some(p) = self.picker.as_mut() {
            match action {
                Action::Up => p.move_by(-1),
                Action::Down => p.move_by(1),
                Action::Back => self.picker = None,
                Action::Choose => {
                    let chosen = p.chosen();
                    self.picker = None;
                    if let (Some(t), Some(id)) = (chosen, self.current_id()) {
                        let m =
                            generate::MakeDoc::new(store, id, t, self.templates_dir.clone(), i18n);
                        self.start_form(store, i18n, Purpose::MakeDocument(Box::new(m)));
                    }
                }
                _ => {}
            }
            return Request::None;
        }
        let q = self.query.clone();
        let today = forms::today_text(store);
        match (&mut self.view, action) {
            (View::List, a) if staff::navigate(&mut self.window, a, store, &q) => {}
            (View::List, Action::Filter) => {
                self.filter = Some(Input::new(self.query.filter.clone()));
            }
            (View::List, Action::Back) if !self.query.filter.is_empty() => {
                self.query.filter.clear();
                self.reload(store);
            }
            (View::List, Action::SortNext) => {
                self.query.sort = self.query.sort.next();
                self.query.descending = false;
                self.reload(store);
            }
            (View::List, Action::SortReverse) => {
                self.query.descending = !self.query.descending;
                self.reload(store);
            }
            (View::List, Action::ToggleLeft) => {
                self.query.include_left = !self.query.include_left;
                self.reload(store);
                let key = if self.query.include_left {
                    "msg.showing_left"
                } else {
                    "msg.hiding_left"
                };
                return Request::Status(i18n.t(key), Level::Info);
            }
            (View::List, Action::Open) => {
                if let Some(id) = self.current_id()
                    && let Err(e) = self.open(store, id, 0)
                {
                    return Request::Status(crate::errors::store_error(i18n, &e), Level::Error);
                }
            }
            (View::List, Action::New) => {
                // Choices start on the usual case so no field shows empty.
                let base = EmployeeInput {
                    start_date: today,
                    sex: "u".into(),
                    marital_status: "single".into(),
                    category: "white_collar".into(),
                    status: "active".into(),
                    country: "BE".into(),
                    language: i18n.lang.code().into(),
                    ..Default::default()
                };
                self.start_form(store, i18n, Purpose::NewEmployee(base));
            }
            (View::Detail(_), Action::Back) => {
                let id = self.current_id();
                self.view = View::List;
                if let Some(id) = id {
                    self.reload_at(store, id);
                }
            }
            (View::Detail(d), Action::NextSection) => {
                d.section = (d.section + 1) % Section::ALL.len();
                d.scroll = 0;
            }
            (View::Detail(d), Action::PrevSection) => {
                d.section = (d.section + Section::ALL.len() - 1) % Section::ALL.len();
                d.scroll = 0;
            }
            (View::Detail(d), Action::Down | Action::Up)
                if Section::ALL[d.section] == Section::Checklist =>
            {
                d.checklist
                    .move_by(if action == Action::Down { 1 } else { -1 });
            }
            (View::Detail(d), Action::ToggleTask) => {
                let (id, section, selected) =
                    (d.dossier.employee.id, d.section, d.checklist.selected);
                let r = d.checklist.toggle(store, i18n);
                if let Err(e) = self.open(store, id, section) {
                    return Request::Status(crate::errors::store_error(i18n, &e), Level::Error);
                }
                if let View::Detail(d) = &mut self.view {
                    d.checklist.selected = selected;
                }
                return r;
            }
            (View::Detail(d), Action::Down | Action::Up)
                if Section::ALL[d.section] == Section::Confidential =>
            {
                d.confidential
                    .move_by(if action == Action::Down { 1 } else { -1 });
            }
            (View::Detail(d), Action::Unlock | Action::SetPin | Action::Lock) => {
                let id = d.dossier.employee.id;
                let has_pin = d.confidential.has_pin;
                match action {
                    Action::Lock => {
                        self.unlocked = None;
                        let section = d.section;
                        let _ = self.open(store, id, section);
                        return Request::Status(i18n.t("msg.confidential_locked"), Level::Info);
                    }
                    Action::Unlock if self.unlocked.is_some() => {}
                    Action::Unlock if has_pin => {
                        self.start_form(store, i18n, Purpose::Unlock(id, PinInput::default()));
                    }
                    // No PIN yet, or changing it.
                    _ => {
                        self.start_form(
                            store,
                            i18n,
                            Purpose::SetPin(id, has_pin, PinInput::default()),
                        );
                    }
                }
            }
            (
                View::Detail(d),
                Action::AddMeasure
                | Action::AddGrievance
                | Action::AddMedicalNote
                | Action::EditRecord,
            ) => {
                let Some(key) = self.unlocked.clone() else {
                    return Request::Status(i18n.t("msg.unlock_first"), Level::Error);
                };
                let id = d.dossier.employee.id;
                let purpose = match action {
                    Action::AddMeasure => Purpose::AddMeasure(
                        id,
                        MeasureInput {
                            kind: "oral_warning".into(),
                            facts_on: today,
                            ..Default::default()
                        },
                        key,
                    ),
                    Action::AddGrievance => Purpose::AddGrievance(
                        id,
                        GrievanceInput {
                            received_on: today,
                            ..Default::default()
                        },
                        key,
                    ),
                    Action::AddMedicalNote => Purpose::AddMedical(
                        id,
                        MedicalNoteInput {
                            written_on: today,
                            ..Default::default()
                        },
                        key,
                    ),
                    _ => match d.confidential.selected() {
                        Some(confidential::Selected::Measure(rid, v)) => {
                            Purpose::EditMeasure(id, rid, v, key)
                        }
                        Some(confidential::Selected::Grievance(rid, v)) => {
                            Purpose::EditGrievance(id, rid, v, key)
                        }
                        Some(confidential::Selected::Medical(rid, v)) => {
                            Purpose::EditMedical(id, rid, v, key)
                        }
                        None => return Request::None,
                    },
                };
                self.start_form(store, i18n, purpose);
            }
            (View::Detail(_), Action::GenerateDocument) => {
                self.picker = Some(generate::Picker::default());
            }
            (View::Detail(d), Action::Down) => d.scroll = d.scroll.saturating_add(1),
            (View::Detail(d), Action::Up) => d.scroll = d.scroll.saturating_sub(1),
            (_, Action::Edit) => {
                let Some(id) = self.current_id() else {
                    return Request::None;
                };
                match store.employees().get(id) {
                    Ok(e) => {
                        let manager = e
                            .data
                            .manager_id
                            .and_then(|m| store.employees().get(m).ok())
                            .map(|m| m.data.number);
                        let base = EmployeeInput::from_data(&e.data, manager.as_deref());
                        self.start_form(store, i18n, Purpose::EditEmployee(id, base));
                    }
                    Err(e) => {
                        return Request::Status(crate::errors::store_error(i18n, &e), Level::Error);
                    }
                }
            }
            (_, Action::Archive) => {
                let Some(id) = self.current_id() else {
                    return Request::None;
                };
                if store.employees().departure(id).ok().flatten().is_some() {
                    return Request::Status(i18n.t("msg.already_left"), Level::Error);
                }
                let base = DepartureInput {
                    end_date: today,
                    ..Default::default()
                };
                self.start_form(store, i18n, Purpose::Archive(id, base));
            }
            (View::Detail(d), Action::Reinstate) => {
                let id = d.dossier.employee.id;
                if d.dossier.departure.is_none() {
                    return Request::Status(i18n.t("msg.not_left"), Level::Error);
                }
                if let Err(e) = store.employees().reinstate(id) {
                    return Request::Status(crate::errors::store_error(i18n, &e), Level::Error);
                }
                let section = d.section;
                let _ = self.open(store, id, section);
                return Request::Status(i18n.t("msg.reinstated"), Level::Info);
            }
            (View::Detail(d), a) => {
                let id = d.dossier.employee.id;
                let purpose = match a {
                    Action::AddContract => Purpose::AddContract(
                        id,
                        ContractInput {
                            start: today.clone(),
                            weekly_hours: "38".into(),
                            ..Default::default()
                        },
                    ),
                    Action::EditContract => match d.dossier.contracts.last() {
                        Some(c) => {
                            Purpose::EditContract(id, c.id, ContractInput::from_data(&c.data))
                        }
                        None => return Request::Status(i18n.t("msg.no_contract"), Level::Error),
                    },
                    Action::JobChange => Purpose::JobChange(
                        id,
                        JobChangeInput {
                            effective: today.clone(),
                            department: d.dossier.employee.data.department.clone(),
                            job_title: d.dossier.employee.data.job_title.clone(),
                            manager: d
                                .dossier
                                .manager
                                .as_ref()
                                .map(|m| m.0.clone())
                                .unwrap_or_default(),
                            ..Default::default()
                        },
                    ),
                    Action::AddDocument => Purpose::AddDocument(
                        id,
                        DocumentInput {
                            dated: today.clone(),
                            ..Default::default()
                        },
                    ),
                    Action::AddNote => Purpose::AddNote(
                        id,
                        NoteInput {
                            written_on: today.clone(),
                            confidential: "nee".into(),
                            ..Default::default()
                        },
                    ),
                    Action::AddContact => Purpose::AddContact(id, ContactInput::default()),
                    Action::AddDependant => Purpose::AddDependant(
                        id,
                        DependantInput {
                            relation: "child".into(),
                            ..Default::default()
                        },
                    ),
                    Action::AddTrainingRecord => {
                        // The form comes back to the Training section, where the record shows.
                        if let Some(n) = Section::ALL.iter().position(|s| *s == Section::Training) {
                            d.section = n;
                        }
                        let mut courses = vec![(String::new(), i18n.t("training.no_course"))];
                        courses.extend(
                            store
                                .training()
                                .courses()
                                .unwrap_or_default()
                                .into_iter()
                                .map(|c| (c.id.to_string(), c.data.title)),
                        );
                        Purpose::AddTrainingRecord(
                            id,
                            RecordInput {
                                from: today.clone(),
                                kind: "formal".into(),
                                ..Default::default()
                            },
                            courses,
                        )
                    }
                    Action::AddDimona => {
                        let kind = checklist::next_dimona_kind(&d.checklist, &d.dossier);
                        match store.dimona().prefill(id, kind) {
                            Ok(input) => Purpose::AddDimona(id, input),
                            Err(e) => {
                                return Request::Status(
                                    crate::errors::store_error(i18n, &e),
                                    Level::Error,
                                );
                            }
                        }
                    }
                    _ => return Request::None,
                };
                self.start_form(store, i18n, purpose);
            }
            _ => {}
        }
        Request::None
    }

    fn handle_form(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(state) = self.form.as_mut() else {
            return Request::None;
        };
        if action == Action::Save
            && matches!(state.purpose, Purpose::Unlock(..) | Purpose::SetPin(..))
        {
            return self.give_pin(store, i18n);
        }
        let step = state.on_action(action, store, i18n);
        self.after_form(step, store, i18n)
    }

    /// Checks (or sets) the PIN typed in the form; the proof it gives opens the confidential area
    /// for the rest of the session. A wrong PIN stays in the form with the reason beside it.
    fn give_pin(&mut self, store: &Store, i18n: &I18n) -> Request {
        let Some(state) = self.form.as_mut() else {
            return Request::None;
        };
        let repo = store.confidential();
        let (id, outcome, message) = match &state.purpose {
            Purpose::Unlock(id, b) => (*id, repo.unlock(&state.form.values(b).pin), "msg.unlocked"),
            Purpose::SetPin(id, _, b) => (*id, repo.set_pin(&state.form.values(b)), "msg.pin_set"),
            _ => return Request::None,
        };
        match outcome {
            Ok(key) => {
                self.unlocked = Some(key);
                self.form = None;
                let section = Section::ALL
                    .iter()
                    .position(|s| *s == Section::Confidential)
                    .unwrap_or(0);
                if let Err(e) = self.open(store, id, section) {
                    return Request::Status(crate::errors::store_error(i18n, &e), Level::Error);
                }
                Request::Status(i18n.t(message), Level::Info)
            }
            Err(StoreError::Invalid(v)) => {
                state.form.show_errors(v, true);
                Request::Status(i18n.t("msg.fix_fields"), Level::Error)
            }
            Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        }
    }

    /// Closes the form when it is done and shows the saved dossier where the user was.
    fn after_form(&mut self, step: FormStep, store: &Store, i18n: &I18n) -> Request {
        match step {
            FormStep::Open(r) => r,
            FormStep::Closed(r) => {
                self.form = None;
                r
            }
            FormStep::Saved(saved) => {
                let made_letter = matches!(
                    self.form.as_ref().map(|f| &f.purpose),
                    Some(Purpose::MakeDocument(_))
                );
                let section = match &self.view {
                    _ if made_letter => Section::ALL
                        .iter()
                        .position(|s| *s == Section::Documents)
                        .unwrap_or(0),
                    View::Detail(d) => d.section,
                    View::List => 0,
                };
                self.form = None;
                self.reload_at(store, saved.employee_id);
                let _ = self.open(store, saved.employee_id, section);
                if made_letter
                    && let View::Detail(d) = &self.view
                    && let Some(doc) = d.generated.first()
                {
                    let path = doc.html_path.as_ref().or(doc.markdown_path.as_ref());
                    let path = path.cloned().unwrap_or_default();
                    return Request::Status(
                        i18n.tf(saved.message_key, &[("path", &path)]),
                        Level::Info,
                    );
                }
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

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        if let Some(f) = &self.form {
            f.form.render(frame, area, i18n);
            return;
        }
        match &self.view {
            View::List => list::render(self, frame, area, i18n),
            View::Detail(d) => {
                detail::render(d, frame, area, i18n);
                if let Some(p) = &self.picker {
                    p.render(frame, area, &d.dossier.employee.data.full_name(), i18n);
                }
            }
        }
    }
}
