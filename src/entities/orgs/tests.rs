//! Tests of organisation names found by pattern, on sentences written for them.

use crate::doc::{Entity, EntityKind};
use crate::fixtures::extracted_entities;

/// The entities of `text`, every mention checked against the original text.
fn entities(text: &str) -> Vec<Entity> {
    let es = extracted_entities(text);
    let chars: Vec<char> = text.chars().collect();
    for e in &es {
        for m in &e.mentions {
            let got: String = chars[m.start..m.end].iter().collect();
            assert_eq!(got, m.text, "offsets of {:?}", e.id);
        }
    }
    es
}

/// Mention texts of the organisations.
fn orgs(es: &[Entity]) -> Vec<&str> {
    es.iter()
        .filter(|e| e.kind == EntityKind::Org)
        .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
        .collect()
}

fn org<'e>(es: &'e [Entity], mention: &str) -> Option<&'e Entity> {
    es.iter()
        .find(|e| e.kind == EntityKind::Org && e.mentions.iter().any(|m| m.text == mention))
}

fn mentions_of(es: &[Entity], kind: EntityKind) -> Vec<&str> {
    es.iter()
        .filter(|e| e.kind == kind)
        .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
        .collect()
}

#[test]
fn arabic_heads_open_names_without_their_clitic() {
    let t = "وانتقد حزب العمال البريطاني قرار الحكومة، فيما رحبت وحركة النهضة بالخطوة.";
    let es = entities(t);
    let labour = org(&es, "حزب العمال البريطاني").expect("Labour");
    assert_eq!(labour.country.as_deref(), Some("GBR"));
    // the clitic و stays outside the span
    assert!(org(&es, "حركة النهضة").is_some(), "{:?}", orgs(&es));
    assert!(
        !orgs(&es).iter().any(|m| m.starts_with('و')),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn a_place_inside_a_name_is_the_name_and_gives_its_country() {
    let t = "ألقى الباحث محاضرة في جامعة القاهرة أمس، ثم عاد إلى بيروت.";
    let es = entities(t);
    let uni = org(&es, "جامعة القاهرة").expect("Cairo University");
    assert_eq!(uni.country.as_deref(), Some("EGY"));
    // القاهرة is part of the name: neither Egypt's government nor a place here
    assert!(!mentions_of(&es, EntityKind::Country).contains(&"القاهرة"));
    assert!(!mentions_of(&es, EntityKind::Location).contains(&"القاهرة"));
    assert!(mentions_of(&es, EntityKind::Location).contains(&"بيروت"));
}

#[test]
fn a_place_after_a_proper_word_goes_on_in_the_name_an_adjective_does_not() {
    // a region's name after a direction word: the university of Southern California
    let es = entities("وقال أستاذ في جامعة جنوب كاليفورنيا إن النتائج مشجعة.");
    let uni = org(&es, "جامعة جنوب كاليفورنيا").expect("the whole name");
    assert_eq!(uni.country.as_deref(), Some("USA"));
    assert!(!mentions_of(&es, EntityKind::Location).contains(&"كاليفورنيا"));
    // a council named for its country after a proper word
    let es = entities("دعا مجلس علماء باكستان إلى التهدئة.");
    assert!(orgs(&es).contains(&"مجلس علماء باكستان"), "{:?}", orgs(&es));
    // a nationality adjective after the proper name stays outside it, as the country
    let es = entities("أعلنت شركة فولكسفاجن الألمانية عن خطة جديدة.");
    assert!(
        !orgs(&es).iter().any(|o| o.contains("الألمانية")),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn descriptor_heads_name_the_body_after_them() {
    let t = "وقعت شركة بتروفاك الإماراتية عقدا جديدا، وقالت وكالة الأنباء الفرنسية إن الصفقة كبيرة.";
    let es = entities(t);
    let company = org(&es, "بتروفاك").expect("the company without its descriptor");
    assert_eq!(company.country.as_deref(), Some("ARE"));
    assert!(!orgs(&es).contains(&"شركة بتروفاك"));
    assert!(org(&es, "وكالة الأنباء الفرنسية").is_some_and(|e| e.id == "AFP"));
    // a known company after its descriptor is the table's row, named without the descriptor
    let es = entities("أعلنت شركة أرامكو السعودية أرباحها.");
    assert!(
        org(&es, "أرامكو السعودية").is_some_and(|e| e.id == "ARAMCO"),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn a_head_extends_a_known_organisation() {
    let t = "قررت منظمة أوبك خفض الإنتاج.";
    let es = entities(t);
    assert!(
        org(&es, "منظمة أوبك").is_some_and(|e| e.id == "OPEC"),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn everyday_phrases_with_a_head_are_no_organisations() {
    for t in [
        "كانت حركة المرور كثيفة في وسط المدينة صباح اليوم.",
        "افتتحت شركة كبيرة فرعا في المنطقة.",
        "اجتمع مجلس الإدارة لمناقشة الميزانية.",
        "احتل الفريق المركز الثاني في الدوري.",
        "أعلنت حركة المسلحين في الشمال عن هدنة.",
        "قالت الصحيفة البريطانية إن المفاوضات متعثرة.",
        "تأسست جمعية في عام 2010 لمساعدة الأسر.",
    ] {
        let es = entities(t);
        assert!(orgs(&es).is_empty(), "{t}: {:?}", orgs(&es));
    }
}

#[test]
fn definite_heads_need_two_adjectives_or_a_complement() {
    let t =
        "رفع البنك المركزي الأوروبي أسعار الفائدة، وأصدرت المؤسسة العربية لضمان الاستثمار تقريرها.";
    let es = entities(t);
    assert!(
        org(&es, "البنك المركزي الأوروبي").is_some(),
        "{:?}",
        orgs(&es)
    );
    assert!(
        org(&es, "المؤسسة العربية لضمان الاستثمار").is_some(),
        "{:?}",
        orgs(&es)
    );
    let es = entities("قال البنك إن الحزب الحاكم فاز.");
    assert!(orgs(&es).is_empty(), "{:?}", orgs(&es));
}

#[test]
fn arabic_names_stop_at_verbs_prepositions_and_numbers() {
    let t = "قال حزب الاستقلال في بيان إن 3 من أعضائه استقالوا.";
    let es = entities(t);
    assert_eq!(orgs(&es), vec!["حزب الاستقلال"]);
}

#[test]
fn english_heads_suffixes_and_of_names() {
    let t = "The Labour Party won the seat. Harvard University and the University of Cairo signed a deal \
             with Riverside Savings Bank, while Apple Inc. and Acme Corporation stayed out.";
    let es = entities(t);
    for want in [
        "Labour Party",
        "Harvard University",
        "University of Cairo",
        "Riverside Savings Bank",
        "Apple Inc.",
        "Acme Corporation",
    ] {
        assert!(org(&es, want).is_some(), "{want}: {:?}", orgs(&es));
    }
    assert_eq!(
        org(&es, "University of Cairo").and_then(|e| e.country.as_deref()),
        Some("EGY")
    );
    // "the" stays outside; a known ministry is still the national institution
    let es = entities("The Ministry of Defence said the party would meet.");
    assert!(
        !orgs(&es).iter().any(|m| m.starts_with("The")),
        "{:?}",
        orgs(&es)
    );
    let es = entities("the university said the bank and the party agreed.");
    assert!(orgs(&es).is_empty(), "{:?}", orgs(&es));
}

#[test]
fn dotted_abbreviations_name_states_and_bodies() {
    let t = "Officials in the U.S. said on Monday that the U.K. and the U.N. would join the talks.";
    let es = entities(t);
    let usa = es
        .iter()
        .find(|e| e.kind == EntityKind::Country && e.id == "USA")
        .expect("the United States");
    assert_eq!(usa.mentions[0].text, "U.S.");
    assert!(es.iter().any(|e| e.id == "GBR"));
    assert!(org(&es, "U.N.").is_some_and(|e| e.id == "UN"));
    // lower-case "us" is a pronoun
    let es = entities("He told us that the deal was done.");
    assert!(!es.iter().any(|e| e.id == "USA"));
}

#[test]
fn regional_bodies_by_their_arabic_long_forms() {
    let t = "دعا مجلس التعاون لدول الخليج العربية ودول مجلس التعاون ومنظمة المؤتمر الإسلامي \
             والاتحاد الإفريقي وحلف الأطلنطي إلى التهدئة.";
    let es = entities(t);
    let id_of = |m: &str| org(&es, m).map(|e| e.id.as_str());
    assert_eq!(id_of("مجلس التعاون لدول الخليج العربية"), Some("GCC"));
    assert_eq!(id_of("دول مجلس التعاون"), Some("GCC"));
    assert_eq!(id_of("منظمة المؤتمر الإسلامي"), Some("OIC"));
    assert_eq!(id_of("الاتحاد الإفريقي"), Some("AU"));
    assert_eq!(id_of("حلف الأطلنطي"), Some("NATO"));
}

#[test]
fn english_military_and_press_heads_close_names_with_their_country() {
    let t = "A statement from the Royal Norwegian Air Force said the Northern Fleet was on alert, \
             and the Quebec Daily Times reported it first.";
    let es = entities(t);
    // "Air Force" after a country is a national institution, as the army is
    let af = es
        .iter()
        .find(|e| {
            e.kind == EntityKind::Org && e.mentions.iter().any(|m| m.text.ends_with("Air Force"))
        })
        .expect("air force");
    assert_eq!(af.country.as_deref(), Some("NOR"));
    assert!(org(&es, "Northern Fleet").is_some(), "{:?}", orgs(&es));
    assert!(org(&es, "Quebec Daily Times").is_some(), "{:?}", orgs(&es));
    // the country stays a country mention inside the name
    assert!(mentions_of(&es, EntityKind::Country).contains(&"Norwegian"));
}

#[test]
fn an_english_name_runs_to_its_last_head() {
    let t = "Officers of the Coastal Guard Corps met staff of the Joint Naval Forces Southern Command on Monday.";
    let es = entities(t);
    assert!(org(&es, "Coastal Guard Corps").is_some(), "{:?}", orgs(&es));
    assert!(
        org(&es, "Joint Naval Forces Southern Command").is_some(),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn known_agencies_and_armed_bodies_keep_one_id_across_languages() {
    let en = entities("The Revolutionary Guard said on Sunday, according to Tasnim News Agency, that UNIFIL was told.");
    let ar = entities("وقال الحرس الثوري في بيان نقلته وكالة تسنيم إن قوات اليونيفيل أبلغت بذلك.");
    for id in ["IRGC", "TASNIM", "UNIFIL"] {
        assert!(en.iter().any(|e| e.id == id), "{id} in {:?}", orgs(&en));
        assert!(ar.iter().any(|e| e.id == id), "{id} in {:?}", orgs(&ar));
    }
}

#[test]
fn a_navy_takes_the_country_beside_it_and_leaves_it_a_country() {
    let es = entities("The Italian navy escorted the tanker while the Greek navy watched.");
    let navies: Vec<_> = es.iter().filter(|e| e.kind == EntityKind::Org).collect();
    assert!(
        navies.iter().any(|e| e.country.as_deref() == Some("ITA")),
        "{:?}",
        orgs(&es)
    );
    assert!(mentions_of(&es, EntityKind::Country).contains(&"Italian"));
    let ar = entities("وأعلنت البحرية الإيطالية أنها رافقت الناقلة.");
    assert!(
        ar.iter()
            .any(|e| e.kind == EntityKind::Org && e.country.as_deref() == Some("ITA")),
        "{:?}",
        orgs(&ar)
    );
}

#[test]
fn an_acronym_defined_in_the_text_joins_its_long_form() {
    let es = entities(
        "The index of the Friends of Quiet Harbours (FQH) rose. FQH said the rise would last.",
    );
    let e = org(&es, "Friends of Quiet Harbours").expect("long form");
    let ms: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        ms,
        vec!["Friends of Quiet Harbours", "FQH", "FQH"],
        "{ms:?}"
    );
    // a facility's name is no organisation
    let es = entities("Work began on the Coastal Nuclear Power Plant (CNPP) this year.");
    assert!(orgs(&es).is_empty(), "{:?}", orgs(&es));
}

#[test]
fn teams_of_a_results_line_are_clubs() {
    let es = entities("Rugby league results on Sunday:\nWigan 42 Bradford Bulls 36\nChicago 4, Houston 3\nPuchon 3 1 0 6 1 10");
    let o = orgs(&es);
    for team in ["Wigan", "Bradford Bulls", "Chicago", "Houston", "Puchon"] {
        assert!(o.contains(&team), "{team}: {o:?}");
    }
    assert!(mentions_of(&es, EntityKind::Location).is_empty());
    // a dateline and national sides are no clubs
    let es = entities("LONDON 1996-08-30\nRomania 2 Lithuania 1");
    assert!(orgs(&es).is_empty(), "{:?}", orgs(&es));
    assert!(mentions_of(&es, EntityKind::Country).contains(&"Romania"));
}

#[test]
fn more_english_heads_close_names() {
    let es = entities("The Commerce Department and the Federal Reserve told the Supreme Court so.");
    let o = orgs(&es);
    for name in ["Commerce Department", "Federal Reserve", "Supreme Court"] {
        assert!(o.contains(&name), "{name}: {o:?}");
    }
}

#[test]
fn partners_joined_by_an_ampersand_are_a_firm() {
    let t = "Analyst Ruth Keller of Harlow D. Finch & Co said Brandt & Sollis would merge with \
             Varden Group, and the R&D budget grew.";
    let es = entities(t);
    for want in ["Harlow D. Finch & Co", "Brandt & Sollis"] {
        assert!(org(&es, want).is_some(), "{want}: {:?}", orgs(&es));
    }
    // no person inside the firm's name, no firm from letters joined without spaces
    assert!(
        !mentions_of(&es, EntityKind::Person).contains(&"Harlow D. Finch"),
        "{es:?}"
    );
    assert!(
        !orgs(&es).iter().any(|m| m.contains("R&D")),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn a_legal_form_leaves_the_sentence_its_full_stop() {
    let es = entities("Sales rose at Tarvin Motors Inc. The rest fell at Colby Corp.");
    assert!(org(&es, "Tarvin Motors Inc.").is_some(), "{:?}", orgs(&es));
    assert!(org(&es, "Colby Corp").is_some(), "{:?}", orgs(&es));
    // the legal forms of other countries, and a lower-case spa that is none
    let es = entities("Bellini SpA signed, and guests of the Grand Hotel spa left.");
    assert!(org(&es, "Bellini SpA").is_some(), "{:?}", orgs(&es));
    assert!(
        !orgs(&es).iter().any(|m| m.ends_with("spa")),
        "{:?}",
        orgs(&es)
    );
}

#[test]
fn an_agency_takes_the_country_after_of() {
    let es = entities("The News Agency of Ghana quoted the minister.");
    let e = org(&es, "News Agency of Ghana").expect("agency");
    assert_eq!(e.country.as_deref(), Some("GHA"));
}
