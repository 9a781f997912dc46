//! Pure Belgian HR rules and types: no UI, no SQL, no clock, no file system.

pub mod choice;
pub mod contract;
pub mod date;
pub mod employee;
pub mod error;
pub mod ids;
pub mod input;
pub mod leave;
pub mod money;
pub mod payroll;
pub mod records;
pub mod text;
