//! Items entered by hand for a person and a month (a premium, an advance, overtime hours), and the
//! check of what was typed: the item must be on the company's list and the quantity in its unit. A
//! month already sent to the social secretariat changes only with a reason.

use serde::Serialize;

use super::settings::{PayrollSettings, Unit};
use crate::domain::employee::optional_text;
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::money::{format_cents, format_minutes, parse_cents, parse_minutes};
use crate::text_input;

/// One stored hand entry. `quantity` is in the item's unit: cents, minutes or days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandEntry {
    pub id: i64,
    pub employee_id: i64,
    pub item: String,
    pub quantity: i64,
    pub note: String,
    /// Why a month already exported was changed; empty otherwise.
    pub reason: String,
}

text_input!(
    /// What the user typed for a hand entry: the item's code, the quantity ("125,50" euro, "2h30"
    /// hours or "3" days, as the item's unit says), a note, and the reason when the month is locked.
    PayEntryInput, PAY_ENTRY_FIELDS { item, quantity, note, reason }
);

/// A checked entry, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckedEntry {
    pub item: String,
    pub unit: Unit,
    pub quantity: i64,
    pub note: String,
    pub reason: String,
}

/// The most one entry may hold: €1 000 000, 744 hours (a month), 31 days. Anything above is a typo.
const MAX_CENTS: i64 = 100_000_000;
const MAX_MINUTES: u32 = 744 * 60;
const MAX_DAYS: i64 = 31;

/// Reads a quantity in `unit`; the error names the field `quantity`.
pub fn parse_quantity(unit: Unit, text: &str) -> Result<i64, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::new("quantity", "err.required"));
    }
    let bad = |key| FieldError::new("quantity", key).arg("value", t);
    let q = match unit {
        Unit::Amount => parse_cents(t).ok_or_else(|| bad("err.money"))?,
        Unit::Hours => i64::from(parse_minutes(t).ok_or_else(|| bad("err.hours"))?),
        Unit::Days => t.parse::<i64>().map_err(|_| bad("err.pay_days"))?,
    };
    let max = match unit {
        Unit::Amount => MAX_CENTS,
        Unit::Hours => i64::from(MAX_MINUTES),
        Unit::Days => MAX_DAYS,
    };
    if q <= 0 || q > max {
        return Err(
            FieldError::new("quantity", "err.pay_quantity").arg("max", show_quantity(unit, max))
        );
    }
    Ok(q)
}

/// A quantity as typed back: "125,50", "2h30", "3".
pub fn show_quantity(unit: Unit, q: i64) -> String {
    match unit {
        Unit::Amount => format_cents(q),
        Unit::Hours => {
            let sign = if q < 0 { "-" } else { "" };
            format!(
                "{sign}{}",
                format_minutes(u32::try_from(q.unsigned_abs()).unwrap_or(u32::MAX))
            )
        }
        Unit::Days => q.to_string(),
    }
}

impl PayEntryInput {
    /// Checks the entry against the company's items. `locked`: the month was already exported, so a
    /// reason is required (it shows in the audit trail and beside the correction).
    pub fn validate(
        &self,
        settings: &PayrollSettings,
        locked: bool,
    ) -> Result<CheckedEntry, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let item = if self.item.trim().is_empty() {
            errs.push(FieldError::new("item", "err.required"));
            None
        } else {
            match settings.item(&self.item) {
                Some(i) => Some(i),
                None => {
                    let codes: Vec<&str> = settings.items.iter().map(|i| i.code.as_str()).collect();
                    errs.push(
                        FieldError::new("item", "err.choice")
                            .arg("value", self.item.trim())
                            .arg("options", codes.join(", ")),
                    );
                    None
                }
            }
        };
        let quantity =
            item.and_then(|i| collect(&mut errs, parse_quantity(i.unit, &self.quantity)));
        let note = collect(&mut errs, optional_text("note", &self.note, 200));
        let reason = collect(&mut errs, optional_text("reason", &self.reason, 200));
        if locked && reason.as_ref().is_some_and(String::is_empty) {
            errs.push(FieldError::new("reason", "err.pay_locked_reason"));
        }
        match (item, quantity, errs.is_empty()) {
            (Some(i), Some(quantity), true) => Ok(CheckedEntry {
                item: i.code.clone(),
                unit: i.unit,
                quantity,
                note: note.unwrap_or_default(),
                reason: reason.unwrap_or_default(),
            }),
            _ => Err(errs),
        }
    }
}

text_input!(
    /// Taking a hand entry back: which one (its id), and the reason a locked month needs.
    RemoveEntryInput, REMOVE_ENTRY_FIELDS { entry, reason }
);

impl RemoveEntryInput {
    /// The entry's id, checked to be one of `entries` (those of the person and month shown); the
    /// reason is required when the month was already exported.
    pub fn validate(
        &self,
        entries: &[HandEntry],
        locked: bool,
    ) -> Result<(i64, String), ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let id = match self.entry.trim().parse::<i64>() {
            Ok(id) if entries.iter().any(|e| e.id == id) => Some(id),
            _ if self.entry.trim().is_empty() => {
                errs.push(FieldError::new("entry", "err.required"));
                None
            }
            _ => {
                errs.push(
                    FieldError::new("entry", "err.pay_no_entry").arg("value", self.entry.trim()),
                );
                None
            }
        };
        let reason = collect(&mut errs, optional_text("reason", &self.reason, 200));
        if locked && reason.as_ref().is_some_and(String::is_empty) {
            errs.push(FieldError::new("reason", "err.pay_locked_reason"));
        }
        match (id, reason) {
            (Some(id), Some(reason)) if errs.is_empty() => Ok((id, reason)),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taking_an_entry_back_names_one_of_the_shown_entries_and_a_locked_month_needs_a_reason() {
        let entries = [HandEntry {
            id: 7,
            employee_id: 1,
            item: "bonus".into(),
            quantity: 100,
            note: String::new(),
            reason: String::new(),
        }];
        let input = |entry: &str, reason: &str| RemoveEntryInput {
            entry: entry.into(),
            reason: reason.into(),
        };
        assert_eq!(
            input("7", "").validate(&entries, false),
            Ok((7, String::new()))
        );
        let key = |i: RemoveEntryInput, locked| {
            let e = i.validate(&entries, locked).unwrap_err();
            (e.0[0].field, e.0[0].key)
        };
        assert_eq!(key(input("8", ""), false), ("entry", "err.pay_no_entry"));
        assert_eq!(key(input("", ""), false), ("entry", "err.required"));
        assert_eq!(
            key(input("7", " "), true),
            ("reason", "err.pay_locked_reason")
        );
        assert_eq!(
            input("7", "sent twice").validate(&entries, true),
            Ok((7, "sent twice".into()))
        );
    }

    fn input(item: &str, quantity: &str) -> PayEntryInput {
        PayEntryInput {
            item: item.into(),
            quantity: quantity.into(),
            ..Default::default()
        }
    }

    #[test]
    fn quantities_are_read_in_the_unit_of_the_item() {
        let s = PayrollSettings::default();
        let e = input("shift_premium", "125,50")
            .validate(&s, false)
            .unwrap();
        assert_eq!((e.unit, e.quantity), (Unit::Amount, 12_550));
        let e = input("OVERTIME", "2h30").validate(&s, false).unwrap();
        assert_eq!((e.item.as_str(), e.quantity), ("overtime", 150));
        assert_eq!(
            input("telework", "3").validate(&s, false).unwrap().quantity,
            3
        );
        assert_eq!(show_quantity(Unit::Amount, 12_550), "125,50");
        assert_eq!(show_quantity(Unit::Hours, -150), "-2h30");
    }

    #[test]
    fn bad_entries_name_the_field() {
        let s = PayrollSettings::default();
        let key = |i: PayEntryInput, locked| {
            let e = i.validate(&s, locked).unwrap_err();
            (e.0[0].field, e.0[0].key)
        };
        assert_eq!(key(input("", "1"), false), ("item", "err.required"));
        assert_eq!(key(input("tips", "1"), false), ("item", "err.choice"));
        assert_eq!(
            key(input("overtime", "lots"), false),
            ("quantity", "err.hours")
        );
        assert_eq!(key(input("bonus", "abc"), false), ("quantity", "err.money"));
        assert_eq!(
            key(input("telework", "1,5"), false),
            ("quantity", "err.pay_days")
        );
        assert_eq!(
            key(input("telework", "40"), false),
            ("quantity", "err.pay_quantity")
        );
        assert_eq!(
            key(input("bonus", "0"), false),
            ("quantity", "err.pay_quantity")
        );
        assert_eq!(key(input("bonus", ""), false), ("quantity", "err.required"));
        // A locked month needs a reason; with one it is accepted.
        assert_eq!(
            key(input("bonus", "10"), true),
            ("reason", "err.pay_locked_reason")
        );
        let mut ok = input("bonus", "10");
        ok.reason = "Forgotten in November".into();
        assert_eq!(
            ok.validate(&s, true).unwrap().reason,
            "Forgotten in November"
        );
    }
}
