//! Quotation tests on sentences written for them, with entity lists built by hand (the entity
//! stage is tested on its own).

use crate::doc::{EntityKind, Quote};
use crate::fixtures::{entities, with_analysis, Spec};

fn quotes(text: &str, lang: &str, specs: &[Spec]) -> Vec<Quote> {
    let ents = entities(text, specs);
    with_analysis(text, lang, |a| super::extract(a, &ents))
}

fn starts<'q>(qs: &'q [Quote], prefix: &str) -> &'q Quote {
    qs.iter()
        .find(|q| q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no quote starting {prefix:?} in {qs:#?}"))
}

const AMBASSADOR_AR: &[Spec] = &[
    (
        "RUS",
        EntityKind::Country,
        "Russia",
        None,
        None,
        &["روسيا", "الروسي"],
    ),
    ("EGY", EntityKind::Country, "Egypt", None, None, &["مصر"]),
    (
        "p-lavrentiev",
        EntityKind::Person,
        "Ivan Lavrentiev",
        Some("RUS"),
        Some("ambassador"),
        &["إيفان لافرنتييف", "لافرنتييف"],
    ),
];

const AR_PRESS: &str = "السفير الروسي يتحدث عن التعاون مع مصر\n\n\
أكد سفير روسيا لدى القاهرة، إيفان لافرنتييف، أن البلدين شريكان في مكافحة الإرهاب.\n\n\
وقال السفير الروسي، في مؤتمر صحفي، اليوم الأحد: \"نعمل مع الجانب المصري على اتفاقية جديدة لأمن المعلومات\".\n\n\
وأضاف، ردا على سؤال لصحيفة \"الأهرام\" حول التدريبات: \"ستجرى مناورات مشتركة جديدة في الخريف المقبل\".\n\n\
وتابع: «علاقاتنا مع مصر تتطور بسرعة كبيرة في كل المجالات».";

#[test]
fn arabic_verb_subject_with_colon_and_chain() {
    let qs = quotes(AR_PRESS, "ar", AMBASSADOR_AR);
    assert_eq!(qs.len(), 3, "{qs:#?}");
    for (prefix, cue) in [
        ("نعمل مع الجانب", "وقال"),
        ("ستجرى مناورات", "وأضاف"),
        ("علاقاتنا مع مصر", "وتابع"),
    ] {
        let q = starts(&qs, prefix);
        assert_eq!(q.speaker.as_deref(), Some("p-lavrentiev"), "{q:#?}");
        assert_eq!(q.kind, "direct");
        assert!(
            q.cue.as_deref().is_some_and(|c| c.contains(&cue[2..])),
            "{q:#?}"
        );
    }
    assert_eq!(
        starts(&qs, "نعمل").speaker_text.as_deref(),
        Some("السفير الروسي")
    );
}

#[test]
fn quoted_names_are_not_quotes() {
    let qs = quotes(AR_PRESS, "ar", AMBASSADOR_AR);
    assert!(qs
        .iter()
        .all(|q| !q.text.contains("الأهرام") || q.text.len() > 20));
    let text = "مباحثات أمنية في العاصمة بين الوفدين\n\nونشرت صحيفة \"وول ستريت جورنال\" تقريرا عبر تطبيق \"Telegram\" عن خطة \"الدرع الواقي للحدود الشرقية\".";
    assert!(quotes(text, "ar", &[]).is_empty());
    let text = "Officials meet in the capital for talks\n\nThe report, first published by the newspaper \"The Daily Record\" and shared on the app \"Signal\", named the plan \"Operation Northern Shield Of The Coast\".";
    assert!(quotes(text, "en", &[]).is_empty());
}

#[test]
fn scare_quotes_skipped_and_partial_quotes_kept() {
    let specs: &[Spec] = &[
        ("EGY", EntityKind::Country, "Egypt", None, None, &["المصري"]),
        (
            "p-hassan",
            EntityKind::Person,
            "Karim Hassan",
            Some("EGY"),
            Some("وزير الداخلية"),
            &["كريم حسن"],
        ),
    ];
    let text = "مباحثات أمنية في العاصمة بين الوفدين\n\nاتفق الوزيران على أهمية \"التعاون الأمني\" في المنطقة.\n\n\
أشار وزير الداخلية المصري، كريم حسن، إلى أن \"الضغوط المستمرة على الجماعات المسلحة دفعتها إلى الفرار\".";
    let qs = quotes(text, "ar", specs);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, "partial");
    assert_eq!(qs[0].speaker.as_deref(), Some("p-hassan"));
    let text = "Officials meet in the capital for talks\n\nThe ministers stressed the need for \"closer coordination\" in the region.";
    assert!(quotes(text, "en", &[]).is_empty());
}

#[test]
fn statement_of_a_body() {
    let specs: &[Spec] = &[
        ("RUS", EntityKind::Country, "Russia", None, None, &["روسيا"]),
        (
            "org-rus-sc",
            EntityKind::Org,
            "Security Council of Russia",
            Some("RUS"),
            None,
            &["مجلس الأمن الروسي"],
        ),
    ];
    let text = "مباحثات أمنية في العاصمة بين الوفدين\n\nوقال مجلس الأمن الروسي، في بيان، إن المباحثات شملت قضايا الأمن الإقليمي.\n\n\
وأضاف البيان: \"تم الاتفاق على مواصلة التنسيق بين الأجهزة المعنية في البلدين\".\n\n\
وأشار البيان إلى أن \"الطرفين أكدا التزامهما بتعزيز التعاون الثنائي\".";
    let qs = quotes(text, "ar", specs);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    for q in &qs {
        assert_eq!(q.speaker.as_deref(), Some("org-rus-sc"), "{q:#?}");
        assert_eq!(q.speaker_text.as_deref(), Some("البيان"));
    }
    let specs: &[Spec] = &[(
        "org-mfa-fr",
        EntityKind::Org,
        "Ministry of Foreign Affairs (France)",
        Some("FRA"),
        None,
        &["French foreign ministry"],
    )];
    let text = "Officials meet in the capital for talks\n\nThe French foreign ministry said in a statement that talks would resume.\n\n\
\"Both delegations agreed to meet again in Geneva next month,\" the statement added.";
    let qs = quotes(text, "en", specs);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("org-mfa-fr"));
}

const AMBASSADOR_EN: &[Spec] = &[
    (
        "RUS",
        EntityKind::Country,
        "Russia",
        None,
        None,
        &["Russia", "Russian"],
    ),
    ("EGY", EntityKind::Country, "Egypt", None, None, &["Egypt"]),
    (
        "p-lavrentiev",
        EntityKind::Person,
        "Ivan Lavrentiev",
        Some("RUS"),
        Some("ambassador"),
        &["Ivan Lavrentiev", "Lavrentiev"],
    ),
];

const EN_PRESS: &str = "Russian envoy hails ties with Egypt\n\n\
Russia's Ambassador to Cairo, Ivan Lavrentiev, said on Sunday that the two countries are close partners.\n\n\
\"Our security services are in direct contact every week,\" the Russian ambassador said at a press conference.\n\n\
\"We are working on a new agreement on information security, and we hope it will be signed next year.\n\n\
\"It will be a useful mechanism for both countries,\" he added.\n\n\
Lavrentiev praised the joint drills, explaining: \"We have very intense cooperation in the military field.\"\n\n\
Trade between the two countries grew last year, according to Lavrentiev.";

#[test]
fn english_speaker_after_the_quote_and_chains() {
    let qs = quotes(EN_PRESS, "en", AMBASSADOR_EN);
    assert_eq!(qs.len(), 4, "{qs:#?}");
    for prefix in [
        "Our security services",
        "We are working",
        "It will be",
        "We have very intense",
    ] {
        let q = starts(&qs, prefix);
        assert_eq!(q.speaker.as_deref(), Some("p-lavrentiev"), "{q:#?}");
        assert_eq!(q.kind, "direct");
    }
    assert_eq!(
        starts(&qs, "Our security").speaker_text.as_deref(),
        Some("Russian ambassador")
    );
    assert_eq!(starts(&qs, "It will be").cue.as_deref(), Some("added"));
    assert_eq!(
        starts(&qs, "We have very").cue.as_deref(),
        Some("explaining")
    );
}

#[test]
fn multi_paragraph_quote_takes_the_speaker_of_its_end() {
    let specs: &[Spec] = &[
        (
            "p-khan",
            EntityKind::Person,
            "Amina Khan",
            Some("PAK"),
            Some("minister"),
            &["Amina Khan", "Khan"],
        ),
        (
            "p-weber",
            EntityKind::Person,
            "Lena Weber",
            Some("DEU"),
            Some("minister"),
            &["Lena Weber", "Weber"],
        ),
    ];
    let text =
        "Officials meet in the capital for talks\n\nLena Weber said the talks were useful.\n\n\
\"We discussed energy, trade and migration at length.\n\n\
\"We will meet again in Berlin before the end of the year,\" Amina Khan said.";
    let qs = quotes(text, "en", specs);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert!(
        qs.iter().all(|q| q.speaker.as_deref() == Some("p-khan")),
        "{qs:#?}"
    );
}

#[test]
fn unclosed_quote_never_swallows_the_document() {
    let text = "مباحثات أمنية في العاصمة بين الوفدين\n\nوقال الوزير: \"سنواصل التنسيق مع الشركاء الإقليميين في كل الملفات\n\n\
وفي سياق آخر، أعلنت الحكومة خطة جديدة للنقل العام في العاصمة.\n\n\
وقال المتحدث باسم الوزارة: «نرحب بأي مبادرة تدعم الاستقرار في المنطقة».";
    let qs = quotes(text, "ar", &[]);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert!(qs[0].text.ends_with("في كل الملفات"), "{:?}", qs[0].text);
    assert!(qs.iter().all(|q| !q.text.contains("أعلنت الحكومة")));
    let text = "Officials meet in the capital for talks\n\n\"We will keep talking to all sides, the minister said.\n\nIn other news, the government unveiled a transport plan.\n\n\"We welcome any initiative,\" the spokesman said.";
    let qs = quotes(text, "en", &[]);
    assert!(
        qs.iter().all(|q| !q.text.contains("transport plan")),
        "{qs:#?}"
    );
    assert!(qs.iter().any(|q| q.text.starts_with("We welcome")));
}

#[test]
fn according_to_and_guillemets() {
    let specs: &[Spec] = &[(
        "p-saleh",
        EntityKind::Person,
        "Omar Saleh",
        Some("JOR"),
        Some("spokesman"),
        &["عمر صالح"],
    )];
    let text = "مباحثات أمنية في العاصمة بين الوفدين\n\nوبحسب عمر صالح، «فإن المحادثات ستستأنف الأسبوع المقبل في عمان».";
    let qs = quotes(text, "ar", specs);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("p-saleh"));
    let specs: &[Spec] = &[(
        "p-saleh",
        EntityKind::Person,
        "Omar Saleh",
        Some("JOR"),
        Some("spokesman"),
        &["Omar Saleh"],
    )];
    let text = "Officials meet in the capital for talks\n\n“The talks will resume next week in Amman,” according to Omar Saleh.";
    let qs = quotes(text, "en", specs);
    assert_eq!(qs[0].speaker.as_deref(), Some("p-saleh"), "{qs:#?}");
}

#[test]
fn offsets_point_at_the_quoted_words() {
    let qs = quotes(AR_PRESS, "ar", AMBASSADOR_AR);
    let chars: Vec<char> = AR_PRESS.chars().collect();
    for q in &qs {
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
}

#[test]
fn title_in_apposition_is_the_named_person() {
    // the entity stage may keep "the ambassador" apart from the named person it introduces
    let specs: &[Spec] = &[
        (
            "role-amb",
            EntityKind::Person,
            "ambassador",
            Some("RUS"),
            Some("ambassador"),
            &["سفير روسيا", "السفير الروسي"],
        ),
        (
            "p-lavrentiev",
            EntityKind::Person,
            "Ivan Lavrentiev",
            None,
            None,
            &["إيفان لافرنتييف"],
        ),
        (
            "EGY",
            EntityKind::Country,
            "Egypt",
            None,
            None,
            &["المصرية", "المصري"],
        ),
    ];
    let text = "السفير الروسي يتحدث عن التعاون مع مصر\n\n\
أكد سفير روسيا لدى القاهرة، إيفان لافرنتييف، أن البلدين شريكان.\n\n\
وقال السفير الروسي: \"نعمل على اتفاقية جديدة لأمن المعلومات مع الجانب المصري\".\n\n\
وأكد السفير الروسي أن التدريبات المشتركة بين القوات الروسية والمصرية كانت ناجحة، موضحًا: \"لدينا تعاون مكثف في المجال العسكري\".";
    let qs = quotes(text, "ar", specs);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert!(
        qs.iter()
            .all(|q| q.speaker.as_deref() == Some("p-lavrentiev")),
        "{qs:#?}"
    );
    assert_eq!(qs[1].cue.as_deref(), Some("موضحًا"));
}

#[test]
fn according_to_the_statement_is_its_issuer() {
    let specs: &[Spec] = &[
        (
            "EGY-MFA",
            EntityKind::Org,
            "Ministry of Foreign Affairs (Egypt)",
            Some("EGY"),
            None,
            &["وزارة الخارجية المصرية"],
        ),
        (
            "p-envoy",
            EntityKind::Person,
            "Martin Lindqvist",
            None,
            Some("UN envoy"),
            &["مارتن ليندكفيست", "المبعوث الأممي"],
        ),
    ];
    let text = "لقاء في القاهرة بين الوزير والمبعوث\n\n\
جاء ذلك في بيان لوزارة الخارجية المصرية، عقب استقبال وزيرها للمبعوث الأممي مارتن ليندكفيست.\n\n\
ووفق البيان، أشار المبعوث الأممي إلى \"أهمية الحوار بين كل الأطراف في المرحلة المقبلة\".\n\n\
ووفق البيان، \"أكد الجانبان على ضرورة مواصلة التنسيق والتشاور في الفترة المقبلة\".";
    let qs = quotes(text, "ar", specs);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("p-envoy"), "{qs:#?}");
    assert_eq!(qs[1].speaker.as_deref(), Some("EGY-MFA"), "{qs:#?}");
    assert_eq!(qs[1].speaker_text.as_deref(), Some("البيان"));
}
