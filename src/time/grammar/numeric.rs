//! Numbers for the date grammar: numbers in words ("twenty-first", "الحادي والعشرين"), counts
//! before a unit ("three", "بضعة"), and dates written in digits with separators (26/12/2021,
//! 2021-12-26, 4/22 after "on").

use super::{Candidate, Dir, Kind, MonthRef, NumKind, Parser, Point, Prep, Word};
use crate::lang::ar;

/// The first two numbers of a numeric date, each with its number of digits, and the separator
/// after the first.
struct Digits<'a> {
    a: u32,
    an: usize,
    b: u32,
    bn: usize,
    sep: &'a str,
}

impl Parser<'_> {
    /// A number in words: "twenty-first", "الحادي والعشرين", "السادس عشر", "three".
    pub(super) fn num_words(&self, i: usize) -> Option<(u32, NumKind, usize)> {
        let ((v, kind), e, _) = self.word(i, |w| match w {
            Word::Num(v, k) if k != NumKind::Teen => Some((v, k)),
            _ => None,
        })?;
        if v < 10 {
            if let Some((_, e2, _)) =
                self.word(e, |w| (w == Word::Num(10, NumKind::Teen)).then_some(()))
            {
                return Some((v + 10, kind, e2));
            }
            // Arabic units before tens: الحادي والعشرين (و written onto the tens).
            if let Some(((t, k2), e2, s)) = self.word(e, |w| match w {
                Word::Num(t @ (20 | 30), k) => Some((t, k)),
                _ => None,
            }) {
                if s > self.start(e) || self.toks[e].text == ar::WA {
                    return Some((v + t, k2, e2));
                }
            }
            if self.toks.get(e).is_some_and(|tok| tok.text == ar::WA) {
                if let Some(((t, k2), e2, _)) = self.word(e + 1, |w| match w {
                    Word::Num(t @ (20 | 30), k) => Some((t, k)),
                    _ => None,
                }) {
                    return Some((v + t, k2, e2));
                }
            }
        }
        if v == 20 || v == 30 {
            let j = self.opt_punct(e, &["-"]);
            if let Some(((u, k2), e2, _)) = self.word(j, |w| match w {
                Word::Num(u @ 1..=9, k @ (NumKind::Cardinal | NumKind::Ordinal)) => Some((u, k)),
                _ => None,
            }) {
                if self.toks[j].kind == Kind::Word && self.toks[j].text.is_ascii() {
                    return Some((v + u, k2, e2));
                }
            }
        }
        Some((v, kind, e))
    }

    /// A count before a unit: "3", "three", "a few", "بضعة", "الأربع".
    pub(super) fn count(&self, i: usize) -> Option<(i64, usize)> {
        if let Some((v, n)) = self.num(i) {
            return (n <= 4).then_some((i64::from(v), i + 1));
        }
        let (a, kind, e) = self.num_words(i)?;
        if a == 1 && kind == NumKind::Cardinal {
            if let Some((_, NumKind::Few, e2)) = self.num_words(e) {
                return Some((3, e2));
            }
        }
        Some((i64::from(a), e))
    }

    /// Numbers with separators: 26/12/2021, 2021-12-26, 12.04.2024, 4/22 (after "on", "في").
    pub(super) fn numeric(&self, i: usize) -> Option<Candidate> {
        let (a, an) = self.num(i)?;
        // Not inside a longer number, a version or a phone number.
        if i > 0
            && self.glued(i)
            && (self.toks[i - 1].kind != Kind::Punct
                || self.punct(i - 1, &[".", "-", "/", ":", ",", "+"]))
        {
            return None;
        }
        let sep = self
            .toks
            .get(i + 1)
            .filter(|tok| {
                tok.kind == Kind::Punct && ["/", "-", "."].contains(&tok.text) && !tok.space_before
            })?
            .text;
        let (b, bn) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        let digits = Digits { a, an, b, bn, sep };
        let three = self.punct(i + 3, &[sep]) && self.glued(i + 3) && self.glued(i + 4);
        let (pt, e) = if three {
            self.numeric_with_year(i, &digits)?
        } else {
            if an > 2 || self.punct(i + 3, &["/", "-", ".", "%", ":"]) && self.glued(i + 3) {
                return None;
            }
            // "2/2013": a month and year.
            if bn == 4 && sep == "/" && (1..=12).contains(&a) {
                let pt = Point {
                    year: Some(b as i32),
                    month: Some(MonthRef::Named(a)),
                    hijri: false,
                    day: None,
                };
                return Some(Candidate {
                    start: self.start(i),
                    end: i + 3,
                    spec: self.date_spec(pt, None, None, Dir::Auto)?,
                });
            }
            self.numeric_day_month(i, &digits)?
        };
        let (clock, e) = match self.trailing_clock(e) {
            Some((c, e2)) => (Some(c), e2),
            None => (None, e),
        };
        let dir = self.dir_of(None, i, e);
        Some(Candidate {
            start: self.start(i),
            end: e,
            spec: self.date_spec(pt, None, clock, dir)?,
        })
    }

    /// Three numbers from token `i`: 26/12/2021, 2021-12-26, 12.04.24: (point, end).
    fn numeric_with_year(&self, i: usize, digits: &Digits) -> Option<(Point, usize)> {
        let &Digits { a, an, b, bn, sep } = digits;
        let (c, cn) = self.num(i + 4)?;
        let e = i + 5;
        if self.punct(e, &[sep, ".", "-", "/"]) && self.glued(e) && self.num(e + 1).is_some() {
            return None;
        }
        let (y, m, d) = if an == 4 {
            (a as i32, b, c)
        } else if cn == 4 || cn == 2 {
            let y = if cn == 2 { two_digit_year(c) } else { c as i32 };
            let (d, m) = self.order(a, b)?;
            (y, m, d)
        } else {
            return None;
        };
        if !(1000..=2999).contains(&y) || an > 4 || bn > 2 {
            return None;
        }
        Some((
            Point {
                year: Some(y),
                month: Some(MonthRef::Named(m)),
                hijri: false,
                day: Some(d),
            },
            e,
        ))
    }

    /// Two numbers from token `i`, a day and a month: 26/12, 4.22 after "on", and a year after
    /// a comma ("11/12, 2016"): (point, end).
    fn numeric_day_month(&self, i: usize, digits: &Digits) -> Option<(Point, usize)> {
        let &Digits { a, b, bn, sep, .. } = digits;
        if bn > 2 {
            return None;
        }
        let after_on = i > 0 && self.prep(i - 1, Prep::DayOn).is_some()
            || i > 1 && self.prep(i - 2, Prep::DayOn) == Some(i - 1);
        if sep != "/" && !after_on {
            return None;
        }
        // "rose 4 5/8 to 112 5/8": a fraction in eighths or halves, not a day, unless "on" or
        // "في" says it is one.
        let fraction = a < b && [2, 4, 8, 16, 32, 64].contains(&b);
        if fraction && !after_on {
            return None;
        }
        let (d, m) = self.order(a, b)?;
        // "11/12, 2016"
        let y_at = self.opt_punct(i + 3, &[","]);
        let year = if y_at > i + 3 {
            self.year(y_at, true)
        } else {
            None
        };
        Some((
            Point {
                year: year.map(|y| y.0),
                month: Some(MonthRef::Named(m)),
                hijri: false,
                day: Some(d),
            },
            year.map_or(i + 3, |y| y.2),
        ))
    }

    /// (day, month) of two numbers: the one above 12 is the day; otherwise the page's order.
    fn order(&self, a: u32, b: u32) -> Option<(u32, u32)> {
        let (d, m) = if a > 12 {
            (a, b)
        } else if b > 12 || !self.dm_first {
            (b, a)
        } else {
            (a, b)
        };
        ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m))
    }
}

/// Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999.
pub(super) fn two_digit_year(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}
