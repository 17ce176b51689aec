//! The document pipeline end to end, on pages written for these tests.

use std::sync::atomic::AtomicBool;
// only the fault-injection tests stop a document from another thread
#[cfg(feature = "fault-injection")]
use std::sync::atomic::Ordering;

use khabar::doc::ErrorCode;
use khabar::{Extractor, Input, Stopped};

const PAGE_AR: &str = "صوت الرباط\nصوت الرباط\n\nوزير الخارجية المغربي يستقبل نظيرته الألمانية فى الرباط\n\n\
الخميس 9 نوفمبر/تشرين الثاني 2023 11:05 ص\n\n\
استقبل وزير الخارجية المغربي، اليوم الخميس، نظيرته الألمانية في الرباط، حيث بحث الجانبان سبل تعزيز التعاون في مجالات الطاقة المتجددة والهجرة والتجارة.\n\n\
وقال الوزير في مؤتمر صحفي مشترك: «نأمل أن تنطلق المشاريع الجديدة بحلول العام المقبل».\n\n\
الأكثر قراءة\nأسعار الذهب اليوم\nwww.sawt-rabat.example";

const PAGE_EN: &str = "Morocco, Germany pledge cooperation on green hydrogen\n\nThu, 9 Nov 2023 - 10:05 GMT\n\n\
RABAT - 9 November 2023: Morocco and Germany agreed on Thursday to deepen cooperation on renewable energy, migration and trade, the Moroccan foreign minister said.\n\n\
\"We hope the new projects start by next year,\" he added.\n\nLeave a Comment";

fn extractor() -> Extractor {
    Extractor::new(Default::default()).unwrap()
}

#[test]
fn arabic_page_title_date_body() {
    let d = extractor().extract_one(&Input::new("ar1", PAGE_AR));
    assert_eq!(d.lang, "ar");
    assert_eq!(
        d.title.as_deref(),
        Some("وزير الخارجية المغربي يستقبل نظيرته الألمانية فى الرباط")
    );
    assert_eq!(d.published.as_deref(), Some("2023-11-09T11:05"));
    assert_eq!(d.published_source.as_deref(), Some("text"));
    assert!(d.body.starts_with("استقبل وزير الخارجية المغربي"));
    assert!(d.body.contains("نأمل أن تنطلق"));
    for clutter in [
        "صوت الرباط",
        "الأكثر قراءة",
        "أسعار الذهب اليوم",
        "www.sawt-rabat.example",
    ] {
        assert!(!d.body.contains(clutter), "{clutter} left in body");
    }
    let chars: Vec<char> = PAGE_AR.chars().collect();
    let removed: Vec<String> = d
        .boilerplate
        .iter()
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect();
    assert!(removed.contains(&"صوت الرباط".to_string()), "{removed:?}");
    let t = d.title_span.unwrap();
    assert_eq!(
        chars[t.start..t.end].iter().collect::<String>(),
        d.title.unwrap()
    );
}

#[test]
fn english_page_title_date_body() {
    let d = extractor().extract_one(&Input::new("en1", PAGE_EN));
    assert_eq!(d.lang, "en");
    assert_eq!(
        d.title.as_deref(),
        Some("Morocco, Germany pledge cooperation on green hydrogen")
    );
    assert_eq!(d.published.as_deref(), Some("2023-11-09T10:05Z"));
    assert!(d.body.starts_with("RABAT - 9 November 2023"));
    assert!(!d.body.contains("Leave a Comment"));
}

#[test]
fn caller_published_wins_and_bad_value_is_reported() {
    let mut i = Input::new("x", PAGE_EN);
    i.published = Some("2023-11-10".into());
    let d = extractor().extract_one(&i);
    assert_eq!(d.published.as_deref(), Some("2023-11-10"));
    assert_eq!(d.published_source.as_deref(), Some("metadata"));
    i.published = Some("last Thursday".into());
    let d = extractor().extract_one(&i);
    assert_eq!(d.published_source.as_deref(), Some("text"));
    assert_eq!(d.errors[0].code, ErrorCode::PublishedUnparsed);
}

#[test]
fn odd_inputs_give_documents_not_crashes() {
    let ex = extractor();
    let inputs = vec![
        Input::new("empty", ""),
        Input::new("nul", "a\u{0}b\u{1}\u{7f}c\n\u{0}"),
        Input::new("replacement", "\u{FFFD}\u{FFFD} مصر"),
        Input::new(
            "only-marks",
            "\u{064B}\u{064C}\u{0640}\u{200F}".repeat(1000),
        ),
        Input::new("one-long-line", "كلمة ".repeat(200_000)),
        Input::new("quotes", "\"«“".repeat(50_000)),
    ];
    let docs = ex.extract(&inputs, Some(2));
    assert_eq!(docs.len(), inputs.len());
    for (d, i) in docs.iter().zip(&inputs) {
        assert_eq!(d.id, i.id);
        assert!(d.errors.is_empty(), "{}: {:?}", d.id, d.errors);
    }
    assert_eq!(docs[0].body, "");
}

#[test]
fn same_output_for_any_thread_count_and_order() {
    let ex = extractor();
    let inputs: Vec<Input> = (0..40)
        .map(|i| Input::new(format!("d{i}"), if i % 2 == 0 { PAGE_AR } else { PAGE_EN }))
        .collect();
    let one = ex.extract(&inputs, Some(1));
    let many = ex.extract(&inputs, Some(4));
    assert_eq!(one, many);
    let mut rev = inputs.clone();
    rev.reverse();
    let mut back = ex.extract(&rev, Some(3));
    back.reverse();
    assert_eq!(one, back);
}

#[cfg(feature = "fault-injection")]
#[test]
fn a_panic_stays_in_its_document() {
    let ex = extractor();
    let inputs = vec![
        Input::new("ok", PAGE_EN),
        Input::new("bad", "x\u{0}khabar:panic\u{0}y"),
        Input::new("ok2", PAGE_AR),
    ];
    let docs = ex.extract(&inputs, Some(2));
    assert_eq!(docs.len(), 3);
    assert!(docs[1]
        .errors
        .iter()
        .any(|e| e.code == ErrorCode::StageFailed));
    assert!(docs[0].errors.is_empty() && docs[2].errors.is_empty());
    assert!(docs[2].title.is_some());
}

#[test]
fn a_raised_stop_flag_gives_the_batch_up() {
    let ex = extractor();
    let inputs = vec![Input::new("en", PAGE_EN), Input::new("ar", PAGE_AR)];
    let stop = AtomicBool::new(true);
    assert_eq!(ex.extract_until(&inputs, Some(2), &stop), Err(Stopped));
    assert!(ex.extract_tables_until(&inputs, Some(2), &stop).is_err());
    // a flag left down changes nothing
    let down = AtomicBool::new(false);
    let docs = ex
        .extract_until(&inputs, Some(2), &down)
        .expect("not stopped");
    assert_eq!(docs, ex.extract(&inputs, Some(2)));
}

/// A document that stalls (fault injection) is left as soon as another thread raises the flag:
/// the flag is read between a document's stages, not only between documents.
#[cfg(feature = "fault-injection")]
#[test]
fn a_stop_reaches_inside_a_document() {
    let ex = extractor();
    let inputs = vec![Input::new("stall", "x\u{0}khabar:stall\u{0}y")];
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            stop.store(true, Ordering::Relaxed);
        });
        assert_eq!(ex.extract_until(&inputs, Some(1), &stop), Err(Stopped));
    });
}

#[test]
fn lines_in_another_language_are_marked() {
    let page = "وزير الخارجية المغربي يستقبل نظيرته الألمانية في الرباط\n\n\
        استقبل وزير الخارجية المغربي نظيرته الألمانية في الرباط، وبحث الجانبان تعزيز التعاون في مجال الطاقة المتجددة.\n\n\
        The two ministers said they would meet again in Berlin next spring to review the projects.\n\n\
        وأكد الجانبان أهمية مواصلة التنسيق والتشاور بين البلدين في القضايا الإقليمية والدولية.";
    let d = extractor().extract_one(&Input::new("mixed", page));
    assert_eq!(d.lang, "ar");
    assert_eq!(d.lang_spans.len(), 1, "{:?}", d.lang_spans);
    let s = &d.lang_spans[0];
    assert_eq!(s.lang, "en");
    let text: String = page.chars().skip(s.start).take(s.end - s.start).collect();
    assert!(text.starts_with("The two ministers") && text.ends_with("projects."));
}

#[test]
fn each_error_carries_its_code() {
    // 2023-11-13 is a Monday: "today, Sunday" cannot be it
    let mut i = Input::new(
        "w",
        "The minister arrived in Amman today, Sunday, for talks on trade.",
    );
    i.published = Some("2023-11-13".into());
    let d = extractor().extract_one(&i);
    let codes: Vec<ErrorCode> = d.errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, [ErrorCode::WeekdayMismatch]);
    // what the caller found travels with the document, ahead of the pipeline's own
    let mut i = Input::new("p", PAGE_EN);
    i.errors = vec![khabar::doc::DocError::new(
        ErrorCode::BadEncoding,
        "invalid UTF-8 replaced",
    )];
    i.published = Some("someday".into());
    let d = extractor().extract_one(&i);
    let codes: Vec<ErrorCode> = d.errors.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [ErrorCode::BadEncoding, ErrorCode::PublishedUnparsed]
    );
}

#[test]
fn reference_dates_only_when_asked() {
    // "now" and "in the future" name no day: by default the record keeps to calendar dates and
    // lengths of time, and the option adds TimeML's references
    let grains = |config: khabar::Config, text: &str| {
        let mut i = Input::new("r", text);
        i.published = Some("2024-03-05".into());
        let d = Extractor::new(config).unwrap().extract_one(&i);
        d.dates
            .into_iter()
            .map(|x| (x.text, x.value.unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let asked = || khabar::Config {
        reference_dates: true,
        ..Default::default()
    };
    for (text, reference, day) in [
        (
            "Prices are rising now and will fall in the future, the bank said on Monday.",
            "now",
            "Monday",
        ),
        (
            "قال البنك يوم الاثنين إن الأسعار ترتفع حاليا.",
            "حاليا",
            "الاثنين",
        ),
    ] {
        let plain = grains(Default::default(), text);
        assert_eq!(
            plain,
            [(day.to_string(), "2024-03-04".to_string())],
            "{text}"
        );
        let full = grains(asked(), text);
        assert!(
            full.contains(&(reference.to_string(), "PRESENT_REF".to_string())),
            "{text}: {full:?}"
        );
        assert!(full.contains(&plain[0]), "{text}: {full:?}");
    }
}
