//! A language-neutral fingerprint of a document: what the extraction found, not the words it
//! used, so an Arabic report and an English one of the same meeting can be compared.

use once_cell::sync::Lazy;

use crate::doc::{Document, EntityKind, Grain};
use crate::lexicon::rows;
use crate::text::fold::fold_key;
use crate::time::calendar::Day;
use crate::tsv;

/// What kind of fact a feature is; each weighs differently as evidence of the same story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeatureKind {
    Person,
    Org,
    Country,
    Event,
    /// A day.
    Date,
    /// A month or a year ("by 2025", "في مايو").
    Period,
    Number,
}

impl FeatureKind {
    /// Evidence weight before rarity: a named person is strong evidence, a country weak.
    pub fn weight(self) -> f64 {
        match self {
            FeatureKind::Person => 3.0,
            FeatureKind::Date => 2.0,
            FeatureKind::Org | FeatureKind::Event => 1.5,
            FeatureKind::Number => 1.0,
            FeatureKind::Period => 0.75,
            FeatureKind::Country => 0.5,
        }
    }

    /// Can sharing this feature alone make two documents candidates? (A day cannot: every
    /// story of that day shares it.)
    pub fn blocks(self) -> bool {
        matches!(
            self,
            FeatureKind::Person | FeatureKind::Org | FeatureKind::Event
        )
    }

    pub const ALL: [FeatureKind; 7] = [
        FeatureKind::Person,
        FeatureKind::Org,
        FeatureKind::Country,
        FeatureKind::Event,
        FeatureKind::Date,
        FeatureKind::Period,
        FeatureKind::Number,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(c: u8) -> Option<FeatureKind> {
        FeatureKind::ALL.get(usize::from(c)).copied()
    }
}

/// One fact, hashed: a 64-bit id of (kind, value). Hashing keeps a million fingerprints small
/// and comparisons cheap; at 64 bits collisions are negligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Feature {
    pub id: u64,
    pub kind: FeatureKind,
}

impl Feature {
    pub fn new(kind: FeatureKind, value: &str) -> Feature {
        let id = super::minhash::mix(
            super::minhash::hash_bytes(value.as_bytes()) ^ u64::from(kind.code()),
        );
        Feature { id, kind }
    }
}

/// The facts of one document, sorted by id and deduplicated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fingerprint {
    pub features: Vec<Feature>,
    /// The publication day, when known.
    pub day: Option<Day>,
    /// The weekdays the text pins to its own publication day ("اليوم الأحد", "today, Sunday").
    pub pinned: Vec<u32>,
}

/// Fingerprint a document.
pub fn of(doc: &Document) -> Fingerprint {
    of_folded(doc, &crate::text::fold::fold_key(&doc.body))
}

/// Fingerprint a document whose body the caller has already folded.
pub fn of_folded(doc: &Document, folded_body: &str) -> Fingerprint {
    let mut f: Vec<(FeatureKind, String)> = Vec::new();
    for e in &doc.entities {
        let kind = match e.kind {
            EntityKind::Person => FeatureKind::Person,
            EntityKind::Org => FeatureKind::Org,
            EntityKind::Country => FeatureKind::Country,
            EntityKind::Location => continue,
        };
        let value = if e.kind == EntityKind::Person {
            &e.key
        } else {
            &e.id
        };
        if !value.is_empty() {
            f.push((kind, value.clone()));
        }
    }
    for ev in &doc.events {
        let mut actors: Vec<&str> = ev
            .source
            .iter()
            .chain(&ev.target)
            .map(String::as_str)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        f.push((
            FeatureKind::Event,
            format!("{}:{}", ev.kind, actors.join("|")),
        ));
    }
    for d in &doc.dates {
        match (&d.value, d.grain) {
            (Some(v), Grain::Day | Grain::Time) => {
                f.push((FeatureKind::Date, v.chars().take(10).collect()))
            }
            (Some(v), Grain::Month | Grain::Year) => f.push((FeatureKind::Period, v.clone())),
            _ => {}
        }
    }
    for n in numbers(folded_body) {
        f.push((FeatureKind::Number, n));
    }
    let mut f: Vec<Feature> = f.iter().map(|(k, v)| Feature::new(*k, v)).collect();
    f.sort_unstable();
    f.dedup();
    Fingerprint {
        features: f,
        day: doc.published.as_deref().and_then(Day::parse_iso),
        pinned: pinned_weekdays(doc),
    }
}

/// The words for the day of publication itself ("today", "اليوم", "tonight"): the day rows of
/// offset 0 in the date stage's relative-time table.
pub(crate) static TODAY: Lazy<Vec<String>> = Lazy::new(|| {
    rows(tsv!("relative_time.tsv"), &["phrase", "kind", "value"])
        .filter(|r| r.get("kind") == "day" && r.get("value") == "0")
        .map(|r| fold_key(r.get("phrase")))
        .collect()
});

/// The weekdays a document pins to its own publication day ("اليوم الأحد", "today, Sunday").
pub fn pinned_weekdays(doc: &Document) -> Vec<u32> {
    let weekdays = &crate::time::lexicon::lexicon().weekdays;
    let mut out = Vec::new();
    for d in &doc.dates {
        let key = fold_key(&d.text);
        if TODAY.iter().any(|t| key.contains(t.as_str())) {
            out.extend(
                key.split(|c: char| !c.is_alphanumeric())
                    .filter_map(|w| weekdays.get(w).copied()),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Fingerprint {
    /// Could this document have been published on `day`, by its own weekday words?
    pub fn fits(&self, day: Day) -> bool {
        self.pinned.iter().all(|&w| w == day.weekday())
    }
}

/// Numbers of two or more digits that are not years: casualty counts, sums, quantities.
fn numbers(folded: &str) -> Vec<String> {
    // split on bytes: an ASCII digit is never part of a multi-byte character
    folded
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|n| n.len() >= 2 && n.len() <= 9)
        .filter(|n| !(n.len() == 4 && (n.starts_with(b"19") || n.starts_with(b"20"))))
        .map(|n| &n[n.iter().take_while(|&&b| b == b'0').count()..])
        .filter(|n| n.len() >= 2)
        .map(|n| n.iter().map(|&b| char::from(b)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn numbers_skip_years_single_digits_and_leading_zeros() {
        let en = "on 12 march 2024, 0350 troops and 7 tanks crossed; 1,200 people fled in 1999";
        assert_eq!(numbers(en), ["12", "350", "200"]);
        let ar = "قتل 45 شخصا وأصيب 007 آخرون في عام 2023 حسب بيان من 3 صفحات";
        assert_eq!(numbers(ar), ["45"]);
    }
}
