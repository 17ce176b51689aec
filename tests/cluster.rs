//! Same-story clusters on batches written for these tests.

use khabar::{Extractor, Input};

const BODY_AR: &str = "استقبل وزير الخارجية المغربي، اليوم الخميس، نظيرته الألمانية في الرباط، حيث بحث الجانبان سبل تعزيز التعاون في مجالات الطاقة المتجددة والهجرة والتجارة.\n\n\
وقال الوزير في مؤتمر صحفي مشترك إن البلدين سيعقدان اجتماعا للجنة المشتركة في برلين خلال العام المقبل لمتابعة تنفيذ الاتفاقيات الموقعة.";

const OTHER_AR: &str = "رفع البنك المركزي أسعار الفائدة الرئيسية بمقدار نصف نقطة مئوية يوم الثلاثاء، مشيرا إلى استمرار الضغوط التضخمية وارتفاع أسعار الغذاء والطاقة في الأسواق المحلية خلال الأشهر الأخيرة.";

fn run(inputs: &[Input]) -> Vec<khabar::Document> {
    Extractor::new(Default::default())
        .unwrap()
        .extract(inputs, Some(2))
}

fn page(masthead: &str, dateline: &str, body: &str) -> String {
    format!("{masthead}\n{masthead}\n\nالمغرب وألمانيا يبحثان تعزيز التعاون في مجال الطاقة\n\n{dateline}\n\n{body}\n\nالأكثر قراءة\nموقع آخر")
}

/// Two copies of one report (the second undated) and a report of another story.
fn syndicated_and_other() -> Vec<Input> {
    vec![
        Input::new(
            "site-a",
            page("صوت الرباط", "الخميس 9 نوفمبر 2023 11:05 ص", BODY_AR),
        ),
        Input::new("site-b", page("أخبار اليوم", "", BODY_AR)),
        Input::new(
            "bank",
            format!("البنك المركزي يرفع الفائدة نصف نقطة\n\n{OTHER_AR}"),
        ),
    ]
}

#[test]
fn syndicated_copies_cluster_and_lend_their_date() {
    let inputs = syndicated_and_other();
    let docs = run(&inputs);
    assert_eq!(docs[0].cluster, docs[1].cluster);
    assert_ne!(docs[0].cluster, docs[2].cluster);
    assert!(docs[2].cluster.is_some());
    assert_eq!(docs[1].published.as_deref(), Some("2023-11-09"));
    assert_eq!(docs[1].published_source.as_deref(), Some("cluster"));
    assert_eq!(docs[0].published_source.as_deref(), Some("text"));
}

#[test]
fn the_weights_clustering_leaves_explain_the_clusters_as_weighing_them_again_does() {
    // a member that takes its day from its cluster is extracted again: the weights kept from
    // clustering count its new facts, so the lines saying why are those of the final documents
    let inputs = syndicated_and_other();
    let ex = Extractor::new(Default::default()).unwrap();
    let (docs, weights) = ex
        .extract_weighed_until(&inputs, Some(2), &Default::default())
        .expect("not stopped");
    assert_eq!(docs[1].published_source.as_deref(), Some("cluster"));
    let weights = weights.expect("clustered");
    let kept = khabar::cluster::explain::Explainer::with_weights(&docs, &weights).why();
    let again = khabar::cluster::explain::Explainer::new(&docs).why();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept, again);
    // the day the second copy took from the first is a fact both now state
    assert!(
        kept.values().all(|line| line.contains("day 2023-11-09")),
        "{kept:?}"
    );
}

#[test]
fn a_weekday_that_does_not_fit_blocks_the_date() {
    // The sister says Thursday 9 November; this copy says "today, Friday".
    let body = BODY_AR.replace("اليوم الخميس", "اليوم الجمعة");
    let inputs = vec![
        Input::new(
            "site-a",
            page("صوت الرباط", "الخميس 9 نوفمبر 2023 11:05 ص", BODY_AR),
        ),
        Input::new("site-b", page("أخبار اليوم", "", &body)),
    ];
    let docs = run(&inputs);
    // still one story (near-duplicate text), but "today, Friday" cannot be a Thursday
    assert_eq!(docs[0].cluster, docs[1].cluster);
    assert!(docs[1]
        .dates
        .iter()
        .any(|d| d.text.contains("اليوم الجمعة")));
    assert_eq!(docs[1].published, None);
}

#[test]
fn clusters_do_not_depend_on_batch_order() {
    let inputs = vec![
        Input::new(
            "a",
            page("صوت الرباط", "الخميس 9 نوفمبر 2023 11:05 ص", BODY_AR),
        ),
        Input::new("b", page("أخبار اليوم", "", BODY_AR)),
        Input::new(
            "c",
            format!("البنك المركزي يرفع الفائدة نصف نقطة\n\n{OTHER_AR}"),
        ),
    ];
    let one = run(&inputs);
    let mut rev = inputs.clone();
    rev.reverse();
    let mut two = run(&rev);
    two.reverse();
    assert_eq!(one, two);
}

const MEETING_AR: &str = "بوريطة يستقبل وزيرة الخارجية الألمانية في الرباط\n\n\
استقبل وزير الخارجية المغربي ناصر بوريطة، اليوم الخميس، وزيرة الخارجية الألمانية أنالينا بيربوك في الرباط، وبحث الجانبان تعزيز التعاون في مجال الطاقة المتجددة والهيدروجين الأخضر.\n\n\
وقال بوريطة في مؤتمر صحفي مشترك: \"نأمل أن تنطلق المشاريع الجديدة بحلول عام 2025\".";

const MEETING_EN: &str = "Morocco, Germany pledge cooperation on green hydrogen\n\nThu, 9 Nov 2023 - 10:05 GMT\n\n\
RABAT - Moroccan Foreign Minister Nasser Bourita received German Foreign Minister Annalena Baerbock in Rabat on Thursday, and the two discussed cooperation on renewable energy and green hydrogen.\n\n\
\"We hope the new projects start by 2025,\" Bourita told a joint press conference.";

/// The same two ministers a year later, on another matter.
const LATER_EN: &str = "Morocco and Germany discuss migration\n\nWed, 13 Nov 2024 - 09:00 GMT\n\n\
RABAT - Moroccan Foreign Minister Nasser Bourita held talks with German Foreign Minister Annalena Baerbock in Rabat on Wednesday on migration and visas.\n\n\
\"Our cooperation on migration is strong,\" Bourita said.";

#[test]
fn same_meeting_across_languages_and_not_a_year_later() {
    let inputs = vec![
        Input::new("ar", MEETING_AR),
        Input::new("en", MEETING_EN),
        Input::new("later", LATER_EN),
    ];
    let docs = run(&inputs);
    let bourita = |d: &khabar::Document| {
        d.entities
            .iter()
            .find(|e| {
                e.mentions
                    .iter()
                    .any(|m| m.text.contains("بوريطة") || m.text.contains("Bourita"))
            })
            .map(|e| e.key.clone())
    };
    assert_eq!(
        bourita(&docs[0]),
        bourita(&docs[1]),
        "one key for the minister in both scripts"
    );
    assert_eq!(
        docs[0].cluster, docs[1].cluster,
        "the Arabic and English reports are one story"
    );
    assert_ne!(
        docs[1].cluster, docs[2].cluster,
        "a meeting a year later is another story"
    );
    assert_eq!(
        docs[0].published.as_deref(),
        Some("2023-11-09"),
        "the Arabic report takes its sister's day"
    );
    assert_eq!(docs[0].published_source.as_deref(), Some("cluster"));
    let thursday = docs[0]
        .dates
        .iter()
        .find(|d| d.text.contains("الخميس"))
        .expect("the weekday is a date");
    assert_eq!(
        thursday.value.as_deref(),
        Some("2023-11-09"),
        "and resolves its relative dates with it"
    );
}

#[test]
fn tomorrows_batch_joins_todays_clusters_through_a_saved_index() {
    let ex = Extractor::new(khabar::Config {
        no_cluster: true,
        ..Default::default()
    })
    .unwrap();
    let mut index = khabar::cluster::Index::default();
    let today = vec![Input::new("en", MEETING_EN), Input::new("later", LATER_EN)];
    let mut docs = ex.extract(&today, Some(2));
    ex.cluster_incremental(&today, &mut docs, &mut index, Some(2));
    assert_eq!(index.len(), 2);

    let path = std::env::temp_dir().join(format!("khabar-index-{}.bin", std::process::id()));
    index.save(&path).unwrap();
    let mut index = khabar::cluster::Index::load(&path).unwrap();
    std::fs::remove_file(&path).ok();

    let tomorrow = vec![Input::new("ar", MEETING_AR)];
    let mut late = ex.extract(&tomorrow, Some(2));
    ex.cluster_incremental(&tomorrow, &mut late, &mut index, Some(2));
    assert_eq!(
        late[0].cluster, docs[0].cluster,
        "the Arabic report joins yesterday's story"
    );
    assert_eq!(late[0].published.as_deref(), Some("2023-11-09"));
    assert_eq!(index.len(), 3);
}

#[test]
fn a_corrupt_index_is_an_error_not_a_crash() {
    let mut bytes: &[u8] = b"KHCI\x00\x03\r\n\xff\xff\xff\xff\xff\xff\xff\xff";
    assert!(khabar::cluster::Index::read_from(&mut bytes).is_err());
    let mut other: &[u8] = b"PK\x03\x04 not an index";
    assert!(khabar::cluster::Index::read_from(&mut other).is_err());
}

#[test]
fn an_index_of_an_earlier_format_is_refused_with_a_reason() {
    // format 1 held fingerprints without places, speakers or headline facts, format 2 the
    // person keys and places of before the gazetteer: matching a new batch against either
    // would miss stories silently
    for format in [1u8, 2] {
        let bytes = [&b"KHCI\x00"[..], &[format], b"\r\n", &0u64.to_le_bytes()].concat();
        let err = khabar::cluster::Index::from_bytes(&bytes).unwrap_err();
        assert!(err.to_string().contains("earlier version"), "{err}");
    }
    let current = [&b"KHCI\x00\x03\r\n"[..], &0u64.to_le_bytes()].concat();
    assert!(khabar::cluster::Index::from_bytes(&current).is_ok_and(|i| i.is_empty()));
}

#[test]
fn an_index_count_larger_than_its_file_is_refused_before_allocating() {
    // 16 bytes claiming a million entries: refused on the count, not after reserving for them
    let bytes = [&b"KHCI\x00\x03\r\n"[..], &(1u64 << 20).to_le_bytes()].concat();
    let err = khabar::cluster::Index::from_bytes(&bytes).unwrap_err();
    assert!(err.to_string().contains("larger than the file"), "{err}");
    let path = std::env::temp_dir().join(format!("khabar-count-{}.khci", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let err = khabar::cluster::Index::load(&path).unwrap_err();
    std::fs::remove_file(&path).ok();
    assert!(err.to_string().contains("larger than the file"), "{err}");
}

#[test]
fn saving_an_index_leaves_other_files_and_links_beside_it_alone() {
    let dir = std::env::temp_dir().join(format!("khabar-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("stories.khci");
    // the names a fixed temporary name would take: a user's file and a planted link
    let mine = dir.join("stories.tmp");
    std::fs::write(&mine, "mine").unwrap();
    let target = dir.join("target");
    std::fs::write(&target, "untouched").unwrap();
    let planted = dir.join(".stories.khci.tmp");
    std::os::unix::fs::symlink(&target, &planted).unwrap();

    let index = khabar::cluster::Index::default();
    index.save(&path).unwrap();
    index.save(&path).unwrap();
    assert!(khabar::cluster::Index::load(&path).unwrap().is_empty());
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "untouched");
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [".stories.khci.tmp", "stories.khci", "stories.tmp", "target"]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_plan_made_from_entries_of_parts_equals_one_batch() {
    use khabar::cluster::{self, Entry};
    let inputs = vec![
        Input::new("ar", MEETING_AR),
        Input::new("later", LATER_EN),
        Input::new(
            "bank",
            format!("البنك المركزي يرفع الفائدة نصف نقطة\n\n{OTHER_AR}"),
        ),
        Input::new("en", MEETING_EN),
    ];
    let ex = Extractor::new(Default::default()).unwrap();
    let whole = ex.extract(&inputs, Some(1));
    // two parts, extracted apart and unclustered; only their entries meet
    let mut parts: Vec<Vec<khabar::Document>> = [&inputs[..2], &inputs[2..]]
        .iter()
        .map(|p| p.iter().map(|i| ex.extract_one(i)).collect())
        .collect();
    let fresh: Vec<Entry> = parts.iter().flatten().map(Entry::of).collect();
    let plans = cluster::plan(&[], &fresh).split(&[2, 2]);
    assert_eq!(plans[0].clusters.len(), 2);
    for ((plan, docs), inputs) in plans
        .iter()
        .zip(&mut parts)
        .zip([&inputs[..2], &inputs[2..]])
    {
        ex.apply_plan(inputs, docs, plan, Some(1));
    }
    let applied: Vec<_> = parts.into_iter().flatten().collect();
    assert_eq!(applied, whole);
    // the Arabic report, in the first part, took the Latin name from the English one in the second
    assert_eq!(applied[0].cluster, applied[3].cluster);
    assert!(applied[0]
        .entities
        .iter()
        .any(|e| e.name == "Nasser Bourita"));
    assert_eq!(plans[0].names.len(), 1);
}

#[test]
fn tables_built_window_by_window_equal_the_tables_of_the_documents() {
    use khabar::columns;
    let inputs = vec![
        Input::new("ar", MEETING_AR),
        Input::new(
            "site-a",
            page("صوت الرباط", "الخميس 9 نوفمبر 2023 11:05 ص", BODY_AR),
        ),
        Input::new("later", LATER_EN),
        // undated copy: takes its sister's day, and its rows are replaced
        Input::new("site-b", page("أخبار اليوم", "", BODY_AR)),
        Input::new(
            "bank",
            format!("البنك المركزي يرفع الفائدة نصف نقطة\n\n{OTHER_AR}"),
        ),
        Input::new("en", MEETING_EN),
        Input::new("empty", ""),
    ];
    let ex = Extractor::new(Default::default()).unwrap();
    let docs = ex.extract(&inputs, Some(2));
    assert_eq!(docs[3].published_source.as_deref(), Some("cluster"));
    let want = columns::tables(&docs);
    for window in [1, 2, 3, 4, 100] {
        let got = ex.extract_tables_by(&inputs, Some(2), window);
        for (g, w) in got.iter().zip(&want) {
            assert_eq!((g.name, g.rows), (w.name, w.rows), "window {window}");
            assert_eq!(g.columns, w.columns, "{} with window {window}", g.name);
        }
    }
}
