//! Language identification from script and function words: enough to tell Arabic from English
//! from "something else" per document and per line, which is all the pipeline branches on.
//! The function words come from the caller (the lexicon fills them from a data table).

use crate::lang::{ar, en};
use crate::text::chars;
use crate::text::hash::WordMap;

/// Counts of what a stretch of folded text is written in.
#[derive(Default, Debug, Clone, Copy)]
pub struct Profile {
    arabic: usize,
    latin: usize,
    persian_letters: usize,
    other_letters: usize,
}

impl Profile {
    pub fn of(text: &str) -> Profile {
        Profile::with_letters(text).0
    }

    /// The profile and the number of alphabetic characters, in one pass over `text`.
    fn with_letters(text: &str) -> (Profile, usize) {
        let mut p = Profile::default();
        let mut letters = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII and two-byte characters (Latin supplements, Arabic) read straight from
            // their bytes; only the rest is decoded
            let (c, len) = match bytes[i] {
                b @ 0x00..=0x7F => (char::from(b), 1),
                b @ 0xC0..=0xDF if i + 1 < bytes.len() => {
                    let cp = u32::from(b & 0x1F) << 6 | u32::from(bytes[i + 1] & 0x3F);
                    // two bytes of valid UTF-8 are always a character
                    (char::from_u32(cp).unwrap_or('\0'), 2)
                }
                _ => match text[i..].chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                },
            };
            i += len;
            let alphabetic = chars::is_alphabetic;
            match c {
                c if en::is_latin_letter(c) => {
                    p.latin += 1;
                    letters += 1
                }
                '\0'..='\x7F' => {}
                // × and ÷ sit in this range but are no letters: counted Latin, not alphabetic
                c if en::is_latin_supplement(c) => {
                    p.latin += 1;
                    letters += usize::from(alphabetic(c))
                }
                c if ar::is_persian_letter(c) => {
                    p.arabic += 1;
                    p.persian_letters += 1;
                    letters += 1
                }
                // the Arabic blocks hold digits and punctuation too: all counted Arabic script
                c if ar::is_arabic_script(c) => {
                    p.arabic += 1;
                    letters += usize::from(alphabetic(c))
                }
                _ if alphabetic(c) => {
                    p.other_letters += 1;
                    letters += 1
                }
                _ => {}
            }
        }
        (p, letters)
    }
}

/// Function words per language, to tell Latin-script (and Persian-script) languages apart (the
/// lexicon fills them from data/function_words.tsv).
///
/// One table maps each word to the set of languages it is a function word of (a bit per
/// language), so that scoring a text against several languages looks each of its words up once.
#[derive(Default)]
pub struct FunctionWords {
    langs: Vec<&'static str>,
    words: WordMap<String, u32>,
}

impl FunctionWords {
    /// Add a folded function word of `lang` (at most 32 languages).
    pub fn add(&mut self, lang: &'static str, word: String) {
        let bit = self
            .langs
            .iter()
            .position(|&l| l == lang)
            .unwrap_or_else(|| {
                self.langs.push(lang);
                self.langs.len() - 1
            });
        *self.words.entry(word).or_default() |= 1 << bit;
    }

    /// Of `langs`, the one whose function words cover most tokens of `folded` (at least 3% of them).
    pub fn best(&self, folded: &str, langs: &[&'static str]) -> Option<&'static str> {
        let mut counts = [0usize; 32];
        let mut total = 0;
        for w in folded
            .split(|c: char| !chars::is_alphabetic(c))
            .filter(|w| !w.is_empty())
        {
            total += 1;
            let mut bits = self.words.get(w).copied().unwrap_or(0);
            while bits != 0 {
                counts[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        if total == 0 {
            return None;
        }
        let mut best: Option<(&'static str, usize)> = None;
        for &lang in langs {
            let Some(bit) = self.langs.iter().position(|&l| l == lang) else {
                continue;
            };
            let n = counts[bit];
            if n * 33 >= total && best.is_none_or(|(_, m)| n > m) {
                best = Some((lang, n));
            }
        }
        best.map(|(l, _)| l)
    }
}

/// ISO 639-1 code of `folded` text: `ar`, `en`, another Latin-script language where its function
/// words say so (`fr`, `es`, `de`, …), `fa`/`ur` for Persian-script text, or `und`.
pub fn detect(folded: &str, words: &FunctionWords) -> &'static str {
    decide(Profile::of(folded), folded, words)
}

/// The language of a line of a document in `doc_lang`, when it is another one: `None` for a
/// line in the document's language, with fewer than `min_letters` letters, or undetermined.
/// Same answer as [`detect`] on the line, in one pass over its characters.
pub fn other_line(
    folded: &str,
    doc_lang: &str,
    min_letters: usize,
    words: &FunctionWords,
) -> Option<&'static str> {
    let (p, letters) = Profile::with_letters(folded);
    if letters < min_letters {
        return None;
    }
    Some(decide(p, folded, words)).filter(|&l| l != doc_lang && l != "und")
}

/// The language of `folded` from its script profile, then its function words within the script.
fn decide(p: Profile, folded: &str, words: &FunctionWords) -> &'static str {
    let letters = p.arabic + p.latin + p.other_letters;
    if letters == 0 {
        return "und";
    }
    if p.arabic * 2 >= letters {
        if p.persian_letters * 200 > p.arabic {
            return words.best(folded, &["fa", "ur"]).unwrap_or("fa");
        }
        return "ar";
    }
    if p.latin * 2 >= letters {
        return words
            .best(folded, &["en", "fr", "es", "de", "it", "pt", "tr"])
            .unwrap_or("und");
    }
    "und"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::{fold_key, Folded};

    /// A few function words of the languages the tests below tell apart.
    fn function_words() -> FunctionWords {
        let mut w = FunctionWords::default();
        let lists = [
            ("en", "the on that were"),
            ("fr", "le les que a"),
            ("fa", "که این در"),
        ];
        for (lang, list) in lists {
            for word in list.split(' ') {
                w.add(lang, fold_key(word));
            }
        }
        w
    }

    fn lang(s: &str) -> &'static str {
        detect(&Folded::new(s).text, &function_words())
    }

    #[test]
    fn tells_arabic_english_and_others() {
        assert_eq!(lang("أكد وزير الخارجية أن المباحثات كانت مثمرة"), "ar");
        assert_eq!(
            lang("The minister said on Sunday that the talks were useful."),
            "en"
        );
        assert_eq!(
            lang("Le ministre a déclaré dimanche que les discussions étaient utiles."),
            "fr"
        );
        assert_eq!(
            lang("وزیر امور خارجه گفت که این گفتگوها در تهران برگزار شد"),
            "fa"
        );
        assert_eq!(lang("12:30 — 2024"), "und");
    }

    #[test]
    fn letters_counted_as_alphabetic_characters() {
        let s = "Le président × 3 — قال الوزير گفت ٣ Президент 北京 ✓ ß";
        let (p, letters) = Profile::with_letters(s);
        assert_eq!(letters, s.chars().filter(|c| c.is_alphabetic()).count());
        assert_eq!(p.persian_letters, 1);
        assert_eq!(p.other_letters, "Президент北京".chars().count());
    }

    #[test]
    fn other_line_agrees_with_detect() {
        let words = function_words();
        let line = |s: &str, doc: &str| other_line(&Folded::new(s).text, doc, 20, &words);
        let fr = "Le ministre a déclaré dimanche que les discussions étaient utiles.";
        assert_eq!(line(fr, "en"), Some("fr"));
        assert_eq!(line(fr, "fr"), None);
        assert_eq!(
            line("أكد وزير الخارجية أن المباحثات كانت مثمرة", "en"),
            Some("ar")
        );
        assert_eq!(
            line("أكد وزير الخارجية أن المباحثات كانت مثمرة", "ar"),
            None
        );
        // too few letters to tell, whatever the script
        assert_eq!(line("Le ministre a dit ×÷ 12", "en"), None);
        assert_eq!(
            line(
                "The minister said on Sunday that the talks were useful.",
                "en"
            ),
            None
        );
    }
}
