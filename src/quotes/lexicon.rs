//! The word lists quotes are read with: cue verbs (data/cue_verbs.tsv), role nouns and pronouns
//! (data/quote_roles.tsv) and the nouns that introduce quoted names (data/quote_names.tsv).

use once_cell::sync::Lazy;

use crate::events::phrases::PhraseTable;
use crate::lexicon::rows;
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

/// What a role noun stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// A role held by a person ("the ambassador").
    Person,
    /// The statement of the body that issued it ("البيان").
    Statement,
    /// A pronoun: the last speaker.
    Pronoun,
}

#[derive(Debug, Clone)]
pub struct Role {
    /// Canonical English name of the role.
    pub key: String,
    pub kind: RoleKind,
    /// Folded forms in both languages, to compare with an entity's title.
    pub forms: Vec<String>,
}

pub struct Lexicon {
    pub cues: PhraseTable<Cue>,
    pub roles: PhraseTable<usize>,
    pub role_list: Vec<Role>,
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
    let mut roles = PhraseTable::default();
    let mut role_list = Vec::new();
    for r in rows(tsv!("quote_roles.tsv"), &["role", "kind", "ar", "en"]) {
        let kind = match r.get("kind") {
            "person" => RoleKind::Person,
            "statement" => RoleKind::Statement,
            "pronoun" => RoleKind::Pronoun,
            _ => continue,
        };
        let forms: Vec<String> = [r.get("ar"), r.get("en")]
            .iter()
            .flat_map(|c| c.split('|'))
            .map(fold_key)
            .filter(|f| !f.is_empty())
            .collect();
        for f in &forms {
            roles.insert(f, role_list.len());
        }
        role_list.push(Role {
            key: r.get("role").to_string(),
            kind,
            forms,
        });
    }
    let names = rows(tsv!("quote_names.tsv"), &["word"])
        .map(|r| fold_key(r.get("word")))
        .collect();
    Lexicon {
        cues,
        roles,
        role_list,
        names,
    }
});

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The one-word role nouns of persons in both languages ("minister", "وزير", "official"): what a
/// title says besides its portfolio.
pub fn role_words() -> &'static WordSet<String> {
    static WORDS: Lazy<WordSet<String>> = Lazy::new(|| {
        lexicon()
            .role_list
            .iter()
            .filter(|r| r.kind == RoleKind::Person)
            .flat_map(|r| &r.forms)
            .filter(|f| !f.contains(' '))
            .cloned()
            .collect()
    });
    &WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_in_both_languages() {
        let l = lexicon();
        assert!(!l.cues.is_empty());
        assert!(l.names.contains("صحيفه") && l.names.contains("newspaper"));
        let amb = l.role_list.iter().find(|r| r.key == "ambassador").unwrap();
        assert!(
            amb.forms.contains(&"سفير".to_string())
                && amb.forms.contains(&"ambassador".to_string())
        );
    }
}
