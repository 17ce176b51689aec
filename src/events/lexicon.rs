//! The event tables of `data/`: trigger words (event_triggers.tsv, `lemma` and Arabic `noun`
//! rows expanded to their regular forms by [`crate::phrases::inflect`]), mode and clause words
//! (event_modes.tsv), context words (plover_contexts.tsv), the PLOVER-to-CAMEO codes by
//! context (plover_cameo.tsv) and the groups each PLOVER type belongs to (plover_types.tsv).

use once_cell::sync::Lazy;

use crate::doc::EventType;
use crate::lexicon::{rows, Row};
use crate::phrases::inflect::{self, Form};
use crate::phrases::PhraseTable;
use crate::text::hash::WordMap;
use crate::tsv;

/// A trigger word: the PLOVER type and CAMEO code it signals.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// None for a phrase that holds a trigger word but is no event ("-" in the table: "بحثا
    /// عن", "money supply").
    pub kind: Option<EventType>,
    pub cameo: String,
    pub noun: bool,
    /// An Arabic future form ("سيستقبل"): intended, like a future word before the trigger.
    pub future: bool,
    /// A verb whose object is a topic ("discussed OPEC+ ties"): its other party follows
    /// "with" / "مع".
    pub topic: bool,
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
    /// "if", "إذا": what follows in the clause is a condition, not an event.
    Conditional,
    /// "that", "أن": a reported clause starts; the speaker before it is no owner of an event
    /// noun after it ("the Navy said that the seizure …", "قال بايدن إن الضربات").
    Complement,
    /// "who", "which", "الذي": after a comma, a relative clause about an actor (background).
    Relative,
    /// "in coordination with", "بالتنسيق مع": the group after it acts with the subject.
    Partner,
    /// "against", "ضد": the group after it is an act's target, never its doer.
    Against,
    /// "أنه", "إنها": a "that" whose pronoun takes up the subject before it (a complement,
    /// across which a later verb still continues that subject).
    Resumptive,
    /// "with", "مع": a preposition whose object is the other party of a talk.
    With,
    /// "brokered by", "بوساطة": the group after it is the mediator, no party of the act.
    Mediator,
    /// "كان قد": the Arabic pluperfect, what had happened before the story (background).
    Background,
    /// An irregular English past participle ("held", "hit"): after an auxiliary, a passive.
    Participle,
}

/// How the event stage treats a PLOVER type: the groups it belongs to (data/plover_types.tsv).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeRules {
    /// A cooperation: it needs a partner when other actors are named, and a quotation's speaker
    /// takes part in it.
    pub cooperative: bool,
    /// Announced for the future or hoped for, it is AGREE.
    pub intendable: bool,
    /// It needs two parties to be an event at all (meetings, cooperation).
    pub mutual: bool,
    /// Its event noun with its owner alone is an event ("Japan's refusal", "هجمات").
    pub unilateral: bool,
    /// Praise or blame: it looks further after the trigger for what it is about.
    pub attitude: bool,
    /// Aimed at another party (a demand, an accusation, a sanction): when the sentence names
    /// only one side, the other is the story's main other party.
    pub directed: bool,
    /// What follows its trigger in the clause is what was asked, refused or threatened ("called
    /// on Iran to release the ship"), not an event of its own.
    pub content: bool,
    /// A commitment to it is a threat ("vowed to attack", "توعد بالرد").
    pub hostile: bool,
}

pub struct Lexicon {
    pub triggers: PhraseTable<Trigger>,
    pub markers: PhraseTable<Marker>,
    pub contexts: PhraseTable<String>,
    /// (type, context or "*") → CAMEO code.
    pub cameo: WordMap<(EventType, String), String>,
    /// (type, or None for every type; context) in which nothing is coded: a sports sentence's
    /// "hosts" or "attack", an invitation to a wedding ("-" as code in plover_cameo.tsv).
    voids: Vec<(Option<EventType>, String)>,
    /// The rules of each type, by its place in [`EventType::ALL`].
    rules: [TypeRules; EventType::ALL.len()],
}

impl Marker {
    /// Does a reported clause start here ("that", "أن", "إنها")?
    pub fn complement(m: &Option<Marker>) -> bool {
        matches!(m, Some(Marker::Complement | Marker::Resumptive))
    }
}

impl Lexicon {
    /// The CAMEO code of a type in its first context that has one, else the type's own.
    pub fn cameo_for(&self, kind: EventType, contexts: &[String]) -> Option<String> {
        contexts
            .iter()
            .find_map(|c| self.cameo.get(&(kind, c.clone())))
            .or_else(|| self.cameo.get(&(kind, "*".to_string())))
            .cloned()
    }

    /// Does one of the sentence's `contexts` make type `kind` no event at all?
    pub fn voided(&self, kind: EventType, contexts: &[String]) -> bool {
        self.voids
            .iter()
            .any(|(k, c)| k.is_none_or(|k| k == kind) && contexts.contains(c))
    }

    /// How the event stage treats type `kind`.
    pub fn rules(&self, kind: EventType) -> TypeRules {
        self.rules[kind as usize]
    }
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut triggers = PhraseTable::default();
    // where two rows give the same form, the first inserted wins: the forms as written, then
    // the nouns' forms, then the verbs' ("إشادة" is the noun, not أشاد with the pronoun ه)
    let table: Vec<Row> = rows(
        tsv!("event_triggers.tsv"),
        &[
            "lang", "phrase", "type", "cameo", "pos", "present", "object",
        ],
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
                let trigger = Trigger {
                    kind: EventType::parse(r.get("type")),
                    cameo: r.get("cameo").to_string(),
                    noun: pos == "noun",
                    future: f.future,
                    topic: r.get("object") == "topic",
                };
                triggers.insert(&f.text, trigger);
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
            "conditional" => Marker::Conditional,
            "complement" => Marker::Complement,
            "relative" => Marker::Relative,
            "partner" => Marker::Partner,
            "against" => Marker::Against,
            "participle" => Marker::Participle,
            "with" => Marker::With,
            "resumptive" => Marker::Resumptive,
            "mediator" => Marker::Mediator,
            "background" => Marker::Background,
            _ => continue,
        };
        markers.insert(r.get("word"), m);
    }
    let mut contexts = PhraseTable::default();
    for r in rows(tsv!("plover_contexts.tsv"), &["word", "context"]) {
        contexts.insert(r.get("word"), r.get("context").to_string());
    }
    let cameo_rows = || rows(tsv!("plover_cameo.tsv"), &["type", "context", "cameo"]);
    let voids = cameo_rows()
        .filter(|r| r.get("cameo") == "-")
        .filter_map(|r| {
            let kind = match r.get("type") {
                "*" => None,
                t => Some(EventType::parse(t)?),
            };
            Some((kind, r.get("context").to_string()))
        })
        .collect();
    let cameo = cameo_rows()
        .filter(|r| r.get("cameo") != "-")
        .filter_map(|r| {
            let kind = EventType::parse(r.get("type"))?;
            Some((
                (kind, r.get("context").to_string()),
                r.get("cameo").to_string(),
            ))
        })
        .collect();
    Lexicon {
        triggers,
        markers,
        contexts,
        cameo,
        voids,
        rules: type_rules(),
    }
});

/// The rules of each type from data/plover_types.tsv.
fn type_rules() -> [TypeRules; EventType::ALL.len()] {
    let columns = [
        "type",
        "cooperative",
        "intendable",
        "mutual",
        "unilateral",
        "attitude",
        "directed",
        "content",
        "hostile",
    ];
    let mut out = [TypeRules::default(); EventType::ALL.len()];
    for r in rows(tsv!("plover_types.tsv"), &columns) {
        let Some(kind) = EventType::parse(r.get("type")) else {
            continue;
        };
        let yes = |column: &str| r.get(column) == "yes";
        out[kind as usize] = TypeRules {
            cooperative: yes("cooperative"),
            intendable: yes("intendable"),
            mutual: yes("mutual"),
            unilateral: yes("unilateral"),
            attitude: yes("attitude"),
            directed: yes("directed"),
            content: yes("content"),
            hostile: yes("hostile"),
        };
    }
    out
}

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
    use crate::doc::EventMode;
    use crate::lexicon::Tsv;

    #[test]
    fn tables_load() {
        let l = lexicon();
        assert_eq!(
            l.cameo_for(EventType::Agree, &["military".to_string()])
                .as_deref(),
            Some("0312")
        );
        assert_eq!(
            l.cameo_for(EventType::Consult, &["terrorism".to_string()])
                .as_deref(),
            Some("040")
        );
        assert!(!l.triggers.is_empty() && !l.markers.is_empty() && !l.contexts.is_empty());
        assert!(l.rules(EventType::Consult).mutual && l.rules(EventType::Accuse).attitude);
        let sport = ["sport".to_string()];
        assert!(l.voided(EventType::Consult, &sport) && l.voided(EventType::Assault, &sport));
        let festivity = ["festivity".to_string()];
        assert!(l.voided(EventType::Request, &festivity));
        assert!(!l.voided(EventType::Accuse, &festivity));
        assert!(!l.rules(EventType::Threaten).intendable);
    }

    /// Every type a table names is one of PLOVER's sixteen ("-" in the trigger table: no event;
    /// "*" in the code table: every type),
    /// and every type has its row of rules.
    #[test]
    fn tables_name_known_types() {
        let names = |table: Tsv| rows(table, &["type"]).map(|r| r.get("type"));
        for name in names(tsv!("event_triggers.tsv")).filter(|&n| n != "-") {
            assert!(
                EventType::parse(name).is_some(),
                "event_triggers.tsv: {name}"
            );
        }
        for name in names(tsv!("plover_cameo.tsv")).filter(|&n| n != "*") {
            assert!(EventType::parse(name).is_some(), "plover_cameo.tsv: {name}");
        }
        let typed: Vec<&str> = names(tsv!("plover_types.tsv")).collect();
        for t in EventType::ALL {
            assert!(typed.contains(&t.as_str()), "plover_types.tsv lacks {t}");
        }
        assert_eq!(typed.len(), EventType::ALL.len());
    }

    #[test]
    fn types_and_modes_are_written_as_their_names() {
        for t in EventType::ALL {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
        let modes = [
            EventMode::Asserted,
            EventMode::Reported,
            EventMode::Intended,
            EventMode::Hoped,
            EventMode::Negated,
        ];
        for m in modes {
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.as_str()));
        }
    }
}
