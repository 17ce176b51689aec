//! Month and weekday names from `data/months.tsv` and `data/weekdays.tsv`, relative-time words
//! from `data/relative_time.tsv` and number words from `data/numbers.tsv`, all folded, plus the
//! regular-expression alternations the dateline reader is built from.
//!
//! The recogniser looks words up as phrases: one to [`MAX_WORDS`] folded words joined by single
//! spaces, each phrase naming one or more [`Word`] readings ("عام" is a unit and a year word).
//! It walks a phrase word by word ([`TimeLexicon::first_step`], [`TimeLexicon::step`]): every
//! phrase and every beginning of one is a [`Step`] that says whether a longer phrase goes on
//! from it, so "the company" stops the walk from "the" after one look-up.

use once_cell::sync::Lazy;

use crate::lexicon::rows;
use crate::text::fold::fold_key;
use crate::text::hash::WordMap;
use crate::text::sieve::{Sieve, WordTable};
use crate::tsv;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// How many units a unit word itself says: one (شهر), two (an Arabic dual: شهرين), or many (a plural).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Count {
    One,
    Two,
    Many,
}

/// Whether a word stands before or after what it modifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Pre,
    Post,
}

/// The role of a small linking word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prep {
    /// Opens a range: from, between, من, بين.
    From,
    /// Closes a range: to, until, and, إلى, حتى.
    To,
    /// Links a day to its month: of, من, في.
    Of,
    /// Introduces a date: on, in, since, في, منذ, خلال.
    On,
    /// "by", "بحلول": kept in the span.
    By,
    /// "the" before a day number.
    The,
    /// "الموافق": links a weekday to its date.
    Filler,
    /// A word after which a bare "4.22" or "22-4" reads as a day and month: on, في, يوم.
    DayOn,
    /// Opens a length of time: for, within, خلال.
    Span,
    /// Stands before a clock time: at, around, until, حوالي.
    Clock,
    /// A determiner or possessive before a year used as an adjective: "his 1996 campaign".
    Owner,
}

/// Before or after noon: what an am/pm mark or a part of the day says of a clock time in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Half {
    Am,
    Pm,
}

impl Half {
    /// The half a table value names: `pm_value` for the afternoon, anything else the morning.
    fn of(value: &str, pm_value: &str) -> Half {
        if value == pm_value {
            Half::Pm
        } else {
            Half::Am
        }
    }
}

/// A part of the day, as TimeML names it in a value ("Friday afternoon" is `2024-03-01TAF`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// The part a table value names: TimeML's code (MO, MI, AF, EV, NI).
    fn of(value: &str) -> Option<DayPart> {
        Some(match value {
            "MO" => DayPart::Morning,
            "MI" => DayPart::Midday,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        })
    }

    /// TimeML's code, written after the day's "T".
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    /// The half of the day it lies in: a clock time in any part but the morning is p.m.
    pub fn half(self) -> Half {
        match self {
            DayPart::Morning => Half::Am,
            _ => Half::Pm,
        }
    }
}

/// A holiday with a fixed place in the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// Month and day: Christmas is 12-25.
    Fixed(u32, u32),
    /// The n-th weekday (ISO) of a month: Thanksgiving (US) is the fourth Thursday of November.
    Nth(u32, i32, u32),
}

impl Holiday {
    /// A table value: "12-25" (month-day) or "11/4/4" (month/n/weekday).
    fn of(value: &str) -> Option<Holiday> {
        if let Some((m, d)) = value.split_once('-') {
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            return ((1..=12).contains(&m) && (1..=31).contains(&d))
                .then_some(Holiday::Fixed(m, d));
        }
        let mut it = value.split('/');
        let (m, n, w) = (
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
        );
        ((1..=12).contains(&m) && (1..=5).contains(&n) && (1..=7).contains(&w))
            .then_some(Holiday::Nth(m, n, w))
    }
}

/// The kinds of number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumKind {
    Cardinal,
    Ordinal,
    /// The ten of an Arabic teen (السادس عشر).
    Teen,
    /// A vague count (a few, بضعة), counted as three.
    Few,
}

/// One reading of a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// Calendar, month number, and whether the name needs a date beside it to count.
    Month(Calendar, u32, bool),
    /// ISO weekday, and whether the name needs a date beside it.
    Weekday(u32, bool),
    /// A day counted from publication (اليوم 0, أمس -1).
    Day(i64),
    Unit(Unit, Count),
    Shift(i64, Pos),
    Ago(i64, Pos),
    /// A part of the day; after noon, a clock time in it is p.m.
    Part(DayPart),
    Hedge,
    Future,
    NotFuture,
    /// A verb of reporting in the past, or "since": a day right after it is in the past.
    Past,
    YearWord,
    Decade(i32),
    Prep(Prep),
    Num(u32, NumKind),
    /// An am/pm mark after a clock time.
    Clock(Half),
    /// A part of the day after a clock time ("in the afternoon").
    ClockPart(Half),
    /// A time of day by name: noon, midnight (the hour).
    NamedTime(u32),
    /// A fraction of an hour by name, in minutes: quarter, half, ربع.
    Minutes(u32),
    /// The unit of minutes: minutes, دقيقة.
    MinuteUnit,
    /// Links minutes to an hour: past (1), to (-1), إلا (-1).
    ClockRel(i64),
    /// A time-zone name, with its offset when it has a fixed one.
    Zone(Option<&'static str>),
    HourWord,
    /// Counts a distance from a day: "two days from tomorrow" (1), "before yesterday" (-1).
    RelTo(i64),
    /// A time named by its relation to the time of writing: the present (0: now, حاليا), the
    /// past (-1: recently, مؤخرا), the future (1: soon, في المستقبل).
    Ref(i64),
    /// A quarter of the year: quarter, الربع.
    Quarter,
    /// A season: 1 spring, 2 summer, 3 autumn, 4 winter.
    Season(u32),
    /// A word kept inside a period's span: fiscal, المالي.
    Fiscal,
    /// The day the text named last: "that day", "the same day", "في اليوم نفسه".
    SameDay,
    /// A word that sets a deadline or the end of a stretch: by, until, حتى, بحلول.
    Deadline,
    /// A holiday on a fixed day of the calendar: Christmas, Thanksgiving.
    Holiday(Holiday),
}

/// The longest phrase in the tables, in words.
pub const MAX_WORDS: usize = 5;

/// A phrase of the tables, or the first words of one.
#[derive(Debug, Clone, Default)]
pub struct Step {
    /// The readings of these words as a whole phrase (none for a mere beginning).
    pub words: Vec<Word>,
    /// Whether some longer phrase starts with these words.
    pub longer: bool,
}

pub struct TimeLexicon {
    /// Folded month name → (calendar, month number).
    pub months: WordMap<String, (Calendar, u32)>,
    /// Folded weekday name → ISO weekday.
    pub weekdays: WordMap<String, u32>,
    /// Every folded phrase and every run of its first words → its step.
    steps: WordMap<String, Step>,
    /// The first words of the phrases, to turn most words away before hashing them.
    firsts: Sieve,
    /// The other words of the phrases, to end a walk ("the company") before hashing it.
    laters: Sieve,
    /// Arabic weekday names without their article (جمعة, احد) → ISO weekday, behind a sieve:
    /// nearly every Arabic word is asked, and none of most texts is one.
    pub bare_weekdays: WordTable<u32>,
}

impl TimeLexicon {
    /// A regex alternation of the names of one calendar's months, longest first, escaped.
    pub fn month_alternation(&self, cal: Calendar) -> String {
        alternation(
            self.months
                .iter()
                .filter(|(_, v)| v.0 == cal)
                .map(|(k, _)| k.as_str()),
        )
    }

    pub fn weekday_alternation(&self) -> String {
        alternation(self.weekdays.keys().map(String::as_str))
    }

    /// The Gregorian month a folded name denotes.
    pub fn month(&self, folded: &str) -> Option<u32> {
        match self.months.get(folded) {
            Some(&(Calendar::Gregorian, m)) => Some(m),
            _ => None,
        }
    }

    /// The readings of a folded phrase.
    pub fn words(&self, phrase: &str) -> &[Word] {
        self.steps.get(phrase).map_or(&[], |s| s.words.as_slice())
    }

    /// The weekday an Arabic name without its article denotes ("جمعة" in "يوم جمعة").
    pub fn bare_weekday(&self, word: &str) -> Option<u32> {
        self.bare_weekdays.get(word).copied()
    }

    /// The step of a folded first word: None when no phrase starts with it.
    #[inline]
    pub fn first_step(&self, word: &str) -> Option<&Step> {
        if !self.firsts.may_contain(word) {
            return None;
        }
        self.steps.get(word)
    }

    /// The step of folded words joined by single spaces: None when no phrase starts with them.
    #[inline]
    pub fn step(&self, words: &str) -> Option<&Step> {
        self.steps.get(words)
    }

    /// False only when `word` is in no phrase after its first word: a walk that would go on
    /// with it ends there.
    #[inline]
    pub fn may_follow(&self, word: &str) -> bool {
        self.laters.may_contain(word)
    }
}

/// Longest-first alternation of literal words, with white space matching any run of spaces.
pub fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut w: Vec<&str> = words.collect();
    w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w.dedup();
    w.iter()
        .map(|s| regex::escape(s).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn unit(name: &str) -> Option<Unit> {
    Some(match name {
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn prep(name: &str) -> Option<Prep> {
    Some(match name {
        "from" => Prep::From,
        "to" => Prep::To,
        "of" => Prep::Of,
        "on" => Prep::On,
        "by" => Prep::By,
        "the" => Prep::The,
        "filler" => Prep::Filler,
        "day_on" => Prep::DayOn,
        "span" => Prep::Span,
        "clock" => Prep::Clock,
        "owner" => Prep::Owner,
        _ => return None,
    })
}

/// A zone offset as a static string (the table holds few, fixed ones).
fn zone(v: &str) -> Option<&'static str> {
    match v {
        "Z" => Some("Z"),
        _ => None,
    }
}

/// One row of `relative_time.tsv` as a reading.
fn relative_word(kind: &str, value: &str, position: &str) -> Option<Word> {
    let pos = if position == "post" {
        Pos::Post
    } else {
        Pos::Pre
    };
    let int = || value.parse::<i64>().ok();
    Some(match kind {
        "day" => Word::Day(int()?),
        "unit" => {
            let (u, c) = value.split_once(':')?;
            let count = match c {
                "1" => Count::One,
                "2" => Count::Two,
                _ => Count::Many,
            };
            Word::Unit(unit(u)?, count)
        }
        "shift" => Word::Shift(int()?, pos),
        "ago" => Word::Ago(int()?, pos),
        "part" => Word::Part(DayPart::of(value)?),
        "hedge" => Word::Hedge,
        "future" => Word::Future,
        "not_future" => Word::NotFuture,
        "past" => Word::Past,
        "year" => Word::YearWord,
        "decade" => Word::Decade(int()? as i32),
        "prep" => Word::Prep(prep(value)?),
        "clock" => Word::Clock(Half::of(value, "pm")),
        "clock_part" => Word::ClockPart(Half::of(value, "pm")),
        "named_time" => Word::NamedTime(value.parse().ok().filter(|h| *h < 24)?),
        "minutes" => Word::Minutes(value.parse().ok().filter(|m| *m < 60)?),
        "minute" => Word::MinuteUnit,
        "clock_rel" => Word::ClockRel(int()?),
        "zone" => Word::Zone(zone(value)),
        "hour_word" => Word::HourWord,
        "relto" => Word::RelTo(int()?),
        "ref" => Word::Ref(int()?),
        "same_day" => Word::SameDay,
        "deadline" => Word::Deadline,
        "holiday" => Word::Holiday(Holiday::of(value)?),
        "quarter" => Word::Quarter,
        "season" => Word::Season(value.parse().ok().filter(|n| (1..=4).contains(n))?),
        "fiscal" => Word::Fiscal,
        _ => return None,
    })
}

static LEXICON: Lazy<TimeLexicon> = Lazy::new(|| {
    let mut months = WordMap::default();
    let mut weekdays = WordMap::default();
    let mut phrases: WordMap<String, Vec<Word>> = WordMap::default();
    let mut add = |k: String, w: Word| {
        let v = phrases.entry(k).or_default();
        if !v.contains(&w) {
            v.push(w);
        }
    };
    for r in rows(tsv!("months.tsv"), &["month", "calendar", "name", "needs"]) {
        let cal = if r.get("calendar") == "hijri" {
            Calendar::Hijri
        } else {
            Calendar::Gregorian
        };
        if let Ok(m) = r.get("month").parse::<u32>() {
            let key = fold_key(r.get("name"));
            months.insert(key.clone(), (cal, m));
            add(key, Word::Month(cal, m, r.get("needs") == "context"));
        }
    }
    for r in rows(tsv!("weekdays.tsv"), &["weekday", "name", "needs"]) {
        if let Ok(d) = r.get("weekday").parse::<u32>() {
            let key = fold_key(r.get("name"));
            weekdays.insert(key.clone(), d);
            add(key, Word::Weekday(d, r.get("needs") == "context"));
        }
    }
    for r in rows(
        tsv!("relative_time.tsv"),
        &["phrase", "kind", "value", "position"],
    ) {
        if let Some(w) = relative_word(r.get("kind"), r.get("value"), r.get("position")) {
            add(fold_key(r.get("phrase")), w);
        }
    }
    for r in rows(tsv!("numbers.tsv"), &["word", "value", "kind"]) {
        let kind = match r.get("kind") {
            "ordinal" => NumKind::Ordinal,
            "teen" => NumKind::Teen,
            "few" => NumKind::Few,
            _ => NumKind::Cardinal,
        };
        if let Ok(v) = r.get("value").parse::<u32>() {
            add(fold_key(r.get("word")), Word::Num(v, kind));
        }
    }
    let steps = steps(phrases);
    // 2^13 bits: the time tables hold a few hundred words
    let (mut firsts, mut laters) = (Sieve::with_bits(13), Sieve::with_bits(13));
    for k in steps.keys() {
        let mut words = k.split(' ');
        firsts.insert(words.next().unwrap_or_default());
        words.for_each(|w| laters.insert(w));
    }
    let bare_weekdays = WordTable::with_bits(
        weekdays
            .iter()
            .filter_map(|(k, &d)| Some((k.strip_prefix(crate::lang::ar::AL)?.to_string(), d)))
            .collect(),
        13,
    );
    TimeLexicon {
        months,
        weekdays,
        steps,
        firsts,
        laters,
        bare_weekdays,
    }
});

/// The steps of the phrases: each phrase with its readings, and each run of its first words.
fn steps(phrases: WordMap<String, Vec<Word>>) -> WordMap<String, Step> {
    let mut steps: WordMap<String, Step> = WordMap::default();
    for k in phrases.keys() {
        // every proper beginning at a word boundary leads on to a longer phrase
        for (b, _) in k.match_indices(' ') {
            steps.entry(k[..b].to_string()).or_default().longer = true;
        }
    }
    for (k, words) in phrases {
        steps.entry(k).or_default().words = words;
    }
    steps
}

pub fn lexicon() -> &'static TimeLexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_weekdays_are_arabic() {
        // the grammar skips the bare-weekday lookup for ASCII words
        let lx = lexicon();
        assert_eq!(lx.bare_weekday(&fold_key("جمعة")), Some(5));
        assert!(lx.bare_weekdays.keys().all(|k| !k.is_ascii()));
    }

    #[test]
    fn phrases_are_walked_word_by_word() {
        let lx = lexicon();
        let the = lx.first_step("the").unwrap();
        assert!(the.longer);
        let walk = lx.step("the day after").unwrap();
        assert!(walk.words.is_empty() && walk.longer);
        let whole = lx.step("the day after tomorrow").unwrap();
        assert!(whole.words.contains(&Word::Day(2)));
        assert!(lx.step("the company").is_none());
        assert!(lx.first_step("minister").is_none());
        assert!(lx
            .first_step(&fold_key("أمس"))
            .is_some_and(|s| s.words.contains(&Word::Day(-1))));
    }

    #[test]
    fn tables_load_with_every_reading() {
        let lx = lexicon();
        assert!(lx
            .words("شباط")
            .contains(&Word::Month(Calendar::Gregorian, 2, false)));
        assert!(lx
            .words("كانون الثاني")
            .contains(&Word::Month(Calendar::Gregorian, 1, false)));
        assert!(lx
            .words("may")
            .contains(&Word::Month(Calendar::Gregorian, 5, true)));
        assert!(lx
            .words("رمضان")
            .contains(&Word::Month(Calendar::Hijri, 9, true)));
        assert!(lx.words("الاحد").contains(&Word::Weekday(7, false)));
        assert!(lx.words("عام").contains(&Word::YearWord));
        assert!(lx
            .words("عام")
            .contains(&Word::Unit(Unit::Year, Count::One)));
        assert!(lx
            .words("يومين")
            .contains(&Word::Unit(Unit::Day, Count::Two)));
        assert!(lx.words("الماضيه").contains(&Word::Shift(-1, Pos::Post)));
        assert!(lx.words("the day after tomorrow").contains(&Word::Day(2)));
        assert!(lx
            .words("twenty")
            .contains(&Word::Num(20, NumKind::Cardinal)));
        assert_eq!(lx.month("اغسطس"), Some(8));
    }
}
