#!/usr/bin/env python3
"""Event-type accuracy of khabar on the English PLOVER diplomacy gold records.

    python scripts/evaluate_events.py [--records ../shared/eval/events/plover_gsr_diplomacy_en.jsonl] [--show N]

Each record is one sentence with its PLOVER event type. The sentence is run through the whole
pipeline as a document of its own; the predicted type is that of the first event khabar codes
(in sentence order), or NONE when it codes none (no trigger, or no actor found: khabar never
emits an event without an actor). Prints the accuracy, the coverage (records with any event)
and a confusion table (gold rows, predicted columns). Skips with a message when the records are
not there (they live outside this repository).
"""
import argparse
import collections
import json
import pathlib
import sys

DEFAULT = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "events" / "plover_gsr_diplomacy_en.jsonl"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    a = ap.parse_args()
    path = pathlib.Path(a.records)
    if not path.exists():
        print(f"skipped: {path} not found (the PLOVER records are not part of this repository)")
        return 0
    import khabar._core as core

    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ex = core.Extractor()
    docs = [json.loads(d) for d in ex.extract([(r["id"], r["text"], None, "en", []) for r in recs])]
    confusion = collections.Counter()
    misses = []
    for r, d in zip(recs, docs):
        events = sorted(d.get("events") or [], key=lambda e: e["start"])
        pred = events[0]["type"] if events else "NONE"
        confusion[(r["plover_event"], pred)] += 1
        if pred != r["plover_event"]:
            misses.append((r["plover_event"], pred, r["text"]))
    n = len(recs)
    ok = sum(v for (g, p), v in confusion.items() if g == p)
    covered = sum(v for (g, p), v in confusion.items() if p != "NONE")
    print(f"records {n}  accuracy {ok / n:.3f}  coverage {covered / n:.3f}  accuracy where coded {ok / max(covered, 1):.3f}")
    golds = sorted({g for g, _ in confusion})
    preds = sorted({p for _, p in confusion})
    w = max(len(x) for x in golds + preds) + 1
    print("gold \\ pred".ljust(w + 2) + "".join(p.rjust(w) for p in preds))
    for g in golds:
        print(g.ljust(w + 2) + "".join(str(confusion.get((g, p), 0)).rjust(w) for p in preds))
    for g, p, t in misses[: a.show]:
        print(f"  {g} -> {p}: {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
