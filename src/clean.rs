//! Cleaning: which lines of a scraped page are the article, which are its title and dateline,
//! and which are page furniture.
//!
//! The decision uses general signals, never rules for one site:
//! - **repetition**: short lines printed more than once (mastheads, captions under a photo and
//!   again in the gallery, the title repeated by the template) and lines that are one string
//!   printed several times over;
//! - **position**: before the first real paragraph only the title, datelines and an optional
//!   standfirst are content; after the last paragraph short lines are the footer;
//! - **known phrases** from `data/clutter.tsv` ("Leave a Comment", "الأكثر قراءة", tag lists,
//!   "المصدر | …") and editor bylines from `data/bylines.tsv`;
//! - **shape**: lines that are a URL or a domain name.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::lexicon::{self, rows, ClutterKind};
use crate::text::chars;
use crate::text::fold::{fold_key, squeeze_folded};
use crate::text::hash::WordMap;
use crate::text::segment;
use crate::time::dateline::{self, Dateline};
use crate::tsv;

/// Why a line is where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Blank,
    Title,
    Dateline,
    Body,
    Clutter,
    /// A photo caption or credit: not the article's text, but the day it names is the story's.
    Caption,
}

/// One line of the page: folded byte range (without the line break) and its role.
#[derive(Debug, Clone)]
pub struct Line {
    pub range: Range<usize>,
    pub role: Role,
}

/// The page, taken apart.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
    /// Folded byte range of the headline (without a site-name prefix).
    pub title: Option<Range<usize>>,
    /// The outlet named by a "Source | …" line or a title prefix, as folded byte range.
    pub source: Option<Range<usize>>,
    /// The first dateline that gives a day.
    pub published: Option<Dateline>,
}

impl Layout {
    /// Folded ranges of the body lines, in order.
    pub fn body(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.lines
            .iter()
            .filter(|l| l.role == Role::Body)
            .map(|l| l.range.clone())
    }

    /// Title and body: where entities, quotes and events are looked for.
    pub fn content(&self) -> Vec<Range<usize>> {
        self.title.iter().cloned().chain(self.body()).collect()
    }

    /// Title, datelines and body: where dates are looked for.
    pub fn dated(&self) -> Vec<Range<usize>> {
        let lines = self
            .lines
            .iter()
            .filter(|l| matches!(l.role, Role::Body | Role::Dateline | Role::Caption))
            .map(|l| l.range.clone());
        let mut v: Vec<Range<usize>> = self.title.iter().cloned().chain(lines).collect();
        v.sort_by_key(|r| r.start);
        v
    }

    /// Folded ranges of the lines removed as boilerplate.
    pub fn clutter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.lines
            .iter()
            .filter(|l| matches!(l.role, Role::Clutter | Role::Caption))
            .map(|l| l.range.clone())
    }
}

pub(crate) static BYLINES: Lazy<Vec<String>> = Lazy::new(|| {
    rows(tsv!("bylines.tsv"), &["word"])
        .map(|r| fold_key(r.get("word")))
        .collect()
});

static URL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|news|tv|co|eg|sa|ae|qa|jo|lb|ma|dz|tn|iq|sy|ps|ye|kw|bh|om|ly|sd|uk|us|ru|fr|de)(?:/\S*)?)$")
        .expect("url pattern")
});

/// Separators between a site name and a headline in a page title.
const TITLE_SEPARATORS: [&str; 5] = [" - ", " | ", " – ", " — ", " :: "];

/// Facts about one line used by the rules.
struct Facts {
    /// Squeezed folded text, trimmed of bullets and punctuation at both ends.
    key: String,
    words: usize,
    /// Ends like a sentence.
    terminal: bool,
}

/// `text` is folded already (a line of the folded document), so its key needs no second fold.
fn line_facts(text: &str) -> Facts {
    let mut key = squeeze_folded(text);
    // trimmed in place: no second string per line
    let trimmed = key.trim_matches(|c: char| {
        !chars::is_alphanumeric(c)
            && !matches!(c, '"' | '«' | '»' | '“' | '”' | '.' | '؟' | '?' | '!')
    });
    let start = trimmed.as_ptr() as usize - key.as_ptr() as usize;
    let end = start + trimmed.len();
    key.truncate(end);
    key.drain(..start);
    let words = key
        .split(|c: char| !chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .count();
    let terminal = key.ends_with(['.', '؟', '?', '!', '"', '»', '”']) && !key.ends_with("..");
    Facts {
        key,
        words,
        terminal,
    }
}

/// A line that is one string printed two or more times over, ignoring spaces: how many times.
///
/// Compared as UTF-8 bytes: a byte string made of k equal pieces has pieces that start on
/// character boundaries (each starts with the string's first byte), so it is k equal runs of
/// characters too; this spares a buffer of `char`s for every line of every page.
fn self_repeats(key: &str) -> Option<usize> {
    let mut s: Vec<u8> = Vec::with_capacity(key.len());
    let mut buf = [0u8; 4];
    for c in key.chars().filter(|c| !c.is_whitespace()) {
        s.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    let n = s.len();
    (2..=6).find(|&k| {
        n >= 2 * k && n % k == 0 && {
            let unit = &s[..n / k];
            s.chunks(n / k).all(|c| c == unit)
                && std::str::from_utf8(unit).is_ok_and(|u| u.chars().nth(3).is_some())
        }
    })
}

/// Longest copy, in words, of a self-repeating line that is furniture (a masthead or headline
/// the template printed several times); as for lines repeated on the page.
const REPEATED_FURNITURE_WORDS: usize = 12;

/// Longest copy, in bytes of its folded text, of a self-repeating line that is furniture: twelve
/// long words. A line of a few "words" of thousands of characters (digits, a blob) is no
/// masthead, whatever its length divides by.
const REPEATED_FURNITURE_BYTES: usize = 400;

/// Is a line made of `copies` copies of one string furniture? Only when each copy is short and
/// does not end with a full stop: a sentence said twice over is text. (A headline ending with a
/// quotation or a question mark, printed twice by the template, is still furniture.)
fn is_repeated_furniture(f: &Facts, copies: usize) -> bool {
    let sentence = f.key.ends_with('.') && !f.key.ends_with("..");
    let short = f.words / copies <= REPEATED_FURNITURE_WORDS
        && f.key.len() / copies <= REPEATED_FURNITURE_BYTES;
    short && !sentence
}

/// The first of `copies` copies in a self-repeating line: its folded byte range.
fn first_copy(text: &str, line: Range<usize>, key: &str, copies: usize) -> Range<usize> {
    let unit = key.chars().filter(|c| !c.is_whitespace()).count() / copies;
    let s = &text[line.clone()];
    let Some(first) = key.chars().next() else {
        return line;
    };
    let start = s.find(first).unwrap_or(0);
    let mut seen = 0;
    for (i, c) in s[start..].char_indices() {
        if !c.is_whitespace() {
            seen += 1;
            if seen == unit {
                return trim_range(
                    text,
                    line.start + start..line.start + start + i + c.len_utf8(),
                );
            }
        }
    }
    line
}

/// A navigation bar: three or more short items between "|" or "•" separators.
fn is_menu(line: &str) -> bool {
    let items: Vec<&str> = line
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    items.len() >= 3 && items.iter().all(|x| x.split_whitespace().count() <= 3)
}

/// The first characters of the clutter phrases and the bylines, sorted: a line that starts with
/// none of them is neither, which spares comparing it with each phrase. None when a phrase is
/// empty (it would match any line).
static OPENERS: Lazy<Option<Vec<char>>> = Lazy::new(|| {
    let phrases = lexicon::tables().clutter.iter().map(|(p, _)| p.as_str());
    let mut firsts = phrases
        .chain(BYLINES.iter().map(String::as_str))
        .map(|p| p.chars().next())
        .collect::<Option<Vec<char>>>()?;
    firsts.sort_unstable();
    firsts.dedup();
    Some(firsts)
});

/// Whether a line's key may start a clutter phrase or a byline.
fn may_be_clutter(key: &str) -> bool {
    let Some(firsts) = OPENERS.as_ref() else {
        return true;
    };
    // the phrases are compared with the key trimmed of white space (a squeezed key has none in
    // front) and of some marks at its end, which leave its first character alone unless it is
    // all marks: such a key is compared as usual
    match key.chars().next() {
        Some(c) if !matches!(c, ':' | '.' | '!' | '|') && !c.is_whitespace() => {
            firsts.binary_search(&c).is_ok()
        }
        _ => true,
    }
}

fn clutter_phrase(key: &str, words: usize) -> Option<ClutterKind> {
    if !may_be_clutter(key) {
        return None;
    }
    let bare = key.trim_end_matches([':', '.', '!', '|']).trim();
    for (phrase, kind) in &lexicon::tables().clutter {
        let hit = match kind {
            ClutterKind::Line | ClutterKind::WithNext | ClutterKind::Footer => bare == phrase,
            ClutterKind::Prefix | ClutterKind::Head => {
                words <= 10 && starts_with_word(bare, phrase)
            }
            ClutterKind::Source => {
                words <= 10 && starts_with_word(bare, phrase) && {
                    let rest = bare[phrase.len()..].trim_start();
                    rest.starts_with(['|', ':', '：'])
                }
            }
        };
        if hit {
            return Some(*kind);
        }
    }
    None
}

fn starts_with_word(s: &str, w: &str) -> bool {
    s.starts_with(w)
        && s[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !chars::is_alphanumeric(c))
}

fn is_byline(key: &str, words: usize) -> bool {
    words <= 6 && may_be_clutter(key) && BYLINES.iter().any(|b| starts_with_word(key, b))
}

/// Take a page apart. `text` is the folded document.
pub fn layout(text: &str) -> Layout {
    let ranges = segment::lines(text);
    let facts: Vec<Facts> = ranges
        .iter()
        .map(|r| line_facts(&text[r.clone()]))
        .collect();
    let mut roles: Vec<Option<Role>> = facts
        .iter()
        .map(|f| f.key.is_empty().then_some(Role::Blank))
        .collect();
    let mut count: WordMap<&str, usize> = WordMap::default();
    for f in &facts {
        if !f.key.is_empty() {
            *count.entry(f.key.as_str()).or_default() += 1;
        }
    }
    let mut out = Layout::default();
    let n = ranges.len();

    let is_paragraph = |f: &Facts| f.words >= 15 || (f.words >= 8 && f.terminal);
    let first_paragraph = facts.iter().position(is_paragraph).unwrap_or(n);

    // Datelines, known phrases, bylines, links, menus and self-repeating lines, wherever they are.
    let mut footer_from = n;
    let mut copies: Vec<Option<usize>> = vec![None; n];
    // the rest of a line that opens with the page's date ("date 2024-03-15 Headline")
    let mut rests: Vec<Option<Range<usize>>> = vec![None; n];
    let mut credits = vec![false; n];
    let mut i = 0;
    while i < n {
        let f = &facts[i];
        if roles[i].is_some() {
            i += 1;
            continue;
        }
        if let Some(d) = dateline::parse(&text[ranges[i].clone()]) {
            if out.published.is_none() && d.day.is_some() {
                out.published = Some(d);
            }
            roles[i] = Some(Role::Dateline);
        } else if let Some((d, rest)) =
            leading_dateline(text, &ranges[i], facts[..i].iter().all(|f| f.words < 8))
        {
            if out.published.is_none() && d.day.is_some() {
                out.published = Some(d);
            }
            roles[i] = Some(Role::Dateline);
            rests[i] = Some(rest);
        } else if dateline::is_wire_line(&text[ranges[i].clone()]) {
            roles[i] = Some(Role::Dateline);
        } else if let Some(kind) = clutter_phrase(&f.key, f.words)
            .filter(|&k| k != ClutterKind::Head || i < first_paragraph)
        {
            roles[i] = Some(Role::Clutter);
            match kind {
                ClutterKind::WithNext => {
                    if let Some(j) = (i + 1..n).find(|&j| roles[j] != Some(Role::Blank)) {
                        if facts[j].words <= 15 {
                            roles[j] = Some(Role::Clutter);
                        }
                    }
                }
                ClutterKind::Footer if i * 2 >= n => footer_from = footer_from.min(i),
                ClutterKind::Source => {
                    let r = &ranges[i];
                    let line = &text[r.clone()];
                    if let Some(p) = line.find(['|', ':', '：']) {
                        let sep = line[p..].chars().next().map_or(1, char::len_utf8);
                        let inner = trim_range(text, r.start + p + sep..r.end);
                        if !inner.is_empty() {
                            out.source = Some(inner);
                        }
                    }
                }
                _ => {}
            }
        } else if let Some(k) = self_repeats(&f.key).filter(|&k| is_repeated_furniture(f, k)) {
            roles[i] = Some(Role::Clutter);
            copies[i] = Some(k);
        } else if let Some(k) = self_repeats(&f.key) {
            // a sentence or a long passage said twice is text (still one headline if it is one)
            copies[i] = Some(k);
        } else if is_byline(&f.key, f.words) || URL.is_match(&f.key) || is_menu(&f.key) {
            roles[i] = Some(Role::Clutter);
        } else if let Some(mark) = page_mark(&text[ranges[i].clone()], f) {
            roles[i] = Some(match mark {
                Mark::Credit => Role::Caption,
                Mark::Stamp => Role::Dateline,
                _ => Role::Clutter,
            });
            credits[i] = mark == Mark::Credit;
        }
        if roles[i] == Some(Role::Clutter) && is_links_heading(&facts[i]) {
            mark_link_list(&mut roles, &facts, i);
        }
        i += 1;
    }
    mark_caption_twins(text, &ranges, &mut roles, &facts, &credits);
    for j in footer_from..n {
        if roles[j].is_none() && facts[j].words < 30 {
            roles[j] = Some(Role::Clutter);
        }
    }

    // The title: the first line of the head of the page that reads like a headline (a headline
    // the template printed several times on one line counts once).
    let rest_facts: Vec<Option<Facts>> = rests
        .iter()
        .map(|r| r.as_ref().map(|r| line_facts(&text[r.clone()])))
        .collect();
    let rest_body = rest_paragraphs(text, &rests, &rest_facts);
    // A lede opening with its place or outlet and a dash, broken onto the next line without a
    // full stop ("<outlet> – Qatar announced on Wednesday a deal to\nstop the fighting..."), is
    // the article's first paragraph, not a headline; a headline after its site's name ("Site -
    // Headline") is followed by a dateline, a blank or a short line.
    let wrapped_lede = |j: usize| {
        let f = &facts[j];
        f.words >= 8
            && !f.terminal
            && j + 1 < n
            && roles[j + 1].is_none()
            && facts[j + 1].words >= 5
            && dateline::opens_with_wire_dash(&text[ranges[j].clone()])
    };
    // (a long line without a full stop may be the headline itself, unless it leads into the
    // next line with a colon or a comma)
    let head_end = (0..n)
        .find(|&j| {
            let f = &facts[j];
            let open = text[ranges[j].clone()]
                .trim_end()
                .ends_with([':', ',', '،', '؛', ';']);
            let paragraph =
                is_paragraph(f) && f.words >= 20 && (f.terminal || open || f.words > 30);
            (roles[j].is_none() && (paragraph || wrapped_lede(j))) || rest_body[j]
        })
        .unwrap_or(n);
    let words = |j: usize| match &rest_facts[j] {
        Some(f) => f.words,
        None => facts[j].words / copies[j].unwrap_or(1),
    };
    let headline_rest = |j: usize| {
        rest_facts[j]
            .as_ref()
            .zip(rests[j].as_ref())
            .is_some_and(|(f, r)| {
                page_mark(&text[r.clone()], f).is_none()
                    || strip_headline_marks(text, r.clone()).start > r.start
            })
    };
    let candidates: Vec<usize> = (0..head_end.min(n))
        .filter(|&j| {
            let usable = roles[j].is_none() || copies[j].is_some() || headline_rest(j);
            // a label ("Published on:") announces what follows it
            let label = rests[j].is_none() && text[ranges[j].clone()].trim_end().ends_with(':');
            usable && !rest_body[j] && words(j) >= 2 && !label
        })
        .collect();
    let title_line = candidates
        .iter()
        .copied()
        .find(|&j| (5..=30).contains(&words(j)))
        .or_else(|| {
            // a page that opens straight with a wire lede prints no headline: its short
            // head lines are labels ("Amman time - Jerusalem"), not a title
            if head_end < n && wrapped_lede(head_end) {
                return None;
            }
            candidates
                .iter()
                .copied()
                .find(|&j| rests[j].is_some() || count[facts[j].key.as_str()] == 1)
        });
    let mut title_key = String::new();
    if let Some(t) = title_line {
        let has_body_after = (t + 1..n).any(|j| roles[j].is_none() && facts[j].words >= 8);
        if has_body_after {
            if rests[t].is_none() {
                roles[t] = Some(Role::Title);
            }
            let line = match (copies[t], &rests[t]) {
                (_, Some(rest)) => rest.clone(),
                (Some(k), None) => first_copy(text, ranges[t].clone(), &facts[t].key, k),
                (None, None) => ranges[t].clone(),
            };
            let (title, site) = split_site_prefix(text, line, &facts, &ranges);
            let title = strip_headline_marks(text, title);
            title_key = line_facts(&text[title.clone()]).key;
            out.title = Some(title);
            if out.source.is_none() {
                out.source = site;
            }
        }
    }

    // Repeats: every copy of a short repeated line is furniture; of a long one, the later copies;
    // copies of the title are not content either.
    let mut seen: WordMap<&str, usize> = WordMap::default();
    for j in 0..n {
        let f = &facts[j];
        if f.key.is_empty() {
            continue;
        }
        let nth = seen.entry(f.key.as_str()).or_default();
        *nth += 1;
        if roles[j].is_some() {
            continue;
        }
        let repeated = count[f.key.as_str()] > 1;
        if (!title_key.is_empty() && f.key == title_key)
            || (repeated && (f.words <= 12 || *nth > 1))
        {
            roles[j] = Some(Role::Clutter);
        }
    }

    // Position: the head of the page keeps only headline-like lines; the tail loses its
    // short lines.
    // (A page without any paragraph is left alone: a short text is all content.)
    let rest_roles = rest_roles(&rests, &rest_body, title_line, &out);
    let first_body = (0..n)
        .find(|&j| {
            (roles[j].is_none() && is_paragraph(&facts[j])) || rest_roles[j] == Some(Role::Body)
        })
        .unwrap_or(0);
    for j in 0..first_body {
        if roles[j].is_none() && facts[j].words < 8 {
            roles[j] = Some(Role::Clutter);
        }
    }
    if let Some(last_body) = (0..n)
        .rev()
        .find(|&j| roles[j].is_none() && is_paragraph(&facts[j]))
    {
        for j in last_body + 1..n {
            if roles[j].is_none() && facts[j].words <= 4 && !facts[j].terminal {
                roles[j] = Some(Role::Clutter);
            }
        }
    }

    if out.published.is_none() {
        out.published = wire_dateline(text, &ranges, &roles, &facts);
    }

    out.lines = Vec::with_capacity(n);
    for (((r, role), rest), rest_role) in ranges.into_iter().zip(roles).zip(rests).zip(rest_roles) {
        let role = role.unwrap_or(Role::Body);
        match (rest, rest_role) {
            // a lede stays whole: the entity stage reads the wire dateline's city at the start
            // of a line as a place, where after the date it reads a capital as its country
            (Some(rest), Some(rest_role)) if rest_role != Role::Body => {
                let at = rest.start;
                out.lines.push(Line {
                    range: trim_range(text, r.start..at),
                    role,
                });
                out.lines.push(Line {
                    range: trim_range(text, at..r.end),
                    role: rest_role,
                });
            }
            (_, rest_role) => out.lines.push(Line {
                range: trim_range(text, r),
                role: rest_role.unwrap_or(role),
            }),
        }
    }
    out
}

/// Which rests of dateline-led lines are paragraphs (a lede printed after the date), not a
/// headline, a section name, a caption or a row of icons.
fn rest_paragraphs(
    text: &str,
    rests: &[Option<Range<usize>>],
    rest_facts: &[Option<Facts>],
) -> Vec<bool> {
    rests
        .iter()
        .zip(rest_facts)
        .map(|(r, f)| {
            r.as_ref().zip(f.as_ref()).is_some_and(|(r, f)| {
                let sentence = f.terminal || f.key.contains(". ");
                let paragraph = f.words >= 15 || (f.words >= 8 && f.terminal);
                paragraph && sentence && page_mark(&text[r.clone()], f).is_none()
            })
        })
        .collect()
}

/// What the rest of a dateline-led line is: the headline, a paragraph, or nothing of the
/// article (None: the whole line stays a dateline).
fn rest_roles(
    rests: &[Option<Range<usize>>],
    rest_body: &[bool],
    title_line: Option<usize>,
    out: &Layout,
) -> Vec<Option<Role>> {
    (0..rests.len())
        .map(|j| {
            let r = rests[j].as_ref()?;
            let titled = title_line == Some(j)
                && out
                    .title
                    .as_ref()
                    .is_some_and(|t| r.start <= t.start && t.end <= r.end);
            if titled {
                Some(Role::Title)
            } else {
                rest_body[j].then_some(Role::Body)
            }
        })
        .collect()
}

/// A line that opens with a dateline and goes on ("date 2024-03-15 Headline", "12 March 2024
/// Section"): the dateline and the folded range of the rest. Only lines in the head of the page
/// (`in_head`: no line of eight words or more above it) are read so: in the body, or in a
/// hard-wrapped paragraph, a date opening a line is part of a sentence.
fn leading_dateline(
    text: &str,
    line: &Range<usize>,
    in_head: bool,
) -> Option<(Dateline, Range<usize>)> {
    if !in_head {
        return None;
    }
    let s = &text[line.clone()];
    let (d, end) = dateline::leading(s)?;
    let rest = trim_range(text, line.start + end..line.end);
    (!rest.is_empty()).then_some((d, rest))
}

/// The day of a wire dateline opening one of the first paragraphs ("BAGHDAD, March 12, 2024 -").
fn wire_dateline(
    text: &str,
    ranges: &[Range<usize>],
    roles: &[Option<Role>],
    facts: &[Facts],
) -> Option<Dateline> {
    let day = (0..ranges.len())
        .filter(|&j| roles[j].is_none() && facts[j].words >= 8)
        .take(3)
        .find_map(|j| dateline::wire_day(&text[ranges[j].clone()]))?;
    Some(Dateline {
        day: Some(day),
        time: None,
        offset: None,
        weekday: None,
    })
}

/// Trim white space off a folded range.
fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

/// "Site - Headline" or "Headline | Site": split off the site name when the page confirms it,
/// i.e. the site name or the bare headline also appears elsewhere on the page.
fn split_site_prefix(
    text: &str,
    line: Range<usize>,
    facts: &[Facts],
    ranges: &[Range<usize>],
) -> (Range<usize>, Option<Range<usize>>) {
    let line = trim_range(text, line);
    let s = &text[line.clone()];
    for sep in TITLE_SEPARATORS {
        let Some(p) = s.find(sep) else { continue };
        let (a, b) = (
            line.start..line.start + p,
            line.start + p + sep.len()..line.end,
        );
        let (wa, wb) = (
            line_facts(&text[a.clone()]).words,
            line_facts(&text[b.clone()]).words,
        );
        let (site, head) = if wa <= 4 && wb >= 3 {
            (a, b)
        } else if wb <= 4 && wa >= 3 {
            (b, a)
        } else {
            continue;
        };
        let site_key = line_facts(&text[site.clone()]).key;
        let head_key = line_facts(&text[head.clone()]).key;
        // the site name confirmed by a short line naming it (a byline, a footer), not by any
        // sentence that happens to hold the word
        let confirmed = facts.iter().zip(ranges).any(|(f, r)| {
            r.start != line.start
                && (f.key == head_key
                    || (!site_key.is_empty() && f.words <= 6 && f.key.contains(&site_key)))
        });
        if confirmed {
            return (trim_range(text, head), Some(trim_range(text, site)));
        }
    }
    (line, None)
}

/// The page-reading kinds of `data/clutter.tsv` (the other kinds are read by the lexicon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A related-articles heading, or a link line it prefixes.
    Links,
    /// A photo credit: the line holding it is a caption.
    Credit,
    /// A prompt or wire credit line, whatever its length.
    Notice,
    /// Reading-time and live-blog furniture inside a very short line.
    Furniture,
    /// A byline timestamp word ("Updated"), with a date or time on the same short line.
    Stamp,
    /// Printed before a headline.
    TitlePrefix,
    /// Printed after a headline.
    TitleSuffix,
}

static MARKS: Lazy<Vec<(String, Mark)>> = Lazy::new(|| {
    rows(tsv!("clutter.tsv"), &["phrase", "kind"])
        .filter_map(|r| {
            let mark = match r.get("kind") {
                "links" => Mark::Links,
                "credit" => Mark::Credit,
                "notice" => Mark::Notice,
                "furniture" => Mark::Furniture,
                "stamp" => Mark::Stamp,
                "title_prefix" => Mark::TitlePrefix,
                "title_suffix" => Mark::TitleSuffix,
                _ => return None,
            };
            Some((squeeze_folded(&fold_key(r.get("phrase"))), mark))
        })
        .collect()
});

fn marks(kind: Mark) -> impl Iterator<Item = &'static str> {
    MARKS
        .iter()
        .filter(move |(_, k)| *k == kind)
        .map(|(p, _)| p.as_str())
}

/// The marks of the kinds looked for anywhere in a line, each kind in one automaton: a line is
/// read once for all of a kind's phrases instead of once per phrase.
static WORD_MARKS: Lazy<[(Mark, AhoCorasick); 3]> = Lazy::new(|| {
    [Mark::Credit, Mark::Furniture, Mark::Stamp].map(|kind| {
        let phrases: Vec<&str> = marks(kind).collect();
        let ac = AhoCorasick::new(phrases).expect("the clutter marks compile");
        (kind, ac)
    })
});

/// A phrase of marks of `kind` (Credit, Furniture or Stamp) occurs in `s` as whole words
/// (letters or digits on neither side of a phrase edge that is itself a letter or digit).
fn contains_mark(s: &str, kind: Mark) -> bool {
    let Some((_, ac)) = WORD_MARKS.iter().find(|(k, _)| *k == kind) else {
        return false;
    };
    let edge = |c: Option<char>| c.is_none_or(|c| !chars::is_alphanumeric(c));
    ac.find_overlapping_iter(s).any(|m| {
        let w = &s[m.range()];
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        (edge(before) || !w.starts_with(chars::is_alphanumeric))
            && (edge(after) || !w.ends_with(chars::is_alphanumeric))
    })
}

/// A line that starts with `w` as a whole word or mark.
fn starts_with_mark(s: &str, w: &str) -> bool {
    s.starts_with(w)
        && (!w.ends_with(chars::is_alphanumeric)
            || s[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !chars::is_alphanumeric(c)))
}

/// Page furniture the lexicon's kinds do not cover: related links, captions, prompts, reading
/// times and byline timestamps. `line` is the folded line, `f` its facts.
fn page_mark(line: &str, f: &Facts) -> Option<Mark> {
    let key = f.key.as_str();
    let bare = key.trim_end_matches([':', '.', '!', '|']).trim();
    // a heading alone on its line, or "Read also: <headline>" (the colon makes it a prefix)
    let links = marks(Mark::Links).any(|p| {
        bare == p.trim_end_matches(':')
            || (p.ends_with(':') && key.starts_with(p) && f.words <= 25 && !f.terminal)
    });
    if links {
        return Some(Mark::Links);
    }
    if f.words <= 60 && contains_mark(key, Mark::Credit) {
        return Some(Mark::Credit);
    }
    if f.words <= 60 && marks(Mark::Notice).any(|p| starts_with_mark(key, p)) {
        return Some(Mark::Notice);
    }
    if f.words <= 12 && contains_mark(key, Mark::Furniture) {
        return Some(Mark::Furniture);
    }
    let stamped = f.words <= 16
        && !f.terminal
        && contains_mark(key, Mark::Stamp)
        && (dateline::find_date(line).is_some() || dateline::find_time(line).is_some());
    stamped.then_some(Mark::Stamp)
}

/// A related-articles heading alone on its line ("Read also", "اقرأ أيضا").
fn is_links_heading(f: &Facts) -> bool {
    let bare = f.key.trim_end_matches([':', '.', '!', '|']).trim();
    marks(Mark::Links).any(|p| p.trim_end_matches(':') == bare)
}

/// Under a related-articles heading: the headline-like lines that follow it (short, without a
/// full stop), up to the first real paragraph or blank line.
fn mark_link_list(roles: &mut [Option<Role>], facts: &[Facts], heading: usize) {
    let mut items = 0;
    for j in heading + 1..facts.len() {
        match roles[j] {
            // the list ends at the first blank line after its items
            Some(Role::Blank) if items > 0 => break,
            Some(Role::Blank) => continue,
            Some(_) => break,
            None => {}
        }
        let f = &facts[j];
        if f.terminal || f.words > 25 || f.words < 3 {
            break;
        }
        roles[j] = Some(Role::Clutter);
        items += 1;
    }
}

/// A caption printed twice, once with its credit: a line that begins a caption next to it is
/// the caption too; so is a line ending in a date next to a credit (the wire caption's last
/// words are the day the photo was taken).
fn mark_caption_twins(
    text: &str,
    ranges: &[Range<usize>],
    roles: &mut [Option<Role>],
    facts: &[Facts],
    credits: &[bool],
) {
    let n = facts.len();
    let neighbours = |i: usize| {
        let prev = (0..i).rev().find(|&j| roles_nonblank(facts, j));
        let next = (i + 1..n).find(|&j| roles_nonblank(facts, j));
        [prev, next]
    };
    for i in 0..n {
        if roles[i].is_some() || facts[i].words < 5 || facts[i].words > 60 {
            continue;
        }
        let key = facts[i].key.trim_end_matches('.');
        let line = &text[ranges[i].clone()];
        let twin = neighbours(i).into_iter().flatten().any(|j| {
            credits[j]
                && (facts[j].key.starts_with(key) || ends_with_date(line) && facts[j].words <= 8)
        });
        if twin {
            roles[i] = Some(Role::Caption);
        }
    }
}

fn roles_nonblank(facts: &[Facts], j: usize) -> bool {
    !facts[j].key.is_empty()
}

/// The line's last words are a full date ("…, March 18, 2023.").
fn ends_with_date(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')'));
    dateline::find_date(t).is_some_and(|(_, r)| r.end == t.len())
}

/// A headline without the marks outlets print around it: "Breaking:", "عاجل..", "(فيديو)",
/// a breadcrumb's number ("3. ").
fn strip_headline_marks(text: &str, title: Range<usize>) -> Range<usize> {
    let mut r = trim_range(text, title);
    loop {
        let s = &text[r.clone()];
        let before = r.clone();
        if let Some(rest) = strip_numbering(s) {
            r.start += s.len() - rest.len();
        }
        let s = &text[r.clone()];
        for p in marks(Mark::TitlePrefix) {
            if let Some(rest) = after_prefix_mark(s, p) {
                r.start += s.len() - rest.len();
                break;
            }
        }
        let s = &text[r.clone()];
        for p in marks(Mark::TitleSuffix) {
            if let Some(head) = s.strip_suffix(p) {
                r.end = r.start + head.trim_end().len();
                break;
            }
        }
        r = trim_range(text, r);
        // never strip a headline away
        if r == before || line_facts(&text[r.clone()]).words < 2 {
            return if line_facts(&text[r.clone()]).words < 2 {
                before
            } else {
                r
            };
        }
    }
}

/// "3. Headline": the number a breadcrumb list prints before its last item.
fn strip_numbering(s: &str) -> Option<&str> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = s[digits..].strip_prefix(". ")?;
    Some(rest.trim_start())
}

/// The headline after a prefix mark, which a separator ("..", ":", "|", "-") ends unless the
/// mark carries its own.
fn after_prefix_mark<'a>(s: &'a str, mark: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(mark)?;
    let seps =
        |c: char| matches!(c, ':' | '.' | '|' | '-' | '–' | '—' | '،' | ',') || c.is_whitespace();
    let trimmed = rest.trim_start_matches(seps);
    let had_sep = rest[..rest.len() - trimmed.len()].trim() != "";
    // a mark of several words is a template phrase, never the headline's own words
    let mark_ends_in_sep = !mark.ends_with(chars::is_alphanumeric) || mark.contains(' ');
    let word_ends = rest
        .chars()
        .next()
        .is_none_or(|c| !chars::is_alphanumeric(c));
    (word_ends && (had_sep || mark_ends_in_sep)).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;

    #[test]
    fn self_repeats_counts_copies_of_four_letters_or_more() {
        assert_eq!(self_repeats("عاجل عاجل"), Some(2));
        assert_eq!(
            self_repeats("أخبار الخليج أخبار الخليج أخبار الخليج"),
            Some(3)
        );
        assert_eq!(self_repeats("Breaking News Breaking News"), Some(2));
        // the smallest number of copies wins, as the pieces are the longest
        assert_eq!(self_repeats("news news news news"), Some(2));
        // units shorter than four letters are words, not repeated headlines
        assert_eq!(self_repeats("لا لا"), None);
        assert_eq!(self_repeats("no no no"), None);
        assert_eq!(self_repeats("وزير الخارجية"), None);
        assert_eq!(self_repeats(""), None);
        assert_eq!(self_repeats("x"), None);
    }

    fn roles(page: &str) -> (Folded, Layout) {
        let f = Folded::new(page);
        let l = layout(&f.text);
        (f, l)
    }

    fn lines_with(f: &Folded, l: &Layout, role: Role) -> Vec<String> {
        l.lines
            .iter()
            .filter(|x| x.role == role)
            .map(|x| f.text[x.range.clone()].to_string())
            .collect()
    }

    const PAGE_AR: &str = "رئيس التحرير\nسامي الخطيب\nرئيس التحرير\nسامي الخطيب\n\n\
        وزير الخارجية الأردني يبحث مع نظيره الياباني تعزيز التعاون الاقتصادى\n\n\
        الأربعاء 15 مارس 2023 02:10 م\n\n\
        صورة الوزيرين\nصورة الوزيرين\n\n\
        بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره الياباني في عمان اليوم الأربعاء سبل تعزيز التعاون الاقتصادي والسياسي بين البلدين الصديقين.\n\n\
        آفاق جديدة\n\n\
        وقال الصفدي إن البلدين يعملان معا على توسيع الاستثمارات المشتركة في مجالات الطاقة والمياه خلال العام المقبل.\n\n\
        المصدر | وكالة الأنباء الأردنية\n\nكلمات مفتاحية\nالأردن اليابان تعاون\n\nالأكثر قراءة\nعنوان خبر آخر لا علاقة له\nموقع الخبر\nwww.example-news.com";

    #[test]
    fn arabic_page_parts() {
        let (f, l) = roles(PAGE_AR);
        let title = &f.text[l.title.clone().unwrap()];
        assert!(title.starts_with("وزير الخارجيه الاردني يبحث"));
        assert_eq!(
            l.published.as_ref().unwrap().iso().unwrap(),
            "2023-03-15T14:10"
        );
        let body = lines_with(&f, &l, Role::Body);
        assert_eq!(body.len(), 3, "{body:?}");
        assert_eq!(body[1], "افاق جديده"); // a sub-heading inside the article stays
        let clutter = lines_with(&f, &l, Role::Clutter);
        for c in [
            "رييس التحرير",
            "سامي الخطيب",
            "صوره الوزيرين",
            "كلمات مفتاحيه",
            "الاردن اليابان تعاون",
            "الاكثر قراءه",
            "www.example-news.com",
            "موقع الخبر",
        ] {
            assert!(
                clutter.iter().any(|x| x == c),
                "{c} not clutter: {clutter:?}"
            );
        }
        assert_eq!(&f.text[l.source.clone().unwrap()], "وكاله الانباء الاردنيه");
    }

    #[test]
    fn english_page_parts() {
        let page = "Jordan, Japan vow closer economic ties\n\n\nWed, 15 Mar 2023 - 10:20 GMT\n\nWed, 15 Mar 2023 - 10:20 GMT\n\nThe two ministers\n\nThe two ministers\n\n\
            AMMAN - 15 March 2023: Jordan and Japan agreed on Wednesday to expand cooperation in energy and water, Foreign Minister Ayman Safadi said.\n\n\
            \"We will work together,\" he added.\n\nLeave a Comment\n\nBe Social";
        let (f, l) = roles(page);
        assert_eq!(
            &f.text[l.title.clone().unwrap()],
            "jordan, japan vow closer economic ties"
        );
        assert_eq!(
            l.published.as_ref().unwrap().iso().unwrap(),
            "2023-03-15T10:20Z"
        );
        let body = lines_with(&f, &l, Role::Body);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(lines_with(&f, &l, Role::Clutter).contains(&"leave a comment".to_string()));
    }

    #[test]
    fn a_sentence_or_long_passage_said_twice_is_text_not_furniture() {
        let (f, l) = roles("Jordan and Japan met. Jordan and Japan met. ");
        assert_eq!(
            lines_with(&f, &l, Role::Body),
            ["jordan and japan met. jordan and japan met."]
        );
        let long =
            "the ministers of the two kingdoms talked about water energy trade and roads for hours";
        let (f, l) = roles(&format!("{long} {long}"));
        assert_eq!(lines_with(&f, &l, Role::Clutter), Vec::<String>::new());
        // a line of few but very long "words" (digits, a blob) repeated is no masthead either,
        // whatever its length divides by: it is read like any other line
        let blob = "0123456789٠١٢٣٤٥٦٧٨٩".repeat(40);
        let (f, l) = roles(&format!("{blob}{blob}{blob}"));
        assert_eq!(lines_with(&f, &l, Role::Clutter), Vec::<String>::new());
        // a short masthead printed twice is still furniture, and so is a headline ending with
        // a quotation
        let (f, l) = roles("Talks on \"water\" Talks on \"water\"\n\nJordan and Japan agreed on Wednesday to expand their cooperation in energy.");
        assert!(!lines_with(&f, &l, Role::Body)
            .iter()
            .any(|b| b.contains("talks")));
        let (f, l) = roles("Breaking News Breaking News\n\nJordan and Japan agreed on Wednesday to expand their cooperation in energy.");
        assert_eq!(
            lines_with(&f, &l, Role::Clutter),
            ["breaking news breaking news"]
        );
    }

    #[test]
    fn title_repeated_and_concatenated() {
        let t = "اتفاق مغربي ألماني على تعزيز التعاون في مجال الطاقة";
        let page = format!("{t}\n{t}{t}{t}\n\n{t}\n\nاتفق وزير الخارجية المغربي مع نظيرته الألمانية في الرباط على تعزيز التعاون في مجال الطاقة المتجددة والهيدروجين الأخضر.");
        let (f, l) = roles(&page);
        assert_eq!(l.lines.iter().filter(|x| x.role == Role::Title).count(), 1);
        assert_eq!(lines_with(&f, &l, Role::Clutter).len(), 2);
        assert_eq!(lines_with(&f, &l, Role::Body).len(), 1);
    }

    #[test]
    fn site_prefix_split_when_confirmed() {
        let page = "صوت المدينة - افتتاح معرض الكتاب الدولي في دورته الجديدة\n\nافتتاح معرض الكتاب الدولي في دورته الجديدة\n\nمحرر صوت المدينة\n\nافتتح وزير الثقافة صباح اليوم معرض الكتاب الدولي بمشاركة مئات الناشرين من عشرات الدول العربية والأجنبية في دورته الجديدة.";
        let (f, l) = roles(page);
        assert_eq!(
            &f.text[l.title.clone().unwrap()],
            "افتتاح معرض الكتاب الدولي في دورته الجديده"
        );
        assert_eq!(&f.text[l.source.clone().unwrap()], "صوت المدينه");
        assert!(lines_with(&f, &l, Role::Clutter).contains(&"محرر صوت المدينه".to_string()));
    }

    #[test]
    fn plain_paragraph_has_no_title() {
        let (_, l) = roles("The minister met his counterpart on Sunday.");
        assert!(l.title.is_none());
        assert_eq!(l.body().count(), 1);
    }

    #[test]
    fn menus_credits_and_a_headline_printed_three_times() {
        let t = "Farmers block highway over water cuts in the south";
        let page = format!(
            "Editor-in-Chief: Lina Haddad\nHome | Politics | Economy | Region\n\n{t} {t} {t}\n\n\
             Image: Farmers on the road near the city on Monday.\n\n\
             Hundreds of farmers blocked the main highway on Monday to protest against water rationing that has left their orchards dry since October."
        );
        let (f, l) = roles(&page);
        assert_eq!(&f.text[l.title.clone().unwrap()], &t.to_lowercase());
        let clutter = lines_with(&f, &l, Role::Clutter);
        assert!(
            clutter.iter().any(|c| c.starts_with("home | politics")),
            "{clutter:?}"
        );
        assert!(
            clutter.iter().any(|c| c.starts_with("editor-in-chief")),
            "{clutter:?}"
        );
        assert!(
            clutter.iter().any(|c| c.starts_with("image:")),
            "{clutter:?}"
        );
        assert_eq!(lines_with(&f, &l, Role::Body).len(), 1);
    }

    #[test]
    fn masthead_credit_only_counts_in_the_head() {
        let page = "رئيس مجلس الإدارة ورئيس التحرير\nهشام سالم\nرئيس مجلس الإدارة ورئيس التحرير\nهشام سالم\n\n\
            الشركة القابضة تعلن نتائجها السنوية وسط تراجع المبيعات\n\n\
            أعلنت الشركة القابضة للصناعات الغذائية اليوم نتائجها السنوية التي أظهرت تراجعا في المبيعات بنسبة عشرة في المئة مقارنة بالعام الماضي.\n\n\
            رئيس مجلس الإدارة يقدم استقالته\n\n\
            وقال بيان الشركة إن رئيس مجلس الإدارة قدم استقالته إلى الجمعية العمومية التي ستنظر فيها خلال اجتماعها المقبل الشهر القادم.";
        let (f, l) = roles(page);
        assert!(f.text[l.title.clone().unwrap()].starts_with("الشركه القابضه تعلن"));
        let body = lines_with(&f, &l, Role::Body);
        assert!(
            body.contains(&"رييس مجلس الاداره يقدم استقالته".to_string()),
            "{body:?}"
        );
    }

    #[test]
    fn headline_after_the_page_date_and_without_outlet_marks() {
        let page = " date 2024-05-02 Breaking: Port workers strike over unpaid wages (video)\n\n\
            Hundreds of port workers stopped loading ships on Thursday, demanding wages that have gone unpaid for three months.";
        let (f, l) = roles(page);
        assert_eq!(
            &f.text[l.title.clone().unwrap()],
            "port workers strike over unpaid wages"
        );
        assert_eq!(l.published.as_ref().unwrap().iso().unwrap(), "2024-05-02");
        let dated = l.dated();
        assert!(dated
            .iter()
            .any(|r| f.text[r.clone()].contains("2024-05-02")));

        let page = "عاجل.. افتتاح جسر جديد على النهر في العاصمة (فيديو)\n\n\
            افتتح رئيس الوزراء اليوم جسرا جديدا على النهر يربط شرق العاصمة بغربها بعد ثلاث سنوات من العمل.";
        let (f, l) = roles(page);
        assert_eq!(
            &f.text[l.title.clone().unwrap()],
            "افتتاح جسر جديد علي النهر في العاصمه"
        );
    }

    #[test]
    fn a_lede_after_the_page_date_stays_in_the_body() {
        let page = " date 2024-05-02 LAGOS: Flooding forced thousands of families from their homes on Thursday, officials said.\n\n\
            The river rose two metres overnight after a week of heavy rain.";
        let (f, l) = roles(page);
        assert!(l.title.is_none());
        let body = lines_with(&f, &l, Role::Body);
        assert!(body[0].contains("flooding forced thousands"), "{body:?}");
        assert_eq!(body.len(), 2, "{body:?}");
    }

    #[test]
    fn a_long_unpunctuated_first_line_is_the_headline() {
        let page = "وزير الزراعة يعلن خطة جديدة لدعم صغار المزارعين في المحافظات الجنوبية وتوفير البذور والأسمدة بأسعار مخفضة قبل بدء الموسم الزراعي المقبل\n\
            أعلن وزير الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين تشمل توفير البذور والأسمدة بأسعار مخفضة.";
        let (f, l) = roles(page);
        assert!(f.text[l.title.clone().unwrap()].starts_with("وزير الزراعه يعلن"));
    }

    #[test]
    fn related_links_captions_prompts_and_stamps_are_furniture() {
        let page = "Bakers protest rising flour prices across the region\n\n\
            By Sara Lind | Updated: 02-05-2024 09:15 GMT\n\
            3 min read\n\n\
            Bakers closed their shops on Thursday to protest against flour prices that have doubled since the start of the year.\n\n\
            Read also\n\
            Farmers warn of a poor wheat harvest\n\
            Mills cut output as costs climb\n\n\
            A baker shows an empty flour sack in the old market, May 1, 2024.\n\
            A baker shows an empty flour sack in the old market, May 1, 2024. (photo credit: Staff)\n\n\
            The union said the strike would continue until the ministry agreed to cap prices for another year.\n\n\
            (Reporting by Sara Lind; Editing by Tom West)\n\n\
            Sign up for our morning briefing to get the top stories in your inbox.";
        let (f, l) = roles(page);
        let body = lines_with(&f, &l, Role::Body);
        assert_eq!(body.len(), 2, "{body:?}");
        let captions = lines_with(&f, &l, Role::Caption);
        assert_eq!(captions.len(), 2, "{captions:?}");
        // a caption's day is still read, not its text
        assert!(l
            .dated()
            .iter()
            .any(|r| f.text[r.clone()].contains("may 1, 2024")));
        let clutter = lines_with(&f, &l, Role::Clutter);
        for c in [
            "3 min read",
            "farmers warn of a poor wheat harvest",
            "mills cut output as costs climb",
        ] {
            assert!(
                clutter.iter().any(|x| x == c),
                "{c} not clutter: {clutter:?}"
            );
        }
        assert!(lines_with(&f, &l, Role::Dateline)
            .iter()
            .any(|x| x.contains("updated: 02-05-2024")));
    }

    #[test]
    fn arabic_related_links_credits_and_notices_are_furniture() {
        let page = "ارتفاع أسعار الخبز في الأسواق المحلية خلال الأسبوع\n\n\
            ارتفعت أسعار الخبز في الأسواق المحلية هذا الأسبوع بنسبة كبيرة بسبب زيادة تكلفة الدقيق والنقل.\n\n\
            اقرأ أيضا\n\
            المخابز تطالب بدعم حكومي عاجل للدقيق\n\
            تراجع إنتاج القمح بسبب الجفاف في الشمال\n\n\
            صدر الصورة، وكالة محلية\n\n\
            وقال رئيس نقابة الخبازين إن الأسعار قد ترتفع مرة أخرى إذا لم تتدخل الحكومة قبل نهاية الشهر الجاري.\n\n\
            تابعوا آخر الأخبار عبر قناتنا على منصة التلغرام";
        let (f, l) = roles(page);
        let body = lines_with(&f, &l, Role::Body);
        assert_eq!(body.len(), 2, "{body:?}");
        let clutter = lines_with(&f, &l, Role::Clutter);
        assert!(
            clutter.iter().any(|x| x.starts_with("المخابز تطالب")),
            "{clutter:?}"
        );
        assert_eq!(lines_with(&f, &l, Role::Caption).len(), 1);
    }

    #[test]
    fn a_site_suffix_needs_a_short_line_naming_it() {
        // "officials" is in a sentence, not a byline: it stays in the headline
        let page = "Talks on the dam resume next week — officials\n\n\
            Negotiators will meet again next week to discuss the dam, officials from both countries said on Monday.";
        let (f, l) = roles(page);
        assert_eq!(
            &f.text[l.title.clone().unwrap()],
            "talks on the dam resume next week — officials"
        );
    }

    #[test]
    fn a_wire_dateline_gives_the_day() {
        let page = "Ministers agree on a new water plan\n\n\
            NAIROBI, March 12, 2024 - Ministers from five countries agreed on Tuesday to share data on river levels every week.";
        let (_, l) = roles(page);
        assert_eq!(l.published.as_ref().unwrap().iso().unwrap(), "2024-03-12");
    }

    /// A wire dateline alone on its line, without the year, is a dateline: its day is read as
    /// a date and it is neither headline nor clutter.
    #[test]
    fn a_wire_dateline_alone_on_its_line() {
        for page in [
            "River Pact Signed in Nairobi\n\nNAIROBI, March 12 (Xinhua) --\n\n\
             Ministers from five countries agreed on Tuesday to share data on river levels every week.",
            "توقيع اتفاق المياه في نيروبي\n\nنيروبي في 12 مارس /أ ش أ/\n\n\
             اتفق وزراء خمس دول يوم الثلاثاء على تبادل بيانات منسوب مياه النهر كل أسبوع بصورة منتظمة.",
        ] {
            let (f, l) = roles(page);
            let datelines = lines_with(&f, &l, Role::Dateline);
            assert_eq!(datelines.len(), 1, "{datelines:?}");
            assert!(l.dated().iter().any(|r| f.text[r.clone()].contains("12")));
        }
    }

    /// A lede opening with its outlet and a dash, broken onto the next line, is body, not the
    /// headline; a "Site - Headline" line before a dateline stays the headline.
    #[test]
    fn a_wrapped_lede_after_an_outlet_is_no_headline() {
        for (page, first) in [
            (
                "Published on:\n12/03/2024\nRiver Times - Ministers from five countries agreed on\n\
                 Tuesday to share data on river levels every week, officials\n\
                 said after a meeting in Nairobi.\nThe deal covers three rivers and ten dams.",
                "river times - ministers from five countries agreed on",
            ),
            (
                "نشر بتاريخ :\n12/03/2024\nصحيفة النهر – اتفق وزراء خمس دول يوم الثلاثاء على تبادل\n\
                 بيانات منسوب مياه النهر كل أسبوع بصورة منتظمة كما قال\n\
                 المسؤولون بعد اجتماع في نيروبي.\nويشمل الاتفاق ثلاثة أنهار وعشرة سدود.",
                "صحيفه النهر – اتفق وزراء خمس دول يوم الثلاثاء علي تبادل",
            ),
        ] {
            let (f, l) = roles(page);
            let body = lines_with(&f, &l, Role::Body);
            assert!(body.iter().any(|b| b == first), "{body:?}");
            assert_eq!(l.title, None);
        }
        let page = "River Times - Five countries agree to share river data every week\n\
            \u{2022} Tue 12 Mar 2024 10:15\n\n\
            Ministers from five countries agreed on Tuesday to share data on river levels every week.";
        let (f, l) = roles(page);
        assert!(f.text[l.title.clone().unwrap()].contains("five countries agree"));
    }
}
