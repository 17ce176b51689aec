//! Quotations and their speakers.

use crate::analysis::Analysis;
use crate::doc::{Entity, Quote};

/// Find the direct and partial quotations of a document and attribute them.
pub fn extract(_a: &Analysis, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
