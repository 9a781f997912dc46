//! The Reports tab: the headcount report with its chart, a report at 80 columns, the period keys and
//! form, and exporting to the exports folder.

use super::*;

/// The demo company with its year of leave and sickness, on the Reports tab (key 6).
fn reports_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    key(&mut app, KeyCode::Char('6'));
    (dir, app)
}

#[test]
fn headcount_with_its_chart() {
    let (_dir, app) = reports_app();
    insta::assert_snapshot!("reports_headcount", render(&app, 120, 36));
}

#[test]
fn absenteeism_at_80x24() {
    let (_dir, mut app) = reports_app();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("reports_absenteeism_80x24", render(&app, 80, 24));
}

#[test]
fn headcount_by_age_in_dutch_at_200x50() {
    let (_dir, mut app) = app(Lang::Nl);
    app.store.load_demo_leave(today()).unwrap();
    key(&mut app, KeyCode::Char('6'));
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('b'));
    }
    insta::assert_snapshot!("reports_headcount_age_nl_200x50", render(&app, 200, 50));
}

#[test]
fn brackets_move_the_period_and_the_form_sets_it() {
    let (_dir, mut app) = reports_app();
    let at = |app: &App| app.reports.params.unwrap().at;
    assert_eq!(at(&app), today());
    key(&mut app, KeyCode::Char('['));
    assert_eq!(at(&app), NaiveDate::from_ymd_opt(2026, 10, 23).unwrap());
    key(&mut app, KeyCode::Char('p'));
    assert!(app.reports.form.is_some());
    ctrl(&mut app, 'u');
    type_text(&mut app, "31/02/2026");
    ctrl(&mut app, 's');
    assert!(app.reports.form.is_some(), "a bad date keeps the form open");
    ctrl(&mut app, 'u');
    type_text(&mut app, "01/01/2026");
    ctrl(&mut app, 's');
    assert!(app.reports.form.is_none());
    assert_eq!(at(&app), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let Some(dossier::domain::reports::Report::Headcount(h)) = &app.reports.report else {
        panic!("headcount expected");
    };
    assert_eq!(h.at, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
}

#[test]
fn export_writes_a_new_file_each_time_and_says_where() {
    let (dir, mut app) = reports_app();
    app.reports.exports_dir = dir.path().join("exports");
    key(&mut app, KeyCode::Char('x'));
    let first = dir.path().join("exports/headcount-2026-11-23.xlsx");
    assert!(first.exists());
    let status = app.status.clone().unwrap().0;
    assert!(status.contains("headcount-2026-11-23.xlsx"), "{status}");
    key(&mut app, KeyCode::Char('x'));
    assert!(
        dir.path()
            .join("exports/headcount-2026-11-23-2.xlsx")
            .exists()
    );
    key(&mut app, KeyCode::Char('X'));
    let csv = std::fs::read_to_string(dir.path().join("exports/headcount-2026-11-23.csv")).unwrap();
    assert!(csv.contains("Headcount by department"), "{csv}");
    assert!(csv.contains("Headcount by age"), "{csv}");
}
