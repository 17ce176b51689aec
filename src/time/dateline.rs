//! Datelines: the short lines near a headline that say when a page was published
//! ("Sun, 26 Dec 2021 - 06:05 GMT", "الثلاثاء 26 سبتمبر 2023 03:50 م", "• السبت , ٣ مارس ٢٠١٨").
//!
//! The cleaning stage asks two things of a line: is it a dateline (nothing much besides a date,
//! a time, a weekday and filler), and which day and time does it give.

use once_cell::sync::Lazy;
use regex::Regex;

use super::calendar::Day;
use super::lexicon::{alternation, lexicon, Calendar};
use crate::lexicon::rows;
use crate::text::fold::fold_key;
use crate::text::hash::WordSet;
use crate::tsv;

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub day: Option<Day>,
    /// Hour and minute on the 24-hour clock.
    pub time: Option<(u32, u32)>,
    /// "Z" or "+02:00" when the line gives a zone we can state as an offset.
    pub offset: Option<String>,
    /// ISO weekday printed on the line, if any.
    pub weekday: Option<u32>,
}

impl Dateline {
    /// ISO 8601: the day, with the time and offset when given.
    pub fn iso(&self) -> Option<String> {
        let day = self.day?;
        Some(match self.time {
            Some((h, m)) => format!(
                "{}T{:02}:{:02}{}",
                day.iso(),
                h,
                m,
                self.offset.as_deref().unwrap_or("")
            ),
            None => day.iso(),
        })
    }
}

pub(crate) struct Patterns {
    date: Regex,
    time: Regex,
    weekday: Regex,
    filler: Regex,
}

pub(crate) static PATTERNS: Lazy<Patterns> = Lazy::new(|| {
    let lx = lexicon();
    let mon = lx.month_alternation(Calendar::Gregorian);
    let date = format!(
        r"(?x)
        \b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*[-.\s]?\s*(?:of\s+)?(?P<m1>{mon})\.?(?:\s*/\s*(?:{mon}))?\s*[,.\-]?\s*(?P<y1>\d{{4}})\b
        | \b(?P<m2>{mon})\.?(?:\s*/\s*(?:{mon}))?\s+(?P<d2>\d{{1,2}})(?:(?:st|nd|rd|th)\s*,?\s*|\s*,\s*|\s+)(?P<y2>\d{{4}})\b
        | \b(?P<y3>\d{{4}})-(?P<mo3>\d{{1,2}})-(?P<d3>\d{{1,2}})\b
        | \b(?P<d4>\d{{1,2}})[/.](?P<mo4>\d{{1,2}})[/.](?P<y4>\d{{4}})\b"
    );
    let time = r"(?x)
        \b(?P<h>\d{1,2})\s*:\s*(?P<mi>\d{2})(?::\d{2})?
        (?:\s*(?P<ap>a\.?m\.?|p\.?m\.?|ص|م)(?:\W|$))?
        (?:\s*(?P<tz>gmt|utc|z\b|[+-]\d{2}:?\d{2}))?";
    let weekday = format!(
        r"(?:^|[^\p{{L}}])(?P<w>{})(?:[^\p{{L}}]|$)",
        lx.weekday_alternation()
    );
    let words: Vec<String> = rows(tsv!("dateline_words.tsv"), &["word"])
        .map(|r| fold_key(r.get("word")))
        .collect();
    let filler = format!(
        r"(?:^|[^\p{{L}}])(?:{})(?:[^\p{{L}}]|$)",
        alternation(words.iter().map(String::as_str))
    );
    Patterns {
        date: Regex::new(&date).expect("date pattern"),
        time: Regex::new(time).expect("time pattern"),
        weekday: Regex::new(&weekday).expect("weekday pattern"),
        filler: Regex::new(&filler).expect("filler pattern"),
    }
});

/// Every word a dateline may hold besides numbers: month and weekday names, filler words,
/// am/pm marks, zone names and ordinal suffixes, split as [`few_other_words`] splits a line.
pub(crate) static VOCABULARY: Lazy<WordSet<String>> = Lazy::new(|| {
    let lx = lexicon();
    let fixed = [
        "of", "st", "nd", "rd", "th", "a", "p", "m", "am", "pm", "ص", "م", "gmt", "utc", "z",
    ];
    let fillers: Vec<String> = rows(tsv!("dateline_words.tsv"), &["word"])
        .map(|r| fold_key(r.get("word")))
        .collect();
    let names = lx
        .months
        .keys()
        .chain(lx.weekdays.keys())
        .chain(fillers.iter());
    names
        .map(String::as_str)
        .chain(fixed)
        .flat_map(line_words)
        .map(str::to_string)
        .collect()
});

/// The words of a line, numbers and punctuation aside.
fn line_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !crate::text::chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty() && !w.chars().any(crate::text::chars::is_numeric))
}

/// At most one word of the line is not one a dateline may hold: a necessary condition of
/// [`parse`]'s own test (patterns only remove such words), checked first because it is cheap.
fn few_other_words(line: &str) -> bool {
    line_words(line)
        .filter(|w| !VOCABULARY.contains(*w))
        .nth(1)
        .is_none()
}

/// Years a dateline may carry.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

fn num(c: &regex::Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// The first full date in folded text, with its byte range.
pub fn find_date(folded: &str) -> Option<(Day, std::ops::Range<usize>)> {
    let lx = lexicon();
    for c in PATTERNS.date.captures_iter(folded) {
        let m = c.get(0)?;
        let key = |n: &str| c.name(n).map(|x| fold_key(x.as_str()));
        let day = if let Some(mon) = key("m1") {
            Day::new(num(&c, "y1")? as i32, lx.month(&mon)?, num(&c, "d1")?)
        } else if let Some(mon) = key("m2") {
            Day::new(num(&c, "y2")? as i32, lx.month(&mon)?, num(&c, "d2")?)
        } else if c.name("y3").is_some() {
            Day::new(num(&c, "y3")? as i32, num(&c, "mo3")?, num(&c, "d3")?)
        } else {
            Day::new(num(&c, "y4")? as i32, num(&c, "mo4")?, num(&c, "d4")?)
        };
        // a publication day, not a figure in a table ("Aug 13126")
        if let Some(d) = day.filter(|d| PLAUSIBLE_YEARS.contains(&d.year)) {
            return Some((d, m.range()));
        }
    }
    None
}

/// Hour (24 h), minute and offset ("Z", "+02:00") of a clock time.
pub type Clock = (u32, u32, Option<String>);

/// The first clock time in folded text: (hour on 24 h, minute, offset), with its byte range.
pub fn find_time(folded: &str) -> Option<(Clock, std::ops::Range<usize>)> {
    for c in PATTERNS.time.captures_iter(folded) {
        let (Some(mut h), Some(mi)) = (num(&c, "h"), num(&c, "mi")) else {
            continue;
        };
        if h > 23 || mi > 59 {
            continue;
        }
        match c
            .name("ap")
            .map(|m| m.as_str().chars().next().unwrap_or('a'))
        {
            Some('p' | 'م') if h < 12 => h += 12,
            Some('a' | 'ص') if h == 12 => h = 0,
            _ => {}
        }
        let offset = c.name("tz").map(|t| match t.as_str() {
            "gmt" | "utc" | "z" => "Z".to_string(),
            s if s.len() == 5 => format!("{}:{}", &s[..3], &s[3..]),
            s => s.to_string(),
        });
        return Some(((h, mi, offset), c.get(0)?.range()));
    }
    None
}

/// Read a line as a dateline: Some when the line is little more than a date and/or a time.
pub fn parse(folded_line: &str) -> Option<Dateline> {
    let line = folded_line.trim();
    // Every line of a page comes here: most have no digit or are sentences, which a few set
    // look-ups tell before any pattern runs.
    if line.is_empty()
        || !line.chars().any(crate::text::chars::is_numeric)
        || line.chars().count() > 80
        || !few_other_words(line)
    {
        return None;
    }
    let mut rest = line.to_string();
    let date = find_date(line);
    if let Some((_, r)) = &date {
        rest.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    let time = find_time(&rest);
    if let Some((_, r)) = &time {
        rest.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    if date.is_none() && time.is_none() {
        return None;
    }
    let weekday = PATTERNS.weekday.captures(&rest).and_then(|c| {
        let w = c.name("w")?;
        Some((
            lexicon().weekdays.get(&fold_key(w.as_str())).copied(),
            w.range(),
        ))
    });
    if let Some((_, r)) = &weekday {
        rest.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    let rest = PATTERNS.filler.replace_all(&rest, " ");
    // What is left may be punctuation, bullets, a zone name and at most one stray word.
    let words = rest
        .split(|c: char| !crate::text::chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .count();
    if words > 1 {
        return None;
    }
    let (time, offset) = match time {
        Some(((h, m, o), _)) => (Some((h, m)), o),
        None => (None, None),
    };
    Some(Dateline {
        day: date.map(|(d, _)| d),
        time,
        offset,
        weekday: weekday.and_then(|w| w.0),
    })
}

/// A line that opens with a date and goes on with other words ("date 2023-06-17 Headline"):
/// the dateline and the byte where the rest begins. Only filler words, a weekday and marks may
/// come before the date; a clock time right after it belongs to the dateline.
pub fn leading(folded_line: &str) -> Option<(Dateline, usize)> {
    let (day, r) = find_date(folded_line)?;
    let head = &folded_line[..r.start];
    let head = PATTERNS.weekday.replace_all(head, " ");
    let head = PATTERNS.filler.replace_all(&head, " ");
    if head.chars().any(crate::text::chars::is_alphanumeric) {
        return None;
    }
    let mut end = r.end;
    let mut clock = None;
    if let Some((c, tr)) = find_time(&folded_line[end..]) {
        if folded_line[end..end + tr.start]
            .trim_matches([' ', ',', '-', '|'])
            .is_empty()
        {
            end += tr.end;
            clock = Some(c);
        }
    }
    let (time, offset) = match clock {
        Some((h, m, o)) => (Some((h, m)), o),
        None => (None, None),
    };
    let d = Dateline {
        day: Some(day),
        time,
        offset,
        weekday: None,
    };
    Some((d, end))
}

/// A wire dateline opening a paragraph: a place, an optional agency in brackets, then the day
/// ("BAGHDAD, March 12, 2024 -", "BAGHDAD - 12 March 2024:", "القاهرة في 5 مارس 2024"). The day,
/// when the line gives one with its year.
pub fn wire_day(folded_line: &str) -> Option<Day> {
    let c = WIRE.captures(folded_line)?;
    let at = c.get(0)?.end();
    let (day, r) = find_date(&folded_line[at..])?;
    if r.start != 0 {
        return None;
    }
    let after = folded_line[at + r.end..].trim_start();
    after
        .starts_with(['-', '–', '—', ':', '(', '/', ','])
        .then_some(day)
}

/// A wire dateline alone on its line, with or without the year: a place, the day, an agency in
/// brackets or slashes before or after it, a closing dash or colon ("BRUSSELS, February 10
/// (Xinhua) --", "القاهرة في 5 مارس /أ ش أ/"). Such a line is the report's dateline, and its day
/// a date of the report; it is no headline and no clutter.
pub fn is_wire_line(folded_line: &str) -> bool {
    let line = folded_line.trim();
    if line.chars().count() > 60 || !line.chars().any(crate::text::chars::is_numeric) {
        return false;
    }
    WIRE.find(line)
        .is_some_and(|c| WIRE_DAY.is_match(&line[c.end()..]))
}

/// The day of a wire line after its place: day and month in either order, an optional year, an
/// optional agency, a closing mark and nothing else.
static WIRE_DAY: Lazy<Regex> = Lazy::new(|| {
    let mon = lexicon().month_alternation(Calendar::Gregorian);
    Regex::new(&format!(
        r"^(?:(?:{mon})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{mon}))(?:\s*,?\s*\d{{4}})?\s*(?:\([^()\n]{{1,30}}\)|/[^/\n]{{1,20}}/)?\s*(?:-{{1,2}}|[–—:])?\s*$"
    ))
    .expect("wire day pattern")
});

/// A line opening with a place or an outlet, one to three words, then a dash and the text
/// ("الحقيقة الدولية – أعلنت قطر ...", "GAZA - Israeli strikes ..."): how a wire lede begins.
pub fn opens_with_wire_dash(folded_line: &str) -> bool {
    WIRE_DASH.is_match(folded_line)
}

static WIRE_DASH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*\p{L}[\p{L}'.]*(?:[ /]\p{L}[\p{L}'.]*){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?[\-–—]\s+\p{L}")
        .expect("wire dash pattern")
});

/// Does `rest`, the text right after a place that opens a line, end a dateline: a country or a
/// day after commas, an agency in brackets, then the dash or colon ("BAGHDAD, March 12 (Reuters)
/// -", "الرياض - واس")? The place itself is found by the caller (an entity mention).
pub fn ends_after_place(rest: &str) -> bool {
    REST_AFTER_PLACE.is_match(rest)
}

/// What follows a dateline's city up to the dash or colon that ends the dateline: up to two
/// comma-led groups of a few words each beginning with a capital, a digit or an Arabic letter (a
/// country or a day: ", Iraq", ", March 12", "، 12 مارس"), an agency in brackets, then the mark.
static REST_AFTER_PLACE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:\s*[,،]\s*(?:[\p{Lu}\d\p{Arabic}][\p{L}\p{N}.']*\s*){1,4}){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?[-–—:]",
    )
    .expect("dateline pattern")
});

/// The place and agency before a wire dateline's day: one to three words, "(agency)", then a
/// comma, a dash or "في".
static WIRE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s*\p{L}[\p{L}'.]*(?:[ /]\p{L}[\p{L}'.]*){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?(?:[,\-–—]|\sفي)\s*",
    )
    .expect("wire dateline pattern")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;

    fn p(s: &str) -> Option<Dateline> {
        parse(&Folded::new(s).text)
    }

    #[test]
    fn reads_english_datelines() {
        let d = p("Sun, 26 Dec 2021 - 06:05 GMT").unwrap();
        assert_eq!(d.iso().unwrap(), "2021-12-26T06:05Z");
        assert_eq!(d.weekday, Some(7));
        assert_eq!(
            p("Published: March 4, 2023 at 9:15 pm")
                .unwrap()
                .iso()
                .unwrap(),
            "2023-03-04T21:15"
        );
        assert_eq!(
            p("Updated 2022-11-05 14:00 +0200").unwrap().iso().unwrap(),
            "2022-11-05T14:00+02:00"
        );
    }

    #[test]
    fn reads_arabic_datelines() {
        assert_eq!(
            p("الثلاثاء 26 سبتمبر 2023 03:50 م").unwrap().iso().unwrap(),
            "2023-09-26T15:50"
        );
        assert_eq!(
            p("  • السبت , ٣ مارس ٢٠١٨").unwrap().iso().unwrap(),
            "2018-03-03"
        );
        assert_eq!(
            p("نشر في: الأحد 9 نوفمبر/تشرين الثاني 2025")
                .unwrap()
                .iso()
                .unwrap(),
            "2025-11-09"
        );
        assert_eq!(
            p("آخر تحديث ١٢/٠٤/٢٠٢٤ - ١٠:٣٠ ص").unwrap().iso().unwrap(),
            "2024-04-12T10:30"
        );
    }

    #[test]
    fn time_only_lines_are_datelines_without_a_day() {
        let d = p("  • ٠٠:١٩").unwrap();
        assert_eq!(d.day, None);
        assert_eq!(d.iso(), None);
    }

    #[test]
    fn figures_in_a_table_are_not_a_date() {
        // a month and a five-digit quantity, in a table of shipments
        assert!(p("Aug 13126").is_none());
        assert!(p(" Oct 24462 tonnes").is_none());
        assert!(p("Dec 2 5000").is_none());
        assert_eq!(p("Aug 1 2026").unwrap().iso().unwrap(), "2026-08-01");
        assert_eq!(p("Aug 1st, 2026").unwrap().iso().unwrap(), "2026-08-01");
        assert_eq!(p("2013 Aug 2020"), None);
    }

    #[test]
    fn sentences_with_dates_are_not_datelines() {
        assert!(p("وصل الوزير إلى القاهرة في 26 سبتمبر 2023 لإجراء محادثات").is_none());
        assert!(p("The talks began on 12 March 2023 in Rabat").is_none());
        assert!(p("وزير الداخلية يستقبل الوفد").is_none());
    }

    #[test]
    fn reads_a_date_that_opens_a_longer_line() {
        let f = Folded::new(" date 2024-03-15 Section name");
        let (d, end) = leading(&f.text).unwrap();
        assert_eq!(d.iso().unwrap(), "2024-03-15");
        assert_eq!(f.text[end..].trim(), "section name");
        let f = Folded::new("الأحد 12 مايو 2024 10:30 عنوان الخبر");
        let (d, end) = leading(&f.text).unwrap();
        assert_eq!(d.iso().unwrap(), "2024-05-12T10:30");
        assert_eq!(f.text[end..].trim(), "عنوان الخبر");
        // a sentence that holds a date does not open with it
        assert!(leading(&Folded::new("Talks began on 12 March 2024 in Rabat").text).is_none());
    }

    #[test]
    fn reads_wire_datelines() {
        let w = |s: &str| wire_day(&Folded::new(s).text).map(|d| d.iso());
        assert_eq!(
            w("NAIROBI, March 12, 2024 - Ministers met on Tuesday."),
            Some("2024-03-12".to_string())
        );
        assert_eq!(
            w("NAIROBI - 12 March 2024: Ministers met on Tuesday."),
            Some("2024-03-12".to_string())
        );
        assert_eq!(
            w("نيروبي في 12 مارس 2024 (وكالة) - اجتمع الوزراء اليوم."),
            Some("2024-03-12".to_string())
        );
        assert_eq!(w("NAIROBI (Agency) - Ministers met on Tuesday."), None);
        assert_eq!(
            w("Ministers met in the capital on 12 March 2024 - a first."),
            None
        );
    }

    #[test]
    fn wire_lines_with_or_without_the_year() {
        let w = |s: &str| is_wire_line(&Folded::new(s).text);
        assert!(w("BRUSSELS, February 10 (Xinhua) --"));
        assert!(w("NAIROBI, March 12, 2024 -"));
        assert!(w("القاهرة في 5 مارس /أ ش أ/"));
        assert!(w("الرياض - 12 مارس"));
        assert!(!w("Talks in Brussels, February 10 and 11"));
        assert!(!w("الرياض - 12 مارس اجتمع الوزراء"));
    }
}
