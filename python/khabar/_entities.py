"""User rows for the knowledge base: ``Extractor(entities=...)``.

Rows come as a pandas or polars DataFrame, a list of mappings, or a path to a CSV, TSV, JSON or
JSON Lines file, with the columns ``id``, ``kind`` (country, org, person, location), ``name`` and
optionally ``aliases`` (a list, or one string separated by ``;`` or ``|``, in any language),
``country`` (ISO3) and ``title``. They are checked here so that a bad row is reported by its number
and column, then travel inside the extractor's configuration (and so through pickling).
"""

from __future__ import annotations

import csv
import json
import math
import os
import pathlib
import re
from collections.abc import Mapping
from typing import Any

from .errors import InputError

KINDS = ("country", "org", "person", "location")
COLUMNS = ("id", "kind", "name", "aliases", "country", "title")


def _records(entities: Any) -> list[Any]:
    if isinstance(entities, (str, os.PathLike)):
        return _read(pathlib.Path(entities))
    to_dicts = getattr(entities, "to_dicts", None)  # polars
    if callable(to_dicts):
        return list(to_dicts())
    to_dict = getattr(entities, "to_dict", None)  # pandas
    if callable(to_dict) and hasattr(entities, "columns"):
        return list(to_dict("records"))
    if isinstance(entities, Mapping):
        return [entities]
    try:
        return list(entities)
    except TypeError:
        raise InputError(f"entities must be a DataFrame, a list of rows or a path, not {type(entities).__name__}") from None


def _read(path: pathlib.Path) -> list[Any]:
    if not path.is_file():
        raise InputError(f"entities file not found: {path}")
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    if suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    dialect = "excel-tab" if suffix in (".tsv", ".tab") else "excel"
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, dialect=dialect))


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _text(v: Any, where: str, column: str) -> str | None:
    if _missing(v):
        return None
    if not isinstance(v, str):
        raise InputError(f"{where}: column '{column}' must be text, not {type(v).__name__}")
    return v.strip()


def _aliases(v: Any, where: str) -> list[str]:
    if _missing(v):
        return []
    if isinstance(v, str):
        items = re.split(r"[;|]", v)
    elif isinstance(v, (list, tuple)) or hasattr(v, "tolist"):
        items = list(v.tolist() if hasattr(v, "tolist") else v)
    else:
        raise InputError(f"{where}: column 'aliases' must be a list or a ';'-separated string, not {type(v).__name__}")
    out = []
    for a in items:
        if not isinstance(a, str):
            raise InputError(f"{where}: column 'aliases' holds {a!r}, which is not text")
        if a.strip():
            out.append(a.strip())
    return out


def load_entities(entities: Any) -> list[dict[str, Any]]:
    """Validated rows, ready for the core's configuration."""
    rows = []
    for i, rec in enumerate(_records(entities)):
        where = f"entities row {i}"
        if not isinstance(rec, Mapping):
            raise InputError(f"{where}: expected a mapping of columns, got {type(rec).__name__}")
        unknown = sorted(set(map(str, rec)) - set(COLUMNS))
        if unknown:
            raise InputError(f"{where}: unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}")
        row: dict[str, Any] = {}
        for column in ("id", "kind", "name"):
            value = _text(rec.get(column), where, column)
            if value is None:
                raise InputError(f"{where}: column '{column}' is required")
            row[column] = value
        where = f"entities row {i} (id {row['id']!r})"
        row["kind"] = row["kind"].lower()
        if row["kind"] not in KINDS:
            raise InputError(f"{where}: column 'kind' is {row['kind']!r}; expected one of {', '.join(KINDS)}")
        row["aliases"] = _aliases(rec.get("aliases"), where)
        row["country"] = _text(rec.get("country"), where, "country")
        row["title"] = _text(rec.get("title"), where, "title")
        rows.append(row)
    return rows
