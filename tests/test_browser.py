"""The document view in a real browser: headless Chromium renders an Arabic and an English page.

The page is written to ``test-artifacts/browser/`` with a screenshot beside it (kept for people to
look at). A small probe script is appended to a copy of the page (the view itself has no script);
it writes what the browser computed into the DOM, which ``--dump-dom`` then gives back: the
direction of each article block and the size of every highlighted entity mention.

Skipped, with the reason, where Chromium is not installed (``.ci/run`` installs the Debian package
``chromium`` when it can).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from made_docs import all_mentions, arabic_doc, english_doc

from khabar import Document
from khabar.display import render

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts" / "browser"

PROBE = """<script>
for (const block of document.querySelectorAll('.khabar-text')) {
  block.setAttribute('data-computed-direction', getComputedStyle(block).direction);
}
for (const mark of document.querySelectorAll('mark.khabar-m')) {
  const box = mark.getBoundingClientRect();
  mark.setAttribute('data-box', Math.round(box.width) + 'x' + Math.round(box.height));
}
document.body.setAttribute('data-probe', 'done');
</script>"""

HOSTILE_TEXT = '<script>document.body.setAttribute("data-pwned", "1")</script> <img src=x onerror=alert(1)>'


def _chromium() -> str:
    for name in (os.environ.get("KHABAR_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (path := shutil.which(name)):
            return path
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run tries to install it)")


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1000,1500",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


class Dom(HTMLParser):
    """The elements of the dumped DOM that the test looks at."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict[str, str]] = []
        self.marks: list[dict[str, str]] = []
        self.body: dict[str, str] = {}
        self.scripts = 0
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "body":
            self.body = a
        elif tag == "script":
            self.scripts += 1
        elif "khabar-text" in classes:
            self.blocks.append(a)
        elif tag == "mark" and "khabar-m" in classes:
            self.marks.append(a)


@pytest.fixture(scope="module")
def browser_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dom, Path, list[Document]]:
    browser = _chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    hostile = Document(id="hostile", lang="en", title="<b>not bold</b>", text=HOSTILE_TEXT)
    docs = [arabic_doc(), english_doc(), hostile]
    page = ARTIFACTS / "documents.html"
    render(docs).save(page, title="khabar: browser test")
    probed = ARTIFACTS / "documents-probed.html"
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    screenshot = ARTIFACTS / "documents.png"
    screenshot.unlink(missing_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    shot = _run(browser, profile, f"--screenshot={screenshot}", page.as_uri())
    assert screenshot.exists(), f"no screenshot: {shot.stderr[-2000:]}"
    dumped = _run(browser, tmp_path_factory.mktemp("chromium-profile"), "--dump-dom", probed.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    (ARTIFACTS / "documents-dom.html").write_text(dumped.stdout, encoding="utf-8")
    return Dom(dumped.stdout), screenshot, docs


def test_the_page_was_drawn_and_probed(browser_run: tuple[Dom, Path, list[Document]]) -> None:
    dom, screenshot, _ = browser_run
    assert dom.body.get("data-probe") == "done"
    assert screenshot.stat().st_size > 10_000  # a real picture, not an empty canvas


def test_the_arabic_block_is_right_to_left(browser_run: tuple[Dom, Path, list[Document]]) -> None:
    dom, _, _ = browser_run
    by_lang = {b["lang"]: b for b in dom.blocks}
    assert by_lang["ar"]["data-computed-direction"] == "rtl"
    assert by_lang["en"]["data-computed-direction"] == "ltr"


def test_every_entity_span_is_present_and_visible(browser_run: tuple[Dom, Path, list[Document]]) -> None:
    dom, _, docs = browser_run
    wanted = {(s, e, kind) for d in docs for s, e, kind in all_mentions(d)}
    shown = {(int(m["data-start"]), int(m["data-end"]), m["data-kind"]) for m in dom.marks}
    assert shown == wanted
    for m in dom.marks:
        width, height = map(int, re.fullmatch(r"(\d+)x(\d+)", m["data-box"]).groups())  # type: ignore[union-attr]
        assert width > 0 and height > 0, m


def test_hostile_markup_stayed_text(browser_run: tuple[Dom, Path, list[Document]]) -> None:
    dom, _, _ = browser_run
    assert "data-pwned" not in dom.body
    assert dom.scripts == 1  # the probe only
