//! Tests of organisation names found by pattern, on sentences written for them.

use crate::doc::{Entity, EntityKind};
use crate::extractor::{Extractor, Input};

fn entities(text: &str) -> Vec<Entity> {
    let ex = Extractor::new(Default::default()).expect("extractor");
    let es = ex.extract_one(&Input::new("t", text)).entities;
    let chars: Vec<char> = text.chars().collect();
    for e in &es {
        for m in &e.mentions {
            let got: String = chars[m.start..m.end].iter().collect();
            assert_eq!(got, m.text, "offsets of {:?}", e.id);
        }
    }
    es
}

/// Mention texts of the organisations.
fn orgs(es: &[Entity]) -> Vec<&str> {
    es.iter()
        .filter(|e| e.kind == EntityKind::Org)
        .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
        .collect()
}

fn org<'e>(es: &'e [Entity], mention: &str) -> Option<&'e Entity> {
    es.iter()
        .find(|e| e.kind == EntityKind::Org && e.mentions.iter().any(|m| m.text == mention))
}

#[test]
fn arabic_heads_open_names() {
    let t = "وانتقد حزب العمال البريطاني قرار الحكومة، فيما رحبت حركة النهضة بالخطوة.";
    let es = entities(t);
    let labour = org(&es, "حزب العمال البريطاني").expect("Labour");
    assert_eq!(labour.country.as_deref(), Some("GBR"));
    assert!(org(&es, "حركة النهضة").is_some(), "{:?}", orgs(&es));
}
