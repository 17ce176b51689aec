//! The result tables built column-wise: one row per document, entity, mention, date, quote and
//! event, the same tables and columns as the Python `khabar.frames.COLUMNS`.
//!
//! Columns are kept in Arrow's memory layout (`large_utf8` strings: i64 offsets, UTF-8 bytes and
//! a validity bitmap; `large_list<large_utf8>` for list columns), so the Python side can hand the
//! buffers to pyarrow without one Python object per value.

use rayon::prelude::*;

use crate::doc::{Document, EntityKind, Grain};

/// One column's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Str(StrColumn),
    Int(Vec<i64>),
    /// Lists of strings (never null): list offsets into the child string column.
    List(Vec<i64>, StrColumn),
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

    fn append(&mut self, other: &StrColumn) {
        let (n, base) = (self.len(), self.data.len() as i64);
        self.data.extend_from_slice(&other.data);
        self.offsets
            .extend(other.offsets[1..].iter().map(|o| o + base));
        self.nulls += other.nulls;
        // Re-pack the other column's validity bits after ours.
        self.validity.truncate(n.div_ceil(8));
        self.validity.resize((n + other.len()).div_ceil(8), 0);
        for j in 0..other.len() {
            if other.validity[j / 8] & (1 << (j % 8)) != 0 {
                let i = n + j;
                self.validity[i / 8] |= 1 << (i % 8);
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
            ("n_mentions", Int),
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
                _ => unreachable!("cell kinds follow SCHEMA"),
            }
        }
        self.rows += 1;
    }

    fn append(&mut self, other: &Table) {
        for ((_, a), (_, b)) in self.columns.iter_mut().zip(&other.columns) {
            match (a, b) {
                (Column::Str(x), Column::Str(y)) => x.append(y),
                (Column::Int(x), Column::Int(y)) => x.extend_from_slice(y),
                (Column::List(xo, x), Column::List(yo, y)) => {
                    let base = x.len() as i64;
                    xo.extend(yo[1..].iter().map(|o| o + base));
                    x.append(y);
                }
                _ => unreachable!("same schema"),
            }
        }
        self.rows += other.rows;
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
    use Cell::{I, L, S};
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
        L(&d.errors),
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
            I(e.mentions.len()),
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
            S(Some(&ev.kind)),
            L(&ev.context),
            S(ev.cameo.as_deref()),
            L(&ev.source),
            L(&ev.target),
            S(Some(&ev.mode)),
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
    let mut out = empty();
    for piece in &pieces {
        for (a, b) in out.iter_mut().zip(piece) {
            a.append(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Entity, Mention};

    fn doc(id: &str, title: Option<&str>, names: &[&str]) -> Document {
        let mut d = Document::empty(id);
        d.title = title.map(str::to_string);
        d.errors = vec!["a".into(), "b".into()];
        d.entities = names
            .iter()
            .enumerate()
            .map(|(i, n)| Entity {
                id: format!("e{i}"),
                kind: EntityKind::Person,
                name: n.to_string(),
                key: n.to_lowercase(),
                country: None,
                title: None,
                affiliation: None,
                mentions: vec![Mention {
                    start: i,
                    end: i + n.chars().count(),
                    text: n.to_string(),
                }],
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
        assert_eq!(errors.get(errors.len() - 1), Some("b"));
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
