//! Screen tests: the App driven by key events and drawn into ratatui's TestBackend, snapshotted as text.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::employee::EmploymentStatus;
use dossier::i18n::{I18n, Lang};
use dossier::store::{Access, ListQuery, Store};
use dossier::ui::App;
use dossier::ui::app::Overlay;
use dossier::ui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The Leave tab: balances, forms, the team calendar.
#[path = "ui/leave.rs"]
mod leave;

/// The dossier's Checklist section and the Dimona form.
#[path = "ui/checklists.rs"]
mod checklists;
/// The dossier's Confidential section behind the PIN.
#[path = "ui/confidential.rs"]
mod confidential;
/// The passphrase prompt of an encrypted database.
#[path = "ui/crypt.rs"]
mod crypt;
/// Letters from a dossier and the company settings.
#[path = "ui/documents.rs"]
mod documents;
/// The payroll review: a month's variables, hand entries, the export.
#[path = "ui/payroll.rs"]
mod payroll;
/// Recruitment, fourth part: the vacancy report, questionnaire and feedback forms.
#[path = "ui/recruit4.rs"]
mod recruit4;
/// The Recruitment tab: vacancies, board, candidate page, forms, hire.
#[path = "ui/recruitment.rs"]
mod recruitment;
/// The Reports tab: reports, charts, period and exports.
#[path = "ui/reports.rs"]
mod reports;
/// The Today tab.
#[path = "ui/today.rs"]
mod today;
/// The Training tab and the dossier's Training section.
#[path = "ui/training.rs"]
mod training;
/// The Training tab's requests and the Today item that opens them.
#[path = "ui/training2.rs"]
mod training2;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A demo company in a fresh temp database; the TempDir must outlive the app.
fn app(lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.db");
    let store = Store::open(&path, Access::ReadWrite, Clock::frozen_at(today())).unwrap();
    store
        .load_people(dossier::demo::demo_company(today()).into_iter(), |_| {})
        .unwrap();
    let mut app = App::new(store, I18n::new(lang), Keymap::default());
    // The app opens on Today; these tests start from the staff list.
    key(&mut app, KeyCode::Char('2'));
    (dir, app)
}

/// The demo company exactly as `--demo` opens it (leave, letters, payroll, recruitment,
/// training…), on Today.
fn demo_app(lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("ui.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    dossier::demo::load(&store, today()).unwrap();
    (dir, App::new(store, I18n::new(lang), Keymap::default()))
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The screen as text, with the (per-run) database path replaced by a fixed marker.
fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    let text = terminal.backend().to_string();
    let path = app.store.path().display().to_string();
    let dir = app.store.path().parent().unwrap().display().to_string();
    // The path may be cut short by the status bar width; replace the full path, then any visible prefix
    // of the directory, keeping the line width unchanged.
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(&mask(line, &path, &dir));
        out.push('\n');
    }
    out
}

fn mask(line: &str, path: &str, dir: &str) -> String {
    let start = line.find(path).map(|i| (i, path.len())).or_else(|| {
        // A truncated path: the longest prefix of the directory (at least the temp root) that appears.
        let min = dir.len().min(8);
        (min..=dir.len()).rev().find_map(|n| {
            let prefix = &dir[..n];
            line.find(prefix).map(|i| {
                // Extend over the rest of the path-like token.
                let rest = &line[i..];
                let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (i, len)
            })
        })
    });
    match start {
        Some((i, len)) => {
            let span = &line[i..i + len];
            let width = span.chars().count();
            let marker = "[DB]";
            let fill = width.saturating_sub(marker.len());
            format!(
                "{}{marker}{}{}",
                &line[..i],
                " ".repeat(fill),
                &line[i + len..]
            )
        }
        None => line.to_string(),
    }
}

fn field<'a>(app: &'a App, name: &str) -> &'a str {
    let state = app.dossiers.form.as_ref().expect("a form is open");
    state
        .form
        .fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name}"))
        .input
        .value()
}

#[test]
fn list() {
    let (_dir, app) = app(Lang::En);
    insta::assert_snapshot!("list", render(&app, 120, 36));
}

#[test]
fn list_filtered_accent_insensitive() {
    let (_dir, mut app) = app(Lang::En);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "celine");
    assert_eq!(
        app.dossiers.window.total, 1,
        "one Céline in the demo company"
    );
    insta::assert_snapshot!("list_filtered", render(&app, 120, 36));
}

#[test]
fn dossier_employment_section() {
    let (_dir, mut app) = app(Lang::En);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('l'));
    insta::assert_snapshot!("dossier_employment", render(&app, 120, 36));
}

/// At 80 columns not every section label fits: the bar slides so the selected one shows, and
/// says on which side more sections lie.
#[test]
fn dossier_section_bar_follows_the_selection_at_80_columns() {
    let (_dir, mut app) = app(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    // Left from the first section wraps to the last: Confidential, Training, then History.
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('h'));
    let screen = render(&app, 80, 24);
    let bar = screen.lines().find(|l| l.contains("Historiek"));
    assert!(bar.is_some_and(|l| l.starts_with("\"‹")), "{screen}");
    insta::assert_snapshot!("dossier_history_nl_80x24", screen);
}

#[test]
fn new_employee_form_refuses_bad_input_and_keeps_values() {
    let (_dir, mut app) = app(Lang::En);
    key(&mut app, KeyCode::Char('n'));
    assert!(app.dossiers.form.is_some());
    type_text(&mut app, "E99"); // number
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Bad"); // first_name
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Input"); // last_name
    key(&mut app, KeyCode::Tab); // preferred_name
    key(&mut app, KeyCode::Tab); // sex
    key(&mut app, KeyCode::Tab); // birth_date
    type_text(&mut app, "31/02/1990");
    key(&mut app, KeyCode::Tab); // birth_place
    key(&mut app, KeyCode::Tab); // nationality
    key(&mut app, KeyCode::Tab); // rrn
    type_text(&mut app, "12345678901");
    ctrl(&mut app, 's');

    let state = app
        .dossiers
        .form
        .as_ref()
        .expect("the refused form stays open");
    assert!(!state.form.errors.0.is_empty(), "errors are shown");
    assert!(state.form.errors.for_field("birth_date").is_some());
    assert!(state.form.errors.for_field("rrn").is_some());
    assert_eq!(field(&app, "number"), "E99");
    assert_eq!(field(&app, "first_name"), "Bad");
    assert_eq!(field(&app, "last_name"), "Input");
    assert_eq!(field(&app, "birth_date"), "31/02/1990");
    assert_eq!(field(&app, "rrn"), "12345678901");
    assert_eq!(field(&app, "start_date"), "23/11/2026");
    assert!(
        app.store.employees().by_number("E99").is_err(),
        "nothing was saved"
    );

    insta::assert_snapshot!("new_employee_errors", render(&app, 120, 36));
    // At 80 columns the messages do not fit beside the fields: they wrap under them, whole.
    let narrow = render(&app, 80, 24);
    assert!(narrow.contains("Check digits do not match"), "{narrow}");
    insta::assert_snapshot!("new_employee_errors_80x24", narrow);
}

#[test]
fn help_screen() {
    let (_dir, mut app) = app(Lang::En);
    key(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.overlay, Overlay::Help));
    insta::assert_snapshot!("help", render(&app, 120, 36));
}

#[test]
fn list_dutch() {
    let (_dir, app) = app(Lang::Nl);
    insta::assert_snapshot!("list_nl", render(&app, 120, 36));
}

#[test]
fn list_french() {
    let (_dir, app) = app(Lang::Fr);
    insta::assert_snapshot!("list_fr", render(&app, 120, 36));
}

#[test]
fn list_small_terminal() {
    let (_dir, app) = app(Lang::En);
    let text = render(&app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 24);
    assert!(lines[0].contains("Dossiers"), "tab bar visible:\n{text}");
    assert!(
        lines.iter().take(4).any(|l| l.contains("Employees")),
        "list header visible:\n{text}"
    );
    insta::assert_snapshot!("list_80x24", text);
}

#[test]
fn archiving_marks_person_left_and_shrinks_list() {
    let (_dir, mut app) = app(Lang::En);
    let before = app.dossiers.window.total;
    let id = app.dossiers.window.selected_row().unwrap().id;
    key(&mut app, KeyCode::Char('d'));
    assert!(app.dossiers.form.is_some(), "archive form open");
    ctrl(&mut app, 's');
    assert!(
        matches!(app.overlay, Overlay::Confirm(..)),
        "asks before archiving"
    );
    key(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.dossiers.form.is_none(), "form closed after save");

    let e = app.store.employees().get(id).unwrap();
    assert_eq!(e.data.status, EmploymentStatus::Left);
    assert!(app.store.employees().departure(id).unwrap().is_some());
    let count = app.store.employees().count(&ListQuery::default()).unwrap();
    assert_eq!(count, before - 1);
    // Back to the list: its count dropped by one too.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.dossiers.window.total, before - 1);
}

#[test]
fn esc_on_dirty_form_asks_and_no_keeps_values() {
    let (_dir, mut app) = app(Lang::En);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "E55");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kept");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, Overlay::Confirm(..)),
        "asks before discarding"
    );
    assert!(app.dossiers.form.is_some());
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(field(&app, "number"), "E55");
    assert_eq!(field(&app, "first_name"), "Kept");
    // Typing continues in the same field.
    type_text(&mut app, "!");
    assert_eq!(field(&app, "first_name"), "Kept!");
}

#[test]
fn dossier_leave_section_shows_balance_and_the_years_absences() {
    let (_dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    key(&mut app, KeyCode::Enter);
    // Identity, Contact, Employment, Checklist, then Leave & absence.
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('l'));
    }
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Leave & absence 2026"), "{screen}");
    assert!(screen.contains("Legal leave"), "{screen}");
    assert!(
        screen.contains("Certificate-free days this year"),
        "{screen}"
    );
    assert!(screen.contains("Absence by type in 2026"), "{screen}");
    insta::assert_snapshot!("dossier_leave", screen);
}

#[path = "ui/recruit3.rs"]
mod recruit3;

/// A 1/5 parental leave is a schedule, not a contract: the dossier says which FTE the reports
/// count, and shows nothing of the kind for someone whose schedule matches the contract.
#[test]
fn dossier_employment_names_the_schedule_fte_beside_the_contract() {
    let (_dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    let employment = |app: &mut App, name: &str| {
        key(app, KeyCode::Char('/'));
        type_text(app, name);
        key(app, KeyCode::Enter);
        key(app, KeyCode::Enter);
        key(app, KeyCode::Char('l'));
        key(app, KeyCode::Char('l'));
        let screen = render(app, 120, 36);
        // Back to the list, then clear the filter.
        key(app, KeyCode::Esc);
        key(app, KeyCode::Esc);
        screen
    };
    let nadia = employment(&mut app, "Bouzidi");
    assert!(
        nadia.contains("30h24 a week, 0,80 FTE. Reports count this; the contract says 1,00 FTE"),
        "{nadia}"
    );
    let luc = employment(&mut app, "Vermeulen");
    assert!(luc.contains("Contracts"), "{luc}");
    assert!(!luc.contains("Reports count this"), "{luc}");
}
/// Reliability on screen: a full disk at save time, names that try to break the layout.
#[path = "ui/reliab3.rs"]
mod reliab3;

/// `start = "dossiers"` in config.toml: the staff list is the first screen and Today is read only
/// when it is entered (on a very large company its list takes a while to work out).
#[test]
fn the_app_can_start_on_the_staff_list_and_reads_today_when_entered() {
    let (_dir, app) = app(Lang::En);
    let store = app.store;
    let dossiers = dossier::ui::app::tab_named("dossiers").unwrap();
    let mut app = App::starting_on(store, I18n::new(Lang::En), Keymap::default(), dossiers);
    let first = render(&app, 120, 36);
    assert!(first.contains("Employees"), "{first}");
    key(&mut app, KeyCode::Char('1'));
    let today = render(&app, 120, 36);
    assert!(today.contains("things need attention"), "{today}");
    assert_eq!(dossier::ui::app::tab_named("payroll"), None);
}
#[path = "ui/training3.rs"]
mod training3;
