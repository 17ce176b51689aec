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
use crate::doc::{Entity, Mention, Quote};
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
    find(a, entities).0.into_iter().map(|q| q.quote).collect()
}

/// The quotations, and the places where the reading of their speakers found an entity named by
/// reference rather than by name ("the bloc" for ECOWAS, "the Iraqi foreign minister" for the
/// minister named before, "البيان" for the body that issued it): `(entity index, mention)`, for
/// [`join_references`].
pub fn extract_with_references(
    a: &Analysis,
    entities: &[Entity],
) -> (Vec<Quote>, Vec<(usize, Mention)>) {
    let (found, refs) = find(a, entities);
    (found.into_iter().map(|q| q.quote).collect(), refs)
}

/// Add the references to their entities' mentions (in text order, each place once), so the
/// chain from a name to "the minister" and "the statement" is in the output.
pub fn join_references(entities: &mut [Entity], refs: Vec<(usize, Mention)>) {
    for (e, m) in refs {
        let Some(ent) = entities.get_mut(e) else {
            continue;
        };
        let k = ent.mentions.partition_point(|x| x.start < m.start);
        if ent.mentions.get(k).is_none_or(|x| x.start != m.start) {
            ent.mentions.insert(k, m);
        }
    }
}

/// The speakers in `said` (resolved, in text order) that name their entity by reference: none
/// of its own mentions lies inside their words.
fn references(a: &Analysis, idx: &MentionIndex, said: &[Speaker]) -> Vec<(usize, Mention)> {
    let mut out: Vec<(usize, Mention)> = said
        .iter()
        .filter_map(|s| {
            let e = s.entity?;
            let named = idx.within(s.range.clone()).iter().any(|m| m.entity == e);
            (!named).then(|| (e, a.mention(s.range.clone())))
        })
        .collect();
    out.sort_by_key(|(e, m)| (*e, m.start));
    out.dedup_by_key(|(e, m)| (*e, m.start));
    out
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

/// Quotations with their folded ranges and speakers, and the references their speakers' reading
/// found ([`extract_with_references`]).
pub fn find(a: &Analysis, entities: &[Entity]) -> (Vec<Found>, Vec<(usize, Mention)>) {
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
    let (bodies, body_keys) = speaker::bodies(&cx.idx, entities);
    let mut state = State {
        aliases: speaker::aliases(text, &cx.idx, entities),
        bodies,
        body_keys,
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
        // the speaker of the last quotation read in this paragraph
        let mut prev_speaker: Option<Speaker> = None;
        for m in &marked {
            let (lead, tail, same_sentence) =
                surroundings(text, para, sentences, &marked, m, prev_end);
            let before = prev_speaker.as_ref().filter(|_| same_sentence);
            let Some(reading) = cx.read(&state, m, lead, tail, before) else {
                continue;
            };
            prev_speaker = reading.speaker.clone();
            if let Some(s) = reading.speaker.as_ref().filter(|_| !reading.chained) {
                state.said.push(s.clone());
            }
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
    let refs = references(a, &cx.idx, &state.said);
    (out, refs)
}

/// The stretches before and after the quoted stretch `m` of paragraph `para` (whose
/// `sentences` and `marked` stretches are given) where its cue and speaker are looked for: from
/// the end of the previous quotation (`prev_end`) or the start of its sentence to the opening mark,
/// and from the closing mark to the end of its sentence or the next opening mark; and whether
/// the previous quotation ended in the same sentence. Sentences and marks are in text order and
/// do not overlap: binary searches keep a paragraph of thousands of quotations linear.
fn surroundings(
    text: &str,
    para: &Range<usize>,
    sentences: &[Range<usize>],
    marked: &[Marked],
    m: &Marked,
    prev_end: usize,
) -> (Range<usize>, Range<usize>, bool) {
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
    (lead, tail, prev_end > sent.start)
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
    /// speaker. `lead` and `tail`: where its cue is looked for before and after it; `before`:
    /// the speaker of a quotation earlier in the same sentence.
    fn read(
        &self,
        state: &State,
        m: &Marked,
        lead: Range<usize>,
        tail: Range<usize>,
        before: Option<&Speaker>,
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
        } else if !reading.direct && n_words < MIN_PARTIAL_WORDS {
            // 'X called Y a "dear friend," saying …': a participle right after the few quoted
            // words makes them X's words, not a scare quote
            let ws = words_in(self.a, tail);
            reading.direct = lexicon()
                .cues
                .at(self.text, &ws, 0)
                .is_some_and(|h| h.value.role == CueRole::Participle);
        }
        if reading.cue.is_none() && colon && lead_txt.ends_with(':') {
            // "السفير الروسي: …" — a headline-style colon after the speaker
            if let Some(c) = lead_cs.last().filter(|c| lead_ws.len() == c.last + 1) {
                reading.speaker = self.resolve(c, state);
            }
        }
        if reading.cue.is_none() && reading.speaker.is_none() {
            // 'X said: "…", praising "…"': a later quotation of the sentence without a cue of
            // its own is the same speaker's
            if let Some(s) = before.filter(|_| n_words >= MIN_PARTIAL_WORDS) {
                reading.speaker = Some(s.clone());
                reading.chained = true;
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
        // a few quoted words are a quotation only when said directly by an entity: a speaker
        // named by text alone ("وبحسب وكالة «…»", "the sources") leaves a quoted name a name
        let short = n_words < MIN_PARTIAL_WORDS;
        let by_entity = reading.speaker.as_ref().is_some_and(|s| s.entity.is_some());
        if short && (!reading.direct || !by_entity) {
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
            if hit.value.role == CueRole::Verb {
                if let Some(range) = self.named_by_text(lead_ws, span) {
                    reading.speaker = Some(Speaker {
                        entity: None,
                        range,
                    });
                    break;
                }
            }
        }
        if reading.cue.is_some() && reading.speaker.is_none() {
            reading.speaker = state.last.clone();
            reading.chained = true;
        }
    }

    /// `"…," the ambassador said` / `"…," he added` / `"…", according to X`: a cue just after
    /// the closing mark, in `tail`; in English also a reporting verb further on whose subject
    /// stands before it (`"…" in the east of the country, the monitor said`).
    fn after_quote(&self, state: &State, tail: Range<usize>, reading: &mut Reading) {
        let text = self.text;
        let verb_first = self.verb_first;
        let lex = lexicon();
        let ws = words_in(self.a, tail.clone());
        let cs = self.chunks(&ws);
        let hits = lex.cues.scan(text, &ws);
        let near = hits
            .iter()
            .find(|hit| hit.first <= 4 && hit.value.role != CueRole::Statement);
        let far = || {
            hits.iter().find(|hit| {
                let span = (hit.first, hit.first + hit.len);
                hit.value.role == CueRole::Verb
                    && !text[tail.start..hit.range.start].contains([':', ';'])
                    && subject(text, &ws, &cs, span, false).is_some_and(|c| c.last < hit.first)
            })
        };
        let Some(hit) = near.or_else(|| if verb_first { None } else { far() }) else {
            return;
        };
        let span = (hit.first, hit.first + hit.len);
        // (Arabic: an English "said that" after a quotation is rarer than "said that night")
        if verb_first && hit.value.role == CueRole::Verb && reports_its_own(text, &ws, span.1) {
            return;
        }
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
            None => match self
                .bare_name(&ws, span.0)
                .filter(|_| role == CueRole::Verb)
            {
                Some(range) => {
                    reading.speaker = Some(Speaker {
                        entity: None,
                        range,
                    })
                }
                None => {
                    reading.speaker = state.last.clone();
                    reading.chained = true;
                }
            },
        }
        reading.direct = true;
    }

    /// The words that name the subject of the reporting verb at words `span` when no entity,
    /// role or body noun does: an English name before it ([`Self::bare_name`]), the Arabic words
    /// between it and its complementiser ([`Self::subject_words`]).
    fn named_by_text(&self, ws: &[Word], span: (usize, usize)) -> Option<Range<usize>> {
        if self.verb_first {
            self.subject_words(ws, span.1)
        } else {
            self.bare_name(ws, span.0)
        }
    }

    /// Arabic: the words between a reporting verb (ending before word `next`) and its
    /// complementiser ("وأكد العريني أن", "وقال القائد العسكري اللواء فلان إن"): at most
    /// [`SUBJECT_WORDS`], none a preposition or time word, no quotation mark or sentence
    /// punctuation between. Their folded range.
    fn subject_words(&self, ws: &[Word], next: usize) -> Option<Range<usize>> {
        let lex = lexicon();
        let word = |i: usize| &self.text[ws[i].range.clone()];
        let end = ws.len().min(next + SUBJECT_WORDS + 1);
        let k = (next..end).find(|&i| lex.complementisers.contains(word(i)))?;
        if k == next || (next..k).any(|i| lex.not_subject.contains(word(i))) {
            return None;
        }
        let between = &self.text[ws[next].range.start..ws[k].range.start];
        let marks = ['.', ':', ';', '؛', '«', '»', '"', '“', '”', '(', ')'];
        (!between.contains(marks)).then(|| ws[next].range.start..ws[k - 1].range.end)
    }

    /// An English name the entity stage did not find, standing right before a reporting verb
    /// at word `cue` ("Haddad said", "al-Amin added"): up to four capitalised words, not the
    /// first word of the sentence, nothing but spaces between them and the verb. Its folded
    /// range, for a speaker named by text alone.
    fn bare_name(&self, ws: &[Word], cue: usize) -> Option<Range<usize>> {
        if self.verb_first || cue == 0 {
            return None;
        }
        let capital = |w: &Word| {
            let t = self.a.orig_text(self.a.orig(w.range.clone()));
            let t = t
                .strip_prefix("al-")
                .or_else(|| t.strip_prefix("el-"))
                .unwrap_or(t);
            t.chars().next().is_some_and(char::is_uppercase)
        };
        let spaced = |k: usize| {
            self.text[ws[k].gap_start..ws[k].range.start]
                .trim()
                .is_empty()
        };
        let mut first = cue;
        while first > 0 && cue - first < 4 && capital(&ws[first - 1]) && spaced(first) {
            first -= 1;
        }
        if first == cue {
            return None;
        }
        let start = ws[first].range.start;
        let opens_sentence = self
            .a
            .sentence_of(start)
            .is_none_or(|s| self.text[s.start..start].trim().is_empty());
        (!opens_sentence).then(|| start..ws[cue - 1].range.end)
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
                        match subject(text, &ws, &cs, span, !verb || verb_first) {
                            Some(c) if c.who != Who::Pronoun => {
                                speaker = self.resolve(c, state);
                                speaker_by_verb = verb;
                            }
                            None if verb => {
                                if let Some(range) = self.named_by_text(&ws, span) {
                                    speaker = Some(Speaker {
                                        entity: None,
                                        range,
                                    });
                                    speaker_by_verb = true;
                                }
                            }
                            _ => {}
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
            // an "according to" source of a narrative sentence ("…, according to the
            // website") does not take the place of the speaker "he added" continues
            if speaker_by_verb || state.last.is_none() {
                state.said.push(s.clone());
                state.last = Some(s);
            }
        }
    }
}

/// How many words an Arabic subject read by text alone may have ("القائد العسكري اللواء عبد
/// الله فلان").
const SUBJECT_WORDS: usize = 6;

/// How many words after a verb its complementiser may stand (after the subject: "أكد مصدر في
/// المنظمة أن").
const COMPLEMENT_WORDS: usize = 5;

/// Is the verb ending before word `next` followed, within a few words and no punctuation, by a
/// complementiser ("أن", "إن", "that")? Then it introduces its own report, and a quotation before
/// it ('"…"، أكد مصدر أن …') belongs to the clause before, not to this verb.
fn reports_its_own(text: &str, ws: &[Word], next: usize) -> bool {
    let end = ws.len().min(next + COMPLEMENT_WORDS);
    (next..end)
        .take_while(|&i| text[ws[i].gap_start..ws[i].range.start].trim().is_empty())
        .any(|i| {
            lexicon()
                .complementisers
                .contains(&text[ws[i].range.clone()])
        })
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
