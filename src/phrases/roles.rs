//! Role nouns (data/quote_roles.tsv): the words that name a person by office ("the Russian
//! ambassador", "السفير الروسي"), the statement of a body ("البيان") and the pronouns that
//! continue the last speaker. Quotes read them as speakers; events read the one-word person roles
//! to tell a title's portfolio from its office.

use once_cell::sync::Lazy;

use crate::lexicon::rows;
use crate::phrases::PhraseTable;
use crate::text::fold::fold_key;
use crate::text::hash::WordSet;
use crate::tsv;

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

/// The role table: each form found in a text gives the index of its role in `list`.
pub struct Roles {
    pub table: PhraseTable<usize>,
    pub list: Vec<Role>,
}

static ROLES: Lazy<Roles> = Lazy::new(|| {
    let mut table = PhraseTable::default();
    let mut list = Vec::new();
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
            table.insert(f, list.len());
        }
        list.push(Role {
            key: r.get("role").to_string(),
            kind,
            forms,
        });
    }
    Roles { table, list }
});

/// The role nouns, parsed once per process.
pub fn roles() -> &'static Roles {
    &ROLES
}

/// The one-word role nouns of persons in both languages ("minister", "وزير", "official"): what a
/// title says besides its portfolio.
pub fn role_words() -> &'static WordSet<String> {
    static WORDS: Lazy<WordSet<String>> = Lazy::new(|| {
        roles()
            .list
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
    fn roles_load_in_both_languages() {
        let amb = roles().list.iter().find(|r| r.key == "ambassador").unwrap();
        assert!(
            amb.forms.contains(&"سفير".to_string())
                && amb.forms.contains(&"ambassador".to_string())
        );
        assert!(role_words().contains("minister") && role_words().contains("وزير"));
    }
}
