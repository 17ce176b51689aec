//! Regular inflections of verbs and nouns, so a phrase table lists a word once.
//!
//! A `lemma` row of a table (data/event_triggers.tsv) gives an English verb in its base form ("visit",
//! "share intelligence": only the first word inflects) or an Arabic verb as past and present
//! third person ("استقبل" with "يستقبل"); an Arabic `noun` row gives the noun ("زيارة"). The
//! forms made here are every regular shape of the word; irregular ones ("met", "held talks",
//! "التقى") are rows of their own. Over-generation is harmless: a form that is not a word never
//! matches.

/// One generated form, and whether it is an Arabic future ("سيستقبل").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub text: String,
    pub future: bool,
}

fn plain(text: String) -> Form {
    Form {
        text,
        future: false,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The regular forms of an English base form: -s, -ed, -ing, with the spelling rules for a final
/// e, y and doubled consonant (both doubled and plain are given: "visited" and "stopped").
pub fn english_word(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let cs: Vec<char> = w.chars().collect();
    let n = cs.len();
    if n < 2 || !w.is_ascii() {
        return out;
    }
    let last = cs[n - 1];
    let before = cs[n - 2];
    let stem = &w[..w.len() - 1];
    if last == 'y' && !is_vowel(before) {
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{w}ing"),
        ]);
        return out;
    }
    if let Some(r) = w.strip_suffix("ie") {
        out.extend([format!("{w}s"), format!("{w}d"), format!("{r}ying")]);
        return out;
    }
    if last == 'e' {
        out.extend([format!("{w}s"), format!("{w}d")]);
        // "agreeing", "seeing" keep their e; "receiving" drops it
        out.push(if is_vowel(before) {
            format!("{w}ing")
        } else {
            format!("{stem}ing")
        });
        return out;
    }
    let sibilant = ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e));
    out.push(if sibilant {
        format!("{w}es")
    } else {
        format!("{w}s")
    });
    out.extend([format!("{w}ed"), format!("{w}ing")]);
    let cvc = n >= 3 && !is_vowel(last) && is_vowel(before) && !is_vowel(cs[n - 3]);
    if cvc && !matches!(last, 'w' | 'x' | 'y') {
        out.extend([format!("{w}{last}ed"), format!("{w}{last}ing")]);
    }
    out
}

/// An English phrase whose first word is a verb's base form: that word inflected, the rest kept.
pub fn english(phrase: &str) -> Vec<Form> {
    let (first, rest) = match phrase.split_once(' ') {
        Some((f, r)) => (f, Some(r)),
        None => (phrase, None),
    };
    english_word(first)
        .into_iter()
        .map(|f| match rest {
            Some(r) => format!("{f} {r}"),
            None => f,
        })
        .map(plain)
        .collect()
}

/// Past-tense suffixes: he, she / I / you, they two, they two (f.), they, we.
const PAST: [&str; 6] = ["", "ت", "ا", "تا", "وا", "نا"];
/// Object pronouns attached to a verb or noun: him, her, them, them two.
const OBJECT: [&str; 4] = ["ه", "ها", "هم", "هما"];
/// Present-tense person prefixes (replacing the third person's ي) and suffixes.
const PRESENT_PREFIX: [&str; 4] = ["ي", "ت", "ن", "أ"];
const PRESENT_SUFFIX: [&str; 3] = ["", "ان", "ون"];

/// The forms of an Arabic verb given as past and present third person masculine ("استقبل",
/// "يستقبل"): persons and numbers, attached object pronouns, and the future with س (marked).
/// The present may be empty when the table gives none.
pub fn arabic_verb(past: &str, present: &str) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    let words = |w: &str| -> (String, String) {
        match w.split_once(' ') {
            Some((f, r)) => (f.to_string(), format!(" {r}")),
            None => (w.to_string(), String::new()),
        }
    };
    let (p, rest) = words(past);
    for s in PAST {
        out.push(plain(format!("{p}{s}{rest}")));
    }
    for o in OBJECT {
        out.push(plain(format!("{p}{o}{rest}")));
        out.push(plain(format!("{p}ت{o}{rest}")));
    }
    let (pr, rest) = words(present);
    if let Some(stem) = pr.strip_prefix('ي').filter(|s| s.chars().count() >= 2) {
        for pre in PRESENT_PREFIX {
            for suf in PRESENT_SUFFIX {
                let f = format!("{pre}{stem}{suf}{rest}");
                if pre != "أ" {
                    out.push(Form {
                        text: format!("س{f}"),
                        future: true,
                    });
                }
                out.push(plain(f));
            }
            for o in OBJECT {
                out.push(plain(format!("{pre}{stem}{o}{rest}")));
            }
        }
    }
    out
}

/// The forms of an Arabic noun: as given, with attached pronouns ("زيارته", "لقائهما"), and the
/// plural in ات for a noun in ة ("زيارات").
pub fn arabic_noun(noun: &str) -> Vec<Form> {
    let (n, rest) = match noun.split_once(' ') {
        Some((f, r)) => (f, format!(" {r}")),
        None => (noun, String::new()),
    };
    let mut out = vec![plain(noun.to_string())];
    let stem = n.strip_suffix('ة').or_else(|| n.strip_suffix('ه'));
    match stem {
        Some(s) if s.chars().count() >= 2 => {
            out.push(plain(format!("{s}ات{rest}")));
            for o in OBJECT {
                out.push(plain(format!("{s}ت{o}{rest}")));
            }
        }
        _ => {
            // "لقاء" + ه is written لقائه: the hamza takes its seat from the vowel, folded to ي
            let seat = n.strip_suffix('ء').map(|s| format!("{s}ئ"));
            for o in OBJECT {
                out.push(plain(format!("{n}{o}{rest}")));
                if let Some(s) = &seat {
                    out.push(plain(format!("{s}{o}{rest}")));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(fs: Vec<Form>) -> Vec<String> {
        fs.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn english_regular_spellings() {
        let v = english_word("visit");
        for f in ["visits", "visited", "visiting"] {
            assert!(v.contains(&f.to_string()), "{v:?}");
        }
        let v = english_word("receive");
        for f in ["receives", "received", "receiving"] {
            assert!(v.contains(&f.to_string()), "{v:?}");
        }
        assert!(english_word("agree").contains(&"agreeing".to_string()));
        assert!(english_word("deny").contains(&"denied".to_string()));
        assert!(english_word("deny").contains(&"denies".to_string()));
        assert!(english_word("stop").contains(&"stopped".to_string()));
        assert!(english_word("pledge").contains(&"pledged".to_string()));
        let v = texts(english("share intelligence"));
        assert!(v.contains(&"shared intelligence".to_string()), "{v:?}");
    }

    #[test]
    fn arabic_persons_objects_and_future() {
        let v = arabic_verb("استقبل", "يستقبل");
        let t: Vec<&str> = v.iter().map(|f| f.text.as_str()).collect();
        for f in [
            "استقبلت",
            "استقبلا",
            "استقبله",
            "تستقبل",
            "يستقبلها",
            "يستقبلون",
        ] {
            assert!(t.contains(&f), "{f} {t:?}");
        }
        let fut = v.iter().find(|f| f.text == "سيستقبل").expect("future");
        assert!(fut.future);
        assert!(!v.iter().find(|f| f.text == "يستقبل").unwrap().future);
        let v = texts(arabic_verb("وقع", ""));
        assert!(v.contains(&"وقعا".to_string()) && v.contains(&"وقعوا".to_string()));
    }

    #[test]
    fn arabic_nouns_take_pronouns_and_plurals() {
        let v = texts(arabic_noun("زيارة"));
        for f in ["زيارة", "زيارته", "زيارتها", "زيارات"] {
            assert!(v.contains(&f.to_string()), "{v:?}");
        }
        let v = texts(arabic_noun("لقاء"));
        assert!(v.contains(&"لقائه".to_string()), "{v:?}");
    }
}
