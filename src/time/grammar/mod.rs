//! The date grammar: at each token, every pattern that can start there is tried and the longest
//! match wins; the scan then resumes after it. Patterns look ahead a bounded number of tokens,
//! so recognition is linear in the length of the text.
//!
//! Patterns, in the terms of `spec::Spec`, one module each:
//! - `calendar`: calendar dates in any order and separator, with a weekday before, a clock time
//!   and zone after, a shift word after (١٦ فبراير/شباط الماضي) and Hijri months
//!   (15 رمضان 1444 هـ); a month alone, years (عام 2024, by 2024) and decades;
//! - `numeric`: numeric dates (26/12/2021, 2021-12-26, 4/22 after "on"/"في"), numbers in words;
//! - `weekday`: weekdays, alone or shifted (الأحد الماضي, next Sunday, الجمعة من الأسبوع
//!   المقبل), with a day of the month (الخميس 21), and the n-th weekday of a month; a part of the
//!   day before or after a day (مساء الأحد, Friday afternoon);
//! - `relative`: days counted from publication (اليوم, أمس, the day after tomorrow), with a part
//!   of the day (صباح اليوم), a hedge (في وقت سابق اليوم) and the weekday printed beside them
//!   (اليوم الأحد); units shifted (العام المقبل, last week, هذا العام، في مايو), distances
//!   (منذ ثلاثة أيام, two days ago), lengths of time (يومين, the past four years);
//! - `period`: times named by their relation to the time of writing (now, recently, حاليا),
//!   quarters (the third quarter, الربع الثالث), seasons (last summer, صيف 2023), year-earlier;
//! - `range`: ranges (from 20 to 31 May, بين 5 و7 مارس);
//! - `clock`: clock times.
//!
//! `primitives` holds the reading steps the patterns are built from, `tense` the direction an
//! expression points in; this module scans the tokens and picks the longest match.

mod calendar;
mod clock;
mod numeric;
mod period;
mod primitives;
mod range;
mod relative;
mod tense;
mod weekday;

use std::ops::Range;

use super::lexicon::{Calendar, Count, NumKind, Pos, Prep, Unit, Word};
use super::spec::{Clock, Dir, MonthRef, Spec};
use super::tokens::{hits, tokenize, Hits, Kind, Tok};
use crate::lang;

/// A recognised expression: folded byte range and meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub spec: Spec,
}

/// A match of a pattern: where its span starts (folded byte), the token after it, its meaning.
struct Candidate {
    start: usize,
    end: usize,
    spec: Spec,
}

/// A calendar point as the text gives it, before it becomes a [`Spec`].
#[derive(Debug, Clone, Copy, Default)]
struct Point {
    year: Option<i32>,
    month: Option<MonthRef>,
    hijri: bool,
    day: Option<u32>,
}

/// A month name read in the text.
#[derive(Debug, Clone, Copy)]
struct MonthName {
    calendar: Calendar,
    month: u32,
    /// The name counts only beside a date ("may", "march", مارس): no "شهر" before it and no
    /// paired name after it.
    needs_context: bool,
    /// Where its span starts (at "شهر" when that stands before it), and the token after it.
    start: usize,
    end: usize,
}

/// A weekday name read in the text: the weekday (ISO), where its span starts, the token after it.
#[derive(Debug, Clone, Copy)]
struct WeekdayName {
    weekday: u32,
    start: usize,
    end: usize,
}

/// Every expression in the given folded ranges, in text order, not overlapping.
pub fn find(folded: &str, ranges: &[Range<usize>]) -> Vec<Found> {
    let dm_first = day_month_first(folded, ranges);
    let mut out: Vec<Found> = Vec::new();
    for r in ranges {
        let Some(r) = clamp(folded, r) else { continue };
        let toks = tokenize(folded, r);
        let hits = hits(&toks);
        let parser = Parser {
            toks: &toks,
            hits: &hits,
            dm_first,
        };
        let mut i = 0;
        while i < toks.len() {
            if !parser.may_start(i) {
                i += 1;
                continue;
            }
            match parser.best(i) {
                Some(cand) if cand.end > i => {
                    out.push(Found {
                        range: cand.start..toks[cand.end - 1].range.end,
                        spec: cand.spec,
                    });
                    i = cand.end;
                }
                _ => i += 1,
            }
        }
    }
    out.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        if kept.last().is_none_or(|k| f.range.start >= k.range.end) {
            kept.push(f);
        }
    }
    kept
}

/// A range inside the text on character boundaries, or None.
fn clamp(folded: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let end = r.end.min(folded.len());
    (r.start < end && folded.is_char_boundary(r.start) && folded.is_char_boundary(end))
        .then_some(r.start..end)
}

/// Arabic pages write numeric dates day first; English ones (as the US does) month first when
/// both readings are possible.
fn day_month_first(folded: &str, ranges: &[Range<usize>]) -> bool {
    let (mut ar, mut latin) = (0usize, 0usize);
    for r in ranges {
        let Some(r) = clamp(folded, r) else { continue };
        for c in folded[r].chars() {
            if lang::ar::is_arabic_block(c) {
                ar += 1;
            } else if lang::en::is_latin_letter(c) {
                latin += 1;
            }
        }
    }
    ar >= latin
}

/// The tokens of one range of text with their lexicon readings: what every pattern reads.
struct Parser<'a> {
    toks: &'a [Tok<'a>],
    /// The lexicon phrases starting at each token.
    hits: &'a Hits,
    /// Whether numeric dates read day first (see [`day_month_first`]).
    dm_first: bool,
}

impl Parser<'_> {
    /// Whether any pattern can start at token `i`: a number, a word of the time lexicon, an
    /// article-less weekday ("احد الأسبوع الماضي") or the "a" of "a quarter past". Most words
    /// are none of these, and skipping them spares trying every pattern there.
    fn may_start(&self, i: usize) -> bool {
        let tok = &self.toks[i];
        match tok.kind {
            Kind::Num => self.number_may_start(i),
            Kind::Punct => false,
            Kind::Word => {
                if self.hits[i].is_empty() {
                    return self.date_word(i);
                }
                // "in", "of", "the", "من", "في": a linking word starts a pattern only when a
                // word or number that names a time follows within reach
                !self.hits[i]
                    .iter()
                    .all(|hit| matches!(hit.word, Word::Prep(_)))
                    || self.date_word(i)
                    || (i + 1..(i + 1 + REACH).min(self.toks.len())).any(|k| self.names_time(k))
            }
        }
    }

    /// "a" (of "a quarter past") or an article-less weekday ("احد الأسبوع الماضي").
    fn date_word(&self, i: usize) -> bool {
        let tok = &self.toks[i];
        tok.text == "a"
            // the bare weekdays are Arabic: no ASCII word needs the lookup
            || (!tok.text.is_ascii() && crate::time::lexicon::lexicon().bare_weekday(tok.text).is_some())
    }

    /// Token `k` can carry the time of a match: a number, a time word other than a linking one,
    /// or one of the words `date_word` lets start.
    fn names_time(&self, k: usize) -> bool {
        match self.toks[k].kind {
            Kind::Num => true,
            Kind::Punct => false,
            Kind::Word => {
                self.hits[k]
                    .iter()
                    .any(|hit| !matches!(hit.word, Word::Prep(_)))
                    || self.date_word(k)
            }
        }
    }

    /// Whether a pattern can start at number `i`. A year may stand alone, but every other
    /// pattern that starts with a number reads the token after it: a separator of dates, ranges
    /// or clock times, a word of the time lexicon (a month, a unit, "to", "pm"), a day's suffix,
    /// the "h" of "15h30", the letters of "p.m." and "o'clock", the و of Arabic minutes, or a
    /// weekday in the plural. Most numbers of a news text (prices, counts, figures) are followed
    /// by none of these, and skipping them spares trying every pattern there.
    fn number_may_start(&self, i: usize) -> bool {
        if self.toks[i].text.len() == 4 {
            return true;
        }
        let Some(next) = self.toks.get(i + 1) else {
            return false;
        };
        match next.kind {
            Kind::Num => false,
            Kind::Punct => ["/", "-", ".", ":", "–"].contains(&next.text),
            Kind::Word => {
                !self.hits[i + 1].is_empty()
                    || AFTER_NUMBER.contains(&next.text)
                    || self.weekday_plural(i + 1).is_some()
            }
        }
    }

    /// The longest match of any pattern at token `i`.
    fn best(&self, i: usize) -> Option<Candidate> {
        // On a tie the earlier pattern wins. The patterns left out for a number start with a
        // word, and `numeric` starts with a number.
        let tries: &[fn(&Self, usize) -> Option<Candidate>] = if self.toks[i].kind == Kind::Num {
            &[
                Self::weekday_count,
                Self::range,
                Self::absolute,
                Self::numeric,
                Self::ago,
                Self::year_expr,
                Self::clock_alone,
            ]
        } else {
            &[
                Self::period,
                Self::reference,
                Self::part_then_day,
                Self::nth_weekday,
                Self::weekday_count,
                Self::range,
                Self::absolute,
                Self::rel_day,
                Self::same_day,
                Self::weekday_expr,
                Self::unit_rel,
                Self::ago,
                Self::year_expr,
                Self::month_alone,
                Self::holiday,
                Self::decade,
                Self::clock_alone,
            ]
        };
        let mut best: Option<Candidate> = None;
        for c in tries.iter().filter_map(|f| f(self, i)) {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best.map(|c| self.with_part_after(c))
    }
}

/// How many tokens after a linking word a match names its time at the latest: linking words
/// come at most two in a row ("from the 20th", "في مطلع") before the day, month, unit or number.
const REACH: usize = 4;

/// The words without a reading in the time lexicon that a pattern starting with a number reads
/// right after it: a day's suffix (21st), the "h" of 15h30, the letters of "p.m." and
/// "o'clock", the و of Arabic minutes (3 و20 دقيقة), the marks of a year (1445 هـ, 2021م).
const AFTER_NUMBER: [&str; 13] = [
    "st",
    "nd",
    "rd",
    "th",
    "h",
    "a",
    "p",
    "o",
    "oclock",
    lang::ar::WA,
    "ه",
    "م",
    "s",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;

    /// Every number turned away before the patterns are tried is one no pattern matches at.
    #[test]
    fn linking_words_far_from_a_time_start_no_pattern() {
        let page = "The minister of finance said in a statement on the outcome of the talks that \
            prices rose from the 20th to the 25th of May, in the past four years, by the end of \
            next week and at the start of 2021. وقال وزير المالية في بيان عن نتائج المحادثات إن \
            الأسعار ارتفعت من 5 إلى 7 مارس وفي مطلع العام المقبل ومنذ ثلاثة أيام.";
        let skipped = turned_away(page, |p, i| !p.hits[i].is_empty() && !p.may_start(i));
        assert!(skipped >= 5, "{skipped}");
        let folded = Folded::new(page).text;
        let found = found_in(&folded);
        for d in [
            "20th to the 25th of may",
            "past four years",
            "2021",
            "5 الي 7 مارس",
        ] {
            assert!(found.iter().any(|f| f.contains(d)), "{d} in {found:?}");
        }
    }

    /// How many tokens of `page` the pruning test `turned` turns away, each checked to be one
    /// where no pattern matches.
    fn turned_away(page: &str, turned: impl Fn(&Parser, usize) -> bool) -> usize {
        let folded = Folded::new(page).text;
        let toks = tokenize(&folded, 0..folded.len());
        let hits = hits(&toks);
        let parser = Parser {
            toks: &toks,
            hits: &hits,
            dm_first: false,
        };
        (0..toks.len())
            .filter(|&i| turned(&parser, i))
            .inspect(|&i| assert!(parser.best(i).is_none(), "{:?}", toks[i].text))
            .count()
    }

    /// The date expressions `find` reports over the whole of a folded text.
    fn found_in(folded: &str) -> Vec<&str> {
        let whole = [Range {
            start: 0,
            end: folded.len(),
        }];
        find(folded, &whole)
            .iter()
            .map(|f| &folded[f.range.clone()])
            .collect()
    }

    #[test]
    fn numbers_skipped_start_no_pattern() {
        let page = "Shares rose 3 pct to 155,221 bags on May 5, 2021 at 3 p.m. and 15h30, \
            from 20 to 31 May, 3 Fridays ago, the 21st of June, 2019-2021, 12/04/2024, 6 o'clock, \
            in the 1990s, 2 days ago, 330 pm, 4.22 per share, 1,330 pm, 17 mln dlrs in 1986. \
            وقال إن 25 شخصا قتلوا في 3 مارس 2024 الساعة 5 و20 دقيقة، وعاد بعد 3 أيام في 15 رمضان 1445 هـ، \
            وأنفق 2021م نحو 2500 مستفيد من 5 إلى 7 مارس.";
        let skipped = turned_away(page, |p, i| {
            p.toks[i].kind == Kind::Num && !p.number_may_start(i)
        });
        assert!(skipped >= 5, "{skipped}");
        let folded = Folded::new(page).text;
        let found = found_in(&folded);
        for d in [
            "may 5, 2021 at 3 p.m",
            "15h30",
            "3 fridays ago",
            "3 مارس 2024",
            "1990s",
        ] {
            assert!(found.iter().any(|f| f.contains(d)), "{d} in {found:?}");
        }
    }
}
