//! Events coded in PLOVER (with CAMEO alongside).

pub mod mentions;
pub mod phrases;

use crate::analysis::Analysis;
use crate::doc::{DateExpr, Entity, Event, Quote};

/// Find the events of a document.
pub fn extract(
    _a: &Analysis,
    _entities: &[Entity],
    _dates: &[DateExpr],
    _quotes: &[Quote],
) -> Vec<Event> {
    Vec::new()
}
