//! The synthetic company for benchmarks: person `i` depends only on (`i`, `seed`, `today`), so the
//! company can be generated lazily, in any order, and always the same.
//!
//! Persons 0–29 head the 30 departments (the first one runs the company); everyone else reports to the
//! head of their department, so every `manager` is an earlier person.

use chrono::NaiveDate;
use fastrand::Rng;

use super::pools::{
    BANKS, BRUSSELS, BRUSSELS_STREETS, DEPARTMENTS, FIRST_WORKSHOP, FLANDERS, FLEMISH,
    FR_PROVIDERS, FR_STREETS, FRENCH, ITALIAN, MOROCCAN, NL_PROVIDERS, NL_STREETS, Origin, POLISH,
    TURKISH, WALLONIA,
};
use super::{
    DemoPerson, WORK_DOMAIN, children_in_charge, contract_input, days, dependant, fmt,
    mail_address, months, note, push_2, push_mail_part, student_regime, summer_end, years_between,
};
use crate::domain::contract::{ContractInput, DepartureInput};
use crate::domain::employee::EmployeeInput;
use crate::domain::ids::{Iban, Rrn, format_iban, format_rrn};
use crate::domain::records::{ContactInput, DependantInput, JobChangeInput};

/// Birth dates are spread over this many days (ages from about 18½ to 65).
const BIRTH_SPAN: u64 = 17_000;
/// Register sequences come in pairs (odd for men, even for women): 001/002 … 997/998.
const SEQUENCE_PAIRS: u64 = 499;
/// Person `i` takes slot `(i × SLOT_STEP + seed) mod (BIRTH_SPAN × SEQUENCE_PAIRS)`; the slot gives the
/// birth day and the sequence pair. The step is a prime that divides neither span, so the map is a
/// bijection: (birth date, sequence) pairs, and so national register numbers, never repeat for the first
/// 8 483 000 people, whatever the seed, and both dates and sequences look random.
const SLOT_STEP: u64 = 1_000_003;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Regular,
    Student,
    Intern,
}

/// Part-time regimes: weekly hours, Dutch and French schedule.
const PART_TIME: &[(&str, &str, &str)] = &[
    (
        "30h24",
        "ma, di, do, vr 7u36 — woe vrij (4/5)",
        "lu, ma, je, ve 7h36 — me libre (4/5)",
    ),
    (
        "19",
        "ma–vr 8u–11u48 (halftijds)",
        "lu–ve 8h–11h48 (mi-temps)",
    ),
    ("22h48", "ma, di, woe 7u36 (3/5)", "lu, ma, me 7h36 (3/5)"),
    ("28h30", "ma–vr 5u42 (3/4)", "lu–ve 5h42 (3/4)"),
];

/// Full-time schedules: Dutch and French, for the workshop (shifts) and the office.
const WORKSHOP_NL: &[&str] = &[
    "ma–vr 7u36",
    "ma–vr 6u–14u06 (vroege ploeg)",
    "ma–vr 14u–22u06 (late ploeg)",
    "ma–do 8u, vr 5u36",
];
const WORKSHOP_FR: &[&str] = &[
    "lu–ve 7h36",
    "lu–ve 6h–14h06 (équipe du matin)",
    "lu–ve 14h–22h06 (équipe d'après-midi)",
    "lu–je 8h, ve 5h36",
];
const OFFICE_NL: &[&str] = &["ma–vr 8u30–16u36", "ma–vr 8u–16u06", "ma–do 8u, vr 5u36"];
const OFFICE_FR: &[&str] = &["lu–ve 8h30–16h36", "lu–ve 8h–16h06", "lu–je 8h, ve 5h36"];

pub(super) fn person(i: usize, seed: u64, today: NaiveDate) -> DemoPerson {
    let mut rng = Rng::with_seed(splitmix(seed ^ splitmix(i as u64)));
    let rng = &mut rng;
    let head = i < DEPARTMENTS.len();
    let dept_idx = if head {
        i
    } else if rng.u8(..100) < 62 {
        rng.usize(FIRST_WORKSHOP..DEPARTMENTS.len())
    } else {
        rng.usize(..FIRST_WORKSHOP)
    };
    let dept = &DEPARTMENTS[dept_idx];
    let female = rng.u8(..100) < if dept.office { 45 } else { 14 };

    // Where they live decides the language of their documents (and the site they work at).
    let region = rng.u8(..100);
    let (mut lang, street, postal, town) = if region < 58 {
        let (pc, town) = pick(rng, FLANDERS);
        ("nl", pick(rng, NL_STREETS), pc, town)
    } else if region < 80 {
        let (pc, town) = pick(rng, WALLONIA);
        ("fr", pick(rng, FR_STREETS), pc, town)
    } else {
        let (pc, nl, fr) = pick(rng, BRUSSELS);
        let (street_nl, street_fr) = pick(rng, BRUSSELS_STREETS);
        if rng.bool() {
            ("fr", street_fr, pc, fr)
        } else {
            ("nl", street_nl, pc, nl)
        }
    };
    let origin: &Origin = match rng.u8(..100) {
        0..=74 if lang == "fr" => &FRENCH,
        0..=74 => &FLEMISH,
        75..=83 => &MOROCCAN,
        84..=89 => &TURKISH,
        90..=94 => &ITALIAN,
        _ => &POLISH,
    };
    if (origin.gendered_last && rng.u8(..100) < 40) || rng.u8(..100) == 0 {
        lang = "en";
    }
    let french = lang == "fr";
    let first = pick(rng, if female { origin.female } else { origin.male });
    let last_base = pick(rng, origin.last);
    let last = surname(origin, last_base, female);

    // Birth date and register sequence: unique pairs by construction (see SLOT_STEP).
    let slots = BIRTH_SPAN * SEQUENCE_PAIRS;
    let slot = ((i as u64 % slots) * SLOT_STEP + seed % slots) % slots;
    let birth = days(days(months(today, -65 * 12), 1), (slot % BIRTH_SPAN) as i64);
    let sequence = (2 * (slot / BIRTH_SPAN) + 1) as u16 + u16::from(female);
    let age = years_between(birth, today);

    let kind = match rng.u8(..100) {
        _ if head || age > 24 => Kind::Regular,
        0..=19 => Kind::Student,
        20..=26 => Kind::Intern,
        _ => Kind::Regular,
    };
    let start = match kind {
        Kind::Student => days(today, -rng.i64(0..150)),
        Kind::Intern => days(today, -rng.i64(0..60)),
        Kind::Regular if !head && rng.u16(..1000) < 7 => days(today, rng.i64(1..=14)),
        Kind::Regular => {
            let earliest = months(birth, 18 * 12).max(months(today, -30 * 12));
            let latest = if head { months(today, -60) } else { today }.max(earliest);
            days(earliest, rng.i64(0..=(latest - earliest).num_days()))
        }
    };
    let served = (today - start).num_days();
    let leaves = !head && kind == Kind::Regular && served > 60 && rng.u8(..100) < 8;
    let dep_end = leaves.then(|| days(start, rng.i64(30..served)));
    let ended_by = match rng.u8(..100) {
        0..=34 => "employee",
        35..=59 => "employer",
        60..=74 => "mutual",
        _ => "end_of_term",
    };

    let office = dept.office;
    let job = Employment {
        kind,
        start,
        dep_end,
        office,
        head,
        french,
        today,
    };
    let (contracts, ended_by) = contracts(rng, &job, ended_by);

    let status = if start > today {
        "hired"
    } else if !leaves && rng.u16(..1000) < 15 {
        "long_absence"
    } else {
        "active"
    };
    let (category, joint_committee) = match kind {
        Kind::Student => ("student", if office { "200" } else { "111" }),
        Kind::Intern => ("intern", ""),
        Kind::Regular if office => ("white_collar", "200"),
        Kind::Regular => ("blue_collar", "111"),
    };
    let mut job_title = match kind {
        Kind::Student if french => "étudiant jobiste",
        Kind::Student => "jobstudent",
        Kind::Intern if french => "stagiaire",
        Kind::Intern => "stagiair",
        _ if i == 0 && french => "directeur général",
        _ if i == 0 => "algemeen directeur",
        _ if head && french => "chef de service",
        _ if head => "diensthoofd",
        _ if french => dept.title_fr,
        _ => dept.title_nl,
    };
    let manager = match i {
        0 => String::new(),
        _ if head => "S000001".to_string(),
        _ => format!("S{:06}", dept_idx + 1),
    };

    // A transfer or a promotion for some who stayed long enough.
    let limit = dep_end.unwrap_or(today);
    let mut job_changes = Vec::new();
    if kind == Kind::Regular && !head && (limit - start).num_days() > 730 && rng.u8(..100) < 10 {
        let effective = days(start, rng.i64(365..(limit - start).num_days()));
        let note = if rng.bool() {
            job_title = match (office, french) {
                (false, false) => "ploegbaas",
                (true, false) => "teamleider",
                (_, true) => "chef d'équipe",
            };
            if french { "Promotion" } else { "Promotie" }.to_string()
        } else {
            let range = if office {
                0..FIRST_WORKSHOP
            } else {
                FIRST_WORKSHOP..DEPARTMENTS.len()
            };
            let mut from = rng.usize(range.clone());
            if from == dept_idx {
                from = if from + 1 < range.end {
                    from + 1
                } else {
                    range.start + 1
                };
            }
            let from = DEPARTMENTS[from].name;
            if french {
                format!("Transfert depuis {from}")
            } else {
                format!("Overplaatsing van {from}")
            }
        };
        job_changes.push(JobChangeInput {
            effective: fmt(effective),
            department: dept.name.into(),
            job_title: job_title.into(),
            manager: manager.clone(),
            note,
        });
    }

    let (marital, dependants, partner_name) = family(rng, origin, female, birth, last_base, today);
    let kids_in_charge = children_in_charge(&dependants);

    let mut contacts = Vec::new();
    if rng.u8(..100) < 85 {
        let (name, relation) = match partner_name {
            Some(n) => (n, if french { "partenaire" } else { "partner" }),
            None => (
                [pick(rng, origin.female), &surname(origin, last_base, true)].join(" "),
                match lang {
                    "fr" => "mère",
                    "en" => "mother",
                    _ => "moeder",
                },
            ),
        };
        contacts.push(ContactInput {
            name,
            relation: relation.into(),
            phone: mobile(rng),
            email: String::new(),
        });
    }

    let mut notes = Vec::new();
    if rng.u8(..100) < 6 {
        let confidential = rng.u8(..100) < 20;
        let text = match (confidential, french) {
            (true, false) => {
                "Vertrouwelijk gesprek over de werkdruk; opvolging met de vertrouwenspersoon."
            }
            (true, true) => {
                "Entretien confidentiel sur la charge de travail ; suivi avec la personne de confiance."
            }
            (false, false) => pick(rng, NOTES_NL),
            (false, true) => pick(rng, NOTES_FR),
        };
        let written = if start > today {
            days(today, -rng.i64(0..10))
        } else {
            days(limit, -rng.i64(0..=(limit - start).num_days().min(365)))
        };
        notes.push(note(written, confidential, text.into()));
    }

    let departure = dep_end.map(|end| departure(start, end, ended_by, french));

    let birth_place = if !origin.abroad.is_empty()
        && rng.u8(..100) < if origin.gendered_last { 85 } else { 40 }
    {
        pick(rng, origin.abroad)
    } else {
        town
    };
    let nationality = if birth_place != town && rng.u8(..100) < 70 {
        origin.nationality
    } else {
        "BE"
    };
    let rrn = if status == "hired" && rng.bool() {
        String::new()
    } else {
        format_rrn(&Rrn::compose(birth, sequence))
    };
    let iban = if status == "hired" && rng.u8(..100) < 30 {
        String::new()
    } else {
        format_iban(&Iban::belgian(pick(rng, BANKS), rng.u32(..10_000_000)))
    };
    let phone = if rng.u8(..100) < 10 {
        landline(rng, postal)
    } else {
        mobile(rng)
    };
    let email_private = private_mail(rng, first, &last, birth_year2(birth), french);
    let email_work = if kind == Kind::Student {
        String::new()
    } else {
        mail_address(first, &last, WORK_DOMAIN)
    };
    let box_nr = if rng.u8(..100) < 12 {
        rng.u8(1..=6).to_string()
    } else {
        String::new()
    };

    DemoPerson {
        employee: EmployeeInput {
            number: format!("S{:06}", i + 1),
            first_name: first.into(),
            last_name: last,
            preferred_name: String::new(),
            sex: if female { "f" } else { "m" }.into(),
            birth_date: fmt(birth),
            birth_place: birth_place.into(),
            nationality: nationality.into(),
            rrn,
            street: street.into(),
            house_number: rng.u16(1..=250).to_string(),
            box_nr,
            postal_code: postal.into(),
            municipality: town.into(),
            country: "BE".into(),
            phone,
            email_private,
            email_work,
            iban,
            language: lang.into(),
            marital_status: marital.into(),
            children_in_charge: kids_in_charge.to_string(),
            department: dept.name.into(),
            job_title: job_title.into(),
            manager,
            category: category.into(),
            joint_committee: joint_committee.into(),
            start_date: fmt(start),
            seniority_date: fmt(start),
            status: status.into(),
        },
        contracts,
        contacts,
        dependants,
        job_changes,
        notes,
        departure,
        documents: Vec::new(),
    }
}

/// What the contract history depends on.
#[derive(Clone, Copy)]
struct Employment {
    kind: Kind,
    start: NaiveDate,
    /// End of employment for people who left.
    dep_end: Option<NaiveDate>,
    office: bool,
    head: bool,
    french: bool,
    today: NaiveDate,
}

/// The contract history: a student or internship contract, or up to two fixed terms before the last
/// contract (which ends on the departure date for people who left). Returns who ended the employment,
/// corrected to "employee" when the last contract cannot have been a fixed term.
fn contracts(
    rng: &mut Rng,
    job: &Employment,
    mut ended_by: &'static str,
) -> (Vec<ContractInput>, &'static str) {
    let Employment {
        kind,
        start,
        dep_end,
        office,
        head,
        french,
        today,
    } = *job;
    let workplace = if french { "Namur" } else { "Gent" };
    let seniority_years = years_between(start, dep_end.unwrap_or(today)).max(0);
    let mut gross = if office {
        280_000 + i64::from(rng.u16(0..=240)) * 1_000
    } else {
        245_000 + i64::from(rng.u16(0..=110)) * 1_000
    } + i64::from(seniority_years.min(30)) * 1_500;
    if head {
        gross += 150_000;
    }
    let signed = |rng: &mut Rng, s: NaiveDate| days(s, -rng.i64(3..=30)).min(today);
    let mut contracts: Vec<ContractInput> = Vec::with_capacity(3);
    match kind {
        Kind::Student => {
            let (hours, schedule, pay) = student_regime(start, french);
            let end = summer_end(start.max(today));
            let on = signed(rng, start);
            contracts.push(contract_input(
                "student",
                start,
                Some(end),
                hours,
                schedule,
                pay,
                workplace,
                on,
            ));
        }
        Kind::Intern => {
            let schedule = if french {
                "lu–ve 7h36 (stage)"
            } else {
                "ma–vr 7u36 (stage)"
            };
            let on = signed(rng, start);
            contracts.push(contract_input(
                "fixed_term",
                start,
                Some(days(start, 89)),
                "38",
                schedule,
                "",
                workplace,
                on,
            ));
        }
        Kind::Regular => {
            let full_time = pick(
                rng,
                match (office, french) {
                    (true, true) => OFFICE_FR,
                    (true, false) => OFFICE_NL,
                    (false, true) => WORKSHOP_FR,
                    (false, false) => WORKSHOP_NL,
                },
            );
            let limit = dep_end.unwrap_or(today);
            let fixed_terms = match rng.u8(..100) {
                0..=54 => 0,
                55..=84 => 1,
                _ => 2,
            };
            let mut s = start;
            for _ in 0..fixed_terms {
                let next = months(s, if rng.bool() { 6 } else { 12 });
                if next > limit {
                    break;
                }
                let pay = money(gross * 95 / 100);
                let on = signed(rng, s);
                contracts.push(contract_input(
                    "fixed_term",
                    s,
                    Some(days(next, -1)),
                    "38",
                    full_time,
                    &pay,
                    workplace,
                    on,
                ));
                s = next;
            }
            let (kind, end) = match dep_end {
                Some(e) if ended_by == "end_of_term" && (e - s).num_days() <= 366 => {
                    ("fixed_term", Some(e))
                }
                Some(e) => {
                    if ended_by == "end_of_term" {
                        ended_by = "employee";
                    }
                    ("indefinite", Some(e))
                }
                None if (today - s).num_days() < 180 && rng.u8(..100) < 40 => {
                    ("fixed_term", Some(days(months(s, 6), -1)))
                }
                None => ("indefinite", None),
            };
            let (hours, schedule, minutes) = if rng.u8(..100) < 18 {
                let (h, nl, fr) = pick(rng, PART_TIME);
                let minutes = crate::domain::money::parse_minutes(h).unwrap_or(38 * 60);
                (h, if french { fr } else { nl }, minutes)
            } else {
                ("38", full_time, 38 * 60)
            };
            let pay = money(gross * i64::from(minutes) / (38 * 60));
            let on = signed(rng, s);
            contracts.push(contract_input(
                kind, s, end, hours, schedule, &pay, workplace, on,
            ));
        }
    }

    (contracts, ended_by)
}

/// Marital status, partner and children consistent with each other and with the person's age;
/// also the partner's name for the emergency contact.
fn family(
    rng: &mut Rng,
    origin: &Origin,
    female: bool,
    birth: NaiveDate,
    last_base: &str,
    today: NaiveDate,
) -> (&'static str, Vec<DependantInput>, Option<String>) {
    let age = years_between(birth, today);
    let marital = match (age < 25, rng.u8(..100)) {
        (true, 0..=84) => "single",
        (true, _) => "cohabiting",
        (false, 0..=44) => "married",
        (false, 45..=59) => "cohabiting",
        (false, 60..=69) => "legal_cohabitant",
        (false, 70..=87) => "single",
        (false, 88..=97) => "divorced",
        (false, _) => "widowed",
    };
    let mut dependants = Vec::new();
    let mut partner_name = None;
    if matches!(marital, "married" | "cohabiting" | "legal_cohabitant") {
        let p_female = !female;
        let name = [
            pick(rng, if p_female { origin.female } else { origin.male }),
            &surname(origin, pick(rng, origin.last), p_female),
        ]
        .join(" ");
        let p_birth = days(birth, rng.i64(-1500..=1500)).min(days(today, -6000));
        dependants.push(dependant(
            name.clone(),
            "partner",
            p_birth,
            rng.u8(..100) < 8,
        ));
        partner_name = Some(name);
    }
    if age >= 25 {
        let kids = match rng.u8(..100) {
            0..=34 => 0,
            35..=59 => 1,
            60..=87 => 2,
            _ => 3,
        };
        let from = months(birth, 22 * 12);
        let span = (months(birth, 45 * 12).min(today) - from).num_days();
        for _ in 0..kids {
            if span <= 0 {
                break;
            }
            let b = days(from, rng.i64(0..=span));
            let girl = rng.bool();
            let name = [
                pick(rng, if girl { origin.female } else { origin.male }),
                &surname(origin, last_base, girl),
            ]
            .join(" ");
            dependants.push(dependant(name, "child", b, years_between(b, today) < 25));
        }
    }
    (marital, dependants, partner_name)
}

/// The departure of someone who left on `end`, with the notice where one party gave it.
fn departure(start: NaiveDate, end: NaiveDate, ended_by: &str, french: bool) -> DepartureInput {
    let notice = match ended_by {
        "employer" => notice_weeks(start, end, true).to_string(),
        "employee" => notice_weeks(start, end, false).to_string(),
        _ => String::new(),
    };
    let reason = match (ended_by, french) {
        ("employee", false) => "Ontslag door de werknemer",
        ("employee", true) => "Démission",
        ("employer", false) => "Ontslag door de werkgever",
        ("employer", true) => "Licenciement",
        ("mutual", false) => "Beëindiging in onderling akkoord",
        ("mutual", true) => "Rupture de commun accord",
        (_, false) => "Einde contract van bepaalde duur",
        (_, true) => "Fin du contrat à durée déterminée",
    };
    DepartureInput {
        end_date: fmt(end),
        ended_by: ended_by.into(),
        reason: reason.into(),
        notice_weeks: notice,
    }
}

const NOTES_NL: &[&str] = &[
    "Jaarlijks evaluatiegesprek gehouden; doelstellingen voor volgend jaar afgesproken.",
    "Vraagt een opleiding heftruck; inplannen bij de volgende sessie.",
    "Attest van het medisch onderzoek ontvangen.",
    "Adreswijziging doorgegeven aan het sociaal secretariaat.",
    "Interesse in tijdskrediet; infofiche meegegeven.",
];

const NOTES_FR: &[&str] = &[
    "Entretien d'évaluation annuel ; objectifs fixés pour l'an prochain.",
    "Demande une formation cariste ; à planifier à la prochaine session.",
    "Attestation de l'examen médical reçue.",
    "Changement d'adresse communiqué au secrétariat social.",
];

/// Surname in the form for the person's sex (Polish -ski/-cki → -ska/-cka for women).
fn surname(origin: &Origin, base: &str, female: bool) -> String {
    if female && origin.gendered_last && (base.ends_with("ski") || base.ends_with("cki")) {
        let mut s = base[..base.len() - 1].to_string();
        s.push('a');
        s
    } else {
        base.to_string()
    }
}

fn pick<T: Copy>(rng: &mut Rng, list: &[T]) -> T {
    list[rng.usize(..list.len())]
}

/// "+32 4xx xx xx xx", a Belgian mobile number.
fn mobile(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(16);
    s.push_str("+32 4");
    s.push(char::from(b'0' + rng.u8(7..=9)));
    s.push(char::from(b'0' + rng.u8(..10)));
    for _ in 0..3 {
        s.push(' ');
        push_2(&mut s, rng.u32(..100));
    }
    s
}

/// A fixed line in the telephone zone of the postal code: "09 xxx xx xx", "081 xx xx xx"…
fn landline(rng: &mut Rng, postal: &str) -> String {
    let zone = match postal {
        p if p < "1300" => "02",
        p if p < "1500" => "010",
        p if p < "2800" => "03",
        p if p < "3000" => "015",
        p if p < "3500" => "016",
        p if p < "4000" => "011",
        p if p < "5000" => "04",
        p if p < "6000" => "081",
        p if p < "7000" => "071",
        p if p < "8000" => "065",
        p if p < "8400" => "050",
        p if p < "8500" => "059",
        p if p < "8800" => "056",
        p if p < "9000" => "051",
        p if ("9100".."9200").contains(&p) && p != "9160" => "03",
        p if ("9200".."9300").contains(&p) => "052",
        p if ("9300".."9400").contains(&p) => "053",
        _ => "09",
    };
    let mut s = String::with_capacity(12);
    s.push_str(zone);
    s.push(' ');
    if zone.len() == 2 {
        s.push(char::from(b'0' + rng.u8(2..10)));
        push_2(&mut s, rng.u32(..100));
    } else {
        push_2(&mut s, rng.u32(20..100));
    }
    for _ in 0..2 {
        s.push(' ');
        push_2(&mut s, rng.u32(..100));
    }
    s
}

fn birth_year2(birth: NaiveDate) -> u32 {
    use chrono::Datelike;
    (birth.year() % 100) as u32
}

/// first.last@provider, sometimes with the birth year as people do.
fn private_mail(rng: &mut Rng, first: &str, last: &str, year2: u32, french: bool) -> String {
    let provider = pick(rng, if french { FR_PROVIDERS } else { NL_PROVIDERS });
    let mut s = String::with_capacity(first.len() + last.len() + provider.len() + 4);
    push_mail_part(&mut s, first);
    s.push('.');
    push_mail_part(&mut s, last);
    if rng.u8(..100) < 30 {
        use std::fmt::Write;
        let _ = write!(s, "{year2:02}");
    }
    s.push('@');
    s.push_str(provider);
    s
}

/// Notice in weeks under the unified statute (BELGIAN-RULES.md §7), from the seniority at the start of
/// the notice (the notice ends on `end`; computed twice to move the seniority date back by the notice).
fn notice_weeks(start: NaiveDate, end: NaiveDate, by_employer: bool) -> u16 {
    let at = |d: NaiveDate| {
        let m = (d - start).num_days().max(0) * 12 / 365;
        weeks_for(m, by_employer)
    };
    let first = at(end);
    at(days(end, -7 * i64::from(first)))
}

fn weeks_for(months: i64, by_employer: bool) -> u16 {
    let years = months / 12;
    if by_employer {
        match months {
            0..=2 => 1,
            3 => 3,
            4 => 4,
            5 => 5,
            6..=8 => 6,
            9..=11 => 7,
            12..=14 => 8,
            15..=17 => 9,
            18..=20 => 10,
            21..=23 => 11,
            24..=35 => 12,
            36..=47 => 13,
            48..=59 => 15,
            _ if years < 20 => (18 + 3 * (years - 5)) as u16,
            _ => (62 + (years - 20)).min(104) as u16,
        }
    } else {
        match months {
            0..=2 => 1,
            3..=5 => 2,
            6..=11 => 3,
            12..=17 => 4,
            18..=23 => 5,
            24..=47 => 6,
            48..=59 => 7,
            60..=71 => 9,
            72..=83 => 10,
            84..=95 => 12,
            _ => 13,
        }
    }
}

/// SplitMix64 finaliser: spreads (seed, index) over the whole state space of the per-person generator.
fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A monthly amount rounded down to ten euros, written the Belgian way ("3.250,00").
fn money(cents: i64) -> String {
    crate::domain::money::format_cents(cents / 1_000 * 1_000)
}
