//! Making letters from a dossier (template picker, form, Documents section) and the company
//! settings form from the command palette.

use super::*;

/// The first dossier of the list opened (Nadia Bouzidi in the demo).
fn dossier_open(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(lang);
    key(&mut app, KeyCode::Enter);
    (dir, app)
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.0.clone()).unwrap_or_default()
}

#[test]
fn template_picker() {
    let (_dir, mut app) = dossier_open(Lang::En);
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("template_picker", render(&app, 120, 36));
    key(&mut app, KeyCode::Esc);
    assert!(app.dossiers.picker.is_none());
}

#[test]
fn template_picker_nl_80x24() {
    let (_dir, mut app) = dossier_open(Lang::Nl);
    key(&mut app, KeyCode::Char('g'));
    insta::assert_snapshot!("template_picker_nl_80x24", render(&app, 80, 24));
}

#[test]
fn a_letter_needs_the_company_settings_then_is_made_and_listed() {
    let (_dir, mut app) = dossier_open(Lang::En);
    // The employment certificate: first in the list.
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(field(&app, "language"), "nl");
    ctrl(&mut app, 's');
    let banner = app.dossiers.form.as_ref().unwrap().form.banner.clone();
    assert!(
        banner.unwrap_or_default().contains("company settings"),
        "{}",
        status(&app)
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // The settings from the palette: the company's details come first in the list.
    key(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "settings");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(app.settings_form.is_some());
    type_text(&mut app, "Demo Metaal NV");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "0566.988.258");
    ctrl(&mut app, 's');
    assert!(
        app.settings_form.is_some(),
        "a wrong enterprise number is refused"
    );
    insta::assert_snapshot!("company_settings_error", render(&app, 120, 36));
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "0566.988.259");
    ctrl(&mut app, 's');
    assert!(app.settings_form.is_none());
    assert_eq!(status(&app), "Company settings saved");
    assert_eq!(
        app.store.settings().company().unwrap().company_number,
        "0566988259"
    );
    // Now the letter is written, shown in the status bar and listed in the Documents section.
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(app.dossiers.form.is_none(), "{}", status(&app));
    assert!(status(&app).starts_with("Written: "), "{}", status(&app));
    assert!(status(&app).ends_with("_employment_certificate_nl.html"));
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Letters and documents made"), "{screen}");
    assert!(screen.contains("Employment certificate"), "{screen}");
}

#[test]
fn the_maternity_form_shows_the_window_beside_the_field() {
    let (_dir, mut app) = dossier_open(Lang::En);
    key(&mut app, KeyCode::Char('g'));
    let at = dossier::ui::tabs::dossiers::generate::templates()
        .iter()
        .position(|t| *t == dossier::documents::TemplateId::MaternityInformation)
        .unwrap();
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    // language, format, expected delivery, leave from
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "15/05/2027");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "01/01/2027");
    key(&mut app, KeyCode::Tab);
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("Choose a day from 04/04/2027 to 09/05/2027"),
        "{screen}"
    );
}

#[test]
fn the_termination_form_previews_the_notice() {
    let (_dir, mut app) = dossier_open(Lang::En);
    key(&mut app, KeyCode::Char('g'));
    let at = dossier::ui::tabs::dossiers::generate::templates()
        .iter()
        .position(|t| *t == dossier::documents::TemplateId::TerminationLetter)
        .unwrap();
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    // Nadia Bouzidi, since 01/09/2023: 3 years at 30/11/2026, registered letter by default.
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("Notice: 13 weeks, from Monday 30/11/2026 to 28/02/2027"),
        "{screen}"
    );
}

/// Every setting is one list away from any tab: the list names each with its CLI key, the form
/// shows a field per value, a wrong value is named beside its field and nothing is saved, and a
/// right one is saved and read by the program.
#[test]
fn settings_list_and_a_setting_form_at_80x24() {
    let (_dir, mut app) = app(Lang::Nl);
    key(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "instellingen");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("settings_list_nl_80x24", render(&app, 80, 24));
    key(&mut app, KeyCode::Enter);
    let form = &app.settings_form.as_ref().unwrap().form;
    assert_eq!(form.fields[0].name, "set.today.contract_days");
    for _ in 0..2 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "veertig");
    ctrl(&mut app, 's');
    assert!(app.settings_form.is_some(), "a word is refused");
    insta::assert_snapshot!("settings_today_error_nl_80x24", render(&app, 80, 24));
    let stored: dossier::domain::today::TodaySettings = app.store.settings().get("today").unwrap();
    assert_eq!(stored.contract_days, 30, "nothing was written");
    for _ in 0..7 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "45");
    ctrl(&mut app, 's');
    assert!(app.settings_form.is_none());
    assert_eq!(status(&app), "Instelling bewaard");
    let stored: dossier::domain::today::TodaySettings = app.store.settings().get("today").unwrap();
    assert_eq!(stored.contract_days, 45);
}
