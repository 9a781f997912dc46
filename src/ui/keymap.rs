//! The one table of default keys, per context, and the user's `keymap.toml` overrides. The hint bar,
//! the help screen and the palette are generated from it, so a key and its help never disagree.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// Where the user is; each context has its own keys, and `Global` applies everywhere except in forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    List,
    Dossier,
    Form,
    Confirm,
    /// The team calendar of the Leave tab.
    Leave,
    /// The Leave tab's list of people with their balances.
    LeaveList,
    /// The selected person's requests and sickness in the Leave tab.
    LeaveItems,
    /// The Today list.
    Today,
    /// The dossier's Checklist section: its tasks and the Dimona register.
    Checklist,
    /// A list to choose from in a popup (the templates of a letter).
    Picker,
    /// The review of a month's payroll variables.
    Payroll,
    /// The Reports tab.
    Reports,
    /// The Recruitment tab's vacancy list.
    Vacancies,
    /// A vacancy's board (or its list view).
    Board,
    /// A candidate's page.
    Candidate,
    /// The Training tab's lists.
    Training,
    /// An opened training session: enrolments and the attendance grid.
    TrainingSession,
    /// The dossier's Confidential section (locked or unlocked).
    Confidential,
    /// A vacancy's report in the Recruitment tab.
    VacancyReport,
}

/// Commands offered in the palette without a default key (rare ones; a key can still be bound
/// in `keymap.toml` under `[global]`).
pub const PALETTE_ONLY: &[Action] = &[Action::Settings];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn from_event(e: &KeyEvent) -> Key {
        // Shift is part of the character itself ("N"), except for keys that have no case. Terminals
        // send Shift-Tab as BackTab with Shift set; the binding "shift-tab" is BackTab alone.
        let mods = match e.code {
            KeyCode::Char(_) | KeyCode::BackTab => e.modifiers - KeyModifiers::SHIFT,
            _ => e.modifiers,
        };
        Key { code: e.code, mods }
    }

    /// Parses "ctrl-s", "q", "N", "enter", "esc", "tab", "shift-tab", "pgdown", "f1", "space" …
    pub fn parse(text: &str) -> Option<Key> {
        let t = text.trim();
        let mut mods = KeyModifiers::NONE;
        let mut rest = t;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if mods.contains(KeyModifiers::SHIFT) => {
                mods -= KeyModifiers::SHIFT;
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdown" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().ok()?)
            }
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(Key { code, mods })
    }

    /// How the key is written in the hint bar and help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// One binding: in `context`, `key` does `action`; `hint` puts it in the bottom bar.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    pub hint: bool,
}

const DEFAULTS: &[(Context, &str, Action, bool)] = &[
    (Context::Global, "q", Action::Quit, true),
    (Context::Global, "?", Action::Help, true),
    (Context::Global, ":", Action::Palette, true),
    (Context::Global, "tab", Action::NextTab, false),
    (Context::Global, "shift-tab", Action::PrevTab, false),
    (Context::Global, "1", Action::Tab1, false),
    (Context::Global, "2", Action::Tab2, false),
    (Context::Global, "3", Action::Tab3, false),
    (Context::Global, "4", Action::Tab4, false),
    (Context::Global, "5", Action::Tab5, false),
    (Context::Global, "6", Action::Tab6, false),
    (Context::Today, "up", Action::Up, false),
    (Context::Today, "k", Action::Up, false),
    (Context::Today, "down", Action::Down, false),
    (Context::Today, "j", Action::Down, false),
    (Context::Today, "pgup", Action::PageUp, false),
    (Context::Today, "pgdown", Action::PageDown, false),
    (Context::Today, "home", Action::Home, false),
    (Context::Today, "g", Action::Home, false),
    (Context::Today, "end", Action::End, false),
    (Context::Today, "G", Action::End, false),
    (Context::Today, "enter", Action::GoTo, true),
    (Context::Today, "r", Action::Refresh, true),
    (Context::List, "up", Action::Up, false),
    (Context::List, "k", Action::Up, false),
    (Context::List, "down", Action::Down, false),
    (Context::List, "j", Action::Down, false),
    (Context::List, "pgup", Action::PageUp, false),
    (Context::List, "pgdown", Action::PageDown, false),
    (Context::List, "home", Action::Home, false),
    (Context::List, "g", Action::Home, false),
    (Context::List, "end", Action::End, false),
    (Context::List, "G", Action::End, false),
    (Context::List, "/", Action::Filter, true),
    (Context::List, "enter", Action::Open, true),
    (Context::List, "n", Action::New, true),
    (Context::List, "e", Action::Edit, true),
    (Context::List, "d", Action::Archive, true),
    (Context::List, "s", Action::SortNext, true),
    (Context::List, "S", Action::SortReverse, false),
    (Context::List, "l", Action::ToggleLeft, true),
    (Context::List, "esc", Action::Back, false),
    (Context::Dossier, "esc", Action::Back, true),
    (Context::Dossier, "right", Action::NextSection, false),
    (Context::Dossier, "l", Action::NextSection, false),
    (Context::Dossier, "left", Action::PrevSection, false),
    (Context::Dossier, "h", Action::PrevSection, false),
    (Context::Dossier, "up", Action::Up, false),
    (Context::Dossier, "k", Action::Up, false),
    (Context::Dossier, "down", Action::Down, false),
    (Context::Dossier, "j", Action::Down, false),
    (Context::Dossier, "e", Action::Edit, true),
    (Context::Dossier, "c", Action::AddContract, true),
    (Context::Dossier, "C", Action::EditContract, false),
    (Context::Dossier, "t", Action::JobChange, true),
    (Context::Dossier, "a", Action::AddDocument, true),
    (Context::Dossier, "g", Action::GenerateDocument, true),
    (Context::Dossier, "n", Action::AddNote, true),
    (Context::Dossier, "p", Action::AddContact, false),
    (Context::Dossier, "f", Action::AddDependant, false),
    (Context::Dossier, "d", Action::Archive, true),
    (Context::Dossier, "r", Action::Reinstate, false),
    (Context::Checklist, "esc", Action::Back, true),
    (Context::Checklist, "right", Action::NextSection, false),
    (Context::Checklist, "l", Action::NextSection, false),
    (Context::Checklist, "left", Action::PrevSection, false),
    (Context::Checklist, "h", Action::PrevSection, false),
    (Context::Checklist, "up", Action::Up, false),
    (Context::Checklist, "k", Action::Up, false),
    (Context::Checklist, "down", Action::Down, false),
    (Context::Checklist, "j", Action::Down, false),
    (Context::Checklist, "space", Action::ToggleTask, true),
    (Context::Checklist, "x", Action::ToggleTask, false),
    (Context::Checklist, "D", Action::AddDimona, true),
    (Context::Checklist, "e", Action::Edit, false),
    (Context::Checklist, "d", Action::Archive, false),
    (Context::Picker, "up", Action::Up, false),
    (Context::Picker, "k", Action::Up, false),
    (Context::Picker, "down", Action::Down, false),
    (Context::Picker, "j", Action::Down, false),
    (Context::Picker, "enter", Action::Choose, true),
    (Context::Picker, "esc", Action::Back, true),
    (Context::Form, "ctrl-s", Action::Save, true),
    (Context::Form, "esc", Action::Back, true),
    (Context::Form, "tab", Action::NextField, true),
    (Context::Form, "down", Action::NextField, false),
    (Context::Form, "enter", Action::NextField, false),
    (Context::Form, "shift-tab", Action::PrevField, true),
    (Context::Form, "up", Action::PrevField, false),
    (Context::Confirm, "y", Action::Confirm, true),
    (Context::Confirm, "j", Action::Confirm, false),
    (Context::Confirm, "o", Action::Confirm, false),
    (Context::Confirm, "enter", Action::Confirm, false),
    (Context::Confirm, "n", Action::Deny, true),
    (Context::Confirm, "esc", Action::Deny, false),
    (Context::Leave, "left", Action::PrevDay, false),
    (Context::Leave, "h", Action::PrevDay, false),
    (Context::Leave, "right", Action::NextDay, false),
    (Context::Leave, "l", Action::NextDay, false),
    (Context::Leave, "up", Action::Up, false),
    (Context::Leave, "k", Action::Up, false),
    (Context::Leave, "down", Action::Down, false),
    (Context::Leave, "j", Action::Down, false),
    (Context::Leave, "pgup", Action::PrevMonth, true),
    (Context::Leave, "[", Action::PrevMonth, false),
    (Context::Leave, "pgdown", Action::NextMonth, true),
    (Context::Leave, "]", Action::NextMonth, false),
    (Context::Leave, "{", Action::PrevYear, false),
    (Context::Leave, "}", Action::NextYear, false),
    (Context::Leave, "t", Action::Today, true),
    (Context::Leave, "/", Action::Filter, true),
    (Context::Leave, "esc", Action::Back, false),
    (Context::Leave, "a", Action::AddLeave, true),
    (Context::Leave, "s", Action::AddSick, true),
    (Context::Leave, "A", Action::Approve, true),
    (Context::Leave, "R", Action::Refuse, false),
    (Context::Leave, "X", Action::CancelLeave, false),
    (Context::Leave, "e", Action::Edit, false),
    (Context::Leave, "w", Action::SetSchedule, false),
    (Context::Leave, "v", Action::ToggleView, true),
    (Context::LeaveList, "up", Action::Up, false),
    (Context::LeaveList, "k", Action::Up, false),
    (Context::LeaveList, "down", Action::Down, false),
    (Context::LeaveList, "j", Action::Down, false),
    (Context::LeaveList, "pgup", Action::PageUp, false),
    (Context::LeaveList, "pgdown", Action::PageDown, false),
    (Context::LeaveList, "home", Action::Home, false),
    (Context::LeaveList, "g", Action::Home, false),
    (Context::LeaveList, "end", Action::End, false),
    (Context::LeaveList, "G", Action::End, false),
    (Context::LeaveList, "/", Action::Filter, true),
    (Context::LeaveList, "esc", Action::Back, false),
    (Context::LeaveList, "enter", Action::ShowItems, true),
    (Context::LeaveList, "right", Action::ShowItems, false),
    (Context::LeaveList, "a", Action::AddLeave, true),
    (Context::LeaveList, "s", Action::AddSick, true),
    (Context::LeaveList, "c", Action::Correct, true),
    (Context::LeaveList, "w", Action::SetSchedule, true),
    (Context::LeaveList, "[", Action::PrevYear, false),
    (Context::LeaveList, "]", Action::NextYear, false),
    (Context::LeaveList, "v", Action::ToggleView, true),
    (Context::LeaveItems, "up", Action::Up, false),
    (Context::LeaveItems, "k", Action::Up, false),
    (Context::LeaveItems, "down", Action::Down, false),
    (Context::LeaveItems, "j", Action::Down, false),
    (Context::LeaveItems, "esc", Action::Back, true),
    (Context::LeaveItems, "left", Action::Back, false),
    (Context::LeaveItems, "A", Action::Approve, true),
    (Context::LeaveItems, "R", Action::Refuse, true),
    (Context::LeaveItems, "X", Action::CancelLeave, true),
    (Context::LeaveItems, "e", Action::Edit, true),
    (Context::LeaveItems, "enter", Action::Edit, false),
    (Context::LeaveItems, "a", Action::AddLeave, true),
    (Context::LeaveItems, "s", Action::AddSick, true),
    (Context::LeaveItems, "c", Action::Correct, false),
    (Context::LeaveItems, "w", Action::SetSchedule, false),
    (Context::LeaveItems, "v", Action::ToggleView, false),
    (Context::Payroll, "up", Action::Up, false),
    (Context::Payroll, "k", Action::Up, false),
    (Context::Payroll, "down", Action::Down, false),
    (Context::Payroll, "j", Action::Down, false),
    (Context::Payroll, "pgup", Action::PageUp, false),
    (Context::Payroll, "pgdown", Action::PageDown, false),
    (Context::Payroll, "home", Action::Home, false),
    (Context::Payroll, "g", Action::Home, false),
    (Context::Payroll, "end", Action::End, false),
    (Context::Payroll, "G", Action::End, false),
    (Context::Payroll, "[", Action::PrevMonth, true),
    (Context::Payroll, "]", Action::NextMonth, true),
    (Context::Payroll, "a", Action::AddEntry, true),
    (Context::Payroll, "d", Action::RemoveEntry, false),
    (Context::Payroll, "x", Action::Export, true),
    (Context::Payroll, "v", Action::ReportsOrPayroll, true),
    (Context::Reports, "up", Action::Up, false),
    (Context::Reports, "k", Action::Up, false),
    (Context::Reports, "down", Action::Down, false),
    (Context::Reports, "j", Action::Down, false),
    (Context::Reports, "[", Action::PrevPeriod, true),
    (Context::Reports, "]", Action::NextPeriod, true),
    (Context::Reports, "p", Action::ChoosePeriod, true),
    (Context::Reports, "x", Action::ExportXlsx, true),
    (Context::Reports, "X", Action::ExportCsv, true),
    (Context::Reports, "b", Action::NextTable, true),
    (Context::Reports, "v", Action::ReportsOrPayroll, true),
    (Context::Reports, "t", Action::Today, false),
    (Context::Reports, "pgup", Action::PageUp, false),
    (Context::Reports, "pgdown", Action::PageDown, false),
    (Context::Vacancies, "up", Action::Up, false),
    (Context::Vacancies, "k", Action::Up, false),
    (Context::Vacancies, "down", Action::Down, false),
    (Context::Vacancies, "j", Action::Down, false),
    (Context::Vacancies, "home", Action::Home, false),
    (Context::Vacancies, "end", Action::End, false),
    (Context::Vacancies, "enter", Action::OpenItem, true),
    (Context::Vacancies, "n", Action::NewVacancy, true),
    (Context::Vacancies, "e", Action::Edit, true),
    (Context::Board, "left", Action::PrevSection, false),
    (Context::Board, "h", Action::PrevSection, false),
    (Context::Board, "right", Action::NextSection, false),
    (Context::Board, "l", Action::NextSection, false),
    (Context::Board, "up", Action::Up, false),
    (Context::Board, "k", Action::Up, false),
    (Context::Board, "down", Action::Down, false),
    (Context::Board, "j", Action::Down, false),
    (Context::Board, "home", Action::Home, false),
    (Context::Board, "esc", Action::Back, true),
    (Context::Board, "enter", Action::OpenItem, true),
    (Context::Board, "m", Action::MoveNext, true),
    (Context::Board, "b", Action::MoveBack, false),
    (Context::Board, "x", Action::Reject, true),
    (Context::Board, "w", Action::Withdraw, false),
    (Context::Board, "H", Action::Hire, true),
    (Context::Board, "n", Action::NewCandidate, true),
    (Context::Board, "i", Action::PlanInterview, false),
    (Context::Board, "f", Action::AddReference, false),
    (Context::Board, "v", Action::ToggleView, true),
    (Context::Board, "/", Action::Filter, true),
    (Context::Board, "s", Action::SortNext, false),
    (Context::Candidate, "esc", Action::Back, true),
    (Context::Candidate, "up", Action::Up, false),
    (Context::Candidate, "k", Action::Up, false),
    (Context::Candidate, "down", Action::Down, false),
    (Context::Candidate, "j", Action::Down, false),
    (Context::Candidate, "right", Action::NextSection, false),
    (Context::Candidate, "left", Action::PrevSection, false),
    (Context::Candidate, "space", Action::CycleAnswer, true),
    (Context::Candidate, "e", Action::Edit, true),
    (Context::Candidate, "m", Action::MoveNext, true),
    (Context::Candidate, "b", Action::MoveBack, false),
    (Context::Candidate, "x", Action::Reject, true),
    (Context::Candidate, "w", Action::Withdraw, false),
    (Context::Candidate, "i", Action::PlanInterview, true),
    (Context::Candidate, "f", Action::AddReference, true),
    (Context::Candidate, "H", Action::Hire, true),
    (Context::Training, "up", Action::Up, false),
    (Context::Training, "k", Action::Up, false),
    (Context::Training, "down", Action::Down, false),
    (Context::Training, "j", Action::Down, false),
    (Context::Training, "pgup", Action::PageUp, false),
    (Context::Training, "pgdown", Action::PageDown, false),
    (Context::Training, "home", Action::Home, false),
    (Context::Training, "g", Action::Home, false),
    (Context::Training, "end", Action::End, false),
    (Context::Training, "G", Action::End, false),
    (Context::Training, "right", Action::NextSection, true),
    (Context::Training, "l", Action::NextSection, false),
    (Context::Training, "left", Action::PrevSection, true),
    (Context::Training, "h", Action::PrevSection, false),
    (Context::Training, "enter", Action::TrainingOpen, true),
    (Context::Training, "n", Action::TrainingNew, true),
    (Context::Training, "[", Action::PrevYear, false),
    (Context::Training, "]", Action::NextYear, false),
    (Context::Training, "r", Action::Refresh, false),
    (Context::TrainingSession, "up", Action::Up, false),
    (Context::TrainingSession, "k", Action::Up, false),
    (Context::TrainingSession, "down", Action::Down, false),
    (Context::TrainingSession, "j", Action::Down, false),
    (Context::TrainingSession, "left", Action::PrevDay, true),
    (Context::TrainingSession, "h", Action::PrevDay, false),
    (Context::TrainingSession, "right", Action::NextDay, true),
    (Context::TrainingSession, "l", Action::NextDay, false),
    (Context::TrainingSession, "space", Action::Attend, true),
    (Context::TrainingSession, "x", Action::Attend, false),
    (Context::TrainingSession, "n", Action::Enrol, true),
    (Context::TrainingSession, "d", Action::CancelEnrolment, true),
    (Context::TrainingSession, "esc", Action::Back, true),
    (
        Context::TrainingSession,
        "v",
        Action::TrainingEvaluate,
        true,
    ),
    (Context::Training, "a", Action::TalkActionDone, false),
    (Context::Candidate, "g", Action::GenerateDocument, true),
    (Context::Vacancies, "t", Action::VacancyText, false),
    (Context::Vacancies, "c", Action::ExportCalendar, false),
    (Context::Confidential, "esc", Action::Back, true),
    (Context::Confidential, "right", Action::NextSection, false),
    (Context::Confidential, "l", Action::NextSection, false),
    (Context::Confidential, "left", Action::PrevSection, false),
    (Context::Confidential, "h", Action::PrevSection, false),
    (Context::Confidential, "up", Action::Up, false),
    (Context::Confidential, "k", Action::Up, false),
    (Context::Confidential, "down", Action::Down, false),
    (Context::Confidential, "j", Action::Down, false),
    (Context::Confidential, "u", Action::Unlock, true),
    (Context::Confidential, "L", Action::Lock, true),
    (Context::Confidential, "m", Action::AddMeasure, true),
    (Context::Confidential, "c", Action::AddGrievance, true),
    (Context::Confidential, "M", Action::AddMedicalNote, true),
    (Context::Confidential, "enter", Action::EditRecord, true),
    (Context::Confidential, "e", Action::EditRecord, false),
    (Context::Confidential, "P", Action::SetPin, false),
    (Context::Vacancies, "r", Action::VacancyReport, true),
    (Context::Board, "r", Action::VacancyReport, false),
    (Context::VacancyReport, "esc", Action::Back, true),
    (Context::VacancyReport, "x", Action::ExportCsv, true),
    (Context::VacancyReport, "up", Action::Up, false),
    (Context::VacancyReport, "k", Action::Up, false),
    (Context::VacancyReport, "down", Action::Down, false),
    (Context::VacancyReport, "j", Action::Down, false),
    (Context::VacancyReport, "home", Action::Home, false),
    (Context::Training, "A", Action::Approve, true),
    (Context::Training, "R", Action::Refuse, true),
    (Context::Dossier, "T", Action::AddTrainingRecord, false),
    (Context::Vacancies, "p", Action::EditQuestions, false),
    (Context::Candidate, "p", Action::AnswerQuestions, true),
    (Context::Candidate, "o", Action::GiveFeedback, true),
];

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    index: HashMap<(Context, Key), Action>,
}

/// `keymap.toml`: `[list] new = "a"` binds `a` to New in the list (and unbinds the default key of New there).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct KeymapFile {
    global: HashMap<Action, String>,
    list: HashMap<Action, String>,
    dossier: HashMap<Action, String>,
    form: HashMap<Action, String>,
    confirm: HashMap<Action, String>,
    leave: HashMap<Action, String>,
    leave_list: HashMap<Action, String>,
    leave_items: HashMap<Action, String>,
    today: HashMap<Action, String>,
    checklist: HashMap<Action, String>,
    picker: HashMap<Action, String>,
    payroll: HashMap<Action, String>,
    reports: HashMap<Action, String>,
    vacancies: HashMap<Action, String>,
    board: HashMap<Action, String>,
    candidate: HashMap<Action, String>,
    training: HashMap<Action, String>,
    training_session: HashMap<Action, String>,
    confidential: HashMap<Action, String>,
    vacancy_report: HashMap<Action, String>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(c, k, a, h)| {
                Some(Binding {
                    context: *c,
                    key: Key::parse(k)?,
                    action: *a,
                    hint: *h,
                })
            })
            .collect();
        Keymap::from_bindings(bindings)
    }
}

impl Keymap {
    fn from_bindings(bindings: Vec<Binding>) -> Keymap {
        let index = bindings
            .iter()
            .map(|b| ((b.context, b.key), b.action))
            .collect();
        Keymap { bindings, index }
    }

    /// The defaults with the overrides of a `keymap.toml` text applied; errors name the bad entry.
    pub fn with_overrides(text: &str) -> Result<Keymap, String> {
        let file: KeymapFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut bindings = Keymap::default().bindings;
        for (context, table) in [
            (Context::Global, file.global),
            (Context::List, file.list),
            (Context::Dossier, file.dossier),
            (Context::Form, file.form),
            (Context::Confirm, file.confirm),
            (Context::Leave, file.leave),
            (Context::LeaveList, file.leave_list),
            (Context::LeaveItems, file.leave_items),
            (Context::Today, file.today),
            (Context::Checklist, file.checklist),
            (Context::Picker, file.picker),
            (Context::Payroll, file.payroll),
            (Context::Reports, file.reports),
            (Context::Vacancies, file.vacancies),
            (Context::Board, file.board),
            (Context::Candidate, file.candidate),
            (Context::Training, file.training),
            (Context::TrainingSession, file.training_session),
            (Context::Confidential, file.confidential),
            (Context::VacancyReport, file.vacancy_report),
        ] {
            for (action, key_text) in table {
                let key = Key::parse(&key_text)
                    .ok_or_else(|| format!("unknown key \"{key_text}\" for {action:?}"))?;
                let hint = bindings
                    .iter()
                    .any(|b| b.context == context && b.action == action && b.hint);
                bindings
                    .retain(|b| !(b.context == context && (b.action == action || b.key == key)));
                bindings.push(Binding {
                    context,
                    key,
                    action,
                    hint,
                });
            }
        }
        Ok(Keymap::from_bindings(bindings))
    }

    /// The action for a key: the context's own binding first, then the global one (not inside forms).
    pub fn resolve(&self, context: Context, key: Key) -> Option<Action> {
        self.index.get(&(context, key)).copied().or_else(|| {
            if matches!(context, Context::Form | Context::Confirm | Context::Picker) {
                None
            } else {
                self.index.get(&(Context::Global, key)).copied()
            }
        })
    }

    /// Every binding that applies in `context`, own bindings first.
    pub fn bindings_for(&self, context: Context) -> Vec<&Binding> {
        let own = self.bindings.iter().filter(|b| b.context == context);
        let global = self.bindings.iter().filter(move |b| {
            b.context == Context::Global
                && !matches!(context, Context::Form | Context::Confirm | Context::Picker)
        });
        own.chain(global).collect()
    }

    /// The first key bound to an action in a context, for hints ("press / to filter").
    pub fn key_for(&self, context: Context, action: Action) -> Option<Key> {
        self.bindings_for(context)
            .into_iter()
            .find(|b| b.action == action)
            .map(|b| b.key)
    }
}

/// The user's `keymap.toml` over the defaults; no file is the defaults. Any other problem (not
/// TOML, not UTF-8, unreadable, an unknown key) is a message that names the file, so a typo never
/// leaves the user wondering why a key does nothing.
pub fn load_file(path: &std::path::Path) -> Result<Keymap, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Keymap::with_overrides(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_spellings() {
        assert_eq!(
            Key::parse("ctrl-s"),
            Some(Key {
                code: KeyCode::Char('s'),
                mods: KeyModifiers::CONTROL
            })
        );
        assert_eq!(Key::parse("shift-tab").unwrap().code, KeyCode::BackTab);
        assert_eq!(Key::parse("F1").unwrap().code, KeyCode::F(1));
        assert_eq!(Key::parse("N").unwrap().code, KeyCode::Char('N'));
        assert_eq!(Key::parse("two"), None);
    }

    #[test]
    fn shift_tab_from_a_terminal_is_back_tab() {
        let from_terminal = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().resolve(Context::Form, Key::from_event(&from_terminal)),
            Some(Action::PrevField)
        );
    }

    #[test]
    fn context_keys_win_over_global_ones_and_forms_take_no_global_keys() {
        let k = Keymap::default();
        let q = Key::parse("q").unwrap();
        assert_eq!(k.resolve(Context::List, q), Some(Action::Quit));
        assert_eq!(k.resolve(Context::Form, q), None);
        assert_eq!(
            k.resolve(Context::Form, Key::parse("ctrl-s").unwrap()),
            Some(Action::Save)
        );
    }

    #[test]
    fn overrides_replace_the_default_key() {
        let k = Keymap::with_overrides("[list]\nnew = \"a\"\n").unwrap();
        assert_eq!(
            k.resolve(Context::List, Key::parse("a").unwrap()),
            Some(Action::New)
        );
        assert_eq!(k.resolve(Context::List, Key::parse("n").unwrap()), None);
        assert!(
            k.bindings_for(Context::List)
                .iter()
                .any(|b| b.action == Action::New && b.hint)
        );
    }

    #[test]
    fn bad_overrides_are_reported() {
        assert!(Keymap::with_overrides("[list]\nnew = \"ctrl-\"\n").is_err());
        assert!(Keymap::with_overrides("[list]\nfly = \"a\"\n").is_err());
        assert!(Keymap::with_overrides("[lists]\nnew = \"a\"\n").is_err());
    }

    #[test]
    fn no_two_actions_share_a_key_in_one_context() {
        let k = Keymap::default();
        let mut seen = std::collections::HashSet::new();
        for b in &k.bindings {
            assert!(
                seen.insert((b.context, b.key)),
                "{:?} {:?}",
                b.context,
                b.key
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn overrides_never_panic(s in "\\PC{0,60}") {
            let _ = Keymap::with_overrides(&s);
            let _ = Key::parse(&s);
        }
    }
}
