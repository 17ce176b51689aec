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

#[test]
fn syndicated_copies_cluster_and_lend_their_date() {
    let inputs = vec![
        Input::new(
            "site-a",
            page("صوت الرباط", "الخميس 9 نوفمبر 2023 11:05 ص", BODY_AR),
        ),
        Input::new("site-b", page("أخبار اليوم", "", BODY_AR)),
        Input::new(
            "bank",
            format!("البنك المركزي يرفع الفائدة نصف نقطة\n\n{OTHER_AR}"),
        ),
    ];
    let docs = run(&inputs);
    assert_eq!(docs[0].cluster, docs[1].cluster);
    assert_ne!(docs[0].cluster, docs[2].cluster);
    assert!(docs[2].cluster.is_some());
    assert_eq!(docs[1].published.as_deref(), Some("2023-11-09"));
    assert_eq!(docs[1].published_source.as_deref(), Some("cluster"));
    assert_eq!(docs[0].published_source.as_deref(), Some("text"));
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
    // still one story (near-duplicate text) but no inherited day until dates name the weekday
    assert_eq!(docs[0].cluster, docs[1].cluster);
    if docs[1].dates.iter().any(|d| d.text.contains("الجمعة")) {
        assert_eq!(docs[1].published, None);
    }
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
