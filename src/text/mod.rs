//! Text primitives: folding with an offset map, segmentation, language identification.

pub mod chars;
pub mod fold;
pub mod hash;
pub mod lang;
pub mod segment;
pub mod sieve;
