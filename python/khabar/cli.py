"""The ``khabar`` command: ``khabar extract PATH...`` and ``khabar demo``.

Exit codes (every error is one line on stderr, ``khabar: error: …``):

- 0: every input was read and the output written;
- 1: an input could not be read (missing, unreadable, wrong type): the others are still processed
  and written, unless ``--fail-fast``, which stops at the first and writes nothing; also a missing
  optional dependency;
- 2: a wrong command line;
- 3: the output could not be written (checked before extracting, where it can be);
- 70: an internal error (a bug: please report it);
- 130: interrupted (Ctrl-C).

Output files are written beside their final name and renamed into place when complete, so an
interrupted or failed run never leaves a partial ``--out`` file.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from ._inputs import Prepared, coerce_published, coerce_text, is_missing
from ._samples import samples
from .bench import add_bench_parser
from .errors import KhabarError, MissingDependencyError, optional_import
from .evaluate import add_command as add_evaluate_command
from .extractor import default_extractor
from .frames import COLUMNS, TABLES, tables, to_frames
from .model import Document

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


def _say(message: str) -> None:
    print(f"khabar: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- reading inputs


def _row(record: dict[str, Any], text_field: str, fallback_id: str) -> Row:
    """A row from one JSON object or table row, with ``text_field`` as the text."""
    raw_id = record.get("id")
    doc_id = fallback_id if is_missing(raw_id) or raw_id == "" else str(raw_id)
    text, errors = coerce_text(record.get(text_field))
    published, pub_errors = coerce_published(record.get("published"))
    lang = record.get("lang")
    meta = {k: v.strip() for k in META_FIELDS if isinstance(v := record.get(k), str) and v.strip()}
    code = lang.strip().lower() if isinstance(lang, str) and lang.strip() else None
    return Row(Prepared(doc_id, text, published, code, errors + pub_errors), meta)


def _read_text(path: Path, text_field: str) -> Iterator[Row]:
    text, errors = coerce_text(path.read_bytes())
    yield Row(Prepared(path.stem, text, None, None, errors), {})


def _read_jsonl(path: Path, text_field: str) -> Iterator[Row]:
    with path.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            line, errors = coerce_text(raw)
            if not line.strip():
                continue
            fallback = f"{path.stem}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield Row(Prepared(fallback, "", errors=errors + [f"invalid JSON on line {n}: {e.msg}"]), {})
                continue
            if not isinstance(record, dict):
                yield Row(Prepared(fallback, "", errors=[f"line {n} is not a JSON object"]), {})
                continue
            row = _row(record, text_field, fallback)
            row.doc.errors[:0] = errors
            yield row


def _read_csv(path: Path, text_field: str) -> Iterator[Row]:
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("utf-8-sig", errors="replace")
        _say(f"warning: {path}: invalid UTF-8 replaced")
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if text_field not in (reader.fieldnames or ()):
        raise InputFileError(f"no {text_field!r} column (use --text-column; columns: {reader.fieldnames})")
    for n, record in enumerate(reader, start=1):
        yield _row(dict(record), text_field, f"{path.stem}:{n}")


def _read_parquet(path: Path, text_field: str) -> Iterator[Row]:
    pd: Any = optional_import("pandas", "parquet", "reading Parquet")
    optional_import("pyarrow", "parquet", "reading Parquet")
    df = pd.read_parquet(path)
    if text_field not in df.columns:
        raise InputFileError(f"no {text_field!r} column (use --text-column; columns: {list(df.columns)})")
    for n, record in enumerate(df.to_dict("records"), start=1):
        yield _row({str(k): v for k, v in record.items()}, text_field, f"{path.stem}:{n}")


READERS = {"text": _read_text, "jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet}


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


def _expand(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Each input file named, folders replaced by their input files; ``None`` marks a failure."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
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


def read_inputs(paths: Sequence[str], text_field: str, fail_fast: bool = False) -> tuple[list[Row], int]:
    """Every document of the input paths, in order, and the number of inputs that failed. With
    ``fail_fast``, the first failure raises :class:`FailFast` instead."""
    rows: list[Row] = []
    failed = 0
    for name, path in _expand(paths):
        if path is None:
            failed += 1
        else:
            kind = INPUT_SUFFIXES.get(path.suffix.lower())
            if kind is None:
                _say(f"error: {name}: unsupported file type (expected .txt, .jsonl, .csv or .parquet)")
                failed += 1
            elif not _read_into(rows, READERS[kind], name, path, text_field):
                failed += 1
        if failed and fail_fast:
            raise FailFast
    return rows, failed


def _read_into(rows: list[Row], reader: Any, name: str, path: Path, text_field: str) -> bool:
    """Add the rows of one input file; False (and one line on stderr) when it cannot be read."""
    start = len(rows)
    try:
        rows.extend(reader(path, text_field))
    except OSError as e:
        del rows[start:]  # a file that fails half-way gives no rows, not some
        _say(f"error: {name}: {_reason(e)}")
        return False
    except (InputFileError, KhabarError, ValueError) as e:
        del rows[start:]
        _say(f"error: {name}: {e}")
        return False
    return True


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


def _write_csv_rows(stream: IO[str], rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row[c]) for c in columns])


def _temporary(path: Path) -> Path:
    """Where ``path`` is written before it is renamed into place (same folder: the rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.partial")


@contextlib.contextmanager
def _atomic_outputs(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary files for ``paths``, renamed to them only when the block completes; removed
    otherwise (an error, Ctrl-C), so that no output file is ever left half-written."""
    temps = [_temporary(p) for p in paths]
    try:
        yield temps
        for temp, path in zip(temps, paths, strict=True):
            os.replace(temp, path)
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()


def _output_paths(fmt: str, out: Path) -> list[Path]:
    if fmt == "jsonl":
        return [out]
    return [out if table == "documents" else _table_path(out, table) for table in TABLES]


def _write_jsonl(stream: BinaryIO, docs: list[Document]) -> None:
    for d in docs:
        stream.write((d.to_json() + "\n").encode("utf-8"))
    stream.flush()


def write_output(docs: list[Document], fmt: str, out: Path | None) -> None:
    """Write the documents; to ``out`` (and its side tables) through temporary files."""
    if out is None:
        if fmt == "jsonl":
            _write_jsonl(sys.stdout.buffer, docs)
        else:  # csv: the documents table only (parquet needs --out, checked earlier)
            _write_csv_rows(sys.stdout, tables(docs)["documents"], list(COLUMNS["documents"]))
            sys.stdout.flush()
        return
    try:
        with _atomic_outputs(_output_paths(fmt, out)) as temps:
            if fmt == "jsonl":
                with temps[0].open("wb") as f:
                    _write_jsonl(f, docs)
            elif fmt == "csv":
                rows = tables(docs)
                for table, temp in zip(TABLES, temps, strict=True):
                    with temp.open("w", encoding="utf-8", newline="") as f:
                        _write_csv_rows(f, rows[table], list(COLUMNS[table]))
            else:
                frames = to_frames(docs)
                for table, temp in zip(TABLES, temps, strict=True):
                    frames[table].to_parquet(temp, index=False)
    except OSError as e:
        raise OutputError(f"{e.filename or out}: cannot be written: {_reason(e)}") from None


def _check_writer(fmt: str, out: Path | None) -> None:
    """Fail before extracting when the output cannot be written: a missing package, a folder that
    does not exist or is not writable, an --out that is a folder."""
    if fmt == "parquet":
        for package in ("pandas", "pyarrow"):
            optional_import(package, "parquet", "--format parquet")
    if out is None:
        return
    folder = out.parent
    if out.is_dir():
        raise OutputError(f"{out}: is a folder; --out needs a file name")
    if not folder.is_dir():
        raise OutputError(f"{out}: cannot be written: no folder {folder}")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{out}: cannot be written: folder {folder} is not writable")


# ---------------------------------------------------------------- commands


def cmd_extract(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if args.format == "parquet" and out is None:
        _say("error: --format parquet needs --out FILE")
        return 2
    _check_writer(args.format, out)
    try:
        rows, failed = read_inputs(args.paths, args.text_column, fail_fast=args.fail_fast)
    except FailFast:
        _say("stopped at the first input that could not be read (--fail-fast); nothing written")
        return 1
    extractor = default_extractor()
    progress = bool(sys.stderr is not None and sys.stderr.isatty())
    docs = extractor.extract_prepared([r.doc for r in rows], n_threads=args.threads, progress=progress)
    docs = [_with_meta(d, r.meta) for d, r in zip(docs, rows, strict=True)]
    write_output(docs, args.format, out)
    if failed:
        _say(f"{failed} input(s) could not be read; {len(docs)} document(s) written")
    return 1 if failed else 0


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
        "paths", nargs="+", metavar="PATH", help="a file, or a folder of .txt/.jsonl/.csv/.parquet"
    )
    ex.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    ex.add_argument(
        "--out",
        metavar="FILE",
        help="output file (default: stdout); for csv and parquet the other tables go to FILE-stem.TABLE.ext",
    )
    ex.add_argument(
        "--text-column", default="text", help="the text field of JSON Lines, CSV and Parquet rows"
    )
    ex.add_argument("--threads", type=_threads, default=None, help="number of threads (default: all cores)")
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
