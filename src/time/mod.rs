//! Time expressions: recognition in folded text and resolution against the publication day.
//!
//! `dateline` reads the short lines that give a page's publication date; `calendar` does the day
//! arithmetic; `lexicon` holds the month and weekday names of `data/`.

pub mod calendar;
pub mod dateline;
pub mod lexicon;

use std::ops::Range;

use crate::doc::Grain;

/// A time expression found in the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Folded byte range.
    pub range: Range<usize>,
    /// ISO 8601 value at the precision of the text, or None when it cannot be resolved.
    pub value: Option<String>,
    pub grain: Grain,
}

/// Every time expression in the given folded ranges (title, datelines, body), resolved against
/// `anchor`, the publication day when known.
pub fn recognise(
    _folded: &str,
    _ranges: &[Range<usize>],
    _anchor: Option<calendar::Day>,
) -> Vec<TimeExpr> {
    Vec::new()
}
