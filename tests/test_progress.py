"""The progress bar of long ``extract`` calls: tqdm.auto when installed, shown where someone looks."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

import khabar
from khabar import extractor as extractor_module


class RecordingBar:
    """Stands in for ``tqdm.auto.tqdm`` and remembers how it was driven."""

    made: list[RecordingBar] = []

    def __init__(self, total: int, unit: str, desc: str, leave: bool) -> None:
        self.total, self.unit, self.desc = total, unit, desc
        self.done = 0
        self.closed = False
        RecordingBar.made.append(self)

    def update(self, n: int) -> None:
        self.done += n

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def bars(monkeypatch: pytest.MonkeyPatch) -> list[RecordingBar]:
    fake = types.ModuleType("tqdm.auto")
    fake.tqdm = RecordingBar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm.auto", fake)
    monkeypatch.setattr(extractor_module, "CHUNK_DOCS", 3)
    RecordingBar.made = []
    return RecordingBar.made


TEXTS = [
    "Jordan and Japan signed a water agreement in Amman on Tuesday.",
    "وقع الأردن واليابان اتفاقية للمياه في عمان يوم الثلاثاء.",
] * 4


def test_the_bar_counts_every_document_and_closes(bars: list[RecordingBar]) -> None:
    docs = khabar.extract(TEXTS, progress=True)
    assert len(docs) == 8
    [bar] = bars
    assert (bar.total, bar.done, bar.unit, bar.desc, bar.closed) == (8, 8, "doc", "khabar", True)


def test_the_bar_closes_when_the_run_is_interrupted(
    bars: list[RecordingBar], monkeypatch: pytest.MonkeyPatch
) -> None:
    ex = khabar.Extractor()
    real = ex._core

    class Failing:
        calls = 0

        def extract(self, docs: Any, n_threads: Any, *rest: Any) -> Any:
            Failing.calls += 1
            if Failing.calls == 2:
                raise KeyboardInterrupt
            return real.extract(docs, n_threads, *rest)

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

    ex._core = Failing()  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        ex.extract(TEXTS, progress=True)
    [bar] = bars
    assert bar.done == 3 and bar.closed


def test_long_batches_show_a_bar_in_a_notebook_only(
    bars: list[RecordingBar], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extractor_module, "AUTO_PROGRESS_DOCS", 5)
    khabar.extract(TEXTS[:4])  # short: no bar
    khabar.extract(TEXTS)  # long, but stderr is not a terminal here and this is no notebook
    assert bars == []

    class ZMQInteractiveShell:  # the shell class Jupyter kernels run
        pass

    ipython = types.ModuleType("IPython")
    ipython.get_ipython = ZMQInteractiveShell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    khabar.extract(TEXTS)
    assert len(bars) == 1 and bars[0].done == 8


def test_without_tqdm_there_is_simply_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    monkeypatch.setitem(sys.modules, "tqdm", None)
    docs = khabar.extract(TEXTS, progress=True)
    assert len(docs) == 8


def test_the_real_tqdm_draws_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    khabar.extract(TEXTS, progress=True)
    err = capsys.readouterr().err
    assert "khabar" in err and "/8" in err and "doc" in err
