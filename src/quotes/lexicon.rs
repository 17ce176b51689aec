//! The word lists quotes are read with: cue verbs (data/cue_verbs.tsv), the nouns that
//! introduce quoted names (data/quote_names.tsv) and the complementisers that open a reported
//! clause (data/clause_words.tsv). Role nouns and pronouns are shared with the
//! event stage ([`crate::phrases::roles`]).

use once_cell::sync::Lazy;

use crate::lexicon::rows;
use crate::phrases::PhraseTable;
use crate::text::fold::fold_key;
use crate::text::hash::WordSet;
use crate::tsv;

/// What a cue word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueRole {
    /// A reporting verb: its subject is the speaker.
    Verb,
    /// A circumstantial form ("موضحًا", "explaining"): the main verb's subject speaks.
    Participle,
    /// "according to X", "وفق X": X is the speaker.
    According,
    /// "statement", "بيان": marks the statement of a body.
    Statement,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub lemma: String,
    pub role: CueRole,
}

pub struct Lexicon {
    pub cues: PhraseTable<Cue>,
    /// Folded nouns that introduce a quoted name.
    pub names: WordSet<String>,
    /// Folded complementisers that open a reported clause ("أن", "that").
    pub complementisers: WordSet<String>,
    /// Folded words that never stand in a subject read by text alone (prepositions, "اليوم").
    pub not_subject: WordSet<String>,
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut cues = PhraseTable::default();
    for r in rows(tsv!("cue_verbs.tsv"), &["form", "lemma", "role"]) {
        let role = match r.get("role") {
            "verb" => CueRole::Verb,
            "participle" => CueRole::Participle,
            "according" => CueRole::According,
            "statement" => CueRole::Statement,
            _ => continue,
        };
        cues.insert(
            r.get("form"),
            Cue {
                lemma: r.get("lemma").to_string(),
                role,
            },
        );
    }
    let names = rows(tsv!("quote_names.tsv"), &["word"])
        .map(|r| fold_key(r.get("word")))
        .collect();
    let clause_words = |kinds: &[&str]| -> WordSet<String> {
        rows(tsv!("clause_words.tsv"), &["form", "kind"])
            .filter(|r| kinds.contains(&r.get("kind")))
            .map(|r| fold_key(r.get("form")))
            .collect()
    };
    Lexicon {
        cues,
        names,
        complementisers: clause_words(&["that"]),
        not_subject: clause_words(&["not_subject", "prep", "by"]),
    }
});

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_in_both_languages() {
        let l = lexicon();
        assert!(!l.cues.is_empty());
        assert!(l.names.contains("صحيفه") && l.names.contains("newspaper"));
    }
}
