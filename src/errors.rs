//! Turns errors into sentences for the user, in their language (shared by the CLI and the TUI).

use crate::domain::error::ValidationErrors;
use crate::i18n::I18n;
use crate::store::StoreError;

/// One line per problem: "Field label: what is wrong".
pub fn validation_lines(i18n: &I18n, errs: &ValidationErrors) -> Vec<String> {
    errs.0
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                i18n.t(&format!("field.{}", e.field)),
                i18n.field_error(e)
            )
        })
        .collect()
}

pub fn store_error(i18n: &I18n, e: &StoreError) -> String {
    match e {
        StoreError::Invalid(v) => validation_lines(i18n, v).join("\n"),
        StoreError::NotFound(what) => i18n.tf("msg.not_found", &[("what", what)]),
        StoreError::Locked { path, holder } => i18n.tf(
            "msg.locked",
            &[
                ("path", &path.display().to_string()),
                ("holder", &holder.to_string()),
            ],
        ),
        StoreError::NotDossier { path } => {
            i18n.tf("msg.not_dossier", &[("path", &path.display().to_string())])
        }
        StoreError::TooNew { path, found, known } => i18n.tf(
            "msg.too_new",
            &[
                ("path", &path.display().to_string()),
                ("found", &found.to_string()),
                ("known", &known.to_string()),
            ],
        ),
        StoreError::Damaged { path, detail } => i18n.tf(
            "msg.damaged",
            &[("path", &path.display().to_string()), ("detail", detail)],
        ),
        StoreError::Other(err) => match disk_trouble(err) {
            Some(key) => i18n.tf(key, &[("detail", &format!("{err:#}"))]),
            None => format!("{err:#}"),
        },
        StoreError::Encrypted { path } => i18n.tf(
            if crate::store::ENCRYPTION_AVAILABLE {
                "msg.encrypted"
            } else {
                "msg.encrypted_unsupported"
            },
            &[("path", &path.display().to_string())],
        ),
        StoreError::WrongPassphrase { path } => i18n.tf(
            "msg.wrong_passphrase",
            &[("path", &path.display().to_string())],
        ),
        StoreError::EncryptionUnavailable => i18n.t("msg.encryption_unavailable"),
    }
}

/// A full disk or a failing one, in words the user can act on: SQLite rolled the change back, so
/// the message says nothing was saved (the i18n key of that message).
fn disk_trouble(err: &anyhow::Error) -> Option<&'static str> {
    let code = err
        .chain()
        .find_map(|e| e.downcast_ref::<rusqlite::Error>())
        .and_then(|e| e.sqlite_error_code())?;
    match code {
        rusqlite::ErrorCode::DiskFull => Some("msg.disk_full"),
        rusqlite::ErrorCode::SystemIoFailure => Some("msg.disk_io"),
        _ => None,
    }
}

/// Whether the error is about the input (exit 1) or about storage (exit 3).
pub fn is_input_error(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Invalid(_) | StoreError::NotFound(_) | StoreError::WrongPassphrase { .. }
    )
}
