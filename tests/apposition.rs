//! A role phrase and the name in apposition to it are one person, in either order and in both
//! languages; a role and a name that are not in apposition stay two persons. Sentences written
//! for these tests.

use khabar::doc::{Entity, EntityKind};
use khabar::{Document, Extractor, Input};

fn doc(text: &str) -> Document {
    let ex = Extractor::new(Default::default()).expect("extractor");
    ex.extract_one(&Input::new("t", text))
}

fn persons(d: &Document) -> Vec<&Entity> {
    d.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect()
}

fn texts(e: &Entity) -> Vec<&str> {
    e.mentions.iter().map(|m| m.text.as_str()).collect()
}

/// The one person of the document: named (no role-only id), with this title and affiliation or
/// country, and a mention of the role phrase besides the name.
fn one_person<'d>(
    text: &str,
    d: &'d Document,
    title: &str,
    body: (&str, Option<&str>),
) -> &'d Entity {
    let ps = persons(d);
    assert_eq!(ps.len(), 1, "{:#?}", ps);
    let p = ps[0];
    assert!(!p.id.starts_with("role-"), "{}", p.id);
    assert_eq!(p.title.as_deref(), Some(title), "{p:#?}");
    match body {
        ("affiliation", v) => assert_eq!(p.affiliation.as_deref(), v, "{p:#?}"),
        (_, v) => assert_eq!(p.country.as_deref(), v, "{p:#?}"),
    }
    assert!(p.mentions.len() >= 2, "{:?}", texts(p));
    for m in &p.mentions {
        let got: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(got, m.text);
    }
    p
}

#[test]
fn english_role_then_name() {
    let t = "The UN Under-Secretary-General for Humanitarian Affairs, Tom Fletcher, said on Monday that aid convoys were blocked at the crossing.";
    let d = doc(t);
    let p = one_person(
        t,
        &d,
        "under-secretary-general",
        ("affiliation", Some("UN")),
    );
    assert_eq!(p.name, "Tom Fletcher");
    // the apposition closes the sentence
    let t2 = "Aid is not reaching the north, said the UN Under-Secretary-General for Humanitarian Affairs, Tom Fletcher.";
    let d2 = doc(t2);
    one_person(
        t2,
        &d2,
        "under-secretary-general",
        ("affiliation", Some("UN")),
    );
    assert!(
        texts(p).contains(&"Under-Secretary-General"),
        "{:?}",
        texts(p)
    );
}

#[test]
fn english_name_then_role() {
    let t = "Tom Fletcher, the UN under-secretary-general for humanitarian affairs, said the crossings must open before winter.";
    let d = doc(t);
    let p = one_person(
        t,
        &d,
        "under-secretary-general",
        ("affiliation", Some("UN")),
    );
    assert!(texts(p).contains(&"Tom Fletcher"));
}

#[test]
fn arabic_role_then_name() {
    let t = "وقال وكيل الأمين العام للأمم المتحدة للشؤون الإنسانية، توم فليتشر، إن المساعدات لا تصل إلى شمال القطاع منذ أسبوعين.";
    let d = doc(t);
    let p = one_person(
        t,
        &d,
        "under-secretary-general",
        ("affiliation", Some("UN")),
    );
    assert!(texts(p).contains(&"توم فليتشر"), "{:?}", texts(p));
    let t = "أكد سفير روسيا لدى القاهرة، جيورجي بوريسينكو، أن العلاقات بين البلدين متينة.";
    let d = doc(t);
    let ps = persons(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].title.as_deref(), Some("ambassador"));
    assert_eq!(ps[0].country.as_deref(), Some("RUS"));
}

#[test]
fn arabic_name_then_role() {
    let t =
        "وقال توم فليتشر، وكيل الأمين العام للأمم المتحدة للشؤون الإنسانية، إن المعابر ما زالت مغلقة.";
    let d = doc(t);
    one_person(
        t,
        &d,
        "under-secretary-general",
        ("affiliation", Some("UN")),
    );
}

#[test]
fn the_role_recurring_later_is_the_same_person() {
    let t = "وقال السفير الروسي، جيورجي بوريسينكو إن العلاقات متينة. وأضاف السفير الروسي أن التعاون سيستمر في مجالات الطاقة.";
    let d = doc(t);
    let p = one_person(t, &d, "ambassador", ("country", Some("RUS")));
    assert!(texts(p).contains(&"السفير الروسي"), "{:?}", texts(p));
}

#[test]
fn high_commissioner_is_a_un_role() {
    for t in [
        "The UN High Commissioner for Refugees said the camps along the border were full.",
        "وقال المفوض السامي للأمم المتحدة لشؤون اللاجئين إن المخيمات على الحدود ممتلئة.",
        "وحذرت المفوضة السامية لحقوق الإنسان من تدهور الأوضاع في السجون.",
    ] {
        let d = doc(t);
        let ps = persons(&d);
        assert_eq!(ps.len(), 1, "{t}: {ps:#?}");
        assert_eq!(ps[0].title.as_deref(), Some("high commissioner"), "{t}");
        assert_eq!(ps[0].affiliation.as_deref(), Some("UN"), "{t}");
    }
    let t = "قال المفوض السامي للأمم المتحدة لشؤون اللاجئين، فيليبو غراندي، إن المخيمات ممتلئة.";
    let d = doc(t);
    let ps = persons(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].affiliation.as_deref(), Some("UN"));
    // the agency by its full name stays the agency
    let d = doc("The United Nations High Commissioner for Refugees said it needed more funds.");
    assert!(persons(&d).is_empty());
    assert!(d.entities.iter().any(|e| e.id == "UNHCR"));
}

#[test]
fn a_role_and_a_name_not_in_apposition_stay_two() {
    for t in [
        "The Russian ambassador met Tom Fletcher on Monday to discuss the aid convoys.",
        "The UN under-secretary-general met Tom Fletcher on Monday.",
        "وقال السفير الروسي إنه التقى توم فليتشر في جنيف يوم الاثنين.",
        "وبعد لقائه بالسفير الروسي، قال توم فليتشر إن المحادثات فشلت.",
    ] {
        let d = doc(t);
        let ps = persons(&d);
        assert_eq!(ps.len(), 2, "{t}: {ps:#?}");
        let named = ps
            .iter()
            .find(|p| !p.id.starts_with("role-"))
            .expect("named");
        assert_eq!(named.title, None, "{t}: {named:#?}");
        assert!(ps.iter().any(|p| p.role_only), "{t}: {ps:#?}");
    }
    // a bare role with no state or body attached is no entity; the name keeps no title
    let d = doc("The ambassador met Tom Fletcher on Monday to discuss the aid convoys.");
    let ps = persons(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].title, None);
}

#[test]
fn quote_speaker_is_the_named_person() {
    let t = "The UN Under-Secretary-General for Humanitarian Affairs, Tom Fletcher, said: \"Aid is not reaching the people who need it most.\"";
    let d = doc(t);
    let p = persons(&d)[0].id.clone();
    assert_eq!(d.quotes.len(), 1, "{:#?}", d.quotes);
    assert_eq!(d.quotes[0].speaker.as_deref(), Some(p.as_str()));
    let t = "وقال وكيل الأمين العام للأمم المتحدة للشؤون الإنسانية، توم فليتشر: «المساعدات لا تصل إلى من يحتاجها».";
    let d = doc(t);
    let p = persons(&d)[0].id.clone();
    assert!(p.starts_with("person-"), "{p}");
    assert_eq!(d.quotes.len(), 1, "{:#?}", d.quotes);
    assert_eq!(d.quotes[0].speaker.as_deref(), Some(p.as_str()));
}
