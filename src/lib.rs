//! Dossier: personnel files for the HR assistant of a small Belgian business.

pub mod bench;
pub mod cli;
pub mod clock;
pub mod config;
pub mod csvio;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod errors;
pub mod i18n;
pub mod ics;
pub mod payroll;
pub mod recruitment_sheets;
pub mod report_sheets;
pub mod safe_file;
pub mod sheet;
pub mod store;
pub mod today_text;
pub mod training_sheets;
pub mod ui;
