use super::*;
use crate::domain::leave::sickness::{SickCause, sample_spell};
use crate::domain::today::Urgency;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 23)
}

fn person(id: i64, name: &str) -> PersonRef {
    PersonRef {
        id,
        number: format!("E{id:03}"),
        name: name.into(),
    }
}

#[test]
fn a_contract_ending_is_due_on_its_end_and_overdue_after_it() {
    let a = contract_ends(
        ContractFact {
            person: person(1, "An"),
            kind: ContractKind::FixedTerm,
            end: d(2026, 12, 1),
        },
        today(),
    );
    assert_eq!(a.due, d(2026, 12, 1));
    assert_eq!(a.urgency, Urgency::Later);
    assert_eq!(
        a.place,
        Place::Dossier {
            employee_id: 1,
            part: DossierPart::Employment
        }
    );
    let b = contract_ends(
        ContractFact {
            person: person(1, "An"),
            kind: ContractKind::Student,
            end: d(2026, 11, 20),
        },
        today(),
    );
    assert_eq!(b.urgency, Urgency::Overdue);
    assert!(ends_by_itself(ContractKind::Replacement));
    assert!(!ends_by_itself(ContractKind::Indefinite));
}

#[test]
fn only_the_missing_hiring_documents_show_due_on_the_first_day() {
    let h = HireFact {
        person: person(2, "Bart"),
        start: d(2026, 11, 25),
        has_signed_contract: true,
        has_work_rules_receipt: false,
    };
    let got = hire_documents(h.clone(), today());
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].what,
        Due::DocumentMissing {
            kind: DocumentKind::WorkRulesReceipt,
            start: d(2026, 11, 25)
        }
    );
    assert_eq!(got[0].urgency, Urgency::ThisWeek);
    let both = HireFact {
        has_signed_contract: false,
        ..h.clone()
    };
    assert_eq!(hire_documents(both, today()).len(), 2);
    let none = HireFact {
        has_work_rules_receipt: true,
        ..h
    };
    assert!(hire_documents(none, today()).is_empty());
}

#[test]
fn sickness_shows_the_ongoing_spell_and_the_overdue_certificate() {
    // Sick since Monday 16/11 without a certificate: due Wednesday 18/11, overdue on 23/11.
    let spell = sample_spell(d(2026, 11, 16), None, SickCause::Illness);
    let got = sickness(
        SpellFact {
            person: person(3, "Chris"),
            spell_id: 9,
            spell: spell.clone(),
        },
        today(),
    );
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].what,
        Due::CertificateMissing {
            since: d(2026, 11, 16)
        }
    );
    assert_eq!(got[0].due, d(2026, 11, 18));
    assert_eq!(got[0].urgency, Urgency::Overdue);
    assert_eq!(got[1].due, today(), "no expected return: due today");
    // With the certificate in and an expected return that passed: only the ongoing spell, overdue.
    let handed_in = SickSpell {
        certificate: Some(d(2026, 11, 17)),
        expected_return: Some(d(2026, 11, 21)),
        ..spell.clone()
    };
    let got = sickness(
        SpellFact {
            person: person(3, "Chris"),
            spell_id: 9,
            spell: handed_in,
        },
        today(),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].urgency, Urgency::Overdue);
    // A spell that ended last week with its certificate: nothing.
    let over = SickSpell {
        certificate: Some(d(2026, 11, 17)),
        ..sample_spell(d(2026, 11, 16), Some(d(2026, 11, 18)), SickCause::Illness)
    };
    assert!(
        sickness(
            SpellFact {
                person: person(3, "Chris"),
                spell_id: 9,
                spell: over
            },
            today()
        )
        .is_empty()
    );
}

#[test]
fn replacement_days_warn_from_the_first_of_november_until_set() {
    assert!(replacement_days(2027, 2, d(2026, 10, 31)).is_none());
    let a = replacement_days(2027, 2, d(2026, 11, 1)).unwrap();
    assert_eq!(a.due, d(2026, 12, 15));
    assert_eq!(a.place, Place::CompanyDays { year: 2027 });
    assert!(replacement_days(2027, 0, today()).is_none());
}

#[test]
fn payroll_of_last_month_is_due_on_the_fifth() {
    assert_eq!(last_month(today()), (2026, 10));
    assert_eq!(last_month(d(2027, 1, 3)), (2026, 12));
    let a = payroll_export(2026, 12, d(2027, 1, 3)).unwrap();
    assert_eq!(a.due, d(2027, 1, 5));
    assert_eq!(a.urgency, Urgency::ThisWeek);
}

#[test]
fn the_list_puts_the_earliest_due_first_and_legal_deadlines_before_paperwork() {
    let facts = TodayFacts {
        contracts: vec![ContractFact {
            person: person(1, "An"),
            kind: ContractKind::FixedTerm,
            end: d(2026, 12, 10),
        }],
        requests: vec![RequestFact {
            person: person(2, "Bart"),
            request_id: 4,
            leave_type: "Vakantie".into(),
            from: d(2026, 11, 30),
            to: d(2026, 12, 4),
        }],
        dimona: vec![DimonaFact {
            person: person(5, "Eva"),
            kind: DimonaDue::In,
            deadline: d(2026, 11, 30),
        }],
        replacements: Some((2027, 1)),
        ..TodayFacts::default()
    };
    let list = attention(facts, today(), 7);
    let order: Vec<&str> = list
        .items
        .iter()
        .map(|a| match &a.what {
            Due::Dimona { .. } => "dimona",
            Due::LeaveWaiting { .. } => "leave",
            Due::ContractEnds { .. } => "contract",
            Due::ReplacementDays { .. } => "replacement",
            _ => "other",
        })
        .collect();
    assert_eq!(order, ["dimona", "leave", "contract", "replacement"]);
    assert_eq!(list.overdue(), 0);
}

#[test]
fn facts_reach_the_cap_when_any_one_rule_is_full() {
    let request = |id| RequestFact {
        person: person(id, "Nadia"),
        request_id: id,
        leave_type: "legal".into(),
        from: d(2026, 12, 1),
        to: d(2026, 12, 2),
    };
    let mut facts = TodayFacts {
        requests: (0..3).map(request).collect(),
        ..TodayFacts::default()
    };
    assert!(!facts.reached(4));
    facts.requests.push(request(9));
    assert!(facts.reached(4));
}
