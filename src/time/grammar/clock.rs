//! Clock times for the date grammar: "06:05 GMT", "03:50 م", "17:28 +02:00", "3 pm",
//! "الساعة 5 مساء", "15h30", "3:15p", "330 p.m.", "3 o'clock", "3:15 in the afternoon", "noon",
//! "a quarter past 3 pm", "20 minutes to noon", "الساعة 3 و20 دقيقة", "الساعة 12 إلا ربعا".
//!
//! A number is a time only with something that makes it one: a colon, an "h" between hour and
//! minutes, "الساعة" before it, an am/pm word, "o'clock", or a part of the day after it when a
//! time preposition stands before it ("at 8 in the evening"); "5 م" alone may be metres, "3p"
//! pence, "3 in the morning session" a count. All look-ahead is bounded.

use super::{Candidate, Kind, Parser, Pos, Prep, Spec, Tok, Word};
use crate::lang::ar;
use crate::time::lexicon::Half;
use crate::time::spec::Clock;

/// How the digits of a clock time are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "06:05", "17:28:10".
    Colon,
    /// "15h30": hour, "h", minutes (24-hour clock).
    H,
    /// "15h" alone.
    HBare,
    /// "330", "1030": hour and minutes run together.
    Compact,
    /// "3".
    Bare,
}

/// What says morning or afternoon after a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A word: "pm", "p.m.", "مساء", "م".
    Word { half: Half, worded: bool },
    /// A part of the day: "in the afternoon".
    Part { half: Half },
}

impl Parser<'_> {
    /// A clock time at token `i`: (clock, end).
    pub(super) fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        self.minutes_to(i).or_else(|| self.plain_clock(i))
    }

    /// A clock time that is not counted from another one.
    fn plain_clock(&self, i: usize) -> Option<(Clock, usize)> {
        if let Some((h, e, _)) = self.word(i, |w| match w {
            Word::NamedTime(h) => Some(h),
            _ => None,
        }) {
            return Some(self.zoned(h, 0, e));
        }
        let hour_word = self.word(i, |w| (w == Word::HourWord).then_some(()));
        let j = hour_word.as_ref().map_or(i, |word| word.1);
        let (mut h, minute, form, mut e) = self.clock_digits(j)?;
        let mut total = h * 60 + minute;
        if hour_word.is_some() || matches!(form, Form::Colon | Form::Bare) {
            if let Some((delta, e2)) = self.minutes_after(e) {
                total = (i64::from(total) + delta).rem_euclid(24 * 60) as u32;
                h = total / 60;
                e = e2;
            }
        }
        let oclock = self.oclock(e);
        if let Some(e2) = oclock {
            e = e2;
        }
        let mark = self.mark(e, form);
        let prep = self.time_prep_before(j);
        let ok = match form {
            Form::Colon => true,
            // "2h30" after "in" or "for" is a length of time; "09h30", "at 9h30" are times.
            Form::H => prep || self.toks[j].text.len() == 2 && !self.length_before(j),
            Form::HBare => prep,
            Form::Compact => match mark {
                Some((Mark::Word { worded, .. }, _)) => worded,
                Some((Mark::Part { .. }, _)) => prep,
                None => false,
            },
            Form::Bare => {
                hour_word.is_some()
                    || oclock.is_some()
                    || match mark {
                        Some((Mark::Word { worded, .. }, _)) => worded,
                        Some((Mark::Part { .. }, _)) => prep,
                        None => false,
                    }
            }
        };
        if !ok {
            return None;
        }
        if let Some((m, e2)) = mark {
            let half = match m {
                Mark::Word { half, .. } => {
                    if h > 12 && !matches!(form, Form::Colon | Form::H) {
                        return None;
                    }
                    half
                }
                Mark::Part { half } => half,
            };
            match half {
                Half::Pm if h < 12 => total += 12 * 60,
                Half::Am if h == 12 => total -= 12 * 60,
                _ => {}
            }
            e = e2;
        }
        if total >= 24 * 60 {
            return None;
        }
        Some(self.zoned(total / 60, total % 60, e))
    }

    fn zoned(&self, hour: u32, minute: u32, e: usize) -> (Clock, usize) {
        let (offset, e) = self.zone(e);
        (
            Clock {
                hour,
                minute,
                offset,
            },
            e,
        )
    }

    /// The digits of a time: (hour, minute, form, end).
    fn clock_digits(&self, j: usize) -> Option<(u32, u32, Form, usize)> {
        let (v, n) = self.num(j)?;
        if (3..=4).contains(&n) {
            let (h, m) = (v / 100, v % 100);
            // Not inside a longer figure ("1,330 pm" is no time).
            if m >= 60 || h > 23 || j > 0 && self.glued(j) && self.toks[j - 1].kind != Kind::Word {
                return None;
            }
            return Some((h, m, Form::Compact, j + 1));
        }
        if n > 2 || v > 24 {
            return None;
        }
        let two = |k: usize| {
            self.num(k)
                .filter(|&(m, n)| n == 2 && m < 60 && self.glued(k))
        };
        if self.punct(j + 1, &[":"]) && two(j + 2).is_some() {
            let minute = two(j + 2)?.0;
            let mut e = j + 3;
            if self.punct(e, &[":"]) && self.num(e + 1).is_some_and(|(_, n)| n == 2) {
                e += 2;
            }
            return Some((v, minute, Form::Colon, e));
        }
        // "15h30", "15h".
        if self.toks.get(j + 1).is_some_and(|tok| tok.text == "h") && self.glued(j + 1) && v < 24 {
            if let Some((m, _)) = two(j + 2) {
                return Some((v, m, Form::H, j + 3));
            }
            if !self.glued(j + 2) || self.toks[j + 2].kind == Kind::Punct {
                return Some((v, 0, Form::HBare, j + 2));
            }
            return None;
        }
        Some((v, 0, Form::Bare, j + 1))
    }

    /// A preposition of time just before token `j`: "at 8 in the evening", "at 15h".
    fn time_prep_before(&self, j: usize) -> bool {
        j > 0
            && self.hits[j - 1].iter().any(|hit| {
                hit.end == j && matches!(hit.word, Word::Prep(Prep::Clock) | Word::ClockRel(_))
            })
    }

    /// A word before token `j` that opens a length or a distance: "in", "for", "within".
    fn length_before(&self, j: usize) -> bool {
        j > 0
            && self.hits[j - 1].iter().any(|hit| {
                hit.end == j && matches!(hit.word, Word::Prep(Prep::Span) | Word::Ago(_, Pos::Pre))
            })
    }

    /// "o'clock", "oclock": the end after it.
    fn oclock(&self, e: usize) -> Option<usize> {
        let tok = self.toks.get(e)?;
        if tok.text == "oclock" {
            return Some(e + 1);
        }
        let quoted = tok.text == "o"
            && self.punct(e + 1, &["'", "’"])
            && self
                .toks
                .get(e + 2)
                .is_some_and(|c| c.text == "clock" && self.glued(e + 2));
        quoted.then_some(e + 3)
    }

    /// What says morning or afternoon at token `e`: (mark, end).
    fn mark(&self, e: usize, form: Form) -> Option<(Mark, usize)> {
        if let Some((half, e2, _)) = self.word(e, |w| match w {
            Word::Clock(half) => Some(half),
            _ => None,
        }) {
            let worded = self.toks[e].text.chars().count() >= 2 || self.punct(e + 1, &["."]);
            return Some((Mark::Word { half, worded }, e2));
        }
        // "a" or "p": the letter of a mark written with stops or spaces.
        let half_of = |letter: &Tok| {
            if letter.text == "p" {
                Half::Pm
            } else {
                Half::Am
            }
        };
        let letter = |k: usize| {
            self.toks
                .get(k)
                .filter(|tok| tok.kind == Kind::Word && (tok.text == "a" || tok.text == "p"))
        };
        // "a.m." / "p.m." come as letter, stop, letter.
        if let (Some(a), true, Some(m)) =
            (letter(e), self.punct(e + 1, &["."]), self.toks.get(e + 2))
        {
            if m.text == "m" {
                let end = if self.punct(e + 3, &["."]) {
                    e + 4
                } else {
                    e + 3
                };
                let half = half_of(a);
                return Some((Mark::Word { half, worded: true }, end));
            }
        }
        if form == Form::Colon {
            if let Some(a) = letter(e) {
                let half = half_of(a);
                // "3:15p" (the letter glued on), "3:30 p m".
                if self.glued(e) {
                    return Some((Mark::Word { half, worded: true }, e + 1));
                }
                if self.toks.get(e + 1).is_some_and(|tok| tok.text == "m") {
                    let end = if self.punct(e + 2, &["."]) {
                        e + 3
                    } else {
                        e + 2
                    };
                    return Some((Mark::Word { half, worded: true }, end));
                }
            }
        }
        // "in the afternoon" ("in the morning session" still says when).
        let (half, e2, _) = self.word(e, |w| match w {
            Word::ClockPart(half) => Some(half),
            _ => None,
        })?;
        Some((Mark::Part { half }, e2))
    }

    /// Minutes after an Arabic hour: "و20 دقيقة", "و 18 دقيقة", "والنصف", "إلا ربعا", "إلا 10":
    /// (signed minutes, end).
    fn minutes_after(&self, e: usize) -> Option<(i64, usize)> {
        let tok = self.toks.get(e)?;
        if tok.text.is_ascii() {
            return None;
        }
        // و written onto the fraction: "والنصف", "وربع".
        if let Some((m, e2, s)) = self.word(e, |w| match w {
            Word::Minutes(m) => Some(m),
            _ => None,
        }) {
            if s > tok.range.start && tok.text.starts_with(ar::WA) {
                return Some((i64::from(m), e2));
            }
        }
        let (sign, bare_ok, k) = if tok.text == ar::WA {
            (1, false, e + 1)
        } else {
            let (r, k, _) = self.word(e, |w| match w {
                Word::ClockRel(r) if r < 0 => Some(r),
                _ => None,
            })?;
            (-1, r.abs() == 2, k)
        };
        let (m, named, k2) = self.minutes_count(k)?;
        let unit = self.word(k2, |w| (w == Word::MinuteUnit).then_some(()));
        if !(named || unit.is_some() || bare_ok) {
            return None;
        }
        Some((sign * i64::from(m), unit.map_or(k2, |u| u.1)))
    }

    /// A number of minutes: "quarter", "half", "ربع", "20", "twenty": (minutes, named, end).
    fn minutes_count(&self, k: usize) -> Option<(u32, bool, usize)> {
        if let Some((m, e, _)) = self.word(k, |w| match w {
            Word::Minutes(m) => Some(m),
            _ => None,
        }) {
            return Some((m, true, e));
        }
        if let Some((v, n)) = self.num(k) {
            return (n <= 2 && (1..60).contains(&v)).then_some((v, false, k + 1));
        }
        let (v, kind, e) = self.num_words(k)?;
        (kind == crate::time::lexicon::NumKind::Cardinal && (1..60).contains(&v))
            .then_some((v, false, e))
    }

    /// Minutes counted from an hour, before it: "a quarter past 3 pm", "half past 3", "20
    /// minutes to noon", "15 past noon". A bare count needs "past" ("10 to 3 pm" may be a range)
    /// and a marked hour; with "quarter", "half" or "minutes" the hour may be a bare number.
    fn minutes_to(&self, i: usize) -> Option<(Clock, usize)> {
        let j = if self.toks.get(i).is_some_and(|tok| tok.text == "a") {
            i + 1
        } else {
            i
        };
        let (m, named, e) = self.minutes_count(j)?;
        if j > i && !named {
            return None;
        }
        let unit = self.word(e, |w| (w == Word::MinuteUnit).then_some(()));
        let e = unit.as_ref().map_or(e, |u| u.1);
        let (rel, k, _) = self.word(e, |w| match w {
            Word::ClockRel(r) => Some(r),
            _ => None,
        })?;
        let counted = named || unit.is_some();
        if !counted && rel != 2 {
            return None;
        }
        let (target, end) = match self.plain_clock(k) {
            Some(c) => c,
            None if counted => {
                let (h, n) = self.num(k)?;
                if n > 2 || !(1..=12).contains(&h) || self.punct(k + 1, &[":", ".", "/", "-"]) {
                    return None;
                }
                self.zoned(h, 0, k + 1)
            }
            None => return None,
        };
        let at = i64::from(target.hour * 60 + target.minute) + rel.signum() * i64::from(m);
        let at = at.rem_euclid(24 * 60) as u32;
        Some((
            Clock {
                hour: at / 60,
                minute: at % 60,
                offset: target.offset,
            },
            end,
        ))
    }

    /// A zone after a time: a name ("GMT", "بتوقيت غرينتش", "EET") or an offset ("+02:00").
    pub(super) fn zone(&self, e: usize) -> (Option<String>, usize) {
        if let Some((z, e2, _)) = self.word(e, |w| match w {
            Word::Zone(z) => Some(z),
            _ => None,
        }) {
            return (z.map(str::to_string), e2);
        }
        if self.punct(e, &["+", "-"]) {
            let sign = &self.toks[e].text;
            if let Some((v, 4)) = self.num(e + 1) {
                let (_, e2) = self.zone(e + 2);
                return (Some(format!("{sign}{:02}:{:02}", v / 100, v % 100)), e2);
            }
            if let (Some((hh, 2)), true, Some((mm, 2))) =
                (self.num(e + 1), self.punct(e + 2, &[":"]), self.num(e + 3))
            {
                let (_, e2) = self.zone(e + 4);
                return (Some(format!("{sign}{hh:02}:{mm:02}")), e2);
            }
        }
        (None, e)
    }

    /// A clock time after a date: "- 06:05 GMT", ", at 9:15 pm", "الساعة 5 مساء".
    pub(super) fn trailing_clock(&self, e: usize) -> Option<(Clock, usize)> {
        let j = self.opt_punct(e, &[",", "،", "-", "|", "–"]);
        let j = if self.toks.get(j).is_some_and(|tok| tok.text == "at") {
            j + 1
        } else {
            j
        };
        let j = self.opt_prep(j, Prep::DayOn);
        self.clock(j)
    }

    /// A clock time alone: "06:05 GMT", "الساعة 5 مساء", "at 3 pm", "a quarter past noon".
    pub(super) fn clock_alone(&self, i: usize) -> Option<Candidate> {
        let (c, e) = self.clock(i)?;
        if i > 0
            && (self.glued(i) && self.toks[i - 1].kind != Kind::Punct
                || self.punct(i - 1, &[":", ".", ",", "+"]))
        {
            return None;
        }
        Some(Candidate {
            start: self.start(i),
            end: e,
            spec: Spec::Time(c),
        })
    }
}
