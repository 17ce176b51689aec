//! Hash tables keyed by words: the lexicon look-ups every stage makes for each word of a
//! document.
//!
//! The standard `HashMap` hashes with SipHash, built to resist keys chosen to collide; here the
//! tables are built from our data files (and the user's knowledge base) and the document only
//! looks words up, so that protection buys nothing, while SipHash's cost per short key was a
//! tenth of the pipeline. [`WordHasher`] is the multiply-rotate hash the Rust compiler uses for
//! its own tables (FxHash), eight bytes per step, with no random seed: the same on every run.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by words (or other short keys) hashed with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A set of words hashed with [`WordHasher`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// FxHash: fast for short keys, deterministic, not collision-resistant.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

/// The last one to seven bytes of a key as a little-endian word, zero-padded: the same value as
/// copying them into a zeroed array, read with at most three loads instead of a call to copy a
/// slice of unknown length (most words end here).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes([
            rest[i],
            rest[i + 1],
            rest[i + 2],
            rest[i + 3],
        ]))
    };
    if n >= 4 {
        // two overlapping four-byte loads: bytes 0..4 and n-4..n
        let lo = u32_at(0);
        let hi = u32_at(n - 4);
        lo | (hi << (8 * (n - 4)))
    } else {
        // one, two or three bytes: the first, the middle and the last
        let first = u64::from(rest[0]);
        let mid = u64::from(rest[n / 2]);
        let last = u64::from(rest[n - 1]);
        first | (mid << (8 * (n / 2))) | (last << (8 * (n - 1)))
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
        // the length too, so that zero padding cannot make two keys one ("ab", "ab\0")
        self.add(bytes.len() as u64);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // the table picks buckets by the low bits, which the multiplication mixes least
        self.hash.rotate_left(26)
    }
}

/// The shapes (last byte, length) of the words of a table: a word whose shape no entry has is
/// not in the table, which two loads and a mask tell without hashing it. Most words of a text are
/// in no lexicon, so a table probed once per word (or per stem of each word) asks this first.
#[derive(Debug, Clone)]
pub struct Shapes {
    /// By last byte: bit `min(len, 63)` set when a word of that length ends with that byte.
    by_last: Box<[u64; 256]>,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes {
            by_last: Box::new([0; 256]),
        }
    }
}

impl Shapes {
    fn key(word: &str) -> Option<(usize, u64)> {
        let last = *word.as_bytes().last()?;
        Some((usize::from(last), 1 << word.len().min(63)))
    }

    pub fn insert(&mut self, word: &str) {
        if let Some((b, bit)) = Shapes::key(word) {
            self.by_last[b] |= bit;
        }
    }

    /// False only when no word inserted has this word's shape (so it is surely absent).
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        Shapes::key(word).is_some_and(|(b, bit)| self.by_last[b] & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    #[test]
    fn a_tail_reads_as_its_bytes_copied_into_a_zeroed_word() {
        let bytes: Vec<u8> = (1..=7).map(|i| 0x10 * i + i).collect();
        for n in 1..8 {
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(b), "{n} bytes");
        }
    }

    fn hash(s: &str) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(s)
    }

    #[test]
    fn same_key_same_hash_and_words_apart() {
        assert_eq!(hash("الخارجية"), hash("الخارجية"));
        assert_ne!(hash("وزير"), hash("وزيرة"));
        assert_ne!(hash("minister"), hash("ministers"));
        // a key padded with zero bytes is still another key
        assert_ne!(hash("ab"), hash("ab\0"));
    }

    #[test]
    fn shapes_never_turn_away_an_entry() {
        let mut s = Shapes::default();
        let words = ["أمس", "الجمعة", "yesterday", "ago", "x"];
        for w in words {
            s.insert(w);
        }
        assert!(words.iter().all(|w| s.may_contain(w)));
        // another length or another last letter: surely absent
        assert!(!s.may_contain("minister"));
        assert!(!s.may_contain("وزير"));
        assert!(!s.may_contain(""));
    }

    #[test]
    fn maps_find_what_was_put_in() {
        let mut m: WordMap<String, usize> = WordMap::default();
        for (i, w) in ["قال", "أكد", "said", "stated", "أضاف"].iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("said"), Some(&2));
        assert_eq!(m.get("أضاف"), Some(&4));
        assert_eq!(m.get("say"), None);
    }
}
