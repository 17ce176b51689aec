//! The figures of a document as clustering compares them: counts, sums and quantities, written
//! the same way whatever the language ("5,000 troops" and "5000 جندي" give 5000; "$6 billion"
//! and "6 مليارات دولار" give 6000000000), and not the numbers of its dates or years.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::lexicon::rows;
use crate::text::fold::fold_key;
use crate::tsv;

/// Scale words (folded) and what they multiply by: `data/number_scales.tsv`.
static SCALES: Lazy<HashMap<String, u64>> = Lazy::new(|| {
    rows(tsv!("number_scales.tsv"), &["word", "value"])
        .filter_map(|r| Some((fold_key(r.get("word")), r.get("value").parse().ok()?)))
        .collect()
});

/// The figures of a folded text: numbers of two or more digits (thousands separators joined, a
/// scale word after the figure applied) that are not years, with leading zeros dropped. A
/// single digit counts only with a scale word ("6 billion").
pub fn figures(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut words = folded.split_whitespace().peekable();
    while let Some(w) = words.next() {
        // most words have no digit: skip them before any allocation
        if !w.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some((digits, fraction)) = figure(w) else {
            continue;
        };
        let scale = words
            .peek()
            .map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()))
            .and_then(|n| SCALES.get(n).copied());
        let whole = digits.trim_start_matches('0');
        match scale {
            Some(s) => {
                if let Some(v) = scaled(whole, &fraction, s) {
                    out.push(v.to_string());
                }
            }
            None => {
                let year = whole.len() == 4 && (whole.starts_with("19") || whole.starts_with("20"));
                if (2..=12).contains(&whole.len()) && !year && fraction.is_empty() {
                    out.push(whole.to_string());
                }
            }
        }
    }
    out
}

/// The figure a word is, as (integer digits with thousands separators joined, fraction digits):
/// "5,000" → ("5000", ""), "2.5" → ("2", "5"), "$300" → ("300", ""). None for a word with
/// letters glued to its digits ("3rd", "g7") or with separators that are not thousands ("1,2").
fn figure(w: &str) -> Option<(String, String)> {
    // ٬ is the Arabic thousands separator
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .replace('٬', ",");
    if !w.starts_with(|c: char| c.is_ascii_digit())
        || !w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let (int, fraction) = w.split_once('.').unwrap_or((&w, ""));
    let groups: Vec<&str> = int.split(',').collect();
    if fraction.contains([',', '.']) || groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    Some((groups.concat(), fraction.to_string()))
}

/// `whole.fraction` × `scale`, when it is a whole number that fits.
fn scaled(whole: &str, fraction: &str, scale: u64) -> Option<u64> {
    let int: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut value = int.checked_mul(scale)?;
    let mut unit = scale;
    for d in fraction.bytes() {
        unit /= 10;
        if unit == 0 {
            return None;
        }
        value = value.checked_add(u64::from(d - b'0') * unit)?;
    }
    (value > 0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::figures;
    use crate::text::fold::fold_key;

    #[test]
    fn figures_join_separators_apply_scales_and_skip_years() {
        let en = "on 12 march 2024, 0350 troops, 7 tanks and 5,000 soldiers; $6 billion and 2.5 million fled in 1999";
        assert_eq!(
            figures(&fold_key(en)),
            ["12", "350", "5000", "6000000000", "2500000"]
        );
        let ar = "قتل 45 شخصا وأصيب 007 آخرون في عام 2023 ونشر ٥٬٠٠٠ جندي بكلفة 6 مليارات دولار";
        assert_eq!(figures(&fold_key(ar)), ["45", "5000", "6000000000"]);
    }

    #[test]
    fn lists_and_glued_letters_are_not_figures() {
        assert!(figures("1,2 and 3rd and g7 and 12b").is_empty());
    }
}
