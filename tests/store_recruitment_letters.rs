//! Letters to candidates through the documents module: written in the candidate's language,
//! recorded on the timeline (which ends the Today item), and gone without a trace after the purge.

use chrono::NaiveDate;
use dossier::clock::Clock;
use dossier::documents::TemplateId;
use dossier::documents::recruitment::{candidate_letter, vacancy_text};
use dossier::domain::company::CompanyInput;
use dossier::domain::recruitment::{CandidateInput, Stage, VacancyInput};
use dossier::domain::today::Due;
use dossier::i18n::Lang;
use dossier::store::recruitment::Link;
use dossier::store::{Access, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn open(dir: &tempfile::TempDir, today: &str) -> Store {
    let store = Store::open(
        &dir.path().join("t.db"),
        Access::ReadWrite,
        Clock::Day(d(today)),
    )
    .unwrap();
    store
        .settings()
        .save_company(&CompanyInput {
            company_name: "Demo Metaal NV".into(),
            city: "Gent".into(),
            export_dir: dir.path().join("exports").display().to_string(),
            ..Default::default()
        })
        .unwrap();
    store
}

#[test]
fn a_rejection_letter_goes_out_in_french_and_the_purge_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let (cand, app, vacancy) = {
        let store = open(&dir, "2026-04-01");
        let r = store.recruitment();
        let v = VacancyInput {
            title: "Comptable (m/v/x)".into(),
            contract: "indefinite".into(),
            weekly_hours: "38".into(),
            status: "open".into(),
            ..Default::default()
        };
        let v = r.add_vacancy(&v, &[], &[], &[]).unwrap().id;
        let input = CandidateInput {
            first_name: "Amélie".into(),
            last_name: "Dubuisson".into(),
            email: "amelie@example.be".into(),
            language: "fr".into(),
            ..Default::default()
        };
        let (c, a) = r.add_candidate(&input, v, Link::Refuse).unwrap();
        r.move_stage(a, Stage::Rejected, "profile").unwrap();
        let due = |s: &Store| {
            s.today()
                .list(d("2026-04-01"))
                .unwrap()
                .items
                .iter()
                .any(|i| matches!(i.what, Due::RejectionLetter { .. }))
        };
        assert!(due(&store));
        // An invitation needs a planned interview: refused, nothing written.
        assert!(candidate_letter(&store, a, TemplateId::InterviewInvitation, None).is_err());
        let (doc, letter) = candidate_letter(&store, a, TemplateId::RejectionLetter, None).unwrap();
        assert_eq!(doc.language, "fr");
        assert_eq!(letter.document_id, Some(doc.id));
        let md = std::fs::read_to_string(doc.markdown_path.as_ref().unwrap()).unwrap();
        assert!(
            md.contains("Amélie Dubuisson") && md.contains("Comptable"),
            "{md}"
        );
        assert!(md.contains("Objet"), "{md}");
        assert!(std::path::Path::new(doc.html_path.as_ref().unwrap()).exists());
        assert!(!due(&store), "the letter ends the Today item");
        assert_eq!(
            r.candidate_page(c.id).unwrap().applications[0]
                .letters
                .len(),
            1
        );
        // The vacancy text is not about a person: named after the vacancy.
        let text = vacancy_text(&store, v, Lang::Fr, None).unwrap();
        let md = std::fs::read_to_string(text.markdown_path.as_ref().unwrap()).unwrap();
        assert!(md.contains("# Comptable (h/f/x)"), "{md}");
        (c.id, a, doc)
    };
    let _ = (app, cand);
    // Past the retention date, the purge removes the letter's files and every trace of the name.
    let store = open(&dir, "2026-10-02");
    let report = store.recruitment().purge(d("2026-10-02"), false).unwrap();
    assert_eq!(report.letters, 1);
    for p in [&vacancy.markdown_path, &vacancy.html_path] {
        assert!(!std::path::Path::new(p.as_ref().unwrap()).exists(), "{p:?}");
    }
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for c in columns {
            let hits: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{t}\" WHERE CAST(\"{c}\" AS TEXT) LIKE '%Dubuisson%' OR CAST(\"{c}\" AS TEXT) LIKE '%amelie%'"),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(hits, 0, "the name is still in {t}.{c}");
        }
    }
}
