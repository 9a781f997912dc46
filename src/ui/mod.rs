//! The terminal user interface: the event loop (draw only after an event) and terminal set-up.

pub mod action;
pub mod app;
pub mod company_form;
pub mod drafts;
pub mod form_flow;
pub mod keymap;
pub mod request;
pub mod settings_form;
pub mod shown;
pub mod tabs;
pub mod theme;
pub mod widgets;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub use app::App;

/// How often the loop looks whether a signal came while no key did: a signal cannot wake the
/// terminal read, so the wait is cut in slices this long (four wake-ups a second, nothing drawn).
const SIGNAL_CHECK: Duration = Duration::from_millis(250);

/// How long the watchdog gives the loop to notice a signal before it ends the program itself.
const STUCK_AFTER: Duration = Duration::from_secs(1);

/// Ends the program when a signal came and the loop does not stop: when the terminal window is
/// closed, crossterm's read of the vanished terminal spins inside `event::poll` and never returns
/// (seen as 30 % CPU forever after tmux's kill-session). The watchdog then writes the last draft
/// the loop left, restores what it can of the terminal, and exits.
fn watchdog(
    signal: Arc<AtomicUsize>,
    done: Arc<AtomicBool>,
    draft: Arc<Mutex<Option<drafts::Draft>>>,
    saved_text: String,
) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(SIGNAL_CHECK);
            if done.load(Ordering::Relaxed) {
                return;
            }
            let sig = signal.load(Ordering::Relaxed);
            if sig == 0 {
                continue;
            }
            std::thread::sleep(STUCK_AFTER);
            if done.load(Ordering::Relaxed) {
                return;
            }
            let saved = draft
                .lock()
                .ok()
                .and_then(|d| d.clone())
                .map(|d| drafts::write(&d));
            ratatui::restore();
            if let Some(Ok(path)) = saved {
                eprintln!(
                    "{}",
                    saved_text.replace("{path}", &path.display().to_string())
                );
            }
            std::process::exit(128 + i32::try_from(sig).unwrap_or(0));
        }
    });
}

/// Runs the TUI until the user quits. The terminal is restored on quit, on error, on panic
/// (ratatui's `init` installs a panic hook that restores it first) and on SIGTERM, SIGHUP and
/// SIGINT; on those signals a form with typed input is saved as a draft first (see [`drafts`]).
///
/// `backup` is the day's automatic backup running in the background: a failure is shown on the
/// status line when it comes.
pub fn run(
    mut app: App,
    backup: Option<std::sync::mpsc::Receiver<crate::store::Result<Option<std::path::PathBuf>>>>,
) -> anyhow::Result<()> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    drafts::announce(&mut app);
    let done = Arc::new(AtomicBool::new(false));
    let draft = Arc::new(Mutex::new(None));
    watchdog(
        Arc::clone(&signal),
        Arc::clone(&done),
        Arc::clone(&draft),
        app.i18n.t("data.draft_saved"),
    );
    let mut terminal = ratatui::init();
    let result = (|| -> anyhow::Result<()> {
        terminal.draw(|f| app.render(f))?;
        while !app.quit {
            if signal.load(Ordering::Relaxed) != 0 {
                break;
            }
            if let Some(Ok(Err(e))) = backup.as_ref().map(|rx| rx.try_recv()) {
                let text = app.i18n.tf(
                    "data.auto_backup_failed",
                    &[("error", &crate::errors::store_error(&app.i18n, &e))],
                );
                app.status = Some((text, crate::ui::widgets::bars::Level::Error));
                terminal.draw(|f| app.render(f))?;
            }
            if !event::poll(SIGNAL_CHECK)? {
                continue;
            }
            match event::read()? {
                Event::Key(key) => {
                    app.on_key(key);
                    if let Ok(mut d) = draft.lock() {
                        *d = drafts::snapshot(&app);
                    }
                }
                Event::Resize(_, _) => {}
                _ => continue,
            }
            terminal.draw(|f| app.render(f))?;
        }
        Ok(())
    })();
    done.store(true, Ordering::Relaxed);
    let stopped_by = signal.load(Ordering::Relaxed);
    // The draft first: on SIGHUP the terminal may already be gone, restoring it can fail.
    let draft = if stopped_by != 0 {
        drafts::save(&app)
    } else {
        Ok(None)
    };
    ratatui::restore();
    match draft {
        Ok(Some(path)) => eprintln!(
            "{}",
            app.i18n
                .tf("data.draft_saved", &[("path", &path.display().to_string())])
        ),
        Ok(None) => {}
        Err(e) => eprintln!(
            "{}",
            app.i18n
                .tf("data.draft_failed", &[("error", &e.to_string())])
        ),
    }
    result
}
pub mod unlock;
