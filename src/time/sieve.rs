//! A one-probe Bloom filter over words of the time lexicon, keyed by a word's length and its first
//! and last two letters (four bytes each in Arabic). Most words of a text start no time phrase
//! ("minister", "الوزير"), and the common ones that do ("the", "in", "of") are mostly followed by
//! a word that continues none ("the company"): the filter turns these away without hashing the
//! word or the phrase so far and probing the table. The key is the one the event stage's phrase
//! tables use; a key of (last byte, length) let through too many words.

/// 2^13 bits (1 KB): the time tables hold a few hundred words, so few probes are falsely open.
const LOG2: u32 = 13;
const WORDS: usize = 1 << (LOG2 - 6);

#[derive(Debug, Clone)]
pub struct Sieve {
    bits: Box<[u64; WORDS]>,
}

impl Default for Sieve {
    fn default() -> Self {
        Sieve {
            bits: Box::new([0; WORDS]),
        }
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

impl Sieve {
    #[inline]
    fn slot(word: &str) -> usize {
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
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LOG2)) as usize
    }

    pub fn insert(&mut self, word: &str) {
        let k = Sieve::slot(word);
        self.bits[k >> 6] |= 1 << (k & 63);
    }

    /// False only when no word inserted has this word's key (so it is surely absent).
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let k = Sieve::slot(word);
        self.bits[k >> 6] & (1 << (k & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_words_pass_and_most_others_do_not() {
        let mut s = Sieve::default();
        for w in ["tomorrow", "الماضي", "may", "a"] {
            s.insert(w);
        }
        for w in ["tomorrow", "الماضي", "may", "a"] {
            assert!(s.may_contain(w));
        }
        let others = ["company", "الوزير", "said", "بنك", "oil", "the"];
        assert!(others.iter().filter(|w| s.may_contain(w)).count() <= 1);
    }
}
