//! One module per tab. Tabs not built yet say in one line what will be there; no fake data.

pub mod dossiers;
pub mod leave;
pub mod payroll;
pub mod recruitment;
pub mod reports;
pub mod staff;
pub mod today;
pub mod training;
