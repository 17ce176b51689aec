//! The extractor: configuration and knowledge base, built once, shared read-only by the threads
//! that run the pipeline over a batch.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use once_cell::sync::Lazy;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::columns::{self, Table};
use crate::doc::{DateExpr, DocError, Document, ErrorCode, Grain, Span};
use crate::entities::{self, KnowledgeBase};
use crate::text::fold::Folded;
use crate::time::calendar::Day;
use crate::timing::{Laps, Stage, StageTimes, Stopwatch};
use crate::{clean, cluster, events, lexicon, quotes, text, time};

/// One document to process.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub id: String,
    pub text: String,
    /// Publication date or date-time (ISO 8601) given by the caller.
    pub published: Option<String>,
    /// Language given by the caller (ISO 639-1); detected when None.
    pub lang: Option<String>,
    /// Problems the caller already found (undecodable bytes, a missing text).
    pub errors: Vec<DocError>,
}

impl Input {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            id: id.into(),
            text: text.into(),
            ..Input::default()
        }
    }
}

/// What an extractor is built from; serialised to pickle and rebuild it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Do not group the documents of a batch into same-story clusters.
    pub no_cluster: bool,
    /// The user's knowledge-base rows, merged into the built-in tables.
    pub entities: Vec<entities::UserEntity>,
    /// Also give the times named only by their relation to the time of writing ("now",
    /// "recently", "in the future": grain `reference`, TimeML's `PRESENT_REF`…), which TimeML
    /// corpora mark. Off by default: the record's dates are the calendar dates and lengths of
    /// time of docs/output.md.
    pub reference_dates: bool,
}

/// Errors building an extractor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The configuration is not JSON of the [`Config`] shape (serde's message).
    Json(String),
    /// A knowledge-base row the user gave is refused.
    Entity(entities::kb::RowError),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Json(e) => write!(f, "bad configuration: {e}"),
            ConfigError::Entity(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A batch given up because its caller raised the stop flag (Ctrl-C in Python) before it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// Reads the caller's stop flag between a document's stages. A raised flag unwinds out of the
/// document with [`resume_unwind`], which calls no panic hook (a stop is no failure, and prints
/// nothing); the batch it belongs to is then given up whole, so the unwound document's error
/// record is never seen. A stage of a 10 MB document takes about a second, so a stop is honoured
/// within about that, in the middle of a long document.
struct StopCheck<'a>(&'a AtomicBool);

impl Laps for StopCheck<'_> {
    fn lap(&mut self, _: Stage) {
        if self.0.load(Ordering::Relaxed) {
            resume_unwind(Box::new(Stopped));
        }
    }
}

pub struct Extractor {
    config: Config,
    kb: KnowledgeBase,
}

impl Extractor {
    pub fn new(config: Config) -> Result<Extractor, ConfigError> {
        let kb = KnowledgeBase::new(&config.entities).map_err(ConfigError::Entity)?;
        Ok(Extractor { config, kb })
    }

    pub fn from_json(json: &str) -> Result<Extractor, ConfigError> {
        // serde reads a struct from a JSON array too (`[]`, `[true]`): only an object is a
        // configuration
        if !json.trim_start().starts_with('{') {
            return Err(ConfigError::Json(
                "expected a JSON object of settings".to_string(),
            ));
        }
        let config: Config =
            serde_json::from_str(json).map_err(|e| ConfigError::Json(e.to_string()))?;
        Extractor::new(config)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Process one document. Never panics: a failure inside a stage becomes an `errors` entry.
    pub fn extract_one(&self, input: &Input) -> Document {
        self.guarded(input, &mut ())
    }

    /// Process one document unless `stop` is raised (before it or between its stages): then an
    /// empty document comes back, which the caller, having raised the flag, throws away.
    fn extract_one_until(&self, input: &Input, stop: &AtomicBool) -> Document {
        if stop.load(Ordering::Relaxed) {
            return Document::empty(&input.id);
        }
        self.guarded(input, &mut StopCheck(stop))
    }

    /// For benchmarks: process one document and time its stages (see [`crate::timing`]).
    pub fn extract_timed(&self, input: &Input) -> (Document, StageTimes) {
        let mut watch = Stopwatch::start();
        let doc = self.guarded(input, &mut watch);
        (doc, watch.times)
    }

    fn guarded<L: Laps>(&self, input: &Input, laps: &mut L) -> Document {
        match catch_unwind(AssertUnwindSafe(|| self.run(input, laps))) {
            Ok(doc) => doc,
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown".to_string());
                let mut doc = Document::empty(&input.id);
                doc.errors = input.errors.clone();
                doc.errors.push(DocError::new(
                    ErrorCode::StageFailed,
                    format!("internal error, document skipped: {msg}"),
                ));
                doc
            }
        }
    }

    /// Process a batch on `n_threads` threads (None: `RAYON_NUM_THREADS` or all cores). The
    /// result is in input order and identical for any thread count.
    pub fn extract(&self, inputs: &[Input], n_threads: Option<usize>) -> Vec<Document> {
        self.extract_until(inputs, n_threads, &AtomicBool::new(false))
            .expect("a flag nobody raises never stops the batch")
    }

    /// [`Extractor::extract`], given up as soon as the caller raises `stop` (read before each
    /// document and between its stages, from any thread).
    pub fn extract_until(
        &self,
        inputs: &[Input],
        n_threads: Option<usize>,
        stop: &AtomicBool,
    ) -> Result<Vec<Document>, Stopped> {
        let mut docs = self.extract_unclustered_until(inputs, n_threads, stop)?;
        if !self.config.no_cluster {
            pool(n_threads).install(|| self.cluster(inputs, &mut docs));
        }
        Ok(docs)
    }

    /// [`Self::extract_until`], with the fact weights of the clustered batch (None when the
    /// configuration says `no_cluster`), for explaining its clusters later
    /// ([`cluster::explain::Explainer::with_weights`]).
    pub fn extract_weighed_until(
        &self,
        inputs: &[Input],
        n_threads: Option<usize>,
        stop: &AtomicBool,
    ) -> Result<(Vec<Document>, Option<cluster::Weights>), Stopped> {
        let mut docs = self.extract_unclustered_until(inputs, n_threads, stop)?;
        let weights = (!self.config.no_cluster)
            .then(|| pool(n_threads).install(|| self.cluster_weighed(inputs, &mut docs)));
        Ok((docs, weights))
    }

    /// Extract without clustering (the caller clusters a larger batch later), given up as soon
    /// as `stop` is raised.
    pub fn extract_unclustered_until(
        &self,
        inputs: &[Input],
        n_threads: Option<usize>,
        stop: &AtomicBool,
    ) -> Result<Vec<Document>, Stopped> {
        let docs: Vec<Document> = pool(n_threads).install(|| {
            inputs
                .par_iter()
                .map(|i| self.extract_one_until(i, stop))
                .collect()
        });
        if stop.load(Ordering::Relaxed) {
            return Err(Stopped);
        }
        Ok(docs)
    }

    /// Cluster documents already extracted from `inputs` (as `extract` does after extracting);
    /// benchmarks time it on its own.
    pub fn cluster_batch(&self, inputs: &[Input], docs: &mut [Document], n_threads: Option<usize>) {
        pool(n_threads).install(|| self.cluster(inputs, docs));
    }

    /// [`Self::cluster_batch`], returning the fact weights of the batch as it then stands (see
    /// [`Self::extract_weighed_until`]).
    pub fn cluster_batch_weighed(
        &self,
        inputs: &[Input],
        docs: &mut [Document],
        n_threads: Option<usize>,
    ) -> cluster::Weights {
        pool(n_threads).install(|| self.cluster_weighed(inputs, docs))
    }

    /// Cluster documents extracted from `inputs` together with the stories of `index` (a new
    /// document joining an old story takes its id), then add them to the index.
    pub fn cluster_incremental(
        &self,
        inputs: &[Input],
        docs: &mut [Document],
        index: &mut cluster::Index,
        n_threads: Option<usize>,
    ) {
        pool(n_threads).install(|| {
            let (outcome, entries) = cluster::assign_with(index, docs);
            self.inherit(inputs, docs, &outcome);
            index.extend(entries);
        });
    }

    /// Apply a clustering plan made elsewhere from these documents' index entries (see
    /// [`cluster::plan`]; distributed runs plan once for all partitions and apply per partition).
    pub fn apply_plan(
        &self,
        inputs: &[Input],
        docs: &mut [Document],
        plan: &cluster::Plan,
        n_threads: Option<usize>,
    ) {
        for (doc, id) in docs.iter_mut().zip(&plan.clusters) {
            doc.cluster = Some(id.clone());
        }
        // a plan for other documents is the caller's mistake: its stray indices are ignored
        for (i, names) in &plan.names {
            if let Some(doc) = docs.get_mut(*i) {
                cluster::apply_names(doc, names);
            }
        }
        let n = docs.len().min(inputs.len());
        let outcome = cluster::Outcome {
            inherit: plan.inherit.iter().copied().filter(|x| x.0 < n).collect(),
            renamed: Vec::new(),
        };
        pool(n_threads).install(|| self.inherit(inputs, docs, &outcome));
    }

    fn cluster(&self, inputs: &[Input], docs: &mut [Document]) {
        let outcome = cluster::assign(docs);
        self.inherit(inputs, docs, &outcome);
    }

    /// [`Self::cluster`], returning the fact weights of the batch as it then stands, which
    /// explaining its clusters needs (kept, they spare fingerprinting every document again).
    fn cluster_weighed(&self, inputs: &[Input], docs: &mut [Document]) -> cluster::Weights {
        let (outcome, entries) = cluster::assign_with(&cluster::Index::default(), docs);
        self.inherit(inputs, docs, &outcome);
        cluster::Weights::after(&entries, docs, &outcome)
    }

    /// Extract again the members that take their publication day from their cluster, so that
    /// their relative dates resolve against it.
    fn inherit(&self, inputs: &[Input], docs: &mut [Document], outcome: &cluster::Outcome) {
        let redone: Vec<(usize, Document)> = outcome
            .inherit
            .par_iter()
            .map(|&(i, day)| {
                let mut doc = self.redo(&inputs[i], day);
                doc.cluster.clone_from(&docs[i].cluster);
                for e in &mut doc.entities {
                    if let Some(old) = docs[i]
                        .entities
                        .iter()
                        .find(|o| o.key == e.key && o.kind == e.kind)
                    {
                        e.name.clone_from(&old.name);
                    }
                }
                (i, doc)
            })
            .collect();
        for (i, doc) in redone {
            docs[i] = doc;
        }
    }

    /// A document extracted again with the publication day its cluster lends it.
    fn redo(&self, input: &Input, day: Day) -> Document {
        let mut input = input.clone();
        input.published = Some(day.iso());
        let mut doc = self.extract_one(&input);
        doc.published_source = Some("cluster".to_string());
        doc
    }

    /// Extract a batch straight into the result tables (the same as [`columns::tables`] of
    /// [`Extractor::extract`]), a window of documents at a time: the batch is never held whole
    /// as documents, only as tables and, for clustering, as index entries (under 1 KB each).
    /// Clustering then plans from the entries, sets the cluster ids and shared names in the
    /// tables, and replaces the rows of members that take their cluster's day.
    pub fn extract_tables(&self, inputs: &[Input], n_threads: Option<usize>) -> Vec<Table> {
        self.extract_tables_until(inputs, n_threads, &AtomicBool::new(false))
            .expect("a flag nobody raises never stops the batch")
    }

    /// [`Extractor::extract_tables`], given up as soon as the caller raises `stop`.
    pub fn extract_tables_until(
        &self,
        inputs: &[Input],
        n_threads: Option<usize>,
        stop: &AtomicBool,
    ) -> Result<Vec<Table>, Stopped> {
        // Enough documents per window to keep every thread busy, few enough to hold lightly.
        let window = 128 * pool(n_threads).current_num_threads();
        self.tables_by(inputs, n_threads, window, stop)
    }

    /// [`Extractor::extract_tables`] with windows of `window` documents (tests use small ones).
    #[doc(hidden)]
    pub fn extract_tables_by(
        &self,
        inputs: &[Input],
        n_threads: Option<usize>,
        window: usize,
    ) -> Vec<Table> {
        self.tables_by(inputs, n_threads, window, &AtomicBool::new(false))
            .expect("a flag nobody raises never stops the batch")
    }

    fn tables_by(
        &self,
        inputs: &[Input],
        n_threads: Option<usize>,
        window: usize,
        stop: &AtomicBool,
    ) -> Result<Vec<Table>, Stopped> {
        let clustered = !self.config.no_cluster;
        pool(n_threads).install(|| {
            let mut parts = Vec::new();
            let mut entries = Vec::new();
            for chunk in inputs.chunks(window.max(1)) {
                let docs: Vec<Document> = chunk
                    .par_iter()
                    .map(|i| self.extract_one_until(i, stop))
                    .collect();
                if stop.load(Ordering::Relaxed) {
                    return Err(Stopped);
                }
                if clustered {
                    entries.par_extend(docs.par_iter().map(cluster::Entry::of));
                }
                parts.push(columns::Part::of(&docs));
            }
            if !clustered {
                return Ok(columns::assemble(parts, &[]));
            }
            let plan = cluster::plan(&[], &entries);
            drop(entries);
            let redone: Vec<(usize, Document)> = plan
                .inherit
                .par_iter()
                .map(|&(i, day)| {
                    let mut doc = self.redo(&inputs[i], day);
                    doc.cluster = Some(plan.clusters[i].clone());
                    if let Ok(k) = plan.names.binary_search_by_key(&i, |x| x.0) {
                        cluster::apply_names(&mut doc, &plan.names[k].1);
                    }
                    (i, doc)
                })
                .collect();
            let mut tables = columns::assemble(parts, &redone);
            columns::set_clusters(&mut tables, &plan.clusters);
            columns::rename(&mut tables, &plan.names);
            Ok(tables)
        })
    }

    fn run<L: Laps>(&self, input: &Input, laps: &mut L) -> Document {
        let mut doc = Document::empty(&input.id);
        doc.errors = input.errors.clone();
        #[cfg(feature = "fault-injection")]
        if input.text.contains("\u{0}khabar:panic\u{0}") {
            panic!("fault injected");
        }
        // a document that never ends unless its caller stops it, for the tests of Ctrl-C
        #[cfg(feature = "fault-injection")]
        if input.text.contains("\u{0}khabar:stall\u{0}") {
            loop {
                laps.lap(Stage::Clean);
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
        let folded = Folded::new(&input.text);
        let layout = clean::layout(&folded.text);

        let (anchor, published, source) = match input
            .published
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(p) => match Day::parse_iso(p) {
                Some(d) => (Some(d), Some(p.to_string()), Some("metadata")),
                None => {
                    doc.errors.push(DocError::new(
                        ErrorCode::PublishedUnparsed,
                        format!("published not understood, read from the text instead: {p:?}"),
                    ));
                    from_text(&layout)
                }
            },
            None => from_text(&layout),
        };
        doc.published = published;
        doc.published_source = source.map(str::to_string);

        let content: String = layout
            .content()
            .into_iter()
            .map(|r| &folded.text[r])
            .collect::<Vec<_>>()
            .join("\n");
        doc.lang = match &input.lang {
            Some(l) if !l.trim().is_empty() => l.trim().to_lowercase(),
            _ => text::lang::detect(&content, &lexicon::tables().function_words).to_string(),
        };

        let a = Analysis::new(&input.text, folded, layout, doc.lang.clone(), anchor);
        doc.lang_spans = other_language_lines(&a, &doc.lang);
        if let Some(t) = a.layout.title.clone() {
            let m = a.mention(t);
            doc.title = Some(m.text);
            doc.title_span = Some(Span {
                start: m.start,
                end: m.end,
            });
        }
        if let Some(s) = a.layout.source.clone() {
            doc.source = Some(a.mention(s).text);
        }
        doc.body = body_text(&a);
        doc.boilerplate = a
            .layout
            .clutter()
            .filter(|r| !r.is_empty())
            .map(|r| {
                let o = a.orig(r);
                Span {
                    start: o.start,
                    end: o.end,
                }
            })
            .collect();

        laps.lap(Stage::Clean);
        doc.entities = entities::extract(&a, &self.kb);
        laps.lap(Stage::Entities);
        doc.dates = time::recognise(a.text(), &a.layout.dated(), a.anchor)
            .into_iter()
            .filter(|t| self.config.reference_dates || t.grain != Grain::Reference)
            .map(|t| {
                let m = a.mention(t.range);
                if t.mismatch {
                    doc.errors.push(DocError::new(
                        ErrorCode::WeekdayMismatch,
                        format!(
                            "date {:?} names a weekday other than the publication day's",
                            m.text
                        ),
                    ));
                }
                DateExpr {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    value: t.value,
                    grain: t.grain,
                }
            })
            .collect();
        laps.lap(Stage::Dates);
        let (found, references) = quotes::extract_with_references(&a, &doc.entities);
        doc.quotes = found;
        doc.events = events::extract(&a, &doc.entities, &doc.dates, &doc.quotes);
        // the mentions by reference join their entities once events have read the names
        quotes::join_references(&mut doc.entities, references);
        laps.lap(Stage::QuotesEvents);
        doc
    }
}

/// Title and body lines written in another language than the document's. Only lines with
/// enough letters to tell are judged.
fn other_language_lines(a: &Analysis, lang: &str) -> Vec<crate::doc::LangSpan> {
    a.layout
        .lines
        .iter()
        .filter(|l| matches!(l.role, clean::Role::Body | clean::Role::Title))
        .filter_map(|l| {
            let words = &lexicon::tables().function_words;
            let other = text::lang::other_line(&a.text()[l.range.clone()], lang, 20, words)?;
            let o = a.orig(l.range.clone());
            Some(crate::doc::LangSpan {
                start: o.start,
                end: o.end,
                lang: other.to_string(),
            })
        })
        .collect()
}

fn from_text(layout: &clean::Layout) -> (Option<Day>, Option<String>, Option<&'static str>) {
    match &layout.published {
        Some(d) => (d.day, d.iso(), d.iso().map(|_| "text")),
        None => (None, None, None),
    }
}

/// The body: the original text of the body lines, paragraphs separated by a blank line where the
/// page had one.
fn body_text(a: &Analysis) -> String {
    let mut out = String::new();
    let mut gap = false;
    for line in &a.layout.lines {
        match line.role {
            clean::Role::Body => {
                if !out.is_empty() {
                    out.push_str(if gap { "\n\n" } else { "\n" });
                }
                let o = a.orig(line.range.clone());
                out.push_str(a.orig_text(o));
                gap = false;
            }
            clean::Role::Blank => gap = true,
            _ => {}
        }
    }
    out
}

/// Thread pools by size, rebuilt in a forked child (a pool's threads do not survive fork):
/// (process id, thread count, pool), the most recently used last. At most [`MAX_POOLS`] are
/// kept: a caller trying every `n_threads` from 1 to 64 must not leave thousands of idle threads.
type Pools = Vec<(u32, usize, Arc<rayon::ThreadPool>)>;

/// Thread pools kept alive at once; the least recently used beyond them is dropped (its threads
/// end when the batches using it finish).
const MAX_POOLS: usize = 4;

static POOLS: Lazy<Mutex<Pools>> = Lazy::new(|| Mutex::new(Vec::new()));

/// The number of threads to use when the caller does not say.
pub fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

pub(crate) fn pool(n_threads: Option<usize>) -> Arc<rayon::ThreadPool> {
    let n = n_threads
        .filter(|&n| n > 0)
        .unwrap_or_else(default_threads)
        .min(256);
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    pools.retain(|(p, _, _)| *p == pid);
    let pool = match pools.iter().position(|(_, size, _)| *size == n) {
        Some(i) => pools.remove(i).2,
        None => Arc::new(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("khabar-{i}"))
                .build()
                .expect("thread pool"),
        ),
    };
    pools.push((pid, n, Arc::clone(&pool)));
    if pools.len() > MAX_POOLS {
        pools.remove(0);
    }
    pool
}

#[cfg(test)]
mod pool_tests {
    use super::*;

    #[test]
    fn only_a_json_object_is_a_configuration() {
        for bad in ["[]", " [true]", "null", "3"] {
            let err = Extractor::from_json(bad).err().expect(bad);
            assert!(
                matches!(&err, ConfigError::Json(m) if m.contains("JSON object")),
                "{bad}: {err}"
            );
        }
        assert!(Extractor::from_json(" {}").is_ok());
    }

    #[test]
    fn thread_pools_are_kept_for_a_few_sizes_only() {
        for n in 1..=12 {
            assert_eq!(pool(Some(n)).current_num_threads(), n);
        }
        let sizes: Vec<usize> = POOLS.lock().unwrap().iter().map(|p| p.1).collect();
        assert!(sizes.len() <= MAX_POOLS, "{sizes:?}");
        // a size used again is reused, not built anew
        assert!(Arc::ptr_eq(&pool(Some(12)), &pool(Some(12))));
    }
}
