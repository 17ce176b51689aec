//! The plain-text tables of `data/`, embedded at compile time.
//!
//! Every table is a TSV file: `#` lines first (the first names the table's source), then a header
//! row naming the columns, then one row per entry. Facts live in these tables, never in match
//! arms: a new clutter phrase, month spelling or abbreviation is a row, not a code change.
//! Stages with tables of their own (entities, time, events) parse them with [`rows`] too.

use crate::text::fold::fold_key;
use crate::text::hash::WordSet;
use crate::text::lang::FunctionWords;
use once_cell::sync::Lazy;

/// The data rows of a TSV table: comments and the header row skipped, fields split on tabs and
/// trimmed. Blank lines are ignored.
pub fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Field `i` of a row, or "" when the row is short.
pub fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

/// How a clutter phrase marks its line (see data/clutter.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClutterKind {
    /// The whole line is this phrase (after folding and trimming punctuation).
    Line,
    /// The line starts with this phrase and is short: a byline, a share bar.
    Prefix,
    /// This line and the one after it (a tag list under "Tags").
    WithNext,
    /// Everything short from here to the end is the site's footer.
    Footer,
    /// A masthead credit ("Editor-in-chief"): furniture in the head of the page only.
    Head,
    /// The line names the source: "Source | outlet".
    Source,
}

/// The small shared tables.
pub struct Tables {
    pub abbreviations: WordSet<String>,
    pub function_words: FunctionWords,
    /// Folded clutter phrase → kind.
    pub clutter: Vec<(String, ClutterKind)>,
}

static TABLES: Lazy<Tables> = Lazy::new(|| {
    let abbreviations = rows(include_str!("../data/abbreviations.tsv"))
        .map(|r| fold_key(field(&r, 0)).trim_end_matches('.').to_string())
        .collect();
    let mut function_words = FunctionWords::default();
    for r in rows(include_str!("../data/function_words.tsv")) {
        let lang: &'static str = match field(&r, 0) {
            "en" => "en",
            "fr" => "fr",
            "es" => "es",
            "de" => "de",
            "it" => "it",
            "pt" => "pt",
            "tr" => "tr",
            "fa" => "fa",
            "ur" => "ur",
            _ => continue,
        };
        for w in field(&r, 1).split_whitespace() {
            function_words.add(lang, fold_key(w));
        }
    }
    let clutter = rows(include_str!("../data/clutter.tsv"))
        .filter_map(|r| {
            let kind = match field(&r, 1) {
                "line" => ClutterKind::Line,
                "prefix" => ClutterKind::Prefix,
                "with_next" => ClutterKind::WithNext,
                "footer" => ClutterKind::Footer,
                "head" => ClutterKind::Head,
                "source" => ClutterKind::Source,
                _ => return None,
            };
            Some((fold_key(field(&r, 0)), kind))
        })
        .collect();
    Tables {
        abbreviations,
        function_words,
        clutter,
    }
});

/// The shared tables, parsed once per process.
pub fn tables() -> &'static Tables {
    &TABLES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_header() {
        let t = "# source: us\nname\tkind\na\tb\n\nc\n";
        let r: Vec<Vec<&str>> = rows(t).collect();
        assert_eq!(r, vec![vec!["a", "b"], vec!["c"]]);
        assert_eq!(field(&r[1], 1), "");
    }

    #[test]
    fn tables_load() {
        let t = tables();
        assert!(t.abbreviations.contains("mr"));
        assert!(t
            .clutter
            .iter()
            .any(|(p, k)| p == "leave a comment" && *k == ClutterKind::Line));
    }
}
