//! Why two documents of a batch are, or are not, one story: the facts they share with their
//! weights, the score against [`SAME_STORY`], and what ruled the pair out, for an analyst to
//! read (`khabar.explain_cluster`, the `why` column of the clusters table).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::fingerprint::{self, facts, Feature, FeatureKind, Fingerprint};
use super::minhash::{self, Signature};
use super::{days_fit, Evidence, Weights, NEAR_DUPLICATE, SAME_STORY};
use crate::doc::Document;
use crate::text::fold::fold_key;

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

/// A batch ready to explain pairs of: its fingerprints and fact weights, computed once.
pub struct Explainer<'a> {
    docs: &'a [Document],
    /// The fingerprints of the documents, all of them or (see [`Self::with_weights`]) those of
    /// the members of clusters of two or more; another document's is computed when a pair asks.
    fps: Vec<Option<Fingerprint>>,
    /// The readable facts (sorted, once each) of the members of clusters of two or more, which
    /// [`Self::why`] lists; another document's are read when a pair asks.
    facts: Vec<Option<Facts>>,
    /// The MinHash signatures of the members of clusters of two or more, the pairs [`Self::why`]
    /// reads (most documents of a batch are alone in their cluster); another document's is
    /// computed when a pair asks for it.
    sigs: Vec<Option<Option<Signature>>>,
    weights: Cow<'a, Weights>,
}

impl<'a> Explainer<'a> {
    pub fn new(docs: &'a [Document]) -> Explainer<'a> {
        let Read { fps, facts, sigs } = read(docs, true);
        let weights = Weights::of(&fps.iter().flatten().collect::<Vec<_>>());
        Explainer {
            docs,
            fps,
            facts,
            sigs,
            weights: Cow::Owned(weights),
        }
    }

    /// A batch whose fact weights are known (those its clustering left, see
    /// [`Weights::after`]): only the members of clusters of two or more are read, so that
    /// explaining the clusters of a batch costs little more than its clusters.
    pub fn with_weights(docs: &'a [Document], weights: &'a Weights) -> Explainer<'a> {
        let Read { fps, facts, sigs } = read(docs, false);
        Explainer {
            docs,
            fps,
            facts,
            sigs,
            weights: Cow::Borrowed(weights),
        }
    }

    fn fingerprint(&self, i: usize) -> Cow<'_, Fingerprint> {
        match &self.fps[i] {
            Some(f) => Cow::Borrowed(f),
            None => Cow::Owned(fingerprint::of(&self.docs[i])),
        }
    }

    fn facts(&self, i: usize) -> Cow<'_, Facts> {
        match &self.facts[i] {
            Some(f) => Cow::Borrowed(f),
            None => Cow::Owned(readable(&self.docs[i], &fold_key(&self.docs[i].body))),
        }
    }

    fn signature(&self, i: usize) -> Option<Signature> {
        self.sigs[i].unwrap_or_else(|| minhash::signature(&fold_key(&self.docs[i].body)))
    }

    /// The near-duplicate similarity (documents of one language) and the story score of the
    /// pair `a`, `b`, which are in range: what [`link_strength`] reads, without the shared facts.
    fn link(&self, a: usize, b: usize) -> (Option<f64>, Option<f64>) {
        let near_duplicate = if self.docs[a].lang == self.docs[b].lang {
            match (self.signature(a), self.signature(b)) {
                (Some(x), Some(y)) => Some(minhash::similarity(&x, &y)),
                _ => None,
            }
        } else {
            None
        };
        let (fa, fb) = (self.fingerprint(a), self.fingerprint(b));
        (near_duplicate, super::story_score(&fa, &fb, &self.weights))
    }

    /// Explain the pair `a`, `b`; None when an index is out of range.
    pub fn pair(&self, a: usize, b: usize) -> Option<Explanation> {
        if a.max(b) >= self.docs.len() {
            return None;
        }
        let w = &self.weights;
        let (fa, fb) = (self.fingerprint(a), self.fingerprint(b));
        let (near_duplicate, score) = self.link(a, b);
        let evidence = Evidence::of(&fa, &fb, w);
        let dup = near_duplicate.is_some_and(|s| s >= NEAR_DUPLICATE);
        let joined = dup || score.is_some_and(|s| s >= SAME_STORY);
        let reason = (!joined).then(|| {
            if !days_fit(&fa, &fb) {
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
            shared: shared_facts(&self.facts(a), &self.facts(b), w),
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
                        // the strongest link first, then the shared facts of that pair only
                        // (reading a pair's facts folds both bodies)
                        let best = m[lo..hi]
                            .iter()
                            .filter(|&&j| j != m[k])
                            .map(|&j| (j, link_strength(self.link(j, m[k]))))
                            .max_by(|x, y| x.1.total_cmp(&y.1))?
                            .0;
                        let explained = self.pair(best, m[k])?;
                        let (x, y) = (best.min(m[k]), best.max(m[k]));
                        Some(format!(
                            "{}–{} {}",
                            self.docs[x].id,
                            self.docs[y].id,
                            summary(&explained, 4)
                        ))
                    })
                    .collect();
                (c.to_string(), links.join("; "))
            })
            .collect()
    }
}

/// Whether a document of `docs` is in a cluster of two or more.
fn joined(docs: &[Document]) -> impl Fn(&Document) -> bool + '_ {
    let mut size: HashMap<&str, usize> = HashMap::new();
    for c in docs.iter().filter_map(|d| d.cluster.as_deref()) {
        *size.entry(c).or_default() += 1;
    }
    move |d| d.cluster.as_deref().is_some_and(|c| size[c] > 1)
}

/// A document's readable facts, sorted, once each.
type Facts = Vec<(FeatureKind, String)>;

fn readable(d: &Document, folded: &str) -> Facts {
    let mut f = facts(d, folded);
    f.sort_unstable();
    f.dedup();
    f
}

/// What an [`Explainer`] reads of each document ahead: the fingerprints of all documents (`all`)
/// or of the members of clusters of two or more, and the members' readable facts and MinHash signatures of the members of
/// clusters of two or more (the body folded once for all, as `Entry::of` does).
struct Read {
    fps: Vec<Option<Fingerprint>>,
    facts: Vec<Option<Facts>>,
    sigs: Vec<Option<Option<Signature>>>,
}

fn read(docs: &[Document], all: bool) -> Read {
    let joined = joined(docs);
    let each: Vec<_> = docs
        .par_iter()
        .map(|d| {
            let member = joined(d);
            let fp = all || member;
            if !(fp || member) {
                return (None, None, None);
            }
            let folded = fold_key(&d.body);
            let facts = readable(d, &folded);
            (
                fp.then(|| fingerprint::of_facts(d, &facts)),
                member.then(|| minhash::signature(&folded)),
                member.then_some(facts),
            )
        })
        .collect();
    let mut out = Read {
        fps: Vec::with_capacity(docs.len()),
        facts: Vec::with_capacity(docs.len()),
        sigs: Vec::with_capacity(docs.len()),
    };
    for (fp, sig, facts) in each {
        out.fps.push(fp);
        out.sigs.push(sig);
        out.facts.push(facts);
    }
    out
}

/// How many members before and after [`Explainer::why`] compares a member with.
const MAX_LINKS: usize = 32;

/// How strongly a pair is linked, from its near-duplicate similarity and story score
/// ([`Explainer::link`]): near-duplicates above any score.
fn link_strength((near_duplicate, score): (Option<f64>, Option<f64>)) -> f64 {
    match near_duplicate.filter(|&s| s >= NEAR_DUPLICATE) {
        Some(s) => 1.0 + s,
        None => score.unwrap_or(-1.0),
    }
}

/// The readable facts two documents share (their [`readable`] facts), heaviest first (ties by
/// kind and value).
fn shared_facts(a: &Facts, b: &Facts, w: &Weights) -> Vec<SharedFact> {
    let mut out: Vec<SharedFact> = a
        .iter()
        .filter(|x| b.binary_search(x).is_ok())
        .map(|(kind, value)| SharedFact {
            kind: kind.name(),
            weight: w.weight(&Feature::new(*kind, value)),
            value: value.clone(),
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
        let mut e = Entity::new(key.into(), EntityKind::Person, key.into(), key.into());
        e.mentions.push(Mention {
            start,
            end: start + 3,
            text: key.into(),
        });
        e
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
