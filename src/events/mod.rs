//! Events coded in PLOVER (with CAMEO alongside).
//!
//! Per sentence: trigger words and event nouns ([`lexicon`], data/event_triggers.tsv) are found;
//! each trigger takes the actor groups ([`actors`]) next to it ([`parties`]): the group just
//! before it (the subject in English and in Arabic subject-first sentences), the group just after
//! it (the Arabic verb's subject, the event noun's nationality adjectives, "بين X وY", the
//! object), and failing both the sentence's first group or the speaker of the quotation it stands
//! in. PLOVER's edge rules are applied on the way ([`coding`]): a cooperative event announced for
//! the future or hoped for is AGREE; what follows a refusal is what was refused, not an event of
//! its own; a cooperative trigger right after "agreed"/"اتفق" is the same fact. Meetings and
//! cooperation need two parties. A person named beside states is one of theirs; a news agency
//! is no party; a directed event with one side takes the story's main other party
//! (`complete`); a trigger under a condition ("if", "إذا") or a negation is no event. The
//! clause decides the parties ([`parties`]): an English agentless passive names no doer; an
//! Arabic verb opening its clause has its subject after it, one joined by "و" further on
//! continues the sentence's subject, as does an English verb after "but"; what is discussed
//! and who brokered a deal are no parties; praise or blame of "the strikes" told before is
//! aimed at their doers. Precision first: one event per type, source, target and day in a
//! document (`once`), none without an actor, and none of an act whose doer is not named
//! (`sourced`).

pub mod actors;
mod coding;
pub mod lexicon;
mod parties;
mod place;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::analysis::Analysis;
use crate::doc::{DateExpr, Entity, EntityKind, Event, EventMode, EventType, Quote};
use crate::lang::ar;
use crate::mentions::{MentionIndex, Spot};
use crate::phrases::{words_of, Word};
use actors::{groups, ActorIds, Group};
use coding::{background, code, Coded, SIGN, VISIT};
use lexicon::{lexicon, Marker, TypeRules};
use parties::Sentence;

/// How the event stage treats a type: its PLOVER groups (data/plover_types.tsv).
fn rules(kind: EventType) -> TypeRules {
    lexicon().rules(kind)
}

/// Find the events of a document.
pub fn extract(
    a: &Analysis,
    entities: &[Entity],
    dates: &[DateExpr],
    quotes: &[Quote],
) -> Vec<Event> {
    let idx = MentionIndex::new(a, entities);
    let actors = ActorIds::new(entities);
    let cx = Context {
        a,
        entities,
        idx: &idx,
        actors: &actors,
        dates,
        dates_by_start: by_start(dates),
        quotes,
        dateline: place::dateline(a, &idx, entities),
    };
    let mut out = Vec::new();
    // the sentence of each event of `out`
    let mut sentence_of: Vec<usize> = Vec::new();
    // the last pair of actors named, for "both sides" / "الجانبان"
    let mut dyad: Option<Vec<String>> = None;
    for (k, s) in a.sentences.iter().enumerate() {
        let evs = cx.sentence(k, s.clone(), dyad.as_deref(), &out);
        // only parties that dealt with each other: not the attackers of an ASSAULT
        if let Some(e) = evs
            .iter()
            .rev()
            .find(|e| e.source.len() + e.target.len() >= 2 && rules(e.kind).intendable)
        {
            dyad = Some(e.source.iter().chain(&e.target).cloned().collect());
        }
        sentence_of.extend(std::iter::repeat_n(k, evs.len()));
        out.extend(evs);
    }
    complete(&mut out, &sentence_of, || actors.prominence());
    once(out)
}

/// A directed event whose sentence gives it one side only ("calling on Iran to release the
/// vessel", "France threatens retaliation") is aimed at, or comes from, the story's main other
/// party: the document's most named state or body (`prominent` lists them, most named first) that is not
/// its own side, nor the one praising or blaming it in the same sentence ("Moscow praised
/// Cairo's refusal": the refusal is not aimed at Moscow). `sentence_of` gives each event's
/// sentence; a sentence's events are next to each other.
fn complete(events: &mut [Event], sentence_of: &[usize], prominent: impl FnOnce() -> Vec<String>) {
    // worked out for the first event that needs it: most documents have none
    let mut prominent = Some(prominent);
    let mut ranked: Vec<String> = Vec::new();
    for i in 0..events.len() {
        let e = &events[i];
        // an act announced or hoped for ("will withdraw", "ready to") names its own addressee
        // or none
        let announced = matches!(e.mode, EventMode::Intended | EventMode::Hoped);
        if !rules(e.kind).directed || announced || e.source.len() + e.target.len() != 1 {
            continue;
        }
        let side = e.source.first().or(e.target.first());
        let k = sentence_of[i];
        let from = sentence_of.partition_point(|&x| x < k);
        let until = sentence_of.partition_point(|&x| x <= k);
        let taken = |id: &String| {
            Some(id) == side
                || (from..until)
                    .filter(|&j| j != i && rules(events[j].kind).attitude)
                    .any(|j| events[j].source.contains(id) || events[j].target.contains(id))
        };
        if let Some(f) = prominent.take() {
            ranked = f();
        }
        let Some(other) = ranked.iter().find(|id| !taken(id)).cloned() else {
            continue;
        };
        let e = &mut events[i];
        if e.source.is_empty() {
            e.source.push(other);
        } else {
            e.target.push(other);
        }
    }
}

/// One event per type, source, target and day in a document: the first, with its sentence and
/// trigger (a story repeats its main event in the title, the lead and the body). A meeting or a
/// cooperation has no direction: its parties are one set.
fn once(events: Vec<Event>) -> Vec<Event> {
    let key = |e: &Event| {
        let (mut source, mut target) = if rules(e.kind).mutual {
            (
                e.source.iter().chain(&e.target).cloned().collect(),
                Vec::new(),
            )
        } else {
            (e.source.clone(), e.target.clone())
        };
        source.sort();
        target.sort();
        let day = e
            .date
            .as_deref()
            .map(|d| d.split('T').next().unwrap_or(d).to_string());
        (e.kind, source, target, day)
    };
    let mut seen = std::collections::HashSet::new();
    events.into_iter().filter(|e| seen.insert(key(e))).collect()
}

/// What every sentence of one document is coded against: its analysis, entities (with their
/// mentions in the folded text and the actor each acts for), dates and quotations.
struct Context<'c, 'a> {
    a: &'c Analysis<'a>,
    entities: &'c [Entity],
    idx: &'c MentionIndex,
    actors: &'c ActorIds<'c>,
    dates: &'c [DateExpr],
    /// Indices of `dates` by start offset, so a sentence finds its own in a binary search.
    dates_by_start: Vec<usize>,
    quotes: &'c [Quote],
    /// The mention of the dateline's city, if the story opens with one.
    dateline: Option<Spot>,
}

/// Indices of `dates` ordered by start offset (then by index).
fn by_start(dates: &[DateExpr]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..dates.len()).collect();
    v.sort_by_key(|&k| (dates[k].start, k));
    v
}

/// The mode or clause marker of each word of `ws`.
fn markers(text: &str, ws: &[Word]) -> Vec<Option<Marker>> {
    let mut markers: Vec<Option<Marker>> = vec![None; ws.len()];
    for h in lexicon().markers.scan(text, ws) {
        for m in markers.iter_mut().skip(h.first).take(h.len) {
            *m = Some(*h.value);
        }
    }
    markers
}

impl Context<'_, '_> {
    /// The events of sentence `k`, whose folded range is `s`; `prior` are the document's events
    /// before it.
    fn sentence(
        &self,
        k: usize,
        s: Range<usize>,
        dyad: Option<&[String]>,
        prior: &[Event],
    ) -> Vec<Event> {
        let text = self.a.text();
        let ws = words_of(self.a.tokens(k), s.start);
        // most sentences hold no trigger: their markers, actor groups and contexts are never read
        let hits = lexicon().triggers.scan(text, &ws);
        if hits.iter().all(|h| h.value.kind.is_none()) {
            return Vec::new();
        }
        let markers = markers(text, &ws);
        let mut coded = code(text, &ws, &markers, &self.named_words(&ws), hits);
        if coded.is_empty() {
            return Vec::new();
        }
        if markers.contains(&Some(Marker::Reported)) {
            for c in coded.iter_mut().filter(|c| c.mode == EventMode::Asserted) {
                c.mode = EventMode::Reported;
            }
        }
        let mut groups = groups(
            text,
            &ws,
            self.idx,
            self.actors,
            &markers,
            dyad,
            self.dateline.as_ref(),
        );
        // an actor named in a relative clause of background (", who receive support from
        // Iran,") takes part in no event of the clause around it
        let aside = background(text, &ws, &markers);
        groups.retain(|g| !aside[g.first]);
        self.events(&Sentence::new(text, s, ws, markers, groups, coded), prior)
    }

    /// The events of a sentence's coded triggers: each with its parties, kept when they are
    /// enough for its type, once per type and actor set. `prior`: the document's events before
    /// the sentence.
    fn events(&self, sent: &Sentence, prior: &[Event]) -> Vec<Event> {
        let s = sent.range.clone();
        // with other actors in the sentence (venues too: "the bodies concerned at the UN"), a
        // cooperative event found with one party has probably lost its partner: precision
        // first, it is dropped
        let named: Vec<String> = self
            .idx
            .inside(s.clone())
            .filter(|sp| self.entities[sp.entity].kind != EntityKind::Location)
            .filter_map(|sp| self.actors.get(sp.entity))
            .collect();
        let contexts = self.contexts(&sent.ws);
        let mut out: Vec<Event> = Vec::new();
        for (i, c) in sent.coded.iter().enumerate() {
            // a match report's "hosts", an invitation to a wedding: no political event; "did not
            // sign", "has neither confirmed nor denied": what did not happen is no event
            if lexicon().voided(c.kind, &contexts) || c.mode == EventMode::Negated {
                continue;
            }
            let (source, mut target) = self.parties(sent, i);
            if target.is_empty() && rules(c.kind).attitude {
                // "condemned the strikes", "واستنكر الحوثيون الضربات": praise or blame of the
                // story's event told before is aimed at those who carried it out
                let doers = sent
                    .told_before(i)
                    .and_then(|kind| doers_of(prior, kind, &source));
                target.extend(
                    doers
                        .into_iter()
                        .flatten()
                        .filter(|id| !source.contains(id)),
                );
            }
            if target.is_empty() && c.hit.value.cameo == VISIT {
                // "arrived in Amman on a visit": the place visited stands for its state
                target.extend(self.host(s.clone(), &source));
            }
            // an event that had its parties only with a person counted apart keeps its states
            // when directed: its other side is then the story's (see `complete`)
            let whole = enough(c, &source, &target, &named) && rules(c.kind).directed;
            let (source, target) = self
                .states_over_persons(&source, &target)
                .unwrap_or((source, target));
            let kept = whole || enough(c, &source, &target, &named);
            if !kept || !sourced(c, &source, &target) || repeats(&out, c.kind, &source, &target) {
                continue;
            }
            out.push(self.event(s.clone(), c, source, target, &contexts));
        }
        out
    }

    /// The event record of a coded trigger of sentence `s`.
    fn event(
        &self,
        s: Range<usize>,
        c: &Coded,
        source: Vec<String>,
        target: Vec<String>,
        contexts: &[String],
    ) -> Event {
        let cameo =
            if c.kind == c.base && c.hit.value.cameo.len() > 2 && !c.hit.value.cameo.ends_with('0')
            {
                Some(c.hit.value.cameo.clone())
            } else {
                lexicon().cameo_for(c.kind, contexts)
            };
        let span = self.a.mention(s.clone());
        Event {
            kind: c.kind,
            context: contexts.to_vec(),
            cameo,
            source,
            target,
            mode: c.mode,
            date: self.date(s.clone()),
            location: self.location(s),
            start: span.start,
            end: span.end,
            trigger: self.a.mention(c.hit.range.clone()).text,
        }
    }

    /// Source and target of the `i`th trigger of a sentence.
    fn parties(&self, sent: &Sentence, i: usize) -> (Vec<String>, Vec<String>) {
        let c = &sent.coded[i];
        let (first, last) = (c.hit.first, c.last());
        let arabic = ar::starts_arabic_block(&sent.text[c.hit.range.clone()]);
        let right = sent.right_of(i);
        // an Arabic verbal noun followed by its owner ("رفض مصر") has its agent there, not
        // before it
        // the same with a trigger form that is also the verb ("قصف"): owner and object side by
        // side, the object marked with lām ("قصف الحوثيين لمأرب"), is the construct, whose owner
        // is the doer, not the target
        let construct = arabic
            && !c.nominal
            && matches!(right.as_slice(), [owner, object, ..]
                if owner.first == last + 1
                    && object.first == owner.last + 1
                    && self.after_lam(sent, object));
        let genitive =
            construct || arabic && c.nominal && right.first().is_some_and(|g| g.first == last + 1);
        // an English verb's subject may stand further back, past a title or an apposition
        // ("Pakistan, a key ally in the region, has refused")
        let left = if !arabic && !c.nominal {
            sent.clause_subject(i)
        } else {
            // an Arabic verb's subject stands right before it, not before a comma
            let apart = |g: &Group| arabic && !c.nominal && sent.comma_between(g, first);
            sent.left_of(i).filter(|g| !genitive && !apart(g))
        };
        // "was received by the president": the group after "by" is the doer; "the embassy was
        // attacked" names no doer at all, only what was done to (a participle, not "are
        // attacking")
        let participle = !arabic
            && !c.nominal
            && first > 0
            && sent.markers[first - 1] == Some(Marker::Passive)
            && sent.participle(i);
        let passive = participle && sent.markers.get(last + 1) == Some(&Some(Marker::Agent));
        let agentless = participle && !passive;
        // "the coalition against ISIS carried out nine air strikes": what an act is aimed at is
        // its target, never its doer
        let (left, against) = match left {
            Some(g) if sent.aimed_at(g) => (None, Some(g)),
            other => (other, None),
        };
        let mut source: Vec<String> = left.map(|g| g.ids.clone()).unwrap_or_default();
        let mut target: Vec<String> = against.map(|g| g.ids.clone()).unwrap_or_default();
        // the owner of a verbal noun is its agent: "رفض مصر", Egypt's refusal; an Arabic verb
        // that opens its sentence has its subject right after it ("واتهمت روسيا يوم الأحد
        // أوكرانيا"); further on, a verb often continues the subject named before it, and the
        // name after it is its object ("… ودعت إيران إلى")
        let verb_first = arabic
            && !c.nominal
            && sent.opens_clause(first)
            && source.is_empty()
            && right.first().is_some_and(|g| {
                // a name the word opens with, not one after a clitic preposition ("للأمم")
                let w = sent.ws[g.first].range.clone();
                g.first == last + 1
                    && self
                        .idx
                        .within(w.clone())
                        .iter()
                        .any(|sp| sp.range.start == w.start)
            });
        // a verb whose subject stands before it has one object after it: a name further on
        // belongs to the object's own words ("تركيا ترحب بالقرار العراقي باعتبار حزب العمال",
        // "hails Iraq's decision to ban PKK ahead of Erdogan's visit")
        let subject_first = !source.is_empty() && !genitive && !c.nominal;
        // "discussed OPEC+ ties", "بحث العلاقات الثنائية مع روسيا": what is discussed is no
        // party; "accepted an agreement brokered by the United States": nor is the mediator
        let topic = c.hit.value.topic;
        let party = |g: &&Group| (!topic || sent.after_with(g)) && !sent.mediator(g);
        let mut right = right.into_iter();
        let mut objects = if subject_first { 1 } else { 2 };
        if genitive || verb_first {
            source.extend(right.next().map(|g| g.ids.clone()).unwrap_or_default());
            objects -= 1;
        }
        for g in right.filter(party).take(objects) {
            for id in &g.ids {
                if !source.contains(id) && !target.contains(id) {
                    target.push(id.clone());
                }
            }
        }
        // "Benin opened its borders, but was still refusing …", "واستنكر الحوثيون الضربات،
        // وتوعدوا بالرد": a verb with no subject in its own clause continues the sentence's
        if source.is_empty() && !c.nominal && !verb_first && sent.continues(i, arabic) {
            if let Some(g) = sent.opening_group(first, arabic) {
                target.retain(|id| !g.ids.contains(id));
                source = g.ids.clone();
            }
        }
        // "attacks on peacekeepers by Israel": the group after an event noun's "by" is its doer
        if !arabic && !participle && source.is_empty() {
            if let Some(g) = sent.agent_of(i) {
                target.retain(|id| !g.ids.contains(id));
                source = g.ids.clone();
            }
        }
        if passive || agentless {
            std::mem::swap(&mut source, &mut target);
        }
        if agentless {
            // what stands after an agentless passive is a place or a time, not a doer
            source.clear();
        }
        // "in coordination with Washington": a partner of the subject acts with it
        if let Some(g) = sent.partner_of(i).filter(|_| !source.is_empty()) {
            target.retain(|id| !g.ids.contains(id));
            for id in &g.ids {
                if !source.contains(id) {
                    source.push(id.clone());
                }
            }
        }
        // the speaker of a quotation takes part in the cooperation they describe ("we"), not in
        // what others do
        let partnered = rules(c.kind).cooperative || c.kind == EventType::Agree;
        if source.is_empty() && target.is_empty() && partnered {
            // the sentence's subject, named first, governs its later clauses ("روسيا ومصر …
            // ونعمل سويًا لوضع اتفاقية"; not "In a letter to the UN, …"); a speaker alone is
            // not enough for an event
            if let Some(g) = sent.opening_subject(first, arabic) {
                source = g.ids.clone();
            }
        } else if source.is_empty() && partnered && !genitive && target.len() == 1 {
            // "we hope to widen cooperation with Egypt": the speaker is the other party
            if let Some(id) = self
                .speaker_at(c.hit.range.start)
                .filter(|id| !target.contains(id))
            {
                source = vec![id];
            }
        }
        (source, target)
    }

    /// Does group `g` open with a name after the clitic preposition lām ("لمأرب", "للحوثيين")?
    fn after_lam(&self, sent: &Sentence, g: &Group) -> bool {
        let w = sent.ws[g.first].range.clone();
        self.idx.within(w.clone()).iter().any(|sp| {
            sp.range.start >= w.start && matches!(&sent.text[w.start..sp.range.start], "ل" | "لل")
        })
    }

    /// Parties with the persons dropped, when a state or body is among them and some person is
    /// not: an official whose state the document does not give, named beside states ("met his
    /// counterpart X"), is one of theirs, and counting them apart would split the state's event
    /// in two.
    fn states_over_persons(
        &self,
        source: &[String],
        target: &[String],
    ) -> Option<(Vec<String>, Vec<String>)> {
        let personal = |id: &&String| self.actors.personal(id);
        let all = || source.iter().chain(target);
        if all().all(|id| personal(&id)) || !all().any(|id| personal(&id)) {
            return None;
        }
        let keep = |ids: &[String]| ids.iter().filter(|id| !personal(id)).cloned().collect();
        Some((keep(source), keep(target)))
    }

    /// For each word, whether an entity mention covers it.
    fn named_words(&self, ws: &[Word]) -> Vec<bool> {
        let mut out = vec![false; ws.len()];
        let (Some(f), Some(l)) = (ws.first(), ws.last()) else {
            return out;
        };
        let word_at = |b: usize| ws.partition_point(|w| w.range.end <= b).min(ws.len() - 1);
        for sp in self.idx.within(f.range.start..l.range.end) {
            let (a, b) = (
                word_at(sp.range.start),
                word_at(sp.range.end.saturating_sub(1)),
            );
            for x in out.iter_mut().take(b + 1).skip(a) {
                *x = true;
            }
        }
        out
    }

    /// The actor id of the speaker of the quotation that contains folded offset `b`.
    fn speaker_at(&self, b: usize) -> Option<String> {
        let o = self.a.orig(b..b).start;
        let q = self.quotes.iter().find(|q| q.start <= o && o < q.end)?;
        let id = q.speaker.as_deref()?;
        let e = self.entities.iter().position(|e| e.id == id)?;
        self.actors.get(e)
    }

    fn contexts(&self, ws: &[Word]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for h in lexicon().contexts.scan(self.a.text(), ws) {
            if !out.contains(h.value) {
                out.push(h.value.clone());
            }
        }
        out
    }

    /// The sentence's own resolved date, else the publication day.
    fn date(&self, s: Range<usize>) -> Option<String> {
        let o = self.a.orig(s);
        let from = self
            .dates_by_start
            .partition_point(|&k| self.dates[k].start < o.start);
        // the first (in document order) of the dates inside the sentence that has a value
        self.dates_by_start[from..]
            .iter()
            .take_while(|&&k| self.dates[k].start <= o.end)
            .filter(|&&k| {
                let d = &self.dates[k];
                d.end <= o.end && d.value.is_some() && d.grain.is_calendar()
            })
            .min()
            .and_then(|&k| self.dates[k].value.clone())
            .or_else(|| self.a.anchor.map(|d| d.iso()))
    }

    /// The state of the first place named in the sentence that is not the visitor's own.
    fn host(&self, s: Range<usize>, visitors: &[String]) -> Option<String> {
        self.idx
            .inside(s)
            .map(|sp| &self.entities[sp.entity])
            .filter(|e| e.kind == EntityKind::Location)
            .find_map(|e| e.country.clone().filter(|c| !visitors.contains(c)))
    }

    /// The id of the place the sentence names, else of the dateline's city ([`place`]).
    fn location(&self, s: Range<usize>) -> Option<String> {
        place::of_sentence(self.idx, self.entities, s, self.dateline.as_ref())
    }
}

/// Are `source` and `target` parties enough for coded trigger `c`? `named`: the actors the
/// sentence names.
fn enough(c: &Coded, source: &[String], target: &[String], named: &[String]) -> bool {
    let n = source.len() + target.len();
    let base = c.base;
    let missed = named
        .iter()
        .any(|id| !source.contains(id) && !target.contains(id));
    // "X agreed", "X will withdraw": PLOVER needs no recipient for an explicit commitment or a
    // unilateral act; meetings, aid (a giver and a receiver) and most events named by a noun
    // alone ("إشادة روسية", "the need for cooperation", "new demands") need the other party
    let pair =
        rules(c.kind).mutual || base == EventType::Aid || (c.nominal && !rules(base).unilateral);
    let partnered = rules(base).cooperative || (base == EventType::Agree && c.nominal);
    !(n == 0 || (pair && n < 2) || (partnered && n < 2 && missed))
}

/// The doers of the story's event of type `kind`: the first in `prior` that names them (a
/// story tells its main event first, in its title or lead), other than `own`, the side that
/// speaks of it.
fn doers_of(prior: &[Event], kind: EventType, own: &[String]) -> Option<Vec<String>> {
    prior
        .iter()
        .find(|e| {
            e.kind == kind && !e.source.is_empty() && !e.source.iter().any(|id| own.contains(id))
        })
        .map(|e| e.source.clone())
}

/// Does coded trigger `c` have the parties its kind of event is told by? An act needs its doer:
/// "the embassy was attacked", "هجمات على السفن" say what was done and to whom, not who did it;
/// a visit needs its visitor. A directed act aimed at one party ("the release of the Americans")
/// is the story's other side's (see `complete`); one with no doer and several others named
/// ("accused the army of shelling Lebanon") has lost its doer. A meeting or a cooperation has
/// no doer, nor has an agreement or a signing between a named pair ("توقيع مذكرة بين المغرب
/// وإسرائيل"), nor a protest (its crowd is no actor).
fn sourced(c: &Coded, source: &[String], target: &[String]) -> bool {
    if !source.is_empty() {
        return true;
    }
    let rules = rules(c.kind);
    let paired = target.len() >= 2 && (c.kind == EventType::Agree || c.hit.value.cameo == SIGN);
    let aimed = rules.directed && target.len() == 1;
    c.hit.value.cameo != VISIT && (rules.mutual || paired || aimed || c.kind == EventType::Protest)
}

/// Is there an event of type `kind` among the same actors in `out` already?
fn repeats(out: &[Event], kind: EventType, source: &[String], target: &[String]) -> bool {
    let mut all: Vec<&String> = source.iter().chain(target).collect();
    all.sort();
    out.iter().any(|e| {
        let mut b: Vec<&String> = e.source.iter().chain(&e.target).collect();
        b.sort();
        e.kind == kind && b == all
    })
}
