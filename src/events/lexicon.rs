//! The event tables of `data/`: trigger words (event_triggers.tsv, `lemma` and Arabic `noun`
//! rows expanded to their regular forms by [`crate::events::inflect`]), mode and clause words
//! (event_modes.tsv), context words (plover_contexts.tsv) and the PLOVER-to-CAMEO codes by
//! context (plover_cameo.tsv).

use once_cell::sync::Lazy;

use crate::events::inflect::{self, Form};
use crate::events::phrases::PhraseTable;
use crate::lexicon::{rows, Row};
use crate::text::hash::WordMap;
use crate::tsv;

/// A trigger word: the PLOVER type and CAMEO code it signals.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub kind: String,
    pub cameo: String,
    pub noun: bool,
    /// An Arabic future form ("سيستقبل"): intended, like a future word before the trigger.
    pub future: bool,
}

/// What a mode or clause word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Intended,
    Hoped,
    Negated,
    Reported,
    /// A venue follows ("in", "في"): the group after it is not an actor.
    Place,
    /// A new clause starts.
    Break,
    /// "both sides", "الجانبان": the last pair of actors named.
    Dyad,
    /// "between", "بين": the groups after it form one pair.
    Between,
    /// A preposition: the group after it is its object, not a clause's subject.
    Oblique,
    /// An article: an English verb form after it is used as a noun or adjective.
    Article,
    /// An auxiliary of the passive ("was", "been").
    Passive,
    /// "by", "من قبل": after a passive verb, the group that follows is the doer.
    Agent,
}

pub struct Lexicon {
    pub triggers: PhraseTable<Trigger>,
    pub markers: PhraseTable<Marker>,
    pub contexts: PhraseTable<String>,
    /// (type, context or "*") → CAMEO code.
    pub cameo: WordMap<(String, String), String>,
}

impl Lexicon {
    /// The CAMEO code of a type in its first context that has one, else the type's own.
    pub fn cameo_for(&self, kind: &str, contexts: &[String]) -> Option<String> {
        contexts
            .iter()
            .find_map(|c| self.cameo.get(&(kind.to_string(), c.clone())))
            .or_else(|| self.cameo.get(&(kind.to_string(), "*".to_string())))
            .cloned()
    }
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut triggers = PhraseTable::default();
    // where two rows give the same form, the first inserted wins: the forms as written, then
    // the nouns' forms, then the verbs' ("إشادة" is the noun, not أشاد with the pronoun ه)
    let table: Vec<Row> = rows(
        tsv!("event_triggers.tsv"),
        &["lang", "phrase", "type", "cameo", "pos", "present"],
    )
    .collect();
    for pass in 0..3 {
        for r in &table {
            let (lang, phrase, pos) = (r.get("lang"), r.get("phrase"), r.get("pos"));
            let fs = forms(lang, phrase, pos, r.get("present"));
            let fs = match pass {
                0 => fs.into_iter().take(1).collect(),
                1 if pos == "noun" => fs,
                2 if pos != "noun" => fs,
                _ => Vec::new(),
            };
            for f in fs {
                let t = Trigger {
                    kind: r.get("type").to_string(),
                    cameo: r.get("cameo").to_string(),
                    noun: pos == "noun",
                    future: f.future,
                };
                triggers.insert(&f.text, t);
            }
        }
    }
    let mut markers = PhraseTable::default();
    for r in rows(tsv!("event_modes.tsv"), &["word", "kind"]) {
        let m = match r.get("kind") {
            "intended" => Marker::Intended,
            "hoped" => Marker::Hoped,
            "negated" => Marker::Negated,
            "reported" => Marker::Reported,
            "place" => Marker::Place,
            "break" => Marker::Break,
            "dyad" => Marker::Dyad,
            "between" => Marker::Between,
            "oblique" => Marker::Oblique,
            "article" => Marker::Article,
            "passive" => Marker::Passive,
            "agent" => Marker::Agent,
            _ => continue,
        };
        markers.insert(r.get("word"), m);
    }
    let mut contexts = PhraseTable::default();
    for r in rows(tsv!("plover_contexts.tsv"), &["word", "context"]) {
        contexts.insert(r.get("word"), r.get("context").to_string());
    }
    let cameo = rows(tsv!("plover_cameo.tsv"), &["type", "context", "cameo"])
        .map(|r| {
            (
                (r.get("type").to_string(), r.get("context").to_string()),
                r.get("cameo").to_string(),
            )
        })
        .collect();
    Lexicon {
        triggers,
        markers,
        contexts,
        cameo,
    }
});

/// The forms a trigger row stands for: `lemma` rows inflect (English base form; Arabic past with
/// its present in the sixth column), Arabic nouns take pronouns and plurals, other rows are as
/// written.
fn forms(lang: &str, phrase: &str, pos: &str, present: &str) -> Vec<Form> {
    match (lang, pos) {
        ("en", "lemma") => inflect::english(phrase),
        ("ar", "lemma") => inflect::arabic_verb(phrase, present),
        ("ar", "noun") => inflect::arabic_noun(phrase),
        _ => vec![Form {
            text: phrase.to_string(),
            future: false,
        }],
    }
}

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let l = lexicon();
        assert_eq!(
            l.cameo_for("AGREE", &["military".to_string()]).as_deref(),
            Some("0312")
        );
        assert_eq!(
            l.cameo_for("CONSULT", &["terrorism".to_string()])
                .as_deref(),
            Some("040")
        );
        assert!(!l.triggers.is_empty() && !l.markers.is_empty() && !l.contexts.is_empty());
    }
}
