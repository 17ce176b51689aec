//! The word lists quotes are read with: cue verbs (data/cue_verbs.tsv) and the nouns that
//! introduce quoted names (data/quote_names.tsv). Role nouns and pronouns are shared with the
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
    Lexicon { cues, names }
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
