"""One record schema: the Rust core's document record is the source of truth, and the Python
Document, its vocabularies, the tables and docs/output.md follow it."""

from __future__ import annotations

import json
import re
import typing
from dataclasses import fields
from pathlib import Path

import pytest

import khabar
from khabar import _core, model
from khabar.frames import COLUMNS

ROOT = Path(__file__).resolve().parent.parent

# An Arabic report quoting an English statement whole, on a line of its own (a lang span).
MIXED = (
    "الأردن يرحب بالاتفاق\n\n"
    "رحب وزير الخارجية الأردني يوم الأحد بالاتفاق الموقع بين الجانبين في عمان.\n"
    "وأضاف الوزير أن الاتفاق يفتح الباب أمام تعاون أوسع في مجالات الطاقة والمياه والتجارة.\n"
    "وقالت الحكومة في بيان إنها ستعرض الاتفاق على مجلس النواب خلال الأسابيع المقبلة.\n"
    "The minister said the agreement would open a new chapter of cooperation between the two countries.\n"
)


def core_record(text: str, published: str | None = None) -> dict[str, typing.Any]:
    """The record the compiled core writes, keys in its order."""
    [record] = _core.Extractor().extract([("x", text, published, None, [])])
    parsed: dict[str, typing.Any] = json.loads(record)
    return parsed


def record_fields() -> list[str]:
    return [f.name for f in fields(khabar.Document) if f.name not in ("text", "extra")]


def test_the_python_document_has_every_field_of_the_record_in_its_order() -> None:
    record = core_record(MIXED)
    assert record_fields() == list(record)
    assert list(khabar.Document(id="a").to_dict()) == list(record)


def test_a_core_record_round_trips_through_the_document() -> None:
    record = core_record(MIXED, "2023-11-12")
    assert record["lang"] == "ar" and record["lang_spans"], "the English line is a lang span"
    doc = khabar.Document.from_dict(record, text=MIXED)
    assert doc.extra == {}
    assert doc.to_dict() == record
    [span] = doc.lang_spans
    assert span.lang == "en" and MIXED[span.start : span.end].startswith("The minister said")


def test_the_documented_fields_are_the_record() -> None:
    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    table = doc.split("| field |", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^\| `(\w+)` \|", table, flags=re.M) == record_fields()


def test_every_record_field_has_its_table_or_is_a_span_of_the_text() -> None:
    # The item lists have tables of their own; the spans of the text stay on the Document.
    items = {"entities", "dates", "quotes", "events"}
    spans = {"title_span", "boilerplate", "lang_spans"}
    columns = set(COLUMNS["documents"]) | {"id"}  # the record's id is every table's doc_id
    for name in record_fields():
        assert name in columns or name in items | spans, f"{name} has no place in the tables"
        assert name not in (items | spans) or name not in columns
    for item, table in (
        (khabar.Entity, "entities"),
        (khabar.Date, "dates"),
        (khabar.Quote, "quotes"),
        (khabar.Event, "events"),
    ):
        names = {f.name for f in fields(item)} - {"id", "mentions"}
        assert names <= set(COLUMNS[table]), f"{table}: {names - set(COLUMNS[table])}"


def _documented_codes() -> list[str]:
    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    table = doc.split("| code |", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", table, flags=re.M)


def test_the_error_codes_are_the_documented_ones() -> None:
    assert list(typing.get_args(model.ErrorCode)) == _documented_codes()


def test_each_error_has_its_code() -> None:
    pytest.importorskip("pandas")
    docs = khabar.extract(
        [None, b"caf\xe9 au lait", 42, "On Monday, the talks resumed.", "today, Sunday, the talks resumed"],
        published=[None, None, None, "in the spring", "2023-11-13"],
    )
    assert [[e.code for e in d.errors] for d in docs] == [
        ["missing_text"],
        ["bad_encoding"],
        ["not_text"],
        ["published_unparsed"],
        ["weekday_mismatch"],
    ]
    frames = khabar.to_frames(docs)["documents"]
    assert frames["errors"].tolist() == [[e.code for e in d.errors] for d in docs]
    assert frames["error_messages"].tolist() == [[e.message for e in d.errors] for d in docs]


def _values(docs: list[khabar.Document]) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {"kind": set(), "grain": set(), "type": set(), "mode": set(), "quote": set()}
    for d in docs:
        seen["kind"].update(e.kind for e in d.entities)
        seen["grain"].update(x.grain for x in d.dates if x.grain)
        seen["type"].update(e.type for e in d.events)
        seen["mode"].update(e.mode for e in d.events)
        seen["quote"].update(q.kind for q in d.quotes)
    return seen


def test_the_vocabularies_are_literal_types_the_core_keeps_to(
    sample_docs: dict[str, khabar.Document],
) -> None:
    vocab = {
        "kind": model.EntityKind,
        "grain": model.Grain,
        "type": model.EventType,
        "mode": model.Mode,
        "quote": model.QuoteKind,
    }
    seen = _values(list(sample_docs.values()))
    for name, words in seen.items():
        assert words, f"the samples give no {name}"
        assert words <= set(typing.get_args(vocab[name])), name
    # every event type of the trigger table is an EventType
    triggers = (ROOT / "data" / "event_triggers.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in triggers if line and not line.startswith("#")]
    at = rows[0].index("type")
    types = {r[at] for r in rows[1:] if r[at] != "-"}
    assert types == set(typing.get_args(model.EventType))
