//! Why two documents of a batch are, or are not, one story: the facts they share with their
//! weights, the score against [`SAME_STORY`], and what ruled the pair out, for an analyst to
//! read (`khabar.explain_cluster`, the `why` column of the clusters table).

use std::collections::BTreeMap;

use serde::Serialize;

use super::fingerprint::{facts, Feature, FeatureKind, Fingerprint};
use super::{days_fit, minhash, Entry, Evidence, Weights, NEAR_DUPLICATE, SAME_STORY};
use crate::doc::Document;

/// One fact both documents state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedFact {
    /// The kind of fact (`person`, `org`, `event`, `day`, `lead`, …).
    pub kind: &'static str,
    /// Its language-neutral value (a person key, an organisation id, `CONSULT:IRN|SAU`, a day).
    pub value: String,
    /// Its weight in this batch (kind weight × rarity).
    pub weight: f64,
}

/// The explanation of one pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Same-story score (shared weight over the smaller document's weight), when the window
    /// and the evidence gate let the pair be scored.
    pub score: Option<f64>,
    /// The threshold the score is held against.
    pub threshold: f64,
    /// Estimated shingle Jaccard of the two bodies, when both have signatures and are in one
    /// language.
    pub near_duplicate: Option<f64>,
    /// Would the pair be joined directly (near-duplicates, or a score at the threshold)? Two
    /// documents may still share a cluster through a third.
    pub joined: bool,
    /// Why not, when not joined.
    pub reason: Option<String>,
    /// Do the two headlines name different sets of countries, when the pair rests on one fact
    /// on a shared day (which is then not enough)?
    pub headline_conflict: bool,
    /// The facts both documents state, heaviest first.
    pub shared: Vec<SharedFact>,
}

/// Explain the pair `a`, `b` (indices into `docs`), with fact weights taken over `docs` as a
/// batch. None when an index is out of range.
pub fn explain(docs: &[Document], a: usize, b: usize) -> Option<Explanation> {
    Explainer::new(docs).pair(a, b)
}

/// A batch ready to explain pairs of: its entries and fact weights, computed once.
pub struct Explainer<'a> {
    docs: &'a [Document],
    entries: Vec<Entry>,
    weights: Weights,
}

impl<'a> Explainer<'a> {
    pub fn new(docs: &'a [Document]) -> Explainer<'a> {
        let entries: Vec<Entry> = docs.iter().map(Entry::of).collect();
        let fps: Vec<&Fingerprint> = entries.iter().map(|e| &e.fp).collect();
        let weights = Weights::of(&fps);
        Explainer {
            docs,
            entries,
            weights,
        }
    }

    /// Explain the pair `a`, `b`; None when an index is out of range.
    pub fn pair(&self, a: usize, b: usize) -> Option<Explanation> {
        let (da, db) = (self.docs.get(a)?, self.docs.get(b)?);
        let w = &self.weights;
        let (ea, eb) = (&self.entries[a], &self.entries[b]);
        let near_duplicate = match (&ea.sig, &eb.sig) {
            (Some(x), Some(y)) if ea.lang == eb.lang => Some(minhash::similarity(x, y)),
            _ => None,
        };
        let score = super::story_score(&ea.fp, &eb.fp, w);
        let evidence = Evidence::of(&ea.fp, &eb.fp, w);
        let dup = near_duplicate.is_some_and(|s| s >= NEAR_DUPLICATE);
        let joined = dup || score.is_some_and(|s| s >= SAME_STORY);
        let reason = (!joined).then(|| {
            if !days_fit(&ea.fp, &eb.fp) {
                "publication days too far apart (or a weekday that does not fit)".to_string()
            } else if !evidence.enough() {
                if evidence.conflict {
                    "the headlines name different countries, and one specific fact on a shared \
                     day is not enough then"
                        .to_string()
                } else {
                    "too little specific evidence: two rare facts among them a person, or one on \
                     a shared day of the story with a fact of both headlines, are needed"
                        .to_string()
                }
            } else {
                format!("score below the threshold {SAME_STORY}")
            }
        });
        Some(Explanation {
            score,
            threshold: SAME_STORY,
            near_duplicate,
            joined,
            reason,
            headline_conflict: evidence.conflict,
            shared: shared_facts(da, db, w),
        })
    }

    /// Why each cluster of two or more documents holds together: for every member after the
    /// first (in batch order), its strongest link to another member, as "a–b score: facts",
    /// joined by "; ". Keyed by cluster id.
    pub fn why(&self) -> BTreeMap<String, String> {
        let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, d) in self.docs.iter().enumerate() {
            if let Some(c) = d.cluster.as_deref() {
                members.entry(c).or_default().push(i);
            }
        }
        members
            .into_iter()
            .filter(|(_, m)| m.len() > 1)
            .map(|(c, m)| {
                let links: Vec<String> = (1..m.len())
                    .filter_map(|k| {
                        // the nearest members in batch order, up to a bound: a huge cluster is
                        // not read pair by pair
                        let lo = k.saturating_sub(MAX_LINKS);
                        let hi = (k + MAX_LINKS).min(m.len());
                        let best = m[lo..hi]
                            .iter()
                            .filter(|&&j| j != m[k])
                            .filter_map(|&j| Some((j, self.pair(j, m[k])?)))
                            .max_by(|x, y| strength(&x.1).total_cmp(&strength(&y.1)))?;
                        let (x, y) = (best.0.min(m[k]), best.0.max(m[k]));
                        Some(format!(
                            "{}–{} {}",
                            self.docs[x].id,
                            self.docs[y].id,
                            summary(&best.1, 4)
                        ))
                    })
                    .collect();
                (c.to_string(), links.join("; "))
            })
            .collect()
    }
}

/// How many members before and after [`Explainer::why`] compares a member with.
const MAX_LINKS: usize = 32;

/// How strongly an explanation links a pair: near-duplicates above any score.
fn strength(e: &Explanation) -> f64 {
    match e.near_duplicate.filter(|&s| s >= NEAR_DUPLICATE) {
        Some(s) => 1.0 + s,
        None => e.score.unwrap_or(-1.0),
    }
}

/// The readable facts two documents share, heaviest first (ties by kind and value).
fn shared_facts(a: &Document, b: &Document, w: &Weights) -> Vec<SharedFact> {
    let readable = |d: &Document| {
        let mut f = facts(d, &crate::text::fold::fold_key(&d.body));
        f.sort_unstable();
        f.dedup();
        f
    };
    let fb = readable(b);
    let mut out: Vec<SharedFact> = readable(a)
        .into_iter()
        .filter(|x| fb.binary_search(x).is_ok())
        .map(|(kind, value)| SharedFact {
            kind: kind.name(),
            weight: w.weight(&Feature::new(kind, &value)),
            value,
        })
        .collect();
    out.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then_with(|| (x.kind, &x.value).cmp(&(y.kind, &y.value)))
    });
    out
}

/// One line for a table cell: the score and the heaviest shared facts.
pub fn summary(e: &Explanation, max_facts: usize) -> String {
    let facts: Vec<String> = e
        .shared
        .iter()
        .filter(|f| ![FeatureKind::Lead.name(), FeatureKind::LeadCountry.name()].contains(&f.kind))
        .take(max_facts)
        .map(|f| format!("{} {}", f.kind, f.value))
        .collect();
    let head = match (e.near_duplicate.filter(|&s| s >= NEAR_DUPLICATE), e.score) {
        (Some(s), _) => format!("near-duplicate {s:.2}"),
        (None, Some(s)) => format!("score {s:.2}"),
        (None, None) => "not scored".to_string(),
    };
    format!("{head}: {}", facts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Entity, EntityKind, Mention};

    fn person(key: &str, start: usize) -> Entity {
        Entity {
            id: key.into(),
            kind: EntityKind::Person,
            name: key.into(),
            key: key.into(),
            country: None,
            title: None,
            affiliation: None,
            geonames: None,
            lat: None,
            lon: None,
            mentions: vec![Mention {
                start,
                end: start + 3,
                text: key.into(),
            }],
            role_only: false,
        }
    }

    fn doc(id: &str, lang: &str, keys: &[&str]) -> Document {
        Document {
            lang: lang.into(),
            body: format!("report {id}"),
            published: Some("2024-05-02".into()),
            entities: keys.iter().map(|k| person(k, 0)).collect(),
            ..Document::empty(id)
        }
    }

    #[test]
    fn shared_persons_are_listed_and_the_pair_scored() {
        let docs = [
            doc("a", "en", &["xlm", "brk"]),
            doc("b", "ar", &["xlm", "brk"]),
            doc("c", "en", &["zzk"]),
        ];
        let e = explain(&docs, 0, 1).unwrap();
        assert!(e.joined, "{e:?}");
        let kinds: Vec<&str> = e.shared.iter().map(|f| f.kind).collect();
        assert!(kinds.contains(&"person"), "{kinds:?}");
        assert!(summary(&e, 3).starts_with("score 1.00: person"));
        let apart = explain(&docs, 0, 2).unwrap();
        assert!(!apart.joined && apart.shared.is_empty());
        assert!(apart.reason.unwrap().contains("specific evidence"));
        assert!(explain(&docs, 0, 3).is_none());
    }

    #[test]
    fn why_links_each_member_of_a_cluster() {
        let mut docs = vec![
            doc("a", "en", &["xlm", "brk"]),
            doc("b", "ar", &["xlm", "brk"]),
            doc("c", "en", &["zzk"]),
        ];
        for (d, c) in docs.iter_mut().zip(["c1", "c1", "c2"]) {
            d.cluster = Some(c.into());
        }
        let why = Explainer::new(&docs).why();
        assert_eq!(why.len(), 1, "{why:?}");
        assert!(why["c1"].starts_with("a–b score 1.00: person"), "{why:?}");
    }
}
