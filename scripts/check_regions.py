"""List the ISO 3166-2 first-level subdivisions that data/regions.tsv lacks.

A checklist for the hand-written table of regions, run by hand after `pip install '.[gen]'`
(pycountry ships the ISO 3166-2 codes); nothing at run time needs it:

    python scripts/check_regions.py           # the missing codes of the covered countries
    python scripts/check_regions.py --unknown # also the table's ISO-looking ids ISO lacks

Covered: the Arab League states, Iran, Turkey, Israel, Afghanistan, Pakistan, the Horn of Africa,
South Sudan, the Sahel states, Nigeria, the United States, Ukraine, China and India. Russia's
federal subjects are covered only where the news often names them, so it is not checked.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pycountry

TABLE = Path(__file__).resolve().parent.parent / "data" / "regions.tsv"

ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"
OTHERS = "IR TR IL AF PK ET ER SS TD NE ML BF NG US UA CN IN"
COVERED = sorted(set(f"{ARAB_LEAGUE} {OTHERS}".split()))


def table_ids() -> set[str]:
    """The ids of data/regions.tsv."""
    ids = set()
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("id\t"):
            ids.add(line.split("\t", 1)[0])
    return ids


def first_level(country: str) -> list[Any]:
    """The first-level subdivisions of a country (those without a parent)."""
    subs = pycountry.subdivisions.get(country_code=country) or []
    return sorted((s for s in subs if s.parent_code is None), key=lambda s: s.code)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unknown", action="store_true", help="list ids ISO 3166-2 does not have")
    args = ap.parse_args()
    ids = table_ids()
    missing = [s for c in COVERED for s in first_level(c) if s.code not in ids]
    for s in missing:
        print(f"missing\t{s.code}\t{s.type}\t{s.name}")
    if args.unknown:
        iso = {s.code for s in pycountry.subdivisions}
        for i in sorted(ids - iso):
            print(f"not ISO\t{i}")
    print(f"{len(missing)} missing of the covered countries' first-level subdivisions")


if __name__ == "__main__":
    main()
