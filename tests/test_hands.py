"""What an analyst's hands meet first: the command line's defaults and mistakes, ``ex(text)``,
``Extractor.pipe`` and a readable ``repr(Extractor)``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import khabar
from khabar.cli import main

STORY = (
    "Jordan and Egypt signed a water agreement in Amman on Tuesday, the Jordanian foreign "
    "ministry said. The two countries agreed to share the Yarmouk basin data."
)
OTHER = "Brazil's central bank raised interest rates on Wednesday to curb inflation in Sao Paulo."


def test_a_text_column_no_row_has_is_an_error_naming_the_file_and_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(json.dumps({"id": f"a{i}", "text": STORY, "url": "u"}) for i in range(3)) + "\n",
        encoding="utf-8",
    )
    code = main(["extract", str(feed), "--text-column", "body"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""  # no empty documents pass as results
    assert str(feed) in err and "'body'" in err
    assert "'id'" in err and "'text'" in err and "'url'" in err


def test_a_text_column_some_rows_lack_is_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "title": "no text yet"}, {"id": "b", "body": STORY}]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code = main(["extract", str(feed), "--text-column", "body"])
    out, _ = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["id"] for r in records] == ["a", "b"]  # held back rows keep their order
    assert [e["code"] for e in records[0]["errors"]] == ["missing_text"]
    assert records[1]["errors"] == []


def test_the_output_format_follows_the_out_extension(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["extract", str(src), "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["doc_id"] for r in rows] == ["story"]
    assert (tmp_path / "facts.entities.csv").exists()
    # --format still wins over the extension
    other = tmp_path / "facts2.csv"
    assert main(["extract", str(src), "--out", str(other), "--format", "jsonl"]) == 0
    assert json.loads(other.read_text(encoding="utf-8"))["id"] == "story"


def test_calling_an_extractor_returns_one_document() -> None:
    ex = khabar.Extractor()
    doc = ex(STORY, published="2024-03-05")
    assert isinstance(doc, khabar.Document)
    assert doc.published is not None and doc.published.startswith("2024-03-05")
    assert {"JOR", "EGY"} <= {e.id for e in doc.entities}


def test_pipe_yields_in_order_as_batches_finish_and_clusters_across_them() -> None:
    ex = khabar.Extractor()
    texts = [STORY, OTHER, OTHER, STORY, OTHER]
    seen: list[khabar.Document] = []

    def feed() -> object:
        for i, t in enumerate(texts):
            # the first batch (two documents) is out before the generator is asked for more
            assert len(seen) >= (i // 2) * 2
            yield t

    for doc in ex.pipe(feed(), batch_size=2):
        seen.append(doc)
    assert [d.id for d in seen] == ["0", "1", "2", "3", "4"]
    assert [d.text for d in seen] == texts
    # the copies in later batches join the stories of the first
    assert seen[3].cluster == seen[0].cluster is not None
    assert seen[2].cluster == seen[1].cluster == seen[4].cluster is not None
    assert seen[0].cluster != seen[1].cluster
    with pytest.raises(khabar.InputError):
        next(ex.pipe([STORY], batch_size=0))


def test_repr_of_an_extractor_shows_options_not_the_knowledge_base() -> None:
    rows = [{"id": f"X{i}", "kind": "org", "name": f"Made Up Council {i}"} for i in range(500)]
    ex = khabar.Extractor(entities=rows)
    text = repr(ex)
    assert text.startswith("Extractor(") and len(text) <= 220
    assert "<500 rows>" in text and "Made Up Council" not in text
    assert repr(khabar.Extractor()).startswith("Extractor(")


def test_scripts_test_keeps_the_installed_build_and_prints_skip_reasons() -> None:
    script = (Path(__file__).resolve().parents[1] / "scripts" / "test").read_text(encoding="utf-8")
    assert "python3 -m venv .venv-test" in script
    assert "python=${PYTHON:-python3}" not in script  # no silent install into the active Python
    assert "pytest -rs" in script


def test_row_fields_are_named_by_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    row = {"article": "n1", "body": STORY, "date": "2024-03-05", "language": "en"}
    feed.write_text(json.dumps(row) + "\n", encoding="utf-8")
    code = main(
        ["extract", str(feed), "--text-column", "body", "--id-column", "article"]
        + ["--published-column", "date", "--lang-column", "language"]
    )
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert record["id"] == "n1" and record["lang"] == "en"
    assert record["published"].startswith("2024-03-05") and record["published_source"] == "metadata"


def test_published_and_lang_for_text_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    assert main(["extract", str(src), "--published", "2024-03-05", "--lang", "en"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["published"].startswith("2024-03-05") and record["published_source"] == "metadata"


def test_standard_input_as_json_lines_or_one_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("a", STORY), ("b", OTHER)))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert main(["extract", "-"]) == 0
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ["a", "b"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    assert main(["extract", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "stdin" and {e["id"] for e in record["entities"]} >= {"JOR", "EGY"}


def test_install_hints_name_where_khabar_came_from(monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar import errors

    def installed(url: str | None) -> None:
        class Dist:
            def read_text(self, name: str) -> str | None:
                return None if url is None else json.dumps({"url": url, "dir_info": {}})

        errors._installed_from.cache_clear()
        monkeypatch.setattr(errors.metadata, "distribution", lambda name: Dist())

    installed("file:///home/me/src/khabar")
    assert errors.install_command("pandas") == "pip install '/home/me/src/khabar[pandas]'"
    installed("file:///tmp/dl/khabar-0.1.0-cp311-abi3-linux_x86_64.whl")
    assert (
        errors.install_command("plot")
        == "pip install '/tmp/dl/khabar-0.1.0-cp311-abi3-linux_x86_64.whl[plot]'"
    )
    installed(None)  # from an index, when khabar is published
    assert errors.install_command("pandas") == "pip install 'khabar[pandas]'"
    assert "pip install 'khabar[pandas]'" in str(
        errors.MissingDependencyError("pandas", "pandas", "to_frames")
    )
    errors._installed_from.cache_clear()


def test_extract_frame_and_extract_frames_give_the_same_tables() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    texts = [STORY, OTHER, STORY]
    df = pd.DataFrame({"article_id": [11, 12, 13], "body": texts, "desk": ["mena", "latam", "mena"]})
    ex = khabar.Extractor()
    by_frame = khabar.extract_frame(df, text="body", id="article_id", extractor=ex)
    by_frames = ex.extract_frames(texts, ids=["11", "12", "13"])
    assert list(by_frame) == list(by_frames) == [*khabar.frames.TABLES, "event_actors", "clusters"]
    for name in by_frame:
        pd.testing.assert_frame_equal(by_frame[name], by_frames[name])
    assert by_frame["clusters"]["size"].tolist()[0] == 2
    # the documented join: the caller's other columns by id (doc_id is a string)
    joined = by_frame["documents"].merge(df.assign(doc_id=df["article_id"].astype(str)), on="doc_id")
    assert joined["desk"].tolist() == ["mena", "latam", "mena"]


def test_event_actors_group_without_explode_and_event_dates_are_datetimes() -> None:
    pd = pytest.importorskip("pandas")
    text = "Jordan condemned Israel on 5 March 2024 over the raid, the ministry said."
    frames = khabar.to_frames(khabar.extract([text], published=["2024-03-06"]))
    events, actors = frames["events"], frames["event_actors"]
    assert len(events) >= 1
    assert list(actors.columns) == ["doc_id", "event", "type", "role", "entity_id", "name", "kind", "country"]
    expected = {
        (n, role, i)
        for n, row in enumerate(events.itertuples())
        for role, ids in (("source", row.source), ("target", row.target))
        for i in ids
    }
    assert set(zip(actors["event"], actors["role"], actors["entity_id"], strict=True)) == expected
    assert expected, "the sentence has actors"
    jordan = actors[actors["entity_id"] == "JOR"]
    assert set(jordan["role"]) == {"source"} and set(jordan["country"].dropna()) <= {"JOR"}
    assert str(events["date"].dtype) == "datetime64[ns]"
    dated = events[events["date"].notna()]
    assert (dated["date"] == pd.Timestamp("2024-03-05")).all() and set(dated["date_grain"]) == {"day"}


def test_published_is_as_written_and_published_utc_where_an_offset_was_given() -> None:
    pd = pytest.importorskip("pandas")
    docs = khabar.extract([STORY, OTHER], published=["2024-03-05T10:00:00+03:00", "2024-03-05T10:00:00"])
    documents = khabar.to_frames(docs)["documents"]
    assert documents["published"].tolist() == [pd.Timestamp("2024-03-05 10:00")] * 2
    assert documents["published_utc"].iloc[0] == pd.Timestamp("2024-03-05 07:00")
    assert pd.isna(documents["published_utc"].iloc[1])


def test_displacy_with_spacy_labels() -> None:
    from khabar.display import to_displacy

    text = "Jordanian officials met delegates from Egypt in Amman, a city of the Middle East."
    doc = khabar.extract(text)[0]
    plain = to_displacy(doc)
    spacy = to_displacy(doc, labels="spacy")
    assert isinstance(plain, dict) and isinstance(spacy, dict)
    by_text = {text[e["start"] : e["end"]]: e["label"] for e in spacy["ents"]}
    assert by_text["Jordanian"] == "NORP"
    assert by_text["Egypt"] == "GPE"
    assert by_text["Amman"] == "GPE" and by_text["Middle East"] == "LOC"
    assert {e["label"] for e in spacy["ents"]} <= {"GPE", "NORP", "ORG", "PERSON", "LOC", "DATE"}
    assert [(e["start"], e["end"]) for e in spacy["ents"]] == [(e["start"], e["end"]) for e in plain["ents"]]
    with pytest.raises(khabar.InputError):
        to_displacy(doc, labels="conll")
