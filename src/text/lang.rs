//! Language identification from script and function words: enough to tell Arabic from English
//! from "something else" per document and per line, which is all the pipeline branches on.

use crate::lexicon;

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
        let mut p = Profile::default();
        for c in text.chars() {
            match c as u32 {
                0x0041..=0x005A | 0x0061..=0x007A | 0x00C0..=0x024F => p.latin += 1,
                // پ چ ژ گ are Persian/Urdu letters Arabic does not use
                0x067E | 0x0686 | 0x0698 | 0x06AF => {
                    p.arabic += 1;
                    p.persian_letters += 1
                }
                0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF => p.arabic += 1,
                _ if c.is_alphabetic() => p.other_letters += 1,
                _ => {}
            }
        }
        p
    }
}

/// ISO 639-1 code of `folded` text: `ar`, `en`, another Latin-script language where its function
/// words say so (`fr`, `es`, `de`, …), `fa`/`ur` for Persian-script text, or `und`.
pub fn detect(folded: &str) -> &'static str {
    let p = Profile::of(folded);
    let letters = p.arabic + p.latin + p.other_letters;
    if letters == 0 {
        return "und";
    }
    if p.arabic * 2 >= letters {
        if p.persian_letters * 200 > p.arabic {
            return lexicon::tables()
                .function_words
                .best(folded, &["fa", "ur"])
                .unwrap_or("fa");
        }
        return "ar";
    }
    if p.latin * 2 >= letters {
        return lexicon::tables()
            .function_words
            .best(folded, &["en", "fr", "es", "de", "it", "pt", "tr"])
            .unwrap_or("und");
    }
    "und"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;

    fn lang(s: &str) -> &'static str {
        detect(&Folded::new(s).text)
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
}
