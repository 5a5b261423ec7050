//! Names compared as a reader sees them: in composed Unicode (NFC, so that
//! an "å" typed as "a" and a combining ring, as some Mac input gives it, is
//! the same "å"), in any case ("MIRA HOLM", "mira holm"), and with any run
//! of white space, a line break included, between the words of a name.
//!
//! Texts are normalised whole before they are searched, so every position
//! found is a position in the normalised text; the comparison itself folds
//! case a character at a time and never changes what it is given.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in composed form (NFC); borrowed when it already is.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// The form a name is looked for in: composed, lower case, its words
/// separated by one space.
pub fn fold(text: &str) -> String {
    let folded: String = nfc(text).chars().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many bytes at the start of `text` (already composed) read as
/// `folded` (from [`fold`]), whatever their case; a space in `folded`
/// stands for any run of white space.
pub fn prefix_len(text: &str, folded: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut want = folded.chars();
    while let Some(w) = want.next() {
        if w == ' ' {
            let mut spaced = false;
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {
                spaced = true;
            }
            if !spaced {
                return None;
            }
            continue;
        }
        let (_, c) = chars.next()?;
        let mut lower = c.to_lowercase();
        if lower.next() != Some(w) || !lower.all(|l| want.next() == Some(l)) {
            return None;
        }
    }
    Some(chars.peek().map_or(text.len(), |&(at, _)| at))
}

/// Whether a word is written as a name is: a capital first, then at least
/// one small letter ("Olof", not "olof" or "OLOF").
pub fn title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_are_composed() {
        let decomposed = "Ha\u{30a}kan A\u{308}lmhult";
        assert_eq!(nfc(decomposed), "Håkan Älmhult");
        assert!(matches!(nfc("Håkan"), Cow::Borrowed(_)));
        assert_eq!(fold(decomposed), "håkan älmhult");
    }

    #[test]
    fn a_name_is_found_in_any_case_and_spacing() {
        let holm = fold("Mira  Holm");
        assert_eq!(holm, "mira holm");
        assert_eq!(prefix_len("MIRA HOLM sa", &holm), Some(9));
        assert_eq!(prefix_len("mira\n  holm.", &holm), Some(11));
        assert_eq!(prefix_len("MiraHolm", &holm), None);
        assert_eq!(prefix_len("Mira Hol", &holm), None);
        assert_eq!(prefix_len("ÅSA", &fold("Åsa")), Some("ÅSA".len()));
    }

    #[test]
    fn a_letter_that_lowers_to_two_is_matched_whole_or_not_at_all() {
        // "İ" lowers to "i" and a combining dot.
        assert_eq!(prefix_len("İlker", &fold("İlker")), Some("İlker".len()));
        assert_eq!(prefix_len("İlker", "ilker"), None);
    }

    #[test]
    fn names_are_written_with_a_capital_and_small_letters() {
        assert!(title_case("Olof"));
        assert!(title_case("Ek"));
        assert!(!title_case("OLOF"));
        assert!(!title_case("gruppen"));
        assert!(!title_case(""));
    }
}
