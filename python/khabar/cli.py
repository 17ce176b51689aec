"""The ``khabar`` command: ``khabar extract PATH...`` and ``khabar demo``.

Exit codes (every error is one line on stderr, ``khabar: error: …``):

- 0: every input was read and the output written;
- 1: an input could not be read (missing, unreadable, wrong type): the others are still processed
  and written, unless ``--fail-fast``, which stops at the first and writes nothing; also a missing
  optional dependency;
- 2: a wrong command line;
- 3: the output could not be written (checked before extracting, where it can be);
- 70: an internal error (a bug: please report it);
- 130: interrupted (Ctrl-C); 143: terminated (SIGTERM).

Output files are written beside their final name (under a unique temporary name, created
exclusively) and renamed into place when complete, so an interrupted, terminated or failed run
never leaves a partial ``--out`` file; a FIFO or a device named by ``--out`` is written into as it
is, and an ``--out`` that is also an input is refused.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import dataclasses
import importlib
import io
import itertools
import json
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from datetime import date as _date
from datetime import datetime as _datetime
from datetime import timedelta as _timedelta
from pathlib import Path
from typing import Any, BinaryIO

from ._inputs import CsvLines, Prepared, coerce_published, coerce_text, is_missing, scrub
from ._samples import samples
from .bench import add_bench_parser
from .cluster_index import ClusterIndex
from .errors import KhabarError, MissingDependencyError, optional_import
from .evaluate import add_command as add_evaluate_command
from .explain import cluster_why
from .extractor import Extractor, default_extractor
from .frames import (
    COLUMNS,
    DERIVED,
    DERIVED_COLUMNS,
    TABLES,
    RunClusters,
    event_actor_rows,
    frame_columns,
    tables,
    to_frames,
)
from .frames import _frame as frame_of_rows
from .model import DocError, Document

__all__ = ["main"]

FORMATS = ("jsonl", "csv", "parquet")
INPUT_SUFFIXES = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
# Fields of a JSON Lines, CSV or Parquet row that, when given, replace what is read from the text.
META_FIELDS = ("title", "source", "url")


class InputFileError(Exception):
    """An input file that cannot be read at all (reported on one line, the run goes on)."""


class OutputError(Exception):
    """The output cannot be written (exit code 3)."""


class FailFast(Exception):
    """``--fail-fast``: an input could not be read, so the run stops."""


@dataclasses.dataclass(slots=True)
class Row:
    """One input document, with the metadata the file gave for it."""

    doc: Prepared
    meta: dict[str, str]


@dataclasses.dataclass(frozen=True, slots=True)
class Fields:
    """Which field of a row holds what (``--text-column``, ``--id-column``, …), and the
    publication date and language given for plain-text inputs (``--published``, ``--lang``)."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    lang: str = "lang"
    txt_published: str | None = None
    txt_lang: str | None = None


# ``-`` names standard input: JSON Lines when its first line is a JSON object, else one text.
STDIN = Path("-")


def _fields(args: argparse.Namespace) -> Fields:
    return Fields(
        args.text_column,
        args.id_column,
        args.published_column,
        args.lang_column,
        args.published,
        args.lang,
    )


def _say(message: str) -> None:
    print(f"khabar: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- reading inputs


def _row(record: dict[str, Any], fields: Fields, fallback_id: str) -> Row:
    """A row from one JSON object or table row, its fields named by ``fields``. A field that
    cannot be encoded (a lone surrogate) is repaired with a note, never fails the run."""
    raw_id = record.get(fields.id)
    doc_id, errors = scrub(fallback_id if is_missing(raw_id) or raw_id == "" else str(raw_id), "id")
    text, text_errors = coerce_text(record.get(fields.text))
    published, pub_errors = coerce_published(record.get(fields.published))
    errors += text_errors + pub_errors
    meta = {}
    for k in META_FIELDS:
        if isinstance(v := record.get(k), str) and v.strip():
            meta[k], bad = scrub(v.strip(), k)
            errors += bad
    lang = record.get(fields.lang)
    code = None
    if isinstance(lang, str) and lang.strip():
        code, bad = scrub(lang.strip().lower(), "lang")
        errors += bad
    return Row(Prepared(doc_id, text, published, code, errors), meta)


def _read_text(path: Path, fields: Fields) -> Generator[Row]:
    yield _text_row(path.stem, path.read_bytes(), fields)


def _text_row(stem: str, raw: bytes, fields: Fields) -> Row:
    """One plain-text document, with the ``--published`` and ``--lang`` given for such inputs."""
    doc_id, id_errors = scrub(stem, "id (the file name)")
    text, errors = coerce_text(raw)
    return Row(Prepared(doc_id, text, fields.txt_published, fields.txt_lang, id_errors + errors), {})


def _read_jsonl(path: Path, fields: Fields) -> Generator[Row]:
    with path.open("rb") as f:
        yield from _with_text_field(_json_lines(f, path.stem, fields), fields)


def _read_stdin(path: Path, fields: Fields) -> Generator[Row]:
    """Standard input (``-``): JSON Lines when its first line is a JSON object, else one text
    whose id is ``stdin``."""
    stream = sys.stdin.buffer
    first = stream.readline()
    if first.lstrip().startswith(b"{"):
        yield from _with_text_field(_json_lines(itertools.chain([first], stream), "stdin", fields), fields)
    else:
        yield _text_row("stdin", first + stream.read(), fields)


def _with_text_field(rows: Iterable[tuple[Row, dict[str, Any] | None]], fields: Fields) -> Generator[Row]:
    """The rows of JSON Lines, held back until one has the text field: input in which no row has
    it is an error naming the fields it does have (a mistyped ``--text-column`` must not pass as
    a file of empty documents); rows that lack it after one had it are per-document notes."""
    held: list[Row] = []
    found = False
    seen: set[str] = set()
    for row, record in rows:
        if found:
            yield row
            continue
        held.append(row)
        if record is not None:
            seen.update(str(k) for k in record)
            found = fields.text in record
        if found:
            yield from held
            held.clear()
    if seen and not found:
        raise InputFileError(
            f"no row has a {fields.text!r} field (use --text-column; fields: {sorted(seen)})"
        )
    yield from held


def _json_lines(
    lines: Iterable[bytes], stem: str, fields: Fields
) -> Generator[tuple[Row, dict[str, Any] | None]]:
    """Each row of JSON Lines with its record (``None`` for a line that is not an object)."""
    for n, raw in enumerate(lines, start=1):
        line, errors = coerce_text(raw)
        if not line.strip():
            continue
        fallback = scrub(f"{stem}:{n}", "id")[0]
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            bad = DocError("bad_json", f"invalid JSON on line {n}: {e.msg}")
            yield Row(Prepared(fallback, "", errors=[*errors, bad]), {}), None
            continue
        if not isinstance(record, dict):
            yield (
                Row(
                    Prepared(fallback, "", errors=[DocError("bad_json", f"line {n} is not a JSON object")]),
                    {},
                ),
                None,
            )
            continue
        row = _row(record, fields, fallback)
        row.doc.errors[:0] = errors
        yield row, record


class _Replacements:
    """A decoding error handler that replaces invalid UTF-8 and counts it, so that a CSV file is
    decoded as it streams and still reported once when it had bad bytes."""

    name = "khabar-count-replace"

    def __init__(self) -> None:
        self.count = 0
        codecs.register_error(self.name, self)

    def __call__(self, e: UnicodeError) -> tuple[str | bytes, int]:
        self.count += 1
        return codecs.replace_errors(e)


_REPLACED = _Replacements()


def _read_csv(path: Path, fields: Fields) -> Generator[Row]:
    csv.field_size_limit(2**31 - 1)  # the length of a record is checked by CsvLines instead
    before = _REPLACED.count
    with path.open(encoding="utf-8-sig", errors=_REPLACED.name, newline="") as f:
        lines = CsvLines(f)
        reader = csv.DictReader(lines)
        if fields.text not in (reader.fieldnames or ()):
            raise InputFileError(
                f"no {fields.text!r} column (use --text-column; columns: {reader.fieldnames})"
            )
        lines.record_done()
        for n, record in enumerate(reader, start=1):
            lines.record_done()
            yield _row(dict(record), fields, f"{path.stem}:{n}")
    if _REPLACED.count != before:
        _say(f"warning: {path}: invalid UTF-8 replaced")


# Rows of a Parquet file are read this many at a time (a row group may hold millions).
PARQUET_BATCH = 256


def _read_parquet(path: Path, fields: Fields) -> Generator[Row]:
    optional_import("pandas", "parquet", "reading Parquet")
    pq: Any = optional_import("pyarrow.parquet", "parquet", "reading Parquet")
    with pq.ParquetFile(path) as pf:
        names = pf.schema_arrow.names
        if fields.text not in names:
            raise InputFileError(f"no {fields.text!r} column (use --text-column; columns: {names})")
        wanted = {fields.text, fields.id, fields.published, fields.lang, *META_FIELDS}
        columns = [c for c in names if c in wanted]
        n = 0
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
            for record in batch.to_pylist():
                n += 1
                yield _row(record, fields, f"{path.stem}:{n}")


READERS: dict[str, Callable[[Path, Fields], Generator[Row]]] = {
    "text": _read_text,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
    "stdin": _read_stdin,
}


def _reason(e: OSError) -> str:
    """An OS error in a few words ("Permission denied"), without the path the caller names anyway."""
    return e.strerror or str(e)


def _listing(folder: Path) -> list[str]:
    """Names of the input files of ``folder``, sorted. The listing is streamed (``os.scandir``) and
    only matching names are kept, so a folder of millions of files costs one string per input."""
    names = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if os.path.splitext(entry.name)[1].lower() in INPUT_SUFFIXES and entry.is_file():
                names.append(entry.name)
    names.sort()
    return names


def _kind(path: Path) -> str | None:
    """The reader of an input: by its extension, or ``stdin`` for ``-``."""
    return "stdin" if path == STDIN else INPUT_SUFFIXES.get(path.suffix.lower())


def _expand(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Each input file named, folders replaced by their input files; ``None`` marks a failure."""
    for name in paths:
        path = Path(name)
        if name == "-":
            yield "stdin", STDIN
        elif path.is_dir():
            try:
                files = _listing(path)
            except OSError as e:
                _say(f"error: {name}: folder cannot be listed: {_reason(e)}")
                yield name, None
                continue
            if not files:
                _say(f"error: {name}: no .txt, .jsonl, .csv or .parquet files in this folder")
                yield name, None
            yield from ((str(path / f), path / f) for f in files)
        elif not path.exists():
            _say(f"error: {name}: no such file or folder")
            yield name, None
        else:
            yield name, path


@dataclasses.dataclass(slots=True)
class Tally:
    """What a run has read so far."""

    failed: int = 0
    rows: int = 0


def iter_rows(paths: Sequence[str], fields: Fields, tally: Tally, fail_fast: bool = False) -> Iterator[Row]:
    """Every document of the input paths, in order, read as they are needed; an input that cannot
    be read is reported on one line and counted in ``tally.failed``, or raises :class:`FailFast`
    with ``fail_fast``. A file that fails half-way keeps the rows read before the failure."""
    for name, path in _expand(paths):
        if path is None:
            tally.failed += 1
        else:
            kind = _kind(path)
            if kind is None:
                _say(f"error: {name}: unsupported file type (expected .txt, .jsonl, .csv or .parquet)")
                tally.failed += 1
            else:
                yield from _rows_of(READERS[kind], name, path, fields, tally)
        if tally.failed and fail_fast:
            raise FailFast


def _rows_of(reader: Any, name: str, path: Path, fields: Fields, tally: Tally) -> Iterator[Row]:
    """The rows of one input file; a failure is reported on one line, naming how far it got."""
    n = 0
    try:
        for row in reader(path, fields):
            n += 1
            tally.rows += 1
            yield row
    except (OSError, InputFileError, KhabarError, ValueError, csv.Error) as e:
        reason = _reason(e) if isinstance(e, OSError) else str(e)
        after = f" (after {n} row(s), which were processed)" if n else ""
        _say(f"error: {name}: {reason}{after}")
        tally.failed += 1


def preflight(paths: Sequence[str], fields: Fields) -> int:
    """For ``--fail-fast``: the number of inputs that cannot be opened (a missing file or text
    column, a wrong file type), each reported, checked before anything is extracted or written."""
    failed = 0
    for name, path in _expand(paths):
        if path is None:
            failed += 1
            continue
        kind = _kind(path)
        try:
            if kind is None:
                raise InputFileError("unsupported file type (expected .txt, .jsonl, .csv or .parquet)")
            if kind in ("csv", "parquet"):
                rows = READERS[kind](path, fields)
                try:
                    next(rows, None)  # opens the file and checks the text column
                finally:
                    rows.close()
            else:
                path.open("rb").close()
        except OSError as e:
            _say(f"error: {name}: {_reason(e)}")
            failed += 1
        except (InputFileError, KhabarError, ValueError, csv.Error) as e:
            _say(f"error: {name}: {e}")
            failed += 1
    return failed


# ---------------------------------------------------------------- writing outputs


def _with_meta(doc: Document, meta: dict[str, str]) -> Document:
    if not meta:
        return doc
    changes: dict[str, Any] = dict(meta)
    if meta.get("title", doc.title) != doc.title:
        changes["title_span"] = None  # the title no longer comes from the text
    return dataclasses.replace(doc, **changes)


def _table_path(out: Path, table: str) -> Path:
    """Where a table other than ``documents`` goes: ``run.csv`` → ``run.entities.csv``."""
    return out.with_name(f"{out.stem}.{table}{out.suffix}")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_through(path: Path) -> bool:
    """Is ``path`` something to write into as it is (a FIFO, a device) rather than replace?"""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _destination(path: Path) -> tuple[Path, bool]:
    """Where ``path`` is written, and whether in place: a FIFO or a device (``/dev/stdout``
    included) as it is; anything else at the end of its symbolic links, so that a link stays a
    link and its target is replaced."""
    if _write_through(path):
        return path, True
    return Path(os.path.realpath(path)), False


def _open_temporary(path: Path) -> tuple[Path, BinaryIO]:
    """A new file beside ``path``, to be renamed to it when complete (same folder: the rename is
    atomic). Its name is unique and it is created exclusively, so a file or a symbolic link
    already there is never written through or removed; it gets the mode a new file would."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        stream = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        os.unlink(name)
        raise
    # from here the stream owns the descriptor: closing it by number as well would close
    # whatever file is given that number next
    try:
        os.fchmod(stream.fileno(), 0o666 & ~_umask())
    except BaseException:
        stream.close()
        os.unlink(name)
        raise
    return Path(name), stream


@contextlib.contextmanager
def _sigterm_held() -> Iterator[None]:
    """Within the block, SIGTERM is held by the operating system and delivered when it ends
    (where signal masks exist: not on Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _atomic_outputs(paths: Sequence[Path]) -> Iterator[list[BinaryIO]]:
    """Open files for ``paths``: temporary files renamed to them only when the block completes
    and removed otherwise (an error, Ctrl-C, SIGTERM), so that no output file is ever left
    half-written. A symbolic link is followed (its target is replaced, the link stays); a FIFO
    or a device is written into directly."""
    temps: list[tuple[Path, Path]] = []
    streams: list[BinaryIO] = []
    try:
        for path in paths:
            final, in_place = _destination(path)
            if in_place:
                streams.append(final.open("wb"))
                continue
            # SIGTERM waits while the file is made and recorded: between the two, its handler
            # would unwind past a temporary file nothing knows to remove
            with _sigterm_held():
                temp, stream = _open_temporary(final)
                temps.append((temp, final))
                streams.append(stream)
        yield streams
        for stream in streams:
            stream.close()
        for temp, final in temps:
            os.replace(temp, final)
    finally:
        for stream in streams:
            with contextlib.suppress(OSError):
                stream.close()
        for temp, _ in temps:
            with contextlib.suppress(OSError):
                temp.unlink()


def _have_pandas() -> bool:
    try:
        importlib.import_module("pandas")
    except ImportError:
        return False
    return True


def _output_tables(fmt: str) -> tuple[str, ...]:
    """The tables a CSV or Parquet run writes to files: those of :func:`khabar.to_frames`, but for
    ``clusters`` in CSV without pandas (which groups it)."""
    if fmt == "csv" and not _have_pandas():
        return (*TABLES, *(t for t in DERIVED if t != "clusters"))
    return (*TABLES, *DERIVED)


def _output_paths(fmt: str, out: Path) -> list[Path]:
    if fmt == "jsonl":
        return [out]
    return [out if table == "documents" else _table_path(out, table) for table in _output_tables(fmt)]


def _columns(table: str) -> dict[str, str]:
    """A table's columns and their kinds (see ``COLUMNS`` and ``DERIVED_COLUMNS``)."""
    return COLUMNS[table] if table in COLUMNS else DERIVED_COLUMNS[table]


def _parquet_schema(pa: Any, table: str) -> Any:
    """The Arrow schema of one table, the same for every chunk (see ``COLUMNS``), with the pandas
    metadata that gives the dtypes of :func:`khabar.to_frames` back on reading."""
    pd: Any = optional_import("pandas", "parquet", "--format parquet")
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "datetime": pa.timestamp("ns"),
        "datetime64[ns]": pa.timestamp("ns"),
        "list": pa.list_(pa.string()),
    }
    schema = pa.schema([(col, types[kind]) for col, kind in frame_columns(_columns(table)).items()])
    empty = frame_of_rows(pd, [], _columns(table))
    return pa.Table.from_pandas(empty, schema=schema, preserve_index=False).schema


def _csv_value(pd: Any, value: Any) -> Any:
    """A cell of a table built in pandas (the clusters table): missing values empty, lists as
    JSON, datetimes in ISO 8601."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if pd.isna(value):
        return ""
    if isinstance(value, _datetime):
        return value.isoformat()
    return value


class Writer:
    """Writes the documents chunk by chunk as they are extracted: JSON Lines, CSV (a file per
    table, or the documents table on stdout) or Parquet (a file per table, a row group per chunk).
    The clusters table, final only once every document has been seen, is written by
    :meth:`finish` from a summary per cluster kept through the run."""

    def __init__(self, fmt: str, targets: list[BinaryIO] | None, stack: contextlib.ExitStack) -> None:
        self.fmt = fmt
        self.csv: list[Any] = []
        self.parquet: list[Any] = []
        self.stream: BinaryIO | None = None
        self.clusters: RunClusters | None = None
        self.clusters_out: Any = None
        written = _output_tables(fmt) if targets else ("documents",)
        if fmt == "csv" and targets and "clusters" not in written:
            _say("warning: pandas is not installed, so no clusters table is written (pip install pandas)")
        if fmt == "jsonl":
            self.stream = targets[0] if targets else sys.stdout.buffer
        elif fmt == "csv":
            streams = (
                [
                    stack.enter_context(io.TextIOWrapper(t, encoding="utf-8", newline="", write_through=True))
                    for t in targets
                ]
                if targets
                else [sys.stdout]
            )
            for table, stream in zip(written, streams, strict=True):
                writer = csv.writer(stream, lineterminator="\n")
                writer.writerow(_columns(table))
                if table == "clusters":
                    self.clusters_out = (writer, stream)
                else:
                    self.csv.append((table, writer, stream))
        else:
            pa: Any = optional_import("pyarrow", "parquet", "--format parquet")
            pq: Any = optional_import("pyarrow.parquet", "parquet", "--format parquet")
            for table, target in zip(written, targets or [], strict=True):
                schema = _parquet_schema(pa, table)
                parquet = (table, schema, stack.enter_context(pq.ParquetWriter(target, schema)))
                if table == "clusters":
                    self.clusters_out = parquet
                else:
                    self.parquet.append(parquet)
        if self.clusters_out is not None:
            self.clusters = RunClusters(optional_import("pandas", "pandas", "the clusters table"))

    def write(self, docs: list[Document]) -> None:
        if self.stream is not None:
            self.stream.write("".join(d.to_json() + "\n" for d in docs).encode("utf-8"))
            self.stream.flush()
        elif self.csv:
            rows = tables(docs)
            if any(table == "event_actors" for table, _, _ in self.csv):
                entities = rows["entities"]
                rows["event_actors"] = event_actor_rows(
                    ((r["doc_id"], r["type"], r["source"], r["target"]) for r in rows["events"]),
                    ((r["doc_id"], r["entity_id"], r["name"], r["kind"], r["country"]) for r in entities),
                )
            for table, writer, stream in self.csv:
                columns = _columns(table)
                writer.writerows([_csv_cell(row[c]) for c in columns] for row in rows[table])
                stream.flush()
            if self.clusters is not None and docs:
                self.clusters.add_rows(rows["documents"], cluster_why(docs))
        elif docs:
            pa: Any = optional_import("pyarrow", "parquet", "--format parquet")
            frames = to_frames(docs)
            for table, schema, writer in self.parquet:
                writer.write_table(pa.Table.from_pandas(frames[table], schema=schema, preserve_index=False))
            if self.clusters is not None:
                told = frames["clusters"].dropna(subset=["why"])
                self.clusters.add(frames["documents"], dict(zip(told["cluster"], told["why"], strict=True)))

    def finish(self) -> None:
        """Write the clusters table of the documents written (at the end of the run)."""
        if self.clusters is None:
            return
        frame = self.clusters.frame()
        if self.fmt == "csv":
            writer, stream = self.clusters_out
            pd = self.clusters.pd
            writer.writerows([_csv_value(pd, v) for v in row] for row in frame.itertuples(index=False))
            stream.flush()
        else:
            pa: Any = optional_import("pyarrow", "parquet", "--format parquet")
            _, schema, out = self.clusters_out
            out.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))


@contextlib.contextmanager
def open_writer(fmt: str, out: Path | None) -> Iterator[Writer]:
    """A :class:`Writer` to stdout, or to ``out`` (and its side tables) through temporary files
    renamed into place when the block completes."""
    if out is None:
        with contextlib.ExitStack() as stack:
            yield Writer(fmt, None, stack)
        return
    with _atomic_outputs(_output_paths(fmt, out)) as streams, contextlib.ExitStack() as stack:
        yield Writer(fmt, streams, stack)


def _check_writer(fmt: str, out: Path | None) -> None:
    """Fail before extracting when the output cannot be written: a missing package, a folder that
    does not exist or is not writable, an --out that is a folder."""
    if fmt == "parquet":
        for package in ("pandas", "pyarrow"):
            optional_import(package, "parquet", "--format parquet")
    if out is None:
        return
    if fmt != "jsonl" and _destination(out)[1]:
        raise OutputError(
            f"{out}: is a FIFO or a device, and --format {fmt} writes a file per table beside "
            "--out; give a file name (or use --format jsonl)"
        )
    for path in _output_paths(fmt, out):
        final, in_place = _destination(path)
        if final.is_dir():
            raise OutputError(f"{path}: is a folder; --out needs a file name")
        if in_place:
            continue
        folder = final.parent
        if not folder.is_dir():
            raise OutputError(f"{path}: cannot be written: no folder {folder}")
        if not os.access(folder, os.W_OK):
            raise OutputError(f"{path}: cannot be written: folder {folder} is not writable")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _output_reads_input(fmt: str, out: Path, inputs: Sequence[str]) -> Path | None:
    """The output file (or side table) that is one of the inputs, or that a folder named as an
    input would read: writing it would replace what is being read."""
    outputs = [p for p in _output_paths(fmt, out) if p.exists()]
    for name in inputs:
        path = Path(name)
        candidates = [path]
        if path.is_dir():
            candidates = [path / p.name for p in outputs]
        for candidate in candidates:
            for output in outputs:
                suffix_read = candidate.suffix.lower() in INPUT_SUFFIXES or candidate == path
                if suffix_read and _same_file(candidate, output):
                    return output
    return None


# ---------------------------------------------------------------- commands


# Documents are extracted and written in chunks of at most this many characters of text (and
# --chunk-size documents), so that memory stays bounded whatever the size of the inputs.
CHUNK_CHARS = 4_000_000
CHUNK_DOCS = 1000


def _chunks(rows: Iterator[Row], max_docs: int, max_chars: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    size = 0
    for row in rows:
        chunk.append(row)
        size += len(row.doc.text)
        if len(chunk) >= max_docs or size >= max_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _bar() -> Any:
    """A progress bar of documents on stderr when it is a terminal (and tqdm is installed)."""
    if sys.stderr is None or not sys.stderr.isatty():
        return None
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        return None
    # redrawn at every chunk (a chunk takes a while: no need to throttle)
    return tqdm(
        unit="doc", desc="khabar", file=sys.stderr, leave=False, dynamic_ncols=True, mininterval=0, miniters=1
    )


def _load_index(name: str | None) -> ClusterIndex | None:
    """The cluster index of ``--cluster-index``: read when the file exists, else a new one."""
    if name is None:
        return None
    path = Path(name)
    if not path.exists():
        return ClusterIndex()
    try:
        return ClusterIndex.load(path)
    except OSError as e:
        raise InputFileError(f"{name}: cluster index cannot be read: {_reason(e)}") from None
    except KhabarError as e:
        raise InputFileError(f"cluster index: {e}") from None


# Without an index file, the run keeps its own index in memory so that a report joins a story
# told in an earlier chunk; dated stories older than this many days before the newest report
# seen are dropped from it (they are far outside the clustering window), bounding its memory on
# a feed in time order.
RUN_INDEX_DAYS = 30


def _forget_old_stories(index: ClusterIndex, docs: list[Document], newest: str | None) -> str | None:
    """Prune the run's own index after a chunk; returns the newest publication day seen so far."""
    days = [d.published[:10] for d in docs if d.published and len(d.published) >= 10]
    if newest is not None:
        days.append(newest)
    if not days:
        return newest
    newest = max(days)
    try:
        cutoff = _date.fromisoformat(newest) - _timedelta(days=RUN_INDEX_DAYS)
    except (ValueError, OverflowError):  # not a date, or within a month of year 1: keep all
        return newest
    index.retain_since(cutoff.isoformat())
    return newest


def _stream(args: argparse.Namespace, out: Path | None, index: ClusterIndex | None, tally: Tally) -> None:
    """Read, extract and write chunk by chunk. Clusters span the whole run: each chunk is
    clustered with the stories of the chunks before it (a report joining one takes its cluster
    id), through the index file of ``--cluster-index`` or else an index of the run's own."""
    extractor = Extractor(reference_dates=True) if args.reference_dates else default_extractor()
    own = index is None
    carry = ClusterIndex() if index is None else index
    newest: str | None = None
    rows = iter_rows(args.paths, _fields(args), tally, fail_fast=args.fail_fast)
    bar = _bar()
    try:
        with open_writer(args.format, out) as writer:
            for chunk in _chunks(rows, args.chunk_size, CHUNK_CHARS):
                docs = extractor.extract_prepared(
                    [r.doc for r in chunk], n_threads=args.threads, progress=False, cluster_index=carry
                )
                if own:
                    newest = _forget_old_stories(carry, docs, newest)
                writer.write([_with_meta(d, r.meta) for d, r in zip(docs, chunk, strict=True)])
                if bar is not None:
                    bar.update(len(chunk))
            writer.finish()
    except (BrokenPipeError, FailFast, KeyboardInterrupt):
        raise
    except OSError as e:
        if _terminating.is_set():
            raise Terminated from None
        raise OutputError(f"{e.filename or out or 'stdout'}: cannot be written: {_reason(e)}") from None
    finally:
        if bar is not None:
            bar.close()


class Terminated(KeyboardInterrupt):
    """SIGTERM: the run stops as on Ctrl-C, removing its temporary files."""


# Set once SIGTERM has arrived: an error met while the run unwinds from it (a stream closed under a
# write) is part of the termination, not an output failure of its own.
_terminating = threading.Event()


def _on_sigterm(signum: int, frame: Any) -> None:
    _terminating.set()
    raise Terminated


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM unwinds like Ctrl-C (temporary outputs are removed) instead of
    killing the process where it stands."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# The output format a file name asks for, when --format is not given.
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}


def _output_format(given: str | None, out: Path | None) -> str:
    """``--format`` when given, else the one ``--out``'s extension names, else JSON Lines."""
    if given is not None:
        return given
    if out is not None:
        return SUFFIX_FORMATS.get(out.suffix.lower(), "jsonl")
    return "jsonl"


def cmd_extract(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    args.format = _output_format(args.format, out)
    if args.format == "parquet" and out is None:
        _say("error: --format parquet needs --out FILE")
        return 2
    _check_writer(args.format, out)
    if out is not None and (clash := _output_reads_input(args.format, out, args.paths)) is not None:
        _say(f"error: --out {out}: {clash} is also an input; choose another output file")
        return 2
    try:
        index = _load_index(args.cluster_index)
    except InputFileError as e:
        _say(f"error: {e}")
        return 1
    nothing = "nothing written" if out is not None else "output stopped there"
    if args.fail_fast and preflight(args.paths, _fields(args)):
        _say("stopped at the first input that could not be read (--fail-fast); nothing written")
        return 1
    tally = Tally()
    try:
        with _terminate_as_interrupt():
            _stream(args, out, index, tally)
    except FailFast:
        _say(f"stopped at the first input that could not be read (--fail-fast); {nothing}")
        return 1
    if index is not None:
        try:
            index.save(args.cluster_index)
        except OSError as e:
            raise OutputError(f"{args.cluster_index}: cannot be written: {_reason(e)}") from None
    if tally.failed:
        _say(f"{tally.failed} input(s) could not be read; {tally.rows} document(s) written")
    return 1 if tally.failed else 0


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(doc: Document) -> list[str]:
    """A readable summary of one document, one line per fact."""
    lines = [
        f"== {doc.id}",
        f"   title      {doc.title or '(none)'}",
        f"   language   {doc.lang or '?'}",
        f"   published  {doc.published or '?'}"
        + (f" ({doc.published_source})" if doc.published_source else ""),
        f"   found      {len(doc.entities)} entities, {len(doc.dates)} dates, {len(doc.quotes)} quotes, "
        f"{len(doc.events)} events; {len(doc.boilerplate)} clutter lines removed",
    ]
    if doc.cluster:
        lines.append(f"   cluster    {doc.cluster}")
    for e in doc.entities:
        extra = ", ".join(x for x in (e.title, e.country) if x)
        lines.append(
            f"   entity     {e.kind:8} {e.id:10} {e.name}"
            + (f" ({extra})" if extra else "")
            + f"  ×{len(e.mentions)}"
        )
    for d in doc.dates:
        lines.append(f"   date       {_short(d.text, 40)!r} → {d.value or '?'} ({d.grain or '?'})")
    for q in doc.quotes:
        who = q.speaker_name or q.speaker_text or "?"
        lines.append(f"   quote      {who}: {_short(q.text, 70)!r}" + (f" [{q.cue}]" if q.cue else ""))
    for ev in doc.events:
        actors = f"{','.join(ev.source) or '?'} → {','.join(ev.target) or '?'}"
        lines.append(f"   event      {ev.type} {actors} ({ev.mode})" + (f" on {ev.date}" if ev.date else ""))
    for err in doc.errors:
        lines.append(f"   error      {err}")
    return lines


def cmd_demo(args: argparse.Namespace) -> int:
    texts = samples()
    docs = default_extractor().extract(list(texts.values()), ids=list(texts), n_threads=args.threads)
    print(f"khabar {_version()}: {len(docs)} sample articles\n")
    for doc in docs:
        print("\n".join(describe(doc)) + "\n")
    return 0


def _version() -> str:
    from . import __version__

    return __version__


def _threads(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar", description="Facts from Arabic and English news articles.")
    p.add_argument("--version", action="version", version=f"khabar {_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser(
        "extract",
        help="extract documents from files",
        description="Extract entities, dates, quotes and events from .txt files, JSON Lines, CSV or "
        "Parquet files, or folders of them.",
    )
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder of .txt/.jsonl/.csv/.parquet, or - for standard input (JSON Lines or a text)",
    )
    ex.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: the one --out's extension names, .csv, .parquet or .jsonl; else jsonl)",
    )
    ex.add_argument(
        "--out",
        metavar="FILE",
        help="output file (default: stdout); for csv and parquet the other tables go to FILE-stem.TABLE.ext",
    )
    ex.add_argument(
        "--text-column", default="text", help="the text field of JSON Lines, CSV and Parquet rows"
    )
    ex.add_argument("--id-column", default="id", help="the id field of rows (default: id)")
    ex.add_argument(
        "--published-column",
        default="published",
        help="the publication date field of rows (default: published)",
    )
    ex.add_argument(
        "--lang-column", default="lang", help="the language field of rows, ar or en (default: lang)"
    )
    ex.add_argument(
        "--published", metavar="DATE", default=None, help="the publication date of .txt inputs (ISO 8601)"
    )
    ex.add_argument("--lang", choices=("ar", "en"), default=None, help="the language of .txt inputs")
    ex.add_argument("--threads", type=_threads, default=None, help="number of threads (default: all cores)")
    ex.add_argument(
        "--chunk-size",
        type=_threads,
        default=CHUNK_DOCS,
        metavar="N",
        help=f"documents extracted and written at a time (default: {CHUNK_DOCS}); memory is bounded by "
        "the chunk (and about 1 KB per document of the last month for clustering across chunks)",
    )
    ex.add_argument(
        "--cluster-index",
        metavar="FILE",
        help="cluster across chunks and runs through this index file (read when it exists, then saved "
        "with the documents added)",
    )
    ex.add_argument(
        "--reference-dates",
        action="store_true",
        help="also give the times named only by their relation to the time of writing (now, recently, "
        "in the future: grain reference, valued PRESENT_REF, PAST_REF or FUTURE_REF), as TimeML marks them",
    )
    ex.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first input that cannot be read, writing nothing (default: report it and go on)",
    )
    ex.set_defaults(run=cmd_extract)

    demo = sub.add_parser("demo", help="run over the bundled sample articles and print what was found")
    demo.add_argument("--threads", type=_threads, default=None, help=argparse.SUPPRESS)
    demo.set_defaults(run=cmd_demo)

    add_evaluate_command(sub)
    add_bench_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except MissingDependencyError as e:
        _say(f"error: {e}")
        return 1
    except OutputError as e:
        _say(f"error: {e}")
        return 3
    except Terminated:
        _say("terminated")
        return 143
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`khabar extract … | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as e:  # a bug: one line, not a traceback (KHABAR_DEBUG=1 shows it)
        if os.environ.get("KHABAR_DEBUG"):
            raise
        _say(f"internal error: {type(e).__name__}: {' '.join(str(e).split())[:300]}")
        return 70
    return code


if __name__ == "__main__":
    sys.exit(main())
