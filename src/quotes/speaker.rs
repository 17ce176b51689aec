//! Who speaks: the words of a sentence that can name a speaker ("chunks": entity mentions, role
//! nouns with their nationality, pronouns, "the statement"), the subject of a cue verb in either
//! word order, and the resolution of roles, pronouns and statements to entities.

use std::ops::Range;

use crate::doc::{Entity, EntityKind};
use crate::mentions::MentionIndex;
use crate::phrases::roles::{roles, RoleKind};
use crate::phrases::{words, Word};
use crate::text::fold::fold_key;

/// What a chunk names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Entity(usize),
    /// A role noun, with the state or body it belongs to when the text says ("السفير الروسي").
    Role {
        role: usize,
        affil: Option<usize>,
    },
    Pronoun,
    Statement,
}

/// Words that can name a speaker: word indices `first..=last`, folded byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub first: usize,
    pub last: usize,
    pub range: Range<usize>,
    pub who: Who,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub entity: Option<usize>,
    /// Folded byte range of the words that name the speaker.
    pub range: Range<usize>,
}

/// Index of the word that contains byte `b`.
fn word_at(ws: &[Word], b: usize) -> usize {
    ws.partition_point(|w| w.range.end <= b)
        .min(ws.len().saturating_sub(1))
}

/// The speaker chunks of the words `ws` (one sentence), in text order.
pub fn chunks(text: &str, ws: &[Word], idx: &MentionIndex, entities: &[Entity]) -> Vec<Chunk> {
    let (Some(f), Some(l)) = (ws.first(), ws.last()) else {
        return Vec::new();
    };
    let mut out: Vec<Chunk> = Vec::new();
    let mut taken_until = 0;
    for s in idx.within(f.range.start..l.range.end) {
        if entities[s.entity].kind == EntityKind::Location || s.range.start < taken_until {
            continue;
        }
        taken_until = s.range.end;
        let (first, last) = (word_at(ws, s.range.start), word_at(ws, s.range.end - 1));
        out.push(Chunk {
            first,
            last,
            range: s.range.clone(),
            who: Who::Entity(s.entity),
        });
    }
    let roles = roles();
    // The entity chunks are in text order, their last words too; role phrases do not overlap
    // one another. So a role's overlap is with the last entity chunk starting at or before its
    // last word: one binary search, not a scan of the sentence's chunks.
    let entity_chunks = out.len();
    for hit in roles.table.scan(text, ws) {
        let (first, last) = (hit.first, hit.first + hit.len - 1);
        let k = out[..entity_chunks].partition_point(|c| c.first <= last);
        if k > 0 && out[k - 1].last >= first {
            continue; // an entity mention already names these words
        }
        let who = match roles.list[*hit.value].kind {
            RoleKind::Person => Who::Role {
                role: *hit.value,
                affil: None,
            },
            RoleKind::Statement => Who::Statement,
            RoleKind::Pronoun => Who::Pronoun,
        };
        out.push(Chunk {
            first,
            last,
            range: hit.range,
            who,
        });
    }
    out.sort_by_key(|c| c.first);
    merge_affiliations(text, ws, entities, out)
}

fn is_person(entities: &[Entity], c: &Chunk) -> bool {
    matches!(c.who, Who::Entity(e) if entities[e].kind == EntityKind::Person)
}

fn is_body(entities: &[Entity], c: &Chunk) -> bool {
    matches!(c.who, Who::Entity(e) if matches!(entities[e].kind, EntityKind::Country | EntityKind::Org))
}

/// Join a role with the nationality or body next to it ("the Russian ambassador", "سفير روسيا",
/// "المسؤول الأممي") and with the person named beside it ("السفير الروسي، جيورجي بوريسينكو";
/// "Borisenko, the Russian ambassador"), so one chunk stands for one speaker.
fn merge_affiliations(text: &str, ws: &[Word], entities: &[Entity], cs: Vec<Chunk>) -> Vec<Chunk> {
    // Both passes build a new list rather than removing from the old one, so a sentence of
    // thousands of roles stays linear.
    // a body just after the role, or just before it (allowing the "s" of "Russia's")
    let gap_ok =
        |a: usize, b: usize| b == a + 1 || (b == a + 2 && &text[ws[a + 1].range.clone()] == "s");
    let mut joined: Vec<Chunk> = Vec::with_capacity(cs.len());
    let mut it = cs.into_iter().peekable();
    while let Some(c) = it.next() {
        if let Who::Role { role, affil: None } = c.who {
            let with_next = it
                .peek()
                .is_some_and(|n| is_body(entities, n) && gap_ok(c.last, n.first));
            if with_next {
                let n = it.next().expect("peeked");
                let Who::Entity(e) = n.who else {
                    unreachable!()
                };
                joined.push(Chunk {
                    first: c.first,
                    last: n.last,
                    range: c.range.start..n.range.end,
                    who: Who::Role {
                        role,
                        affil: Some(e),
                    },
                });
                continue;
            }
            if let Some(p) = joined
                .last_mut()
                .filter(|p| is_body(entities, p) && gap_ok(p.last, c.first))
            {
                let Who::Entity(e) = p.who else {
                    unreachable!()
                };
                *p = Chunk {
                    first: p.first,
                    last: c.last,
                    range: p.range.start..c.range.end,
                    who: Who::Role {
                        role,
                        affil: Some(e),
                    },
                };
                continue;
            }
        }
        joined.push(c);
    }
    // apposition: a role and a person within a few words, a comma between them
    let mut out: Vec<Chunk> = Vec::with_capacity(joined.len());
    let mut it = joined.into_iter().peekable();
    while let Some(a) = it.next() {
        let Some(b) = it.peek() else {
            out.push(a);
            break;
        };
        let comma = text[a.range.end..b.range.start].contains([',', '،']);
        let role_then_person =
            matches!(a.who, Who::Role { .. }) && is_person(entities, b) && b.first <= a.last + 5;
        let person_then_role =
            is_person(entities, &a) && matches!(b.who, Who::Role { .. }) && b.first <= a.last + 2;
        if comma && (role_then_person || person_then_role) {
            let b = it.next().expect("peeked");
            let who = if role_then_person { b.who } else { a.who };
            out.push(Chunk {
                first: a.first,
                last: b.last,
                range: a.range.start..b.range.end,
                who,
            });
        } else {
            out.push(a);
        }
    }
    out
}

/// The chunk that is the subject of the cue at words `cue.0..cue.1`: right after it (verb
/// first, as Arabic reports) or just before it (subject first, as English does), tried in the
/// order the language prefers. Punctuation may not stand between a verb and a subject after it.
pub fn subject<'c>(
    text: &str,
    ws: &[Word],
    cs: &'c [Chunk],
    cue: (usize, usize),
    verb_first: bool,
) -> Option<&'c Chunk> {
    // `cs` is in text order and its chunks do not overlap, so their last words rise too: the
    // candidates on either side are found by binary search, never by a scan of the sentence
    // (a sentence of thousands of cues stays linear).
    let after = || {
        let k = cs.partition_point(|c| c.first < cue.1);
        cs[k..]
            .iter()
            .take_while(|c| c.first <= cue.1 + 1)
            .find(|c| {
                !text[ws[cue.1 - 1].range.end..c.range.start].contains(|ch: char| {
                    !crate::text::chars::is_alphanumeric(ch) && !ch.is_whitespace()
                })
            })
    };
    let before = || {
        let k = cs.partition_point(|c| c.first < cue.0);
        cs[..k]
            .iter()
            .rev()
            .filter(|c| c.last < cue.0)
            .take_while(|c| c.last + 3 >= cue.0)
            .find(|c| {
                !text[c.range.end..ws[cue.0].range.start]
                    .contains(['.', ':', ';', '؛', '!', '?', '؟'])
            })
    };
    if verb_first {
        after().or_else(before)
    } else {
        before().or_else(after)
    }
}

/// What a document has said so far: the last speaker (for "he added", "وأضاف") and the body
/// whose statement is being quoted (for "البيان", "the statement").
#[derive(Debug, Default, Clone)]
pub struct State {
    pub last: Option<Speaker>,
    pub statement_owner: Option<Speaker>,
    /// For a person known only by a title, the named person it stands in apposition to.
    pub aliases: Vec<Option<usize>>,
}

/// Is every mention of this person a title ("السفير الروسي", "the ambassador")?
fn role_only(e: &Entity) -> bool {
    let roles = roles();
    e.kind == EntityKind::Person
        && !e.mentions.is_empty()
        && e.mentions.iter().all(|m| {
            let k = fold_key(&m.text);
            let ws = words(&k, 0..k.len());
            roles.table.at(&k, &ws, 0).is_some()
        })
}

/// Persons named only by a title that the text puts in apposition to a named person ("سفير
/// روسيا لدى القاهرة، جيورجي بوريسينكو", "the ambassador, Ivan Petrov,"): the title is that
/// person wherever it recurs. One pass over the mentions in text order.
pub fn aliases(text: &str, idx: &MentionIndex, entities: &[Entity]) -> Vec<Option<usize>> {
    let titled: Vec<bool> = entities.iter().map(role_only).collect();
    let mut out = vec![None; entities.len()];
    let spots = idx.within(0..usize::MAX);
    for (k, s) in spots.iter().enumerate() {
        if !titled[s.entity] || out[s.entity].is_some() {
            continue;
        }
        // the next mention that is not inside this one
        let Some(n) = spots[k + 1..].iter().find(|n| n.range.start >= s.range.end) else {
            continue;
        };
        let between = &text[s.range.end..n.range.start];
        let named = entities[n.entity].kind == EntityKind::Person && !titled[n.entity];
        let words = between.split_whitespace().count();
        if named
            && words <= 5
            && between.contains([',', '،'])
            && !between.contains(['.', ':', '؛', '"'])
        {
            out[s.entity] = Some(n.entity);
        }
    }
    out
}

/// Resolve a chunk to a speaker. `at` is where the chunk stands (for "the most recent" person).
pub fn resolve(
    c: &Chunk,
    entities: &[Entity],
    state: &State,
    idx_first_mention: &[usize],
) -> Option<Speaker> {
    match &c.who {
        Who::Entity(e) => {
            let e = state.aliases.get(*e).copied().flatten().unwrap_or(*e);
            Some(Speaker {
                entity: Some(e),
                range: c.range.clone(),
            })
        }
        Who::Pronoun => state.last.clone(),
        Who::Statement => Some(match &state.statement_owner {
            Some(o) => Speaker {
                entity: o.entity,
                range: c.range.clone(),
            },
            None => Speaker {
                entity: None,
                range: c.range.clone(),
            },
        }),
        Who::Role { role, affil } => {
            let entity = holder(
                *role,
                *affil,
                entities,
                state,
                idx_first_mention,
                c.range.start,
            );
            Some(Speaker {
                entity,
                range: c.range.clone(),
            })
        }
    }
}

/// The person who holds `role` (for the state or body `affil`): the best match by title and
/// country among the persons named before this point, else the last speaker when compatible.
fn holder(
    role: usize,
    affil: Option<usize>,
    entities: &[Entity],
    state: &State,
    first_at: &[usize],
    at: usize,
) -> Option<usize> {
    let forms = &roles().list[role].forms;
    let affil_e = affil.map(|a| &entities[a]);
    let score = |e: &Entity| -> usize {
        let title = e.title.as_deref().map(fold_key).unwrap_or_default();
        let mut s = 0;
        if !title.is_empty() && forms.iter().any(|f| title.contains(f.as_str())) {
            s += 2;
        }
        if let Some(a) = affil_e {
            let same_state =
                a.kind == EntityKind::Country && e.country.as_deref() == Some(a.id.as_str());
            let named = a.kind == EntityKind::Org
                && (e.affiliation.as_deref() == Some(a.id.as_str())
                    || title.contains(&fold_key(&a.name))
                    || a.mentions
                        .iter()
                        .any(|m| title.contains(&fold_key(&m.text))));
            if same_state || named {
                s += 2;
            }
        }
        s
    };
    let best = entities
        .iter()
        .enumerate()
        .filter(|(i, e)| e.kind == EntityKind::Person && first_at.get(*i).is_some_and(|&f| f <= at))
        .map(|(i, e)| (score(e), i))
        .filter(|&(s, _)| s >= 2)
        .max_by_key(|&(s, i)| (s, std::cmp::Reverse(first_at[i])));
    if let Some((_, i)) = best {
        return Some(i);
    }
    // the last speaker, when a person of the same state (or of unknown state)
    let last = state.last.as_ref()?.entity?;
    let e = &entities[last];
    let compatible = match affil_e {
        Some(a) if a.kind == EntityKind::Country => e.country.as_deref().is_none_or(|c| c == a.id),
        _ => true,
    };
    (e.kind == EntityKind::Person && compatible).then_some(last)
}
