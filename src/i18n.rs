//! UI languages (Dutch, French, English) and their text catalogs, looked up through an explicit `I18n` value.
//!
//! No global "current locale": the language is a value handed to whatever renders text, so
//! tests in different languages run in parallel and a screen can never mix two languages by accident.
//! Catalogs are TOML files in `assets/i18n/`, compiled into the binary and parsed once per language
//! on first use. Keys are dotted paths (`err.required`, `field.rrn`, `sex.f`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::choice::Choice;
use crate::domain::error::FieldError;

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Nl,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Nl, Lang::Fr];

    /// ISO 639-1 code, as used for `--lang`, the config file and the catalog file names.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
        }
    }

    /// Accepts a bare code ("nl", "NL") or a POSIX / BCP 47 locale ("nl_BE.UTF-8", "fr-BE", "en_US@euro");
    /// only the language part counts, so a Brussels "fr_BE" and a Parisian "fr_FR" both give French.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['_', '-', '.', '@', ':']).next()?;
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Nl => 1,
            Lang::Fr => 2,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../assets/i18n/en.toml"),
            Lang::Nl => include_str!("../assets/i18n/nl.toml"),
            Lang::Fr => include_str!("../assets/i18n/fr.toml"),
        }
    }
}

/// Picks the UI language: the `--lang` flag, else the config file, else the `LANG` environment value,
/// else English. A value that names no UI language (e.g. `LANG=C.UTF-8`, `de_BE`) is skipped, not an error;
/// callers that want to refuse a bad `--lang` check it with [`Lang::from_code`] first.
/// Pure: the caller passes `std::env::var("LANG").ok().as_deref()`.
pub fn detect(explicit: Option<&str>, config: Option<&str>, env_lang: Option<&str>) -> Lang {
    [explicit, config, env_lang]
        .into_iter()
        .flatten()
        .find_map(Lang::from_code)
        .unwrap_or_default()
}

static CATALOGS: [OnceLock<HashMap<String, String>>; 3] = [const { OnceLock::new() }; 3];

/// The parsed catalog of one language. A catalog that fails to parse gives an empty map (every text then
/// falls back to English or to its key) rather than a panic; the tests make sure that never ships.
fn catalog(lang: Lang) -> &'static HashMap<String, String> {
    CATALOGS[lang.index()].get_or_init(|| parse_catalog(lang.source()).unwrap_or_default())
}

/// Parses a catalog and flattens nested tables into dotted keys. Any value that is not a string is an error.
fn parse_catalog(src: &str) -> Result<HashMap<String, String>, String> {
    let table = toml::from_str::<toml::Table>(src).map_err(|e| e.to_string())?;
    let mut out = HashMap::new();
    flatten("", &table, &mut out)?;
    Ok(out)
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut HashMap<String, String>,
) -> Result<(), String> {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, out)?,
            other => return Err(format!("{key}: expected text, found {}", other.type_str())),
        }
    }
    Ok(())
}

/// Replaces each `{name}` whose name is in `args`; unknown placeholders stay as written.
/// One pass, so a value that itself contains `{…}` is never expanded again.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(k, _)| *k == &after[..close])?)));
        match value {
            Some((close, (_, v))) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The texts of one language. Cheap to copy: pass it to whatever renders text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub const fn new(lang: Lang) -> Self {
        I18n { lang }
    }

    /// The text for `key`; falls back to English, then to the key itself, so a missing text shows up
    /// on screen as its key instead of crashing.
    pub fn t(&self, key: &str) -> String {
        catalog(self.lang)
            .get(key)
            .or_else(|| catalog(Lang::En).get(key))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The text for `key` with its `{name}` placeholders filled from `args`.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(&self.t(key), args)
    }

    /// A validation error as shown beside its field.
    pub fn field_error(&self, e: &FieldError) -> String {
        let args: Vec<(&str, &str)> = e.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.tf(e.key, &args)
    }

    /// An amount of leave as days and hours of the person's average day ("2 d 3h48", "−1 d"), the
    /// way HR reads a balance; hours alone when no day length is known.
    pub fn leave_amount(&self, minutes: i64, day_minutes: u32) -> String {
        let a = crate::domain::leave::period::days_and_minutes(minutes, day_minutes);
        let sign = if a.negative { "−" } else { "" };
        let hours = crate::domain::money::format_minutes(a.minutes);
        match (a.days, a.minutes) {
            (0, 0) => "0".to_string(),
            (0, _) => format!("{sign}{hours}"),
            (d, 0) => format!(
                "{sign}{}",
                self.tf("unit.days", &[("days", &d.to_string())])
            ),
            (d, _) => format!(
                "{sign}{} {hours}",
                self.tf("unit.days", &[("days", &d.to_string())])
            ),
        }
    }

    /// The short name of the day's weekday ("Mon").
    pub fn weekday(&self, d: chrono::NaiveDate) -> String {
        self.t(&format!(
            "weekday.{}",
            d.format("%a").to_string().to_lowercase()
        ))
    }

    /// The name of month 1–12 ("November").
    pub fn month(&self, month: u32) -> String {
        const MONTHS: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let key = MONTHS[(month.clamp(1, 12) - 1) as usize];
        self.t(&format!("month.{key}"))
    }

    /// A checklist task's state in a few words: done when and by whom, done by the Dimona
    /// register, overdue, or open.
    pub fn task_state(
        &self,
        t: &crate::domain::checklist::Task,
        today: chrono::NaiveDate,
    ) -> String {
        use crate::domain::checklist::Done;
        use crate::domain::date::format_date;
        match &t.done {
            Some(Done::Ticked { on, by }) => self
                .tf("detail.done_on", &[("date", &format_date(*on)), ("by", by)])
                .trim_end()
                .to_string(),
            Some(Done::Dimona) => self.t("detail.done_by_dimona"),
            None if t.is_overdue(today) => self.t("detail.overdue"),
            None => self.t("detail.open"),
        }
    }

    /// The label of a choice (sex, worker category, contract type…).
    pub fn choice<C: Choice>(&self, c: C) -> String {
        self.t(c.label_key())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::domain::{contract, employee, records};

    fn keys(lang: Lang) -> BTreeSet<&'static str> {
        catalog(lang).keys().map(String::as_str).collect()
    }

    /// `{name}` placeholders in a text (names of lower-case letters and `_`).
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            .collect()
    }

    #[test]
    fn every_catalog_parses_into_text_only() {
        for lang in Lang::ALL {
            let parsed = parse_catalog(lang.source());
            assert!(
                parsed.as_ref().is_ok_and(|m| !m.is_empty()),
                "{}.toml: {:?}",
                lang.code(),
                parsed.err()
            );
        }
    }

    #[test]
    fn catalogs_have_the_same_keys() {
        let all: BTreeSet<&str> = Lang::ALL.iter().flat_map(|l| keys(*l)).collect();
        let mut report = String::new();
        for lang in Lang::ALL {
            let have = keys(lang);
            let missing: Vec<&str> = all.difference(&have).copied().collect();
            if !missing.is_empty() {
                report.push_str(&format!(
                    "{}.toml lacks: {}\n",
                    lang.code(),
                    missing.join(", ")
                ));
            }
        }
        assert!(report.is_empty(), "catalogs disagree:\n{report}");
    }

    #[test]
    fn translations_keep_the_placeholders_of_english() {
        let mut report = String::new();
        for (key, en) in catalog(Lang::En) {
            let want = placeholders(en);
            for lang in [Lang::Nl, Lang::Fr] {
                let Some(text) = catalog(lang).get(key) else {
                    continue;
                };
                let have = placeholders(text);
                if have != want {
                    report.push_str(&format!(
                        "{}: {key} has {have:?}, en has {want:?}\n",
                        lang.code()
                    ));
                }
            }
        }
        assert!(report.is_empty(), "placeholders differ:\n{report}");
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src/domain") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every `"err.xxx"` string literal in the domain sources.
    fn error_keys_in_domain() -> BTreeSet<String> {
        let mut files = Vec::new();
        rust_files(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain")),
            &mut files,
        );
        let mut found = BTreeSet::new();
        for f in files {
            let src = std::fs::read_to_string(&f).expect("read source");
            for (i, _) in src.match_indices("\"err.") {
                let body = &src[i + 1..];
                let name_len = body[4..]
                    .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                    .unwrap_or(body.len() - 4);
                if name_len > 0 && body[4 + name_len..].starts_with('"') {
                    found.insert(body[..4 + name_len].to_string());
                }
            }
        }
        found
    }

    /// The entity names the store writes audit rows under: the first string literal after each
    /// `.audit(` in src/store (the dossier's History shows them through `entity.<name>`).
    fn audited_entities() -> BTreeSet<String> {
        let mut files = Vec::new();
        rust_files(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store")),
            &mut files,
        );
        let mut found = BTreeSet::new();
        for f in files {
            let src = std::fs::read_to_string(&f).expect("read source");
            for (i, _) in src.match_indices(".audit(") {
                let rest = src[i + 7..].trim_start();
                if let Some(body) = rest.strip_prefix('"')
                    && let Some(end) = body.find('"')
                {
                    found.insert(body[..end].to_string());
                }
            }
        }
        found
    }

    #[test]
    fn every_audited_entity_has_a_name_in_the_history() {
        let entities = audited_entities();
        assert!(entities.len() >= 20, "scan found only {entities:?}");
        for lang in Lang::ALL {
            let missing: Vec<&String> = entities
                .iter()
                .filter(|e| catalog(lang).get(&format!("entity.{e}")).is_none())
                .collect();
            assert!(
                missing.is_empty(),
                "{}: entity names missing: {missing:?}",
                lang.code()
            );
        }
    }

    fn labels<C: Choice>() -> Vec<&'static str> {
        C::ALL.iter().map(|c| c.label_key()).collect()
    }

    fn choice_label_keys() -> Vec<&'static str> {
        [
            labels::<employee::Sex>(),
            labels::<employee::DocLanguage>(),
            labels::<employee::WorkerCategory>(),
            labels::<employee::EmploymentStatus>(),
            labels::<employee::MaritalStatus>(),
            labels::<contract::ContractKind>(),
            labels::<contract::EndedBy>(),
            labels::<records::Relation>(),
            labels::<records::DocumentKind>(),
        ]
        .concat()
    }

    #[test]
    fn every_key_used_in_the_domain_has_a_text() {
        let err_keys = error_keys_in_domain();
        // Guards the scan itself: finding nothing would make this test pass for the wrong reason.
        assert!(err_keys.len() >= 20, "scan found only {err_keys:?}");
        let en = keys(Lang::En);
        let missing: Vec<&str> = err_keys
            .iter()
            .map(String::as_str)
            .chain(choice_label_keys())
            .filter(|k| !en.contains(k))
            .collect();
        assert!(missing.is_empty(), "en.toml lacks: {}", missing.join(", "));
    }

    const ALL_FIELDS: [&[&str]; 10] = [
        crate::domain::company::COMPANY_FIELDS,
        crate::documents::input::MAKE_FIELDS,
        employee::EMPLOYEE_FIELDS,
        contract::CONTRACT_FIELDS,
        contract::DEPARTURE_FIELDS,
        records::CONTACT_FIELDS,
        records::DEPENDANT_FIELDS,
        records::JOB_CHANGE_FIELDS,
        records::DOCUMENT_FIELDS,
        records::NOTE_FIELDS,
    ];

    #[test]
    fn every_input_field_has_a_short_label() {
        let mut report = String::new();
        for lang in Lang::ALL {
            for field in ALL_FIELDS.iter().flat_map(|f| f.iter()) {
                let key = format!("field.{field}");
                match catalog(lang).get(&key) {
                    None => report.push_str(&format!("{}: {key} missing\n", lang.code())),
                    Some(label) if label.chars().count() > 22 => report.push_str(&format!(
                        "{}: {key} = {label:?} is longer than 22 characters\n",
                        lang.code()
                    )),
                    Some(_) => {}
                }
            }
        }
        assert!(report.is_empty(), "field labels:\n{report}");
    }

    /// One error for each key the domain passes arguments to, made by the domain code itself.
    fn errors_with_arguments() -> Vec<FieldError> {
        use crate::domain::{date, money};
        let mut v = vec![
            date::required_date("f", "31/02/2026").unwrap_err(),
            employee::optional_text("f", "abc", 2).unwrap_err(),
            employee::choice_or("f", "boss", employee::Sex::Unknown).unwrap_err(),
            money::money_field("f", "lots").unwrap_err(),
            records::yes_no("f", "maybe").unwrap_err(),
        ];
        let emp = employee::EmployeeInput {
            manager: "E9999".into(),
            children_in_charge: "99".into(),
            ..Default::default()
        };
        v.extend(emp.validate(None).unwrap_err().0);
        let c = contract::ContractInput {
            start: "01/01/2026".into(),
            weekly_hours: "lots".into(),
            ..Default::default()
        };
        v.extend(c.validate().unwrap_err().0);
        let d = contract::DepartureInput {
            end_date: "01/01/2020".into(),
            notice_weeks: "999".into(),
            ..Default::default()
        };
        let start = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        v.extend(d.validate(start).unwrap_err().0);
        v
    }

    #[test]
    fn domain_errors_render_with_every_argument_in_place() {
        let errors = errors_with_arguments();
        let with_args: BTreeSet<&str> = errors
            .iter()
            .filter(|e| !e.args.is_empty())
            .map(|e| e.key)
            .collect();
        for key in [
            "err.choice",
            "err.too_long",
            "err.count",
            "err.date",
            "err.departure_before_start",
            "err.hours",
            "err.manager_unknown",
            "err.money",
            "err.yes_no",
        ] {
            assert!(with_args.contains(key), "no sample error for {key}");
        }
        for e in &errors {
            let passed: BTreeSet<&str> = e.args.iter().map(|(k, _)| *k).collect();
            let en = I18n::new(Lang::En).t(e.key);
            assert_eq!(placeholders(&en), passed, "{}: placeholders vs args", e.key);
            for lang in Lang::ALL {
                let shown = I18n::new(lang).field_error(e);
                assert_ne!(shown, e.key, "{}: no text", lang.code());
                assert!(
                    !shown.contains('{'),
                    "{}: {shown:?} left a placeholder",
                    lang.code()
                );
            }
        }
        let departure = errors
            .iter()
            .find(|e| e.key == "err.departure_before_start")
            .unwrap();
        assert!(
            I18n::new(Lang::Nl)
                .field_error(departure)
                .contains("01/03/2024")
        );
    }

    #[test]
    fn detect_prefers_flag_then_config_then_env() {
        assert_eq!(
            detect(Some("fr"), Some("nl"), Some("en_US.UTF-8")),
            Lang::Fr
        );
        assert_eq!(detect(None, Some("nl"), Some("fr_BE.UTF-8")), Lang::Nl);
        assert_eq!(detect(None, None, Some("fr_BE.UTF-8")), Lang::Fr);
        assert_eq!(detect(None, None, None), Lang::En);
        // Values that name no UI language are skipped, not fatal.
        assert_eq!(detect(Some("de"), Some(""), Some("nl_BE.UTF-8")), Lang::Nl);
        assert_eq!(detect(None, None, Some("C.UTF-8")), Lang::En);
        assert_eq!(detect(None, None, Some("POSIX")), Lang::En);
    }

    #[test]
    fn language_codes_in_every_spelling() {
        for (s, l) in [
            ("nl", Lang::Nl),
            ("NL", Lang::Nl),
            ("nl_BE.UTF-8", Lang::Nl),
            ("nl_BE@euro", Lang::Nl),
            (" fr-BE ", Lang::Fr),
            ("fr_FR.utf8", Lang::Fr),
            ("en", Lang::En),
            ("en_GB:nl", Lang::En),
        ] {
            assert_eq!(Lang::from_code(s), Some(l), "{s}");
        }
        for s in ["", "de_BE", "C", "nld", "english"] {
            assert_eq!(Lang::from_code(s), None, "{s}");
        }
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn tf_fills_named_placeholders_once() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
        // Unknown names and stray braces stay; a value containing braces is not expanded again.
        assert_eq!(fill("{a} {zz} {", &[("a", "{a}")]), "{a} {zz} {");
        assert_eq!(fill("no placeholders", &[("a", "x")]), "no placeholders");
        let nl = I18n::new(Lang::Nl);
        assert_eq!(
            nl.tf("err.too_long", &[("max", "80")]),
            "Te lang: maximaal 80 tekens"
        );
        assert_eq!(
            I18n::new(Lang::En).tf("err.date", &[("value", "31/02")]),
            "“31/02” is not a date: type dd/mm/yyyy"
        );
    }

    #[test]
    fn lookups_fall_back_to_the_key_and_labels_come_from_the_catalog() {
        let fr = I18n::new(Lang::Fr);
        assert_eq!(fr.t("no.such.key"), "no.such.key");
        assert_eq!(fr.choice(employee::WorkerCategory::BlueCollar), "Ouvrier");
        assert_eq!(
            I18n::new(Lang::Nl).choice(contract::ContractKind::FixedTerm),
            "Bepaalde duur"
        );
        assert_eq!(I18n::new(Lang::En).choice(employee::Sex::Female), "Female");
        assert_eq!(fr.t("field.joint_committee"), "Commission paritaire");
    }
}
