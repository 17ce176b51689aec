//! Names that mean two records, settled once per document (data/ambiguous_names.tsv).
//!
//! Arabic عمان is Oman and Amman, Jordan's capital. The gazetteer gives such a hit both meanings;
//! here every such hit keeps one: the alternative (Amman) when the document names something of the
//! cue country anywhere (الأردن، الأردنية، Jordan, a Jordanian body or person), else the default
//! (Oman). Longer keys ("سلطنة عمان") are other hits and never ambiguous. One pass over the hits
//! to find the cues, one to settle: linear in the document.

use super::kb::{Form, KnowledgeBase, Target};
use super::Sentence;

/// Keep one meaning of every ambiguous hit of the document.
pub(crate) fn settle(kb: &KnowledgeBase, sentences: &mut [Sentence]) {
    for amb in &kb.ambiguous {
        let is_ambiguous = |ts: &[Target]| {
            ts.iter().any(|t| is_record(t, amb.default))
                && ts.iter().any(|t| is_record(t, amb.alternative))
        };
        let cue = sentences.iter().flat_map(|s| &s.hits).any(|h| {
            !is_ambiguous(&h.targets) && h.targets.iter().any(|t| names_country(kb, t, &amb.cue))
        });
        let keep = if cue { amb.alternative } else { amb.default };
        for s in sentences.iter_mut() {
            for h in &mut s.hits {
                if is_ambiguous(&h.targets) {
                    h.targets
                        .retain(|t| is_record(t, keep) || !is_record_form(t));
                }
            }
        }
    }
}

/// A meaning that points into the records (not an institution or a title).
fn is_record_form(t: &Target) -> bool {
    matches!(t.form, Form::Name | Form::Adjective | Form::Capital)
}

fn is_record(t: &Target, record: usize) -> bool {
    is_record_form(t) && t.record == record
}

/// Does this meaning name the country `iso`, or something of it?
fn names_country(kb: &KnowledgeBase, t: &Target, iso: &str) -> bool {
    is_record_form(t)
        && kb
            .records
            .get(t.record)
            .is_some_and(|r| r.id == iso || r.country.as_deref() == Some(iso))
}

#[cfg(test)]
mod tests {
    use crate::doc::{Entity, EntityKind};
    use crate::fixtures::extracted_entities as entities;

    fn ids(es: &[Entity]) -> Vec<(EntityKind, &str)> {
        es.iter().map(|e| (e.kind, e.id.as_str())).collect()
    }

    #[test]
    fn oman_unless_the_document_speaks_of_jordan() {
        let es = entities("قال وزير الخارجية إن عمان تدعم الوساطة بين الطرفين.");
        assert!(
            ids(&es).contains(&(EntityKind::Country, "OMN")),
            "{:?}",
            ids(&es)
        );
        assert!(!ids(&es).contains(&(EntityKind::Country, "JOR")));
    }

    #[test]
    fn amman_in_a_document_about_jordan() {
        let t = "وصل الوفد إلى عمان مساء الأحد. وقالت الحكومة الأردنية إن المحادثات ستبدأ غدا.";
        let es = entities(t);
        let amman = es
            .iter()
            .find(|e| e.kind == EntityKind::Location && e.id == "amman")
            .expect("Amman as a place");
        assert_eq!(amman.mentions[0].text, "عمان");
        assert!(
            !ids(&es).contains(&(EntityKind::Country, "OMN")),
            "{:?}",
            ids(&es)
        );
    }

    #[test]
    fn the_sultanate_is_always_oman() {
        let es = entities("استقبل الملك الأردني وفدا من سلطنة عمان.");
        let omn = es.iter().find(|e| e.id == "OMN").expect("Oman");
        assert_eq!(omn.mentions[0].text, "سلطنة عمان");
    }
}
