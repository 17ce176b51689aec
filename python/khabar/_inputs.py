"""Turning whatever the caller passes into clean inputs for the Rust core.

A bad value never raises here: it becomes a document with an empty or repaired text and an entry in
its ``errors``. Only arguments of the wrong shape (``ids`` of the wrong length, a number where the
texts should be) raise :class:`~khabar.errors.InputError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from .errors import InputError
from .model import DocError, ErrorCode

__all__ = ["CsvLines", "Prepared", "coerce_published", "coerce_text", "prepare", "scrub"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_PUBLISHED_FORMATS = ("%Y/%m/%d", "%d/%m/%Y", "%d %b %Y", "%d %B %Y", "%a, %d %b %Y %H:%M:%S %z")


@dataclass(slots=True)
class Prepared:
    """One document as handed to the core: its id, analysed text, metadata and errors so far."""

    id: str
    text: str
    published: str | None = None
    lang: str | None = None
    errors: list[DocError] = field(default_factory=list)

    def as_core_input(self) -> tuple[str, str, str | None, str | None, list[tuple[ErrorCode, str]]]:
        return (self.id, self.text, self.published, self.lang, [(e.code, e.message) for e in self.errors])


def is_missing(value: Any) -> bool:
    """``None``, a float NaN, ``pandas.NA`` or ``pandas.NaT`` (checked without importing pandas)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def scrub(value: str, what: str) -> tuple[str, list[DocError]]:
    """A short string (an id, a title, a language code) that can be encoded: lone surrogates (from
    a broken JSON escape or an undecodable file name) become U+FFFD, with a note naming ``what``."""
    if value.isascii() or not _SURROGATE.search(value):
        return value, []
    fixed, n = _SURROGATE.subn("\ufffd", value)
    return fixed, [DocError("bad_encoding", f"{n} lone surrogate(s) in {what} replaced with U+FFFD")]


def coerce_text(value: Any) -> tuple[str, list[DocError]]:
    """The text to analyse for one input value, and what had to be repaired on the way."""
    if isinstance(value, str):
        if value.isascii() or not _SURROGATE.search(value):
            return value, []
        # A lone surrogate cannot be encoded; one replacement character keeps every offset valid.
        fixed, n = _SURROGATE.subn("\ufffd", value)
        return fixed, [DocError("bad_encoding", f"{n} lone surrogate(s) replaced with U+FFFD")]
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        try:
            return raw.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            return raw.decode("utf-8-sig", errors="replace"), [
                DocError("bad_encoding", "invalid UTF-8 replaced")
            ]
    if is_missing(value):
        return "", [DocError("missing_text", "missing text")]
    return "", [DocError("not_text", f"not text: {type(value).__name__}")]


def _iso(value: datetime | date) -> str:
    if isinstance(value, datetime):
        if value.time() == time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _checked_iso(value: datetime | date) -> tuple[str | None, list[DocError]]:
    """The ISO form of a publication date, or a note when its instant in UTC falls outside the
    years 1 to 9999 (``9999-12-31T23:00-05:00``): no table or date library can hold it."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        try:
            value.astimezone(UTC)
        except OverflowError:
            message = f"published out of range (years 1 to 9999 in UTC): {value.isoformat()}"
            return None, [DocError("published_out_of_range", message)]
    return _iso(value), []


def coerce_published(value: Any) -> tuple[str | None, list[DocError]]:
    """An ISO 8601 publication date or date-time for one input value, and any error."""
    if is_missing(value):
        return None, []
    if type(value).__name__ == "datetime64":  # numpy: through its own datetime conversion
        value = value.astype("datetime64[us]").item()
        if value is None:  # NaT: a missing date, as pandas.NaT is
            return None, []
    if isinstance(value, datetime | date):
        return _checked_iso(value)
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None, []
        try:
            return _checked_iso(datetime.fromisoformat(s))
        except ValueError:
            pass
        for fmt in _PUBLISHED_FORMATS:
            try:
                return _checked_iso(datetime.strptime(s, fmt))
            except ValueError:
                continue
        return None, [DocError("published_unparsed", f"published not understood: {s[:40]!r}")]
    return None, [DocError("published_unparsed", f"published not understood: {type(value).__name__}")]


def _is_scalar(value: Any) -> bool:
    return (
        isinstance(value, str | bytes | datetime | date)
        or is_missing(value)
        or not hasattr(value, "__iter__")
    )


def _series_parts(value: Any) -> tuple[list[Any], list[str]] | None:
    """Values and index labels of a pandas Series, or None for anything else."""
    if type(value).__name__ == "Series" and hasattr(value, "index") and hasattr(value, "tolist"):
        return list(value.tolist()), [str(i) for i in value.index]
    return None


def _as_list(texts: Any) -> tuple[list[Any], list[str] | None]:
    """The input values in order, and ids when the container supplies them."""
    if isinstance(texts, str | bytes | bytearray):
        return [texts], None
    series = _series_parts(texts)
    if series is not None:
        return series
    if type(texts).__name__ == "DataFrame":
        raise InputError(
            "extract() takes texts, not a DataFrame: use khabar.extract_frame(df, text='column')"
        )
    if isinstance(texts, Mapping):
        return list(texts.values()), [str(k) for k in texts]
    if texts is None or not isinstance(texts, Iterable):
        raise InputError(f"texts must be a string or an iterable of strings, not {type(texts).__name__}")
    return list(texts), None


def _aligned(name: str, value: Any, n: int) -> list[Any]:
    """A per-document list from one value for all documents or a sequence aligned with them."""
    if _is_scalar(value):
        return [value] * n
    series = _series_parts(value)
    values = series[0] if series is not None else list(value)
    if len(values) != n:
        raise InputError(f"{name} has {len(values)} values for {n} texts")
    return values


def _lang(value: Any) -> str | None:
    if is_missing(value):
        return None
    if not isinstance(value, str):
        raise InputError(f"lang must be a language code such as 'ar' or 'en', not {type(value).__name__}")
    return value.strip().lower() or None


def prepare(texts: Any, ids: Any = None, published: Any = None, lang: Any = None) -> list[Prepared]:
    """Copy the caller's inputs into a list of :class:`Prepared` documents, in order."""
    values, given_ids = _as_list(texts)
    n = len(values)
    if ids is not None:
        if _is_scalar(ids):
            raise InputError(f"ids must be a sequence with one id per text, not {type(ids).__name__}")
        id_list = [str(i) for i in _aligned("ids", ids, n)]
    else:
        id_list = given_ids if given_ids is not None else [str(i) for i in range(n)]
    pub_list = _aligned("published", published, n)
    lang_list = [_lang(v) for v in _aligned("lang", lang, n)]
    out = []
    for raw_id, value, pub, raw_code in zip(id_list, values, pub_list, lang_list, strict=True):
        doc_id, errors = scrub(raw_id, "id")
        code, lang_errors = scrub(raw_code, "lang") if raw_code is not None else (None, [])
        text, text_errors = coerce_text(value)
        iso, pub_errors = coerce_published(pub)
        out.append(Prepared(doc_id, text, iso, code, errors + lang_errors + text_errors + pub_errors))
    return out


def chunks(docs: Sequence[Prepared], max_docs: int, max_chars: int) -> Iterable[Sequence[Prepared]]:
    """Consecutive slices of at most ``max_docs`` documents and about ``max_chars`` characters."""
    start = 0
    while start < len(docs):
        end, size = start, 0
        while end < len(docs) and end - start < max_docs and (end == start or size < max_chars):
            size += len(docs[end].text)
            end += 1
        yield docs[start:end]
        start = end


# A CSV record is refused when it runs on past this many lines or characters: a quote left open
# swallows the rest of the file into one field, and this says where instead (real articles are a
# small fraction of either).
CSV_RECORD_LINES = 10_000
CSV_RECORD_CHARS = 10_000_000


class CsvLines:
    """The lines of a CSV file for :mod:`csv`, counted: a record (the header included) that runs
    on past :data:`CSV_RECORD_LINES` lines or :data:`CSV_RECORD_CHARS` characters raises
    ``ValueError`` naming the line it started on. Call :meth:`record_done` after each record."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.line = 0  # lines read so far
        self._start = 0  # lines read before the current record
        self._chars = 0

    def __iter__(self) -> CsvLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.line += 1
        self._chars += len(line)
        if self.line - self._start > CSV_RECORD_LINES or self._chars > CSV_RECORD_CHARS:
            raise ValueError(
                f"line {self._start + 1}: a record runs on past {CSV_RECORD_LINES:,} lines or "
                f"{CSV_RECORD_CHARS:,} characters (a quote left open?); the rest of the file is skipped"
            )
        return line

    def record_done(self) -> None:
        self._start = self.line
        self._chars = 0
