//! Weekdays for the date grammar: alone or shifted (الأحد الماضي, next Sunday), within a week
//! (الجمعة من الأسبوع المقبل, next week Friday), with a day of the month (الخميس 21), counted
//! from the anchor ("3 Fridays from now") and the n-th weekday of a month ("the first Friday of
//! July", "الثلاثاء الثالث من شهر أيلول").

use crate::time::lexicon::{DayPart, Half};

use super::{
    Calendar, Candidate, Count, Dir, Kind, MonthName, MonthRef, NumKind, Parser, Pos, Prep, Spec,
    Unit, WeekdayName, Word,
};

/// Whether a part of the day can be said of what `spec` names: a weekday or a calendar day
/// without a clock time.
fn names_a_day(spec: &Spec) -> bool {
    matches!(
        spec,
        Spec::Weekday { .. }
            | Spec::Holiday { .. }
            | Spec::Date {
                day: Some(_),
                clock: None,
                ..
            }
    )
}

impl Parser<'_> {
    /// A part of the day before a weekday or a date ("مساء الأحد", "فجر يوم الثلاثاء", "صباح
    /// الخميس 5 مارس"): that part of that day. "ليلة الأحد" stays the weekday alone: it is
    /// often the night before the day it names.
    pub(super) fn part_then_day(&self, i: usize) -> Option<Candidate> {
        let (part, e, _) = self.word(i, |w| match w {
            Word::Part(p) if p != DayPart::Night => Some(p),
            _ => None,
        })?;
        let day = [Self::weekday_expr, Self::absolute]
            .iter()
            .filter_map(|f| f(self, e))
            .max_by_key(|c| c.end)?;
        names_a_day(&day.spec).then(|| Candidate {
            start: self.lead(i),
            end: day.end,
            spec: Spec::Part(Box::new(day.spec), part),
        })
    }

    /// A match followed by a part of the day ("Friday afternoon", "Wednesday night", "الأحد
    /// مساء"): that part of the day it names, or the clock time after it on that day ("Saturday
    /// morning at 9"; after noon p.m.). A word that is also a day ("tonight") is no part of
    /// another day.
    pub(super) fn with_part_after(&self, c: Candidate) -> Candidate {
        if !names_a_day(&c.spec) {
            return c;
        }
        let day_word = self
            .word(c.end, |w| matches!(w, Word::Day(_)).then_some(()))
            .is_some();
        match self.word(c.end, |w| match w {
            Word::Part(p) => Some(p),
            _ => None,
        }) {
            // "الجمعة وصباح السبت": a part joined by و belongs to the day after it
            Some((part, e, s)) if !day_word && s == self.start(c.end) => {
                match self.trailing_clock(e).or_else(|| self.hour_in_part(e)) {
                    Some((mut clock, end)) => {
                        if part.half() == Half::Pm && clock.hour < 12 {
                            clock.hour += 12;
                        }
                        Candidate {
                            start: c.start,
                            end,
                            spec: Spec::At(Box::new(c.spec), clock),
                        }
                    }
                    None => Candidate {
                        start: c.start,
                        end: e,
                        spec: Spec::Part(Box::new(c.spec), part),
                    },
                }
            }
            _ => c,
        }
    }

    /// A weekday, optionally after "يوم"; `loose` admits names that need a date beside them.
    /// Its span starts at the name.
    pub(super) fn weekday(&self, i: usize, loose: bool) -> Option<WeekdayName> {
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
            return teen.is_none().then_some(WeekdayName {
                weekday: w,
                start: s,
                end: e,
            });
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

    /// Weekdays: السبت, next Sunday, الأحد الماضي, الجمعة من الأسبوع المقبل, next week Friday,
    /// الخميس 21, Friday the 15th, الأحد الثاني (the second Sunday).
    pub(super) fn weekday_expr(&self, i: usize) -> Option<Candidate> {
        if let Some(cand) = self.week_then_weekday(i) {
            return Some(cand);
        }
        let pre = self.shift(i, Pos::Pre);
        let j = pre.map_or(i, |p| p.1);
        if let Some(cand) = self.bare_weekday_of_week(j) {
            return Some(cand);
        }
        let named = self.weekday(j, false)?;
        let WeekdayName {
            weekday,
            start,
            end,
        } = named;
        if let Some((k, _)) = pre {
            return Some(self.shifted_weekday(i, weekday, k, end));
        }
        self.weekday_of_week(named)
            .or_else(|| self.weekday_shifted_after(i, named))
            .or_else(|| self.nth_weekday_of_this_month(named))
            .or_else(|| self.weekday_with_day(i, named))
            .or_else(|| {
                Some(Candidate {
                    start,
                    end,
                    spec: Spec::Weekday {
                        weekday,
                        dir: self.dir_of(None, i, end),
                        week: None,
                    },
                })
            })
    }

    /// Week first: "الأسبوع المقبل يوم الجمعة", "next week on Friday".
    fn week_then_weekday(&self, i: usize) -> Option<Candidate> {
        let (k, e) = self.week_ref(i)?;
        let j = self.opt_punct(e, &[",", "،"]);
        let j = self.opt_prep(j, Prep::DayOn);
        let WeekdayName {
            weekday: w,
            end: e2,
            ..
        } = self.weekday(j, false)?;
        Some(Candidate {
            start: self.start(i),
            end: e2,
            spec: Spec::Weekday {
                weekday: w,
                dir: Dir::Auto,
                week: Some(k),
            },
        })
    }

    /// "احد الأسبوع الماضي": a weekday without its article before a week.
    fn bare_weekday_of_week(&self, j: usize) -> Option<Candidate> {
        let WeekdayName {
            weekday: w,
            start: s,
            end: e,
        } = self.bare_weekday(j)?;
        let k = self.opt_prep(e, Prep::Of);
        let (wk, e2) = self.week_ref(k)?;
        Some(Candidate {
            start: s,
            end: e2,
            spec: Spec::Weekday {
                weekday: w,
                dir: Dir::Auto,
                week: Some(wk),
            },
        })
    }

    /// A weekday after a shift word at `i`, ending before token `e`: "this Friday" is in this
    /// week, "next Friday" in next week, "last Friday" the last one.
    fn shifted_weekday(&self, i: usize, weekday: u32, shift: i64, e: usize) -> Candidate {
        let spec = match shift {
            0 => Spec::Weekday {
                weekday,
                dir: self.dir_of(None, i, e),
                week: Some(0),
            },
            1 => Spec::Weekday {
                weekday,
                dir: Dir::Auto,
                week: Some(1),
            },
            _ => Spec::Weekday {
                weekday,
                dir: Dir::Past,
                week: None,
            },
        };
        Candidate {
            start: self.start(i),
            end: e,
            spec,
        }
    }

    /// "الجمعة من الأسبوع المقبل", "Friday next week", "Sunday of next week".
    fn weekday_of_week(&self, named: WeekdayName) -> Option<Candidate> {
        let k = self.opt_prep(named.end, Prep::Of);
        let (wk, e2) = self.week_ref(k)?;
        Some(Candidate {
            start: named.start,
            end: e2,
            spec: Spec::Weekday {
                weekday: named.weekday,
                dir: Dir::Auto,
                week: Some(wk),
            },
        })
    }

    /// "الأحد الماضي", "Friday next"; "Friday after next", "Friday before last": the second one
    /// from the anchor.
    fn weekday_shifted_after(&self, i: usize, named: WeekdayName) -> Option<Candidate> {
        let (sh, e2) = self.shift(named.end, Pos::Post)?;
        let spec = if sh.abs() == 2 {
            Spec::WeekdayCount {
                weekday: named.weekday,
                n: sh,
            }
        } else {
            Spec::Weekday {
                weekday: named.weekday,
                dir: self.dir_of(Some(sh), i, e2),
                week: None,
            }
        };
        Some(Candidate {
            start: named.start,
            end: e2,
            spec,
        })
    }

    /// "الأحد الثاني": the n-th such weekday of this month (ordinal words up to five).
    fn nth_weekday_of_this_month(&self, named: WeekdayName) -> Option<Candidate> {
        let e = named.end;
        let ((n, _), e2, _) = self.word(e, |x| match x {
            Word::Num(n @ 1..=5, NumKind::Ordinal) => Some((n, ())),
            _ => None,
        })?;
        let ordinal_word = self.num_words(e).is_some_and(|x| x.0 == n)
            && self.toks[e].kind == Kind::Word
            && !self.toks[e].text.is_ascii();
        ordinal_word.then_some(Candidate {
            start: named.start,
            end: e2,
            spec: Spec::NthWeekday {
                n: n as i32,
                weekday: named.weekday,
                month: MonthRef::Shifted(0),
                year: None,
            },
        })
    }

    /// "الخميس 21", "Friday the 15th", "الخميس في الحادي والعشرين".
    fn weekday_with_day(&self, i: usize, named: WeekdayName) -> Option<Candidate> {
        let comma = self.opt_punct(named.end, &[",", "،"]);
        let k = self.opt_prep(comma, Prep::DayOn);
        let k = self.opt_prep(k, Prep::Filler);
        // After a comma an English day is in digits: "Friday, the fourth decline" and
        // "Thursday, two of them" go on with the sentence.
        let in_words = comma > named.end
            && self
                .toks
                .get(self.opt_prep(k, Prep::The))
                .is_some_and(|t| t.kind == Kind::Word && t.text.is_ascii());
        if in_words {
            return None;
        }
        let (d, e2) = self.day(k).filter(|_| {
            self.clock(k).is_none() && self.toks.get(k + 1).is_none_or(|tok| tok.text != "h")
        })?;
        // After a comma a number with a noun after it is a count: "الخميس، 15 شركة".
        let count = comma > named.end
            && self
                .toks
                .get(e2)
                .is_some_and(|t| t.kind == Kind::Word && self.hits[e2].is_empty());
        if count {
            return None;
        }
        // "الأحد الموافق 8 ذو القعدة" without a year: the day belongs to a Hijri month.
        let of_month = self.month(e2).is_some();
        // Not the start of a figure ("الخميس 15/3", "Friday 15.30"); a full stop may end it.
        let figure = self.punct(e2, &[":", "/", "-", ".", ","])
            && self.glued(e2)
            && (!self.punct(e2, &[".", ","]) || self.num(e2 + 1).is_some() && self.glued(e2 + 1));
        if figure || of_month {
            return None;
        }
        let clock = self.trailing_clock(e2);
        let end = clock.as_ref().map_or(e2, |c| c.1);
        let spec = Spec::Date {
            year: None,
            month: None,
            day: Some(d),
            weekday: Some(named.weekday),
            clock: clock.map(|c| c.0),
            dir: self.dir_of(None, i, end),
        };
        Some(Candidate {
            start: named.start,
            end,
            spec,
        })
    }

    /// Weekdays counted from the anchor: "3 Fridays from now", "two Thursdays ago", "two Mondays
    /// later".
    pub(super) fn weekday_count(&self, i: usize) -> Option<Candidate> {
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
            .or_else(|| self.weekday(e, false).map(|name| (name.weekday, name.end)))?;
        let (sign, end, _) = self.word(e2, |x| match x {
            Word::Ago(k, Pos::Post) => Some(k),
            _ => None,
        })?;
        Some(Candidate {
            start: self.lead(i),
            end,
            spec: Spec::WeekdayCount {
                weekday: w,
                n: sign * i64::from(n),
            },
        })
    }

    /// A weekday name in the plural: "Fridays" (full names only).
    pub(super) fn weekday_plural(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.toks.get(i).filter(|tok| tok.kind == Kind::Word)?;
        let stem = tok.text.strip_suffix('s')?;
        crate::time::lexicon::lexicon()
            .words(stem)
            .iter()
            .find_map(|w| match w {
                Word::Weekday(d, false) => Some((*d, i + 1)),
                _ => None,
            })
    }

    /// "the first Friday of July", "أول يوم جمعة من يوليو", "الثلاثاء الثالث من شهر أيلول 2014".
    pub(super) fn nth_weekday(&self, i: usize) -> Option<Candidate> {
        let j = self.opt_prep(i, Prep::The);
        let (n, w, e) = if let Some((n, NumKind::Ordinal, e)) = self.num_words(j) {
            let WeekdayName {
                weekday: w,
                end: e2,
                ..
            } = self.weekday(e, false).or_else(|| self.bare_weekday(e))?;
            (n, w, e2)
        } else {
            let WeekdayName {
                weekday: w, end: e, ..
            } = self.weekday(j, false)?;
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
            let MonthName {
                calendar: Calendar::Gregorian,
                month: m,
                end: e2,
                ..
            } = self.month(k)?
            else {
                return None;
            };
            let y_at = self.opt_punct(e2, &[","]);
            let y_at = self.opt_prep(y_at, Prep::DayOn);
            match self.year(y_at, false) {
                Some((y, _, e3)) => (MonthRef::Named(m), Some(y), e3),
                None => (MonthRef::Named(m), None, e2),
            }
        };
        Some(Candidate {
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
    pub(super) fn bare_weekday(&self, i: usize) -> Option<WeekdayName> {
        let tok = self.toks.get(i).filter(|tok| tok.kind == Kind::Word)?;
        let w = crate::time::lexicon::lexicon().bare_weekday(tok.text)?;
        Some(WeekdayName {
            weekday: w,
            start: tok.range.start,
            end: i + 1,
        })
    }
}
