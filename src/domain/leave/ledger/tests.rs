use proptest::prelude::*;

use super::*;
use crate::domain::leave::entitlement::AllocationBasis;
use crate::domain::leave::rules::{LeaveRules, ymd};

const DAY: i64 = 456;

fn alloc(year: i32, bucket: Bucket, minutes: i64) -> LedgerEntry {
    LedgerEntry::allocation(year, bucket, minutes, ymd(year, 1, 1))
}

fn apply(entries: &mut Vec<LedgerEntry>, rows: impl IntoIterator<Item = LedgerEntry>) {
    entries.extend(rows);
}

#[test]
fn taken_and_planned_split_on_today_and_reversals_net_out() {
    let today = ymd(2026, 3, 10);
    let before = LedgerEntry::taken(2026, Bucket::Legal, ymd(2026, 3, 10), 456, Some(1));
    let after = LedgerEntry::taken(2026, Bucket::Legal, ymd(2026, 3, 11), 228, Some(2));
    let mut entries = vec![
        alloc(2026, Bucket::Legal, 20 * DAY),
        before.clone(),
        after.clone(),
    ];
    let b = balance(&entries, 2026, Bucket::Legal, today);
    assert_eq!((b.entitled, b.taken, b.planned), (9120, 456, 228));
    assert_eq!(b.remaining, 9120 - 456 - 228);
    entries.push(LedgerEntry::reversal_of(&after).unwrap());
    let b = balance(&entries, 2026, Bucket::Legal, today);
    assert_eq!((b.taken, b.planned, b.remaining), (456, 0, 9120 - 456));
    assert_eq!(LedgerEntry::reversal_of(&entries[0]), None);
}

#[test]
fn corrections_need_a_reason_and_an_amount() {
    let d = ymd(2026, 5, 1);
    let e = LedgerEntry::correction(2026, Bucket::Legal, 60, d, "  ").unwrap_err();
    assert_eq!((e.field, e.key), ("reason", "err.required"));
    let e = LedgerEntry::correction(2026, Bucket::Legal, 0, d, "typo").unwrap_err();
    assert_eq!(e.key, "err.correction_zero");
    let ok = LedgerEntry::correction(2026, Bucket::Legal, -60, d, " typo ").unwrap();
    assert_eq!((ok.minutes, ok.reason.as_str()), (-60, "typo"));
    assert!(ok.is_well_formed());
    let bad = LedgerEntry {
        minutes: 60,
        ..LedgerEntry::taken(2026, Bucket::Legal, d, 60, None)
    };
    assert!(!bad.is_well_formed());
}

#[test]
fn debit_plan_follows_the_order_and_reports_the_shortfall() {
    let today = ymd(2026, 2, 1);
    let mut entries = vec![
        alloc(2026, Bucket::Legal, 2 * DAY),
        alloc(2026, Bucket::Supplementary, DAY),
        LedgerEntry {
            expires: Some(ymd(2026, 3, 31)),
            ..LedgerEntry::new(2026, Bucket::CarriedOver, EntryKind::CarryOver, 228, today)
        },
    ];
    let bal = balances(&entries, 2026, today);
    let plan = debit_plan(&bal, 5 * DAY as u32, &ANNUAL_LEAVE_ORDER, ymd(2026, 3, 2));
    assert_eq!(
        plan.parts,
        vec![
            (Bucket::CarriedOver, 228),
            (Bucket::Legal, 912),
            (Bucket::Supplementary, 456)
        ]
    );
    assert_eq!(plan.shortfall, 5 * 456 - 228 - 912 - 456);
    // After its last day the carried lot is no longer offered.
    let plan = debit_plan(&bal, 300, &ANNUAL_LEAVE_ORDER, ymd(2026, 4, 1));
    assert_eq!(plan.parts, vec![(Bucket::Legal, 300)]);
    apply(&mut entries, plan.entries(2026, ymd(2026, 4, 1), Some(7)));
    assert_eq!(balance(&entries, 2026, Bucket::Legal, today).planned, 300);
}

#[test]
fn company_days_carry_up_to_the_cap_and_expire_on_31_march() {
    let rules = LeaveRules {
        extralegal_minutes_per_year: 12 * 456,
        ..LeaveRules::default()
    };
    let mut entries = vec![
        alloc(2025, Bucket::Extralegal, 12 * DAY),
        LedgerEntry::taken(2025, Bucket::Extralegal, ymd(2025, 6, 2), 456, None),
    ];
    let ye = year_end(&entries, 2025, &rules, 0);
    assert_eq!(ye.unused_legal_reported, 0);
    assert_eq!(ye.carry.iter().map(|e| e.minutes).sum::<i64>(), 0);
    let carried_in = &ye.carry[1];
    assert_eq!(
        (carried_in.year, carried_in.bucket, carried_in.minutes),
        (2026, Bucket::CarriedOver, 2280)
    );
    assert_eq!(carried_in.expires, Some(ymd(2026, 3, 31)));
    assert_eq!(ye.expire.len(), 1);
    assert_eq!(ye.expire[0].minutes, -(11 * DAY - 2280));
    apply(&mut entries, ye.carry.into_iter().chain(ye.expire));
    assert_eq!(
        balance(&entries, 2025, Bucket::Extralegal, ymd(2026, 1, 1)).remaining,
        0
    );
    let new = balance(&entries, 2026, Bucket::CarriedOver, ymd(2026, 1, 1));
    assert_eq!(new.entitled, 2280);
    assert_eq!(new.expiring, vec![(ymd(2026, 3, 31), 2280)]);

    entries.push(LedgerEntry::taken(
        2026,
        Bucket::CarriedOver,
        ymd(2026, 3, 2),
        456,
        None,
    ));
    assert!(expiries_due(&entries, ymd(2026, 3, 31)).is_empty());
    let due = expiries_due(&entries, ymd(2026, 4, 1));
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].minutes, due[0].date),
        (-(2280 - 456), ymd(2026, 3, 31))
    );
    apply(&mut entries, due);
    assert!(expiries_due(&entries, ymd(2026, 4, 1)).is_empty());
    let closed = balance(&entries, 2026, Bucket::CarriedOver, ymd(2026, 4, 1));
    assert_eq!((closed.remaining, closed.expired), (0, 1824));
}

#[test]
fn illness_carry_over_lasts_24_months_after_the_holiday_year() {
    let rules = LeaveRules::default();
    let mut entries = vec![
        alloc(2025, Bucket::Legal, 20 * DAY),
        LedgerEntry::taken(2025, Bucket::Legal, ymd(2025, 2, 3), 4560, None),
    ];
    let ye = year_end(&entries, 2025, &rules, 3000);
    assert_eq!(ye.unused_legal_reported, 4560 - 3000);
    assert_eq!(ye.carry[1].bucket, Bucket::IllnessCarryOver);
    assert_eq!(ye.carry[1].expires, Some(ymd(2027, 12, 31)));
    apply(&mut entries, ye.carry.into_iter().chain(ye.expire));

    entries.push(LedgerEntry::taken(
        2026,
        Bucket::IllnessCarryOver,
        ymd(2026, 5, 4),
        1000,
        None,
    ));
    let ye = year_end(&entries, 2026, &rules, 0);
    assert!(ye.expire.is_empty(), "still valid: rolls into 2027");
    assert_eq!(ye.carry[1].year, 2027);
    assert_eq!(ye.carry[1].minutes, 2000);
    assert_eq!(ye.carry[1].expires, Some(ymd(2027, 12, 31)));
    apply(&mut entries, ye.carry);
    assert!(expiries_due(&entries, ymd(2027, 12, 31)).is_empty());

    let ye = year_end(&entries, 2027, &rules, 0);
    assert!(ye.carry.is_empty());
    assert_eq!(ye.expire[0].minutes, -2000);
    apply(&mut entries, ye.expire);
    assert!(expiries_due(&entries, ymd(2028, 1, 1)).is_empty());
    let all: i64 = entries.iter().map(|e| e.minutes).sum();
    assert_eq!(all, 9120 - 4560 - 1000 - 1560 - 2000);
}

#[test]
fn years_stay_apart_and_closing_twice_writes_nothing() {
    let rules = LeaveRules::default();
    let mut entries = vec![
        alloc(2025, Bucket::Legal, 20 * DAY),
        alloc(2026, Bucket::Legal, 20 * DAY),
        LedgerEntry::taken(2025, Bucket::Legal, ymd(2025, 12, 31), 456, None),
        LedgerEntry::taken(2026, Bucket::Legal, ymd(2026, 1, 2), 456, None),
    ];
    let b25 = balance(&entries, 2025, Bucket::Legal, ymd(2025, 12, 31));
    let b26 = balance(&entries, 2026, Bucket::Legal, ymd(2025, 12, 31));
    assert_eq!((b25.taken, b25.planned), (456, 0));
    assert_eq!(
        (b26.taken, b26.planned, b26.remaining),
        (0, 456, 9120 - 456)
    );
    let ye = year_end(&entries, 2025, &rules, 0);
    assert!(ye.carry.is_empty());
    apply(&mut entries, ye.expire);
    assert_eq!(year_end(&entries, 2025, &rules, 0), YearEnd::default());
    assert_eq!(balance(&entries, 2026, Bucket::Legal, ymd(2026, 6, 1)), {
        let mut b = b26.clone();
        b.taken = 456;
        b.planned = 0;
        b
    });
    let listed: Vec<Bucket> = balances(&entries, 2026, ymd(2026, 1, 1))
        .into_iter()
        .map(|(b, _)| b)
        .collect();
    assert_eq!(listed, vec![Bucket::Legal]);
}

#[test]
fn a_year_is_closed_only_once_it_is_over() {
    assert!(check_closable(2025, ymd(2026, 1, 1)).is_ok());
    let e = check_closable(2026, ymd(2026, 12, 31)).unwrap_err();
    assert_eq!((e.field, e.key), ("year", "err.year_not_over"));
    assert!(e.args.contains(&("next", "2027".into())));
    assert!(check_closable(2027, ymd(2026, 6, 1)).is_err());
}

#[test]
fn allocation_rows_book_only_the_difference() {
    let a = |minutes| Allocation {
        bucket: Bucket::Supplementary,
        minutes,
        basis: AllocationBasis::HolidayFundPending,
    };
    let d = ymd(2026, 4, 1);
    let mut entries = allocation_rows(&[], 2026, &[a(2280)], d);
    assert_eq!(entries.len(), 1);
    assert!(allocation_rows(&entries, 2026, &[a(2280)], d).is_empty());
    let more = allocation_rows(&entries, 2026, &[a(4560)], d);
    assert_eq!(more[0].minutes, 2280);
    apply(&mut entries, more);
    assert_eq!(
        allocation_rows(&entries, 2026, &[a(1000)], d)[0].minutes,
        -3560
    );
}

#[test]
fn a_regime_change_converts_each_lot() {
    let mut entries = vec![
        alloc(2026, Bucket::Legal, 9120),
        LedgerEntry::taken(2026, Bucket::Legal, ymd(2026, 2, 2), 4560, None),
        LedgerEntry {
            expires: Some(ymd(2026, 3, 31)),
            ..LedgerEntry::new(
                2026,
                Bucket::CarriedOver,
                EntryKind::CarryOver,
                912,
                ymd(2026, 1, 1),
            )
        },
    ];
    let rows = regime_change(&entries, 2026, 2280, 1140, ymd(2026, 3, 1));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].reason, "38h → 19h");
    apply(&mut entries, rows);
    let today = ymd(2026, 3, 1);
    assert_eq!(
        balance(&entries, 2026, Bucket::Legal, today).remaining,
        2280
    );
    let carried = balance(&entries, 2026, Bucket::CarriedOver, today);
    assert_eq!(carried.expiring, vec![(ymd(2026, 3, 31), 456)]);
}

#[test]
fn every_bucket_and_kind_has_a_label() {
    let en = crate::i18n::I18n::new(crate::i18n::Lang::En);
    let keys = Bucket::ALL
        .iter()
        .map(|b| b.label_key())
        .chain(EntryKind::ALL.iter().map(|k| k.label_key()))
        .chain(["err.correction_zero"]);
    for key in keys {
        assert_ne!(en.t(key), key, "en.toml lacks {key}");
    }
}

fn bucket() -> impl Strategy<Value = Bucket> {
    proptest::sample::select(Bucket::ALL.to_vec())
}

/// Well-formed rows (the sign fits the kind) over three years and two expiry dates.
fn entry() -> impl Strategy<Value = LedgerEntry> {
    (
        2025i32..2028,
        bucket(),
        proptest::sample::select(EntryKind::ALL.to_vec()),
        1i64..5000,
        any::<bool>(),
        0i64..800,
        proptest::option::of(proptest::sample::select(vec![
            ymd(2026, 3, 31),
            ymd(2027, 12, 31),
        ])),
    )
        .prop_map(|(year, bucket, kind, m, negative, day, expires)| {
            let minutes = match kind {
                EntryKind::Taken | EntryKind::Expiry | EntryKind::CarriedOut => -m,
                EntryKind::CarryOver | EntryKind::Reversal => m,
                EntryKind::Allocation | EntryKind::Correction if negative => -m,
                EntryKind::Allocation | EntryKind::Correction => m,
            };
            LedgerEntry {
                year,
                bucket,
                kind,
                minutes,
                date: ymd(2025, 1, 1) + chrono::Duration::days(day),
                // Only carried-in credits open lots, as the ledger itself writes them.
                expires: expires.filter(|_| kind == EntryKind::CarryOver),
                reason: "r".into(),
                request_id: None,
            }
        })
}

fn sum_of(entries: &[LedgerEntry], year: i32, b: Bucket, kind: EntryKind) -> i64 {
    entries
        .iter()
        .filter(|e| e.year == year && e.bucket == b && e.kind == kind)
        .map(|e| e.minutes)
        .sum()
}

proptest! {
    #[test]
    fn remaining_is_what_was_granted_less_what_was_used(
        entries in proptest::collection::vec(entry(), 0..40),
        b in bucket(),
        today_offset in 0i64..800,
    ) {
        let today = ymd(2025, 1, 1) + chrono::Duration::days(today_offset);
        for year in 2025..2028 {
            let bal = balance(&entries, year, b, today);
            let k = |kind| sum_of(&entries, year, b, kind);
            let expected = k(EntryKind::Allocation) + k(EntryKind::CarryOver)
                + k(EntryKind::Taken) + k(EntryKind::Reversal) + k(EntryKind::Correction)
                + k(EntryKind::Expiry) + k(EntryKind::CarriedOut);
            prop_assert_eq!(bal.remaining, expected);
            prop_assert_eq!(
                bal.remaining,
                bal.entitled + bal.corrections - bal.taken - bal.planned - bal.expired - bal.carried_out
            );
            prop_assert!(bal.expiring.iter().map(|(_, m)| m).sum::<i64>() <= bal.remaining.max(0));
        }
    }

    #[test]
    fn a_reversed_taking_changes_nothing(
        entries in proptest::collection::vec(entry(), 0..30),
        b in bucket(),
        minutes in 1u32..5000,
        day in 0i64..800,
        today_offset in 0i64..800,
    ) {
        let today = ymd(2025, 1, 1) + chrono::Duration::days(today_offset);
        let date = ymd(2025, 1, 1) + chrono::Duration::days(day);
        let taken = LedgerEntry::taken(2026, b, date, minutes, Some(1));
        let mut after = entries.clone();
        after.push(LedgerEntry::reversal_of(&taken).unwrap());
        after.insert(0, taken);
        prop_assert_eq!(balances(&after, 2026, today).into_iter().filter(|(x, _)| *x == b).map(|(_, bal)| bal).next(),
            Some(balance(&entries, 2026, b, today)));
    }

    #[test]
    fn debit_plan_stays_within_each_bucket(
        entries in proptest::collection::vec(entry(), 0..30),
        need in 0u32..20_000,
        order in proptest::collection::vec(bucket(), 0..8),
        on_offset in 0i64..800,
    ) {
        let on = ymd(2025, 1, 1) + chrono::Duration::days(on_offset);
        let bal = balances(&entries, 2026, ymd(2026, 1, 1));
        let plan = debit_plan(&bal, need, &order, on);
        for (bucket, m) in &plan.parts {
            let usable = bal.iter().find(|(b, _)| b == bucket).map_or(0, |(_, x)| x.usable_on(on));
            prop_assert!(i64::from(*m) <= usable);
            prop_assert!(order.contains(bucket));
            prop_assert_eq!(plan.parts.iter().filter(|(b, _)| b == bucket).count(), 1);
        }
        let planned: u32 = plan.parts.iter().map(|(_, m)| m).sum();
        prop_assert_eq!(planned + plan.shortfall, need);
    }

    #[test]
    fn closing_a_year_empties_it_and_carries_reconcile(
        entries in proptest::collection::vec(entry(), 0..40),
        blocked in 0u32..5000,
    ) {
        let rules = LeaveRules::default();
        let before: Vec<i64> = Bucket::ALL.iter()
            .map(|b| balance(&entries, 2026, *b, ymd(2026, 12, 31)).remaining).collect();
        let ye = year_end(&entries, 2026, &rules, blocked);
        prop_assert_eq!(ye.carry.iter().map(|e| e.minutes).sum::<i64>(), 0);
        prop_assert!(ye.carry.iter().chain(&ye.expire).all(LedgerEntry::is_well_formed));
        let mut after = entries.clone();
        after.extend(ye.carry.into_iter().chain(ye.expire));
        for (i, b) in Bucket::ALL.iter().enumerate() {
            let rem = balance(&after, 2026, *b, ymd(2026, 12, 31)).remaining;
            prop_assert_eq!(rem, before[i].min(0));
        }
        prop_assert_eq!(year_end(&after, 2026, &rules, blocked), YearEnd::default());
    }

    #[test]
    fn expiries_are_written_once(
        entries in proptest::collection::vec(entry(), 0..40),
        today_offset in 0i64..1200,
    ) {
        let today = ymd(2025, 1, 1) + chrono::Duration::days(today_offset);
        let due = expiries_due(&entries, today);
        prop_assert!(due.iter().all(LedgerEntry::is_well_formed));
        let mut after = entries.clone();
        after.extend(due);
        prop_assert!(expiries_due(&after, today).is_empty());
    }
}
