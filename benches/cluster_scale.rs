//! Clustering at scale: generate synthetic-but-realistic extracted documents from templates, with
//! planted syndicated copies and Arabic/English reports of the same story, cluster them, and
//! report time, peak memory and pairwise precision/recall against the planted stories.
//!
//!     cargo bench --bench cluster_scale -- [N_DOCS] [THREADS]
//!
//! The generator builds records as the extractor would return them (body, language, publication
//! day, entities, events, dates), so the figures are for the clustering pass alone.
//! Hard negatives come for free: a pool of persons and country pairs far smaller than the number
//! of stories means the same actors meet again on other days, about other things.

use std::time::Instant;

use khabar::doc::{DateExpr, Document, Entity, EntityKind, Event, EventMode, EventType, Grain};
use khabar::time::calendar::Day;

/// A small deterministic generator (xorshift64*), so every run sees the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const COUNTRIES: [&str; 40] = [
    "EGY", "RUS", "USA", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "SAU", "ARE", "QAT", "JOR",
    "MAR", "DZA", "TUN", "LBY", "SDN", "IRQ", "SYR", "LBN", "ISR", "PSE", "YEM", "OMN", "KWT",
    "BHR", "IND", "PAK", "JPN", "KOR", "ITA", "ESP", "GRC", "ETH", "NGA", "ZAF", "BRA", "UKR",
    "AZE",
];
const ORGS: [&str; 12] = [
    "UN", "EU", "NATO", "AU", "LAS", "GCC", "OIC", "IAEA", "WHO", "IMF", "OPEC", "BRICS",
];
const EVENTS: [&str; 8] = [
    "CONSULT",
    "AGREE",
    "COOPERATE",
    "SUPPORT",
    "REJECT",
    "ACCUSE",
    "AID",
    "PROTEST",
];
const TOPICS_EN: [&str; 10] = [
    "energy cooperation",
    "border security",
    "trade and investment",
    "water sharing",
    "migration",
    "the humanitarian situation",
    "counter-terrorism",
    "grain exports",
    "a ceasefire",
    "debt relief",
];
const TOPICS_AR: [&str; 10] = [
    "التعاون في مجال الطاقة",
    "أمن الحدود",
    "التجارة والاستثمار",
    "تقاسم المياه",
    "الهجرة",
    "الوضع الإنساني",
    "مكافحة الإرهاب",
    "صادرات الحبوب",
    "وقف إطلاق النار",
    "تخفيف الديون",
];
/// Sentence templates: `{a}`/`{b}` are the two countries, `{n}` a number, `{p}` a person.
const FILLER_EN: [&str; 12] = [
    "The talks between {a} and {b} came amid growing concern over the situation in the region.",
    "Officials from {a} said further meetings with {b} would be held at the technical level within {n} days.",
    "The ministry in {b} said in a statement that both sides stressed the importance of dialogue.",
    "Analysts said the meeting signalled a shift in relations between {a} and {b}.",
    "Person {p} also met business leaders and {n} members of parliament.",
    "A joint committee of {a} and {b} is expected to follow up on the outcome.",
    "Both sides agreed to keep channels of communication open, Person {p} said.",
    "The visit is the first at this level in {n} years, according to the embassy of {a}.",
    "Trade between {a} and {b} reached {n} million dollars last year.",
    "Person {p} is expected to travel to {b} later in the year.",
    "Protesters gathered outside the embassy of {b} in the capital of {a}.",
    "The opposition in {a} criticised the agreement with {b}, Person {p} said.",
];
const FILLER_AR: [&str; 12] = [
    "وجاءت المباحثات بين {a} و{b} وسط قلق متزايد إزاء الأوضاع في المنطقة.",
    "وقال مسؤولون في {a} إن اجتماعات أخرى مع {b} ستعقد على المستوى الفني خلال {n} يوما.",
    "وذكرت الوزارة في {b} في بيان أن الجانبين أكدا أهمية الحوار.",
    "ورأى محللون أن اللقاء يشير إلى تحول في العلاقات بين {a} و{b}.",
    "والتقى p{p} أيضا رجال أعمال و{n} من أعضاء البرلمان.",
    "ومن المتوقع أن تتابع لجنة مشتركة بين {a} و{b} نتائج المباحثات.",
    "واتفق الجانبان على إبقاء قنوات الاتصال مفتوحة، بحسب p{p}.",
    "وتعد الزيارة الأولى على هذا المستوى منذ {n} عاما، وفق سفارة {a}.",
    "وبلغ حجم التجارة بين {a} و{b} {n} مليون دولار العام الماضي.",
    "ومن المنتظر أن يزور p{p} {b} في وقت لاحق من العام.",
    "وتجمع محتجون أمام سفارة {b} في عاصمة {a}.",
    "وانتقدت المعارضة في {a} الاتفاق مع {b}، بحسب p{p}.",
];

fn fill(rng: &mut Rng, template: &str, s: &Story, persons: usize) -> String {
    template
        .replace("{a}", s.countries[0])
        .replace("{b}", s.countries[1])
        .replace("{n}", &(2 + rng.below(500)).to_string())
        .replace("{p}", &rng.below(persons).to_string())
}

/// The facts of one story, which every report of it shares.
struct Story {
    day: Day,
    countries: [&'static str; 2],
    persons: Vec<usize>,
    org: Option<&'static str>,
    event: &'static str,
    topic: usize,
    number: Option<u32>,
}

fn person(i: usize, lang: &str) -> Entity {
    let name = if lang == "en" {
        format!("Person {i}")
    } else {
        format!("p{i}")
    };
    Entity::new(
        format!("person-{i}"),
        EntityKind::Person,
        name,
        format!("k{i:x}"),
    )
}

fn entity(id: &str, kind: EntityKind) -> Entity {
    Entity::new(id.to_string(), kind, id.to_string(), id.to_string())
}

fn report(
    rng: &mut Rng,
    s: &Story,
    lang: &str,
    id: String,
    dated: bool,
    persons: usize,
) -> Document {
    let (topic, filler) = if lang == "en" {
        (TOPICS_EN[s.topic], &FILLER_EN)
    } else {
        (TOPICS_AR[s.topic], &FILLER_AR)
    };
    let mut body = if lang == "en" {
        format!(
            "Person {} held talks with Person {} on {} in the capital of {}.",
            s.persons[0],
            s.persons.get(1).unwrap_or(&s.persons[0]),
            topic,
            s.countries[0]
        )
    } else {
        format!(
            "بحث p{} مع p{} {} في عاصمة {}.",
            s.persons[0],
            s.persons.get(1).unwrap_or(&s.persons[0]),
            topic,
            s.countries[0]
        )
    };
    if let Some(n) = s.number {
        body.push_str(&if lang == "en" {
            format!(" The package is worth {n} million dollars.")
        } else {
            format!(" وتبلغ قيمة الحزمة {n} مليون دولار.")
        });
    }
    for _ in 0..4 + rng.below(4) {
        body.push(' ');
        let template = filler[rng.below(filler.len())];
        let sentence = fill(rng, template, s, persons);
        body.push_str(&sentence);
    }
    let mut entities: Vec<Entity> = s.persons.iter().map(|&p| person(p, lang)).collect();
    entities.extend(s.countries.iter().map(|c| entity(c, EntityKind::Country)));
    entities.extend(s.org.map(|o| entity(o, EntityKind::Org)));
    let event = Event {
        kind: EventType::parse(s.event).expect("a PLOVER type"),
        context: Vec::new(),
        cameo: None,
        source: vec![s.countries[0].to_string()],
        target: vec![s.countries[1].to_string()],
        mode: EventMode::Asserted,
        date: None,
        location: None,
        start: 0,
        end: 0,
        trigger: String::new(),
    };
    let mut doc = Document::empty(&id);
    doc.lang = lang.to_string();
    doc.body = body;
    doc.entities = entities;
    doc.events = vec![event];
    if dated {
        doc.published = Some(s.day.iso());
        doc.dates = vec![DateExpr {
            start: 0,
            end: 0,
            text: String::new(),
            value: Some(s.day.iso()),
            grain: Grain::Day,
        }];
    }
    doc
}

/// A syndicated copy: the same body with the outlet's own furniture around it.
fn syndicate(rng: &mut Rng, d: &Document, id: String) -> Document {
    let mut c = d.clone();
    c.id = id;
    let extra = if d.lang == "en" {
        " Read more: related stories from our correspondents."
    } else {
        " اقرأ أيضا: أخبار ذات صلة من مراسلينا."
    };
    if rng.chance(0.5) {
        c.body.push_str(extra);
    } else {
        c.body = format!("{}{}", extra.trim_start(), c.body);
    }
    c
}

fn generate(n: usize) -> (Vec<Document>, Vec<usize>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let persons = (n / 10).max(50);
    let start = Day::new(2021, 1, 1).expect("a day").to_days();
    let (mut docs, mut truth) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut story = 0;
    while docs.len() < n {
        let c0 = *rng.pick(&COUNTRIES);
        let mut c1 = *rng.pick(&COUNTRIES);
        while c1 == c0 {
            c1 = *rng.pick(&COUNTRIES);
        }
        let s = Story {
            day: Day::from_days(start + rng.below(3 * 365) as i64),
            countries: [c0, c1],
            persons: (0..1 + rng.below(2)).map(|_| rng.below(persons)).collect(),
            org: rng.chance(0.3).then(|| *rng.pick(&ORGS)),
            event: EVENTS[rng.below(EVENTS.len())],
            topic: rng.below(TOPICS_EN.len()),
            number: rng.chance(0.3).then(|| 10 + rng.below(9000) as u32),
        };
        let lang = if rng.chance(0.5) { "en" } else { "ar" };
        let first = report(
            &mut rng,
            &s,
            lang,
            format!("d{}", docs.len()),
            true,
            persons,
        );
        if rng.chance(0.2) {
            let copy = syndicate(&mut rng, &first, format!("d{}", docs.len() + 1));
            docs.push(copy);
            truth.push(story);
        }
        docs.push(first);
        truth.push(story);
        if rng.chance(0.3) {
            let other = if lang == "en" { "ar" } else { "en" };
            let dated = rng.chance(0.5);
            docs.push(report(
                &mut rng,
                &s,
                other,
                format!("d{}", docs.len()),
                dated,
                persons,
            ));
            truth.push(story);
        }
        story += 1;
    }
    docs.truncate(n);
    truth.truncate(n);
    (docs, truth)
}

fn pairs(sizes: impl Iterator<Item = usize>) -> u64 {
    sizes.map(|k| (k * k.saturating_sub(1) / 2) as u64).sum()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let n: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let threads: usize = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(khabar::extractor::default_threads);
    let t = Instant::now();
    let (mut docs, truth) = generate(n);
    let input_mb = docs.iter().map(|d| d.body.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "generated {n} documents ({input_mb:.0} MB of body text) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let t = Instant::now();
    pool.install(|| khabar::cluster::assign(&mut docs));
    let secs = t.elapsed().as_secs_f64();

    // Pairwise precision and recall against the planted stories.
    let mut by_cluster: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_cluster
            .entry(d.cluster.as_deref().unwrap_or(""))
            .or_default()
            .push(truth[i]);
    }
    let predicted = pairs(by_cluster.values().map(Vec::len));
    let mut tp = 0;
    for stories in by_cluster.values_mut() {
        stories.sort_unstable();
        tp += pairs(stories.chunk_by(|a, b| a == b).map(<[usize]>::len));
    }
    let mut true_sizes = truth.clone();
    true_sizes.sort_unstable();
    let actual = pairs(true_sizes.chunk_by(|a, b| a == b).map(<[usize]>::len));
    println!(
        "clustered on {threads} threads in {secs:.1} s ({:.0} docs/s, {:.1} MB/s); peak memory {:.0} MB",
        n as f64 / secs,
        input_mb / secs,
        peak_rss_mb()
    );
    if std::env::var_os("KHABAR_EXPLAIN").is_some() {
        explain_false_merges(&docs, &truth);
    }
    println!(
        "planted pairs {actual}, predicted pairs {predicted}: precision {:.4}, recall {:.4}",
        tp as f64 / predicted.max(1) as f64,
        tp as f64 / actual.max(1) as f64
    );
}

/// Show a few false merges: which facts two documents of different planted stories shared.
fn explain_false_merges(docs: &[Document], truth: &[usize]) {
    use khabar::cluster::{fingerprint, story_score, Weights};
    let fps: Vec<_> = docs.iter().map(fingerprint::of).collect();
    let w = Weights::of(&fps.iter().collect::<Vec<_>>());
    let mut by_cluster: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        by_cluster
            .entry(d.cluster.as_deref().unwrap_or(""))
            .or_default()
            .push(i);
    }
    let mut shown = 0;
    for members in by_cluster.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if truth[a] != truth[b] && shown < 8 {
                    shown += 1;
                    let shared: Vec<_> = fps[a]
                        .features
                        .iter()
                        .filter(|f| fps[b].features.contains(f))
                        .map(|f| (f.kind, w.rare(f)))
                        .collect();
                    println!(
                        "false merge {} ({:?}, {}) ~ {} ({:?}, {}): score {:?}, shared {:?}",
                        docs[a].id,
                        fps[a].day,
                        docs[a].lang,
                        docs[b].id,
                        fps[b].day,
                        docs[b].lang,
                        story_score(&fps[a], &fps[b], &w),
                        shared
                    );
                }
            }
        }
    }
}
