//! Persons: known ones from the knowledge base, unknown ones by rule, then in-document
//! coreference.
//!
//! Rules that find a name (Arabic and English alike):
//! - after a title phrase: a title, the country or body it attaches to, then the name, with or
//!   without an apposition comma ("أكد سفير روسيا لدى القاهرة، جيورجي بوريسينكو، أن", "Russia's
//!   Ambassador to Cairo, Georgiy Y. Borisenko said", "السيد/ فلاديمير إيفانوفيتش");
//! - after a title posted to a state or place, its holder's name even when it opens like a
//!   verb but has more long vowels than one ("السفير الياباني لدى مصر تاكيهيرو"), with a
//!   surname spelled like a town when the name is closed after it;
//! - after a reporting verb ("وقال فلان:"), when the name is closed by punctuation, a particle or
//!   a closer word ("وقال بلير في");
//! - after an occupation (player, coach, writer: titles that alone name nobody) or a definite
//!   nationality adjective and two name words ("الصربي دوشان لايوفيتش على");
//! - from a given name of the lexicon ("محمد الباز"), or an opening particle before a name word
//!   ("أبو محمد الشامي", "عبد الرحمن الخطيب");
//! - English (`english`): capitalised runs that open with a given name or an initial, or whose
//!   context makes them a name (a reporting verb, a country in brackets, an age in commas, a
//!   trade before them, a person listed beside them); never a run in capitals.
//!
//! Right after an organisation, two indefinite accusatives ("اجتماعا طارئا") are no name.
//! A place or state spelled inside a person's name (مصعب التونسي, a surname like a town) is
//! no mention of it, and a state's adjective alone is no surname mention.
//!
//! No person is read inside a facility's name (`facilities`: "مطار الملك خالد", "Prince Sultan
//! Air Base").
//!
//! A name ends at punctuation, cue, stop and common words, titles, other entities, words
//! shaped like verbs (three-letter ones too: يصل) and plurals of people (الصحفيين). After a
//! title an unknown ال-word is a surname only when closed or joined by a particle ("الرئيس
//! البشير،"); otherwise it completes the office ("رئيس المكتب السياسي"). A title phrase right
//! after a name, or in brackets after it, is its apposition and gives the person's title and
//! country, unless, written with no comma, it is the verb's object: a definite office of a
//! nationality after a titled name ("استقبل وزير الخارجية فلان السفير الياباني"), or an office
//! of another state than a known person's. A title's complement
//! (لشؤون …) is a construct phrase and stops before the name; an English office joined by "and"
//! ("Minister of Foreign Affairs and Expatriates") goes on to the name after it.
//!
//! Coreference: a surname alone joins the full name it ends (its article written apart, joined
//! or hyphenated: "Al Busaidi", "Albusaidi", "al-Busaidi"), a name opening with a particle
//! ("bin Farhan", "ابن سلمان") the full name it ends, a given name after a title ("Prince
//! Mohammed") the person it opens; a role without a name ("السفير
//! الروسي", "the Russian ambassador", "المسؤول الأممي") joins the person holding that role; a
//! title-pronoun (سيادته) joins the person or role named last before it.
//!
//! ```text
//! mod      the people of a document, the scan of a sentence's hits, names found without a title
//! names    where a name starts, runs and ends (Arabic and English), given names through clitics
//! english  English names the tables do not know, from their context
//! facilities  places and buildings named after a person
//! roles    title phrases, what an office attaches to, appositions
//! shapes   word shapes that open or close a name (beyond the verb shapes of `lang::ar`)
//! coref    surnames joined to full names, surname mentions, roles and pronouns to persons
//! ```

mod coref;
mod english;
mod facilities;
mod names;
mod roles;
mod shapes;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::gazetteer::Hit;
use super::kb::{Form, KnowledgeBase, WordRole};
use super::translit;
use super::{Acc, Ctx, Found, Sentence};
use crate::analysis::Analysis;
use crate::doc::EntityKind;
use crate::lang::ar;
use crate::lang::en::is_latin_word;
use crate::text::segment::TokKind;
use english::English;
use names::{
    clitic_len, definite_nisba, given_before, lineage_after, name_run, occupation_name, skip_punct,
    starts_name, strictly_closed, Cue,
};
use roles::{construct_title, own_apposition, role_before, title_phrase};

/// A title phrase: the office, and the state or body it belongs to.
#[derive(Debug, Clone, Default)]
struct Role {
    title: Option<String>,
    honorific: bool,
    /// A trade or calling: a role phrase without a name is no person.
    occupation: bool,
    /// ISO3 of the state, or the id of the body (UN) the office belongs to (split into
    /// `country` and `affiliation` on output).
    country: Option<String>,
    /// Folded byte range of the phrase.
    range: Range<usize>,
    /// The token after the phrase.
    next_tok: usize,
    /// A second office joined by "and" ends the phrase ("Crown Prince and Prime Minister").
    joined: bool,
    /// Posted to a state or place through a link word ("السفير الياباني لدى مصر"): the words
    /// after it are the holder's name, a foreign one even when it opens like a verb.
    posted: bool,
}

/// A person as the document names them.
#[derive(Debug, Clone)]
struct Person {
    id: String,
    name: String,
    key: String,
    /// The key with an article joined to a Latin surname left out ("Albusaidi"), the same as
    /// `key` for most names: it only joins spellings within the document.
    loose_key: String,
    /// Folded last word of the name (the surname, for surname-only mentions).
    surname: Option<String>,
    title: Option<String>,
    country: Option<String>,
    mentions: Vec<Range<usize>>,
    /// From a role mention alone (no name known).
    role_only: bool,
}

/// A role named without a person, or a title-pronoun.
struct RoleMention {
    role: Role,
    range: Range<usize>,
    pronoun: bool,
}

#[derive(Default)]
struct People {
    list: Vec<Person>,
    roles: Vec<RoleMention>,
    /// First person of each id and of each non-empty key, so that adding one is a lookup.
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    /// Every mention range added, in order, and where the current sentence's began (with
    /// `roles`), so a sentence's own ranges are found without reading the whole document's.
    added: Vec<Range<usize>>,
    sentence_start: (usize, usize),
}

impl People {
    /// Add a named person's mention, merging with a person already known by id or key (or
    /// loose key: "Badr Albusaidi" is "بدر البوسعيدي").
    fn add(&mut self, mut p: Person) {
        self.added.extend(p.mentions.iter().cloned());
        // the list holds no role-only person while names are added (those come last)
        let by_id = self.by_id.get(&p.id).copied();
        let by_key = [&p.key, &p.loose_key]
            .into_iter()
            .filter(|k| !k.is_empty())
            .filter_map(|k| self.by_key.get(k.as_str()).copied())
            .min();
        let same = by_id.into_iter().chain(by_key).min();
        if same.is_none() {
            let i = self.list.len();
            self.by_id.entry(p.id.clone()).or_insert(i);
            for k in [&p.key, &p.loose_key] {
                if !k.is_empty() && !self.by_key.contains_key(k.as_str()) {
                    self.by_key.insert(k.clone(), i);
                }
            }
        }
        match same {
            Some(i) => {
                let q = &mut self.list[i];
                q.mentions.append(&mut p.mentions);
                if q.title.is_none() {
                    q.title = p.title;
                }
                if q.country.is_none() {
                    q.country = p.country;
                }
            }
            None => self.list.push(p),
        }
    }
}

/// Find the persons of the document and add them to `acc`.
pub(crate) fn find(a: &Analysis, kb: &KnowledgeBase, sentences: &[Sentence], acc: &mut Acc) {
    let mut people = People::default();
    for s in sentences {
        people.sentence_start = (people.added.len(), people.roles.len());
        sentence(Ctx::new(a, kb, s), &mut people);
    }
    coref::merge_surnames(&mut people);
    coref::merge_particle_names(&mut people);
    coref::merge_given_names(kb, &mut people);
    coref::surname_mentions(a, kb, sentences, &mut people);
    // the names themselves, before roles join their persons (a role phrase names its state)
    let names: Vec<Range<usize>> = people
        .list
        .iter()
        .flat_map(|p| p.mentions.iter().map(|r| a.orig(r.clone())))
        .collect();
    coref::resolve_roles(&mut people);
    for p in &people.list {
        // a UN official acts for the UN: `affiliation`, not a state in `country`
        let (country, affiliation) = kb.acts_for(p.country.as_deref());
        let f = Found {
            kind: EntityKind::Person,
            id: &p.id,
            name: &p.name,
            key: &p.key,
            country,
            title: p.title.as_deref(),
            affiliation,
        };
        let mut ranges = p.mentions.clone();
        ranges.sort_by_key(|r| r.start);
        if let Some(first) = ranges.first() {
            let i = acc.add(a, f, first.clone());
            if p.role_only {
                acc.mark_role_only(i);
            }
            for r in ranges.into_iter().skip(1) {
                acc.mention(a, i, r);
            }
        }
    }
    drop_places_inside(acc, names);
}

/// A place or state spelled inside a person's name (the surname السويدي, "Jordan Henderson",
/// "تاكيهيرو كانو") is no mention of it: those mentions are dropped. `names`: original
/// character ranges.
fn drop_places_inside(acc: &mut Acc, mut names: Vec<Range<usize>>) {
    if names.is_empty() {
        return;
    }
    names.sort_by_key(|r| r.start);
    // the running maximum end: some name holds a mention when one starting at or before it
    // ends at or after it
    let max_end: Vec<usize> = names
        .iter()
        .scan(0, |e, r| {
            *e = r.end.max(*e);
            Some(*e)
        })
        .collect();
    for e in &mut acc.entities {
        if !matches!(e.kind, EntityKind::Location | EntityKind::Country) {
            continue;
        }
        e.mentions.retain(|m| {
            let k = names.partition_point(|r| r.start <= m.start);
            k == 0 || max_end[k - 1] < m.end
        });
    }
}

fn is_person_hit(kb: &KnowledgeBase, h: &Hit) -> bool {
    h.targets
        .iter()
        .any(|t| t.form == Form::Name && kb.records[t.record].kind == EntityKind::Person)
}

/// Where the scan of a sentence's hits stands.
#[derive(Default)]
struct Scan {
    /// Tokens before this one are part of a name already.
    used_until: usize,
    /// The first words of a known person's name after a title, when the knowledge base knows
    /// the person by the rest ("المستشارة الألمانية أنغيلا ميركل" with ميركل known): the first
    /// token and the title.
    lead: Option<(usize, Role)>,
}

/// The persons and roles of one sentence.
fn sentence(cx: Ctx, people: &mut People) {
    let mut scan = Scan::default();
    let mut k = 0;
    while k < cx.sent.hits.len() {
        let h = &cx.sent.hits[k];
        if h.tokens.start < scan.used_until {
            k += 1;
            continue;
        }
        if let Some(t) = h
            .targets
            .iter()
            .find(|t| t.form == Form::Name && cx.kb.records[t.record].kind == EntityKind::Person)
        {
            known_person(cx, k, t.record, &mut scan, people);
            k = first_hit_from(cx.sent, k + 1, scan.used_until);
            continue;
        }
        // "بن سلطان": a title word right after a name particle is a name
        let after_particle = h.tokens.start > 0
            && cx
                .kb
                .given
                .get(cx.word(h.tokens.start - 1))
                .is_some_and(|g| g.particle);
        if h.targets.iter().any(|t| t.form == Form::Title) && !after_particle {
            k = titled_name(cx, k, &mut scan, people);
            continue;
        }
        k += 1;
    }
    unkeyed_names(cx, used_positions(cx.sent, people), people);
}

/// The known person of record `record` at hit `k`, with the lead words and title before the
/// name and the lineage and apposition after it.
fn known_person(cx: Ctx, k: usize, record: usize, scan: &mut Scan, people: &mut People) {
    let h = &cx.sent.hits[k];
    let (start, role) = match scan.lead.take().filter(|(l, _)| *l < h.tokens.start) {
        Some((l, role)) => (l, Some(role)),
        None => (
            given_before(cx, h.tokens.start, scan.used_until),
            role_before(cx, k),
        ),
    };
    let from = role
        .as_ref()
        .map_or(start, |r| first_tok(cx, r.range.start));
    if facilities::inside_facility(cx, from, &(start..h.tokens.end)) {
        // "مطار الملك خالد الدولي": the airport's name, not a mention of the king
        scan.used_until = h.tokens.end;
        return;
    }
    let titled = role.as_ref().is_some_and(|r| r.title.is_some());
    let (title, country) = role.map_or((None, None), |r| (r.title, r.country));
    let rec = &cx.kb.records[record];
    // "الوليد بن طلال بن عبدالعزيز آل سعود": the lineage after a known name is its own
    let tail = lineage_after(cx, h.tokens.end);
    let range = cx.sent.toks[start].range.start + clitic_len(cx, start)
        ..tail.map_or(h.range.end, |e| cx.sent.toks[e - 1].range.end);
    let after = own_apposition(
        cx,
        tail.unwrap_or(h.tokens.end),
        titled,
        rec.country.as_deref(),
    );
    let title = after
        .as_ref()
        .and_then(|r| r.title.clone())
        .or(title)
        .or_else(|| rec.title.clone());
    let country = after
        .and_then(|r| r.country)
        .or(country)
        .or_else(|| rec.country.clone());
    people.add(Person {
        id: rec.id.clone(),
        name: rec.name.clone(),
        key: translit::key(&rec.name),
        loose_key: translit::loose_key(&rec.name),
        surname: None,
        title,
        country,
        mentions: vec![range],
        role_only: false,
    });
    scan.used_until = tail.unwrap_or(h.tokens.end);
}

/// The title phrase at hit `k` and the name after it (or the role alone, when no name
/// follows): the index of the next hit to look at.
fn titled_name(cx: Ctx, k: usize, scan: &mut Scan, people: &mut People) -> usize {
    let role = title_phrase(cx, k);
    let next = role.next_tok;
    let name_start = skip_punct(cx, next);
    let person_hit = |j: usize| is_person_hit(cx.kb, &cx.sent.hits[j]);
    if name_start
        .and_then(|t| cx.hit_at(t))
        .is_some_and(person_hit)
    {
        // a known person after the title: the scan adds them with this role
        return first_hit_from(cx.sent, k, next);
    }
    let name = name_start
        .filter(|_| !construct_title(cx, k, &role))
        .and_then(|t| {
            let cue = if role.posted { Cue::Posted } else { Cue::Title };
            name_run(cx, t, cue)
        })
        .filter(|n| !role.occupation || occupation_name(cx, n));
    if let Some(toks) = name.as_ref().filter(|n| {
        cx.hit_at(n.end)
            .is_some_and(|j| cx.sent.hits[j].tokens.start == n.end && person_hit(j))
    }) {
        scan.lead = Some((toks.start, role));
        return first_hit_from(cx.sent, k, toks.end);
    }
    match name {
        Some(toks) => {
            let end = toks.end;
            if !facilities::inside_facility(cx, first_tok(cx, role.range.start), &toks) {
                add_named(cx, toks, Some(role), people);
            }
            scan.used_until = end;
        }
        None => {
            if !role.honorific && !role.occupation && role.title.is_some() {
                people.roles.push(RoleMention {
                    range: role.range.clone(),
                    role,
                    pronoun: false,
                });
            }
            scan.used_until = next;
        }
    }
    first_hit_from(cx.sent, k, scan.used_until)
}

/// The token of the sentence that starts at folded byte `byte` (or the first after it).
fn first_tok(cx: Ctx, byte: usize) -> usize {
    cx.sent.toks.partition_point(|x| x.range.start < byte)
}

/// The first hit from the `k`-th on that starts at or after token `t`. Hits are in token order,
/// so searching on from `k` (not from the first hit) keeps a sentence of many titles linear.
fn first_hit_from(s: &Sentence, k: usize, t: usize) -> usize {
    k + s.hits[k..].partition_point(|h| h.tokens.start < t)
}

/// Whether token range `r` overlaps one of `used` (sorted by start), given the running maximum
/// of their ends: one binary search, not a scan of every used range.
fn overlaps_used(used: &[Range<usize>], max_end: &[usize], r: &Range<usize>) -> bool {
    let k = used.partition_point(|u| u.start < r.end);
    k > 0 && max_end[k - 1] > r.start
}

/// Token ranges of the sentence already given to persons (so the open rules do not repeat them).
fn used_positions(s: &Sentence, people: &People) -> Vec<Range<usize>> {
    let (added, roles) = people.sentence_start;
    let mut v: Vec<Range<usize>> = people.added[added..]
        .iter()
        .chain(people.roles[roles..].iter().map(|r| &r.range))
        .filter(|r| r.start >= s.range.start && r.end <= s.range.end)
        .cloned()
        .collect();
    v.sort_by_key(|r| r.start);
    v
}

/// Names found without a title: after reporting verbs, from given names, English capitalised
/// sequences; and title-pronouns.
fn unkeyed_names(cx: Ctx, used: Vec<Range<usize>>, people: &mut People) {
    let max_end: Vec<usize> = used
        .iter()
        .scan(0, |m, u| {
            *m = u.end.max(*m);
            Some(*m)
        })
        .collect();
    let mut bare: Vec<Range<usize>> = Vec::new();
    let mut t = 0;
    while t < cx.sent.toks.len() {
        let r = cx.sent.toks[t].range.clone();
        if overlaps_used(&used, &max_end, &r)
            || cx.hit_at(t).is_some()
            || cx.sent.toks[t].kind != TokKind::Word
        {
            t += 1;
            continue;
        }
        let w = cx.word(t);
        let latin = is_latin_word(w);
        let (role, bare_role) = if latin && !cx.kb.latin_pronouns() {
            // no title-pronoun is Latin, and the English rules ask a word's role themselves
            (WordRole::default(), WordRole::default())
        } else {
            let role = cx.role(t);
            // the word without a conjunction و (looked up once; the word itself when there is
            // none)
            let bare_role = w
                .strip_prefix(ar::WA)
                .filter(|b| b.chars().count() >= 3)
                .map_or(role, |b| cx.kb.word(b));
            (role, bare_role)
        };
        if role.pronoun || bare_role.pronoun {
            people.roles.push(RoleMention {
                role: Role::default(),
                range: r,
                pronoun: true,
            });
            t += 1;
            continue;
        }
        if latin {
            // English: a capitalised run with a given name, an initial or a context of its own
            match english::unknown_name(cx, t) {
                English::Name(toks) => {
                    let end = toks.end;
                    if !facilities::inside_facility(cx, toks.start, &toks) {
                        add_named(cx, toks, None, people);
                    }
                    t = end;
                }
                English::Bare(toks, next) => {
                    if bare.last().is_none_or(|b: &Range<usize>| b.end < toks.end) {
                        bare.push(toks);
                    }
                    t = next.max(t + 1);
                }
                English::Skip(next) => t = next.max(t + 1),
                English::None => t += 1,
            }
            continue;
        }
        let after_nisba = t > 0
            && cx.hit_at(t - 1).is_some_and(|k| {
                cx.sent.hits[k].tokens.end == t && definite_nisba(cx, &cx.sent.hits[k])
            });
        let reported = role.report || bare_role.report;
        let opens = !reported && starts_name(cx, t);
        // "الفلسطيني وموضوع النفط": after a nationality adjective a word with the conjunction
        // و opens another phrase, unless it opens a name by itself
        let after_nisba = after_nisba && (opens || !w.starts_with(ar::WA));
        let start = if reported {
            // "وقال فلان:" — the name must be closed by punctuation or a particle
            t + 1
        } else if after_nisba || opens {
            // "الروسي ميخائيل يوزهني،" (no name opens here by itself): closed like a name after
            // a reporting verb
            t
        } else {
            t += 1;
            continue;
        };
        let strict = reported || (after_nisba && !opens);
        match name_run(cx, start, Cue::None).filter(|n| !strict || strictly_closed(cx, n)) {
            // after a bare nationality adjective a single word is too often a verb or noun
            // ("التهديد السوري ارتفع"): two name words at least
            Some(toks) if after_nisba && start == t && toks.len() < 2 => t += 1,
            Some(toks) if toks.len() >= 2 || strict || is_latin_word(cx.word(toks.start)) => {
                let end = toks.end;
                if !facilities::inside_facility(cx, toks.start, &toks) {
                    add_named(cx, toks, None, people);
                }
                t = end;
            }
            _ => t += 1,
        }
    }
    listed_names(cx, bare, people);
}

/// English runs listed beside a person's name are persons too ("Billy Andrade, Duffy Waldorf
/// and Jesper Parnevik"): read forward, then backward, so a list is taken from either end.
fn listed_names(cx: Ctx, mut bare: Vec<Range<usize>>, people: &mut People) {
    if bare.is_empty() {
        return;
    }
    let (added, _) = people.sentence_start;
    let toks_of = |r: &Range<usize>| first_tok(cx, r.start)..first_tok(cx, r.end);
    let in_sentence =
        |r: &&Range<usize>| r.start >= cx.sent.range.start && r.end <= cx.sent.range.end;
    let mut ends: BTreeSet<usize> = people.added[added..]
        .iter()
        .filter(in_sentence)
        .map(|r| toks_of(r).end)
        .collect();
    let mut starts: BTreeSet<usize> = people.added[added..]
        .iter()
        .filter(in_sentence)
        .map(|r| toks_of(r).start)
        .collect();
    for forward in [true, false] {
        let order: Vec<usize> = if forward {
            (0..bare.len()).collect()
        } else {
            (0..bare.len()).rev().collect()
        };
        for i in order {
            let run = bare[i].clone();
            if run.is_empty() || !english::listed_with(cx, &run, &ends, &starts) {
                continue;
            }
            ends.insert(run.end);
            starts.insert(run.start);
            add_named(cx, run, None, people);
            bare[i] = 0..0;
        }
    }
}

/// Add a person named by tokens `toks` of sentence `s`.
fn add_named(cx: Ctx, toks: Range<usize>, role: Option<Role>, people: &mut People) {
    let range = cx.sent.toks[toks.start].range.start + clitic_len(cx, toks.start)
        ..cx.sent.toks[toks.end - 1].range.end;
    let folded = &cx.text()[range.clone()];
    let original = cx.doc.mention(range.clone()).text;
    let name = if is_latin_word(folded) {
        original.clone()
    } else {
        translit::latin(folded, &cx.kb.given)
    };
    let titled = role.as_ref().is_some_and(|r| r.title.is_some());
    let after = own_apposition(cx, toks.end, titled, None);
    let title = after
        .as_ref()
        .and_then(|r| r.title.clone())
        .or_else(|| role.as_ref().and_then(|r| r.title.clone()));
    let country = after
        .and_then(|r| r.country)
        .or_else(|| role.and_then(|r| r.country));
    let words: Vec<&str> = folded.split_whitespace().collect();
    let surname =
        (words.len() >= 2).then(|| words[words.len() - 1].trim_end_matches('.').to_string());
    people.add(Person {
        id: format!("person-{}", translit::slug(&name)),
        name,
        key: translit::key(folded),
        loose_key: translit::loose_key(folded),
        surname,
        title,
        country,
        mentions: vec![range],
        role_only: false,
    });
}
