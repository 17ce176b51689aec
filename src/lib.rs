//! # khabar
//!
//! Facts from Arabic and English news articles: entities, dates, attributed quotes, PLOVER events
//! and same-story clusters, each pointing back at the exact characters it came from.
//!
//! ```text
//! Input {id, text, published?, lang?}
//!   └─ text::fold        Folded { text, map }       folded bytes → original character index
//!       └─ clean          Layout { title, datelines, body lines, clutter lines }
//!           └─ analysis   sentences of the content, language, publication day
//!               ├─ entities    gazetteer + person rules → Entity
//!               ├─ time        recognise + resolve against the publication day → DateExpr
//!               ├─ quotes      delimiters + cue verbs + speaker chain → Quote
//!               └─ events      triggers + actors + mode → Event
//!                   └─ Document (original character offsets)
//! Batch: cluster::assign(&mut [Document])
//! Under every stage: lang (Arabic and English letter classes, proclitics, word shapes)
//! ```
//!
//! Every stage works on the folded text (spelling variants, diacritics and digits unified) and
//! reports original offsets through one map, so `original[start..end] == text` always holds.
//! The Python binding lives in `py` (feature `python`) and nowhere else.

pub mod analysis;
pub mod bench;
pub mod clean;
pub mod cluster;
pub mod columns;
pub mod doc;
pub mod entities;
pub mod events;
pub mod extractor;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod lang;
pub mod lexicon;
pub mod mentions;
pub mod phrases;
pub mod quotes;
pub mod text;
pub mod time;
pub mod timing;

#[cfg(feature = "python")]
mod py;

pub use doc::Document;
pub use extractor::{Config, Extractor, Input, Stopped};
