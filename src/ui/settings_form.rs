//! The settings screen, from the command palette over whichever tab is showing: a list of every
//! setting (the company's details first, then each [`KNOWN_SETTINGS`] entry, as `dossier
//! settings` lists them), and a form per setting with one field per value. The form is built from
//! the stored value itself, so a setting added to `KNOWN_SETTINGS` appears here without UI code;
//! its type checks what is typed, field by field, exactly as `dossier settings KEY field=value`.

use std::collections::BTreeSet;
use std::sync::Mutex;

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use serde_json::Value;

use super::company_form::{self, CompanyPurpose};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::input::TextInput;
use crate::i18n::I18n;
use crate::store::{KNOWN_SETTINGS, KnownSetting, Store, StoreError};
use crate::ui::form_flow::{FormPurpose, FormState, Review, Saved};
use crate::ui::theme;
use crate::ui::widgets::form::{FieldKind, Form};
use crate::ui::widgets::popup::{centered, frame_popup};

/// The form over the tabs: the company's details or one setting.
#[derive(Debug, Clone)]
pub enum SettingsPurpose {
    Company(CompanyPurpose),
    Setting(SettingPurpose),
}

impl FormPurpose for SettingsPurpose {
    fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        match self {
            SettingsPurpose::Company(p) => p.review(form, store, i18n),
            SettingsPurpose::Setting(p) => p.review(form, store, i18n),
        }
    }

    fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError> {
        match self {
            SettingsPurpose::Company(p) => p.save(form, store, i18n),
            SettingsPurpose::Setting(p) => p.save(form, store, i18n),
        }
    }
}

/// The list of settings: entry 0 is the company's details, entry `n` is `KNOWN_SETTINGS[n - 1]`.
#[derive(Debug, Clone, Default)]
pub struct SettingsList {
    pub selected: usize,
}

impl SettingsList {
    pub fn len() -> usize {
        KNOWN_SETTINGS.len() + 1
    }

    /// The form of the selected entry, filled with what is stored.
    pub fn open(
        &self,
        store: &Store,
        i18n: &I18n,
    ) -> Result<FormState<SettingsPurpose>, StoreError> {
        match self
            .selected
            .checked_sub(1)
            .and_then(|i| KNOWN_SETTINGS.get(i))
        {
            None => {
                let f = company_form::open(store, i18n)?;
                Ok(FormState {
                    form: f.form,
                    purpose: SettingsPurpose::Company(f.purpose),
                })
            }
            Some(setting) => {
                let (form, purpose) = setting_form(setting, store, i18n)?;
                Ok(FormState::new(
                    form,
                    SettingsPurpose::Setting(purpose),
                    store,
                    i18n,
                ))
            }
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, i18n: &I18n) {
        let area = centered(frame.area(), 90, 20);
        let inner = frame_popup(frame, area, &i18n.t("settings.title"));
        let keys = std::iter::once(("company", "settings.about_company"))
            .chain(KNOWN_SETTINGS.iter().map(|s| (s.key, s.about)));
        let mut lines: Vec<Line> = Vec::new();
        let mut about = String::new();
        for (i, (key, about_key)) in keys.enumerate() {
            let name = i18n.t(&format!("settings.name.{key}"));
            let style = if i == self.selected {
                about = i18n.t(about_key);
                theme::selected()
            } else {
                ratatui::style::Style::default()
            };
            // The key is what `dossier settings` takes: shown so the CLI is one step away.
            lines.push(Line::from(vec![
                Span::styled(format!("{name:<42}"), style),
                Span::styled(key.to_string(), theme::muted()),
            ]));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(about, theme::label())));
        lines.push(Line::from(Span::styled(
            i18n.t("settings.list_hint"),
            theme::hint(),
        )));
        frame.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
    }
}

/// How a value is typed in its field and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    YesNo,
    Number,
    Text,
    /// Lists, groups and empty values: written as JSON (`[5,6]`, `null`).
    Json,
}

impl Shape {
    fn of(v: &Value) -> Shape {
        match v {
            Value::Bool(_) => Shape::YesNo,
            Value::Number(_) => Shape::Number,
            Value::String(_) => Shape::Text,
            Value::Null | Value::Array(_) | Value::Object(_) => Shape::Json,
        }
    }

    fn kind(self) -> FieldKind {
        match self {
            Shape::YesNo => FieldKind::YesNo,
            Shape::Number => FieldKind::Number,
            Shape::Text | Shape::Json => FieldKind::Text,
        }
    }

    fn show(self, v: &Value) -> String {
        match (self, v) {
            (Shape::YesNo, Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
            (Shape::Text, Value::String(s)) => s.clone(),
            (_, v) => v.to_string(),
        }
    }

    fn read(self, field: &'static str, text: &str) -> Result<Value, FieldError> {
        match self {
            Shape::YesNo => crate::domain::records::yes_no(field, text).map(Value::Bool),
            Shape::Text => Ok(Value::String(text.to_string())),
            Shape::Number => serde_json::from_str::<serde_json::Number>(text.trim())
                .map(Value::Number)
                .map_err(|_| FieldError::new(field, "err.setting_number").arg("value", text)),
            Shape::Json => serde_json::from_str(text).map_err(|e| {
                FieldError::new(field, "err.setting_json").arg("detail", e.to_string())
            }),
        }
    }
}

/// Saving one setting: its stored value when the form opened and how each field maps onto it.
#[derive(Debug, Clone)]
pub struct SettingPurpose {
    setting: &'static KnownSetting,
    base: Value,
    /// (form field name, the value's field or `None` for a value that is not a set of fields).
    fields: Vec<(&'static str, Option<String>, Shape)>,
}

impl SettingPurpose {
    /// The value the form describes, with an error beside every field that does not fit: a field
    /// whose text cannot be read, or whose value the setting's type refuses on its own.
    fn value(&self, form: &Form) -> Result<Value, ValidationErrors> {
        let mut errors = Vec::new();
        let mut value = self.base.clone();
        for (name, field, shape) in &self.fields {
            let text = form
                .fields
                .iter()
                .find(|f| f.name == *name)
                .map(|f| f.input.value())
                .unwrap_or_default();
            let new = match shape.read(name, text) {
                Ok(v) => v,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let alone = with_field(&self.base, field.as_deref(), new.clone());
            if let Err(detail) = self.setting.check(alone) {
                errors.push(FieldError::new(name, "err.setting_field").arg("detail", detail));
                continue;
            }
            value = with_field(&value, field.as_deref(), new);
        }
        if errors.is_empty()
            && let Err(detail) = self.setting.check(value.clone())
            && let Some((name, ..)) = self.fields.first()
        {
            errors.push(FieldError::new(name, "err.setting_field").arg("detail", detail));
        }
        if errors.is_empty() {
            Ok(value)
        } else {
            Err(ValidationErrors(errors))
        }
    }
}

impl FormPurpose for SettingPurpose {
    fn review(&self, form: &Form, _store: &Store, i18n: &I18n) -> Review {
        let mut review: Review = self.value(form).err().unwrap_or_default().into();
        if self.fields.iter().any(|f| f.2 == Shape::Json) {
            review.notes.push(i18n.t("settings.json_hint"));
        }
        review
    }

    fn save(&self, form: &Form, store: &Store, _i18n: &I18n) -> Result<Saved, StoreError> {
        let value = self.value(form).map_err(StoreError::Invalid)?;
        self.setting.write(store, value)?;
        Ok(Saved {
            employee_id: 0,
            message_key: "msg.setting_saved",
        })
    }
}

/// `base` with `field` (or the whole, for `None`) replaced by `new`.
fn with_field(base: &Value, field: Option<&str>, new: Value) -> Value {
    match (base, field) {
        (Value::Object(map), Some(f)) => {
            let mut map = map.clone();
            map.insert(f.to_string(), new);
            Value::Object(map)
        }
        _ => new,
    }
}

/// The form of one setting, one field per value, labelled `field.set.KEY.FIELD`.
fn setting_form(
    setting: &'static KnownSetting,
    store: &Store,
    i18n: &I18n,
) -> Result<(Form, SettingPurpose), StoreError> {
    let base = setting.read(store)?;
    let mut values = SettingInput::default();
    let mut fields = Vec::new();
    let mut spec = Vec::new();
    let mut add = |field: Option<&str>, v: &Value| {
        let name = intern(&format!("set.{}.{}", setting.key, field.unwrap_or("value")));
        let shape = Shape::of(v);
        values.0.push((name, shape.show(v)));
        spec.push((name, shape.kind(), false));
        fields.push((name, field.map(str::to_string), shape));
    };
    match &base {
        Value::Object(map) => {
            // Declared order first; a stored field the type no longer declares, last.
            let mut order = setting.field_order();
            order.extend(
                map.keys()
                    .filter(|k| !order.contains(k))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            for k in order {
                if let Some(v) = map.get(&k) {
                    add(Some(&k), v);
                }
            }
        }
        whole => add(None, whole),
    }
    let title = format!(
        "{} · {}",
        i18n.t("settings.title"),
        i18n.t(&format!("settings.name.{}", setting.key))
    );
    let form = Form::new(title, spec, &values);
    Ok((
        form,
        SettingPurpose {
            setting,
            base,
            fields,
        },
    ))
}

/// The field values of a setting's form as text, by field name.
#[derive(Debug, Clone, Default)]
struct SettingInput(Vec<(&'static str, String)>);

impl TextInput for SettingInput {
    fn fields() -> &'static [&'static str] {
        &[]
    }

    fn get(&self, field: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| *n == field)
            .map_or("", |(_, v)| v.as_str())
    }

    fn set(&mut self, field: &str, value: String) {
        if let Some(slot) = self.0.iter_mut().find(|(n, _)| *n == field) {
            slot.1 = value;
        }
    }
}

/// Form fields are named by `&'static str` (their names key labels and errors). A setting's field
/// names come from its value, so each distinct name is leaked once and reused: a few dozen strings
/// for the life of the program, however often the forms open.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.get(name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(leaked);
    leaked
}

/// Every label key the settings forms use, for the test that each has a text.
pub fn label_keys(store: &Store) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    for s in KNOWN_SETTINGS {
        match s.read(store)? {
            Value::Object(map) => {
                out.extend(map.keys().map(|k| format!("field.set.{}.{k}", s.key)));
            }
            _ => out.push(format!("field.set.{}.value", s.key)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::i18n::Lang;
    use crate::store::Access;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store =
            Store::open(&dir.path().join("s.db"), Access::ReadWrite, Clock::System).unwrap();
        (dir, store)
    }

    /// A setting added to `KNOWN_SETTINGS` shows in the form at once: this is where it is told that
    /// each of its fields needs a label (short enough for the label column at 80 columns) and the
    /// setting a name, in every language.
    #[test]
    fn every_setting_field_has_a_short_label_in_every_language() {
        let (_dir, store) = store();
        let mut keys = label_keys(&store).unwrap();
        keys.extend(
            std::iter::once("company")
                .chain(KNOWN_SETTINGS.iter().map(|s| s.key))
                .map(|k| format!("settings.name.{k}")),
        );
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            let i = I18n::new(lang);
            for k in &keys {
                let text = i.t(k);
                if text == *k || (k.starts_with("field.") && text.chars().count() > 40) {
                    missing.push(format!("{lang:?} {k}: {text}"));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// Fields come in the order the type declares them, not alphabetically.
    #[test]
    fn fields_follow_the_declared_order() {
        let (_dir, store) = store();
        let leave = KNOWN_SETTINGS
            .iter()
            .find(|s| s.key == "leave_rules")
            .unwrap();
        let (form, _) = setting_form(leave, &store, &I18n::new(Lang::En)).unwrap();
        assert_eq!(
            form.fields[0].name,
            "set.leave_rules.full_time_weekly_minutes"
        );
        assert_eq!(form.fields[0].input.value(), "2280");
    }

    /// What is typed is read by the field's shape and checked by the setting's own type, field by
    /// field: a word where a number belongs, a negative count, broken JSON, each beside its field.
    #[test]
    fn each_bad_value_is_named_beside_its_field() {
        let (_dir, store) = store();
        let today = KNOWN_SETTINGS.iter().find(|s| s.key == "today").unwrap();
        let i18n = I18n::new(Lang::En);
        let (mut form, purpose) = setting_form(today, &store, &i18n).unwrap();
        let set = |form: &mut Form, name: &str, text: &str| {
            let f = form.fields.iter_mut().find(|f| f.name == name).unwrap();
            f.input = tui_input::Input::new(text.into());
        };
        set(&mut form, "set.today.contract_days", "soon");
        let errors = purpose.value(&form).unwrap_err();
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].field, "set.today.contract_days");
        assert_eq!(errors.0[0].key, "err.setting_number");
        set(&mut form, "set.today.contract_days", "45");
        let value = purpose.value(&form).unwrap();
        assert_eq!(value["contract_days"], 45);
        assert_eq!(
            value["document_days"], 60,
            "the other fields keep their value"
        );

        let backup = KNOWN_SETTINGS.iter().find(|s| s.key == "backup").unwrap();
        let (mut form, purpose) = setting_form(backup, &store, &i18n).unwrap();
        set(&mut form, "set.backup.keep", "-3");
        let errors = purpose.value(&form).unwrap_err();
        assert_eq!(errors.0[0].field, "set.backup.keep");
        assert_eq!(errors.0[0].key, "err.setting_field");

        let rest = KNOWN_SETTINGS
            .iter()
            .find(|s| s.key == "company_rest_days")
            .unwrap();
        let (mut form, purpose) = setting_form(rest, &store, &i18n).unwrap();
        assert_eq!(form.fields[0].input.value(), "[5,6]");
        set(&mut form, "set.company_rest_days.value", "[5,6");
        assert_eq!(
            purpose.value(&form).unwrap_err().0[0].key,
            "err.setting_json"
        );
        set(&mut form, "set.company_rest_days.value", "[6]");
        purpose.save(&form, &store, &i18n).unwrap();
        assert_eq!(rest.read(&store).unwrap(), serde_json::json!([6]));
    }
}
