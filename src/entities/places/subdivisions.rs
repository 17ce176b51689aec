//! First-level regions (data/regions.tsv): governorates, provinces, states, emirates, oblasts,
//! and the historical or cultural regions the news names as places (Kabylie, Darfur, Tigray).
//!
//! They join the GeoNames places and pass the same evidence screen ([`super::screen`]), since
//! many of their names are also everyday words or given names (البيضاء "the white", "Central",
//! "Indiana"). The table has no population, so each row says what its name needs (`evidence`):
//!
//! - empty: nothing, the name is a place wherever it stands ("Texas", "Khuzestan", "دارفور");
//! - `country`: its country named in the document, a place cue or a place beside it;
//! - `cue`: a place cue ("محافظة X", "the province of X", "in X" for a Latin name) or a place
//!   beside it ("Houston, X"), as the everyday words of data/place_guard.tsv.
//!
//! A region shares its name with the city it is named after (Aleppo, Basra, تعز): such a name is
//! left to the city's GeoNames row ("محافظة حلب" is then the city of Aleppo, one entity for the
//! mention), and a name another table holds (a country, a place of data/places.tsv) to that table.

use std::collections::HashSet;

use super::super::kb::{Builder, Form, Record};
use super::{list, unique_id, PlaceInfo};
use crate::doc::EntityKind;
use crate::lexicon::rows;
use crate::tsv;

/// The population a region's name stands for in the screen, by its `evidence` column: the
/// thresholds of the GeoNames names (a name alone, with its country in the document).
fn weight(evidence: &str) -> u32 {
    match evidence {
        "" => super::STRONG_AR,
        "country" => super::SMALL,
        _ => 0,
    }
}

/// The regions loaded: their facts (in record order) and which of them need a place cue.
pub(super) struct Loaded {
    pub facts: Vec<PlaceInfo>,
    pub needs_cue: Vec<usize>,
}

/// Load data/regions.tsv after the GeoNames places: records into `records`, names into `b`.
/// `tables` holds the other tables' keys; `b` the GeoNames names loaded so far.
pub(super) fn load(
    tables: &Builder,
    b: &mut Builder,
    records: &mut Vec<Record>,
    ids: &mut HashSet<String>,
) -> Loaded {
    let mut out = Loaded {
        facts: Vec::new(),
        needs_cue: Vec::new(),
    };
    let table = rows(
        tsv!("regions.tsv"),
        &[
            "id",
            "name_en",
            "aliases_en",
            "aliases_ar",
            "country",
            "evidence",
        ],
    );
    for row in table {
        let country = row.get("country");
        let names: Vec<&str> = list(row.get("aliases_en"))
            .chain(list(row.get("aliases_ar")))
            .filter(|n| tables.taken(n).is_none() && !city_of(b, records, n, country))
            .collect();
        if names.is_empty() {
            continue;
        }
        let idx = records.len();
        let code = row.get("id");
        let id = if ids.insert(code.to_string()) {
            code.to_string()
        } else {
            unique_id(ids, row.get("name_en"), country, 0)
        };
        records.push(Record {
            id,
            kind: EntityKind::Location,
            name: row.get("name_en").to_string(),
            country: (!country.is_empty()).then(|| country.to_string()),
            title: None,
            state: None,
        });
        let evidence = row.get("evidence");
        out.facts.push(PlaceInfo {
            geonames: 0,
            lat: f64::NAN,
            lon: f64::NAN,
            population: weight(evidence),
        });
        if evidence == "cue" {
            out.needs_cue.push(idx);
        }
        for n in names {
            b.add(n, Form::Name, idx);
        }
    }
    out
}

/// Is `name` already a GeoNames place of the region's own country (the city it is named after)?
fn city_of(b: &Builder, records: &[Record], name: &str, country: &str) -> bool {
    b.taken(name).is_some_and(|ts| {
        ts.iter()
            .any(|t| records[t.record].country.as_deref() == Some(country))
    })
}
