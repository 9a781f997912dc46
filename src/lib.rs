//! Dossier: personnel files for the HR assistant of a small Belgian business.

pub mod clock;
pub mod csvio;
pub mod domain;
pub mod i18n;
pub mod store;
