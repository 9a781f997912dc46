//! What a tab asks the app to do after a key: the app owns the popups and the status bar.

use crate::domain::today::Place;
use crate::ui::widgets::bars::Level;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    None,
    Status(String, Level),
    Confirm(String, Pending),
    /// Show the place where something is fixed (from the Today list).
    Go(Place),
}

/// What a confirmation popup will do on "yes"; the tab that asked carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    DiscardForm,
    /// Save the open form after its question (archiving someone).
    SaveForm,
    /// Cancel a leave request (its ledger rows are reversed, the request kept).
    CancelRequest(i64),
    /// Export the payroll month shown (writes the file, locks the month).
    ExportPayroll,
    /// Cancel a training enrolment (the first on the waiting list takes the seat).
    CancelEnrolment(i64),
}
