"""The public Python API: extract(), Document and its parts, Extractor."""

from __future__ import annotations

import dataclasses
import json
import pickle
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

import khabar
from khabar import extractor as extractor_module

# A short report as scraped, with its own dateline.
EN_REPORT = """Kuwait, Iraq resume border talks

Sat, 08 Apr 2023 - 09:15 GMT

KUWAIT CITY - Kuwait and Iraq resumed talks on their maritime border on Friday, officials said.

"We are committed to everything that was signed," the Iraqi undersecretary said.

Leave a Comment
"""

# A report without any date of its own.
AR_UNDATED = """تونس تطلب دعما أوروبيا لتحديث شبكات الري

طلبت تونس من الاتحاد الأوروبي دعما عاجلا لتحديث شبكات الري، وقال وزير الفلاحة إن "الوضع المائي صعب".
"""

RECORD_KEYS = {
    "id",
    "lang",
    "lang_spans",
    "title",
    "published",
    "published_source",
    "body",
    "boilerplate",
    "entities",
    "dates",
    "quotes",
    "events",
    "cluster",
    "source",
    "url",
    "errors",
    "title_span",
}


def test_one_string_gives_one_document() -> None:
    docs = khabar.extract(EN_REPORT)
    assert len(docs) == 1
    doc = docs[0]
    assert isinstance(doc, khabar.Document)
    assert doc.id == "0"
    assert doc.text is EN_REPORT
    assert doc.lang == "en"
    assert doc.title == "Kuwait, Iraq resume border talks"
    assert doc.published is not None and doc.published.startswith("2023-04-08")
    assert doc.published_source == "text"
    assert "Leave a Comment" not in doc.body
    assert "resumed talks on their maritime border" in doc.body
    assert doc.errors == ()


def test_ids_default_to_positions_and_can_be_given() -> None:
    texts = [EN_REPORT, AR_UNDATED, "Short note."]
    assert [d.id for d in khabar.extract(texts)] == ["0", "1", "2"]
    assert [d.id for d in khabar.extract(texts, ids=["a", 7, "c"])] == ["a", "7", "c"]


def test_ids_of_wrong_length_raise_input_error() -> None:
    with pytest.raises(khabar.InputError, match="2 values for 3 texts") as info:
        khabar.extract(["a", "b", "c"], ids=["x", "y"])
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, khabar.KhabarError)


def test_wrong_argument_types_raise_input_error() -> None:
    with pytest.raises(khabar.InputError):
        khabar.extract(None)
    with pytest.raises(khabar.InputError):
        khabar.extract(42)
    with pytest.raises(khabar.InputError):
        khabar.extract(["a"], ids="a")  # a string is not a list of ids
    with pytest.raises(khabar.InputError):
        khabar.extract(["a"], n_threads=0)
    with pytest.raises(khabar.InputError):
        khabar.extract(["a"], lang=3)


def test_generator_and_mapping_inputs() -> None:
    docs = khabar.extract(t for t in [EN_REPORT, AR_UNDATED])
    assert [d.lang for d in docs] == ["en", "ar"]
    docs = khabar.extract({"kw-1": EN_REPORT, "tn-2": AR_UNDATED})
    assert [d.id for d in docs] == ["kw-1", "tn-2"]


def test_series_index_becomes_ids() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series([AR_UNDATED, EN_REPORT], index=[1001, 1002])
    docs = khabar.extract(s)
    assert [d.id for d in docs] == ["1001", "1002"]
    assert [d.lang for d in docs] == ["ar", "en"]
    # explicit ids win over the index
    assert [d.id for d in khabar.extract(s, ids=["x", "y"])] == ["x", "y"]


@pytest.mark.parametrize(
    "value",
    [
        "2023-03-14",
        "2023-03-14T10:20:00",
        date(2023, 3, 14),
        datetime(2023, 3, 14, 10, 20),
        datetime(2023, 3, 14, 10, 20, tzinfo=timezone(timedelta(hours=2))),
    ],
)
def test_published_given_by_the_caller(value: Any) -> None:
    [doc] = khabar.extract(AR_UNDATED, published=value)
    assert doc.published is not None and doc.published.startswith("2023-03-14")
    assert doc.published_source == "metadata"
    assert doc.errors == ()


def test_published_wins_over_the_dateline() -> None:
    [doc] = khabar.extract(EN_REPORT, published="2023-04-09")
    assert doc.published == "2023-04-09"
    assert doc.published_source == "metadata"


def test_published_per_document_with_gaps() -> None:
    pd = pytest.importorskip("pandas")
    published = [pd.Timestamp("2023-03-15 14:10"), None, float("nan")]
    other = "مهرجان جرش يعلن برنامج دورته الجديدة\n\nأعلنت إدارة المهرجان أسماء الفرق المشاركة.\n"
    docs = khabar.extract([AR_UNDATED, other, EN_REPORT], published=published)
    assert docs[0].published == "2023-03-15T14:10:00"
    assert docs[0].published_source == "metadata"
    assert docs[1].published is None and docs[1].published_source is None
    # no date given: the article's own dateline is read
    assert docs[2].published is not None and docs[2].published.startswith("2023-04-08")
    assert docs[2].published_source == "text"
    with pytest.raises(khabar.InputError):
        khabar.extract([AR_UNDATED, EN_REPORT], published=["2023-01-01"])


def test_unreadable_published_is_an_error_entry() -> None:
    [doc] = khabar.extract(AR_UNDATED, published="the day after the storm")
    assert doc.published is None
    assert [e.code for e in doc.errors] == ["published_unparsed"]


def test_lang_override() -> None:
    docs = khabar.extract([EN_REPORT, AR_UNDATED], lang=["EN", None])
    assert [d.lang for d in docs] == ["en", "ar"]


def test_document_record_and_round_trip(sample_docs: dict[str, khabar.Document]) -> None:
    for doc in sample_docs.values():
        record = doc.to_dict()
        assert set(record) == RECORD_KEYS
        assert json.loads(json.dumps(record, ensure_ascii=False)) == record
        assert khabar.Document.from_dict(record, text=doc.text) == doc
        with_text = doc.to_dict(include_text=True)
        assert with_text["text"] == doc.text
        assert khabar.Document.from_dict(with_text) == doc
        assert khabar.Document.from_json(doc.to_json(), text=doc.text) == doc


def test_record_of_a_full_document() -> None:
    text = 'Haddadin met Morita in Amman on Tuesday. "We agreed," Haddadin said.'
    doc = khabar.Document(
        id="x",
        lang="en",
        title="Talks",
        entities=(
            khabar.Entity(
                id="JOR",
                kind="country",
                name="Jordan",
                key="jordan",
                mentions=(khabar.Mention(0, 8, "Haddadin"),),
            ),
        ),
        dates=(khabar.Date(32, 39, "Tuesday", "2023-03-14", "day"),),
        quotes=(khabar.Quote(42, 51, '"We agreed,"'[1:10], speaker="p1", speaker_name="Samir Haddadin"),),
        events=(
            khabar.Event(
                type="CONSULT", context=("diplomatic",), cameo="040", source=("JOR",), target=("JPN",)
            ),
        ),
        errors=(khabar.DocError("stage_failed", "one thing went wrong"),),
        text=text,
    )
    record = doc.to_dict()
    assert record["entities"][0]["mentions"] == [{"start": 0, "end": 8, "text": "Haddadin"}]
    assert record["events"][0]["source"] == ["JOR"] and record["events"][0]["context"] == ["diplomatic"]
    assert record["errors"] == [{"code": "stage_failed", "message": "one thing went wrong"}]
    assert record["dates"][0] == {
        "start": 32,
        "end": 39,
        "text": "Tuesday",
        "value": "2023-03-14",
        "grain": "day",
    }
    assert khabar.Document.from_dict(record, text=text) == doc


def test_unknown_record_fields_are_kept() -> None:
    record = khabar.Document(id="a", text="x").to_dict()
    record["sentiment"] = {"score": 0.5}
    doc = khabar.Document.from_dict(record)
    assert doc.extra == {"sentiment": {"score": 0.5}}
    assert doc.to_dict()["sentiment"] == {"score": 0.5}


def test_documents_are_frozen_and_pickle(sample_docs: dict[str, khabar.Document]) -> None:
    doc = sample_docs["ar_jordan_japan"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "changed"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(list(sample_docs.values()))) == list(sample_docs.values())
    assert hash(doc.boilerplate) == hash(pickle.loads(pickle.dumps(doc)).boilerplate)


def test_repr_is_short() -> None:
    [doc] = khabar.extract(EN_REPORT, ids=["kw"])
    assert repr(doc) == (
        "<Document id='kw' lang='en' title='Kuwait, Iraq resume border talks' "
        f"entities={len(doc.entities)} dates={len(doc.dates)} quotes={len(doc.quotes)} "
        f"events={len(doc.events)}>"
    )
    long = khabar.Document(id="1", title="x" * 100)
    assert len(repr(long)) < 140 and "…" in repr(long)


def test_extractor_config_and_pickle() -> None:
    ex = khabar.Extractor()
    assert ex.config == {}
    again = pickle.loads(pickle.dumps(ex))
    assert isinstance(again, khabar.Extractor)
    assert again.config == ex.config
    assert [d.to_dict() for d in again.extract(EN_REPORT)] == [d.to_dict() for d in ex.extract(EN_REPORT)]
    with pytest.raises(khabar.InputError):
        khabar.Extractor(config=42)  # type: ignore[arg-type]
    with pytest.raises(khabar.InputError, match="bogus"):
        khabar.Extractor({"bogus": True})
    with pytest.raises(khabar.InputError):
        khabar.Extractor("{not json")


def test_reference_dates_only_when_asked() -> None:
    # "now" and "حاليا" name no calendar time: dates leaves them out unless the extractor is asked
    texts = [
        "Prices are high now, the bank said on Monday.",
        "قال البنك يوم الاثنين إن الأسعار مرتفعة حاليا.",
    ]
    published = ["2024-03-05", "2024-03-05"]
    plain = khabar.Extractor().extract(texts, published=published)
    assert [[(d.text, d.value) for d in doc.dates] for doc in plain] == [
        [("Monday", "2024-03-04")],
        [("الاثنين", "2024-03-04")],
    ]
    ex = khabar.Extractor(reference_dates=True)
    assert ex.config == {"reference_dates": True}
    asked = pickle.loads(pickle.dumps(ex)).extract(texts, published=published)
    for doc, word in zip(asked, ["now", "حاليا"], strict=True):
        assert (word, "PRESENT_REF", "reference") in [(d.text, d.value, d.grain) for d in doc.dates]
    with pytest.raises(khabar.InputError, match="reference_dates"):
        khabar.Extractor(reference_dates="yes")  # type: ignore[arg-type]


def test_results_do_not_depend_on_thread_count(sample_texts: dict[str, str]) -> None:
    texts = list(sample_texts.values())
    one = khabar.extract(texts, n_threads=1)
    two = khabar.extract(texts, n_threads=2)
    assert one == two


def test_chunks_keep_order_and_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor_module, "CHUNK_DOCS", 3)
    texts = [f"Report number {i}\n\nJordan and Japan held talks, round {i}." for i in range(10)]
    docs = khabar.Extractor().extract(texts, ids=[f"r{i}" for i in range(10)])
    assert [d.id for d in docs] == [f"r{i}" for i in range(10)]
    assert [d.text for d in docs] == texts
    assert all(f"round {i}." in d.body for i, d in enumerate(docs))


class _Interrupting:
    """Stands in for the core: answers the first chunk, then acts as if Ctrl-C was pressed."""

    def __init__(self, core: Any) -> None:
        self.core = core
        self.calls = 0

    def extract(self, inputs: list[Any], n_threads: int | None = None, cluster: bool = True) -> list[str]:
        self.calls += 1
        if self.calls > 1:
            raise KeyboardInterrupt
        result: list[str] = self.core.extract(inputs, n_threads, cluster)
        return result

    def config_json(self) -> str:
        result: str = self.core.config_json()
        return result


def test_interrupt_between_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor_module, "CHUNK_DOCS", 2)
    ex = khabar.Extractor()
    fake = _Interrupting(ex._core)
    ex._core = fake  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        ex.extract(["one", "two", "three", "four", "five"], progress=False)
    assert fake.calls == 2


def test_progress_bar(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    monkeypatch.setattr(extractor_module, "CHUNK_DOCS", 2)
    docs = khabar.extract(["a", "b", "c", "d", "e"], progress=True)
    assert len(docs) == 5
    assert "khabar" in capsys.readouterr().err
    khabar.extract(["a", "b", "c"], progress=False)
    khabar.extract(["a", "b", "c"])  # short batches never show a bar by default
    assert capsys.readouterr().err == ""


def test_samples_are_bundled(sample_texts: dict[str, str]) -> None:
    assert len(sample_texts) >= 5
    assert list(sample_texts) == sorted(sample_texts)
    assert {"en_jordan_japan", "ar_jordan_japan", "ar_morocco_germany_1", "ar_morocco_germany_2"} <= set(
        sample_texts
    )
    assert all(len(t) > 500 for t in sample_texts.values())


def test_samples_language_title_and_clutter(sample_docs: dict[str, khabar.Document]) -> None:
    langs = {name: d.lang for name, d in sample_docs.items()}
    assert langs == {name: name[:2] for name in sample_docs}
    ar = sample_docs["ar_jordan_japan"]
    assert ar.title == "الأردن واليابان توقعان مذكرة تفاهم لتحلية المياه في العقبة"
    assert ar.published is not None and ar.published.startswith("2023-03-14")
    assert "الأكثر قراءة" not in ar.body and "English version" not in ar.body
    assert "وقّع الأردن واليابان" in ar.body
    en = sample_docs["en_jordan_japan"]
    assert en.published is not None and en.published.startswith("2023-03-14")
    assert "Leave a Comment" not in en.body
    assert "Haddadin told a joint press conference" in en.body
    # the second Moroccan report gives no date of its own
    assert sample_docs["ar_morocco_germany_2"].published_source != "text"


def test_every_span_of_every_sample_cuts_its_text(sample_docs: dict[str, khabar.Document]) -> None:
    for doc in sample_docs.values():
        for what, start, end, text in doc.spans():
            assert 0 <= start < end <= len(doc.text), (doc.id, what, start, end)
            assert doc.text[start:end] == text, (doc.id, what)
        for span in doc.boilerplate:
            assert 0 <= span.start < span.end <= len(doc.text)
            removed = doc.text[span.start : span.end].strip()
            assert removed and removed not in doc.body.splitlines(), (doc.id, removed)
        if doc.title_span is not None:
            assert doc.title is not None
            assert doc.title in doc.text[doc.title_span.start : doc.title_span.end]


def test_exceptions_pickle() -> None:
    err = khabar.MissingDependencyError("pandas", "pandas", "khabar.to_frames()")
    again = pickle.loads(pickle.dumps(err))
    assert isinstance(again, ImportError) and str(again) == str(err) and again.package == "pandas"
    bad = pickle.loads(pickle.dumps(khabar.InputError("ids has 2 values for 3 texts")))
    assert isinstance(bad, khabar.InputError) and str(bad) == "ids has 2 values for 3 texts"


def test_the_callers_strings_are_left_as_they_were() -> None:
    # CPython keeps a UTF-8 copy inside a non-ASCII str once a C extension asks for its UTF-8
    # form; khabar copies the text out through a temporary instead, so a batch of Arabic articles
    # does not double in the caller's memory
    import sys

    texts = list(khabar.samples().values())
    before = [sys.getsizeof(t) for t in texts]
    docs = khabar.extract(texts)
    frames_ex = khabar.Extractor()
    frames_ex.extract_frames(texts)
    assert [sys.getsizeof(t) for t in texts] == before
    assert {d.lang for d in docs} == {"ar", "en"} and all(d.entities for d in docs)


def test_documents_are_out_of_the_cyclic_collectors_way(sample_texts: dict[str, str]) -> None:
    """The documents hold no cycles: the collector need not walk them (a batch of thousands
    would make every full collection of the user's process walk them all again)."""
    import gc

    docs = khabar.extract(list(sample_texts.values()))
    doc = next(d for d in docs if d.entities and d.entities[0].mentions)
    objects = [doc, doc.entities, doc.entities[0], doc.entities[0].mentions[0], doc.dates, doc._origin]
    assert not any(gc.is_tracked(o) for o in objects)
    # still ordinary values: equal to their record read back, hashable, picklable
    again = khabar.Document.from_dict(doc.to_dict(), text=doc.text)
    assert again == doc and hash(again) == hash(doc)
    assert pickle.loads(pickle.dumps(doc)) == doc
