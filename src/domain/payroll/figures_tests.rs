//! The figures of small fixed cases, worked out by hand in the comments.

use super::*;
use crate::domain::contract::ContractKind;
use crate::domain::leave::leave_type::{Counting, sample};
use crate::domain::leave::request::sample_request;
use crate::domain::leave::schedule::Schedule;
use crate::domain::leave::sickness::{SickCause, sample_spell};
use crate::domain::payroll::lines::{LineKind, PayLine, corrections, lines};

const DAY: u32 = 456;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn november() -> PayMonth {
    PayMonth::new(2026, 11).unwrap()
}

fn types() -> Vec<LeaveType> {
    let mut sickness = sample(3, "sickness", Counting::None);
    sickness.payroll_code = "50".into();
    let mut unpaid = sample(4, "unpaid", Counting::None);
    unpaid.payroll_code = String::new();
    vec![sample(1, "legal", Counting::Annual), sickness, unpaid]
}

fn entry(item: &str, quantity: i64, note: &str) -> HandEntry {
    HandEntry {
        id: 0,
        employee_id: 7,
        item: item.into(),
        quantity,
        note: note.into(),
        reason: String::new(),
    }
}

struct Case {
    schedules: Schedules,
    calendar: HolidayCalendar,
    types: Vec<LeaveType>,
    requests: Vec<LeaveRequest>,
    spells: Vec<(i64, SickSpell)>,
    rules: LeaveRules,
    entries: Vec<HandEntry>,
    contracts: Vec<ContractData>,
    settings: PayrollSettings,
    employment: (NaiveDate, Option<NaiveDate>),
    category: WorkerCategory,
}

impl Case {
    fn new(week: [u32; 7]) -> Case {
        Case {
            schedules: Schedules::new(vec![Schedule::weekly(d(2024, 1, 1), week)]),
            calendar: HolidayCalendar::new(vec![]),
            types: types(),
            requests: vec![],
            spells: vec![],
            rules: LeaveRules::default(),
            entries: vec![],
            contracts: vec![],
            settings: PayrollSettings::default(),
            employment: (d(2024, 1, 1), None),
            category: WorkerCategory::WhiteCollar,
        }
    }

    fn compute(&self, commute_km: Option<u32>, negative_balance: bool) -> EmployeeMonth {
        compute(
            november(),
            &PersonFacts {
                employee_id: 7,
                employment: self.employment,
                schedules: &self.schedules,
                calendar: &self.calendar,
                types: &self.types,
                requests: &self.requests,
                spells: &self.spells,
                rules: &self.rules,
                entries: &self.entries,
                contracts: &self.contracts,
                category: self.category,
                settings: &self.settings,
                commute_km,
                negative_balance,
            },
        )
    }
}

/// A 4/5 part-timer (Monday to Thursday, 7h36) in November 2026:
/// - Monday–Thursday days in November: 5 Mondays + 4 Tuesdays + 4 Wednesdays + 4 Thursdays = 17;
///   Armistice, Wednesday 11/11, is a holiday on one of them: 16 scheduled days, 16 × 7h36 = 121h36,
///   and 1 holiday day of 7h36 (All Saints' Day, Sunday 1/11, is not on a scheduled day).
/// - A morning of annual leave on Tuesday 3/11: 3h48.
/// - Ill Monday 16 to Wednesday 18/11: 3 days, 22h48, all within the guaranteed salary (code 1).
/// - Friday 20/11 of unpaid leave: her free day, costs nothing.
/// - Leave asked for Thursday 26/11, not approved: not counted, a warning.
/// - Worked: 16 − 3 sick = 13 days (the half day still has 3h48 of work);
///   121h36 − 3h48 − 22h48 = 95h = 5700 minutes. 13 meal vouchers.
/// - Two telework days: 11 commuting days, 12 km away: 2 × 12 × 11 = 264 km.
#[test]
fn part_timer_with_a_holiday_a_half_day_and_a_sick_spell() {
    let mut c = Case::new([DAY, DAY, DAY, DAY, 0, 0, 0]);
    let mut half = sample_request(
        1,
        d(2026, 11, 3),
        d(2026, 11, 3),
        228,
        RequestStatus::Approved,
    );
    half.part = DayPart::Morning;
    c.requests = vec![
        half,
        sample_request(
            4,
            d(2026, 11, 20),
            d(2026, 11, 20),
            0,
            RequestStatus::Approved,
        ),
        sample_request(
            1,
            d(2026, 11, 26),
            d(2026, 11, 26),
            DAY,
            RequestStatus::Requested,
        ),
        sample_request(
            1,
            d(2026, 11, 27),
            d(2026, 11, 27),
            DAY,
            RequestStatus::Cancelled,
        ),
    ];
    c.spells = vec![(
        1,
        sample_spell(d(2026, 11, 16), Some(d(2026, 11, 18)), SickCause::Illness),
    )];
    c.entries = vec![
        entry("overtime", 150, ""),
        entry("shift_premium", 12_550, "nights week 47"),
        entry("telework", 2, ""),
    ];
    let m = c.compute(Some(12), false);
    assert_eq!(m.scheduled_minutes, 16 * DAY);
    assert_eq!((m.holiday_days, m.holiday_minutes), (1, DAY));
    assert_eq!((m.worked_days, m.worked_minutes), (13, 5700));
    assert_eq!(
        m.absences,
        vec![
            AbsenceHours {
                code: "1".into(),
                leave_type: "legal".into(),
                guaranteed: false,
                days: 1,
                minutes: 228
            },
            AbsenceHours {
                code: "1".into(),
                leave_type: "sickness".into(),
                guaranteed: true,
                days: 3,
                minutes: 3 * DAY
            },
        ]
    );
    assert_eq!(m.meal_vouchers, 13);
    assert_eq!((m.commuting_days, m.commuting_km), (11, Some(264)));
    assert_eq!(m.warnings, vec![Warning::UnapprovedLeave { requests: 1 }]);
    assert!(m.changes.is_empty());
    // Everything scheduled is worked, absent or a holiday.
    assert_eq!(m.worked_minutes + m.absence_minutes(), m.scheduled_minutes);

    let l = lines(&m, &c.settings);
    let kinds: Vec<(LineKind, &str, i64, i64, i64)> = l
        .iter()
        .map(|l| (l.kind, l.what.as_str(), l.days, l.minutes, l.cents))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (LineKind::Worked, "", 13, 5700, 0),
            (LineKind::Holiday, "", 1, 456, 0),
            (LineKind::Absence, "legal", 1, 228, 0),
            (LineKind::GuaranteedSalary, "sickness", 3, 1368, 0),
            (LineKind::Item, "overtime", 0, 150, 0),
            (LineKind::Item, "shift_premium", 0, 0, 12_550),
            (LineKind::Item, "telework", 2, 0, 0),
            (LineKind::MealVouchers, "", 13, 0, 0),
            (LineKind::Commuting, "", 11, 0, 0),
        ]
    );
    assert_eq!(l[5].note, "nights week 47");
    assert_eq!(l[8].km, 264);
}

/// Full time, ill since Tuesday 20/10/2026 and still ill: the 30 days of guaranteed salary run to
/// Wednesday 18/11. November's 20 working days (21 weekdays less Armistice): 12 up to the 18th under
/// the guaranteed salary (code 1), the 8 after it under sickness (code 50). Nothing worked.
#[test]
fn the_guaranteed_salary_ends_inside_the_month() {
    let mut c = Case::new([DAY, DAY, DAY, DAY, DAY, 0, 0]);
    c.spells = vec![(1, sample_spell(d(2026, 10, 20), None, SickCause::Illness))];
    let m = c.compute(None, true);
    let sick: Vec<(&str, bool, u32, u32)> = m
        .absences
        .iter()
        .map(|a| (a.code.as_str(), a.guaranteed, a.days, a.minutes))
        .collect();
    assert_eq!(
        sick,
        vec![("1", true, 12, 12 * DAY), ("50", false, 8, 8 * DAY)]
    );
    assert_eq!(
        (m.worked_days, m.worked_minutes, m.meal_vouchers),
        (0, 0, 0)
    );
    assert_eq!((m.commuting_days, m.commuting_km), (0, None));
    assert_eq!(m.holiday_days, 1);
    assert_eq!(m.warnings, vec![Warning::NegativeBalance]);
}

/// A starter on Monday 9/11 who moves to a new contract with a raise on Monday 23/11 and leaves on
/// Friday 27/11; an absence of a type without payroll code is flagged.
#[test]
fn changes_of_the_month_and_missing_codes() {
    let mut c = Case::new([DAY, DAY, DAY, DAY, DAY, 0, 0]);
    c.employment = (d(2026, 11, 9), Some(d(2026, 11, 27)));
    c.schedules = Schedules::new(vec![
        Schedule::weekly(d(2026, 11, 9), [DAY, DAY, DAY, DAY, DAY, 0, 0]),
        Schedule::weekly(d(2026, 11, 23), [DAY, DAY, DAY, DAY, 0, 0, 0]),
    ]);
    let contract = |start, kind, gross| ContractData {
        kind,
        start,
        end: None,
        weekly_minutes: 5 * DAY,
        full_time_minutes: 5 * DAY,
        schedule: String::new(),
        gross_monthly_cents: gross,
        workplace: String::new(),
        signed_on: None,
    };
    c.contracts = vec![
        contract(d(2026, 11, 9), ContractKind::FixedTerm, Some(300_000)),
        contract(d(2026, 11, 23), ContractKind::Indefinite, Some(320_000)),
    ];
    c.requests = vec![sample_request(
        4,
        d(2026, 11, 13),
        d(2026, 11, 13),
        DAY,
        RequestStatus::Approved,
    )];
    let m = c.compute(None, false);
    let on = |day| d(2026, 11, day);
    assert_eq!(
        m.changes,
        vec![
            Change::Starter { on: on(9) },
            Change::Salary {
                on: on(9),
                before: None,
                after: Some(300_000)
            },
            Change::Schedule {
                on: on(23),
                weekly_minutes: 4 * DAY
            },
            Change::Salary {
                on: on(23),
                before: Some(300_000),
                after: Some(320_000)
            },
            Change::Contract {
                on: on(23),
                kind: ContractKind::Indefinite
            },
            Change::Leaver { on: on(27) },
        ]
    );
    // 9–27/11: 15 weekdays less Armistice = 14 scheduled, but Friday 27 is free under the new week.
    assert_eq!(m.scheduled_minutes, 13 * DAY);
    assert_eq!(m.worked_days, 12);
    assert_eq!(
        m.warnings,
        vec![Warning::NoPayrollCode {
            leave_type: "unpaid".into()
        }]
    );
    // Before the first day there is no schedule at all.
    c.schedules = Schedules::new(vec![Schedule::weekly(d(2026, 11, 16), [DAY; 7])]);
    assert!(
        c.compute(None, false)
            .warnings
            .contains(&Warning::MissingSchedule)
    );
    // Someone who left before the month has an empty month.
    c.employment = (d(2020, 1, 1), Some(d(2026, 10, 31)));
    let gone = c.compute(None, false);
    assert_eq!(
        (
            gone.scheduled_minutes,
            gone.changes.len(),
            gone.warnings.len()
        ),
        (0, 0, 0)
    );
}

/// Sent, then a sick day recorded later and an entry taken back: the correction is what changed.
#[test]
fn corrections_are_the_difference_with_what_was_sent() {
    let mut c = Case::new([DAY, DAY, DAY, DAY, DAY, 0, 0]);
    c.entries = vec![entry("bonus", 10_000, "")];
    let sent = lines(&c.compute(None, false), &c.settings);
    assert!(corrections(&sent, &sent).is_empty());
    c.entries.clear();
    c.spells = vec![(
        1,
        sample_spell(d(2026, 11, 30), Some(d(2026, 11, 30)), SickCause::Illness),
    )];
    let now = lines(&c.compute(None, false), &c.settings);
    let fix = corrections(&now, &sent);
    let got: Vec<(LineKind, &str, i64, i64, i64)> = fix
        .iter()
        .map(|l| (l.kind, l.what.as_str(), l.days, l.minutes, l.cents))
        .collect();
    assert_eq!(
        got,
        vec![
            (LineKind::Worked, "", -1, -(DAY as i64), 0),
            (LineKind::GuaranteedSalary, "sickness", 1, DAY as i64, 0),
            (LineKind::MealVouchers, "", -1, 0, 0),
            (LineKind::Commuting, "", -1, 0, 0),
            (LineKind::Item, "bonus", 0, 0, -10_000),
        ]
    );
    // Once the correction is sent too, nothing is left to correct.
    let both: Vec<PayLine> = sent.iter().chain(&fix).cloned().collect();
    assert!(corrections(&now, &both).is_empty());
}

/// A blue-collar full-timer ill from Monday 2/11 to Friday 27/11/2026, then a day of legal leave
/// on Monday 30/11. Counting the incapacity's calendar days from 1 on 2/11:
/// - days 1–7 (2–8/11): Monday to Friday, 5 working days under code 1;
/// - days 8–14 (9–15/11): 9, 10, 12 and 13/11 (Armistice, 11/11, is a holiday): 4 days, code 10;
/// - days 15–26 (16–27/11): 10 working days, code 11 (the employer's supplement).
///
/// The legal day is paid by the holiday fund: code 2, not the white-collar code 1.
#[test]
fn a_blue_collar_worker_has_the_codes_of_the_holiday_fund_and_the_guaranteed_weeks() {
    let mut c = Case::new([DAY, DAY, DAY, DAY, DAY, 0, 0]);
    c.category = WorkerCategory::BlueCollar;
    c.spells = vec![(
        1,
        sample_spell(d(2026, 11, 2), Some(d(2026, 11, 27)), SickCause::Illness),
    )];
    c.requests = vec![sample_request(
        1,
        d(2026, 11, 30),
        d(2026, 11, 30),
        DAY,
        RequestStatus::Approved,
    )];
    let codes = |m: &EmployeeMonth| {
        let mut v: Vec<(String, u32)> = m
            .absences
            .iter()
            .map(|a| (a.code.clone(), a.days))
            .collect();
        v.sort();
        v
    };
    let blue = c.compute(None, false);
    assert_eq!(
        codes(&blue),
        vec![
            ("1".into(), 5),
            ("10".into(), 4),
            ("11".into(), 10),
            ("2".into(), 1)
        ]
    );
    c.category = WorkerCategory::WhiteCollar;
    let white = c.compute(None, false);
    assert_eq!(codes(&white), vec![("1".into(), 1), ("1".into(), 19)]);
}
