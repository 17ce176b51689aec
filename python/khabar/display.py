"""Documents shown as HTML, for notebooks and browsers, and in displaCy's manual format.

``Document._repr_html_`` (what Jupyter shows for a document) and :func:`render` (several documents)
draw the article with its facts highlighted: entities by kind, dates with their ISO value, quotes
with their speaker, the clutter lines greyed or hidden, and the coded events listed under the text,
each linking to its sentence. Hovering a highlight shows what khabar knows about it.

The HTML is self-contained: inline CSS, no script, no image, no font or anything else fetched from
the network. Every piece of the article and of the records is escaped, so any input renders as text.
Arabic articles are laid out right to left, others left to right.
"""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Document, Entity

__all__ = ["DISPLACY_COLORS", "Rendered", "document_html", "page", "render", "to_displacy"]

RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"})
CLUTTER_MODES = ("grey", "hide", "show")

# One colour per kind of highlight; the legend and displaCy use the same ones.
COLORS = {
    "country": "#ffd8a8",
    "org": "#b2f2bb",
    "person": "#a5d8ff",
    "location": "#d0bfff",
    "date": "#fff3a0",
    "quote": "#ffe3e3",
}
LEGEND = (
    ("country", "country"),
    ("org", "organisation"),
    ("person", "person"),
    ("location", "location"),
    ("date", "date"),
    ("quote", "quote"),
    ("clutter", "clutter (not in the body)"),
)
# displaCy's labels for our kinds, and its colour option keyed by them.
DISPLACY_LABELS = {
    "country": "COUNTRY",
    "org": "ORG",
    "person": "PERSON",
    "location": "LOC",
    "date": "DATE",
}
DISPLACY_COLORS = {DISPLACY_LABELS[k]: c for k, c in COLORS.items() if k in DISPLACY_LABELS}
DISPLACY_LABEL_SETS = ("khabar", "spacy")
# spaCy's labels take the colours of the kinds they come from.
DISPLACY_COLORS |= {"GPE": COLORS["country"], "NORP": COLORS["country"], "LOC": COLORS["location"]}

_STYLE = """
.khabar-doc,.khabar-legend{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",
 "Noto Naskh Arabic","DejaVu Sans",sans-serif}
.khabar-doc{font-size:15px;line-height:1.75;color:#1b1b1b;max-width:58em;
 border:1px solid #ddd;border-radius:6px;padding:.8em 1em;margin:.6em 0;background:#fff}
.khabar-doc h3{margin:.1em 0 .3em;font-size:1.15em;line-height:1.4}
.khabar-meta{font-size:.85em;color:#555;margin-bottom:.4em}
.khabar-meta span{margin-inline-end:1.2em}
.khabar-legend{font-size:.8em;margin:.3em 0 .6em}
.khabar-legend span{display:inline-block;padding:0 .4em;margin:0 .3em .2em 0;border-radius:3px}
.khabar-text{white-space:pre-wrap;overflow-wrap:anywhere;border-top:1px solid #eee;padding-top:.5em}
.khabar-text[dir=rtl]{text-align:right}
.khabar-m{border-radius:3px;padding:0 1px;cursor:help}
.khabar-m[data-kind=country]{background:#ffd8a8}
.khabar-m[data-kind=org]{background:#b2f2bb}
.khabar-m[data-kind=person]{background:#a5d8ff}
.khabar-m[data-kind=location]{background:#d0bfff}
.khabar-d{background:#fff3a0;border-bottom:2px solid #e0b000;cursor:help}
.khabar-q{background:#ffe3e3;font-style:italic;cursor:help}
.khabar-c{color:#aaa}
.khabar-c .khabar-m,.khabar-c .khabar-d,.khabar-c .khabar-q{opacity:.55}
.khabar-hide .khabar-c{display:none}
.khabar-s:target{outline:2px solid #f08c00;background:#fff4e6}
.khabar-events,.khabar-errors{font-size:.9em;border-top:1px solid #eee;margin-top:.6em;padding-top:.4em}
.khabar-events ol{margin:.2em 0;padding-inline-start:1.6em}
.khabar-ev{font-weight:600}
.khabar-errors{color:#b00020}
.khabar-empty{color:#888}
"""

_ids = itertools.count(1)


def _e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


# ---------------------------------------------------------------- spans laid over the text


@dataclass(frozen=True, slots=True)
class _Layer:
    """One highlighted stretch: an HTML element wrapped around ``text[start:end]``.

    ``depth`` orders nesting: clutter lines outermost, then event sentences, quotes, and entity
    mentions and dates innermost. Crossing spans are cut into pieces that nest properly.
    """

    start: int
    end: int
    depth: int
    tag: str
    attrs: str
    anchor: str = ""

    def open(self, first: bool) -> str:
        anchor = f' id="{self.anchor}"' if first and self.anchor else ""
        return f"<{self.tag}{anchor} {self.attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def _title(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, "", ()))


def _entity_layers(entity: Entity) -> Iterator[_Layer]:
    title = _title(entity.kind, entity.id, entity.name, entity.title, entity.country)
    attrs = f'class="khabar-m" data-kind="{_e(entity.kind)}" data-id="{_e(entity.id)}" title="{_e(title)}"'
    for m in entity.mentions:
        yield _Layer(m.start, m.end, 3, "mark", f'{attrs} data-start="{m.start}" data-end="{m.end}"')


def _layers(doc: Document, prefix: str) -> list[_Layer]:
    layers: list[_Layer] = []
    for span in doc.boilerplate:
        attrs = 'class="khabar-c" title="clutter: not in the body"'
        layers.append(_Layer(span.start, span.end, 0, "span", attrs))
    for start, end in sorted({(ev.start, ev.end) for ev in doc.events if ev.end > ev.start}):
        anchor = f"{prefix}-s{start}-{end}"
        layers.append(_Layer(start, end, 1, "span", 'class="khabar-s"', anchor))
    for q in doc.quotes:
        title = _title("quote", q.speaker_name or q.speaker_text or "speaker unknown", q.speaker, q.cue)
        attrs = f'class="khabar-q" title="{_e(title)}" data-speaker="{_e(q.speaker or "")}"'
        layers.append(_Layer(q.start, q.end, 2, "span", attrs))
    for entity in doc.entities:
        layers.extend(_entity_layers(entity))
    for d in doc.dates:
        title = _title("date", d.value or "unresolved", d.grain)
        attrs = f'class="khabar-d" title="{_e(title)}" data-value="{_e(d.value or "")}"'
        if d.value:
            attrs += f' datetime="{_e(d.value)}"'
        layers.append(_Layer(d.start, d.end, 4, "time", attrs))
    n = len(doc.text)
    # Spans outside the text, or empty, are dropped: the view must never fail on odd records.
    return [x for x in layers if 0 <= x.start < x.end <= n]


def _highlight(text: str, layers: Sequence[_Layer]) -> str:
    """The escaped text with the layers as nested elements, in one pass over the boundaries."""
    cuts = sorted({0, len(text), *(x.start for x in layers), *(x.end for x in layers)})
    starts: dict[int, list[_Layer]] = {}
    for x in layers:
        starts.setdefault(x.start, []).append(x)
    active: list[_Layer] = []
    opened: set[int] = set()  # layers already shown once (only the first piece carries the anchor)
    stack: list[_Layer] = []
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        active = [x for x in active if x.end > a] + starts.get(a, [])
        want = sorted(active, key=lambda x: (x.depth, x.start, -x.end))
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.extend(x.close() for x in reversed(stack[keep:]))
        del stack[keep:]
        for x in want[keep:]:
            out.append(x.open(id(x) not in opened))
            opened.add(id(x))
            stack.append(x)
        out.append(_e(text[a:b]))
    out.extend(x.close() for x in reversed(stack))
    return "".join(out)


# ---------------------------------------------------------------- the parts of a document view


def _direction(doc: Document) -> str:
    return "rtl" if (doc.lang or "").lower() in RTL_LANGS else "ltr"


def _header(doc: Document) -> str:
    facts = [
        ("id", doc.id),
        ("language", doc.lang),
        ("published", _title(doc.published, doc.published_source and f"({doc.published_source})")),
        ("cluster", doc.cluster),
        ("source", doc.source),
        ("url", doc.url),
    ]
    meta = "".join(f"<span><b>{_e(k)}</b> {_e(v)}</span>" for k, v in facts if v)
    counts = (
        f"{len(doc.entities)} entities, {len(doc.dates)} dates, {len(doc.quotes)} quotes, "
        f"{len(doc.events)} events, {len(doc.boilerplate)} clutter lines"
    )
    title = doc.title or "(no title)"
    return f'<h3 dir="auto">{_e(title)}</h3><div class="khabar-meta">{meta}<span>{_e(counts)}</span></div>'


def _legend() -> str:
    items = []
    for key, label in LEGEND:
        style = "color:#aaa;border:1px solid #ddd" if key == "clutter" else f"background:{COLORS[key]}"
        items.append(f'<span style="{style}">{_e(label)}</span>')
    return f'<div class="khabar-legend">{"".join(items)}</div>'


def _names(doc: Document) -> dict[str, str]:
    return {e.id: e.name or e.id for e in doc.entities}


def _actor(actor: str, names: dict[str, str]) -> str:
    name = names.get(actor, actor)
    return _e(name) if name == actor else f"{_e(name)} ({_e(actor)})"


def _actors(ids: Sequence[str], names: dict[str, str]) -> str:
    return ", ".join(_actor(i, names) for i in ids) or "?"


def _events(doc: Document, prefix: str) -> str:
    if not doc.events:
        return ""
    names = _names(doc)
    n = len(doc.text)
    rows = []
    for ev in doc.events:
        parts = [
            f'<span class="khabar-ev">{_e(ev.type)}</span>',
            f"{_actors(ev.source, names)} → {_actors(ev.target, names)}",
            f"mode {_e(ev.mode)}",
        ]
        if ev.context:
            parts.append("context " + _e(", ".join(ev.context)))
        if ev.cameo:
            parts.append(f"CAMEO {_e(ev.cameo)}")
        if ev.date:
            parts.append(f"date {_e(ev.date)}")
        if ev.location:
            parts.append(f"in {_e(names.get(ev.location, ev.location))}")
        if ev.trigger:
            parts.append(f"trigger “<bdi>{_e(ev.trigger)}</bdi>”")
        if 0 <= ev.start < ev.end <= n:
            parts.append(f'<a href="#{prefix}-s{ev.start}-{ev.end}">sentence</a>')
        rows.append(f"<li>{' · '.join(parts)}</li>")
    return f'<div class="khabar-events" dir="ltr"><b>Events</b><ol>{"".join(rows)}</ol></div>'


def _errors(doc: Document) -> str:
    if not doc.errors:
        return ""
    items = "".join(f"<li>{_e(x.code)}: {_e(x.message)}</li>" for x in doc.errors)
    return f'<div class="khabar-errors" dir="ltr"><b>Errors</b><ul>{items}</ul></div>'


def document_html(doc: Document, *, clutter: str = "grey", legend: bool = True, style: bool = True) -> str:
    """One document as an HTML fragment.

    ``clutter`` is ``"grey"`` (shown greyed, the default), ``"hide"`` or ``"show"`` (like the
    rest). ``style=False`` leaves out the ``<style>`` block (when a page already has it).
    """
    if clutter not in CLUTTER_MODES:
        raise ValueError(f"clutter must be one of {CLUTTER_MODES}, not {clutter!r}")
    prefix = f"khabar{next(_ids)}"
    doc_layers = _layers(doc, prefix)
    if clutter == "show":
        doc_layers = [x for x in doc_layers if x.depth != 0]
    text = _highlight(doc.text, doc_layers) if doc.text else '<span class="khabar-empty">(no text)</span>'
    direction = _direction(doc)
    lang = _e(doc.lang or "und")
    classes = "khabar-doc khabar-hide" if clutter == "hide" else "khabar-doc"
    return (
        (f"<style>{_STYLE}</style>" if style else "")
        + f'<div class="{classes}" data-doc-id="{_e(doc.id)}" lang="{lang}">'
        + _header(doc)
        + (_legend() if legend else "")
        + f'<div class="khabar-text" dir="{direction}" lang="{lang}">{text}</div>'
        + _events(doc, prefix)
        + _errors(doc)
        + "</div>"
    )


# ---------------------------------------------------------------- several documents


class Rendered:
    """HTML for one or more documents: shown by Jupyter, ``str()`` for the fragment, ``save()``
    for a complete page."""

    __slots__ = ("html",)

    def __init__(self, fragment: str) -> None:
        self.html = fragment

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<Rendered {len(self.html)} characters of HTML>"

    def page(self, title: str = "khabar") -> str:
        """A complete HTML page around the fragment."""
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title></head><body>{self.html}</body></html>\n"
        )

    def save(self, path: str | os.PathLike[str], title: str = "khabar") -> Path:
        """Write the page (UTF-8) to ``path`` and return the path."""
        out = Path(path)
        out.write_text(self.page(title), encoding="utf-8")
        return out


def _as_docs(docs: Document | Iterable[Document]) -> list[Document]:
    if isinstance(docs, Document):
        return [docs]
    out = list(docs)
    for d in out:
        if not isinstance(d, Document):
            raise TypeError(f"expected khabar.Document objects, not {type(d).__name__}")
    return out


def render(docs: Document | Iterable[Document], *, clutter: str = "grey", legend: bool = True) -> Rendered:
    """Several documents in one HTML view (the legend once, at the top)."""
    items = _as_docs(docs)
    parts = [f"<style>{_STYLE}</style>"]
    if legend:
        parts.append(_legend())
    parts += [document_html(d, clutter=clutter, legend=False, style=False) for d in items]
    return Rendered("".join(parts))


def page(docs: Document | Iterable[Document], *, title: str = "khabar", clutter: str = "grey") -> str:
    """A complete HTML page of documents, ready to be written to a file and opened in a browser."""
    return render(docs, clutter=clutter).page(title)


# ---------------------------------------------------------------- displaCy


# English demonym endings (Jordanian, Lebanese, Turkish, Iraqi), and Arabic nisba endings
# (الأردني، الأردنيون، الأردنيين، الأردنيان): a country named by its people or as an adjective.
_DEMONYM_EN = ("ian", "ians", "ese", "ish", "ean", "eans")
_NISBA_AR = ("ي", "يون", "يين", "يان")


def _is_demonym(mention: str, name: str) -> bool:
    """Whether a mention of a country names its people or is its adjective, spaCy's NORP, not the
    state itself (GPE). A rule of word shape, not a lookup: the state's own name is never one."""
    text = mention.strip()
    if not text or text.casefold() == name.casefold():
        return False
    if text.isascii():
        word = text.casefold().removeprefix("the ")
        # the name's stem lengthened (Jordan → Jordanian, Iraq → Iraqi), or a demonym ending that
        # no capital has (British, Lebanese); a capital (Amman for Jordan) is neither
        stem = name.casefold()[:4]
        return (word.startswith(stem) and len(word) > len(name)) or word.endswith(_DEMONYM_EN)
    # الأردني (with the article), or a plural of the people (أردنيون)
    return (text.startswith("ال") and text.endswith(_NISBA_AR)) or text.endswith(_NISBA_AR[1:])


def _spacy_label(entity: Entity, mention: str) -> str:
    """spaCy's label of a mention: GPE for a state or a place inside one, LOC for a region or sea,
    NORP for a people or nationality, ORG and PERSON as they are."""
    if entity.kind == "country":
        return "NORP" if _is_demonym(mention, entity.name) else "GPE"
    if entity.kind == "location":
        return "GPE" if entity.country else "LOC"
    return DISPLACY_LABELS.get(entity.kind, entity.kind.upper())


def _displacy_one(doc: Document, dates: bool, labels: str = "khabar") -> dict[str, Any]:
    spans = [
        (
            m.start,
            m.end,
            _spacy_label(e, m.text) if labels == "spacy" else DISPLACY_LABELS.get(e.kind, e.kind.upper()),
        )
        for e in doc.entities
        for m in e.mentions
    ]
    if dates:
        spans += [(d.start, d.end, "DATE") for d in doc.dates]
    n = len(doc.text)
    # displaCy's "ent" style cannot draw overlapping spans: keep the earliest, then the longest.
    ents: list[dict[str, Any]] = []
    last_end = 0
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if 0 <= start < end <= n and start >= last_end:
            ents.append({"start": start, "end": end, "label": label})
            last_end = end
    return {"text": doc.text, "ents": ents, "title": doc.title}


def to_displacy(
    docs: Document | Iterable[Document], *, dates: bool = True, labels: str = "khabar"
) -> dict[str, Any] | list[dict[str, Any]]:
    """Documents in displaCy's manual format, for spaCy's renderer.

    One dict for one document, a list for several::

        from spacy import displacy
        displacy.render(khabar.to_displacy(doc), style="ent", manual=True,
                        options={"colors": khabar.display.DISPLACY_COLORS})

    ``labels="spacy"`` gives spaCy's own labels instead of khabar's kinds, so that tools written
    for spaCy's entities work unchanged: ``GPE`` (a state, or a place inside one), ``NORP`` (a
    state named by its people or adjective: Jordanian, الأردني), ``LOC`` (a region or sea),
    ``ORG``, ``PERSON`` and ``DATE``.
    """
    if labels not in DISPLACY_LABEL_SETS:
        raise InputError(f"labels must be one of {DISPLACY_LABEL_SETS}, not {labels!r}")
    if isinstance(docs, Document):
        return _displacy_one(docs, dates, labels)
    return [_displacy_one(d, dates, labels) for d in _as_docs(docs)]
