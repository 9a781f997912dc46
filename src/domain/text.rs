//! Text helpers shared by validation and search: trimming, accent- and case-insensitive keys.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-case, accents removed, runs of white space folded: "Céline  Dubois" → "celine dubois".
/// Search keys are stored with this so "celine" finds "Céline" without scanning in Rust.
pub fn search_key(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops control characters (a pasted tab or escape code must never reach the screen) and trims.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Keeps only ASCII digits and letters, upper-cased: the normal form for identifiers typed with dots, spaces or dashes.
pub fn compact_alnum(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_key_ignores_accents_case_and_spacing() {
        assert_eq!(search_key("Céline  DUBOIS"), "celine dubois");
        assert_eq!(search_key("Ünal Çelik"), "unal celik");
        assert_eq!(search_key("Zoë\tVan den Broeck"), "zoe van den broeck");
    }

    #[test]
    fn clean_drops_control_characters() {
        assert_eq!(clean(" Jan\u{1b}[31m "), "Jan[31m");
    }
}
