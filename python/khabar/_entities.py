"""User rows for the knowledge base: ``Extractor(entities=...)``.

Rows come as a pandas or polars DataFrame, a list of mappings, or a path to a CSV, TSV, JSON or
JSON Lines file, with the columns ``id``, ``kind`` (country, org, person, location), ``name`` and
optionally ``aliases`` (a list, or one string separated by ``;`` or ``|``, in any language),
``country`` (ISO3), ``title`` and, for places (kind ``location``), ``lat`` and ``lon`` (degrees,
both or neither) and ``geonames`` (a GeoNames id), which its entities then carry. They are
checked here so that a bad row is reported by its number and column, then travel inside the
extractor's configuration (and so through pickling).

The rows are untrusted: a missing or unknown column, a value of the wrong type, an empty or
over-long name and an id given twice are each an :class:`InputError` naming the row and column.
Names are matched literally (never as patterns), so regular-expression characters are plain text.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import pathlib
import re
from collections.abc import Mapping
from typing import Any

from ._inputs import CsvLines
from .errors import InputError

KINDS = ("country", "org", "person", "location")
COLUMNS = ("id", "kind", "name", "aliases", "country", "title", "lat", "lon", "geonames")
# The place columns and the largest value of each (coordinates in degrees).
PLACE_COLUMNS = {"lat": 90.0, "lon": 180.0}
# The longest id, name or alias, in characters (as the core checks): no real name comes near it.
MAX_NAME_CHARS = 1000


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
        kind = type(entities).__name__
        raise InputError(f"entities must be a DataFrame, a list of rows or a path, not {kind}") from None


def _read(path: pathlib.Path) -> list[Any]:
    if not path.is_file():
        raise InputError(f"entities file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"entities file {path} cannot be read: {e}") from None
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"entities file {path}: invalid JSON at line {e.lineno}: {e.msg}") from None
        return data if isinstance(data, list) else [data]
    if suffix == ".jsonl":
        return [_json_line(path, n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    dialect = "excel-tab" if suffix in (".tsv", ".tab") else "excel"
    return _csv_rows(path, text, dialect)


def _csv_rows(path: pathlib.Path, text: str, dialect: str) -> list[Any]:
    """The rows of a CSV or TSV file. Only ``#`` lines before the header are comments (a row whose
    id starts with ``#`` is data); a quoted cell keeps its line breaks; a record that runs on and
    on (a quote left open) is an error naming the line it started on."""
    body = text
    while body.startswith("#"):
        _, newline, body = body.partition("\n")
        if not newline:
            body = ""
    skipped = text[: len(text) - len(body)].count("\n")
    csv.field_size_limit(2**31 - 1)  # an over-long cell is then reported by its row, not by csv
    lines = CsvLines(io.StringIO(body, newline=""))
    rows = []
    try:
        reader = csv.DictReader(lines, dialect=dialect)
        _ = reader.fieldnames  # reads the header
        lines.record_done()
        for row in reader:
            lines.record_done()
            rows.append(row)
    except ValueError as e:
        raise InputError(f"entities file {path}: {_shifted(str(e), skipped)}") from None
    except csv.Error as e:
        raise InputError(f"entities file {path}: line {lines.line + skipped}: {e}") from None
    return rows


def _shifted(message: str, skipped: int) -> str:
    """A CsvLines message with its line number counted from the top of the file."""
    head, _, rest = message.partition(":")
    number = head.removeprefix("line ")
    return f"line {int(number) + skipped}:{rest}" if number.isdigit() else message


def _json_line(path: pathlib.Path, n: int, line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"entities file {path}: invalid JSON on line {n}: {e.msg}") from None


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _text(v: Any, where: str, column: str) -> str | None:
    if _missing(v):
        return None
    if column == "id" and isinstance(v, int) and not isinstance(v, bool):
        v = str(v)  # numeric ids, as a spreadsheet gives them
    elif column == "id" and type(v).__name__.startswith(("int", "uint")) and hasattr(v, "item"):
        v = str(v.item())  # numpy integers from a DataFrame
    if not isinstance(v, str):
        raise InputError(f"{where}: column '{column}' must be text, not {type(v).__name__}")
    return _short_enough(v.strip(), where, column)


def _short_enough(v: str, where: str, column: str) -> str:
    if len(v) > MAX_NAME_CHARS:
        raise InputError(f"{where}: column '{column}' is {len(v)} characters long; at most {MAX_NAME_CHARS}")
    return v


def _aliases(v: Any, where: str) -> list[str]:
    if _missing(v):
        return []
    if isinstance(v, str):
        items = re.split(r"[;|]", v)
    elif isinstance(v, (list, tuple)) or hasattr(v, "tolist"):
        items = list(v.tolist() if hasattr(v, "tolist") else v)
    else:
        kind = type(v).__name__
        raise InputError(f"{where}: column 'aliases' must be a list or a ';'-separated string, not {kind}")
    out = []
    for a in items:
        if not isinstance(a, str):
            raise InputError(f"{where}: column 'aliases' holds {a!r}, which is not text")
        if a.strip():
            out.append(_short_enough(a.strip(), where, "aliases"))
    return out


def _number(v: Any, where: str, column: str) -> float | None:
    """A coordinate: a number, or text that reads as one (CSV cells), within its range."""
    if _missing(v):
        return None
    if isinstance(v, str):
        try:
            v = float(v.strip())
        except ValueError:
            raise InputError(f"{where}: column '{column}' is {v.strip()!r}, which is not a number") from None
    elif isinstance(v, bool) or not hasattr(v, "__float__"):  # numbers, numpy's included
        raise InputError(f"{where}: column '{column}' must be a number, not {type(v).__name__}")
    x = float(v)
    limit = PLACE_COLUMNS[column]
    if not math.isfinite(x) or abs(x) > limit:
        raise InputError(
            f"{where}: column '{column}' is {x}; it must be within -{limit:g}..{limit:g} degrees"
        )
    return x


def _geonames(v: Any, where: str) -> int | None:
    """A GeoNames id: a positive whole number (text in CSV cells, a float in a DataFrame column
    with missing values)."""
    if _missing(v):
        return None
    try:
        n = float(v.strip()) if isinstance(v, str) else float(v)
    except (TypeError, ValueError):
        raise InputError(f"{where}: column 'geonames' is {v!r}, which is not a GeoNames id") from None
    if isinstance(v, bool) or not n.is_integer() or not 0 < n < 2**32:
        raise InputError(f"{where}: column 'geonames' is {v!r}, which is not a GeoNames id")
    return int(n)


def _place(rec: Mapping[str, Any], row: dict[str, Any], where: str) -> None:
    """The place columns of a row, checked (a place's, both coordinates or neither)."""
    lat, lon = (_number(rec.get(c), where, c) for c in ("lat", "lon"))
    geonames = _geonames(rec.get("geonames"), where)
    if lat is None and lon is None and geonames is None:
        return
    if row["kind"] != "location":
        raise InputError(f"{where}: columns 'lat', 'lon' and 'geonames' are for rows of kind location")
    if (lat is None) != (lon is None):
        raise InputError(f"{where}: columns 'lat' and 'lon' go together: give both or neither")
    row.update(lat=lat, lon=lon, geonames=geonames)


def _where(i: int, doc_id: str) -> str:
    shown = doc_id if len(doc_id) <= 40 else doc_id[:40] + "…"
    return f"entities row {i} (id {shown!r})"


def load_entities(entities: Any) -> list[dict[str, Any]]:
    """Validated rows, ready for the core's configuration."""
    rows = []
    first_row: dict[str, int] = {}
    for i, rec in enumerate(_records(entities)):
        where = f"entities row {i}"
        if not isinstance(rec, Mapping):
            raise InputError(f"{where}: expected a mapping of columns, got {type(rec).__name__}")
        if None in rec:  # csv.DictReader puts the cells past the header under None
            raise InputError(f"{where}: more cells than the header has columns")
        unknown = sorted(set(map(str, rec)) - set(COLUMNS))
        if unknown:
            raise InputError(f"{where}: unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}")
        row: dict[str, Any] = {}
        for column in ("id", "kind", "name"):
            value = _text(rec.get(column), where, column)
            if value is None:
                raise InputError(f"{where}: column '{column}' is required")
            row[column] = value
        where = _where(i, row["id"])
        if row["id"] in first_row:
            first = first_row[row["id"]]
            hint = "give a row's other names as its 'aliases'"
            raise InputError(f"{where}: column 'id' repeats row {first}; {hint}")
        first_row[row["id"]] = i
        row["kind"] = row["kind"].lower()
        if row["kind"] not in KINDS:
            raise InputError(f"{where}: column 'kind' is {row['kind']!r}; expected one of {', '.join(KINDS)}")
        row["aliases"] = _aliases(rec.get("aliases"), where)
        row["country"] = _text(rec.get("country"), where, "country")
        row["title"] = _text(rec.get("title"), where, "title")
        _place(rec, row, where)
        rows.append(row)
    return rows
