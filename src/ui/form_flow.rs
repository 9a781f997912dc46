//! What every form does with its keys, whichever tab owns it: check a field when it is left, ask
//! before throwing typed values away, and save through the form's purpose. When the store refuses,
//! the form stays open with everything typed and the reason beside the field.

use crate::domain::error::ValidationErrors;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::action::Action;
use crate::ui::request::{Pending, Request};
use crate::ui::widgets::bars::Level;
use crate::ui::widgets::form::Form;

/// The domain's verdict on what is typed so far, and what saving it would do (e.g. the hours a
/// leave period counts), worked out together so nothing is read or computed twice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub errors: ValidationErrors,
    /// Lines shown above the fields.
    pub notes: Vec<String>,
}

impl From<ValidationErrors> for Review {
    fn from(errors: ValidationErrors) -> Self {
        Review {
            errors,
            notes: Vec::new(),
        }
    }
}

/// What a form is for: how it is checked and previewed, and how it is saved.
pub trait FormPurpose {
    /// Checks what is typed so far (no writes) and says what saving would do.
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review;
    /// Writes the form through the store.
    fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError>;
    /// A question to ask before saving; `None` saves at once.
    fn question(&self, _form: &Form, _store: &Store, _i18n: &I18n) -> Option<String> {
        None
    }
}

/// What a successful save did: which employee to show next and the message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub employee_id: i64,
    pub message_key: &'static str,
}

#[derive(Debug, Clone)]
pub struct FormState<P> {
    pub form: Form,
    pub purpose: P,
}

/// The outcome of a key in a form, for its tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormStep {
    /// The form stays open; the app shows or asks this.
    Open(Request),
    /// Closed without saving; the app shows or asks this.
    Closed(Request),
    Saved(Saved),
}

impl<P: FormPurpose> FormState<P> {
    pub fn new(form: Form, purpose: P, store: &Store, i18n: &I18n) -> Self {
        let mut state = FormState { form, purpose };
        state.review(store, i18n);
        state
    }

    /// Reviews the form: shows its notes, returns its errors for the caller to show.
    fn review(&mut self, store: &Store, i18n: &I18n) -> ValidationErrors {
        let review = self.purpose.review(&self.form, store, i18n);
        self.form.notes = review.notes;
        review.errors
    }

    /// Navigation, cancel and save.
    pub fn on_action(&mut self, action: Action, store: &Store, i18n: &I18n) -> FormStep {
        match action {
            Action::NextField | Action::PrevField => {
                if action == Action::NextField {
                    self.form.next_field();
                } else {
                    self.form.prev_field();
                }
                let errs = self.review(store, i18n);
                self.form.show_errors(errs, false);
                FormStep::Open(Request::None)
            }
            Action::Back if self.form.is_dirty() => FormStep::Open(Request::Confirm(
                i18n.t("confirm.discard"),
                Pending::DiscardForm,
            )),
            Action::Back => FormStep::Closed(Request::None),
            Action::Save => {
                let errs = self.review(store, i18n);
                if !errs.is_empty() {
                    self.form.show_errors(errs, true);
                    return FormStep::Open(Request::Status(i18n.t("msg.fix_fields"), Level::Error));
                }
                if let Some(q) = self.purpose.question(&self.form, store, i18n) {
                    return FormStep::Open(Request::Confirm(q, Pending::SaveForm));
                }
                self.save(store, i18n)
            }
            _ => FormStep::Open(Request::None),
        }
    }

    /// Saves now (after the question, if the purpose has one).
    pub fn save(&mut self, store: &Store, i18n: &I18n) -> FormStep {
        match self.purpose.save(&self.form, store, i18n) {
            Ok(saved) => FormStep::Saved(saved),
            Err(StoreError::Invalid(v)) => {
                self.form.show_errors(v, true);
                FormStep::Open(Request::Status(i18n.t("msg.fix_fields"), Level::Error))
            }
            Err(e) => {
                let text = crate::errors::store_error(i18n, &e);
                self.form.banner = Some(text.clone());
                FormStep::Open(Request::Status(text, Level::Error))
            }
        }
    }
}

/// What "yes" to a form's question does: throw the form away, or save it. `None` when the
/// question was not about the form.
pub fn on_confirm<P: FormPurpose>(
    form: &mut Option<FormState<P>>,
    pending: Pending,
    store: &Store,
    i18n: &I18n,
) -> Option<FormStep> {
    match pending {
        Pending::DiscardForm => Some(FormStep::Closed(Request::Status(
            i18n.t("msg.discarded"),
            Level::Info,
        ))),
        Pending::SaveForm => form.as_mut().map(|state| state.save(store, i18n)),
        Pending::CancelRequest(_) | Pending::ExportPayroll | Pending::CancelEnrolment(_) => None,
    }
}
