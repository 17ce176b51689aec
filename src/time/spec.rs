//! What a time expression says, before it is resolved against a publication day: the output of
//! recognition and the input of resolution, so that a later stage can resolve the same
//! expressions again against another anchor (a sister report's date).

use super::lexicon::{DayPart, Holiday, Unit};

/// Which way an expression with missing parts points from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    /// Nothing says: news reports the past, so the latest such day on or before the anchor.
    Auto,
    /// A future tense or marker (سـ, سوف, will): the next one on or after the anchor.
    Future,
    /// الماضي, last: strictly before the anchor.
    Past,
    /// المقبل, next: strictly after the anchor.
    Next,
    /// A deadline or the end of a stretch (by May, until May, حتى مايو): the month nearest the
    /// anchor either way (given to months and days of a month only).
    Nearest,
}

/// A clock time: hour on 24 h, minute, and an offset ("Z", "+02:00") when the text gives one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub offset: Option<String>,
}

/// Which month a day belongs to when the text names it relatively ("20 من الشهر المقبل").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonthRef {
    Named(u32),
    /// The anchor's month shifted by n.
    Shifted(i64),
}

/// The meaning of one expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Spec {
    /// A calendar date, possibly partial: "26 December 2021", "12 أكتوبر المقبل", "May", "the 27th".
    Date {
        year: Option<i32>,
        month: Option<MonthRef>,
        day: Option<u32>,
        weekday: Option<u32>,
        clock: Option<Clock>,
        dir: Dir,
    },
    /// A Hijri date, converted when resolved; without a day it is the month as a range.
    Hijri {
        year: i32,
        month: u32,
        day: Option<u32>,
    },
    /// A year: "2024", "عام 2024".
    Year(i32),
    /// A decade: "the 1990s", "التسعينيات".
    Decade(i32),
    /// A day counted from the anchor ("اليوم", "أمس"), with the weekday printed beside it, if any.
    RelDay {
        offset: i64,
        weekday: Option<u32>,
        clock: Option<Clock>,
    },
    /// A weekday, optionally within a week counted from the anchor's ("Friday next week").
    Weekday {
        weekday: u32,
        dir: Dir,
        week: Option<i64>,
    },
    /// The n-th such weekday after the anchor (n > 0) or before it (n < 0): "3 Fridays from
    /// now", "two Thursdays ago", "Friday after next".
    WeekdayCount { weekday: u32, n: i64 },
    /// The n-th weekday of a month (n = -1: the last).
    NthWeekday {
        n: i32,
        weekday: u32,
        month: MonthRef,
        year: Option<i32>,
    },
    /// The unit containing the anchor, shifted: "last week", "الشهر الجاري", "next year".
    RelUnit { unit: Unit, shift: i64 },
    /// A distance from the anchor: "three days ago", "بعد يومين" (signed, in units).
    Ago { unit: Unit, n: i64, extra_days: i64 },
    /// A named month in a year counted from the anchor's: "هذا العام، في مايو".
    MonthOfYear { shift: i64, month: u32 },
    /// A clock time alone, on the anchor's day.
    Time(Clock),
    /// From one expression to another.
    Range(Box<Spec>, Box<Spec>),
    /// A length of time as (unit, count) parts, count 0 when the text gives none ("for years"):
    /// "يومين", "two days", "السنوات الأربع الماضية", "1 month and 21 days".
    Duration(Vec<(Unit, i64)>),
    /// A time named by its relation to the time of writing: -1 the past (recently, مؤخرا), 0
    /// the present (now, حاليا), 1 the future (soon, في المستقبل).
    Ref(i64),
    /// A quarter of the year (n from 1 to 4): "the third quarter", "Q3"-style "third-quarter",
    /// "الربع الثالث من العام". Without n it is "the quarter" of a report, the one the document
    /// spoke of last (resolved to the last complete one when none), or with `shift` one counted
    /// from the anchor's ("next quarter", "the current quarter").
    Quarter {
        n: Option<u32>,
        year: Option<YearRef>,
        shift: Option<i64>,
    },
    /// A season (1 spring, 2 summer, 3 autumn, 4 winter, which runs into the next year):
    /// "last summer", "the winter of 1994", "صيف 2023", "الشتاء المقبل".
    Season {
        n: u32,
        year: Option<YearRef>,
        shift: Option<i64>,
    },
    /// A clock time on the day another expression names: "10 p.m. Wednesday", "5 p.m. EST
    /// Nov. 9", "noon Thursday".
    At(Box<Spec>, Clock),
    /// A part of the day another expression names: "Friday afternoon", "this morning", "مساء
    /// الأحد", "صباح اليوم" (TimeML's `2024-03-01TAF`).
    Part(Box<Spec>, DayPart),
    /// A holiday: "Christmas", "last Thanksgiving", "Christmas 2013", "رأس السنة الميلادية".
    Holiday {
        day: Holiday,
        year: Option<i32>,
        dir: Dir,
    },
    /// "that day", "the same day", "في اليوم نفسه": the day the document named last, put in its
    /// place by `period::link_anaphora`; unresolved when none was named before it.
    SameDay,
    /// "year-earlier", "the year-ago quarter": the period a year before the one the document
    /// spoke of last (a quarter or a year), else the year before the anchor's.
    YearEarlier,
}

/// The year of a quarter or season when the text gives it: named ("of 1989") or counted from
/// the anchor's ("of last year", "من العام الماضي").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearRef {
    Named(i32),
    Shifted(i64),
}
