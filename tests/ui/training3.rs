//! The Training tab, third part: the evaluation after a course, opened with `v` on a participant
//! of a session whose attendance wrote their record.

use super::*;

/// The demo company with its training; the tab is on a past session where someone's attendance
/// is complete. Returns the app, the session and the selected person's record.
fn past_session_app() -> (tempfile::TempDir, App, i64) {
    let (dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Char('5'));
    key(&mut app, KeyCode::Right);
    let t = app.store.training();
    let (session, at, record) = app
        .training
        .sessions
        .iter()
        .find_map(|s| {
            let rows = t.enrolments(s.id).ok()?;
            rows.iter().enumerate().find_map(|(n, r)| {
                let rec = t.record_of_session(s.id, r.person.id).ok()??;
                Some((s.id, n, rec))
            })
        })
        .expect("a demo session with a record");
    let pos = app
        .training
        .sessions
        .iter()
        .position(|s| s.id == session)
        .unwrap();
    for _ in 0..pos {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    (dir, app, record)
}

#[test]
fn v_on_a_participant_opens_the_evaluation_and_saves_it() {
    let (_dir, mut app, record) = past_session_app();
    let given = app.store.training().evaluation(record).unwrap();
    key(&mut app, KeyCode::Char('v'));
    let form = render(&app, 120, 36);
    assert!(form.contains("Evaluation of"), "{form}");
    assert!(
        form.contains("Questions, in order: Content · Trainer · Organisation · Useful for the job"),
        "{form}"
    );
    if given.is_none() {
        insta::assert_snapshot!("training_evaluate_form", form);
        type_text(&mut app, "4 5 - 4");
    } else {
        // Already evaluated in the demo: the form starts on the answers given.
        for _ in 0..10 {
            key(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "4 5 - 4");
    }
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none(), "{}", render(&app, 120, 36));
    assert!(format!("{:?}", app.status).contains("Evaluation saved"));
    let e = app.store.training().evaluation(record).unwrap().unwrap();
    let got: Vec<(String, u8)> = e
        .scores
        .into_iter()
        .map(|s| (s.question, s.score))
        .collect();
    assert_eq!(
        got,
        vec![
            ("content".to_string(), 4),
            ("trainer".to_string(), 5),
            ("usefulness".to_string(), 4)
        ]
    );
}

#[test]
fn v_on_someone_without_a_record_says_why() {
    let (_dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Char('5'));
    key(&mut app, KeyCode::Right);
    // The first session is upcoming: nobody has attended yet.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('v'));
    assert!(app.training.form.is_none());
    let s = format!("{:?}", app.status);
    assert!(s.contains("nothing to evaluate yet"), "{s}");
}

#[test]
fn enter_on_a_follow_up_on_today_opens_its_form_and_answers_it() {
    use dossier::domain::today::Due;
    use dossier::domain::training::evaluation::Helped;
    let (_dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Home);
    let (at, record) = app
        .today
        .list
        .items
        .iter()
        .enumerate()
        .find_map(|(n, a)| match a.what {
            Due::TrainingFollowUp { record_id, .. } => Some((n, record_id)),
            _ => None,
        })
        .expect("the demo's follow-up is on Today");
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("Follow-up of “Excel voor gevorderden”: did it help in the job?"),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    let form = render(&app, 120, 36);
    insta::assert_snapshot!("training_follow_up_form", form);
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Draaitabellen ja, macro's nog niet");
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none(), "{}", render(&app, 120, 36));
    assert!(format!("{:?}", app.status).contains("Follow-up recorded"));
    let e = app.store.training().evaluation(record).unwrap().unwrap();
    assert_eq!(e.helped, Some(Helped::Partly));
    assert_eq!(e.follow_up_note, "Draaitabellen ja, macro's nog niet");
    // Answered: no longer on Today.
    key(&mut app, KeyCode::Char('1'));
    assert!(
        !app.today
            .list
            .items
            .iter()
            .any(|a| matches!(a.what, Due::TrainingFollowUp { .. }))
    );
}

#[test]
fn a_on_a_talk_ticks_an_agreed_action_done() {
    let (_dir, mut app) = app(Lang::En);
    app.store.load_demo_leave(today()).unwrap();
    app.store.load_demo_training(today()).unwrap();
    key(&mut app, KeyCode::Char('5'));
    for _ in 0..4 {
        key(&mut app, KeyCode::Right);
    }
    assert_eq!(
        app.training.shown(),
        dossier::ui::tabs::training::View::Talks
    );
    let (n, talk) = app
        .training
        .talks
        .iter()
        .enumerate()
        .find(|(_, (_, t))| t.data.actions.iter().any(|a| !a.done))
        .map(|(n, (_, t))| (n, t.id))
        .expect("a demo talk with an open action");
    key(&mut app, KeyCode::Home);
    for _ in 0..app.training.overdue.len() + n {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('a'));
    let form = render(&app, 120, 36);
    assert!(form.contains("Agreed actions — talk with"), "{form}");
    insta::assert_snapshot!("training_talk_action_form", form);
    ctrl(&mut app, 's');
    assert!(app.training.form.is_none(), "{}", render(&app, 120, 36));
    let t = app.store.training().talk(talk).unwrap();
    assert!(t.data.actions.iter().all(|a| a.done));
}
