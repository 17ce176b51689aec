#!/usr/bin/env python3
"""Print a reproducible sample of coded events with their sentences, for a reader to judge by hand.

    python scripts/sample_events.py [--corpus ../shared/eval/corpus] [--per-lang 25] [--docs 600]

For each language file of the benchmark corpus (``ar_*.jsonl``, ``en_*.jsonl``, one article per
line), every k-th of its articles is taken so that ``--docs`` of them are spread over the whole
file; their events are extracted in document order, and every j-th event is printed so that
``--per-lang`` are spread over the list. The same build gives the same sample; two builds give
samples drawn the same way from the same articles, so their counts of right events compare.

Each event prints with its type, mode, trigger, source and target (entity id and name) and the
sentence it was coded from. The reader marks each right or wrong in type, source and target; an
event is right when all three are. Nothing is written: the corpus text stays outside the
repository. Skips with a message when the corpus is not there.
"""

import argparse
import json
import pathlib
import sys
from typing import Any

DEFAULT = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "corpus"


def spread(items: list[Any], n: int) -> list[Any]:
    """``n`` items (or all, if fewer) taken at an even stride over ``items``, first one first."""
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def names(doc: dict[str, Any], ids: list[str]) -> str:
    by_id = {e["id"]: e["name"] for e in doc.get("entities") or []}
    return ", ".join(f"{i} ({by_id[i]})" if i in by_id and by_id[i] != i else i for i in ids) or "-"


def sample(path: pathlib.Path, per_lang: int, docs: int) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(article text, document record, event) for the events drawn from one corpus file."""
    import khabar

    lines = path.read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in spread([x for x in lines if x.strip()], docs)]
    extracted = khabar.extract([a["text"] for a in articles], ids=[a["id"] for a in articles], n_threads=2)
    records = [x.to_dict() for x in extracted]
    events = [(a["text"], d, e) for a, d in zip(articles, records, strict=True) for e in d["events"]]
    return spread(events, per_lang)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--per-lang", type=int, default=25, help="events printed per language")
    ap.add_argument("--docs", type=int, default=600, help="articles read per language")
    a = ap.parse_args()
    corpus = pathlib.Path(a.corpus)
    files = sorted(corpus.glob("ar_*.jsonl")) + sorted(corpus.glob("en_*.jsonl"))
    if not files:
        print(f"skipped: no ar_*.jsonl or en_*.jsonl in {corpus} (the corpus is not part of this repository)")
        return 0
    n = 0
    for path in files:
        print(f"## {path.name}")
        for text, doc, e in sample(path, a.per_lang, a.docs):
            n += 1
            sentence = text[e["start"] : e["end"]].replace("\n", " ")
            print(f"[{n}] {doc['id']}  {e['type']} ({e['mode']})  trigger {e['trigger']!r}")
            print(f"    source: {names(doc, e['source'])}")
            print(f"    target: {names(doc, e['target'])}")
            print(f"    {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
