//! Tests of the entity stage on sentences written for them, in Arabic and English.

use super::*;
use crate::extractor::{Extractor, Input};

fn entities(text: &str) -> Vec<Entity> {
    let ex = Extractor::new(Default::default()).expect("extractor");
    ex.extract_one(&Input::new("t", text)).entities
}
