//! Tokens of folded text for the date grammar: words (with the phrases of the time lexicon that
//! start at them), numbers and single punctuation marks, each with its folded byte range.
//!
//! Arabic writes prepositions and conjunctions onto the next word (والسبت, بالأمس, للثاني). A
//! phrase lookup therefore also tries the first word without one of the date proclitics of the
//! language layer (`lang::ar::DATE_PROCLITICS`: و ف ب ل ك and their pairs), and reads لل as
//! ل + ال; the span then starts after the proclitic.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{lexicon, Word, MAX_WORDS};
use crate::lang::ar;
use crate::text::chars;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub range: Range<usize>,
    pub kind: Kind,
    pub text: &'a str,
    /// White space (or the start of the range) before this token.
    pub space_before: bool,
}

/// A phrase of the time lexicon starting at a token.
#[derive(Debug, Clone)]
pub struct Hit {
    pub word: Word,
    /// The token after the phrase.
    pub end: usize,
    /// Folded byte where the phrase starts (after a stripped proclitic).
    pub start: usize,
}

/// Split `folded[range]` into tokens. Linear.
pub fn tokenize(folded: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    // about one token per five bytes of news text: most ranges need no regrowth
    let mut toks = Vec::with_capacity(range.len() / 5 + 1);
    let text = &folded[range.clone()];
    let mut i = 0;
    let mut space = true;
    while let Some((c, n)) = char_at(text, i) {
        if c.is_whitespace() {
            space = true;
            i += n;
            continue;
        }
        let kind = kind_of(c);
        let mut end = i + n;
        if kind != Kind::Punct {
            while let Some((d, m)) = char_at(text, end) {
                let same = if kind == Kind::Num {
                    d.is_ascii_digit()
                } else {
                    chars::is_alphabetic(d) && !d.is_ascii_digit()
                };
                if !same {
                    break;
                }
                end += m;
            }
        }
        let r = range.start + i..range.start + end;
        toks.push(Tok {
            text: &folded[r.clone()],
            range: r,
            kind,
            space_before: space,
        });
        space = false;
        i = end;
    }
    toks
}

/// The character at byte `i` of `text` (a character boundary) and its length in bytes. Most
/// bytes of news text are ASCII: those are read without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

fn kind_of(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Num
    } else if chars::is_alphabetic(c) {
        Kind::Word
    } else {
        Kind::Punct
    }
}

/// The lexicon phrases starting at each token, in one buffer: `hits[i]` for token `i`.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    hits: Vec<Hit>,
    /// Where the hits of each token start in `hits`, and one entry past the last token.
    starts: Vec<usize>,
}

impl Hits {
    /// The hits of token `i`, or None past the last token.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&[Hit]> {
        let (s, e) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
        Some(&self.hits[s..e])
    }
}

impl std::ops::Index<usize> for Hits {
    type Output = [Hit];

    #[inline]
    fn index(&self, i: usize) -> &[Hit] {
        &self.hits[self.starts[i]..self.starts[i + 1]]
    }
}

/// Every lexicon phrase starting at each token, longest first (then as the first word is
/// written before its forms without proclitics, then in table order).
pub fn hits(toks: &[Tok]) -> Hits {
    let lx = lexicon();
    let mut out = Hits {
        hits: Vec::new(),
        starts: Vec::with_capacity(toks.len() + 1),
    };
    out.starts.push(0);
    let mut phrase = String::new();
    // (words in the phrase, which form of the first word, the hit)
    let mut found: Vec<(usize, usize, Hit)> = Vec::new();
    // the forms of the current word, one buffer for the whole text
    let mut forms: Vec<(Cow<str>, usize)> = Vec::new();
    for i in 0..toks.len() {
        if toks[i].kind == Kind::Word {
            found.clear();
            variants(toks[i].text, &mut forms);
            for (form, (head, skip)) in forms.drain(..).enumerate() {
                // Most words start no phrase: one shape test, at most one look-up.
                let Some(mut step) = lx.first_step(&head) else {
                    continue;
                };
                let start = toks[i].range.start + skip;
                let mut len = 1;
                loop {
                    for &w in &step.words {
                        found.push((
                            len,
                            form,
                            Hit {
                                word: w,
                                end: i + len,
                                start,
                            },
                        ));
                    }
                    // a phrase goes on over consecutive words only, up to the longest
                    let next = toks.get(i + len).filter(|t| t.kind == Kind::Word);
                    let Some(next) = next.filter(|_| step.longer && len < MAX_WORDS) else {
                        break;
                    };
                    if !lx.may_follow(next.text) {
                        break;
                    }
                    // the next word, while some phrase still goes on with the words so far
                    if len == 1 {
                        phrase.clear();
                        phrase.push_str(&head);
                    }
                    phrase.push(' ');
                    phrase.push_str(next.text);
                    len += 1;
                    match lx.step(&phrase) {
                        Some(s) => step = s,
                        None => break,
                    }
                }
            }
            // Stable: readings of one phrase keep their table order.
            found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            out.hits.extend(found.drain(..).map(|f| f.2));
        }
        out.starts.push(out.hits.len());
    }
    out
}

/// The first word as written, then without its proclitics: (form, bytes skipped), into `v`.
fn variants<'w>(word: &'w str, v: &mut Vec<(Cow<'w, str>, usize)>) {
    v.clear();
    v.push((Cow::Borrowed(word), 0));
    // most words open with no proclitic letter, and are passed over without comparing them
    // with each proclitic
    if !ar::may_have_proclitic(word) {
        return;
    }
    for p in ar::DATE_PROCLITICS {
        if let Some(rest) = ar::strip_proclitic(word, p) {
            if rest.chars().count() >= 2 {
                v.push((Cow::Borrowed(rest), p.len()));
                // لل: ل + ال with the alef dropped (للثاني = ل + الثاني).
                if let Some(r) = rest.strip_prefix(ar::LI).filter(|_| p.ends_with(ar::LI)) {
                    v.push((Cow::Owned(format!("{}{r}", ar::AL)), p.len() - ar::LI.len()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let toks = tokenize("on 26/12/2021, 06:05", 0..20);
        let kinds: Vec<Kind> = toks.iter().map(|tok| tok.kind).collect();
        assert_eq!(toks[0].text, "on");
        assert_eq!(toks[1].text, "26");
        assert_eq!(kinds[2], Kind::Punct);
        assert!(!toks[2].space_before);
        assert_eq!(toks.len(), 10);
    }

    #[test]
    fn proclitics_do_not_block_lookup() {
        let text = "والسبت بالامس للثاني";
        let toks = tokenize(text, 0..text.len());
        let hits = hits(&toks);
        assert!(hits[0]
            .iter()
            .any(|hit| hit.word == Word::Weekday(6, false) && hit.start == 'و'.len_utf8()));
        assert!(hits[1].iter().any(|hit| hit.word == Word::Day(-1)));
        assert!(hits[2]
            .iter()
            .any(|hit| matches!(hit.word, Word::Num(2, _))));
    }
}
