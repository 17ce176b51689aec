"""Why two reports are, or are not, one story: the facts they share, with their weights, and the
score that clustering held against its threshold (see docs/clustering.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TypedDict

from . import _core
from .errors import InputError
from .model import Document


class SharedFact(TypedDict):
    """A fact both reports state, in language-neutral form."""

    kind: str
    value: str
    weight: float


class Explanation(TypedDict):
    """What :func:`explain_cluster` returns."""

    score: float | None
    threshold: float
    near_duplicate: float | None
    joined: bool
    reason: str | None
    headline_conflict: bool
    shared: list[SharedFact]


def _position(docs: Sequence[Document], which: int | str) -> int:
    if isinstance(which, int):
        return which
    for i, d in enumerate(docs):
        if d.id == which:
            return i
    raise InputError(f"no document with id {which!r} in the batch")


def explain_cluster(docs: Sequence[Document], a: int | str, b: int | str) -> Explanation:
    """Explain whether documents ``a`` and ``b`` of the batch ``docs`` (positions or document ids)
    report one story: the facts they share (persons by script-neutral key, organisations, places,
    events with their actors, days, numbers, quoted speakers, headline facts) with their weights in
    this batch, the same-story score and its threshold, the near-duplicate similarity of their
    bodies, whether the pair is joined directly, and the reason when it is not.

    Weights depend on the batch (a fact shared by many documents weighs little), so pass the batch
    the documents were clustered in.
    """
    docs = list(docs)
    return explain_pairs(docs, [(_position(docs, a), _position(docs, b))])[0]


def explain_pairs(docs: Sequence[Document], pairs: Sequence[tuple[int, int]]) -> list[Explanation]:
    """:func:`explain_cluster` for many pairs of one batch (positions), the batch read once."""
    docs = list(docs)
    for d in docs:
        if not isinstance(d, Document):
            raise InputError(f"explain_cluster() takes khabar.Document objects, not {type(d).__name__}")
    for i, j in pairs:
        if not (0 <= i < len(docs) and 0 <= j < len(docs)):
            raise InputError(f"documents {i} and {j}: the batch has {len(docs)} documents")
    found = _core.explain_cluster([d.to_json() for d in docs], list(pairs))
    out: list[Explanation] = [json.loads(e) for e in found]
    return out


def cluster_why(docs: Sequence[Document]) -> dict[str, str]:
    """For each cluster of two or more documents, one line saying why its members are joined.

    Empty when no cluster has two members, or when the documents are not records the core can
    read (built by hand with fields missing): the ``why`` column is an aid, never a failure."""
    sizes: dict[str, int] = {}
    for d in docs:
        if d.cluster is not None:
            sizes[d.cluster] = sizes.get(d.cluster, 0) + 1
    if not any(n > 1 for n in sizes.values()):
        return {}
    try:
        return _core.cluster_why([d.to_json() for d in docs])
    except ValueError:
        return {}
