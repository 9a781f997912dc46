//! The confidential area of a dossier: disciplinary measures with their procedure, grievances and
//! medical notes, and the PIN that unlocks them (a second lock on top of access to the file).

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::date::{optional_date, required_date};
use super::employee::{choice_or, optional_text, required_text};
use super::error::{FieldError, ValidationErrors, collect};
use crate::{choice_enum, text_input};

/// Tables of the confidential area: left out of the privacy export unless asked for explicitly.
pub const CONFIDENTIAL_TABLES: &[&str] = &["disciplinary_measures", "grievances", "medical_notes"];

/// Audit entities of confidential records: their rows keep a digest only, and the dossier's
/// history (shown without the PIN) leaves them out.
pub const CONFIDENTIAL_ENTITIES: &[&str] = &["disciplinary_measure", "grievance", "medical_note"];

choice_enum!(
    /// The penalties a Belgian employer may impose are those listed in the work rules (Law of
    /// 8 April 1965, art. 6); dismissal for serious cause (Law of 3 July 1978, art. 35) is kept
    /// here too because its procedure (facts, hearing, letters) is the same file.
    MeasureKind, "measure" {
        OralWarning => "oral_warning",
        WrittenWarning => "written_warning",
        Reprimand => "reprimand",
        Fine => "fine",
        Suspension => "suspension",
        DismissalSeriousCause => "dismissal_serious_cause",
        Other => "other",
    }
);

/// A warning or sanction with its procedure: what happened, the hearing, the decision, the letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisciplinaryMeasure {
    pub id: i64,
    pub kind: MeasureKind,
    pub facts_on: NaiveDate,
    pub facts: String,
    pub hearing_on: Option<NaiveDate>,
    pub heard_by: String,
    pub follow_up: String,
    pub decision: String,
    pub decided_on: Option<NaiveDate>,
    /// Letters sent and received (invitation to the hearing, decision by registered letter…).
    pub letters: String,
}

text_input!(
    /// What the user typed for a disciplinary measure.
    MeasureInput, MEASURE_FIELDS {
        kind, facts_on, facts, hearing_on, heard_by, follow_up, decision, decided_on, letters
    }
);

/// `later` may not come before `earlier` (both optional).
fn not_before(
    errs: &mut ValidationErrors,
    field: &'static str,
    earlier: Option<NaiveDate>,
    later: Option<NaiveDate>,
) {
    if let (Some(a), Some(b)) = (earlier, later)
        && b < a
    {
        errs.push(FieldError::new(field, "err.end_before_start"));
    }
}

impl MeasureInput {
    pub fn validate(&self) -> Result<DisciplinaryMeasure, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let kind = collect(&mut errs, choice_or("kind", &self.kind, MeasureKind::Other));
        let facts_on = collect(&mut errs, required_date("facts_on", &self.facts_on));
        let facts = collect(&mut errs, required_text("facts", &self.facts, 4000));
        let hearing_on = collect(&mut errs, optional_date("hearing_on", &self.hearing_on));
        let heard_by = collect(&mut errs, optional_text("heard_by", &self.heard_by, 120));
        let follow_up = collect(&mut errs, optional_text("follow_up", &self.follow_up, 2000));
        let decision = collect(&mut errs, optional_text("decision", &self.decision, 2000));
        let decided_on = collect(&mut errs, optional_date("decided_on", &self.decided_on));
        let letters = collect(&mut errs, optional_text("letters", &self.letters, 2000));
        let (hearing_on, decided_on) = (hearing_on.flatten(), decided_on.flatten());
        not_before(&mut errs, "hearing_on", facts_on, hearing_on);
        not_before(&mut errs, "decided_on", facts_on, decided_on);
        not_before(&mut errs, "decided_on", hearing_on, decided_on);
        // A decision is dated, and a date decides something: the file must say what and when.
        match (decision.as_deref(), decided_on) {
            (Some(""), Some(_)) => errs.push(FieldError::new("decision", "err.required")),
            (Some(d), None) if !d.is_empty() => {
                errs.push(FieldError::new("decided_on", "err.required"))
            }
            _ => {}
        }
        errs.into_result(())?;
        Ok(DisciplinaryMeasure {
            id: 0,
            kind: kind.unwrap_or(MeasureKind::Other),
            facts_on: facts_on.unwrap_or_default(),
            facts: facts.unwrap_or_default(),
            hearing_on,
            heard_by: heard_by.unwrap_or_default(),
            follow_up: follow_up.unwrap_or_default(),
            decision: decision.unwrap_or_default(),
            decided_on,
            letters: letters.unwrap_or_default(),
        })
    }

    pub fn from_measure(m: &DisciplinaryMeasure) -> MeasureInput {
        MeasureInput {
            kind: crate::domain::choice::Choice::code(m.kind).into(),
            facts_on: super::date::format_date(m.facts_on),
            facts: m.facts.clone(),
            hearing_on: super::date::format_opt_date(m.hearing_on),
            heard_by: m.heard_by.clone(),
            follow_up: m.follow_up.clone(),
            decision: m.decision.clone(),
            decided_on: super::date::format_opt_date(m.decided_on),
            letters: m.letters.clone(),
        }
    }
}

/// A complaint made by the employee (about a colleague, a manager, working conditions…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grievance {
    pub id: i64,
    pub received_on: NaiveDate,
    pub subject: String,
    pub text: String,
    pub handled_by: String,
    pub outcome: String,
    pub closed_on: Option<NaiveDate>,
}

text_input!(
    /// What the user typed for a grievance.
    GrievanceInput, GRIEVANCE_FIELDS { received_on, subject, text, handled_by, outcome, closed_on }
);

impl GrievanceInput {
    pub fn validate(&self) -> Result<Grievance, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let received_on = collect(&mut errs, required_date("received_on", &self.received_on));
        let subject = collect(&mut errs, required_text("subject", &self.subject, 120));
        let text = collect(&mut errs, optional_text("text", &self.text, 4000));
        let handled_by = collect(
            &mut errs,
            optional_text("handled_by", &self.handled_by, 120),
        );
        let outcome = collect(&mut errs, optional_text("outcome", &self.outcome, 2000));
        let closed_on = collect(&mut errs, optional_date("closed_on", &self.closed_on)).flatten();
        not_before(&mut errs, "closed_on", received_on, closed_on);
        errs.into_result(())?;
        Ok(Grievance {
            id: 0,
            received_on: received_on.unwrap_or_default(),
            subject: subject.unwrap_or_default(),
            text: text.unwrap_or_default(),
            handled_by: handled_by.unwrap_or_default(),
            outcome: outcome.unwrap_or_default(),
            closed_on,
        })
    }

    pub fn from_grievance(g: &Grievance) -> GrievanceInput {
        GrievanceInput {
            received_on: super::date::format_date(g.received_on),
            subject: g.subject.clone(),
            text: g.text.clone(),
            handled_by: g.handled_by.clone(),
            outcome: g.outcome.clone(),
            closed_on: super::date::format_opt_date(g.closed_on),
        }
    }
}

/// What the occupational physician or a certificate says that the employer may know (fitness,
/// restrictions, adjustments), never a diagnosis the employee did not choose to share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MedicalNote {
    pub id: i64,
    pub written_on: NaiveDate,
    pub source: String,
    pub text: String,
}

text_input!(
    /// What the user typed for a medical note.
    MedicalNoteInput, MEDICAL_NOTE_FIELDS { written_on, source, text }
);

impl MedicalNoteInput {
    pub fn validate(&self) -> Result<MedicalNote, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let written_on = collect(&mut errs, required_date("written_on", &self.written_on));
        let source = collect(&mut errs, optional_text("source", &self.source, 120));
        let text = collect(&mut errs, required_text("text", &self.text, 4000));
        errs.into_result(())?;
        Ok(MedicalNote {
            id: 0,
            written_on: written_on.unwrap_or_default(),
            source: source.unwrap_or_default(),
            text: text.unwrap_or_default(),
        })
    }

    pub fn from_note(n: &MedicalNote) -> MedicalNoteInput {
        MedicalNoteInput {
            written_on: super::date::format_date(n.written_on),
            source: n.source.clone(),
            text: n.text.clone(),
        }
    }
}

/// PBKDF2 rounds for a new PIN, kept with the hash so it can be raised later without locking
/// anyone out. Below OWASP's 600 000 so that checking stays instant in a debug build too; a
/// short PIN cannot resist an offline attack on a stolen file anyway (that is what encryption
/// at rest is for): the PIN keeps the confidential area from eyes at the desk.
pub const PIN_ITERATIONS: u32 = 100_000;

text_input!(
    /// A new PIN typed twice, and the current one when it is changed.
    PinInput, PIN_FIELDS { current, pin, repeat }
);

/// A new PIN or passphrase: 4 to 128 characters, no control characters.
pub fn check_new_pin(input: &PinInput) -> Result<String, ValidationErrors> {
    let mut errs = ValidationErrors::default();
    let n = input.pin.chars().count();
    if n < 4 {
        errs.push(FieldError::new("pin", "err.pin_short"));
    } else if n > 128 {
        errs.push(FieldError::new("pin", "err.too_long").arg("max", "128"));
    } else if input.pin.chars().any(char::is_control) {
        errs.push(FieldError::new("pin", "err.pin_control"));
    }
    if input.repeat != input.pin {
        errs.push(FieldError::new("repeat", "err.pin_mismatch"));
    }
    errs.into_result(input.pin.clone())
}

fn hmac_keys(key: &[u8]) -> (Sha256, Sha256) {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let (mut inner, mut outer) = (Sha256::new(), Sha256::new());
    inner.update(block.map(|b| b ^ 0x36));
    outer.update(block.map(|b| b ^ 0x5c));
    (inner, outer)
}

fn hmac(keys: &(Sha256, Sha256), msg: &[u8]) -> [u8; 32] {
    let mut inner = keys.0.clone();
    inner.update(msg);
    let mut outer = keys.1.clone();
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// PBKDF2-HMAC-SHA256 (RFC 8018), one 32-byte block, as hex: slow on purpose, so a stolen file
/// does not give the PIN away by trying every short one quickly.
pub fn pin_hash(pin: &str, salt: &str, iterations: u32) -> String {
    let keys = hmac_keys(pin.as_bytes());
    let mut first = salt.as_bytes().to_vec();
    first.extend_from_slice(&1u32.to_be_bytes());
    let mut u = hmac(&keys, &first);
    let mut out = u;
    for _ in 1..iterations {
        u = hmac(&keys, &u);
        out.iter_mut().zip(u).for_each(|(o, x)| *o ^= x);
    }
    out.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `pin` gives `stored`; compares in constant time so timing tells nothing.
pub fn pin_matches(pin: &str, salt: &str, iterations: u32, stored: &str) -> bool {
    let got = pin_hash(pin, salt, iterations);
    got.len() == stored.len()
        && got
            .bytes()
            .zip(stored.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pbkdf2_matches_the_published_test_vectors() {
        // RFC 7914 §11 / widely published PBKDF2-HMAC-SHA256 vectors ("password", "salt").
        assert_eq!(
            pin_hash("password", "salt", 1),
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        );
        assert_eq!(
            pin_hash("password", "salt", 2),
            "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
        );
        assert_eq!(
            pin_hash("password", "salt", 4096),
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
        );
    }

    #[test]
    fn a_pin_matches_only_itself() {
        let h = pin_hash("4711", "abc", 10);
        assert!(pin_matches("4711", "abc", 10, &h));
        assert!(!pin_matches("4712", "abc", 10, &h));
        assert!(!pin_matches("4711", "abd", 10, &h));
        assert!(!pin_matches("4711", "abc", 11, &h));
        assert!(!pin_matches("4711", "abc", 10, ""));
    }

    #[test]
    fn a_new_pin_is_long_enough_and_typed_twice_the_same() {
        let ok = PinInput {
            pin: "4711".into(),
            repeat: "4711".into(),
            ..Default::default()
        };
        assert_eq!(check_new_pin(&ok).unwrap(), "4711");
        let short = PinInput {
            pin: "471".into(),
            repeat: "471".into(),
            ..Default::default()
        };
        assert_eq!(check_new_pin(&short).unwrap_err().0[0].key, "err.pin_short");
        let differ = PinInput {
            pin: "4711".into(),
            repeat: "4712".into(),
            ..Default::default()
        };
        assert_eq!(check_new_pin(&differ).unwrap_err().0[0].field, "repeat");
        let control = PinInput {
            pin: "47\u{7}11".into(),
            repeat: "47\u{7}11".into(),
            ..Default::default()
        };
        assert_eq!(
            check_new_pin(&control).unwrap_err().0[0].key,
            "err.pin_control"
        );
    }

    fn measure() -> MeasureInput {
        MeasureInput {
            kind: "written_warning".into(),
            facts_on: "03/11/2026".into(),
            facts: "Left the loading bay unlocked twice".into(),
            hearing_on: "10/11/2026".into(),
            heard_by: "Jan Peeters".into(),
            decision: "Written warning".into(),
            decided_on: "12/11/2026".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_measure_keeps_its_procedure_in_date_order() {
        let m = measure().validate().unwrap();
        assert_eq!(m.kind, MeasureKind::WrittenWarning);
        assert_eq!(m.hearing_on, NaiveDate::from_ymd_opt(2026, 11, 10));
        assert_eq!(MeasureInput::from_measure(&m).validate().unwrap(), m);
        let early = MeasureInput {
            hearing_on: "01/11/2026".into(),
            ..measure()
        };
        let e = early.validate().unwrap_err();
        assert_eq!(e.0[0].field, "hearing_on");
        let before_hearing = MeasureInput {
            decided_on: "09/11/2026".into(),
            ..measure()
        };
        assert_eq!(
            before_hearing.validate().unwrap_err().0[0].field,
            "decided_on"
        );
    }

    #[test]
    fn a_decision_needs_its_date_and_a_date_its_decision() {
        let undated = MeasureInput {
            decided_on: String::new(),
            ..measure()
        };
        assert_eq!(undated.validate().unwrap_err().0[0].field, "decided_on");
        let empty = MeasureInput {
            decision: String::new(),
            ..measure()
        };
        assert_eq!(empty.validate().unwrap_err().0[0].field, "decision");
        let open = MeasureInput {
            decision: String::new(),
            decided_on: String::new(),
            ..measure()
        };
        assert!(open.validate().is_ok());
    }

    #[test]
    fn facts_and_their_date_are_required_and_the_kind_is_a_known_one() {
        let e = MeasureInput {
            kind: "flogging".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["kind", "facts_on", "facts"]);
    }

    #[test]
    fn grievances_close_after_they_are_received_and_notes_need_text() {
        let g = GrievanceInput {
            received_on: "02/02/2026".into(),
            subject: "Shouting in the workshop".into(),
            closed_on: "01/02/2026".into(),
            ..Default::default()
        };
        assert_eq!(g.validate().unwrap_err().0[0].field, "closed_on");
        let g = GrievanceInput {
            closed_on: "20/02/2026".into(),
            ..g
        };
        let ok = g.validate().unwrap();
        assert_eq!(GrievanceInput::from_grievance(&ok).validate().unwrap(), ok);
        let n = MedicalNoteInput {
            written_on: "02/02/2026".into(),
            ..Default::default()
        };
        assert_eq!(n.validate().unwrap_err().0[0].field, "text");
    }
}
