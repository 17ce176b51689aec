#!/usr/bin/env python3
"""Snapshot khabar's JSON records, and compare two snapshots: the check that a restructuring or a
speed change leaves the output unchanged, byte for byte.

    python scripts/snapshot_outputs.py take OUT_DIR        # records of every set below
    python scripts/snapshot_outputs.py compare OLD NEW     # documents whose record differs

Sets: the seed articles (../shared/corpus/seeds), the bundled samples, the development set (when
its texts have been rebuilt into .devset/), and the first 1,000 documents of each language of the
benchmark corpus (../shared/eval/corpus). Each is run through `khabar extract --format jsonl`, so
the command line's reading of the inputs is part of what is compared.

`compare --ignore errors` leaves one field out of the comparison (for a change that is meant to
reshape that field only).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the shared evaluation material beside the checkout (or beside the folder of checkouts)
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
CORPUS_DOCS = 1000


def _inputs(tmp: Path) -> dict[str, list[str]]:
    """Each set's name and the inputs given to `khabar extract`."""
    sets: dict[str, list[str]] = {"samples": [str(ROOT / "python" / "khabar" / "samples")]}
    seeds = SHARED / "corpus" / "seeds"
    if seeds.is_dir():
        sets["seeds"] = [str(seeds)]
    devset = ROOT / ".devset"
    if (devset / "d001.txt").exists():
        made = tmp / "devset.jsonl"
        subprocess.run(
            [sys.executable, str(SHARED / "devset" / "make_input.py"), str(devset), str(made)],
            check=True,
            capture_output=True,
        )
        sets["devset"] = [str(made)]
    corpus = SHARED / "eval" / "corpus"
    for name in ("ar_saudinewsnet.jsonl", "en_reuters21578.jsonl"):
        path = corpus / name
        if path.exists():
            part = tmp / name
            with path.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
                for k, line in enumerate(src):
                    if k == CORPUS_DOCS:
                        break
                    dst.write(line)
            sets["corpus_" + name.split("_")[0]] = [str(part)]
    return sets


def take(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, inputs in _inputs(Path(tmp)).items():
            done = subprocess.run(
                [sys.executable, "-m", "khabar", "extract", *inputs, "--format", "jsonl"],
                check=True,
                capture_output=True,
            )
            (out / f"{name}.jsonl").write_bytes(done.stdout)
            print(f"{name}: {len(done.stdout.splitlines())} records")


def _records(path: Path, ignore: list[str]) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for field in ignore:
            rec.pop(field, None)
        found[rec["id"]] = json.dumps(rec, ensure_ascii=False, sort_keys=True)
    return found


def compare(old: Path, new: Path, ignore: list[str]) -> int:
    differing = 0
    for path in sorted(old.glob("*.jsonl")):
        other = new / path.name
        if not other.exists():
            print(f"{path.name}: missing from {new}")
            differing += 1
            continue
        a, b = _records(path, ignore), _records(other, ignore)
        changed = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        differing += len(changed)
        print(
            f"{path.name}: {len(a)} records, {len(changed)} differ" + (f": {changed[:10]}" if changed else "")
        )
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take")
    t.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--ignore", action="append", default=[])
    args = parser.parse_args()
    if args.cmd == "take":
        take(args.out)
        return 0
    return compare(args.old, args.new, args.ignore)


if __name__ == "__main__":
    sys.exit(main())
