//! Places and buildings named after a person ("مطار الملك خالد الدولي", "مطار بن جوريون",
//! "Prince Sultan Air Base", "King Fahd Stadium"): the name inside is no mention of the person.
//! The place itself is the places' rules' business.

use std::ops::Range;

use crate::entities::Ctx;
use crate::lang::ar;
use crate::lang::en::{is_latin_word, starts_upper};
use crate::text::segment::TokKind;

/// Is the Arabic word at token `t` a facility's head ("مطار", "بمطار", "ومركز")?
fn arabic_facility(cx: Ctx, t: usize) -> bool {
    let w = cx.word(t);
    cx.kb.word(w).facility
        || ar::ONE_LETTER_PROCLITICS
            .iter()
            .any(|c| ar::strip_proclitic(w, c).is_some_and(|r| cx.kb.word(r).facility))
}

/// Is the English word at token `t` a capitalised facility's head ("Airport", "Base")?
fn english_facility(cx: Ctx, t: usize) -> bool {
    cx.tok(t).is_some_and(|x| {
        x.kind == TokKind::Word && starts_upper(cx.orig(x.range.clone())) && cx.role(t).facility
    })
}

/// Does the name of tokens `name`, with its title phrase from token `from` (the name's own
/// first token when it has none), lie inside a facility's name? Arabic puts the facility's
/// head before it ("مطار الملك خالد"), English after it, past "International" and the like
/// ("King Khalid International Airport", "Prince Sultan Air Base").
pub(super) fn inside_facility(cx: Ctx, from: usize, name: &Range<usize>) -> bool {
    if is_latin_word(cx.word(name.start)) {
        let mut t = name.start + 1;
        // the head inside the capitalised run, or right after it past up to two capitalised words
        while t < name.end + 3 && t < cx.sent.toks.len() {
            if english_facility(cx, t) {
                return true;
            }
            let caps = cx
                .tok(t)
                .is_some_and(|x| x.kind == TokKind::Word && starts_upper(cx.orig(x.range.clone())));
            if t >= name.end && !caps {
                return false;
            }
            t += 1;
        }
        return false;
    }
    from > 0
        && cx.tok(from - 1).is_some_and(|x| x.kind == TokKind::Word)
        && arabic_facility(cx, from - 1)
}
