"""The command line under bad conditions: unreadable files and folders, outputs that cannot be
written, interruptions, internal errors, folders of many files. Every error is one line on stderr
and a documented exit code (see ``khabar.cli``); an ``--out`` file is complete or absent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from khabar import cli
from khabar.cli import main

EN = (
    "Tunisia, Algeria reopen border crossing\n\nMon, 4 Sep 2023 - 08:40 GMT\n\n"
    "TUNIS - Tunisia and Algeria reopened the Ras Jedir crossing on Monday, the interior ministry said.\n"
)
AR = (
    "تونس والجزائر تعيدان فتح المعبر\n\n"
    "أعلنت وزارة الداخلية التونسية، اليوم الاثنين، إعادة فتح المعبر الحدودي مع الجزائر.\n"
)


def errors_of(err: str) -> list[str]:
    lines = err.strip().splitlines()
    assert all(line.startswith("khabar: ") for line in lines), err
    return lines


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_en.txt").write_text(EN, encoding="utf-8")
    (d / "b_ar.txt").write_text(AR, encoding="utf-8")
    return d


def deny(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make ``path`` unreadable: by its mode where that binds, by refusing the read where it does
    not (root reads any file)."""
    if os.geteuid() != 0:
        path.chmod(0)
        return
    real = Path.read_bytes
    real_open = Path.open

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)


@pytest.mark.parametrize("name", ["secret.txt", "secret.jsonl", "secret.csv"])
def test_an_unreadable_file_is_one_line_and_the_rest_is_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    secret = folder / name
    secret.write_text(
        '{"id": "s", "text": "x"}\n' if name.endswith("jsonl") else "id,text\ns,x\n", encoding="utf-8"
    )
    deny(monkeypatch, secret)
    assert main(["extract", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a_en", "b_ar"]
    lines = errors_of(err)
    assert lines[0] == f"khabar: error: {secret}: Permission denied"
    assert "1 input(s) could not be read; 2 document(s) written" in lines[-1]


def test_an_unlistable_folder(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = folder.parent / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(cli.os, "scandir", scandir)
    assert main(["extract", str(locked), str(folder / "a_en.txt")]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a_en"]
    assert errors_of(err)[0] == f"khabar: error: {locked}: folder cannot be listed: Permission denied"


def test_fail_fast_stops_before_writing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    code = main(
        ["extract", str(folder / "a_en.txt"), str(folder / "gone.txt"), "--out", str(out), "--fail-fast"]
    )
    assert code == 1
    assert not out.exists()
    lines = errors_of(capsys.readouterr().err)
    assert lines[0] == f"khabar: error: {folder / 'gone.txt'}: no such file or folder"
    assert "--fail-fast" in lines[-1] and "nothing written" in lines[-1]
    # without it the good input is written and the exit code still says something failed
    assert main(["extract", str(folder / "a_en.txt"), str(folder / "gone.txt"), "--out", str(out)]) == 1
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a_en"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_output_that_cannot_be_written(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    nowhere = tmp_path / "no" / "such" / f"out.{fmt}"
    assert main(["extract", str(folder), "--format", fmt, "--out", str(nowhere)]) == 3
    [line] = errors_of(capsys.readouterr().err)
    assert str(nowhere) in line and "cannot be written" in line
    assert main(["extract", str(folder), "--out", str(tmp_path)]) == 3  # a folder is no file
    assert "is a folder" in capsys.readouterr().err


def test_an_interrupted_run_leaves_no_partial_output(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("an earlier run's complete output\n", encoding="utf-8")
    real = cli.Writer.write
    calls = []

    def write_then_interrupt(self: Any, docs: Any) -> None:
        real(self, docs)  # the temporary files now hold a first chunk
        calls.append(len(docs))
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.Writer, "write", write_then_interrupt)
    assert main(["extract", str(folder), "--format", "csv", "--out", str(out)]) == 130
    assert calls == [2]
    assert errors_of(capsys.readouterr().err) == ["khabar: interrupted"]
    assert out.read_text(encoding="utf-8") == "an earlier run's complete output\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.csv"]  # no temporary left


def test_an_internal_error_is_one_line_with_its_own_code(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the core said\nsomething odd")

    monkeypatch.setattr(cli, "default_extractor", broken)
    monkeypatch.delenv("KHABAR_DEBUG", raising=False)
    assert main(["extract", str(folder)]) == 70
    [line] = errors_of(capsys.readouterr().err)
    assert line == "khabar: internal error: RuntimeError: the core said something odd"


def test_a_folder_of_many_files_is_listed_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "many"
    d.mkdir()
    n = 3000
    for i in range(n):
        (d / f"{i:05d}.txt").write_text(f"Report {i}: talks in Rabat on Monday.", encoding="utf-8")
        (d / f"{i:05d}.html").write_text("<p>not an input</p>", encoding="utf-8")
    (d / "sub.txt").mkdir()  # a folder named like an input is skipped, not read
    assert main(["extract", str(d), "--threads", "1"]) == 0
    out, err = capsys.readouterr()
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [f"{i:05d}" for i in range(n)] and err == ""


def test_ctrl_c_on_the_command_line(folder: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(60_000):
            f.write(json.dumps({"id": f"r{i}", "text": EN if i % 2 else AR}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "khabar", "extract", str(feed), "--out", str(out), "--threads", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3)  # into the extraction
        assert proc.poll() is None, proc.communicate()
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        waited = time.monotonic() - sent
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "khabar: interrupted"
    assert waited < 10, f"{waited:.1f} s"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
