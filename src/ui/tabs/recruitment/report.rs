//! A vacancy's report (`r` on the vacancy list or the board): applicants per channel, the funnel,
//! the time to hire and the rejection reasons; `x` writes the tables to a CSV file in the export
//! folder, never over an existing one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{RecruitmentTab, View, status_error};
use crate::i18n::I18n;
use crate::sheet::{Cell, Sheet};
use crate::store::Store;
use crate::ui::action::Action;
use crate::ui::request::Request;
use crate::ui::theme;
use crate::ui::widgets::bars::Level;

/// The report shown, with the view `Esc` goes back to.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub vacancy_id: i64,
    pub title: String,
    pub applicants: u32,
    pub sheets: Vec<Sheet>,
    pub back_to: View,
    /// First line shown when the report is taller than the screen.
    pub scroll: usize,
}

impl ReportView {
    /// Lines of the report in one column: the furthest it can scroll.
    fn height(&self) -> usize {
        self.sheets.iter().map(|s| s.rows.len().max(1) + 3).sum()
    }
}

impl RecruitmentTab {
    /// Opens the report of `vacancy_id`, coming from the current view.
    pub(super) fn open_report(&mut self, store: &Store, i18n: &I18n, vacancy_id: i64) -> Request {
        let r = store.recruitment();
        match r
            .vacancy(vacancy_id)
            .and_then(|v| Ok((v, r.vacancy_report(vacancy_id)?)))
        {
            Ok((v, report)) => {
                self.report = Some(ReportView {
                    vacancy_id,
                    title: v.data.title,
                    applicants: report.applicants,
                    sheets: crate::recruitment_sheets::vacancy_report(&report, i18n),
                    back_to: self.view,
                    scroll: 0,
                });
                self.view = View::Report;
                Request::None
            }
            Err(e) => status_error(i18n, &e),
        }
    }

    pub(super) fn on_report(&mut self, action: Action, store: &Store, i18n: &I18n) -> Request {
        let Some(rv) = self.report.as_mut() else {
            self.view = View::Vacancies;
            return Request::None;
        };
        match action {
            Action::Up => rv.scroll = rv.scroll.saturating_sub(1),
            Action::Down => rv.scroll = (rv.scroll + 1).min(rv.height()),
            Action::Home => rv.scroll = 0,
            Action::Back => {
                self.view = rv.back_to;
                self.report = None;
            }
            Action::ExportCsv => return export(rv, store, i18n),
            _ => {}
        }
        Request::None
    }
}

/// Writes the tables to `vacancy-<id>-report-<today>.csv` (or `-2`, `-3`… beside an earlier one).
fn export(rv: &ReportView, store: &Store, i18n: &I18n) -> Request {
    let written = (|| {
        let company = store.settings().company()?;
        let dir = crate::documents::export_dir(store, &company);
        crate::store::create_private_dir(&dir)?;
        let stem = format!(
            "vacancy-{}-report-{}",
            rv.vacancy_id,
            crate::domain::date::iso(store.clock().today())
        );
        let path = crate::config::free_path(&dir, &stem, "csv");
        crate::sheet::write_csv(&path, &rv.sheets, crate::safe_file::Existing::Refuse)
            .map_err(|e| crate::store::StoreError::Other(anyhow::anyhow!(e.to_string())))?;
        Ok::<_, crate::store::StoreError>(path)
    })();
    match written {
        Ok(path) => Request::Status(
            i18n.tf(
                "recruit.report_written",
                &[("path", &path.display().to_string())],
            ),
            Level::Info,
        ),
        Err(e) => status_error(i18n, &e),
    }
}

fn is_number(c: &Cell) -> bool {
    matches!(c, Cell::Int(_) | Cell::Number(..))
}

/// One table as lines: its title, the column names, then the rows, numbers aligned right. The
/// funnel (`bars`) gets a bar per stage for the share of applicants who got that far.
fn table(sheet: &Sheet, width: usize, bars: bool, i18n: &I18n) -> Vec<Line<'static>> {
    let cols = sheet.headers.len();
    let text = |r: &[Cell], c: usize| r.get(c).map(Cell::csv_text).unwrap_or_default();
    let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
    for r in &sheet.rows {
        for (c, w) in widths.iter_mut().enumerate() {
            *w = (*w).max(text(r, c).chars().count());
        }
    }
    // The first (text) column gives way on narrow screens; numbers stay whole.
    let numbers: usize = widths.iter().skip(1).map(|w| w + 2).sum();
    if let Some(first) = widths.first_mut() {
        *first = (*first).min(width.saturating_sub(numbers).max(8));
    }
    let used: usize = widths.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
    let bar_w = if bars {
        width.saturating_sub(used + 2).min(20)
    } else {
        0
    };
    let line = |cells: Vec<String>, numeric: &dyn Fn(usize) -> bool| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(c, t)| {
                let w = widths[c];
                let t: String = t.chars().take(w).collect();
                if numeric(c) {
                    format!("{t:>w$}")
                } else {
                    format!("{t:<w$}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let numeric_col = |c: usize| sheet.rows.iter().any(|r| r.get(c).is_some_and(is_number));
    let mut out = vec![
        Line::from(Span::styled(sheet.title.clone(), theme::header())),
        Line::from(Span::styled(
            line(sheet.headers.clone(), &numeric_col),
            theme::label(),
        )),
    ];
    if sheet.rows.is_empty() {
        out.push(Line::from(Span::styled(
            i18n.t("recruit.report_none"),
            theme::muted(),
        )));
    }
    for r in &sheet.rows {
        let cells: Vec<String> = (0..cols).map(|c| text(r, c)).collect();
        let mut spans = vec![Span::raw(line(cells, &numeric_col))];
        if bar_w > 0 {
            // The share column (third) in percent.
            let pct = match r.get(2) {
                Some(Cell::Int(p)) => (*p).clamp(0, 100) as usize,
                _ => 0,
            };
            let filled = (pct * bar_w + 50) / 100;
            spans.push(Span::raw("  "));
            spans.push(Span::styled("█".repeat(filled), theme::ok()));
            spans.push(Span::styled("░".repeat(bar_w - filled), theme::muted()));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::from(""));
    out
}

pub fn render(tab: &RecruitmentTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let Some(rv) = &tab.report else { return };
    let title = i18n.tf(
        "recruit.report_title",
        &[("title", &rv.title), ("count", &rv.applicants.to_string())],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let tables = |sheets: &[usize], width: u16| -> Vec<Line<'static>> {
        sheets
            .iter()
            .filter_map(|n| rv.sheets.get(*n).map(|s| (n, s)))
            .flat_map(|(n, s)| table(s, usize::from(width), *n == 1, i18n))
            .collect()
    };
    // Wide: the funnel on the right of the other tables; narrow: one column that scrolls.
    if inner.width >= 100 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .spacing(3)
            .areas(inner);
        let left = tables(&[0, 2, 3], l.width);
        let right = tables(&[1], r.width);
        let scroll = rv.scroll.min(left.len().max(right.len()).saturating_sub(1));
        frame.render_widget(Paragraph::new(left).scroll((scroll as u16, 0)), l);
        frame.render_widget(Paragraph::new(right).scroll((scroll as u16, 0)), r);
    } else {
        let lines = tables(&[1, 0, 2, 3], inner.width);
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = rv.scroll.min(max);
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
    }
}
