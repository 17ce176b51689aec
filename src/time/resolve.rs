//! Resolution: a recognised [`Spec`] and an anchor (the publication day) give an ISO 8601 value at
//! the precision of the text, and its grain. The rules are documented in docs/dates.md:
//! - a weekday alone is the latest such day on or before the anchor; with a future marker the
//!   next one on or after it; with الماضي/last strictly before, with المقبل/next strictly after;
//! - a month (or day and month) without a year takes the anchor's year when that is not after
//!   the anchor, else the year before; الماضي/last and المقبل/next and future tense move it;
//! - values keep the text's precision: "in May" is `2021-05`, "by 2024" is `2024`;
//! - with no anchor, anything relative is null.

use super::calendar::{days_in_month, Day};
use super::hijri;
use super::lexicon::{Holiday, Unit};
use super::period;
use super::spec::{Clock, Dir, MonthRef, Spec};
use crate::doc::Grain;

/// A resolved expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: Option<String>,
    pub grain: Grain,
    /// A weekday printed beside "today"/"yesterday" that does not fall on that day of the anchor.
    pub mismatch: bool,
}

fn ok(value: Option<String>, grain: Grain) -> Resolved {
    Resolved {
        value,
        grain,
        mismatch: false,
    }
}

fn with_clock(day: Day, clock: &Option<Clock>) -> (String, Grain) {
    match clock {
        Some(c) => (
            format!(
                "{}T{:02}:{:02}{}",
                day.iso(),
                c.hour,
                c.minute,
                c.offset.as_deref().unwrap_or("")
            ),
            Grain::Time,
        ),
        None => (day.iso(), Grain::Day),
    }
}

/// The month `n` months from (year, month).
fn shift_month(year: i32, month: u32, n: i64) -> (i32, u32) {
    let k = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u32)
}

/// The year of a month-day without one: compare (month, day) with the anchor's per `dir`.
fn year_for(anchor: Day, month: u32, day: u32, dir: Dir) -> i32 {
    let here = (month, day);
    let now = (anchor.month, if day == 0 { 0 } else { anchor.day });
    let y = anchor.year;
    match dir {
        // Nothing says: a report's past, or a day weeks ahead.
        Dir::Auto => report_year(anchor, month, day),
        Dir::Nearest => nearest_year(anchor, month, day),
        Dir::Future => {
            if here >= now {
                y
            } else {
                y + 1
            }
        }
        Dir::Past => {
            if here < now {
                y
            } else {
                y - 1
            }
        }
        Dir::Next => {
            if here > now {
                y
            } else {
                y + 1
            }
        }
    }
}

/// How far ahead of the anchor a day and month without a year may lie and still be this
/// year's: a report names a day weeks ahead (a vote, a deadline) without its year, but not a
/// day eleven months back.
const DAY_AHEAD: i64 = 62;

/// The year of a day and month without one, nothing saying which way: the anchor's when the
/// day is on or before the anchor or at most [`DAY_AHEAD`] days after it, else the year before.
/// A month alone (`day` 0) is the anchor's year's only when not after the anchor's month:
/// "May" in a report of late April is last May.
fn report_year(anchor: Day, month: u32, day: u32) -> i32 {
    let y = anchor.year;
    if day == 0 {
        return if month <= anchor.month { y } else { y - 1 };
    }
    let ahead = |y: i32| {
        Day::new(y, month, day.min(days_in_month(y, month))).map(|x| x.to_days() - anchor.to_days())
    };
    let within = |k: Option<i64>| k.is_some_and(|k| k <= DAY_AHEAD);
    if within(ahead(y + 1)) {
        // late December names early January: next year's
        y + 1
    } else if within(ahead(y)) {
        y
    } else {
        y - 1
    }
}

/// The year of a month (`day` 0) or day and month nearest the anchor, either way; on a tie the
/// anchor's year: "until September" in March is this September.
fn nearest_year(anchor: Day, month: u32, day: u32) -> i32 {
    let y = anchor.year;
    let distance = |c: i32| {
        if day == 0 {
            let months = |y: i32, m: u32| i64::from(y) * 12 + i64::from(m);
            (months(c, month) - months(y, anchor.month)).abs()
        } else {
            Day::new(c, month, day.min(days_in_month(c, month)))
                .map_or(i64::MAX, |d| (d.to_days() - anchor.to_days()).abs())
        }
    };
    [y, y + 1, y - 1]
        .into_iter()
        .min_by_key(|&c| distance(c))
        .unwrap_or(y)
}

/// The day with weekday `w` nearest the anchor in direction `dir`.
fn weekday_from(anchor: Day, w: u32, dir: Dir) -> Day {
    let back = (i64::from(anchor.weekday()) - i64::from(w)).rem_euclid(7);
    let fwd = (i64::from(w) - i64::from(anchor.weekday())).rem_euclid(7);
    match dir {
        // only months are read as deadlines (`Dir::Nearest`)
        Dir::Auto | Dir::Nearest => anchor.add_days(-back),
        Dir::Future => anchor.add_days(fwd),
        Dir::Past => anchor.add_days(-(if back == 0 { 7 } else { back })),
        Dir::Next => anchor.add_days(if fwd == 0 { 7 } else { fwd }),
    }
}

/// Monday of the anchor's ISO week.
fn monday(anchor: Day) -> Day {
    anchor.add_days(1 - i64::from(anchor.weekday()))
}

fn month_iso(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// Resolve `spec` against `anchor`.
pub fn resolve(spec: &Spec, anchor: Option<Day>) -> Resolved {
    match spec {
        Spec::Date {
            year,
            month,
            day,
            weekday,
            clock,
            dir,
        } => date(
            anchor,
            DateParts {
                year: *year,
                month: *month,
                day: *day,
                weekday: *weekday,
                clock,
                dir: *dir,
            },
        ),
        Spec::Hijri { year, month, day } => hijri_value(*year, *month, *day),
        Spec::Year(y) => ok(Some(format!("{y:04}")), Grain::Year),
        Spec::Decade(y) => ok(Some(format!("{:04}/{:04}", y, y + 9)), Grain::Range),
        Spec::Duration(parts) => ok(period::duration_value(parts), Grain::Duration),
        Spec::Ref(k) => ok(
            Some(period::reference_value(*k).to_string()),
            Grain::Reference,
        ),
        Spec::Quarter { n, year, shift } => ok(
            period::quarter_of(anchor, *n, *year, *shift)
                .and_then(|(y, q)| period::quarter_value(y, q)),
            Grain::Range,
        ),
        Spec::Season { n, year, shift } => ok(
            period::season_value(anchor, *n, *year, *shift),
            Grain::Range,
        ),
        Spec::At(day, c) => {
            let r = resolve(day, anchor);
            match r.value.as_deref().and_then(Day::parse_iso) {
                Some(d) if r.grain == Grain::Day => {
                    ok(Some(with_clock(d, &Some(c.clone())).0), Grain::Time)
                }
                _ => r,
            }
        }
        Spec::Part(day, part) => {
            let r = resolve(day, anchor);
            match r.value {
                Some(v) if r.grain == Grain::Day => Resolved {
                    value: Some(format!("{v}T{}", part.code())),
                    grain: Grain::Time,
                    mismatch: r.mismatch,
                },
                _ => r,
            }
        }
        // no day named before it
        Spec::SameDay => ok(None, Grain::Day),
        Spec::Holiday { day, year, dir } => {
            ok(holiday(anchor, *day, *year, *dir).map(Day::iso), Grain::Day)
        }
        // left unlinked to a period of the document: the year before the anchor's
        Spec::YearEarlier => rel_unit(anchor, Unit::Year, -1),
        Spec::RelDay {
            offset,
            weekday,
            clock,
        } => rel_day(anchor, *offset, *weekday, clock),
        Spec::Weekday { weekday, dir, week } => weekday_in_week(anchor, *weekday, *dir, *week),
        Spec::WeekdayCount { weekday, n } => weekday_count(anchor, *weekday, *n),
        Spec::NthWeekday {
            n,
            weekday,
            month,
            year,
        } => {
            let Some((y, m)) = month_of(anchor, *month, *year) else {
                return ok(None, Grain::Day);
            };
            ok(nth_weekday(y, m, *n, *weekday).map(Day::iso), Grain::Day)
        }
        Spec::RelUnit { unit, shift } => rel_unit(anchor, *unit, *shift),
        Spec::MonthOfYear { shift, month } => match anchor {
            Some(a) => ok(
                Some(month_iso(a.year + *shift as i32, *month)),
                Grain::Month,
            ),
            None => ok(None, Grain::Month),
        },
        Spec::Ago {
            unit,
            n,
            extra_days,
        } => ago(anchor, *unit, *n, *extra_days),
        Spec::Time(c) => {
            let Some(a) = anchor else {
                return ok(None, Grain::Time);
            };
            ok(Some(with_clock(a, &Some(c.clone())).0), Grain::Time)
        }
        Spec::Range(from, to) => range(anchor, from, to),
    }
}

/// A day counted from the anchor ("اليوم", "أمس"); a weekday printed beside it that the day
/// does not fall on is a mismatch.
fn rel_day(
    anchor: Option<Day>,
    offset: i64,
    weekday: Option<u32>,
    clock: &Option<Clock>,
) -> Resolved {
    let grain = if clock.is_some() {
        Grain::Time
    } else {
        Grain::Day
    };
    let Some(a) = anchor else {
        return ok(None, grain);
    };
    let d = a.add_days(offset);
    let (v, g) = with_clock(d, clock);
    Resolved {
        value: Some(v),
        grain: g,
        mismatch: weekday.is_some_and(|w| w != d.weekday()),
    }
}

/// A weekday, in the week `week` weeks from the anchor's when the text names one, else the
/// nearest in direction `dir`.
fn weekday_in_week(anchor: Option<Day>, weekday: u32, dir: Dir, week: Option<i64>) -> Resolved {
    let Some(a) = anchor else {
        return ok(None, Grain::Day);
    };
    let d = match week {
        // "this Monday" said of the future when this week's Monday is past: the next one.
        Some(0) if dir == Dir::Future => {
            let d = monday(a).add_days(i64::from(weekday) - 1);
            if d < a {
                d.add_days(7)
            } else {
                d
            }
        }
        Some(k) => monday(a).add_days(7 * k + i64::from(weekday) - 1),
        None => weekday_from(a, weekday, dir),
    };
    ok(Some(d.iso()), Grain::Day)
}

/// The n-th such weekday after the anchor (n > 0) or before it (n < 0).
fn weekday_count(anchor: Option<Day>, weekday: u32, n: i64) -> Resolved {
    let Some(a) = anchor else {
        return ok(None, Grain::Day);
    };
    let d = if n > 0 {
        weekday_from(a, weekday, Dir::Next).add_days(7 * (n - 1))
    } else {
        weekday_from(a, weekday, Dir::Past).add_days(7 * (n + 1))
    };
    ok(Some(d.iso()), Grain::Day)
}

/// From one expression to another: "2021-05-20/2021-05-31".
fn range(anchor: Option<Day>, from: &Spec, to: &Spec) -> Resolved {
    let a = resolve(from, anchor);
    let b = match (
        from,
        to,
        a.value
            .as_deref()
            .and_then(|v| v.get(..4)?.parse::<i32>().ok()),
    ) {
        // A year-less end takes the start's year ("from 20 to 31 May"), or the next one.
        (
            Spec::Date {
                year: None,
                month: Some(MonthRef::Named(m1)),
                ..
            },
            Spec::Date {
                year: None,
                month: Some(MonthRef::Named(m2)),
                day,
                clock,
                ..
            },
            Some(y),
        ) => {
            let y = if m2 < m1 { y + 1 } else { y };
            date(
                anchor,
                DateParts {
                    year: Some(y),
                    month: Some(MonthRef::Named(*m2)),
                    day: *day,
                    weekday: None,
                    clock,
                    dir: Dir::Auto,
                },
            )
        }
        _ => resolve(to, anchor),
    };
    let v = match (a.value, b.value) {
        (Some(x), Some(y)) => Some(format!("{x}/{y}")),
        _ => None,
    };
    ok(v, Grain::Range)
}

fn month_of(anchor: Option<Day>, month: MonthRef, year: Option<i32>) -> Option<(i32, u32)> {
    match (month, year) {
        (MonthRef::Named(m), Some(y)) => Some((y, m)),
        (MonthRef::Named(m), None) => Some((anchor?.year, m)),
        (MonthRef::Shifted(n), _) => {
            let a = anchor?;
            Some(shift_month(a.year, a.month, n))
        }
    }
}

/// A holiday's day: in the year given, else the one around the anchor the direction says, as
/// for a day and month without a year (with nothing said, the latest one at most
/// [`DAY_AHEAD`] days after the anchor).
fn holiday(anchor: Option<Day>, h: Holiday, year: Option<i32>, dir: Dir) -> Option<Day> {
    let on = |y: i32| match h {
        Holiday::Fixed(m, d) => Day::new(y, m, d),
        Holiday::Nth(m, n, w) => nth_weekday(y, m, n, w),
    };
    if let Some(y) = year {
        return on(y);
    }
    let a = anchor?;
    let ahead = |d: &Day| d.to_days() - a.to_days();
    let days = (a.year - 1..=a.year + 1).filter_map(on);
    match dir {
        Dir::Auto => days.filter(|d| ahead(d) <= DAY_AHEAD).max(),
        Dir::Future => days.filter(|d| ahead(d) >= 0).min(),
        Dir::Next => days.filter(|d| ahead(d) > 0).min(),
        Dir::Past => days.filter(|d| ahead(d) < 0).max(),
        Dir::Nearest => days.min_by_key(|d| ahead(d).abs()),
    }
}

fn nth_weekday(y: i32, m: u32, n: i32, w: u32) -> Option<Day> {
    if n < 0 {
        let last = Day::new(y, m, days_in_month(y, m))?;
        let back = (i64::from(last.weekday()) - i64::from(w)).rem_euclid(7);
        return Some(last.add_days(-back));
    }
    let first = Day::new(y, m, 1)?;
    let fwd = (i64::from(w) - i64::from(first.weekday())).rem_euclid(7);
    let d = first.add_days(fwd + 7 * i64::from(n - 1));
    (d.month == m).then_some(d)
}

/// A calendar date as the text gives it, possibly partial: the fields of [`Spec::Date`].
#[derive(Debug, Clone, Copy)]
struct DateParts<'a> {
    year: Option<i32>,
    month: Option<MonthRef>,
    day: Option<u32>,
    weekday: Option<u32>,
    clock: &'a Option<Clock>,
    dir: Dir,
}

/// A calendar date: the anchor supplies what the text leaves out.
fn date(anchor: Option<Day>, parts: DateParts) -> Resolved {
    let DateParts {
        year,
        month,
        day,
        weekday,
        clock,
        dir,
    } = parts;
    let grain = match (day, clock) {
        (Some(_), Some(_)) => Grain::Time,
        (Some(_), None) => Grain::Day,
        _ => Grain::Month,
    };
    let (y, m) = match (year, month) {
        (Some(y), Some(MonthRef::Named(m))) => (y, m),
        (None, Some(MonthRef::Named(m))) => match anchor {
            Some(a) => (year_for(a, m, day.unwrap_or(0), dir), m),
            None => return ok(None, grain),
        },
        (_, Some(MonthRef::Shifted(n))) => match anchor {
            Some(a) => shift_month(a.year, a.month, n),
            None => return ok(None, grain),
        },
        (_, None) => return day_of_month(anchor, parts),
    };
    // A weekday printed with a day and month but no year ("Fri, Jul 18"): the nearest year,
    // in the direction of the text, where that day falls on that weekday.
    let y = match (year, day, weekday) {
        (None, Some(d), Some(w)) if Day::new(y, m, d).is_some_and(|x| x.weekday() != w) => {
            let step = if matches!(dir, Dir::Future | Dir::Next) {
                1
            } else {
                -1
            };
            (1..=6)
                .flat_map(|k| [y + step * k, y - step * k])
                .find(|&c| Day::new(c, m, d).is_some_and(|x| x.weekday() == w))
                .unwrap_or(y)
        }
        _ => y,
    };
    // 29 February without a year: the nearest leap year in the direction of the text.
    let y = match (year, day) {
        (None, Some(d)) if Day::new(y, m, d).is_none() => {
            let step = if matches!(dir, Dir::Future | Dir::Next) {
                1
            } else {
                -1
            };
            (1..=8)
                .map(|k| y + step * k)
                .find(|&c| Day::new(c, m, d).is_some())
                .unwrap_or(y)
        }
        _ => y,
    };
    match day {
        None => ok(Some(month_iso(y, m)), Grain::Month),
        Some(d) => match Day::new(y, m, d) {
            Some(day) => {
                let (v, g) = with_clock(day, clock);
                ok(Some(v), g)
            }
            None => ok(None, grain),
        },
    }
}

/// A day of the month without its month ("the 27th", "الخميس 21"): the anchor's month, or the
/// month before or after it where the printed weekday falls on that day; when the text speaks of
/// the future, the next such month within a year.
fn day_of_month(anchor: Option<Day>, parts: DateParts) -> Resolved {
    let DateParts {
        day,
        weekday,
        clock,
        dir,
        ..
    } = parts;
    let grain = if clock.is_some() {
        Grain::Time
    } else {
        Grain::Day
    };
    let (Some(a), Some(d)) = (anchor, day) else {
        return ok(None, grain);
    };
    let candidate = |n: i64| {
        let (y, m) = shift_month(a.year, a.month, n);
        Day::new(y, m, d)
    };
    // Said of the future: this month or the next ones within a year ("Thursday the 15th").
    let future = matches!(dir, Dir::Future | Dir::Next);
    let months: Vec<i64> = if future {
        (0..=12).collect()
    } else {
        vec![0, -1, 1]
    };
    let pick = match weekday {
        Some(w) => months
            .into_iter()
            .filter_map(candidate)
            .find(|x| x.weekday() == w),
        None => None,
    }
    .or(candidate(0));
    ok(pick.map(|x| with_clock(x, clock).0), grain)
}

fn hijri_value(year: i32, month: u32, day: Option<u32>) -> Resolved {
    match day {
        Some(d) => ok(
            hijri::to_gregorian(year, month, d).map(Day::iso),
            Grain::Day,
        ),
        None => {
            let start = hijri::to_gregorian(year, month, 1);
            let end = hijri::to_gregorian(year, month, hijri::month_length(year, month));
            let v = start
                .zip(end)
                .map(|(s, e)| format!("{}/{}", s.iso(), e.iso()));
            ok(v, Grain::Range)
        }
    }
}

fn rel_unit(anchor: Option<Day>, unit: Unit, shift: i64) -> Resolved {
    let grain = match unit {
        Unit::Hour | Unit::Day => Grain::Day,
        Unit::Week | Unit::Decade => Grain::Range,
        Unit::Month => Grain::Month,
        Unit::Year => Grain::Year,
    };
    let Some(a) = anchor else {
        return ok(None, grain);
    };
    let v = match unit {
        Unit::Hour | Unit::Day => a.add_days(shift).iso(),
        Unit::Week => {
            let m = monday(a).add_days(7 * shift);
            format!("{}/{}", m.iso(), m.add_days(6).iso())
        }
        Unit::Month => {
            let (y, m) = shift_month(a.year, a.month, shift);
            month_iso(y, m)
        }
        Unit::Year => format!("{:04}", i64::from(a.year) + shift),
        Unit::Decade => {
            let y = i64::from(a.year).div_euclid(10) * 10 + 10 * shift;
            format!("{:04}/{:04}", y, y + 9)
        }
    };
    ok(Some(v), grain)
}

fn ago(anchor: Option<Day>, unit: Unit, n: i64, extra_days: i64) -> Resolved {
    let precise = extra_days != 0;
    let grain = match unit {
        Unit::Month if !precise => Grain::Month,
        Unit::Year | Unit::Decade if !precise => Grain::Year,
        _ => Grain::Day,
    };
    let Some(a) = anchor else {
        return ok(None, grain);
    };
    let months = match unit {
        Unit::Month => n,
        Unit::Year => 12 * n,
        Unit::Decade => 120 * n,
        _ => 0,
    };
    let days = match unit {
        Unit::Day => n,
        Unit::Week => 7 * n,
        _ => 0,
    } + extra_days;
    let (y, m) = shift_month(a.year, a.month, months);
    let v = match grain {
        Grain::Month => month_iso(y, m),
        Grain::Year => format!("{y:04}"),
        _ => {
            let d = Day::new(y, m, a.day.min(days_in_month(y, m))).unwrap_or(a);
            d.add_days(days).iso()
        }
    };
    ok(Some(v), grain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a() -> Option<Day> {
        Day::new(2021, 12, 26) // a Sunday
    }

    fn v(spec: Spec) -> Option<String> {
        resolve(&spec, a()).value
    }

    fn month(m: u32, dir: Dir) -> Spec {
        Spec::Date {
            year: None,
            month: Some(MonthRef::Named(m)),
            day: None,
            weekday: None,
            clock: None,
            dir,
        }
    }

    #[test]
    fn weekdays_follow_tense_and_shift_words() {
        let w = |weekday, dir| Spec::Weekday {
            weekday,
            dir,
            week: None,
        };
        assert_eq!(v(w(7, Dir::Auto)).unwrap(), "2021-12-26");
        assert_eq!(v(w(6, Dir::Auto)).unwrap(), "2021-12-25");
        assert_eq!(v(w(2, Dir::Future)).unwrap(), "2021-12-28");
        assert_eq!(v(w(7, Dir::Past)).unwrap(), "2021-12-19");
        assert_eq!(v(w(7, Dir::Next)).unwrap(), "2022-01-02");
        assert_eq!(
            v(Spec::Weekday {
                weekday: 5,
                dir: Dir::Auto,
                week: Some(1)
            })
            .unwrap(),
            "2021-12-31"
        );
    }

    #[test]
    fn months_without_a_year() {
        assert_eq!(v(month(5, Dir::Auto)).unwrap(), "2021-05");
        assert_eq!(v(month(12, Dir::Auto)).unwrap(), "2021-12");
        assert_eq!(v(month(12, Dir::Past)).unwrap(), "2020-12");
        assert_eq!(v(month(10, Dir::Next)).unwrap(), "2022-10");
        assert_eq!(v(month(3, Dir::Future)).unwrap(), "2022-03");
    }

    #[test]
    fn today_checks_the_weekday() {
        let r = resolve(
            &Spec::RelDay {
                offset: 0,
                weekday: Some(7),
                clock: None,
            },
            a(),
        );
        assert_eq!(
            (r.value.as_deref(), r.mismatch),
            (Some("2021-12-26"), false)
        );
        let r = resolve(
            &Spec::RelDay {
                offset: 0,
                weekday: Some(1),
                clock: None,
            },
            a(),
        );
        assert_eq!((r.value.as_deref(), r.mismatch), (Some("2021-12-26"), true));
    }

    #[test]
    fn no_anchor_no_relative_value() {
        assert_eq!(resolve(&month(5, Dir::Auto), None).value, None);
        assert_eq!(
            resolve(
                &Spec::RelUnit {
                    unit: Unit::Year,
                    shift: 1
                },
                None
            )
            .value,
            None
        );
        assert_eq!(resolve(&Spec::Year(2024), None).value.unwrap(), "2024");
    }

    #[test]
    fn units_and_distances() {
        assert_eq!(
            v(Spec::RelUnit {
                unit: Unit::Year,
                shift: 1
            })
            .unwrap(),
            "2022"
        );
        assert_eq!(
            v(Spec::RelUnit {
                unit: Unit::Month,
                shift: -1
            })
            .unwrap(),
            "2021-11"
        );
        assert_eq!(
            v(Spec::RelUnit {
                unit: Unit::Week,
                shift: -1
            })
            .unwrap(),
            "2021-12-13/2021-12-19"
        );
        assert_eq!(
            v(Spec::Ago {
                unit: Unit::Day,
                n: -3,
                extra_days: 0
            })
            .unwrap(),
            "2021-12-23"
        );
        assert_eq!(
            v(Spec::Ago {
                unit: Unit::Year,
                n: -2,
                extra_days: 0
            })
            .unwrap(),
            "2019"
        );
        assert_eq!(
            v(Spec::NthWeekday {
                n: 1,
                weekday: 5,
                month: MonthRef::Named(7),
                year: Some(2016)
            })
            .unwrap(),
            "2016-07-01"
        );
    }
}
