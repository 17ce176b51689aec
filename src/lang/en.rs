//! English and other Latin-script text: Latin letters and words, capitalisation, and the
//! particles of Latin-spelled Arabic names.
//!
//! # Latin letters and words
//!
//! | function              | answers                                                      |
//! |-----------------------|--------------------------------------------------------------|
//! | [`is_latin_letter`]   | an ASCII letter, a-z or A-Z                                  |
//! | [`is_latin_supplement`] | U+00C0..U+024F: accented letters (é, ß, ł), and × ÷ among them |
//! | [`is_latin_word`]     | a folded word that starts with an ASCII letter (a name, a cue) |
//! | [`has_latin_letter`]  | a string with an ASCII letter anywhere (a table alias "U.S.") |
//!
//! A word is Latin by its *first* letter where the pipeline branches on a token ("Borisenko"
//! goes to the English name rules) and by *any* letter where it classifies a whole alias ("3M").
//!
//! # Capitalisation
//!
//! English names are found by their capitals, which folding loses: these tests read original
//! text. [`Caps`] is the case rule of a knowledge-base alias: "Turkey" must be written with a
//! capital, "UN" in capitals (so "un" and "us" are no names).

/// An ASCII letter.
#[inline]
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// The Latin-1 Supplement letters and Latin Extended-A and -B (U+00C0..U+024F). × and ÷ sit in
/// this range but are no letters: the caller decides whether they count.
#[inline]
pub fn is_latin_supplement(c: char) -> bool {
    ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Does the word start with an ASCII letter?
#[inline]
pub fn is_latin_word(w: &str) -> bool {
    w.chars().next().is_some_and(is_latin_letter)
}

/// Does the string hold an ASCII letter?
#[inline]
pub fn has_latin_letter(s: &str) -> bool {
    s.chars().any(is_latin_letter)
}

/// Does the (original) text start with an upper-case letter?
#[inline]
pub fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// The articles Latin spellings of Arabic names keep (al-Assad, el-Sisi, al Thani).
pub const NAME_ARTICLES: [&str; 6] = ["al-", "el-", "Al-", "El-", "al ", "el "];

/// Lower-case particles inside a Latin-script name, joining it to the capitalised word after
/// them ("Mohammed bin Salman", "Ayman al-Safadi", "Ursula von der Leyen", "Staffan de Mistura").
pub const NAME_PARTICLES: [&str; 19] = [
    "al", "el", "bin", "bint", "ibn", "de", "del", "della", "da", "di", "du", "dos", "van", "von",
    "der", "den", "ter", "la", "le",
];

/// Is `w`, as written, a lower-case particle of a Latin-script name?
pub fn is_name_particle(w: &str) -> bool {
    NAME_PARTICLES.contains(&w)
}

/// How a Latin-script alias must be written in the original to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caps {
    Any,
    /// First letter upper case ("Turkey", not "turkey").
    Initial,
    /// All upper case ("US", "UN", not "us", "un").
    All,
}

impl Caps {
    /// The case rule of an alias as a table writes it: five capitals or fewer are an acronym,
    /// a capital first letter a name; anything else, and every alias without a Latin letter,
    /// may be written any way.
    pub fn of(alias: &str) -> Caps {
        if !has_latin_letter(alias) {
            return Caps::Any;
        }
        let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()) {
            Caps::All
        } else if letters.first().is_some_and(|c| c.is_uppercase()) {
            Caps::Initial
        } else {
            Caps::Any
        }
    }

    /// Is the original `text` written as the rule asks?
    pub fn fits(self, text: &str) -> bool {
        let mut letters = text.chars().filter(|c| c.is_alphabetic());
        match self {
            Caps::Any => true,
            Caps::Initial => letters.next().is_some_and(|c| c.is_uppercase()),
            Caps::All => letters.all(|c| c.is_uppercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_by_first_or_any_letter() {
        assert!(is_latin_word("borisenko") && !is_latin_word("3m") && !is_latin_word("بلير"));
        assert!(has_latin_letter("3m") && !has_latin_letter("١٢ - ٣"));
        assert!(is_latin_supplement('é') && is_latin_supplement('×') && !is_latin_supplement('a'));
        assert!(starts_upper("Élysée") && !starts_upper("the") && !starts_upper(""));
    }

    #[test]
    fn case_rules_of_aliases() {
        assert_eq!(Caps::of("UN"), Caps::All);
        assert_eq!(Caps::of("U.S."), Caps::All);
        assert_eq!(Caps::of("Turkey"), Caps::Initial);
        assert_eq!(Caps::of("the hague"), Caps::Any);
        assert_eq!(Caps::of("تركيا"), Caps::Any);
        assert!(Caps::All.fits("UN") && !Caps::All.fits("un"));
        assert!(Caps::Initial.fits("Turkey") && !Caps::Initial.fits("turkey"));
        assert!(Caps::Any.fits("anything"));
    }
}
