//! Per-stage timing for benchmarks. The pipeline reports the end of each stage to a [`Laps`]
//! sink; the normal path passes `()`, whose empty `lap` compiles away, so timing costs nothing
//! unless a benchmark asks for it.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::extractor::{pool, Extractor, Input};

/// The stages of the per-document pipeline, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Folding, page layout and cleaning, publication day, language, sentences.
    Clean,
    Entities,
    Dates,
    /// Quotes and the events that read them.
    QuotesEvents,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Clean,
        Stage::Entities,
        Stage::Dates,
        Stage::QuotesEvents,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Clean => "normalise+clean",
            Stage::Entities => "entities",
            Stage::Dates => "dates",
            Stage::QuotesEvents => "quotes+events",
        }
    }
}

/// Where the pipeline reports that a stage has just finished.
pub trait Laps {
    fn lap(&mut self, stage: Stage);
}

/// No timing: the normal path.
impl Laps for () {
    #[inline(always)]
    fn lap(&mut self, _: Stage) {}
}

/// Time spent per stage, summed over the documents it timed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes(pub [Duration; 4]);

impl StageTimes {
    pub fn get(&self, stage: Stage) -> Duration {
        self.0[stage as usize]
    }

    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    pub fn total(&self) -> Duration {
        self.0.iter().sum()
    }
}

/// A stopwatch that charges the time since the previous lap to the stage that just ended.
pub struct Stopwatch {
    last: Instant,
    pub times: StageTimes,
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch {
            last: Instant::now(),
            times: StageTimes::default(),
        }
    }
}

impl Laps for Stopwatch {
    fn lap(&mut self, stage: Stage) {
        let now = Instant::now();
        self.times.0[stage as usize] += now - self.last;
        self.last = now;
    }
}

/// What one timed run over a batch measured.
#[derive(Debug, Clone, Default)]
pub struct BatchTimes {
    pub docs: usize,
    /// Bytes of UTF-8 input text.
    pub bytes: usize,
    /// Wall time of the per-document pipeline over the batch.
    pub extract: Duration,
    /// Thread time per stage, summed over the documents.
    pub stages: StageTimes,
    /// Wall time of clustering the batch (with the re-extraction of members that inherit a day).
    pub cluster: Duration,
    /// Wall time of building the result tables column-wise.
    pub columns: Duration,
}

/// Run the whole pipeline over `inputs` on `n_threads` threads, timing each part: the
/// benchmark entry point (the normal path is [`Extractor::extract`]).
pub fn run_batch(ex: &Extractor, inputs: &[Input], n_threads: Option<usize>) -> BatchTimes {
    let pool = pool(n_threads);
    let t0 = Instant::now();
    let timed: Vec<_> = pool.install(|| inputs.par_iter().map(|i| ex.extract_timed(i)).collect());
    let extract = t0.elapsed();
    let mut stages = StageTimes::default();
    let mut docs = Vec::with_capacity(timed.len());
    for (doc, t) in timed {
        stages.add(&t);
        docs.push(doc);
    }
    let t1 = Instant::now();
    if !ex.config().no_cluster {
        ex.cluster_batch(inputs, &mut docs, n_threads);
    }
    let cluster = t1.elapsed();
    let t2 = Instant::now();
    let tables = pool.install(|| crate::columns::tables(&docs));
    let columns = t2.elapsed();
    drop(tables);
    BatchTimes {
        docs: inputs.len(),
        bytes: inputs.iter().map(|i| i.text.len()).sum(),
        extract,
        stages,
        cluster,
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_charge_the_stage_that_ended() {
        let mut w = Stopwatch::start();
        std::thread::sleep(Duration::from_millis(5));
        w.lap(Stage::Clean);
        w.lap(Stage::Entities);
        assert!(w.times.get(Stage::Clean) >= Duration::from_millis(5));
        assert!(w.times.get(Stage::Entities) < Duration::from_millis(5));
        assert_eq!(w.times.total(), w.times.0.iter().sum());
    }

    #[test]
    fn a_timed_batch_gives_the_documents_of_the_normal_path() {
        let ex = Extractor::new(Default::default()).unwrap();
        let inputs = vec![
            Input::new(
                "en",
                "Jordan's foreign minister said on Sunday that talks would resume.",
            ),
            Input::new(
                "ar",
                "قال وزير الخارجية الأردني يوم الأحد إن المحادثات ستستأنف.",
            ),
        ];
        let t = run_batch(&ex, &inputs, Some(2));
        assert_eq!(
            (t.docs, t.bytes),
            (2, inputs[0].text.len() + inputs[1].text.len())
        );
        assert!(t.stages.get(Stage::Clean) > Duration::ZERO);
        for i in &inputs {
            assert_eq!(ex.extract_timed(i).0, ex.extract_one(i));
        }
    }
}
