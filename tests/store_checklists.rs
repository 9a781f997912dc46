//! Store tests for the Dimona register and the onboarding/offboarding checklists: made with the
//! hire and the departure in their transaction, ticked with an audit row, completed by Dimona, and
//! listed as due in order.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::checklist::{ChecklistKind, DIMONA_IN, DIMONA_OUT, Done};
use dossier::domain::contract::{ContractInput, DepartureInput};
use dossier::domain::dimona::{DimonaInput, DimonaKind};
use dossier::domain::employee::EmployeeInput;
use dossier::store::{Access, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 23)
}

fn store(dir: &tempfile::TempDir) -> Store {
    Store::open(
        &dir.path().join("c.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap()
}

fn hire(store: &Store, number: &str, start: &str) -> i64 {
    let input = EmployeeInput {
        number: number.into(),
        first_name: "An".into(),
        last_name: format!("Peeters {number}"),
        start_date: start.into(),
        ..Default::default()
    };
    store.employees().add(&input, None).unwrap().id
}

fn leave(store: &Store, id: i64, end: &str) {
    let dep = DepartureInput {
        end_date: end.into(),
        ended_by: "employee".into(),
        ..Default::default()
    };
    store.employees().archive(id, &dep).unwrap();
}

fn declare(store: &Store, id: i64, kind: DimonaKind) {
    let mut input = store.dimona().prefill(id, kind).unwrap();
    input.reference = "123456789012".into();
    store.dimona().add(id, &input).unwrap();
}

fn task_id(store: &Store, id: i64, code: &str) -> i64 {
    store
        .checklists()
        .for_employee(id)
        .unwrap()
        .iter()
        .flat_map(|c| c.tasks.iter())
        .find(|t| t.code == code)
        .unwrap()
        .id
}

#[test]
fn a_new_hire_gets_the_onboarding_checklist_with_due_dates_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/12/2026");
    let lists = s.checklists().for_employee(id).unwrap();
    assert_eq!(lists.len(), 1);
    let c = &lists[0];
    assert_eq!(c.kind, ChecklistKind::Onboarding);
    assert_eq!(c.anchor, d(2026, 12, 1));
    assert_eq!(c.progress(), (0, 10));
    let due = |code: &str| c.tasks.iter().find(|t| t.code == code).unwrap().due;
    assert_eq!(due(DIMONA_IN), d(2026, 11, 30));
    assert_eq!(due("buddy"), d(2026, 11, 28));
    assert_eq!(due("first_month_talk"), d(2026, 12, 31));
    assert!(
        c.tasks.windows(2).all(|w| w[0].due <= w[1].due),
        "tasks in due order"
    );
    let history = s.audit().for_employee(id, 10).unwrap();
    assert!(
        history
            .iter()
            .any(|a| a.entity == "checklist" && a.action == "create")
    );
}

#[test]
fn someone_who_started_long_ago_is_history_not_a_new_hire() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/02/2015");
    assert!(s.checklists().for_employee(id).unwrap().is_empty());
    assert!(s.checklists().due_tasks(d(2030, 1, 1)).unwrap().is_empty());
}

#[test]
fn a_departure_makes_the_offboarding_checklist_and_a_reinstatement_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/02/2015");
    leave(&s, id, "31/12/2026");
    let lists = s.checklists().for_employee(id).unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].kind, ChecklistKind::Offboarding);
    assert_eq!(lists[0].anchor, d(2026, 12, 31));
    let out = lists[0]
        .tasks
        .iter()
        .find(|t| t.code == DIMONA_OUT)
        .unwrap();
    assert_eq!(out.due, d(2027, 1, 1));
    s.employees().reinstate(id).unwrap();
    assert!(s.checklists().for_employee(id).unwrap().is_empty());
    let history = s.audit().for_employee(id, 20).unwrap();
    assert!(
        history
            .iter()
            .any(|a| a.entity == "checklist" && a.action == "delete")
    );
    assert_eq!(s.audit().verify().unwrap().broken_at, None);
}

#[test]
fn ticking_and_unticking_are_audited_and_a_second_tick_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/12/2026");
    let t = task_id(&s, id, "work_rules");
    let ticked = s.checklists().tick(t, "Sofie").unwrap();
    assert_eq!(
        ticked.done,
        Some(Done::Ticked {
            on: today(),
            by: "Sofie".into()
        })
    );
    assert!(matches!(
        s.checklists().tick(t, "Sofie"),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(s.checklists().for_employee(id).unwrap()[0].progress().0, 1);
    let open = s.checklists().untick(t).unwrap();
    assert_eq!(open.done, None);
    assert!(matches!(
        s.checklists().untick(t),
        Err(StoreError::Invalid(_))
    ));
    let actions: Vec<String> = s
        .audit()
        .for_employee(id, 20)
        .unwrap()
        .into_iter()
        .filter(|a| a.entity == "checklist_task")
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, vec!["untick", "tick"]);
    assert!(matches!(
        s.checklists().tick(999_999, "x"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn the_dimona_tasks_are_done_by_the_declarations() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/12/2026");
    let t = task_id(&s, id, DIMONA_IN);
    assert!(
        s.checklists()
            .due_tasks(d(2026, 11, 30))
            .unwrap()
            .iter()
            .any(|x| x.task_id == t)
    );
    declare(&s, id, DimonaKind::In);
    let task = s
        .checklists()
        .for_employee(id)
        .unwrap()
        .remove(0)
        .tasks
        .into_iter()
        .find(|x| x.id == t)
        .unwrap();
    assert_eq!(task.done, Some(Done::Dimona));
    assert!(
        !s.checklists()
            .due_tasks(d(2026, 11, 30))
            .unwrap()
            .iter()
            .any(|x| x.task_id == t)
    );
    // Nothing to tick or un-tick: the register completes it.
    assert!(matches!(
        s.checklists().tick(t, "Sofie"),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.checklists().untick(t),
        Err(StoreError::Invalid(_))
    ));
    // Offboarding: an OUT completes the OUT task.
    leave(&s, id, "15/12/2026");
    let out = task_id(&s, id, DIMONA_OUT);
    assert!(
        s.checklists()
            .due_tasks(d(2027, 1, 1))
            .unwrap()
            .iter()
            .any(|x| x.task_id == out)
    );
    declare(&s, id, DimonaKind::Out);
    assert!(
        !s.checklists()
            .due_tasks(d(2027, 1, 1))
            .unwrap()
            .iter()
            .any(|x| x.task_id == out)
    );
}

#[test]
fn due_tasks_are_open_ones_most_urgent_first_with_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let late = hire(&s, "E0001", "01/12/2026");
    let early = hire(&s, "E0002", "25/11/2026");
    let tasks = s.checklists().due_tasks(d(2026, 11, 30)).unwrap();
    assert!(tasks.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(tasks.iter().all(|t| t.due <= d(2026, 11, 30)));
    assert_eq!(tasks[0].employee_id, early);
    assert_eq!(tasks[0].number, "E0002");
    assert_eq!(tasks[0].name, "An Peeters E0002");
    assert_eq!(tasks[0].checklist, ChecklistKind::Onboarding);
    assert!(tasks.iter().any(|t| t.employee_id == late));
    let first = tasks[0].task_id;
    s.checklists().tick(first, "Sofie").unwrap();
    assert!(
        !s.checklists()
            .due_tasks(d(2026, 11, 30))
            .unwrap()
            .iter()
            .any(|t| t.task_id == first)
    );
}

#[test]
fn dimona_add_is_validated_audited_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/12/2026");
    let bad = DimonaInput {
        kind: "out".into(),
        declared_on: "20/11/2026".into(),
        ..Default::default()
    };
    match s.dimona().add(id, &bad) {
        Err(StoreError::Invalid(v)) => assert!(v.for_field("end").is_some()),
        other => panic!("{other:?}"),
    }
    assert!(s.dimona().declarations(id).unwrap().is_empty());
    declare(&s, id, DimonaKind::In);
    let decls = s.dimona().declarations(id).unwrap();
    assert_eq!(decls.len(), 1);
    assert_eq!(decls[0].kind, DimonaKind::In);
    assert_eq!(decls[0].start, Some(d(2026, 12, 1)));
    assert!(
        s.audit()
            .for_employee(id, 5)
            .unwrap()
            .iter()
            .any(|a| a.entity == "dimona")
    );
    assert!(matches!(
        s.dimona().add(424_242, &bad),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn missing_finds_starters_without_in_and_leavers_without_out() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let soon = hire(&s, "E0001", "27/11/2026");
    let later = hire(&s, "E0002", "15/01/2027");
    let veteran = hire(&s, "E0003", "01/02/2015");
    let leaver = hire(&s, "E0004", "01/02/2016");
    leave(&s, leaver, "30/10/2026");
    let gaps = s.dimona().missing(today(), 7).unwrap();
    let kinds: Vec<(i64, DimonaKind, NaiveDate)> = gaps
        .iter()
        .map(|g| (g.employee_id, g.kind, g.deadline))
        .collect();
    assert_eq!(
        kinds,
        vec![
            // Friday 30 October → Monday 2 November is a working day (All Saints' is a Sunday).
            (leaver, DimonaKind::Out, d(2026, 11, 2)),
            (soon, DimonaKind::In, d(2026, 11, 27)),
        ]
    );
    assert!(
        !gaps
            .iter()
            .any(|g| g.employee_id == later || g.employee_id == veteran)
    );
    declare(&s, soon, DimonaKind::In);
    declare(&s, leaver, DimonaKind::Out);
    assert!(s.dimona().missing(today(), 7).unwrap().is_empty());
}

#[test]
fn an_in_with_the_contract_end_needs_no_out() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let input = EmployeeInput {
        number: "S0001".into(),
        first_name: "Lucas".into(),
        last_name: "Willems".into(),
        category: "student".into(),
        start_date: "01/07/2026".into(),
        ..Default::default()
    };
    let contract = ContractInput {
        kind: "student".into(),
        start: "01/07/2026".into(),
        end: "31/08/2026".into(),
        weekly_hours: "38".into(),
        ..Default::default()
    };
    let id = s.employees().add(&input, Some(&contract)).unwrap().id;
    declare(&s, id, DimonaKind::In);
    assert_eq!(
        s.dimona().declarations(id).unwrap()[0].end,
        Some(d(2026, 8, 31))
    );
    leave(&s, id, "31/08/2026");
    assert!(s.dimona().missing(today(), 7).unwrap().is_empty());
    let out = task_id(&s, id, DIMONA_OUT);
    assert!(
        !s.checklists()
            .due_tasks(d(2027, 1, 1))
            .unwrap()
            .iter()
            .any(|t| t.task_id == out)
    );
}

#[test]
fn the_demo_company_shows_one_missing_in_and_one_missing_out() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    s.load_people(dossier::demo::demo_company(today()).into_iter(), |_| {})
        .unwrap();
    s.load_demo_checklists(today()).unwrap();
    let gaps = s.dimona().missing(today(), 7).unwrap();
    let kinds: Vec<DimonaKind> = gaps.iter().map(|g| g.kind).collect();
    assert_eq!(kinds.len(), 2, "{gaps:?}");
    assert!(kinds.contains(&DimonaKind::In) && kinds.contains(&DimonaKind::Out));
    let due = s.checklists().due_tasks(today()).unwrap();
    assert!(due.iter().any(|t| t.due < today()), "some tasks overdue");
    assert_eq!(s.audit().verify().unwrap().broken_at, None);
}

#[test]
fn a_corrected_start_date_moves_the_open_tasks_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let id = hire(&s, "E0001", "01/12/2026");
    let done = task_id(&s, id, "buddy");
    s.checklists().tick(done, "Sofie").unwrap();
    let mut input = EmployeeInput::from_data(&s.employees().get(id).unwrap().data, None);
    input.start_date = "07/12/2026".into();
    s.employees().update(id, &input).unwrap();
    let c = s.checklists().for_employee(id).unwrap().remove(0);
    assert_eq!(c.anchor, d(2026, 12, 7));
    let due = |code: &str| c.tasks.iter().find(|t| t.code == code).unwrap().due;
    assert_eq!(due("first_month_talk"), d(2027, 1, 6));
    assert_eq!(due(DIMONA_IN), d(2026, 12, 6));
    // A task already done keeps the day it was due.
    assert_eq!(due("buddy"), d(2026, 11, 28));
}
