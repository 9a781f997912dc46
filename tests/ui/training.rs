//! The Training tab: each sub-view, an opened session with its attendance grid ticked by one key,
//! enrolling by typing part of a name, a new course through the form, and the dossier's Training
//! section.

use super::*;

/// The demo company with its leave and training, the Training tab shown (key 5).
fn training_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Char('5'));
    (dir, app)
}

#[test]
fn training_sub_views() {
    let (_dir, mut app) = training_app();
    insta::assert_snapshot!("training_catalogue", render(&app, 120, 36));
    key(&mut app, KeyCode::Right);
    insta::assert_snapshot!("training_sessions", render(&app, 120, 36));
    key(&mut app, KeyCode::Right);
    insta::assert_snapshot!("training_plan", render(&app, 120, 36));
    key(&mut app, KeyCode::Right);
    let certs = render(&app, 120, 36);
    assert!(certs.contains("expired 20 days ago"), "{certs}");
    assert!(certs.contains("session planned"), "{certs}");
    insta::assert_snapshot!("training_certificates", certs);
    insta::assert_snapshot!("training_certificates_80x24", render(&app, 80, 24));
    key(&mut app, KeyCode::Right);
    insta::assert_snapshot!("training_talks", render(&app, 120, 36));
    // The requests, then round to the catalogue.
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert_eq!(app.training.view, 0);
}

#[test]
fn a_session_opens_on_its_people_and_attendance_is_ticked_with_one_key() {
    let (_dir, mut app) = training_app();
    key(&mut app, KeyCode::Right);
    // The sessions list starts with the upcoming ones; the fourth is the dual-learning week that ran.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let d = app.training.detail.as_ref().expect("session opened");
    assert_eq!(d.session.data.days.len(), 5);
    assert_eq!(d.rows.len(), 1);
    // The demo marked every day present: one key makes the last day absent, the record shrinks.
    key(&mut app, KeyCode::Char(' '));
    let row = &app.training.detail.as_ref().unwrap().rows[0];
    assert!(
        row.marks
            .iter()
            .any(|(_, a)| *a == dossier::domain::training::session::Attendance::Absent)
    );
    insta::assert_snapshot!("training_session_attendance", render(&app, 120, 36));
    // Enrol someone by typing part of the name.
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "lotte");
    insta::assert_snapshot!("training_enrol_picker", render(&app, 120, 36));
    key(&mut app, KeyCode::Enter);
    assert!(app.training.picker.is_none());
    let rows = &app.training.detail.as_ref().unwrap().rows;
    assert!(
        rows.iter().any(|r| r.person.name == "Lotte Maes"),
        "{:?}",
        app.status
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.training.detail.is_none());
}

#[test]
fn a_new_course_through_the_form() {
    let (_dir, mut app) = training_app();
    let before = app.training.courses.len();
    key(&mut app, KeyCode::Char('n'));
    assert!(app.training.form.is_some());
    type_text(&mut app, "Hoogwerker");
    // Save with the length missing: refused beside the field, nothing written.
    ctrl(&mut app, 's');
    assert!(app.training.form.is_some());
    insta::assert_snapshot!("training_course_form_refused", render(&app, 120, 36));
    // The focus jumped to the field with the problem.
    type_text(&mut app, "7h36");
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none(), "{:?}", app.status);
    assert_eq!(app.training.courses.len(), before + 1);
}

#[test]
fn the_dossier_training_section() {
    let (_dir, mut app) = training_app();
    // Certificates view, Enter on the expired VCA certificate: the dossier's Training section.
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, 1);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Training right"), "{screen}");
    insta::assert_snapshot!("training_dossier_section", screen);
}
