//! Property tests: folding and the whole pipeline keep `original[start..end] == text` for any
//! input, and every span lies inside the document.

use khabar::text::fold::Folded;
use khabar::{Extractor, Input};
use proptest::prelude::*;

/// Characters news pages are made of, and the odd ones scraped pages carry.
fn news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('ء', 'ي'),
        2 => prop::char::range('\u{064B}', '\u{0652}'), // diacritics
        2 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z'),
        1 => prop::char::range('٠', '٩'),
        1 => prop::char::range('0', '9'),
        2 => Just(' '),
        1 => Just('\n'),
        1 => prop::sample::select(vec!['.', '،', ':', '"', '«', '»', '“', '”', '؟', 'ـ', 'ى', 'ة', 'أ', 'إ', 'آ', '\u{200F}', '\u{200D}', '\u{FEFF}', 'ﻻ', 'ﬁ', 'İ', '😀', '\u{0}', '\t', '\r']),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(news_char(), 0..400).prop_map(|v| v.into_iter().collect())
}

fn char_slice(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

proptest! {
    #[test]
    fn any_folded_range_maps_inside_the_original(s in news_text(), a in 0usize..2000, b in 0usize..2000) {
        let f = Folded::new(&s);
        let n = s.chars().count();
        prop_assert_eq!(f.orig_len(), n);
        let t = &f.text;
        let mut lo = a.min(b).min(t.len());
        let mut hi = a.max(b).min(t.len());
        while !t.is_char_boundary(lo) { lo -= 1; }
        while !t.is_char_boundary(hi) { hi += 1; }
        let r = f.orig_range(lo..hi);
        prop_assert!(r.start <= r.end && r.end <= n);
        // folding the original slice gives back at least the folded slice's letters
        let back = Folded::new(&char_slice(&s, r.start, r.end)).text;
        prop_assert!(back.contains(&t[lo..hi]), "{:?} !⊇ {:?}", back, &t[lo..hi]);
    }

    #[test]
    fn every_span_of_the_pipeline_cuts_its_text(s in news_text()) {
        let ex = Extractor::new(Default::default()).unwrap();
        let d = ex.extract_one(&Input::new("p", s.clone()));
        let n = s.chars().count();
        let mut spans: Vec<(usize, usize, String)> = Vec::new();
        for e in &d.entities { for m in &e.mentions { spans.push((m.start, m.end, m.text.clone())); } }
        for x in &d.dates { spans.push((x.start, x.end, x.text.clone())); }
        for q in &d.quotes { spans.push((q.start, q.end, q.text.clone())); }
        for (a, b, t) in spans {
            prop_assert!(a <= b && b <= n);
            prop_assert_eq!(char_slice(&s, a, b), t);
        }
        for b in &d.boilerplate { prop_assert!(b.start <= b.end && b.end <= n); }
        if let Some(t) = &d.title_span { prop_assert_eq!(Some(char_slice(&s, t.start, t.end)), d.title.clone()); }
        prop_assert!(d.errors.is_empty(), "{:?}", d.errors);
    }
}
