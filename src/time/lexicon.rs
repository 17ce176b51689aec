//! Month and weekday names from `data/months.tsv` and `data/weekdays.tsv`, folded, with the
//! regular-expression alternations the recognisers are built from.

use once_cell::sync::Lazy;
use std::collections::HashMap;

use crate::lexicon::{field, rows};
use crate::text::fold::fold_key;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

pub struct TimeLexicon {
    /// Folded month name → (calendar, month number).
    pub months: HashMap<String, (Calendar, u32)>,
    /// Folded weekday name → ISO weekday.
    pub weekdays: HashMap<String, u32>,
}

impl TimeLexicon {
    /// A regex alternation of the names of one calendar's months, longest first, escaped.
    pub fn month_alternation(&self, cal: Calendar) -> String {
        alternation(
            self.months
                .iter()
                .filter(|(_, v)| v.0 == cal)
                .map(|(k, _)| k.as_str()),
        )
    }

    pub fn weekday_alternation(&self) -> String {
        alternation(self.weekdays.keys().map(String::as_str))
    }

    /// The Gregorian month a folded name denotes.
    pub fn month(&self, folded: &str) -> Option<u32> {
        match self.months.get(folded) {
            Some(&(Calendar::Gregorian, m)) => Some(m),
            _ => None,
        }
    }
}

/// Longest-first alternation of literal words, with white space matching any run of spaces.
pub fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut w: Vec<&str> = words.collect();
    w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w.dedup();
    w.iter()
        .map(|s| regex::escape(s).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

static LEXICON: Lazy<TimeLexicon> = Lazy::new(|| {
    let mut months = HashMap::new();
    for r in rows(include_str!("../../data/months.tsv")) {
        let cal = if field(&r, 1) == "hijri" {
            Calendar::Hijri
        } else {
            Calendar::Gregorian
        };
        if let Ok(m) = field(&r, 0).parse::<u32>() {
            months.insert(fold_key(field(&r, 3)), (cal, m));
        }
    }
    let mut weekdays = HashMap::new();
    for r in rows(include_str!("../../data/weekdays.tsv")) {
        if let Ok(d) = field(&r, 0).parse::<u32>() {
            weekdays.insert(fold_key(field(&r, 2)), d);
        }
    }
    TimeLexicon { months, weekdays }
});

pub fn lexicon() -> &'static TimeLexicon {
    &LEXICON
}
