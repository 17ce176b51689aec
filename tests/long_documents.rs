//! Long documents keep every fact: regressions for steps that were quadratic in the number of
//! paragraphs, sentences or names of one document (each found by the scaling benchmark,
//! benches/scaling.py). Not timed: at these sizes a quadratic step takes minutes, a linear one
//! well under a second.

use khabar::{Extractor, Input};

fn extract(text: String) -> khabar::Document {
    let ex = Extractor::new(Default::default()).unwrap();
    let d = ex.extract_one(&Input::new("long", text));
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    d
}

/// The quote stage read every sentence of the document for each paragraph.
#[test]
fn many_quoted_paragraphs() {
    let n = 10_000;
    let mut text = String::from("Morocco and Germany widen hydrogen cooperation\n\n");
    for i in 0..n {
        text.push_str(&format!(
            "\"We will open {i} new sites,\" Foreign Minister Nasser Bourita said on Wednesday.\n\n"
        ));
    }
    let d = extract(text);
    assert_eq!(d.quotes.len(), n);
    assert!(d
        .quotes
        .iter()
        .all(|q| q.speaker_name.as_deref() == Some("Nasser Bourita")));
    assert_eq!(
        d.quotes[n - 1].text,
        format!("We will open {} new sites,", n - 1)
    );
}

/// One paragraph of thousands of quotations: each looked up its sentence, the next quotation
/// and the quoted words by scanning all of them.
#[test]
fn one_paragraph_of_many_quotations() {
    let n = 10_000;
    let mut text = String::from("عنوان الخبر\n\n");
    for i in 0..n {
        text.push_str(&format!("وقال الوزير: «سنفتح {i} مواقع جديدة». "));
    }
    let d = extract(text);
    assert_eq!(d.quotes.len(), n);
    assert!(
        d.quotes.iter().all(|q| q.cue.as_deref() == Some("وقال")),
        "{:?}",
        &d.quotes[..2]
    );
}

/// The person stage compared every new name with every person found so far, and every sentence
/// with every mention of the document.
#[test]
fn thousands_of_people() {
    let given = [
        "Ahmed", "Salma", "Karim", "Leila", "Omar", "Nadia", "Youssef", "Rania",
    ];
    let mut text = String::from("Delegates gather in Rabat\n\n");
    let mut names: Vec<String> = Vec::new();
    for i in 0..4_000 {
        let name = format!("{} Haddad{}", given[i % given.len()], to_letters(i));
        text.push_str(&format!(
            "Foreign Minister {name} said on Monday that talks would go on.\n"
        ));
        names.push(name);
    }
    let d = extract(text);
    let people: Vec<&khabar::doc::Entity> = d
        .entities
        .iter()
        .filter(|e| e.kind == khabar::doc::EntityKind::Person)
        .collect();
    // every sentence names its minister (names that sound alike may share one entity)
    let mentioned: std::collections::HashSet<&str> = people
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
        .collect();
    assert!(names.iter().all(|n| mentioned.contains(n.as_str())));
    assert!(people.len() > names.len() / 10, "{}", people.len());
}

/// A distinct surname for each number: "ab", "ac", … (names do not carry digits).
fn to_letters(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    s
}

/// One sentence of thousands of title phrases: after each title the person stage searched for
/// the next hit from the sentence's first, and checked every token against every used range.
#[test]
fn one_sentence_of_many_titles() {
    let n = 10_000;
    let text: String = (0..n)
        .map(|i| format!("Foreign Minister {i} وزير الخارجية المغربي "))
        .collect();
    let d = extract(text);
    let morocco = d.entities.iter().find(|e| e.id == "MAR").expect("Morocco");
    assert_eq!(morocco.mentions.len(), n);
    assert!(morocco.mentions.iter().all(|m| m.text == "المغربي"));
}

/// One person named thousands of times, by full name and by surname: each surname occurrence
/// was checked against every mention of the person, and each role or pronoun against every
/// mention of the document.
#[test]
fn one_person_named_thousands_of_times() {
    let n = 5_000;
    let mut text = String::from("Rabat talks go on\n\n");
    for i in 0..n {
        text.push_str(&format!(
            "Foreign Minister Salma Idrissi met delegation {i} in Rabat. Idrissi said the minister would return.\n"
        ));
    }
    let d = extract(text);
    let salma = d
        .entities
        .iter()
        .find(|e| e.name == "Salma Idrissi")
        .expect("Salma Idrissi");
    let full = salma
        .mentions
        .iter()
        .filter(|m| m.text == "Salma Idrissi")
        .count();
    let surname = salma
        .mentions
        .iter()
        .filter(|m| m.text == "Idrissi")
        .count();
    assert_eq!((full, surname), (n, n));
}

/// A paragraph of opening marks that never close: every mark searched the whole stack of open
/// ones. The quotation of the next paragraph is still found.
#[test]
fn a_paragraph_of_unclosed_opening_marks() {
    let n = 40_000;
    let mut text = String::from("عنوان الخبر\n\n");
    for i in 0..n {
        text.push_str(&format!("«“\"‘„ «قال {i} “said "));
    }
    text.push_str("\n\nوقال الوزير: «سنفتح مواقع جديدة في الربيع المقبل».\n");
    let d = extract(text);
    let last = d.quotes.last().expect("a quotation");
    assert_eq!(last.text, "سنفتح مواقع جديدة في الربيع المقبل");
    assert_eq!(last.cue.as_deref(), Some("وقال"));
}
