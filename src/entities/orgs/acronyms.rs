//! Acronyms defined in the text: "the National Association of Purchasing Management (NAPM)".
//! The long form before the bracket is an organisation when its capitalised words' initials
//! spell the acronym (in order, a word or two may go unused: "London International Financial
//! Futures and Options Exchange (LIFFE)"); every later occurrence of the acronym, as written,
//! is a mention of the same organisation, as is the one in the bracket. A long form ending
//! with a facility's head ("Nuclear Power Plant (NPP)") is a place and is left alone.

use std::ops::Range;

use super::{caps_word, meaning, Meaning, Span};
use crate::entities::Ctx;
use crate::text::chars;
use crate::text::segment::TokKind;

/// Most words of a long form.
const MAX_WORDS: usize = 9;

/// The acronym in brackets at tokens `t..t + 3` ("(", "NAPM", ")"), as written.
pub(super) fn bracketed(cx: Ctx<'_>, t: usize) -> Option<&str> {
    // brackets first, on the folded text: most tokens are none, and reading the original
    // text of every token would cost more than the rest of the rule
    let punct = |i: usize, p: &str| {
        cx.tok(i)
            .is_some_and(|x| x.kind == TokKind::Punct && &cx.text()[x.range.clone()] == p)
    };
    if !punct(t, "(") || !punct(t + 2, ")") {
        return None;
    }
    let tok = cx.tok(t + 1)?;
    let w = cx.orig(tok.range.clone());
    let letters = w.chars().filter(|&c| chars::is_alphabetic(c)).count();
    (tok.kind == TokKind::Word
        && (2..=8).contains(&letters)
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&'))
    .then_some(w)
}

/// Long forms found by their acronym in a sentence (where no other rule found a name before
/// the bracket).
pub(super) fn long_forms(cx: Ctx) -> Vec<Span> {
    let mut out = Vec::new();
    // most sentences have no bracket: one pass over their bytes says so
    if !cx.sentence_text().contains('(') {
        return out;
    }
    for t in 1..cx.sent.toks.len() {
        if let Some(acr) = bracketed(cx, t) {
            if let Some(toks) = long_form(cx, t, acr) {
                let range =
                    cx.sent.toks[toks.start].range.start..cx.sent.toks[toks.end - 1].range.end;
                out.push(Span {
                    toks,
                    range,
                    country: None,
                    known: None,
                });
            }
        }
    }
    out
}

/// The long form ending before the bracket at token `open` whose initials spell `acr`.
fn long_form(cx: Ctx, open: usize, acr: &str) -> Option<Range<usize>> {
    let target: Vec<char> = acr.chars().filter(char::is_ascii_uppercase).collect();
    // the capitalised words before the bracket, back to the first that is none, with their
    // initials (lower-case joiners "of", "and", "for" are skipped)
    let mut initials: Vec<(usize, char)> = Vec::new();
    let mut k = open;
    let mut words = 0;
    while k > 0 && words < MAX_WORDS {
        let prev = k - 1;
        let w = cx.orig(cx.sent.toks[prev].range.clone());
        if caps_word(cx, prev) || place_hit(cx, prev) {
            initials.push((prev, w.chars().next().unwrap_or(' ')));
        } else if !matches!(w, "of" | "and" | "for" | "on" | "the" | "in" | "&")
            || initials.is_empty()
        {
            break;
        }
        k = prev;
        words += 1;
    }
    initials.reverse();
    // "El Dabaa Nuclear Power Plant (NPP)": a facility's name is a place's, not a body's
    if initials
        .last()
        .is_some_and(|&(t, _)| t + 1 == open && cx.role(t).facility)
    {
        return None;
    }
    // the longest long form that spells the acronym
    (0..initials.len()).find_map(|s| {
        let letters: Vec<char> = initials[s..].iter().map(|(_, c)| *c).collect();
        spells(&letters, &target).then(|| initials[s].0..open)
    })
}

/// A word of a known place or country inside a long form ("Kurdistan Democratic Party").
fn place_hit(cx: Ctx, t: usize) -> bool {
    cx.sent.hit_of[t].is_some_and(|h| {
        cx.sent.hits[h].tokens == (t..t + 1)
            && matches!(meaning(cx.kb, h, cx.sent), Meaning::Place(_))
    })
}

/// Do the `initials` spell `acr`: the same first letter, every letter of the acronym in order,
/// and at most two initials unused?
fn spells(initials: &[char], acr: &[char]) -> bool {
    if initials.first() != acr.first()
        || initials.len() < acr.len()
        || initials.len() > acr.len() + 2
    {
        return false;
    }
    let mut it = initials.iter();
    acr.iter().all(|c| it.any(|i| i == c))
}

#[cfg(test)]
mod tests {
    use super::spells;

    #[test]
    fn initials_spell_an_acronym_in_order() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(spells(&c("NAPM"), &c("NAPM")));
        assert!(spells(&c("LIFFOE"), &c("LIFFE")));
        assert!(!spells(&c("AB"), &c("BA")));
        assert!(!spells(&c("ABCDEFG"), &c("AG")));
    }
}
