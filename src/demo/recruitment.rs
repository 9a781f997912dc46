//! The demo company's recruitment: two open vacancies (a CNC operator in the workshop, an office
//! job) with candidates at every stage of the procedure, interviews coming up with interviewers
//! from the staff, a rejected candidate still waiting for a letter, and an older procedure whose
//! retention date comes up within the month.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::recruitment::{
    Answer, CandidateInput, Channel, ChannelPost, Criterion, Stage, VacancyInput,
};
use crate::store::recruitment::{InterviewInput, Link};
use crate::store::{Store, StoreError};

type Result<T> = std::result::Result<T, StoreError>;

fn criterion(text: &str, req: &str, weight: &str) -> Criterion {
    Criterion::parse(text, req, weight).expect("demo criteria are valid")
}

fn post(channel: Channel, on: NaiveDate) -> ChannelPost {
    ChannelPost {
        id: 0,
        channel,
        published_on: on,
        withdrawn_on: None,
    }
}

/// The working day `n` working days after `today`, at `hour`.
fn working_day(today: NaiveDate, n: u32, hour: u32) -> chrono::NaiveDateTime {
    let mut d = today;
    let mut left = n;
    while left > 0 {
        d += Duration::days(1);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    d.and_hms_opt(hour, 0, 0).unwrap_or_default()
}

struct Person<'a> {
    first: &'a str,
    last: &'a str,
    lang: &'a str,
    source: Channel,
    days_ago: i64,
    stage: Stage,
    /// Screening answers in the order of the vacancy's criteria.
    answers: &'a [Answer],
}

/// Adds a candidate and walks them to `stage` the way the assistant would.
fn add(store: &Store, today: NaiveDate, vacancy: i64, p: &Person<'_>) -> Result<i64> {
    let r = store.recruitment();
    let mail = format!(
        "{}.{}@example.be",
        crate::domain::text::search_key(p.first).replace(' ', ""),
        crate::domain::text::search_key(p.last).replace(' ', "")
    );
    let input = CandidateInput {
        first_name: p.first.into(),
        last_name: p.last.into(),
        email: mail,
        language: p.lang.into(),
        source: p.source.code().into(),
        applied_on: format_date(today - Duration::days(p.days_ago)),
        ..Default::default()
    };
    let (_, app) = r.add_candidate(&input, vacancy, Link::New)?;
    let criteria = r.vacancy(vacancy)?.criteria;
    let answers: Vec<(i64, Answer, String)> = criteria
        .iter()
        .zip(p.answers)
        .map(|(c, a)| (c.id, *a, String::new()))
        .collect();
    if !answers.is_empty() {
        r.set_screening(app, &answers)?;
    }
    let pipeline = r.pipeline()?;
    match p.stage {
        Stage::Rejected => {
            r.move_stage(app, Stage::Screened, "")?;
            r.move_stage(app, Stage::Rejected, "qualification")?;
        }
        Stage::Withdrawn => {
            r.move_stage(app, Stage::Withdrawn, "Heeft elders getekend")?;
        }
        target => {
            let mut at = Stage::Received;
            while at != target {
                match pipeline.next(at) {
                    Some(next) => {
                        r.move_stage(app, next, "")?;
                        at = next;
                    }
                    None => break,
                }
            }
        }
    }
    // The moves spread over the days since the application, as the procedure went.
    let n = r.history(app)?.len() as i64;
    let applied = today - Duration::days(p.days_ago);
    let dates: Vec<NaiveDate> = (0..n)
        .map(|i| applied + Duration::days(p.days_ago * i / n))
        .collect();
    r.backdate_moves(app, &dates)?;
    Ok(app)
}

pub fn load(store: &Store, today: NaiveDate) -> Result<()> {
    let r = store.recruitment();
    let published = today - Duration::days(24);
    let cnc = r.add_vacancy(
        &VacancyInput {
            title: "CNC-operator (m/v/x)".into(),
            department: "Productie".into(),
            reports_to: "E0003".into(),
            contract: "indefinite".into(),
            weekly_hours: "38".into(),
            salary_min: "2900".into(),
            salary_max: "3400".into(),
            start_wanted: format_date(today + Duration::days(40)),
            positions: "2".into(),
            status: "open".into(),
        },
        &[
            criterion("VCA-attest", "required", "3"),
            criterion("Technische tekeningen lezen", "required", "3"),
            criterion("Ervaring met Heidenhain of Fanuc", "nice", "2"),
            criterion("Heftruckattest", "nice", "1"),
        ],
        &[
            post(Channel::Vdab, published),
            post(Channel::Website, published),
            post(Channel::JobSite, published + Duration::days(2)),
        ],
        &[
            "Wanneer kunt u beginnen?".into(),
            "Bent u bereid in twee ploegen te werken?".into(),
            "Met welke sturing hebt u al gewerkt?".into(),
        ],
    )?;
    use Answer::{Met as M, NotMet as N, Unclear as U};
    use Stage::*;
    let people = [
        Person {
            first: "Kevin",
            last: "Goossens",
            lang: "nl",
            source: Channel::Vdab,
            days_ago: 2,
            stage: Received,
            answers: &[],
        },
        Person {
            first: "Yasmina",
            last: "Benali",
            lang: "nl",
            source: Channel::Website,
            days_ago: 1,
            stage: Received,
            answers: &[],
        },
        Person {
            first: "Stijn",
            last: "Michiels",
            lang: "nl",
            source: Channel::JobSite,
            days_ago: 8,
            stage: Screened,
            answers: &[M, M, U, N],
        },
        Person {
            first: "Marc",
            last: "Dubois",
            lang: "fr",
            source: Channel::Vdab,
            days_ago: 12,
            stage: Phone,
            answers: &[M, U, M, M],
        },
        Person {
            first: "Jelle",
            last: "Aerts",
            lang: "nl",
            source: Channel::Website,
            days_ago: 18,
            stage: Interview,
            answers: &[M, M, M, N],
        },
        Person {
            first: "Dimitri",
            last: "Wuyts",
            lang: "nl",
            source: Channel::Vdab,
            days_ago: 20,
            stage: Assessment,
            answers: &[M, M, U, M],
        },
        Person {
            first: "Ilse",
            last: "Vandenberghe",
            lang: "nl",
            source: Channel::Referral,
            days_ago: 22,
            stage: References,
            answers: &[M, M, M, M],
        },
        Person {
            first: "Nicolas",
            last: "Lemaire",
            lang: "fr",
            source: Channel::Vdab,
            days_ago: 23,
            stage: Offer,
            answers: &[M, M, M, U],
        },
        Person {
            first: "Ruben",
            last: "Claes",
            lang: "nl",
            source: Channel::JobSite,
            days_ago: 15,
            stage: Rejected,
            answers: &[N, M, N, N],
        },
        Person {
            first: "Laura",
            last: "Smet",
            lang: "en",
            source: Channel::Website,
            days_ago: 16,
            stage: Withdrawn,
            answers: &[M, U, N, N],
        },
    ];
    let mut apps = Vec::new();
    for p in &people {
        apps.push(add(store, today, cnc.id, p)?);
    }
    // The phone preselection of the candidate who is further along.
    let q = r.questionnaire(apps[4])?;
    let said = [
        "Binnen een maand",
        "Ja, vroege en late ploeg",
        "Heidenhain TNC 640",
    ];
    let answers: Vec<(i64, String)> = q
        .iter()
        .zip(said)
        .map(|(q, a)| (q.question_id, a.into()))
        .collect();
    r.answer_questions(apps[4], &answers, "Sofie De Smet")?;
    let id = |n: &str| store.employees().by_number(n).map(|e| e.id);
    let (production, hr, accounts) = (id("E0003")?, id("E0002")?, id("E0004")?);
    r.plan_interview(&InterviewInput {
        application_id: apps[4],
        assessment: false,
        start: working_day(today, 2, 10),
        minutes: 60,
        place: "Vergaderzaal werkplaats".into(),
        interviewers: vec![production, hr],
        override_reason: String::new(),
    })?;
    r.plan_interview(&InterviewInput {
        application_id: apps[5],
        assessment: true,
        start: working_day(today, 3, 9),
        minutes: 120,
        place: "Werkplaats, CNC-cel 2".into(),
        interviewers: vec![production],
        override_reason: String::new(),
    })?;
    super::recruitment_history::load(store, today, cnc.id, &apps)?;
    r.add_reference(
        apps[6],
        "Geert Verhoeven",
        "Vorige ploegleider",
        "Nauwkeurig, stipt, werkt graag zelfstandig.",
    )?;

    let office = r.add_vacancy(
        &VacancyInput {
            title: "Administratief bediende boekhouding (m/v/x)".into(),
            department: "Administratie".into(),
            reports_to: "E0004".into(),
            contract: "indefinite".into(),
            weekly_hours: "30".into(),
            salary_min: "2700".into(),
            salary_max: "3100".into(),
            start_wanted: format_date(today + Duration::days(60)),
            positions: "1".into(),
            status: "open".into(),
        },
        &[
            criterion("Bachelor boekhouden of gelijkwaardig", "required", "3"),
            criterion("Goede kennis van het Frans", "required", "2"),
            criterion("Ervaring met een boekhoudpakket", "nice", "2"),
        ],
        &[
            post(Channel::Vdab, today - Duration::days(14)),
            post(Channel::LinkedIn, today - Duration::days(14)),
        ],
        &["Hoeveel jaar ervaring hebt u in boekhouding?".into()],
    )?;
    let office_people = [
        Person {
            first: "Hanne",
            last: "Verbruggen",
            lang: "nl",
            source: Channel::LinkedIn,
            days_ago: 3,
            stage: Received,
            answers: &[],
        },
        Person {
            first: "Sophie",
            last: "Leclercq",
            lang: "fr",
            source: Channel::Vdab,
            days_ago: 9,
            stage: Screened,
            answers: &[M, M, U],
        },
        Person {
            first: "Bert",
            last: "Jacobs",
            lang: "nl",
            source: Channel::LinkedIn,
            days_ago: 11,
            stage: Interview,
            answers: &[M, U, M],
        },
    ];
    let mut office_apps = Vec::new();
    for p in &office_people {
        office_apps.push(add(store, today, office.id, p)?);
    }
    r.plan_interview(&InterviewInput {
        application_id: office_apps[2],
        assessment: false,
        start: working_day(today, 4, 14),
        minutes: 45,
        place: "https://meet.example.be/boekhouding".into(),
        interviewers: vec![accounts, hr],
        override_reason: String::new(),
    })?;

    // An older procedure, filled months ago: one candidate not hired, whose data must go soon.
    let old = r.add_vacancy(
        &VacancyInput {
            title: "Magazijnier (m/v/x)".into(),
            department: "Logistiek".into(),
            reports_to: "E0007".into(),
            status: "open".into(),
            ..Default::default()
        },
        &[],
        &[post(Channel::Vdab, today - Duration::days(200))],
        &[],
    )?;
    let gone = add(
        store,
        today,
        old.id,
        &Person {
            first: "Wout",
            last: "De Backer",
            lang: "nl",
            source: Channel::Vdab,
            days_ago: 190,
            stage: Rejected,
            answers: &[],
        },
    )?;
    r.record_letter(gone, "rejection_letter", None)?;
    // Six months without consent: ended 5 months and 10 days ago, the date falls in 3 weeks.
    let ended = today - Duration::days(161);
    r.backdate_end(gone, ended)?;
    let mut closed = VacancyInput::from_data(&r.vacancy(old.id)?.data);
    closed.status = "cancelled".into();
    r.update_vacancy(old.id, &closed)?;
    Ok(())
}
