"""Broken input never crashes and never loses a row: each document gets a result or an error."""

from __future__ import annotations

import math
import time

import pytest

import khabar

REPORT = """Morocco, Germany sign green hydrogen declaration

Wed, 15 Mar 2023 - 14:10 GMT

RABAT - Morocco and Germany signed a joint declaration on green hydrogen on Wednesday.

"This opens a new chapter," the Moroccan foreign minister said.
"""

AR_REPORT = (
    "المغرب وألمانيا يوقعان إعلان نوايا\n\nالأربعاء 15 مارس 2023 02:10 م\n\nوقع الجانبان إعلان نوايا مشترك.\n"
)


def codes(doc: khabar.Document) -> list[str]:
    return [e.code for e in doc.errors]


def check_offsets(doc: khabar.Document) -> None:
    for what, start, end, text in doc.spans():
        assert doc.text[start:end] == text, (doc.id, what, start, end)
    for span in doc.boilerplate:
        assert 0 <= span.start <= span.end <= len(doc.text)
    if doc.title_span is not None:
        assert 0 <= doc.title_span.start <= doc.title_span.end <= len(doc.text)


@pytest.mark.parametrize("missing", [None, float("nan"), math.nan])
def test_missing_text(missing: object) -> None:
    [doc] = khabar.extract([missing])
    assert doc.text == "" and doc.body == ""
    assert codes(doc) == ["missing_text"]


def test_pandas_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    docs = khabar.extract(pd.Series([REPORT, pd.NA, None, pd.NaT], index=["a", "b", "c", "d"]))
    assert [d.id for d in docs] == ["a", "b", "c", "d"]
    assert docs[0].errors == ()
    assert all(codes(d) == ["missing_text"] for d in docs[1:])


@pytest.mark.parametrize("blank", ["", " ", "\n\n\t\n", "\u200f\u200e", "\ufeff"])
def test_empty_and_blank_text(blank: str) -> None:
    [doc] = khabar.extract(blank)
    assert doc.text == blank
    assert doc.entities == () and doc.quotes == () and doc.events == ()
    check_offsets(doc)


def test_bytes_valid_utf8_are_decoded() -> None:
    docs = khabar.extract([REPORT.encode(), AR_REPORT.encode("utf-8"), bytearray(AR_REPORT.encode())])
    assert [d.text for d in docs] == [REPORT, AR_REPORT, AR_REPORT]
    assert all(d.errors == () for d in docs)
    assert [d.lang for d in docs] == ["en", "ar", "ar"]
    # a byte-order mark is part of the encoding, not of the text
    [doc] = khabar.extract(b"\xef\xbb\xbf" + REPORT.encode())
    assert doc.text == REPORT and doc.errors == ()


def test_bytes_invalid_utf8_are_replaced_and_flagged() -> None:
    raw = AR_REPORT.encode()
    broken = raw[:25] + b"\xff\xfe\xc3" + raw[25:]  # stray bytes inside the headline
    [doc] = khabar.extract(broken)
    assert codes(doc) == ["bad_encoding"]
    assert "\ufffd" in doc.text
    assert doc.text == broken.decode("utf-8", errors="replace")
    assert "وقع الجانبان إعلان نوايا مشترك" in doc.body
    check_offsets(doc)
    # Latin-1 text is not UTF-8 either
    [doc] = khabar.extract("Réunion à Rabat: l'Allemagne et le Maroc".encode("latin-1"))
    assert codes(doc) == ["bad_encoding"]


def test_lone_surrogates_are_replaced_in_place() -> None:
    text = REPORT.replace("Morocco and Germany", "Morocco \ud83d and Germany \udc00")
    [doc] = khabar.extract(text)
    assert len(doc.text) == len(text)  # same length: offsets into the input stay valid
    assert doc.text == text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd")
    assert doc.errors == (khabar.DocError("bad_encoding", "2 lone surrogate(s) replaced with U+FFFD"),)
    assert "signed a joint declaration" in doc.body
    check_offsets(doc)


def test_nul_and_control_characters_pass_through() -> None:
    text = REPORT.replace("RABAT", "RABAT\x00\x01\x1b[31m").replace("Wednesday.", "Wednesday.\x7f\x0c\r\n")
    [doc] = khabar.extract(text)
    assert doc.text == text
    assert doc.published is not None and doc.published.startswith("2023-03-15")
    check_offsets(doc)


def test_astral_characters_keep_offsets() -> None:
    text = "🇲🇦🇩🇪 " + REPORT.replace("Wednesday", "Wednesday 🤝") + "\n𝕄𝕠𝕣𝕖 at 𝐑𝐚𝐛𝐚𝐭\n"
    [doc] = khabar.extract(text)
    check_offsets(doc)
    assert doc.title is not None and "Morocco, Germany sign green hydrogen declaration" in doc.title
    assert doc.title_span is not None
    assert doc.title in text[doc.title_span.start : doc.title_span.end]


@pytest.mark.parametrize(
    ("value", "kind"),
    [(42, "int"), (3.5, "float"), ({"text": "x"}, "dict"), (["a"], "list"), (object(), "object")],
)
def test_values_that_are_not_text(value: object, kind: str) -> None:
    [doc] = khabar.extract([value])
    assert doc.text == ""
    assert doc.errors == (khabar.DocError("not_text", f"not text: {kind}"),)


def test_order_and_ids_survive_a_mix_of_good_and_bad() -> None:
    values: list[object] = [REPORT, None, b"\xff", AR_REPORT, 7, "", "x\ud800y", REPORT.encode()]
    docs = khabar.extract(values, ids=[f"d{i}" for i in range(len(values))])
    assert [d.id for d in docs] == [f"d{i}" for i in range(len(values))]
    assert [d.lang for d in docs][0] == "en" and docs[3].lang == "ar"
    assert [bool(d.errors) for d in docs] == [False, True, True, False, True, False, True, False]
    assert docs[7].text == REPORT


def test_many_small_documents_keep_their_order() -> None:
    texts = [f"Item {i}: talks in Rabat" if i % 3 else None for i in range(3000)]
    docs = khabar.extract(texts, progress=False)
    assert len(docs) == 3000
    assert [d.id for d in docs] == [str(i) for i in range(3000)]
    assert all((codes(d) == ["missing_text"]) == (i % 3 == 0) for i, d in enumerate(docs))
    assert all(d.text == (t or "") for d, t in zip(docs, texts, strict=True))


def test_fifty_megabyte_document() -> None:
    paragraph = (
        "Paragraph {}: Morocco and Germany agreed on Wednesday to widen cooperation, an official said.\n"
    )
    big = "Morocco, Germany agree on hydrogen\n\n" + "".join(paragraph.format(i) for i in range(540_000))
    assert len(big) > 50_000_000
    started = time.monotonic()
    docs = khabar.extract([big, REPORT], ids=["big", "small"])
    elapsed = time.monotonic() - started
    assert [d.id for d in docs] == ["big", "small"]
    big_doc = docs[0]
    assert big_doc.text is big
    assert big_doc.errors == ()
    assert big_doc.title == "Morocco, Germany agree on hydrogen"
    assert big_doc.body.endswith(
        "Paragraph 539999: Morocco and Germany agreed on Wednesday to widen cooperation, an official said."
    )
    check_offsets(big_doc)
    assert elapsed < 120, f"a 50 MB document took {elapsed:.0f} s"
