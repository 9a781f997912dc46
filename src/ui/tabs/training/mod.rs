//! The Training tab: sub-views for the catalogue, sessions (upcoming first; a session opens on its
//! enrolments, waiting list and an attendance grid ticked with one key), the year's needs and plan
//! against the budget, certificates (expiring first, and mandatory ones missing), talks, and
//! employees' requests (pending first; approved on a session, or refused with a reason).

mod forms;
mod picker;
mod requests_view;
mod view;

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::domain::today::training::TrainingPlace;
use crate::domain::today::{DossierPart, PersonRef, Place};
use crate::domain::training::RequestStatus;
use crate::domain::training::TrainingSettings;
use crate::domain::training::course::Course;
use crate::domain::training::session::Attendance;
use crate::domain::training::talk::Talk;
use crate::i18n::I18n;
use crate::store::{
    CertificateDue, EnrolmentRow, MissingCertificate, Need, PlanLine, SessionRow, Store, TalkDue,
    TrainingRequest,
};
use crate::ui::action::Action;
use crate::ui::form_flow::{self, FormState, FormStep};
use crate::ui::keymap::Context;
use crate::ui::request::{Pending, Request};
use crate::ui::widgets::bars::Level;
pub use forms::TrainingForm;
pub use picker::{PersonPicker, PickFor};

/// Sessions and talks read at most (the views scroll within them).
const LIST_CAP: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Catalogue,
    Sessions,
    Plan,
    Certificates,
    Talks,
    Requests,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Catalogue,
        View::Sessions,
        View::Plan,
        View::Certificates,
        View::Talks,
        View::Requests,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Catalogue => "training.view_catalogue",
            View::Sessions => "training.view_sessions",
            View::Plan => "training.view_plan",
            View::Certificates => "training.view_certificates",
            View::Talks => "training.view_talks",
            View::Requests => "training.view_requests",
        }
    }
}

/// One opened session: its people and the day whose attendance is being ticked.
#[derive(Debug, Clone)]
pub struct SessionDetail {
    pub session: SessionRow,
    pub rows: Vec<EnrolmentRow>,
    pub selected: usize,
    pub day: usize,
}

/// The year's plan: needs, totals per department, and the company's training right.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub year: i32,
    pub needs: Vec<Need>,
    pub lines: Vec<PlanLine>,
    /// Company totals of the training right: (people, days due, days followed) in hundredths.
    pub right: (usize, i64, i64),
}

#[derive(Default)]
pub struct TrainingTab {
    pub view: usize,
    pub selected: [usize; View::ALL.len()],
    pub today: NaiveDate,
    pub settings: TrainingSettings,
    pub courses: Vec<Course>,
    pub sessions: Vec<SessionRow>,
    pub plan: Plan,
    pub certificates: Vec<CertificateDue>,
    pub missing: Vec<MissingCertificate>,
    pub talks: Vec<(PersonRef, Talk)>,
    pub overdue: Vec<TalkDue>,
    pub requests: Vec<TrainingRequest>,
    pub detail: Option<SessionDetail>,
    pub form: Option<FormState<TrainingForm>>,
    pub picker: Option<PersonPicker>,
    pub error: Option<String>,
}

impl TrainingTab {
    pub fn shown(&self) -> View {
        View::ALL[self.view]
    }

    /// Reads everything the sub-views show (called when the tab is entered, and after a change).
    pub fn enter(&mut self, store: &Store) {
        self.today = store.clock().today();
        if self.plan.year == 0 {
            self.plan.year = self.today.year();
        }
        let t = store.training();
        let read = (|| -> Result<(), crate::store::StoreError> {
            self.settings = t.settings()?;
            self.courses = t.courses()?;
            self.sessions = t.sessions(self.today, LIST_CAP)?;
            self.certificates = t.expiring(self.today, self.settings.expiry_days, LIST_CAP)?;
            self.missing = t.missing_certificates(self.today, LIST_CAP)?;
            self.talks = t.talks(LIST_CAP)?;
            self.overdue = t.talks_overdue(self.today, LIST_CAP)?;
            self.requests = t.requests()?;
            self.load_plan(store)?;
            Ok(())
        })();
        self.error = read.err().map(|e| e.to_string());
        if let Some(d) = &self.detail {
            let id = d.session.id;
            self.open_session(store, id);
        }
        for v in 0..View::ALL.len() {
            self.selected[v] = self.selected[v].min(self.len_of(View::ALL[v]).saturating_sub(1));
        }
    }

    fn load_plan(&mut self, store: &Store) -> Result<(), crate::store::StoreError> {
        let t = store.training();
        let year = self.plan.year;
        let rights = t.rights(year)?;
        self.plan = Plan {
            year,
            needs: t.needs(year)?,
            lines: t.plan(year)?,
            right: (
                rights.len(),
                rights.iter().map(|r| r.right.due_centidays).sum(),
                rights.iter().map(|r| r.right.followed_centidays).sum(),
            ),
        };
        Ok(())
    }

    pub fn len_of(&self, v: View) -> usize {
        match v {
            View::Catalogue => self.courses.len(),
            View::Sessions => self.sessions.len(),
            View::Plan => self.plan.needs.len(),
            View::Certificates => self.certificates.len() + self.missing.len(),
            View::Talks => self.overdue.len() + self.talks.len(),
            View::Requests => self.requests.len(),
        }
    }

    /// Shows an item of the tab (from the Today list): the request to answer.
    pub fn show(&mut self, store: &Store, i18n: &I18n, part: TrainingPlace, id: i64) {
        self.detail = None;
        self.form = None;
        self.picker = None;
        self.enter(store);
        match part {
            TrainingPlace::Request => {
                self.view = View::Requests as usize;
                if let Some(n) = self.requests.iter().position(|r| r.id == id) {
                    self.selected[self.view] = n;
                }
            }
            TrainingPlace::FollowUp => self.open_follow_up(store, i18n, id),
        }
    }

    /// The follow-up form of a training record (from the Today list).
    fn open_follow_up(&mut self, store: &Store, i18n: &I18n, record_id: i64) {
        match store.training().record_subject(record_id) {
            Ok((person, course)) => {
                let purpose = TrainingForm::FollowUp {
                    record_id,
                    name: person.name,
                    course,
                };
                let form = purpose.form(store, i18n);
                self.form = Some(FormState::new(form, purpose, store, i18n));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else if self.picker.is_some() {
            Context::Picker
        } else if self.detail.is_some() {
            Context::TrainingSession
        } else {
            Context::Training
        }
    }

    /// Keys typed into a form field (navigation and save are actions).
    pub fn form_key(&mut self, key: &KeyEvent) {
        if let Some(f) = self.form.as_mut() {
            f.form.edit(key);
        }
    }

    /// Keys while the person picker is open: typed text filters, ↑/↓ move, Enter takes, Esc closes.
    pub fn picker_key(&mut self, store: &Store, i18n: &I18n, key: &KeyEvent) -> Request {
        let Some(p) = self.picker.as_mut() else {
            return Request::None;
        };
        match key.code {
            KeyCode::Esc => self.picker = None,
            KeyCode::Up => p.selected = p.selected.saturating_sub(1),
            KeyCode::Down => p.selected = (p.selected + 1).min(p.matches().len().saturating_sub(1)),
            KeyCode::Enter => {
                let chosen = p.matches().get(p.selected).map(|c| (c.id, c.name.clone()));
                let purpose = p.purpose;
                self.picker = None;
                if let Some((id, name)) = chosen {
                    return self.picked(purpose, id, &name, store, i18n);
                }
            }
            _ => p.edit(key),
        }
        Request::None
    }

    fn picked(
        &mut self,
        purpose: PickFor,
        id: i64,
        name: &str,
        store: &Store,
        i18n: &I18n,
    ) -> Request {
        match purpose {
            PickFor::Enrol(session) => match store.training().enrol(session, id) {
                Ok((_, status)) => {
                    self.enter(store);
                    Request::Status(
                        i18n.tf(
                            "msg.training_enrolled",
                            &[("name", name), ("status", &i18n.choice(status))],
                        ),
                        Level::Info,
                    )
                }
                Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
            },
            PickFor::Request => {
                let purpose = TrainingForm::Request {
                    employee_id: id,
                    name: name.to_string(),
                };
                let form = purpose.form(store, i18n);
                self.form = Some(FormState::new(form, purpose, store, i18n));
                Request::None
            }
            PickFor::Talk => {
                let purpose = TrainingForm::Talk {
                    employee_id: id,
                    name: name.to_string(),
                    sections: self.settings.talk_sections.clone(),
                };
                let form = purpose.form(store, i18n);
                self.form = Some(FormState::new(form, purpose, store, i18n));
                Request::None
            }
        }
    }

    pub fn handle(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        if let Some(state) = self.form.as_mut() {
            let step = state.on_action(action, store, i18n);
            return self.after_form(step, store, i18n);
        }
        if self.detail.is_some() {
            return self.handle_session(action, store, i18n);
        }
        let v = self.shown();
        let len = self.len_of(v);
        let sel = &mut self.selected[self.view];
        match action {
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
            Action::PageUp => *sel = sel.saturating_sub(10),
            Action::PageDown => *sel = (*sel + 10).min(len.saturating_sub(1)),
            Action::Home => *sel = 0,
            Action::End => *sel = len.saturating_sub(1),
            Action::NextSection => self.view = (self.view + 1) % View::ALL.len(),
            Action::PrevSection => self.view = (self.view + View::ALL.len() - 1) % View::ALL.len(),
            Action::PrevYear | Action::NextYear if v == View::Plan => {
                self.plan.year += if action == Action::NextYear { 1 } else { -1 };
                if let Err(e) = self.load_plan(store) {
                    self.error = Some(e.to_string());
                }
                self.selected[self.view] = 0;
            }
            Action::Refresh => {
                self.enter(store);
                return Request::Status(i18n.t("msg.refreshed"), Level::Info);
            }
            Action::TrainingNew => return self.start_new(store, i18n),
            Action::TrainingOpen => return self.open_selected(store),
            Action::TalkActionDone if v == View::Talks => return self.talk_action(store, i18n),
            Action::Approve | Action::Refuse if v == View::Requests => {
                return self.answer(action, store, i18n);
            }
            _ => {}
        }
        Request::None
    }

    /// `a` on a talk with agreed actions: the form that ticks one done (or open again).
    fn talk_action(&mut self, store: &Store, i18n: &I18n) -> Request {
        let s = self.selected[View::Talks as usize];
        let Some((person, talk)) = s
            .checked_sub(self.overdue.len())
            .and_then(|n| self.talks.get(n))
        else {
            return Request::None;
        };
        if talk.data.actions.is_empty() {
            return Request::Status(i18n.t("msg.training_talk_no_actions"), Level::Error);
        }
        let purpose = TrainingForm::TalkAction {
            talk_id: talk.id,
            name: person.name.clone(),
            actions: talk
                .data
                .actions
                .iter()
                .enumerate()
                .map(|(n, a)| (n.to_string(), forms::action_label(a)))
                .collect(),
        };
        let form = purpose.form(store, i18n);
        self.form = Some(FormState::new(form, purpose, store, i18n));
        Request::None
    }

    /// `A`/`R` on a pending request: the session to approve it on, or the reason to refuse it.
    fn answer(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(r) = self.requests.get(self.selected[View::Requests as usize]) else {
            return Request::None;
        };
        if r.status != RequestStatus::Pending {
            return Request::Status(i18n.t("err.training_request_decided"), Level::Error);
        }
        let purpose = if action == Action::Approve {
            if forms::session_options(store, r.course_id, i18n).is_empty() {
                return Request::Status(
                    i18n.tf("msg.training_no_session_for", &[("course", &r.course)]),
                    Level::Error,
                );
            }
            TrainingForm::Approve {
                request_id: r.id,
                course_id: r.course_id,
                name: r.person.name.clone(),
                course: r.course.clone(),
            }
        } else {
            TrainingForm::Refuse {
                request_id: r.id,
                name: r.person.name.clone(),
                course: r.course.clone(),
            }
        };
        let form = purpose.form(store, i18n);
        self.form = Some(FormState::new(form, purpose, store, i18n));
        Request::None
    }

    /// `n`: a course in the catalogue, a session (of the selected course) in the sessions, a talk
    /// (after choosing the person) in the talks.
    fn start_new(&mut self, store: &Store, i18n: &I18n) -> Request {
        let purpose = match self.shown() {
            View::Catalogue | View::Plan => TrainingForm::Course,
            View::Sessions | View::Certificates => {
                if self.courses.is_empty() {
                    return Request::Status(i18n.t("msg.training_no_courses"), Level::Error);
                }
                let course = match self.shown() {
                    View::Certificates => self.selected_course(),
                    _ => None,
                };
                TrainingForm::Session { course }
            }
            View::Talks => {
                self.picker = Some(PersonPicker::new(
                    store,
                    PickFor::Talk,
                    i18n.t("training.pick_talk"),
                ));
                return Request::None;
            }
            View::Requests => {
                if self.courses.is_empty() {
                    return Request::Status(i18n.t("msg.training_no_courses"), Level::Error);
                }
                self.picker = Some(PersonPicker::new(
                    store,
                    PickFor::Request,
                    i18n.t("training.pick_request"),
                ));
                return Request::None;
            }
        };
        let form = purpose.form(store, i18n);
        self.form = Some(FormState::new(form, purpose, store, i18n));
        Request::None
    }

    /// The course of the selected certificate line (to plan a session for it).
    fn selected_course(&self) -> Option<i64> {
        let s = self.selected[View::Certificates as usize];
        match self.certificates.get(s) {
            Some(c) => c.record.data.course_id,
            None => self
                .missing
                .get(s - self.certificates.len())
                .map(|m| m.course_id),
        }
    }

    /// Enter: a session opens on its people; a certificate, need or talk opens the dossier.
    fn open_selected(&mut self, store: &Store) -> Request {
        let s = self.selected[self.view];
        let person = match self.shown() {
            View::Sessions => {
                if let Some(id) = self.sessions.get(s).map(|x| x.id) {
                    self.open_session(store, id);
                }
                return Request::None;
            }
            View::Catalogue => None,
            View::Plan => self.plan.needs.get(s).map(|n| n.person.id),
            View::Certificates => match self.certificates.get(s) {
                Some(c) => Some(c.person.id),
                None => self
                    .missing
                    .get(s - self.certificates.len())
                    .map(|m| m.person.id),
            },
            View::Talks => match self.overdue.get(s) {
                Some(o) => Some(o.person.id),
                None => self.talks.get(s - self.overdue.len()).map(|t| t.0.id),
            },
            View::Requests => self.requests.get(s).map(|r| r.person.id),
        };
        match person {
            Some(employee_id) => Request::Go(Place::Dossier {
                employee_id,
                part: DossierPart::Training,
            }),
            None => Request::None,
        }
    }

    /// Opens a session on its enrolments (and keeps the row and day when it is already open).
    pub fn open_session(&mut self, store: &Store, id: i64) {
        let t = store.training();
        match t.session(id).and_then(|s| Ok((s, t.enrolments(id)?))) {
            Ok((session, rows)) => {
                let (selected, day) = match &self.detail {
                    Some(d) if d.session.id == id => (d.selected, d.day),
                    _ => {
                        // Start on the first day that is today or later (else the last day).
                        let day = session
                            .data
                            .days
                            .iter()
                            .position(|d| d.date >= self.today)
                            .unwrap_or(session.data.days.len().saturating_sub(1));
                        (0, day)
                    }
                };
                self.detail = Some(SessionDetail {
                    selected: selected.min(rows.len().saturating_sub(1)),
                    day,
                    session,
                    rows,
                });
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn handle_session(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(d) = self.detail.as_mut() else {
            return Request::None;
        };
        let days = d.session.data.days.len();
        match action {
            Action::Up => d.selected = d.selected.saturating_sub(1),
            Action::Down => d.selected = (d.selected + 1).min(d.rows.len().saturating_sub(1)),
            Action::PrevDay => d.day = d.day.saturating_sub(1),
            Action::NextDay => d.day = (d.day + 1).min(days.saturating_sub(1)),
            Action::Back => {
                self.detail = None;
                self.enter(store);
            }
            Action::Enrol => {
                let id = d.session.id;
                self.picker = Some(PersonPicker::new(
                    store,
                    PickFor::Enrol(id),
                    i18n.t("training.pick_enrol"),
                ));
            }
            Action::Attend => return self.attend(store, i18n),
            Action::TrainingEvaluate => return self.evaluate(store, i18n),
            Action::CancelEnrolment => {
                if let Some(row) = d.rows.get(d.selected)
                    && row.status != crate::domain::training::session::EnrolmentStatus::Cancelled
                {
                    return Request::Confirm(
                        i18n.tf("confirm.training_cancel", &[("name", &row.person.name)]),
                        Pending::CancelEnrolment(row.id),
                    );
                }
            }
            _ => {}
        }
        Request::None
    }

    /// `v`: the evaluation form of the selected participant, once their attendance wrote the record.
    fn evaluate(&mut self, store: &Store, i18n: &I18n) -> Request {
        let Some(d) = self.detail.as_ref() else {
            return Request::None;
        };
        let Some(row) = d.rows.get(d.selected) else {
            return Request::None;
        };
        let record = match store
            .training()
            .record_of_session(d.session.id, row.person.id)
        {
            Ok(Some(r)) => r,
            Ok(None) => {
                return Request::Status(
                    i18n.tf("err.training_not_attended", &[("name", &row.person.name)]),
                    Level::Error,
                );
            }
            Err(e) => return Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        };
        let purpose = TrainingForm::Evaluate {
            record_id: record,
            name: row.person.name.clone(),
            course: d.session.course.clone(),
            questions: self.settings.evaluation_questions.clone(),
        };
        let form = purpose.form(store, i18n);
        self.form = Some(FormState::new(form, purpose, store, i18n));
        Request::None
    }

    /// Space: the selected person's mark on the selected day moves to the next one.
    fn attend(&mut self, store: &Store, i18n: &I18n) -> Request {
        let Some(d) = self.detail.as_ref() else {
            return Request::None;
        };
        let (Some(row), Some(day)) = (d.rows.get(d.selected), d.session.data.days.get(d.day))
        else {
            return Request::None;
        };
        let now = row
            .marks
            .iter()
            .find(|(on, _)| *on == day.date)
            .map(|(_, a)| *a);
        let next = Attendance::cycle(now);
        let id = d.session.id;
        match store.training().mark(row.id, day.date, next) {
            Ok(r) => {
                self.open_session(store, id);
                if r.record_id.is_some() {
                    Request::Status(i18n.t("msg.training_record_written"), Level::Info)
                } else {
                    Request::None
                }
            }
            Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
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
                self.form = None;
                self.enter(store);
                Request::Status(i18n.t(saved.message_key), Level::Info)
            }
        }
    }

    pub fn confirmed(&mut self, pending: Pending, store: &Store, i18n: &I18n) -> Request {
        if let Some(step) = form_flow::on_confirm(&mut self.form, pending, store, i18n) {
            return self.after_form(step, store, i18n);
        }
        let Pending::CancelEnrolment(id) = pending else {
            return Request::None;
        };
        match store.training().cancel_enrolment(id) {
            Ok(up) => {
                self.enter(store);
                let key = if up.is_empty() {
                    "msg.training_cancelled"
                } else {
                    "msg.training_cancelled_promoted"
                };
                Request::Status(i18n.t(key), Level::Info)
            }
            Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        if let Some(f) = &self.form {
            f.form.render(frame, area, i18n);
            return;
        }
        view::render(self, frame, area, i18n);
        if let Some(p) = &self.picker {
            p.render(frame, i18n);
        }
    }
}
