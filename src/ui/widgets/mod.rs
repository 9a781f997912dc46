//! Widgets shared by the tabs: form, paged list window, popups (confirm, help, palette) and the bars.

pub mod bars;
pub mod filter_line;
pub mod form;
pub mod month_grid;
pub mod paged;
pub mod popup;
