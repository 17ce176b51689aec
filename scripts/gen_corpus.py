#!/usr/bin/env python3
"""Write a synthetic Arabic and English news corpus for `khabar bench` (see khabar/synthetic.py).

    python scripts/gen_corpus.py OUT_DIR [--mb 5] [--seed 7]
    khabar bench --corpus OUT_DIR

`khabar bench` builds one by itself when ../shared/eval/corpus is absent and no --corpus is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from khabar.synthetic import write_corpus


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path, help="folder to write (created)")
    p.add_argument("--mb", type=float, default=5.0, help="MB of text per language (default: 5)")
    p.add_argument("--seed", type=int, default=7, help="the same seed gives the same corpus")
    args = p.parse_args(argv)
    folder = write_corpus(args.out, args.mb, args.seed)
    print(f"wrote {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
