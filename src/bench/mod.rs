//! `dossier bench`: the TUI driven headless (ratatui's TestBackend at 200×50) by a script of keys on a
//! database, each key timed until its frame is drawn, so anyone can reproduce the responsiveness
//! figures on their own data and machine.

mod script;
mod stats;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

pub use script::{DEFAULT_SCRIPT, ScriptError, Step, parse};
pub use stats::{Summary, peak_rss_kb};

use crate::i18n::I18n;
use crate::store::{ListQuery, Store, StoreError};
use crate::ui::App;
use crate::ui::keymap::Keymap;

/// The screen the keys are drawn on: a large terminal, so a frame draws as much as it ever does.
pub const WIDTH: u16 = 200;
pub const HEIGHT: u16 = 50;
/// How many of the slowest keys the report names.
const SLOWEST: usize = 5;

/// Time from start (opening the database) to the first complete frame.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FirstFrames {
    /// The start screen, as `dossier` opens.
    pub today_ms: f64,
    /// The staff list, as `dossier` opens with `start = "dossiers"` in config.toml.
    pub dossiers_ms: f64,
}

/// One key of the script and how long its frame took.
#[derive(Debug, Clone, Serialize)]
pub struct KeyTime {
    pub group: String,
    pub key: String,
    pub ms: f64,
}

/// The keys of one group of the script (one line of it).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub name: String,
    #[serde(flatten)]
    pub times: Summary,
}

/// What `dossier bench` prints.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Dossiers in the database, people who left included.
    pub people: u64,
    pub width: u16,
    pub height: u16,
    pub first_frame: FirstFrames,
    /// Every key of the script.
    pub keys: Summary,
    /// The keys of each group of the script, in script order.
    pub groups: Vec<Group>,
    pub slowest: Vec<KeyTime>,
    /// The process's peak resident memory, in kB (Linux only).
    pub peak_rss_kb: Option<u64>,
}

/// Opens the app as `dossier` does and draws its first frame; the time includes opening the store.
fn start(
    open: &dyn Fn() -> Result<Store, StoreError>,
    i18n: I18n,
    tab: &str,
) -> Result<(App, Terminal<TestBackend>, Instant), StoreError> {
    let t = Instant::now();
    let store = open()?;
    let tab = crate::ui::app::tab_named(tab).unwrap_or(0);
    let app = App::starting_on(store, i18n, Keymap::default(), tab);
    let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT))
        .map_err(|e| StoreError::Other(anyhow::anyhow!("test terminal: {e}")))?;
    Ok((app, terminal, t))
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Result<(), StoreError> {
    terminal
        .draw(|f| app.render(f))
        .map(|_| ())
        .map_err(|e| StoreError::Other(anyhow::anyhow!("test terminal: {e}")))
}

/// Replays `steps` with the default keymap (a user's overrides would make runs incomparable).
/// `open` is called twice: once for each first frame, so both start from a closed database.
pub fn run(
    open: &dyn Fn() -> Result<Store, StoreError>,
    i18n: I18n,
    steps: &[Step],
) -> Result<BenchReport, StoreError> {
    let (app, mut terminal, t) = start(open, i18n, "dossiers")?;
    draw(&mut terminal, &app)?;
    let dossiers_ms = ms(t.elapsed());
    drop((app, terminal));

    let (mut app, mut terminal, t) = start(open, i18n, "today")?;
    draw(&mut terminal, &app)?;
    let today_ms = ms(t.elapsed());

    let mut times: Vec<(usize, Duration)> = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        if app.quit {
            break;
        }
        let t = Instant::now();
        app.on_key(step.key);
        draw(&mut terminal, &app)?;
        times.push((i, t.elapsed()));
    }

    let mut groups: Vec<(String, Vec<Duration>)> = Vec::new();
    for &(i, d) in &times {
        let g = &steps[i].group;
        match groups.iter_mut().find(|(name, _)| name == g) {
            Some((_, v)) => v.push(d),
            None => groups.push((g.clone(), vec![d])),
        }
    }
    let mut slowest = times.clone();
    slowest.sort_by_key(|t| std::cmp::Reverse(t.1));
    let people = app.store.employees().count(&ListQuery {
        include_left: true,
        ..Default::default()
    })?;
    Ok(BenchReport {
        people,
        width: WIDTH,
        height: HEIGHT,
        first_frame: FirstFrames {
            today_ms,
            dossiers_ms,
        },
        keys: Summary::of(&times.iter().map(|t| t.1).collect::<Vec<_>>()),
        groups: groups
            .into_iter()
            .map(|(name, d)| Group {
                name,
                times: Summary::of(&d),
            })
            .collect(),
        slowest: slowest
            .into_iter()
            .take(SLOWEST)
            .map(|(i, d)| KeyTime {
                group: steps[i].group.clone(),
                key: steps[i].label.clone(),
                ms: ms(d),
            })
            .collect(),
        peak_rss_kb: peak_rss_kb(),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
