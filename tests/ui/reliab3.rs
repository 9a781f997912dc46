//! Reliability on screen: a save that meets a full disk keeps the form open with what was typed
//! and says so; names that try to break the layout render inside the frame.

use super::*;
use dossier::domain::employee::EmployeeInput;

/// Fills the database to its last page (SQLite's `max_page_count`): people like the one the test
/// types are added until one more no longer fits.
fn fill_the_disk(app: &App) {
    app.store.cap_growth(0).unwrap();
    for k in 0..100_000 {
        let input = EmployeeInput {
            number: format!("F{k:05}"),
            first_name: "Filler".into(),
            last_name: format!("Person {k}"),
            start_date: "01/01/2026".into(),
            ..Default::default()
        };
        if let Err(e) = app.store.employees().add(&input, None) {
            let text = dossier::errors::store_error(&I18n::new(Lang::En), &e);
            assert!(text.contains("The disk is full"), "{text}");
            return;
        }
    }
    panic!("the database never filled up");
}

#[test]
fn a_save_on_a_full_disk_keeps_the_form_and_what_was_typed() {
    let (_dir, mut app) = app(Lang::En);
    fill_the_disk(&app);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "E0900");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Marie-Christine");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Vandenbroucke-Delacroix de Ghellinck");
    ctrl(&mut app, 's');
    assert!(app.dossiers.form.is_some(), "the form was closed");
    assert_eq!(field(&app, "number"), "E0900");
    assert_eq!(field(&app, "first_name"), "Marie-Christine");
    assert_eq!(
        field(&app, "last_name"),
        "Vandenbroucke-Delacroix de Ghellinck"
    );
    assert!(app.store.employees().by_number("E0900").is_err());
    let screen = render(&app, 120, 36);
    assert!(screen.contains("The disk is full"), "{screen}");
    // Room again: the same form saves as it is.
    app.store.cap_growth(1000).unwrap();
    ctrl(&mut app, 's');
    assert!(app.dossiers.form.is_none(), "{}", render(&app, 120, 36));
    assert!(app.store.employees().by_number("E0900").is_ok());
}

fn files_ending(dir: &std::path::Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_ending(&path, ext));
        } else if path.to_string_lossy().ends_with(ext) {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The TUI never asks about an existing file because it never meets one: every export takes the
/// next free name (`…-2.ics`), so the calendar exported twice on one day is two files, the first
/// untouched.
#[test]
fn an_export_from_the_tui_takes_a_free_name_instead_of_overwriting() {
    let (dir, mut app) = demo_app(Lang::En);
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Char('c'));
    let first = files_ending(dir.path(), ".ics");
    assert_eq!(first.len(), 1, "{first:?}");
    let before = std::fs::read(&first[0]).unwrap();
    key(&mut app, KeyCode::Char('c'));
    let both = files_ending(dir.path(), ".ics");
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(
        both.iter()
            .any(|p| p.to_string_lossy().ends_with("_interviews-2.ics")),
        "{both:?}"
    );
    assert_eq!(std::fs::read(&first[0]).unwrap(), before);
}

/// A company of people whose names try to break the layout: very long, Arabic and Hebrew
/// (right-to-left), combining accents, a bidi override; then escape codes, a carriage return and
/// a tab written straight into the file (as an older version or another tool might have).
fn hostile_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.db");
    let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(today())).unwrap();
    let people = [
        (
            "H1",
            "Maximiliaan-Alexander Bartholomeus",
            "Vandenbroucke-Van der Straeten de Ghellinck d'Elseghem Vaernewyck",
        ),
        ("H2", "محمد", "العلوي"),
        ("H3", "נועה", "כהן"),
        (
            "H4",
            "Zoe\u{0308}",
            "Da\u{0323}\u{0306}ng Thi\u{0323} Ngo\u{0323}c",
        ),
        ("H5", "\u{202E}Reversed", "Override"),
        ("H6", "Plain", "Escape"),
    ];
    for (number, first, last) in people {
        store
            .employees()
            .add(
                &EmployeeInput {
                    number: number.into(),
                    first_name: first.into(),
                    last_name: last.into(),
                    start_date: "01/09/2025".into(),
                    department: "Atelier".into(),
                    job_title: "Operator".into(),
                    ..Default::default()
                },
                None,
            )
            .unwrap();
    }
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE employees SET first_name = ?1, last_name = ?2, job_title = ?3 WHERE number = 'H6'",
            ["Evil\x1b[2J\x1b[31mRed", "Escape\rReturn\tTab", "Op\x1b]0;pwned\x07erator"],
        )
        .unwrap();
    let mut app = App::new(store, I18n::new(Lang::En), Keymap::default());
    key(&mut app, KeyCode::Char('2'));
    (dir, app)
}

/// Every line of the screen is exactly as wide as the screen, no unsafe character reaches it,
/// and the frame's corners are where they belong.
fn assert_frame_intact(screen: &str, width: usize) {
    for (n, line) in screen.lines().enumerate() {
        // TestBackend shows each line between quotes.
        let line = line
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .unwrap_or(line);
        assert_eq!(
            unicode_width(line),
            width,
            "line {n} is not {width} wide:\n{screen}"
        );
        assert!(
            !line.chars().any(|c| c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "line {n} carries a control character: {line:?}"
        );
    }
}

fn unicode_width(line: &str) -> usize {
    use ratatui::text::Line;
    Line::raw(line).width()
}

#[test]
fn hostile_names_keep_the_staff_list_inside_its_frame() {
    let (_dir, app) = hostile_app();
    let screen = render(&app, 80, 24);
    assert_frame_intact(&screen, 80);
    assert!(screen.contains("Escape�Return"), "{screen}");
    assert!(screen.contains("Op�]0;pwned"), "{screen}");
    assert!(screen.contains("Override, �Rever"), "{screen}");
    for name in ["العلوي", "כהן", "Da\u{0323}\u{0306}ng"] {
        assert!(screen.contains(name), "{name}: {screen}");
    }
    insta::assert_snapshot!("reliab3_hostile_staff_80x24", screen);
}

#[test]
fn hostile_names_keep_the_dossier_header_on_one_line() {
    for (number, expected) in [
        ("H1", "Maximiliaan-Alexander"),
        ("H2", "محمد"),
        ("H4", "Zoe\u{0308}"),
        ("H5", "�Reversed"),
        ("H6", "Evil�[2J�[31mRed"),
    ] {
        let (_dir, mut app) = hostile_app();
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, number);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Enter);
        let screen = render(&app, 80, 24);
        assert_frame_intact(&screen, 80);
        assert!(screen.contains(expected), "{number}:\n{screen}");
        if number == "H6" {
            // The identity section shows the stored name with the same replacements.
            assert!(screen.contains("Escape�Return Tab"), "{screen}");
            insta::assert_snapshot!("reliab3_hostile_dossier_80x24", screen);
        }
    }
}

/// The demo company (PIN 1234) in a database that outlives the app, on E0001's Confidential section.
fn confidential_at(path: &std::path::Path) -> App {
    let store = Store::open(path, Access::ReadWrite, Clock::frozen_at(today())).unwrap();
    let mut app = App::new(store, I18n::new(Lang::En), Keymap::default());
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "E0001");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('h'));
    app
}

fn give_pin(app: &mut App, pin: &str) {
    key(app, KeyCode::Char('u'));
    type_text(app, pin);
    ctrl(app, 's');
}

/// After five wrong PINs the unlock form says how long to wait; closing and reopening Dossier
/// does not reset it (even the right PIN waits), and the wait never shows the PIN.
#[test]
fn wrong_pins_make_the_unlock_wait_and_a_restart_does_not_reset_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.db");
    {
        let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(today())).unwrap();
        dossier::demo::load(&store, today()).unwrap();
    }
    let mut app = confidential_at(&path);
    // The refused form stays open: the next PIN is typed over the last one.
    key(&mut app, KeyCode::Char('u'));
    for _ in 0..5 {
        type_text(&mut app, "9999");
        ctrl(&mut app, 's');
        for _ in 0..4 {
            key(&mut app, KeyCode::Backspace);
        }
    }
    type_text(&mut app, "1234");
    ctrl(&mut app, 's');
    let screen = render(&app, 120, 36);
    assert!(screen.contains("wait 30 s"), "{screen}");
    assert!(!screen.contains("1234"), "{screen}");
    assert!(app.dossiers.unlocked.is_none());
    drop(app);
    let mut again = confidential_at(&path);
    give_pin(&mut again, "1234");
    let screen = render(&again, 120, 36);
    assert!(
        screen.contains("Too many wrong PINs: wait 30 s"),
        "{screen}"
    );
    assert!(again.dossiers.unlocked.is_none());
    insta::assert_snapshot!("reliab3_pin_wait", screen);
}

/// A draft (the terminal closed with a form open) never holds the text of a confidential form;
/// an ordinary form's text is kept.
#[test]
fn drafts_never_hold_the_text_of_a_confidential_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.db");
    {
        let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(today())).unwrap();
        dossier::demo::load(&store, today()).unwrap();
    }
    let mut app = confidential_at(&path);
    give_pin(&mut app, "1234");
    assert!(app.dossiers.unlocked.is_some(), "{}", render(&app, 120, 36));
    // A new disciplinary measure with its facts typed.
    key(&mut app, KeyCode::Char('m'));
    assert!(app.dossiers.form.is_some(), "{}", render(&app, 120, 36));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Zorbulon left the bay unlocked");
    assert!(
        render(&app, 120, 36).contains("Zorbulon"),
        "the text was typed into the form"
    );
    assert_eq!(dossier::ui::drafts::save(&app).unwrap(), None);
    let drafts = dossier::ui::drafts::drafts_dir(&path);
    assert!(!drafts.exists() || std::fs::read_dir(&drafts).unwrap().next().is_none());
    // The PIN form is confidential too.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // An ordinary form is kept as a draft, so the test above could fail.
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "E0777");
    let file = dossier::ui::drafts::save(&app).unwrap().expect("a draft");
    assert!(std::fs::read_to_string(file).unwrap().contains("E0777"));
}
