//! Leave and absence in the store: leave types, work schedules, the company calendar, requests, the
//! append-only ledger and the sickness register. Balances are never stored: they are computed by
//! the domain from the ledger rows read here.

mod calendar;
mod schedules;
mod types;

pub use calendar::{REST_DAYS, RestDays};

pub struct LeaveRepo<'a> {
    pub(super) store: &'a super::Store,
}
