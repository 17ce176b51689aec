//! Same-story clusters across a batch, in any language, and what a cluster knows.
//!
//! Two documents report the same story when
//! - their bodies are near-duplicates (MinHash over word shingles, candidates by banded LSH within
//!   a language: syndicated copies, re-posts with other clutter), or
//! - their fingerprints (persons, organisations, events, days, numbers: see [`fingerprint`]) are
//!   similar enough — weighted overlap ≥ [`SAME_STORY`], the weights favouring rare and specific
//!   facts — and their publication days, where both are known, lie within [`WINDOW_DAYS`].
//!   Candidates come from blocking on shared rare features, paired only within the window, so no
//!   batch is compared all pairs.
//!
//! Pairs join best first, and a cluster never spans more than the window of known days, so an
//! undated report cannot chain two stories a year apart. A cluster then lends its members what
//! one of them knows: a publication day to a member with none (when the dated members agree and
//! the member's own "today, Sunday" fits), and the Latin name of a person another member names in
//! English.
//!
//! [`Index`] keeps the signatures and fingerprints of documents already clustered, so a new day's
//! batch can join yesterday's clusters without redoing them.

pub mod explain;
pub mod fingerprint;
pub mod index;
pub mod minhash;
pub mod numbers;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::doc::{Document, EntityKind};
use crate::time::calendar::Day;
use fingerprint::{Feature, FeatureKind, Fingerprint};
pub use index::{Entry, Index};
use minhash::Signature;

/// Near-duplicate threshold on estimated shingle Jaccard.
pub const NEAR_DUPLICATE: f64 = 0.8;
/// Same-story threshold on the weighted fingerprint overlap (see [`story_score`]).
pub const SAME_STORY: f64 = 0.3;
/// Publication days further apart than this are different stories.
pub const WINDOW_DAYS: i64 = 3;
/// Blocking features shared by more documents than this are too common to propose pairs.
const MAX_BLOCK: usize = 200;

/// What clustering decided for a batch.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Documents (by index in the batch) that take their publication day from their cluster.
    pub inherit: Vec<(usize, Day)>,
    /// Documents (by index in the batch) whose persons took the Latin names of their cluster.
    pub renamed: Vec<usize>,
}

/// What clustering decided for a batch of index entries, without their documents: enough to
/// apply to the documents wherever they are (another thread, another process, another worker).
/// Indices are positions in the `fresh` entries given to [`plan`].
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Plan {
    /// The cluster id of every fresh entry, in order.
    pub clusters: Vec<String>,
    /// Entries whose documents take their publication day from their cluster.
    pub inherit: Vec<(usize, Day)>,
    /// Latin person names (person key → name) that entries' documents take from an
    /// English-language member of their cluster.
    pub names: Vec<(usize, BTreeMap<String, String>)>,
}

impl Plan {
    /// Cut the plan of a batch made of consecutive parts of `sizes` entries into one plan per
    /// part, indices local to each.
    pub fn split(self, sizes: &[usize]) -> Vec<Plan> {
        let mut out: Vec<Plan> = Vec::with_capacity(sizes.len());
        let mut clusters = self.clusters.into_iter();
        let (mut inherit, mut names) = (
            self.inherit.into_iter().peekable(),
            self.names.into_iter().peekable(),
        );
        let mut start = 0;
        for &n in sizes {
            let end = start + n;
            out.push(Plan {
                clusters: clusters.by_ref().take(n).collect(),
                inherit: std::iter::from_fn(|| inherit.next_if(|x| x.0 < end))
                    .map(|(i, d)| (i - start, d))
                    .collect(),
                names: std::iter::from_fn(|| names.next_if(|x| x.0 < end))
                    .map(|(i, m)| (i - start, m))
                    .collect(),
            });
            start = end;
        }
        out
    }
}

/// Assign `cluster` ids to every document of the batch (a story reported once is a cluster of
/// one), share names, and return the publication days members should inherit.
pub fn assign(docs: &mut [Document]) -> Outcome {
    assign_with(&Index::default(), docs).0
}

/// Cluster `docs` together with the documents of `index` (whose cluster ids stay as they are:
/// a new document joining an old story takes its id). Returns the outcome and the index entries
/// of the new documents, to add to the index when the caller wants to keep them.
pub fn assign_with(index: &Index, docs: &mut [Document]) -> (Outcome, Vec<Entry>) {
    let mut fresh: Vec<Entry> = docs.par_iter().map(Entry::of).collect();
    let plan = plan(index.entries(), &fresh);
    for ((doc, entry), id) in docs.iter_mut().zip(&mut fresh).zip(&plan.clusters) {
        doc.cluster = Some(id.clone());
        entry.cluster.clone_from(id);
    }
    for (i, names) in &plan.names {
        apply_names(&mut docs[*i], names);
    }
    (
        Outcome {
            inherit: plan.inherit,
            renamed: plan.names.iter().map(|(i, _)| *i).collect(),
        },
        fresh,
    )
}

/// Cluster `fresh` entries together with `old` ones (whose cluster ids stay as they are). The
/// plan depends only on the entries, not on their order.
pub fn plan(old: &[Entry], fresh: &[Entry]) -> Plan {
    let n_old = old.len();
    // New entries in an order that does not depend on the batch order (the key hashes id and
    // body; equal keys, which only copies of one document share, fall back on their contents).
    let mut order: Vec<usize> = (0..fresh.len()).collect();
    order.par_sort_by(|&a, &b| rank(&fresh[a]).cmp(&rank(&fresh[b])));
    let all: Vec<&Entry> = old.iter().chain(order.iter().map(|&i| &fresh[i])).collect();

    let mut pairs = near_duplicates(&all);
    pairs.extend(same_stories(&all));
    pairs.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut sets = Sets::new(&all);
    for (score, a, b) in pairs {
        sets.join(a as usize, b as usize, score > 1.0);
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in 0..all.len() {
        groups.entry(sets.find(r)).or_default().push(r);
    }
    let mut plan = Plan {
        clusters: vec![String::new(); fresh.len()],
        ..Plan::default()
    };
    for members in groups.values() {
        let id = cluster_id(&all, members, n_old);
        let batch: Vec<usize> = members
            .iter()
            .filter(|&&r| r >= n_old)
            .map(|&r| order[r - n_old])
            .collect();
        for &i in &batch {
            plan.clusters[i].clone_from(&id);
        }
        if members.len() > 1 && !batch.is_empty() {
            plan.names.extend(share_names(
                fresh,
                &batch,
                members.iter().filter(|&&r| r < n_old).map(|&r| all[r]),
            ));
            plan.inherit
                .extend(inherit_days(fresh, &batch, members.iter().map(|&r| all[r])));
        }
    }
    plan.inherit.sort_unstable();
    plan.names.sort_unstable();
    plan
}

/// How [`plan`] orders new entries.
fn rank(e: &Entry) -> (u64, Option<Signature>, &[Feature], Option<Day>) {
    (e.key, e.sig, &e.fp.features, e.fp.day)
}

/// Give a document's persons the Latin names of a [`Plan`].
pub fn apply_names(doc: &mut Document, names: &BTreeMap<String, String>) {
    for e in doc
        .entities
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Person)
    {
        if let Some(n) = names.get(&e.key) {
            e.name.clone_from(n);
        }
    }
}

/// An old story keeps its id; a new one takes an id from its members' content hashes, the same
/// in any batch order.
fn cluster_id(all: &[&Entry], members: &[usize], n_old: usize) -> String {
    if let Some(old) = members
        .iter()
        .filter(|&&r| r < n_old)
        .map(|&r| &all[r].cluster)
        .min()
    {
        return old.clone();
    }
    let min = members.iter().map(|&r| all[r].key).min().unwrap_or(0);
    format!("c{:012x}", min >> 16)
}

/// A candidate pair: score (near-duplicates rank above every fingerprint match) and the ranks of
/// the two documents in the combined list.
type Pair = (f64, u32, u32);

/// Union-find over documents that also keeps the span of known publication days of each set.
struct Sets {
    parent: Vec<usize>,
    span: Vec<Option<(i64, i64)>>,
}

impl Sets {
    fn new(all: &[&Entry]) -> Sets {
        Sets {
            parent: (0..all.len()).collect(),
            span: all
                .iter()
                .map(|e| e.fp.day.map(|d| (d.to_days(), d.to_days())))
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

/// Runs of equal keys in a sorted list of (key, rank): the members of each bucket.
fn runs(sorted: &[(u64, u32)]) -> impl Iterator<Item = &[(u64, u32)]> {
    sorted.chunk_by(|a, b| a.0 == b.0)
}

fn near_duplicates(all: &[&Entry]) -> Vec<Pair> {
    let mut keys: Vec<(u64, u32)> = all
        .par_iter()
        .enumerate()
        .flat_map_iter(|(r, e)| {
            let lang = minhash::hash_bytes(e.lang.as_bytes());
            e.sig
                .iter()
                .flat_map(move |s| minhash::bands(s).collect::<Vec<_>>())
                .enumerate()
                .map(move |(b, h)| (minhash::mix(h ^ lang ^ b as u64), r as u32))
        })
        .collect();
    keys.par_sort_unstable();
    let buckets: Vec<&[(u64, u32)]> = runs(&keys).filter(|b| b.len() > 1).collect();
    let mut pairs: Vec<Pair> = buckets
        .par_iter()
        .flat_map_iter(|bucket| {
            // Each member against the bucket's first and its predecessor: linear in the bucket,
            // and chains of copies still join.
            (1..bucket.len()).flat_map(move |w| {
                [bucket[0].1, bucket[w - 1].1]
                    .into_iter()
                    .filter_map(move |other| {
                        let (a, b) = (bucket[w].1.min(other), bucket[w].1.max(other));
                        let sim = minhash::similarity(
                            all[a as usize].sig.as_ref()?,
                            all[b as usize].sig.as_ref()?,
                        );
                        (a != b && sim >= NEAR_DUPLICATE).then_some((1.0 + sim, a, b))
                    })
            })
        })
        .collect();
    pairs.par_sort_unstable_by(|x, y| (x.1, x.2).cmp(&(y.1, y.2)));
    pairs.dedup_by(|x, y| (x.1, x.2) == (y.1, y.2));
    pairs
}

/// How often each feature occurs in a batch, and what that makes it worth.
#[derive(Debug, Clone)]
pub struct Weights {
    df: std::collections::HashMap<u64, u32>,
    n: f64,
}

impl Weights {
    pub fn of(fps: &[&Fingerprint]) -> Weights {
        let mut ids: Vec<u64> = fps
            .par_iter()
            .flat_map_iter(|f| f.features.iter().map(|x| x.id))
            .collect();
        ids.par_sort_unstable();
        let df = ids
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u32))
            .collect();
        Weights {
            df,
            n: fps.len() as f64,
        }
    }

    /// The weights of a clustered batch as its documents now stand: those of the index entries
    /// it was clustered from (`entries`, one per document of `docs`), with the fingerprints of
    /// the documents clustering changed (`outcome`: a day or names taken from the cluster) taken
    /// again. Only features of two or more documents are kept (a missing one counts once).
    pub fn after(entries: &[Entry], docs: &[Document], outcome: &Outcome) -> Weights {
        let mut w = Weights::of(&entries.iter().map(|e| &e.fp).collect::<Vec<_>>());
        let mut changed: Vec<usize> = outcome.inherit.iter().map(|x| x.0).collect();
        changed.extend(&outcome.renamed);
        changed.sort_unstable();
        changed.dedup();
        for i in changed {
            if let (Some(entry), Some(doc)) = (entries.get(i), docs.get(i)) {
                w.replace(&entry.fp, &fingerprint::of(doc));
            }
        }
        w.df.retain(|_, n| *n > 1);
        w
    }

    /// Count a document's new fingerprint instead of its old one.
    fn replace(&mut self, old: &Fingerprint, new: &Fingerprint) {
        for f in &old.features {
            if let Some(n) = self.df.get_mut(&f.id) {
                *n = n.saturating_sub(1);
            }
        }
        for f in &new.features {
            *self.df.entry(f.id).or_default() += 1;
        }
    }

    fn df(&self, f: &Feature) -> f64 {
        f64::from(self.df.get(&f.id).copied().unwrap_or(1).max(1))
    }

    /// Kind weight × ln(1 + N / document frequency): rare facts weigh most.
    pub fn weight(&self, f: &Feature) -> f64 {
        f.kind.weight() * (1.0 + self.n / self.df(f)).ln()
    }

    /// The summed weight of a fingerprint's features.
    pub fn total(&self, f: &Fingerprint) -> f64 {
        f.features.iter().map(|x| self.weight(x)).sum()
    }

    /// Rare enough to count as specific evidence (no more common than a blocking feature).
    pub fn rare(&self, f: &Feature) -> bool {
        self.df(f) <= MAX_BLOCK as f64
    }
}

fn same_stories(all: &[&Entry]) -> Vec<Pair> {
    let fps: Vec<&Fingerprint> = all.iter().map(|e| &e.fp).collect();
    let w = Weights::of(&fps);
    let totals: Vec<f64> = fps.par_iter().map(|f| w.total(f)).collect();
    let mut postings: Vec<(u64, u32)> = all
        .par_iter()
        .enumerate()
        .flat_map_iter(|(r, e)| {
            e.fp.features
                .iter()
                .filter(|f| f.kind.blocks())
                .map(move |f| (f.id, r as u32))
        })
        .collect();
    postings.par_sort_unstable();
    // Only features shared by a few documents propose pairs (a common one proves nothing and
    // would make the pass quadratic), and only between documents whose days can match.
    let blocks: Vec<&[(u64, u32)]> = runs(&postings)
        .filter(|b| (2..=MAX_BLOCK).contains(&b.len()))
        .collect();
    let mut candidates: Vec<(u32, u32)> = blocks
        .par_iter()
        .flat_map_iter(|block| {
            let mut members: Vec<(Option<i64>, u32)> = block
                .iter()
                .map(|&(_, r)| (all[r as usize].fp.day.map(Day::to_days), r))
                .collect();
            members.sort_unstable();
            let mut out = Vec::new();
            for (x, &(dx, a)) in members.iter().enumerate() {
                for &(dy, b) in &members[x + 1..] {
                    if let (Some(p), Some(q)) = (dx, dy) {
                        if q - p > WINDOW_DAYS {
                            break;
                        }
                    }
                    out.push((a.min(b), a.max(b)));
                }
            }
            out
        })
        .collect();
    candidates.par_sort_unstable();
    candidates.dedup();
    candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let s = score_with_totals(&all[a].fp, &all[b].fp, totals[a], totals[b], &w)?;
            (s >= SAME_STORY).then_some((s.min(1.0), a as u32, b as u32))
        })
        .collect()
}

/// Weighted overlap of two fingerprints: shared weight over the smaller of the two documents'
/// weights when both are dated (a short report of one meeting matches a long one that also
/// covers other matters), over their geometric mean when a day is missing,
/// gated by the publication window and by the evidence shared — see [`Evidence`]. None when the
/// window or the gate rules the pair out.
pub fn story_score(a: &Fingerprint, b: &Fingerprint, w: &Weights) -> Option<f64> {
    score_with_totals(a, b, w.total(a), w.total(b), w)
}

/// Can two documents' publication days (or an undated one's weekday words) be one story's?
pub fn days_fit(a: &Fingerprint, b: &Fingerprint) -> bool {
    match (a.day, b.day) {
        (Some(x), Some(y)) => (x.to_days() - y.to_days()).abs() <= WINDOW_DAYS,
        (Some(x), None) => b.fits(x),
        (None, Some(y)) => a.fits(y),
        (None, None) => true,
    }
}

/// What two fingerprints share, summed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Evidence {
    /// The summed weight of the shared features.
    pub shared: f64,
    /// Shared specific facts ([`FeatureKind::specific`]) rare in the batch.
    pub specific: usize,
    /// Of those, the ones that name someone (all but events: an event type between two
    /// countries happens more than once a day).
    pub named: usize,
    /// Countries both headlines name.
    pub lead_countries: usize,
    /// The kinds shared, one bit per [`FeatureKind::code`].
    pub kinds: u32,
    /// The headlines name different sets of two or three countries, neither within the other
    /// (one minister meeting one counterpart, then another): the weak route of [`Self::enough`]
    /// is closed. Looked at only when the pair rests on that route.
    pub conflict: bool,
}

impl Evidence {
    pub fn of(a: &Fingerprint, b: &Fingerprint, w: &Weights) -> Evidence {
        let mut e = Evidence::default();
        let (mut i, mut j) = (0, 0);
        while i < a.features.len() && j < b.features.len() {
            match a.features[i].cmp(&b.features[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let f = &a.features[i];
                    e.shared += w.weight(f);
                    e.kinds |= 1 << f.kind.code();
                    let specific = w.rare(f) && f.kind.specific();
                    e.specific += usize::from(specific);
                    e.named += usize::from(specific && f.kind != FeatureKind::Event);
                    e.lead_countries += usize::from(f.kind == FeatureKind::LeadCountry);
                    i += 1;
                    j += 1;
                }
            }
        }
        // the headline countries are counted only for a pair that rests on the weak route (the
        // batch pass scores many pairs, and most pass or fail without them)
        if !e.strong() && e.specific >= 1 && e.has(FeatureKind::Date) {
            let count = |f: &Fingerprint| {
                f.features
                    .iter()
                    .filter(|x| x.kind == FeatureKind::LeadCountry)
                    .count()
            };
            let (na, nb) = (count(a), count(b));
            let pair = 2..=3;
            e.conflict = pair.contains(&na) && pair.contains(&nb) && e.lead_countries < na.min(nb);
        }
        e
    }

    /// Two specific facts among them a person.
    fn strong(&self) -> bool {
        self.specific >= 2 && self.has(FeatureKind::Person)
    }

    pub fn has(&self, k: FeatureKind) -> bool {
        self.kinds & (1 << k.code()) != 0
    }

    /// Enough to call two reports one story, given the score: two specific facts among them a
    /// person; or, on a shared day of the story (a day near both publication days, which a
    /// report of something else that week does not name) and unless the headlines' countries
    /// conflict, one specific fact that names someone with a fact of both headlines, or one
    /// event with headlines that agree on their countries. (One minister's two stories of a day
    /// share a person and the day, but not what their headlines are about; an event type
    /// between two countries happens more than once a day.)
    pub fn enough(&self) -> bool {
        if self.strong() {
            return true;
        }
        if !self.has(FeatureKind::Date) || self.conflict {
            return false;
        }
        let lead = self.has(FeatureKind::Lead)
            || self.has(FeatureKind::LeadCountries)
            || self.lead_countries > 0;
        let agree = self.has(FeatureKind::LeadCountries) || self.lead_countries >= 2;
        (self.named >= 1 && lead) || (self.specific >= 1 && agree)
    }
}

/// [`story_score`] with the two documents' total weights already summed (the batch pass sums
/// each document's once, not once per candidate pair).
fn score_with_totals(
    a: &Fingerprint,
    b: &Fingerprint,
    wa: f64,
    wb: f64,
    w: &Weights,
) -> Option<f64> {
    if !days_fit(a, b) {
        return None;
    }
    let e = Evidence::of(a, b, w);
    // Two dated reports are bounded by the window, and a short one may match a long one that
    // covers more (the smaller weight); with a day missing nothing bounds a chain of joins, so
    // the pair needs more of both (the geometric mean).
    let norm = if a.day.is_some() && b.day.is_some() {
        wa.min(wb)
    } else {
        (wa * wb).sqrt()
    };
    (e.enough() && wa > 0.0 && wb > 0.0).then(|| e.shared / norm)
}

/// The Latin names the non-English members of `batch` take from an English-language member
/// (old or new) naming the same person key.
fn share_names<'a>(
    fresh: &'a [Entry],
    batch: &[usize],
    old: impl Iterator<Item = &'a Entry>,
) -> Vec<(usize, BTreeMap<String, String>)> {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    // English entries carry their (key, name) pairs; others carry none.
    for e in old.chain(batch.iter().map(|&i| &fresh[i])) {
        for (k, n) in &e.names {
            names.entry(k.clone()).or_insert_with(|| n.clone());
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    batch
        .iter()
        .filter(|&&i| fresh[i].lang != "en")
        .map(|&i| (i, names.clone()))
        .collect()
}

/// Undated members take the day their dated sisters agree on, if their own weekday words fit.
fn inherit_days<'a>(
    fresh: &[Entry],
    batch: &[usize],
    members: impl Iterator<Item = &'a Entry>,
) -> Vec<(usize, Day)> {
    let mut days: Vec<Day> = members.filter_map(|e| e.fp.day).collect();
    days.sort_unstable();
    days.dedup();
    let [day] = days[..] else { return Vec::new() };
    batch
        .iter()
        .copied()
        .filter(|&i| fresh[i].fp.day.is_none() && fresh[i].fp.fits(day))
        .map(|i| (i, day))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(facts: &[(FeatureKind, &str)]) -> Fingerprint {
        let mut features: Vec<Feature> = facts.iter().map(|(k, v)| Feature::new(*k, v)).collect();
        features.sort_unstable();
        Fingerprint {
            features,
            day: Day::parse_iso("2024-04-10"),
            pinned: Vec::new(),
        }
    }

    #[test]
    fn one_fact_on_the_day_of_the_story_is_enough_unless_the_headlines_conflict() {
        use FeatureKind::*;
        let meeting = |counterpart: &str| {
            fp(&[
                (Person, "smskr"),
                (Date, "2024-04-10"),
                (Lead, "person:smskr"),
                (LeadCountry, "EGY"),
                (LeadCountry, counterpart),
            ])
        };
        let (jordan, jordan_again, sudan) = (meeting("JOR"), meeting("JOR"), meeting("SDN"));
        let filler = fp(&[(Person, "other")]);
        let w = Weights::of(&[&jordan, &jordan_again, &sudan, &filler]);
        let same = Evidence::of(&jordan, &jordan_again, &w);
        assert!(same.enough() && !same.conflict);
        let other = Evidence::of(&jordan, &sudan, &w);
        assert!(other.conflict && !other.enough());
        // a report whose headline names no pair of countries does not conflict, but the one
        // fact must be in both headlines
        let bare = fp(&[
            (Person, "smskr"),
            (Date, "2024-04-10"),
            (Lead, "person:smskr"),
        ]);
        assert!(Evidence::of(&bare, &sudan, &w).enough());
        let background = fp(&[(Person, "smskr"), (Date, "2024-04-10")]);
        assert!(!Evidence::of(&background, &sudan, &w).enough());
    }
}
