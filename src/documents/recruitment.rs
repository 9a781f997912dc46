//! Letters to candidates and the vacancy text. The recruitment tab and the CLI name an application
//! (or a vacancy); the request is filled from the candidate and the vacancy, written through
//! [`make`] in the candidate's language, and the letter recorded on the candidate's timeline.

use std::path::Path;

use super::catalog::TemplateId;
use super::input::{DocFormat, MakeInput};
use super::{DocError, MakeRequest, doc_lang, make};
use crate::domain::choice::Choice;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::i18n::Lang;
use crate::store::recruitment::{CandidateLetter, job_title};
use crate::store::{GeneratedDocument, Store};

/// The letters offered on a candidate's page, in the order of the procedure.
pub const CANDIDATE_LETTERS: [TemplateId; 5] = [
    TemplateId::ApplicationAcknowledgement,
    TemplateId::InterviewInvitation,
    TemplateId::RejectionLetter,
    TemplateId::RejectionAfterInterview,
    TemplateId::OfferLetter,
];

fn invalid(field: &'static str, key: &'static str) -> DocError {
    DocError::Invalid(ValidationErrors(vec![FieldError::new(field, key)]))
}

/// Writes `template` to the candidate of `application_id` (Markdown and HTML in the export folder)
/// and records it on their timeline. An invitation names the application's next interview.
pub fn candidate_letter(
    store: &Store,
    application_id: i64,
    template: TemplateId,
    templates_dir: Option<&Path>,
) -> Result<(GeneratedDocument, CandidateLetter), DocError> {
    if !CANDIDATE_LETTERS.contains(&template) {
        return Err(invalid("template", "err.not_candidate_letter"));
    }
    let r = store.recruitment();
    let app = r.application(application_id)?;
    let candidate = r.candidate(app.candidate_id)?;
    if candidate.purged {
        return Err(invalid("candidate", "err.candidate_purged"));
    }
    let vacancy = r.vacancy(app.vacancy_id)?;
    let meeting_at = if template == TemplateId::InterviewInvitation {
        let now = store
            .clock()
            .today()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        let interviews = r.interviews_of(application_id)?;
        let next = interviews
            .iter()
            .filter(|i| i.start >= now)
            .min_by_key(|i| i.start)
            .ok_or_else(|| invalid("meeting_at", "err.no_interview"))?;
        next.start.format("%d/%m/%Y %H:%M").to_string()
    } else {
        String::new()
    };
    let input = MakeInput {
        language: doc_lang(candidate.data.language).code().to_string(),
        doc_format: DocFormat::Both.code().to_string(),
        to_name: candidate.data.full_name(),
        vacancy: job_title(&vacancy.data.title),
        vacancy_id: vacancy.id.to_string(),
        meeting_at,
        ..Default::default()
    };
    let doc = make(
        store,
        &MakeRequest {
            template,
            employee_id: None,
            input: &input,
            default_lang: Lang::Nl,
            out_dir: None,
            templates_dir,
        },
    )?;
    let letter = r.record_letter(application_id, template.code(), Some(doc.id))?;
    Ok((doc, letter))
}

/// Writes the vacancy's text (profile, hours, contract; gender-neutral title) in `lang`.
pub fn vacancy_text(
    store: &Store,
    vacancy_id: i64,
    lang: Lang,
    templates_dir: Option<&Path>,
) -> Result<GeneratedDocument, DocError> {
    let input = MakeInput {
        language: lang.code().to_string(),
        doc_format: DocFormat::Both.code().to_string(),
        vacancy_id: vacancy_id.to_string(),
        ..Default::default()
    };
    make(
        store,
        &MakeRequest {
            template: TemplateId::VacancyText,
            employee_id: None,
            input: &input,
            default_lang: lang,
            out_dir: None,
            templates_dir,
        },
    )
}
