//! Training for the demo company: a catalogue (first aid, forklift, VCA safety, a language course,
//! Excel, on-the-job welding, dual learning), a year of sessions with attendance, certificates
//! obtained elsewhere (some about to expire, one expired), upcoming sessions (one with a waiting
//! list), needs, requests and talks (one overdue). Everything goes through the same repository calls
//! as the assistant's own input, with dates relative to `today`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{NeedInput, Result, Store};
use crate::domain::date::format_date;
use crate::domain::training::TrainingSettings;
use crate::domain::training::certificate::RecordInput;
use crate::domain::training::course::CourseInput;
use crate::domain::training::session::{Attendance, SessionInput};
use crate::domain::training::talk::TalkInput;

/// The first working day (Monday–Friday) on or after `d`.
fn workday(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d + Duration::days(2),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

/// `n` consecutive working days from `first`, each with the same hours, as the session form takes them.
fn days(first: NaiveDate, n: usize, hours: &str) -> String {
    let mut out = Vec::new();
    let mut d = workday(first);
    while out.len() < n {
        out.push(format!("{} {hours}", format_date(d)));
        d = workday(d + Duration::days(1));
    }
    out.join("; ")
}

impl Store {
    pub fn load_demo_training(&self, today: NaiveDate) -> Result<()> {
        let t = self.training();
        t.save_settings(&TrainingSettings {
            budget_cents: 1_500_000,
            ..Default::default()
        })?;
        let id = |number: &str| self.employees().by_number(number).map(|e| e.id);
        let course = |title: &str,
                      kind: &str,
                      hours: &str,
                      cost: &str,
                      months: &str,
                      jobs: &str,
                      internal: &str,
                      lang: &str| {
            let input = CourseInput {
                title: title.into(),
                kind: kind.into(),
                duration: hours.into(),
                cost: cost.into(),
                certificate_months: months.into(),
                mandatory_for: jobs.into(),
                internal: internal.into(),
                course_language: lang.into(),
                ..Default::default()
            };
            Ok::<i64, super::StoreError>(t.add_course(&input.validate()?)?.id)
        };
        let first_aid = course(
            "EHBO – basisopleiding",
            "formal",
            "15h",
            "180",
            "24",
            "ploegbaas lassen; magazijnverantwoordelijke; verantwoordelijke onderhoud",
            "no",
            "nl",
        )?;
        let forklift = course(
            "Heftruck – opfrissing",
            "formal",
            "7h36",
            "150",
            "60",
            "heftruckchauffeur; magazijnier; magazijnverantwoordelijke",
            "no",
            "nl",
        )?;
        let vca = course(
            "VCA basisveiligheid",
            "formal",
            "8h",
            "120",
            "120",
            "lasser; soudeur; CNC-operator; opérateur CNC; onderhoudstechnieker",
            "no",
            "nl",
        )?;
        let french = course(
            "Frans op de werkvloer",
            "formal",
            "20h",
            "350",
            "",
            "",
            "no",
            "fr",
        )?;
        let excel = course(
            "Excel voor gevorderden",
            "formal",
            "7h",
            "220",
            "",
            "",
            "no",
            "nl",
        )?;
        let tig = course(
            "TIG-lassen: bijscholing op de werkvloer",
            "informal",
            "16h",
            "0",
            "",
            "",
            "yes",
            "nl",
        )?;
        let dual = course(
            "Duaal leren elektromechanica",
            "initial",
            "40h",
            "0",
            "",
            "",
            "yes",
            "nl",
        )?;

        let session = |course: i64,
                       first: NaiveDate,
                       n: usize,
                       hours: &str,
                       capacity: &str,
                       place: &str,
                       trainer: &str| {
            let input = SessionInput {
                course: course.to_string(),
                days: days(first, n, hours),
                place: place.into(),
                trainer: trainer.into(),
                capacity: capacity.into(),
                cost: String::new(),
            };
            t.add_session(&input.validate()?)
        };
        // A session that took place: everyone enrolled, marked present (or absent where given).
        let held = |sid: i64, people: &[(&str, Option<Attendance>)]| -> Result<()> {
            let s = t.session(sid)?;
            for (number, second_day) in people {
                let (en, _) = t.enrol(sid, id(number)?)?;
                for (n, d) in s.data.days.iter().enumerate() {
                    let mark = if n > 0 {
                        second_day.unwrap_or(Attendance::Present)
                    } else {
                        Attendance::Present
                    };
                    t.mark(en, d.date, Some(mark))?;
                }
            }
            Ok(())
        };
        let ago = |days: i64| today - Duration::days(days);
        let s = session(
            vca,
            ago(300),
            1,
            "08:00-16:00",
            "12",
            "Opleidingszaal",
            "Preventa vzw",
        )?;
        held(
            s,
            &[
                ("E0011", None),
                ("E0016", None),
                ("E0012", None),
                ("E0010", None),
            ],
        )?;
        let s = session(
            first_aid,
            ago(240),
            2,
            "08:30-16:00",
            "10",
            "Refter",
            "Rode Kruis Vlaanderen",
        )?;
        held(
            s,
            &[
                ("E0013", None),
                ("E0007", None),
                ("E0006", None),
                ("E0002", Some(Attendance::Absent)),
            ],
        )?;
        let s = session(
            french,
            ago(180),
            3,
            "13:00-19:40",
            "8",
            "Vergaderzaal 1",
            "Linguapro",
        )?;
        held(s, &[("E0003", None), ("E0008", None)])?;
        let s = session(
            excel,
            ago(120),
            1,
            "09:00-16:00",
            "8",
            "Vergaderzaal 1",
            "Cevora",
        )?;
        held(s, &[("E0004", None), ("E0019", None)])?;
        // E0004 evaluated the Excel course; the follow-up three months on is now due (Today).
        if let Some(record) = t.record_of_session(s, id("E0004")?)? {
            let questions = t.settings()?.evaluation_questions;
            let input = crate::domain::training::evaluation::EvaluationInput {
                eval_scores: "4 5 3 5".into(),
                comment: "Draaitabellen meteen gebruikt voor de voorraadlijsten".into(),
            };
            t.evaluate(record, &input.validate(&questions)?)?;
        }
        let s = session(
            tig,
            ago(90),
            2,
            "08:00-16:00",
            "4",
            "Lasatelier",
            "Wim Verstraete",
        )?;
        held(s, &[("E0011", None), ("E0016", None)])?;
        let s = session(
            dual,
            ago(21),
            5,
            "08:00-16:00",
            "2",
            "Onderhoudsatelier",
            "Bart Van den Broeck",
        )?;
        held(s, &[("E0026", None)])?;

        // Certificates obtained elsewhere: two forklift ones and a first-aid one about to expire, a
        // VCA one expired.
        let hand =
            |number: &str, course_id: i64, from: NaiveDate, certificate: &str| -> Result<()> {
                let c = t.course(course_id)?;
                let input = RecordInput {
                    from: format_date(from),
                    certificate_no: certificate.into(),
                    ..Default::default()
                };
                t.add_record(id(number)?, &input.validate(Some(&c))?)?;
                Ok(())
            };
        let months_ago = |m: u32, plus_days: i64| {
            today
                .checked_sub_months(chrono::Months::new(m))
                .unwrap_or(today)
                + Duration::days(plus_days)
        };
        hand("E0015", forklift, months_ago(60, 40), "HT-2021-0448")?;
        hand("E0007", forklift, months_ago(60, 75), "HT-2021-0512")?;
        hand("E0005", first_aid, months_ago(24, 60), "EHBO-7731")?;
        hand("E0013", vca, months_ago(120, -20), "VCA-0093321")?;
        hand("E0020", vca, months_ago(70, 0), "VCA-0071145")?;
        hand("E0021", vca, months_ago(30, 0), "VCA-0088210")?;

        // Upcoming: a forklift refresher for the one whose certificate runs out, a full VCA session
        // with a waiting list, and a first-aid course a request was approved for.
        let s = session(
            forklift,
            today + Duration::days(21),
            1,
            "08:00-15:36",
            "6",
            "Magazijn",
            "Safety Training bv",
        )?;
        t.enrol(s, id("E0015")?)?;
        let s = session(
            vca,
            today + Duration::days(35),
            1,
            "08:00-16:00",
            "2",
            "Opleidingszaal",
            "Preventa vzw",
        )?;
        for n in ["E0022", "E0009", "E0018"] {
            t.enrol(s, id(n)?)?;
        }
        let ehbo = session(
            first_aid,
            today + Duration::days(60),
            2,
            "08:30-16:00",
            "10",
            "Refter",
            "Rode Kruis Vlaanderen",
        )?;
        let approved = t.request(
            id("E0014")?,
            first_aid,
            Some(ehbo),
            "Ik wil EHBO'er worden voor de verkoopafdeling",
        )?;
        t.approve_request(approved, None)?;
        // Pending: the first-aid course, wanted in the coming months (approve on the session below).
        t.add_request(
            id("E0017")?,
            &crate::domain::training::request::RequestData {
                course_id: first_aid,
                session_id: None,
                motivation: "Pour être secouriste à l'atelier".into(),
                wanted_from: Some(today + Duration::days(30)),
                wanted_to: Some(today + Duration::days(120)),
            },
        )?;
        let refused = t.request(id("E0019")?, french, None, "Contact met Waalse klanten")?;
        t.refuse_request(
            refused,
            "Volgend jaar opnieuw bekijken: het budget van dit jaar is verdeeld",
        )?;

        // Talks: a yearly appraisal for most, one overdue, one planned, one return-to-work talk.
        let sections = t.settings()?.talk_sections;
        let talk = |number: &str,
                    date: NaiveDate,
                    kind: &str,
                    held: bool,
                    scores: &str,
                    actions: &str,
                    needs: &str|
         -> Result<()> {
            let input = TalkInput {
                kind: kind.into(),
                date: format_date(date),
                held_by: "Sofie De Smet".into(),
                held: if held { "yes" } else { "no" }.into(),
                scores: scores.into(),
                texts: "Doelen gehaald | Sterk vakmanschap | Goede collega | OK | Wil bijleren"
                    .into(),
                actions: actions.into(),
                needs: needs.into(),
                ..Default::default()
            };
            let (d, needs) = input.validate(&sections)?;
            t.add_talk(id(number)?, &d, &needs)?;
            Ok(())
        };
        let yearly = [
            ("E0001", 40),
            ("E0002", 200),
            ("E0003", 150),
            ("E0004", 90),
            ("E0005", 60),
            ("E0006", 210),
            ("E0007", 120),
            ("E0010", 75),
            ("E0011", 180),
            ("E0012", 300),
            ("E0013", 45),
            ("E0014", 200),
            ("E0015", 160),
            ("E0016", 250),
            ("E0017", 100),
            ("E0019", 20),
            ("E0020", 330),
        ];
        for (n, (number, days_ago)) in yearly.iter().enumerate() {
            let scores = ["4 4 5 4 3", "3 4 4 5 4", "5 4 4 4 5"][n % 3];
            talk(number, ago(*days_ago), "appraisal", true, scores, "", "")?;
        }
        talk(
            "E0008",
            months_ago(14, 0),
            "appraisal",
            true,
            "4 3 4 4 4",
            &format!(
                "Klantenbestand opschonen @ {}",
                format_date(months_ago(11, 0))
            ),
            "",
        )?;
        // E0008's agreed action was carried out; E0014's (below) is still open.
        if let Some(done) = t
            .talks_of(id("E0008")?)?
            .into_iter()
            .find(|k| !k.data.actions.is_empty())
        {
            t.set_action_done(done.id, 0, true)?;
        }
        talk(
            "E0014",
            ago(30),
            "development",
            true,
            "4 4 5 5 4",
            &format!(
                "Excel-opleiding volgen @ {}",
                format_date(today + Duration::days(120))
            ),
            "Excel voor gevorderden",
        )?;
        talk(
            "E0012",
            today + Duration::days(10),
            "development",
            false,
            "",
            "",
            "",
        )?;
        talk(
            "E0020",
            ago(14),
            "return_to_work",
            true,
            "- - - 3 -",
            "Aangepast werk eerste maand",
            "",
        )?;

        // The year's plan: needs from a manager and for a mandatory certificate.
        let year = today.year().to_string();
        let need = |number: &str,
                    course: Option<i64>,
                    description: &str,
                    source: &str,
                    priority: &str|
         -> Result<()> {
            let input = NeedInput {
                training_year: year.clone(),
                course: course.map(|c| c.to_string()).unwrap_or_default(),
                description: description.into(),
                source: source.into(),
                priority: priority.into(),
                cost: String::new(),
            };
            t.add_need(id(number)?, &input, None)?;
            Ok(())
        };
        need("E0018", Some(vca), "", "mandatory", "high")?;
        need("E0010", Some(french), "", "manager", "medium")?;
        need(
            "E0006",
            None,
            "PLC-programmatie (Siemens S7)",
            "manager",
            "medium",
        )?;
        Ok(())
    }
}

impl Store {
    /// Training for the synthetic company (benchmarks): four catalogue courses and one course
    /// followed by each person within the last two years, written by one statement over the staff
    /// so 100 000 people cost well under a second; one audit row says what was generated.
    pub fn load_synthetic_training(&self, seed: u64, today: NaiveDate) -> Result<usize> {
        let t = self.training();
        let mut first = None;
        for (title, kind, hours, cost, months, jobs) in [
            ("EHBO – basisopleiding", "formal", "15h", "180", "24", ""),
            ("Heftruck – opfrissing", "formal", "7h36", "150", "60", ""),
            ("VCA basisveiligheid", "formal", "8h", "120", "120", ""),
            ("Leren op de werkvloer", "informal", "4h", "0", "", ""),
        ] {
            let input = CourseInput {
                title: title.into(),
                kind: kind.into(),
                duration: hours.into(),
                cost: cost.into(),
                certificate_months: months.into(),
                mandatory_for: jobs.into(),
                ..Default::default()
            };
            let id = t.add_course(&input.validate()?)?.id;
            first.get_or_insert(id);
        }
        let first = first.unwrap_or(1);
        let today = crate::domain::date::iso(today);
        self.write(|tx| {
            let n = tx.conn.execute(
                "INSERT INTO training_records (employee_id, course_id, title, kind, from_day, to_day, minutes,
                     cost_cents, expires, counts_for_right)
                 SELECT p.id, c.id, c.title, c.kind, p.day, p.day, c.minutes, c.cost_cents,
                     CASE WHEN c.certificate_months IS NULL THEN NULL
                          ELSE date(p.day, '+' || c.certificate_months || ' months') END, 1
                 FROM (SELECT e.id, e.start_date,
                              date(?1, '-' || ((e.id * 37 + ?2) % 730) || ' days') AS day
                       FROM employees e) p
                 JOIN training_courses c ON c.id = ?3 + (p.id + ?2) % 4
                 WHERE p.day >= p.start_date",
                rusqlite::params![today, (seed % 1000) as i64, first],
            )?;
            tx.audit(
                "training_record",
                0,
                None,
                "generate",
                None::<&()>,
                Some(&serde_json::json!({ "records": n })),
            )?;
            Ok(n)
        })
    }
}
