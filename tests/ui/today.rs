//! The Today tab: the start screen, its list and the jumps to where each item is fixed.

use super::*;
use dossier::domain::today::{Due, Place};

fn select(app: &mut App, pick: impl Fn(&Due) -> bool) {
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
}

#[test]
fn today_is_the_start_screen_with_the_demo_companys_work() {
    let (_dir, app) = demo_app(Lang::En);
    let wide = render(&app, 200, 50);
    insta::assert_snapshot!("today_200x50", wide);
    let narrow = render(&app, 80, 24);
    insta::assert_snapshot!("today_80x24", narrow);
    // Most urgent first: nothing after an item is due before it.
    let dues: Vec<_> = app.today.list.items.iter().map(|a| a.due).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    assert!(wide.contains("Medical certificate not received"), "{wide}");
    assert!(wide.contains("Work rules receipt not on file"), "{wide}");
}

#[test]
fn today_speaks_dutch_and_french() {
    let (_dir, app) = demo_app(Lang::Nl);
    // Tall enough that the replacement days (due mid-December) are on screen.
    let nl = render(&app, 120, 50);
    assert!(nl.contains("Medisch attest niet ontvangen"), "{nl}");
    assert!(nl.contains("vervangingsdag(en) voor 2027"), "{nl}");
    let (_dir, app) = demo_app(Lang::Fr);
    let fr = render(&app, 120, 36);
    assert!(fr.contains("Certificat médical non reçu"), "{fr}");
}

#[test]
fn enter_opens_the_dossier_on_the_missing_document() {
    let (_dir, mut app) = demo_app(Lang::En);
    select(&mut app, |d| matches!(d, Due::DocumentMissing { .. }));
    let Some(Place::Dossier { employee_id, .. }) = app
        .today
        .list
        .items
        .get(app.today.selected)
        .map(|a| a.place)
    else {
        panic!("a missing document is fixed in the dossier");
    };
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 120, 36);
    assert_eq!(app.tab, 1, "{screen}");
    assert!(screen.contains("No documents on file"), "{screen}");
    match &app.dossiers.view {
        dossier::ui::tabs::dossiers::View::Detail(d) => {
            assert_eq!(d.dossier.employee.id, employee_id)
        }
        _ => panic!("the dossier is open"),
    }
}

#[test]
fn enter_on_a_missing_certificate_shows_the_spell_in_the_leave_tab() {
    let (_dir, mut app) = demo_app(Lang::En);
    select(&mut app, |d| matches!(d, Due::CertificateMissing { .. }));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, 2);
    let person = app.leave.person.as_ref().expect("the person is shown");
    assert!(
        person.selected_spell().is_some(),
        "the sick spell is selected"
    );
}

#[test]
fn a_replacement_day_set_from_today_leaves_the_list_shorter() {
    let (_dir, mut app) = demo_app(Lang::En);
    let missing = |app: &App| {
        app.today.list.items.iter().find_map(|a| match a.what {
            Due::ReplacementDays { missing, .. } => Some(missing),
            _ => None,
        })
    };
    let before = missing(&app).expect("2027 has lost holidays");
    select(&mut app, |d| matches!(d, Due::ReplacementDays { .. }));
    key(&mut app, KeyCode::Enter);
    let form = render(&app, 120, 36);
    assert!(form.contains("Company day"), "{form}");
    assert!(form.contains("Still to replace after this one"), "{form}");
    ctrl(&mut app, 's');
    assert!(app.leave.form.is_none(), "saved: {}", render(&app, 120, 36));
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(missing(&app), Some(before - 1).filter(|n| *n > 0));
}

#[test]
fn enter_on_the_payroll_item_opens_that_months_review() {
    let (_dir, mut app) = demo_app(Lang::En);
    select(&mut app, |d| matches!(d, Due::PayrollExport { .. }));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, 5);
    let month = app.payroll.month.expect("a month is shown");
    assert_eq!((month.year, month.month), (2026, 10));
}
