//! The dossier's Confidential section: locked until the PIN is given (chosen the first time),
//! records added through their forms, `L` locks again, a wrong PIN is refused and never shown.

use super::*;

/// The demo company, the dossier of `name` opened on its last section (Confidential).
fn confidential_app(lang: Lang, name: &str) -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(lang);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, name);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('h'));
    (dir, app)
}

const FACTS: &str = "Left the loading bay unlocked twice after the late shift";

#[test]
fn the_section_is_locked_until_a_pin_is_chosen_then_shows_the_records() {
    let (_dir, mut app) = confidential_app(Lang::En, "Claeys");
    let screen = render(&app, 120, 36);
    assert!(screen.contains("No PIN set yet"), "{screen}");
    assert!(screen.contains("u Unlock"), "{screen}");
    insta::assert_snapshot!("confidential_no_pin", screen);
    // Choose the PIN: typed twice, shown as dots.
    key(&mut app, KeyCode::Char('u'));
    type_text(&mut app, "4711");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "4711");
    let screen = render(&app, 120, 36);
    assert!(screen.contains("••••"), "{screen}");
    assert!(!screen.contains("4711"), "{screen}");
    ctrl(&mut app, 's');
    let screen = render(&app, 120, 36);
    assert!(screen.contains("PIN set"), "{screen}");
    // A written warning with its hearing and decision.
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, FACTS);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "23/11/2026");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Pieter Claeys");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Shouting in the workshop");
    ctrl(&mut app, 's');
    let screen = render(&app, 120, 36);
    assert!(screen.contains(FACTS), "{screen}");
    assert!(screen.contains("Written warning"), "{screen}");
    assert!(screen.contains("Shouting in the workshop"), "{screen}");
    insta::assert_snapshot!("confidential_unlocked", screen);
    // The History section says nothing about them.
    key(&mut app, KeyCode::Char('h'));
    let screen = render(&app, 120, 36);
    assert!(!screen.to_lowercase().contains("disciplin"), "{screen}");
    assert!(!screen.contains("Shouting"), "{screen}");
    // L locks again.
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('L'));
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Locked."), "{screen}");
    assert!(!screen.contains(FACTS), "{screen}");
    insta::assert_snapshot!("confidential_locked", screen);
    // A wrong PIN stays in the form, refused, never shown in clear.
    key(&mut app, KeyCode::Char('u'));
    type_text(&mut app, "0000");
    ctrl(&mut app, 's');
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Wrong PIN"), "{screen}");
    assert!(!screen.contains("0000"), "{screen}");
    ctrl(&mut app, 'u');
    type_text(&mut app, "4711");
    ctrl(&mut app, 's');
    let screen = render(&app, 120, 36);
    assert!(screen.contains(FACTS), "{screen}");
    // Enter edits the selected record (the measure comes first).
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Disciplinary measure"), "{screen}");
    assert!(screen.contains("‹ Written warning ›"), "{screen}");
    assert!(screen.contains("Left the loading bay"), "{screen}");
}

#[test]
fn records_cannot_be_added_while_locked_and_the_locked_section_fits_80x24() {
    let (_dir, mut app) = confidential_app(Lang::Nl, "Claeys");
    key(&mut app, KeyCode::Char('m'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Ontgrendel eerst"), "{screen}");
    insta::assert_snapshot!("confidential_locked_nl_80x24", screen);
}
