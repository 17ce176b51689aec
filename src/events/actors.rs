//! Actor groups of a sentence: entity mentions named together ("Russia and Egypt", "بين مصر
//! وروسيا", "مباحثات أمنية روسية مصرية") form one group, each mention standing for the state or
//! body it acts for. Venues ("in Cairo", "في الأمم المتحدة") are not actors.

use std::ops::Range;

use once_cell::sync::Lazy;
use once_cell::unsync::OnceCell;

use crate::lexicon::rows;
use crate::text::hash::{WordMap, WordSet};
use crate::tsv;

use crate::doc::{Entity, EntityKind};
use crate::events::lexicon::Marker;
use crate::lang::ar;
use crate::mentions::{MentionIndex, Spot};
use crate::phrases::roles::role_words;
use crate::phrases::Word;
use crate::text::fold::fold_key;

/// Mentions named together, by word index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub first: usize,
    pub last: usize,
    pub ids: Vec<String>,
}

/// The ids of the news outlets and agencies of data/organisations.tsv (kind `media`): a report's
/// source ("(Reuters) -", "طلب لرويترز") is no party to the events it reports. (A state's outlet
/// still stands for its state, like its ministries.)
static MEDIA: Lazy<WordSet<String>> = Lazy::new(|| {
    rows(tsv!("organisations.tsv"), &["id", "kind"])
        .filter(|r| r.get("kind") == "media")
        .map(|r| r.get("id").to_string())
        .collect()
});

/// The ids of the international and regional bodies of data/organisations.tsv (kinds `intl` and
/// `regional`): such a body acts under its own name, not that of the state it sits in.
static MULTILATERAL: Lazy<WordSet<String>> = Lazy::new(|| {
    rows(tsv!("organisations.tsv"), &["id", "kind"])
        .filter(|r| matches!(r.get("kind"), "intl" | "regional"))
        .map(|r| r.get("id").to_string())
        .collect()
});

/// Is the actor an international or regional body (the UN, the Arab League, ECOWAS)?
pub fn multilateral(id: &str) -> bool {
    MULTILATERAL.contains(id)
}

/// The legal forms written after a company's name (data/org_words.tsv, role `en_suffix`: "Inc",
/// "Corp", "PLC"): a company's deals, offerings and contracts are no events between states and
/// bodies.
static COMPANY_SUFFIXES: Lazy<WordSet<String>> = Lazy::new(|| {
    rows(tsv!("org_words.tsv"), &["word", "role"])
        .filter(|r| r.get("role") == "en_suffix")
        .map(|r| r.get("word").to_lowercase())
        .collect()
});

/// Is the organisation a company by its name ("CCX Network Inc", "Acme Corp.")?
fn company(e: &Entity) -> bool {
    e.name
        .split_whitespace()
        .next_back()
        .is_some_and(|w| COMPANY_SUFFIXES.contains(&w.trim_end_matches('.').to_lowercase()))
}

/// The id an entity acts under: a state for its officials, ministries and armies; for an
/// official of an international body (a title naming the body), the body; for an official known
/// only by a title, the ministry of that portfolio named in the document ("interior minister" →
/// "Ministry of Interior (Egypt)" → EGY); else its own id. None for an official known only by a
/// title whose state the document never gives: a role is no actor of its own; None for a news
/// outlet of no state and for a company.
pub fn actor_id(e: &Entity, entities: &[Entity]) -> Option<String> {
    if e.kind == EntityKind::Country {
        return Some(e.id.clone());
    }
    if e.kind == EntityKind::Org && company(e) {
        return None;
    }
    // a UN force is the UN's, not the state it is stationed in
    if e.kind == EntityKind::Org && multilateral(&e.id) {
        return Some(e.id.clone());
    }
    if let Some(c) = e.country.as_ref().or(e.affiliation.as_ref()) {
        return Some(c.clone());
    }
    if e.kind == EntityKind::Org && MEDIA.contains(&e.id) {
        return None;
    }
    if e.kind != EntityKind::Person {
        return Some(e.id.clone());
    }
    // a person with neither a state nor a title is no actor: events are between states,
    // bodies and officials, and a bare name is too often a company's man
    let title = e.title.as_deref().map(fold_key).filter(|t| !t.is_empty())?;
    let named = |o: &Entity| {
        o.mentions.iter().any(|m| {
            let k = fold_key(&m.text);
            k.chars().count() > 2 && title.contains(&k)
        })
    };
    let body = entities
        .iter()
        .filter(|o| o.kind == EntityKind::Org)
        .find(|o| named(o) || portfolio(&title, o));
    if let Some(o) = body {
        return actor_id(o, entities);
    }
    // an official named with a title acts under their own id; a title alone ("the interior
    // minister") with no state in sight is no actor
    (fold_key(&e.name) != title).then(|| e.id.clone())
}

/// The actor id of each entity of a document, worked out the first time one of its mentions
/// asks: a long document names an entity many times, and [`actor_id`] reads the mentions of
/// every organisation, so asking it per mention grew with the square of the document's length.
pub struct ActorIds<'e> {
    entities: &'e [Entity],
    ids: Vec<OnceCell<Option<String>>>,
    /// The ids of the document's persons: an official acting under their own id.
    persons: WordSet<&'e str>,
}

impl<'e> ActorIds<'e> {
    pub fn new(entities: &'e [Entity]) -> ActorIds<'e> {
        ActorIds {
            entities,
            ids: entities.iter().map(|_| OnceCell::new()).collect(),
            persons: entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.id.as_str())
                .collect(),
        }
    }

    /// Is actor `id` a person acting under their own id (no state or body known)?
    pub fn personal(&self, id: &str) -> bool {
        self.persons.contains(id)
    }

    /// The states and bodies of the document, most named first (then first named first): the
    /// story's main parties.
    pub fn prominence(&self) -> Vec<String> {
        // actor id -> (mentions, first mention's offset)
        let mut seen: Vec<(String, usize, usize)> = Vec::new();
        let mut slot: WordMap<String, usize> = WordMap::default();
        for (i, e) in self.entities.iter().enumerate() {
            // a person counts for their state or body when the entity names it; working it out
            // from a title reads every organisation's mentions, too dear to ask of every person
            let stateless = e.country.is_none() && e.affiliation.is_none();
            // an entity the text never names is no party to its story
            let unnamed = e.mentions.is_empty();
            if unnamed
                || e.kind == EntityKind::Location
                || (e.kind == EntityKind::Person && stateless)
            {
                continue;
            }
            let Some(id) = self.get(i).filter(|id| !self.personal(id)) else {
                continue;
            };
            let first = e
                .mentions
                .iter()
                .map(|m| m.start)
                .min()
                .unwrap_or(usize::MAX);
            let k = *slot.entry(id.clone()).or_insert_with(|| {
                seen.push((id, 0, usize::MAX));
                seen.len() - 1
            });
            seen[k].1 += e.mentions.len();
            seen[k].2 = seen[k].2.min(first);
        }
        seen.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        seen.into_iter().map(|(id, _, _)| id).collect()
    }

    /// [`actor_id`] of entity `i`.
    pub fn get(&self, i: usize) -> Option<String> {
        self.ids
            .get(i)?
            .get_or_init(|| actor_id(&self.entities[i], self.entities))
            .clone()
    }
}

/// Does the title's portfolio name this body ("interior minister" and "Ministry of Interior",
/// "foreign minister" and "Ministry of Foreign Affairs")? The title's words less the role nouns
/// of persons ("minister", "official") must all occur in the body's name.
fn portfolio(title: &str, body: &Entity) -> bool {
    if body.country.is_none() {
        return false;
    }
    let roles = role_words();
    let name = fold_key(&body.name);
    let name_words: Vec<&str> = name
        .split(|c: char| !crate::text::chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut own = title
        .split(|c: char| !crate::text::chars::is_alphanumeric(c))
        .filter(|w| w.chars().count() > 3 && !roles.contains(*w))
        .peekable();
    own.peek().is_some() && own.all(|w| name_words.contains(&w))
}

/// Is the (folded) Arabic word a nisba adjective: its stem in ي with a nisba ending (روسي، المصريه،
/// سعوديين)?
fn nisba(word: &str) -> bool {
    ar::NISBA_ENDINGS
        .iter()
        .any(|e| word.strip_suffix(e).is_some_and(|stem| stem.ends_with('ي')))
}

/// Is the text between two mentions only a conjunction or list punctuation?
fn joins(between: &str) -> bool {
    let between = between.trim();
    between.is_empty()
        || matches!(
            between,
            "," | "،" | "و" | "and" | "and the" | "-" | "/" | "&" | "، و" | ", and" | ", and the"
        )
}

/// The actor groups of the words `ws` of one sentence. `markers` gives each word's marker: an
/// organisation right after a venue word ("at the United Nations", "داخل مجموعة بريكس") is a
/// place, not an actor; after "between"/"بين" the next mention joins across a word or two
/// ("بين أجهزة الأمم المتحدة المعنية ووزارة الداخلية"); "both sides" stands for `dyad`, the
/// last pair of actors the document named. The dateline's city (`dateline`: "BEIRUT:", "الرياض -")
/// says where the report was filed: though a capital may stand for its state, there it is no
/// actor.
pub fn groups(
    text: &str,
    ws: &[Word],
    idx: &MentionIndex,
    actors: &ActorIds,
    markers: &[Option<Marker>],
    dyad: Option<&[String]>,
    dateline: Option<&Spot>,
) -> Vec<Group> {
    let (Some(f), Some(l)) = (ws.first(), ws.last()) else {
        return Vec::new();
    };
    let word_at = |b: usize| ws.partition_point(|w| w.range.end <= b).min(ws.len() - 1);
    let marked =
        |first: usize, m: Marker| (first.saturating_sub(2)..first).any(|p| markers[p] == Some(m));
    let mut out: Vec<(Group, Range<usize>, bool)> = Vec::new();
    let mut taken_until = 0;
    for s in idx.within(f.range.start..l.range.end) {
        let e = &actors.entities[s.entity];
        let filed_from =
            dateline.is_some_and(|d| d.range.start < s.range.end && s.range.start < d.range.end);
        if e.kind == EntityKind::Location || s.range.start < taken_until || filed_from {
            continue;
        }
        taken_until = s.range.end;
        let (first, last) = (
            word_at(s.range.start),
            word_at(s.range.end.saturating_sub(1)),
        );
        let clitic_place = s.range.start > ws[first].range.start
            && text[ws[first].range.start..s.range.start].starts_with(ar::BI);
        if (e.kind == EntityKind::Org && marked(first, Marker::Place)) || clitic_place {
            continue;
        }
        let Some(id) = actors.get(s.entity) else {
            continue;
        };
        if let Some((g, r, between)) = out.last_mut() {
            let gap = &text[r.end.min(s.range.start)..s.range.start];
            let pair = *between && gap.split_whitespace().count() <= 3 && {
                let gap_end = gap.trim_end();
                gap_end.ends_with(" و")
                    || gap_end == "و"
                    || gap_end.ends_with(" and")
                    || (gap.ends_with(" و") || gap.ends_with('و'))
            };
            // a title between a nationality and the person it describes ("Bulgarian President
            // Todor Zhivkov", "وزير الداخلية المصري، مجدي عبدالغفار") names one actor
            let same = g.ids.contains(&id)
                && first <= g.last + 3
                && !gap.contains(['.', ':', ';', '؛', '?', '!', '؟']);
            // two Arabic names side by side are a list only when the second is a nisba
            // adjective ("مباحثات روسية مصرية"); else they are a verb's subject and object
            // ("قصفت روسيا أوكرانيا")
            // ("اتهمت اليونيفيل الجيش الإسرائيلي": a name ending in a nisba is no adjective)
            let word = &text[s.range.clone()];
            let adjective = !word.contains(' ') && nisba(word);
            let apart = gap.trim().is_empty() && ar::starts_arabic_block(word) && !adjective;
            // "Iran and the United States": a conjunction and an article between
            if (g.last + 3 >= first && joins(gap) && !apart) || pair || same {
                if !g.ids.contains(&id) {
                    g.ids.push(id);
                }
                g.last = last;
                r.end = s.range.end;
                *between = false;
                continue;
            }
        }
        let between = marked(first, Marker::Between);
        out.push((
            Group {
                first,
                last,
                ids: vec![id],
            },
            s.range.clone(),
            between,
        ));
    }
    let mut groups: Vec<Group> = out.into_iter().map(|(g, _, _)| g).collect();
    if let Some(d) = dyad.filter(|d| d.len() >= 2) {
        for (k, m) in markers.iter().enumerate() {
            if *m == Some(Marker::Dyad) && !(k > 0 && markers[k - 1] == Some(Marker::Dyad)) {
                groups.push(Group {
                    first: k,
                    last: k,
                    ids: d.to_vec(),
                });
            }
        }
        groups.sort_by_key(|g| g.first);
    }
    groups
}
