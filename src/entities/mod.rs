//! Entities: countries, organisations, persons and places, each once per document with all its
//! mentions.

use crate::analysis::Analysis;
use crate::doc::Entity;

/// The knowledge base: built-in tables plus the user's rows.
#[derive(Debug, Default)]
pub struct KnowledgeBase {}

impl KnowledgeBase {
    pub fn builtin() -> KnowledgeBase {
        KnowledgeBase {}
    }
}

/// Find the entities of a document.
pub fn extract(_a: &Analysis, _kb: &KnowledgeBase) -> Vec<Entity> {
    Vec::new()
}
