//! The Python binding (`khabar._core`): the only module that knows pyo3. It copies inputs out of
//! Python, runs the Rust pipeline with the GIL released, and hands each document back as its JSON
//! record; the Python package builds its objects and tables from there.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::extractor::{Extractor, Input};

/// One input as the Python side passes it: (id, text, published, lang, errors found so far).
type PyInput = (String, String, Option<String>, Option<String>, Vec<String>);

#[pyclass(frozen, module = "khabar._core", name = "Extractor")]
struct PyExtractor {
    inner: Arc<Extractor>,
    config_json: String,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (config_json = "{}"))]
    fn new(config_json: &str) -> PyResult<Self> {
        let inner =
            Extractor::from_json(config_json).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyExtractor {
            inner: Arc::new(inner),
            config_json: config_json.to_string(),
        })
    }

    /// Extract a batch; one JSON record per input, in input order.
    #[pyo3(signature = (inputs, n_threads = None))]
    fn extract(
        &self,
        py: Python<'_>,
        inputs: Vec<PyInput>,
        n_threads: Option<usize>,
    ) -> Vec<String> {
        let inputs: Vec<Input> = inputs
            .into_iter()
            .map(|(id, text, published, lang, errors)| Input {
                id,
                text,
                published,
                lang,
                errors,
            })
            .collect();
        let inner = Arc::clone(&self.inner);
        py.detach(move || {
            inner
                .extract(&inputs, n_threads)
                .iter()
                .map(|d| d.to_json())
                .collect()
        })
    }

    /// The configuration this extractor was built from (for pickling).
    fn config_json(&self) -> &str {
        &self.config_json
    }
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
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
