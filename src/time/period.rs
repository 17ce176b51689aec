//! Resolution of the periods named without a date (`Spec::Ref`, `Quarter`, `Season`,
//! `YearEarlier`, `Duration`), and the document pass that gives "the quarter" and "year-earlier"
//! the period the document spoke of last, and "that day" the day it named last. The rules are documented in docs/dates.md.

use super::calendar::{days_in_month, Day};
use super::lexicon::Unit;
use super::spec::{Spec, YearRef};

/// TimeML's value of a time named by its relation to the time of writing.
pub fn reference_value(k: i64) -> &'static str {
    match k.signum() {
        -1 => "PAST_REF",
        1 => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
}

/// ISO 8601 value of a length of time: "P2D", "P1M21D", "PT3H"; a part without a count is "X"
/// ("for years": "PXY"), as TimeML writes it.
pub fn duration_value(parts: &[(Unit, i64)]) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let n = |k: i64, scale: i64| {
        if k == 0 {
            "X".to_string()
        } else {
            (k.abs() * scale).to_string()
        }
    };
    let (mut date, mut time) = (String::new(), String::new());
    for &(unit, k) in parts {
        match unit {
            Unit::Decade => date += &format!("{}Y", n(k, 10)),
            Unit::Year => date += &format!("{}Y", n(k, 1)),
            Unit::Month => date += &format!("{}M", n(k, 1)),
            Unit::Week => date += &format!("{}W", n(k, 1)),
            Unit::Day => date += &format!("{}D", n(k, 1)),
            Unit::Hour => time += &format!("{}H", n(k, 1)),
        }
    }
    Some(if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    })
}

fn year_of(anchor: Option<Day>, y: YearRef) -> Option<i32> {
    match y {
        YearRef::Named(y) => Some(y),
        YearRef::Shifted(k) => Some(anchor?.year + k as i32),
    }
}

/// The quarter of the anchor shifted by `k` quarters.
fn shift_quarter(y: i32, q: u32, k: i64) -> (i32, u32) {
    let i = i64::from(y) * 4 + i64::from(q) - 1 + k;
    (i.div_euclid(4) as i32, (i.rem_euclid(4) + 1) as u32)
}

/// Which quarter of which year a quarter expression names.
pub fn quarter_of(
    anchor: Option<Day>,
    n: Option<u32>,
    year: Option<YearRef>,
    shift: Option<i64>,
) -> Option<(i32, u32)> {
    if let (Some(n), Some(y)) = (n, year) {
        return Some((year_of(anchor, y)?, n));
    }
    let a = anchor?;
    let aq = (a.month - 1) / 3 + 1;
    Some(match (n, shift) {
        // "last third quarter" is rare; the shift then counts years
        (Some(n), Some(k)) => (a.year + k as i32, n),
        // the latest such quarter begun by the anchor: reports speak of the past
        (Some(n), None) => (if n <= aq { a.year } else { a.year - 1 }, n),
        (None, Some(k)) => shift_quarter(a.year, aq, k),
        // "the quarter" with nothing before it in the document: the last complete one
        (None, None) => shift_quarter(a.year, aq, -1),
    })
}

/// A period from the first day of (y, m) to the last day of the month `len - 1` months later.
fn months_range(y: i32, m: u32, len: u32) -> Option<String> {
    let first = Day::new(y, m, 1)?;
    let (ey, em) = if m + len - 1 > 12 {
        (y + 1, m + len - 1 - 12)
    } else {
        (y, m + len - 1)
    };
    let last = Day::new(ey, em, days_in_month(ey, em))?;
    Some(format!("{}/{}", first.iso(), last.iso()))
}

pub fn quarter_value(y: i32, q: u32) -> Option<String> {
    months_range(y, 3 * q - 2, 3)
}

/// Which year's season `n` an expression names: a season runs from month 3n for three months
/// (winter into the next year). With no year: the latest begun by the anchor; "last": the
/// latest ended before it; "this": the one of the anchor's year (winter: the one the anchor is
/// in, or begins the year's end); "next": the first begun after it.
pub fn season_value(
    anchor: Option<Day>,
    n: u32,
    year: Option<YearRef>,
    shift: Option<i64>,
) -> Option<String> {
    let start = 3 * n;
    let y = match (year, shift) {
        (Some(y), _) => year_of(anchor, y)?,
        (None, shift) => {
            let a = anchor?;
            // months counted from year 0, to compare the anchor with a season's first and last
            let at = i64::from(a.year) * 12 + i64::from(a.month);
            let begin = |y: i32| i64::from(y) * 12 + i64::from(start);
            let latest_begun = if begin(a.year) <= at {
                a.year
            } else {
                a.year - 1
            };
            match shift.unwrap_or(0).signum() {
                -1 => {
                    if begin(latest_begun) + 2 < at {
                        latest_begun
                    } else {
                        latest_begun - 1
                    }
                }
                1 => latest_begun + 1,
                _ if shift.is_some() && n == 4 && a.month <= 2 => a.year - 1,
                _ if shift.is_some() => a.year,
                _ => latest_begun,
            }
        }
    };
    months_range(y, start, 3)
}

/// The day `spec` names, without its time of day, for "that day" to name again: a date with its
/// day, a weekday, a day counted from the anchor ("yesterday", "three days ago"). A weekday
/// printed beside "today" is left out (the copy would repeat a mismatch with the anchor).
fn day_of(spec: &Spec) -> Option<Spec> {
    match spec {
        Spec::Date {
            year,
            month,
            day: Some(day),
            weekday,
            dir,
            ..
        } => Some(Spec::Date {
            year: *year,
            month: *month,
            day: Some(*day),
            weekday: *weekday,
            clock: None,
            dir: *dir,
        }),
        Spec::Hijri { day: Some(_), .. }
        | Spec::Weekday { .. }
        | Spec::WeekdayCount { .. }
        | Spec::NthWeekday { .. }
        | Spec::Holiday { .. }
        | Spec::Ago {
            unit: Unit::Day, ..
        } => Some(spec.clone()),
        Spec::RelDay { offset, .. } => Some(Spec::RelDay {
            offset: *offset,
            weekday: None,
            clock: None,
        }),
        Spec::At(day, _) | Spec::Part(day, _) => day_of(day),
        _ => None,
    }
}

/// The period a document spoke of last, for "the quarter" and "year-earlier".
#[derive(Debug, Clone, Copy)]
enum Last {
    Quarter(i32, u32),
    Year(i32),
}

/// Give "the quarter" and "year-earlier" the period the document spoke of before them, in
/// text order: "the quarter" the last quarter named, "year-earlier" that quarter or year a year
/// back, and "a year ago" after a quarter that quarter a year back (results compared with
/// the year before's). The specs are rewritten, so that resolving them again keeps the reading.
pub fn link_anaphora<'s>(specs: impl Iterator<Item = &'s mut Spec>, anchor: Option<Day>) {
    let mut last: Option<Last> = None;
    let mut last_day: Option<Spec> = None;
    for spec in specs {
        // "that day", "the same day": the day named last
        if *spec == Spec::SameDay {
            if let Some(d) = &last_day {
                *spec = d.clone();
            }
            continue;
        }
        if let Some(d) = day_of(spec) {
            last_day = Some(d);
        }
        match (&*spec, last) {
            (
                Spec::Quarter {
                    n: None,
                    year: None,
                    shift: None,
                },
                Some(Last::Quarter(y, q)),
            ) => {
                *spec = Spec::Quarter {
                    n: Some(q),
                    year: Some(YearRef::Named(y)),
                    shift: None,
                };
            }
            (Spec::YearEarlier, Some(Last::Quarter(y, q))) => {
                *spec = Spec::Quarter {
                    n: Some(q),
                    year: Some(YearRef::Named(y - 1)),
                    shift: None,
                };
                continue;
            }
            // "a year ago", "a year earlier" after a quarter: that quarter a year back
            (
                Spec::Ago {
                    unit: Unit::Year,
                    n: -1,
                    extra_days: 0,
                },
                Some(Last::Quarter(y, q)),
            ) => {
                *spec = Spec::Quarter {
                    n: Some(q),
                    year: Some(YearRef::Named(y - 1)),
                    shift: None,
                };
                continue;
            }
            (Spec::YearEarlier, Some(Last::Year(y))) => {
                *spec = Spec::Year(y - 1);
                continue;
            }
            _ => {}
        }
        match spec {
            Spec::Quarter { n, year, shift } => {
                if let Some((y, q)) = quarter_of(anchor, *n, *year, *shift) {
                    last = Some(Last::Quarter(y, q));
                }
            }
            Spec::Year(y) => last = Some(Last::Year(*y)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<Day> {
        Day::parse_iso(s)
    }

    #[test]
    fn durations_in_iso_8601() {
        assert_eq!(duration_value(&[(Unit::Day, 3)]).as_deref(), Some("P3D"));
        assert_eq!(
            duration_value(&[(Unit::Month, 1), (Unit::Day, 21)]).as_deref(),
            Some("P1M21D")
        );
        assert_eq!(duration_value(&[(Unit::Year, 0)]).as_deref(), Some("PXY"));
        assert_eq!(duration_value(&[(Unit::Hour, 2)]).as_deref(), Some("PT2H"));
        assert_eq!(
            duration_value(&[(Unit::Decade, 2)]).as_deref(),
            Some("P20Y")
        );
    }

    #[test]
    fn quarters_of_a_report() {
        let a = day("1989-10-25");
        assert_eq!(quarter_of(a, Some(3), None, None), Some((1989, 3)));
        assert_eq!(quarter_of(a, Some(4), None, None), Some((1989, 4)));
        assert_eq!(
            quarter_of(day("1989-02-01"), Some(3), None, None),
            Some((1988, 3))
        );
        assert_eq!(quarter_of(a, None, None, None), Some((1989, 3)));
        assert_eq!(quarter_of(a, None, None, Some(1)), Some((1990, 1)));
        assert_eq!(
            quarter_of(a, Some(2), Some(YearRef::Shifted(-1)), None),
            Some((1988, 2))
        );
        assert_eq!(
            quarter_value(1989, 3).as_deref(),
            Some("1989-07-01/1989-09-30")
        );
    }

    #[test]
    fn seasons_around_the_anchor() {
        let a = day("1998-10-10");
        let v = |n, y, s| season_value(a, n, y, s);
        assert_eq!(
            v(2, None, Some(-1)).as_deref(),
            Some("1998-06-01/1998-08-31")
        );
        assert_eq!(
            v(3, None, Some(-1)).as_deref(),
            Some("1997-09-01/1997-11-30")
        );
        assert_eq!(
            v(4, None, Some(0)).as_deref(),
            Some("1998-12-01/1999-02-28")
        );
        assert_eq!(
            v(2, None, Some(1)).as_deref(),
            Some("1999-06-01/1999-08-31")
        );
        assert_eq!(v(2, None, None).as_deref(), Some("1998-06-01/1998-08-31"));
        assert_eq!(
            v(4, Some(YearRef::Named(1994)), None).as_deref(),
            Some("1994-12-01/1995-02-28")
        );
    }

    #[test]
    fn the_quarter_and_year_earlier_follow_the_document() {
        let a = day("1989-10-25");
        let mut specs = [
            Spec::Quarter {
                n: Some(3),
                year: None,
                shift: None,
            },
            Spec::YearEarlier,
            Spec::Quarter {
                n: None,
                year: None,
                shift: None,
            },
            Spec::Year(1987),
            Spec::YearEarlier,
        ];
        link_anaphora(specs.iter_mut(), a);
        let q = |n, y| Spec::Quarter {
            n: Some(n),
            year: Some(YearRef::Named(y)),
            shift: None,
        };
        assert_eq!(specs[1], q(3, 1988));
        assert_eq!(specs[2], q(3, 1989));
        assert_eq!(specs[4], Spec::Year(1986));
    }
}
