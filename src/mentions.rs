//! The entity stage's mentions, seen from the folded text: which entity is named where.
//!
//! Entities report original character offsets; quotes and events read the folded text. This
//! index converts every mention once and answers "which mentions lie in this range" by binary
//! search, so per-sentence lookups stay cheap on long documents.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::doc::Entity;

/// One mention: folded byte range and the index of its entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub range: Range<usize>,
    pub entity: usize,
}

/// All mentions of a document in text order.
#[derive(Debug, Clone, Default)]
pub struct MentionIndex {
    spots: Vec<Spot>,
}

impl MentionIndex {
    pub fn new(a: &Analysis, entities: &[Entity]) -> MentionIndex {
        let mut spots: Vec<Spot> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .map(move |m| (i, m.start..m.end))
                    .collect::<Vec<_>>()
            })
            .map(|(entity, r)| Spot {
                range: a.folded_range(r),
                entity,
            })
            .filter(|s| !s.range.is_empty())
            .collect();
        // longer first at one start, so a caller scanning forward sees "مجلس الأمن الروسي"
        // before the nationality adjective inside it
        spots.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end), s.entity));
        MentionIndex { spots }
    }

    /// Mentions that start inside `r`, in text order.
    pub fn within(&self, r: Range<usize>) -> &[Spot] {
        let a = self.spots.partition_point(|s| s.range.start < r.start);
        let b = self.spots.partition_point(|s| s.range.start < r.end);
        &self.spots[a..b.max(a)]
    }

    /// Mentions that lie wholly inside `r`.
    pub fn inside(&self, r: Range<usize>) -> impl Iterator<Item = &Spot> {
        let end = r.end;
        self.within(r).iter().filter(move |s| s.range.end <= end)
    }
}
