//! Arabic nisba adjectives: every regular shape of a relational adjective from its masculine
//! singular stem, so a table row says "روسي" once and the text may say الروسي، روسية، الروسيين…
//!
//! Shapes: masculine and feminine singular, sound masculine plural (nominative and oblique),
//! duals, feminine plural, each with and without the article. Irregular (broken) plurals such as
//! الروس are table rows of their own. Stems are folded keys (ة is already ه).

use crate::lang::ar;

/// All regular shapes of the nisba `stem` (a folded key ending in ي), with and without ال.
pub fn shapes(stem: &str) -> Vec<String> {
    let stem = stem.trim();
    if stem.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in ar::NISBA_ENDINGS {
        // a stem in ي takes ون/ين after ي (روسيون), ه after it (روسيه)
        let bare = format!("{stem}{e}");
        out.push(format!("{}{bare}", ar::AL));
        out.push(bare);
    }
    out
}

/// The form with and without the article of an irregular plural or a name-like alias.
pub fn with_article(key: &str) -> Vec<String> {
    match key.strip_prefix(ar::AL) {
        Some(bare) if bare.chars().count() >= 2 => vec![key.to_string(), bare.to_string()],
        _ => vec![key.to_string(), format!("{}{key}", ar::AL)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_shapes_of_a_stem() {
        let s = shapes("روسي");
        for want in [
            "روسي",
            "الروسي",
            "روسيه",
            "الروسيه",
            "الروسيين",
            "روسيون",
            "الروسيان",
        ] {
            assert!(s.iter().any(|x| x == want), "{want} missing");
        }
    }

    #[test]
    fn article_both_ways() {
        assert_eq!(with_article("الروس"), vec!["الروس", "روس"]);
        assert_eq!(with_article("مصاروه"), vec!["مصاروه", "المصاروه"]);
    }
}
