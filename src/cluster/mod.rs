//! Same-story clusters across a batch, in any language, and what a cluster knows.
//!
//! Two documents report the same story when
//! - their bodies are near-duplicates (MinHash over word shingles, candidates by banded LSH within
//!   a language: syndicated copies, re-posts with other clutter), or
//! - their fingerprints (persons, organisations, events, days, numbers: see [`fingerprint`]) are
//!   similar enough — weighted overlap ≥ [`SAME_STORY`], the weights favouring rare and specific
//!   facts — and their publication days, where both are known, lie within [`WINDOW_DAYS`].
//!   Candidates come from blocking on shared rare features, so no batch is compared all pairs.
//!
//! A cluster then lends its members what one of them knows: a publication day to a member with
//! none (when the dated members agree and the member's own "today, Sunday" fits), and the Latin
//! name of a person another member names in English.

pub mod fingerprint;
pub mod minhash;

use std::collections::{BTreeMap, HashMap, HashSet};

use once_cell::sync::Lazy;
use rayon::prelude::*;

use crate::doc::{Document, EntityKind};
use crate::lexicon::{field, rows};
use crate::text::fold::{fold_key, Folded};
use crate::time::calendar::Day;
use fingerprint::{FeatureKind, Fingerprint};

/// Near-duplicate threshold on estimated shingle Jaccard.
pub const NEAR_DUPLICATE: f64 = 0.5;
/// Same-story threshold on the weighted fingerprint overlap (see [`same_story`]).
pub const SAME_STORY: f64 = 0.3;
/// Publication days further apart than this are different stories.
pub const WINDOW_DAYS: i64 = 3;
/// Blocking features shared by more documents than this are too common to propose pairs.
const MAX_BLOCK: usize = 200;

/// What clustering decided for a batch.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Documents (by index) that take their publication day from their cluster.
    pub inherit: Vec<(usize, Day)>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// A stable identity of a document, independent of its position in the batch.
fn doc_hash(d: &Document) -> u64 {
    minhash::mix(minhash::hash_bytes(d.id.as_bytes()) ^ minhash::hash_bytes(d.body.as_bytes()))
}

/// Assign `cluster` ids to every document of the batch (a story reported once is a cluster of
/// one) and share names; return the publication days members should inherit.
pub fn assign(docs: &mut [Document]) -> Outcome {
    let n = docs.len();
    // Work in an order that does not depend on the batch order.
    let hashes: Vec<u64> = docs.par_iter().map(doc_hash).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| (hashes[a], &docs[a].id).cmp(&(hashes[b], &docs[b].id)));
    let mut rank = vec![0; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let sigs: Vec<Option<minhash::Signature>> = order
        .par_iter()
        .map(|&i| minhash::signature(&Folded::new(&docs[i].body).text))
        .collect();
    let fps: Vec<Fingerprint> = order
        .par_iter()
        .map(|&i| fingerprint::of(&docs[i]))
        .collect();
    let langs: Vec<&str> = order.iter().map(|&i| docs[i].lang.as_str()).collect();

    let mut uf = UnionFind((0..n).collect());
    near_duplicates(&sigs, &langs, &mut uf);
    same_stories(&fps, &mut uf);

    // Ids from the smallest member hash: the same members give the same id in any order.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (r, &i) in order.iter().enumerate() {
        members.entry(uf.find(r)).or_default().push(i);
    }
    let mut outcome = Outcome::default();
    for group in members.values() {
        let id = group.iter().map(|&i| hashes[i]).min().unwrap_or(0);
        for &i in group {
            docs[i].cluster = Some(format!("c{:012x}", id >> 16));
        }
        if group.len() > 1 {
            share_names(docs, group);
            outcome
                .inherit
                .extend(inherit_days(docs, group, &fps, &rank));
        }
    }
    outcome.inherit.sort_unstable();
    outcome
}

fn near_duplicates(sigs: &[Option<minhash::Signature>], langs: &[&str], uf: &mut UnionFind) {
    let mut buckets: HashMap<(&str, usize, u64), Vec<usize>> = HashMap::new();
    for (r, sig) in sigs.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for (b, key) in minhash::bands(sig).enumerate() {
            buckets.entry((langs[r], b, key)).or_default().push(r);
        }
    }
    let mut keys: Vec<_> = buckets.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        let bucket = &buckets[&k];
        // Each member against the bucket's first and its predecessor: linear in the bucket, and
        // chains of copies still join.
        for w in 1..bucket.len() {
            for &other in &[bucket[0], bucket[w - 1]] {
                let (a, b) = (bucket[w], other);
                if let (Some(x), Some(y)) = (&sigs[a], &sigs[b]) {
                    if minhash::similarity(x, y) >= NEAR_DUPLICATE {
                        uf.union(a, b);
                    }
                }
            }
        }
    }
}

fn same_stories(fps: &[Fingerprint], uf: &mut UnionFind) {
    let w = weights(fps);
    let weight = |f: &(FeatureKind, String)| w[f];
    let mut blocks: BTreeMap<&(FeatureKind, String), Vec<usize>> = BTreeMap::new();
    for (r, fp) in fps.iter().enumerate() {
        for f in &fp.features {
            blocks.entry(f).or_default().push(r);
        }
    }
    // Only features shared by a few documents propose pairs: a common one proves nothing and
    // would make the pass quadratic.
    blocks.retain(|f, docs| f.0.blocks() && (2..=MAX_BLOCK).contains(&docs.len()));
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for docs in blocks.values() {
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                if seen.insert((a, b)) && same_story(&fps[a], &fps[b], &weight) {
                    uf.union(a, b);
                }
            }
        }
    }
}

/// Weighted overlap of two fingerprints (shared weight over the geometric mean of the two
/// documents' weights: a long report that also covers other matters still matches a short one),
/// gated by the publication window and by the kind of evidence shared: at least one person, or a
/// day together with an event or an organisation.
fn same_story(
    a: &Fingerprint,
    b: &Fingerprint,
    weight: &dyn Fn(&(FeatureKind, String)) -> f64,
) -> bool {
    story_score(a, b, weight).is_some_and(|s| s >= SAME_STORY)
}

/// The score behind [`same_story`]; None when the window or the evidence gate rules the pair out.
pub fn story_score(
    a: &Fingerprint,
    b: &Fingerprint,
    weight: &dyn Fn(&(FeatureKind, String)) -> f64,
) -> Option<f64> {
    if let (Some(x), Some(y)) = (a.day, b.day) {
        if (x.to_days() - y.to_days()).abs() > WINDOW_DAYS {
            return None;
        }
    }
    let total = |f: &Fingerprint| f.features.iter().map(weight).sum::<f64>();
    let (wa, wb) = (total(a), total(b));
    let mut shared = 0.0;
    let mut kinds: Vec<FeatureKind> = Vec::new();
    for f in &a.features {
        if b.features.binary_search(f).is_ok() {
            shared += weight(f);
            kinds.push(f.0);
        }
    }
    let has = |k: FeatureKind| kinds.contains(&k);
    let evidence = has(FeatureKind::Person)
        || (has(FeatureKind::Date) && (has(FeatureKind::Event) || has(FeatureKind::Org)));
    (evidence && wa > 0.0 && wb > 0.0).then(|| shared / (wa * wb).sqrt())
}

/// Rarity weights of a batch's features: kind weight × ln(1 + N / document frequency).
pub fn weights(fps: &[Fingerprint]) -> HashMap<(FeatureKind, String), f64> {
    let mut df: HashMap<(FeatureKind, String), usize> = HashMap::new();
    for fp in fps {
        for f in &fp.features {
            *df.entry(f.clone()).or_default() += 1;
        }
    }
    let n = fps.len() as f64;
    df.into_iter()
        .map(|(f, d)| (f.clone(), f.0.weight() * (1.0 + n / d as f64).ln()))
        .collect()
}

/// Give persons the Latin name an English-language member uses for the same key.
fn share_names(docs: &mut [Document], group: &[usize]) {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for &i in group {
        if docs[i].lang != "en" {
            continue;
        }
        for e in docs[i]
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && !e.key.is_empty())
        {
            names.entry(e.key.clone()).or_insert_with(|| e.name.clone());
        }
    }
    for &i in group {
        if docs[i].lang == "en" {
            continue;
        }
        for e in docs[i]
            .entities
            .iter_mut()
            .filter(|e| e.kind == EntityKind::Person)
        {
            if let Some(n) = names.get(&e.key) {
                e.name.clone_from(n);
            }
        }
    }
}

static TODAY: Lazy<Vec<String>> = Lazy::new(|| {
    rows(include_str!("../../data/today_words.tsv"))
        .map(|r| fold_key(field(&r, 0)))
        .collect()
});

/// The weekdays a document pins to its own publication day ("اليوم الأحد", "today, Sunday").
fn pinned_weekdays(doc: &Document) -> Vec<u32> {
    let weekdays = &crate::time::lexicon::lexicon().weekdays;
    let mut out = Vec::new();
    for d in &doc.dates {
        let key = fold_key(&d.text);
        if !TODAY.iter().any(|t| key.contains(t.as_str())) {
            continue;
        }
        out.extend(
            key.split(|c: char| !c.is_alphanumeric())
                .filter_map(|w| weekdays.get(w).copied()),
        );
    }
    out
}

/// Undated members take the day their dated sisters agree on, if their own weekday words fit.
fn inherit_days(
    docs: &[Document],
    group: &[usize],
    fps: &[Fingerprint],
    rank: &[usize],
) -> Vec<(usize, Day)> {
    let mut days: Vec<Day> = group.iter().filter_map(|&i| fps[rank[i]].day).collect();
    days.sort_unstable();
    days.dedup();
    let [day] = days[..] else { return Vec::new() };
    group
        .iter()
        .copied()
        .filter(|&i| docs[i].published.is_none())
        .filter(|&i| {
            pinned_weekdays(&docs[i])
                .iter()
                .all(|&w| w == day.weekday())
        })
        .map(|i| (i, day))
        .collect()
}
