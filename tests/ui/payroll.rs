//! The payroll review (in the Reports tab for now): the month, its people and figures, a hand entry,
//! the export and the lock.

use super::*;

/// The demo company with its leave and payroll entries, the review opened (key 6, then v): October 2026,
/// the month to hand over.
fn payroll_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_payroll(today()).unwrap();
    key(&mut app, KeyCode::Char('6'));
    key(&mut app, KeyCode::Char('v'));
    (dir, app)
}

#[test]
fn payroll_review() {
    let (_dir, mut app) = payroll_app();
    assert_eq!(app.payroll.month.unwrap().to_string(), "2026-10");
    // Down to someone with entries and absences.
    for _ in 0..7 {
        key(&mut app, KeyCode::Down);
    }
    insta::assert_snapshot!("payroll_review", render(&app, 120, 36));
    insta::assert_snapshot!("payroll_review_80x24", render(&app, 80, 24));
}

#[test]
fn payroll_entry_export_and_lock() {
    let (_dir, mut app) = payroll_app();
    // September is locked by the demo's export.
    key(&mut app, KeyCode::Char('['));
    assert!(app.payroll.locked.is_some());
    assert!(render(&app, 120, 36).contains("Locked: exported on 23/11/2026"));
    key(&mut app, KeyCode::Char(']'));
    assert!(app.payroll.locked.is_none());
    // A hand entry for the first person: overtime is offered first.
    let id = app.payroll.window.selected_row().unwrap().id;
    let before = app.payroll.figures[&id].entries.len();
    key(&mut app, KeyCode::Char('a'));
    assert!(app.payroll.form.is_some());
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "2h15");
    ctrl(&mut app, 's');
    assert!(app.payroll.form.is_none(), "{:?}", app.status);
    assert_eq!(app.payroll.figures[&id].entries.len(), before + 1);
    // Export: asked first, then written to the export folder and the month locked.
    key(&mut app, KeyCode::Char('x'));
    assert!(matches!(app.overlay, Overlay::Confirm(..)));
    key(&mut app, KeyCode::Char('y'));
    let (status, _) = app.status.clone().unwrap();
    assert!(status.contains("payroll-2026-10.xlsx"), "{status}");
    assert!(
        app.store
            .exports_dir()
            .join("payroll-2026-10.xlsx")
            .exists()
    );
    assert!(app.payroll.locked.is_some());
    assert!(app.store.payroll().is_exported(2026, 10).unwrap());
    // A locked month's form asks for a reason.
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "1");
    ctrl(&mut app, 's');
    assert!(app.payroll.form.is_some());
    assert!(render(&app, 120, 36).contains("give the reason"));
}

/// `d` takes back one of the selected person's hand entries: the form lists them by name and
/// amount, saving removes the chosen one; a person without entries is told so and no form opens.
#[test]
fn payroll_entry_taken_back() {
    let (_dir, mut app) = payroll_app();
    let id = app.payroll.window.selected_row().unwrap().id;
    let before = app.payroll.figures[&id].entries.len();
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "2h15");
    ctrl(&mut app, 's');
    assert_eq!(app.payroll.figures[&id].entries.len(), before + 1);
    key(&mut app, KeyCode::Char('d'));
    assert!(app.payroll.form.is_some(), "{:?}", app.status);
    insta::assert_snapshot!("payroll_entry_taken_back_80x24", render(&app, 80, 24));
    // The newest entry, the one typed above, is chosen to begin with.
    ctrl(&mut app, 's');
    assert!(app.payroll.form.is_none(), "{:?}", app.status);
    assert_eq!(app.payroll.figures[&id].entries.len(), before);
    let (status, _) = app.status.clone().unwrap();
    assert!(status.contains("taken back"), "{status}");
    // Someone without entries: a message, no form.
    while app
        .payroll
        .window
        .selected_row()
        .is_some_and(|r| !app.payroll.figures[&r.id].entries.is_empty())
    {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('d'));
    assert!(app.payroll.form.is_none());
    let (status, _) = app.status.clone().unwrap();
    assert!(status.contains("has no hand entries"), "{status}");
}
