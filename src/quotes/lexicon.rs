//! The word lists quotes are read with: cue verbs (data/cue_verbs.tsv), role nouns and pronouns
//! (data/quote_roles.tsv) and the nouns that introduce quoted names (data/quote_names.tsv).

use once_cell::sync::Lazy;

use crate::events::phrases::PhraseTable;
use crate::lexicon::{field, rows};
use crate::text::fold::fold_key;
use crate::text::hash::WordSet;

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
    for r in rows(include_str!("../../data/cue_verbs.tsv")) {
        let role = match field(&r, 3) {
            "verb" => CueRole::Verb,
            "participle" => CueRole::Participle,
            "according" => CueRole::According,
            "statement" => CueRole::Statement,
            _ => continue,
        };
        cues.insert(
            field(&r, 1),
            Cue {
                lemma: field(&r, 2).to_string(),
                role,
            },
        );
    }
    let mut roles = PhraseTable::default();
    let mut role_list = Vec::new();
    for r in rows(include_str!("../../data/quote_roles.tsv")) {
        let kind = match field(&r, 1) {
            "person" => RoleKind::Person,
            "statement" => RoleKind::Statement,
            "pronoun" => RoleKind::Pronoun,
            _ => continue,
        };
        let forms: Vec<String> = [field(&r, 2), field(&r, 3)]
            .iter()
            .flat_map(|c| c.split('|'))
            .map(fold_key)
            .filter(|f| !f.is_empty())
            .collect();
        for f in &forms {
            roles.insert(f, role_list.len());
        }
        role_list.push(Role {
            key: field(&r, 0).to_string(),
            kind,
            forms,
        });
    }
    let names = rows(include_str!("../../data/quote_names.tsv"))
        .map(|r| fold_key(field(&r, 1)))
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
