#!/usr/bin/env python3
"""Print a reproducible sample of coded events with their sentences, for a reader to judge by hand.

    python scripts/sample_events.py [--corpus ../shared/eval/corpus] [--per-lang 25] [--docs 600]

For each language file of the benchmark corpus (``ar_*.jsonl``, ``en_*.jsonl``, one article per
line), every k-th of its articles is taken so that ``--docs`` of them are spread over the whole
file, and their events are extracted. Events are drawn by position, not by count: each is keyed
by its document id, sentence start and trigger, ranked by a hash of that key, and the first
``--per-lang`` are printed. Two builds thus print the same event wherever both code it at the
same place (its key is the same and so is its rank); an event only one build codes takes a
place of its own. Each event prints with its key, so two samples can be lined up by key and
judged once where they agree.

Each event prints with its type, mode, trigger, source and target (entity id and name) and the
sentence it was coded from. The reader marks each right or wrong in type, source and target; an
event is right when all three are. Nothing is written: the corpus text stays outside the
repository. Skips with a message when the corpus is not there.
"""

import argparse
import hashlib
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
    return sorted(events, key=lambda x: rank(x[1]["id"], x[2]))[:per_lang]


def key(doc_id: str, event: dict[str, Any]) -> str:
    """Where an event was coded: document id, sentence start and trigger."""
    return f"{doc_id}:{event['start']}:{event['trigger']}"


def rank(doc_id: str, event: dict[str, Any]) -> str:
    """A build-independent order of events: the hash of their key."""
    return hashlib.sha1(key(doc_id, event).encode("utf-8")).hexdigest()


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
            print(f"[{n}] {key(doc['id'], e)}  {e['type']} ({e['mode']})")
            print(f"    source: {names(doc, e['source'])}")
            print(f"    target: {names(doc, e['target'])}")
            print(f"    {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
