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
//! A region named for its seat ("Aleppo Governorate", "Ibb Governorate") leaves the names its city
//! has to the city's GeoNames row ("محافظة حلب" is then the city of Aleppo, one entity for the
//! mention), and every region leaves a name another table holds (a country, a place of
//! data/places.tsv) to that table.

use std::collections::HashSet;

use super::super::kb::{Builder, Form, Record};
use super::{list, unique_id, PlaceInfo};
use crate::doc::EntityKind;
use crate::lexicon::rows;
use crate::tsv;

/// The population a region's name stands for in the screen, by its `evidence` column: enough to
/// need no other evidence, or the most that still needs its country in the document (so it ranks
/// above the towns of the same name: صلاح الدين is the province before the town Pirmam). A name
/// that needs a cue is screened as an everyday word, and ranks as a large place ("in Virginia":
/// the state, not the South African town).
fn weight(evidence: &str) -> u32 {
    match evidence {
        "country" => super::STRONG - 1,
        _ => super::STRONG_AR,
    }
}

/// The regions loaded: their facts (in record order) and which of them need a place cue.
pub(super) struct Loaded {
    pub facts: Vec<PlaceInfo>,
    pub needs_cue: Vec<usize>,
}

/// Load data/regions.tsv after the GeoNames places: records into `records`, names into `b`.
/// `tables` holds the other tables' keys; `b` the GeoNames names loaded so far; `is_unit` says
/// whether a word is a place noun of data/place_words.tsv (province, governorate, city).
pub(super) fn load(
    tables: &Builder,
    b: &mut Builder,
    records: &mut Vec<Record>,
    ids: &mut HashSet<String>,
    is_unit: &dyn Fn(&str) -> bool,
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
        let seat = named_for_its_seat(row.get("name_en"), is_unit);
        let names: Vec<&str> = list(row.get("aliases_en"))
            .chain(list(row.get("aliases_ar")))
            .filter(|n| tables.taken(n).is_none() && !(seat && city_of(b, records, n, country)))
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

/// Is the region named for its seat ("Aleppo Governorate", "Kandahar Province")? Its English name
/// is then the seat's and a place noun. Other regions keep their names beside same-named towns
/// of their country ("Delaware", Ohio; "Jiangxi", a town), and the screen weighs them.
fn named_for_its_seat(name_en: &str, is_unit: &dyn Fn(&str) -> bool) -> bool {
    let name = name_en.split(" (").next().unwrap_or(name_en);
    name.rsplit_once(' ').is_some_and(|(_, last)| is_unit(last))
}

/// Is `name` already a GeoNames place of the region's own country (the city it is named after)?
fn city_of(b: &Builder, records: &[Record], name: &str, country: &str) -> bool {
    b.taken(name).is_some_and(|ts| {
        ts.iter()
            .any(|t| records[t.record].country.as_deref() == Some(country))
    })
}

#[cfg(test)]
mod tests {
    use crate::doc::{Entity, EntityKind};
    use crate::fixtures::extracted_entities as entities;

    /// The place entity `id` of the text, if found.
    fn place(text: &str, id: &str) -> Option<Entity> {
        entities(text)
            .into_iter()
            .find(|e| e.kind == EntityKind::Location && e.id == id)
    }

    #[test]
    fn a_distinctive_region_name_is_a_place_alone() {
        let e = place("Texas passed a new voting law on Monday.", "US-TX").expect("Texas");
        assert_eq!(e.country.as_deref(), Some("USA"));
        // a region has no GeoNames id
        assert_eq!(e.geonames, None);
        assert!(place("اندلعت معارك عنيفة في تيغراي أمس.", "ET-TI").is_some());
        assert!(place("Drones struck targets across Khuzestan.", "IR-06").is_some());
    }

    #[test]
    fn a_region_after_a_place_cue() {
        assert!(place("Rains flooded roads in Al Wusta on Sunday.", "OM-WU").is_some());
        assert!(place("أغرقت الأمطار طرقا في محافظة الوسطى يوم الأحد.", "OM-WU").is_some());
        assert!(place("Farmers in Sharqia protested.", "EG-SHR").is_some());
        assert!(place("احتج مزارعون في محافظة الشرقية.", "EG-SHR").is_some());
    }

    #[test]
    fn a_region_beside_its_city() {
        let t = "The tanker was bound for Houston, Texas, when it was seized.";
        assert!(place(t, "US-TX").is_some());
        // a region that needs its country gets it from its city before it, and gives it back
        let t = "قصفت الطائرات بلدة الغيضة، المهرة، ليلا.";
        assert!(place(t, "YE-MR").is_some());
        assert!(entities(t).iter().any(|e| e.name == "Al Ghayzah"));
    }

    #[test]
    fn a_region_outranks_a_town_of_its_name() {
        let t = "تواصلت الاشتباكات في محافظتي صلاح الدين وديالى. وقال الجيش العراقي إنه تقدم.";
        assert!(place(t, "IQ-SD").is_some());
        assert!(place(t, "IQ-DI").is_some());
    }

    #[test]
    fn a_region_that_needs_its_country() {
        assert!(place("وصلت قافلة إلى المهرة صباح اليوم.", "YE-MR").is_none());
        assert!(place(
            "وصلت قافلة إلى المهرة صباح اليوم. وقالت الحكومة اليمنية إنها ستوزع المساعدات.",
            "YE-MR"
        )
        .is_some());
    }

    #[test]
    fn an_everyday_word_or_given_name_is_no_region() {
        assert!(place("Virginia Woolf wrote the novel in a year.", "US-VA").is_none());
        assert!(place("The museum opened a show on Virginia Woolf.", "US-VA").is_none());
        assert!(place("The company opened an office in Virginia.", "US-VA").is_some());
        assert!(place("وقف الحراس عند البوابة الشرقية للمبنى.", "EG-SHR").is_none());
        assert!(place("عرضت القناة الحلقة الوسطى من المسلسل.", "OM-WU").is_none());
    }

    #[test]
    fn a_region_named_as_its_city_is_the_city() {
        let es = entities("سقطت قذائف على ريف محافظة حلب الشمالي.");
        assert!(es.iter().any(|e| e.id == "ALEPPO"));
        assert!(!es.iter().any(|e| e.id == "SY-HL"));
    }
}
