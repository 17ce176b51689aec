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

use rayon::prelude::*;

use crate::doc::{Document, EntityKind};
use crate::text::fold::Folded;
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

/// Union-find over documents that also keeps the span of known publication days of each set,
/// so that no chain of matches (an undated report matching two dated ones) joins stories that
/// lie further apart than [`WINDOW_DAYS`].
struct Clusters {
    parent: Vec<usize>,
    span: Vec<Option<(i64, i64)>>,
}

impl Clusters {
    fn new(fps: &[Fingerprint]) -> Clusters {
        Clusters {
            parent: (0..fps.len()).collect(),
            span: fps
                .iter()
                .map(|f| f.day.map(|d| (d.to_days(), d.to_days())))
                .collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Join the sets of `a` and `b` unless their days would span more than the window (`force`
    /// for near-duplicate texts, which are one story whatever their dates).
    fn join(&mut self, a: usize, b: usize, force: bool) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let span = match (self.span[ra], self.span[rb]) {
            (Some((x0, x1)), Some((y0, y1))) => Some((x0.min(y0), x1.max(y1))),
            (x, y) => x.or(y),
        };
        if !force && span.is_some_and(|(lo, hi)| hi - lo > WINDOW_DAYS) {
            return;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo;
        self.span[lo] = span;
    }
}

/// A candidate pair: its score (near-duplicates rank above every fingerprint match) and ranks.
type Pair = (f64, usize, usize);

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

    // The best-supported pairs join first, so an ambiguous document joins its closest story.
    let mut pairs = near_duplicates(&sigs, &langs);
    pairs.extend(same_stories(&fps));
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut uf = Clusters::new(&fps);
    for (score, a, b) in pairs {
        uf.join(a, b, score > 1.0);
    }

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

fn near_duplicates(sigs: &[Option<minhash::Signature>], langs: &[&str]) -> Vec<Pair> {
    let mut pairs = Vec::new();
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
                    let sim = minhash::similarity(x, y);
                    if sim >= NEAR_DUPLICATE {
                        pairs.push((1.0 + sim, a.min(b), a.max(b)));
                    }
                }
            }
        }
    }
    pairs
}

fn same_stories(fps: &[Fingerprint]) -> Vec<Pair> {
    let mut pairs = Vec::new();
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
                if !seen.insert((a, b)) {
                    continue;
                }
                if let Some(score) =
                    story_score(&fps[a], &fps[b], &weight).filter(|&s| s >= SAME_STORY)
                {
                    pairs.push((score.min(1.0), a, b));
                }
            }
        }
    }
    pairs
}

/// Weighted overlap of two fingerprints (shared weight over the geometric mean of the two
/// documents' weights: a long report that also covers other matters still matches a short one),
/// gated by the publication window and by the kind of evidence shared: at least one person, or a
/// day together with an event or an organisation.
/// None when the window or the evidence gate rules the pair out.
pub fn story_score(
    a: &Fingerprint,
    b: &Fingerprint,
    weight: &dyn Fn(&(FeatureKind, String)) -> f64,
) -> Option<f64> {
    match (a.day, b.day) {
        (Some(x), Some(y)) if (x.to_days() - y.to_days()).abs() > WINDOW_DAYS => return None,
        (Some(x), None) if !b.fits(x) => return None,
        (None, Some(y)) if !a.fits(y) => return None,
        _ => {}
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
        .filter(|&i| fps[rank[i]].fits(day))
        .map(|i| (i, day))
        .collect()
}
