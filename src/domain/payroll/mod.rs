//! Monthly payroll variables for the social secretariat (BELGIAN-RULES.md §11): per person the
//! worked time, absences by payroll code, hand entries, meal vouchers, commuting, the month's changes
//! and warnings; the lines of the one export layout and the corrections after an export. Pure:
//! the month and every fact are parameters.

pub mod entry;
pub mod figures;
pub mod lines;
pub mod month;
pub mod settings;
