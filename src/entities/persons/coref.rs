//! Coreference within a document: a one-word name joins the full name it is the surname of,
//! every other occurrence of a surname is a mention of its person, and roles and title-pronouns
//! join the person who holds the office or was named last.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::ops::Range;

use super::{People, Person, Role, RoleMention};
use crate::analysis::Analysis;
use crate::doc::EntityKind;
use crate::entities::kb::{Form, KnowledgeBase};
use crate::entities::{translit, Sentence};
use crate::lang::ar::{self, strip_proclitic};
use crate::lang::en::{is_latin_word, is_name_particle, starts_upper};
use crate::text::hash::WordMap;

/// One-word names that are the surname of a fuller name join it.
pub(super) fn merge_surnames(people: &mut People) {
    // (key of the surname, person), in document order so the choice is deterministic
    // (a person without a surname is never among them, so the first is never the person itself)
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for (i, p) in people.list.iter().enumerate() {
        if let Some(s) = p.surname.as_deref() {
            // "Albusaidi" is the surname "al-Busaidi" and "Busaidi" name
            surnames.entry(translit::key(s)).or_insert(i);
            surnames.entry(translit::loose_key(s)).or_insert(i);
        }
    }
    let mut gone = vec![false; people.list.len()];
    for (i, done) in gone.iter_mut().enumerate() {
        let p = &people.list[i];
        if p.surname.is_some() || p.role_only || p.key.is_empty() {
            continue;
        }
        let Some(&j) = surnames.get(&p.key).or_else(|| surnames.get(&p.loose_key)) else {
            continue;
        };
        let mut m = std::mem::take(&mut people.list[i].mentions);
        let (t, c) = (people.list[i].title.clone(), people.list[i].country.clone());
        let q = &mut people.list[j];
        q.mentions.append(&mut m);
        q.title = q.title.take().or(t);
        q.country = q.country.take().or(c);
        *done = true;
    }
    let mut it = gone.into_iter();
    people.list.retain(|_| !it.next().unwrap_or(false));
}

/// Names that open with a particle ("bin Farhan", "ابن سلمان", "Al Thani", "von der Leyen")
/// are the tail of a fuller name of the document ("Faisal bin Farhan") and join it: the first
/// person, in document order, whose name ends with the same words. bin and ibn share a key.
pub(super) fn merge_particle_names(people: &mut People) {
    let mut tails: HashMap<String, usize> = HashMap::new();
    for (i, p) in people.list.iter().enumerate() {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        if p.role_only {
            continue;
        }
        // a tail shorter than the name: "Al Thani" joins "bin Jassim Al Thani", "Al Busaidi"
        // "Badr Albusaidi"
        for k in 1..words.len() {
            let tail = words[k..].join(" ");
            tails.entry(translit::key(&tail)).or_insert(i);
            tails.entry(translit::loose_key(&tail)).or_insert(i);
        }
    }
    let joins: Vec<(usize, usize)> = people
        .list
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            !p.role_only && opens_with_particle(&p.name.split_whitespace().collect::<Vec<_>>())
        })
        .filter_map(|(i, p)| {
            let j = tails
                .get(&translit::key(&p.name))
                .or_else(|| tails.get(&translit::loose_key(&p.name)))?;
            Some((i, *j))
        })
        .collect();
    join_into(people, &joins);
}

/// Does a name of two words or more open with a particle (bin, ibn, Al, von)?
fn opens_with_particle(words: &[&str]) -> bool {
    words.len() >= 2 && {
        let w = words[0].to_lowercase();
        // "ben" is bin as the Maghreb writes it ("Ben Romdhane" after "Hedi Ben Romdhane"); as a
        // given name ("Ben Wallace") it joins only a fuller name ending with the same words
        is_name_particle(&w) || matches!(w.as_str(), "al" | "ibn" | "ben")
    }
}

/// A given name alone ("Prince Mohammed", "الشيخ محمد"), as the press names royals and sheikhs
/// after their full name, is the person of the document whose name opens with it: the last one
/// named before it, or the first after when none is.
pub(super) fn merge_given_names(kb: &KnowledgeBase, people: &mut People) {
    // (first mention, person) of each first name, in document order
    let mut by_first: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (i, p) in people.list.iter().enumerate() {
        let mut words = p.name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            if !p.role_only && !opens_with_particle(&[first, ""]) {
                let at = p.mentions.iter().map(|m| m.start).min().unwrap_or(0);
                by_first
                    .entry(translit::key(first))
                    .or_default()
                    .push((at, i));
            }
        }
    }
    for v in by_first.values_mut() {
        v.sort_unstable();
    }
    let joins: Vec<(usize, usize)> = people
        .list
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            !p.role_only
                && !p.name.contains(' ')
                && kb.latin_given.contains_key(p.name.to_lowercase().as_str())
        })
        .filter_map(|(i, p)| {
            let v = by_first.get(&translit::key(&p.name))?;
            let at = p.mentions.iter().map(|m| m.start).min().unwrap_or(0);
            let k = v.partition_point(|&(s, _)| s < at);
            let (_, j) = if k > 0 { v[k - 1] } else { v[0] };
            Some((i, j))
        })
        .collect();
    join_into(people, &joins);
}

/// Move the mentions of each `(from, to)` person into `to` (or the person `to` has joined) and
/// drop `from`.
fn join_into(people: &mut People, joins: &[(usize, usize)]) {
    if joins.is_empty() {
        return;
    }
    let mut into: Vec<usize> = (0..people.list.len()).collect();
    for &(i, j) in joins {
        let mut root = j;
        while into[root] != root {
            root = into[root];
        }
        if root == i || into[i] != i {
            continue;
        }
        let mut m = std::mem::take(&mut people.list[i].mentions);
        let (t, c) = (people.list[i].title.clone(), people.list[i].country.clone());
        let q = &mut people.list[root];
        q.mentions.append(&mut m);
        q.title = q.title.take().or(t);
        q.country = q.country.take().or(c);
        into[i] = root;
    }
    let mut k = 0;
    people.list.retain(|_| {
        k += 1;
        into[k - 1] == k - 1
    });
}

/// The lengths and last bytes of a few words: most words of a text are none of a document's
/// surnames, and this turns them away before they are hashed.
#[derive(Default)]
struct SurnameShapes {
    lens: u64,
    lasts: [u64; 4],
}

impl SurnameShapes {
    fn insert(&mut self, w: &str) {
        let b = w.as_bytes();
        self.lens |= 1 << b.len().min(63);
        if let Some(&l) = b.last() {
            self.lasts[usize::from(l >> 6)] |= 1 << (l & 63);
        }
    }

    /// False only when no word inserted has this length and last byte.
    fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        self.lens & (1 << b.len().min(63)) != 0
            && b.last()
                .is_some_and(|&l| self.lasts[usize::from(l >> 6)] & (1 << (l & 63)) != 0)
    }
}

/// Every other occurrence of a person's surname in the text is a mention ("Borisenko noted").
pub(super) fn surname_mentions(
    a: &Analysis,
    kb: &KnowledgeBase,
    sentences: &[Sentence],
    people: &mut People,
) {
    let mut by_surname: WordMap<&str, usize> = WordMap::default();
    let mut shapes = SurnameShapes::default();
    for (i, p) in people.list.iter().enumerate() {
        if let Some(s) = p.surname.as_deref() {
            // "الحسين", "الوليد": a given name with its article names a team, a city or anyone
            let given_alone = s
                .strip_prefix(ar::AL)
                .is_some_and(|r| kb.given.contains_key(s) || kb.given.contains_key(r));
            let s = bare_surname(s);
            if s.chars().count() >= 3 && !given_alone {
                by_surname.insert(s, i);
                shapes.insert(s);
            }
        }
    }
    if by_surname.is_empty() {
        return;
    }
    // every person's mentions by start, with the running maximum end: "is this occurrence
    // inside a name already" (its own or another person's: the محمد of "عيد بن محمد" is no
    // mention of a "… محمد" named elsewhere) is one binary search, however many names there are
    let mut ms: Vec<Range<usize>> = people
        .list
        .iter()
        .flat_map(|p| p.mentions.iter().cloned())
        .collect();
    ms.sort_by_key(|m| m.start);
    let max_end: Vec<usize> = ms
        .iter()
        .scan(0, |e, m| {
            *e = m.end.max(*e);
            Some(*e)
        })
        .collect();
    let mut add: Vec<(usize, Range<usize>)> = Vec::new();
    let surname = |w: &str| {
        shapes
            .may_contain(w)
            .then(|| by_surname.get(w).copied())
            .flatten()
    };
    for s in sentences {
        for (t, tok) in s.toks.iter().enumerate() {
            let w = &a.text()[tok.range.clone()];
            // the word itself, with the article joined to it ("Albusaidi"), or after a clitic
            // conjunction or preposition ("وبوتين", "لبلير")
            let found = surname(w)
                .or_else(|| translit::glued_article(w).and_then(surname))
                .map(|i| (i, 0))
                .or_else(|| {
                    ar::ONE_LETTER_PROCLITICS
                        .iter()
                        .find_map(|c| strip_proclitic(w, c).map(|rest| (rest, c.len())))
                        .and_then(|(rest, n)| surname(rest).map(|i| (i, n)))
                });
            if let Some((i, off)) = found {
                if nisba_at(kb, s, t) {
                    continue;
                }
                let r = tok.range.start + off..tok.range.end;
                // an English surname is written with its capital ("Such", not "such")
                if is_latin_word(w) && !starts_upper(a.orig_text(a.orig(r.clone()))) {
                    continue;
                }
                let r = article_before(a, s, t).unwrap_or(r.start)..r.end;
                let k = ms.partition_point(|m| m.start <= r.start);
                if k == 0 || max_end[k - 1] < r.end {
                    add.push((i, r));
                }
            }
        }
    }
    for (i, r) in add {
        people.list[i].mentions.push(r);
    }
}

/// Is token `t` a state's adjective (التونسي, الكندية, تركي)? Alone it describes something
/// more often than it names the person whose family name it is (مصعب التونسي).
fn nisba_at(kb: &KnowledgeBase, s: &Sentence, t: usize) -> bool {
    s.hit_of.get(t).copied().flatten().is_some_and(|j| {
        s.hits[j].tokens == (t..t + 1)
            && s.hits[j].targets.iter().any(|x| {
                x.form == Form::Adjective && kb.records[x.record].kind == EntityKind::Country
            })
    })
}

/// A Latin surname without its article, however the article is written ("al-Busaidi",
/// "Albusaidi": "busaidi"); others as they are. Folded text.
fn bare_surname(s: &str) -> &str {
    if !is_latin_word(s) {
        return s;
    }
    ["al-", "el-"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .or_else(|| translit::glued_article(s))
        .unwrap_or(s)
}

/// Where the article written before the surname at token `t` starts ("al-Busaidi", "Al
/// Busaidi"): the mention takes it in.
fn article_before(a: &Analysis, s: &Sentence, t: usize) -> Option<usize> {
    let word = |i: usize| &a.text()[s.toks[i].range.clone()];
    let article = |i: usize| matches!(word(i), "al" | "el");
    let touching = |i: usize| s.toks[i].range.end == s.toks[i + 1].range.start;
    if t >= 2 && word(t - 1) == "-" && article(t - 2) && touching(t - 2) && touching(t - 1) {
        Some(s.toks[t - 2].range.start)
    } else if t >= 1 && article(t - 1) && !touching(t - 1) {
        Some(s.toks[t - 1].range.start)
    } else {
        None
    }
}

/// Roles without names join the person holding the role; pronouns the last person named; a
/// specific office held by no named person becomes a person of its own.
pub(super) fn resolve_roles(people: &mut People) {
    let roles = std::mem::take(&mut people.roles);
    let mut roles: Vec<RoleMention> = roles;
    roles.sort_by_key(|r| r.range.start);
    // Mentions not yet passed, by end: as the roles go forward, those ending before a role are
    // folded into `last`, the (start, person) of the latest-starting one, so a pronoun's
    // antecedent costs no scan of every mention. Mentions given out below join the queue.
    let mut ahead: BinaryHeap<Reverse<(usize, usize, usize)>> = people
        .list
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| Reverse((m.end, m.start, i))))
        .collect();
    let mut last: Option<(usize, usize)> = None;
    // the first holder of each office, found once (an office nobody holds is looked up again
    // only after a person is added)
    let mut holders: HashMap<(Option<String>, Option<String>), Option<usize>> = HashMap::new();
    for r in roles {
        while let Some(&Reverse((end, start, i))) = ahead.peek() {
            if end > r.range.start {
                break;
            }
            ahead.pop();
            last = last.max(Some((start, i)));
        }
        let given = |i: usize, ahead: &mut BinaryHeap<_>| {
            ahead.push(Reverse((r.range.end, r.range.start, i)));
        };
        if r.pronoun {
            if let Some((_, i)) = last {
                people.list[i].mentions.push(r.range.clone());
                given(i, &mut ahead);
            }
            continue;
        }
        let office = (r.role.title.clone(), r.role.country.clone());
        let holder = *holders
            .entry(office)
            .or_insert_with(|| people.list.iter().position(|p| holds(p, &r.role)));
        match holder {
            Some(i) => {
                people.list[i].mentions.push(r.range.clone());
                given(i, &mut ahead);
            }
            None => {
                let title = r.role.title.clone().unwrap_or_default();
                // a rank with no state or body attached ("the minister", "the commander": a
                // one-word title) is no entity of its own; an office ("the interior minister")
                // is. A pronoun after it no longer refers to the person named before it.
                if title == "official" || title == "deputy" {
                    continue;
                }
                if r.role.country.is_none() && !title.contains(' ') {
                    last = None;
                    continue;
                }
                let name = match &r.role.country {
                    Some(c) => format!("{title} ({c})"),
                    None => title.clone(),
                };
                let id = format!("role-{}", translit::slug(&name));
                people.list.push(Person {
                    id,
                    name,
                    key: String::new(),
                    loose_key: String::new(),
                    surname: None,
                    title: Some(title),
                    country: r.role.country.clone(),
                    mentions: vec![r.range.clone()],
                    role_only: true,
                });
                given(people.list.len() - 1, &mut ahead);
                holders.retain(|_, h| h.is_some());
            }
        }
    }
}

/// Does person `p` hold the office of role `r`?
pub(super) fn holds(p: &Person, r: &Role) -> bool {
    let country_ok = match (&r.country, &p.country) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let title = r.title.as_deref().unwrap_or("");
    let title_ok = match (title, p.title.as_deref()) {
        // "المسؤول الأممي": any official of that state or body
        ("official", _) => r.country.is_some(),
        // "the Russian leader", "the UAE head": whoever holds an office of that state
        ("leader" | "head", Some(_)) => r.country.is_some(),
        (t, Some(pt)) => t == pt || pt.ends_with(t),
        _ => false,
    };
    country_ok && title_ok
}
