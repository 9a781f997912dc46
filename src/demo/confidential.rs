//! The demo company's confidential area: its PIN is [`DEMO_PIN`] (said in the README), a
//! disciplinary file with its procedure, a grievance and a medical note, dated relative to today.

use chrono::{Duration, NaiveDate};

use crate::domain::confidential::{GrievanceInput, MeasureInput, MedicalNoteInput, PinInput};
use crate::domain::date::format_date;
use crate::store::{Result, Store};

/// The demo's PIN of the confidential area (a demo file only: choose your own with `set-pin`).
pub const DEMO_PIN: &str = "1234";

pub fn load(store: &Store, today: NaiveDate) -> Result<()> {
    let d = |n: i64| format_date(today - Duration::days(n));
    let key = store.confidential().set_pin(&PinInput {
        pin: DEMO_PIN.into(),
        repeat: DEMO_PIN.into(),
        ..Default::default()
    })?;
    let repo = store.confidential();
    // The forklift driver: a warning last year, and a procedure running now.
    let driver = store.employees().by_number("E0015")?.id;
    repo.add_measure(
        &key,
        driver,
        &MeasureInput {
            kind: "oral_warning".into(),
            facts_on: d(290),
            facts: "Reed zonder gordel met de heftruck op het laadperron.".into(),
            heard_by: "Pieter Claeys".into(),
            follow_up: "Veiligheidsinstructies opnieuw overlopen met de preventieadviseur.".into(),
            ..Default::default()
        },
    )?;
    repo.add_measure(
        &key,
        driver,
        &MeasureInput {
            kind: "written_warning".into(),
            facts_on: d(12),
            facts: "Laadperron twee keer onafgesloten achtergelaten na de late ploeg.".into(),
            hearing_on: d(5),
            heard_by: "Pieter Claeys, Sofie Janssens (HR)".into(),
            decision: "Schriftelijke verwittiging volgens art. 17 van het arbeidsreglement.".into(),
            decided_on: d(3),
            letters: format!(
                "Uitnodiging hoorzitting afgegeven op {}; beslissing aangetekend verstuurd op {}.",
                d(9),
                d(3)
            ),
            ..Default::default()
        },
    )?;
    let clerk = store.employees().by_number("E0019")?.id;
    repo.add_grievance(
        &key,
        clerk,
        &GrievanceInput {
            received_on: d(40),
            subject: "Opmerkingen over werkuren in het bijzijn van collega's".into(),
            text: "Meldt herhaalde opmerkingen van een collega over haar aangepaste werkuren."
                .into(),
            handled_by: "Sofie Janssens (HR), vertrouwenspersoon".into(),
            outcome: "Gesprek met beide collega's; afspraken schriftelijk bevestigd.".into(),
            closed_on: d(25),
        },
    )?;
    repo.add_medical_note(
        &key,
        driver,
        &MedicalNoteInput {
            written_on: d(60),
            source: "Preventieadviseur-arbeidsarts (Idewe)".into(),
            text: "Geschikt, met beperking: niet tillen boven 15 kg tot het volgende onderzoek."
                .into(),
        },
    )?;
    Ok(())
}
