//! The two forms of the payroll review: a hand entry (an item from the company's list, its quantity
//! in the item's unit, a note, and the reason a locked month needs) and taking one back (which
//! entry, and the reason). Checked by the same domain functions as `dossier payroll entry add` and
//! `remove`.

use crate::domain::choice::Choice;
use crate::domain::payroll::entry::{PayEntryInput, RemoveEntryInput, show_quantity};
use crate::domain::payroll::month::PayMonth;
use crate::domain::payroll::settings::Unit;
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
        let locked = locked(store, self.month);
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
}

impl FormPurpose for EntryForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let settings = store.payroll().settings().unwrap_or_default();
        let locked = locked(store, self.month);
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

/// Taking back one of the person's hand entries of the month.
#[derive(Debug, Clone)]
pub struct RemoveEntryForm {
    pub employee_id: i64,
    pub month: PayMonth,
    pub input: RemoveEntryInput,
}

impl RemoveEntryForm {
    /// The form, the newest entry chosen, or `None` when the person has no hand entry that month.
    pub fn form(&self, store: &Store, i18n: &I18n, who: &str) -> Option<Form> {
        let lang = i18n.lang.code();
        let settings = store.payroll().settings().unwrap_or_default();
        let entries = store
            .payroll()
            .entries(self.month, Some(self.employee_id))
            .unwrap_or_default();
        let newest = entries.last()?.id.to_string();
        let mut input = self.input.clone();
        if input.entry.is_empty() {
            input.entry = newest;
        }
        let options = entries
            .iter()
            .map(|e| {
                let item = settings.item(&e.item);
                let unit = item.map_or(Unit::Amount, |it| it.unit);
                let name = item.map_or(e.item.as_str(), |it| it.name(lang));
                let note = if e.note.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", e.note)
                };
                (
                    e.id.to_string(),
                    format!("{name} {}{note}", show_quantity(unit, e.quantity)),
                )
            })
            .collect();
        Some(Form::new(
            i18n.tf(
                "pay.remove_title",
                &[("name", who), ("month", &self.month.shown())],
            ),
            vec![
                ("entry", FieldKind::Pick(options), true),
                ("reason", FieldKind::Text, locked(store, self.month)),
            ],
            &input,
        ))
    }
}

impl FormPurpose for RemoveEntryForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let locked = locked(store, self.month);
        let entries = store
            .payroll()
            .entries(self.month, Some(self.employee_id))
            .unwrap_or_default();
        let mut notes = vec![i18n.t("pay.remove_note")];
        if locked {
            notes.push(i18n.tf("pay.form_locked", &[("month", &self.month.shown())]));
        }
        Review {
            errors: form
                .values(&self.input)
                .validate(&entries, locked)
                .err()
                .unwrap_or_default(),
            notes,
        }
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        store
            .payroll()
            .remove_entry(self.employee_id, self.month, &form.values(&self.input))?;
        Ok(Saved {
            employee_id: self.employee_id,
            message_key: "msg.pay_entry_removed",
        })
    }
}

/// The two forms the review opens.
#[derive(Debug, Clone)]
pub enum PayrollForm {
    Add(EntryForm),
    Remove(RemoveEntryForm),
}

impl FormPurpose for PayrollForm {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        match self {
            PayrollForm::Add(f) => f.review(form, store, i18n),
            PayrollForm::Remove(f) => f.review(form, store, i18n),
        }
    }

    fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError> {
        match self {
            PayrollForm::Add(f) => f.save(form, store, i18n),
            PayrollForm::Remove(f) => f.save(form, store, i18n),
        }
    }
}

fn locked(store: &Store, month: PayMonth) -> bool {
    store
        .payroll()
        .is_exported(month.year, month.month)
        .unwrap_or(false)
}
