//! Leave and absence: Belgian public holidays, work schedules, counting a leave period,
//! entitlement, the append-only leave ledger and the sickness register (BELGIAN-RULES.md §1–§4).
//! Pure rules: every function takes what it needs as arguments, never a store or a clock.

pub mod correction;
pub mod entitlement;
pub mod holidays;
pub mod illness_blocked;
pub mod import;
pub mod leave_type;
pub mod ledger;
pub mod period;
pub mod request;
pub mod rules;
pub mod schedule;
pub mod sickness;
pub mod totals;
