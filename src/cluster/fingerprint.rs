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
    /// A day within the clustering window of the publication day (the day of the story itself),
    /// or any day of an undated document.
    Date,
    /// A month or a year ("by 2025", "في مايو"), or a day far from publication (background: "the
    /// attack of 7 October").
    Period,
    Number,
    /// A place by its gazetteer id.
    Place,
    /// The speaker of a quotation (a named person or organisation, not a bare role).
    Speaker,
    /// A person, organisation, event or place of the headline and first paragraph ([`LEAD_CHARS`]):
    /// the same fact again, so that the story's own facts weigh more than background ones.
    Lead,
    /// The countries of the headline and first paragraph together with the publication day
    /// ("EGY|TUR on 2023-07-04"): a report naming no person still names who did what, and when.
    LeadCountries,
    /// One country of the headline and first paragraph: two reports whose headlines name
    /// different pairs of countries on one day ("EGY|JOR", "EGY|SDN") tell different meetings.
    LeadCountry,
}

impl FeatureKind {
    /// Evidence weight before rarity: a named person is strong evidence, a country weak.
    pub fn weight(self) -> f64 {
        match self {
            FeatureKind::Person => 3.0,
            FeatureKind::Date | FeatureKind::Speaker | FeatureKind::LeadCountries => 2.0,
            FeatureKind::Org | FeatureKind::Event => 1.5,
            FeatureKind::Number | FeatureKind::Place | FeatureKind::Lead => 1.0,
            FeatureKind::Period => 0.75,
            FeatureKind::Country | FeatureKind::LeadCountry => 0.5,
        }
    }

    /// Can sharing this feature alone make two documents candidates? (A day cannot: every
    /// story of that day shares it.) The features specific to one story, and only those.
    pub fn blocks(self) -> bool {
        self.specific()
    }

    /// Does sharing this feature (when rare in the batch) count as specific evidence of one
    /// story? Countries, days, numbers, places and periods are shared by unrelated stories all
    /// the time; a lead fact repeats a fact already counted.
    pub fn specific(self) -> bool {
        matches!(
            self,
            FeatureKind::Person
                | FeatureKind::Org
                | FeatureKind::Event
                | FeatureKind::Speaker
                | FeatureKind::LeadCountries
        )
    }

    pub const ALL: [FeatureKind; 12] = [
        FeatureKind::Person,
        FeatureKind::Org,
        FeatureKind::Country,
        FeatureKind::Event,
        FeatureKind::Date,
        FeatureKind::Period,
        FeatureKind::Number,
        FeatureKind::Place,
        FeatureKind::Speaker,
        FeatureKind::Lead,
        FeatureKind::LeadCountries,
        FeatureKind::LeadCountry,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(c: u8) -> Option<FeatureKind> {
        FeatureKind::ALL.get(usize::from(c)).copied()
    }

    /// The name `explain` gives the kind.
    pub fn name(self) -> &'static str {
        match self {
            FeatureKind::Person => "person",
            FeatureKind::Org => "org",
            FeatureKind::Country => "country",
            FeatureKind::Event => "event",
            FeatureKind::Date => "day",
            FeatureKind::Period => "period",
            FeatureKind::Number => "number",
            FeatureKind::Place => "place",
            FeatureKind::Speaker => "speaker",
            FeatureKind::Lead => "lead",
            FeatureKind::LeadCountries => "lead_countries",
            FeatureKind::LeadCountry => "lead_country",
        }
    }
}

/// The headline and first paragraph: facts first mentioned in the first this many characters
/// of the body (or in the title) are the story's own.
pub const LEAD_CHARS: usize = 500;

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
    of_facts(doc, &facts(doc, folded_body))
}

/// Fingerprint a document whose [`facts`] are at hand.
pub fn of_facts(doc: &Document, facts: &[(FeatureKind, String)]) -> Fingerprint {
    let mut f: Vec<Feature> = facts.iter().map(|(k, v)| Feature::new(*k, v)).collect();
    f.sort_unstable();
    f.dedup();
    Fingerprint {
        features: f,
        day: published(doc),
        pinned: pinned_weekdays(doc),
    }
}

fn published(doc: &Document) -> Option<Day> {
    doc.published.as_deref().and_then(Day::parse_iso)
}

/// The facts of a document in readable form, (kind, value), unsorted and possibly repeated:
/// what [`of_folded`] hashes, and what `explain` shows.
pub fn facts(doc: &Document, folded_body: &str) -> Vec<(FeatureKind, String)> {
    let in_lead = |pos: usize| {
        pos < LEAD_CHARS
            || doc
                .title_span
                .as_ref()
                .is_some_and(|t| (t.start..t.end).contains(&pos))
    };
    let mut f: Vec<(FeatureKind, String)> = Vec::new();
    let mut lead: Vec<(FeatureKind, String)> = Vec::new();
    let mut lead_countries: Vec<&str> = Vec::new();
    for e in &doc.entities {
        let kind = match e.kind {
            EntityKind::Person => FeatureKind::Person,
            EntityKind::Org => FeatureKind::Org,
            EntityKind::Country => FeatureKind::Country,
            EntityKind::Location => FeatureKind::Place,
        };
        let value = if e.kind == EntityKind::Person {
            &e.key
        } else {
            &e.id
        };
        // a facility's spelled id names it in one language only: between reports in two
        // languages it would only weigh against the pair, and its city is usually named too
        if value.is_empty() || crate::entities::spelled_place(e) || outlet(e.kind, &e.id) {
            continue;
        }
        let first = e.mentions.iter().map(|m| m.start).min();
        if first.is_some_and(in_lead) {
            match kind {
                FeatureKind::Country => lead_countries.push(value),
                _ => lead.push((kind, value.clone())),
            }
        }
        f.push((kind, value.clone()));
        if kind == FeatureKind::Person {
            f.extend(
                person_variants(&e.name, value)
                    .into_iter()
                    .map(|v| (FeatureKind::Person, v)),
            );
            // a name of a lineage ("Mohammed bin Salman", "محمد بن سلمان") is shortened by the
            // press to its given name after a title ("Prince Mohammed", "الشيخ محمد"): another
            // report may know the person only so
            f.extend(given_of_lineage(&e.name).map(|v| (FeatureKind::Person, v)));
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
        let value = format!("{}:{}", ev.kind, actors.join("|"));
        if in_lead(ev.start) {
            lead.push((FeatureKind::Event, value.clone()));
        }
        f.push((FeatureKind::Event, value));
    }
    let day = published(doc);
    for d in &doc.dates {
        match (&d.value, d.grain) {
            (Some(v), Grain::Day | Grain::Time) => {
                let value: String = v.chars().take(10).collect();
                f.push((day_kind(day, &value), value));
            }
            (Some(v), Grain::Month | Grain::Year) => f.push((FeatureKind::Period, v.clone())),
            _ => {}
        }
    }
    for q in &doc.quotes {
        // a bare role ("the minister") says nothing about which minister
        if let Some(s) = q
            .speaker
            .as_deref()
            .filter(|s| !s.starts_with("role-") && !outlet(EntityKind::Org, s))
        {
            f.push((FeatureKind::Speaker, s.to_string()));
        }
    }
    // the figures of the dates ("March 8", "8 آذار") are days, counted above
    let mut figures = super::numbers::figures(folded_body);
    for d in &doc.dates {
        for n in super::numbers::figures(&fold_key(&d.text)) {
            if let Some(i) = figures.iter().position(|x| *x == n) {
                figures.swap_remove(i);
            }
        }
    }
    f.extend(figures.into_iter().map(|n| (FeatureKind::Number, n)));
    f.extend(
        lead.into_iter()
            .map(|(k, v)| (FeatureKind::Lead, format!("{}:{v}", k.name()))),
    );
    lead_countries.sort_unstable();
    lead_countries.dedup();
    f.extend(
        lead_countries
            .iter()
            .map(|c| (FeatureKind::LeadCountry, c.to_string())),
    );
    // two or three countries say who; more is a regional round-up
    if let (Some(day), 2..=3) = (
        doc.published.as_deref().filter(|_| day.is_some()),
        lead_countries.len(),
    ) {
        f.push((
            FeatureKind::LeadCountries,
            format!(
                "{} on {}",
                lead_countries.join("|"),
                &day[..day.len().min(10)]
            ),
        ));
    }
    f
}

/// The news outlets and agencies of the organisation table (kind `media`).
static OUTLETS: Lazy<std::collections::HashSet<String>> = Lazy::new(|| {
    rows(tsv!("organisations.tsv"), &["id", "kind"])
        .filter(|r| r.get("kind") == "media")
        .map(|r| r.get("id").to_string())
        .collect()
});

/// Is this organisation a news outlet? An outlet a report cites or quotes ("told Reuters",
/// "according to Press TV", a credit line) is the report's source, no fact of its story: two
/// reports of different stories citing one agency share nothing, and a report citing three
/// agencies tells no more of its story than one citing none.
fn outlet(kind: EntityKind, id: &str) -> bool {
    kind == EntityKind::Org && OUTLETS.contains(id)
}

/// A day near the publication day (or in an undated document) is the story's; one further away
/// is background, weighed like a month.
fn day_kind(published: Option<Day>, value: &str) -> FeatureKind {
    match (published, Day::parse_iso(value)) {
        (Some(p), Some(d)) if (p.to_days() - d.to_days()).abs() > super::WINDOW_DAYS => {
            FeatureKind::Period
        }
        _ => FeatureKind::Date,
    }
}

/// Other keys of a person's Latin name that another outlet's spelling may give: a name part
/// with its article fused ("Elhamamy", "Albusaidi") keyed without it, as the Arabic key drops
/// ال. Returns only keys that differ from `key`.
pub fn person_variants(name: &str, key: &str) -> Vec<String> {
    let mut changed = false;
    let parts: Vec<&str> = name
        .split_whitespace()
        .map(|w| match fused_article(w) {
            Some(rest) => {
                changed = true;
                rest
            }
            None => w,
        })
        .collect();
    if !changed {
        return Vec::new();
    }
    let v = crate::entities::translit::key(&parts.join(" "));
    if v.is_empty() || v == key {
        Vec::new()
    } else {
        vec![v]
    }
}

/// The key of the given name of a name with a lineage particle ("Mohammed bin Salman" →
/// the key of "Mohammed"), if it has one.
fn given_of_lineage(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lineage = words.len() >= 3
        && words[1..]
            .iter()
            .any(|w| matches!(w.to_lowercase().as_str(), "bin" | "ibn" | "bint"));
    lineage
        .then(|| crate::entities::translit::key(words[0]))
        .filter(|k| !k.is_empty())
}

/// The rest of a Latin name part written with its article fused: "Albusaidi" → "busaidi",
/// "Elhamamy" → "hamamy" (not "Alexander", "Elena": the article is followed by a consonant and
/// the rest is a name of its own, four letters or more).
fn fused_article(w: &str) -> Option<&str> {
    let lower = w.to_lowercase();
    if !(lower.starts_with("al") || lower.starts_with("el")) || !w.is_ascii() {
        return None;
    }
    let rest = &w[2..];
    let next = rest.chars().next()?;
    let consonant = next.is_ascii_alphabetic() && !"aeiouAEIOU".contains(next);
    (consonant && rest.len() >= 4).then_some(rest)
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

#[cfg(test)]
mod tests {
    use super::{facts, given_of_lineage, FeatureKind};
    use crate::entities::translit::key;
    use crate::fixtures::extracted;

    /// The facts of the kinds `kinds` of the document made of `text`, published on 10 March 2024.
    fn facts_of(text: &str, kinds: &[FeatureKind]) -> Vec<(FeatureKind, String)> {
        let doc = extracted(text, Some("2024-03-10"));
        facts(&doc, &crate::text::fold::fold_key(text))
            .into_iter()
            .filter(|(k, _)| kinds.contains(k))
            .collect()
    }

    fn event_and_place_facts(text: &str) -> Vec<String> {
        facts_of(text, &[FeatureKind::Event, FeatureKind::Place])
            .into_iter()
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn a_facility_spelled_from_its_words_is_no_fact() {
        let other = event_and_place_facts(
            "Talks in Doha\n\nIran's foreign minister met U.S. envoys on Sunday at Hamad International Airport, officials said.",
        );
        assert!(other.iter().any(|f| f == "CONSULT:IRN|USA"), "{other:?}");
        // the facility's id is spelled from its own words: no fact another language could share
        assert!(!other.iter().any(|f| f.contains("hamad")), "{other:?}");
    }

    fn org_and_speaker_facts(text: &str) -> Vec<(FeatureKind, String)> {
        facts_of(text, &[FeatureKind::Org, FeatureKind::Speaker])
    }

    #[test]
    fn a_cited_news_outlet_is_no_fact_of_the_story() {
        let en = org_and_speaker_facts(
            "Port reopens\n\nThe port authority reopened the harbour on Monday, Reuters reported. \"The harbour is open again,\" the agency quoted NATO as saying, according to Agence France-Presse.",
        );
        assert!(en.iter().any(|(_, v)| v == "NATO"), "{en:?}");
        assert!(
            !en.iter().any(|(_, v)| v == "REUTERS" || v == "AFP"),
            "{en:?}"
        );
        let ar = org_and_speaker_facts(
            "عودة الملاحة\n\nأعيد فتح الميناء يوم الاثنين، بحسب ما أفادت وكالة رويترز. وقال حلف شمال الأطلسي لوكالة الصحافة الفرنسية: \"الميناء مفتوح\".",
        );
        assert!(ar.iter().any(|(_, v)| v == "NATO"), "{ar:?}");
        assert!(
            !ar.iter().any(|(_, v)| v == "REUTERS" || v == "AFP"),
            "{ar:?}"
        );
    }

    #[test]
    fn a_lineage_name_is_also_known_by_its_given_name() {
        assert_eq!(
            given_of_lineage("Mohammed bin Salman"),
            Some(key("Mohammed"))
        );
        assert_eq!(
            given_of_lineage("Faisal ibn Farhan Al Saud"),
            Some(key("Faisal"))
        );
        // the same key as the Arabic given name a report may give alone
        assert_eq!(given_of_lineage("Mohammed bin Salman"), Some(key("محمد")));
        assert_eq!(given_of_lineage("Vladimir Putin"), None);
        assert_eq!(given_of_lineage("bin Farhan"), None);
    }
}
