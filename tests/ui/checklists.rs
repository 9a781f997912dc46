//! The dossier's Checklist section: tasks with progress and overdue ones, Space ticks and un-ticks,
//! D records a Dimona declaration through the form.

use super::*;

/// The demo company with its Dimona register and ticked tasks, the dossier of `name` opened on its
/// Checklist section (Identity, Contact, Employment, Checklist).
fn checklist_app(lang: Lang, name: &str) -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(lang);
    app.store.load_demo_checklists(today()).unwrap();
    // People who left too (l), then the filter.
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, name);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('l'));
    }
    (dir, app)
}

#[test]
fn checklist_section_shows_progress_overdue_tasks_and_dimona() {
    let (_dir, app) = checklist_app(Lang::En, "Smets");
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Checklist 8/10"), "{screen}");
    assert!(screen.contains("Onboarding 8/10"), "{screen}");
    assert!(screen.contains("2 overdue"), "{screen}");
    assert!(screen.contains("done: Dimona declared"), "{screen}");
    assert!(screen.contains("Space Tick / un-tick task"), "{screen}");
    insta::assert_snapshot!("dossier_checklist", screen);
}

#[test]
fn space_ticks_the_selected_task_and_again_unticks_it() {
    let (_dir, mut app) = checklist_app(Lang::Nl, "Smets");
    // The medical examination: eighth task, overdue.
    for _ in 0..7 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char(' '));
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Taak afgevinkt."), "{screen}");
    assert!(screen.contains("Checklist 9/10"), "{screen}");
    key(&mut app, KeyCode::Char('x'));
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Taak weer open."), "{screen}");
    assert!(screen.contains("Onthaal 8/10"), "{screen}");
    // The first task is the Dimona IN the register completes: nothing to tick.
    for _ in 0..9 {
        key(&mut app, KeyCode::Up);
    }
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("Afgehandeld door de Dimona-aangifte"),
        "{screen}"
    );
}

#[test]
fn d_records_the_missing_dimona_out_through_the_form() {
    let (_dir, mut app) = checklist_app(Lang::En, "Renard");
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Dimona OUT missing"), "{screen}");
    key(&mut app, KeyCode::Char('D'));
    assert!(app.dossiers.form.is_some());
    let form = render(&app, 120, 36);
    assert!(form.contains("OUT (end)"), "{form}");
    ctrl(&mut app, 's');
    assert!(app.dossiers.form.is_none(), "{}", render(&app, 120, 36));
    let screen = render(&app, 120, 36);
    assert!(!screen.contains("Dimona OUT missing"), "{screen}");
    assert!(screen.contains("OUT (end)"), "{screen}");
}
