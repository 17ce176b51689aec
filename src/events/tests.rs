//! Event tests on sentences written for them, with hand-built entity lists.

use crate::doc::{EntityKind, Event, EventMode, EventType};
use crate::fixtures::{entities, with_analysis, Spec};

fn events(text: &str, lang: &str, specs: &[Spec]) -> Vec<Event> {
    let ents = entities(text, specs);
    with_analysis(text, lang, |a| {
        // the quotation stage runs first, as in the pipeline: a speaker takes part in events
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
            (e.kind.to_string(), a)
        })
        .collect()
}

/// The tuples of a single event of `kind` between sorted `actors`.
fn one(kind: &str, actors: &[&str]) -> Vec<(String, Vec<String>)> {
    vec![(
        kind.to_string(),
        actors.iter().map(|a| a.to_string()).collect(),
    )]
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
    assert_eq!(tuples(&evs), one("REJECT", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn future_cooperation_is_agree() {
    let t =
        format!("{HEAD_EN}Egypt and Russia will hold joint exercises next year, officials said.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("AGREE", &["EGY", "RUS"]), "{evs:#?}");
    assert_eq!(evs[0].mode, EventMode::Intended);
    assert_eq!(evs[0].cameo.as_deref(), Some("0312"));
    let t = format!("{HEAD_AR}وقال الوزير إن مصر وروسيا تأملان في توسيع التعاون بين البلدين، ونأمل أن يزداد التعاون مع روسيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(evs.iter().all(|e| e.kind == EventType::Agree), "{evs:#?}");
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn praise_and_signing_are_support() {
    let t = format!("{HEAD_AR}ورحبت روسيا برفض مصر إرسال أسلحة إلى أوكرانيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
    // Egypt's refusal, aimed at the story's other party
    assert!(has(&evs, "REJECT", &["EGY", "UKR"]), "{evs:#?}");
    let (source, _) = parties(&evs, "REJECT");
    assert_eq!(source, vec!["EGY".to_string()], "{evs:#?}");
    // what was refused is not an event of its own
    assert!(!evs.iter().any(|e| e.kind == EventType::Aid), "{evs:#?}");
    let t = format!("{HEAD_EN}Russia and Egypt signed an agreement on nuclear energy.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
    assert_eq!(evs[0].cameo.as_deref(), Some("057"));
}

#[test]
fn agreed_to_cooperate_is_one_fact() {
    let t = format!("{HEAD_AR}واتفقت مصر والأمم المتحدة على تبادل المعلومات بشأن الجماعات المسلحة.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("AGREE", &["EGY", "UN"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt agreed to cooperate with the United Nations on refugees.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("AGREE", &["EGY", "UN"]), "{evs:#?}");
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
    assert_eq!(tuples(&evs), one("COOPERATE", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn refusals_negation_and_leaks() {
    let t = format!("{HEAD_AR}ورفضت مصر طلبات من روسيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "REJECT", &["EGY", "RUS"]), "{evs:#?}");
    // what did not happen is no event
    let t = format!("{HEAD_EN}Egypt did not sign the agreement with Russia.");
    assert!(events(&t, "en", STATES_EN).is_empty());
    let t = format!("{HEAD_AR}ولم تهاجم مصر روسيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(evs.is_empty(), "{evs:#?}");
    let t = format!("{HEAD_AR}وكشفت وثائق مسربة أن مصر وافقت على تزويد روسيا بالذخيرة.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(
        !evs.is_empty() && evs.iter().all(|e| e.mode == EventMode::Reported),
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
    assert_eq!(evs[0].mode, EventMode::Hoped);
}

/// The source and target of the only event of a kind.
fn parties(evs: &[Event], kind: &str) -> (Vec<String>, Vec<String>) {
    let e = evs
        .iter()
        .find(|e| e.kind.as_str() == kind)
        .unwrap_or_else(|| panic!("no {kind}: {evs:#?}"));
    (e.source.clone(), e.target.clone())
}

/// The first event of type `kind` has these sources and targets, in order.
fn assert_parties(evs: &[Event], kind: &str, source: &[&str], target: &[&str]) {
    let (s, t) = parties(evs, kind);
    assert!(
        s == source && t == target,
        "{kind}: {s:?} -> {t:?}: {evs:#?}"
    );
}

fn more_states<'s>(extra: &'s [Spec<'s>]) -> Vec<Spec<'s>> {
    let mut v: Vec<Spec> = STATES_EN.to_vec();
    v.extend_from_slice(extra);
    v
}

#[test]
fn inflected_triggers_and_arabic_future() {
    let t = format!("{HEAD_EN}Egypt criticizes Russia over the delay and is hosting talks.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "ACCUSE", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_AR}وسيستقبل الرئيس المصري نظيره الروسي في القاهرة الأسبوع المقبل.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
    assert_eq!(evs[0].mode, EventMode::Intended);
    let t = format!("{HEAD_AR}وأشادت روسيا بدور مصر، واستقبلته القاهرة بترحيب.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn declining_to_agree_is_a_refusal() {
    let t = format!("{HEAD_EN}Egypt will not accept the Russian proposal on grain.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("REJECT", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_AR}ولن توافق مصر على المقترح الروسي بشأن الحبوب.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "REJECT", &["EGY", "RUS"]), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Agree), "{evs:#?}");
}

#[test]
fn a_title_between_nationality_and_name_is_one_actor() {
    let specs = more_states(&[
        (
            "p-shoukry",
            EntityKind::Person,
            "Sameh Shoukry",
            Some("EGY"),
            Some("foreign minister"),
            &["Sameh Shoukry"],
        ),
        (
            "p-lavrov",
            EntityKind::Person,
            "Sergei Lavrov",
            Some("RUS"),
            Some("foreign minister"),
            &["Sergei Lavrov"],
        ),
    ]);
    let t = format!("{HEAD_EN}Egyptian Foreign Minister Sameh Shoukry and Russian Foreign Minister Sergei Lavrov on Monday signed a memorandum of cooperation.");
    let evs = events(&t, "en", &specs);
    // the cooperation signed is the same fact as the signing
    assert_eq!(tuples(&evs), one("SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn english_subject_past_an_apposition_and_passives() {
    let t = format!("{HEAD_EN}Egypt, the most populous Arab country and a close partner of the United Nations, has refused to send troops.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(
        parties(&evs, "REJECT").0,
        vec!["EGY".to_string()],
        "{evs:#?}"
    );
    let t = format!("{HEAD_EN}An Egyptian delegation led by the speaker of parliament was received by the Russian president on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert_parties(&evs, "CONSULT", &["RUS"], &["EGY"]);
    // a preposition's object is not the subject
    let t = format!("{HEAD_EN}In a letter sent to the United Nations last week, officials in the capital promised restraint.");
    let evs = events(&t, "en", STATES_EN);
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_visit_to_a_place_has_the_place_state_as_host() {
    let specs = more_states(&[(
        "cairo",
        EntityKind::Location,
        "Cairo",
        Some("EGY"),
        None,
        &["Cairo"],
    )]);
    let t = format!("{HEAD_EN}The Russian foreign minister arrived in Cairo on Sunday on an official visit lasting two days.");
    let evs = events(&t, "en", &specs);
    assert_parties(&evs, "CONSULT", &["RUS"], &["EGY"]);
    let t = format!("{HEAD_EN}Russia's visit to Egypt was postponed.");
    let evs = events(&t, "en", STATES_EN);
    assert_parties(&evs, "CONSULT", &["RUS"], &["EGY"]);
}

#[test]
fn the_pair_after_between_belongs_to_the_trigger() {
    let t = format!("{HEAD_EN}The United Nations launched a mediation effort on Saturday between Egypt and Russia.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "CONSULT", &["EGY", "RUS", "UN"]), "{evs:#?}");
    assert_eq!(evs[0].cameo.as_deref(), Some("045"));
}

#[test]
fn agreed_to_provide_aid_is_one_commitment() {
    let t = format!("{HEAD_EN}Russia agreed in principle on Saturday to provide about 70 million dollars of aid for Egypt.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("AGREE", &["EGY", "RUS"]), "{evs:#?}");
    // a unilateral promise needs no other party
    let t = format!("{HEAD_EN}Russia will withdraw its troops from the border next month.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("AGREE", &["RUS"]));
}

const MINISTRY: &[Spec] = &[
    (
        "role-interior-minister",
        EntityKind::Person,
        "interior minister",
        None,
        Some("interior minister"),
        &["وزير الداخلية"],
    ),
    (
        "UN",
        EntityKind::Org,
        "United Nations",
        None,
        None,
        &["الأمم المتحدة"],
    ),
];

#[test]
fn a_role_acts_for_the_state_of_its_ministry() {
    let mut specs = MINISTRY.to_vec();
    specs.push((
        "EGY-MOI",
        EntityKind::Org,
        "Ministry of Interior (Egypt)",
        Some("EGY"),
        None,
        &["وزارة الداخلية"],
    ));
    let t = format!(
        "{HEAD_AR}وذكرت وزارة الداخلية في بيان أن وزير الداخلية استقبل وفدا من الأمم المتحدة."
    );
    let evs = events(&t, "ar", &specs);
    assert!(has(&evs, "CONSULT", &["EGY", "UN"]), "{evs:#?}");
    // with no state in sight the role is no actor at all
    let t = format!("{HEAD_AR}واستقبل وزير الداخلية وفدا من الأمم المتحدة.");
    let evs = events(&t, "ar", MINISTRY);
    assert!(
        evs.iter().all(|e| !e
            .source
            .iter()
            .chain(&e.target)
            .any(|a| a.starts_with("role-"))),
        "{evs:#?}"
    );
}

#[test]
fn a_heading_noun_with_one_nationality_is_no_event() {
    let t = format!("{HEAD_AR}إشادة روسية\n\nوقال المتحدث إن الاجتماع كان مثمرا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(evs.is_empty(), "{evs:#?}");
    let t = format!(
        "{HEAD_EN}Russian praise\n\nThe spokesman said the need for cooperation was clear."
    );
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn words_of_names_and_listed_phrases_are_no_triggers() {
    let mut specs = STATES_AR.to_vec();
    specs.push((
        "OIC",
        EntityKind::Org,
        "Organisation of Islamic Cooperation",
        None,
        None,
        &["منظمة التعاون الإسلامي"],
    ));
    let t = format!("{HEAD_AR}وقالت منظمة التعاون الإسلامي إن مصر وروسيا عضوان فيها.");
    assert!(events(&t, "ar", &specs).is_empty());
    let t = format!("{HEAD_AR}وغادر آلاف من مصر بحثا عن عمل في روسيا.");
    assert!(events(&t, "ar", STATES_AR).is_empty());
    let t = format!("{HEAD_EN}Egypt said money supply in Russia grew fast.");
    assert!(events(&t, "en", STATES_EN).is_empty());
    // economic demand, offered rates and share offerings, a question, a centrifuge, an ambush
    let t = format!(
        "{HEAD_EN}Egypt said domestic demand in Russia fell, hurting the offering of shares."
    );
    assert!(events(&t, "en", STATES_EN).is_empty());
    let t = format!("{HEAD_EN}Asked why Egypt was first approaching Russia, the minister smiled.");
    assert!(events(&t, "en", STATES_EN).is_empty());
    let t = format!("{HEAD_AR}وقالت مصر إن روسيا طورت أجهزة طرد مركزي جديدة.");
    assert!(events(&t, "ar", STATES_AR).is_empty());
    let t = format!("{HEAD_AR}وقال مسؤول في مصر إن جنودا من روسيا وقعوا في كمين.");
    assert!(events(&t, "ar", STATES_AR).is_empty());
    // a verb form after an article is a noun or an adjective
    let t = format!("{HEAD_EN}Egypt began to pay the agreed surcharge on Russian wheat.");
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn aid_needs_a_giver_and_a_receiver_and_bare_names_are_no_actors() {
    let t = format!("{HEAD_EN}Russia will provide more details next week.");
    assert!(events(&t, "en", STATES_EN).is_empty());
    let t = format!("{HEAD_EN}Russia will give Egypt a grant of 50 million dollars.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
    let specs = more_states(&[(
        "p-smith",
        EntityKind::Person,
        "John Smith",
        None,
        None,
        &["John Smith"],
    )]);
    let t = format!("{HEAD_EN}John Smith resigned and praised the board.");
    assert!(events(&t, "en", &specs).is_empty());
}

#[test]
fn both_sides_are_the_last_parties_that_dealt_together() {
    let t = format!("{HEAD_EN}Egypt and Russia held talks on Sunday. Gunmen attacked Russia and Egypt last year.\n\nBoth sides agreed to meet again.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
    let mut specs = STATES_AR.to_vec();
    specs.push((
        "ISIS",
        EntityKind::Org,
        "Islamic State",
        None,
        None,
        &["داعش"],
    ));
    specs.push(("AQ", EntityKind::Org, "al-Qaeda", None, None, &["القاعدة"]));
    let t = format!("{HEAD_AR}والتقى وزير الخارجية المصري نظيره الروسي في موسكو. وشن داعش والقاعدة هجمات على مصر.\n\nوأعرب الجانبان عن تقديرهما للجهود المشتركة.");
    let evs = events(&t, "ar", &specs);
    assert!(
        evs.iter()
            .all(|e| !e.source.iter().chain(&e.target).any(|a| a == "ISIS")
                || e.kind == EventType::Assault),
        "{evs:#?}"
    );
}

/// States of the conflict tests, with a person whose state the document does not give and a
/// news agency of no state.
const CONFLICT_EN: &[Spec] = &[
    (
        "IRN",
        EntityKind::Country,
        "Iran",
        None,
        None,
        &["Iran", "Iranian", "Tehran"],
    ),
    (
        "USA",
        EntityKind::Country,
        "United States",
        None,
        None,
        &["United States", "U.S.", "Washington"],
    ),
    ("GRC", EntityKind::Country, "Greece", None, None, &["Greek"]),
    (
        "person-karim-nadir",
        EntityKind::Person,
        "Karim Nadir",
        None,
        Some("foreign minister"),
        &["Karim Nadir"],
    ),
    (
        "REUTERS",
        EntityKind::Org,
        "Reuters",
        None,
        None,
        &["Reuters"],
    ),
];

const CONFLICT_AR: &[Spec] = &[
    (
        "IRN",
        EntityKind::Country,
        "Iran",
        None,
        None,
        &["إيران", "الإيرانية", "طهران"],
    ),
    (
        "USA",
        EntityKind::Country,
        "United States",
        None,
        None,
        &["الولايات المتحدة", "واشنطن", "الأمريكية"],
    ),
    (
        "GRC",
        EntityKind::Country,
        "Greece",
        None,
        None,
        &["اليونانية"],
    ),
    (
        "person-karim-nadir",
        EntityKind::Person,
        "Karim Nadir",
        None,
        Some("foreign minister"),
        &["كريم نادر"],
    ),
    (
        "REUTERS",
        EntityKind::Org,
        "Reuters",
        None,
        None,
        &["رويترز"],
    ),
];

#[test]
fn a_person_beside_states_counts_as_one_of_them() {
    let t =
        format!("{HEAD_EN}Washington held talks with Iran and its envoy Karim Nadir on Monday.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert_eq!(tuples(&evs), one("CONSULT", &["IRN", "USA"]), "{evs:#?}");
    let t = format!("{HEAD_AR}وعقدت واشنطن محادثات مع إيران ومبعوثها كريم نادر يوم الاثنين.");
    let evs = events(&t, "ar", CONFLICT_AR);
    assert_eq!(tuples(&evs), one("CONSULT", &["IRN", "USA"]), "{evs:#?}");
}

#[test]
fn a_news_agency_is_no_party() {
    let t = format!("{HEAD_EN}TEHRAN (Reuters) - Iran and the United States agreed on a prisoner swap, officials said.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(has(&evs, "AGREE", &["IRN", "USA"]), "{evs:#?}");
    assert!(
        evs.iter()
            .all(|e| !e.source.iter().chain(&e.target).any(|a| a == "REUTERS")),
        "{evs:#?}"
    );
    let t = format!("{HEAD_AR}ولم ترد إيران على طلب لرويترز للتعليق.");
    let evs = events(&t, "ar", CONFLICT_AR);
    assert!(
        evs.iter()
            .all(|e| !e.source.iter().chain(&e.target).any(|a| a == "REUTERS")),
        "{evs:#?}"
    );
}

#[test]
fn a_directed_event_with_one_side_takes_the_story_other_party() {
    // the story is about Iran and the United States; the demand names Iran only
    let t = format!(
        "{HEAD_EN}The United States said Iran seized a tanker. Washington condemned the move. \
         The statement called on Iran to release the vessel at once."
    );
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(has(&evs, "REQUEST", &["IRN", "USA"]), "{evs:#?}");
    let t = format!(
        "{HEAD_AR}وقالت الولايات المتحدة إن إيران احتجزت ناقلة نفط. وأدانت واشنطن الخطوة. \
         ودعت طهران إلى الإفراج الفوري عن الناقلة."
    );
    let evs = events(&t, "ar", CONFLICT_AR);
    assert!(has(&evs, "REQUEST", &["IRN", "USA"]), "{evs:#?}");
}

#[test]
fn seizures_strikes_and_ultimatums_are_coded() {
    let t = format!("{HEAD_EN}Iran seized a Greek tanker in the Gulf on Thursday.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(has(&evs, "COERCE", &["GRC", "IRN"]), "{evs:#?}");
    assert_eq!(evs[0].cameo.as_deref(), Some("1711"));
    let t = format!("{HEAD_AR}واحتجزت إيران ناقلة النفط اليونانية في الخليج يوم الخميس.");
    let evs = events(&t, "ar", CONFLICT_AR);
    assert!(has(&evs, "COERCE", &["GRC", "IRN"]), "{evs:#?}");
    let t = format!("{HEAD_EN}The United States carried out air strikes on Iranian positions.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(has(&evs, "ASSAULT", &["IRN", "USA"]), "{evs:#?}");
    let t = format!("{HEAD_AR}شنت الولايات المتحدة غارات على مواقع إيرانية فجر اليوم.");
    let evs = events(&t, "ar", CONFLICT_AR);
    assert!(evs.iter().any(|e| e.kind == EventType::Assault), "{evs:#?}");
    let t = format!("{HEAD_EN}Washington issued an ultimatum to Iran to stop enrichment.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(has(&evs, "THREATEN", &["IRN", "USA"]), "{evs:#?}");
    let t = format!("{HEAD_AR}وأمهلت واشنطن إيران أسبوعا لوقف التخصيب.");
    let evs = events(&t, "ar", CONFLICT_AR);
    assert!(has(&evs, "THREATEN", &["IRN", "USA"]), "{evs:#?}");
}

#[test]
fn a_condition_is_no_event() {
    let t = format!("{HEAD_EN}Iran said any attack by the United States would meet a response.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Assault),
        "{evs:#?}"
    );
    let t = format!("{HEAD_EN}Iran will respond if the United States attacks its ships.");
    let evs = events(&t, "en", CONFLICT_EN);
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Assault),
        "{evs:#?}"
    );
    let t = format!("{HEAD_AR}وقالت إيران إنها سترد إذا هاجمت الولايات المتحدة سفنها.");
    let evs = events(&t, "ar", CONFLICT_AR);
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Assault),
        "{evs:#?}"
    );
}

#[test]
fn one_event_per_type_parties_and_day() {
    let t = format!(
        "{HEAD_EN}Iran and the United States held talks in Oman.\n\nThe talks between Iran and \
         the United States lasted three hours."
    );
    let evs = events(&t, "en", CONFLICT_EN);
    assert_eq!(tuples(&evs), one("CONSULT", &["IRN", "USA"]), "{evs:#?}");
    // the first is kept, with its own sentence and trigger
    assert_eq!(evs[0].trigger, "held talks");
}

#[test]
fn arriving_in_a_place_is_a_visit_to_its_state() {
    let place = |name: &'static str, surface: &'static [&'static str]| -> Spec<'static> {
        (
            "place",
            EntityKind::Location,
            name,
            Some("EGY"),
            None,
            surface,
        )
    };
    let extra = [place("Alexandria", &["Alexandria"])];
    let specs = more_states(&extra);
    let t = format!("{HEAD_EN}The Russian president arrives in Alexandria for a two-day stay.");
    let evs = events(&t, "en", &specs);
    assert_parties(&evs, "CONSULT", &["RUS"], &["EGY"]);
    let mut specs: Vec<Spec> = STATES_AR.to_vec();
    specs.push(place("Alexandria", &["الإسكندرية"]));
    let t = format!("{HEAD_AR}ووصل الرئيس الروسي إلى الإسكندرية صباح اليوم في زيارة تستمر يومين.");
    let evs = events(&t, "ar", &specs);
    assert!(has(&evs, "CONSULT", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn a_commitment_with_one_side_is_made_to_the_story_other_party() {
    // the story is about Egypt's talks with Russia; the agreement names Russia only
    let t = format!(
        "{HEAD_EN}Egypt sent its foreign minister to Russia in April. Egypt said the visit went \
         well. Russia agreed then on a timetable to raise the level of ties."
    );
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!(
        "{HEAD_AR}أرسلت مصر وزير خارجيتها إلى روسيا في أبريل. وقالت مصر إن الزيارة كانت ناجحة. \
         ووافقت موسكو على جدول زمني لرفع مستوى العلاقات."
    );
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn an_arabic_verb_before_its_subject_has_its_source_after_it() {
    let t = format!("{HEAD_AR}واتهمت روسيا يوم الأحد أوكرانيا بخرق الهدنة.");
    let evs = events(&t, "ar", STATES_AR);
    assert_parties(&evs, "ACCUSE", &["RUS"], &["UKR"]);
    // a verb further on continues the subject named before it: the name after it is its object
    let t = format!("{HEAD_AR}وقالت روسيا في بيان طويل صدر مساء أمس عن الخارجية إنها ستدرس الأمر، ودعت أوكرانيا إلى الحوار.");
    let evs = events(&t, "ar", STATES_AR);
    assert_parties(&evs, "REQUEST", &["RUS"], &["UKR"]);
    // the subject first, as in English: the same roles
    let t = format!("{HEAD_AR}وروسيا اتهمت أوكرانيا بخرق الهدنة.");
    let evs = events(&t, "ar", STATES_AR);
    assert_parties(&evs, "ACCUSE", &["RUS"], &["UKR"]);
    let t = format!("{HEAD_EN}Russia accused Ukraine of breaking the truce.");
    let evs = events(&t, "en", STATES_EN_UKR);
    assert_parties(&evs, "ACCUSE", &["RUS"], &["UKR"]);
}

#[test]
fn the_second_half_of_a_hyphenated_compound_is_no_event() {
    let t = format!("{HEAD_EN}Russia-backed fighters crossed into Egypt on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Support),
        "{evs:#?}"
    );
    // the verb itself still is
    let t = format!("{HEAD_EN}Russia backed Egypt on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
}

const STATES_EN_UKR: &[Spec] = &[
    (
        "RUS",
        EntityKind::Country,
        "Russia",
        None,
        None,
        &["Russia", "Russian"],
    ),
    (
        "UKR",
        EntityKind::Country,
        "Ukraine",
        None,
        None,
        &["Ukraine"],
    ),
];

#[test]
fn what_follows_a_demand_is_what_was_asked() {
    let t = format!("{HEAD_EN}Egypt called on Russia to release the detained sailors.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("REQUEST", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_AR}ودعت مصر روسيا إلى الإفراج عن البحارة المحتجزين.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("REQUEST", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn a_vow_to_attack_is_a_threat() {
    let t = format!("{HEAD_EN}Russia vowed to attack Egyptian ships in the strait.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("THREATEN", &["EGY", "RUS"]), "{evs:#?}");
    assert_eq!(parties(&evs, "THREATEN").0, vec!["RUS".to_string()]);
    let t = format!("{HEAD_AR}وتعهدت روسيا بقصف السفن المصرية في المضيق.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("THREATEN", &["EGY", "RUS"]), "{evs:#?}");
    // a commitment to something else than the hostile act stays a commitment
    let t = format!("{HEAD_EN}Egypt is prepared to lift the ban on Russian grain.");
    let evs = events(&t, "en", STATES_EN);
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Threaten),
        "{evs:#?}"
    );
}

#[test]
fn a_relative_clause_after_a_comma_is_background() {
    let t = format!("{HEAD_EN}Russia, which seized the port last year, condemned Egypt on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("ACCUSE", &["EGY", "RUS"]), "{evs:#?}");
    assert_eq!(parties(&evs, "ACCUSE").0, vec!["RUS".to_string()]);
}

#[test]
fn a_partner_named_with_coordination_acts_with_the_subject() {
    let t = format!("{HEAD_AR}قصفت روسيا أوكرانيا بالتنسيق مع مصر.");
    let evs = events(&t, "ar", STATES_AR);
    let (source, target) = parties(&evs, "ASSAULT");
    assert_eq!(
        source,
        vec!["RUS".to_string(), "EGY".to_string()],
        "{evs:#?}"
    );
    assert_eq!(target, vec!["UKR".to_string()], "{evs:#?}");
    // "in cooperation with" says how, it is no cooperation of its own
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Cooperate),
        "{evs:#?}"
    );
    let t = format!("{HEAD_EN}Russia attacked a United Nations convoy in coordination with Egypt.");
    let evs = events(&t, "en", STATES_EN);
    let (source, target) = parties(&evs, "ASSAULT");
    assert_eq!(
        source,
        vec!["RUS".to_string(), "EGY".to_string()],
        "{evs:#?}"
    );
    assert_eq!(target, vec!["UN".to_string()], "{evs:#?}");
    let t = format!("{HEAD_EN}Russia signed the accord in cooperation with Egypt.");
    let evs = events(&t, "en", STATES_EN);
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Cooperate),
        "{evs:#?}"
    );
}

#[test]
fn a_reported_event_noun_is_not_the_speakers() {
    // "Russia said that the attack …": the attack is not Russia's
    let t = format!("{HEAD_EN}Russia said that the attack on Egypt was a grave mistake.");
    let evs = events(&t, "en", STATES_EN);
    assert!(
        !evs.iter()
            .any(|e| e.kind == EventType::Assault && e.source.contains(&"RUS".to_string())),
        "{evs:#?}"
    );
    let t = format!("{HEAD_AR}وقالت روسيا إن الهجوم على مصر كان خطأ جسيما.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(
        !evs.iter()
            .any(|e| e.kind == EventType::Assault && e.source.contains(&"RUS".to_string())),
        "{evs:#?}"
    );
}

#[test]
fn the_dateline_city_is_no_party() {
    let cairo = |surface: &'static [&'static str]| -> Vec<Spec> {
        let mut specs = vec![(
            "cairo",
            EntityKind::Location,
            "Cairo",
            Some("EGY"),
            None,
            surface,
        )];
        specs.push(("EGY", EntityKind::Country, "Egypt", None, None, surface));
        specs
    };
    let t = format!("{HEAD_EN}CAIRO, May 3 (Reuters) - An air strike killed four people near the border on Monday.");
    let evs = events(&t, "en", &cairo(&["CAIRO"]));
    assert!(evs.is_empty(), "{evs:#?}");
    let t = format!("{HEAD_AR}القاهرة - قصفت طائرات مسيرة قافلة قرب الحدود يوم الاثنين.");
    let evs = events(&t, "ar", &cairo(&["القاهرة"]));
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_verb_with_its_subject_before_it_takes_one_object() {
    let t = format!("{HEAD_AR}مصر ترحب بالقرار الروسي بشأن الأمم المتحدة.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt hails Russia's decision ahead of the United Nations vote.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("SUPPORT", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn restoring_diplomatic_relations_is_cooperation() {
    let t = format!("{HEAD_EN}Egypt and Russia restored diplomatic relations on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("COOPERATE", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_AR}مصر وروسيا ترفعان العلاقات الدبلوماسية إلى مستوى السفراء.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("COOPERATE", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn an_announced_act_takes_no_other_party_from_the_story() {
    // the story is Egypt's; Russia's announced withdrawal names no other side
    let t = format!(
        "{HEAD_EN}Egypt held talks with Russia on Monday. Egypt praised the talks. Russian troops \
         will withdraw from the border next month."
    );
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "AGREE", &["RUS"]), "{evs:#?}");
    assert!(!has(&evs, "AGREE", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn a_company_is_no_party() {
    let specs = more_states(&[(
        "org-acme-trading-corp",
        EntityKind::Org,
        "Acme Trading Corp",
        Some("EGY"),
        None,
        &["Acme Trading Corp"],
    )]);
    let t = format!("{HEAD_EN}Acme Trading Corp agreed to supply grain to Russia.");
    let evs = events(&t, "en", &specs);
    assert!(
        !evs.iter().any(|e| e.source.contains(&"EGY".to_string())),
        "{evs:#?}"
    );
    // a press release, a question declined: no event
    let t = format!("{HEAD_EN}Russia declined to comment, Egypt said in a press release.");
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn what_an_act_is_against_is_its_target() {
    let t = format!("{HEAD_AR}ونفذت مصر تسع ضربات جوية ضد روسيا أمس.");
    let evs = events(&t, "ar", STATES_AR);
    assert_parties(&evs, "ASSAULT", &["EGY"], &["RUS"]);
    let t = format!("{HEAD_EN}Egypt launched new air strikes against Russia on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert_parties(&evs, "ASSAULT", &["EGY"], &["RUS"]);
    // the coalition is no actor: an attack with no doer named is no event, and what it is
    // against is never its doer
    let t = format!("{HEAD_AR}ونفذت قوات التحالف ضد روسيا تسع ضربات جوية أمس.");
    assert!(events(&t, "ar", STATES_AR).is_empty());
    let t = format!("{HEAD_EN}The campaign against Russia brought new air strikes on Monday.");
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn asking_not_to_be_named_is_no_request() {
    let t = format!("{HEAD_AR}وقال مسؤول روسي طلب عدم نشر اسمه إن الحدود مع مصر مفتوحة.");
    assert!(events(&t, "ar", STATES_AR).is_empty());
    let t = format!(
        "{HEAD_EN}A Russian official who declined to be named said the border with Egypt was open."
    );
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn closing_airspace_and_an_ultimatum() {
    let t = format!("{HEAD_EN}Russia closed the airspace on Sunday.");
    let evs = events(&t, "en", STATES_EN);
    assert!(
        evs.iter().any(|e| e.kind == EventType::Sanction),
        "{evs:#?}"
    );
    let t = format!("{HEAD_AR}وقالت مصر إن روسيا أغلقت مجالها الجوي أمام الطائرات المصرية.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "SANCTION", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt was given one week by Russia to withdraw its forces.");
    let evs = events(&t, "en", STATES_EN);
    assert!(has(&evs, "THREATEN", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn non_political_senses_of_trigger_words_code_nothing() {
    let ar = [
        // a woman's name, an occurrence, an invitation, a match, a player's contract
        "وقالت الفنانة وعد إن روسيا ستكون محطتها المقبلة بعد مصر.",
        "ووقع انفجار قرب سفارة روسيا في القاهرة أمس.",
        "ودعا السفير الروسي وزير الخارجية المصري إلى حفل زفاف ابنته.",
        "وفازت مصر على روسيا في المباراة التي استضافتها القاهرة.",
        "وأعلن نادي موسكو أن اللاعب المصري وقع عقدا معه لثلاثة مواسم.",
    ];
    for s in ar {
        let evs = events(&format!("{HEAD_AR}{s}"), "ar", STATES_AR);
        assert!(evs.is_empty(), "{s}: {evs:#?}");
    }
    let en = [
        "Egypt hosts Russia in a football friendly on Friday.",
        "The Egyptian striker signed for a Russian club on Monday.",
        "Russian oil demand fell while Egyptian gas supply rose.",
        "A Russian firm made a takeover offer for an Egyptian bank.",
    ];
    for s in en {
        let evs = events(&format!("{HEAD_EN}{s}"), "en", STATES_EN);
        assert!(evs.is_empty(), "{s}: {evs:#?}");
    }
}

#[test]
fn political_senses_of_the_same_words_stay_events() {
    let t = format!("{HEAD_AR}ووعدت روسيا مصر بمساعدات عسكرية.");
    assert!(!events(&t, "ar", STATES_AR).is_empty());
    let t = format!("{HEAD_AR}ووقعت روسيا ومصر اتفاقا للتعاون العسكري.");
    assert!(!events(&t, "ar", STATES_AR).is_empty());
    // a call made during a ceremony is still a call
    let t =
        format!("{HEAD_AR}ودعا وزير الخارجية المصري خلال حفل في القاهرة روسيا إلى وقف إطلاق النار.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(has(&evs, "REQUEST", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt demanded that Russia withdraw its troops.");
    let evs = events(&t, "en", STATES_EN);
    assert!(evs.iter().any(|e| e.kind == EventType::Request), "{evs:#?}");
}

#[test]
fn the_owner_of_a_verbal_noun_in_construct_is_its_doer() {
    // "قصف X لY": X's shelling of Y, whatever group stands before it
    for s in [
        "وأسفر قصف روسيا لأوكرانيا عن مقتل عشرة مدنيين.",
        "وتابعت مصر أمس قصف روسيا لأوكرانيا.",
    ] {
        let evs = events(&format!("{HEAD_AR}{s}"), "ar", STATES_AR);
        let (source, target) = parties(&evs, "ASSAULT");
        assert_eq!(source, vec!["RUS".to_string()], "{s}: {evs:#?}");
        assert_eq!(target, vec!["UKR".to_string()], "{s}: {evs:#?}");
    }
}

#[test]
fn a_rotating_presidency_is_no_league() {
    // "الدوري" is also "rotating": only the league's own names put a sentence in sport
    let t = format!("{HEAD_AR}ودعت مصر الرئيس الدوري لمجلس الأمن إلى زيارة روسيا.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(evs.iter().any(|e| e.kind == EventType::Request), "{evs:#?}");
}

/// Russia, Egypt and Ukraine in English.
fn three_states_en() -> Vec<Spec<'static>> {
    more_states(&STATES_EN_UKR[1..])
}

#[test]
fn an_agentless_passive_names_no_doer() {
    let specs = three_states_en();
    let t = format!("{HEAD_EN}The Egyptian embassy in Kyiv was attacked on Sunday night.");
    assert!(events(&t, "en", &specs).is_empty());
    let t = format!("{HEAD_EN}The Egyptian embassy was attacked by Russia on Sunday.");
    assert_parties(&events(&t, "en", &specs), "ASSAULT", &["RUS"], &["EGY"]);
    // an adjective after "is" is no passive: "is ready to", "is committed to"
    let t = format!("{HEAD_EN}Egypt is ready to send aid to Russia.");
    let evs = events(&t, "en", &specs);
    assert!(evs.iter().any(|e| e.source == ["EGY"]), "{evs:#?}");
}

#[test]
fn an_arabic_verb_after_a_particle_or_that_has_its_subject_after_it() {
    let t = format!("{HEAD_AR}كما اتهمت مصر روسيا بخرق الاتفاق.");
    assert_parties(&events(&t, "ar", STATES_AR), "ACCUSE", &["EGY"], &["RUS"]);
    let t = format!("{HEAD_AR}وقال البيان إن أوكرانيا اتهمت روسيا بخرق الاتفاق.");
    assert_parties(&events(&t, "ar", STATES_AR), "ACCUSE", &["UKR"], &["RUS"]);
    let t = format!("{HEAD_EN}Egypt also accused Russia of breaking the deal.");
    assert_parties(&events(&t, "en", STATES_EN), "ACCUSE", &["EGY"], &["RUS"]);
}

#[test]
fn a_verb_without_a_subject_continues_the_sentence_subject() {
    let specs = three_states_en();
    let t = format!(
        "{HEAD_EN}Egypt opened its border on Monday, but was still refusing entry to Russian trucks."
    );
    assert_parties(&events(&t, "en", &specs), "REJECT", &["EGY"], &["RUS"]);
    let t = format!("{HEAD_AR}واستنكرت مصر القرار بشدة، وطالبت روسيا بالتراجع عنه.");
    assert_parties(&events(&t, "ar", STATES_AR), "REQUEST", &["EGY"], &["RUS"]);
    // a "that" whose pronoun takes the speaker up again: the speaker still speaks after it
    let t = format!("{HEAD_AR}وأوضح الرئيس المصري، أنه بحث مع نظيره الروسي العلاقات الثنائية.");
    assert!(has(
        &events(&t, "ar", STATES_AR),
        "CONSULT",
        &["EGY", "RUS"]
    ));
}

#[test]
fn actors_of_a_background_clause_take_no_part_around_it() {
    let t = format!(
        "{HEAD_EN}The rebels, who receive weapons from Russia, launched new attacks on Monday."
    );
    let evs = events(&t, "en", STATES_EN);
    assert!(
        !evs.iter().any(|e| e.source.contains(&"RUS".to_string())),
        "{evs:#?}"
    );
    // the Arabic pluperfect tells what had happened before
    let t = format!("{HEAD_AR}وأفرجت روسيا عن سفينة مصرية كانت قد احتجزتها في مايو الماضي.");
    let evs = events(&t, "ar", STATES_AR);
    assert!(!evs.iter().any(|e| e.kind == EventType::Coerce), "{evs:#?}");
}

#[test]
fn a_un_force_acts_as_itself_and_a_name_ending_in_a_nisba_is_no_adjective() {
    let specs: &[Spec] = &[
        (
            "UNIFIL",
            EntityKind::Org,
            "United Nations Interim Force in Lebanon",
            Some("LBN"),
            None,
            &["اليونيفيل", "UNIFIL"],
        ),
        (
            "RUS-ARMY",
            EntityKind::Org,
            "Armed Forces (Russia)",
            Some("RUS"),
            None,
            &["الجيش الروسي", "Russian army"],
        ),
    ];
    let t = format!("{HEAD_AR}كما اتهمت اليونيفيل الجيش الروسي بقصف مواقعها.");
    assert_parties(&events(&t, "ar", specs), "ACCUSE", &["UNIFIL"], &["RUS"]);
    let t = format!("{HEAD_EN}UNIFIL accused the Russian army of shelling its positions.");
    assert_parties(&events(&t, "en", specs), "ACCUSE", &["UNIFIL"], &["RUS"]);
}

#[test]
fn what_is_discussed_is_no_party() {
    let t = format!("{HEAD_EN}Egypt discussed United Nations reform with Russia on Monday.");
    let evs = events(&t, "en", STATES_EN);
    assert_eq!(tuples(&evs), one("CONSULT", &["EGY", "RUS"]), "{evs:#?}");
    let t = format!("{HEAD_EN}Egypt discussed United Nations reform on Monday.");
    assert!(events(&t, "en", STATES_EN).is_empty());
    let t = format!("{HEAD_AR}وبحثت مصر مع روسيا إصلاح الأمم المتحدة.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("CONSULT", &["EGY", "RUS"]), "{evs:#?}");
}

#[test]
fn a_name_before_a_comma_is_no_arabic_subject() {
    let t = format!("{HEAD_AR}وفي القاهرة المصرية، وقعت روسيا وأوكرانيا مذكرة تفاهم.");
    let evs = events(&t, "ar", STATES_AR);
    assert_eq!(tuples(&evs), one("SUPPORT", &["RUS", "UKR"]), "{evs:#?}");
}

#[test]
fn the_doer_of_an_event_noun_after_by() {
    let t = format!("{HEAD_EN}Egypt condemned recent attacks on civilians by Russia.");
    let (source, _) = parties(&events(&t, "en", STATES_EN), "ASSAULT");
    assert_eq!(source, ["RUS"]);
}

#[test]
fn the_object_of_an_earlier_verb_is_no_subject() {
    let specs = three_states_en();
    let t = format!(
        "{HEAD_EN}The Russian president met the Egyptian president after visiting Ukraine."
    );
    let evs = events(&t, "en", &specs);
    assert!(has(&evs, "CONSULT", &["EGY", "RUS"]), "{evs:#?}");
    assert!(!has(&evs, "CONSULT", &["EGY", "UKR"]), "{evs:#?}");
}

#[test]
fn a_relative_that_and_a_requirement_are_no_events() {
    let t = format!(
        "{HEAD_EN}Egypt described the forum as a development that promises a brighter future."
    );
    let evs = events(&t, "en", STATES_EN);
    assert!(evs.is_empty(), "{evs:#?}");
    let t = format!("{HEAD_EN}Russia says the bloc needs all members to agree on new rules.");
    assert!(events(&t, "en", STATES_EN).is_empty());
}

#[test]
fn a_mediator_is_no_party_of_the_agreement() {
    let specs = three_states_en();
    let t = format!("{HEAD_EN}Russia and Ukraine accepted a truce brokered by Egypt.");
    assert_eq!(
        tuples(&events(&t, "en", &specs)),
        one("AGREE", &["RUS", "UKR"])
    );
    let t = format!("{HEAD_AR}ووافقت روسيا وأوكرانيا على هدنة بوساطة مصر.");
    assert_eq!(
        tuples(&events(&t, "ar", STATES_AR)),
        one("AGREE", &["RUS", "UKR"])
    );
}

#[test]
fn condemning_an_event_told_before_is_aimed_at_its_doers() {
    let specs = three_states_en();
    let t = format!("{HEAD_EN}Russia launched air strikes on Ukraine on Monday.\n\nEgypt condemned the strikes.");
    assert_parties(&events(&t, "en", &specs), "ACCUSE", &["EGY"], &["RUS"]);
    let t = format!("{HEAD_AR}وشنت روسيا ضربات جوية على أوكرانيا.\n\nواستنكرت مصر الضربات.");
    assert_parties(&events(&t, "ar", STATES_AR), "ACCUSE", &["EGY"], &["RUS"]);
}

#[test]
fn opening_fire_is_an_attack() {
    let specs = three_states_en();
    let t = format!("{HEAD_EN}Russian forces opened fire at Ukrainian positions on Monday.");
    let (source, _) = parties(&events(&t, "en", &specs), "ASSAULT");
    assert_eq!(source, ["RUS"]);
    let t = format!("{HEAD_AR}وقالت أوكرانيا إن القوات الروسية أطلقت النار على مواقعها.");
    let (source, _) = parties(&events(&t, "ar", STATES_AR), "ASSAULT");
    assert_eq!(source, ["RUS"]);
}

#[test]
fn a_new_reported_clause_is_out_of_reach() {
    let specs = three_states_en();
    let t = format!("{HEAD_EN}Egypt said Russian troops withdrew, and that Ukraine had helped.");
    let evs = events(&t, "en", &specs);
    let (_, target) = parties(&evs, "RETREAT");
    assert!(!target.contains(&"UKR".to_string()), "{evs:#?}");
}
