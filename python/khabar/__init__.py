"""khabar: facts from Arabic and English news articles.

Entities, dates, quotes and PLOVER events, each pointing back to the exact characters it came
from, and same-story clusters across outlets and languages::

    import khabar
    docs = khabar.extract(texts, published=dates)
    frames = khabar.to_frames(docs)        # pandas DataFrames, joined by doc_id
"""

from __future__ import annotations

from typing import Any

from . import _core, plot
from ._samples import samples
from .cluster_index import ClusterIndex
from .display import render, to_displacy
from .errors import InputError, KhabarError, MissingDependencyError
from .evaluate import Evaluation, evaluate
from .explain import Explanation, explain_cluster
from .extractor import Extractor, default_extractor, extract_frame
from .frames import to_arrow, to_frames, to_polars
from .model import Date, DocError, Document, Entity, Event, LangSpan, Mention, Quote, Span

__version__: str = _core.version()

__all__ = [
    "ClusterIndex",
    "cluster",
    "Date",
    "DocError",
    "Document",
    "Entity",
    "Evaluation",
    "Event",
    "Explanation",
    "Extractor",
    "InputError",
    "KhabarError",
    "LangSpan",
    "Mention",
    "MissingDependencyError",
    "Quote",
    "Span",
    "__version__",
    "evaluate",
    "explain_cluster",
    "extract",
    "extract_frame",
    "plot",
    "render",
    "samples",
    "to_arrow",
    "to_displacy",
    "to_frames",
    "to_polars",
]


def extract(
    texts: Any,
    *,
    ids: Any = None,
    published: Any = None,
    lang: Any = None,
    n_threads: int | None = None,
    progress: bool | None = None,
    cluster_index: ClusterIndex | None = None,
) -> list[Document]:
    """Extract entities, dates, quotes and events from news articles, one :class:`Document` each.

    ``texts`` is one string, or any iterable of them (list, generator, numpy array, pandas Series,
    or a mapping of id to text). Values that are not usable text still give a document, with an
    empty or repaired text and a note in its ``errors``: ``None``/NaN, bytes (decoded as UTF-8),
    strings with lone surrogates, other objects.

    ``ids`` gives one id per text; by default the Series index or mapping keys, else ``"0"``,
    ``"1"``, …. ``published`` is one publication date for all texts or one per text (ISO string,
    ``datetime``, ``date``, pandas ``Timestamp``, ``None``); it anchors relative dates such as
    "yesterday". ``lang`` (``"ar"``, ``"en"``) overrides language detection, likewise one or per text.
    ``n_threads`` caps the threads used (default: all cores). ``progress`` shows a progress bar
    (needs ``tqdm``); by default one appears for long batches on a terminal or in a notebook.
    ``cluster_index`` (a :class:`ClusterIndex`) clusters the batch together with the stories of
    earlier batches, and adds it to the index.

    The result has one document per input, in input order.
    """
    return default_extractor().extract(
        texts,
        ids=ids,
        published=published,
        lang=lang,
        n_threads=n_threads,
        progress=progress,
        cluster_index=cluster_index,
    )


def cluster(
    docs: Any,
    *,
    n_threads: int | None = None,
    cluster_index: ClusterIndex | None = None,
) -> list[Document]:
    """Group documents extracted separately into same-story clusters, across languages (see
    :meth:`Extractor.cluster`); returns them with their ``cluster`` set, in the same order."""
    return default_extractor().cluster(docs, n_threads=n_threads, cluster_index=cluster_index)
