//! Throughput of the Rust core, per language and per stage, on one thread and on all cores:
//! `cargo bench --bench pipeline [-- CORPUS_DIR [MAX_MB]]`.
//!
//! The corpus is a folder of JSON Lines files (`{id, lang, date, text}` per line), by default
//! `../shared/eval/corpus`; `scripts/gen_corpus.py` writes a synthetic one. No timing is asserted:
//! this is a measurement, and `khabar bench` puts the same figures beside the peers.

use std::collections::BTreeMap;
use std::time::Duration;

use khabar::bench::{run_batch, BatchTimes};
use khabar::timing::Stage;
use khabar::{Config, Extractor, Input};

fn load(dir: &str, max_mb: f64) -> BTreeMap<String, Vec<Input>> {
    let mut by_lang: BTreeMap<String, Vec<Input>> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e} (give the corpus folder as the first argument)"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let content = std::fs::read_to_string(&path).expect("readable corpus file");
        for line in content.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let lang = v["lang"].as_str().unwrap_or("und").to_string();
            let docs = by_lang.entry(lang.clone()).or_default();
            let size: usize = docs.iter().map(|i| i.text.len()).sum();
            if size as f64 >= max_mb * 1e6 {
                break;
            }
            let mut input = Input::new(
                v["id"].as_str().unwrap_or(""),
                v["text"].as_str().unwrap_or(""),
            );
            input.published = v["date"]
                .as_str()
                .filter(|d| d.len() >= 10 && d.as_bytes()[4] == b'-')
                .map(|d| d[..10].to_string());
            input.lang = Some(lang);
            docs.push(input);
        }
    }
    by_lang
}

fn mbs(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

fn report(lang: &str, one: &BatchTimes, all: &BatchTimes, cores: usize) {
    let (n, b) = (one.docs, one.bytes);
    println!("\n== {lang}: {n} documents, {:.1} MB", b as f64 / 1e6);
    for (label, a, c) in [
        ("pipeline", one.extract, all.extract),
        ("clustering", one.cluster, all.cluster),
        ("columns", one.columns, all.columns),
    ] {
        println!(
            "{label:12} 1 thread {:8.2} MB/s {:8.0} docs/s | {cores} threads {:8.2} MB/s {:8.0} docs/s",
            mbs(b, a),
            n as f64 / a.as_secs_f64(),
            mbs(b, c),
            n as f64 / c.as_secs_f64()
        );
    }
    println!(
        "speed-up on {cores} threads: {:.2}x",
        one.extract.as_secs_f64() / all.extract.as_secs_f64()
    );
    let total = one.stages.total().as_secs_f64();
    for s in Stage::ALL {
        let t = one.stages.get(s);
        println!(
            "  {:16} {:8.2} MB/s per core  {:4.0}%",
            s.name(),
            mbs(b, t),
            100.0 * t.as_secs_f64() / total
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; the other arguments are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = args.first().map_or("../shared/eval/corpus", String::as_str);
    let max_mb: f64 = args
        .get(1)
        .and_then(|m| m.parse().ok())
        .unwrap_or(f64::INFINITY);
    let ex = Extractor::new(Config::default()).expect("default configuration");
    let cores = khabar::extractor::default_threads();
    for (lang, inputs) in load(dir, max_mb) {
        let one = run_batch(&ex, &inputs, Some(1));
        let all = run_batch(&ex, &inputs, None);
        report(&lang, &one, &all, cores);
    }
}
