//! A one-probe Bloom filter over words, keyed by a word's length and its first and last two
//! letters (four bytes each end in Arabic). Most words of a text are in no table of a given
//! stage ("minister", "الوزير"): the filter turns them away without hashing the whole word or
//! probing a map. It never turns away a word that was inserted, so a lookup behind it gives the
//! same answer, only sooner. [`WordTable`] pairs a word map with its sieve.
//!
//! A key of (last byte, length), or of the first and last Arabic letter, let through most Arabic
//! words: inflected tables cover nearly every such pair at every length.

use crate::text::hash::WordMap;

/// A filter of `2^log2` bits.
#[derive(Debug, Clone)]
pub struct Sieve {
    bits: Box<[u64]>,
    log2: u32,
}

impl Sieve {
    /// An empty filter of `2^log2` bits (at least 64): size it at some ten to thirty bits per
    /// word inserted for one probe in ten to thirty falsely open.
    pub fn with_bits(log2: u32) -> Sieve {
        let log2 = log2.clamp(6, 30);
        Sieve {
            bits: vec![0; 1 << (log2 - 6)].into_boxed_slice(),
            log2,
        }
    }

    #[inline]
    fn slot(&self, word: &str) -> usize {
        let b = word.as_bytes();
        let n = b.len();
        let at = |k: usize| b.get(k).map_or(0, |&x| u64::from(x));
        // Arabic letters are two bytes: two of them at each end; a Latin word's first and last
        // two letters tell enough, and are cheaper to read from a short word
        let ends = if b.first().is_some_and(|x| (0xD8..=0xDB).contains(x)) {
            four(b) | four(&b[n.saturating_sub(4)..]) << 32
        } else {
            at(0) | at(1) << 8 | at(n.wrapping_sub(2)) << 16 | at(n.wrapping_sub(1)) << 24
        };
        let key = ends ^ (n as u64) << 59;
        // Fibonacci hashing: the top bits of the product mix every bit of the key
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.log2)) as usize
    }

    pub fn insert(&mut self, word: &str) {
        let k = self.slot(word);
        self.bits[k >> 6] |= 1 << (k & 63);
    }

    /// False only when no word inserted has this word's key (so it is surely absent).
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let k = self.slot(word);
        self.bits[k >> 6] & (1 << (k & 63)) != 0
    }
}

/// A table keyed by folded words, behind a one-probe Bloom filter: every word of a sentence is
/// looked up in several of these (cue words, given names, organisation words) and most are in
/// none, so the filter turns them away without hashing the word or probing the map.
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    map: WordMap<String, V>,
    sieve: Sieve,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::from(WordMap::default())
    }
}

impl<V> From<WordMap<String, V>> for WordTable<V> {
    fn from(map: WordMap<String, V>) -> Self {
        // 2^16 bits: a thousand or two keys leave about one probe in thirty falsely open
        WordTable::with_bits(map, 16)
    }
}

impl<V> WordTable<V> {
    /// A table over `map` behind a sieve of `2^log2` bits (see [`Sieve::with_bits`]).
    pub fn with_bits(map: WordMap<String, V>, log2: u32) -> Self {
        let mut sieve = Sieve::with_bits(log2);
        for w in map.keys() {
            sieve.insert(w);
        }
        WordTable { map, sieve }
    }

    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if !self.sieve.may_contain(w) {
            return None;
        }
        self.map.get(w)
    }

    #[inline]
    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }
}

/// The first four bytes of `b` (fewer when shorter) as a little-endian number.
#[inline]
fn four(b: &[u8]) -> u64 {
    match b.first_chunk::<4>() {
        Some(c) => u64::from(u32::from_le_bytes(*c)),
        None => b
            .iter()
            .enumerate()
            .fold(0, |x, (k, &c)| x | u64::from(c) << (8 * k)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_words_pass_and_most_others_do_not() {
        let mut s = Sieve::with_bits(13);
        let words = ["tomorrow", "الماضي", "may", "a", "و", "بوتفليقة", ""];
        for w in words {
            s.insert(w);
        }
        for w in words {
            assert!(s.may_contain(w), "{w}");
        }
        let others = ["company", "الوزير", "said", "بنك", "oil", "the"];
        assert!(others.iter().filter(|w| s.may_contain(w)).count() <= 1);
    }
}
