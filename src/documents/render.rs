//! Renders one template with minijinja: the user's copy in `<config dir>/templates/<lang>/` if there
//! is one, else the embedded one. Undefined variables are errors, never empty text.

use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior, Value};

use super::catalog::TemplateId;
use super::context::DocContext;
use crate::domain::choice::Choice;
use crate::i18n::Lang;

/// Where a template's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Override(PathBuf),
}

/// The user's copy of a template: `<dir>/<lang>/<code>.md`.
pub fn override_path(dir: &Path, template: TemplateId, lang: Lang) -> PathBuf {
    dir.join(lang.code())
        .join(format!("{}.md", template.code()))
}

/// The text of a template and where it came from.
pub fn source(
    template: TemplateId,
    lang: Lang,
    dir: Option<&Path>,
) -> Result<(String, Origin), String> {
    if let Some(dir) = dir {
        let path = override_path(dir, template, lang);
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok((text, Origin::Override(path))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Ok((template.embedded(lang).to_string(), Origin::Embedded))
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Block tags on their own lines leave no blank lines behind; a letter ends with a newline.
    if let Ok(syntax) = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env
}

/// Renders `text` (named `name` in error messages) with the context.
pub fn render_text(name: &str, text: &str, ctx: &DocContext) -> Result<String, String> {
    let mut env = environment();
    env.add_template_owned(name.to_string(), text.to_string())
        .map_err(|e| describe(name, &e))?;
    let tmpl = env.get_template(name).map_err(|e| describe(name, &e))?;
    tmpl.render(Value::from(minijinja::value::Serde(ctx)))
        .map_err(|e| describe(name, &e))
}

/// The Markdown of a template for this context.
pub fn render(
    template: TemplateId,
    lang: Lang,
    dir: Option<&Path>,
    ctx: &DocContext,
) -> Result<String, String> {
    let (text, origin) = source(template, lang, dir)?;
    let name = match &origin {
        Origin::Embedded => format!("{}/{}.md", lang.code(), template.code()),
        Origin::Override(p) => p.display().to_string(),
    };
    render_text(&name, &text, ctx)
}

/// "template nl/x.md, line 4: undefined value (employee.nmae)".
fn describe(name: &str, e: &minijinja::Error) -> String {
    let mut text = name.to_string();
    if let Some(line) = e.line() {
        text.push_str(&format!(", line {line}"));
    }
    text.push_str(&format!(": {}", e.kind()));
    if let Some(detail) = e.detail() {
        text.push_str(&format!(" ({detail})"));
    }
    if let Some(src) = std::error::Error::source(e) {
        text.push_str(&format!(": {src}"));
    }
    text
}
