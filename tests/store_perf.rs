//! The staff filter on a list large enough for its two ways of reading a page (sort index first for
//! filters that match many, matches first for the others) to be used, with the same answers.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::domain::contract::DepartureInput;
use dossier::domain::employee::EmployeeInput;
use dossier::store::{Access, ListQuery, SortColumn, Store};

const PEOPLE: usize = 1500;

fn store(dir: &tempfile::TempDir) -> Store {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let store = Store::open(
        &dir.path().join("x.db"),
        Access::ReadWrite,
        Clock::frozen_at(today),
    )
    .unwrap();
    let firsts = ["Mathéo", "Marie", "Noor", "Émile", "Lucas"];
    let rows: Vec<(usize, EmployeeInput)> = (0..PEOPLE)
        .map(|n| {
            let input = EmployeeInput {
                number: format!("E{n:05}"),
                first_name: firsts[n % firsts.len()].into(),
                last_name: format!("Maes{:04}", (n * 7919) % PEOPLE),
                department: if n % 3 == 0 { "Productie" } else { "Verkoop" }.into(),
                job_title: "Bediende".into(),
                start_date: "01/02/2020".into(),
                ..Default::default()
            };
            (n + 2, input)
        })
        .collect();
    store.employees().import(&rows, false).unwrap();
    store
}

/// Every row of the query, read forward in pages of 37.
fn walk(store: &Store, q: &ListQuery) -> Vec<i64> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let page = store
            .employees()
            .page(q, cursor.as_ref(), false, 37)
            .unwrap();
        let Some(last) = page.last() else { break };
        cursor = Some(last.cursor.clone());
        out.extend(page.iter().map(|r| r.id));
    }
    out
}

#[test]
fn broad_and_narrow_filters_page_like_the_whole_list() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir);
    let repo = store.employees();
    let q = |f: &str, sort: SortColumn| ListQuery {
        filter: f.into(),
        sort,
        ..Default::default()
    };
    for sort in [SortColumn::Name, SortColumn::Number, SortColumn::Department] {
        let everyone = walk(&store, &q("", sort));
        assert_eq!(everyone.len(), PEOPLE);
        // "ma" and "mae" match everyone (Maes…): read through the sort index, in the same order.
        for f in ["m", "ma", "mae", "MAES"] {
            assert_eq!(repo.count(&q(f, sort)).unwrap(), PEOPLE as u64, "{f}");
            assert_eq!(walk(&store, &q(f, sort)), everyone, "{f} by {sort:?}");
        }
        // Narrow filters: the matches in the order of the whole list.
        for (f, n) in [
            ("emile", 300),
            ("em", 300),
            ("ÉM", 300),
            ("prod", 500),
            ("e0012", 10),
        ] {
            let want: Vec<i64> = {
                let all: std::collections::HashSet<i64> = walk(&store, &q(f, SortColumn::Number))
                    .into_iter()
                    .collect();
                everyone
                    .iter()
                    .copied()
                    .filter(|id| all.contains(id))
                    .collect()
            };
            assert_eq!(want.len(), n, "{f}");
            assert_eq!(repo.count(&q(f, sort)).unwrap(), n as u64, "{f}");
            assert_eq!(walk(&store, &q(f, sort)), want, "{f} by {sort:?}");
        }
        // Two broad words together, and a broad with a narrow one.
        assert_eq!(walk(&store, &q("maes ve", sort)).len(), 1000);
        assert_eq!(repo.count(&q("maes ve", sort)).unwrap(), 1000);
        assert_eq!(walk(&store, &q("ma e00012", sort)).len(), 1);
        assert_eq!(repo.count(&q("ma e00012", sort)).unwrap(), 1);
    }

    // Counted from the indexes, the people who left are taken off (and counted with --all).
    for n in [3, 4, 5] {
        let id = repo.by_number(&format!("E{n:05}")).unwrap().id;
        let dep = DepartureInput {
            end_date: "30/06/2026".into(),
            ended_by: "employee".into(),
            ..Default::default()
        };
        repo.archive(id, &dep).unwrap();
    }
    let with_left = |f: &str| ListQuery {
        filter: f.into(),
        include_left: true,
        ..Default::default()
    };
    for (f, staying, all) in [("ma", 1497, 1500), ("lucas", 299, 300), ("e00004", 0, 1)] {
        assert_eq!(repo.count(&q(f, SortColumn::Name)).unwrap(), staying, "{f}");
        assert_eq!(
            walk(&store, &q(f, SortColumn::Name)).len(),
            staying as usize
        );
        assert_eq!(repo.count(&with_left(f)).unwrap(), all, "{f}");
        assert_eq!(walk(&store, &with_left(f)).len(), all as usize);
    }
}
