//! Print the same-story score of every pair of documents in a JSON Lines file of khabar records:
//! a tool for calibrating the clustering threshold on annotated batches.
//!
//!     cargo run --release --example story_scores -- out.jsonl

use khabar::cluster::{fingerprint, story_score, Weights, SAME_STORY};
use khabar::Document;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: story_scores RECORDS.jsonl");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let docs: Vec<Document> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a record"))
        .collect();
    let fps: Vec<_> = docs.iter().map(fingerprint::of).collect();
    let w = Weights::of(&fps.iter().collect::<Vec<_>>());
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let s = story_score(&fps[i], &fps[j], &w);
            let mark = if s.is_some_and(|s| s >= SAME_STORY) {
                "SAME"
            } else {
                ""
            };
            println!(
                "{}\t{}\t{}\t{mark}",
                docs[i].id,
                docs[j].id,
                s.map_or("gated".into(), |s| format!("{s:.3}"))
            );
        }
    }
}
