//! Places from GeoNames (data/geonames.tsv): loading, and the evidence a place name needs.
//!
//! The table names some forty thousand cities and towns, many of them also everyday words or
//! given names ("Reading", "Nice", صور, سالم) or the surname of someone in the news (Lloyd
//! Austin). So a GeoNames hit is a place only with evidence, weighed once per document before
//! the organisation and person rules read the hits ([`screen`]):
//!
//! - a place cue before it: a locative word (في, in, near), the clitic ب, or a place noun
//!   (مدينة, محافظة, "the city of") from data/place_words.tsv;
//! - a place or country right after it ("Rafah, Gaza", "رفح، غزة");
//! - its country named elsewhere in the document;
//! - a population of at least [`STRONG`] ([`STRONG_AR`] for a name of one Arabic word).
//!
//! A name in data/place_guard.tsv (everyday words), or a given name, counts with the first two
//! only; a hit beside a given name or a capitalised word outside any hit ("Lloyd Austin", "Paris
//! Hilton") is part of a person's name and never a place. Between same-named places, the one
//! whose country the document names wins, then the most populous (Tripoli in Lebanon or Libya).
//! A key the other tables already use (a country, capital, organisation or person) is not taken.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use super::facilities::Heads;
use super::gazetteer::Hit;
use super::kb::{Builder, Form, KnowledgeBase, Record, Target};
use super::resolve::country_of;
use super::translit;
use super::{Acc, Ctx, Found, Sentence};
use crate::analysis::Analysis;
use crate::doc::{Coord, Entity, EntityKind};
use crate::lexicon::{rows, Tsv};
use crate::text::chars;
use crate::text::fold::fold_key;
use crate::text::hash::{WordMap, WordSet};
use crate::tsv;

mod subdivisions;

/// A place's population from which its name needs no other evidence.
pub const STRONG: u32 = 100_000;
/// The population from which a one-word Arabic name counts by its country in the document alone.
pub const SMALL: u32 = 20_000;
/// The population from which a one-word Arabic name needs no other evidence: many towns of a
/// hundred thousand are everyday words too (الزاوية "the corner", القائم "the post", بعقوبة "by a
/// penalty"), and a report naming one without its country or a place word is rare.
pub const STRONG_AR: u32 = 1_000_000;

/// The most GeoNames places one name may mean.
const SAME_NAME: usize = 6;

/// What GeoNames tells of one place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceInfo {
    pub geonames: u32,
    pub lat: f64,
    pub lon: f64,
    pub population: u32,
}

/// The GeoNames facts of the knowledge base's places, and the words that weigh their names.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The records that come from the GeoNames table (and so need evidence): one run of indices.
    gazetteer: Range<usize>,
    /// The GeoNames facts of those records, in their order.
    facts: Vec<PlaceInfo>,
    /// The first-level regions (data/regions.tsv): the last run of the gazetteer's records.
    regions: Range<usize>,
    /// The regions whose names need a place cue or a place beside them.
    needs_cue: WordSet<usize>,
    /// The GeoNames facts of records of the other tables (capitals).
    attached: WordMap<usize, PlaceInfo>,
    /// Place nouns that put the next name on the map (folded; Latin lower-cased).
    cue_words: WordMap<String, ()>,
    /// Nouns naming a capital (data/capital_words.tsv; folded, Latin lower-cased).
    capital_words: WordMap<String, ()>,
    /// Place names that are everyday words (folded; Latin lower-cased).
    guard: WordMap<String, ()>,
    /// Single words of the lexicon tables (verbs, event nouns, numbers, months), folded.
    lexicon: WordMap<String, ()>,
    /// Direction words that make a region of a country (جنوب, southern) → the direction's name.
    directions: WordMap<String, String>,
    /// The head words of facilities and features (data/facilities.tsv).
    pub facilities: Heads,
}

impl Places {
    /// GeoNames facts of record `r`, if it has them.
    pub fn info(&self, r: usize) -> Option<&PlaceInfo> {
        match r.checked_sub(self.gazetteer.start) {
            Some(i) if r < self.gazetteer.end => self.facts.get(i),
            _ => self.attached.get(&r),
        }
    }

    #[inline]
    fn is_gazetteer(&self, r: usize) -> bool {
        self.gazetteer.contains(&r)
    }

    /// Attach GeoNames facts to a record of another table (a capital).
    pub fn attach(&mut self, r: usize, info: PlaceInfo) {
        self.attached.entry(r).or_insert(info);
    }
}

fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

/// A folded word-table key: Latin lower-cased.
fn word_key(w: &str) -> String {
    fold_key(w).to_lowercase()
}

/// [`word_key`] of a word of the text to look up: a Latin word of the folded text (lower-cased,
/// with no space to squeeze) is its own key, not copied.
fn lookup_key(w: &str) -> Cow<'_, str> {
    let own = w.is_ascii()
        && !w
            .chars()
            .any(|c| c.is_ascii_uppercase() || c.is_whitespace());
    if own {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(word_key(w))
    }
}

/// Load data/geonames.tsv into `records` and its names into `b` (the GeoNames keys: a name the
/// other tables' keys in `tables` hold is left to them), and the cue and guard words.
pub(super) fn load(tables: &Builder, b: &mut Builder, records: &mut Vec<Record>) -> Places {
    let mut places = Places::default();
    let table = rows(
        tsv!("geonames.tsv"),
        &[
            "geonames",
            "name",
            "aliases_en",
            "aliases_ar",
            "country",
            "lat",
            "lon",
            "population",
        ],
    );
    let mut ids: HashSet<String> = records.iter().map(|r| r.id.clone()).collect();
    let first = records.len();
    for row in table {
        let info = PlaceInfo {
            geonames: row.get("geonames").parse().unwrap_or(0),
            lat: row.get("lat").parse().unwrap_or(f64::NAN),
            lon: row.get("lon").parse().unwrap_or(f64::NAN),
            population: row.get("population").parse().unwrap_or(0),
        };
        let name = row.get("name");
        let country = row.get("country");
        let names: Vec<&str> = list(row.get("aliases_en"))
            .chain(list(row.get("aliases_ar")))
            .collect();
        // a capital or place of the other tables takes the facts of its GeoNames row
        let capital = names.iter().find_map(|n| {
            tables.taken(n)?.iter().find_map(|t| {
                let r = &records[t.record];
                (matches!(t.form, Form::Capital | Form::Name)
                    && r.kind == EntityKind::Location
                    && r.country.as_deref() == Some(country))
                .then_some(t.record)
            })
        });
        if let Some(r) = capital {
            places.attach(r, info);
            continue;
        }
        // a name of the other tables is theirs; one GeoNames names several places with keeps the
        // largest few (the table runs from the most populous down), for the document to choose
        let fresh: Vec<&str> = names
            .into_iter()
            .filter(|n| {
                // an Arabic name of two letters is a word first (سن)
                (n.is_ascii() || fold_key(n).chars().count() > 2)
                    && tables.taken(n).is_none()
                    && b.taken(n).is_none_or(|ts| ts.len() < SAME_NAME)
            })
            .collect();
        if fresh.is_empty() {
            continue;
        }
        let idx = records.len();
        records.push(Record {
            id: unique_id(&mut ids, name, country, info.geonames),
            kind: EntityKind::Location,
            name: name.to_string(),
            country: (!country.is_empty()).then(|| country.to_string()),
            title: None,
            state: None,
        });
        places.facts.push(info);
        for n in fresh {
            b.add(n, Form::Name, idx);
        }
    }
    for row in rows(tsv!("place_words.tsv"), &["word"]) {
        places.cue_words.insert(word_key(row.get("word")), ());
    }
    // the first-level regions follow the cities, and need the same evidence
    let start = records.len();
    let is_unit = |w: &str| places.cue_words.contains_key(&word_key(w));
    let regions = subdivisions::load(tables, b, records, &mut ids, &is_unit);
    places.facts.extend(regions.facts);
    places.needs_cue.extend(regions.needs_cue);
    places.regions = start..records.len();
    // only GeoNames records and regions were added since `first`
    places.gazetteer = first..records.len();
    places.facilities = Heads::load();
    for row in rows(tsv!("capital_words.tsv"), &["word"]) {
        places.capital_words.insert(word_key(row.get("word")), ());
    }
    for row in rows(tsv!("place_guard.tsv"), &["word"]) {
        places.guard.insert(word_key(row.get("word")), ());
    }
    for row in rows(tsv!("directions.tsv"), &["word", "direction"]) {
        places
            .directions
            .insert(word_key(row.get("word")), row.get("direction").to_string());
    }
    for table in LEXICON {
        for w in lexicon_words(table) {
            places.lexicon.insert(w, ());
        }
    }
    places
}

/// Tables of everyday words (verbs, nouns of events and titles, numbers, months): a place name
/// spelled like one of their single-word entries ("أشار", "بيان", "March") is guarded.
const LEXICON: [Tsv; 10] = [
    tsv!("cue_verbs.tsv"),
    tsv!("entity_words.tsv"),
    tsv!("org_words.tsv"),
    tsv!("event_triggers.tsv"),
    tsv!("relative_time.tsv"),
    tsv!("numbers.tsv"),
    tsv!("months.tsv"),
    tsv!("weekdays.tsv"),
    tsv!("titles.tsv"),
    tsv!("quote_roles.tsv"),
];

/// The single-word entries of a table (every cell and list item that is one word), folded, with
/// and without an Arabic article.
fn lexicon_words(table: Tsv) -> Vec<String> {
    let mut out = Vec::new();
    for row in rows(table, &[]) {
        for item in row.fields().iter().flat_map(|c| list(c)) {
            if item.contains(' ') || item.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let k = word_key(item);
            if let Some(bare) = k.strip_prefix("ال") {
                out.push(bare.to_string());
            } else if !k.is_ascii() {
                out.push(format!("ال{k}"));
            }
            out.push(k);
        }
    }
    out
}

/// Is a capital standing for its state a place as well ([`super::resolve`] asks): a dateline's
/// city written in capitals ("BEIRUT, Oct 10"), or a capital named as the capital ("raids on the
/// capital, Sanaa", "the Nigerien capital Niamey", "بالعاصمة اليمنية صنعاء").
pub(crate) fn also_place(cx: Ctx, h: &Hit) -> bool {
    if in_capitals(cx.doc, h) {
        return true;
    }
    let p = after_apposition(cx, h.tokens.start);
    p.checked_sub(1).is_some_and(|q| {
        cx.kb
            .places
            .capital_words
            .contains_key(&*lookup_key(cx.word(q)))
    })
}

/// Is the hit written in capitals, as a dateline's city is ("BEIRUT, Oct 10")?
fn in_capitals(a: &Analysis, h: &Hit) -> bool {
    let orig = a.orig_text(a.orig(h.range.clone()));
    orig.chars().filter(|&c| chars::is_alphabetic(c)).count() >= 3
        && orig
            .chars()
            .all(|c| !chars::is_alphabetic(c) || chars::is_uppercase(c))
}

/// Does a capital's hit stand on the map ([`super::resolve`] asks when it has no locative word
/// or clitic)? A place noun before it ("west of Cairo"), a locative word behind a proclitic
/// ("لزيارة الرياض"), or "the capital" and its state's adjective before it ("العاصمة السعودية
/// الرياض").
pub(crate) fn capital_cue(cx: Ctx, h: &Hit) -> bool {
    let (a, kb, s) = (cx.doc, cx.kb, cx.sent);
    let t = h.tokens.start;
    if noun_before(a, kb, s, t) || byline_dateline(cx, h) {
        return true;
    }
    let word = |i: usize| &a.text()[s.toks[i].range.clone()];
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    if PROCLITICS
        .iter()
        .any(|c| crate::lang::ar::strip_proclitic(word(p), c).is_some_and(|w| kb.word(w).locative))
    {
        return true;
    }
    let adjective = s
        .hit_of
        .get(p)
        .copied()
        .flatten()
        .is_some_and(|j| s.hits[j].targets.iter().any(|t| t.form == Form::Adjective));
    adjective && p > 0 && kb.word(word(p - 1)).locative
}

/// The token a capital noun would end at before token `t` when a comma or a nationality adjective
/// stands between them: "the capital, Sanaa", "the Qatari capital Doha" (the adjective comes first
/// in English), "بالعاصمة القطرية الدوحة" (after the noun in Arabic). `t` itself otherwise.
fn after_apposition(cx: Ctx, t: usize) -> usize {
    let mut p = t;
    if p > 0 && matches!(cx.word(p - 1), "," | "،") {
        p -= 1;
    }
    if let Some(j) = p.checked_sub(1).and_then(|q| cx.hit_at(q)) {
        let adj = &cx.sent.hits[j];
        if adj.targets.iter().any(|t| t.form == Form::Adjective) && adj.tokens.end == p {
            p = adj.tokens.start;
        }
    }
    p
}

/// A byline's dateline: the capital between two dashes near the start of its sentence ("Ahmed
/// Ali - Cairo - The president...", "سامي علي - القاهرة -").
fn byline_dateline(cx: Ctx, h: &Hit) -> bool {
    const NEAR: usize = 8;
    let dash = |t: Option<usize>| {
        t.and_then(|t| cx.tok(t))
            .is_some_and(|tok| matches!(&cx.text()[tok.range.clone()], "-" | "–" | "—"))
    };
    h.tokens.start <= NEAR && dash(h.tokens.start.checked_sub(1)) && dash(Some(h.tokens.end))
}

/// Proclitics a locative word or a direction may carry (بالعاصمة, لزيارة, وجنوب).
const PROCLITICS: [&str; 7] = ["وب", "ول", "فب", "و", "ف", "ب", "ل"];

/// Regions named by a direction and a country ("southern Lebanon", "جنوب لبنان"): a location of
/// that country, beside the country's own mention.
pub(crate) fn regions(a: &Analysis, kb: &KnowledgeBase, sentences: &[Sentence], acc: &mut Acc) {
    let text = a.text();
    for s in sentences {
        for h in &s.hits {
            let Some(c) = country_of(h, kb) else {
                continue;
            };
            let named = h
                .targets
                .iter()
                .any(|t| t.form == Form::Name && t.record == c);
            let Some(p) = h.tokens.start.checked_sub(1) else {
                continue;
            };
            let tok = &s.toks[p];
            if !named
                || !h.clitic.is_empty()
                || !text[tok.range.end..h.range.start].trim().is_empty()
            {
                continue;
            }
            let Some((skip, dir)) = direction(kb, &text[tok.range.clone()]) else {
                continue;
            };
            // "West Germany", "North Korea": a capitalised direction is part of a name
            let first = a.orig_text(a.orig(tok.range.clone())).chars().next();
            if first.is_some_and(char::is_uppercase) {
                continue;
            }
            let rec = &kb.records[c];
            let id = format!("{}-{}", dir.to_lowercase(), rec.id);
            let name = format!("{dir} {}", rec.name);
            let found = Found::place(&id, &name, Some(&rec.id));
            acc.add(a, found, tok.range.start + skip..h.range.end);
        }
    }
}

/// The direction a word names, with the length of its proclitic.
fn direction<'k>(kb: &'k KnowledgeBase, w: &str) -> Option<(usize, &'k str)> {
    let bare = std::iter::once("").chain(PROCLITICS);
    bare.filter_map(|c| Some((c.len(), crate::lang::ar::strip_proclitic(w, c)?)))
        .find_map(|(n, w)| Some((n, kb.places.directions.get(&*lookup_key(w))?.as_str())))
}

/// Give the document's places their GeoNames id and coordinates.
pub(crate) fn locate(kb: &KnowledgeBase, entities: &mut [Entity]) {
    for e in entities
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Location)
    {
        let Some(r) = kb.record_index(&e.id) else {
            continue;
        };
        // a user's row says where its place is before GeoNames does
        if let Some(u) = kb.user_place(r) {
            e.geonames = u.geonames;
            (e.lat, e.lon) = (u.lat, u.lon);
        }
        if let Some(i) = kb.places.info(r) {
            // a region of data/regions.tsv has no GeoNames id (0)
            e.geonames = e.geonames.or((i.geonames != 0).then_some(i.geonames));
            if e.lat.is_none() {
                e.lat = i.lat.is_finite().then_some(Coord(i.lat));
                e.lon = i.lon.is_finite().then_some(Coord(i.lon));
            }
        }
    }
}

/// The place's id: its name's slug, then with its country, then with its GeoNames id, the first
/// no other record has.
fn unique_id(ids: &mut HashSet<String>, name: &str, country: &str, geonames: u32) -> String {
    let slug = translit::slug(name);
    let candidates = [
        slug.clone(),
        format!("{slug}-{}", country.to_lowercase()),
        format!("{slug}-{geonames}"),
    ];
    let id = candidates
        .into_iter()
        .find(|c| !ids.contains(c))
        .unwrap_or_else(|| format!("{slug}-{geonames}-{}", ids.len()));
    ids.insert(id.clone());
    id
}

/// The countries (ISO3) a document names other than through GeoNames places: countries and
/// their adjectives, capitals, and the places, organisations and persons of the other tables.
fn doc_countries<'k>(kb: &'k KnowledgeBase, sentences: &[Sentence]) -> WordSet<&'k str> {
    let mut out = WordSet::default();
    for h in sentences.iter().flat_map(|s| &s.hits) {
        for t in &h.targets {
            if !matches!(t.form, Form::Name | Form::Adjective | Form::Capital)
                || kb.places.is_gazetteer(t.record)
            {
                continue;
            }
            if let Some(c) = kb.records.get(t.record).and_then(|r| r.country.as_deref()) {
                out.insert(c);
            }
        }
    }
    out
}

fn is_place_target(kb: &KnowledgeBase, t: &Target) -> bool {
    t.form == Form::Name && kb.places.is_gazetteer(t.record)
}

/// Keep each GeoNames hit's best meaning where the evidence allows it, and drop it elsewhere.
pub(crate) fn screen(a: &Analysis, kb: &KnowledgeBase, sentences: &mut [Sentence]) {
    if kb.places.gazetteer.is_empty() {
        return;
    }
    let mut doc = DocFacts {
        countries: doc_countries(kb, sentences),
        lower: WordMap::default(),
    };
    let mut keep: Vec<Option<usize>> = Vec::new();
    for s in sentences.iter_mut() {
        keep.clear();
        keep.extend((0..s.hits.len()).map(|k| choose(a, kb, s, k, &mut doc)));
        let mut changed = false;
        for (h, &choice) in s.hits.iter_mut().zip(&keep) {
            if !h.targets.iter().any(|t| is_place_target(kb, t)) {
                continue;
            }
            let before = h.targets.len();
            h.targets
                .retain(|t| !is_place_target(kb, t) || Some(t.record) == choice);
            changed |= h.targets.len() != before;
        }
        if !changed {
            // most sentences keep every hit: their token → hit index stands
            continue;
        }
        s.hits.retain(|h| !h.targets.is_empty());
        // the token → hit index follows the hits that remain
        s.hit_of.iter_mut().for_each(|x| *x = None);
        for (i, h) in s.hits.iter().enumerate() {
            for t in h.tokens.clone() {
                if let Some(slot) = s.hit_of.get_mut(t) {
                    slot.get_or_insert(i);
                }
            }
        }
    }
}

/// What the screen learns of the whole document.
struct DocFacts<'k> {
    /// The countries it names ([`doc_countries`]).
    countries: WordSet<&'k str>,
    /// Latin words asked about → whether the document writes them in lower case somewhere
    /// (each read from the text once).
    lower: WordMap<String, bool>,
}

/// The GeoNames place hit `k` names, when the evidence allows one.
fn choose(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    k: usize,
    doc: &mut DocFacts,
) -> Option<usize> {
    let countries = &doc.countries;
    let h = &s.hits[k];
    let mut candidates = h.targets.iter().filter(|t| is_place_target(kb, t));
    candidates.clone().next()?;
    // another table's meaning of the same key wins (a user row, say)
    if h.targets.iter().any(|t| !is_place_target(kb, t)) {
        return None;
    }
    if beside_name(a, kb, s, k) || (h.tokens.start > 0 && in_capitals(a, h)) {
        return None;
    }
    let in_doc = |r: usize| {
        kb.records[r]
            .country
            .as_deref()
            .is_some_and(|c| countries.contains(c))
    };
    let population = |r: usize| kb.places.info(r).map_or(0, |i| i.population);
    let best = candidates
        .by_ref()
        .map(|t| t.record)
        .max_by_key(|&r| (in_doc(r), population(r), std::cmp::Reverse(r)))?;
    let beside = followed_by_place(a, kb, s, k) || region_after_its_place(a, kb, s, k, best);
    let word = &a.text()[h.range.clone()];
    let noun = place_noun_before(a, kb, s, k);
    // a region in capitals is a team in a results table ("FLORIDA 3 2") more than a dateline
    let region_caps = kb.places.regions.contains(&best) && in_capitals(a, h);
    if guarded(a, kb, word, &mut doc.lower) || kb.places.needs_cue.contains(&best) || region_caps {
        // an English everyday word may follow "in" or "near" ("in Reading"), but not a word of
        // the lexicon tables ("in March") and no Arabic one ("في المائة")
        let cue = word.is_ascii() && !in_lexicon(kb, word) && place_cue(a, kb, s, k);
        return (beside || noun || cue).then_some(best);
    }
    let pop = population(best);
    let evidence = if word.is_ascii() {
        beside || place_cue(a, kb, s, k) || in_doc(best) || pop >= STRONG
    } else if !word.contains(' ') {
        // one Arabic word is often an everyday one after في or ب too ("في المائة", "بأنه")
        beside || noun || pop >= STRONG_AR || (in_doc(best) && pop >= SMALL)
    } else {
        beside || place_cue(a, kb, s, k) || in_doc(best) || pop >= STRONG
    };
    evidence.then_some(best)
}

/// Is the name an everyday word or a given name (data/place_guard.tsv, the lexicon tables, the
/// given names), or (Latin) written in lower case elsewhere in the document ("cocoa")?
fn guarded(
    a: &Analysis,
    kb: &KnowledgeBase,
    word: &str,
    lower: &mut WordMap<String, bool>,
) -> bool {
    let key = lookup_key(word);
    let bare = key.strip_prefix("ال").unwrap_or(&key);
    let role = kb.word(word);
    let single = !word.contains(' ');
    kb.places.guard.contains_key(&*key)
        || kb.places.guard.contains_key(bare)
        || in_lexicon(kb, word)
        || role.common
        || role.stop
        || (single && kb.given.get(word).is_some())
        || (single && word.is_ascii() && kb.latin_given.get(&key).is_some())
        || (single && word.is_ascii() && lower_somewhere(a, &key, lower))
}

/// [`written_lower`], read from the text once per word (the key is copied only then).
fn lower_somewhere(a: &Analysis, key: &str, lower: &mut WordMap<String, bool>) -> bool {
    if let Some(&known) = lower.get(key) {
        return known;
    }
    let found = written_lower(a, key);
    lower.insert(key.to_string(), found);
    found
}

/// Is the name a single word of the lexicon tables?
pub(super) fn in_lexicon(kb: &KnowledgeBase, word: &str) -> bool {
    kb.places.lexicon.contains_key(&*lookup_key(word))
}

/// Does the document write the Latin word `lower` in lower case somewhere? (The folded text is
/// lower-cased: the original says how each occurrence was written.)
fn written_lower(a: &Analysis, lower: &str) -> bool {
    let text = a.text();
    text.match_indices(lower).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + lower.len()..].chars().next();
        !before.is_some_and(chars::is_alphanumeric)
            && !after.is_some_and(chars::is_alphanumeric)
            && a.orig_text(a.orig(i..i + lower.len()))
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    })
}

/// Is the hit part of a person's name: after a given name, or (Latin) touching a capitalised
/// word that no hit covers?
fn beside_name(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, k: usize) -> bool {
    let h = &s.hits[k];
    let text = a.text();
    let tok_text = |t: usize| &text[s.toks[t].range.clone()];
    let adjacent = |t: usize| {
        // the two tokens touch, with only a space between them
        let (x, y) = if t < h.tokens.start {
            (s.toks[t].range.end, h.range.start)
        } else {
            (h.range.end, s.toks[t].range.start)
        };
        x <= y && text[x..y].trim().is_empty() && !text[x..y].contains('\n')
    };
    let prev = h.tokens.start.checked_sub(1).filter(|&t| adjacent(t));
    if let Some(p) = prev {
        let w = tok_text(p);
        if h.clitic.is_empty() && kb.given.get(w).is_some_and(|g| !g.common) {
            return true;
        }
        if w.is_ascii() && kb.latin_given.get(&w.to_lowercase()).is_some() {
            return true;
        }
    }
    if !text[h.range.clone()].is_ascii() {
        return false;
    }
    let capitalised_free = |t: usize| {
        s.hit_of.get(t).copied().flatten().is_none()
            && a.orig_text(a.orig(s.toks[t].range.clone()))
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !kb.word(&tok_text(t).to_lowercase()).stop
    };
    let next = Some(h.tokens.end)
        .filter(|&t| t < s.toks.len())
        .filter(|&t| adjacent(t));
    prev.is_some_and(|p| p > 0 && capitalised_free(p)) || next.is_some_and(capitalised_free)
}

/// A locative word, the clitic ب or a place noun before the hit, or a dateline.
fn place_cue(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, k: usize) -> bool {
    let h = &s.hits[k];
    if matches!(h.clitic, "ب" | "وب" | "فب" | "وبال" | "فبال") {
        return true;
    }
    let text = a.text();
    if h.tokens.start == 0 {
        if let Some(next) = s.toks.get(h.tokens.end) {
            if matches!(&text[next.range.clone()], "-" | "–" | "—" | ":" | "(") {
                return true;
            }
        }
    }
    let Some(p) = h.tokens.start.checked_sub(1) else {
        return false;
    };
    let prev = &text[s.toks[p].range.clone()];
    kb.word(prev).locative || kb.word(&lookup_key(prev)).locative || place_noun_before(a, kb, s, k)
}

/// A place noun right before the hit ("مدينة صور", "the town of Reading", "northern Aleppo").
fn place_noun_before(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, k: usize) -> bool {
    noun_before(a, kb, s, s.hits[k].tokens.start)
}

/// A place noun right before token `t`, or one then "of" ("the city of Homs", "west of Cairo").
fn noun_before(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, t: usize) -> bool {
    let text = a.text();
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    let prev = &text[s.toks[p].range.clone()];
    if kb.places.cue_words.contains_key(&*lookup_key(prev)) {
        return true;
    }
    // "the city of Homs": a place noun, then "of"
    prev.eq_ignore_ascii_case("of")
        && p > 0
        && kb
            .places
            .cue_words
            .contains_key(&*lookup_key(&text[s.toks[p - 1].range.clone()]))
}

/// "Rafah, Gaza", "رفح، غزة", "Homs (Syria)", "Houston, Texas": a place or country of the other
/// tables, or a first-level region, right after.
fn followed_by_place(a: &Analysis, kb: &KnowledgeBase, s: &Sentence, k: usize) -> bool {
    let h = &s.hits[k];
    let Some(n) = s.hits.get(k + 1) else {
        return false;
    };
    let gap = a.text().get(h.range.end..n.word_start).unwrap_or("").trim();
    matches!(gap, "," | "،" | "(")
        && n.targets.iter().any(|t| {
            matches!(t.form, Form::Name | Form::Capital)
                && (!kb.places.is_gazetteer(t.record) || kb.places.regions.contains(&t.record))
                && matches!(
                    kb.records[t.record].kind,
                    EntityKind::Country | EntityKind::Location
                )
        })
}

/// "Houston, Texas", "الغيضة، المهرة": region `r` right after a comma and a place of its own
/// country (the region of the place named before it).
fn region_after_its_place(
    a: &Analysis,
    kb: &KnowledgeBase,
    s: &Sentence,
    k: usize,
    r: usize,
) -> bool {
    let Some(p) = k.checked_sub(1).and_then(|p| s.hits.get(p)) else {
        return false;
    };
    let country = kb.records[r].country.as_deref();
    let gap = a
        .text()
        .get(p.range.end..s.hits[k].word_start)
        .unwrap_or("");
    kb.places.regions.contains(&r)
        && country.is_some()
        && matches!(gap.trim(), "," | "،")
        && p.targets.iter().any(|t| {
            t.form == Form::Name
                && kb.records[t.record].kind == EntityKind::Location
                && kb.records[t.record].country.as_deref() == country
        })
}

#[cfg(test)]
mod tests {
    use crate::doc::EntityKind;
    use crate::fixtures::extracted_entities as entities;

    /// The places found, as (name, country).
    fn places(text: &str) -> Vec<(String, Option<String>)> {
        entities(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Location)
            .map(|e| (e.name, e.country))
            .collect()
    }

    fn has(text: &str, name: &str) -> bool {
        places(text).iter().any(|(n, _)| n == name)
    }

    #[test]
    fn a_capital_named_as_the_capital_is_a_place_of_its_state() {
        for t in [
            "Warplanes struck the capital, Sanaa, and the port of Hodeidah overnight.",
            "Warplanes struck the Yemeni capital Sanaa overnight.",
            "شنت الطائرات غارات على العاصمة، صنعاء، ليلا.",
            "شنت الطائرات غارات ليلية بالعاصمة اليمنية صنعاء.",
        ] {
            assert!(has(t, "Sanaa"), "{t}");
            // and stays a mention of its state: the raids hit Yemen
            let es = entities(t);
            let yemen = es.iter().find(|e| e.id == "YEM").expect("Yemen");
            assert!(
                yemen
                    .mentions
                    .iter()
                    .any(|m| m.text == "Sanaa" || m.text == "صنعاء"),
                "{t}"
            );
        }
        // standing for its government it stays a mention of the state
        assert!(!has("Sanaa and Riyadh agreed to a truce.", "Sanaa"));
        assert!(!has("اتفقت صنعاء والرياض على هدنة.", "Sanaa"));
    }

    #[test]
    fn a_capital_between_the_dashes_of_a_byline_is_a_place() {
        assert!(has(
            "Sami Ali - Cairo - The president met his Russian counterpart.",
            "Cairo"
        ));
        assert!(has(
            "سامي علي - القاهرة - التقى الرئيس المصري نظيره الروسي.",
            "Cairo"
        ));
        // one dash is an aside, not a byline
        assert!(!has("The talks - Cairo said - went well.", "Cairo"));
    }

    #[test]
    fn a_town_with_a_place_cue() {
        assert!(has(
            "Shelling hit the town of Saraqib overnight, residents said.",
            "Saraqib"
        ));
        assert!(has("سقطت قذائف على بلدة سراقب ليلا.", "Saraqib"));
    }

    #[test]
    fn a_town_whose_country_the_document_names() {
        let t = "Fighting near Saraqib resumed. Syria's army said it had retaken two villages.";
        assert!(has(t, "Saraqib"));
        assert!(has(
            "تجدد القتال حول سراقب. وقال الجيش السوري إنه استعاد قريتين.",
            "Saraqib"
        ));
    }

    #[test]
    fn a_large_city_alone() {
        assert!(has("Kirkuk has seen protests for a week.", "Kirkuk"));
        assert!(has("تشهد كركوك احتجاجات منذ أسبوع.", "Kirkuk"));
    }

    #[test]
    fn an_everyday_word_needs_a_cue() {
        assert!(!has("Reading the report, the minister frowned.", "Reading"));
        assert!(!has("The Mobile phone market grew last year.", "Mobile"));
        assert!(has(
            "The company opened an office in Reading last year.",
            "Reading"
        ));
        assert!(!has("نشرت الوكالة صور الدمار في المدينة.", "Tyre"));
        assert!(has("سقط صاروخ قرب مدينة صور في جنوب لبنان.", "Tyre"));
    }

    #[test]
    fn a_name_the_document_writes_in_lower_case_is_a_word() {
        let t = "Cocoa prices rose. Traders said cocoa arrivals were slow.";
        assert!(!has(t, "Cocoa"));
        assert!(!has("Shares of ICO rose after the report.", "Ico"));
        assert!(!has("The meeting was held in March in Cairo.", "March"));
    }

    #[test]
    fn a_place_in_a_persons_name_is_none() {
        assert!(!has(
            "Defense Secretary Lloyd Austin met the delegation.",
            "Austin"
        ));
    }

    #[test]
    fn the_documents_country_breaks_a_tie() {
        // Sur is Tyre in Lebanon and a port town in Oman
        let oman = "Fishermen returned to the harbour at Sur, Omani officials said.";
        assert!(places(oman).contains(&("Sur".into(), Some("OMN".into()))));
        let lebanon = "Fishermen returned to the harbour at Sur, Lebanese officials said.";
        assert!(places(lebanon).contains(&("Tyre".into(), Some("LBN".into()))));
    }

    #[test]
    fn a_place_beside_a_larger_one() {
        assert!(has(
            "Protesters gathered in the square of Beit Lahia, Gaza.",
            "Bayt Lahya"
        ));
    }
}

#[cfg(test)]
mod region_tests {
    use crate::doc::{Entity, EntityKind};
    use crate::fixtures::extracted_entities as entities;

    fn location<'e>(es: &'e [Entity], id: &str) -> Option<&'e Entity> {
        es.iter()
            .find(|e| e.kind == EntityKind::Location && e.id == id)
    }

    #[test]
    fn a_direction_and_a_country_make_a_region() {
        let es = entities("Shelling continued in southern Lebanon on Monday.");
        let r = location(&es, "south-LBN").expect("South Lebanon");
        assert_eq!(r.mentions[0].text, "southern Lebanon");
        assert_eq!(r.country.as_deref(), Some("LBN"));
        assert!(es.iter().any(|e| e.id == "LBN"), "the country stays");
        let es = entities("تواصل القصف في جنوب لبنان يوم الاثنين.");
        let r = location(&es, "south-LBN").expect("جنوب لبنان");
        assert_eq!(r.mentions[0].text, "جنوب لبنان");
        assert!(location(&entities("The south of the country was calm."), "south-LBN").is_none());
    }

    #[test]
    fn a_capital_on_the_map_carries_its_geonames_facts() {
        let es = entities("BAGHDAD, May 3 (Reuters) - Talks opened on Sunday.");
        let b = es
            .iter()
            .find(|e| e.kind == EntityKind::Location && e.name == "Baghdad")
            .expect("Baghdad as a place");
        assert!(b.geonames.is_some() && b.lat.is_some() && b.lon.is_some());
        let es = entities("وصل الرئيس إلى العاصمة العراقية بغداد مساء الأحد.");
        assert!(es
            .iter()
            .any(|e| e.kind == EntityKind::Location && e.name == "Baghdad"));
    }

    #[test]
    fn a_capital_acting_is_its_state() {
        let es = entities("Baghdad and Ankara agreed on a new water deal.");
        assert!(es.iter().any(|e| e.id == "IRQ"));
        assert!(!es
            .iter()
            .any(|e| e.kind == EntityKind::Location && e.name == "Baghdad"));
    }
}
