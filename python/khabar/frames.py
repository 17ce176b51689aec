"""Documents as tidy tables: one row per document, entity, mention, date, quote and event.

Every table has a ``doc_id`` column that joins it to ``documents``. :func:`tables` builds the rows
with the standard library only (the CLI writes CSV from them); :func:`to_frames` turns them into
pandas DataFrames with fixed dtypes, so that even an empty table has all its columns.

A pure converter: it reads documents or the core's column buffers and runs no extraction (that is
:mod:`khabar.extractor`, whose :func:`~khabar.extractor.extract_frame` and
:meth:`~khabar.Extractor.extract_frames` end here). The fast path hands the tables the core built
column-wise in Rust to pyarrow as whole buffers, without one Python object per row
(:func:`frames_from_columns`; :func:`to_frames`, :func:`to_arrow` and :func:`to_polars` take the
tables of the core's batches the documents came from, and read the records of documents made in
Python into one: :func:`khabar.model.core_batch`). Without pyarrow, or for documents the core
cannot read, the rows are built in Python.

``published`` becomes ``datetime64[ns]`` as written (the outlet's local time, any offset dropped)
and ``published_utc`` the UTC instant where the value carried an offset (``NaT`` elsewhere); a
value that cannot be read is ``NaT``. An event's ``date`` becomes the start of the period it names,
with ``date_grain`` (``year``, ``month``, ``day``, ``time``). Two tables are derived in pandas:
``event_actors`` (one row per event and actor) and ``clusters`` (one row per story).

List-valued columns (``errors``, ``error_messages``, ``context``, ``source``, ``target``) hold
Python lists of strings: in ``documents``, ``errors`` lists the codes of the document's errors and
``error_messages`` their messages, in the same order.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .errors import InputError, optional_import
from .explain import cluster_why
from .model import Document, core_batch

if TYPE_CHECKING:
    import pandas

__all__ = ["COLUMNS", "TABLES", "frame_columns", "tables", "to_arrow", "to_frames", "to_polars"]

OUTPUTS = ("pandas", "arrow", "polars")

# Each table's columns and their pandas dtypes ("list" columns are object columns of lists). In
# DataFrames a "datetime" column (``published``) is followed by its ``_utc`` twin and a "date"
# column (an event's ``date``) by its ``_grain``: see :func:`frame_columns`.
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string",
        "lang": "string",
        "title": "string",
        "published": "datetime",
        "published_source": "string",
        "source": "string",
        "url": "string",
        "cluster": "string",
        "n_entities": "int64",
        "n_dates": "int64",
        "n_quotes": "int64",
        "n_events": "int64",
        "errors": "list",
        "error_messages": "list",
        "body": "string",
    },
    "entities": {
        "doc_id": "string",
        "entity_id": "string",
        "kind": "string",
        "name": "string",
        "key": "string",
        "country": "string",
        "title": "string",
        "affiliation": "string",
        "geonames": "Int64",  # a place's GeoNames id and coordinates (null elsewhere)
        "lat": "float64",
        "lon": "float64",
        "n_mentions": "int64",
        "role_only": "bool",
    },
    "mentions": {
        "doc_id": "string",
        "entity_id": "string",
        "kind": "string",
        "start": "int64",
        "end": "int64",
        "text": "string",
    },
    "dates": {
        "doc_id": "string",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "value": "string",
        "grain": "string",
    },
    "quotes": {
        "doc_id": "string",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "kind": "string",
        "speaker": "string",
        "speaker_name": "string",
        "speaker_text": "string",
        "cue": "string",
    },
    "events": {
        "doc_id": "string",
        "type": "string",
        "context": "list",
        "cameo": "string",
        "source": "list",
        "target": "list",
        "mode": "string",
        "date": "date",
        "location": "string",
        "start": "int64",
        "end": "int64",
        "trigger": "string",
    },
}
TABLES = tuple(COLUMNS)


def frame_columns(columns: dict[str, str]) -> dict[str, str]:
    """The columns of a table in DataFrames, with their dtypes: ``published`` (naive, as written)
    gains ``published_utc`` (the UTC instant, where the value carried an offset), and an event's
    ``date`` (a datetime, the start of the period it names) gains ``date_grain``."""
    out: dict[str, str] = {}
    for col, kind in columns.items():
        if kind == "datetime":
            out[col] = out[f"{col}_utc"] = "datetime"
        elif kind == "date":
            out[col] = "datetime"
            out[f"{col}_grain"] = "string"
        else:
            out[col] = kind
    return out


# The columns of the tables derived in pandas from the others.
EVENT_ACTOR_COLUMNS = {
    "doc_id": "string",
    "event": "int64",
    "type": "string",
    "role": "string",
    "entity_id": "string",
    "name": "string",
    "kind": "string",
    "country": "string",
}

Row = dict[str, Any]
# The clusters table's why column by cluster id, or a function that gives it.
Why = dict[str, str] | Callable[[], dict[str, str]] | None
# What the core returns for a batch: {table: (rows, {column: (kind, *buffers)})}.
Columns = dict[str, tuple[int, dict[str, tuple[Any, ...]]]]


def tables(docs: Iterable[Document]) -> dict[str, list[Row]]:
    """The rows of every table, as plain dicts (``published`` left as the ISO string)."""
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    for doc in docs:
        d = doc.id
        out["documents"].append(
            {
                "doc_id": d,
                "lang": doc.lang,
                "title": doc.title,
                "published": doc.published,
                "published_source": doc.published_source,
                "source": doc.source,
                "url": doc.url,
                "cluster": doc.cluster,
                "n_entities": len(doc.entities),
                "n_dates": len(doc.dates),
                "n_quotes": len(doc.quotes),
                "n_events": len(doc.events),
                "errors": [e.code for e in doc.errors],
                "error_messages": [e.message for e in doc.errors],
                "body": doc.body,
            }
        )
        for e in doc.entities:
            out["entities"].append(
                {
                    "doc_id": d,
                    "entity_id": e.id,
                    "kind": e.kind,
                    "name": e.name,
                    "key": e.key,
                    "country": e.country,
                    "title": e.title,
                    "affiliation": e.affiliation,
                    "geonames": e.geonames,
                    "lat": e.lat,
                    "lon": e.lon,
                    "role_only": e.role_only,
                    "n_mentions": len(e.mentions),
                }
            )
            out["mentions"].extend(
                {
                    "doc_id": d,
                    "entity_id": e.id,
                    "kind": e.kind,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                }
                for m in e.mentions
            )
        out["dates"].extend({"doc_id": d, **x.to_dict()} for x in doc.dates)
        out["quotes"].extend({"doc_id": d, **q.to_dict()} for q in doc.quotes)
        out["events"].extend({"doc_id": d, **ev.to_dict()} for ev in doc.events)
    return out


def parse_published(value: str | None, utc: bool = False) -> datetime | None:
    """A naive datetime for a published value: as written (its offset dropped), or with ``utc``
    the UTC instant, which only a value with an offset has."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    if not utc:
        return dt.replace(tzinfo=None)
    if dt.tzinfo is None:
        return None
    try:
        return dt.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 in UTC
        return None


# The grain of an event's date value by its shape: 2024, 2024-03, 2024-03-05, 2024-03-05T10:00
# (a part of the day, 2024-03-05TMO, counts as its day).
_GRAINS = {4: "year", 7: "month", 10: "day"}


def parse_event_date(value: str | None) -> tuple[datetime | None, str | None]:
    """An event's date value as the start of the period it names, and that period's grain;
    values of other shapes (a week, a range) give ``(None, None)``."""
    if not value:
        return None, None
    if len(value) == 13 and value[10] == "T" and value[11:].isalpha():
        # a part of the day (2024-03-01TAF, "Friday afternoon"): its day
        value = value[:10]
    grain = _GRAINS.get(len(value), "time" if len(value) > 10 and value[10] == "T" else None)
    if grain is None:
        return None, None
    padded = {"year": "-01-01", "month": "-01"}.get(grain, "")
    try:
        return datetime.fromisoformat(value + padded).replace(tzinfo=None), grain
    except ValueError:
        return None, None


# The days a pandas datetime64[ns] column can hold; a publication date outside them (a
# caller's typo such as 3024 for 2024) becomes NaT rather than failing the whole table.
_NS_FIRST, _NS_LAST = datetime(1677, 9, 22), datetime(2262, 4, 11)


def _datetime_column(pd: Any, parsed: list[datetime | None]) -> Any:
    kept = [d if d is not None and _NS_FIRST <= d <= _NS_LAST else None for d in parsed]
    return pd.Series(pd.to_datetime(kept), dtype="datetime64[ns]")


def _add_time_columns(pd: Any, data: dict[str, Any], col: str, kind: str, values: list[Any]) -> None:
    """The columns of :func:`frame_columns` for a "datetime" or "date" column of ISO strings."""
    if kind == "datetime":
        data[col] = _datetime_column(pd, [parse_published(v) for v in values])
        data[f"{col}_utc"] = _datetime_column(pd, [parse_published(v, utc=True) for v in values])
    else:
        pairs = [parse_event_date(v) for v in values]
        data[col] = _datetime_column(pd, [d for d, _ in pairs])
        data[f"{col}_grain"] = pd.Series([g for _, g in pairs], dtype=pd.StringDtype())


def _frame(pd: Any, rows: list[Row], columns: dict[str, str]) -> Any:
    data: dict[str, Any] = {}
    for col, kind in columns.items():
        values = [r[col] for r in rows]
        if kind in ("datetime", "date"):
            _add_time_columns(pd, data, col, kind, values)
        elif kind == "list":
            data[col] = pd.Series([list(v) for v in values], dtype=object)
        else:
            data[col] = pd.Series(values, dtype=kind)
    return pd.DataFrame(data)


def have_pyarrow() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def arrow_tables(cols: Columns) -> dict[str, Any]:
    """pyarrow Tables from the column buffers of the core (no Python object per value)."""
    pa: Any = optional_import("pyarrow", "parquet", "Arrow tables")

    def strings(n: int, offsets: bytes, data: bytes, validity: bytes | None) -> Any:
        mask = None if validity is None else pa.py_buffer(validity)
        return pa.Array.from_buffers(pa.large_string(), n, [mask, pa.py_buffer(offsets), pa.py_buffer(data)])

    out = {}
    # the core derives the event_actors table too (older cores did not)
    specs = {**COLUMNS, "event_actors": EVENT_ACTOR_COLUMNS}
    for name in (n for n in specs if n in cols):
        rows, columns = cols[name]
        arrays = []
        for col, dtype in specs[name].items():
            kind, *bufs = columns[col]
            if kind == "int":
                ints = pa.Array.from_buffers(pa.int64(), rows, [None, pa.py_buffer(bufs[0])])
                # the core writes a flag as 0 or 1
                arrays.append(ints.cast(pa.bool_()) if dtype == "bool" else ints)
            elif kind == "str":
                text = strings(rows, *bufs)
                # the core writes a place's id and coordinates as text
                numbers = {"Int64": pa.int64(), "float64": pa.float64()}
                arrays.append(text.cast(numbers[dtype]) if dtype in numbers else text)
            else:
                n_items = (len(bufs[1]) // 8) - 1
                child = strings(n_items, *bufs[1:])
                arrays.append(pa.LargeListArray.from_arrays(pa.array(memoryview(bufs[0]).cast("q")), child))
        out[name] = pa.Table.from_arrays(arrays, names=list(specs[name]))
    return out


def _pandas_from_arrow(pd: Any, table: Any, columns: dict[str, str]) -> Any:
    """A DataFrame with the dtypes of :func:`_frame`, from a pyarrow Table of the same columns."""
    data: dict[str, Any] = {}
    for col, kind in columns.items():
        arr = table.column(col)
        if kind in ("datetime", "date"):
            _add_time_columns(pd, data, col, kind, arr.to_pylist())
        elif kind == "list":
            data[col] = pd.Series(arr.to_pylist(), dtype=object)
        elif kind == "string":
            data[col] = pd.Series(arr, dtype=pd.StringDtype())
        else:
            data[col] = pd.Series(arr.to_numpy(), dtype=kind)
    return pd.DataFrame(data)


def frames_from_columns(cols: Columns, output: str = "pandas", why: Why = None) -> dict[str, Any]:
    """The tables of the core's column buffers as pandas, pyarrow or polars frames; ``why`` fills
    the clusters table's ``why`` column (see :func:`clusters_frame`), or is a function that gives
    it, called when that table is built (last)."""
    if output not in OUTPUTS:
        raise InputError(f"output must be one of {OUTPUTS}, not {output!r}")
    arrow = arrow_tables(cols)
    pd: Any = optional_import(
        "pandas", "pandas", "khabar.to_frames()" if output == "pandas" else "the clusters table"
    )
    # the clusters table is grouped with pandas, which pyarrow users nearly always have
    frames = {name: _pandas_from_arrow(pd, arrow[name], COLUMNS[name]) for name in TABLES}
    if "event_actors" in arrow:
        frames["event_actors"] = _pandas_from_arrow(pd, arrow["event_actors"], EVENT_ACTOR_COLUMNS)
    derived = _with_derived(pd, frames, why)
    if output == "pandas":
        return derived
    pa: Any = optional_import("pyarrow", "parquet", "arrow output")
    for name in DERIVED:
        if name not in arrow:
            arrow[name] = pa.Table.from_pandas(derived[name], preserve_index=False)
    if output == "arrow":
        return arrow
    pl: Any = optional_import("polars", "polars", "polars output")
    return {name: pl.from_arrow(t) for name, t in arrow.items()}


def to_frames(docs: Iterable[Document]) -> dict[str, pandas.DataFrame]:
    """Tidy DataFrames of the documents: ``documents``, ``entities``, ``mentions``, ``dates``,
    ``quotes`` and ``events``, joined by ``doc_id``, and ``clusters`` (one row per story: its
    size, languages, outlets, first and last publication and a representative title), joined to
    ``documents`` by ``cluster``.

    Needs pandas (``pip install 'khabar[pandas]'``).
    """
    pd: Any = optional_import("pandas", "pandas", "khabar.to_frames()")
    docs = list(docs)
    # The core's batch of the documents (theirs, or their records read again): the tables are
    # built from it column-wise in Rust, and the clusters table says why members were joined.
    batch = core_batch(docs)
    if batch is not None and have_pyarrow():
        return _frames_of_batch(docs, batch, "pandas")
    rows = tables(docs)
    return _with_derived(
        pd, {name: _frame(pd, rows[name], COLUMNS[name]) for name in TABLES}, cluster_why(docs, batch)
    )


def _frames_of_batch(docs: list[Document], batch: Any, output: str) -> dict[str, Any]:
    """The tables of documents from the core's batch of them, column-wise: the clusters table's
    why column is worked out in the core on another thread (the GIL released) while the tables
    are built and converted on this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        why = pool.submit(cluster_why, docs, batch)
        return frames_from_columns(batch.columns(), output, why.result)


# The tables made in pandas from the others, after them.
DERIVED = ("event_actors", "clusters")


def _with_derived(pd: Any, frames: dict[str, Any], why: Why = None) -> dict[str, Any]:
    if "event_actors" not in frames:
        frames["event_actors"] = event_actors_frame(pd, frames["events"], frames["entities"])
    frames["clusters"] = clusters_frame(pd, frames["documents"], why() if callable(why) else why)
    return frames


def event_actors_frame(pd: Any, events: Any, entities: Any) -> Any:
    """One row per event and actor, so that actors group without ``explode``: the event's number
    in its document (``event``, from 0, the order of ``events``), its type, the actor's ``role``
    (``source`` or ``target``) and the actor's entity id, name, kind and country."""
    rows = event_actor_rows(
        zip(*(events[c].tolist() for c in ("doc_id", "type", "source", "target")), strict=True),
        zip(*(entities[c].tolist() for c in ("doc_id", "entity_id", "name", "kind", "country")), strict=True),
    )
    return pd.DataFrame(rows, columns=list(EVENT_ACTOR_COLUMNS)).astype(EVENT_ACTOR_COLUMNS)


def event_actor_rows(events: Iterable[Sequence[Any]], entities: Iterable[Sequence[Any]]) -> list[Row]:
    """The rows of the ``event_actors`` table (see :func:`event_actors_frame`) as plain dicts,
    without pandas: ``events`` gives each event's ``(doc_id, type, source, target)`` in the order
    of the ``events`` table, ``entities`` each entity's ``(doc_id, entity_id, name, kind,
    country)``; an actor takes the first entity of its document with its id."""
    about: dict[tuple[Any, Any], tuple[Any, Any, Any]] = {}
    for doc_id, entity_id, name, kind, country in entities:
        about.setdefault((doc_id, entity_id), (name, kind, country))
    numbers: dict[Any, int] = {}
    rows: list[Row] = []
    for doc_id, event_type, sources, targets in events:
        n = numbers[doc_id] = numbers.get(doc_id, -1) + 1
        for role, ids in (("source", sources), ("target", targets)):
            for i in ids:
                name, kind, country = about.get((doc_id, i), (None, None, None))
                rows.append(
                    {
                        "doc_id": doc_id,
                        "event": n,
                        "type": event_type,
                        "role": role,
                        "entity_id": i,
                        "name": name,
                        "kind": kind,
                        "country": country,
                    }
                )
    return rows


# The clusters table's columns and their dtypes (its first and last publication are naive
# datetimes, as ``published``, without a ``_utc`` twin).
CLUSTER_KINDS: dict[str, str] = {
    "cluster": "string",
    "size": "int64",
    "languages": "list",
    "outlets": "list",
    "first_published": "datetime64[ns]",
    "last_published": "datetime64[ns]",
    "title": "string",
    "why": "string",
}
CLUSTER_COLUMNS = list(CLUSTER_KINDS)

# The columns of each table derived from the others.
DERIVED_COLUMNS: dict[str, dict[str, str]] = {"event_actors": EVENT_ACTOR_COLUMNS, "clusters": CLUSTER_KINDS}

# A cluster summary (see :func:`cluster_parts`) keeps, beside the columns of the clusters table,
# where its title comes in the order titles are chosen by: dated only through its cluster, then
# publication, then document id.
_TITLE_KEY = ["title_lent", "title_published", "title_doc"]


def clusters_frame(pd: Any, documents: Any, why: dict[str, str] | None = None) -> Any:
    """One row per cluster of a documents table; the title is that of the earliest member dated
    by its own text or metadata (a member dated only through its cluster comes after those);
    ``why`` (cluster id → the shared facts and scores that join its members, from
    :func:`khabar.explain.cluster_why`) fills the ``why`` column of clusters of two or more.
    Built with grouped aggregations, not a loop over the clusters."""
    return clusters_table(pd, cluster_parts(pd, documents), why)


def cluster_parts(pd: Any, documents: Any) -> Any:
    """A summary of each cluster of a documents table (its size, languages, outlets, first and
    last publication and title, with where that title comes in the order titles are chosen by).
    Summaries of parts of a run merge (:func:`merge_cluster_parts`) into those of the whole, so
    that the clusters table of documents seen a chunk at a time needs no more than a row per
    cluster: :func:`clusters_table` makes it."""
    docs = documents[documents["cluster"].notna()]
    return _summarise(
        pd,
        pd.DataFrame(
            {
                "cluster": docs["cluster"],
                "size": 1,
                "languages": docs["lang"],
                "outlets": docs["source"],
                "first_published": docs["published"],
                "last_published": docs["published"],
                "title": docs["title"],
                "title_lent": docs["published_source"].eq("cluster").fillna(False).astype(bool),
                "title_published": docs["published"],
                "title_doc": docs["doc_id"],
            }
        ),
    )


def merge_cluster_parts(pd: Any, parts: Sequence[Any]) -> Any:
    """The cluster summaries of documents whose parts were summarised by :func:`cluster_parts`
    (in the order of the documents)."""
    return _summarise(pd, pd.concat([p for p in parts if len(p)], ignore_index=True))


def _summarise(pd: Any, rows: Any) -> Any:
    """One summary per cluster of summaries (a document is a summary of one), by cluster id.

    A loop over plain lists: most clusters have one member, and grouping them with pandas costs
    more than the rest of the tables together."""
    import numpy as np

    nat = _NAT
    # plain Python values: reading numpy arrays an element at a time is slower still
    times = {
        c: rows[c].to_numpy(dtype="datetime64[ns]").view("int64").tolist()
        for c in ("first_published", "last_published", "title_published")
    }
    lent = rows["title_lent"].eq(True).to_numpy(dtype=bool).tolist()
    into: dict[str, _Summary] = {}
    for i, (cluster, size, langs, outlets, title, doc) in enumerate(
        zip(
            *(rows[c].tolist() for c in ("cluster", "size", "languages", "outlets", "title", "title_doc")),
            strict=True,
        )
    ):
        s = into.get(cluster)
        if s is None:
            s = into[cluster] = _Summary()
        s.size += size
        _add_values(pd, s.languages, langs)
        _add_values(pd, s.outlets, outlets)
        first, last = times["first_published"][i], times["last_published"][i]
        if first != nat and (s.first == nat or first < s.first):
            s.first = first
        if last != nat and (s.last == nat or last > s.last):
            s.last = last
        if not _missing(pd, title):
            # the order titles are chosen by: not lent, then published (unknown last), then
            # document id (unknown last), then the order of the rows
            published = times["title_published"][i]
            unknown = _missing(pd, doc)
            key = (lent[i], published == nat, published, unknown, "" if unknown else doc, i)
            if s.title_key is None or key < s.title_key:
                s.title_key, s.title, s.title_doc = key, title, doc
    ids = sorted(into)
    out = [into[c] for c in ids]
    return pd.DataFrame(
        {
            "cluster": pd.array(ids, dtype="string"),
            "size": np.array([s.size for s in out], dtype="int64"),
            "languages": [sorted(s.languages) for s in out],
            "outlets": [sorted(s.outlets) for s in out],
            "first_published": np.array([s.first for s in out], dtype="int64").view("datetime64[ns]"),
            "last_published": np.array([s.last for s in out], dtype="int64").view("datetime64[ns]"),
            "title": pd.array([s.title for s in out], dtype="string"),
            "title_lent": np.array([bool(s.title_key and s.title_key[0]) for s in out], dtype=bool),
            "title_published": np.array(
                [s.title_key[2] if s.title_key else nat for s in out], dtype="int64"
            ).view("datetime64[ns]"),
            "title_doc": pd.array([s.title_doc for s in out], dtype="string"),
        }
    )


# NaT as numpy's datetime64[ns] stores it (the smallest int64).
_NAT = -(2**63)


class _Summary:
    """One cluster's summary while :func:`_summarise` reads its rows."""

    __slots__ = ("first", "languages", "last", "outlets", "size", "title", "title_doc", "title_key")

    def __init__(self) -> None:
        self.size = 0
        self.languages: set[str] = set()
        self.outlets: set[str] = set()
        self.first = self.last = _NAT
        self.title: Any = None
        self.title_doc: Any = None
        self.title_key: tuple[Any, ...] | None = None


def _add_values(pd: Any, into: set[str], value: Any) -> None:
    """Add a summary's value (a list of them, or one value or none) to a set of distinct ones."""
    if isinstance(value, list | tuple):
        into.update(str(v) for v in value if not _missing(pd, v))
    elif not _missing(pd, value):
        into.add(str(value))


def _missing(pd: Any, value: Any) -> bool:
    """A missing value as pandas writes one in a string or object column (None, NA or NaN)."""
    return value is None or value is pd.NA or value != value


def clusters_table(pd: Any, parts: Any, why: dict[str, str] | None = None) -> Any:
    """The clusters table of cluster summaries (:func:`cluster_parts`), largest first; ``why``
    fills the ``why`` column (see :func:`clusters_frame`)."""
    why = why or {}
    if parts.empty:
        out = pd.DataFrame({c: pd.Series(dtype="object") for c in CLUSTER_COLUMNS})
        out["size"] = out["size"].astype("int64")
        return out
    out = parts[CLUSTER_COLUMNS[:-1]].assign(
        why=pd.array([why.get(str(c)) for c in parts["cluster"].tolist()], dtype="string")
    )
    return out.sort_values(["size", "cluster"], ascending=[False, True], kind="stable").reset_index(drop=True)


class RunClusters:
    """The clusters table of a run whose documents are seen a chunk at a time (the command
    line's): summaries per cluster, never the documents. Each chunk's summaries are merged with
    the latest ones kept while those are not twice as many (so the summaries kept halve in number
    from the oldest to the newest): memory stays under twice a row per cluster, besides the
    chunk, and each row is merged a logarithmic number of times. ``why`` keeps the first
    explanation given for each cluster (by the chunk its members were first seen together in)."""

    def __init__(self, pd: Any) -> None:
        self.pd = pd
        self.parts: list[Any] = []
        self.why: dict[str, str] = {}

    def add_rows(self, documents: list[Row], why: dict[str, str] | None = None) -> None:
        """:meth:`add` for the rows of a chunk's documents table (from :func:`tables`)."""
        needed = ("doc_id", "lang", "title", "published", "published_source", "source", "cluster")
        self.add(_frame(self.pd, documents, {c: COLUMNS["documents"][c] for c in needed}), why)

    def add(self, documents: Any, why: dict[str, str] | None = None) -> None:
        """Add a chunk's documents table, and why the chunk's clusters of two or more are joined."""
        for cluster, line in (why or {}).items():
            self.why.setdefault(cluster, line)
        part = cluster_parts(self.pd, documents)
        if not len(part):
            return
        self.parts.append(part)
        while len(self.parts) > 1 and 2 * len(self.parts[-1]) >= len(self.parts[-2]):
            last = self.parts.pop()
            self.parts[-1] = merge_cluster_parts(self.pd, [self.parts[-1], last])

    def frame(self) -> Any:
        """The clusters table of the documents added so far."""
        if not self.parts:
            return clusters_table(self.pd, self.pd.DataFrame())
        parts = self.parts[0] if len(self.parts) == 1 else merge_cluster_parts(self.pd, self.parts)
        return clusters_table(self.pd, parts, self.why)


def to_arrow(docs: Iterable[Document]) -> dict[str, Any]:
    """The tables of :func:`to_frames` as pyarrow Tables (needs pyarrow)."""
    optional_import("pyarrow", "parquet", "khabar.to_arrow()")
    docs = list(docs)
    batch = core_batch(docs)
    if batch is not None:
        return _frames_of_batch(docs, batch, "arrow")
    pa: Any = optional_import("pyarrow", "parquet", "khabar.to_arrow()")
    return {name: pa.Table.from_pandas(df, preserve_index=False) for name, df in to_frames(docs).items()}


def to_polars(docs: Iterable[Document]) -> dict[str, Any]:
    """The tables of :func:`to_frames` as polars DataFrames (needs polars and pyarrow)."""
    pl: Any = optional_import("polars", "polars", "khabar.to_polars()")
    return {name: pl.from_arrow(t) for name, t in to_arrow(docs).items()}
