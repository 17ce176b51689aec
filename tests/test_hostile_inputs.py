"""What a hostile or careless user tried, second pass: strings that cannot be encoded, a CSV quote
left open, dates at the ends of the calendar, outputs that are links, FIFOs or inputs, temporary
files planted beside an output, SIGTERM, knowledge-base rows that clash with the built-in ones and
configurations of the wrong shape. Each gives a per-document note, a clear error or the normal
output; none ends a run or writes through something it should not."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import khabar
from khabar.cli import main

TEXT = "Jordan and Japan agreed on Wednesday to expand their cooperation in energy and water."


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


# ---------------------------------------------------------------- strings that cannot be encoded


@pytest.mark.parametrize("field", ["id", "title", "lang", "source"])
def test_a_lone_surrogate_in_a_row_field_is_one_rows_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    bad = '{"id": "b", "text": "%s", "%s": "x\\ud800"}' % (TEXT, field)  # noqa: UP031 (JSON escape)
    feed = write_jsonl(
        tmp_path / "feed.jsonl",
        [json.dumps({"id": "a", "text": TEXT}), bad, json.dumps({"id": "c", "text": TEXT})],
    )
    assert main(["extract", str(feed)]) == 0
    got = records(capsys.readouterr().out)
    assert len(got) == 3
    errors = got[1]["errors"]
    assert [e for e in errors if e["code"] == "bad_encoding" and field in e["message"]]  # type: ignore[index,union-attr]
    assert got[0]["errors"] == got[2]["errors"] == []


def test_a_file_name_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    fd = os.open(os.fsencode(folder) + b"/caf\xe9.txt", os.O_WRONLY | os.O_CREAT)
    os.write(fd, TEXT.encode())
    os.close(fd)
    assert main(["extract", str(folder)]) == 0
    got = records(capsys.readouterr().out)
    assert [d["id"] for d in got] == ["caf\ufffd", "good"]
    assert any(e["code"] == "bad_encoding" and "file name" in e["message"] for e in got[0]["errors"])  # type: ignore[index,union-attr]


def test_lone_surrogates_in_ids_and_lang_from_python() -> None:
    [doc] = khabar.extract([TEXT], ids=["\ud800"])
    assert doc.id == "\ufffd" and any(e.code == "bad_encoding" and "id" in e.message for e in doc.errors)
    [doc] = khabar.extract(TEXT, lang="\ud800")
    assert any(e.code == "bad_encoding" and "lang" in e.message for e in doc.errors)


# ---------------------------------------------------------------- a CSV quote left open


def test_a_csv_quote_left_open_is_reported_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["id,text", f"first,{TEXT}", 'broken,"an opening quote that never closes'] + [
        f"r{i},{TEXT}" for i in range(12_000)
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(f"id,text\nlast,{TEXT}\n", encoding="utf-8")
    assert main(["extract", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert [d["id"] for d in records(out)] == ["first", "last"]
    assert "bad.csv: line 3:" in err and "quote" in err


def test_knowledge_base_csv_rows_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(
        "# source: written for this test\nid,kind,name,title\n#tag,org,Hashtag Group,\n"
        'mira,person,Mira Haddad,"minister\nof water"\n',
        encoding="utf-8",
    )
    rows = khabar.Extractor(entities=path).config["entities"]
    assert [r["id"] for r in rows] == ["#tag", "mira"]
    assert rows[1]["title"] == "minister\nof water"
    broken = tmp_path / "broken.csv"
    broken.write_text(
        'id,kind,name\nok,org,Fine Group\nx,org,"Open Quote\n' + "y,org,Y Group\n" * 12_000, encoding="utf-8"
    )
    with pytest.raises(khabar.InputError, match=r"line 3:.*quote"):
        khabar.Extractor(entities=broken)


# ---------------------------------------------------------------- the ends of the calendar


def test_a_publication_instant_past_year_9999_is_a_note() -> None:
    [doc] = khabar.extract(TEXT, published="9999-12-31T23:00:00-05:00")
    assert [e.code for e in doc.errors] == ["published_out_of_range"]
    frames = khabar.to_frames([doc])
    assert frames["documents"]["published"].isna().all()
    other = "Morocco and Spain opened a new ferry line on Monday."  # another story: no day lent
    df = pd.DataFrame({"text": [TEXT, other], "date": ["9999-12-31T23:00:00-05:00", "2024-03-01"]})
    docs = khabar.extract_frame(df, text="text", published="date")["documents"]
    assert docs["published"].isna().tolist() == [True, False]


def test_zero_time_and_far_future_rows_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zero = write_jsonl(
        tmp_path / "zero.jsonl",
        [json.dumps({"id": f"z{i}", "text": TEXT, "published": "0001-01-01T00:00:00Z"}) for i in range(3)],
    )
    assert main(["extract", str(zero), "--chunk-size", "2"]) == 0
    assert len(records(capsys.readouterr().out)) == 3
    late = "9999-12-31T23:00:00-05:00"
    far = write_jsonl(tmp_path / "far.jsonl", [json.dumps({"id": "f", "text": TEXT, "published": late})])
    out = tmp_path / "out.parquet"
    assert main(["extract", str(far), "--format", "parquet", "--out", str(out)]) == 0
    assert pd.read_parquet(out)["published"].isna().all()


def test_numpy_nat_is_a_missing_date() -> None:
    [doc] = khabar.extract(TEXT, published=np.datetime64("NaT"))
    assert doc.published_source != "metadata"
    assert not [e for e in doc.errors if "NoneType" in e.message or e.code.startswith("published")]


# ---------------------------------------------------------------- where outputs go


def test_an_output_that_is_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", [json.dumps({"id": "a", "text": TEXT})])
    before = feed.read_bytes()
    assert main(["extract", str(feed), "--out", str(feed)]) == 2
    assert "also an input" in capsys.readouterr().err
    assert main(["extract", str(tmp_path), "--out", str(feed)]) == 2  # read from its folder
    assert feed.read_bytes() == before


def test_an_output_link_is_followed_and_kept(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", [json.dumps({"id": "a", "text": TEXT})])
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert main(["extract", str(feed), "--out", str(link)]) == 0
    assert link.is_symlink()
    assert [d["id"] for d in records(target.read_text(encoding="utf-8"))] == ["a"]


def test_an_output_fifo_is_written_into(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", [json.dumps({"id": "a", "text": TEXT})])
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert main(["extract", str(feed), "--out", str(fifo)]) == 0
        data = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert fifo.is_fifo()
    assert [d["id"] for d in records(data.decode())] == ["a"]
    # tables beside a FIFO or a device would be files strewn beside it: refused
    assert main(["extract", str(feed), "--format", "csv", "--out", os.devnull]) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "out.fifo"]


def test_files_planted_where_temporary_outputs_go_are_left_alone(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", [json.dumps({"id": "a", "text": TEXT})])
    victim = tmp_path / "victim"
    victim.write_text("untouched", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    (tmp_path / f".out.jsonl.{os.getpid()}.partial").symlink_to(victim)
    assert main(["extract", str(feed), "--out", str(out)]) == 0
    assert [d["id"] for d in records(out.read_text(encoding="utf-8"))] == ["a"]
    index = tmp_path / "stories.khci"
    mine = tmp_path / "stories.tmp"
    mine.write_text("mine", encoding="utf-8")
    khabar.ClusterIndex().save(index)
    assert mine.read_text(encoding="utf-8") == "mine"
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert len(khabar.ClusterIndex.load(index)) == 0


def test_sigterm_leaves_no_partial_output(tmp_path: Path) -> None:
    feed = write_jsonl(
        tmp_path / "feed.jsonl", [json.dumps({"id": f"r{i}", "text": TEXT}) for i in range(40_000)]
    )
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "khabar", "extract", str(feed), "--out", str(out), "--threads", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # the temporary output exists once the run has started writing
        while proc.poll() is None and not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]:
            os.sched_yield()
        assert proc.poll() is None, proc.communicate()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 143, err
    assert err.strip().splitlines()[-1] == "khabar: terminated"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


# ---------------------------------------------------------------- files and rows that lie


def test_an_index_file_whose_count_is_larger_than_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.khci"
    path.write_bytes(b"KHCI\x00\x03\r\n" + (1 << 20).to_bytes(8, "little"))
    with pytest.raises(khabar.InputError, match="larger than the file"):
        khabar.ClusterIndex.load(path)


def test_user_rows_that_clash_with_built_in_ids_or_name_no_country() -> None:
    with pytest.raises(khabar.InputError, match="built-in country"):
        khabar.Extractor(entities=[{"id": "JOR", "kind": "person", "name": "Jor Smith"}])
    with pytest.raises(khabar.InputError, match="'country'.*XYZ"):
        khabar.Extractor(entities=[{"id": "acme", "kind": "org", "name": "Acme Works", "country": "XYZ"}])


@pytest.mark.parametrize("config", ["[]", "[true]", "null", "3"])
def test_a_configuration_must_be_an_object(config: str) -> None:
    with pytest.raises(khabar.InputError, match="JSON object"):
        khabar.Extractor(config)


def test_a_sentence_said_twice_stays_in_the_body() -> None:
    [doc] = khabar.extract("Jordan and Japan met. Jordan and Japan met. ")
    assert doc.body == "Jordan and Japan met. Jordan and Japan met."
    assert {e.id for e in doc.entities} >= {"JOR", "JPN"}


def test_extracting_does_not_read_the_configuration_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # the configuration holds every user row: parsed again per call, a million rows cost every
    # batch seconds (an empty document took 100 ms)
    ex = khabar.Extractor(entities=[{"id": "atlas", "kind": "org", "name": "Atlas Energy Group"}])

    def parsed_again(self: khabar.Extractor) -> None:
        raise AssertionError("the configuration was parsed again")

    monkeypatch.setattr(khabar.Extractor, "config", property(parsed_again))
    [doc] = ex.extract("Atlas Energy Group signed a contract in Amman on Monday.")
    assert "atlas" in {e.id for e in doc.entities}
