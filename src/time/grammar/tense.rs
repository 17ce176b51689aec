//! Tense for the date grammar: which way an expression with missing parts points, from a shift
//! word beside it (الماضي, next) or a future marker in its sentence (will, سوف, سيعقد).

use super::{Dir, Parser, Pos, Word};
use crate::lang::ar;

impl Parser<'_> {
    /// A future marker near tokens `i..e`: "will", "سوف", "المقرر", or a verb with the future
    /// prefix سـ (سيعقد, سأعود), in the same sentence.
    fn future(&self, i: usize, e: usize) -> bool {
        let mut lo = i;
        while lo > 0 && i - lo < 10 && !self.punct(lo - 1, &[".", "!", "?", "؟", ";", "؛"]) {
            lo -= 1;
        }
        let mut hi = e;
        while hi < self.toks.len() && hi - e < 4 && !self.punct(hi, &[".", "!", "?", "؟", ";", "؛"])
        {
            hi += 1;
        }
        (lo..hi)
            .filter(|k| *k < i || *k >= e)
            .any(|k| self.future_word(k))
    }

    /// Token `k` says the future: a future word ("will", سوف), "next", or a verb with the future
    /// prefix.
    fn future_word(&self, k: usize) -> bool {
        let hits = &self.hits[k];
        if hits.iter().any(|hit| {
            hit.word == Word::Future
                || hit.word == Word::Shift(1, Pos::Post)
                || hit.word == Word::Shift(1, Pos::Pre)
        }) {
            return true;
        }
        if !hits.is_empty() {
            return false;
        }
        // A verb in the future: a conjunction, then س before the prefix of the imperfect
        // (سيعقد) or the first person's ا (سأعود, folded).
        let text = self.toks[k].text;
        let w = ar::CONJUNCTIONS
            .iter()
            .find_map(|c| text.strip_prefix(c))
            .unwrap_or(text);
        let Some(verb) = w.strip_prefix('س') else {
            return false;
        };
        let person =
            ar::IMPERFECT_PREFIXES.iter().any(|p| verb.starts_with(p)) || verb.starts_with('ا');
        person && verb.chars().count() >= 4
    }

    pub(super) fn dir_of(&self, shift: Option<i64>, i: usize, e: usize) -> Dir {
        match shift {
            Some(k) if k < 0 => Dir::Past,
            Some(k) if k > 0 => Dir::Next,
            _ if self.future(i, e) => Dir::Future,
            _ => Dir::Auto,
        }
    }
}
