//! Tense for the date grammar: which way an expression with missing parts points, from a shift
//! word beside it (الماضي, next) or a future marker in its sentence (will, سوف, سيعقد).

use super::{Dir, Kind, Parser, Pos, Word};
use crate::lang::ar;

impl Parser<'_> {
    /// A future marker near tokens `i..e`: "will", "سوف", "المقرر", or a verb with the future
    /// prefix سـ (سيعقد, سأعود), in the same sentence. The look-back is long enough for a clock
    /// time and its zone between the verb and the day ("will take effect at 4 a.m. local time
    /// (0200 GMT) on Wednesday").
    fn future(&self, i: usize, e: usize) -> bool {
        let mut lo = i;
        while lo > 0 && i - lo < 20 && !self.sentence_end(lo - 1) {
            lo -= 1;
        }
        let mut hi = e;
        while hi < self.toks.len() && hi - e < 4 && !self.sentence_end(hi) {
            hi += 1;
        }
        (lo..hi)
            .filter(|k| *k < i || *k >= e)
            .any(|k| self.future_word(k))
    }

    /// Token `k` ends a sentence: a full stop that is not the point of an abbreviation of one
    /// letter ("a.m.", "U.S."), or !, ? or ;.
    fn sentence_end(&self, k: usize) -> bool {
        if self.punct(k, &["!", "?", "؟", ";", "؛"]) {
            return true;
        }
        self.punct(k, &["."])
            && !(k > 0
                && self.toks[k - 1].kind == Kind::Word
                && self.toks[k - 1].text.chars().count() == 1)
    }

    /// Token `k` says the future: a future word ("will", سوف), "next", or a verb with the future
    /// prefix. A future phrase of several words ("على أن") counts only before a verb in the
    /// imperfect: "على أن يغادر" announces, "أكد على أن الاتفاق" reports.
    fn future_word(&self, k: usize) -> bool {
        let hits = &self.hits[k];
        if hits.iter().any(|hit| {
            (hit.word == Word::Future && (hit.end == k + 1 || self.imperfect(hit.end)))
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

    /// Token `k` is a verb in the imperfect (يغادر, تبدأ): a word of three letters or more
    /// that opens with an imperfect prefix.
    fn imperfect(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && t.text.chars().count() >= 3
                && ar::IMPERFECT_PREFIXES.iter().any(|p| t.text.starts_with(p))
        })
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
