"""Linear time and bounded memory: khabar on documents from 1 KB to 100 MB, and on adversarial shapes.

Each measurement runs in a fresh process, so that its peak resident memory is its own. For every
shape the table gives the time of ``khabar.extract`` on one thread (the better of two runs, so that
the fresh process's first touch of its pages does not count) and its CPU time, the throughput,
and the peak memory above what the process held once the input was built; the last column is the
growth exponent of the CPU time between consecutive sizes (time ∝ size^k: 1.0 is linear, 2.0
quadratic; CPU time, because a busy machine stretches wall-clock time). A shape is judged
linear when the exponent between its two largest sizes stays at or below 1.2 (small sizes are dominated
by fixed costs, so only the large end is judged).

    python benches/scaling.py                  # every shape, up to 100 MB
    python benches/scaling.py --max-mb 10      # a quicker run
    python benches/scaling.py --shapes quotes digits --json out.json

Needs the release build of the extension (``maturin develop --release``). Not a test: timings
depend on the machine; the exit status is 1 when a shape grows faster than linearly.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

# Sentences written for this benchmark, in both languages, with names, dates and quotes.
# ({0} is a running number: the cleaner drops paragraphs printed twice, as page furniture.)
PARAGRAPHS = (
    "Tunisia and Algeria reopened the Ras Jedir border crossing on Monday, 4 September 2023, the "
    'interior ministry said. "Trade will resume within {0} days," Prime Minister Ahmed Hachani told '
    "reporters in Tunis.\n\n",
    "أعلنت وزارة الداخلية التونسية، اليوم الاثنين، إعادة فتح المعبر الحدودي مع الجزائر، وقال رئيس "
    "الحكومة للصحفيين: «ستستأنف التجارة خلال {0} أيام»، مضيفا أن المحادثات ستتواصل الأسبوع المقبل.\n\n",
)
TITLE_EN = "Foreign Minister "
TITLE_AR = "وزير الخارجية المغربي "
KB, MB = 1_000, 1_000_000
# The largest growth exponent a shape may show between its two largest sizes.
LINEAR = 1.2


def repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` UTF-8 bytes."""
    return unit * max(1, size // len(unit.encode()))


def news(size: int) -> str:
    return "Tunisia, Algeria reopen border crossing\n\n" + numbered("".join(PARAGRAPHS), size)


def numbered(unit: str, size: int) -> str:
    """``unit`` with a running number, to about ``size`` bytes: a page that is one string printed
    over and over is clutter to the cleaner, so numbering makes every later stage read it."""
    out, n, i = [], 0, 0
    while n < size:
        piece = unit.format(i)
        out.append(piece)
        n += len(piece.encode())
        i += 1
    return "".join(out)


def long_line(size: int) -> str:
    # one line, no punctuation at all: words of both scripts
    return numbered("border crossing {} trade talks المعبر الحدودي التجارة ", size)


def open_quotes(size: int) -> str:
    # opening marks of every family, never closed, with and without words between them
    return numbered('«“"‘„ «قال {} “said ', size)


def title_phrase(count: int) -> str:
    # one sentence of title phrases (role + nationality), each with its own number
    return "".join(f"{TITLE_EN}{i} {TITLE_AR}" for i in range(count))


def title_phrase_exact(count: int) -> str:
    return "".join(TITLE_AR if i % 2 else TITLE_EN for i in range(count))


def quoted_paragraphs(size: int) -> str:
    # a paragraph per quotation, the same minister speaking in each, in both languages
    return "Rabat talks go on\n\n" + numbered(
        '"We will open {0} new sites," Foreign Minister Salma Idrissi said. '
        "وقالت الوزيرة: «سنفتح {0} مواقع جديدة».\n\n",
        size,
    )


def quote_pairs(size: int) -> str:
    # one line, no full stop until the end: short quoted words, each rejected as a quotation, so
    # every mark's cue search once reread the line from its start
    return repeat_to('"x" ', size) + "end."


def quote_pairs_ar(size: int) -> str:
    return repeat_to("«س» ", size) + "نهاية."


def known_name(size: int) -> str:
    # one known person named thousands of times in one sentence (numbered: not a repeated line)
    return numbered("Safadi {} ", size)


def cue_chain(size: int) -> str:
    # one sentence of reporting verbs and subjects: every cue looks for its subject
    return numbered("Safadi said {} and the minister told reporters that ", size) + "end."


def comma_news(size: int) -> str:
    # news on one line, commas for full stops: one sentence of megabytes, with names, dates, quotes
    unit = "".join(PARAGRAPHS).replace(". ", ", ").replace(".\n\n", ", ").replace("\n\n", ", ")
    return numbered(unit, size)


def json_blob(size: int) -> str:
    # the one-line JSON a scraped page embeds: quoted keys and values, no sentence end
    return "{" + numbered('"key{0}": "value {0} of the page", ', size) + "}"


def digits(size: int) -> str:
    return repeat_to("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲", size)


def diacritics(size: int) -> str:
    return repeat_to("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640", size)


SHAPES: dict[str, tuple[Callable[[int], str], list[int], str]] = {
    "news": (news, [KB, 10 * KB, 100 * KB, MB, 10 * MB, 100 * MB], "bytes"),
    "long_line": (long_line, [100 * KB, MB, 10 * MB], "bytes"),
    "open_quotes": (open_quotes, [10 * KB, 100 * KB, MB], "bytes"),
    "quoted_paragraphs": (quoted_paragraphs, [100 * KB, MB, 10 * MB], "bytes"),
    "title_phrase": (title_phrase, [1_000, 10_000, 100_000], "repetitions"),
    "title_phrase_exact": (title_phrase_exact, [1_000, 10_000, 100_000], "repetitions"),
    "quote_pairs": (quote_pairs, [100 * KB, MB, 10 * MB], "bytes"),
    "quote_pairs_ar": (quote_pairs_ar, [100 * KB, MB, 10 * MB], "bytes"),
    "known_name": (known_name, [100 * KB, MB, 10 * MB], "bytes"),
    "cue_chain": (cue_chain, [100 * KB, MB, 10 * MB], "bytes"),
    "comma_news": (comma_news, [100 * KB, MB, 10 * MB], "bytes"),
    "json_blob": (json_blob, [100 * KB, MB, 10 * MB], "bytes"),
    "digits": (digits, [100 * KB, MB, 10 * MB, 40 * MB], "bytes"),
    "diacritics": (diacritics, [100 * KB, MB, 10 * MB], "bytes"),
    "gazetteer": (lambda n: "", [1_000, 10_000, 100_000, 1_000_000], "entries"),
}


def gazetteer_rows(n: int) -> list[dict[str, Any]]:
    """``n`` user rows with names in both scripts, some sharing a name (the same key, many records)."""
    return [
        {
            "id": f"U{i}",
            "kind": ("org", "person", "location")[i % 3],
            "name": f"Company {i} Holdings" if i % 10 else "Atlas Group",
            "aliases": [f"شركة {i} القابضة"],
        }
        for i in range(n)
    ]


def per_doc_ms(ex: Any, texts: list[str]) -> float:
    """Milliseconds per document of one batch of ``texts`` on one thread."""
    started = time.perf_counter()
    ex.extract(texts, n_threads=1)
    return (time.perf_counter() - started) / len(texts) * 1e3


def child(shape: str, size: int) -> dict[str, Any]:
    """One measurement, in this process (run by the parent in a fresh one)."""
    import khabar

    make, _, _ = SHAPES[shape]
    khabar.extract("warm up", n_threads=1)
    if shape == "gazetteer":
        rows = gazetteer_rows(size)
        text = news(10 * KB) + " Atlas Group and Company 7 Holdings and شركة 42 القابضة met."
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started, cpu = time.perf_counter(), time.process_time()
        ex = khabar.Extractor(entities=rows)
        del rows  # the rows' Python objects, kept alive, would slow the garbage collector instead
        [doc] = ex.extract(text, n_threads=1)
        elapsed = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu
        # the cost of each later document must not grow with the table: timed apart
        after = {
            "cpu_seconds": cpu_seconds,
            "doc_ms": per_doc_ms(ex, [text] * 5),
            "empty_doc_ms": per_doc_ms(ex, [""] * 200),
        }
    else:
        text = make(size)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # the better of two runs: the first also pays for the fresh process's first touch of
        # every page it allocates, which is no part of the work's growth
        runs = []
        for _ in range(2):
            started, cpu = time.perf_counter(), time.process_time()
            [doc] = khabar.extract(text, n_threads=1)
            runs.append((time.perf_counter() - started, time.process_time() - cpu))
        elapsed = min(r[0] for r in runs)
        after = {"cpu_seconds": min(r[1] for r in runs)}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return after | {
        "shape": shape,
        "size": size,
        "bytes": len(text.encode()),
        "seconds": elapsed,
        "extra_rss_mb": (peak - base) / 1024,
        "peak_rss_mb": peak / 1024,
        "errors": [str(e) for e in doc.errors],
        "found": len(doc.entities) + len(doc.dates) + len(doc.quotes) + len(doc.events),
    }


def measure(shape: str, size: int, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", shape, str(size)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True).stdout
    except subprocess.TimeoutExpired:
        failed = {"shape": shape, "size": size, "seconds": math.inf, "extra_rss_mb": math.nan}
        return failed | {"errors": ["timeout"]}
    except subprocess.CalledProcessError as e:
        tail = (e.stderr or "").strip().splitlines()[-1:] or ["?"]
        return {"shape": shape, "size": size, "seconds": math.nan, "extra_rss_mb": math.nan, "errors": tail}
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def exponent(a: dict[str, Any], b: dict[str, Any]) -> float:
    """k in time ∝ size^k between two measurements, in the CPU time of the work where it was
    measured (a busy machine stretches the wall-clock time of a run, not the CPU time it takes)."""
    key = "cpu_seconds" if "cpu_seconds" in a and "cpu_seconds" in b else "seconds"
    if not (a[key] > 0 and b[key] > 0) or math.isinf(b["seconds"]):
        return math.inf
    return math.log(b[key] / a[key]) / math.log(b["size"] / a["size"])


def human(n: int, unit: str) -> str:
    if unit != "bytes":
        return f"{n:,} {unit}"
    return f"{n / MB:g} MB" if n >= MB else f"{n / KB:g} KB"


def run(shapes: list[str], max_bytes: int, timeout: float) -> tuple[list[dict[str, Any]], bool]:
    results: list[dict[str, Any]] = []
    all_linear = True
    print(f"{'shape':18} {'size':>18} {'seconds':>9} {'CPU s':>9} {'MB/s':>8} {'extra RSS MB':>13} {'k':>6}")
    for shape in shapes:
        _, sizes, unit = SHAPES[shape]
        rows = []
        for size in sizes:
            if unit == "bytes" and size > max_bytes:
                continue
            r = measure(shape, size, timeout)
            k = exponent(rows[-1], r) if rows else math.nan
            rows.append(r)
            mbps = r.get("bytes", 0) / MB / r["seconds"] if r["seconds"] and unit == "bytes" else math.nan
            note = f"  errors: {r['errors']}" if r.get("errors") else ""
            if "doc_ms" in r:  # the gazetteer: build and first document, then each later one
                note += (
                    f"  then {r['doc_ms']:.2f} ms per 10 KB document, {r['empty_doc_ms']:.3f} per empty one"
                )
            print(
                f"{shape:18} {human(size, unit):>18} {r['seconds']:9.3f} "
                f"{r.get('cpu_seconds', math.nan):9.3f} {mbps:8.2f} "
                f"{r['extra_rss_mb']:13.1f} {k:6.2f}{note}",
                flush=True,
            )
        linear = len(rows) < 2 or exponent(rows[-2], rows[-1]) <= LINEAR
        all_linear &= linear
        print(f"{shape:18} {'linear' if linear else 'SUPERLINEAR'}", flush=True)
        results.extend(rows)
    return results, all_linear


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    p.add_argument("--max-mb", type=float, default=100, help="largest document size (default 100)")
    p.add_argument("--timeout", type=float, default=900, help="seconds before one measurement is a failure")
    p.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    p.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return 0
    results, linear = run(args.shapes, int(args.max_mb * MB), args.timeout)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
