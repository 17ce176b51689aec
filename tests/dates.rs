//! The date stage on sentences written for these tests, in Arabic and English: every expression
//! family of the recogniser and every resolution rule of docs/dates.md.

use khabar::doc::Grain;
use khabar::text::fold::Folded;
use khabar::time::calendar::Day;
use khabar::time::recognise;

/// (folded text of the span, value, grain) of every expression, resolved against `anchor`.
fn dates(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>, Grain)> {
    let f = Folded::new(text);
    let anchor = anchor.and_then(Day::parse_iso);
    recognise(&f.text, std::slice::from_ref(&(0..f.text.len())), anchor)
        .into_iter()
        .map(|t| (f.text[t.range].to_string(), t.value, t.grain))
        .collect()
}

/// The single expression of a sentence: (span, value).
fn one(text: &str, anchor: Option<&str>) -> (String, Option<String>) {
    let d = dates(text, anchor);
    assert_eq!(d.len(), 1, "{text}: {d:?}");
    (d[0].0.clone(), d[0].1.clone())
}

fn value(text: &str, anchor: &str) -> String {
    one(text, Some(anchor))
        .1
        .unwrap_or_else(|| panic!("{text}: no value"))
}

#[test]
fn absolute_dates_in_every_order_and_separator() {
    let a = "2024-01-10";
    assert_eq!(
        value("The ceasefire took effect on 26 Dec 2021 at noon.", a),
        "2021-12-26T12:00"
    );
    assert_eq!(
        value("Talks resumed on December 26, 2021, officials said.", a),
        "2021-12-26"
    );
    assert_eq!(value("The decree is dated 26/12/2021.", a), "2021-12-26");
    assert_eq!(
        value("The filing, dated 2021-12-26, was rejected.", a),
        "2021-12-26"
    );
    assert_eq!(
        value("صدر القرار بتاريخ ٢٦/١٢/٢٠٢١ عن وزارة الداخلية", a),
        "2021-12-26"
    );
    assert_eq!(value("• السبت , ٣ مارس ٢٠١٨", a), "2018-03-03");
    assert_eq!(
        value("وصل الوفد إلى الرباط في 12 يناير من عام 2016", a),
        "2016-01-12"
    );
}

#[test]
fn times_and_zones_stay_with_their_date() {
    let a = "2024-01-10";
    assert_eq!(
        value("Sun, 26 Dec 2021 - 06:05 GMT", a),
        "2021-12-26T06:05Z"
    );
    assert_eq!(
        value("الثلاثاء 26 سبتمبر 2023 03:50 م", a),
        "2023-09-26T15:50"
    );
    assert_eq!(
        value("آخر تحديث: 12 أبريل 2024 17:28 +02:00 EET", a),
        "2024-04-12T17:28+02:00"
    );
    let (span, v) = one("وقع الانفجار عند الساعة 10:30 صباحا", Some("2024-03-05"));
    assert_eq!(
        (span.as_str(), v.as_deref()),
        ("الساعه 10:30 صباحا", Some("2024-03-05T10:30"))
    );
}

#[test]
fn arabic_month_names_of_every_region_and_paired_forms() {
    let a = "2025-12-01";
    for (text, want) in [
        ("عقد الاجتماع في 5 يونيه 2022", "2022-06-05"),
        ("عقد الاجتماع في 5 حزيران 2022", "2022-06-05"),
        ("عقد الاجتماع في 5 جوان 2022", "2022-06-05"),
        ("انطلقت الدورة في 3 أوت 2022 بالجزائر", "2022-08-03"),
        ("وقعت الحادثة في 14 تشرين الأول 2019", "2019-10-14"),
        ("افتتح المعرض في 2 كانون الثاني 2020", "2020-01-02"),
        ("أعلنت الوزارة النتائج في 20 جانفي 2021", "2021-01-20"),
        ("ونشر التقرير في 9 نوفمبر/تشرين الثاني 2025", "2025-11-09"),
    ] {
        assert_eq!(value(text, a), want, "{text}");
    }
    assert_eq!(value("وتراجعت الأسعار في فبراير/شباط الماضي", a), "2025-02");
}

#[test]
fn hijri_dates_are_converted_with_the_tabular_calendar() {
    assert_eq!(
        value("بدأت الزيارة في 15 رمضان 1444 هـ", "2023-05-01"),
        "2023-04-06"
    );
    // A given name that is also a month is not a date.
    assert!(dates("استقبل الوزير رمضان عبد الله في مكتبه", Some("2023-05-01")).is_empty());
}

#[test]
fn weekdays_alone_follow_the_tense() {
    // Published on Wednesday 10 January 2024.
    let a = "2024-01-10";
    assert_eq!(
        value("التقى الوزير نظيره الفرنسي، السبت، في باريس", a),
        "2024-01-06"
    );
    assert_eq!(
        value("The minister met his French counterpart on Saturday.", a),
        "2024-01-06"
    );
    assert_eq!(
        value("ويصل الوفد إلى القاهرة والسبت سيبدأ المباحثات", a),
        "2024-01-13"
    );
    assert_eq!(
        value("The delegation will arrive on Saturday.", a),
        "2024-01-13"
    );
    assert_eq!(
        value("وكان الرئيس قد زار المدينة الأحد الماضي", a),
        "2024-01-07"
    );
    assert_eq!(value("وسيعقد المؤتمر الأحد المقبل في عمان", a), "2024-01-14");
    assert_eq!(value("Elections are due next Sunday.", a), "2024-01-21");
    assert_eq!(
        value("تعقد الجولة الجمعة من الأسبوع المقبل", a),
        "2024-01-19"
    );
}

#[test]
fn today_with_a_weekday_must_agree_with_publication() {
    let f = Folded::new("وقال المتحدث اليوم الأحد إن المفاوضات مستمرة");
    let on_sunday = recognise(
        &f.text,
        std::slice::from_ref(&(0..f.text.len())),
        Day::parse_iso("2021-12-26"),
    );
    assert_eq!(
        (on_sunday[0].value.as_deref(), on_sunday[0].mismatch),
        (Some("2021-12-26"), false)
    );
    let on_monday = recognise(
        &f.text,
        std::slice::from_ref(&(0..f.text.len())),
        Day::parse_iso("2021-12-27"),
    );
    assert_eq!(
        (on_monday[0].value.as_deref(), on_monday[0].mismatch),
        (Some("2021-12-27"), true)
    );
}

#[test]
fn days_counted_from_publication_and_parts_of_the_day() {
    let a = "2018-03-03";
    assert_eq!(
        value("استقبل وزير الداخلية صباح اليوم وفدا أمميا", a),
        "2018-03-03TMO"
    );
    assert_eq!(value("وقع الهجوم مساء أمس قرب الحدود", a), "2018-03-02TEV");
    assert_eq!(value("ويعود الوفد غدا إلى بلاده", a), "2018-03-04");
    assert_eq!(value("وتستأنف الجلسات بعد غد", a), "2018-03-05");
    assert_eq!(value("وكان قد وصل أول أمس إلى بيروت", a), "2018-03-01");
    assert_eq!(
        value("وأعلنت الوكالة في وقت سابق اليوم أن الاتفاق جاهز", a),
        "2018-03-03"
    );
    assert_eq!(
        value("وقال يوم أمس الجمعة إن الحوار سيستمر", a),
        "2018-03-02"
    );
    assert_eq!(
        value(
            "The ministry said this morning that the border was open.",
            a
        ),
        "2018-03-03TMO"
    );
    assert_eq!(
        value("Protesters gathered yesterday outside parliament.", a),
        "2018-03-02"
    );
    assert_eq!(
        value("The vote is expected the day after tomorrow.", a),
        "2018-03-05"
    );
    assert_eq!(
        value("وعاد الوفد والبارحة التقى رئيس الوزراء", a),
        "2018-03-02"
    );
}

#[test]
fn shifted_units_months_and_years() {
    let a = "2021-12-26";
    assert_eq!(value("ونتوقع في العام المقبل تدريبا جديدا", a), "2022");
    assert_eq!(value("ارتفعت الصادرات خلال السنة الماضية", a), "2020");
    assert_eq!(value("وتنتهي المرحلة الأولى الشهر الجاري", a), "2021-12");
    assert_eq!(value("The accord was signed last month.", a), "2021-11");
    assert_eq!(value("Growth will pick up next year.", a), "2022");
    assert_eq!(value("Prices rose earlier this month.", a), "2021-12");
    assert_eq!(
        value("وأضاف: هذا العام، في مايو، عقد اجتماع منتظم", a),
        "2021-05"
    );
    assert_eq!(
        value("The committee met last week.", a),
        "2021-12-13/2021-12-19"
    );
    assert_eq!(
        value("وتعقد القمة الأسبوع المقبل", a),
        "2021-12-27/2022-01-02"
    );
}

#[test]
fn months_without_a_year() {
    let a = "2023-09-26";
    assert_eq!(
        value("وكانت وثائق نشرت في أبريل/نيسان الماضي", a),
        "2023-04"
    );
    assert_eq!(value("The report was published in May.", a), "2023-05");
    // After the publication month: the year before, unless the text points ahead.
    assert_eq!(value("The talks began in November.", a), "2022-11");
    assert_eq!(
        value("تنطلق الانتخابات في 12 أكتوبر المقبل", a),
        "2023-10-12"
    );
    assert_eq!(
        value("وقع الاتفاق في 16 فبراير/شباط الماضي", "2018-03-03"),
        "2018-02-16"
    );
    assert_eq!(value("The summit will be held in March.", a), "2024-03");
}

#[test]
fn distances_from_publication() {
    let a = "2023-05-10";
    assert_eq!(value("اعتقل الصحفي منذ ثلاثة أيام", a), "2023-05-07");
    assert_eq!(
        value("وأعلنت الشرطة قبل يومين عن اعتقال المشتبه به", a),
        "2023-05-08"
    );
    assert_eq!(value("The ship sank two days ago.", a), "2023-05-08");
    assert_eq!(value("He took office three years ago.", a), "2020");
    assert_eq!(value("The vote is due in 3 weeks.", a), "2023-05-31");
}

#[test]
fn years_decades_ranges_and_durations() {
    let a = "2021-12-26";
    let (span, v) = one("ونأمل أنه بحلول عام 2024 سيتم إنفاذ الاتفاقية", Some(a));
    assert_eq!(
        (span.as_str(), v.as_deref()),
        ("بحلول عام 2024", Some("2024"))
    );
    assert_eq!(value("The agreement will be enforced by 2024.", a), "2024");
    assert_eq!(value("The factory opened in 2018.", a), "2018");
    assert_eq!(value("The city grew fast in the 1990s.", a), "1990/1999");
    assert_eq!(value("عانت البلاد من التضخم في التسعينيات", a), "1990/1999");
    assert_eq!(
        value("The festival runs from 20 to 31 May 2022.", a),
        "2022-05-20/2022-05-31"
    );
    assert_eq!(
        value("تقام المعارض بين 5 و7 مارس 2023", a),
        "2023-03-05/2023-03-07"
    );
    assert_eq!(
        value(
            "The exhibition ran from August 31 to September 14, 2023.",
            a
        ),
        "2023-08-31/2023-09-14"
    );
    assert_eq!(value("Output fell between 2010 and 2015.", a), "2010/2015");
    // lengths of time carry ISO 8601 durations
    for (text, want) in [
        ("وتستغرق الزيارة يومين", "P2D"),
        ("شهدت مصر خلال السنوات الأربع الماضية هجمات", "P4Y"),
        ("The visit lasts two days.", "P2D"),
        ("The talks went on for three weeks.", "P3W"),
        ("استمرت المفاوضات ثلاثة أسابيع", "P3W"),
        ("He was held for 1 month and 21 days.", "P1M21D"),
        ("ويستمر النزاع منذ سنوات", "PXY"),
    ] {
        let d = dates(text, Some(a));
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        assert_eq!(
            (d[0].1.as_deref(), d[0].2),
            (Some(want), Grain::Duration),
            "{text}"
        );
    }
}

#[test]
fn values_keep_the_precision_of_the_text() {
    let a = "2021-12-26";
    assert_eq!(
        one("Elections are planned for 2024.", Some(a)).1.as_deref(),
        Some("2024")
    );
    assert_eq!(
        one("The meeting took place in May.", Some(a)).1.as_deref(),
        Some("2021-05")
    );
    let d = dates("The meeting took place in May.", Some(a));
    assert_eq!(d[0].2, Grain::Month);
}

#[test]
fn without_a_publication_day_relative_values_are_null() {
    assert_eq!(one("وفي العام المقبل نتوقع تدريبا جديدا", None).1, None);
    assert_eq!(
        one("The minister met his counterpart on Sunday.", None).1,
        None
    );
    assert_eq!(one("هذا العام، في مايو، عقد اجتماع", None).1, None);
    // An absolute date needs no anchor.
    assert_eq!(
        one("The decree of 26 December 2021 stands.", None)
            .1
            .as_deref(),
        Some("2021-12-26")
    );
}

#[test]
fn proclitics_do_not_block_and_stay_out_of_the_span() {
    let a = "2018-03-03";
    let (span, _) = one("والسبت التقى الوزير بالوفد", Some(a));
    assert_eq!(span, "السبت");
    let (span, _) = one("وقال إن اللقاء جرى بالأمس في القاهرة", Some(a));
    assert_eq!(span, "الامس");
    let (span, v) = one("وفي 9 فبراير/شباط الماضي أطلق الجيش العملية", Some(a));
    assert_eq!(
        (span.as_str(), v.as_deref()),
        ("9 فبراير/شباط الماضي", Some("2018-02-09"))
    );
    let (span, _) = one("وبعد يومين عاد الوفد", Some(a));
    assert_eq!(span, "بعد يومين");
}

#[test]
fn things_that_are_not_dates() {
    let a = "2023-05-10";
    for text in [
        "We expect more arrivals.",
        "The government may decide to extend the curfew.",
        "The company raised 100M dollars.",
        "For details call 010-1234-5678 or 02-2345-6789.",
        "خطط لتزويد روسيا بـ40 ألف صاروخ",
        "Update to version 2.1.3 of the app.",
        "The marchers reached the square.",
        "مارس الضغط على الحكومة لسنوات",
        "ضمت القائمة 2000 جندي",
        "وفاز الفريق 3-1 على منافسه",
        "وزاد الإنتاج بنسبة 4.22 بالمئة",
    ] {
        assert!(
            dates(text, Some(a)).is_empty(),
            "{text}: {:?}",
            dates(text, Some(a))
        );
    }
}

#[test]
fn clock_times_in_every_written_form() {
    // Published on Tuesday 5 March 2024.
    let a = "2024-03-05";
    for (text, want) in [
        (
            "The curfew starts at 21h00 across the capital.",
            "2024-03-05T21:00",
        ),
        (
            "Polls close at 19h, the electoral commission said.",
            "2024-03-05T19:00",
        ),
        (
            "The session resumed at 3:15p after a short recess.",
            "2024-03-05T15:15",
        ),
        (
            "The vote was scheduled for 3:30 p m local time.",
            "2024-03-05T15:30",
        ),
        ("Flight 212 landed at 730 p.m. in Doha.", "2024-03-05T19:30"),
        (
            "Troops entered the town at 5 o'clock in the morning.",
            "2024-03-05T05:00",
        ),
        (
            "The first shots were heard at 3:15 in the afternoon.",
            "2024-03-05T15:15",
        ),
        (
            "The rally ended at 8 in the evening without incident.",
            "2024-03-05T20:00",
        ),
        (
            "The ceasefire took hold at midnight, the army said.",
            "2024-03-05T00:00",
        ),
        (
            "Markets reopened at noon after the holiday.",
            "2024-03-05T12:00",
        ),
    ] {
        assert_eq!(value(text, a), want, "{text}");
    }
}

#[test]
fn minutes_counted_from_an_hour() {
    let a = "2024-03-05";
    for (text, want) in [
        (
            "The blast came at a quarter past 3 pm near the port.",
            "2024-03-05T15:15",
        ),
        (
            "The talks broke off at half past 9 in the evening.",
            "2024-03-05T21:30",
        ),
        ("He was sworn in at 20 minutes to noon.", "2024-03-05T11:40"),
        (
            "The convoy left at 20 past 6 am, witnesses said.",
            "2024-03-05T06:20",
        ),
        ("وقع الانفجار الساعة 3 و20 دقيقة عصرا", "2024-03-05T15:20"),
        ("وبدأت الجلسة الساعة 9 والنصف صباحا", "2024-03-05T09:30"),
        ("وصل الموكب الساعة 12 إلا ربعا قبل الظهر", "2024-03-05T11:45"),
        ("وانتهى الاجتماع الساعة 8 بعد المغرب", "2024-03-05T20:00"),
        ("ويبدأ حظر التجول عند منتصف الليل", "2024-03-05T00:00"),
    ] {
        assert_eq!(value(text, a), want, "{text}");
    }
}

#[test]
fn a_part_of_the_day_makes_a_later_hour_pm() {
    let a = "2024-03-05";
    assert_eq!(
        value("The president will address the nation tonight at 8.", a),
        "2024-03-05T20:00"
    );
    assert_eq!(
        value(
            "The committee met this afternoon at 3:20 behind closed doors.",
            a
        ),
        "2024-03-05T15:20"
    );
    assert_eq!(
        value("وعقد المجلس جلسة مساء أمس الساعة 9", a),
        "2024-03-04T21:00"
    );
}

#[test]
fn numbers_that_are_not_clock_times() {
    let a = "2024-03-05";
    for text in [
        "Police arrested 3 in the morning raids on the camp.",
        "Prices rose 3p a litre on Monday in 1h trading.",
        "The journey lasts 2h30 by train.",
        "Turnover reached 1,330 pm the agency said.",
        "وشارك في المسابقة نحو 2500 متسابق",
        "The team won 10 to 3 in the final.",
    ] {
        let d = dates(text, Some(a));
        assert!(
            d.iter().all(|x| x.2 != Grain::Time && x.2 != Grain::Year),
            "{text}: {d:?}"
        );
    }
    // A ten after a weekday's name makes it a number: "الأحد عشر" is eleven.
    assert!(dates("وقتل الأحد عشر جنديا في الهجوم", Some(a)).is_empty());
    // A lone Arabic cardinal is a count, not a day of the month.
    assert_eq!(
        dates("وصل الخميس، أربعة وزراء إلى العاصمة", Some(a))
            .iter()
            .map(|x| x.0.as_str())
            .collect::<Vec<_>>(),
        ["الخميس"]
    );
}

#[test]
fn weekdays_counted_from_publication() {
    // Published on Tuesday 5 March 2024.
    let a = "2024-03-05";
    assert_eq!(
        value("The court will rule two Fridays from now.", a),
        "2024-03-15"
    );
    assert_eq!(
        value("The strike began 3 Mondays ago at the main plant.", a),
        "2024-02-19"
    );
    assert_eq!(
        value("The summit is set for Friday after next.", a),
        "2024-03-15"
    );
    assert_eq!(
        value(
            "Protesters gathered Sunday before last outside parliament.",
            a
        ),
        "2024-02-25"
    );
    // A plural weekday alone is a habit, not a date.
    assert!(dates("Protests take place on Fridays after prayers.", Some(a)).is_empty());
}

#[test]
fn weeks_and_years_after_next_and_upcoming() {
    let a = "2024-03-05";
    assert_eq!(
        value("The envoy returns the week after next.", a),
        "2024-03-18/2024-03-24"
    );
    assert_eq!(
        value("Turnout fell sharply the year before last.", a),
        "2022"
    );
    assert_eq!(
        value("Talks are planned for the upcoming week.", a),
        "2024-03-11/2024-03-17"
    );
    assert_eq!(
        dates("Talks will continue over the upcoming two weeks.", Some(a))[0].2,
        Grain::Duration
    );
}

#[test]
fn this_weekday_said_of_the_future_is_not_in_the_past() {
    // Published on Tuesday 5 March 2024: this week's Monday is past.
    let a = "2024-03-05";
    assert_eq!(
        value("The minister will visit this Monday.", a),
        "2024-03-11"
    );
    assert_eq!(value("The minister visited this Monday.", a), "2024-03-04");
    assert_eq!(value("سيزور الوزير المدينة هذا الاثنين", a), "2024-03-11");
    assert_eq!(value("سيزور الوزير المدينة هذا الخميس", a), "2024-03-07");
}

#[test]
fn a_weekday_after_a_date_picks_its_year() {
    // 18 July is a Friday in 2025, a Thursday in 2024.
    assert_eq!(
        value("The hearing will be held on Jul 18, Fri.", "2024-03-05"),
        "2025-07-18"
    );
    // A weekday and a day of the month said of the future: the next month where they agree.
    assert_eq!(
        value(
            "The vote will take place on Thursday the 15th.",
            "2024-03-05"
        ),
        "2024-08-15"
    );
    // A day before a Hijri month without a year is not a day of a Gregorian month.
    assert_eq!(
        one(
            "وتقام الأمسية يوم الثلاثاء 26 شوال الجاري",
            Some("2024-03-05")
        )
        .0,
        "الثلاثاء"
    );
}

#[test]
fn a_future_marker_reaches_past_a_clock_time_and_a_subjunctive_verb() {
    // Published on Tuesday 5 March 2024.
    let a = "2024-03-05";
    // "will" stays in the sentence across the points of "a.m." and a zone in brackets.
    let found = dates(
        "The truce will come into force at 6 a.m. local time (0400 GMT) on Monday.",
        Some(a),
    );
    assert_eq!(found[1].1.as_deref(), Some("2024-03-11"));
    // على أن before a verb in the imperfect announces; before a noun it reports.
    assert_eq!(
        value("وصل الوفد إلى العاصمة، على أن يعود الاثنين", a),
        "2024-03-11"
    );
    assert_eq!(
        value("شدد الوزير على أن الاجتماع عقد الاثنين", a),
        "2024-03-04"
    );
}

#[test]
fn a_year_before_its_noun_is_a_date_and_a_count_is_not() {
    let a = "2024-03-05";
    assert_eq!(value("The ministry recalled its 1998 ruling.", a), "1998");
    assert_eq!(
        value("Police described a 2016 raid on the port.", a),
        "2016"
    );
    assert_eq!(
        value("It followed Egypt's 1979 treaty with its neighbour.", a),
        "1979"
    );
    // A plural noun after the number makes it a count; a number alone stays a number.
    assert!(dates("Their 1500 members voted.", Some(a)).is_empty());
}

#[test]
fn this_morning_and_the_night_before_yesterday_in_arabic() {
    let a = "2024-03-05";
    assert_eq!(
        value("وقال المتحدث إن هذا الصباح شهد هدوءا", a),
        "2024-03-05TMO"
    );
    assert_eq!(value("وقعت الحادثة البارحة الأولى", a), "2024-03-03");
    assert_eq!(value("سيعود الوفد هذا المساء", a), "2024-03-05TEV");
}

#[test]
fn a_clock_time_before_a_day_is_on_that_day() {
    // 2024-01-10 is a Wednesday
    let a = "2024-01-10";
    assert_eq!(
        value("Polls closed at 10 p.m. Monday.", a),
        "2024-01-08T22:00"
    );
    assert_eq!(
        value("The deadline is 5 p.m. Jan. 3, the ministry said.", a),
        "2024-01-03T17:00"
    );
    assert_eq!(
        value("وأغلقت مراكز الاقتراع الساعة 10 مساء الاثنين", a),
        "2024-01-08T22:00"
    );
}

#[test]
fn a_day_and_month_weeks_ahead_is_this_years() {
    let a = "2024-10-25";
    assert_eq!(value("The vote is set for Nov. 16.", a), "2024-11-16");
    assert_eq!(value("ويجري التصويت في 16 نوفمبر", a), "2024-11-16");
    // five months ahead is too far: last year's
    assert_eq!(
        value("The plant opened on Dec. 30.", "2024-08-01"),
        "2023-12-30"
    );
    // a month alone stays in the past: "May" in late April is last May
    assert_eq!(value("Prices rose in May.", "2024-04-27"), "2023-05");
    assert_eq!(value("وارتفعت الأسعار في مايو", "2024-04-27"), "2023-05");
    // early January named in late December
    assert_eq!(
        value("The talks resume on Jan. 5.", "2024-12-28"),
        "2025-01-05"
    );
}

#[test]
fn references_quarters_and_seasons_resolve() {
    let a = "2024-10-25";
    let d = dates("Inflation is now lower than it was recently.", Some(a));
    assert_eq!(
        d.iter().map(|x| x.1.as_deref()).collect::<Vec<_>>(),
        [Some("PRESENT_REF"), Some("PAST_REF")]
    );
    assert!(d.iter().all(|x| x.2 == Grain::Reference));
    let d = dates("ويعمل حاليا على خطة ستنفذ في المستقبل", Some(a));
    assert_eq!(
        d.iter().map(|x| x.1.as_deref()).collect::<Vec<_>>(),
        [Some("PRESENT_REF"), Some("FUTURE_REF")]
    );
    assert_eq!(
        value("Profit rose in the third quarter.", a),
        "2024-07-01/2024-09-30"
    );
    assert_eq!(
        value("وارتفعت الأرباح في الربع الثالث", a),
        "2024-07-01/2024-09-30"
    );
    // the latest quarter is the last complete one
    assert_eq!(
        value("Sales fell in the latest quarter.", a),
        "2024-07-01/2024-09-30"
    );
    // "a year ago" after a quarter: that quarter a year back
    let d = dates(
        "Profit rose in the second quarter, against a loss a year ago.",
        Some(a),
    );
    assert_eq!(d[1].1.as_deref(), Some("2023-04-01/2023-06-30"), "{d:?}");
    assert_eq!(
        value("The dam filled last summer.", a),
        "2024-06-01/2024-08-31"
    );
    assert_eq!(value("وامتلأ السد الصيف الماضي", a), "2024-06-01/2024-08-31");
}

#[test]
fn a_day_right_after_a_verb_of_reporting_is_past() {
    // 2024-01-10 is a Wednesday: the Friday before is the 5th, the one after the 12th
    let a = "2024-01-10";
    assert_eq!(
        value("The minister said Friday that talks will resume soon.", a),
        "2024-01-05"
    );
    assert_eq!(
        value(
            "Officials announced on Friday that the border will reopen.",
            a
        ),
        "2024-01-05"
    );
    assert_eq!(
        value("The results will be announced Friday, officials said.", a),
        "2024-01-12"
    );
    assert_eq!(
        value("أعلن الجمعة أن المحادثات ستستأنف في القاهرة", a),
        "2024-01-05"
    );
    assert_eq!(
        value("سيعقد المجلس اجتماعه الجمعة في الرياض", a),
        "2024-01-12"
    );
}

#[test]
fn next_says_the_future_only_before_a_unit() {
    let a = "2024-01-10";
    assert_eq!(
        value("A car bomb exploded next to the embassy on Friday.", a),
        "2024-01-05"
    );
    assert_eq!(
        value("The explosion on Friday hit the building next door.", a),
        "2024-01-05"
    );
    assert_eq!(
        value("وقع الانفجار الجمعة أثناء مرور الموكب القادم من المطار", a),
        "2024-01-05"
    );
}

#[test]
fn expected_and_planned_days_go_forward() {
    let a = "2024-01-10";
    assert_eq!(
        value("The delegation is expected to arrive on Friday.", a),
        "2024-01-12"
    );
    assert_eq!(
        value("The father could travel as soon as Friday.", a),
        "2024-01-12"
    );
    assert_eq!(
        value("He would be traveling to Geneva Friday with his family.", a),
        "2024-01-12"
    );
    assert_eq!(value("من المتوقع أن يصل الوفد الجمعة", a), "2024-01-12");
    assert_eq!(value("وصل الوفد إلى جنيف الجمعة", a), "2024-01-05");
}

#[test]
fn a_weekday_and_date_before_a_colon() {
    // 26 October 2020 was a Monday
    let a = "2020-10-25";
    assert_eq!(
        value(
            "The paper said in an editorial on Monday, Oct. 26: the vote matters.",
            a
        ),
        "2020-10-26"
    );
    assert_eq!(
        value(
            "قالت الصحيفة في افتتاحيتها يوم الاثنين 26 أكتوبر: إن التصويت مهم",
            a
        ),
        "2020-10-26"
    );
}

#[test]
fn numbers_after_a_weekday_or_month_that_are_no_day() {
    let a = "2024-01-10";
    for (text, span) in [
        (
            "At the close of business Thursday, 5,745,188 shares were tendered.",
            "thursday",
        ),
        (
            "Prices closed lower again Friday, the fourth decline in a row.",
            "friday",
        ),
        (
            "Later Thursday, two of the cousins left the court.",
            "thursday",
        ),
        (
            "It unveiled its new computers in April. One of them sold well.",
            "april",
        ),
        ("وأغلقت الأسهم الخميس، 15 شركة على ارتفاع", "الخميس"),
    ] {
        assert_eq!(one(text, Some(a)).0, span, "{text}");
    }
}

#[test]
fn fractions_and_decimal_figures_are_no_dates() {
    let a = "2024-01-10";
    for text in [
        "The shares rose 4 5/8 to 112 5/8 and the bonds 1/2 to 101 1/4.",
        "The index closed at 2082.1, down 4.5% from the week before.",
        "The company may seek control and may help the bid.",
        "This may be the last round of talks.",
        "أغلق المؤشر عند 1621.31 نقطة مرتفعا 0.5 في المئة",
    ] {
        assert_eq!(dates(text, Some(a)), vec![], "{text}");
    }
    // "on" or في still makes a day of two numbers
    assert_eq!(value("وصل الوفد إلى جنيف في 1/2", a), "2024-02-01");
}

#[test]
fn years_in_words_and_this_month() {
    let a = "1998-06-26";
    assert_eq!(
        one("In nineteen ninety-one he was convicted.", Some(a)),
        ("nineteen ninety-one".into(), Some("1991".into()))
    );
    assert_eq!(
        one("January nineteen ninety-seven. Atlanta again.", Some(a)),
        (
            "january nineteen ninety-seven".into(),
            Some("1997-01".into())
        )
    );
    assert_eq!(
        dates("He had fifteen twenty-dollar bills and a map.", Some(a)),
        vec![]
    );
    // "this September": the anchor's year's, even when the month is still to come
    assert_eq!(
        value("The party hopes to win its first seats this September.", a),
        "1998-09"
    );
    assert_eq!(
        value("يأمل الحزب الفوز بمقاعده الأولى هذا سبتمبر", a),
        "1998-09"
    );
}

#[test]
fn parts_of_the_day_on_the_day_they_name() {
    // 2024-03-04 is a Monday
    let a = "2024-03-04";
    for (text, span, v) in [
        (
            "The convoy reached the border on Friday afternoon.",
            "friday afternoon",
            "2024-03-01TAF",
        ),
        (
            "Talks broke down Wednesday night, officials said.",
            "wednesday night",
            "2024-02-28TNI",
        ),
        (
            "The minister spoke to reporters this morning.",
            "this morning",
            "2024-03-04TMO",
        ),
        (
            "The rally ended late yesterday evening.",
            "yesterday evening",
            "2024-03-03TEV",
        ),
        (
            "وصل الوفد إلى القاهرة مساء الأحد.",
            "مساء الاحد",
            "2024-03-03TEV",
        ),
        (
            "وقع الانفجار صباح اليوم قرب الميناء.",
            "صباح اليوم",
            "2024-03-04TMO",
        ),
        (
            "وشنت الطائرات غارات فجر يوم الجمعة على المدينة.",
            "فجر يوم الجمعه",
            "2024-03-01TMO",
        ),
        (
            "وعاد الوزير إلى بلاده الأحد مساء بعد جولة إقليمية.",
            "الاحد مساء",
            "2024-03-03TEV",
        ),
    ] {
        assert_eq!(
            one(text, Some(a)),
            (span.to_string(), Some(v.to_string())),
            "{text}"
        );
    }
    // a clock time after the part of the day is on that day
    assert_eq!(
        value("The envoys will meet Saturday morning at 9.", a),
        "2024-03-09T09:00"
    );
    assert_eq!(
        value("The talks resumed Friday evening at 8.", a),
        "2024-03-01T20:00"
    );
    let d = dates("Fighting resumed Friday afternoon.", Some(a));
    assert_eq!(d[0].2, Grain::Time);
    // a clock time says more than the part of the day
    assert_eq!(
        value("The vote closed this evening at 8.", a),
        "2024-03-04T20:00"
    );
    // a part joined by و is the next day's
    let d = dates("وصل الوفد الجمعة وصباح السبت التقى الرئيس.", Some(a));
    assert_eq!(
        d.iter()
            .map(|x| (x.0.as_str(), x.1.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("الجمعه", Some("2024-03-01")),
            ("صباح السبت", Some("2024-03-02TMO"))
        ]
    );
    // "ليلة الأحد" is often the night before Sunday: the weekday alone
    assert_eq!(
        one("وقعت الاشتباكات ليلة الأحد في الحي.", Some(a))
            .1
            .as_deref(),
        Some("2024-03-03")
    );
}

#[test]
fn that_day_is_the_day_named_last() {
    let a = "2024-03-06";
    let d = dates(
        "The envoy arrived in Cairo on March 2. Later that day he met the foreign minister.",
        Some(a),
    );
    assert_eq!(
        d.iter()
            .map(|x| (x.0.as_str(), x.1.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("march 2", Some("2024-03-02")),
            ("later that day", Some("2024-03-02"))
        ]
    );
    let d = dates(
        "Protesters gathered on Monday afternoon, and police cleared the square the same day.",
        Some(a),
    );
    assert_eq!(d[1].1.as_deref(), Some("2024-03-04"), "{d:?}");
    let d = dates(
        "وصل المبعوث إلى بغداد أمس، والتقى في اليوم نفسه رئيس الوزراء.",
        Some(a),
    );
    assert_eq!(
        d.iter()
            .map(|x| (x.0.as_str(), x.1.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("امس", Some("2024-03-05")),
            ("اليوم نفسه", Some("2024-03-05"))
        ]
    );
    assert_eq!(
        dates(
            "وفي ذلك اليوم، أعلن الجيش انسحابه من المدينة يوم 3 مارس.",
            Some(a)
        )[0]
        .1,
        None,
        "no day named before it"
    );
}

#[test]
fn a_deadline_month_is_the_nearest_one() {
    let a = "2024-03-22";
    assert_eq!(
        value("The talks are supposed to conclude by May.", a),
        "2024-05"
    );
    assert_eq!(value("وتستمر المحادثات حتى مايو", a), "2024-05");
    assert_eq!(value("ويجب تسليم المشروع بحلول شهر يونيو", a), "2024-06");
    // the end of a stretch already over
    assert_eq!(
        value("The prisoners were held until February.", a),
        "2024-02"
    );
    assert_eq!(value("وظل المعتقلون في السجن حتى فبراير", a), "2024-02");
    // without a deadline word a month after the anchor's is last year's
    assert_eq!(value("The talks concluded in May.", a), "2023-05");
    // a day of a month as a deadline
    assert_eq!(
        value("The bank must repay the loan by June 30.", a),
        "2024-06-30"
    );
    assert_eq!(value("وتستمر الهدنة حتى 30 يونيو", a), "2024-06-30");
    // a deadline in the new year, read in December
    assert_eq!(
        value("The plant should be finished by January.", "2024-12-10"),
        "2025-01"
    );
}

#[test]
fn an_arabic_verb_then_its_subject_then_the_day() {
    // 2024-03-06 is a Wednesday: the day of a verb of saying is past, whatever future it reports
    let a = "2024-03-06";
    assert_eq!(
        value("أعلنت الحكومة المصرية الخميس أنها ستفتح المعبر.", a),
        "2024-02-29"
    );
    assert_eq!(
        value(
            "وأكد وزير الخارجية الأردني أيمن الصفدي الأحد أن المملكة ستواصل دعمها.",
            a
        ),
        "2024-03-03"
    );
    assert_eq!(
        value("التقى الوزير الأحد نظيره الأردني في عمان.", a),
        "2024-03-03"
    );
    // a future verb opening the clause, or a day inside the clause said, goes forward
    assert_eq!(value("وسيلتقي الوزير الأحد نظيره الأردني.", a), "2024-03-10");
    assert_eq!(
        value("قال المتحدث إن الوزير سيلتقي الأحد نظيره الأردني.", a),
        "2024-03-10"
    );
}

#[test]
fn holidays_with_a_fixed_day() {
    let a = "2000-01-10";
    assert_eq!(
        value("The boy was found at sea on Thanksgiving Day.", a),
        "1999-11-25"
    );
    assert_eq!(
        value("He was rescued last Thanksgiving off the coast.", a),
        "1999-11-25"
    );
    assert_eq!(value("The shops closed on Christmas Eve.", a), "1999-12-24");
    assert_eq!(
        value("The talks resume after Christmas 2001.", a),
        "2001-12-25"
    );
    // a holiday weeks ahead of a report is this year's
    assert_eq!(
        value("The ceasefire should hold until Christmas.", "2023-12-01"),
        "2023-12-25"
    );
    assert_eq!(
        value(
            "وتعهد الرئيس بإنهاء الأزمة قبل رأس السنة الميلادية",
            "2023-12-01"
        ),
        "2024-01-01"
    );
    assert_eq!(
        value("The rally began on Christmas morning.", a),
        "1999-12-25TMO"
    );
}
