"""The :class:`Extractor`: the Rust pipeline with its configuration, driven in chunks from Python, and
:func:`extract_frame`, which runs it over a column of a DataFrame."""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from . import _core
from ._entities import load_entities
from ._inputs import Prepared, chunks, prepare
from .cluster_index import ClusterIndex
from .errors import InputError, KhabarError
from .frames import frames_from_columns, have_pyarrow, to_frames
from .model import Document, documents_of

if TYPE_CHECKING:
    import pandas

__all__ = ["Extractor", "default_extractor", "extract_frame"]

# Documents are handed to the core in chunks, so that a progress bar can move. Ctrl-C is honoured
# between chunks and inside them: the core watches for it while it works on a large chunk and
# stops between a document's stages.
CHUNK_DOCS = 512
CHUNK_CHARS = 8_000_000
# With progress=None, a bar is shown for batches longer than this, on a terminal or in a notebook.
AUTO_PROGRESS_DOCS = 2000
# repr(Extractor) is cut to this many characters.
REPR_CHARS = 200


def _interactive() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is not None:
        shell = getattr(ipython, "get_ipython", lambda: None)()
        if type(shell).__name__ == "ZMQInteractiveShell":
            return True
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def _progress_bar(progress: bool | None, total: int) -> Any:
    """A tqdm bar, or None when no bar is wanted or tqdm is not installed."""
    if progress is False or (progress is None and (total <= AUTO_PROGRESS_DOCS or not _interactive())):
        return None
    try:
        tqdm = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        return None
    return tqdm(total=total, unit="doc", desc="khabar", leave=False)


def _with_option(config_json: str, key: str, value: Any) -> str:
    """The configuration with one more setting; one that is no JSON object is left as it is, for
    the core to refuse with its own message."""
    try:
        cfg = json.loads(config_json)
    except ValueError:
        return config_json
    if not isinstance(cfg, dict):
        return config_json
    cfg[key] = value
    return json.dumps(cfg, ensure_ascii=False)


class Extractor:
    """The extraction pipeline with one configuration.

    Building one compiles the knowledge base once; reuse it for many calls. It is safe to share
    between threads and pickles as its configuration (rebuilt in the receiving process; an
    extractor made from a configuration already built in this process shares that one).
    ``entities`` adds knowledge-base rows (id, kind, name, aliases, country, title) from a
    DataFrame, a list of mappings or a CSV/TSV/JSON file; they pickle with the extractor.
    ``reference_dates=True`` also gives the times named only by their relation to the time of
    writing ("now", "recently", "in the future": grain ``reference``, valued ``PRESENT_REF``,
    ``PAST_REF`` or ``FUTURE_REF`` as TimeML marks them); by default ``dates`` holds calendar
    dates and lengths of time only.

    >>> ex = Extractor()
    >>> [doc] = ex.extract("Jordan and Japan signed an agreement on Tuesday.")
    """

    __slots__ = ("_core",)

    def __init__(
        self,
        config: Mapping[str, Any] | str | None = None,
        *,
        entities: Any = None,
        reference_dates: bool = False,
    ) -> None:
        if config is None:
            config_json = "{}"
        elif isinstance(config, str):
            config_json = config
        elif isinstance(config, Mapping):
            config_json = json.dumps(dict(config), ensure_ascii=False)
        else:
            raise InputError(f"config must be a mapping or a JSON string, not {type(config).__name__}")
        if entities is not None:
            # the user's knowledge-base rows travel in the configuration, and so through pickling
            cfg = json.loads(config_json)
            cfg["entities"] = list(cfg.get("entities") or []) + load_entities(entities)
            config_json = json.dumps(cfg, ensure_ascii=False)
        if type(reference_dates) is not bool:
            raise InputError(f"reference_dates must be True or False, not {reference_dates!r}")
        if reference_dates:
            config_json = _with_option(config_json, "reference_dates", True)
        try:
            self._core = _core.Extractor(config_json)
        except ValueError as e:
            raise InputError(str(e)) from None

    @property
    def config(self) -> dict[str, Any]:
        """The configuration, as the core understood it."""
        cfg = json.loads(self._core.config_json())
        return cfg if isinstance(cfg, dict) else {}

    def __reduce__(self) -> tuple[type[Extractor], tuple[str]]:
        return (Extractor, (self._core.config_json(),))

    def __dask_tokenize__(self) -> tuple[str, str]:
        # The same configuration gives the same token, in any process.
        return ("khabar.Extractor", self._core.config_json())

    def __repr__(self) -> str:
        # The options only: the user's knowledge-base rows are counted, not printed (there may be
        # thousands of them).
        cfg = self.config
        rows = cfg.pop("entities", None) or []
        parts = [f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in sorted(cfg.items())]
        if rows:
            parts.append(f"entities=<{len(rows)} rows>")
        text = ", ".join(parts)
        if len(text) > REPR_CHARS:
            text = text[: REPR_CHARS - 1] + "…"
        return f"Extractor({text})"

    def __call__(self, text: Any, *, published: Any = None, lang: Any = None) -> Document:
        """The facts of one text, as one :class:`Document` (``ex(text)``, as spaCy's ``nlp(text)``)."""
        [doc] = self.extract(
            [text],
            published=None if published is None else [published],
            lang=None if lang is None else [lang],
            progress=False,
        )
        return doc

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = CHUNK_DOCS,
        n_threads: int | None = None,
        cluster_index: ClusterIndex | None = None,
    ) -> Iterator[Document]:
        """Extract a stream of texts, yielding documents in order as each batch of ``batch_size``
        finishes (as spaCy's ``nlp.pipe``), so that memory is bounded by the batch. Ids are
        ``"0"``, ``"1"``, … over the whole stream. Each batch is clustered with the batches before
        it through ``cluster_index`` (a fresh :class:`ClusterIndex` when none is given), so a
        report joins the story of one seen earlier; a document's ``cluster`` is final when it is
        yielded (a later sister joins that cluster, it does not rename it)."""
        if type(batch_size) is not int or batch_size < 1:
            raise InputError(f"batch_size must be a positive int, not {batch_size!r}")
        if isinstance(texts, str | bytes):
            texts = [texts]
        index = cluster_index if cluster_index is not None else ClusterIndex()
        stream = iter(texts)
        start = 0
        while batch := list(itertools.islice(stream, batch_size)):
            ids = [str(i) for i in range(start, start + len(batch))]
            start += len(batch)
            yield from self.extract(batch, ids=ids, n_threads=n_threads, progress=False, cluster_index=index)

    def extract(
        self,
        texts: Any,
        *,
        ids: Any = None,
        published: Any = None,
        lang: Any = None,
        n_threads: int | None = None,
        progress: bool | None = None,
        cluster_index: ClusterIndex | None = None,
    ) -> list[Document]:
        """Extract the facts of each text; see :func:`khabar.extract`."""
        return self.extract_prepared(
            prepare(texts, ids, published, lang),
            n_threads=n_threads,
            progress=progress,
            cluster_index=cluster_index,
        )

    def extract_prepared(
        self,
        docs: Sequence[Prepared],
        *,
        n_threads: int | None = None,
        progress: bool | None = None,
        cluster_index: ClusterIndex | None = None,
    ) -> list[Document]:
        """Run the core over documents already prepared (used by the CLI, which adds its own errors)."""
        if n_threads is not None and (type(n_threads) is not int or n_threads < 1):
            raise InputError(f"n_threads must be a positive int or None, not {n_threads!r}")
        if cluster_index is not None and not isinstance(cluster_index, ClusterIndex):
            raise InputError(
                f"cluster_index must be a khabar.ClusterIndex, not {type(cluster_index).__name__}"
            )
        bar = _progress_bar(progress, len(docs))
        # Chunks are extracted without clustering and kept in the core; the whole batch is
        # clustered at the end, so that clusters do not depend on where the chunks fall.
        batches: list[_core.Batch] = []
        try:
            for chunk in chunks(docs, CHUNK_DOCS, CHUNK_CHARS):
                batch = self._core.extract([d.as_core_input() for d in chunk], n_threads, False)
                if len(batch) != len(chunk):
                    raise KhabarError(f"the core returned {len(batch)} records for {len(chunk)} documents")
                batches.append(batch)
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
        # the flag, not self.config: that parses the configuration, user rows and all, again
        if cluster_index is not None or not self._core.no_cluster:
            core_index = cluster_index._core if cluster_index is not None else None
            inputs = [d.as_core_input() for d in docs]
            batches = [self._core.cluster_batches(inputs, batches, n_threads, core_index)]
        out: list[Document] = []
        texts = [d.text for d in docs]
        for batch in batches:
            out.extend(documents_of(batch, texts[len(out) : len(out) + len(batch)]))
        return out

    def cluster(
        self,
        docs: Iterable[Document],
        *,
        n_threads: int | None = None,
        cluster_index: ClusterIndex | None = None,
    ) -> list[Document]:
        """Group documents extracted separately (say, with ``cluster=False`` or in other runs)
        into same-story clusters, as :meth:`extract` does for one batch: every document gets its
        ``cluster``, an undated member takes its sisters' publication day (and its relative dates
        are resolved again against it), persons take the Latin name an English sister uses.

        Documents must carry their text (as returned by :meth:`extract`). With ``cluster_index``
        the documents also join the stories of earlier batches and are added to the index.
        """
        docs = list(docs)
        prepared = []
        for d in docs:
            if not isinstance(d, Document):
                raise InputError(f"cluster() takes khabar.Document objects, not {type(d).__name__}")
            given = d.published if d.published_source == "metadata" else None
            prepared.append(Prepared(id=d.id, text=d.text, published=given, lang=None, errors=[]))
        records = [d.to_json() for d in docs]
        # asked for explicitly: clustered whatever the configuration says
        return self._cluster(prepared, records, list(docs), n_threads, cluster_index, force=True)

    def _cluster(
        self,
        docs: Sequence[Prepared],
        records: list[str],
        out: list[Document],
        n_threads: int | None,
        index: ClusterIndex | None,
        force: bool = False,
    ) -> list[Document]:
        if index is not None and not isinstance(index, ClusterIndex):
            raise InputError(f"cluster_index must be a khabar.ClusterIndex, not {type(index).__name__}")
        # the flag, not self.config: that parses the configuration, user rows and all, again
        if index is None and not force and self._core.no_cluster:
            return out
        core_index = index._core if index is not None else None
        ids, changed = self._core.cluster([d.as_core_input() for d in docs], records, n_threads, core_index)
        for i, record in changed:
            out[i] = Document.from_json(record, text=docs[i].text)
        return [
            d if d.cluster == c else dataclasses.replace(d, cluster=c) for d, c in zip(out, ids, strict=True)
        ]

    def extract_frames(
        self,
        texts: Any,
        *,
        ids: Any = None,
        published: Any = None,
        lang: Any = None,
        n_threads: int | None = None,
        output: str = "pandas",
    ) -> dict[str, Any]:
        """Extract and return the tables of :func:`khabar.to_frames` directly, built column-wise in
        Rust (no :class:`Document` objects): ``output`` is ``"pandas"``, ``"arrow"`` (pyarrow
        Tables) or ``"polars"``. Needs pyarrow."""
        if n_threads is not None and (type(n_threads) is not int or n_threads < 1):
            raise InputError(f"n_threads must be a positive int or None, not {n_threads!r}")
        prepared = prepare(texts, ids, published, lang)
        cols = self._core.extract_columns([d.as_core_input() for d in prepared], n_threads)
        return frames_from_columns(cols, output)


@cache
def default_extractor() -> Extractor:
    """The shared extractor with the default configuration, built on first use."""
    return Extractor()


def extract_frame(
    df: pandas.DataFrame,
    text: str = "text",
    id: str | None = None,
    published: str | None = None,
    *,
    extractor: Extractor | None = None,
    **kw: Any,
) -> dict[str, pandas.DataFrame]:
    """Extract the texts of one column of a DataFrame and return :func:`to_frames` of the result.

    Ids come from the ``id`` column when given, else from the index. ``published`` names a column of
    publication dates. ``extractor`` runs a configured :class:`~khabar.Extractor` instead of the
    default one; other keywords (``lang``, ``n_threads``, ``progress``) are passed on to its
    ``extract``.
    """

    columns = getattr(df, "columns", None)
    if columns is None:
        raise InputError(f"extract_frame() takes a pandas DataFrame, not {type(df).__name__}")
    for what, col in (("text", text), ("id", id), ("published", published)):
        if col is not None and col not in columns:
            raise InputError(f"{what} column {col!r} is not in the DataFrame (columns: {list(columns)})")
    ids = df[id].tolist() if id is not None else [str(i) for i in df.index]
    pub = df[published].tolist() if published is not None else None
    ex = extractor if extractor is not None else default_extractor()
    if have_pyarrow() and not kw.get("progress"):
        kw.pop("progress", None)
        return ex.extract_frames(df[text].tolist(), ids=ids, published=pub, **kw)
    return to_frames(ex.extract(df[text].tolist(), ids=ids, published=pub, **kw))
