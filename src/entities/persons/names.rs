//! Where a person's name starts, runs and ends: in Arabic word by word (given names, particles,
//! surnames, and the shapes that end a name), in English as capitalised words; and the given
//! names found through a clitic conjunction or preposition ("وأسامة").

use std::ops::Range;

use super::shapes::{
    bare_foreign, bare_surname, foreign_not_verb, name_word_shape, nisba_plural, odd_surname,
    possessed_or_dual,
};
use crate::doc::EntityKind;
use crate::entities::gazetteer::Hit;
use crate::entities::kb::{Form, Given, KnowledgeBase, WordRole};
use crate::entities::Ctx;
use crate::lang::ar::{self, strip_proclitic};
use crate::lang::en::{is_latin_word, is_name_particle, starts_upper};
use crate::text::segment::TokKind;

/// Is a name found without a title closed? As after a reporting verb; and a name of two words
/// or more also by a number (a score: "الروسي ميخائيل يوزهني 6 / 4") or another entity or title
/// ("بول بيفر الخبير الدفاعي", "التشيكي ميلان كونديرا والأميركية …").
pub(super) fn strictly_closed(cx: Ctx, n: &Range<usize>) -> bool {
    closed_after(cx, n.end)
        || (n.len() >= 2
            && (cx.hit_at(n.end).is_some()
                || cx.tok(n.end).is_some_and(|x| x.kind == TokKind::Number)))
}

/// Is the name after a reporting verb closed by punctuation, a particle or the sentence end?
pub(super) fn closed_after(cx: Ctx, t: usize) -> bool {
    match cx.tok(t) {
        None => true,
        Some(tok) if tok.kind == TokKind::Punct => true,
        Some(_) => {
            let w = cx.word(t);
            // "وقال بلير في …", "وأشار سولانا إلى أن": a preposition or particle closes it too
            matches!(w, "ان" | "انه" | "انها" | "said" | "told")
                || cx.role(t).report
                || cx.role(t).closer
        }
    }
}

/// Can an Arabic name open at token `t` with no cue before it? (English names: [`super::english`].)
pub(super) fn starts_name(cx: Ctx, t: usize) -> bool {
    if cx.role(t).stop && !given_not_stop(cx, t) {
        return false;
    }
    match given_at(cx, t) {
        // "أبو مصعب …", "بن لادن", "عبد الرحمن …": a particle opens a name before a name word
        Some(g) if g.opens => cx.tok(t + 1).is_some_and(|n| {
            n.kind == TokKind::Word && cx.hit_at(t + 1).is_none() && {
                let next = cx.word(t + 1);
                let role = cx.role(t + 1);
                !(role.stop || role.report || role.pronoun || is_latin_word(next))
            }
        }),
        Some(g) => !g.common && !g.particle,
        None => false,
    }
}

/// Is hit `h` a nationality adjective with its article ("الروسي", "التشيكي")? A name right
/// after one is introduced by it: "اللاعب التشيكي توماس بيرديتش".
pub(super) fn definite_nisba(cx: Ctx, h: &Hit) -> bool {
    h.clitic.is_empty()
        && cx.text()[h.range.clone()].starts_with(ar::AL)
        && h.targets.iter().any(|t| {
            t.form == Form::Adjective && cx.kb.records[t.record].kind == EntityKind::Country
        })
}

/// Skip the punctuation between a title phrase and its name ("،", ",", "/", ":"), but not a
/// sentence end. For honorifics "/" is the usual mark (السيد/).
pub(super) fn skip_punct(cx: Ctx, mut t: usize) -> Option<usize> {
    let mut n = 0;
    while let Some(tok) = cx.tok(t) {
        if tok.kind != TokKind::Punct {
            return Some(t);
        }
        if !matches!(&cx.text()[tok.range.clone()], "،" | "," | "/" | "-") || n >= 2 {
            return None;
        }
        n += 1;
        t += 1;
    }
    None
}

/// What stands before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// Nothing: the name opens by itself.
    None,
    /// A title or honorific.
    Title,
    /// A title posted to a state or place ("السفير الياباني لدى مصر"): the holder's name
    /// follows, a foreign one even when it opens like a verb (تاكيهيرو).
    Posted,
}

/// The tokens of a name starting at token `t`.
pub(super) fn name_run(cx: Ctx, t: usize, cue: Cue) -> Option<Range<usize>> {
    let cued = cue != Cue::None;
    let first = cx.tok(t)?;
    if first.kind != TokKind::Word || cx.hit_at(t).is_some() {
        return None;
    }
    if is_latin_word(cx.word(t)) {
        return latin_run(cx, t);
    }
    if cued && accusative_after_org(cx, t) {
        return None;
    }
    if cued {
        if let Some(run) = delimited_run(cx, t) {
            return Some(run);
        }
    }
    let end = arabic_run(cx, t, cue)?;
    finish_run(cx, t, end, cued)
}

/// Right after an organisation ("رئيس مجلس الأمن اجتماعا طارئا"), two words ending in the
/// alif of the indefinite accusative are the verb's object and its adjective, not a name.
fn accusative_after_org(cx: Ctx, t: usize) -> bool {
    let after_org = t > 0
        && cx.hit_at(t - 1).is_some_and(|j| {
            cx.sent.hits[j]
                .targets
                .iter()
                .any(|x| cx.kb.records[x.record].kind == EntityKind::Org)
        });
    let accusative = |i: usize| {
        cx.tok(i).is_some_and(|x| x.kind == TokKind::Word) && {
            let w = cx.word(i);
            w.ends_with('ا') && w.chars().count() >= 4 && !cx.kb.given.contains_key(w)
        }
    };
    after_org && accusative(t) && accusative(t + 1)
}

/// An Arabic name being read: where it starts and what has been seen of it.
struct Run {
    start: usize,
    /// A title or honorific stands before it.
    cued: bool,
    /// A title posted to a state or place stands before it.
    posted: bool,
    /// A known given name is among its words.
    has_given: bool,
    /// A particle joined two names (بن, آل).
    lineage: bool,
}

/// What an unknown word does to the name being read.
enum Step {
    /// The word is a name word: read on.
    Go,
    /// The name ends before this token.
    End(usize),
    /// There is no name here.
    Reject,
}

/// Where the Arabic name starting at token `t` ends, before its last checks.
fn arabic_run(cx: Ctx, t: usize, cue: Cue) -> Option<usize> {
    let cued = cue != Cue::None;
    let mut end = t;
    let mut words = 0; // name words, not counting the particles between them
    let mut run = Run {
        start: t,
        cued,
        posted: cue == Cue::Posted,
        has_given: false,
        lineage: false,
    };
    while end < cx.sent.toks.len() && words < 4 && end - t < 9 {
        let tok = &cx.sent.toks[end];
        // after a particle the next word is a name whatever else it may be (آل ثاني, بن علي,
        // بن سلطان — also a title)
        let after_particle = end > t && is_particle(cx, end - 1);
        run.lineage |= after_particle && end - 1 > t;
        if after_particle
            && tok.kind == TokKind::Word
            && cx
                .hit_at(end)
                .is_none_or(|j| cx.sent.hits[j].tokens == (end..end + 1))
            && !is_latin_word(cx.word(end))
            && cx.word(end).chars().count() >= 2
        {
            words += 1;
            run.has_given = true;
            end += 1;
            continue;
        }
        if let Some(j) = cx.hit_at(end).filter(|_| end > t) {
            // "علي السويدي", "أبو أيوب المصري": a nationality adjective right after a given
            // name is the family name (a person's nationality comes before the name)
            let h = &cx.sent.hits[j];
            let prev = cx.kb.given.get(cx.word(end - 1));
            // (a feminine one, الكندية, describes the noun before the name: no family name)
            let family_nisba = h.tokens == (end..end + 1)
                && definite_nisba(cx, h)
                && !cx.word(end).ends_with('ه')
                && prev.is_some_and(|g| !g.common && !g.particle);
            if family_nisba || (run.posted && end == t + 1 && surname_spelled_as_place(cx, h, end))
            {
                end += 1;
            }
            break;
        }
        if tok.kind != TokKind::Word {
            break;
        }
        let w = cx.word(end);
        if end > t && is_latin_word(w) {
            break;
        }
        let role = cx.role(end);
        let given = if end == t {
            given_at(cx, t)
        } else {
            cx.kb.given.get(w)
        };
        // after a title علي is the name (السيد علي السويدي)
        let cued_name = cued
            && end == t
            && cx.kb.given.get(w).is_some_and(|g| !g.common)
            && !cx.orig(tok.range.clone()).ends_with('ى')
            && cx
                .tok(end + 1)
                .is_some_and(|n| n.kind == TokKind::Word && !cx.role(end + 1).stop);
        let stop = role.stop && !cued_name && !given_not_stop(cx, end);
        if stop || role.report || role.pronoun || w.chars().count() < 2 || is_latin_word(w) {
            break;
        }
        if given.is_some_and(|g| !g.particle) {
            words += 1;
            run.has_given |= given.is_some_and(|g| !g.common);
        }
        // "بأن" is also the name بان: a word that is a clitic on a function word opens no name
        // unless it is a given name in its own right
        if end == t && given.is_none_or(|g| g.common) && !name_word_shape(cx.kb, w) {
            return None;
        }
        if given.is_none() {
            match unknown_word(cx, &run, end, role) {
                Step::Go => words += 1,
                Step::End(e) => {
                    end = e;
                    break;
                }
                Step::Reject => return None,
            }
        }
        end += 1;
    }
    Some(end)
}

/// An unknown word at token `end` of the name `run`: a surname, the end of the name, or a sign
/// that there is no name.
fn unknown_word(cx: Ctx, run: &Run, end: usize, role: WordRole) -> Step {
    let (t, w) = (run.start, cx.word(end));
    // a word with tanween (محتجزاً, أيضاً) is an adverb or a predicate, never a name word
    if cx.orig(cx.sent.toks[end].range.clone()).contains('\u{64B}') {
        return if end == t {
            Step::Reject
        } else {
            Step::End(end)
        };
    }
    // a dual ("الدولتان"), a plural with a possessive ("علاقاتنا") or the plural of a nisba
    // ("الصحفيين") is a noun phrase
    if possessed_or_dual(w) || nisba_plural(w) {
        return if end == t {
            Step::Reject
        } else {
            Step::End(end)
        };
    }
    // "محمد بن عيد الكواري الوفد": after a lineage one family name ends the name (but the word
    // right after the particle is a name whatever its shape: "محمد ولد الشيخ الغزواني")
    if run.lineage
        && ar::has_article(w)
        && ar::has_article(cx.word(end - 1))
        && !(end >= 2 && is_particle(cx, end - 2))
    {
        return Step::End(end);
    }
    let n = w.chars().count();
    // the first word of a name is rarely a bare ال-word; later ones are surnames (السيسي)
    if end == t && ar::has_article(w) && !run.cued {
        return Step::Reject;
    }
    // a verbal noun after a name is the predicate's object (عطا ارتداء, هاني التمرير)
    if end > t && ar::derived_verb(w) {
        return Step::End(end);
    }
    // a foreign surname shaped like a verb or a ة-noun (جان كلود تريشيه، بوتفليقة) after a
    // known given name or a posted office's holder's first name, when the name is closed
    // right after it
    if end > t
        && odd_surname(w)
        && (run.has_given || run.posted)
        && clitic_len(cx, t) == 0
        && name_word_shape(cx.kb, w)
        && name_ends(cx, end + 1)
    {
        return Step::End(end + 1);
    }
    // a verb ends a name ("... يصل إلى"): long ones by their affixes, three-letter ones of a
    // weak root by their prefix
    let verb = ar::verb_shaped(w) || ar::short_imperfect(w);
    if end > t && (verb || (n <= 3 && end - t >= 2)) {
        return Step::End(end);
    }
    // a verb right after a title is the predicate ("الفريق تلاشت", "وزير الخارجية يصل"), not
    // a name, unless the office is posted somewhere and the word has more long vowels than a
    // verb ("السفير الياباني لدى مصر تاكيهيرو"); a name in commas has been taken whole before
    if end == t && verb && !(run.posted && foreign_not_verb(w)) {
        return Step::Reject;
    }
    // ة-words are nouns and adjectives (اتفاقية خاصة); women's names are in the lexicon
    if w.ends_with('ه') || role.complement {
        return Step::End(end);
    }
    // a clitic article or conjunction opens another phrase (بالقول، وعلي)
    if end > t && (ar::ARTICLE_PROCLITICS.iter().any(|p| w.starts_with(p)) || w.starts_with(ar::WA))
    {
        return Step::End(end);
    }
    if !ar::has_article(w) && end > t {
        // one bare unknown word ends a name: the family name (حمدي سند لوزا); after a known
        // given name two may, when the name is closed after them (خوان بابلو مونتويا سائق …)
        let second = end + 1;
        let two = run.has_given
            && cx.tok(second).is_some_and(|x| x.kind == TokKind::Word)
            && cx.hit_at(second).is_none()
            && bare_foreign(cx.kb, cx.word(second))
            && name_ends(cx, second + 1);
        return Step::End(if two { end + 2 } else { end + 1 });
    }
    Step::Go
}

/// After the first word of a posted office's holder ("السفير الياباني لدى مصر تاكيهيرو كانو
/// إن"), a one-word town with no article, the name closed right after it, is the surname
/// spelled like the town (Kano): a place there would need a preposition.
fn surname_spelled_as_place(cx: Ctx, h: &Hit, t: usize) -> bool {
    h.tokens == (t..t + 1)
        && h.clitic.is_empty()
        && !ar::has_article(cx.word(t))
        && h.targets
            .iter()
            .all(|x| cx.kb.records[x.record].kind == EntityKind::Location)
        && !h.targets.is_empty()
        && closed_after(cx, t + 1)
}

/// Is token `t` a name particle (بن, أبو, آل)?
fn is_particle(cx: Ctx, t: usize) -> bool {
    cx.kb.given.get(cx.word(t)).is_some_and(|g| g.particle)
}

/// The name of tokens `t..end` once its edges are settled: no particle at its end, a regnal
/// ordinal after it, and after a title an ال-word alone only when closed or joined.
fn finish_run(cx: Ctx, t: usize, mut end: usize, cued: bool) -> Option<Range<usize>> {
    // a particle never ends a name (محمد بن …)
    while end > t && is_particle(cx, end - 1) {
        end -= 1;
    }
    // "الملك عبدالله الثاني": a regnal ordinal ends a ruler's name
    if end > t
        && cx.tok(end).is_some_and(|x| x.kind == TokKind::Word)
        && cx.role(end).regnal
        && cx.kb.given.contains_key(cx.word(end - 1))
    {
        end += 1;
    }
    if cued && end > t && bare_surname(cx.kb, cx.word(t)) {
        // after a title an unknown ال-word is a surname alone, closed ("الرئيس البشير،") or
        // joined by a particle ("الأمير الوليد بن طلال"); otherwise it is the office's own
        // complement ("رئيس المكتب السياسي", "مدير البنك المركزي")
        let particle_next = end - t >= 2 && is_particle(cx, t + 1);
        if !particle_next && !closed_after(cx, t + 1) {
            return None;
        }
        if !particle_next {
            end = t + 1;
        }
    }
    (end > t).then_some(t..end)
}

/// The clitic conjunction or preposition before a given name ("وأسامة", "لأسامة", "بصدام"):
/// its length in bytes and the name's entry, for a word that is no given name itself.
pub(super) fn clitic_given<'k>(kb: &'k KnowledgeBase, w: &str) -> Option<(usize, &'k Given)> {
    if kb.given.contains_key(w) {
        return None;
    }
    given_after_clitic(kb, w)
}

/// [`clitic_given`] for a word known to be no given name itself.
pub(super) fn given_after_clitic<'k>(kb: &'k KnowledgeBase, w: &str) -> Option<(usize, &'k Given)> {
    ar::ONE_LETTER_PROCLITICS.iter().find_map(|c| {
        let rest = strip_proclitic(w, c)?;
        // three-letter names are too often a word's tail (وجود, وعمر)
        if rest.chars().count() < 4 {
            return None;
        }
        let g = kb.given.get(rest)?;
        let plain = !g.common && (!g.particle || g.opens) && !kb.word(rest).stop;
        plain.then_some((c.len(), g))
    })
}

/// The given name at token `t`, through a clitic.
pub(super) fn given_at<'c>(cx: Ctx<'c>, t: usize) -> Option<&'c Given> {
    let w = cx.word(t);
    cx.kb
        .given
        .get(w)
        .or_else(|| given_after_clitic(cx.kb, w).map(|(_, g)| g))
}

/// Bytes of a clitic before the given name at token `t` (0 when there is none).
pub(super) fn clitic_len(cx: Ctx, t: usize) -> usize {
    clitic_given(cx.kb, cx.word(t)).map_or(0, |(n, _)| n)
}

/// A given name that folds onto a stop word (علي and على both fold to علي) is the name when
/// written with its own final letter and after a particle or before another given name
/// (بن علي, علي حسن; not "علي طرقات", as outlets that write على with a dotted ي have it).
pub(super) fn given_not_stop(cx: Ctx, t: usize) -> bool {
    let w = cx.word(t);
    if cx.kb.given.get(w).is_none_or(|g| g.common) {
        return false;
    }
    if cx.orig(cx.sent.toks[t].range.clone()).ends_with('ى') {
        return false;
    }
    let after_particle = t > 0 && cx.kb.given.get(cx.word(t - 1)).is_some_and(|g| g.particle);
    after_particle
        || cx.tok(t + 1).is_some_and(|n| {
            n.kind == TokKind::Word && cx.hit_at(t + 1).is_none() && {
                let next = cx.word(t + 1);
                cx.kb.given.get(next).is_some_and(|g| !g.common) && !cx.kb.word(next).stop
            }
        })
}

/// Given names right before token `t` (a known person's surname alias: "أنغيلا ميركل",
/// "عبد العزيز بوتفليقة"), not before `floor`: the first token of the full name.
pub(super) fn given_before(cx: Ctx, t: usize, floor: usize) -> usize {
    let mut start = t;
    while start > floor && t - start < 3 {
        let u = start - 1;
        if cx.sent.toks[u].kind != TokKind::Word || cx.hit_at(u).is_some() {
            break;
        }
        let w = cx.word(u);
        let ok = match cx.kb.given.get(w) {
            Some(g) => !g.common || g.particle,
            None => clitic_given(cx.kb, w).is_some(),
        };
        if !ok || cx.kb.word(w).stop {
            break;
        }
        start = u;
        if clitic_len(cx, u) > 0 {
            break; // the clitic opens the phrase: nothing before it is the name
        }
    }
    start
}

/// Particles and the names they join right after token `t` ("بن عبدالعزيز آل سعود"): the end
/// of the lineage, if there is one.
pub(super) fn lineage_after(cx: Ctx, t: usize) -> Option<usize> {
    let mut end = t;
    while end + 1 < cx.sent.toks.len() && end - t < 6 {
        let (p, n) = (&cx.sent.toks[end], &cx.sent.toks[end + 1]);
        let particle = p.kind == TokKind::Word
            && cx.hit_at(end).is_none()
            && cx.kb.given.get(cx.word(end)).is_some_and(|g| g.particle);
        if !particle || n.kind != TokKind::Word || is_latin_word(cx.word(end + 1)) {
            break;
        }
        end += 2;
    }
    (end > t).then_some(end)
}

/// Does a name end before token `t`: the sentence end, punctuation, a particle or preposition
/// (closed as after a reporting verb), a stop word, a number, or another entity or title?
pub(super) fn name_ends(cx: Ctx, t: usize) -> bool {
    closed_after(cx, t)
        || cx.hit_at(t).is_some()
        || cx.tok(t).is_some_and(|x| {
            let w = cx.word(t);
            x.kind == TokKind::Number
                || (x.kind == TokKind::Word
                    && (cx.kb.word(w).stop
                        || w.strip_prefix(ar::WA).is_some_and(|r| cx.kb.word(r).stop)))
        })
}

/// After a trade ("سائق ماكلارين", "لاعب بيلباو", "المدرب الأجنبي") the words are as often a
/// team or an adjective as a name: a name there opens with a given name, or is two words or
/// more closed by punctuation or a preposition. In English capitals mark the name: two
/// capitalised words after the trade are one ("midfielder Mauro Silva").
pub(super) fn occupation_name(cx: Ctx, n: &Range<usize>) -> bool {
    given_at(cx, n.start).is_some_and(|g| !g.common)
        || (n.len() >= 2 && is_latin_word(cx.word(n.start)))
        || (n.len() >= 2 && !cx.word(n.start).starts_with(ar::AL) && closed_after(cx, n.end))
}

/// A name closed by a comma or bracket within four words ("، جيورجي بوريسينكو،"): taken whole,
/// whatever the shape of its words.
pub(super) fn delimited_run(cx: Ctx, t: usize) -> Option<Range<usize>> {
    let mut end = t;
    while end < cx.sent.toks.len() && end - t <= 4 {
        let tok = &cx.sent.toks[end];
        if tok.kind == TokKind::Punct {
            let p = &cx.text()[tok.range.clone()];
            return (matches!(p, "،" | "," | "(" | ")") && end > t).then_some(t..end);
        }
        let w = cx.word(end);
        let role = cx.role(end);
        if tok.kind != TokKind::Word
            || cx.hit_at(end).is_some()
            || role.stop
            || role.report
            || is_latin_word(w)
        {
            return None;
        }
        end += 1;
    }
    None
}

/// Does the token at `i` start a capitalised name word that no entity of the gazetteer holds?
fn capitalised_word(cx: Ctx, i: usize) -> bool {
    cx.tok(i).is_some_and(|x| {
        x.kind == TokKind::Word && cx.hit_at(i).is_none() && starts_upper(cx.orig(x.range.clone()))
    })
}

/// Is the token at `i` a hyphen or apostrophe written without spaces between two words, the
/// second a capitalised name word ("Amir-Abdollahian", "al-Safadi", "O'Neill"; not "Duran's")?
fn joining_hyphen(cx: Ctx, i: usize) -> bool {
    let toks = &cx.sent.toks;
    let (Some(prev), Some(h), Some(next)) = (
        i.checked_sub(1).and_then(|p| toks.get(p)),
        toks.get(i),
        toks.get(i + 1),
    ) else {
        return false;
    };
    h.kind == TokKind::Punct
        && matches!(cx.orig(h.range.clone()), "-" | "'" | "\u{2019}")
        && prev.range.end == h.range.start
        && h.range.end == next.range.start
        && capitalised_word(cx, i + 1)
}

/// Is token `t` an initial: one capital letter and a full stop ("P.", "A.")?
pub(super) fn initial(cx: Ctx, t: usize) -> bool {
    cx.word(t).chars().count() == 1
        && cx
            .tok(t + 1)
            .is_some_and(|x| x.kind == TokKind::Punct && cx.orig(x.range.clone()) == ".")
}

/// A lower-case name particle at `i` followed by the rest of the name ("bin Salman",
/// "von der Leyen", "al-Safadi").
fn particle_inside(cx: Ctx, i: usize) -> bool {
    let Some(x) = cx.tok(i) else { return false };
    x.kind == TokKind::Word
        && is_name_particle(cx.orig(x.range.clone()))
        && (capitalised_word(cx, i + 1) || joining_hyphen(cx, i + 1) || particle_inside(cx, i + 1))
}

/// An English name: capitalised words and initials ("Georgiy Y. Borisenko"), with the
/// particles and hyphens that join its parts ("Hossein Amir-Abdollahian", "Ursula von der
/// Leyen").
pub(super) fn latin_run(cx: Ctx, t: usize) -> Option<Range<usize>> {
    let mut end = t;
    let mut last_word = t;
    while end < cx.sent.toks.len() && end - t < 7 {
        let tok = &cx.sent.toks[end];
        let orig = cx.orig(tok.range.clone());
        if end > t && (joining_hyphen(cx, end) || particle_inside(cx, end)) {
            end += 1;
            continue;
        }
        if tok.kind == TokKind::Punct && orig == "." && end == last_word && end > t {
            // the full stop of an initial ("Y.")
            if cx.text()[cx.sent.toks[end - 1].range.clone()]
                .chars()
                .count()
                == 1
            {
                end += 1;
                continue;
            }
            break;
        }
        if tok.kind != TokKind::Word || cx.hit_at(end).is_some() || !starts_upper(orig) {
            break;
        }
        let role = cx.role(end);
        if (role.stop || role.report) && !initial(cx, end) {
            break;
        }
        end += 1;
        last_word = end;
    }
    (last_word > t).then_some(t..last_word)
}
