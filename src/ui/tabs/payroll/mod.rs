//! The payroll review: a month's variables, one line per person employed in it, the selected
//! person's detail, totals, and the two things done from here: a hand entry and the export that
//! sends the month to the social secretariat and locks it. Only the people in the loaded window are
//! computed (a page at a time), so the review opens as fast for 100 000 people as for 60.

mod form;
mod view;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::payroll::entry::{PayEntryInput, RemoveEntryInput};
use crate::domain::payroll::figures::EmployeeMonth;
use crate::domain::payroll::month::PayMonth;
use crate::i18n::I18n;
use crate::payroll::export::{ExportError, export_to};
use crate::payroll::sheet::Format;
use crate::store::{MonthFacts, PayRow, Store};
use crate::ui::action::Action;
use crate::ui::form_flow::{self, FormState, FormStep};
use crate::ui::keymap::Context;
use crate::ui::request::{Pending, Request};
use crate::ui::widgets::bars::Level;
use crate::ui::widgets::paged::PagedWindow;
pub use form::{EntryForm, PayrollForm, RemoveEntryForm};

/// Rows a page down or up moves.
const PAGE_STEP: isize = 20;

#[derive(Default)]
pub struct PayrollView {
    /// The month reviewed; `None` until the view is first entered.
    pub month: Option<PayMonth>,
    pub window: PagedWindow<PayRow>,
    /// The computed month of every row loaded in `window`, by employee id.
    pub figures: HashMap<i64, EmployeeMonth>,
    /// Leave types and payroll settings of the month, to name codes and items.
    pub facts: Option<MonthFacts>,
    /// When the month was exported (it is then locked).
    pub locked: Option<NaiveDate>,
    pub error: Option<String>,
    pub form: Option<FormState<PayrollForm>>,
}

/// The people in service in `month` as pages for a `PagedWindow`.
fn pages(
    store: &Store,
    month: PayMonth,
) -> impl FnMut(Option<&PayRow>, bool, usize) -> Vec<PayRow> + '_ {
    move |from, back, limit| {
        store
            .payroll()
            .staff_page(month, from.map(|r| &r.cursor), back, limit)
            .unwrap_or_default()
    }
}

impl PayrollView {
    /// Called when the view is shown: the first time on the month to hand over (last month while
    /// it is not exported, else this month); afterwards on the month last shown, read afresh.
    pub fn enter(&mut self, store: &Store) {
        let month = match self.month {
            Some(m) => m,
            None => {
                let this = PayMonth::of(store.clock().today());
                let last = this.prev();
                match store.payroll().is_exported(last.year, last.month) {
                    Ok(false) => last,
                    _ => this,
                }
            }
        };
        self.load(store, month);
    }

    /// Shows a given month (the Today list's jump to a month not yet handed over).
    pub fn show_month(&mut self, store: &Store, year: i32, month: u32) {
        if let Some(m) = PayMonth::new(year, month) {
            self.load(store, m);
        }
    }

    /// Reads the month: its lock, the people in service, the figures of the first page.
    fn load(&mut self, store: &Store, month: PayMonth) {
        self.month = Some(month);
        self.figures.clear();
        self.error = None;
        let payroll = store.payroll();
        let read = payroll.facts_for_pages(month).and_then(|facts| {
            self.facts = Some(facts);
            self.locked = payroll.exported_on(month)?;
            let total = payroll.staff_count(month)?;
            self.window.reload(total, &mut pages(store, month));
            Ok(())
        });
        match read {
            Ok(()) => self.compute(store),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Computes the rows of the window that have no figures yet (after loading or moving).
    fn compute(&mut self, store: &Store) {
        let Some(facts) = self.facts.as_mut() else {
            return;
        };
        let loaded: std::collections::HashSet<i64> =
            self.window.rows.iter().map(|r| r.id).collect();
        // Rows dropped from the window are forgotten, so memory stays bounded.
        self.figures.retain(|id, _| loaded.contains(id));
        facts.keep_people(&loaded);
        // Only the window's people have their month's leave and sickness read.
        let missing: Vec<i64> = self
            .window
            .rows
            .iter()
            .map(|r| r.id)
            .filter(|id| !self.figures.contains_key(id))
            .collect();
        if let Err(e) = store.payroll().add_people(facts, &missing) {
            self.error = Some(e.to_string());
            return;
        }
        for row in &self.window.rows {
            if self.figures.contains_key(&row.id) {
                continue;
            }
            match store.payroll().person_month(facts, row) {
                Ok(m) => {
                    self.figures.insert(row.id, m);
                }
                Err(e) => {
                    self.error = Some(e.to_string());
                    return;
                }
            }
        }
    }

    pub fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else {
            Context::Payroll
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
        let Some(month) = self.month else {
            return Request::None;
        };
        let src = &mut pages(store, month);
        match action {
            Action::Up => self.window.move_by(-1, src),
            Action::Down => self.window.move_by(1, src),
            Action::PageUp => self.window.move_by(-PAGE_STEP, src),
            Action::PageDown => self.window.move_by(PAGE_STEP, src),
            Action::Home => self.window.home(src),
            Action::End => self.window.end(src),
            Action::PrevMonth => {
                self.load(store, month.prev());
                return Request::None;
            }
            Action::NextMonth => {
                self.load(store, month.next());
                return Request::None;
            }
            Action::AddEntry => return self.start_form(month, store, i18n),
            Action::RemoveEntry => return self.start_removal(month, store, i18n),
            Action::Export => return self.ask_export(month, store, i18n),
            _ => return Request::None,
        }
        self.compute(store);
        Request::None
    }

    fn start_form(&mut self, month: PayMonth, store: &Store, i18n: &I18n) -> Request {
        let Some(row) = self.window.selected_row() else {
            return Request::Status(i18n.t("msg.nobody_selected"), Level::Error);
        };
        let purpose = EntryForm {
            employee_id: row.id,
            month,
            input: PayEntryInput {
                item: "overtime".into(),
                ..Default::default()
            },
        };
        let form = purpose.form(store, i18n, &row.name);
        self.form = Some(FormState::new(form, PayrollForm::Add(purpose), store, i18n));
        Request::None
    }

    fn start_removal(&mut self, month: PayMonth, store: &Store, i18n: &I18n) -> Request {
        let Some(row) = self.window.selected_row() else {
            return Request::Status(i18n.t("msg.nobody_selected"), Level::Error);
        };
        let purpose = RemoveEntryForm {
            employee_id: row.id,
            month,
            input: RemoveEntryInput::default(),
        };
        let Some(form) = purpose.form(store, i18n, &row.name) else {
            return Request::Status(
                i18n.tf(
                    "msg.pay_no_entries",
                    &[("name", &row.name), ("month", &month.shown())],
                ),
                Level::Info,
            );
        };
        self.form = Some(FormState::new(
            form,
            PayrollForm::Remove(purpose),
            store,
            i18n,
        ));
        Request::None
    }

    fn ask_export(&mut self, month: PayMonth, store: &Store, i18n: &I18n) -> Request {
        let path = export_path(store, month);
        let key = if self.locked.is_some() {
            "confirm.pay_export_again"
        } else {
            "confirm.pay_export"
        };
        let question = i18n.tf(
            key,
            &[
                ("month", &month.shown()),
                ("path", &path.display().to_string()),
            ],
        );
        Request::Confirm(question, Pending::ExportPayroll)
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
                self.refresh_person(store, saved.employee_id);
                Request::Status(i18n.t(saved.message_key), Level::Info)
            }
        }
    }

    /// Reads the month's shared facts again (a new entry) and recomputes one person.
    fn refresh_person(&mut self, store: &Store, id: i64) {
        if let Some(month) = self.month
            && let Ok(facts) = store.payroll().facts_for_pages(month)
        {
            self.facts = Some(facts);
        }
        // The others keep their figures; only this person's month is read and computed again.
        self.figures.remove(&id);
        self.compute(store);
    }

    pub fn confirmed(&mut self, pending: Pending, store: &Store, i18n: &I18n) -> Request {
        if let Some(step) = form_flow::on_confirm(&mut self.form, pending, store, i18n) {
            return self.after_form(step, store, i18n);
        }
        let (Pending::ExportPayroll, Some(month)) = (pending, self.month) else {
            return Request::None;
        };
        let path = export_path(store, month);
        if let Some(dir) = path.parent()
            && let Err(e) = crate::store::create_private_dir(dir)
        {
            return Request::Status(crate::errors::store_error(i18n, &e), Level::Error);
        }
        let again = self.locked.is_some();
        match export_to(
            store,
            i18n,
            month,
            &path,
            Format::Xlsx,
            again,
            crate::safe_file::Existing::Refuse,
        ) {
            Ok((path, _, _)) => {
                self.load(store, month);
                Request::Status(
                    i18n.tf(
                        "msg.pay_exported",
                        &[
                            ("month", &month.shown()),
                            ("path", &path.display().to_string()),
                        ],
                    ),
                    Level::Info,
                )
            }
            Err(ExportError::Store(e)) => {
                Request::Status(crate::errors::store_error(i18n, &e), Level::Error)
            }
            Err(ExportError::File(e)) => Request::Status(e.to_string(), Level::Error),
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

/// The next free file name for the month in the export folder: `payroll-2026-11.xlsx`, then
/// `payroll-2026-11-2.xlsx` for an export again.
fn export_path(store: &Store, month: PayMonth) -> PathBuf {
    crate::safe_file::free_path(&store.exports_dir(), &format!("payroll-{month}"), "xlsx")
}
