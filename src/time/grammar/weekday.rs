//! Weekdays for the date grammar: alone or shifted (الأحد الماضي, next Sunday), within a week
//! (الجمعة من الأسبوع المقبل, next week Friday), with a day of the month (الخميس 21), counted
//! from the anchor ("3 Fridays from now") and the n-th weekday of a month ("the first Friday of
//! July", "الثلاثاء الثالث من شهر أيلول").

use super::{
    Calendar, Cand, Count, Dir, Kind, MonthRef, NumKind, Parser, Pos, Prep, Spec, Unit, Word,
};

impl Parser<'_> {
    /// A weekday, optionally after "يوم"; `loose` admits names that need a date beside them.
    /// Returns (weekday, end, start of the name).
    pub(super) fn weekday(&self, i: usize, loose: bool) -> Option<(u32, usize, usize)> {
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

    /// Weekdays: السبت, next Sunday, الأحد الماضي, الجمعة من الأسبوع المقبل, next week Friday,
    /// الخميس 21, Friday the 15th, الأحد الثاني (the second Sunday).
    pub(super) fn weekday_expr(&self, i: usize) -> Option<Cand> {
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
                && self.toks[e].kind == Kind::Word
                && !self.toks[e].text.is_ascii()
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
        if let Some((d, e2)) = self.day(k).filter(|_| {
            self.clock(k).is_none() && self.toks.get(k + 1).is_none_or(|tok| tok.text != "h")
        }) {
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
    pub(super) fn weekday_count(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn nth_weekday(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn bare_weekday(&self, i: usize) -> Option<(u32, usize, usize)> {
        let tok = self.toks.get(i).filter(|tok| tok.kind == Kind::Word)?;
        let w = crate::time::lexicon::lexicon().bare_weekday(tok.text)?;
        Some((w, i + 1, tok.range.start))
    }
}
