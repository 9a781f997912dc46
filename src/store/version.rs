//! A token that changes whenever the data may have: what a screen that keeps whole-table reads
//! between keys compares before using them again.

use super::{Result, Store};

/// Changes after any commit, by this program (the connection's change count) or by another one
/// (SQLite's `data_version`). Equal tokens mean the database reads as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataVersion {
    others: i64,
    own: u64,
}

impl Store {
    pub fn data_version(&self) -> Result<DataVersion> {
        let others = self
            .conn()
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(DataVersion {
            others,
            own: self.conn().total_changes(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::domain::employee::EmployeeInput;
    use crate::store::Access;

    #[test]
    fn changes_with_a_write_here_or_in_another_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        let store = Store::open(&path, Access::ReadWrite, Clock::System).unwrap();
        let v0 = store.data_version().unwrap();
        assert_eq!(store.data_version().unwrap(), v0, "reading changes nothing");
        let input = EmployeeInput {
            number: "E1".into(),
            first_name: "Ann".into(),
            last_name: "Peeters".into(),
            start_date: "01/02/2020".into(),
            ..Default::default()
        };
        store.employees().add(&input, None).unwrap();
        let v1 = store.data_version().unwrap();
        assert_ne!(v1, v0);
        let other = rusqlite::Connection::open(&path).unwrap();
        other
            .execute_batch("CREATE TABLE scratch (x); DROP TABLE scratch;")
            .unwrap();
        assert_ne!(store.data_version().unwrap(), v1);
    }
}
