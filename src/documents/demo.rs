//! The demo company's letterhead and a few letters already in its dossiers, so a newcomer sees the
//! Documents section filled and can open real files. Made through [`make`](super::make), like the
//! assistant's own letters.

use chrono::{Duration, NaiveDate};

use super::{DocError, MakeInput, MakeRequest, TemplateId};
use crate::domain::company::CompanyInput;
use crate::domain::date::format_date;
use crate::i18n::Lang;
use crate::store::Store;

/// Stores the demo company settings and makes its letters (after the demo people are loaded).
pub fn load(store: &Store, today: NaiveDate) -> Result<(), DocError> {
    store.settings().save_company(&CompanyInput {
        company_name: "Demo Metaal NV".into(),
        company_address: "Nijverheidskaai 12, 9040 Gent".into(),
        // A published valid example of an enterprise number.
        company_number: "0566.988.259".into(),
        joint_committees: "111, 200".into(),
        logo_text: "DEMO METAAL".into(),
        signatory_name: "Luc Vermeulen".into(),
        signatory_title: "Zaakvoerder".into(),
        social_secretariat: "Sociaal Secretariaat Gent".into(),
        city: "Gent".into(),
        ..Default::default()
    })?;
    let letters: [(&str, TemplateId, MakeInput); 4] = [
        // The new CNC operator who starts next week.
        ("E0023", TemplateId::WelcomeLetter, MakeInput::default()),
        ("E0023", TemplateId::WorkRulesReceipt, MakeInput::default()),
        (
            "E0002",
            TemplateId::EmploymentCertificate,
            MakeInput::default(),
        ),
        (
            "E0014",
            TemplateId::MaternityInformation,
            MakeInput {
                expected_delivery: format_date(today + Duration::days(120)),
                ..Default::default()
            },
        ),
    ];
    for (number, template, input) in &letters {
        // A person the demo no longer has is skipped rather than failing the whole demo.
        let Ok(e) = store.employees().by_number(number) else {
            continue;
        };
        super::make(
            store,
            &MakeRequest {
                template: *template,
                employee_id: Some(e.id),
                input,
                default_lang: Lang::Nl,
                out_dir: None,
                templates_dir: None,
            },
        )?;
    }
    Ok(())
}
