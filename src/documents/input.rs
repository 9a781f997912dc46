//! What the user gives for one document besides the dossier: language, format and the values a
//! template needs (a leave request, the notice, the expected delivery, a candidate's address). The
//! form and the CLI fill the same text struct and get the same field-named errors.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::catalog::{Extra, TemplateId};
use crate::domain::choice::Choice;
use crate::domain::date::{optional_date, parse_date, required_date};
use crate::domain::employee::{choice_or, optional_text, required_text};
use crate::domain::error::{FieldError, ValidationErrors, collect};
use crate::domain::notice::NoticeParty;
use crate::domain::records::yes_no;
use crate::i18n::Lang;
use crate::{choice_enum, text_input};

choice_enum!(
    /// Which files to write: Markdown, a print-ready HTML page, or both.
    DocFormat, "doc_format" { Markdown => "md", Html => "html", Both => "both" }
);

impl DocFormat {
    pub fn markdown(self) -> bool {
        matches!(self, DocFormat::Markdown | DocFormat::Both)
    }

    pub fn html(self) -> bool {
        matches!(self, DocFormat::Html | DocFormat::Both)
    }
}

text_input!(
    /// What the user typed for one document (fields a template does not need are ignored).
    MakeInput, MAKE_FIELDS { language, doc_format, request, notice_by, notified_on, registered_letter, contract_date, expected_delivery, leave_from, multiple_birth, to_name, to_address, vacancy, meeting_at, vacancy_id }
);

/// The addressee of a letter to someone without a dossier (a candidate). The recruitment tab fills
/// it from a candidate; the CLI from flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Recipient {
    pub name: String,
    /// Address lines, e.g. ["Kerkstraat 1", "9000 Gent"].
    pub address: Vec<String>,
    /// The vacancy the letter is about.
    pub vacancy: String,
    /// Day and hour of the interview (invitations only).
    pub meeting_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeChoice {
    pub by: NoticeParty,
    pub notified_on: NaiveDate,
    pub registered_letter: bool,
    /// When the running contract was concluded; `None`: from the dossier.
    pub contract_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaternityChoice {
    pub expected: NaiveDate,
    pub leave_from: Option<NaiveDate>,
    pub multiple: bool,
}

/// Validated options for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MakeOptions {
    /// `None`: the employee's language (or the caller's default for a candidate).
    pub lang: Option<Lang>,
    pub format: DocFormat,
    pub request: Option<i64>,
    pub notice: Option<NoticeChoice>,
    pub maternity: Option<MaternityChoice>,
    pub recipient: Option<Recipient>,
    /// The vacancy whose terms the letter states (offer letter, vacancy text).
    pub vacancy_id: Option<i64>,
}

/// "dd/mm/yyyy hh:mm" (or ISO with a space or T); the field is named in the error.
fn date_time(field: &'static str, text: &str) -> Result<NaiveDateTime, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::new(field, "err.required"));
    }
    let bad = || FieldError::new(field, "err.date_time").arg("value", t);
    let (day, time) = t.rsplit_once([' ', 'T']).ok_or_else(bad)?;
    let day = parse_date(day.trim()).ok_or_else(bad)?;
    let time = NaiveTime::parse_from_str(&time.trim().replace(['h', 'u', '.'], ":"), "%H:%M")
        .map_err(|_| bad())?;
    Ok(day.and_time(time))
}

/// Address lines typed on one line, separated by commas or semicolons.
pub fn address_lines(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

impl MakeInput {
    /// Checks what `template` needs; `today` is the default notification day.
    pub fn validate(
        &self,
        template: TemplateId,
        today: NaiveDate,
    ) -> Result<MakeOptions, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let lang = if self.language.trim().is_empty() {
            Some(None)
        } else {
            collect(
                &mut errs,
                Lang::from_code(&self.language).map(Some).ok_or_else(|| {
                    FieldError::new("language", "err.choice")
                        .arg("value", self.language.trim())
                        .arg("options", "nl, fr, en")
                }),
            )
        };
        let format = collect(
            &mut errs,
            choice_or("doc_format", &self.doc_format, DocFormat::Both),
        );
        let mut opts = MakeOptions {
            lang: lang.flatten(),
            format: format.unwrap_or(DocFormat::Both),
            request: None,
            notice: None,
            maternity: None,
            recipient: None,
            vacancy_id: None,
        };
        for extra in template.extras() {
            match extra {
                Extra::LeaveRequest => {
                    let t = self.request.trim();
                    match t.trim_start_matches('#').parse::<i64>() {
                        Ok(id) if id > 0 => opts.request = Some(id),
                        _ if t.is_empty() => errs.push(FieldError::new("request", "err.required")),
                        _ => {
                            errs.push(FieldError::new("request", "err.request_id").arg("value", t))
                        }
                    }
                }
                Extra::Notice => {
                    let by = if self.notice_by.trim().is_empty() {
                        errs.push(FieldError::new("notice_by", "err.required"));
                        None
                    } else {
                        collect(
                            &mut errs,
                            choice_or("notice_by", &self.notice_by, NoticeParty::Employer),
                        )
                    };
                    let notified =
                        collect(&mut errs, optional_date("notified_on", &self.notified_on));
                    let registered = collect(
                        &mut errs,
                        yes_no("registered_letter", &self.registered_letter),
                    );
                    let contract_date = collect(
                        &mut errs,
                        optional_date("contract_date", &self.contract_date),
                    );
                    if let (Some(by), Some(n), Some(r), Some(c)) =
                        (by, notified, registered, contract_date)
                    {
                        opts.notice = Some(NoticeChoice {
                            by,
                            notified_on: n.unwrap_or(today),
                            registered_letter: r,
                            contract_date: c,
                        });
                    }
                }
                Extra::Maternity => {
                    let expected = collect(
                        &mut errs,
                        required_date("expected_delivery", &self.expected_delivery),
                    );
                    let from = collect(&mut errs, optional_date("leave_from", &self.leave_from));
                    let multiple =
                        collect(&mut errs, yes_no("multiple_birth", &self.multiple_birth));
                    if let (Some(expected), Some(leave_from), Some(multiple)) =
                        (expected, from, multiple)
                    {
                        // The window check belongs to the maternity rules; done here too so
                        // the form shows it beside the field.
                        match crate::domain::maternity::plan(expected, leave_from, multiple) {
                            Ok(_) => {
                                opts.maternity = Some(MaternityChoice {
                                    expected,
                                    leave_from,
                                    multiple,
                                })
                            }
                            Err(e) => errs.push(e),
                        }
                    }
                }
                Extra::Recipient => {
                    let name = collect(&mut errs, required_text("to_name", &self.to_name, 120));
                    let address = collect(
                        &mut errs,
                        optional_text("to_address", &self.to_address, 300),
                    );
                    let vacancy = collect(&mut errs, required_text("vacancy", &self.vacancy, 120));
                    if let (Some(name), Some(address), Some(vacancy)) = (name, address, vacancy) {
                        let r = opts.recipient.get_or_insert_with(Recipient::default);
                        r.name = name;
                        r.address = address_lines(&address);
                        r.vacancy = vacancy;
                    }
                }
                Extra::Vacancy => {
                    let t = self.vacancy_id.trim();
                    match t.trim_start_matches('#').parse::<i64>() {
                        Ok(id) if id > 0 => opts.vacancy_id = Some(id),
                        _ if t.is_empty() => {
                            errs.push(FieldError::new("vacancy_id", "err.required"))
                        }
                        _ => errs
                            .push(FieldError::new("vacancy_id", "err.vacancy_id").arg("value", t)),
                    }
                }
                Extra::Meeting => {
                    if let Some(at) = collect(&mut errs, date_time("meeting_at", &self.meeting_at))
                    {
                        opts.recipient
                            .get_or_insert_with(Recipient::default)
                            .meeting_at = Some(at);
                    }
                }
            }
        }
        errs.into_result(opts)
    }
}

/// Codes of every template, for messages listing the choices.
pub fn template_codes() -> String {
    TemplateId::codes().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn each_template_asks_for_its_own_fields() {
        let empty = MakeInput::default();
        assert!(empty.validate(TemplateId::WelcomeLetter, today()).is_ok());
        let errs = empty
            .validate(TemplateId::LeaveConfirmation, today())
            .unwrap_err();
        assert_eq!(errs.for_field("request").unwrap().key, "err.required");
        let errs = empty
            .validate(TemplateId::InterviewInvitation, today())
            .unwrap_err();
        for f in ["to_name", "vacancy", "meeting_at"] {
            assert!(errs.for_field(f).is_some(), "{f}");
        }
        let errs = empty
            .validate(TemplateId::TerminationLetter, today())
            .unwrap_err();
        assert_eq!(errs.for_field("notice_by").unwrap().key, "err.required");
    }

    #[test]
    fn a_candidate_letter_reads_the_address_and_the_hour() {
        let input = MakeInput {
            to_name: "Sara Janssens".into(),
            to_address: "Kerkstraat 1, 9000 Gent".into(),
            vacancy: "CNC-operator".into(),
            meeting_at: "02/12/2026 14:30".into(),
            language: "fr".into(),
            ..Default::default()
        };
        let o = input
            .validate(TemplateId::InterviewInvitation, today())
            .unwrap();
        let r = o.recipient.unwrap();
        assert_eq!(r.address, ["Kerkstraat 1", "9000 Gent"]);
        assert_eq!(
            r.meeting_at.unwrap().format("%d/%m/%Y %H:%M").to_string(),
            "02/12/2026 14:30"
        );
        assert_eq!(o.lang, Some(Lang::Fr));
        let bad = MakeInput {
            meeting_at: "morgen".into(),
            ..input
        };
        let errs = bad
            .validate(TemplateId::InterviewInvitation, today())
            .unwrap_err();
        assert_eq!(errs.for_field("meeting_at").unwrap().key, "err.date_time");
    }

    #[test]
    fn notice_defaults_to_today_and_maternity_checks_its_window() {
        let o = MakeInput {
            notice_by: "employee".into(),
            ..Default::default()
        }
        .validate(TemplateId::TerminationLetter, today())
        .unwrap();
        let n = o.notice.unwrap();
        assert_eq!((n.by, n.notified_on), (NoticeParty::Employee, today()));
        let errs = MakeInput {
            expected_delivery: "15/05/2027".into(),
            leave_from: "01/01/2027".into(),
            ..Default::default()
        }
        .validate(TemplateId::MaternityInformation, today())
        .unwrap_err();
        assert_eq!(
            errs.for_field("leave_from").unwrap().key,
            "err.maternity_start"
        );
        let errs = MakeInput {
            language: "de".into(),
            doc_format: "pdf".into(),
            ..Default::default()
        }
        .validate(TemplateId::WelcomeLetter, today())
        .unwrap_err();
        assert!(errs.for_field("language").is_some());
        assert!(errs.for_field("doc_format").is_some());
    }
}
