"""Knowledge-base rows are untrusted user data: every bad row is a clear error naming row and column."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

import khabar
from khabar.errors import InputError

GOOD = {
    "id": "atlas",
    "kind": "org",
    "name": "Atlas Energy Group",
    "aliases": "مجموعة أطلس للطاقة;Atlas Energy",
}


def error_of(rows: Any) -> str:
    with pytest.raises(InputError) as err:
        khabar.Extractor(entities=rows)
    message = str(err.value)
    assert "\n" not in message and len(message) < 400, message
    return message


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ({"kind": "org", "name": "Atlas"}, ["row 1", "'id'", "required"]),
        ({"id": "x", "name": "Atlas"}, ["row 1", "'kind'", "required"]),
        ({"id": "x", "kind": "org", "name": "   "}, ["row 1", "'name'", "required"]),
        ({"id": "x", "kind": "org", "name": ""}, ["row 1", "'name'"]),
        ({"id": "x", "kind": 3, "name": "Atlas"}, ["row 1", "'kind'", "text"]),
        ({"id": "x", "kind": "org", "name": ["Atlas"]}, ["row 1", "'name'", "text"]),
        ({"id": "x", "kind": "org", "name": "Atlas", "aliases": [1, 2]}, ["row 1", "'aliases'"]),
        ({"id": "x", "kind": "org", "name": "Atlas", "country": 818}, ["row 1", "'country'"]),
        ({"id": "x", "kind": "org", "name": "Atlas", "title": {"a": 1}}, ["row 1", "'title'"]),
        ({"id": "x", "kind": "galaxy", "name": "Atlas"}, ["row 1", "'kind'", "galaxy"]),
        ({"id": "x", "kind": "org", "name": "Atlas", "Name": "dup"}, ["row 1", "'Name'"]),
        ("atlas,org,Atlas", ["row 1", "mapping"]),
    ],
)
def test_bad_row_names_row_and_column(row: Any, words: list[str]) -> None:
    message = error_of([GOOD, row])
    for w in words:
        assert w in message, message


def test_duplicate_ids_name_both_rows() -> None:
    rows = [GOOD, {"id": "nile", "kind": "org", "name": "Nile Shipping"}, dict(GOOD, name="Atlas Group")]
    message = error_of(rows)
    assert "row 2" in message and "repeats row 0" in message and "'id'" in message


def test_ten_megabyte_name_is_refused_quickly_with_a_short_message() -> None:
    huge = "أطلس " * 2_000_000
    started = time.monotonic()
    for column in ("name", "id", "aliases"):
        message = error_of([dict(GOOD, **{column: huge})])
        assert "row 0" in message and f"'{column}'" in message and "characters" in message
    assert time.monotonic() - started < 10


def test_the_core_checks_rows_given_in_the_configuration_too() -> None:
    # rows given straight in the configuration skip the Python checks; the core's are the same
    dup = {"entities": [dict(GOOD, aliases=[]), dict(GOOD, aliases=[])]}
    assert "row 1" in error_of_config(dup) and "'id'" in error_of_config(dup)
    long = {"entities": [dict(GOOD, aliases=[], name="x" * 1001)]}
    assert "'name'" in error_of_config(long)


def error_of_config(config: dict[str, Any]) -> str:
    with pytest.raises(InputError) as err:
        khabar.Extractor(config)
    return str(err.value)


def test_regex_metacharacters_are_plain_text() -> None:
    rows = [
        {"id": "telsat", "kind": "org", "name": "Tel (Sat) [Co]+", "aliases": ["Tel.*Sat", "a|b?", "^$\\d"]},
        {"id": "qamar", "kind": "org", "name": "شركة (قمر) للاتصالات*", "aliases": []},
    ]
    ex = khabar.Extractor(entities=rows)
    [hit, ar, miss] = ex.extract(
        [
            "Shares of Tel (Sat) [Co]+ rose on Monday, and Tel.*Sat said it would expand.",
            "أعلنت شركة (قمر) للاتصالات* توسيع شبكتها.",
            "Telecom Satellite and TelXSat and ab said nothing.",
        ],
        n_threads=1,
    )
    found = {m.text for e in hit.entities if e.id == "telsat" for m in e.mentions}
    assert found == {"Tel (Sat) [Co]+"}
    assert any(e.id == "qamar" for e in ar.entities)
    assert not any(e.id == "telsat" for e in miss.entities)  # as patterns, the aliases would match


def test_numeric_ids_are_taken_as_text() -> None:
    ex = khabar.Extractor(entities=[{"id": 4021, "kind": "org", "name": "Atlas Energy Group"}])
    [doc] = ex.extract("Atlas Energy Group opened a plant in Tangier.")
    assert [e.id for e in doc.entities if e.kind == "org"] == ["4021"]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"id": [7, 8], "kind": ["org", "org"], "name": ["Atlas Energy Group", "Nile Shipping"]}
    )
    assert [r["id"] for r in khabar.Extractor(entities=frame).config["entities"]] == ["7", "8"]


def test_dataframe_with_missing_cells_and_wrong_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "kind": ["org", "org"],
            "name": ["Atlas Energy Group", None],
            "aliases": [None, None],
        }
    )
    message = error_of(frame)
    assert "row 1" in message and "'name'" in message
    frame = pd.DataFrame({"id": ["a"], "kind": ["org"], "name": [3.5]})
    assert "'name'" in error_of(frame) and "float" in error_of(frame)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    bad_json = tmp_path / "kb.json"
    bad_json.write_text('[{"id": "a", "kind": "org", "name": "Atlas"', encoding="utf-8")
    assert "kb.json" in error_of(bad_json) and "invalid JSON" in error_of(bad_json)
    bad_line = tmp_path / "kb.jsonl"
    bad_line.write_text(json.dumps(GOOD) + "\n{oops\n", encoding="utf-8")
    assert "line 2" in error_of(bad_line)
    latin1 = tmp_path / "kb.csv"
    latin1.write_bytes("id,kind,name\nr,org,Société Générale\n".encode("latin-1"))
    assert "kb.csv" in error_of(latin1)
    extra = tmp_path / "extra.csv"
    extra.write_text("id,kind,name\natlas,org,Atlas Energy Group,surplus\n", encoding="utf-8")
    assert "row 0" in error_of(extra) and "more cells" in error_of(extra)
    missing_column = tmp_path / "short.tsv"
    missing_column.write_text("id\tkind\natlas\torg\n", encoding="utf-8")
    assert "'name'" in error_of(missing_column)
    assert "not found" in error_of(tmp_path / "absent.csv")
    assert "not found" in error_of(tmp_path)  # a folder is not a file


def test_a_good_file_with_comments_and_odd_spacing(tmp_path: Path) -> None:
    path = tmp_path / "kb.tsv"
    path.write_text(
        "# source: written for this test\nid\tkind\tname\taliases\n"
        " atlas \t ORG \t Atlas Energy Group \t أطلس ; Atlas\n",
        encoding="utf-8",
    )
    [row] = khabar.Extractor(entities=path).config["entities"]
    assert (row["id"], row["kind"], row["name"], row["aliases"]) == (
        "atlas",
        "org",
        "Atlas Energy Group",
        ["أطلس", "Atlas"],
    )
