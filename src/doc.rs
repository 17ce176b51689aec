//! The output records: the document record of the project's output schema (docs/output.md),
//! serialised with serde exactly as the JSON Lines output and `Document.to_dict()` show it.
//! All offsets are character offsets into the original input string, end exclusive.

use serde::{Deserialize, Serialize};

/// A removed or located stretch of the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Org,
    Person,
    Location,
}

/// A real-world entity, once per document, with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub key: String,
    pub country: Option<String>,
    pub title: Option<String>,
    /// The international body (`UN`, `AU`, `EU`…) the entity acts for, when it is not a state's:
    /// a UN under-secretary-general has `affiliation` `UN` and `country` null.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// A place's GeoNames id and coordinates, where known (null otherwise).
    #[serde(default)]
    pub geonames: Option<u32>,
    #[serde(default)]
    pub lat: Option<Coord>,
    #[serde(default)]
    pub lon: Option<Coord>,
    pub mentions: Vec<Mention>,
}

/// A latitude or longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Coord(pub f64);

// coordinates come from a table and are never NaN, so equality is an equivalence
impl Eq for Coord {}

/// The precision of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    Year,
    Month,
    Day,
    Time,
    Range,
    Duration,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<String>,
    pub grain: Grain,
}

/// A direct or partial quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `direct` or `partial`.
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
}

/// A coded event (PLOVER type, CAMEO code alongside).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: String,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub mode: String,
    pub date: Option<String>,
    pub location: Option<String>,
    pub start: usize,
    pub end: usize,
    pub trigger: String,
}

/// A line of content written in another language than the document's (a quoted English
/// sentence in an Arabic report, a bilingual caption).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangSpan {
    pub start: usize,
    pub end: usize,
    pub lang: String,
}

/// The document record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub lang: String,
    /// Content lines in another language than `lang`.
    #[serde(default)]
    pub lang_spans: Vec<LangSpan>,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub published: Option<String>,
    pub published_source: Option<String>,
    pub body: String,
    pub boilerplate: Vec<Span>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateExpr>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub cluster: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub errors: Vec<String>,
}

impl Document {
    /// An empty record for a document that could not be processed.
    pub fn empty(id: &str) -> Document {
        Document {
            id: id.to_string(),
            lang: "und".to_string(),
            lang_spans: Vec::new(),
            title: None,
            title_span: None,
            published: None,
            published_source: None,
            body: String::new(),
            boilerplate: Vec::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            cluster: None,
            source: None,
            url: None,
            errors: Vec::new(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            format!("{{\"id\":{:?},\"errors\":[{:?}]}}", self.id, e.to_string())
        })
    }
}
