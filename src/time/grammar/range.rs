//! Ranges for the date grammar: "from 20 to 31 May", "بين 5 و7 مارس", "from August 31 to
//! September 14", "13-15 July", "من 2010 إلى 2015", "from May to July". Each end is read as a
//! calendar point, and the ends complete each other.

use super::{Calendar, Candidate, Dir, MonthName, MonthRef, Parser, Point, Prep, Spec};
use crate::lang::ar;

impl Parser<'_> {
    /// Ranges: "from 20 to 31 May", "بين 5 و7 مارس", "from August 31 to September 14",
    /// "13-15 July", "من 2010 إلى 2015", "from May to July".
    pub(super) fn range(&self, i: usize) -> Option<Candidate> {
        let from = self.prep(i, Prep::From);
        let j = from.unwrap_or(i);
        let (a, e) = self.range_point(j)?;
        let dash = self.punct(e, &["-", "–"]);
        let k = if dash {
            e + 1
        } else if from.is_some() {
            let k = self.prep(e, Prep::To).or_else(|| {
                self.toks
                    .get(e)
                    .filter(|tok| tok.text == ar::WA)
                    .map(|_| e + 1)
            })?;
            // "و7": the conjunction written onto the number is its own token.
            k
        } else {
            let k = self.prep(e, Prep::To)?;
            if self.toks[e].text == ar::WA || self.toks[e].text == "and" {
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
        let start = self.hits[j]
            .first()
            .filter(|_| from.is_none())
            .map_or(start, |hit| hit.start.max(start));
        let dir = self.dir_of(None, i, e2);
        let (sa, sb) = (self.point_spec(a, dir)?, self.point_spec(b, dir)?);
        Some(Candidate {
            start,
            end: e2,
            spec: Spec::Range(Box::new(sa), Box::new(sb)),
        })
    }

    /// One end of a range: a date, a month (with its year), a year, or a bare day.
    fn range_point(&self, i: usize) -> Option<(Point, usize)> {
        if let Some(c) = self.core(i) {
            return Some(c);
        }
        if let Some(MonthName {
            calendar: cal,
            month: m,
            end: e,
            ..
        }) = self.month(i)
        {
            return Some((
                Point {
                    month: Some(MonthRef::Named(m)),
                    hijri: cal == Calendar::Hijri,
                    ..Point::default()
                },
                e,
            ));
        }
        if let Some((y, false, e)) = self.year(i, false) {
            return Some((
                Point {
                    year: Some(y),
                    ..Point::default()
                },
                e,
            ));
        }
        let (d, e) = self.day(i)?;
        Some((
            Point {
                day: Some(d),
                ..Point::default()
            },
            e,
        ))
    }

    fn point_spec(&self, p: Point, dir: Dir) -> Option<Spec> {
        match (p.year, p.month, p.day) {
            (Some(y), None, None) => Some(Spec::Year(y)),
            (_, Some(_), _) => self.date_spec(p, None, None, dir),
            _ => None,
        }
    }
}

/// Complete the ends of a range from each other: "from 20 to 31 May" gives the 20th May too.
fn fill(mut a: Point, mut b: Point) -> Option<(Point, Point)> {
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
