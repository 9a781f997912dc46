//! Payroll variables for the demo company: hand entries in the month before last (exported, with one
//! entry added afterwards with a reason, so the next export carries a correction), last month (not yet
//! exported: the Today tab reminds of it) and this month, and commuting distances. Everything goes
//! through the same repository calls as the assistant's own input.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{Result, Store};
use crate::domain::date::format_date;
use crate::domain::leave::request::LeaveRequestInput;
use crate::domain::leave::sickness::SickSpellInput;
use crate::domain::payroll::entry::PayEntryInput;
use crate::domain::payroll::month::PayMonth;

impl Store {
    /// Fills the payroll side for the people and leave already loaded.
    pub fn load_demo_payroll(&self, today: NaiveDate) -> Result<()> {
        let payroll = self.payroll();
        let this = PayMonth::of(today);
        let last = this.prev();
        let before = last.prev();
        let people = payroll.staff_page(last, None, false, 200)?;
        for p in &people {
            // 4 to 38 km: a Ghent company with people from the city and the villages around.
            payroll.set_commute_km(p.id, Some(4 + (p.id.unsigned_abs() as u32 * 7) % 35))?;
        }
        let entry =
            |id: i64, month: PayMonth, item: &str, quantity: &str, note: &str, reason: &str| {
                let input = PayEntryInput {
                    item: item.into(),
                    quantity: quantity.into(),
                    note: note.into(),
                    reason: reason.into(),
                };
                // Someone not employed that month is simply left out.
                let _ = payroll.add_entry(id, month, &input);
            };
        let month_entries = |month: PayMonth, shift: usize| {
            for (n, p) in people.iter().enumerate() {
                let k = n + shift;
                if k.is_multiple_of(4) {
                    entry(
                        p.id,
                        month,
                        "overtime",
                        &format!("{}h30", 1 + k % 5),
                        "",
                        "",
                    );
                }
                if k % 6 == 1 {
                    entry(
                        p.id,
                        month,
                        "shift_premium",
                        &format!("{},50", 80 + k * 3),
                        "Late shifts",
                        "",
                    );
                }
                if k % 5 == 2 {
                    entry(p.id, month, "telework", &(2 + k % 4).to_string(), "", "");
                }
            }
        };
        month_entries(before, 1);
        if let Some(p) = people.get(3) {
            entry(p.id, before, "advance", "250", "Asked on the 10th", "");
        }
        let plan = payroll.prepare_export(before, false)?;
        payroll.record_export(&plan, &format!("payroll-{before}.xlsx"))?;
        // Found after the export: a night shift that was not passed on.
        if let Some(p) = people.get(7) {
            entry(
                p.id,
                before,
                "shift_premium",
                "42,80",
                "Night shift",
                "Forgotten in the export",
            );
        }
        month_entries(last, 0);
        if let Some(p) = people.get(9) {
            entry(p.id, last, "garnishment", "180,35", "Court order", "");
        }
        if let Some(p) = people.get(2) {
            entry(p.id, last, "bonus", "500", "Project bonus", "");
        }
        // Last month also had a short illness and a day of leave still waiting for approval, so the
        // review shows a sickness code and a warning.
        let mut monday = last.first_day() + Duration::days(7);
        while monday.weekday() != Weekday::Mon {
            monday += Duration::days(1);
        }
        if let Some(p) = people.get(4) {
            let spell = SickSpellInput {
                start: format_date(monday),
                end: format_date(monday + Duration::days(2)),
                certificate: format_date(monday + Duration::days(1)),
                ..Default::default()
            };
            let _ = self.leave().save_sick_spell(p.id, &spell, None);
        }
        if let Some(p) = people.get(10) {
            let day = monday + Duration::days(8);
            let request = LeaveRequestInput {
                leave_type: "legal".into(),
                from: format_date(day),
                to: format_date(day),
                status: "requested".into(),
                ..Default::default()
            };
            let _ = self.leave().add_request(p.id, &request, "en");
        }
        if let Some(p) = people.get(5) {
            entry(p.id, this, "overtime", "3h", "Stock count", "");
        }
        if let Some(p) = people.get(12) {
            entry(p.id, this, "advance", "300", "", "");
        }
        Ok(())
    }
}
