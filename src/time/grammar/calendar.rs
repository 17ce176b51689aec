//! Calendar dates for the date grammar: a day, a month name and a year in any order and
//! separator ("26 Dec 2021", "December 26, 2021", "2019-sep-1"), with a weekday before or after,
//! a clock time and a shift word after (١٦ فبراير/شباط الماضي), Hijri months (15 رمضان 1444 هـ);
//! a month alone ("في مايو", "last May"), years ("عام 2024", "by 2024", "2019-2021") and
//! decades ("the 1990s", "التسعينيات").

use super::numeric::two_digit_year;
use super::{
    Calendar, Candidate, Clock, Count, Dir, Kind, MonthName, MonthRef, NumKind, Parser, Point, Pos,
    Prep, Spec, Unit, WeekdayName, Word,
};

impl Parser<'_> {
    /// A day of the month: "26", "21st", "the 27th", "twenty second", "الحادي والعشرين".
    pub(super) fn day(&self, i: usize) -> Option<(u32, usize)> {
        let i = self.opt_prep(i, Prep::The);
        if let Some((v, n)) = self.num(i) {
            if n > 2
                || !(1..=31).contains(&v)
                || (self.glued(i) && self.punct(i.wrapping_sub(1), &[".", ","]))
            {
                return None;
            }
            let e = i + 1;
            let suffix = self.toks.get(e).is_some_and(|tok| {
                tok.kind == Kind::Word && ["st", "nd", "rd", "th"].contains(&tok.text)
            });
            return Some((v, if suffix && self.glued(e) { e + 1 } else { e }));
        }
        let (v, kind, e) = self.num_words(i)?;
        let few = kind == NumKind::Few || self.toks[i].text == "a" || self.toks[i].text == "an";
        // Arabic writes days in words as ordinals (الحادي والعشرين); a lone "أحد", "واحد",
        // "أربعة" is a count ("في أحد", "أب لأربعة"), "خمسة عشر" may still be a day.
        let count = kind == NumKind::Cardinal && v <= 10 && !self.toks[i].text.is_ascii();
        ((1..=31).contains(&v) && !few && !count).then_some((v, e))
    }

    /// A month name: "May", "شهر شباط", "فبراير/شباط", "فبراير (شباط)".
    pub(super) fn month(&self, i: usize) -> Option<MonthName> {
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
            self.toks.get(e).map(|tok| tok.text == "(").unwrap_or(false),
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
        if self.toks[j].text.len() <= 4
            && self.punct(e, &["."])
            && self.glued(e)
            && self.num(e + 1).is_some()
        {
            e += 1;
        }
        Some(MonthName {
            calendar: cal,
            month: m,
            needs_context: ctx,
            end: e,
            start: if prefixed.is_some() { self.start(i) } else { s },
        })
    }

    /// A year: "2024", "عام 2024", "من عام 2016", "2021م"; (year, Hijri-marked, end).
    pub(super) fn year(&self, i: usize, loose: bool) -> Option<(i32, bool, usize)> {
        let i = self.opt_prep(i, Prep::Of);
        let worded = self.word(i, |w| (w == Word::YearWord).then_some(()));
        let j = worded.as_ref().map_or(i, |w| w.1);
        if let Some((y, e)) = self.year_in_words(j) {
            return Some((y, false, e));
        }
        let (y, n) = self.num(j)?;
        let ok = (n == 4 && (worded.is_some() || (1000..=2999).contains(&y))) || (loose && n == 2);
        if !ok {
            return None;
        }
        let y = if n == 2 { two_digit_year(y) } else { y as i32 };
        let mut e = j + 1;
        let mut hijri = false;
        if let Some(tok) = self.toks.get(e).filter(|tok| tok.kind == Kind::Word) {
            if tok.text == "ه" {
                hijri = true;
                e += 1;
            } else if tok.text == "م" && self.glued(e) {
                e += 1;
            }
        }
        Some((y, hijri, e))
    }

    /// A year in English words as broadcasts say it, its century then its rest: "nineteen
    /// ninety-six", "twenty twenty". (year, end).
    pub(super) fn year_in_words(&self, i: usize) -> Option<(i32, usize)> {
        if !self.toks.get(i)?.text.is_ascii() {
            return None;
        }
        let (c, e, _) = self.word(i, |w| match w {
            Word::Num(c @ 17..=20, NumKind::Cardinal) => Some(c),
            _ => None,
        })?;
        let (tens, e2, _) = self.word(e, |w| match w {
            Word::Num(t @ 10..=90, NumKind::Cardinal) if t < 20 || t % 10 == 0 => Some(t),
            _ => None,
        })?;
        let j = self.opt_punct(e2, &["-"]);
        let unit = (tens >= 20)
            .then(|| {
                self.word(j, |w| match w {
                    Word::Num(u @ 1..=9, NumKind::Cardinal) => Some(u),
                    _ => None,
                })
            })
            .flatten()
            .filter(|_| self.toks[j].text.is_ascii());
        let (rest, end) = unit.map_or((tens, e2), |(u, e3, _)| (tens + u, e3));
        Some(((c * 100 + rest) as i32, end))
    }

    /// The calendar core of a date: day-month(-year), month-day(-year), month-year,
    /// year-month-day with a month name. Returns (point, end).
    pub(super) fn core(&self, i: usize) -> Option<(Point, usize)> {
        let mut best: Option<(Point, usize)> = None;
        let mut take = |c: Option<(Point, usize)>| {
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

    fn point(cal: Calendar, m: u32, day: Option<u32>, year: Option<(i32, bool, usize)>) -> Point {
        Point {
            year: year.map(|y| y.0),
            month: Some(MonthRef::Named(m)),
            hijri: cal == Calendar::Hijri || year.is_some_and(|y| y.1),
            day,
        }
    }

    /// "26 Dec 2021", "٣ مارس ٢٠١٨", "9 نوفمبر/تشرين الثاني 2025", "the 5th of May", "20 من الشهر المقبل".
    fn day_first(&self, i: usize) -> Option<(Point, usize)> {
        let (d, e) = self.day(i)?;
        let sep = if self.punct(e, &["-", ".", "/"]) {
            Some(self.toks[e].text)
        } else {
            None
        };
        let j = if sep.is_some() { e + 1 } else { e };
        // A day in words needs "of" before its month ("الرابع من مايو"): "المرحلة الأولى الشهر
        // الجاري" is the first phase, this month.
        let in_words = self.toks[self.opt_prep(i, Prep::The)].kind == Kind::Word;
        let j = match self.prep(j, Prep::Of) {
            Some(k) => k,
            None if in_words && !self.toks[i].text.is_ascii() => return None,
            None => j,
        };
        if let Some((k, e2)) = self.month_ref(j) {
            return Some((
                Point {
                    month: Some(MonthRef::Shifted(k)),
                    day: Some(d),
                    ..Point::default()
                },
                e2,
            ));
        }
        let MonthName {
            calendar: cal,
            month: m,
            end: e2,
            ..
        } = self.month(j)?;
        let y_at = self.opt_punct(e2, &[",", "،", ".", "-", "/"]);
        let year = self.year(y_at, sep.is_some() && self.glued(y_at));
        let end = year.map_or(e2, |y| y.2);
        Some((Self::point(cal, m, Some(d), year), end))
    }

    /// "December 26, 2021", "Oct-2", "يناير 1", "May twenty-first", "September the 21st 1978".
    fn month_first(&self, i: usize) -> Option<(Point, usize)> {
        let MonthName {
            calendar: cal,
            month: m,
            end: e,
            ..
        } = self.month(i)?;
        // A full stop between month and day only inside a figure ("Dec.26"): "in April. One of
        // them" ends a sentence.
        // "January nineteen ninety-seven": a month and a year in words, not a day
        if let Some((y, e2)) = self.year_in_words(e) {
            return Some((Self::point(cal, m, None, Some((y, false, e2))), e2));
        }
        let j = if self.punct(e, &["."]) && !self.glued(e + 1) {
            e
        } else {
            self.opt_punct(e, &["-", "/", ".", ","])
        };
        if let Some((d, e2)) = self.day(j) {
            // Not the hour of a clock ("May 5:30") nor the start of a year ("May 2021"); a
            // colon that ends the phrase ("on Oct. 26: the ...") is no clock.
            let clock = self.punct(e2, &[":"])
                && self.glued(e2 + 1)
                && self.toks.get(e2 + 1).is_some_and(|t| t.kind == Kind::Num);
            if !clock {
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
    fn year_first(&self, i: usize) -> Option<(Point, usize)> {
        let (y, n) = self.num(i)?;
        if n != 4 || !self.punct(i + 1, &["-", "/"]) {
            return None;
        }
        let MonthName {
            calendar: cal,
            month: m,
            end: e,
            ..
        } = self.month(i + 2)?;
        if !self.punct(e, &["-", "/"]) {
            return None;
        }
        let (d, e2) = self.day(e + 1)?;
        Some((Self::point(cal, m, Some(d), Some((y as i32, false, 0))), e2))
    }

    /// A Spec for a calendar point with its clock and direction.
    pub(super) fn date_spec(
        &self,
        pt: Point,
        weekday: Option<u32>,
        clock: Option<Clock>,
        dir: Dir,
    ) -> Option<Spec> {
        if let (Some(MonthRef::Named(m)), true) = (pt.month, pt.hijri) {
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

    /// A weekday before a date: "Sun, ", "الثلاثاء ", "السبت , ", "الخميس الموافق ", ending
    /// after the punctuation or filler word that follows it.
    fn weekday_prefix(&self, i: usize) -> Option<WeekdayName> {
        let name = self.weekday(i, true)?;
        let e = self.opt_punct(name.end, &[",", "،", "-", "|"]);
        Some(WeekdayName {
            end: self.opt_prep(e, Prep::Filler),
            ..name
        })
    }

    /// A full or partial calendar date with what may stand around it.
    pub(super) fn absolute(&self, i: usize) -> Option<Candidate> {
        let prefix = self.weekday_prefix(i);
        let j = prefix.as_ref().map_or(i, |p| p.end);
        let (pt, e) = self.core(j)?;
        if pt.hijri && pt.year.is_none() {
            return None;
        }
        // "Jul 18, Fri": the weekday after the date, at the end of the phrase.
        let suffix = self
            .weekday_suffix(e)
            .filter(|_| prefix.is_none() && pt.day.is_some() && pt.year.is_none());
        let (weekday, e) = match (prefix, suffix) {
            (Some(p), _) => (Some(p.weekday), e),
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
        let dir = self.month_dir(shift.map(|s| s.0), i, e);
        let start = prefix.map_or_else(|| self.core_start(j), |p| p.start);
        Some(Candidate {
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
        let WeekdayName {
            weekday: w,
            end: e2,
            ..
        } = self.weekday(e + 1, true)?;
        self.toks
            .get(e2)
            .is_none_or(|tok| tok.kind == Kind::Punct)
            .then_some((w, e2))
    }

    /// Where a core's span starts: after a stripped proclitic of its first word.
    fn core_start(&self, j: usize) -> usize {
        self.hits[j].first().map_or(self.start(j), |hit| hit.start)
    }

    /// Years: "عام 2024", "in 2018", "by 2024", "بحلول عام 2024", "2019-2021".
    pub(super) fn year_expr(&self, i: usize) -> Option<Candidate> {
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
            && self.hits[i - 1]
                .iter()
                .any(|hit| date_prep(hit.word) || matches!(hit.word, Word::Ago(..)))
            && self.num(j).is_some();
        let digit_after =
            |k: usize| self.glued(k) && self.glued(k + 1) && self.num(k + 1).is_some();
        // "closed at 2082.1": a figure with decimals is no year
        if self.punct(e, &[".", ","]) && digit_after(e) {
            return None;
        }
        let alone = self.toks.get(e).is_none_or(|tok| tok.kind == Kind::Punct) && !digit_after(e);
        // Not a piece of a phone number or a longer figure.
        if j > 0 && self.glued(j) && self.punct(j - 1, &["-", "/", ".", ":", ",", "+"]) {
            return None;
        }
        let adjective = by.is_none() && !worded && self.year_adjective(j, e);
        let decade = self.toks.get(e).is_some_and(|tok| tok.text == "s") && self.glued(e);
        let spelled = self.year_in_words(j).is_some();
        if !(worded || by.is_some() || before || alone || adjective || decade || spelled) {
            return None;
        }
        // "1990s"
        if decade && y % 10 == 0 {
            return Some(Candidate {
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
                    return Some(Candidate {
                        start,
                        end: e2,
                        spec: Spec::Range(Box::new(Spec::Year(y)), Box::new(Spec::Year(y2))),
                    });
                }
            }
        }
        Some(Candidate {
            start,
            end: e,
            spec: Spec::Year(y),
        })
    }

    /// The four digits at `j` (ending at `e`) are a year used as an adjective of the noun after
    /// them: a determiner or a possessive before ("his 1996 campaign", "Israel's 1978 invasion",
    /// "a 2010 raid") and a singular noun in small letters after. A plural noun makes it a count
    /// ("their 1500 members"), and a count of 1,000 or more is written with a comma in news.
    fn year_adjective(&self, j: usize, e: usize) -> bool {
        let Some((y, 4)) = self.num(j) else {
            return false;
        };
        let possessive = j >= 2
            && self.toks[j - 1].text == "s"
            && self.punct(j - 2, &["'", "’"])
            && self.glued(j - 1);
        let owner = j > 0 && self.prep(j - 1, Prep::Owner).is_some();
        let noun = self.toks.get(e).is_some_and(|tok| {
            tok.kind == Kind::Word
                && tok.text.len() > 2
                && tok
                    .text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-')
                && !tok.text.ends_with('s')
        });
        (1900..=2099).contains(&y) && (possessive || owner) && noun
    }

    /// A month alone: "في مايو", "أغسطس/آب الماضي", "last May", "12 أكتوبر المقبل" is a date.
    pub(super) fn month_alone(&self, i: usize) -> Option<Candidate> {
        // "this September", "هذا مايو": the month of the anchor's year ("this may be" is a verb)
        if let Some((0, k)) = self.shift(i, Pos::Pre) {
            if let Some(name) = self
                .month(k)
                .filter(|n| n.calendar == Calendar::Gregorian && !n.needs_context)
            {
                return Some(Candidate {
                    start: self.start(i),
                    end: name.end,
                    spec: Spec::MonthOfYear {
                        shift: 0,
                        month: name.month,
                    },
                });
            }
        }
        let pre = self.shift(i, Pos::Pre).filter(|p| p.0 != 0);
        let j = pre.map_or(i, |p| p.1);
        let MonthName {
            calendar: cal,
            month: m,
            needs_context: ctx,
            end: e,
            start: s,
        } = self.month(j)?;
        if cal != Calendar::Gregorian {
            return None;
        }
        let post = self.shift(e, Pos::Post).filter(|s| s.0.abs() < 2);
        // A name that is also a word ("may", "march") needs a linking word of dates before it;
        // "and" links dates only inside a range: "and may help" is a verb.
        let after_prep = i > 0
            && self.toks[i - 1].text != "and"
            && self.hits[i - 1].iter().any(|hit| date_prep(hit.word));
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
            dir: self.month_dir(shift, i, end),
        };
        Some(Candidate {
            start: if pre.is_some() { self.start(i) } else { s },
            end,
            spec,
        })
    }

    /// A holiday, with a shift word before it or a year after it: "Christmas", "last
    /// Thanksgiving", "Christmas 2013", "رأس السنة الميلادية".
    pub(super) fn holiday(&self, i: usize) -> Option<Candidate> {
        let pre = self.shift(i, Pos::Pre);
        let j = pre.map_or(i, |p| p.1);
        let (day, e, s) = self.word(j, |w| match w {
            Word::Holiday(h) => Some(h),
            _ => None,
        })?;
        let year = self.year(e, false).filter(|y| !y.1);
        let end = year.map_or(e, |y| y.2);
        Some(Candidate {
            start: if pre.is_some() { self.start(i) } else { s },
            end,
            spec: Spec::Holiday {
                day,
                year: year.map(|y| y.0),
                dir: self.dir_of(pre.map(|p| p.0), i, end),
            },
        })
    }

    /// "التسعينيات", "تسعينيات القرن الماضي" is left to the word alone.
    pub(super) fn decade(&self, i: usize) -> Option<Candidate> {
        let (y, e, s) = self.word(i, |w| match w {
            Word::Decade(y) => Some(y),
            _ => None,
        })?;
        Some(Candidate {
            start: s,
            end: e,
            spec: Spec::Decade(y),
        })
    }
}

/// A linking word before a date ("in", "by", "في"); "about" and "نحو" stand before clock
/// times and counts ("نحو 2500 مستفيد"), not years.
fn date_prep(w: Word) -> bool {
    matches!(w, Word::Prep(p) if p != Prep::Clock && p != Prep::Owner)
}
