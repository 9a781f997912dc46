//! The paged staff list that the Dossiers tab and the Leave tab both page through: one query, one
//! reload, one set of movement keys.

use crate::store::{EmployeeRow, ListQuery, Store, StoreError};
use crate::ui::action::Action;
use crate::ui::widgets::paged::PagedWindow;

/// Rows a page down or up moves.
const PAGE_STEP: isize = 20;

/// The list's rows as pages for a `PagedWindow`, in the query's order.
pub fn pages<'a>(
    store: &'a Store,
    q: &'a ListQuery,
) -> impl FnMut(Option<&EmployeeRow>, bool, usize) -> Vec<EmployeeRow> + 'a {
    move |from, back, limit| {
        store
            .employees()
            .page(q, from.map(|r| &r.cursor), back, limit)
            .unwrap_or_default()
    }
}

/// Counts the list afresh and reads its first page (after a filter or sort change, or a save).
pub fn reload(
    window: &mut PagedWindow<EmployeeRow>,
    store: &Store,
    q: &ListQuery,
) -> Result<(), StoreError> {
    let total = store.employees().count(q)?;
    window.reload(total, &mut pages(store, q));
    Ok(())
}

/// Carries out a movement key (up, down, page, first, last); `false` when `action` is none of them.
pub fn navigate(
    window: &mut PagedWindow<EmployeeRow>,
    action: Action,
    store: &Store,
    q: &ListQuery,
) -> bool {
    let src = &mut pages(store, q);
    match action {
        Action::Up => window.move_by(-1, src),
        Action::Down => window.move_by(1, src),
        Action::PageUp => window.move_by(-PAGE_STEP, src),
        Action::PageDown => window.move_by(PAGE_STEP, src),
        Action::Home => window.home(src),
        Action::End => window.end(src),
        _ => return false,
    }
    true
}
