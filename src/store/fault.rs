//! Fault injection for the reliability suite: SQLite's own way to make the disk "full"
//! (`PRAGMA max_page_count`), on this connection only, so a test can prove that a write which
//! fails half-way leaves nothing behind and the screen keeps what was typed.

use super::{Result, Store};

impl Store {
    /// Lets the file grow by at most `pages` more pages through this connection; a write that
    /// needs more fails with SQLITE_FULL ("database or disk is full") and is rolled back whole.
    /// Returns the new limit. Nothing is written; the limit ends with the connection.
    #[doc(hidden)]
    pub fn cap_growth(&self, pages: u32) -> Result<i64> {
        let now: i64 = self
            .conn()
            .pragma_query_value(None, "page_count", |r| r.get(0))?;
        let limit = now + i64::from(pages);
        let set: i64 =
            self.conn()
                .query_row(&format!("PRAGMA max_page_count = {limit}"), [], |r| {
                    r.get(0)
                })?;
        Ok(set)
    }
}
