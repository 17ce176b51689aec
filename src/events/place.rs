//! Where an event happened: the place its sentence names, else the city of the story's dateline.
//!
//! A place is a `location` entity (a GeoNames city or town, a capital named as a place, a region
//! or a facility). The dateline's city ("BAGHDAD, March 12 (Reuters) -", "الرياض - واس") opens
//! one of the first lines; it says where the report was filed, so it is the place of the
//! events whose sentence names no other place, and a sentence that opens with it and names
//! another place ("في مدينة جدة") happened at that other place.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::doc::{Entity, EntityKind};
use crate::mentions::{MentionIndex, Spot};
use crate::time::dateline;

/// Lines (the title, then the body) in which a dateline's city is looked for: a short text may
/// have its dateline on its first line, read as its title.
const LEAD_LINES: usize = 3;

/// The mention of the dateline's city: a place that opens one of the first body lines and is
/// followed by the rest of a dateline.
pub(super) fn dateline(a: &Analysis, idx: &MentionIndex, entities: &[Entity]) -> Option<Spot> {
    a.layout
        .content()
        .into_iter()
        .take(LEAD_LINES)
        .find_map(|line| {
            let spot = idx
                .within(line.start..line.start + 1)
                .iter()
                .find(|sp| entities[sp.entity].kind == EntityKind::Location)?;
            let after = a.orig(spot.range.end..line.end);
            dateline::ends_after_place(a.orig_text(after)).then(|| spot.clone())
        })
}

/// The id of the place of an event in sentence `s` (folded range): the first place the sentence
/// names besides the dateline's city, else the dateline's city.
pub(super) fn of_sentence(
    idx: &MentionIndex,
    entities: &[Entity],
    s: Range<usize>,
    dateline: Option<&Spot>,
) -> Option<String> {
    idx.inside(s)
        .filter(|sp| entities[sp.entity].kind == EntityKind::Location)
        .find(|sp| dateline.is_none_or(|d| d.range != sp.range))
        .or(dateline)
        .map(|sp| entities[sp.entity].id.clone())
}

#[cfg(test)]
mod tests {
    use crate::doc::Document;
    use crate::fixtures::extracted;

    fn doc(text: &str) -> Document {
        extracted(text, None)
    }

    /// The location of each event, with its type.
    fn places(text: &str) -> Vec<(String, Option<String>)> {
        doc(text)
            .events
            .iter()
            .map(|e| (e.kind.to_string(), e.location.clone()))
            .collect()
    }

    /// The id of the location entity named `name`.
    fn id_of(d: &Document, name: &str) -> String {
        d.entities
            .iter()
            .find(|e| e.kind == crate::doc::EntityKind::Location && e.name == name)
            .map(|e| e.id.clone())
            .unwrap_or_else(|| panic!("no place {name}"))
    }

    #[test]
    fn an_event_takes_the_place_its_sentence_names_as_an_id() {
        let t = "Jordan and Egypt held talks in Cairo on Sunday.";
        let d = doc(t);
        let cairo = id_of(&d, "Cairo");
        assert_eq!(places(t), vec![("CONSULT".into(), Some(cairo))]);
        let t = "عقدت الأردن ومصر محادثات في القاهرة يوم الأحد.";
        let d = doc(t);
        let cairo = id_of(&d, "Cairo");
        assert_eq!(places(t), vec![("CONSULT".into(), Some(cairo))]);
    }

    #[test]
    fn without_a_place_in_its_sentence_an_event_takes_the_datelines_city() {
        let t = "Electricity deal\n\
                 AMMAN, June 3 (Reuters) - The weather was mild.\n\
                 Jordan and Iraq signed an agreement on electricity on Monday.";
        let d = doc(t);
        let amman = id_of(&d, "Amman");
        assert!(d
            .events
            .iter()
            .all(|e| e.location.as_deref() == Some(&amman)));
        assert!(!d.events.is_empty());
        let t = "اتفاقية الكهرباء\n\
                 بغداد - واع: كان الطقس معتدلا.\n\
                 وقع الأردن والعراق اتفاقية للتعاون في مجال الكهرباء يوم الاثنين.";
        let d = doc(t);
        let baghdad = id_of(&d, "Baghdad");
        assert!(!d.events.is_empty());
        assert!(
            d.events
                .iter()
                .all(|e| e.location.as_deref() == Some(&baghdad)),
            "{:?} {:?}",
            d.events,
            d.entities
        );
    }

    #[test]
    fn a_place_of_the_sentence_wins_over_the_dateline_before_it() {
        let t = "RIYADH, May 4 - Saudi Arabia and Egypt signed an agreement in Jeddah.";
        let d = doc(t);
        let jeddah = id_of(&d, "Jeddah");
        assert_eq!(places(t), vec![("SUPPORT".into(), Some(jeddah.clone()))]);
        let t = "الرياض - واس: وقعت السعودية ومصر اتفاقية للتعاون في مدينة جدة.";
        assert_eq!(places(t), vec![("SUPPORT".into(), Some(jeddah))]);
    }

    #[test]
    fn a_city_opening_an_ordinary_sentence_is_no_dateline() {
        // "Amman" starts the line but no dash or colon closes a dateline after it
        let t = "Water conference\n\
                 Amman hosted a conference on water - its officials said so.\n\
                 Jordan and Iraq signed an agreement on electricity on Monday.";
        let d = doc(t);
        assert!(!d.events.is_empty());
        assert!(
            d.events.iter().all(|e| e.location.is_none()),
            "{:?}",
            d.events
        );
    }
}
