//! Organisations found by the shape of their name, beside the ones the tables know.
//!
//! Arabic: a head noun (data/org_words.tsv: حزب، حركة، جامعة، شركة، مجلس…), after its proclitic,
//! opens a name made of what may follow it in a construct: known places and countries (جامعة
//! القاهرة), nationality adjectives (حزب العمال البريطاني), ال-words (اتحاد الكرة), proper names the
//! tables do not know (شركة أرامكو), capitalised Latin words (شركة Sony) and one complement (معهد
//! الدراسات للبحوث، المؤسسة العربية لضمان الاستثمار). The name stops at punctuation, numbers,
//! prepositions, particles, reporting verbs, a word after a clitic (وروسيا), a title or institution,
//! and at words that make the phrase an everyday one (حركة المرور، مجلس الإدارة، المركز الثاني).
//!
//! Precision guards: a *weak* head (مجلس، مركز، لجنة) needs a place, a country, an adjective of
//! one, a proper name or a complement in its name; a *definite* head (البنك، الحركة) needs a
//! nisba adjective and then a second one, a known place or a complement (البنك المركزي الأوروبي,
//! not "الصحيفة البريطانية"); an indefinite word counts as a proper name only if it is no everyday
//! word of the tables and does not look like an adjective (…ي، …ة), a plural (…ات) or a verb. A
//! *descriptor* head names the kind of body and is left out of the mention before a proper name
//! ("صحيفة نيويورك تايمز" → the known paper; "شركة أرامكو" → أرامكو). A head before a known
//! organisation extends that organisation's mention (منظمة أوبك).
//!
//! English: capitalised words closed by a head (Harvard University, Labour Party, Acme
//! Corporation), a legal form (Apple Inc.), or "X of Y" after a head that takes it (University of
//! Cairo, Bank of Japan, Ministry of Agriculture), or partners joined by an ampersand (`firms`:
//! "Douglas & Lomason", "McDonald & Co"). Spans over a known organisation or institution
//! are left to the tables. An acronym defined in brackets after a name ("… (NAPM)") is a mention
//! of it wherever it occurs, and a long form the heads miss is found by its initials
//! (`acronyms`); the sides of a sports results line are clubs (`results`).
//!
//! The organisation carries the country named inside it. Its words are claimed: a capital or place
//! inside the name ("جامعة القاهرة") is no separate mention, and persons found inside it later
//! ("جامعة جورج تاون") are dropped; country names and adjectives stay country mentions, as they do
//! inside national institutions.

use std::collections::HashMap;
use std::ops::Range;

use super::kb::{Form, KnowledgeBase, OrgRole};
use super::resolve::add_record;
use super::translit;
use super::{Acc, Ctx, Found, Sentence};
use crate::analysis::Analysis;
use crate::doc::EntityKind;
use crate::lang::ar::{self, strip_proclitic};
use crate::lang::en;
use crate::text::segment::TokKind;

/// Most tokens in the name after a head.
const MAX_PART: usize = 8;
/// Most proper-name words in a row after an Arabic head, and capitalised words before an English one.
const MAX_PROPER: usize = 4;

/// An organisation's name in one sentence.
#[derive(Debug, Clone)]
struct Span {
    /// Tokens claimed: the head and its name.
    toks: Range<usize>,
    /// Folded range of the mention.
    range: Range<usize>,
    /// The country named inside the name.
    country: Option<String>,
    /// A known organisation the name is (منظمة أوبك → OPEC).
    known: Option<usize>,
}

/// Where an organisation's name lies in the original text (character offsets) and its entity.
pub(crate) struct Claim {
    chars: Range<usize>,
    entity: usize,
}

/// Find the organisations of every sentence, add them to `acc`, and take the hits inside their
/// names out of the sentences. Returns the claims for [`settle`].
pub(crate) fn find(
    a: &Analysis,
    kb: &KnowledgeBase,
    sentences: &mut [Sentence],
    acc: &mut Acc,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    // acronyms defined after a name ("… (NAPM)"), as written, and their organisations
    let mut defined: HashMap<String, usize> = HashMap::new();
    for s in sentences.iter_mut() {
        let cx = Ctx::new(a, kb, s);
        let mut spans = arabic(cx);
        spans.extend(english(cx));
        spans.extend(acronyms::long_forms(cx));
        spans.extend(results::teams(cx));
        spans.extend(firms::ampersand_firms(cx));
        if spans.is_empty() {
            continue;
        }
        // of two names from one token the longer ("National Association of Purchasing
        // Management (NAPM)" over "National Association")
        spans.sort_by_key(|sp| (sp.toks.start, std::cmp::Reverse(sp.toks.end)));
        let mut last_end = 0;
        spans.retain(|sp| {
            let ok = sp.toks.start >= last_end;
            if ok {
                last_end = sp.toks.end;
            }
            ok
        });
        for sp in &spans {
            let entity = add(a, kb, acc, sp);
            let m = a.mention(sp.range.clone());
            claims.push(Claim {
                chars: m.start..m.end,
                entity,
            });
            if let Some(acr) = acronyms::bracketed(cx, sp.toks.end) {
                defined.entry(acr.to_string()).or_insert(entity);
            }
        }
        release(kb, s, &spans);
    }
    acronym_mentions(a, sentences, &defined, acc, &mut claims);
    claims
}

/// Every occurrence of an acronym defined in the document ("(NAPM)", "NAPM said") is a
/// mention of its organisation, where no other name holds the word.
fn acronym_mentions(
    a: &Analysis,
    sentences: &[Sentence],
    defined: &HashMap<String, usize>,
    acc: &mut Acc,
    claims: &mut Vec<Claim>,
) {
    if defined.is_empty() {
        return;
    }
    let mut held: Vec<Range<usize>> = claims.iter().map(|c| c.chars.clone()).collect();
    held.sort_by_key(|r| r.start);
    let mut found = Vec::new();
    for s in sentences {
        for (t, tok) in s.toks.iter().enumerate() {
            if tok.kind != TokKind::Word || s.hit_of[t].is_some() {
                continue;
            }
            let Some(&entity) = defined.get(a.orig_text(a.orig(tok.range.clone()))) else {
                continue;
            };
            let m = a.mention(tok.range.clone());
            let k = held.partition_point(|r| r.start <= m.start);
            if k > 0 && held[k - 1].end >= m.end {
                continue; // inside a name already
            }
            found.push((entity, tok.range.clone(), m.start..m.end));
        }
    }
    for (entity, range, chars) in found {
        acc.mention(a, entity, range);
        claims.push(Claim { chars, entity });
    }
}

/// Drop the person and place mentions that other rules found inside an organisation's name.
pub(crate) fn settle(acc: &mut Acc, claims: &[Claim]) {
    if claims.is_empty() {
        return;
    }
    let mut sorted: Vec<&Claim> = claims.iter().collect();
    sorted.sort_by_key(|c| c.chars.start);
    for (i, e) in acc.entities.iter_mut().enumerate() {
        if !matches!(e.kind, EntityKind::Person | EntityKind::Location) {
            continue;
        }
        e.mentions.retain(|m| {
            // the last claim starting at or before the mention is the only one that can hold it
            // (claims of one document do not overlap)
            let k = sorted.partition_point(|c| c.chars.start <= m.start);
            k == 0 || {
                let c = sorted[k - 1];
                c.entity == i || m.end > c.chars.end
            }
        });
    }
}

/// Add the organisation of a span; returns its entity index.
fn add(a: &Analysis, kb: &KnowledgeBase, acc: &mut Acc, sp: &Span) -> usize {
    if let Some(r) = sp.known {
        return add_record(a, kb, acc, r, sp.range.clone());
    }
    let folded = &a.text()[sp.range.clone()];
    let name = a.mention(sp.range.clone()).text;
    let id = format!(
        "org-{}",
        translit::slug(&translit::latin(folded, &kb.given))
    );
    acc.add(
        a,
        Found::org(&id, &name, sp.country.as_deref()),
        sp.range.clone(),
    )
}

/// Take out of the sentence the hits an organisation's name has used: places and capitals inside
/// it, and the known organisation it extends. Country names and adjectives stay.
fn release(kb: &KnowledgeBase, s: &mut Sentence, spans: &[Span]) {
    let inside = |t: &Range<usize>| {
        spans
            .iter()
            .any(|sp| sp.toks.start <= t.start && t.end <= sp.toks.end)
    };
    s.hits.retain(|h| {
        !inside(&h.tokens)
            || h.targets.iter().any(|t| {
                matches!(t.form, Form::Name | Form::Adjective)
                    && kb.records[t.record].kind == EntityKind::Country
            })
    });
    s.hit_of = vec![None; s.toks.len()];
    for (k, h) in s.hits.iter().enumerate() {
        for t in h.tokens.clone() {
            if let Some(slot) = s.hit_of.get_mut(t) {
                slot.get_or_insert(k);
            }
        }
    }
}

/// What a hit of the tables is inside a name.
enum Meaning {
    /// A country, a place or a capital, or the adjective of a country: with its country.
    Place(Option<String>),
    /// A known organisation.
    Org(usize),
    /// A person, title or institution: the name ends before it.
    Other,
}

fn meaning(kb: &KnowledgeBase, k: usize, s: &Sentence) -> Meaning {
    // the first meaning decides, as it does for the resolver
    let Some(t) = s.hits[k].targets.first() else {
        return Meaning::Other;
    };
    if !matches!(t.form, Form::Name | Form::Adjective | Form::Capital) {
        return Meaning::Other;
    }
    let rec = &kb.records[t.record];
    match rec.kind {
        EntityKind::Country => Meaning::Place(Some(rec.id.clone())),
        EntityKind::Location => {
            let state = rec.state.map(|st| kb.records[st].id.clone());
            Meaning::Place(state.or_else(|| rec.country.clone()))
        }
        EntityKind::Org if t.form == Form::Name => Meaning::Org(t.record),
        _ => Meaning::Other,
    }
}

/// Is the original of folded range `r` capitalised?
fn capitalised(a: &Analysis, r: Range<usize>) -> bool {
    // the original text read in place, not copied into a mention
    en::starts_upper(a.orig_text(a.orig(r)))
}

/// A folded ال-word shaped like a nisba adjective (المركزي، الطلابية).
fn is_nisba(w: &str) -> bool {
    ar::has_article(w) && (w.ends_with('ي') || w.ends_with("يه"))
}

fn starts_definite(w: &str) -> bool {
    w.strip_prefix(ar::AL)
        .is_some_and(|r| r.chars().count() >= 2)
}

/// Could this indefinite Arabic word be a proper name (أرامكو، رويان) rather than an adjective,
/// a plural, a verb or an everyday word?
fn proper_like(kb: &KnowledgeBase, w: &str) -> bool {
    let n = w.chars().count();
    let role = kb.word(w);
    // three-letter words are mostly Arabic nouns and verbs (جذب، سحب); names of bodies are longer
    if n < 4 || w.starts_with(ar::LIL) || role.stop || role.common || role.report {
        return false;
    }
    if kb.org_word(w).is_some() {
        return false;
    }
    // feminine or nisba adjectives (كبيرة، تجاري), sound plurals (دراسات)
    if w.ends_with('ه') || w.ends_with('ي') || w.ends_with("ات") {
        return false;
    }
    // verbs: imperfect يعمل، تطالب، نرفض; perfect with the feminine ending قدمت، كانت
    let last = w.chars().next_back().unwrap_or(' ');
    let imperfect = ar::imperfect_prefixed(w) && (4..=5).contains(&n) && !"اوي".contains(last);
    let perfect = last == 'ت' && n <= 5;
    !(imperfect || perfect)
}

/// The name after a head, from token `start`.
#[derive(Default)]
struct Part {
    /// One past its last token.
    end: usize,
    definite: usize,
    nisba: usize,
    /// The first word is a nisba ال-word.
    first_nisba: bool,
    proper: usize,
    latin: usize,
    place: bool,
    complement: bool,
    /// The first word makes the phrase an everyday one.
    not_name: bool,
    country: Option<String>,
    /// The name is a known organisation (its record).
    org: Option<usize>,
}

/// What follows a head: see the module doc for what it may hold.
fn name_part(cx: Ctx, start: usize) -> Part {
    let text = cx.text();
    let mut p = Part {
        end: start,
        ..Part::default()
    };
    let mut j = start;
    let mut after_complement = usize::MAX;
    while j < cx.sent.toks.len() && j - start < MAX_PART {
        let tok = &cx.sent.toks[j];
        if tok.kind != TokKind::Word {
            break;
        }
        if let Some(k) = cx.sent.hit_of[j] {
            let h = &cx.sent.hits[k];
            if h.tokens.start != j || !h.clitic.is_empty() || p.complement {
                break;
            }
            // a nationality adjective, as against the name of a place (a Latin name after
            // Arabic words is the name given again in English, not part of the Arabic one)
            let adjective = h.targets.first().is_some_and(|t| t.form == Form::Adjective)
                || en::is_latin_word(&text[h.range.clone()]);
            match meaning(cx.kb, k, cx.sent) {
                // after a proper name a nationality adjective gives the country, outside the name
                // ("شركة فولكسفاجن الألمانية"); a place's own name goes on inside it ("جامعة جنوب
                // كاليفورنيا")
                Meaning::Place(c) if p.proper + p.latin > 0 && adjective => {
                    p.country = p.country.take().or(c);
                    break;
                }
                Meaning::Place(c) => {
                    p.place = true;
                    p.country = p.country.take().or(c);
                }
                Meaning::Org(r) if j == start => {
                    p.org = Some(r);
                    p.end = h.tokens.end;
                    return p;
                }
                _ => break,
            }
            j = h.tokens.end;
            p.end = j;
            continue;
        }
        let w = &text[tok.range.clone()];
        if en::is_latin_word(w) {
            if p.definite + p.proper > 0 || !capitalised(cx.doc, tok.range.clone()) {
                break;
            }
            p.latin += 1;
            j += 1;
            p.end = j;
            continue;
        }
        let role = cx.role(j);
        // "common" words are stop words for persons, but an organisation's name holds them
        if (role.stop && !role.common) || role.report || cx.kb.org_word(w).is_some() {
            p.not_name |= j == start && cx.kb.org_word(w) == Some(OrgRole::NotName);
            break;
        }
        // "حركة المسلحين", "لجنة المواطنين": a head before everyday people is their doing, no name
        let people = role.common && ar::SOUND_PLURAL_SUFFIXES.iter().any(|s| w.ends_with(s));
        if j == start && people {
            p.not_name = true;
            break;
        }
        let named = p.proper + p.latin > 0;
        let step = if starts_definite(w) {
            // a proper name ends the name: "شركة فولكسفاجن الألمانية" is the German Volkswagen
            if named {
                break;
            }
            // adjectives agree with what they follow: after one, only adjectives (not "المؤلفة")
            if p.nisba > 0 && !is_nisba(w) {
                break;
            }
            p.first_nisba |= j == start && is_nisba(w);
            p.nisba += usize::from(is_nisba(w));
            p.definite += 1;
            1
        } else if let Some(n) = complement(cx, j).filter(|_| j > start && !p.complement && !named) {
            p.complement = true;
            after_complement = j + n;
            n
        } else if after_complement == j && w.starts_with(ar::WA_AL) {
            after_complement = j + 1;
            1 // "للتبشير والجهاد", "للتربية والعلم والثقافة"
        } else if p.definite + p.latin == 0
            && !p.place
            && !p.complement
            && p.proper < MAX_PROPER
            && proper_like(cx.kb, w)
        {
            p.proper += 1;
            1
        } else {
            break;
        };
        j += step;
        p.end = j;
    }
    p
}

/// A complement at token `j` (للدراسات، لضمان الاستثمار): how many tokens it takes.
fn complement(cx: Ctx, j: usize) -> Option<usize> {
    let text = cx.text();
    let w = &text[cx.sent.toks[j].range.clone()];
    if w.starts_with(ar::LIL) && w.chars().count() >= 4 {
        return Some(1);
    }
    let next = cx
        .tok(j + 1)
        .filter(|t| t.kind == TokKind::Word && cx.sent.hit_of[j + 1].is_none())?;
    let nw = &text[next.range.clone()];
    (w.starts_with(ar::LI) && w.chars().count() >= 4 && starts_definite(nw) && !cx.kb.word(nw).stop)
        .then_some(2)
}

/// The head at the start of a word: (bytes of its clitic, definite?, role).
fn head_of(kb: &KnowledgeBase, word: &str) -> Option<(usize, bool, OrgRole)> {
    let is_head = |w: &str| {
        kb.org_word(w)
            .filter(|r| matches!(r, OrgRole::Head | OrgRole::Weak | OrgRole::Descriptor))
    };
    // a head is what remains of the word after its clitic: its ending says whether one can be
    if !kb.may_end_with_head(word) {
        return None;
    }
    // every clitic is Arabic: a word of another script can only be a head itself
    if !ar::starts_arabic_block(word) {
        return is_head(word).map(|role| (0, false, role));
    }
    for c in ar::INDEFINITE_PROCLITICS {
        if let Some(role) = strip_proclitic(word, c).and_then(is_head) {
            return Some((c.len(), false, role));
        }
    }
    for c in ar::DEFINITE_PROCLITICS {
        if let Some(role) = strip_proclitic(word, c).and_then(is_head) {
            // the mention keeps the article (والحزب → الحزب); after لل it has no alif to keep
            let clitic = c.strip_suffix(ar::AL).map_or(c.len(), str::len);
            return Some((clitic, true, role));
        }
    }
    None
}

/// Arabic organisations of a sentence.
fn arabic(cx: Ctx) -> Vec<Span> {
    let mut out = Vec::new();
    // a sentence in ASCII has no head to open a name (one pass over its bytes says so)
    if !cx.kb.ascii_heads() && cx.sentence_text().is_ascii() {
        return out;
    }
    let mut i = 0;
    while i < cx.sent.toks.len() {
        match arabic_at(cx, i) {
            Some(sp) => {
                i = sp.toks.end;
                out.push(sp);
            }
            None => i += 1,
        }
    }
    out
}

fn arabic_at(cx: Ctx, i: usize) -> Option<Span> {
    let tok = &cx.sent.toks[i];
    if tok.kind != TokKind::Word || cx.sent.hit_of[i].is_some() {
        return None;
    }
    let (clitic, definite, role) = head_of(cx.kb, &cx.text()[tok.range.clone()])?;
    let p = name_part(cx, i + 1);
    if p.end == i + 1 || p.not_name {
        return None;
    }
    let head_start = tok.range.start + clitic;
    let end = cx.sent.toks[p.end - 1].range.end;
    if let Some(r) = p.org {
        // "منظمة أوبك" is OPEC with its head; "صحيفة نيويورك تايمز" is the paper alone
        return (role != OrgRole::Descriptor && !definite).then_some(Span {
            toks: i..p.end,
            range: head_start..end,
            country: None,
            known: Some(r),
        });
    }
    let named = p.place || p.proper > 0 || p.latin > 0 || p.complement;
    let ok = if definite {
        p.first_nisba && (p.nisba >= 2 || p.place || p.complement)
    } else if role == OrgRole::Descriptor {
        // "شركة النفط النيجيرية" describes a company; "شركة أرامكو" names one
        p.proper + p.latin > 0 || p.complement
    } else if role == OrgRole::Weak {
        named || (p.definite >= 2 && p.nisba >= 1)
    } else {
        true
    };
    if !ok {
        return None;
    }
    // "شركة أرامكو": the company is أرامكو
    let proper_first = cx.sent.hit_of[i + 1].is_none()
        && !starts_definite(&cx.text()[cx.sent.toks[i + 1].range.clone()]);
    let start = if role == OrgRole::Descriptor && proper_first && !definite {
        cx.sent.toks[i + 1].range.start
    } else {
        head_start
    };
    Some(Span {
        toks: i..p.end,
        range: start..end,
        country: p.country,
        known: None,
    })
}

/// English organisations of a sentence: "Harvard University", "Apple Inc.", "Bank of Japan".
fn english(cx: Ctx) -> Vec<Span> {
    let text = cx.text();
    let mut out: Vec<Span> = Vec::new();
    for (j, tok) in cx.sent.toks.iter().enumerate() {
        let w = &text[tok.range.clone()];
        if tok.kind != TokKind::Word
            || !en::is_latin_word(w)
            || out.last().is_some_and(|sp| j < sp.toks.end)
        {
            continue;
        }
        let Some(role) = cx.kb.org_word(w) else {
            continue;
        };
        let suffix = role == OrgRole::EnSuffix;
        if !matches!(role, OrgRole::EnHead | OrgRole::EnOf) && !suffix {
            continue;
        }
        // a legal form is capitalised but for "plc" (not the health "spa" of a hotel)
        if (!capitalised(cx.doc, tok.range.clone()) && w != "plc") || cx.sent.hit_of[j].is_some() {
            continue;
        }
        let (j, role) = if suffix {
            (j, role)
        } else {
            last_head(cx, j, role)
        };
        let (first, country) = caps_before(cx, j, suffix);
        let (last, of_country) = if role == OrgRole::EnOf {
            of_after(cx, j)
        } else {
            (j, None)
        };
        if first == j && last == j {
            continue;
        }
        let mut end = cx.sent.toks[last].range.end;
        // "Apple Inc." keeps its full stop, unless it is the sentence's ("… and Lear Corp.")
        let sentence_stop = cx
            .sent
            .toks
            .get(last + 1)
            .is_none_or(|t| t.range.start == end && last + 2 == cx.sent.toks.len());
        if suffix && text[end..].starts_with('.') && !sentence_stop {
            end += 1;
        }
        out.push(Span {
            toks: first..last + 1,
            range: cx.sent.toks[first].range.start..end,
            country: country.or(of_country),
            known: None,
        });
    }
    out
}

/// The last English head among the capitalised words that follow the head at `j`, with its role:
/// a name may hold more than one head and ends at its last ("Revolutionary Guard Corps", "Naval
/// Forces Central Command").
fn last_head(cx: Ctx, j: usize, role: OrgRole) -> (usize, OrgRole) {
    let mut best = (j, role);
    let mut k = j + 1;
    while k < cx.sent.toks.len() && k <= j + MAX_PROPER && caps_word(cx, k) {
        let w = &cx.text()[cx.sent.toks[k].range.clone()];
        if let Some(r @ (OrgRole::EnHead | OrgRole::EnOf)) = cx.kb.org_word(w) {
            best = (k, r);
        }
        k += 1;
    }
    best
}

/// A capitalised word that may be part of an English name.
fn caps_word(cx: Ctx, j: usize) -> bool {
    let tok = &cx.sent.toks[j];
    let w = &cx.text()[tok.range.clone()];
    // the cheap tests first: the word's role is a table look-up
    tok.kind == TokKind::Word
        && cx.sent.hit_of[j].is_none()
        && en::is_latin_word(w)
        && capitalised(cx.doc, tok.range.clone())
        && {
            let role = cx.role(j);
            !role.stop && !role.report
        }
}

/// The first token of the capitalised words before an English head at `j` (j itself when none),
/// and the country named among them. Country names and adjectives count (Egyptian Football
/// Association); any other hit ends the name.
fn caps_before(cx: Ctx, j: usize, suffix: bool) -> (usize, Option<String>) {
    let mut first = j;
    let mut country = None;
    let mut words = 0;
    // "Acme, Inc."
    let mut k = j;
    if suffix && k > 0 && &cx.text()[cx.sent.toks[k - 1].range.clone()] == "," {
        k -= 1;
    }
    while k > 0 && words < MAX_PROPER {
        let prev = k - 1;
        if let Some(h) = cx.sent.hit_of[prev] {
            match meaning(cx.kb, h, cx.sent) {
                Meaning::Place(c) if cx.sent.hits[h].tokens.end == k => {
                    country = country.or(c);
                    k = cx.sent.hits[h].tokens.start;
                }
                _ => break,
            }
        } else if caps_word(cx, prev)
            || ((words > 0 || suffix) && &cx.text()[cx.sent.toks[prev].range.clone()] == "&")
        {
            k = prev;
        } else if prev > 0 && initial_stop(cx, prev) {
            // "Edward D. Jones & Co": an initial and its full stop
            k = prev - 1;
        } else {
            break;
        }
        words += 1;
        first = k;
    }
    // "& Co" with no name before the ampersand
    if first < j && &cx.text()[cx.sent.toks[first].range.clone()] == "&" {
        first += 1;
    }
    (first, country)
}

/// Is token `t` the full stop of an initial ("D." in "Edward D. Jones")?
fn initial_stop(cx: Ctx, t: usize) -> bool {
    let text = cx.text();
    let letter = &cx.sent.toks[t - 1];
    &text[cx.sent.toks[t].range.clone()] == "."
        && letter.kind == TokKind::Word
        && letter.range.end == cx.sent.toks[t].range.start
        && cx.orig(letter.range.clone()).chars().count() == 1
        && capitalised(cx.doc, letter.range.clone())
}

/// The last token of "of (the) Capitalised Words" after a head at `j` (j itself when none).
fn of_after(cx: Ctx, j: usize) -> (usize, Option<String>) {
    let text = cx.text();
    let word = |k: usize| cx.tok(k).map_or("", |t| &text[t.range.clone()]);
    if word(j + 1) != "of" {
        return (j, None);
    }
    let mut k = j + 2;
    if word(k) == "the" {
        k += 1;
    }
    let mut last = j;
    let mut country = None;
    let mut words = 0;
    while k < cx.sent.toks.len() && words < MAX_PROPER {
        if let Some(h) = cx.sent.hit_of[k] {
            match meaning(cx.kb, h, cx.sent) {
                Meaning::Place(c) if cx.sent.hits[h].tokens.start == k => {
                    country = country.or(c);
                    last = cx.sent.hits[h].tokens.end - 1;
                    k = cx.sent.hits[h].tokens.end;
                }
                _ => break,
            }
        } else if caps_word(cx, k) {
            last = k;
            k += 1;
        } else {
            break;
        }
        words += 1;
    }
    (last, country)
}

mod acronyms;
mod firms;
mod results;
#[cfg(test)]
mod tests;
