//! The Leave tab: the balance view, its forms, approving and cancelling, and the team calendar.

use super::*;

/// The demo company with some leave this month: approved, requested and a sickness spell, then
/// the Leave tab opened (key 3).
fn calendar_app(lang: Lang) -> (tempfile::TempDir, App) {
    use dossier::domain::leave::request::LeaveRequestInput;
    use dossier::domain::leave::sickness::SickSpellInput;
    let (dir, mut app) = app(lang);
    app.store.leave().allocate_year(2026, false).unwrap();
    let ids: Vec<i64> = app
        .store
        .employees()
        .page(&ListQuery::default(), None, false, 8)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    let leave = app.store.leave();
    let mut approved = LeaveRequestInput {
        leave_type: "legal".into(),
        from: "23/11/2026".into(),
        to: "27/11/2026".into(),
        status: "approved".into(),
        ..Default::default()
    };
    leave.add_request(ids[0], &approved, "en").unwrap();
    approved.from = "01/12/2026".into();
    approved.to = "02/12/2026".into();
    leave.add_request(ids[0], &approved, "en").unwrap();
    let requested = LeaveRequestInput {
        leave_type: "legal".into(),
        from: "30/11/2026".into(),
        to: "04/12/2026".into(),
        status: "requested".into(),
        ..Default::default()
    };
    // The first person after the first with enough balance left (some demo people have none).
    let second = ids[1..]
        .iter()
        .copied()
        .find(|id| leave.add_request(*id, &requested, "en").is_ok())
        .expect("someone has five days left");
    let sick_id = *ids
        .iter()
        .find(|id| **id != ids[0] && **id != second)
        .unwrap();
    let sick = SickSpellInput {
        start: "18/11/2026".into(),
        end: "24/11/2026".into(),
        cause: "illness".into(),
        ..Default::default()
    };
    leave.save_sick_spell(sick_id, &sick, None).unwrap();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('v'));
    (dir, app)
}

#[test]
fn calendar_shows_leave_sickness_and_who_is_away_today() {
    let (_dir, mut app) = calendar_app(Lang::En);
    assert_eq!(app.leave.absent_today.count, 2);
    let first = render(&app, 120, 30);
    assert!(first.contains("November 2026"), "{first}");
    assert!(first.contains("Absent today: 2"), "{first}");
    // → past the month's last day goes to December; the pending request shows in lower case.
    for _ in 0..8 {
        key(&mut app, KeyCode::Right);
    }
    let dec = render(&app, 120, 30);
    assert!(dec.contains("December 2026"), "{dec}");
    key(&mut app, KeyCode::Char('t'));
    key(&mut app, KeyCode::Char('}'));
    assert!(render(&app, 120, 30).contains("November 2027"));
    key(&mut app, KeyCode::Char('t'));
    assert!(render(&app, 120, 30).contains("November 2026"));
}

#[test]
fn calendar_filter_narrows_the_people() {
    let (_dir, mut app) = calendar_app(Lang::En);
    let total = app.leave.window.total;
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zzzz");
    assert_eq!(app.leave.window.total, 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.leave.window.total, total);
}

#[test]
fn calendar_dutch() {
    let (_dir, mut app) = calendar_app(Lang::Nl);
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("calendar_nl", render(&app, 120, 30));
}

#[test]
fn calendar_french() {
    let (_dir, mut app) = calendar_app(Lang::Fr);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("calendar_fr", render(&app, 120, 30));
}

#[test]
fn calendar_small_terminal() {
    let (_dir, app) = calendar_app(Lang::En);
    let text = render(&app, 80, 24);
    assert_eq!(text.lines().count(), 24);
    assert!(text.contains("November 2026"), "{text}");
    insta::assert_snapshot!("calendar_80x24", text);
}

/// The leave form that is open, if any.
fn leave_form(app: &App) -> &dossier::ui::widgets::form::Form {
    &app.leave.form.as_ref().expect("a leave form is open").form
}

/// Puts the Leave tab back on its balance view, with the person of staff number `number` alone in
/// the list.
fn balances_of(app: &mut App, number: &str) {
    key(app, KeyCode::Char('v'));
    key(app, KeyCode::Char('/'));
    type_text(app, number);
    key(app, KeyCode::Enter);
}

/// The staff number of the person with approved leave from 23 to 27 November in `calendar_app`.
fn first_person(app: &App) -> String {
    let first = app
        .store
        .employees()
        .page(&ListQuery::default(), None, false, 1)
        .unwrap()
        .remove(0);
    app.store.employees().get(first.id).unwrap().data.number
}

#[test]
fn balance_view_lists_people_and_the_selected_persons_leave() {
    let (_dir, mut app) = calendar_app(Lang::En);
    key(&mut app, KeyCode::Char('v'));
    let screen = render(&app, 200, 50);
    assert!(screen.contains("Balances 2026"), "{screen}");
    assert!(screen.contains("Left to take"), "{screen}");
    assert!(screen.contains("Absent today: 2"), "{screen}");
    // The first person's November leave, its ledger rows summed into one line.
    assert!(screen.contains("23/11/2026 – 27/11/2026"), "{screen}");
    insta::assert_snapshot!("balances_200x50", screen);
    let narrow = render(&app, 80, 24);
    assert_eq!(narrow.lines().count(), 24);
    insta::assert_snapshot!("balances_80x24", narrow);
}

#[test]
fn overlapping_leave_is_refused_beside_the_field_and_nothing_typed_is_lost() {
    let (_dir, mut app) = calendar_app(Lang::En);
    let name = first_person(&app);
    balances_of(&mut app, &name);
    let before = app
        .store
        .leave()
        .requests_between(today(), today())
        .unwrap()
        .len();
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Tab); // from: today, inside the approved 23–27 November
    key(&mut app, KeyCode::Tab); // to
    ctrl(&mut app, 'u');
    type_text(&mut app, "24/11/2026");
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab); // part, hours, status, note
    }
    type_text(&mut app, "dentist");
    ctrl(&mut app, 's');
    let form = leave_form(&app);
    let message = form
        .errors
        .for_field("from")
        .expect("the overlap is named at From");
    assert_eq!(message.key, "err.overlaps_leave");
    assert_eq!(form.fields[2].input.value(), "24/11/2026");
    assert_eq!(form.fields[6].input.value(), "dentist");
    assert_eq!(
        app.store
            .leave()
            .requests_between(today(), today())
            .unwrap()
            .len(),
        before,
        "nothing was saved"
    );
    let screen = render(&app, 120, 30);
    assert!(screen.contains("✗"), "{screen}");
    insta::assert_snapshot!("leave_refused", screen);
}

#[test]
fn recording_leave_shows_its_count_and_saves_it_on_the_balance() {
    let (_dir, mut app) = calendar_app(Lang::En);
    let name = first_person(&app);
    balances_of(&mut app, &name);
    let id = app.leave.window.selected_row().unwrap().id;
    let remaining = |app: &App| -> i64 {
        let b = app.store.leave().balances(id, 2026).unwrap();
        b.iter().map(|(_, b)| b.remaining).sum()
    };
    let before = remaining(&app);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "07/12/2026");
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "08/12/2026");
    key(&mut app, KeyCode::Tab);
    let notes = leave_form(&app).notes.join("\n");
    assert!(notes.contains("Counts 2 working day(s)"), "{notes}");
    assert!(notes.contains("after this leave"), "{notes}");
    ctrl(&mut app, 's');
    assert!(app.leave.form.is_none(), "saved and closed");
    assert_eq!(before - remaining(&app), 2 * 456);
}

#[test]
fn a_waiting_request_is_approved_from_the_persons_lines() {
    let (_dir, mut app) = calendar_app(Lang::En);
    let waiting = app
        .store
        .leave()
        .requests_between(today(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
        .unwrap()
        .into_iter()
        .find(|r| r.status == dossier::domain::leave::request::RequestStatus::Requested)
        .expect("calendar_app has a waiting request");
    let who = app.store.employees().get(waiting.employee_id).unwrap();
    balances_of(&mut app, &who.data.number);
    key(&mut app, KeyCode::Enter); // into the person's lines
    let person = app.leave.person.as_ref().unwrap();
    let line = person
        .items
        .iter()
        .position(|_| true)
        .expect("the person has lines");
    assert_eq!(line, 0);
    // Walk down to the waiting request.
    for _ in 0..person.items.len() {
        if app.leave.person.as_ref().unwrap().selected_request() == Some(waiting.id) {
            break;
        }
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('A'));
    let r = app.store.leave().request(waiting.id).unwrap();
    assert_eq!(
        r.status,
        dossier::domain::leave::request::RequestStatus::Approved,
        "{:?}",
        app.status
    );
    // Cancelling asks first; "n" keeps it.
    key(&mut app, KeyCode::Char('X'));
    assert!(matches!(app.overlay, Overlay::Confirm(..)));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.store.leave().request(waiting.id).unwrap().status,
        dossier::domain::leave::request::RequestStatus::Approved
    );
    key(&mut app, KeyCode::Char('X'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.store.leave().request(waiting.id).unwrap().status,
        dossier::domain::leave::request::RequestStatus::Cancelled
    );
}

#[test]
fn a_correction_needs_a_reason_and_moves_the_balance() {
    let (_dir, mut app) = calendar_app(Lang::En);
    let name = first_person(&app);
    balances_of(&mut app, &name);
    let id = app.leave.window.selected_row().unwrap().id;
    let legal = |app: &App| {
        app.store
            .leave()
            .balances(id, 2026)
            .unwrap()
            .into_iter()
            .find(|(b, _)| *b == dossier::domain::leave::ledger::Bucket::Legal)
            .map(|(_, b)| b.remaining)
            .unwrap()
    };
    let before = legal(&app);
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Tab); // bucket
    key(&mut app, KeyCode::Tab); // change
    type_text(&mut app, "-3:48");
    ctrl(&mut app, 's');
    let form = leave_form(&app);
    assert_eq!(
        form.errors.for_field("reason").map(|e| e.key),
        Some("err.required")
    );
    assert!(form.notes.join(" ").contains("after the correction"));
    type_text(&mut app, "half day taken in 2025 not booked");
    ctrl(&mut app, 's');
    assert!(app.leave.form.is_none());
    assert_eq!(legal(&app), before - 228);
}

#[test]
fn sickness_is_recorded_and_its_end_set_from_the_leave_tab() {
    let (_dir, mut app) = calendar_app(Lang::En);
    let name = first_person(&app);
    balances_of(&mut app, &name);
    let id = app.leave.window.selected_row().unwrap().id;
    key(&mut app, KeyCode::Char('s'));
    ctrl(&mut app, 'u');
    type_text(&mut app, "01/12/2026");
    let notes = {
        key(&mut app, KeyCode::Tab);
        leave_form(&app).notes.join("\n")
    };
    assert!(notes.contains("Certificate-free days 2026"), "{notes}");
    assert!(notes.contains("Guaranteed salary"), "{notes}");
    ctrl(&mut app, 's');
    assert!(app.leave.form.is_none(), "{:?}", app.status);
    let spells = app.store.leave().sick_spells(id).unwrap();
    assert_eq!(spells.len(), 1);
    assert_eq!(spells[0].1.end, None);
    // Select the spell and give it an end date.
    key(&mut app, KeyCode::Enter);
    for _ in 0..10 {
        if app
            .leave
            .person
            .as_ref()
            .unwrap()
            .selected_spell()
            .is_some()
        {
            break;
        }
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab); // end
    type_text(&mut app, "04/12/2026");
    ctrl(&mut app, 's');
    assert!(app.leave.form.is_none(), "{:?}", app.status);
    let spells = app.store.leave().sick_spells(id).unwrap();
    assert_eq!(
        spells[0].1.end,
        NaiveDate::from_ymd_opt(2026, 12, 4),
        "{:?} {:?}",
        app.status,
        app.leave.form.as_ref().map(|f| &f.form.errors)
    );
}
