"""Score extraction against your own gold annotations: ``khabar.evaluate`` and ``khabar evaluate``.

The gold format and how each measure is counted are described in ``docs/evaluation.md``. In short:
one JSON file per article, named like the article, listing what a careful reader finds in it
(entities with their keys, dates with their ISO values, quotes with their speaker, events as a type
and a set of actors, the story cluster). Every measure is either a precision/recall/F1 row (``tp``,
``fp``, ``fn``) or an accuracy row (``ok`` out of ``n``).

Beside the figures, an :class:`Evaluation` lists its :class:`Miss` records: each gold fact that was
not found, each prediction that matched nothing, each wrong date value or speaker. They tell an
analyst what to add to the knowledge base or the lexicons.

Predictions are compared as document records (``Document.to_dict()``, or the lines of
``khabar extract --format jsonl``), so a file of records and the documents it was written from score
the same.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Document

__all__ = ["Evaluation", "Miss", "evaluate", "load_gold", "load_predictions"]

Record = Mapping[str, Any]
Interval = tuple[int, int]

# The rows of an evaluation, in the order they are printed.
PRF_ROWS = ("country", "person", "org", "location", "dates", "quotes", "events", "clusters")
RATE_ROWS = (
    "title",
    "published",
    "published_in_batch",
    "date_value",
    "date_value_needs_cluster",
    "quote_speaker",
    "boilerplate_removed",
    "content_kept",
    "offsets_valid",
)
NAMED_KINDS = ("person", "org", "location")

# ---------------------------------------------------------------- folding spelling variants

# Short vowels, shadda, sukun, Quranic marks and the tatweel: news text writes them or not at will.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Hamza seats and final forms that outlets spell differently (Egyptian ى for ي, ة written ه).
_LETTERS = str.maketrans("أإآٱىةؤئ", "اااايهوي")
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """The form under which two spellings of one word compare equal."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _MARKS.sub("", text).translate(_LETTERS).casefold()
    return _SPACES.sub(" ", text).strip()


def occurrences(text: str, needle: str) -> list[Interval]:
    """Every place ``needle`` occurs in ``text`` (overlapping ones too)."""
    found: list[Interval] = []
    if not needle:
        return found
    at = text.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


def _touches(a: Interval, b: Interval) -> bool:
    """Whether two half-open intervals share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def _touches_any(a: Interval, spans: Iterable[Interval]) -> bool:
    return any(_touches(a, b) for b in spans)


# ---------------------------------------------------------------- tallies


@dataclass(slots=True)
class _Counts:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def row(self) -> dict[str, Any]:
        found, wanted = self.tp + self.fp, self.tp + self.fn
        # Nothing predicted: perfect precision only if nothing was missed either.
        precision = self.tp / found if found else float(self.fn == 0)
        recall = self.tp / wanted if wanted else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "p": round(precision, 3),
            "r": round(recall, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class _Rate:
    """How many of ``n`` checks came out right."""

    ok: int = 0
    n: int = 0

    def check(self, good: bool) -> bool:
        self.n += 1
        self.ok += bool(good)
        return good

    def row(self) -> dict[str, Any]:
        return {"acc": round(self.ok / self.n, 3) if self.n else None, "ok": self.ok, "n": self.n}


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement with the gold: what was expected, what was found, in which document.

    ``measure`` is the row it counts against (``person``, ``dates``, ``date_value``, …);
    ``problem`` one of ``missed`` (a gold fact not found), ``spurious`` (a prediction matching no
    gold fact), ``split`` (a second prediction for one gold entity), ``wrong`` (found, but with the
    wrong value, speaker or text).
    """

    doc: str
    measure: str
    problem: str
    expected: str | None = None
    found: str | None = None

    def __str__(self) -> str:
        parts = [f"{self.doc}  {self.measure:<24} {self.problem:<8}"]
        if self.expected is not None:
            parts.append(f"expected {self.expected}")
        if self.found is not None:
            parts.append(f"found {self.found}")
        return "  ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "measure": self.measure,
            "problem": self.problem,
            "expected": self.expected,
            "found": self.found,
        }


@dataclass(slots=True)
class _Scoring:
    """The tallies and misses of one evaluation, filled document by document."""

    counts: dict[str, _Counts] = field(default_factory=lambda: {k: _Counts() for k in PRF_ROWS})
    rates: dict[str, _Rate] = field(default_factory=lambda: {k: _Rate() for k in RATE_ROWS})
    misses: list[Miss] = field(default_factory=list)
    doc: str = ""

    def miss(self, measure: str, problem: str, expected: Any = None, found: Any = None) -> None:
        self.misses.append(
            Miss(
                self.doc,
                measure,
                problem,
                None if expected is None else str(expected),
                None if found is None else str(found),
            )
        )

    def check(self, measure: str, good: bool, expected: Any = None, found: Any = None) -> None:
        """An accuracy check; a failure is recorded as a ``wrong`` miss."""
        if not self.rates[measure].check(good):
            self.miss(measure, "wrong", expected, found)


# ---------------------------------------------------------------- the result


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The figures of one evaluation, and the misses behind them.

    ``scores`` maps each row name to ``{p, r, f1, tp, fp, fn}`` or ``{acc, ok, n}`` (``acc`` is
    ``None`` when nothing was checked); ``missing_documents`` names the gold documents that had no
    prediction.
    """

    scores: dict[str, dict[str, Any]]
    missing_documents: tuple[str, ...]
    misses: tuple[Miss, ...]

    def __getitem__(self, row: str) -> dict[str, Any]:
        return self.scores[row]

    def to_dict(self, *, misses: bool = False) -> dict[str, Any]:
        """The rows as plain data, ``missing_documents`` last (and the misses, when asked)."""
        out: dict[str, Any] = {k: dict(v) for k, v in self.scores.items()}
        out["missing_documents"] = list(self.missing_documents)
        if misses:
            out["misses"] = [m.to_dict() for m in self.misses]
        return out

    def table(self) -> str:
        """The figures, one row per measure."""
        lines = []
        for name, row in self.scores.items():
            if "f1" in row:
                lines.append(
                    f"{name:<26} P {row['p']:.3f}  R {row['r']:.3f}  F1 {row['f1']:.3f}"
                    f"   tp {row['tp']}  fp {row['fp']}  fn {row['fn']}"
                )
            else:
                acc = "  n/a" if row["acc"] is None else f"{row['acc']:.3f}"
                lines.append(f"{name:<26} {acc}  ({row['ok']}/{row['n']})")
        lines.append(f"{'missing_documents':<26} {', '.join(self.missing_documents) or 'none'}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()

    def __repr__(self) -> str:
        head = ", ".join(f"{k}={v['f1']:.3f}" for k, v in self.scores.items() if "f1" in v)
        return f"<Evaluation {head}; {len(self.misses)} misses>"


# ---------------------------------------------------------------- reading gold and predictions


def load_gold(folder: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The gold annotations of a folder: ``{file stem: annotation}``, sorted by name."""
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"gold folder not found: {path}")
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json"))}


def load_predictions(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The document records of a JSON Lines file (``khabar extract --format jsonl``)."""
    records = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if isinstance(record, dict):
                records.append(record)
    return records


def _load_texts(texts: Mapping[str, str] | str | os.PathLike[str] | None) -> dict[str, str]:
    if texts is None:
        return {}
    if isinstance(texts, Mapping):
        return {str(k): str(v) for k, v in texts.items()}
    folder = Path(texts)
    if not folder.is_dir():
        raise InputError(f"texts folder not found: {folder}")
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def _as_record(doc: Document | Record) -> dict[str, Any]:
    if isinstance(doc, Document):
        return doc.to_dict(include_text=True)
    if isinstance(doc, Mapping):
        return dict(doc)
    raise InputError(f"expected Document objects or record dicts, not {type(doc).__name__}")


# ---------------------------------------------------------------- offsets and page fields


def _spans(pred: Record) -> Iterator[Record]:
    for entity in pred.get("entities") or []:
        yield from entity.get("mentions") or []
    yield from pred.get("dates") or []
    yield from pred.get("quotes") or []


def _score_offsets(s: _Scoring, pred: Record, text: str) -> None:
    for span in _spans(pred):
        if "start" in span and "end" in span and "text" in span:
            cut = text[span["start"] : span["end"]]
            where = f"{span['start']}:{span['end']}"
            s.check("offsets_valid", cut == span["text"], f"{cut!r} at {where}", repr(span["text"]))


def _score_page(s: _Scoring, gold: Record, pred: Record) -> None:
    """Title, publication date, and which lines the body kept."""
    if gold.get("title"):
        s.check("title", fold(pred.get("title")) == fold(gold["title"]), gold["title"], pred.get("title"))
    day = str(pred.get("published") or "")[:10]
    if gold.get("published"):
        from_page = pred.get("published_source") in (None, "text", "metadata")
        s.check(
            "published",
            day == gold["published"] and from_page,
            gold["published"],
            f"{pred.get('published')} ({pred.get('published_source')})",
        )
    wanted = gold.get("published") or gold.get("published_in_cluster")
    if wanted:
        s.check("published_in_batch", day == wanted, wanted, pred.get("published"))
    body = fold(pred.get("body"))
    for line in gold.get("boilerplate", []):
        s.check("boilerplate_removed", fold(line) not in body, "line removed", f"still in body: {line}")
    for line in gold.get("content", []):
        s.check("content_kept", fold(line) in body, f"kept: {line}", "absent from body")


# ---------------------------------------------------------------- entities


def _entity_strings(entity: Record) -> list[str]:
    """What a predicted entity offers for matching: name, id and mention texts, folded."""
    raw = [entity.get("name") or "", str(entity.get("id") or "")]
    raw += [m.get("text") or "" for m in entity.get("mentions") or []]
    return [fold(r) for r in raw if r]


def _gold_label(gold: Record) -> str:
    return str(gold.get("id") or gold.get("name"))


def _describe_gold_entity(gold: Record) -> str:
    label = gold.get("name") or gold.get("id") or "?"
    keys = ", ".join(gold.get("key", []))
    return f"{label} [{keys}]" if keys else str(label)


def _describe_entity(entity: Record) -> str:
    texts = sorted({m.get("text") or "" for m in entity.get("mentions") or []} - {""})
    return f"{entity.get('id')} {entity.get('name')!r} ({', '.join(texts[:4])})"


def _strength(gold: Record, strings: list[str]) -> int:
    """How well a gold entity matches a prediction's strings: the longest of its keys contained
    in one of them, or the length of a string equal to one of its names; 0 for no match."""
    keys = [k for k in (fold(k) for k in gold.get("key", [])) if k]
    names = list(gold.get("names", []))
    if gold.get("name"):
        names.append(gold["name"])
    if gold.get("id"):
        names.append(gold["id"])
    names_folded = {fold(n) for n in names}
    best = 0
    for s in strings:
        for k in keys:
            if k in s:
                best = max(best, len(k))
        if s in names_folded:
            best = max(best, len(s))
    return best


def _score_countries(s: _Scoring, gold: Record, pred: Record) -> dict[str, str]:
    golds = [g for g in gold.get("entities", []) if g.get("kind") == "country"]
    wanted = {g["id"] for g in golds if not g.get("optional")}
    # an optional country (named only in passing) is neither required nor penalised
    optional = {g["id"] for g in golds if g.get("optional")} - wanted
    found = {str(e.get("id")) for e in pred.get("entities") or [] if e.get("kind") == "country"}
    got = found - optional
    c = s.counts["country"]
    c.tp += len(wanted & got)
    for code in sorted(got - wanted):
        c.fp += 1
        s.miss("country", "spurious", found=code)
    for code in sorted(wanted - got):
        c.fn += 1
        s.miss("country", "missed", expected=code)
    return {code: code for code in got | optional}


def _score_named(s: _Scoring, gold: Record, pred: Record, kind: str) -> dict[str, str]:
    """Match predicted entities of one kind to gold ones; return {predicted id: gold label}."""
    golds = [g for g in gold.get("entities", []) if g.get("kind") == kind]
    c = s.counts[kind]
    labels: dict[str, str] = {}
    matched: set[int] = set()
    for entity in (e for e in pred.get("entities") or [] if e.get("kind") == kind):
        strings = _entity_strings(entity)
        best, best_at = 0, -1
        for i, g in enumerate(golds):  # the first of equally good matches wins
            strength = _strength(g, strings)
            if strength > best:
                best, best_at = strength, i
        if best_at < 0:
            # an official known only by role ("the Saudi defence minister") that the gold does
            # not list is neither required nor penalised
            if not entity.get("role_only"):
                c.fp += 1
                s.miss(kind, "spurious", found=_describe_entity(entity))
            continue
        g = golds[best_at]
        labels[str(entity.get("id"))] = _gold_label(g)
        if best_at in matched:
            if not g.get("optional"):
                c.fp += 1
                s.miss(kind, "split", _describe_gold_entity(g), _describe_entity(entity))
            continue
        matched.add(best_at)
        c.tp += not g.get("optional")
    for i, g in enumerate(golds):
        if i not in matched and not g.get("optional"):
            c.fn += 1
            s.miss(kind, "missed", expected=_describe_gold_entity(g))
    return labels


def _score_entities(s: _Scoring, gold: Record, pred: Record) -> dict[str, str]:
    labels = _score_countries(s, gold, pred)
    for kind in NAMED_KINDS:
        labels.update(_score_named(s, gold, pred, kind))
    return labels


# ---------------------------------------------------------------- dates


def _score_dates(s: _Scoring, gold: Record, pred: Record, text: str) -> None:
    # A gold date is one expression wherever its words recur; gold dates absent from the text
    # cannot be found and are left out.
    expressions = [(d, spots) for d in gold.get("dates", []) if (spots := occurrences(text, d["surface"]))]
    ignored = [spot for surface in gold.get("dates_optional", []) for spot in occurrences(text, surface)]
    # For each gold expression found: whether any prediction over it carries the right value.
    right: dict[int, bool] = {}
    values: dict[int, list[str]] = {}
    for d in pred.get("dates") or []:
        if "start" not in d:
            continue
        span = (d["start"], d["end"])
        over = [i for i, (_, spots) in enumerate(expressions) if _touches_any(span, spots)]
        if not over:
            if not _touches_any(span, ignored):
                s.counts["dates"].fp += 1
                s.miss("dates", "spurious", found=f"{d.get('text')!r} → {d.get('value')}")
            continue
        value = str(d.get("value") or "").split("T")[0]
        for i in over:  # one expression may be found in pieces ("this year" + "in May")
            right[i] = right.get(i, False) or value == expressions[i][0]["value"]
            values.setdefault(i, []).append(value or "null")
    for i, (g, _) in enumerate(expressions):
        measure = "date_value_needs_cluster" if g.get("needs") else "date_value"
        if i not in right:
            s.counts["dates"].fn += 1
            s.miss("dates", "missed", expected=f"{g['surface']!r} = {g['value']}")
            s.rates[measure].check(False)
            continue
        s.counts["dates"].tp += 1
        s.check(measure, right[i], f"{g['surface']!r} = {g['value']}", ", ".join(values[i]))


# ---------------------------------------------------------------- quotes


def _speaker_strings(quote: Record, entities: Mapping[str, Record]) -> list[str]:
    strings = [fold(quote.get("speaker_name")), fold(quote.get("speaker_text"))]
    speaker = quote.get("speaker")
    if speaker is not None and str(speaker) in entities:
        strings += _entity_strings(entities[str(speaker)])
    return [x for x in strings if x]


def _speaker_right(gold_quote: Record, strings: list[str]) -> bool:
    keys = [fold(k) for k in gold_quote.get("key", [])] + [fold(gold_quote.get("speaker"))]
    return any(k in x for k in keys if k for x in strings)


def _score_quotes(s: _Scoring, gold: Record, pred: Record, text: str) -> None:
    golds = gold.get("quotes", [])
    # A gold quote is located by the first occurrence of its opening words.
    openings = [(occurrences(text, q["starts"]) or [(-1, -1)])[0] for q in golds]
    not_quotes = [spot for words in gold.get("not_quotes", []) for spot in occurrences(text, words)]
    entities = {str(e.get("id")): e for e in pred.get("entities") or []}
    found: set[int] = set()
    c = s.counts["quotes"]
    for q in pred.get("quotes") or []:
        span = (q.get("start", -1), q.get("end", -1))
        at = next((i for i, opening in enumerate(openings) if _touches(span, opening)), None)
        if at is None:
            # A quoted name or scare quote is tolerated, unless it was given a speaker.
            if not _touches_any(span, not_quotes) or q.get("speaker") or q.get("speaker_name"):
                c.fp += 1
                s.miss("quotes", "spurious", found=f"{_short(q.get('text'))!r} ({q.get('speaker_name')})")
            continue
        if at in found:
            continue  # a second piece of a quote already counted
        found.add(at)
        g = golds[at]
        if g.get("optional"):
            continue
        c.tp += 1
        who = q.get("speaker_name") or q.get("speaker_text") or q.get("speaker")
        s.check(
            "quote_speaker",
            _speaker_right(g, _speaker_strings(q, entities)),
            f"{g.get('speaker')} for {_short(g['starts'])!r}",
            who,
        )
    for i, g in enumerate(golds):
        if i not in found and not g.get("optional"):
            c.fn += 1
            s.rates["quote_speaker"].check(False)
            s.miss("quotes", "missed", expected=f"{_short(g['starts'])!r} ({g.get('speaker')})")


def _short(value: Any, width: int = 60) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- events


Fact = tuple[str, frozenset[str]]


def _accepted(event: Record) -> frozenset[Fact]:
    """Every (type, actors) reading the gold accepts for one event."""
    types = [event["type"], *event.get("alt_types", [])]
    casts = [event["actors"], *event.get("alt_actors", [])]
    return frozenset((t, frozenset(actors)) for t in types for actors in casts)


def _describe_fact(fact: Fact) -> str:
    return f"{fact[0]} {{{', '.join(sorted(fact[1]))}}}"


@dataclass(frozen=True)
class _Roles:
    """A predicted event's type and the gold labels of its source and its target."""

    type: str
    source: frozenset[str]
    target: frozenset[str]

    @property
    def fact(self) -> Fact:
        return (self.type, self.source | self.target)


def _nearest(fact: Fact, readings: Iterable[Fact]) -> Fact | None:
    """The reading closest to ``fact``: the most actors shared, then the same type, then the
    fewest actors apart (ties: the first in sorted order)."""

    def closeness(r: Fact) -> tuple[int, bool, int]:
        return (len(r[1] & fact[1]), r[0] == fact[0], -len(r[1] ^ fact[1]))

    return max(sorted(readings, key=_describe_fact), key=closeness, default=None)


def _wrong_parts(roles: _Roles, gold: Fact) -> str:
    """Which part of a predicted event differs from a gold reading: its type, an actor in its
    source or target that the gold does not have, an actor of the gold that it lacks."""
    parts = []
    if roles.type != gold[0]:
        parts.append(f"type {roles.type}, gold {gold[0]}")
    for role, actors in (("source", roles.source), ("target", roles.target)):
        extra = sorted(actors - gold[1])
        if extra:
            parts.append(f"{role} has {', '.join(extra)}, not in the gold")
    lacking = sorted(gold[1] - roles.source - roles.target)
    if lacking:
        parts.append(f"lacks {', '.join(lacking)}")
    return "; ".join(parts)


def _score_events(s: _Scoring, gold: Record, pred: Record, labels: Mapping[str, str]) -> None:
    # Gold events with the same accepted readings are one fact, required if any of them is.
    required: dict[frozenset[Fact], bool] = {}
    for event in gold.get("events", []):
        readings = _accepted(event)
        required[readings] = required.get(readings, False) or not event.get("optional")
    acceptable: set[Fact] = set().union(*required) if required else set()
    # A predicted event is its type and the gold labels of its actors (an id the gold knows
    # under another name is translated through the entity matching); the first prediction of a
    # fact gives the roles a miss is explained with.
    roles: dict[Fact, _Roles] = {}
    for e in pred.get("events") or []:
        r = _Roles(
            str(e.get("type")),
            frozenset(labels.get(str(a), str(a)) for a in e.get("source") or []),
            frozenset(labels.get(str(a), str(a)) for a in e.get("target") or []),
        )
        roles.setdefault((e.get("type"), r.source | r.target), r)
    predicted = set(roles)
    c = s.counts["events"]
    for fact in sorted(predicted - acceptable, key=_describe_fact):
        c.fp += 1
        near = _nearest(fact, acceptable)
        why = None if near is None else f"{_describe_fact(near)} ({_wrong_parts(roles[fact], near)})"
        s.miss("events", "spurious", expected=why, found=_describe_fact(fact))
    for readings, needed in required.items():
        if not needed:
            continue
        if readings & predicted:
            c.tp += 1
            continue
        c.fn += 1
        expected = " or ".join(sorted(map(_describe_fact, readings)))
        # the wrong prediction nearest to an accepted reading, and what it got wrong
        wrong = sorted(predicted - acceptable, key=_describe_fact)
        pairs = [(p, _nearest(p, readings)) for p in wrong]
        best = max(pairs, key=lambda pr: len(pr[0][1] & pr[1][1]) if pr[1] else -1, default=None)
        found = None
        if best is not None and best[1] is not None and best[0][1] & best[1][1]:
            found = f"{_describe_fact(best[0])} ({_wrong_parts(roles[best[0]], best[1])})"
        s.miss("events", "missed", expected=expected, found=found)


# ---------------------------------------------------------------- clusters


def _score_clusters(s: _Scoring, golds: Mapping[str, Record], preds: Mapping[str, Record]) -> None:
    """Pairs of documents put in one cluster, against the pairs the gold puts together."""
    names = sorted(golds)
    c = s.counts["clusters"]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            ga, gb = golds[a], golds[b]
            if gb.get("cluster") in ga.get("related_clusters", []) or ga.get("cluster") in gb.get(
                "related_clusters", []
            ):
                continue  # two related stories (two events of one visit): either answer is fair
            same_gold = ga.get("cluster") == gb.get("cluster")
            ca = preds.get(a, {}).get("cluster")
            same_pred = ca is not None and ca == preds.get(b, {}).get("cluster")
            s.doc = f"{a} + {b}"
            if same_gold and same_pred:
                c.tp += 1
            elif same_pred:
                c.fp += 1
                s.miss("clusters", "spurious", "different stories", f"both in cluster {ca}")
            elif same_gold:
                c.fn += 1
                s.miss("clusters", "missed", "the same story", "different clusters")


# ---------------------------------------------------------------- the evaluation


def evaluate(
    docs: Iterable[Document | Record],
    gold: Mapping[str, Record] | str | os.PathLike[str],
    *,
    texts: Mapping[str, str] | str | os.PathLike[str] | None = None,
) -> Evaluation:
    """Score documents against gold annotations.

    ``docs`` are :class:`Document` objects or document records (dicts), matched to the gold by
    their ``id``. ``gold`` is a folder of ``NAME.json`` files or a mapping ``{name: annotation}``.
    The original article texts are needed to locate the gold strings; they are taken from
    ``texts`` (a folder of ``NAME.txt`` files or a mapping), else from each document's ``text``.

    >>> ev = khabar.evaluate(docs, "annotations/")   # doctest: +SKIP
    >>> print(ev.table()); ev.misses[:10]             # doctest: +SKIP
    """
    golds = load_gold(gold) if isinstance(gold, str | os.PathLike) else {str(k): v for k, v in gold.items()}
    preds: dict[str, dict[str, Any]] = {}
    for doc in docs:
        record = _as_record(doc)
        preds[str(record.get("id"))] = record
    given = _load_texts(texts)
    s = _Scoring()
    for name, g in golds.items():
        s.doc = name
        pred = preds.get(name, {})
        text = given.get(name, pred.get("text") or "")
        _score_offsets(s, pred, text)
        _score_page(s, g, pred)
        labels = _score_entities(s, g, pred)
        _score_dates(s, g, pred, text)
        _score_quotes(s, g, pred, text)
        _score_events(s, g, pred, labels)
    _score_clusters(s, golds, preds)
    scores = {k: v.row() for k, v in s.counts.items()}
    scores.update({k: v.row() for k, v in s.rates.items()})
    missing = tuple(name for name in golds if name not in preds)
    return Evaluation(scores=scores, missing_documents=missing, misses=tuple(s.misses))


# ---------------------------------------------------------------- the command line


def add_command(commands: Any) -> None:
    """Add ``khabar evaluate`` to the subcommands of the ``khabar`` parser."""
    p = commands.add_parser(
        "evaluate",
        help="score extraction against gold annotations",
        description="Score khabar's output against gold annotations (one NAME.json per NAME.txt; "
        "see docs/evaluation.md) and list what was missed.",
    )
    p.add_argument("--gold", required=True, metavar="DIR", help="folder of NAME.json gold annotations")
    p.add_argument("--texts", required=True, metavar="DIR", help="folder of the NAME.txt articles")
    p.add_argument(
        "--pred",
        metavar="FILE",
        help="JSON Lines output of `khabar extract` to score (default: extract the texts now)",
    )
    p.add_argument("--json", action="store_true", help="print the figures and misses as JSON")
    p.add_argument("--no-misses", action="store_true", help="print the figures only")
    p.set_defaults(run=run_command)


def _extract_folder(texts: Mapping[str, str]) -> list[dict[str, Any]]:
    import sys

    from .extractor import default_extractor

    progress = bool(sys.stderr is not None and sys.stderr.isatty())
    docs = default_extractor().extract(list(texts.values()), ids=list(texts), progress=progress)
    return [d.to_dict() for d in docs]


def run_command(args: Any) -> int:
    """``khabar evaluate``: print the figures, then the misses."""
    import sys

    try:
        golds = load_gold(args.gold)
        texts = _load_texts(args.texts)
        preds = load_predictions(args.pred) if args.pred else _extract_folder(texts)
    except (InputError, OSError, ValueError) as e:
        print(f"khabar: error: {e}", file=sys.stderr)
        return 1
    if not golds:
        print(f"khabar: error: no .json gold annotations in {args.gold}", file=sys.stderr)
        return 1
    result = evaluate(preds, golds, texts=texts)
    if args.json:
        print(json.dumps(result.to_dict(misses=not args.no_misses), ensure_ascii=False))
        return 0
    print(result.table())
    if not args.no_misses and result.misses:
        print(f"\nmisses ({len(result.misses)}):")
        for m in result.misses:
            print(f"  {m}")
    return 0
