//! Facilities and natural features by the shape of their name: a head word from
//! data/facilities.tsv and the name beside it.
//!
//! - English, head after the name: capitalised words, then the head ("Beirut International
//!   Airport", "Al Udeid Air Base", "Jabalia refugee camp", "the Red Sea").
//! - English, head before the name: "Strait of Hormuz", "the port of Hodeidah", "Mount Hermon".
//! - Arabic, head before the name (after its proclitic): a place or name the tables know ("مطار
//!   بيروت", "معبر رفح"), or words up to an adjective that closes the name ("قاعدة عين الأسد
//!   الجوية", "مطار رفيق الحريري الدولي"), or one word that is no everyday word ("سجن صيدنايا").
//!   A head that is also an everyday word (قاعدة "rule", محطة "station") needs its adjective.
//!
//! Each is a location, with the country of the place named inside it. Its words are claimed: a
//! capital or place inside is no separate mention ("Beirut" in "Beirut International Airport" is
//! not the Lebanese government), and a person found inside later ("King Khalid" in "King Khalid
//! International Airport") is dropped: a facility named after a person is a place.

use std::ops::Range;

use super::kb::{Form, HeadEnds, KnowledgeBase, WordTable};
use super::{places, translit};
use super::{Acc, Ctx, Found, Sentence};
use crate::analysis::Analysis;
use crate::doc::EntityKind;
use crate::lang::ar::{self, strip_proclitic};
use crate::lexicon::rows;
use crate::text::fold::fold_key;
use crate::text::hash::WordMap;
use crate::text::segment::TokKind;
use crate::tsv;

/// Most words of a name before an English head or between an Arabic head and its adjective.
const MAX_NAME: usize = 4;
/// Adjectives that may close any Arabic facility's name ("مطار رفيق الحريري الدولي").
const INTERNATIONAL: [&str; 2] = ["الدولي", "الدوليه"];

/// One head of data/facilities.tsv.
#[derive(Debug, Clone)]
struct Head {
    /// Its words, folded.
    words: Vec<String>,
    /// The name comes after the head ("Strait of", "مطار") rather than before it ("Airport").
    before: bool,
    /// Adjectives one of which must close the name (Arabic), folded.
    tails: Vec<String>,
}

/// The heads, by the word a scan meets them at: the first word of a head before its name, the
/// last of one after it.
#[derive(Debug, Clone, Default)]
pub struct Heads {
    heads: Vec<Head>,
    /// Looked up at every word: the table's filter turns most away unhashed.
    by_word: WordTable<Vec<usize>>,
    /// The endings of the words of `by_word`: an Arabic word that ends none is no head after
    /// any of its proclitics, and is turned away before they are tried.
    ends: HeadEnds,
}

impl Heads {
    pub(super) fn load() -> Heads {
        let mut heads = Vec::new();
        let mut by_word: WordMap<String, Vec<usize>> = WordMap::default();
        let mut ends = HeadEnds::default();
        for r in rows(tsv!("facilities.tsv"), &["head", "lang", "side", "tail"]) {
            let words: Vec<String> = r.get("head").split_whitespace().map(fold_key).collect();
            let before = r.get("side") == "before";
            let Some(anchor) = (if before { words.first() } else { words.last() }) else {
                continue;
            };
            ends.insert(anchor);
            by_word.entry(anchor.clone()).or_default().push(heads.len());
            let tails = r.get("tail").split(';').filter(|t| !t.trim().is_empty());
            heads.push(Head {
                words,
                before,
                tails: tails.map(fold_key).collect(),
            });
        }
        Heads {
            heads,
            by_word: by_word.into(),
            ends,
        }
    }

    fn at(&self, word: &str) -> &[usize] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }
}

/// A facility found in a sentence: its tokens and folded range.
struct Site {
    toks: Range<usize>,
    range: Range<usize>,
}

/// Find the facilities of every sentence, add them to `acc`, and take the hits inside their names
/// out of the sentences. Returns their mentions (character ranges) for [`settle`].
pub(crate) fn find(
    a: &Analysis,
    kb: &KnowledgeBase,
    sentences: &mut [Sentence],
    acc: &mut Acc,
) -> Vec<Range<usize>> {
    let mut claimed = Vec::new();
    for s in sentences.iter_mut() {
        let cx = Ctx::new(a, kb, s);
        let mut sites: Vec<Site> = Vec::new();
        let mut t = 0;
        while t < s.toks.len() {
            // a place the tables know by this very name ("Red Sea", "Gulf of Aden") is theirs
            let site = site_at(cx, t).filter(|x| {
                sites.last().is_none_or(|p| p.toks.end <= x.toks.start) && !known(cx, x)
            });
            match site {
                Some(x) => {
                    t = x.toks.end;
                    sites.push(x);
                }
                None => t += 1,
            }
        }
        for x in &sites {
            let country = country_inside(cx, &x.toks);
            let folded = &a.text()[x.range.clone()];
            let name = a.mention(x.range.clone()).text;
            let latin = if folded.is_ascii() {
                name.clone()
            } else {
                translit::latin(folded, &kb.given)
            };
            let id = translit::slug(&latin);
            let found = Found::place(&id, &name, country.as_deref());
            acc.add(a, found, x.range.clone());
            let m = a.mention(x.range.clone());
            claimed.push(m.start..m.end);
        }
        if !sites.is_empty() {
            release(kb, s, &sites);
        }
    }
    claimed
}

/// Drop the person mentions inside a facility's name (found by the person rules afterwards).
pub(crate) fn settle(acc: &mut Acc, claimed: &[Range<usize>]) {
    if claimed.is_empty() {
        return;
    }
    for e in acc.entities.iter_mut() {
        if e.kind != EntityKind::Person {
            continue;
        }
        e.mentions.retain(|m| {
            // the claims are in text order and do not overlap
            let k = claimed.partition_point(|c| c.start <= m.start);
            k == 0 || m.end > claimed[k - 1].end
        });
    }
}

/// The facility whose head or name starts at token `t`, if any.
fn site_at(cx: Ctx, t: usize) -> Option<Site> {
    let tok = cx.tok(t)?;
    if tok.kind != TokKind::Word {
        return None;
    }
    let word = cx.word(t);
    if word.is_ascii() {
        return english(cx, t);
    }
    // a head is the word's ending once its proclitic is off
    if !cx.kb.places.facilities.ends.may_end(word) {
        return None;
    }
    ar::INDEFINITE_PROCLITICS.iter().find_map(|p| {
        let stem = strip_proclitic(word, p)?;
        let heads = cx.kb.places.facilities.at(stem);
        let start = tok.range.start + p.len();
        heads
            .iter()
            .find_map(|&h| arabic(cx, t, start, &cx.kb.places.facilities.heads[h]))
    })
}

/// Do tokens `t..t + words.len()` spell `words`, one space apart?
fn spells(cx: Ctx, t: usize, words: &[String]) -> bool {
    words.iter().enumerate().all(|(i, w)| {
        cx.tok(t + i).is_some_and(|k| k.kind == TokKind::Word)
            && cx.word(t + i) == w
            && (i == 0 || gap(cx, t + i - 1) == " ")
    })
}

/// The text between token `t` and the next.
fn gap<'c>(cx: Ctx<'c>, t: usize) -> &'c str {
    match (cx.tok(t), cx.tok(t + 1)) {
        (Some(x), Some(y)) => cx.text().get(x.range.end..y.range.start).unwrap_or(""),
        _ => "",
    }
}

/// Is token `t` a capitalised word that may be part of a name (no "The", no "In")?
fn capitalised(cx: Ctx, t: usize) -> bool {
    cx.tok(t).is_some_and(|k| {
        k.kind == TokKind::Word
            && cx
                .orig(k.range.clone())
                .starts_with(|c: char| c.is_uppercase())
            && !cx.kb.word(cx.word(t)).stop
    })
}

/// "X Airport" ending at token `t`, or "Strait of X" starting there.
fn english(cx: Ctx, t: usize) -> Option<Site> {
    let facilities = &cx.kb.places.facilities;
    for &h in facilities.at(cx.word(t)) {
        let head = &facilities.heads[h];
        let n = head.words.len();
        if head.before {
            if !spells(cx, t, &head.words) {
                continue;
            }
            let mut end = t + n;
            while end < t + n + MAX_NAME
                && capitalised(cx, end)
                && (end == t + n || gap(cx, end - 1) == " ")
            {
                end += 1;
            }
            if end > t + n && (n > 1 || capitalised(cx, t)) {
                return Some(site(cx, t, end));
            }
        } else {
            let Some(first) = (t + 1).checked_sub(n) else {
                continue;
            };
            if !spells(cx, first, &head.words) {
                continue;
            }
            let mut start = first;
            while start > 0
                && first - start < MAX_NAME
                && capitalised(cx, start - 1)
                && gap(cx, start - 1) == " "
            {
                start -= 1;
            }
            // the name is its capitalised words; a capitalised head alone ("Camp") is none
            if start < first {
                return Some(site(cx, start, t + 1));
            }
        }
    }
    None
}

/// An Arabic head at token `t` (its name starting after the proclitic, at `start`).
fn arabic(cx: Ctx, t: usize, start: usize, head: &Head) -> Option<Site> {
    // the name runs to a closing adjective, when one comes within a few words
    let mut j = t + 1;
    while j <= t + MAX_NAME && cx.tok(j).is_some_and(|k| k.kind == TokKind::Word) {
        let w = cx.word(j);
        if j > t + 1 && (head.tails.iter().any(|x| x == w) || INTERNATIONAL.contains(&w)) {
            return Some(Site {
                toks: t..j + 1,
                range: start..cx.sent.toks[j].range.end,
            });
        }
        if gap(cx, j) != " " {
            break;
        }
        j += 1;
    }
    if !head.tails.is_empty() || gap(cx, t) != " " {
        return None;
    }
    // else a name the tables know, or one word that is no everyday word
    cx.tok(t + 1).filter(|k| k.kind == TokKind::Word)?;
    let end = match cx.hit_at(t + 1).map(|k| &cx.sent.hits[k]) {
        Some(h) if h.tokens.start == t + 1 && h.clitic.is_empty() && names_place(cx.kb, h) => {
            h.tokens.end
        }
        Some(_) => return None,
        None if proper_word(cx, t + 1) => t + 2,
        None => return None,
    };
    Some(Site {
        toks: t..end,
        range: start..cx.sent.toks[end - 1].range.end,
    })
}

/// Is the whole site one hit of the tables naming a place? (The hit covering its first token,
/// read through `hit_of`: a sentence of thousands of hits is not scanned per site.)
fn known(cx: Ctx, x: &Site) -> bool {
    let Some(h) = cx.hit_at(x.toks.start).map(|k| &cx.sent.hits[k]) else {
        return false;
    };
    h.tokens.start <= x.toks.start
        && x.toks.end <= h.tokens.end
        && h.targets.iter().any(|t| {
            matches!(t.form, Form::Name | Form::Capital)
                && cx.kb.records[t.record].kind == EntityKind::Location
        })
}

/// Does the hit name a place, a country or a person the tables know?
fn names_place(kb: &KnowledgeBase, h: &super::gazetteer::Hit) -> bool {
    h.targets.iter().any(|x| {
        matches!(x.form, Form::Name | Form::Capital)
            && matches!(
                kb.records[x.record].kind,
                EntityKind::Location | EntityKind::Country | EntityKind::Person
            )
    })
}

/// An Arabic word that may be a name by itself: no article, no everyday or given-name word, no
/// word of the lexicon tables.
fn proper_word(cx: Ctx, t: usize) -> bool {
    let w = cx.word(t);
    let role = cx.role(t);
    !w.starts_with(ar::AL)
        && w.chars().count() >= 3
        && !role.stop
        && !role.common
        && cx.kb.given.get(w).is_none_or(|g| !g.common)
        && !places::in_lexicon(cx.kb, w)
}

fn site(cx: Ctx, first: usize, end: usize) -> Site {
    Site {
        toks: first..end,
        range: cx.sent.toks[first].range.start..cx.sent.toks[end - 1].range.end,
    }
}

/// The country of the place named inside the facility's tokens (the hits covering them, read
/// through `hit_of`).
fn country_inside(cx: Ctx, toks: &Range<usize>) -> Option<String> {
    toks.clone()
        .filter_map(|t| cx.hit_at(t))
        .map(|k| &cx.sent.hits[k])
        .filter(|h| toks.start <= h.tokens.start && h.tokens.end <= toks.end)
        .flat_map(|h| &h.targets)
        .filter(|x| matches!(x.form, Form::Name | Form::Capital | Form::Adjective))
        .map(|x| &cx.kb.records[x.record])
        .find(|r| matches!(r.kind, EntityKind::Location | EntityKind::Country))
        .and_then(|r| r.country.clone())
}

/// Take the hits inside the facilities' names out of the sentence; country names and adjectives
/// stay ("Syrian" in a name is still a mention of Syria).
fn release(kb: &KnowledgeBase, s: &mut Sentence, sites: &[Site]) {
    // the sites are in text order and do not overlap: the one that may hold a hit is the last
    // starting at or before it
    let inside = |t: &Range<usize>| {
        let k = sites.partition_point(|x| x.toks.start <= t.start);
        k > 0 && t.end <= sites[k - 1].toks.end
    };
    s.hits.retain(|h| {
        !inside(&h.tokens)
            || h.targets.iter().any(|t| {
                matches!(t.form, Form::Name | Form::Adjective)
                    && kb.records[t.record].kind == EntityKind::Country
            })
    });
    s.hit_of.iter_mut().for_each(|x| *x = None);
    for (k, h) in s.hits.iter().enumerate() {
        for t in h.tokens.clone() {
            if let Some(slot) = s.hit_of.get_mut(t) {
                slot.get_or_insert(k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::EntityKind;
    use crate::fixtures::extracted_entities as entities;

    /// The locations found, as (mention, country).
    fn sites(text: &str) -> Vec<(String, Option<String>)> {
        entities(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Location)
            .flat_map(|e| {
                let c = e.country.clone();
                e.mentions.into_iter().map(move |m| (m.text, c.clone()))
            })
            .collect()
    }

    fn has(text: &str, mention: &str) -> bool {
        sites(text).iter().any(|(m, _)| m == mention)
    }

    #[test]
    fn an_english_name_before_its_head() {
        let t = "Flights resumed at Beirut International Airport on Monday.";
        assert!(sites(t).contains(&("Beirut International Airport".into(), Some("LBN".into()))));
        assert!(has(
            "Drones struck near Al Udeid Air Base overnight.",
            "Al Udeid Air Base"
        ));
        assert!(has(
            "Aid trucks waited outside the Jabalia refugee camp.",
            "Jabalia refugee camp"
        ));
        assert!(has("Tankers crossed the Black Sea slowly.", "Black Sea"));
        // a head with no capitalised name before it is none
        assert!(!has("The airport reopened after the storm.", "airport"));
    }

    #[test]
    fn an_english_head_before_its_name() {
        assert!(has(
            "Shipping through the Strait of Hormuz slowed.",
            "Strait of Hormuz"
        ));
        assert!(has(
            "Cranes at the port of Hodeidah were idle.",
            "port of Hodeidah"
        ));
        assert!(!has("Prices in the port of call rose.", "port of call"));
        // a place the tables know keeps its own entity
        let es = super::tests::entities("Tankers crossed the Red Sea slowly.");
        assert!(es.iter().any(|e| e.id == "REDSEA"));
    }

    #[test]
    fn an_arabic_head_before_a_known_place_or_a_proper_word() {
        assert!(has("هبطت الطائرة في مطار بيروت صباح اليوم.", "مطار بيروت"));
        assert!(has("أغلق معبر رفح أمام المسافرين.", "معبر رفح"));
        assert!(has("نقل المعتقلون إلى سجن صيدنايا.", "سجن صيدنايا"));
        assert!(has("توترت الملاحة في مضيق هرمز.", "مضيق هرمز"));
        // an everyday word after the head is no name
        assert!(!has("صدر حكم بالسجن عشر سنوات.", "سجن عشر"));
    }

    #[test]
    fn an_arabic_name_closed_by_its_adjective() {
        assert!(has(
            "سقطت صواريخ على قاعدة عين الأسد الجوية غرب العراق.",
            "قاعدة عين الأسد الجوية"
        ));
        // قاعدة alone is also "a rule": without its adjective it is no place
        assert!(!sites("وضعت الحكومة قاعدة جديدة للاستيراد.")
            .iter()
            .any(|(m, _)| m.starts_with("قاعدة")));
    }

    #[test]
    fn a_facility_named_after_a_person_is_a_place() {
        let es = entities("The plane landed at King Khalid International Airport.");
        assert!(es.iter().any(
            |e| e.kind == EntityKind::Location && e.name == "King Khalid International Airport"
        ));
        assert!(!es.iter().any(|e| e.kind == EntityKind::Person));
        let es = entities("وصل الوفد إلى مطار رفيق الحريري الدولي مساء أمس.");
        assert!(es
            .iter()
            .any(|e| e.kind == EntityKind::Location
                && e.mentions[0].text == "مطار رفيق الحريري الدولي"));
        assert!(!es.iter().any(|e| e.kind == EntityKind::Person));
    }
}
