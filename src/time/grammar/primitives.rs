//! The reading steps every pattern of the date grammar is built from: a reading of the time
//! lexicon at a token, an optional linking word or punctuation mark, a number in digits, and
//! where a span starts when a proclitic is written onto its first word.

use super::{Kind, Parser, Pos, Prep, Word};

impl Parser<'_> {
    /// The first (longest) reading at token `i` that `f` accepts: (value, end token, start byte).
    pub(super) fn word<T>(
        &self,
        i: usize,
        f: impl Fn(Word) -> Option<T>,
    ) -> Option<(T, usize, usize)> {
        self.hits
            .get(i)?
            .iter()
            .find_map(|hit| f(hit.word).map(|v| (v, hit.end, hit.start)))
    }

    pub(super) fn prep(&self, i: usize, p: Prep) -> Option<usize> {
        self.word(i, |w| (w == Word::Prep(p)).then_some(()))
            .map(|x| x.1)
    }

    /// Skip an optional linking word of kind `p`.
    pub(super) fn opt_prep(&self, i: usize, p: Prep) -> usize {
        self.prep(i, p).unwrap_or(i)
    }

    pub(super) fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|tok| tok.kind == Kind::Punct && set.contains(&tok.text))
    }

    pub(super) fn opt_punct(&self, i: usize, set: &[&str]) -> usize {
        if self.punct(i, set) {
            i + 1
        } else {
            i
        }
    }

    /// Token `i` follows the one before it without a space.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|tok| !tok.space_before)
    }

    /// A number written in digits: (value, number of digits).
    pub(super) fn num(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.toks.get(i).filter(|tok| tok.kind == Kind::Num)?;
        if tok.text.len() > 6 {
            return None;
        }
        Some((tok.text.parse().ok()?, tok.text.len()))
    }

    pub(super) fn start(&self, i: usize) -> usize {
        self.toks[i].range.start
    }

    /// Where a span starting at token `i` begins: after a proclitic (و, ف, ب) written onto it.
    pub(super) fn lead(&self, i: usize) -> usize {
        self.hits[i]
            .iter()
            .map(|hit| hit.start)
            .max()
            .unwrap_or_else(|| self.start(i))
    }

    /// A shift word at `i` written in position `pos`: -1 (الماضي, last), 0 (this), 1 (المقبل, next).
    pub(super) fn shift(&self, i: usize, pos: Pos) -> Option<(i64, usize)> {
        self.word(i, |w| match w {
            Word::Shift(k, p) if p == pos => Some(k),
            _ => None,
        })
        .map(|(k, e, _)| (k, e))
    }
}
