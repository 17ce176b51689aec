//! From gazetteer hits to countries, capitals, places, organisations and national institutions.
//!
//! - A country's name or nationality adjective is a mention of the country.
//! - A capital stands for its state's government ("بين القاهرة وموسكو", "Moscow welcomed") unless
//!   a locative word or clitic puts it on the map ("في القاهرة", "بالقاهرة", "to Cairo") or it
//!   opens a dateline ("CAIRO -"): then it is a place.
//! - A national institution takes the country beside it: "وزارة الداخلية المصرية", "مجلس الأمن
//!   الروسي", "مجلس الأمن الوطني العراقي" (the body's own adjectives between), "the Egyptian
//!   army", "Russia's Foreign Ministry", "Ministry of Defence of Egypt".
//!   Without one, a ministry waits for the end of the document (the same ministry with a country
//!   elsewhere in it), "مجلس الأمن" alone is the UN Security Council, "الجيش" alone is dropped.

use std::ops::Range;

use super::gazetteer::Hit;
use super::kb::{Form, KnowledgeBase, Target};
use super::{Acc, Ctx, Found};
use crate::analysis::Analysis;
use crate::doc::EntityKind;
use crate::lang::{ar, en};

/// An institution mention with no country beside it, settled at the end of the document.
pub(crate) struct Pending {
    institution: usize,
    range: Range<usize>,
    /// An organisation the same words name when no country is found (مجلس الأمن → UNSC).
    fallback: Option<usize>,
}

/// The text between two folded offsets, trimmed.
pub(crate) fn gap<'t>(a: &'t Analysis, from: usize, to: usize) -> &'t str {
    if from >= to {
        return "";
    }
    a.text().get(from..to).unwrap_or("").trim()
}

fn record_target(h: &Hit, kb: &KnowledgeBase) -> Option<Target> {
    h.targets.iter().copied().find(|t| {
        matches!(t.form, Form::Name | Form::Adjective | Form::Capital)
            && kb.records.get(t.record).is_some()
    })
}

/// The country a hit names (a country's name or adjective), if any.
pub(crate) fn country_of(h: &Hit, kb: &KnowledgeBase) -> Option<usize> {
    h.targets
        .iter()
        .find(|t| {
            matches!(t.form, Form::Name | Form::Adjective)
                && kb.records[t.record].kind == EntityKind::Country
        })
        .map(|t| t.record)
}

/// Add a mention of record `r` over `range`.
pub(crate) fn add_record(
    a: &Analysis,
    kb: &KnowledgeBase,
    acc: &mut Acc,
    r: usize,
    range: Range<usize>,
) -> usize {
    let rec = &kb.records[r];
    let key = if rec.kind == EntityKind::Person {
        super::translit::key(&rec.name)
    } else {
        rec.id.clone()
    };
    let (country, affiliation) = kb.acts_for(rec.country.as_deref());
    acc.add(
        a,
        Found {
            kind: rec.kind,
            id: &rec.id,
            name: &rec.name,
            key: &key,
            country,
            title: rec.title.as_deref(),
            affiliation,
        },
        range,
    )
}

/// Does the capital hit stand for a place here rather than for its government?
fn is_place(cx: Ctx, h: &Hit) -> bool {
    if ar::LOCATIVE_PROCLITICS.contains(&h.clitic) {
        return true;
    }
    if h.tokens.start == 0 {
        // a dateline: "CAIRO -", "القاهرة -"
        if let Some(next) = cx.tok(h.tokens.end) {
            if matches!(&cx.text()[next.range.clone()], "-" | "–" | "—" | ":" | "(") {
                return true;
            }
        }
    }
    if h.tokens.start > 0 {
        let prev = &cx.sent.toks[h.tokens.start - 1];
        if cx.kb.word(&cx.text()[prev.range.clone()]).locative {
            return true;
        }
    }
    super::places::capital_cue(cx, h)
}

/// Resolve the hits of one sentence (persons and titles are left to the person rules).
pub(crate) fn sentence(cx: Ctx, acc: &mut Acc, pending: &mut Vec<Pending>) {
    let mut skip_until = 0;
    for (k, h) in cx.sent.hits.iter().enumerate() {
        if h.range.start < skip_until {
            continue;
        }
        if let Some(inst) = h.targets.iter().find(|t| t.form == Form::Institution) {
            if let Some(end) = institution(cx, k, inst.record, acc, pending) {
                skip_until = end;
                continue;
            }
        }
        let Some(t) = record_target(h, cx.kb) else {
            continue;
        };
        let rec = &cx.kb.records[t.record];
        if rec.kind == EntityKind::Person {
            continue; // the person rules add known persons with their titles
        }
        match rec.state {
            // a capital acting ("Moscow welcomed") is its state; on the map it is a place
            Some(state) if t.form == Form::Capital && !is_place(cx, h) => {
                add_record(cx.doc, cx.kb, acc, state, h.range.clone());
                if super::places::also_place(cx, h) {
                    // "BEIRUT, Oct 10", "the capital, Sanaa": a place too
                    add_record(cx.doc, cx.kb, acc, t.record, h.range.clone());
                }
            }
            _ => {
                add_record(cx.doc, cx.kb, acc, t.record, h.range.clone());
            }
        }
    }
}

/// A national institution at hit `k`: with its country, pending, or not one (None: resolve the
/// hit as a plain record). Returns the end of the span used.
fn institution(
    cx: Ctx,
    k: usize,
    inst: usize,
    acc: &mut Acc,
    pending: &mut Vec<Pending>,
) -> Option<usize> {
    let h = &cx.sent.hits[k];
    let fallback = h
        .targets
        .iter()
        .find(|t| t.form == Form::Name && cx.kb.records[t.record].kind == EntityKind::Org)
        .map(|t| t.record);
    // after: "وزارة الداخلية المصرية", "Ministry of Defence of Egypt"
    let after = cx.sent.hits.get(k + 1).and_then(|n| {
        let g = gap(cx.doc, h.range.end, n.word_start);
        (n.clitic.is_empty() && (g.is_empty() || g == "of" || g == "of the" || qualifiers(g)))
            .then_some(n)
            .and_then(|n| country_of(n, cx.kb).map(|c| (c, n.range.end, n.range.clone())))
    });
    // before: "the Egyptian army", "Russia's Foreign Ministry", "the US Navy" (a country's name
    // used as an adjective before a capitalised institution)
    let before = k.checked_sub(1).map(|j| &cx.sent.hits[j]).and_then(|p| {
        let g = gap(cx.doc, p.range.end, h.word_start);
        let possessive = g == "'s" || g == "’s";
        let adjective = g.is_empty() && p.targets.iter().any(|t| t.form == Form::Adjective);
        let latin = cx.text()[h.range.clone()].is_ascii();
        // the analysis text is folded: the case is read in the original
        let attributive = g.is_empty() && en::starts_upper(cx.orig(h.range.clone()));
        (latin && (possessive || adjective || attributive))
            .then_some(p)
            .and_then(|p| country_of(p, cx.kb).map(|c| (c, p.range.start, p.range.clone())))
    });
    match (after, before) {
        (Some((c, end, crange)), _) => {
            add_institution(cx.doc, cx.kb, acc, inst, Some(c), h.range.start..end);
            add_record(cx.doc, cx.kb, acc, c, crange);
            Some(end)
        }
        (None, Some((c, start, crange))) => {
            add_institution(cx.doc, cx.kb, acc, inst, Some(c), start..h.range.end);
            add_record(cx.doc, cx.kb, acc, c, crange);
            Some(h.range.end)
        }
        (None, None) => {
            if cx.kb.institutions[inst].alone || fallback.is_some() {
                pending.push(Pending {
                    institution: inst,
                    range: h.range.clone(),
                    fallback,
                });
                Some(h.range.end)
            } else {
                None
            }
        }
    }
}

/// Arabic adjectives of the institution's own between its generic name and its country: one
/// or two definite nisbas ("مجلس الأمن الوطني العراقي", "الحرس الوطني الاتحادي الأمريكي"). The
/// country after them makes the body that country's, not the international one.
fn qualifiers(g: &str) -> bool {
    let mut n = 0;
    for w in g.split_whitespace() {
        let nisba = w.starts_with(ar::AL) && (w.ends_with('ي') || w.ends_with("يه"));
        if !nisba || n == 2 {
            return false;
        }
        n += 1;
    }
    n > 0
}

fn add_institution(
    a: &Analysis,
    kb: &KnowledgeBase,
    acc: &mut Acc,
    inst: usize,
    country: Option<usize>,
    range: Range<usize>,
) -> usize {
    let i = &kb.institutions[inst];
    let (id, name, iso) = match country {
        Some(c) => {
            let rec = &kb.records[c];
            (
                format!("{}-{}", rec.id, i.id),
                format!("{} ({})", i.name, rec.name),
                Some(rec.id.as_str()),
            )
        }
        None => (i.id.clone(), i.name.clone(), None),
    };
    acc.add(a, Found::org(&id, &name, iso), range)
}

/// Institutions named without a country: the same institution with a country in the document,
/// else the organisation the words name by themselves, else the generic institution.
pub(crate) fn institutions_alone(
    a: &Analysis,
    kb: &KnowledgeBase,
    acc: &mut Acc,
    pending: Vec<Pending>,
) {
    for p in pending {
        let suffix = format!("-{}", kb.institutions[p.institution].id);
        let with_country = acc.entities().iter().position(|e| {
            e.kind == EntityKind::Org && e.id.ends_with(&suffix) && e.country.is_some()
        });
        let alone = kb.institutions[p.institution].alone;
        match (
            with_country.filter(|_| alone || p.fallback.is_none()),
            p.fallback,
        ) {
            (Some(i), _) => acc.mention(a, i, p.range),
            (None, Some(r)) => {
                add_record(a, kb, acc, r, p.range);
            }
            (None, None) => {
                add_institution(a, kb, acc, p.institution, None, p.range);
            }
        }
    }
}

/// A person mention in text order: its folded byte range and entity.
struct Spot {
    range: Range<usize>,
    entity: usize,
}

/// Roles in apposition to a name are that person: "The UN Under-Secretary-General for
/// Humanitarian Affairs, Tom Fletcher, said", "سفير روسيا لدى القاهرة، جيورجي بوريسينكو، أن",
/// "Tom Fletcher, the UN humanitarian chief, said". A person known only by a role (a role the
/// person rules could not give to anyone) that stands in apposition to a named person is merged
/// into them: the role's mentions, wherever it recurs, become theirs, and the role lends them its
/// title, country and affiliation when they have none. Done here once, so quotes, events,
/// clusters and tables all see one person. One pass over the person mentions in text order.
pub(crate) fn appositions(a: &Analysis, kb: &KnowledgeBase, acc: &mut Acc) {
    let es = &acc.entities;
    let role_only = |i: usize| es[i].kind == EntityKind::Person && es[i].id.starts_with("role-");
    let mut spots: Vec<Spot> = es
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |m| Spot {
                range: a.folded_range(m.start..m.end),
                entity: i,
            })
        })
        .collect();
    spots.sort_by_key(|s| (s.range.start, s.range.end));
    let mut holder: Vec<Option<usize>> = vec![None; es.len()];
    for (k, s) in spots.iter().enumerate() {
        if !role_only(s.entity) || holder[s.entity].is_some() {
            continue;
        }
        let named = |n: &&Spot| !role_only(n.entity) && compatible(&es[s.entity], &es[n.entity]);
        let after = spots
            .get(k + 1)
            .filter(named)
            .filter(|n| role_then_name(a, kb, &s.range, &n.range));
        let before = k
            .checked_sub(1)
            .map(|j| &spots[j])
            .filter(named)
            .filter(|p| name_then_role(a, kb, &p.range, &s.range));
        holder[s.entity] = after.or(before).map(|n| n.entity);
    }
    for (r, h) in holder.into_iter().enumerate() {
        if let Some(h) = h {
            merge_into(acc, r, h);
        }
    }
}

/// A role and a named person can be one: no state or body of one contradicts the other's.
fn compatible(role: &crate::doc::Entity, named: &crate::doc::Entity) -> bool {
    let agree = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    agree(&role.country, &named.country) && agree(&role.affiliation, &named.affiliation)
}

/// Move the mentions of role-only person `r` to person `h`, with its title, country and
/// affiliation where `h` has none.
fn merge_into(acc: &mut Acc, r: usize, h: usize) {
    let role = std::mem::take(&mut acc.entities[r].mentions);
    let (title, country, affiliation) = {
        let e = &acc.entities[r];
        (e.title.clone(), e.country.clone(), e.affiliation.clone())
    };
    let e = &mut acc.entities[h];
    e.mentions.extend(role);
    if e.title.is_none() {
        e.title = title;
    }
    if e.country.is_none() {
        e.country = country;
    }
    if e.affiliation.is_none() {
        e.affiliation = affiliation;
    }
}

/// At most this many words complete a role before its apposition comma ("for Humanitarian
/// Affairs", "للشؤون الإنسانية").
const COMPLEMENT_WORDS: usize = 5;

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '،')
}

/// Punctuation that closes an apposition (or the sentence).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        ',' | '،' | '.' | ';' | '؛' | ':' | '(' | ')' | '!' | '?' | '؟' | '–' | '—'
    )
}

/// Words that complete a role phrase: none, or at most a few plain words of which the first
/// joins them to the office ("for", "to", "of", "لدى", "لشؤون", a ل-word: "للشؤون الإنسانية").
fn completes_role(kb: &KnowledgeBase, words: &str) -> bool {
    let mut ws = words.split_whitespace();
    let Some(first) = ws.next() else {
        return true;
    };
    let plain = |w: &str| {
        w.chars()
            .all(|c| crate::text::chars::is_alphanumeric(c) || matches!(c, '-' | '\'' | '’'))
    };
    let role = kb.word(first);
    let joins = role.link || role.complement || first.starts_with('ل') || first == "For";
    joins && plain(first) && ws.clone().count() < COMPLEMENT_WORDS && ws.all(plain)
}

/// The rest of the sentence from the end `at` of a mention in it.
fn rest_of_sentence<'t>(a: &'t Analysis, at: usize) -> &'t str {
    let end = a
        .sentence_of(at.saturating_sub(1))
        .map_or(a.text().len(), |s| s.end);
    a.text().get(at..end.max(at)).unwrap_or("")
}

/// "ROLE [complement], NAME" closed by punctuation, the sentence's end, or (Arabic) a particle:
/// "…، توم فليتشر، إن", "…، توم فليتشر إن". Without the closing ("After meeting the
/// ambassador, Tom Fletcher said") the two are different people.
fn role_then_name(
    a: &Analysis,
    kb: &KnowledgeBase,
    role: &Range<usize>,
    name: &Range<usize>,
) -> bool {
    let g = gap(a, role.end, name.start);
    let Some(words) = g.strip_suffix([',', '،']) else {
        return false;
    };
    if words.contains(is_comma) || !completes_role(kb, words) {
        return false;
    }
    let rest = rest_of_sentence(a, name.end).trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) if is_closing(c) => true,
        Some(_) => {
            let arabic = !a.text().get(name.clone()).unwrap_or("").is_ascii();
            let next = rest.split_whitespace().next().unwrap_or("");
            arabic && kb.word(next).stop
        }
    }
}

/// "NAME, [the] ROLE [complement]," closed by punctuation or the sentence's end: "Tom Fletcher,
/// the UN humanitarian chief, said", "توم فليتشر، وكيل الأمين العام …، إن".
fn name_then_role(
    a: &Analysis,
    kb: &KnowledgeBase,
    name: &Range<usize>,
    role: &Range<usize>,
) -> bool {
    let g = gap(a, name.end, role.start);
    let Some(article) = g.strip_prefix([',', '،']) else {
        return false;
    };
    if !matches!(article.trim(), "" | "the" | "The" | "a" | "an") {
        return false;
    }
    // the role's complement, then punctuation or the end of the sentence
    let words = rest_of_sentence(a, role.end).split(is_closing).next();
    completes_role(kb, words.unwrap_or(""))
}
