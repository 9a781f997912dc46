//! Letters and documents from templates: gather the dossier's data, render the template in the
//! document's language, write Markdown and a print-ready HTML page to the export folder, and record
//! the document in the dossier.

pub mod catalog;
pub mod context;
pub mod demo;
mod gather;
pub mod input;
pub mod page;
pub mod recruitment;
pub mod render;

use std::path::{Path, PathBuf};

use crate::domain::choice::Choice;
use crate::domain::company::CompanySettings;
use crate::domain::employee::DocLanguage;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::i18n::{I18n, Lang};
use crate::store::{GeneratedDocument, Store, StoreError};
pub use catalog::TemplateId;
pub use gather::notice_for;
pub use input::{MakeInput, MakeOptions, Recipient};

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// Input a field can be blamed for (a missing request, a date outside the allowed window…).
    #[error("invalid input: {0}")]
    Invalid(ValidationErrors),
    #[error(transparent)]
    Store(StoreError),
    /// A template that does not render (a typo in a user's copy, an unknown variable).
    #[error("template {0}")]
    Template(String),
    #[error("{0}")]
    Io(String),
}

impl From<StoreError> for DocError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(v) => DocError::Invalid(v),
            other => DocError::Store(other),
        }
    }
}

/// The language a document is written in for a person. German is not a document language yet:
/// Dutch is used, the legal language of a Flemish seat (Decree of 19 July 1973).
pub fn doc_lang(language: DocLanguage) -> Lang {
    match language {
        DocLanguage::French => Lang::Fr,
        DocLanguage::English => Lang::En,
        DocLanguage::Dutch | DocLanguage::German => Lang::Nl,
    }
}

/// Where documents go: the folder in the company settings, else `<database>-exports` beside it.
pub fn export_dir(store: &Store, company: &CompanySettings) -> PathBuf {
    if !company.export_dir.trim().is_empty() {
        return PathBuf::from(company.export_dir.trim());
    }
    store.exports_dir()
}

/// One document to make.
#[derive(Debug, Clone)]
pub struct MakeRequest<'a> {
    pub template: TemplateId,
    /// Required for templates addressed to an employee; `None` for a candidate letter.
    pub employee_id: Option<i64>,
    pub input: &'a MakeInput,
    /// The language when neither the input nor the employee decides (candidate letters).
    pub default_lang: Lang,
    /// Overrides the export folder (CLI `--out`).
    pub out_dir: Option<&'a Path>,
    /// `<config dir>/templates`: the user's own copies of templates.
    pub templates_dir: Option<&'a Path>,
}

/// A rendered document before it is written.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub lang: Lang,
    pub title: String,
    /// The full Markdown file: company heading and letter.
    pub markdown: String,
    pub html: String,
    pub options: MakeOptions,
    pub company: CompanySettings,
}

/// Renders without writing anything (also what tests and previews use).
pub fn render(store: &Store, req: &MakeRequest<'_>) -> Result<Rendered, DocError> {
    let today = store.clock().today();
    let options = req
        .input
        .validate(req.template, today)
        .map_err(DocError::Invalid)?;
    let company = store.settings().company()?;
    if company.name.trim().is_empty() {
        return Err(DocError::Invalid(ValidationErrors(vec![FieldError::new(
            "company_name",
            "err.company_missing",
        )])));
    }
    let lang = match (options.lang, req.template.needs_employee(), req.employee_id) {
        (Some(l), _, _) => l,
        (None, true, Some(id)) => doc_lang(store.employees().get(id)?.data.language),
        _ => req.default_lang,
    };
    let i = I18n::new(lang);
    let ctx = gather::context(store, req.template, req.employee_id, &options, &company, &i)?;
    let body =
        render::render(req.template, lang, req.templates_dir, &ctx).map_err(DocError::Template)?;
    let who = ctx
        .employee
        .as_ref()
        .map(|e| e.full_name.clone())
        .or_else(|| ctx.recipient.as_ref().map(|r| r.name.clone()))
        .or_else(|| ctx.vacancy.as_ref().map(|v| v.title.clone()))
        .unwrap_or_default();
    let title = format!("{} — {who}", i.t(req.template.label_key()));
    Ok(Rendered {
        lang,
        markdown: format!("{}{body}", page::markdown_header(&i, &ctx.company)),
        html: page::page(&title, &i, &ctx.company, &body),
        title,
        options,
        company,
    })
}

/// Renders, writes the files and records the document in the dossier.
pub fn make(store: &Store, req: &MakeRequest<'_>) -> Result<GeneratedDocument, DocError> {
    let r = render(store, req)?;
    let today = store.clock().today();
    let dir = req
        .out_dir
        .map(Path::to_path_buf)
        .unwrap_or_else(|| export_dir(store, &r.company));
    crate::store::create_private_dir(&dir)?;
    let who = match (req.employee_id, &r.options.recipient) {
        (Some(id), _) => store.employees().get(id)?.data.number,
        (None, Some(rec)) => slug(&rec.name),
        // The vacancy text: named after the vacancy, not a person.
        (None, None) => r
            .options
            .vacancy_id
            .map(|id| format!("vacancy-{id}"))
            .unwrap_or_default(),
    };
    let stem = free_stem(
        &dir,
        &format!(
            "{}_{who}_{}_{}",
            crate::domain::date::iso(today),
            req.template.code(),
            r.lang.code()
        ),
    );
    let mut written: Vec<PathBuf> = Vec::new();
    let mut write = |ext: &str, text: &str| -> Result<String, DocError> {
        let path = dir.join(format!("{stem}.{ext}"));
        write_private(&path, text)?;
        written.push(path.clone());
        Ok(path.display().to_string())
    };
    let result = (|| {
        let markdown_path = r
            .options
            .format
            .markdown()
            .then(|| write("md", &r.markdown))
            .transpose()?;
        let html_path = r
            .options
            .format
            .html()
            .then(|| write("html", &r.html))
            .transpose()?;
        Ok::<_, DocError>((markdown_path, html_path))
    })();
    let recorded = result.and_then(|(markdown_path, html_path)| {
        store
            .documents()
            .record(&GeneratedDocument {
                id: 0,
                employee_id: if req.template.needs_employee() {
                    req.employee_id
                } else {
                    None
                },
                template: req.template.code().to_string(),
                language: r.lang.code().to_string(),
                markdown_path,
                html_path,
                recipient: r
                    .options
                    .recipient
                    .as_ref()
                    .map(|x| x.name.clone())
                    // A text for no one in particular (the vacancy text) is named by its title.
                    .or_else(|| req.employee_id.is_none().then(|| r.title.clone()))
                    .unwrap_or_default(),
                generated_on: today,
            })
            .map_err(DocError::from)
    });
    if recorded.is_err() {
        // Files without their record in the dossier would be untracked copies of personal data.
        for p in &written {
            let _ = std::fs::remove_file(p);
        }
    }
    recorded
}

/// A file name part from a person's name: ASCII letters and digits, dashes between words.
fn slug(name: &str) -> String {
    let folded = crate::domain::text::search_key(name);
    let s: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if s.is_empty() {
        "letter".into()
    } else {
        s.join("-")
    }
}

/// `stem`, or `stem-2`, `stem-3`… so no earlier document is ever overwritten (neither its `.md`
/// nor its `.html`).
fn free_stem(dir: &Path, stem: &str) -> String {
    let chosen =
        crate::safe_file::free_name(dir, stem, |s| vec![format!("{s}.md"), format!("{s}.html")]);
    chosen
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| stem.to_string())
}

/// Writes a new private file (0600), whole or not at all: letters hold personal data.
fn write_private(path: &Path, text: &str) -> Result<(), DocError> {
    crate::safe_file::write_bytes(path, crate::safe_file::Existing::Refuse, text.as_bytes())
        .map_err(|e| DocError::Io(e.to_string()))
}

#[cfg(test)]
mod tests;
