//! The knowledge base: the tables of `data/` (countries, capitals, places, organisations,
//! national institutions, titles, known persons, given names, cue words) plus the user's rows,
//! compiled into Aho-Corasick automata over folded keys.
//!
//! The built-in tables ([`BuiltIn`], with the GeoNames places some 130,000 keys) are compiled once
//! per process and shared by every knowledge base; a knowledge base layers the user's rows on top:
//! their new keys in a small automaton of their own, the meanings they give built-in keys beside
//! those keys, and their new records after the built-in ones.
//!
//! Every surface form becomes a folded key pointing at one or more [`Target`]s; the same key may
//! mean several things ("مجلس الأمن": the UN Security Council, or a national security council
//! when a country stands beside it) and the resolver decides from the context.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use super::first_words::{FirstWords, Probe, Start};
use super::nisba;
use super::places::{self, Places};
use super::translit;
use crate::doc::{Coord, EntityKind};
use crate::lang::ar;
use crate::lang::en::Caps;
use crate::lexicon::rows;
use crate::text::fold::fold_key;
use crate::text::hash::WordMap;
pub use crate::text::sieve::WordTable;
use crate::tsv;

/// What a key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The name of a country, organisation, place or person.
    Name,
    /// A nationality adjective or demonym (الروسي, Russian, الأممي): a mention of the country or body.
    Adjective,
    /// A capital: a place, and the state's government when it acts.
    Capital,
    /// The generic name of a national institution (`institutions[record]`).
    Institution,
    /// A title or role (`titles[record]`).
    Title,
}

/// One meaning of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub form: Form,
    /// Index into `records`, `institutions` or `titles`, by `form`.
    pub record: usize,
    pub caps: Caps,
    /// The key is an ال-name with its article removed: it only counts after لل (للأمم المتحدة).
    pub after_lil: bool,
}

/// A country, organisation, place or known person.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub country: Option<String>,
    pub title: Option<String>,
    /// For capitals: the record of their state.
    pub state: Option<usize>,
}

/// A national institution type (ministry of interior, army, security council).
#[derive(Debug, Clone)]
pub struct Institution {
    pub id: String,
    pub name: String,
    /// Is the generic name an organisation by itself?
    pub alone: bool,
}

/// A title or role.
#[derive(Debug, Clone)]
pub struct Title {
    pub title: String,
    /// Mr, Dr, السيد: introduces a name but is no office.
    pub honorific: bool,
    /// The body the office belongs to, when the title says so.
    pub body: Option<String>,
    /// A trade or calling (player, writer): it introduces a name, but alone names nobody.
    pub occupation: bool,
}

/// A given name as written in Arabic script.
#[derive(Debug, Clone)]
pub struct Given {
    pub latin: String,
    /// Also an everyday word (أمل, جمال): starts a name only after a title.
    pub common: bool,
    /// بن, أبو: joins names, never ends one.
    pub particle: bool,
    /// أبو, بن, عبد: a particle that may also open a name (أبو مصعب الزرقاوي, بن لادن).
    pub opens: bool,
}

/// What a cue word does around names (data/entity_words.tsv).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordRole {
    /// Never part of a name (prepositions, particles, and every `common` word).
    pub stop: bool,
    /// An everyday noun, adjective or verb: never in a name, but it does not close one.
    pub common: bool,
    /// Closes a name after a reporting verb ("وقال بلير في").
    pub closer: bool,
    pub report: bool,
    pub locative: bool,
    pub pronoun: bool,
    pub complement: bool,
    pub link: bool,
    /// A regnal ordinal that ends a ruler's name (عبدالله الثاني, إليزابيث الثانية).
    pub regnal: bool,
    /// A place or building named after a person (مطار, Airport): the name in it is no person.
    pub facility: bool,
}

/// What a word does in an organisation's name (data/org_words.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgRole {
    /// Opens a name (حزب، جامعة).
    Head,
    /// Opens a name only with a place, country, adjective, proper name or complement in it (مجلس).
    Weak,
    /// Opens a name but is left out of the mention before a proper name (شركة أرامكو → أرامكو).
    Descriptor,
    /// Makes a head's phrase an everyday one (حركة المرور).
    NotName,
    /// Closes a capitalised English name (Harvard University).
    EnHead,
    /// Closes one, or opens "X of Y" (University of Cairo).
    EnOf,
    /// A legal form after a company's name (Inc., Ltd).
    EnSuffix,
}

/// A name that means one of two records, settled per document (data/ambiguous_names.tsv).
#[derive(Debug, Clone)]
pub struct Ambiguous {
    /// The record the name means by default (Oman).
    pub default: usize,
    /// The record it means when the document speaks of `cue` (Amman).
    pub alternative: usize,
    /// The country whose mention in the document tips the name to `alternative` (JOR).
    pub cue: String,
}

/// A row the user adds: `khabar.Extractor(entities=...)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserEntity {
    pub id: String,
    /// `country`, `org`, `person` or `location`.
    pub kind: String,
    pub name: String,
    /// Other names, in any language and script.
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub title: Option<String>,
    /// A place's coordinates, in degrees (both or neither; rows of kind `location` only).
    pub lat: Option<Coord>,
    pub lon: Option<Coord>,
    /// A place's GeoNames id, where the user knows it.
    pub geonames: Option<u32>,
}

/// Where a user's place is: what its row gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UserPlace {
    pub geonames: Option<u32>,
    pub lat: Option<Coord>,
    pub lon: Option<Coord>,
}

/// The built-in tables, compiled once per process ([`BuiltIn::shared`]).
pub struct BuiltIn {
    records: Vec<Record>,
    pub institutions: Vec<Institution>,
    pub titles: Vec<Title>,
    pub given: WordTable<Given>,
    /// Latin spellings of given names and of known persons' name parts, for English names.
    pub latin_given: WordTable<String>,
    words: WordTable<WordRole>,
    /// Is any title-pronoun of `words` a Latin word? (None is: سيادته, معاليه…) A Latin word's
    /// role need not be looked up to know it is no pronoun.
    latin_pronouns: bool,
    /// Words of organisation names, folded (Latin ones lower-cased).
    org_words: WordTable<OrgRole>,
    /// The endings of the organisation heads (head, weak, descriptor).
    head_ends: HeadEnds,
    /// Is any of those heads written in ASCII? (None is: they are Arabic nouns.)
    ascii_heads: bool,
    pub ambiguous: Vec<Ambiguous>,
    /// GeoNames facts of places and the words that weigh their names.
    pub places: Places,
    /// The keys of the tables but GeoNames.
    keys: Keys,
    /// The names of the GeoNames places (some 120,000): a Latin one is looked for only at a
    /// capitalised word.
    place_keys: Keys,
    by_id: WordMap<String, usize>,
}

static BUILT_IN: Lazy<BuiltIn> = Lazy::new(BuiltIn::build);

/// The knowledge base: the shared built-in tables plus the user's rows. The built-in tables'
/// fields and word lookups are reached through it (`kb.given`, `kb.word(w)`).
pub struct KnowledgeBase {
    base: &'static BuiltIn,
    /// The built-in records, then the user's new ones.
    pub records: Records,
    /// The keys only user rows have (none without user rows).
    user_keys: Option<Keys>,
    /// The meanings user rows give built-in keys.
    user_meanings: HashMap<KeyId, Vec<Target>>,
    /// Ids of the user's new records.
    user_ids: WordMap<String, usize>,
    /// Where the user's places are (by record index, built-in places included): rows with
    /// coordinates or a GeoNames id.
    user_places: HashMap<usize, UserPlace>,
}

impl std::ops::Deref for KnowledgeBase {
    type Target = BuiltIn;

    fn deref(&self) -> &BuiltIn {
        self.base
    }
}

/// The records of a knowledge base: the built-in ones, then the user's, indexed as one list.
pub struct Records {
    base: &'static [Record],
    user: Vec<Record>,
}

impl Records {
    pub fn get(&self, i: usize) -> Option<&Record> {
        match i.checked_sub(self.base.len()) {
            None => self.base.get(i),
            Some(j) => self.user.get(j),
        }
    }

    pub fn len(&self) -> usize {
        self.base.len() + self.user.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &Record> {
        self.base.iter().chain(&self.user)
    }
}

impl std::ops::Index<usize> for Records {
    type Output = Record;

    fn index(&self, i: usize) -> &Record {
        self.get(i).expect("a record index of this knowledge base")
    }
}

/// A set of keys compiled into one automaton: the built-in tables' or the user rows' own.
pub struct Keys {
    /// Key id → its meanings.
    targets: Vec<Vec<Target>>,
    automaton: AhoCorasick,
    /// The keys' first words: a place whose first word opens no key is passed over.
    starts: FirstWords,
}

impl Keys {
    fn compile(patterns: &[String], targets: Vec<Vec<Target>>) -> Keys {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(patterns)
            .expect("the knowledge base keys compile");
        let starts = FirstWords::new(patterns.iter().map(String::as_str));
        Keys {
            targets,
            automaton,
            starts,
        }
    }

    /// Where keys of the set may be found at `at`: most places are turned away, and most
    /// others answered without the automaton.
    #[inline]
    pub fn probe(&self, at: &Start) -> Probe {
        self.starts.probe(at)
    }

    /// The longest key that `text[span]` starts with: (key id, end), by the automaton (where
    /// [`Keys::probe`] says it must look).
    #[inline]
    pub fn longest(&self, text: &str, span: Range<usize>) -> Option<(usize, usize)> {
        let input = Input::new(text).span(span).anchored(Anchored::Yes);
        let m = self.automaton.find(input)?;
        Some((m.pattern().as_usize(), m.end()))
    }

    /// The id of exactly the folded key `key`, if it is one.
    fn id_of(&self, key: &str) -> Option<usize> {
        self.longest(key, 0..key.len())
            .filter(|&(_, end)| end == key.len())
            .map(|(id, _)| id)
    }
}

/// A key found in the text: in the automaton of the built-in tables, of the GeoNames names, or
/// of the user's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyId {
    BuiltIn(usize),
    Place(usize),
    User(usize),
}

/// One set of keys to search, how its key ids are made, and whether it holds names only (a Latin
/// key of it starts with a capital: it is looked for only where the text has one).
pub struct KeySet<'k> {
    pub keys: &'k Keys,
    pub id: fn(usize) -> KeyId,
    pub names_only: bool,
}

/// The endings of a few words: a head is a word's ending once its proclitic is off, so a word
/// whose last four bytes (two Arabic letters) end no head is none, whatever its proclitic, and
/// is turned away before the twenty proclitics are tried. Heads shorter than four bytes are
/// kept whole with their length.
#[derive(Debug, Clone)]
pub(crate) struct HeadEnds {
    bits: [u64; HEAD_ENDS_WORDS],
    /// Bit `n` set when a head is `n` bytes long with `n` < 4.
    short: u8,
}

const HEAD_ENDS_LOG2: u32 = 12;
const HEAD_ENDS_WORDS: usize = 1 << (HEAD_ENDS_LOG2 - 6);

impl Default for HeadEnds {
    fn default() -> Self {
        HeadEnds {
            bits: [0; HEAD_ENDS_WORDS],
            short: 0,
        }
    }
}

impl HeadEnds {
    #[inline]
    fn slot(tail: &[u8]) -> usize {
        let key = tail
            .iter()
            .fold(tail.len() as u64, |h, &x| h << 8 | u64::from(x));
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - HEAD_ENDS_LOG2)) as usize
    }

    fn has(&self, tail: &[u8]) -> bool {
        let k = HeadEnds::slot(tail);
        self.bits[k >> 6] & (1 << (k & 63)) != 0
    }

    pub(crate) fn insert(&mut self, head: &str) {
        let b = head.as_bytes();
        if b.len() < 4 {
            self.short |= 1 << b.len();
        }
        let k = HeadEnds::slot(&b[b.len().saturating_sub(4)..]);
        self.bits[k >> 6] |= 1 << (k & 63);
    }

    #[inline]
    pub(crate) fn may_end(&self, w: &str) -> bool {
        let b = w.as_bytes();
        (b.len() >= 4 && self.has(&b[b.len() - 4..]))
            || (1..4)
                .any(|n| self.short & (1 << n) != 0 && b.len() >= n && self.has(&b[b.len() - n..]))
    }
}

impl std::fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("records", &self.records.len())
            .field("keys", &self.base.keys.targets.len())
            .field(
                "user_keys",
                &self.user_keys.as_ref().map_or(0, |k| k.targets.len()),
            )
            .finish()
    }
}

impl Default for KnowledgeBase {
    fn default() -> Self {
        KnowledgeBase::builtin()
    }
}

fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The most meanings one key keeps (the built-in tables need a handful).
const MAX_MEANINGS: usize = 16;

/// A compiled set of built-in keys and how its key ids are told apart from other sets'.
type BaseKeys = (&'static Keys, fn(usize) -> KeyId);

/// Collects keys and their meanings before the automaton is built. Over the built-in keys
/// (`base`), a key they have takes its new meanings in `extra` instead.
#[derive(Default)]
pub(super) struct Builder {
    keys: HashMap<String, usize>,
    targets: Vec<Vec<Target>>,
    patterns: Vec<String>,
    base: Vec<BaseKeys>,
    extra: HashMap<KeyId, Vec<Target>>,
}

impl Builder {
    /// The meanings the tables loaded so far give `alias`, if any.
    pub(super) fn taken(&self, alias: &str) -> Option<&[Target]> {
        self.keys
            .get(&fold_key(alias))
            .map(|&id| self.targets[id].as_slice())
    }

    pub(super) fn add(&mut self, alias: &str, form: Form, record: usize) {
        let key = fold_key(alias);
        if key.chars().count() < 2 {
            return;
        }
        let caps = if form == Form::Title && Caps::of(alias) != Caps::All {
            Caps::Any
        } else {
            Caps::of(alias)
        };
        self.push(
            &key,
            Target {
                form,
                record,
                caps,
                after_lil: false,
            },
        );
        // "للأمم المتحدة": ل + الأمم, the article's alif gone
        if let Some(bare) = key.strip_prefix(ar::AL) {
            if bare.chars().count() >= 2 {
                self.push(
                    bare,
                    Target {
                        form,
                        record,
                        caps,
                        after_lil: true,
                    },
                );
            }
        }
    }

    fn push(&mut self, key: &str, t: Target) {
        let known = self
            .base
            .iter()
            .find_map(|&(b, kid)| Some((b, b.id_of(key)?, kid)));
        if let Some((base, id, kid)) = known {
            let (old, new) = (&base.targets[id], self.extra.entry(kid(id)).or_default());
            if old.len() + new.len() < MAX_MEANINGS && !old.contains(&t) && !new.contains(&t) {
                new.push(t);
            }
            return;
        }
        let id = *self.keys.entry(key.to_string()).or_insert_with(|| {
            self.patterns.push(key.to_string());
            self.targets.push(Vec::new());
            self.targets.len() - 1
        });
        // A key that means more than MAX_MEANINGS things (user rows sharing one name) keeps its
        // first meanings: every mention of the key reads them all, so they must stay few.
        let meanings = &mut self.targets[id];
        if meanings.len() < MAX_MEANINGS && !meanings.contains(&t) {
            meanings.push(t);
        }
    }

    /// An Arabic nisba stem: all its regular shapes.
    fn add_nisba(&mut self, stem: &str, record: usize) {
        for s in nisba::shapes(&fold_key(stem)) {
            self.add(&s, Form::Adjective, record);
        }
    }
}

impl BuiltIn {
    /// The built-in tables, compiled on first use and shared by the whole process.
    pub fn shared() -> &'static BuiltIn {
        &BUILT_IN
    }

    fn build() -> BuiltIn {
        let mut b = Builder::default();
        let mut records = Vec::new();
        load_countries(&mut b, &mut records);
        load_places(&mut b, &mut records);
        load_orgs(&mut b, &mut records);
        load_persons(&mut b, &mut records);
        let institutions = load_institutions(&mut b);
        let titles = load_titles(&mut b);
        let mut pb = Builder::default();
        let places = places::load(&b, &mut pb, &mut records);
        let mut latin_given = WordMap::default();
        let given = load_given(&mut latin_given);
        load_latin_given(&mut latin_given);
        for r in records.iter().filter(|r| r.kind == EntityKind::Person) {
            if let Some(first) = r.name.split_whitespace().next() {
                latin_given
                    .entry(first.to_lowercase())
                    .or_insert_with(|| first.to_string());
            }
        }
        let mut by_id = WordMap::default();
        for (i, r) in records.iter().enumerate() {
            by_id.entry(r.id.clone()).or_insert(i);
        }
        let ambiguous = load_ambiguous(&by_id);
        let keys = Keys::compile(&b.patterns, b.targets);
        let place_keys = Keys::compile(&pb.patterns, pb.targets);
        let words = load_words();
        let latin_pronouns = words
            .iter()
            .any(|(w, r)| r.pronoun && crate::lang::en::is_latin_word(w));
        let org_words = load_org_words();
        let mut head_ends = HeadEnds::default();
        let mut ascii_heads = false;
        for (w, r) in &org_words {
            if matches!(r, OrgRole::Head | OrgRole::Weak | OrgRole::Descriptor) {
                head_ends.insert(w);
                ascii_heads |= w.is_ascii();
            }
        }
        BuiltIn {
            records,
            institutions,
            titles,
            given: given.into(),
            latin_given: latin_given.into(),
            words: words.into(),
            latin_pronouns,
            org_words: org_words.into(),
            head_ends,
            ascii_heads,
            ambiguous,
            places,
            keys,
            place_keys,
            by_id,
        }
    }

    /// Could the word end with an organisation head (after any proclitic)? False only when no
    /// head ends as it does.
    pub fn may_end_with_head(&self, w: &str) -> bool {
        self.head_ends.may_end(w)
    }

    /// Could an ASCII word be an organisation head (head, weak, descriptor)? No word of the
    /// tables is.
    pub fn ascii_heads(&self) -> bool {
        self.ascii_heads
    }

    /// The role of a folded word in an organisation's name, if it has one.
    pub fn org_word(&self, w: &str) -> Option<OrgRole> {
        self.org_words.get(w).copied()
    }

    /// Could a Latin word be a title-pronoun? (No word of the tables is.)
    pub fn latin_pronouns(&self) -> bool {
        self.latin_pronouns
    }

    /// The role of a folded word, if it is a cue word.
    pub fn word(&self, w: &str) -> WordRole {
        self.words.get(w).copied().unwrap_or_default()
    }
}

impl KnowledgeBase {
    /// The built-in tables only.
    pub fn builtin() -> KnowledgeBase {
        KnowledgeBase::new(&[]).expect("the built-in tables build")
    }

    /// The built-in tables plus `user` rows. Errors name the row and the field at fault.
    pub fn new(user: &[UserEntity]) -> Result<KnowledgeBase, RowError> {
        let mut first_row: HashMap<&str, usize> = HashMap::new();
        for (i, u) in user.iter().enumerate() {
            validate(i, u)?;
            if let Some(first) = first_row.insert(u.id.trim(), i) {
                let row = row_name(i, u);
                return Err(RowError::RepeatedId { row, first });
            }
        }
        KnowledgeBase::build(user)
    }

    fn build(user: &[UserEntity]) -> Result<KnowledgeBase, RowError> {
        let base = BuiltIn::shared();
        let mut b = Builder {
            base: vec![
                (&base.keys, KeyId::BuiltIn),
                (&base.place_keys, KeyId::Place),
            ],
            ..Builder::default()
        };
        let (records, user_places) = add_user(&mut b, base, user)?;
        let mut user_ids = WordMap::default();
        for (i, r) in records.iter().enumerate() {
            if !base.by_id.contains_key(&r.id) {
                user_ids
                    .entry(r.id.clone())
                    .or_insert(base.records.len() + i);
            }
        }
        Ok(KnowledgeBase {
            base,
            records: Records {
                base: &base.records,
                user: records,
            },
            user_keys: (!b.patterns.is_empty()).then(|| Keys::compile(&b.patterns, b.targets)),
            user_meanings: b.extra,
            user_ids,
            user_places,
        })
    }

    /// Where a user row says the place of record `r` is (before what GeoNames says).
    pub fn user_place(&self, r: usize) -> Option<&UserPlace> {
        self.user_places.get(&r)
    }

    /// The key sets to search: the built-in tables', the GeoNames names, the user's own.
    pub fn key_sets(&self) -> impl Iterator<Item = KeySet<'_>> {
        let set = |keys, id, names_only| KeySet {
            keys,
            id,
            names_only,
        };
        [
            Some(set(&self.base.keys, KeyId::BuiltIn, false)),
            Some(set(&self.base.place_keys, KeyId::Place, true)),
            self.user_keys.as_ref().map(|k| set(k, KeyId::User, false)),
        ]
        .into_iter()
        .flatten()
    }

    /// The meanings of a key found in the text (a built-in key's own, then the user's).
    pub fn meanings(&self, key: KeyId) -> impl Iterator<Item = &Target> {
        let own: &[Target] = match key {
            KeyId::BuiltIn(id) => &self.base.keys.targets[id],
            KeyId::Place(id) => &self.base.place_keys.targets[id],
            KeyId::User(id) => self.user_keys.as_ref().map_or(&[], |k| &k.targets[id]),
        };
        let extra = self.user_meanings.get(&key).map_or(&[][..], Vec::as_slice);
        own.iter().chain(extra)
    }

    /// The index of the record with this id.
    pub fn record_index(&self, id: &str) -> Option<usize> {
        self.base
            .by_id
            .get(id)
            .or_else(|| self.user_ids.get(id))
            .copied()
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.record_index(id).map(|i| &self.records[i])
    }

    /// Split what an entity acts for into (state, body): an ISO3 code of a country in the
    /// knowledge base is the state; the id of an organisation (UN, AU) is the body.
    pub fn acts_for<'a>(&self, id: Option<&'a str>) -> (Option<&'a str>, Option<&'a str>) {
        match id {
            Some(i) if self.record(i).is_some_and(|r| r.kind == EntityKind::Org) => (None, Some(i)),
            other => (other, None),
        }
    }
}

fn load_countries(b: &mut Builder, records: &mut Vec<Record>) {
    for r in rows(
        tsv!("countries.tsv"),
        &[
            "id",
            "name_en",
            "aliases_en",
            "aliases_ar",
            "demonyms_en",
            "nisba_ar",
            "plural_ar",
            "capital_en",
            "capital_ar",
        ],
    ) {
        let id = r.get("id").to_string();
        let idx = records.len();
        records.push(Record {
            id: id.clone(),
            kind: EntityKind::Country,
            name: r.get("name_en").to_string(),
            country: Some(id.clone()),
            title: None,
            state: None,
        });
        for a in list(r.get("aliases_en")).chain(list(r.get("aliases_ar"))) {
            b.add(a, Form::Name, idx);
        }
        for a in list(r.get("demonyms_en")) {
            b.add(a, Form::Adjective, idx);
        }
        for s in list(r.get("nisba_ar")) {
            b.add_nisba(s, idx);
        }
        for p in list(r.get("plural_ar")) {
            for k in nisba::with_article(&fold_key(p)) {
                b.add(&k, Form::Adjective, idx);
            }
        }
        let capital_en: Vec<&str> = list(r.get("capital_en")).collect();
        if let Some(name) = capital_en.first() {
            let cap = records.len();
            records.push(Record {
                id: translit::slug(name),
                kind: EntityKind::Location,
                name: name.to_string(),
                country: Some(id.clone()),
                title: None,
                state: Some(idx),
            });
            for a in capital_en.iter().copied().chain(list(r.get("capital_ar"))) {
                b.add(a, Form::Capital, cap);
            }
        }
    }
}

fn load_places(b: &mut Builder, records: &mut Vec<Record>) {
    for r in rows(
        tsv!("places.tsv"),
        &["id", "name_en", "aliases_en", "aliases_ar", "country"],
    ) {
        let idx = records.len();
        records.push(Record {
            id: r.get("id").to_string(),
            kind: EntityKind::Location,
            name: r.get("name_en").to_string(),
            country: opt(r.get("country")),
            title: None,
            state: None,
        });
        for a in list(r.get("aliases_en")).chain(list(r.get("aliases_ar"))) {
            b.add(a, Form::Name, idx);
        }
    }
}

fn load_orgs(b: &mut Builder, records: &mut Vec<Record>) {
    for r in rows(
        tsv!("organisations.tsv"),
        &[
            "id",
            "name_en",
            "aliases_en",
            "aliases_ar",
            "country",
            "adjective_ar",
        ],
    ) {
        let idx = records.len();
        records.push(Record {
            id: r.get("id").to_string(),
            kind: EntityKind::Org,
            name: r.get("name_en").to_string(),
            country: opt(r.get("country")),
            title: None,
            state: None,
        });
        for a in list(r.get("aliases_en")).chain(list(r.get("aliases_ar"))) {
            b.add(a, Form::Name, idx);
        }
        for s in list(r.get("adjective_ar")) {
            b.add_nisba(s, idx);
        }
    }
}

fn load_persons(b: &mut Builder, records: &mut Vec<Record>) {
    for r in rows(
        tsv!("persons.tsv"),
        &[
            "id",
            "name_en",
            "aliases_en",
            "aliases_ar",
            "country",
            "title",
        ],
    ) {
        let idx = records.len();
        records.push(Record {
            id: r.get("id").to_string(),
            kind: EntityKind::Person,
            name: r.get("name_en").to_string(),
            country: opt(r.get("country")),
            title: opt(r.get("title")),
            state: None,
        });
        for a in list(r.get("aliases_en")).chain(list(r.get("aliases_ar"))) {
            b.add(a, Form::Name, idx);
        }
    }
}

fn load_institutions(b: &mut Builder) -> Vec<Institution> {
    let mut out = Vec::new();
    for r in rows(
        tsv!("institutions.tsv"),
        &["id", "name_en", "alone", "aliases_ar", "aliases_en"],
    ) {
        let idx = out.len();
        out.push(Institution {
            id: r.get("id").to_string(),
            name: r.get("name_en").to_string(),
            alone: r.get("alone") == "yes",
        });
        for a in list(r.get("aliases_ar")).chain(list(r.get("aliases_en"))) {
            b.add(a, Form::Institution, idx);
        }
    }
    out
}

fn load_titles(b: &mut Builder) -> Vec<Title> {
    let mut out = Vec::new();
    for r in rows(
        tsv!("titles.tsv"),
        &["title", "kind", "body", "aliases_ar", "aliases_en"],
    ) {
        let idx = out.len();
        out.push(Title {
            title: r.get("title").to_string(),
            honorific: r.get("kind") == "honorific",
            body: opt(r.get("body")),
            occupation: r.get("kind") == "occupation",
        });
        for a in list(r.get("aliases_ar")) {
            let k = fold_key(a);
            b.add(&k, Form::Title, idx);
            if !ar::has_article(&k) {
                b.add(&format!("{}{k}", ar::AL), Form::Title, idx);
            }
        }
        for a in list(r.get("aliases_en")) {
            b.add(a, Form::Title, idx);
        }
    }
    out
}

fn load_given(latin_given: &mut WordMap<String, String>) -> WordMap<String, Given> {
    let mut out = WordMap::default();
    for r in rows(tsv!("given_names.tsv"), &["name_ar", "latin", "origin"]) {
        let origin = r.get("origin");
        let latin = r.get("latin").to_string();
        if !origin.starts_with("particle") && !latin.contains(' ') {
            latin_given
                .entry(latin.to_lowercase())
                .or_insert_with(|| latin.clone());
        }
        out.entry(fold_key(r.get("name_ar"))).or_insert(Given {
            latin,
            common: origin.ends_with("-common"),
            particle: origin.starts_with("particle"),
            opens: origin == "particle-open",
        });
    }
    out
}

/// Given names in Latin script only (European, African, Asian): they open English names.
fn load_latin_given(latin_given: &mut WordMap<String, String>) {
    for r in rows(tsv!("latin_given_names.tsv"), &["name"]) {
        let name = r.get("name");
        // folded as the text is (lower case, no accents: "Jérôme" is read as "jerome")
        latin_given
            .entry(fold_key(name))
            .or_insert_with(|| name.to_string());
    }
}

fn load_words() -> WordMap<String, WordRole> {
    let mut out: WordMap<String, WordRole> = WordMap::default();
    for r in rows(tsv!("entity_words.tsv"), &["word", "role"]) {
        let w = out.entry(fold_key(r.get("word"))).or_default();
        match r.get("role") {
            "stop" => w.stop = true,
            "closer" => w.closer = true,
            "common" => {
                w.stop = true;
                w.common = true;
            }
            "report" => w.report = true,
            "locative" => w.locative = true,
            "pronoun" => w.pronoun = true,
            "complement" => w.complement = true,
            "link" => w.link = true,
            "regnal" => w.regnal = true,
            "facility" => w.facility = true,
            _ => {}
        }
    }
    out
}

fn load_org_words() -> WordMap<String, OrgRole> {
    let mut out = WordMap::default();
    for r in rows(tsv!("org_words.tsv"), &["word", "role"]) {
        let role = match r.get("role") {
            "head" => OrgRole::Head,
            "weak" => OrgRole::Weak,
            "descriptor" => OrgRole::Descriptor,
            "not_name" => OrgRole::NotName,
            "en_head" => OrgRole::EnHead,
            "en_of" => OrgRole::EnOf,
            "en_suffix" => OrgRole::EnSuffix,
            _ => continue,
        };
        out.insert(fold_key(r.get("word")), role);
    }
    out
}

/// Names of two records: both ids must be known, else the row is left out.
fn load_ambiguous(by_id: &WordMap<String, usize>) -> Vec<Ambiguous> {
    rows(
        tsv!("ambiguous_names.tsv"),
        &["default", "alternative", "cue_country"],
    )
    .filter_map(|r| {
        Some(Ambiguous {
            default: *by_id.get(r.get("default"))?,
            alternative: *by_id.get(r.get("alternative"))?,
            cue: r.get("cue_country").to_string(),
        })
    })
    .collect()
}

fn kind_of(kind: &str) -> Option<EntityKind> {
    match kind.trim().to_lowercase().as_str() {
        "country" => Some(EntityKind::Country),
        "org" | "organisation" | "organization" => Some(EntityKind::Org),
        "person" => Some(EntityKind::Person),
        "location" | "place" => Some(EntityKind::Location),
        _ => None,
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Country => "country",
        EntityKind::Org => "org",
        EntityKind::Person => "person",
        EntityKind::Location => "location",
    }
}

/// Longest id, name or alias of a user row, in characters: no real name comes near it, and an
/// automaton key of megabytes would cost memory in proportion (a row of junk, not a name).
pub const MAX_NAME_CHARS: usize = 1000;

/// "entities row 3 (id \"x\")", the id cut short when it is long.
fn row_name(i: usize, u: &UserEntity) -> String {
    let id: String = u.id.chars().take(40).collect();
    let more = if id.len() < u.id.len() { "…" } else { "" };
    format!("entities row {i} (id {id:?}{more})")
}

/// A knowledge-base row of the user's that is refused; `row` names it ("entities row 3 (id
/// \"x\")"), and the message says which column is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// A name longer than [`MAX_NAME_CHARS`].
    TooLong {
        row: String,
        column: &'static str,
        chars: usize,
    },
    Empty {
        row: String,
        column: &'static str,
    },
    UnknownKind {
        row: String,
        kind: String,
    },
    /// The id of an earlier row, `first`.
    RepeatedId {
        row: String,
        first: usize,
    },
    /// A built-in id of another kind (two entities would share one id).
    IdOfOtherKind {
        row: String,
        builtin: EntityKind,
        kind: EntityKind,
    },
    /// A `country` that is no country's ISO3 code.
    UnknownCountry {
        row: String,
        country: String,
    },
    /// Coordinates out of range, one without the other, or on a row that is no place.
    BadPlace {
        row: String,
        reason: &'static str,
    },
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowError::TooLong { row, column, chars } => write!(
                f,
                "{row}: column '{column}' is {chars} characters long; at most {MAX_NAME_CHARS}"
            ),
            RowError::Empty { row, column } => write!(f, "{row}: column '{column}' is empty"),
            RowError::UnknownKind { row, kind } => write!(
                f,
                "{row}: column 'kind' is {kind:?}; expected country, org, person or location"
            ),
            RowError::RepeatedId { row, first } => write!(
                f,
                "{row}: column 'id' repeats row {first}; give a row's other names as its 'aliases'"
            ),
            RowError::IdOfOtherKind { row, builtin, kind } => write!(
                f,
                "{row}: column 'id' is a built-in {} id; a {} needs an id of its own",
                kind_name(*builtin),
                kind_name(*kind)
            ),
            RowError::UnknownCountry { row, country } => write!(
                f,
                "{row}: column 'country' is {country:?}; expected the ISO3 code of a country (such as JOR)"
            ),
            RowError::BadPlace { row, reason } => write!(f, "{row}: {reason}"),
        }
    }
}

impl std::error::Error for RowError {}

fn validate(i: usize, u: &UserEntity) -> Result<(), RowError> {
    let row = || row_name(i, u);
    let names = [("id", &u.id), ("name", &u.name)].into_iter();
    let aliases = u.aliases.iter().map(|a| ("aliases", a));
    for (column, value) in names.chain(aliases) {
        let chars = value.chars().count();
        if chars > MAX_NAME_CHARS {
            let row = row();
            return Err(RowError::TooLong { row, column, chars });
        }
    }
    if u.id.trim().is_empty() {
        let column = "id";
        return Err(RowError::Empty { row: row(), column });
    }
    if kind_of(&u.kind).is_none() {
        let kind = u.kind.clone();
        return Err(RowError::UnknownKind { row: row(), kind });
    }
    if u.name.trim().is_empty() {
        let column = "name";
        return Err(RowError::Empty { row: row(), column });
    }
    if let Some(reason) = place_fault(u) {
        return Err(RowError::BadPlace { row: row(), reason });
    }
    Ok(())
}

/// What is wrong with a row's place columns (`lat`, `lon`, `geonames`), if anything.
fn place_fault(u: &UserEntity) -> Option<&'static str> {
    let placed = u.lat.is_some() || u.lon.is_some() || u.geonames.is_some();
    let in_range =
        |c: Option<Coord>, max: f64| c.is_none_or(|c| c.0.is_finite() && c.0.abs() <= max);
    if placed && kind_of(&u.kind) != Some(EntityKind::Location) {
        Some("columns 'lat', 'lon' and 'geonames' are for rows of kind location")
    } else if u.lat.is_some() != u.lon.is_some() {
        Some("columns 'lat' and 'lon' go together: give both or neither")
    } else if !in_range(u.lat, 90.0) || !in_range(u.lon, 180.0) {
        Some("column 'lat' must be within -90..90 degrees and 'lon' within -180..180")
    } else if u.geonames == Some(0) {
        Some("column 'geonames' must be a positive GeoNames id")
    } else {
        None
    }
}

/// User rows: a row whose id is already known (with the same kind) adds aliases to it; others are
/// new records, returned (numbered after the built-in ones). An id known with another kind is
/// refused (two entities would share one id), and so is a `country` that is no country's ISO3
/// code (the built-in ones and the user's own).
fn add_user(
    b: &mut Builder,
    base: &BuiltIn,
    user: &[UserEntity],
) -> Result<(Vec<Record>, HashMap<usize, UserPlace>), RowError> {
    let mut records: Vec<Record> = Vec::new();
    let mut user_places: HashMap<usize, UserPlace> = HashMap::new();
    // the user's new records by (id, kind), numbered as in the whole knowledge base
    let mut known: HashMap<(String, EntityKind), usize> = HashMap::new();
    let mut kind_of_id: HashMap<String, EntityKind> = HashMap::new();
    let user_countries: HashSet<&str> = user
        .iter()
        .filter(|u| kind_of(&u.kind) == Some(EntityKind::Country))
        .map(|u| u.id.trim())
        .collect();
    let is_country = |c: &str| {
        user_countries.contains(c)
            || base
                .by_id
                .get(c)
                .is_some_and(|&i| base.records[i].kind == EntityKind::Country)
    };
    for (i, u) in user.iter().enumerate() {
        let Some(kind) = kind_of(&u.kind) else {
            continue;
        };
        let id = u.id.trim();
        // the first record of an id gives its kind, as the built-in one comes first
        let built_in = base.by_id.get(id).map(|&r| base.records[r].kind);
        if let Some(other) = built_in
            .or_else(|| kind_of_id.get(id).copied())
            .filter(|&k| k != kind)
        {
            return Err(RowError::IdOfOtherKind {
                row: row_name(i, u),
                builtin: other,
                kind,
            });
        }
        let country = u.country.as_deref().and_then(opt);
        if let Some(c) = country.as_deref().filter(|c| !is_country(c)) {
            return Err(RowError::UnknownCountry {
                row: row_name(i, u),
                country: c.to_string(),
            });
        }
        let existing = match built_in {
            Some(_) => base.by_id.get(id).copied(),
            None => known.get(&(id.to_string(), kind)).copied(),
        };
        let idx = existing.unwrap_or_else(|| {
            records.push(Record {
                id: id.to_string(),
                kind,
                name: u.name.trim().to_string(),
                country: country.or_else(|| (kind == EntityKind::Country).then(|| id.to_string())),
                title: u.title.as_deref().and_then(opt),
                state: None,
            });
            let idx = base.records.len() + records.len() - 1;
            known.insert((id.to_string(), kind), idx);
            kind_of_id.insert(id.to_string(), kind);
            idx
        });
        for a in std::iter::once(u.name.as_str()).chain(u.aliases.iter().map(String::as_str)) {
            b.add(a, Form::Name, idx);
        }
        if u.lat.is_some() || u.geonames.is_some() {
            let (geonames, lat, lon) = (u.geonames, u.lat, u.lon);
            user_places.insert(idx, UserPlace { geonames, lat, lon });
        }
    }
    Ok((records, user_places))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::chars;

    #[test]
    fn head_ends_let_every_clitic_form_through() {
        let mut ends = HeadEnds::default();
        for h in ["حزب", "جامعه", "ab"] {
            ends.insert(h);
        }
        for w in ["حزب", "والحزب", "للجامعه", "وبجامعه", "ab", "xab"] {
            assert!(ends.may_end(w), "{w}");
        }
        // a word whose ending is no head's is turned away
        assert!(!ends.may_end("والحكومه"));
        assert!(!ends.may_end(""));
    }

    #[test]
    fn the_first_word_filter_lets_every_key_found_through() {
        // wherever the automaton finds a key of the built-in tables or of the GeoNames names that
        // ends a word, the set's filter lets it through
        let base = BuiltIn::shared();
        for keys in [&base.keys, &base.place_keys] {
            let mut found = 0;
            for r in &base.records {
                let text = format!("{} x", fold_key(&r.name));
                let ends_word = |end: usize| !text[end..].starts_with(chars::is_alphanumeric);
                if keys
                    .longest(&text, 0..text.len())
                    .is_some_and(|(_, end)| ends_word(end))
                {
                    found += 1;
                    assert_ne!(keys.probe(&Start::of(&text)), Probe::None, "{text}");
                }
            }
            assert!(found > 100);
        }
    }

    #[test]
    fn word_tables_find_every_key_and_turn_away_others() {
        const KEYS: [&str; 9] = [
            "و",
            "في",
            "قال",
            "محمد",
            "عبد",
            "said",
            "Mr",
            "x",
            "بوتفليقة",
        ];
        let mut map = WordMap::default();
        for w in KEYS {
            map.insert(w.to_string(), w.len());
        }
        let table = WordTable::from(map);
        // the filter never hides a key, however short or long
        for w in KEYS {
            assert_eq!(table.get(w), Some(&w.len()), "{w}");
        }
        for w in ["", "ف", "قالت", "محمود", "says", "mr", "بوتفليقه"] {
            assert!(!table.contains_key(w), "{w}");
        }
        let kb = KnowledgeBase::builtin();
        assert!(kb.word("في").stop && kb.word("قال").report);
        assert!(kb.latin_given.contains_key("mohamed"));
        assert!(kb.latin_given.contains_key("pavel") && kb.latin_given.contains_key("jerome"));
        assert!(kb.given.get("محمد").is_some_and(|g| g.latin == "Mohamed"));
    }

    #[test]
    fn tables_load() {
        let kb = KnowledgeBase::builtin();
        assert_eq!(kb.record("EGY").map(|r| r.name.as_str()), Some("Egypt"));
        assert_eq!(kb.record("UN").map(|r| r.kind), Some(EntityKind::Org));
        assert!(kb.titles.iter().any(|t| t.title == "ambassador"));
        assert!(kb.given.get("محمد").is_some_and(|g| !g.common));
        assert!(kb.word("قال").report);
    }

    #[test]
    fn user_rows_are_validated() {
        let bad = UserEntity {
            id: "x".into(),
            kind: "planet".into(),
            name: "X".into(),
            ..UserEntity::default()
        };
        let err = KnowledgeBase::new(&[bad]).unwrap_err();
        assert!(matches!(&err, RowError::UnknownKind { kind, .. } if kind == "planet"));
        assert_eq!(
            err.to_string(),
            "entities row 0 (id \"x\"): column 'kind' is \"planet\"; expected country, org, person or location"
        );
        let empty = UserEntity {
            id: "x".into(),
            kind: "org".into(),
            ..UserEntity::default()
        };
        assert!(matches!(
            KnowledgeBase::new(&[empty]).unwrap_err(),
            RowError::Empty { column: "name", .. }
        ));
    }

    #[test]
    fn a_user_place_keeps_its_coordinates_and_bad_ones_are_refused() {
        let camp = UserEntity {
            id: "camp".into(),
            kind: "location".into(),
            name: "Zaatari refugee camp".into(),
            lat: Some(Coord(32.29)),
            lon: Some(Coord(36.32)),
            ..UserEntity::default()
        };
        let kb = KnowledgeBase::new(std::slice::from_ref(&camp)).expect("a good row");
        let r = kb.record_index("camp").expect("the user's record");
        let place = kb.user_place(r).expect("its place");
        assert_eq!(
            (place.lat, place.lon),
            (Some(Coord(32.29)), Some(Coord(36.32)))
        );
        let faults = [
            UserEntity {
                kind: "org".into(),
                ..camp.clone()
            },
            UserEntity {
                lon: None,
                ..camp.clone()
            },
            UserEntity {
                lat: Some(Coord(-90.5)),
                ..camp.clone()
            },
            UserEntity {
                lon: Some(Coord(f64::NAN)),
                ..camp.clone()
            },
            UserEntity {
                geonames: Some(0),
                ..camp.clone()
            },
        ];
        for bad in faults {
            let e = KnowledgeBase::new(std::slice::from_ref(&bad)).err();
            assert!(matches!(e, Some(RowError::BadPlace { .. })), "{bad:?}");
        }
    }

    #[test]
    fn user_rows_keep_ids_unique_across_kinds_and_countries_known() {
        // JOR is a built-in country: a person may not take its id
        let mut person = org("JOR", "Jor Smith");
        person.kind = "person".into();
        let err = KnowledgeBase::new(&[person]).unwrap_err();
        assert!(
            matches!(
                &err,
                RowError::IdOfOtherKind {
                    builtin: EntityKind::Country,
                    kind: EntityKind::Person,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("row 0"), "{err}");
        // the same id and kind adds aliases, as before
        let mut alias = org("JOR", "Hashemite Realm");
        alias.kind = "country".into();
        assert!(KnowledgeBase::new(&[alias]).is_ok());

        let mut unknown = org("acme", "Acme Works");
        unknown.country = Some("XYZ".into());
        let err = KnowledgeBase::new(&[unknown]).unwrap_err();
        assert!(
            matches!(&err, RowError::UnknownCountry { country, .. } if country == "XYZ"),
            "{err}"
        );
        // a country the user adds is a country other rows may name
        let mut land = org("ZZL", "Zedland");
        land.kind = "country".into();
        let mut firm = org("zed-firm", "Zed Firm");
        firm.country = Some("ZZL".into());
        let kb = KnowledgeBase::new(&[firm, land]).unwrap();
        assert_eq!(
            kb.record("zed-firm").and_then(|r| r.country.as_deref()),
            Some("ZZL")
        );
    }

    fn org(id: &str, name: &str) -> UserEntity {
        UserEntity {
            id: id.into(),
            kind: "org".into(),
            name: name.into(),
            ..UserEntity::default()
        }
    }

    #[test]
    fn untrusted_rows_get_errors_naming_row_and_column() {
        let dup = [org("atlas", "Atlas Group"), org("atlas", "مجموعة أطلس")];
        let err = KnowledgeBase::new(&dup).unwrap_err();
        assert!(matches!(err, RowError::RepeatedId { first: 0, .. }));
        let err = err.to_string();
        assert!(
            err.contains("row 1") && err.contains("'id'") && err.contains("row 0"),
            "{err}"
        );
        // a 10 MB name is refused before it becomes an automaton key; the message stays short
        let huge = "ب".repeat(5_000_000);
        let err = KnowledgeBase::new(&[org(&huge, "x"), org("y", &huge)])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("row 0") && err.contains("'id'") && err.len() < 300,
            "{err}"
        );
        let mut long_alias = org("y", "Atlas");
        long_alias.aliases = vec!["a".repeat(MAX_NAME_CHARS + 1)];
        let err = KnowledgeBase::new(&[long_alias]).unwrap_err();
        assert!(matches!(
            err,
            RowError::TooLong {
                column: "aliases",
                ..
            }
        ));
    }

    #[test]
    fn many_rows_sharing_a_name_keep_few_meanings() {
        let rows: Vec<UserEntity> = (0..20_000)
            .map(|i| {
                org(
                    &format!("u{i}"),
                    if i % 2 == 0 {
                        "Atlas Group"
                    } else {
                        "شركة أطلس"
                    },
                )
            })
            .collect();
        let kb = KnowledgeBase::new(&rows).unwrap();
        let user = kb.user_keys.as_ref().expect("keys of the user's own");
        assert!(user.targets.iter().all(|t| t.len() <= MAX_MEANINGS));
        assert!(kb.record("u19999").is_some());
    }

    #[test]
    fn every_knowledge_base_shares_the_built_in_tables() {
        let (a, b) = (
            KnowledgeBase::builtin(),
            KnowledgeBase::new(&[org("x", "Xyz Co")]),
        );
        assert!(std::ptr::eq(a.base, b.unwrap().base));
        assert!(a.user_keys.is_none() && a.records.len() == BuiltIn::shared().records.len());
    }

    #[test]
    fn user_rows_layer_keys_of_their_own_and_meanings_of_built_in_keys() {
        // "Jordan" is a built-in key: the user's person is one more meaning of it; "Zed Works"
        // is a key of the user's own
        let mut person = org("jordan-smith", "Jordan");
        person.kind = "person".into();
        let kb = KnowledgeBase::new(&[person, org("zed", "Zed Works")]).unwrap();
        let found = |text: &str| {
            kb.key_sets()
                .find_map(|set| set.keys.id_of(text).map(|x| (set.id)(x)))
        };
        let jordan = found("jordan").expect("a built-in key");
        assert!(matches!(jordan, KeyId::BuiltIn(_)));
        let meanings: Vec<&Record> = kb.meanings(jordan).map(|t| &kb.records[t.record]).collect();
        assert!(meanings.iter().any(|r| r.id == "JOR"));
        assert!(meanings.iter().any(|r| r.id == "jordan-smith"));
        let zed = found("zed works").expect("a user key");
        assert!(matches!(zed, KeyId::User(_)));
        let r = kb
            .meanings(zed)
            .next()
            .map(|t| t.record)
            .expect("its meaning");
        assert_eq!(kb.record_index("zed"), Some(r));
        assert_eq!(r, BuiltIn::shared().records.len() + 1);
        // the shared tables are untouched by the user's rows
        assert!(KnowledgeBase::builtin()
            .meanings(jordan)
            .all(|t| t.record < r - 1));
    }

    #[test]
    fn built_in_keys_stay_under_the_meanings_cap() {
        let base = BuiltIn::shared();
        let most = (base.keys.targets.iter())
            .chain(&base.place_keys.targets)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        assert!(most < MAX_MEANINGS, "a built-in key has {most} meanings");
    }
}
