//! The whole document pipeline on any bytes. Input: optional `published\tlang` before a NUL, then
//! the page text (invalid UTF-8 replaced, as the Python side does).
#![no_main]

mod check;

use khabar::{Extractor, Input};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(Default::default()).expect("default configuration"))
}

fuzz_target!(|data: &[u8]| {
    let (meta, text) = check::split_meta(data);
    let mut input = Input::new("fuzz", text.clone());
    if let Some(meta) = meta {
        let mut parts = meta.splitn(2, '\t');
        input.published = parts.next().map(str::to_string);
        input.lang = parts.next().map(str::to_string);
    }
    let doc = extractor().extract_one(&input);
    check::document(&text, &doc);
    // a batch of the same page twice clusters, and re-extracts members that inherit a date
    if text.len() < 4096 {
        let docs = extractor().extract(&[input.clone(), input], Some(1));
        for d in &docs {
            check::document(&text, d);
        }
    }
});
