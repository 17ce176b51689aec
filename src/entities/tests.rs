//! Tests of the entity stage on sentences written for them, in Arabic and English.

use super::*;
use crate::fixtures::extracted_entities as entities;

fn find<'e>(es: &'e [Entity], kind: EntityKind, id: &str) -> Option<&'e Entity> {
    es.iter().find(|e| e.kind == kind && e.id == id)
}

fn texts(e: &Entity) -> Vec<&str> {
    e.mentions.iter().map(|m| m.text.as_str()).collect()
}

fn persons(es: &[Entity]) -> Vec<&Entity> {
    es.iter().filter(|e| e.kind == EntityKind::Person).collect()
}

fn check_offsets(text: &str, es: &[Entity]) {
    let chars: Vec<char> = text.chars().collect();
    for e in es {
        for m in &e.mentions {
            let got: String = chars[m.start..m.end].iter().collect();
            assert_eq!(got, m.text, "offsets of {:?}", e.id);
        }
    }
}

#[test]
fn countries_through_clitics_and_nisba() {
    let t = "وصل الوفد المصري إلى موسكو، وبحث مع المسؤولين الروس العلاقات بين مصر وروسيا والتعاون مع للأمم المتحدة.";
    let es = entities(t);
    check_offsets(t, &es);
    let rus = find(&es, EntityKind::Country, "RUS").expect("Russia");
    assert!(texts(rus).contains(&"روسيا"), "{:?}", texts(rus));
    assert!(texts(rus).contains(&"الروس"));
    let egy = find(&es, EntityKind::Country, "EGY").expect("Egypt");
    assert!(texts(egy).contains(&"المصري") && texts(egy).contains(&"مصر"));
    // "إلى موسكو" is a place, not the government
    assert!(find(&es, EntityKind::Location, "moscow").is_some());
    assert!(!texts(rus).contains(&"موسكو"));
}

#[test]
fn capitals_stand_for_governments() {
    let t = "Cairo and Moscow signed the agreement. The delegation later flew to Cairo.";
    let es = entities(t);
    let egy = find(&es, EntityKind::Country, "EGY").expect("Egypt");
    assert_eq!(texts(egy), vec!["Cairo"]);
    let cairo = find(&es, EntityKind::Location, "cairo").expect("Cairo as a place");
    assert_eq!(cairo.mentions.len(), 1);
    assert!(find(&es, EntityKind::Location, "moscow").is_none());
    let t = "رحبت القاهرة وموسكو بالاتفاق الذي وقع في القاهرة.";
    let es = entities(t);
    assert_eq!(
        texts(find(&es, EntityKind::Country, "EGY").expect("EGY")),
        vec!["القاهرة"]
    );
    assert!(find(&es, EntityKind::Country, "RUS").is_some());
}

#[test]
fn english_case_rules() {
    let es = entities("Let us eat turkey with the UN envoy in Jordan.");
    assert!(find(&es, EntityKind::Country, "TUR").is_none());
    assert!(find(&es, EntityKind::Country, "USA").is_none());
    assert!(find(&es, EntityKind::Org, "UN").is_some());
    assert!(find(&es, EntityKind::Country, "JOR").is_some());
}

#[test]
fn organisations_and_un_adjective() {
    let t = "أكد المسؤول الأممي أن مجلس الأمن الدولي وحلف الناتو وتنظيم داعش على جدول الأعمال.";
    let es = entities(t);
    check_offsets(t, &es);
    assert!(find(&es, EntityKind::Org, "UN").is_some_and(|e| texts(e) == vec!["الأممي"]));
    assert!(find(&es, EntityKind::Org, "UNSC").is_some());
    assert!(find(&es, EntityKind::Org, "NATO").is_some());
    assert!(find(&es, EntityKind::Org, "ISIS").is_some());
}

#[test]
fn national_institutions_take_their_country() {
    let t = "قال مجلس الأمن الروسي إن وزارة الداخلية المصرية والجيش المصري يتعاونان. وأضافت وزارة الداخلية أن مجلس الأمن سيجتمع.";
    let es = entities(t);
    check_offsets(t, &es);
    let rsc = find(&es, EntityKind::Org, "RUS-NSC").expect("Russian security council");
    assert_eq!(texts(rsc), vec!["مجلس الأمن الروسي"]);
    let moi = find(&es, EntityKind::Org, "EGY-MOI").expect("Egyptian interior ministry");
    assert_eq!(moi.mentions.len(), 2, "{:?}", texts(moi));
    assert!(find(&es, EntityKind::Org, "EGY-ARMY").is_some());
    assert!(
        find(&es, EntityKind::Org, "UNSC").is_some(),
        "bare مجلس الأمن is the UN's"
    );
    // the body's own adjectives stand between its generic name and its country
    let t = "وعقد مجلس الأمن الوطني الليبي اجتماعا، ثم التقى أعضاء مجلس الأمن الدولي.";
    let es = entities(t);
    check_offsets(t, &es);
    let lsc = find(&es, EntityKind::Org, "LBY-NSC").expect("Libyan security council");
    assert_eq!(texts(lsc), vec!["مجلس الأمن الوطني الليبي"]);
    assert!(find(&es, EntityKind::Org, "UNSC").is_some(), "{es:?}");
    let es = entities(
        "The Egyptian army and Russia's Foreign Ministry said the Security Council should act.",
    );
    assert!(find(&es, EntityKind::Org, "EGY-ARMY").is_some());
    assert!(find(&es, EntityKind::Org, "RUS-MFA").is_some());
    assert!(find(&es, EntityKind::Org, "UNSC").is_some());
}

#[test]
fn places_and_regions() {
    let t = "ناقش الجانبان الأوضاع في الشرق الأوسط وشمال أفريقيا ومنطقة الساحل وسيناء.";
    let es = entities(t);
    for id in ["MIDEAST", "NAFRICA", "SAHEL", "SINAI"] {
        assert!(find(&es, EntityKind::Location, id).is_some(), "{id}");
    }
    let es = entities("Tensions rose in the Middle East and the Sahel.");
    assert!(find(&es, EntityKind::Location, "MIDEAST").is_some());
    assert!(find(&es, EntityKind::Location, "SAHEL").is_some());
}

#[test]
fn arabic_person_after_title_with_apposition() {
    let t = "أكد سفير اليابان لدى عمّان، هيروشي تاناكا، أن البلدين شريكان.\n\nوقال السفير الياباني إن الزيارة مهمة.";
    let es = entities(t);
    check_offsets(t, &es);
    let ps = persons(&es);
    assert_eq!(ps.len(), 1, "{ps:?}");
    let p = ps[0];
    assert_eq!(p.title.as_deref(), Some("ambassador"));
    assert_eq!(p.country.as_deref(), Some("JPN"));
    assert!(texts(p).contains(&"هيروشي تاناكا"));
    assert!(texts(p).contains(&"السفير الياباني"), "{:?}", texts(p));
}

#[test]
fn english_person_after_title_and_surname() {
    let t = "Japan's Ambassador to Amman, Hiroshi K. Tanaka said on Monday that ties were strong.\n\nTanaka noted progress. The Japanese ambassador added that talks would go on.";
    let es = entities(t);
    check_offsets(t, &es);
    let ps = persons(&es);
    assert_eq!(ps.len(), 1, "{ps:?}");
    let p = ps[0];
    assert_eq!(p.name, "Hiroshi K. Tanaka");
    assert_eq!(p.country.as_deref(), Some("JPN"));
    assert_eq!(p.title.as_deref(), Some("ambassador"));
    assert!(
        texts(p).contains(&"Tanaka") && texts(p).contains(&"Japanese ambassador"),
        "{:?}",
        texts(p)
    );
}

#[test]
fn known_person_with_title_phrase() {
    let t =
        "التقى وزير الخارجية الروسي، سيرغي لافروف، نظيره المصري.\n\nوقال لافروف إن المحادثات بناءة.";
    let es = entities(t);
    let p = find(&es, EntityKind::Person, "lavrov").expect("Lavrov");
    assert_eq!(p.title.as_deref(), Some("foreign minister"));
    assert_eq!(p.country.as_deref(), Some("RUS"));
    assert_eq!(p.mentions.len(), 2);
}

#[test]
fn honorific_slash_and_trailing_apposition() {
    let t = "استقبل المحافظ السيد/ كريم منصور ( نائب وزير الخارجية الأردني ) في مكتبه.";
    let es = entities(t);
    let ps = persons(&es);
    let p = ps
        .iter()
        .find(|p| texts(p).contains(&"كريم منصور"))
        .expect("the name after السيد/");
    assert_eq!(p.title.as_deref(), Some("deputy foreign minister"));
    assert_eq!(p.country.as_deref(), Some("JOR"));
}

#[test]
fn reporting_verb_and_given_name() {
    let t = "وقال يوسف الخطيب: إن الحوار مستمر. وأوضح محمد عبدالرحيم الشريف أن اللجنة اجتمعت.";
    let es = entities(t);
    let ps = persons(&es);
    assert!(ps.iter().any(|p| texts(p) == vec!["يوسف الخطيب"]), "{ps:?}");
    assert!(
        ps.iter().any(|p| texts(p) == vec!["محمد عبدالرحيم الشريف"]),
        "{ps:?}"
    );
}

#[test]
fn role_mentions_and_pronoun() {
    let t = "استقبل وزير الداخلية المصري الوفد.\n\nوأكد سيادته أن التعاون مستمر.";
    let es = entities(t);
    let ps = persons(&es);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(texts(ps[0]).contains(&"سيادته"));
    assert_eq!(ps[0].country.as_deref(), Some("EGY"));
}

#[test]
fn person_keys_agree_across_languages() {
    let ar = entities("قال المتحدث باسم الكرملين، ديمتري بيسكوف، إن اللقاء مهم.");
    let en = entities("Kremlin spokesman Dmitry Peskov said the meeting was important.");
    let ka = persons(&ar)[0].key.clone();
    let ke = persons(&en)[0].key.clone();
    assert_eq!(ka, ke);
    let ar = entities("وصل الدبلوماسي أناتولي كوزنيتسوف إلى بغداد.");
    let en = entities("Diplomat Anatoly Kuznetsov arrived in Baghdad, officials said.");
    let pa = persons(&ar);
    let pe = persons(&en);
    assert!(!pa.is_empty() && !pe.is_empty(), "{pa:?} {pe:?}");
    assert_eq!(pa[0].key, pe[0].key);
}

#[test]
fn names_do_not_swallow_words() {
    let t = "السفير الروسي في القاهرة: اتفاقية خاصة بين البلدين";
    let es = entities(t);
    assert!(
        persons(&es)
            .iter()
            .all(|p| !texts(p).iter().any(|m| m.contains("اتفاقية"))),
        "{es:?}"
    );
}

#[test]
fn odd_input_does_not_panic() {
    for t in [
        "",
        "،،،",
        "ال",
        "وال",
        "لل",
        "Mr.",
        "السيد/",
        "\u{200f}مصر\u{200f}",
        "ﻻ مصر",
    ] {
        let es = entities(t);
        check_offsets(t, &es);
    }
}

#[test]
fn body_officials_carry_affiliation_not_country() {
    let t = "وقال وكيل الأمين العام للأمم المتحدة، فلاديمير فورونكوف، إن المكتب يدعم الدول.";
    let es = entities(t);
    let p = persons(&es)
        .into_iter()
        .find(|p| texts(p).contains(&"فلاديمير فورونكوف"))
        .expect("the UN official");
    assert_eq!(p.affiliation.as_deref(), Some("UN"));
    assert_eq!(p.country, None);
    let es = entities("UN Under-Secretary-General Vladimir Voronkov said the office would help.");
    let p = persons(&es)[0];
    assert_eq!(
        (p.country.as_deref(), p.affiliation.as_deref()),
        (None, Some("UN"))
    );
    // a state's official keeps the state in `country`
    let es = entities("وقال وزير الخارجية المصري، سامح شكري، إن البلدين متفقان.");
    let p = persons(&es)[0];
    assert_eq!(
        (p.country.as_deref(), p.affiliation.as_deref()),
        (Some("EGY"), None)
    );
}

fn person_texts(es: &[Entity]) -> Vec<Vec<&str>> {
    persons(es).into_iter().map(texts).collect()
}

#[test]
fn foreign_given_names_open_names() {
    let t = "وأجرى فرانز شتاينماير محادثات مع نظيره، فيما وصلت سفيتلانا كوزلوفا إلى الرياض.";
    let es = entities(t);
    check_offsets(t, &es);
    let ps = person_texts(&es);
    assert!(ps.contains(&vec!["فرانز شتاينماير"]), "{ps:?}");
    assert!(ps.contains(&vec!["سفيتلانا كوزلوفا"]), "{ps:?}");
    let es = entities("Horst Neumann told reporters the plant would stay open.");
    assert!(person_texts(&es).contains(&vec!["Horst Neumann"]), "{es:?}");
}

#[test]
fn kunya_and_abd_names_open_with_their_particle() {
    let t = "وأعلن أبو محمد الشامي أن التنظيم انسحب، ورد عبد الرحمن الخطيب على الاتهامات.";
    let es = entities(t);
    check_offsets(t, &es);
    let ps = person_texts(&es);
    assert!(ps.contains(&vec!["أبو محمد الشامي"]), "{ps:?}");
    assert!(ps.contains(&vec!["عبد الرحمن الخطيب"]), "{ps:?}");
    // a trailing particle is never part of the name
    assert!(ps.iter().flatten().all(|m| !m.ends_with("بن")), "{ps:?}");
}

#[test]
fn name_after_reporting_verb_closed_by_a_preposition() {
    let t = "وقال كوفالسكي في مؤتمر صحفي إن المفاوضات ستستأنف.";
    let es = entities(t);
    assert!(person_texts(&es).contains(&vec!["كوفالسكي"]), "{es:?}");
    // an ال-word after the verb is no name
    let es = entities("وقال البيان في ختامه إن الاجتماع كان مثمرا.");
    assert!(persons(&es).is_empty(), "{es:?}");
}

#[test]
fn nationality_adjective_introduces_a_two_word_name() {
    let t = "وتغلب الصربي دوشان لايوفيتش على منافسه في الدور الثاني.";
    let es = entities(t);
    assert!(person_texts(&es).contains(&vec!["دوشان لايوفيتش"]), "{es:?}");
    // one word after the adjective is a verb or noun, not a name
    let es = entities("وأشار التقرير إلى أن مستوى التهديد السوري ارتفع بعد الهجوم.");
    assert!(persons(&es).is_empty(), "{es:?}");
}

#[test]
fn occupations_introduce_names_but_alone_name_nobody() {
    let t = "قال المدرب الإسباني بيب غوارديولا إن الفريق جاهز.";
    let es = entities(t);
    let p = persons(&es)
        .into_iter()
        .find(|p| texts(p).contains(&"بيب غوارديولا"))
        .expect("the coach");
    assert_eq!(p.title.as_deref(), Some("coach"));
    assert_eq!(p.country.as_deref(), Some("ESP"));
    let es = entities("وقال المدرب إن اللاعبين بحاجة إلى الراحة.");
    assert!(persons(&es).is_empty(), "{es:?}");
    let es = entities("Spanish coach Pep Guardiola said the team was ready.");
    let ps = persons(&es);
    assert!(
        ps.iter().any(|p| texts(p).contains(&"Pep Guardiola")),
        "{ps:?}"
    );
}

#[test]
fn office_complements_and_common_words_are_no_names() {
    let t = "وقال رئيس المكتب السياسي للحركة إن الوفد سيصل غدا.";
    let es = entities(t);
    assert!(
        person_texts(&es)
            .iter()
            .flatten()
            .all(|m| !m.contains("المكتب")),
        "{es:?}"
    );
    let es = entities("وقال الرئيس البشير، إن الحكومة ستفي بالتزاماتها.");
    assert!(person_texts(&es).contains(&vec!["البشير"]), "{es:?}");
    // a verb after a rank-like word is the predicate
    let es = entities("وقال إن آمال الفريق تلاشت تقريبا بعد الهزيمة.");
    assert!(
        person_texts(&es)
            .iter()
            .flatten()
            .all(|m| !m.contains("تلاشت")),
        "{es:?}"
    );
    // a name stops before an adjective or a common noun
    let es = entities("أسس حسن البنا الجماعة عام 1928، وقال رفعت السعيد السابق إنه عارضها.");
    let ps = person_texts(&es);
    assert!(ps.contains(&vec!["حسن البنا"]), "{ps:?}");
    assert!(ps.contains(&vec!["رفعت السعيد"]), "{ps:?}");
}

/// Every person mention's text in `t`.
fn names(t: &str) -> Vec<String> {
    persons(&entities(t))
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| m.text.clone()))
        .collect()
}

#[test]
fn family_particles_keep_the_next_word() {
    // آل, بن: the next word is a name, even a stop word or a title (ثاني, علي, سلطان)
    let t = "استقبل الشيخ فهد بن سلطان آل نهيان وفدا تجاريا، ثم التقى الشيخ جاسم بن علي آل ثاني.";
    let es = entities(t);
    check_offsets(t, &es);
    let ps = person_texts(&es);
    assert!(ps.contains(&vec!["فهد بن سلطان آل نهيان"]), "{ps:?}");
    assert!(ps.contains(&vec!["جاسم بن علي آل ثاني"]), "{ps:?}");
    // no sultan taken from inside the name
    assert!(ps.iter().flatten().all(|m| *m != "سلطان"), "{ps:?}");
}

#[test]
fn regnal_ordinal_ends_a_rulers_name() {
    let t = "توج الملك فيليب السادس في مدريد بحضور رئيس الحكومة.";
    let ps = names(t);
    assert!(ps.iter().any(|m| m == "فيليب السادس"), "{ps:?}");
}

#[test]
fn given_names_before_a_known_surname_join_it() {
    // the knowledge base spells her first name أنجيلا: أنغيلا still joins ميركل
    let t = "والتقت المستشارة الألمانية السابقة أنغيلا ميركل بالطلاب في برلين.";
    let es = entities(t);
    check_offsets(t, &es);
    let merkel = find(&es, EntityKind::Person, "merkel").expect("Merkel");
    assert!(
        texts(merkel).contains(&"أنغيلا ميركل"),
        "{:?}",
        texts(merkel)
    );
    assert!(!person_texts(&es).contains(&vec!["أنغيلا"]));
}

#[test]
fn lineage_after_a_known_name_is_part_of_it() {
    let t = "والتقى الأمير الوليد بن طلال بن عبدالعزيز آل سعود بالمستثمرين في الرياض.";
    let es = entities(t);
    let w = find(&es, EntityKind::Person, "alwaleed").expect("Alwaleed");
    assert_eq!(texts(w), vec!["الوليد بن طلال بن عبدالعزيز آل سعود"]);
}

#[test]
fn clitic_before_a_given_name_stays_outside_the_mention() {
    let t = "ووصل سامي الحلبي وأسامة الخطيب إلى الاجتماع، ثم تحدث لأسامة الخطيب مراسلنا.";
    let es = entities(t);
    check_offsets(t, &es);
    let ps = person_texts(&es);
    assert!(ps.iter().any(|p| p.contains(&"أسامة الخطيب")), "{ps:?}");
    assert!(
        ps.iter()
            .flatten()
            .all(|m| !m.starts_with('و') && !m.starts_with('ل')),
        "{ps:?}"
    );
    // a short name inside an everyday word is none (وجود = existence, not و + جود)
    let t = "وتحدث الطرفان عن وجود تجارة كبيرة بينهما.";
    assert!(persons(&entities(t)).is_empty());
}

#[test]
fn ali_is_a_name_only_in_its_own_place() {
    let t = "وقال علي حسن في المؤتمر إن الوضع خطير.";
    assert!(names(t).iter().any(|m| m == "علي حسن"), "{:?}", names(t));
    let t = "وكان في الاستقبال السيد علي السويدي مدير المؤسسة.";
    assert!(
        names(t).iter().any(|m| m == "علي السويدي"),
        "{:?}",
        names(t)
    );
    // على written with a dotted ي, as some outlets do, before an everyday word
    let t = "وجرت المرحلة علي طرقات موحلة ثم حصل الفريق علي دعم كبير.";
    assert!(names(t).is_empty(), "{:?}", names(t));
}

#[test]
fn foreign_surnames_shaped_like_verbs_after_a_given_name() {
    let t = "وقال جان كلود تريشيه ان الفائدة ستبقى على حالها.";
    assert!(
        names(t).iter().any(|m| m == "جان كلود تريشيه"),
        "{:?}",
        names(t)
    );
    // a verb after a name is no surname (تعرّض إلى)
    let t = "وقال المدير إن خالد بن يحيى تعرض إلى عقوبة بعد المباراة.";
    let ps = names(t);
    assert!(ps.iter().any(|m| m == "خالد بن يحيى"), "{ps:?}");
}

#[test]
fn words_after_titles_that_are_no_names() {
    let cases = [
        "ونوه وزير الدفاع بأن ثلاثة من الضباط أصيبوا.",
        "وطالب رئيس الوزراء بإجراء تعديل وزاري واسع.",
        "ولكن الرئيس الأميركي امتنع عن التعليق على الخبر.",
        "وقال رئيس قسم التحقيقات إن الحادث وقع ليلا.",
        "وحل سائق ماكلارين سادسا، وسجل لاعب بيلباو هدفا.",
        "وقال مراقبون إن الانتخابات جرت بهدوء.",
        "وأجرى مساعد وزيرة الخارجية أجرى مشاورات مع الوفد.",
    ];
    for t in cases {
        let es = entities(t);
        let ps = person_texts(&es);
        let named: Vec<_> = ps.iter().flatten().filter(|m| !kb_role_word(m)).collect();
        assert!(named.is_empty(), "{t}: {ps:?}");
    }
}

/// Role mentions (وزير الدفاع, الرئيس الأميركي) are fine in the tests above; names are not.
fn kb_role_word(m: &str) -> bool {
    ["وزير", "رئيس", "الرئيس", "مساعد"]
        .iter()
        .any(|w| m.starts_with(w))
}

#[test]
fn a_name_inside_another_is_no_surname_mention() {
    // محمد is the surname of the first man, not a mention of him inside the second name
    let t = "وقال خالد شاكر محمد إن الاتفاق مهم. واستقبل الوزير محمد بن عيد الكواري الوفد.";
    let es = entities(t);
    let ps = person_texts(&es);
    assert!(ps.contains(&vec!["خالد شاكر محمد"]), "{ps:?}");
    assert!(
        ps.iter().any(|p| p.contains(&"محمد بن عيد الكواري")),
        "{ps:?}"
    );
}

#[test]
fn names_closed_by_scores_titles_and_nationalities() {
    let t = "وتغلب الروسي ميخائيل يوزهني 6 / 4 على منافسه.";
    assert!(
        names(t).iter().any(|m| m == "ميخائيل يوزهني"),
        "{:?}",
        names(t)
    );
    let t = "ويحتمل فوز التشيكي ميلان كونديرا والأميركية جويس كارول أوتس بالجائزة.";
    let ps = names(t);
    assert!(ps.iter().any(|m| m == "ميلان كونديرا"), "{ps:?}");
    let t = "والتقى وزير الطاقة والنفط رفائيل راميريز بالوفد.";
    assert!(
        names(t).iter().any(|m| m == "رفائيل راميريز"),
        "{:?}",
        names(t)
    );
    // a verbal noun after a name is its object
    let t = "واعتقلت الشرطة جون سميث للاشتباه في السرقة.";
    let ps = names(t);
    assert!(ps.iter().any(|m| m == "جون سميث"), "{ps:?}");
}

#[test]
fn arabic_adjective_before_a_title_is_not_its_country() {
    let t = "لن ينال ذلك من إرادة الشعب الفلسطيني ورئيسه.";
    let es = entities(t);
    assert!(
        persons(&es)
            .iter()
            .all(|p| p.country.as_deref() != Some("PSE")),
        "{:?}",
        person_texts(&es)
    );
    // English keeps "the Russian ambassador"
    let es = entities("The Russian ambassador met the minister on Monday.");
    assert!(persons(&es)
        .iter()
        .any(|p| p.country.as_deref() == Some("RUS")));
}

#[test]
fn common_nouns_after_a_name_are_not_surnames() {
    let t = "واحتلت الممثلة أنجلينا جولي المركز الثاني، ثم تقدمت إلى المركز الأول.";
    let ps = names(t);
    assert!(ps.iter().all(|m| !m.contains("المركز")), "{ps:?}");
}

#[test]
fn officials_known_only_by_role() {
    // a role tied to a state is a role-only person; a bare "the minister" is no entity
    let t = "The Peruvian defence minister arrived in Lima on Monday. The minister said the talks went well.";
    let es = entities(t);
    let ps = persons(&es);
    assert_eq!(
        ps.len(),
        1,
        "{:?}",
        ps.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    assert!(ps[0].role_only, "{}", ps[0].id);
    assert_eq!(ps[0].country.as_deref(), Some("PER"));
    let t = "وصل وزير الدفاع البيروفي إلى ليما، وقال الوزير إن المحادثات كانت جيدة.";
    let ps: Vec<Entity> = persons(&entities(t)).into_iter().cloned().collect();
    assert_eq!(
        ps.len(),
        1,
        "{:?}",
        ps.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    assert!(ps[0].role_only && ps[0].country.as_deref() == Some("PER"));
    // nothing attached: no entity
    let es = entities("The commander said the unit would stay. The minister agreed.");
    assert!(persons(&es).is_empty(), "{:?}", persons(&es));
    let es = entities("قال القائد إن الوحدة ستبقى، ووافق الوزير.");
    assert!(persons(&es).is_empty(), "{:?}", persons(&es));
}

#[test]
fn a_named_person_is_not_role_only() {
    let es = entities("President Vladimir Putin met the delegation in Moscow.");
    let ps = persons(&es);
    assert!(!ps.is_empty() && ps.iter().all(|p| !p.role_only));
}

#[test]
fn latin_names_keep_their_particles_and_hyphens() {
    for (t, name) in [
        (
            "Foreign Minister Tariq al-Rahawi told reporters the talks would resume.",
            "Tariq al-Rahawi",
        ),
        (
            "Defence Minister Karima von der Walde said the visit would last two days.",
            "Karima von der Walde",
        ),
        (
            "Minister Dariush Fathi-Kermani said the ministry would respond.",
            "Dariush Fathi-Kermani",
        ),
    ] {
        let es = entities(t);
        check_offsets(t, &es);
        let ps = persons(&es);
        assert!(
            ps.iter().any(|p| texts(p).contains(&name)),
            "{name}: {:?}",
            ps.iter().map(|p| texts(p)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_office_without_a_state_is_kept_and_a_rank_is_not() {
    // "the interior minister" is an office: a role-only person, with the pronoun after it
    let t = "وقال وزير الداخلية إن الحدود آمنة، وأكد سيادته أن الدوريات مستمرة.";
    let es = entities(t);
    let ps = persons(&es);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(ps[0].role_only && ps[0].title.as_deref() == Some("interior minister"));
    // a rank alone takes no pronoun away to the person named before it
    let t =
        "وصل خالد العمري إلى المدينة. وقال القائد إن الوحدة ستبقى، وأكد سيادته أن الدوريات مستمرة.";
    let es = entities(t);
    let ps = persons(&es);
    assert!(
        ps.iter().all(|p| !texts(p).contains(&"سيادته")),
        "{:?}",
        ps.iter().map(|p| texts(p)).collect::<Vec<_>>()
    );
}

#[test]
fn a_country_name_before_a_capitalised_institution_is_its_country() {
    let es = entities(
        "The US Navy and the Japan Air Force trained together, and the Spanish embassy said so.",
    );
    let orgs: Vec<_> = es.iter().filter(|e| e.kind == EntityKind::Org).collect();
    for c in ["USA", "JPN", "ESP"] {
        assert!(
            orgs.iter().any(|e| e.country.as_deref() == Some(c)),
            "{c}: {:?}",
            es
        );
    }
    let ar = entities("وقالت السفارة الإسبانية إن الرحلات مستمرة.");
    assert!(
        ar.iter()
            .any(|e| e.kind == EntityKind::Org && e.country.as_deref() == Some("ESP")),
        "{ar:?}"
    );
}
