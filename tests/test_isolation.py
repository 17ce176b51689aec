"""Isolation: a failure inside one document's pipeline stays in that document, and Ctrl-C stops a
long ``extract`` promptly.

The failure comes from the core's fault-injection hook: built with the ``fault-injection`` feature
(as ``scripts/test`` builds the package for the tests; release wheels are built without it), a
document containing ``\\0khabar:panic\\0`` makes its pipeline panic. Without the hook these tests
skip, unless ``KHABAR_REQUIRE_FAULT_INJECTION=1`` (set by ``scripts/test``) makes that a failure.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import khabar

PANIC = "\0khabar:panic\0"
EN = (
    "Jordan, Japan sign water desalination memorandum\n\n"
    "AMMAN - Jordan and Japan signed a memorandum of understanding on Tuesday to build a desalination "
    'plant in Aqaba. "This project secures water for a million people," the Jordanian minister said.\n'
)
AR = (
    "الأردن واليابان توقعان مذكرة تفاهم\n\n"
    "وقع الأردن واليابان، اليوم الثلاثاء، مذكرة تفاهم لإنشاء محطة تحلية في العقبة.\n"
)


@pytest.fixture(scope="module")
def hooked() -> None:
    [doc] = khabar.extract(PANIC)
    if any(e.code == "stage_failed" for e in doc.errors):
        return
    reason = "the extension was built without the fault-injection feature"
    if os.environ.get("KHABAR_REQUIRE_FAULT_INJECTION") == "1":
        pytest.fail(f"{reason}, and KHABAR_REQUIRE_FAULT_INJECTION=1 requires it", pytrace=False)
    pytest.skip(reason)


@pytest.mark.usefixtures("hooked")
def test_a_failing_document_keeps_its_place_and_the_batch_goes_on() -> None:
    texts = [EN, "Breaking: " + PANIC + " junk", AR, EN + PANIC, AR]
    docs = khabar.extract(texts, ids=["en", "bad1", "ar", "bad2", "ar2"], n_threads=2)
    assert [d.id for d in docs] == ["en", "bad1", "ar", "bad2", "ar2"]
    for bad in (docs[1], docs[3]):
        assert [e.code for e in bad.errors] == ["stage_failed"]
        assert bad.entities == () and bad.body == ""
        assert bad.text == texts[docs.index(bad)]  # the input is still there to inspect
    for good in (docs[0], docs[2], docs[4]):
        assert good.errors == () and good.entities and good.title
    # the same batch without the failing documents gives the same results for the others
    alone = khabar.extract([EN, AR, AR], ids=["en", "ar", "ar2"], n_threads=1)
    assert [d.to_dict() for d in (docs[0], docs[2], docs[4])] == [d.to_dict() for d in alone]


@pytest.mark.usefixtures("hooked")
def test_the_interpreter_and_the_extractor_survive() -> None:
    ex = khabar.Extractor()
    for _ in range(3):
        [bad, good] = ex.extract([PANIC, EN])
        assert bad.errors and not good.errors
    # the extractor still pickles and works after its threads saw panics
    [doc] = pickle.loads(pickle.dumps(ex)).extract(EN)
    assert doc.errors == () and doc.entities


@pytest.mark.usefixtures("hooked")
def test_failures_reach_the_tables_too() -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    frames = khabar.Extractor().extract_frames([EN, PANIC, AR], ids=["en", "bad", "ar"])
    docs = frames["documents"]
    assert docs["doc_id"].tolist() == ["en", "bad", "ar"]
    errors = docs.set_index("doc_id")["errors"]
    assert list(errors["bad"]) == ["stage_failed"] and not len(errors["en"])


@pytest.mark.usefixtures("hooked")
def test_the_command_line_writes_every_row(tmp_path) -> None:
    import json

    from khabar.cli import main

    src = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "text": EN}, {"id": "b", "text": PANIC}, {"id": "c", "text": AR}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert [e["code"] for e in records[1]["errors"]] == ["stage_failed"] and records[2]["errors"] == []


# A script that starts a long extraction and says when it started; the test interrupts it.
LONG_RUN = textwrap.dedent(
    """
    import sys, time
    import khabar
    from khabar import extractor
    extractor.CHUNK_DOCS = 64  # several chunks even on a fast machine
    texts = [{text!r}] * 100_000
    print("started", flush=True)
    t = time.monotonic()
    try:
        khabar.extract(texts, n_threads=1, progress=False)
    except KeyboardInterrupt:
        print("interrupted", time.monotonic() - t, flush=True)
        # the interpreter is alive and the extractor still works
        [doc] = khabar.extract({text!r}, n_threads=1)
        print("alive", len(doc.entities) > 0, flush=True)
        sys.exit(0)
    print("finished", time.monotonic() - t, flush=True)
    """
)


def test_ctrl_c_stops_a_long_extract_promptly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", LONG_RUN.format(text=EN)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "started"
        time.sleep(1.0)  # into the extraction
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        waited = time.monotonic() - sent
    finally:
        proc.kill()
    lines = out.split("\n")
    assert lines[0].startswith("interrupted"), (out, err)
    assert lines[1] == "alive True", (out, err)
    assert waited < 10, f"Ctrl-C took {waited:.1f} s to stop the extraction"


# A script whose one document never ends by itself (the fault-injection hook stalls it until its
# caller stops it): only a stop read inside the document can end the call.
STALLED_RUN = textwrap.dedent(
    """
    import sys
    import khabar
    text = {text!r} + "\\0khabar:stall\\0" + "x " * 600_000
    print("started", flush=True)
    try:
        khabar.extract(text, n_threads=1, progress=False)
    except KeyboardInterrupt:
        [doc] = khabar.extract({text!r}, n_threads=1)
        print("interrupted", len(doc.entities) > 0, flush=True)
        sys.exit(0)
    print("finished", flush=True)
    """
)


@pytest.mark.usefixtures("hooked")
@pytest.mark.parametrize("api", ["extract", "extract_frames"])
def test_ctrl_c_stops_inside_one_long_document(api: str) -> None:
    script = STALLED_RUN.format(text=EN)
    if api == "extract_frames":
        pytest.importorskip("pyarrow")
        script = script.replace(
            "khabar.extract(text, n_threads=1, progress=False)",
            "khabar.Extractor().extract_frames([text], n_threads=1)",
        )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "started"
        time.sleep(0.5)  # into the stalled document
        proc.send_signal(signal.SIGINT)
        # without a stop inside the document the call would never return
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert out.strip() == "interrupted True", (out, err)
