//! The language layer: what every stage knows about how Arabic and English words are written.
//!
//! This module holds the small, stable facts about the two languages that more than one stage
//! relies on. It has no state and reads no tables: every function here is a pure test or
//! transformation of a `char` or a folded `&str`, and every inventory is a `const`.
//!
//! # Overview
//!
//! * [`ar`] — Arabic: the letter classes (the Arabic block, its letters, the Arabic script as a
//!   whole, diacritics), the single inventory of proclitics with the named subsets each stage
//!   tries, suffix inventories, clitic and stem stripping, and the shape tests that tell a verb or
//!   verbal noun from a name.
//! * [`en`] — English and other Latin-script text: what counts as a Latin word, capitalisation
//!   classes and the case rule of a knowledge-base alias, and the particles of Latin-spelled
//!   Arabic names (`al-`, `el-`).
//!
//! # Folded text
//!
//! Unless a function says otherwise, its input is *folded* text (see [`crate::text::fold`]):
//! Arabic letter variants are unified (أ إ آ → ا, ى → ي, ة → ه), diacritics and tatweel are gone
//! and Latin letters are lower case. The inventories are written folded for that reason: the
//! article is `ال`, never `أل`.
//!
//! # One declaration each
//!
//! A stage that needs a narrower set than the whole inventory — the gazetteer's proclitics, the
//! weak ل and ك, the proclitics of date words — takes that set from [`ar`] by name. It never
//! spells a proclitic or a letter range of its own: when a set must change, it changes here, and
//! the tests here check that every named set is drawn from the inventory.
//!
//! # Performance
//!
//! Several of these tests run on every word of every document. They are written to answer
//! most words from their first bytes: every Arabic proclitic starts with a two-byte letter, so
//! [`ar::strip_proclitic`] compares that letter as one two-byte array before anything else, and
//! [`ar::may_have_proclitic`] turns away every word that does not open with a proclitic letter.

pub mod ar;
pub mod en;
