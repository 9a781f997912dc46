//! The Leave tab: the team calendar, a month with the people employed as rows and days as columns,
//! paged through the staff list so it never loads everyone.

pub mod marks;
mod view;

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use tui_input::Input;

use crate::domain::leave::leave_type::LeaveType;
use crate::i18n::I18n;
use crate::store::{EmployeeRow, ListQuery, Store};
use crate::ui::action::Action;
use crate::ui::widgets::filter_line;
use crate::ui::widgets::month_grid::{GridDay, GridRow};
use crate::ui::widgets::paged::PagedWindow;
use marks::Absence;

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
}

fn fetcher<'a>(
    store: &'a Store,
    q: &'a ListQuery,
) -> impl FnMut(Option<&EmployeeRow>, bool, usize) -> Vec<EmployeeRow> + 'a {
    move |from, back, limit| {
        store
            .employees()
            .page(q, from.map(|r| &r.cursor), back, limit)
            .unwrap_or_default()
    }
}

fn first_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

impl LeaveTab {
    /// Called when the tab is shown: reads the people, the types and today's absences afresh
    /// (dossiers or leave may have changed elsewhere). Keeps the month and day.
    pub fn enter(&mut self, store: &Store) {
        self.today = store.clock().today();
        if self.month == NaiveDate::default() {
            self.go_to(self.today);
        }
        self.loaded = None;
        self.reload_people(store);
        self.refresh(store);
    }

    fn go_to(&mut self, day: NaiveDate) {
        self.day = day;
        self.month = first_of(day);
    }

    fn reload_people(&mut self, store: &Store) {
        match store.employees().count(&self.query) {
            Ok(total) => {
                let q = self.query.clone();
                self.window.reload(total, &mut fetcher(store, &q));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Re-reads the month's absences when the month or the loaded rows changed.
    fn refresh(&mut self, store: &Store) {
        let key = (
            self.month,
            self.window.start,
            self.window.rows.len(),
            self.window.rows.first().map(|r| r.id),
        );
        if self.loaded == Some(key) {
            return;
        }
        match self.read_month(store) {
            Ok(()) => {
                self.error = None;
                self.loaded = Some(key);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn read_month(&mut self, store: &Store) -> crate::store::Result<()> {
        let leave = store.leave();
        self.types = leave.types()?;
        let calendar = leave.calendar()?;
        let (from, to) = marks::month_bounds(self.month.year(), self.month.month());
        self.days = marks::days(self.month.year(), self.month.month(), &calendar, self.today);
        let ids: Vec<i64> = self.window.rows.iter().map(|r| r.id).collect();
        let requests = leave.requests_between(from, to)?;
        let sick = leave.sick_between(from, to)?;
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

    pub fn handle(&mut self, action: Action, store: &Store) {
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
        match action {
            Action::Up => self.window.move_by(-1, &mut fetcher(store, &q)),
            Action::Down => self.window.move_by(1, &mut fetcher(store, &q)),
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
            _ => return,
        }
        self.refresh(store);
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
        view::render(self, frame, area, i18n);
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
