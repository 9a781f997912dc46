//! Text from the database made safe for the screen: control characters (ESC, CR, …) and the
//! invisible bidirectional controls (an RLO reverses everything after it on terminals that do
//! bidi) are shown as `�` instead of being sent or silently dropped, so a pasted escape code can
//! neither move the cursor nor hide, and a name keeps the width the layout gave it.

use std::borrow::Cow;

/// The bidirectional formatting characters: marks, embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// `text` with every unsafe character replaced: a tab by a space, the others by `�`.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_controls_and_bidi_overrides_and_keeps_the_rest() {
        assert!(matches!(shown("Céline Dubois"), Cow::Borrowed(_)));
        assert_eq!(shown("a\x1b[31mb\rc\td"), "a�[31mb�c d");
        assert_eq!(shown("\u{202E}Reversed\u{2066}x\u{2069}"), "�Reversed�x�");
        // Right-to-left letters and combining marks are text, not controls.
        assert_eq!(shown("محمد العلوي"), "محمد العلوي");
        assert_eq!(shown("Zoe\u{0308}"), "Zoe\u{0308}");
    }

    proptest::proptest! {
        #[test]
        fn nothing_unsafe_is_left(s in "\\PC{0,10}[\\x00-\\x1f\\x7f\\u{202a}-\\u{202e}]{0,5}\\PC{0,10}") {
            let out = shown(&s);
            proptest::prop_assert!(!out.chars().any(is_unsafe));
            proptest::prop_assert_eq!(out.chars().count(), s.chars().count());
        }
    }
}
