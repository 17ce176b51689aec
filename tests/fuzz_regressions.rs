//! Inputs found by fuzzing (fuzz/, scripts/fuzz.sh), kept as regression tests: each once broke
//! an invariant or a fuzz target's check, and must keep holding.

use khabar::text::fold::Folded;
use khabar::{Extractor, Input};

/// Bytes as the fuzz targets read them (invalid UTF-8 replaced).
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// fold: trailing characters that fold to nothing (a zero-width joiner, then a byte-order mark,
/// then diacritics) lie outside the whole folded text's original range; they must be exactly the
/// ones that fold to nothing, and every span of the pipeline still cuts its text.
#[test]
fn trailing_invisible_characters_after_a_mark() {
    let s = text(
        b"\xe2\xd8\xa7\xd9\x86\xe2\x81\xa9\xe2\x80\x8d\xef\xbb\xbf\xc2\xad s\xcc\x81oft \
          \xd9\x80\x8d\xef\xbb\xbf\xd9\x8b\xd9\x8c\xd9\xb0",
    );
    let f = Folded::new(&s);
    let all = f.orig_range(0..f.text.len());
    let chars: Vec<char> = s.chars().collect();
    let outside: String = chars[..all.start].iter().chain(&chars[all.end..]).collect();
    assert!(Folded::new(&outside).text.is_empty(), "{outside:?}");
    assert!(all.end < chars.len()); // the trailing marks after the joiner are outside
    let d = Extractor::new(Default::default())
        .unwrap()
        .extract_one(&Input::new("f", s.clone()));
    for e in &d.entities {
        for m in &e.mentions {
            let cut: String = chars[m.start..m.end].iter().collect();
            assert_eq!(cut, m.text);
        }
    }
    assert!(d.errors.is_empty(), "{:?}", d.errors);
}
