//! Quotations and their speakers.
//!
//! Each body paragraph is scanned for quotation marks ([`marks`]); each quoted stretch is then
//! judged by its surroundings: a quoted name after "صحيفة", "app", "operation" is no quotation; a
//! short phrase inside an indirect report is a scare quote and skipped; a quotation introduced by
//! a cue (`وقال X: "…"`, `"…," X said`, `according to X`) or standing as a paragraph of its own is
//! `direct`; a longer stretch embedded in reported speech (`أشار إلى أن "…"`) is `partial`.
//! Speakers come from the cue's subject in either word order ([`speaker`]); a cue without a
//! subject ("وأضاف", "he added", "موضحًا") and a bare quoted paragraph continue the last speaker;
//! "البيان" / "the statement" is the body whose statement the article reports.

pub mod lexicon;
pub mod marks;
pub mod speaker;

use std::ops::Range;

use crate::analysis::Analysis;
use crate::doc::{Entity, Quote};
use crate::lang::ar::stems;
use crate::mentions::MentionIndex;
use crate::phrases::{words_in, words_of, Word};
use crate::text::segment::Token;
use lexicon::{lexicon, CueRole};
use marks::Marked;
use speaker::{chunks, resolve, subject, Chunk, Speaker, State, Who};

/// Quoted stretches shorter than this (in words) count only when a cue introduces them.
const MIN_PARTIAL_WORDS: usize = 4;

/// How far before a quotation mark (and after it) its cue and speaker are looked for, in bytes:
/// about 250 English or 130 Arabic words, far more than any "X said:" needs. Without a bound a
/// sentence of thousands of rejected marks would be read again from its start at each mark.
const CONTEXT_BYTES: usize = 1500;

/// `range` cut to at most [`CONTEXT_BYTES`] at its end nearest the mark (`keep_end`: the mark
/// follows the range), at a space so that no word is cut in half.
fn near_mark(text: &str, range: Range<usize>, keep_end: bool) -> Range<usize> {
    if range.len() <= CONTEXT_BYTES {
        return range;
    }
    if keep_end {
        let mut cut = range.end - CONTEXT_BYTES;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let start = text[cut..range.end]
            .find(char::is_whitespace)
            .map_or(range.end, |k| cut + k);
        start..range.end
    } else {
        let mut cut = range.start + CONTEXT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let end = text[range.start..cut]
            .rfind(char::is_whitespace)
            .map_or(range.start, |k| range.start + k);
        range.start..end
    }
}

/// Find the direct and partial quotations of a document and attribute them.
pub fn extract(a: &Analysis, entities: &[Entity]) -> Vec<Quote> {
    find(a, entities).into_iter().map(|q| q.quote).collect()
}

/// A quotation with its folded ranges, for the event stage too.
#[derive(Debug, Clone)]
pub struct Found {
    pub quote: Quote,
    /// Folded byte range of the quoted words.
    pub inner: Range<usize>,
    pub speaker: Option<Speaker>,
}

/// How a quoted stretch stands in its sentence.
struct Reading {
    direct: bool,
    /// The cue word's folded range, when there is one.
    cue: Option<Range<usize>>,
    speaker: Option<Speaker>,
    /// The speaker is the last one (a chain), not named here.
    chained: bool,
}

/// One document as its quotations are read: the analysis, the entities with their mentions in
/// the folded text and where each is first named, and the word order of its language.
struct Context<'c, 'a> {
    a: &'c Analysis<'a>,
    /// The folded text.
    text: &'c str,
    entities: &'c [Entity],
    idx: MentionIndex,
    /// First folded start of each entity's mentions (usize::MAX when none).
    first_at: Vec<usize>,
    /// Reports put the verb before its subject (Arabic).
    verb_first: bool,
}

/// Quotations with their folded ranges and speakers.
pub fn find(a: &Analysis, entities: &[Entity]) -> Vec<Found> {
    let text = a.text();
    let idx = MentionIndex::new(a, entities);
    let cx = Context {
        a,
        text,
        entities,
        first_at: first_mentions(&idx, entities.len()),
        idx,
        verb_first: a.lang == "ar",
    };
    let mut state = State {
        aliases: speaker::aliases(text, &cx.idx, entities),
        ..State::default()
    };
    let mut out: Vec<Found> = Vec::new();
    let body: Vec<Range<usize>> = a.layout.body().collect();
    let by_para = sentences_by_paragraph(&a.sentences, &body);
    // an unclosed quotation waiting for the speaker of its continuation paragraph
    let mut pending: Option<usize> = None;
    for (p, para) in body.iter().enumerate() {
        let marked = marks::find(text, para.clone());
        let sentences = &a.sentences[by_para[p].clone()];
        let mut prev_end = para.start;
        for m in &marked {
            let (lead, tail) = surroundings(text, para, sentences, &marked, m, prev_end);
            let Some(reading) = cx.read(&state, m, lead, tail) else {
                continue;
            };
            // a paragraph that opens a quotation and leaves it open, continued by a quoted
            // paragraph: the continuation's speaker is the first one's too
            if let Some(k) = pending.take() {
                if m.open == para.start && !reading.chained {
                    out[k].speaker = reading.speaker.clone();
                }
            }
            if !m.closed && m.open == para.start && reading.chained && body.get(p + 1).is_some() {
                pending = Some(out.len());
            }
            if reading.speaker.is_some() {
                state.last = reading.speaker.clone();
            }
            prev_end = m.end;
            out.push(Found {
                quote: quote(a, m, &reading),
                inner: m.inner.clone(),
                speaker: reading.speaker,
            });
        }
        if marked.is_empty() {
            pending = None;
        }
        for k in by_para[p].clone() {
            cx.update_state(&mut state, k, &marked);
        }
    }
    for f in &mut out {
        // a pending speaker may have been filled in later
        apply_speaker(a, entities, f);
    }
    out
}

/// The stretches before and after the quoted stretch `m` of paragraph `para` (whose
/// `sentences` and `marked` stretches are given) where its cue and speaker are looked for: from
/// the end of the previous quotation (`prev_end`) or the start of its sentence to the opening mark,
/// and from the closing mark to the end of its sentence or the next opening mark. Sentences and
/// marks are in text order and do not overlap: binary searches keep a paragraph of thousands of
/// quotations linear.
fn surroundings(
    text: &str,
    para: &Range<usize>,
    sentences: &[Range<usize>],
    marked: &[Marked],
    m: &Marked,
    prev_end: usize,
) -> (Range<usize>, Range<usize>) {
    let sent = sentences
        .get(sentences.partition_point(|s| s.end <= m.open))
        .filter(|s| s.start <= m.open)
        .cloned()
        .unwrap_or(para.clone());
    let lead = near_mark(text, prev_end.max(sent.start)..m.open, true);
    let tail_sent = sentences
        .get(sentences.partition_point(|s| s.end < m.end))
        .filter(|s| s.start < m.end)
        .cloned()
        .unwrap_or(sent.clone());
    let next_open = marked
        .get(marked.partition_point(|n| n.open < m.end))
        .map_or(para.end, |n| n.open);
    let tail = near_mark(text, m.end..tail_sent.end.min(next_open).max(m.end), false);
    (lead, tail)
}

/// The sentences lying inside each paragraph (both in text order), in one pass over each: for
/// each paragraph the range of their indices in `sentences` (sentences are in order and do not
/// overlap, so those of one paragraph are consecutive).
fn sentences_by_paragraph(sentences: &[Range<usize>], body: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = vec![0..0; body.len()];
    for (k, s) in sentences.iter().enumerate() {
        let p = body.partition_point(|b| b.end < s.end);
        if body.get(p).is_some_and(|b| b.start <= s.start) {
            if out[p].is_empty() {
                out[p] = k..k;
            }
            out[p].end = k + 1;
        }
    }
    out
}

/// First folded start of each entity's mentions (usize::MAX when none).
fn first_mentions(idx: &MentionIndex, n: usize) -> Vec<usize> {
    let mut v = vec![usize::MAX; n];
    for s in idx.within(0..usize::MAX) {
        v[s.entity] = v[s.entity].min(s.range.start);
    }
    v
}

/// Words of a sentence (its tokens, starting at folded byte `start`) that are not inside a quoted
/// stretch (`marked`: in text order, disjoint).
fn words_outside(tokens: &[Token], start: usize, marked: &[Marked]) -> Vec<Word> {
    let mut ws = words_of(tokens, start);
    if !marked.is_empty() {
        ws.retain(|w| {
            let k = marked.partition_point(|m| m.open <= w.range.start);
            k.checked_sub(1).is_none_or(|k| w.range.end > marked[k].end)
        });
    }
    ws
}

impl Context<'_, '_> {
    /// The speaker chunks of the words `ws` of one sentence.
    fn chunks(&self, ws: &[Word]) -> Vec<Chunk> {
        chunks(self.text, ws, &self.idx, self.entities)
    }

    /// The speaker a chunk names, as the document has said so far.
    fn resolve(&self, c: &Chunk, state: &State) -> Option<Speaker> {
        resolve(c, self.entities, state, &self.first_at)
    }

    /// Judge one quoted stretch: name, scare quote, partial or direct quotation, and its
    /// speaker. `lead` and `tail`: where its cue is looked for before and after it.
    fn read(
        &self,
        state: &State,
        m: &Marked,
        lead: Range<usize>,
        tail: Range<usize>,
    ) -> Option<Reading> {
        let text = self.text;
        let n_words = words_in(self.a, m.inner.clone()).len();
        let lead_ws = words_in(self.a, lead.clone());
        if self.names_before(&lead_ws, m) {
            return None;
        }
        let lead_txt = text[lead.clone()].trim_end();
        let colon = lead_txt.ends_with([':', ',', '،']);
        let lead_cs = self.chunks(&lead_ws);
        let mut reading = Reading {
            direct: lead_txt.is_empty() || colon,
            cue: None,
            speaker: None,
            chained: false,
        };
        self.cue_before(state, m, &lead_ws, &lead_cs, &mut reading);
        if reading.cue.is_none() {
            self.after_quote(state, tail, &mut reading);
        }
        if reading.cue.is_none() && colon && lead_txt.ends_with(':') {
            // "السفير الروسي: …" — a headline-style colon after the speaker
            if let Some(c) = lead_cs.last().filter(|c| lead_ws.len() == c.last + 1) {
                reading.speaker = self.resolve(c, state);
            }
        }
        if reading.cue.is_none()
            && reading.speaker.is_none()
            && lead_txt.is_empty()
            && n_words >= MIN_PARTIAL_WORDS
        {
            // a quoted paragraph on its own continues the last speaker
            reading.speaker = state.last.clone();
            reading.chained = true;
        }
        let short = n_words < MIN_PARTIAL_WORDS;
        if short && (!reading.direct || reading.speaker.is_none()) {
            return None;
        }
        Some(reading)
    }

    /// Is the quoted stretch `m` a name, introduced by the noun just before it ("صحيفة", "the
    /// app")? `lead_ws`: the words before it.
    fn names_before(&self, lead_ws: &[Word], m: &Marked) -> bool {
        let text = self.text;
        lead_ws
            .last()
            .filter(|w| text[w.range.end..m.open].trim().is_empty())
            .is_some_and(|w| {
                stems(&text[w.range.clone()])
                    .iter()
                    .any(|s| lexicon().names.contains(s))
            })
    }

    /// The cues before the quoted stretch `m` (in the words `lead_ws`, with their speaker chunks
    /// `lead_cs`), nearest first: the nearest sets the cue, the first with a subject names the
    /// speaker; a cue without one continues the last speaker.
    fn cue_before(
        &self,
        state: &State,
        m: &Marked,
        lead_ws: &[Word],
        lead_cs: &[Chunk],
        reading: &mut Reading,
    ) {
        let text = self.text;
        let cues = lexicon().cues.scan(text, lead_ws);
        for hit in cues.iter().rev() {
            let span = (hit.first, hit.first + hit.len);
            let who = match hit.value.role {
                CueRole::Verb => subject(text, lead_ws, lead_cs, span, self.verb_first),
                CueRole::According => subject(text, lead_ws, lead_cs, span, true),
                // the subject of "موضحًا" / "explaining" is the main verb's, found further back
                CueRole::Participle => None,
                CueRole::Statement => continue,
            };
            if reading.cue.is_none() {
                reading.cue = Some(hit.range.clone());
                reading.direct |=
                    span.1 == lead_ws.len() && text[hit.range.end..m.open].trim().is_empty();
            }
            if let Some(c) = who {
                reading.speaker = self.resolve(c, state);
                reading.chained = c.who == Who::Pronoun;
                break;
            }
        }
        if reading.cue.is_some() && reading.speaker.is_none() {
            reading.speaker = state.last.clone();
            reading.chained = true;
        }
    }

    /// `"…," the ambassador said` / `"…," he added` / `"…", according to X`: a cue just after
    /// the closing mark, in `tail`.
    fn after_quote(&self, state: &State, tail: Range<usize>, reading: &mut Reading) {
        let text = self.text;
        let verb_first = self.verb_first;
        let lex = lexicon();
        let ws = words_in(self.a, tail.clone());
        let cs = self.chunks(&ws);
        let Some(hit) = lex
            .cues
            .scan(text, &ws)
            .into_iter()
            .find(|hit| hit.first <= 4 && hit.value.role != CueRole::Statement)
        else {
            return;
        };
        let span = (hit.first, hit.first + hit.len);
        // after a quotation English puts the subject first ("he said") or last ("said X")
        let role = hit.value.role;
        let first = role == CueRole::According || (verb_first && role == CueRole::Verb);
        let who = if role == CueRole::Participle {
            None
        } else {
            subject(text, &ws, &cs, span, first)
        };
        reading.cue = Some(hit.range.clone());
        match who {
            Some(c) => {
                reading.speaker = self.resolve(c, state);
                reading.chained = c.who == Who::Pronoun;
            }
            None => {
                reading.speaker = state.last.clone();
                reading.chained = true;
            }
        }
        reading.direct = true;
    }

    /// After sentence `sent` (an index into `a.sentences`): its cue subjects become the last
    /// speaker, and a statement's issuer the statement owner ("في بيان لوزارة الداخلية", "قال
    /// المجلس، في بيان"). `marked`: the quoted stretches of its paragraph, whose words are not read.
    fn update_state(&self, state: &mut State, sent: usize, marked: &[Marked]) {
        let (a, text, entities, verb_first) = (self.a, self.text, self.entities, self.verb_first);
        let lex = lexicon();
        let ws = words_outside(a.tokens(sent), a.sentences[sent].start, marked);
        let cues = lex.cues.scan(text, &ws);
        // most sentences hold no cue: their speaker chunks are never read
        if cues.is_empty() {
            return;
        }
        let cs = self.chunks(&ws);
        let mut speaker: Option<Speaker> = None;
        let mut speaker_by_verb = false;
        let mut statement = false;
        for hit in cues {
            let span = (hit.first, hit.first + hit.len);
            match hit.value.role {
                CueRole::Statement => {
                    statement = true;
                    // "بيان لوزارة …", "a statement by the ministry": the body right after the word,
                    // not the subject of the next clause ("ووفق البيان، أشار المسؤول")
                    if let Some(c) = cs.iter().find(|c| {
                        c.first >= span.1
                            && c.first <= span.1 + 1
                            && is_entity(c)
                            && owned(text, &ws, span.1, c)
                    }) {
                        state.statement_owner = self.resolve(c, state);
                    }
                }
                // a reporting verb's subject outranks an "according to" source in the same sentence
                CueRole::Verb | CueRole::According => {
                    let verb = hit.value.role == CueRole::Verb;
                    if speaker.is_none() || (verb && !speaker_by_verb) {
                        if let Some(c) = subject(text, &ws, &cs, span, !verb || verb_first) {
                            if c.who != Who::Pronoun {
                                speaker = self.resolve(c, state);
                                speaker_by_verb = verb;
                            }
                        }
                    }
                }
                CueRole::Participle => {}
            }
        }
        if let Some(s) = speaker {
            if statement
                && s.entity.is_some()
                && state
                    .statement_owner
                    .as_ref()
                    .is_none_or(|o| o.entity != s.entity)
            {
                let issuer = s.entity.map(|e| &entities[e]);
                if issuer.is_some_and(|e| e.kind != crate::doc::EntityKind::Person) {
                    state.statement_owner = Some(s.clone());
                }
            }
            state.last = Some(s);
        }
    }
}

/// Does the chunk `c`, at most one word after the statement word ending before word `next`,
/// name the statement's issuer? No punctuation and no cue verb may stand between them.
fn owned(text: &str, ws: &[Word], next: usize, c: &Chunk) -> bool {
    let Some(w) = ws.get(next) else {
        return false;
    };
    // a chunk that starts before the gap (a name reaching back over the statement word) is not
    // after it
    let Some(between) = text.get(w.gap_start..c.range.start) else {
        return false;
    };
    let punct = between
        .contains(|ch: char| !crate::text::chars::is_alphanumeric(ch) && !ch.is_whitespace());
    let verb = c.first > next && lexicon().cues.at(text, ws, next).is_some();
    !punct && !verb
}

fn is_entity(c: &Chunk) -> bool {
    matches!(c.who, Who::Entity(_))
}

fn quote(a: &Analysis, m: &Marked, reading: &Reading) -> Quote {
    let q = a.mention(m.inner.clone());
    let cue = reading.cue.clone().map(|c| a.mention(c).text);
    Quote {
        start: q.start,
        end: q.end,
        text: q.text,
        kind: if reading.direct { "direct" } else { "partial" }.to_string(),
        speaker: None,
        speaker_name: None,
        speaker_text: None,
        cue,
    }
}

/// Fill the speaker fields of a quotation from its resolved speaker.
fn apply_speaker(a: &Analysis, entities: &[Entity], f: &mut Found) {
    let Some(s) = &f.speaker else {
        f.quote.speaker_text = None;
        return;
    };
    f.quote.speaker_text = Some(a.mention(s.range.clone()).text);
    if let Some(e) = s.entity.and_then(|e| entities.get(e)) {
        f.quote.speaker = Some(e.id.clone());
        f.quote.speaker_name = Some(e.name.clone());
    }
}

#[cfg(test)]
mod tests;
