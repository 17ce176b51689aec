"""The compiled Rust core of khabar (built by maturin from src/py.rs)."""

from typing import Any

# {table: (rows, {column: ("str", offsets, data, validity) | ("int", values) | ("list", ...)})}
Columns = dict[str, tuple[int, dict[str, tuple[Any, ...]]]]

# One input: (id, text, published ISO date or date-time or None, language code or None, errors so far)
CoreInput = tuple[str, str, str | None, str | None, list[str]]

class Extractor:
    def __init__(self, config_json: str = "{}") -> None: ...
    def extract(
        self, inputs: list[CoreInput], n_threads: int | None = None, cluster: bool = True
    ) -> list[str]:
        """One JSON document record per input, in the same order; the GIL is released meanwhile."""
    def cluster(
        self, inputs: list[CoreInput], records: list[str], n_threads: int | None = None
    ) -> tuple[list[str | None], list[tuple[int, str]]]:
        """Cluster ids of records extracted with cluster=False, and the records that changed."""
    def extract_columns(self, inputs: list[CoreInput], n_threads: int | None = None) -> Columns:
        """The result tables as column buffers (Arrow layout)."""
    def bench(self, inputs: list[CoreInput], n_threads: int | None = None) -> dict[str, Any]:
        """Timings of the pipeline over a batch, stage by stage (benchmarks only)."""
    def config_json(self) -> str: ...
    def __reduce__(self) -> tuple[type[Extractor], tuple[str]]: ...

def version() -> str: ...
def columns_from_json(records: list[str]) -> Columns:
    """The result tables of document records (JSON) as column buffers."""
