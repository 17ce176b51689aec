//! Clause reading: for a predicate of a sentence (a reporting verb, an event trigger), the phrases
//! that fill its places: the agent (subject), the object and the prepositional arguments that
//! name the other side. No general parser: the news register's few constructions are read
//! directly from the word order, over the words of one sentence and the phrases a stage has
//! found in it (entity mentions, role nouns, pronouns).
//!
//! # API
//!
//! A stage gives the sentence's words ([`Word`], from [`crate::phrases::words_in`]), its phrases
//! in text order, not overlapping (any type implementing [`Phrase`]: word indices `first..=last`
//! and a folded byte range), and the predicate as a word span `(first, end)` (`end` one past its
//! last word, as a [`crate::phrases::Hit`] gives it).
//!
//! - [`agent`] returns the phrase that is the subject of the predicate.
//! - [`arguments`] returns the agent, the object and the prepositional arguments
//!   ([`Arguments`]); in a passive ("was attacked by X") the agent is the "by" phrase and the
//!   object the subject.
//!
//! Both are lookups by binary search over the phrases plus a walk bounded by a few words, so a
//! sentence of thousands of predicates stays linear.
//!
//! # Constructions
//!
//! | construction | example | agent |
//! |---|---|---|
//! | SVO | "The minister said …" | before the verb, at most 3 words away |
//! | apposition | "Ivan Petrov, the Russian envoy, said" | before the opening comma |
//! | relative clause | "the prince, who chaired the talks, said" | before the opening comma |
//! | inverted | "… , said the minister" | right after the verb |
//! | VSO (Arabic) | "قال الوزير", "وأكد الوزير أن" | right after the verb (one word may stand between) |
//! | named in quotes | "ذكرت قناة «الجزيرة» أن" | after the verb, quotation marks allowed between |
//! | according to | "according to X", "بحسب X", "وفق X" | right after the cue (read as verb first) |
//! | passive | "the ship was seized by X" | the phrase after "by" / "من قبل" |
//!
//! Prepositional arguments: a phrase at most two words after a preposition of
//! data/clause_words.tsv ("strikes on X", "talks with X", "عقوبات على X", "اتفاق مع X"), up to
//! the end of the clause.

use std::ops::Range;

use once_cell::sync::Lazy;

use crate::lexicon::rows;
use crate::phrases::{PhraseTable, Word};
use crate::text::chars::is_alphanumeric;
use crate::tsv;

/// A phrase of a sentence: word indices `first..=last` and its folded byte range.
pub trait Phrase {
    fn first(&self) -> usize;
    fn last(&self) -> usize;
    fn range(&self) -> Range<usize>;
}

/// How far back (in words) an apposition's opening comma is looked for.
const APPOSITION_WORDS: usize = 30;
/// How far after the predicate (in words) prepositional arguments are looked for.
const CLAUSE_WORDS: usize = 12;

/// What a word of data/clause_words.tsv does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClauseWord {
    /// Introduces a prepositional argument ("on", "with", "على", "مع").
    Prep,
    /// Introduces the agent of a passive ("by", "من قبل").
    By,
    /// An auxiliary that makes the next verb passive ("was", "were").
    Passive,
}

static WORDS: Lazy<PhraseTable<ClauseWord>> = Lazy::new(|| {
    let mut t = PhraseTable::default();
    for r in rows(tsv!("clause_words.tsv"), &["form", "kind"]) {
        let kind = match r.get("kind") {
            "prep" => ClauseWord::Prep,
            "by" => ClauseWord::By,
            "passive" => ClauseWord::Passive,
            _ => continue,
        };
        t.insert(r.get("form"), kind);
    }
    t
});

/// Load the word table now (the table check reads every table).
#[cfg(test)]
pub(crate) fn force_tables() {
    Lazy::force(&WORDS);
}

/// The arguments of a predicate.
#[derive(Debug)]
pub struct Arguments<'p, P> {
    pub agent: Option<&'p P>,
    pub object: Option<&'p P>,
    /// Prepositional arguments: the preposition's word index and the phrase.
    pub preps: Vec<(usize, &'p P)>,
}

/// Does the text between two byte offsets hold punctuation other than quotation marks?
fn punct_between(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|g| {
        g.contains(|ch: char| {
            !is_alphanumeric(ch) && !ch.is_whitespace() && !"\"“”«»„'‘’".contains(ch)
        })
    })
}

/// Does a comma stand in the gap before word `i`?
fn comma_before(text: &str, ws: &[Word], i: usize) -> bool {
    ws.get(i)
        .and_then(|w| text.get(w.gap_start..w.range.start))
        .is_some_and(|g| g.contains([',', '،']))
}

/// The phrase starting right after the predicate `pred` (at most one word between, no
/// punctuation but quotation marks): the subject of a verb-first clause.
fn after<'p, P: Phrase>(
    text: &str,
    ws: &[Word],
    ps: &'p [P],
    pred: (usize, usize),
) -> Option<&'p P> {
    let k = ps.partition_point(|p| p.first() < pred.1);
    ps[k..]
        .iter()
        .take_while(|p| p.first() <= pred.1 + 1)
        .find(|p| !punct_between(text, ws[pred.1 - 1].range.end, p.range().start))
}

/// The phrase ending at most three words before the predicate, no sentence punctuation between:
/// the subject of a subject-first clause.
fn before<'p, P: Phrase>(
    text: &str,
    ws: &[Word],
    ps: &'p [P],
    at: usize,
    reach: usize,
) -> Option<&'p P> {
    let k = ps.partition_point(|p| p.first() < at);
    ps[..k]
        .iter()
        .rev()
        .filter(|p| p.last() < at)
        .take_while(|p| p.last() + reach >= at)
        .find(|p| {
            !text[p.range().end..ws[at].range.start].contains(['.', ':', ';', '؛', '!', '?', '؟'])
        })
}

/// "X, the minister, said" / "X, who chaired the talks, said": when a comma stands just before
/// the verb at word `at` and another opens the inserted words, the subject is the phrase just
/// before the opening comma, or none (never a phrase inside the inserted words). `None` when the
/// verb follows no such insertion.
fn before_apposition<'p, P: Phrase>(
    text: &str,
    ws: &[Word],
    ps: &'p [P],
    at: usize,
) -> Option<Option<&'p P>> {
    if at < 2 || !comma_before(text, ws, at) {
        return None;
    }
    let floor = at.saturating_sub(APPOSITION_WORDS).max(1);
    let open = (floor..at - 1).rev().find(|&i| comma_before(text, ws, i))?;
    // the phrase must end right before the comma: "X, …, said"
    let k = ps.partition_point(|p| p.first() < open);
    let head = ps[..k].last().filter(|p| p.last() + 1 == open).filter(|p| {
        text.get(p.range().end..ws[open].range.start)
            .is_some_and(|g| !g.contains(['.', ':', ';', '؛', '!', '?', '؟']))
    });
    // a long role phrase no stage read as one ("the Under-Secretary-General for Humanitarian
    // Affairs, Tom Fletcher, said"): the name filling the inserted words is the subject
    let inserted = || {
        ps.get(k)
            .filter(|p| p.first() == open && p.last() + 1 == at)
    };
    Some(head.or_else(inserted))
}

/// The agent (subject) of the predicate at words `pred.0..pred.1`: right after it (verb first, as
/// Arabic reports and "according to X") or before it (subject first, as English does), tried in
/// the order the language prefers.
pub fn agent<'p, P: Phrase>(
    text: &str,
    ws: &[Word],
    ps: &'p [P],
    pred: (usize, usize),
    verb_first: bool,
) -> Option<&'p P> {
    if pred.0 >= pred.1 || pred.1 > ws.len() {
        return None;
    }
    let before = || {
        before_apposition(text, ws, ps, pred.0).unwrap_or_else(|| before(text, ws, ps, pred.0, 3))
    };
    let after = || after(text, ws, ps, pred);
    if verb_first {
        after().or_else(before)
    } else {
        before().or_else(after)
    }
}

/// Is the predicate at word `at` passive ("was seized", "were attacked")?
fn passive(text: &str, ws: &[Word], at: usize) -> bool {
    let aux = |i: usize| {
        WORDS
            .at(text, ws, i)
            .is_some_and(|h| *h.value == ClauseWord::Passive)
    };
    (at >= 1 && aux(at - 1)) || (at >= 2 && aux(at - 2))
}

/// The agent, object and prepositional arguments of the predicate at words `pred.0..pred.1`.
pub fn arguments<'p, P: Phrase>(
    text: &str,
    ws: &[Word],
    ps: &'p [P],
    pred: (usize, usize),
    verb_first: bool,
) -> Arguments<'p, P> {
    let mut out = Arguments {
        agent: None,
        object: None,
        preps: Vec::new(),
    };
    if pred.0 >= pred.1 || pred.1 > ws.len() {
        return out;
    }
    // the clause after the predicate: up to sentence punctuation or CLAUSE_WORDS words
    let end = (pred.1..ws.len().min(pred.1 + CLAUSE_WORDS))
        .find(|&i| punct_between(text, ws[i].gap_start, ws[i].range.start) && i > pred.1)
        .unwrap_or(ws.len().min(pred.1 + CLAUSE_WORDS));
    let mut by = None;
    let mut i = pred.1;
    while i < end {
        let Some(hit) = WORDS.at(text, ws, i) else {
            i += 1;
            continue;
        };
        let next = i + hit.len;
        let k = ps.partition_point(|p| p.first() < next);
        if let Some(p) = ps
            .get(k)
            .filter(|p| p.first() <= next + 1 && p.first() < end)
        {
            match hit.value {
                ClauseWord::Prep => out.preps.push((i, p)),
                ClauseWord::By if by.is_none() => by = Some(p),
                _ => {}
            }
        }
        i = next;
    }
    let subject = agent(text, ws, ps, pred, verb_first);
    if passive(text, ws, pred.0) {
        out.agent = by;
        out.object = subject;
        return out;
    }
    out.agent = subject;
    // the object: the first phrase after the predicate (after the agent in a verb-first
    // clause) that no preposition introduces
    let from = match subject {
        Some(s) if s.first() >= pred.1 => s.last() + 1,
        _ => pred.1,
    };
    let k = ps.partition_point(|p| p.first() < from);
    out.object = ps
        .get(k)
        .filter(|p| p.first() <= from + 1 && p.first() < end)
        .filter(|p| !out.preps.iter().any(|(_, q)| std::ptr::eq(*q, *p)))
        .filter(|p| !by.is_some_and(|b| std::ptr::eq(b, *p)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::words;
    use crate::text::fold::fold_key;

    /// A test phrase: the words of `name` where they first occur in the sentence.
    #[derive(Debug)]
    struct P {
        first: usize,
        last: usize,
        range: Range<usize>,
        name: &'static str,
    }

    impl Phrase for P {
        fn first(&self) -> usize {
            self.first
        }
        fn last(&self) -> usize {
            self.last
        }
        fn range(&self) -> Range<usize> {
            self.range.clone()
        }
    }

    /// The folded sentence, its words, the phrases `names` (in text order) and the predicate
    /// `verb` (its first occurrence).
    fn read(
        sentence: &str,
        names: &[&'static str],
        verb: &str,
    ) -> (String, Vec<Word>, Vec<P>, (usize, usize)) {
        let text = fold_key(sentence);
        let ws = words(&text, 0..text.len());
        let span = |s: &str, from: usize| -> (usize, usize) {
            let s = fold_key(s);
            let at = text[from..].find(&s).expect("in the sentence") + from;
            let first = ws
                .iter()
                .position(|w| w.range.start == at)
                .expect("word start");
            let last = ws
                .iter()
                .position(|w| w.range.end == at + s.len())
                .expect("word end");
            (first, last)
        };
        let mut ps = Vec::new();
        let mut from = 0;
        for name in names {
            let (first, last) = span(name, from);
            from = ws[last].range.end;
            ps.push(P {
                first,
                last,
                range: ws[first].range.start..ws[last].range.end,
                name,
            });
        }
        let (f, l) = span(verb, 0);
        (text, ws, ps, (f, l + 1))
    }

    fn agent_of(
        sentence: &str,
        names: &[&'static str],
        verb: &str,
        verb_first: bool,
    ) -> Option<&'static str> {
        let (text, ws, ps, pred) = read(sentence, names, verb);
        agent(&text, &ws, &ps, pred, verb_first).map(|p| p.name)
    }

    #[test]
    fn english_subject_before_the_verb() {
        let s = "The Norwegian minister said the talks would resume.";
        assert_eq!(
            agent_of(s, &["Norwegian minister"], "said", false),
            Some("Norwegian minister")
        );
        let s = "Laila Haddad told reporters in Oslo that the road was open.";
        assert_eq!(
            agent_of(s, &["Laila Haddad", "Oslo"], "told", false),
            Some("Laila Haddad")
        );
    }

    #[test]
    fn english_inverted_after_a_quotation() {
        let s = "the road is open, said Colonel Marek Zawada.";
        assert_eq!(
            agent_of(s, &["Marek Zawada"], "said", false),
            Some("Marek Zawada")
        );
    }

    #[test]
    fn english_apposition_and_relative_clause() {
        let s = "Tomas Lind, the envoy of Sweden to Kenya, said the vote was fair.";
        assert_eq!(
            agent_of(
                s,
                &["Tomas Lind", "envoy", "Sweden", "Kenya"],
                "said",
                false
            ),
            Some("Tomas Lind")
        );
        let s = "The governor, who met Ahmed Salah on Friday, said the port was closed.";
        assert_eq!(
            agent_of(s, &["governor", "Ahmed Salah"], "said", false),
            Some("governor")
        );
        // a role phrase no stage read whole: the name in apposition is the subject
        let s = "The special adviser for Water Security, Lina Haddad, said the dam was safe.";
        assert_eq!(
            agent_of(s, &["Lina Haddad"], "said", false),
            Some("Lina Haddad")
        );
    }

    #[test]
    fn english_according_to_and_passive() {
        let s = "The border was closed, according to Nadia Karim.";
        assert_eq!(
            agent_of(s, &["Nadia Karim"], "according to", true),
            Some("Nadia Karim")
        );
        let s = "The tanker was seized by the navy of Oman near the strait.";
        let (text, ws, ps, pred) = read(s, &["tanker", "navy", "Oman"], "seized");
        let args = arguments(&text, &ws, &ps, pred, false);
        assert_eq!(args.agent.map(|p| p.name), Some("navy"));
        assert_eq!(args.object.map(|p| p.name), Some("tanker"));
    }

    #[test]
    fn english_object_and_prepositional_arguments() {
        let s = "Ruritania imposed sanctions on Borduria and held talks with Elbonia.";
        let (text, ws, ps, pred) = read(s, &["Ruritania", "Borduria", "Elbonia"], "imposed");
        let args = arguments(&text, &ws, &ps, pred, false);
        assert_eq!(args.agent.map(|p| p.name), Some("Ruritania"));
        let preps: Vec<&str> = args.preps.iter().map(|(_, p)| p.name).collect();
        assert_eq!(preps, ["Borduria", "Elbonia"]);
        let s = "Ruritania warned Borduria on Monday.";
        let (text, ws, ps, pred) = read(s, &["Ruritania", "Borduria"], "warned");
        assert_eq!(
            arguments(&text, &ws, &ps, pred, false)
                .object
                .map(|p| p.name),
            Some("Borduria")
        );
    }

    #[test]
    fn arabic_verb_subject_object() {
        let s = "وقال وزير الخارجية الأردني إن المعبر سيفتح غدا";
        assert_eq!(
            agent_of(s, &["وزير الخارجية الأردني"], "وقال", true),
            Some("وزير الخارجية الأردني")
        );
        let s = "أكد السفير الياباني أن البلدين شريكان";
        assert_eq!(
            agent_of(s, &["السفير الياباني"], "أكد", true),
            Some("السفير الياباني")
        );
        // one word (a time adverb) may stand between the verb and its subject
        let s = "وأعلن اليوم المتحدث العسكري عن هدنة";
        assert_eq!(
            agent_of(s, &["المتحدث العسكري"], "وأعلن", true),
            Some("المتحدث العسكري")
        );
        let s = "فرضت كندا عقوبات على بوروديا واتفقت مع إلبونيا";
        let (text, ws, ps, pred) = read(s, &["كندا", "بوروديا", "إلبونيا"], "فرضت");
        let args = arguments(&text, &ws, &ps, pred, true);
        assert_eq!(args.agent.map(|p| p.name), Some("كندا"));
        let preps: Vec<&str> = args.preps.iter().map(|(_, p)| p.name).collect();
        assert_eq!(preps, ["بوروديا", "إلبونيا"]);
    }

    #[test]
    fn arabic_according_to_and_named_in_quotes() {
        let s = "وصل الوفد بحسب مصدر دبلوماسي";
        assert_eq!(
            agent_of(s, &["مصدر دبلوماسي"], "بحسب", true),
            Some("مصدر دبلوماسي")
        );
        let s = "وارتفع العدد وفق الهلال الأحمر";
        assert_eq!(
            agent_of(s, &["الهلال الأحمر"], "وفق", true),
            Some("الهلال الأحمر")
        );
        let s = "ذكرت قناة «النهار» أن الطريق مغلق";
        assert_eq!(agent_of(s, &["النهار"], "ذكرت", true), Some("النهار"));
    }

    #[test]
    fn no_agent_across_sentence_punctuation_or_bad_spans() {
        let s = "Ruritania objected. Officials said nothing.";
        assert_eq!(agent_of(s, &["Ruritania"], "said", false), None);
        let (text, ws, ps, _) = read(s, &["Ruritania"], "said");
        assert!(agent(&text, &ws, &ps, (3, 3), false).is_none());
        assert!(agent(&text, &ws, &ps, (3, 99), false).is_none());
    }
}
