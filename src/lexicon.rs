//! The plain-text tables of `data/`, embedded at compile time.
//!
//! Every table is a TSV file: `#` lines first (the first names the table's source), then a header
//! row naming the columns, then one row per entry. Facts live in these tables, never in match
//! arms: a new clutter phrase, month spelling or abbreviation is a row, not a code change.
//! Stages with tables of their own (entities, time, events) parse them with [`rows`] too, and
//! read each field by its column's name (`row.get("name")`), never by position.

use crate::text::fold::fold_key;
use crate::text::hash::WordSet;
use crate::text::lang::FunctionWords;
use once_cell::sync::Lazy;
use std::rc::Rc;

/// An embedded table: its file name under `data/` (for messages) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Tsv {
    pub file: &'static str,
    pub text: &'static str,
}

/// The table `data/<file>`, embedded at compile time: `tsv!("months.tsv")`.
#[macro_export]
macro_rules! tsv {
    ($file:literal) => {
        $crate::lexicon::Tsv {
            file: $file,
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)),
        }
    };
}

/// One data row of a table, its fields addressed by the names of the header's columns.
pub struct Row {
    table: Rc<Header>,
    fields: Vec<&'static str>,
}

/// A table's file name and header columns, shared by its rows.
struct Header {
    file: &'static str,
    columns: Vec<&'static str>,
}

impl Row {
    /// Every field of the row, in the header's order.
    pub fn fields(&self) -> &[&'static str] {
        &self.fields
    }

    /// The field of column `name`, or "" when the row is short. A name the header lacks is a
    /// mistake in the code, not in the data: it panics, naming the table.
    pub fn get(&self, name: &str) -> &'static str {
        match self.table.columns.iter().position(|&c| c == name) {
            Some(i) => self.fields.get(i).copied().unwrap_or(""),
            None => panic!(
                "data/{}: no column {name:?} (columns: {:?})",
                self.table.file, self.table.columns
            ),
        }
    }
}

/// The data rows of a table: comments skipped, the header row read, fields split on tabs and
/// trimmed, blank lines ignored. `needs` are the columns the loader reads: a header that lacks
/// one panics when the table is loaded (every table is loaded by the tests), so a renamed or
/// missing column fails loudly instead of shifting the fields.
pub fn rows(table: Tsv, needs: &[&str]) -> impl Iterator<Item = Row> {
    let mut lines = table
        .text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let columns: Vec<&str> = lines
        .next()
        .map(|h| h.split('\t').map(str::trim).collect())
        .unwrap_or_default();
    #[cfg(test)]
    tests::LOADED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(table.file);
    if let Some(missing) = needs.iter().find(|n| !columns.contains(n)) {
        panic!(
            "data/{}: the header lacks column {missing:?} (columns: {columns:?})",
            table.file
        );
    }
    let header = Rc::new(Header {
        file: table.file,
        columns,
    });
    lines.map(move |l| Row {
        table: Rc::clone(&header),
        fields: l.split('\t').map(str::trim).collect(),
    })
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
    let abbreviations = rows(tsv!("abbreviations.tsv"), &["abbreviation"])
        .map(|r| {
            fold_key(r.get("abbreviation"))
                .trim_end_matches('.')
                .to_string()
        })
        .collect();
    let mut function_words = FunctionWords::default();
    for r in rows(tsv!("function_words.tsv"), &["lang", "words"]) {
        let lang: &'static str = match r.get("lang") {
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
        for w in r.get("words").split_whitespace() {
            function_words.add(lang, fold_key(w));
        }
    }
    let clutter = rows(tsv!("clutter.tsv"), &["phrase", "kind"])
        .filter_map(|r| {
            let kind = match r.get("kind") {
                "line" => ClutterKind::Line,
                "prefix" => ClutterKind::Prefix,
                "with_next" => ClutterKind::WithNext,
                "footer" => ClutterKind::Footer,
                "head" => ClutterKind::Head,
                "source" => ClutterKind::Source,
                _ => return None,
            };
            Some((fold_key(r.get("phrase")), kind))
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

    /// The tables [`rows`] has read in this test process.
    pub(super) static LOADED: std::sync::Mutex<std::collections::BTreeSet<&str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());

    /// Every embedded table is loaded here, each by the loader that reads it: each loader names
    /// the columns it needs, so a table whose header lacks one fails this test.
    #[test]
    fn every_table_has_the_columns_its_loader_reads() {
        let _ = tables();
        let _ = crate::entities::KnowledgeBase::builtin();
        Lazy::force(&crate::clean::BYLINES);
        Lazy::force(&crate::time::dateline::PATTERNS);
        Lazy::force(&crate::time::dateline::VOCABULARY);
        let _ = crate::time::lexicon::lexicon();
        let _ = crate::events::lexicon::lexicon();
        let _ = crate::quotes::lexicon::lexicon();
        crate::phrases::clause::force_tables();
        Lazy::force(&crate::cluster::fingerprint::TODAY);
        let loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        for entry in std::fs::read_dir(data).expect("data/") {
            let name = entry.expect("data/ entry").file_name();
            let name = name.to_string_lossy();
            // country_forms.tsv is the source scripts/regen_countries.py makes countries.tsv from
            if name.ends_with(".tsv") && name != "country_forms.tsv" {
                assert!(loaded.contains(&*name), "data/{name} is read by no loader");
            }
        }
    }

    fn table(text: &'static str) -> Tsv {
        Tsv {
            file: "test.tsv",
            text,
        }
    }

    #[test]
    fn rows_are_read_by_header_name() {
        let t = table("# source: us\nname\tkind\na\tb\n\nc\n");
        let r: Vec<Row> = rows(t, &["name", "kind"]).collect();
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].get("name"), r[0].get("kind")), ("a", "b"));
        // a short row has empty trailing fields
        assert_eq!((r[1].get("name"), r[1].get("kind")), ("c", ""));
        // the columns may come in any order
        let swapped = table("kind\tname\nb\ta\n");
        let r: Vec<Row> = rows(swapped, &["name", "kind"]).collect();
        assert_eq!((r[0].get("name"), r[0].get("kind")), ("a", "b"));
    }

    #[test]
    #[should_panic(expected = "data/test.tsv: the header lacks column \"kind\"")]
    fn a_header_without_a_needed_column_fails_loudly() {
        let _ = rows(table("name\tsort\na\tb\n"), &["name", "kind"]);
    }

    #[test]
    #[should_panic(expected = "data/test.tsv: no column \"knid\"")]
    fn reading_a_column_the_header_lacks_fails_loudly() {
        for r in rows(table("name\tkind\na\tb\n"), &["name"]) {
            let _ = r.get("knid");
        }
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
