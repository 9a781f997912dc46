//! Recruitment, fourth part: the per-vacancy report (`r`, `x` to CSV), the phone questionnaire and
//! interview feedback forms, the questions of a vacancy, letters from the user's templates.

use super::*;
use dossier::ui::tabs::recruitment::View;

/// The demo company on the Recruitment tab's vacancy list, the CNC vacancy selected.
fn vacancies() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("ui.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    dossier::demo::load(&store, today()).unwrap();
    let mut app = App::new(store, I18n::new(Lang::En), Keymap::default());
    key(&mut app, KeyCode::Char('4'));
    let at = app
        .recruitment
        .vacancies
        .iter()
        .position(|v| v.title.starts_with("CNC"))
        .unwrap();
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    (dir, app)
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.0.clone()).unwrap_or_default()
}

#[test]
fn r_shows_the_vacancy_report_and_esc_goes_back() {
    let (_dir, mut app) = vacancies();
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.recruitment.view, View::Report);
    let wide = render(&app, 120, 36);
    for text in [
        "Applicants per channel",
        "Funnel",
        "Time to hire",
        "Rejection reasons",
        "Required qualification missing",
    ] {
        assert!(wide.contains(text), "{text}:\n{wide}");
    }
    insta::assert_snapshot!("recruit4_report", wide);
    insta::assert_snapshot!("recruit4_report_80x24", render(&app, 80, 24));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.recruitment.view, View::Vacancies);
    // From the board, Esc returns to the board.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.recruitment.view, View::Report);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.recruitment.view, View::Board);
}

#[test]
fn x_writes_the_report_as_csv_and_never_over_an_earlier_one() {
    let (_dir, mut app) = vacancies();
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('x'));
    let said = status(&app);
    assert!(said.starts_with("Report written: "), "{said}");
    let first = said.trim_start_matches("Report written: ").to_string();
    let csv = std::fs::read_to_string(&first).unwrap();
    assert!(csv.contains("Applicants per channel"), "{csv}");
    assert!(csv.contains("Stage;Reached;%;Now"), "{csv}");
    key(&mut app, KeyCode::Char('x'));
    let second = status(&app)
        .trim_start_matches("Report written: ")
        .to_string();
    assert_ne!(first, second);
    assert!(second.ends_with("-2.csv"), "{second}");
    assert_eq!(std::fs::read_to_string(&first).unwrap(), csv);
}
