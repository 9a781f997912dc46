//! The company settings form, opened from the command palette over whichever tab is showing.

use crate::domain::company::CompanyInput;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::form_flow::{FormPurpose, FormState, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

/// Saving the company settings; `base` is what was stored when the form opened.
#[derive(Debug, Clone)]
pub struct CompanyPurpose {
    pub base: CompanyInput,
}

impl FormPurpose for CompanyPurpose {
    fn review(&self, form: &Form, _store: &Store, _i18n: &I18n) -> Review {
        let v: CompanyInput = form.values(&self.base);
        v.validate().err().unwrap_or_default().into()
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        store.settings().save_company(&form.values(&self.base))?;
        Ok(Saved {
            employee_id: 0,
            message_key: "msg.company_saved",
        })
    }
}

/// The form with the stored settings filled in.
pub fn open(store: &Store, i18n: &I18n) -> Result<FormState<CompanyPurpose>, StoreError> {
    use FieldKind::{Date, Text};
    let base = CompanyInput::from_settings(&store.settings().company()?);
    let form = Form::new(
        i18n.t("form.company_settings"),
        vec![
            ("company_name", Text, true),
            ("company_address", Text, false),
            ("company_number", Text, false),
            ("joint_committees", Text, false),
            ("logo_text", Text, false),
            ("signatory_name", Text, false),
            ("signatory_title", Text, false),
            ("social_secretariat", Text, false),
            ("city", Text, false),
            ("export_dir", Text, false),
            ("notice_cap_from", Date, false),
        ],
        &base,
    );
    Ok(FormState::new(form, CompanyPurpose { base }, store, i18n))
}
