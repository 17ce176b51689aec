//! The date grammar and its resolution on any text: the first line before a NUL is the
//! publication day (an ISO date, parsed as the caller's metadata is), the rest the text.
#![no_main]

mod check;

use khabar::text::fold::Folded;
use khabar::time::{self, calendar::Day, dateline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (meta, text) = check::split_meta(data);
    let anchor = meta.as_deref().and_then(Day::parse_iso);
    if let Some(d) = anchor {
        // a parsed day prints as an ISO date that parses back to itself
        assert_eq!(Day::parse_iso(&d.iso()), Some(d));
    }
    let folded = Folded::new(&text);
    let t = &folded.text;
    // the whole text as one range, and line by line as the cleaner hands it over
    let lines = khabar::text::segment::lines(t);
    for ranges in [vec![0..t.len()], lines.clone()] {
        for e in time::recognise(t, &ranges, anchor) {
            assert!(e.range.start <= e.range.end && e.range.end <= t.len());
            assert!(t.is_char_boundary(e.range.start) && t.is_char_boundary(e.range.end));
            assert!(
                ranges.iter().any(|r| r.start <= e.range.start && e.range.end <= r.end),
                "{:?} outside every given range",
                e.range
            );
        }
    }
    for r in lines.into_iter().take(64) {
        let line = &t[r];
        let _ = dateline::parse(line);
        if let Some((_, found)) = dateline::find_date(line) {
            assert!(found.end <= line.len() && line.is_char_boundary(found.start));
        }
    }
});
