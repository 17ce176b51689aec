//! The result tables built column-wise: one row per document, entity, mention, date, quote and
//! event, the same tables and columns as the Python `khabar.frames.COLUMNS`.
//!
//! Columns are kept in Arrow's memory layout (`large_utf8` strings: i64 offsets, UTF-8 bytes and
//! a validity bitmap; `large_list<large_utf8>` for list columns), so the Python side can hand the
//! buffers to pyarrow without one Python object per value.

pub mod event_actors;

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::doc::{DocError, Document, EntityKind, Grain};

/// One column's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Str(StrColumn),
    Int(Vec<i64>),
    /// Lists of strings (never null): list offsets into the child string column.
    List(Vec<i64>, StrColumn),
}

impl Column {
    /// The strings of a string column, or the child strings of a list column.
    fn strings(&self) -> Option<&StrColumn> {
        match self {
            Column::Str(c) | Column::List(_, c) => Some(c),
            Column::Int(_) => None,
        }
    }
}

/// Strings, with nulls, in Arrow's `large_utf8` layout.
#[derive(Debug, Clone, PartialEq)]
pub struct StrColumn {
    pub offsets: Vec<i64>,
    pub data: Vec<u8>,
    /// Bit i (least significant first) set when row i is not null.
    pub validity: Vec<u8>,
    pub nulls: usize,
}

impl Default for StrColumn {
    fn default() -> Self {
        StrColumn {
            offsets: vec![0],
            data: Vec::new(),
            validity: Vec::new(),
            nulls: 0,
        }
    }
}

impl StrColumn {
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn push(&mut self, value: Option<&str>) {
        let i = self.len();
        if i % 8 == 0 {
            self.validity.push(0);
        }
        match value {
            Some(s) => {
                self.data.extend_from_slice(s.as_bytes());
                self.validity[i / 8] |= 1 << (i % 8);
            }
            None => self.nulls += 1,
        }
        self.offsets.push(self.data.len() as i64);
    }

    /// The value of row `i` (for tests and the Rust benches).
    pub fn get(&self, i: usize) -> Option<&str> {
        if self.validity[i / 8] & (1 << (i % 8)) == 0 {
            return None;
        }
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        std::str::from_utf8(&self.data[a..b]).ok()
    }

    /// Room for the values of `others`.
    fn reserve<'a>(&mut self, others: impl Iterator<Item = &'a StrColumn> + Clone) {
        let rows: usize = others.clone().map(StrColumn::len).sum();
        self.offsets.reserve(rows);
        self.validity.reserve(rows.div_ceil(8) + 1);
        self.data.reserve(others.map(|o| o.data.len()).sum());
    }

    /// Append rows `rows` of `other`.
    fn append_rows(&mut self, other: &StrColumn, rows: Range<usize>) {
        let n = self.len();
        let (a, b) = (other.offsets[rows.start], other.offsets[rows.end]);
        let base = self.data.len() as i64 - a;
        self.data
            .extend_from_slice(&other.data[a as usize..b as usize]);
        self.offsets.extend(
            other.offsets[rows.start + 1..=rows.end]
                .iter()
                .map(|o| o + base),
        );
        // Re-pack the other column's validity bits after ours.
        self.validity.resize((n + rows.len()).div_ceil(8), 0);
        for (k, j) in rows.enumerate() {
            if other.validity[j / 8] & (1 << (j % 8)) != 0 {
                let i = n + k;
                self.validity[i / 8] |= 1 << (i % 8);
            } else {
                self.nulls += 1;
            }
        }
    }
}

/// The kind of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Str,
    Int,
    List,
}

use Kind::{Int, List, Str};

/// Every table and its columns, in order: the schema of `khabar.frames.COLUMNS`.
pub const SCHEMA: [(&str, &[(&str, Kind)]); 6] = [
    (
        "documents",
        &[
            ("doc_id", Str),
            ("lang", Str),
            ("title", Str),
            ("published", Str),
            ("published_source", Str),
            ("source", Str),
            ("url", Str),
            ("cluster", Str),
            ("n_entities", Int),
            ("n_dates", Int),
            ("n_quotes", Int),
            ("n_events", Int),
            ("errors", List),
            ("error_messages", List),
            ("body", Str),
        ],
    ),
    (
        "entities",
        &[
            ("doc_id", Str),
            ("entity_id", Str),
            ("kind", Str),
            ("name", Str),
            ("key", Str),
            ("country", Str),
            ("title", Str),
            ("affiliation", Str),
            // a place's GeoNames id and coordinates, written as text (numbers in Python's tables)
            ("geonames", Str),
            ("lat", Str),
            ("lon", Str),
            ("n_mentions", Int),
            // 1 for a person known only by a role (a boolean in the Python tables)
            ("role_only", Int),
        ],
    ),
    (
        "mentions",
        &[
            ("doc_id", Str),
            ("entity_id", Str),
            ("kind", Str),
            ("start", Int),
            ("end", Int),
            ("text", Str),
        ],
    ),
    (
        "dates",
        &[
            ("doc_id", Str),
            ("start", Int),
            ("end", Int),
            ("text", Str),
            ("value", Str),
            ("grain", Str),
        ],
    ),
    (
        "quotes",
        &[
            ("doc_id", Str),
            ("start", Int),
            ("end", Int),
            ("text", Str),
            ("kind", Str),
            ("speaker", Str),
            ("speaker_name", Str),
            ("speaker_text", Str),
            ("cue", Str),
        ],
    ),
    (
        "events",
        &[
            ("doc_id", Str),
            ("type", Str),
            ("context", List),
            ("cameo", Str),
            ("source", List),
            ("target", List),
            ("mode", Str),
            ("date", Str),
            ("location", Str),
            ("start", Int),
            ("end", Int),
            ("trigger", Str),
        ],
    ),
];

/// One table: its name, row count and columns in schema order.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub rows: usize,
    pub columns: Vec<(&'static str, Column)>,
}

/// A value for one cell while a row is written.
enum Cell<'a> {
    S(Option<&'a str>),
    I(usize),
    L(&'a [String]),
    /// A list column of one part of each error: its code or its message.
    E(&'a [DocError], fn(&DocError) -> &str),
}

impl Table {
    fn new(name: &'static str, spec: &[(&'static str, Kind)]) -> Table {
        let columns = spec
            .iter()
            .map(|&(c, k)| {
                let col = match k {
                    Str => Column::Str(StrColumn::default()),
                    Int => Column::Int(Vec::new()),
                    List => Column::List(vec![0], StrColumn::default()),
                };
                (c, col)
            })
            .collect();
        Table {
            name,
            rows: 0,
            columns,
        }
    }

    /// Append one row; the cells come in schema order.
    fn row(&mut self, cells: &[Cell]) {
        debug_assert_eq!(cells.len(), self.columns.len());
        for ((_, col), cell) in self.columns.iter_mut().zip(cells) {
            match (col, cell) {
                (Column::Str(c), Cell::S(v)) => c.push(*v),
                (Column::Int(c), Cell::I(v)) => c.push(*v as i64),
                (Column::List(offsets, c), Cell::L(v)) => {
                    for s in v.iter() {
                        c.push(Some(s));
                    }
                    offsets.push(c.len() as i64);
                }
                (Column::List(offsets, c), Cell::E(v, part)) => {
                    for e in v.iter() {
                        c.push(Some(part(e)));
                    }
                    offsets.push(c.len() as i64);
                }
                _ => unreachable!("cell kinds follow SCHEMA"),
            }
        }
        self.rows += 1;
    }

    /// Room for the rows of `others` (tables of the same schema).
    fn reserve<'a>(&mut self, others: impl Iterator<Item = &'a Table> + Clone) {
        for (c, (_, col)) in self.columns.iter_mut().enumerate() {
            let of = |t: &'a Table| &t.columns[c].1;
            match col {
                Column::Str(x) => x.reserve(others.clone().map(of).filter_map(Column::strings)),
                Column::Int(x) => x.reserve(others.clone().map(|t| t.rows).sum()),
                Column::List(xo, x) => {
                    xo.reserve(others.clone().map(|t| t.rows).sum());
                    x.reserve(others.clone().map(of).filter_map(Column::strings));
                }
            }
        }
    }

    pub fn append(&mut self, other: &Table) {
        self.append_rows(other, 0..other.rows);
    }

    /// Append rows `rows` of a table of the same schema.
    fn append_rows(&mut self, other: &Table, rows: Range<usize>) {
        for ((_, a), (_, b)) in self.columns.iter_mut().zip(&other.columns) {
            match (a, b) {
                (Column::Str(x), Column::Str(y)) => x.append_rows(y, rows.clone()),
                (Column::Int(x), Column::Int(y)) => x.extend_from_slice(&y[rows.clone()]),
                (Column::List(xo, x), Column::List(yo, y)) => {
                    let (first, last) = (yo[rows.start], yo[rows.end]);
                    let base = x.len() as i64 - first;
                    xo.extend(yo[rows.start + 1..=rows.end].iter().map(|o| o + base));
                    x.append_rows(y, first as usize..last as usize);
                }
                _ => unreachable!("same schema"),
            }
        }
        self.rows += rows.len();
    }

    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|(c, _)| *c == name)
            .map(|(_, c)| c)
    }
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Country => "country",
        EntityKind::Org => "org",
        EntityKind::Person => "person",
        EntityKind::Location => "location",
    }
}

fn grain_name(g: Grain) -> &'static str {
    match g {
        Grain::Year => "year",
        Grain::Month => "month",
        Grain::Day => "day",
        Grain::Time => "time",
        Grain::Range => "range",
        Grain::Duration => "duration",
        Grain::Reference => "reference",
    }
}

fn empty() -> Vec<Table> {
    SCHEMA
        .iter()
        .map(|&(n, spec)| Table::new(n, spec))
        .collect()
}

/// Write the rows of one document into the tables (in [`SCHEMA`] order).
fn add(t: &mut [Table], d: &Document) {
    use Cell::{E, I, L, S};
    let id = Some(d.id.as_str());
    t[0].row(&[
        S(id),
        S(Some(&d.lang)),
        S(d.title.as_deref()),
        S(d.published.as_deref()),
        S(d.published_source.as_deref()),
        S(d.source.as_deref()),
        S(d.url.as_deref()),
        S(d.cluster.as_deref()),
        I(d.entities.len()),
        I(d.dates.len()),
        I(d.quotes.len()),
        I(d.events.len()),
        E(&d.errors, |e| e.code.as_str()),
        E(&d.errors, |e| &e.message),
        S(Some(&d.body)),
    ]);
    for e in &d.entities {
        let kind = Some(kind_name(e.kind));
        t[1].row(&[
            S(id),
            S(Some(&e.id)),
            S(kind),
            S(Some(&e.name)),
            S(Some(&e.key)),
            S(e.country.as_deref()),
            S(e.title.as_deref()),
            S(e.affiliation.as_deref()),
            S(e.geonames.map(|g| g.to_string()).as_deref()),
            S(e.lat.map(|c| c.0.to_string()).as_deref()),
            S(e.lon.map(|c| c.0.to_string()).as_deref()),
            I(e.mentions.len()),
            I(usize::from(e.role_only)),
        ]);
        for m in &e.mentions {
            t[2].row(&[
                S(id),
                S(Some(&e.id)),
                S(kind),
                I(m.start),
                I(m.end),
                S(Some(&m.text)),
            ]);
        }
    }
    for x in &d.dates {
        t[3].row(&[
            S(id),
            I(x.start),
            I(x.end),
            S(Some(&x.text)),
            S(x.value.as_deref()),
            S(Some(grain_name(x.grain))),
        ]);
    }
    for q in &d.quotes {
        t[4].row(&[
            S(id),
            I(q.start),
            I(q.end),
            S(Some(&q.text)),
            S(Some(&q.kind)),
            S(q.speaker.as_deref()),
            S(q.speaker_name.as_deref()),
            S(q.speaker_text.as_deref()),
            S(q.cue.as_deref()),
        ]);
    }
    for ev in &d.events {
        t[5].row(&[
            S(id),
            S(Some(ev.kind.as_str())),
            L(&ev.context),
            S(ev.cameo.as_deref()),
            L(&ev.source),
            L(&ev.target),
            S(Some(ev.mode.as_str())),
            S(ev.date.as_deref()),
            S(ev.location.as_deref()),
            I(ev.start),
            I(ev.end),
            S(Some(&ev.trigger)),
        ]);
    }
}

/// Documents per piece when the tables are built in parallel.
const PIECE: usize = 256;

/// The tables of a batch, rows in document order. Pieces of the batch are built in parallel (on
/// the current rayon pool) and concatenated, so the result does not depend on the thread count.
pub fn tables(docs: &[Document]) -> Vec<Table> {
    let mut out = empty();
    for window in docs.chunks(WINDOW) {
        append_docs(&mut out, window);
    }
    out
}

/// [`tables`] of documents the caller gives up: each window of documents is freed once its rows
/// are written, so documents and tables are never both held whole.
pub fn tables_owned(docs: Vec<Document>) -> Vec<Table> {
    let mut out = empty();
    let mut rest = docs.into_iter();
    loop {
        let window: Vec<Document> = rest.by_ref().take(WINDOW).collect();
        if window.is_empty() {
            return out;
        }
        append_docs(&mut out, &window);
    }
}

/// Write the rows of `docs` after those of `out`: pieces of [`PIECE`] documents in parallel,
/// appended in order.
fn append_docs(out: &mut [Table], docs: &[Document]) {
    let pieces: Vec<Vec<Table>> = docs
        .par_chunks(PIECE)
        .map(|chunk| {
            let mut t = empty();
            for d in chunk {
                add(&mut t, d);
            }
            t
        })
        .collect();
    // room for all pieces at once: the body column alone is the size of the text
    for (t, table) in out.iter_mut().enumerate() {
        table.reserve(pieces.iter().map(|p| &p[t]));
    }
    for piece in &pieces {
        for (a, b) in out.iter_mut().zip(piece) {
            a.append(b);
        }
    }
}

/// Documents converted together (see [`append_docs`]).
pub const WINDOW: usize = PIECE * 16;

/// The tables of a run of consecutive documents, with each document's number of rows in every
/// table, so that one document's rows can be replaced when the parts are put together.
pub struct Part {
    tables: Vec<Table>,
    counts: Vec<[usize; 6]>,
}

impl Part {
    pub fn of(docs: &[Document]) -> Part {
        let mut tables = empty();
        append_docs(&mut tables, docs);
        Part {
            tables,
            counts: docs.iter().map(row_counts).collect(),
        }
    }
}

/// How many rows a document has in each table.
fn row_counts(d: &Document) -> [usize; 6] {
    [
        1,
        d.entities.len(),
        d.entities.iter().map(|e| e.mentions.len()).sum(),
        d.dates.len(),
        d.quotes.len(),
        d.events.len(),
    ]
}

/// Put the parts of a batch together in order, each freed once copied, the rows of the
/// documents of `redone` (by index in the batch, sorted) replaced by those of their new version.
pub fn assemble(mut parts: Vec<Part>, redone: &[(usize, Document)]) -> Vec<Table> {
    let mut out = empty();
    let mut redone = redone.iter().peekable();
    let mut first = 0;
    // Grow the first part's own tables when none of its rows is replaced, reserving the others'
    // exact sizes at once: large buffers then grow in place, and the batch is never held twice.
    if !parts.is_empty() && redone.peek().is_none_or(|r| r.0 >= parts[0].counts.len()) {
        let head = parts.remove(0);
        first = head.counts.len();
        out = head.tables;
    }
    for (t, table) in out.iter_mut().enumerate() {
        table.reserve(parts.iter().map(|p| &p.tables[t]));
    }
    for part in parts {
        let end = first + part.counts.len();
        if redone.peek().is_none_or(|r| r.0 >= end) {
            for (a, b) in out.iter_mut().zip(&part.tables) {
                a.append(b);
            }
        } else {
            let mut at = [0usize; 6];
            for (i, counts) in (first..end).zip(&part.counts) {
                match redone.next_if(|r| r.0 == i) {
                    Some((_, doc)) => add(&mut out, doc),
                    None => {
                        for (t, (a, b)) in out.iter_mut().zip(&part.tables).enumerate() {
                            a.append_rows(b, at[t]..at[t] + counts[t]);
                        }
                    }
                }
                for t in 0..6 {
                    at[t] += counts[t];
                }
            }
        }
        first = end;
    }
    out
}

/// Set the `cluster` column of the documents table (one id per document, in order).
pub fn set_clusters(tables: &mut [Table], clusters: &[String]) {
    let mut col = StrColumn::default();
    for c in clusters {
        col.push(Some(c));
    }
    replace(&mut tables[0], "cluster", col);
}

/// Give persons of some documents (by index in the batch, sorted) the Latin names of a
/// clustering plan: person key → name.
pub fn rename(tables: &mut [Table], names: &[(usize, BTreeMap<String, String>)]) {
    if names.is_empty() {
        return;
    }
    let Some(Column::Int(per_doc)) = tables[0].column("n_entities") else {
        return;
    };
    let mut owner = Vec::with_capacity(tables[1].rows);
    for (doc, &n) in per_doc.iter().enumerate() {
        owner.extend(std::iter::repeat_n(doc, n as usize));
    }
    let ents = &tables[1];
    let (Some(Column::Str(kind)), Some(Column::Str(key)), Some(Column::Str(name))) =
        (ents.column("kind"), ents.column("key"), ents.column("name"))
    else {
        return;
    };
    let mut col = StrColumn::default();
    for (row, &doc) in owner.iter().enumerate() {
        let map = names
            .binary_search_by_key(&doc, |x| x.0)
            .ok()
            .map(|k| &names[k].1);
        let new = match (map, kind.get(row), key.get(row)) {
            (Some(map), Some("person"), Some(k)) => map.get(k).map(String::as_str),
            _ => None,
        };
        col.push(new.or(name.get(row)));
    }
    replace(&mut tables[1], "name", col);
}

fn replace(table: &mut Table, name: &str, col: StrColumn) {
    if let Some((_, c)) = table.columns.iter_mut().find(|(n, _)| *n == name) {
        *c = Column::Str(col);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Entity, ErrorCode, Mention};

    fn doc(id: &str, title: Option<&str>, names: &[&str]) -> Document {
        let mut d = Document::empty(id);
        d.title = title.map(str::to_string);
        d.errors = vec![
            DocError::new(ErrorCode::MissingText, "a"),
            DocError::new(ErrorCode::StageFailed, "b"),
        ];
        d.entities = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut e = Entity::new(
                    format!("e{i}"),
                    EntityKind::Person,
                    n.to_string(),
                    n.to_lowercase(),
                );
                e.mentions.push(Mention {
                    start: i,
                    end: i + n.chars().count(),
                    text: n.to_string(),
                });
                e
            })
            .collect();
        d
    }

    #[test]
    fn rows_nulls_and_lists_survive_concatenation() {
        // More documents than one piece, so that pieces are concatenated.
        let docs: Vec<Document> = (0..PIECE + 3)
            .map(|i| {
                let title = (i % 3 == 0).then_some("عنوان الخبر");
                doc(&format!("d{i}"), title, &["أيمن الصفدي", "Ayman Safadi"])
            })
            .collect();
        let t = tables(&docs);
        assert_eq!(t[0].rows, docs.len());
        assert_eq!(t[1].rows, 2 * docs.len());
        let Some(Column::Str(titles)) = t[0].column("title") else {
            panic!("title is a string column")
        };
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(titles.get(i), d.title.as_deref(), "row {i}");
        }
        let Some(Column::Str(text)) = t[2].column("text") else {
            panic!("text is a string column")
        };
        assert_eq!(text.get(2 * PIECE + 1), Some("Ayman Safadi"));
        assert_eq!(text.get(2 * PIECE + 2), Some("أيمن الصفدي"));
        let Some(Column::List(offsets, errors)) = t[0].column("errors") else {
            panic!("errors is a list column")
        };
        assert_eq!(offsets.len(), docs.len() + 1);
        assert_eq!(*offsets.last().unwrap() as usize, errors.len());
        assert_eq!(errors.get(errors.len() - 1), Some("stage_failed"));
        let Some(Column::List(_, messages)) = t[0].column("error_messages") else {
            panic!("error_messages is a list column")
        };
        assert_eq!(messages.get(messages.len() - 1), Some("b"));
    }

    #[test]
    fn every_table_of_the_schema_is_built_even_when_empty() {
        let t = tables(&[]);
        let names: Vec<&str> = t.iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            [
                "documents",
                "entities",
                "mentions",
                "dates",
                "quotes",
                "events"
            ]
        );
        assert!(t.iter().all(|t| t.rows == 0));
    }
}
