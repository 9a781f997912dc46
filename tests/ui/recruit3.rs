//! Recruitment beyond the tab itself: Today's items that open a candidate's page, the letters, the
//! vacancy text, the interviews calendar and the per-vacancy report.

use super::*;
use dossier::domain::today::{Due, Place};
use dossier::ui::tabs::recruitment::View;

/// Selects the first Today item `pick` accepts and presses Enter; returns the candidate it is about.
fn enter_on(app: &mut App, pick: impl Fn(&Due) -> bool) -> i64 {
    key(app, KeyCode::Home);
    let at = app
        .today
        .list
        .items
        .iter()
        .position(|a| pick(&a.what))
        .expect("the demo has such an item");
    for _ in 0..at {
        key(app, KeyCode::Down);
    }
    let Place::Candidate { candidate_id } = app.today.list.items[at].place else {
        panic!("a recruitment item is fixed on the candidate's page");
    };
    key(app, KeyCode::Enter);
    candidate_id
}

#[test]
fn enter_on_a_missing_rejection_letter_opens_the_candidates_page() {
    let (_dir, mut app) = demo_app(Lang::En);
    let id = enter_on(&mut app, |d| matches!(d, Due::RejectionLetter { .. }));
    let screen = render(&app, 120, 36);
    assert_eq!(app.tab, 3, "{screen}");
    assert_eq!(app.recruitment.view, View::Page, "{screen}");
    assert_eq!(app.recruitment.page.as_ref().unwrap().candidate.id, id);
    assert!(screen.contains("Ruben"), "{screen}");
}

#[test]
fn enter_on_a_coming_purge_opens_the_candidates_page() {
    let (_dir, mut app) = demo_app(Lang::En);
    let id = enter_on(&mut app, |d| matches!(d, Due::CandidateRetention { .. }));
    let screen = render(&app, 120, 36);
    assert_eq!(app.recruitment.view, View::Page, "{screen}");
    assert_eq!(app.recruitment.page.as_ref().unwrap().candidate.id, id);
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.0.clone()).unwrap_or_default()
}

#[test]
fn g_on_the_page_writes_the_rejection_letter_and_the_today_item_goes() {
    let (_dir, mut app) = demo_app(Lang::En);
    enter_on(&mut app, |d| matches!(d, Due::RejectionLetter { .. }));
    key(&mut app, KeyCode::Char('g'));
    let picker = render(&app, 80, 24);
    insta::assert_snapshot!("recruit3_letter_picker_80x24", picker);
    // Acknowledgement, invitation, then the rejection letter.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let said = status(&app);
    assert!(said.starts_with("Rejection letter written: "), "{said}");
    let path = said.trim_start_matches("Rejection letter written: ");
    let html = std::fs::read_to_string(path).unwrap();
    assert!(html.contains("Ruben Claes"), "{html}");
    assert!(app.recruitment.letters.is_none());
    key(&mut app, KeyCode::Char('1'));
    assert!(
        !app.today
            .list
            .items
            .iter()
            .any(|a| matches!(a.what, Due::RejectionLetter { .. })),
        "the letter ends the Today item"
    );
}

#[test]
fn an_invitation_without_interview_says_so_and_writes_nothing() {
    let (_dir, mut app) = demo_app(Lang::En);
    enter_on(&mut app, |d| matches!(d, Due::RejectionLetter { .. }));
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(
        status(&app).contains("No interview planned"),
        "{}",
        status(&app)
    );
}

#[test]
fn t_and_c_on_the_vacancy_list_write_the_text_and_the_calendar() {
    let (_dir, mut app) = demo_app(Lang::En);
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Char('t'));
    let said = status(&app);
    assert!(said.starts_with("Vacancy text written: "), "{said}");
    let html = std::fs::read_to_string(said.trim_start_matches("Vacancy text written: ")).unwrap();
    assert!(html.contains("(m/f/x)"), "{html}");
    key(&mut app, KeyCode::Char('c'));
    let said = status(&app);
    let path = said.rsplit(' ').next().unwrap();
    let ics = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{said}: {e}"));
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    assert!(said.contains("interview(s) in the calendar file"), "{said}");
}
