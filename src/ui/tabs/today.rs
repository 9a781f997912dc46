//! The Today tab, the start screen: what needs attention, most urgent first, with one key to go where
//! each item is fixed; birthdays and work anniversaries in a quiet box below.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use crate::domain::date::format_date;
use crate::domain::leave::leave_type::LeaveType;
use crate::domain::today::{TodayList, Urgency};
use crate::i18n::I18n;
use crate::store::Store;
use crate::today_text;
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use crate::ui::request::Request;
use crate::ui::theme;
use crate::ui::widgets::bars::Level;

/// Rows a page up or down moves.
const PAGE: usize = 10;
/// At most this many birthday and anniversary lines; the list keeps the room.
const QUIET_LINES: usize = 4;

#[derive(Debug, Default)]
pub struct TodayTab {
    pub list: TodayList,
    /// Leave type names for waiting requests.
    pub types: Vec<LeaveType>,
    pub today: NaiveDate,
    pub selected: usize,
    /// Set when the list could not be read, shown instead of it.
    pub error: Option<String>,
}

impl TodayTab {
    /// Reads the list afresh (on start, on entering the tab, on `r`); keeps the selection in range.
    pub fn load(&mut self, store: &Store) {
        self.today = store.clock().today();
        let read = store.today().list(self.today).and_then(|list| {
            let types = store.leave().types()?;
            Ok((list, types))
        });
        match read {
            Ok((list, types)) => {
                self.list = list;
                self.types = types;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.selected = self.selected.min(self.list.items.len().saturating_sub(1));
    }

    pub fn context(&self) -> Context {
        Context::Today
    }

    pub fn handle(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let last = self.list.items.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(PAGE),
            Action::PageDown => self.selected = (self.selected + PAGE).min(last),
            Action::Home => self.selected = 0,
            Action::End => self.selected = last,
            Action::GoTo => {
                if let Some(item) = self.list.items.get(self.selected) {
                    return Request::Go(item.place);
                }
            }
            Action::Refresh => {
                self.load(store);
                return Request::Status(i18n.t("msg.refreshed"), Level::Info);
            }
            _ => {}
        }
        Request::None
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        let quiet_rows = self.list.occasions.len().clamp(1, QUIET_LINES) as u16;
        let [head, list_area, detail, quiet_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(quiet_rows + 2),
        ])
        .areas(area);
        self.render_head(frame, head, i18n);
        self.render_list(frame, list_area, i18n);
        self.render_detail(frame, detail, i18n);
        self.render_quiet(frame, quiet_area, i18n);
    }

    fn render_head(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        let weekday = i18n.weekday(self.today);
        let mut spans = vec![Span::styled(
            format!("{weekday} {}   ", format_date(self.today)),
            theme::title(),
        )];
        if !self.list.items.is_empty() {
            spans.push(Span::raw(today_text::summary(i18n, &self.list)));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn render_list(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border())
            .title(Span::styled(
                format!(" {} ", i18n.t("tab.today")),
                theme::title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if let Some(e) = &self.error {
            frame.render_widget(
                Paragraph::new(Span::styled(e.clone(), theme::error())),
                inner,
            );
            return;
        }
        if self.list.items.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(i18n.t("today.nothing"), theme::ok())),
                inner,
            );
            return;
        }
        let height = inner.height.saturating_sub(1) as usize;
        let offset = self.selected.saturating_sub(height.saturating_sub(1));
        // Narrow screens drop the "when" column and colour the date instead: the item's text needs the room.
        let wide = inner.width >= 110;
        let rows: Vec<Row> = self
            .list
            .items
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(n, a)| {
                let who = a
                    .person
                    .as_ref()
                    .map_or_else(|| i18n.t("today.company"), |p| p.name.clone());
                let style = urgency_style(a.urgency);
                let mut cells = Vec::with_capacity(4);
                if wide {
                    cells.push(Cell::from(format_date(a.due)));
                    cells.push(Cell::from(Span::styled(
                        today_text::when(i18n, a.due, self.today),
                        style,
                    )));
                } else {
                    cells.push(Cell::from(Span::styled(format_date(a.due), style)));
                }
                cells.push(Cell::from(who));
                cells.push(Cell::from(today_text::what(i18n, a, &self.types)));
                let row = Row::new(cells);
                if n == self.selected {
                    row.style(theme::selected())
                } else {
                    row
                }
            })
            .collect();
        let mut header = vec![i18n.t("today.col_due")];
        let mut widths = vec![Constraint::Length(10)];
        if wide {
            header.push(i18n.t("today.col_when"));
            widths.push(Constraint::Length(16));
        }
        header.extend([i18n.t("today.col_who"), i18n.t("today.col_what")]);
        let who_width = if wide {
            Constraint::Fill(2)
        } else {
            Constraint::Length(20)
        };
        widths.extend([who_width, Constraint::Fill(5)]);
        frame.render_widget(
            Table::new(rows, widths)
                .header(Row::new(header).style(theme::header()))
                .column_spacing(1),
            inner,
        );
    }

    /// The selected item in full (the list may cut it) and where Enter goes.
    fn render_detail(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        let Some(a) = self.list.items.get(self.selected) else {
            return;
        };
        let line = Line::from(vec![
            Span::raw(today_text::what(i18n, a, &self.types)),
            Span::styled(
                format!("  → {}", today_text::place(i18n, &a.place)),
                theme::hint(),
            ),
        ]);
        frame.render_widget(Paragraph::new(line), area);
    }

    fn render_quiet(&self, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border())
            .title(Span::styled(
                format!(" {} ", i18n.t("today.occasions")),
                theme::label(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines: Vec<Line> = if self.list.occasions.is_empty() {
            vec![Line::from(Span::styled(
                i18n.t("today.no_occasions"),
                theme::hint(),
            ))]
        } else {
            self.list
                .occasions
                .iter()
                .take(QUIET_LINES)
                .map(|o| {
                    Line::from(vec![
                        Span::styled(format!("{}  ", format_date(o.on)), theme::muted()),
                        Span::raw(format!("{}  ", o.person.name)),
                        Span::styled(today_text::occasion(i18n, o), theme::label()),
                    ])
                })
                .collect()
        };
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

fn urgency_style(u: Urgency) -> Style {
    match u {
        Urgency::Overdue => theme::error(),
        Urgency::Today => theme::key(),
        Urgency::ThisWeek => Style::default(),
        Urgency::Later => theme::muted(),
    }
}
