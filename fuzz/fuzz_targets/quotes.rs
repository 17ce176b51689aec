//! Quotation marks and speakers on any text: the marks scanner over each paragraph, then the
//! quote stage over the analysis with the entities the entity stage finds.
#![no_main]

mod check;

use khabar::analysis::Analysis;
use khabar::entities::{self, KnowledgeBase};
use khabar::quotes;
use khabar::text::fold::Folded;
use khabar::{clean, text};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(KnowledgeBase::builtin)
}

fuzz_target!(|data: &[u8]| {
    let (meta, original) = check::split_meta(data);
    let folded = Folded::new(&original);
    let t = folded.text.clone();
    for r in text::segment::lines(&t) {
        for m in quotes::marks::find(&t, r.clone()) {
            assert!(r.start <= m.open && m.open <= m.inner.start, "{m:?} in {r:?}");
            assert!(m.inner.start <= m.inner.end && m.inner.end <= m.end && m.end <= r.end);
            assert!(t.is_char_boundary(m.inner.start) && t.is_char_boundary(m.inner.end));
        }
    }
    let layout = clean::layout(&t);
    let lang = match meta.as_deref() {
        Some("ar") => "ar",
        _ => "en",
    };
    let a = Analysis::new(&original, folded, layout, lang.to_string(), None);
    let ents = entities::extract(&a, kb());
    let chars: Vec<char> = original.chars().collect();
    for q in quotes::extract(&a, &ents) {
        assert!(q.start <= q.end && q.end <= chars.len(), "{q:?}");
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
});
