//! MinHash signatures over word shingles, and banded locality-sensitive hashing, for finding
//! near-duplicate bodies (syndicated copies, re-posts with other clutter) without comparing all
//! pairs.

/// Hashes per signature.
pub const K: usize = 64;
/// LSH bands × rows = K. With 16 bands of 4 rows, pairs above ~0.5 Jaccard collide in some band
/// with high probability; those below ~0.3 rarely do.
pub const BANDS: usize = 16;
pub const ROWS: usize = K / BANDS;
/// Words per shingle.
const SHINGLE: usize = 3;

pub type Signature = [u64; K];

/// The K hash functions, derived once from fixed seeds: odd multipliers and offsets, kept in two
/// arrays so the K updates of a shingle run as vector lanes.
struct Permutations {
    mul: [u64; K],
    add: [u64; K],
}

static PERMUTATIONS: once_cell::sync::Lazy<Permutations> = once_cell::sync::Lazy::new(|| {
    let mut p = Permutations {
        mul: [0; K],
        add: [0; K],
    };
    for i in 0..K {
        let seed = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        p.mul[i] = mix(seed) | 1;
        p.add[i] = mix(seed ^ 0xdead_beef_cafe_f00d);
    }
    p
});

/// 64-bit FNV-1a: stable across platforms and releases, unlike the std hasher.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64's finaliser: a bijective mixer.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash signature of folded text, or None when it has fewer words than a shingle.
pub fn signature(folded: &str) -> Option<Signature> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512dq")
    {
        // SAFETY: the CPU has just been checked for the features the function is built with.
        return unsafe { signature_avx512(folded) };
    }
    signature_of(folded)
}

/// [`signature_of`] built for AVX-512, whose 64-bit multiply, rotate and unsigned min let the
/// compiler run the K updates of a shingle eight at a time; same arithmetic, same signature.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn signature_avx512(folded: &str) -> Option<Signature> {
    signature_of(folded)
}

#[inline(always)]
fn signature_of(folded: &str) -> Option<Signature> {
    // the last SHINGLE word hashes, oldest first; words are hashed once, never collected
    let mut window = [0u64; SHINGLE];
    let mut seen = 0usize;
    let mut sig = [u64::MAX; K];
    let perms = &*PERMUTATIONS;
    for_each_word_hash(folded, |w| {
        window.rotate_left(1);
        window[SHINGLE - 1] = w;
        seen += 1;
        if seen >= SHINGLE {
            let h = mix(window.iter().fold(0, |h, &x| mix(h ^ x)));
            update(&mut sig, perms, h);
        }
    });
    (seen >= SHINGLE).then_some(sig)
}

/// Call `f` with `hash_bytes` of each of the [`words`], in one pass over the bytes: each byte is
/// classified and hashed where it lies, and the Arabic block is decoded by hand.
#[inline(always)]
fn for_each_word_hash(folded: &str, mut f: impl FnMut(u64)) {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = folded.as_bytes();
    let (mut h, mut in_word, mut i) = (OFFSET, false, 0);
    while i < bytes.len() {
        let lead = bytes[i];
        let (len, word) = match lead {
            0..0x80 => (1, lead.is_ascii_alphanumeric()),
            // a two-byte character of U+0600..U+06FF
            0xd8..=0xdb => {
                let low = bytes.get(i + 1).map_or(0, |b| usize::from(b & 0x3f));
                (2, ARABIC_WORD[(usize::from(lead & 0x03) << 6) | low])
            }
            _ => {
                let c = folded[i..].chars().next().unwrap_or(' ');
                (c.len_utf8(), c.is_alphanumeric())
            }
        };
        if word {
            for &b in &bytes[i..i + len] {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            in_word = true;
        } else if in_word {
            f(mix(h));
            (h, in_word) = (OFFSET, false);
        }
        i += len;
    }
    if in_word {
        f(mix(h));
    }
}

/// Lower the K minimums with one shingle hash. K hash functions from one: multiply-add with odd
/// constants (a universal family), then min; far cheaper than K full mixes.
#[inline(always)]
fn update(sig: &mut Signature, perms: &Permutations, h: u64) {
    for ((slot, a), b) in sig.iter_mut().zip(&perms.mul).zip(&perms.add) {
        *slot = (*slot).min(h.wrapping_mul(*a).wrapping_add(*b).rotate_left(29));
    }
}

/// The words of folded text: maximal runs of alphanumeric characters.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// `char::is_alphanumeric`, with ASCII and the Arabic block answered from a table: the general
/// lookup is slow and nearly every character of an Arabic body takes it.
#[inline]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        (c as u8).is_ascii_alphanumeric()
    } else if (0x600..0x700).contains(&u) {
        ARABIC_WORD[(u - 0x600) as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// `is_alphanumeric` of U+0600..U+06FF, computed from the standard library so it cannot differ.
static ARABIC_WORD: once_cell::sync::Lazy<[bool; 256]> = once_cell::sync::Lazy::new(|| {
    let mut t = [false; 256];
    for (i, slot) in t.iter_mut().enumerate() {
        *slot = char::from_u32(0x600 + i as u32).is_some_and(char::is_alphanumeric);
    }
    t
});

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / K as f64
}

/// The bucket keys of a signature, one per band.
pub fn bands(sig: &Signature) -> impl Iterator<Item = u64> + '_ {
    (0..BANDS).map(move |b| {
        let mut h = b as u64;
        for v in &sig[b * ROWS..(b + 1) * ROWS] {
            h = mix(h ^ v);
        }
        h
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str =
        "the foreign ministers of morocco and germany met in rabat on thursday to discuss \
        energy cooperation, migration and trade, and agreed to hold a joint commission next year";

    #[test]
    fn copies_are_identical_and_edits_stay_close() {
        let a = signature(A).unwrap();
        assert_eq!(similarity(&a, &signature(A).unwrap()), 1.0);
        let edited = format!("{A} read more: related stories");
        assert!(similarity(&a, &signature(&edited).unwrap()) > 0.7);
        let other = signature(
            "the central bank raised interest rates by half a point on tuesday citing inflation",
        )
        .unwrap();
        assert!(similarity(&a, &other) < 0.1);
    }

    #[test]
    fn word_chars_match_the_standard_library() {
        for u in (0..0x800).chain(0xfb50..0xfe00) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
            }
        }
        let ar: Vec<&str> = words("وزير الخارجية، في الرباط (2024)").collect();
        assert_eq!(ar, ["وزير", "الخارجية", "في", "الرباط", "2024"]);
        let text = "ليبيا: «المفوضية» تعلن — résultats, 12.5% naïve Ωmega ٣ ۴ x";
        let mut hashes = Vec::new();
        for_each_word_hash(text, |h| hashes.push(h));
        let expected: Vec<u64> = words(text).map(|w| hash_bytes(w.as_bytes())).collect();
        assert_eq!(hashes, expected);
    }

    #[test]
    fn vector_and_portable_builds_agree() {
        let texts = [
            A,
            "اجتمع وزيرا خارجية المغرب وألمانيا في الرباط يوم الخميس لبحث التعاون في مجال الطاقة",
        ];
        for t in texts {
            assert_eq!(signature(t), signature_of(t));
        }
        // the first of the K functions, by hand, over the only shingle of a three-word text
        let h = ["one", "two", "three"]
            .iter()
            .fold(0, |h, w| mix(h ^ hash_bytes(w.as_bytes())));
        let p = &*PERMUTATIONS;
        let first = mix(h)
            .wrapping_mul(p.mul[0])
            .wrapping_add(p.add[0])
            .rotate_left(29);
        assert_eq!(signature("one two three").unwrap()[0], first);
    }

    #[test]
    fn too_short_has_no_signature() {
        assert!(signature("two words").is_none());
    }
}
