"""Same-story clusters across batches: :class:`ClusterIndex` keeps what clustering needs of every
document already clustered, so that a later batch joins the stories found so far.

A batch clustered against an index gets the cluster ids of the stories its documents join (an old
story keeps its id), and is then added to the index::

    index = khabar.ClusterIndex.load("stories.khci") if path.exists() else khabar.ClusterIndex()
    docs = khabar.extract(todays_texts, published=dates, cluster_index=index)
    index.retain_since("2024-03-01")   # older stories are out of any new report's window
    index.save("stories.khci")

The index keeps a few hundred bytes per document (a MinHash signature, a fingerprint of facts,
the cluster id), not the texts. Its ids are stable from one batch to the next, which batch-wise
ids are not; the price is that a story is never renamed or merged after the fact: two old stories
that a new report bridges keep their own ids.
"""

from __future__ import annotations

import os
from typing import Any

from . import _core
from .errors import InputError

__all__ = ["ClusterIndex"]


class ClusterIndex:
    """The documents clustered so far (see the module documentation). Safe to share between
    threads; pickles as its contents."""

    __slots__ = ("_core",)

    def __init__(self) -> None:
        self._core = _core.ClusterIndex()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ClusterIndex:
        """Read an index written by :meth:`save`. ``OSError`` when the file cannot be read,
        :class:`~khabar.InputError` when it is not an index."""
        try:
            return cls._wrap(_core.ClusterIndex.load(os.fspath(path)))
        except ValueError as e:
            raise InputError(str(e)) from None

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path``, through a temporary file renamed into place."""
        self._core.save(os.fspath(path))

    def retain_since(self, day: str) -> None:
        """Forget the documents published before ``day`` (an ISO date); undated ones are kept."""
        try:
            self._core.retain_since(day)
        except (ValueError, TypeError) as e:
            raise InputError(str(e)) from None

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return f"ClusterIndex({len(self)} documents)"

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return (ClusterIndex._from_bytes, (self._core.to_bytes(),))

    @classmethod
    def _from_bytes(cls, data: bytes) -> ClusterIndex:
        return cls._wrap(_core.ClusterIndex.from_bytes(data))

    @classmethod
    def _wrap(cls, core: Any) -> ClusterIndex:
        out = cls.__new__(cls)
        out._core = core
        return out
