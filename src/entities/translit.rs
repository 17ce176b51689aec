//! Latin names and language-neutral keys for persons.
//!
//! - [`latin`]: a readable Latin spelling of an Arabic-script name: the given-name table where it
//!   knows the word, letter rules otherwise (بوريسينكو → Borisinko).
//! - [`key`]: a consonant skeleton that Arabic and Latin spellings of one name share: vowels,
//!   glides and gutturals dropped, consonants that the two scripts render differently merged into
//!   one class (ج/غ/ق/ك/خ and g/j/k/q/c), the article dropped, repeats collapsed. "جيورجي
//!   بوريسينكو" and "Georgiy Y. Borisenko" both give `krkbrsnk`.
//! - [`slug`]: a stable id fragment from a Latin name.

use super::kb::{Given, WordTable};
use crate::lang::{ar, en};
use crate::text::chars;

/// The consonant class of an Arabic letter, or None for letters the key drops.
fn arabic_class(c: char) -> Option<char> {
    Some(match c {
        'ب' | 'پ' => 'b',
        'ف' | 'ڤ' => 'f',
        'ت' | 'ط' | 'د' | 'ض' | 'ث' | 'ذ' | 'ظ' => 't',
        'س' | 'ص' | 'ز' | 'ش' | 'ژ' => 's',
        'ج' | 'ك' | 'ق' | 'غ' | 'خ' | 'گ' | 'چ' => 'k',
        'ل' => 'l',
        'م' => 'm',
        'ن' => 'n',
        'ر' => 'r',
        _ => return None,
    })
}

/// The consonant classes of a Latin word, digraphs first.
fn latin_classes(word: &str, out: &mut Vec<char>) {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let mut i = 0;
    while i < w.len() {
        let c = w[i];
        let next = w.get(i + 1).copied();
        let (class, step) = match (c, next) {
            ('t' | 'd' | 's' | 'c' | 'z' | 'k' | 'g', Some('h')) => (
                match c {
                    't' | 'd' => 't',
                    'k' | 'g' => 'k',
                    _ => 's',
                },
                2,
            ),
            ('b' | 'p', _) => ('b', 1),
            ('f' | 'v', _) => ('f', 1),
            ('t' | 'd', _) => ('t', 1),
            ('s' | 'z' | 'x', _) => ('s', 1),
            ('c', Some('e' | 'i' | 'y')) => ('s', 1),
            ('c' | 'k' | 'q' | 'g' | 'j', _) => ('k', 1),
            ('l', _) => ('l', 1),
            ('m', _) => ('m', 1),
            ('n', _) => ('n', 1),
            ('r', _) => ('r', 1),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(class);
        i += step;
    }
}

/// Drop the article of a name part: ال, al-, el-.
fn strip_article(w: &str) -> &str {
    if let Some(rest) = w.strip_prefix(ar::AL) {
        if rest.chars().count() >= 2 {
            return rest;
        }
    }
    for p in en::NAME_ARTICLES {
        if let Some(rest) = w.strip_prefix(p) {
            return rest;
        }
    }
    w
}

/// Is `w` an article written as a word of its own ("Al Busaidi", "El Baradei", "آل ثاني")?
/// Spelt apart, hyphenated or joined, the article is one and the same: the key leaves it out.
fn spaced_article(w: &str) -> bool {
    w.eq_ignore_ascii_case("al") || w.eq_ignore_ascii_case("el") || w == "آل"
}

/// A Latin surname with the article written into it ("Albusaidi", "Elbaradei"): the rest, when
/// it opens with a consonant and is a name of four letters or more. Only a looser match reads
/// it so ("Albert", "Alvarez" are names of their own, and Arabic writes "Albanese" ألبانيزي
/// with its ل), see [`loose_key`].
pub fn glued_article(w: &str) -> Option<&str> {
    let head = w.get(..2)?;
    let rest = &w[2..];
    let opens_consonant = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouyAEIOUY".contains(c));
    ((head.eq_ignore_ascii_case("al") || head.eq_ignore_ascii_case("el"))
        && opens_consonant
        && rest.len() >= 4
        && rest.bytes().all(|b| b.is_ascii_alphabetic()))
    .then_some(rest)
}

/// The language-neutral key of a person's name (Arabic or Latin script).
pub fn key(name: &str) -> String {
    key_with(name, false)
}

/// [`key`] with an article joined to a Latin surname left out too ("Badr Albusaidi" and "بدر
/// البوسعيدي"): one document's spellings of one person meet under it.
pub fn loose_key(name: &str) -> String {
    key_with(name, true)
}

fn key_with(name: &str, loose: bool) -> String {
    // the key and one buffer of letter classes, reused word after word
    let mut key = String::new();
    let mut cls = Vec::new();
    let mut words = name
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        if spaced_article(w) && words.peek().is_some() {
            continue;
        }
        if w.chars().filter(|&c| chars::is_alphabetic(c)).count() < 2 {
            continue; // initials ("Y.") are written in one script only
        }
        let w = strip_article(w);
        let w = if loose {
            glued_article(w).unwrap_or(w)
        } else {
            w
        };
        cls.clear();
        if ar::has_arabic_block(w) {
            cls.extend(w.chars().filter_map(arabic_class));
        } else {
            latin_classes(w, &mut cls);
        }
        // a letter doubled within a word counts once (not across words)
        cls.dedup();
        key.extend(&cls);
    }
    key
}

/// A readable Latin spelling of one Arabic word by letter rules.
fn word_by_rule(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::new();
    let mut consonants_in_row = 0;
    for (i, &c) in chars.iter().enumerate() {
        let first = i == 0;
        let last = i + 1 == chars.len();
        let next = chars.get(i + 1).copied();
        let s: &str = match c {
            'ا' | 'أ' | 'إ' | 'آ' => {
                if first && (c == 'إ' || next == Some('ي')) {
                    "i"
                } else {
                    "a"
                }
            }
            'ي' if i == 1 && chars[0] == 'ا' => "",
            'و' if i == 1 && chars[0] == 'ا' => "u",
            'و' if first => "w",
            'و' => "o",
            'ي' | 'ى' if first => "y",
            'ي' | 'ى' => "i",
            'ت' if next == Some('ش') => "",
            'ش' if i > 0 && chars[i - 1] == 'ت' => "ch",
            'ب' => "b",
            'ت' | 'ط' => "t",
            'ث' => "th",
            'ج' => "j",
            'ح' | 'ه' => "h",
            'ة' => "a",
            'خ' => "kh",
            'د' | 'ض' => "d",
            'ذ' => "dh",
            'ر' => "r",
            'ز' | 'ظ' => "z",
            'س' | 'ص' => "s",
            'ش' => "sh",
            'ع' | 'ء' | 'ؤ' | 'ئ' => {
                if first || last {
                    ""
                } else {
                    "'"
                }
            }
            'غ' => "gh",
            'ف' => "f",
            'ق' => "q",
            'ك' => "k",
            'ل' => "l",
            'م' => "m",
            'ن' => "n",
            'پ' => "p",
            'ڤ' => "v",
            'گ' => "g",
            'چ' => "ch",
            _ => "",
        };
        let vowel = matches!(s, "a" | "o" | "i" | "'" | "");
        if vowel {
            consonants_in_row = 0;
        } else {
            // two consonants at the start of a word: the unwritten vowel between them (حمدي → hamdi)
            if consonants_in_row == 1 && out.chars().count() <= 2 {
                out.push('a');
            }
            consonants_in_row += 1;
        }
        out.push_str(s);
    }
    capitalise(&out)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A readable Latin spelling of an Arabic-script name; Latin names are returned as they are.
pub fn latin(name: &str, given: &WordTable<Given>) -> String {
    if !ar::has_arabic_block(name) {
        return name.to_string();
    }
    let mut parts = Vec::new();
    for w in name.split_whitespace() {
        if let Some(g) = given.get(w) {
            parts.push(g.latin.clone());
            continue;
        }
        match w.strip_prefix(ar::AL).filter(|r| r.chars().count() >= 2) {
            Some(rest) => match given.get(rest) {
                Some(g) => parts.push(format!("al-{}", g.latin)),
                None => parts.push(format!("al-{}", word_by_rule(rest))),
            },
            None => parts.push(word_by_rule(w)),
        }
    }
    parts.join(" ")
}

/// A stable id fragment of a Latin name: lower-case ASCII letters and digits joined by '-'.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if chars::is_alphabetic(c) {
            // a non-ASCII letter: keep it, ids only need to be stable
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_agree_across_scripts() {
        assert_eq!(key("جيورجي بوريسينكو"), key("Georgiy Y. Borisenko"));
        assert_eq!(key("نيكولاي باتروشيف"), key("Nikolai Patrushev"));
        assert_eq!(key("عبدالفتاح السيسي"), key("Abdel Fattah el-Sisi"));
        assert_ne!(key("Sergey Lavrov"), key("Nikolai Patrushev"));
    }

    #[test]
    fn the_article_is_one_however_written() {
        // hyphenated, spaced or as the Arabic writes it
        assert_eq!(key("al-Busaidi"), key("Al Busaidi"));
        assert_eq!(key("Al Busaidi"), key("البوسعيدي"));
        assert_eq!(key("Tamim bin Hamad Al Thani"), key("تميم بن حمد آل ثاني"));
        assert_eq!(key("Mohamed El Baradei"), key("محمد البرادعي"));
        // joined to the surname, only the loose key drops it
        assert_ne!(key("Badr Albusaidi"), key("بدر البوسعيدي"));
        assert_eq!(loose_key("Badr Albusaidi"), key("بدر البوسعيدي"));
        assert_eq!(loose_key("Albusaidi"), key("al-Busaidi"));
        // a name that opens with Al is no article ("Ali", "Alexander", "Alan")
        assert_eq!(loose_key("Ali Hassan"), key("Ali Hassan"));
        assert_eq!(loose_key("Alexander Stubb"), key("Alexander Stubb"));
        assert_eq!(key("Anthony Albanese"), key("أنتوني ألبانيزي"));
        // a lone "Al" is a given name, not an article
        assert_eq!(key("Al"), "l");
    }

    #[test]
    fn readable_latin_by_rule() {
        let given = WordTable::default();
        assert_eq!(latin("بوريسينكو", &given), "Borisinko");
        assert_eq!(latin("لوزا", &given), "Loza");
        assert_eq!(latin("السيسي", &given), "al-Sisi");
        assert_eq!(latin("Georgiy Borisenko", &given), "Georgiy Borisenko");
    }

    #[test]
    fn slugs_are_ascii_ids() {
        assert_eq!(slug("Georgiy Y. Borisenko"), "georgiy-y-borisenko");
        assert_eq!(slug("Abdel Fattah el-Sisi"), "abdel-fattah-el-sisi");
    }
}
