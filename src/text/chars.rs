//! Character classes with a fast path for the letters news text is made of.
//!
//! `char::is_alphabetic` and `char::is_numeric` answer ASCII at once but look every other
//! character up in Unicode tables by binary search; on Arabic text that lookup was a third of
//! the pipeline's instructions. The functions here answer exactly as the standard ones do (a
//! test checks every code point), deciding the letters of the Arabic block by range first
//! ([`ar::is_arabic_block_letter`]: all alphabetic, none numeric).

use crate::lang::ar;

/// Same answer as [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    ar::is_arabic_block_letter(c) || c.is_alphabetic()
}

/// Same answer as [`char::is_numeric`].
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    !ar::is_arabic_block_letter(c) && c.is_numeric()
}

/// Same answer as [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    ar::is_arabic_block_letter(c) || c.is_alphanumeric()
}

/// Same answer as [`char::is_uppercase`] (no letter of the Arabic block has a case).
#[inline]
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    !ar::is_arabic_block_letter(c) && c.is_uppercase()
}

/// Same answer as [`char::is_lowercase`] (no letter of the Arabic block has a case).
#[inline]
pub fn is_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    !ar::is_arabic_block_letter(c) && c.is_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_std_for_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:04X}", c as u32);
            assert_eq!(is_numeric(c), c.is_numeric(), "{:04X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:04X}", c as u32);
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{:04X}", c as u32);
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{:04X}", c as u32);
        }
    }

    #[test]
    fn arabic_and_latin_words() {
        assert!("وزير الخارجية"
            .chars()
            .filter(|&c| c != ' ')
            .all(is_alphabetic));
        assert!("٣ 7".chars().filter(|&c| c != ' ').all(is_numeric));
        assert!(!is_alphanumeric('،') && !is_alphanumeric('.'));
        assert!(is_alphanumeric('ه') && is_alphanumeric('9'));
    }
}
