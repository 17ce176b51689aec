"""Pictures of events: a timeline by event type, a network of actors and a map of places.

    import khabar, khabar.plot
    docs = khabar.extract(texts)
    khabar.plot.timeline(docs, dyad=("EGY", "RUS"))      # or the events DataFrame of to_frames
    khabar.plot.network(khabar.to_frames(docs))
    khabar.plot.map(docs, event_type="ASSAULT")          # where the attacks happened

Both accept the ``events`` DataFrame of :func:`khabar.to_frames`, the whole dict of frames, a list
of :class:`~khabar.Document`, or any iterable of event dicts. From documents or the dict of frames
they know more: an event without a date of its own is placed at its article's publication date, and
an official or ministry acting for a state is counted as that state (its entity's ``country``).

The counting (:func:`timeline_counts`, :func:`network_counts`) needs nothing; drawing needs
matplotlib (``pip install 'khabar[plot]'``), and a :class:`~khabar.MissingDependencyError` says so
when it is missing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as _date
from importlib import resources
from typing import Any

from .errors import optional_import
from .model import Document

__all__ = [
    "PlaceCount",
    "map",
    "map_counts",
    "names",
    "network",
    "network_counts",
    "timeline",
    "timeline_counts",
]

# Fixed colours for PLOVER types, so a type keeps its colour from one picture to the next.
TYPE_COLORS = {
    "CONSULT": "#4c6ef5",
    "AGREE": "#2b8a3e",
    "COOPERATE": "#40c057",
    "SUPPORT": "#94d82d",
    "AID": "#12b886",
    "REQUEST": "#15aabf",
    "CONCEDE": "#a9e34b",
    "RETREAT": "#ced4da",
    "REJECT": "#f59f00",
    "ACCUSE": "#fd7e14",
    "PROTEST": "#e8590c",
    "THREATEN": "#e03131",
    "SANCTION": "#c2255c",
    "MOBILIZE": "#9c36b5",
    "COERCE": "#862e9c",
    "ASSAULT": "#5f3dc4",
}
OTHER_COLOR = "#868e96"
# The widest timeline drawn, in inches (at the default 100 dpi, 1,600 pixels).
MAX_WIDTH_INCHES = 16.0
# Bins of the timeline: the ISO prefix length that identifies a period, and its name.
FREQS = {"Y": (4, "year"), "M": (7, "month"), "D": (10, "day")}


@dataclass(frozen=True, slots=True)
class _Event:
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None


def _strs(value: Any) -> tuple[str, ...]:
    if value is None or isinstance(value, float):  # None or NaN
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _opt(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value)
    return text if text and text not in ("NaT", "<NA>", "nan") else None


def _records(table: Any) -> list[Mapping[str, Any]]:
    if hasattr(table, "to_dict"):
        rows: list[Mapping[str, Any]] = table.to_dict("records")
        return rows
    return list(table)


def _from_documents(docs: Sequence[Document]) -> list[_Event]:
    out = []
    for doc in docs:
        state = {e.id: e.country for e in doc.entities if e.kind != "country" and e.country}
        for ev in doc.events:
            out.append(
                _Event(
                    ev.type,
                    tuple(state.get(a, a) for a in ev.source),
                    tuple(state.get(a, a) for a in ev.target),
                    ev.date or doc.published,
                )
            )
    return out


def _from_frames(frames: Mapping[str, Any]) -> list[_Event]:
    published = {r["doc_id"]: _opt(r.get("published")) for r in _records(frames.get("documents", []))}
    state = {
        (r["doc_id"], r["entity_id"]): c
        for r in _records(frames.get("entities", []))
        if r.get("kind") != "country" and (c := _opt(r.get("country")))
    }
    out = []
    for r in _records(frames["events"]):
        doc = r.get("doc_id")
        out.append(
            _Event(
                str(r.get("type") or ""),
                tuple(state.get((doc, a), a) for a in _strs(r.get("source"))),
                tuple(state.get((doc, a), a) for a in _strs(r.get("target"))),
                _event_date(r) or published.get(doc),
            )
        )
    return out


# The ISO prefix an event date keeps at its grain (a datetime column says 2024-01-01 for "2024").
_GRAIN_WIDTH = {"year": 4, "month": 7, "day": 10}


def _event_date(row: Mapping[str, Any]) -> str | None:
    """The ISO date of an event row: the string, or the datetime of ``to_frames`` cut to its
    ``date_grain``, so that a year alone is not counted in January."""
    date = _opt(row.get("date"))
    if date is None:
        return None
    date = date.replace(" ", "T")
    width = _GRAIN_WIDTH.get(_opt(row.get("date_grain")) or "")
    return date[:width] if width else date


def names(data: Any) -> dict[str, str]:
    """Display names of the actors of documents or frames, by entity id (a state's name for an
    official counted as that state comes from the state's own entity where the data has it)."""
    out: dict[str, str] = {}
    if isinstance(data, Document):
        data = [data]
    if isinstance(data, Mapping) and "entities" in data:
        rows: Any = _records(data["entities"])
        for r in rows:
            if (i := _opt(r.get("entity_id"))) and (n := _opt(r.get("name"))):
                out.setdefault(i, n)
        return out
    if isinstance(data, Mapping):
        return out
    for d in _records(data):
        if isinstance(d, Document):
            for e in d.entities:
                out.setdefault(e.id, e.name)
    return out


def _events(data: Any) -> list[_Event]:
    """Events from any of the accepted inputs (a list may mix documents and event dicts)."""
    if isinstance(data, Document):
        return _from_documents([data])
    if isinstance(data, Mapping) and "events" in data:
        return _from_frames(data)
    out: list[_Event] = []
    for r in _records(data):
        if isinstance(r, Document):
            out += _from_documents([r])
        else:
            out.append(
                _Event(
                    str(r.get("type") or ""),
                    _strs(r.get("source")),
                    _strs(r.get("target")),
                    _opt(r.get("date")),
                )
            )
    return out


def _period(date: str | None, freq: str) -> str | None:
    """The period of an ISO date at the timeline's grain; None when the date is coarser or absent.

    A range counts at its first day; a year alone cannot be placed in a month.
    """
    if not date:
        return None
    first = date.split("/")[0].split("T")[0]
    width = FREQS[freq][0]
    if len(first) < width or not first[:4].isdigit():
        return None
    return first[:width]


def _involves(ev: _Event, dyad: Sequence[str] | None) -> bool:
    if not dyad:
        return True
    actors = set(ev.source) | set(ev.target)
    return all(a in actors for a in dyad)


@dataclass(frozen=True, slots=True)
class TimelineCounts:
    """Events per period and type; ``undated`` counts those that could not be placed."""

    periods: list[str]
    types: list[str]
    counts: dict[tuple[str, str], int]
    undated: int
    # events dated far from where most are (a misread number dating a report 1701), left out
    outliers: int = 0


def timeline_counts(events: Any, dyad: Sequence[str] | None = None, freq: str = "M") -> TimelineCounts:
    """The numbers behind :func:`timeline`: events of the dyad per period (``Y``, ``M``, ``D``) and type.

    Every period between the first and the last is listed, so quiet months show as gaps.
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {sorted(FREQS)}, not {freq!r}")
    counts: Counter[tuple[str, str]] = Counter()
    undated = 0
    for ev in _events(events):
        if not _involves(ev, dyad):
            continue
        period = _period(ev.date, freq)
        if period is None:
            undated += 1
        else:
            counts[(period, ev.type)] += 1
    counts, outliers = _without_outliers(counts, freq)
    seen = sorted({p for p, _ in counts})
    periods = _fill(seen, freq)
    order = {t: i for i, t in enumerate(TYPE_COLORS)}
    types = sorted({t for _, t in counts}, key=lambda t: (order.get(t, len(order)), t))
    return TimelineCounts(periods, types, dict(counts), undated, outliers)


# Outliers lie beyond this many interquartile ranges from the median period, and beyond the
# least spread of periods kept whatever the quartiles (a story told over two years, say).
OUTLIER_IQRS = 3
MIN_SPREAD = {"Y": 10, "M": 24, "D": 90}


def _ordinal(period: str, freq: str) -> int:
    """A period as a number of its own units, so that distances between periods are counts."""
    if freq == "Y":
        return int(period)
    if freq == "M":
        return int(period[:4]) * 12 + int(period[5:7])
    return _date.fromisoformat(period).toordinal()


def _without_outliers(counts: Counter[tuple[str, str]], freq: str) -> tuple[Counter[tuple[str, str]], int]:
    """The counts without the events dated far from where most are, and how many those were."""
    if not counts:
        return counts, 0
    spots = sorted(_ordinal(p, freq) for (p, _), n in counts.items() for _ in range(n))
    median = spots[len(spots) // 2]
    iqr = spots[(3 * len(spots)) // 4] - spots[len(spots) // 4]
    reach = max(OUTLIER_IQRS * iqr, MIN_SPREAD[freq])
    kept: Counter[tuple[str, str]] = Counter()
    dropped = 0
    for (p, t), n in counts.items():
        if abs(_ordinal(p, freq) - median) <= reach:
            kept[(p, t)] = n
        else:
            dropped += n
    return kept, dropped


def _fill(periods: list[str], freq: str) -> list[str]:
    """All periods from the first to the last (months and years; days are kept as found)."""
    if not periods or freq == "D":
        return periods
    if freq == "Y":
        return [str(y) for y in range(int(periods[0]), int(periods[-1]) + 1)]
    # (the builtin map is shadowed here by khabar.plot.map)
    y0, m0 = (int(x) for x in periods[0].split("-"))
    y1, m1 = (int(x) for x in periods[-1].split("-"))
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]


def _pyplot() -> Any:
    return optional_import("matplotlib.pyplot", "plot", "khabar.plot")


def timeline(
    events: Any,
    dyad: Sequence[str] | None = None,
    *,
    freq: str = "M",
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Events over time, stacked by PLOVER type; returns the matplotlib ``Axes``.

    ``dyad=("EGY", "RUS")`` keeps the events in which both actors take part, either way round.
    Events whose date is coarser than ``freq`` (a year alone, by month) or absent are left out and
    counted in the title, and so are events dated far from where most are (a report dated 1701 by
    a misread number among reports of 2024): the range comes from the bulk of the events.
    """
    plt = _pyplot()
    data = timeline_counts(events, dyad, freq)
    if ax is None:
        width = min(MAX_WIDTH_INCHES, max(6.0, 0.45 * len(data.periods) + 2))
        # constrained: the legend beside the axes and the turned labels stay inside the figure
        _, ax = plt.subplots(figsize=(width, 4), layout="constrained")
    bottom = [0] * len(data.periods)
    x = range(len(data.periods))
    for t in data.types:
        heights = [data.counts.get((p, t), 0) for p in data.periods]
        ax.bar(x, heights, bottom=bottom, label=t, color=TYPE_COLORS.get(t, OTHER_COLOR), width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    # past about 30 periods, every n-th label only, so that they stay readable
    step = max(1, math.ceil(len(data.periods) / 30))
    # turned when they would not fit side by side (about 9 characters an inch)
    shown = data.periods[::step]
    crowded = sum(len(p) + 2 for p in shown) > 9 * ax.figure.get_figwidth() * 0.7
    ax.set_xticks(list(x)[::step], shown, rotation=60 if crowded else 0, ha="right" if crowded else "center")
    ax.set_ylabel("events")
    who = "–".join(dyad) if dyad else "all actors"
    text = title or f"{who}: events by {FREQS[freq][1]}"
    if data.undated:
        text += f" ({data.undated} without a {FREQS[freq][1]} left out)"
    if data.outliers:
        text += f"\n{data.outliers} dated far from the others left out"
    ax.set_title(text)
    if data.types:
        ax.legend(title="type", fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def network_counts(events: Any, *, min_count: int = 1) -> dict[tuple[str, str], int]:
    """The numbers behind :func:`network`: events per pair of actors (unordered, sorted pair).

    Each event links each of its sources to each of its targets; an event with several sources
    and no target links the sources with one another (they acted together).
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for ev in _events(events):
        links: set[tuple[str, str]] = set()
        if ev.target:
            links = {(s, t) for s in ev.source for t in ev.target if s != t}
        else:
            links = {(a, b) for a in ev.source for b in ev.source if a < b}
        for a, b in links:
            pairs[(min(a, b), max(a, b))] += 1
    return {pair: n for pair, n in sorted(pairs.items()) if n >= min_count}


def network(
    events: Any,
    *,
    min_count: int = 1,
    ax: Any = None,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> Any:
    """Actors as nodes on a circle, named, and events between them as edges as thick as their
    count, each edge labelled with its count; returns the matplotlib ``Axes``.

    Nodes are named by their entity's name when the input is documents or the dict of frames (or
    by ``labels``, a mapping from id to name); names sit outside the circle, away from the edges.
    """
    plt = _pyplot()
    edges = network_counts(events, min_count=min_count)
    shown = {**names(events), **(labels or {})}
    degree: Counter[str] = Counter()
    for (a, b), n in edges.items():
        degree[a] += n
        degree[b] += n
    nodes = sorted(degree, key=lambda a: (-degree[a], a))
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    angle = {a: 2 * math.pi * i / max(len(nodes), 1) + math.pi / 2 for i, a in enumerate(nodes)}
    at = {a: (math.cos(t), math.sin(t)) for a, t in angle.items()}
    top = max(edges.values(), default=1)
    for (a, b), n in edges.items():
        (xa, ya), (xb, yb) = at[a], at[b]
        ax.plot([xa, xb], [ya, yb], color="#868e96", linewidth=1 + 5 * n / top, alpha=0.7, zorder=1)
        # a third of the way along, not half: the diagonals of a square cross at their middles
        lx, ly = xa + (xb - xa) / 3, ya + (yb - ya) / 3
        box = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#adb5bd", "lw": 0.5}
        ax.text(lx, ly, str(n), fontsize=10, ha="center", va="center", zorder=3, bbox=box)
    biggest = max(degree.values(), default=1)
    for a in nodes:
        x, y = at[a]
        ax.scatter(
            [x], [y], s=200 + 800 * degree[a] / biggest, color="#a5d8ff", edgecolors="#1c7ed6", zorder=2
        )
        # the name outside the circle, aligned away from it, so that it covers no node or edge
        c, s = math.cos(angle[a]), math.sin(angle[a])
        ha = "left" if c > 0.3 else "right" if c < -0.3 else "center"
        va = "bottom" if s > 0.3 else "top" if s < -0.3 else "center"
        name = _wrap(shown.get(a, a))
        ax.text(1.16 * c, 1.16 * s, name, ha=ha, va=va, fontsize=10, fontweight="bold", zorder=4)
    if not nodes:
        ax.text(0.5, 0.5, "no events between actors", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(title or "actors and the events between them")
    ax.set_xlim(-2.0, 2.0)
    ax.set_ylim(-1.45, 1.45)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _wrap(name: str, width: int = 18) -> str:
    """A long name on two lines (at the space nearest its middle), so that it stays beside its node."""
    if len(name) <= width or " " not in name:
        return name
    middle = len(name) // 2
    cut = min((i for i, ch in enumerate(name) if ch == " "), key=lambda i: abs(i - middle))
    return name[:cut] + "\n" + name[cut + 1 :]


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """A place of :func:`map_counts`: its entity id, name, coordinates and how often it counts."""

    id: str
    name: str
    lat: float
    lon: float
    count: int


def _number(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _place_rows(data: Any) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """The location entities and the events of any accepted input, as frame-like rows."""
    if isinstance(data, Document):
        data = [data]
    if isinstance(data, Mapping):
        return _records(data.get("entities", [])), _records(data.get("events", []))
    entities: list[Mapping[str, Any]] = []
    events: list[Mapping[str, Any]] = []
    for i, doc in enumerate(_records(data)):
        if not isinstance(doc, Document):
            raise TypeError("khabar.plot.map takes documents or the dict of frames of khabar.to_frames")
        key = doc.id or str(i)
        for e in doc.entities:
            row = {"doc_id": key, "entity_id": e.id, "kind": e.kind, "name": e.name}
            entities.append({**row, "lat": e.lat, "lon": e.lon, "n_mentions": len(e.mentions)})
        events += [{"doc_id": key, "type": ev.type, "location": ev.location} for ev in doc.events]
    return entities, events


def map_counts(data: Any, event_type: str | None = None) -> tuple[list[PlaceCount], int]:
    """The numbers behind :func:`map`: the places with coordinates, most counted first, and how many
    places without coordinates were left out (a facility the tables do not place).

    A place counts its mentions over the batch; with ``event_type`` (``"ASSAULT"``), the events of
    that type that happened there (an event's ``location``) instead.
    """
    entities, events = _place_rows(data)
    where: dict[tuple[Any, str], Mapping[str, Any]] = {}
    for r in entities:
        if r.get("kind") == "location" and (i := _opt(r.get("entity_id"))):
            where[(r.get("doc_id"), i)] = r
    counts: Counter[str] = Counter()
    if event_type is None:
        for (_, i), r in where.items():
            counts[i] += int(_number(r.get("n_mentions")) or 1)
    else:
        for ev in events:
            i = _opt(ev.get("location"))
            if i and str(ev.get("type")) == event_type and (ev.get("doc_id"), i) in where:
                counts[i] += 1
    at: dict[str, Mapping[str, Any]] = {}
    for (_, i), r in where.items():
        if i in counts and _number(r.get("lat")) is not None and _number(r.get("lon")) is not None:
            at.setdefault(i, r)
    places = [
        PlaceCount(
            i, _opt(at[i].get("name")) or i, _number(at[i]["lat"]) or 0.0, _number(at[i]["lon"]) or 0.0, n
        )
        for i, n in counts.items()
        if i in at
    ]
    places.sort(key=lambda p: (-p.count, p.id))
    return places, sum(1 for i in counts if i not in at)


def _outline() -> list[tuple[list[float], list[float]]]:
    """The rings of the world outline shipped with the package (Natural Earth 1:110m, thinned)."""
    text = resources.files("khabar").joinpath("world_110m.tsv").read_text(encoding="utf-8")
    rings = []
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("ring\t") or "\t" not in line:
            continue
        pairs = [p.split(",") for p in line.split("\t", 1)[1].split()]
        rings.append(([float(x) for x, _ in pairs], [float(y) for _, y in pairs]))
    return rings


def map(
    data: Any,
    *,
    event_type: str | None = None,
    labels: int = 12,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """The places of a batch on a world outline, each a dot as large as its count; returns the
    matplotlib ``Axes``. Draws offline: the outline is Natural Earth's 1:110m countries (public
    domain) shipped with the package, in plain longitude and latitude.

    ``data`` is a list of :class:`~khabar.Document` or the dict of frames of
    :func:`khabar.to_frames`; ``event_type`` maps the events of one type by where they happened
    rather than every place named. The ``labels`` most counted places are named; the view closes
    in on the places when they lie in one region.
    """
    plt = _pyplot()
    places, unplaced = map_counts(data, event_type)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 5.5), layout="constrained")
    for xs, ys in _outline():
        ax.fill(xs, ys, facecolor="#f1f3f5", edgecolor="#adb5bd", linewidth=0.5, zorder=1)
    top = max((p.count for p in places), default=1)
    ax.scatter(
        [p.lon for p in places],
        [p.lat for p in places],
        s=[20 + 480 * p.count / top for p in places],
        color=TYPE_COLORS.get(event_type or "", "#e8590c"),
        alpha=0.6,
        edgecolors="#495057",
        linewidths=0.5,
        zorder=2,
    )
    (x0, x1) = _span([p.lon for p in places], -180.0, 180.0)
    (y0, y1) = _span([p.lat for p in places], -60.0, 85.0)
    # a label is about a ninth of the view wide and a twenty-second high
    for p in _apart(places[:labels], (x1 - x0) / 9, (y1 - y0) / 22):
        ax.annotate(
            f"{p.name} ({p.count})",
            (p.lon, p.lat),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=8,
            zorder=3,
        )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    what = f"{event_type} events" if event_type else "mentions"
    text = title or f"places by {what}"
    if unplaced:
        text += f" ({unplaced} without coordinates left out)"
    ax.set_title(text)
    if not places:
        ax.text(0.5, 0.5, "no places with coordinates", ha="center", va="center", transform=ax.transAxes)
    return ax


def _span(values: list[float], low: float, high: float) -> tuple[float, float]:
    """The range shown on one axis: the places' with a margin, at least 40 degrees, within the world."""
    if not values:
        return low, high
    a, b = min(values), max(values)
    middle, half = (a + b) / 2, max(20.0, (b - a) / 2 + 10.0)
    return max(low, middle - half), min(high, middle + half)


def _apart(places: list[PlaceCount], dx: float, dy: float) -> list[PlaceCount]:
    """The places whose labels would not run into the label of a more counted place nearby (a label
    is about ``dx`` wide and ``dy`` high, in degrees)."""
    kept: list[PlaceCount] = []
    for p in places:
        if all(abs(p.lon - q.lon) >= dx or abs(p.lat - q.lat) >= dy for q in kept):
            kept.append(p)
    return kept
