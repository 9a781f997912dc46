//! Leave history from a spreadsheet: every row checked like a single `leave add`, against the
//! database and against the rows above it, then kept whole or not at all.

use super::LeaveRepo;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::leave::import::LeaveImportInput;
use crate::domain::leave::request::LeaveRequest;
use crate::store::{ImportError, Result, StoreError, Tx};

/// What one pass over the file gave: the saved requests with their line, and every bad line.
type Outcome = (Vec<(usize, LeaveRequest)>, Vec<(usize, ValidationErrors)>);

impl LeaveRepo<'_> {
    /// Imports `rows` (line in the file, row) in one transaction. Rows are checked and written in
    /// file order, so each meets the rows above it as recorded leave: an overlap is refused, the
    /// balance they used is gone. If any row is refused, or with `dry_run`, everything is rolled back.
    /// Returns every request with its line, in file order (with `dry_run`: as they would be saved),
    /// or every bad line with its problems. `lang` names leave types in refusals.
    pub fn import_requests(
        &self,
        rows: &[(usize, LeaveImportInput)],
        dry_run: bool,
        lang: &str,
    ) -> std::result::Result<Vec<(usize, LeaveRequest)>, ImportError> {
        let today = self.store.clock().today();
        let (saved, bad): Outcome = self
            .store
            .write_if(
                |tx| {
                    let mut out: Outcome = (Vec::with_capacity(rows.len()), Vec::new());
                    for (line, row) in rows {
                        match self.import_row(tx, row, lang, today) {
                            Ok(r) => out.0.push((*line, r)),
                            Err(StoreError::Invalid(e)) => out.1.push((*line, e)),
                            Err(other) => return Err(other),
                        }
                    }
                    Ok(out)
                },
                |(_, bad)| bad.is_empty() && !dry_run,
            )
            .map_err(ImportError::Store)?;
        if bad.is_empty() {
            Ok(saved)
        } else {
            Err(ImportError::Invalid(bad))
        }
    }

    /// Checks one row against what is recorded so far (in this transaction) and writes it.
    fn import_row(
        &self,
        tx: &Tx<'_>,
        row: &LeaveImportInput,
        lang: &str,
        today: chrono::NaiveDate,
    ) -> Result<LeaveRequest> {
        let refused = |e: FieldError| StoreError::Invalid(ValidationErrors(vec![e]));
        let number = row.employee.trim();
        if number.is_empty() {
            return Err(refused(FieldError::new("employee", "err.required")));
        }
        let employee_id = match self.store.employees().by_number(number) {
            Ok(e) => e.id,
            Err(StoreError::NotFound(_)) => {
                return Err(refused(
                    FieldError::new("employee", "err.employee_unknown").arg("value", number),
                ));
            }
            Err(other) => return Err(other),
        };
        let c = self.check(employee_id, &row.request(), None, lang, true)?;
        tx.insert_request(employee_id, &c, "import", self.ledger(employee_id)?, today)
    }
}
