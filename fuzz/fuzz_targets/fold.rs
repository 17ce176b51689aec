//! The normaliser and its offset map: folded byte ranges map back inside the original, in order,
//! and the inverse map lands on a character boundary of the folded text.
#![no_main]

use khabar::text::fold::{fold_key, CharIndex, Folded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let f = Folded::new(&s);
    let n = s.chars().count();
    assert_eq!(f.orig_len(), n);
    let t = &f.text;
    let mut last = 0;
    let bounds: Vec<usize> = (0..=t.len()).filter(|&b| t.is_char_boundary(b)).collect();
    for w in bounds.windows(2) {
        let r = f.orig_range(w[0]..w[1]);
        assert!(r.start <= r.end && r.end <= n, "{:?} → {r:?} of {n}", w);
        assert!(r.start >= last, "the map goes back at folded byte {}", w[0]);
        last = r.start;
    }
    // the whole folded text covers the original but for characters that fold to nothing
    let all = f.orig_range(0..t.len());
    let chars: Vec<char> = s.chars().collect();
    let outside: String = chars[..all.start].iter().chain(&chars[all.end..]).collect();
    assert!(Folded::new(&outside).text.is_empty(), "{outside:?} left out of {all:?}");
    for c in 0..=n {
        let b = f.folded_at(c);
        assert!(b <= t.len() && t.is_char_boundary(b), "char {c} → byte {b}");
    }
    let idx = CharIndex::new(&s);
    assert_eq!(idx.len_chars(), n);
    for (c, (b, _)) in s.char_indices().enumerate() {
        assert_eq!(idx.byte_of(c), b);
        assert_eq!(idx.char_of(b), c);
    }
    // folding is idempotent on keys
    let k = fold_key(&s);
    assert_eq!(fold_key(&k), k);
});
