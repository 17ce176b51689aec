"""The compiled Rust core of khabar (built by maturin from src/py.rs).

`python -m mypy.stubtest khabar._core` checks these stubs against the compiled module (CI runs it).
"""

from typing import Any, final

from khabar.model import ErrorCode

__all__ = [
    "Extractor",
    "ClusterIndex",
    "Buffer",
    "version",
    "columns_from_json",
    "cluster_entries",
    "cluster_plan",
    "explain_cluster",
    "cluster_why",
]

# The classes are pyo3 classes, which Python code cannot subclass.

@final
class Buffer:
    """Bytes owned by the Rust core, read through the buffer protocol without a copy."""

    def __len__(self) -> int: ...
    def __buffer__(self, flags: int, /) -> memoryview: ...

# {table: (rows, {column: ("str", offsets, data, validity) | ("int", values) | ("list", ...)})},
# every buffer a Buffer (validity None when the column has no nulls)
Columns = dict[str, tuple[int, dict[str, tuple[Any, ...]]]]

# One input: (id, text, published ISO date or date-time or None, language code or None, errors so
# far as (code, message) pairs)
CoreInput = tuple[str, str, str | None, str | None, list[tuple[ErrorCode, str]]]

# A clustering plan for one part: (cluster id per document, [(document, inherited ISO day)],
# [(document, {person key: Latin name})]), indices local to the part.
Plan = tuple[list[str], list[tuple[int, str]], list[tuple[int, dict[str, str]]]]

@final
class Extractor:
    def __new__(cls, config_json: str = "{}") -> Extractor: ...
    def extract(
        self, inputs: list[CoreInput], n_threads: int | None = None, cluster: bool = True
    ) -> list[str]:
        """One JSON document record per input, in the same order; the GIL is released meanwhile."""
    def cluster(
        self,
        inputs: list[CoreInput],
        records: list[str],
        n_threads: int | None = None,
        index: ClusterIndex | None = None,
    ) -> tuple[list[str | None], list[tuple[int, str]]]:
        """Cluster ids of records extracted with cluster=False, and the records that changed;
        with ``index``, clustered against its stories and then added to it."""
    def apply_plan(
        self, inputs: list[CoreInput], records: list[str], plan: Plan, n_threads: int | None = None
    ) -> list[str]:
        """Every record of a part with its clustering plan applied (see ``cluster_plan``)."""
    def extract_columns(self, inputs: list[CoreInput], n_threads: int | None = None) -> Columns:
        """The result tables as column buffers (Arrow layout)."""
    def bench(self, inputs: list[CoreInput], n_threads: int | None = None) -> dict[str, Any]:
        """Timings of the pipeline over a batch, stage by stage (benchmarks only)."""
    def config_json(self) -> str: ...
    @property
    def no_cluster(self) -> bool: ...
    def __reduce__(self) -> tuple[type[Extractor], tuple[str]]: ...

@final
class ClusterIndex:
    def __new__(cls) -> ClusterIndex: ...
    @staticmethod
    def load(path: str) -> ClusterIndex: ...
    def save(self, path: str) -> None: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> ClusterIndex: ...
    def retain_since(self, day: str) -> None: ...
    def __len__(self) -> int: ...

def version() -> str: ...
def columns_from_json(records: list[str]) -> Columns:
    """The result tables of document records (JSON) as column buffers."""

def cluster_entries(records: list[str], n_threads: int | None = None) -> bytes:
    """What clustering needs of each record (signature and fingerprint), in the index format."""

def cluster_plan(parts: list[bytes], n_threads: int | None = None) -> list[Plan]:
    """Cluster the entries of all parts as one batch; one plan per part."""

def explain_cluster(records: list[str], pairs: list[tuple[int, int]]) -> list[str]:
    """Why each pair of records of a batch is or is not one story, one JSON object a pair."""

def cluster_why(records: list[str]) -> dict[str, str]:
    """For each cluster of two or more records, why its members are joined."""
