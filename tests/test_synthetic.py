"""The synthetic benchmark corpus (khabar.synthetic, scripts/gen_corpus.py) and `khabar bench`
falling back to it when there is no real corpus."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import islice
from pathlib import Path

import khabar
from khabar.synthetic import generate, write_corpus

ROOT = Path(__file__).resolve().parent.parent


def test_news_like_records_in_both_languages() -> None:
    for lang, script in (("en", r"[A-Za-z]"), ("ar", r"[\u0621-\u064a]")):
        recs = list(generate(lang, 200_000))
        sizes = [len(r["text"].encode("utf-8")) for r in recs]
        assert 200_000 <= sum(sizes) < 210_000
        assert 600 < sum(sizes) / len(sizes) < 4000  # news-length documents
        assert len({r["id"] for r in recs}) == len(recs)
        for r in recs[:20]:
            assert r["lang"] == lang and r["text"].startswith(r["title"] + "\n\n")
            assert len(re.findall(script, r["text"])) > 200
            assert '"' in r["text"]  # a quotation
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])


def test_the_same_seed_gives_the_same_corpus_and_generation_is_lazy() -> None:
    assert list(generate("ar", 50_000, seed=3)) == list(generate("ar", 50_000, seed=3))
    assert list(generate("ar", 50_000, seed=3)) != list(generate("ar", 50_000, seed=4))
    assert len(list(islice(generate("en", 10**12), 3))) == 3


def test_stories_are_told_by_several_outlets() -> None:
    recs = list(generate("en", 60_000))
    docs = khabar.extract(
        [r["text"] for r in recs], ids=[r["id"] for r in recs], published=[r["date"] for r in recs]
    )
    sizes: dict[str | None, int] = {}
    for d in docs:
        sizes[d.cluster] = sizes.get(d.cluster, 0) + 1
    assert max(sizes.values()) >= 2  # some stories are clustered
    assert len(sizes) > len(docs) // 4  # and most are not one big cluster
    assert sum(len(d.entities) for d in docs) > 3 * len(docs)


def test_gen_corpus_script_writes_a_bench_corpus(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), str(out), "--mb", "0.05"], check=True
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "bench_gazetteer.tsv",
        "synthetic_ar.jsonl",
        "synthetic_en.jsonl",
    ]
    rows = (out / "bench_gazetteer.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "lang\ttype\tsource\tsurface" and len(rows) == 10_001
    first = json.loads((out / "synthetic_ar.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"id", "lang", "source", "date", "title", "text"}
    assert write_corpus(tmp_path / "again", 0.05) == tmp_path / "again"


def test_bench_uses_a_synthetic_corpus_when_there_is_none(tmp_path: Path) -> None:
    # run from a folder with no ../shared/eval/corpus beside it
    cwd = tmp_path / "work"
    cwd.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "khabar", "bench", "--max-mb", "0.03", "--repeat", "1", "--no-peers"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "using a synthetic one" in proc.stderr
    assert "== ar:" in proc.stdout and "== en:" in proc.stdout
    assert "pipeline (no clustering)" in proc.stdout
    # the memory probe ran in its own process and reported its own peak, not the parent's
    peaks = re.findall(r"peak memory: ([\d,]+) MB for", proc.stdout)
    assert len(peaks) == 2 and all(0 < int(p.replace(",", "")) < 2000 for p in peaks), proc.stdout
