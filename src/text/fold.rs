//! Folding: the one normalised view of a document that every later stage reads.
//!
//! News text mixes spellings freely (أ/إ/ا, ى/ي, ة/ه), decorates words with diacritics and tatweel,
//! writes digits in three scripts and hides direction marks between letters. Matching has to see
//! through all of that, but every fact we report must point at the exact characters of the
//! original string. [`Folded`] therefore keeps, for every byte of the folded text, the index of the
//! original *character* (a Python `str` index) it came from.
//!
//! The folding is character-local (one original character becomes zero, one or a few folded
//! characters), so the map is monotone and any folded range maps back to a contiguous original
//! range.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

use crate::lang::ar;

/// A folded document: `text` for matching, `map` back to original character offsets.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[b]` is the original character index of folded byte `b`; `map[text.len()]` is the
    /// original length in characters (a sentinel, so end offsets need no special case).
    map: Vec<u32>,
    /// Original character indices of dropped combining marks (diacritics, tatweel), sorted. A span
    /// ending just before such marks is extended over them, so "مشيرًا" keeps its tanween.
    marks: Vec<u32>,
}

/// What one original character folds to.
enum Fold {
    Keep(char),
    Drop,
    /// A mark that belongs to the letter before it (diacritic, tatweel).
    DropMark,
    Many(String),
}

/// Invisible characters that carry no letters: direction marks, zero-width joiners, BOM, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF | 0x00AD)
}

fn fold_char(c: char) -> Fold {
    if c.is_ascii() {
        return Fold::Keep(c.to_ascii_lowercase());
    }
    if ar::is_arabic_mark(c) {
        return Fold::DropMark;
    }
    if is_invisible(c) {
        return Fold::Drop;
    }
    let cp = c as u32;
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => return Fold::Keep('ا'),
        'ى' | 'ئ' | 'ی' => return Fold::Keep('ي'),
        'ة' => return Fold::Keep('ه'),
        'ؤ' => return Fold::Keep('و'),
        'ک' => return Fold::Keep('ك'),
        // Typographic quotes and dashes stay distinct characters (quotes need them), but spaces
        // of every width become one plain space.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            return Fold::Keep(' ')
        }
        _ => {}
    }
    // Arabic-Indic and extended (Persian) digits.
    if let Some(d) = ar::digit_value(c) {
        return Fold::Keep(char::from(b'0' + d));
    }
    // Plain Arabic letters and other common scripts need no compatibility mapping.
    if ar::is_arabic_block(c) {
        return Fold::Keep(c);
    }
    // NFKC where it is safe: presentation forms, ligatures, full-width forms, then lower case.
    if needs_nfkc(cp) {
        let mut out = String::new();
        for d in std::iter::once(c).nfkc() {
            if d == c {
                out.extend(d.to_lowercase());
                continue;
            }
            match fold_char(d) {
                Fold::Keep(k) => out.push(k),
                Fold::Many(s) => out.push_str(&s),
                Fold::Drop | Fold::DropMark => {}
            }
        }
        return match out.chars().count() {
            0 => Fold::Drop,
            1 => Fold::Keep(out.chars().next().unwrap_or(c)),
            _ => Fold::Many(out),
        };
    }
    if c.is_uppercase() {
        let mut lower = c.to_lowercase();
        if lower.len() == 1 {
            return Fold::Keep(lower.next().unwrap_or(c));
        }
        return Fold::Many(lower.collect());
    }
    Fold::Keep(c)
}

/// Code points whose NFKC form differs in ways matching cares about: Arabic presentation forms,
/// Latin ligatures, full-width and other compatibility characters. Other scripts pass unchanged.
fn needs_nfkc(cp: u32) -> bool {
    matches!(cp,
        0x00AA..=0x00BE   // ª ² ³ µ ¹ º ¼ ½ ¾
        | 0x2024..=0x2026 // one-dot and two-dot leaders, ellipsis
        | 0x2070..=0x209F // super/subscripts
        | 0x2100..=0x218F // letter-like symbols, number forms
        | 0xFB00..=0xFB4F // Latin and Hebrew presentation forms
        | 0xFB50..=0xFDFF // Arabic presentation forms A
        | 0xFE70..=0xFEFE // Arabic presentation forms B
        | 0xFF01..=0xFF5E // full-width ASCII
    )
}

impl Folded {
    /// Fold `original`. Linear in its length; never fails.
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut marks = Vec::new();
        let mut n = 0u32;
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII folds to its lower case, one byte for one character: no decoding
            if bytes[i].is_ascii() {
                text.push(char::from(bytes[i].to_ascii_lowercase()));
                map.push(n);
                n += 1;
                i += 1;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            match fold_char(c) {
                Fold::Keep(k) => {
                    text.push(k);
                    map.extend(std::iter::repeat_n(n, k.len_utf8()));
                }
                Fold::Many(s) => {
                    text.push_str(&s);
                    map.extend(std::iter::repeat_n(n, s.len()));
                }
                Fold::DropMark => marks.push(n),
                Fold::Drop => {}
            }
            n += 1;
        }
        map.push(n);
        Folded { text, map, marks }
    }

    /// Length of the original string in characters.
    pub fn orig_len(&self) -> usize {
        self.map[self.text.len()] as usize
    }

    /// The original character index of folded byte offset `b` (a start offset).
    pub fn orig_start(&self, b: usize) -> usize {
        self.map[b.min(self.text.len())] as usize
    }

    /// The original character index just past folded byte range `..b` (an end offset).
    pub fn orig_end(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        if b == 0 {
            return self.map[0] as usize;
        }
        let mut end = self.map[b - 1] as usize + 1;
        // Swallow the diacritics that belong to the last letter.
        let limit = self.map[b] as usize;
        if let Ok(mut i) = self.marks.binary_search(&(end as u32)) {
            while end < limit && i < self.marks.len() && self.marks[i] as usize == end {
                end += 1;
                i += 1;
            }
        }
        end
    }

    /// Map a folded byte range to an original character range.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        let s = self.orig_start(r.start);
        let e = self.orig_end(r.end).max(s);
        s..e
    }

    /// The folded byte offset of the first folded byte at or after original character `c`.
    /// Used when a caller gives original offsets (line boundaries found on the original text).
    pub fn folded_at(&self, c: usize) -> usize {
        self.map.partition_point(|&m| (m as usize) < c)
    }
}

/// Fold a short string (a lexicon entry, a user alias) the same way documents are folded, and
/// squeeze runs of white space, so table keys and text agree.
pub fn fold_key(s: &str) -> String {
    // folded character by character straight into the key: no offset map for a key
    let mut out = Squeezed::with_capacity(s.len());
    for c in s.trim().chars() {
        match fold_char(c) {
            Fold::Keep(k) => out.push(k),
            Fold::Many(m) => m.chars().for_each(|k| out.push(k)),
            Fold::Drop | Fold::DropMark => {}
        }
    }
    out.text
}

/// A string being built with runs of white space squeezed to one space and none at either end.
struct Squeezed {
    text: String,
    space: bool,
}

impl Squeezed {
    fn with_capacity(n: usize) -> Squeezed {
        Squeezed {
            text: String::with_capacity(n),
            space: false,
        }
    }

    #[inline]
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
        } else {
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
        }
    }
}

/// [`fold_key`] of text that is already folded (a line of a document's folded text): folding is
/// idempotent (a test checks every code point), so only the white space needs squeezing, and
/// the text is not folded a second time.
pub fn squeeze_folded(s: &str) -> String {
    // word by word: one copy per word instead of one push per character
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Original-character offsets of a `&str` slice, for spans found on the original text.
pub struct CharIndex {
    /// Byte offset of every character start, plus the total length.
    starts: Vec<u32>,
}

impl CharIndex {
    pub fn new(s: &str) -> CharIndex {
        let mut starts: Vec<u32> = s.char_indices().map(|(b, _)| b as u32).collect();
        starts.push(s.len() as u32);
        CharIndex { starts }
    }
    /// Character index of byte offset `b` (which must be a char boundary).
    pub fn char_of(&self, b: usize) -> usize {
        self.starts.partition_point(|&x| (x as usize) < b)
    }
    /// Byte offset of character index `c`.
    pub fn byte_of(&self, c: usize) -> usize {
        self.starts[c.min(self.starts.len() - 1)] as usize
    }
    pub fn len_chars(&self) -> usize {
        self.starts.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orig_slice(s: &str, r: Range<usize>) -> String {
        s.chars().skip(r.start).take(r.end - r.start).collect()
    }

    #[test]
    fn folds_arabic_variants() {
        let f = Folded::new("أكد الرئيس المصرى فى القاهرة");
        assert_eq!(f.text, "اكد الرييس المصري في القاهره");
    }

    #[test]
    fn drops_diacritics_and_tatweel_and_marks() {
        let f = Folded::new("مُـحـمَّد\u{200F} Sisi");
        assert_eq!(f.text, "محمد sisi");
    }

    #[test]
    fn digits_fold_to_ascii() {
        assert_eq!(Folded::new("٣ مارس ٢٠١٨").text, "3 مارس 2018");
        assert_eq!(Folded::new("۱۴۰۲").text, "1402");
    }

    #[test]
    fn presentation_forms_and_fullwidth() {
        assert_eq!(Folded::new("ﻻ").text, "لا");
        assert_eq!(Folded::new("ＡＢ１").text, "ab1");
    }

    #[test]
    fn offsets_round_trip_with_marks() {
        let s = "قال مشيرًا إلى مصرَ";
        let f = Folded::new(s);
        let i = f.text.find("مشيرا").unwrap();
        let r = f.orig_range(i..i + "مشيرا".len());
        assert_eq!(orig_slice(s, r), "مشيرًا");
        let j = f.text.find("مصر").unwrap();
        assert_eq!(orig_slice(s, f.orig_range(j..j + "مصر".len())), "مصرَ");
    }

    #[test]
    fn expansion_maps_to_whole_char() {
        let s = "xﻻy";
        let f = Folded::new(s);
        assert_eq!(f.text, "xلاy");
        let i = f.text.find('ل').unwrap();
        assert_eq!(orig_slice(s, f.orig_range(i..i + 2)), "ﻻ");
    }

    #[test]
    fn fold_key_squeezes_space() {
        assert_eq!(fold_key("  الأمم   المتحدة "), "الامم المتحده");
    }

    #[test]
    fn folding_is_idempotent_for_every_code_point() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let once = Folded::new(c.encode_utf8(&mut buf)).text;
            assert_eq!(Folded::new(&once).text, once, "{:04X}", c as u32);
        }
    }

    #[test]
    fn squeezing_folded_text_is_its_fold_key() {
        for s in [
            "  وزير   الخارجية  ",
            "The Minister\t said",
            "ﻻ  x",
            "\u{200F}\u{00A0}أ",
        ] {
            let folded = Folded::new(s).text;
            assert_eq!(squeeze_folded(&folded), fold_key(&folded));
            assert_eq!(squeeze_folded(&folded), fold_key(s));
        }
    }

    #[test]
    fn fold_key_is_the_squeezed_folded_text() {
        for s in [
            " أكد  الرئيس\u{200F} المصرى ",
            "ＡＢ  ﻻ",
            "Mr.\u{00A0}Smith\t",
            "  ",
            "",
        ] {
            let f = Folded::new(s.trim()).text;
            let words: Vec<&str> = f.split_whitespace().collect();
            assert_eq!(fold_key(s), words.join(" "), "{s:?}");
        }
    }

    #[test]
    fn folded_at_inverts_map() {
        let s = "aً b";
        let f = Folded::new(s);
        assert_eq!(f.folded_at(0), 0);
        assert_eq!(f.folded_at(2), 1); // the space, after the dropped mark
        assert_eq!(f.folded_at(4), f.text.len());
    }
}
