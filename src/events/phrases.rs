//! Word-level phrase tables: cue verbs, trigger words, role nouns.
//!
//! Arabic glues conjunctions, prepositions and the article onto the next word (وقال، بالمباحثات،
//! للتعاون), so a table lists bare forms and a word is looked up under each of its possible
//! stems: as written, without a leading و/ف, without a leading ب/ل/ك, and without the article.
//! Phrases of several words match word by word; the longest phrase starting at a word wins.
//! Lookups are hash lookups per word, so a whole document is scanned in linear time.

use std::ops::Range;

use crate::text::fold::fold_key;
use crate::text::hash::{Shapes, WordMap};
use crate::text::segment::{self, TokKind, Token};

/// A word of the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub range: Range<usize>,
    /// Byte offset just past the previous word (or the scanned range's start), so callers can
    /// see what punctuation stands between two words.
    pub gap_start: usize,
}

/// The words (letter or digit runs) of `text[range]`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let start = range.start;
    words_of(&segment::tokens(text, range), start)
}

/// The words among `tokens`, the tokens of a range starting at folded byte `start` (a
/// sentence's, from [`crate::analysis::Analysis::tokens`]).
pub fn words_of(tokens: &[Token], start: usize) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len());
    let mut prev_end = start;
    for t in tokens {
        if t.kind == TokKind::Punct {
            continue;
        }
        out.push(Word {
            range: t.range.clone(),
            gap_start: prev_end,
        });
        prev_end = t.range.end;
    }
    out
}

/// At most this many stems: the literal word, one conjunction off, then per form one
/// preposition or "لل" and the article off (the loop below stops adding at 8, two at a time).
const MAX_STEMS: usize = 10;

/// The candidate stems of a word, kept inline: a table scan asks for them at every word, so
/// they must not allocate.
#[derive(Debug, Clone, Copy)]
pub struct Stems<'w> {
    items: [&'w str; MAX_STEMS],
    len: usize,
}

impl<'w> Stems<'w> {
    fn push(&mut self, s: &'w str) {
        if self.len < MAX_STEMS {
            self.items[self.len] = s;
            self.len += 1;
        }
    }
}

impl<'w> std::ops::Deref for Stems<'w> {
    type Target = [&'w str];
    fn deref(&self) -> &[&'w str] {
        &self.items[..self.len]
    }
}

/// The candidate stems of a folded word, most literal first. Only Arabic words lose clitics, and
/// only while at least three letters remain, so short words are never stripped to nothing.
pub fn stems(word: &str) -> Stems<'_> {
    let mut out = Stems {
        items: [""; MAX_STEMS],
        len: 0,
    };
    out.push(word);
    if !word
        .chars()
        .next()
        .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    {
        return out;
    }
    let long = |s: &str| s.chars().nth(2).is_some();
    let mut i = 0;
    while i < out.len && out.len < 8 {
        let w = out.items[i];
        for p in ["و", "ف"] {
            if i == 0 {
                if let Some(r) = w.strip_prefix(p).filter(|r| long(r)) {
                    out.push(r);
                }
            }
        }
        for p in ["ب", "ل", "ك"] {
            if let Some(r) = w.strip_prefix(p).filter(|r| long(r)) {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        // "لل" is ل + the article with its alif dropped: للتعاون → التعاون, whose stem is تعاون
        if let Some(r) = w.strip_prefix("لل").filter(|r| long(r)) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
        if let Some(r) = w.strip_prefix("ال").filter(|r| long(r)) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
        i += 1;
    }
    out
}

/// A table of phrases (sequences of folded words) with a payload each.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    /// First word → (the other words, payload), longest first.
    by_first: WordMap<String, Vec<(Vec<String>, T)>>,
    /// The shapes of the first words: most stems are turned away before they are hashed.
    shapes: Shapes,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: WordMap::default(),
            shapes: Shapes::default(),
        }
    }
}

/// A phrase found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'t, T> {
    /// Index of the first word.
    pub first: usize,
    /// Number of words.
    pub len: usize,
    /// Folded byte range from the first word's start to the last word's end.
    pub range: Range<usize>,
    /// The clitics stripped from the first word ("وب" of "وبرفض"), folded.
    pub prefix: Range<usize>,
    pub value: &'t T,
}

impl<T> PhraseTable<T> {
    /// Add a phrase (folded here, so tables may be written in any spelling).
    pub fn insert(&mut self, phrase: &str, value: T) {
        let key = fold_key(phrase);
        let mut ws = key.split(' ').filter(|w| !w.is_empty()).map(str::to_string);
        let Some(first) = ws.next() else { return };
        self.shapes.insert(&first);
        let rest: Vec<String> = ws.collect();
        let list = self.by_first.entry(first).or_default();
        list.push((rest, value));
        list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The longest phrase that starts at word `i`.
    pub fn at<'t>(&'t self, text: &str, ws: &[Word], i: usize) -> Option<Hit<'t, T>> {
        let w = &text[ws.get(i)?.range.clone()];
        for &stem in stems(w).iter() {
            if !self.shapes.may_contain(stem) {
                continue;
            }
            let Some(list) = self.by_first.get(stem) else {
                continue;
            };
            for (rest, value) in list {
                let ok = rest.len() < ws.len() - i
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(k, r)| &text[ws[i + 1 + k].range.clone()] == r.as_str());
                if ok {
                    let last = i + rest.len();
                    let start = ws[i].range.start;
                    let prefix = start..start + (w.len() - stem.len());
                    return Some(Hit {
                        first: i,
                        len: rest.len() + 1,
                        range: start..ws[last].range.end,
                        prefix,
                        value,
                    });
                }
            }
        }
        None
    }

    /// Every phrase in `ws`, left to right, not overlapping.
    pub fn scan<'t>(&'t self, text: &str, ws: &[Word]) -> Vec<Hit<'t, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            match self.at(text, ws, i) {
                Some(h) => {
                    i += h.len;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> PhraseTable<&'static str> {
        let mut t = PhraseTable::default();
        t.insert("قال", "say");
        t.insert("مباحثات", "talks");
        t.insert("تعاون", "coop");
        t.insert("pointed out", "point");
        t.insert("according to", "acc");
        t
    }

    fn found(s: &str) -> Vec<&'static str> {
        let t = table();
        let ws = words(s, 0..s.len());
        t.scan(s, &ws).into_iter().map(|h| *h.value).collect()
    }

    #[test]
    fn arabic_clitics_are_stripped() {
        let s = fold_key("وقال إن المباحثات بالقاهرة شملت للتعاون");
        assert_eq!(found(&s), vec!["say", "talks", "coop"]);
    }

    #[test]
    fn short_words_keep_their_letters() {
        // "ولد" must not become "لد" and "بال" must not become "ال"
        assert_eq!(*stems("ولد"), ["ولد"]);
        assert_eq!(*stems("بال"), ["بال"]);
        assert_eq!(
            *stems("وللتعاون"),
            ["وللتعاون", "للتعاون", "لتعاون", "تعاون"]
        );
    }

    #[test]
    fn english_phrases_of_several_words() {
        assert_eq!(
            found("he pointed out that, according to the minister"),
            vec!["point", "acc"]
        );
        assert_eq!(found("he pointed at the map"), Vec::<&str>::new());
    }
}
