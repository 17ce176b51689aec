"""The compiled Rust core of khabar (built by maturin from src/py.rs).

`python -m mypy.stubtest khabar._core` checks these stubs against the compiled module (CI runs it).
"""

from collections.abc import Iterator
from typing import Any, final

from khabar.model import ErrorCode

__all__ = [
    "Extractor",
    "ClusterIndex",
    "Buffer",
    "Batch",
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
class Batch:
    """Documents extracted by the core and kept there (``khabar.model.documents_of``). It reads
    as the sequence of their JSON records, each written when asked for, and equals a sequence of
    the same records."""

    @staticmethod
    def from_json(records: Records) -> Batch:
        """A batch of document records (JSON); ValueError when one is not a record."""
    @staticmethod
    def gather(picks: list[tuple[Batch, int]]) -> Batch:
        """The documents of (batch, row) pairs, in that order."""
    def documents(
        self, classes: dict[str, tuple[type, tuple[tuple[str, bool, Any], ...]]], texts: list[str]
    ) -> list[Any]:
        """One record object per document: ``classes`` maps each core struct's name to its class
        and the class's fields as (name, has a default, default); each document gets its text
        from ``texts`` and ``(batch, row)`` in ``_origin``."""
    def columns(self) -> Columns:
        """The result tables as column buffers (Arrow layout); the GIL is released meanwhile."""
    def cluster_why(self) -> dict[str, str]:
        """For each cluster of two or more documents, why its members are joined."""
    def __len__(self) -> int: ...
    def __getitem__(self, key: int, /) -> str: ...
    def __iter__(self) -> Iterator[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[list[str]]]: ...

# Document records: JSON strings, or a batch read as its records
Records = list[str] | Batch

@final
class Extractor:
    def __new__(cls, config_json: str = "{}") -> Extractor: ...
    def extract(self, inputs: list[CoreInput], n_threads: int | None = None, cluster: bool = True) -> Batch:
        """The documents of the inputs, in the same order, kept in the core; the GIL is released
        meanwhile. With ``cluster=False`` they are not clustered, whatever the configuration."""
    def cluster_batches(
        self,
        inputs: list[CoreInput],
        batches: list[Batch],
        n_threads: int | None = None,
        index: ClusterIndex | None = None,
    ) -> Batch:
        """The documents of ``batches`` (extracted from ``inputs``) as one batch, clustered."""
    def cluster(
        self,
        inputs: list[CoreInput],
        records: Records,
        n_threads: int | None = None,
        index: ClusterIndex | None = None,
    ) -> tuple[list[str | None], list[tuple[int, str]]]:
        """Cluster ids of records extracted with cluster=False, and the records that changed;
        with ``index``, clustered against its stories and then added to it."""
    def apply_plan(
        self, inputs: list[CoreInput], records: Records, plan: Plan, n_threads: int | None = None
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
def columns_from_json(records: Records) -> Columns:
    """The result tables of document records (JSON) as column buffers."""

def cluster_entries(records: Records, n_threads: int | None = None) -> bytes:
    """What clustering needs of each record (signature and fingerprint), in the index format."""

def cluster_plan(parts: list[bytes], n_threads: int | None = None) -> list[Plan]:
    """Cluster the entries of all parts as one batch; one plan per part."""

def explain_cluster(records: Records, pairs: list[tuple[int, int]]) -> list[str]:
    """Why each pair of records of a batch is or is not one story, one JSON object a pair."""

def cluster_why(records: Records) -> dict[str, str]:
    """For each cluster of two or more records, why its members are joined."""
