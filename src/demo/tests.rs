use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::domain::date::{format_date, parse_date};

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

const TODAY: &str = "12/05/2026";

/// Everything the store and the screens rely on, for one person; the error names the person.
fn check(p: &DemoPerson, today: NaiveDate) -> Result<(), String> {
    let e = &p.employee;
    let who = format!("{} {} {}", e.number, e.first_name, e.last_name);
    let fail = |what: String| Err(format!("{who}: {what}"));
    // The store resolves managers; here any non-empty manager stands for an existing one.
    let manager = (!e.manager.is_empty()).then_some(1);
    let data = e
        .validate(manager)
        .map_err(|x| format!("{who}: employee: {x}"))?;
    if e.status == "left" {
        return fail("status left".into());
    }
    if (data.start_date > today) != (e.status == "hired") {
        return fail(format!("status {} with start {}", e.status, e.start_date));
    }
    if let Some(r) = &data.rrn {
        let seq: u16 = r[6..9].parse().unwrap();
        if (seq % 2 == 1) != (e.sex == "m") {
            return fail(format!("sequence {seq} does not match sex {}", e.sex));
        }
    }
    let work_mail_ok = e.email_work.is_empty()
        || (e.email_work.is_ascii() && e.email_work.ends_with("@demometaal.be"));
    if !work_mail_ok {
        return fail(format!("work e-mail {}", e.email_work));
    }

    // Contracts: oldest first, no overlap, signed before they start, the first one opens the employment.
    if p.contracts.is_empty() {
        return fail("no contract".into());
    }
    let mut contracts = Vec::new();
    for c in &p.contracts {
        contracts.push(c.validate().map_err(|x| format!("{who}: contract: {x}"))?);
    }
    if contracts[0].start != data.start_date {
        return fail("first contract does not start on the start date".into());
    }
    for w in contracts.windows(2) {
        match w[0].end {
            Some(end) if end < w[1].start => {}
            _ => return fail("contracts overlap or are out of order".into()),
        }
    }
    for c in &contracts {
        match c.signed_on {
            Some(s) if s <= c.start && s <= today => {}
            _ => {
                return fail(format!(
                    "contract of {} signed too late or not at all",
                    c.start
                ));
            }
        }
    }
    let last = contracts.last().unwrap();

    match &p.departure {
        Some(d) => {
            let dep = d
                .validate(data.start_date)
                .map_err(|x| format!("{who}: departure: {x}"))?;
            if dep.end_date >= today || last.end != Some(dep.end_date) {
                return fail(
                    "departure not in the past or not at the end of the last contract".into(),
                );
            }
        }
        None => {
            if last.end.is_some_and(|end| end < today) {
                return fail("still employed without a running contract".into());
            }
        }
    }
    let until = p
        .departure
        .as_ref()
        .and_then(|d| parse_date(&d.end_date))
        .unwrap_or(today);

    for c in &p.contacts {
        c.validate().map_err(|x| format!("{who}: contact: {x}"))?;
    }
    let mut kids = 0;
    let mut partner = false;
    for d in &p.dependants {
        let dep = d.validate().map_err(|x| format!("{who}: dependant: {x}"))?;
        if dep.birth_date.is_none_or(|b| b >= today) {
            return fail(format!("dependant {} born in the future", dep.name));
        }
        match d.relation.as_str() {
            "child" if dep.in_charge => kids += 1,
            "partner" => partner = true,
            _ => {}
        }
    }
    if usize::from(data.children_in_charge) != kids {
        return fail("children in charge do not match the dependants".into());
    }
    let with_partner = matches!(
        e.marital_status.as_str(),
        "married" | "cohabiting" | "legal_cohabitant"
    );
    if with_partner != partner {
        return fail(format!("marital status {} vs partner", e.marital_status));
    }
    for j in &p.job_changes {
        let manager = (!j.manager.is_empty()).then_some(1);
        let jc = j
            .validate(manager)
            .map_err(|x| format!("{who}: job change: {x}"))?;
        if jc.effective <= data.start_date || jc.effective > until {
            return fail(format!("job change on {}", j.effective));
        }
    }
    for n in &p.notes {
        let note = n.validate().map_err(|x| format!("{who}: note: {x}"))?;
        if note.written_on > today || note.author != "Sofie" {
            return fail("note in the future or not by Sofie".into());
        }
    }
    Ok(())
}

/// Unique numbers and register numbers; every manager is an earlier person.
fn check_company(people: &[DemoPerson], today: NaiveDate) {
    let mut numbers = HashSet::new();
    let mut rrns = HashSet::new();
    for p in people {
        check(p, today).unwrap();
        let e = &p.employee;
        if !e.manager.is_empty() {
            assert!(
                numbers.contains(&e.manager),
                "{}: manager {}",
                e.number,
                e.manager
            );
        }
        assert!(numbers.insert(e.number.clone()), "duplicate {}", e.number);
        if !e.rrn.is_empty() {
            assert!(rrns.insert(e.rrn.clone()), "duplicate rrn {}", e.rrn);
        }
    }
}

fn current(p: &DemoPerson) -> &ContractInput {
    p.contracts.last().unwrap()
}

#[test]
fn the_demo_company_validates_and_has_unique_numbers() {
    let today = day(TODAY);
    let people = demo_company(today);
    check_company(&people, today);
    assert_eq!(people[0].employee.number, "E0001");
    assert_eq!(people[9].employee.number, "E0010");
}

#[test]
fn the_demo_company_stays_valid_whatever_the_day() {
    let mut today = day("01/01/2025");
    while today < day("31/12/2028") {
        check_company(&demo_company(today), today);
        today = days(today, 11);
    }
    for d in [
        "29/02/2028",
        "31/08/2026",
        "01/09/2026",
        "30/06/2026",
        "31/12/2026",
    ] {
        check_company(&demo_company(day(d)), day(d));
    }
}

#[test]
fn the_demo_company_is_about_25_people_with_the_noteworthy_cases() {
    let today = day(TODAY);
    let people = demo_company(today);
    let at_work = people.iter().filter(|p| p.departure.is_none()).count();
    assert!((24..=32).contains(&people.len()), "{}", people.len());
    assert!((22..=28).contains(&at_work), "{at_work}");

    let count = |f: &dyn Fn(&DemoPerson) -> bool| people.iter().filter(|p| f(p)).count();
    let e = |p: &DemoPerson| p.employee.clone();
    let end_in = |p: &DemoPerson| parse_date(&current(p).end).map(|end| (end - today).num_days());
    assert!(count(&|p| p.departure.is_some()) >= 3);
    let ended_by: HashSet<String> = people
        .iter()
        .filter_map(|p| p.departure.as_ref().map(|d| d.ended_by.clone()))
        .collect();
    assert_eq!(ended_by.len(), 4, "{ended_by:?}");
    assert!(count(&|p| current(p).weekly_hours == "30h24") >= 1);
    assert!(count(&|p| current(p).weekly_hours == "19") >= 1);
    let fixed = |p: &DemoPerson| {
        p.departure.is_none() && current(p).kind == "fixed_term" && e(p).category != "intern"
    };
    assert!(count(&fixed) >= 2);
    assert!(count(&|p| fixed(p) && end_in(p).is_some_and(|d| (1..=30).contains(&d))) >= 1);
    assert!(count(&|p| fixed(p) && end_in(p).is_some_and(|d| (45..=75).contains(&d))) >= 1);
    assert!(
        count(&|p| p.contracts.len() >= 2
            && p.contracts[0].kind == "fixed_term"
            && p.contracts[1].kind == "indefinite")
            >= 2
    );
    assert!(count(&|p| current(p).kind == "replacement") >= 1);
    let students = |p: &DemoPerson| e(p).category == "student" && current(p).kind == "student";
    assert_eq!(count(&students), 2);
    for p in people.iter().filter(|p| students(p)) {
        let end = parse_date(&current(p).end).unwrap();
        assert!((6..=8).contains(&end.month()), "student ends {end}");
    }
    let tomorrow = fmt(days(today, 1));
    assert!(count(&|p| students(p) && e(p).status == "hired" && e(p).start_date == tomorrow) == 1);
    assert!(count(&|p| e(p).status == "hired" && e(p).category != "student") >= 1);
    assert_eq!(count(&|p| e(p).category == "intern"), 1);
    assert_eq!(count(&|p| e(p).status == "long_absence"), 1);
    assert!((1..=2).contains(&count(&|p| e(p).rrn.is_empty())));
    assert!(count(&|p| parse_date(&e(p).birth_date).unwrap().year() >= 2000) >= 2);
    assert!(count(&|p| !(e(p).first_name + &e(p).last_name).is_ascii()) >= 4);
    assert!(count(&|p| e(p).language == "fr") >= 3);
    assert_eq!(count(&|p| e(p).language == "en"), 1);
    assert!(count(&|p| !p.job_changes.is_empty()) >= 2);
    assert!(count(&|p| p.notes.iter().any(|n| n.confidential == "ja")) >= 1);
    assert!(count(&|p| !p.contacts.is_empty()) >= people.len() * 3 / 4);
    assert!(count(&|p| e(p).children_in_charge != "0") >= 8);
    assert!(count(&|p| e(p).category == "white_collar" && e(p).joint_committee == "200") >= 6);
    assert!(count(&|p| e(p).category == "blue_collar" && e(p).joint_committee == "111") >= 10);
}

#[test]
fn the_demo_company_is_deterministic_and_moves_with_today() {
    let today = day(TODAY);
    assert_eq!(demo_company(today), demo_company(today));
    let later = demo_company(days(today, 30));
    assert_ne!(demo_company(today), later);
    assert_eq!(
        demo_company(today)
            .iter()
            .map(|p| &p.employee.last_name)
            .collect::<Vec<_>>(),
        later
            .iter()
            .map(|p| &p.employee.last_name)
            .collect::<Vec<_>>()
    );
}

#[test]
fn work_addresses_are_ascii_folded() {
    assert_eq!(
        mail_address("Zoë", "Van Damme", WORK_DOMAIN),
        "zoe.vandamme@demometaal.be"
    );
    assert_eq!(
        mail_address("Ünal", "Çelik", WORK_DOMAIN),
        "unal.celik@demometaal.be"
    );
    assert_eq!(
        mail_address("Mehmet", "Yılmaz", "x.be"),
        "mehmet.yilmaz@x.be"
    );
    assert_eq!(
        mail_address("Łukasz", "Wiśniewski", "x.be"),
        "lukasz.wisniewski@x.be"
    );
    assert_eq!(
        mail_address("Jean-Luc", "D'hondt", "x.be"),
        "jean-luc.dhondt@x.be"
    );
    assert_eq!(
        mail_address("Élodie", "Lefèbvre", "x.be"),
        "elodie.lefebvre@x.be"
    );
}

#[test]
fn the_synthetic_company_validates_with_unique_numbers() {
    let today = day(TODAY);
    let people: Vec<DemoPerson> = synthetic_company(2000, 7, today).collect();
    assert_eq!(people.len(), 2000);
    check_company(&people, today);
    assert_eq!(people[1999].employee.number, "S002000");
    let left = people.iter().filter(|p| p.departure.is_some()).count();
    assert!((100..=220).contains(&left), "{left} left");
    assert!(people.iter().all(|p| (1..=3).contains(&p.contracts.len())));
    for cat in ["white_collar", "blue_collar", "student", "intern"] {
        assert!(people.iter().any(|p| p.employee.category == cat), "{cat}");
    }
    for status in ["hired", "active", "long_absence"] {
        assert!(
            people.iter().any(|p| p.employee.status == status),
            "{status}"
        );
    }
    let departments: HashSet<&str> = people
        .iter()
        .map(|p| p.employee.department.as_str())
        .collect();
    assert_eq!(departments.len(), 30);
    let years: HashSet<i32> = people
        .iter()
        .map(|p| parse_date(&p.employee.start_date).unwrap().year())
        .collect();
    assert!(years.len() >= 28, "start years {years:?}");
    let sequences: HashSet<&str> = people
        .iter()
        .filter(|p| !p.employee.rrn.is_empty())
        .map(|p| &p.employee.rrn[9..12])
        .collect();
    assert!(
        sequences.len() > 300,
        "{} register sequences",
        sequences.len()
    );
}

#[test]
fn the_synthetic_company_depends_only_on_its_inputs() {
    let today = day(TODAY);
    let a: Vec<_> = synthetic_company(300, 42, today).collect();
    assert_eq!(a, synthetic_company(300, 42, today).collect::<Vec<_>>());
    let b: Vec<_> = synthetic_company(300, 43, today).collect();
    assert_ne!(a, b);
    // A prefix of a larger company is the smaller company.
    let longer: Vec<_> = synthetic_company(400, 42, today).take(300).collect();
    assert_eq!(a, longer);
}

#[test]
fn synthetic_register_numbers_stay_unique_at_scale() {
    let today = day(TODAY);
    let mut rrns = HashSet::new();
    for p in synthetic_company(40_000, 3, today) {
        if !p.employee.rrn.is_empty() {
            assert!(rrns.insert(p.employee.rrn), "duplicate rrn");
        }
    }
    assert!(rrns.len() > 39_000);
}

#[test]
fn dates_are_written_as_the_domain_writes_them() {
    let mut d = day("01/01/1940");
    while d < day("31/12/2060") {
        assert_eq!(fmt(d), format_date(d));
        d = days(d, 13);
    }
}

#[test]
fn the_synthetic_history_depends_only_on_its_inputs() {
    let today = day(TODAY);
    let a: Vec<_> = synthetic_history(300, 42, today, 3).collect();
    assert_eq!(a, synthetic_history(300, 42, today, 3).collect::<Vec<_>>());
    assert_ne!(a, synthetic_history(300, 43, today, 3).collect::<Vec<_>>());
    let v = synthetic_vacancies(3000, 42, today, 3);
    assert_eq!(v, synthetic_vacancies(3000, 42, today, 3));
}

/// The earliest and latest day of anything in the history of the first `n` people.
fn history_span(n: usize, years: u32) -> (NaiveDate, NaiveDate) {
    let today = day(TODAY);
    let days_of = synthetic_history(n, 5, today, years).flat_map(|(_, h)| {
        let leave = h
            .leave
            .iter()
            .flat_map(|l| [l.from, l.to])
            .collect::<Vec<_>>();
        let sick = h.sickness.iter().map(|s| s.start).collect::<Vec<_>>();
        leave.into_iter().chain(sick)
    });
    let (mut lo, mut hi) = (NaiveDate::MAX, NaiveDate::MIN);
    for d in days_of {
        lo = lo.min(d);
        hi = hi.max(d);
    }
    (lo, hi)
}

#[test]
fn years_set_how_far_back_the_history_goes() {
    let today = day(TODAY);
    let (lo2, hi2) = history_span(500, 2);
    let (lo5, hi5) = history_span(500, 5);
    assert!(lo2 >= history::span_start(today, 2), "{lo2}");
    assert!(lo2 < history::span_start(today, 1), "{lo2}");
    assert!(lo5 >= history::span_start(today, 5), "{lo5}");
    assert!(lo5 < history::span_start(today, 4), "{lo5}");
    // Planned leave reaches past today, at most to the end of the year.
    assert!(hi2 > today && hi2.year() == today.year(), "{hi2}");
    assert_eq!(hi2, hi5);
    // Vacancies too: those filled lie within the span, some are open today.
    let v = synthetic_vacancies(20_000, 5, today, 2);
    assert!(
        v.iter()
            .all(|v| v.created_on >= history::span_start(today, 2))
    );
    assert!(v.iter().any(|v| v.status == "open"));
    let five = synthetic_vacancies(20_000, 5, today, 5);
    assert!(five.len() > v.len() * 2, "{} vs {}", five.len(), v.len());
}

#[test]
fn history_is_consistent_with_the_employment() {
    let today = day(TODAY);
    for (i, p) in synthetic_company(2000, 9, today).enumerate() {
        let h = history::history(i, &p, 9, today, 4);
        let start = parse_date(&p.employee.start_date).unwrap();
        let end = p.departure.as_ref().and_then(|d| parse_date(&d.end_date));
        for l in &h.leave {
            assert!(l.from >= start && l.to >= l.from && l.minutes > 0, "{l:?}");
            assert!(end.is_none_or(|e| l.to <= e), "{l:?} after {end:?}");
            assert!(l.status == "approved" || l.from > today, "{l:?}");
        }
        for w in h.leave.windows(2) {
            assert!(w[1].from > w[0].to, "overlap {w:?}");
        }
        for s in &h.sickness {
            assert!(s.start >= start && s.start <= today, "{s:?}");
            assert!(s.end.is_none_or(|e| e >= s.start), "{s:?}");
        }
    }
}

#[test]
fn vacancies_walk_candidates_through_the_stages() {
    let today = day(TODAY);
    let v = synthetic_vacancies(30_000, 4, today, 5);
    let all: Vec<_> = v.iter().flat_map(|v| &v.candidates).collect();
    let stage = |s: &str| all.iter().filter(|c| c.stage().0 == s).count();
    assert!(stage("hired") > 0 && stage("rejected") > 0 && stage("withdrawn") > 0);
    assert!(stage("interview") + stage("screened") + stage("offer") > 0);
    for c in &all {
        let rejected = c.stage().0 == "rejected";
        assert_eq!(rejected, !c.reject_reason().is_empty(), "{c:?}");
        assert_eq!(c.purged_on.is_some(), c.first_name.is_empty(), "{c:?}");
        assert!(c.purged_on.is_none_or(|p| p <= today));
        assert!(c.moves.iter().all(|m| m.0 >= c.applied_on && m.0 <= today));
    }
    assert!(all.iter().any(|c| c.purged_on.is_some()));
    assert!(
        v.iter()
            .filter(|v| v.status == "filled")
            .all(|v| v.hired.is_some() && v.candidates[0].stage().0 == "hired")
    );
}
