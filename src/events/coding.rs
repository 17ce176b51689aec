//! PLOVER's coding rules applied to the trigger words of one sentence: a cooperative event
//! announced for the future or hoped for is AGREE; what follows a refusal, a demand or a threat is
//! what was refused, asked or threatened, not an event of its own; a cooperative trigger right
//! after "agreed"/"اتفق" (or a signing) is the same fact, and a hostile one after a vow makes the
//! vow a threat; a negated agreement is a refusal.

use crate::doc::{EventMode, EventType};
use crate::events::lexicon::{Marker, Trigger};
use crate::events::rules;
use crate::lang::ar;
use crate::phrases::{Hit, Word};

/// How far before a trigger a future or hope word still governs it.
const MODAL: usize = 6;

/// CAMEO codes with a rule of their own: making a visit (the place visited is the host) and
/// signing (what was signed is the same fact).
pub const VISIT: &str = "042";
pub const SIGN: &str = "057";

/// A trigger after the PLOVER rules: its type, mode and word span.
pub struct Coded<'t> {
    pub hit: Hit<'t, Trigger>,
    /// The trigger's own type, and the type after the rules (a future cooperation is AGREE).
    pub base: EventType,
    pub kind: EventType,
    pub mode: EventMode,
    /// Used as a noun: an event noun, or a verb form with a preposition or the article attached
    /// ("برفض", "بالتوقيع"), which Arabic only puts on the verbal noun.
    pub nominal: bool,
    /// The last word the fact spans: a cooperative trigger folded into "agreed" extends it.
    pub reach: usize,
}

impl Coded<'_> {
    /// The last word of the trigger itself.
    pub fn last(&self) -> usize {
        self.hit.first + self.hit.len - 1
    }

    /// Does this trigger take in the cooperation named after it ("agreed to cooperate", "signed
    /// a cooperation treaty")?
    fn absorbs(&self) -> bool {
        self.kind == EventType::Agree || self.hit.value.cameo == SIGN
    }
}

/// Is the word at byte `start` the second half of a hyphenated compound ("Iran-backed",
/// "U.S.-led", "Saudi-supported")? Such a word describes a noun; it is no event of its own.
fn compound(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}'))
}

/// The trigger hits of a sentence (in the folded `text`, with each word's marker and whether an
/// entity mention covers it) with PLOVER's rules applied.
pub fn code<'t>(
    text: &str,
    ws: &[Word],
    markers: &[Option<Marker>],
    named: &[bool],
    hits: Vec<Hit<'t, Trigger>>,
) -> Vec<Coded<'t>> {
    // a trigger word inside a name ("Organisation of Islamic Cooperation", "مجلس التعاون")
    // and a phrase listed as no event ("بحثا عن", "money supply") code nothing
    // "the attack from", "an agreed surcharge": a verb's form after an article is a noun or
    // an adjective, no event of its own (event nouns are listed as nouns)
    let article = |k: usize| k > 0 && markers[k - 1] == Some(Marker::Article);
    let background = background(text, ws, markers);
    let hits = hits.into_iter().filter_map(|hit| {
        let base = hit.value.kind?;
        let keep = !(hit.first..hit.first + hit.len).any(|k| named[k])
            && !background[hit.first]
            && (hit.value.noun || !article(hit.first))
            && !compound(text, hit.range.start);
        keep.then_some((base, hit))
    });
    let mut out: Vec<Coded> = Vec::new();
    // the end of the clause a refusal, a demand or a threat governs
    let mut content_until: Option<usize> = None;
    let mut agree_at: Option<usize> = None;
    for (base, hit) in hits {
        let trigger = hit.value;
        // what follows a refusal, a demand or a threat, up to the clause's end, is what was
        // refused, asked or threatened ("called on Iran to release the vessel"), not an event
        if content_until.is_some_and(|e| hit.first < e) {
            continue;
        }
        // "if its citizens were attacked", "إذا تعرضت": a condition is no event
        if conditional(markers, hit.first) {
            continue;
        }
        let last = hit.first + hit.len - 1;
        let broke = |from: usize| markers[from..hit.first].contains(&Some(Marker::Break));
        let after_agree = agree_at.is_some_and(|p| p + MODAL >= hit.first && !broke(p));
        // the act a vow names comes right after it ("vowed to attack", past the subject of an
        // Arabic verb: "وتعهدت روسيا بقصف"), not further on ("prepared to lift the ban")
        let vowed = agree_at.is_some_and(|p| {
            p < hit.first
                && (p + 1..hit.first).all(|k| named[k] || markers[k] == Some(Marker::Oblique))
        });
        // "agreed to cooperate", "اتفق على تبادل المعلومات", "signed a treaty of
        // cooperation": one fact, already coded; the fact reaches on to the last word folded
        if rules(base).cooperative && after_agree {
            if let Some(c) = out.iter_mut().rev().find(|c| c.absorbs()) {
                c.reach = last;
            }
            agree_at = Some(last);
            continue;
        }
        // "vowed to attack ships", "تعهد بالرد": a commitment to a hostile act is a threat of
        // it, one fact reaching on to the act's words (where its target is named)
        if rules(base).hostile && vowed {
            if let Some(c) = out.iter_mut().rev().find(|c| c.absorbs()) {
                if c.kind == EventType::Agree {
                    (c.base, c.kind, c.reach) = (EventType::Threaten, EventType::Threaten, last);
                    content_until = Some(clause_end(markers, hit.first));
                    agree_at = None;
                    continue;
                }
            }
        }
        let negated =
            (hit.first.saturating_sub(2)..hit.first).any(|k| markers[k] == Some(Marker::Negated));
        let (kind, mode) = type_and_mode(base, modal(markers, hit.first, trigger.future), negated);
        if rules(kind).content {
            content_until = Some(clause_end(markers, hit.first));
        }
        if kind == EventType::Agree || trigger.cameo == SIGN {
            agree_at = Some(last);
        }
        let clitics = &text[hit.prefix.clone()];
        // right after "that" a form listed as a noun is the verb ("relations that promises a
        // brighter future")
        let after_that = hit.first > 0
            && markers[hit.first - 1] == Some(Marker::Complement)
            && !ar::starts_arabic_block(&text[hit.range.clone()]);
        let nominal = (trigger.noun && !after_that)
            || [ar::BI, ar::LI].iter().any(|p| clitics.contains(p))
            || clitics.ends_with(ar::AL);
        out.push(Coded {
            hit,
            base,
            kind,
            mode,
            nominal,
            reach: last,
        });
    }
    out
}

/// For each word of `ws`, whether it stands in a relative clause set off by a comma (", who seized
/// much of Yemen in a civil war,", "، الذين يتلقون الدعم من إيران،") or after an Arabic
/// pluperfect ("كانت قد احتجزتهما", up to the next comma): what it says about an actor is
/// background, not the story's event, and its verb does not end the main clause.
pub fn background(text: &str, ws: &[Word], markers: &[Option<Marker>]) -> Vec<bool> {
    let mut out = vec![false; ws.len()];
    let comma = |k: usize| text[ws[k].gap_start..ws[k].range.start].contains([',', '،']);
    let mut k = 0;
    while k < ws.len() {
        let pluperfect = markers[k] == Some(Marker::Background);
        if (markers[k] == Some(Marker::Relative) && comma(k)) || pluperfect {
            let end = (k + 1..ws.len())
                .find(|&j| {
                    (comma(j) && markers[j - 1] != Some(Marker::Background))
                        || markers[j] == Some(Marker::Break)
                })
                .unwrap_or(ws.len());
            out[k..end].fill(true);
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

/// The word that ends the clause of word `first`: the next clause break, else the sentence's end.
fn clause_end(markers: &[Option<Marker>], first: usize) -> usize {
    (first..markers.len())
        .find(|&k| markers[k] == Some(Marker::Break))
        .unwrap_or(markers.len())
}

/// Does a condition word ("if", "unless", "إذا") govern a trigger at word `first`, within
/// [`MODAL`] words and its clause?
fn conditional(markers: &[Option<Marker>], first: usize) -> bool {
    let from = first.saturating_sub(MODAL);
    (from..first).rev().find_map(|k| match markers[k] {
        Some(Marker::Conditional) => Some(true),
        Some(Marker::Break) => Some(false),
        _ => None,
    }) == Some(true)
}

/// The future or hope word that governs a trigger at word `first`, within [`MODAL`] words and
/// its clause: a hope anywhere in reach outweighs a plain future ("نأمل في توسيع التعاون"); an
/// Arabic future form (`future`: "سيستقبل") is intended of itself.
fn modal(markers: &[Option<Marker>], first: usize, future: bool) -> Option<Marker> {
    let broke = |from: usize| markers[from..first].contains(&Some(Marker::Break));
    let modals: Vec<Marker> = (first.saturating_sub(MODAL)..first)
        .filter(|&k| !broke(k))
        .filter_map(|k| markers[k].filter(|m| matches!(m, Marker::Intended | Marker::Hoped)))
        .collect();
    modals
        .iter()
        .find(|m| **m == Marker::Hoped)
        .or(modals.first())
        .copied()
        .or(future.then_some(Marker::Intended))
}

/// The type and mode of a trigger of type `base` under a future or hope word (`modal`) and a
/// negation: announced or hoped for, what can be intended is AGREE; a negated agreement is a
/// refusal; anything else negated keeps its type.
fn type_and_mode(base: EventType, modal: Option<Marker>, negated: bool) -> (EventType, EventMode) {
    let mut kind = base;
    let mut mode = EventMode::Asserted;
    if let Some(m) = modal.filter(|_| rules(base).intendable) {
        kind = EventType::Agree;
        mode = if m == Marker::Hoped {
            EventMode::Hoped
        } else {
            EventMode::Intended
        };
    }
    if negated && base == EventType::Agree {
        // "will not accept", "لن نوافق": declining to agree is a refusal (CAMEO 12)
        kind = EventType::Reject;
    } else if negated {
        mode = EventMode::Negated;
    }
    (kind, mode)
}
