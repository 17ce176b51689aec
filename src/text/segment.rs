//! Segmentation of folded text: lines, sentences and tokens, all as byte ranges into the folded
//! text (see [`super::fold::Folded`] for the way back to original offsets).
//!
//! Sentences end at `.`, `!`, `?`, `؟`, `؛` and line breaks, but not inside numbers ("2.5"), after
//! initials and known abbreviations ("Georgiy Y. Borisenko", "Mr."), or inside a quotation that is
//! still open on the same line. Quotation state never outlives a line, so an unclosed quote can
//! hold back at most the rest of its own paragraph.

use std::ops::Range;

use super::chars;
use super::hash::WordSet;
use crate::lang::en;

/// Byte ranges of the lines of `text`, without their line terminators, empty lines included.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(start..end);
            start = i + 1;
        }
    }
    out.push(start..text.len());
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛' | '…')
}

fn opens_quote(c: char) -> Option<char> {
    match c {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        _ => None,
    }
}

/// Is the word that ends just before byte `dot` an initial or one of the folded `abbreviations`?
fn is_abbreviation(text: &str, dot: usize, abbreviations: &WordSet<String>) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(chars::is_alphanumeric(c) || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() || word.ends_with('.') {
        return false;
    }
    let mut chars = word.chars();
    let single = chars.next().is_some_and(en::is_latin_letter) && chars.next().is_none();
    single || word.contains('.') || abbreviations.contains(word)
}

/// Sentences inside `range` of `text`, trimmed of surrounding white space; empty ones dropped.
/// A dot after one of the folded `abbreviations` (without their dot: "mr") ends no sentence.
pub fn sentences(
    text: &str,
    range: Range<usize>,
    abbreviations: &WordSet<String>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let char_at = |i: usize| text.get(i..range.end).and_then(|s| s.chars().next());
    let mut start = range.start;
    let mut closer: Option<char> = None; // the mark that closes the quotation we are in
    let mut straight_open = false;
    let mut i = range.start;
    while i < range.end {
        if !may_matter(bytes, i) {
            i += 1;
            continue;
        }
        let Some(c) = char_at(i) else {
            break;
        };
        let after = i + c.len_utf8();
        let next = char_at(after);
        let mut split_after: Option<usize> = None;
        if c == '\n' {
            closer = None;
            straight_open = false;
            split_after = Some(i + 1);
        } else if c == '"' {
            straight_open = !straight_open;
        } else if Some(c) == closer {
            closer = None;
        } else if let Some(cl) = opens_quote(c) {
            if closer.is_none() {
                closer = Some(cl);
            }
        } else if is_terminal(c) && closer.is_none() && !straight_open {
            let in_number = c == '.'
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && next.is_some_and(|n| n.is_ascii_digit());
            let abbrev = c == '.'
                && next.is_none_or(|n| n == ' ')
                && is_abbreviation(text, i, abbreviations);
            // a full stop between Latin letters is inside a word ("U.S.", "e.g.", "a.m.")
            let in_word = c == '.'
                && i > 0
                && bytes[i - 1].is_ascii_alphabetic()
                && next.is_some_and(|n| n.is_ascii_alphabetic());
            if !in_number && !abbrev && !in_word && !next.is_some_and(is_terminal) {
                // keep closing quotes and brackets with the sentence they end
                let mut end = after;
                while let Some(n) =
                    char_at(end).filter(|n| matches!(n, '"' | '”' | '»' | ')' | ']' | '\''))
                {
                    end += n.len_utf8();
                }
                split_after = Some(end);
            }
        }
        if let Some(end) = split_after {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
        } else {
            i = after;
        }
    }
    push_trimmed(text, start..range.end, &mut out);
    out
}

/// Can the character at byte `i` be a line break, a sentence end or a quotation mark? Read from
/// its UTF-8 bytes, so that the letters between them are skipped without decoding.
#[inline(always)]
fn may_matter(bytes: &[u8], i: usize) -> bool {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'\n' | b'"' | b'.' | b'!' | b'?' => true,
        0xC2 => matches!(at(1), 0xAB | 0xBB), // « »
        0xD8 => matches!(at(1), 0x9B | 0x9F), // ؛ ؟
        0xE2 => at(1) == 0x80 && matches!(at(2), 0x9C | 0x9D | 0x9E | 0xA6), // “ ” „ …
        _ => false,
    }
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

/// A token: a run of letters, a run of digits, or one punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokKind,
}

/// Tokens of `text[range]`. Letters and digits never share a token ("بـ40" is "ب" + "40").
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    tokens_into(text, range, &mut out);
    out
}

/// [`tokens`], appended to `out`.
pub fn tokens_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let first = out.len();
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let mut off = 0;
    while off < bytes.len() {
        // ASCII is classed by its byte: most of an English text, and the spaces of any
        let (kind, len) = if bytes[off].is_ascii() {
            match class(bytes[off] as char) {
                Some(kind) => (kind, 1),
                None => {
                    off += 1;
                    continue;
                }
            }
        } else {
            let Some(c) = s[off..].chars().next() else {
                break;
            };
            match class(c) {
                Some(kind) => (kind, c.len_utf8()),
                None => {
                    off += c.len_utf8();
                    continue;
                }
            }
        };
        let i = range.start + off;
        match out[first..].last_mut() {
            Some(t) if t.kind == kind && kind != TokKind::Punct && t.range.end == i => {
                t.range.end = i + len;
            }
            _ => out.push(Token {
                range: i..i + len,
                kind,
            }),
        }
        off += len;
    }
}

/// The kind of token `c` belongs to; `None` for white space, which separates tokens.
#[inline(always)]
fn class(c: char) -> Option<TokKind> {
    if chars::is_numeric(c) {
        Some(TokKind::Number)
    } else if chars::is_alphabetic(c) || c == '\u{0300}' {
        Some(TokKind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokKind::Punct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        let abbreviations: WordSet<String> = ["mr".to_string()].into_iter().collect();
        sentences(s, 0..s.len(), &abbreviations)
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_arabic_and_latin_punctuation() {
        assert_eq!(
            sents("وصل الوفد. هل اتفقوا؟ نعم؛ اتفقوا"),
            vec!["وصل الوفد.", "هل اتفقوا؟", "نعم؛", "اتفقوا"]
        );
    }

    #[test]
    fn keeps_numbers_initials_and_abbreviations() {
        assert_eq!(
            sents("growth of 2.5 percent, said georgiy y. borisenko. mr. smith agreed."),
            vec![
                "growth of 2.5 percent, said georgiy y. borisenko.",
                "mr. smith agreed."
            ]
        );
    }

    #[test]
    fn no_split_inside_dotted_abbreviations() {
        assert_eq!(
            sents("pakistan, a key u.s. ally, refused. talks follow."),
            vec!["pakistan, a key u.s. ally, refused.", "talks follow."]
        );
    }

    #[test]
    fn no_split_inside_quotations() {
        assert_eq!(
            sents("وقال: «لن نقبل. أبدا». ثم غادر."),
            vec!["وقال: «لن نقبل. أبدا».", "ثم غادر."]
        );
        assert_eq!(
            sents("\"we agree. fully,\" he said. next"),
            vec!["\"we agree. fully,\" he said.", "next"]
        );
    }

    #[test]
    fn unclosed_quote_stops_at_line_end() {
        assert_eq!(
            sents("قال: \"بداية. بلا نهاية\nسطر. آخر."),
            vec!["قال: \"بداية. بلا نهاية", "سطر.", "آخر."]
        );
    }

    #[test]
    fn double_dots_end_a_sentence_once() {
        assert_eq!(
            sents("في القاهرة.. وترأسها"),
            vec!["في القاهرة..", "وترأسها"]
        );
    }

    #[test]
    fn tokens_split_letters_digits_punct() {
        let s = "ب40 ألف، 2024!";
        let t: Vec<(&str, TokKind)> = tokens(s, 0..s.len())
            .into_iter()
            .map(|t| (&s[t.range], t.kind))
            .collect();
        assert_eq!(
            t,
            vec![
                ("ب", TokKind::Word),
                ("40", TokKind::Number),
                ("ألف", TokKind::Word),
                ("،", TokKind::Punct),
                ("2024", TokKind::Number),
                ("!", TokKind::Punct)
            ]
        );
    }

    #[test]
    fn lines_keep_empty_and_strip_cr() {
        assert_eq!(lines("a\r\n\nb"), vec![0..1, 3..3, 4..5]);
    }
}
