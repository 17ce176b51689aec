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
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
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
