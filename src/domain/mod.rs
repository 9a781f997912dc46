//! Pure Belgian HR rules and types: no UI, no SQL, no clock, no file system.

pub mod checklist;
pub mod choice;
pub mod company;
pub mod confidential;
pub mod contract;
pub mod date;
pub mod dimona;
pub mod employee;
pub mod error;
pub mod ids;
pub mod input;
pub mod leave;
pub mod maternity;
pub mod money;
pub mod notice;
pub mod passphrase;
pub mod payroll;
pub mod pin_wait;
pub mod privacy;
pub mod records;
pub mod recruitment;
pub mod reports;
pub mod text;
pub mod today;
pub mod training;
