//! Which actor groups of a sentence are a trigger's parties: the group just before it (the
//! subject in English and in Arabic subject-first sentences), the groups just after it (the Arabic
//! verb's subject and object, the event noun's nationality adjectives, "بين X وY"), within its
//! clause and not past another trigger.

use std::ops::Range;

use crate::doc::EventType;
use crate::events::actors::Group;
use crate::events::coding::Coded;
use crate::events::lexicon::Marker;
use crate::events::rules;
use crate::lang::ar;
use crate::phrases::Word;

/// How far (in words) a trigger looks for the groups around it; praise and blame reach further
/// for what they are about ("أعرب عن تقديره للدور الذي تقوم به الدولة المصرية").
const LEFT: usize = 5;
const RIGHT: usize = 4;
const RIGHT_ATTITUDE: usize = 7;
/// How far after a trigger a partner acting with its subject is looked for (past the object
/// and the words "in coordination with").
const PARTNER: usize = 9;

/// One sentence being coded: its words, each word's mode or clause marker, its actor groups and
/// its coded triggers.
pub struct Sentence<'s, 't> {
    /// The folded text of the document.
    pub text: &'s str,
    /// The sentence's folded range.
    pub range: Range<usize>,
    pub ws: Vec<Word>,
    pub markers: Vec<Option<Marker>>,
    pub groups: Vec<Group>,
    pub coded: Vec<Coded<'t>>,
    /// The first words of the coded triggers, sorted: which triggers start among some words is
    /// two binary searches, not a scan of the sentence's triggers.
    starts: Vec<usize>,
    /// For each group, the furthest last word of it and the groups before it (groups are in
    /// order of their first words): a backward search stops where nothing earlier can reach.
    reach: Vec<usize>,
}

impl<'s, 't> Sentence<'s, 't> {
    pub fn new(
        text: &'s str,
        range: Range<usize>,
        ws: Vec<Word>,
        markers: Vec<Option<Marker>>,
        groups: Vec<Group>,
        coded: Vec<Coded<'t>>,
    ) -> Sentence<'s, 't> {
        let mut starts: Vec<usize> = coded.iter().map(|c| c.hit.first).collect();
        starts.sort_unstable();
        let reach = groups
            .iter()
            .scan(0, |far, g| {
                *far = g.last.max(*far);
                Some(*far)
            })
            .collect();
        Sentence {
            text,
            range,
            ws,
            markers,
            groups,
            coded,
            starts,
            reach,
        }
    }
}

impl Sentence<'_, '_> {
    /// No clause break and no trigger other than the `i`th starts among words `a..b`.
    fn clear(&self, i: usize, a: usize, b: usize) -> bool {
        let inside = |x: usize| x >= a && x < b;
        let starting =
            self.starts.partition_point(|&x| x < b) - self.starts.partition_point(|&x| x < a);
        let other_trigger = starting > usize::from(inside(self.coded[i].hit.first));
        !self.markers[a..b].contains(&Some(Marker::Break)) && !other_trigger
    }

    /// The groups whose first word is after word `w`, in order (groups are sorted by first word).
    fn groups_after(&self, w: usize) -> &[Group] {
        &self.groups[self.groups.partition_point(|g| g.first <= w)..]
    }

    /// Does a new reported clause start at word `k`: a "that" after "and" or a comma ("as
    /// Israeli troops withdraw, and that the United States could")?
    fn new_report(&self, k: usize) -> bool {
        self.markers[k] == Some(Marker::Complement)
            && k > 0
            && (self.text[self.ws[k].gap_start..self.ws[k].range.start].contains([',', '،'])
                || &self.text[self.ws[k - 1].range.clone()] == "and")
    }

    /// The groups after the `i`th trigger that are its parties: the first in reach, then (after
    /// a verb) its object or the owner of the event noun that follows.
    pub fn right_of(&self, i: usize) -> Vec<&Group> {
        let (markers, c) = (&self.markers, &self.coded[i]);
        let last = c.last();
        let span = if rules(c.kind).attitude {
            RIGHT_ATTITUDE
        } else {
            RIGHT
        };
        // "a mediation effort on Saturday between the Emirates and Saudi Arabia": the pair
        // after "between" belongs to the trigger it follows
        let horizon = (last + 1..=(c.reach + span).min(markers.len().saturating_sub(1)))
            .find(|&k| markers[k] == Some(Marker::Between))
            .map_or(c.reach + span, |k| (k + 3).max(c.reach + span));
        let next_noun = self.coded.get(i + 1).filter(|n| n.nominal);
        // "رحب X برفض مصر", "welcomed the refusal of Egypt": the owner of the object is the target
        let owner_of_next = |from: usize| {
            let n = next_noun.filter(|n| n.hit.first > from && n.hit.first <= from + 2)?;
            self.groups_after(n.last())
                .first()
                .filter(|g| g.first == n.last() + 1)
        };
        let mut right: Vec<&Group> = Vec::new();
        if let Some(g) = self
            .groups_after(last)
            .iter()
            .take_while(|g| g.first <= horizon)
            .take_while(|g| !(last + 1..g.first).any(|k| self.new_report(k)))
            .find(|g| self.clear(i, last + 1, g.first))
        {
            right.push(g);
            // an Arabic verb's subject is followed by its object ("استقبل الوزير … السيد X")
            if !c.nominal {
                match self
                    .groups_after(g.last)
                    .iter()
                    .take_while(|o| o.first <= g.last + RIGHT)
                    .find(|o| self.clear(i, g.last + 1, o.first))
                {
                    Some(o) => right.push(o),
                    None => right.extend(owner_of_next(g.last)),
                }
            }
        } else {
            right.extend(owner_of_next(last));
        }
        right
    }

    /// The group named as acting with the subject of the `i`th trigger, after it in its clause
    /// ("لندن تقصف اليمن بالتنسيق مع واشنطن", "struck the port in coordination with Britain").
    pub fn partner_of(&self, i: usize) -> Option<&Group> {
        let c = &self.coded[i];
        self.groups_after(c.last())
            .iter()
            .take_while(|g| g.first <= c.reach + PARTNER)
            .find(|g| g.first > 0 && self.markers[g.first - 1] == Some(Marker::Partner))
            .filter(|g| !self.markers[c.last() + 1..g.first].contains(&Some(Marker::Break)))
    }

    /// Does the group follow "against" / "ضد" (one word may stand between: "ضد تنظيم داعش")?
    pub fn aimed_at(&self, g: &Group) -> bool {
        (g.first.saturating_sub(2)..g.first).any(|k| self.markers[k] == Some(Marker::Against))
    }

    /// The group just before the `i`th trigger, in its clause; an event noun's, not across the
    /// "that" of a reported clause ("the Navy said that the seizure …": the seizure is not the
    /// Navy's).
    pub fn left_of(&self, i: usize) -> Option<&Group> {
        let c = &self.coded[i];
        let first = c.hit.first;
        let reported =
            |a: usize| c.nominal && self.markers[a..first].iter().any(Marker::complement);
        let started = self.groups.partition_point(|g| g.first < first);
        (0..started)
            .rev()
            .take_while(|&k| self.reach[k] + LEFT >= first)
            .map(|k| &self.groups[k])
            .find(|g| {
                g.last < first
                    && g.last + LEFT >= first
                    && self.clear(i, g.last + 1, first)
                    && !reported(g.last + 1)
            })
    }

    /// The subject of the `i`th trigger, an English verb: the nearest group before it in its
    /// clause that is neither the object of a preposition ("to the United Nations") nor inside an
    /// apposition between commas ("Pakistan, a key U.S. ally, has refused"). A noun between them
    /// does not end the clause, a verb does.
    pub fn clause_subject(&self, i: usize) -> Option<&Group> {
        let verb = self.coded[i].hit.first;
        let verb_between = |a: usize, b: usize| {
            self.coded
                .iter()
                .enumerate()
                .any(|(j, c)| j != i && !c.nominal && c.hit.first >= a && c.hit.first < b)
        };
        let clear = |a: usize, b: usize| {
            !self.markers[a..b].contains(&Some(Marker::Break)) && !verb_between(a, b)
        };
        let (text, ws) = (self.text, &self.ws);
        let before: Vec<&Group> = self.groups.iter().filter(|g| g.last < verb).collect();
        let comma =
            |a: usize, b: usize| a < b && text[ws[a].range.start..ws[b].range.start].contains(',');
        // "a development that promises": a verb right after "that" has the noun before it as
        // subject, an actor only when that noun is one
        if verb > 0 && self.markers[verb - 1] == Some(Marker::Complement) {
            return before.last().copied().filter(|g| g.last + 2 == verb);
        }
        for (k, g) in before.iter().enumerate().rev() {
            // "met the crown prince after visiting the Emirates": the object of an earlier verb
            // (at most two words after it, or after the same actor named just before: "met
            // Saudi Arabian Crown Prince Mohammed")
            let head = before[..k]
                .last()
                .filter(|p| p.ids == g.ids && p.last + 5 >= g.first)
                .map_or(g.first, |p| p.first);
            let object = verb_between(head.saturating_sub(3), head);
            if !clear(g.last + 1, verb) || object {
                return None;
            }
            let oblique = self.after_preposition(g);
            // an apposition opens with a comma after the group it describes
            let apposition =
                comma(g.last, verb) && before[..k].last().is_some_and(|p| comma(p.last, g.first));
            if !oblique && !apposition {
                return Some(g);
            }
        }
        None
    }

    /// Does the verb at word `first` open its clause: no actor before it in the clause, and at
    /// most two particles ("كما", "وقد") and no comma between the clause's start (the
    /// sentence's, a clause break's or a "that"/"أن"'s) and it? An Arabic verb there has its subject after it
    /// ("كما اتهمت اليونيفيل الجيش الإسرائيلي").
    pub fn opens_clause(&self, first: usize) -> bool {
        let start = (0..first)
            .rev()
            .find(|&k| {
                self.markers[k] == Some(Marker::Break) || Marker::complement(&self.markers[k])
            })
            .map_or(0, |k| k + 1);
        let named_before = self
            .groups
            .iter()
            .any(|g| g.first >= start && g.first < first);
        // "إنها ستدرس الأمر، ودعت أوكرانيا": past a comma the verb continues, it opens nothing
        let comma = (start + 1..=first).any(|k| {
            k < self.ws.len()
                && self.text[self.ws[k].gap_start..self.ws[k].range.start].contains([',', '،'])
        });
        first <= start + 2 && !named_before && !comma
    }

    /// Does the `i`th trigger, a verb, continue the subject of an earlier clause: it opens its
    /// own clause (after "but", "while", "فيما"), or, in Arabic, it is joined by "و" further
    /// on in its sentence ("، وتوعدوا بالرد")?
    pub fn continues(&self, i: usize, arabic: bool) -> bool {
        let c = &self.coded[i];
        let first = c.hit.first;
        let joined = arabic && first > 0 && self.text[c.hit.prefix.clone()].starts_with('و');
        first > 0 && (joined || self.opens_clause(first))
    }

    /// The sentence's first group, before word `first` (in English, no preposition's object)
    /// and not across a "that"/"أن" (the clause reported after it has a subject of its own):
    /// the subject a later clause continues.
    pub fn opening_group(&self, first: usize, arabic: bool) -> Option<&Group> {
        self.groups.first().filter(|g| {
            g.last < first
                && (arabic || !self.after_preposition(g))
                && !self.markers[g.last + 1..first].contains(&Some(Marker::Complement))
        })
    }

    /// The group right after "by" following the `i`th trigger (an event noun, or a form of one
    /// read as a verb: "recent attacks on civilians by Russia"), within its reach and clause.
    pub fn agent_of(&self, i: usize) -> Option<&Group> {
        let c = &self.coded[i];
        self.groups_after(c.last())
            .iter()
            .take_while(|g| g.first <= c.reach + RIGHT)
            .find(|g| g.first > 0 && self.markers[g.first - 1] == Some(Marker::Agent))
            .filter(|g| self.clear(i, c.last() + 1, g.first))
    }

    /// Does group `g` follow "with" / "مع" (one word may stand between: "with the Saudi
    /// crown prince", "مع نظيره الروسي")?
    pub fn after_with(&self, g: &Group) -> bool {
        (g.first.saturating_sub(2)..g.first).any(|k| self.markers[k] == Some(Marker::With))
    }

    /// The type of the event the `i`th trigger is about when that is an event told before:
    /// a definite event noun of another type after it, past at most its subject ("condemned
    /// the strikes", "واستنكر الحوثيون الضربات الجوية"), that names no party of its own.
    pub fn told_before(&self, i: usize) -> Option<EventType> {
        let c = &self.coded[i];
        let n = self.coded.get(i + 1)?;
        let first = n.hit.first;
        let definite = self.text[n.hit.prefix.clone()].ends_with(ar::AL)
            || (first > 0 && self.markers[first - 1] == Some(Marker::Article));
        let near = first <= c.last() + RIGHT && self.clear(i, c.last() + 1, first);
        // the strikes' own doer or target named right after them ("the US strikes on Yemen")
        let named = self
            .groups_after(n.last())
            .first()
            .is_some_and(|g| g.first <= n.last() + 2);
        (n.nominal && n.kind != c.kind && definite && near && !named).then_some(n.kind)
    }

    /// Does group `g` follow "brokered by" / "بوساطة" (one word may stand between)?
    pub fn mediator(&self, g: &Group) -> bool {
        (g.first.saturating_sub(2)..g.first).any(|k| self.markers[k] == Some(Marker::Mediator))
    }

    /// Is the group before word `first` set off from it by a comma? An Arabic subject stands
    /// right before its verb; a name before a comma closes a fronted phrase ("في جدة السعودية،
    /// وقع ممثلو …") or a quotation. A "that" after the comma takes the subject up again as a
    /// pronoun ("أوضح الشيخ محمد، أنه بحث").
    pub fn comma_between(&self, g: &Group, first: usize) -> bool {
        let (a, b) = (self.ws[g.last].range.end, self.ws[first].range.start);
        a < b
            && self.text[a..b].contains([',', '،'])
            && !self.markers[g.last + 1..first]
                .iter()
                .any(Marker::complement)
    }

    /// Is the `i`th trigger, after an auxiliary, a passive participle? Its form ends in "-ed",
    /// "-en" or "-wn" or is listed as an irregular one ("held", "hit"); one followed by "to"
    /// is an adjective ("is committed to", "is opposed to"), as is "ready".
    pub fn participle(&self, i: usize) -> bool {
        let c = &self.coded[i];
        let last = c.last();
        let word = &self.text[self.ws[c.hit.first].range.clone()];
        let shaped = ["ed", "en", "wn"].iter().any(|e| word.ends_with(e))
            || self.markers[c.hit.first] == Some(Marker::Participle);
        let before_to = self.text[c.hit.range.clone()].ends_with(" to")
            || self
                .ws
                .get(last + 1)
                .is_some_and(|w| &self.text[w.range.clone()] == "to");
        shaped && !before_to
    }

    /// The sentence's first group, when it stands before word `first` in the same clause and
    /// (in English) is no preposition's object: the subject that governs later clauses.
    pub fn opening_subject(&self, first: usize, arabic: bool) -> Option<&Group> {
        // in English not across a "that" either: "described the summit as a development that
        // promises a brighter future" (an Arabic speaker's "إن" opens the clause of the
        // parties themselves)
        let english_break = |m: &Option<Marker>| !arabic && *m == Some(Marker::Complement);
        self.groups.first().filter(|g| {
            let between = &self.markers[(g.last + 1).min(first)..first];
            g.last < first
                && !between.contains(&Some(Marker::Break))
                && !between.iter().any(english_break)
                && (arabic || !self.after_preposition(g))
        })
    }

    /// Is the group the object of a preposition? It may stand before an article or adjective
    /// ("of the United Nations"), not before a comma ("on Monday, Iraq said").
    fn after_preposition(&self, g: &Group) -> bool {
        let preposition = |p: usize| {
            matches!(
                self.markers[p],
                Some(
                    Marker::Oblique
                        | Marker::With
                        | Marker::Place
                        | Marker::Agent
                        | Marker::Between
                        | Marker::Against
                )
            )
        };
        let joined = |k: usize| {
            self.text[self.ws[k].gap_start..self.ws[k].range.start]
                .chars()
                .all(char::is_whitespace)
        };
        (g.first >= 1 && joined(g.first) && preposition(g.first - 1))
            || (g.first >= 2 && joined(g.first) && joined(g.first - 1) && preposition(g.first - 2))
    }
}
