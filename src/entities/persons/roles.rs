//! Title phrases: the office a title names, the state or body it attaches to ("سفير روسيا لدى
//! القاهرة", "Russia's Ambassador"), the words that complete it, and a title phrase in
//! apposition to a name.

use super::Role;
use crate::doc::EntityKind;
use crate::entities::gazetteer::Hit;
use crate::entities::kb::{Form, KnowledgeBase};
use crate::entities::resolve::{country_of, gap};
use crate::entities::Ctx;
use crate::lang::ar;
use crate::lang::en::{is_latin_word, starts_upper};
use crate::text::segment::TokKind;

use super::names::{definite_nisba, given_at, starts_name};

/// The title phrase that starts at hit `k`.
pub(super) fn title_phrase(cx: Ctx, k: usize) -> Role {
    let h = &cx.sent.hits[k];
    let t = h
        .targets
        .iter()
        .find(|t| t.form == Form::Title)
        .map(|t| &cx.kb.titles[t.record]);
    let mut role = Role {
        title: t.filter(|t| !t.honorific).map(|t| t.title.clone()),
        honorific: t.is_some_and(|t| t.honorific),
        occupation: t.is_some_and(|t| t.occupation),
        country: t.and_then(|t| t.body.clone()),
        range: h.range.clone(),
        next_tok: h.tokens.end,
        joined: false,
        posted: false,
    };
    // English: "Russia's Ambassador", "the Russian ambassador" (an Arabic adjective follows its
    // title: "الشعب الفلسطيني ورئيسه" is no Palestinian president)
    if let Some(p) = k
        .checked_sub(1)
        .map(|j| &cx.sent.hits[j])
        .filter(|_| is_latin_word(&cx.text()[h.range.clone()]))
    {
        let g = gap(cx.doc, p.range.end, h.word_start);
        if matches!(g, "" | "'s" | "’s") {
            if let Some(c) = country_of(p, cx.kb) {
                role.country
                    .get_or_insert_with(|| cx.kb.records[c].id.clone());
                role.range.start = p.range.start;
            }
        }
    }
    if t.is_some_and(|t| !t.honorific)
        && is_latin_word(&cx.text()[h.range.clone()])
        && role.country.is_none()
    {
        // "in general", "the minister": a lower-case English title needs a capital or "the"
        let capital = cx
            .doc
            .mention(h.range.clone())
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let the = h.tokens.start > 0 && cx.word(h.tokens.start - 1) == "the";
        if !capital && !the {
            role.title = None;
        }
    }
    if role.honorific {
        return role;
    }
    // what the office belongs to: "سفير روسيا لدى القاهرة", "وزير الخارجية المصري", "of the UN"
    let mut j = k + 1;
    while let Some(n) = cx.sent.hits.get(j) {
        let g = gap(cx.doc, cx.sent.hits[j - 1].range.end, n.word_start);
        if !(g.is_empty() || g == "(" || g.split_whitespace().all(|w| cx.kb.word(w).link)) {
            break;
        }
        let attach = attach_of(cx.kb, n);
        match attach {
            Attach::Country(id) => {
                role.posted |= arabic_link(g);
                role.country.get_or_insert(id);
            }
            Attach::Body(id) => {
                role.country.get_or_insert(id);
            }
            Attach::Place => role.posted |= arabic_link(g),
            Attach::Title(title) => {
                // "نائب" + "وزير الخارجية": the longer office
                if role.country.is_none() && g.is_empty() {
                    role.title = Some(title);
                } else {
                    break;
                }
            }
            Attach::None => break,
        }
        role.range.end = n.range.end;
        role.next_tok = n.tokens.end;
        j += 1;
    }
    complement(cx, &mut role);
    conjoined_portfolio(cx, &mut role);
    english_portfolio(cx, &mut role);
    role
}

/// Is the gap before a state or place an Arabic link word ("لدى مصر", "في القاهرة"): the
/// office is posted there (the gap holds link words only when it attaches).
fn arabic_link(gap: &str) -> bool {
    gap.split_whitespace().any(ar::has_arabic_block)
}

/// "Minister of Foreign Affairs and Expatriates", "Deputy Prime Minister and Minister of
/// Foreign Affairs": a second English portfolio or office joined by "and" belongs to the
/// phrase (the first office stays its title), and the name comes after it. A portfolio is
/// capitalised words up to punctuation or the given name that opens the name.
fn english_portfolio(cx: Ctx, role: &mut Role) {
    const MAX_WORDS: usize = 3;
    let t = role.next_tok;
    if role.title.is_none()
        || cx.tok(t).is_none_or(|x| x.kind != TokKind::Word)
        || cx.word(t) != "and"
    {
        return;
    }
    let u = t + 1;
    let second_office = cx.hit_at(u).filter(|&k| {
        let h = &cx.sent.hits[k];
        h.tokens.start == u && h.targets.iter().any(|x| x.form == Form::Title)
    });
    if let Some(k) = second_office {
        let second = title_phrase(cx, k);
        role.range.end = second.range.end;
        role.next_tok = second.next_tok;
        role.joined = true;
        if role.country.is_none() {
            role.country = second.country;
        }
        return;
    }
    let portfolio_word = |v: usize| {
        cx.tok(v).is_some_and(|x| {
            x.kind == TokKind::Word
                && cx.hit_at(v).is_none()
                && starts_upper(cx.orig(x.range.clone()))
                && !cx.kb.latin_given.contains_key(cx.word(v))
        })
    };
    let mut v = u;
    while v < u + MAX_WORDS && portfolio_word(v) {
        v += 1;
    }
    let name_next = cx
        .tok(v)
        .is_some_and(|x| x.kind == TokKind::Punct || starts_upper(cx.orig(x.range.clone())));
    if v > u && name_next {
        role.range.end = cx.sent.toks[v - 1].range.end;
        role.next_tok = v;
    }
}

/// An Arabic title of one word without its article, nothing attached, and a word right after
/// it is in the construct state: what follows is what it heads ("رئيس قسم التحقيقات", "لاعب
/// برشلونة", "قائد منفذي الهجمات"), not a name, which comes after the definite title
/// ("الرئيس بوتين") or after what the title heads.
pub(super) fn construct_title(cx: Ctx, k: usize, role: &Role) -> bool {
    let h = &cx.sent.hits[k];
    let w = &cx.text()[h.range.clone()];
    !role.honorific
        && h.tokens.len() == 1
        && role.country.is_none()
        && role.next_tok == h.tokens.end
        && !w.starts_with(ar::AL)
        && !is_latin_word(w)
        && cx
            .tok(role.next_tok)
            .is_some_and(|t| t.kind == TokKind::Word)
}

/// "وزير الطاقة والنفط", "وزير الخارجية وشؤون المغتربين": a second portfolio joined by و
/// belongs to the office, whether one definite word or a construct phrase.
pub(super) fn conjoined_portfolio(cx: Ctx, role: &mut Role) {
    let mut t = role.next_tok;
    while t < cx.sent.toks.len() && t < role.next_tok + 2 {
        let tok = &cx.sent.toks[t];
        let w = cx.word(t);
        let definite = w
            .strip_prefix(ar::WA)
            .is_some_and(|r| r.starts_with(ar::AL));
        if tok.kind != TokKind::Word || cx.hit_at(t).is_some() || !definite || cx.kb.word(w).stop {
            break;
        }
        t += 1;
    }
    // a second genitive of the office's own construct ("وزير الخارجية وشؤون المغتربين"): only
    // after an office of two words or more ending in its definite portfolio, not after a bare
    // title or a state ("الرئيس وإمدادات …", "رئيس أوغندا وقت …" go on with other matters)
    let portfolio = role.country.is_none()
        && t > 1
        && cx.hit_at(t - 1).is_some_and(|k| {
            let h = &cx.sent.hits[k];
            h.tokens.end == t && h.tokens.len() >= 2 && cx.word(t - 1).starts_with(ar::AL)
        });
    if t == role.next_tok
        && portfolio
        && cx
            .tok(t)
            .is_some_and(|x| x.kind == TokKind::Word && cx.word(t).starts_with(ar::WA))
    {
        t = construct_phrase(cx, t).unwrap_or(t);
    }
    if t > role.next_tok && role.title.is_some() {
        role.range.end = cx.sent.toks[t - 1].range.end;
        role.next_tok = t;
    }
}

/// "… لشؤون مكافحة الإرهاب": the words that complete an office belong to the phrase. They are
/// a construct phrase: an entity ("لشؤون سوريا"), or the indefinite nouns it governs up to the
/// definite noun that completes them and the definite words that qualify it ("لشؤون الإغاثة
/// الإنسانية"); the name after it is no part of the office ("لشؤون الإغاثة مارتن غريفيث").
pub(super) fn complement(cx: Ctx, role: &mut Role) {
    if !cx
        .tok(role.next_tok)
        .is_some_and(|t| t.kind == TokKind::Word && cx.role(role.next_tok).complement)
    {
        return;
    }
    let end = complement_end(cx, role.next_tok + 1);
    role.range.end = cx.sent.toks[end - 1].range.end;
    role.next_tok = end;
}

/// The end of the genitive phrase after a complement word, which starts at token `t`.
fn complement_end(cx: Ctx, t: usize) -> usize {
    const MAX_HEADS: usize = 3;
    if let Some(k) = cx
        .hit_at(t)
        .filter(|&k| !super::is_person_hit(cx.kb, &cx.sent.hits[k]))
    {
        return cx.sent.hits[k].tokens.end.max(t);
    }
    // a stop word ends the phrase unless it is a definite noun (الإرهاب is listed as never a
    // name, and completes an office well)
    let plain = |u: usize| {
        cx.tok(u).is_some_and(|x| x.kind == TokKind::Word)
            && cx.hit_at(u).is_none()
            && (!cx.role(u).stop || cx.word(u).starts_with(ar::AL))
            && !cx.role(u).report
            && !is_latin_word(cx.word(u))
    };
    definite_run(cx, t, t + MAX_HEADS, t + MAX_HEADS + 3, plain).unwrap_or_else(|u| u)
}

/// A construct phrase's run of words from token `from`, over the words `plain` lets through: the
/// indefinite heads (before `heads_end`, stopping where a name could open), the definite noun
/// that completes them, and the definite words (or و and a definite word) that qualify it, before
/// `end`. Ok with the end of the run, or Err with where the heads stopped when no definite noun
/// completes them.
fn definite_run(
    cx: Ctx,
    from: usize,
    heads_end: usize,
    end: usize,
    plain: impl Fn(usize) -> bool,
) -> Result<usize, usize> {
    let definite = |u: usize| plain(u) && cx.word(u).starts_with(ar::AL);
    let and_definite = |u: usize| {
        plain(u)
            && cx
                .word(u)
                .strip_prefix(ar::WA)
                .is_some_and(|r| r.starts_with(ar::AL))
    };
    let mut u = from;
    while u < heads_end && plain(u) && !definite(u) && !starts_name(cx, u) {
        u += 1;
    }
    if !definite(u) {
        return Err(u);
    }
    u += 1;
    while u < end && (definite(u) || and_definite(u)) {
        u += 1;
    }
    Ok(u)
}

/// The end of the Arabic construct phrase whose head, after its conjunction, is token `t`
/// ("وشؤون المغتربين", "وتكنولوجيا المعلومات"): the head and the indefinite nouns it governs,
/// then the plain definite noun that completes them and the definite words that qualify it. It
/// ends where a name could open (a given name, a word after the definite ones), at an entity or
/// at punctuation; None when no plain definite noun completes the heads ("ونظيره الأردني" is
/// another person: the word after it is a known adjective).
fn construct_phrase(cx: Ctx, t: usize) -> Option<usize> {
    const MAX_WORDS: usize = 4;
    let plain = |u: usize| {
        cx.tok(u).is_some_and(|x| x.kind == TokKind::Word)
            && cx.hit_at(u).is_none()
            && !cx.role(u).stop
            && !is_latin_word(cx.word(u))
    };
    if !plain(t) || given_at(cx, t).is_some() {
        return None;
    }
    // the definite words that qualify it ("الشؤون الدينية", "الأمن والدفاع")
    definite_run(cx, t + 1, t + MAX_WORDS, t + MAX_WORDS, plain).ok()
}

pub(super) enum Attach {
    Country(String),
    Body(String),
    Place,
    Title(String),
    None,
}

pub(super) fn attach_of(kb: &KnowledgeBase, n: &Hit) -> Attach {
    if n.targets.iter().any(|t| t.form == Form::Capital) {
        return Attach::Place; // "سفير اليابان لدى عمان": the post, not a second state
    }
    if let Some(c) = country_of(n, kb) {
        return Attach::Country(kb.records[c].id.clone());
    }
    for t in &n.targets {
        match t.form {
            Form::Name | Form::Adjective if kb.records[t.record].kind == EntityKind::Org => {
                return Attach::Body(kb.records[t.record].id.clone());
            }
            Form::Capital => return Attach::Place,
            Form::Name if kb.records[t.record].kind == EntityKind::Location => {
                return Attach::Place
            }
            Form::Institution => return Attach::Place,
            Form::Title if !kb.titles[t.record].honorific => {
                return Attach::Title(kb.titles[t.record].title.clone())
            }
            _ => {}
        }
    }
    Attach::None
}

/// The role phrase ending right before hit `k` (a title, then the person's name): the nearest
/// ("مستشار الرئيس اليمني عبد ربه منصور هادي" is the president), or the one that starts before
/// it when it joins a second office by "and" ("Crown Prince and Prime Minister Mohammed bin
/// Salman" is the crown prince).
pub(super) fn role_before(cx: Ctx, k: usize) -> Option<Role> {
    let h = &cx.sent.hits[k];
    (0..k)
        .rev()
        .take(4)
        .map(|j| title_phrase(cx, j))
        .filter(|r| {
            r.next_tok <= h.tokens.start
                && cx.sent.toks[r.next_tok..h.tokens.start]
                    .iter()
                    .all(|t| t.kind == TokKind::Punct)
                && cx
                    .sent
                    .hits
                    .iter()
                    .any(|x| x.range.start == r.range.start || x.tokens.end == r.next_tok)
        })
        .reduce(|near, far| if far.joined { far } else { near })
        .filter(|r| r.title.is_some() || r.honorific)
}

/// The apposition after a name (see [`apposition`]) when it is the person's own. Written right
/// after the name with no comma, a title phrase may be the object of the verb instead
/// ("استقبل وزير الخارجية أحمد سالم السفير الياباني", "والتقى محمود عباس السفير الروسي"): it
/// is another person when the name had its title before it and the phrase is a definite office
/// of a nationality, or when it attaches to another state than the one the knowledge base
/// gives the person (`known`).
pub(super) fn own_apposition(cx: Ctx, t: usize, titled: bool, known: Option<&str>) -> Option<Role> {
    let role = apposition(cx, t)?;
    if cx.tok(t).is_none_or(|x| x.kind != TokKind::Word) {
        return Some(role); // in commas or brackets: the person's own
    }
    let state = |id: &str| {
        cx.kb
            .record(id)
            .is_some_and(|r| r.kind == EntityKind::Country)
    };
    let other_state = known
        .zip(role.country.as_deref())
        .is_some_and(|(k, r)| k != r && state(k) && state(r));
    let object = titled && national_office(cx, t);
    (!object && !other_state).then_some(role)
}

/// Does a definite office qualified by a nationality open at token `t` ("السفير الياباني",
/// "the Japanese ambassador")?
fn national_office(cx: Ctx, t: usize) -> bool {
    let hits = &cx.sent.hits;
    let hit_from = |v: usize| cx.hit_at(v).filter(|&k| hits[k].tokens.start == v);
    let title = |h: &Hit| h.targets.iter().any(|x| x.form == Form::Title);
    let next_adjacent = |k: usize| {
        hits.get(k + 1)
            .filter(|n| n.tokens.start == hits[k].tokens.end)
    };
    if cx.word(t) == "the" {
        return hit_from(t + 1).is_some_and(|k| {
            country_of(&hits[k], cx.kb).is_some() && next_adjacent(k).is_some_and(title)
        });
    }
    cx.word(t).starts_with(ar::AL)
        && hit_from(t).is_some_and(|k| {
            title(&hits[k]) && next_adjacent(k).is_some_and(|n| definite_nisba(cx, n))
        })
}

/// A title phrase right after a name, or in brackets after it: "حمدي سند لوزا نائب وزير
/// الخارجية المصري", "فلاديمير إيفانوفيتش ( وكيل سكرتير عام … )", "Borisenko, Russia's ambassador".
pub(super) fn apposition(cx: Ctx, t: usize) -> Option<Role> {
    let mut u = t;
    while cx.tok(u).is_some_and(|x| {
        x.kind == TokKind::Punct && matches!(&cx.text()[x.range.clone()], "(" | "," | "،")
    }) && u < t + 2
    {
        u += 1;
    }
    // "the Russian ambassador": skip the article
    if cx
        .tok(u)
        .is_some_and(|x| &cx.text()[x.range.clone()] == "the")
    {
        u += 1;
    }
    // the hit starting at token u (or at u + 1 after punctuation), found through the token's
    // hit index: a scan of the sentence's hits made a sentence of many names quadratic
    let starting_at = |v: usize| {
        cx.sent
            .hit_of
            .get(v)
            .copied()
            .flatten()
            .filter(|&k| cx.sent.hits[k].tokens.start == v)
    };
    let k = starting_at(u).or_else(|| starting_at(u + 1).filter(|_| u > t))?;
    let h = &cx.sent.hits[k];
    if !h.clitic.is_empty() {
        return None; // "ومسؤول أممي": another person, not an apposition
    }
    let role = if h.targets.iter().any(|x| x.form == Form::Title) {
        title_phrase(cx, k)
    } else if country_of(h, cx.kb).is_some() {
        // "Russia's Ambassador" after a comma: the country opens the phrase
        let next = cx
            .sent
            .hits
            .get(k + 1)
            .filter(|n| n.targets.iter().any(|x| x.form == Form::Title))?;
        let _ = next;
        title_phrase(cx, k + 1)
    } else {
        return None;
    };
    (role.title.is_some()).then_some(role)
}
