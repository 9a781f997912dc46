use super::*;
use crate::domain::input::TextInput;
use crate::domain::leave::rules::ymd;
use crate::i18n::{I18n, Lang};

use super::sample_spell as spell;

fn ill(start: NaiveDate, end: NaiveDate) -> SickSpell {
    spell(start, Some(end), SickCause::Illness)
}

fn input(start: &str, end: &str) -> SickSpellInput {
    SickSpellInput {
        start: start.into(),
        end: end.into(),
        ..Default::default()
    }
}

const EMPLOYED: (NaiveDate, Option<NaiveDate>) =
    (NaiveDate::from_ymd_opt(2020, 1, 6).unwrap(), None);

fn validate(
    i: &SickSpellInput,
    existing: &[(i64, SickSpell)],
) -> Result<SickSpell, ValidationErrors> {
    i.validate(existing, &LeaveRules::default(), EMPLOYED)
}

#[test]
fn a_plain_spell_validates() {
    let mut i = input("02/03/2026", "06/03/2026");
    i.cause = "work_accident".into();
    i.certificate = "03/03/2026".into();
    i.note = " knee ".into();
    let s = validate(&i, &[]).unwrap();
    assert_eq!(s.start, ymd(2026, 3, 2));
    assert_eq!(s.end, Some(ymd(2026, 3, 6)));
    assert_eq!(s.cause, SickCause::WorkAccident);
    assert_eq!(s.certificate, Some(ymd(2026, 3, 3)));
    assert_eq!(s.note, "knee");
    assert_eq!(
        SickSpellInput::from_spell(&s).validate(&[], &LeaveRules::default(), EMPLOYED),
        Ok(s)
    );
}

#[test]
fn field_errors_name_their_field() {
    let mut i = input("", "soon");
    i.cause = "flu".into();
    i.certificate_free = "maybe".into();
    let e = validate(&i, &[]).unwrap_err();
    assert_eq!(e.for_field("start").unwrap().key, "err.required");
    assert_eq!(e.for_field("end").unwrap().key, "err.date");
    assert_eq!(e.for_field("cause").unwrap().key, "err.choice");
    assert_eq!(e.for_field("certificate_free").unwrap().key, "err.yes_no");
    let e = validate(&input("10/03/2026", "09/03/2026"), &[]).unwrap_err();
    assert_eq!(e.for_field("end").unwrap().key, "err.end_before_start");
    let mut i = input("10/03/2026", "");
    i.expected_return = "10/03/2026".into();
    let e = validate(&i, &[]).unwrap_err();
    assert_eq!(
        e.for_field("expected_return").unwrap().key,
        "err.return_not_after_start"
    );
}

#[test]
fn overlapping_spells_are_refused_with_their_dates() {
    let existing = [
        (1, ill(ymd(2026, 2, 2), ymd(2026, 2, 6))),
        (2, spell(ymd(2026, 4, 1), None, SickCause::Illness)),
    ];
    let e = validate(&input("05/02/2026", "10/02/2026"), &existing).unwrap_err();
    let err = e.for_field("start").unwrap();
    assert_eq!(err.key, "err.sick_overlap");
    assert!(err.args.contains(&("start", "02/02/2026".into())));
    assert!(err.args.contains(&("end", "06/02/2026".into())));
    let e = validate(&input("01/03/2026", ""), &existing).unwrap_err();
    assert_eq!(
        e.for_field("start").unwrap().key,
        "err.sick_overlap_ongoing"
    );
    assert!(validate(&input("09/02/2026", "10/02/2026"), &existing).is_ok());
    // An end date that does not parse is reported as such, not as a spell still running.
    let e = validate(&input("09/02/2026", "1/3"), &existing).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].key, "err.date");
}

#[test]
fn spells_must_lie_within_the_employment() {
    let rules = LeaveRules::default();
    let employment = (ymd(2025, 9, 1), Some(ymd(2026, 6, 30)));
    let check = |i: SickSpellInput| i.validate(&[], &rules, employment).unwrap_err().0[0].clone();
    let e = check(input("29/08/2025", "02/09/2025"));
    assert_eq!((e.field, e.key), ("start", "err.before_employment"));
    assert_eq!(e.args, vec![("start", "01/09/2025".to_string())]);
    let e = check(input("01/07/2026", ""));
    assert_eq!((e.field, e.key), ("start", "err.after_employment"));
    let e = check(input("29/06/2026", "02/07/2026"));
    assert_eq!((e.field, e.key), ("end", "err.after_employment"));
}

fn free(start: NaiveDate) -> SickSpell {
    SickSpell {
        certificate_free: true,
        ..ill(start, start)
    }
}

fn free_input(day: &str) -> SickSpellInput {
    SickSpellInput {
        certificate_free: "yes".into(),
        ..input(day, day)
    }
}

#[test]
fn certificate_free_days_are_counted_per_calendar_year() {
    // 2025: three allowed.
    let used_2025: Vec<(i64, SickSpell)> = [3, 5, 7]
        .iter()
        .map(|m| (*m, free(ymd(2025, *m as u32, 10))))
        .collect();
    let e = validate(&free_input("10/11/2025"), &used_2025).unwrap_err();
    let err = e.for_field("certificate_free").unwrap();
    assert_eq!(err.key, "err.certificate_free_used_up");
    assert_eq!(
        err.args,
        vec![("used", "3".to_string()), ("max", "3".to_string())]
    );
    assert!(validate(&free_input("10/11/2025"), &used_2025[..2]).is_ok());
    // 2026: two allowed; the 2025 ones do not count.
    let mut two = used_2025.clone();
    two.push((8, free(ymd(2026, 1, 12))));
    assert!(validate(&free_input("10/02/2026"), &two).is_ok());
    two.push((9, free(ymd(2026, 2, 10))));
    let e = validate(&free_input("10/03/2026"), &two).unwrap_err();
    assert_eq!(
        e.for_field("certificate_free").unwrap().args[1],
        ("max", "2".to_string())
    );
    let spells: Vec<SickSpell> = two.into_iter().map(|(_, s)| s).collect();
    assert_eq!(certificate_free_used(&spells, 2026), 2);
    assert_eq!(
        certificate_free_remaining(&spells, &LeaveRules::default(), 2026),
        0
    );
    assert_eq!(
        certificate_free_remaining(&spells, &LeaveRules::default(), 2025),
        0
    );
    assert_eq!(
        certificate_free_remaining(&spells, &LeaveRules::default(), 2027),
        2
    );
    // Before 28/11/2022 there were none.
    let e = validate(&free_input("10/10/2022"), &[]).unwrap_err();
    assert_eq!(
        e.for_field("certificate_free").unwrap().key,
        "err.certificate_free_used_up"
    );
    assert!(validate(&free_input("29/11/2022"), &[]).is_ok());
}

#[test]
fn certificate_free_needs_a_first_day_and_no_company_rule_against_it() {
    let existing = [(1, ill(ymd(2026, 3, 2), ymd(2026, 3, 4)))];
    let e = validate(&free_input("05/03/2026"), &existing).unwrap_err();
    assert_eq!(e.0[0].key, "err.certificate_free_not_first_day");
    let strict = LeaveRules {
        always_require_certificate: true,
        ..LeaveRules::default()
    };
    let e = free_input("10/03/2026")
        .validate(&[], &strict, EMPLOYED)
        .unwrap_err();
    assert_eq!(e.0[0].key, "err.certificate_required");
    assert_eq!(certificate_free_remaining(&[], &strict, 2026), 0);
}

#[test]
fn relapse_window_2025_is_14_days() {
    let rules = LeaveRules::default();
    let prev = [ill(ymd(2025, 3, 1), ymd(2025, 3, 10))];
    let at = |d| possible_relapse(&prev, d, SickCause::Illness, &rules);
    assert_eq!(at(ymd(2025, 3, 24)), Some(0), "14 days after the last day");
    assert_eq!(at(ymd(2025, 3, 25)), None);
    assert_eq!(at(ymd(2025, 3, 11)), Some(0), "the very next day");
}

#[test]
fn relapse_window_2026_is_8_weeks() {
    let rules = LeaveRules::default();
    let prev = [ill(ymd(2026, 3, 1), ymd(2026, 3, 10))];
    let at = |d| possible_relapse(&prev, d, SickCause::PrivateAccident, &rules);
    assert_eq!(at(ymd(2026, 5, 5)), Some(0), "56 days after the last day");
    assert_eq!(at(ymd(2026, 5, 6)), None);
    // The window follows the new spell's start: a spell ending in 2025 gets the 2026 window.
    let late_2025 = [ill(ymd(2025, 12, 1), ymd(2025, 12, 20))];
    assert_eq!(
        possible_relapse(&late_2025, ymd(2026, 1, 20), SickCause::Illness, &rules),
        Some(0)
    );
}

#[test]
fn relapses_stay_within_one_payer() {
    let rules = LeaveRules::default();
    let prev = [
        spell(
            ymd(2026, 1, 5),
            Some(ymd(2026, 1, 20)),
            SickCause::WorkAccident,
        ),
        ill(ymd(2026, 2, 2), ymd(2026, 2, 6)),
        spell(ymd(2026, 3, 2), None, SickCause::Illness),
    ];
    let day = ymd(2026, 2, 20);
    assert_eq!(
        possible_relapse(&prev, day, SickCause::Illness, &rules),
        Some(1)
    );
    assert_eq!(
        possible_relapse(&prev, day, SickCause::WorkAccident, &rules),
        Some(0)
    );
    assert_eq!(
        possible_relapse(&prev, day, SickCause::OccupationalDisease, &rules),
        None
    );
    assert_eq!(
        possible_relapse(&prev, day, SickCause::Prophylactic, &rules),
        None
    );
}

#[test]
fn confirming_the_same_illness_links_the_spell() {
    let existing = [(41, ill(ymd(2026, 2, 2), ymd(2026, 2, 6)))];
    let mut i = input("20/02/2026", "");
    i.same_illness = "ja".into();
    assert_eq!(validate(&i, &existing).unwrap().relapse_of, Some(41));
    let mut far = input("20/06/2026", "");
    far.same_illness = "oui".into();
    let e = validate(&far, &existing).unwrap_err();
    let err = e.for_field("same_illness").unwrap();
    assert_eq!(
        (err.key, &err.args[0]),
        ("err.no_relapse_candidate", &("days", "56".to_string()))
    );
    i.same_illness = "no".into();
    assert_eq!(validate(&i, &existing).unwrap().relapse_of, None);
}

#[test]
fn guaranteed_salary_of_a_first_spell_and_a_relapse() {
    let rules = LeaveRules::default();
    let first = ill(ymd(2026, 3, 1), ymd(2026, 3, 10));
    let g = guaranteed_salary(&first, &[], &rules);
    assert_eq!(
        g,
        GuaranteedSalary {
            days_used_before: 0,
            ends_on: Some(ymd(2026, 3, 10)),
            handed_over: false
        }
    );
    let long = spell(ymd(2026, 3, 1), None, SickCause::Illness);
    assert_eq!(
        guaranteed_salary(&long, &[], &rules).ends_on,
        Some(ymd(2026, 3, 30))
    );
    assert!(
        !guaranteed_salary(&long, &[], &rules).handed_over,
        "open, no expected return"
    );
    let expected = SickSpell {
        expected_return: Some(ymd(2026, 4, 15)),
        ..long.clone()
    };
    assert!(guaranteed_salary(&expected, &[], &rules).handed_over);

    let relapse = ill(ymd(2026, 3, 20), ymd(2026, 4, 30));
    let g = guaranteed_salary(&relapse, std::slice::from_ref(&first), &rules);
    assert_eq!(g.days_used_before, 10);
    assert_eq!(g.ends_on, Some(ymd(2026, 4, 8)));
    assert!(g.handed_over);

    let month = ill(ymd(2026, 1, 1), ymd(2026, 2, 15));
    let g = guaranteed_salary(&relapse, &[month], &rules);
    assert_eq!(
        (g.days_used_before, g.ends_on, g.handed_over),
        (30, None, true)
    );

    let shield = spell(ymd(2026, 3, 1), None, SickCause::Prophylactic);
    assert_eq!(guaranteed_salary(&shield, &[], &rules).ends_on, None);
}

#[test]
fn certificate_due_within_two_working_days() {
    // Thursday 5 March 2026: due by Monday 9 March.
    let s = spell(ymd(2026, 3, 5), None, SickCause::Illness);
    assert!(!missing_certificate(&s, ymd(2026, 3, 9)));
    assert!(missing_certificate(&s, ymd(2026, 3, 10)));
    let received = SickSpell {
        certificate: Some(ymd(2026, 3, 6)),
        ..s.clone()
    };
    assert!(!missing_certificate(&received, ymd(2026, 3, 20)));
    let one_free_day = free(ymd(2026, 3, 5));
    assert!(!missing_certificate(&one_free_day, ymd(2026, 3, 20)));
    // A longer spell still needs a certificate from its second day (Friday): due Tuesday.
    let longer = SickSpell {
        certificate_free: true,
        ..s
    };
    assert!(!missing_certificate(&longer, ymd(2026, 3, 10)));
    assert!(missing_certificate(&longer, ymd(2026, 3, 11)));
}

#[test]
fn absence_days_per_calendar_year() {
    let s = ill(ymd(2025, 12, 20), ymd(2026, 1, 10));
    let today = ymd(2026, 6, 1);
    assert_eq!(absence_days(&s, 2025, today), 12);
    assert_eq!(absence_days(&s, 2026, today), 10);
    assert_eq!(absence_days(&s, 2027, today), 0);
    let open = spell(ymd(2026, 3, 1), None, SickCause::Illness);
    assert_eq!(absence_days(&open, 2026, ymd(2026, 3, 10)), 10);
    assert_eq!(absence_days(&open, 2026, ymd(2026, 2, 10)), 0);
}

#[test]
fn labels_exist_and_field_labels_are_short() {
    for lang in Lang::ALL {
        let t = I18n::new(lang);
        for field in SickSpellInput::fields() {
            let key = format!("field.{field}");
            let label = t.t(&key);
            assert_ne!(label, key, "{}: {key} missing", lang.code());
            assert!(
                label.chars().count() <= 22,
                "{}: {key} = {label:?}",
                lang.code()
            );
        }
    }
    let en = I18n::new(Lang::En);
    for cause in SickCause::ALL {
        assert_ne!(en.t(cause.label_key()), cause.label_key());
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_text(start in "\\PC{0,12}", end in "\\PC{0,12}", free in "\\PC{0,4}", same in "\\PC{0,4}") {
        let i = SickSpellInput { start, end, certificate_free: free, same_illness: same, ..Default::default() };
        let existing = [(1, ill(ymd(2026, 2, 2), ymd(2026, 2, 6)))];
        let _ = validate(&i, &existing);
    }
}

#[test]
fn relapse_chain_follows_the_links_oldest_first() {
    let a = ill(ymd(2026, 1, 5), ymd(2026, 1, 20));
    let b = SickSpell {
        relapse_of: Some(1),
        ..ill(ymd(2026, 2, 2), ymd(2026, 2, 10))
    };
    let unrelated = ill(ymd(2026, 6, 1), ymd(2026, 6, 3));
    let all = vec![(1, a.clone()), (2, b.clone()), (3, unrelated)];
    let c = SickSpell {
        relapse_of: Some(2),
        ..ill(ymd(2026, 3, 2), ymd(2026, 3, 6))
    };
    assert_eq!(relapse_chain(&all, &c), vec![a.clone(), b]);
    assert!(relapse_chain(&all, &a).is_empty());
    // A damaged loop of links ends instead of running forever.
    let looped = vec![(
        1,
        SickSpell {
            relapse_of: Some(1),
            ..a.clone()
        },
    )];
    let start = SickSpell {
        relapse_of: Some(1),
        ..a
    };
    assert_eq!(relapse_chain(&looped, &start).len(), 1);
}
