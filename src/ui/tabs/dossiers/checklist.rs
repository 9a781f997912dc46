//! The dossier's "Checklist" section: the onboarding/offboarding tasks with their state, one key to
//! tick or un-tick the selected one, and the person's Dimona declarations with what is missing.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::domain::checklist::{Checklist, Done, Task};
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::dimona::{self, DimonaDeclaration, DimonaKind, Employment};
use crate::domain::employee::Employee;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::request::Request;
use crate::ui::theme;
use crate::ui::widgets::bars::Level;

/// How far ahead a missing IN is shown in the dossier (the Today list uses the same week).
const DIMONA_HORIZON_DAYS: i64 = 7;

#[derive(Debug, Clone, Default)]
pub struct ChecklistView {
    pub today: NaiveDate,
    pub checklists: Vec<Checklist>,
    pub dimona: Vec<DimonaDeclaration>,
    /// Declarations missing for this person, with their deadline.
    pub gaps: Vec<(DimonaKind, NaiveDate)>,
    /// Index of the selected task over all checklists in order.
    pub selected: usize,
}

impl ChecklistView {
    pub fn load(
        store: &Store,
        employee: &Employee,
        left_on: Option<NaiveDate>,
    ) -> Result<ChecklistView, StoreError> {
        let today = store.clock().today();
        let dimona = store.dimona().declarations(employee.id)?;
        let employment = Employment {
            start: employee.data.start_date,
            left_on,
        };
        Ok(ChecklistView {
            today,
            checklists: store.checklists().for_employee(employee.id)?,
            gaps: dimona::missing(employment, &dimona, today, DIMONA_HORIZON_DAYS),
            dimona,
            selected: 0,
        })
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.checklists.iter().flat_map(|c| c.tasks.iter())
    }

    /// Done and total over all of the person's checklists (for the section bar).
    pub fn progress(&self) -> Option<(usize, usize)> {
        if self.checklists.is_empty() {
            return None;
        }
        Some(self.checklists.iter().fold((0, 0), |(d, t), c| {
            let (cd, ct) = c.progress();
            (d + cd, t + ct)
        }))
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.tasks().count();
        if n == 0 {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
    }

    /// Ticks the selected task, or un-ticks it when it is ticked; a Dimona task done by the register
    /// says so instead.
    pub fn toggle(&self, store: &Store, i18n: &I18n) -> Request {
        let Some(task) = self.tasks().nth(self.selected) else {
            return Request::Status(i18n.t("msg.no_task"), Level::Error);
        };
        let repo = store.checklists();
        let (result, key) = match task.done {
            Some(Done::Ticked { .. }) => (repo.untick(task.id), "msg.task_unticked"),
            Some(Done::Dimona) => {
                return Request::Status(i18n.t("err.task_done_by_dimona"), Level::Error);
            }
            None => (
                repo.tick(task.id, &crate::config::current_user()),
                "msg.task_ticked",
            ),
        };
        match result {
            Ok(_) => Request::Status(i18n.t(key), Level::Info),
            Err(e) => Request::Status(crate::errors::store_error(i18n, &e), Level::Error),
        }
    }

    /// The section's lines for a body `width` columns wide, and the index of the selected task's
    /// line (to keep it in view). Narrow screens drop the state column: the mark and the colour
    /// say it, and the title keeps the room.
    pub fn lines(&self, i18n: &I18n, width: u16) -> (Vec<Line<'static>>, usize) {
        let wide = width >= 110;
        let mut out = Vec::new();
        let mut selected_line = 0;
        let lang = i18n.lang.code();
        if self.checklists.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.checklist_none"),
                theme::hint(),
            )));
        }
        let mut index = 0;
        for c in &self.checklists {
            let (done, total) = c.progress();
            let mut head = vec![Span::styled(
                i18n.tf(
                    "detail.checklist_head",
                    &[
                        ("kind", &i18n.choice(c.kind)),
                        ("done", &done.to_string()),
                        ("total", &total.to_string()),
                        ("date", &format_date(c.anchor)),
                    ],
                ),
                theme::header(),
            )];
            let overdue = c.overdue(self.today);
            if overdue > 0 {
                head.push(Span::styled(
                    format!(
                        "  {}",
                        i18n.tf("detail.overdue_count", &[("count", &overdue.to_string())])
                    ),
                    theme::error(),
                ));
            }
            out.push(Line::from(head));
            for t in &c.tasks {
                let selected = index == self.selected;
                if selected {
                    selected_line = out.len();
                }
                let mark = match &t.done {
                    Some(_) => "[x]",
                    None if t.is_overdue(self.today) => "[!]",
                    None => "[ ]",
                };
                let state = if wide {
                    format!("{:<26} ", i18n.task_state(t, self.today))
                } else {
                    String::new()
                };
                let style = if selected {
                    theme::selected()
                } else if t.is_overdue(self.today) {
                    theme::error()
                } else if t.done.is_some() {
                    theme::muted()
                } else {
                    ratatui::style::Style::default()
                };
                // The title goes last: on a narrow screen only its end is cut.
                out.push(Line::from(Span::styled(
                    format!(
                        "{} {mark} {}  {state}{:<10} {}",
                        if selected { "▶" } else { " " },
                        format_date(t.due),
                        t.responsible,
                        t.title.get(lang),
                    ),
                    style,
                )));
                index += 1;
            }
            out.push(Line::from(""));
        }
        out.push(Line::from(Span::styled(
            i18n.t("detail.dimona_heading"),
            theme::header(),
        )));
        for (kind, deadline) in &self.gaps {
            out.push(Line::from(Span::styled(
                i18n.tf(
                    "detail.dimona_missing",
                    &[
                        ("kind", &kind_code(*kind)),
                        ("date", &format_date(*deadline)),
                    ],
                ),
                theme::error(),
            )));
        }
        if self.dimona.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.dimona_none"),
                theme::hint(),
            )));
        }
        for d in &self.dimona {
            out.push(Line::from(format!(
                "  {}  {:<24} {} – {:<10}  {:<16} {}",
                format_date(d.declared_on),
                i18n.choice(d.kind),
                format_opt_date(d.start),
                format_opt_date(d.end),
                d.reference,
                d.note
            )));
        }
        (out, selected_line)
    }
}

fn kind_code(kind: DimonaKind) -> String {
    crate::domain::choice::Choice::code(kind).to_uppercase()
}

/// The kind a new declaration most likely is: the one missing, else IN before any, OUT after a
/// departure, otherwise an UPDATE.
pub fn next_dimona_kind(view: &ChecklistView, dossier: &crate::store::Dossier) -> DimonaKind {
    if let Some((kind, _)) = view.gaps.first() {
        return *kind;
    }
    if !dimona::has_in(&view.dimona) {
        return DimonaKind::In;
    }
    match &dossier.departure {
        Some(dep) if !dimona::has_out(&view.dimona, dep.end_date) => DimonaKind::Out,
        _ => DimonaKind::Update,
    }
}
