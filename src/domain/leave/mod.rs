//! Leave and absence: Belgian public holidays, work schedules, counting a leave period,
//! entitlement, the append-only leave ledger and the sickness register (BELGIAN-RULES.md §1–§4).
//! Pure rules: every function takes what it needs as arguments, never a store or a clock.

pub mod entitlement;
pub mod ledger;
pub mod rules;
pub mod sickness;
