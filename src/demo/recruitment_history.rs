//! What the demo's CNC procedure has behind it: a candidate hired twelve days ago who starts in
//! two weeks (so the report has a time to hire and Today the Dimona IN), the phone preselection
//! of the candidates past that stage, and interviewers' feedback on the interviews already held.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::recruitment::{Answer, CandidateInput, Channel, Stage};
use crate::store::recruitment::{HireInput, InterviewInput, Link, Recommendation};
use crate::store::{Store, StoreError};

type Result<T> = std::result::Result<T, StoreError>;

/// The working day `n` working days before `today`, at `hour`.
fn working_day_back(today: NaiveDate, n: u32, hour: u32) -> NaiveDateTime {
    let mut d = today;
    let mut left = n;
    while left > 0 {
        d -= Duration::days(1);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    d.and_hms_opt(hour, 0, 0).unwrap_or_default()
}

/// The first Monday at least `days` after `today`: a first working day.
fn monday_after(today: NaiveDate, days: i64) -> NaiveDate {
    let mut d = today + Duration::days(days);
    while d.weekday() != Weekday::Mon {
        d += Duration::days(1);
    }
    d
}

/// Hires Hamza El Idrissi for the CNC vacancy: applied 40 days ago, each stage dated, the offer
/// accepted 12 days ago.
fn hire(store: &Store, today: NaiveDate, vacancy: i64) -> Result<i64> {
    let r = store.recruitment();
    let input = CandidateInput {
        first_name: "Hamza".into(),
        last_name: "El Idrissi".into(),
        email: "hamza.elidrissi@example.be".into(),
        phone: "+32 478 61 20 93".into(),
        language: "nl".into(),
        source: Channel::Vdab.code().into(),
        applied_on: format_date(today - Duration::days(40)),
        ..Default::default()
    };
    let (_, app) = r.add_candidate(&input, vacancy, Link::New)?;
    let criteria = r.vacancy(vacancy)?.criteria;
    let answers: Vec<(i64, Answer, String)> = criteria
        .iter()
        .map(|c| (c.id, Answer::Met, String::new()))
        .collect();
    r.set_screening(app, &answers)?;
    for s in [
        Stage::Screened,
        Stage::Phone,
        Stage::Interview,
        Stage::Assessment,
        Stage::References,
        Stage::Offer,
    ] {
        r.move_stage(app, s, "")?;
    }
    r.hire(
        app,
        &HireInput {
            start_date: format_date(monday_after(today, 14)),
            category: "blue_collar".into(),
            ..Default::default()
        },
    )?;
    // Received, screened, phone, interview, assessment, references, offer, hired.
    let dates: Vec<NaiveDate> = [40, 37, 34, 29, 25, 21, 16, 12]
        .iter()
        .map(|d| today - Duration::days(*d))
        .collect();
    r.backdate_moves(app, &dates)?;
    Ok(app)
}

/// The phone preselection of an application: the answers in the order of the vacancy's questions.
fn call(store: &Store, app: i64, said: &[&str], on: NaiveDate, by: &str) -> Result<()> {
    let r = store.recruitment();
    let answers: Vec<(i64, String)> = r
        .questionnaire(app)?
        .iter()
        .zip(said)
        .map(|(q, a)| (q.question_id, a.to_string()))
        .collect();
    r.answer_questions_on(app, &answers, by, on)
}

/// An interview held `days_back` working days ago with the feedback of each interviewer:
/// (employee, recommendation, scores in the order of the criteria, note).
fn held(
    store: &Store,
    today: NaiveDate,
    app: i64,
    days_back: u32,
    feedback: &[(i64, Recommendation, &[u8], &str)],
) -> Result<()> {
    let r = store.recruitment();
    let row = r.plan_interview(&InterviewInput {
        application_id: app,
        assessment: false,
        start: working_day_back(today, days_back, 14),
        minutes: 60,
        place: "Vergaderzaal werkplaats".into(),
        interviewers: feedback.iter().map(|f| f.0).collect(),
        override_reason: String::new(),
    })?;
    let criteria = r.vacancy(r.application(app)?.vacancy_id)?.criteria;
    for (who, rec, scores, note) in feedback {
        let scores: Vec<(i64, u8)> = criteria
            .iter()
            .map(|c| c.id)
            .zip(scores.iter().copied())
            .collect();
        r.add_feedback(row.id, *who, *rec, note, &scores)?;
    }
    Ok(())
}

/// `apps`: the CNC applications of the demo in the order of its people (Marc Dubois at 3, Jelle
/// Aerts 4, Dimitri Wuyts 5, Ilse Vandenberghe 6, Nicolas Lemaire 7).
pub fn load(store: &Store, today: NaiveDate, vacancy: i64, apps: &[i64]) -> Result<()> {
    let id = |n: &str| store.employees().by_number(n).map(|e| e.id);
    let (production, hr) = (id("E0003")?, id("E0002")?);
    let hired = hire(store, today, vacancy)?;
    let sofie = "Sofie De Smet";
    let day = |n: i64| today - Duration::days(n);
    call(
        store,
        hired,
        &["Binnen drie weken", "Ja", "Fanuc 0i, Heidenhain"],
        day(34),
        sofie,
    )?;
    call(
        store,
        apps[3],
        &["Onmiddellijk", "Liever enkel vroege ploeg"],
        day(1),
        sofie,
    )?;
    call(
        store,
        apps[5],
        &["Na één maand opzeg", "Ja", "Fanuc"],
        day(12),
        sofie,
    )?;
    call(
        store,
        apps[6],
        &["1 december", "Ja", "Heidenhain iTNC 530"],
        day(14),
        sofie,
    )?;
    call(
        store,
        apps[7],
        &["Begin januari", "Ja", "Siemens en Fanuc"],
        day(15),
        sofie,
    )?;
    use Recommendation::{Hire, Maybe};
    held(
        store,
        today,
        apps[5],
        6,
        &[
            (
                production,
                Hire,
                &[5, 4, 3, 4],
                "Kent de machines, rustig en precies.",
            ),
            (
                hr,
                Maybe,
                &[5, 4, 3, 3],
                "Vraagt veel over de ploegenpremie.",
            ),
        ],
    )?;
    held(
        store,
        today,
        apps[6],
        8,
        &[(
            production,
            Hire,
            &[5, 5, 4, 4],
            "Sterkste kandidaat tot nu toe.",
        )],
    )?;
    held(
        store,
        today,
        apps[7],
        9,
        &[
            (
                production,
                Hire,
                &[4, 4, 4, 3],
                "Goede programmeur, Frans als moedertaal: geen probleem op de vloer.",
            ),
            (hr, Hire, &[4, 4, 4, 3], ""),
        ],
    )?;
    Ok(())
}
