//! The rules for a new database passphrase (encryption at rest): long enough to resist guessing
//! against a stolen file, typed the same twice.

use super::error::{FieldError, ValidationErrors};

/// A stolen file can be attacked offline at leisure, so the floor is higher than the PIN's.
pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 256;

/// Checks a new passphrase and its repetition; every problem is reported, each on its field.
pub fn check_new(passphrase: &str, repeat: &str) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::default();
    let n = passphrase.chars().count();
    if n < MIN_CHARS {
        errs.push(
            FieldError::new("passphrase", "err.passphrase_short").arg("min", MIN_CHARS.to_string()),
        );
    } else if n > MAX_CHARS {
        errs.push(FieldError::new("passphrase", "err.too_long").arg("max", MAX_CHARS.to_string()));
    } else if passphrase.chars().any(char::is_control) {
        errs.push(FieldError::new("passphrase", "err.passphrase_control"));
    }
    if repeat != passphrase {
        errs.push(FieldError::new(
            "passphrase_repeat",
            "err.passphrase_mismatch",
        ));
    }
    errs.into_result(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(r: Result<(), ValidationErrors>) -> Vec<(&'static str, &'static str)> {
        r.err()
            .map(|e| e.0.iter().map(|f| (f.field, f.key)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_long_enough_passphrase_typed_twice_is_accepted() {
        assert!(check_new("paard-zadel-7-wolk", "paard-zadel-7-wolk").is_ok());
        // Counted in characters, not bytes: accents do not make a short one long enough.
        assert!(check_new("éééééééééé", "éééééééééé").is_ok());
        assert_eq!(
            keys(check_new("ééééé", "ééééé")),
            [("passphrase", "err.passphrase_short")]
        );
    }

    #[test]
    fn each_problem_is_named_on_its_field() {
        assert_eq!(
            keys(check_new("short", "other")),
            [
                ("passphrase", "err.passphrase_short"),
                ("passphrase_repeat", "err.passphrase_mismatch")
            ]
        );
        assert_eq!(
            keys(check_new("tab\tinside-it", "tab\tinside-it")),
            [("passphrase", "err.passphrase_control")]
        );
        let long = "x".repeat(MAX_CHARS + 1);
        assert_eq!(
            keys(check_new(&long, &long)),
            [("passphrase", "err.too_long")]
        );
    }
}
