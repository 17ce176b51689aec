//! Event tests on sentences written for them, with hand-built entity lists.

use crate::doc::{EntityKind, Event};
use crate::quotes::tests::{entities, with_analysis, Spec};

fn events(text: &str, lang: &str, specs: &[Spec]) -> Vec<Event> {
    let ents = entities(text, specs);
    with_analysis(text, lang, |a| {
        let quotes = crate::quotes::extract(a, &ents);
        super::extract(a, &ents, &[], &quotes)
    })
}

/// (type, sorted actors) of each event.
fn tuples(evs: &[Event]) -> Vec<(String, Vec<String>)> {
    evs.iter()
        .map(|e| {
            let mut a: Vec<String> = e.source.iter().chain(&e.target).cloned().collect();
            a.sort();
            (e.kind.clone(), a)
        })
        .collect()
}

fn has(evs: &[Event], kind: &str, actors: &[&str]) -> bool {
    tuples(evs)
        .iter()
        .any(|(k, a)| k == kind && a.iter().map(String::as_str).eq(actors.iter().copied()))
}

const STATES_AR: &[Spec] = &[
    (
        "RUS",
        EntityKind::Country,
        "Russia",
        None,
        None,
        &["روسيا", "الروسي", "الروسية", "روسية", "موسكو"],
    ),
    (
        "EGY",
        EntityKind::Country,
        "Egypt",
        None,
        None,
        &["مصر", "المصري", "المصرية", "مصرية", "القاهرة"],
    ),
    (
        "UKR",
        EntityKind::Country,
        "Ukraine",
        None,
        None,
        &["أوكرانيا"],
    ),
    (
        "UN",
        EntityKind::Org,
        "United Nations",
        None,
        None,
        &["الأمم المتحدة", "الأممي"],
    ),
];

const STATES_EN: &[Spec] = &[
    (
        "RUS",
        EntityKind::Country,
        "Russia",
        None,
        None,
        &["Russia", "Russian"],
    ),
    (
        "EGY",
        EntityKind::Country,
        "Egypt",
        None,
        None,
        &["Egypt", "Egyptian"],
    ),
    (
        "UN",
        EntityKind::Org,
        "United Nations",
        None,
        None,
        &["United Nations"],
    ),
];

const HEAD_AR: &str = "مباحثات بين الجانبين في العاصمة\n\n";
const HEAD_EN: &str = "Officials meet in the capital for talks\n\n";

#[test]
fn event_nouns_with_nisba_adjectives() {
    let t = format!("{HEAD_AR}انطلقت اليوم مباحثات أمنية روسية مصرية لبحث الأوضاع الإقليمية.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "CONSULT", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!(
        "{HEAD_AR}وأكد الوزير أن التدريبات المشتركة بين القوات الروسية والمصرية كانت ناجحة."
    );
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "COOPERATE", &["EGY", "RUS"]), "{evs:#?}");
    assert!(evs
        .iter()
        .any(|e| e.context.contains(&"military".to_string())));
    assert_eq!(evs[0].cameo.as_deref(), Some("062"));
}

#[test]
fn english_subject_and_object() {
    let t = format!("{HEAD_EN}Russia and Egypt held talks on security cooperation on Sunday.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "CONSULT", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt rejected a Russian request to send troops.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(
        tuples(&evs),
        vec![(
            "REJECT".to_string(),
            vec!["EGY".to_string(), "RUS".to_string()]
        )],
        "{evs:#?}"
    );
}

#[test]
fn future_cooperation_is_agree() {
    let t =
        format!("{HEAD_EN}Egypt and Russia will hold joint exercises next year, officials said.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(
        tuples(&evs),
        vec![(
            "AGREE".to_string(),
            vec!["EGY".to_string(), "RUS".to_string()]
        )],
        "{evs:#?}"
    );
    assert_eq!(evs[0].mode, "intended");
    assert_eq!(evs[0].cameo.as_deref(), Some("0312"));
    let t = format!("{HEAD_AR}وقال الوزير إن مصر وروسيا تأملان في توسيع التعاون بين البلدين، ونأمل أن يزداد التعاون مع روسيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(evs.iter().all(|e| e.kind == "AGREE"), "{evs:#?}");
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn praise_and_signing_are_support() {
    let t = format!("{HEAD_AR}ورحبت روسيا برفض مصر إرسال أسلحة إلى أوكرانيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
    assert!(has(&evs, "REJECT", &["EGY"]), "{evs:#?}");
    // what was refused is not an event of its own
    assert!(!evs.iter().any(|e| e.kind == "AID"), "{evs:#?}");
    let t = format!("{HEAD_EN}Russia and Egypt signed an agreement on nuclear energy.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(
        tuples(&evs),
        vec![(
            "SUPPORT".to_string(),
            vec!["EGY".to_string(), "RUS".to_string()]
        )],
        "{evs:#?}"
    );
    assert_eq!(evs[0].cameo.as_deref(), Some("057"));
}

#[test]
fn agreed_to_cooperate_is_one_fact() {
    let t = format!("{HEAD_AR}واتفقت مصر والأمم المتحدة على تبادل المعلومات بشأن الجماعات المسلحة.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(
        tuples(&evs),
        vec![(
            "AGREE".to_string(),
            vec!["EGY".to_string(), "UN".to_string()]
        )],
        "{evs:#?}"
    );
    let t = format!("{HEAD_EN}Egypt agreed to cooperate with the United Nations on refugees.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(
        tuples(&evs),
        vec![(
            "AGREE".to_string(),
            vec!["EGY".to_string(), "UN".to_string()]
        )],
        "{evs:#?}"
    );
}

#[test]
fn no_event_without_actors_and_no_lone_meeting() {
    let t = format!("{HEAD_AR}وعقد اجتماع منتظم في الصباح لبحث التفاصيل.");
    assert!(events(&t, "ar", STATES_AR).is_empty());
    let t = format!("{HEAD_EN}Russia says cooperation is at an advanced stage.");
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn venues_are_not_actors() {
    let t = format!(
        "{HEAD_EN}There is great cooperation between Russia and Egypt at the United Nations."
    );
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(
        tuples(&evs),
        vec![(
            "COOPERATE".to_string(),
            vec!["EGY".to_string(), "RUS".to_string()]
        )],
        "{evs:#?}"
    );
}

#[test]
fn refusals_negation_and_leaks() {
    let t = format!("{HEAD_AR}ورفضت مصر طلبات من روسيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "REJECT", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt did not sign the agreement with Russia.");
    let evs = events(&t, "en", STATES_EN);
    assert!(evs.iter().all(|e| e.mode == "negated"), "{evs:#?}");
    let t = format!("{HEAD_AR}وكشفت وثائق مسربة أن مصر وافقت على تزويد روسيا بالذخيرة.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(
        !evs.is_empty() && evs.iter().all(|e| e.mode == "reported"),
        "{evs:#?}"
    );
}

#[test]
fn speaker_of_a_quote_is_an_actor() {
    let specs: &[Spec] = &[
        (
            "RUS",
            EntityKind::Country,
            "Russia",
            None,
            None,
            &["الروسي"],
        ),
        ("EGY", EntityKind::Country, "Egypt", None, None, &["مصر"]),
        (
            "p-amb",
            EntityKind::Person,
            "Ivan Lavrentiev",
            Some("RUS"),
            Some("ambassador"),
            &["إيفان لافرنتييف"],
        ),
    ];
    let t = format!("{HEAD_AR}وقال السفير الروسي إيفان لافرنتييف: \"نأمل في توسيع التعاون مع مصر خلال العام المقبل\".");
    let evs = events(&t, "ar", specs);
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
    assert_eq!(evs[0].mode, "hoped");
}
