//! The Python binding (`khabar._core`): the only module that knows pyo3. It copies inputs out of
//! Python, runs the Rust pipeline with the GIL released, and keeps the documents in the core as a
//! `Batch`, from which the Python package gets its record objects (built straight from the Rust
//! structs, [`objects`]), the result tables as column buffers (Arrow's layout, handed to pyarrow
//! without one Python object per value) or the JSON records. `extract_columns` goes to the tables
//! without keeping the documents. `ClusterIndex` holds the stories clustered so far
//! ([`crate::cluster::Index`]), so that a later batch joins them (`Extractor.cluster(...,
//! index=...)`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyList, PyString, PyTuple, PyType};
use rayon::prelude::*;

use crate::bench;
use crate::cluster::{self, Entry, Index, Plan};
use crate::columns::{self, Column, StrColumn, Table};
use crate::doc::{DocError, Document, ErrorCode};
use crate::extractor::{self, Extractor, Input, Stopped};
use crate::time::calendar::Day;
use crate::timing::Stage;

/// One input as the Python side passes it: (id, text, published, lang, errors found so far as
/// (code, message) pairs).
type PyInput = (
    String,
    Text,
    Option<String>,
    Option<String>,
    Vec<(String, String)>,
);

/// An article's text, copied out of its Python str through a temporary UTF-8 bytes object.
/// pyo3's `String` extraction reads the str's cached UTF-8 form, which CPython then keeps inside
/// every non-ASCII str for as long as it lives: a second copy of each Arabic article in the
/// caller's memory.
struct Text(String);

impl FromPyObject<'_, '_> for Text {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let bytes = obj.cast::<PyString>()?.encode_utf8()?;
        let text = std::str::from_utf8(bytes.as_bytes())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Text(text.to_owned()))
    }
}

#[pyclass(frozen, module = "khabar._core", name = "Extractor")]
struct PyExtractor {
    inner: Arc<Extractor>,
    config_json: String,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (config_json = "{}"))]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        let inner = py
            .detach(|| built::extractor(config_json))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyExtractor {
            inner,
            config_json: config_json.to_string(),
        })
    }

    /// Whether the configuration says not to cluster (read without parsing the configuration
    /// again, which holds every user row).
    #[getter]
    fn no_cluster(&self) -> bool {
        self.inner.config().no_cluster
    }

    /// Extract a batch, in input order, and keep the documents in the core (a [`PyBatch`], which
    /// reads as the sequence of their JSON records). With `cluster=False` the documents are not
    /// grouped, whatever the configuration (the caller clusters a larger batch later with
    /// `cluster_batches`).
    #[pyo3(signature = (inputs, n_threads = None, cluster = true))]
    fn extract(
        &self,
        py: Python<'_>,
        inputs: Vec<PyInput>,
        n_threads: Option<usize>,
        cluster: bool,
    ) -> PyResult<PyBatch> {
        let inputs = to_inputs(inputs)?;
        let inner = &self.inner;
        interruptible(py, text_bytes(&inputs), |stop| {
            if cluster {
                // clustered unless the configuration says `no_cluster`
                inner.extract_weighed_until(&inputs, n_threads, stop)
            } else {
                Ok((
                    inner.extract_unclustered_until(&inputs, n_threads, stop)?,
                    None,
                ))
            }
        })
        .map(|(docs, weights)| PyBatch {
            docs: Arc::new(docs),
            weights: weights.map(Arc::new),
        })
    }

    /// The documents of `batches` (extracted from `inputs` in that order with `cluster=False`)
    /// as one batch, grouped into same-story clusters as `cluster` does.
    #[pyo3(signature = (inputs, batches, n_threads = None, index = None))]
    fn cluster_batches(
        &self,
        py: Python<'_>,
        inputs: Vec<PyInput>,
        batches: Vec<Bound<'_, PyBatch>>,
        n_threads: Option<usize>,
        index: Option<PyRef<'_, PyClusterIndex>>,
    ) -> PyResult<PyBatch> {
        let inputs = to_inputs(inputs)?;
        let parts: Vec<Arc<Vec<Document>>> =
            batches.iter().map(|b| Arc::clone(&b.get().docs)).collect();
        if parts.iter().map(|p| p.len()).sum::<usize>() != inputs.len() {
            return Err(PyValueError::new_err("one document per input is needed"));
        }
        let inner = Arc::clone(&self.inner);
        let index = index.map(|i| Arc::clone(&i.inner));
        let (docs, weights) = py.detach(move || {
            // the chunks' documents are still the chunks' (Python holds them): copied, on the
            // run's threads (a tenth of the clustering's time when done on one)
            let mut docs: Vec<Document> = extractor::pool(n_threads).install(|| {
                parts
                    .par_iter()
                    .flat_map(|p| p.par_iter().cloned())
                    .collect()
            });
            drop(parts);
            // the batch's own fact weights, kept for explaining its clusters (with an index the
            // clustering weighed the index's documents too, and they are not kept)
            let weights = match index {
                Some(index) => {
                    let mut index = index.lock().unwrap_or_else(|e| e.into_inner());
                    inner.cluster_incremental(&inputs, &mut docs, &mut index, n_threads);
                    None
                }
                None => Some(inner.cluster_batch_weighed(&inputs, &mut docs, n_threads)),
            };
            (docs, weights)
        });
        Ok(PyBatch {
            docs: Arc::new(docs),
            weights: weights.map(Arc::new),
        })
    }

    /// Group documents extracted with `cluster=False` into same-story clusters, across the whole
    /// batch. Returns each document's cluster id, and the records that changed beyond their
    /// cluster id (a publication day inherited from the cluster, a person's name shared) as
    /// (index, JSON record) pairs. With `index`, the batch is clustered together with the stories
    /// of the index (a document joining an old story takes its id) and then added to it.
    #[pyo3(signature = (inputs, records, n_threads = None, index = None))]
    #[allow(clippy::type_complexity)]
    fn cluster(
        &self,
        py: Python<'_>,
        inputs: Vec<PyInput>,
        records: Vec<String>,
        n_threads: Option<usize>,
        index: Option<PyRef<'_, PyClusterIndex>>,
    ) -> PyResult<(Vec<Option<String>>, Vec<(usize, String)>)> {
        if inputs.len() != records.len() {
            return Err(PyValueError::new_err("one record per input is needed"));
        }
        let inputs = to_inputs(inputs)?;
        let inner = Arc::clone(&self.inner);
        let index = index.map(|i| Arc::clone(&i.inner));
        py.detach(move || {
            let before = parse_records(&records)?;
            let mut docs = before.clone();
            match index {
                Some(index) => {
                    let mut index = index.lock().unwrap_or_else(|e| e.into_inner());
                    inner.cluster_incremental(&inputs, &mut docs, &mut index, n_threads);
                }
                None => inner.cluster_batch(&inputs, &mut docs, n_threads),
            }
            let ids = docs.iter().map(|d| d.cluster.clone()).collect();
            let changed = docs
                .iter()
                .zip(&before)
                .enumerate()
                .filter(|(_, (d, b))| {
                    let mut d = (*d).clone();
                    d.cluster.clone_from(&b.cluster);
                    d != **b
                })
                .map(|(i, (d, _))| (i, d.to_json()))
                .collect();
            Ok((ids, changed))
        })
    }

    /// Apply one part's clustering plan (from `cluster_plan`) to its records: cluster ids, shared
    /// names, and members that take their cluster's publication day extracted again. Returns
    /// every record of the part.
    #[pyo3(signature = (inputs, records, plan, n_threads = None))]
    fn apply_plan(
        &self,
        py: Python<'_>,
        inputs: Vec<PyInput>,
        records: Vec<String>,
        plan: PyPlan,
        n_threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        if inputs.len() != records.len() || plan.0.len() != records.len() {
            return Err(PyValueError::new_err(
                "one record and one cluster id per input are needed",
            ));
        }
        let plan = from_py_plan(plan)?;
        let inputs = to_inputs(inputs)?;
        let inner = Arc::clone(&self.inner);
        py.detach(move || {
            let mut docs = parse_records(&records)?;
            inner.apply_plan(&inputs, &mut docs, &plan, n_threads);
            Ok(docs.iter().map(Document::to_json).collect())
        })
    }

    /// Extract a batch (clustered unless the configuration says not to) and return the result
    /// tables as column buffers: `{table: (rows, {column: buffers})}`, see [`column_tuple`].
    #[pyo3(signature = (inputs, n_threads = None))]
    fn extract_columns<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<PyInput>,
        n_threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let inputs = to_inputs(inputs)?;
        let inner = &self.inner;
        let tables = interruptible(py, text_bytes(&inputs), |stop| {
            inner.extract_tables_until(&inputs, n_threads, stop)
        })?;
        tables_dict(py, tables)
    }

    /// Time the pipeline over a batch, stage by stage (benchmarks only): seconds of wall time for
    /// extraction, clustering and column building, and of thread time per stage.
    #[pyo3(signature = (inputs, n_threads = None))]
    fn bench<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<PyInput>,
        n_threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let inputs = to_inputs(inputs)?;
        let inner = Arc::clone(&self.inner);
        let t = py.detach(move || bench::run_batch(&inner, &inputs, n_threads));
        let out = PyDict::new(py);
        out.set_item("docs", t.docs)?;
        out.set_item("bytes", t.bytes)?;
        out.set_item("extract", t.extract.as_secs_f64())?;
        out.set_item("cluster", t.cluster.as_secs_f64())?;
        out.set_item("columns", t.columns.as_secs_f64())?;
        let stages = PyDict::new(py);
        for s in Stage::ALL {
            stages.set_item(s.name(), t.stages.get(s).as_secs_f64())?;
        }
        out.set_item("stages", stages)?;
        Ok(out)
    }

    /// Pickles as its configuration.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, (String,))> {
        Ok((slf.get_type(), (slf.get().config_json.clone(),)))
    }

    /// The configuration this extractor was built from (for pickling).
    fn config_json(&self) -> &str {
        &self.config_json
    }
}

/// The stories clustered so far: what clustering keeps of each document (signature,
/// fingerprint, cluster id), loaded from and saved to a file, so that tomorrow's batch joins
/// today's stories. Shared between threads behind a lock; pickles as its bytes.
/// Extractors built in this process, by configuration: building one with a large user knowledge
/// base takes seconds and memory in proportion, so an extractor made again from the same
/// configuration (unpickled in a worker, made per task) shares the one still alive instead.
mod built {
    use std::collections::HashMap;
    use std::hash::{DefaultHasher, Hash, Hasher};
    use std::sync::{Arc, Mutex, Weak};

    use once_cell::sync::Lazy;

    use crate::extractor::{ConfigError, Extractor};

    /// Hash of a configuration → (the configuration, the extractor built from it while alive).
    type Built = HashMap<u64, Vec<(String, Weak<Extractor>)>>;

    static BUILT: Lazy<Mutex<Built>> = Lazy::new(|| Mutex::new(HashMap::new()));

    fn key(config_json: &str) -> u64 {
        let mut h = DefaultHasher::new();
        config_json.hash(&mut h);
        h.finish()
    }

    /// The extractor of this configuration: the one built earlier if it is still alive, else a
    /// new one. Built outside the lock (two threads may build one configuration at once; the
    /// later keeps its own, both are correct).
    pub fn extractor(config_json: &str) -> Result<Arc<Extractor>, ConfigError> {
        let k = key(config_json);
        if let Some(found) = lookup(k, config_json) {
            return Ok(found);
        }
        let ex = Arc::new(Extractor::from_json(config_json)?);
        let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        built.retain(|_, v| {
            v.retain(|(_, w)| w.strong_count() > 0);
            !v.is_empty()
        });
        built
            .entry(k)
            .or_default()
            .push((config_json.to_string(), Arc::downgrade(&ex)));
        Ok(ex)
    }

    fn lookup(k: u64, config_json: &str) -> Option<Arc<Extractor>> {
        let built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        built
            .get(&k)?
            .iter()
            .filter(|(c, _)| c == config_json)
            .find_map(|(_, w)| w.upgrade())
    }
}

#[pyclass(frozen, module = "khabar._core", name = "ClusterIndex")]
struct PyClusterIndex {
    inner: Arc<Mutex<Index>>,
}

impl PyClusterIndex {
    fn wrap(index: Index) -> Self {
        PyClusterIndex {
            inner: Arc::new(Mutex::new(index)),
        }
    }

    fn snapshot(&self) -> Index {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

#[pymethods]
impl PyClusterIndex {
    #[new]
    fn new() -> Self {
        PyClusterIndex::wrap(Index::default())
    }

    /// Read an index saved by `save`; OSError when the file cannot be read, ValueError when it
    /// is not an index (or a corrupt one).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let index = py
            .detach(|| Index::load(&path))
            .map_err(|e| io_error(&path, e))?;
        Ok(PyClusterIndex::wrap(index))
    }

    /// Write the index to `path` (through a temporary file renamed into place).
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let index = Arc::clone(&self.inner);
        py.detach(|| {
            let index = index.lock().unwrap_or_else(|e| e.into_inner());
            index.save(&path)
        })
        .map_err(|e| io_error(&path, e))
    }

    /// The index in its file format.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let mut out = Vec::new();
        self.snapshot()
            .write_to(&mut out)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyBytes::new(py, &out))
    }

    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        let index = Index::from_bytes(data)
            .map_err(|e| PyValueError::new_err(format!("not a cluster index: {e}")))?;
        Ok(PyClusterIndex::wrap(index))
    }

    /// Forget documents published before `day` (ISO date; undated ones are kept): they are out
    /// of the clustering window of any new report.
    fn retain_since(&self, day: &str) -> PyResult<()> {
        let day = Day::parse_iso(day)
            .ok_or_else(|| PyValueError::new_err(format!("not an ISO date: {day:?}")))?;
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain_since(day);
        Ok(())
    }

    fn __len__(&self) -> usize {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Pickles as its bytes.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let bytes = slf.get().to_bytes(slf.py())?;
        Ok((slf.get_type().getattr("from_bytes")?, (bytes,)))
    }
}

/// Documents extracted by the core and kept there. The Python documents built from a batch
/// (`documents`) keep a reference to it and their row, so that their tables are built from
/// these, column-wise in Rust (`columns`), rather than from the Python objects.
#[pyclass(frozen, module = "khabar._core", name = "Batch")]
struct PyBatch {
    docs: Arc<Vec<Document>>,
    /// The fact weights its clustering left, when the batch is one extraction's whole output:
    /// explaining its clusters then reads only their members.
    weights: Option<Arc<cluster::Weights>>,
}

impl PyBatch {
    fn wrap(docs: Vec<Document>) -> Self {
        PyBatch {
            docs: Arc::new(docs),
            weights: None,
        }
    }
}

#[pymethods]
impl PyBatch {
    /// A batch of document records (JSON), for documents made in Python.
    #[staticmethod]
    fn from_json(py: Python<'_>, records: Vec<String>) -> PyResult<Self> {
        py.detach(move || parse_records(&records))
            .map(PyBatch::wrap)
    }

    /// The documents of `picks`, (batch, row) pairs, in that order: the batch itself when the
    /// picks are all of one batch in order, else a new one.
    #[staticmethod]
    fn gather(picks: Vec<(Bound<'_, PyBatch>, usize)>) -> PyResult<Self> {
        if let Some((first, _)) = picks.first() {
            let whole = first.get().docs.len() == picks.len()
                && picks
                    .iter()
                    .enumerate()
                    .all(|(i, (b, row))| *row == i && b.is(first));
            if whole {
                let first = first.get();
                return Ok(PyBatch {
                    docs: Arc::clone(&first.docs),
                    weights: first.weights.clone(),
                });
            }
        }
        let docs = picks
            .iter()
            .map(|(b, row)| {
                b.get().docs.get(*row).cloned().ok_or_else(|| {
                    pyo3::exceptions::PyIndexError::new_err(format!("no row {row} in the batch"))
                })
            })
            .collect::<PyResult<_>>()?;
        Ok(PyBatch::wrap(docs))
    }

    /// One Python record object per document, in order (see [`objects`]): `classes` maps the
    /// name of each Rust record struct to `(class, ((field, has default, default), ...))`. Each
    /// document gets its analysed text from `texts` (the caller's strings, not copies) and, in
    /// `_origin`, this batch and its row.
    fn documents<'py>(
        slf: &Bound<'py, Self>,
        classes: &Bound<'py, PyDict>,
        texts: &Bound<'py, PyList>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = slf.py();
        let docs = &slf.get().docs;
        if texts.len() != docs.len() {
            return Err(PyValueError::new_err("one text per document is needed"));
        }
        let classes = objects::Classes::new(classes)?;
        let (text, origin) = (pyo3::intern!(py, "text"), pyo3::intern!(py, "_origin"));
        let out = docs
            .iter()
            .zip(texts.iter())
            .enumerate()
            .map(|(row, (d, t))| {
                let obj = classes.build(d)?;
                objects::set_slot(&obj, text, &t)?;
                let from = PyTuple::new(py, [slf.as_any(), &row.into_pyobject(py)?.into_any()])?;
                objects::untrack(from.as_any());
                objects::set_slot(&obj, origin, from.as_any())?;
                Ok(obj)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, out)
    }

    /// The result tables of the batch as column buffers, like `Extractor.extract_columns`.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let docs = Arc::clone(&self.docs);
        let tables = py.detach(move || columns::tables(&docs));
        tables_dict(py, tables)
    }

    /// For each cluster id with two or more members, one line saying why they are joined.
    fn cluster_why(&self, py: Python<'_>) -> BTreeMap<String, String> {
        let docs = Arc::clone(&self.docs);
        let weights = self.weights.clone();
        py.detach(move || match weights {
            Some(w) => cluster::explain::Explainer::with_weights(&docs, &w).why(),
            None => cluster::explain::Explainer::new(&docs).why(),
        })
    }

    fn __len__(&self) -> usize {
        self.docs.len()
    }

    /// The JSON record of document `i` (negative counts from the end).
    fn __getitem__(&self, i: isize) -> PyResult<String> {
        let n = self.docs.len() as isize;
        let at = if i < 0 { i + n } else { i };
        if !(0..n).contains(&at) {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "batch index out of range",
            ));
        }
        Ok(self.docs[at as usize].to_json())
    }

    /// The JSON records, in order.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        PyList::new(py, self.records(py))?.try_iter()
    }

    /// Equal to a batch of equal documents, or to a sequence of their JSON records.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> bool {
        if let Ok(b) = other.cast::<PyBatch>() {
            return self.docs == b.get().docs;
        }
        match other.extract::<Vec<String>>() {
            Ok(records) => records == self.records(py),
            Err(_) => false,
        }
    }

    /// Pickles as its records.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Vec<String>,))> {
        let records = slf.get().records(slf.py());
        Ok((slf.get_type().getattr("from_json")?, (records,)))
    }
}

impl PyBatch {
    fn records(&self, py: Python<'_>) -> Vec<String> {
        let docs = Arc::clone(&self.docs);
        py.detach(move || docs.iter().map(Document::to_json).collect())
    }
}

/// An I/O error naming the file: a file that is not an index is a ValueError, others OSError.
fn io_error(path: &std::path::Path, e: std::io::Error) -> PyErr {
    let msg = format!("{}: {e}", path.display());
    match e.kind() {
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => {
            PyValueError::new_err(msg)
        }
        _ => pyo3::exceptions::PyOSError::new_err(msg),
    }
}

/// Batches smaller than this run on the calling thread, without watching for Ctrl-C: they end
/// sooner than a person can press a key, and a thread of their own would cost more than them.
const WATCHED_BYTES: usize = 1 << 20;

/// How often Python's signal handlers run while a watched batch is in the core.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

fn text_bytes(inputs: &[Input]) -> usize {
    inputs.iter().map(|i| i.text.len()).sum()
}

/// Run `work` (the pipeline over a batch) with the GIL released, and let Ctrl-C stop it: a large
/// batch runs on a thread of its own while this one, every [`SIGNAL_POLL`], takes the GIL back
/// just long enough to run Python's signal handlers (they run only on the main thread, and only
/// when asked). A handler's exception (KeyboardInterrupt) raises the stop flag; the work gives
/// up at its next check (before a document, between a document's stages) and the exception
/// reaches the caller.
fn interruptible<T: Send>(
    py: Python<'_>,
    bytes: usize,
    work: impl FnOnce(&AtomicBool) -> Result<T, Stopped> + Send,
) -> PyResult<T> {
    let stop = AtomicBool::new(false);
    let stopped = || pyo3::exceptions::PyKeyboardInterrupt::new_err("extraction stopped");
    if bytes < WATCHED_BYTES {
        return py.detach(|| work(&stop)).map_err(|_| stopped());
    }
    std::thread::scope(|scope| {
        let (tx, mut rx) = mpsc::channel();
        let flag = &stop;
        scope.spawn(move || {
            // the receiver may be gone after an interrupt: nothing then waits for the result
            let _ = tx.send(work(flag));
        });
        loop {
            // the receiver moves in and out: a borrowed one could not cross to a GIL-free closure
            let (back, got) = py.detach(move || {
                let got = rx.recv_timeout(SIGNAL_POLL);
                (rx, got)
            });
            rx = back;
            match got {
                Ok(result) => return result.map_err(|_| stopped()),
                Err(RecvTimeoutError::Timeout) => {
                    if let Err(interrupt) = py.check_signals() {
                        stop.store(true, Ordering::Relaxed);
                        // wait for the work to give up, so nothing runs on after the exception
                        let _ = py.detach(move || rx.recv());
                        return Err(interrupt);
                    }
                }
                // the work panicked: the scope passes its panic on when it ends
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(pyo3::exceptions::PyRuntimeError::new_err(
                        "the extraction thread ended without a result",
                    ))
                }
            }
        }
    })
}

fn to_inputs(inputs: Vec<PyInput>) -> PyResult<Vec<Input>> {
    inputs
        .into_iter()
        .map(|(id, Text(text), published, lang, errors)| {
            let errors = errors
                .into_iter()
                .map(|(code, message)| match ErrorCode::parse(&code) {
                    Some(code) => Ok(DocError::new(code, message)),
                    None => Err(PyValueError::new_err(format!(
                        "not an error code: {code:?}"
                    ))),
                })
                .collect::<PyResult<_>>()?;
            Ok(Input {
                id,
                text,
                published,
                lang,
                errors,
            })
        })
        .collect()
}

fn parse_records(records: &[String]) -> PyResult<Vec<Document>> {
    records
        .iter()
        .map(|r| {
            serde_json::from_str(r)
                .map_err(|e| PyValueError::new_err(format!("not a document record: {e}")))
        })
        .collect()
}

/// The result tables of document records (JSON), as column buffers like `extract_columns`.
#[pyfunction]
fn columns_from_json<'py>(py: Python<'py>, records: Vec<String>) -> PyResult<Bound<'py, PyDict>> {
    let tables = py.detach(move || {
        let docs = parse_records(&records)?;
        drop(records);
        Ok::<_, PyErr>(columns::tables_owned(docs))
    })?;
    tables_dict(py, tables)
}

/// The tables as Python buffers, with the `event_actors` table derived from them: the columns
/// move into Python objects without a copy.
fn tables_dict(py: Python<'_>, mut tables: Vec<Table>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    let actors = py.detach(|| columns::event_actors::of(&tables));
    tables.push(actors);
    for t in tables {
        let cols = PyDict::new(py);
        for (name, col) in t.columns {
            cols.set_item(name, column_tuple(py, col)?)?;
        }
        out.set_item(t.name, (t.rows, cols))?;
    }
    Ok(out)
}

/// A column buffer handed to Python without a copy: it exposes the bytes of a Rust vector through
/// the buffer protocol (pyarrow wraps it as is), and frees it when the last view is gone.
#[pyclass(frozen, module = "khabar._core", name = "Buffer")]
struct PyColumnBuffer {
    data: Owned,
}

/// What a [`PyColumnBuffer`] owns.
enum Owned {
    Bytes(Vec<u8>),
    /// i64 values, exposed as their bytes (little-endian machines only: see [`i64_buffer`]).
    Ints(Vec<i64>),
}

impl PyColumnBuffer {
    fn bytes(&self) -> (*const u8, usize) {
        match &self.data {
            Owned::Bytes(v) => (v.as_ptr(), v.len()),
            Owned::Ints(v) => (v.as_ptr().cast(), v.len() * 8),
        }
    }
}

#[pymethods]
impl PyColumnBuffer {
    /// A read-only, one-dimensional view of the bytes.
    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut pyo3::ffi::Py_buffer,
        flags: std::os::raw::c_int,
    ) -> PyResult<()> {
        let (ptr, len) = slf.get().bytes();
        // SAFETY: the data lives as long as `slf`, which the view holds a reference to
        // (PyBuffer_FillInfo increments it); it is never written after construction.
        let ok = unsafe {
            pyo3::ffi::PyBuffer_FillInfo(
                view,
                slf.as_ptr(),
                ptr as *mut std::os::raw::c_void,
                len as pyo3::ffi::Py_ssize_t,
                1,
                flags,
            )
        };
        if ok == -1 {
            return Err(PyErr::fetch(slf.py()));
        }
        Ok(())
    }

    unsafe fn __releasebuffer__(&self, _view: *mut pyo3::ffi::Py_buffer) {}

    fn __len__(&self) -> usize {
        self.bytes().1
    }
}

fn buffer(py: Python<'_>, data: Owned) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyColumnBuffer { data })?.into_any())
}

/// Little-endian i64 values: the vector itself where the machine is little-endian, else a copy
/// with the bytes swapped.
fn i64_buffer(py: Python<'_>, v: Vec<i64>) -> PyResult<Bound<'_, PyAny>> {
    if cfg!(target_endian = "little") {
        buffer(py, Owned::Ints(v))
    } else {
        buffer(
            py,
            Owned::Bytes(v.iter().flat_map(|x| x.to_le_bytes()).collect()),
        )
    }
}

fn str_parts(py: Python<'_>, c: StrColumn) -> PyResult<Vec<Bound<'_, PyAny>>> {
    let validity = if c.nulls == 0 {
        py.None().into_bound(py)
    } else {
        buffer(py, Owned::Bytes(c.validity))?
    };
    Ok(vec![
        i64_buffer(py, c.offsets)?,
        buffer(py, Owned::Bytes(c.data))?,
        validity,
    ])
}

/// A column as a tuple of buffers (each an object with the buffer protocol, its bytes owned by
/// Rust): `("str", offsets, data, validity or None)` (Arrow `large_utf8`, i64 little-endian
/// offsets), `("int", values)` (i64 little-endian), or `("list", list offsets, offsets, data,
/// validity or None)` (`large_list<large_utf8>`).
fn column_tuple(py: Python<'_>, col: Column) -> PyResult<Bound<'_, PyTuple>> {
    let mut parts: Vec<Bound<'_, PyAny>> = Vec::new();
    match col {
        Column::Str(c) => {
            parts.push("str".into_pyobject(py)?.into_any());
            parts.extend(str_parts(py, c)?);
        }
        Column::Int(v) => {
            parts.push("int".into_pyobject(py)?.into_any());
            parts.push(i64_buffer(py, v)?);
        }
        Column::List(offsets, c) => {
            parts.push("list".into_pyobject(py)?.into_any());
            parts.push(i64_buffer(py, offsets)?);
            parts.extend(str_parts(py, c)?);
        }
    }
    PyTuple::new(py, parts)
}

/// A clustering plan as Python sees it: (cluster id per document, [(document, inherited day as
/// an ISO date)], [(document, {person key: Latin name})]), indices local to one part.
type PyPlan = (
    Vec<String>,
    Vec<(usize, String)>,
    Vec<(usize, BTreeMap<String, String>)>,
);

fn to_py_plan(plan: Plan) -> PyPlan {
    let inherit = plan
        .inherit
        .into_iter()
        .map(|(i, d)| (i, d.iso()))
        .collect();
    (plan.clusters, inherit, plan.names)
}

fn from_py_plan((clusters, inherit, names): PyPlan) -> PyResult<Plan> {
    let inherit = inherit
        .into_iter()
        .map(|(i, d)| {
            Day::parse_iso(&d)
                .map(|d| (i, d))
                .ok_or_else(|| PyValueError::new_err(format!("not an ISO date: {d:?}")))
        })
        .collect::<PyResult<_>>()?;
    Ok(Plan {
        clusters,
        inherit,
        names,
    })
}

/// What clustering needs of each extracted document (JSON records), in the cluster index's
/// format: a MinHash signature and a fingerprint of facts, a small fraction of the text and
/// record, so that a distributed run gathers these instead of the documents.
#[pyfunction]
#[pyo3(signature = (records, n_threads = None))]
fn cluster_entries<'py>(
    py: Python<'py>,
    records: Vec<String>,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py.detach(move || {
        let docs = parse_records(&records)?;
        let entries =
            crate::extractor::pool(n_threads).install(|| docs.par_iter().map(Entry::of).collect());
        let mut index = Index::default();
        index.extend(entries);
        let mut out = Vec::new();
        index
            .write_to(&mut out)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok::<_, PyErr>(out)
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// Cluster the entries of several parts (from `cluster_entries`) as one batch, and return one
/// plan per part, for `Extractor.apply_plan`. The plans depend on the entries, not on how the
/// documents were split into parts or ordered.
#[pyfunction]
#[pyo3(signature = (parts, n_threads = None))]
fn cluster_plan(
    py: Python<'_>,
    parts: Vec<Bound<'_, PyBytes>>,
    n_threads: Option<usize>,
) -> PyResult<Vec<PyPlan>> {
    let parts: Vec<Vec<u8>> = parts.iter().map(|p| p.as_bytes().to_vec()).collect();
    py.detach(move || {
        let mut sizes = Vec::with_capacity(parts.len());
        let mut fresh = Vec::new();
        for p in &parts {
            let index = Index::from_bytes(p)
                .map_err(|e| PyValueError::new_err(format!("not cluster entries: {e}")))?;
            sizes.push(index.len());
            fresh.extend_from_slice(index.entries());
        }
        let plan = crate::extractor::pool(n_threads).install(|| cluster::plan(&[], &fresh));
        Ok(plan.split(&sizes).into_iter().map(to_py_plan).collect())
    })
}

/// Why each pair (a, b) of documents of a batch (JSON records) is, or is not, one story: the
/// shared facts with their weights, the score and the threshold, as one JSON object a pair.
#[pyfunction]
fn explain_cluster(
    py: Python<'_>,
    records: Vec<String>,
    pairs: Vec<(usize, usize)>,
) -> PyResult<Vec<String>> {
    py.detach(move || {
        let docs = parse_records(&records)?;
        let explainer = cluster::explain::Explainer::new(&docs);
        pairs
            .iter()
            .map(|&(a, b)| {
                let e = explainer.pair(a, b).ok_or_else(|| {
                    pyo3::exceptions::PyIndexError::new_err(format!(
                        "documents {a} and {b}: the batch has {} documents",
                        docs.len()
                    ))
                })?;
                serde_json::to_string(&e).map_err(|e| PyValueError::new_err(e.to_string()))
            })
            .collect()
    })
}

/// For each cluster id of a batch (JSON records) with two or more members, one line saying why
/// its members are joined (see `cluster::explain::Explainer::why`).
#[pyfunction]
fn cluster_why(py: Python<'_>, records: Vec<String>) -> PyResult<BTreeMap<String, String>> {
    py.detach(move || {
        let docs = parse_records(&records)?;
        Ok(cluster::explain::Explainer::new(&docs).why())
    })
}

/// The version of the Rust core.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyClusterIndex>()?;
    m.add_class::<PyColumnBuffer>()?;
    m.add_class::<PyBatch>()?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(columns_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_entries, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_plan, m)?)?;
    m.add_function(wrap_pyfunction!(explain_cluster, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_why, m)?)?;
    Ok(())
}

/// Python record objects (`khabar.model`'s frozen dataclasses) built straight from the core's
/// documents, walking them with their serde `Serialize` impls: the same fields, names and values
/// as the JSON record, without writing and parsing JSON. A struct becomes an instance of the
/// class registered for its Rust name, made with `object.__new__` and filled slot by slot (the
/// dataclasses are frozen; `__init__` would cost more than the rest); a field the record leaves
/// out takes the class's default, a sequence becomes a tuple, an enum its name, and a struct no
/// class is registered for a dict.
mod objects {
    use std::collections::HashMap;
    use std::fmt;

    use pyo3::exceptions::PyValueError;
    use pyo3::prelude::*;
    use pyo3::types::{PyDict, PyString, PyTuple, PyType};
    use pyo3::BoundObject;
    use serde::ser::{self, Impossible, Serialize};

    /// How to build one record class: its fields in order, their defaults, and where the record
    /// keys the class does not know go (a field named `extra`, when it has one).
    struct Class<'py> {
        cls: Bound<'py, PyType>,
        names: Vec<String>,
        py_names: Vec<Bound<'py, PyString>>,
        defaults: Vec<Option<Bound<'py, PyAny>>>,
        extra: Option<usize>,
    }

    /// A class as Python describes it: (class, ((field, has a default, the default), ...)).
    type ClassSpec<'py> = (Bound<'py, PyType>, Vec<(String, bool, Bound<'py, PyAny>)>);

    /// The record classes by the name of the Rust struct they stand for.
    pub struct Classes<'py> {
        by_struct: HashMap<String, Class<'py>>,
        object_new: Bound<'py, PyAny>,
    }

    impl<'py> Classes<'py> {
        /// From `{struct name: (class, ((field, has default, default), ...))}`.
        pub fn new(spec: &Bound<'py, PyDict>) -> PyResult<Self> {
            let py = spec.py();
            let mut by_struct = HashMap::new();
            for (name, value) in spec.iter() {
                let (cls, fields): ClassSpec<'py> = value.extract()?;
                let names: Vec<String> = fields.iter().map(|f| f.0.clone()).collect();
                if names.len() > 64 {
                    return Err(PyValueError::new_err("a record class has over 64 fields"));
                }
                let class = Class {
                    cls,
                    py_names: names.iter().map(|n| PyString::intern(py, n)).collect(),
                    defaults: fields
                        .into_iter()
                        .map(|(_, has, d)| has.then_some(d))
                        .collect(),
                    extra: names.iter().position(|n| n == "extra"),
                    names,
                };
                by_struct.insert(name.extract::<String>()?, class);
            }
            let object_new = py.get_type::<PyAny>().getattr("__new__")?;
            Ok(Classes {
                by_struct,
                object_new,
            })
        }

        /// The Python object of one value.
        pub fn build<T: Serialize>(&self, value: &T) -> PyResult<Bound<'py, PyAny>> {
            value.serialize(ToPy(self)).map_err(|e| e.0)
        }
    }

    /// Set an attribute as `object.__setattr__` does: the dataclasses are frozen, so their own
    /// `__setattr__` refuses.
    pub fn set_slot(
        obj: &Bound<'_, PyAny>,
        name: &Bound<'_, PyString>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        // SAFETY: the three pointers are live objects held by the caller for the whole call.
        let rc = unsafe {
            pyo3::ffi::PyObject_GenericSetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr())
        };
        if rc == -1 {
            return Err(PyErr::fetch(obj.py()));
        }
        Ok(())
    }

    /// Take an object the builder made out of the cyclic collector's lists.
    ///
    /// The builder makes trees: fresh records, tuples and dicts that hold strings, numbers,
    /// class defaults and one another, never an object that refers back to them, so no cycle
    /// can pass through them and the collector has nothing to find there. Left tracked, a batch
    /// of thousands of documents adds hundreds of thousands of objects that every full
    /// collection of the user's process walks again (the first one, soon after `extract()`,
    /// cost `to_frames(docs)` half its time). CPython untracks its own tuples and dicts of
    /// atomic values for the same reason; a dict retracks itself when a container goes in.
    pub fn untrack(obj: &Bound<'_, PyAny>) {
        let ptr = obj.as_ptr();
        // SAFETY: `ptr` is a live object held by the caller; only an object of a type with the
        // collector's header (HAVE_GC) is untracked, and untracking an untracked one is a no-op.
        unsafe {
            if pyo3::ffi::PyType_GetFlags(pyo3::ffi::Py_TYPE(ptr)) & pyo3::ffi::Py_TPFLAGS_HAVE_GC
                != 0
            {
                pyo3::ffi::PyObject_GC_UnTrack(ptr.cast());
            }
        }
    }

    /// A Python error carried through serde.
    pub struct Error(PyErr);

    impl fmt::Debug for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&self.0, f)
        }
    }

    impl fmt::Display for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(&self.0, f)
        }
    }

    impl std::error::Error for Error {}

    impl ser::Error for Error {
        fn custom<T: fmt::Display>(msg: T) -> Self {
            Error(PyValueError::new_err(msg.to_string()))
        }
    }

    impl From<PyErr> for Error {
        fn from(e: PyErr) -> Self {
            Error(e)
        }
    }

    #[derive(Clone, Copy)]
    struct ToPy<'a, 'py>(&'a Classes<'py>);

    impl<'py> ToPy<'_, 'py> {
        fn py(&self) -> Python<'py> {
            self.0.object_new.py()
        }

        fn any<T>(&self, v: T) -> Result<Bound<'py, PyAny>, Error>
        where
            T: IntoPyObject<'py>,
            PyErr: From<T::Error>,
        {
            Ok(v.into_pyobject(self.py())
                .map_err(PyErr::from)?
                .into_any()
                .into_bound())
        }
    }

    /// A struct being built: an instance of its class (with the fields set so far marked) or,
    /// for a struct without a class, a dict.
    pub struct Obj<'a, 'py> {
        to: ToPy<'a, 'py>,
        target: Target<'a, 'py>,
    }

    enum Target<'a, 'py> {
        Instance {
            class: &'a Class<'py>,
            obj: Bound<'py, PyAny>,
            set: u64,
            next: usize,
            unknown: Option<Bound<'py, PyDict>>,
        },
        Dict(Bound<'py, PyDict>),
    }

    impl<'py> ser::SerializeStruct for Obj<'_, 'py> {
        type Ok = Bound<'py, PyAny>;
        type Error = Error;

        fn serialize_field<T: ?Sized + Serialize>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            let v = value.serialize(self.to)?;
            match &mut self.target {
                Target::Dict(d) => d.set_item(key, v)?,
                Target::Instance {
                    class,
                    obj,
                    set,
                    next,
                    unknown,
                } => {
                    // fields come in the class's order: look at the expected one first
                    let at = if class.names.get(*next).is_some_and(|n| n == key) {
                        Some(*next)
                    } else {
                        class.names.iter().position(|n| n == key)
                    };
                    match at {
                        Some(i) => {
                            set_slot(obj, &class.py_names[i], &v)?;
                            *set |= 1 << i;
                            *next = i + 1;
                        }
                        None if class.extra.is_some() => {
                            let py = obj.py();
                            unknown
                                .get_or_insert_with(|| PyDict::new(py))
                                .set_item(key, v)?;
                        }
                        // a key of a newer core the class does not have: dropped, as from_dict does
                        None => {}
                    }
                }
            }
            Ok(())
        }

        fn end(self) -> Result<Bound<'py, PyAny>, Error> {
            match self.target {
                Target::Dict(d) => {
                    untrack(d.as_any());
                    Ok(d.into_any())
                }
                Target::Instance {
                    class,
                    obj,
                    set,
                    unknown,
                    ..
                } => {
                    for (i, default) in class.defaults.iter().enumerate() {
                        if set & (1 << i) != 0 {
                            continue;
                        }
                        if Some(i) == class.extra {
                            let extra = unknown.clone().unwrap_or_else(|| PyDict::new(obj.py()));
                            set_slot(&obj, &class.py_names[i], extra.as_any())?;
                        } else if let Some(d) = default {
                            set_slot(&obj, &class.py_names[i], d)?;
                        } else {
                            return Err(Error(PyValueError::new_err(format!(
                                "the record has no {:?} for {}",
                                class.names[i],
                                class.cls.name()?
                            ))));
                        }
                    }
                    untrack(&obj);
                    Ok(obj)
                }
            }
        }
    }

    /// A sequence being built, as a tuple.
    pub struct Seq<'a, 'py> {
        to: ToPy<'a, 'py>,
        items: Vec<Bound<'py, PyAny>>,
    }

    impl<'py> Seq<'_, 'py> {
        fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.items.push(value.serialize(self.to)?);
            Ok(())
        }

        fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
            let tuple = PyTuple::new(self.to.py(), self.items)?.into_any();
            untrack(&tuple);
            Ok(tuple)
        }
    }

    impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
        type Ok = Bound<'py, PyAny>;
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Bound<'py, PyAny>, Error> {
            self.finish()
        }
    }

    impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
        type Ok = Bound<'py, PyAny>;
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Bound<'py, PyAny>, Error> {
            self.finish()
        }
    }

    impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
        type Ok = Bound<'py, PyAny>;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.push(value)
        }
        fn end(self) -> Result<Bound<'py, PyAny>, Error> {
            self.finish()
        }
    }

    /// A map being built, as a dict.
    pub struct Map<'a, 'py> {
        to: ToPy<'a, 'py>,
        dict: Bound<'py, PyDict>,
        key: Option<Bound<'py, PyAny>>,
    }

    impl<'py> ser::SerializeMap for Map<'_, 'py> {
        type Ok = Bound<'py, PyAny>;
        type Error = Error;
        fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
            self.key = Some(key.serialize(self.to)?);
            Ok(())
        }
        fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            let key = self
                .key
                .take()
                .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
            self.dict.set_item(key, value.serialize(self.to)?)?;
            Ok(())
        }
        fn end(self) -> Result<Bound<'py, PyAny>, Error> {
            untrack(self.dict.as_any());
            Ok(self.dict.into_any())
        }
    }

    type Never<'py> = Impossible<Bound<'py, PyAny>, Error>;

    impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
        type Ok = Bound<'py, PyAny>;
        type Error = Error;
        type SerializeSeq = Seq<'a, 'py>;
        type SerializeTuple = Seq<'a, 'py>;
        type SerializeTupleStruct = Seq<'a, 'py>;
        type SerializeTupleVariant = Never<'py>;
        type SerializeMap = Map<'a, 'py>;
        type SerializeStruct = Obj<'a, 'py>;
        type SerializeStructVariant = Never<'py>;

        fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
            self.any(v)
        }
        fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
            Ok(PyString::new(self.py(), v).into_any())
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Error> {
            Ok(pyo3::types::PyBytes::new(self.py(), v).into_any())
        }
        fn serialize_none(self) -> Result<Self::Ok, Error> {
            Ok(self.py().None().into_bound(self.py()))
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, Error> {
            value.serialize(self)
        }
        fn serialize_unit(self) -> Result<Self::Ok, Error> {
            self.serialize_none()
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Error> {
            self.serialize_none()
        }
        /// An enum of the vocabulary (`"person"`, `"day"`): its name, interned, as `json.loads`
        /// would not but every record shares.
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<Self::Ok, Error> {
            Ok(PyString::intern(self.py(), variant).into_any())
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Error> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Error> {
            let d = PyDict::new(self.py());
            d.set_item(variant, value.serialize(self)?)?;
            Ok(d.into_any())
        }
        fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
            Ok(Seq {
                to: self,
                items: Vec::with_capacity(len.unwrap_or(0)),
            })
        }
        fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_struct(
            self,
            _name: &'static str,
            len: usize,
        ) -> Result<Seq<'a, 'py>, Error> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_variant(
            self,
            name: &'static str,
            _index: u32,
            _variant: &'static str,
            _len: usize,
        ) -> Result<Never<'py>, Error> {
            Err(ser::Error::custom(format!(
                "{name}: tuple variants have no record form"
            )))
        }
        fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
            Ok(Map {
                to: self,
                dict: PyDict::new(self.py()),
                key: None,
            })
        }
        fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Obj<'a, 'py>, Error> {
            let target = match self.0.by_struct.get(name) {
                Some(class) => Target::Instance {
                    class,
                    obj: self.0.object_new.call1((&class.cls,))?,
                    set: 0,
                    next: 0,
                    unknown: None,
                },
                None => Target::Dict(PyDict::new(self.py())),
            };
            Ok(Obj { to: self, target })
        }
        fn serialize_struct_variant(
            self,
            name: &'static str,
            _index: u32,
            _variant: &'static str,
            _len: usize,
        ) -> Result<Never<'py>, Error> {
            Err(ser::Error::custom(format!(
                "{name}: struct variants have no record form"
            )))
        }
    }
}
