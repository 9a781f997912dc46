//! Criterion benches of the hot paths, on a synthetic company generated once per run in a temp dir:
//! one person's balances, a working-day count, the staff filter and page queries, and the drawing of
//! each tab into a 200×50 TestBackend. `cargo bench` runs them; `dossier bench` times whole keys.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use dossier::clock::Clock;
use dossier::domain::leave::period::{DayPart, count_period};
use dossier::i18n::{I18n, Lang};
use dossier::store::{Access, ListQuery, Store};
use dossier::ui::App;
use dossier::ui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Large enough for the indexes to matter, small enough to generate in a second or two.
const PEOPLE: usize = 3000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The synthetic company with this year's leave allocated; the TempDir must outlive the store.
fn company() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("bench.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    store
        .load_people(dossier::demo::synthetic_company(PEOPLE, 1, today()), |_| {})
        .unwrap();
    store.leave().allocate_year(2026, false).unwrap();
    (dir, store)
}

fn store_paths(c: &mut Criterion) {
    let (_dir, store) = company();
    let id = store.employees().by_number("S000100").unwrap().id;
    c.bench_function("balances of one employee", |b| {
        b.iter(|| store.leave().balances(black_box(id), 2026).unwrap())
    });
    let schedules = store.leave().schedules(id).unwrap();
    let calendar = store.leave().calendar().unwrap();
    let (from, to) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    c.bench_function("working days of a year", |b| {
        b.iter(|| count_period(&schedules, &calendar, black_box(from), to, DayPart::Full))
    });
    let repo = store.employees();
    for filter in ["", "m", "ma", "mar", "peeters"] {
        let q = ListQuery {
            filter: filter.into(),
            ..Default::default()
        };
        c.bench_function(
            &format!("staff count and first page, filter \"{filter}\""),
            |b| {
                b.iter(|| {
                    let n = repo.count(&q).unwrap();
                    (n, repo.page(&q, None, false, 100).unwrap())
                })
            },
        );
    }
    let q = ListQuery::default();
    let first = repo.page(&q, None, false, 100).unwrap();
    let cursor = first.last().unwrap().cursor.clone();
    c.bench_function("staff next page", |b| {
        b.iter(|| repo.page(&q, Some(black_box(&cursor)), false, 100).unwrap())
    });
}

fn render_tabs(c: &mut Criterion) {
    let (_dir, store) = company();
    let mut app = App::new(store, I18n::new(Lang::En), Keymap::default());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    for (tab, keys) in [
        ("Today", "1"),
        ("Dossiers", "2"),
        ("Leave", "3"),
        ("Leave calendar", "v"),
        ("Reports", "6"),
        ("Payroll review", "v"),
    ] {
        for k in keys.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(k), KeyModifiers::NONE));
        }
        c.bench_function(&format!("draw {tab} at 200x50"), |b| {
            b.iter(|| terminal.draw(|f| app.render(f)).unwrap().area)
        });
    }
}

/// The team calendar of one department of 500 people, with two years of leave and sickness: the
/// filter to the department, then a month forward and back (each key read and drawn).
fn department_calendar(c: &mut Criterion) {
    let (dir, store) = company();
    store
        .load_history(
            dossier::demo::synthetic_history(PEOPLE, 1, today(), 2),
            |_| {},
        )
        .unwrap();
    drop(store);
    // 500 people moved into a department of their own (a plain update: bench set-up only).
    let db = dir.path().join("bench.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE employees SET department = 'Kalibratie' WHERE id IN
             (SELECT id FROM employees WHERE status <> 'left' ORDER BY id LIMIT 500)",
            [],
        )
        .unwrap();
    let store = Store::open(&db, Access::ReadWrite, Clock::frozen_at(today())).unwrap();
    let mut app = App::new(store, I18n::new(Lang::En), Keymap::default());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    for code in [KeyCode::Char('3'), KeyCode::Char('v'), KeyCode::Char('/')]
        .into_iter()
        .chain("kalibratie".chars().map(KeyCode::Char))
        .chain([KeyCode::Enter])
    {
        app.on_key(key(code));
    }
    terminal.draw(|f| app.render(f)).unwrap();
    c.bench_function("calendar month of a department of 500", |b| {
        let mut forward = true;
        b.iter(|| {
            let code = if forward {
                KeyCode::PageDown
            } else {
                KeyCode::PageUp
            };
            forward = !forward;
            app.on_key(key(code));
            terminal.draw(|f| app.render(f)).unwrap().area
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = store_paths, render_tabs, department_calendar
}
criterion_main!(benches);
