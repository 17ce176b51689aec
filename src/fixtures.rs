//! Documents built by hand for the stage tests: the analysis of a text written for a test, and
//! entity lists given by hand (each stage is tested apart from the entity stage).

use once_cell::sync::Lazy;

use crate::analysis::Analysis;
use crate::clean;
use crate::doc::{Document, Entity, EntityKind, Mention};
use crate::extractor::{Extractor, Input};
use crate::text::fold::Folded;

/// An entity: id, kind, name, country, title, and the strings that mention it (every
/// occurrence in the text counts).
pub type Spec<'s> = (
    &'s str,
    EntityKind,
    &'s str,
    Option<&'s str>,
    Option<&'s str>,
    &'s [&'s str],
);

pub fn entities(text: &str, specs: &[Spec]) -> Vec<Entity> {
    specs
        .iter()
        .map(|(id, kind, name, country, title, surfaces)| {
            let mut mentions = Vec::new();
            for s in surfaces.iter() {
                for (b, _) in text.match_indices(s) {
                    let start = text[..b].chars().count();
                    mentions.push(Mention {
                        start,
                        end: start + s.chars().count(),
                        text: s.to_string(),
                    });
                }
            }
            let mut e = Entity::new(id.to_string(), *kind, name.to_string(), name.to_lowercase());
            e.country = country.map(str::to_string);
            e.title = title.map(str::to_string);
            e.mentions = mentions;
            e
        })
        .collect()
}

/// Run `f` on the analysis of `text` (a headline line, then paragraphs).
pub fn with_analysis<T>(text: &str, lang: &str, f: impl FnOnce(&Analysis) -> T) -> T {
    let folded = Folded::new(text);
    let layout = clean::layout(&folded.text);
    let a = Analysis::new(text, folded, layout, lang.to_string(), None);
    f(&a)
}

/// One extractor of the built-in tables, shared by the tests that run the whole pipeline.
static BUILT_IN: Lazy<Extractor> =
    Lazy::new(|| Extractor::new(Default::default()).expect("the built-in extractor builds"));

/// The document the whole pipeline makes of `text`, published on `published` when given.
pub fn extracted(text: &str, published: Option<&str>) -> Document {
    let mut input = Input::new("t", text);
    input.published = published.map(str::to_string);
    BUILT_IN.extract_one(&input)
}

/// The entities the whole pipeline finds in `text`.
pub fn extracted_entities(text: &str) -> Vec<Entity> {
    extracted(text, None).entities
}
