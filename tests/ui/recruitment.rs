//! The Recruitment tab: the vacancy list, a vacancy's board and list view, a candidate's page, the
//! moves, the interview form's clash message and the hire that lands in the new dossier.

use super::*;
use dossier::domain::recruitment::Stage;
use dossier::ui::tabs::recruitment::View;

/// The demo company as `--demo` opens it, on the Recruitment tab's vacancy list.
fn recruit_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app(Lang::En);
    key(&mut app, KeyCode::Char('4'));
    (dir, app)
}

/// The CNC vacancy's board (the first open vacancy).
fn board_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = recruit_app();
    let at = app
        .recruitment
        .vacancies
        .iter()
        .position(|v| v.title.starts_with("CNC"))
        .unwrap();
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.recruitment.view, View::Board);
    (dir, app)
}

/// Moves the board's selection to the candidate called `name`.
fn select(app: &mut App, name: &str) {
    let a = app
        .recruitment
        .apps
        .iter()
        .find(|a| a.name == name)
        .unwrap()
        .clone();
    let col = app
        .recruitment
        .columns
        .iter()
        .position(|s| *s == a.stage)
        .unwrap();
    while app.recruitment.column > col {
        key(app, KeyCode::Left);
    }
    while app.recruitment.column < col {
        key(app, KeyCode::Right);
    }
    key(app, KeyCode::Home);
    while app.recruitment.selected().map(|s| s.id) != Some(a.id) {
        key(app, KeyCode::Down);
    }
}

#[test]
fn vacancy_list_shows_the_open_vacancies_with_their_funnel() {
    let (_dir, app) = recruit_app();
    let screen = render(&app, 80, 24);
    assert!(screen.contains("CNC-operator (m/v/x)"), "{screen}");
    assert!(screen.contains("Administratief bediende"), "{screen}");
    // The cancelled vacancy of months ago is not listed.
    assert!(!screen.contains("Magazijnier"), "{screen}");
    insta::assert_snapshot!("recruit_vacancies_80x24", screen);
}

#[test]
fn board_scrolls_sideways_at_80_columns_and_shows_all_at_200() {
    let (_dir, mut app) = board_app();
    insta::assert_snapshot!("recruit_board_80x24", render(&app, 80, 24));
    insta::assert_snapshot!("recruit_board_200x50", render(&app, 200, 50));
    // Going right to the offer keeps the selected column in view.
    select(&mut app, "Nicolas Lemaire");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Nicolas Lemaire"), "{screen}");
    assert!(screen.contains("Offer"), "{screen}");
}

#[test]
fn list_view_filters_and_sorts() {
    let (_dir, mut app) = board_app();
    key(&mut app, KeyCode::Char('v'));
    assert!(app.recruitment.list);
    // Sorted by score first: the best screened candidate on top.
    assert_eq!(app.recruitment.list_rows()[0].name, "Ilse Vandenberghe");
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.recruitment.list_rows()[0].name, "Dimitri Wuyts");
    insta::assert_snapshot!("recruit_list_by_name", render(&app, 120, 36));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "vdab");
    let rows: Vec<String> = app
        .recruitment
        .list_rows()
        .iter()
        .map(|a| a.name.clone())
        .collect();
    assert!(
        rows.contains(&"Marc Dubois".to_string()) && !rows.contains(&"Jelle Aerts".to_string()),
        "{rows:?}"
    );
}

#[test]
fn candidate_page_and_the_moves() {
    let (_dir, mut app) = board_app();
    select(&mut app, "Jelle Aerts");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.recruitment.view, View::Page);
    insta::assert_snapshot!("recruit_candidate_page", render(&app, 120, 36));
    // Space goes round the answers of the selected criterion; the score follows.
    let before = app.recruitment.page_application().unwrap().score;
    key(&mut app, KeyCode::Char(' '));
    assert_ne!(app.recruitment.page_application().unwrap().score, before);
    // m: next stage, dated and on the timeline.
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        app.recruitment.page_application().unwrap().stage,
        Stage::Assessment
    );
    // b: back, asks why; saving without a reason is refused beside the field.
    key(&mut app, KeyCode::Char('b'));
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_some());
    // The refused save put the cursor on the reason.
    type_text(&mut app, "Assessment not needed");
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_none(), "{:?}", app.status);
    assert_eq!(
        app.recruitment.page_application().unwrap().stage,
        Stage::Interview
    );
    // x: rejected with the first reason of the list.
    key(&mut app, KeyCode::Char('x'));
    ctrl(&mut app, 's');
    let a = app.recruitment.page_application().unwrap();
    assert_eq!(
        (a.stage, a.reject_reason.as_str()),
        (Stage::Rejected, "profile")
    );
    assert!(render(&app, 120, 36).contains("Profile does not match the job"));
}

#[test]
fn interview_clash_is_named_beside_the_time_and_an_override_saves() {
    let (_dir, mut app) = board_app();
    // Pieter Claeys (E0003) already interviews Jelle Aerts at this time: plan Dimitri at the same hour.
    let taken = app
        .store
        .recruitment()
        .interviews_between(today(), today() + chrono::Duration::days(30))
        .unwrap()
        .into_iter()
        .find(|i| i.candidate == "Jelle Aerts")
        .unwrap();
    select(&mut app, "Stijn Michiels");
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, &taken.start.format("%d/%m/%Y %H:%M").to_string());
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_some());
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Pieter Claeys"), "{screen}");
    insta::assert_snapshot!("recruit_interview_clash", screen);
    // The explicit override field saves it anyway.
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Short talk before the other one");
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_none(), "{:?}", app.status);
    let planned = app
        .store
        .recruitment()
        .interviews_between(today(), today() + chrono::Duration::days(30))
        .unwrap();
    assert!(planned.iter().any(|i| i.candidate == "Stijn Michiels"));
}

#[test]
fn hire_asks_first_then_lands_in_the_new_dossier() {
    let (_dir, mut app) = board_app();
    let employees = app.store.employees().count(&ListQuery::default()).unwrap();
    select(&mut app, "Nicolas Lemaire");
    key(&mut app, KeyCode::Char('H'));
    assert!(app.recruitment.form.is_some());
    ctrl(&mut app, 's');
    assert!(matches!(app.overlay, Overlay::Confirm(..)));
    key(&mut app, KeyCode::Char('y'));
    assert!(app.recruitment.form.is_none(), "{:?}", app.status);
    assert_eq!(app.tab, 1, "the new dossier shows");
    assert_eq!(
        app.store.employees().count(&ListQuery::default()).unwrap(),
        employees + 1
    );
    insta::assert_snapshot!("recruit_hired_dossier", render(&app, 120, 36));
}
