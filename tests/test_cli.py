"""The command line: khabar extract and khabar demo."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import khabar
from khabar.cli import main

EN = """Iraq, Kuwait hold border committee meeting

Sat, 08 Apr 2023 - 09:15 GMT

KUWAIT CITY - The joint Iraqi-Kuwaiti committee met on Friday to discuss the maritime border.

"Dialogue is the only way," the Iraqi undersecretary said.

Leave a Comment
"""

AR = """اللجنة العراقية الكويتية تبحث ترسيم الحدود البحرية

السبت ٨ أبريل ٢٠٢٣ - ٠٩:١٥ ص

عقدت اللجنة العراقية الكويتية المشتركة اجتماعها الثامن فى مدينة الكويت أمس الجمعة.

الأكثر قراءة
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]], str]:
    code = main(args)
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    return code, records, err


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "b_kuwait_en.txt").write_text(EN, encoding="utf-8")
    (d / "a_kuwait_ar.txt").write_text(AR, encoding="utf-8")
    (d / "notes.md").write_text("not an article", encoding="utf-8")
    return d


def test_extract_folder_to_jsonl(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, records, err = run(["extract", str(folder)], capsys)
    assert code == 0
    assert err == ""  # no progress bar when stderr is not a terminal
    assert [r["id"] for r in records] == ["a_kuwait_ar", "b_kuwait_en"]  # sorted, .md skipped
    assert [r["lang"] for r in records] == ["ar", "en"]
    assert records[1]["title"] == "Iraq, Kuwait hold border committee meeting"
    assert records[1]["published"].startswith("2023-04-08")
    assert records[1]["published_source"] == "text"
    assert set(records[0]) >= {"entities", "dates", "quotes", "events", "boilerplate", "errors", "cluster"}


def test_reference_dates_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "now.txt"
    path.write_text("Talks are under way now, the envoy said on Friday.", encoding="utf-8")
    args = ["extract", str(path), "--published", "2023-04-08"]
    _, [plain], _ = run(args, capsys)
    assert [d["grain"] for d in plain["dates"]] == ["day"]
    _, [asked], _ = run([*args, "--reference-dates"], capsys)
    found = [(d["text"], d["value"]) for d in asked["dates"]]
    assert found == [("now", "PRESENT_REF"), ("Friday", "2023-04-07")]


def test_jsonl_output_keeps_arabic_and_goes_to_out(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder / "a_kuwait_ar.txt"), "--out", str(out)]) == 0
    raw = out.read_text(encoding="utf-8")
    assert "اللجنة العراقية الكويتية" in raw  # not \u-escaped
    [record] = [json.loads(line) for line in raw.splitlines()]
    assert record["id"] == "a_kuwait_ar"


def test_jsonl_input_with_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {
            "id": "kw-1",
            "text": EN,
            "published": "2023-04-09",
            "source": "Gulf Today",
            "url": "https://x.test/1",
        },
        {"text": AR, "title": "اجتماع اللجنة المشتركة", "lang": "ar"},
        {"id": 17, "text": None},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text(
        lines[0] + "\n\n" + lines[1] + "\n{not json\n[1, 2]\n" + lines[2] + "\n", encoding="utf-8"
    )
    code, records, err = run(["extract", str(path)], capsys)
    assert code == 0 and err == ""
    assert [r["id"] for r in records] == ["kw-1", "feed:3", "feed:4", "feed:5", "17"]
    first = records[0]
    assert first["published"] == "2023-04-09" and first["published_source"] == "metadata"
    assert first["source"] == "Gulf Today" and first["url"] == "https://x.test/1"
    assert records[1]["title"] == "اجتماع اللجنة المشتركة" and records[1]["title_span"] is None
    assert [e["code"] for e in records[2]["errors"]] == ["bad_json"]
    assert records[3]["errors"] == [{"code": "bad_json", "message": "line 5 is not a JSON object"}]
    assert [e["code"] for e in records[4]["errors"]] == ["missing_text"]


def test_csv_input_and_output_tables(tmp_path: Path) -> None:
    src = tmp_path / "articles.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "body", "published"])
        w.writerow(["en-1", EN, ""])
        w.writerow(["", AR, "2023-04-08"])
    out = tmp_path / "result.csv"
    assert main(["extract", str(src), "--format", "csv", "--text-column", "body", "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["doc_id"] for r in rows] == ["en-1", "articles:2"]
    assert rows[1]["published_source"] == "metadata" and rows[1]["lang"] == "ar"
    assert json.loads(rows[0]["errors"]) == []
    for table in ("entities", "mentions", "dates", "quotes", "events"):
        side = tmp_path / f"result.{table}.csv"
        assert side.exists(), table
        header = side.read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("doc_id,")


def test_csv_to_stdout_and_missing_text_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.csv"
    src.write_text("id,text\nx1,Short report from Rabat.\n", encoding="utf-8")
    bad = tmp_path / "b.csv"
    bad.write_text("id,content\nx2,hello\n", encoding="utf-8")
    code = main(["extract", str(src), str(bad), "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[0].startswith("doc_id,lang,title,published")
    assert out.splitlines()[1].startswith("x1,")
    assert len(err.strip().splitlines()) == 2  # the failure, then the closing count
    assert str(bad) in err and "'text'" in err


def test_parquet_input_and_output(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    src = tmp_path / "feed.parquet"
    pd.DataFrame(
        {"id": ["p1", "p2"], "text": [EN, AR], "published": [pd.Timestamp("2023-04-09"), pd.NaT]}
    ).to_parquet(src)
    out = tmp_path / "res.parquet"
    assert main(["extract", str(src), "--format", "parquet", "--out", str(out)]) == 0
    docs = pd.read_parquet(out)
    assert docs["doc_id"].tolist() == ["p1", "p2"]
    assert docs.loc[0, "published_source"] == "metadata"
    assert docs.loc[1, "published_source"] == "text"
    assert (tmp_path / "res.entities.parquet").exists()
    assert main(["extract", str(src), "--format", "parquet"]) == 2  # parquet needs --out


def test_missing_file_is_reported_and_others_processed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = folder / "nope.txt"
    code, records, err = run(
        ["extract", str(missing), str(folder / "b_kuwait_en.txt"), str(folder / "notes.md")], capsys
    )
    assert code == 1
    assert [r["id"] for r in records] == ["b_kuwait_en"]
    lines = err.strip().splitlines()
    assert lines[0] == f"khabar: error: {missing}: no such file or folder"
    assert lines[1].startswith(f"khabar: error: {folder / 'notes.md'}: unsupported file type")
    assert "2 input(s) could not be read" in lines[2]


def test_binary_file_as_txt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blob = tmp_path / "scan.txt"
    blob.write_bytes(bytes(range(256)) * 40 + b"\n\nAMMAN - Jordan and Japan met.")
    good = tmp_path / "zz.txt"
    good.write_text(EN, encoding="utf-8")
    code, records, err = run(["extract", str(tmp_path)], capsys)
    assert code == 0 and err == ""
    assert [r["id"] for r in records] == ["scan", "zz"]
    assert [e["code"] for e in records[0]["errors"]] == ["bad_encoding"]
    assert records[1]["errors"] == []


def test_threads_option(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, one, _ = run(["extract", str(folder), "--threads", "1"], capsys)
    assert code == 0
    code, two, _ = run(["extract", str(folder), "--threads", "2"], capsys)
    assert one == two
    with pytest.raises(SystemExit) as info:
        main(["extract", str(folder), "--threads", "0"])
    assert info.value.code == 2


def test_demo_prints_every_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for name in khabar.samples():
        assert f"== {name}" in out
    assert "الأردن واليابان توقعان مذكرة تفاهم لتحلية المياه في العقبة" in out
    assert "language   ar" in out and "language   en" in out


def test_module_entry_point_and_version(folder: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", str(folder / "b_kuwait_en.txt")],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert json.loads(proc.stdout)["id"] == "b_kuwait_en"
    proc = subprocess.run([sys.executable, "-m", "khabar", "--version"], capture_output=True, timeout=60)
    assert proc.stdout.decode().strip() == f"khabar {khabar.__version__}"
    proc = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", str(folder / "gone.txt")], capture_output=True
    )
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith("khabar: error: ")


# Two reports of one story (a meeting between two states, in English and in Arabic) and one other.
STORY = [
    {
        "id": "en-1",
        "text": "Jordan and Egypt hold talks in Amman\n\nAMMAN, March 4, 2024 - Jordanian Foreign Minister "
        "Ayman Safadi met Egyptian Foreign Minister Sameh Shoukry in Amman on Monday to discuss the war "
        'in Gaza.\n\n"We agreed to work together," Safadi said.',
        "published": "2024-03-04T10:00:00+02:00",
        "source": "Jordan Times",
    },
    {
        "id": "ar-1",
        "text": "الأردن ومصر يبحثان الحرب في غزة\n\nعمان 4 آذار 2024 - التقى وزير الخارجية الأردني أيمن "
        "الصفدي وزير الخارجية المصري سامح شكري في عمان يوم الاثنين لبحث الحرب في غزة.",
        "published": "2024-03-04",
        "source": "Petra",
    },
    {
        "id": "en-3",
        "text": "Morocco wins football match\n\nRABAT - Morocco beat Ghana 2-0 in a friendly on Tuesday.",
        "published": "2024-03-05",
    },
]


def _story_feed(tmp_path: Path) -> Path:
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in STORY), encoding="utf-8")
    return src


def _api_frames(src: Path, tmp_path: Path, *options: str) -> dict[str, Any]:
    """What ``khabar.to_frames`` gives for the documents the command line writes as JSON Lines."""
    out = tmp_path / "docs.jsonl"
    assert main(["extract", str(src), "--out", str(out), *options]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    return khabar.to_frames([khabar.Document.from_json(line) for line in lines])


def _csv_text(value: Any) -> str:
    """A value of a DataFrame as the CSV output writes it."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if value is None or str(value) in ("<NA>", "NaT", "nan"):
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def test_csv_output_has_event_actors_and_clusters(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    src = _story_feed(tmp_path)
    expected = _api_frames(src, tmp_path)
    out = tmp_path / "run.csv"
    assert main(["extract", str(src), "--format", "csv", "--out", str(out)]) == 0
    for table in ("event_actors", "clusters"):
        frame = expected[table]
        with (tmp_path / f"run.{table}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            assert next(reader) == list(frame.columns), table
            rows = list(reader)
        assert rows == [[_csv_text(v) for v in row] for row in frame.itertuples(index=False)], table
    clusters = expected["clusters"]
    assert clusters.loc[0, "size"] == 2 and list(clusters.loc[0, "languages"]) == ["ar", "en"]
    assert {"JOR", "EGY"} <= set(expected["event_actors"]["country"].dropna())
    sides = ("entities", "mentions", "dates", "quotes", "events", "event_actors", "clusters")
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("run."))
    assert written == sorted(["run.csv", *(f"run.{t}.csv" for t in sides)])  # no temporary left


def _plain(frame: Any) -> Any:
    """A frame whose list columns (read back from Parquet as arrays) hold lists."""
    return frame.assign(**{c: frame[c].map(list) for c in ("languages", "outlets") if c in frame.columns})


def test_parquet_output_has_event_actors_and_clusters(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    src = _story_feed(tmp_path)
    expected = _api_frames(src, tmp_path)
    out = tmp_path / "run.parquet"
    assert main(["extract", str(src), "--format", "parquet", "--out", str(out)]) == 0
    for table in ("event_actors", "clusters"):
        written = pd.read_parquet(tmp_path / f"run.{table}.parquet")
        assert dict(written.dtypes) == dict(expected[table].dtypes), table
        pd.testing.assert_frame_equal(_plain(written), _plain(expected[table]))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_clusters_span_chunks(tmp_path: Path, fmt: str) -> None:
    """A story whose reports come in different chunks is one row of the clusters table, written at
    the end of the run; its why, given within a chunk, is empty."""
    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    src = _story_feed(tmp_path)
    expected = _api_frames(src, tmp_path, "--chunk-size", "1")["clusters"]
    out = tmp_path / f"run.{fmt}"
    assert main(["extract", str(src), "--format", fmt, "--out", str(out), "--chunk-size", "1"]) == 0
    path = tmp_path / f"run.clusters.{fmt}"
    if fmt == "csv":
        written = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert written["size"].tolist() == ["2", "1"]
        assert written["cluster"].tolist() == expected["cluster"].tolist()
        assert written["title"].tolist() == [_csv_text(v) for v in expected["title"]]
        assert written["why"].tolist() == ["", ""]
    else:
        written = _plain(pd.read_parquet(path))
        assert written["why"].isna().all()
        columns = [c for c in expected.columns if c != "why"]
        pd.testing.assert_frame_equal(written[columns], _plain(expected)[columns])


def test_csv_without_pandas_writes_the_tables_but_clusters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("khabar.cli._have_pandas", lambda: False)
    out = tmp_path / "run.csv"
    assert main(["extract", str(_story_feed(tmp_path)), "--out", str(out)]) == 0
    assert "no clusters table is written" in capsys.readouterr().err
    assert (tmp_path / "run.event_actors.csv").exists() and not (tmp_path / "run.clusters.csv").exists()
