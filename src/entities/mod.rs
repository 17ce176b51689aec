//! Entities: countries, organisations, persons and places, each once per document with all its
//! mentions.
//!
//! ```text
//! kb          tables of data/ + user rows → one Aho-Corasick automaton over folded keys
//! gazetteer   per sentence: longest keys at token boundaries, through proclitics → Hit
//! first_words the keys' first words: a word that opens no key is passed over unsearched
//! ambiguous   names of two records (عمان: Oman or Amman) settled once per document
//! places      GeoNames places: each name kept only with evidence (a cue, its country, its size)
//! facilities  airports, bases, crossings, camps, straits… by a head word and the name beside it
//! orgs        organisations by the shape of their name (حزب العمال، جامعة القاهرة, Harvard University)
//! resolve     hits → countries, capitals, places, organisations, national institutions; at
//!             the end, a role-only person in apposition to a name merged into that person
//! persons     known persons, titles + appositions, reporting verbs, given names, English
//!             capitalised names; then surnames and role mentions joined to their person
//! translit    Latin names and language-neutral keys for persons
//! ```

mod ambiguous;
mod facilities;
mod first_words;
mod gazetteer;
pub mod kb;
mod nisba;
mod orgs;
mod persons;
mod places;
mod resolve;
pub mod translit;

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

pub use kb::{KnowledgeBase, UserEntity};

use crate::analysis::Analysis;
use crate::doc::{Entity, EntityKind};
use crate::text::hash::{WordMap, WordSet};
use crate::text::segment::Token;

/// One sentence taken apart: its tokens and its knowledge-base hits.
pub(crate) struct Sentence {
    pub range: Range<usize>,
    pub toks: Vec<Token>,
    pub hits: Vec<gazetteer::Hit>,
    /// For each token, the index of the hit covering it (so lookups stay linear).
    pub hit_of: Vec<Option<usize>>,
    /// For each token, its cue-word role ([`KnowledgeBase::word`]) once looked up: in Arabic,
    /// persons and organisations ask for the same word's role at several places. Filled on
    /// demand; empty (no cache) in other languages, where few words are asked and the table
    /// per sentence cost more than it saved.
    roles: Vec<Cell<Option<kb::WordRole>>>,
}

impl Sentence {
    /// The cue-word role of token `t`, looked up on the first call only.
    pub fn role(&self, a: &Analysis, kb: &KnowledgeBase, t: usize) -> kb::WordRole {
        let word = || kb.word(&a.text()[self.toks[t].range.clone()]);
        let Some(slot) = self.roles.get(t) else {
            return word();
        };
        slot.get().unwrap_or_else(|| {
            let r = word();
            slot.set(Some(r));
            r
        })
    }
}

/// What the rules read while they look at one sentence: the document's analysis, the knowledge
/// base, and the sentence taken apart. Three shared references, passed by value.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'c> {
    pub doc: &'c Analysis<'c>,
    pub kb: &'c KnowledgeBase,
    pub sent: &'c Sentence,
}

impl<'c> Ctx<'c> {
    pub fn new(doc: &'c Analysis<'c>, kb: &'c KnowledgeBase, sent: &'c Sentence) -> Ctx<'c> {
        Ctx { doc, kb, sent }
    }

    /// The folded text of the document.
    #[inline]
    pub fn text(&self) -> &'c str {
        self.doc.text()
    }

    /// The folded text of the sentence.
    #[inline]
    pub fn sentence_text(&self) -> &'c str {
        &self.doc.text()[self.sent.range.clone()]
    }

    /// The folded text of token `t`.
    #[inline]
    pub fn word(&self, t: usize) -> &'c str {
        &self.doc.text()[self.sent.toks[t].range.clone()]
    }

    /// The original text of folded range `r`, borrowed (a [`Analysis::mention`] allocates it).
    #[inline]
    pub fn orig(&self, r: Range<usize>) -> &'c str {
        self.doc.orig_text(self.doc.orig(r))
    }

    /// Token `t` of the sentence, if there is one.
    #[inline]
    pub fn tok(&self, t: usize) -> Option<&'c Token> {
        self.sent.toks.get(t)
    }

    /// Index of the hit covering token `t`, if any.
    #[inline]
    pub fn hit_at(&self, t: usize) -> Option<usize> {
        self.sent.hit_of.get(t).copied().flatten()
    }

    /// The cue-word role of token `t` ([`Sentence::role`]).
    #[inline]
    pub fn role(&self, t: usize) -> kb::WordRole {
        self.sent.role(self.doc, self.kb, t)
    }
}

/// The entities of one document as they are found.
#[derive(Default)]
pub(crate) struct Acc {
    entities: Vec<Entity>,
    /// Entities by kind and id: looked up with a borrowed id, so a mention of a known entity
    /// allocates no key. (Both tables are only looked up, never iterated: the fast hash cannot
    /// change an order.)
    index: HashMap<EntityKind, WordMap<String, usize>>,
    seen: WordSet<(usize, usize, usize)>,
}

/// What is known of an entity when one of its mentions is found.
pub(crate) struct Found<'s> {
    pub kind: EntityKind,
    pub id: &'s str,
    pub name: &'s str,
    pub key: &'s str,
    pub country: Option<&'s str>,
    pub title: Option<&'s str>,
    /// The international body the entity acts for (UN), when not a state.
    pub affiliation: Option<&'s str>,
}

impl<'s> Found<'s> {
    /// An organisation: its id is its key; it has no title and acts for no other body.
    pub fn org(id: &'s str, name: &'s str, country: Option<&'s str>) -> Found<'s> {
        Found {
            kind: EntityKind::Org,
            id,
            name,
            key: id,
            country,
            title: None,
            affiliation: None,
        }
    }

    /// A place found by pattern (a facility, a direction of a state): its id is its key, and
    /// `country` the state it lies in.
    pub fn place(id: &'s str, name: &'s str, country: Option<&'s str>) -> Found<'s> {
        Found {
            kind: EntityKind::Location,
            ..Found::org(id, name, country)
        }
    }
}

impl Acc {
    /// Add a mention (folded byte range) of an entity, creating the entity on first sight.
    pub fn add(&mut self, a: &Analysis, f: Found<'_>, range: Range<usize>) -> usize {
        let i = match self.index.get(&f.kind).and_then(|ids| ids.get(f.id)) {
            Some(&i) => i,
            None => {
                let mut e = Entity::new(
                    f.id.to_string(),
                    f.kind,
                    f.name.to_string(),
                    f.key.to_string(),
                );
                e.country = f.country.map(str::to_string);
                e.title = f.title.map(str::to_string);
                e.affiliation = f.affiliation.map(str::to_string);
                self.entities.push(e);
                self.index
                    .entry(f.kind)
                    .or_default()
                    .insert(f.id.to_string(), self.entities.len() - 1);
                self.entities.len() - 1
            }
        };
        let e = &mut self.entities[i];
        if e.country.is_none() {
            e.country = f.country.map(str::to_string);
        }
        if e.title.is_none() {
            e.title = f.title.map(str::to_string);
        }
        if e.affiliation.is_none() {
            e.affiliation = f.affiliation.map(str::to_string);
        }
        self.mention(a, i, range);
        i
    }

    /// Mark entity `i` as a person known only by a role.
    pub fn mark_role_only(&mut self, i: usize) {
        self.entities[i].role_only = true;
    }

    /// Add a mention to entity `i`.
    pub fn mention(&mut self, a: &Analysis, i: usize, range: Range<usize>) {
        if range.is_empty() || !self.seen.insert((i, range.start, range.end)) {
            return;
        }
        self.entities[i].mentions.push(a.mention(range));
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities in order of first mention, each with its mentions in text order.
    fn finish(self) -> Vec<Entity> {
        let mut out: Vec<Entity> = self
            .entities
            .into_iter()
            .filter(|e| !e.mentions.is_empty())
            .collect();
        for e in &mut out {
            e.mentions.sort_by_key(|m| (m.start, m.end));
            e.mentions.dedup_by_key(|m| (m.start, m.end));
        }
        out.sort_by_key(|e| e.mentions.first().map(|m| m.start));
        out
    }
}

/// Is this a place whose id is spelled from its own words (a facility found by its head word:
/// "evin-prison", "matar-hamad-al-doli") rather than a record of the tables (upper-case ids:
/// REDSEA, south-LBN) or of GeoNames? Such an id differs between languages and outlets.
pub fn spelled_place(e: &Entity) -> bool {
    e.kind == EntityKind::Location && e.geonames.is_none() && !e.id.chars().any(char::is_uppercase)
}

/// Find the entities of a document.
pub fn extract(a: &Analysis, kb: &KnowledgeBase) -> Vec<Entity> {
    let mut sentences: Vec<Sentence> = a
        .sentences
        .iter()
        .enumerate()
        .map(|(i, r)| {
            // the analysis has tokenised each sentence already
            let toks = a.tokens(i).to_vec();
            let hits = gazetteer::scan(a, kb, &toks, r.end);
            let mut hit_of = vec![None; toks.len()];
            for (k, h) in hits.iter().enumerate() {
                for t in h.tokens.clone() {
                    if let Some(slot) = hit_of.get_mut(t) {
                        slot.get_or_insert(k);
                    }
                }
            }
            let roles = if a.lang == "ar" {
                vec![Cell::new(None); toks.len()]
            } else {
                Vec::new()
            };
            Sentence {
                range: r.clone(),
                toks,
                hits,
                hit_of,
                roles,
            }
        })
        .collect();
    ambiguous::settle(kb, &mut sentences);
    places::screen(a, kb, &mut sentences);
    let mut acc = Acc::default();
    let sites = facilities::find(a, kb, &mut sentences, &mut acc);
    let claims = orgs::find(a, kb, &mut sentences, &mut acc);
    let mut pending = Vec::new();
    for s in &sentences {
        resolve::sentence(Ctx::new(a, kb, s), &mut acc, &mut pending);
    }
    resolve::institutions_alone(a, kb, &mut acc, pending);
    places::regions(a, kb, &sentences, &mut acc);
    persons::find(a, kb, &sentences, &mut acc);
    orgs::settle(&mut acc, &claims);
    facilities::settle(&mut acc, &sites);
    resolve::appositions(a, kb, &mut acc);
    let mut out = acc.finish();
    places::locate(kb, &mut out);
    out
}

#[cfg(test)]
mod tests;
