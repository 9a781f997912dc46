//! What the company configures for payroll: the list of items entered by hand each month (premiums,
//! deductions, overtime, telework days), the meal-voucher rule, and the code of guaranteed salary.

use serde::{Deserialize, Serialize};

use crate::choice_enum;
use crate::domain::employee::WorkerCategory;
use crate::domain::leave::leave_type::{Counting, LeaveType};

/// DmfA code 1: time covered by pay (work, a white-collar worker's holidays, paid leave).
pub const COVERED_BY_PAY: &str = "1";

choice_enum!(
    /// What a hand entry counts: money, hours or days.
    Unit, "pay_unit" {
        /// Euro, kept in cents.
        Amount => "amount",
        /// Hours, kept in minutes.
        Hours => "hours",
        /// Whole days.
        Days => "days",
    }
);

/// One item the assistant may enter by hand for a person and a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayItem {
    /// Stable code used on the command line and in the export (`shift_premium`).
    pub code: String,
    pub name_en: String,
    pub name_nl: String,
    pub name_fr: String,
    pub unit: Unit,
    /// Withheld from pay (an advance, a garnishment) rather than paid.
    #[serde(default)]
    pub deduction: bool,
}

impl PayItem {
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "nl" => &self.name_nl,
            "fr" => &self.name_fr,
            _ => &self.name_en,
        }
    }
}

/// Code of the telework item: its days are worked, but not at the workplace, so they earn no commuting.
pub const TELEWORK: &str = "telework";

/// How meal vouchers are counted (BELGIAN-RULES.md §11: one per day actually worked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum MealVoucherRule {
    /// One voucher per day with at least this many minutes worked (1: any work that day).
    Days { min_minutes: u32 },
    /// The hours formula for part-timers: minutes worked divided by a full-time day, rounded up,
    /// never more than the days worked.
    Hours { full_time_day_minutes: u32 },
}

impl Default for MealVoucherRule {
    fn default() -> Self {
        MealVoucherRule::Days { min_minutes: 1 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PayrollSettings {
    pub items: Vec<PayItem>,
    pub meal_vouchers: MealVoucherRule,
    /// The code under which sickness within the employer's guaranteed salary is declared (DmfA 1:
    /// time covered by pay). After it, the sickness type's own code (50, 60) applies.
    pub guaranteed_salary_code: String,
    /// The codes that differ for blue-collar workers (arbeiders/ouvriers).
    pub blue_collar: BlueCollarCodes,
}

/// DmfA codes of blue-collar workers where they differ from white-collar ones (BELGIAN-RULES.md,
/// DmfA working-time codes): their legal holidays are paid by the holiday fund, and their
/// guaranteed salary is declared by week of the incapacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BlueCollarCodes {
    /// Legal holidays (code 2) instead of the leave type's white-collar code 1.
    pub annual_leave: String,
    /// Guaranteed salary, days 8–14 of the incapacity (code 10).
    pub guaranteed_second_week: String,
    /// Guaranteed salary, days 15–30 (code 11: the employer's supplement).
    pub guaranteed_after_two_weeks: String,
}

impl Default for BlueCollarCodes {
    fn default() -> Self {
        BlueCollarCodes {
            annual_leave: "2".into(),
            guaranteed_second_week: "10".into(),
            guaranteed_after_two_weeks: "11".into(),
        }
    }
}

impl PayrollSettings {
    /// The code of a sick day within the guaranteed salary, `day` counted from 1 over the
    /// incapacity (a relapse continues its chain's count).
    pub fn guaranteed_code(&self, category: WorkerCategory, day: i64) -> &str {
        match category {
            WorkerCategory::BlueCollar if day > 14 => &self.blue_collar.guaranteed_after_two_weeks,
            WorkerCategory::BlueCollar if day > 7 => &self.blue_collar.guaranteed_second_week,
            _ => &self.guaranteed_salary_code,
        }
    }

    /// The code of a day of leave of `leave_type`: a blue-collar worker's annual holidays that the
    /// type declares as time covered by pay (code 1) go under the holiday fund's code instead.
    pub fn leave_code<'a>(
        &'a self,
        category: WorkerCategory,
        leave_type: &'a LeaveType,
    ) -> &'a str {
        if category == WorkerCategory::BlueCollar
            && leave_type.counting == Counting::Annual
            && leave_type.payroll_code == COVERED_BY_PAY
        {
            &self.blue_collar.annual_leave
        } else {
            &leave_type.payroll_code
        }
    }
}

fn item(code: &str, en: &str, nl: &str, fr: &str, unit: Unit, deduction: bool) -> PayItem {
    PayItem {
        code: code.into(),
        name_en: en.into(),
        name_nl: nl.into(),
        name_fr: fr.into(),
        unit,
        deduction,
    }
}

impl Default for PayrollSettings {
    fn default() -> Self {
        use Unit::{Amount, Days, Hours};
        PayrollSettings {
            items: vec![
                item(
                    "overtime",
                    "Overtime",
                    "Overuren",
                    "Heures supplémentaires",
                    Hours,
                    false,
                ),
                item(
                    "shift_premium",
                    "Shift premium",
                    "Ploegenpremie",
                    "Prime d'équipe",
                    Amount,
                    false,
                ),
                item("bonus", "Bonus", "Bonus", "Bonus", Amount, false),
                item(
                    "year_end_premium",
                    "End-of-year premium",
                    "Eindejaarspremie",
                    "Prime de fin d'année",
                    Amount,
                    false,
                ),
                item(
                    "advance",
                    "Advance on pay",
                    "Voorschot",
                    "Avance sur salaire",
                    Amount,
                    true,
                ),
                item(
                    "garnishment",
                    "Garnishment",
                    "Loonbeslag",
                    "Saisie sur salaire",
                    Amount,
                    true,
                ),
                item(
                    TELEWORK,
                    "Telework days",
                    "Thuiswerkdagen",
                    "Jours de télétravail",
                    Days,
                    false,
                ),
            ],
            meal_vouchers: MealVoucherRule::default(),
            guaranteed_salary_code: COVERED_BY_PAY.into(),
            blue_collar: BlueCollarCodes::default(),
        }
    }
}

impl PayrollSettings {
    pub fn item(&self, code: &str) -> Option<&PayItem> {
        let c = code.trim();
        self.items.iter().find(|i| i.code.eq_ignore_ascii_case(c))
    }
}

/// Meal vouchers for a month from its worked days (minutes worked on each day with work).
pub fn meal_vouchers(rule: MealVoucherRule, worked_per_day: &[u32]) -> u32 {
    let days = worked_per_day.iter().filter(|m| **m > 0).count() as u32;
    match rule {
        MealVoucherRule::Days { min_minutes } => worked_per_day
            .iter()
            .filter(|m| **m > 0 && **m >= min_minutes)
            .count() as u32,
        MealVoucherRule::Hours {
            full_time_day_minutes: 0,
        } => days,
        MealVoucherRule::Hours {
            full_time_day_minutes: day,
        } => {
            let total: u64 = worked_per_day.iter().map(|m| u64::from(*m)).sum();
            let vouchers = total.div_ceil(u64::from(day));
            (vouchers as u32).min(days)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_list_has_the_usual_items_with_unique_codes() {
        let s = PayrollSettings::default();
        let mut codes: Vec<&str> = s.items.iter().map(|i| i.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), s.items.len());
        assert_eq!(s.item("ADVANCE").unwrap().unit, Unit::Amount);
        assert!(s.item("advance").unwrap().deduction);
        assert_eq!(s.item("overtime").unwrap().unit, Unit::Hours);
        assert_eq!(s.item("garnishment").unwrap().name("nl"), "Loonbeslag");
    }

    #[test]
    fn settings_read_back_from_json_with_missing_parts_defaulted() {
        let s: PayrollSettings = serde_json::from_str(r#"{"guaranteed_salary_code":"9"}"#).unwrap();
        assert_eq!(s.guaranteed_salary_code, "9");
        assert_eq!(s.items.len(), PayrollSettings::default().items.len());
        let text = serde_json::to_string(&PayrollSettings::default()).unwrap();
        assert_eq!(
            serde_json::from_str::<PayrollSettings>(&text).unwrap(),
            PayrollSettings::default()
        );
    }

    #[test]
    fn meal_vouchers_by_days_or_by_hours() {
        // A 4/5 week with a half day: 4 days worked, 3 × 7h36 + 3h48.
        let week = [456, 456, 228, 456];
        assert_eq!(meal_vouchers(MealVoucherRule::default(), &week), 4);
        assert_eq!(
            meal_vouchers(MealVoucherRule::Days { min_minutes: 240 }, &week),
            3
        );
        // 26h36 / 7h36 = 3.5 → 4, never more than the days worked.
        let hours = MealVoucherRule::Hours {
            full_time_day_minutes: 456,
        };
        assert_eq!(meal_vouchers(hours, &week), 4);
        assert_eq!(meal_vouchers(hours, &[300, 300]), 2);
        assert_eq!(meal_vouchers(hours, &[456, 456, 0]), 2);
        assert_eq!(
            meal_vouchers(
                MealVoucherRule::Hours {
                    full_time_day_minutes: 0
                },
                &[60]
            ),
            1
        );
        assert_eq!(meal_vouchers(MealVoucherRule::default(), &[]), 0);
    }
}
