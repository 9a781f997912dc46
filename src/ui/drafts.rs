//! Forms left open when the terminal goes away (SIGHUP: the window closed; SIGTERM: the system
//! shuts down): what was typed is written to a private draft file instead of being lost, and the
//! next start says where it is. Saving it as a record instead could store half-checked input
//! (the form may not validate), so a draft the user copies from is the honest choice.

use std::path::{Path, PathBuf};

use super::App;
use super::widgets::form::Form;

/// Drafts live beside the database: `dossier.db` → `dossier-drafts/`.
pub fn drafts_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into());
    db.with_file_name(format!("{stem}-drafts"))
}

/// The form on screen, whichever tab owns it. A form of the confidential area counts as none: its
/// text (facts of a disciplinary case, a medical note) must never sit in a plain file on disk.
fn open_form(app: &App) -> Option<&Form> {
    if let Some(f) = &app.settings_form {
        return Some(&f.form);
    }
    [
        app.dossiers
            .form
            .as_ref()
            .filter(|f| !f.purpose.is_confidential())
            .map(|f| &f.form),
        app.leave.form.as_ref().map(|f| &f.form),
        app.payroll.form.as_ref().map(|f| &f.form),
        app.reports.form.as_ref().map(|f| &f.form),
        app.recruitment.form.as_ref().map(|f| &f.form),
        app.training.form.as_ref().map(|f| &f.form),
    ]
    .into_iter()
    .flatten()
    .next()
}

/// What a draft file will hold, taken while the form is on screen: the watchdog of `ui::run` may
/// have to write it from another thread when the main one is stuck on a terminal that went away.
#[derive(Debug, Clone)]
pub struct Draft {
    dir: PathBuf,
    json: serde_json::Value,
}

/// Writes the open form's fields as JSON (0600) when something was typed in it; returns the file.
pub fn save(app: &App) -> std::io::Result<Option<PathBuf>> {
    snapshot(app).map(|d| write(&d)).transpose()
}

/// The open form's fields when something was typed in it.
pub fn snapshot(app: &App) -> Option<Draft> {
    let form = open_form(app).filter(|f| f.is_dirty())?;
    let fields: serde_json::Map<String, serde_json::Value> = form
        .fields
        .iter()
        // A PIN is never written to disk.
        .filter(|f| f.kind != super::widgets::form::FieldKind::Secret)
        .map(|f| (f.name.to_string(), f.input.value().into()))
        .collect();
    let json = serde_json::json!({
        "form": form.title,
        "saved_at": app.store.clock().now().format("%Y-%m-%dT%H:%M:%S").to_string(),
        "fields": fields,
    });
    Some(Draft {
        dir: drafts_dir(app.store.path()),
        json,
    })
}

/// Writes a draft to a new private file in the drafts folder; returns the file.
pub fn write(draft: &Draft) -> std::io::Result<PathBuf> {
    let dir = &draft.dir;
    crate::store::create_private_dir(dir).map_err(std::io::Error::other)?;
    let stem = format!("draft-{}", chrono::Local::now().format("%Y-%m-%d-%H%M%S"));
    let path = crate::safe_file::free_path(dir, &stem, "json");
    let text = serde_json::to_string_pretty(&draft.json).map_err(std::io::Error::other)?;
    crate::safe_file::write_bytes(&path, crate::safe_file::Existing::Refuse, text.as_bytes())
        .map_err(std::io::Error::other)?;
    Ok(path)
}

/// At start: if drafts are waiting, the status line says where.
pub fn announce(app: &mut App) {
    let dir = drafts_dir(app.store.path());
    let waiting = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).count())
        .unwrap_or(0);
    if waiting > 0 {
        app.status = Some((
            app.i18n.tf(
                "data.drafts_waiting",
                &[
                    ("count", &waiting.to_string()),
                    ("dir", &dir.display().to_string()),
                ],
            ),
            super::widgets::bars::Level::Info,
        ));
    }
}
