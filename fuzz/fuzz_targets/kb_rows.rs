//! The user's knowledge-base rows, untrusted: a JSON configuration or tab-separated rows
//! (`id\tkind\tname\taliases;…\tcountry\ttitle\tlat\tlon\tgeonames`), then after a NUL a text
//! to extract with them.
//! Building must give an extractor or an error naming the row, never a panic.
#![no_main]

mod check;

use khabar::doc::Coord;
use khabar::entities::UserEntity;
use khabar::{Config, Extractor, Input};
use libfuzzer_sys::fuzz_target;

fn rows(spec: &str) -> Vec<UserEntity> {
    spec.lines()
        .take(64)
        .map(|line| {
            let mut f = line.split('\t');
            let mut next = || f.next().unwrap_or("").to_string();
            let (id, kind, name, aliases) = (next(), next(), next(), next());
            let (country, title) = (next(), next());
            // coordinates as written, NaN, infinities and out-of-range values included
            let (lat, lon, geonames) = (next(), next(), next());
            let coord = |s: &str| s.parse::<f64>().ok().map(Coord);
            UserEntity {
                id,
                kind,
                name,
                aliases: aliases.split(';').map(str::to_string).collect(),
                country: Some(country).filter(|c| !c.is_empty()),
                title: Some(title).filter(|t| !t.is_empty()),
                lat: coord(&lat),
                lon: coord(&lon),
                geonames: geonames.parse().ok(),
            }
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let (spec, text) = check::split_meta(data);
    let Some(spec) = spec else { return };
    let built = if spec.trim_start().starts_with('{') {
        Extractor::from_json(&spec)
    } else {
        Extractor::new(Config {
            entities: rows(&spec),
            ..Config::default()
        })
    };
    match built {
        Ok(ex) => {
            let doc = ex.extract_one(&Input::new("fuzz", text.clone()));
            check::document(&text, &doc);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("row") || msg.contains("configuration"), "unclear error: {msg}")
        }
    }
});
