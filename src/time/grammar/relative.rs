//! Time counted from publication for the date grammar: days (اليوم, أمس, the day after
//! tomorrow) with a part of the day (صباح اليوم), a hedge (في وقت سابق اليوم) and the weekday
//! printed beside them (اليوم الأحد); units shifted (العام المقبل, last week, هذا العام، في مايو);
//! distances (منذ ثلاثة أيام, two days ago) and lengths of time (يومين, the past four years).

use super::{
    Calendar, Candidate, Clock, Count, Kind, MonthName, NumKind, Parser, Pos, Prep, Spec, Unit,
    Word,
};
use crate::time::lexicon::{DayPart, Half};

/// Counted units read one after another: each (unit, count; 0 for a plural without one), their
/// sum in months and in days, and the token after them.
struct Amount {
    parts: Vec<(Unit, i64)>,
    months: i64,
    days: i64,
    end: usize,
}

impl Parser<'_> {
    /// "هذا الشهر", "next month", "الشهر المقبل": the month's shift from the anchor's.
    pub(super) fn month_ref(&self, i: usize) -> Option<(i64, usize)> {
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

    /// Days counted from publication: اليوم, أمس, صباح اليوم, في وقت سابق اليوم, اليوم الأحد,
    /// yesterday morning, today at 3 pm.
    pub(super) fn rel_day(&self, i: usize) -> Option<Candidate> {
        let part = self.word(i, |w| matches!(w, Word::Part(_)).then_some(()));
        // "tonight" is a part of the day and a day: read as the day when no day follows it.
        let day_at = |j: usize| {
            let hedge = self.word(j, |w| (w == Word::Hedge).then_some(()));
            let j = hedge.as_ref().map_or(j, |hedge| hedge.1);
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
        let day_part = self.part_within(i, e);
        let (pm, am) = (
            day_part.is_some_and(|p| p.half() == Half::Pm),
            day_part.is_some_and(|p| p.half() == Half::Am),
        );
        let start = if part.is_some() || hedge {
            self.lead(i)
        } else {
            s
        };
        // "اليوم 6 مايو": a date after it.
        let k = self.opt_punct(e, &[",", "،"]);
        if let Some(c) = self.absolute(k) {
            return Some(Candidate {
                start,
                end: c.end,
                spec: c.spec,
            });
        }
        let mut weekday = None;
        if let Some(name) = self.weekday(k, false) {
            weekday = Some(name.weekday);
            e = name.end;
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
        let no_clock = clock.is_none();
        let day = Spec::RelDay {
            offset,
            weekday,
            clock,
        };
        // "صباح اليوم", "yesterday evening", "tonight": the part of the day, unless a clock
        // time says more
        let spec = match day_part {
            Some(p) if no_clock => Spec::Part(Box::new(day), p),
            _ => day,
        };
        Some(Candidate {
            start,
            end: e,
            spec,
        })
    }

    /// "that day", "the same day", "earlier that day", "في اليوم نفسه": the day named last.
    pub(super) fn same_day(&self, i: usize) -> Option<Candidate> {
        let hedge = self.word(i, |w| (w == Word::Hedge).then_some(()));
        let j = hedge.as_ref().map_or(i, |h| h.1);
        let (_, end, start) = self.word(j, |w| (w == Word::SameDay).then_some(()))?;
        Some(Candidate {
            start: if hedge.is_some() { self.lead(i) } else { start },
            end,
            spec: Spec::SameDay,
        })
    }

    /// The first part of the day read in tokens `i..e`.
    fn part_within(&self, i: usize, e: usize) -> Option<DayPart> {
        (i..e).find_map(|k| {
            self.hits[k].iter().find_map(|hit| match hit.word {
                Word::Part(p) => Some(p),
                _ => None,
            })
        })
    }

    /// "at 8" after a part of the day: an hour from 1 to 12, nothing after it but punctuation.
    pub(super) fn hour_in_part(&self, e: usize) -> Option<(Clock, usize)> {
        let j = self.opt_punct(e, &[","]);
        self.prep(j, Prep::Clock)?;
        let (h, n) = self.num(j + 1)?;
        let after = self.toks.get(j + 2);
        let alone = after
            .is_none_or(|tok| tok.kind == Kind::Punct && tok.text != ":" && tok.text != ".")
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

    /// Units shifted: "العام المقبل", "this year", "الشهر الجاري", "last week", "earlier this
    /// month", "هذا العام، في مايو"; and plural units shifted, which are lengths of time:
    /// "السنوات الأربع الماضية", "the past two years", "الشهور الماضية".
    pub(super) fn unit_rel(&self, i: usize) -> Option<Candidate> {
        let hedge = self.word(i, |w| (w == Word::Hedge).then_some(()));
        let j = hedge
            .as_ref()
            .map_or(i, |hedge| self.opt_prep(hedge.1, Prep::Of));
        let start = self.lead(i);
        // English: shift before the unit, with an optional count: "the past two years", and
        // "fiscal" kept inside: "this fiscal year".
        let (unit, count, n, shift, e) = if let Some((k, e)) = self.shift(j, Pos::Pre) {
            let n = self.count(e);
            let k2 = self.fiscal(n.map_or(e, |x| x.1));
            let ((u, c), e2, _) = self.word(k2, unit_word)?;
            (u, c, n.map(|x| x.0), k, e2)
        } else {
            let ((u, c), e, _) = self.word(j, unit_word)?;
            let n = self.count(e);
            let k2 = self.fiscal(n.map_or(e, |x| x.1));
            let (k, e2) = self.shift(k2, Pos::Post)?;
            (u, c, n.map(|x| x.0), k, e2)
        };
        if n.is_some() || count != Count::One {
            // "the past two years": the count read; "الشهور الماضية": none given
            let n = n.unwrap_or(if count == Count::Two { 2 } else { 0 });
            return Some(Candidate {
                start,
                end: e,
                spec: Spec::Duration(vec![(unit, n)]),
            });
        }
        // "هذا العام، في مايو": a month of that year.
        if unit == Unit::Year {
            let k = self.opt_punct(e, &[",", "،"]);
            let k = self.opt_prep(k, Prep::DayOn);
            if let Some(MonthName {
                calendar: Calendar::Gregorian,
                month: m,
                end: e2,
                ..
            }) = self.month(k)
            {
                return Some(Candidate {
                    start,
                    end: e2,
                    spec: Spec::MonthOfYear { shift, month: m },
                });
            }
        }
        Some(Candidate {
            start,
            end: e,
            spec: Spec::RelUnit { unit, shift },
        })
    }

    /// Distances and lengths: "منذ ثلاثة أيام", "قبل يومين", "two days ago", "in 3 weeks",
    /// "1 month and 21 days ago", "يومين", "for two weeks".
    pub(super) fn ago(&self, i: usize) -> Option<Candidate> {
        let pre = self.word(i, |w| match w {
            Word::Ago(k, Pos::Pre) => Some(k),
            _ => None,
        });
        let span_pre = self.prep(i, Prep::Span);
        let amount = self.amount(pre.map_or(span_pre.unwrap_or(i), |p| p.1), pre.is_some());
        let j = amount.end;
        if pre.is_none() && span_pre.is_none() {
            if let Some(cand) = self.counted_from_day(i, &amount) {
                return Some(cand);
            }
        }
        let parts = &amount.parts;
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
            return explicit.then(|| Candidate {
                start: self.lead(i),
                end: j,
                spec: Spec::Duration(parts.clone()),
            });
        };
        // "منذ سنوات": for years, a length.
        if parts.iter().any(|p| p.1 == 0) {
            return Some(Candidate {
                start: self.lead(i),
                end,
                spec: Spec::Duration(parts.clone()),
            });
        }
        let spec = if parts.len() == 1 {
            Spec::Ago {
                unit: first_unit,
                n: sign * parts[0].1,
                extra_days: 0,
            }
        } else if amount.months != 0 {
            Spec::Ago {
                unit: Unit::Month,
                n: sign * amount.months,
                extra_days: sign * amount.days,
            }
        } else {
            Spec::Ago {
                unit: Unit::Day,
                n: sign * amount.days,
                extra_days: 0,
            }
        };
        Some(Candidate {
            start: self.lead(i),
            end,
            spec,
        })
    }

    /// Counted units one after another from token `j` ("1 month and 21 days", "3 weeks, 2
    /// days"); the first may be a unit without a count when `single_ok`.
    fn amount(&self, mut j: usize, single_ok: bool) -> Amount {
        let (mut months, mut days, mut parts) = (0i64, 0i64, Vec::new());
        while let Some((unit, n, e)) = self.counted(j, single_ok || !parts.is_empty()) {
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
        Amount {
            parts,
            months,
            days,
            end: j,
        }
    }

    /// An amount counted from a day: "two days from tomorrow", "three weeks after today", "two
    /// days before yesterday".
    fn counted_from_day(&self, i: usize, amount: &Amount) -> Option<Candidate> {
        let (dir, e, _) = self.word(amount.end, |w| match w {
            Word::RelTo(k) => Some(k),
            _ => None,
        })?;
        let (base, e2, _) = self.word(e, |w| match w {
            Word::Day(n) => Some(n),
            _ => None,
        })?;
        let (months, days) = (amount.months, amount.days);
        let spec = if months == 0 {
            Spec::RelDay {
                offset: base + dir * days,
                weekday: None,
                clock: None,
            }
        } else {
            let whole_years = months % 12 == 0 && days == 0;
            Spec::Ago {
                unit: if whole_years { Unit::Year } else { Unit::Month },
                n: dir * if whole_years { months / 12 } else { months },
                extra_days: base + dir * days,
            }
        };
        Some(Candidate {
            start: self.lead(i),
            end: e2,
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
}

fn unit_word(w: Word) -> Option<(Unit, Count)> {
    match w {
        Word::Unit(u, c) => Some((u, c)),
        _ => None,
    }
}
