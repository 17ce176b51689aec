#!/usr/bin/env python3
"""Strict span F1 of khabar's entity mentions on an IOB2 NER corpus (ANERcorp, CAMeL Lab test split).

    python scripts/evaluate_ner.py [--data ../shared/eval/ner/anercorp_camellab/ANERCorp_CamelLab_test.txt]

Each sentence is joined with spaces into a paragraph, and every ten paragraphs are extracted as one
Arabic document. A mention is mapped to
the corpus tokens it overlaps; a predicted span counts when its first token, last token and type
equal a gold span's. Types: person mentions that are names (not role phrases such as "السفير
الروسي" or pronouns such as "سيادته") are PERS; places, and countries named by a name or a capital
(not by a nationality adjective, which the corpus leaves untagged), are LOC; organisations ORG.
Exits quietly with a note when the corpus is not there (it lives outside the repository).
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "eval" / "ner" / "anercorp_camellab" / "ANERCorp_CamelLab_test.txt"
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", _TASHKEEL.sub("", s).translate(_FOLD).lower()).strip()


def table(name: str) -> list[list[str]]:
    lines = [l for l in (REPO / "data" / name).read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return [l.split("\t") for l in lines[1:]]


def country_names() -> set[str]:
    """Names and capitals of states, from the project's own table (adjectives left out)."""
    out = set()
    for r in table("countries.tsv"):
        r += [""] * 10
        for col in (3, 4, 8, 9):
            out.update(norm(x) for x in r[col].split(";") if x.strip())
    return out


def role_words() -> set[str]:
    """Words that make a person mention a role phrase or pronoun rather than a name."""
    out = set()
    for r in table("titles.tsv"):
        r += [""] * 5
        for x in r[3].split(";"):
            if x.strip():
                w = norm(x).split()[0]
                out.update({w, "ال" + w if not w.startswith("ال") else w})
    out.update(norm(r[0]) for r in table("entity_words.tsv") if len(r) > 2 and r[2] == "pronoun")
    return out


def read_iob(path: pathlib.Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def gold_spans(sent: list[tuple[str, str]]) -> set[tuple[int, int, str]]:
    spans, start, typ = set(), None, None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == typ):
            spans.add((start, i - 1, typ))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, typ = i, tag[2:]
    return spans


def predicted_spans(doc: dict, offsets: list[tuple[int, int]], countries: set[str], roles: set[str]) -> set[tuple[int, int, str]]:
    out = set()
    for e in doc["entities"]:
        for m in e["mentions"]:
            text = norm(m["text"])
            if e["kind"] == "person":
                if any(w in roles for w in text.split()):
                    continue
                typ = "PERS"
            elif e["kind"] == "location":
                typ = "LOC"
            elif e["kind"] == "country":
                if text not in countries:
                    continue
                typ = "LOC"
            else:
                typ = "ORG"
            if not (offsets and offsets[0][0] <= m["start"] and m["end"] <= offsets[-1][1]):
                continue  # another sentence of the document
            toks = [i for i, (s, t) in enumerate(offsets) if s < m["end"] and m["start"] < t]
            if toks:
                out.add((toks[0], toks[-1], typ))
    return out


def error_line(kind: str, sent: list[tuple[str, str]], span: tuple[int, int, str], gold: set, pred: set) -> str:
    """One error with five tokens of context each side; the span in [brackets], and the
    overlapping span of the other side (gold for a false positive, prediction for a false
    negative) after a bar, so boundary errors show as such."""
    a, b, _ = span
    ctx = [t for t, _ in sent]
    left, mid, right = " ".join(ctx[max(0, a - 5) : a]), " ".join(ctx[a : b + 1]), " ".join(ctx[b + 1 : b + 6])
    other = gold if kind == "fp" else pred
    near = [f"{' '.join(ctx[x:y + 1])}/{t}" for x, y, t in sorted(other) if x <= b and a <= y]
    return f"{kind}\t{left} [{mid}] {right}\t| {'; '.join(near) or '-'}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=DEFAULT)
    ap.add_argument("--group", type=int, default=10, help="sentences per document")
    ap.add_argument("--misses", type=int, default=0, help="print this many errors per type")
    ap.add_argument("--errors", metavar="TYPE", help="print every false positive and negative of TYPE (PERS, LOC, ORG) with context")
    args = ap.parse_args()
    if not args.data.is_file():
        print(f"skipped: NER corpus not found at {args.data} (it is not part of the repository)")
        return 0
    import khabar._core as core

    sents = read_iob(args.data)
    # consecutive sentences form one document (one paragraph each), so that a surname can be
    # resolved against the full name given earlier, as in the articles the corpus was cut from
    texts, offsets, doc_of = [], [], []
    for start in range(0, len(sents), args.group):
        pos, parts = 0, []
        for sent in sents[start : start + args.group]:
            offs = []
            for tok, _ in sent:
                offs.append((pos, pos + len(tok)))
                pos += len(tok) + 1
            parts.append(" ".join(t for t, _ in sent))
            pos += 1  # the blank line between paragraphs
            offsets.append(offs)
            doc_of.append(len(texts))
        texts.append("\n\n".join(parts))
    import json

    ex = core.Extractor('{"no_cluster": true}')
    out = [json.loads(r) for r in ex.extract([(str(i), t, None, "ar", []) for i, t in enumerate(texts)], None)]
    docs = [out[d] for d in doc_of]
    countries, roles = country_names(), role_words()
    stats = {t: [0, 0, 0] for t in ("LOC", "PERS", "ORG")}
    misses: dict[str, list[str]] = {t: [] for t in stats}
    errors: list[str] = []
    for sent, doc, offs in zip(sents, docs, offsets):
        gold, pred = gold_spans(sent), predicted_spans(doc, offs, countries, roles)
        for typ, st in stats.items():
            g = {s for s in gold if s[2] == typ}
            p = {s for s in pred if s[2] == typ}
            st[0] += len(g & p)
            st[1] += len(p - g)
            st[2] += len(g - p)
            for s in sorted((p - g) | (g - p)):
                kind = "fp" if s in p else "fn"
                misses[typ].append(f"{kind} {' '.join(t for t, _ in sent[s[0]:s[1] + 1])}")
                if typ == args.errors:
                    errors.append(error_line(kind, sent, s, gold, pred))
    print(f"{args.data.name}: {len(sents)} sentences, strict span match")
    for typ, (tp, fp, fn) in stats.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{typ:5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    for typ, ms in misses.items():
        for m in ms[: args.misses]:
            print(typ, m)
    for e in errors:
        print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
