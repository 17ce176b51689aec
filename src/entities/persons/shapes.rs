//! The shapes of unknown words that may or may not be part of a name, beyond the verb shapes
//! of [`crate::lang::ar`]: foreign surnames shaped like verbs, words a name cannot open with.

use crate::entities::kb::KnowledgeBase;
use crate::lang::ar;

/// A surname of a shape the name rules otherwise stop at: a foreign name shaped like an
/// imperfect verb, long enough not to be one (تريشيه, يودويونو; not تعرّض), or one ending in ة
/// (بوتفليقة, العطية).
pub(super) fn odd_surname(w: &str) -> bool {
    let n = w.chars().count();
    let verb_like = ar::imperfect_prefixed(w);
    (verb_like && (n >= 5 || (n == 4 && (w.ends_with('ا') || w.ends_with('و')))))
        || (w.ends_with('ه') && !w.ends_with("ها"))
}

/// A word that opens like an imperfect verb (يـ تـ نـ) but has more long vowels than a verb
/// takes: a verb's stem holds at most two (يتناول, يواصل, يلتقي), a foreign name often three
/// or more (تاكيهيرو, نوريكو, يوشيهيدي). Not a word ending like a plural or dual verb or with a
/// pronoun (يتعاونون, يتساويان, يوافيها).
pub(super) fn foreign_not_verb(w: &str) -> bool {
    const VERB_ENDINGS: [&str; 8] = ["ون", "وا", "ان", "ين", "ها", "هم", "نا", "كم"];
    let mut letters = w.chars();
    let prefix = letters.next();
    let long_vowels = letters.filter(|c| matches!(c, 'ا' | 'و' | 'ي')).count();
    prefix.is_some_and(|c| matches!(c, 'ي' | 'ت' | 'ن'))
        && w.chars().count() >= 5
        && long_vowels >= 3
        && !VERB_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// An unknown word that may be a second foreign surname word: no ال-word, clitic, verb shape
/// or everyday word.
pub(super) fn bare_foreign(kb: &KnowledgeBase, w: &str) -> bool {
    let r = kb.word(w);
    w.chars().count() >= 3
        && !w.starts_with(ar::AL)
        && !w.starts_with(ar::WA)
        && !ar::verb_shaped(w)
        && !w.ends_with('ه')
        && !(r.stop || r.report || r.pronoun || r.complement)
        && !kb.given.get(w).is_some_and(|g| g.common)
        && name_word_shape(kb, w)
}

/// Can an unknown word open a name? Not a word with a clitic article (بالدرجة, للفريق), a
/// clitic before a function word (بأن, وبين, وعلى), nor a derived verb or verbal noun
/// (امتنع, استقبل, التدخل).
pub(super) fn name_word_shape(kb: &KnowledgeBase, w: &str) -> bool {
    if ar::ARTICLE_PROCLITICS.iter().any(|p| w.starts_with(p)) {
        return false;
    }
    let clitic_on_function_word = ar::ONE_LETTER_PROCLITICS.iter().any(|c| {
        w.strip_prefix(c).is_some_and(|rest| {
            let r = kb.word(rest);
            r.stop || r.report || r.pronoun
        })
    });
    let clitic_on_verb = ar::VERB_PROCLITICS
        .iter()
        .any(|c| w.strip_prefix(c).is_some_and(ar::derived_verb));
    // يضيف, تقول after و: a verb, not a name (a longer one may be: ويليامز)
    let clitic_on_short_verb = ar::CONJUNCTIONS.iter().any(|c| {
        w.strip_prefix(c)
            .is_some_and(|r| ar::verb_shaped(r) && r.chars().count() <= 5)
    });
    !clitic_on_function_word
        && !possessed_or_dual(w)
        && !ar::derived_verb(w)
        && !clitic_on_verb
        && !clitic_on_short_verb
        && !ar::participle_plural(w)
}

/// An ال-word that is no known given name.
pub(super) fn bare_surname(kb: &KnowledgeBase, w: &str) -> bool {
    w.starts_with(ar::AL) && !kb.given.contains_key(w)
}

/// A plural with a possessive pronoun (علاقاتنا, قواتهم, تصريحاتها) or a definite dual
/// (الدولتان, الحكومتين): a noun phrase, never a name.
pub(super) fn possessed_or_dual(w: &str) -> bool {
    const POSSESSED: [&str; 5] = ["اتنا", "اتها", "اتهم", "اتكم", "اتهن"];
    let n = w.chars().count();
    (n >= 6 && POSSESSED.iter().any(|s| w.ends_with(s)))
        || (n >= 7 && w.starts_with(ar::AL) && (w.ends_with("تان") || w.ends_with("تين")))
}

/// The definite plural of a nisba adjective or noun (الصحفيين, الفلسطينيون): a group of
/// people, never a family name (those are singular: الصحفي, الحسيني).
pub(super) fn nisba_plural(w: &str) -> bool {
    w.starts_with(ar::AL)
        && w.chars().count() >= 7
        && ar::SOUND_PLURAL_SUFFIXES
            .iter()
            .any(|s| w.strip_suffix(s).is_some_and(|r| r.ends_with('ي')))
}
