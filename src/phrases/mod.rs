//! Word-level phrase tables, shared by the stages that read the text word by word: cue verbs
//! and role nouns (quotes), trigger words, mode words and contexts (events).
//!
//! A table lists bare forms and a word is looked up under each of its possible stems (Arabic
//! clitics in front taken off: [`crate::lang::ar::stems`]). Phrases of several words match word by word;
//! the longest phrase starting at a word wins. Lookups are hash lookups per word, so a whole
//! document is scanned in linear time. [`inflect`] expands a verb or noun given once to its
//! regular forms; [`roles`] holds the role nouns that name a person by office.

pub mod inflect;
pub mod roles;

use std::ops::Range;

use crate::analysis::Analysis;
use crate::lang::ar::stems;
use crate::text::fold::fold_key;
use crate::text::hash::WordMap;
use crate::text::segment::{self, TokKind, Token};
use crate::text::sieve::Sieve;

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

/// The words of `a.text()[range]`, read from the tokens of the sentence that holds the range
/// when one does (a sentence is tokenised once; a token cut by the range's ends is cut as
/// tokenising the range alone would cut it), else by tokenising the range.
pub fn words_in(a: &Analysis, range: Range<usize>) -> Vec<Word> {
    if range.is_empty() {
        return Vec::new();
    }
    let k = a.sentences.partition_point(|s| s.end <= range.start);
    let inside = a
        .sentences
        .get(k)
        .is_some_and(|s| s.start <= range.start && range.end <= s.end);
    if !inside {
        return words(a.text(), range);
    }
    let tokens = a.tokens(k);
    let from = tokens.partition_point(|tok| tok.range.end <= range.start);
    let mut out: Vec<Word> = Vec::new();
    let mut prev_end = range.start;
    for tok in tokens[from..]
        .iter()
        .take_while(|tok| tok.range.start < range.end)
    {
        if tok.kind == TokKind::Punct {
            continue;
        }
        let r = tok.range.start.max(range.start)..tok.range.end.min(range.end);
        out.push(Word {
            range: r.clone(),
            gap_start: prev_end,
        });
        prev_end = r.end;
    }
    out
}

/// The words among `tokens`, the tokens of a range starting at folded byte `start` (a
/// sentence's, from [`crate::analysis::Analysis::tokens`]).
pub fn words_of(tokens: &[Token], start: usize) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len());
    let mut prev_end = start;
    for tok in tokens {
        if tok.kind == TokKind::Punct {
            continue;
        }
        out.push(Word {
            range: tok.range.clone(),
            gap_start: prev_end,
        });
        prev_end = tok.range.end;
    }
    out
}

/// A table of phrases (sequences of folded words) with a payload each.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    /// First word → (the other words, payload), longest first.
    by_first: WordMap<String, Vec<(Vec<String>, T)>>,
    /// The first words' sieve: most stems are turned away before they are hashed.
    sieve: Sieve,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: WordMap::default(),
            // 2^15 bits: the trigger table's three thousand first words leave about one
            // probe in twelve falsely open
            sieve: Sieve::with_bits(15),
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
        self.sieve.insert(&first);
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
        for stem in stems(w).iter() {
            if !self.sieve.may_contain(stem) {
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
                Some(hit) => {
                    i += hit.len;
                    out.push(hit);
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
    fn words_of_a_range_are_those_of_tokenising_it() {
        let page = "Talks resume in Amman\n\nThe ministers met on Sunday, said Jordan's envoy. \"We signed 3 accords,\" he added.\n\nوقال الوزير: «سنلتقي مجدداً بـ40 وفداً». وأضاف أن المباحثات كانت مثمرة.";
        let folded = crate::text::fold::Folded::new(page);
        let layout = crate::clean::layout(&folded.text);
        let a = Analysis::new(page, folded, layout, "en".to_string(), None);
        let t = a.text();
        let cuts: Vec<usize> = (0..=t.len()).filter(|&b| t.is_char_boundary(b)).collect();
        for (i, &x) in cuts.iter().enumerate() {
            for &y in &cuts[i..] {
                assert_eq!(words_in(&a, x..y), words(t, x..y), "{:?}", &t[x..y]);
            }
        }
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
