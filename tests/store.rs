//! Store tests against real files in a temp directory: identity checks, locking, constraints, rollback,
//! audit chain and paging.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::{ContractInput, DepartureInput};
use dossier::domain::employee::EmployeeInput;
use dossier::domain::ids::{Iban, Rrn};
use dossier::store::{Access, ImportError, ListQuery, SortColumn, Store, StoreError};

fn clock() -> Clock {
    Clock::frozen_at(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("data").join("dossier.db")
}

fn open(path: &Path) -> Store {
    Store::open(path, Access::ReadWrite, clock()).unwrap()
}

fn person(n: usize, first: &str, last: &str) -> EmployeeInput {
    let born = NaiveDate::from_ymd_opt(
        1980 + (n % 20) as i32,
        1 + (n % 12) as u32,
        1 + (n % 28) as u32,
    )
    .unwrap();
    EmployeeInput {
        number: format!("E{n:04}"),
        first_name: first.into(),
        last_name: last.into(),
        rrn: Rrn::compose(born, (2 * n + 1) as u16),
        iban: Iban::belgian(539, n as u32),
        department: if n.is_multiple_of(2) {
            "Productie"
        } else {
            "Administratie"
        }
        .into(),
        job_title: "Operator".into(),
        start_date: "01/02/2020".into(),
        ..Default::default()
    }
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_database_is_private_and_marked_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let store = open(&path);
    assert_eq!(
        store.schema_version().unwrap(),
        dossier::store::SCHEMA_VERSION
    );
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app, dossier::store::APPLICATION_ID);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let m = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(m(&path), 0o600);
        assert_eq!(m(path.parent().unwrap()), 0o700);
    }
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);",
        )
        .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path, Access::ReadWrite, clock())
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::NotDossier { .. }), "{err}");
    assert!(err.to_string().contains("not a Dossier database"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn text_and_empty_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        ("notes.txt", b"hello, this is text\n".to_vec()),
        ("empty.db", Vec::new()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &content).unwrap();
        let err = Store::open(&path, Access::ReadWrite, clock())
            .err()
            .unwrap();
        assert!(
            matches!(err, StoreError::NotDossier { .. }),
            "{name}: {err}"
        );
        assert_eq!(bytes(&path), content);
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    drop(open(&path));
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path, Access::ReadWrite, clock())
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_damaged_file_is_reported_as_damaged_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    {
        let s = open(&path);
        s.employees()
            .add(&person(1, "Jan", "Peeters"), None)
            .unwrap();
    }
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut b = bytes(&path);
    // Overwrite the schema page after the 100-byte header.
    for x in b.iter_mut().skip(100).take(3000) {
        *x = 0xA5;
    }
    std::fs::write(&path, &b).unwrap();
    let err = Store::open(&path, Access::ReadWrite, clock())
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("backup"));
    assert_eq!(bytes(&path), b);
}

#[test]
fn a_second_writer_is_refused_and_told_who_holds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let _first = open(&path);
    let err = Store::open(&path, Access::ReadWrite, clock())
        .err()
        .unwrap();
    match &err {
        StoreError::Locked { holder, .. } => {
            assert!(holder.to_string().contains(&std::process::id().to_string()))
        }
        other => panic!("expected Locked, got {other}"),
    }
    // Readers are welcome while the writer works.
    let reader = Store::open(&path, Access::ReadOnly, clock()).unwrap();
    assert_eq!(reader.employees().count(&ListQuery::default()).unwrap(), 0);
}

#[test]
fn the_lock_is_released_when_the_store_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    drop(open(&path));
    drop(open(&path));
}

#[test]
fn duplicate_numbers_and_national_numbers_are_refused_on_their_field() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    store
        .employees()
        .add(&person(1, "Jan", "Peeters"), None)
        .unwrap();
    let mut same_number = person(2, "An", "Claes");
    same_number.number = "e0001".into();
    match store.employees().add(&same_number, None) {
        Err(StoreError::Invalid(v)) => {
            assert_eq!(v.for_field("number").unwrap().key, "err.number_taken")
        }
        other => panic!("{other:?}"),
    }
    let mut same_rrn = person(3, "An", "Claes");
    same_rrn.rrn = person(1, "", "").rrn;
    match store.employees().add(&same_rrn, None) {
        Err(StoreError::Invalid(v)) => assert_eq!(v.for_field("rrn").unwrap().key, "err.rrn_taken"),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.employees().count(&ListQuery::default()).unwrap(), 1);
}

#[test]
fn a_refused_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    let bad_contract = ContractInput {
        kind: "fixed_term".into(),
        start: "01/01/2026".into(),
        ..Default::default()
    };
    assert!(
        store
            .employees()
            .add(&person(1, "Jan", "Peeters"), Some(&bad_contract))
            .is_err()
    );
    assert_eq!(
        store
            .employees()
            .count(&ListQuery {
                include_left: true,
                ..Default::default()
            })
            .unwrap(),
        0
    );
    assert_eq!(store.audit().verify().unwrap().rows, 0);
}

#[test]
fn an_import_with_one_bad_row_writes_nothing_and_names_every_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    let mut rows: Vec<(usize, EmployeeInput)> = (1..=5)
        .map(|n| (n + 1, person(n, "Jan", "Peeters")))
        .collect();
    rows[2].1.rrn = "12345678901".into();
    rows[4].1.number = rows[0].1.number.clone();
    match store.employees().import(&rows, false) {
        Err(ImportError::Invalid(bad)) => {
            let lines: Vec<usize> = bad.iter().map(|(l, _)| *l).collect();
            assert_eq!(lines, vec![4, 6]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store
            .employees()
            .count(&ListQuery {
                include_left: true,
                ..Default::default()
            })
            .unwrap(),
        0
    );
    // Managers may be defined later in the same file.
    rows[2].1.rrn.clear();
    rows[4].1.number = "E0099".into();
    rows[0].1.manager = "E0099".into();
    assert_eq!(store.employees().import(&rows, false).unwrap(), 5);
    let first = store.employees().by_number("E0001").unwrap();
    let boss = store.employees().by_number("E0099").unwrap();
    assert_eq!(first.data.manager_id, Some(boss.id));
}

#[test]
fn edits_and_archiving_are_audited_in_a_valid_chain() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let store = open(&path);
    let e = store
        .employees()
        .add(&person(1, "Jan", "Peeters"), None)
        .unwrap();
    let mut input = person(1, "Jan", "Peeters");
    input.department = "Logistiek".into();
    store.employees().update(e.id, &input).unwrap();
    let dep = DepartureInput {
        end_date: "30/11/2026".into(),
        ended_by: "employee".into(),
        ..Default::default()
    };
    store.employees().archive(e.id, &dep).unwrap();
    // The departure's offboarding checklist is audited separately (tests/store_checklists.rs).
    let history: Vec<_> = store
        .audit()
        .for_employee(e.id, 50)
        .unwrap()
        .into_iter()
        .filter(|a| a.entity != "checklist")
        .collect();
    let actions: Vec<&str> = history.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, vec!["archive", "create", "update", "create"]);
    assert_eq!(
        store.records().job_changes(e.id).unwrap()[0].department,
        "Logistiek"
    );
    assert!(
        history[2]
            .changed_fields()
            .contains(&"department".to_string())
    );
    assert_eq!(store.audit().verify().unwrap().broken_at, None);
    // People who left are hidden unless asked for.
    assert_eq!(store.employees().count(&ListQuery::default()).unwrap(), 0);
    assert_eq!(
        store
            .employees()
            .count(&ListQuery {
                include_left: true,
                ..Default::default()
            })
            .unwrap(),
        1
    );
    drop(store);

    // Someone edits an audit row behind Dossier's back: the chain shows where.
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("DROP TRIGGER audit_no_update; UPDATE audit SET new = '{}' WHERE id = 2;")
        .unwrap();
    drop(c);
    let store = open(&path);
    assert_eq!(store.audit().verify().unwrap().broken_at, Some(2));
}

#[test]
fn audit_rows_cannot_be_changed_through_sql() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let store = open(&path);
    store
        .employees()
        .add(&person(1, "Jan", "Peeters"), None)
        .unwrap();
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    assert!(c.execute("DELETE FROM audit", []).is_err());
    assert!(c.execute("UPDATE audit SET action = 'x'", []).is_err());
}

#[test]
fn filter_is_accent_and_case_insensitive_and_pages_agree_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    let names = [
        "Céline", "Zoë", "Jan", "Anna", "Ünal", "Marc", "Sofie", "Pieter", "Lotte", "Ahmed",
    ];
    let rows: Vec<(usize, EmployeeInput)> = (0..40)
        .map(|n| {
            (
                n + 2,
                person(n + 1, names[n % names.len()], &format!("Naam{:02}", 40 - n)),
            )
        })
        .collect();
    store.employees().import(&rows, false).unwrap();
    let repo = store.employees();
    let q = |f: &str| ListQuery {
        filter: f.into(),
        ..Default::default()
    };
    assert_eq!(repo.count(&q("celine")).unwrap(), 4);
    assert_eq!(repo.count(&q("CÉLINE")).unwrap(), 4);
    assert_eq!(repo.count(&q("zoe")).unwrap(), 4);
    assert_eq!(
        repo.count(&q("ce")).unwrap(),
        4,
        "one or two letters start a word (prefix index)"
    );
    assert_eq!(
        repo.count(&q("el")).unwrap(),
        0,
        "…and are not looked for inside one"
    );
    assert_eq!(repo.count(&q("ü")).unwrap(), 4);
    assert_eq!(repo.count(&q("-")).unwrap(), 40, "no letter: no filter");
    assert_eq!(repo.count(&q("e0001")).unwrap(), 1);
    // Anna is on rows 4, 14, 24, 34: even numbers, so Productie.
    assert_eq!(repo.count(&q("anna administratie")).unwrap(), 0);
    assert_eq!(repo.count(&q("anna productie")).unwrap(), 4);

    // Walk forward in pages of 7, then backward, and compare with one big page.
    for sort in SortColumn::ALL {
        for descending in [false, true] {
            let query = ListQuery {
                sort,
                descending,
                ..Default::default()
            };
            let all = repo.page(&query, None, false, 100).unwrap();
            assert_eq!(all.len(), 40);
            let mut walked = Vec::new();
            let mut cursor = None;
            loop {
                let page = repo.page(&query, cursor.as_ref(), false, 7).unwrap();
                if page.is_empty() {
                    break;
                }
                cursor = Some(page.last().unwrap().cursor.clone());
                walked.extend(page);
            }
            assert_eq!(walked, all, "{sort:?} forward");
            let mut back = Vec::new();
            let mut cursor = None;
            loop {
                let page = repo.page(&query, cursor.as_ref(), true, 7).unwrap();
                if page.is_empty() {
                    break;
                }
                cursor = Some(page.first().unwrap().cursor.clone());
                back.splice(0..0, page);
            }
            assert_eq!(back, all, "{sort:?} backward");
        }
    }
}

#[test]
fn documents_are_copied_in_privately_and_missing_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let store = open(&path);
    let e = store
        .employees()
        .add(&person(1, "Jan", "Peeters"), None)
        .unwrap();
    let src = dir.path().join("id kaart.pdf");
    std::fs::write(&src, b"%PDF-1.4 fake").unwrap();
    let input = dossier::domain::records::DocumentInput {
        path: src.to_string_lossy().into_owned(),
        kind: "id_card".into(),
        expires: "01/01/2030".into(),
        ..Default::default()
    };
    let doc = store.records().add_document(e.id, &input).unwrap();
    let stored = store.records().document_path(&doc);
    assert_eq!(std::fs::read(&stored).unwrap(), b"%PDF-1.4 fake");
    assert!(stored.starts_with(dir.path().join("data").join("dossier-files")));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&stored).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let missing = dossier::domain::records::DocumentInput {
        path: "/nope/x.pdf".into(),
        ..Default::default()
    };
    match store.records().add_document(e.id, &missing) {
        Err(StoreError::Invalid(v)) => {
            assert_eq!(v.for_field("path").unwrap().key, "err.file_missing")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.records().documents(e.id).unwrap().len(), 1);
}

#[test]
fn the_belgian_leave_types_ship_with_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    let types = store.leave().types().unwrap();
    for code in [
        "legal",
        "extralegal",
        "small_funeral",
        "birth",
        "maternity",
        "parental_full",
        "time_credit",
        "compelling",
        "compensatory",
        "training",
        "unpaid",
        "sickness",
        "work_accident",
        "closure",
    ] {
        let t = types
            .iter()
            .find(|t| t.code == code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert!(!t.name_nl.is_empty() && !t.name_fr.is_empty() && !t.name_en.is_empty());
    }
    let compelling = store.leave().type_by_code("compelling").unwrap();
    assert_eq!(compelling.days_per_year, Some(10));
    assert_eq!(
        store.leave().type_by_code("birth").unwrap().days_per_event,
        Some(20)
    );
}

#[test]
fn settings_default_until_set_and_setting_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    let v: Vec<u32> = store.settings().get("test_list").unwrap();
    assert!(v.is_empty());
    store.settings().set("test_list", &vec![1u32, 2]).unwrap();
    let v: Vec<u32> = store.settings().get("test_list").unwrap();
    assert_eq!(v, [1, 2]);
    let chain = store.audit().verify().unwrap();
    assert_eq!((chain.rows, chain.broken_at), (1, None));
}

#[test]
fn leave_types_are_added_and_changed_but_not_moved_to_another_balance_once_used() {
    use dossier::domain::leave::leave_type::{Counting, LeaveTypeInput};
    use dossier::domain::leave::request::LeaveRequestInput;
    let dir = tempfile::tempdir().unwrap();
    let store = open(&db(&dir));
    let leave = store.leave();
    let new = LeaveTypeInput {
        code: "wedding_child".into(),
        name_nl: "Klein verlet: huwelijk kind".into(),
        name_en: "Small leave: child's wedding".into(),
        counting: "none".into(),
        colour: "cyan".into(),
        letter: "K".into(),
        days_per_event: "1".into(),
        ..Default::default()
    };
    let t = leave.save_type(&new).unwrap();
    assert_eq!(leave.type_by_code("wedding_child").unwrap(), t);
    assert_eq!(t.name_fr, "Small leave: child's wedding");
    // Renaming keeps the id; the French name can be set later.
    let mut renamed = LeaveTypeInput::from_type(&t);
    renamed.name_fr = "Petit chômage : mariage d'un enfant".into();
    let again = leave.save_type(&renamed).unwrap();
    assert_eq!(
        (again.id, again.name_fr.as_str()),
        (t.id, "Petit chômage : mariage d'un enfant")
    );
    // The register's sickness type never draws from a balance.
    let mut sick = LeaveTypeInput::from_type(&leave.type_by_code("sickness").unwrap());
    sick.counting = "annual".into();
    let Err(StoreError::Invalid(v)) = leave.save_type(&sick) else {
        panic!("sickness on a balance must be refused");
    };
    assert_eq!(
        v.for_field("counting").map(|e| e.key),
        Some("err.type_sickness_counting")
    );
    // Once leave of a type is recorded, it keeps its balance.
    let e = store
        .employees()
        .add(&person(1, "An", "Peeters"), None)
        .unwrap();
    let contract = ContractInput {
        kind: "indefinite".into(),
        start: "01/02/2020".into(),
        weekly_hours: "38".into(),
        ..Default::default()
    };
    store.records().add_contract(e.id, &contract).unwrap();
    let request = LeaveRequestInput {
        leave_type: "unpaid".into(),
        from: "02/03/2026".into(),
        to: "02/03/2026".into(),
        status: "approved".into(),
        ..Default::default()
    };
    leave.add_request(e.id, &request, "en").unwrap();
    let mut unpaid = LeaveTypeInput::from_type(&leave.type_by_code("unpaid").unwrap());
    assert_eq!(
        leave.type_by_code("unpaid").unwrap().counting,
        Counting::None
    );
    unpaid.counting = "extralegal".into();
    let Err(StoreError::Invalid(v)) = leave.save_type(&unpaid) else {
        panic!("a used type must keep its balance");
    };
    assert_eq!(
        v.for_field("counting").map(|e| e.key),
        Some("err.type_counting_in_use")
    );
}
