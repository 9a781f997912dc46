//! Every template in every language renders under strict undefined, against the demo company.

use chrono::NaiveDate;

use super::*;
use crate::clock::Clock;
use crate::domain::company::CompanyInput;
use crate::domain::leave::request::LeaveRequestInput;
use crate::store::Access;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The demo company with its settings, a leave request for E0001, in a fresh database.
fn store() -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("d.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    store
        .load_people(crate::demo::demo_company(today()).into_iter(), |_| {})
        .unwrap();
    store.leave().allocate_year(2026, false).unwrap();
    store
        .settings()
        .save_company(&CompanyInput {
            company_name: "Demo Metaal NV".into(),
            company_address: "Nijverheidskaai 12, 9040 Gent".into(),
            company_number: "0566.988.259".into(),
            signatory_name: "Katrien Martens".into(),
            signatory_title: "Zaakvoerder".into(),
            city: "Gent".into(),
            ..Default::default()
        })
        .unwrap();
    let id = store.employees().by_number("E0001").unwrap().id;
    let request = store
        .leave()
        .add_request(
            id,
            &LeaveRequestInput {
                leave_type: "legal".into(),
                from: "14/12/2026".into(),
                to: "16/12/2026".into(),
                status: "approved".into(),
                ..Default::default()
            },
            "en",
        )
        .unwrap();
    let vacancy = crate::domain::recruitment::VacancyInput {
        title: "CNC-operator (m/v/x)".into(),
        department: "Productie".into(),
        contract: "indefinite".into(),
        weekly_hours: "38".into(),
        salary_min: "3100".into(),
        salary_max: "3600".into(),
        start_wanted: "04/01/2027".into(),
        status: "open".into(),
        ..Default::default()
    };
    let criteria = [
        crate::domain::recruitment::Criterion::parse("VCA-attest", "required", "3").unwrap(),
        crate::domain::recruitment::Criterion::parse("Heidenhain", "nice", "1").unwrap(),
    ];
    store
        .recruitment()
        .add_vacancy(&vacancy, &criteria, &[], &[])
        .unwrap();
    (dir, store, id, request.id)
}

fn input_for(t: TemplateId, request: i64, lang: Lang) -> MakeInput {
    MakeInput {
        language: lang.code().into(),
        request: request.to_string(),
        notice_by: "employer".into(),
        registered_letter: "yes".into(),
        expected_delivery: "15/05/2027".into(),
        multiple_birth: if t == TemplateId::MaternityInformation {
            "yes"
        } else {
            ""
        }
        .into(),
        to_name: "Sara Janssens".into(),
        to_address: "Kerkstraat 1, 9000 Gent".into(),
        vacancy: "CNC-operator".into(),
        meeting_at: "02/12/2026 14:30".into(),
        vacancy_id: "1".into(),
        ..Default::default()
    }
}

/// Keys of the catalogs that a context fills in; seeing one in a letter means a missing text.
const KEY_PREFIXES: [&str; 8] = [
    "notice.basis",
    "template.",
    "contract.",
    "category.",
    "request_status.",
    "doc.salutation",
    "doclang.",
    "err.",
];

#[test]
fn every_template_renders_in_every_language_without_leftovers() {
    let (_dir, store, id, request) = store();
    for t in TemplateId::ALL {
        for lang in Lang::ALL {
            let input = input_for(*t, request, lang);
            let req = MakeRequest {
                template: *t,
                employee_id: t.needs_employee().then_some(id),
                input: &input,
                default_lang: Lang::En,
                out_dir: None,
                templates_dir: None,
            };
            let r = render(&store, &req).unwrap_or_else(|e| panic!("{t:?} {lang:?}: {e:?}"));
            assert_eq!(r.lang, lang);
            for text in [&r.markdown, &r.html] {
                assert!(
                    !text.contains("{{") && !text.contains("{%"),
                    "{t:?} {lang:?}"
                );
                for k in KEY_PREFIXES {
                    assert!(
                        !text.contains(k),
                        "{t:?} {lang:?} shows the key {k}:\n{text}"
                    );
                }
            }
            assert!(r.markdown.contains("Demo Metaal NV"), "{t:?}");
            assert!(r.html.contains("size: A4"));
            if t.needs_employee() {
                assert!(r.markdown.contains("Vermeulen"), "{t:?} {lang:?}");
            } else if t.extras().contains(&catalog::Extra::Recipient) {
                assert!(r.markdown.contains("Sara Janssens"));
            } else {
                assert!(r.markdown.contains("CNC-operator"), "{t:?} {lang:?}");
            }
        }
    }
}

#[test]
fn letters_carry_the_computed_dates_and_belgian_formats() {
    let (_dir, store, id, request) = store();
    let render_nl = |t: TemplateId| {
        let input = input_for(t, request, Lang::Nl);
        render(
            &store,
            &MakeRequest {
                template: t,
                employee_id: Some(id),
                input: &input,
                default_lang: Lang::En,
                out_dir: None,
                templates_dir: None,
            },
        )
        .unwrap()
        .markdown
    };
    let leave = render_nl(TemplateId::LeaveConfirmation);
    assert!(
        leave.contains("14/12/2026") && leave.contains("16/12/2026"),
        "{leave}"
    );
    let m = render_nl(TemplateId::MaternityInformation);
    // Twins expected 15/05/2027: leave may start 8 weeks before, on 21/03/2027.
    assert!(m.contains("21/03/2027") && m.contains("15/05/2027"), "{m}");
    let notice = render_nl(TemplateId::TerminationLetter);
    assert!(
        notice.contains("Aangetekend") && notice.contains("art. 37/2"),
        "{notice}"
    );
    let contract = render_nl(TemplateId::ContractDraft);
    assert!(contract.contains("6.800,00 EUR"), "{contract}");
    assert!(contract.contains("Gent, 23/11/2026") || contract.contains("te Gent"));
}

#[test]
fn a_missing_variable_is_an_error_not_an_empty_line() {
    let (_dir, store, id, _) = store();
    let tdir = tempfile::tempdir().unwrap();
    let path = render::override_path(tdir.path(), TemplateId::WelcomeLetter, Lang::Nl);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "Beste {{ employee.nickname }}\n").unwrap();
    let input = MakeInput::default();
    let req = MakeRequest {
        template: TemplateId::WelcomeLetter,
        employee_id: Some(id),
        input: &input,
        default_lang: Lang::En,
        out_dir: None,
        templates_dir: Some(tdir.path()),
    };
    match render(&store, &req) {
        Err(DocError::Template(t)) => assert!(t.contains("line 1"), "{t}"),
        other => panic!("expected a template error, got {other:?}"),
    }
    // A correct override is used instead of the embedded text.
    std::fs::write(&path, "Eigen tekst voor {{ employee.first_name }}\n").unwrap();
    let r = render(&store, &req).unwrap();
    assert!(r.markdown.contains("Eigen tekst voor Luc"));
}

#[test]
fn make_writes_both_files_and_records_them() {
    let (dir, store, id, _) = store();
    let input = MakeInput::default();
    let req = MakeRequest {
        template: TemplateId::EmploymentCertificate,
        employee_id: Some(id),
        input: &input,
        default_lang: Lang::En,
        out_dir: None,
        templates_dir: None,
    };
    let doc = make(&store, &req).unwrap();
    // Luc Vermeulen's documents are in Dutch (his language in the dossier).
    assert_eq!(doc.language, "nl");
    let md = doc.markdown_path.clone().unwrap();
    let html = doc.html_path.clone().unwrap();
    assert!(md.starts_with(&dir.path().join("d-exports").display().to_string()));
    assert!(
        md.ends_with("2026-11-23_E0001_employment_certificate_nl.md"),
        "{md}"
    );
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("<html lang=\"nl\">")
    );
    // A second one never overwrites the first.
    let again = make(&store, &req).unwrap();
    assert!(again.markdown_path.unwrap().ends_with("_nl-2.md"));
    let listed = store.documents().for_employee(id).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[1], doc);
}

#[test]
fn without_company_settings_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("e.db"),
        Access::ReadWrite,
        Clock::frozen_at(today()),
    )
    .unwrap();
    store
        .load_people(crate::demo::demo_company(today()).into_iter(), |_| {})
        .unwrap();
    let id = store.employees().by_number("E0001").unwrap().id;
    let input = MakeInput::default();
    let err = make(
        &store,
        &MakeRequest {
            template: TemplateId::WelcomeLetter,
            employee_id: Some(id),
            input: &input,
            default_lang: Lang::En,
            out_dir: None,
            templates_dir: None,
        },
    )
    .unwrap_err();
    assert!(matches!(err, DocError::Invalid(v) if v.0[0].key == "err.company_missing"));
    assert!(!dir.path().join("e-exports").exists());
    assert!(store.documents().for_employee(id).unwrap().is_empty());
}

#[test]
fn the_vacancy_text_is_gender_neutral_and_the_offer_states_the_terms() {
    let (_dir, store, _, _) = store();
    let text = |t: TemplateId, lang: Lang| {
        let input = input_for(t, 0, lang);
        let req = MakeRequest {
            template: t,
            employee_id: None,
            input: &input,
            default_lang: Lang::En,
            out_dir: None,
            templates_dir: None,
        };
        render(&store, &req).unwrap().markdown
    };
    let fr = text(TemplateId::VacancyText, Lang::Fr);
    assert!(fr.contains("# CNC-operator (h/f/x)"), "{fr}");
    assert!(fr.contains("- VCA-attest"), "{fr}");
    assert!(fr.contains("38h par semaine"), "{fr}");
    let nl = text(TemplateId::VacancyText, Lang::Nl);
    assert!(nl.contains("# CNC-operator (m/v/x)"), "{nl}");
    assert!(!nl.contains("(m/v/x) (m/v/x)"), "{nl}");
    let offer = text(TemplateId::OfferLetter, Lang::Nl);
    for part in [
        "Sara Janssens",
        "04/01/2027",
        "38h per week",
        "3.100,00 EUR – 3.600,00 EUR",
    ] {
        assert!(offer.contains(part), "{part}: {offer}");
    }
    let input = MakeInput::default();
    let errs = input
        .validate(TemplateId::VacancyText, today())
        .unwrap_err();
    assert_eq!(errs.for_field("vacancy_id").unwrap().key, "err.required");
}
