//! The Python binding (`khabar._core`): the only module that knows pyo3. It copies inputs out of
//! Python, runs the Rust pipeline with the GIL released, and hands each document back as its JSON
//! record, or the result tables as column buffers (`extract_columns`: Arrow's layout, handed to
//! pyarrow without one Python object per value); the Python package builds its objects and tables
//! from there. `ClusterIndex` holds the stories clustered so far ([`crate::cluster::Index`]), so
//! that a later batch joins them (`Extractor.cluster(..., index=...)`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple, PyType};
use rayon::prelude::*;

use crate::bench;
use crate::cluster::{self, Entry, Index, Plan};
use crate::columns::{self, Column, StrColumn, Table};
use crate::doc::{DocError, Document, ErrorCode};
use crate::extractor::{Extractor, Input, Stopped};
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

    /// Extract a batch; one JSON record per input, in input order. With `cluster=False` the
    /// documents are not grouped, whatever the configuration (the caller clusters a larger batch
    /// later with `cluster`).
    #[pyo3(signature = (inputs, n_threads = None, cluster = true))]
    fn extract(
        &self,
        py: Python<'_>,
        inputs: Vec<PyInput>,
        n_threads: Option<usize>,
        cluster: bool,
    ) -> PyResult<Vec<String>> {
        let inputs = to_inputs(inputs)?;
        let inner = &self.inner;
        interruptible(py, text_bytes(&inputs), |stop| {
            let docs = if cluster {
                // clustered unless the configuration says `no_cluster`
                inner.extract_until(&inputs, n_threads, stop)?
            } else {
                inner.extract_unclustered_until(&inputs, n_threads, stop)?
            };
            Ok(docs.iter().map(Document::to_json).collect())
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

/// The tables as Python buffers: the columns move into Python objects without a copy.
fn tables_dict(py: Python<'_>, tables: Vec<Table>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
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
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(columns_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_entries, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_plan, m)?)?;
    m.add_function(wrap_pyfunction!(explain_cluster, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_why, m)?)?;
    Ok(())
}
