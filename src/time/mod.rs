//! Time expressions: recognition in folded text and resolution against the publication day.
//!
//! Recognition ([`grammar::find`]) reads what the text says into a [`spec::Spec`]; resolution
//! ([`resolve::resolve`]) turns a spec and an anchor day into an ISO 8601 value and a grain. The
//! two are separate so that the cluster stage can resolve the same expressions again against a
//! date inherited from a sister report. The rules are documented in docs/dates.md.
//!
//! `period` resolves the periods named without a date (now, quarters, seasons, lengths of time)
//! and links "the quarter" and "year-earlier" to the period the document spoke of last.
//! `dateline` reads the short lines that give a page's publication date; `calendar` does the day
//! arithmetic and `hijri` the Hijri conversion; `lexicon` holds the month, weekday, number and
//! relative-time words of `data/`; `tokens` splits folded text for the grammar.

pub mod calendar;
pub mod dateline;
pub mod grammar;
pub mod hijri;
pub mod lexicon;
pub mod period;
pub mod resolve;
pub mod spec;
pub mod tokens;

use std::ops::Range;

use crate::doc::Grain;
use calendar::Day;
use spec::Spec;

/// A time expression found in the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Folded byte range.
    pub range: Range<usize>,
    /// ISO 8601 value at the precision of the text, or None when it cannot be resolved.
    pub value: Option<String>,
    pub grain: Grain,
    /// What the text says, for resolving again against another anchor.
    pub spec: Spec,
    /// A weekday printed beside "today"/"yesterday" that the anchor contradicts ("اليوم الأحد"
    /// in a report published on a Monday): the value is kept, the anchor may be wrong.
    pub mismatch: bool,
}

impl TimeExpr {
    /// Resolve this expression again against another anchor.
    pub fn resolve_against(&mut self, anchor: Option<Day>) {
        let r = resolve::resolve(&self.spec, anchor);
        self.value = r.value;
        self.grain = r.grain;
        self.mismatch = r.mismatch;
    }
}

/// Every time expression in the given folded ranges (title, datelines, body), resolved against
/// `anchor`, the publication day when known.
pub fn recognise(folded: &str, ranges: &[Range<usize>], anchor: Option<Day>) -> Vec<TimeExpr> {
    let mut found = grammar::find(folded, ranges);
    period::link_anaphora(found.iter_mut().map(|f| &mut f.spec), anchor);
    found
        .into_iter()
        .map(|f| {
            let r = resolve::resolve(&f.spec, anchor);
            TimeExpr {
                range: f.range,
                value: r.value,
                grain: r.grain,
                spec: f.spec,
                mismatch: r.mismatch,
            }
        })
        .collect()
}
