"""Properties that hold for any input string (hypothesis): spans cut the text they report and lie
inside the document, output does not depend on thread count or batch order, documents round-trip
through ``to_dict()``, JSON and pickle.

The strings mix what news pages are made of (Arabic and Latin words, dates, quotation marks,
digits in three scripts) with what scraped pages carry (diacritics and tatweel, emoji and ZWJ
sequences, direction marks, control characters, lone surrogates).
"""

from __future__ import annotations

import json
import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar

# Pieces written for these tests: realistic fragments in both languages.
WORDS = [
    "Jordan",
    "and",
    "Japan",
    "signed",
    "an agreement",
    "on Tuesday",
    "Foreign Minister",
    "Ayman Safadi",
    "said",
    "told reporters",
    "in Amman",
    "the United Nations",
    "next week",
    "3 March 2024",
    "الأردن",
    "واليابان",
    "وقع",
    "اتفاقية",
    "يوم الثلاثاء",
    "وزير الخارجية",
    "أيمن الصفدي",
    "وقال",
    "في عمّان",
    "الأمم المتحدة",
    "الأسبوع المقبل",
    "١٥ رمضان ١٤٤٥ هـ",
    "٣ مارس ٢٠٢٤",
    "قَالَ",
    "الـــوزير",
]
MARKS = list("\"“”«»‘’'„.,،؛؟!:-–—()[]")
ODD = [
    "\u064b",  # tanween
    "\u0651",  # shadda
    "\u0640",  # tatweel
    "\u200f",  # right-to-left mark
    "\u200e",
    "\u202b",  # right-to-left embedding
    "\u2067",  # right-to-left isolate
    "\u200d",  # zero-width joiner
    "\ufeff",
    "\u00a0",
    "👨‍👩‍👧",  # a ZWJ sequence
    "🇯🇴",
    "😀",
    "ﻻ",  # lam-alef ligature
    "ﬁ",
    "İ",
    "e\u0301",
    "\x00",
    "\x1b",
    "\r",
    "\t",
    "٠١٢",
    "۴۵",
]
SURROGATES = ["\ud800", "\udfff", "\ud83d", "\udc00"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MARKS),
    st.sampled_from(ODD),
    st.sampled_from([" ", " ", " ", "\n", "\n\n"]),
    st.text(max_size=4),  # any code points (hypothesis leaves out surrogates here)
)
news_text = st.lists(piece, max_size=80).map("".join)
with_surrogates = st.lists(st.one_of(piece, st.sampled_from(SURROGATES)), max_size=60).map("".join)

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def check(doc: khabar.Document) -> None:
    n = len(doc.text)
    for what, start, end, text in doc.spans():
        assert 0 <= start <= end <= n, (what, start, end, n)
        assert doc.text[start:end] == text, (what, start, end)
    for ev in doc.events:
        assert 0 <= ev.start <= ev.end <= n
    for span in doc.boilerplate:
        assert 0 <= span.start <= span.end <= n
    if doc.title_span is not None:
        assert 0 <= doc.title_span.start <= doc.title_span.end <= n
        assert doc.title is not None and doc.text[doc.title_span.start : doc.title_span.end] == doc.title
    assert not any(e.code == "stage_failed" for e in doc.errors), doc.errors


@SETTINGS
@given(news_text)
def test_every_span_cuts_its_text(text: str) -> None:
    [doc] = khabar.extract(text, n_threads=1)
    assert doc.text == text
    check(doc)


@SETTINGS
@given(with_surrogates)
def test_lone_surrogates_keep_offsets(text: str) -> None:
    [doc] = khabar.extract(text, n_threads=1)
    assert len(doc.text) == len(text)  # replaced one for one: offsets into the input hold
    check(doc)
    lone = sum(text.count(s) for s in SURROGATES)
    assert bool(lone) == any(e.code == "bad_encoding" for e in doc.errors)


@SETTINGS
@given(news_text, st.sampled_from([None, "2024-03-05", "2024-03-05T10:30", "yesterday", ""]))
def test_any_publication_value(text: str, published: str | None) -> None:
    [doc] = khabar.extract(text, published=published, n_threads=1)
    check(doc)


@settings(SETTINGS, max_examples=40)
@given(st.lists(news_text, min_size=1, max_size=12))
def test_same_output_for_any_thread_count_and_batch_order(texts: list[str]) -> None:
    ids = [f"d{i}" for i in range(len(texts))]
    one = {d.id: d.to_dict() for d in khabar.extract(texts, ids=ids, n_threads=1)}
    two = {d.id: d.to_dict() for d in khabar.extract(texts, ids=ids, n_threads=2)}
    back = {d.id: d.to_dict() for d in khabar.extract(texts[::-1], ids=ids[::-1], n_threads=2)}
    assert one == two
    assert one == back


@SETTINGS
@given(news_text)
def test_documents_round_trip_through_dict_json_and_pickle(text: str) -> None:
    [doc] = khabar.extract(text, n_threads=1)
    assert khabar.Document.from_dict(doc.to_dict(), text=doc.text) == doc
    assert khabar.Document.from_json(doc.to_json(), text=doc.text) == doc
    assert khabar.Document.from_dict(json.loads(doc.to_json(include_text=True))) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc
