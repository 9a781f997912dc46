//! The templates Dossier ships: their codes, what each needs from the user, and their embedded
//! Markdown sources in Dutch, French and English.

use crate::choice_enum;
use crate::i18n::Lang;

choice_enum!(
    /// One letter or document. The code is the template's file name (`<code>.md`).
    TemplateId, "template" {
        EmploymentCertificate => "employment_certificate",
        ContractDraft => "contract_draft",
        WorkRulesReceipt => "work_rules_receipt",
        WelcomeLetter => "welcome_letter",
        LeaveConfirmation => "leave_confirmation",
        SicknessInformation => "sickness_information",
        InterviewInvitation => "interview_invitation",
        RejectionLetter => "rejection_letter",
        TerminationLetter => "termination_letter",
        MaternityInformation => "maternity_information",
        ParentalLeaveInformation => "parental_leave_information",
        ApplicationAcknowledgement => "application_acknowledgement",
        RejectionAfterInterview => "rejection_after_interview",
        OfferLetter => "offer_letter",
        VacancyText => "vacancy_text",
    }
);

/// A value a template needs beyond the dossier and the company settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    /// A leave request of the employee (`request`).
    LeaveRequest,
    /// Who gives notice, when, and how (`notice_by`, `notified_on`, `registered_letter`).
    Notice,
    /// Expected delivery date, chosen start, multiple birth.
    Maternity,
    /// Addressee of a letter to someone without a dossier (`to_name`, `to_address`, `vacancy`).
    Recipient,
    /// Day and hour of an interview (`meeting_at`).
    Meeting,
    /// The vacancy's terms: contract, hours, start, profile (`vacancy_id`).
    Vacancy,
}

impl TemplateId {
    /// Letters addressed to an employee's dossier; the others go to a candidate.
    pub fn needs_employee(self) -> bool {
        !matches!(
            self,
            TemplateId::InterviewInvitation
                | TemplateId::RejectionLetter
                | TemplateId::ApplicationAcknowledgement
                | TemplateId::RejectionAfterInterview
                | TemplateId::OfferLetter
                | TemplateId::VacancyText
        )
    }

    pub fn extras(self) -> &'static [Extra] {
        match self {
            TemplateId::LeaveConfirmation => &[Extra::LeaveRequest],
            TemplateId::TerminationLetter => &[Extra::Notice],
            TemplateId::MaternityInformation => &[Extra::Maternity],
            TemplateId::InterviewInvitation => &[Extra::Recipient, Extra::Meeting],
            TemplateId::RejectionLetter => &[Extra::Recipient],
            TemplateId::ApplicationAcknowledgement | TemplateId::RejectionAfterInterview => {
                &[Extra::Recipient]
            }
            TemplateId::OfferLetter => &[Extra::Recipient, Extra::Vacancy],
            TemplateId::VacancyText => &[Extra::Vacancy],
            _ => &[],
        }
    }

    /// i18n key of the one-line description shown in lists.
    pub fn description_key(self) -> String {
        format!(
            "template_help.{}",
            crate::domain::choice::Choice::code(self)
        )
    }

    /// The Markdown source compiled into the binary.
    pub fn embedded(self, lang: Lang) -> &'static str {
        macro_rules! by_lang {
            ($name:literal) => {
                match lang {
                    Lang::Nl => include_str!(concat!("../../assets/templates/nl/", $name, ".md")),
                    Lang::Fr => include_str!(concat!("../../assets/templates/fr/", $name, ".md")),
                    Lang::En => include_str!(concat!("../../assets/templates/en/", $name, ".md")),
                }
            };
        }
        match self {
            TemplateId::EmploymentCertificate => by_lang!("employment_certificate"),
            TemplateId::ContractDraft => by_lang!("contract_draft"),
            TemplateId::WorkRulesReceipt => by_lang!("work_rules_receipt"),
            TemplateId::WelcomeLetter => by_lang!("welcome_letter"),
            TemplateId::LeaveConfirmation => by_lang!("leave_confirmation"),
            TemplateId::SicknessInformation => by_lang!("sickness_information"),
            TemplateId::InterviewInvitation => by_lang!("interview_invitation"),
            TemplateId::RejectionLetter => by_lang!("rejection_letter"),
            TemplateId::TerminationLetter => by_lang!("termination_letter"),
            TemplateId::MaternityInformation => by_lang!("maternity_information"),
            TemplateId::ParentalLeaveInformation => by_lang!("parental_leave_information"),
            TemplateId::ApplicationAcknowledgement => by_lang!("application_acknowledgement"),
            TemplateId::RejectionAfterInterview => by_lang!("rejection_after_interview"),
            TemplateId::OfferLetter => by_lang!("offer_letter"),
            TemplateId::VacancyText => by_lang!("vacancy_text"),
        }
    }
}
