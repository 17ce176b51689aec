#!/usr/bin/env python3
"""Calibrate the same-story threshold on real and made-up pairs, by the precision-recall curve.

Two batches are extracted without clustering and every pair of each is scored as clustering
scores it (`khabar.explain_cluster`: the evidence gate, the publication window, the weighted
overlap of their facts, and near-duplicate bodies):
  - the development set: texts NAME.txt in a folder, publication days and gold story ids read
    from its index.tsv (columns file, lang, publication_date, group_id) at run time;
  - made-up reports written for the tests (tests/story_pairs.py), in both languages, with hard
    negatives: the same ministers a week apart, a first and a second wave of strikes, one
    minister's two meetings on one day.

For each threshold, pairs at or above it (or near-duplicates) are joined and closed under
transitivity, as clustering does (without its best-first order and window span, which only ever
split more), and pairwise precision, recall and F1 are printed per batch as a Markdown table,
followed by the threshold chosen: the best development-set F1 with precision ≥ 0.98 on both
batches, the middle of the best plateau.

Usage: python scripts/calibrate_clusters.py --index DEVSET/index.tsv [--texts .devset] [--pairs]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import pathlib
import sys
from collections.abc import Sequence

import khabar
from khabar.explain import explain_pairs

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from story_pairs import REPORTS  # noqa: E402

THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 17)]


def devset(index: pathlib.Path, texts: pathlib.Path) -> tuple[list[khabar.Document], list[str]]:
    rows = list(csv.DictReader(index.open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if (texts / r["file"]).exists()]
    extractor = khabar.Extractor({"no_cluster": True})
    docs = extractor.extract(
        [(texts / r["file"]).read_text(encoding="utf-8") for r in rows],
        ids=[pathlib.Path(r["file"]).stem for r in rows],
        published=[r["publication_date"] or None for r in rows],
    )
    return docs, [r["group_id"] for r in rows]


def made_up() -> tuple[list[khabar.Document], list[str]]:
    extractor = khabar.Extractor({"no_cluster": True})
    docs = extractor.extract(
        [r[3] for r in REPORTS], ids=[r[0] for r in REPORTS], published=[r[2] for r in REPORTS]
    )
    return docs, [r[1] for r in REPORTS]


def scored_pairs(docs: Sequence[khabar.Document]) -> list[tuple[int, int, float]]:
    """Every pair with its strength: a near-duplicate above any score, ruled-out pairs at -1."""
    out = []
    pairs = list(itertools.combinations(range(len(docs)), 2))
    for (a, b), e in zip(pairs, explain_pairs(docs, pairs), strict=True):
        dup = e["near_duplicate"] is not None and e["near_duplicate"] >= 0.8
        out.append((a, b, 2.0 if dup else (e["score"] if e["score"] is not None else -1.0)))
    return out


def pairwise(
    n: int, pairs: list[tuple[int, int, float]], gold: list[str], t: float
) -> tuple[float, float, float]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, s in sorted(pairs, key=lambda p: -p[2]):
        if s >= t:
            parent[find(a)] = find(b)
    tp = fp = fn = 0
    for a, b in itertools.combinations(range(n), 2):
        same, want = find(a) == find(b), gold[a] == gold[b]
        tp += same and want
        fp += same and not want
        fn += want and not same
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=pathlib.Path, required=True, help="the development set's index.tsv")
    ap.add_argument("--texts", type=pathlib.Path, default=pathlib.Path(".devset"), help="folder of NAME.txt")
    ap.add_argument(
        "--pairs", action="store_true", help="also list the development-set pairs near the threshold"
    )
    args = ap.parse_args()
    batches = {"development set": devset(args.index, args.texts), "made-up pairs": made_up()}
    scored = {name: (scored_pairs(docs), gold, len(docs)) for name, (docs, gold) in batches.items()}
    print("| threshold | " + " | ".join(f"{name} P / R / F1" for name in scored) + " |")
    print("|---|" + "---|" * len(scored))
    curve = []
    for t in THRESHOLDS:
        figures = {name: pairwise(n, pairs, gold, t) for name, (pairs, gold, n) in scored.items()}
        curve.append((t, figures))
        cells = " | ".join(f"{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in figures.values())
        print(f"| {t:.2f} | {cells} |")
    ok = [(t, f["development set"][2]) for t, f in curve if all(p >= 0.98 for p, _, _ in f.values())]
    if ok:
        best = max(f for _, f in ok)
        plateau = [t for t, f in ok if f == best]
        chosen = plateau[len(plateau) // 2]
        span = f"{plateau[0]:.2f}–{plateau[-1]:.2f}"
        print(f"\nchosen threshold: {chosen:.2f} (development-set F1 {best:.3f}; plateau {span})")
    if args.pairs:
        docs, gold = batches["development set"]
        pairs, _, _ = scored["development set"]
        for a, b, s in sorted(pairs, key=lambda p: -p[2]):
            if 0.1 <= s < 2.0:
                mark = "same" if gold[a] == gold[b] else "diff"
                print(f"{s:.3f} {mark} {docs[a].id} {docs[b].id}")


if __name__ == "__main__":
    main()
