//! From gazetteer hits to countries, capitals, places, organisations and national institutions.
//!
//! - A country's name or nationality adjective is a mention of the country.
//! - A capital stands for its state's government ("بين القاهرة وموسكو", "Moscow welcomed") unless
//!   a locative word or clitic puts it on the map ("في القاهرة", "بالقاهرة", "to Cairo") or it
//!   opens a dateline ("CAIRO -"): then it is a place.
//! - A national institution takes the country beside it: "وزارة الداخلية المصرية", "مجلس الأمن
//!   الروسي", "the Egyptian army", "Russia's Foreign Ministry", "Ministry of Defence of Egypt".
//!   Without one, a ministry waits for the end of the document (the same ministry with a country
//!   elsewhere in it), "مجلس الأمن" alone is the UN Security Council, "الجيش" alone is dropped.

use std::ops::Range;

use super::gazetteer::Hit;
use super::kb::{Form, KnowledgeBase, Target};
use super::{Acc, Found, Sentence};
use crate::analysis::Analysis;
use crate::doc::EntityKind;

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
fn is_place(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, h: &Hit) -> bool {
    if matches!(
        h.clitic,
        "ب" | "ل" | "لل" | "وب" | "ول" | "فب" | "ولل" | "فلل" | "وبال" | "فبال"
    ) {
        return true;
    }
    if h.tokens.start == 0 {
        // a dateline: "CAIRO -", "القاهرة -"
        if let Some(next) = s.toks.get(h.tokens.end) {
            if matches!(&a.text()[next.range.clone()], "-" | "–" | "—" | ":" | "(") {
                return true;
            }
        }
    }
    if h.tokens.start > 0 {
        let prev = &s.toks[h.tokens.start - 1];
        if kb.word(&a.text()[prev.range.clone()]).locative {
            return true;
        }
    }
    false
}

/// Resolve the hits of one sentence (persons and titles are left to the person rules).
pub(crate) fn sentence(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    acc: &mut Acc,
    pending: &mut Vec<Pending>,
) {
    let mut skip_until = 0;
    for (k, h) in s.hits.iter().enumerate() {
        if h.range.start < skip_until {
            continue;
        }
        if let Some(inst) = h.targets.iter().find(|t| t.form == Form::Institution) {
            if let Some(end) = institution(a, kb, s, k, inst.record, acc, pending) {
                skip_until = end;
                continue;
            }
        }
        let Some(t) = record_target(h, kb) else {
            continue;
        };
        let rec = &kb.records[t.record];
        if rec.kind == EntityKind::Person {
            continue; // the person rules add known persons with their titles
        }
        match rec.state {
            // a capital acting ("Moscow welcomed") is its state; on the map it is a place
            Some(state) if t.form == Form::Capital && !is_place(a, kb, s, h) => {
                add_record(a, kb, acc, state, h.range.clone());
            }
            _ => {
                add_record(a, kb, acc, t.record, h.range.clone());
            }
        }
    }
}

/// A national institution at hit `k`: with its country, pending, or not one (None: resolve the
/// hit as a plain record). Returns the end of the span used.
fn institution(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    k: usize,
    inst: usize,
    acc: &mut Acc,
    pending: &mut Vec<Pending>,
) -> Option<usize> {
    let h = &s.hits[k];
    let fallback = h
        .targets
        .iter()
        .find(|t| t.form == Form::Name && kb.records[t.record].kind == EntityKind::Org)
        .map(|t| t.record);
    // after: "وزارة الداخلية المصرية", "Ministry of Defence of Egypt"
    let after = s.hits.get(k + 1).and_then(|n| {
        let g = gap(a, h.range.end, n.word_start);
        (n.clitic.is_empty() && (g.is_empty() || g == "of" || g == "of the"))
            .then_some(n)
            .and_then(|n| country_of(n, kb).map(|c| (c, n.range.end, n.range.clone())))
    });
    // before: "the Egyptian army", "Russia's Foreign Ministry"
    let before = k.checked_sub(1).map(|j| &s.hits[j]).and_then(|p| {
        let g = gap(a, p.range.end, h.word_start);
        let possessive = g == "'s" || g == "’s";
        let adjective = g.is_empty() && p.targets.iter().any(|t| t.form == Form::Adjective);
        let latin = a.text()[h.range.clone()].is_ascii();
        (latin && (possessive || adjective))
            .then_some(p)
            .and_then(|p| country_of(p, kb).map(|c| (c, p.range.start, p.range.clone())))
    });
    match (after, before) {
        (Some((c, end, crange)), _) => {
            add_institution(a, kb, acc, inst, Some(c), h.range.start..end);
            add_record(a, kb, acc, c, crange);
            Some(end)
        }
        (None, Some((c, start, crange))) => {
            add_institution(a, kb, acc, inst, Some(c), start..h.range.end);
            add_record(a, kb, acc, c, crange);
            Some(h.range.end)
        }
        (None, None) => {
            if kb.institutions[inst].alone || fallback.is_some() {
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
    acc.add(
        a,
        Found {
            kind: EntityKind::Org,
            id: &id,
            name: &name,
            key: &id,
            country: iso,
            title: None,
            affiliation: None,
        },
        range,
    )
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
