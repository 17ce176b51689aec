#!/usr/bin/env python3
"""Measure khabar's date recogniser against peers' test suites, beside dateparser.

Runs, on the same cases and with the same reference times:
  - khabar, through the Python package (`khabar._core.Extractor().extract`, reading `dates`);
  - dateparser (`dateparser.search.search_dates`), when it is installed.

Suites (from a folder holding the peers' published specs, by default ../shared/eval/dates):
  - Microsoft Recognizers-Text, Arabic and English DateExtractor.json (spans) and DateParser.json
    (values; either the spec's future or past resolution is accepted);
  - Duckling's Arabic and English time corpora (reference 2013-02-12T04:30).

A case passes for spans when every expected expression is overlapped by a found one and nothing
else is found; for values when an expression overlapping the expected one has the expected value.
khabar gives values at the precision of the text ("two years ago" is a year, "this evening" a part
of the day, 2013-02-12TEV, read here as its day): a coarser value that is a prefix of the expected
one passes and is counted apart ("coarser"). Duckling's corpus
is an assistant's: an expression after the reference time is meant as the future, which news text
would mark with a future verb, so those inputs are run as "we will meet …" / "سنلتقي …" for both
systems; the figures on the bare inputs are printed as well. Cases outside khabar's scope (holidays,
clock times in words, "now", seasons, bare day numbers) are listed with their reason and left out
of the in-scope rates, for both systems alike.

Speed is CPU time after a warm-up for both systems: khabar's whole pipeline on all cases in one
call, one thread, no clustering (median of a few runs), against dateparser's one run; the date
stage's own time is printed beside it.

TimeML corpora (TempEval-3) are scored by a TimeML scorer on khabar's own records, extracted with
`khabar extract --reference-dates` (TimeML marks "now", "recently" and the like); for the row
beside it, `--timeml-dateparser DOCS OUT` writes dateparser's dates on the same prepared
documents as records of the same shape.

Usage: python scripts/evaluate_dates.py [--data DIR] [--details] [--no-dateparser]
       python scripts/evaluate_dates.py --timeml-dateparser DOCS.jsonl OUT.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import re
import sys
import time
from collections import Counter, defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- cases


class Case:
    """One input with its reference time and what is expected of it."""

    def __init__(self, suite, text, ref, lang, spans=None, values=None, interval=None, future=False):
        self.suite = suite
        self.text = text
        self.ref = ref  # ISO date-time string
        self.lang = lang
        self.spans = spans  # list of (start, end) for span suites, else None
        self.values = values  # list of (span or None, set of accepted ISO values or {None})
        self.interval = interval  # (start, end-inclusive) ISO for Duckling intervals
        self.future = future
        self.scope = None  # reason when out of scope


def numbers_words():
    """Ordinal and cardinal words of the project's own table, to spot bare day numbers."""
    words = set()
    lines = (ROOT / "data" / "numbers.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if line.startswith("#") or line.startswith("word\t"):
            continue
        words.add(fold(line.split("\t")[0]))
    return words


def fold(s):
    s = s.lower()
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
        s = s.replace(a, b)
    return s


NUMBER_WORDS = None
DATE_STAGE = None
WARM_UP = 10  # inputs per language run once before timing, by both systems
TIMED_RUNS = 5  # khabar's batch is timed this many times; the median counts


def warm_up(cases):
    """A few cases of each language, run before timing (lexicons and language data load once)."""
    return [c for lang in ("ar", "en") for c in [c for c in cases if c.lang == lang][:WARM_UP]]
BARE_PREFIX = re.compile(r"^(?:the |on |for |في |إلى |الى |يوم |لل|ل)+")  # "on the 15th" too


def bare_day(text):
    """A day number without month or weekday: "the 27th", "في 15", "للثاني والعشرين"."""
    t = BARE_PREFIX.sub("", fold(text.strip()))
    if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", t):
        return True
    words = [w for w in re.split(r"[\s-]+", t) if w]
    return bool(words) and all(w in NUMBER_WORDS or (w.startswith("و") and w[1:] in NUMBER_WORDS) or "ال" + w in NUMBER_WORDS or w.startswith("لل") and "ال" + w[2:] in NUMBER_WORDS for w in words)


SPELLED_YEAR = re.compile(r"(ألف|الف|ألفين|ألفان|thousand|nineteen|eighteen \w+ \w+$)", re.I)


def rt_cases(data, lang):
    folder = data / "recognizers-text-datetime" / ("Arabic" if lang == "ar" else "English")
    out = []
    for kind in ("DateExtractor", "DateParser"):
        suite = f"RT-{lang}-{'spans' if kind == 'DateExtractor' else 'values'}"
        for c in json.loads((folder / f"{kind}.json").read_text(encoding="utf-8")):
            ref = (c.get("Context") or {}).get("ReferenceDateTime", "2016-11-07T00:00:00")
            text = c["Input"]
            res = c.get("Results") or []
            spans, values = [], []
            for r in res:
                start = r.get("Start", text.find(r["Text"]))
                end = r["End"] + 1 if "End" in r else start + r.get("Length", len(r["Text"]))
                spans.append((start, end))
                v = r.get("Value") or {}
                accepted = {x.get("date") for x in (v.get("FutureResolution") or {}, v.get("PastResolution") or {}) if x.get("date")}
                if accepted == {"0001-01-01"} or not accepted:
                    accepted = {None}
                values.append(((start, end), accepted))
            case = Case(suite, text, ref, lang, spans=spans if kind == "DateExtractor" else None, values=values if kind == "DateParser" else None)
            case.scope = rt_scope(res)
            out.append(case)
    return out


def rt_scope(results):
    for r in results:
        if bare_day(r["Text"]):
            return "a day number without month or weekday: in news a count (في 15 دولة), not a date"
        if SPELLED_YEAR.search(r["Text"]):
            return "a year written out in words"
    return None


DUCK_DT = re.compile(r"\((-?\d+), (\d+), (\d+), (\d+), (\d+), (\d+)\)")


def duck_iso(t, grain):
    y, m, d, h, mi, _ = (int(x) for x in t)
    if grain == "Year":
        return f"{y:04d}"
    if grain == "Month":
        return f"{y:04d}-{m:02d}"
    if grain in ("Day", "Week"):
        return f"{y:04d}-{m:02d}-{d:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}"


def duck_minus_one(t, grain):
    """The inclusive end of a Duckling interval (its end is exclusive)."""
    y, m, d, h, mi, s = (int(x) for x in t)
    x = dt.datetime(y, m, d, h, mi, s)
    if grain == "Year":
        return f"{y - 1:04d}"
    if grain == "Month":
        y2, m2 = (y, m - 1) if m > 1 else (y - 1, 12)
        return f"{y2:04d}-{m2:02d}"
    if grain == "Week":
        return (x - dt.timedelta(days=1)).date().isoformat()
    if grain == "Day":
        return (x - dt.timedelta(days=1)).date().isoformat()
    return (x - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")


def duck_cases(data, lang):
    f = data / "duckling-time-corpus" / f"duckling_time_{lang.upper()}.json"
    d = json.loads(f.read_text(encoding="utf-8"))
    ref = "2013-02-12T04:30:00"
    suite = f"Duckling-{lang}"
    out = []
    for c in d["cases"]:
        e = c["expected"]
        grain = e.rstrip(")").rsplit(" ", 1)[-1].strip('"')
        kind = e.split(" ", 1)[0].lstrip("(")
        pts = DUCK_DT.findall(e)
        g = re.search(r"\) (\w+)\)?(?: \"|$)", e)
        grain = g.group(1) if g else grain
        for text in c["inputs"]:
            case = Case(suite, text, ref, lang)
            scope = duck_scope(kind, grain, text)
            if kind == "datetime" and pts:
                iso = duck_iso(pts[0], grain)
                case.values = [(None, {iso})]
                case.future = iso[:10] > ref[:10] if len(iso) >= 10 else iso > ref[: len(iso)]
            elif kind == "datetimeInterval" and len(pts) == 2:
                a, b = duck_iso(pts[0], grain), duck_minus_one(pts[1], grain)
                case.interval = (a, b)
                case.values = [(None, {f"{a}/{b}"})]
                case.future = a[:10] > ref[:10]
            case.scope = scope
            out.append(case)
    for text in d.get("negative", []):
        case = Case(suite, text, ref, lang, spans=[])
        out.append(case)
    return out


def duck_scope(kind, grain, text):
    if "Holiday" in kind:
        return "holidays (a holiday calendar is not in scope)"
    if "OpenInterval" in kind:
        return "open intervals (after/before a time)"
    if grain == "Second":
        return "'now' and clock arithmetic from the present moment"
    if grain == "Quarter":
        return "quarters of a year"
    if grain in ("Hour", "Minute") and not re.search(r"\d", text):
        return "clock time written in words"
    if kind == "datetimeInterval" and grain in ("Hour", "Minute"):
        return "intervals within a day (scheduling)"
    if bare_day(text):
        return "a day number without month or weekday: in news a count (في 15 دولة), not a date"
    if re.fullmatch(r"\d{1,2}[ap]?", text.strip()):
        return "a bare number read as a clock time (chat)"
    if kind == "datetimeInterval" and re.search(r"^(last|past|next|the past|the next|the last) (\d+|two|three|four|few|several)|الاسابيع|الأسابيع|الايام|الأيام|الاشهر|الأشهر", text, re.I):
        return "the last/next N units: a length of time in khabar (its rule), an interval in Duckling"
    if re.search(r"season|summer|winter|spring|fall|autumn|EOM|BOM|EOY|BOY|end of|beginning of|early |mid |late |اوائل|أوائل|اواخر|أواخر|منتصف|نص |نصف", text, re.I):
        return "seasons and parts of a month or year"
    if re.search(r"شهر (ثلاث|عشر|\d)|الشهر (الثامن|التاسع)|شهر عشرة", text):
        return "a month given as a number (colloquial)"
    return None


# ---------------------------------------------------------------- running


def run_khabar(cases, sentence_of):
    import khabar._core as core

    ex = core.Extractor('{"no_cluster": true}')
    inputs = [(str(i), sentence_of(c)[0], c.ref, c.lang, []) for i, c in enumerate(cases)]
    # Warm up: the first call builds the lexicons and automata (once per process).
    ex.extract([(c.lang, c.text, c.ref, c.lang, []) for c in warm_up(cases)], 1, False)
    # One batch, one thread, no clustering (the cases are not a news batch); CPU time, so that
    # other work on the machine does not count; the median of a few runs, as one run of the
    # batch is short enough for a scheduler hiccup to count (dateparser's one run is long).
    times = []
    for _ in range(TIMED_RUNS):
        t0 = time.process_time()
        docs = ex.extract(inputs, 1, False)
        times.append(time.process_time() - t0)
    elapsed = sorted(times)[len(times) // 2]
    global DATE_STAGE
    if hasattr(ex, "bench"):  # thread time of the date stage alone (median of the runs)
        stage = sorted(ex.bench(inputs, 1)["stages"].get("dates", 0) for _ in range(TIMED_RUNS))
        DATE_STAGE = stage[len(stage) // 2]
    out = []
    for c, raw in zip(cases, docs):
        d = json.loads(raw)
        shift = sentence_of(c)[1]
        out.append([((x["start"] - shift, x["end"] - shift), x.get("value"), x.get("grain")) for x in d.get("dates", [])])
    return out, elapsed


def run_dateparser(cases, sentence_of):
    from dateparser.search import search_dates

    for c in warm_up(cases):
        search_dates(c.text, languages=[c.lang])
    out = []
    t0 = time.process_time()
    for c in cases:
        text, shift = sentence_of(c)
        ref = dt.datetime.fromisoformat(c.ref)
        try:
            found = search_dates(text, languages=[c.lang], settings={"RELATIVE_BASE": ref}) or []
        except Exception:  # dateparser raises on some inputs; count as nothing found
            found = []
        preds, pos = [], 0
        for s, v in found:
            k = text.find(s, pos)
            if k < 0:
                k = text.find(s)
            pos = max(pos, k + len(s))
            preds.append(((k - shift, k - shift + len(s)), v.isoformat(), None))
        out.append(preds)
    return out, time.process_time() - t0


def dateparser_timeml(docs_path, out_path):
    """dateparser's dates on TimeML documents (the JSON lines a TimeML scorer prepares: id, text,
    published), written as khabar-style records so that the same scorer reads both: each found
    string with its offsets, the day as its value (with the time when dateparser gives one)."""
    from dateparser.search import search_dates

    with open(docs_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            doc = json.loads(line)
            text = doc["text"]
            ref = dt.datetime.fromisoformat(doc["published"][:10]) if doc.get("published") else None
            settings = {"RELATIVE_BASE": ref} if ref else {}
            try:
                found = search_dates(text, languages=["en"], settings=settings) or []
            except Exception:  # dateparser raises on some inputs; count as nothing found
                found = []
            dates, pos = [], 0
            for s, v in found:
                k = text.find(s, pos)
                if k < 0:
                    continue
                pos = k + len(s)
                timed = (v.hour, v.minute) != (0, 0)
                value = v.strftime("%Y-%m-%dT%H:%M") if timed else v.date().isoformat()
                grain = "time" if timed else "day"
                dates.append({"start": k, "end": k + len(s), "text": s, "value": value, "grain": grain})
            out.write(json.dumps({"id": doc["id"], "dates": dates}, ensure_ascii=False) + "\n")


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def value_ok(pred, accepted, peer):
    """Whether a predicted value is one of the accepted ones: 'exact', 'coarser' or ''."""
    if pred is None:
        return "exact" if None in accepted else ""
    v = pred
    if not peer and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[A-Z]{2}", v):
        # a part of the day (TimeML's 2013-02-12TEV): its day, coarser than a clock time in it
        v = v[:10]
    if "T" in v:
        date, clock = v.split("T", 1)
        v_time = date + "T" + clock[:5]
    else:
        v_time = v
    for a in accepted:
        if a is None:
            continue
        if "/" in a:
            if v == a or v_time == a:
                return "exact"
            continue
        if v_time == a or (len(a) <= 10 and v_time[: len(a)] == a and (peer or len(v) <= 10)):
            return "exact"
        if not peer and len(v) < len(a) and a.startswith(v) and "/" not in v:
            return "coarser"
        # a range's start (Duckling weeks)
        if "/" in v and v.split("/")[0] == a:
            return "exact"
    return ""


def judge(c, preds, peer):
    """'pass', 'coarser' or 'fail' for one case."""
    if c.spans is not None:
        if not c.spans:
            return "pass" if not preds else "fail"
        found = all(any(overlaps(p[0], s) for p in preds) for s in c.spans)
        extra = any(not any(overlaps(p[0], s) for s in c.spans) for p in preds)
        return "pass" if found and not extra else "fail"
    if not c.values:
        return "pass" if not preds else "fail"
    best = ""
    for span, accepted in c.values:
        if accepted == {None}:
            hits = [p for p in preds if span is None or overlaps(p[0], span)]
            return "pass" if all(p[1] is None for p in hits) else "fail"
        for p in preds:
            if span is not None and not overlaps(p[0], span):
                continue
            if peer and c.interval and p[1]:
                # dateparser gives single dates: its start is accepted for an interval
                if p[1][:10] == c.interval[0][:10]:
                    return "pass"
            r = value_ok(p[1], accepted, peer)
            if r == "exact":
                return "pass"
            if r == "coarser":
                best = "coarser"
    return best or "fail"


FUTURE_FRAME = {"en": "we will meet ", "ar": "سنلتقي "}


def framed(c):
    """The sentence a case is run in, and the offset of the case's text in it."""
    if c.suite.startswith("Duckling") and c.future and c.spans is None:
        p = FUTURE_FRAME[c.lang]
        return p + c.text, len(p)
    return c.text, 0


def bare(c):
    return c.text, 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "dates"))
    ap.add_argument("--details", action="store_true", help="list failures and out-of-scope cases")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument(
        "--timeml-dateparser",
        nargs=2,
        metavar=("DOCS", "OUT"),
        help="write dateparser's dates on prepared TimeML documents as records for a TimeML scorer, and stop",
    )
    args = ap.parse_args(argv)
    if args.timeml_dateparser:
        dateparser_timeml(*args.timeml_dateparser)
        return
    data = pathlib.Path(args.data)
    global NUMBER_WORDS
    NUMBER_WORDS = numbers_words()

    cases = rt_cases(data, "ar") + rt_cases(data, "en") + duck_cases(data, "ar") + duck_cases(data, "en")
    ours, t_ours = run_khabar(cases, framed)
    ours_bare, _ = run_khabar(cases, bare)
    theirs, t_theirs = (None, None)
    if not args.no_dateparser:
        try:
            theirs, t_theirs = run_dateparser(cases, framed)
        except ImportError:
            print("dateparser is not installed: pip install 'dateparser==1.5.*'", file=sys.stderr)

    rows = defaultdict(Counter)
    scope_reasons = defaultdict(Counter)
    failures = defaultdict(list)
    for i, c in enumerate(cases):
        r = rows[c.suite]
        r["cases"] += 1
        if c.scope:
            r["out"] += 1
            scope_reasons[c.suite][c.scope] += 1
            if args.details:
                failures[c.suite].append(f"  out  {c.text!r}: {c.scope}")
            continue
        r["in"] += 1
        v = judge(c, ours[i], peer=False)
        r["ours"] += v in ("pass", "coarser")
        r["coarser"] += v == "coarser"
        r["ours_bare"] += judge(c, ours_bare[i], peer=False) in ("pass", "coarser")
        if theirs is not None:
            r["theirs"] += judge(c, theirs[i], peer=True) == "pass"
        if v == "fail" and args.details:
            want = c.spans if c.spans is not None else [sorted(map(str, a)) for _, a in c.values]
            failures[c.suite].append(f"  FAIL {framed(c)[0]!r} ref {c.ref[:10]} want {want} got {[(c.text[p[0][0]:p[0][1]] if p[0][0] >= 0 else '?', p[1]) for p in ours[i]]}")

    if args.details:
        for s, lines in failures.items():
            print(f"== {s}")
            print("\n".join(lines))
        print()

    def pct(a, b):
        return f"{100 * a / b:5.1f}%" if b else "    -"

    head = f"{'suite':<18}{'cases':>6}{'in scope':>9}  {'khabar':>16}  {'(bare input)':>12}  {'dateparser':>16}"
    print(head)
    print("-" * len(head))
    tot = defaultdict(Counter)
    for s in rows:
        r = rows[s]
        lang = "ar" if "-ar" in s else "en"
        for k, v in r.items():
            tot[lang][k] += v
        dp = f"{r['theirs']:>4}/{r['in']:<4}{pct(r['theirs'], r['in'])}" if theirs is not None else "-"
        note = f"  ({r['coarser']} coarser)" if r["coarser"] else ""
        print(f"{s:<18}{r['cases']:>6}{r['in']:>9}  {r['ours']:>4}/{r['in']:<4}{pct(r['ours'], r['in'])}  {pct(r['ours_bare'], r['in']):>12}  {dp:>16}{note}")
    for lang, r in tot.items():
        dp = f"{r['theirs']:>4}/{r['in']:<4}{pct(r['theirs'], r['in'])}" if theirs is not None else "-"
        print(f"{'all ' + lang:<18}{r['cases']:>6}{r['in']:>9}  {r['ours']:>4}/{r['in']:<4}{pct(r['ours'], r['in'])}  {pct(r['ours_bare'], r['in']):>12}  {dp:>16}")
    print()
    n = len(cases)
    print(f"CPU time for {n} inputs, after a warm-up: khabar {t_ours:.3f} s (whole pipeline, one batch, one thread)", end="")
    if t_theirs:
        print(f", dateparser {t_theirs:.2f} s: khabar is {t_theirs / t_ours:.0f}x faster")
        if DATE_STAGE:
            print(f"khabar's date stage alone: {DATE_STAGE:.4f} s, {t_theirs / DATE_STAGE:.0f}x faster than dateparser")
    else:
        print()
    print("\nout of scope, by reason:")
    for s, reasons in scope_reasons.items():
        for reason, k in reasons.most_common():
            print(f"  {s:<16} {k:>4}  {reason}")


if __name__ == "__main__":
    main()
