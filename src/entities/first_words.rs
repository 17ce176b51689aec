//! Where a key may start: the first words of a set of knowledge-base keys.
//!
//! The gazetteer looks for keys at every word start (and after each proclitic), and at most of
//! these places no key starts. A key the gazetteer keeps ends where a word ends, so its first
//! word (up to its first character that is no letter or digit: "u" of "u.s.", "al" of
//! "al-qaeda", all of "روسيا") is the text's first word there, and a key running past its first
//! word has the text's second word as its own. So the words of a place are read and hashed once
//! ([`Start`]) and every key set answers from them:
//!
//! - a filter of the keys' first words turns most places away;
//! - a filter of the first two words of the keys that run past their first word says whether the
//!   automaton must run ("the" opens "the hague" but rarely comes before "hague");
//! - where it need not, a key of one word is read from a table of them, without the automaton.
//!
//! A filter of the keys' first eight bytes let a third of the places through to the automaton
//! with the GeoNames names, and in English most of the words let through open a key of several
//! words they are not followed by.

use std::cell::OnceCell;
use std::hash::Hasher;

use crate::text::chars;
use crate::text::hash::{WordHasher, WordMap};

/// The first word of `text`: up to its first character that is no letter or digit (the whole
/// text when it has none; empty when it opens with a mark).
#[inline]
pub fn first_word(text: &str) -> &str {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !x.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            // a multi-byte character: decoded only here (Latin words never reach this branch)
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !chars::is_alphanumeric(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    &text[..i]
}

/// The word after the first word of `text` (the marks and spaces between skipped; empty when
/// there is none).
#[inline]
fn second_word<'t>(text: &'t str, first: &str) -> &'t str {
    let rest = &text[first.len()..];
    let skip = rest
        .char_indices()
        .find(|&(_, c)| chars::is_alphanumeric(c))
        .map_or(rest.len(), |(i, _)| i);
    first_word(&rest[skip..])
}

/// The hash of a word, or of a pair of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordHash(u64);

impl WordHash {
    #[inline]
    fn of(words: &[&str]) -> WordHash {
        let mut h = WordHasher::default();
        for w in words {
            // the length goes in with each word: ("ab", "c") is not ("a", "bc")
            h.write(w.as_bytes());
        }
        WordHash(h.finish())
    }
}

/// The words where a key may start, read once for every key set: the first word and its hash
/// (the second word is read only where a set's first words let the first through).
#[derive(Debug, Clone)]
pub struct Start<'t> {
    /// The text from where a key may start to where it must end.
    text: &'t str,
    /// Its first word.
    pub word: &'t str,
    first: WordHash,
    /// [`Start::pairs`], read once for every set whose first words let the place through.
    pairs: OnceCell<[WordHash; 2]>,
}

impl<'t> Start<'t> {
    /// The start of `text` (from where a key may start to where it must end).
    #[inline]
    pub fn of(text: &'t str) -> Start<'t> {
        let word = first_word(text);
        Start {
            text,
            word,
            first: WordHash::of(&[word]),
            pairs: OnceCell::new(),
        }
    }

    /// The start of `text` whose first word is known to be `word` (the rest of a word after a
    /// proclitic: the word's first word, read once, less the clitic).
    #[inline]
    pub fn with_word(text: &'t str, word: &'t str) -> Start<'t> {
        debug_assert_eq!(word, first_word(text));
        Start {
            text,
            word,
            first: WordHash::of(&[word]),
            pairs: OnceCell::new(),
        }
    }

    /// The hashes of the first two words, and of the first word with no second one (a key like
    /// "jr." runs past its word with marks only).
    fn pairs(&self) -> [WordHash; 2] {
        *self.pairs.get_or_init(|| {
            [
                WordHash::of(&[self.word, second_word(self.text, self.word)]),
                WordHash::of(&[self.word, ""]),
            ]
        })
    }
}

/// Bits of a filter per word, rounded up to a power of two with the filter: two bits of one
/// 64-bit block per word leave about one probe in fifty to a hundred falsely open.
const BITS_PER_WORD: usize = 16;

/// A blocked Bloom filter over word hashes: each hash sets two bits of one 64-bit block, so a
/// probe reads one block.
#[derive(Debug, Clone)]
struct Filter {
    blocks: Box<[u64]>,
    /// The filter has 2^`log2` blocks.
    log2: u32,
}

impl Filter {
    fn new(hashes: &[WordHash]) -> Filter {
        let log2 = (hashes.len() * BITS_PER_WORD / 64)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(4, 24);
        let mut f = Filter {
            blocks: vec![0; 1 << log2].into_boxed_slice(),
            log2,
        };
        for &h in hashes {
            let (block, bits) = f.slot(h);
            f.blocks[block] |= bits;
        }
        f
    }

    /// The block of a hash and the two bits it sets there.
    #[inline]
    fn slot(&self, h: WordHash) -> (usize, u64) {
        // the hash's top bits choose the block, its low bits the two bits in it
        let block = (h.0 >> (64 - self.log2)) as usize;
        let bits = 1u64 << (h.0 & 63) | 1u64 << ((h.0 >> 6) & 63);
        (block, bits)
    }

    /// False only when the hash was not inserted.
    #[inline]
    fn may_contain(&self, h: WordHash) -> bool {
        let (block, bits) = self.slot(h);
        self.blocks[block] & bits == bits
    }
}

/// What a key set knows of where its keys start.
#[derive(Debug, Clone)]
pub struct FirstWords {
    /// The keys' first words.
    first: Filter,
    /// The first two words of the keys longer than their first word.
    longer: Filter,
    /// The keys of one word → their ids.
    single: WordMap<Box<str>, usize>,
}

/// Where a key set's keys may be found at a [`Start`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// No key of the set starts here.
    None,
    /// No key longer than the first word starts here: the key of that one word, if any (its id).
    Word(Option<usize>),
    /// A key longer than the first word may start here: the automaton must look.
    Longer,
}

impl FirstWords {
    /// The first words of `keys` (key ids are their positions).
    pub fn new<'k>(keys: impl Iterator<Item = &'k str>) -> FirstWords {
        let (mut first, mut longer) = (Vec::new(), Vec::new());
        let mut single = WordMap::default();
        for (id, k) in keys.enumerate() {
            let word = first_word(k);
            first.push(WordHash::of(&[word]));
            if word.len() == k.len() {
                // the automaton's first pattern wins between equal keys
                single.entry(k.into()).or_insert(id);
            } else {
                longer.push(WordHash::of(&[word, second_word(k, word)]));
            }
        }
        FirstWords {
            first: Filter::new(&first),
            longer: Filter::new(&longer),
            single,
        }
    }

    /// Where keys of the set may be found at `at`.
    #[inline]
    pub fn probe(&self, at: &Start) -> Probe {
        if !self.first.may_contain(at.first) {
            return Probe::None;
        }
        if at.pairs().into_iter().any(|h| self.longer.may_contain(h)) {
            return Probe::Longer;
        }
        Probe::Word(self.single.get(at.word).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_word_ends_at_the_first_mark_or_space() {
        assert_eq!(first_word("u.s. officials"), "u");
        assert_eq!(first_word("al-qaeda"), "al");
        assert_eq!(first_word("روسيا، والصين"), "روسيا");
        assert_eq!(first_word("un"), "un");
        assert_eq!(first_word("(x)"), "");
        assert_eq!(first_word("côte d'ivoire"), "côte");
        assert_eq!(second_word("u.s. officials", "u"), "s");
        assert_eq!(second_word("new york", "new"), "york");
        assert_eq!(second_word("jr.", "jr"), "");
    }

    const KEYS: [&str; 8] = [
        "un",
        "u.s.",
        "مجلس الامن",
        "روسيا",
        "الامم المتحده",
        "new york",
        "new",
        "jr.",
    ];

    #[test]
    fn every_key_is_found_where_it_starts() {
        let fw = FirstWords::new(KEYS.into_iter());
        let probe = |text: &str| fw.probe(&Start::of(text));
        assert_eq!(probe("un said"), Probe::Word(Some(0)));
        assert_eq!(probe("روسيا،"), Probe::Word(Some(3)));
        assert_eq!(probe("new delhi"), Probe::Word(Some(6)));
        for text in [
            "u.s. officials",
            "مجلس الامن الدولي",
            "الامم المتحده",
            "new york city",
            "jr. said",
            "jr",
        ] {
            assert_eq!(probe(text), Probe::Longer, "{text}");
        }
    }

    #[test]
    fn a_word_that_only_begins_like_a_key_is_turned_away() {
        let fw = FirstWords::new(KEYS.into_iter());
        let others = ["unity", "روسيات", "مجلسي", "newer", "the", "said", "الوزير"];
        let open = others
            .iter()
            .filter(|t| fw.probe(&Start::of(t)) != Probe::None)
            .count();
        assert!(open <= 1, "{open} of {} falsely open", others.len());
        // a first word of a longer key with another word after it is no key
        assert_eq!(
            FirstWords::new(["the hague"].into_iter()).probe(&Start::of("the minister")),
            Probe::Word(None)
        );
    }
}
