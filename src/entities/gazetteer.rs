//! Gazetteer matching: every knowledge-base key found in a sentence, at token boundaries, longest
//! first, through Arabic proclitics.
//!
//! At each word start the automaton is run anchored, once for the bare word and once after each
//! proclitic the word starts with (و ف ب ل ك and their combinations, وال/بال/لل…); the longest match
//! that ends at a word boundary wins and the scan resumes after it, so the work is linear in the
//! sentence. The mention covers the name, never the clitic: "وروسيا" gives "روسيا". After لل the
//! article's alif is gone (للأمم المتحدة); keys without their article serve that case only.

use std::ops::Range;

use super::first_words::{self, Probe, Start};
use super::kb::{KeyId, Keys, KnowledgeBase, Target};
use crate::analysis::Analysis;
use crate::lang::ar::{self, strip_proclitic};
use crate::lang::en::Caps;
use crate::text::chars;
use crate::text::segment::{TokKind, Token};

/// A knowledge-base key found in the text.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Folded byte range of the name (without its clitic).
    pub range: Range<usize>,
    /// Folded byte offset where the word starts (the clitic included).
    pub word_start: usize,
    /// The proclitic before the name ("" for none).
    pub clitic: &'static str,
    /// The meanings that fit here.
    pub targets: Vec<Target>,
    /// Index of the first and one past the last token covered.
    pub tokens: Range<usize>,
}

fn is_word_char(c: char) -> bool {
    chars::is_alphanumeric(c)
}

/// Does the original text of `range` satisfy the key's case rule? Read from the original text in
/// place: no mention, no Vec of letters.
fn case_ok(a: &Analysis, range: Range<usize>, caps: Caps) -> bool {
    if caps == Caps::Any {
        return true;
    }
    caps.fits(a.orig_text(a.orig(range)))
}

/// The longest key starting at `start`, ending at a word boundary before `limit`, of the
/// knowledge base's key sets (the longer wins; the sets share no key). `capital`: is the word
/// Latin and capitalised, or not Latin? Sets of names only are passed over where it is not.
fn longest_at(
    kb: &KnowledgeBase,
    text: &str,
    (start, at): (usize, Start),
    limit: usize,
    capital: impl Fn() -> bool,
) -> Option<(KeyId, usize)> {
    kb.key_sets()
        .filter_map(|set| {
            // a capital is one look at the original, read once per word; a set's probe may
            // miss the cache
            if set.names_only && !capital() {
                return None;
            }
            let (k, end) = match set.keys.probe(&at) {
                Probe::Word(id) => {
                    Some((id?, start + at.word.len())).filter(|&(_, end)| ends_word(text, end))?
                }
                Probe::Longer => longest_in(set.keys, text, start, limit)?,
                Probe::None => return None,
            };
            Some(((set.id)(k), end))
        })
        // the longest; between equals the first set's (the tables' before the GeoNames names)
        .reduce(|best, x| if x.1 > best.1 { x } else { best })
}

/// Does no word character follow byte `end`?
fn ends_word(text: &str, end: usize) -> bool {
    !text[end..].chars().next().is_some_and(is_word_char)
}

/// The longest key of `keys` starting at `start`, ending at a word boundary before `limit`.
fn longest_in(keys: &Keys, text: &str, start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut end_limit = limit;
    // a longer key that ends inside a word ("روسيا" in "روسيات") may hide a shorter one that fits
    for _ in 0..4 {
        let (k, end) = keys.longest(text, start..end_limit)?;
        if ends_word(text, end) {
            return Some((k, end));
        }
        if end <= start + 1 {
            return None;
        }
        end_limit = end - 1;
        while !text.is_char_boundary(end_limit) {
            end_limit -= 1;
        }
    }
    None
}

/// All hits in the tokens `toks` of a sentence ending at folded byte `limit`.
pub fn scan(a: &Analysis, kb: &KnowledgeBase, toks: &[Token], limit: usize) -> Vec<Hit> {
    let text = a.text();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        if tok.kind != TokKind::Word
            || text[..tok.range.start]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
        {
            i += 1;
            continue;
        }
        match best_at(a, kb, tok, limit) {
            Some(mut hit) => {
                let mut j = i;
                while j < toks.len() && toks[j].range.start < hit.range.end {
                    j += 1;
                }
                hit.tokens = i..j.max(i + 1);
                i = hit.tokens.end;
                out.push(hit);
            }
            None => i += 1,
        }
    }
    out
}

/// The best hit starting in the word `tok`: bare, or after a proclitic.
fn best_at(a: &Analysis, kb: &KnowledgeBase, tok: &Token, limit: usize) -> Option<Hit> {
    let text = a.text();
    let word = &text[tok.range.clone()];
    let arabic = word.chars().next().is_some_and(ar::is_arabic_letter);
    // a Latin name starts with a capital (the folded text is lower-cased: the original says)
    // read once per word, and only when a set of names has a key here
    let capital_cell = std::cell::OnceCell::new();
    let capital = || {
        *capital_cell.get_or_init(|| {
            !word.is_ascii() || a.orig_char(tok.range.start).is_some_and(char::is_uppercase)
        })
    };
    let mut best: Option<Hit> = None;
    // ل and ك alone clash with many names (لبنان، كندا): they are tried last
    let proclitics: &[&'static str] = if arabic {
        &ar::GAZETTEER_PROCLITICS
    } else {
        &[]
    };
    let weak: &[&'static str] = if arabic { &ar::WEAK_PROCLITICS } else { &[] };
    let clitics = std::iter::once(&"").chain(proclitics).chain(weak).copied();
    // every proclitic is at least one Arabic letter (two bytes): one that does not share the
    // word's first letter is passed over without comparing it
    let first = word.as_bytes().first_chunk::<2>();
    // the first word from the word's start, read once: after a clitic, its rest
    let rest = text.get(tok.range.start..limit).unwrap_or_default();
    let first_word = first_words::first_word(rest);
    for clitic in clitics {
        if !clitic.is_empty() && clitic.as_bytes().first_chunk::<2>() != first {
            continue;
        }
        // a bare one-letter word may open a key that runs on: "U.S.", "أ ش أ"; after a clitic,
        // at least two letters must remain
        let rest = strip_proclitic(word, clitic).map_or(0, |r| r.chars().take(2).count());
        if rest < 1 || (!clitic.is_empty() && rest < 2) {
            continue;
        }
        let start = tok.range.start + clitic.len();
        // the words here, read and hashed once for every set
        let here = text.get(start..limit).unwrap_or_default();
        let at = match first_word.get(clitic.len()..) {
            Some(w) => Start::with_word(here, w),
            None => Start::of(here),
        };
        let Some((key, end)) = longest_at(kb, text, (start, at), limit, capital) else {
            continue;
        };
        // a key no longer than the best so far loses: its targets are not gathered
        if best.as_ref().is_some_and(|b| b.range.end >= end) {
            continue;
        }
        let after_lil = clitic.ends_with(ar::LIL);
        let targets: Vec<Target> = kb
            .meanings(key)
            .filter(|t| (after_lil || !t.after_lil) && case_ok(a, start..end, t.caps))
            .copied()
            .collect();
        if targets.is_empty() {
            continue;
        }
        best = Some(Hit {
            range: start..end,
            word_start: tok.range.start,
            clitic,
            targets,
            tokens: 0..0,
        });
    }
    best
}
