"""The records khabar returns: :class:`Document` and the items it holds.

Every class here is a frozen dataclass with slots. ``to_dict()`` gives the plain JSON record described
in ``docs/output.md`` and ``from_dict()`` reads one back. All offsets are ``str`` indices into the
document's text, end exclusive, so ``doc.text[m.start:m.end] == m.text`` for every span.

The record's schema is the Rust core's (``src/doc.rs``): :class:`Document` has one field per key of
the record, in the record's order (a test checks it against the core's output), and the fixed
vocabularies (entity kinds, grains, event types, modes, error codes) are ``Literal`` types.

The extractor's documents are built by the core itself from its records, in bulk
(:func:`documents_of`: the same objects ``from_dict`` makes, without JSON), and each keeps a
reference to the core's batch that holds its record, so that :func:`khabar.to_frames` builds the
tables of many documents column-wise in Rust (:func:`core_batch`).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal, cast

from . import _core

__all__ = [
    "Date",
    "DocError",
    "Document",
    "Entity",
    "EntityKind",
    "ErrorCode",
    "Event",
    "EventType",
    "Grain",
    "LangSpan",
    "Mention",
    "Mode",
    "Quote",
    "QuoteKind",
    "Span",
]

Record = dict[str, Any]

# The fixed vocabularies of the record (docs/output.md).
EntityKind = Literal["country", "org", "person", "location"]
Grain = Literal["year", "month", "day", "time", "range", "duration", "reference"]
QuoteKind = Literal["direct", "partial"]
EventType = Literal[
    "CONSULT",
    "AGREE",
    "COOPERATE",
    "SUPPORT",
    "REJECT",
    "AID",
    "REQUEST",
    "ACCUSE",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "CONCEDE",
    "RETREAT",
]
Mode = Literal["asserted", "intended", "hoped", "negated", "reported"]
# What went wrong with a document (the table of codes in docs/output.md).
ErrorCode = Literal[
    "bad_encoding",
    "missing_text",
    "not_text",
    "bad_json",
    "published_unparsed",
    "published_out_of_range",
    "weekday_mismatch",
    "stage_failed",
]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _plain(value: Any) -> Any:
    """Turn records and tuples into dicts and lists, recursively."""
    if isinstance(value, _Item):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _items(value: Any) -> Iterable[Mapping[str, Any]]:
    return value if isinstance(value, list | tuple) else ()


def _word(value: Any, default: str) -> Any:
    """A vocabulary word of a record (checked by the core that wrote it, not here)."""
    return str(value or default)


class _Item:
    """Shared ``to_dict`` of the records: their fields in order, tuples as lists."""

    __slots__ = ()

    def to_dict(self) -> Record:
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}


@dataclass(frozen=True, slots=True)
class Span(_Item):
    """A stretch of the document's text: ``text[start:end]``."""

    start: int
    end: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True, slots=True)
class Mention(_Item):
    """One place where an entity is named; ``text`` is exactly ``document.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Mention:
        return cls(start=int(d["start"]), end=int(d["end"]), text=str(d.get("text") or ""))


@dataclass(frozen=True, slots=True)
class Entity(_Item):
    """A distinct real-world entity of one document (country, org, person or location)."""

    id: str
    kind: EntityKind
    name: str
    key: str | None = None
    country: str | None = None
    title: str | None = None
    affiliation: str | None = None  # the international body (UN) a person acts for, not a state
    geonames: int | None = None  # a place's GeoNames id and coordinates, where known
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Mention, ...] = ()
    role_only: bool = False  # a person the text names only by a role ("the Saudi defence minister")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(d.get("id") or ""),
            kind=_word(d.get("kind"), ""),
            name=str(d.get("name") or ""),
            key=_opt_str(d.get("key")),
            country=_opt_str(d.get("country")),
            title=_opt_str(d.get("title")),
            affiliation=_opt_str(d.get("affiliation")),
            geonames=None if d.get("geonames") is None else int(d["geonames"]),
            lat=None if d.get("lat") is None else float(d["lat"]),
            lon=None if d.get("lon") is None else float(d["lon"]),
            mentions=tuple(Mention.from_dict(m) for m in _items(d.get("mentions"))),
            role_only=bool(d.get("role_only")),
        )

    def to_dict(self) -> Record:
        # the record writes `role_only` only when true, as the core does
        d = _Item.to_dict(self)
        if not self.role_only:
            del d["role_only"]
        return d


@dataclass(frozen=True, slots=True)
class Date(_Item):
    """A time expression with its ISO 8601 ``value`` (``None`` when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: str | None = None
    grain: Grain | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Date:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            text=str(d.get("text") or ""),
            value=_opt_str(d.get("value")),
            grain=cast(Grain | None, _opt_str(d.get("grain"))),
        )


@dataclass(frozen=True, slots=True)
class Quote(_Item):
    """A direct quotation; ``speaker`` is the id of the speaking entity when it is known."""

    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_text: str | None = None
    cue: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            text=str(d.get("text") or ""),
            kind=_word(d.get("kind"), "direct"),
            speaker=_opt_str(d.get("speaker")),
            speaker_name=_opt_str(d.get("speaker_name")),
            speaker_text=_opt_str(d.get("speaker_text")),
            cue=_opt_str(d.get("cue")),
        )


@dataclass(frozen=True, slots=True)
class Event(_Item):
    """A PLOVER event coded from one sentence (``start``/``end`` span that sentence)."""

    type: EventType
    context: tuple[str, ...] = ()
    cameo: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    mode: Mode = "asserted"
    date: str | None = None
    location: str | None = None
    start: int = 0
    end: int = 0
    trigger: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        return cls(
            type=_word(d.get("type"), ""),
            context=_strs(d.get("context")),
            cameo=_opt_str(d.get("cameo")),
            source=_strs(d.get("source")),
            target=_strs(d.get("target")),
            mode=_word(d.get("mode"), "asserted"),
            date=_opt_str(d.get("date")),
            location=_opt_str(d.get("location")),
            start=int(d.get("start") or 0),
            end=int(d.get("end") or 0),
            trigger=_opt_str(d.get("trigger")),
        )


@dataclass(frozen=True, slots=True)
class LangSpan(_Item):
    """A title or body line written in another language than the document's."""

    start: int
    end: int
    lang: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LangSpan:
        return cls(start=int(d["start"]), end=int(d["end"]), lang=str(d.get("lang") or ""))


@dataclass(frozen=True, slots=True)
class DocError(_Item):
    """Something that went wrong with a document: a stable ``code`` to match on (see
    ``docs/output.md``) and a ``message`` for people."""

    code: ErrorCode
    message: str = ""

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DocError:
        return cls(code=_word(d.get("code"), ""), message=str(d.get("message") or ""))


class _InBatch:
    """Where a document made by the core came from: ``_origin`` is ``(batch, row)`` of the
    core's batch that holds its record (see :func:`core_batch`). Not a field: it is not compared,
    printed or pickled, and a document made otherwise (by hand, by ``dataclasses.replace``, by
    unpickling) has none."""

    __slots__ = ("_origin",)


@dataclass(frozen=True, slots=True, repr=False)
class Document(_InBatch):
    """What khabar found in one article.

    The attributes are the fields of the document record (see ``docs/output.md``), plus ``text``,
    the string that was analysed (the input itself, or its decoded form for bytes), and ``extra``,
    any record fields this version of the Python package does not know yet.
    """

    id: str
    lang: str | None = None
    lang_spans: tuple[LangSpan, ...] = ()
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    published_source: str | None = None
    body: str = ""
    boilerplate: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[Date, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    cluster: str | None = None
    source: str | None = None
    url: str | None = None
    errors: tuple[DocError, ...] = ()
    text: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __repr__(self) -> str:
        title = self.title or ""
        if len(title) > 40:
            title = title[:39] + "…"
        return (
            f"<Document id={self.id!r} lang={self.lang!r} title={title!r} entities={len(self.entities)} "
            f"dates={len(self.dates)} quotes={len(self.quotes)} events={len(self.events)}>"
        )

    def _repr_html_(self) -> str:
        """The article with its facts highlighted, for Jupyter (see ``khabar.display``)."""
        from .display import document_html

        return document_html(self)

    def to_dict(self, *, include_text: bool = False) -> Record:
        """The document record: plain dicts, lists, strings, numbers and ``None`` (JSON-ready)."""
        out: Record = {key: _plain(getattr(self, key)) for key in _RECORD_KEYS}
        for key, value in self.extra.items():
            out.setdefault(key, value)
        if include_text:
            out["text"] = self.text
        return out

    def to_json(self, *, include_text: bool = False) -> str:
        """The document record as one line of JSON (non-ASCII characters kept as they are)."""
        return json.dumps(self.to_dict(include_text=include_text), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, text: str | None = None) -> Document:
        """Read a document record (as written by ``to_dict`` or ``khabar extract``).

        ``text`` gives the analysed text when the record does not carry it.
        """
        span = d.get("title_span")
        return cls(
            id=str(d.get("id") or ""),
            lang=_opt_str(d.get("lang")),
            lang_spans=tuple(LangSpan.from_dict(s) for s in _items(d.get("lang_spans"))),
            title=_opt_str(d.get("title")),
            title_span=Span.from_dict(span) if isinstance(span, Mapping) else None,
            published=_opt_str(d.get("published")),
            published_source=_opt_str(d.get("published_source")),
            body=str(d.get("body") or ""),
            boilerplate=tuple(Span.from_dict(s) for s in _items(d.get("boilerplate"))),
            entities=tuple(Entity.from_dict(e) for e in _items(d.get("entities"))),
            dates=tuple(Date.from_dict(x) for x in _items(d.get("dates"))),
            quotes=tuple(Quote.from_dict(q) for q in _items(d.get("quotes"))),
            events=tuple(Event.from_dict(e) for e in _items(d.get("events"))),
            cluster=_opt_str(d.get("cluster")),
            source=_opt_str(d.get("source")),
            url=_opt_str(d.get("url")),
            errors=tuple(DocError.from_dict(e) for e in _items(d.get("errors"))),
            text=text if text is not None else str(d.get("text") or ""),
            extra={k: v for k, v in d.items() if k not in _RECORD_KEYS and k != "text"},
        )

    @classmethod
    def from_json(cls, line: str, *, text: str | None = None) -> Document:
        """Read one JSON line of ``khabar extract --format jsonl``."""
        return cls.from_dict(json.loads(line), text=text)

    def spans(self) -> Iterable[tuple[str, int, int, str]]:
        """Every text span of the document as ``(what, start, end, text)``: mentions, dates, quotes."""
        for e in self.entities:
            for m in e.mentions:
                yield "mention", m.start, m.end, m.text
        for d in self.dates:
            yield "date", d.start, d.end, d.text
        for q in self.quotes:
            yield "quote", q.start, q.end, q.text


# The keys of the document record, in the order they are written: the fields of Document but the
# analysed text and the fields of later versions.
_RECORD_KEYS = tuple(name for name in _field_names(Document) if name not in ("text", "extra"))


# The record classes by the name of the core's struct each stands for (src/doc.rs).
_CORE_CLASSES: dict[str, type] = {
    "Document": Document,
    "LangSpan": LangSpan,
    "Span": Span,
    "Entity": Entity,
    "Mention": Mention,
    "DateExpr": Date,
    "Quote": Quote,
    "Event": Event,
    "DocError": DocError,
}


def _class_spec(cls: type) -> tuple[type, tuple[tuple[str, bool, Any], ...]]:
    """A class as the core's object builder takes it: its fields with their defaults (a field
    with a default factory, ``Document.extra``, is filled by the builder)."""
    out = []
    for f in fields(cls):
        has = f.default is not MISSING
        out.append((f.name, has, f.default if has else None))
    return cls, tuple(out)


_CLASS_SPECS = {name: _class_spec(cls) for name, cls in _CORE_CLASSES.items()}

# A batch reads as the sequence of its JSON records, wherever the core takes records.
Sequence.register(_core.Batch)


def documents_of(batch: _core.Batch, texts: list[str]) -> list[Document]:
    """The documents of one of the core's batches, built in Rust from its records (no JSON), each
    with its analysed text and its place in the batch (``_origin``)."""
    # The cyclic collector is paused meanwhile: the objects made hold no cycles, and a batch makes
    # so many that it would otherwise run many times over all of them (half the build time).
    paused = gc.isenabled()
    gc.disable()
    try:
        return cast(list[Document], batch.documents(_CLASS_SPECS, texts))
    finally:
        if paused:
            gc.enable()


def core_batch(docs: Sequence[Document]) -> _core.Batch | None:
    """The core's batch of exactly these documents, in order: the batches they came from, and for
    documents made in Python their records read by the core; None when the core cannot read one
    of those (a document built by hand with values outside the record's vocabularies)."""
    origins: list[tuple[_core.Batch, int] | None] = [getattr(d, "_origin", None) for d in docs]
    made = [i for i, origin in enumerate(origins) if origin is None]
    if made:
        try:
            records = _core.Batch.from_json([docs[i].to_json() for i in made])
        except ValueError:
            return None
        for row, i in enumerate(made):
            origins[i] = (records, row)
    return _core.Batch.gather(cast(list[tuple[_core.Batch, int]], origins))
