//! English names the knowledge base does not know, found from what stands around them.
//!
//! A run of capitalised words (initials, particles and hyphens included, as [`latin_run`] reads
//! them) is a person's name when:
//! - it opens with a given name of the tables ("Pavel Orlov") or an initial ("P. Johnson");
//! - it follows a reporting verb and is closed ("said Jeffrey Lurie.");
//! - two name words at least, and after them a country in brackets ("Ines Gorrochategui
//!   (Argentina)"), a reporting verb ("Kipchumba Murkomen said"), a title phrase in apposition
//!   ("Jamal Rushdi, spokesperson for the Arab League,") or an age in commas ("Roberto Duran,
//!   45,"); a single name word with an age in commas too ("Lentini, 27, joined").
//!
//! Never a run in capitals (a headline: "DURAN FIGHTS THE SANDS OF TIME"), nor one that ends
//! with an organisation's head or legal form ("Johnson Controls Inc" is the organisation's).

use std::collections::BTreeSet;
use std::ops::Range;

use super::names::{initial, latin_run, strictly_closed};
use super::roles::apposition;
use crate::doc::EntityKind;
use crate::entities::kb::Form;
use crate::entities::Ctx;
use crate::lang::en::{is_name_particle, starts_upper};
use crate::text::chars;
use crate::text::segment::TokKind;

/// What a capitalised English run at a token is.
pub(super) enum English {
    /// A person's name, by its first word or its context.
    Name(Range<usize>),
    /// Two name words or more with nothing yet to say they are a person's: one when listed
    /// beside a person ("Billy Andrade, Duffy Waldorf and …", see [`listed_with`]); and the
    /// token to read on from.
    Bare(Range<usize>, usize),
    /// No name here: the token to read on from.
    Skip(usize),
    None,
}

/// The unknown English name opening at token `t`, if its context makes it one.
pub(super) fn unknown_name(cx: Ctx, t: usize) -> English {
    let Some(tok) = cx.tok(t) else {
        return English::None;
    };
    let orig = cx.orig(tok.range.clone());
    if tok.kind != TokKind::Word || !starts_upper(orig) || capitals(orig) {
        return English::None;
    }
    let role = cx.role(t);
    if (role.stop || role.report) && !initial(cx, t) {
        return English::None;
    }
    let Some(run) = latin_run(cx, t) else {
        return English::None;
    };
    let words = name_words(cx, &run);
    let after = next_opening(cx, &run);
    // the last word is a surname, not an initial ("H.E." is an honorific) nor the head or
    // legal form of an organisation's name
    let last = words.last().map(|&w| cx.word(w));
    if words
        .iter()
        .any(|&w| capitals(cx.orig(cx.sent.toks[w].range.clone())))
        || last.is_none_or(|w| {
            // "Abdelfattah Al" before a known "Sisi": a name never ends with its particle
            w.chars().count() < 2
                || cx.kb.org_word(w).is_some()
                || is_name_particle(w)
                || matches!(w, "abu" | "abdel" | "abdul")
        })
    {
        return English::Skip(after);
    }
    let said_before = t > 0 && cx.role(t - 1).report && strictly_closed(cx, &run);
    let opens = words.len() >= 2 && (cx.kb.latin_given.contains_key(cx.word(t)) || initial(cx, t));
    let context = (words.len() >= 2
        && (country_in_brackets(cx, run.end)
            || reported_at(cx, run.end)
            // not when a given name inside the run may open the name instead
            || (title_in_commas(cx, run.end) && after == run.end)))
        || age_in_commas(cx, run.end);
    if said_before || opens || context {
        English::Name(run)
    } else if words.len() >= 2 && t > 0 {
        English::Bare(run, after)
    } else {
        English::Skip(after)
    }
}

/// Where a name may still open inside `run` when none opens at its start: the next word of
/// the run that is a given name or an initial (only the first word and the run's end decide,
/// and the end is the same for every later start), or the run's end. Each word is read once.
fn next_opening(cx: Ctx, run: &Range<usize>) -> usize {
    (run.start + 1..run.end)
        .find(|&i| {
            cx.sent.toks[i].kind == TokKind::Word
                && (cx.kb.latin_given.contains_key(cx.word(i)) || initial(cx, i))
        })
        .unwrap_or(run.end)
}

/// Is the run of tokens `run` listed right after a person's name ending at a token of
/// `ends` (", " or " and " between them), or right before one starting at a token of
/// `starts`?
pub(super) fn listed_with(
    cx: Ctx,
    run: &Range<usize>,
    ends: &BTreeSet<usize>,
    starts: &BTreeSet<usize>,
) -> bool {
    let joiner = |i: usize| {
        cx.tok(i)
            .is_some_and(|x| matches!(cx.orig(x.range.clone()), "," | "and"))
    };
    let before = run.start >= 2 && joiner(run.start - 1) && ends.contains(&(run.start - 1));
    // a run that completes a phrase opened by "for" or "of" is a title's portfolio or a body
    // ("the Under-Secretary-General for Humanitarian Affairs, Tom Fletcher"), not the first
    // name of a list
    let completes_phrase = run.start > 0
        && cx.tok(run.start - 1).is_some_and(|x| {
            x.kind == TokKind::Word && matches!(cx.orig(x.range.clone()), "for" | "of")
        });
    let after = joiner(run.end) && starts.contains(&(run.end + 1)) && !completes_phrase;
    before || after
}

/// The tokens of `run` that are name words (not the full stops of initials, hyphens or
/// lower-case particles).
fn name_words(cx: Ctx, run: &Range<usize>) -> Vec<usize> {
    run.clone()
        .filter(|&i| {
            let tok = &cx.sent.toks[i];
            tok.kind == TokKind::Word && !is_name_particle(cx.orig(tok.range.clone()))
        })
        .collect()
}

/// Is token `t` a reporting verb ("said", "told")?
fn reported_at(cx: Ctx, t: usize) -> bool {
    cx.tok(t)
        .is_some_and(|x| x.kind == TokKind::Word && cx.role(t).report)
}

/// Is the word written in capitals (two letters or more, none lower-case)?
fn capitals(orig: &str) -> bool {
    orig.chars().filter(|&c| chars::is_alphabetic(c)).count() >= 2
        && !orig.chars().any(chars::is_lowercase)
}

/// Does a country's name stand in brackets at token `t` ("(Argentina)")?
fn country_in_brackets(cx: Ctx, t: usize) -> bool {
    let punct = |i: usize, p: &str| {
        cx.tok(i)
            .is_some_and(|x| x.kind == TokKind::Punct && cx.orig(x.range.clone()) == p)
    };
    if !punct(t, "(") {
        return false;
    }
    let Some(k) = cx.hit_at(t + 1) else {
        return false;
    };
    let h = &cx.sent.hits[k];
    h.tokens.start == t + 1
        && punct(h.tokens.end, ")")
        && h.targets
            .iter()
            .any(|x| x.form == Form::Name && cx.kb.records[x.record].kind == EntityKind::Country)
}

/// Does a title phrase stand in apposition after a comma at token `t` (", spokesperson for the
/// Arab League,", ", the country's foreign minister")?
fn title_in_commas(cx: Ctx, t: usize) -> bool {
    let comma = cx
        .tok(t)
        .is_some_and(|x| x.kind == TokKind::Punct && cx.orig(x.range.clone()) == ",");
    // an office in lower case, with what it serves (", spokesman for the ministry,")
    let office_for = || {
        cx.hit_at(t + 1).is_some_and(|k| {
            let h = &cx.sent.hits[k];
            h.tokens.start == t + 1
                && h.targets
                    .iter()
                    .any(|x| x.form == Form::Title && !cx.kb.titles[x.record].honorific)
                && cx
                    .tok(h.tokens.end)
                    .is_some_and(|x| x.kind == TokKind::Word && cx.role(h.tokens.end).link)
        })
    };
    // ", Foreign Secretary Geoffrey Howe and": the next of a list of titled names
    let names_another = |r: &super::Role| {
        cx.tok(r.next_tok)
            .is_some_and(|x| x.kind == TokKind::Word && starts_upper(cx.orig(x.range.clone())))
    };
    comma
        && match apposition(cx, t) {
            Some(r) => !names_another(&r),
            None => office_for(),
        }
}

/// Does an age stand in commas at token `t` (", 45,")?
fn age_in_commas(cx: Ctx, t: usize) -> bool {
    let comma = |i: usize| {
        cx.tok(i)
            .is_some_and(|x| x.kind == TokKind::Punct && cx.orig(x.range.clone()) == ",")
    };
    comma(t)
        && comma(t + 2)
        && cx.tok(t + 1).is_some_and(|x| {
            x.kind == TokKind::Number
                && cx
                    .word(t + 1)
                    .parse::<u32>()
                    .is_ok_and(|n| (12..=110).contains(&n))
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{has, persons};

    #[test]
    fn given_names_and_initials_open_names() {
        let ps = persons("The convoy was escorted by Colonel Pavel Orlov and by J. Whitcombe.");
        assert!(
            has(&ps, "Pavel Orlov") && has(&ps, "J. Whitcombe"),
            "{ps:?}"
        );
    }

    #[test]
    fn context_makes_an_unknown_name_a_person() {
        let t = "Ilse Vandermeer (Belgium) beat Tamsin Okorafor (Nigeria) in three sets.\n\
                 Orwin Stallard said the match was delayed by rain.\n\
                 Brackwater, 31, has now won twice; Vandermeer was beaten in the final.";
        let ps = persons(t);
        for name in [
            "Ilse Vandermeer",
            "Tamsin Okorafor",
            "Orwin Stallard",
            "Brackwater",
        ] {
            assert!(has(&ps, name), "{name}: {ps:?}");
        }
        // the later surname is a mention of the full name
        let v = ps
            .iter()
            .find(|m| m[0] == "Ilse Vandermeer")
            .expect("Vandermeer");
        assert!(v.contains(&"Vandermeer".to_string()), "{v:?}");
    }

    #[test]
    fn an_office_in_apposition_makes_an_unknown_name_a_person() {
        for (t, name) in [
            (
                "Torvald Ekwueme, spokesman for the interior ministry, denied the report.",
                "Torvald Ekwueme",
            ),
            (
                "Crews were sent by Odile Brenner, the Belgian ambassador, on Friday.",
                "Odile Brenner",
            ),
        ] {
            assert!(has(&persons(t), name), "{t}: {:?}", persons(t));
        }
        // in a list of titled names the office after the comma is the next person's
        let ps = persons(
            "They met Chancellor of the Exchequer Nigel Lawson, Foreign Secretary Geoffrey Howe and others.",
        );
        assert!(has(&ps, "Nigel Lawson"), "{ps:?}");
        // a place or a firm before an office in commas is none
        let ps = persons("Kettering Holdings, spokesman for the group, declined to comment.");
        assert!(ps.is_empty(), "{ps:?}");
    }

    #[test]
    fn names_listed_beside_a_person_are_persons() {
        let ps =
            persons("The leaders were Bob Hartley, Orrin Plaskett and Quade Mellor at four under.");
        for name in ["Bob Hartley", "Orrin Plaskett", "Quade Mellor"] {
            assert!(has(&ps, name), "{name}: {ps:?}");
        }
        // a run ending with a particle before a known name is no name of its own
        let ps = persons("Vladimir Putin and Abdelfattah Al Sisi laid the first stone.");
        assert!(!ps.iter().flatten().any(|m| m.ends_with("Al")), "{ps:?}");
        // a title's portfolio before a name in apposition is no name listed with it
        let ps = persons("The envoy for Regional Cooperation, Milan Draskovic, arrived on Monday.");
        assert!(has(&ps, "Milan Draskovic"), "{ps:?}");
        assert!(
            !ps.iter().flatten().any(|m| m.contains("Cooperation")),
            "{ps:?}"
        );
    }

    #[test]
    fn apostrophes_and_initials_inside_names() {
        let ps = persons("Keith O'Rourke scored twice, A. Smith once; Duran's record stands.");
        assert!(has(&ps, "Keith O'Rourke") && has(&ps, "A. Smith"), "{ps:?}");
        assert!(
            !ps.iter().flatten().any(|m| m.starts_with("Duran")),
            "{ps:?}"
        );
    }

    #[test]
    fn occupation_introduces_an_english_name() {
        let ps = persons("The club signed midfielder Tobin Arkwright on a free transfer.");
        assert!(has(&ps, "Tobin Arkwright"), "{ps:?}");
    }

    #[test]
    fn capitals_firms_and_bare_capitalised_words_are_no_names() {
        let ps =
            persons("STORM HITS COAST AS PAVEL ORLOV WATCHES\nHeavy Rains flooded Grace Valley.");
        assert!(ps.is_empty(), "{ps:?}");
        let ps =
            persons("Shares of Marlow Holdings Inc rose, such gains being rare, analysts said.");
        assert!(ps.is_empty(), "{ps:?}");
        let ps = persons("The award was handed over by H.E. the minister.");
        assert!(ps.is_empty(), "{ps:?}");
    }
}
