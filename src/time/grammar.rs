//! The date grammar: at each token, every pattern that can start there is tried and the longest
//! match wins; the scan then resumes after it. Patterns look ahead a bounded number of tokens,
//! so recognition is linear in the length of the text.
//!
//! Patterns, in the terms of `spec::Spec`:
//! - calendar dates in any order and separator, with a weekday before, a clock time and zone
//!   after, a shift word after (١٦ فبراير/شباط الماضي) and Hijri months (15 رمضان 1444 هـ);
//! - numeric dates (26/12/2021, 2021-12-26, 4/22 after "on"/"في");
//! - weekdays, alone or shifted (الأحد الماضي, next Sunday, الجمعة من الأسبوع المقبل), with a day
//!   of the month (الخميس 21), and the n-th weekday of a month;
//! - days counted from publication (اليوم, أمس, the day after tomorrow), with a part of the day
//!   (صباح اليوم), a hedge (في وقت سابق اليوم) and the weekday printed beside them (اليوم الأحد);
//! - units shifted (العام المقبل, last week, هذا العام، في مايو), distances (منذ ثلاثة أيام,
//!   two days ago), lengths of time (يومين, the past four years);
//! - years (عام 2024, by 2024), decades, ranges (from 20 to 31 May, بين 5 و7 مارس), clock times.

mod clock;

use std::ops::Range;

use super::lexicon::{Calendar, Count, NumKind, Pos, Prep, Unit, Word};
use super::spec::{Clock, Dir, MonthRef, Spec};
use super::tokens::{hits, tokenize, Hits, Kind, Tok};

/// A recognised expression: folded byte range and meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub spec: Spec,
}

/// A match of a pattern: where its span starts (folded byte), the token after it, its meaning.
struct Cand {
    start: usize,
    end: usize,
    spec: Spec,
}

/// A calendar point as the text gives it, before it becomes a [`Spec`].
#[derive(Debug, Clone, Copy, Default)]
struct Pt {
    year: Option<i32>,
    month: Option<MonthRef>,
    hijri: bool,
    day: Option<u32>,
}

/// Every expression in the given folded ranges, in text order, not overlapping.
pub fn find(folded: &str, ranges: &[Range<usize>]) -> Vec<Found> {
    let dm_first = day_month_first(folded, ranges);
    let mut out: Vec<Found> = Vec::new();
    for r in ranges {
        let Some(r) = clamp(folded, r) else { continue };
        let toks = tokenize(folded, r);
        let hs = hits(&toks);
        let p = P {
            t: &toks,
            h: &hs,
            dm_first,
        };
        let mut i = 0;
        while i < toks.len() {
            if !p.may_start(i) {
                i += 1;
                continue;
            }
            match p.best(i) {
                Some(c) if c.end > i => {
                    out.push(Found {
                        range: c.start..toks[c.end - 1].range.end,
                        spec: c.spec,
                    });
                    i = c.end;
                }
                _ => i += 1,
            }
        }
    }
    out.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        if kept.last().is_none_or(|k| f.range.start >= k.range.end) {
            kept.push(f);
        }
    }
    kept
}

/// A range inside the text on character boundaries, or None.
fn clamp(folded: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let end = r.end.min(folded.len());
    (r.start < end && folded.is_char_boundary(r.start) && folded.is_char_boundary(end))
        .then_some(r.start..end)
}

/// Arabic pages write numeric dates day first; English ones (as the US does) month first when
/// both readings are possible.
fn day_month_first(folded: &str, ranges: &[Range<usize>]) -> bool {
    let (mut ar, mut latin) = (0usize, 0usize);
    for r in ranges {
        let Some(r) = clamp(folded, r) else { continue };
        for c in folded[r].chars() {
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                ar += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    ar >= latin
}

struct P<'a> {
    t: &'a [Tok<'a>],
    h: &'a Hits,
    dm_first: bool,
}

impl P<'_> {
    // ------------------------------------------------------------------ primitives

    /// Whether any pattern can start at token `i`: a number, a word of the time lexicon, an
    /// article-less weekday ("احد الأسبوع الماضي") or the "a" of "a quarter past". Most words
    /// are none of these, and skipping them spares trying every pattern there.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.kind {
            Kind::Num => self.number_may_start(i),
            Kind::Punct => false,
            Kind::Word => {
                if self.h[i].is_empty() {
                    return self.date_word(i);
                }
                // "in", "of", "the", "من", "في": a linking word starts a pattern only when a
                // word or number that names a time follows within reach
                !self.h[i].iter().all(|h| matches!(h.word, Word::Prep(_)))
                    || self.date_word(i)
                    || (i + 1..(i + 1 + REACH).min(self.t.len())).any(|k| self.names_time(k))
            }
        }
    }

    /// "a" (of "a quarter past") or an article-less weekday ("احد الأسبوع الماضي").
    fn date_word(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.text == "a"
            // the bare weekdays are Arabic: no ASCII word needs the lookup
            || (!t.text.is_ascii() && super::lexicon::lexicon().bare_weekday(t.text).is_some())
    }

    /// Token `k` can carry the time of a match: a number, a time word other than a linking one,
    /// or one of the words `date_word` lets start.
    fn names_time(&self, k: usize) -> bool {
        match self.t[k].kind {
            Kind::Num => true,
            Kind::Punct => false,
            Kind::Word => {
                self.h[k].iter().any(|h| !matches!(h.word, Word::Prep(_))) || self.date_word(k)
            }
        }
    }

    /// Whether a pattern can start at number `i`. A year may stand alone, but every other
    /// pattern that starts with a number reads the token after it: a separator of dates, ranges
    /// or clock times, a word of the time lexicon (a month, a unit, "to", "pm"), a day's suffix,
    /// the "h" of "15h30", the letters of "p.m." and "o'clock", the و of Arabic minutes, or a
    /// weekday in the plural. Most numbers of a news text (prices, counts, figures) are followed
    /// by none of these, and skipping them spares trying every pattern there.
    fn number_may_start(&self, i: usize) -> bool {
        if self.t[i].text.len() == 4 {
            return true;
        }
        let Some(next) = self.t.get(i + 1) else {
            return false;
        };
        match next.kind {
            Kind::Num => false,
            Kind::Punct => ["/", "-", ".", ":", "–"].contains(&next.text),
            Kind::Word => {
                !self.h[i + 1].is_empty()
                    || AFTER_NUMBER.contains(&next.text)
                    || self.weekday_plural(i + 1).is_some()
            }
        }
    }

    /// The first (longest) reading at token `i` that `f` accepts: (value, end token, start byte).
    fn word<T>(&self, i: usize, f: impl Fn(Word) -> Option<T>) -> Option<(T, usize, usize)> {
        self.h
            .get(i)?
            .iter()
            .find_map(|h| f(h.word).map(|v| (v, h.end, h.start)))
    }

    fn prep(&self, i: usize, p: Prep) -> Option<usize> {
        self.word(i, |w| (w == Word::Prep(p)).then_some(()))
            .map(|x| x.1)
    }

    /// Skip an optional linking word of kind `p`.
    fn opt_prep(&self, i: usize, p: Prep) -> usize {
        self.prep(i, p).unwrap_or(i)
    }

    fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && set.contains(&t.text))
    }

    fn opt_punct(&self, i: usize, set: &[&str]) -> usize {
        if self.punct(i, set) {
            i + 1
        } else {
            i
        }
    }

    /// Token `i` follows the one before it without a space.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    /// A number written in digits: (value, number of digits).
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Num)?;
        if t.text.len() > 6 {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    fn start(&self, i: usize) -> usize {
        self.t[i].range.start
    }

    /// Where a span starting at token `i` begins: after a proclitic (و, ف, ب) written onto it.
    fn lead(&self, i: usize) -> usize {
        self.h[i]
            .iter()
            .map(|h| h.start)
            .max()
            .unwrap_or_else(|| self.start(i))
    }

    /// A number in words: "twenty-first", "الحادي والعشرين", "السادس عشر", "three".
    fn num_words(&self, i: usize) -> Option<(u32, NumKind, usize)> {
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
                if s > self.start(e) || self.t[e].text == "و" {
                    return Some((v + t, k2, e2));
                }
            }
            if self.t.get(e).is_some_and(|t| t.text == "و") {
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
                if self.t[j].kind == Kind::Word && self.t[j].text.is_ascii() {
                    return Some((v + u, k2, e2));
                }
            }
        }
        Some((v, kind, e))
    }

    /// A day of the month: "26", "21st", "the 27th", "twenty second", "الحادي والعشرين".
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let i = self.opt_prep(i, Prep::The);
        if let Some((v, n)) = self.num(i) {
            if n > 2
                || !(1..=31).contains(&v)
                || (self.glued(i) && self.punct(i.wrapping_sub(1), &[".", ","]))
            {
                return None;
            }
            let e = i + 1;
            let suffix = self.t.get(e).is_some_and(|t| {
                t.kind == Kind::Word && ["st", "nd", "rd", "th"].contains(&t.text)
            });
            return Some((v, if suffix && self.glued(e) { e + 1 } else { e }));
        }
        let (v, kind, e) = self.num_words(i)?;
        let few = kind == NumKind::Few || self.t[i].text == "a" || self.t[i].text == "an";
        // Arabic writes days in words as ordinals (الحادي والعشرين); a lone "أحد", "واحد",
        // "أربعة" is a count ("في أحد", "أب لأربعة"), "خمسة عشر" may still be a day.
        let count = kind == NumKind::Cardinal && v <= 10 && !self.t[i].text.is_ascii();
        ((1..=31).contains(&v) && !few && !count).then_some((v, e))
    }

    /// A month name: "May", "شهر شباط", "فبراير/شباط", "فبراير (شباط)".
    /// Returns (calendar, month, needs context, end, start).
    fn month(&self, i: usize) -> Option<(Calendar, u32, bool, usize, usize)> {
        let prefixed = self.word(i, |w| {
            (w == Word::Unit(Unit::Month, Count::One)).then_some(())
        });
        let j = prefixed.as_ref().map_or(i, |p| p.1);
        let ((cal, m, ctx), mut e, s) = self.word(j, |w| match w {
            Word::Month(c, m, x) => Some((c, m, x)),
            _ => None,
        })?;
        let mut ctx = ctx && prefixed.is_none();
        // The paired names news agencies print: فبراير/شباط, فبراير (شباط).
        let (open, close) = (
            self.punct(e, &["/", "("]),
            self.t.get(e).map(|t| t.text == "(").unwrap_or(false),
        );
        if open {
            if let Some((_, e2, _)) = self.word(e + 1, |w| {
                matches!(w, Word::Month(Calendar::Gregorian, _, _)).then_some(())
            }) {
                if !close || self.punct(e2, &[")"]) {
                    e = if close { e2 + 1 } else { e2 };
                    ctx = false;
                }
            }
        }
        // "Oct. 2": the abbreviation's full stop when a number follows.
        if self.t[j].text.len() <= 4
            && self.punct(e, &["."])
            && self.glued(e)
            && self.num(e + 1).is_some()
        {
            e += 1;
        }
        Some((
            cal,
            m,
            ctx,
            e,
            if prefixed.is_some() { self.start(i) } else { s },
        ))
    }

    /// A year: "2024", "عام 2024", "من عام 2016", "2021م"; (year, Hijri-marked, end).
    fn year(&self, i: usize, loose: bool) -> Option<(i32, bool, usize)> {
        let i = self.opt_prep(i, Prep::Of);
        let worded = self.word(i, |w| (w == Word::YearWord).then_some(()));
        let j = worded.as_ref().map_or(i, |w| w.1);
        let (y, n) = self.num(j)?;
        let ok = (n == 4 && (worded.is_some() || (1000..=2999).contains(&y))) || (loose && n == 2);
        if !ok {
            return None;
        }
        let y = if n == 2 { two_digit_year(y) } else { y as i32 };
        let mut e = j + 1;
        let mut hijri = false;
        if let Some(t) = self.t.get(e).filter(|t| t.kind == Kind::Word) {
            if t.text == "ه" {
                hijri = true;
                e += 1;
            } else if t.text == "م" && self.glued(e) {
                e += 1;
            }
        }
        Some((y, hijri, e))
    }

    /// A shift word at `i` written in position `pos`: -1 (الماضي, last), 0 (this), 1 (المقبل, next).
    fn shift(&self, i: usize, pos: Pos) -> Option<(i64, usize)> {
        self.word(i, |w| match w {
            Word::Shift(k, p) if p == pos => Some(k),
            _ => None,
        })
        .map(|(k, e, _)| (k, e))
    }

    /// A weekday, optionally after "يوم"; `loose` admits names that need a date beside them.
    /// Returns (weekday, end, start of the name).
    fn weekday(&self, i: usize, loose: bool) -> Option<(u32, usize, usize)> {
        let yawm = self.word(i, |w| {
            (w == Word::Unit(Unit::Day, Count::One)).then_some(())
        });
        let j = yawm.as_ref().map_or(i, |y| y.1);
        if let Some((w, e, s)) = self.word(j, |w| match w {
            Word::Weekday(d, ctx) if loose || !ctx => Some(d),
            _ => None,
        }) {
            // "الأحد عشر" is eleven: a ten after the name makes it a number.
            let teen = self.word(e, |w| {
                matches!(w, Word::Num(_, NumKind::Teen)).then_some(())
            });
            return teen.is_none().then_some((w, e, s));
        }
        // "يوم جمعة": the name without its article after يوم.
        if yawm.is_some() {
            return self.bare_weekday(j);
        }
        None
    }

    /// "this week", "الأسبوع المقبل", "next week": the week's shift from the anchor's.
    fn week_ref(&self, i: usize) -> Option<(i64, usize)> {
        if let Some((k, e)) = self.shift(i, Pos::Pre) {
            if let Some((_, e2, _)) = self.word(e, |w| {
                (w == Word::Unit(Unit::Week, Count::One)).then_some(())
            }) {
                return Some((k, e2));
            }
        }
        let (_, e, _) = self.word(i, |w| {
            (w == Word::Unit(Unit::Week, Count::One)).then_some(())
        })?;
        self.shift(e, Pos::Post)
    }

    /// "هذا الشهر", "next month", "الشهر المقبل": the month's shift from the anchor's.
    fn month_ref(&self, i: usize) -> Option<(i64, usize)> {
        // "of the month": this month.
        if let Some(e) = self.prep(i, Prep::The) {
            if let Some((_, e2, _)) = self.word(e, |w| {
                (w == Word::Unit(Unit::Month, Count::One)).then_some(())
            }) {
                if self.shift(e2, Pos::Post).is_none() {
                    return Some((0, e2));
                }
            }
        }
        if let Some((k, e)) = self.shift(i, Pos::Pre) {
            if let Some((_, e2, _)) = self.word(e, |w| {
                (w == Word::Unit(Unit::Month, Count::One)).then_some(())
            }) {
                return Some((k, e2));
            }
        }
        let (_, e, _) = self.word(i, |w| {
            (w == Word::Unit(Unit::Month, Count::One)).then_some(())
        })?;
        self.shift(e, Pos::Post)
    }

    // ------------------------------------------------------------------ tense

    /// A future marker near tokens `i..e`: "will", "سوف", "المقرر", or a verb with the future
    /// prefix سـ (سيعقد, سأعود), in the same sentence.
    fn future(&self, i: usize, e: usize) -> bool {
        let mut lo = i;
        while lo > 0 && i - lo < 10 && !self.punct(lo - 1, &[".", "!", "?", "؟", ";", "؛"]) {
            lo -= 1;
        }
        let mut hi = e;
        while hi < self.t.len() && hi - e < 4 && !self.punct(hi, &[".", "!", "?", "؟", ";", "؛"])
        {
            hi += 1;
        }
        (lo..hi)
            .filter(|k| *k < i || *k >= e)
            .any(|k| self.future_word(k))
    }

    fn future_word(&self, k: usize) -> bool {
        let h = &self.h[k];
        if h.iter().any(|x| {
            x.word == Word::Future
                || x.word == Word::Shift(1, Pos::Post)
                || x.word == Word::Shift(1, Pos::Pre)
        }) {
            return true;
        }
        if !h.is_empty() {
            return false;
        }
        let t = &self.t[k];
        let w = t
            .text
            .strip_prefix('و')
            .or_else(|| t.text.strip_prefix('ف'))
            .unwrap_or(t.text);
        let mut c = w.chars();
        c.next() == Some('س') && matches!(c.next(), Some('ي' | 'ت' | 'ن' | 'ا')) && c.count() >= 3
    }

    fn dir_of(&self, shift: Option<i64>, i: usize, e: usize) -> Dir {
        match shift {
            Some(k) if k < 0 => Dir::Past,
            Some(k) if k > 0 => Dir::Next,
            _ if self.future(i, e) => Dir::Future,
            _ => Dir::Auto,
        }
    }

    // ------------------------------------------------------------------ patterns

    /// The longest match of any pattern at token `i`.
    fn best(&self, i: usize) -> Option<Cand> {
        // On a tie the earlier pattern wins. The patterns left out for a number start with a
        // word, and `numeric` starts with a number.
        let tries: &[fn(&Self, usize) -> Option<Cand>] = if self.t[i].kind == Kind::Num {
            &[
                Self::weekday_count,
                Self::range,
                Self::absolute,
                Self::numeric,
                Self::ago,
                Self::year_expr,
                Self::clock_alone,
            ]
        } else {
            &[
                Self::nth_weekday,
                Self::weekday_count,
                Self::range,
                Self::absolute,
                Self::rel_day,
                Self::weekday_expr,
                Self::unit_rel,
                Self::ago,
                Self::year_expr,
                Self::month_alone,
                Self::decade,
                Self::clock_alone,
            ]
        };
        let mut best: Option<Cand> = None;
        for c in tries.iter().filter_map(|f| f(self, i)) {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }

    /// The calendar core of a date: day-month(-year), month-day(-year), month-year,
    /// year-month-day with a month name. Returns (point, end, month needed context).
    fn core(&self, i: usize) -> Option<(Pt, usize)> {
        let mut best: Option<(Pt, usize)> = None;
        let mut take = |c: Option<(Pt, usize)>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.1 > b.1) {
                    best = Some(c);
                }
            }
        };
        take(self.day_first(i));
        take(self.month_first(i));
        take(self.year_first(i));
        best
    }

    fn point(cal: Calendar, m: u32, day: Option<u32>, year: Option<(i32, bool, usize)>) -> Pt {
        Pt {
            year: year.map(|y| y.0),
            month: Some(MonthRef::Named(m)),
            hijri: cal == Calendar::Hijri || year.is_some_and(|y| y.1),
            day,
        }
    }

    /// "26 Dec 2021", "٣ مارس ٢٠١٨", "9 نوفمبر/تشرين الثاني 2025", "the 5th of May", "20 من الشهر المقبل".
    fn day_first(&self, i: usize) -> Option<(Pt, usize)> {
        let (d, e) = self.day(i)?;
        let sep = if self.punct(e, &["-", ".", "/"]) {
            Some(self.t[e].text)
        } else {
            None
        };
        let j = if sep.is_some() { e + 1 } else { e };
        // A day in words needs "of" before its month ("الرابع من مايو"): "المرحلة الأولى الشهر
        // الجاري" is the first phase, this month.
        let in_words = self.t[self.opt_prep(i, Prep::The)].kind == Kind::Word;
        let j = match self.prep(j, Prep::Of) {
            Some(k) => k,
            None if in_words && !self.t[i].text.is_ascii() => return None,
            None => j,
        };
        if let Some((k, e2)) = self.month_ref(j) {
            return Some((
                Pt {
                    month: Some(MonthRef::Shifted(k)),
                    day: Some(d),
                    ..Pt::default()
                },
                e2,
            ));
        }
        let (cal, m, _, e2, _) = self.month(j)?;
        let y_at = self.opt_punct(e2, &[",", "،", ".", "-", "/"]);
        let year = self.year(y_at, sep.is_some() && self.glued(y_at));
        let end = year.map_or(e2, |y| y.2);
        Some((Self::point(cal, m, Some(d), year), end))
    }

    /// "December 26, 2021", "Oct-2", "يناير 1", "May twenty-first", "September the 21st 1978".
    fn month_first(&self, i: usize) -> Option<(Pt, usize)> {
        let (cal, m, _, e, _) = self.month(i)?;
        let j = self.opt_punct(e, &["-", "/", ".", ","]);
        if let Some((d, e2)) = self.day(j) {
            // Not the hour of a clock ("May 5:30") nor the start of a year ("May 2021").
            if !self.punct(e2, &[":"]) {
                let y_at = self.opt_punct(e2, &[",", "،"]);
                let year = self.year(y_at, false);
                return Some((Self::point(cal, m, Some(d), year), year.map_or(e2, |y| y.2)));
            }
        }
        let j = self.opt_punct(e, &[",", "،", "-"]);
        let year = self.year(j, false)?;
        Some((Self::point(cal, m, None, Some(year)), year.2))
    }

    /// "2019-sep-1", "2019/sep/01".
    fn year_first(&self, i: usize) -> Option<(Pt, usize)> {
        let (y, n) = self.num(i)?;
        if n != 4 || !self.punct(i + 1, &["-", "/"]) {
            return None;
        }
        let (cal, m, _, e, _) = self.month(i + 2)?;
        if !self.punct(e, &["-", "/"]) {
            return None;
        }
        let (d, e2) = self.day(e + 1)?;
        Some((Self::point(cal, m, Some(d), Some((y as i32, false, 0))), e2))
    }

    /// A Spec for a calendar point with its clock and direction.
    fn date_spec(
        &self,
        pt: Pt,
        weekday: Option<u32>,
        clock: Option<Clock>,
        dir: Dir,
    ) -> Option<Spec> {
        let Some(MonthRef::Named(m)) = pt.month else {
            return Some(Spec::Date {
                year: pt.year,
                month: pt.month,
                day: pt.day,
                weekday,
                clock,
                dir,
            });
        };
        if pt.hijri {
            return Some(Spec::Hijri {
                year: pt.year?,
                month: m,
                day: pt.day,
            });
        }
        Some(Spec::Date {
            year: pt.year,
            month: pt.month,
            day: pt.day,
            weekday,
            clock,
            dir,
        })
    }

    /// A weekday before a date: "Sun, ", "الثلاثاء ", "السبت , ", "الخميس الموافق ".
    fn weekday_prefix(&self, i: usize) -> Option<(u32, usize, usize)> {
        let (w, e, s) = self.weekday(i, true)?;
        let e = self.opt_punct(e, &[",", "،", "-", "|"]);
        Some((w, self.opt_prep(e, Prep::Filler), s))
    }

    /// A full or partial calendar date with what may stand around it.
    fn absolute(&self, i: usize) -> Option<Cand> {
        let prefix = self.weekday_prefix(i);
        let j = prefix.as_ref().map_or(i, |p| p.1);
        let (pt, e) = self.core(j)?;
        if pt.hijri && pt.year.is_none() {
            return None;
        }
        // "Jul 18, Fri": the weekday after the date, at the end of the phrase.
        let suffix = self
            .weekday_suffix(e)
            .filter(|_| prefix.is_none() && pt.day.is_some() && pt.year.is_none());
        let (weekday, e) = match (prefix, suffix) {
            (Some(p), _) => (Some(p.0), e),
            (None, Some((w, e2))) => (Some(w), e2),
            (None, None) => (None, e),
        };
        let (clock, e) = match self.trailing_clock(e) {
            Some((c, e2)) if pt.day.is_some() => (Some(c), e2),
            _ => (None, e),
        };
        // "after next" counts weekdays and units, not dates.
        let shift = self.shift(e, Pos::Post).filter(|s| s.0.abs() < 2);
        let e = shift.map_or(e, |s| s.1);
        let dir = self.dir_of(shift.map(|s| s.0), i, e);
        let start = prefix.map_or_else(|| self.core_start(j), |p| p.2);
        Some(Cand {
            start,
            end: e,
            spec: self.date_spec(pt, weekday, clock, dir)?,
        })
    }

    /// ", Fri" after a date, with nothing but punctuation after it: (weekday, end).
    fn weekday_suffix(&self, e: usize) -> Option<(u32, usize)> {
        if !self.punct(e, &[",", "،"]) {
            return None;
        }
        let (w, e2, _) = self.weekday(e + 1, true)?;
        self.t
            .get(e2)
            .is_none_or(|t| t.kind == Kind::Punct)
            .then_some((w, e2))
    }

    /// Where a core's span starts: after a stripped proclitic of its first word.
    fn core_start(&self, j: usize) -> usize {
        self.h[j].first().map_or(self.start(j), |h| h.start)
    }

    /// Numbers with separators: 26/12/2021, 2021-12-26, 12.04.2024, 4/22 (after "on", "في").
    fn numeric(&self, i: usize) -> Option<Cand> {
        let (a, an) = self.num(i)?;
        // Not inside a longer number, a version or a phone number.
        if i > 0
            && self.glued(i)
            && (self.t[i - 1].kind != Kind::Punct
                || self.punct(i - 1, &[".", "-", "/", ":", ",", "+"]))
        {
            return None;
        }
        let sep = self
            .t
            .get(i + 1)
            .filter(|t| {
                t.kind == Kind::Punct && ["/", "-", "."].contains(&t.text) && !t.space_before
            })?
            .text;
        let (b, bn) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        let three = self.punct(i + 3, &[sep]) && self.glued(i + 3) && self.glued(i + 4);
        let (pt, e) = if three {
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
            (
                Pt {
                    year: Some(y),
                    month: Some(MonthRef::Named(m)),
                    hijri: false,
                    day: Some(d),
                },
                e,
            )
        } else {
            if an > 2 || self.punct(i + 3, &["/", "-", ".", "%", ":"]) && self.glued(i + 3) {
                return None;
            }
            // "2/2013": a month and year.
            if bn == 4 && sep == "/" && (1..=12).contains(&a) {
                let pt = Pt {
                    year: Some(b as i32),
                    month: Some(MonthRef::Named(a)),
                    hijri: false,
                    day: None,
                };
                return Some(Cand {
                    start: self.start(i),
                    end: i + 3,
                    spec: self.date_spec(pt, None, None, Dir::Auto)?,
                });
            }
            if bn > 2 {
                return None;
            }
            let after_on = i > 0 && self.prep(i - 1, Prep::DayOn).is_some()
                || i > 1 && self.prep(i - 2, Prep::DayOn) == Some(i - 1);
            if sep != "/" && !after_on {
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
            (
                Pt {
                    year: year.map(|y| y.0),
                    month: Some(MonthRef::Named(m)),
                    hijri: false,
                    day: Some(d),
                },
                year.map_or(i + 3, |y| y.2),
            )
        };
        let (clock, e) = match self.trailing_clock(e) {
            Some((c, e2)) => (Some(c), e2),
            None => (None, e),
        };
        let dir = self.dir_of(None, i, e);
        Some(Cand {
            start: self.start(i),
            end: e,
            spec: self.date_spec(pt, None, clock, dir)?,
        })
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

    /// Days counted from publication: اليوم, أمس, صباح اليوم, في وقت سابق اليوم, اليوم الأحد,
    /// yesterday morning, today at 3 pm.
    fn rel_day(&self, i: usize) -> Option<Cand> {
        let part = self.word(i, |w| matches!(w, Word::Part(_)).then_some(()));
        // "tonight" is a part of the day and a day: read as the day when no day follows it.
        let day_at = |j: usize| {
            let hedge = self.word(j, |w| (w == Word::Hedge).then_some(()));
            let j = hedge.as_ref().map_or(j, |h| h.1);
            let (offset, e, s) = self.word(j, |w| match w {
                Word::Day(n) => Some(n),
                _ => None,
            })?;
            Some((offset, e, s, hedge.is_some()))
        };
        let (part, (offset, mut e, s, hedge)) = match part.and_then(|p| day_at(p.1)) {
            Some(d) => (part, d),
            None => (None, day_at(i)?),
        };
        // "اليوم الأول": the first day (of a visit), not today.
        if self
            .word(e, |w| {
                matches!(w, Word::Num(_, NumKind::Ordinal)).then_some(())
            })
            .is_some()
        {
            return None;
        }
        if let Some((_, e2, _)) = self.word(e, |w| matches!(w, Word::Part(_)).then_some(())) {
            e = e2;
        }
        // "this afternoon at 3:20", "مساء أمس الساعة 8": a time in it is p.m.
        let part_of = |pm: bool| (i..e).any(|k| self.h[k].iter().any(|h| h.word == Word::Part(pm)));
        let (pm, am) = (part_of(true), part_of(false));
        let start = if part.is_some() || hedge {
            self.lead(i)
        } else {
            s
        };
        // "اليوم 6 مايو": a date after it.
        let k = self.opt_punct(e, &[",", "،"]);
        if let Some(c) = self.absolute(k) {
            return Some(Cand {
                start,
                end: c.end,
                spec: c.spec,
            });
        }
        let mut weekday = None;
        if let Some((w, e2, _)) = self.weekday(k, false) {
            weekday = Some(w);
            e = e2;
        }
        let clock = self.trailing_clock(e);
        // "tonight at 8", "this morning at 9": the part of the day makes the hour a time.
        let clock = clock.or_else(|| self.hour_in_part(e).filter(|_| pm || am));
        let clock = clock.map(|(mut c, e2)| {
            e = e2;
            if pm && c.hour < 12 {
                c.hour += 12;
            }
            c
        });
        Some(Cand {
            start,
            end: e,
            spec: Spec::RelDay {
                offset,
                weekday,
                clock,
            },
        })
    }

    /// "at 8" after a part of the day: an hour from 1 to 12, nothing after it but punctuation.
    fn hour_in_part(&self, e: usize) -> Option<(Clock, usize)> {
        let j = self.opt_punct(e, &[","]);
        self.prep(j, Prep::Clock)?;
        let (h, n) = self.num(j + 1)?;
        let after = self.t.get(j + 2);
        let alone = after.is_none_or(|t| t.kind == Kind::Punct && t.text != ":" && t.text != ".")
            || self.punct(j + 2, &["."]) && self.num(j + 3).is_none();
        (n <= 2 && (1..=12).contains(&h) && alone).then(|| {
            (
                Clock {
                    hour: h,
                    minute: 0,
                    offset: None,
                },
                j + 2,
            )
        })
    }

    /// Weekdays: السبت, next Sunday, الأحد الماضي, الجمعة من الأسبوع المقبل, next week Friday,
    /// الخميس 21, Friday the 15th, الأحد الثاني (the second Sunday).
    fn weekday_expr(&self, i: usize) -> Option<Cand> {
        // Week first: "الأسبوع المقبل يوم الجمعة", "next week on Friday".
        if let Some((k, e)) = self.week_ref(i) {
            let j = self.opt_punct(e, &[",", "،"]);
            let j = self.opt_prep(j, Prep::DayOn);
            if let Some((w, e2, _)) = self.weekday(j, false) {
                return Some(Cand {
                    start: self.start(i),
                    end: e2,
                    spec: Spec::Weekday {
                        weekday: w,
                        dir: Dir::Auto,
                        week: Some(k),
                    },
                });
            }
        }
        let pre = self.shift(i, Pos::Pre);
        let j = pre.map_or(i, |p| p.1);
        // "احد الأسبوع الماضي": a weekday without its article before a week.
        if let Some((w, e, s)) = self.bare_weekday(j) {
            let k = self.opt_prep(e, Prep::Of);
            if let Some((wk, e2)) = self.week_ref(k) {
                return Some(Cand {
                    start: s,
                    end: e2,
                    spec: Spec::Weekday {
                        weekday: w,
                        dir: Dir::Auto,
                        week: Some(wk),
                    },
                });
            }
        }
        let (w, e, s) = self.weekday(j, false)?;
        let start = if pre.is_some() { self.start(i) } else { s };
        if let Some((k, _)) = pre {
            // "this Friday": in this week; "next Friday": in next week; "last Friday": the last one.
            let spec = match k {
                0 => Spec::Weekday {
                    weekday: w,
                    dir: self.dir_of(None, i, e),
                    week: Some(0),
                },
                1 => Spec::Weekday {
                    weekday: w,
                    dir: Dir::Auto,
                    week: Some(1),
                },
                _ => Spec::Weekday {
                    weekday: w,
                    dir: Dir::Past,
                    week: None,
                },
            };
            return Some(Cand {
                start,
                end: e,
                spec,
            });
        }
        // "الجمعة من الأسبوع المقبل", "Friday next week", "Sunday of next week".
        let k = self.opt_prep(e, Prep::Of);
        if let Some((wk, e2)) = self.week_ref(k) {
            return Some(Cand {
                start,
                end: e2,
                spec: Spec::Weekday {
                    weekday: w,
                    dir: Dir::Auto,
                    week: Some(wk),
                },
            });
        }
        if let Some((sh, e2)) = self.shift(e, Pos::Post) {
            // "Friday after next", "Friday before last": the second one from the anchor.
            let spec = if sh.abs() == 2 {
                Spec::WeekdayCount { weekday: w, n: sh }
            } else {
                Spec::Weekday {
                    weekday: w,
                    dir: self.dir_of(Some(sh), i, e2),
                    week: None,
                }
            };
            return Some(Cand {
                start,
                end: e2,
                spec,
            });
        }
        // "الأحد الثاني": the n-th such weekday of this month (ordinal words up to five).
        if let Some(((n, _), e2, _)) = self.word(e, |x| match x {
            Word::Num(n @ 1..=5, NumKind::Ordinal) => Some((n, ())),
            _ => None,
        }) {
            if self.num_words(e).is_some_and(|x| x.0 == n)
                && self.t[e].kind == Kind::Word
                && !self.t[e].text.is_ascii()
            {
                return Some(Cand {
                    start,
                    end: e2,
                    spec: Spec::NthWeekday {
                        n: n as i32,
                        weekday: w,
                        month: MonthRef::Shifted(0),
                        year: None,
                    },
                });
            }
        }
        // "الخميس 21", "Friday the 15th", "الخميس في الحادي والعشرين".
        let k = self.opt_punct(e, &[",", "،"]);
        let k = self.opt_prep(k, Prep::DayOn);
        let k = self.opt_prep(k, Prep::Filler);
        if let Some((d, e2)) = self
            .day(k)
            .filter(|_| self.clock(k).is_none() && self.t.get(k + 1).is_none_or(|t| t.text != "h"))
        {
            // "الأحد الموافق 8 ذو القعدة" without a year: the day belongs to a Hijri month.
            let of_month = self.month(e2).is_some();
            // Not the start of a figure ("الخميس 15/3", "Friday 15.30"); a full stop may end it.
            let figure = self.punct(e2, &[":", "/", "-", "."])
                && self.glued(e2)
                && (!self.punct(e2, &["."]) || self.num(e2 + 1).is_some() && self.glued(e2 + 1));
            if !figure && !of_month {
                let clock = self.trailing_clock(e2);
                let end = clock.as_ref().map_or(e2, |c| c.1);
                let spec = Spec::Date {
                    year: None,
                    month: None,
                    day: Some(d),
                    weekday: Some(w),
                    clock: clock.map(|c| c.0),
                    dir: self.dir_of(None, i, end),
                };
                return Some(Cand { start, end, spec });
            }
        }
        Some(Cand {
            start,
            end: e,
            spec: Spec::Weekday {
                weekday: w,
                dir: self.dir_of(None, i, e),
                week: None,
            },
        })
    }

    /// Weekdays counted from the anchor: "3 Fridays from now", "two Thursdays ago", "two Mondays
    /// later".
    fn weekday_count(&self, i: usize) -> Option<Cand> {
        let (n, e) = match self.num(i) {
            Some((v, d)) if d <= 2 => (v, i + 1),
            Some(_) => return None,
            None => {
                let (v, kind, e) = self.num_words(i)?;
                (kind == NumKind::Cardinal).then_some((v, e))?
            }
        };
        if !(1..=52).contains(&n) {
            return None;
        }
        let (w, e2) = self
            .weekday_plural(e)
            .or_else(|| self.weekday(e, false).map(|(w, e2, _)| (w, e2)))?;
        let (sign, end, _) = self.word(e2, |x| match x {
            Word::Ago(k, Pos::Post) => Some(k),
            _ => None,
        })?;
        Some(Cand {
            start: self.lead(i),
            end,
            spec: Spec::WeekdayCount {
                weekday: w,
                n: sign * i64::from(n),
            },
        })
    }

    /// A weekday name in the plural: "Fridays" (full names only).
    fn weekday_plural(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Word)?;
        let stem = t.text.strip_suffix('s')?;
        super::lexicon::lexicon()
            .words(stem)
            .iter()
            .find_map(|w| match w {
                Word::Weekday(d, false) => Some((*d, i + 1)),
                _ => None,
            })
    }

    /// "the first Friday of July", "أول يوم جمعة من يوليو", "الثلاثاء الثالث من شهر أيلول 2014".
    fn nth_weekday(&self, i: usize) -> Option<Cand> {
        let j = self.opt_prep(i, Prep::The);
        let (n, w, e) = if let Some((n, NumKind::Ordinal, e)) = self.num_words(j) {
            let (w, e2, _) = self.weekday(e, false).or_else(|| self.bare_weekday(e))?;
            (n, w, e2)
        } else {
            let (w, e, _) = self.weekday(j, false)?;
            let (n, kind, e2) = self.num_words(e)?;
            if kind != NumKind::Ordinal {
                return None;
            }
            (n, w, e2)
        };
        if !(1..=5).contains(&n) {
            return None;
        }
        let k = self.opt_prep(e, Prep::Of);
        let k = self.opt_prep(k, Prep::DayOn);
        let (month, year, end) = if let Some((sh, e2)) = self.month_ref(k) {
            (MonthRef::Shifted(sh), None, e2)
        } else {
            let (Calendar::Gregorian, m, _, e2, _) = self.month(k)? else {
                return None;
            };
            let y_at = self.opt_punct(e2, &[","]);
            let y_at = self.opt_prep(y_at, Prep::DayOn);
            match self.year(y_at, false) {
                Some((y, _, e3)) => (MonthRef::Named(m), Some(y), e3),
                None => (MonthRef::Named(m), None, e2),
            }
        };
        Some(Cand {
            start: self.start(i),
            end,
            spec: Spec::NthWeekday {
                n: n as i32,
                weekday: w,
                month,
                year,
            },
        })
    }

    /// A weekday name without its article ("ثالث ثلاثاء"), after an ordinal.
    fn bare_weekday(&self, i: usize) -> Option<(u32, usize, usize)> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Word)?;
        let w = super::lexicon::lexicon().bare_weekday(t.text)?;
        Some((w, i + 1, t.range.start))
    }

    /// Units shifted: "العام المقبل", "this year", "الشهر الجاري", "last week", "earlier this
    /// month", "هذا العام، في مايو"; and plural units shifted, which are lengths of time:
    /// "السنوات الأربع الماضية", "the past two years", "الشهور الماضية".
    fn unit_rel(&self, i: usize) -> Option<Cand> {
        let hedge = self.word(i, |w| (w == Word::Hedge).then_some(()));
        let j = hedge.as_ref().map_or(i, |h| self.opt_prep(h.1, Prep::Of));
        let start = self.lead(i);
        // English: shift before the unit, with an optional count: "the past two years".
        let (unit, count, shift, e) = if let Some((k, e)) = self.shift(j, Pos::Pre) {
            let n = self.count(e);
            let k2 = n.map_or(e, |x| x.1);
            let ((u, c), e2, _) = self.word(k2, unit_word)?;
            (u, if n.is_some() { Count::Many } else { c }, k, e2)
        } else {
            let ((u, c), e, _) = self.word(j, unit_word)?;
            let n = self.count(e);
            let k2 = n.map_or(e, |x| x.1);
            let (k, e2) = self.shift(k2, Pos::Post)?;
            (u, if n.is_some() { Count::Many } else { c }, k, e2)
        };
        if count != Count::One {
            return Some(Cand {
                start,
                end: e,
                spec: Spec::Duration,
            });
        }
        // "هذا العام، في مايو": a month of that year.
        if unit == Unit::Year {
            let k = self.opt_punct(e, &[",", "،"]);
            let k = self.opt_prep(k, Prep::DayOn);
            if let Some((Calendar::Gregorian, m, _, e2, _)) = self.month(k) {
                return Some(Cand {
                    start,
                    end: e2,
                    spec: Spec::MonthOfYear { shift, month: m },
                });
            }
        }
        Some(Cand {
            start,
            end: e,
            spec: Spec::RelUnit { unit, shift },
        })
    }

    /// A count before a unit: "3", "three", "a few", "بضعة", "الأربع".
    fn count(&self, i: usize) -> Option<(i64, usize)> {
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

    /// Distances and lengths: "منذ ثلاثة أيام", "قبل يومين", "two days ago", "in 3 weeks",
    /// "1 month and 21 days ago", "يومين", "for two weeks".
    fn ago(&self, i: usize) -> Option<Cand> {
        let pre = self.word(i, |w| match w {
            Word::Ago(k, Pos::Pre) => Some(k),
            _ => None,
        });
        let span_pre = self.prep(i, Prep::Span);
        let mut j = pre.map_or(span_pre.unwrap_or(i), |p| p.1);
        let (mut months, mut days, mut parts) = (0i64, 0i64, Vec::new());
        while let Some((unit, n, e)) = self.counted(j, pre.is_some() || !parts.is_empty()) {
            match unit {
                Unit::Year => months += 12 * n,
                Unit::Decade => months += 120 * n,
                Unit::Month => months += n,
                Unit::Week => days += 7 * n,
                Unit::Day => days += n,
                Unit::Hour => {}
            }
            parts.push((unit, n));
            j = e;
            let k = self.opt_punct(j, &[","]);
            let k = self.opt_prep(k, Prep::To);
            if self.counted(k, true).is_none() {
                break;
            }
            j = k;
        }
        // "two days from tomorrow", "three weeks after today", "two days before yesterday".
        if pre.is_none() && span_pre.is_none() {
            if let Some((dir, e, _)) = self.word(j, |w| match w {
                Word::RelTo(k) => Some(k),
                _ => None,
            }) {
                if let Some((base, e2, _)) = self.word(e, |w| match w {
                    Word::Day(n) => Some(n),
                    _ => None,
                }) {
                    let spec = if months == 0 {
                        Spec::RelDay {
                            offset: base + dir * days,
                            weekday: None,
                            clock: None,
                        }
                    } else {
                        Spec::Ago {
                            unit: if months % 12 == 0 && days == 0 {
                                Unit::Year
                            } else {
                                Unit::Month
                            },
                            n: dir
                                * if months % 12 == 0 && days == 0 {
                                    months / 12
                                } else {
                                    months
                                },
                            extra_days: base + dir * days,
                        }
                    };
                    return Some(Cand {
                        start: self.lead(i),
                        end: e2,
                        spec,
                    });
                }
            }
        }
        let (first_unit, _) = *parts.first()?;
        let post = self.word(j, |w| match w {
            Word::Ago(k, Pos::Post) => Some(k),
            _ => None,
        });
        let sign = match (pre, post) {
            (Some((k, _, _)), Some((_, e, _))) => Some((k, e)),
            (None, Some((k, e, _))) => Some((k, e)),
            (Some((k, _, _)), None) => Some((k, j)),
            _ => None,
        };
        let explicit = parts.iter().any(|p| p.1 != 1) || parts.len() > 1;
        let Some((sign, end)) = sign.filter(|_| span_pre.is_none()) else {
            // Without "ago" or "منذ" it is a length of time, and only with a count.
            return explicit.then(|| Cand {
                start: self.lead(i),
                end: j,
                spec: Spec::Duration,
            });
        };
        // "منذ سنوات": for years, a length.
        if parts.iter().any(|p| p.1 == 0) {
            return Some(Cand {
                start: self.lead(i),
                end,
                spec: Spec::Duration,
            });
        }
        let spec = if parts.len() == 1 {
            Spec::Ago {
                unit: first_unit,
                n: sign * parts[0].1,
                extra_days: 0,
            }
        } else if months != 0 {
            Spec::Ago {
                unit: Unit::Month,
                n: sign * months,
                extra_days: sign * days,
            }
        } else {
            Spec::Ago {
                unit: Unit::Day,
                n: sign * days,
                extra_days: 0,
            }
        };
        Some(Cand {
            start: self.lead(i),
            end,
            spec,
        })
    }

    /// A unit with its count: "3 days", "ثلاثة أيام", "يومين" (a dual), "شهر" when `single_ok`.
    /// A plural with no count has count 0 ("منذ سنوات").
    fn counted(&self, i: usize, single_ok: bool) -> Option<(Unit, i64, usize)> {
        if let Some((n, e)) = self.count(i) {
            if let Some(((u, _), e2, _)) = self.word(e, unit_word) {
                return Some((u, n, e2));
            }
        }
        let ((u, c), e, _) = self.word(i, unit_word)?;
        match c {
            Count::Two => Some((u, 2, e)),
            Count::One if single_ok => Some((u, 1, e)),
            Count::Many if single_ok => Some((u, 0, e)),
            _ => None,
        }
    }

    /// Years: "عام 2024", "in 2018", "by 2024", "بحلول عام 2024", "2019-2021".
    fn year_expr(&self, i: usize) -> Option<Cand> {
        let by = self.prep(i, Prep::By);
        let j = by.unwrap_or(i);
        let worded = self
            .word(j, |w| (w == Word::YearWord).then_some(()))
            .is_some();
        let (y, hijri, e) = self.year(j, false)?;
        if hijri {
            return None;
        }
        let before = i > 0
            && self.h[i - 1]
                .iter()
                .any(|h| date_prep(h.word) || matches!(h.word, Word::Ago(..)))
            && self.num(j).is_some();
        let digit_after =
            |k: usize| self.glued(k) && self.glued(k + 1) && self.num(k + 1).is_some();
        let alone = self.t.get(e).is_none_or(|t| t.kind == Kind::Punct) && !digit_after(e);
        // Not a piece of a phone number or a longer figure.
        if j > 0 && self.glued(j) && self.punct(j - 1, &["-", "/", ".", ":", ",", "+"]) {
            return None;
        }
        if !(worded || by.is_some() || before || alone) {
            return None;
        }
        // "1990s"
        if self.t.get(e).is_some_and(|t| t.text == "s") && self.glued(e) && y % 10 == 0 {
            return Some(Cand {
                start: self.start(i),
                end: e + 1,
                spec: Spec::Decade(y),
            });
        }
        let start = if by.is_some() {
            self.lead(i)
        } else {
            self.lead(j)
        };
        // "2019-2021", "2019/2020"
        if self.punct(e, &["-", "–", "/"]) {
            if let Some((y2, false, e2)) = self.year(e + 1, false) {
                if y2 > y {
                    return Some(Cand {
                        start,
                        end: e2,
                        spec: Spec::Range(Box::new(Spec::Year(y)), Box::new(Spec::Year(y2))),
                    });
                }
            }
        }
        Some(Cand {
            start,
            end: e,
            spec: Spec::Year(y),
        })
    }

    /// A month alone: "في مايو", "أغسطس/آب الماضي", "last May", "12 أكتوبر المقبل" is a date.
    fn month_alone(&self, i: usize) -> Option<Cand> {
        let pre = self.shift(i, Pos::Pre).filter(|p| p.0 != 0);
        let j = pre.map_or(i, |p| p.1);
        let (cal, m, ctx, e, s) = self.month(j)?;
        if cal != Calendar::Gregorian {
            return None;
        }
        let post = self.shift(e, Pos::Post).filter(|s| s.0.abs() < 2);
        let after_prep = i > 0 && self.h[i - 1].iter().any(|h| date_prep(h.word));
        if ctx && pre.is_none() && post.is_none() && !after_prep {
            return None;
        }
        let shift = pre.map(|p| p.0).or(post.map(|p| p.0));
        let end = post.map_or(e, |p| p.1);
        let spec = Spec::Date {
            year: None,
            month: Some(MonthRef::Named(m)),
            day: None,
            weekday: None,
            clock: None,
            dir: self.dir_of(shift, i, end),
        };
        Some(Cand {
            start: if pre.is_some() { self.start(i) } else { s },
            end,
            spec,
        })
    }

    /// "التسعينيات", "تسعينيات القرن الماضي" is left to the word alone.
    fn decade(&self, i: usize) -> Option<Cand> {
        let (y, e, s) = self.word(i, |w| match w {
            Word::Decade(y) => Some(y),
            _ => None,
        })?;
        Some(Cand {
            start: s,
            end: e,
            spec: Spec::Decade(y),
        })
    }

    /// Ranges: "from 20 to 31 May", "بين 5 و7 مارس", "from August 31 to September 14",
    /// "13-15 July", "من 2010 إلى 2015", "from May to July".
    fn range(&self, i: usize) -> Option<Cand> {
        let from = self.prep(i, Prep::From);
        let j = from.unwrap_or(i);
        let (a, e) = self.range_point(j)?;
        let dash = self.punct(e, &["-", "–"]);
        let k = if dash {
            e + 1
        } else if from.is_some() {
            let k = self
                .prep(e, Prep::To)
                .or_else(|| self.t.get(e).filter(|t| t.text == "و").map(|_| e + 1))?;
            // "و7": the conjunction written onto the number is its own token.
            k
        } else {
            let k = self.prep(e, Prep::To)?;
            if self.t[e].text == "و" || self.t[e].text == "and" {
                return None;
            }
            k
        };
        let (b, e2) = self.range_point(k)?;
        let (a, b) = fill(a, b)?;
        // A bare pair of numbers is not a range of days without a month.
        if a.month.is_none() && a.year.is_none() {
            return None;
        }
        if from.is_none() && a.day.is_none() && a.month.is_some() && b.day.is_none() && dash {
            return None;
        }
        let start = if from.is_some() {
            self.start(j)
        } else {
            self.start(i)
        };
        let start = self.h[j]
            .first()
            .filter(|_| from.is_none())
            .map_or(start, |h| h.start.max(start));
        let dir = self.dir_of(None, i, e2);
        let (sa, sb) = (self.point_spec(a, dir)?, self.point_spec(b, dir)?);
        Some(Cand {
            start,
            end: e2,
            spec: Spec::Range(Box::new(sa), Box::new(sb)),
        })
    }

    /// One end of a range: a date, a month (with its year), a year, or a bare day.
    fn range_point(&self, i: usize) -> Option<(Pt, usize)> {
        if let Some(c) = self.core(i) {
            return Some(c);
        }
        if let Some((cal, m, _, e, _)) = self.month(i) {
            return Some((
                Pt {
                    month: Some(MonthRef::Named(m)),
                    hijri: cal == Calendar::Hijri,
                    ..Pt::default()
                },
                e,
            ));
        }
        if let Some((y, false, e)) = self.year(i, false) {
            return Some((
                Pt {
                    year: Some(y),
                    ..Pt::default()
                },
                e,
            ));
        }
        let (d, e) = self.day(i)?;
        Some((
            Pt {
                day: Some(d),
                ..Pt::default()
            },
            e,
        ))
    }

    fn point_spec(&self, p: Pt, dir: Dir) -> Option<Spec> {
        match (p.year, p.month, p.day) {
            (Some(y), None, None) => Some(Spec::Year(y)),
            (_, Some(_), _) => self.date_spec(p, None, None, dir),
            _ => None,
        }
    }
}

/// How many tokens after a linking word a match names its time at the latest: linking words
/// come at most two in a row ("from the 20th", "في مطلع") before the day, month, unit or number.
const REACH: usize = 4;

/// The words without a reading in the time lexicon that a pattern starting with a number reads
/// right after it: a day's suffix (21st), the "h" of 15h30, the letters of "p.m." and
/// "o'clock", the و of Arabic minutes (3 و20 دقيقة), the marks of a year (1445 هـ, 2021م).
const AFTER_NUMBER: [&str; 13] = [
    "st", "nd", "rd", "th", "h", "a", "p", "o", "oclock", "و", "ه", "م", "s",
];

/// A linking word before a date ("in", "by", "في"); "about" and "نحو" stand before clock
/// times and counts ("نحو 2500 مستفيد"), not years.
fn date_prep(w: Word) -> bool {
    matches!(w, Word::Prep(p) if p != Prep::Clock)
}

fn unit_word(w: Word) -> Option<(Unit, Count)> {
    match w {
        Word::Unit(u, c) => Some((u, c)),
        _ => None,
    }
}

/// Complete the ends of a range from each other: "from 20 to 31 May" gives the 20th May too.
fn fill(mut a: Pt, mut b: Pt) -> Option<(Pt, Pt)> {
    let a_kind = (a.year.is_some(), a.month.is_some(), a.day.is_some());
    let b_kind = (b.year.is_some(), b.month.is_some(), b.day.is_some());
    // A year against a day cannot be one range.
    if (a_kind == (true, false, false)) != (b_kind == (true, false, false)) {
        return None;
    }
    if a.day.is_some() && a.month.is_none() {
        a.month = b.month;
        a.hijri = b.hijri;
    }
    if a.year.is_none() && a.month.is_some() {
        a.year = b.year;
    }
    if b.day.is_some() && b.month.is_none() {
        b.month = a.month;
        b.hijri = a.hijri;
    }
    if b.year.is_none() && b.month.is_some() && a.year.is_some() {
        b.year = a.year;
    }
    (a.month.is_some() == b.month.is_some()).then_some((a, b))
}

/// Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999.
fn two_digit_year(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;

    /// Every number turned away before the patterns are tried is one no pattern matches at.
    #[test]
    fn linking_words_far_from_a_time_start_no_pattern() {
        let page = "The minister of finance said in a statement on the outcome of the talks that \
            prices rose from the 20th to the 25th of May, in the past four years, by the end of \
            next week and at the start of 2021. وقال وزير المالية في بيان عن نتائج المحادثات إن \
            الأسعار ارتفعت من 5 إلى 7 مارس وفي مطلع العام المقبل ومنذ ثلاثة أيام.";
        let folded = Folded::new(page).text;
        let toks = tokenize(&folded, 0..folded.len());
        let hs = hits(&toks);
        let p = P {
            t: &toks,
            h: &hs,
            dm_first: false,
        };
        let skipped = (0..toks.len())
            .filter(|&i| !hs[i].is_empty() && !p.may_start(i))
            .inspect(|&i| assert!(p.best(i).is_none(), "{:?}", toks[i].text))
            .count();
        assert!(skipped >= 5, "{skipped}");
        let found = found_in(&folded);
        for d in [
            "20th to the 25th of may",
            "past four years",
            "2021",
            "5 الي 7 مارس",
        ] {
            assert!(found.iter().any(|f| f.contains(d)), "{d} in {found:?}");
        }
    }

    /// The date expressions `find` reports over the whole of a folded text.
    fn found_in(folded: &str) -> Vec<&str> {
        let whole = [Range {
            start: 0,
            end: folded.len(),
        }];
        find(folded, &whole)
            .iter()
            .map(|f| &folded[f.range.clone()])
            .collect()
    }

    #[test]
    fn numbers_skipped_start_no_pattern() {
        let page = "Shares rose 3 pct to 155,221 bags on May 5, 2021 at 3 p.m. and 15h30, \
            from 20 to 31 May, 3 Fridays ago, the 21st of June, 2019-2021, 12/04/2024, 6 o'clock, \
            in the 1990s, 2 days ago, 330 pm, 4.22 per share, 1,330 pm, 17 mln dlrs in 1986. \
            وقال إن 25 شخصا قتلوا في 3 مارس 2024 الساعة 5 و20 دقيقة، وعاد بعد 3 أيام في 15 رمضان 1445 هـ، \
            وأنفق 2021م نحو 2500 مستفيد من 5 إلى 7 مارس.";
        let folded = Folded::new(page).text;
        let toks = tokenize(&folded, 0..folded.len());
        let hs = hits(&toks);
        let p = P {
            t: &toks,
            h: &hs,
            dm_first: false,
        };
        let skipped = (0..toks.len())
            .filter(|&i| toks[i].kind == Kind::Num && !p.number_may_start(i))
            .inspect(|&i| assert!(p.best(i).is_none(), "{:?}", toks[i].text))
            .count();
        assert!(skipped >= 5, "{skipped}");
        let found = found_in(&folded);
        for d in [
            "may 5, 2021 at 3 p.m",
            "15h30",
            "3 fridays ago",
            "3 مارس 2024",
            "1990s",
        ] {
            assert!(found.iter().any(|f| f.contains(d)), "{d} in {found:?}");
        }
    }
}
