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
    /// A person the text names only by a role ("the Saudi defence minister"): it has a `title`,
    /// usually a `country`, and no personal name. Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub role_only: bool,
}

impl Entity {
    /// An entity known by its id, kind, name and key, with no mention yet and none of the facts
    /// that only some entities have (country, title, affiliation, place facts, role only): the
    /// one place that lists every field, so that a new optional field is added once.
    pub fn new(id: String, kind: EntityKind, name: String, key: String) -> Entity {
        Entity {
            id,
            kind,
            name,
            key,
            country: None,
            title: None,
            affiliation: None,
            geonames: None,
            lat: None,
            lon: None,
            mentions: Vec::new(),
            role_only: false,
        }
    }
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
    /// A time named only by its relation to the time of writing ("now", "recently", "soon"),
    /// valued as TimeML does: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference,
}

impl Grain {
    /// Whether the value names a time on the calendar (a day, a month, a range…): a length of
    /// time (`P2D`) and a reference (`PRESENT_REF`) do not.
    pub fn is_calendar(self) -> bool {
        !matches!(self, Grain::Duration | Grain::Reference)
    }
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

/// A PLOVER event type, written in capitals (`AGREE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    /// The sixteen types, in PLOVER's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The type's name as written in the record and the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// The type of a name as written in the record and the tables (`AGREE`).
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a text presents an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventMode {
    /// It happened or is happening.
    Asserted,
    /// From a leak or an unnamed document.
    Reported,
    /// Announced for the future.
    Intended,
    Hoped,
    /// It did not happen, or was refused.
    Negated,
}

impl EventMode {
    /// The mode's name as written in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            EventMode::Asserted => "asserted",
            EventMode::Reported => "reported",
            EventMode::Intended => "intended",
            EventMode::Hoped => "hoped",
            EventMode::Negated => "negated",
        }
    }
}

/// A coded event (PLOVER type, CAMEO code alongside).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub mode: EventMode,
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
    pub errors: Vec<DocError>,
}

/// Something that went wrong with one document: a stable code to match on and a message for
/// people (docs/output.md lists the codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocError {
    pub code: ErrorCode,
    pub message: String,
}

impl DocError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> DocError {
        DocError {
            code,
            message: message.into(),
        }
    }
}

/// The kinds of per-document errors. The input codes are found by the Python layer, which hands
/// them to the core with the input; the others by the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Undecodable bytes or lone surrogates, replaced so that offsets stay valid.
    BadEncoding,
    /// No text: `None`, NaN, a missing column value.
    MissingText,
    /// A value that is not text (a number, a list).
    NotText,
    /// A line of a JSON Lines file that is not a JSON object.
    BadJson,
    /// A publication date that could not be read.
    PublishedUnparsed,
    /// A publication date whose instant in UTC falls outside the years 1 to 9999.
    PublishedOutOfRange,
    /// A date names a weekday other than the publication day's ("today, Sunday" on a Monday).
    WeekdayMismatch,
    /// A stage of the pipeline failed; the document is left empty.
    StageFailed,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 8] = [
        ErrorCode::BadEncoding,
        ErrorCode::MissingText,
        ErrorCode::NotText,
        ErrorCode::BadJson,
        ErrorCode::PublishedUnparsed,
        ErrorCode::PublishedOutOfRange,
        ErrorCode::WeekdayMismatch,
        ErrorCode::StageFailed,
    ];

    /// The code as the record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadEncoding => "bad_encoding",
            ErrorCode::MissingText => "missing_text",
            ErrorCode::NotText => "not_text",
            ErrorCode::BadJson => "bad_json",
            ErrorCode::PublishedUnparsed => "published_unparsed",
            ErrorCode::PublishedOutOfRange => "published_out_of_range",
            ErrorCode::WeekdayMismatch => "weekday_mismatch",
            ErrorCode::StageFailed => "stage_failed",
        }
    }

    pub fn parse(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code)
    }
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
            let mut doc = Document::empty(&self.id);
            let message = format!("the record could not be written: {e}");
            doc.errors
                .push(DocError::new(ErrorCode::StageFailed, message));
            serde_json::to_string(&doc).unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_written_as_their_names() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
        }
        let e = DocError::new(ErrorCode::MissingText, "missing text");
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"code":"missing_text","message":"missing text"}"#);
    }

    /// The first column of a table of docs/output.md, the one whose header starts with `head`.
    fn documented(head: &str) -> Vec<&'static str> {
        let doc = include_str!("../docs/output.md");
        let table = doc
            .split(head)
            .nth(1)
            .expect("docs/output.md has the table");
        table
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| l.split('`').nth(1))
            .collect()
    }

    /// docs/output.md lists the record's fields in the order they are written.
    #[test]
    fn the_documented_fields_are_the_record() {
        let json = serde_json::to_value(Document::empty("x")).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let fields = documented("| field |");
        // serde_json's map without `preserve_order` sorts its keys
        let mut sorted = fields.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
        let record = Document::empty("x").to_json();
        let mut at = 0;
        for field in fields {
            let found = record[at..].find(&format!("\"{field}\":"));
            at += found.unwrap_or_else(|| panic!("{field} out of order in {record}"));
        }
    }

    /// docs/output.md lists every code in its table of errors, and no other.
    #[test]
    fn the_documented_codes_are_the_codes() {
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(documented("| code |"), codes);
    }
}
