//! `dossier settings [KEY] [FIELD=VALUE]…`: read and change the program's settings by name (the
//! Today windows, leave rules, rest days, payroll items). Values are JSON (numbers, true/false,
//! lists); a bare word is taken as text. The setting's own type refuses a value of the wrong shape,
//! and nothing is written unless every assignment fits.

use clap::Args;
use serde_json::Value;

use super::out::outln;
use super::{CliError, Ctx, print_json};
use crate::store::{Access, KNOWN_SETTINGS, KnownSetting};

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The setting, e.g. today or leave_rules (without it: the list of settings)
    key: Option<String>,
    /// Changes, e.g. contract_days=45 or always_require_certificate=true
    assignments: Vec<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Ctx, a: SettingsArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let Some(key) = a.key else {
        let width = KNOWN_SETTINGS
            .iter()
            .map(|s| s.key.len())
            .max()
            .unwrap_or(0)
            + 2;
        for s in KNOWN_SETTINGS {
            outln!("{:<width$}{}", s.key, i.t(s.about));
        }
        return Ok(());
    };
    let setting = KNOWN_SETTINGS
        .iter()
        .find(|s| s.key == key)
        .ok_or_else(|| {
            CliError::input(i.tf(
                "settings.unknown",
                &[("key", &key), ("known", &known_keys())],
            ))
        })?;
    let access = if a.assignments.is_empty() {
        Access::ReadOnly
    } else {
        Access::ReadWrite
    };
    let store = ctx.open(access)?;
    let mut value = setting.read(&store).map_err(|e| CliError::store(i, &e))?;
    if !a.assignments.is_empty() {
        for text in &a.assignments {
            assign(ctx, setting, &mut value, text)?;
        }
        setting
            .write(&store, value.clone())
            .map_err(|e| CliError::store(i, &e))?;
    }
    if a.json {
        return print_json(&value);
    }
    match &value {
        Value::Object(fields) => {
            for (field, v) in fields {
                outln!("{field:<32}{v}");
            }
        }
        other => outln!("{other}"),
    }
    Ok(())
}

/// Applies one `field=value` to the current value; a setting that is not a set of fields takes
/// `value=…` for the whole.
fn assign(
    ctx: &Ctx,
    setting: &KnownSetting,
    value: &mut Value,
    text: &str,
) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let (field, raw) = text
        .split_once('=')
        .ok_or_else(|| CliError::input(i.tf("settings.not_assignment", &[("text", text)])))?;
    let new = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
    match value {
        Value::Object(fields) => match fields.get_mut(field) {
            Some(slot) => *slot = new,
            None => {
                let names: Vec<&str> = fields.keys().map(String::as_str).collect();
                return Err(CliError::input(i.tf(
                    "settings.unknown_field",
                    &[
                        ("key", setting.key),
                        ("field", field),
                        ("known", &names.join(", ")),
                    ],
                )));
            }
        },
        whole if field == "value" => *whole = new,
        _ => {
            return Err(CliError::input(i.tf(
                "settings.whole_value",
                &[("key", setting.key), ("field", field)],
            )));
        }
    }
    Ok(())
}

fn known_keys() -> String {
    KNOWN_SETTINGS
        .iter()
        .map(|s| s.key)
        .collect::<Vec<_>>()
        .join(", ")
}
