//! Recruitment, fourth part: the per-vacancy report (`r`, `x` to CSV), the phone questionnaire and
//! interview feedback forms, the questions of a vacancy, letters from the user's templates.

use super::*;
use dossier::store::recruitment::InterviewInput;
use dossier::ui::tabs::recruitment::View;

/// The demo company on the Recruitment tab's vacancy list, the CNC vacancy selected.
fn vacancies() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app(Lang::En);
    key(&mut app, KeyCode::Char('4'));
    let at = app
        .recruitment
        .vacancies
        .iter()
        .position(|v| v.title.starts_with("CNC"))
        .unwrap();
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    (dir, app)
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.0.clone()).unwrap_or_default()
}

#[test]
fn r_shows_the_vacancy_report_and_esc_goes_back() {
    let (_dir, mut app) = vacancies();
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.recruitment.view, View::Report);
    let wide = render(&app, 120, 36);
    for text in [
        "Applicants per channel",
        "Funnel",
        "Time to hire",
        "Rejection reasons",
        "Required qualification missing",
    ] {
        assert!(wide.contains(text), "{text}:\n{wide}");
    }
    insta::assert_snapshot!("recruit4_report", wide);
    insta::assert_snapshot!("recruit4_report_80x24", render(&app, 80, 24));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.recruitment.view, View::Vacancies);
    // From the board, Esc returns to the board.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.recruitment.view, View::Report);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.recruitment.view, View::Board);
}

#[test]
fn x_writes_the_report_as_csv_and_never_over_an_earlier_one() {
    let (_dir, mut app) = vacancies();
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('x'));
    let said = status(&app);
    assert!(said.starts_with("Report written: "), "{said}");
    let first = said.trim_start_matches("Report written: ").to_string();
    let csv = std::fs::read_to_string(&first).unwrap();
    assert!(csv.contains("Applicants per channel"), "{csv}");
    assert!(csv.contains("Stage;Reached;%;Now"), "{csv}");
    key(&mut app, KeyCode::Char('x'));
    let second = status(&app)
        .trim_start_matches("Report written: ")
        .to_string();
    assert_ne!(first, second);
    assert!(second.ends_with("-2.csv"), "{second}");
    assert_eq!(std::fs::read_to_string(&first).unwrap(), csv);
}

/// The page of the demo candidate called `name` (their application to the CNC vacancy).
fn page_of(app: &mut App, name: &str) -> (i64, i64) {
    key(app, KeyCode::Enter);
    let a = app
        .recruitment
        .apps
        .iter()
        .find(|a| a.name == name)
        .unwrap()
        .clone();
    app.recruitment.open_page(&app.store, a.candidate_id, a.id);
    assert_eq!(app.recruitment.view, View::Page);
    (a.candidate_id, a.id)
}

fn form_value(app: &App, name: &str) -> String {
    let f = app.recruitment.form.as_ref().expect("a form is open");
    f.form
        .fields
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no field {name}"))
        .input
        .value()
        .to_string()
}

#[test]
fn p_on_the_page_answers_the_vacancys_questions() {
    let (_dir, mut app) = vacancies();
    let (_, application) = page_of(&mut app, "Jelle Aerts");
    key(&mut app, KeyCode::Char('p'));
    assert!(app.recruitment.form.is_some());
    // One line per question of the vacancy, with the answers and the call already noted.
    assert_eq!(form_value(&app, "q1"), "Binnen een maand");
    assert_eq!(form_value(&app, "called_by"), "Sofie De Smet");
    insta::assert_snapshot!("recruit4_questionnaire", render(&app, 120, 36));
    // The second answer changes; a call cannot be noted on a day still to come.
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "Alleen vroege ploeg");
    for _ in 0..2 {
        key(&mut app, KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    type_text(&mut app, "24/11/2026");
    ctrl(&mut app, 's');
    let state = app.recruitment.form.as_ref().expect("refused: stays open");
    assert!(state.form.errors.for_field("answered_on").is_some());
    ctrl(&mut app, 'u');
    type_text(&mut app, "20/11/2026");
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_none(), "{}", render(&app, 120, 36));
    let q = app.store.recruitment().questionnaire(application).unwrap();
    assert_eq!(q[1].answer.as_deref(), Some("Alleen vroege ploeg"));
    assert_eq!(q[1].answered_on, NaiveDate::from_ymd_opt(2026, 11, 20));
    let screen = render(&app, 120, 36);
    assert!(screen.contains("→ Alleen vroege"), "{screen}");
    assert!(screen.contains("20/11/2026 Sofie De Smet"), "{screen}");
}

#[test]
fn p_on_the_vacancy_list_edits_the_questions() {
    let (_dir, mut app) = vacancies();
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(form_value(&app, "q1"), "Wanneer kunt u beginnen?");
    // Three questions and empty lines to add more: the fourth is new.
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Hebt u een rijbewijs B?");
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_none());
    assert_eq!(status(&app), "Questions saved.");
    let id = app.recruitment.vacancies[app.recruitment.vacancy_sel].id;
    let v = app.store.recruitment().vacancy(id).unwrap();
    assert_eq!(v.questions.len(), 4);
    assert_eq!(v.questions[3], "Hebt u een rijbewijs B?");
}

#[test]
fn o_on_the_page_gives_an_interviewers_feedback() {
    let (_dir, mut app) = vacancies();
    let (_, application) = page_of(&mut app, "Jelle Aerts");
    // Jelle's planned interview is still to come: feedback on it is refused.
    key(&mut app, KeyCode::Char('o'));
    ctrl(&mut app, 's');
    let state = app.recruitment.form.as_ref().expect("refused: stays open");
    assert!(state.form.errors.for_field("interview").is_some());
    key(&mut app, KeyCode::Esc);
    assert!(app.recruitment.form.is_none());
    // A first interview last Friday, with the production manager.
    let production = app.store.employees().by_number("E0003").unwrap().id;
    app.store
        .recruitment()
        .plan_interview(&InterviewInput {
            application_id: application,
            assessment: false,
            start: NaiveDate::from_ymd_opt(2026, 11, 20)
                .unwrap()
                .and_hms_opt(14, 0, 0)
                .unwrap(),
            minutes: 45,
            place: "Werkplaats".into(),
            interviewers: vec![production],
            override_reason: String::new(),
        })
        .unwrap();
    key(&mut app, KeyCode::Char('o'));
    assert!(app.recruitment.form.is_some());
    insta::assert_snapshot!("recruit4_feedback_form", render(&app, 120, 36));
    // interview, interviewer, then one score per criterion of the CNC profile.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "6");
    ctrl(&mut app, 's');
    let state = app.recruitment.form.as_ref().expect("refused: stays open");
    assert!(state.form.errors.for_field("s1").is_some());
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "4");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "5");
    ctrl(&mut app, 's');
    assert!(app.recruitment.form.is_none(), "{}", render(&app, 120, 36));
    let f = app.store.recruitment().feedback(application).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].scores.len(), 2);
    assert_eq!(f[0].scores[0].1, 4);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("VCA-attest 4/5"), "{screen}");
}

#[test]
fn feedback_without_an_interview_says_how_to_plan_one() {
    let (_dir, mut app) = vacancies();
    page_of(&mut app, "Kevin Goossens");
    key(&mut app, KeyCode::Char('o'));
    assert!(app.recruitment.form.is_none());
    assert!(
        status(&app).starts_with("No interview planned"),
        "{}",
        status(&app)
    );
}

#[test]
fn candidate_letters_and_the_vacancy_text_use_the_users_templates() {
    let (dir, mut app) = vacancies();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(templates.join("nl")).unwrap();
    std::fs::create_dir_all(templates.join("en")).unwrap();
    std::fs::write(
        templates.join("nl/rejection_letter.md"),
        "Eigen afwijzing voor {{ recipient.vacancy }}\n",
    )
    .unwrap();
    std::fs::write(
        templates.join("en/vacancy_text.md"),
        "# Our own text: {{ vacancy.title }}\n",
    )
    .unwrap();
    app.recruitment.templates_dir = Some(templates);
    key(&mut app, KeyCode::Char('t'));
    let said = status(&app);
    let text = std::fs::read_to_string(said.trim_start_matches("Vacancy text written: ")).unwrap();
    assert!(text.contains("Our own text: CNC-operator"), "{text}");
    // Ruben Claes writes Dutch: the rejection letter is the user's Dutch one.
    page_of(&mut app, "Ruben Claes");
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let said = status(&app);
    assert!(said.starts_with("Rejection letter written: "), "{said}");
    let html =
        std::fs::read_to_string(said.trim_start_matches("Rejection letter written: ")).unwrap();
    assert!(html.contains("Eigen afwijzing voor CNC-operator"), "{html}");
}

#[test]
fn a_today_item_opens_the_candidates_newest_application() {
    use dossier::domain::recruitment::CandidateInput;
    use dossier::domain::today::{Due, Place};
    use dossier::store::recruitment::Link;
    let (_dir, mut app) = vacancies();
    // Ruben Claes, rejected for the CNC job, applies again: for the office job.
    let ruben = app
        .store
        .recruitment()
        .applications(app.recruitment.vacancies[app.recruitment.vacancy_sel].id)
        .unwrap()
        .into_iter()
        .find(|a| a.name == "Ruben Claes")
        .unwrap();
    let office = app
        .recruitment
        .vacancies
        .iter()
        .find(|v| v.title.starts_with("Administratief"))
        .unwrap()
        .id;
    let (_, newest) = app
        .store
        .recruitment()
        .add_candidate(
            &CandidateInput::default(),
            office,
            Link::Existing(ruben.candidate_id),
        )
        .unwrap();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Home);
    let at = app
        .today
        .list
        .items
        .iter()
        .position(|a| matches!(a.what, Due::RejectionLetter { .. }))
        .expect("Ruben's letter is due");
    assert_eq!(
        app.today.list.items[at].place,
        Place::Candidate {
            candidate_id: ruben.candidate_id
        }
    );
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.recruitment.view, View::Page);
    assert_eq!(app.recruitment.page_app, newest);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Ruben Claes · Administratief"), "{screen}");
    assert!(screen.contains("[2/2]"), "{screen}");
}
