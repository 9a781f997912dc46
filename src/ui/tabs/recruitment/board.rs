//! A vacancy's candidates: the board (a column per stage, sliding sideways so the selected column
//! stays in view at 80 columns) and the list view (filter, sort by score, name or applied date).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{RecruitmentTab, View};
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::recruitment::Stage;
use crate::domain::text::search_key as fold;
use crate::i18n::I18n;
use crate::store::recruitment::ApplicationRow;
use crate::ui::theme;
use crate::ui::widgets::bars;

/// How the list view is sorted (`s` goes round).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Score,
    Name,
    Applied,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Score => Sort::Name,
            Sort::Name => Sort::Applied,
            Sort::Applied => Sort::Score,
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            Sort::Score => "recruit.sort_score",
            Sort::Name => "recruit.sort_name",
            Sort::Applied => "recruit.sort_applied",
        }
    }
}

/// Narrowest a board column gets; fewer columns show when the screen is narrower.
const COLUMN_W: usize = 25;

impl RecruitmentTab {
    /// The candidates of one column, best score first (the board) .
    pub fn column_rows(&self, stage: Stage) -> Vec<&ApplicationRow> {
        let mut rows: Vec<&ApplicationRow> =
            self.apps.iter().filter(|a| a.stage == stage).collect();
        rows.sort_by(|a, b| {
            b.score
                .percent()
                .cmp(&a.score.percent())
                .then(a.id.cmp(&b.id))
        });
        rows
    }

    /// The list view's rows: filtered by name or channel, in the chosen order.
    pub fn list_rows(&self) -> Vec<&ApplicationRow> {
        let q = fold(self.query.trim());
        let mut rows: Vec<&ApplicationRow> = self
            .apps
            .iter()
            .filter(|a| q.is_empty() || fold(&a.name).contains(&q) || fold(&a.source).contains(&q))
            .collect();
        match self.sort {
            Sort::Score => rows.sort_by(|a, b| {
                b.score
                    .percent()
                    .cmp(&a.score.percent())
                    .then(a.id.cmp(&b.id))
            }),
            Sort::Name => {
                rows.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.id.cmp(&b.id)))
            }
            Sort::Applied => {
                rows.sort_by(|a, b| b.applied_on.cmp(&a.applied_on).then(a.id.cmp(&b.id)))
            }
        }
        rows
    }

    fn shown_rows(&self) -> Vec<&ApplicationRow> {
        if self.list {
            self.list_rows()
        } else {
            self.columns
                .get(self.column)
                .map(|s| self.column_rows(*s))
                .unwrap_or_default()
        }
    }

    /// The candidate selected on the board or in the list.
    pub fn selected(&self) -> Option<&ApplicationRow> {
        if self.view != View::Board {
            return None;
        }
        self.shown_rows().get(self.row).copied()
    }

    /// Selects an application (after a move or a view change), keeping the column on the board.
    pub fn select(&mut self, app: Option<i64>) {
        let Some(id) = app else { return };
        if !self.list
            && let Some(a) = self.apps.iter().find(|a| a.id == id)
        {
            self.column = self
                .columns
                .iter()
                .position(|s| *s == a.stage)
                .unwrap_or(self.column);
        }
        if let Some(i) = self.shown_rows().iter().position(|a| a.id == id) {
            self.row = i;
        }
    }

    /// Keeps the selection inside the rows shown.
    pub fn clamp(&mut self) {
        self.column = self.column.min(self.columns.len().saturating_sub(1));
        let n = self.shown_rows().len();
        self.row = self.row.min(n.saturating_sub(1));
    }
}

fn title(tab: &RecruitmentTab, i18n: &I18n) -> String {
    tab.vacancy.as_ref().map_or(String::new(), |v| {
        let live = tab.apps.iter().filter(|a| !a.stage.is_final()).count();
        i18n.tf(
            "recruit.board_title",
            &[
                ("title", &v.data.title),
                ("active", &live.to_string()),
                ("total", &tab.apps.len().to_string()),
            ],
        )
    })
}

fn score_text(a: &ApplicationRow) -> String {
    // No profile, or not screened yet: a dash, not a misleading 0%.
    if a.score.max_half_points == 0 || (a.score.half_points == 0 && a.score.open > 0) {
        return "   – ".into();
    }
    let ko = if a.score.knocked_out { "!" } else { " " };
    format!("{:>3}%{ko}", a.score.percent())
}

pub fn render_board(tab: &RecruitmentTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(
            format!(" {} ", title(tab, i18n)),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    // The stage labels with their counts, sliding like the dossier's sections.
    let labels: Vec<Span<'static>> = tab
        .columns
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = tab.apps.iter().filter(|a| a.stage == *s).count();
            let text = format!("{} {n}", i18n.choice(*s));
            Span::styled(
                text,
                if i == tab.column {
                    theme::tab_active()
                } else {
                    theme::header()
                },
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(bars::section_line(labels, tab.column, head.width)),
        head,
    );
    // As many columns as fit, the selected one in view.
    let fit = (usize::from(body.width) / COLUMN_W)
        .max(1)
        .min(tab.columns.len().max(1));
    let first = tab
        .column
        .saturating_sub(fit - 1)
        .min(tab.columns.len().saturating_sub(fit));
    let areas = Layout::horizontal(vec![Constraint::Ratio(1, fit as u32); fit]).split(body);
    for (k, col_area) in areas.iter().enumerate() {
        let ci = first + k;
        let Some(stage) = tab.columns.get(ci) else {
            continue;
        };
        let focused = ci == tab.column;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                theme::border_focused()
            } else {
                theme::border()
            })
            .title(Span::styled(i18n.choice(*stage), theme::header()));
        let cell = block.inner(*col_area);
        frame.render_widget(block, *col_area);
        let rows = tab.column_rows(*stage);
        let height = usize::from(cell.height).max(1);
        let top = if focused {
            tab.row.saturating_sub(height - 1)
        } else {
            0
        };
        let w = usize::from(cell.width);
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(top)
            .take(height)
            .map(|(i, a)| {
                let score = score_text(a);
                let name_w = w.saturating_sub(score.chars().count() + 1);
                let name: String = a.name.chars().take(name_w).collect();
                let style = if focused && i == tab.row {
                    theme::selected()
                } else {
                    Style::default()
                };
                Line::from(Span::styled(format!("{name:<name_w$} {score}"), style))
            })
            .collect();
        if lines.is_empty() {
            frame.render_widget(Paragraph::new(Span::styled("·", theme::muted())), cell);
        } else {
            frame.render_widget(Paragraph::new(lines), cell);
        }
    }
}

pub fn render_list(tab: &RecruitmentTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let rows = tab.list_rows();
    let sort = i18n.tf(
        "recruit.sorted_by",
        &[("by", &i18n.t(tab.sort.label_key()))],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(
            format!(" {} · {sort} ", title(tab, i18n)),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [filter, head, body] = Layout::vertical([
        Constraint::Length(u16::from(tab.filter.is_some() || !tab.query.is_empty())),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    if let Some(input) = &tab.filter {
        let line = format!("/{}", input.value());
        frame.render_widget(
            Paragraph::new(Span::styled(line, theme::input_focused())),
            filter,
        );
        frame.set_cursor_position((filter.x + 1 + input.visual_cursor() as u16, filter.y));
    } else if !tab.query.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("/{}", tab.query), theme::muted())),
            filter,
        );
    }
    // Name gets what the fixed columns leave.
    let name_w = usize::from(inner.width)
        .saturating_sub(5 + 1 + 16 + 1 + 18 + 1 + 10)
        .clamp(12, 40);
    let header = format!(
        "{:<name_w$} {:>5} {:<16} {:<18} {}",
        i18n.t("col.name"),
        i18n.t("recruit.col_score"),
        i18n.t("field.stage"),
        i18n.t("field.source"),
        i18n.t("field.applied_on"),
    );
    frame.render_widget(Paragraph::new(Span::styled(header, theme::header())), head);
    let height = usize::from(body.height).max(1);
    let top = tab.row.saturating_sub(height - 1);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, a)| {
            let name: String = a.name.chars().take(name_w).collect();
            let stage: String = i18n.choice(a.stage).chars().take(16).collect();
            let source: String = crate::domain::recruitment::Channel::from_code(&a.source)
                .map_or(a.source.clone(), |c| i18n.choice(c))
                .chars()
                .take(18)
                .collect();
            let text = format!(
                "{name:<name_w$} {:>5} {stage:<16} {source:<18} {}",
                score_text(a),
                format_date(a.applied_on)
            );
            let style = if i == tab.row {
                theme::selected()
            } else {
                Style::default()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                i18n.t("recruit.no_candidates"),
                theme::muted(),
            )),
            body,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), body);
    }
}
