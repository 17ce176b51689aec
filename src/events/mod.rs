//! Events coded in PLOVER (with CAMEO alongside).
//!
//! Per sentence: trigger words and event nouns ([`lexicon`], data/event_triggers.tsv) are found;
//! each trigger takes the actor groups next to it ([`actors`]): the group just before it (the
//! subject in English and in Arabic subject-first sentences), the group just after it (the
//! Arabic verb's subject, the event noun's nationality adjectives, "بين X وY", the object), and
//! failing both the sentence's first group or the speaker of the quotation it stands in.
//! PLOVER's edge rules are applied on the way: a cooperative event announced for the future or
//! hoped for is AGREE; what follows a refusal is what was refused, not an event of its own; a
//! cooperative trigger right after "agreed"/"اتفق" is the same fact. Meetings and cooperation
//! need two parties. Precision first: one event per type and actor set per sentence, and none
//! without an actor.

pub mod actors;
pub mod lexicon;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::analysis::Analysis;
use crate::doc::{DateExpr, Entity, EntityKind, Event, EventMode, EventType, Quote};
use crate::mentions::MentionIndex;
use crate::phrases::{words_of, Hit, Word};
use actors::{groups, ActorIds, Group};
use lexicon::{lexicon, Marker, TypeRules};

/// How far (in words) a trigger looks for the groups around it.
const LEFT: usize = 5;
const RIGHT: usize = 4;
const RIGHT_ATTITUDE: usize = 7;
/// How far before a trigger a future or hope word still governs it.
const MODAL: usize = 6;

/// CAMEO codes with a rule of their own: making a visit (the place visited is the host) and
/// signing (what was signed is the same fact).
const VISIT: &str = "042";
const SIGN: &str = "057";

/// A coded trigger that takes in the cooperation named after it ("agreed to cooperate",
/// "signed a cooperation treaty").
fn absorbs(c: &Coded) -> bool {
    c.kind == EventType::Agree || c.hit.value.cameo == SIGN
}

/// How the event stage treats a type: its PLOVER groups (data/plover_types.tsv).
fn rules(t: EventType) -> TypeRules {
    lexicon().rules(t)
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
    let ctx = Context {
        a,
        entities,
        idx: &idx,
        actors: &actors,
        dates,
        dates_by_start: by_start(dates),
        quotes,
    };
    let mut out = Vec::new();
    // the last pair of actors named, for "both sides" / "الجانبان"
    let mut dyad: Option<Vec<String>> = None;
    for (k, s) in a.sentences.iter().enumerate() {
        let evs = ctx.sentence(k, s.clone(), dyad.as_deref());
        // only parties that dealt with each other: not the attackers of an ASSAULT
        if let Some(e) = evs
            .iter()
            .rev()
            .find(|e| e.source.len() + e.target.len() >= 2 && rules(e.kind).intendable)
        {
            dyad = Some(e.source.iter().chain(&e.target).cloned().collect());
        }
        out.extend(evs);
    }
    out
}

struct Context<'c, 'a> {
    a: &'c Analysis<'a>,
    entities: &'c [Entity],
    idx: &'c MentionIndex,
    actors: &'c ActorIds<'c>,
    dates: &'c [DateExpr],
    /// Indices of `dates` by start offset, so a sentence finds its own in a binary search.
    dates_by_start: Vec<usize>,
    quotes: &'c [Quote],
}

/// Indices of `dates` ordered by start offset (then by index).
fn by_start(dates: &[DateExpr]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..dates.len()).collect();
    v.sort_by_key(|&k| (dates[k].start, k));
    v
}

/// A trigger after the PLOVER rules: its type, mode and word span.
struct Coded<'t> {
    hit: Hit<'t, lexicon::Trigger>,
    /// The trigger's own type, and the type after the rules (a future cooperation is AGREE).
    base: EventType,
    kind: EventType,
    mode: EventMode,
    /// Used as a noun: an event noun, or a verb form with a preposition or the article attached
    /// ("برفض", "بالتوقيع"), which Arabic only puts on the verbal noun.
    nominal: bool,
    /// The last word the fact spans: a cooperative trigger folded into "agreed" extends it.
    reach: usize,
}

impl Context<'_, '_> {
    /// The events of sentence `k`, whose folded range is `s`.
    fn sentence(&self, k: usize, s: Range<usize>, dyad: Option<&[String]>) -> Vec<Event> {
        let text = self.a.text();
        let lex = lexicon();
        let ws = words_of(self.a.tokens(k), s.start);
        // most sentences hold no trigger: their markers, actor groups and contexts are never read
        let hits = lex.triggers.scan(text, &ws);
        if hits.iter().all(|h| h.value.kind.is_none()) {
            return Vec::new();
        }
        let mut markers: Vec<Option<Marker>> = vec![None; ws.len()];
        for h in lex.markers.scan(text, &ws) {
            for m in markers.iter_mut().skip(h.first).take(h.len) {
                *m = Some(*h.value);
            }
        }
        let mut coded = self.code(&ws, &markers, hits);
        if coded.is_empty() {
            return Vec::new();
        }
        let reported = markers.contains(&Some(Marker::Reported));
        let groups = groups(text, &ws, self.idx, self.actors, &markers, dyad);
        // with other actors in the sentence (venues too: "the bodies concerned at the UN"), a
        // cooperative event found with one party has probably lost its partner: precision
        // first, it is dropped
        let named: Vec<String> = self
            .idx
            .inside(s.clone())
            .filter(|sp| self.entities[sp.entity].kind != EntityKind::Location)
            .filter_map(|sp| self.actors.get(sp.entity))
            .collect();
        if reported {
            for c in coded.iter_mut().filter(|c| c.mode == EventMode::Asserted) {
                c.mode = EventMode::Reported;
            }
        }
        let contexts = self.contexts(&ws);
        let mut out: Vec<Event> = Vec::new();
        for (i, c) in coded.iter().enumerate() {
            let (source, mut target) = self.actors(&ws, &markers, &groups, &coded, i, s.clone());
            if target.is_empty() && c.hit.value.cameo == VISIT {
                // "arrived in Amman on a visit": the place visited stands for its state
                target.extend(self.host(s.clone(), &source));
            }
            let n = source.len() + target.len();
            let base = c.base;
            let missed = named
                .iter()
                .any(|id| !source.contains(id) && !target.contains(id));
            // "X agreed", "X will withdraw": PLOVER needs no recipient for an explicit
            // commitment or a unilateral act; meetings, aid (a giver and a receiver) and most
            // events named by a noun alone ("إشادة روسية", "the need for cooperation", "new
            // demands") need the other party
            let pair = rules(c.kind).mutual
                || base == EventType::Aid
                || (c.nominal && !rules(base).unilateral);
            let partnered = rules(base).cooperative || (base == EventType::Agree && c.nominal);
            if n == 0 || (pair && n < 2) || (partnered && n < 2 && missed) {
                continue;
            }
            let mut all: Vec<&String> = source.iter().chain(&target).collect();
            all.sort();
            let dup = out.iter().any(|e| {
                let mut b: Vec<&String> = e.source.iter().chain(&e.target).collect();
                b.sort();
                e.kind == c.kind && b == all
            });
            if dup {
                continue;
            }
            let cameo = if c.kind == c.base
                && c.hit.value.cameo.len() > 2
                && !c.hit.value.cameo.ends_with('0')
            {
                Some(c.hit.value.cameo.clone())
            } else {
                lex.cameo_for(c.kind, &contexts)
            };
            let span = self.a.mention(s.clone());
            out.push(Event {
                kind: c.kind,
                context: contexts.clone(),
                cameo,
                source,
                target,
                mode: c.mode,
                date: self.date(s.clone()),
                location: self.location(s.clone()),
                start: span.start,
                end: span.end,
                trigger: self.a.mention(c.hit.range.clone()).text,
            });
        }
        out
    }

    /// The triggers of a sentence with PLOVER's rules applied.
    fn code<'t>(
        &self,
        ws: &[Word],
        markers: &[Option<Marker>],
        hits: Vec<Hit<'t, lexicon::Trigger>>,
    ) -> Vec<Coded<'t>> {
        let text = self.a.text();
        let named = self.named_words(ws);
        // a trigger word inside a name ("Organisation of Islamic Cooperation", "مجلس التعاون")
        // and a phrase listed as no event ("بحثا عن", "money supply") code nothing
        // "the attack from", "an agreed surcharge": a verb's form after an article is a noun or
        // an adjective, no event of its own (event nouns are listed as nouns)
        let article = |k: usize| k > 0 && markers[k - 1] == Some(Marker::Article);
        let hits = hits.into_iter().filter_map(|h| {
            let base = h.value.kind?;
            let keep = !(h.first..h.first + h.len).any(|k| named[k])
                && (h.value.noun || !article(h.first));
            keep.then_some((base, h))
        });
        let mut out: Vec<Coded> = Vec::new();
        let mut refusal_until: Option<usize> = None;
        let mut agree_at: Option<usize> = None;
        for (base, h) in hits {
            let t = h.value;
            // what follows a refusal, up to the clause's end, is what was refused
            if refusal_until.is_some_and(|e| h.first < e) {
                continue;
            }
            let broke = |from: usize| markers[from..h.first].contains(&Some(Marker::Break));
            // "agreed to cooperate", "اتفق على تبادل المعلومات", "signed a treaty of
            // cooperation": one fact, already coded; the fact reaches on to the last word folded
            if rules(base).cooperative
                && agree_at.is_some_and(|p| p + MODAL >= h.first && !broke(p))
            {
                let end = h.first + h.len - 1;
                if let Some(c) = out.iter_mut().rev().find(|c| absorbs(c)) {
                    c.reach = end;
                }
                agree_at = Some(end);
                continue;
            }
            let lo = h.first.saturating_sub(MODAL);
            // a hope anywhere in reach outweighs a plain future ("نأمل في توسيع التعاون")
            let modals: Vec<Marker> = (lo..h.first)
                .filter(|&k| !broke(k))
                .filter_map(|k| {
                    markers[k].filter(|m| matches!(m, Marker::Intended | Marker::Hoped))
                })
                .collect();
            let modal = modals
                .iter()
                .find(|m| **m == Marker::Hoped)
                .or(modals.first())
                .copied()
                .or(t.future.then_some(Marker::Intended));
            let negated =
                (h.first.saturating_sub(2)..h.first).any(|k| markers[k] == Some(Marker::Negated));
            let mut kind = base;
            let mut mode = EventMode::Asserted;
            if let Some(m) = modal {
                if rules(kind).intendable {
                    kind = EventType::Agree;
                    mode = if m == Marker::Hoped {
                        EventMode::Hoped
                    } else {
                        EventMode::Intended
                    };
                }
            }
            if negated && base == EventType::Agree {
                // "will not accept", "لن نوافق": declining to agree is a refusal (CAMEO 12)
                kind = EventType::Reject;
            } else if negated {
                mode = EventMode::Negated;
            }
            if kind == EventType::Reject {
                let end = (h.first..ws.len())
                    .find(|&k| markers[k] == Some(Marker::Break))
                    .unwrap_or(ws.len());
                refusal_until = Some(end);
            }
            if kind == EventType::Agree || t.cameo == SIGN {
                agree_at = Some(h.first + h.len - 1);
            }
            let reach = h.first + h.len - 1;
            let clitics = &text[h.prefix.clone()];
            let nominal = t.noun || clitics.contains(['ب', 'ل']) || clitics.ends_with("ال");
            out.push(Coded {
                hit: h,
                base,
                kind,
                mode,
                nominal,
                reach,
            });
        }
        out
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

    /// Source and target of the `i`th trigger.
    fn actors(
        &self,
        ws: &[Word],
        markers: &[Option<Marker>],
        groups: &[Group],
        coded: &[Coded],
        i: usize,
        s: Range<usize>,
    ) -> (Vec<String>, Vec<String>) {
        let text = self.a.text();
        let h = &coded[i].hit;
        let (first, last, reach) = (h.first, h.first + h.len - 1, coded[i].reach);
        let arabic = text[h.range.clone()].chars().next().is_some_and(is_arabic);
        // praise and blame reach further for what they are about ("أعرب عن تقديره للدور الذي
        // تقوم به الدولة المصرية")
        let span = if rules(coded[i].kind).attitude {
            RIGHT_ATTITUDE
        } else {
            RIGHT
        };
        // "a mediation effort on Saturday between the Emirates and Saudi Arabia": the pair
        // after "between" belongs to the trigger it follows
        let horizon = (last + 1..=(reach + span).min(markers.len().saturating_sub(1)))
            .find(|&k| markers[k] == Some(Marker::Between))
            .map_or(reach + span, |k| (k + 3).max(reach + span));
        let other_trigger = |a: usize, b: usize| {
            coded
                .iter()
                .enumerate()
                .any(|(j, c)| j != i && c.hit.first >= a && c.hit.first < b)
        };
        let clear = |a: usize, b: usize| {
            !markers[a..b].contains(&Some(Marker::Break)) && !other_trigger(a, b)
        };
        let mut right: Vec<&Group> = Vec::new();
        let next_noun = coded.get(i + 1).filter(|n| n.nominal);
        // "رحب X برفض مصر", "welcomed the refusal of Egypt": the owner of the object is the target
        let owner_of_next = |from: usize| {
            let n = next_noun.filter(|n| n.hit.first > from && n.hit.first <= from + 2)?;
            let nl = n.hit.first + n.hit.len - 1;
            groups.iter().find(|g| g.first == nl + 1)
        };
        if let Some(g) = groups
            .iter()
            .find(|g| g.first > last && g.first <= horizon && clear(last + 1, g.first))
        {
            right.push(g);
            // an Arabic verb's subject is followed by its object ("استقبل الوزير … السيد X")
            if !coded[i].nominal {
                match groups.iter().find(|o| {
                    o.first > g.last && o.first <= g.last + RIGHT && clear(g.last + 1, o.first)
                }) {
                    Some(o) => right.push(o),
                    None => right.extend(owner_of_next(g.last)),
                }
            }
        } else {
            right.extend(owner_of_next(last));
        }
        // an Arabic verbal noun followed by its owner ("رفض مصر") has its agent there, not
        // before it
        let genitive =
            arabic && coded[i].nominal && right.first().is_some_and(|g| g.first == last + 1);
        // an English verb's subject may stand further back, past a title or an apposition
        // ("Pakistan, a key ally in the region, has refused"); a noun between them does not end
        // the clause, a verb does
        let left = if !arabic && !coded[i].nominal {
            let verb_between = |a: usize, b: usize| {
                coded
                    .iter()
                    .enumerate()
                    .any(|(j, c)| j != i && !c.nominal && c.hit.first >= a && c.hit.first < b)
            };
            let clause = |a: usize, b: usize| {
                !markers[a..b].contains(&Some(Marker::Break)) && !verb_between(a, b)
            };
            clause_subject(text, ws, markers, groups, first, &clause)
        } else {
            groups
                .iter()
                .rev()
                .find(|g| g.last < first && g.last + LEFT >= first && clear(g.last + 1, first))
                .filter(|_| !genitive)
        };
        // "was received by the president": the group after "by" is the doer
        let passive = !arabic
            && first > 0
            && markers[first - 1] == Some(Marker::Passive)
            && markers.get(last + 1) == Some(&Some(Marker::Agent));
        // the speaker of a quotation takes part in the cooperation they describe ("we"), not in
        // what others do
        let partnered = rules(coded[i].kind).cooperative || coded[i].kind == EventType::Agree;
        let mut source: Vec<String> = left.map(|g| g.ids.clone()).unwrap_or_default();
        let mut target: Vec<String> = Vec::new();
        for g in right {
            for id in &g.ids {
                if !source.contains(id) && !target.contains(id) {
                    target.push(id.clone());
                }
            }
        }
        if passive {
            std::mem::swap(&mut source, &mut target);
        }
        if source.is_empty() && target.is_empty() && partnered {
            // the sentence's subject, named first, governs its later clauses ("روسيا ومصر … ونعمل
            // سويًا لوضع اتفاقية"; not "In a letter to the UN, …"); a speaker alone is not
            // enough for an event
            if let Some(g) = groups.first().filter(|g| {
                g.last < first
                    && !markers[g.last + 1..first].contains(&Some(Marker::Break))
                    && (arabic || !after_preposition(text, ws, markers, g))
            }) {
                source = g.ids.clone();
            }
        } else if source.is_empty() && partnered && !genitive && target.len() == 1 {
            // "we hope to widen cooperation with Egypt": the speaker is the other party
            if let Some(id) = self
                .speaker_at(h.range.start, s)
                .filter(|id| !target.contains(id))
            {
                source = vec![id];
            }
        }
        (source, target)
    }

    /// The actor id of the speaker of the quotation that contains folded offset `b`.
    fn speaker_at(&self, b: usize, _s: Range<usize>) -> Option<String> {
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
            .filter(|&&k| self.dates[k].end <= o.end && self.dates[k].value.is_some())
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

    /// The first place named in the sentence.
    fn location(&self, s: Range<usize>) -> Option<String> {
        self.idx
            .inside(s)
            .map(|sp| &self.entities[sp.entity])
            .find(|e| e.kind == EntityKind::Location)
            .map(|e| e.name.clone())
    }
}

/// Is the group the object of a preposition? It may stand before an article or adjective ("of
/// the United Nations"), not before a comma ("on Monday, Iraq said").
fn after_preposition(text: &str, ws: &[Word], markers: &[Option<Marker>], g: &Group) -> bool {
    let preposition = |p: usize| {
        matches!(
            markers[p],
            Some(Marker::Oblique | Marker::Place | Marker::Agent | Marker::Between)
        )
    };
    let joined = |k: usize| {
        text[ws[k].gap_start..ws[k].range.start]
            .chars()
            .all(char::is_whitespace)
    };
    (g.first >= 1 && joined(g.first) && preposition(g.first - 1))
        || (g.first >= 2 && joined(g.first) && joined(g.first - 1) && preposition(g.first - 2))
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// The subject of an English verb at word `verb`: the nearest group before it in its clause that
/// is neither the object of a preposition ("to the United Nations") nor inside an apposition
/// between commas ("Pakistan, a key U.S. ally, has refused"). `clear(a, b)`: no clause break or
/// other trigger among words `a..b`.
fn clause_subject<'g>(
    text: &str,
    ws: &[Word],
    markers: &[Option<Marker>],
    groups: &'g [Group],
    verb: usize,
    clear: &dyn Fn(usize, usize) -> bool,
) -> Option<&'g Group> {
    let before: Vec<&Group> = groups.iter().filter(|g| g.last < verb).collect();
    let comma =
        |a: usize, b: usize| a < b && text[ws[a].range.start..ws[b].range.start].contains(',');
    for (k, g) in before.iter().enumerate().rev() {
        if !clear(g.last + 1, verb) {
            return None;
        }
        let oblique = after_preposition(text, ws, markers, g);
        // an apposition opens with a comma after the group it describes
        let apposition =
            comma(g.last, verb) && before[..k].last().is_some_and(|p| comma(p.last, g.first));
        if !oblique && !apposition {
            return Some(g);
        }
    }
    None
}
