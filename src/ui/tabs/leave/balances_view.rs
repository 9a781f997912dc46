//! Drawing the balance view: the people with what is left of each balance, and beside them the
//! selected person's schedule, balances, requests and sickness, and the ledger rows behind them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::person::{Item, Person};
use super::{Focus, LeaveTab, view};
use crate::domain::choice::Choice;
use crate::domain::contract::format_fte;
use crate::domain::date::format_date;
use crate::domain::leave::ledger::{Bucket, LedgerEntry, total};
use crate::domain::money::format_minutes;
use crate::i18n::I18n;
use crate::ui::tabs::dossiers::absence::Absence;
use crate::ui::theme;

/// The buckets given a column of their own in a wide list; the others count in the total only.
const COLUMNS: [Bucket; 3] = [Bucket::Legal, Bucket::Supplementary, Bucket::Extralegal];

pub fn render(tab: &LeaveTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let [head, summary, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let title = i18n.tf("balances.title", &[("year", &tab.year().to_string())]);
    view::render_head(tab, frame, head, i18n, title);
    frame.render_widget(Paragraph::new(view::summary_line(tab, i18n)), summary);
    if view::render_nothing_to_show(tab, frame, body, i18n) {
        return;
    }
    // Wide screens show each balance; narrow ones the name and the total left.
    let wide = body.width >= 150;
    let list_width = if wide {
        72
    } else {
        (body.width * 2 / 5).clamp(30, 40)
    };
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(20)]).areas(body);
    render_list(tab, frame, list, i18n, wide);
    if let Some(p) = &tab.person {
        render_person(p, tab.focus == Focus::Items, frame, detail, i18n);
    }
}

fn render_list(tab: &LeaveTab, frame: &mut Frame<'_>, area: Rect, i18n: &I18n, wide: bool) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if tab.focus == Focus::List {
            theme::border_focused()
        } else {
            theme::border()
        })
        .title(Span::styled(
            format!(" {} ", i18n.t("balances.remaining")),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut header = vec![Cell::from(i18n.t("col.name"))];
    let mut widths = vec![Constraint::Fill(1)];
    if wide {
        for b in COLUMNS {
            header.push(Cell::from(
                Line::from(i18n.t(&format!("balances.short_{}", b.code()))).right_aligned(),
            ));
            widths.push(Constraint::Length(10));
        }
    }
    header.push(Cell::from(Line::from(i18n.t("col.total")).right_aligned()));
    widths.push(Constraint::Length(10));
    let (rows, selected) = tab.window.visible(inner.height.saturating_sub(1) as usize);
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![Cell::from(r.name.clone())];
            let b = tab.balances.get(&r.id);
            let amount = |m: i64| {
                Cell::from(
                    Line::from(i18n.leave_amount(m, b.map_or(0, |b| b.day_minutes)))
                        .right_aligned(),
                )
            };
            let buckets = b.map(|b| b.buckets.as_slice()).unwrap_or_default();
            if wide {
                for c in COLUMNS {
                    let left = buckets
                        .iter()
                        .find(|(k, _)| *k == c)
                        .map(|(_, b)| b.remaining);
                    cells.push(left.map_or_else(|| Cell::from(""), amount));
                }
            }
            cells.push(if buckets.is_empty() {
                Cell::from(Line::from("–").right_aligned())
            } else {
                amount(total(buckets).remaining)
            });
            let row = Row::new(cells);
            if i == selected {
                row.style(theme::selected())
            } else {
                row
            }
        })
        .collect();
    frame.render_widget(
        Table::new(body, widths)
            .header(Row::new(header).style(theme::header()))
            .column_spacing(1),
        inner,
    );
}

fn render_person(p: &Person, focused: bool, frame: &mut Frame<'_>, area: Rect, i18n: &I18n) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme::border_focused()
        } else {
            theme::border()
        })
        .title(Span::styled(format!(" {} ", p.name), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (lines, selected_line) = person_lines(p, focused, inner.width, i18n);
    // Keep the selected line on screen, with a little of what follows.
    let height = inner.height as usize;
    let top = selected_line
        .map(|l| (l + 3).saturating_sub(height))
        .unwrap_or(0);
    let visible: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// The panel's lines, and which of them is the selected request or spell.
fn person_lines(
    p: &Person,
    focused: bool,
    width: u16,
    i18n: &I18n,
) -> (Vec<Line<'static>>, Option<usize>) {
    let a = &p.absence;
    // Narrow panels (80 columns) get short lines: day/month dates, the type's first letters.
    let compact = width < 74;
    let mut out = vec![schedule_line(p, i18n), Line::from("")];
    if !compact {
        out.extend(a.balance_lines(i18n));
    } else {
        out.push(Line::from(Span::styled(
            format!("{:<22}{:>12}", a.year, i18n.t("col.remaining")),
            theme::header(),
        )));
        for (b, bal) in &a.balances {
            out.push(Line::from(format!(
                "{:<22}{:>12}",
                i18n.choice(*b),
                i18n.leave_amount(bal.remaining, a.day_minutes)
            )));
        }
    }
    out.push(Line::from(""));
    out.push(Line::from(Span::styled(
        i18n.tf("balances.items", &[("year", &a.year.to_string())]),
        theme::header(),
    )));
    let mut selected_line = None;
    if p.items.is_empty() {
        out.push(Line::from(Span::styled(
            i18n.tf("balances.no_items", &[("year", &a.year.to_string())]),
            theme::hint(),
        )));
    }
    for (i, item) in p.items.iter().enumerate() {
        let text = match *item {
            _ if compact => compact_item(a, *item, i18n),
            Item::Request(r) => a.request_text(&a.requests[r], i18n),
            Item::Spell(s) => a.spell_text(&a.spells[s], i18n),
        };
        let style = if i == p.selected && focused {
            selected_line = Some(out.len());
            theme::selected()
        } else if matches!(item, Item::Spell(_)) {
            theme::label()
        } else {
            ratatui::style::Style::default()
        };
        out.push(Line::from(Span::styled(text, style)));
    }
    out.push(Line::from(""));
    out.push(a.certificate_free_line(i18n));
    out.push(Line::from(""));
    if !compact {
        out.extend(a.totals_lines(i18n));
        out.push(Line::from(""));
    }
    out.push(Line::from(Span::styled(
        i18n.t("balances.ledger"),
        theme::header(),
    )));
    for g in group_ledger(&p.ledger) {
        let e = g.first;
        let amount = i18n.leave_amount(g.minutes, a.day_minutes);
        if compact {
            out.push(Line::from(format!(
                "{:<11} {:<14.14} {:>10}",
                short_dates(e.date, g.last),
                i18n.choice(e.kind),
                amount
            )));
            continue;
        }
        let dates = if g.last == e.date {
            format_date(e.date)
        } else {
            format!("{} – {}", format_date(e.date), format_date(g.last))
        };
        let mut text = format!(
            "{:<23}  {:<24} {:<22} {:>10}",
            dates,
            i18n.choice(e.kind),
            i18n.choice(e.bucket),
            amount
        );
        if !e.reason.is_empty() {
            text.push_str(&format!("  {}", e.reason));
        }
        out.push(Line::from(text));
    }
    (out, selected_line)
}

/// "03/08–14/08" or "29/05": the year is in the panel's heading.
fn short_dates(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    if from == to {
        from.format("%d/%m").to_string()
    } else {
        format!("{}–{}", from.format("%d/%m"), to.format("%d/%m"))
    }
}

/// A request or spell in a narrow panel: dates, the start of the type's name, amount, status.
fn compact_item(a: &Absence, item: Item, i18n: &I18n) -> String {
    match item {
        Item::Request(i) => {
            let r = &a.requests[i];
            let (name, status) = a.request_words(r, i18n);
            format!(
                "{:<11} {:<12.12} {:>9} {}",
                short_dates(r.from, r.to),
                name,
                i18n.leave_amount(i64::from(r.minutes), a.day_minutes),
                status
            )
        }
        Item::Spell(i) => {
            let s = &a.spells[i];
            let dates = match s.end {
                Some(e) => short_dates(s.start, e),
                None => format!("{}–…", s.start.format("%d/%m")),
            };
            format!("{:<11} {}", dates, i18n.choice(s.cause))
        }
    }
}

/// Ledger rows of one request on consecutive days, read as one line.
struct LedgerGroup<'a> {
    first: &'a LedgerEntry,
    last: chrono::NaiveDate,
    minutes: i64,
}

/// Leave is booked a row per day; a two-week holiday is one line here, its rows summed.
fn group_ledger(rows: &[LedgerEntry]) -> Vec<LedgerGroup<'_>> {
    let mut out: Vec<LedgerGroup<'_>> = Vec::new();
    for e in rows {
        if let Some(g) = out.last_mut()
            && e.request_id.is_some()
            && g.first.request_id == e.request_id
            && g.first.kind == e.kind
            && g.first.bucket == e.bucket
        {
            g.last = e.date;
            g.minutes += e.minutes;
            continue;
        }
        out.push(LedgerGroup {
            first: e,
            last: e.date,
            minutes: e.minutes,
        });
    }
    out
}

/// "30h24 a week (80 %): Mon 7h36 · Tue 7h36 · Wed – · …", or that no schedule is known.
fn schedule_line(p: &Person, i18n: &I18n) -> Line<'static> {
    let Some(s) = &p.schedule else {
        return Line::from(Span::styled(i18n.t("balances.no_schedule"), theme::hint()));
    };
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let days: Vec<String> = s
        .weeks
        .iter()
        .map(|w| {
            DAYS.iter()
                .zip(w)
                .filter(|(d, m)| **m > 0 || !matches!(**d, "sat" | "sun"))
                .map(|(d, m)| {
                    let h = if *m == 0 {
                        "–".to_string()
                    } else {
                        format_minutes(*m)
                    };
                    format!("{} {h}", i18n.t(&format!("weekday_short.{d}")))
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .collect();
    Line::from(vec![
        Span::styled(
            i18n.tf(
                "balances.schedule",
                &[
                    ("hours", &format_minutes(s.weekly_minutes())),
                    (
                        "fte",
                        &format_fte(s.fte_permille(p.full_time_weekly_minutes)),
                    ),
                ],
            ),
            theme::label(),
        ),
        Span::raw(format!(" {}", days.join("  /  "))),
    ])
}
