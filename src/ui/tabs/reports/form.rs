//! The period form of the Reports tab: only the fields the shown report uses, checked by the
//! domain (`ReportPeriodInput::validate`). "Saving" changes the period; nothing is written.

use crate::domain::choice::Choice;
use crate::domain::reports::ReportKind;
use crate::domain::reports::period::ReportPeriodInput;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::form_flow::{FormPurpose, Review, Saved};
use crate::ui::widgets::form::{FieldKind, Form};

#[derive(Debug, Clone)]
pub struct PeriodForm {
    pub kind: ReportKind,
    /// The current period: the fields not on the form keep these values.
    pub base: ReportPeriodInput,
}

impl PeriodForm {
    fn fields(&self) -> Vec<(&'static str, FieldKind, bool)> {
        match self.kind {
            ReportKind::Headcount | ReportKind::Bradford => vec![("at", FieldKind::Date, true)],
            ReportKind::Movements | ReportKind::Absenteeism => vec![
                ("from_month", FieldKind::Text, true),
                ("to_month", FieldKind::Text, true),
            ],
            ReportKind::Leave | ReportKind::Training => vec![("year", FieldKind::Number, true)],
            ReportKind::Elections => vec![("election_day", FieldKind::Date, true)],
        }
    }

    pub fn form(&self, i18n: &I18n) -> Form {
        Form::new(
            i18n.tf(
                "report.period_title",
                &[("report", &i18n.t(self.kind.label_key()))],
            ),
            self.fields(),
            &self.base,
        )
    }
}

impl FormPurpose for PeriodForm {
    fn review(&self, form: &Form, _store: &Store, _i18n: &I18n) -> Review {
        match form.values(&self.base).validate() {
            Ok(_) => Review::default(),
            Err(e) => e.into(),
        }
    }

    fn save(&self, form: &Form, _store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        form.values(&self.base).validate()?;
        Ok(Saved {
            employee_id: 0,
            message_key: "report.period_set",
        })
    }
}
