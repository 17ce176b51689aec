//! Quotation marks: where quoted stretches open and close inside one paragraph.
//!
//! News mixes straight and typographic marks freely, often in one quotation (an opening `"`
//! closed by `”`), and nests quoted names inside quotations (`"… مجموعة "بريكس" …"`). A straight
//! mark is read by its neighbours: a space before and a letter after opens, a letter before and a
//! space or punctuation after closes. Single marks count only as a pair, so apostrophes
//! (Russia's, countries') never open anything. A quotation still open at the paragraph's end
//! ends there: it never runs into the next paragraph, let alone the rest of the document.

use std::ops::Range;

use crate::text::chars;

/// A top-level quoted stretch of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted words, without the marks, trimmed.
    pub inner: Range<usize>,
    /// Byte offset just past the closing mark, or the paragraph's end when unclosed.
    pub end: usize,
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    Low,
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(chars::is_alphanumeric)
}

/// Can this mark open a quotation here?
fn opener(c: char, prev: Option<char>, next: Option<char>) -> Option<Family> {
    let after_gap = !word_char(prev);
    match c {
        '«' => Some(Family::Guillemet),
        '„' => Some(Family::Low),
        '“' => Some(Family::Double),
        '"' if after_gap && next.is_some_and(|n| !n.is_whitespace()) => Some(Family::Double),
        '\'' | '‘' if after_gap && word_char(next) => Some(Family::Single),
        _ => None,
    }
}

/// Can this mark close a quotation of `fam` here?
fn closes(c: char, fam: Family, prev: Option<char>, next: Option<char>) -> bool {
    match fam {
        Family::Guillemet => c == '»',
        Family::Low => matches!(c, '“' | '"'),
        Family::Double => matches!(c, '"' | '”') && prev.is_some_and(|p| !p.is_whitespace()),
        Family::Single => matches!(c, '\'' | '’') && word_char(prev) && !word_char(next),
    }
}

/// Deepest nesting of open marks followed: real quotations nest two or three deep; a page of
/// opening marks that never close would otherwise make every mark search a long stack.
const MAX_DEPTH: usize = 8;

/// Is this a quotation mark of any family, opening or closing?
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '‘' | '’' | '“' | '”' | '„' | '«' | '»')
}

/// The quotation marks of `s` (byte offset, mark), found by a byte scan: `"` and `'`, « and »
/// (C2 AB, C2 BB), and the typographic marks led by E2 80. Nothing else in a paragraph opens or
/// closes a quotation, so only these are read.
fn marks(s: &str) -> Vec<(usize, char)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        // eight bytes at a time: most stretches of text hold none of the four
        if let Some(chunk) = b.get(k..k + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !may_hold_mark(word) {
                k += 8;
                continue;
            }
        }
        let end = (k + 8).min(b.len());
        for (j, &x) in b[k..end].iter().enumerate() {
            if matches!(x, b'"' | b'\'' | 0xC2 | 0xE2) {
                // a lead byte starts a character, so the slice is on a boundary
                if let Some(c) = s[k + j..].chars().next().filter(|&c| is_mark(c)) {
                    out.push((k + j, c));
                }
            }
        }
        k = end;
    }
    out
}

/// Does any byte of these eight equal `"`, `'`, C2 or E2? (A byte equals `x` where `word ^ x`
/// has a zero byte; the test for a zero byte is exact about whether there is one.)
fn may_hold_mark(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    [b'"', b'\'', 0xC2, 0xE2]
        .iter()
        .any(|&x| zero(word ^ (ONES * u64::from(x))))
}

/// The top-level quotations of `text[para]`.
pub fn find(text: &str, para: Range<usize>) -> Vec<Marked> {
    let mut out = Vec::new();
    let p = &text[para.clone()];
    let marks = marks(p);
    // most paragraphs hold no opening mark, and then nothing can open
    if !marks
        .iter()
        .any(|&(_, c)| matches!(c, '"' | '\'' | '‘' | '“' | '„' | '«'))
    {
        return out;
    }
    // open marks, innermost last: (family, byte offset of the mark)
    let mut stack: Vec<(Family, usize)> = Vec::new();
    // straight or closing double marks after the current mark, so lookahead stays linear
    let mut ahead = marks.iter().filter(|m| matches!(m.1, '"' | '”')).count();
    for &(k, c) in &marks {
        let i = para.start + k;
        let prev = p[..k].chars().next_back();
        let next = p[k + c.len_utf8()..].chars().next();
        ahead -= usize::from(matches!(c, '"' | '”'));
        // Inside a quotation, a straight mark that looks like an opener starts a nested name
        // when two more marks follow on the paragraph: one to close the name, one the quotation.
        let looks_open = c == '"' && !word_char(prev) && word_char(next);
        if looks_open && !stack.is_empty() && ahead >= 2 {
            if stack.len() < MAX_DEPTH {
                stack.push((Family::Double, i));
            }
            continue;
        }
        if let Some(depth) = stack.iter().rposition(|&(f, _)| closes(c, f, prev, next)) {
            if depth == 0 {
                let (_, open) = stack[0];
                push(text, open, i, i + c.len_utf8(), true, &mut out);
            }
            stack.truncate(depth);
            continue;
        }
        if let Some(f) = opener(c, prev, next).filter(|_| stack.len() < MAX_DEPTH) {
            stack.push((f, i));
        }
    }
    if let Some(&(_, open)) = stack.first() {
        push(text, open, para.end, para.end, false, &mut out);
    }
    out
}

fn push(text: &str, open: usize, close: usize, end: usize, closed: bool, out: &mut Vec<Marked>) {
    let start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let s = &text[start..close.max(start)];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() || !s.chars().any(chars::is_alphanumeric) {
        return;
    }
    out.push(Marked {
        open,
        inner: start + lead..close - trail,
        end,
        closed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> Vec<(&str, bool)> {
        find(s, 0..s.len())
            .into_iter()
            .map(|m| (&s[m.inner], m.closed))
            .collect()
    }

    #[test]
    fn all_delimiters() {
        assert_eq!(quoted("قال: «لن نقبل» ثم"), vec![("لن نقبل", true)]);
        assert_eq!(quoted("he said “we agree” and"), vec![("we agree", true)]);
        assert_eq!(
            quoted("er sagte „wir kommen“ heute"),
            vec![("wir kommen", true)]
        );
        assert_eq!(quoted("the 'final offer' was"), vec![("final offer", true)]);
        assert_eq!(
            quoted("\"Certainly we agree,” the envoy said"),
            vec![("Certainly we agree,", true)]
        );
    }

    #[test]
    fn only_marks_are_read() {
        let s = "وقال «نعم» — he said “yes” and ‘no’, „ja“ \"so\" it's";
        let found: String = marks(s)
            .into_iter()
            .map(|(k, c)| {
                assert!(s[k..].starts_with(c));
                c
            })
            .collect();
        assert_eq!(found, "«»“”‘’„“\"\"'");
        // a mark at each position of an eight-byte stretch, and at the very end
        for pad in 0..10 {
            let s = format!("{}«x» and\"", "a".repeat(pad));
            let at: Vec<usize> = marks(&s).into_iter().map(|m| m.0).collect();
            assert_eq!(at, vec![pad, pad + 3, pad + 9]);
        }
        assert!(marks("وقال الوزير إن المباحثات كانت مثمرة… — ثم").is_empty());
        assert_eq!(quoted("the talks ended” on Sunday"), vec![]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("Russia's envoy met the countries' ministers"),
            vec![]
        );
    }

    #[test]
    fn nested_straight_names_stay_inside() {
        let s = "وأضاف: \"تم تأكيد التعاون داخل مجموعة \"بريكس\" ومنصة الأمم المتحدة\". ثم";
        assert_eq!(
            quoted(s),
            vec![(
                "تم تأكيد التعاون داخل مجموعة \"بريكس\" ومنصة الأمم المتحدة",
                true
            )]
        );
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let s = "\"Both sides will sign the deal by 2025.";
        assert_eq!(
            quoted(s),
            vec![("Both sides will sign the deal by 2025.", false)]
        );
        let s = "وقال الوزير: \"سنواصل التنسيق";
        assert_eq!(quoted(s), vec![("سنواصل التنسيق", false)]);
    }

    #[test]
    fn two_quotes_in_one_paragraph() {
        let s = "\"We agree,\" he said. \"We will sign.\"";
        assert_eq!(
            quoted(s),
            vec![("We agree,", true), ("We will sign.", true)]
        );
    }
}
