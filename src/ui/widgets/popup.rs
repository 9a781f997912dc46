//! Popups drawn over the screen: a yes/no confirmation, the help screen and the command palette.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_input::Input;

use crate::i18n::I18n;
use crate::ui::action::Action;
use crate::ui::keymap::{Context, Keymap};
use crate::ui::theme;

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(r);
    r
}

pub fn frame_popup(frame: &mut Frame<'_>, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub fn render_confirm(frame: &mut Frame<'_>, question: &str, keymap: &Keymap, i18n: &I18n) {
    let w = (question.chars().count() as u16 + 6).clamp(30, 70);
    let area = centered(frame.area(), w, 6);
    let inner = frame_popup(frame, area, &i18n.t("confirm.title"));
    let yes = keymap
        .key_for(Context::Confirm, Action::Confirm)
        .map(|k| k.label())
        .unwrap_or_default();
    let no = keymap
        .key_for(Context::Confirm, Action::Deny)
        .map(|k| k.label())
        .unwrap_or_default();
    let text = vec![
        Line::from(question.to_string()),
        Line::from(""),
        Line::from(vec![
            Span::styled(yes, theme::key()),
            Span::raw(format!(" {}   ", i18n.t("action.confirm"))),
            Span::styled(no, theme::key()),
            Span::raw(format!(" {}", i18n.t("action.deny"))),
        ]),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

/// Every key of the current context and the global ones, generated from the keymap.
pub fn render_help(frame: &mut Frame<'_>, context: Context, keymap: &Keymap, i18n: &I18n) {
    let area = centered(frame.area(), 64, frame.area().height.saturating_sub(2));
    let inner = frame_popup(frame, area, &i18n.t("help.title"));
    let mut lines = vec![Line::from(Span::styled(
        i18n.t(&format!("help.context_{}", context_name(context))),
        theme::header(),
    ))];
    let mut seen: Vec<Action> = Vec::new();
    for b in keymap.bindings_for(context) {
        if seen.contains(&b.action) {
            // Several keys for one action: list them on the first line of that action.
            continue;
        }
        seen.push(b.action);
        let keys: Vec<String> = keymap
            .bindings_for(context)
            .iter()
            .filter(|o| o.action == b.action)
            .map(|o| o.key.label())
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<18}", keys.join(" ")), theme::key()),
            Span::raw(i18n.t(&b.action.label_key())),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        i18n.t("help.close"),
        theme::hint(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn context_name(c: Context) -> &'static str {
    match c {
        Context::Global => "global",
        Context::List => "list",
        Context::Dossier => "dossier",
        Context::Form => "form",
        Context::Confirm => "confirm",
        Context::Leave => "leave",
        Context::LeaveList => "leave_list",
        Context::LeaveItems => "leave_items",
        Context::Today => "today",
        Context::Checklist => "checklist",
        Context::Picker => "picker",
        Context::Payroll => "payroll",
        Context::Reports => "reports",
        Context::Vacancies => "vacancies",
        Context::Board => "board",
        Context::Candidate => "candidate",
        Context::Training => "training",
        Context::TrainingSession => "training_session",
        Context::Confidential => "confidential",
        Context::VacancyReport => "vacancy_report",
    }
}

/// The command palette: every action of the context, filtered fuzzily by what is typed.
#[derive(Debug, Clone)]
pub struct Palette {
    pub input: Input,
    pub selected: usize,
    pub context: Context,
}

impl Palette {
    pub fn new(context: Context) -> Palette {
        Palette {
            input: Input::default(),
            selected: 0,
            context,
        }
    }

    /// Actions matching the typed text, best first, with their label and key.
    pub fn matches(&self, keymap: &Keymap, i18n: &I18n) -> Vec<(Action, String, String)> {
        let mut all: Vec<(Action, String, String)> = Vec::new();
        for b in keymap.bindings_for(self.context) {
            if b.action == Action::Palette || all.iter().any(|(a, _, _)| *a == b.action) {
                continue;
            }
            all.push((b.action, i18n.t(&b.action.label_key()), b.key.label()));
        }
        if !matches!(
            self.context,
            Context::Form | Context::Confirm | Context::Picker
        ) {
            for a in crate::ui::keymap::PALETTE_ONLY {
                if !all.iter().any(|(x, _, _)| x == a) {
                    all.push((*a, i18n.t(&a.label_key()), String::new()));
                }
            }
        }
        let query = self.input.value();
        if query.trim().is_empty() {
            return all;
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, (Action, String, String))> = all
            .into_iter()
            .filter_map(|entry| {
                let score = pattern.score(Utf32Str::new(&entry.1, &mut buf), &mut matcher)?;
                Some((score, entry))
            })
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        scored.into_iter().map(|(_, e)| e).collect()
    }

    pub fn render(&self, frame: &mut Frame<'_>, keymap: &Keymap, i18n: &I18n) {
        let area = centered(frame.area(), 60, 16);
        let inner = frame_popup(frame, area, &i18n.t("palette.title"));
        let mut lines = vec![Line::from(vec![
            Span::styled("> ", theme::key()),
            Span::raw(self.input.value().to_string()),
        ])];
        let matches = self.matches(keymap, i18n);
        if matches.is_empty() {
            lines.push(Line::from(Span::styled(
                i18n.t("palette.none"),
                theme::hint(),
            )));
        }
        for (i, (_, label, key)) in matches
            .iter()
            .enumerate()
            .take(inner.height.saturating_sub(1) as usize)
        {
            let style = if i == self.selected {
                theme::selected()
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{:<44}", label), style),
                Span::styled(key.clone(), theme::key()),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        frame.set_cursor_position((inner.x + 2 + self.input.visual_cursor() as u16, inner.y));
    }
}
