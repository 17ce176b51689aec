"""Extraction over a Dask DataFrame: :func:`extract_frame` returns the tables of
:func:`khabar.to_frames` as Dask DataFrames, equal to what one process gives for the same rows.

The work is split in three steps, each a task per partition except the second:

1. **extract**: each partition is extracted without clustering (``n_threads`` threads per task,
   one by default: Dask already runs one task per worker thread), and what clustering needs of
   each document is computed there: a MinHash signature and a fingerprint of its facts (about
   1 KB a document, a small fraction of its text and record);
2. **cluster**: one task gathers those signatures only, finds the candidate pairs across all
   partitions and assigns the cluster ids globally, so a story split over partitions is one
   cluster and the ids (content hashes) are the same as in one process, whatever the
   partitioning. It returns a plan per partition: each document's cluster id, the Latin names
   its persons take from an English sister, the publication day it inherits;
3. **tables**: each partition applies its plan (a member inheriting a day is extracted again
   there, where its text is) and builds its tables column-wise in Rust.

The clustering task holds about 1 KB per document (a million documents: about 1 GB); for larger
corpora, extract with ``cluster=False`` and cluster day by day through a
:class:`~khabar.ClusterIndex` (see ``docs/scale.md``).

The tables share the extraction step: compute them together (``dask.compute(*tables.values())``)
or :meth:`~dask.dataframe.DataFrame.persist` them, or each table extracts the corpus again. Their
index restarts at 0 in every partition.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import _core
from ._inputs import prepare
from .errors import InputError, optional_import
from .extractor import Extractor, default_extractor
from .frames import COLUMNS, TABLES, _frame, frames_from_columns

if TYPE_CHECKING:
    import pandas

    from ._core import CoreInput

__all__ = ["extract_frame"]


@dataclass(frozen=True)
class _Spec:
    """What every task needs to know (small: it travels with each task)."""

    config_json: str
    text: str
    id: str | None
    published: str | None
    lang: str | None
    n_threads: int | None


@dataclass
class _Part:
    """One partition extracted without clustering: its inputs, their JSON records, and what
    clustering needs of them (``_core.cluster_entries``)."""

    inputs: list[CoreInput]
    records: list[str]
    entries: bytes


@lru_cache(maxsize=4)
def _core_extractor(config_json: str) -> Any:
    """The core extractor of a configuration, built once per worker process and reused."""
    return _core.Extractor(config_json)


def _extract_part(df: pandas.DataFrame, spec: _Spec) -> _Part:
    ids = df[spec.id].tolist() if spec.id is not None else [str(i) for i in df.index]
    published = df[spec.published].tolist() if spec.published is not None else None
    prepared = prepare(df[spec.text].tolist(), ids, published, spec.lang)
    inputs = [p.as_core_input() for p in prepared]
    records = _core_extractor(spec.config_json).extract(inputs, spec.n_threads, False)
    return _Part(inputs, records, _core.cluster_entries(records, spec.n_threads))


def _plan_all(parts: list[_Part], spec: _Spec) -> tuple[_core.Plan, ...]:
    """One task: the clustering plan of every partition, from the partitions' entries only."""
    return tuple(_core.cluster_plan([p.entries for p in parts], spec.n_threads))


def _tables_part(part: _Part, plan: _core.Plan | None, spec: _Spec) -> dict[str, pandas.DataFrame]:
    records = part.records
    if plan is not None:
        records = _core_extractor(spec.config_json).apply_plan(part.inputs, records, plan, spec.n_threads)
    return frames_from_columns(_core.columns_from_json(records), "pandas")


def meta() -> dict[str, pandas.DataFrame]:
    """Empty frames with the columns and dtypes of every table (Dask's ``meta``)."""
    pd: Any = optional_import("pandas", "dask", "khabar.dask")
    return {name: _frame(pd, [], COLUMNS[name]) for name in TABLES}


def extract_frame(
    ddf: Any,
    text: str = "text",
    id: str | None = None,
    published: str | None = None,
    *,
    lang: str | None = None,
    extractor: Extractor | None = None,
    n_threads: int | None = 1,
    cluster: bool = True,
) -> dict[str, Any]:
    """The tables of the texts of one column of a Dask DataFrame, as Dask DataFrames: ``documents``,
    ``entities``, ``mentions``, ``dates``, ``quotes`` and ``events``, joined by ``doc_id``.

    Like :func:`khabar.extract_frame`: ids come from the ``id`` column when given, else from the
    index; ``published`` names a column of publication dates; ``lang`` is one language code for
    all rows. ``extractor`` runs a configured :class:`~khabar.Extractor` (it travels as its
    configuration and is built once per worker process). ``n_threads`` is the threads of each task
    (default 1). ``cluster=False`` skips clustering (``cluster`` is then null). Nothing runs until
    the frames are computed. Needs ``pip install 'khabar[dask]'``.
    """
    dask: Any = optional_import("dask", "dask", "khabar.dask")
    dd: Any = optional_import("dask.dataframe", "dask", "khabar.dask")
    delayed = dask.delayed
    columns = getattr(ddf, "columns", None)
    if columns is None or not hasattr(ddf, "to_delayed"):
        raise InputError(f"khabar.dask.extract_frame() takes a Dask DataFrame, not {type(ddf).__name__}")
    for what, col in (("text", text), ("id", id), ("published", published)):
        if col is not None and col not in columns:
            raise InputError(f"{what} column {col!r} is not in the DataFrame (columns: {list(columns)})")
    if n_threads is not None and (type(n_threads) is not int or n_threads < 1):
        raise InputError(f"n_threads must be a positive int or None, not {n_threads!r}")
    ex = extractor if extractor is not None else default_extractor()
    spec = _Spec(ex._core.config_json(), text, id, published, lang, n_threads)

    parts = [delayed(_extract_part, pure=True)(p, spec) for p in ddf.to_delayed()]
    if cluster and parts:
        plans = delayed(_plan_all, pure=True, nout=len(parts))(parts, spec)
        tables = [delayed(_tables_part, pure=True)(p, a, spec) for p, a in zip(parts, plans, strict=True)]
    else:
        tables = [delayed(_tables_part, pure=True)(p, None, spec) for p in parts]
    empty = meta()
    # Dask would turn object columns into strings, lists (errors, context, source, target) too.
    with dask.config.set({"dataframe.convert-string": False}):
        return {
            name: dd.from_delayed(
                [delayed(operator.getitem, pure=True)(t, name) for t in tables], meta=empty[name]
            )
            for name in TABLES
        }
