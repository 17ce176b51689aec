//! Teams in a line of sports results, as agencies print them: "Wigan 42 Bradford Bulls 36",
//! "Leeds 2, Chelsea 1", or a standings row "Puchon 3 1 0 6 1 10". A side named by its town
//! is the club, not the place; a country stays a country (national sides).

use std::ops::Range;

use super::{caps_word, meaning, Meaning, Span};
use crate::entities::Ctx;
use crate::text::segment::TokKind;

/// Most words of a team's name.
const MAX_WORDS: usize = 4;

/// The teams of a results line, when the whole sentence is one.
pub(super) fn teams(cx: Ctx) -> Vec<Span> {
    let n = cx.sent.toks.len();
    let Some(first) = side(cx, 0) else {
        return Vec::new();
    };
    let numbers = |from: usize| {
        (from..n)
            .take_while(|&i| {
                let x = &cx.sent.toks[i];
                x.kind == TokKind::Number
                    || (x.kind == TokKind::Punct
                        && matches!(cx.orig(x.range.clone()), "." | "-" | "/"))
            })
            .count()
    };
    let after = first.end;
    let k = numbers(after);
    if k == 0 {
        return Vec::new();
    }
    let count = |r: Range<usize>| {
        r.filter(|&i| cx.sent.toks[i].kind == TokKind::Number)
            .count()
    };
    // numbers standing apart ("70 63 .526", not the date "1996-08-30" of a dateline)
    let apart = |r: Range<usize>| {
        r.filter(|&i| {
            let (prev, x) = (&cx.sent.toks[i - 1], &cx.sent.toks[i]);
            let joined =
                prev.range.end == x.range.start && matches!(cx.orig(prev.range.clone()), "-" | "/");
            x.kind == TokKind::Number && !joined
        })
        .count()
    };
    // a standings row: the side and nothing but numbers after it, three at least
    if after + k == n && apart(after..n) >= 3 {
        return vec![span(cx, first)];
    }
    // a score line: side, score, (comma,) side, score, and at most a bracket or full stop after
    let mut j = after + k;
    if cx.tok(j).is_some_and(|x| cx.orig(x.range.clone()) == ",") {
        j += 1;
    }
    let Some(second) = side(cx, j) else {
        return Vec::new();
    };
    let k2 = numbers(second.end);
    let rest = second.end + k2;
    let closed = rest == n
        || cx
            .tok(rest)
            .is_some_and(|x| matches!(cx.orig(x.range.clone()), "(" | "."));
    if k2 == 0 || count(after..after + k) != 1 || count(second.end..rest) != 1 || !closed {
        return Vec::new();
    }
    vec![span(cx, first), span(cx, second)]
}

/// A side's name at token `t`: capitalised words and places, no country, person or title.
fn side(cx: Ctx, t: usize) -> Option<Range<usize>> {
    let mut end = t;
    while end < cx.sent.toks.len() && end - t < MAX_WORDS {
        if let Some(h) = cx.sent.hit_of[end] {
            let hit = &cx.sent.hits[h];
            match meaning(cx.kb, h, cx.sent) {
                Meaning::Place(_) if hit.tokens.start == end && !country(cx, h) => {
                    end = hit.tokens.end;
                    continue;
                }
                _ => return None,
            }
        }
        if !caps_word(cx, end) || cx.kb.latin_given.contains_key(cx.word(end)) {
            break;
        }
        end += 1;
    }
    (end > t).then_some(t..end)
}

/// Is hit `h` a country (a national side keeps its country)?
fn country(cx: Ctx, h: usize) -> bool {
    cx.sent.hits[h]
        .targets
        .first()
        .is_some_and(|x| cx.kb.records[x.record].kind == crate::doc::EntityKind::Country)
}

fn span(cx: Ctx, toks: Range<usize>) -> Span {
    let range = cx.sent.toks[toks.start].range.start..cx.sent.toks[toks.end - 1].range.end;
    Span {
        toks,
        range,
        country: None,
        known: None,
    }
}
