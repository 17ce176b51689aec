"""The seed articles of ../shared, scored by the shared scorer, must not fall below a floor.

``seed_floor.json`` holds, per scorer row, the lowest value accepted (F1 for the extraction rows,
accuracy for the others; ``null`` where the row is not gated). Raise a floor when the extractor
gets better; never lower one to make a change pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FLOOR_FILE = Path(__file__).with_name("seed_floor.json")


def headline(row: dict[str, Any]) -> float | None:
    value = row["f1"] if "f1" in row else row["acc"]
    return None if value is None else float(value)


@pytest.fixture(scope="module")
def scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    seeds = shared / "corpus" / "seeds"
    proc = subprocess.run(
        [sys.executable, "-m", "khabar", "extract", str(seeds), "--format", "jsonl", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score.py"),
            "--gold",
            str(shared / "gold" / "seeds"),
            "--texts",
            str(seeds),
            "--pred",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


@pytest.mark.shared
def test_every_seed_is_extracted(scores: dict[str, Any]) -> None:
    assert scores["missing_documents"] == []


@pytest.mark.shared
def test_offsets_are_always_valid(scores: dict[str, Any]) -> None:
    row = scores["offsets_valid"]
    assert row["acc"] is None or row["acc"] == 1.0, row


@pytest.mark.shared
def test_scores_stay_above_the_floor(scores: dict[str, Any]) -> None:
    floor: dict[str, float | None] = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    rows = {k: v for k, v in scores.items() if isinstance(v, dict)}
    assert set(floor) == set(rows), "seed_floor.json must list every row of the scorer"
    below = []
    for name, minimum in floor.items():
        value = headline(rows[name])
        if minimum is not None and (value is None or value < minimum - 1e-9):
            below.append(f"{name}: {value} < floor {minimum}")
    assert not below, "below the seed floor:\n" + "\n".join(below)
