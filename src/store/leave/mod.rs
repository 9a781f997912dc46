//! Leave and absence in the store: leave types, work schedules, the company calendar, requests, the
//! append-only ledger and the sickness register. Balances are never stored: they are computed by
//! the domain from the ledger rows read here.

mod allocation;
mod calendar;
mod import;
pub(super) mod ledger;
mod requests;
mod schedule_change;
pub(super) mod schedules;
mod sickness;
mod totals;
mod types;
mod year_end;

pub use allocation::AllocationLine;
pub use calendar::{REST_DAYS, RestDays};
pub use ledger::buckets_for;
pub use schedule_change::{RebookedRequest, ScheduleChange};
pub use sickness::LEAVE_RULES;
pub(super) use sickness::{COLUMNS as SPELL_COLUMNS, spell as spell_row};
pub use year_end::YearEndLine;

pub struct LeaveRepo<'a> {
    pub(super) store: &'a super::Store,
}
