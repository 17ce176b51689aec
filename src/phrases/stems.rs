//! The candidate stems of a folded word: Arabic glues conjunctions, prepositions and the article
//! onto the next word (وقال، بالمباحثات، للتعاون), so a word is looked up as written, without a
//! leading و/ف, without a leading ب/ل/ك, and without the article.

/// At most this many stems: the literal word, one conjunction off, then per form one
/// preposition or "لل" and the article off (the loop below stops adding at 8, two at a time).
const MAX_STEMS: usize = 10;

/// The candidate stems of a word, kept inline: a table scan asks for them at every word, so
/// they must not allocate. Each stem is a suffix of the word (only clitics in front are taken
/// off), kept as the byte offset where it starts.
#[derive(Debug, Clone, Copy)]
pub struct Stems<'w> {
    word: &'w str,
    starts: [u8; MAX_STEMS],
    len: usize,
}

impl<'w> Stems<'w> {
    fn push(&mut self, start: u8) {
        if self.len < MAX_STEMS {
            self.starts[self.len] = start;
            self.len += 1;
        }
    }

    fn has(&self, start: u8) -> bool {
        self.starts[..self.len].contains(&start)
    }

    /// The stems, most literal first.
    pub fn iter(&self) -> impl Iterator<Item = &'w str> + '_ {
        let word = self.word;
        self.starts[..self.len]
            .iter()
            .map(move |&s| &word[usize::from(s)..])
    }
}

/// The folded Arabic clitics, as bytes: conjunctions, prepositions, "لل" and the article.
const WA: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const PREPOSITIONS: [&[u8]; 3] = ["ب".as_bytes(), "ل".as_bytes(), "ك".as_bytes()];
const LIL: &[u8] = "لل".as_bytes();
const AL: &[u8] = "ال".as_bytes();
const CLITIC_LETTERS: [&[u8]; 6] = [
    WA,
    FA,
    PREPOSITIONS[0],
    PREPOSITIONS[1],
    PREPOSITIONS[2],
    "ا".as_bytes(),
];

/// The start of what is left of `word[at..]` without the clitic `p`, when at least three
/// letters are left.
fn strip(word: &str, at: u8, p: &[u8]) -> Option<u8> {
    let rest = word.as_bytes().get(usize::from(at)..)?.strip_prefix(p)?;
    let letters = rest.iter().filter(|&&b| b & 0xC0 != 0x80).take(3).count();
    // clitics are a few bytes: the offset of a stem always fits
    (letters == 3).then(|| at + p.len() as u8)
}

/// The candidate stems of a folded word, most literal first. Only Arabic words lose clitics, and
/// only while at least three letters remain, so short words are never stripped to nothing.
#[inline]
pub fn stems(word: &str) -> Stems<'_> {
    let mut out = Stems {
        word,
        starts: [0; MAX_STEMS],
        len: 0,
    };
    out.push(0);
    // only a word that opens with a clitic's letter (و ف ب ل ك, or the alif of ال) has another
    // stem: most words, and all words in Latin script, are done here
    if !CLITIC_LETTERS
        .iter()
        .any(|p| word.as_bytes().starts_with(p))
    {
        return out;
    }
    let mut i = 0;
    while i < out.len && out.len < 8 {
        let at = out.starts[i];
        if i == 0 {
            for p in [WA, FA] {
                if let Some(r) = strip(word, at, p) {
                    out.push(r);
                }
            }
        }
        for p in PREPOSITIONS {
            if let Some(r) = strip(word, at, p).filter(|&r| !out.has(r)) {
                out.push(r);
            }
        }
        // "لل" is ل + the article with its alif dropped: للتعاون → التعاون, whose stem is تعاون
        for p in [LIL, AL] {
            if let Some(r) = strip(word, at, p).filter(|&r| !out.has(r)) {
                out.push(r);
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_keep_their_letters() {
        // "ولد" must not become "لد" and "بال" must not become "ال"
        let all = |w| stems(w).iter().collect::<Vec<_>>();
        assert_eq!(all("ولد"), ["ولد"]);
        assert_eq!(all("بال"), ["بال"]);
        assert_eq!(all("وللتعاون"), ["وللتعاون", "للتعاون", "لتعاون", "تعاون"]);
        assert_eq!(
            all("وبالمباحثات"),
            ["وبالمباحثات", "بالمباحثات", "المباحثات", "مباحثات"]
        );
        assert_eq!(all("فالتعاون"), ["فالتعاون", "التعاون", "تعاون"]);
        assert_eq!(all("talks"), ["talks"]);
    }
}
