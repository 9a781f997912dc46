//! One row of a leave-history spreadsheet: whose leave it is, then the fields of a request typed in
//! by hand, so an imported period is checked exactly like `leave add`.

use super::request::LeaveRequestInput;
use crate::text_input;

text_input!(
    /// A row of `dossier leave import`: `employee` is the staff number; the other columns are those of
    /// [`LeaveRequestInput`] (empty `part` = full days, empty `status` = approved; refused and
    /// cancelled are accepted, as history).
    LeaveImportInput, LEAVE_IMPORT_FIELDS { employee, leave_type, from, to, part, hours, status, note, override_reason }
);

impl LeaveImportInput {
    /// The request part of the row.
    pub fn request(&self) -> LeaveRequestInput {
        LeaveRequestInput {
            leave_type: self.leave_type.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            part: self.part.clone(),
            hours: self.hours.clone(),
            status: self.status.clone(),
            note: self.note.clone(),
            override_reason: self.override_reason.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::TextInput;
    use crate::domain::leave::request::LEAVE_REQUEST_FIELDS;

    #[test]
    fn the_columns_are_the_employee_and_every_request_field() {
        assert_eq!(LEAVE_IMPORT_FIELDS[0], "employee");
        assert_eq!(&LEAVE_IMPORT_FIELDS[1..], LEAVE_REQUEST_FIELDS);
        let mut row = LeaveImportInput::default();
        for f in LEAVE_IMPORT_FIELDS {
            row.set(f, format!("{f}!"));
        }
        let r = row.request();
        for f in LEAVE_REQUEST_FIELDS {
            assert_eq!(r.get(f), format!("{f}!"));
        }
    }
}
