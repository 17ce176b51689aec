//! Invariants every fuzz target checks on the pipeline's output: any break is a crash.

#![allow(dead_code)]

use khabar::doc::ErrorCode;
use khabar::Document;

/// The text of original character range `start..end`, or a panic naming `what` when the range
/// does not lie inside the document.
fn cut<'t>(chars: &[(usize, char)], text: &'t str, what: &str, start: usize, end: usize) -> &'t str {
    assert!(
        start <= end && end <= chars.len(),
        "{what}: span {start}..{end} outside a document of {} characters",
        chars.len()
    );
    let byte = |c: usize| chars.get(c).map_or(text.len(), |&(b, _)| b);
    &text[byte(start)..byte(end)]
}

/// Every span of `doc` lies inside `text` and cuts exactly its reported text; no stage failed.
pub fn document(text: &str, doc: &Document) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for e in &doc.entities {
        for m in &e.mentions {
            assert_eq!(cut(&chars, text, "mention", m.start, m.end), m.text);
        }
    }
    for d in &doc.dates {
        assert_eq!(cut(&chars, text, "date", d.start, d.end), d.text);
    }
    for q in &doc.quotes {
        assert_eq!(cut(&chars, text, "quote", q.start, q.end), q.text);
    }
    for ev in &doc.events {
        cut(&chars, text, "event", ev.start, ev.end);
    }
    for b in &doc.boilerplate {
        cut(&chars, text, "boilerplate", b.start, b.end);
    }
    if let Some(t) = &doc.title_span {
        assert_eq!(Some(cut(&chars, text, "title", t.start, t.end)), doc.title.as_deref());
    }
    assert!(
        !doc.errors.iter().any(|e| e.code == ErrorCode::StageFailed),
        "a stage failed: {:?}",
        doc.errors
    );
}

/// Split fuzz input at the first NUL: (metadata, text). Without a NUL there is no metadata.
pub fn split_meta(data: &[u8]) -> (Option<String>, String) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (
            Some(String::from_utf8_lossy(&data[..i]).into_owned()),
            String::from_utf8_lossy(&data[i + 1..]).into_owned(),
        ),
        None => (None, String::from_utf8_lossy(data).into_owned()),
    }
}
