//! The `event_actors` table: one row per event and actor, so that actors group without
//! exploding the events' list columns. It is derived from the `events` and `entities` tables
//! (after clustering has renamed persons), so every path that builds tables gives the same one.

use std::collections::HashMap;

use super::Kind::{Int, Str};
use super::{Cell, Column, StrColumn, Table};

/// Its columns: the event's number in its document (from 0, the order of the `events` table),
/// its type, the actor's role (`source` or `target`) and the actor's entity id, name, kind and
/// country (those of the first entity of the document with that id).
pub const COLUMNS: &[(&str, super::Kind)] = &[
    ("doc_id", Str),
    ("event", Int),
    ("type", Str),
    ("role", Str),
    ("entity_id", Str),
    ("name", Str),
    ("kind", Str),
    ("country", Str),
];

fn strings<'a>(t: &'a Table, name: &str) -> Option<&'a StrColumn> {
    match t.column(name)? {
        Column::Str(c) => Some(c),
        _ => None,
    }
}

fn list<'a>(t: &'a Table, name: &str) -> Option<(&'a [i64], &'a StrColumn)> {
    match t.column(name)? {
        Column::List(offsets, c) => Some((offsets, c)),
        _ => None,
    }
}

/// The `event_actors` table of a batch's tables (empty when they lack the columns it needs).
pub fn of<'a>(tables: &'a [Table]) -> Table {
    let mut out = Table::new("event_actors", COLUMNS);
    let find = |name: &str| tables.iter().find(|t| t.name == name);
    let (Some(events), Some(entities)) = (find("events"), find("entities")) else {
        return out;
    };
    let (Some(ev_doc), Some(ev_type), Some(sources), Some(targets)) = (
        strings(events, "doc_id"),
        strings(events, "type"),
        list(events, "source"),
        list(events, "target"),
    ) else {
        return out;
    };
    let (Some(en_doc), Some(en_id), Some(name), Some(kind), Some(country)) = (
        strings(entities, "doc_id"),
        strings(entities, "entity_id"),
        strings(entities, "name"),
        strings(entities, "kind"),
        strings(entities, "country"),
    ) else {
        return out;
    };
    // an actor is the first entity with its id among the rows of its document id
    let mut first: HashMap<(Option<&str>, Option<&str>), usize> = HashMap::new();
    for row in 0..entities.rows {
        first
            .entry((en_doc.get(row), en_id.get(row)))
            .or_insert(row);
    }
    // events are numbered per document id, in table order
    let mut numbers: HashMap<Option<&str>, usize> = HashMap::new();
    for row in 0..events.rows {
        let doc = ev_doc.get(row);
        let n = *numbers.entry(doc).and_modify(|n| *n += 1).or_insert(0);
        for (role, (offsets, ids)) in [("source", sources), ("target", targets)] {
            for i in offsets[row] as usize..offsets[row + 1] as usize {
                let id = ids.get(i);
                let entity = first.get(&(doc, id)).copied();
                let about = |c: &'a StrColumn| entity.and_then(|e| c.get(e));
                out.row(&[
                    Cell::S(doc),
                    Cell::I(n),
                    Cell::S(ev_type.get(row)),
                    Cell::S(Some(role)),
                    Cell::S(id),
                    Cell::S(about(name)),
                    Cell::S(about(kind)),
                    Cell::S(about(country)),
                ]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::tables;
    use crate::fixtures::extracted;

    fn column<'a>(t: &'a Table, name: &str) -> Vec<Option<&'a str>> {
        let c = strings(t, name).expect("a string column");
        (0..t.rows).map(|i| c.get(i)).collect()
    }

    #[test]
    fn each_actor_of_each_event_is_a_row_with_its_entity() {
        let mut signing = extracted(
            "AMMAN - Jordan and Japan signed an agreement on water cooperation on Tuesday.",
            Some("2024-03-05"),
        );
        signing.id = "a".into();
        let mut strike = extracted(
            "BEIJING - Saudi Arabia and Iran signed an agreement to restore ties on Friday.",
            Some("2024-03-10"),
        );
        strike.id = "b".into();
        let docs = [signing, strike];
        let actors: usize = docs
            .iter()
            .flat_map(|d| &d.events)
            .map(|e| e.source.len() + e.target.len())
            .sum();
        assert!(actors >= 4, "{:?}", docs.map(|d| d.events));
        let t = of(&tables(&docs));
        assert_eq!(t.rows, actors);
        let (doc, id, name) = (
            column(&t, "doc_id"),
            column(&t, "entity_id"),
            column(&t, "name"),
        );
        let roles = column(&t, "role");
        for row in 0..t.rows {
            let d = &docs[usize::from(doc[row] == Some("b"))];
            let entity = d.entities.iter().find(|e| Some(e.id.as_str()) == id[row]);
            assert_eq!(entity.map(|e| e.name.as_str()), name[row], "row {row}");
            assert!(matches!(roles[row], Some("source" | "target")));
        }
        // events are numbered from 0 in each document
        let Some(Column::Int(numbers)) = t.column("event") else {
            panic!("an int column");
        };
        assert_eq!(numbers[0], 0);
        let first_of_b = doc
            .iter()
            .position(|d| *d == Some("b"))
            .expect("b's events");
        assert_eq!(numbers[first_of_b], 0);
    }

    #[test]
    fn tables_without_events_give_an_empty_table_of_its_columns() {
        let t = of(&tables(&[]));
        assert_eq!(t.rows, 0);
        let names: Vec<&str> = t.columns.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, COLUMNS.iter().map(|(n, _)| *n).collect::<Vec<_>>());
        assert_eq!(of(&[]).rows, 0);
    }
}
