"""The command line streams: JSON Lines, CSV and Parquet inputs read, extracted and written chunk by
chunk, clusters per chunk or across chunks and runs through --cluster-index, and memory bounded
whatever the size of the input (a file several times larger than a memory limit set for the test)."""

from __future__ import annotations

import csv
import json
import resource
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from stories import GRID, GRID_REPOST, WHEAT

import khabar
from khabar.cli import main
from khabar.synthetic import generate

# A story and its re-post under other clutter, and unrelated items (written for these tests).
STORM = (
    "عاصفة تغلق موانئ على ساحل البحر الأحمر\n\nجدة - أغلقت السلطات ثلاثة موانئ يوم الثلاثاء مع تحرك عاصفة "
    "على طول الساحل، بحسب بيان لهيئة الموانئ."
)

ROWS = [
    {"id": "grid", "text": GRID, "published": "2024-03-03"},
    {"id": "wheat", "text": WHEAT, "published": "2024-03-04"},
    {"id": "storm", "text": STORM, "published": "2024-03-05"},
    {"id": "repost", "text": GRID_REPOST, "published": "2024-03-03"},
    {"id": "storm-2", "text": STORM + "\n\nشارك هذا المقال", "published": "2024-03-05"},
]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def groups(records: list[dict[str, Any]]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for r in records:
        by.setdefault(r["cluster"], set()).add(r["id"])
    return {frozenset(g) for g in by.values()}


def test_chunks_give_the_documents_of_one_batch(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "feed.jsonl", ROWS)
    whole, chunked = tmp_path / "whole.jsonl", tmp_path / "chunked.jsonl"
    assert main(["extract", str(src), "--out", str(whole)]) == 0
    assert main(["extract", str(src), "--out", str(chunked), "--chunk-size", "2"]) == 0
    a, b = read_jsonl(whole), read_jsonl(chunked)
    assert [r["id"] for r in b] == [r["id"] for r in ROWS]
    strip = [{k: v for k, v in r.items() if k != "cluster"} for r in a]
    assert [{k: v for k, v in r.items() if k != "cluster"} for r in b] == strip
    # one batch: the re-posts join their stories; in chunks of two the re-posts fall in later
    # chunks than their stories and still join them, through the run's own index
    assert groups(a) == {frozenset({"grid", "repost"}), frozenset({"storm", "storm-2"}), frozenset({"wheat"})}
    assert groups(b) == groups(a)
    indexed = tmp_path / "indexed.jsonl"
    index = tmp_path / "stories.khci"
    assert (
        main(["extract", str(src), "--out", str(indexed), "--chunk-size", "2", "--cluster-index", str(index)])
        == 0
    )
    assert groups(read_jsonl(indexed)) == groups(a)
    assert index.exists()


def test_the_cluster_index_carries_stories_across_runs(tmp_path: Path) -> None:
    index = tmp_path / "stories.khci"
    monday = write_jsonl(tmp_path / "monday.jsonl", ROWS[:3])
    tuesday = write_jsonl(tmp_path / "tuesday.jsonl", ROWS[3:4])
    out1, out2 = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert main(["extract", str(monday), "--out", str(out1), "--cluster-index", str(index)]) == 0
    assert main(["extract", str(tuesday), "--out", str(out2), "--cluster-index", str(index)]) == 0
    [grid] = [r for r in read_jsonl(out1) if r["id"] == "grid"]
    [repost] = read_jsonl(out2)
    assert repost["cluster"] == grid["cluster"]


def test_a_broken_cluster_index_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "feed.jsonl", ROWS[:1])
    bad = tmp_path / "stories.khci"
    bad.write_bytes(b"not an index")
    assert main(["extract", str(src), "--cluster-index", str(bad)]) == 1
    assert "cluster index" in capsys.readouterr().err


def test_csv_streamed_in_chunks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "feed.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "published"])
        w.writeheader()
        w.writerows(ROWS)
    # a stray invalid byte: replaced, and reported once
    src.write_bytes(src.read_bytes().replace(b"Amman.", b"Amman\xff.", 1))
    out = tmp_path / "result.csv"
    assert main(["extract", str(src), "--format", "csv", "--out", str(out), "--chunk-size", "2"]) == 0
    assert capsys.readouterr().err.count("invalid UTF-8 replaced") == 1
    with out.open(encoding="utf-8", newline="") as f:
        docs = list(csv.DictReader(f))
    assert [d["doc_id"] for d in docs] == [r["id"] for r in ROWS]
    with (tmp_path / "result.entities.csv").open(encoding="utf-8", newline="") as f:
        entities = list(csv.DictReader(f))
    assert {e["doc_id"] for e in entities} >= {"grid", "wheat", "repost"}
    assert (tmp_path / "result.entities.csv").read_text(encoding="utf-8").count("doc_id,") == 1  # one header


def test_parquet_read_in_batches_and_written_in_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    import khabar

    monkeypatch.setattr("khabar.cli.PARQUET_BATCH", 2)
    src = tmp_path / "feed.parquet"
    frame = pd.DataFrame(ROWS)
    frame["published"] = pd.to_datetime(frame["published"])
    frame["html"] = "<html>ignored</html>"
    frame.to_parquet(src, row_group_size=3)
    out = tmp_path / "res.parquet"
    assert main(["extract", str(src), "--format", "parquet", "--out", str(out), "--chunk-size", "2"]) == 0
    assert pq.ParquetFile(out).num_row_groups == 3  # one per chunk
    docs = pd.read_parquet(out)
    assert docs["doc_id"].tolist() == [r["id"] for r in ROWS]
    expected = khabar.to_frames(khabar.extract([r["text"] for r in ROWS], ids=[r["id"] for r in ROWS]))
    assert dict(docs.dtypes) == dict(expected["documents"].dtypes)
    mentions = pd.read_parquet(tmp_path / "res.mentions.parquet")
    assert dict(mentions.dtypes) == dict(expected["mentions"].dtypes)
    assert set(mentions["doc_id"]) >= {"grid", "wheat"}


# ---------------------------------------------------------------- memory

# Runs the command line, then reports the process's peak address space on stderr. CHUNK_CHARS can
# be raised to read the whole input as one chunk (the control run, which must not fit).
RUNNER = textwrap.dedent(
    """
    import sys
    import khabar.cli
    if len(sys.argv) > 1 and sys.argv[1] == "--one-chunk":
        khabar.cli.CHUNK_CHARS = 10**12
        sys.argv.pop(1)
    code = khabar.cli.main(sys.argv[1:])
    peak = [l.split()[1] for l in open("/proc/self/status") if l.startswith("VmPeak")]
    print("peak-kb", *peak, file=sys.stderr)
    sys.exit(code)
    """
)
HEADROOM = 64 << 20  # what the limit allows above the peak of a run over a tiny input
ENV = {"MALLOC_ARENA_MAX": "2", "PYTHONUNBUFFERED": "1"}  # fewer, steadier malloc reservations


def run_limited(
    args: list[str], limit: int | None, tmp_path: Path, one_chunk: bool = False
) -> tuple[int, int, int, str]:
    """Exit code, output lines, peak address space (bytes) and stderr of a run of the command line
    under an address-space limit; the output is counted as it streams, never held."""
    import os

    def limit_memory() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    cmd = [sys.executable, "-c", RUNNER, *(["--one-chunk"] if one_chunk else []), *args]
    err_path = tmp_path / "stderr.txt"
    with err_path.open("wb") as err:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=err, env={**os.environ, **ENV}, preexec_fn=limit_memory
        )
        assert proc.stdout is not None
        lines = sum(1 for _ in proc.stdout)
        code = proc.wait(timeout=600)
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    peaks = [int(line.split()[1]) * 1024 for line in stderr.splitlines() if line.startswith("peak-kb ")]
    return code, lines, peaks[0] if peaks else 0, stderr


@pytest.mark.skipif(sys.platform != "linux", reason="reads the peak from /proc and limits RLIMIT_AS")
def test_a_file_several_times_larger_than_the_memory_limit(tmp_path: Path) -> None:
    # The baseline: the same command over a tiny input.
    tiny = write_jsonl(tmp_path / "tiny.jsonl", ROWS)
    args = ["extract", "--threads", "2", "--chunk-size", "100"]
    code, lines, base, err = run_limited([*args, str(tiny)], None, tmp_path)
    assert code == 0 and lines == len(ROWS) and base > 0, err
    limit = base + HEADROOM

    # News-like rows (synthetic, both languages), each with a bulky field that crawl exports carry
    # and the command line does not use: the file is several times what the limit leaves free. The
    # texts alone are what one chunk holds: enough of them (3.5 million characters a language) that
    # the control below exceeds the limit by a clear margin, not by the allocator's last megabyte.
    big = tmp_path / "crawl.jsonl"
    padding = "<div class='ad'>" + "x" * 100_000 + "</div>"
    n = 0
    with big.open("w", encoding="utf-8") as f:
        for en, ar in zip(generate("en", 3_500_000), generate("ar", 3_500_000), strict=False):
            for rec in (en, ar):
                f.write(
                    json.dumps({"id": rec["id"], "text": rec["text"], "html": padding}, ensure_ascii=False)
                )
                f.write("\n")
            n += 2
    assert big.stat().st_size > 4 * HEADROOM

    code, lines, peak, err = run_limited([*args, str(big)], limit, tmp_path)
    assert code == 0, err[-2000:]
    assert lines == n
    assert peak <= limit

    # The control: the same input as one chunk does not fit under the limit, so the limit bites.
    one_chunk = ["extract", "--threads", "2", "--chunk-size", str(10 * n), str(big)]
    code, lines, _, err = run_limited(one_chunk, limit, tmp_path, one_chunk=True)
    assert code != 0 and lines < n, "one chunk of everything should not fit under the limit"


def test_a_progress_bar_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    import io

    src = write_jsonl(tmp_path / "feed.jsonl", ROWS)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--out", str(out), "--chunk-size", "2"]) == 0
    assert "doc" not in capsys.readouterr().err  # not a terminal: no bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["extract", str(src), "--out", str(out), "--chunk-size", "2"]) == 0
    drawn = term.getvalue()
    assert "khabar" in drawn and "5doc" in drawn.replace(" ", "")


def test_the_runs_own_index_forgets_stories_a_month_older_than_the_newest_report() -> None:
    from khabar.cli import RUN_INDEX_DAYS, _forget_old_stories

    index = khabar.ClusterIndex()
    khabar.extract([GRID, WHEAT, STORM], published=["2024-03-03", "2024-03-04", None], cluster_index=index)
    assert len(index) == 3
    later = khabar.extract([STORM], published=["2024-04-20"])
    assert RUN_INDEX_DAYS == 30
    assert _forget_old_stories(index, later, "2024-03-04") == "2024-04-20"
    # the dated March stories are gone; the undated one may still be joined
    assert len(index) == 1
    assert _forget_old_stories(index, [], "2024-04-20") == "2024-04-20"
