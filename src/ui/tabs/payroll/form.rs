//! The hand entry form of the payroll review: an item from the company's list, its quantity in the
//! item's unit, a note, and the reason a locked month needs. Checked by the same domain function
//! as `dossier payroll entry add`.

use crate::domain::choice::Choice;
use crate::domain::payroll::entry::PayEntryInput;
use crate::domain::payroll::month::PayMonth;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::form_flow::{FormPurpose, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

#[derive(Debug, Clone)]
pub struct EntryForm {
    pub employee_id: i64,
    pub month: PayMonth,
    pub input: PayEntryInput,
}

impl EntryForm {
    pub fn form(&self, store: &Store, i18n: &I18n, who: &str) -> Form {
        let lang = i18n.lang.code();
        let items = store
            .payroll()
            .settings()
            .unwrap_or_default()
            .items
            .into_iter()
            .map(|i| {
                let name = i.name(lang).to_string();
                (i.code, name)
            })
            .collect();
        let locked = self.locked(store);
        Form::new(
            i18n.tf(
                "pay.form_title",
                &[("name", who), ("month", &self.month.shown())],
            ),
            vec![
                ("item", FieldKind::Pick(items), true),
                ("quantity", FieldKind::Text, true),
                ("note", FieldKind::Text, false),
                ("reason", FieldKind::Text, locked),
            ],
            &self.input,
        )
    }

    fn locked(&self, store: &Store) -> bool {
        store
            .payroll()
            .is_exported(self.month.year, self.month.month)
            .unwrap_or(false)
    }
}

impl FormPurpose for EntryForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let settings = store.payroll().settings().unwrap_or_default();
        let locked = self.locked(store);
        let input = form.values(&self.input);
        let mut notes = Vec::new();
        if let Some(item) = settings.item(&input.item) {
            notes.push(i18n.tf("pay.form_unit", &[("unit", &i18n.t(item.unit.label_key()))]));
        }
        if locked {
            notes.push(i18n.tf("pay.form_locked", &[("month", &self.month.shown())]));
        }
        Review {
            errors: input.validate(&settings, locked).err().unwrap_or_default(),
            notes,
        }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        store
            .payroll()
            .add_entry(self.employee_id, self.month, &form.values(&self.input))?;
        Ok(Saved {
            employee_id: self.employee_id,
            message_key: "msg.pay_entry_saved",
        })
    }
}
