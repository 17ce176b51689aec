//! Tense for the date grammar: which way an expression with missing parts points, from a shift
//! word beside it (الماضي, next) or a future marker in its sentence (will, سوف, سيعقد), unless
//! a verb of reporting in the past stands right before it ("said Friday", "قال الأحد").

use super::{Dir, Kind, Parser, Pos, Word};
use crate::lang::ar;

/// How many words the subject of an Arabic verb-subject-day clause may take: "وزير الخارجية
/// الأردني أيمن الصفدي" is five.
const SUBJECT_REACH: usize = 6;

/// Folded Arabic words that open a clause of their own (أن, إن and their pronoun forms, the
/// relative pronouns): a day after them is not the time of a verb before them.
const CLAUSE_OPENERS: [&str; 9] = [
    "ان",
    "انه",
    "انها",
    "انهم",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "حيث",
];

impl Parser<'_> {
    /// A future marker near tokens `i..e`: "will", "سوف", "المقرر", or a verb with the future
    /// prefix سـ (سيعقد, سأعود), in the same sentence. The look-back is long enough for a clock
    /// time and its zone between the verb and the day ("will take effect at 4 a.m. local time
    /// (0200 GMT) on Wednesday").
    fn future(&self, i: usize, e: usize) -> bool {
        self.future_but(i, e, |_| false)
    }

    /// [`Self::future`], leaving out the tokens `skip` says.
    fn future_but(&self, i: usize, e: usize, skip: impl Fn(usize) -> bool) -> bool {
        let mut lo = i;
        while lo > 0 && i - lo < 20 && !self.sentence_end(lo - 1) {
            lo -= 1;
        }
        let mut hi = e;
        while hi < self.toks.len() && hi - e < 4 && !self.sentence_end(hi) {
            hi += 1;
        }
        (lo..hi)
            .filter(|k| (*k < i || *k >= e) && !skip(*k))
            .any(|k| self.future_word(k))
    }

    /// Token `k` ends a sentence: a full stop that is not the point of an abbreviation of one
    /// letter ("a.m.", "U.S."), or !, ? or ;.
    fn sentence_end(&self, k: usize) -> bool {
        if self.punct(k, &["!", "?", "؟", ";", "؛"]) {
            return true;
        }
        self.punct(k, &["."])
            && !(k > 0
                && self.toks[k - 1].kind == Kind::Word
                && self.toks[k - 1].text.chars().count() == 1)
    }

    /// Token `k` says the future: a future word ("will", سوف, "as soon as"), "next" before a
    /// unit, or a verb with the future prefix. An Arabic future phrase of several words ("على
    /// أن") counts only before a verb in the imperfect: "على أن يغادر" announces, "أكد على أن
    /// الاتفاق" reports.
    fn future_word(&self, k: usize) -> bool {
        let hits = &self.hits[k];
        if hits.iter().any(|hit| {
            (hit.word == Word::Future
                && (hit.end == k + 1 || self.toks[k].text.is_ascii() || self.imperfect(hit.end)))
                || (hit.word == Word::Shift(1, Pos::Post) && k > 0 && self.unit_at(k - 1))
                || (hit.word == Word::Shift(1, Pos::Pre) && self.unit_at(hit.end))
        }) {
            return true;
        }
        if !hits.is_empty() {
            return false;
        }
        // A verb in the future: a conjunction, then س before the prefix of the imperfect
        // (سيعقد) or the first person's ا (سأعود, folded).
        let text = self.toks[k].text;
        let w = ar::CONJUNCTIONS
            .iter()
            .find_map(|c| text.strip_prefix(c))
            .unwrap_or(text);
        let Some(verb) = w.strip_prefix('س') else {
            return false;
        };
        let person =
            ar::IMPERFECT_PREFIXES.iter().any(|p| verb.starts_with(p)) || verb.starts_with('ا');
        person && verb.chars().count() >= 4
    }

    /// Token `k` names a unit of time, a weekday or a month: what "next" or المقبل must shift to
    /// say the future ("next week", "الشهر المقبل"), unlike "next to" or "where she arrived next".
    fn unit_at(&self, k: usize) -> bool {
        self.hits.get(k).is_some_and(|hits| {
            hits.iter().any(|hit| {
                matches!(
                    hit.word,
                    Word::Unit(..) | Word::Weekday(..) | Word::Month(..) | Word::Quarter
                )
            })
        })
    }

    /// A verb of reporting in the past or "since" right before token `i`, with "on" or يوم
    /// between them at most: "said Friday", "announced on Monday", "since March", "قال يوم الأحد".
    /// An English verb in -ed counts unless a form of "be" comes before it ("will be held
    /// Friday" announces) or it says the future itself ("scheduled", "expected").
    fn reported(&self, i: usize) -> bool {
        let mut k = i;
        if k > 0
            && self.toks[k - 1].kind == Kind::Word
            && self.hits[k - 1]
                .iter()
                .any(|h| matches!(h.word, Word::Prep(_)) && h.end == k)
        {
            k -= 1;
        }
        let Some(v) = k.checked_sub(1) else {
            return false;
        };
        if self.reported_across_subject(i) {
            return true;
        }
        let tok = &self.toks[v];
        if tok.kind != Kind::Word {
            return false;
        }
        let hits = &self.hits[v];
        if hits.iter().any(|h| h.word == Word::Past) {
            return true;
        }
        let passive = v > 0 && ["be", "been", "being"].contains(&self.toks[v - 1].text);
        tok.text.is_ascii()
            && tok.text.len() >= 5
            && tok.text.ends_with("ed")
            && !passive
            && hits.iter().all(|h| h.word != Word::Future)
    }

    /// An Arabic verb of reporting in the past opening a verb-subject-day clause, its subject
    /// between them: "أعلنت الحكومة المصرية الخميس أنها ستفتح", "أكد وزير الخارجية الأحد أن": the
    /// day is when it was said, whatever future the clause it introduces speaks of. The
    /// subject is at most [`SUBJECT_REACH`] words with no reading in the time lexicon; a
    /// punctuation mark, a word that opens a clause ("أن", "الذي") or a verb in the future between
    /// them means the day belongs to another clause.
    fn reported_across_subject(&self, i: usize) -> bool {
        if self.toks.get(i).is_none_or(|t| t.text.is_ascii()) {
            return false;
        }
        for v in (i.saturating_sub(SUBJECT_REACH + 1)..i).rev() {
            let tok = &self.toks[v];
            if tok.kind != Kind::Word || CLAUSE_OPENERS.contains(&tok.text) || self.future_word(v) {
                return false;
            }
            if self.hits[v].iter().any(|h| h.word == Word::Past) {
                return true;
            }
            if !self.hits[v].is_empty() {
                return false;
            }
        }
        false
    }

    /// Token `k` is a verb in the imperfect (يغادر, تبدأ): a word of three letters or more
    /// that opens with an imperfect prefix.
    fn imperfect(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && t.text.chars().count() >= 3
                && ar::IMPERFECT_PREFIXES.iter().any(|p| t.text.starts_with(p))
        })
    }

    pub(super) fn dir_of(&self, shift: Option<i64>, i: usize, e: usize) -> Dir {
        match shift {
            Some(k) if k < 0 => Dir::Past,
            Some(k) if k > 0 => Dir::Next,
            _ if self.reported(i) => Dir::Auto,
            _ if self.future(i, e) => Dir::Future,
            _ => Dir::Auto,
        }
    }

    /// [`Self::dir_of`] for a month or a day of a month without its year: after a deadline word
    /// ("by May", "حتى مايو") the nearest one, either way, unless the sentence says the future
    /// otherwise ("until" is itself a future word). A weekday keeps `dir_of`: "by Wednesday"
    /// is as often a report's past as a deadline ahead.
    pub(super) fn month_dir(&self, shift: Option<i64>, i: usize, e: usize) -> Dir {
        if shift.is_none()
            && !self.reported(i)
            && self.deadline(i)
            && !self.future_but(i, e, |k| self.is_deadline(k))
        {
            return Dir::Nearest;
        }
        self.dir_of(shift, i, e)
    }

    /// A deadline word (by, until, حتى, بحلول) opens the match at `i` or ends right before it.
    fn deadline(&self, i: usize) -> bool {
        let is = |k: usize, end: Option<usize>| {
            self.hits[k]
                .iter()
                .any(|h| h.word == Word::Deadline && end.is_none_or(|e| h.end == e))
        };
        is(i, None) || (i.saturating_sub(3)..i).any(|k| is(k, Some(i)))
    }

    /// Token `k` opens a deadline phrase.
    fn is_deadline(&self, k: usize) -> bool {
        self.hits[k].iter().any(|h| h.word == Word::Deadline)
    }
}
