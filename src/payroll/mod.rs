//! The payroll hand-over outside the store: the export file in its one layout, the export flow the
//! command line and the TUI share, and the month's figures in words.

pub mod export;
pub mod sheet;
pub mod words;
