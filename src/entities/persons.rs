//! Persons: known ones from the knowledge base, unknown ones by rule, then in-document
//! coreference.
//!
//! Rules that find a name (Arabic and English alike):
//! - after a title phrase: a title, the country or body it attaches to, then the name, with or
//!   without an apposition comma ("أكد سفير روسيا لدى القاهرة، جيورجي بوريسينكو، أن", "Russia's
//!   Ambassador to Cairo, Georgiy Y. Borisenko said", "السيد/ فلاديمير إيفانوفيتش");
//! - after a reporting verb ("وقال فلان:"), when the name is closed by punctuation, a particle or
//!   a closer word ("وقال بلير في");
//! - after an occupation (player, coach, writer: titles that alone name nobody) or a definite
//!   nationality adjective and two name words ("الصربي دوشان لايوفيتش على");
//! - from a given name of the lexicon ("محمد الباز"), or an opening particle before a name word
//!   ("أبو محمد الشامي", "عبد الرحمن الخطيب");
//! - English: capitalised sequences that open with a known given name or stand next to "said".
//!
//! A name ends at punctuation, cue, stop and common words, titles, other entities, and words
//! shaped like verbs. After a title an unknown ال-word is a surname only when closed or joined by
//! a particle ("الرئيس البشير،"); otherwise it completes the office ("رئيس المكتب السياسي"). A title phrase right after a name, or in brackets after it, is its apposition and gives
//! the person's title and country.
//!
//! Coreference: a surname alone joins the full name it ends; a role without a name ("السفير
//! الروسي", "the Russian ambassador", "المسؤول الأممي") joins the person holding that role; a
//! title-pronoun (سيادته) joins the person or role named last before it.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::ops::Range;

use super::gazetteer::Hit;
use super::kb::{Form, KnowledgeBase};
use super::resolve::{country_of, gap};
use super::translit;
use super::{Acc, Found, Sentence};
use crate::analysis::Analysis;
use crate::doc::EntityKind;
use crate::lang::ar::{self, strip_proclitic};
use crate::lang::en::{is_latin_word, starts_upper};
use crate::text::hash::WordMap;
use crate::text::segment::TokKind;

/// A title phrase: the office, and the state or body it belongs to.
#[derive(Debug, Clone, Default)]
struct Role {
    title: Option<String>,
    honorific: bool,
    /// A trade or calling: a role phrase without a name is no person.
    occupation: bool,
    /// ISO3 of the state, or the id of the body (UN) the office belongs to (split into
    /// `country` and `affiliation` on output).
    country: Option<String>,
    /// Folded byte range of the phrase.
    range: Range<usize>,
    /// The token after the phrase.
    next_tok: usize,
}

/// A person as the document names them.
#[derive(Debug, Clone)]
struct Person {
    id: String,
    name: String,
    key: String,
    /// Folded last word of the name (the surname, for surname-only mentions).
    surname: Option<String>,
    title: Option<String>,
    country: Option<String>,
    mentions: Vec<Range<usize>>,
    /// From a role mention alone (no name known).
    role_only: bool,
}

/// A role named without a person, or a title-pronoun.
struct RoleMention {
    role: Role,
    range: Range<usize>,
    pronoun: bool,
}

#[derive(Default)]
struct People {
    list: Vec<Person>,
    roles: Vec<RoleMention>,
    /// First person of each id and of each non-empty key, so that adding one is a lookup.
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    /// Every mention range added, in order, and where the current sentence's began (with
    /// `roles`), so a sentence's own ranges are found without reading the whole document's.
    added: Vec<Range<usize>>,
    sentence_start: (usize, usize),
}

impl People {
    /// Add a named person's mention, merging with a person already known by id or key.
    fn add(&mut self, mut p: Person) {
        self.added.extend(p.mentions.iter().cloned());
        // the list holds no role-only person while names are added (those come last)
        let by_id = self.by_id.get(&p.id).copied();
        let by_key = (!p.key.is_empty())
            .then(|| self.by_key.get(&p.key).copied())
            .flatten();
        let same = by_id.into_iter().chain(by_key).min();
        if same.is_none() {
            let i = self.list.len();
            self.by_id.entry(p.id.clone()).or_insert(i);
            if !p.key.is_empty() {
                self.by_key.entry(p.key.clone()).or_insert(i);
            }
        }
        match same {
            Some(i) => {
                let q = &mut self.list[i];
                q.mentions.append(&mut p.mentions);
                if q.title.is_none() {
                    q.title = p.title;
                }
                if q.country.is_none() {
                    q.country = p.country;
                }
            }
            None => self.list.push(p),
        }
    }
}

/// Find the persons of the document and add them to `acc`.
pub(crate) fn find(a: &Analysis, kb: &KnowledgeBase, sentences: &[Sentence], acc: &mut Acc) {
    let mut people = People::default();
    for s in sentences {
        people.sentence_start = (people.added.len(), people.roles.len());
        sentence(a, kb, s, &mut people);
    }
    merge_surnames(&mut people);
    surname_mentions(a, kb, sentences, &mut people);
    resolve_roles(&mut people);
    for p in &people.list {
        // a UN official acts for the UN: `affiliation`, not a state in `country`
        let (country, affiliation) = kb.acts_for(p.country.as_deref());
        let f = Found {
            kind: EntityKind::Person,
            id: &p.id,
            name: &p.name,
            key: &p.key,
            country,
            title: p.title.as_deref(),
            affiliation,
        };
        let mut ranges = p.mentions.clone();
        ranges.sort_by_key(|r| r.start);
        if let Some(first) = ranges.first() {
            let i = acc.add(a, f, first.clone());
            for r in ranges.into_iter().skip(1) {
                acc.mention(a, i, r);
            }
        }
    }
}

fn is_person_hit(kb: &KnowledgeBase, h: &Hit) -> bool {
    h.targets
        .iter()
        .any(|t| t.form == Form::Name && kb.records[t.record].kind == EntityKind::Person)
}

/// Index of the hit covering token `t`, if any.
fn hit_at(s: &Sentence, t: usize) -> Option<usize> {
    s.hit_of.get(t).copied().flatten()
}

fn tok_text<'a>(a: &'a Analysis, s: &Sentence, t: usize) -> &'a str {
    &a.text()[s.toks[t].range.clone()]
}

/// The original text of folded range `r`, borrowed (a [`Analysis::mention`] allocates it).
fn orig_str<'a>(a: &Analysis<'a>, r: Range<usize>) -> &'a str {
    a.orig_text(a.orig(r))
}

/// The persons and roles of one sentence.
fn sentence(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, people: &mut People) {
    let mut used_until = 0; // tokens before this are part of a name already
                            // the first words of a known person's name, after a title, when the knowledge base knows
                            // the person by the rest ("المستشارة الألمانية أنغيلا ميركل" with ميركل known)
    let mut lead: Option<(usize, Role)> = None;
    let mut k = 0;
    while k < s.hits.len() {
        let h = &s.hits[k];
        if h.tokens.start < used_until {
            k += 1;
            continue;
        }
        if let Some(t) = h
            .targets
            .iter()
            .find(|t| t.form == Form::Name && kb.records[t.record].kind == EntityKind::Person)
        {
            let (start, role) = match lead.take().filter(|(l, _)| *l < h.tokens.start) {
                Some((l, role)) => (l, Some(role)),
                None => (
                    given_before(a, kb, s, h.tokens.start, used_until),
                    role_before(a, kb, s, k),
                ),
            };
            let (title, country) = role.map_or((None, None), |r| (r.title, r.country));
            let rec = &kb.records[t.record];
            // "الوليد بن طلال بن عبدالعزيز آل سعود": the lineage after a known name is its own
            let tail = lineage_after(a, kb, s, h.tokens.end);
            let range = s.toks[start].range.start + clitic_len(a, kb, s, start)
                ..tail.map_or(h.range.end, |e| s.toks[e - 1].range.end);
            let after = apposition(a, kb, s, tail.unwrap_or(h.tokens.end));
            let title = after
                .as_ref()
                .and_then(|r| r.title.clone())
                .or(title)
                .or_else(|| rec.title.clone());
            let country = after
                .and_then(|r| r.country)
                .or(country)
                .or_else(|| rec.country.clone());
            people.add(Person {
                id: rec.id.clone(),
                name: rec.name.clone(),
                key: translit::key(&rec.name),
                surname: None,
                title,
                country,
                mentions: vec![range],
                role_only: false,
            });
            used_until = tail.unwrap_or(h.tokens.end);
            k = first_hit_from(s, k + 1, used_until);
            continue;
        }
        // "بن سلطان": a title word right after a name particle is a name
        let after_particle = h.tokens.start > 0
            && kb
                .given
                .get(tok_text(a, s, h.tokens.start - 1))
                .is_some_and(|g| g.particle);
        if h.targets.iter().any(|t| t.form == Form::Title) && !after_particle {
            let role = title_phrase(a, kb, s, k);
            let next = role.next_tok;
            let name_start = skip_punct(a, s, next, role.honorific);
            if name_start
                .and_then(|t| hit_at(s, t))
                .is_some_and(|j| is_person_hit(kb, &s.hits[j]))
            {
                // a known person after the title: the loop adds them with this role
                k = first_hit_from(s, k, next);
                continue;
            }
            let name = name_start
                .filter(|_| !construct_title(a, s, k, &role))
                .and_then(|t| name_run(a, kb, s, t, true))
                .filter(|n| !role.occupation || occupation_name(a, kb, s, n));
            if let Some(toks) = name.as_ref().filter(|n| {
                hit_at(s, n.end).is_some_and(|j| {
                    s.hits[j].tokens.start == n.end && is_person_hit(kb, &s.hits[j])
                })
            }) {
                lead = Some((toks.start, role));
                k = first_hit_from(s, k, toks.end);
                continue;
            }
            match name {
                Some(toks) => {
                    let end = toks.end;
                    add_named(a, kb, s, toks, Some(role), people);
                    used_until = end;
                }
                None => {
                    if !role.honorific && !role.occupation && role.title.is_some() {
                        people.roles.push(RoleMention {
                            range: role.range.clone(),
                            role,
                            pronoun: false,
                        });
                    }
                    used_until = next;
                }
            }
            k = first_hit_from(s, k, used_until);
            continue;
        }
        k += 1;
    }
    unkeyed_names(a, kb, s, used_positions(s, people), people);
}

/// The first hit from the `k`-th on that starts at or after token `t`. Hits are in token order,
/// so searching on from `k` (not from the first hit) keeps a sentence of many titles linear.
fn first_hit_from(s: &Sentence, k: usize, t: usize) -> usize {
    k + s.hits[k..].partition_point(|h| h.tokens.start < t)
}

/// Whether token range `r` overlaps one of `used` (sorted by start), given the running maximum
/// of their ends: one binary search, not a scan of every used range.
fn overlaps_used(used: &[Range<usize>], max_end: &[usize], r: &Range<usize>) -> bool {
    let k = used.partition_point(|u| u.start < r.end);
    k > 0 && max_end[k - 1] > r.start
}

/// Token ranges of the sentence already given to persons (so the open rules do not repeat them).
fn used_positions(s: &Sentence, people: &People) -> Vec<Range<usize>> {
    let (added, roles) = people.sentence_start;
    let mut v: Vec<Range<usize>> = people.added[added..]
        .iter()
        .chain(people.roles[roles..].iter().map(|r| &r.range))
        .filter(|r| r.start >= s.range.start && r.end <= s.range.end)
        .cloned()
        .collect();
    v.sort_by_key(|r| r.start);
    v
}

/// Names found without a title: after reporting verbs, from given names, English capitalised
/// sequences; and title-pronouns.
fn unkeyed_names(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    used: Vec<Range<usize>>,
    people: &mut People,
) {
    let max_end: Vec<usize> = used
        .iter()
        .scan(0, |m, u| {
            *m = u.end.max(*m);
            Some(*m)
        })
        .collect();
    let mut t = 0;
    while t < s.toks.len() {
        let r = s.toks[t].range.clone();
        if overlaps_used(&used, &max_end, &r)
            || hit_at(s, t).is_some()
            || s.toks[t].kind != TokKind::Word
        {
            t += 1;
            continue;
        }
        let w = tok_text(a, s, t);
        let role = s.role(a, kb, t);
        // the word without a conjunction و (looked up once; the word itself when there is none)
        let bare_role = w
            .strip_prefix(ar::WA)
            .filter(|b| b.chars().count() >= 3)
            .map_or(role, |b| kb.word(b));
        if role.pronoun || bare_role.pronoun {
            people.roles.push(RoleMention {
                role: Role::default(),
                range: r,
                pronoun: true,
            });
            t += 1;
            continue;
        }
        let after_nisba = t > 0
            && hit_at(s, t - 1)
                .is_some_and(|k| s.hits[k].tokens.end == t && definite_nisba(a, kb, &s.hits[k]));
        let reported = role.report || bare_role.report;
        let opens = !reported && starts_name(a, kb, s, t);
        let start = if reported {
            // "وقال فلان:" — the name must be closed by punctuation or a particle
            t + 1
        } else if after_nisba || opens {
            // "الروسي ميخائيل يوزهني،" (no name opens here by itself): closed like a name after
            // a reporting verb
            t
        } else {
            t += 1;
            continue;
        };
        let strict = reported || (after_nisba && !opens);
        match name_run(a, kb, s, start, false).filter(|n| !strict || strictly_closed(a, kb, s, n)) {
            // after a bare nationality adjective a single word is too often a verb or noun
            // ("التهديد السوري ارتفع"): two name words at least
            Some(toks) if after_nisba && start == t && toks.len() < 2 => t += 1,
            Some(toks)
                if toks.len() >= 2 || strict || is_latin_word(tok_text(a, s, toks.start)) =>
            {
                let end = toks.end;
                add_named(a, kb, s, toks, None, people);
                t = end;
            }
            _ => t += 1,
        }
    }
}

/// Is a name found without a title closed? As after a reporting verb; and a name of two words
/// or more also by a number (a score: "الروسي ميخائيل يوزهني 6 / 4") or another entity or title
/// ("بول بيفر الخبير الدفاعي", "التشيكي ميلان كونديرا والأميركية …").
fn strictly_closed(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, n: &Range<usize>) -> bool {
    closed_after(a, kb, s, n.end)
        || (n.len() >= 2
            && (hit_at(s, n.end).is_some()
                || s.toks.get(n.end).is_some_and(|x| x.kind == TokKind::Number)))
}

/// Is the name after a reporting verb closed by punctuation, a particle or the sentence end?
fn closed_after(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> bool {
    match s.toks.get(t) {
        None => true,
        Some(tok) if tok.kind == TokKind::Punct => true,
        Some(_) => {
            let w = tok_text(a, s, t);
            // "وقال بلير في …", "وأشار سولانا إلى أن": a preposition or particle closes it too
            matches!(w, "ان" | "انه" | "انها" | "said" | "told")
                || s.role(a, kb, t).report
                || s.role(a, kb, t).closer
        }
    }
}

/// Can a name open at token `t` with no cue before it?
fn starts_name(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> bool {
    let w = tok_text(a, s, t);
    if is_latin_word(w) {
        // most words are lower-case: that test first, the tables after
        if !starts_upper(orig_str(a, s.toks[t].range.clone())) || kb.word(w).stop {
            return false;
        }
        let next_cap = || {
            s.toks.get(t + 1).is_some_and(|n| {
                n.kind == TokKind::Word && starts_upper(orig_str(a, n.range.clone()))
            })
        };
        let said_before = || t > 0 && s.role(a, kb, t - 1).report;
        return (kb.latin_given.contains_key(w) && next_cap()) || said_before();
    }
    if s.role(a, kb, t).stop && !given_not_stop(a, kb, s, t) {
        return false;
    }
    match given_at(a, kb, s, t) {
        // "أبو مصعب …", "بن لادن", "عبد الرحمن …": a particle opens a name before a name word
        Some(g) if g.opens => s.toks.get(t + 1).is_some_and(|n| {
            n.kind == TokKind::Word && hit_at(s, t + 1).is_none() && {
                let next = tok_text(a, s, t + 1);
                let role = s.role(a, kb, t + 1);
                !(role.stop || role.report || role.pronoun || is_latin_word(next))
            }
        }),
        Some(g) => !g.common && !g.particle,
        None => false,
    }
}

/// Is hit `h` a nationality adjective with its article ("الروسي", "التشيكي")? A name right
/// after one is introduced by it: "اللاعب التشيكي توماس بيرديتش".
fn definite_nisba(a: &Analysis, kb: &KnowledgeBase, h: &Hit) -> bool {
    h.clitic.is_empty()
        && a.text()[h.range.clone()].starts_with(ar::AL)
        && h.targets
            .iter()
            .any(|t| t.form == Form::Adjective && kb.records[t.record].kind == EntityKind::Country)
}

/// Skip the punctuation between a title phrase and its name ("،", ",", "/", ":"), but not a
/// sentence end. For honorifics "/" is the usual mark (السيد/).
fn skip_punct(a: &Analysis, s: &Sentence, mut t: usize, _honorific: bool) -> Option<usize> {
    let mut n = 0;
    while let Some(tok) = s.toks.get(t) {
        if tok.kind != TokKind::Punct {
            return Some(t);
        }
        if !matches!(&a.text()[tok.range.clone()], "،" | "," | "/" | "-") || n >= 2 {
            return None;
        }
        n += 1;
        t += 1;
    }
    None
}

/// The tokens of a name starting at token `t`. `cued`: a title or honorific stands before it.
fn name_run(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    t: usize,
    cued: bool,
) -> Option<Range<usize>> {
    let first = s.toks.get(t)?;
    if first.kind != TokKind::Word || hit_at(s, t).is_some() {
        return None;
    }
    if is_latin_word(tok_text(a, s, t)) {
        return latin_run(a, kb, s, t);
    }
    if cued {
        if let Some(run) = delimited_run(a, kb, s, t) {
            return Some(run);
        }
    }
    let mut end = t;
    let mut words = 0; // name words, not counting the particles between them
    let mut has_given = false;
    let mut lineage = false; // a particle joined two names (بن, آل)
    while end < s.toks.len() && words < 4 && end - t < 9 {
        let tok = &s.toks[end];
        // after a particle the next word is a name whatever else it may be (آل ثاني, بن علي,
        // بن سلطان — also a title)
        let after_particle = end > t
            && kb
                .given
                .get(tok_text(a, s, end - 1))
                .is_some_and(|g| g.particle);
        lineage |= after_particle && end - 1 > t;
        if after_particle
            && tok.kind == TokKind::Word
            && hit_at(s, end).is_none_or(|j| s.hits[j].tokens == (end..end + 1))
            && !is_latin_word(tok_text(a, s, end))
            && tok_text(a, s, end).chars().count() >= 2
        {
            words += 1;
            has_given = true;
            end += 1;
            continue;
        }
        if let Some(j) = hit_at(s, end).filter(|_| end > t) {
            // "علي السويدي", "أبو أيوب المصري": a nationality adjective right after a given
            // name is the family name (a person's nationality comes before the name)
            let h = &s.hits[j];
            let prev = kb.given.get(tok_text(a, s, end - 1));
            if h.tokens == (end..end + 1)
                && definite_nisba(a, kb, h)
                && prev.is_some_and(|g| !g.common && !g.particle)
            {
                end += 1;
            }
            break;
        }
        if tok.kind != TokKind::Word {
            break;
        }
        let w = tok_text(a, s, end);
        if end > t && is_latin_word(w) {
            break;
        }
        let role = s.role(a, kb, end);
        let given = if end == t {
            given_at(a, kb, s, t)
        } else {
            kb.given.get(w)
        };
        // after a title علي is the name (السيد علي السويدي)
        let cued_name = cued
            && end == t
            && kb.given.get(w).is_some_and(|g| !g.common)
            && !orig_str(a, tok.range.clone()).ends_with('ى')
            && s.toks
                .get(end + 1)
                .is_some_and(|n| n.kind == TokKind::Word && !s.role(a, kb, end + 1).stop);
        let stop = role.stop && !cued_name && !given_not_stop(a, kb, s, end);
        if stop || role.report || role.pronoun || w.chars().count() < 2 || is_latin_word(w) {
            break;
        }
        if given.is_some_and(|g| !g.particle) {
            words += 1;
            has_given |= given.is_some_and(|g| !g.common);
        }
        // "بأن" is also the name بان: a word that is a clitic on a function word opens no name
        // unless it is a given name in its own right
        if end == t && given.is_none_or(|g| g.common) && !name_word_shape(kb, w) {
            return None;
        }
        if given.is_none() {
            // "محمد بن عيد الكواري الوفد": after a lineage one family name ends the name
            if lineage && w.starts_with(ar::AL) && tok_text(a, s, end - 1).starts_with(ar::AL) {
                break;
            }
            words += 1;
            let n = w.chars().count();
            // the first word of a name is rarely a bare ال-word; later ones are surnames (السيسي)
            if end == t && w.starts_with(ar::AL) && !cued {
                return None;
            }
            // a foreign surname shaped like a verb or a ة-noun (جان كلود تريشيه، بوتفليقة)
            // after a known given name, when the name is closed right after it
            // a verbal noun after a name is the predicate's object (عطا ارتداء, هاني التمرير)
            if end > t && ar::derived_verb(w) {
                break;
            }
            if end > t
                && odd_surname(w)
                && has_given
                && clitic_len(a, kb, s, t) == 0
                && name_word_shape(kb, w)
                && name_ends(a, kb, s, end + 1)
            {
                end += 1;
                break;
            }
            if end > t && (ar::verb_shaped(w) || (n <= 3 && end - t >= 2)) {
                break;
            }
            // a verb right after a title is the predicate ("الفريق تلاشت"), not a name; a name
            // in commas has been taken whole above
            if end == t && ar::verb_shaped(w) {
                return None;
            }
            // ة-words are nouns and adjectives (اتفاقية خاصة); women's names are in the lexicon
            if w.ends_with('ه') || role.complement {
                break;
            }
            // a clitic article or conjunction opens another phrase (بالقول، وعلي)
            if end > t
                && (ar::ARTICLE_PROCLITICS.iter().any(|p| w.starts_with(p))
                    || w.starts_with(ar::WA))
            {
                break;
            }
            if !w.starts_with(ar::AL) && end > t {
                // one bare unknown word ends a name: the family name (حمدي سند لوزا); after a
                // known given name two may, when the name is closed after them (خوان بابلو
                // مونتويا سائق …)
                let second = end + 1;
                if has_given
                    && s.toks.get(second).is_some_and(|x| x.kind == TokKind::Word)
                    && hit_at(s, second).is_none()
                    && bare_foreign(kb, tok_text(a, s, second))
                    && name_ends(a, kb, s, second + 1)
                {
                    end += 1;
                }
                end += 1;
                break;
            }
        }
        end += 1;
    }
    // a particle never ends a name (محمد بن …)
    while end > t
        && kb
            .given
            .get(tok_text(a, s, end - 1))
            .is_some_and(|g| g.particle)
    {
        end -= 1;
    }
    // "الملك عبدالله الثاني": a regnal ordinal ends a ruler's name
    if end > t
        && s.toks.get(end).is_some_and(|x| x.kind == TokKind::Word)
        && s.role(a, kb, end).regnal
        && kb.given.contains_key(tok_text(a, s, end - 1))
    {
        end += 1;
    }
    if cued && end > t && bare_surname(kb, tok_text(a, s, t)) {
        // after a title an unknown ال-word is a surname alone, closed ("الرئيس البشير،") or
        // joined by a particle ("الأمير الوليد بن طلال"); otherwise it is the office's own
        // complement ("رئيس المكتب السياسي", "مدير البنك المركزي")
        let particle_next = end - t >= 2
            && kb
                .given
                .get(tok_text(a, s, t + 1))
                .is_some_and(|g| g.particle);
        if !particle_next && !closed_after(a, kb, s, t + 1) {
            return None;
        }
        if !particle_next {
            end = t + 1;
        }
    }
    (end > t).then_some(t..end)
}

/// The clitic conjunction or preposition before a given name ("وأسامة", "لأسامة", "بصدام"):
/// its length in bytes and the name's entry, for a word that is no given name itself.
fn clitic_given<'k>(kb: &'k KnowledgeBase, w: &str) -> Option<(usize, &'k super::kb::Given)> {
    if kb.given.contains_key(w) {
        return None;
    }
    given_after_clitic(kb, w)
}

/// [`clitic_given`] for a word known to be no given name itself.
fn given_after_clitic<'k>(kb: &'k KnowledgeBase, w: &str) -> Option<(usize, &'k super::kb::Given)> {
    ar::ONE_LETTER_PROCLITICS.iter().find_map(|c| {
        let rest = strip_proclitic(w, c)?;
        // three-letter names are too often a word's tail (وجود, وعمر)
        if rest.chars().count() < 4 {
            return None;
        }
        let g = kb.given.get(rest)?;
        let plain = !g.common && (!g.particle || g.opens) && !kb.word(rest).stop;
        plain.then_some((c.len(), g))
    })
}

/// The given name at token `t`, through a clitic.
fn given_at<'k>(
    a: &Analysis,
    kb: &'k KnowledgeBase,
    s: &Sentence,
    t: usize,
) -> Option<&'k super::kb::Given> {
    let w = tok_text(a, s, t);
    kb.given
        .get(w)
        .or_else(|| given_after_clitic(kb, w).map(|(_, g)| g))
}

/// Bytes of a clitic before the given name at token `t` (0 when there is none).
fn clitic_len(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> usize {
    clitic_given(kb, tok_text(a, s, t)).map_or(0, |(n, _)| n)
}

/// A given name that folds onto a stop word (علي and على both fold to علي) is the name when
/// written with its own final letter and after a particle or before another given name
/// (بن علي, علي حسن; not "علي طرقات", as outlets that write على with a dotted ي have it).
fn given_not_stop(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> bool {
    let w = tok_text(a, s, t);
    if kb.given.get(w).is_none_or(|g| g.common) {
        return false;
    }
    if orig_str(a, s.toks[t].range.clone()).ends_with('ى') {
        return false;
    }
    let after_particle = t > 0
        && kb
            .given
            .get(tok_text(a, s, t - 1))
            .is_some_and(|g| g.particle);
    after_particle
        || s.toks.get(t + 1).is_some_and(|n| {
            n.kind == TokKind::Word && hit_at(s, t + 1).is_none() && {
                let next = tok_text(a, s, t + 1);
                kb.given.get(next).is_some_and(|g| !g.common) && !kb.word(next).stop
            }
        })
}

/// Given names right before token `t` (a known person's surname alias: "أنغيلا ميركل",
/// "عبد العزيز بوتفليقة"), not before `floor`: the first token of the full name.
fn given_before(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize, floor: usize) -> usize {
    let mut start = t;
    while start > floor && t - start < 3 {
        let u = start - 1;
        if s.toks[u].kind != TokKind::Word || hit_at(s, u).is_some() {
            break;
        }
        let w = tok_text(a, s, u);
        let ok = match kb.given.get(w) {
            Some(g) => !g.common || g.particle,
            None => clitic_given(kb, w).is_some(),
        };
        if !ok || kb.word(w).stop {
            break;
        }
        start = u;
        if clitic_len(a, kb, s, u) > 0 {
            break; // the clitic opens the phrase: nothing before it is the name
        }
    }
    start
}

/// Particles and the names they join right after token `t` ("بن عبدالعزيز آل سعود"): the end
/// of the lineage, if there is one.
fn lineage_after(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> Option<usize> {
    let mut end = t;
    while end + 1 < s.toks.len() && end - t < 6 {
        let (p, n) = (&s.toks[end], &s.toks[end + 1]);
        let particle = p.kind == TokKind::Word
            && hit_at(s, end).is_none()
            && kb
                .given
                .get(tok_text(a, s, end))
                .is_some_and(|g| g.particle);
        if !particle || n.kind != TokKind::Word || is_latin_word(tok_text(a, s, end + 1)) {
            break;
        }
        end += 2;
    }
    (end > t).then_some(end)
}

/// A surname of a shape the name rules otherwise stop at: a foreign name shaped like an
/// imperfect verb, long enough not to be one (تريشيه, يودويونو; not تعرّض), or one ending in ة
/// (بوتفليقة, العطية).
fn odd_surname(w: &str) -> bool {
    let n = w.chars().count();
    let verb_like = ar::imperfect_prefixed(w);
    (verb_like && (n >= 5 || (n == 4 && (w.ends_with('ا') || w.ends_with('و')))))
        || (w.ends_with('ه') && !w.ends_with("ها"))
}

/// An unknown word that may be a second foreign surname word: no ال-word, clitic, verb shape
/// or everyday word.
fn bare_foreign(kb: &KnowledgeBase, w: &str) -> bool {
    let r = kb.word(w);
    w.chars().count() >= 3
        && !w.starts_with(ar::AL)
        && !w.starts_with(ar::WA)
        && !ar::verb_shaped(w)
        && !w.ends_with('ه')
        && !(r.stop || r.report || r.pronoun || r.complement)
        && !kb.given.get(w).is_some_and(|g| g.common)
        && name_word_shape(kb, w)
}

/// Does a name end before token `t`: the sentence end, punctuation, a particle or preposition
/// (closed as after a reporting verb), a stop word, a number, or another entity or title?
fn name_ends(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> bool {
    closed_after(a, kb, s, t)
        || hit_at(s, t).is_some()
        || s.toks.get(t).is_some_and(|x| {
            let w = tok_text(a, s, t);
            x.kind == TokKind::Number
                || (x.kind == TokKind::Word
                    && (kb.word(w).stop || w.strip_prefix(ar::WA).is_some_and(|r| kb.word(r).stop)))
        })
}

/// Can an unknown word open a name? Not a word with a clitic article (بالدرجة, للفريق), a
/// clitic before a function word (بأن, وبين, وعلى), nor a derived verb or verbal noun
/// (امتنع, استقبل, التدخل).
fn name_word_shape(kb: &KnowledgeBase, w: &str) -> bool {
    if ar::ARTICLE_PROCLITICS.iter().any(|p| w.starts_with(p)) {
        return false;
    }
    let clitic_on_function_word = ar::ONE_LETTER_PROCLITICS.iter().any(|c| {
        w.strip_prefix(c).is_some_and(|rest| {
            let r = kb.word(rest);
            r.stop || r.report || r.pronoun
        })
    });
    let clitic_on_verb = ar::VERB_PROCLITICS
        .iter()
        .any(|c| w.strip_prefix(c).is_some_and(ar::derived_verb));
    // يضيف, تقول after و: a verb, not a name (a longer one may be: ويليامز)
    let clitic_on_short_verb = ar::CONJUNCTIONS.iter().any(|c| {
        w.strip_prefix(c)
            .is_some_and(|r| ar::verb_shaped(r) && r.chars().count() <= 5)
    });
    !clitic_on_function_word
        && !ar::derived_verb(w)
        && !clitic_on_verb
        && !clitic_on_short_verb
        && !ar::participle_plural(w)
}

/// After a trade ("سائق ماكلارين", "لاعب بيلباو", "المدرب الأجنبي") the words are as often a
/// team or an adjective as a name: a name there opens with a given name, or is two words or
/// more closed by punctuation or a preposition.
fn occupation_name(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, n: &Range<usize>) -> bool {
    given_at(a, kb, s, n.start).is_some_and(|g| !g.common)
        || (n.len() >= 2
            && !tok_text(a, s, n.start).starts_with(ar::AL)
            && closed_after(a, kb, s, n.end))
}

/// An ال-word that is no known given name.
fn bare_surname(kb: &KnowledgeBase, w: &str) -> bool {
    w.starts_with(ar::AL) && !kb.given.contains_key(w)
}

/// A name closed by a comma or bracket within four words ("، جيورجي بوريسينكو،"): taken whole,
/// whatever the shape of its words.
fn delimited_run(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> Option<Range<usize>> {
    let mut end = t;
    while end < s.toks.len() && end - t <= 4 {
        let tok = &s.toks[end];
        if tok.kind == TokKind::Punct {
            let p = &a.text()[tok.range.clone()];
            return (matches!(p, "،" | "," | "(" | ")") && end > t).then_some(t..end);
        }
        let w = tok_text(a, s, end);
        let role = s.role(a, kb, end);
        if tok.kind != TokKind::Word
            || hit_at(s, end).is_some()
            || role.stop
            || role.report
            || is_latin_word(w)
        {
            return None;
        }
        end += 1;
    }
    None
}

/// An English name: capitalised words and initials ("Georgiy Y. Borisenko").
fn latin_run(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> Option<Range<usize>> {
    let mut end = t;
    let mut last_word = t;
    while end < s.toks.len() && end - t < 7 {
        let tok = &s.toks[end];
        let orig = orig_str(a, tok.range.clone());
        if tok.kind == TokKind::Punct && orig == "." && end == last_word && end > t {
            // the full stop of an initial ("Y.")
            if a.text()[s.toks[end - 1].range.clone()].chars().count() == 1 {
                end += 1;
                continue;
            }
            break;
        }
        if tok.kind != TokKind::Word || hit_at(s, end).is_some() || !starts_upper(orig) {
            break;
        }
        let role = s.role(a, kb, end);
        if role.stop || role.report {
            break;
        }
        end += 1;
        last_word = end;
    }
    (last_word > t).then_some(t..last_word)
}

/// The title phrase that starts at hit `k`.
fn title_phrase(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, k: usize) -> Role {
    let h = &s.hits[k];
    let t = h
        .targets
        .iter()
        .find(|t| t.form == Form::Title)
        .map(|t| &kb.titles[t.record]);
    let mut role = Role {
        title: t.filter(|t| !t.honorific).map(|t| t.title.clone()),
        honorific: t.is_some_and(|t| t.honorific),
        occupation: t.is_some_and(|t| t.occupation),
        country: t.and_then(|t| t.body.clone()),
        range: h.range.clone(),
        next_tok: h.tokens.end,
    };
    // English: "Russia's Ambassador", "the Russian ambassador" (an Arabic adjective follows its
    // title: "الشعب الفلسطيني ورئيسه" is no Palestinian president)
    if let Some(p) = k
        .checked_sub(1)
        .map(|j| &s.hits[j])
        .filter(|_| is_latin_word(&a.text()[h.range.clone()]))
    {
        let g = gap(a, p.range.end, h.word_start);
        if matches!(g, "" | "'s" | "’s") {
            if let Some(c) = country_of(p, kb) {
                role.country.get_or_insert_with(|| kb.records[c].id.clone());
                role.range.start = p.range.start;
            }
        }
    }
    if t.is_some_and(|t| !t.honorific)
        && is_latin_word(&a.text()[h.range.clone()])
        && role.country.is_none()
    {
        // "in general", "the minister": a lower-case English title needs a capital or "the"
        let capital = a
            .mention(h.range.clone())
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let the = h.tokens.start > 0 && tok_text(a, s, h.tokens.start - 1) == "the";
        if !capital && !the {
            role.title = None;
        }
    }
    if role.honorific {
        return role;
    }
    // what the office belongs to: "سفير روسيا لدى القاهرة", "وزير الخارجية المصري", "of the UN"
    let mut j = k + 1;
    while let Some(n) = s.hits.get(j) {
        let g = gap(a, s.hits[j - 1].range.end, n.word_start);
        if !(g.is_empty() || g == "(" || g.split_whitespace().all(|w| kb.word(w).link)) {
            break;
        }
        let attach = attach_of(kb, n);
        match attach {
            Attach::Country(id) | Attach::Body(id) => {
                role.country.get_or_insert(id);
            }
            Attach::Place => {}
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
    complement(a, kb, s, &mut role);
    conjoined_portfolio(a, kb, s, &mut role);
    role
}

/// An Arabic title of one word without its article, nothing attached, and a word right after
/// it is in the construct state: what follows is what it heads ("رئيس قسم التحقيقات", "لاعب
/// برشلونة", "قائد منفذي الهجمات"), not a name, which comes after the definite title
/// ("الرئيس بوتين") or after what the title heads.
fn construct_title(a: &Analysis, s: &Sentence, k: usize, role: &Role) -> bool {
    let h = &s.hits[k];
    let w = &a.text()[h.range.clone()];
    !role.honorific
        && h.tokens.len() == 1
        && role.country.is_none()
        && role.next_tok == h.tokens.end
        && !w.starts_with(ar::AL)
        && !is_latin_word(w)
        && s.toks
            .get(role.next_tok)
            .is_some_and(|t| t.kind == TokKind::Word)
}

/// "وزير الطاقة والنفط": a second portfolio joined by و belongs to the office.
fn conjoined_portfolio(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, role: &mut Role) {
    let mut t = role.next_tok;
    while t < s.toks.len() && t < role.next_tok + 2 {
        let tok = &s.toks[t];
        let w = tok_text(a, s, t);
        let definite = w
            .strip_prefix(ar::WA)
            .is_some_and(|r| r.starts_with(ar::AL));
        if tok.kind != TokKind::Word || hit_at(s, t).is_some() || !definite || kb.word(w).stop {
            break;
        }
        t += 1;
    }
    if t > role.next_tok && role.title.is_some() {
        role.range.end = s.toks[t - 1].range.end;
        role.next_tok = t;
    }
}

/// "… لشؤون مكافحة الإرهاب": the words that complete an office belong to the phrase, up to
/// punctuation.
fn complement(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, role: &mut Role) {
    if !s
        .toks
        .get(role.next_tok)
        .is_some_and(|t| t.kind == TokKind::Word && s.role(a, kb, role.next_tok).complement)
    {
        return;
    }
    let mut t = role.next_tok;
    while t < s.toks.len() && t < role.next_tok + 5 && s.toks[t].kind == TokKind::Word {
        t += 1;
    }
    role.range.end = s.toks[t - 1].range.end;
    role.next_tok = t;
}

enum Attach {
    Country(String),
    Body(String),
    Place,
    Title(String),
    None,
}

fn attach_of(kb: &KnowledgeBase, n: &Hit) -> Attach {
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

/// The role phrase ending right before hit `k` (a title, then the person's name).
fn role_before(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, k: usize) -> Option<Role> {
    let h = &s.hits[k];
    (0..k)
        .rev()
        .take(4)
        .map(|j| title_phrase(a, kb, s, j))
        .find(|r| {
            r.next_tok <= h.tokens.start
                && s.toks[r.next_tok..h.tokens.start]
                    .iter()
                    .all(|t| t.kind == TokKind::Punct)
                && s.hits
                    .iter()
                    .any(|x| x.range.start == r.range.start || x.tokens.end == r.next_tok)
        })
        .filter(|r| r.title.is_some() || r.honorific)
}

/// A title phrase right after a name, or in brackets after it: "حمدي سند لوزا نائب وزير
/// الخارجية المصري", "فلاديمير إيفانوفيتش ( وكيل سكرتير عام … )", "Borisenko, Russia's ambassador".
fn apposition(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> Option<Role> {
    let mut u = t;
    while s.toks.get(u).is_some_and(|x| {
        x.kind == TokKind::Punct && matches!(&a.text()[x.range.clone()], "(" | "," | "،")
    }) && u < t + 2
    {
        u += 1;
    }
    // "the Russian ambassador": skip the article
    if s.toks
        .get(u)
        .is_some_and(|x| &a.text()[x.range.clone()] == "the")
    {
        u += 1;
    }
    // the hit starting at token u (or at u + 1 after punctuation), found through the token's
    // hit index: a scan of the sentence's hits made a sentence of many names quadratic
    let starting_at = |v: usize| {
        s.hit_of
            .get(v)
            .copied()
            .flatten()
            .filter(|&k| s.hits[k].tokens.start == v)
    };
    let k = starting_at(u).or_else(|| starting_at(u + 1).filter(|_| u > t))?;
    let h = &s.hits[k];
    if !h.clitic.is_empty() {
        return None; // "ومسؤول أممي": another person, not an apposition
    }
    let role = if h.targets.iter().any(|x| x.form == Form::Title) {
        title_phrase(a, kb, s, k)
    } else if country_of(h, kb).is_some() {
        // "Russia's Ambassador" after a comma: the country opens the phrase
        let next = s
            .hits
            .get(k + 1)
            .filter(|n| n.targets.iter().any(|x| x.form == Form::Title))?;
        let _ = next;
        title_phrase(a, kb, s, k + 1)
    } else {
        return None;
    };
    (role.title.is_some()).then_some(role)
}

/// Add a person named by tokens `toks` of sentence `s`.
fn add_named(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    toks: Range<usize>,
    role: Option<Role>,
    people: &mut People,
) {
    let range = s.toks[toks.start].range.start + clitic_len(a, kb, s, toks.start)
        ..s.toks[toks.end - 1].range.end;
    let folded = &a.text()[range.clone()];
    let original = a.mention(range.clone()).text;
    let name = if is_latin_word(folded) {
        original.clone()
    } else {
        translit::latin(folded, &kb.given)
    };
    let after = apposition(a, kb, s, toks.end);
    let title = after
        .as_ref()
        .and_then(|r| r.title.clone())
        .or_else(|| role.as_ref().and_then(|r| r.title.clone()));
    let country = after
        .and_then(|r| r.country)
        .or_else(|| role.and_then(|r| r.country));
    let words: Vec<&str> = folded.split_whitespace().collect();
    let surname =
        (words.len() >= 2).then(|| words[words.len() - 1].trim_end_matches('.').to_string());
    let key = translit::key(folded);
    people.add(Person {
        id: format!("person-{}", translit::slug(&name)),
        name,
        key,
        surname,
        title,
        country,
        mentions: vec![range],
        role_only: false,
    });
}

/// One-word names that are the surname of a fuller name join it.
fn merge_surnames(people: &mut People) {
    // (key of the surname, person), in document order so the choice is deterministic
    // (a person without a surname is never among them, so the first is never the person itself)
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for (i, p) in people.list.iter().enumerate() {
        if let Some(s) = p.surname.as_deref() {
            surnames.entry(translit::key(s)).or_insert(i);
        }
    }
    let mut gone = vec![false; people.list.len()];
    for (i, done) in gone.iter_mut().enumerate() {
        let p = &people.list[i];
        if p.surname.is_some() || p.role_only || p.key.is_empty() {
            continue;
        }
        let Some(&j) = surnames.get(&p.key) else {
            continue;
        };
        let mut m = std::mem::take(&mut people.list[i].mentions);
        let (t, c) = (people.list[i].title.clone(), people.list[i].country.clone());
        let q = &mut people.list[j];
        q.mentions.append(&mut m);
        q.title = q.title.take().or(t);
        q.country = q.country.take().or(c);
        *done = true;
    }
    let mut it = gone.into_iter();
    people.list.retain(|_| !it.next().unwrap_or(false));
}

/// Every other occurrence of a person's surname in the text is a mention ("Borisenko noted").
/// The lengths and last bytes of a few words: most words of a text are none of a document's
/// surnames, and this turns them away before they are hashed.
#[derive(Default)]
struct Shapes {
    lens: u64,
    lasts: [u64; 4],
}

impl Shapes {
    fn insert(&mut self, w: &str) {
        let b = w.as_bytes();
        self.lens |= 1 << b.len().min(63);
        if let Some(&l) = b.last() {
            self.lasts[usize::from(l >> 6)] |= 1 << (l & 63);
        }
    }

    /// False only when no word inserted has this length and last byte.
    fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        self.lens & (1 << b.len().min(63)) != 0
            && b.last()
                .is_some_and(|&l| self.lasts[usize::from(l >> 6)] & (1 << (l & 63)) != 0)
    }
}

fn surname_mentions(a: &Analysis, kb: &KnowledgeBase, sentences: &[Sentence], people: &mut People) {
    let mut by_surname: WordMap<&str, usize> = WordMap::default();
    let mut shapes = Shapes::default();
    for (i, p) in people.list.iter().enumerate() {
        if let Some(s) = p.surname.as_deref() {
            // "الحسين", "الوليد": a given name with its article names a team, a city or anyone
            let given_alone = s
                .strip_prefix(ar::AL)
                .is_some_and(|r| kb.given.contains_key(s) || kb.given.contains_key(r));
            if s.chars().count() >= 3 && !given_alone {
                by_surname.insert(s, i);
                shapes.insert(s);
            }
        }
    }
    if by_surname.is_empty() {
        return;
    }
    // every person's mentions by start, with the running maximum end: "is this occurrence
    // inside a name already" (its own or another person's: the محمد of "عيد بن محمد" is no
    // mention of a "… محمد" named elsewhere) is one binary search, however many names there are
    let mut ms: Vec<Range<usize>> = people
        .list
        .iter()
        .flat_map(|p| p.mentions.iter().cloned())
        .collect();
    ms.sort_by_key(|m| m.start);
    let max_end: Vec<usize> = ms
        .iter()
        .scan(0, |e, m| {
            *e = m.end.max(*e);
            Some(*e)
        })
        .collect();
    let mut add: Vec<(usize, Range<usize>)> = Vec::new();
    let surname = |w: &str| {
        shapes
            .may_contain(w)
            .then(|| by_surname.get(w).copied())
            .flatten()
    };
    for s in sentences {
        for tok in &s.toks {
            let w = &a.text()[tok.range.clone()];
            // the word itself, or after a clitic conjunction or preposition ("وبوتين", "لبلير")
            let found = surname(w).map(|i| (i, 0)).or_else(|| {
                ar::ONE_LETTER_PROCLITICS
                    .iter()
                    .find_map(|c| strip_proclitic(w, c).map(|rest| (rest, c.len())))
                    .and_then(|(rest, n)| surname(rest).map(|i| (i, n)))
            });
            if let Some((i, off)) = found {
                let r = tok.range.start + off..tok.range.end;
                let k = ms.partition_point(|m| m.start <= r.start);
                if k == 0 || max_end[k - 1] < r.end {
                    add.push((i, r));
                }
            }
        }
    }
    for (i, r) in add {
        people.list[i].mentions.push(r);
    }
}

/// Roles without names join the person holding the role; pronouns the last person named; a
/// specific office held by no named person becomes a person of its own.
fn resolve_roles(people: &mut People) {
    let roles = std::mem::take(&mut people.roles);
    let mut roles: Vec<RoleMention> = roles;
    roles.sort_by_key(|r| r.range.start);
    // Mentions not yet passed, by end: as the roles go forward, those ending before a role are
    // folded into `last`, the (start, person) of the latest-starting one, so a pronoun's
    // antecedent costs no scan of every mention. Mentions given out below join the queue.
    let mut ahead: BinaryHeap<Reverse<(usize, usize, usize)>> = people
        .list
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| Reverse((m.end, m.start, i))))
        .collect();
    let mut last: Option<(usize, usize)> = None;
    // the first holder of each office, found once (an office nobody holds is looked up again
    // only after a person is added)
    let mut holders: HashMap<(Option<String>, Option<String>), Option<usize>> = HashMap::new();
    for r in roles {
        while let Some(&Reverse((end, start, i))) = ahead.peek() {
            if end > r.range.start {
                break;
            }
            ahead.pop();
            last = last.max(Some((start, i)));
        }
        let given = |i: usize, ahead: &mut BinaryHeap<_>| {
            ahead.push(Reverse((r.range.end, r.range.start, i)));
        };
        if r.pronoun {
            if let Some((_, i)) = last {
                people.list[i].mentions.push(r.range.clone());
                given(i, &mut ahead);
            }
            continue;
        }
        let office = (r.role.title.clone(), r.role.country.clone());
        let holder = *holders
            .entry(office)
            .or_insert_with(|| people.list.iter().position(|p| holds(p, &r.role)));
        match holder {
            Some(i) => {
                people.list[i].mentions.push(r.range.clone());
                given(i, &mut ahead);
            }
            None => {
                let title = r.role.title.clone().unwrap_or_default();
                if title == "official" || title == "deputy" {
                    continue;
                }
                let name = match &r.role.country {
                    Some(c) => format!("{title} ({c})"),
                    None => title.clone(),
                };
                let id = format!("role-{}", translit::slug(&name));
                people.list.push(Person {
                    id,
                    name,
                    key: String::new(),
                    surname: None,
                    title: Some(title),
                    country: r.role.country.clone(),
                    mentions: vec![r.range.clone()],
                    role_only: true,
                });
                given(people.list.len() - 1, &mut ahead);
                holders.retain(|_, h| h.is_some());
            }
        }
    }
}

/// Does person `p` hold the office of role `r`?
fn holds(p: &Person, r: &Role) -> bool {
    let country_ok = match (&r.country, &p.country) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let title = r.title.as_deref().unwrap_or("");
    let title_ok = match (title, p.title.as_deref()) {
        // "المسؤول الأممي": any official of that state or body
        ("official", _) => r.country.is_some(),
        (t, Some(pt)) => t == pt || pt.ends_with(t),
        _ => false,
    };
    country_ok && title_ok
}
