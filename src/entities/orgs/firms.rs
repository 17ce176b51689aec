//! English firms named by partners joined with an ampersand: "Douglas & Lomason", "McDonald &
//! Co", "Bear Stearns & Co Inc", "Edward D. Jones & Co". Persons listed together are joined by
//! "and"; "&" between capitalised names, written with spaces around it, is a firm's name (not
//! "R&D"). The name runs from the capitalised words (and initials) before the ampersand over
//! those after it and a legal form that closes it.

use super::{caps_before, caps_word, Span};
use crate::entities::kb::OrgRole;
use crate::entities::Ctx;
use crate::text::segment::TokKind;

/// Most capitalised words after the ampersand.
const MAX_AFTER: usize = 3;

/// The firms of a sentence named with an ampersand.
pub(super) fn ampersand_firms(cx: Ctx) -> Vec<Span> {
    let toks = &cx.sent.toks;
    let mut out: Vec<Span> = Vec::new();
    // most sentences have no ampersand (folding keeps it): one pass over their bytes says so
    if !cx.sentence_text().contains('&') {
        return out;
    }
    for j in 1..toks.len().saturating_sub(1) {
        if out.last().is_some_and(|sp| j < sp.toks.end) || !spaced_ampersand(cx, j) {
            continue;
        }
        let (first, country) = caps_before(cx, j, true);
        if first == j {
            continue;
        }
        let mut last = j;
        while last + 1 < toks.len() && last < j + MAX_AFTER && caps_word(cx, last + 1) {
            last += 1;
        }
        // "& Co Inc": the legal forms are words of the tables, not capitalised names
        while last + 1 < toks.len() && suffix(cx, last + 1) {
            last += 1;
        }
        if last == j {
            continue;
        }
        out.push(Span {
            toks: first..last + 1,
            range: toks[first].range.start..toks[last].range.end,
            country,
            known: None,
        });
    }
    out
}

/// Is token `j` an ampersand with a space on either side?
fn spaced_ampersand(cx: Ctx, j: usize) -> bool {
    let toks = &cx.sent.toks;
    toks[j].kind != TokKind::Word
        && cx.orig(toks[j].range.clone()) == "&"
        && toks[j - 1].range.end < toks[j].range.start
        && toks[j].range.end < toks[j + 1].range.start
}

/// Is token `j` a company's legal form (Co, Inc, Ltd)?
fn suffix(cx: Ctx, j: usize) -> bool {
    cx.sent.toks[j].kind == TokKind::Word && cx.kb.org_word(cx.word(j)) == Some(OrgRole::EnSuffix)
}
