//! What every stage after cleaning reads: the folded text, the page layout, the sentences of the
//! content and their tokens, the language and the publication day, plus the one conversion from
//! folded byte ranges to original character offsets.
//!
//! The sentences are tokenised here once ([`Analysis::tokens`]) so that the stages reading them
//! word by word do not each split the same text again.

use std::ops::Range;

use crate::clean::Layout;
use crate::doc::Mention;
use crate::lexicon;
use crate::text::fold::{CharIndex, Folded};
use crate::text::segment::{self, Token};
use crate::time::calendar::Day;

pub struct Analysis<'a> {
    /// The original text.
    pub original: &'a str,
    chars: CharIndex,
    pub folded: Folded,
    pub layout: Layout,
    /// Sentences of the title and body, folded byte ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// The tokens of all sentences, in order.
    tokens: Vec<Token>,
    /// For each sentence, the range of its tokens in `tokens`.
    sentence_tokens: Vec<Range<usize>>,
    pub lang: String,
    /// The publication day, when known: the anchor of relative dates.
    pub anchor: Option<Day>,
}

impl<'a> Analysis<'a> {
    pub fn new(
        original: &'a str,
        folded: Folded,
        layout: Layout,
        lang: String,
        anchor: Option<Day>,
    ) -> Self {
        let text = &folded.text;
        let sentences: Vec<Range<usize>> = layout
            .content()
            .into_iter()
            .flat_map(|r| segment::sentences(text, r, &lexicon::tables().abbreviations))
            .collect();
        // about one token per five bytes of text: sized once instead of grown by doubling
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let sentence_tokens = sentences
            .iter()
            .map(|s| {
                let first = tokens.len();
                segment::tokens_into(text, s.clone(), &mut tokens);
                first..tokens.len()
            })
            .collect();
        Analysis {
            original,
            chars: CharIndex::new(original),
            folded,
            layout,
            sentences,
            tokens,
            sentence_tokens,
            lang,
            anchor,
        }
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.folded.text
    }

    /// Original character range of a folded byte range.
    pub fn orig(&self, r: Range<usize>) -> Range<usize> {
        self.folded.orig_range(r)
    }

    /// The original character that folded byte `b` comes from (a word's first letter, say: is
    /// it a capital?), read without mapping a whole range.
    pub fn orig_char(&self, b: usize) -> Option<char> {
        let c = self.folded.orig_start(b);
        self.original.get(self.chars.byte_of(c)..)?.chars().next()
    }

    /// The original text of an original character range.
    pub fn orig_text(&self, r: Range<usize>) -> &'a str {
        &self.original[self.chars.byte_of(r.start)..self.chars.byte_of(r.end)]
    }

    /// A mention (original offsets and text) of a folded byte range.
    pub fn mention(&self, r: Range<usize>) -> Mention {
        let o = self.orig(r);
        Mention {
            start: o.start,
            end: o.end,
            text: self.orig_text(o.clone()).to_string(),
        }
    }

    /// Folded byte range of an original character range (the inverse of [`Analysis::orig`]), for
    /// stages that read another stage's mentions.
    pub fn folded_range(&self, r: Range<usize>) -> Range<usize> {
        let s = self.folded.folded_at(r.start);
        s..self.folded.folded_at(r.end).max(s)
    }

    /// The tokens of sentence `i` (an index into [`Analysis::sentences`]): what
    /// [`segment::tokens`] gives for its range.
    pub fn tokens(&self, i: usize) -> &[Token] {
        self.sentence_tokens
            .get(i)
            .map_or(&[], |r| &self.tokens[r.clone()])
    }

    /// The sentence that contains folded byte offset `b`.
    pub fn sentence_of(&self, b: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        self.sentences.get(i).filter(|s| s.start <= b).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_per_sentence_are_those_of_its_range() {
        let page = "Talks resume in Amman\n\nThe ministers met on Sunday. They signed 3 accords.\n\nوقال الوزير إن المباحثات كانت مثمرة. وأضاف: «سنلتقي مجدداً».";
        let folded = Folded::new(page);
        let layout = crate::clean::layout(&folded.text);
        let a = Analysis::new(page, folded, layout, "en".to_string(), None);
        assert!(a.sentences.len() >= 4);
        for (i, s) in a.sentences.iter().enumerate() {
            assert_eq!(a.tokens(i), segment::tokens(a.text(), s.clone()).as_slice());
        }
        assert!(a.tokens(a.sentences.len()).is_empty());
    }
}
