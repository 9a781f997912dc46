//! The Leave tab: the people with their balances beside the selected person's requests, sickness
//! and ledger; and the team calendar, a month with the people employed as rows and days as columns.
//! Both views page through the same filtered staff list, so neither loads everyone.

mod balances_view;
mod forms;
pub mod marks;
mod person;
mod view;

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use tui_input::Input;

use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::leave::correction::CorrectionInput;
use crate::domain::leave::holidays::{
    CompanyDayInput, CompanyDayKind, default_replacement, missing_replacements,
};
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::leave::ledger::{Balance, Bucket};
use crate::domain::leave::request::{LeaveRequestInput, RequestStatus};
use crate::domain::leave::rules::day_in_year;
use crate::domain::leave::schedule::ScheduleInput;
use crate::domain::leave::sickness::SickSpellInput;
use crate::i18n::I18n;
use crate::store::{EmployeeRow, ListQuery, Store};
use crate::ui::action::Action;
use crate::ui::form_flow::{self, FormState, FormStep};
use crate::ui::keymap::Context;
use crate::ui::request::{Pending, Request};
use crate::ui::tabs::staff;
use crate::ui::widgets::bars::Level;
use crate::ui::widgets::filter_line;
use crate::ui::widgets::month_grid::{GridDay, GridRow};
use crate::ui::widgets::paged::PagedWindow;
pub use forms::LeaveForm;
use marks::{Absence, AbsenceStatus};
use person::{Item, Person};

/// Which of the two views the tab shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LeaveView {
    #[default]
    Balances,
    Calendar,
}

/// In the balance view: the list of people has the keys, or the selected person's lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Items,
}

/// One list row's balances: the person's day length (the unit shown) and the year's buckets.
#[derive(Debug, Clone, Default)]
pub struct RowBalances {
    pub day_minutes: u32,
    pub buckets: Vec<(Bucket, Balance)>,
}

/// Who is away today, company-wide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AbsentToday {
    pub count: usize,
    pub names: Vec<String>,
}

#[derive(Default)]
pub struct LeaveTab {
    /// The first day of the month shown.
    pub month: NaiveDate,
    /// The highlighted day, always inside `month`.
    pub day: NaiveDate,
    pub today: NaiveDate,
    pub query: ListQuery,
    /// Some while the filter line has the keyboard.
    pub filter: Option<Input>,
    pub window: PagedWindow<EmployeeRow>,
    pub types: Vec<LeaveType>,
    pub days: Vec<GridDay>,
    /// One grid row per row of `window.rows`, same order.
    pub rows: Vec<GridRow>,
    pub absences: HashMap<i64, Vec<Absence>>,
    pub absent_today: AbsentToday,
    /// Set when something could not be read, shown instead of the grid.
    pub error: Option<String>,
    /// What the marks were built for (month, first row id, rows), so moving within a page re-reads nothing.
    loaded: Option<(NaiveDate, u64, usize, Option<i64>)>,
    pub view: LeaveView,
    pub focus: Focus,
    /// Balances of the loaded rows for the year of `day`, by employee id.
    pub balances: HashMap<i64, RowBalances>,
    balances_loaded: Option<(i32, u64, usize, Option<i64>)>,
    /// The selected person (balance view).
    pub person: Option<Person>,
    pub form: Option<FormState<LeaveForm>>,
}

fn first_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

impl LeaveTab {
    /// Called when the tab is shown: reads the people, the types and today's absences afresh
    /// (dossiers or leave may have changed elsewhere). Keeps the month, the day and the view.
    pub fn enter(&mut self, store: &Store) {
        self.today = store.clock().today();
        if self.month == NaiveDate::default() {
            self.go_to(self.today);
        }
        self.reload_people(store);
        self.invalidate(store);
    }

    /// Shows one person's balances with their requests and sickness, on the request or spell given (the
    /// Today tab's jump). The list is filtered to their number, so Esc brings everyone back.
    pub fn show(
        &mut self,
        store: &Store,
        employee_id: i64,
        request_id: Option<i64>,
        spell_id: Option<i64>,
    ) {
        let number = match store.employees().get(employee_id) {
            Ok(e) => e.data.number,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        let leave = store.leave();
        let on = request_id
            .and_then(|id| leave.request(id).ok().map(|r| r.from))
            .or_else(|| {
                spell_id.and_then(|id| leave.sick_spell(employee_id, id).ok().map(|s| s.start))
            })
            .unwrap_or(self.today);
        self.go_to(on);
        self.view = LeaveView::Balances;
        self.filter = None;
        self.query.filter = number;
        self.reload_people(store);
        self.invalidate(store);
        if let Some(p) = self.person.as_mut() {
            let at = p.items.iter().position(|item| match *item {
                Item::Request(i) => {
                    request_id.is_some() && p.absence.requests.get(i).map(|r| r.id) == request_id
                }
                Item::Spell(i) => {
                    spell_id.is_some() && p.absence.spell_ids.get(i).copied() == spell_id
                }
            });
            p.select(at.unwrap_or(0));
            self.focus = Focus::Items;
        }
    }

    /// Opens the company-day form on the first of `year`'s holidays still without a replacement day,
    /// with the first usual working day after it as the suggestion (the Today list's jump).
    pub fn add_replacement_day(&mut self, store: &Store, i18n: &I18n, year: i32) -> Request {
        let leave = store.leave();
        let read = leave.rest_days().and_then(|rest| {
            let days = leave.company_days()?;
            let lost = missing_replacements(year, &days, |d| rest.contains(d));
            Ok(lost.first().map(|(holiday, _)| {
                let suggestion = default_replacement(*holiday, &days, |d| rest.contains(d));
                (*holiday, suggestion)
            }))
        });
        let (holiday, suggestion) = match read {
            Ok(Some(found)) => found,
            Ok(None) => return Request::Status(i18n.t("msg.replacements_complete"), Level::Info),
            Err(e) => return Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        };
        let purpose = LeaveForm::CompanyDay(CompanyDayInput {
            date: suggestion.map(format_date).unwrap_or_default(),
            kind: CompanyDayKind::Replacement.code().into(),
            name: String::new(),
            replaces: format_date(holiday),
        });
        let form = purpose.form(store, i18n, "");
        self.form = Some(FormState::new(form, purpose, store, i18n));
        Request::None
    }

    /// Forgets what was read, after a save or a status change, and reads what is shown again.
    fn invalidate(&mut self, store: &Store) {
        self.loaded = None;
        self.balances_loaded = None;
        self.person = None;
        if let Err(e) = self.read_absent_today(store) {
            self.error = Some(e.to_string());
        }
        self.refresh(store);
    }

    pub fn context(&self) -> Context {
        match (self.form.is_some(), self.view, self.focus) {
            (true, _, _) => Context::Form,
            (false, LeaveView::Calendar, _) => Context::Leave,
            (false, LeaveView::Balances, Focus::List) => Context::LeaveList,
            (false, LeaveView::Balances, Focus::Items) => Context::LeaveItems,
        }
    }

    /// The year whose balances the balance view shows: the year of the selected day.
    pub fn year(&self) -> i32 {
        self.day.year()
    }

    fn go_to(&mut self, day: NaiveDate) {
        self.day = day;
        self.month = first_of(day);
    }

    fn reload_people(&mut self, store: &Store) {
        if let Err(e) = staff::reload(&mut self.window, store, &self.query) {
            self.error = Some(e.to_string());
        }
    }

    /// Re-reads what the current view shows when what it was built for changed.
    fn refresh(&mut self, store: &Store) {
        let rows = (
            self.window.start,
            self.window.rows.len(),
            self.window.rows.first().map(|r| r.id),
        );
        let result = match self.view {
            LeaveView::Calendar => {
                let key = (self.month, rows.0, rows.1, rows.2);
                if self.loaded == Some(key) {
                    return;
                }
                self.read_month(store).map(|()| self.loaded = Some(key))
            }
            LeaveView::Balances => {
                let key = (self.year(), rows.0, rows.1, rows.2);
                let read = if self.balances_loaded == Some(key) {
                    Ok(())
                } else {
                    self.read_balances(store)
                        .map(|()| self.balances_loaded = Some(key))
                };
                read.and_then(|()| self.read_person(store))
            }
        };
        match result {
            Ok(()) => self.error = None,
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// The balances of every loaded row (a few hundred at most), through the one balance function.
    fn read_balances(&mut self, store: &Store) -> crate::store::Result<()> {
        let leave = store.leave();
        let year = self.year();
        let on = day_in_year(year, self.today);
        self.balances.clear();
        for r in &self.window.rows {
            self.balances.insert(
                r.id,
                RowBalances {
                    day_minutes: leave.day_minutes(r.id, on)?,
                    buckets: leave.balances(r.id, year)?,
                },
            );
        }
        Ok(())
    }

    /// Reads the selected person when the selection or the year changed; keeps the selected line.
    fn read_person(&mut self, store: &Store) -> crate::store::Result<()> {
        let Some(row) = self.window.selected_row() else {
            self.person = None;
            return Ok(());
        };
        let year = self.year();
        if self
            .person
            .as_ref()
            .is_some_and(|p| p.id == row.id && p.absence.year == year)
        {
            return Ok(());
        }
        let keep = self
            .person
            .as_ref()
            .filter(|p| p.id == row.id)
            .map(|p| p.selected);
        let mut person = Person::load(store, row.id, row.name.clone(), year)?;
        person.select(keep.unwrap_or(0));
        self.person = Some(person);
        Ok(())
    }

    fn read_month(&mut self, store: &Store) -> crate::store::Result<()> {
        let leave = store.leave();
        self.types = leave.types()?;
        let calendar = leave.calendar()?;
        let (from, to) = marks::month_bounds(self.month.year(), self.month.month());
        self.days = marks::days(self.month.year(), self.month.month(), &calendar, self.today);
        let ids: Vec<i64> = self.window.rows.iter().map(|r| r.id).collect();
        // Only the people on screen: the whole company's month would grow with every year kept.
        let requests = leave.requests_between_for(&ids, from, to)?;
        let sick = leave.sick_between_for(&ids, from, to)?;
        self.absences = marks::absences(&ids, &self.types, &requests, &sick, self.today);
        self.rows = self
            .window
            .rows
            .iter()
            .map(|r| GridRow {
                label: r.name.clone(),
                marks: marks::marks(&self.days, &self.absences[&r.id], &self.types),
            })
            .collect();
        Ok(())
    }

    /// Who is away today, shown above both views.
    fn read_absent_today(&mut self, store: &Store) -> crate::store::Result<()> {
        let calendar = store.leave().calendar()?;
        let off = self.today.weekday().num_days_from_monday() >= 5
            || calendar.day_off(self.today).is_some();
        self.absent_today = absent_today(store, self.today, off)?;
        Ok(())
    }

    /// Keys typed into the filter line (it filters as you type).
    pub fn filter_key(&mut self, store: &Store, key: &KeyEvent) {
        if filter_line::edit(&mut self.filter, &mut self.query.filter, key) {
            self.reload_people(store);
            self.refresh(store);
        }
    }

    /// Keys typed into a form field (navigation and save are actions).
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
        let q = self.query.clone();
        let month_shift = |d: NaiveDate, months: i32| {
            let m = Months::new(months.unsigned_abs());
            if months < 0 {
                d.checked_sub_months(m)
            } else {
                d.checked_add_months(m)
            }
            .unwrap_or(d)
        };
        let items = self.view == LeaveView::Balances && self.focus == Focus::Items;
        match action {
            Action::Up if items => self.person.iter_mut().for_each(|p| p.move_by(-1)),
            Action::Down if items => self.person.iter_mut().for_each(|p| p.move_by(1)),
            Action::Back if items => self.focus = Focus::List,
            Action::ShowItems if self.view == LeaveView::Balances && self.person.is_some() => {
                self.focus = Focus::Items
            }
            a if staff::navigate(&mut self.window, a, store, &q) => {}
            Action::PrevDay => self.go_to(self.day.pred_opt().unwrap_or(self.day)),
            Action::NextDay => self.go_to(self.day.succ_opt().unwrap_or(self.day)),
            Action::PrevMonth => self.go_to(month_shift(self.day, -1)),
            Action::NextMonth => self.go_to(month_shift(self.day, 1)),
            Action::PrevYear => self.go_to(month_shift(self.day, -12)),
            Action::NextYear => self.go_to(month_shift(self.day, 12)),
            Action::Today => self.go_to(self.today),
            Action::Filter => self.filter = Some(Input::new(self.query.filter.clone())),
            Action::Back if !self.query.filter.is_empty() => {
                self.query.filter.clear();
                self.reload_people(store);
            }
            Action::ToggleView => {
                self.view = match self.view {
                    LeaveView::Balances => LeaveView::Calendar,
                    LeaveView::Calendar => LeaveView::Balances,
                };
                self.focus = Focus::List;
            }
            Action::AddLeave
            | Action::AddSick
            | Action::Correct
            | Action::Edit
            | Action::SetSchedule => {
                return self.start_form(action, store, i18n);
            }
            Action::Approve => return self.set_status(RequestStatus::Approved, store, i18n),
            Action::Refuse => return self.set_status(RequestStatus::Refused, store, i18n),
            Action::CancelLeave => {
                return match self.target_request() {
                    Some(id) => {
                        Request::Confirm(i18n.t("confirm.cancel_leave"), Pending::CancelRequest(id))
                    }
                    None => Request::Status(i18n.t("msg.no_request_selected"), Level::Error),
                };
            }
            _ => return Request::None,
        }
        self.refresh(store);
        Request::None
    }

    /// The request the approve/refuse/cancel keys act on: the selected line in the balance view, the
    /// leave in the selected cell in the calendar.
    fn target_request(&self) -> Option<i64> {
        match self.view {
            LeaveView::Balances => self.person.as_ref()?.selected_request(),
            LeaveView::Calendar => {
                let a = self.selected_absence()?;
                matches!(a.status, AbsenceStatus::Request(_)).then_some(a.id)
            }
        }
    }

    fn set_status(&mut self, to: RequestStatus, store: &Store, i18n: &I18n) -> Request {
        let Some(id) = self.target_request() else {
            return Request::Status(i18n.t("msg.no_request_selected"), Level::Error);
        };
        match store.leave().set_request_status(id, to) {
            Ok(r) => {
                self.invalidate(store);
                Request::Status(
                    i18n.tf(
                        "msg.request_status",
                        &[
                            ("from", &format_date(r.from)),
                            ("to", &format_date(r.to)),
                            ("status", &i18n.choice(r.status)),
                        ],
                    ),
                    Level::Info,
                )
            }
            Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        }
    }

    /// Opens the form an action asks for, about the selected person, starting on the selected day in
    /// the calendar (today in the balance view).
    fn start_form(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(row) = self.window.selected_row() else {
            return Request::Status(i18n.t("msg.nobody_selected"), Level::Error);
        };
        let (id, who) = (row.id, row.name.clone());
        let day = match self.view {
            LeaveView::Calendar => self.day,
            LeaveView::Balances => self.today,
        };
        let date = format_date(day);
        let purpose = match action {
            Action::AddLeave => LeaveForm::AddRequest(
                id,
                LeaveRequestInput {
                    leave_type: "legal".into(),
                    from: date.clone(),
                    to: date,
                    part: "full".into(),
                    status: "approved".into(),
                    ..Default::default()
                },
            ),
            Action::AddSick => LeaveForm::AddSick(
                id,
                SickSpellInput {
                    start: date,
                    cause: "illness".into(),
                    certificate_free: "no".into(),
                    same_illness: "no".into(),
                    ..Default::default()
                },
            ),
            Action::Correct => LeaveForm::Correct(
                id,
                CorrectionInput {
                    year: self.year().to_string(),
                    bucket: "legal".into(),
                    ..Default::default()
                },
            ),
            Action::SetSchedule => {
                let current = store
                    .leave()
                    .schedules(id)
                    .ok()
                    .and_then(|s| s.at(day).cloned());
                let mut input = current
                    .map(|s| ScheduleInput::from_schedule(&s))
                    .unwrap_or_default();
                input.from = format_date(day);
                LeaveForm::Schedule(id, input)
            }
            Action::Edit => {
                let spell = match self.view {
                    LeaveView::Balances => self
                        .person
                        .as_ref()
                        .and_then(|p| p.selected_spell())
                        .map(|(sid, s)| (sid, s.clone())),
                    LeaveView::Calendar => self
                        .selected_absence()
                        .filter(|a| matches!(a.status, AbsenceStatus::Sick(_)))
                        .and_then(|a| Some((a.id, store.leave().sick_spell(id, a.id).ok()?))),
                };
                let Some((sid, s)) = spell else {
                    return Request::Status(i18n.t("msg.no_spell_selected"), Level::Error);
                };
                LeaveForm::EditSick(id, sid, SickSpellInput::from_spell(&s))
            }
            _ => return Request::None,
        };
        let form = purpose.form(store, i18n, &who);
        self.form = Some(FormState::new(form, purpose, store, i18n));
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
                self.form = None;
                self.invalidate(store);
                Request::Status(i18n.t(saved.message_key), Level::Info)
            }
        }
    }

    pub fn confirmed(&mut self, pending: Pending, store: &Store, i18n: &I18n) -> Request {
        if let Some(step) = form_flow::on_confirm(&mut self.form, pending, store, i18n) {
            return self.after_form(step, store, i18n);
        }
        match pending {
            Pending::CancelRequest(id) => {
                match store
                    .leave()
                    .set_request_status(id, RequestStatus::Cancelled)
                {
                    Ok(_) => {
                        self.invalidate(store);
                        Request::Status(i18n.t("msg.leave_cancelled"), Level::Info)
                    }
                    Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
                }
            }
            Pending::DiscardForm
            | Pending::SaveForm
            | Pending::ExportPayroll
            | Pending::CancelEnrolment(_) => Request::None,
        }
    }

    /// The selected person's absence on the selected day, if any.
    pub fn selected_absence(&self) -> Option<&Absence> {
        let id = self.window.selected_row()?.id;
        self.absences
            .get(&id)?
            .iter()
            .filter(|a| a.covers(self.day))
            .min_by_key(|a| !matches!(a.status, marks::AbsenceStatus::Sick(_)))
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        if let Some(f) = &self.form {
            f.form.render(frame, area, i18n);
            return;
        }
        match self.view {
            LeaveView::Calendar => view::render(self, frame, area, i18n),
            LeaveView::Balances => balances_view::render(self, frame, area, i18n),
        }
    }
}

/// Everyone away today (live leave or sickness), whoever they are: two queries over one day.
/// On a day off nobody is on leave (it costs none), but sickness still counts.
fn absent_today(
    store: &Store,
    today: NaiveDate,
    day_off: bool,
) -> crate::store::Result<AbsentToday> {
    let leave = store.leave();
    let mut ids: Vec<i64> = leave
        .requests_between(today, today)?
        .into_iter()
        .filter(|r| r.is_live() && !day_off)
        .map(|r| r.employee_id)
        .collect();
    ids.extend(
        leave
            .sick_between(today, today)?
            .into_iter()
            .map(|(id, _, _)| id),
    );
    ids.sort_unstable();
    ids.dedup();
    let mut names: Vec<String> = ids
        .iter()
        .filter_map(|id| store.employees().get(*id).ok())
        .map(|e| e.data.full_name())
        .collect();
    names.sort();
    Ok(AbsentToday {
        count: ids.len(),
        names,
    })
}
