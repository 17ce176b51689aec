//! The persons' rules on sentences written for them: coreference of particle names and given
//! names, names inside facilities, and the word shapes that end an Arabic name.

use crate::doc::EntityKind;
use crate::fixtures::extracted_entities;

/// The named persons of `text` (not the role-only ones), each as the texts of its mentions.
pub(super) fn persons(text: &str) -> Vec<Vec<String>> {
    extracted_entities(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person && !e.role_only)
        .map(|e| e.mentions.into_iter().map(|m| m.text).collect())
        .collect()
}

/// Is `name` the text of a mention of one of the persons `ps`?
pub(super) fn has(ps: &[Vec<String>], name: &str) -> bool {
    ps.iter().any(|m| m.iter().any(|t| t == name))
}

#[test]
fn a_name_opening_with_a_particle_joins_the_full_name() {
    let ps = persons("وصل الأمير فهد بن مساعد إلى القاهرة. وأكد ابن مساعد أن الزيارة ناجحة.");
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(ps[0].contains(&"ابن مساعد".to_string()), "{ps:?}");
    let ps = persons(
        "Sheikh Nasser bin Hamad Al Marri arrived on Monday. Al Marri said the talks went well.",
    );
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(ps[0].contains(&"Al Marri".to_string()), "{ps:?}");
    // the Maghreb writes bin as Ben
    let ps = persons(
        "The union's head, Mourad Ben Slimane, spoke on Monday. Ben Slimane told reporters the strike would go on.",
    );
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(ps[0].contains(&"Ben Slimane".to_string()), "{ps:?}");
}

#[test]
fn a_given_name_after_a_title_joins_the_person_it_opens() {
    let ps =
        persons("Crown Prince Nawaf bin Saad visited Cairo. Prince Nawaf met the president there.");
    assert_eq!(ps.len(), 1, "{ps:?}");
    let ps = persons("التقى الشيخ حمدان بن سالم بالوفد، ثم قال الشيخ حمدان إن المحادثات مثمرة.");
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(ps[0].iter().any(|m| m == "حمدان"), "{ps:?}");
}

#[test]
fn a_name_inside_a_facility_is_no_person() {
    for t in [
        "هبطت الطائرة في مطار الملك فهد الدولي صباح اليوم.",
        "وصل الوفد إلى مطار بن غوريون قادما من روما.",
        "The jets flew from Prince Sultan Air Base on Monday.",
        "The flight landed at King Khalid International Airport at dawn.",
    ] {
        assert!(persons(t).is_empty(), "{t}: {:?}", persons(t));
    }
}

#[test]
fn arabic_names_end_at_tanween_duals_and_possessed_plurals() {
    let ps = persons("ولا يزال الرئيس كريم داوود محتجزاً في منزله.");
    assert_eq!(ps, vec![vec!["كريم داوود".to_string()]]);
    for t in [
        "رفعت الدولتان مستوى العلاقات بينهما.",
        "وقال الوزير: وصلت علاقاتنا إلى مستوى جيد.",
        "ناقش الوفد النزاع الإسرائيلي - الفلسطيني وموضوع المياه.",
    ] {
        assert!(persons(t).is_empty(), "{t}: {:?}", persons(t));
    }
}

#[test]
fn the_word_after_a_particle_stays_in_the_name() {
    let ps = persons("شارك الرئيس أحمد ولد الشيخ الكنتاوي في القمة.");
    assert_eq!(ps, vec![vec!["أحمد ولد الشيخ الكنتاوي".to_string()]]);
}

#[test]
fn offices_and_institutions_are_no_names() {
    for t in [
        "وجه خادم الحرمين الشريفين بإرسال مساعدات عاجلة.",
        "وقال المتحدث الرسمي باسم رئاسة الجمهورية إن اللقاء تناول التعاون.",
        "والتقى الوزير المنتدب لدى رئيس الحكومة بنظيره الفرنسي.",
    ] {
        assert!(persons(t).is_empty(), "{t}: {:?}", persons(t));
    }
}

/// The named persons of `text` with their titles.
fn titled(text: &str) -> Vec<(String, Option<String>)> {
    extracted_entities(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person && !e.role_only)
        .map(|e| (e.mentions[0].text.clone(), e.title))
        .collect()
}

#[test]
fn a_portfolio_continues_the_title_and_never_opens_the_name() {
    // a second portfolio joined by و, in the construct state
    let ps = titled("وقال وزير الخارجية وشؤون المغتربين عادل القرعان إن الزيارة ناجحة.");
    assert_eq!(
        ps,
        vec![("عادل القرعان".to_string(), Some("foreign minister".into()))]
    );
    let ps = titled(
        "وقال وزير الصحة والشؤون الاجتماعية وتكنولوجيا المعلومات نادر الخطيب إن الخطة جاهزة.",
    );
    assert!(ps.iter().any(|(m, _)| m == "نادر الخطيب"), "{ps:?}");
    // a counterpart is another person, not a portfolio, and ends the name before it
    let ps = titled("واستقبل وزير الخارجية عادل القرعان نظيره الياباني في عمان.");
    assert!(ps.iter().any(|(m, _)| m == "عادل القرعان"), "{ps:?}");
    assert!(!ps.iter().any(|(m, _)| m.contains("نظير")), "{ps:?}");
    let ps = titled("واستقبل وزير الخارجية ونظيره الأردني عادل القرعان الوفد.");
    assert!(!ps.iter().any(|(m, _)| m.contains("نظير")), "{ps:?}");
}

#[test]
fn a_short_imperfect_verb_after_a_title_is_no_name() {
    for t in [
        "وقال إن وزير الداخلية الأردني يصل إلى الرياض مساء الأحد.",
        "وأعلن المكتب أن الرئيس التونسي يقف مع الشعب.",
    ] {
        assert!(persons(t).is_empty(), "{t}: {:?}", persons(t));
    }
    // a verb after a name ends it
    let ps = persons("وقال إن الوزير سمير الحلبي يصل غدا إلى عمان.");
    assert_eq!(ps, vec![vec!["سمير الحلبي".to_string()]]);
}

#[test]
fn a_name_ends_before_a_plural_of_people() {
    let ps = persons("وأبلغ الوزير ماجد الشمري الصحفيين أن الاتفاق قريب.");
    assert_eq!(ps, vec![vec!["ماجد الشمري".to_string()]]);
    let ps = persons("وأبلغ المتحدث رامي الخطيب الفلسطينيين بالقرار.");
    assert_eq!(ps, vec![vec!["رامي الخطيب".to_string()]]);
}

#[test]
fn an_office_complement_stops_before_the_name() {
    let ps = titled("وقال وكيل الأمين العام لشؤون الإغاثة مارتن هولم إن الوضع خطير.");
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].0, "مارتن هولم");
    assert!(ps[0].1.is_some(), "{ps:?}");
    let ps = titled("وأكد مساعد وزير الخارجية لشؤون الشرق الأوسط سامر العلي أن الاجتماع مثمر.");
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].0, "سامر العلي");
}

#[test]
fn an_english_office_joined_by_and_still_introduces_the_name() {
    let ps = titled(
        "Jordan's Minister of Foreign Affairs and Expatriates, Samir Haddad, said the talks would resume.",
    );
    assert_eq!(
        ps,
        vec![("Samir Haddad".to_string(), Some("foreign minister".into()))]
    );
    let ps =
        titled("The Deputy Prime Minister and Minister of Finance Karim Nasser arrived in Rome.");
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].0, "Karim Nasser");
    assert!(
        ps[0]
            .1
            .as_deref()
            .is_some_and(|t| t.contains("prime minister")),
        "{ps:?}"
    );
}

#[test]
fn a_definite_office_after_a_titled_name_is_another_person() {
    // the object of the verb, not the apposition of the minister's name
    let es = extracted_entities("واستقبل وزير الخارجية سامر العلي السفير الياباني لدى عمان.");
    let minister = es
        .iter()
        .find(|e| e.mentions[0].text == "سامر العلي")
        .expect("minister");
    assert_ne!(minister.country.as_deref(), Some("JPN"), "{es:?}");
    assert!(
        es.iter()
            .any(|e| e.role_only && e.country.as_deref() == Some("JPN")),
        "{es:?}"
    );
    // a known person keeps their own state
    let es = extracted_entities("والتقى محمود عباس السفير الروسي في رام الله.");
    let abbas = es.iter().find(|e| e.id == "abbas").expect("known person");
    assert_eq!(abbas.country.as_deref(), Some("PSE"), "{es:?}");
    assert_eq!(abbas.mentions.len(), 1, "{es:?}");
    // an apposition in commas or after an untitled name is still the person's own
    let ps = titled("وقال سامر العلي، السفير الأردني لدى القاهرة، إن العلاقات متينة.");
    assert!(
        ps.iter().any(|(m, t)| m == "سامر العلي" && t.is_some()),
        "{ps:?}"
    );
}

#[test]
fn an_article_spelt_apart_joined_or_hyphenated_names_one_person() {
    let text = "Foreign Minister Karim Albashiri arrived in Muscat on Monday. \
        Al Bashiri met the sultan, and al-Bashiri said the talks went well. \
        Bashiri left on Tuesday.";
    let ps = persons(text);
    assert_eq!(ps.len(), 1, "{ps:?}");
    for m in ["Al Bashiri", "al-Bashiri", "Bashiri"] {
        assert!(has(&ps, m), "{m}: {ps:?}");
    }
    let ps = persons(
        "Foreign Minister Karim al-Bashiri arrived in Muscat. Albashiri said the talks went well.",
    );
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(&ps, "Albashiri"), "{ps:?}");
    // the Arabic spelling and the Latin one with the article joined
    let ps =
        persons("قال وزير الخارجية كريم البشيري إن المحادثات مثمرة. (Karim Albashiri, Monday)");
    assert_eq!(ps.len(), 1, "{ps:?}");
}

#[test]
fn an_adverb_opening_a_sentence_never_joins_a_name() {
    for adverb in ["Later", "Meanwhile", "Earlier", "Afterwards", "Separately"] {
        let text = format!(
            "Foreign Minister Karim al-Bashiri met the envoy. {adverb} Bashiri said the talks went well."
        );
        let ps = persons(&text);
        assert_eq!(ps.len(), 1, "{text}: {ps:?}");
        assert!(has(&ps, "Bashiri"), "{text}: {ps:?}");
        assert!(
            !ps[0].iter().any(|m| m.starts_with(adverb)),
            "{text}: {ps:?}"
        );
    }
    let ps = persons(
        "وصل وزير الخارجية كريم البشيري إلى مسقط. وبعد ذلك قال البشيري إن المحادثات مثمرة.",
    );
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(&ps, "البشيري"), "{ps:?}");
}

/// The texts of the mentions of the entities of `kind` in `text`.
fn mentions_of(text: &str, kind: EntityKind) -> Vec<String> {
    extracted_entities(text)
        .into_iter()
        .filter(|e| e.kind == kind)
        .flat_map(|e| e.mentions.into_iter().map(|m| m.text))
        .collect()
}

#[test]
fn a_posted_office_is_followed_by_its_holders_foreign_name() {
    for (text, name) in [
        (
            "وقال السفير الياباني لدى مصر تاكيهيرو ساتو إن بلاده تدعم المشروع.",
            "تاكيهيرو ساتو",
        ),
        (
            "وقالت السفيرة اليابانية لدى الأردن نوريكو سوزوكي إن العلاقات قوية.",
            "نوريكو سوزوكي",
        ),
        (
            "وأكد سفير اليابان في عمان يوشيهيرو تاناكا أن التعاون مستمر.",
            "يوشيهيرو تاناكا",
        ),
    ] {
        let ps = persons(text);
        assert!(has(&ps, name), "{text}: {ps:?}");
    }
    // the predicate after a posted office is a verb, not a name
    for text in [
        "السفير الياباني لدى مصر يلتقي وزير الخارجية.",
        "السفير الياباني لدى مصر يتناول العشاء مع الوزير.",
        "السفير الياباني لدى مصر يواصل جولته في الصعيد.",
        "السفيرة اليابانية لدى مصر تستقبل الوفد.",
        "السفراء الأوروبيون لدى مصر يتفاوضون مع الوزارة.",
    ] {
        assert!(persons(text).is_empty(), "{text}: {:?}", persons(text));
    }
}

#[test]
fn a_surname_spelled_like_a_town_after_a_posted_office_is_the_name() {
    let text = "وأكد السفير الياباني لدى الأردن يوشيتاكا كانو أن طوكيو تدعم عمان.";
    assert!(has(&persons(text), "يوشيتاكا كانو"), "{:?}", persons(text));
    assert!(mentions_of(text, EntityKind::Location).is_empty());
    // a town after the name with its preposition stays a place
    let text = "وصل السفير الياباني لدى نيجيريا يوشيتاكا ساتو إلى كانو أمس.";
    assert!(has(&persons(text), "يوشيتاكا ساتو"), "{:?}", persons(text));
    assert_eq!(mentions_of(text, EntityKind::Location), ["كانو"]);
}

#[test]
fn a_state_inside_a_name_is_no_mention_of_it() {
    // the family name is the state's adjective; alone it describes a noun
    let text = "قال المهندس مصعب التونسي إن المشروع تأخر، مضيفا أن الاقتصاد التونسي يتعافى ببطء.";
    assert_eq!(persons(text), [["مصعب التونسي"]]);
    let countries = mentions_of(text, EntityKind::Country);
    assert_eq!(countries, ["التونسي"], "{countries:?}");
    let start = extracted_entities(text)
        .into_iter()
        .find(|e| e.kind == EntityKind::Country)
        .map(|e| e.mentions[0].start);
    assert!(start > text.find("الاقتصاد").map(|b| text[..b].chars().count()));
    // a feminine adjective after a given name describes the noun before it
    let ps = persons("وقالت المديرة ساندرا الكندية إن الخطة جاهزة.");
    assert!(!has(&ps, "ساندرا الكندية"), "{ps:?}");
    // an English surname spelled like a town
    let text = "Senator Paul Cranston said on Monday that the bill would pass.";
    assert!(mentions_of(text, EntityKind::Location).is_empty());
}

#[test]
fn two_indefinite_accusatives_after_an_organisation_are_no_name() {
    for text in [
        "وعقد رئيس مجلس الأمن اجتماعا طارئا لبحث الأزمة.",
        "وعقد رئيس جامعة الدول العربية مؤتمرا صحفيا في القاهرة.",
    ] {
        assert!(persons(text).is_empty(), "{text}: {:?}", persons(text));
    }
    // one such word after a title is still a name (a foreign one ending in alif)
    let text = "وقال السفير الياباني لدى مصر يوشيهيرو تاناكا إن التعاون مستمر.";
    assert!(
        has(&persons(text), "يوشيهيرو تاناكا"),
        "{:?}",
        persons(text)
    );
}
