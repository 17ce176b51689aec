"""The HTML view of documents (``Document._repr_html_``, ``khabar.render``) and ``to_displacy``."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from made_docs import AR_TEXT, EN_TEXT, all_mentions, arabic_doc, at, english_doc

import khabar
from khabar import Document
from khabar.display import document_html, page, render, to_displacy


class Tree(HTMLParser):
    """Parses a fragment, checks that it is well nested, and keeps what the tests look at."""

    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_by_class: dict[str, list[str]] = {}
        self.all_text: list[str] = []
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.all_text.append(data)
        for _, a in self.stack:
            for cls in a.get("class", "").split():
                self.text_by_class.setdefault(cls, []).append(data)

    def with_class(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if cls in a.get("class", "").split()]


def _text_block(markup: str) -> str:
    """The text of the article block alone (what the reader sees of the article)."""
    tree = Tree(markup)
    return "".join(tree.text_by_class["khabar-text"])


def test_the_article_text_is_shown_whole_and_unchanged() -> None:
    for doc, text in ((english_doc(), EN_TEXT), (arabic_doc(), AR_TEXT)):
        assert _text_block(doc._repr_html_()) == text


def test_every_entity_mention_is_highlighted_with_its_kind_and_hover() -> None:
    doc = english_doc()
    tree = Tree(doc._repr_html_())
    marks = tree.with_class("khabar-m")
    shown = {(int(a["data-start"]), int(a["data-end"]), a["data-kind"]) for a in marks}
    assert shown == set(all_mentions(doc))
    lavrov = next(a for a in marks if a["data-id"] == "sergei-lavrov")
    assert lavrov["title"] == "person · sergei-lavrov · Sergei Lavrov · foreign minister · RUS"


def test_dates_carry_their_iso_value_and_quotes_their_speaker() -> None:
    tree = Tree(english_doc()._repr_html_())
    values = [a["data-value"] for a in tree.with_class("khabar-d")]
    assert values.count("2023-03-12") == 2 and "2024" in values
    assert {a["datetime"] for a in tree.with_class("khabar-d")} == {"2023-03-12", "2024"}
    assert any("2024" in a["title"] for a in tree.with_class("khabar-d"))
    speakers = [a["title"] for a in tree.with_class("khabar-q")]
    assert any("Sameh Shoukry" in t and "told" in t for t in speakers)
    assert any("Sergei Lavrov" in t for t in speakers)


def test_a_date_inside_a_quote_nests_in_it() -> None:
    markup = english_doc()._repr_html_()
    Tree(markup)  # well nested
    # "next year" is a date within Shoukry's quote: the <time> sits inside the quote's span.
    assert re.search(r'class="khabar-q"[^>]*>[^<]*<time [^>]*data-value="2024"[^>]*>next year</time>', markup)


def test_crossing_spans_are_cut_into_well_nested_pieces() -> None:
    text = "Egypt and Russia held talks in Cairo on Sunday."
    doc = Document.from_dict(
        {
            "id": "x",
            "entities": [{"id": "EGY", "kind": "country", "name": "Egypt", "mentions": [at(text, "Egypt")]}],
            "quotes": [{"start": 3, "end": 20, "text": text[3:20]}],  # crosses the mention
            "dates": [{"start": 36, "end": 46, "text": text[36:46], "value": "2023-03-12"}],
            "events": [{"type": "CONSULT", "start": 30, "end": 47}],
        },
        text=text,
    )
    markup = doc._repr_html_()
    tree = Tree(markup)
    assert "".join(tree.text_by_class["khabar-text"]) == text
    assert "".join(tree.text_by_class["khabar-m"]) == "Egypt"
    assert "".join(tree.text_by_class["khabar-q"]) == text[3:20]
    # The anchor of the event sentence appears once, even though the sentence is cut in pieces.
    anchors = re.findall(r'id="(khabar\d+-s30-47)"', markup)
    assert len(anchors) == 1 and f'href="#{anchors[0]}"' in markup


def test_arabic_is_right_to_left_and_english_left_to_right() -> None:
    ar = Tree(arabic_doc()._repr_html_()).with_class("khabar-text")
    en = Tree(english_doc()._repr_html_()).with_class("khabar-text")
    assert ar[0]["dir"] == "rtl" and ar[0]["lang"] == "ar"
    assert en[0]["dir"] == "ltr" and en[0]["lang"] == "en"


def test_clutter_is_greyed_hidden_or_shown() -> None:
    doc = english_doc()
    grey = Tree(document_html(doc))
    assert "".join(grey.text_by_class["khabar-c"]) == "Cairo Daily | World | PoliticsLeave a Comment"
    hidden = document_html(doc, clutter="hide")
    assert 'class="khabar-doc khabar-hide"' in hidden and ".khabar-hide .khabar-c{display:none}" in hidden
    shown = Tree(document_html(doc, clutter="show"))
    assert "khabar-c" not in shown.text_by_class
    with pytest.raises(ValueError, match="clutter"):
        document_html(doc, clutter="blue")


def test_events_are_listed_under_the_text_with_links_to_their_sentence() -> None:
    doc = english_doc()
    markup = doc._repr_html_()
    tree = Tree(markup)
    items = "".join(tree.text_by_class["khabar-events"])
    assert "REJECT" in items and "Russia (RUS) → Egypt (EGY)" in items and "mode intended" in items
    assert "United Nations (UN)" in items and "CAMEO 057" in items
    links = [a["href"][1:] for t, a in tree.elements if t == "a"]
    assert len(links) == 4
    anchors = {a["id"] for _, a in tree.elements if "id" in a}
    assert set(links) <= anchors
    # Two events of one sentence link to the same anchor.
    assert len(set(links)) == 3
    assert markup.index("khabar-text") < markup.index("khabar-events")


def test_hostile_input_renders_as_text() -> None:
    text = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes" \u202e'
    doc = Document.from_dict(
        {
            "id": '"><script>alert(2)</script>',
            "title": "<b>title</b>",
            "source": "<iframe src=//evil>",
            "url": "javascript:alert(3)",
            "entities": [
                {
                    "id": 'x" onmouseover="alert(4)',
                    "kind": "<k>",
                    "name": "</mark>",
                    "mentions": [at(text, "script")],
                }
            ],
            "errors": [{"code": "stage_failed", "message": "<error>"}],
        },
        text=text,
    )
    markup = doc._repr_html_()
    tree = Tree(markup)
    tags = {t for t, _ in tree.elements}
    assert tags <= {"style", "div", "h3", "span", "b", "mark", "ul", "li"}, tags
    assert not any(k.startswith("on") for _, a in tree.elements for k in a)
    assert "javascript:" not in " ".join(v for _, a in tree.elements for v in a.values())
    assert "".join(tree.text_by_class["khabar-text"]) == text
    assert "<error>" in "".join(tree.all_text)


def test_no_network_resource_is_referenced() -> None:
    markup = page([english_doc(), arabic_doc()])
    assert not re.search(r"(src|href)=\"(?!#)", markup)
    assert "url(" not in markup and "@import" not in markup and "<script" not in markup
    assert "<link" not in markup


def test_odd_records_never_break_the_view() -> None:
    text = "Short text."
    doc = Document.from_dict(
        {
            "id": "odd",
            "entities": [
                {
                    "id": "A",
                    "kind": "org",
                    "name": "A",
                    "mentions": [{"start": 5, "end": 500, "text": "?"}, {"start": 4, "end": 2, "text": "?"}],
                }
            ],
            "dates": [{"start": -3, "end": 2, "text": "?"}],
            "events": [{"type": "AID", "start": 0, "end": 99}],
        },
        text=text,
    )
    assert _text_block(doc._repr_html_()) == text
    empty = Document(id="empty")
    assert "(no text)" in empty._repr_html_()


def test_render_shows_several_documents_with_one_legend(tmp_path: Path) -> None:
    docs = [english_doc(), arabic_doc()]
    out = render(docs)
    assert out._repr_html_() == str(out)
    tree = Tree(out.html)
    assert len(tree.with_class("khabar-doc")) == 2 and len(tree.with_class("khabar-legend")) == 1
    assert len(Tree(str(khabar.render(docs[0]))).with_class("khabar-doc")) == 1
    path = out.save(tmp_path / "view.html")
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in saved
    with pytest.raises(TypeError):
        render(["not a document"])  # type: ignore[list-item]


def test_the_real_pipeline_output_renders(sample_docs: dict[str, Document]) -> None:
    for doc in sample_docs.values():
        markup = doc._repr_html_()
        assert _text_block(markup) == doc.text
        tree = Tree(markup)
        shown = {(int(a["data-start"]), int(a["data-end"])) for a in tree.with_class("khabar-m")}
        assert shown == {(s, e) for s, e, _ in all_mentions(doc) if e > s}


def test_to_displacy_gives_the_manual_format() -> None:
    doc = english_doc()
    data = to_displacy(doc)
    assert isinstance(data, dict)
    assert data["text"] == EN_TEXT and data["title"] == doc.title
    ents: list[dict[str, Any]] = data["ents"]
    labels = {(EN_TEXT[e["start"] : e["end"]], e["label"]) for e in ents}
    assert ("Sergei Lavrov", "PERSON") in labels and ("United Nations", "ORG") in labels
    assert ("Moscow", "LOC") in labels and ("Egyptian", "COUNTRY") in labels
    assert ("Sunday 12 March 2023", "DATE") in labels
    starts = [e["start"] for e in ents]
    assert starts == sorted(starts)
    assert all(a["end"] <= b["start"] for a, b in zip(ents, ents[1:], strict=False))  # no overlap
    no_dates = to_displacy(doc, dates=False)
    assert isinstance(no_dates, dict) and all(e["label"] != "DATE" for e in no_dates["ents"])
    several = to_displacy([doc, arabic_doc()])
    assert isinstance(several, list) and len(several) == 2
    assert khabar.to_displacy is to_displacy
