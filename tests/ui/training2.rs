//! The Training tab, second part: the requests sub-view (a new request through the person picker
//! and its form, approval on a session, refusal with a reason) and the Today item that opens it.

use super::*;
use dossier::domain::today::Due;
use dossier::domain::training::RequestStatus;
use dossier::domain::training::session::EnrolmentStatus;

/// The demo company with its leave and training, the Training tab's requests shown.
fn requests_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Char('5'));
    // The requests are the last sub-view: one step left from the catalogue.
    key(&mut app, KeyCode::Left);
    (dir, app)
}

fn status(app: &App) -> String {
    format!("{:?}", app.status)
}

#[test]
fn a_pending_request_is_approved_on_a_session() {
    let (_dir, mut app) = requests_app();
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("Training requests (1 to answer)"),
        "{screen}"
    );
    insta::assert_snapshot!("training_requests", screen);
    insta::assert_snapshot!("training_requests_80x24", render(&app, 80, 24));
    let pending = app.training.requests[0].clone();
    assert_eq!(pending.status, RequestStatus::Pending);
    key(&mut app, KeyCode::Char('A'));
    let form = render(&app, 120, 36);
    assert!(form.contains("on which session?"), "{form}");
    insta::assert_snapshot!("training_request_approve", form);
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none(), "{}", render(&app, 120, 36));
    assert!(
        status(&app).contains("enrolled on the session"),
        "{}",
        status(&app)
    );
    let r = app.store.training().training_request(pending.id).unwrap();
    assert_eq!(r.status, RequestStatus::Approved);
    let rows = app
        .store
        .training()
        .enrolments(r.session_id.unwrap())
        .unwrap();
    assert!(
        rows.iter()
            .any(|e| e.person.id == pending.person.id && e.status == EnrolmentStatus::Enrolled)
    );
    // Answered once: a second answer is refused with a message.
    let at = app
        .training
        .requests
        .iter()
        .position(|x| x.id == pending.id)
        .unwrap();
    key(&mut app, KeyCode::Home);
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('R'));
    assert!(app.training.form.is_none());
    assert!(status(&app).contains("already decided"), "{}", status(&app));
}

#[test]
fn a_new_request_through_the_picker_then_refused_with_a_reason() {
    let (_dir, mut app) = requests_app();
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "lotte");
    key(&mut app, KeyCode::Enter);
    let form = render(&app, 120, 36);
    assert!(form.contains("Training request of Lotte Maes"), "{form}");
    // Course (a pick list), motivation, wanted from, wanted until.
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Nieuwe heftruck in het magazijn");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "01/02/2027");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "01/01/2027");
    ctrl(&mut app, 's');
    let refused = render(&app, 120, 36);
    assert!(
        app.training.form.is_some(),
        "the period is the wrong way round"
    );
    insta::assert_snapshot!("training_request_form_error", refused);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "31/03/2027");
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none(), "{}", render(&app, 120, 36));
    let new = app
        .training
        .requests
        .iter()
        .find(|r| r.person.name == "Lotte Maes")
        .expect("the new request is listed")
        .clone();
    assert_eq!(new.status, RequestStatus::Pending);
    assert_eq!(new.motivation, "Nieuwe heftruck in het magazijn");
    let at = app
        .training
        .requests
        .iter()
        .position(|r| r.id == new.id)
        .unwrap();
    key(&mut app, KeyCode::Home);
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('R'));
    ctrl(&mut app, 's');
    assert!(app.training.form.is_some(), "a refusal needs its reason");
    type_text(&mut app, "Budget 2027 is verdeeld");
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none());
    let r = app.store.training().training_request(new.id).unwrap();
    assert_eq!(
        (r.status, r.reason.as_str()),
        (RequestStatus::Refused, "Budget 2027 is verdeeld")
    );
}

#[test]
fn enter_on_a_request_on_today_opens_it_in_the_training_tab() {
    let (_dir, mut app) = requests_app();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Home);
    let at = app
        .today
        .list
        .items
        .iter()
        .position(|a| matches!(a.what, Due::TrainingRequest { .. }))
        .expect("the demo's pending request is on Today");
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Training request: EHBO"), "{screen}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.training.shown(),
        dossier::ui::tabs::training::View::Requests
    );
    let sel = app.training.selected[app.training.view];
    assert_eq!(app.training.requests[sel].status, RequestStatus::Pending);
}

#[test]
fn a_certificate_obtained_elsewhere_is_entered_from_the_dossier() {
    let (_dir, mut app) = app(Lang::En);
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Enter);
    let id = match &app.dossiers.view {
        dossier::ui::tabs::dossiers::View::Detail(d) => d.dossier.employee.id,
        _ => panic!("a dossier is open"),
    };
    key(&mut app, KeyCode::Char('T'));
    // Course (none: typed by hand), title, kind, from, to, length, cost, certificate, expires.
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Hoogwerker IPAF (extern)");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "12/01/2022");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "7h");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "IPAF-5521");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "15/12/2026");
    insta::assert_snapshot!("training_record_form", render(&app, 120, 36));
    ctrl(&mut app, 's');
    assert!(app.dossiers.form.is_none(), "{}", render(&app, 120, 36));
    let recs = app.store.training().records(id).unwrap();
    let r = recs
        .iter()
        .find(|r| r.data.certificate == "IPAF-5521")
        .expect("the record is written");
    assert_eq!((r.data.minutes, r.data.session_id), (420, None));
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("Hoogwerker IPAF (extern)") && screen.contains("expires in 22 days"),
        "the Training section shows it: {screen}"
    );
}
