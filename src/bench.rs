//! The benchmark driver: the whole pipeline over a batch, each part timed (per-document stages
//! with the laps of [`crate::timing`], clustering, column building). `khabar bench` calls it
//! through the Python binding.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::extractor::{pool, Extractor, Input};
use crate::timing::StageTimes;

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
    use crate::timing::Stage;

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
